//! Maps: the map answer against the series, the geometry against the
//! catalog, the drawing's honest gaps ("no data", "<5") by their SVG
//! elements, the refusals, the embed and the PNG, and in Chromium the
//! dashboard's map panel: keyboard focus, the year slider, a click that adds
//! a place to the places compared, and a 360-pixel phone.

use std::collections::BTreeSet;
use std::time::Duration;

use tipstats_shared::map::MapGeometry;
use tipstats_shared::{Catalog, MapResponse, NoteKind, SeriesResponse, SeriesRow};
use tipstats_tests::{Browser, TestServer, spawn_app};

const WAIT: Duration = Duration::from_secs(30);

fn row<'a>(rows: &'a [SeriesRow], region: &str, year: i32) -> Option<&'a SeriesRow> {
    rows.iter().find(|r| r.region == region && r.year == year)
}

async fn svg(app: &TestServer, path: &str) -> String {
    let response = app.get(path).await;
    assert_eq!(response.status(), 200, "{path}");
    response.text().await.expect("SVG text")
}

/// The fill (`data-fill`) and label of each place drawn in an SVG.
fn places(svg: &str) -> Vec<(String, String, String)> {
    let document = roxmltree::Document::parse(svg).expect("well-formed SVG");
    document
        .descendants()
        .filter_map(|node| {
            Some((
                node.attribute("data-place")?.to_string(),
                node.attribute("data-fill")?.to_string(),
                node.attribute("aria-label")?.to_string(),
            ))
        })
        .collect()
}

#[tokio::test]
async fn the_map_answer_has_the_series_figures_for_every_place() {
    let app = spawn_app().await;
    let world: MapResponse = app.get_json("/api/v1/map?indicator=glotip.victims").await;
    let usa = row(&world.figures.rows, "USA", 2022).expect("USA 2022");
    assert_eq!(usa.value, Some(16_390));
    let series: SeriesResponse = app
        .get_json("/api/v1/series?indicator=glotip.victims&region=USA,MEX&from=2003&to=2022")
        .await;
    for series_row in &series.rows {
        assert_eq!(
            row(&world.figures.rows, &series_row.region, series_row.year),
            Some(series_row),
            "the map and the series agree"
        );
    }
    let mexico: MapResponse = app
        .get_json("/api/v1/map?indicator=sesnsp.trata.victims")
        .await;
    assert_eq!(mexico.map.as_str(), "mexico");
    assert_eq!(
        row(&mexico.figures.rows, "MX-CHH", 2022).and_then(|r| r.value),
        Some(65)
    );
    let states: BTreeSet<&str> = mexico.figures.regions.iter().map(String::as_str).collect();
    assert_eq!(states.len(), 32);
    assert!(states.iter().all(|code| code.starts_with("MX-")));
}

#[tokio::test]
async fn every_place_a_map_shows_has_a_shape_or_a_point_and_every_shape_is_a_place() {
    let app = spawn_app().await;
    let catalog: Catalog = app.get_json("/api/v1/catalog").await;
    for name in ["world", "mexico", "us", "border"] {
        let geometry: MapGeometry = app.get_json(&format!("/api/v1/maps/{name}")).await;
        for code in geometry.codes() {
            assert!(catalog.region(code).is_some(), "{name}: {code} is no place");
        }
    }
    for indicator in catalog.indicators.iter().filter(|i| i.has_map(&catalog)) {
        let map: MapResponse = app
            .get_json(&format!("/api/v1/map?indicator={}", indicator.id))
            .await;
        let geometry: MapGeometry = app
            .get_json(&format!("/api/v1/maps/{}", map.map.as_str()))
            .await;
        let drawn: BTreeSet<&str> = geometry.codes().collect();
        let missing: Vec<&String> = map
            .figures
            .regions
            .iter()
            .filter(|code| !drawn.contains(code.as_str()))
            .collect();
        // Only the sectors away from the Southwest border have no published
        // place; the map says so in its summary.
        assert!(
            missing.iter().all(|code| catalog
                .region(code)
                .is_some_and(|r| r.level.as_str() == "sector")),
            "{}: no shape for {missing:?}",
            indicator.id
        );
        assert!(missing.len() <= 12, "{}: {missing:?}", indicator.id);
    }
    let sectors = svg(
        &app,
        "/chart.svg?indicator=usbp.encounters&chart=map&year=2023",
    )
    .await;
    assert!(
        sectors.contains("not on the map"),
        "the summary names the sectors left out"
    );
    assert_eq!(
        places(&sectors).len(),
        9,
        "the nine Southwest sectors as points"
    );
}

