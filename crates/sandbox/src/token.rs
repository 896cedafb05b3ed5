//! The token endpoint: checks a signed request with core's rules
//! ([`ReceivedTokenRequest::check`]) and issues a token.

use advanceai_core::{
    EpochMillis, InvalidRequest, ReceivedTokenRequest, Secret, TokenData, TokenValue,
};
use axum::body::Body;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value};

use crate::body::read_json;
use crate::reply::{Reply, data_value};
use crate::server::{App, Shared, lock};

/// `sandbox.` and 48 random hex digits: opaque, like the vendor's.
fn new_token() -> String {
    let bytes: [u8; 24] = rand::random();
    let mut token = String::with_capacity(8 + 48);
    token.push_str("sandbox.");
    for byte in bytes {
        token.push_str(&format!("{byte:02x}"));
    }
    token
}

/// A field as text: a string as is, a number written out, anything else empty.
fn text_field(object: &Map<String, Value>, name: &str) -> String {
    match object.get(name) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

pub(crate) async fn token(State(app): State<Shared>, headers: HeaderMap, body: Body) -> Response {
    app.counts.record(advanceai_core::Endpoint::Token);
    let object: Map<String, Value> =
        match read_json(&headers, body, app.config.max_body_bytes).await {
            Ok(object) => object,
            Err(reply) => return reply.into_response(),
        };
    issue_token(&app, &object).into_response()
}

fn issue_token(app: &App, object: &Map<String, Value>) -> Reply {
    let access_key = text_field(object, "accessKey");
    let timestamp = text_field(object, "timestamp");
    let signature = text_field(object, "signature");
    let now = app.config.clock.now_ms();
    let received = ReceivedTokenRequest {
        access_key: &access_key,
        timestamp: &timestamp,
        signature: &signature,
    };
    if let Err(problem) = received.check(&app.config.access_key, &app.config.secret_key, now) {
        return Reply::invalid(problem);
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
