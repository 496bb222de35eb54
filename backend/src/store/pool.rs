//! Read-only connections to one database file, used from blocking threads:
//! queries never run on the async runtime's workers. A connection is lent
//! as a [`Lease`] that goes back to the pool when dropped, so a panicking
//! query does not shrink the pool. A query that meets a damaged file turns
//! the pool away from it: answers fail fast with [`QueryError::Damaged`]
//! while the file is set aside and built again from `data/`, then the pool
//! serves the new file.

use std::ops::Deref;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use duckdb::{AccessMode, Config, Connection};
use tokio::sync::Semaphore;

use super::{StoreError, ensure_database, is_corruption, set_aside};

pub struct Database {
    path: PathBuf,
    data_dir: PathBuf,
    data_version: String,
    size: usize,
    pool: Mutex<Pool>,
    permits: Semaphore,
}

struct Pool {
    idle: Vec<Connection>,
    /// Raised when the file is found damaged: a connection lent before is
    /// dropped when given back instead of returning to `idle`.
    generation: u64,
    /// From the first sign of damage until the rebuilt file is open.
    damaged: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    #[error(transparent)]
    Db(#[from] duckdb::Error),
    #[error("the database file {0} is damaged; it is being built again from the data directory")]
    Damaged(PathBuf),
    #[error("database worker failed: {0}")]
    Worker(String),
}

/// A connection of the pool, given back when dropped (also by a panic).
struct Lease<'a> {
    db: &'a Database,
    conn: Option<Connection>,
    generation: u64,
}

impl Deref for Lease<'_> {
    type Target = Connection;
    fn deref(&self) -> &Connection {
        // Present from creation until drop.
        self.conn.as_ref().unwrap_or_else(|| unreachable!())
    }
}

impl Drop for Lease<'_> {
    fn drop(&mut self) {
        if let Some(conn) = self.conn.take() {
            let mut pool = self.db.pool();
            if pool.generation == self.generation {
                pool.idle.push(conn);
            }
        }
    }
}

impl Database {
    /// The database of `data_dir`'s current contents, built first if this
    /// data version has none, opened with `size` connections, and `check`'s
    /// result on it (the catalog, read at start). A file found damaged by
    /// the opening or by `check` is set aside and built again, once.
    pub fn open<T>(
        data_dir: &Path,
        db_dir: &Path,
        size: usize,
        check: impl Fn(&Connection, &str) -> Result<T, duckdb::Error>,
    ) -> Result<(Database, T), StoreError> {
        let (path, data_version) = ensure_database(data_dir, db_dir)?;
        let open = || -> Result<(Database, T), StoreError> {
            let idle = open_connections(&path, size)?;
            let checked = check(&idle[0], &data_version).map_err(|source| StoreError::Open {
                path: path.clone(),
                source,
            })?;
            let database = Database {
                path: path.clone(),
                data_dir: data_dir.to_path_buf(),
                data_version: data_version.clone(),
                size: idle.len(),
                permits: Semaphore::new(idle.len()),
                pool: Mutex::new(Pool {
                    idle,
                    generation: 0,
                    damaged: false,
                }),
            };
            Ok((database, checked))
        };
        match open() {
            Err(StoreError::Open { source, .. }) if is_corruption(&source) => {
                set_aside(data_dir, &path, &data_version)?;
                open()
            }
            other => other,
        }
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
        tokio::task::spawn_blocking(move || db.work(work))
            .await
            .map_err(|e| QueryError::Worker(e.to_string()))?
    }

    /// How many connections wait for work (all of them, when none is lent).
    pub fn idle(&self) -> usize {
        self.pool().idle.len()
    }

    fn work<T>(
        self: Arc<Self>,
        work: impl FnOnce(&Connection) -> Result<T, duckdb::Error>,
    ) -> Result<T, QueryError> {
        let lease = self.lease()?;
        let generation = lease.generation;
        let result = work(&lease);
        drop(lease);
        match result {
            Err(error) if is_corruption(&error) => {
                let path = self.path.clone();
                tracing::error!(path = %path.display(), %error, "the database file is damaged");
                if self.turn_away(generation) {
                    std::thread::spawn(move || self.rebuild());
                }
                Err(QueryError::Damaged(path))
            }
            other => Ok(other?),
        }
    }

    fn lease(&self) -> Result<Lease<'_>, QueryError> {
        let mut pool = self.pool();
        if pool.damaged {
            return Err(QueryError::Damaged(self.path.clone()));
        }
        let conn = pool
            .idle
            .pop()
            .ok_or_else(|| QueryError::Worker("no free connection".into()))?;
        Ok(Lease {
            db: self,
            conn: Some(conn),
            generation: pool.generation,
        })
    }

    /// Stops lending connections to the damaged file; true for the one call
    /// that should start the rebuild.
    fn turn_away(&self, generation: u64) -> bool {
        let mut pool = self.pool();
        if pool.damaged || pool.generation != generation {
            return false;
        }
        pool.damaged = true;
        pool.generation += 1;
        pool.idle.clear();
        true
    }

    /// Sets the damaged file aside, builds it again and lends connections to
    /// the new file. If that fails the data answers stay 503 until a restart
    /// (which tries again), and the log says why.
    fn rebuild(&self) {
        let rebuilt = set_aside(&self.data_dir, &self.path, &self.data_version)
            .and_then(|_| open_connections(&self.path, self.size));
        match rebuilt {
            Ok(idle) => {
                let mut pool = self.pool();
                pool.idle = idle;
                pool.damaged = false;
                tracing::info!(path = %self.path.display(), "serving the rebuilt database");
            }
            Err(error) => tracing::error!(
                path = %self.path.display(), %error,
                "the damaged database could not be built again; data answers fail until a restart"
            ),
        }
    }

    fn pool(&self) -> MutexGuard<'_, Pool> {
        self.pool
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// `size` (at least one) read-only connections to the file at `path`.
fn open_connections(path: &Path, size: usize) -> Result<Vec<Connection>, StoreError> {
    let open_error = |source| StoreError::Open {
        path: path.to_path_buf(),
        source,
    };
    if !path.is_file() {
        return Err(StoreError::Io {
            path: path.to_path_buf(),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "no database file here"),
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
    Ok(connections)
}
