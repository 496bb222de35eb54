//! A database file damaged on disk, at start or while serving, is set aside
//! (kept for inspection) and built again from `data/`; meanwhile answers are
//! 503 with `Retry-After`, never a 500 or a stop. And the pool of
//! connections survives a query that panics.

use std::io::{Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use tipstats::store::{self, Database};
use tipstats::{Application, ServeConfig};
use tipstats_tests::workspace_root;

/// USA, 2022: UNODC's detected victims.
const KNOWN: &str = "/api/v1/series?indicator=glotip.victims&region=USA&from=2022&to=2022";

fn config(db_dir: &Path) -> ServeConfig {
    ServeConfig {
        addr: std::net::SocketAddr::from(([127, 0, 0, 1], 0)),
        data_dir: workspace_root().join("data"),
        db_dir: db_dir.to_path_buf(),
        assets_dir: workspace_root().join("frontend/dist"),
        connections: 2,
        public_url: None,
        heavy_per_minute: 600,
    }
}

/// The database file of the committed data, built in `db_dir`.
fn built_database(db_dir: &Path) -> PathBuf {
    store::ensure_database(&workspace_root().join("data"), db_dir)
        .expect("database")
        .0
}

/// Writes `length` bytes of noise into `file` at `offset`.
fn damage(file: &Path, offset: u64, length: usize) {
    let mut noise = vec![0u8; length];
    let mut state: u32 = 0x9e37_79b9;
    for byte in &mut noise {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        *byte = state.to_le_bytes()[0];
    }
    let mut handle = std::fs::OpenOptions::new()
        .write(true)
        .open(file)
        .expect("open the database file");
    handle.seek(SeekFrom::Start(offset)).expect("seek");
    handle.write_all(&noise).expect("write noise");
    handle.sync_all().expect("sync");
}

/// The files set aside as damaged in `db_dir`.
fn set_aside(db_dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(db_dir)
        .expect("list")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().contains(".duckdb.damaged-"))
        .collect()
}

struct Running {
    base: String,
    stop: tokio::sync::oneshot::Sender<()>,
}

async fn serve(db_dir: &Path) -> Running {
    let app = tokio::time::timeout(Duration::from_secs(120), Application::build(config(db_dir)))
        .await
        .expect("no hang")
        .expect("starts despite the damage");
    let base = format!("http://{}", app.addr().expect("addr"));
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(app.run_until(async move {
        let _ = stopped.await;
    }));
    Running { base, stop }
}

/// Asks `path` until it answers 200 (at most a minute): every other answer
/// must be a 503 problem document with `Retry-After`. Returns the answer's
/// JSON and how many 503s came first.
async fn until_answered(base: &str, path: &str) -> (serde_json::Value, usize) {
    let client = reqwest::Client::new();
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut unavailable = 0;
    loop {
        let response = client
            .get(format!("{base}{path}"))
            .send()
            .await
            .expect("GET");
        let status = response.status().as_u16();
        if status == 200 {
            return (response.json().await.expect("JSON"), unavailable);
        }
        assert_eq!(status, 503, "{path}: only a 503 may come before the answer");
        assert!(response.headers().contains_key("retry-after"));
        let problem: serde_json::Value = response.json().await.expect("problem");
        assert_eq!(problem["status"], 503);
        unavailable += 1;
        assert!(
            Instant::now() < deadline,
            "{path}: no answer within a minute"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

fn usa_2022(answer: &serde_json::Value) -> i64 {
    answer["rows"][0]["value"].as_i64().expect("a value")
}

#[tokio::test(flavor = "multi_thread")]
async fn a_damaged_header_is_set_aside_and_the_file_rebuilt_at_start() {
    let db_dir = tempfile::tempdir().expect("temp dir");
    let file = built_database(db_dir.path());
    damage(&file, 0, 4096);
    let running = serve(db_dir.path()).await;
    assert_eq!(
        set_aside(db_dir.path()).len(),
        1,
        "the damaged file is kept"
    );
    let (answer, unavailable) = until_answered(&running.base, KNOWN).await;
    assert_eq!((usa_2022(&answer), unavailable), (16_390, 0));
    let _ = running.stop.send(());
}

#[tokio::test(flavor = "multi_thread")]
async fn a_file_that_is_no_database_is_set_aside_and_rebuilt() {
    let db_dir = tempfile::tempdir().expect("temp dir");
    let file = built_database(db_dir.path());
    std::fs::write(&file, b"this is not a DuckDB database").expect("write");
    let running = serve(db_dir.path()).await;
    assert_eq!(set_aside(db_dir.path()).len(), 1);
    let (answer, _) = until_answered(&running.base, KNOWN).await;
    assert_eq!(usa_2022(&answer), 16_390);
    let _ = running.stop.send(());
}

/// 40 KB in: inside the first block, which holds the catalog.
#[tokio::test(flavor = "multi_thread")]
async fn a_damaged_middle_block_is_set_aside_and_the_file_rebuilt() {
    let db_dir = tempfile::tempdir().expect("temp dir");
    let file = built_database(db_dir.path());
    damage(&file, 40 * 1024, 4096);
    let running = serve(db_dir.path()).await;
    let (answer, _) = until_answered(&running.base, KNOWN).await;
    assert_eq!(usa_2022(&answer), 16_390);
    assert_eq!(
        set_aside(db_dir.path()).len(),
        1,
        "the damaged file is kept"
    );
    let _ = running.stop.send(());
}

/// Damage that only a query meets: the blocks behind the first are
/// overwritten while the server runs, and the first query that reads one
/// turns the pool away from the file until it is built again.
#[tokio::test(flavor = "multi_thread")]
async fn damage_met_while_serving_answers_503_then_the_rebuilt_figures() {
    let db_dir = tempfile::tempdir().expect("temp dir");
    let file = built_database(db_dir.path());
    let running = serve(db_dir.path()).await;
    let length = std::fs::metadata(&file).expect("size").len();
    let first_block_end = 12 * 1024 + 256 * 1024;
    damage(
        &file,
        first_block_end,
        usize::try_from(length - first_block_end).expect("small"),
    );
    let (answer, unavailable) = until_answered(&running.base, KNOWN).await;
    assert_eq!(usa_2022(&answer), 16_390);
    assert!(unavailable > 0, "the damage was met and answered 503");
    assert_eq!(
        set_aside(db_dir.path()).len(),
        1,
        "the damaged file is kept"
    );
    let _ = running.stop.send(());
}

/// A query that panics gives its connection back: the pool stays whole.
#[tokio::test(flavor = "multi_thread")]
async fn a_panicking_query_leaves_the_pool_whole() {
    let db_dir = tempfile::tempdir().expect("temp dir");
    let (db, ()) = Database::open(&workspace_root().join("data"), db_dir.path(), 2, |_, _| {
        Ok(())
    })
    .expect("open");
    let db = Arc::new(db);
    for _ in 0..3 {
        let failed = db
            .run(|_| -> Result<(), duckdb::Error> { panic!("a bug in a query") })
            .await;
        assert!(failed.is_err());
    }
    assert_eq!(db.idle(), 2);
    let both = tokio::join!(
        db.run(
            |conn| conn.query_row("SELECT count(*) FROM indicators", [], |r| r
                .get::<_, i64>(0))
        ),
        db.run(|conn| conn.query_row("SELECT count(*) FROM regions", [], |r| r.get::<_, i64>(0))),
    );
    assert!(both.0.expect("first") > 0 && both.1.expect("second") > 0);
}
