//! The front cache: a finished answer kept by its exact address, already
//! compressed (identity, gzip and brotli) with its headers built, and
//! served without routing, middleware or parsing. It wraps the whole
//! application as a service, so that a hit does no more than a static file
//! server would: look up the address, compare the ETag, copy headers.
//!
//! Only answers marked [`Reusable`] are kept: those the router says are
//! determined by the data version, the build, the address and the `Host`
//! (the figures' light routes, `app`'s `reusable`). Everything else, and
//! every miss, goes through the application and its layers (its
//! compression among them, which leaves reusable answers to this cache).

use std::convert::Infallible;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::Router;
use axum::body::{Body, Bytes, HttpBody};
use axum::extract::Request;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::error::ApiError;
use futures_util::future::{BoxFuture, Either, Ready, ready};
use tower::{Layer, Service, ServiceExt};
use tower_http::compression::CompressionLayer;
use tower_http::compression::predicate::{DefaultPredicate, Predicate};

/// Marks an answer that is a function of the data version, the build, the
/// address and the `Host` alone, which the front cache may keep.
#[derive(Clone, Copy)]
pub struct Reusable;

/// Marks every successful answer of the routes it is attached to.
pub async fn reusable(mut response: Response) -> Response {
    if response.status() == StatusCode::OK {
        response.extensions_mut().insert(Reusable);
    }
    response
}

/// An answer larger than this is served, not kept (the dataset's ZIP).
const LARGEST_KEPT: u64 = 2 * 1024 * 1024;
/// Compressed once, so worth the levels a per-request compressor cannot
/// afford, up to this size; above it, a lower level costs the first reader
/// less (2.2 MB of JSON: brotli 9 in 95 ms, 5 in 25 ms for 9 % more
/// bytes; gzip 9 in 45 ms).
const SMALL: usize = 256 * 1024;

/// The application with its front cache.
#[derive(Clone)]
pub struct Front {
    router: Router,
    kept: moka::sync::Cache<String, Arc<Kept>>,
}

impl Front {
    /// `router` behind a cache of up to `max_bytes` of answers.
    pub fn new(router: Router, max_bytes: u64) -> Front {
        Front {
            router,
            kept: moka::sync::Cache::builder()
                .max_capacity(max_bytes)
                .weigher(|key: &String, kept: &Arc<Kept>| {
                    u32::try_from(key.len() + kept.bytes()).unwrap_or(u32::MAX)
                })
                .time_to_idle(Duration::from_secs(3600))
                .build(),
        }
    }
}

/// One answer in each encoding it is kept in.
struct Kept {
    etag: Option<HeaderValue>,
    identity: Encoded,
    gzip: Option<Encoded>,
    br: Option<Encoded>,
}

/// An answer's headers and body in one encoding.
struct Encoded {
    headers: HeaderMap,
    body: Bytes,
}

impl Encoded {
    fn response(&self, status: StatusCode) -> Response {
        let mut response = match status {
            StatusCode::NOT_MODIFIED => Response::new(Body::empty()),
            _ => Response::new(Body::from(self.body.clone())),
        };
        *response.status_mut() = status;
        *response.headers_mut() = self.headers.clone();
        response
    }
}

impl Kept {
    /// `parts` and `body` of a reusable answer, compressed where that helps.
    fn new(parts: &axum::http::response::Parts, body: Bytes) -> Kept {
        let mut headers = parts.headers.clone();
        headers.remove(header::CONTENT_LENGTH);
        headers.append(header::VARY, HeaderValue::from_static("accept-encoding"));
        let probe = Response::from_parts(parts.clone(), Body::from(body.clone()));
        let compressible = DefaultPredicate::new().should_compress(&probe);
        let encoded = |coding: &'static str, compress: fn(&[u8]) -> Option<Vec<u8>>| {
            let smaller = compress(&body).filter(|packed| packed.len() < body.len())?;
            let mut headers = headers.clone();
            headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(coding));
            Some(Encoded {
                headers,
                body: Bytes::from(smaller),
            })
        };
        Kept {
            etag: parts.headers.get(header::ETAG).cloned(),
            gzip: compressible.then(|| encoded("gzip", gzip)).flatten(),
            br: compressible.then(|| encoded("br", brotli)).flatten(),
            identity: Encoded {
                headers: headers.clone(),
                body,
            },
        }
    }

    fn bytes(&self) -> usize {
        let size = |encoded: &Option<Encoded>| encoded.as_ref().map_or(0, |e| e.body.len());
        self.identity.body.len() + size(&self.gzip) + size(&self.br)
    }

    /// The answer to `request`: 304 when its ETag is current, else the
    /// smallest encoding the client accepts.
    fn answer(&self, request: &HeaderMap) -> Response {
        let accepted = request
            .get(header::ACCEPT_ENCODING)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        let encoded = [(&self.br, "br"), (&self.gzip, "gzip")]
            .into_iter()
            .find_map(|(encoded, coding)| encoded.as_ref().filter(|_| accepts(accepted, coding)))
            .unwrap_or(&self.identity);
        let fresh = self
            .etag
            .as_ref()
            .and_then(|etag| etag.to_str().ok())
            .zip(request.get(header::IF_NONE_MATCH))
            .is_some_and(|(etag, tags)| super::cache::matches(tags, etag));
        match fresh {
            true => encoded.response(StatusCode::NOT_MODIFIED),
            false => encoded.response(StatusCode::OK),
        }
    }
}

