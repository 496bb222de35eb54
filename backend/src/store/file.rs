//! The database file of a data version: its name, its build from `data/`,
//! and what happens to a damaged one.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use duckdb::Connection;
use sha2::{Digest, Sha256};

use super::{StoreError, finish_interrupted_swap};
use crate::db;

/// A short hash of every file the database is built from: it names the
/// database file, and clients see it as `data_version`.
pub fn data_version(data_dir: &Path) -> Result<String, StoreError> {
    let mut hasher = Sha256::new();
    for (file, _, _) in db::DATA_FILES {
        let path = data_dir.join(file);
        let bytes = fs::read(&path).map_err(|source| match source.kind() {
            io::ErrorKind::NotFound => StoreError::MissingFile {
                path: data_dir.to_path_buf(),
                file,
            },
            _ => StoreError::DataDir {
                path: path.clone(),
                source,
            },
        })?;
        hasher.update(file.as_bytes());
        hasher.update((bytes.len() as u64).to_le_bytes());
        hasher.update(&bytes);
    }
    let digest = hasher.finalize();
    Ok(digest.iter().take(6).map(|b| format!("{b:02x}")).collect())
}

/// Where the database of a data version is kept: named by the data version
/// and the layout of its tables ([`db::SCHEMA_VERSION`]).
pub fn database_path(db_dir: &Path, data_version: &str) -> PathBuf {
    db_dir.join(format!(
        "tipstats-{data_version}-s{}.duckdb",
        db::SCHEMA_VERSION
    ))
}

/// Returns the database for the current contents of `data_dir`, building it
/// first if this data version has none yet. A build goes to a temporary file
/// that is renamed into place only when complete, so a failed or killed build
/// never leaves a half-built database behind under the served name.
pub fn ensure_database(data_dir: &Path, db_dir: &Path) -> Result<(PathBuf, String), StoreError> {
    finish_interrupted_swap(data_dir)?;
    let version = data_version(data_dir)?;
    let path = database_path(db_dir, &version);
    if path.exists() {
        return Ok((path, version));
    }
    build_database(data_dir, &path)?;
    remove_other_versions(db_dir, &path);
    tracing::info!(path = %path.display(), %version, "built database");
    Ok((path, version))
}

/// Builds the database of `data_dir` at `path` through a temporary file in
/// the same folder, renamed into place when complete.
fn build_database(data_dir: &Path, path: &Path) -> Result<(), StoreError> {
    let db_dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(db_dir).map_err(StoreError::io(db_dir))?;
    let tmp = tempfile::Builder::new()
        .prefix(".building-")
        .suffix(".duckdb")
        .tempfile_in(db_dir)
        .map_err(StoreError::io(db_dir))?
        .into_temp_path();
    // DuckDB wants to create the file itself.
    fs::remove_file(&tmp).map_err(StoreError::io(&tmp))?;
    let build_error = |source| StoreError::Build {
        path: path.to_path_buf(),
        data_dir: data_dir.to_path_buf(),
        source,
    };
    {
        let conn = Connection::open(&tmp).map_err(build_error)?;
        db::build(&conn, data_dir).map_err(build_error)?;
    }
    fs::rename(&tmp, path).map_err(StoreError::io(path))
}

/// Whether DuckDB's error says the file is damaged (a checksum that does not
/// match, a header that is not DuckDB's), as opposed to a query's mistake or
/// a file it may not read.
pub fn is_corruption(error: &duckdb::Error) -> bool {
    let message = error.to_string();
    [
        "Corrupt",
        "corrupt",
        "checksum",
        "not a valid DuckDB database",
    ]
    .iter()
    .any(|sign| message.contains(sign))
}

/// Moves a damaged database file aside (kept, for inspection) and builds
/// the file of `data_version` again from `data_dir`. Refuses when `data/`
/// no longer holds that data version: a server keeps serving the version it
/// started with, or nothing.
pub fn set_aside(data_dir: &Path, path: &Path, data_version: &str) -> Result<PathBuf, StoreError> {
    let found = self::data_version(data_dir)?;
    if found != data_version {
        return Err(StoreError::DataChanged {
            data_dir: data_dir.to_path_buf(),
            served: data_version.to_string(),
            found,
        });
    }
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs());
    let mut aside = path.as_os_str().to_owned();
    aside.push(format!(".damaged-{seconds}"));
    let aside = PathBuf::from(aside);
    fs::rename(path, &aside).map_err(StoreError::io(path))?;
    tracing::warn!(
        damaged = %aside.display(), rebuilt = %path.display(),
        "the database file was damaged: it is kept for inspection and built again from the data directory"
    );
    build_database(data_dir, path)?;
    Ok(aside)
}

/// Older data versions are not served any more; failing to remove one is
/// not worth failing the start for.
fn remove_other_versions(db_dir: &Path, keep: &Path) {
    let Ok(entries) = fs::read_dir(db_dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if path != keep
            && name.starts_with("tipstats-")
            && name.ends_with(".duckdb")
            && let Err(error) = fs::remove_file(&path)
        {
            tracing::warn!(path = %path.display(), %error, "could not remove an old database");
        }
    }
}
