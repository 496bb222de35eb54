//! `tipstats bake`: a static copy of the site that object storage or a CDN
//! serves without the server. It holds every place's page, the list of
//! places, the border story, the releases, each indicator's first view in
//! the dashboard (its figures, its table, sources and share panels, its
//! map), every year of every map, the curated views, and what those pages
//! link to (images, embeds, data files, citations, rankings, the figures of
//! each view they link to).
//!
//! Every file is the application's own answer, asked in-process, so the
//! copy and the API cannot disagree. A static host ignores queries, so an
//! answer to an address with a query is written to a file named after it
//! ([`baked_path`]); the pages' links are rewritten to those files, and the
//! dashboard's requests are by `static.js`, which follows the same rule.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use axum::Router;
use axum::body::{Body, Bytes};
use axum::http::{Request, StatusCode, header};
use futures_util::StreamExt;
use tower::ServiceExt;

use crate::http::{Application, Edition, ServeConfig};
use tipstats_shared::Catalog;
use tipstats_shared::lang::Lang;
use tipstats_shared::query::{ChartKind, Tab};
use tipstats_shared::view::ViewState;

/// The widths the dashboard's map panel is baked at (static.js asks for
/// the nearest).
const MAP_WIDTHS: [u32; 2] = [360, 960];
/// More addresses than this means the links run away: stop.
const MOST_ADDRESSES: usize = 50_000;

/// What a bake wrote.
pub struct Baked {
    pub files: usize,
    pub bytes: u64,
}

/// What a bake holds: everything, or only some places' pages and some
/// indicators' views (a copy of one story, or a test's).
#[derive(Clone, Debug, Default)]
pub struct Scope {
    pub places: Option<BTreeSet<String>>,
    pub indicators: Option<BTreeSet<String>>,
}

impl Scope {
    /// Refuses a place without a page or an unknown indicator, naming the
    /// option, before anything is written.
    fn check(&self, catalog: &Catalog) -> anyhow::Result<()> {
        for code in self.places.iter().flatten() {
            let region = catalog.region(code);
            if !region.is_some_and(tipstats_shared::place::has_page) {
                bail!("--place {code}: no place with a page has this code (see /place)");
            }
        }
        for id in self.indicators.iter().flatten() {
            if catalog.indicator(id).is_none() {
                bail!("--indicator {id}: no such indicator (see /api/v1/catalog)");
            }
        }
        Ok(())
    }

    fn has_place(&self, code: &str) -> bool {
        self.places
            .as_ref()
            .is_none_or(|places| places.contains(code))
    }

    fn has_indicator(&self, id: &str) -> bool {
        self.indicators.as_ref().is_none_or(|ids| ids.contains(id))
    }

    /// Whether a link's address is inside the scope: its place page and
    /// its indicator, when it names them.
    fn admits(&self, link: &str) -> bool {
        let (path, query) = link.split_once('?').unwrap_or((link, ""));
        let place = path.strip_prefix("/place/");
        let indicator = tipstats_shared::view::parse_query(query)
            .into_iter()
            .find(|(name, _)| name == "indicator")
            .map(|(_, id)| id);
        place.is_none_or(|code| self.has_place(code))
            && indicator.is_none_or(|id| self.has_indicator(&id))
    }
}

/// Answers asked of the application at once: the server's two cores
/// draw two images while a third answer is written.
const AT_ONCE: usize = 4;

/// Writes the static copy of `scope` into `out`.
pub async fn bake(config: ServeConfig, out: &Path, scope: &Scope) -> anyhow::Result<Baked> {
    let assets = config.assets_dir.clone();
    let made = crate::releases::today();
    let app = Application::build_edition(config, Edition::Static(made)).await?;
    let mut baker = Baker {
        router: app.router(),
        out: out.to_path_buf(),
        written: BTreeMap::new(),
        pages: Vec::new(),
        bytes: 0,
    };
    let catalog: Catalog = serde_json::from_slice(&baker.answer("/api/v1/catalog").await?.1)?;
    scope.check(&catalog)?;
    let mut asked: BTreeSet<String> = seeds(&catalog, scope).into_iter().collect();
    while !asked.is_empty() {
        if baker.written.len() > MOST_ADDRESSES {
            bail!("more than {MOST_ADDRESSES} addresses: the links do not end");
        }
        let wave = std::mem::take(&mut asked);
        let done: Vec<anyhow::Result<Written>> = futures_util::stream::iter(wave)
            .map(|address| baker.write(address))
            .buffer_unordered(AT_ONCE)
            .collect()
            .await;
        // The whole wave is recorded before its links are followed, so
        // that none of its addresses is asked again.
        let mut links = Vec::new();
        for written in done {
            links.extend(baker.record(written?));
        }
        for link in links {
            for follow in to_follow(&link, &catalog) {
                if scope.admits(&follow) && !baker.written.contains_key(&follow) {
                    asked.insert(follow);
                }
            }
        }
    }
    baker.rewrite_pages()?;
    let copied = copy_assets(&assets, out)?;
    Ok(Baked {
        files: baker.written.len() + copied.0,
        bytes: baker.bytes + copied.1,
    })
}

