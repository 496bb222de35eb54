//! SESNSP's complete victims table as context: the API's figures against
//! the Parquet file itself, read here by DuckDB (the fixture is the whole
//! file); the trafficking rows of both of SESNSP's files equal; and a bad
//! cell of the Parquet named by file, row and column.

use std::fs;

use duckdb::Connection;
use tipstats::ingest;
use tipstats_shared::SeriesResponse;
use tipstats_tests::{TestServer, copy_dir, fixture_source_dir, spawn_app};

const PARQUET: &str = "mexico_sesnsp/sesnsp_victims_all_crimes_monthly_state.parquet";
const TRAFFICKING_CSV: &str = "mexico_sesnsp/sesnsp_victims_trafficking_monthly_state.csv";

/// A number the Parquet file gives, summed by DuckDB over `filter`.
fn from_parquet(filter: &str) -> i64 {
    let path = fixture_source_dir().join(PARQUET);
    let conn = Connection::open_in_memory().expect("duckdb");
    conn.query_row(
        &format!(
            "SELECT coalesce(sum(n_victimas), 0)::BIGINT FROM read_parquet('{}') WHERE {filter}",
            path.display()
        ),
        [],
        |r| r.get(0),
    )
    .expect("sum")
}

async fn value(
    app: &TestServer,
    query: &str,
    region: &str,
    year: i32,
) -> (Option<i64>, SeriesResponse) {
    let answer: SeriesResponse = app.get_json(&format!("/api/v1/series?{query}")).await;
    let found = answer
        .rows
        .iter()
        .find(|r| r.region == region && r.year == year && r.category.is_none())
        .and_then(|r| r.value);
    (found, answer)
}

#[tokio::test]
async fn the_context_figures_are_the_parquets_and_say_they_are_context() {
    let app = spawn_app().await;
    // Kidnapping in Chihuahua (INEGI 08), 2022; intentional homicide in
    // Mexico (the sum of its states), 2024; femicide in Baja California (02),
    // January–June 2025.
    let cases = [
        (
            "sesnsp.kidnapping.victims",
            "MX-CHH",
            2022,
            "subtipo_de_delito = 'Secuestro' AND cve_ent = '08' AND n_year = 2022",
        ),
        (
            "sesnsp.homicide.victims",
            "MEX",
            2024,
            "subtipo_de_delito = 'Homicidio doloso' AND n_year = 2024",
        ),
        (
            "sesnsp.femicide.victims",
            "MX-BCN",
            2025,
            "subtipo_de_delito = 'Feminicidio' AND cve_ent = '02' AND n_year = 2025",
        ),
        (
            "sesnsp.extortion.victims",
            "MX-TAM",
            2019,
            "subtipo_de_delito = 'Extorsión' AND cve_ent = '28' AND n_year = 2019",
        ),
    ];
    for (indicator, region, year, filter) in cases {
        let query = format!("indicator={indicator}&region={region}&from={year}&to={year}");
        let (found, answer) = value(&app, &query, region, year).await;
        let expected = from_parquet(filter);
        assert!(expected > 0, "{filter}");
        assert_eq!(found, Some(expected), "{indicator} {region} {year}");
        // Said to be context, first.
        let caveat = answer
            .notes
            .first()
            .map(|n| n.text.as_str())
            .unwrap_or_default();
        assert!(caveat.starts_with("Context, not trafficking"), "{caveat}");
    }
    // Kidnapping's modalities add up to its total; a modality's figure is
    // the Parquet's.
    let by = "indicator=sesnsp.kidnapping.victims&region=MX-TAM&from=2018&to=2018&by=modality";
    let answer: SeriesResponse = app.get_json(&format!("/api/v1/series?{by}")).await;
    let parts: i64 = answer.rows.iter().filter_map(|r| r.value).sum();
    assert_eq!(
        parts,
        from_parquet("subtipo_de_delito = 'Secuestro' AND cve_ent = '28' AND n_year = 2018")
    );
    let extortive = answer
        .rows
        .iter()
        .find(|r| r.category.as_deref() == Some("Extortive kidnapping"))
        .and_then(|r| r.value);
    assert_eq!(
        extortive,
        Some(from_parquet(
            "modalidad = 'Secuestro extorsivo' AND cve_ent = '28' AND n_year = 2018"
        ))
    );
    // Rates from CONAPO, as for the trafficking victims; 2025 is partial.
    let rated: SeriesResponse = app
        .get_json("/api/v1/series?indicator=sesnsp.homicide.victims&region=MX-CHH&from=2024&to=2025&per=100k")
        .await;
    assert!(
        rated
            .rows
            .iter()
            .all(|r| r.rate.is_some_and(|rate| rate > 0.0))
    );
    assert!(
        rated
            .notes
            .iter()
            .any(|n| n.year == Some(2025) && n.text.contains("January to June")),
        "{:?}",
        rated.notes
    );
}

