//! What analysts take away, read back by independent readers: a view's
//! citation as plain text, BibTeX, RIS and CSL-JSON (bibtexparser, rispy,
//! serde_json), naming the publishers, the view's address, the data
//! version with its release and the day of access, offered by the sources'
//! panel; the share panel's code, run (Python with pandas) against the
//! server; a view's Data Package and the whole dataset's, checked by the
//! reference validator (frictionless).

use serde_json::Value;
use tipstats_shared::ReleasesResponse;
use tipstats_tests::{TestServer, python, spawn_app};

/// A view in its canonical order, as the citation writes its address.
const VIEW: &str = "indicator=glotip.victims&region=MEX,USA&from=2010&to=2022&lang=es&chart=bar";

async fn citation(app: &TestServer, format: &str) -> String {
    let response = app
        .get(&format!("/api/v1/cite?{VIEW}&format={format}"))
        .await;
    assert_eq!(response.status(), 200, "{format}");
    let disposition = response.headers()["content-disposition"]
        .to_str()
        .expect("header")
        .to_string();
    assert!(disposition.starts_with("attachment; filename=\"tipstats-glotip-victims-"));
    response.text().await.expect("citation")
}

#[tokio::test]
async fn every_format_of_a_citation_reads_back_with_its_publisher_address_version_and_day() {
    let app = spawn_app().await;
    let releases: ReleasesResponse = app.get_json("/api/v1/releases").await;
    let version = releases.data_version.clone();
    let release = releases
        .releases
        .iter()
        .find(|r| r.data_version == version)
        .expect("the served release");
    let url = format!("http://{}/?{VIEW}", app.addr);
    let publisher = "United Nations Office on Drugs and Crime (UNODC)";
    let release_url = format!("http://{}/releases#release-{version}", app.addr);

    let bibtex = citation(&app, "bibtex").await;
    let read = python(
        "import json, sys, bibtexparser
library = bibtexparser.parse_string(sys.argv[1])
assert not library.failed_blocks, library.failed_blocks
print(json.dumps([{'key': e.key, 'type': e.entry_type, **{f.key: f.value for f in e.fields}} for e in library.entries]))",
        &[&bibtex],
    );
    let entries: Vec<Value> = serde_json::from_str(&read).expect("JSON");
    assert_eq!(entries.len(), 1, "{bibtex}");
    let entry = &entries[0];
    assert_eq!(entry["type"], "misc");
    assert_eq!(entry["author"], format!("{{{publisher}}}"));
    assert_eq!(entry["url"], url);
    assert_eq!(entry["version"], version);
    let accessed = entry["urldate"].as_str().expect("urldate").to_string();
    assert_eq!(accessed.len(), 10, "{accessed}");
    assert!(
        entry["title"]
            .as_str()
            .is_some_and(|t| t.contains("Víctimas de trata detectadas"))
    );
    assert!(
        entry["note"]
            .as_str()
            .is_some_and(|n| n.contains(&format!("release-{version}")))
    );

    let ris = citation(&app, "ris").await;
    let read = python(
        "import json, sys, rispy
print(json.dumps(rispy.loads(sys.argv[1])))",
        &[&ris],
    );
    let records: Vec<Value> = serde_json::from_str(&read).expect("JSON");
    assert_eq!(records.len(), 1, "{ris}");
    let record = &records[0];
    assert_eq!(record["type_of_reference"], "DATA");
    assert_eq!(record["authors"], serde_json::json!([publisher]));
    assert_eq!(record["urls"], serde_json::json!([url]));
    assert_eq!(record["edition"], version);
    assert_eq!(record["access_date"], accessed.replace('-', "/"));
    assert_eq!(record["date"], release.date.replace('-', "/"));

    let csl: Value = serde_json::from_str(&citation(&app, "csl").await).expect("CSL-JSON");
    let item = &csl[0];
    assert_eq!(item["type"], "dataset");
    assert_eq!(item["author"][0]["literal"], publisher);
    assert_eq!(item["URL"], url);
    assert_eq!(item["version"], version);
    let day: Vec<u64> = accessed
        .split('-')
        .map(|p| p.parse().expect("number"))
        .collect();
    assert_eq!(item["accessed"]["date-parts"][0], serde_json::json!(day));

    let text = citation(&app, "text").await;
    for part in [publisher, &url, &version, &release_url, &accessed] {
        assert!(text.contains(part), "{part} in {text}");
    }
    assert!(
        text.contains("Consultado el"),
        "in the view's language: {text}"
    );
}

#[tokio::test]
async fn a_citation_of_a_bad_view_is_refused_naming_the_parameter() {
    let app = spawn_app().await;
    for (query, parameter) in [
        ("indicator=glotip.victims&format=docx", "format"),
        ("indicator=nope&format=ris", "indicator"),
        ("indicator=glotip.victims&region=MEX&chart=pie", "chart"),
    ] {
        let response = app.get(&format!("/api/v1/cite?{query}")).await;
        assert_eq!(response.status(), 400, "{query}");
        let problem: Value = response.json().await.expect("problem");
        assert_eq!(problem["parameter"], parameter, "{query}");
    }
}

