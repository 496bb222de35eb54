//! The explorer page: the controls, the chosen view's figures (fetched
//! again only when what the API is asked changes) and the share panel.

use leptos::prelude::*;

use crate::api;
use crate::app::{Page, answer, error_paragraph, loading_figures, word};
use crate::controls::{IndicatorPicker, Options, RegionPicker, YearRange};
use crate::dom::take_over;
use crate::figures::Figures;
use crate::i18n::text;
use tipstats_shared::query::ChartKind;
use tipstats_shared::view::{self, ChartPlace};

/// The explorer: the controls, the view's figures and where they can go.
#[component]
pub fn Explorer() -> impl IntoView {
    let page = Page::get();
    let Page {
        view: view_state,
        lang,
        dark,
        viewport,
        ..
    } = page;
    let size = Memo::new(move |_| view::chart_size(viewport.get(), ChartPlace::Page));
    // Only what the API is asked changes the fetch; chart kind, language
    // and theme redraw what is already here.
    let query = Memo::new(move |_| view_state.with(|s| s.to_query()));
    let series = answer(move || {
        let path = format!("/api/v1/series?{}", query.get());
        let t = text(lang.get_untracked());
        Box::pin(async move { api::series(&path, t).await })
    });
    Effect::new(move |_| {
        if series.with(Option::is_some) {
            take_over();
        }
    });
    // The figure first, on every screen; the controls under it.
    view! {
        <section class="result" aria-label=word(lang, |t| t.tabs())>
            {move || match series.get() {
                None => loading_figures(lang),
                Some(Ok(response)) => {
                    let catalog = page.catalog();
                    let (lang, dark, size) = (lang.get(), dark.get(), size.get());
                    let (look, tab, map) = view_state.with(|s| {
                        let map = (s.chart == ChartKind::Map).then(|| s.to_page_query());
                        ((s.chart, s.relative, s.scale), s.tab, map)
                    });
                    view! { <Figures catalog response look tab lang dark size map /> }.into_any()
                }
                Some(Err(message)) => error_paragraph(message),
            }}
        </section>
        <section class="controls" aria-label=word(lang, |t| t.what_to_show())>
            <IndicatorPicker />
            <RegionPicker />
            <YearRange />
            <Options />
        </section>
    }
}