/// SESNSP's trafficking file and its complete table agree: every
/// trafficking cell of the one is the other's, and the trafficking
/// indicators' figures are the trafficking file's.
#[tokio::test]
async fn the_trafficking_rows_of_both_files_are_equal() {
    let sources = fixture_source_dir();
    let conn = Connection::open_in_memory().expect("duckdb");
    let differing: i64 = conn
        .query_row(
            &format!(
                "WITH csv AS (SELECT * FROM read_csv('{}', all_varchar = true)),
                      pq AS (SELECT * FROM read_parquet('{}'))
                 SELECT count(*) FROM csv LEFT JOIN pq
                   ON pq.cve_ent = csv.cve_ent AND pq.n_year::VARCHAR = csv.n_year
                  AND pq.n_month = csv.n_month AND pq.tipo_de_delito = csv.tipo_de_delito
                  AND pq.genero = csv.genero AND pq.rango_de_edad = csv.rango_de_edad
                 WHERE pq.n_victimas IS NULL OR pq.n_victimas::VARCHAR <> csv.n_victimas",
                sources.join(TRAFFICKING_CSV).display(),
                sources.join(PARQUET).display()
            ),
            [],
            |r| r.get(0),
        )
        .expect("compare");
    assert_eq!(differing, 0);
    // The trafficking indicator's 2015 figure for Mexico is the file's.
    let app = spawn_app().await;
    let (found, _) = value(
        &app,
        "indicator=sesnsp.trata.victims&region=MEX&from=2015&to=2015",
        "MEX",
        2015,
    )
    .await;
    assert_eq!(
        found,
        Some(from_parquet(
            "tipo_de_delito = 'Trata de personas' AND n_year = 2015"
        ))
    );
}

/// A crime type the table never had, written into a copy of the Parquet by
/// DuckDB: the ingest names the file, the row and the column, and writes
/// nothing.
#[test]
fn a_bad_cell_of_the_parquet_is_named() {
    let sources = fixture_source_dir();
    let broken = tempfile::tempdir().expect("temp dir");
    copy_dir(&sources, broken.path());
    let target = broken.path().join(PARQUET);
    fs::remove_file(&target).expect("remove");
    let conn = Connection::open_in_memory().expect("duckdb");
    conn.execute_batch(&format!(
        "COPY (SELECT * REPLACE (CASE WHEN row_number() OVER () = 1000 THEN 'Piratería' ELSE tipo_de_delito END AS tipo_de_delito)
               FROM read_parquet('{}'))
         TO '{}' (FORMAT parquet)",
        sources.join(PARQUET).display(),
        target.display()
    ))
    .expect("write the broken copy");
    // Where the row landed in the copy, counted as the ingest counts.
    conn.execute_batch("SET threads = 1").expect("one thread");
    let row: i64 = conn
        .query_row(
            &format!(
                "SELECT row FROM (SELECT row_number() OVER () AS row, tipo_de_delito FROM read_parquet('{}'))
                 WHERE tipo_de_delito = 'Piratería'",
                target.display()
            ),
            [],
            |r| r.get(0),
        )
        .expect("the broken row");
    let data = tempfile::tempdir().expect("temp dir");
    let error = ingest::run(broken.path(), data.path(), false).expect_err("must fail");
    let message = error.to_string();
    assert!(
        message.contains(&format!(
            "sesnsp_victims_all_crimes_monthly_state.parquet, row {row}, column `tipo_de_delito`"
        )) && message.contains("Piratería"),
        "{message}"
    );
    assert!(
        !data.path().join("observations.csv").exists(),
        "nothing written"
    );
}
