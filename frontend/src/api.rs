//! Typed calls to the tipstats API. A failed request becomes a sentence the
//! page can show: the server's problem detail when it sent one.

use gloo_net::http::Request;
use serde::de::DeserializeOwned;
use tipstats_shared::{Catalog, Problem, SeriesResponse};

use crate::state::ViewState;

pub async fn catalog() -> Result<Catalog, String> {
    get_json("/api/v1/catalog").await
}

pub async fn series(view: &ViewState) -> Result<SeriesResponse, String> {
    get_json(&view.series_path()).await
}

async fn get_json<T: DeserializeOwned>(path: &str) -> Result<T, String> {
    let response = Request::get(path)
        .send()
        .await
        .map_err(|e| format!("The server could not be reached ({e})."))?;
    if !response.ok() {
        let status = response.status();
        return Err(match response.json::<Problem>().await {
            Ok(problem) => problem.detail,
            Err(_) => format!("The server answered {status}."),
        });
    }
    response
        .json::<T>()
        .await
        .map_err(|e| format!("The answer could not be read ({e})."))
}
