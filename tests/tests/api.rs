//! The JSON API against the real database built from `data/`.

use tipstats::http::{ExportParams, OEmbedParams};
use tipstats_shared::figure::category_in;
use tipstats_shared::lang::Lang;
use tipstats_shared::query::{Params, SeriesParams, ViewParams};
use tipstats_shared::{Catalog, NoteKind, Problem, RegionLevel, SeriesResponse};
use tipstats_tests::spawn_app;

/// The dashboard's words come from the server, not its bundle: every word
/// in both languages, in one order, with an ETag that changes with the
/// build.
#[tokio::test]
async fn the_interface_words_are_served_in_both_languages_in_one_order() {
    let app = spawn_app().await;
    let lists: serde_json::Value = app.get_json("/api/v1/words").await;
    let list = |key: &str| -> Vec<String> {
        serde_json::from_value(lists[key].clone()).unwrap_or_else(|e| panic!("{key}: {e}"))
    };
    let (names, en, es) = (list("names"), list("en"), list("es"));
    assert_eq!(names.len(), tipstats_shared::words::Text::COUNT);
    assert_eq!((en.len(), es.len()), (names.len(), names.len()));
    let at = |name: &str| names.iter().position(|n| n == name).expect(name);
    assert_eq!(en[at("tab_table")], "Table");
    assert_eq!(es[at("tab_table")], "Tabla");
    assert_eq!(en, tipstats_shared::words::EN.all());
    let response = app.get("/api/v1/words").await;
    assert!(response.headers().contains_key("etag"));
}

#[tokio::test]
async fn catalog_lists_sources_indicators_and_the_region_hierarchy() {
    let app = spawn_app().await;
    let catalog: Catalog = app.get_json("/api/v1/catalog").await;
    let glotip = catalog.source("unodc-glotip").expect("GLOTIP source");
    assert!(glotip.citation.contains("UNODC"), "{}", glotip.citation);
    let victims = catalog
        .indicator("glotip.victims")
        .expect("victims indicator");
    // The years of the totals: victims by sex and age reach back to 2003,
    // but no country total of detected victims is published before 2007.
    assert_eq!((victims.first_year, victims.last_year), (2007, 2022));
    assert!(victims.caveats.iter().any(|c| c.contains("not prevalence")));
    let glotip_indicators = catalog
        .indicators
        .iter()
        .filter(|i| i.source == "unodc-glotip")
        .count();
    assert_eq!(glotip_indicators, 5);
    // Every indicator's words in Spanish too, one caveat for each caveat.
    for indicator in &catalog.indicators {
        let es = indicator
            .es
            .as_ref()
            .unwrap_or_else(|| panic!("{} has no Spanish words", indicator.id));
        assert_eq!(
            es.caveats.len(),
            indicator.caveats.len(),
            "{}",
            indicator.id
        );
        assert_ne!(es.name, indicator.name, "{}", indicator.id);
    }
    assert!(
        victims
            .caveat_in(&victims.caveats[0], Lang::Es)
            .starts_with("Las víctimas detectadas no son la prevalencia")
    );

    let world = catalog.region("001").expect("world");
    assert_eq!(world.level, RegionLevel::World);
    for (code, name) in [
        ("002", "Africa"),
        ("019", "Americas"),
        ("142", "Asia"),
        ("150", "Europe"),
        ("009", "Oceania"),
    ] {
        let region = catalog.region(code).unwrap_or_else(|| panic!("{code}"));
        assert_eq!(
            (region.name.as_str(), region.parent.as_deref()),
            (name, Some("001"))
        );
    }
    assert_eq!(
        catalog.region("021").and_then(|r| r.parent.as_deref()),
        Some("019")
    );
    assert_eq!(
        catalog.region("USA").and_then(|r| r.parent.as_deref()),
        Some("021")
    );
    assert_eq!(
        catalog.region("MEX").and_then(|r| r.parent.as_deref()),
        Some("419")
    );
    let countries = catalog
        .regions
        .iter()
        .filter(|r| r.level == RegionLevel::Country)
        .count();
    // GLOTIP's 199 countries and territories, and 7 that only the TIP Report
    // ranks (Eritrea, Kosovo, North Korea, Somalia, São Tomé and Príncipe,
    // Sint Maarten, Taiwan).
    assert_eq!(countries, 199 + 7);
    // Places in Spanish where the name differs; the same name otherwise.
    for (code, es) in [
        ("001", "Mundo"),
        ("MEX", "México"),
        ("USA", "Estados Unidos de América"),
        ("US-NM", "Nuevo México"),
        (
            "BP-RGV",
            "Sector Valle del Río Grande (Patrulla Fronteriza)",
        ),
        ("ARG", "Argentina"),
        ("MX-CHH", "Chihuahua"),
    ] {
        assert_eq!(catalog.region_name_in(code, Lang::Es), es);
    }
}

