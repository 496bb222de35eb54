//! Protection for the heavy endpoints (exports, the dataset, PNG images): a
//! per-client rate limit that answers 429 with `Retry-After`, and a cache of
//! finished answers so that a popular view is computed once.

use std::net::{IpAddr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use super::error::{ApiError, problem_response};

/// Requests per minute one client may make to the heavy endpoints.
#[derive(Clone)]
pub struct HeavyLimiter {
    limiter: Arc<DefaultKeyedRateLimiter<IpAddr>>,
}

impl HeavyLimiter {
    /// `per_minute` requests a minute, in bursts of up to a quarter of that.
    pub fn new(per_minute: u32) -> HeavyLimiter {
        let per_minute = NonZeroU32::new(per_minute.max(1)).unwrap_or(NonZeroU32::MIN);
        let burst = NonZeroU32::new((per_minute.get() / 4).max(1)).unwrap_or(NonZeroU32::MIN);
        HeavyLimiter {
            limiter: Arc::new(RateLimiter::keyed(
                Quota::per_minute(per_minute).allow_burst(burst),
            )),
        }
    }
}

/// The client's address: the socket's peer. (Behind a proxy every client
/// shares the proxy's address; limit at the proxy or CDN then.)
fn client(request: &Request) -> IpAddr {
    request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map_or(IpAddr::from([0, 0, 0, 0]), |info| info.0.ip())
}

/// Answers 429 with `Retry-After` once a client passes its limit: for the
/// routes this layer is attached to.
pub async fn limit_heavy(
    State(limiter): State<HeavyLimiter>,
    request: Request,
    next: Next,
) -> Response {
    match limiter.limiter.check_key(&client(&request)) {
        Ok(()) => next.run(request).await,
        Err(not_until) => {
            let wait = not_until.wait_time_from(DefaultClock::default().now());
            let seconds = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
            let mut response = problem_response(
                StatusCode::TOO_MANY_REQUESTS,
                "Too many requests",
                format!(
                    "this client asked for too many exports or images; try again in {seconds} s"
                ),
                None,
            );
            if let Ok(value) = HeaderValue::from_str(&seconds.max(1).to_string()) {
                response.headers_mut().insert(header::RETRY_AFTER, value);
            }
            response
        }
    }
}

/// Finished answers by request (path and canonical query, plus what else
/// the answer depends on), up to a total size. Answers depend only on the
/// data version, which is fixed for the life of the process. Concurrent
/// requests for an answer not yet made wait for one making.
#[derive(Clone)]
pub struct AnswerCache {
    cache: moka::future::Cache<String, (&'static str, Bytes)>,
}

impl AnswerCache {
    pub fn new(max_bytes: u64) -> AnswerCache {
        AnswerCache {
            cache: moka::future::Cache::builder()
                .max_capacity(max_bytes)
                .weigher(|key: &String, (_, body): &(&'static str, Bytes)| {
                    u32::try_from(key.len() + body.len()).unwrap_or(u32::MAX)
                })
                .time_to_idle(Duration::from_secs(3600))
                .build(),
        }
    }

    /// The cached answer for `key`, or `make`'s, which is kept when it
    /// succeeds; a failure is not kept, and reaches every waiter.
    pub async fn get_or_make<F>(
        &self,
        key: String,
        content_type: &'static str,
        make: F,
    ) -> Result<Response, ApiError>
    where
        F: Future<Output = Result<Bytes, ApiError>>,
    {
        let made = self
            .cache
            .try_get_with(
                key,
                async move { make.await.map(|body| (content_type, body)) },
            )
            .await;
        match made {
            Ok((content_type, body)) => {
                Ok(([(header::CONTENT_TYPE, content_type)], body).into_response())
            }
            Err(shared) => Err(Arc::try_unwrap(shared).unwrap_or_else(ApiError::Shared)),
        }
    }
}