/// The addresses every bake of `scope` starts from.
fn seeds(catalog: &Catalog, scope: &Scope) -> Vec<String> {
    let mut seeds: Vec<String> = [
        "/",
        "/place",
        "/story",
        "/releases",
        "/releases.atom",
        "/api/v1/catalog",
        "/api/v1/words",
        "/api/v1/releases",
        "/api/openapi.json",
        // The border page as static.js opens it from any link to it.
        "/?view=border",
        "/?view=border&lang=es",
        "/embed.css",
        "/embed.js",
    ]
    .map(String::from)
    .into();
    for map in ["world", "mexico", "us", "border"] {
        seeds.push(format!("/api/v1/maps/{map}"));
    }
    for region in &catalog.regions {
        if tipstats_shared::place::has_page(region) && scope.has_place(&region.code) {
            seeds.push(format!("/place/{}", region.code));
        }
    }
    for part in &tipstats_shared::curated::STORY {
        seeds.push(format!("/story/{}", part.name));
    }
    for (_, query) in tipstats_shared::curated::all_views() {
        seeds.extend(figure_files(query));
        seeds.push(format!("/api/v1/export?{query}&format=csv"));
    }
    for map in &tipstats_shared::curated::MAP_VIEWS {
        seeds.extend(figure_files(&map.query()));
    }
    seeds.retain(|address| scope.admits(address));
    for indicator in catalog
        .indicators
        .iter()
        .filter(|i| scope.has_indicator(&i.id))
    {
        let view = ViewState::from_query(&format!("indicator={}", indicator.id), catalog);
        seeds.extend(dashboard_view(&view));
        seeds.extend(panels(&view));
        if indicator.map(catalog).is_some() {
            seeds.extend(map_years(&view, indicator.first_year..=indicator.last_year));
        }
    }
    seeds
}

/// A view's images and embed.
fn figure_files(query: &str) -> Vec<String> {
    vec![
        format!("/chart.svg?{query}"),
        format!("/chart.png?{query}"),
        format!("/chart.png?{query}&size=social"),
        format!("/embed?{query}"),
    ]
}

/// What the dashboard asks for to show `view`: its figures, and its map
/// panel when it is a map.
fn dashboard_view(view: &ViewState) -> Vec<String> {
    let mut asked = vec![format!("/api/v1/series?{}", view.to_query())];
    if view.chart == ChartKind::Map {
        for width in MAP_WIDTHS {
            asked.push(format!("/map.html?{}&width={width}", view.to_page_query()));
        }
    }
    asked
}

/// The table, sources and share panels of `view`, as the dashboard asks
/// for them: in the reader's language when the address names none, else
/// in the address's.
fn panels(view: &ViewState) -> Vec<String> {
    let mut asked = Vec::new();
    for tab in [Tab::Table, Tab::Sources, Tab::Share] {
        for (lang, shown) in [
            (None, Lang::En),
            (None, Lang::Es),
            (Some(Lang::En), Lang::En),
            (Some(Lang::Es), Lang::Es),
        ] {
            let view = ViewState {
                tab,
                lang,
                ..view.clone()
            };
            asked.push(format!(
                "/{}.html?{}&panel_lang={}",
                tab.as_str(),
                view.to_page_query(),
                shown.as_str()
            ));
        }
    }
    asked
}

/// Every year of a view's map: its image, embed and that year's figures.
fn map_years(view: &ViewState, years: std::ops::RangeInclusive<i32>) -> Vec<String> {
    let mut asked = dashboard_view(&ViewState {
        chart: ChartKind::Map,
        ..view.clone()
    });
    for year in years {
        let query = format!("{}&chart=map&year={year}", view.to_query());
        asked.extend(figure_files(&query));
        asked.push(format!("/api/v1/export?{query}&format=csv"));
    }
    asked
}

