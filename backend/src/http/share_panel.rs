//! `/share.html`: the explorer's "Share, embed, download" panel, made by the
//! server from the view's address (`tipstats_shared::view`'s share links):
//! the link, the embed's snippet, the images and the files. The dashboard
//! leaves a slot for it (`data-share`) that readout.js fills, so that none
//! of it weighs on the browser's bundle; the first view of `tab=share`
//! carries it drawn in, for readers without script.

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::HeaderMap;
use axum::response::Response;
use maud::{Markup, html};
use tipstats_shared::lang::Lang;
use tipstats_shared::view::{ViewState, parse_query};
use tipstats_shared::words::words;

use super::AppState;
use super::error::ApiError;
use super::figures::base_url;

/// The panel of the view a dashboard's page query names, in the language
/// of `panel_lang` (the page's, which may be the browser's rather than the
/// view's), else the view's.
pub(super) async fn share_panel(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    let query = query.unwrap_or_default();
    let view = ViewState::from_query(&query, &state.catalog);
    let lang = parse_query(&query)
        .iter()
        .find(|(name, _)| name == "panel_lang")
        .and_then(|(_, value)| Lang::parse(value))
        .or(view.lang)
        .unwrap_or_default();
    let base = base_url(&state, &headers);
    let key = format!(
        "/share.html?{}&base={base}&panel_lang={}",
        view.to_page_query(),
        lang.as_str()
    );
    state
        .answers
        .get_or_make(key, "text/html; charset=utf-8", async {
            Ok::<_, ApiError>(Bytes::from(share_html(&view, &base, lang).into_string()))
        })
        .await
}

/// Where the view can go, on the site at `base`: its link, the embed's
/// snippet, its images and files, and the whole dataset.
pub(super) fn share_html(view: &ViewState, base: &str, lang: Lang) -> Markup {
    let t = words(lang);
    let links = view.share_links(base);
    html! {
        div class="share" {
            label for="permalink" { (t.permalink()) }
            input id="permalink" readonly value=(links.permalink);
            label for="embed-code" { (t.embed_code()) }
            textarea id="embed-code" readonly rows="7" { (links.embed_snippet) }
            p { (t.images()) }
            ul class="links" {
                @for (label, url) in &links.images {
                    li { a href=(url) { (label) } }
                }
            }
            p { (t.downloads()) }
            ul class="links" {
                @for (format, url) in &links.downloads {
                    li { a href=(url) download { (format) } }
                }
                li { a href="/api/v1/dataset.zip" download { (t.dataset()) } }
            }
        }
    }
}
