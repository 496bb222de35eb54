//! `/place/{code}`: a page for each country, Mexican or US state and Border
//! Patrol sector. Every indicator with a figure for the place gets a small
//! chart of it beside its parent region and its nearest peers (as rates
//! per 100,000 where there are rates, so that sizes compare), its rank
//! among its level, its first caveat, its source and links into the
//! dashboard and to the figures as CSV; then the sources that cover the
//! place without a figure for it, the notes about it, its population and,
//! for a border state, what faces it across the line. `/place` lists every
//! place with a page. The server's alone, in English or Spanish, readable
//! without script.

use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};
use tipstats_shared::chart::Chart;
use tipstats_shared::curated::ACROSS_THE_BORDER;
use tipstats_shared::figure::Figure;
use tipstats_shared::lang::Lang;
use tipstats_shared::place::{across_the_border, compared_with, has_page, map_of};
use tipstats_shared::query::SeriesQuery;
use tipstats_shared::view::{ChartPlace, ViewState};
use tipstats_shared::words::{Text, words};
use tipstats_shared::{Catalog, Indicator, NoteKind, Region, RegionLevel, SeriesResponse};

use super::AppState;
use super::error::ApiError;
use super::figures::series_response;
use super::pages::{
    Drawings, Head, Here, panel_section, reader_lang, server_page, story_link, varying,
};
use super::ranking::{Rank, rank_of};
use crate::db::{self, Population};

/// How many places a chart compares a place with, besides its parent.
const PEERS_DRAWN: usize = 3;

/// The page's view (its language and theme) and its language, the
/// address's or else the reader's browser's.
fn page_view(state: &AppState, headers: &HeaderMap, query: &str) -> (ViewState, Lang) {
    let view = ViewState::from_query(query, &state.catalog);
    let lang = reader_lang(&view, headers);
    (view, lang)
}

/// `/place/{code}`.
pub(super) async fn place_page(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(code): Path<String>,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    let region = state
        .catalog
        .region(&code)
        .filter(|r| has_page(r))
        .ok_or_else(|| {
            ApiError::NotFound(format!(
                "no place {code:?} has a page: see /place for every country, state and sector"
            ))
        })?
        .clone();
    let (view, lang) = page_view(&state, &headers, query.as_deref().unwrap_or(""));
    let key = format!(
        "/place/{code}?{}&in={}",
        view.to_page_query(),
        lang.as_str()
    );
    let page = state
        .answers
        .get_or_make(key, "text/html; charset=utf-8", async {
            let page = place_html(&state, &region, &view, lang).await?;
            Ok::<_, ApiError>(axum::body::Bytes::from(page))
        })
        .await?;
    Ok(varying(page))
}

/// `/place`: every place with a page, by level.
pub(super) async fn places_page(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    let (view, lang) = page_view(&state, &headers, query.as_deref().unwrap_or(""));
    let t = words(lang);
    let catalog = &state.catalog;
    let body = html! {
        h2 { (t.places_title()) }
        p class="intro" { (t.places_intro()) }
        @for (title, places) in levels(catalog, t) {
            section class="place-list" {
                h3 { (title) }
                ul class="places" {
                    @for place in places {
                        li { a href=(place_link(&place.code, &view)) { (place.name_in(lang)) } }
                    }
                }
            }
        }
    };
    let head = Head {
        title: t.places_title(),
        description: t.places_intro(),
        card: html! {},
    };
    let page = server_page(&state, (&view, lang), Here::Place("/place"), head, body);
    varying(([(header::CONTENT_TYPE, "text/html; charset=utf-8")], page).into_response())
}

/// The places with a page, by level, each level in its words.
fn levels<'a>(catalog: &'a Catalog, t: &Text) -> Vec<(&'static str, Vec<&'a Region>)> {
    let of = |level: RegionLevel, parent: Option<&str>| -> Vec<&Region> {
        catalog
            .regions
            .iter()
            .filter(|r| r.level == level && parent.is_none_or(|p| r.parent.as_deref() == Some(p)))
            .collect()
    };
    vec![
        (t.level_mx_states(), of(RegionLevel::State, Some("MEX"))),
        (t.level_us_states(), of(RegionLevel::State, Some("USA"))),
        (t.level_sectors(), of(RegionLevel::Sector, None)),
        (t.level_countries(), of(RegionLevel::Country, None)),
    ]
}

/// A place's page in the view's language and theme.
fn place_link(code: &str, view: &ViewState) -> String {
    let settings = view.places_link();
    let query = settings.split_once('?').map_or("", |(_, q)| q);
    match query.is_empty() {
        true => format!("/place/{code}"),
        false => format!("/place/{code}?{query}"),
    }
}

