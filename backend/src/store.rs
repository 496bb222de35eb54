//! The served database: one DuckDB file per data version, built from `data/`
//! beside the old one and renamed into place, then opened read-only by a
//! small pool of connections that run on blocking threads.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use duckdb::{AccessMode, Config, Connection};
use sha2::{Digest, Sha256};
use tokio::sync::Semaphore;

use crate::db;

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
    #[error("file system error at {path}: {source}")]
    Io { path: PathBuf, source: io::Error },
}

/// Scratch folders of an ingest inside `data/` start with this.
pub const SCRATCH_PREFIX: &str = ".ingest-";
/// While this file exists in `data/`, a new set of files is being moved in;
/// it names the scratch folder they come from.
const SWAP_JOURNAL: &str = ".swap-in-progress";

/// Moves every data file from `scratch` (a folder inside `data_dir`) into
/// `data_dir` as one step that survives a kill: the journal is written
/// (atomically, by rename) before the first file moves and removed after the
/// last, and [`finish_interrupted_swap`] completes a swap the journal shows
/// was cut short. Before the journal exists, `data/` is untouched.
pub fn swap_in(data_dir: &Path, scratch: &Path) -> Result<(), StoreError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| StoreError::Io { path, source }
    };
    for (file, _, _) in db::DATA_FILES {
        let path = scratch.join(file);
        fs::File::open(&path)
            .and_then(|f| f.sync_all())
            .map_err(io(&path))?;
    }
    let name = scratch
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let journal = data_dir.join(SWAP_JOURNAL);
    let pending = data_dir.join(format!("{SWAP_JOURNAL}.new"));
    fs::write(&pending, &name)
        .and_then(|()| fs::File::open(&pending).and_then(|f| f.sync_all()))
        .map_err(io(&pending))?;
    fs::rename(&pending, &journal).map_err(io(&journal))?;
    finish_interrupted_swap(data_dir)
}

/// Completes a swap that a killed ingest left half done, and clears the
/// scratch folders of ingests killed before their swap began. Every step
/// can be repeated, so a kill during this recovery is recovered next time.
pub fn finish_interrupted_swap(data_dir: &Path) -> Result<(), StoreError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| StoreError::Io { path, source }
    };
    let journal = data_dir.join(SWAP_JOURNAL);
    let committed = match fs::read_to_string(&journal) {
        Ok(name) => Some(data_dir.join(name.trim())),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(io(&journal)(e)),
    };
    if let Some(scratch) = &committed {
        for (file, _, _) in db::DATA_FILES {
            let from = scratch.join(file);
            match fs::rename(&from, data_dir.join(file)) {
                // Already moved before the interruption.
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                other => other.map_err(io(&from))?,
            }
        }
        fs::remove_file(&journal).map_err(io(&journal))?;
    }
    // A journal still being written when the ingest was killed: that swap
    // never began, and its scratch folder goes below with the others.
    let pending = data_dir.join(format!("{SWAP_JOURNAL}.new"));
    match fs::remove_file(&pending) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(io(&pending)(e)),
        _ => {}
    }
    let entries = match fs::read_dir(data_dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(io(data_dir)(e)),
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        if name.to_string_lossy().starts_with(SCRATCH_PREFIX) {
            // A killed ingest's leftovers. Were an ingest still running, it
            // would fail on its vanished folder and leave `data/` as it was.
            let _ = fs::remove_dir_all(entry.path());
        }
    }
    Ok(())
}

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
    fs::create_dir_all(db_dir).map_err(|source| StoreError::Io {
        path: db_dir.to_path_buf(),
        source,
    })?;
    let tmp = tempfile::Builder::new()
        .prefix(".building-")
        .suffix(".duckdb")
        .tempfile_in(db_dir)
        .map_err(|source| StoreError::Io {
            path: db_dir.to_path_buf(),
            source,
        })?
        .into_temp_path();
    // DuckDB wants to create the file itself.
    fs::remove_file(&tmp).map_err(|source| StoreError::Io {
        path: tmp.to_path_buf(),
        source,
    })?;
    let build_error = |source| StoreError::Build {
        path: path.clone(),
        data_dir: data_dir.to_path_buf(),
        source,
    };
    {
        let conn = Connection::open(&tmp).map_err(build_error)?;
        db::build(&conn, data_dir).map_err(build_error)?;
    }
    fs::rename(&tmp, &path).map_err(|source| StoreError::Io {
        path: path.clone(),
        source,
    })?;
    remove_other_versions(db_dir, &path);
    tracing::info!(path = %path.display(), %version, "built database");
    Ok((path, version))
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

/// Read-only connections to one database file, used from blocking threads.
/// Queries never run on the async runtime's workers.
pub struct Database {
    connections: Mutex<Vec<Connection>>,
    permits: Semaphore,
}

#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    #[error(transparent)]
    Db(#[from] duckdb::Error),
    #[error("database worker failed: {0}")]
    Worker(String),
}

