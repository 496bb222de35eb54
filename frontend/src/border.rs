//! The curated Mexico–USA border page: four sources side by side, each
//! with its caveat and a link to explore it.

use leptos::prelude::*;
use tipstats_shared::chart::Chart;
use tipstats_shared::figure::Figure;

use crate::api;
use crate::app::{Page, answer, error_paragraph, loading_figures, word};
use crate::figures::drawn_chart;
use crate::i18n::{Text, text};
use crate::state::{self, ChartPlace, ViewState};

/// The curated Mexico–USA border page: four sources side by side, each
/// with its caveat.
#[component]
pub fn BorderView() -> impl IntoView {
    let page = Page::get();
    let (catalog, lang, viewport) = (page.catalog(), page.lang, page.viewport);
    let size = Memo::new(move |_| state::chart_size(viewport.get(), ChartPlace::Panel));
    let captions: [fn(&Text) -> &'static str; 4] = [
        |t| t.border_mexico(),
        |t| t.border_us(),
        |t| t.border_encounters(),
        |t| t.border_unodc(),
    ];
    let panels = state::border_views(&catalog)
        .into_iter()
        .zip(captions)
        .map(|(view, caption)| {
            view! { <BorderPanel view caption size /> }
        })
        .collect_view();
    view! {
        <h2>{word(lang, |t| t.border_title())}</h2>
        <p class="intro">{word(lang, |t| t.border_intro())}</p>
        <div class="border-grid">{panels}</div>
    }
}

#[component]
fn BorderPanel(
    view: ViewState,
    caption: fn(&Text) -> &'static str,
    size: Memo<(u32, u32)>,
) -> impl IntoView {
    let page = Page::get();
    let (catalog, lang, dark) = (page.catalog(), page.lang, page.dark);
    let path = view.series_path();
    let series = answer(move || {
        let path = path.clone();
        let t = text(lang.get_untracked());
        Box::pin(async move { api::series(&path, t).await })
    });
    let explore = format!("?{}", view.to_page_query());
    view! {
        <section class="border-panel">
            <h3>{word(lang, caption)}</h3>
            {move || match series.get() {
                None => loading_figures(lang),
                Some(Ok(response)) => {
                    let (lang, dark) = (lang.get(), dark.get());
                    let chart = Chart::from_series(&response, &catalog, lang);
                    let figure = Figure::from_series(&response, &catalog, lang);
                    let caveat = figure.notes.first().cloned().unwrap_or_default();
                    view! {
                        {drawn_chart(&chart, size.get(), &figure.summary, dark, text(lang))}
                        <p class="warning" role="note">{caveat}</p>
                        <p class="source">{figure.source.clone()}</p>
                    }
                    .into_any()
                }
                Some(Err(message)) => error_paragraph(message),
            }}
            <p><a href=explore.clone()>{word(lang, |t| t.explore_this())}</a></p>
        </section>
    }
}
