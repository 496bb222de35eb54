//! Nothing is generated here. The build-dependencies of this script pin the
//! features of `syn` in the host build graph: DuckDB's build script depends on
//! `serde_derive` (hence `syn`), and if a proc-macro added later widened syn's
//! features, Cargo would rebuild DuckDB's bundled C++ (~35 minutes).
fn main() {
    println!("cargo::rerun-if-changed=build.rs");
}
