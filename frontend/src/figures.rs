//! A view's figures in the page: the chart drawn at the width it is shown,
//! described for screen readers, with its coverage, sources, notes,
//! citation and table.

use std::sync::Arc;

use leptos::prelude::*;
use tipstats_shared::chart::Chart;
use tipstats_shared::figure::{Figure, category_in, reporters_of};
use tipstats_shared::format::{bounds_cell, row_rate_cell, value_cell_in};
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
    permalink: String,
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
        (Tab::Table, _) => table(&catalog, &response, lang),
        (Tab::Sources, _) => sources_panel(&response, &figure, &permalink, lang),
        // readout.js fills the slot with the server's panel (/share.html).
        (Tab::Share, _) => {
            let query = Page::get().view.with_untracked(|s| s.to_page_query());
            let query = format!("{query}&panel_lang={}", lang.as_str());
            view! { <div class="share-slot" data-share=query></div> }.into_any()
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

/// Where the figures come from, every note numbered as the chart's markers
/// count them, and how to cite the view. How many reported each year is in
/// the chart's readout and the table.
fn sources_panel(
    response: &SeriesResponse,
    figure: &Figure,
    permalink: &str,
    lang: Lang,
) -> AnyView {
    let t = text(lang);
    let sources = response
        .sources
        .iter()
        .map(|s| view! { <p class="source">{t.source()} ": " <a href=s.url.clone()>{s.citation.clone()}</a></p> })
        .collect_view();
    let notes = figure
        .notes
        .iter()
        .map(|n| view! { <li>{n.clone()}</li> })
        .collect_view();
    view! {
        {sources}
        <h3 class="notes-title">{t.notes()}</h3>
        <ul class="notes">{notes}</ul>
        <p class="cite"><strong>{t.cite()} ": "</strong>{figure.citation(permalink, lang)}</p>
    }
    .into_any()
}

/// Every figure of the view, a row per place, year and category.
fn table(catalog: &Catalog, response: &SeriesResponse, lang: Lang) -> AnyView {
    let t = text(lang);
    let per_100k = response.per.is_some();
    let by = response.by.is_some();
    let rows = response
        .regions
        .iter()
        .flat_map(|code| response.rows.iter().filter(move |r| &r.region == code))
        .map(|row| {
            view! {
                <tr data-region=row.region.clone() data-year=row.year>
                    <th scope="row">{catalog.region_name_in(&row.region, lang).to_string()}</th>
                    <td>{row.year}</td>
                    {by.then(|| view! { <td class="category">{row.category.as_deref().map(|c| category_in(c, lang).to_string())}</td> })}
                    <td class="value">{value_cell_in(row, lang)}</td>
                    {per_100k.then(|| view! { <td class="rate">{row_rate_cell(row)}</td> })}
                    <td class="bounds">{bounds_cell(row, lang)}</td>
                    <td class="units">{row.reporting_units}</td>
                    <td class="suppressed">{row.suppressed_cells}</td>
                </tr>
            }
        })
        .collect_view();
    let reporters = reporters_of(catalog, &response.indicator, lang);
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby="figures-caption">
            <table id="figures">
                <caption id="figures-caption">{t.table_caption()}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t.col_place()}</th>
                        <th scope="col">{t.col_year()}</th>
                        {by.then(|| view! { <th scope="col">{t.col_category()}</th> })}
                        <th scope="col">{t.col_value()}</th>
                        {per_100k.then(|| view! { <th scope="col">{t.col_rate()}</th> })}
                        <th scope="col">{t.col_range()}</th>
                        <th scope="col">{format!("{} ({reporters})", t.col_reporting())}</th>
                        <th scope="col">{t.col_suppressed()}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}
