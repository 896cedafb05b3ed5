//! The HTTP layer: shared state, the router, the token check every API call makes, the
//! request log, and the answers to unknown paths and methods.

use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant, UNIX_EPOCH};

use advanceai_core::{Endpoint, ResponseCode};
use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Json, Response};
use axum::routing::{get, post};

use serde::de::DeserializeOwned;

use crate::SandboxConfig;
use crate::body::{drain, read_json};
use crate::h5;
use crate::health;
use crate::messages::{MSG_METHOD, MSG_NOT_FOUND, MSG_TOKEN};
use crate::reply::{LoggedCode, Reply};
use crate::state::State as Memory;
use crate::token::token;
use crate::verification::verify;

/// Shared by every request.
#[derive(Debug)]
pub(crate) struct App {
    pub(crate) config: SandboxConfig,
    pub(crate) counts: Arc<crate::counter::RequestCounts>,
    pub(crate) memory: Memory,
    pub(crate) base_url: String,
}

pub(crate) type Shared = Arc<App>;

/// How long a graceful shutdown waits for open requests before dropping them.
pub(crate) const SHUTDOWN_GRACE: Duration = Duration::from_secs(2);

/// Locks `mutex`; a panic in another request never makes the state unusable.
pub(crate) fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The router of every sandbox endpoint.
pub(crate) fn router(app: Shared) -> Router {
    Router::new()
        .route(Endpoint::Token.path(), post(token))
        .route(Endpoint::IdNumberVerification.path(), post(verify))
        .route(Endpoint::GenerateUrl.path(), post(h5::generate_url))
        .route(Endpoint::GetResult.path(), post(h5::get_result))
        .route("/h5/{signature_id}", get(h5::h5_page).post(h5::h5_submit))
        .route(Endpoint::HealthStatus.path(), get(health::health_status))
        .route(Endpoint::ClearData.path(), post(h5::clear_data))
        .route("/sandbox/complete", post(h5::complete))
        .route("/sandbox/health", post(health::set_health))
        .route("/sandbox/stats", get(stats))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(middleware::from_fn(log_requests))
        .layer(middleware::from_fn_with_state(
            Arc::clone(&app),
            date_header,
        ))
        .with_state(app)
}

/// `GET /sandbox/stats`: the requests that reached each API endpoint so far, by the
/// endpoint's descriptor name: `{"requests": {"token": 1, "get_result": 3, ...}}`. For tests
/// in other languages, which cannot call [`crate::RunningSandbox::request_count`].
async fn stats(State(app): State<Shared>) -> Json<serde_json::Value> {
    let requests: serde_json::Map<String, serde_json::Value> = Endpoint::ALL
        .iter()
        .map(|e| (e.descriptor().name.to_owned(), app.counts.get(*e).into()))
        .collect();
    Json(serde_json::json!({ "requests": requests }))
}

/// Every answer's `Date` comes from the sandbox's clock (hyper's would be the machine's), so
/// a sandbox with a [`crate::ManualClock`] set off answers with a skewed `Date`, as a server
/// whose clock differs from the client's does.
async fn date_header(State(app): State<Shared>, request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let now = UNIX_EPOCH + Duration::from_millis(app.config.clock.now_ms());
    if let Ok(date) = HeaderValue::from_str(&httpdate::fmt_http_date(now)) {
        response.headers_mut().insert(header::DATE, date);
    }
    response
}

async fn log_requests(request: Request, next: Next) -> Response {
    let start = Instant::now();
    let method = request.method().clone();
    // The path only: query strings may carry tokens.
    let path = request.uri().path().to_owned();
    let response = next.run(request).await;
    let code = response
        .extensions()
        .get::<LoggedCode>()
        .map_or("-", |c| c.0.as_str());
    tracing::info!(
        method = %method,
        path = %path,
        status = response.status().as_u16(),
        code = code,
        latency_us = u64::try_from(start.elapsed().as_micros()).unwrap_or(u64::MAX),
        "request"
    );
    response
}

async fn not_found() -> Response {
    Reply::new(ResponseCode::ClientError, MSG_NOT_FOUND, None)
        .with_status(StatusCode::NOT_FOUND)
        .into_response()
}

async fn method_not_allowed() -> Response {
    Reply::new(ResponseCode::ClientError, MSG_METHOD, None)
        .with_status(StatusCode::METHOD_NOT_ALLOWED)
        .into_response()
}

/// `IAM_FAILED` unless `X-ACCESS-TOKEN` holds a token this sandbox issued and that has not
/// expired by its clock.
pub(crate) fn check_token(app: &App, headers: &HeaderMap) -> Result<(), Reply> {
    let token = headers
        .get("X-ACCESS-TOKEN")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let now = app.config.clock.now_ms();
    let live = !token.is_empty()
        && lock(&app.memory.tokens)
            .get(token)
            .is_some_and(|&expires| expires > now);
    if live {
        Ok(())
    } else {
        Err(Reply::new(ResponseCode::IamFailed, MSG_TOKEN, None))
    }
}

/// The start of every API call that needs a token: counts it, checks the token (an early
/// answer drains the body first, so the pooled connection stays usable), then reads the
/// JSON body into the endpoint's request type.
pub(crate) async fn accept<T: DeserializeOwned>(
    app: &App,
    endpoint: Endpoint,
    headers: &HeaderMap,
    body: Body,
) -> Result<T, Response> {
    app.counts.record(endpoint);
    if let Err(reply) = check_token(app, headers) {
        drain(body).await;
        return Err(reply.into_response());
    }
    read_json(headers, body, app.config.max_body_bytes)
        .await
        .map_err(IntoResponse::into_response)
}

/// The start of every API call whose parameters are in the query (Health Status, Clear
/// Data): counts it, checks the token, and reads and discards any body (none is expected).
pub(crate) async fn accept_query(
    app: &App,
    endpoint: Endpoint,
    headers: &HeaderMap,
    body: Body,
) -> Result<(), Response> {
    app.counts.record(endpoint);
    drain(body).await;
    check_token(app, headers).map_err(IntoResponse::into_response)
}
