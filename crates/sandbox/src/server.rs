//! The HTTP layer: routes, request reading, envelopes, faults and logging.

use std::collections::HashMap;
use std::io;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use advanceai_core::{
    Endpoint, Envelope, EpochMillis, ErrorCode, GenerateUrlData, GenerateUrlRequest,
    GetResultRequest, IdNumberVerificationRequest, InvalidRequest, OverallResult, ResponseCode,
    Secret, TIMESTAMP_TOLERANCE_MS, TokenData, TokenValue, VerificationData, token_signature,
};
use axum::body::{Body, Bytes};
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Router};
use futures_util::StreamExt;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use crate::SandboxConfig;
use crate::callback;
use crate::fault::{Fault, HUGE_BODY_BYTES, UNKNOWN_CODE, UNKNOWN_ERROR_CODE};
use crate::h5;
use crate::person::{FakePerson, verdict_for};
use crate::state::{State as Memory, Transaction, Verdict};

/// Message of `IAM_FAILED` (the vendor's wording).
pub const MSG_TOKEN: &str = "Token not found or expired";
/// Message of `SIGNATURE_NOT_EXIST` (the vendor's wording).
pub const MSG_SIGNATURE_NOT_EXIST: &str = "This signatureId is not exist";
/// Message of a request whose `Content-Type` is not JSON (ours).
pub const MSG_CONTENT_TYPE: &str = "Content-Type must be application/json";
/// Message of a request body that is not a JSON object of the right shape (ours).
pub const MSG_MALFORMED: &str = "Request body is not a valid JSON object";
/// Message of a request body over the size cap (ours).
pub const MSG_TOO_LARGE: &str = "Request body is too large";
/// Message of an unknown path (ours); the code is `CLIENT_ERROR`, HTTP 404.
pub const MSG_NOT_FOUND: &str = "No such API";
/// Message of a known path called with the wrong method (ours); `CLIENT_ERROR`, HTTP 405.
pub const MSG_METHOD: &str = "Method not allowed";
/// Message of `SERVICE_BUSY` (ours).
pub const MSG_BUSY: &str = "Service busy, please retry later";
/// Message of `INSUFFICIENT_BALANCE` (`fault-no-balance`; the vendor's wording is not
/// documented).
pub const MSG_NO_BALANCE: &str = "Insufficient balance";
/// Message of `/sandbox/complete` with an outcome the sandbox does not know (ours).
pub const MSG_BAD_OUTCOME: &str = "Unknown outcome";
/// Message of completing a transaction that already has a final result (ours).
pub const MSG_ALREADY_FINAL: &str = "This signatureId already has a final result";

/// The H5 URL lifetime reported as `expiredTime` by Generate URL (vendor: about 3600 s).
const URL_LIFETIME_MS: u64 = 3_600_000;

/// Shared by every request.
#[derive(Debug)]
pub(crate) struct App {
    pub(crate) config: SandboxConfig,
    pub(crate) counts: Arc<crate::counter::RequestCounts>,
    pub(crate) memory: Memory,
    pub(crate) base_url: String,
}

type Shared = Arc<App>;

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// A fresh 16-hex-digit id (transactionId, signatureId).
pub(crate) fn new_id() -> String {
    format!("{:016x}", rand::random::<u64>())
}

fn new_token() -> String {
    let bytes: [u8; 24] = rand::random();
    let mut token = String::with_capacity(8 + 48);
    token.push_str("sandbox.");
    for byte in bytes {
        token.push_str(&format!("{byte:02x}"));
    }
    token
}

/// The code a response carried, for the request log.
#[derive(Clone, Debug)]
struct LoggedCode(String);

/// An envelope on its way out.
#[derive(Debug)]
pub(crate) struct Reply {
    status: StatusCode,
    envelope: Box<Envelope<Value>>,
    retry_after: bool,
}

impl Reply {
    fn new(code: ResponseCode, message: &str, data: Option<Value>) -> Self {
        let mut envelope = Envelope::new(code);
        envelope.message = Some(message.to_owned());
        envelope.data = data;
        envelope.transaction_id = Some(new_id());
        envelope.pricing_strategy = Some("FREE".to_owned());
        Self {
            status: StatusCode::OK,
            envelope: Box::new(envelope),
            retry_after: false,
        }
    }

