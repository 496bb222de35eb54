//! The components. They only wire signals to the DOM: the view's logic is in
//! [`crate::state`], the chart in `tipstats_shared::chart`, the number
//! formatting in `tipstats_shared::format`.

use std::sync::Arc;

use leptos::prelude::*;
use tipstats_shared::chart::{self, LineChart, Theme};
use tipstats_shared::figure::{Figure, Lang};
use tipstats_shared::format::{bounds_cell, value_cell};
use tipstats_shared::{Catalog, RegionLevel, SeriesResponse};

use crate::api;
use crate::state::{self, ViewState};

/// The chart's drawing size; CSS scales the SVG to the page's width.
const CHART_SIZE: (u32, u32) = (860, 420);

#[component]
pub fn App() -> impl IntoView {
    let catalog = LocalResource::new(api::catalog);
    view! {
        <header class="top">
            <h1>"tipstats"</h1>
            <p class="tagline">"Public figures on human trafficking, with their sources and their limits"</p>
        </header>
        <main id="main">
            <Transition fallback=|| view! { <p class="status" role="status">"Loading the catalog…"</p> }>
                {move || Suspend::new(async move {
                    match catalog.await {
                        Ok(catalog) => view! { <Dashboard catalog=Arc::new(catalog) /> }.into_any(),
                        Err(message) => view! { <p class="error" role="alert">{message}</p> }.into_any(),
                    }
                })}
            </Transition>
        </main>
    }
}

#[component]
fn Dashboard(catalog: Arc<Catalog>) -> impl IntoView {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let (view_state, set_view_state) = signal(ViewState::from_query(&search, &catalog));
    // The URL follows the view, so a reload or a copied link shows the same.
    Effect::new(move |_| view_state.with(|s| replace_url(&s.to_query())));
    let series = LocalResource::new(move || {
        let view = view_state.get();
        async move { api::series(&view).await }
    });
    let for_figures = Arc::clone(&catalog);
    view! {
        <section class="controls" aria-label="What to show">
            <IndicatorPicker catalog=Arc::clone(&catalog) view_state set_view_state />
            <YearRange catalog=Arc::clone(&catalog) view_state set_view_state />
            <RateToggle catalog=Arc::clone(&catalog) view_state set_view_state />
            <RegionPicker catalog view_state set_view_state />
        </section>
        <section class="result" aria-live="polite">
            <Transition fallback=|| view! { <p class="status" role="status">"Loading the figures…"</p> }>
                {move || {
                    let catalog = Arc::clone(&for_figures);
                    let permalink = view_state.with_untracked(|s| s.share_links(&origin()).permalink);
                    Suspend::new(async move {
                        match series.await {
                            Ok(response) => view! { <Figures catalog response permalink /> }.into_any(),
                            Err(message) => view! { <p class="error" role="alert">{message}</p> }.into_any(),
                        }
                    })
                }}
            </Transition>
        </section>
        <Share view_state />
    }
}

/// The page's own origin (`https://stats.example.org`).
fn origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// Rates per 100,000 inhabitants, offered where the publisher prints them.
#[component]
fn RateToggle(
    catalog: Arc<Catalog>,
    view_state: ReadSignal<ViewState>,
    set_view_state: WriteSignal<ViewState>,
) -> impl IntoView {
    let available = {
        let catalog = Arc::clone(&catalog);
        move || view_state.with(|s| catalog.indicator(&s.indicator).is_some_and(|i| i.per_100k))
    };
    view! {
        <Show when=available>
            {
                let catalog = Arc::clone(&catalog);
                view! {
                    <div class="field">
                        <label>
                            <input
                                id="per-100k"
                                type="checkbox"
                                prop:checked=move || view_state.with(|s| s.per_100k)
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    set_view_state.update(|s| s.set_per_100k(on, &catalog));
                                }
                            />
                            " Per 100,000 inhabitants"
                        </label>
                        <p class="hint">"The publisher's own rates, for Mexico and each state; never summed."</p>
                    </div>
                }
            }
        </Show>
    }
}

/// Where the view can go: a link, an embed, images, files.
#[component]
fn Share(view_state: ReadSignal<ViewState>) -> impl IntoView {
    let links = move || view_state.with(|s| s.share_links(&origin()));
    view! {
        <details class="share">
            <summary>"Share, embed, download"</summary>
            {move || {
                let links = links();
                let images = links
                    .images
                    .into_iter()
                    .map(|(label, url)| view! { <li><a href=url>{label}</a></li> })
                    .collect_view();
                let downloads = links
                    .downloads
                    .into_iter()
                    .map(|(format, url)| view! { <li><a href=url download>{format.to_uppercase()}</a></li> })
                    .collect_view();
                view! {
                    <label for="permalink">"Link to this view"</label>
                    <input id="permalink" readonly value=links.permalink />
                    <label for="embed-code">"Embed it in a page (the frame sets its own height)"</label>
                    <textarea id="embed-code" readonly rows="7">{links.embed_snippet}</textarea>
                    <p>"The chart as an image:"</p>
                    <ul class="links">{images}</ul>
                    <p>"These figures as a file, with their citation and caveats:"</p>
                    <ul class="links">
                        {downloads}
                        <li><a href="/api/v1/dataset.zip" download>"Whole dataset (ZIP)"</a></li>
                    </ul>
                }
            }}
        </details>
    }
}

