//! Typed calls to the tipstats API. A failed request becomes a sentence the
//! page can show, in its language: the server's problem detail when it sent
//! one.

use gloo_net::http::Request;
use serde::de::DeserializeOwned;
use tipstats_shared::{Catalog, Problem, SeriesResponse};

use crate::i18n::Text;

pub async fn catalog(t: &'static Text) -> Result<Catalog, String> {
    get_json("/api/v1/catalog", t).await
}

/// `path` is a `/api/v1/series?…` address.
pub async fn series(path: &str, t: &'static Text) -> Result<SeriesResponse, String> {
    get_json(path, t).await
}

async fn get_json<T: DeserializeOwned>(path: &str, t: &'static Text) -> Result<T, String> {
    let response = Request::get(path)
        .send()
        .await
        .map_err(|e| format!("{} ({e}).", t.unreachable))?;
    if !response.ok() {
        let status = response.status();
        return Err(match response.json::<Problem>().await {
            Ok(problem) => problem.detail,
            Err(_) => format!("{} {status}.", t.server_answered),
        });
    }
    response
        .json::<T>()
        .await
        .map_err(|e| format!("{} ({e}).", t.unreadable))
}
