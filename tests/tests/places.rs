//! A page for each place: its figures beside its region and peers, its
//! rank as the ranking gives it, its population as the population file
//! gives it, what faces a border state across the line; the list of every
//! place; and the page reached from its address and from the dashboard's
//! place picker, in a real browser, on a phone, with axe finding nothing.

use std::time::Duration;

use tipstats_tests::{Browser, TestServer, spawn_app, workspace_root};

async fn page(app: &TestServer, path: &str) -> String {
    let response = app.get(path).await;
    assert_eq!(response.status(), 200, "{path}");
    response.text().await.expect("page")
}

/// A population from `data/population.csv`, as the ingest wrote it.
fn population(code: &str, year: i32) -> i64 {
    let text = std::fs::read_to_string(workspace_root().join("data/population.csv"))
        .expect("data/population.csv");
    text.lines()
        .map(|line| line.split(',').collect::<Vec<_>>())
        .find(|cells| cells[0] == code && cells[1] == year.to_string())
        .and_then(|cells| cells[2].parse().ok())
        .unwrap_or_else(|| panic!("no population for {code} {year}"))
}

/// The places of a ranking page, in its order.
fn ranked(page: &str) -> Vec<String> {
    page.split("<tr data-place=\"")
        .skip(1)
        .filter_map(|row| row.split('"').next().map(String::from))
        .collect()
}

#[tokio::test]
async fn a_border_states_page_has_its_figures_rank_population_and_what_faces_it() {
    let app = spawn_app().await;
    let chihuahua = page(&app, "/place/MX-CHH").await;
    assert!(chihuahua.contains("<h2>Chihuahua</h2>"));
    // SESNSP's figures of trafficking, as rates beside Mexico's.
    assert!(chihuahua.contains("id=\"sesnsp.trata.victims\""));
    assert!(
        chihuahua.contains("Chihuahua, Mexico,"),
        "the place, then its parent"
    );
    assert!(chihuahua.contains("per 100,000 inhabitants"));
    // Figures by country say nothing of a state.
    assert!(!chihuahua.contains("id=\"glotip.victims\""));
    // Its rank is the ranking's, by rate (places with a figure only).
    let marked = chihuahua
        .split("id=\"sesnsp.trata.victims\"")
        .nth(1)
        .and_then(|s| s.split("<strong>Rank in ").nth(1))
        .and_then(|s| s.split("</strong>").next())
        .expect("a rank")
        .to_string();
    let (year, position) = marked.split_once(": ").expect("year: n of m");
    let position: usize = position
        .split(' ')
        .next()
        .and_then(|n| n.parse().ok())
        .expect("a position");
    let ranking = page(
        &app,
        &format!("/ranking?indicator=sesnsp.trata.victims&year={year}&sort=rate"),
    )
    .await;
    let order = ranked(&ranking);
    assert_eq!(
        order.iter().position(|c| c == "MX-CHH").map(|p| p + 1),
        Some(position),
        "{marked}"
    );
    // Its population, CONAPO's, as data/population.csv has it.
    let people = population("MX-CHH", 2025);
    let written = people
        .to_string()
        .as_bytes()
        .rchunks(3)
        .rev()
        .map(|c| std::str::from_utf8(c).unwrap_or_default())
        .collect::<Vec<_>>()
        .join(",");
    assert!(
        chihuahua.contains(&format!("Population 2025: {written}")),
        "{written}"
    );
    // Across the border: Texas, New Mexico, El Paso and Big Bend sectors.
    for code in ["US-TX", "US-NM", "BP-EPT", "BP-BBT"] {
        assert!(
            chihuahua.contains(&format!("href=\"/place/{code}\"")),
            "{code}"
        );
    }
    assert!(chihuahua.contains("href=\"/place/MEX\""), "its country");
    // The encounters in the sectors facing it: context, and said to be.
    let facing = chihuahua
        .split("id=\"usbp.encounters\"")
        .nth(1)
        .expect("the facing sectors' encounters");
    assert!(facing.contains("El Paso") && facing.contains("Big Bend"));
    assert!(facing.contains("not trafficking"));
    // The links into the dashboard and to the file answer.
    let export = chihuahua
        .split("href=\"/api/v1/export?")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("a CSV link")
        .replace("&amp;", "&");
    assert_eq!(
        app.get(&format!("/api/v1/export?{export}")).await.status(),
        200
    );
}

