//! The static copy (`tipstats bake`) served by nginx, as object storage or
//! a CDN would serve it: its files are the live server's answers, its
//! pages' links lead to files it holds, and the dashboard shows a baked
//! view from it and says when a view needs the live site.

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::Locator;
use tipstats::bake::{Scope, baked_path};
use tipstats_tests::{Browser, app_config, free_port, spawn_app_at};

const PUBLIC: &str = "https://stats.example";
const INDICATOR: &str = "sesnsp.trata.victims";

/// nginx serving a folder on a free loopback port; stopped on drop.
struct Nginx {
    child: Child,
    port: u16,
    _conf: tempfile::TempDir,
}

impl Nginx {
    fn serve(root: &std::path::Path) -> Nginx {
        let conf = tempfile::tempdir().expect("temp dir");
        let port = free_port();
        let dir = conf.path().display();
        let text = format!(
            "worker_processes 1; pid {dir}/nginx.pid; error_log {dir}/error.log; daemon off;
             events {{ worker_connections 64; }}
             http {{
                 include /etc/nginx/mime.types; default_type application/json;
                 types {{ text/csv csv; }}
                 access_log off;
                 client_body_temp_path {dir}; proxy_temp_path {dir}; fastcgi_temp_path {dir};
                 uwsgi_temp_path {dir}; scgi_temp_path {dir};
                 server {{ listen 127.0.0.1:{port}; root {root};
                          location / {{ try_files $uri $uri/index.html =404; }} }}
             }}",
            root = root.display()
        );
        std::fs::write(conf.path().join("nginx.conf"), text).expect("nginx.conf");
        let child = Command::new("nginx")
            .arg("-c")
            .arg(conf.path().join("nginx.conf"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start nginx (scripts/test installs it): {e}"));
        Nginx {
            child,
            port,
            _conf: conf,
        }
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_static_copy_served_by_nginx_is_the_live_sites_answers() {
    let live = spawn_app_at(PUBLIC).await;
    let out = tempfile::tempdir().expect("temp dir");
    // nginx's workers may run as another user.
    let open = |path: &std::path::Path| {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755));
    };
    let scope = Scope {
        places: Some(["MEX", "MX-CHH"].map(String::from).into()),
        indicators: Some([INDICATOR.to_string()].into()),
    };
    let config = tipstats::ServeConfig {
        public_url: Some(PUBLIC.into()),
        heavy_per_minute: u32::MAX,
        ..app_config()
    };
    let baked = tipstats::bake::bake(config, out.path(), &scope)
        .await
        .unwrap_or_else(|e| panic!("bake: {e:#}"));
    assert!(baked.files > 100, "{} files", baked.files);
    let mut dirs = vec![out.path().to_path_buf()];
    while let Some(dir) = dirs.pop() {
        open(&dir);
        for entry in std::fs::read_dir(&dir).expect("read dir").flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else {
                let _ = std::fs::set_permissions(
                    &path,
                    std::os::unix::fs::PermissionsExt::from_mode(0o644),
                );
            }
        }
    }
    let nginx = Nginx::serve(out.path());
    let client = reqwest::Client::new();
    let fetch = async |url: String| -> (u16, String, Vec<u8>) {
        for _ in 0..50 {
            if let Ok(response) = client.get(&url).send().await {
                let status = response.status().as_u16();
                let kind = response
                    .headers()
                    .get("content-type")
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("")
                    .to_string();
                return (status, kind, response.bytes().await.expect("body").to_vec());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("nothing answers at {url}");
    };
    // A sample of pages, figures, images and data files: each the live
    // server's answer, byte for byte, at its file's address.
    let view = format!("indicator={INDICATOR}&region=MEX&from=2015&to=2025");
    let sample = [
        (format!("/api/v1/series?{view}"), "application/json"),
        (
            format!("/chart.svg?{view}&chart=map&year=2020"),
            "image/svg+xml",
        ),
        (
            format!("/chart.png?{view}&chart=map&year=2024"),
            "image/png",
        ),
        (
            format!("/api/v1/export?{view}&chart=map&year=2019&format=csv"),
            "text/csv",
        ),
        ("/api/v1/catalog".to_string(), "application/json"),
        ("/place/MX-CHH".to_string(), "text/html"),
        ("/story".to_string(), "text/html"),
    ];
    for (address, kind) in &sample {
        let file = baked_path(address, kind);
        let (status, served_kind, body) = fetch(nginx.url(&file)).await;
        assert_eq!(status, 200, "{address} at {file}");
        assert!(served_kind.starts_with(kind), "{address}: {served_kind}");
        let (_, _, answer) = fetch(live.url(address)).await;
        if kind.starts_with("text/html") {
            // The copy's pages say what they are, and link to its files.
            let page = String::from_utf8_lossy(&body);
            assert!(page.contains("class=\"static-edition\""), "{address}");
            assert!(page.contains("<script src=\"/static.js\">"), "{address}");
        } else {
            assert!(
                body == answer,
                "{address}: the copy differs from the live answer"
            );
        }
    }
    // Every link of a place's page to a file with a query reaches a file
    // of the copy.
    let (_, _, page) = fetch(nginx.url("/place/MX-CHH")).await;
    let page = String::from_utf8_lossy(&page).to_string();
    let rewritten: Vec<&str> = page
        .split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|link| link.starts_with("/_q/"))
        .collect();
    assert!(rewritten.len() >= 2, "{rewritten:?}");
    for link in rewritten {
        let (status, _, _) = fetch(nginx.url(&link.replace("&amp;", "&"))).await;
        assert_eq!(status, 200, "{link}");
    }
    let (status, _, _) = fetch(nginx.url("/static.js")).await;
    assert_eq!(status, 200);

    // The dashboard on the copy: a baked view is drawn; one the bake did
    // not write says it needs the live site, in the page's language.
    let browser = Browser::start(1280, 1000).await;
    let figure_title = async |query: &str| -> String {
        browser
            .client
            .goto(&nginx.url(&format!("/?{query}")))
            .await
            .expect("open the copy's dashboard");
        browser
            .wait_for(
                "the view or its refusal",
                Duration::from_secs(20),
                || async {
                    for css in ["#app .figure-title", "#app .error"] {
                        if let Ok(found) = browser.client.find(Locator::Css(css)).await {
                            return found.text().await.ok().filter(|t| !t.is_empty());
                        }
                    }
                    None
                },
            )
            .await
    };
    let title = figure_title(&format!("indicator={INDICATOR}")).await;
    assert!(title.contains("Mexico"), "{title}");
    let refused = figure_title(&format!("indicator={INDICATOR}&region=MX-SON&lang=es")).await;
    assert_eq!(
        refused,
        "Esta vista no está en esta copia estática: necesita el sitio en vivo."
    );
    // The dashboard's link to the border page opens the copy's, in the
    // link's language.
    browser
        .eval("document.querySelector('#app a[href*=\"view=border\"]').click(); return true;")
        .await;
    let intro = browser
        .wait_for(
            "the copy's border page",
            Duration::from_secs(20),
            || async {
                let path = browser.eval("return location.pathname;").await;
                let found = browser.client.find(Locator::Css("p.intro")).await.ok()?;
                let on_copy = path.as_str().is_some_and(|p| p.starts_with("/_q/index/"));
                found.text().await.ok().filter(|_| on_copy)
            },
        )
        .await;
    assert!(!intro.is_empty());
    let lang = browser.eval("return document.documentElement.lang;").await;
    assert_eq!(lang, "es");
    browser.close().await;
}

/// A place or indicator the bake does not know is refused by its option's
/// name, before anything is written.
#[tokio::test]
async fn a_bake_of_an_unknown_place_or_indicator_is_refused_before_writing() {
    let out = tempfile::tempdir().expect("temp dir");
    let site = out.path().join("site");
    for (scope, option) in [
        (
            Scope {
                places: Some(["XX".to_string()].into()),
                indicators: None,
            },
            "--place XX",
        ),
        (
            Scope {
                places: None,
                indicators: Some(["no.such".to_string()].into()),
            },
            "--indicator no.such",
        ),
    ] {
        let error = match tipstats::bake::bake(app_config(), &site, &scope).await {
            Ok(_) => panic!("{option} was baked"),
            Err(error) => format!("{error:#}"),
        };
        assert!(error.contains(option), "{error}");
        assert!(!site.exists(), "{option}: something was written");
    }
}
