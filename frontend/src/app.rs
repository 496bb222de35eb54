//! The components. They only wire signals to the DOM: the view's logic is in
//! [`crate::state`], the words in [`crate::i18n`], the chart in
//! `tipstats_shared::chart`, the number formatting in
//! `tipstats_shared::format`.

use std::cell::Cell;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::Arc;

use leptos::ev;
use leptos::prelude::*;
use tipstats_shared::chart::{self, Chart, Theme};
use tipstats_shared::figure::{Figure, category_in};
use tipstats_shared::format::{bounds_cell, rate_cell, thousands_in, value_cell_in};
use tipstats_shared::lang::Lang;
use tipstats_shared::query::ChartKind;
use tipstats_shared::{Catalog, RegionLevel, SeriesResponse};

use crate::api;
use crate::i18n::{Text, reporters_in, text};
use crate::state::{self, ChartPlace, ThemeChoice, ViewState};

#[component]
pub fn App() -> impl IntoView {
    let lang = browser_lang();
    let catalog = answer(move || Box::pin(api::catalog(text(lang))));
    move || match catalog.get() {
        None => {
            view! { <p class="status" role="status">{text(lang).loading_catalog}</p> }.into_any()
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
fn answer<T: Send + Sync + 'static>(
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

fn error_paragraph(message: String) -> AnyView {
    view! { <p class="error" role="alert">{message}</p> }.into_any()
}

/// The browser's preferred language, as the URL's `lang` would name it.
fn browser_lang() -> Lang {
    let language = web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_default();
    ViewState::effective_lang_of(None, &language)
}

fn search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The page's width in CSS pixels, without a scroll bar.
fn viewport_width() -> u32 {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .map_or(860, |root| u32::try_from(root.client_width()).unwrap_or(0))
}

/// Whether the system asks for dark pages.
fn system_prefers_dark() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches())
}

#[component]
fn Dashboard(catalog: Arc<Catalog>) -> impl IntoView {
    let (view_state, set_view_state) = signal(ViewState::from_query(&search(), &catalog));
    let navigator_language = web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_default();
    let lang = Memo::new(move |_| view_state.with(|s| s.effective_lang(&navigator_language)));
    let dark = Memo::new(move |_| match view_state.with(|s| s.theme) {
        Some(ThemeChoice::Dark) => true,
        Some(ThemeChoice::Light) => false,
        None => system_prefers_dark(),
    });
    // The page follows the view: its URL (a new history entry per change,
    // so back and forward work), its language and its theme.
    Effect::new(move |_| {
        let query = format!("?{}", view_state.with(|s| s.to_page_query()));
        if search() != query {
            push_url(&query);
        }
    });
    Effect::new(move |_| {
        let root = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element());
        if let Some(root) = root {
            let _ = root.set_attribute("lang", lang.get().as_str());
            let theme = view_state.with(|s| match s.theme {
                Some(ThemeChoice::Dark) => "dark",
                Some(ThemeChoice::Light) => "light",
                None => "auto",
            });
            let _ = root.set_attribute("data-theme", theme);
        }
    });
    let for_history = Arc::clone(&catalog);
    let _ = window_event_listener(ev::popstate, move |_| {
        set_view_state.set(ViewState::from_query(&search(), &for_history));
    });
    // Charts are drawn at the width they are shown (state::chart_size).
    let (viewport, set_viewport) = signal(viewport_width());
    let _ = window_event_listener(ev::resize, move |_| set_viewport.set(viewport_width()));
    let border = move || view_state.with(|s| s.border);
    let explorer_catalog = Arc::clone(&catalog);
    view! {
        <Header view_state set_view_state lang />
        <main id="main">
            <Show
                when=border
                fallback=move || view! { <Explorer catalog=Arc::clone(&explorer_catalog) view_state set_view_state lang dark viewport /> }
            >
                <BorderView catalog=Arc::clone(&catalog) lang dark viewport />
            </Show>
        </main>
    }
}

fn push_url(query: &str) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(query));
    }
}

