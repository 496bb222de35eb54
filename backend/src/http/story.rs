//! `/story`: "Cartels, the border and trafficking: what the figures show".
//! Each part of the story (`curated::STORY`) with the public figures that
//! speak to it, each a chart drawn from the API as its view draws it, with
//! the sentence the figures make (the figure's summary: no number is typed
//! into the words), its first caveat, its source and its links (explore,
//! embed, image); the border's map beside the routes; a part no public
//! series counts, and a view whose figures are missing, say so instead of
//! drawing an empty chart. The server's own page, in English or Spanish,
//! readable without script.

use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use maud::{DOCTYPE, Markup, html};
use tipstats_shared::curated::{STORY, StorySection};
use tipstats_shared::lang::Lang;
use tipstats_shared::query::SeriesQuery;
use tipstats_shared::view::{ThemeChoice, ViewState, parse_query};
use tipstats_shared::words::{Text, words};

use super::error::ApiError;
use super::figures::{base_url, series_response};
use super::pages::{
    Head, Here, border_map, border_panel, reader_lang, server_page, story_link, varying,
};
use super::{AppState, EMBED_CSP};

/// A section's heading and words.
fn section_words(name: &str, t: &Text) -> (&'static str, &'static str) {
    match name {
        "vulnerable" => (t.story_vulnerable(), t.story_vulnerable_text()),
        "recruitment" => (t.story_recruitment(), t.story_recruitment_text()),
        "routes" => (t.story_routes(), t.story_routes_text()),
        "safe-houses" => (t.story_safe_houses(), t.story_safe_houses_text()),
        "corruption" => (t.story_corruption(), t.story_corruption_text()),
        "violence" => (t.story_violence(), t.story_violence_text()),
        _ => (t.story_limits(), t.story_limits_text()),
    }
}

/// `/story/{part}`: one part of the story alone, for a frame on another
/// site (as `/embed` is, it may be framed anywhere and runs no inline
/// script), with the link back to the whole story.
pub(super) async fn story_part_page(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(name): Path<String>,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    let section = STORY
        .iter()
        .find(|s| s.name == name)
        .ok_or_else(|| ApiError::NotFound(format!("the story has no part {name:?}: see /story")))?;
    let view = ViewState::from_query(query.as_deref().unwrap_or(""), &state.catalog);
    let lang = reader_lang(&view, &headers);
    let base = base_url(&state, &headers);
    let key = format!(
        "/story/{name}?{}&in={}&base={base}",
        view.to_page_query(),
        lang.as_str()
    );
    let page = state
        .answers
        .get_or_make(key, "text/html; charset=utf-8", async {
            let part = section_html(&state, section, &view, lang).await?;
            Ok::<_, ApiError>(axum::body::Bytes::from(part_page(
                part, section, &view, lang, &base,
            )))
        })
        .await?;
    let mut page = varying(page.into_response());
    page.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(EMBED_CSP),
    );
    Ok(page)
}

/// A part's page: the part, and the link back to the whole story at
/// this server's address.
fn part_page(
    part: Markup,
    section: &StorySection,
    view: &ViewState,
    lang: Lang,
    base: &str,
) -> String {
    let t = words(lang);
    let dark = view.theme == Some(ThemeChoice::Dark);
    html! {
        (DOCTYPE)
        html lang=(lang.as_str()) data-theme=[dark.then_some("dark")] {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (section_words(section.name, t).0) " · " (t.story_title()) " · tipstats" }
                link rel="stylesheet" href="/style.css";
                script src="/readout.js" defer {}
            }
            body class="story-part" {
                main id="main" {
                    (part)
                    p class="source" {
                        a href={ (base) (story_link(view)) "#" (section.name) } target="_top" { (t.story_title()) " · tipstats" }
                    }
                }
            }
        }
    }
    .into_string()
}

