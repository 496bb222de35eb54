//! The explorer's panels that the server makes from the view's address:
//! `/share.html` ("Share, embed, download": the link, the embed's snippet,
//! the images and files, from `tipstats_shared::view`'s share links),
//! `/table.html` (every figure of the view) and `/sources.html` (the
//! sources, the notes and the citation). The dashboard leaves a slot for
//! the chosen one (`data-panel`) that readout.js fills, so that none of
//! them weighs on the browser's bundle; the first view carries the chosen
//! one drawn in, for readers without script.

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::routing::get;
use maud::{Markup, html};
use tipstats_shared::figure::{Figure, category_in, reporters_of};
use tipstats_shared::format::{bounds_cell, row_rate_cell, value_cell_in};
use tipstats_shared::lang::Lang;
use tipstats_shared::query::{ChartKind, MAX_ALT, MAX_SUBTITLE, MAX_TITLE, SeriesQuery, Tab};
use tipstats_shared::view::{ViewState, parse_query};
use tipstats_shared::words::words;
use tipstats_shared::{Catalog, SeriesResponse};

use super::AppState;
use super::cite::Citation;
use super::error::ApiError;
use super::figures::{base_url, series_response};

/// The panels' addresses.
pub fn router() -> axum::Router<AppState> {
    axum::Router::new()
        .route("/share.html", get(|s, h, q| panel(Tab::Share, s, h, q)))
        .route("/table.html", get(|s, h, q| panel(Tab::Table, s, h, q)))
        .route("/sources.html", get(|s, h, q| panel(Tab::Sources, s, h, q)))
}

/// The `tab` panel of the view a dashboard's page query names, in the
/// language of `panel_lang` (the page's, which may be the browser's rather
/// than the view's), else the view's.
async fn panel(
    tab: Tab,
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
    // The sources' panel cites the view with today as the day of access.
    let key = format!(
        "/{}.html?{}&base={base}&panel_lang={}&day={}",
        tab.as_str(),
        view.to_page_query(),
        lang.as_str(),
        crate::releases::today()
    );
    state
        .answers
        .get_or_make(key, "text/html; charset=utf-8", async {
            let markup = if tab == Tab::Share {
                share_html(&state.catalog, &view, &base, lang)
            } else {
                let series = SeriesQuery::parse(&view.to_query(), &state.catalog)?;
                let response = series_response(&state, series).await?;
                match tab {
                    Tab::Table => table_html(&state.catalog, &response, lang),
                    _ => sources_html(&state, &response, (&view, &base), lang),
                }
            };
            Ok::<_, ApiError>(Bytes::from(markup.into_string()))
        })
        .await
}

/// Where the view can go, on the site at `base`: its link, the embed's
/// snippet with the fields that tailor it, its images and files, the whole
/// dataset, and code that loads its figures.
pub(super) fn share_html(catalog: &Catalog, view: &ViewState, base: &str, lang: Lang) -> Markup {
    let t = words(lang);
    let links = view.share_links(base);
    let csv = links
        .downloads
        .iter()
        .find(|(format, _)| *format == "CSV")
        .map_or("", |(_, url)| url.as_str());
    html! {
        div class="share" {
            label for="permalink" { (t.permalink()) }
            input id="permalink" readonly value=(links.permalink);
            label for="embed-code" { (t.embed_code()) }
            textarea id="embed-code" readonly rows="7" { (links.embed_snippet) }
            (tailor_form(catalog, view, &links.embed, lang))
            p { (t.images()) }
            ul class="links" {
                @for (label, url) in &links.images {
                    li { a href=(url) data-image=(url) { (label) } }
                }
            }
            p { (t.downloads()) }
            ul class="links" {
                @for (format, url) in &links.downloads {
                    li { a href=(url) download { (format) } }
                }
                li { a href="/api/v1/dataset.zip" download { (t.dataset()) } }
            }
            p { (t.code_title()) }
            @for (id, label, code) in code_snippets(csv, &links.permalink) {
                label for=(id) { (label) }
                textarea id=(id) class="code" readonly wrap="off" rows=(code.lines().count() + 1) { (code) }
            }
        }
    }
}

/// The fields a newsroom tailors the embed with (`title`, `subtitle`,
/// `alt`, `focus`, `background`), and the embed's preview; share.js puts
/// them into the embed's address, the snippet and the images' links as
/// they are typed. The server checks them again whatever the form allows.
fn tailor_form(catalog: &Catalog, view: &ViewState, embed: &str, lang: Lang) -> Markup {
    let t = words(lang);
    let places = &view.regions;
    html! {
        form class="tailor" data-tailor=(embed) {
            fieldset {
                legend { (t.tailor_title()) }
                label for="tailor-title" { (t.tailor_headline()) }
                input id="tailor-title" name="title" maxlength=(MAX_TITLE);
                label for="tailor-subtitle" { (t.tailor_subtitle()) }
                input id="tailor-subtitle" name="subtitle" maxlength=(MAX_SUBTITLE);
                label for="tailor-alt" { (t.tailor_alt()) }
                textarea id="tailor-alt" name="alt" rows="3" maxlength=(MAX_ALT) {}
                @if places.len() > 1 && view.chart != ChartKind::Map {
                    label for="tailor-focus" { (t.tailor_focus()) }
                    select id="tailor-focus" name="focus" {
                        option value="" { (t.tailor_focus_none()) }
                        @for code in places {
                            option value=(code) { (catalog.region_name_in(code, lang)) }
                        }
                    }
                }
                label class="check" {
                    input type="checkbox" name="background" value="transparent";
                    " " (t.tailor_transparent())
                }
                p class="hint" { (t.tailor_kept()) }
                iframe id="embed-preview" src=(embed) title=(t.tailor_preview()) loading="lazy" height="600" {}
            }
        }
    }
}

