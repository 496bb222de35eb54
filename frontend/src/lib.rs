//! The tipstats dashboard, rendered in the browser by Leptos.
//!
//! The view itself (what is shown, its URL, its repairs) is plain Rust in
//! `tipstats_shared::view`, which the server also reads to send the first
//! view drawn; [`i18n`] compiles everywhere; the components and the
//! fetching compile only for wasm32. The border page is the server's alone.

pub mod i18n;

#[cfg(target_arch = "wasm32")]
mod api;
#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod controls;
#[cfg(target_arch = "wasm32")]
mod dom;
#[cfg(target_arch = "wasm32")]
mod explorer;
#[cfg(target_arch = "wasm32")]
mod figures;
#[cfg(target_arch = "wasm32")]
mod header;
#[cfg(target_arch = "wasm32")]
mod readout;

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(start)]
pub fn start() {
    // The server's page has the view drawn in `#first-view`; the dashboard
    // grows in the hidden `#app` and takes the page over once its figures
    // are drawn (`dom::take_over`).
    use wasm_bindgen::JsCast;
    let app = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    match app {
        Some(app) => leptos::mount::mount_to(app, app::App).forget(),
        None => leptos::mount::mount_to_body(app::App),
    }
}
