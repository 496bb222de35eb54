//! Limits and hostile input: rate limits on heavy endpoints, paths that try
//! to leave the assets folder, a missing data file at start, a full disk,
//! an ingest while serving. A damaged database file: `damage.rs`.

use tipstats::{Application, ServeConfig};
use tipstats_tests::{spawn_app, spawn_app_limited, workspace_root};

#[tokio::test]
async fn heavy_endpoints_answer_429_with_retry_after_past_the_clients_limit() {
    // 8 a minute: a burst of 2, then one every 7.5 s.
    let app = spawn_app_limited(8).await;
    let png = "/chart.png?indicator=glotip.victims&region=USA";
    let mut statuses = Vec::new();
    for _ in 0..4 {
        statuses.push(app.get(png).await.status().as_u16());
    }
    assert_eq!(statuses, [200, 200, 429, 429]);
    let limited = app
        .get("/api/v1/export?indicator=glotip.victims&format=csv")
        .await;
    assert_eq!(limited.status(), 429);
    let retry = limited
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    assert!(retry.is_some_and(|s| (1..=8).contains(&s)), "{retry:?}");
    let problem: serde_json::Value = limited.json().await.expect("problem");
    assert_eq!(problem["status"], 429);
    // Light endpoints are not limited, and a revalidation costs nothing.
    for _ in 0..20 {
        assert_eq!(
            app.get("/api/v1/series?indicator=glotip.victims")
                .await
                .status(),
            200
        );
    }
    let first = app
        .client
        .get(app.url("/chart.svg?indicator=glotip.victims"))
        .send()
        .await
        .expect("GET");
    let etag = first.headers().get("etag").cloned().expect("etag");
    let again = app
        .client
        .get(app.url(png))
        .header("if-none-match", etag)
        .send()
        .await
        .expect("GET");
    assert_ne!(again.status(), 200, "a 304 or a 429, never a new image");
}

#[tokio::test]
async fn paths_that_leave_the_assets_folder_are_not_found() {
    let app = spawn_app().await;
    for path in [
        "/../Cargo.toml",
        "/..%2fCargo.toml",
        "/%2e%2e/Cargo.toml",
        "/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/style.css/../../Cargo.toml",
        "/embed.css/..%2f..%2fREADME.md",
    ] {
        let response = app
            .client
            .get(format!("http://{}{path}", app.addr))
            .send()
            .await
            .expect("GET");
        assert!(
            response.status() == 404 || response.status() == 400,
            "{path}: {}",
            response.status()
        );
        let body = response.text().await.unwrap_or_default();
        assert!(
            !body.contains("[workspace]") && !body.contains("root:"),
            "{path} leaked a file"
        );
    }
}

fn config(data_dir: std::path::PathBuf, db_dir: std::path::PathBuf) -> ServeConfig {
    ServeConfig {
        addr: std::net::SocketAddr::from(([127, 0, 0, 1], 0)),
        data_dir,
        db_dir,
        assets_dir: workspace_root().join("frontend/dist"),
        connections: 2,
        public_url: None,
        heavy_per_minute: 60,
    }
}

#[tokio::test]
async fn a_missing_data_file_stops_the_start_with_a_message_naming_it() {
    let data = tempfile::tempdir().expect("temp dir");
    let db = tempfile::tempdir().expect("temp dir");
    for file in ["sources.csv", "indicators.csv"] {
        std::fs::copy(
            workspace_root().join("data").join(file),
            data.path().join(file),
        )
        .expect("copy");
    }
    let error = match Application::build(config(data.path().into(), db.path().into())).await {
        Ok(_) => panic!("started without its data"),
        Err(e) => format!("{e:#}"),
    };
    assert!(
        error.contains("regions.csv") && error.contains("tipstats ingest"),
        "{error}"
    );
}

/// A small tmpfs mounted for the test's life.
struct SmallDisk(tempfile::TempDir);

impl SmallDisk {
    fn mount(megabytes: u64) -> SmallDisk {
        let dir = tempfile::tempdir().expect("temp dir");
        let status = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={megabytes}m"), "tmpfs"])
            .arg(dir.path())
            .status();
        assert!(
            status.is_ok_and(|s| s.success()),
            "cannot mount a tmpfs at {} (the test runs as root, or under CI)",
            dir.path().display()
        );
        SmallDisk(dir)
    }

