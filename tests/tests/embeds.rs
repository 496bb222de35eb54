//! What reporters take away: chart images, the embed page, oEmbed, social
//! cards; and the cache validators and security headers every answer carries.

use std::io::Read;

use reqwest::header::HeaderMap;

use tipstats_tests::{TestServer, spawn_app};

const VIEW: &str = "indicator=glotip.victims&region=USA,MEX&from=2010&to=2022";

fn header<'a>(headers: &'a HeaderMap, name: &str) -> &'a str {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
}

/// The headers and body of a GET that must succeed.
async fn body(app: &TestServer, path: &str) -> (HeaderMap, Vec<u8>) {
    let response = app.get(path).await;
    assert_eq!(response.status(), 200, "GET {path}");
    let headers = response.headers().clone();
    let bytes = response.bytes().await.expect("body").to_vec();
    (headers, bytes)
}

#[tokio::test]
async fn chart_svg_is_a_valid_document_with_title_source_and_notes() {
    let app = spawn_app().await;
    let (response, svg) = body(&app, &format!("/chart.svg?{VIEW}")).await;
    assert_eq!(header(&response, "content-type"), "image/svg+xml");
    let svg = String::from_utf8(svg).expect("UTF-8");
    let document = roxmltree::Document::parse(&svg).expect("well-formed SVG");
    assert_eq!(document.root_element().tag_name().name(), "svg");
    let text: String = document
        .descendants()
        .filter_map(|n| n.text())
        .collect::<Vec<_>>()
        .join(" ");
    for expected in [
        "Detected trafficking victims",
        "United States of America",
        "Source: UNODC",
        "not prevalence",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} not in the SVG's text"
        );
    }
}

#[tokio::test]
async fn chart_png_is_a_png_at_the_asked_size() {
    let app = spawn_app().await;
    for (size, expected) in [("", (800, 500)), ("&size=social", (1200, 630))] {
        let (response, png) = body(&app, &format!("/chart.png?{VIEW}{size}")).await;
        assert_eq!(header(&response, "content-type"), "image/png");
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "PNG signature");
        assert_eq!(&png[12..16], b"IHDR");
        let dimension =
            |at: usize| u32::from_be_bytes([png[at], png[at + 1], png[at + 2], png[at + 3]]);
        assert_eq!((dimension(16), dimension(20)), expected);
        // A drawn chart compresses far less than an empty canvas would.
        assert!(png.len() > 20_000, "{} bytes", png.len());
    }
}

#[tokio::test]
async fn the_embed_page_shows_without_script_and_may_be_framed_anywhere() {
    let app = spawn_app().await;
    let path = format!("/embed?{VIEW}&theme=dark&lang=es");
    let (response, html) = body(&app, &path).await;
    let html = String::from_utf8(html).expect("UTF-8");
    let csp = header(&response, "content-security-policy");
    assert!(csp.contains("frame-ancestors *"), "{csp}");
    assert!(
        csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
        "{csp}"
    );
    // The chart is in the page itself; the only script is a file, and
    // nothing inline.
    assert!(html.contains("<svg") && html.contains("</svg>"));
    assert!(html.contains("lang=\"es\"") && html.contains("class=\"dark\""));
    assert!(html.contains("Fuente: UNODC"));
    // The indicator's name and its caveats in Spanish.
    assert!(html.contains("Víctimas de trata detectadas"));
    assert!(html.contains("no son la prevalencia"));

    assert_eq!(html.matches("<script").count(), 1);
    assert!(html.contains("<script src=\"/embed.js\" defer></script>"));
    assert!(
        !html.contains(" on") || !html.contains("onload="),
        "no inline handlers"
    );
    assert!(html.contains(&format!(
        "href=\"http://{}/?indicator=glotip.victims",
        app.addr
    )));

    // At most 30 KB on the wire, as a browser would fetch it.
    let compressed = app
        .client
        .get(app.url(&path))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .expect("GET");
    assert_eq!(header(compressed.headers(), "content-encoding"), "gzip");
    let wire = compressed.bytes().await.expect("body");
    assert!(wire.len() < 30_000, "embed is {} bytes gzipped", wire.len());
    let mut unzipped = String::new();
    flate2::read::GzDecoder::new(&wire[..])
        .read_to_string(&mut unzipped)
        .expect("gzip");
    assert_eq!(unzipped, html);
}

