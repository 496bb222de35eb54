//! The OpenAPI 3.1 document, generated from the handlers' annotations and
//! the wire types (`/api/openapi.json`), and a readable page made from it
//! (`/api/docs`) that needs no script.

use axum::Router;
use axum::http::header;
use axum::response::{Html, IntoResponse};
use axum::routing::get;
use maud::{DOCTYPE, Markup, html};
use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::schema::{ObjectBuilder, Type};
use utoipa::openapi::{
    ContentBuilder, HeaderBuilder, OpenApi as Document, Ref, RefOr, Required,
    Response as ResponseDoc, ResponseBuilder,
};
use utoipa::{OpenApi, ToResponse};

use super::AppState;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "tipstats",
        description = "Public statistics on human trafficking and its context (UNODC, Mexico's SESNSP, US sources, CTDC), aggregated in DuckDB, with their sources, coverage, suppression bounds and caveats. Detected victims are not prevalence.",
        license(name = "Code: see the repository; figures: each source's terms (in the catalog)")
    ),
    paths(
        super::api::catalog,
        super::api::words,
        super::api::series,
        super::api::map,
        super::api::map_geometry,
        super::exports::view_export,
        super::exports::dataset,
        super::views::chart_svg,
        super::views::chart_png,
        super::views::embed_page,
        super::oembed::oembed,
        super::releases::releases_json,
        super::cite::cite,
    ),
    components(
        schemas(
            tipstats_shared::Catalog,
            tipstats_shared::words::WordLists,
            tipstats_shared::SeriesResponse,
            tipstats_shared::MapResponse,
            tipstats_shared::MapName,
            tipstats_shared::map::MapGeometry,
            tipstats_shared::Problem,
            tipstats_shared::query::Panel,
            tipstats_shared::query::Period,
            tipstats_shared::query::Per,
            tipstats_shared::query::ChartKind,
            tipstats_shared::query::ColorScheme,
            tipstats_shared::query::ImageSize,
            tipstats_shared::lang::Lang,
            crate::export::ExportFormat,
            super::cite::CiteFormat,
            super::oembed::OEmbedFormat
        ),
        responses(NotModified, TooManyRequests, Unavailable)
    )
)]
struct ApiDoc;

/// Every route of the figures: the answer a matching `If-None-Match` gets
/// (`cache::validate`).
pub struct NotModified;

impl<'s> ToResponse<'s> for NotModified {
    fn response() -> (&'s str, RefOr<ResponseDoc>) {
        let response = ResponseBuilder::new()
            .description("Not modified: the `If-None-Match` ETag is still current (it changes with the data version and the build)")
            .header("ETag", text_header("The answer's weak validator"))
            .header("Cache-Control", text_header("How long the answer may be kept"))
            .build();
        ("NotModified", response.into())
    }
}

/// The heavy routes (exports, the dataset, PNG images): past a client's
/// limit (`limits::limit_heavy`).
pub struct TooManyRequests;

impl<'s> ToResponse<'s> for TooManyRequests {
    fn response() -> (&'s str, RefOr<ResponseDoc>) {
        let response = problem("This client passed its limit of exports and images a minute")
            .header(
                "Retry-After",
                seconds_header("Seconds until it may ask again"),
            )
            .build();
        ("TooManyRequests", response.into())
    }
}

/// Every route: an answer that took longer than the server's limit, or
/// the database file found damaged and being built again.
pub struct Unavailable;

impl<'s> ToResponse<'s> for Unavailable {
    fn response() -> (&'s str, RefOr<ResponseDoc>) {
        let response =
            problem("The answer took too long, or the database is being built again after damage")
                .header(
                    "Retry-After",
                    seconds_header("Seconds to wait, while the database is rebuilt"),
                )
                .build();
        ("Unavailable", response.into())
    }
}

fn problem(description: &str) -> ResponseBuilder {
    ResponseBuilder::new().description(description).content(
        "application/problem+json",
        ContentBuilder::new()
            .schema(Some(Ref::from_schema_name("Problem")))
            .build(),
    )
}

fn text_header(description: &str) -> utoipa::openapi::Header {
    HeaderBuilder::new()
        .schema(ObjectBuilder::new().schema_type(Type::String))
        .description(Some(description))
        .build()
}

fn seconds_header(description: &str) -> utoipa::openapi::Header {
    HeaderBuilder::new()
        .schema(
            ObjectBuilder::new()
                .schema_type(Type::Integer)
                .minimum(Some(1)),
        )
        .description(Some(description))
        .build()
}

