//! The one error type of the HTTP layer. A client's mistake becomes a 400
//! problem document naming the parameter; anything else is logged in full
//! and answered with a plain 500 that leaks no internals.

use axum::Json;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use tipstats_shared::Problem;

use crate::query::BadParameter;
use crate::store::QueryError;

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
    /// What another request met making the same answer, shared with those
    /// that waited for it.
    #[error("{0}")]
    Shared(String),
}

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
        match self {
            ApiError::BadParameter(bad) => problem_response(
                StatusCode::BAD_REQUEST,
                "Bad request parameter",
                bad.to_string(),
                Some(bad.parameter),
            ),
            ApiError::Render(_)
            | ApiError::Export(_)
            | ApiError::Query(_)
            | ApiError::Shared(_) => {
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
