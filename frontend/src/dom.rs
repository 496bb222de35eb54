//! What the dashboard asks of the browser: the address, the language, the
//! width and colour scheme of the page, the history.

use tipstats_shared::lang::Lang;

use crate::state::ViewState;

/// The browser's preferred language, as the URL's `lang` would name it.
pub fn browser_lang() -> Lang {
    let language = web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_default();
    ViewState::effective_lang_of(None, &language)
}

pub fn search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The page's width in CSS pixels, without a scroll bar.
pub fn viewport_width() -> u32 {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .map_or(860, |root| u32::try_from(root.client_width()).unwrap_or(0))
}

/// Whether the system asks for dark pages.
pub fn system_prefers_dark() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches())
}

pub fn push_url(query: &str) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(query));
    }
}

/// The page's own origin (`https://stats.example.org`).
pub fn origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}
