//! What the dashboard asks of the browser: the address, the language, the
//! width and colour scheme of the page, the history.

use tipstats_shared::lang::Lang;

use tipstats_shared::view::ViewState;

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

/// Puts the dashboard where the server's first view was, in one step: the
/// page is laid out alike, so nothing moves.
pub fn take_over() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(first) = document.get_element_by_id("first-view") {
        first.remove();
    }
    if let Some(app) = document.get_element_by_id("app") {
        let _ = app.remove_attribute("hidden");
    }
}
