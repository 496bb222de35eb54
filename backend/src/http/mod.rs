//! The HTTP server: the API under `/api/v1` and the built dashboard at `/`.

mod api;
mod assets;
mod cache;
mod cite;
mod error;
mod exports;
mod figures;
mod front;
mod limits;
mod map_panel;
mod oembed;
mod openapi;
mod pages;
mod panels;
mod place;
mod ranking;
mod releases;
mod story;
mod views;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::Request;
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::routing::get;
use tipstats_shared::Catalog;
use tokio::net::TcpListener;
use tower_http::compression::CompressionLayer;
use tower_http::compression::predicate::{DefaultPredicate, Predicate};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

pub use error::ApiError;
pub use exports::ExportParams;
pub use oembed::OEmbedParams;

use crate::catalog;
use crate::store::Database;

/// Shared by every request: one reference-counted pointer, so that the
/// `State` extractor's clone per request is one atomic increment. (Cloned
/// field by field, with the answer cache's own handles, it took a tenth of
/// a cached answer's time under wrk: `perf`, BENCHMARKS.md.)
#[derive(Clone)]
pub struct AppState(Arc<AppData>);

impl std::ops::Deref for AppState {
    type Target = AppData;

    fn deref(&self) -> &AppData {
        &self.0
    }
}

/// What every request reads: the catalog, the database, the caches.
pub struct AppData {
    pub catalog: Arc<Catalog>,
    /// The catalog as the API sends it, encoded once.
    pub catalog_json: axum::body::Bytes,
    /// The interface's words as the API sends them, encoded once.
    pub words_json: axum::body::Bytes,
    /// The maps' geometry, read once.
    pub maps: Arc<crate::maps::Maps>,
    pub db: Arc<Database>,
    /// The fonts images are drawn with, loaded once.
    pub fonts: Arc<resvg::usvg::fontdb::Database>,
    /// The built dashboard's page, read once; `None` when not built.
    pub index_html: Option<Arc<str>>,
    /// The address the world reaches this server at, for links in embeds,
    /// cards and oEmbed answers; `None` uses each request's Host.
    pub public_url: Option<String>,
    /// The whole-dataset ZIP, built at its first request.
    pub dataset_zip: Arc<tokio::sync::OnceCell<axum::body::Bytes>>,
    /// Finished answers of the series, charts and exports.
    pub answers: limits::AnswerCache,
    /// The per-client limit on exports, the dataset and PNG images.
    pub heavy_limiter: limits::HeavyLimiter,
    /// The data releases recorded in `data/`, the newest first.
    pub releases: Arc<[tipstats_shared::Release]>,
    /// Whether the pages are served live or baked into a static copy.
    pub edition: Edition,
}

/// How the pages will be read: from this server, or as a static copy
/// (`tipstats bake`), whose pages say when it was made, what it holds, and
/// load `static.js`, which turns the dashboard's requests into the baked
/// files.
#[derive(Clone, Debug, PartialEq)]
pub enum Edition {
    Live,
    /// Made on this day (`YYYY-MM-DD`).
    Static(String),
}

/// How much memory finished answers may take.
const ANSWER_CACHE_BYTES: u64 = 64 * 1024 * 1024;
/// How much memory the front cache's answers, in three encodings, may take.
const FRONT_CACHE_BYTES: u64 = 128 * 1024 * 1024;

/// The dashboard may not be framed by other sites; no inline script or style
/// anywhere. WebAssembly needs `'wasm-unsafe-eval'` to be compiled.
pub const DASHBOARD_CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
     style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; \
     base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
/// Embeds and chart images may be framed by any site, and run no inline script.
pub const EMBED_CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
     img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors *";

/// Where the server finds its data and assets, and where it listens.
#[derive(Clone, Debug)]
pub struct ServeConfig {
    pub addr: SocketAddr,
    pub data_dir: PathBuf,
    pub db_dir: PathBuf,
    pub assets_dir: PathBuf,
    pub connections: usize,
    pub public_url: Option<String>,
    /// Requests a minute one client may make to the heavy endpoints.
    pub heavy_per_minute: u32,
}

