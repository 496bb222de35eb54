//! The dashboard in real headless Chromium, served by the real server.

use std::time::Duration;

use fantoccini::Locator;
use tipstats_shared::SeriesResponse;
use tipstats_shared::chart::PALETTE;
use tipstats_shared::format::value_cell;
use tipstats_tests::{Browser, spawn_app, workspace_root};

/// How many of the chart's lines have a series colour: one colour per series.
fn series_count_script() -> String {
    let palette: Vec<String> = PALETTE
        .iter()
        .map(|c| format!("\"#{:02X}{:02X}{:02X}\"", c.0, c.1, c.2))
        .collect();
    format!(
        "const svg = document.querySelector('.chart-svg svg');
         if (!svg) return -1;
         const palette = [{}];
         const strokes = [...svg.querySelectorAll('polyline')]
             .map(p => (p.getAttribute('stroke') || '').toUpperCase())
             .filter(s => palette.includes(s));
         return new Set(strokes).size;",
        palette.join(",")
    )
}

const TABLE_SCRIPT: &str = "return [...document.querySelectorAll('#figures tbody tr')]
    .map(tr => [tr.dataset.region, Number(tr.dataset.year), tr.querySelector('.value').textContent]);";

#[tokio::test(flavor = "multi_thread")]
async fn dashboard_draws_one_series_per_region_and_tables_the_api_numbers() {
    assert!(
        workspace_root().join("frontend/dist/index.html").is_file(),
        "the dashboard is not built: run `cargo xtask frontend` (scripts/test does)"
    );
    let app = spawn_app().await;
    let browser = Browser::start(1280, 1100).await;
    browser
        .client
        .goto(&app.url("/"))
        .await
        .expect("open the dashboard");

    let count_script = series_count_script();
    let series_count = |expected: i64| {
        let script = count_script.clone();
        let browser = &browser;
        async move {
            browser
                .wait_for(
                    &format!("{expected} series in the chart"),
                    Duration::from_secs(30),
                    || {
                        let script = script.clone();
                        async move {
                            (browser.eval(&script).await.as_i64() == Some(expected)).then_some(())
                        }
                    },
                )
                .await
        }
    };
    // The default view: the five UN regions.
    series_count(5).await;

    // Add the world.
    browser
        .client
        .find(Locator::Css("input[type=checkbox][value='001']"))
        .await
        .expect("world checkbox")
        .click()
        .await
        .expect("click");
    series_count(6).await;

    let url = browser.client.current_url().await.expect("url");
    let query = url.query().unwrap_or_default().to_string();
    assert!(
        query.contains("region=002,019,142,150,009,001"),
        "the URL keeps the view: {query}"
    );

    // The table shows exactly the API's figures for the same view.
    let api: SeriesResponse = app.get_json(&format!("/api/v1/series?{query}")).await;
    let expected: Vec<(String, i64, String)> = api
        .regions
        .iter()
        .flat_map(|code| api.rows.iter().filter(move |r| &r.region == code))
        .map(|r| (r.region.clone(), i64::from(r.year), value_cell(r)))
        .collect();
    let table: Vec<(String, i64, String)> = browser
        .wait_for(
            "the table of six regions",
            Duration::from_secs(10),
            || async {
                let rows: Vec<(String, i64, String)> =
                    serde_json::from_value(browser.eval(TABLE_SCRIPT).await).ok()?;
                rows.iter().any(|r| r.0 == "001").then_some(rows)
            },
        )
        .await;
    assert!(!expected.is_empty());
    assert_eq!(table, expected);

    let source = browser
        .eval("return document.querySelector('.source')?.textContent ?? ''")
        .await;
    assert!(
        source.as_str().is_some_and(|s| s.contains("UNODC")),
        "source line: {source}"
    );
    browser.screenshot("dashboard").await;
    browser.close().await;
}