/// A word of the interface in the reader's language, as a text or an
/// attribute that follows the language. One function for every word, so
/// that Leptos compiles the code that renders it once: a closure written
/// out per word is a type of its own, and each would get its copy.
fn word(
    lang: Memo<Lang>,
    pick: fn(&'static Text) -> &'static str,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    move || pick(text(lang.get()))
}

/// A text of the catalog that follows the reader's language: `en`, or `es`
/// when the page is in Spanish.
fn in_lang(lang: Memo<Lang>, en: &str, es: &str) -> impl Fn() -> String + Send + Sync + use<> {
    let (en, es) = (en.to_string(), es.to_string());
    move || {
        if lang.get() == Lang::Es {
            es.clone()
        } else {
            en.clone()
        }
    }
}

/// The page's own origin (`https://stats.example.org`).
fn origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

#[component]
fn Header(
    view_state: ReadSignal<ViewState>,
    set_view_state: WriteSignal<ViewState>,
    lang: Memo<Lang>,
) -> impl IntoView {
    let nav = move |border: bool| {
        move |ev: ev::MouseEvent| {
            ev.prevent_default();
            set_view_state.update(|s| s.border = border);
        }
    };
    let href = move |border: bool| {
        view_state.with(|s| {
            let mut page = s.clone();
            page.border = border;
            format!("?{}", page.to_page_query())
        })
    };
    let current =
        move |border: bool| move || (view_state.with(|s| s.border) == border).then_some("page");
    view! {
        <header class="top">
            <div class="brand">
                <h1>"tipstats"</h1>
                <p class="tagline">{word(lang, |t| t.tagline)}</p>
            </div>
            <nav aria-label="tipstats">
                <a href=move || href(false) aria-current=current(false) on:click=nav(false)>{word(lang, |t| t.nav_explore)}</a>
                <a href=move || href(true) aria-current=current(true) on:click=nav(true)>{word(lang, |t| t.nav_border)}</a>
            </nav>
            <div class="settings">
                <label>
                    {word(lang, |t| t.language)} " "
                    <select
                        id="lang"
                        on:change=move |ev| {
                            let lang = Lang::parse(&event_target_value(&ev));
                            set_view_state.update(|s| s.lang = lang);
                        }
                    >
                        <option value="en" prop:selected=move || lang.get() == Lang::En>"English"</option>
                        <option value="es" prop:selected=move || lang.get() == Lang::Es>"Español"</option>
                    </select>
                </label>
                <label>
                    {word(lang, |t| t.theme)} " "
                    <select
                        id="theme"
                        on:change=move |ev| {
                            let theme = match event_target_value(&ev).as_str() {
                                "light" => Some(ThemeChoice::Light),
                                "dark" => Some(ThemeChoice::Dark),
                                _ => None,
                            };
                            set_view_state.update(|s| s.theme = theme);
                        }
                    >
                        <option value="auto" prop:selected=move || view_state.with(|s| s.theme.is_none())>{word(lang, |t| t.theme_system)}</option>
                        <option value="light" prop:selected=move || view_state.with(|s| s.theme == Some(ThemeChoice::Light))>{word(lang, |t| t.theme_light)}</option>
                        <option value="dark" prop:selected=move || view_state.with(|s| s.theme == Some(ThemeChoice::Dark))>{word(lang, |t| t.theme_dark)}</option>
                    </select>
                </label>
            </div>
        </header>
    }
}

#[component]
fn Explorer(
    catalog: Arc<Catalog>,
    view_state: ReadSignal<ViewState>,
    set_view_state: WriteSignal<ViewState>,
    lang: Memo<Lang>,
    dark: Memo<bool>,
    viewport: ReadSignal<u32>,
) -> impl IntoView {
    let size = Memo::new(move |_| state::chart_size(viewport.get(), ChartPlace::Page));
    // Only what the API is asked changes the fetch; chart kind, language
    // and theme redraw what is already here.
    let query = Memo::new(move |_| view_state.with(|s| s.to_query()));
    let series = answer(move || {
        let path = format!("/api/v1/series?{}", query.get());
        let t = text(lang.get_untracked());
        Box::pin(async move { api::series(&path, t).await })
    });
    let for_figures = Arc::clone(&catalog);
    view! {
        <section class="controls" aria-label=word(lang, |t| t.what_to_show)>
            <IndicatorPicker catalog=Arc::clone(&catalog) view_state set_view_state lang />
            <YearRange catalog=Arc::clone(&catalog) view_state set_view_state lang />
            <Options catalog=Arc::clone(&catalog) view_state set_view_state lang />
            <RegionPicker catalog view_state set_view_state lang />
        </section>
        <section class="result" aria-live="polite">
            {move || match series.get() {
                None => loading_figures(lang),
                Some(Ok(response)) => {
                    let catalog = Arc::clone(&for_figures);
                    let (permalink, kind) =
                        view_state.with(|s| (s.share_links(&origin()).permalink, s.chart));
                    let (lang, dark, size) = (lang.get(), dark.get(), size.get());
                    view! { <Figures catalog response permalink kind lang dark size /> }.into_any()
                }
                Some(Err(message)) => error_paragraph(message),
            }}
        </section>
        <Share view_state lang />
    }
}

/// Indicators grouped by their source, with the chosen one's definition.
#[component]
fn IndicatorPicker(
    catalog: Arc<Catalog>,
    view_state: ReadSignal<ViewState>,
    set_view_state: WriteSignal<ViewState>,
    lang: Memo<Lang>,
) -> impl IntoView {
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
            <label for="indicator">{word(lang, |t| t.indicator)}</label>
            <select
                id="indicator"
                aria-describedby="indicator-description"
                on:change=move |ev| {
                    let id = event_target_value(&ev);
                    set_view_state.update(|s| s.set_indicator(&id, &catalog));
                }
            >
                {groups}
            </select>
            <p id="indicator-description" class="hint">{description}</p>
        </div>
    }
}

