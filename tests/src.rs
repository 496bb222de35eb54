//! The shared harness of the integration tests: the real server on a free
//! loopback port over a real database built from the committed `data/`, an
//! HTTP client, and headless Chromium driven through chromedriver.

use std::net::{SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use tipstats::{Application, ServeConfig};
use tokio::sync::oneshot;

pub fn workspace_root() -> PathBuf {
    // Read when run, not when compiled: the target directory is shared by
    // clones at other paths, and a binary built in one must not point at it.
    std::env::var_os("CARGO_MANIFEST_DIR")
        .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")), PathBuf::from)
        .as_path()
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

/// Trimmed copies of every publisher's raw file, committed (made from
/// `../shared/data` by `cargo xtask fixtures`): the ingest's checks, errors,
/// swap, kill and full-disk paths run on them on any clone.
pub fn fixture_source_dir() -> PathBuf {
    workspace_root().join("tests/fixtures/raw")
}

/// Copies the folder `from` into `to`, subfolders too.
pub fn copy_dir(from: &Path, to: &Path) {
    let fail = |what: &str, path: &Path, e: std::io::Error| -> ! {
        panic!("cannot {what} {}: {e}", path.display())
    };
    let entries = std::fs::read_dir(from).unwrap_or_else(|e| fail("read", from, e));
    for entry in entries {
        let entry = entry.unwrap_or_else(|e| fail("read", from, e));
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            std::fs::create_dir_all(&target).unwrap_or_else(|e| fail("create", &target, e));
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap_or_else(|e| fail("copy to", &target, e));
        }
    }
}

/// Runs `script` with the Python of the independent readers (frictionless,
/// bibtexparser, rispy, feedparser, pandas; `scripts/test` installs them
/// and names the interpreter in `TIPSTATS_PYTHON`), `args` as its
/// `sys.argv[1:]`; returns what it printed, or fails with what it said.
/// It blocks: a test whose script asks the test's server runs on several
/// threads (`#[tokio::test(flavor = "multi_thread")]`).
pub fn python(script: &str, args: &[&str]) -> String {
    let python = std::env::var_os("TIPSTATS_PYTHON").unwrap_or_else(|| {
        panic!(
            "TIPSTATS_PYTHON is not set: run scripts/test, or `source scripts/env.sh; python_tools`"
        )
    });
    let output = Command::new(&python)
        .arg("-c")
        .arg(script)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", PathBuf::from(&python).display()));
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "the Python reader failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
}

/// The publishers' whole raw files: `../shared/data` beside the repository,
/// or `TIPSTATS_SOURCE_DIR`. The tests that need them are ignored, with the
/// reason in cargo's summary, on a machine without them (see `build.rs`),
/// but not under CI: there they run, and fail here naming the folder.
pub fn full_source_dir() -> PathBuf {
    let dir = std::env::var_os("TIPSTATS_SOURCE_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("../shared/data"));
    assert!(
        dir.is_dir(),
        "the publishers' raw files are not at {}: put them there or name them with TIPSTATS_SOURCE_DIR",
        dir.display()
    );
    dir
}

/// One database directory for the whole test process: the database is built
/// once from `data/` and every server of the process shares it read-only.
fn db_dir() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        tempfile::tempdir().unwrap_or_else(|e| panic!("cannot make a temp dir: {e}"))
    })
    .path()
}

/// A running server; it stops when dropped.
pub struct TestServer {
    pub addr: SocketAddr,
    pub client: reqwest::Client,
    _shutdown: oneshot::Sender<()>,
}

impl TestServer {
    /// The views of CTDC's record-level figures a privacy test tries: the
    /// world and its regions, in total and by each breakdown the catalog
    /// lists (query strings without the leading '?').
    pub async fn ctdc_views(&self) -> Vec<String> {
        let catalog: tipstats_shared::Catalog = self.get_json("/api/v1/catalog").await;
        let indicator = catalog
            .indicator("ctdc.victims")
            .unwrap_or_else(|| panic!("the catalog has no ctdc.victims"));
        let by = indicator
            .breakdowns
            .iter()
            .map(|b| format!("&by={}", b.replace(' ', "+")));
        std::iter::once(String::new())
            .chain(by)
            .map(|by| format!("indicator=ctdc.victims&region=001,002,142,150,X19{by}"))
            .collect()
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .unwrap_or_else(|e| panic!("GET {path}: {e}"))
    }

    pub async fn get_json<T: serde::de::DeserializeOwned>(&self, path: &str) -> T {
        let response = self.get(path).await;
        assert_eq!(response.status(), 200, "GET {path}");
        response
            .json()
            .await
            .unwrap_or_else(|e| panic!("GET {path}: bad JSON: {e}"))
    }
}

/// Starts the application on 127.0.0.1 with a free port.
pub async fn spawn_app() -> TestServer {
    spawn_app_limited(10_000).await
}

/// As [`spawn_app`], with `heavy_per_minute` requests a minute allowed to
/// each client on the heavy endpoints.
pub async fn spawn_app_limited(heavy_per_minute: u32) -> TestServer {
    spawn(ServeConfig {
        heavy_per_minute,
        ..app_config()
    })
    .await
}

/// As [`spawn_app`], reached by the world at `public_url`.
pub async fn spawn_app_at(public_url: &str) -> TestServer {
    spawn(ServeConfig {
        public_url: Some(public_url.into()),
        ..app_config()
    })
    .await
}