/// What the layers of every documented route add to the handler's own
/// answers (`http::app`): a 304 to a revalidation, a 503 when too slow or
/// while the database is rebuilt.
fn add_layers_answers(document: &mut Document) {
    for item in document.paths.paths.values_mut() {
        for operation in item.get.iter_mut() {
            let responses = &mut operation.responses.responses;
            for (status, name) in [("304", "NotModified"), ("503", "Unavailable")] {
                responses
                    .entry(status.to_string())
                    .or_insert_with(|| Ref::from_response_name(name).into());
            }
        }
    }
}

/// The document and its page, made once at start.
#[derive(Clone)]
pub struct Docs {
    json: String,
    page: String,
}

impl Docs {
    /// The document, with the catalog's indicator ids as the values
    /// `indicator` takes.
    pub fn new(catalog: &tipstats_shared::Catalog) -> Docs {
        let mut document = ApiDoc::openapi();
        add_layers_answers(&mut document);
        let ids: Vec<String> = catalog.indicators.iter().map(|i| i.id.clone()).collect();
        let indicator = utoipa::openapi::schema::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .enum_values(Some(ids))
            .build();
        for item in document.paths.paths.values_mut() {
            let parameters = item.get.as_mut().and_then(|op| op.parameters.as_mut());
            for parameter in parameters.into_iter().flatten() {
                if parameter.name == "indicator" {
                    parameter.schema = Some(indicator.clone().into());
                }
            }
        }
        let json = document.to_pretty_json().unwrap_or_else(|_| "{}".into());
        Docs {
            page: page(&document),
            json,
        }
    }
}

pub fn router(docs: Docs) -> Router<AppState> {
    let Docs { json, page } = docs;
    Router::new()
        .route(
            "/openapi.json",
            get(move || async move {
                ([(header::CONTENT_TYPE, "application/json")], json).into_response()
            }),
        )
        .route(
            "/docs",
            get(move || async move { Html(page).into_response() }),
        )
}

/// The description of a response the document keeps in its components.
fn shared_response(document: &Document, location: &str) -> String {
    let name = location.rsplit('/').next().unwrap_or(location);
    let found = document
        .components
        .as_ref()
        .and_then(|components| components.responses.get(name));
    match found {
        Some(RefOr::T(response)) => response.description.clone(),
        _ => name.to_string(),
    }
}

/// The API as one page of HTML: each path with its parameters and answers.
fn page(document: &Document) -> String {
    let info = &document.info;
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { "tipstats API" }
                link rel="stylesheet" href="/embed.css";
            }
            body {
                main {
                    h1 { (info.title) " API" }
                    p { (info.description.as_deref().unwrap_or("")) }
                    p {
                        "The machine-readable document: "
                        a href="/api/openapi.json" { "/api/openapi.json" }
                        " (OpenAPI 3.1)."
                    }
                    @for (path, item) in &document.paths.paths {
                        @if let Some(operation) = &item.get {
                            (operation_section(path, operation, document))
                        }
                    }
                }
            }
        }
    }
    .into_string()
}

fn operation_section(path: &str, operation: &Operation, document: &Document) -> Markup {
    let parameters = operation.parameters.as_deref().unwrap_or_default();
    html! {
        section {
            h2 { code { "GET " (path) } }
            p { strong { (operation.summary.as_deref().unwrap_or("")) } }
            p { (operation.description.as_deref().unwrap_or("")) }
            @if !parameters.is_empty() {
                table {
                    thead { tr { th { "parameter" } th { "in" } th { "required" } th { "meaning" } } }
                    tbody {
                        @for parameter in parameters {
                            tr {
                                td { code { (parameter.name) } }
                                td { (place(&parameter.parameter_in)) }
                                td { @if matches!(parameter.required, Required::True) { "yes" } @else { "no" } }
                                td { (parameter.description.as_deref().unwrap_or("")) }
                            }
                        }
                    }
                }
            }
            ul {
                @for (status, response) in &operation.responses.responses {
                    li {
                        code { (status) } ": "
                        @match response {
                            RefOr::T(r) => (r.description),
                            RefOr::Ref(r) => (shared_response(document, &r.ref_location)),
                        }
                    }
                }
            }
        }
    }
}

fn place(parameter_in: &ParameterIn) -> &'static str {
    match parameter_in {
        ParameterIn::Query => "query",
        ParameterIn::Path => "path",
        ParameterIn::Header => "header",
        ParameterIn::Cookie => "cookie",
    }
}
