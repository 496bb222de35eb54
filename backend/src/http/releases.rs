//! The data releases the ingest recorded (`crate::releases`): as JSON at
//! `/api/v1/releases`, as a page at `/releases` (each release at
//! `#release-<version>`, where a citation's data version links), as an
//! Atom feed at `/releases.atom`, and the current one named in every
//! page's footer. Not behind the figures' ETags: the record is not part of
//! the data version.

use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use maud::{Markup, html};
use tipstats_shared::format::thousands_in;
use tipstats_shared::lang::Lang;
use tipstats_shared::view::ViewState;
use tipstats_shared::words::words;
use tipstats_shared::{Catalog, Release, ReleasesResponse, SourceChanges};

use super::figures::base_url;
use super::pages::{Head, Here, reader_lang, server_page, varying};
use super::{AppState, Edition};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/releases", get(releases_json))
        .route("/releases", get(releases_page))
        .route("/releases.atom", get(releases_atom))
}

/// The data releases, the newest first.
///
/// Each release is a data version an ingest recorded: the day, the
/// version it replaced, and per source the indicators added or removed and
/// the figures added, removed or revised, with a few examples.
#[utoipa::path(get, path = "/api/v1/releases", tag = "figures",
    responses((status = 200, description = "The releases", body = ReleasesResponse)))]
pub(super) async fn releases_json(State(state): State<AppState>) -> Json<ReleasesResponse> {
    Json(ReleasesResponse {
        data_version: state.catalog.data_version.clone(),
        releases: state.releases.to_vec(),
    })
}

/// Where a data version's release is described, on the site at `base`.
pub fn release_link(base: &str, version: &str) -> String {
    format!("{base}/releases#release-{version}")
}

/// The footer of every page: the data release served, linked to the list
/// of releases and their feed.
pub(super) fn site_footer(state: &AppState, lang: Lang) -> Markup {
    let t = words(lang);
    let version = &state.catalog.data_version;
    let release = state.releases.iter().find(|r| &r.data_version == version);
    html! {
        footer class="site-footer" {
            p {
                @match release {
                    Some(release) => {
                        (t.release_current()) " "
                        a href={ "/releases#release-" (version) } { (release.date) " (" (version) ")" }
                    }
                    None => { (t.release_unrecorded()) " " (version) }
                }
                " · " a href="/releases" { (t.releases_all()) }
                " · " a href="/releases.atom" type="application/atom+xml" { (t.releases_feed()) }
            }
            @if let Edition::Static(made) = &state.edition {
                p class="static-edition" {
                    (t.static_edition()) " " (made) ". " (t.static_edition_scope())
                }
                script src="/static.js" {}
            }
        }
    }
}

async fn releases_page(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    let view = ViewState::from_query(query.as_deref().unwrap_or(""), &state.catalog);
    let lang = reader_lang(&view, &headers);
    let t = words(lang);
    let body = html! {
        h1 { (t.releases_title()) }
        p { (t.releases_intro()) }
        @if state.releases.is_empty() {
            p { (t.releases_none()) }
        }
        @for release in state.releases.iter() {
            (release_html(&state.catalog, release, lang))
        }
    };
    let head = Head {
        title: t.releases_title(),
        description: t.releases_intro(),
        card: html! {
            link rel="alternate" type="application/atom+xml" href="/releases.atom" title=(t.releases_title());
        },
    };
    let page = server_page(&state, (&view, lang), Here::Other("/releases"), head, body);
    varying(([(header::CONTENT_TYPE, "text/html; charset=utf-8")], page).into_response())
}

/// One release: its day and version, then what changed in each source.
fn release_html(catalog: &Catalog, release: &Release, lang: Lang) -> Markup {
    let t = words(lang);
    html! {
        section class="release" id={ "release-" (release.data_version) } {
            h2 { (release.date) " · " (t.release_version()) " " (release.data_version) }
            @match &release.previous {
                Some(previous) => p { (t.release_after()) " " a href={ "#release-" (previous) } { (previous) } }
                None => p { (t.release_first()) }
            }
            @if release.sources.is_empty() {
                p { (t.release_no_figures()) }
            }
            ul {
                @for changes in &release.sources {
                    li { strong { (source_name(catalog, &changes.source)) } ": " (changes_line(changes, lang))
                        @if !changes.examples.is_empty() {
                            ul class="examples" { @for example in &changes.examples { li { code { (example) } } } }
                        }
                    }
                }
            }
        }
    }
}

/// A source's name in the catalog, else its id (a source since removed).
fn source_name<'a>(catalog: &'a Catalog, id: &'a str) -> &'a str {
    catalog.source(id).map_or(id, |s| s.name.as_str())
}

/// "2 indicators added (a, b); 1,092 figures added, 3 revised".
fn changes_line(changes: &SourceChanges, lang: Lang) -> String {
    let t = words(lang);
    let n = |count: u64| thousands_in(i64::try_from(count).unwrap_or(i64::MAX), lang);
    let mut parts = Vec::new();
    if !changes.indicators_added.is_empty() {
        let list = changes.indicators_added.join(", ");
        parts.push(format!("{} ({list})", t.release_indicators_added()));
    }
    if !changes.indicators_removed.is_empty() {
        let list = changes.indicators_removed.join(", ");
        parts.push(format!("{} ({list})", t.release_indicators_removed()));
    }
    for (count, word) in [
        (changes.rows_added, t.release_rows_added()),
        (changes.rows_removed, t.release_rows_removed()),
        (changes.figures_revised, t.release_revised()),
    ] {
        if count > 0 {
            parts.push(format!("{} {word}", n(count)));
        }
    }
    parts.join("; ")
}

/// An Atom 1.0 feed of the releases, for a feed reader or a newsroom's
/// watcher: each entry links to its release on the page.
async fn releases_atom(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let base = base_url(&state, &headers);
    let t = words(Lang::En);
    let updated = state
        .releases
        .first()
        .map_or("1970-01-01".to_string(), |r| r.date.clone());
    let feed = html! {
        (maud::PreEscaped(r#"<?xml version="1.0" encoding="utf-8"?>"#))
        feed xmlns="http://www.w3.org/2005/Atom" {
            id { (base) "/releases" }
            title { "tipstats: " (t.releases_title()) }
            updated { (updated) "T00:00:00Z" }
            link rel="self" href={ (base) "/releases.atom" } {}
            link rel="alternate" type="text/html" href={ (base) "/releases" } {}
            author { name { "tipstats" } }
            @for release in state.releases.iter() {
                entry {
                    id { (release_link(&base, &release.data_version)) }
                    title { (t.release_current()) " " (release.date) " (" (release.data_version) ")" }
                    updated { (release.date) "T00:00:00Z" }
                    link rel="alternate" type="text/html" href=(release_link(&base, &release.data_version)) {}
                    summary type="text" { (atom_summary(&state.catalog, release)) }
                }
            }
        }
    };
    (
        [(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")],
        feed.into_string(),
    )
        .into_response()
}

/// A release's changes in one paragraph of plain text.
fn atom_summary(catalog: &Catalog, release: &Release) -> String {
    if release.sources.is_empty() {
        return words(Lang::En).release_no_figures().to_string();
    }
    let parts: Vec<String> = release
        .sources
        .iter()
        .map(|c| {
            format!(
                "{}: {}",
                source_name(catalog, &c.source),
                changes_line(c, Lang::En)
            )
        })
        .collect();
    parts.join(". ")
}
