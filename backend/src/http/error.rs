//! The one error type of the HTTP layer. A client's mistake becomes a 400
//! problem document naming the parameter; a database file being rebuilt, a
//! 503 with `Retry-After`; anything else is logged in full and answered
//! with a plain 500 that leaks no internals.

use std::sync::Arc;

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use tipstats_shared::Problem;

use crate::store::QueryError;
use tipstats_shared::query::BadParameter;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error(transparent)]
    BadParameter(#[from] BadParameter),
    #[error("query failed: {0}")]
    Query(#[from] QueryError),
    #[error("drawing failed: {0}")]
    Render(String),
    #[error("export failed: {0}")]
    Export(String),
    /// No such page: the sentence says what was looked for.
    #[error("{0}")]
    NotFound(String),
    /// What another request met making the same answer, shared with those
    /// that waited for it.
    #[error("{0}")]
    Shared(Arc<ApiError>),
}

/// How long a client should wait while a damaged database file is rebuilt
/// (a build from `data/` takes a few seconds).
const REBUILD_RETRY_AFTER: &str = "10";

pub fn problem_response(
    status: StatusCode,
    title: &str,
    detail: String,
    parameter: Option<String>,
) -> Response {
    let problem = Problem {
        kind: "about:blank".to_string(),
        title: title.to_string(),
        status: status.as_u16(),
        detail,
        parameter,
    };
    (
        status,
        [(header::CONTENT_TYPE, "application/problem+json")],
        Json(problem),
    )
        .into_response()
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        self.to_response()
    }
}

impl ApiError {
    fn to_response(&self) -> Response {
        match self {
            ApiError::BadParameter(bad) => problem_response(
                StatusCode::BAD_REQUEST,
                "Bad request parameter",
                bad.to_string(),
                Some(bad.parameter.clone()),
            ),
            ApiError::Shared(shared) => shared.to_response(),
            ApiError::NotFound(what) => {
                problem_response(StatusCode::NOT_FOUND, "Not found", what.clone(), None)
            }
            ApiError::Query(QueryError::Damaged(_)) => {
                tracing::error!(error = %self, "request failed");
                let mut response = problem_response(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "Database being rebuilt",
                    "the figures' database was found damaged and is being built again; \
                     try again in a few seconds"
                        .to_string(),
                    None,
                );
                response.headers_mut().insert(
                    header::RETRY_AFTER,
                    HeaderValue::from_static(REBUILD_RETRY_AFTER),
                );
                response
            }
            ApiError::Render(_) | ApiError::Export(_) | ApiError::Query(_) => {
                tracing::error!(error = %self, "request failed");
                problem_response(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "Internal error",
                    "the figures could not be read; the error has been logged".to_string(),
                    None,
                )
            }
        }
    }
}
