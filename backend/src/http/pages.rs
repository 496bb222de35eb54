//! The dashboard's pages as the server sends them. The explorer (`/`)
//! arrives with its view already drawn: the figure (the chart drawn by the
//! same shared code the dashboard and the embeds use), its summary, caveat
//! and table are in the HTML, so that readers without script, search
//! engines and link previews see the real figures, and the chart is painted
//! before the WebAssembly arrives; the dashboard then takes the page over
//! in place (`#first-view` gives way to `#app`). The border page is the
//! server's alone: four fixed views, no script.
//!
//! The view a page shows is read by `tipstats_shared::view`, the very code
//! the dashboard reads its URL with, so that both show the same view.

use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use maud::{DOCTYPE, Markup, PreEscaped, html};
use tipstats_shared::chart::{Chart, Theme, chart_svg_with_years};
use tipstats_shared::curated::BORDER_MAP;
use tipstats_shared::figure::Figure;
use tipstats_shared::lang::Lang;
use tipstats_shared::query::{ChartKind, MapQuery, SeriesQuery, Tab, ViewParams, ViewQuery};
use tipstats_shared::readout::readout_json;
use tipstats_shared::view::{ChartPlace, ThemeChoice, ViewState, border_views, chart_size};
use tipstats_shared::words::{Text, words};
use tipstats_shared::{Catalog, NoteKind, SeriesResponse};

use super::AppState;
use super::error::ApiError;
use super::figures::{MapFigure, base_url, series_response};
use super::map_panel::map_box;
use super::panels::{share_html, sources_html, table_html};
use super::releases::site_footer;
use super::views::view_tags;

/// The page widths the first view is drawn for: a desktop's and a phone's
/// (the dashboard then draws at the reader's own width).
const WIDE_SCREEN: u32 = 1280;
const PHONE: u32 = 360;

/// The dashboard's pages.
pub fn router() -> axum::Router<AppState> {
    axum::Router::new()
        .route("/", axum::routing::get(dashboard_page))
        .route("/place", axum::routing::get(super::place::places_page))
        .route("/story", axum::routing::get(super::story::story_page))
        .route(
            "/story/{part}",
            axum::routing::get(super::story::story_part_page),
        )
        .route(
            "/place/{code}",
            axum::routing::get(super::place::place_page),
        )
}

/// `/`: the explorer with its first view drawn, or the border page.
async fn dashboard_page(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    let Some(index) = state.index_html.clone() else {
        return (
            StatusCode::NOT_FOUND,
            "the dashboard is not built here: run `cargo xtask frontend`",
        )
            .into_response();
    };
    let query = query.unwrap_or_default();
    let view = ViewState::from_query(&query, &state.catalog);
    let lang = reader_lang(&view, &headers);
    let base = base_url(&state, &headers);
    // The sources' tab cites the view with today as the day of access.
    let key = format!(
        "/?{}&base={base}&accept={}&day={}",
        view.to_page_query(),
        lang.as_str(),
        crate::releases::today()
    );
    let page = state
        .answers
        .get_or_make(key, "text/html; charset=utf-8", async {
            let body = if view.border {
                border_page(&state, &base, &view, lang).await?
            } else {
                explorer_page(&state, &index, &base, &view, lang).await?
            };
            Ok::<_, ApiError>(axum::body::Bytes::from(body))
        })
        .await;
    // A view the server cannot draw still opens: the dashboard explains.
    let response = page.unwrap_or_else(|_| {
        (
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            index.to_string(),
        )
            .into_response()
    });
    varying(response)
}

/// The language a page is in: the address's, else the reader's browser's.
pub(super) fn reader_lang(view: &ViewState, headers: &HeaderMap) -> Lang {
    let accepted = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    view.effective_lang(accepted)
}

/// A page whose language may come from the reader's browser says so.
pub(super) fn varying(mut response: Response) -> Response {
    response
        .headers_mut()
        .insert(header::VARY, HeaderValue::from_static("accept-language"));
    response
}

