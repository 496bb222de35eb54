//! Rates per 100,000 inhabitants computed from the population files,
//! checked by hand against the figures PROVENANCE.md of each population
//! folder gives: a country in an estimate year and in a projection year, a
//! US state, SESNSP's own published rate reproduced from CONAPO, a region
//! over the places that reported, a place too small for a rate, and the
//! refusals.

use std::collections::BTreeSet;
use std::time::Duration;

use tipstats_shared::{Catalog, MapResponse, SeriesResponse, SeriesRow};
use tipstats_tests::{TestServer, spawn_app, workspace_root};

fn row<'a>(rows: &'a [SeriesRow], region: &str, year: i32) -> &'a SeriesRow {
    rows.iter()
        .find(|r| r.region == region && r.year == year)
        .unwrap_or_else(|| panic!("no row for {region} {year}"))
}

async fn series(app: &TestServer, query: &str) -> SeriesResponse {
    app.get_json(&format!("/api/v1/series?{query}")).await
}

fn close(found: Option<f64>, expected: f64) {
    let found = found.expect("a rate");
    assert!(
        (found - expected).abs() < 1e-9 * expected.max(1.0),
        "{found} against {expected}"
    );
}

#[tokio::test]
async fn rates_are_the_figure_over_the_population_of_the_places_own_source() {
    let app = spawn_app().await;
    // UNODC's detected victims over WPP 2022: the USA in 2021 (an
    // estimate: its 21 age groups sum to 336,996 thousand) and Guatemala in
    // 2022 (the projection, 17,845 thousand).
    let rates = series(
        &app,
        "indicator=glotip.victims&region=USA,GTM&from=2021&to=2022&per=100k",
    )
    .await;
    let usa = row(&rates.rows, "USA", 2021);
    close(
        usa.rate,
        usa.value.expect("a count") as f64 / 336_996_000.0 * 1e5,
    );
    let guatemala = row(&rates.rows, "GTM", 2022);
    close(
        guatemala.rate,
        guatemala.value.expect("a count") as f64 / 17_845_000.0 * 1e5,
    );
    // The counts are the series' own.
    let counts = series(
        &app,
        "indicator=glotip.victims&region=USA&from=2021&to=2022",
    )
    .await;
    assert_eq!(usa.value, row(&counts.rows, "USA", 2021).value);
    // Hotline cases in Texas over the Census Bureau's July 1, 2024 figure.
    let texas = series(
        &app,
        "indicator=hotline.cases&region=US-TX&from=2024&to=2024&per=100k",
    )
    .await;
    let texas = row(&texas.rows, "US-TX", 2024);
    close(
        texas.rate,
        texas.value.expect("a count") as f64 / 31_290_831.0 * 1e5,
    );
    // Said beside the figures.
    assert!(
        rates
            .notes
            .iter()
            .any(|n| n.text.contains("computed by tipstats"))
    );
}

#[tokio::test]
async fn sesnsps_published_rate_is_reproduced_from_conapo() {
    let app = spawn_app().await;
    // Published rates are served as published; CONAPO's mid-2020
    // Chihuahua (3,812,627) gives the same within rounding.
    let published = series(
        &app,
        "indicator=sesnsp.trata.victims&region=MX-CHH&from=2020&to=2020&per=100k",
    )
    .await;
    let chihuahua = row(&published.rows, "MX-CHH", 2020);
    let computed = chihuahua.value.expect("a count") as f64 / 3_812_627.0 * 1e5;
    let rate = chihuahua.rate.expect("a published rate");
    assert!((rate - computed).abs() < 0.005, "{rate} against {computed}");
}