fn replace_url(query: &str) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("?{query}")),
        );
    }
}

#[component]
fn IndicatorPicker(
    catalog: Arc<Catalog>,
    view_state: ReadSignal<ViewState>,
    set_view_state: WriteSignal<ViewState>,
) -> impl IntoView {
    let options = catalog
        .indicators
        .iter()
        .map(|indicator| {
            let id = indicator.id.clone();
            let selected_id = id.clone();
            view! {
                <option value=id prop:selected=move || view_state.with(|s| s.indicator == selected_id)>
                    {indicator.name.clone()}
                </option>
            }
        })
        .collect_view();
    let description = {
        let catalog = Arc::clone(&catalog);
        move || {
            view_state.with(|s| {
                catalog
                    .indicator(&s.indicator)
                    .map(|i| i.description.clone())
            })
        }
    };
    view! {
        <div class="field">
            <label for="indicator">"Indicator"</label>
            <select
                id="indicator"
                aria-describedby="indicator-description"
                on:change=move |ev| {
                    let id = event_target_value(&ev);
                    set_view_state.update(|s| s.set_indicator(&id, &catalog));
                }
            >
                {options}
            </select>
            <p id="indicator-description" class="hint">{description}</p>
        </div>
    }
}

#[component]
fn YearRange(
    catalog: Arc<Catalog>,
    view_state: ReadSignal<ViewState>,
    set_view_state: WriteSignal<ViewState>,
) -> impl IntoView {
    // A memo is `Copy`, so the four attribute closures below can share it.
    let bounds = {
        let catalog = Arc::clone(&catalog);
        Memo::new(move |_| {
            view_state.with(|s| {
                catalog
                    .indicator(&s.indicator)
                    .map_or((1990, 2100), |i| (i.first_year, i.last_year))
            })
        })
    };
    let catalog_to = Arc::clone(&catalog);
    view! {
        <fieldset class="field years">
            <legend>"Years"</legend>
            <label>
                "From "
                <input
                    id="from"
                    type="number"
                    inputmode="numeric"
                    min=move || bounds.get().0
                    max=move || bounds.get().1
                    prop:value=move || view_state.with(|s| s.from.to_string())
                    on:change=move |ev| {
                        if let Ok(year) = event_target_value(&ev).trim().parse::<i32>() {
                            set_view_state.update(|s| s.set_from(year, &catalog));
                        }
                    }
                />
            </label>
            <label>
                "to "
                <input
                    id="to"
                    type="number"
                    inputmode="numeric"
                    min=move || bounds.get().0
                    max=move || bounds.get().1
                    prop:value=move || view_state.with(|s| s.to.to_string())
                    on:change=move |ev| {
                        if let Ok(year) = event_target_value(&ev).trim().parse::<i32>() {
                            set_view_state.update(|s| s.set_to(year, &catalog_to));
                        }
                    }
                />
            </label>
        </fieldset>
    }
}

