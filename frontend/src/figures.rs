//! A view's figures in the page: the chart drawn at the width it is shown,
//! described for screen readers, with its coverage and caveat; the table,
//! the sources and the share panel are the server's, in a slot.

use std::sync::Arc;

use leptos::prelude::*;
use tipstats_shared::chart::Chart;
use tipstats_shared::figure::Figure;
use tipstats_shared::lang::Lang;
use tipstats_shared::query::{ChartKind, Relative, Scale, Tab};
use tipstats_shared::{Catalog, NoteKind, SeriesResponse};

use crate::app::Page;
use crate::i18n::{Text, text};
use crate::readout::readable_chart;

/// A view's figures as the API answered them: title and subtitle, the
/// tabs, and the chosen tab's panel. The chart's panel keeps the caveat and
/// any sharp change of coverage in view; the numbered notes are in the
/// sources' panel.
#[component]
pub fn Figures(
    catalog: Arc<Catalog>,
    response: Arc<SeriesResponse>,
    /// How the chart draws the figures: its kind, relative change, scale.
    look: (ChartKind, Option<Relative>, Scale),
    tab: Tab,
    lang: Lang,
    dark: bool,
    size: (u32, u32),
    /// The view's query when it is a map: map.js asks the server for the
    /// map panel of it (`/map.html`) at the slot's width.
    map: Option<String>,
) -> impl IntoView {
    let t = text(lang);
    let figure = Figure::from_series(&response, &catalog, lang);
    let panel = match (tab, map) {
        // map.js (loaded by readout.js) fills the slot with the server's
        // drawing: the map's code and geometry stay out of the bundle.
        (Tab::Chart, Some(query)) => {
            view! { <div class="map-slot" data-map=query></div> }.into_any()
        }
        (Tab::Chart, None) => chart_panel(&catalog, &response, &figure, look, lang, dark, size),
        // readout.js fills the slot with the server's panel (/table.html,
        // /sources.html, /share.html): their words and markup stay out of
        // the bundle.
        (tab, _) => {
            let query = Page::get().view.with_untracked(|s| s.to_page_query());
            let src = format!(
                "/{}.html?{query}&panel_lang={}",
                tab.as_str(),
                lang.as_str()
            );
            view! { <div class="panel-slot" data-panel=src></div> }.into_any()
        }
    };
    view! {
        <h2 class="figure-title">{figure.title.clone()}</h2>
        <p class="figure-subtitle">{figure.subtitle.clone()}</p>
        <Tabs current=tab t />
        <div class="panel" id="panel">{panel}</div>
    }
}

/// The tabs, as links to the same view with another tab: each tab has its
/// address, and works as a link without script.
#[component]
fn Tabs(current: Tab, t: &'static Text) -> impl IntoView {
    let page = Page::get();
    let links = Tab::ALL
        .iter()
        .map(|&tab| {
            let href = page.view.with_untracked(|s| {
                let mut other = s.clone();
                other.tab = tab;
                format!("?{}", other.to_page_query())
            });
            view! {
                <a href=href aria-current=(tab == current).then_some("page")
                    on:click=move |ev| {
                        ev.prevent_default();
                        page.update(|s, _| s.tab = tab);
                    }>
                    {t.tab(tab)}
                </a>
            }
        })
        .collect_view();
    view! { <nav class="tabs" aria-label=t.tabs()>{links}</nav> }
}

/// The chart drawn at the width it is shown, with the caveat, any sharp
/// change of coverage and the source line.
fn chart_panel(
    catalog: &Catalog,
    response: &SeriesResponse,
    figure: &Figure,
    (kind, relative, scale): (ChartKind, Option<Relative>, Scale),
    lang: Lang,
    dark: bool,
    size: (u32, u32),
) -> AnyView {
    let t = text(lang);
    // A User Timing mark once the chart is in the page: the benchmark of
    // the first chart reads it (`bench/first-chart`).
    Effect::new(|_| {
        if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
            let _ = performance.mark("tipstats:chart");
        }
    });
    let mut chart = Chart::from_series(response, catalog, lang).drawn_as(kind, relative, scale);
    // The page sets the title above the chart, as text.
    chart.title = String::new();
    let caveat = figure.notes.first().cloned();
    let coverage_warning = response
        .notes
        .iter()
        .any(|n| n.kind == NoteKind::Coverage)
        .then(|| view! { <p class="warning" role="note">{t.coverage_warning()}</p> });
    view! {
        {readable_chart(catalog, response, &chart, size, &figure.summary, dark, lang)}
        {caveat.map(|c| view! { <p class="caveat" role="note">{c}</p> })}
        {coverage_warning}
        <p class="source">{figure.source.clone()}</p>
    }
    .into_any()
}
