//! The controls of the explorer: the indicator, the years, how the figures
//! are cut and drawn, and the places.

use std::sync::Arc;

use leptos::ev;
use leptos::prelude::*;
use tipstats_shared::RegionLevel;
use tipstats_shared::lang::Lang;
use tipstats_shared::query::ChartKind;

use crate::app::{Page, in_lang, word};
use crate::i18n::text;
use tipstats_shared::view;

/// Indicators grouped by their source, with the chosen one's definition.
#[component]
pub fn IndicatorPicker() -> impl IntoView {
    let page = Page::get();
    let (catalog, view_state, lang) = (page.catalog(), page.view, page.lang);
    let groups = catalog
        .sources
        .iter()
        .map(|source| {
            let options = catalog
                .indicators
                .iter()
                .filter(|i| i.source == source.id)
                .map(|indicator| {
                    let id = indicator.id.clone();
                    let selected_id = id.clone();
                    let name = in_lang(lang, &indicator.name, indicator.name_in(Lang::Es));
                    view! {
                        <option value=id prop:selected=move || view_state.with(|s| s.indicator == selected_id)>
                            {name}
                        </option>
                    }
                })
                .collect_view();
            view! { <optgroup label=source.publisher.clone()>{options}</optgroup> }
        })
        .collect_view();
    let description = {
        let catalog = Arc::clone(&catalog);
        move || {
            view_state.with(|s| {
                catalog
                    .indicator(&s.indicator)
                    .map(|i| i.description_in(lang.get()).to_string())
            })
        }
    };
    view! {
        <div class="field">
            <label for="indicator">{word(lang, |t| t.indicator())}</label>
            <select
                id="indicator"
                aria-describedby="indicator-description"
                on:change=move |ev| {
                    let id = event_target_value(&ev);
                    page.update(|s, c| s.set_indicator(&id, c));
                }
            >
                {groups}
            </select>
            <p id="indicator-description" class="hint">{description}</p>
        </div>
    }
}

/// The years: one range with two handles, and the two years as numbers.
#[component]
pub fn YearRange() -> impl IntoView {
    let page = Page::get();
    let (catalog, view_state, lang) = (page.catalog, page.view, page.lang);
    // A memo is `Copy`, so the attribute closures below can share it.
    let bounds = Memo::new(move |_| {
        catalog.with_value(|catalog| {
            view_state.with(|s| {
                catalog
                    .indicator(&s.indicator)
                    .map_or((1990, 2100), |i| (i.first_year, i.last_year))
            })
        })
    });
    let set_from = move |ev: ev::Event| {
        if let Ok(year) = event_target_value(&ev).trim().parse::<i32>() {
            page.update(|s, c| s.set_from(year, c));
        }
    };
    let set_to = move |ev: ev::Event| {
        if let Ok(year) = event_target_value(&ev).trim().parse::<i32>() {
            page.update(|s, c| s.set_to(year, c));
        }
    };
    let t = move || text(lang.get());
    let from = move || view_state.with(|s| s.from.to_string());
    let to = move || view_state.with(|s| s.to.to_string());
    view! {
        <fieldset class="field years">
            <legend>{word(lang, |t| t.years())}</legend>
            <div class="year-pair">
                <label>
                    {word(lang, |t| t.from())} " "
                    <input id="from" type="number" inputmode="numeric"
                        min=move || bounds.get().0 max=move || bounds.get().1
                        prop:value=from on:change=set_from />
                </label>
                <label>
                    {word(lang, |t| t.to())} " "
                    <input id="to" type="number" inputmode="numeric"
                        min=move || bounds.get().0 max=move || bounds.get().1
                        prop:value=to on:change=set_to />
                </label>
            </div>
            // One track, two handles: each is a slider of its own, so the
            // keyboard and touch move either; style.css lays them over one
            // another.
            <div class="range">
                <input type="range" aria-label=move || format!("{} ({})", t().years(), t().from())
                    min=move || bounds.get().0 max=move || bounds.get().1
                    prop:value=from on:change=set_from />
                <input type="range" aria-label=move || format!("{} ({})", t().years(), t().to())
                    min=move || bounds.get().0 max=move || bounds.get().1
                    prop:value=to on:change=set_to />
            </div>
        </fieldset>
    }
}

