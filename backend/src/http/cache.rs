//! Validators for caches. A GET of the data (the API, charts, embeds) is
//! fully determined by the data version, the program ([`crate::BUILD`]) and
//! the request's path and query, so its ETag is a hash of those, known
//! before any work is done: a matching `If-None-Match` is answered 304 at
//! once, and a CDN may keep any answer until a new data version or a new
//! build changes every ETag.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, Uri, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

/// Ten minutes fresh, then served stale for up to a day while revalidated:
/// answers change only with a new data version or build, which changes every
/// ETag.
pub const CACHE_CONTROL: &str = "public, max-age=600, stale-while-revalidate=86400";

#[derive(Clone)]
pub struct Validators {
    data_version: Arc<str>,
    build: &'static str,
}

impl Validators {
    pub fn new(data_version: &str, build: &'static str) -> Validators {
        Validators {
            data_version: Arc::from(data_version),
            build,
        }
    }

    /// A weak ETag: compression changes the bytes, not the content.
    fn etag(&self, uri: &Uri) -> String {
        let mut hash = Sha256::new();
        hash.update(self.data_version.as_bytes());
        hash.update([0]);
        hash.update(self.build.as_bytes());
        hash.update([0]);
        hash.update(uri.path().as_bytes());
        hash.update([0]);
        hash.update(uri.query().unwrap_or("").as_bytes());
        let digest = hex::encode(hash.finalize());
        format!("W/\"{}\"", &digest[..24])
    }
}

/// `If-None-Match` holds `etag` (or `*`), compared weakly.
pub(super) fn matches(if_none_match: &HeaderValue, etag: &str) -> bool {
    let bare = |tag: &str| tag.trim().trim_start_matches("W/").to_string();
    if_none_match.to_str().is_ok_and(|list| {
        list.split(',')
            .any(|tag| tag.trim() == "*" || bare(tag) == bare(etag))
    })
}

/// Answers a matching revalidation with 304 before any work, and marks a
/// fresh answer with its ETag: for the routes this layer is attached to.
pub async fn validate(
    State(validators): State<Validators>,
    request: Request,
    next: Next,
) -> Response {
    if !matches!(*request.method(), Method::GET | Method::HEAD) {
        return next.run(request).await;
    }
    let etag = validators.etag(request.uri());
    let headers = |etag: &str| {
        [
            (
                header::ETAG,
                HeaderValue::from_str(etag).unwrap_or(HeaderValue::from_static("W/\"\"")),
            ),
            (
                header::CACHE_CONTROL,
                HeaderValue::from_static(CACHE_CONTROL),
            ),
        ]
    };
    if request
        .headers()
        .get(header::IF_NONE_MATCH)
        .is_some_and(|value| matches(value, &etag))
    {
        return (StatusCode::NOT_MODIFIED, headers(&etag)).into_response();
    }
    let mut response = next.run(request).await;
    if response.status() == StatusCode::OK {
        for (name, value) in headers(&etag) {
            response.headers_mut().insert(name, value);
        }
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn etags_differ_by_version_path_and_query() {
        let v1 = Validators::new("v1", crate::BUILD);
        let uri = |u: &str| u.parse::<Uri>().expect("uri");
        let a = v1.etag(&uri("/api/v1/series?indicator=a"));
        assert_eq!(a, v1.etag(&uri("/api/v1/series?indicator=a")));
        assert_ne!(a, v1.etag(&uri("/api/v1/series?indicator=b")));
        assert_ne!(a, v1.etag(&uri("/chart.svg?indicator=a")));
        assert_ne!(
            a,
            Validators::new("v2", crate::BUILD).etag(&uri("/api/v1/series?indicator=a"))
        );
    }

    #[test]
    fn a_new_build_changes_every_etag() {
        let paths = [
            "/api/v1/series?indicator=a",
            "/api/v1/catalog",
            "/api/openapi.json",
            "/chart.svg?indicator=a",
            "/embed?indicator=a",
            "/embed.css",
            "/embed.js",
        ];
        let this = Validators::new("v1", crate::BUILD);
        let next = Validators::new("v1", "0.1.0+next");
        for path in paths {
            let uri = path.parse::<Uri>().expect("uri");
            assert_ne!(this.etag(&uri), next.etag(&uri), "{path}");
        }
        assert!(crate::BUILD.starts_with(env!("CARGO_PKG_VERSION")));
    }

    #[test]
    fn if_none_match_lists_are_compared_weakly() {
        let etag = "W/\"abc\"";
        let header = |s: &'static str| HeaderValue::from_static(s);
        assert!(matches(&header("W/\"abc\""), etag));
        assert!(matches(&header("\"abc\""), etag));
        assert!(matches(&header("\"x\", W/\"abc\""), etag));
        assert!(matches(&header("*"), etag));
        assert!(!matches(&header("W/\"abd\""), etag));
    }
}
