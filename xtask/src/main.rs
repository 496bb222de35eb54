//! `cargo xtask frontend`: builds the dashboard into `frontend/dist`.
//! `cargo xtask fixtures`: trims the publishers' raw files into the tests'
//! fixtures (see `fixtures.rs`).
//! `cargo xtask maps`: projects and simplifies the boundaries into
//! `data/maps` (see `maps.rs`).
//!
//! The steps: `cargo build` of the frontend crate for wasm32 in the
//! `wasm-release` profile; wasm-bindgen (as a library, so its version is the
//! one in Cargo.lock and always matches the `wasm-bindgen` crate); `wasm-opt`
//! if it is on PATH; the static files copied beside; the scripts and styles
//! minified by esbuild (`ESBUILD`, installed by `scripts/env.sh`); gzip and
//! brotli copies of each file for the server to send precompressed.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand};

mod fixtures;
mod maps;

#[derive(Parser)]
#[command(name = "xtask")]
struct Cli {
    #[command(subcommand)]
    task: Task,
}

#[derive(Subcommand)]
enum Task {
    /// Build the browser bundle into frontend/dist.
    Frontend {
        /// Skip wasm-opt even when it is installed.
        #[arg(long)]
        no_opt: bool,
    },
    /// Trim the publishers' raw files into tests/fixtures/raw.
    Fixtures {
        /// Where the raw files are.
        #[arg(long, default_value = "../shared/data")]
        source_dir: PathBuf,
    },
    /// Project and simplify the boundaries into data/maps.
    Maps {
        /// Where the boundaries are.
        #[arg(long, default_value = "../shared/data/boundaries")]
        source_dir: PathBuf,
    },
}

const CRATE: &str = "tipstats-frontend";
const WASM_NAME: &str = "tipstats_frontend";
const STATIC_FILES: [&str; 10] = [
    "index.html",
    "style.css",
    "map.css",
    "boot.js",
    "readout.js",
    "map.js",
    "share.js",
    "static.js",
    "favicon.svg",
    "favicon.ico",
];

/// The bundle is built with the standard library compiled from source
/// (`-Zbuild-std`, from rustup's `rust-src`) so that it too is optimized for
/// size and leaves out what the page never uses: the unwinding and printing
/// of panics (a panic stops the module at once), the file and line of each
/// panic site, and `Debug` formatting. Leptos's type-erased views
/// (`erase_components`) replace a deep type per component with one boxed
/// view. Together with the `wasm-release` profile these took the wasm from
/// 166,900 to 141,353 bytes with brotli (BENCHMARKS.md).
///
/// These are unstable compiler options: `RUSTC_BOOTSTRAP=1` lets the
/// stable toolchain take them for this one build, so no nightly is
/// needed. Host code (build scripts, proc macros) is built without them.
const WASM_RUSTFLAGS: [&str; 6] = [
    "-Zunstable-options",
    "-Cpanic=immediate-abort",
    "-Zlocation-detail=none",
    "-Zfmt-debug=none",
    "--cfg",
    "erase_components",
];

fn main() -> Result<()> {
    match Cli::parse().task {
        Task::Frontend { no_opt } => frontend(no_opt),
        Task::Fixtures { source_dir } => {
            let root = workspace_root();
            fixtures::run(&root.join(source_dir), &root.join("tests/fixtures/raw"))
        }
        Task::Maps { source_dir } => {
            let root = workspace_root();
            maps::run(
                &root.join(source_dir),
                &root.join("data/regions.csv"),
                &root.join("data/maps"),
            )
        }
    }
}