/// The built `index.html` with the view's card tags in its head and the
/// view drawn in its body, ahead of the dashboard (`#app`).
async fn explorer_page(
    state: &AppState,
    index: &str,
    base: &str,
    view: &ViewState,
    lang: Lang,
) -> Result<String, ApiError> {
    let series = SeriesQuery::parse(&view.to_query(), &state.catalog)?;
    let response = series_response(state, series.clone()).await?;
    let shown = ViewParams {
        chart: Some(view.chart),
        year: view.map_year.filter(|_| view.chart == ChartKind::Map),
        areas: view.map_areas.clone(),
        ..ViewParams::default()
    };
    let map = MapQuery::of_view(&series, &shown, &state.catalog)
        .ok()
        .flatten();
    let drawn_map = match (&map, view.tab) {
        (Some((query, year)), Tab::Chart) => {
            Some(MapFigure::new(state, query.clone(), *year, lang, false).await?)
        }
        _ => None,
    };
    let card = ViewQuery {
        series,
        dark: view.theme == Some(ThemeChoice::Dark),
        lang,
        social: false,
        kind: view.chart,
        relative: view.relative,
        scale: view.scale,
        map,
        tailored: Default::default(),
    };
    let tags = view_tags(state, base, card).await?;
    let first = first_view(state, &response, drawn_map.as_ref(), (view, base), lang)?;
    let page = index
        .replacen(
            "<html lang=\"en\"",
            &format!("<html lang=\"{}\"", lang.as_str()),
            1,
        )
        .replacen("</head>", &format!("{tags}</head>"), 1)
        .replacen("<body>", &format!("<body>{}", first.into_string()), 1)
        .replacen(
            "</body>",
            &format!("{}</body>", site_footer(state, lang).into_string()),
            1,
        );
    Ok(match view.theme {
        Some(theme) => page.replacen(
            "<html ",
            &format!("<html data-theme=\"{}\" ", theme_word(theme)),
            1,
        ),
        None => page,
    })
}

fn theme_word(theme: ThemeChoice) -> &'static str {
    match theme {
        ThemeChoice::Light => "light",
        ThemeChoice::Dark => "dark",
    }
}

/// The explorer as the dashboard will show it: header, title, tabs and the
/// chosen tab's panel; then, for readers without script, the table.
fn first_view(
    state: &AppState,
    response: &SeriesResponse,
    map: Option<&MapFigure>,
    (view, base): (&ViewState, &str),
    lang: Lang,
) -> Result<Markup, ApiError> {
    let t = words(lang);
    let catalog = &state.catalog;
    let figure = Figure::from_series(response, catalog, lang);
    let panel = match (view.tab, map) {
        (Tab::Table, _) => table_html(catalog, response, lang),
        (Tab::Sources, _) => sources_html(state, response, (view, base), lang),
        (Tab::Share, _) => share_html(catalog, view, base, lang),
        (_, Some(map)) => drawn_map_panel(map, view)?,
        _ => chart_panel(catalog, response, &figure, view, lang)?,
    };
    Ok(html! {
        div id="first-view" {
            (header(view, lang, Here::Explorer))
            main id="main" {
                section class="result" aria-label=(t.tabs()) {
                    h2 class="figure-title" { (figure.title) }
                    p class="figure-subtitle" { (figure.subtitle) }
                    (tabs(view, t))
                    div class="panel" id="panel" { (panel) }
                }
                @if view.tab != Tab::Table {
                    section class="first-table" { (table_html(catalog, response, lang)) }
                }
            }
        }
    })
}

