//! What travels outside the dashboard: `/chart.svg` and `/chart.png` (the
//! figure drawn on the server by the same plotters code the browser uses),
//! `/embed` (the figure in a page for an iframe, readable without script)
//! and a view's social-card tags, which the dashboard's pages carry.

use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use maud::{DOCTYPE, PreEscaped, html};
use tipstats_shared::chart::{Chart, Theme, figure_svg};
use tipstats_shared::figure::Figure;

use super::error::ApiError;
use super::figures::{MapFigure, base_url, series_response};
use super::{AppState, EMBED_CSP};
use crate::render;
use tipstats_shared::query::ViewQuery;

/// The figures drawn: charts, embeds and their assets, oEmbed. Their
/// answers are functions of the data version, the build and the query.
pub fn figures() -> Router<AppState> {
    Router::new()
        .route("/chart.svg", get(chart_svg))
        .route("/map.html", get(super::map_panel::map_panel))
        .route("/ranking", get(super::ranking::ranking_page))
        .route("/embed", get(embed_page))
        .route("/embed.css", get(embed_css))
        .route("/embed.js", get(embed_js))
        .route("/oembed", get(super::oembed::oembed))
}

/// The figures as PNG images, the costliest drawing.
pub fn images() -> Router<AppState> {
    Router::new().route("/chart.png", get(chart_png))
}

/// A view's figures, text and drawing.
struct Drawn {
    view: ViewQuery,
    figure: Figure,
    drawing: Drawing,
    /// The figure at the view's size.
    svg: String,
}

/// What the figure draws: a chart of the view's places, or a map of every
/// place in one year.
enum Drawing {
    Chart(Chart),
    Map(Box<MapFigure>),
}

impl Drawn {
    /// The same figure drawn at another size.
    fn svg_at(&self, size: (u32, u32)) -> Result<String, ApiError> {
        let theme = match self.view.tailored.transparent {
            true => Theme::of(self.view.dark).transparent(),
            false => Theme::of(self.view.dark),
        };
        match &self.drawing {
            Drawing::Chart(chart) => figure_svg(&self.figure, chart, size, theme),
            Drawing::Map(map) => map.svg(&self.figure, size),
        }
        .map_err(ApiError::Render)
    }

    /// The text alternative of the figure: the embedding site's, else the
    /// generated summary.
    fn alt(&self) -> &str {
        self.view
            .tailored
            .alt
            .as_deref()
            .unwrap_or(&self.figure.summary)
    }
}

async fn draw(state: &AppState, view: ViewQuery) -> Result<Drawn, ApiError> {
    let (figure, drawing) = match view.map.clone() {
        Some((query, year)) => {
            let map = MapFigure::new(state, query, year, view.lang, view.dark).await?;
            (map.figure(), Drawing::Map(Box::new(map)))
        }
        None => {
            let response = series_response(state, view.series.clone()).await?;
            let figure = Figure::from_series(&response, &state.catalog, view.lang);
            let mut chart = Chart::from_series(&response, &state.catalog, view.lang);
            if let Some(place) = &view.tailored.focus {
                chart = chart.focus_on(&response, place, view.lang);
            }
            let chart = chart.drawn_as(view.kind, view.relative, view.scale);
            (figure, Drawing::Chart(chart))
        }
    };
    let figure = figure.tailored(&view.tailored, view.lang);
    let mut drawn = Drawn {
        view,
        figure,
        drawing,
        svg: String::new(),
    };
    drawn.svg = drawn.svg_at(drawn.view.size())?;
    Ok(drawn)
}

/// `svg` with the embedding site's text alternative as its `<title>`,
/// escaped, which a browser reads out for an `<img>` of it.
fn titled(svg: &str, alt: Option<&str>) -> String {
    let Some(alt) = alt else {
        return svg.to_string();
    };
    match svg
        .find("<svg")
        .and_then(|at| svg[at..].find('>').map(|end| at + end + 1))
    {
        Some(open) => {
            let title = html! { title { (alt) } }.into_string();
            format!("{}{title}{}", &svg[..open], &svg[open..])
        }
        None => svg.to_string(),
    }
}

/// The embed's second drawing, for a frame narrower than 520 pixels (a
/// phone's article column): at its own width its words keep their size,
/// where the wide drawing scaled down would shrink them below legibility.
const NARROW_EMBED_SIZE: (u32, u32) = (360, 600);

