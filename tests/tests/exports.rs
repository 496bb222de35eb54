//! What analysts take away, read back by other readers than ours: DuckDB for
//! CSV and Parquet, calamine for XLSX, serde_json for JSON, the zip crate for
//! the dataset. Every export must hold the API's numbers and its metadata.

use std::io::{Cursor, Read};

use calamine::{Data, Reader, Xlsx};
use duckdb::Connection;
use tipstats_shared::SeriesResponse;
use tipstats_tests::{TestServer, spawn_app};

/// A view with suppressed cells, a breakdown and two places.
const VIEW: &str = "indicator=glotip.victims&region=019,MEX&from=2018&to=2022&by=sex";

/// (region, year, category, value, lower, upper)
type Figure = (
    String,
    i32,
    Option<String>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
);

async fn download(app: &TestServer, path: &str) -> (String, String, Vec<u8>) {
    let response = app.get(path).await;
    assert_eq!(response.status(), 200, "GET {path}");
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string()
    };
    let (content_type, disposition) = (header("content-type"), header("content-disposition"));
    let body = response.bytes().await.expect("body").to_vec();
    (content_type, disposition, body)
}

async fn api_figures(app: &TestServer) -> Vec<Figure> {
    let series: SeriesResponse = app.get_json(&format!("/api/v1/series?{VIEW}")).await;
    assert!(
        series.rows.iter().any(|r| r.suppressed_cells > 0),
        "the view has suppressed cells"
    );
    series
        .rows
        .into_iter()
        .map(|r| (r.region, r.year, r.category, r.value, r.lower, r.upper))
        .collect()
}

/// The figures of a CSV or Parquet file, read by DuckDB.
fn duckdb_figures(conn: &Connection, source: &str) -> Vec<Figure> {
    let sql = format!(
        "SELECT region, year, category, value, lower, upper FROM {source}
         ORDER BY region, year, category"
    );
    let mut stmt = conn.prepare(&sql).expect("query");
    stmt.query_map([], |r| {
        Ok((
            r.get(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get(3)?,
            r.get(4)?,
            r.get(5)?,
        ))
    })
    .and_then(|rows| rows.collect())
    .expect("rows")
}

fn sorted(mut figures: Vec<Figure>) -> Vec<Figure> {
    figures.sort_by(|a, b| (&a.0, a.1, &a.2).cmp(&(&b.0, b.1, &b.2)));
    figures
}

#[tokio::test]
async fn csv_and_parquet_read_back_by_duckdb_give_the_apis_numbers() {
    let app = spawn_app().await;
    let expected = sorted(api_figures(&app).await);
    let dir = tempfile::tempdir().expect("temp dir");
    let conn = Connection::open_in_memory().expect("duckdb");

    let (content_type, disposition, csv) =
        download(&app, &format!("/api/v1/export?{VIEW}&format=csv")).await;
    assert_eq!(content_type, "text/csv; charset=utf-8");
    assert!(disposition.contains("filename=\"tipstats-glotip.victims-2018-2022.csv\""));
    let text = String::from_utf8(csv.clone()).expect("UTF-8");
    for line in [
        "# citation: UNODC",
        "# terms: ",
        "# suppression_legend: ",
        "# data_version: ",
        "# query: indicator=glotip.victims&region=019,MEX",
    ] {
        assert!(text.contains(line), "{line:?} missing from the CSV's head");
    }
    let csv_path = dir.path().join("view.csv");
    std::fs::write(&csv_path, &csv).expect("write");
    let from_csv = duckdb_figures(
        &conn,
        &format!(
            // DuckDB 2.0.0's sniffer misses the quote character after
            // comment lines (2.0.1 finds it), so the dialect is given.
            "read_csv('{}', comment = '#', header = true, quote = '\"',
                      types = {{'value': 'BIGINT', 'lower': 'BIGINT', 'upper': 'BIGINT'}})",
            csv_path.display()
        ),
    );
    assert_eq!(from_csv, expected);

    let (content_type, _, parquet) =
        download(&app, &format!("/api/v1/export?{VIEW}&format=parquet")).await;
    assert_eq!(content_type, "application/vnd.apache.parquet");
    let parquet_path = dir.path().join("view.parquet");
    std::fs::write(&parquet_path, &parquet).expect("write");
    let from_parquet = duckdb_figures(&conn, &format!("'{}'", parquet_path.display()));
    assert_eq!(from_parquet, expected);
    let keys: Vec<String> = conn
        .prepare(&format!(
            "SELECT decode(key) FROM parquet_kv_metadata('{}') ORDER BY 1",
            parquet_path.display()
        ))
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .expect("key-value metadata");
    for key in [
        "citation",
        "data_version",
        "notes",
        "query",
        "suppression_legend",
        "terms",
    ] {
        assert!(keys.iter().any(|k| k == key), "{key} not in {keys:?}");
    }
}