    /// Fills the disk but for `free` bytes, with a file outside `data/`.
    fn fill_leaving(&self, free: u64) {
        let filler = self.0.path().join("filler");
        let mut file = std::fs::File::create(&filler).expect("filler");
        let block = vec![1u8; 64 * 1024];
        loop {
            let available = available_bytes(self.0.path());
            if available <= free {
                break;
            }
            let step = usize::try_from((available - free).min(block.len() as u64)).expect("small");
            if std::io::Write::write_all(&mut file, &block[..step]).is_err() {
                break;
            }
        }
        file.sync_all().expect("sync filler");
    }
}

/// Free bytes on the file system holding `path`, as `df` reports them.
fn available_bytes(path: &std::path::Path) -> u64 {
    let out = std::process::Command::new("df")
        .args(["--output=avail", "-B1"])
        .arg(path)
        .output()
        .expect("df");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .nth(1)
        .and_then(|line| line.trim().parse().ok())
        .expect("df's figure")
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg(self.0.path())
            .status();
    }
}

#[test]
#[cfg_attr(not(can_mount), ignore = "needs root, to mount a small tmpfs")]
fn an_ingest_on_a_full_disk_fails_clearly_and_keeps_the_data() {
    let sources = tipstats_tests::fixture_source_dir();
    let committed = workspace_root().join("data");
    let size: u64 = tipstats::db::DATA_FILES
        .iter()
        .map(|(file, _, _)| std::fs::metadata(committed.join(file)).map_or(0, |m| m.len()))
        .sum();
    let disk = SmallDisk::mount(size * 3 / 2 / 1_000_000 + 2);
    let data = disk.0.path().join("data");
    std::fs::create_dir(&data).expect("mkdir");
    for (file, _, _) in tipstats::db::DATA_FILES {
        std::fs::copy(committed.join(file), data.join(file)).expect("copy");
    }
    // Room for a sliver of a new set only.
    disk.fill_leaving(64 * 1024);
    let before: Vec<Vec<u8>> = tipstats::db::DATA_FILES
        .iter()
        .map(|(file, _, _)| std::fs::read(data.join(file)).expect("read"))
        .collect();
    let error = match tipstats::ingest::run(&sources, &data, false) {
        Ok(_) => panic!("an ingest fitted in 64 KiB"),
        Err(e) => e.to_string(),
    };
    assert!(
        error.contains("No space left on device") || error.contains("space"),
        "{error}"
    );
    let after: Vec<Vec<u8>> = tipstats::db::DATA_FILES
        .iter()
        .map(|(file, _, _)| std::fs::read(data.join(file)).expect("read"))
        .collect();
    assert!(before == after, "the served files changed");
    // Nothing of the failed ingest is left behind.
    let left: Vec<String> = std::fs::read_dir(&data)
        .expect("list")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with('.'))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn an_ingest_swapping_data_in_while_serving_fails_no_request() {
    let sources = tipstats_tests::fixture_source_dir();
    let data = tempfile::tempdir().expect("temp dir");
    let db = tempfile::tempdir().expect("temp dir");
    for (file, _, _) in tipstats::db::DATA_FILES {
        std::fs::copy(
            workspace_root().join("data").join(file),
            data.path().join(file),
        )
        .expect("copy");
    }
    let app = Application::build(config(data.path().into(), db.path().into()))
        .await
        .expect("start");
    let addr = app.addr().expect("addr");
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(app.run_until(async move {
        let _ = stopped.await;
    }));
    let data_dir = data.path().to_path_buf();
    let ingest =
        tokio::task::spawn_blocking(move || tipstats::ingest::run(&sources, &data_dir, false));
    let client = reqwest::Client::new();
    let mut answered = 0;
    while !ingest.is_finished() || answered < 50 {
        let url = format!(
            "http://{addr}/api/v1/series?indicator=glotip.victims&region=019&from={}",
            2003 + answered % 20
        );
        let status = client.get(url).send().await.expect("GET").status();
        assert_eq!(status, 200, "request {answered} during the swap");
        answered += 1;
    }
    ingest.await.expect("joined").expect("the ingest succeeds");
    assert!(answered >= 50);
    let _ = stop.send(());
}