/// `accept-encoding` lists `coding` without `q=0`.
fn accepts(accepted: &str, coding: &str) -> bool {
    accepted.split(',').any(|item| {
        let mut parts = item.split(';');
        parts
            .next()
            .is_some_and(|name| name.trim().eq_ignore_ascii_case(coding))
            && parts.all(|param| {
                param
                    .trim()
                    .strip_prefix("q=")
                    .and_then(|q| q.parse::<f32>().ok())
                    .is_none_or(|q| q > 0.0)
            })
    })
}

fn gzip(body: &[u8]) -> Option<Vec<u8>> {
    use std::io::Write;
    let level = match body.len() <= SMALL {
        true => flate2::Compression::best(),
        false => flate2::Compression::default(),
    };
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), level);
    encoder.write_all(body).ok()?;
    encoder.finish().ok()
}

fn brotli(body: &[u8]) -> Option<Vec<u8>> {
    let mut packed = Vec::new();
    let params = ::brotli::enc::BrotliEncoderParams {
        quality: if body.len() <= SMALL { 9 } else { 5 },
        ..Default::default()
    };
    ::brotli::BrotliCompress(&mut &body[..], &mut packed, &params).ok()?;
    Some(packed)
}

/// The address an answer is kept under: it varies by `Host` (embeds link
/// back to it) and by nothing else the client sends but its encoding.
fn key(request: &Request) -> String {
    let host = request
        .headers()
        .get(header::HOST)
        .map_or(&b""[..], |h| h.as_bytes());
    let address = request
        .uri()
        .path_and_query()
        .map_or("", |address| address.as_str());
    let mut key = String::with_capacity(host.len() + 1 + address.len());
    key.push_str(std::str::from_utf8(host).unwrap_or(""));
    key.push(' ');
    key.push_str(address);
    key
}

impl Service<Request> for Front {
    type Response = Response;
    type Error = Infallible;
    type Future = Either<
        Ready<Result<Response, Infallible>>,
        BoxFuture<'static, Result<Response, Infallible>>,
    >;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: Request) -> Self::Future {
        let key = (request.method() == Method::GET).then(|| key(&request));
        if let Some(kept) = key.as_ref().and_then(|key| self.kept.get(key)) {
            return Either::Left(ready(Ok(kept.answer(request.headers()))));
        }
        let front = self.clone();
        Either::Right(Box::pin(async move { Ok(front.miss(key, request).await) }))
    }
}

impl Front {
    /// Asks the application, and keeps a reusable answer (which the
    /// application leaves uncompressed: [`NotReusable`]).
    async fn miss(self, key: Option<String>, request: Request) -> Response {
        let asked = request.headers().clone();
        let response = match self.router.oneshot(request).await {
            Ok(response) => response,
            Err(never) => match never {},
        };
        if response.extensions().get::<Reusable>().is_none() {
            return response;
        }
        let small = response
            .body()
            .size_hint()
            .upper()
            .is_some_and(|size| size <= LARGEST_KEPT);
        let Some(key) = key.filter(|_| small) else {
            // Not kept, and left uncompressed by the application.
            return compressed_as_asked(response, asked).await;
        };
        let (parts, body) = response.into_parts();
        let Ok(body) = axum::body::to_bytes(body, LARGEST_KEPT as usize).await else {
            return ApiError::Export("reading an answer to keep it".into()).into_response();
        };
        // Brotli at a high level takes milliseconds: not on an async worker.
        match tokio::task::spawn_blocking(move || Arc::new(Kept::new(&parts, body))).await {
            Ok(kept) => {
                self.kept.insert(key, kept.clone());
                kept.answer(&asked)
            }
            Err(error) => {
                ApiError::Export(format!("compressing an answer: {error}")).into_response()
            }
        }
    }
}

/// `response` compressed as `asked` accepts, by tower-http's compression.
async fn compressed_as_asked(response: Response, asked: HeaderMap) -> Response {
    let mut request = Request::new(Body::empty());
    *request.headers_mut() = asked;
    // Called once: `oneshot`.
    let mut response = Some(response);
    let answer = tower::service_fn(move |_: Request| {
        ready(Ok::<_, Infallible>(response.take().unwrap_or_default()))
    });
    match CompressionLayer::new().layer(answer).oneshot(request).await {
        Ok(response) => response.map(Body::new),
        Err(never) => match never {},
    }
}

/// The application's compression leaves reusable answers to the front
/// cache, which compresses them once.
#[derive(Clone, Copy)]
pub struct NotReusable;

impl Predicate for NotReusable {
    fn should_compress<B: HttpBody>(&self, response: &axum::http::Response<B>) -> bool {
        response.extensions().get::<Reusable>().is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::accepts;

    #[test]
    fn codings_are_read_with_their_weights() {
        assert!(accepts("gzip, deflate, br", "br"));
        assert!(accepts("br;q=1.0, gzip;q=0.8", "gzip"));
        assert!(accepts("GZIP", "gzip"));
        assert!(!accepts("br;q=0, gzip", "br"));
        assert!(!accepts("br; q=0.0", "br"));
        assert!(!accepts("", "br"));
        assert!(!accepts("brotli", "br"));
    }
}