#[tokio::test]
async fn mexicos_page_in_spanish_has_its_border_states_and_every_source_with_a_figure() {
    let app = spawn_app().await;
    let mexico = page(&app, "/place/MEX?lang=es").await;
    assert!(mexico.contains("<html lang=\"es\""));
    assert!(mexico.contains("<h2>México</h2>"));
    assert!(mexico.contains("Estados fronterizos"));
    for state in ["MX-BCN", "MX-SON", "MX-CHH", "MX-COA", "MX-NLE", "MX-TAM"] {
        assert!(
            mexico.contains(&format!("href=\"/place/{state}?lang=es\"")),
            "{state}"
        );
    }
    // UNODC's country figures as rates, SESNSP's national ones, the TIP
    // Report's tiers; compared with the USA and Guatemala.
    for id in ["glotip.victims", "sesnsp.trata.victims", "tip.tier"] {
        assert!(mexico.contains(&format!("id=\"{id}\"")), "{id}");
    }
    assert!(mexico.contains("Estados Unidos de América"));
    assert!(mexico.contains("Guatemala"));
    assert!(mexico.contains("por cada 100 000 habitantes"));
    // A place too small for a rate (78,000 inhabitants) is drawn in counts.
    let andorra = page(&app, "/place/AND").await;
    assert!(andorra.contains("<h2>Andorra</h2>"));
    let subtitle = andorra
        .split("id=\"glotip.victims\"")
        .nth(1)
        .and_then(|s| s.split("class=\"figure-subtitle\">").nth(1))
        .and_then(|s| s.split('<').next())
        .expect("UNODC's detected victims");
    assert!(
        subtitle.starts_with("Andorra") && !subtitle.contains("100,000"),
        "{subtitle}"
    );
    // No page for a region or an unknown code: a 404 naming it.
    for path in ["/place/019", "/place/XXX", "/place/%3Cscript%3E"] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 404, "{path}");
        let problem: serde_json::Value = response.json().await.expect("problem");
        assert!(
            problem["detail"]
                .as_str()
                .is_some_and(|d| d.contains("/place")),
            "{problem}"
        );
    }
    let list = page(&app, "/place").await;
    for code in ["MX-CHH", "US-TX", "BP-RGV", "GTM"] {
        assert!(list.contains(&format!("href=\"/place/{code}\"")), "{code}");
    }
}

/// In Chromium: the dashboard's place picker links the chosen place's page,
/// which opens and reads on a 360-pixel phone without sideways scrolling,
/// and axe finds nothing on it in either language or theme.
#[tokio::test(flavor = "multi_thread")]
async fn a_place_page_opens_from_the_place_picker_and_fits_a_phone() {
    let app = spawn_app().await;
    let browser = Browser::start(360, 800).await;
    browser
        .client
        .goto(&app.url("/?indicator=sesnsp.trata.victims&region=MX-CHH,MX-SON"))
        .await
        .expect("open");
    let link = browser
        .wait_for("the place's link", Duration::from_secs(20), || async {
            let href = browser
                .eval(
                    "const a = [...document.querySelectorAll('#app .chip-pair a')]
                       .find(a => a.getAttribute('href').startsWith('/place/MX-CHH'));
                     return a ? a.getAttribute('href') : null;",
                )
                .await;
            href.as_str().map(String::from)
        })
        .await;
    browser
        .eval(
            "document.querySelector('#app details.regions').open = true;
             document.querySelector('#app .chip-pair a[href^=\"/place/MX-CHH\"]').click(); return null;",
        )
        .await;
    browser
        .wait_for("Chihuahua's page", Duration::from_secs(20), || async {
            let path = browser.eval("return location.pathname").await;
            let heading = browser
                .eval("return document.querySelector('h2')?.textContent ?? null")
                .await;
            (path == "/place/MX-CHH" && heading == "Chihuahua").then_some(())
        })
        .await;
    assert!(link.starts_with("/place/MX-CHH?lang="), "{link}");
    browser.assert_no_sideways_scrolling().await;
    browser.screenshot("place-chihuahua-phone").await;
    let violations = browser.accessibility_violations().await;
    assert!(violations.is_empty(), "{violations:?}");
    for path in [
        "/place/MEX?lang=es&theme=dark",
        "/place/US-TX",
        "/place?lang=es",
    ] {
        browser.client.goto(&app.url(path)).await.expect("open");
        browser.assert_no_sideways_scrolling().await;
        let violations = browser.accessibility_violations().await;
        assert!(violations.is_empty(), "{path}: {violations:?}");
    }
    browser.screenshot("place-list-phone").await;
    browser.close().await;
}
