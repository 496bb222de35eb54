//! The top of every page: the site's name, its two pages (explore, the
//! border) and the language and theme settings.

use leptos::prelude::*;
use tipstats_shared::lang::Lang;

use crate::app::{Page, word};
use tipstats_shared::view::ThemeChoice;

/// The site's name, its two pages, and the language and theme settings.
#[component]
pub fn Header() -> impl IntoView {
    let page = Page::get();
    let (view_state, lang) = (page.view, page.lang);
    // The border page is the server's own (no script needed): a plain link.
    let border_page = move || {
        view_state.with(|s| {
            let mut page = s.clone();
            page.border = true;
            format!("?{}", page.to_page_query())
        })
    };
    view! {
        <header class="top">
            <div class="brand">
                <h1>"tipstats"</h1>
                <p class="tagline">{word(lang, |t| t.tagline())}</p>
            </div>
            <nav aria-label="tipstats">
                <a href="#main" aria-current="page">{word(lang, |t| t.nav_explore())}</a>
                <a href=border_page>{word(lang, |t| t.nav_border())}</a>
                <a href=move || view_state.with(|s| s.places_link())>{word(lang, |t| t.nav_places())}</a>
            </nav>
            <div class="settings">
                <label>
                    {word(lang, |t| t.language())} " "
                    <select
                        id="lang"
                        on:change=move |ev| {
                            let lang = Lang::parse(&event_target_value(&ev));
                            page.update(|s, _| s.lang = lang);
                        }
                    >
                        <option value="en" prop:selected=move || lang.get() == Lang::En>"English"</option>
                        <option value="es" prop:selected=move || lang.get() == Lang::Es>"Español"</option>
                    </select>
                </label>
                <label>
                    {word(lang, |t| t.theme())} " "
                    <select
                        id="theme"
                        on:change=move |ev| {
                            let theme = match event_target_value(&ev).as_str() {
                                "light" => Some(ThemeChoice::Light),
                                "dark" => Some(ThemeChoice::Dark),
                                _ => None,
                            };
                            page.update(|s, _| s.theme = theme);
                        }
                    >
                        <option value="auto" prop:selected=move || view_state.with(|s| s.theme.is_none())>{word(lang, |t| t.theme_system())}</option>
                        <option value="light" prop:selected=move || view_state.with(|s| s.theme == Some(ThemeChoice::Light))>{word(lang, |t| t.theme_light())}</option>
                        <option value="dark" prop:selected=move || view_state.with(|s| s.theme == Some(ThemeChoice::Dark))>{word(lang, |t| t.theme_dark())}</option>
                    </select>
                </label>
            </div>
        </header>
    }
}