/// The years, as a pair of sliders and a pair of number inputs.
#[component]
fn YearRange(
    catalog: Arc<Catalog>,
    view_state: ReadSignal<ViewState>,
    set_view_state: WriteSignal<ViewState>,
    lang: Memo<Lang>,
) -> impl IntoView {
    // A memo is `Copy`, so the attribute closures below can share it.
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
    let catalog = StoredValue::new(catalog);
    let set_from = move |ev: ev::Event| {
        if let Ok(year) = event_target_value(&ev).trim().parse::<i32>() {
            catalog.with_value(|c| set_view_state.update(|s| s.set_from(year, c)));
        }
    };
    let set_to = move |ev: ev::Event| {
        if let Ok(year) = event_target_value(&ev).trim().parse::<i32>() {
            catalog.with_value(|c| set_view_state.update(|s| s.set_to(year, c)));
        }
    };
    let t = move || text(lang.get());
    let from = move || view_state.with(|s| s.from.to_string());
    let to = move || view_state.with(|s| s.to.to_string());
    view! {
        <fieldset class="field years">
            <legend>{word(lang, |t| t.years)}</legend>
            <div class="year-pair">
                <label>
                    {word(lang, |t| t.from)} " "
                    <input id="from" type="number" inputmode="numeric"
                        min=move || bounds.get().0 max=move || bounds.get().1
                        prop:value=from on:change=set_from />
                </label>
                <label>
                    {word(lang, |t| t.to)} " "
                    <input id="to" type="number" inputmode="numeric"
                        min=move || bounds.get().0 max=move || bounds.get().1
                        prop:value=to on:change=set_to />
                </label>
            </div>
            <input type="range" class="slider" aria-label=move || format!("{} ({})", t().years, t().from)
                min=move || bounds.get().0 max=move || bounds.get().1
                prop:value=from on:change=set_from />
            <input type="range" class="slider" aria-label=move || format!("{} ({})", t().years, t().to)
                min=move || bounds.get().0 max=move || bounds.get().1
                prop:value=to on:change=set_to />
        </fieldset>
    }
}

