//! `tipstats ingest` killed with SIGKILL 20 times at points spread over its run:
//! `data/` always ends as the complete old set or the complete new one, and
//! the database already built from the old set stays intact.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread::sleep;
use std::time::Instant;

use duckdb::{AccessMode, Config, Connection};
use tipstats::{db, store};

/// Runs of the ingest; all but the last are killed.
const KILLS: u32 = 21;

fn workspace_root() -> PathBuf {
    // Read when run, not when compiled: the target directory is shared by
    // clones at other paths, and a binary built in one must not point at it.
    std::env::var_os("CARGO_MANIFEST_DIR")
        .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")), PathBuf::from)
        .as_path()
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

/// Every data file's bytes, in `DATA_FILES` order.
fn data_set(dir: &Path) -> Vec<Vec<u8>> {
    db::DATA_FILES
        .iter()
        .map(|(file, _, _)| fs::read(dir.join(file)).unwrap_or_default())
        .collect()
}

fn write_set(dir: &Path, set: &[Vec<u8>]) {
    for ((file, _, _), bytes) in db::DATA_FILES.iter().zip(set) {
        fs::write(dir.join(file), bytes).expect("write data file");
    }
}

#[test]
fn a_killed_ingest_leaves_the_old_data_or_the_new_never_a_mix() {
    // The tests' trimmed copies of the publishers' files (tests/fixtures).
    let sources = workspace_root().join("tests/fixtures/raw");
    let ingest = |data_dir: &Path| {
        Command::new(env!("CARGO_BIN_EXE_tipstats"))
            .args(["ingest", "--source-dir"])
            .arg(&sources)
            .arg("--data-dir")
            .arg(data_dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start tipstats ingest")
    };
    // A whole ingest makes the new set, and says how long one takes here,
    // to spread the kills over it.
    let whole = tempfile::tempdir().expect("temp dir");
    let started = Instant::now();
    let status = ingest(whole.path()).wait().expect("ingest runs");
    assert!(status.success());
    let full_run = started.elapsed();
    let new_set = data_set(whole.path());
    // The old set differs from the new in one cell, and is a valid data set.
    let mut old_set = new_set.clone();
    let sources_csv = String::from_utf8(old_set[0].clone()).expect("utf-8");
    assert!(sources_csv.contains("2025-04-14"));
    old_set[0] = sources_csv.replace("2025-04-14", "2025-04-13").into_bytes();

    let data = tempfile::tempdir().expect("temp dir");
    let db_dir = tempfile::tempdir().expect("temp dir");
    write_set(data.path(), &old_set);
    let (old_db, _) = store::ensure_database(data.path(), db_dir.path()).expect("old database");

    let (mut ended_old, mut ended_new) = (0, 0);
    for kill in 0..KILLS {
        write_set(data.path(), &old_set);
        // From the start to twice a whole run (process start-up varies).
        let delay = full_run * 2 * kill / KILLS;
        let mut child = ingest(data.path());
        if kill + 1 < KILLS {
            sleep(delay);
            let _ = child.kill();
        }
        // The last run is left to finish, so that however slow this machine
        // is, at least one run reaches the new set.
        let _ = child.wait();
        store::finish_interrupted_swap(data.path()).expect("recovery");
        let found = data_set(data.path());
        if found == old_set {
            ended_old += 1;
        } else if found == new_set {
            ended_new += 1;
        } else {
            panic!("run {kill}, killed after {delay:?}, left a mix of old and new files");
        }
        let leftovers: Vec<_> = fs::read_dir(data.path())
            .expect("list")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with('.'))
            .collect();
        assert!(leftovers.is_empty(), "kill {kill} left {leftovers:?}");
    }
    eprintln!(
        "{} kills and one whole run over a {full_run:?} ingest: {ended_old} left the old set, {ended_new} the new",
        KILLS - 1
    );
    assert!(
        ended_old > 0 && ended_new > 0,
        "the kills must land both before and after the swap"
    );

    // The database built from the old set is untouched and still opens.
    let config = Config::default()
        .access_mode(AccessMode::ReadOnly)
        .expect("config");
    let conn = Connection::open_with_flags(&old_db, config).expect("old database opens");
    let retrieved: String = conn
        .query_row(
            "SELECT CAST(retrieved AS VARCHAR) FROM sources WHERE id = 'unodc-glotip'",
            [],
            |r| r.get(0),
        )
        .expect("query");
    assert_eq!(retrieved, "2025-04-13");
    // And the data now in place builds a database too.
    drop(conn);
    store::ensure_database(data.path(), db_dir.path()).expect("database from the surviving set");
}
