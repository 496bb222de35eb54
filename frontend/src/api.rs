//! Typed calls to the tipstats API. A failed request becomes a sentence the
//! page can show, in its language: the server's problem detail when it sent
//! one.

use gloo_net::http::Request;
use serde::de::DeserializeOwned;
use tipstats_shared::{Catalog, SeriesResponse};

use crate::i18n::Text;

/// The catalog and the interface's words, asked for together; the words
/// are [`load`](tipstats_shared::words::load)ed before the catalog is
/// given back, so that everything drawn with it has its words.
pub async fn catalog(t: &'static Text) -> Result<Catalog, String> {
    let (catalog, words) =
        futures::future::join(get_json::<Catalog>("/api/v1/catalog", t), words(t)).await;
    words?;
    catalog
}

/// `/api/v1/words`, read from the browser's own JSON object: each
/// language's list of strings, kept for the page's life.
async fn words(t: &'static Text) -> Result<(), String> {
    let lists = get_value("/api/v1/words", t).await?;
    let list = |lang: &str| -> Vec<String> {
        js_sys::Reflect::get(&lists, &lang.into())
            .map(|value| js_sys::Array::from(&value))
            .map(|array| array.iter().filter_map(|word| word.as_string()).collect())
            .unwrap_or_default()
    };
    tipstats_shared::words::load(list("en"), list("es"))
        .map_err(|e| format!("{} ({e}).", t.unreadable()))
}

/// `path` is a `/api/v1/series?…` address.
pub async fn series(path: &str, t: &'static Text) -> Result<SeriesResponse, String> {
    get_json(path, t).await
}

async fn get_json<T: DeserializeOwned>(path: &str, t: &'static Text) -> Result<T, String> {
    let value = get_value(path, t).await?;
    serde_wasm_bindgen::from_value(value).map_err(|e| format!("{} ({e}).", t.unreadable()))
}

/// The JSON at `path`, parsed by the browser.
async fn get_value(path: &str, t: &'static Text) -> Result<wasm_bindgen::JsValue, String> {
    let response = Request::get(path)
        .send()
        .await
        .map_err(|e| unreachable(e, t))?;
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
    js_sys::JSON::parse(&text).map_err(|_| format!("{} (not JSON).", t.unreadable()))
}

/// The server could not be reached: the browser's words for why. Written
/// without the error's `Display`, which would bring serde_json's error
/// messages into the bundle (another crate turns on gloo-net's `json`).
fn unreachable(error: gloo_net::Error, t: &Text) -> String {
    match error {
        gloo_net::Error::JsError(js) => format!("{} ({}).", t.unreachable(), js.message),
        _ => format!("{}.", t.unreachable()),
    }
}

/// The `detail` of a problem document (`tipstats_shared::Problem`), the
/// sentence it has for people: read from the JS object alone, which costs
/// the bundle less than deserializing the whole document.
fn problem_detail(problem: &wasm_bindgen::JsValue) -> Option<String> {
    js_sys::Reflect::get(problem, &"detail".into())
        .ok()?
        .as_string()
}