/// Which of the site's pages a header is on: its link is marked as the
/// current page, and the settings' form comes back to it.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Here<'a> {
    Explorer,
    Border,
    /// A place's page, or the list of places: its path.
    Place(&'a str),
    /// A page the navigation does not name (the data releases): its path.
    Other(&'a str),
}

/// The page's header: the same as the dashboard's, its settings a form
/// that works without script.
pub(super) fn header(view: &ViewState, lang: Lang, here: Here) -> Markup {
    let t = words(lang);
    let border = here == Here::Border;
    let link = |to_border: bool| {
        let mut page = view.clone();
        page.border = to_border;
        format!("/?{}", page.to_page_query())
    };
    let current = |here: bool| here.then_some("page");
    // The settings change the page's address; everything else stays.
    let (action, kept) = match here {
        Here::Place(path) | Here::Other(path) => (path, Vec::new()),
        _ => {
            let kept = tipstats_shared::view::parse_query(&view.to_page_query())
                .into_iter()
                .filter(|(name, _)| name != "lang" && name != "theme")
                .collect();
            ("/", kept)
        }
    };
    let theme = view.theme;
    html! {
        header class="top" {
            div class="brand" {
                h1 { "tipstats" }
                p class="tagline" { (t.tagline()) }
            }
            nav aria-label="tipstats" {
                a href=(link(false)) aria-current=[current(here == Here::Explorer)] { (t.nav_explore()) }
                a href=(link(true)) aria-current=[current(border)] { (t.nav_border()) }
                a href=(view.places_link()) aria-current=[current(matches!(here, Here::Place(_)))] { (t.nav_places()) }
            }
            form class="settings" method="get" action=(action) {
                @for (name, value) in &kept {
                    input type="hidden" name=(name) value=(value);
                }
                label {
                    (t.language()) " "
                    select id="lang" name="lang" {
                        option value="en" selected[lang == Lang::En] { "English" }
                        option value="es" selected[lang == Lang::Es] { "Español" }
                    }
                }
                label {
                    (t.theme()) " "
                    select id="theme" name="theme" {
                        option value="auto" selected[theme.is_none()] { (t.theme_system()) }
                        option value="light" selected[theme == Some(ThemeChoice::Light)] { (t.theme_light()) }
                        option value="dark" selected[theme == Some(ThemeChoice::Dark)] { (t.theme_dark()) }
                    }
                }
                // The explorer's dashboard applies a setting at once; a
                // page without it (the border page, or no script) needs
                // the button.
                @if here != Here::Explorer {
                    button type="submit" { (t.apply()) }
                } @else {
                    noscript { button type="submit" { (t.apply()) } }
                }
            }
        }
    }
}

/// The tabs as links, as the dashboard draws them.
fn tabs(view: &ViewState, t: &Text) -> Markup {
    html! {
        nav class="tabs" aria-label=(t.tabs()) {
            @for tab in Tab::ALL {
                @let href = {
                    let mut other = view.clone();
                    other.tab = *tab;
                    format!("/?{}", other.to_page_query())
                };
                a href=(href) aria-current=[(*tab == view.tab).then_some("page")] { (t.tab(*tab)) }
            }
        }
    }
}

/// The chart's panel: the chart drawn for a wide screen and for a phone
/// (and in both themes when the reader's system chooses), the summary, the
/// caveat, any sharp change of coverage and the source line. style.css
/// shows the drawing that fits.
fn chart_panel(
    catalog: &Catalog,
    response: &SeriesResponse,
    figure: &Figure,
    view: &ViewState,
    lang: Lang,
) -> Result<Markup, ApiError> {
    let t = words(lang);
    let mut chart =
        Chart::from_series(response, catalog, lang).drawn_as(view.chart, view.relative, view.scale);
    chart.title = String::new();
    let drawn = Drawings::of(catalog, response, &chart, ChartPlace::Page, view, lang)?;
    let caveat = figure.notes.first();
    let coverage = response.notes.iter().any(|n| n.kind == NoteKind::Coverage);
    Ok(html! {
        figure class="chart" {
            div class="chart-box" { (drawn.readable(&figure.summary, lang)) }
            figcaption class="summary" { (figure.summary) }
        }
        @if let Some(caveat) = caveat {
            p class="caveat" role="note" { (caveat) }
        }
        @if coverage {
            p class="warning" role="note" { (t.coverage_warning()) }
        }
        p class="source" { (figure.source) }
    })
}

/// The map's panel as the server draws it: the map of the year, its
/// summary, its caveats (each indicator's) and its source.
fn drawn_map_panel(map: &MapFigure, view: &ViewState) -> Result<Markup, ApiError> {
    let figure = map.figure();
    let widths = (
        chart_size(WIDE_SCREEN, ChartPlace::Page).0,
        chart_size(PHONE, ChartPlace::Page).0,
    );
    let caveats = if map.areas.is_some() { 2 } else { 1 };
    Ok(html! {
        figure class="chart" {
            div class="chart-box" { (map_box(map, view.theme, widths)?) }
            figcaption class="summary" { (figure.summary) }
        }
        @for caveat in figure.notes.iter().take(caveats) {
            p class="caveat" role="note" { (caveat) }
        }
        p class="source" { (figure.source) " " (map.attribution()) }
    })
}

/// A chart drawn by the server for a wide screen and for a phone, in the
/// reader's theme or, when the system chooses, in both (style.css shows the
/// drawing that fits), with each width's readout: the years stand at the
/// same place in either theme.
pub(super) struct Drawings {
    /// (theme, wide drawing, narrow drawing).
    svgs: Vec<(&'static str, String, String)>,
    wide_readout: String,
    narrow_readout: String,
}

impl Drawings {
    pub(super) fn of(
        catalog: &Catalog,
        response: &SeriesResponse,
        chart: &Chart,
        place: ChartPlace,
        view: &ViewState,
        lang: Lang,
    ) -> Result<Drawings, ApiError> {
        let themes: &[(bool, &'static str)] = match view.theme {
            Some(ThemeChoice::Dark) => &[(true, "dark")],
            Some(ThemeChoice::Light) => &[(false, "light")],
            None => &[(false, "light"), (true, "dark")],
        };
        let at = |screen, dark| {
            let size = chart_size(screen, place);
            chart_svg_with_years(chart, size, Theme::of(dark))
                .map(|(svg, columns)| {
                    (svg, readout_json(catalog, response, &columns, size.0, lang))
                })
                .map_err(ApiError::Render)
        };
        let mut svgs = Vec::new();
        let mut readouts = (String::new(), String::new());
        for &(dark, theme) in themes {
            let (wide, wide_readout) = at(WIDE_SCREEN, dark)?;
            let (narrow, narrow_readout) = at(PHONE, dark)?;
            svgs.push((theme, wide, narrow));
            readouts = (wide_readout, narrow_readout);
        }
        Ok(Drawings {
            svgs,
            wide_readout: readouts.0,
            narrow_readout: readouts.1,
        })
    }

    /// The drawings in one focusable box that `readout.js` reads out, as
    /// the dashboard's own chart is, before any WebAssembly has arrived.
    pub(super) fn readable(&self, summary: &str, lang: Lang) -> Markup {
        let label = format!("{summary} {}", words(lang).chart_keys());
        html! {
            div class="chart-svg first" role="img" tabindex="0" aria-label=(label)
                data-readout=(self.wide_readout) data-readout-narrow=(self.narrow_readout) {
                @for (theme, wide, narrow) in &self.svgs {
                    div class=(theme) {
                        div class="wide" { (PreEscaped(wide)) }
                        div class="narrow" { (PreEscaped(narrow)) }
                    }
                }
            }
        }
    }
}

/// The Mexico–USA border page: four sources side by side, each with its
/// caveat and a link to explore it. The server's alone: no WebAssembly,
/// only the small script that reads the charts out.
async fn border_page(
    state: &AppState,
    base: &str,
    view: &ViewState,
    lang: Lang,
) -> Result<String, ApiError> {
    let t = words(lang);
    let captions = [
        t.border_mexico(),
        t.border_us(),
        t.border_encounters(),
        t.border_unodc(),
    ];
    let views = border_views(&state.catalog);
    // A link to the page shows its first chart, under the page's own title.
    let card = html! {
        meta property="og:type" content="website";
        meta property="og:title" content=(t.border_title());
        meta property="og:description" content=(t.border_intro());
        meta property="og:image" content={ (base) "/chart.png?" (views[0].to_query()) "&size=social" };
        meta property="og:image:width" content="1200";
        meta property="og:image:height" content="630";
        meta name="twitter:card" content="summary_large_image";
    };
    let border_map = border_map(state, view, lang).await?;
    let mut panels = Vec::new();
    for (panel, caption) in views.into_iter().zip(captions) {
        let series = SeriesQuery::parse(&panel.to_query(), &state.catalog)?;
        let response = series_response(state, series).await?;
        panels.push(border_panel(
            &state.catalog,
            &response,
            &panel,
            view,
            caption,
            lang,
        )?);
    }
    let body = html! {
        h2 { (t.border_title()) }
        p class="intro" { (t.border_intro()) }
        p { a href=(story_link(view)) { (t.story_title()) } }
        (border_map)
        div class="border-grid" { @for panel in &panels { (panel) } }
    };
    let head = Head {
        title: t.border_title(),
        description: t.border_intro(),
        card,
    };
    Ok(server_page(state, (view, lang), Here::Border, head, body))
}

/// The border's map: the two measures on one map, each in its own key (the
/// states' colours, the sectors' circles), drawn for a wide screen and a
/// phone, with its link into the dashboard.
pub(super) async fn border_map(
    state: &AppState,
    view: &ViewState,
    lang: Lang,
) -> Result<Markup, ApiError> {
    let t = words(lang);
    let mut shown = BORDER_MAP.query();
    if let Some(chosen) = view.lang {
        shown.push_str(&format!("&lang={}", chosen.as_str()));
    }
    let Some((query, year)) = ViewQuery::parse(&shown, &state.catalog)?.map else {
        return Ok(html! {});
    };
    let map = MapFigure::new(state, query, year, lang, false).await?;
    Ok(html! {
        section class="border-map" {
            h3 { (t.border_map()) }
            (drawn_map_panel(&map, view)?)
            p { a href={ "/?" (shown) } { (t.explore_this()) } }
        }
    })
}

/// The border's story page in the view's language and theme.
pub(super) fn story_link(view: &ViewState) -> String {
    view.places_link().replacen("/place", "/story", 1)
}

/// What a page of the server's own says in its head.
pub(super) struct Head<'a> {
    pub title: &'a str,
    pub description: &'a str,
    /// Social-card tags, or nothing.
    pub card: Markup,
}

/// A page of the server's own (no WebAssembly): the header, then `main`;
/// readout.js reads its charts out.
pub(super) fn server_page(
    state: &AppState,
    (view, lang): (&ViewState, Lang),
    here: Here,
    head: Head,
    main: Markup,
) -> String {
    let dark = view.theme.map(theme_word);
    html! {
        (DOCTYPE)
        html lang=(lang.as_str()) data-theme=[dark] {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (head.title) " · tipstats" }
                meta name="description" content=(head.description);
                link rel="icon" href="/favicon.svg" type="image/svg+xml";
                link rel="stylesheet" href="/style.css";
                script src="/readout.js" defer {}
                (head.card)
            }
            body {
                (header(view, lang, here))
                main id="main" { (main) }
                (site_footer(state, lang))
            }
        }
    }
    .into_string()
}