/// A view's figure as SVG: title, places and years, the chart, the source
/// line and the notes.
#[utoipa::path(get, path = "/chart.svg", tag = "charts",
    params(tipstats_shared::query::SeriesParams, tipstats_shared::query::ViewParams),
    responses(
        (status = 200, description = "The figure", content_type = "image/svg+xml"),
        (status = 400, description = "A parameter is wrong", body = tipstats_shared::Problem,
         content_type = "application/problem+json")))]
pub(super) async fn chart_svg(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    let view = ViewQuery::parse(query.as_deref().unwrap_or(""), &state.catalog)?;
    let key = format!("/chart.svg?{}", view.to_query_string());
    let mut response = state
        .answers
        .get_or_make(key, "image/svg+xml", async {
            let drawn = draw(&state, view).await?;
            Ok::<_, ApiError>(Bytes::from(titled(
                &drawn.svg,
                drawn.view.tailored.alt.as_deref(),
            )))
        })
        .await?;
    response.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(EMBED_CSP),
    );
    Ok(response)
}

/// A view's figure as PNG, drawn with the font the project ships.
#[utoipa::path(get, path = "/chart.png", tag = "charts",
    params(tipstats_shared::query::SeriesParams, tipstats_shared::query::ViewParams),
    responses(
        (status = 200, description = "The figure", content_type = "image/png"),
        (status = 429, response = super::openapi::TooManyRequests),
        (status = 400, description = "A parameter is wrong", body = tipstats_shared::Problem,
         content_type = "application/problem+json")))]
pub(super) async fn chart_png(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    let view = ViewQuery::parse(query.as_deref().unwrap_or(""), &state.catalog)?;
    let key = format!("/chart.png?{}", view.to_query_string());
    state
        .answers
        .get_or_make(key, "image/png", async {
            let drawn = draw(&state, view).await?;
            let fonts = Arc::clone(&state.fonts);
            let png = tokio::task::spawn_blocking(move || render::png(&drawn.svg, fonts))
                .await
                .map_err(|e| ApiError::Render(e.to_string()))?
                .map_err(ApiError::Render)?;
            Ok(Bytes::from(png))
        })
        .await
}

/// A view's figure in a page for an iframe on any site.
///
/// Readable without script; a small script file posts the page's height to
/// the parent (`{type: "tipstats:height", height}`).
#[utoipa::path(get, path = "/embed", tag = "charts",
    params(tipstats_shared::query::SeriesParams, tipstats_shared::query::ViewParams),
    responses(
        (status = 200, description = "The page", content_type = "text/html"),
        (status = 400, description = "A parameter is wrong", body = tipstats_shared::Problem,
         content_type = "application/problem+json")))]
pub(super) async fn embed_page(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    let view = ViewQuery::parse(query.as_deref().unwrap_or(""), &state.catalog)?;
    let base = base_url(&state, &headers);
    // The page links to the full view at this server's address.
    let key = format!("/embed?{}&base={base}", view.to_query_string());
    let mut response = state
        .answers
        .get_or_make(key, "text/html; charset=utf-8", async {
            let drawn = draw(&state, view).await?;
            let narrow = drawn.svg_at(NARROW_EMBED_SIZE)?;
            Ok::<_, ApiError>(Bytes::from(embed_html(&drawn, &narrow, &base)))
        })
        .await?;
    response.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(EMBED_CSP),
    );
    Ok(response)
}

/// The embed page: the figure's SVG, wide and narrow (embed.css shows the
/// one that fits the frame), a link to the full view, and the summary and
/// notes for screen readers.
fn embed_html(drawn: &Drawn, narrow_svg: &str, base: &str) -> String {
    let full_view = match &drawn.view.map {
        Some((_, year)) => format!(
            "{base}/?{}&chart=map{}",
            drawn.view.series.to_query_string(),
            year.map(|y| format!("&year={y}")).unwrap_or_default()
        ),
        None => format!("{base}/?{}", drawn.view.series.to_query_string()),
    };
    let figure = &drawn.figure;
    html! {
        (DOCTYPE)
        html lang=(drawn.view.lang.as_str()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (figure.title) }
                link rel="canonical" href=(full_view);
                link rel="stylesheet" href="/embed.css";
                script src="/embed.js" defer {}
            }
            body class={
                (if drawn.view.dark { "dark" } else { "light" })
                @if drawn.view.tailored.transparent { " transparent" }
            } {
                // The page's one landmark and heading, for a screen reader
                // that enters the frame; the drawing shows the title.
                main class="embed" {
                    h1 class="visually-hidden" { (figure.title) }
                    figure {
                        // The drawings are the server's own SVG, not text.
                        div role="img" aria-label=(drawn.alt()) {
                            div class="wide" { (PreEscaped(&drawn.svg)) }
                            div class="narrow" { (PreEscaped(narrow_svg)) }
                        }
                        figcaption {
                            a href=(full_view) target="_blank" rel="noopener" { (figure.view_full) }
                            p class="visually-hidden" { (figure.summary) }
                            ul class="visually-hidden" {
                                @for note in &figure.notes { li { (note) } }
                            }
                        }
                    }
                }
            }
        }
    }
    .into_string()
}