#[tokio::test]
async fn usa_detected_victims_2022_are_16390() {
    let app = spawn_app().await;
    let series: SeriesResponse = app
        .get_json("/api/v1/series?indicator=glotip.victims&region=USA&from=2022&to=2022")
        .await;
    assert_eq!(series.rows.len(), 1);
    let row = &series.rows[0];
    assert_eq!(
        (row.region.as_str(), row.year, row.value),
        ("USA", 2022, Some(16390))
    );
    assert_eq!(
        (
            row.reporting_units,
            row.suppressed_cells,
            row.lower,
            row.upper
        ),
        (1, 0, None, None)
    );
    assert_eq!(series.sources[0].id, "unodc-glotip");
    assert!(
        series
            .notes
            .iter()
            .any(|n| n.kind == NoteKind::Caveat && n.text.contains("not prevalence"))
    );
    // Each caveat note carries its Spanish, as annotations do.
    let caveats: Vec<_> = series
        .notes
        .iter()
        .filter(|n| n.kind == NoteKind::Caveat)
        .collect();
    assert!(!caveats.is_empty());
    for caveat in caveats {
        let es = caveat.es.as_deref().unwrap_or_default();
        assert!(!es.is_empty() && es != caveat.text, "{}", caveat.text);
    }
    let prevalence = series
        .notes
        .iter()
        .find(|n| n.text.contains("not prevalence"));
    assert!(
        prevalence
            .and_then(|n| n.es.as_deref())
            .is_some_and(|es| es.contains("no son la prevalencia"))
    );
}

#[tokio::test]
async fn a_region_total_is_the_sum_of_its_countries() {
    let app = spawn_app().await;
    let catalog: Catalog = app.get_json("/api/v1/catalog").await;
    for subregion in ["021", "419", "155"] {
        let countries: Vec<&str> = catalog
            .regions
            .iter()
            .filter(|r| r.parent.as_deref() == Some(subregion))
            .map(|r| r.code.as_str())
            .collect();
        assert!(!countries.is_empty());
        let total: SeriesResponse = app
            .get_json(&format!(
                "/api/v1/series?indicator=glotip.victims&region={subregion}&from=2018&to=2018"
            ))
            .await;
        let (mut value, mut units, mut suppressed) = (0, 0, 0);
        for chunk in countries.chunks(12) {
            let parts: SeriesResponse = app
                .get_json(&format!(
                    "/api/v1/series?indicator=glotip.victims&region={}&from=2018&to=2018",
                    chunk.join(",")
                ))
                .await;
            for row in parts.rows {
                value += row.value.unwrap_or(0);
                units += row.reporting_units;
                suppressed += row.suppressed_cells;
            }
        }
        let row = &total.rows[0];
        assert_eq!(row.value.unwrap_or(0), value, "{subregion}");
        assert_eq!(
            (row.reporting_units, row.suppressed_cells),
            (units, suppressed),
            "{subregion}"
        );
        if suppressed > 0 {
            assert_eq!(
                (row.lower, row.upper),
                (Some(value), Some(value + 4 * i64::from(suppressed)))
            );
        }
    }
}

#[tokio::test]
async fn suppressed_cells_widen_the_bounds_and_are_never_zero() {
    let app = spawn_app().await;
    // Northern Africa 2009: one country reported, its total published as "<5".
    let series: SeriesResponse = app
        .get_json("/api/v1/series?indicator=glotip.victims&region=015&from=2009&to=2009")
        .await;
    let row = &series.rows[0];
    assert_eq!(row.value, None, "a suppressed cell is not zero");
    assert_eq!(
        (row.suppressed_cells, row.lower, row.upper),
        (1, Some(0), Some(4))
    );
}