/// One indicator's figures for the place.
struct Panel<'a> {
    indicator: &'a Indicator,
    response: SeriesResponse,
    rank: Option<Rank>,
    /// Figures not of the place but facing it across the border.
    across: bool,
}

impl Panel<'_> {
    /// The indicator's name, and where its figures are when not the place's.
    fn title(&self, lang: Lang) -> String {
        let name = self.indicator.name_in(lang);
        match self.across {
            true => format!("{name}: {}", words(lang).place_across().to_lowercase()),
            false => name.to_string(),
        }
    }
}

/// The indicator a Mexican border state's page draws for the Border
/// Patrol sectors facing it: context, which its caveat says.
const ENCOUNTERS: &str = "usbp.encounters";

async fn place_html(
    state: &AppState,
    place: &Region,
    view: &ViewState,
    lang: Lang,
) -> Result<String, ApiError> {
    let catalog = &state.catalog;
    let geometry = map_of(place).and_then(|m| state.maps.geometry(m));
    let peers = compared_with(catalog, geometry, &place.code);
    let newest = catalog
        .indicators
        .iter()
        .map(|i| i.last_year)
        .max()
        .unwrap_or(2025);
    let population = {
        let code = place.code.clone();
        state
            .db
            .run(move |conn| db::population_of(conn, &code, newest))
            .await?
    };
    // Without a population, or with too small a one, the place's own line
    // would be empty in rates: its counts are drawn instead.
    let has_rates = population
        .as_ref()
        .is_some_and(|p| p.population >= db::SMALLEST_POPULATION);
    let mut panels = Vec::new();
    let mut without = Vec::new();
    for indicator in &catalog.indicators {
        // Figures by country say nothing of a state, nor worldwide totals
        // of a country.
        if indicator.grain < place.level || !indicator.has_figures_for(&place.code, catalog) {
            continue;
        }
        let query = panel_query(catalog, indicator, (place, has_rates), &peers);
        let response = series_response(state, SeriesQuery::parse(&query, catalog)?).await?;
        let has_figure = response
            .rows
            .iter()
            .any(|r| r.region == place.code && (r.value.is_some() || r.suppressed_cells > 0));
        if !has_figure {
            without.push(indicator);
            continue;
        }
        let rank = rank_of(state, &indicator.id, &place.code).await?;
        panels.push(Panel {
            indicator,
            response,
            rank,
            across: false,
        });
    }
    if let Some(panel) = facing_sectors(state, place).await? {
        panels.push(panel);
    }
    let t = words(lang);
    let name = place.name_in(lang);
    let body = html! {
        (lineage(catalog, place, view, lang))
        h2 { (name) }
        p class="intro" { (level_word(place, t)) " · " (population_line(catalog, population.as_ref(), lang)) }
        (compared_line(catalog, place, &peers, view, lang))
        (across(catalog, &place.code, view, lang))
        @if !panels.is_empty() {
            nav class="place-contents" aria-label=(t.place_contents()) {
                h3 { (t.place_contents()) }
                ul { @for panel in &panels {
                    li { a href={ "#" (panel.indicator.id) } { (panel.title(lang)) } }
                } }
            }
        }
        div class="border-grid" {
            @for panel in &panels { (panel_html(catalog, panel, place, view, lang)?) }
        }
        @if !without.is_empty() {
            section class="place-without" {
                h3 { (t.place_without()) }
                p { (t.place_without_intro()) }
                ul { @for indicator in &without {
                    li { (indicator.name_in(lang)) " (" (catalog.source(&indicator.source).map_or(indicator.source.as_str(), |s| s.publisher.as_str())) ")" }
                } }
            }
        }
        (notes(&panels, place, lang))
        (within(catalog, place, view, lang))
    };
    let description = format!("{name}: {}", t.places_intro());
    let head = Head {
        title: name,
        description: &description,
        card: html! {},
    };
    let path = format!("/place/{}", place.code);
    Ok(server_page(
        state,
        (view, lang),
        Here::Place(&path),
        head,
        body,
    ))
}

/// For a Mexican border state, the Border Patrol encounters in the sectors
/// facing it, which no Mexican source counts.
async fn facing_sectors<'a>(
    state: &'a AppState,
    place: &Region,
) -> Result<Option<Panel<'a>>, ApiError> {
    let sectors: Vec<&str> = across_the_border(&place.code)
        .iter()
        .copied()
        .filter(|code| code.starts_with("BP-"))
        .collect();
    let Some(indicator) = state.catalog.indicator(ENCOUNTERS) else {
        return Ok(None);
    };
    if sectors.is_empty() || place.parent.as_deref() != Some("MEX") {
        return Ok(None);
    }
    let query = format!("indicator={ENCOUNTERS}&region={}", sectors.join(","));
    let response = series_response(state, SeriesQuery::parse(&query, &state.catalog)?).await?;
    Ok(Some(Panel {
        indicator,
        response,
        rank: None,
        across: true,
    }))
}

