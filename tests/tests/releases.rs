//! Data releases: each ingest that changes `data/` records what changed,
//! per source, in `data/releases.json`; the server lists the releases as
//! JSON, as a page and as an Atom feed (read back by feedparser), and every
//! page's footer names the release it serves.

use std::fs;

use tipstats::{ingest, releases, store};
use tipstats_shared::ReleasesResponse;
use tipstats_tests::{copy_dir, fixture_source_dir, python, spawn_app, workspace_root};

#[test]
fn an_ingest_that_changes_the_figures_records_what_changed() {
    let sources = fixture_source_dir();
    let data = tempfile::tempdir().expect("temp dir");
    ingest::run(&sources, data.path(), false).expect("ingest");
    let first = releases::load(data.path()).expect("the record");
    assert_eq!(first.len(), 1);
    let version = store::data_version(data.path()).expect("version");
    assert_eq!(first[0].data_version, version);
    assert_eq!(first[0].previous, None);
    // The first record counts everything as added.
    let path = data.path().join("observations.csv");
    let text = fs::read_to_string(&path).expect("observations");
    let rows = text.lines().count() as u64 - 1;
    let added: u64 = first[0].sources.iter().map(|s| s.rows_added).sum();
    assert_eq!(added, rows);

    // The same files again: nothing new to record.
    ingest::run(&sources, data.path(), false).expect("ingest");
    assert_eq!(releases::load(data.path()).expect("the record"), first);

    // The publisher revises two of Alabama's 2024 figures: the next
    // ingest records a release of just that.
    let revised = tempfile::tempdir().expect("temp dir");
    copy_dir(&sources, revised.path());
    let hotline = revised
        .path()
        .join("us_trafficking_hotline/hotline_signals_cases_by_state_year.csv");
    let text = fs::read_to_string(&hotline).expect("hotline");
    let line = "Alabama,231,0.71%,105,0.88%,2024";
    assert!(text.contains(line), "the fixture's Alabama 2024");
    fs::write(
        &hotline,
        text.replace(line, "Alabama,232,0.71%,106,0.88%,2024"),
    )
    .expect("write");
    ingest::run(revised.path(), data.path(), false).expect("ingest");
    let record = releases::load(data.path()).expect("the record");
    assert_eq!(record.len(), 2);
    assert_eq!(record[1], first[0]);
    let release = &record[0];
    assert_eq!(
        release.data_version,
        store::data_version(data.path()).expect("version")
    );
    assert_eq!(release.previous.as_deref(), Some(version.as_str()));
    assert_eq!(release.sources.len(), 1, "{release:?}");
    let changes = &release.sources[0];
    assert_eq!(changes.source, "polaris-hotline");
    assert_eq!(
        (
            changes.rows_added,
            changes.rows_removed,
            changes.figures_revised
        ),
        (0, 0, 2)
    );
    assert!(changes.indicators_added.is_empty() && changes.indicators_removed.is_empty());
    assert_eq!(
        changes.examples,
        [
            "hotline.cases · US-AL · 2024: 105 → 106",
            "hotline.signals · US-AL · 2024: 231 → 232"
        ]
    );
}

#[tokio::test]
async fn releases_are_listed_as_json_a_page_and_an_atom_feed() {
    let app = spawn_app().await;
    let answer: ReleasesResponse = app.get_json("/api/v1/releases").await;
    let committed = releases::load(&workspace_root().join("data")).expect("the record");
    assert_eq!(answer.releases, committed);
    let current = answer
        .releases
        .iter()
        .find(|r| r.data_version == answer.data_version)
        .expect("the data served have their release recorded");

    // feedparser reads the feed as well-formed Atom with an entry a
    // release, each linking to its part of the page.
    let feed = app.get("/releases.atom").await.text().await.expect("feed");
    let file = tempfile::NamedTempFile::new().expect("temp file");
    fs::write(file.path(), &feed).expect("write");
    let read = python(
        "import json, sys, feedparser
f = feedparser.parse(sys.argv[1])
print(json.dumps({'bozo': bool(f.bozo), 'version': f.version, 'title': f.feed.title,
  'entries': [[e.id, e.link, e.title, e.updated] for e in f.entries]}))",
        &[&file.path().to_string_lossy()],
    );
    let read: serde_json::Value = serde_json::from_str(&read).expect("JSON");
    assert_eq!(read["bozo"], false, "{read}");
    assert_eq!(read["version"], "atom10");
    let entries = read["entries"].as_array().expect("entries");
    assert_eq!(entries.len(), committed.len());
    let anchor = format!("/releases#release-{}", current.data_version);
    assert!(
        entries.iter().any(
            |e| e[1].as_str().is_some_and(|link| link.ends_with(&anchor))
                && e[3].as_str().is_some_and(|d| d.starts_with(&current.date))
        ),
        "{read}"
    );

    // The page has each release under its anchor; every page's footer
    // names the current one and links there.
    let page = app.get("/releases").await.text().await.expect("page");
    for release in &committed {
        assert!(page.contains(&format!("id=\"release-{}\"", release.data_version)));
    }
    for path in ["/", "/story", "/place/MEX", "/releases"] {
        let body = app.get(path).await.text().await.expect("page");
        let footer = body
            .split("<footer class=\"site-footer\">")
            .nth(1)
            .expect(path);
        assert!(
            footer.contains(&format!("href=\"{anchor}\"")),
            "{path}: {footer}"
        );
        assert!(footer.contains(&current.date), "{path}");
        assert!(footer.contains("href=\"/releases.atom\""), "{path}");
    }
}