#[tokio::test]
async fn no_figure_and_suppressed_are_drawn_apart_from_every_figure() {
    let app = spawn_app().await;
    let world: MapResponse = app.get_json("/api/v1/map?indicator=glotip.victims").await;
    let suppressed = world
        .figures
        .rows
        .iter()
        .find(|r| r.value.is_none() && r.suppressed_cells > 0)
        .expect("a country published only as <5");
    let year = suppressed.year;
    let geometry: MapGeometry = app.get_json("/api/v1/maps/world").await;
    let without = world
        .figures
        .regions
        .iter()
        .find(|code| {
            row(&world.figures.rows, code, year).is_none()
                && geometry.shapes.iter().any(|s| &s.code == *code)
        })
        .expect("a country without a figure that year");
    let drawn = places(
        &svg(
            &app,
            &format!("/chart.svg?indicator=glotip.victims&chart=map&year={year}"),
        )
        .await,
    );
    let fill = |code: &str| {
        drawn
            .iter()
            .find(|(c, _, _)| c == code)
            .map(|(_, fill, label)| (fill.clone(), label.clone()))
            .unwrap_or_else(|| panic!("{code} is not drawn"))
    };
    let (fill_of_suppressed, label) = fill(&suppressed.region);
    assert_eq!(fill_of_suppressed, "suppressed");
    assert!(label.ends_with(&format!(": <5 ({year})")), "{label}");
    let (fill_of_missing, label) = fill(without);
    assert_eq!(fill_of_missing, "none");
    assert!(label.ends_with(&format!(": no data ({year})")), "{label}");
    // A zero is a figure, not a gap, and no figure is drawn as either.
    for (code, fill, _) in &drawn {
        let figure = row(&world.figures.rows, code, year);
        let expected_gap = match figure {
            None => Some("none"),
            Some(r) if r.value.is_none() => Some("suppressed"),
            Some(_) => None,
        };
        match expected_gap {
            Some(gap) => assert_eq!(fill, gap, "{code}"),
            None => assert!(
                fill == "zero" || fill.starts_with("class-"),
                "{code}: {fill}"
            ),
        }
    }
    let mexico = places(
        &svg(
            &app,
            "/chart.svg?indicator=sesnsp.trata.victims&chart=map&year=2022&lang=es",
        )
        .await,
    );
    assert_eq!(mexico.len(), 32, "every Mexican state drawn");
    assert!(
        mexico
            .iter()
            .any(|(code, _, label)| code == "MX-CHH" && label == "Chihuahua: 65 (2022)")
    );
}

#[tokio::test]
async fn a_map_that_cannot_be_drawn_is_refused_naming_the_parameter() {
    let app = spawn_app().await;
    for (path, parameter) in [
        ("/chart.svg?indicator=tip.victims&chart=map", "chart"),
        ("/api/v1/map?indicator=tip.victims", "indicator"),
        ("/api/v1/map?indicator=glotip.victims&region=MEX", "region"),
        ("/api/v1/map?indicator=glotip.victims&by=sex", "by"),
        ("/chart.svg?indicator=glotip.victims&year=2020", "year"),
        (
            "/chart.svg?indicator=glotip.victims&chart=map&year=1990",
            "year",
        ),
        (
            "/map.html?indicator=glotip.victims&chart=map&width=9",
            "width",
        ),
        ("/api/v1/maps/mars", "map"),
        (
            "/chart.svg?indicator=usbp.encounters&areas=sesnsp.trata.victims",
            "areas",
        ),
        (
            "/chart.svg?indicator=hotline.cases&chart=map&areas=sesnsp.trata.victims",
            "areas",
        ),
        (
            "/chart.svg?indicator=usbp.encounters&chart=map&areas=glotip.victims",
            "areas",
        ),
    ] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 400, "{path}");
        let problem: serde_json::Value = response.json().await.expect("problem");
        assert_eq!(problem["parameter"], parameter, "{path}: {problem}");
    }
}