/// How the figures are cut and drawn: breakdown, chart kind, panel, rates.
#[component]
pub fn Options() -> impl IntoView {
    let page = Page::get();
    let (catalog, view_state, lang) = (page.catalog, page.view, page.lang);
    let t = move || text(lang.get());
    // (value, label in the reader's language) of each breakdown.
    let breakdowns = move || {
        catalog.with_value(|c| {
            view_state.with(|s| {
                c.indicator(&s.indicator)
                    .map(|i| {
                        i.breakdowns
                            .iter()
                            .map(|b| (b.clone(), i.breakdown_in(b, lang.get()).to_string()))
                            .collect::<Vec<_>>()
                    })
                    .unwrap_or_default()
            })
        })
    };
    let has_rates = move || {
        catalog.with_value(|c| {
            view_state.with(|s| c.indicator(&s.indicator).is_some_and(|i| i.per_100k))
        })
    };
    let kinds = move || {
        [
            (ChartKind::Line, t().chart_line()),
            (ChartKind::Bar, t().chart_bar()),
            (ChartKind::Stacked, t().chart_stacked()),
            (ChartKind::Share, t().chart_share()),
            (ChartKind::Map, t().chart_map()),
        ]
        .into_iter()
        .filter(|(kind, _)| match kind {
            ChartKind::Stacked => view_state.with(|s| s.by.is_some()),
            ChartKind::Share => view_state.with(|s| s.by.is_some() || s.regions.len() > 1),
            ChartKind::Map => catalog.with_value(|c| {
                view_state.with(|s| c.indicator(&s.indicator).is_some_and(|i| i.has_map(c)))
            }),
            _ => true,
        })
        .map(|(kind, label)| {
            view! {
                <option value=kind.as_str() prop:selected=move || view_state.with(|s| s.chart == kind)>{label}</option>
            }
        })
        .collect_view()
    };
    view! {
        <details class="field picker options">
            <summary>{word(lang, |t| t.options())}</summary>
            <label for="by">{word(lang, |t| t.breakdown())}</label>
            <select
                id="by"
                aria-describedby="by-hint"
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    let by = (!value.is_empty()).then_some(value);
                    page.update(|s, c| s.set_by(by, c));
                }
            >
                <option value="" prop:selected=move || view_state.with(|s| s.by.is_none())>{word(lang, |t| t.no_breakdown())}</option>
                {move || breakdowns()
                    .into_iter()
                    .map(|(value, label)| {
                        let selected = value.clone();
                        view! { <option value=value prop:selected=move || view_state.with(|s| s.by.as_ref() == Some(&selected))>{label}</option> }
                    })
                    .collect_view()}
            </select>
            <p id="by-hint" class="hint">{word(lang, |t| t.breakdown_hint())}</p>
            <label for="chart-kind">{word(lang, |t| t.chart())}</label>
            <select
                id="chart-kind"
                on:change=move |ev| {
                    let kind = ChartKind::parse(&event_target_value(&ev)).unwrap_or_default();
                    page.update(|s, c| {
                        s.chart = kind;
                        s.normalize(c);
                    });
                }
            >
                {kinds}
            </select>
            <label for="shown-as">{word(lang, |t| t.show())}</label>
            <select
                id="shown-as"
                aria-describedby="shown-as-hint"
                on:change=move |ev| {
                    let word = event_target_value(&ev);
                    page.update(|s, c| s.set_shown_as(&word, c));
                }
            >
                {[
                    ("", t().show_figures()),
                    ("log", t().log_scale()),
                    ("index", t().relative_index()),
                    ("percent", t().relative_percent()),
                ]
                    .map(|(word, label)| view! {
                        <option value=word
                            prop:selected=move || view_state.with(|s| s.shown_as() == word)
                            prop:disabled=move || view_state.with(|s| !s.may_show_as(word))>{label}</option>
                    })}
            </select>
            <p id="shown-as-hint" class="hint">{word(lang, |t| t.shown_as_hint())}</p>
            <label class="check">
                <input
                    id="panel"
                    type="checkbox"
                    aria-describedby="panel-hint"
                    prop:disabled=move || view_state.with(|s| s.per_100k)
                    prop:checked=move || view_state.with(|s| s.consistent_panel)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        page.update(|s, c| {
                            s.consistent_panel = on;
                            s.normalize(c);
                        });
                    }
                />
                " " {word(lang, |t| t.panel())}
            </label>
            <p id="panel-hint" class="hint">{word(lang, |t| t.panel_hint())}</p>
            <Show when=has_rates>
                <label class="check">
                    <input
                        id="per-100k"
                        type="checkbox"
                        aria-describedby="per-hint"
                        prop:checked=move || view_state.with(|s| s.per_100k)
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            page.update(|s, c| s.set_per_100k(on, c));
                        }
                    />
                    " " {word(lang, |t| t.per_100k())}
                </label>
                <p id="per-hint" class="hint">{word(lang, |t| t.per_100k_hint())}</p>
            </Show>
        </details>
    }
}

