//! The advocate's dashboard in headless Chromium: shared links, Spanish,
//! keyboard use, breakdowns, uncertainty, the border page, a phone's width.

use std::time::Duration;

use tipstats_shared::SeriesResponse;
use tipstats_shared::format::value_cell_in;
use tipstats_shared::lang::Lang;
use tipstats_tests::{Browser, TestServer, spawn_app};

const WAIT: Duration = Duration::from_secs(30);

/// (place code, year, category, value cell) of each table row.
const TABLE_SCRIPT: &str =
    "return [...document.querySelectorAll('#app #figures tbody tr')].map(tr => [
    tr.dataset.region, Number(tr.dataset.year),
    tr.querySelector('.category')?.textContent ?? null,
    tr.querySelector('.value').textContent]);";

type Row = (String, i64, Option<String>, String);

async fn table(browser: &Browser, expected_rows: usize) -> Vec<Row> {
    browser
        .wait_for(
            &format!("a table of {expected_rows} rows"),
            WAIT,
            || async {
                let rows: Vec<Row> =
                    serde_json::from_value(browser.eval(TABLE_SCRIPT).await).ok()?;
                (rows.len() == expected_rows).then_some(rows)
            },
        )
        .await
}

/// The rows the table should show for a series query, as the table writes them.
async fn api_rows(app: &TestServer, query: &str, lang: Lang) -> Vec<Row> {
    let api: SeriesResponse = app.get_json(&format!("/api/v1/series?{query}")).await;
    api.regions
        .iter()
        .flat_map(|code| api.rows.iter().filter(move |r| &r.region == code))
        .map(|r| {
            (
                r.region.clone(),
                i64::from(r.year),
                r.category.clone(),
                value_cell_in(r, lang),
            )
        })
        .collect()
}

/// Opens the dashboard's table tab on `/?{query}` in Spanish and waits until
/// its table shows the API's figures, which it returns.
async fn open_in_spanish(app: &TestServer, browser: &Browser, query: &str) -> Vec<Row> {
    browser
        .client
        .goto(&app.url(&format!("/?{query}&lang=es&tab=table")))
        .await
        .expect("open");
    let expected = api_rows(app, query, Lang::Es).await;
    let rows = table(browser, expected.len()).await;
    assert_eq!(rows, expected);
    rows
}

/// Each of the `count` charts on the page is drawn at the width it is shown,
/// within 5 % (`state::chart_size` follows style.css), so the browser does
/// not shrink its words. Only a screen wider than a chart's widest drawing
/// scales it, up; the callers stay below that width. (A map the server
/// draws into a page is not counted: it fills its column at any width.)
async fn charts_are_shown_at_their_drawn_width(browser: &Browser, count: usize) {
    let found = browser
        .eval("return [...document.querySelectorAll('.chart-svg:not(.map) svg')].filter(svg => svg.getClientRects().length > 0).map(svg => [Number(svg.getAttribute('width')), svg.getBoundingClientRect().width]);")
        .await;
    let charts: Vec<(f64, f64)> = serde_json::from_value(found).unwrap_or_default();
    assert_eq!(charts.len(), count, "{charts:?}");
    for (drawn, shown) in charts {
        assert!(
            drawn > 0.0 && (shown / drawn - 1.0).abs() < 0.05,
            "drawn {drawn} pixels wide, shown at {shown}"
        );
    }
}

/// Clicks the chart's tab and waits for the dashboard's chart.
async fn open_chart_tab(browser: &Browser) {
    browser
        .eval("document.querySelector('#app nav.tabs a:nth-child(1)').click(); return true;")
        .await;
    browser
        .wait_for("the chart", WAIT, || async {
            let drawn = browser
                .eval("return !!document.querySelector('#app .chart-svg svg');")
                .await;
            (drawn == true).then_some(())
        })
        .await;
}

async fn page_query(browser: &Browser) -> String {
    let url = browser.client.current_url().await.expect("url");
    url.query().unwrap_or_default().to_string()
}

