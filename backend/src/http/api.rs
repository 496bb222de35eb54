//! `/api/v1`: the catalog and the series of aggregate figures.

use axum::Router;
use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tipstats_shared::query::SeriesQuery;

use super::AppState;
use super::error::ApiError;
use super::figures::series_response;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/catalog", get(catalog))
        .route("/words", get(words))
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
