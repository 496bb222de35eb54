//! The built dashboard (index.html, JS, WASM): served as files, with their
//! precompressed `.br`/`.gz` siblings when the client accepts them.

use std::path::PathBuf;

use tower_http::services::ServeDir;

pub fn service(assets_dir: PathBuf) -> ServeDir {
    ServeDir::new(assets_dir)
        .precompressed_br()
        .precompressed_gzip()
}