#[tokio::test]
async fn each_bad_parameter_gets_a_problem_document_naming_it() {
    let app = spawn_app().await;
    let many: Vec<&str> = vec![
        "USA", "MEX", "CAN", "BRA", "ARG", "CHL", "COL", "PER", "GTM", "HND", "SLV", "NIC", "CRI",
    ];
    let cases = [
        ("", "indicator"),
        ("indicator=no.such", "indicator"),
        ("indicator=glotip.victims&region=ATLANTIS", "region"),
        ("indicator=glotip.victims&region=USA,,MEX", "region"),
        ("indicator=glotip.victims&from=2020&to=2010", "from"),
        ("indicator=glotip.victims&from=twenty", "from"),
        ("indicator=glotip.victims&to=2010.5", "to"),
        ("indicator=glotip.victims&to=99999999999999999999", "to"),
        ("indicator=glotip.victims&regoin=USA", "regoin"),
        ("indicator=glotip.victims&from=2010&from=2011", "from"),
    ];
    let too_many = format!("indicator=glotip.victims&region={}", many.join(","));
    for (query, parameter) in cases
        .iter()
        .map(|(q, p)| (q.to_string(), *p))
        .chain([(too_many, "region")])
    {
        let response = app.get(&format!("/api/v1/series?{query}")).await;
        assert_eq!(response.status(), 400, "{query}");
        let content_type = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .map(String::from);
        assert_eq!(
            content_type.as_deref(),
            Some("application/problem+json"),
            "{query}"
        );
        let problem: Problem = response.json().await.expect("problem JSON");
        assert_eq!(problem.status, 400);
        assert_eq!(
            problem.parameter.as_deref(),
            Some(parameter),
            "{query}: {}",
            problem.detail
        );
        assert!(
            problem.detail.contains(parameter),
            "{query}: {}",
            problem.detail
        );
    }
}

#[tokio::test]
async fn responses_name_the_data_version_and_compress() {
    let app = spawn_app().await;
    let catalog: Catalog = app.get_json("/api/v1/catalog").await;
    let response = app
        .client
        .get(app.url("/api/v1/catalog"))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .expect("catalog");
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(String::from)
    };
    assert_eq!(header("x-data-version"), Some(catalog.data_version.clone()));
    assert_eq!(header("content-encoding").as_deref(), Some("gzip"));
}

/// A cached answer is kept once in each encoding (the front cache): every
/// client gets the same figures and headers in the encoding it accepts,
/// before and after the answer is kept, and a revalidation gets a 304.
#[tokio::test]
async fn a_kept_answer_is_the_same_in_every_encoding_and_revalidates() {
    let app = spawn_app().await;
    let path = "/api/v1/series?indicator=glotip.victims&region=019,150&from=2010&to=2022";
    let get = async |headers: &[(&str, &str)]| {
        let mut request = app.client.get(app.url(path));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let response = request.send().await.expect("GET");
        let header = |name: &str| {
            let value = response.headers().get(name).and_then(|v| v.to_str().ok());
            value.unwrap_or("").to_string()
        };
        let seen = [
            "content-encoding",
            "etag",
            "content-type",
            "x-data-version",
            "vary",
            "cache-control",
        ]
        .map(header);
        let status = response.status().as_u16();
        let wire = response.bytes().await.expect("body").to_vec();
        (status, seen, wire)
    };
    let decoded = |coding: &str, wire: &[u8]| -> Vec<u8> {
        let mut plain = Vec::new();
        match coding {
            "br" => brotli::BrotliDecompress(&mut &wire[..], &mut plain).expect("brotli"),
            "gzip" => {
                use std::io::Read;
                flate2::read::GzDecoder::new(wire)
                    .read_to_end(&mut plain)
                    .expect("gzip");
            }
            _ => plain = wire.to_vec(),
        }
        plain
    };
    let (_, first, plain) = get(&[]).await;
    let figures: SeriesResponse = serde_json::from_slice(&plain).expect("figures");
    assert!(!figures.rows.is_empty());
    assert!(first[4].contains("accept-encoding"), "{first:?}");
    for accepted in [
        "br",
        "gzip",
        "gzip, deflate, br",
        "br;q=0, gzip",
        "identity",
        "",
    ] {
        for round in ["kept", "again"] {
            let (status, seen, wire) = get(&[("accept-encoding", accepted)]).await;
            assert_eq!(status, 200, "{accepted} {round}");
            let expected = match accepted {
                "gzip" | "br;q=0, gzip" => "gzip",
                "br" | "gzip, deflate, br" => "br",
                _ => "",
            };
            assert_eq!(seen[0], expected, "{accepted} {round}");
            assert_eq!(seen[1..], first[1..], "{accepted} {round}");
            assert_eq!(decoded(expected, &wire), plain, "{accepted} {round}");
            assert!(expected.is_empty() || wire.len() < plain.len() / 2);
        }
    }
    let etag = first[1].as_str();
    let (status, seen, wire) = get(&[("if-none-match", etag), ("accept-encoding", "br")]).await;
    assert_eq!((status, seen[1].as_str(), wire.len()), (304, etag, 0));
}