/// The whole application: every route and layer. The figures' routes carry
/// ETags (`cache::validate`), and of those the heaviest (exports, the
/// dataset, PNG images) a per-client limit (`limits::limit_heavy`).
pub fn app(state: AppState, assets_dir: PathBuf) -> Router {
    let version = HeaderValue::from_str(&state.catalog.data_version)
        .unwrap_or(HeaderValue::from_static("unknown"));
    let validators = cache::Validators::new(&state.catalog.data_version, crate::BUILD);
    let heavy = Router::new()
        .nest("/api/v1", exports::router())
        .merge(views::images())
        .route_layer(axum::middleware::from_fn_with_state(
            state.heavy_limiter.clone(),
            limits::limit_heavy,
        ));
    // The light figures are kept by the front cache; the heavy ones stay
    // behind their per-client limit.
    let light = Router::new()
        .nest("/api/v1", api::router())
        .nest("/api", openapi::router(openapi::Docs::new(&state.catalog)))
        .merge(views::figures())
        .route_layer(axum::middleware::map_response(front::reusable));
    let figures = light
        .merge(heavy)
        .route_layer(axum::middleware::from_fn_with_state(
            validators,
            cache::validate,
        ));
    Router::new()
        .merge(figures)
        .merge(pages::router())
        .merge(releases::router())
        // A citation names the day it was made: no ETag of the data's.
        .merge(panels::router())
        .route("/api/v1/cite", get(cite::cite))
        .route("/healthz", get(|| async { "ok" }))
        .fallback_service(assets::service(assets_dir))
        .with_state(state)
        .layer(SetResponseHeaderLayer::overriding(
            HeaderName::from_static("x-data-version"),
            version,
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(DASHBOARD_CSP),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("strict-origin-when-cross-origin"),
        ))
        .layer(
            CompressionLayer::new().compress_when(DefaultPredicate::new().and(front::NotReusable)),
        )
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            Duration::from_secs(10),
        ))
        .layer(TraceLayer::new_for_http())
}

/// A server bound to its port, ready to run.
pub struct Application {
    listener: TcpListener,
    router: Router,
}

impl Application {
    /// Builds the database for the current `data/` if needed, opens it
    /// read-only, loads the catalog and binds the address (port 0 picks a
    /// free port; see [`Application::addr`]).
    pub async fn build(config: ServeConfig) -> anyhow::Result<Application> {
        Application::build_edition(config, Edition::Live).await
    }

    /// [`Application::build`], for pages read as `edition`.
    pub async fn build_edition(
        config: ServeConfig,
        edition: Edition,
    ) -> anyhow::Result<Application> {
        let ServeConfig {
            addr,
            data_dir,
            db_dir,
            assets_dir,
            connections,
            public_url,
            heavy_per_minute,
        } = config;
        let releases = crate::releases::load(&data_dir)?;
        let (db, catalog) = tokio::task::spawn_blocking(move || {
            Database::open(&data_dir, &db_dir, connections, catalog::load)
        })
        .await??;
        let index_html = match tokio::fs::read_to_string(assets_dir.join("index.html")).await {
            Ok(page) => Some(Arc::from(page)),
            Err(error) => {
                tracing::warn!(
                    assets = %assets_dir.display(), %error,
                    "no built dashboard here; the API works, `/` will not (run `cargo xtask frontend`)"
                );
                None
            }
        };
        let catalog_json = axum::body::Bytes::from(serde_json::to_vec(&catalog)?);
        let state = AppState(Arc::new(AppData {
            catalog: Arc::new(catalog),
            catalog_json,
            words_json: axum::body::Bytes::from(serde_json::to_vec(
                &tipstats_shared::words::WordLists::new(),
            )?),
            maps: Arc::new(crate::maps::Maps::load()?),
            db: Arc::new(db),
            fonts: Arc::new(crate::render::fonts()),
            index_html,
            public_url,
            dataset_zip: Arc::default(),
            answers: limits::AnswerCache::new(ANSWER_CACHE_BYTES),
            heavy_limiter: limits::HeavyLimiter::new(heavy_per_minute),
            releases: releases.into(),
            edition,
        }));
        let listener = TcpListener::bind(addr).await?;
        Ok(Application {
            listener,
            router: app(state, assets_dir),
        })
    }

    /// The application's router, to ask it directly (`tipstats bake`).
    pub fn router(&self) -> Router {
        self.router.clone()
    }

    pub fn addr(&self) -> std::io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// Serves until `shutdown` completes, then finishes requests in flight.
    pub async fn run_until(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        let front = front::Front::new(self.router, FRONT_CACHE_BYTES);
        axum::serve(
            self.listener,
            axum::ServiceExt::<Request>::into_make_service_with_connect_info::<SocketAddr>(front),
        )
        .with_graceful_shutdown(shutdown)
        .await
    }
}