#[tokio::test]
async fn the_embed_and_the_png_of_a_map_are_valid_and_carry_the_legend() {
    let app = spawn_app().await;
    let view = "indicator=hotline.cases&chart=map&year=2020";
    let page = app
        .get(&format!("/embed?{view}"))
        .await
        .text()
        .await
        .expect("page");
    for drawing in ["class=\"wide\"", "class=\"narrow\""] {
        assert!(
            page.contains(drawing),
            "the embed has its {drawing} drawing"
        );
    }
    assert!(page.contains("class=\"legend\"") && page.contains("no data"));
    assert!(
        page.contains("chart=map&amp;year=2020"),
        "the full view is the map"
    );
    let response = app.get(&format!("/chart.png?{view}")).await;
    assert_eq!(response.status(), 200);
    let png = response.bytes().await.expect("PNG");
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let dimension =
        |at: usize| u32::from_be_bytes([png[at], png[at + 1], png[at + 2], png[at + 3]]);
    assert_eq!((dimension(16), dimension(20)), (800, 500));
    let svg = svg(&app, &format!("/chart.svg?{view}")).await;
    let legend = roxmltree::Document::parse(&svg)
        .expect("SVG")
        .descendants()
        .filter(|n| n.attribute("class") == Some("legend"))
        .count();
    assert_eq!(legend, 1);
}

#[tokio::test]
async fn the_border_map_fills_the_states_under_the_sectors_circles() {
    let app = spawn_app().await;
    let sectors: MapResponse = app.get_json("/api/v1/map?indicator=usbp.encounters").await;
    let el_paso = row(&sectors.figures.rows, "BP-EPT", 2022)
        .and_then(|r| r.value)
        .expect("El Paso 2022");
    let svg = svg(
        &app,
        "/chart.svg?indicator=usbp.encounters&chart=map&year=2022&areas=sesnsp.trata.victims",
    )
    .await;
    let drawn = places(&svg);
    let label = |code: &str| {
        drawn
            .iter()
            .find(|(place, _, _)| place == code)
            .map(|(_, fill, label)| (fill.clone(), label.clone()))
    };
    // Chihuahua's SESNSP victims and El Paso sector's encounters, on one map.
    let (fill, chihuahua) = label("MX-CHH").expect("Chihuahua filled");
    assert_eq!(chihuahua, "Chihuahua: 65 (2022)");
    assert!(fill.starts_with("class-"), "{fill}");
    let (_, sector) = label("BP-EPT").expect("El Paso sector");
    let figure = format!("{}", el_paso);
    assert!(
        sector.replace(',', "").contains(&figure),
        "{sector} has {el_paso}"
    );
    // Only Mexico's border states are filled; the US states are land.
    let states: BTreeSet<&str> = drawn
        .iter()
        .map(|(code, _, _)| code.as_str())
        .filter(|code| code.starts_with("MX-") || code.starts_with("US-"))
        .collect();
    assert_eq!(
        states,
        BTreeSet::from(["MX-BCN", "MX-CHH", "MX-COA", "MX-NLE", "MX-SON", "MX-TAM"])
    );
    // The circles are one colour, so that the colours are the states' alone;
    // the legend and the source name both measures.
    let document = roxmltree::Document::parse(&svg).expect("SVG");
    let circle_fills: BTreeSet<&str> = document
        .descendants()
        .filter(|n| {
            n.has_tag_name("circle")
                && n.attribute("data-fill")
                    .is_some_and(|f| f.starts_with("class-"))
        })
        .filter_map(|n| n.attribute("fill"))
        .collect();
    assert_eq!(circle_fills.len(), 1, "{circle_fills:?}");
    for words in [
        "States: Victims of human trafficking",
        "Circles: US Border Patrol encounters",
        "SESNSP",
        "Border Patrol, monthly",
    ] {
        assert!(svg.contains(words), "{words:?} on the map");
    }
}