#[tokio::test]
async fn annotations_that_touch_a_query_come_with_it() {
    let app = spawn_app().await;
    let kinds = |series: &SeriesResponse| -> Vec<(String, Option<String>, Option<i32>)> {
        series
            .notes
            .iter()
            .filter(|n| n.kind != NoteKind::Caveat && n.kind != NoteKind::Coverage)
            .map(|n| (n.kind.as_str().to_string(), n.region.clone(), n.year))
            .collect()
    };
    // Asia's 2019 jump is Pakistan entering the series.
    let asia: SeriesResponse = app
        .get_json("/api/v1/series?indicator=glotip.victims&region=142&from=2018&to=2020")
        .await;
    assert!(
        kinds(&asia).contains(&("reporter-enters".into(), Some("PAK".into()), Some(2019))),
        "{:?}",
        asia.notes
    );
    // Europe's 2022 fall is the United Kingdom's missing total.
    let europe: SeriesResponse = app
        .get_json("/api/v1/series?indicator=glotip.victims&region=150,USA&from=2021&to=2022")
        .await;
    assert!(
        kinds(&europe).contains(&("reporter-leaves".into(), Some("GBR".into()), Some(2022))),
        "{:?}",
        europe.notes
    );
    // Neither touches the USA before 2019.
    let usa: SeriesResponse = app
        .get_json("/api/v1/series?indicator=glotip.victims&region=USA&from=2010&to=2018")
        .await;
    assert!(
        !kinds(&usa)
            .iter()
            .any(|(_, region, _)| region.as_deref() == Some("PAK")
                || region.as_deref() == Some("GBR")),
        "{:?}",
        usa.notes
    );
    // SESNSP's partial 2025 is marked for any Mexican state, and only when
    // 2025 is in the range.
    let chihuahua: SeriesResponse = app
        .get_json("/api/v1/series?indicator=sesnsp.trata.victims&region=MX-CHH&from=2024&to=2025")
        .await;
    assert!(kinds(&chihuahua).contains(&("partial-year".into(), None, Some(2025))));
    let earlier: SeriesResponse = app
        .get_json("/api/v1/series?indicator=sesnsp.trata.victims&region=MX-CHH&from=2020&to=2024")
        .await;
    assert!(kinds(&earlier).is_empty(), "{:?}", earlier.notes);
}

#[tokio::test]
async fn a_breakdown_splits_the_total_into_its_categories() {
    let app = spawn_app().await;
    for (path, total) in [
        // GLOTIP: the USA's 16,390 victims of 2022 by sex.
        (
            "/api/v1/series?indicator=glotip.victims&region=USA&from=2022&to=2022&by=sex",
            16_390,
        ),
        // SESNSP: Mexico's 1,171 trafficking victims of 2015 by sex, by age.
        (
            "/api/v1/series?indicator=sesnsp.trata.victims&from=2015&to=2015&by=sex",
            1_171,
        ),
        (
            "/api/v1/series?indicator=sesnsp.trata.victims&from=2015&to=2015&by=age",
            1_171,
        ),
        // FBI: 2020's 2,160 offenses by kind of exploitation.
        (
            "/api/v1/series?indicator=fbi.offenses&from=2020&to=2020&by=form+of+exploitation",
            2_160,
        ),
    ] {
        let series: SeriesResponse = app.get_json(path).await;
        assert!(series.by.is_some(), "{path}");
        assert!(series.rows.len() >= 2, "{path}: {:?}", series.rows);
        assert!(series.rows.iter().all(|r| r.category.is_some()), "{path}");
        let sum: i64 = series.rows.iter().filter_map(|r| r.value).sum();
        assert_eq!(sum, total, "{path}");
    }
    let response = app
        .get("/api/v1/series?indicator=hotline.cases&by=sex")
        .await;
    assert_eq!(response.status(), 400);
}