/// The series a panel draws: the place and up to three peers with figures;
/// as rates per 100,000 where the place has rates (then only the places
/// with rates), and then its parent too: a region's rate compares with a
/// place's, where its count, the sum of many places, would only flatten
/// the place's line.
fn panel_query(
    catalog: &Catalog,
    indicator: &Indicator,
    (place, has_rates): (&Region, bool),
    peers: &[String],
) -> String {
    let rates = has_rates && indicator.has_rates_for(&place.code, catalog);
    let shown = |code: &str| {
        indicator.has_figures_for(code, catalog)
            && (!rates || indicator.has_rates_for(code, catalog))
    };
    let mut regions = vec![place.code.clone()];
    regions.extend(place.parent.iter().filter(|p| rates && shown(p)).cloned());
    regions.extend(peers.iter().filter(|p| shown(p)).take(PEERS_DRAWN).cloned());
    let mut query = format!("indicator={}&region={}", indicator.id, regions.join(","));
    if rates {
        query.push_str("&per=100k");
    }
    query
}

fn panel_html(
    catalog: &Catalog,
    panel: &Panel,
    place: &Region,
    view: &ViewState,
    lang: Lang,
) -> Result<Markup, ApiError> {
    let t = words(lang);
    let response = &panel.response;
    let figure = Figure::from_series(response, catalog, lang);
    let mut chart = Chart::from_series(response, catalog, lang);
    chart.title = String::new();
    let drawn = Drawings::of(catalog, response, &chart, ChartPlace::Panel, view, lang)?;
    let mut explore = ViewState::from_query(&panel_series(response), catalog);
    explore.lang = view.lang;
    explore.theme = view.theme;
    let links = html! {
        a href={ "/?" (explore.to_page_query()) } { (t.explore_this()) }
        " · "
        a href={ "/api/v1/export?" (panel_series(response)) "&format=csv" } { (t.place_csv()) }
    };
    let heading = panel.title(lang);
    let rank = rank_line(panel, place, view, lang);
    let id = Some(panel.indicator.id.as_str());
    Ok(panel_section(
        &heading, id, &figure, &drawn, rank, links, lang,
    ))
}

/// The series query of a panel's answer.
fn panel_series(response: &SeriesResponse) -> String {
    let mut query = format!(
        "indicator={}&region={}&from={}&to={}",
        response.indicator,
        response.regions.join(","),
        response.from,
        response.to
    );
    if response.per.is_some() {
        query.push_str("&per=100k");
    }
    query
}

/// "Rank in 2024: 3 of 32 with a figure, by rate…", linked to the ranking;
/// or that the place has no figure in the ranked year.
fn rank_line(panel: &Panel, place: &Region, view: &ViewState, lang: Lang) -> Markup {
    let t = words(lang);
    let Some(rank) = &panel.rank else {
        return html! {};
    };
    let by = if rank.by_rate {
        t.place_rank_by_rate()
    } else {
        t.place_rank_by_count()
    };
    let ranking = format!(
        "/ranking?indicator={}&year={}&lang={}",
        panel.indicator.id,
        rank.year,
        view.lang.unwrap_or(lang).as_str()
    );
    html! {
        p class="rank" data-place=(place.code) {
            strong { (t.place_rank()) " " (rank.year) ": " (rank.position) " " (t.place_rank_of()) " " (rank.of) }
            " " (by) " · " a href=(ranking) { (t.ranking_link()) }
        }
    }
}

/// The regions above a place, each linked where it has a page.
fn lineage(catalog: &Catalog, place: &Region, view: &ViewState, lang: Lang) -> Markup {
    let mut above = Vec::new();
    let mut current = place.parent.as_deref();
    while let Some(code) = current.filter(|_| above.len() < 8) {
        let Some(region) = catalog.region(code) else {
            break;
        };
        above.push(region);
        current = region.parent.as_deref();
    }
    above.reverse();
    html! {
        nav class="lineage" aria-label=(words(lang).place_in()) {
            @for region in &above {
                @if has_page(region) {
                    a href=(place_link(&region.code, view)) { (region.name_in(lang)) }
                } @else {
                    span { (region.name_in(lang)) }
                }
                " › "
            }
        }
    }
}