#[tokio::test]
async fn tiers_are_mapped_one_colour_each_with_their_meaning() {
    let app = spawn_app().await;
    // No region needed: a map has every country.
    let svg = svg(&app, "/chart.svg?indicator=tip.tier&chart=map&year=2015").await;
    let document = roxmltree::Document::parse(&svg).expect("SVG");
    let legend: Vec<&str> = document
        .descendants()
        .filter(|n| n.attribute("class") == Some("legend"))
        .flat_map(|g| g.descendants().filter_map(|n| n.text()))
        .collect();
    for entry in ["1", "2", "3", "4", "no data"] {
        assert!(legend.contains(&entry), "{entry:?} in {legend:?}");
    }
    assert!(
        legend.iter().any(|l| l.contains("3 = Tier 2 Watch List")),
        "the codes' meaning: {legend:?}"
    );
    let tiers: MapResponse = app.get_json("/api/v1/map?indicator=tip.tier").await;
    let mexico = row(&tiers.figures.rows, "MEX", 2015)
        .and_then(|r| r.value)
        .expect("Mexico's tier in 2015");
    let drawn = places(&svg);
    let (_, fill, _) = drawn
        .iter()
        .find(|(code, _, _)| code == "MEX")
        .expect("MEX");
    assert_eq!(fill, &format!("class-{}", mexico - 1), "tier {mexico}");
    let export = app
        .get("/api/v1/export?indicator=tip.tier&chart=map&year=2015")
        .await;
    assert_eq!(export.status(), 200);
}

#[tokio::test]
async fn the_mapped_year_exports_every_place_of_the_map() {
    let app = spawn_app().await;
    let view = "indicator=sesnsp.trata.victims&region=MX-CHH&chart=map&year=2022";
    let response = app.get(&format!("/api/v1/export?{view}&format=csv")).await;
    assert_eq!(response.status(), 200);
    let disposition = response.headers()["content-disposition"]
        .to_str()
        .expect("header")
        .to_string();
    assert!(
        disposition.contains("tipstats-sesnsp.trata.victims-map-2022.csv"),
        "{disposition}"
    );
    let csv = response.text().await.expect("CSV");
    assert!(csv.contains("# query: indicator=sesnsp.trata.victims&region=MX-CHH"));
    assert!(
        csv.contains("&chart=map&year=2022"),
        "the query names the map's year"
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("map.csv");
    std::fs::write(&path, &csv).expect("write");
    let conn = duckdb::Connection::open_in_memory().expect("duckdb");
    let rows: Vec<(String, i32, Option<i64>)> = conn
        .prepare(&format!(
            "SELECT region, year, value FROM read_csv('{}', comment = '#', header = true, quote = '\"', types = {{'value': 'BIGINT'}}) ORDER BY region",
            path.display()
        ))
        .and_then(|mut s| s.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?.collect())
        .expect("the CSV read back");
    let mexico: MapResponse = app
        .get_json("/api/v1/map?indicator=sesnsp.trata.victims")
        .await;
    let mut expected: Vec<(String, i32, Option<i64>)> = mexico
        .figures
        .rows
        .iter()
        .filter(|r| r.year == 2022)
        .map(|r| (r.region.clone(), r.year, r.value))
        .collect();
    expected.sort();
    assert_eq!(rows.len(), 32, "every state of the map");
    assert_eq!(rows, expected);
    assert!(rows.contains(&("MX-CHH".into(), 2022, Some(65))));
    // The map's year is the range's last counted whole when not given:
    // 2024, not January–June 2025.
    let latest = app
        .get("/api/v1/export?indicator=sesnsp.trata.victims&chart=map&format=json")
        .await;
    assert_eq!(latest.status(), 200);
    let year = mexico
        .figures
        .rows
        .iter()
        .map(|r| r.year)
        .max()
        .expect("a year");
    assert!(
        mexico
            .figures
            .notes
            .iter()
            .any(|n| n.kind == NoteKind::PartialYear && n.year == Some(year)),
        "{year} is partial"
    );
    let year = year - 1;
    let latest: serde_json::Value = latest.json().await.expect("JSON");
    let years: BTreeSet<i64> = latest["series"]["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .filter_map(|r| r["year"].as_i64())
        .collect();
    assert_eq!(years, BTreeSet::from([i64::from(year)]));
    for (path, parameter) in [
        ("/api/v1/export?indicator=glotip.victims&year=2020", "year"),
        (
            "/api/v1/export?indicator=glotip.victims&chart=map&year=1990",
            "year",
        ),
        ("/api/v1/export?indicator=tip.victims&chart=map", "chart"),
        (
            "/api/v1/export?indicator=glotip.victims&chart=globe",
            "chart",
        ),
    ] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 400, "{path}");
        let problem: serde_json::Value = response.json().await.expect("problem");
        assert_eq!(problem["parameter"], parameter, "{path}: {problem}");
    }
}