/// `/story`, in the address's language or else the browser's.
pub(super) async fn story_page(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    let view = ViewState::from_query(query.as_deref().unwrap_or(""), &state.catalog);
    let lang = reader_lang(&view, &headers);
    let key = format!("/story?{}&in={}", view.to_page_query(), lang.as_str());
    let page = state
        .answers
        .get_or_make(key, "text/html; charset=utf-8", async {
            let page = story_html(&state, &view, lang).await?;
            Ok::<_, ApiError>(axum::body::Bytes::from(page))
        })
        .await?;
    Ok(varying(page.into_response()))
}

async fn story_html(state: &AppState, view: &ViewState, lang: Lang) -> Result<String, ApiError> {
    let t = words(lang);
    let mut sections = Vec::new();
    for section in &STORY {
        sections.push(section_html(state, section, view, lang).await?);
    }
    let body = html! {
        h2 { (t.story_title()) }
        p class="intro" { (t.story_intro()) }
        nav class="place-contents" aria-label=(t.place_contents()) {
            ol { @for section in &STORY {
                li { a href={ "#" (section.name) } { (section_words(section.name, t).0) } }
            } }
        }
        @for section in &sections { (section) }
    };
    let head = Head {
        title: t.story_title(),
        description: t.story_intro(),
        card: html! {},
    };
    Ok(server_page(state, (view, lang), Here::Border, head, body))
}

async fn section_html(
    state: &AppState,
    section: &StorySection,
    page: &ViewState,
    lang: Lang,
) -> Result<Markup, ApiError> {
    let t = words(lang);
    let (title, text) = section_words(section.name, t);
    let mut panels = Vec::new();
    for query in section.views {
        panels.push(view_html(state, query, page, lang).await?);
    }
    let map = match section.name {
        "routes" => border_map(state, page, lang).await?,
        _ => html! {},
    };
    let sources = match section.name {
        "limits" => sources_list(state, t),
        _ => html! {},
    };
    Ok(html! {
        section class="story-section" id=(section.name) {
            h3 { (title) }
            p class="intro" { (text) }
            p class="links" { a href={ "/story/" (section.name) (settings(page)) } { (t.story_embed_part()) } }
            (sources)
            @if !panels.is_empty() {
                div class="border-grid" { @for panel in &panels { (panel) } }
            }
            (map)
        }
    })
}

/// The page's language and theme as a query (`?lang=es`), or nothing.
fn settings(view: &ViewState) -> String {
    story_link(view).trim_start_matches("/story").to_string()
}

/// One view as its panel, or a sentence saying its figures are missing:
/// none in the range, or its indicator not in this data at all (a view
/// would otherwise fall back to the dashboard's default indicator).
async fn view_html(
    state: &AppState,
    query: &str,
    page: &ViewState,
    lang: Lang,
) -> Result<Markup, ApiError> {
    let asked = parse_query(query)
        .into_iter()
        .find(|(name, _)| name == "indicator")
        .map(|(_, id)| id)
        .unwrap_or_default();
    let Some(indicator) = state.catalog.indicator(&asked) else {
        return Ok(missing(&asked, lang));
    };
    let panel = ViewState::from_query(query, &state.catalog);
    let series = SeriesQuery::parse(&panel.to_query(), &state.catalog)?;
    let response = series_response(state, series).await?;
    let caption = indicator.name_in(lang);
    if !response.rows.iter().any(|r| r.value.is_some()) {
        return Ok(missing(caption, lang));
    }
    border_panel(&state.catalog, &response, &panel, page, caption, lang)
}

fn missing(caption: &str, lang: Lang) -> Markup {
    html! {
        section class="border-panel" {
            h3 { (caption) }
            p class="warning" role="note" { (words(lang).story_missing()) }
        }
    }
}

/// Every source, with its citation and a link to its terms.
fn sources_list(state: &AppState, t: &Text) -> Markup {
    html! {
        ul class="story-sources" {
            @for source in &state.catalog.sources {
                li {
                    strong { (source.publisher) } ": " (source.citation) ". "
                    a href=(source.url) { (t.story_terms()) } " " (source.terms)
                }
            }
        }
    }
}
