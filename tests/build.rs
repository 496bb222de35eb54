//! Says which of the tests' outside needs this machine meets, as cfgs the
//! tests are ignored by (with their reason, counted in cargo's summary)
//! instead of passing without checking anything:
//! - `shared_data`: the publishers' whole raw files are at `../shared/data`
//!   (or `TIPSTATS_SOURCE_DIR`);
//! - `can_mount`: the tests run as root, and may mount a small tmpfs.
//!
//! Under CI both are set whatever the machine has, so a missing folder or a
//! mount refused fails the run instead of skipping.
use std::path::PathBuf;

fn main() {
    println!("cargo::rustc-check-cfg=cfg(shared_data)");
    println!("cargo::rustc-check-cfg=cfg(can_mount)");
    println!("cargo::rerun-if-env-changed=CI");
    println!("cargo::rerun-if-env-changed=TIPSTATS_SOURCE_DIR");
    let ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty());
    let sources = std::env::var_os("TIPSTATS_SOURCE_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../../shared/data"));
    println!("cargo::rerun-if-changed={}", sources.display());
    if ci || sources.is_dir() {
        println!("cargo::rustc-cfg=shared_data");
    }
    let root = std::fs::read_to_string("/proc/self/status").is_ok_and(|status| {
        status
            .lines()
            .any(|line| line.starts_with("Uid:") && line.split_whitespace().nth(1) == Some("0"))
    });
    if ci || root {
        println!("cargo::rustc-cfg=can_mount");
    }
}