#[tokio::test]
async fn a_regions_rate_divides_by_the_population_of_the_places_that_reported() {
    let app = spawn_app().await;
    let catalog: Catalog = app.get_json("/api/v1/catalog").await;
    let americas = series(
        &app,
        "indicator=glotip.victims&region=019&from=2022&to=2022&per=100k",
    )
    .await;
    let region = row(&americas.rows, "019", 2022);
    // The countries of the Americas with a figure in 2022, and their
    // population read from data/population.csv by DuckDB.
    let map: MapResponse = app.get_json("/api/v1/map?indicator=glotip.victims").await;
    let reported: Vec<&SeriesRow> = map
        .figures
        .rows
        .iter()
        .filter(|r| r.year == 2022 && catalog.is_within(&r.region, "019"))
        .collect();
    assert_eq!(reported.len() as u32, region.reporting_units);
    let codes: BTreeSet<&str> = reported.iter().map(|r| r.region.as_str()).collect();
    let conn = duckdb::Connection::open_in_memory().expect("duckdb");
    let path = workspace_root().join("data/population.csv");
    let mut population = 0_i64;
    for code in &codes {
        let found: i64 = conn
            .query_row(
                &format!(
                    "SELECT population FROM read_csv('{}') WHERE region_code = ? AND year = 2022",
                    path.display()
                ),
                [code],
                |r| r.get(0),
            )
            .unwrap_or_else(|e| panic!("{code}: {e}"));
        population += found;
    }
    let victims: i64 = reported.iter().filter_map(|r| r.value).sum();
    assert_eq!(region.value, Some(victims));
    close(region.rate, victims as f64 / population as f64 * 1e5);
}

#[tokio::test]
async fn a_small_place_has_no_rate_and_a_note_says_why() {
    let app = spawn_app().await;
    // Andorra: 78,000 inhabitants in WPP's 2021 estimate.
    let rates = series(
        &app,
        "indicator=glotip.victims&region=AND&from=2021&to=2021&per=100k",
    )
    .await;
    assert!(rates.rows.is_empty(), "{:?}", rates.rows);
    let note = rates
        .notes
        .iter()
        .find(|n| n.region.as_deref() == Some("AND"))
        .expect("a note on Andorra");
    assert!(note.text.contains("under 100,000"), "{}", note.text);
    assert!(note.es.as_deref().is_some_and(|es| es.contains("sin tasa")));
    // The map has every rate, and the same gap.
    let map: MapResponse = app
        .get_json("/api/v1/map?indicator=glotip.victims&per=100k")
        .await;
    assert!(map.figures.rows.iter().all(|r| r.rate.is_some()));
    assert!(!map.figures.rows.iter().any(|r| r.region == "AND"));
}

#[tokio::test]
async fn rates_where_they_mean_nothing_are_refused_naming_the_parameter() {
    let app = spawn_app().await;
    for (path, parameter) in [
        ("/api/v1/series?indicator=usbp.encounters&per=100k", "per"),
        ("/api/v1/series?indicator=cbp.southwest&per=100k", "per"),
        (
            "/api/v1/series?indicator=glotip.victims&per=100k&by=sex",
            "by",
        ),
        (
            "/api/v1/series?indicator=glotip.victims&per=100k&period=month",
            "period",
        ),
    ] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 400, "{path}");
        let problem: serde_json::Value = response.json().await.expect("problem");
        assert_eq!(problem["parameter"], parameter, "{path}: {problem}");
    }
}

