//! Records the build's identity, `TIPSTATS_BUILD`: the crate version and a
//! hash of every source the server's answers are made by (this crate's and
//! the shared crate's code, the embed's assets, the font, Cargo.lock). It
//! goes into every ETag, so a build that changes a word, a drawing or a
//! dependency changes every validator, and a build of the same sources
//! keeps them (replicas of one build agree).
//!
//! The build-dependencies of this script pin the features of `syn` in the
//! host build graph: DuckDB's build script depends on `serde_derive` (hence
//! `syn`), and if a proc-macro added later widened syn's features, Cargo
//! would rebuild DuckDB's bundled C++ (~35 minutes). For the same reason the
//! hash is std's, not a crate's.
use std::fs;
use std::hash::{DefaultHasher, Hasher};
use std::path::{Path, PathBuf};

const SOURCES: [&str; 7] = [
    "../data/maps",
    "src",
    "assets",
    "fonts",
    "Cargo.toml",
    "../shared",
    "../Cargo.lock",
];

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    let mut files = Vec::new();
    for source in SOURCES {
        println!("cargo::rerun-if-changed={source}");
        collect(Path::new(source), &mut files);
    }
    files.sort();
    // SipHash with fixed keys: the same sources give the same identity.
    let mut hash = DefaultHasher::new();
    for file in &files {
        hash.write(file.to_string_lossy().as_bytes());
        hash.write(&fs::read(file).unwrap_or_default());
    }
    let version = std::env::var("CARGO_PKG_VERSION").unwrap_or_default();
    println!(
        "cargo::rustc-env=TIPSTATS_BUILD={version}+{:016x}",
        hash.finish()
    );
}

/// Every file under `path` (or `path` itself), skipping build output.
fn collect(path: &Path, files: &mut Vec<PathBuf>) {
    if path.is_file() {
        files.push(path.to_path_buf());
        return;
    }
    let Ok(entries) = fs::read_dir(path) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.file_name().is_some_and(|name| name != "target") {
            collect(&path, files);
        }
    }
}