#[tokio::test]
async fn oembed_turns_a_view_link_into_an_iframe() {
    let app = spawn_app().await;
    let view_url = format!("http://{}/?{VIEW}", app.addr);
    let encoded: String = view_url
        .bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'.' | b'_' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect();
    let answer: serde_json::Value = app
        .get_json(&format!("/oembed?url={encoded}&maxwidth=640&format=json"))
        .await;
    assert_eq!(answer["version"], "1.0");
    assert_eq!(answer["type"], "rich");
    assert_eq!(answer["provider_name"], "tipstats");
    assert_eq!(answer["title"], "Detected trafficking victims");
    assert_eq!(answer["width"], 640);
    assert!(answer["height"].as_u64().is_some_and(|h| h >= 200));
    let html = answer["html"].as_str().expect("html");
    assert!(
        html.starts_with(&format!(
            "<iframe src=\"http://{}/embed?indicator=glotip.victims",
            app.addr
        )),
        "{html}"
    );
    assert!(html.ends_with("</iframe>"));
    assert!(
        answer["thumbnail_url"]
            .as_str()
            .is_some_and(|u| u.contains("/chart.png?indicator=glotip.victims"))
    );

    let xml = app.get(&format!("/oembed?url={encoded}&format=xml")).await;
    assert_eq!(xml.status(), 501);
    for bad in ["http%3A%2F%2Fx%2Fapi%2Fv1%2Fseries", "ftp%3A%2F%2Fx%2F"] {
        let response = app.get(&format!("/oembed?url={bad}")).await;
        assert_eq!(response.status(), 400, "{bad}");
        let problem: serde_json::Value = response.json().await.expect("problem");
        assert_eq!(problem["parameter"], "url");
    }
}

/// An embed links back to the host it was asked of, so the answers kept
/// for one host are not served to another.
#[tokio::test]
async fn an_embed_kept_for_one_host_is_not_served_to_another() {
    let app = spawn_app().await;
    let path = format!("/embed?{VIEW}");
    for _ in 0..2 {
        for host in ["news.example:8080", "other.example"] {
            let html = app
                .client
                .get(app.url(&path))
                .header("host", host)
                .send()
                .await
                .expect("GET")
                .text()
                .await
                .expect("body");
            assert!(html.contains(&format!("href=\"http://{host}/?")), "{host}");
        }
    }
}