/// The figures sheet of an XLSX export, read by calamine.
fn xlsx_figures(workbook: &mut Xlsx<Cursor<Vec<u8>>>) -> Vec<Figure> {
    let figures = workbook.worksheet_range("figures").expect("figures sheet");
    let mut rows = figures.rows();
    let header: Vec<String> = rows
        .next()
        .expect("header")
        .iter()
        .map(|c| c.to_string())
        .collect();
    let column = |name: &str| header.iter().position(|h| h == name).expect(name);
    let number = |cell: &Data| match cell {
        Data::Float(f) => Some(*f as i64),
        Data::Int(i) => Some(*i),
        _ => None,
    };
    let text = |cell: &Data| match cell {
        Data::String(s) => Some(s.clone()),
        _ => None,
    };
    rows.map(|r| {
        (
            text(&r[column("region")]).expect("region"),
            number(&r[column("year")]).expect("year") as i32,
            text(&r[column("category")]),
            number(&r[column("value")]),
            number(&r[column("lower")]),
            number(&r[column("upper")]),
        )
    })
    .collect()
}

#[tokio::test]
async fn xlsx_read_back_by_calamine_gives_the_apis_numbers() {
    let app = spawn_app().await;
    let expected = sorted(api_figures(&app).await);
    let (content_type, _, xlsx) =
        download(&app, &format!("/api/v1/export?{VIEW}&format=xlsx")).await;
    assert!(content_type.contains("spreadsheetml"));
    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(xlsx)).expect("an XLSX workbook");
    let from_xlsx = xlsx_figures(&mut workbook);
    assert_eq!(sorted(from_xlsx), expected);
    let about = workbook.worksheet_range("about").expect("about sheet");
    let about: Vec<(String, String)> = about
        .rows()
        .map(|r| (r[0].to_string(), r[1].to_string()))
        .collect();
    for key in [
        "citation",
        "terms",
        "notes",
        "suppression_legend",
        "data_version",
        "query",
    ] {
        assert!(
            about.iter().any(|(k, v)| k == key && !v.is_empty()),
            "{key} missing from the about sheet"
        );
    }
}

#[tokio::test]
async fn json_export_is_the_series_with_its_metadata() {
    let app = spawn_app().await;
    let (_, _, json) = download(&app, &format!("/api/v1/export?{VIEW}&format=json")).await;
    let document: serde_json::Value = serde_json::from_slice(&json).expect("JSON");
    let series: SeriesResponse =
        serde_json::from_value(document["series"].clone()).expect("a series response");
    let api: SeriesResponse = app.get_json(&format!("/api/v1/series?{VIEW}")).await;
    assert_eq!(series, api);
    assert!(
        document["metadata"]["citation"][0]
            .as_str()
            .is_some_and(|c| c.contains("UNODC"))
    );
    assert_eq!(
        document["metadata"]["data_version"],
        api.data_version.as_str()
    );

    let bad = app.get(&format!("/api/v1/export?{VIEW}&format=xls")).await;
    assert_eq!(bad.status(), 400);
    let problem: serde_json::Value = bad.json().await.expect("problem");
    assert_eq!(problem["parameter"], "format");
}