/// Code that loads the view's figures from their CSV address (`csv`), each
/// skipping the file's `#` lines (its citation, notes and caveats): Python
/// with pandas, R with readr, and a spreadsheet's `IMPORTDATA` (Google
/// Sheets), the comment lines filtered out. (id, label, code).
fn code_snippets(csv: &str, permalink: &str) -> [(&'static str, &'static str, String); 3] {
    [
        (
            "code-python",
            "Python (pandas)",
            format!(
                "import pandas as pd\n\n# tipstats: {permalink}\n# The file's lines that start with \"#\" are its citation, notes and caveats.\nfigures = pd.read_csv(\"{csv}\", comment=\"#\")"
            ),
        ),
        (
            "code-r",
            "R (readr)",
            format!(
                "library(readr)\n\n# tipstats: {permalink}\n# The file's lines that start with \"#\" are its citation, notes and caveats.\nfigures <- read_csv(\"{csv}\", comment = \"#\")"
            ),
        ),
        (
            "code-sheet",
            "Google Sheets (IMPORTDATA)",
            format!("=LET(d, IMPORTDATA(\"{csv}\"), FILTER(d, LEFT(INDEX(d, 0, 1), 1) <> \"#\"))"),
        ),
    ]
}

/// Every figure of the view, a row per place, year and category.
pub(super) fn table_html(catalog: &Catalog, response: &SeriesResponse, lang: Lang) -> Markup {
    let t = words(lang);
    let by = response.by.is_some();
    let per_100k = response.per.is_some();
    let reporters = reporters_of(catalog, &response.indicator, lang);
    let rows = response
        .regions
        .iter()
        .flat_map(|code| response.rows.iter().filter(move |r| &r.region == code));
    html! {
        div class="table-wrap" tabindex="0" role="region" aria-labelledby="figures-caption" {
            table id="figures" {
                caption id="figures-caption" { (t.table_caption()) }
                thead {
                    tr {
                        th scope="col" { (t.col_place()) }
                        th scope="col" { (t.col_year()) }
                        @if by { th scope="col" { (t.col_category()) } }
                        th scope="col" { (t.col_value()) }
                        @if per_100k { th scope="col" { (t.col_rate()) } }
                        th scope="col" { (t.col_range()) }
                        th scope="col" { (t.col_reporting()) " (" (reporters) ")" }
                        th scope="col" { (t.col_suppressed()) }
                    }
                }
                tbody {
                    @for row in rows {
                        tr data-region=(row.region) data-year=(row.year) {
                            th scope="row" { (catalog.region_name_in(&row.region, lang)) }
                            td { (row.year) }
                            @if by {
                                td class="category" {
                                    @if let Some(category) = &row.category {
                                        (category_in(category, lang))
                                    }
                                }
                            }
                            td class="value" { (value_cell_in(row, lang)) }
                            @if per_100k { td class="rate" { (row_rate_cell(row)) } }
                            td class="bounds" { (bounds_cell(row, lang)) }
                            td class="units" { (row.reporting_units) }
                            td class="suppressed" { (row.suppressed_cells) }
                        }
                    }
                }
            }
        }
    }
}

/// Where the figures come from, every note numbered as the chart's
/// markers count them, and how to cite the view (on the site at `base`):
/// the citation, its data version's release, and the citation as a file
/// for a reference manager. How many reported each year is in the chart's
/// readout and the table.
pub(super) fn sources_html(
    state: &AppState,
    response: &SeriesResponse,
    (view, base): (&ViewState, &str),
    lang: Lang,
) -> Markup {
    let t = words(lang);
    let figure = Figure::from_series(response, &state.catalog, lang);
    let citation = Citation::of(state, response, view.permalink(base), base, lang);
    let files = format!(
        "/api/v1/cite?{}{}",
        view.to_query(),
        view.presentation_query()
    );
    html! {
        @for source in &response.sources {
            p class="source" { (t.source()) ": " a href=(source.url) { (source.citation) } }
        }
        h3 class="notes-title" { (t.notes()) }
        ul class="notes" {
            @for note in &figure.notes { li { (note) } }
        }
        p class="cite" { strong { (t.cite()) ": " } (citation.text()) }
        p class="cite-files" {
            (t.cite_files()) " "
            @for (i, (label, format)) in [("BibTeX", "bibtex"), ("RIS", "ris"), ("CSL-JSON", "csl"), ("TXT", "text")].iter().enumerate() {
                @if i > 0 { " · " }
                a href={ (files) "&format=" (format) } download { (label) }
            }
            @if let Some(release) = citation.release_url() {
                " · " a href=(release) { (t.cite_version()) " " (state.catalog.data_version) }
            }
        }
    }
}