/// The addresses a link on a baked page leads to, which the copy holds:
/// the link itself, or for a view of the dashboard what the dashboard asks
/// for it.
fn to_follow(link: &str, catalog: &Catalog) -> Vec<String> {
    let (path, query) = link.split_once('?').unwrap_or((link, ""));
    match path {
        "/" if query.is_empty() => Vec::new(),
        "/" => {
            let view = ViewState::from_query(query, catalog);
            match view.border {
                // The border page is the server's own.
                true => vec![link.to_string()],
                false => dashboard_view(&view),
            }
        }
        "/api/v1/export" | "/api/v1/cite" | "/ranking" | "/embed" | "/chart.svg" | "/chart.png"
        | "/releases" | "/place" | "/story" => vec![link.to_string()],
        _ if path.starts_with("/place/") || path.starts_with("/story/") => {
            vec![link.to_string()]
        }
        _ => Vec::new(),
    }
}

/// One answer written.
struct Written {
    address: String,
    /// Its file, as the site's path.
    name: String,
    /// The file, when it is a page whose links are rewritten.
    page: Option<PathBuf>,
    bytes: u64,
    /// The site's addresses the page links to.
    links: Vec<String>,
}

/// Asks the application and writes its answers.
struct Baker {
    router: Router,
    out: PathBuf,
    /// Each address baked, with the file it is in.
    written: BTreeMap<String, String>,
    /// The HTML files written, whose links are rewritten at the end.
    pages: Vec<PathBuf>,
    bytes: u64,
}

impl Baker {
    /// The application's answer to `address`: its content type and body.
    async fn answer(&self, address: &str) -> anyhow::Result<(String, Bytes)> {
        let response = self
            .router
            .clone()
            .oneshot(Request::get(address).body(Body::empty())?)
            .await?;
        if response.status() != StatusCode::OK {
            bail!("{address} answered {}", response.status());
        }
        let content_type = response
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .unwrap_or("")
            .to_string();
        let body = axum::body::to_bytes(response.into_body(), usize::MAX).await?;
        Ok((content_type, body))
    }

    /// Writes the answer to `address` into its file.
    async fn write(&self, address: String) -> anyhow::Result<Written> {
        let (content_type, body) = self.answer(&address).await?;
        let name = baked_path(&address, &content_type);
        let file = self.out.join(name.trim_start_matches('/'));
        if let Some(dir) = file.parent() {
            std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        }
        std::fs::write(&file, &body).with_context(|| format!("writing {}", file.display()))?;
        let page = content_type.starts_with("text/html");
        let links = match page {
            true => links(&String::from_utf8_lossy(&body))
                .into_iter()
                .map(|(_, link)| link)
                .collect(),
            false => Vec::new(),
        };
        Ok(Written {
            address,
            name,
            page: page.then_some(file),
            bytes: body.len() as u64,
            links,
        })
    }

    /// Notes a written answer; returns the links on it.
    fn record(&mut self, written: Written) -> Vec<String> {
        self.bytes += written.bytes;
        self.written.insert(written.address, written.name);
        self.pages.extend(written.page);
        written.links
    }

    /// Points each page's links to an address the copy holds at its file.
    fn rewrite_pages(&self) -> anyhow::Result<()> {
        for page in &self.pages {
            let html = std::fs::read_to_string(page)
                .with_context(|| format!("reading {}", page.display()))?;
            let mut rewritten = String::with_capacity(html.len());
            let mut last = 0;
            for (range, link) in links(&html) {
                let Some(file) = self.written.get(&link).filter(|_| link.contains('?')) else {
                    continue;
                };
                rewritten.push_str(&html[last..range.start]);
                rewritten.push_str(&file.replace('&', "&amp;"));
                last = range.end;
            }
            rewritten.push_str(&html[last..]);
            std::fs::write(page, rewritten)
                .with_context(|| format!("writing {}", page.display()))?;
        }
        Ok(())
    }
}

/// Each `href` and `src` of a page that stays on the site: where it is in
/// the page, and the address it names (its `&amp;` read as `&`).
fn links(html: &str) -> Vec<(std::ops::Range<usize>, String)> {
    let mut found = Vec::new();
    for attribute in ["href=\"", "src=\""] {
        for (at, _) in html.match_indices(attribute) {
            let start = at + attribute.len();
            let Some(length) = html[start..].find('"') else {
                continue;
            };
            let value = &html[start..start + length];
            if value.starts_with('/') && !value.starts_with("//") {
                found.push((start..start + length, value.replace("&amp;", "&")));
            }
        }
    }
    found.sort_by_key(|(range, _)| range.start);
    found
}

