//! Reading request bodies: the content type, the size cap, and the JSON object.

use axum::body::Body;
use axum::http::{HeaderMap, header};
use futures_util::StreamExt;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::messages::{MSG_CONTENT_TYPE, MSG_MALFORMED, MSG_TOO_LARGE};
use crate::reply::Reply;

/// How much of an oversized body is read (and thrown away) so that the client, which may
/// still be writing, reads the answer instead of a broken pipe. Beyond this the answer is
/// sent and the connection closed; nothing over the cap is ever kept in memory.
const DRAIN_LIMIT: usize = 1024 * 1024;

/// Reads a JSON object body: checks the content type, caps the size (a declared
/// `Content-Length` over [`DRAIN_LIMIT`] is refused unread), then deserializes.
pub(crate) async fn read_json<T: DeserializeOwned>(
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
pub(crate) async fn drain(body: Body) {
    let mut seen = 0usize;
    let mut stream = body.into_data_stream();
    while let Some(Ok(chunk)) = stream.next().await {
        seen = seen.saturating_add(chunk.len());
        if seen > DRAIN_LIMIT {
            break;
        }
    }
}