/// A view drawn in a panel of a page of the server's own: its chart as the
/// view draws it (kind, relative change, scale) at the panel's widths, the
/// summary, the first caveat, the source, and links to explore it, embed it
/// and take its image.
pub(super) fn border_panel(
    catalog: &Catalog,
    response: &SeriesResponse,
    panel: &ViewState,
    page: &ViewState,
    caption: &str,
    lang: Lang,
) -> Result<Markup, ApiError> {
    let t = words(lang);
    let figure = Figure::from_series(response, catalog, lang);
    let mut chart = Chart::from_series(response, catalog, lang).drawn_as(
        panel.chart,
        panel.relative,
        panel.scale,
    );
    // The panel's heading is the chart's title.
    chart.title = String::new();
    let drawn = Drawings::of(catalog, response, &chart, ChartPlace::Panel, page, lang)?;
    let mut explore = panel.clone();
    explore.lang = page.lang;
    explore.theme = page.theme;
    let drawn_query = explore.to_page_query();
    let links = html! {
        a href={ "/?" (drawn_query) } { (t.explore_this()) }
        " · " a href={ "/embed?" (drawn_query) } { (t.story_embed()) }
        " · " a href={ "/chart.svg?" (drawn_query) } { (t.story_image()) }
    };
    Ok(panel_section(
        caption,
        None,
        &figure,
        &drawn,
        html! {},
        links,
        lang,
    ))
}

/// A small chart's section, as the border's, the story's and the places'
/// pages show it: its heading, subtitle, the chart with its summary,
/// `more` (a place's rank), the first caveat, the source and `links`.
pub(super) fn panel_section(
    heading: &str,
    id: Option<&str>,
    figure: &Figure,
    drawn: &Drawings,
    more: Markup,
    links: Markup,
    lang: Lang,
) -> Markup {
    html! {
        section class="border-panel" id=[id] {
            h3 { (heading) }
            p class="figure-subtitle" { (figure.subtitle) }
            figure class="chart" {
                div class="chart-box" { (drawn.readable(&figure.summary, lang)) }
                figcaption class="summary" { (figure.summary) }
            }
            (more)
            @if let Some(caveat) = figure.notes.first() {
                p class="warning" role="note" { (caveat) }
            }
            p class="source" { (figure.source) }
            p class="links" { (links) }
        }
    }
}