/// What the map panel shows of a place: its label and its table cell.
const PLACE_SCRIPT: &str = "const code = arguments[0];
    const shape = document.querySelector(`.map-svg [data-place='${code}']`);
    const cell = document.querySelector(`.map-table tr[data-place='${code}'] td`);
    return shape && cell ? [shape.getAttribute('aria-label'), cell.textContent] : null;";

async fn place(browser: &Browser, code: &str) -> Option<(String, String)> {
    let found = browser
        .client
        .execute(PLACE_SCRIPT, vec![serde_json::json!(code)])
        .await
        .ok()?;
    serde_json::from_value(found).ok()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_map_panel_reads_by_keyboard_moves_through_the_years_and_adds_a_place() {
    let app = spawn_app().await;
    let mexico: MapResponse = app
        .get_json("/api/v1/map?indicator=sesnsp.trata.victims")
        .await;
    let browser = Browser::start(1280, 1100).await;
    browser
        .client
        .goto(&app.url("/?indicator=sesnsp.trata.victims&region=MX-CMX&chart=map&year=2022"))
        .await
        .expect("open");
    let (label, cell) = browser
        .wait_for("the map panel", WAIT, || place(&browser, "MX-CHH"))
        .await;
    assert_eq!(
        (label.as_str(), cell.as_str()),
        ("Chihuahua: 65 (2022)", "65")
    );
    // Focus moves from place to place with Tab and shows the figure.
    browser
        .eval("document.querySelector(\".map-svg [data-place='MX-CHH']\").focus(); return true;")
        .await;
    let tip = browser
        .wait_for("the focused place's figure", WAIT, || async {
            let text = browser.eval("const t = document.querySelector('.map-tip'); return t && !t.hidden ? t.textContent : null;").await;
            text.as_str().map(String::from)
        })
        .await;
    assert_eq!(tip, "Chihuahua: 65 (2022)");
    let focused = browser.client.active_element().await.expect("focus");
    focused.send_keys("\u{E004}").await.expect("Tab");
    let next = browser
        .eval("return document.activeElement.dataset.place || null;")
        .await;
    assert!(
        next.as_str()
            .is_some_and(|code| code.starts_with("MX-") && code != "MX-CHH"),
        "Tab reaches the next state: {next}"
    );
    // The slider shows another year's figures, in the map and the table.
    let years = browser
        .eval("return JSON.parse(document.querySelector('.map-panel').dataset.mapYears).years;")
        .await;
    let years: Vec<i32> = serde_json::from_value(years).expect("years");
    let index = years
        .iter()
        .position(|y| *y == 2019)
        .expect("2019 in the slider");
    browser
        .eval(&format!(
            "const s = document.querySelector('#map-year'); s.value = {index}; s.dispatchEvent(new Event('input', {{bubbles: true}})); return true;"
        ))
        .await;
    let expected = row(&mexico.figures.rows, "MX-CHH", 2019)
        .and_then(|r| r.value)
        .expect("Chihuahua 2019");
    let (label, cell) = place(&browser, "MX-CHH").await.expect("after the slider");
    assert_eq!(label, format!("Chihuahua: {expected} (2019)"));
    assert_eq!(cell, expected.to_string());
    let url = browser.client.current_url().await.expect("url");
    assert!(url.as_str().contains("year=2019"), "{url}");
    let download = browser
        .eval("return document.querySelector('.map-downloads a[download]').getAttribute('href');")
        .await;
    assert!(
        download
            .as_str()
            .is_some_and(|href| href.contains("chart=map&year=2019&format=csv")),
        "the download follows the slider: {download}"
    );
    // A click adds the place to those compared, in the line chart.
    browser
        .client
        .find(fantoccini::Locator::Css(".map-svg [data-place='MX-CHH']"))
        .await
        .expect("Chihuahua")
        .click()
        .await
        .expect("click");
    browser
        .wait_for("Chihuahua compared", WAIT, || async {
            let url = browser.client.current_url().await.ok()?;
            let found = browser
                .eval("return document.querySelector('#app .chart-svg') !== null;")
                .await;
            (url.as_str().contains("MX-CMX,MX-CHH")
                && !url.as_str().contains("chart=map")
                && found == true)
                .then_some(())
        })
        .await;
    assert!(browser.accessibility_violations().await.is_empty());
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_border_map_panel_fills_the_states_chosen_and_opens_a_state() {
    let app = spawn_app().await;
    let browser = Browser::start(360, 900).await;
    browser
        .client
        .goto(&app.url("/?indicator=usbp.encounters&chart=map&year=2022&lang=es"))
        .await
        .expect("open");
    browser
        .wait_for("the sectors' map", WAIT, || place(&browser, "BP-EPT"))
        .await;
    browser
        .eval("const s = document.querySelector('#map-areas'); s.value = 'sesnsp.trata.victims'; s.dispatchEvent(new Event('change', {bubbles: true})); return true;")
        .await;
    let (label, cell) = browser
        .wait_for("the states filled", WAIT, || place(&browser, "MX-CHH"))
        .await;
    assert_eq!(
        (label.as_str(), cell.as_str()),
        ("Chihuahua: 65 (2022)", "65")
    );
    let url = browser.client.current_url().await.expect("url");
    assert!(url.as_str().contains("areas=sesnsp.trata.victims"), "{url}");
    browser.assert_no_sideways_scrolling().await;
    assert!(browser.accessibility_violations().await.is_empty());
    // A state opens its own indicator's chart, not the sectors'.
    browser
        .eval("document.querySelector(\".map-svg [data-place='MX-CHH']\").dispatchEvent(new MouseEvent('click', {bubbles: true})); return true;")
        .await;
    browser
        .wait_for("Chihuahua's trafficking victims", WAIT, || async {
            let url = browser.client.current_url().await.ok()?;
            let url = url.as_str();
            (url.contains("indicator=sesnsp.trata.victims")
                && url.contains("region=MX-CHH")
                && !url.contains("chart=map"))
            .then_some(())
        })
        .await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_map_fits_a_360_pixel_phone_and_passes_axe() {
    let app = spawn_app().await;
    let browser = Browser::start(360, 800).await;
    browser
        .client
        .goto(&app.url("/?indicator=glotip.victims&chart=map&lang=es"))
        .await
        .expect("open");
    browser
        .wait_for("the world map", WAIT, || place(&browser, "MEX"))
        .await;
    browser.assert_no_sideways_scrolling().await;
    let violations = browser.accessibility_violations().await;
    assert!(violations.is_empty(), "{violations:?}");
    assert!(browser.screenshot("map-phone-360").await.is_file());
    browser.close().await;
}