fn workspace_root() -> PathBuf {
    // Read when run, not when compiled: the target directory is shared by
    // clones at other paths, and a binary built in one must not point at it.
    std::env::var_os("CARGO_MANIFEST_DIR")
        .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")), PathBuf::from)
        .as_path()
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

fn frontend(no_opt: bool) -> Result<()> {
    let root = workspace_root();
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(cargo)
        .current_dir(&root)
        .args([
            "build",
            "-p",
            CRATE,
            "--lib",
            "--target",
            "wasm32-unknown-unknown",
            "--profile",
            "wasm-release",
            "-Zbuild-std=std,panic_abort",
        ])
        .env("RUSTC_BOOTSTRAP", "1")
        .env("CARGO_ENCODED_RUSTFLAGS", WASM_RUSTFLAGS.join("\x1f"))
        .status()
        .context("running cargo build for wasm32")?;
    if !status.success() {
        bail!(
            "cargo build of {CRATE} for wasm32 failed (it rebuilds the standard library: \
             `rustup component add rust-src` if the error says rust-src is missing)"
        );
    }
    let target_dir = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    let wasm = target_dir
        .join("wasm32-unknown-unknown/wasm-release")
        .join(format!("{WASM_NAME}.wasm"));
    let dist = root.join("frontend/dist");
    if dist.exists() {
        fs::remove_dir_all(&dist).with_context(|| format!("clearing {}", dist.display()))?;
    }
    fs::create_dir_all(&dist)?;

    // wasm-opt runs before wasm-bindgen: Debian's wasm-opt (binaryen 108)
    // mis-numbers the externref table that wasm-bindgen adds, and a page
    // optimized after it fails to start.
    let input = if no_opt {
        wasm.clone()
    } else {
        let optimized_dir = target_dir.join("wasm32-unknown-unknown/wasm-release/optimized");
        fs::create_dir_all(&optimized_dir)?;
        let optimized = optimized_dir.join(format!("{WASM_NAME}.wasm"));
        optimize(&wasm, &optimized)?;
        optimized
    };
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(&input)
        .out_name(WASM_NAME)
        .web(true)?
        .typescript(false)
        // Names only help a debugger; the reader would download them.
        .remove_name_section(true)
        .remove_producers_section(true)
        .generate(&dist)
        .with_context(|| format!("wasm-bindgen on {}", wasm.display()))?;
    drop_stream_adapters(&dist.join(format!("{WASM_NAME}_bg.wasm")))?;

    for file in STATIC_FILES {
        fs::copy(root.join("frontend").join(file), dist.join(file))
            .with_context(|| format!("copying {file}"))?;
    }
    minify(&dist)?;
    let mut total_gzip = 0;
    for entry in fs::read_dir(&dist)? {
        let path = entry?.path();
        let bytes = fs::read(&path)?;
        let gzip = compress_gzip(&bytes)?;
        let brotli = compress_brotli(&bytes)?;
        total_gzip += gzip.len();
        println!(
            "{:<32} {:>8} bytes, gzip {:>7}, brotli {:>7}",
            path.file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default(),
            bytes.len(),
            gzip.len(),
            brotli.len()
        );
        fs::write(with_suffix(&path, ".gz"), gzip)?;
        fs::write(with_suffix(&path, ".br"), brotli)?;
    }
    println!(
        "frontend built in {} ({total_gzip} bytes gzipped in all)",
        dist.display()
    );
    Ok(())
}

/// Leptos always builds its server functions' browser client, and with it
/// wasm-streams, whose JavaScript stream adapters (`IntoUnderlyingSource`,
/// `…Sink`, `…ByteSource`) are exports of the module: wasm-bindgen keeps
/// every export, and the code they reach with it. The dashboard has no
/// server functions, so nothing calls them; their glue stays in the
/// script, unused. Dropping them and what only they reach is done with
/// walrus, the library wasm-bindgen itself writes the module with
/// (binaryen 108 cannot be run after wasm-bindgen, see above).
fn drop_stream_adapters(wasm: &Path) -> Result<()> {
    let mut module = walrus::ModuleConfig::new()
        .generate_name_section(false)
        .generate_producers_section(false)
        .parse_file(wasm)
        .with_context(|| format!("reading {}", wasm.display()))?;
    let adapters: Vec<walrus::ExportId> = module
        .exports
        .iter()
        .filter(|export| export.name.to_ascii_lowercase().contains("intounderlying"))
        .map(|export| export.id())
        .collect();
    println!("dropping {} unused stream-adapter exports", adapters.len());
    for id in adapters {
        module.exports.delete(id);
    }
    walrus::passes::gc::run(&mut module);
    module
        .emit_wasm_file(wasm)
        .with_context(|| format!("writing {}", wasm.display()))
}

/// Debian's wasm-opt (binaryen 108) needs the features Rust's wasm uses
/// named explicitly.
fn optimize(input: &Path, output: &Path) -> Result<()> {
    let found = Command::new("wasm-opt")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        println!(
            "wasm-opt not found; the bundle is left unoptimized (install Debian's binaryen to shrink it)"
        );
        fs::copy(input, output).with_context(|| format!("copying {}", input.display()))?;
        return Ok(());
    }
    let status = Command::new("wasm-opt")
        .args([
            "-Os",
            "--enable-bulk-memory",
            "--enable-nontrapping-float-to-int",
            "--enable-sign-ext",
            "--enable-mutable-globals",
            "--enable-reference-types",
            "--enable-multivalue",
        ])
        .arg(input)
        .arg("-o")
        .arg(output)
        .status()
        .context("running wasm-opt")?;
    if !status.success() {
        bail!("wasm-opt failed on {}", input.display());
    }
    Ok(())
}

/// esbuild minifies the scripts (wasm-bindgen's glue among them) and the
/// styles in place, each keeping its own format: 2,468 bytes of the first
/// load with brotli (BENCHMARKS.md).
fn minify(dist: &Path) -> Result<()> {
    let esbuild = std::env::var_os("ESBUILD")
        .map(PathBuf::from)
        .or_else(installed_esbuild)
        .unwrap_or_else(|| PathBuf::from("esbuild"));
    let found = Command::new(&esbuild)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        println!(
            "esbuild not found; scripts and styles are left unminified (scripts/env.sh installs it)"
        );
        return Ok(());
    }
    for entry in fs::read_dir(dist)? {
        let path = entry?.path();
        if !matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("js" | "css")
        ) {
            continue;
        }
        let status = Command::new(&esbuild)
            .arg(&path)
            .arg("--minify")
            .arg("--log-level=warning")
            .arg("--allow-overwrite")
            .arg(format!("--outfile={}", path.display()))
            .status()
            .context("running esbuild")?;
        if !status.success() {
            bail!("esbuild failed on {}", path.display());
        }
    }
    Ok(())
}

/// The esbuild `scripts/env.sh` installed, when `ESBUILD` is not set (a
/// `cargo xtask frontend` run by hand).
fn installed_esbuild() -> Option<PathBuf> {
    let cache = PathBuf::from(std::env::var_os("HOME")?).join(".cache/tipstats");
    fs::read_dir(cache)
        .ok()?
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.file_name().to_string_lossy().starts_with("esbuild-"))
        .map(|entry| entry.path().join("node_modules/.bin/esbuild"))
        .filter(|path| path.is_file())
        .max()
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

fn compress_gzip(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?)
}

fn compress_brotli(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut out, 4096, 11, 22);
        writer.write_all(bytes)?;
    }
    Ok(out)
}
