//! `/api/v1`: the catalog and the series of aggregate figures.

use axum::Router;
use axum::body::Bytes;
use axum::extract::Path;
use axum::extract::{RawQuery, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tipstats_shared::MapName;
use tipstats_shared::query::{BadParameter, MapQuery, SeriesQuery};

use super::AppState;
use super::error::ApiError;
use super::figures::{map_response, series_response};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/catalog", get(catalog))
        .route("/words", get(words))
        .route("/series", get(series))
        .route("/map", get(map))
        .route("/maps/{map}", get(map_geometry))
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

/// The interface's words in English and Spanish.
///
/// Each language's list is in the order of `names`. The dashboard fetches
/// them when it starts rather than carrying them in its bundle; the server
/// writes the same words into the pages it makes.
#[utoipa::path(get, path = "/api/v1/words", tag = "figures",
    responses((status = 200, description = "The words", body = tipstats_shared::words::WordLists)))]
pub(super) async fn words(State(state): State<AppState>) -> Response {
    (
        [(axum::http::header::CONTENT_TYPE, "application/json")],
        state.words_json.clone(),
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
    cached_json(&state, key, series_response(&state, query)).await
}

/// An answer as JSON, made once per key and kept (`limits::AnswerCache`).
async fn cached_json<T: serde::Serialize>(
    state: &AppState,
    key: String,
    make: impl Future<Output = Result<T, ApiError>>,
) -> Result<Response, ApiError> {
    state
        .answers
        .get_or_make(key, "application/json", async {
            serde_json::to_vec(&make.await?)
                .map(Bytes::from)
                .map_err(|e| ApiError::Export(format!("encoding JSON: {e}")))
        })
        .await
}

/// Every place of one level with its figures, for a map.
///
/// The places at the indicator's grain (every country, every state of
/// Mexico or the US, every Border Patrol sector) in every year of the range,
/// so that a map can move through the years without asking again; each row
/// as in a series. A place and year without a row has no figure. `map` names
/// the drawing the places are on (`/api/v1/maps/{map}`).
#[utoipa::path(get, path = "/api/v1/map", tag = "figures",
    params(tipstats_shared::query::SeriesParams),
    responses(
        (status = 200, description = "The figures by place", body = tipstats_shared::MapResponse),
        (status = 400, description = "A parameter is wrong (`region`, `by` and `period=month` are refused; an indicator with no figures by place is refused); `parameter` names it", body = tipstats_shared::Problem,
         content_type = "application/problem+json")))]
pub(super) async fn map(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    let query = MapQuery::parse(query.as_deref().unwrap_or(""), &state.catalog)?;
    let key = format!("map?{}", query.series.to_query_string());
    cached_json(&state, key, map_response(&state, query)).await
}

/// A map's drawing: each place's shape, projected and simplified.
///
/// `world` (countries, Equal Earth), `mexico` (states, Albers), `us`
/// (states, DC and territories, Albers, with insets) or `border` (the
/// border states and the Southwest Border Patrol sectors' headquarters).
/// Shapes are SVG paths in a box of `width` × `height` units, keyed by
/// region code; `attribution` names who drew them.
#[utoipa::path(get, path = "/api/v1/maps/{map}", tag = "figures",
    params(("map" = tipstats_shared::MapName, Path, description = "Which map")),
    responses(
        (status = 200, description = "The geometry", body = tipstats_shared::map::MapGeometry),
        (status = 400, description = "Not a map's name", body = tipstats_shared::Problem,
         content_type = "application/problem+json")))]
pub(super) async fn map_geometry(
    State(state): State<AppState>,
    Path(name): Path<String>,
) -> Result<Response, ApiError> {
    let json = MapName::parse(&name)
        .and_then(|map| state.maps.json(map))
        .ok_or_else(|| {
            BadParameter::new(
                "map",
                format!("{name:?} is not world, mexico, us or border"),
            )
        })?;
    Ok((
        [(axum::http::header::CONTENT_TYPE, "application/json")],
        json,
    )
        .into_response())
}
