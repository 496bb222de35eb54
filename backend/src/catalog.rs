//! The catalog is read once at start: it is small, it never changes while a
//! data version is served, and every request validates against it.

use duckdb::Connection;
use tipstats_shared::Catalog;

use crate::db;

pub fn load(conn: &Connection, data_version: &str) -> Result<Catalog, duckdb::Error> {
    Ok(Catalog {
        data_version: data_version.to_string(),
        sources: db::sources(conn)?,
        indicators: db::indicators(conn)?,
        regions: db::regions(conn)?,
    })
}