/// Two changes in a row: the first view's answer is held back by the
/// network and arrives after the second's. The page must end on the second
/// view: an answer to a request that a newer one replaced is dropped.
#[tokio::test(flavor = "multi_thread")]
async fn a_late_answer_for_an_older_view_does_not_replace_the_newer_one() {
    let app = spawn_app().await;
    let browser = Browser::start(1280, 1000).await;
    browser
        .client
        .goto(&app.url("/?indicator=glotip.victims&region=019&from=2015&to=2022&tab=table"))
        .await
        .expect("open");
    table(&browser, 8).await;
    // The page's own fetch, slowed by 1.5 s for Americas + Europe only.
    // Once the page has read that answer's body, and the tasks that body
    // started have run, `heldBackRead` is set.
    browser
        .eval(
            "const fetchNow = window.fetch;
             window.heldBackRead = false;
             const marked = (response) => {
                 const text = response.text.bind(response);
                 response.text = () => text().then((body) => {
                     setTimeout(() => { window.heldBackRead = true; }, 0);
                     return body;
                 });
                 return response;
             };
             window.fetch = (input, init) => {
                 const url = String(input.url ?? input);
                 const regions = /[?&]region=([^&]*)/.exec(url);
                 const slow = regions && decodeURIComponent(regions[1]).split(',').sort().join(',') === '019,150';
                 const answer = fetchNow(input, init);
                 return slow ? answer.then(r => new Promise(done => setTimeout(() => done(marked(r)), 1500))) : answer;
             };
             return true;",
        )
        .await;
    for region in ["150", "002"] {
        browser
            .eval(&format!(
                "document.querySelector(\"input[type=checkbox][value='{region}']\").click(); return true;"
            ))
            .await;
    }
    let mut expected = api_rows(
        &app,
        "indicator=glotip.victims&region=002,019,150&from=2015&to=2022",
        Lang::En,
    )
    .await;
    expected.sort();
    let mut rows = table(&browser, expected.len()).await;
    rows.sort();
    assert_eq!(rows, expected);
    // Once the page has read the held-back answer, the table still shows
    // three places.
    browser
        .wait_for("the held-back answer read", WAIT, || async {
            (browser.eval("return window.heldBackRead;").await == true).then_some(())
        })
        .await;
    let mut later: Vec<Row> =
        serde_json::from_value(browser.eval(TABLE_SCRIPT).await).expect("table rows");
    later.sort();
    assert_eq!(later, expected);
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_shared_link_restores_the_view_and_back_and_forward_walk_its_history() {
    let app = spawn_app().await;
    let browser = Browser::start(1280, 1100).await;
    let shared = "indicator=glotip.victims&region=USA&from=2015&to=2022&by=sex&chart=stacked&lang=en&theme=dark&tab=table";
    browser
        .client
        .goto(&app.url(&format!("/?{shared}")))
        .await
        .expect("open");
    let api_query = "indicator=glotip.victims&region=USA&from=2015&to=2022&by=sex";
    let expected = api_rows(&app, api_query, Lang::En).await;
    assert_eq!(table(&browser, expected.len()).await, expected);
    assert_eq!(
        page_query(&browser).await,
        shared,
        "the URL is left as shared"
    );
    let state = browser
        .eval("return [document.getElementById('by').value, document.getElementById('chart-kind').value, document.documentElement.dataset.theme];")
        .await;
    assert_eq!(state, serde_json::json!(["sex", "stacked", "dark"]));

    // A change is a new history entry; back returns to the shared view.
    browser.eval("const s = document.getElementById('by'); s.value = ''; s.dispatchEvent(new Event('change'));").await;
    let totals = api_rows(
        &app,
        "indicator=glotip.victims&region=USA&from=2015&to=2022",
        Lang::En,
    )
    .await;
    assert_eq!(table(&browser, totals.len()).await, totals);
    assert!(!page_query(&browser).await.contains("by="));
    browser.client.back().await.expect("back");
    assert_eq!(table(&browser, expected.len()).await, expected);
    assert_eq!(page_query(&browser).await, shared);
    browser.client.forward().await.expect("forward");
    assert_eq!(table(&browser, totals.len()).await, totals);
    // A reload shows the same view.
    let before = page_query(&browser).await;
    browser.client.refresh().await.expect("reload");
    assert_eq!(table(&browser, totals.len()).await, totals);
    assert_eq!(page_query(&browser).await, before);
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_interface_speaks_spanish_with_spanish_numbers() {
    let app = spawn_app().await;
    let browser = Browser::start(1280, 1000).await;
    let query = "indicator=glotip.victims&region=USA,MEX&from=2018&to=2022";
    let rows = open_in_spanish(&app, &browser, query).await;
    // 16 390 with a no-break space, as Mexico's NOM-008 and the RAE write it.
    assert!(rows.iter().any(|r| r.3 == "16\u{a0}390"), "{rows:?}");
    let words = browser
        .eval("return [document.documentElement.lang, document.querySelector('label[for=indicator]').textContent, document.querySelector('#app #figures caption').textContent, document.querySelector('#app nav.tabs a:nth-child(4)').textContent, [...document.querySelectorAll('#app #figures thead th')].map(th => th.textContent).find(t => t.startsWith('Report'))];")
        .await;
    assert_eq!(
        words,
        serde_json::json!([
            "es",
            "Indicador",
            "Las cifras de la gráfica",
            "Compartir y descargar",
            "Reportan (países)"
        ])
    );
    // The figures' words: the indicator, its definition and its caveats.
    let figures = browser
        .eval("return [document.querySelector('#indicator option:checked').textContent.trim(), document.getElementById('indicator-description').textContent, null, [...new Set([...document.querySelectorAll('#app #figures tbody th')].map(th => th.textContent))]];")
        .await;
    assert_eq!(figures[0], "Víctimas de trata detectadas", "{figures}");
    assert!(
        figures[1]
            .as_str()
            .is_some_and(|d| d.starts_with("Víctimas de trata de personas detectadas")),
        "{figures}"
    );
    // The caveat stays in view under the chart, in Spanish.
    browser
        .eval("document.querySelector('#app nav.tabs a:nth-child(1)').click(); return true;")
        .await;
    let caveat = browser
        .wait_for("the chart's caveat", WAIT, || async {
            let found = browser
                .eval("return document.querySelector('#app .caveat')?.textContent ?? null;")
                .await;
            found.as_str().map(String::from)
        })
        .await;
    assert!(
        caveat.starts_with("Las víctimas detectadas no son la prevalencia"),
        "{caveat}"
    );
    assert_eq!(
        figures[3],
        serde_json::json!(["Estados Unidos de América", "México"])
    );
    // Switching back to English is a choice the URL keeps.
    browser.eval("const s = document.getElementById('lang'); s.value = 'en'; s.dispatchEvent(new Event('change'));").await;
    browser
        .wait_for("English labels", WAIT, || async {
            (browser
                .eval("return document.querySelector('label[for=indicator]').textContent")
                .await
                == "Indicator")
                .then_some(())
        })
        .await;
    assert!(page_query(&browser).await.contains("lang=en"));
    browser.close().await;
}

/// The wasm is built to stop at once on a panic, with no message of its
/// own. boot.js then tells the reader, in the page's language, instead of
/// leaving a page that no longer answers. The trap is raised where one
/// would surface: a `WebAssembly.RuntimeError` out of the wasm's event
/// handler.
#[tokio::test(flavor = "multi_thread")]
async fn a_stopped_dashboard_says_so_in_the_pages_language() {
    let app = spawn_app().await;
    let browser = Browser::start(1280, 1000).await;
    open_in_spanish(
        &app,
        &browser,
        "indicator=glotip.victims&region=USA,MEX&from=2018&to=2022",
    )
    .await;
    let alert = "const p = document.querySelectorAll('#stopped');
        return p.length ? [p.length, p[0].getAttribute('role'), p[0].textContent] : null;";
    assert_eq!(browser.eval(alert).await, serde_json::Value::Null);
    // The browser API the wasm calls when the reader picks another chart
    // throws: first an ordinary error, which is not a stop, then the error
    // a trap throws, twice.
    let pick_chart_throwing = |error: &str| {
        format!(
            "Object.defineProperty(HTMLSelectElement.prototype, 'value', {{ configurable: true, get() {{ throw new {error}('unreachable'); }} }});
             document.getElementById('chart-kind').dispatchEvent(new Event('change'));
             return true;"
        )
    };
    // The test's own listener comes after boot.js's: once it has seen the
    // error, boot.js has seen it too.
    browser
        .eval(
            "window.errorsSeen = [];
             addEventListener('error', (event) => window.errorsSeen.push(event.message));
             return true;",
        )
        .await;
    browser.eval(&pick_chart_throwing("TypeError")).await;
    browser
        .wait_for("the ordinary error reported", WAIT, || async {
            // The page's own error event; its message is muted ("Script
            // error.") for an error thrown by the test's injected script.
            let seen = browser.eval("return window.errorsSeen.length;").await;
            (seen.as_u64() > Some(0)).then_some(())
        })
        .await;
    assert_eq!(browser.eval(alert).await, serde_json::Value::Null);
    for _ in 0..2 {
        browser
            .eval(&pick_chart_throwing("WebAssembly.RuntimeError"))
            .await;
    }
    let shown = browser
        .wait_for("the stop message", WAIT, || async {
            let shown = browser.eval(alert).await;
            (!shown.is_null()).then_some(shown)
        })
        .await;
    assert_eq!(shown[0], 1, "one message however many traps: {shown}");
    assert_eq!(shown[1], "alert");
    let text = shown[2].as_str().unwrap_or_default();
    assert!(text.starts_with("El tablero se detuvo"), "{text}");
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_pickers_work_from_the_keyboard_alone() {
    let app = spawn_app().await;
    let browser = Browser::start(1280, 1000).await;
    browser
        .client
        .goto(&app.url("/?indicator=glotip.victims&region=019&from=2020&to=2022&tab=table"))
        .await
        .expect("open");
    table(&browser, 3).await;
    // Tab from the top of the page until the place search has the focus,
    // opening the places picker with Enter on the way.
    browser
        .eval("document.activeElement?.blur(); window.focus();")
        .await;
    let body = browser
        .client
        .find(fantoccini::Locator::Css("body"))
        .await
        .expect("body");
    let mut reached = false;
    for _ in 0..60 {
        body.send_keys("\u{E004}").await.expect("tab");
        let focused = browser
            .eval("return document.activeElement?.id ?? ''")
            .await;
        // Every control that takes the focus shows it.
        let outline = browser
            .eval("const e = document.activeElement; return e && e !== document.body ? getComputedStyle(e).outlineStyle : 'none-needed';")
            .await;
        assert_ne!(
            outline, "none",
            "a focused control without a visible focus ({focused})"
        );
        if focused == "add-place" {
            reached = true;
            break;
        }
        let on_places = browser
            .eval("return !!document.activeElement?.matches('details.regions:not([open]) > summary');")
            .await;
        if on_places == true {
            browser
                .client
                .active_element()
                .await
                .expect("focused")
                .send_keys("\u{E007}")
                .await
                .expect("Enter opens the picker");
        }
    }
    assert!(reached, "the place search is reachable with Tab");
    let search = browser.client.active_element().await.expect("focused");
    search
        .send_keys("Mexico\u{E007}")
        .await
        .expect("type and Enter");
    let expected = api_rows(
        &app,
        "indicator=glotip.victims&region=019,MEX&from=2020&to=2022",
        Lang::En,
    )
    .await;
    assert_eq!(table(&browser, expected.len()).await, expected);
    // The chip that removes it is a button the keyboard reaches and presses.
    let chip = browser
        .client
        .find(fantoccini::Locator::Css(".chips button"))
        .await
        .expect("chip");
    chip.send_keys("\u{E007}").await.expect("Enter on the chip");
    assert_eq!(table(&browser, 3).await.len(), 3);
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_breakdown_draws_stacked_bars_and_suppressed_cells_draw_a_band() {
    let app = spawn_app().await;
    let browser = Browser::start(1280, 1100).await;
    // GLOTIP's USA by sex: one stacked bar segment per category and year.
    let query = "indicator=glotip.victims&region=USA&from=2018&to=2022&by=sex";
    browser
        .client
        .goto(&app.url(&format!("/?{query}&tab=table")))
        .await
        .expect("open");
    let expected = api_rows(&app, query, Lang::En).await;
    assert_eq!(table(&browser, expected.len()).await, expected);
    open_chart_tab(&browser).await;
    let filled = browser
        .eval("return [...document.querySelectorAll('#app .chart-svg rect')].filter(r => r.getAttribute('fill') !== 'none' && r.getAttribute('fill') !== '#FFFFFF' && r.getAttribute('fill') !== '#121212').length;")
        .await;
    let plotted = expected.len() as i64;
    assert!(
        filled.as_i64().is_some_and(|n| n >= plotted),
        "{filled} filled rectangles for {plotted} figures"
    );
    browser.screenshot("breakdown-stacked").await;

    // Africa's sum contains "<5" cells: a band from its lower to its upper
    // bound, and the table says "≥".
    let banded = "indicator=glotip.victims&region=002&from=2015&to=2022";
    browser
        .client
        .goto(&app.url(&format!("/?{banded}&tab=table")))
        .await
        .expect("open");
    let expected = api_rows(&app, banded, Lang::En).await;
    assert!(
        expected.iter().any(|r| r.3.starts_with('≥')),
        "{expected:?}"
    );
    assert_eq!(table(&browser, expected.len()).await, expected);
    open_chart_tab(&browser).await;
    let bands = browser
        .eval("return document.querySelectorAll('#app .chart-svg polygon').length + document.querySelectorAll('#app .chart-svg path').length;")
        .await;
    assert!(
        bands.as_i64().is_some_and(|n| n > 0),
        "a band is drawn: {bands}"
    );
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_border_page_shows_four_sources_each_with_its_caveat() {
    let app = spawn_app().await;
    let browser = Browser::start(1280, 1400).await;
    browser
        .client
        .goto(&app.url("/?view=border"))
        .await
        .expect("open");
    let panels = browser
        .wait_for("four charts", WAIT, || async {
            let found = browser
                .eval("return [...document.querySelectorAll('.border-panel')].map(p => [p.querySelector('h3').textContent, !!p.querySelector('svg'), p.querySelector('.warning')?.textContent ?? '']);")
                .await;
            let panels: Vec<(String, bool, String)> = serde_json::from_value(found).ok()?;
            (panels.len() == 4 && panels.iter().all(|p| p.1)).then_some(panels)
        })
        .await;
    assert!(panels[0].0.contains("SESNSP") && panels[0].2.contains("not prevalence"));
    assert!(panels[1].0.contains("Hotline"));
    assert!(panels[2].2.contains("not trafficking"), "{:?}", panels[2]);
    assert!(panels[3].0.contains("UNODC") && panels[3].2.contains("not prevalence"));
    charts_are_shown_at_their_drawn_width(&browser, 4).await;
    browser.screenshot("border-view").await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_360_pixel_phone_gets_the_page_without_sideways_scrolling() {
    let app = spawn_app().await;
    let browser = Browser::start(360, 800).await;
    browser
        .client
        .goto(&app.url("/?indicator=glotip.victims&region=019,150&from=2015&to=2022&tab=table"))
        .await
        .expect("open");
    table(&browser, 16).await;
    open_chart_tab(&browser).await;
    let widths = browser
        .eval("return [document.documentElement.scrollWidth, window.innerWidth];")
        .await;
    let (scroll, inner) = (widths[0].as_i64(), widths[1].as_i64());
    assert!(inner.is_some_and(|w| w <= 360), "{widths}");
    assert!(
        scroll <= inner,
        "the page is wider than the phone: {widths}"
    );
    charts_are_shown_at_their_drawn_width(&browser, 1).await;
    let path = browser.screenshot("phone-360").await;
    assert!(path.is_file());
    browser.close().await;
}

/// The budget for the dashboard's code: the wasm, scripts and styles the
/// page names, brotli-compressed as the server sends them, at most 150 KB.
/// The page itself is not counted: it carries the view's figures (the
/// first view, drawn by the server), which are data, as the API's answers
/// are. Each compressed body must also unpack to the file itself.
#[tokio::test]
async fn the_dashboard_arrives_in_at_most_150_kb_with_brotli() {
    let app = spawn_app().await;
    let page = app.get("/").await.text().await.expect("index.html");
    let mut paths = Vec::new();
    for attribute in ["href=\"/", "src=\"/"] {
        for (at, _) in page.match_indices(attribute) {
            let start = at + attribute.len() - 1;
            let end = page[start..].find('"').map_or(page.len(), |e| start + e);
            let path = &page[start..end];
            if [".css", ".js", ".wasm"]
                .iter()
                .any(|kind| path.ends_with(kind))
            {
                paths.push(path.to_string());
            }
        }
    }
    for kind in [".css", ".js", ".wasm"] {
        assert!(
            paths.iter().any(|p| p.ends_with(kind)),
            "the page names no {kind} file: {paths:?}"
        );
    }
    let mut total = 0;
    for path in &paths {
        let plain = app.get(path).await.bytes().await.expect("body");
        let response = app
            .client
            .get(app.url(path))
            .header("accept-encoding", "br")
            .send()
            .await
            .expect("GET");
        assert_eq!(
            response
                .headers()
                .get("content-encoding")
                .and_then(|v| v.to_str().ok()),
            Some("br"),
            "{path} is not sent with brotli"
        );
        let wire = response.bytes().await.expect("body");
        let mut unpacked = Vec::new();
        brotli::BrotliDecompress(&mut &wire[..], &mut unpacked).expect("brotli");
        assert!(unpacked == plain, "{path}: the brotli body is not the file");
        total += wire.len();
    }
    assert!(
        total <= 150_000,
        "the dashboard is {total} bytes with brotli: {paths:?}"
    );
}