    fn ok(data: Value) -> Self {
        Self::new(ResponseCode::Success, "OK", Some(data))
    }

    fn invalid(problem: InvalidRequest) -> Self {
        Self::new(problem.code(), problem.message(), None)
    }

    fn parameter(message: &str) -> Self {
        Self::new(ResponseCode::ParameterError, message, None)
    }

    fn with_status(mut self, status: StatusCode) -> Self {
        self.status = status;
        self
    }

    fn body(&self) -> Vec<u8> {
        serde_json::to_vec(&self.envelope).unwrap_or_else(|_| {
            br#"{"code":"ERROR","message":"Server error","data":null,"extra":null,"transactionId":null,"pricingStrategy":"FREE"}"#.to_vec()
        })
    }

    fn code(&self) -> String {
        self.envelope.code.as_str().to_owned()
    }
}

fn json_response(status: StatusCode, code: String, body: Body) -> Response {
    let mut response = Response::new(body);
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json;charset=UTF-8"),
    );
    response.extensions_mut().insert(LoggedCode(code));
    response
}

impl IntoResponse for Reply {
    fn into_response(self) -> Response {
        let body = self.body();
        let mut response = json_response(self.status, self.code(), Body::from(body));
        if self.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
        }
        response
    }
}

fn data_value<T: serde::Serialize>(data: &T) -> Value {
    serde_json::to_value(data).unwrap_or(Value::Null)
}

/// The router of every sandbox endpoint.
pub(crate) fn router(app: Shared) -> Router {
    Router::new()
        .route(Endpoint::Token.path(), post(token))
        .route(Endpoint::IdNumberVerification.path(), post(verify))
        .route(Endpoint::GenerateUrl.path(), post(generate_url))
        .route(Endpoint::GetResult.path(), post(get_result))
        .route("/h5/{signature_id}", get(h5_page).post(h5_submit))
        .route("/sandbox/complete", post(complete))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(middleware::from_fn(log_requests))
        .with_state(app)
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

/// How much of an oversized body is read (and thrown away) so that the client, which may
/// still be writing, reads the answer instead of a broken pipe. Beyond this the answer is
/// sent and the connection closed; nothing over the cap is ever kept in memory.
const DRAIN_LIMIT: usize = 1024 * 1024;

/// Reads a JSON object body: checks the content type, caps the size (a declared
/// `Content-Length` over [`DRAIN_LIMIT`] is refused unread), then deserializes.
async fn read_json<T: DeserializeOwned>(
    headers: &HeaderMap,
    body: Body,
    limit: usize,
) -> Result<T, Reply> {
    let is_json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("application/json"));
    if !is_json {
        return Err(Reply::parameter(MSG_CONTENT_TYPE));
    }
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok())
        .map(|len| usize::try_from(len).unwrap_or(usize::MAX));
    if declared.is_some_and(|len| len > DRAIN_LIMIT.max(limit)) {
        return Err(Reply::parameter(MSG_TOO_LARGE));
    }
    let mut too_large = declared.is_some_and(|len| len > limit);
    let mut bytes = Vec::with_capacity(declared.unwrap_or(0).min(limit));
    let mut seen = 0usize;
    let mut stream = body.into_data_stream();
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|_| Reply::parameter(MSG_MALFORMED))?;
        seen = seen.saturating_add(chunk.len());
        if seen > limit {
            too_large = true;
        }
        if too_large {
            if seen > DRAIN_LIMIT {
                break;
            }
            continue;
        }
        bytes.extend_from_slice(&chunk);
    }
    if too_large {
        return Err(Reply::parameter(MSG_TOO_LARGE));
    }
    let value: Value =
        serde_json::from_slice(&bytes).map_err(|_| Reply::parameter(MSG_MALFORMED))?;
    if !value.is_object() {
        return Err(Reply::parameter(MSG_MALFORMED));
    }
    serde_json::from_value(value).map_err(|_| Reply::parameter(MSG_MALFORMED))
}