/// How the figures are cut and drawn: breakdown, chart kind, panel, rates.
#[component]
fn Options(
    catalog: Arc<Catalog>,
    view_state: ReadSignal<ViewState>,
    set_view_state: WriteSignal<ViewState>,
    lang: Memo<Lang>,
) -> impl IntoView {
    let t = move || text(lang.get());
    let catalog = StoredValue::new(catalog);
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
            (ChartKind::Line, t().chart_line),
            (ChartKind::Bar, t().chart_bar),
            (ChartKind::Stacked, t().chart_stacked),
        ]
        .into_iter()
        .filter(|(kind, _)| *kind != ChartKind::Stacked || view_state.with(|s| s.by.is_some()))
        .map(|(kind, label)| {
            view! {
                <option value=kind.as_str() prop:selected=move || view_state.with(|s| s.chart == kind)>{label}</option>
            }
        })
        .collect_view()
    };
    view! {
        <fieldset class="field options">
            <legend>{word(lang, |t| t.chart)}</legend>
            <label for="by">{word(lang, |t| t.breakdown)}</label>
            <select
                id="by"
                aria-describedby="by-hint"
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    let by = (!value.is_empty()).then_some(value);
                    catalog.with_value(|c| set_view_state.update(|s| s.set_by(by, c)));
                }
            >
                <option value="" prop:selected=move || view_state.with(|s| s.by.is_none())>{word(lang, |t| t.no_breakdown)}</option>
                {move || breakdowns()
                    .into_iter()
                    .map(|(value, label)| {
                        let selected = value.clone();
                        view! { <option value=value prop:selected=move || view_state.with(|s| s.by.as_ref() == Some(&selected))>{label}</option> }
                    })
                    .collect_view()}
            </select>
            <p id="by-hint" class="hint">{word(lang, |t| t.breakdown_hint)}</p>
            <label for="chart-kind">{word(lang, |t| t.chart)}</label>
            <select
                id="chart-kind"
                on:change=move |ev| {
                    let kind = ChartKind::parse(&event_target_value(&ev)).unwrap_or_default();
                    set_view_state.update(|s| s.chart = kind);
                }
            >
                {kinds}
            </select>
            <label class="check">
                <input
                    id="panel"
                    type="checkbox"
                    aria-describedby="panel-hint"
                    prop:disabled=move || view_state.with(|s| s.per_100k)
                    prop:checked=move || view_state.with(|s| s.consistent_panel)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        catalog.with_value(|c| set_view_state.update(|s| {
                            s.consistent_panel = on;
                            s.normalize(c);
                        }));
                    }
                />
                " " {word(lang, |t| t.panel)}
            </label>
            <p id="panel-hint" class="hint">{word(lang, |t| t.panel_hint)}</p>
            <Show when=has_rates>
                <label class="check">
                    <input
                        id="per-100k"
                        type="checkbox"
                        aria-describedby="per-hint"
                        prop:checked=move || view_state.with(|s| s.per_100k)
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            catalog.with_value(|c| set_view_state.update(|s| s.set_per_100k(on, c)));
                        }
                    />
                    " " {word(lang, |t| t.per_100k)}
                </label>
                <p id="per-hint" class="hint">{word(lang, |t| t.per_100k_hint)}</p>
            </Show>
        </fieldset>
    }
}

