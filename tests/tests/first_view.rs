//! The first view: the page arrives with the view drawn (for readers
//! without script, search engines and link previews), the dashboard takes
//! it over without moving it, the chart comes first on a phone, and the
//! chart's markers never cover one another.

use std::time::Duration;

use fantoccini::actions::InputSource;
use tipstats_shared::SeriesResponse;
use tipstats_shared::format::value_cell_in;
use tipstats_shared::lang::Lang;
use tipstats_tests::{Browser, spawn_app};

const WAIT: Duration = Duration::from_secs(30);
const USA: &str = "indicator=glotip.victims&region=USA&from=2018&to=2022";

#[tokio::test]
async fn a_page_fetched_without_script_has_the_chart_and_the_tables_figures() {
    let app = spawn_app().await;
    for (lang, accept) in [(Lang::En, "en-US"), (Lang::Es, "es-MX,es;q=0.9")] {
        let page = app
            .client
            .get(app.url(&format!("/?{USA}")))
            .header("accept-language", accept)
            .send()
            .await
            .expect("GET /")
            .text()
            .await
            .expect("page");
        let first = page
            .split_once("<div id=\"first-view\">")
            .map(|(_, rest)| rest)
            .unwrap_or_else(|| panic!("no first view in {page}"));
        assert!(first.contains("<svg"), "no chart drawn in the page");
        assert!(page.contains(&format!("<html lang=\"{}\"", lang.as_str())));
        let api: SeriesResponse = app.get_json(&format!("/api/v1/series?{USA}")).await;
        assert_eq!(api.rows.len(), 5);
        for row in &api.rows {
            let cell = format!(
                "data-region=\"USA\" data-year=\"{}\"><th scope=\"row\">",
                row.year
            );
            assert!(first.contains(&cell), "no row for {}", row.year);
            let value = format!("<td class=\"value\">{}</td>", value_cell_in(row, lang));
            assert!(first.contains(&value), "{value} missing ({lang:?})");
        }
        // The caveat is in view, in the reader's language.
        let caveat = if lang == Lang::Es {
            "no son la prevalencia"
        } else {
            "not prevalence"
        };
        assert!(first.contains(caveat), "{lang:?}: no caveat");
    }
}

#[tokio::test]
async fn a_map_view_fetched_without_script_has_the_map_drawn() {
    let app = spawn_app().await;
    let page = app
        .get("/?indicator=sesnsp.trata.victims&region=MX-CHH&chart=map&year=2022")
        .await
        .text()
        .await
        .expect("page");
    let first = page
        .split_once("<div id=\"first-view\">")
        .map(|(_, rest)| rest)
        .expect("a first view");
    assert!(first.contains("class=\"chart-svg first map\""), "{first}");
    assert!(first.contains("aria-label=\"Chihuahua: 65 (2022)\""));
    assert!(!first.contains("data-readout="), "a map, not lines");
    assert!(first.contains("Natural Earth"), "the map's attribution");
}