/// GLOTIP's workbook holds questionnaire item codes in some cells of
/// persons convicted by citizenship (Pakistan 2019–2021: 61,212,019 and the
/// like), and the year itself in a few others. They are left out, a note
/// says so, and no breakdown of any GLOTIP indicator reaches a million
/// anywhere: the largest real count is 32,022.
#[tokio::test]
async fn glotip_cells_that_are_not_counts_are_left_out_and_noted() {
    let app = spawn_app().await;
    let pakistan: SeriesResponse = app
        .get_json(
            "/api/v1/series?indicator=glotip.convicted&region=PAK&from=2019&to=2021&by=citizenship",
        )
        .await;
    assert!(
        pakistan
            .rows
            .iter()
            .all(|r| !r.category.as_deref().unwrap_or_default().starts_with('Q')),
        "{:?}",
        pakistan.rows
    );
    let noted: Vec<i32> = pakistan
        .notes
        .iter()
        .filter(|n| n.kind == NoteKind::LeftOut && n.region.as_deref() == Some("PAK"))
        .filter_map(|n| n.year)
        .collect();
    assert_eq!(noted, [2019, 2020, 2021]);
    // The Dominican Republic's victims of other forms of exploitation give
    // the year as the value (2,019 against a total of 195): left out too.
    let dominican: SeriesResponse = app
        .get_json("/api/v1/series?indicator=glotip.victims&region=DOM&from=2019&to=2022&by=form+of+exploitation")
        .await;
    assert!(
        dominican
            .rows
            .iter()
            .all(|r| r.value != Some(i64::from(r.year))),
        "{:?}",
        dominican.rows
    );
    assert_eq!(
        dominican
            .notes
            .iter()
            .filter(|n| n.kind == NoteKind::LeftOut && n.text.contains("the year itself"))
            .count(),
        4
    );
    for indicator in ["victims", "prosecuted", "convicted", "contact", "offences"] {
        for by in ["citizenship", "sex"] {
            let path = format!(
                "/api/v1/series?indicator=glotip.{indicator}&region=001&from=2003&to=2022&by={by}"
            );
            let world: SeriesResponse = app.get_json(&path).await;
            let largest = world.rows.iter().filter_map(|r| r.value).max();
            assert!(largest < Some(1_000_000), "{path}: {largest:?}");
        }
    }
}

#[tokio::test]
async fn a_consistent_panel_keeps_the_same_reporters_every_year() {
    let app = spawn_app().await;
    let all: SeriesResponse = app
        .get_json("/api/v1/series?indicator=glotip.victims&region=150&from=2019&to=2022")
        .await;
    let panel: SeriesResponse = app
        .get_json(
            "/api/v1/series?indicator=glotip.victims&region=150&from=2019&to=2022&panel=consistent",
        )
        .await;
    assert_eq!(
        (all.panel.as_str(), panel.panel.as_str()),
        ("all", "consistent")
    );
    let units: Vec<u32> = panel.rows.iter().map(|r| r.reporting_units).collect();
    assert_eq!(units.len(), 4);
    assert!(units.iter().all(|u| *u == units[0]), "{units:?}");
    let fewest = all
        .rows
        .iter()
        .map(|r| r.reporting_units)
        .min()
        .unwrap_or(0);
    assert!(units[0] <= fewest, "{units:?} vs {fewest}");
    // Without the United Kingdom in any year, Europe's 2022 does not halve.
    let ratio = |s: &SeriesResponse| {
        let value = |year| {
            s.rows
                .iter()
                .find(|r| r.year == year)
                .and_then(|r| r.value)
                .unwrap_or(0) as f64
        };
        value(2022) / value(2021)
    };
    assert!(ratio(&all) < 0.5, "{}", ratio(&all));
    assert!(ratio(&panel) > 0.9, "{}", ratio(&panel));
}