async fn embed_css() -> Response {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        include_str!("../../assets/embed.css"),
    )
        .into_response()
}

async fn embed_js() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        include_str!("../../assets/embed.js"),
    )
        .into_response()
}

/// An oEmbed 1.0 "rich" answer: the iframe of the embed.
/// The social-card and oEmbed tags of a view, for a page's head.
pub(super) async fn view_tags(
    state: &AppState,
    base: &str,
    view: ViewQuery,
) -> Result<String, ApiError> {
    let response = series_response(state, view.series.clone()).await?;
    let figure = Figure::from_series(&response, &state.catalog, view.lang);
    let mut canonical = view.series.to_query_string();
    if let Some((_, year)) = &view.map {
        canonical.push_str("&chart=map");
        canonical.extend(year.map(|y| format!("&year={y}")));
    }
    let page_url = format!("{base}/?{canonical}");
    let image = format!("{base}/chart.png?{canonical}&size=social");
    let oembed = format!(
        "{base}/oembed?url={}",
        percent_encoding::utf8_percent_encode(&page_url, percent_encoding::NON_ALPHANUMERIC)
    );
    let title = format!("{} ({})", figure.title, figure.subtitle);
    let summary = &figure.summary;
    Ok(html! {
        meta property="og:type" content="website";
        meta property="og:title" content=(title);
        meta property="og:description" content=(summary);
        meta property="og:url" content=(page_url);
        meta property="og:image" content=(image);
        meta property="og:image:width" content="1200";
        meta property="og:image:height" content="630";
        meta property="og:image:alt" content=(summary);
        meta name="twitter:card" content="summary_large_image";
        meta name="twitter:title" content=(title);
        meta name="twitter:description" content=(summary);
        meta name="twitter:image" content=(image);
        link rel="alternate" type="application/json+oembed" href=(oembed) title=(title);
    }
    .into_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use tipstats_shared::lang::Lang;
    use tipstats_shared::query::{ChartKind, Panel, Period, Scale, SeriesQuery};

    /// The page is a template: text from the data (titles, notes) cannot
    /// become markup, and the drawings are put in as they are.
    #[test]
    fn the_embed_page_escapes_the_figures_words() {
        let hostile = r#"<a href="x">Tom & 'Jerry'</a>"#;
        let figure = Figure {
            title: hostile.into(),
            subtitle: String::new(),
            source: String::new(),
            notes: vec![hostile.into()],
            summary: hostile.into(),
            view_full: "View",
            more_notes: "",
        };
        let series = SeriesQuery {
            indicator: "x".into(),
            regions: vec!["001".into()],
            from: 2000,
            to: 2001,
            by: None,
            panel: Panel::All,
            period: Period::Year,
            per: None,
        };
        let view = ViewQuery {
            series,
            dark: false,
            lang: Lang::Es,
            social: false,
            kind: ChartKind::Line,
            relative: None,
            scale: Scale::Linear,
            map: None,
            tailored: Default::default(),
        };
        let chart = Chart {
            title: String::new(),
            y_label: String::new(),
            years: (2000, 2001),
            series: vec![],
            kind: ChartKind::Line,
            log_scale: false,
            markers: vec![],
            coverage: None,
            lang: Lang::Es,
            muted: vec![],
        };
        let drawn = Drawn {
            view,
            figure,
            drawing: Drawing::Chart(chart),
            svg: "<svg id=\"wide\"></svg>".into(),
        };
        let page = embed_html(&drawn, "<svg id=\"narrow\"></svg>", "http://x");
        assert!(!page.contains("<a href=\"x\">"), "{page}");
        assert!(
            page.contains("&lt;a href=&quot;x&quot;&gt;Tom &amp; 'Jerry'&lt;/a&gt;"),
            "{page}"
        );
        assert!(
            page.contains("<svg id=\"wide\"></svg>") && page.contains("<svg id=\"narrow\"></svg>")
        );
        assert!(page.contains("<html lang=\"es\">"));
    }
}