/// Reads and discards what is left of a request body (up to [`DRAIN_LIMIT`]) before an
/// answer that did not need it: hyper closes a connection whose request body was left
/// unread, and a client that reuses that connection from its pool would see its next POST
/// fail with a reset.
async fn drain(body: Body) {
    let mut seen = 0usize;
    let mut stream = body.into_data_stream();
    while let Some(Ok(chunk)) = stream.next().await {
        seen = seen.saturating_add(chunk.len());
        if seen > DRAIN_LIMIT {
            break;
        }
    }
}

fn check_token(app: &App, headers: &HeaderMap) -> Result<(), Reply> {
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

/// Faults that replace the answer, or delay it; `None` means "answer normally".
async fn fault_before(app: &App, fault: Option<Fault>, key: &str) -> Option<Response> {
    match fault? {
        Fault::Delay(delay) => {
            tokio::time::sleep(delay).await;
            None
        }
        Fault::Busy => {
            let mut reply = Reply::new(ResponseCode::ServiceBusy, MSG_BUSY, None);
            reply.retry_after = true;
            Some(reply.into_response())
        }
        Fault::NoBalance => Some(
            Reply::new(ResponseCode::InsufficientBalance, MSG_NO_BALANCE, None).into_response(),
        ),
        Fault::BadGateway => {
            let mut response = Html(
                "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>sandbox</center></body></html>",
            )
            .into_response();
            *response.status_mut() = StatusCode::BAD_GATEWAY;
            response
                .extensions_mut()
                .insert(LoggedCode("HTTP-502".into()));
            Some(response)
        }
        Fault::UnknownCode => Some(
            Reply::new(
                ResponseCode::from_wire(UNKNOWN_CODE),
                "A code this client has never seen",
                None,
            )
            .into_response(),
        ),
        Fault::BusyOnce => {
            let mut seen = lock(&app.memory.iam_once_seen);
            let key = format!("busy-once:{key}");
            if seen.contains(&key) {
                None
            } else {
                seen.insert(key, ());
                let mut reply = Reply::new(ResponseCode::ServiceBusy, MSG_BUSY, None);
                reply.retry_after = true;
                Some(reply.into_response())
            }
        }
        Fault::IamOnce => {
            let mut seen = lock(&app.memory.iam_once_seen);
            if seen.contains(key) {
                None
            } else {
                seen.insert(key.to_owned(), ());
                Some(Reply::new(ResponseCode::IamFailed, MSG_TOKEN, None).into_response())
            }
        }
        Fault::Cut | Fault::Truncated | Fault::Huge | Fault::UnknownErrorCode => None,
    }
}

/// Faults that mangle the normal answer on its way out.
fn fault_after(fault: Option<Fault>, mut reply: Reply) -> Response {
    match fault {
        Some(Fault::Cut) => {
            let body = Bytes::from(reply.body());
            let head = body.slice(..body.len().min(16));
            let chunks: Vec<Result<Bytes, io::Error>> = vec![
                Ok(head),
                Err(io::Error::new(
                    io::ErrorKind::ConnectionAborted,
                    "fault-cut: connection closed mid-body",
                )),
            ];
            let mut response = json_response(
                reply.status,
                "CUT".into(),
                Body::from_stream(futures_util::stream::iter(chunks)),
            );
            response
                .headers_mut()
                .insert(header::CONTENT_LENGTH, HeaderValue::from(body.len()));
            response
        }
        Some(Fault::Truncated) => {
            let mut body = reply.body();
            body.truncate(body.len() / 2);
            json_response(reply.status, "TRUNCATED".into(), Body::from(body))
        }
        Some(Fault::Huge) => {
            reply.envelope.extra = Some(json!({ "padding": "x".repeat(HUGE_BODY_BYTES) }));
            reply.into_response()
        }
        _ => reply.into_response(),
    }
}

// ----- token -----

fn text_field(object: &serde_json::Map<String, Value>, name: &str) -> String {
    match object.get(name) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

async fn token(State(app): State<Shared>, headers: HeaderMap, body: Body) -> Response {
    app.counts.record(Endpoint::Token);
    let object: serde_json::Map<String, Value> =
        match read_json(&headers, body, app.config.max_body_bytes).await {
            Ok(object) => object,
            Err(reply) => return reply.into_response(),
        };
    issue_token(&app, &object).into_response()
}

fn issue_token(app: &App, object: &serde_json::Map<String, Value>) -> Reply {
    let access_key = text_field(object, "accessKey");
    let timestamp = text_field(object, "timestamp");
    let signature = text_field(object, "signature");
    if access_key.is_empty() || timestamp.is_empty() || signature.is_empty() {
        return Reply::invalid(InvalidRequest::CredentialsMissing);
    }
    let now = app.config.clock.now_ms();
    let timestamp_ok = timestamp.len() == 13
        && timestamp.bytes().all(|b| b.is_ascii_digit())
        && timestamp
            .parse::<u64>()
            .is_ok_and(|ts| ts.abs_diff(now) <= TIMESTAMP_TOLERANCE_MS);
    if !timestamp_ok {
        return Reply::invalid(InvalidRequest::TimestampInvalid);
    }
    // An unknown access key gets the same answer as a wrong signature (unconfirmed: the
    // vendor may answer CLIENT_ERROR; a one-line change here).
    let expected = token_signature(&app.config.access_key, &app.config.secret_key, &timestamp);
    if access_key != app.config.access_key.expose()
        || !signature.eq_ignore_ascii_case(expected.expose())
    {
        return Reply::invalid(InvalidRequest::SignatureMismatch);
    }
    let period = match object.get("periodSecond") {
        None | Some(Value::Null) => Some(u64::from(advanceai_core::DEFAULT_PERIOD_SECOND)),
        Some(Value::Number(n)) => n.as_u64(),
        Some(Value::String(s)) => s.trim().parse::<u64>().ok(),
        Some(_) => None,
    };
    let range = &app.config.token_period_range;
    let Some(period) = period.filter(|p| u32::try_from(*p).is_ok_and(|p| range.contains(&p)))
    else {
        return Reply::invalid(InvalidRequest::PeriodSecondOutOfRange);
    };
    let token = new_token();
    let expires = now.saturating_add(period.saturating_mul(1000));
    lock(&app.memory.tokens).insert(token.clone(), expires);
    let mut data = TokenData::default();
    data.token = Some(TokenValue(Secret::new(token)));
    data.expired_time = Some(EpochMillis(expires));
    Reply::ok(data_value(&data))
}

// ----- database verification -----

async fn verify(State(app): State<Shared>, headers: HeaderMap, body: Body) -> Response {
    app.counts.record(Endpoint::IdNumberVerification);
    if let Err(reply) = check_token(&app, &headers) {
        drain(body).await;
        return reply.into_response();
    }
    let request: IdNumberVerificationRequest =
        match read_json(&headers, body, app.config.max_body_bytes).await {
            Ok(request) => request,
            Err(reply) => return reply.into_response(),
        };
    let fault = Fault::from_prefix(&request.biz_id);
    let key = format!("verify:{}", request.biz_id);
    if let Some(response) = fault_before(&app, fault, &key).await {
        return response;
    }
    if let Err(problem) = request.validate() {
        return fault_after(fault, Reply::invalid(problem));
    }
    let data = if fault == Some(Fault::UnknownErrorCode) {
        json!({
            "signatureId": new_id(),
            "overallResult": "FAIL",
            "errorCode": UNKNOWN_ERROR_CODE,
            "docDatabaseDetail": null,
        })
    } else {
        verification_data(request.number_value.expose())
    };
    fault_after(fault, Reply::ok(data))
}

/// The `data` of database verification for a valid number.
///
/// Built with core's [`VerificationData`], then two wire details of this endpoint are
/// written over it: `errorCode` is `""` on PASS (core writes `SUCCESS`, Get Result's
/// spelling) and `gender` is `Male` / `Female` (core writes `MALE` / `FEMALE`).
fn verification_data(number: &str) -> Value {
    let (overall_result, error_code) = verdict_for(number);
    let passed = overall_result == OverallResult::Pass;
    let person = FakePerson::from_seed(number);
    let mut data = VerificationData::default();
    data.signature_id = Some(new_id());
    data.overall_result = Some(overall_result);
    data.error_code = Some(error_code);
    data.doc_database_detail = passed.then(|| person.verification_record());
    let mut value = data_value(&data);
    if passed {
        if let Some(object) = value.as_object_mut() {
            object.insert("errorCode".into(), Value::String(String::new()));
        }
        if let Some(detail) = value
            .get_mut("docDatabaseDetail")
            .and_then(Value::as_object_mut)
        {
            let gender = if person.female { "Female" } else { "Male" };
            detail.insert("gender".into(), Value::String(gender.into()));
        }
    }
    value
}

// ----- H5: generate URL, get result, page, complete -----

async fn generate_url(State(app): State<Shared>, headers: HeaderMap, body: Body) -> Response {
    app.counts.record(Endpoint::GenerateUrl);
    if let Err(reply) = check_token(&app, &headers) {
        drain(body).await;
        return reply.into_response();
    }
    let request: GenerateUrlRequest =
        match read_json(&headers, body, app.config.max_body_bytes).await {
            Ok(request) => request,
            Err(reply) => return reply.into_response(),
        };
    let fault = Fault::from_prefix(&request.biz_id);
    let key = format!("generate:{}", request.biz_id);
    if let Some(response) = fault_before(&app, fault, &key).await {
        return response;
    }
    if let Err(problem) = request.validate() {
        return fault_after(fault, Reply::invalid(problem));
    }
    let signature_id = new_id();
    let now = app.config.clock.now_ms();
    let result_fault = Fault::for_results(&request.biz_id);
    lock(&app.memory.transactions).insert(
        signature_id.clone(),
        Transaction {
            request,
            created_ms: now,
            verdict: None,
            result_fault,
        },
    );
    let mut data = GenerateUrlData::default();
    data.url = Some(format!("{}/h5/{signature_id}", app.base_url));
    data.signature_id = Some(signature_id);
    data.expired_time = Some(EpochMillis(now.saturating_add(URL_LIFETIME_MS)));
    fault_after(fault, Reply::ok(data_value(&data)))
}

/// Marks a pending transaction timed out once the configured user timeout has passed.
fn expire_if_due(app: &App, transaction: &mut Transaction) {
    let timeout = u64::try_from(app.config.user_timeout.as_millis()).unwrap_or(u64::MAX);
    if transaction.verdict.is_none()
        && app
            .config
            .clock
            .now_ms()
            .saturating_sub(transaction.created_ms)
            >= timeout
    {
        transaction.verdict = Some(Verdict {
            overall_result: OverallResult::Incomplete,
            error_code: ErrorCode::UserTimeout,
        });
    }
}

async fn get_result(State(app): State<Shared>, headers: HeaderMap, body: Body) -> Response {
    app.counts.record(Endpoint::GetResult);
    if let Err(reply) = check_token(&app, &headers) {
        drain(body).await;
        return reply.into_response();
    }
    let request: GetResultRequest = match read_json(&headers, body, app.config.max_body_bytes).await
    {
        Ok(request) => request,
        Err(reply) => return reply.into_response(),
    };
    if let Err(problem) = request.validate() {
        return Reply::invalid(problem).into_response();
    }
    let signature_id = request.signature_id;
    let snapshot = {
        let mut transactions = lock(&app.memory.transactions);
        transactions.get_mut(&signature_id).map(|transaction| {
            expire_if_due(&app, transaction);
            transaction.clone()
        })
    };
    let fault = Fault::from_prefix(&signature_id)
        .or_else(|| snapshot.as_ref().and_then(|t| t.result_fault));
    let key = format!("result:{signature_id}");
    if let Some(response) = fault_before(&app, fault, &key).await {
        return response;
    }
    let Some(transaction) = snapshot else {
        return fault_after(
            fault,
            Reply::new(
                ResponseCode::SignatureNotExist,
                MSG_SIGNATURE_NOT_EXIST,
                None,
            ),
        );
    };
    let mut data = h5::result_data(&signature_id, &transaction);
    if fault == Some(Fault::UnknownErrorCode) {
        data.overall_result = Some(OverallResult::Fail);
        data.idv_result = Some(OverallResult::Fail);
        data.submission_completed = Some(true);
        data.error_code = Some(ErrorCode::from_wire(UNKNOWN_ERROR_CODE));
    }
    fault_after(fault, Reply::ok(data_value(&data)))
}

async fn h5_page(State(app): State<Shared>, Path(signature_id): Path<String>) -> Response {
    let snapshot = {
        let mut transactions = lock(&app.memory.transactions);
        transactions.get_mut(&signature_id).map(|transaction| {
            expire_if_due(&app, transaction);
            transaction.clone()
        })
    };
    match snapshot {
        Some(transaction) => Html(h5::page(&signature_id, &transaction)).into_response(),
        None => (
            StatusCode::NOT_FOUND,
            Html(h5::problem_page(
                "This verification link is unknown or has expired.",
            )),
        )
            .into_response(),
    }
}

/// Why a transaction could not be completed.
enum CompleteError {
    NotFound,
    BadOutcome,
    AlreadyFinal,
}

/// Stores the verdict, starts the callback, and says where the browser goes next.
fn finish(
    app: &App,
    signature_id: &str,
    outcome: &str,
) -> Result<(Verdict, String), CompleteError> {
    let verdict = h5::parse_outcome(outcome);
    let mut transactions = lock(&app.memory.transactions);
    let transaction = transactions
        .get_mut(signature_id)
        .ok_or(CompleteError::NotFound)?;
    expire_if_due(app, transaction);
    if transaction.verdict.is_some() {
        return Err(CompleteError::AlreadyFinal);
    }
    let verdict = verdict.ok_or(CompleteError::BadOutcome)?;
    transaction.verdict = Some(verdict.clone());
    let redirect = if verdict.overall_result == OverallResult::Pass {
        transaction.request.return_url.clone()
    } else {
        transaction.request.fail_return_url.clone()
    };
    if let Some(callback_url) = transaction.request.callback_url.clone() {
        callback::spawn(
            callback_url,
            signature_id.to_owned(),
            app.config.callback_attempts,
            app.config.callback_backoff,
        );
    }
    Ok((verdict, redirect))
}

async fn h5_submit(
    State(app): State<Shared>,
    Path(signature_id): Path<String>,
    form: Result<Form<HashMap<String, String>>, FormRejection>,
) -> Response {
    let outcome = form
        .ok()
        .and_then(|Form(mut fields)| fields.remove("outcome"))
        .unwrap_or_default();
    match finish(&app, &signature_id, &outcome) {
        Ok((_, redirect)) => Redirect::to(&redirect).into_response(),
        Err(CompleteError::NotFound) => (
            StatusCode::NOT_FOUND,
            Html(h5::problem_page(
                "This verification link is unknown or has expired.",
            )),
        )
            .into_response(),
        Err(CompleteError::BadOutcome) => (
            StatusCode::BAD_REQUEST,
            Html(h5::problem_page("Please pick one of the listed outcomes.")),
        )
            .into_response(),
        Err(CompleteError::AlreadyFinal) => (
            StatusCode::CONFLICT,
            Html(h5::problem_page("This verification is already finished.")),
        )
            .into_response(),
    }
}

#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct CompleteRequest {
    #[serde(default)]
    signature_id: Option<String>,
    #[serde(default)]
    outcome: Option<String>,
}

async fn complete(State(app): State<Shared>, headers: HeaderMap, body: Body) -> Response {
    let request: CompleteRequest = match read_json(&headers, body, app.config.max_body_bytes).await
    {
        Ok(request) => request,
        Err(reply) => return reply.into_response(),
    };
    let signature_id = request.signature_id.unwrap_or_default();
    let outcome = request.outcome.unwrap_or_default();
    if signature_id.is_empty() || outcome.is_empty() {
        return Reply::invalid(InvalidRequest::SignatureIdMissing).into_response();
    }
    match finish(&app, &signature_id, &outcome) {
        Ok((verdict, redirect)) => Reply::ok(json!({
            "signatureId": signature_id,
            "overallResult": verdict.overall_result.as_str(),
            "errorCode": verdict.error_code.as_str(),
            "redirectUrl": redirect,
        }))
        .into_response(),
        Err(CompleteError::NotFound) => Reply::new(
            ResponseCode::SignatureNotExist,
            MSG_SIGNATURE_NOT_EXIST,
            None,
        )
        .into_response(),
        Err(CompleteError::BadOutcome) => Reply::parameter(MSG_BAD_OUTCOME).into_response(),
        Err(CompleteError::AlreadyFinal) => Reply::parameter(MSG_ALREADY_FINAL).into_response(),
    }
}

/// How long a graceful shutdown waits for open requests before dropping them.
pub(crate) const SHUTDOWN_GRACE: Duration = Duration::from_secs(2);
