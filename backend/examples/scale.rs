//! The scale benchmark (`bench/scale`): how the region × year aggregate's
//! latency grows with the number of observations. For each size it builds a
//! database from `data/` plus that many SYNTHETIC observations (an indicator
//! named as such, never committed, in a temporary folder), opens it
//! read-only as the server does, and times `db::series` with no answer
//! cache: the first run after opening, and the median of the next five.
//! Among the queries is a map's (`/api/v1/map`): every country in every
//! year.
//!
//! Usage: cargo run --release -p tipstats --example scale -- [ROWS ...]

use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::Context;
use duckdb::{AccessMode, Config, Connection, params};
use tipstats::db;
use tipstats_shared::query::{MapQuery, SeriesQuery};

const INDICATOR: &str = "synthetic.benchmark";

fn main() -> anyhow::Result<()> {
    let sizes: Vec<u64> = std::env::args()
        .skip(1)
        .map(|a| a.replace('_', "").parse::<u64>())
        .collect::<Result<_, _>>()
        .context("sizes are whole numbers of rows")?;
    let sizes = if sizes.is_empty() {
        vec![1_000_000, 10_000_000, 100_000_000]
    } else {
        sizes
    };
    let dir = tempfile::tempdir()?;
    println!("| synthetic rows | build | query | first run | median of 5 | rows summed |");
    println!("|---|---|---|---|---|---|");
    for rows in sizes {
        // Where the server looks for the database of `data/`, so that it
        // serves this one.
        let path = tipstats::store::database_path(
            dir.path(),
            &tipstats::store::data_version(Path::new("data"))?,
        );
        let started = Instant::now();
        build(&path, rows)?;
        let build_time = started.elapsed();
        let conn = Connection::open_with_flags(
            &path,
            Config::default().access_mode(AccessMode::ReadOnly)?,
        )?;
        let catalog = tipstats::catalog::load(&conn, "scale")?;
        let series =
            |query: &str| SeriesQuery::parse(&format!("indicator={INDICATOR}&{query}"), &catalog);
        let map = MapQuery::parse(
            &format!("indicator={INDICATOR}&from=1900&to=2100"),
            &catalog,
        )
        .map(|map| map.series);
        for (name, query) in [
            (
                "Americas and Europe, 2010–2022",
                series("region=019,150&from=2010&to=2022"),
            ),
            (
                "the world, every year",
                series("region=001&from=1900&to=2100"),
            ),
            ("a map: every country, every year", map),
        ] {
            let query = query.map_err(|e| anyhow::anyhow!("{e}"))?;
            let timed = || -> anyhow::Result<(Duration, i64)> {
                let started = Instant::now();
                let result = db::series(&conn, &query)?;
                let summed = result.iter().filter_map(|r| r.value).count() as i64;
                Ok((started.elapsed(), summed))
            };
            let (first, _) = timed()?;
            let mut runs = Vec::new();
            let mut figures = 0;
            for _ in 0..5 {
                let (time, count) = timed()?;
                runs.push(time);
                figures = count;
            }
            runs.sort();
            let summed = rows_summed(&conn, &query)?;
            println!(
                "| {rows} | {:.1} s | {name} ({figures} figures) | {:.1} ms | {:.1} ms | {summed} |",
                build_time.as_secs_f64(),
                first.as_secs_f64() * 1000.0,
                runs[2].as_secs_f64() * 1000.0,
            );
        }
        drop(conn);
        let (first, median, bytes) = map_answers(dir.path())?;
        println!(
            "| {rows} | | the map's whole answer, {bytes} bytes of JSON (the server's router, uncached) | {:.1} ms | {:.1} ms | |",
            first.as_secs_f64() * 1000.0,
            median.as_secs_f64() * 1000.0,
        );
        std::fs::remove_file(&path)?;
    }
    Ok(())
}

