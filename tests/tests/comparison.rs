//! Comparing places of any size: relative change (an index or a
//! percentage since each line's first figure) and a log scale, as view
//! options of the address, the images, the embeds and the dashboard.

use std::time::Duration;

use tipstats_tests::{Browser, TestServer, spawn_app};

/// The words of an SVG's text elements.
fn texts(svg: &str) -> Vec<String> {
    svg.split("</text>")
        .filter_map(|part| part.rsplit_once('>').map(|(_, t)| t.trim().to_string()))
        .filter(|t| !t.is_empty())
        .collect()
}

async fn svg(app: &TestServer, query: &str) -> String {
    let response = app.get(&format!("/chart.svg?{query}")).await;
    assert_eq!(response.status(), 200, "{query}");
    response.text().await.expect("svg")
}

#[tokio::test]
async fn images_and_embeds_draw_relative_change_and_a_log_scale() {
    let app = spawn_app().await;
    let counts = "indicator=hotline.cases&region=US-TX,US-VT&from=2015&to=2024";
    let index = texts(&svg(&app, &format!("{counts}&relative=index")).await);
    assert!(
        index.iter().any(|t| t == "Index, first figure = 100"),
        "{index:?}"
    );
    let percent = texts(
        &svg(
            &app,
            &format!("{counts}&relative=percent&chart=bar&lang=es"),
        )
        .await,
    );
    assert!(
        percent
            .iter()
            .any(|t| t == "% de cambio desde la primera cifra"),
        "{percent:?}"
    );
    // Texas and Vermont differ a hundredfold: a log scale ticks each power
    // of ten between them, and nothing between the powers.
    let log = texts(&svg(&app, &format!("{counts}&scale=log")).await);
    for tick in ["1", "10", "100", "1,000"] {
        assert!(log.iter().any(|t| t == tick), "no tick {tick}: {log:?}");
    }
    assert!(!log.iter().any(|t| t == "500"), "{log:?}");
    // Each sector's share of the year's encounters, stacked to 100 %.
    let sectors = "indicator=usbp.encounters&region=BP-SDC,BP-TCA,BP-EPT,BP-RGV&from=2015&to=2024";
    let shares = texts(&svg(&app, &format!("{sectors}&chart=share")).await);
    assert!(
        shares.iter().any(|t| t.starts_with("% of the year")),
        "{shares:?}"
    );
    assert!(shares.iter().any(|t| t == "100"), "{shares:?}");
    let embed = app
        .get(&format!("/embed?{counts}&scale=log&relative=index"))
        .await;
    assert_eq!(embed.status(), 200);
    for (query, parameter) in [
        ("relative=index&chart=stacked", "relative"),
        ("relative=index&chart=share", "relative"),
        ("scale=log&chart=share", "scale"),
        ("relative=ratio", "relative"),
        ("scale=log&chart=bar", "scale"),
        ("scale=log&relative=percent", "scale"),
        ("scale=cubic", "scale"),
    ] {
        let response = app.get(&format!("/chart.svg?{counts}&{query}")).await;
        assert_eq!(response.status(), 400, "{query}");
        let problem: serde_json::Value = response.json().await.expect("problem");
        assert_eq!(problem["parameter"], parameter, "{query}: {problem}");
    }
}

/// The dashboard draws what its address asks and its "Show" choice sets
/// the address: the first view drawn by the server, then the dashboard's.
#[tokio::test(flavor = "multi_thread")]
async fn the_dashboard_shows_an_index_and_a_log_scale_from_its_address_and_its_choice() {
    let app = spawn_app().await;
    let browser = Browser::start(1280, 900).await;
    let query = "indicator=hotline.cases&region=US-TX,US-VT&from=2015&to=2024";
    browser
        .client
        .goto(&app.url(&format!("/?{query}&relative=index")))
        .await
        .expect("open");
    let axis = "return [...document.querySelectorAll('#app .chart-svg svg text')]
                .map(t => t.textContent.trim()).filter(t => t)";
    let drawn = browser
        .wait_for("the index drawn", Duration::from_secs(20), || async {
            let words = browser.eval(axis).await;
            let found = words
                .as_array()
                .is_some_and(|w| w.iter().any(|t| t == "Index, first figure = 100"));
            found.then_some(words)
        })
        .await;
    assert!(drawn.is_array());
    let shown = browser
        .eval("return document.getElementById('shown-as').value")
        .await;
    assert_eq!(shown, "index");
    browser
        .eval(
            "const s = document.getElementById('shown-as'); s.value = 'log';
             s.dispatchEvent(new Event('change', { bubbles: true })); return null;",
        )
        .await;
    browser
        .wait_for("a log scale", Duration::from_secs(20), || async {
            let words = browser.eval(axis).await;
            let ticks: Vec<&str> = words
                .as_array()
                .map(|w| w.iter().filter_map(|t| t.as_str()).collect())
                .unwrap_or_default();
            let url = browser.eval("return location.search").await;
            let logged = url.as_str().is_some_and(|u| u.contains("scale=log"))
                && !url.as_str().is_some_and(|u| u.contains("relative="))
                && ["10", "100", "1,000"].iter().all(|t| ticks.contains(t));
            logged.then_some(())
        })
        .await;
    // Bars cannot be on a log scale: the choice is offered, not taken.
    let disabled = browser
        .eval(
            "const k = document.getElementById('chart-kind'); k.value = 'bar';
             k.dispatchEvent(new Event('change', { bubbles: true }));
             return new Promise(r => setTimeout(() => r([location.search,
               document.querySelector('#shown-as option[value=log]').disabled]), 500));",
        )
        .await;
    assert!(
        disabled[0].as_str().is_some_and(|u| !u.contains("scale=")),
        "{disabled}"
    );
    assert_eq!(disabled[1], true);
    browser.screenshot("dashboard-log-scale").await;
    browser.close().await;
}
