//! Typed calls to the tipstats API. A failed request becomes a sentence the
//! page can show, in its language: the server's problem detail when it sent
//! one.

use gloo_net::http::Request;
use serde::de::DeserializeOwned;
use tipstats_shared::{Catalog, SeriesResponse};

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
        .map_err(|e| format!("{} ({e}).", t.unreachable()))?;
    if !response.ok() {
        let status = response.status();
        let problem = response
            .text()
            .await
            .ok()
            .and_then(|text| js_sys::JSON::parse(&text).ok())
            .and_then(|value| problem_detail(&value));
        return Err(problem.unwrap_or_else(|| format!("{} {status}.", t.server_answered())));
    }
    // The browser's own JSON parser, then serde over the JS value: smaller
    // than compiling serde_json's parser into the bundle.
    let text = response
        .text()
        .await
        .map_err(|e| format!("{} ({e}).", t.unreadable()))?;
    let value =
        js_sys::JSON::parse(&text).map_err(|_| format!("{} (not JSON).", t.unreadable()))?;
    serde_wasm_bindgen::from_value(value).map_err(|e| format!("{} ({e}).", t.unreadable()))
}

/// The `detail` of a problem document (`tipstats_shared::Problem`), the
/// sentence it has for people: read from the JS object alone, which costs
/// the bundle less than deserializing the whole document.
fn problem_detail(problem: &wasm_bindgen::JsValue) -> Option<String> {
    js_sys::Reflect::get(problem, &"detail".into())
        .ok()?
        .as_string()
}