impl Database {
    pub fn open_read_only(path: &Path, size: usize) -> Result<Database, StoreError> {
        let open_error = |source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        };
        if !path.is_file() {
            return Err(StoreError::Io {
                path: path.to_path_buf(),
                source: io::Error::new(io::ErrorKind::NotFound, "no database file here"),
            });
        }
        let config = Config::default()
            .access_mode(AccessMode::ReadOnly)
            .map_err(open_error)?;
        let first = Connection::open_with_flags(path, config).map_err(open_error)?;
        let mut connections = Vec::with_capacity(size.max(1));
        for _ in 1..size.max(1) {
            connections.push(first.try_clone().map_err(open_error)?);
        }
        connections.push(first);
        let permits = Semaphore::new(connections.len());
        Ok(Database {
            connections: Mutex::new(connections),
            permits,
        })
    }

    /// Runs `work` with a connection of the pool on a blocking thread.
    pub async fn run<T, F>(self: &Arc<Self>, work: F) -> Result<T, QueryError>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> Result<T, duckdb::Error> + Send + 'static,
    {
        let _permit = self
            .permits
            .acquire()
            .await
            .map_err(|e| QueryError::Worker(e.to_string()))?;
        let db = Arc::clone(self);
        tokio::task::spawn_blocking(move || {
            let conn = db
                .take()
                .ok_or_else(|| QueryError::Worker("no free connection".into()))?;
            let result = work(&conn);
            db.give_back(conn);
            result.map_err(QueryError::from)
        })
        .await
        .map_err(|e| QueryError::Worker(e.to_string()))?
    }

    fn take(&self) -> Option<Connection> {
        self.connections
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .pop()
    }

    fn give_back(&self, conn: Connection) {
        self.connections
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .push(conn);
    }

    /// Runs `work` on the calling thread: for start-up, before serving.
    pub fn run_now<T>(
        &self,
        work: impl FnOnce(&Connection) -> Result<T, duckdb::Error>,
    ) -> Result<T, QueryError> {
        let conn = self
            .take()
            .ok_or_else(|| QueryError::Worker("no free connection".into()))?;
        let result = work(&conn);
        self.give_back(conn);
        Ok(result?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write_all(dir: &Path, text: &str) {
        for (file, _, _) in db::DATA_FILES {
            fs::write(dir.join(file), text).expect("write");
        }
    }

    fn contents(dir: &Path) -> Vec<String> {
        db::DATA_FILES
            .iter()
            .map(|(file, _, _)| fs::read_to_string(dir.join(file)).unwrap_or_default())
            .collect()
    }

    #[test]
    fn a_swap_cut_short_after_its_journal_is_completed() {
        let data = tempfile::tempdir().expect("temp dir");
        write_all(data.path(), "old");
        let scratch = data.path().join(format!("{SCRATCH_PREFIX}test"));
        fs::create_dir(&scratch).expect("mkdir");
        write_all(&scratch, "new");
        // The journal is in place and the first two files have moved: the
        // state a kill in the middle of the renames leaves.
        fs::write(
            data.path().join(SWAP_JOURNAL),
            format!("{SCRATCH_PREFIX}test"),
        )
        .expect("journal");
        for (file, _, _) in &db::DATA_FILES[..2] {
            fs::rename(scratch.join(file), data.path().join(file)).expect("rename");
        }
        finish_interrupted_swap(data.path()).expect("recovery");
        assert!(contents(data.path()).iter().all(|c| c == "new"));
        assert!(!scratch.exists() && !data.path().join(SWAP_JOURNAL).exists());
    }

    #[test]
    fn a_scratch_folder_without_journal_is_dropped_and_data_kept() {
        let data = tempfile::tempdir().expect("temp dir");
        write_all(data.path(), "old");
        let scratch = data.path().join(format!("{SCRATCH_PREFIX}killed"));
        fs::create_dir(&scratch).expect("mkdir");
        write_all(&scratch, "new");
        finish_interrupted_swap(data.path()).expect("recovery");
        assert!(contents(data.path()).iter().all(|c| c == "old"));
        assert!(!scratch.exists());
    }

    #[test]
    fn a_journal_killed_while_written_is_dropped_with_its_scratch_folder() {
        let data = tempfile::tempdir().expect("temp dir");
        write_all(data.path(), "old");
        let scratch = data.path().join(format!("{SCRATCH_PREFIX}killed"));
        fs::create_dir(&scratch).expect("mkdir");
        write_all(&scratch, "new");
        // Killed after writing the pending journal, before renaming it.
        let pending = data.path().join(format!("{SWAP_JOURNAL}.new"));
        fs::write(&pending, format!("{SCRATCH_PREFIX}killed")).expect("pending journal");
        finish_interrupted_swap(data.path()).expect("recovery");
        assert!(contents(data.path()).iter().all(|c| c == "old"));
        assert!(!scratch.exists() && !pending.exists());
    }
}