fn level_word(place: &Region, t: &Text) -> &'static str {
    match (place.level, place.parent.as_deref()) {
        (RegionLevel::State, Some("MEX")) => t.level_mx_state(),
        (RegionLevel::State, _) => t.level_us_state(),
        (RegionLevel::Sector, _) => t.level_sector(),
        _ => t.level_country(),
    }
}

/// "Population 2024: 31,290,831 (an estimate; U.S. Census Bureau…)".
fn population_line(catalog: &Catalog, population: Option<&Population>, lang: Lang) -> String {
    let t = words(lang);
    let Some(found) = population else {
        return t.place_no_population().to_string();
    };
    let kind = if found.projected {
        t.population_projected()
    } else {
        t.population_estimate()
    };
    let source = catalog
        .source(&found.source_id)
        .map_or(found.source_id.as_str(), |s| s.publisher.as_str());
    format!(
        "{} {}: {} ({kind}; {source})",
        t.place_population(),
        found.year,
        tipstats_shared::format::thousands_in(found.population, lang)
    )
}

fn compared_line(
    catalog: &Catalog,
    place: &Region,
    peers: &[String],
    view: &ViewState,
    lang: Lang,
) -> Markup {
    let shown: Vec<&Region> = place
        .parent
        .iter()
        .chain(peers.iter().take(PEERS_DRAWN))
        .filter_map(|code| catalog.region(code))
        .collect();
    html! {
        p class="compared" {
            (words(lang).place_compared()) ": "
            @for (i, region) in shown.iter().enumerate() {
                @if i > 0 { ", " }
                @if has_page(region) {
                    a href=(place_link(&region.code, view)) { (region.name_in(lang)) }
                } @else {
                    (region.name_in(lang))
                }
            }
        }
    }
}

/// For a border state, the states facing it and the sectors along it; for
/// Mexico and the USA, their border states.
fn across(catalog: &Catalog, code: &str, view: &ViewState, lang: Lang) -> Markup {
    let t = words(lang);
    let border_states: Vec<&str> = ACROSS_THE_BORDER
        .iter()
        .map(|(state, _)| *state)
        .filter(|state| catalog.region(state).and_then(|r| r.parent.as_deref()) == Some(code))
        .collect();
    let (title, intro, across) = match across_the_border(code) {
        [] if border_states.is_empty() => return html! {},
        [] => (
            t.place_border_states(),
            t.place_border_states_intro(),
            &border_states[..],
        ),
        across => (t.place_across(), t.place_across_intro(), across),
    };
    let mut border = view.clone();
    border.border = true;
    html! {
        section class="place-across" {
            h3 { (title) }
            p { (intro) }
            ul class="places" {
                @for code in across {
                    li { a href=(place_link(code, view)) { (catalog.region_name_in(code, lang)) } }
                }
            }
            p {
                a href={ "/?" (border.to_page_query()) } { (t.nav_border()) }
                " · " a href=(story_link(view)) { (t.story_title()) }
            }
        }
    }
}

/// The places a country or a state holds (Mexico's and the US's states, a
/// state's sectors).
fn within(catalog: &Catalog, place: &Region, view: &ViewState, lang: Lang) -> Markup {
    let inside: Vec<&Region> = catalog
        .regions
        .iter()
        .filter(|r| r.parent.as_deref() == Some(place.code.as_str()) && has_page(r))
        .collect();
    if inside.is_empty() {
        return html! {};
    }
    html! {
        section class="place-list" {
            h3 { (words(lang).place_within()) }
            ul class="places" {
                @for region in inside {
                    li { a href=(place_link(&region.code, view)) { (region.name_in(lang)) } }
                }
            }
        }
    }
}

/// The notes of the place's own (a publisher's annotation, a gap in its
/// rates), each under its indicator's name.
fn notes(panels: &[Panel], place: &Region, lang: Lang) -> Markup {
    let own: Vec<(&str, &str, Option<i32>)> = panels
        .iter()
        .flat_map(|panel| {
            panel
                .response
                .notes
                .iter()
                .filter(|n| n.kind != NoteKind::Caveat && n.region.as_deref() == Some(&place.code))
                .map(|n| {
                    let text = match (lang, &n.es) {
                        (Lang::Es, Some(es)) => es.as_str(),
                        _ => n.text.as_str(),
                    };
                    (panel.indicator.name_in(lang), text, n.year)
                })
        })
        .collect();
    if own.is_empty() {
        return html! {};
    }
    html! {
        section class="place-notes" {
            h3 { (words(lang).place_notes()) }
            ul {
                @for (indicator, text, year) in &own {
                    li { strong { (indicator) } @if let Some(year) = year { " (" (year) ")" } ": " (text) }
                }
            }
        }
    }
}
