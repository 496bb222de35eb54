//! The maps' benchmark (`bench/maps`):
//! - each map's geometry in bytes, raw, gzip and brotli (as `/api/v1/maps`
//!   sends it);
//! - the world map's SVG and PNG drawn by the server, each year of the
//!   range asked once (no answer is cached before it is asked), median;
//! - in headless Chromium on loopback, ten times: from choosing Map in the
//!   dashboard's options to the map panel in the page (the User Timing
//!   mark `tipstats:map`, set by map.js once the panel is in).

use std::io::Write;
use std::time::{Duration, Instant};

use tipstats_tests::{Browser, TestServer, spawn_app};

#[tokio::main]
async fn main() {
    let app = spawn_app().await;
    geometry_bytes(&app).await;
    let world: tipstats_shared::MapResponse =
        app.get_json("/api/v1/map?indicator=glotip.victims").await;
    for (kind, path) in [("SVG", "/chart.svg"), ("PNG", "/chart.png")] {
        let mut times = Vec::new();
        for year in world.figures.from..=world.figures.to {
            let started = Instant::now();
            let response = app
                .get(&format!(
                    "{path}?indicator=glotip.victims&chart=map&year={year}"
                ))
                .await;
            assert_eq!(response.status(), 200, "{path} {year}");
            response.bytes().await.expect("body");
            times.push(started.elapsed().as_secs_f64() * 1000.0);
        }
        report(&format!("world map {kind}, drawn by the server"), &times);
    }
    let browser = Browser::start(1280, 1000).await;
    let mut times = Vec::new();
    for _ in 0..10 {
        times.push(choose_map(&app, &browser).await);
    }
    report("map panel in the page after choosing Map", &times);
    browser.close().await;
}

async fn geometry_bytes(app: &TestServer) {
    for name in ["world", "mexico", "us", "border"] {
        let json = app
            .get(&format!("/api/v1/maps/{name}"))
            .await
            .bytes()
            .await
            .expect("geometry");
        let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gzip.write_all(&json).expect("gzip");
        let gzip = gzip.finish().expect("gzip").len();
        let mut brotli = Vec::new();
        {
            let mut writer = brotli::CompressorWriter::new(&mut brotli, 4096, 11, 22);
            writer.write_all(&json).expect("brotli");
        }
        println!(
            "geometry {name}: {} bytes, gzip {gzip}, brotli {}",
            json.len(),
            brotli.len()
        );
    }
}

/// Milliseconds from choosing Map to the panel's mark.
async fn choose_map(app: &TestServer, browser: &Browser) -> f64 {
    browser
        .client
        .goto(&app.url("/?indicator=sesnsp.trata.victims&region=MX-CHH"))
        .await
        .expect("open");
    browser
        .wait_for("the dashboard", Duration::from_secs(30), || async {
            let ready = browser
                .eval("return !!document.querySelector('#app #chart-kind');")
                .await;
            (ready == true).then_some(())
        })
        .await;
    browser
        .eval(
            "window.chosenAt = performance.now();
               const select = document.querySelector('#chart-kind');
               select.value = 'map';
               select.dispatchEvent(new Event('change', {bubbles: true}));
               return true;",
        )
        .await;
    browser
        .wait_for("the map panel", Duration::from_secs(30), || async {
            let found = browser
                .eval(
                    "const m = performance.getEntriesByName('tipstats:map').pop();
                       return m ? m.startTime - window.chosenAt : null;",
                )
                .await;
            found.as_f64()
        })
        .await
}

fn report(what: &str, times: &[f64]) {
    let mut sorted = times.to_vec();
    sorted.sort_by(f64::total_cmp);
    let middle = sorted.len() / 2;
    let median = if sorted.len() % 2 == 0 {
        (sorted[middle - 1] + sorted[middle]) / 2.0
    } else {
        sorted[middle]
    };
    let each: Vec<String> = times.iter().map(|t| format!("{t:.0}")).collect();
    println!("{what}: each (ms) {}", each.join(", "));
    println!(
        "{what}: first {:.0} ms; median of {}: {median:.0} ms",
        times[0],
        times.len()
    );
}
