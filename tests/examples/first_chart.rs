//! The first-chart benchmark (`bench/first-chart`), in headless Chromium
//! on loopback, ten loads of the default view (the first is cold):
//! - the first chart painted: the page's first contentful paint, which
//!   shows the chart the server drew into the HTML;
//! - the dashboard interactive: its own chart drawn and the page taken
//!   over, the User Timing mark `tipstats:chart`.

use std::time::Duration;

use tipstats_tests::{Browser, spawn_app};

#[tokio::main]
async fn main() {
    let app = spawn_app().await;
    let browser = Browser::start(1280, 1000).await;
    let (mut painted, mut interactive) = (Vec::new(), Vec::new());
    for _ in 0..10 {
        browser.client.goto(&app.url("/")).await.expect("open");
        let times = browser
            .wait_for("the dashboard's mark", Duration::from_secs(30), || async {
                let found = browser
                    .eval("const m = performance.getEntriesByName('tipstats:chart')[0];
                           const p = performance.getEntriesByName('first-contentful-paint')[0];
                           return m && p && !!document.querySelector('#app .chart-svg svg') ? [p.startTime, m.startTime] : null;")
                    .await;
                serde_json::from_value::<(f64, f64)>(found).ok()
            })
            .await;
        painted.push(times.0);
        interactive.push(times.1);
    }
    report("first chart painted (server-drawn)", &painted);
    report("dashboard interactive", &interactive);
    browser.close().await;
}

fn report(what: &str, times: &[f64]) {
    let mut sorted = times.to_vec();
    sorted.sort_by(f64::total_cmp);
    let median = (sorted[4] + sorted[5]) / 2.0;
    let loads: Vec<String> = times.iter().map(|t| format!("{t:.0}")).collect();
    println!("{what}: loads (ms) {}", loads.join(", "));
    println!(
        "{what}: first (cold) {:.0} ms; median of 10: {median:.0} ms",
        times[0]
    );
}
