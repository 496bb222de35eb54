//! A view's figures in the page: the chart drawn at the width it is shown,
//! described for screen readers, with its coverage, sources, notes,
//! citation and table.

use std::sync::Arc;

use leptos::prelude::*;
use tipstats_shared::chart::{self, Chart, Theme};
use tipstats_shared::figure::{Figure, category_in};
use tipstats_shared::format::{bounds_cell, rate_cell, thousands_in, value_cell_in};
use tipstats_shared::lang::Lang;
use tipstats_shared::query::ChartKind;
use tipstats_shared::{Catalog, NoteKind, SeriesResponse};

use crate::i18n::{Text, reporters_in, text};

/// A view's figures as the API answered them: the chart, the coverage,
/// sources, notes, citation and the full table.
#[component]
pub fn Figures(
    catalog: Arc<Catalog>,
    response: Arc<SeriesResponse>,
    permalink: String,
    kind: ChartKind,
    lang: Lang,
    dark: bool,
    size: (u32, u32),
) -> impl IntoView {
    let t = text(lang);
    // A User Timing mark once the chart is in the page: the benchmark of
    // the first chart reads it (`bench/first-chart`).
    Effect::new(|_| {
        if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
            let _ = performance.mark("tipstats:chart");
        }
    });
    let mut chart = Chart::from_series(&response, &catalog, lang);
    chart.kind = kind;
    let figure = Figure::from_series(&response, &catalog, lang);
    let citation = figure.citation(&permalink, lang);
    let chart_view = drawn_chart(&chart, size, &figure.summary, dark, t);
    let sources = response
        .sources
        .iter()
        .map(|s| view! { <p class="source">{t.source()} ": " <a href=s.url.clone()>{s.citation.clone()}</a></p> })
        .collect_view();
    let coverage_warning = response
        .notes
        .iter()
        .any(|n| n.kind == NoteKind::Coverage)
        .then(|| view! { <p class="warning" role="note">{t.coverage_warning()}</p> });
    let notes = figure
        .notes
        .iter()
        .map(|n| view! { <li>{n.clone()}</li> })
        .collect_view();
    let reporters = catalog
        .indicator(&response.indicator)
        .map_or("", |i| reporters_in(&i.reporters, lang))
        .to_string();
    let coverage = coverage_line(&response, &catalog, &reporters, lang);
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
                    {per_100k.then(|| view! { <td class="rate">{row.rate.map(rate_cell)}</td> })}
                    <td class="bounds">{bounds_cell(row, lang)}</td>
                    <td class="units">{row.reporting_units}</td>
                    <td class="suppressed">{row.suppressed_cells}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        {chart_view}
        {coverage_warning}
        <p class="coverage">{coverage}</p>
        {sources}
        <h2 class="notes-title">{t.notes()}</h2>
        <ul class="notes">{notes}</ul>
        <p class="cite"><strong>{t.cite()} ": "</strong>{citation}</p>
        <div class="table-wrap">
            <table id="figures">
                <caption>{t.table_caption()}</caption>
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
}

/// The chart as an SVG in the page, described for screen readers by the
/// one-sentence summary, which is also shown under it.
pub fn drawn_chart(
    chart: &Chart,
    size: (u32, u32),
    summary: &str,
    dark: bool,
    t: &'static Text,
) -> AnyView {
    match chart::chart_svg(chart, size, Theme::of(dark)) {
        Ok(svg) => view! {
            <figure class="chart">
                <div class="chart-svg" role="img" aria-label=summary.to_string() inner_html=svg></div>
                <figcaption class="summary">{summary.to_string()}</figcaption>
            </figure>
        }
        .into_any(),
        Err(error) => view! { <p class="error" role="alert">{format!("{}: {error}", t.chart_failed())}</p> }.into_any(),
    }
}

/// How many units reported each year, per place: "Reporting countries —
/// Americas: 2010 14 · 2011 8 …".
fn coverage_line(
    response: &SeriesResponse,
    catalog: &Catalog,
    reporters: &str,
    lang: Lang,
) -> String {
    if response.by.is_some() {
        return String::new();
    }
    let places: Vec<String> = response
        .regions
        .iter()
        .map(|code| {
            let years: Vec<String> = response
                .rows
                .iter()
                .filter(|r| &r.region == code)
                .map(|r| {
                    format!(
                        "{} {}",
                        r.year,
                        thousands_in(i64::from(r.reporting_units), lang)
                    )
                })
                .collect();
            format!(
                "{}: {}",
                catalog.region_name_in(code, lang),
                years.join(" · ")
            )
        })
        .collect();
    format!(
        "{} {reporters} — {}",
        text(lang).coverage(),
        places.join("; ")
    )
}
