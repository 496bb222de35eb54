//! The border's story page: every part of the story in its order, each
//! view drawn from the API with its summary, caveat and source, or said to
//! have no figures; a part no public series counts says so; each chart's
//! embed and image answer and read without script; in Chromium, both
//! languages on a 360-pixel phone without sideways scrolling, and axe
//! finding nothing.

use std::net::SocketAddr;

use tipstats::{Application, ServeConfig};
use tipstats_shared::curated::STORY;
use tipstats_tests::{Browser, spawn_app, workspace_root};

/// The `href`s of a page's links that start with `prefix`.
fn links<'a>(page: &'a str, prefix: &str) -> Vec<String> {
    page.split(&format!("href=\"{prefix}"))
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(|query| format!("{prefix}{}", query.replace("&amp;", "&")))
        .collect()
}

#[tokio::test]
async fn every_part_of_the_story_has_its_figures_or_says_there_are_none() {
    let app = spawn_app().await;
    let response = app.get("/story").await;
    assert_eq!(response.status(), 200);
    let page = response.text().await.expect("page");
    for section in &STORY {
        assert!(
            page.contains(&format!("id=\"{}\"", section.name)),
            "{}",
            section.name
        );
    }
    // One panel per view, each a chart with its summary and a link to
    // explore it, or the sentence that its figures are missing.
    let views: usize = STORY.iter().map(|s| s.views.len()).sum();
    let charts = page.matches("class=\"chart-svg first\"").count();
    let missing = page.matches("No figures for this view").count();
    assert_eq!(
        charts + missing,
        views,
        "{charts} charts, {missing} missing"
    );
    assert!(charts >= views - 1, "most views have figures");
    // A summary under each chart, and the border's map's beside the routes.
    assert_eq!(
        page.matches("<figcaption class=\"summary\">").count(),
        charts + 1
    );
    // No public series counts safe houses: said, not drawn.
    let safe_houses = page
        .split("id=\"safe-houses\"")
        .nth(1)
        .and_then(|s| s.split("<section class=\"story-section\"").next())
        .expect("the safe houses' part");
    assert!(safe_houses.contains("No public series counts safe houses"));
    assert!(!safe_houses.contains("<svg"));
    // Context is said to be context where it is drawn.
    assert!(page.contains("Context, not trafficking"));
    assert!(page.contains("not trafficking or smuggling counts"));
    // The sources, each with its terms.
    assert!(page.matches("class=\"story-sources\"").count() == 1);
    // Each chart's embed and image answer; the embed reads without script.
    let embeds = links(&page, "/embed?");
    assert_eq!(embeds.len(), charts);
    for embed in &embeds {
        let response = app.get(embed).await;
        assert_eq!(response.status(), 200, "{embed}");
        let body = response.text().await.expect("embed");
        assert!(body.contains("<svg"), "{embed} draws without script");
    }
    for image in links(&page, "/chart.svg?") {
        assert_eq!(app.get(&image).await.status(), 200, "{image}");
    }
    // Each part alone, for a frame on another site, links back to the whole.
    for section in &STORY {
        assert!(page.contains(&format!("href=\"/story/{}\"", section.name)));
        let part = app.get(&format!("/story/{}", section.name)).await;
        assert_eq!(part.status(), 200, "{}", section.name);
        let policy = part
            .headers()
            .get("content-security-policy")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string();
        assert!(policy.contains("frame-ancestors *"), "{policy}");
        let part = part.text().await.expect("part");
        assert!(part.contains(&format!("/story#{}\" target=\"_top\"", section.name)));
        assert_eq!(
            part.matches("class=\"chart-svg first\"").count(),
            section.views.len(),
            "{}",
            section.name
        );
    }
    assert_eq!(app.get("/story/nowhere").await.status(), 404);
    let spanish = app.get("/story?lang=es").await.text().await.expect("page");
    assert!(spanish.contains("<html lang=\"es\""));
    assert!(spanish.contains("Cárteles, frontera y trata"));
    assert!(spanish.contains("Ninguna serie pública cuenta casas de seguridad"));
}

#[tokio::test(flavor = "multi_thread")]
async fn the_story_reads_on_a_phone_in_both_languages() {
    let app = spawn_app().await;
    let browser = Browser::start(360, 800).await;
    for (path, shot) in [
        ("/story?lang=es", "story-phone-es"),
        ("/story?lang=en&theme=dark", "story-phone-en-dark"),
    ] {
        browser.client.goto(&app.url(path)).await.expect("open");
        browser.assert_no_sideways_scrolling().await;
        let drawn = browser
            .eval("return document.querySelectorAll('.chart-svg svg').length")
            .await;
        assert!(drawn.as_u64().is_some_and(|n| n > 10), "{path}: {drawn}");
        browser.screenshot(shot).await;
        let violations = browser.accessibility_violations().await;
        assert!(violations.is_empty(), "{path}: {violations:?}");
    }
    browser.close().await;
}

/// A data release without CTDC's records: the story's view of them says
/// its figures are missing, and the rest is drawn.
#[tokio::test(flavor = "multi_thread")]
async fn a_view_whose_figures_are_missing_says_so() {
    let data = tempfile::tempdir().expect("temp dir");
    let db = tempfile::tempdir().expect("temp dir");
    for entry in std::fs::read_dir(workspace_root().join("data")).expect("data/") {
        let path = entry.expect("entry").path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if !name.ends_with(".csv") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("read");
        let kept: String = text
            .lines()
            .filter(|line| !(name == "observations.csv" && line.starts_with("ctdc.")))
            .map(|line| format!("{line}\n"))
            .collect();
        std::fs::write(data.path().join(name), kept).expect("write");
    }
    let root = workspace_root();
    let app = Application::build(ServeConfig {
        addr: SocketAddr::from(([127, 0, 0, 1], 0)),
        data_dir: data.path().into(),
        db_dir: db.path().into(),
        assets_dir: root.join("frontend/dist"),
        connections: 2,
        public_url: None,
        heavy_per_minute: 1_000,
    })
    .await
    .unwrap_or_else(|e| panic!("start: {e:#}"));
    let addr = app.addr().expect("address");
    tokio::spawn(app.run_until(std::future::pending::<()>()));
    let page = reqwest::get(format!("http://{addr}/story"))
        .await
        .expect("GET /story");
    assert_eq!(page.status(), 200);
    let page = page.text().await.expect("page");
    let recruitment = page
        .split("id=\"recruitment\"")
        .nth(1)
        .and_then(|s| s.split("<section class=\"story-section\"").next())
        .expect("the recruitment part");
    assert_eq!(recruitment.matches("No figures for this view").count(), 2);
    assert_eq!(recruitment.matches("class=\"chart-svg first\"").count(), 2);
}
