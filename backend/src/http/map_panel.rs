//! `/map.html`: the dashboard's map panel, drawn by the server with the
//! shared crate's map (the function `/chart.svg` and `/chart.png` draw
//! with) at the width the dashboard shows it, with the year slider, a live
//! summary and the table of the year's figures. Every year's fills and
//! figures travel with it (`data-map-years`), so that the slider and its
//! play button move through the years without asking again; the
//! dashboard's `map.js` swaps them in. The geometry never enters the
//! browser's bundle.

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::response::Response;
use maud::{Markup, PreEscaped, html};
use serde_json::{Value, json};
use tipstats_shared::chart::{MapDrawing, PlaceState};
use tipstats_shared::query::{BadParameter, ViewQuery, query_pairs};
use tipstats_shared::view::ThemeChoice;
use tipstats_shared::words::words;
use tipstats_shared::{MapName, RegionLevel, SeriesResponse};

use super::AppState;
use super::error::ApiError;
use super::figures::MapFigure;

/// The narrowest and widest the panel is drawn at.
const WIDTHS: (u32, u32) = (240, 2000);

/// The map panel of a view with `chart=map`, drawn `width` pixels wide.
pub(super) async fn map_panel(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    let (width, rest) = split_width(query.as_deref().unwrap_or(""))?;
    let view = ViewQuery::parse(&rest, &state.catalog)?;
    let Some((query, year)) = view.map.clone() else {
        return Err(BadParameter::new("chart", "the map panel is for chart=map").into());
    };
    let key = format!("/map.html?{}&width={width}", view.to_query_string());
    state
        .answers
        .get_or_make(key, "text/html; charset=utf-8", async {
            let map = MapFigure::new(&state, query, year, view.lang, view.dark).await?;
            let series = view.series.to_query_string();
            Ok::<_, ApiError>(Bytes::from(panel_html(&map, width, &series)?))
        })
        .await
}

/// `width=N` taken out of the query, the rest left for [`ViewQuery`].
fn split_width(query: &str) -> Result<(u32, String), BadParameter> {
    let mut width = None;
    for (name, value) in query_pairs(query)? {
        if name == "width" {
            let parsed = value
                .parse::<u32>()
                .ok()
                .filter(|w| (WIDTHS.0..=WIDTHS.1).contains(w));
            width = Some(parsed.ok_or_else(|| {
                BadParameter::new(
                    "width",
                    format!(
                        "{value:?} is not a width in pixels from {} to {}",
                        WIDTHS.0, WIDTHS.1
                    ),
                )
            })?);
        }
    }
    let rest: Vec<&str> = query
        .split('&')
        .filter(|p| !p.starts_with("width="))
        .collect();
    let rest = rest.join("&");
    Ok((
        width.ok_or_else(|| BadParameter::new("width", "required"))?,
        rest,
    ))
}

/// The map and its legend, `width` pixels wide and as high as they need
/// (the words around it are the page's), and the scale it is drawn at.
pub(super) fn map_svg(drawing: &MapDrawing, width: u32) -> (String, f64) {
    let geometry = drawing.geometry;
    let height = width * geometry.height / geometry.width.max(1) + drawing.legend_height(width);
    let svg = format!(
        r#"<svg class="map-drawing" viewBox="0 0 {width} {height}" width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg">{}</svg>"#,
        drawing.elements((0, 0, width, height))
    );
    (svg, drawing.scale_in(width, height))
}

/// A map drawn into a page by the server, before or without script: for a
/// wide screen and for a phone (each at its own width, so that its words
/// keep their size), in the reader's theme or, when the system chooses, in
/// both; style.css shows the one that fits. Named by its summary.
pub(super) fn map_box(
    map: &MapFigure,
    theme: Option<ThemeChoice>,
    (wide, narrow): (u32, u32),
) -> Result<Markup, ApiError> {
    let themes: &[(bool, &str)] = match theme {
        Some(ThemeChoice::Dark) => &[(true, "dark")],
        Some(ThemeChoice::Light) => &[(false, "light")],
        None => &[(false, "light"), (true, "dark")],
    };
    let mut svgs = Vec::new();
    let mut summary = String::new();
    for &(dark, name) in themes {
        let mut at = |width: u32| {
            let id = format!("page-map-{name}-{width}");
            let drawing = map
                .drawing_in(&id, map.year, dark)
                .map_err(ApiError::Render)?;
            summary = drawing.summary();
            Ok::<_, ApiError>(map_svg(&drawing, width).0)
        };
        svgs.push((name, at(wide)?, at(narrow)?));
    }
    Ok(html! {
        div class="chart-svg first map" role="group" aria-label=(summary) {
            @for (name, wide, narrow) in &svgs {
                div class=(name) {
                    div class="wide" { (PreEscaped(wide)) }
                    div class="narrow" { (PreEscaped(narrow)) }
                }
            }
        }
    })
}

