//! `/oembed`: the iframe of a view, for WordPress, Ghost and the like
//! (oEmbed 1.0, JSON only).

use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use maud::html;
use serde::Serialize;
use tipstats_shared::choice::Choice;
use tipstats_shared::figure::Figure;
use tipstats_shared::query::{
    BadParameter, Params, ViewQuery, choice_param, query_pairs, view_query_of_url,
};
use utoipa::{IntoParams, ToSchema};

use super::AppState;
use super::error::{ApiError, problem_response};
use super::figures::{base_url, series_response};

/// The formats an oEmbed consumer may ask for; only JSON is offered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum OEmbedFormat {
    Json,
    /// Answered 501 Not Implemented, as oEmbed asks of a provider.
    Xml,
}

impl Choice for OEmbedFormat {
    const ALL: &'static [OEmbedFormat] = &[OEmbedFormat::Json, OEmbedFormat::Xml];

    fn word(self) -> &'static str {
        match self {
            OEmbedFormat::Json => "json",
            OEmbedFormat::Xml => "xml",
        }
    }
}

/// The oEmbed request. Parameters of other names are left alone: oEmbed
/// lets consumers add their own.
#[derive(Debug, Default, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OEmbedParams {
    /// The address of a tipstats view (`/?…` or `/embed?…`).
    #[param(required = true)]
    pub url: Option<String>,
    /// The widest iframe the consumer can show (200 or more).
    #[param(minimum = 200)]
    pub maxwidth: Option<u32>,
    /// The tallest iframe the consumer can show (200 or more).
    #[param(minimum = 200)]
    pub maxheight: Option<u32>,
    /// `json` (the default); `xml` is answered 501, not offered.
    pub format: Option<OEmbedFormat>,
}

impl Params for OEmbedParams {
    const NAMES: &'static [&'static str] = &["url", "maxwidth", "maxheight", "format"];

    fn set(&mut self, name: &'static str, value: &str) -> Result<(), BadParameter> {
        match name {
            "url" => self.url = Some(value.to_string()),
            "maxwidth" => self.maxwidth = Some(pixels(name, value)?),
            "maxheight" => self.maxheight = Some(pixels(name, value)?),
            // An empty format is the default one.
            _ if value.is_empty() => self.format = Some(OEmbedFormat::Json),
            _ => self.format = Some(choice_param::<OEmbedFormat>(name, value)?),
        }
        Ok(())
    }
}

/// A size of 200 pixels or more.
fn pixels(name: &str, text: &str) -> Result<u32, BadParameter> {
    text.parse::<u32>()
        .ok()
        .filter(|v| *v >= 200)
        .ok_or_else(|| {
            BadParameter::new(
                name,
                format!("{text:?} is not a size of 200 pixels or more"),
            )
        })
}

#[derive(Serialize)]
pub struct OEmbed {
    version: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
    title: String,
    provider_name: &'static str,
    provider_url: String,
    html: String,
    width: u32,
    height: u32,
    thumbnail_url: String,
    thumbnail_width: u32,
    thumbnail_height: u32,
    cache_age: u32,
}

/// oEmbed: the iframe of a view, for WordPress, Ghost and the like.
#[utoipa::path(get, path = "/oembed", tag = "charts",
    params(OEmbedParams),
    responses(
        (status = 200, description = "An oEmbed 1.0 rich answer", content_type = "application/json"),
        (status = 400, description = "The url is not a tipstats view", body = tipstats_shared::Problem,
         content_type = "application/problem+json"),
        (status = 501, description = "format=xml, which is not offered", body = tipstats_shared::Problem,
         content_type = "application/problem+json")))]
pub(super) async fn oembed(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    let (ours, _theirs) = OEmbedParams::split(query_pairs(query.as_deref().unwrap_or(""))?);
    let params = OEmbedParams::from_pairs(&ours)?;
    if params.format == Some(OEmbedFormat::Xml) {
        // oEmbed: a format the provider does not offer is a 501.
        return Ok(problem_response(
            StatusCode::NOT_IMPLEMENTED,
            "Format not offered",
            "oEmbed answers are offered as JSON only (format=json)".into(),
            Some("format".into()),
        ));
    }
    let url = params
        .url
        .ok_or_else(|| BadParameter::new("url", "required"))?;
    let view = ViewQuery::parse(view_query_of_url(&url)?, &state.catalog)
        .map_err(|e| BadParameter::new("url", format!("the view's {e}")))?;
    let (chart_width, chart_height) = view.size();
    let width = params.maxwidth.map_or(chart_width, |w| w.min(chart_width));
    let height = params
        .maxheight
        .map_or(chart_height + 40, |h| h.min(chart_height + 40));
    let base = base_url(&state, &headers);
    let canonical = view.to_query_string();
    let response = series_response(&state, view.series.clone()).await?;
    let figure = Figure::from_series(&response, &state.catalog, view.lang);
    let answer = OEmbed {
        version: "1.0",
        kind: "rich",
        html: html! {
            iframe src=(format!("{base}/embed?{canonical}")) width=(width) height=(height)
                title=(figure.title) loading="lazy" style="border:0;max-width:100%" {}
        }
        .into_string(),
        title: figure.title,
        provider_name: "tipstats",
        provider_url: format!("{base}/"),
        width,
        height,
        thumbnail_url: format!("{base}/chart.png?{}", view.series.to_query_string()),
        thumbnail_width: chart_width,
        thumbnail_height: chart_height,
        cache_age: 3600,
    };
    Ok(axum::Json(answer).into_response())
}
