//! Embeds a newsroom tailors: its own title, subtitle and text
//! alternative (escaped, or refused naming the parameter), a place in
//! focus drawn on top, a transparent background; the source line, caveats
//! and link back stay; each embed under 30 KB gzipped; the share panel's
//! fields change the preview and the snippet as they are typed.

use std::time::Duration;

use fantoccini::Locator;
use tipstats_shared::chart::{PALETTE, Theme};
use tipstats_tests::{Browser, spawn_app};

const VIEW: &str = "indicator=hotline.cases&region=US-CA,US-TX,US-FL,US-NY&from=2015&to=2024";

fn hex([r, g, b]: [u8; 3]) -> String {
    format!("#{r:02X}{g:02X}{b:02X}")
}

#[tokio::test]
async fn a_reporters_words_are_escaped_marked_as_theirs_and_bad_ones_refused() {
    let app = spawn_app().await;
    let markup = "%3Cscript%3Ealert(1)%3C%2Fscript%3E%20%26%20%22quoted%22";
    for path in ["/embed", "/chart.svg"] {
        let url = format!("{path}?{VIEW}&title={markup}&subtitle={markup}&alt={markup}");
        let response = app.get(&url).await;
        assert_eq!(response.status(), 200, "{url}");
        let body = response.text().await.expect("body");
        assert!(!body.contains("<script>alert"), "{path} draws markup");
        assert!(
            body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{path}"
        );
        // The source line, the caveats and the link back stay, and the
        // title is said to be the embedding site's.
        assert!(body.contains("Source: Polaris"), "{path}");
        assert!(
            body.contains("the wording of the site showing this chart"),
            "{path}"
        );
        assert!(body.contains("not prevalence"), "{path}: a caveat");
        if path == "/embed" {
            assert!(body.contains("View the full chart on tipstats") || body.contains("tipstats"));
            assert!(body.contains(
                "aria-label=\"&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot;\""
            ));
        }
    }
    let long = "x".repeat(10_000);
    for (name, value) in [
        ("title", long.as_str()),
        ("subtitle", long.as_str()),
        ("alt", long.as_str()),
        ("title", "bell%07"),
        ("subtitle", "new%0Aline"),
        ("alt", "right%E2%80%AEto%20left"),
        ("title", "isolate%E2%81%A6x"),
    ] {
        for path in ["/embed", "/chart.svg", "/chart.png"] {
            let response = app.get(&format!("{path}?{VIEW}&{name}={value}")).await;
            assert_eq!(
                response.status(),
                400,
                "{path} {name}={}",
                &value[..value.len().min(20)]
            );
            let problem: serde_json::Value = response.json().await.expect("problem");
            assert_eq!(problem["parameter"], name);
        }
    }
    for (query, parameter) in [
        (format!("{VIEW}&focus=MEX"), "focus"),
        (format!("{VIEW}&background=pink"), "background"),
        (format!("{VIEW}&source=none"), "source"),
        (format!("{VIEW}&chart=map&focus=US-TX"), "focus"),
    ] {
        let response = app.get(&format!("/embed?{query}")).await;
        assert_eq!(response.status(), 400, "{query}");
        let problem: serde_json::Value = response.json().await.expect("problem");
        assert_eq!(problem["parameter"], parameter, "{query}");
    }
}