/// The file the copy keeps the answer to `address` in. A page is its
/// folder's `index.html`, a file of the API its own path; an address with
/// a query is `/_q/<path>/<query><extension>`, the query's characters
/// other than letters, digits and `.,=&-` written `_` and two hex digits,
/// the extension the path's own or its content type's. static.js follows
/// the same rule.
pub fn baked_path(address: &str, content_type: &str) -> String {
    let (path, query) = address.split_once('?').unwrap_or((address, ""));
    let own = own_extension(path);
    if query.is_empty() {
        return match path {
            "/" => "/index.html".into(),
            _ if own.is_some() || path.starts_with("/api/") => path.into(),
            _ => format!("{path}/index.html"),
        };
    }
    let folder = if path == "/" { "/index" } else { path };
    let extension = own.unwrap_or_else(|| extension_of(content_type));
    let mut escaped = String::with_capacity(query.len());
    for byte in query.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'.' | b',' | b'=' | b'&' | b'-' => {
                escaped.push(char::from(byte))
            }
            _ => escaped.push_str(&format!("_{byte:02x}")),
        }
    }
    format!("/_q{folder}/{escaped}{extension}")
}

/// The path's own extension (`.svg` of `/chart.svg`), lower-case letters.
fn own_extension(path: &str) -> Option<&str> {
    let last = path.rsplit('/').next()?;
    let dot = last.rfind('.')?;
    let extension = &last[dot..];
    (extension.len() > 1 && extension[1..].bytes().all(|b| b.is_ascii_lowercase()))
        .then_some(extension)
}

fn extension_of(content_type: &str) -> &'static str {
    let essence = content_type.split(';').next().unwrap_or("").trim();
    match essence {
        "application/json" => ".json",
        "text/html" => ".html",
        "text/csv" => ".csv",
        "image/svg+xml" => ".svg",
        "image/png" => ".png",
        "application/x-bibtex" => ".bib",
        "application/x-research-info-systems" => ".ris",
        "application/vnd.citationstyles.csl+json" => ".json",
        "text/plain" => ".txt",
        _ => "",
    }
}

/// The built dashboard's files (its script, wasm, styles, icons), without
/// the precompressed copies (a static host compresses as it serves) and
/// without its bare page (the copy's `/` is the server's first view).
/// Returns the files and bytes copied.
fn copy_assets(assets: &Path, out: &Path) -> anyhow::Result<(usize, u64)> {
    let mut copied = (0, 0);
    let entries = std::fs::read_dir(assets)
        .with_context(|| format!("reading {} (run `cargo xtask frontend`)", assets.display()))?;
    for entry in entries {
        let path = entry?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if !path.is_file() || name == "index.html" || name.ends_with(".br") || name.ends_with(".gz")
        {
            continue;
        }
        copied.1 += std::fs::copy(&path, out.join(name))
            .with_context(|| format!("copying {}", path.display()))?;
        copied.0 += 1;
    }
    Ok(copied)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_become_file_names_a_static_host_serves() {
        let cases = [
            ("/", "text/html", "/index.html"),
            ("/place/MEX", "text/html", "/place/MEX/index.html"),
            ("/api/v1/catalog", "application/json", "/api/v1/catalog"),
            ("/embed.css", "text/css", "/embed.css"),
            (
                "/api/v1/series?indicator=glotip.victims&region=019,150",
                "application/json",
                "/_q/api/v1/series/indicator=glotip.victims&region=019,150.json",
            ),
            (
                "/chart.svg?indicator=a%20b_c",
                "image/svg+xml",
                "/_q/chart.svg/indicator=a_2520b_5fc.svg",
            ),
            (
                "/?view=border",
                "text/html; charset=utf-8",
                "/_q/index/view=border.html",
            ),
            (
                "/embed?x=1",
                "text/html; charset=utf-8",
                "/_q/embed/x=1.html",
            ),
        ];
        for (address, content_type, file) in cases {
            assert_eq!(baked_path(address, content_type), file, "{address}");
        }
    }

    #[test]
    fn links_are_found_with_their_places_and_ampersands() {
        let html = r#"<a href="/?a=1&amp;b=2">x</a><img src="/chart.svg?q"><a href="https://x">y</a><a href="//cdn">z</a>"#;
        let found: Vec<_> = links(html)
            .into_iter()
            .map(|(r, l)| (html[r].to_string(), l))
            .collect();
        assert_eq!(
            found,
            [
                ("/?a=1&amp;b=2".to_string(), "/?a=1&b=2".to_string()),
                ("/chart.svg?q".to_string(), "/chart.svg?q".to_string())
            ]
        );
    }
}
