//! Applying a fault to an answer: replacing or delaying it before the endpoint runs, or
//! mangling the normal answer on its way out.

use std::io;
use std::time::{Duration, UNIX_EPOCH};

use advanceai_core::ResponseCode;
use axum::body::{Body, Bytes};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use serde_json::json;

use crate::fault::{BUSY_DATE_AHEAD, Fault, HUGE_BODY_BYTES, UNKNOWN_CODE};
use crate::messages::{MSG_BUSY, MSG_IN_PROCESSING, MSG_NO_BALANCE, MSG_TOKEN};
use crate::reply::{LoggedCode, Reply, json_response};
use crate::server::{App, lock};

/// `SERVICE_BUSY` on `status`, with a `Retry-After` header of `retry_after`.
fn busy_with(status: StatusCode, retry_after: HeaderValue) -> Response {
    let mut reply = Reply::new(ResponseCode::ServiceBusy, MSG_BUSY, None).with_status(status);
    reply.retry_after = Some(retry_after);
    reply.into_response()
}

/// `SERVICE_BUSY`, with the `Retry-After` header the vendor sends.
fn busy() -> Response {
    busy_with(StatusCode::OK, HeaderValue::from_static("1"))
}

/// `fault-busy-date`'s `Retry-After`: an HTTP date [`BUSY_DATE_AHEAD`] after the sandbox
/// clock's now.
fn busy_until(app: &App) -> HeaderValue {
    let now = UNIX_EPOCH + Duration::from_millis(app.config.clock.now_ms());
    let date = httpdate::fmt_http_date(now + BUSY_DATE_AHEAD);
    // An HTTP date is ASCII, a valid header value.
    HeaderValue::from_str(&date).unwrap_or_else(|_| HeaderValue::from_static("1"))
}

/// Faults that replace the answer, or delay it; `None` means "answer normally".
///
/// `key` names the call for the one-shot faults (`fault-busy-once`, `fault-iam-once`).
pub(crate) async fn fault_before(app: &App, fault: Option<Fault>, key: &str) -> Option<Response> {
    match fault? {
        Fault::Delay(delay) => {
            tokio::time::sleep(delay).await;
            None
        }
        Fault::Busy => Some(busy()),
        Fault::Busy10s => Some(busy_with(StatusCode::OK, HeaderValue::from_static("10s"))),
        Fault::BusyDate => Some(busy_with(StatusCode::OK, busy_until(app))),
        Fault::Busy429 => Some(busy_with(
            StatusCode::TOO_MANY_REQUESTS,
            HeaderValue::from_static("1"),
        )),
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
                Some(busy())
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
        Fault::InProcessing => Some(
            Reply::new(ResponseCode::RequestInProcessing, MSG_IN_PROCESSING, None).into_response(),
        ),
        Fault::Cut | Fault::Truncated | Fault::Huge | Fault::UnknownErrorCode => None,
    }
}

/// Faults that mangle the normal answer on its way out.
pub(crate) fn fault_after(fault: Option<Fault>, mut reply: Reply) -> Response {
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
