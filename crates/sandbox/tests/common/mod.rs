//! Shared helpers of the sandbox's HTTP-level tests: a plain ureq client, no project client.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    dead_code,
    unreachable_pub
)]

pub mod h5;

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use advanceai_core::{Secret, token_signature};
use advanceai_sandbox::{RunningSandbox, Sandbox, SandboxConfig};
use serde_json::{Value, json};

pub const TOKEN_PATH: &str = "/openapi/auth/ticket/v1/generate-token";
pub const VERIFY_PATH: &str =
    "/intl/openapi/identity-risk/idvs-h5/ekyc/v1/api/database-id-verification";
pub const GENERATE_PATH: &str =
    "/intl/openapi/identity-risk/idvs-h5/ekyc/v1/generate-non-document-verification-url";
/// The older document-based endpoint, which the sandbox does not serve.
pub const OLD_GENERATE_PATH: &str = "/intl/openapi/identity-risk/idvs-h5/ekyc/v1/generate-url";
pub const RESULT_PATH: &str = "/intl/openapi/identity-risk/idvs-h5/ekyc/v1/get-result";

pub fn now_ms() -> u64 {
    u64::try_from(
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_millis(),
    )
    .unwrap()
}

pub fn start() -> RunningSandbox {
    Sandbox::start(SandboxConfig::default()).unwrap()
}

/// Blocking, 10 s per exchange, no redirects, and every HTTP status an answer (the tests
/// read the envelopes of 404s and 405s).
pub fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .max_redirects(0)
        .timeout_global(Some(Duration::from_secs(10)))
        .http_status_as_error(false)
        .build()
        .new_agent()
}

/// What came back: HTTP status, headers we care about, body text.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub retry_after: Option<String>,
    pub content_type: String,
    pub location: Option<String>,
    pub text: String,
}

impl Answer {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.text).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text))
    }

    /// Checks the envelope's common fields and returns it.
    pub fn envelope(&self) -> Value {
        let body = self.json();
        let tid = body["transactionId"].as_str().unwrap();
        assert_eq!(tid.len(), 16, "{body}");
        assert!(tid.bytes().all(|b| b.is_ascii_hexdigit()), "{body}");
        assert_eq!(body["pricingStrategy"], "FREE");
        for key in ["code", "message", "data", "extra"] {
            assert!(body.get(key).is_some(), "{key} missing: {body}");
        }
        body
    }
}

fn answer(mut response: ureq::http::Response<ureq::Body>) -> Answer {
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|value| value.to_str().ok())
            .map(str::to_owned)
    };
    let (retry_after, content_type, location) = (
        header("Retry-After"),
        header("Content-Type").unwrap_or_default(),
        header("Location"),
    );
    Answer {
        status: response.status().as_u16(),
        retry_after,
        content_type,
        location,
        text: response.body_mut().read_to_string().unwrap(),
    }
}

/// POSTs a JSON text, returning the answer or the transport error.
pub fn try_post(
    agent: &ureq::Agent,
    url: &str,
    token: Option<&str>,
    body: &str,
) -> Result<Answer, Box<ureq::Error>> {
    let mut request = agent.post(url).header("Content-Type", "application/json");
    if let Some(token) = token {
        request = request.header("X-ACCESS-TOKEN", token);
    }
    request.send(body).map(answer).map_err(Box::new)
}

pub fn post(agent: &ureq::Agent, url: &str, token: Option<&str>, body: &Value) -> Answer {
    try_post(agent, url, token, &body.to_string()).unwrap()
}

pub fn get(agent: &ureq::Agent, url: &str) -> Answer {
    answer(agent.get(url).call().unwrap())
}

pub fn post_form(agent: &ureq::Agent, url: &str, fields: &[(&str, &str)]) -> Answer {
    answer(agent.post(url).send_form(fields.iter().copied()).unwrap())
}

pub fn sign(timestamp: &str) -> String {
    token_signature(
        &Secret::new("sandbox-access-key"),
        &Secret::new("sandbox-secret-key"),
        timestamp,
    )
    .expose()
    .to_owned()
}

pub fn token_body(now: u64) -> Value {
    let timestamp = now.to_string();
    json!({ "accessKey": "sandbox-access-key", "timestamp": timestamp, "signature": sign(&timestamp) })
}

/// A fresh token from the sandbox at `base`, signed with the wall clock.
pub fn token(agent: &ureq::Agent, base: &str) -> String {
    let answer = post(
        agent,
        &format!("{base}{TOKEN_PATH}"),
        None,
        &token_body(now_ms()),
    );
    let body = answer.envelope();
    assert_eq!(body["code"], "SUCCESS", "{body}");
    body["data"]["token"].as_str().unwrap().to_owned()
}

pub fn verify_body(biz_id: &str, number: &str) -> Value {
    json!({ "bizId": biz_id, "userId": "user-1", "region": "NGA", "numberType": "BVN", "numberValue": number })
}

pub fn generate_body(biz_id: &str) -> Value {
    json!({
        "bizId": biz_id, "userId": "user-1", "region": "NGA", "numberType": "BVN",
        "returnUrl": "https://merchant.example/ok?session=1",
        "failReturnUrl": "myapp://verification/failed",
    })
}