/// The server's answer to a map of every country in every year, asked of
/// its router in-process: the first, and the median of the next five, each
/// a range of years not asked before so that no cache holds it.
fn map_answers(db_dir: &Path) -> anyhow::Result<(Duration, Duration, usize)> {
    use tower::ServiceExt;
    let runtime = tokio::runtime::Runtime::new()?;
    runtime.block_on(async {
        let app = tipstats::Application::build(tipstats::ServeConfig {
            addr: std::net::SocketAddr::from(([127, 0, 0, 1], 0)),
            data_dir: "data".into(),
            db_dir: db_dir.into(),
            assets_dir: "frontend/dist".into(),
            connections: 2,
            public_url: None,
            heavy_per_minute: 1_000,
        })
        .await?;
        let mut runs = Vec::new();
        let mut bytes = 0;
        for to in (2095..=2100).rev() {
            let uri = format!("/api/v1/map?indicator={INDICATOR}&from=1900&to={to}");
            let started = Instant::now();
            let response = app
                .router()
                .oneshot(axum::http::Request::get(&uri).body(axum::body::Body::empty())?)
                .await?;
            anyhow::ensure!(response.status() == 200, "{uri}: {}", response.status());
            bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
                .await?
                .len();
            runs.push(started.elapsed());
        }
        let first = runs.remove(0);
        runs.sort();
        Ok((first, runs[runs.len() / 2], bytes))
    })
}

/// The real tables from `data/`, plus `rows` synthetic observations spread
/// evenly over the countries, the years 1900–2100 and the 13 month values.
fn build(path: &Path, rows: u64) -> anyhow::Result<()> {
    let conn = Connection::open(path)?;
    db::build(&conn, Path::new("data"))?;
    conn.execute(
        "INSERT INTO indicators BY NAME
         SELECT ? AS id, min(id) AS source_id,
                'SYNTHETIC rows for a benchmark: not real figures' AS name, 'Counts' AS unit,
                'Synthetic.' AS description, 'Synthetic.' AS caveats, 'calendar year' AS frequency,
                NULL AS breakdowns, 'country' AS grain, '001' AS scope, 'countries' AS reporters,
                0 AS suppressed_max, true AS additive,
                'Cifras SINTÉTICAS para una prueba' AS name_es, 'Conteos' AS unit_es,
                'Sintético.' AS description_es, 'Sintético.' AS caveats_es, NULL AS breakdowns_es,
                false AS per_capita
         FROM sources",
        params![INDICATOR],
    )?;
    conn.execute(
        "INSERT INTO observations
         WITH countries AS (
             SELECT row_number() OVER (ORDER BY code) - 1 AS k, code FROM regions WHERE level = 'country'
         ), n AS (SELECT count(*) AS n FROM countries)
         SELECT ?, c.code, CAST(1900 + (i // n.n) % 201 AS INTEGER),
                CAST((i // (n.n * 201)) % 13 AS INTEGER), 'Total', 'Total', 'Total', 'Total',
                CAST(i // (n.n * 201 * 13) AS INTEGER), i % 1000, false, '', 1
         FROM range(?) t(i), n JOIN countries c ON c.k = i % n.n
         -- the order `db::build` gives the real figures: by year within an
         -- indicator's totals, so a range of years reads only its row groups
         ORDER BY 3, 2",
        params![INDICATOR, rows as i64],
    )?;
    db::derive_region_totals(&conn)?;
    conn.execute_batch("CHECKPOINT;")?;
    Ok(())
}

/// How many stored rows the aggregate reads.
fn rows_summed(conn: &Connection, query: &SeriesQuery) -> anyhow::Result<i64> {
    Ok(conn.query_row(
        "SELECT count(*) FROM observations o
         WHERE o.indicator_id = ? AND o.year BETWEEN ? AND ?
           AND o.region_code IN (SELECT member FROM region_members
                                 WHERE list_contains(string_split(?, ','), ancestor))",
        params![
            query.indicator,
            query.from,
            query.to,
            query.regions.join(",")
        ],
        |r| r.get(0),
    )?)
}
