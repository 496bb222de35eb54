//! Rates per 100,000 inhabitants computed from the population files,
//! checked by hand against the figures PROVENANCE.md of each population
//! folder gives: a country in an estimate year and in a projection year, a
//! US state, SESNSP's own published rate reproduced from CONAPO, a region
//! over the places that reported, a place too small for a rate, and the
//! refusals.

use std::collections::BTreeSet;

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