#[tokio::test]
async fn a_view_page_carries_its_social_card_and_oembed_discovery() {
    let app = spawn_app().await;
    let (response, html) = body(&app, &format!("/?{VIEW}")).await;
    let html = String::from_utf8(html).expect("UTF-8");
    let csp = header(&response, "content-security-policy");
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    assert!(html.contains("<meta property=\"og:image\" content=\"http://"));
    assert!(html.contains("/chart.png?indicator=glotip.victims"));
    assert!(html.contains("size=social"));
    assert!(html.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"));
    assert!(html.contains("type=\"application/json+oembed\""));
    // A link to the border page still describes its figures.
    let (_, border) = body(&app, &format!("/?{VIEW}&view=border")).await;
    assert!(
        String::from_utf8(border)
            .expect("UTF-8")
            .contains("og:image")
    );
    // The page of the default view, and a link the dashboard cannot read
    // (which opens on the default view), arrive drawn, with their card.
    for path in ["/", "/?indicator=nope"] {
        let (_, page) = body(&app, path).await;
        let page = String::from_utf8(page).expect("UTF-8");
        assert!(
            page.contains("boot.js")
                && page.contains("og:image")
                && page.contains("<div id=\"first-view\">"),
            "{path}"
        );
    }
}

#[tokio::test]
async fn etags_answer_304_and_change_with_the_query() {
    let app = spawn_app().await;
    for path in [
        format!("/api/v1/series?{VIEW}"),
        format!("/chart.svg?{VIEW}"),
        "/api/v1/catalog".to_string(),
    ] {
        let first = app.get(&path).await;
        assert_eq!(first.status(), 200);
        let etag = header(first.headers(), "etag").to_string();
        assert!(etag.starts_with("W/\""), "{path}: {etag:?}");
        assert!(header(first.headers(), "cache-control").starts_with("public, max-age="));
        let again = app
            .client
            .get(app.url(&path))
            .header("if-none-match", &etag)
            .send()
            .await
            .expect("GET");
        assert_eq!(again.status(), 304, "{path}");
        assert_eq!(header(again.headers(), "etag"), etag);
        assert!(again.bytes().await.expect("body").is_empty());
        let other = app.get(&format!("{path}&from=2011")).await;
        assert_ne!(header(other.headers(), "etag"), etag, "{path}");
    }
    // Errors are not cached.
    let bad = app.get("/api/v1/series?indicator=nope").await;
    assert_eq!(bad.status(), 400);
    assert_eq!(header(bad.headers(), "etag"), "");
    assert_eq!(header(bad.headers(), "x-content-type-options"), "nosniff");
    assert_eq!(
        header(bad.headers(), "referrer-policy"),
        "strict-origin-when-cross-origin"
    );
}

/// The figures a summary sentence quotes ("Americas 1,234 (2019) → <11
/// (2022)"): each word just before a " (year)".
fn quoted_figures(summary: &str) -> Vec<&str> {
    summary
        .match_indices(" (")
        .filter(|(i, _)| {
            let year = summary.get(i + 2..i + 7).unwrap_or("");
            year.len() == 5 && year[..4].bytes().all(|b| b.is_ascii_digit()) && year.ends_with(')')
        })
        .filter_map(|(i, _)| summary[..i].rsplit(' ').next())
        .collect()
}

/// CTDC's record-level source, as reporters take it away: the sentence
/// that the embed page reads to screen readers and the social card shows
/// quotes no figure between 1 and 10 (k = 11), only "<11" for a
/// suppressed one, for the world, its regions and each breakdown. The
/// chart images are drawn from the same answers the exports are checked on.
#[tokio::test]
async fn no_ctdc_figure_under_eleven_in_an_embed_or_a_card() {
    let app = spawn_app().await;
    let mut quoted = 0;
    for query in app.ctdc_views().await {
        let (_, embed) = body(&app, &format!("/embed?{query}")).await;
        let embed = String::from_utf8(embed).expect("UTF-8");
        let (_, page) = body(&app, &format!("/?{query}")).await;
        let page = String::from_utf8(page).expect("UTF-8");
        let hidden = embed
            .split("<p class=\"visually-hidden\">")
            .nth(1)
            .and_then(|rest| rest.split("</p>").next())
            .expect("the embed's summary");
        let card = page
            .split("<meta property=\"og:description\" content=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .expect("the card's description");
        // The card describes the view as the dashboard shows it (a
        // breakdown, for one place), the embed the view as asked.
        for said in [hidden, card] {
            for figure in quoted_figures(said) {
                let figure = figure.replace("&lt;", "<");
                if figure.starts_with('<') {
                    assert_eq!(figure, "<11", "{query}: {said}");
                } else {
                    let digits: String = figure.chars().filter(char::is_ascii_digit).collect();
                    let value: i64 = digits.parse().expect(&figure);
                    assert!(!(1..11).contains(&value), "{query}: {said}");
                }
                quoted += 1;
            }
        }
    }
    assert!(quoted >= 10, "{quoted} figures quoted");
}

#[test]
fn summaries_quote_the_figure_before_each_year() {
    assert_eq!(
        quoted_figures(
            "Victims: Americas 1,234 (2019) → &lt;11 (2022); Europe ≥ 20 (2018) → 30 (2020)."
        ),
        ["1,234", "&lt;11", "20", "30"]
    );
    assert!(quoted_figures("Victims: no figures (none).").is_empty());
}

/// A Spanish embed reads its annotations in Spanish too, numbers written the
/// Spanish way.
#[tokio::test]
async fn a_spanish_embed_reads_its_annotations_in_spanish() {
    let app = spawn_app().await;
    let (_, html) = body(
        &app,
        "/embed?indicator=glotip.victims&region=019,150&from=2010&to=2022&lang=es",
    )
    .await;
    let html = String::from_utf8(html).expect("UTF-8");
    assert!(html.contains("Brasil reporta 1\u{a0}228 en 2015"), "{html}");
    assert!(!html.contains("Brazil reports"));
}