#[component]
fn RegionPicker(
    catalog: Arc<Catalog>,
    view_state: ReadSignal<ViewState>,
    set_view_state: WriteSignal<ViewState>,
    lang: Memo<Lang>,
) -> impl IntoView {
    let t = move || text(lang.get());
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
    let chosen_places = {
        let catalog = Arc::clone(&catalog);
        move || {
            let remove = t().remove;
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
                    view! {
                        <button type="button" class="chip" aria-label=label
                            on:click=move |_| set_view_state.update(|s| s.toggle_region(&code))>
                            {name} " ×"
                        </button>
                    }
                })
                .collect_view()
        }
    };
    view! {
        <fieldset class="field regions">
            <legend>{word(lang, |t| t.places)}</legend>
            <div class="region-boxes">{boxes}</div>
            <label for="add-place">{word(lang, |t| t.add_place)}</label>
            <input
                id="add-place"
                type="search"
                list="place-list"
                autocomplete="off"
                aria-describedby="add-place-hint"
                on:change=move |ev| {
                    let typed = event_target_value(&ev);
                    if let Some(code) = find(&typed) {
                        set_view_state.update(|s| {
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
            <p id="add-place-hint" class="hint">{word(lang, |t| t.add_place_hint)}</p>
            <div class="chips">{chosen_places}</div>
        </fieldset>
    }
}

#[component]
fn Figures(
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
        .map(|s| view! { <p class="source">{t.source} ": " <a href=s.url.clone()>{s.citation.clone()}</a></p> })
        .collect_view();
    let coverage_warning = response
        .notes
        .iter()
        .any(|n| n.kind == "coverage")
        .then(|| view! { <p class="warning" role="note">{t.coverage_warning}</p> });
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
        <h2 class="notes-title">{t.notes}</h2>
        <ul class="notes">{notes}</ul>
        <p class="cite"><strong>{t.cite} ": "</strong>{citation}</p>
        <div class="table-wrap">
            <table id="figures">
                <caption>{t.table_caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t.col_place}</th>
                        <th scope="col">{t.col_year}</th>
                        {by.then(|| view! { <th scope="col">{t.col_category}</th> })}
                        <th scope="col">{t.col_value}</th>
                        {per_100k.then(|| view! { <th scope="col">{t.col_rate}</th> })}
                        <th scope="col">{t.col_range}</th>
                        <th scope="col">{format!("{} ({reporters})", t.col_reporting)}</th>
                        <th scope="col">{t.col_suppressed}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

fn loading_figures(lang: Memo<Lang>) -> AnyView {
    view! { <p class="status" role="status">{word(lang, |t| t.loading_figures)}</p> }.into_any()
}

/// The chart as an SVG in the page, described for screen readers by the
/// one-sentence summary, which is also shown under it.
fn drawn_chart(
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
        Err(error) => view! { <p class="error" role="alert">{format!("{}: {error}", t.chart_failed)}</p> }.into_any(),
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
        text(lang).coverage,
        places.join("; ")
    )
}

/// Where the view can go: a link, an embed, images, files.
#[component]
fn Share(view_state: ReadSignal<ViewState>, lang: Memo<Lang>) -> impl IntoView {
    let t = move || text(lang.get());
    let links = move || view_state.with(|s| s.share_links(&origin()));
    view! {
        <details class="share">
            <summary>{word(lang, |t| t.share)}</summary>
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
                    .map(|(format, url)| view! { <li><a href=url download>{format}</a></li> })
                    .collect_view();
                view! {
                    <label for="permalink">{t().permalink}</label>
                    <input id="permalink" readonly value=links.permalink />
                    <label for="embed-code">{t().embed_code}</label>
                    <textarea id="embed-code" readonly rows="7">{links.embed_snippet}</textarea>
                    <p>{t().images}</p>
                    <ul class="links">{images}</ul>
                    <p>{t().downloads}</p>
                    <ul class="links">
                        {downloads}
                        <li><a href="/api/v1/dataset.zip" download>{t().dataset}</a></li>
                    </ul>
                }
            }}
        </details>
    }
}

/// The curated Mexico–USA border page: four sources side by side, each
/// with its caveat.
#[component]
fn BorderView(
    catalog: Arc<Catalog>,
    lang: Memo<Lang>,
    dark: Memo<bool>,
    viewport: ReadSignal<u32>,
) -> impl IntoView {
    let size = Memo::new(move |_| state::chart_size(viewport.get(), ChartPlace::Panel));
    let captions: [fn(&Text) -> &'static str; 4] = [
        |t| t.border_mexico,
        |t| t.border_us,
        |t| t.border_encounters,
        |t| t.border_unodc,
    ];
    let panels = state::border_views(&catalog)
        .into_iter()
        .zip(captions)
        .map(|(view, caption)| {
            let catalog = Arc::clone(&catalog);
            view! { <BorderPanel catalog view caption lang dark size /> }
        })
        .collect_view();
    view! {
        <h2>{word(lang, |t| t.border_title)}</h2>
        <p class="intro">{word(lang, |t| t.border_intro)}</p>
        <div class="border-grid">{panels}</div>
    }
}

#[component]
fn BorderPanel(
    catalog: Arc<Catalog>,
    view: ViewState,
    caption: fn(&Text) -> &'static str,
    lang: Memo<Lang>,
    dark: Memo<bool>,
    size: Memo<(u32, u32)>,
) -> impl IntoView {
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
            <p><a href=explore.clone()>{word(lang, |t| t.explore_this)}</a></p>
        </section>
    }
}