#[tokio::test]
async fn the_dataset_zip_holds_every_table_a_readme_and_no_small_ctdc_cell() {
    let app = spawn_app().await;
    let (content_type, disposition, zip) = download(&app, "/api/v1/dataset.zip").await;
    assert_eq!(content_type, "application/zip");
    assert!(disposition.contains("tipstats-dataset-"));
    let mut archive = zip::ZipArchive::new(Cursor::new(zip)).expect("a ZIP");
    let mut names: Vec<String> = archive.file_names().map(String::from).collect();
    names.sort();
    assert_eq!(
        names,
        [
            "README.md",
            "annotations.csv",
            "datapackage.json",
            "indicators.csv",
            "observations.csv",
            "observations.parquet",
            "population.csv",
            "rates.csv",
            "regions.csv",
            "sources.csv"
        ]
    );
    let mut readme = String::new();
    archive
        .by_name("README.md")
        .expect("README")
        .read_to_string(&mut readme)
        .expect("text");
    assert!(readme.contains("Cite as: UNODC") && readme.contains("not prevalence"));

    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("observations.csv");
    let mut csv = Vec::new();
    archive
        .by_name("observations.csv")
        .expect("observations")
        .read_to_end(&mut csv)
        .expect("bytes");
    std::fs::write(&path, csv).expect("write");
    let conn = Connection::open_in_memory().expect("duckdb");
    let (rows, small_ctdc): (i64, i64) = conn
        .query_row(
            &format!(
                "SELECT count(*), count(*) FILTER (WHERE indicator_id LIKE 'ctdc.%' AND value < 11)
                 FROM read_csv('{}', header = true)",
                path.display()
            ),
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("count");
    assert!(rows > 190_000, "{rows} observations");
    assert_eq!(small_ctdc, 0, "a CTDC cell under k = 11 in the dataset");
}

/// CTDC's record-level source: whatever the view and the format (JSON, CSV,
/// Parquet, XLSX), no figure between 1 and 10 leaves the server (k = 11),
/// and a suppressed figure is written as "<11", never as a number.
#[tokio::test]
async fn no_ctdc_figure_under_eleven_leaves_by_any_export() {
    let app = spawn_app().await;
    let dir = tempfile::tempdir().expect("temp dir");
    let conn = Connection::open_in_memory().expect("duckdb");
    let mut checked = 0;
    for query in app.ctdc_views().await {
        // JSON: the series itself.
        let (_, _, json) = download(&app, &format!("/api/v1/export?{query}&format=json")).await;
        let document: serde_json::Value = serde_json::from_slice(&json).expect("JSON");
        let series: SeriesResponse =
            serde_json::from_value(document["series"].clone()).expect("series");
        for row in &series.rows {
            assert!(
                !row.value.is_some_and(|v| (1..11).contains(&v)),
                "{query}: {row:?}"
            );
            checked += 1;
        }
        // CSV and Parquet, read by DuckDB.
        for format in ["csv", "parquet"] {
            let (_, _, bytes) =
                download(&app, &format!("/api/v1/export?{query}&format={format}")).await;
            let path = dir.path().join(format!("ctdc.{format}"));
            std::fs::write(&path, bytes).expect("write");
            let source = if format == "csv" {
                format!(
                    "read_csv('{}', comment = '#', header = true, quote = '\"', types = {{'value': 'BIGINT'}})",
                    path.display()
                )
            } else {
                format!("'{}'", path.display())
            };
            let (rows, small, shown_small): (i64, i64, i64) = conn
                .query_row(
                    &format!(
                        "SELECT count(*), count(*) FILTER (WHERE value BETWEEN 1 AND 10),
                                count(*) FILTER (WHERE value IS NULL AND value_shown NOT LIKE '<%' AND value_shown <> '—')
                         FROM {source}"
                    ),
                    [],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .expect("read back");
            assert_eq!(rows as usize, series.rows.len(), "{query} {format}");
            assert_eq!((small, shown_small), (0, 0), "{query} {format}");
        }
        // XLSX, read by calamine.
        let (_, _, xlsx) = download(&app, &format!("/api/v1/export?{query}&format=xlsx")).await;
        let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(xlsx)).expect("an XLSX workbook");
        let figures = xlsx_figures(&mut workbook);
        assert_eq!(figures.len(), series.rows.len(), "{query} xlsx");
        assert!(
            !figures
                .iter()
                .any(|f| f.3.is_some_and(|v| (1..11).contains(&v))),
            "{query} xlsx"
        );
    }
    assert!(checked > 100, "{checked} figures checked");
}
