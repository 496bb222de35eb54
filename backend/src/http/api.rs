//! `/api/v1`: the catalog and the series of aggregate figures.

use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tipstats_shared::figure::{Lang, reporters_in};
use tipstats_shared::{Note, SeriesResponse};

use super::AppState;
use super::error::ApiError;
use crate::db;
use tipstats_shared::query::{Period, SeriesQuery};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/catalog", get(catalog))
        .route("/series", get(series))
}

/// Everything a client needs to build its pickers.
///
/// Sources with their citation and terms, indicators with unit, caveats,
/// years, breakdowns, grain and scope, and the region hierarchy.
#[utoipa::path(get, path = "/api/v1/catalog", tag = "figures",
    responses((status = 200, description = "The catalog", body = tipstats_shared::Catalog)))]
pub(super) async fn catalog(State(state): State<AppState>) -> Response {
    (
        [(axum::http::header::CONTENT_TYPE, "application/json")],
        state.catalog_json.clone(),
    )
        .into_response()
}

/// The figures of one indicator by region and year.
///
/// Each row has the sum of the published figures (`value`), the reporters
/// behind it, the suppressed cells inside it and the bounds they leave;
/// with the sources and every note (caveats, annotations, coverage) that
/// applies.
#[utoipa::path(get, path = "/api/v1/series", tag = "figures",
    params(tipstats_shared::query::SeriesParams),
    responses(
        (status = 200, description = "The figures", body = tipstats_shared::SeriesResponse),
        (status = 400, description = "A parameter is wrong; `parameter` names it", body = tipstats_shared::Problem,
         content_type = "application/problem+json")))]
pub(super) async fn series(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    let query = SeriesQuery::parse(query.as_deref().unwrap_or(""), &state.catalog)?;
    let key = format!("series?{}", query.to_query_string());
    state
        .answers
        .get_or_make(key, "application/json", async {
            let response = series_response(&state, query).await?;
            serde_json::to_vec(&response)
                .map(Bytes::from)
                .map_err(|e| ApiError::Export(format!("encoding JSON: {e}")))
        })
        .await
}

/// The figures of a validated query with their sources and every note that
/// applies: what the API sends and what charts, embeds and exports show.
pub async fn series_response(
    state: &AppState,
    query: SeriesQuery,
) -> Result<SeriesResponse, ApiError> {
    let (rows, annotations) = {
        let query = query.clone();
        state
            .db
            .run(move |conn| {
                let rows = if query.per.is_some() {
                    db::series_rates(conn, &query)?
                } else {
                    db::series(conn, &query)?
                };
                Ok((rows, db::annotations(conn, &query)?))
            })
            .await?
    };
    let catalog = Arc::clone(&state.catalog);
    let indicator = catalog.indicator(&query.indicator);
    let sources = indicator
        .and_then(|i| catalog.source(&i.source))
        .into_iter()
        .cloned()
        .collect();
    let mut notes: Vec<Note> = indicator
        .map(|i| {
            i.caveats
                .iter()
                .map(|text| Note {
                    es: Some(i.caveat_in(text, Lang::Es).to_string()),
                    ..note("caveat", text.clone())
                })
                .collect()
        })
        .unwrap_or_default();
    notes.extend(annotations);
    notes.extend(coverage_notes(&query, &rows, &catalog));
    Ok(SeriesResponse {
        data_version: catalog.data_version.clone(),
        indicator: query.indicator,
        regions: query.regions,
        from: query.from,
        to: query.to,
        by: query.by,
        panel: query.panel,
        period: query.period,
        per: query.per,
        rows,
        sources,
        notes,
    })
}

fn note(kind: &str, text: String) -> Note {
    Note {
        kind: kind.to_string(),
        text,
        region: None,
        year: None,
        es: None,
    }
}

/// Says when a region's number of reporting units changes sharply between
/// consecutive years: its total then moves because of who reported, not
/// necessarily because of what happened.
fn coverage_notes(
    query: &SeriesQuery,
    rows: &[tipstats_shared::SeriesRow],
    catalog: &tipstats_shared::Catalog,
) -> Vec<Note> {
    let mut notes = Vec::new();
    // A breakdown's rows repeat each year once per category; its coverage is
    // the total's, which the same query without `by` reports.
    if query.by.is_some() || query.period == Period::Month || query.per.is_some() {
        return notes;
    }
    let reporters = catalog
        .indicator(&query.indicator)
        .map_or("reporters", |i| i.reporters.as_str());
    for region in &query.regions {
        let units: Vec<(i32, u32)> = rows
            .iter()
            .filter(|r| &r.region == region)
            .map(|r| (r.year, r.reporting_units))
            .collect();
        for pair in units.windows(2) {
            let ((previous_year, before), (year, after)) = (pair[0], pair[1]);
            let change = f64::from(after.abs_diff(before)) / f64::from(before.max(after).max(1));
            if after.abs_diff(before) >= 3 && change >= 0.25 {
                notes.push(Note {
                    kind: "coverage".to_string(),
                    text: format!(
                        "{}: {before} reporting {reporters} in {previous_year}, {after} in {year}; part of the change comes from who reported.",
                        catalog.region_name(region),
                    ),
                    region: Some(region.clone()),
                    year: Some(year),
                    es: Some(format!(
                        "{}: {before} {} reportaron en {previous_year}, {after} en {year}; parte del cambio se debe a quién reportó.",
                        catalog.region_name_in(region, Lang::Es),
                        reporters_in(reporters, Lang::Es),
                    )),
                });
            }
        }
    }
    notes
}