#[tokio::test]
async fn every_embed_stays_under_30_kb_gzipped() {
    let app = spawn_app().await;
    let client = reqwest::Client::new();
    for query in [
        VIEW.to_string(),
        format!("{VIEW}&focus=US-TX&title=Texas&background=transparent"),
        "indicator=glotip.victims&region=USA&by=citizenship&chart=stacked".to_string(),
        "indicator=sesnsp.trata.victims&chart=map".to_string(),
        "indicator=usbp.encounters&region=BP-SDC,BP-ELC,BP-YUM,BP-TCA,BP-EPT,BP-BBT,BP-DRT,BP-LRT,BP-RGV&chart=share".to_string(),
    ] {
        let response = client
            .get(app.url(&format!("/embed?{query}")))
            .header("accept-encoding", "gzip")
            .send()
            .await
            .expect("embed");
        assert_eq!(response.status(), 200, "{query}");
        assert_eq!(response.headers()["content-encoding"], "gzip", "{query}");
        let bytes = response.bytes().await.expect("body").len();
        assert!(bytes < 30_000, "{query}: {bytes} bytes gzipped");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_focused_place_is_drawn_on_top_and_the_background_can_be_clear() {
    let app = spawn_app().await;
    let browser = Browser::start(900, 800).await;
    browser
        .client
        .goto(&app.url(&format!("/embed?{VIEW}&focus=US-TX&background=transparent")))
        .await
        .expect("open the embed");
    let strokes: Vec<String> = browser
        .wait_for("the lines", Duration::from_secs(10), || async {
            serde_json::from_value(
                browser
                    .eval("return [...document.querySelectorAll('.wide svg polyline')].map(p => (p.getAttribute('stroke') || '').toUpperCase());")
                    .await,
            )
            .ok()
            .filter(|s: &Vec<String>| !s.is_empty())
        })
        .await;
    // Texas is the second place asked: its colour is the palette's second,
    // drawn after (on top of) the other three, which are muted.
    let (muted, texas) = (Theme::LIGHT.muted, PALETTE[1]);
    let muted = hex([muted.0, muted.1, muted.2]);
    let lines: Vec<&String> = strokes
        .iter()
        .filter(|s| **s == muted || PALETTE.iter().any(|c| **s == hex([c.0, c.1, c.2])))
        .collect();
    let strokes = lines;
    assert_eq!(strokes.len(), 4, "{strokes:?}");
    assert_eq!(*strokes[3], hex([texas.0, texas.1, texas.2]), "{strokes:?}");
    assert!(strokes[..3].iter().all(|s| **s == muted), "{strokes:?}");
    // Nothing of the figure fills the page: the page shows through.
    let clear = browser
        .eval("return [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.documentElement).backgroundColor, document.querySelector('.wide svg > rect')?.getAttribute('fill') ?? null];")
        .await;
    assert_eq!(clear[0], "rgba(0, 0, 0, 0)", "{clear}");
    assert_eq!(clear[1], "rgba(0, 0, 0, 0)", "{clear}");
    assert_ne!(clear[2], "#FFFFFF", "{clear}");
    browser.screenshot("embed-focused-transparent").await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_share_panels_fields_change_the_preview_and_the_snippet() {
    let app = spawn_app().await;
    let browser = Browser::start(1280, 1400).await;
    browser
        .client
        .goto(&app.url(&format!("/?{VIEW}&tab=share")))
        .await
        .expect("open the share panel");
    let title = browser
        .wait_for("the tailoring form", Duration::from_secs(20), || async {
            browser
                .client
                .find(Locator::Css("#app #tailor-title"))
                .await
                .ok()
        })
        .await;
    title
        .send_keys("Texas & its <neighbours>")
        .await
        .expect("type");
    let focus = browser
        .client
        .find(Locator::Css("#app #tailor-focus option[value='US-TX']"))
        .await
        .expect("Texas in the focus list");
    focus.click().await.expect("choose Texas");
    let shown = browser
        .wait_for("the preview", Duration::from_secs(10), || async {
            let shown = browser
                .eval("const f = document.querySelector('#app #embed-preview'); return f && f.src.includes('focus=US-TX') && f.src.includes('title=') ? [f.src, document.querySelector('#app #embed-code').value, document.querySelector('#app a[data-image]').href] : null;")
                .await;
            (!shown.is_null()).then_some(shown)
        })
        .await;
    let src = shown[0].as_str().expect("src");
    assert!(
        src.contains("title=Texas+%26+its+%3Cneighbours%3E"),
        "{src}"
    );
    let snippet = shown[1].as_str().expect("snippet");
    assert!(
        snippet.contains(
            src.split(&format!("http://{}", app.addr))
                .nth(1)
                .expect("path")
        ),
        "{snippet}"
    );
    assert!(!snippet.contains("<neighbours>"), "{snippet}");
    assert!(
        shown[2]
            .as_str()
            .is_some_and(|href| href.contains("focus=US-TX")),
        "{shown}"
    );
    // The preview draws the reporter's title.
    let framed = browser
        .wait_for("the preview's title", Duration::from_secs(10), || async {
            let text = browser
                .eval("const d = document.querySelector('#app #embed-preview').contentDocument; return d && d.querySelector('.wide svg') ? d.querySelector('.wide svg').textContent : null;")
                .await;
            text.as_str().filter(|t| t.contains("Texas & its <neighbours>")).map(String::from)
        })
        .await;
    assert!(framed.contains("wording of the site"), "{framed}");
    browser.screenshot("share-tailored").await;
    browser.close().await;
}