#[tokio::test]
async fn the_sources_panel_offers_the_citation_files_and_the_release() {
    let app = spawn_app().await;
    let panel = app
        .get(&format!("/sources.html?{VIEW}&panel_lang=es"))
        .await
        .text()
        .await
        .expect("panel");
    for format in ["bibtex", "ris", "csl", "text"] {
        let href = format!(
            "/api/v1/cite?{}&amp;format={format}",
            "indicator=glotip.victims&amp;region=MEX,USA&amp;from=2010&amp;to=2022&amp;chart=bar&amp;lang=es"
        );
        assert!(panel.contains(&href), "{href} in {panel}");
    }
    assert!(panel.contains("href=\"http://"), "{panel}");
    assert!(panel.contains("/releases#release-"), "{panel}");
}

/// The share panel's Python, run as a reader would paste it, loads the
/// API's figures: the CSV's comment lines are skipped. (Several threads:
/// the test waits for Python while the server answers it.)
#[tokio::test(flavor = "multi_thread")]
async fn the_share_panels_python_loads_the_apis_figures() {
    let app = spawn_app().await;
    let view = "indicator=sesnsp.trata.victims&region=MEX,MX-CHH&from=2016&to=2024";
    let panel = app
        .get(&format!("/share.html?{view}&panel_lang=es"))
        .await
        .text()
        .await
        .expect("panel");
    let code = panel
        .split("<textarea id=\"code-python\"")
        .nth(1)
        .and_then(|s| s.split_once('>'))
        .and_then(|(_, s)| s.split("</textarea>").next())
        .expect("the Python snippet");
    for other in ["code-r", "code-sheet"] {
        assert!(panel.contains(&format!("id=\"{other}\"")), "{other}");
    }
    let read = python(
        "import html, json, sys
scope = {}
exec(html.unescape(sys.argv[1]), scope)
figures = scope['figures']
print(json.dumps([[r, int(y), None if v != v else int(v)] for r, y, v in zip(figures['region'], figures['year'], figures['value'])]))",
        &[code],
    );
    let loaded: Vec<(String, i32, Option<i64>)> = serde_json::from_str(&read).expect("JSON");
    let api: tipstats_shared::SeriesResponse =
        app.get_json(&format!("/api/v1/series?{view}")).await;
    let expected: Vec<(String, i32, Option<i64>)> = api
        .rows
        .iter()
        .map(|r| (r.region.clone(), r.year, r.value))
        .collect();
    assert!(expected.len() >= 18, "{expected:?}");
    assert_eq!(loaded, expected);
}

/// frictionless's report on the Data Package in the ZIP `bytes`: (valid,
/// its first errors, rows per resource, the descriptor).
fn validated(bytes: &[u8]) -> (bool, Value, Value, Value) {
    let file = tempfile::NamedTempFile::new().expect("temp file");
    std::fs::write(file.path(), bytes).expect("write");
    let report = python(
        "import json, os, sys, tempfile, zipfile
from frictionless import validate
folder = tempfile.mkdtemp()
zipfile.ZipFile(sys.argv[1]).extractall(folder)
path = os.path.join(folder, 'datapackage.json')
report = validate(path)
print(json.dumps({'valid': report.valid, 'errors': report.flatten(['type', 'message'])[:5],
  'rows': {t.name: t.stats['rows'] for t in report.tasks}, 'descriptor': json.load(open(path))}))",
        &[&file.path().to_string_lossy()],
    );
    let report: Value = serde_json::from_str(&report).expect("JSON");
    let valid = report["valid"] == true;
    (
        valid,
        report["errors"].clone(),
        report["rows"].clone(),
        report["descriptor"].clone(),
    )
}

#[tokio::test]
async fn a_views_data_package_and_the_datasets_pass_the_reference_validator() {
    let app = spawn_app().await;
    let view = "indicator=glotip.victims&region=MEX,USA&from=2010&to=2022&by=sex";
    let response = app
        .get(&format!("/api/v1/export?{view}&format=datapackage"))
        .await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/zip");
    let bytes = response.bytes().await.expect("zip");
    let (valid, errors, rows, descriptor) = validated(&bytes);
    assert!(valid, "{errors}");
    let api: tipstats_shared::SeriesResponse =
        app.get_json(&format!("/api/v1/series?{view}")).await;
    assert_eq!(rows["figures"], api.rows.len());
    assert_eq!(descriptor["version"], api.data_version);
    let fields = descriptor["resources"][0]["schema"]["fields"]
        .as_array()
        .expect("fields");
    let field = |name: &str| {
        fields
            .iter()
            .find(|f| f["name"] == name)
            .expect(name)
            .clone()
    };
    assert_eq!(field("value")["type"], "integer");
    assert_eq!(field("value")["unit"], "Counts");
    assert!(
        field("upper")["description"]
            .as_str()
            .is_some_and(|d| d.contains("suppressed"))
    );
    assert_eq!(
        descriptor["resources"][0]["schema"]["missingValues"],
        serde_json::json!([""])
    );
    assert!(
        descriptor["licenses"][0]["title"]
            .as_str()
            .is_some_and(|t| !t.is_empty())
    );
    assert!(
        descriptor["citation"][0]
            .as_str()
            .is_some_and(|c| c.contains("UNODC"))
    );

    let dataset = app
        .get("/api/v1/dataset.zip")
        .await
        .bytes()
        .await
        .expect("zip");
    let (valid, errors, rows, descriptor) = validated(&dataset);
    assert!(valid, "{errors}");
    let observations =
        std::fs::read_to_string(tipstats_tests::workspace_root().join("data/observations.csv"))
            .expect("observations");
    assert_eq!(rows["observations"], observations.lines().count() - 1);
    assert_eq!(
        descriptor["resources"].as_array().map(Vec::len),
        Some(tipstats::db::DATA_FILES.len())
    );
}