/// The ranking of every place of a level: by rate unless asked, each
/// column's heading a link that sorts by it, "<5" sorted as the range it
/// is (below every figure of 5 or more), no figure last.
#[tokio::test]
async fn the_ranking_sorts_every_place_and_a_suppressed_figure_as_its_range() {
    let app = spawn_app().await;
    let places = |page: &str| -> Vec<(String, String)> {
        page.split("<tr data-place=\"")
            .skip(1)
            .map(|row| {
                let code = row.split('"').next().unwrap_or_default().to_string();
                let value = row
                    .split("<td class=\"value\">")
                    .nth(1)
                    .and_then(|cell| cell.split('<').next())
                    .unwrap_or_default()
                    .to_string();
                (code, value)
            })
            .collect()
    };
    let page = app
        .get("/ranking?indicator=sesnsp.trata.victims&year=2022&sort=value")
        .await;
    assert_eq!(page.status(), 200);
    let page = page.text().await.expect("page");
    let ranked = places(&page);
    assert_eq!(ranked.len(), 32, "every state");
    let counts: Vec<i64> = ranked
        .iter()
        .filter_map(|(_, v)| v.replace(',', "").parse().ok())
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    assert!(ranked.contains(&("MX-CHH".into(), "65".into())));
    assert!(page.contains("aria-sort=\"descending\""));
    // By rate (the default where there are rates), Chihuahua's is SESNSP's.
    let by_rate = app
        .get("/ranking?indicator=sesnsp.trata.victims&year=2022&lang=es")
        .await
        .text()
        .await
        .expect("page");
    assert!(by_rate.contains("<html lang=\"es\""));
    assert!(by_rate.contains("1.67"), "Chihuahua's rate");
    // UNODC's countries: every "<5" below every figure of 5 or more, and
    // above the places with no figure.
    let world = app
        .get("/ranking?indicator=glotip.victims&year=2022&sort=value")
        .await
        .text()
        .await
        .expect("page");
    let ranked = places(&world);
    let position = |test: &dyn Fn(&str) -> bool| ranked.iter().position(|(_, v)| test(v));
    let first_low = position(&|v: &str| v == "&lt;5").expect("a <5 country");
    let last_five = ranked
        .iter()
        .rposition(|(_, v)| v.replace(',', "").parse::<i64>().is_ok_and(|n| n >= 5))
        .expect("figures");
    let first_none = position(&|v: &str| v == "no data").expect("a country without a figure");
    assert!(
        last_five < first_low && first_low < first_none,
        "{ranked:?}"
    );
    let response = app.get("/ranking?indicator=glotip.victims&sort=size").await;
    assert_eq!(response.status(), 400);
    let problem: serde_json::Value = response.json().await.expect("problem");
    assert_eq!(problem["parameter"], "sort");
}

/// The ranking page in Chromium: a 360-pixel phone scrolls the table, not
/// the page, and axe finds nothing, in Spanish and the dark theme.
#[tokio::test(flavor = "multi_thread")]
async fn the_ranking_fits_a_phone_and_passes_axe() {
    let app = spawn_app().await;
    let browser = tipstats_tests::Browser::start(360, 800).await;
    browser
        .client
        .goto(&app.url("/ranking?indicator=glotip.victims&year=2022&lang=es&theme=dark"))
        .await
        .expect("open");
    browser.assert_no_sideways_scrolling().await;
    let rows = browser
        .eval("return document.querySelectorAll('tr[data-place]').length;")
        .await;
    assert!(rows.as_i64().is_some_and(|n| n > 100), "{rows}");
    let violations = browser.accessibility_violations().await;
    assert!(violations.is_empty(), "{violations:?}");
    // A column's heading sorts by it: by name, the places in order.
    browser
        .eval("document.querySelector('th[scope=col] a').click(); return null;")
        .await;
    let names = browser
        .wait_for("the ranking by name", Duration::from_secs(10), || async {
            let sorted = browser
                .eval(
                    "const th = document.querySelector('th[scope=col]');
                     if (th.getAttribute('aria-sort') !== 'ascending') return null;
                     return [...document.querySelectorAll('tr[data-place] th a')].map(a => a.textContent);",
                )
                .await;
            sorted.as_array().cloned()
        })
        .await;
    let names: Vec<&str> = names.iter().filter_map(|n| n.as_str()).collect();
    assert!(names.len() > 100);
    // Spanish names, accents and all, in the order of their letters:
    // Afganistán first, Zimbabue last, Ángel-like names among the A's.
    let folded: Vec<String> = names
        .iter()
        .map(|n| {
            n.to_lowercase()
                .replace(['á', 'à', 'â', 'ä', 'å'], "a")
                .replace(['é', 'è', 'ê', 'ë'], "e")
                .replace(['í', 'ì', 'î', 'ï'], "i")
                .replace(['ó', 'ò', 'ô', 'ö'], "o")
                .replace(['ú', 'ù', 'û', 'ü'], "u")
                .replace('ñ', "n")
                .replace('ç', "c")
        })
        .collect();
    let out_of_order: Vec<_> = folded.windows(2).filter(|w| w[0] > w[1]).collect();
    assert!(out_of_order.is_empty(), "{out_of_order:?}");
    browser.close().await;
}