#[tokio::test]
async fn the_border_page_is_drawn_by_the_server_without_script() {
    let app = spawn_app().await;
    let page = app
        .get("/?view=border&lang=es")
        .await
        .text()
        .await
        .expect("page");
    assert_eq!(page.matches("class=\"border-panel\"").count(), 4, "{page}");
    assert_eq!(
        page.matches("<svg").count(),
        20,
        "the map and four charts: a wide and a narrow drawing each, in both themes when the system chooses"
    );
    // The map: SESNSP's victims fill Mexico's border states under the
    // sectors' circles, in the last year counted whole.
    let map = page
        .split_once("class=\"border-map\"")
        .map(|(_, rest)| rest)
        .expect("the border map");
    assert!(map.contains(r#"data-place="MX-CHH""#) && map.contains(r#"data-place="BP-EPT""#));
    assert!(map.contains("Chihuahua: 51 (2024)"), "{map}");
    assert!(
        !page.contains("tipstats_frontend"),
        "the border page needs no WebAssembly"
    );
    assert_eq!(page.matches("data-readout-narrow=").count(), 4, "{page}");
    assert!(page.contains("La frontera México–Estados Unidos"));
    assert!(
        page.contains("<meta name=\"description\" content=\"Cuatro fuentes"),
        "{page}"
    );
}

/// The server's drawings read out like the dashboard's, with no
/// WebAssembly: on a phone, the first border panel's narrow drawing gives
/// the API's figure for its last year, where that year is drawn.
#[tokio::test(flavor = "multi_thread")]
async fn the_server_drawn_charts_read_out_by_keyboard_on_a_phone() {
    let app = spawn_app().await;
    let catalog: tipstats_shared::Catalog = app.get_json("/api/v1/catalog").await;
    let panel = &tipstats_shared::view::border_views(&catalog)[0];
    let api: SeriesResponse = app
        .get_json(&format!("/api/v1/series?{}", panel.to_query()))
        .await;
    let last = api.rows.iter().map(|r| r.year).max().expect("a year");
    let row = api.rows.iter().find(|r| r.year == last).expect("a row");
    let expected = format!(
        "{}: {}",
        catalog.region_name_in(&row.region, Lang::En),
        value_cell_in(row, Lang::En)
    );
    let browser = Browser::start(360, 900).await;
    browser
        .client
        .goto(&app.url("/?view=border&lang=en"))
        .await
        .expect("open");
    browser
        .wait_for("the readout script", WAIT, || async {
            browser
                .eval("return document.readyState === 'complete' || null;")
                .await
                .as_bool()
        })
        .await;
    browser
        .eval("document.querySelector('.chart-svg.first[data-readout]').focus(); return true;")
        .await;
    let focused = browser.client.active_element().await.expect("focused");
    focused.send_keys("\u{E010}").await.expect("End");
    let shown = browser
        .eval(
            "const c = document.querySelector('.chart-svg.first[data-readout]'); \
             const t = c.parentElement.querySelector('.tip'); \
             const l = c.parentElement.querySelector('.tip-line'); \
             const w = c.getBoundingClientRect().width; \
             const at = (data) => { const d = JSON.parse(data); return d.years[d.years.length - 1][1] * w / d.width; }; \
             return t && !t.hidden ? [t.textContent, parseFloat(l.style.left), at(c.dataset.readoutNarrow), at(c.dataset.readout)] : null;",
        )
        .await;
    let (text, line, narrow, wide) =
        serde_json::from_value::<(String, f64, f64, f64)>(shown).expect("a readout");
    assert!(text.starts_with(&last.to_string()), "{text}");
    assert!(text.contains(&expected), "{text} lacks {expected}");
    // The line stands where the narrow drawing has the year, which is not
    // where the wide one has it.
    assert!(
        (line - narrow).abs() < 1.0 && (narrow - wide).abs() > 2.0,
        "{line}: narrow {narrow}, wide {wide}"
    );
    browser.screenshot("border-readout").await;
    browser.close().await;
}

#[tokio::test]
async fn the_icon_is_served() {
    let app = spawn_app().await;
    for path in ["/favicon.ico", "/favicon.svg"] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 200, "{path}");
        assert!(!response.bytes().await.expect("body").is_empty());
    }
}

/// Waits until the dashboard has taken the page over from the server's
/// first view, and returns the page's cumulative layout shift so far.
async fn taken_over_and_shift(browser: &Browser) -> f64 {
    browser
        .wait_for("the dashboard to take the page over", WAIT, || async {
            let done = browser
                .eval("return !document.getElementById('first-view') && !document.getElementById('app').hidden && !!document.querySelector('#app .chart-svg svg');")
                .await;
            done.as_bool().filter(|d| *d)
        })
        .await;
    let shift = browser
        .client
        .execute_async(
            "const done = arguments[0]; let total = 0;
             new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value; })
               .observe({type: 'layout-shift', buffered: true});
             setTimeout(() => done(total), 300);",
            vec![],
        )
        .await
        .expect("layout shift");
    shift.as_f64().unwrap_or(f64::NAN)
}

