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

/// UNODC publishes the USA's detected victims by 94 citizenships: the
/// chart draws the six largest over the years and the rest summed, per
/// year, as the API's own rows add up; the table keeps every category.
#[tokio::test]
async fn a_breakdown_of_many_categories_draws_the_largest_and_sums_the_rest() {
    use tipstats_shared::SeriesResponse;
    use tipstats_shared::format::thousands;
    let app = spawn_app().await;
    let query = "indicator=glotip.victims&region=USA&by=citizenship";
    let api: SeriesResponse = app.get_json(&format!("/api/v1/series?{query}")).await;
    let mut totals: Vec<(String, f64)> = Vec::new();
    for row in &api.rows {
        let category = row.category.clone().expect("a category");
        let plotted = row.plotted().unwrap_or(0.0);
        match totals.iter_mut().find(|(c, _)| *c == category) {
            Some((_, total)) => *total += plotted,
            None => totals.push((category, plotted)),
        }
    }
    assert!(totals.len() > 20, "{} citizenships", totals.len());
    totals.sort_by(|a, b| b.1.total_cmp(&a.1));
    let largest: Vec<&str> = totals[..6].iter().map(|(c, _)| c.as_str()).collect();
    let mut others: Vec<(i32, i64)> = Vec::new();
    for row in api
        .rows
        .iter()
        .filter(|r| r.value.is_some() && !largest.contains(&r.category.as_deref().unwrap_or("")))
    {
        match others.iter_mut().find(|(year, _)| *year == row.year) {
            Some((_, sum)) => *sum += row.value.unwrap_or(0),
            None => others.push((row.year, row.value.unwrap_or(0))),
        }
    }
    others.sort();
    let (first, last) = (others[0], others[others.len() - 1]);
    let expected = format!(
        "United States of America, Others ({}) {} ({}) → {} ({})",
        totals.len() - 6,
        thousands(first.1),
        first.0,
        thousands(last.1),
        last.0
    );
    let embed = app
        .get(&format!("/embed?{query}&chart=stacked"))
        .await
        .text()
        .await
        .expect("embed");
    let summary = embed
        .split("aria-label=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("the chart's summary");
    assert!(summary.contains(&expected), "{expected}\n{summary}");
    assert_eq!(summary.matches("; ").count(), 6, "seven lines: {summary}");
    for category in &largest {
        assert!(summary.contains(&format!(", {category} ")), "{category}");
    }
    let table = app
        .get(&format!("/table.html?{query}"))
        .await
        .text()
        .await
        .expect("table");
    assert_eq!(
        table.matches("<tr data-region=").count(),
        api.rows.len(),
        "every category in the table"
    );
    assert!(!table.contains("Others ("));
}
