//! What every view of the figures goes through, whichever handler shows
//! it (the API, charts, embeds, exports): the series answer with its
//! sources and notes, and the address the world reaches this server at.

use std::sync::Arc;

use axum::http::{HeaderMap, header};
use tipstats_shared::figure::reporters_in;
use tipstats_shared::lang::Lang;
use tipstats_shared::query::{Period, SeriesQuery};
use tipstats_shared::{Note, NoteKind, SeriesResponse};

use super::AppState;
use super::error::ApiError;
use crate::db;

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
                    ..note(NoteKind::Caveat, text.clone())
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

fn note(kind: NoteKind, text: String) -> Note {
    Note {
        kind,
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
                    kind: NoteKind::Coverage,
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

/// The address the world reaches this server at: `--public-url` when set,
/// else the request's own host.
pub fn base_url(state: &AppState, headers: &HeaderMap) -> String {
    if let Some(url) = &state.public_url {
        return url.trim_end_matches('/').to_string();
    }
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| {
            !h.is_empty()
                && h.chars()
                    .all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c))
        })
        .unwrap_or("localhost");
    format!("http://{host}")
}