#[tokio::test(flavor = "multi_thread")]
async fn the_dashboard_takes_the_first_view_over_without_moving_it() {
    let app = spawn_app().await;
    for (width, height) in [(1280, 900), (360, 780)] {
        let browser = Browser::start(width, height).await;
        browser
            .client
            .goto(&app.url("/?indicator=glotip.victims&region=002,019,142,150,009"))
            .await
            .expect("open");
        let shift = taken_over_and_shift(&browser).await;
        assert!(shift < 0.1, "{width} px: cumulative layout shift {shift}");
        // The chart comes first: its top edge is on the first screen.
        let top = browser
            .eval("return document.querySelector('#app .chart-svg').getBoundingClientRect().top;")
            .await
            .as_f64()
            .unwrap_or(f64::MAX);
        assert!(
            top < f64::from(height) - 100.0,
            "{width} px: the chart starts at {top}"
        );
        browser.screenshot(&format!("first-view-{width}")).await;
        browser.close().await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_charts_markers_never_cover_one_another_on_a_phone() {
    let app = spawn_app().await;
    let browser = Browser::start(360, 780).await;
    // Twenty years with notes about most of them, on a phone's width.
    browser
        .client
        .goto(&app.url("/?indicator=glotip.victims&region=001"))
        .await
        .expect("open");
    taken_over_and_shift(&browser).await;
    let boxes = browser
        .eval("return [...document.querySelectorAll('#app .chart-svg rect[fill=\"none\"][opacity=\"0.6\"]')].map(r => { const b = r.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; });")
        .await;
    let boxes: Vec<(f64, f64, f64, f64)> = serde_json::from_value(boxes).expect("boxes");
    assert!(boxes.len() >= 5, "too few markers to test: {boxes:?}");
    for (i, a) in boxes.iter().enumerate() {
        for b in &boxes[i + 1..] {
            let apart = a.2 <= b.0 || b.2 <= a.0 || a.3 <= b.1 || b.3 <= a.1;
            assert!(apart, "markers overlap: {a:?} and {b:?}");
        }
    }
    browser.close().await;
}

/// The readout: the API's figure for a place and year, by keyboard and by
/// the mouse, drawn over the chart.
#[tokio::test(flavor = "multi_thread")]
async fn the_chart_reads_out_a_years_figures_by_keyboard_and_by_mouse() {
    let app = spawn_app().await;
    let browser = Browser::start(1280, 900).await;
    let query = "indicator=glotip.victims&region=002,019,142,150,009&from=2015&to=2022";
    browser
        .client
        .goto(&app.url(&format!("/?{query}")))
        .await
        .expect("open");
    taken_over_and_shift(&browser).await;
    let api: SeriesResponse = app.get_json(&format!("/api/v1/series?{query}")).await;
    let asia_2019 = api
        .rows
        .iter()
        .find(|r| r.region == "142" && r.year == 2019)
        .map(|r| format!("Asia: {}", value_cell_in(r, Lang::En)))
        .expect("Asia 2019");
    let readout = || async {
        browser
            .eval("const t = document.querySelector('#app .chart-box > .tip'); return t && !t.hidden ? t.textContent : null;")
            .await
            .as_str()
            .map(String::from)
    };
    // Keyboard: the chart takes the focus; End, then three years back.
    browser
        .eval("document.querySelector('#app .chart-svg').focus(); return true;")
        .await;
    let focused = browser
        .client
        .active_element()
        .await
        .expect("focused chart");
    focused
        .send_keys("\u{E010}\u{E012}\u{E012}\u{E012}")
        .await
        .expect("End, ArrowLeft ×3");
    let by_keys = readout().await.unwrap_or_default();
    assert!(by_keys.starts_with("2019"), "{by_keys}");
    assert!(by_keys.contains(&asia_2019), "{by_keys} lacks {asia_2019}");
    // Mouse: the pointer where the readout's line stands for 2019.
    let (line_x, width) = {
        let found = browser
            .eval("const b = document.querySelector('#app .chart-svg').getBoundingClientRect(); return [parseFloat(document.querySelector('#app .tip-line').style.left), b.width];")
            .await;
        serde_json::from_value::<(f64, f64)>(found).expect("line and width")
    };
    browser
        .eval("document.activeElement.blur(); return true;")
        .await;
    assert!(
        readout().await.is_none(),
        "the readout leaves with the focus"
    );
    let chart = browser
        .client
        .find(fantoccini::Locator::Css("#app .chart-svg"))
        .await
        .expect("chart");
    let moves = fantoccini::actions::MouseActions::new("mouse".into()).then(
        fantoccini::actions::PointerAction::MoveToElement {
            element: chart,
            duration: None,
            x: line_x - width / 2.0,
            y: 0.0,
        },
    );
    browser
        .client
        .perform_actions(moves)
        .await
        .expect("move the mouse");
    let by_mouse = browser
        .wait_for("the readout under the mouse", WAIT, || async {
            readout().await
        })
        .await;
    assert!(
        by_mouse.starts_with("2019") && by_mouse.contains(&asia_2019),
        "{by_mouse}"
    );
    browser.screenshot("readout").await;
    browser.close().await;
}

/// axe-core finds no violation of any impact on the dashboard (every tab),
/// the border page and an embed, in both languages and both themes, on a
/// desktop and on a phone.
#[tokio::test(flavor = "multi_thread")]
async fn axe_finds_nothing_on_any_page_in_either_language_theme_or_width() {
    let app = spawn_app().await;
    let view = "indicator=glotip.victims&region=002,019&from=2015&to=2022";
    let mut found = Vec::new();
    for (width, height) in [(1280, 900), (360, 780)] {
        let browser = Browser::start(width, height).await;
        for lang in ["en", "es"] {
            for theme in ["light", "dark"] {
                let look = format!("lang={lang}&theme={theme}");
                let mut pages: Vec<(String, bool)> = ["chart", "table", "sources", "share"]
                    .iter()
                    .map(|tab| (format!("/?{view}&{look}&tab={tab}"), true))
                    .collect();
                pages.push((format!("/?view=border&{look}"), false));
                pages.push((format!("/embed?{view}&{look}"), false));
                for (path, dashboard) in pages {
                    browser.client.goto(&app.url(&path)).await.expect("open");
                    if dashboard {
                        browser
                            .wait_for("the dashboard", WAIT, || async {
                                let ready = browser
                                    .eval("return !document.getElementById('first-view') && !!document.querySelector('#app .panel');")
                                    .await;
                                (ready == true).then_some(())
                            })
                            .await;
                    }
                    for violation in browser.accessibility_violations().await {
                        found.push(format!("{width} px {path}: {violation}"));
                    }
                }
            }
        }
        browser.close().await;
    }
    assert!(found.is_empty(), "axe-core found:\n{}", found.join("\n"));
}
