//! The `tipstats` command: parse the command line, set up logging, hand over
//! to the library.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use tipstats::{Application, ServeConfig, ingest};
use tracing_subscriber::EnvFilter;

#[derive(Parser)]
#[command(
    name = "tipstats",
    version,
    about = "Public human-trafficking statistics: ingest, store, serve"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the dashboard and the JSON API.
    Serve {
        /// Address to listen on (port 0 picks a free port).
        #[arg(long, default_value = "127.0.0.1:8080", env = "TIPSTATS_ADDR")]
        addr: SocketAddr,
        /// The normalized figures produced by `tipstats ingest`.
        #[arg(long, default_value = "data")]
        data_dir: PathBuf,
        /// Where the DuckDB file built from the data directory is kept.
        #[arg(long, default_value = ".tipstats")]
        db_dir: PathBuf,
        /// The built dashboard (`cargo xtask frontend` writes it).
        #[arg(long, default_value = "frontend/dist")]
        assets_dir: PathBuf,
        /// Read-only database connections serving queries.
        #[arg(long, default_value_t = 4)]
        connections: usize,
        /// The address readers reach the server at (https://stats.example.org),
        /// for links in embeds, social cards and oEmbed; default: each
        /// request's Host.
        #[arg(long, env = "TIPSTATS_PUBLIC_URL")]
        public_url: Option<String>,
        /// Requests a minute one client may make to the heavy endpoints
        /// (exports, the dataset, PNG images); more get 429.
        #[arg(long, default_value_t = 120)]
        heavy_per_minute: u32,
    },
    /// Write a static copy of the site (every place's page, each
    /// indicator's first view, every map year, the border story, with their
    /// images, embeds and data files) that object storage or a CDN serves
    /// without the server.
    Bake {
        /// Where the site goes.
        #[arg(long, default_value = "site")]
        out: PathBuf,
        /// The address the site will be served at: its embeds link there.
        #[arg(long)]
        public_url: String,
        #[arg(long, default_value = "data")]
        data_dir: PathBuf,
        #[arg(long, default_value = ".tipstats")]
        db_dir: PathBuf,
        /// Only this place's page (repeat for more); every place's without.
        #[arg(long = "place")]
        places: Vec<String>,
        /// Only this indicator's views (repeat for more); every one's without.
        #[arg(long = "indicator")]
        indicators: Vec<String>,
    },
    /// Read the publishers' files, check them and write the normalized figures.
    Ingest {
        /// The folder holding one sub-folder per source.
        #[arg(long, default_value = "../shared/data")]
        source_dir: PathBuf,
        /// Where the normalized CSV files go.
        #[arg(long, default_value = "data")]
        data_dir: PathBuf,
    },
}

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .init();
    match Cli::parse().command {
        Command::Serve {
            addr,
            data_dir,
            db_dir,
            assets_dir,
            connections,
            public_url,
            heavy_per_minute,
        } => serve(ServeConfig {
            addr,
            data_dir,
            db_dir,
            assets_dir,
            connections,
            public_url,
            heavy_per_minute,
        }),
        Command::Bake {
            out,
            public_url,
            data_dir,
            db_dir,
            places,
            indicators,
        } => bake(
            ServeConfig {
                addr: SocketAddr::from(([127, 0, 0, 1], 0)),
                data_dir,
                db_dir,
                assets_dir: PathBuf::from("frontend/dist"),
                connections: 2,
                public_url: Some(public_url),
                heavy_per_minute: u32::MAX,
            },
            &out,
            &tipstats::bake::Scope {
                places: (!places.is_empty()).then(|| places.into_iter().collect()),
                indicators: (!indicators.is_empty()).then(|| indicators.into_iter().collect()),
            },
        ),
        Command::Ingest {
            source_dir,
            data_dir,
        } => match ingest::run(&source_dir, &data_dir, true) {
            Ok(summary) => {
                for (table, rows) in summary.tables {
                    println!("{table}: {rows} rows");
                }
                ExitCode::SUCCESS
            }
            Err(error) => {
                eprintln!("ingest failed, data/ unchanged: {error}");
                ExitCode::FAILURE
            }
        },
    }
}

/// The async runtime, or the exit code that says it could not start.
fn runtime() -> Result<tokio::runtime::Runtime, ExitCode> {
    tokio::runtime::Runtime::new().map_err(|error| {
        eprintln!("cannot start the async runtime: {error}");
        ExitCode::FAILURE
    })
}

fn bake(config: ServeConfig, out: &std::path::Path, scope: &tipstats::bake::Scope) -> ExitCode {
    let runtime = match runtime() {
        Ok(runtime) => runtime,
        Err(code) => return code,
    };
    let started = std::time::Instant::now();
    match runtime.block_on(tipstats::bake::bake(config, out, scope)) {
        Ok(baked) => {
            println!(
                "{} files, {} bytes, written to {} in {:.1} s",
                baked.files,
                baked.bytes,
                out.display(),
                started.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("bake failed: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn serve(config: ServeConfig) -> ExitCode {
    let runtime = match runtime() {
        Ok(runtime) => runtime,
        Err(code) => return code,
    };
    runtime.block_on(async {
        let app = match Application::build(config).await {
            Ok(app) => app,
            Err(error) => {
                eprintln!("cannot start: {error:#}");
                return ExitCode::FAILURE;
            }
        };
        match app.addr() {
            Ok(addr) => println!("tipstats {} serving on http://{addr}/", tipstats::BUILD),
            Err(error) => eprintln!("listening, address unknown: {error}"),
        }
        match app.run_until(shutdown_signal()).await {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("server error: {error}");
                ExitCode::FAILURE
            }
        }
    })
}

async fn shutdown_signal() {
    let ctrl_c = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        if let Ok(mut term) =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            tokio::select! { _ = ctrl_c => {}, _ = term.recv() => {} }
            return;
        }
    }
    let _ = ctrl_c.await;
}