/// The test server's configuration: the committed data, a shared database
/// folder, the built dashboard.
pub fn app_config() -> ServeConfig {
    let root = workspace_root();
    ServeConfig {
        addr: SocketAddr::from(([127, 0, 0, 1], 0)),
        data_dir: root.join("data"),
        db_dir: db_dir().to_path_buf(),
        assets_dir: root.join("frontend/dist"),
        connections: 4,
        public_url: None,
        heavy_per_minute: 10_000,
    }
}

async fn spawn(config: ServeConfig) -> TestServer {
    let app = Application::build(config)
        .await
        .unwrap_or_else(|e| panic!("server failed to start: {e:#}"));
    let addr = app.addr().unwrap_or_else(|e| panic!("no address: {e}"));
    let (shutdown, stopped) = oneshot::channel::<()>();
    tokio::spawn(app.run_until(async move {
        let _ = stopped.await;
    }));
    TestServer {
        addr,
        client: reqwest::Client::new(),
        _shutdown: shutdown,
    }
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or_else(|e| panic!("no free port: {e}"))
}

/// chromedriver on a free port, with headless Chromium; both end on drop.
pub struct Browser {
    pub client: fantoccini::Client,
    _driver: DriverProcess,
    _profile: tempfile::TempDir,
}

impl Browser {
    pub async fn start(width: u32, height: u32) -> Browser {
        let port = free_port();
        let driver = DriverProcess(
            Command::new(
                std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into()),
            )
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| {
                panic!("cannot start chromedriver (run scripts/test, which installs it): {e}")
            }),
        );
        let profile = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
        let args = vec![
            "--headless=new".to_string(),
            "--no-sandbox".into(),
            "--disable-gpu".into(),
            "--disable-quic".into(),
            "--no-first-run".into(),
            "--disable-background-networking".into(),
            "--disable-component-update".into(),
            "--disable-sync".into(),
            "--disable-dev-shm-usage".into(),
            format!("--window-size={width},{height}"),
            format!("--user-data-dir={}", profile.path().display()),
        ];
        let mut options = serde_json::json!({
            "binary": std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()),
            "args": args,
        });
        // A desktop window cannot be narrower than about 500 pixels; a phone
        // is emulated instead.
        if width < 500 {
            options["mobileEmulation"] = serde_json::json!({
                "deviceMetrics": {"width": width, "height": height, "pixelRatio": 1.0, "mobile": true, "touch": true}
            });
        }
        let mut capabilities = serde_json::Map::new();
        capabilities.insert("goog:chromeOptions".into(), options);
        let url = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(20);
        let client = loop {
            let connector = hyper_util::client::legacy::connect::HttpConnector::new();
            match fantoccini::ClientBuilder::new(connector)
                .capabilities(capabilities.clone())
                .connect(&url)
                .await
            {
                Ok(client) => break client,
                Err(e) if Instant::now() > deadline => {
                    panic!("cannot start a browser session: {e}")
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(200)).await,
            }
        };
        Browser {
            client,
            _driver: driver,
            _profile: profile,
        }
    }

    /// Polls `check` until it returns `Some`, or fails the test after `timeout`.
    pub async fn wait_for<T, F, Fut>(&self, what: &str, timeout: Duration, mut check: F) -> T
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Option<T>>,
    {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(value) = check().await {
                return value;
            }
            if Instant::now() > deadline {
                panic!("timed out waiting for {what}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Runs a script in the page and returns its JSON result.
    pub async fn eval(&self, script: &str) -> serde_json::Value {
        self.client
            .execute(script, vec![])
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Saves a screenshot under `tests/artifacts/` for people to look at.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        let png = self
            .client
            .screenshot()
            .await
            .unwrap_or_else(|e| panic!("screenshot: {e}"));
        let dir = workspace_root().join("tests/artifacts");
        let _ = std::fs::create_dir_all(&dir);
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, png).unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
        path
    }

    /// Fails when the page scrolls sideways (a phone's column must hold it).
    pub async fn assert_no_sideways_scrolling(&self) {
        let overflow = self
            .eval("return document.documentElement.scrollWidth - window.innerWidth;")
            .await;
        assert!(
            overflow.as_i64().is_some_and(|o| o <= 0),
            "the page scrolls sideways by {overflow} pixels"
        );
    }

    /// What axe-core finds on the page as it is now: every violation of
    /// any impact, as "rule (impact): elements". axe-core comes from npm
    /// (`scripts/test` installs it; `AXE_CORE` names its script).
    pub async fn accessibility_violations(&self) -> Vec<String> {
        let path = std::env::var("AXE_CORE")
            .map(PathBuf::from)
            .unwrap_or_else(|_| {
                let home = std::env::var("HOME").unwrap_or_default();
                PathBuf::from(home)
                    .join(".cache/tipstats/axe-core-4.14.1/node_modules/axe-core/axe.min.js")
            });
        let axe = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "cannot read axe-core at {} (run scripts/test, which installs it): {e}",
                path.display()
            )
        });
        self.eval(&format!("{axe}\nreturn true;")).await;
        let found = self
            .client
            .execute_async(
                "const done = arguments[0];
                 axe.run(document, {resultTypes: ['violations']})
                   .then(r => done(r.violations.map(v => `${v.id} (${v.impact}): ${v.nodes.map(n => n.target.join(' ')).join(', ')}`)))
                   .catch(e => done([`axe failed: ${e}`]));",
                vec![],
            )
            .await
            .unwrap_or_else(|e| panic!("axe-core: {e}"));
        serde_json::from_value(found).unwrap_or_else(|e| panic!("axe-core's answer: {e}"))
    }

    pub async fn close(self) {
        let _ = self.client.clone().close().await;
    }
}

/// Kills chromedriver (and so its browser) when the test ends, even by panic.
struct DriverProcess(Child);

impl Drop for DriverProcess {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}