#[tokio::test]
async fn the_openapi_document_describes_every_endpoint_and_the_docs_page_shows_it() {
    let app = spawn_app().await;
    let document: serde_json::Value = app.get_json("/api/openapi.json").await;
    assert_eq!(document["openapi"], "3.1.0");
    let paths = document["paths"].as_object().expect("paths");
    for path in [
        "/api/v1/catalog",
        "/api/v1/series",
        "/api/v1/map",
        "/api/v1/maps/{map}",
        "/api/v1/export",
        "/api/v1/dataset.zip",
        "/chart.svg",
        "/chart.png",
        "/embed",
        "/oembed",
    ] {
        assert!(paths.contains_key(path), "{path} is not documented");
    }
    // Every parameter each route reads is documented, in the parser's
    // order, and no other: the document is made from the parsers' types.
    let documented = |path: &str| -> Vec<&str> {
        paths[path]["get"]["parameters"]
            .as_array()
            .map(|list| list.iter().filter_map(|p| p["name"].as_str()).collect())
            .unwrap_or_default()
    };
    let series = <SeriesParams as Params>::NAMES;
    assert_eq!(
        series,
        [
            "indicator",
            "region",
            "from",
            "to",
            "by",
            "panel",
            "period",
            "per"
        ]
    );
    let view = [series, <ViewParams as Params>::NAMES].concat();
    for (path, read) in [
        ("/api/v1/series", series.to_vec()),
        (
            "/api/v1/export",
            [series, <ExportParams as Params>::NAMES].concat(),
        ),
        ("/chart.svg", view.clone()),
        ("/chart.png", view.clone()),
        ("/embed", view),
        ("/oembed", <OEmbedParams as Params>::NAMES.to_vec()),
    ] {
        assert_eq!(
            documented(path),
            read,
            "{path}: the document and the parser disagree"
        );
    }
    let schemas = document["components"]["schemas"]
        .as_object()
        .expect("schemas");
    for schema in ["SeriesResponse", "SeriesRow", "Catalog", "Problem"] {
        assert!(schemas.contains_key(schema), "{schema}");
    }

    let page = app.get("/api/docs").await;
    assert_eq!(page.status(), 200);
    let html = page.text().await.expect("text");
    assert!(html.contains("<code>GET /api/v1/series</code>"));
    assert!(html.contains("<code>indicator</code>"));
}

/// Every breakdown category of the committed figures has its Spanish name,
/// but citizenships and countries, which stay as published; sexes and age
/// bands too.
#[test]
fn every_breakdown_category_but_citizenships_reads_in_spanish() {
    let path = tipstats_tests::workspace_root().join("data/observations.csv");
    let conn = duckdb::Connection::open_in_memory().expect("duckdb");
    let mut labels = conn
        .prepare(
            "SELECT DISTINCT category FROM read_csv(?, all_varchar = true)
             WHERE dimension NOT IN ('Total', 'by citizenship', 'by country of repatriation')
             UNION SELECT DISTINCT sex FROM read_csv(?, all_varchar = true)
             UNION SELECT DISTINCT age FROM read_csv(?, all_varchar = true)",
        )
        .expect("query");
    let path = path.to_string_lossy().to_string();
    let labels: Vec<String> = labels
        .query_map([&path, &path, &path], |r| r.get(0))
        .and_then(Iterator::collect)
        .expect("labels");
    assert!(labels.len() > 30, "{labels:?}");
    let untranslated: Vec<&String> = labels
        .iter()
        .filter(|l| *l != "Total" && category_in(l, Lang::Es) == l.as_str())
        .collect();
    assert!(untranslated.is_empty(), "{untranslated:?}");
}

/// Every annotation of the committed figures has its Spanish text.
#[test]
fn every_annotation_reads_in_spanish() {
    let path = tipstats_tests::workspace_root().join("data/annotations.csv");
    let conn = duckdb::Connection::open_in_memory().expect("duckdb");
    let (all, untranslated): (i64, i64) = conn
        .query_row(
            "SELECT count(*), count(*) FILTER (WHERE text_es IS NULL OR text_es = text)
             FROM read_csv(?, all_varchar = true)",
            [path.to_string_lossy().to_string()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("annotations");
    assert!(all > 50, "{all} annotations");
    assert_eq!(untranslated, 0);
}
