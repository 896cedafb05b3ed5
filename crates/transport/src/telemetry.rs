//! Telemetry: a `tracing` span for each call and for each attempt, and one event per
//! attempt (which `log` users receive through tracing's `log` feature when no tracing
//! subscriber is installed).
//!
//! What a span or event may carry is decided here and nowhere else: the endpoint's name,
//! the attempt number, the latency, the HTTP status, the response code, the
//! `transactionId` and the error kind. Never a key, a token, a signature, a body, a URL
//! query, an ID number or any person field: none of those is passed to this module.

use std::time::Duration;

use advanceai_core::Envelope;
use tracing::Span;
use tracing::field::Empty;

use crate::error::Error;

/// The span of one call: everything it does, token fetch and retries included.
pub(crate) fn call_span(endpoint: &'static str) -> Span {
    tracing::debug_span!(
        "advanceai.call",
        endpoint,
        attempts = Empty,
        outcome = Empty,
        code = Empty,
        transaction_id = Empty,
        latency_ms = Empty,
    )
}

/// The span of one attempt: one request sent and its answer read.
pub(crate) fn attempt_span(endpoint: &'static str, attempt: u32) -> Span {
    tracing::debug_span!(
        "advanceai.attempt",
        endpoint,
        attempt,
        http_status = Empty,
        outcome = Empty,
        code = Empty,
        transaction_id = Empty,
        latency_ms = Empty,
    )
}

/// The HTTP status of the current attempt.
pub(crate) fn record_status(status: u16) {
    Span::current().record("http_status", status);
}

/// The code and `transactionId` of the answer the current attempt read, on the attempt's
/// span and on its call's (the last answer is the call's).
pub(crate) fn record_envelope<T>(call: &Span, envelope: &Envelope<T>) {
    for span in [&Span::current(), call] {
        span.record("code", envelope.code.as_str());
        if let Some(id) = envelope.transaction_id.as_deref() {
            span.record("transaction_id", id);
        }
    }
}

/// How an attempt ended; `error` is `None` for a success. The event repeats the endpoint
/// and attempt so that a `log` record (which has no span) says them too.
pub(crate) fn record_attempt(
    span: &Span,
    endpoint: &'static str,
    attempt: u32,
    latency: Duration,
    error: Option<&Error>,
) {
    let latency_ms = millis(latency);
    span.record("latency_ms", latency_ms);
    let outcome = outcome(error);
    span.record("outcome", outcome);
    if let Some(error) = error {
        record_error(span, error);
    }
    let _entered = span.enter();
    tracing::debug!(endpoint, attempt, outcome, latency_ms, "attempt finished");
}

/// How a call ended, after all its attempts.
pub(crate) fn record_call<T>(span: &Span, latency: Duration, result: &Result<T, Error>) {
    span.record("latency_ms", millis(latency));
    span.record("outcome", outcome(result.as_ref().err()));
    if let Err(error) = result {
        record_error(span, error);
    }
}

/// A retry the client wanted but did not send: `reason` is `deadline` (the pause would
/// cross it) or `retry budget` (the bucket could not pay). After attempt `attempt`.
pub(crate) fn retry_not_sent(endpoint: &'static str, attempt: u32, reason: &'static str) {
    tracing::debug!(endpoint, attempt, reason, "retry not sent");
}

/// Counts the attempts a call made (recorded once, when it ends).
pub(crate) fn record_attempts(span: &Span, attempts: u32) {
    span.record("attempts", attempts);
}

/// `SUCCESS`, or the error's kind (`API_ERROR`, `TIMEOUT`, …).
fn outcome(error: Option<&Error>) -> &'static str {
    error.map_or("SUCCESS", |e| e.kind().as_str())
}

/// The code and `transactionId` an error carries (codes are the vendor's, never person data).
fn record_error(span: &Span, error: &Error) {
    if let Some(code) = error.code() {
        span.record("code", code.as_str());
    }
    if let Some(id) = error.transaction_id() {
        span.record("transaction_id", id);
    }
}

fn millis(duration: Duration) -> u64 {
    u64::try_from(duration.as_millis()).unwrap_or(u64::MAX)
}
