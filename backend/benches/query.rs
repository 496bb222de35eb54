//! Criterion benchmarks of the query layer, without HTTP and without the
//! answer cache: parsing a query string, and `db::series` over the real
//! figures for three common views (`cargo bench -p tipstats --bench query`,
//! or `bench/query`).

use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use duckdb::{AccessMode, Config, Connection};
use tipstats::db;
use tipstats_shared::query::SeriesQuery;

const VIEWS: [(&str, &str); 3] = [
    (
        "regions",
        "indicator=glotip.victims&region=019,150&from=2010&to=2022",
    ),
    (
        "breakdown",
        "indicator=sesnsp.trata.victims&region=MX-CHH,MX-BCN&by=sex",
    ),
    (
        "monthly",
        "indicator=usbp.encounters&region=BP-RGV,BP-TCA&period=month&from=2020&to=2024",
    ),
];

fn query_layer(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bench.duckdb");
    {
        let conn = Connection::open(&path).expect("open");
        db::build(
            &conn,
            Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../data")),
        )
        .expect("build");
    }
    let conn = Connection::open_with_flags(
        &path,
        Config::default()
            .access_mode(AccessMode::ReadOnly)
            .expect("read-only"),
    )
    .expect("open read-only");
    let catalog = tipstats::catalog::load(&conn, "bench").expect("catalog");
    for (name, text) in VIEWS {
        c.bench_function(&format!("parse/{name}"), |b| {
            b.iter(|| SeriesQuery::parse(text, &catalog).expect("valid"))
        });
        let query = SeriesQuery::parse(text, &catalog).expect("valid");
        c.bench_function(&format!("series/{name}"), |b| {
            b.iter(|| db::series(&conn, &query).expect("rows"))
        });
    }
}

criterion_group!(benches, query_layer);
criterion_main!(benches);
