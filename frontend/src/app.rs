//! The dashboard's root: the catalog's loading, the [`Page`] context every
//! component reads (the view, its language, theme and width), the page's
//! URL, language and theme following the view, and the helpers the
//! components share. The components only wire signals to the DOM: the
//! view's logic is in `tipstats_shared::view`, the words in [`crate::i18n`], the
//! chart in `tipstats_shared::chart`, the number formatting in
//! `tipstats_shared::format`.

use std::cell::Cell;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::Arc;

use leptos::ev;
use leptos::prelude::*;
use tipstats_shared::Catalog;
use tipstats_shared::lang::Lang;

use crate::api;
use crate::dom::{browser_lang, push_url, search, system_prefers_dark, viewport_width};
use crate::explorer::Explorer;
use crate::header::Header;
use crate::i18n::{Text, text};
use tipstats_shared::view::{ThemeChoice, ViewState};

/// What every component of the dashboard reads, given once by
/// [`Dashboard`] as a context rather than passed down through each.
#[derive(Clone, Copy)]
pub struct Page {
    pub catalog: StoredValue<Arc<Catalog>>,
    pub view: ReadSignal<ViewState>,
    set_view: WriteSignal<ViewState>,
    /// The view's language, or the browser's when the view names none.
    pub lang: Memo<Lang>,
    /// The view's theme, or the system's when the view names none.
    pub dark: Memo<bool>,
    /// The page's width: charts are drawn at the width they are shown
    /// (`view::chart_size`).
    pub viewport: ReadSignal<u32>,
}

impl Page {
    /// The context [`Dashboard`] provides to everything inside it.
    pub fn get() -> Page {
        expect_context()
    }

    pub fn catalog(&self) -> Arc<Catalog> {
        self.catalog.get_value()
    }

    /// Changes the view, with the catalog at hand for its rules.
    pub fn update(&self, change: impl FnOnce(&mut ViewState, &Catalog)) {
        self.catalog
            .with_value(|catalog| self.set_view.update(|view| change(view, catalog)));
    }
}

#[component]
pub fn App() -> impl IntoView {
    let lang = browser_lang();
    let catalog = answer(move || Box::pin(api::catalog(text(lang))));
    move || match catalog.get() {
        None => {
            view! { <p class="status" role="status">{text(lang).loading_catalog()}</p> }.into_any()
        }
        Some(Ok(catalog)) => view! { <Dashboard catalog /> }.into_any(),
        Some(Err(message)) => error_paragraph(message),
    }
}

/// What the API answered to the latest request `request` makes, `None`
/// until the first answer. `request` reruns whenever a signal it reads
/// changes; the last answer stays on the page until the next arrives, and
/// an answer that arrives after a newer request was made is dropped.
///
/// A signal fed by `spawn_local` instead of Leptos's resources and
/// `<Transition>`: their machinery, compiled per resource, weighed about a
/// tenth of the bundle.
pub fn answer<T: Send + Sync + 'static>(
    request: impl Fn() -> Pin<Box<dyn Future<Output = Result<T, String>>>> + 'static,
) -> ReadSignal<Option<Result<Arc<T>, String>>> {
    let (answer, set_answer) = signal(None);
    let latest = Rc::new(Cell::new(0_u64));
    Effect::new(move |_| {
        let pending = request();
        let number = latest.get().wrapping_add(1);
        latest.set(number);
        let latest = Rc::clone(&latest);
        leptos::task::spawn_local(async move {
            let result = pending.await.map(Arc::new);
            if latest.get() == number {
                set_answer.set(Some(result));
            }
        });
    });
    answer
}

pub fn error_paragraph(message: String) -> AnyView {
    view! { <p class="error" role="alert">{message}</p> }.into_any()
}

#[component]
fn Dashboard(catalog: Arc<Catalog>) -> impl IntoView {
    let (view, set_view) = signal(ViewState::from_query(&search(), &catalog));
    let navigator_language = web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_default();
    let lang = Memo::new(move |_| view.with(|s| s.effective_lang(&navigator_language)));
    let dark = Memo::new(move |_| match view.with(|s| s.theme) {
        Some(ThemeChoice::Dark) => true,
        Some(ThemeChoice::Light) => false,
        None => system_prefers_dark(),
    });
    let (viewport, set_viewport) = signal(viewport_width());
    let _ = window_event_listener(ev::resize, move |_| set_viewport.set(viewport_width()));
    let page = Page {
        catalog: StoredValue::new(catalog),
        view,
        set_view,
        lang,
        dark,
        viewport,
    };
    provide_context(page);
    follow_the_view(page);
    view! {
        <Header />
        <main id="main">
            <Explorer />
        </main>
    }
}

/// The page follows the view: its URL (a new history entry per change, so
/// back and forward work), its language and its theme; and the view
/// follows the history.
fn follow_the_view(page: Page) {
    let view = page.view;
    Effect::new(move |_| {
        let query = format!("?{}", view.with(|s| s.to_page_query()));
        if search() != query {
            push_url(&query);
        }
    });
    Effect::new(move |_| {
        let root = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element());
        if let Some(root) = root {
            let _ = root.set_attribute("lang", page.lang.get().as_str());
            let theme = view.with(|s| match s.theme {
                Some(ThemeChoice::Dark) => "dark",
                Some(ThemeChoice::Light) => "light",
                None => "auto",
            });
            let _ = root.set_attribute("data-theme", theme);
        }
    });
    let _ = window_event_listener(ev::popstate, move |_| {
        page.update(|view, catalog| *view = ViewState::from_query(&search(), catalog));
    });
}

/// A word of the interface in the reader's language, as a text or an
/// attribute that follows the language. One function for every word, so
/// that Leptos compiles the code that renders it once: a closure written
/// out per word is a type of its own, and each would get its copy.
pub fn word(
    lang: Memo<Lang>,
    pick: fn(&'static Text) -> &'static str,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    move || pick(text(lang.get()))
}

/// A text of the catalog that follows the reader's language: `en`, or `es`
/// when the page is in Spanish.
pub fn in_lang(lang: Memo<Lang>, en: &str, es: &str) -> impl Fn() -> String + Send + Sync + use<> {
    let (en, es) = (en.to_string(), es.to_string());
    move || {
        if lang.get() == Lang::Es {
            es.clone()
        } else {
            en.clone()
        }
    }
}

pub fn loading_figures(lang: Memo<Lang>) -> AnyView {
    view! { <p class="status" role="status">{word(lang, |t| t.loading_figures())}</p> }.into_any()
}
