//! The served database: one DuckDB file per data version, built from `data/`
//! beside the old one and renamed into place ([`file`]), then opened
//! read-only by a small pool of connections that run on blocking threads
//! ([`pool`]). A damaged file is set aside and built again from `data/`.
//! [`swap`] moves a new set of `data/` files in as one step.

mod file;
mod pool;
mod swap;

use std::io;
use std::path::PathBuf;

pub use file::{data_version, database_path, ensure_database, is_corruption, set_aside};
pub use pool::{Database, QueryError};
pub use swap::{SCRATCH_PREFIX, finish_interrupted_swap, swap_in};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot read data directory {path}: {source}")]
    DataDir { path: PathBuf, source: io::Error },
    #[error("data directory {path} is missing {file}; run `tipstats ingest` to produce it")]
    MissingFile { path: PathBuf, file: &'static str },
    #[error("cannot build the database {path} from {data_dir}: {source}")]
    Build {
        path: PathBuf,
        data_dir: PathBuf,
        source: duckdb::Error,
    },
    #[error(
        "cannot open the database {path}: {source}; it is built from the data directory, so delete it and start again to rebuild it"
    )]
    Open {
        path: PathBuf,
        source: duckdb::Error,
    },
    #[error(
        "the data directory {data_dir} changed since this server started (data version {served}, now {found}); restart to serve the new data"
    )]
    DataChanged {
        data_dir: PathBuf,
        served: String,
        found: String,
    },
    #[error("file system error at {path}: {source}")]
    Io { path: PathBuf, source: io::Error },
}

impl StoreError {
    pub(crate) fn io(path: &std::path::Path) -> impl FnOnce(io::Error) -> StoreError {
        let path = path.to_path_buf();
        move |source| StoreError::Io { path, source }
    }
}