/// The panel; `series` is the series query of the map's figures, which
/// its links to the year's files and ranking carry
/// (without `year` and `format`, which the links add).
fn panel_html(map: &MapFigure, width: u32, series: &str) -> Result<String, ApiError> {
    let drawing = map.drawing("map-panel").map_err(ApiError::Render)?;
    let (svg, scale) = map_svg(&drawing, width);
    let years = year_data(map, scale)?;
    let index = years.0.iter().position(|y| *y == map.year).unwrap_or(0);
    let summary = drawing.summary();
    let figure = map.figure();
    let geometry = drawing.geometry;
    let t = words(map.lang);
    let states = drawing.place_states(scale);
    let last = years.0.len().saturating_sub(1);
    Ok(html! {
        // Its style comes with it: no part of the dashboard's first load.
        link rel="stylesheet" href="/map.css";
        div class="map-panel" data-map-years=(years.1) {
            div class="map-svg" role="group" aria-label=(summary) { (PreEscaped(svg)) }
            div class="map-controls" {
                label for="map-year" { (t.map_year()) }
                input id="map-year" type="range" min="0" max=(last) step="1" value=(index)
                    aria-valuetext=(map.year);
                output for="map-year" { (map.year) }
                button type="button" class="map-play" aria-pressed="false" { (t.map_play()) }
            }
            @if map.answer.map == MapName::Border {
                (areas_choice(map))
            }
            p class="map-summary" aria-live="polite" { (summary) }
            p class="hint" { (t.map_add_hint()) }
            // The caveat of each indicator drawn (the states' comes second).
            @for caveat in figure.notes.iter().take(if map.areas.is_some() { 2 } else { 1 }) {
                p class="caveat" role="note" { (caveat) }
            }
            p class="source" { (figure.source) " " (geometry.attribution) }
            // The links follow the slider (map.js rewrites their `year`).
            p class="map-downloads" {
                a href={ "/ranking?" (series) "&year=" (map.year) "&lang=" (map.lang.as_str()) } { (t.ranking_link()) }
                " · "
                (t.map_download())
                @for (label, format) in [("CSV", "csv"), ("XLSX", "xlsx"), ("JSON", "json")] {
                    " "
                    a href={ "/api/v1/export?" (series) "&chart=map&year=" (map.year) "&format=" (format) } download { (label) }
                }
            }
            (year_table(map, &states, &map.answer.figures, t.table_caption(), "map-table-caption"))
            @if let Some(areas) = &map.areas {
                (year_table(map, &states, areas, &map.name_of_indicator(&areas.indicator), "map-areas-caption"))
            }
        }
    }
    .into_string())
}

/// The table of the year's figures of one indicator's places (the map's,
/// or the states filling the border map), which map.js keeps to the slider.
fn year_table(
    map: &MapFigure,
    states: &[PlaceState],
    figures: &SeriesResponse,
    caption: &str,
    id: &str,
) -> Markup {
    let t = words(map.lang);
    html! {
        div class="table-wrap" tabindex="0" role="region" aria-labelledby=(id) {
            table class="map-table" {
                caption id=(id) { (caption) }
                thead { tr {
                    th scope="col" { (t.col_place()) }
                    th scope="col" class="map-table-year" { (map.year) }
                } }
                tbody {
                    @for state in states.iter().filter(|s| figures.regions.contains(&s.code)) {
                        tr data-place=(state.code) {
                            th scope="row" { (map.name_of(&state.code)) }
                            td class="value" { (state.figure) }
                        }
                    }
                }
            }
        }
    }
}

/// The border map's choice of what fills the states under the sectors:
/// nothing, or any indicator by Mexican or US state (map.js puts it in the
/// view's `areas`).
fn areas_choice(map: &MapFigure) -> Markup {
    let t = words(map.lang);
    let chosen = map.areas.as_ref().map(|a| a.indicator.as_str());
    let catalog = map.catalog();
    let choices = catalog
        .indicators
        .iter()
        .filter(|i| i.grain == RegionLevel::State && i.has_map(catalog));
    html! {
        div class="map-controls" {
            label for="map-areas" { (t.map_areas()) }
            select id="map-areas" {
                option value="" selected[chosen.is_none()] { (t.map_areas_none()) }
                @for indicator in choices {
                    option value=(indicator.id) selected[chosen == Some(indicator.id.as_str())] {
                        (indicator.name_in(map.lang))
                    }
                }
            }
        }
    }
}

/// Every year's look of every place, for the script: the years, the
/// paints, each year's summary, and per place its name and, per year, the
/// index of its paint, its figure and (a point) its radius.
fn year_data(map: &MapFigure, scale: f64) -> Result<(Vec<i32>, String), ApiError> {
    let mut years: Vec<i32> = (map.answer.figures.from..=map.answer.figures.to).collect();
    years.retain(|y| map.answer.figures.rows.iter().any(|r| r.year == *y));
    let mut paints: Vec<(String, String)> = Vec::new();
    let mut summaries = Vec::new();
    let mut places: serde_json::Map<String, Value> = serde_json::Map::new();
    for year in &years {
        let drawing = map
            .drawing_at("map-panel", *year)
            .map_err(ApiError::Render)?;
        summaries.push(drawing.summary());
        for state in drawing.place_states(scale) {
            let paint = (state.fill.clone(), state.paint.clone());
            let index = paints.iter().position(|p| *p == paint).unwrap_or_else(|| {
                paints.push(paint);
                paints.len() - 1
            });
            let entry = places
                .entry(state.code.clone())
                .or_insert_with(|| json!({"name": map.name_of(&state.code), "years": []}));
            if let Some(list) = entry["years"].as_array_mut() {
                list.push(match state.radius {
                    Some(r) => json!([index, state.figure, (r * 10.0).round() / 10.0]),
                    None => json!([index, state.figure]),
                });
            }
        }
    }
    let data = json!({
        "years": years,
        "paints": paints.iter().map(|(fill, paint)| json!([fill, paint])).collect::<Vec<_>>(),
        "summaries": summaries,
        "places": places,
    });
    Ok((years, data.to_string()))
}
