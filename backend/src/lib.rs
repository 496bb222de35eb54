//! tipstats: public statistics on human trafficking, gathered from their
//! publishers, normalized into DuckDB and served as JSON and charts.
//!
//! The flow: [`ingest`] reads the publishers' files and writes the normalized
//! figures to `data/` (committed); [`store`] builds a DuckDB file from `data/`
//! (one per data version); [`http`] serves it read-only. The SQL the server
//! asks lives in [`db`]; each ingest module holds the SQL that reads and
//! checks its own publisher's file.

pub mod bake;
pub mod catalog;
pub mod datapackage;
pub mod db;
pub mod export;
pub mod http;
pub mod ingest;
pub mod maps;
pub mod releases;
pub mod render;
pub mod store;

pub use http::{Application, ServeConfig};

/// This build of the program: the crate version and a hash of the sources
/// its answers are made from (see `build.rs`). Every ETag carries it.
pub const BUILD: &str = env!("TIPSTATS_BUILD");
