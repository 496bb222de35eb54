//! `/api/v1/export` (one view's figures as CSV, JSON, XLSX or Parquet) and
//! `/api/v1/dataset.zip` (everything, built once per data version).

use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use super::AppState;
use super::error::ApiError;
use super::figures::{base_url, map_response, series_response};
use crate::export::{self, ExportFormat, Metadata};
use tipstats_shared::SeriesResponse;
use tipstats_shared::chart::MapDrawing;
use tipstats_shared::query::{
    BadParameter, ChartKind, MapQuery, Params, SeriesQuery, ViewParams, choice_param, parse_year,
    query_pairs, with_a_map_place,
};
use utoipa::IntoParams;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/export", get(view_export))
        .route("/dataset.zip", get(dataset))
}

/// The format of an export, and whether it is of a map's year.
#[derive(Debug, Default, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportParams {
    /// `csv` (default), `json`, `xlsx`, `parquet` or `datapackage` (a ZIP of
    /// the CSV and its Frictionless `datapackage.json`).
    pub format: Option<ExportFormat>,
    /// `map`: every place of the view's map in one year, instead of the
    /// view's places in every year of the range (other kinds change
    /// nothing).
    pub chart: Option<ChartKind>,
    /// With `chart=map`: the year (the range's last year with a figure when
    /// left out).
    pub year: Option<i32>,
}

impl Params for ExportParams {
    const NAMES: &'static [&'static str] = &["format", "chart", "year"];

    fn set(&mut self, name: &'static str, value: &str) -> Result<(), BadParameter> {
        match name {
            "format" => self.format = Some(choice_param::<ExportFormat>(name, value)?),
            "chart" => self.chart = Some(choice_param::<ChartKind>(name, value)?),
            _ => self.year = Some(parse_year(name, value)?),
        }
        Ok(())
    }
}

fn disposition(filename: &str) -> HeaderValue {
    HeaderValue::from_str(&format!("attachment; filename=\"{filename}\""))
        .unwrap_or(HeaderValue::from_static("attachment"))
}

/// `body` as a file to save, named `filename`.
pub(super) fn attachment(
    content_type: &'static str,
    filename: &str,
    body: impl Into<Bytes>,
) -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (header::CONTENT_DISPOSITION, disposition(filename)),
        ],
        body.into(),
    )
        .into_response()
}

/// One view's figures as a file, with their metadata; with `chart=map`,
/// every place of the map in the year it shows (`year`, or the range's last
/// year with a figure).
///
/// CSV (metadata in `#` comment lines before the header), JSON, XLSX (an
/// `about` sheet), Parquet (key–value metadata) or a Frictionless Data
/// Package (a ZIP of the CSV and `datapackage.json`, with a Table Schema):
/// citation, terms, notes, the suppression legend, the data version and
/// the query.
#[utoipa::path(get, path = "/api/v1/export", tag = "exports",
    params(tipstats_shared::query::SeriesParams, ExportParams),
    responses(
        (status = 200, description = "The file, as an attachment"),
        (status = 429, response = super::openapi::TooManyRequests),
        (status = 400, description = "A parameter is wrong", body = tipstats_shared::Problem,
         content_type = "application/problem+json")))]
pub(super) async fn view_export(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    let (export, mut series) = ExportParams::split(query_pairs(query.as_deref().unwrap_or(""))?);
    let export = ExportParams::from_pairs(&export)?;
    if export.chart == Some(ChartKind::Map) {
        with_a_map_place(&mut series, &state.catalog);
    }
    let format = export.format.unwrap_or(ExportFormat::Csv);
    let query = SeriesQuery::from_pairs(&series, &state.catalog)?;
    let view = ViewParams {
        chart: export.chart,
        year: export.year,
        ..ViewParams::default()
    };
    let map = MapQuery::of_view(&query, &view, &state.catalog)?;
    let mut canonical = query.to_query_string();
    let mut name = format!("{}-{}-{}", query.indicator, query.from, query.to);
    if let Some((_, year)) = &map {
        canonical.push_str("&chart=map");
        if let Some(year) = year {
            canonical.push_str(&format!("&year={year}"));
            name = format!("{}-map-{year}", query.indicator);
        }
    }
    let filename = format!("tipstats-{name}.{}", format.extension());
    let url = format!("{}/?{canonical}", base_url(&state, &headers));
    // The file names its view's address, so the address is part of the key.
    let key = format!(
        "/api/v1/export?{canonical}&format={}&url={url}",
        format.word()
    );
    let mut response = state
        .answers
        .get_or_make(key, format.content_type(), async {
            let response = match map {
                Some((map, year)) => map_year(map_response(&state, map).await?.figures, year),
                None => series_response(&state, query).await?,
            };
            let catalog = Arc::clone(&state.catalog);
            tokio::task::spawn_blocking(move || {
                let metadata = Metadata::new(&response, &catalog, canonical, url);
                export::view(format, &response, &catalog, &metadata)
            })
            .await
            .map_err(|e| ApiError::Export(e.to_string()))?
            .map(Bytes::from)
            .map_err(ApiError::Export)
        })
        .await?;
    response
        .headers_mut()
        .insert(header::CONTENT_DISPOSITION, disposition(&filename));
    Ok(response)
}

/// A map's figures in the year it shows (the range's last year with a
/// figure unless asked): every place's row of that year and the notes that
/// touch it.
fn map_year(mut figures: SeriesResponse, year: Option<i32>) -> SeriesResponse {
    let year = year.unwrap_or_else(|| MapDrawing::last_year(&figures));
    figures.rows.retain(|row| row.year == year);
    figures
        .notes
        .retain(|note| note.year.is_none_or(|y| y == year));
    (figures.from, figures.to) = (year, year);
    figures
}

/// The whole dataset as a ZIP: every normalized table as CSV, the
/// observations also as Parquet, and a README on citing and reading them.
#[utoipa::path(get, path = "/api/v1/dataset.zip", tag = "exports",
    responses((status = 200, description = "The ZIP", content_type = "application/zip"),
        (status = 429, response = super::openapi::TooManyRequests)))]
pub(super) async fn dataset(State(state): State<AppState>) -> Result<Response, ApiError> {
    let catalog = Arc::clone(&state.catalog);
    let zip = state
        .dataset_zip
        .get_or_try_init(|| async {
            let built = state
                .db
                .run(move |conn| Ok(export::dataset_zip(conn, &catalog)))
                .await?;
            built.map(Bytes::from).map_err(ApiError::Export)
        })
        .await?
        .clone();
    let filename = format!(
        "tipstats-dataset-{}.zip",
        state
            .catalog
            .data_version
            .chars()
            .take(12)
            .collect::<String>()
    );
    Ok(attachment("application/zip", &filename, zip))
}