#[component]
pub fn RegionPicker() -> impl IntoView {
    let page = Page::get();
    let (catalog, view_state, lang) = (page.catalog(), page.view, page.lang);
    let t = move || text(lang.get());
    let boxes = view::aggregate_regions(&catalog)
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
                        on:change=move |_| page.update(|s, _| s.toggle_region(&code))
                    />
                    {in_lang(lang, &region.name, region.name_in(Lang::Es))}
                </label>
            }
        })
        .collect_view();
    // Every country, state and sector, searchable by name as the reader types.
    let places = {
        let catalog = Arc::clone(&catalog);
        move || {
            let lang = lang.get();
            catalog
                .regions
                .iter()
                .filter(|r| {
                    matches!(
                        r.level,
                        RegionLevel::Country | RegionLevel::State | RegionLevel::Sector
                    )
                })
                .map(|r| {
                    let within = r
                        .parent
                        .as_deref()
                        .filter(|_| r.level != RegionLevel::Country)
                        .map(|p| catalog.region_name_in(p, lang).to_string())
                        .unwrap_or_default();
                    view! { <option value=r.name_in(lang).to_string()>{within}</option> }
                })
                .collect_view()
        }
    };
    let find = {
        let catalog = Arc::clone(&catalog);
        move |typed: &str| {
            // ASCII case folding: the datalist gives names exactly, and a
            // full Unicode case table would weigh on the bundle.
            let typed = typed.trim();
            catalog
                .regions
                .iter()
                .find(|r| {
                    [r.name.as_str(), r.name_in(Lang::Es), r.code.as_str()]
                        .iter()
                        .any(|name| name.eq_ignore_ascii_case(typed))
                })
                .map(|r| r.code.clone())
        }
    };
    // The summary names what is chosen, so the closed picker still says it.
    let chosen_names = {
        let catalog = Arc::clone(&catalog);
        move || {
            let lang = lang.get();
            view_state.with(|s| {
                let names: Vec<&str> = s
                    .regions
                    .iter()
                    .map(|code| catalog.region_name_in(code, lang))
                    .collect();
                names.join(", ")
            })
        }
    };
    let chosen_places = {
        let catalog = Arc::clone(&catalog);
        move || {
            let remove = t().remove();
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
                    let name = catalog.region_name_in(&code, lang.get()).to_string();
                    let label = format!("{remove} {name}");
                    // The place's own page, in the page's language.
                    let about = format!("{} {name}", t().place_page());
                    let href = format!("/place/{code}?lang={}", lang.get().as_str());
                    view! {
                        <span class="chip-pair">
                            <button type="button" class="chip" aria-label=label
                                on:click=move |_| page.update(|s, _| s.toggle_region(&code))>
                                {name} " ×"
                            </button>
                            <a href=href aria-label=about>{t().nav_places()}</a>
                        </span>
                    }
                })
                .collect_view()
        }
    };
    view! {
        <details class="field picker regions">
            <summary>{word(lang, |t| t.places())} ": " {chosen_names}</summary>
            <div class="region-boxes">{boxes}</div>
            <label for="add-place">{word(lang, |t| t.add_place())}</label>
            <input
                id="add-place"
                type="search"
                list="place-list"
                autocomplete="off"
                aria-describedby="add-place-hint"
                on:change=move |ev| {
                    let typed = event_target_value(&ev);
                    if let Some(code) = find(&typed) {
                        page.update(|s, _| {
                            if !s.regions.contains(&code) {
                                s.toggle_region(&code);
                            }
                        });
                        let input: web_sys::HtmlInputElement = event_target(&ev);
                        input.set_value("");
                    }
                }
            />
            <datalist id="place-list">{places}</datalist>
            <p id="add-place-hint" class="hint">{word(lang, |t| t.add_place_hint())}</p>
            <div class="chips">{chosen_places}</div>
        </details>
    }
}
