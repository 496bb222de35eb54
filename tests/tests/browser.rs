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
        "const svg = document.querySelector('#app .chart-svg svg');
         if (!svg) return -1;
         const palette = [{}];
         const strokes = [...svg.querySelectorAll('polyline')]
             .map(p => (p.getAttribute('stroke') || '').toUpperCase())
             .filter(s => palette.includes(s));
         return new Set(strokes).size;",
        palette.join(",")
    )
}

const TABLE_SCRIPT: &str = "return [...document.querySelectorAll('#app #figures tbody tr')]
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

    // Add the world, from the places picker.
    browser
        .client
        .find(Locator::Css("#app details.regions > summary"))
        .await
        .expect("places picker")
        .click()
        .await
        .expect("open the picker");
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

    let source = browser
        .eval("return document.querySelector('#app .source')?.textContent ?? ''")
        .await;
    assert!(
        source.as_str().is_some_and(|s| s.contains("UNODC")),
        "source line: {source}"
    );

    // The table tab shows exactly the API's figures for the same view.
    browser
        .client
        .find(Locator::Css("#app nav.tabs a:nth-child(2)"))
        .await
        .expect("table tab")
        .click()
        .await
        .expect("open the table");
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
    assert!(
        page_query_of(&browser).await.ends_with("&tab=table"),
        "the tab is in the address"
    );
    browser.screenshot("dashboard").await;
    browser.close().await;
}

async fn page_query_of(browser: &Browser) -> String {
    let url = browser.client.current_url().await.expect("url");
    url.query().unwrap_or_default().to_string()
}

/// A newsroom's article page on another origin: it frames the embed and
/// sizes the iframe from the height the embed posts (the README's snippet).
fn article_page(embed_url: &str, embed_origin: &str) -> String {
    format!(
        r#"<!doctype html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Article</title></head>
<body style="margin:0;font-family:sans-serif">
<h1>An article about trafficking</h1>
<iframe id="tipstats-chart" src="{embed_url}" width="100%" height="150" style="border:0" title="Chart"></iframe>
<script>
window.addEventListener("message", function (event) {{
  if (event.origin !== "{embed_origin}" || !event.data || event.data.type !== "tipstats:height") return;
  document.getElementById("tipstats-chart").height = event.data.height;
  document.body.dataset.resized = String(event.data.height);
}});
</script>
</body></html>"#
    )
}

/// Serves one page on 127.0.0.1 until dropped: the other origin.
async fn serve_page(page: String) -> (String, tokio::task::JoinHandle<()>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    let task = tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            let page = page.clone();
            tokio::spawn(async move {
                use tokio::io::{AsyncReadExt, AsyncWriteExt};
                let mut request = [0u8; 4096];
                let _ = socket.read(&mut request).await;
                let response = format!(
                    "HTTP/1.1 200 OK\r\ncontent-type: text/html; charset=utf-8\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{page}",
                    page.len()
                );
                let _ = socket.write_all(response.as_bytes()).await;
            });
        }
    });
    (format!("http://localhost:{}/article", addr.port()), task)
}

/// In a desktop article the embed shows its wide drawing (800 pixels,
/// scaled to the column); in a phone's column its narrow one (360), so that
/// the chart's words are not scaled below legibility.
#[tokio::test(flavor = "multi_thread")]
async fn an_embed_shows_inside_another_sites_iframe_and_sizes_it() {
    let app = spawn_app().await;
    let embed_origin = format!("http://{}", app.addr);
    let embed_url =
        format!("{embed_origin}/embed?indicator=glotip.victims&region=019,150&from=2010&to=2022");
    let (article, server) = serve_page(article_page(&embed_url, &embed_origin)).await;
    for (window, drawn) in [(900, 800.0), (400, 360.0)] {
        let browser = Browser::start(window, 1000).await;
        browser
            .client
            .goto(&article)
            .await
            .expect("open the article");
        let height = browser
            .wait_for(
                "the embed to report its height",
                Duration::from_secs(20),
                || async {
                    browser
                        .eval("return Number(document.body.dataset.resized || 0)")
                        .await
                        .as_f64()
                        .filter(|h| *h > 300.0)
                },
            )
            .await;
        // The iframe took the embed's height, and the article cannot reach
        // into the other origin's document.
        let frame = browser
            .eval(
                "const f = document.getElementById('tipstats-chart');
                 let reachable = true;
                 try { reachable = f.contentDocument !== null; } catch (e) { reachable = false; }
                 return [f.getBoundingClientRect().height, reachable, f.getBoundingClientRect().width];",
            )
            .await;
        assert_eq!(frame[0].as_f64(), Some(height), "{frame}");
        assert_eq!(frame[1], false, "cross-origin document");
        let frame_width = frame[2].as_f64().unwrap_or_default();
        browser
            .client
            .enter_frame(0)
            .await
            .expect("enter the embed's frame");
        let shown = browser
            .eval(
                "return [...document.querySelectorAll('svg')]
                     .filter(s => s.getBoundingClientRect().width > 0)
                     .map(s => [Number(s.getAttribute('width')), s.getBoundingClientRect().width]);",
            )
            .await;
        let shown: Vec<(f64, f64)> = serde_json::from_value(shown).unwrap_or_default();
        assert_eq!(shown.len(), 1, "one drawing shows at {window}: {shown:?}");
        assert_eq!(shown[0].0, drawn, "at {window} pixels");
        // The whole width: the frame, as tall as the embed, has no scroll bar.
        assert!(
            (shown[0].1 - frame_width).abs() < 1.0,
            "the chart fills the frame's width ({frame_width}): {shown:?}"
        );
        browser
            .client
            .enter_parent_frame()
            .await
            .expect("back to the article");
        browser
            .screenshot(&format!("embed-in-article-{window}"))
            .await;
        browser.close().await;
    }
    server.abort();
}

