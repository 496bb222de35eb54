//! `tipstats bake`: the curated views (charts and maps) as a static site that object storage
//! or a CDN can serve without the server: for each view its figures (JSON
//! and CSV), its chart (SVG, PNG, social card) and its embed page, plus the
//! catalog and an index. Every file is the server's own answer, asked of the
//! application in-process, so the site and the API can never disagree.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use axum::body::Body;
use axum::http::{Request, StatusCode};
use tower::ServiceExt;

use maud::{DOCTYPE, html};

use crate::http::{Application, ServeConfig};
use tipstats_shared::curated::MapView;

/// Writes the site into `out`; returns the files written.
pub async fn bake(config: ServeConfig, out: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let app = Application::build(config).await?;
    let router = app.router();
    let mut written = Vec::new();
    let mut fetch = async |uri: String, file: PathBuf| -> anyhow::Result<()> {
        let response = router
            .clone()
            .oneshot(Request::get(&uri).body(Body::empty())?)
            .await?;
        if response.status() != StatusCode::OK {
            bail!("{uri} answered {}", response.status());
        }
        let bytes = axum::body::to_bytes(response.into_body(), usize::MAX).await?;
        if let Some(dir) = file.parent() {
            std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        }
        std::fs::write(&file, &bytes).with_context(|| format!("writing {}", file.display()))?;
        written.push(file);
        Ok(())
    };
    fetch("/api/v1/catalog".into(), out.join("catalog.json")).await?;
    fetch("/embed.css".into(), out.join("embed.css")).await?;
    fetch("/embed.js".into(), out.join("embed.js")).await?;
    let views = tipstats_shared::curated::all_views();
    for (name, query) in &views {
        let dir = out.join("views").join(name);
        for (path, file) in [
            (format!("/api/v1/series?{query}"), "series.json"),
            (format!("/api/v1/export?{query}&format=csv"), "figures.csv"),
            (format!("/chart.svg?{query}"), "chart.svg"),
            (format!("/chart.png?{query}"), "chart.png"),
            (format!("/chart.png?{query}&size=social"), "social.png"),
            (format!("/embed?{query}"), "embed.html"),
        ] {
            fetch(path, dir.join(file)).await?;
        }
    }
    let maps = tipstats_shared::curated::MAP_VIEWS;
    for map in &maps {
        let dir = out.join("views").join(map.name);
        let query = map.query();
        for (path, file) in [
            (
                format!("/api/v1/map?indicator={}", map.indicator),
                "map.json",
            ),
            (format!("/chart.svg?{query}"), "chart.svg"),
            (format!("/chart.png?{query}"), "chart.png"),
            (format!("/chart.png?{query}&size=social"), "social.png"),
            (format!("/embed?{query}"), "embed.html"),
        ] {
            fetch(path, dir.join(file)).await?;
        }
    }
    let index = out.join("index.html");
    std::fs::write(&index, index_page(&views, &maps))
        .with_context(|| format!("writing {}", index.display()))?;
    written.push(index);
    Ok(written)
}

/// The site's index: each curated view with its files.
fn index_page(views: &[(&str, &str)], maps: &[MapView]) -> String {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                title { "tipstats: curated views" }
                link rel="stylesheet" href="embed.css";
            }
            body {
                main {
                    h1 { "tipstats: curated views" }
                    p {
                        "Each view's figures, chart and embed page as the server answers them. \
                         The catalog, with every source's citation and terms: "
                        a href="catalog.json" { "catalog.json" } "."
                    }
                    ul {
                        @for (name, query) in views {
                            li {
                                a href={ "views/" (name) "/embed.html" } { (name) } ": "
                                a href={ "views/" (name) "/chart.svg" } { "SVG" } ", "
                                a href={ "views/" (name) "/chart.png" } { "PNG" } ", "
                                a href={ "views/" (name) "/series.json" } { "JSON" } ", "
                                a href={ "views/" (name) "/figures.csv" } { "CSV" } " "
                                code { (query) }
                            }
                        }
                        @for map in maps {
                            li {
                                a href={ "views/" (map.name) "/embed.html" } { (map.name) } ": "
                                a href={ "views/" (map.name) "/chart.svg" } { "SVG" } ", "
                                a href={ "views/" (map.name) "/chart.png" } { "PNG" } ", "
                                a href={ "views/" (map.name) "/map.json" } { "JSON" } " "
                                code { (map.query()) }
                            }
                        }
                    }
                }
            }
        }
    }
    .into_string()
}