#[component]
fn RegionPicker(
    catalog: Arc<Catalog>,
    view_state: ReadSignal<ViewState>,
    set_view_state: WriteSignal<ViewState>,
) -> impl IntoView {
    let boxes = state::aggregate_regions(&catalog)
        .map(|region| {
            let code = region.code.clone();
            let checked_code = code.clone();
            let class = format!("region level-{}", region.level.as_str());
            view! {
                <label class=class>
                    <input
                        type="checkbox"
                        value=code.clone()
                        prop:checked=move || view_state.with(|s| s.regions.contains(&checked_code))
                        on:change=move |_| set_view_state.update(|s| s.toggle_region(&code))
                    />
                    {region.name.clone()}
                </label>
            }
        })
        .collect_view();
    // Countries, then each country's states, in groups.
    let option = |r: &tipstats_shared::Region| {
        view! { <option value=r.code.clone()>{r.name.clone()}</option> }
    };
    let place_group = |label: String, level: RegionLevel, parent: Option<&str>| {
        let options = catalog
            .regions
            .iter()
            .filter(|r| r.level == level && (parent.is_none() || r.parent.as_deref() == parent))
            .map(option)
            .collect_view();
        view! { <optgroup label=label>{options}</optgroup> }
    };
    let country_options = view! {
        {place_group("Countries".into(), RegionLevel::Country, None)}
        {place_group(format!("States of {}", catalog.region_name("MEX")), RegionLevel::State, Some("MEX"))}
        {place_group(format!("States of the {}", catalog.region_name("USA")), RegionLevel::State, Some("USA"))}
        {place_group("US Border Patrol sectors".into(), RegionLevel::Sector, None)}
    };
    let chosen_countries = {
        let catalog = Arc::clone(&catalog);
        move || {
            view_state
                .get()
                .regions
                .into_iter()
                .filter(|code| {
                    catalog.region(code).is_some_and(|r| {
                        matches!(
                            r.level,
                            RegionLevel::Country | RegionLevel::State | RegionLevel::Sector
                        )
                    })
                })
                .map(|code| {
                    let name = catalog.region_name(&code).to_string();
                    let label = format!("Remove {name}");
                    view! {
                        <button
                            type="button"
                            class="chip"
                            aria-label=label
                            on:click=move |_| set_view_state.update(|s| s.toggle_region(&code))
                        >
                            {name}
                            " ×"
                        </button>
                    }
                })
                .collect_view()
        }
    };
    view! {
        <fieldset class="field regions">
            <legend>"Regions"</legend>
            <div class="region-boxes">{boxes}</div>
            <label for="add-country">"Add a country or state"</label>
            <select
                id="add-country"
                on:change=move |ev| {
                    let code = event_target_value(&ev);
                    if !code.is_empty() {
                        set_view_state.update(|s| {
                            if !s.regions.contains(&code) {
                                s.toggle_region(&code);
                            }
                        });
                    }
                    let select: web_sys::HtmlSelectElement = event_target(&ev);
                    select.set_value("");
                }
            >
                <option value="">"Choose…"</option>
                {country_options}
            </select>
            <div class="chips">{chosen_countries}</div>
        </fieldset>
    }
}

#[component]
fn Figures(catalog: Arc<Catalog>, response: SeriesResponse, permalink: String) -> impl IntoView {
    let line_chart = LineChart::from_series(&response, &catalog, Lang::En);
    let figure = Figure::from_series(&response, &catalog, Lang::En);
    let citation = figure.citation(&permalink, Lang::En);
    let summary = figure.summary;
    let per_100k = response.per.is_some();
    let chart_view = match chart::line_chart_svg(&line_chart, CHART_SIZE, Theme::LIGHT) {
        Ok(svg) => view! {
            <figure class="chart">
                <div class="chart-svg" role="img" aria-label=summary.clone() inner_html=svg></div>
                <figcaption class="summary">{summary}</figcaption>
            </figure>
        }
        .into_any(),
        Err(error) => view! { <p class="error" role="alert">{format!("The chart could not be drawn: {error}")}</p> }.into_any(),
    };
    let sources = response
        .sources
        .iter()
        .map(|s| view! { <p class="source">"Source: " <a href=s.url.clone()>{s.citation.clone()}</a></p> })
        .collect_view();
    let notes = response
        .notes
        .iter()
        .map(|n| view! { <li class=format!("note {}", n.kind)>{n.text.clone()}</li> })
        .collect_view();
    let reporters_heading = format!(
        "Reporting {}",
        catalog
            .indicator(&response.indicator)
            .map_or("units", |i| i.reporters.as_str())
    );
    let rows = response
        .regions
        .iter()
        .flat_map(|code| response.rows.iter().filter(move |r| &r.region == code))
        .map(|row| {
            view! {
                <tr data-region=row.region.clone() data-year=row.year>
                    <th scope="row">{catalog.region_name(&row.region).to_string()}</th>
                    <td>{row.year}</td>
                    <td class="value">{value_cell(row)}</td>
                    {per_100k.then(|| view! { <td class="rate">{row.rate.map(|r| format!("{r:.2}"))}</td> })}
                    <td class="bounds">{bounds_cell(row, Lang::En)}</td>
                    <td class="units">{row.reporting_units}</td>
                    <td class="suppressed">{row.suppressed_cells}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        {chart_view}
        {sources}
        <ul class="notes">{notes}</ul>
        <p class="cite"><strong>"Cite this: "</strong>{citation}</p>
        <div class="table-wrap">
            <table id="figures">
                <caption>"The figures in the chart"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Region"</th>
                        <th scope="col">"Year"</th>
                        <th scope="col">"Value"</th>
                        {per_100k.then(|| view! { <th scope="col">"Per 100,000"</th> })}
                        <th scope="col">"Range with suppressed cells"</th>
                        <th scope="col">{reporters_heading}</th>
                        <th scope="col">"Cells published as “<5”"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