#[tokio::test(flavor = "multi_thread")]
async fn rates_and_the_share_panel_carry_the_view() {
    let app = spawn_app().await;
    let browser = Browser::start(1280, 1400).await;
    let query = "indicator=sesnsp.trata.victims&region=MEX,MX-CHH&from=2020&to=2024&per=100k";
    browser
        .client
        .goto(&app.url(&format!("/?{query}&tab=table")))
        .await
        .expect("open a shared link");
    // The rate column holds the API's rates, as the table writes them.
    let api: SeriesResponse = app.get_json(&format!("/api/v1/series?{query}")).await;
    let expected: Vec<String> = api
        .rows
        .iter()
        .filter_map(|r| r.rate.map(|rate| format!("{rate:.2}")))
        .collect();
    assert_eq!(expected.len(), 10);
    let rates: Vec<String> = browser
        .wait_for("the rate column", Duration::from_secs(30), || async {
            let cells: Vec<String> = serde_json::from_value(
                browser
                    .eval("return [...document.querySelectorAll('#app #figures td.rate')].map(td => td.textContent);")
                    .await,
            )
            .ok()?;
            (cells.len() == 10).then_some(cells)
        })
        .await;
    assert_eq!(rates, expected);
    let checked = browser
        .eval("return document.getElementById('per-100k').checked")
        .await;
    assert_eq!(checked, true);

    let open_tab = |number: usize| {
        let browser = &browser;
        async move {
            browser
                .client
                .find(Locator::Css(&format!(
                    "#app nav.tabs a:nth-child({number})"
                )))
                .await
                .expect("tab")
                .click()
                .await
                .expect("open the tab");
        }
    };
    open_tab(4).await;
    let shared = browser
        .wait_for("the share panel", Duration::from_secs(10), || async {
            let found = browser
                .eval(
                    "const p = document.getElementById('permalink'); if (!p) return null;
                     return [p.value, document.getElementById('embed-code').value,
                             [...document.querySelectorAll('.share a')].map(a => a.getAttribute('href'))];",
                )
                .await;
            (!found.is_null()).then_some(found)
        })
        .await;
    open_tab(3).await;
    let cite = browser
        .wait_for("the citation", Duration::from_secs(10), || async {
            let cite = browser
                .eval("return document.querySelector('#app .cite')?.textContent ?? null;")
                .await;
            cite.as_str().map(String::from)
        })
        .await;
    let origin = format!("http://{}", app.addr);
    assert_eq!(shared[0], format!("{origin}/?{query}"));
    assert!(
        shared[1]
            .as_str()
            .is_some_and(|s| s.starts_with(&format!("<iframe src=\"{origin}/embed?{query}\""))),
        "{}",
        shared[1]
    );
    let links: Vec<String> = serde_json::from_value(shared[2].clone()).expect("links");
    // Every link answers, and the exports are the view's.
    for link in &links {
        let path = link.trim_start_matches(&origin);
        let response = app.get(path).await;
        assert_eq!(response.status(), 200, "{link}");
    }
    assert!(links.contains(&format!("{origin}/api/v1/export?{query}&format=xlsx")));
    assert!(
        cite.contains("SESNSP") && cite.contains(&format!("{origin}/?{query}")),
        "{cite}"
    );
    browser.screenshot("rates-and-share").await;
    browser.close().await;
}
