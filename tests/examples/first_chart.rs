//! The first-chart benchmark (`bench/first-chart`): milliseconds from
//! navigation to the dashboard's chart being in the page, in headless
//! Chromium on loopback, read from the page's own User Timing mark
//! (`tipstats:chart`). Ten loads of the default view; the first is cold.

use std::time::Duration;

use tipstats_tests::{Browser, spawn_app};

#[tokio::main]
async fn main() {
    let app = spawn_app().await;
    let browser = Browser::start(1280, 1000).await;
    let mut times = Vec::new();
    for _ in 0..10 {
        browser.client.goto(&app.url("/")).await.expect("open");
        let ms = browser
            .wait_for("the chart's mark", Duration::from_secs(30), || async {
                browser
                    .eval("const m = performance.getEntriesByName('tipstats:chart')[0]; return m ? m.startTime : null;")
                    .await
                    .as_f64()
            })
            .await;
        times.push(ms);
    }
    let first = times[0];
    let mut sorted = times.clone();
    sorted.sort_by(f64::total_cmp);
    let median = (sorted[4] + sorted[5]) / 2.0;
    println!(
        "loads (ms): {}",
        times
            .iter()
            .map(|t| format!("{t:.0}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    println!("first (cold) load: {first:.0} ms; median of 10: {median:.0} ms");
    browser.close().await;
}
