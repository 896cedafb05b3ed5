//! Fault injection and load over HTTP.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::time::{Duration, Instant};

use common::*;
use serde_json::{Value, json};

struct Fixture {
    _sandbox: advanceai_sandbox::RunningSandbox,
    base: String,
    agent: ureq::Agent,
    token: String,
}

fn fixture() -> Fixture {
    let sandbox = start();
    let base = sandbox.base_url().to_owned();
    let agent = agent();
    let token = token(&agent, &base);
    Fixture {
        _sandbox: sandbox,
        base,
        agent,
        token,
    }
}

impl Fixture {
    fn verify(&self, biz_id: &str) -> Answer {
        post(
            &self.agent,
            &format!("{}{VERIFY_PATH}", self.base),
            Some(&self.token),
            &verify_body(biz_id, "22222222222"),
        )
    }

    fn generate(&self, biz_id: &str) -> Answer {
        post(
            &self.agent,
            &format!("{}{GENERATE_PATH}", self.base),
            Some(&self.token),
            &generate_body(biz_id),
        )
    }

    fn result(&self, signature_id: &str) -> Answer {
        post(
            &self.agent,
            &format!("{}{RESULT_PATH}", self.base),
            Some(&self.token),
            &json!({ "signatureId": signature_id }),
        )
    }

    /// A Generate URL whose every Get Result shows `fault`.
    fn faulty_transaction(&self, fault: &str) -> String {
        let body = self.generate(&format!("result-{fault}-1")).envelope();
        assert_eq!(body["code"], "SUCCESS", "{body}");
        body["data"]["signatureId"].as_str().unwrap().to_owned()
    }
}

#[test]
fn delay() {
    let f = fixture();
    let start = Instant::now();
    let body = f.verify("fault-delay-300-order").envelope();
    assert!(start.elapsed() >= Duration::from_millis(300));
    assert_eq!(body["code"], "SUCCESS");
    let signature_id = f.faulty_transaction("fault-delay-200");
    let start = Instant::now();
    assert_eq!(f.result(&signature_id).envelope()["code"], "SUCCESS");
    assert!(start.elapsed() >= Duration::from_millis(200));
}

#[test]
fn busy_once_then_normal() {
    let f = fixture();
    let first = f.verify("fault-busy-once-a");
    assert_eq!(first.retry_after.as_deref(), Some("1"));
    assert_eq!(first.envelope()["code"], "SERVICE_BUSY");
    assert_eq!(f.verify("fault-busy-once-a").envelope()["code"], "SUCCESS");
    let signature_id = f.faulty_transaction("fault-busy-once");
    assert_eq!(f.result(&signature_id).envelope()["code"], "SERVICE_BUSY");
    assert_eq!(f.result(&signature_id).envelope()["code"], "SUCCESS");
}

#[test]
fn counts_requests_per_endpoint() {
    use advanceai_core::Endpoint;
    let f = fixture();
    let sandbox = &f._sandbox;
    assert_eq!(sandbox.request_count(Endpoint::Token), 1);
    assert_eq!(sandbox.request_count(Endpoint::IdNumberVerification), 0);
    f.verify("order-1");
    f.verify("fault-busy-x");
    let signature_id = f.faulty_transaction("fault-502");
    f.result(&signature_id);
    f.result("unknown");
    assert_eq!(sandbox.request_count(Endpoint::IdNumberVerification), 2);
    assert_eq!(sandbox.request_count(Endpoint::GenerateUrl), 1);
    assert_eq!(sandbox.request_count(Endpoint::GetResult), 2);
    assert_eq!(sandbox.request_count(Endpoint::Token), 1);
    sandbox.reset_request_counts();
    assert_eq!(sandbox.request_count(Endpoint::GetResult), 0);
}

#[test]
fn busy_with_retry_after() {
    let f = fixture();
    let check = |answer: Answer| {
        assert_eq!(answer.status, 200);
        assert_eq!(answer.retry_after.as_deref(), Some("1"));
        let body = answer.envelope();
        assert_eq!(body["code"], "SERVICE_BUSY");
        assert!(body["data"].is_null());
    };
    check(f.verify("fault-busy"));
    check(f.generate("fault-busy-2"));
    check(f.result("fault-busy-3"));
    check(f.result(&f.faulty_transaction("fault-busy")));
}

#[test]
fn no_balance_refuses_every_endpoint() {
    let f = fixture();
    let check = |answer: Answer| {
        assert_eq!(answer.status, 200);
        let body = answer.envelope();
        assert_eq!(body["code"], "INSUFFICIENT_BALANCE");
        assert_eq!(body["message"], advanceai_sandbox::MSG_NO_BALANCE);
        assert!(body["data"].is_null());
    };
    check(f.verify("fault-no-balance"));
    check(f.generate("fault-no-balance-2"));
    check(f.result(&f.faulty_transaction("fault-no-balance")));
}

#[test]
fn bad_gateway_html() {
    let f = fixture();
    for answer in [f.verify("fault-502-a"), f.result("fault-502-b")] {
        assert_eq!(answer.status, 502);
        assert!(answer.content_type.starts_with("text/html"));
        assert!(answer.text.contains("502 Bad Gateway"));
        assert!(serde_json::from_str::<Value>(&answer.text).is_err());
    }
}

#[test]
fn connection_cut_mid_body() {
    let f = fixture();
    let response = f
        .agent
        .post(&format!("{}{VERIFY_PATH}", f.base))
        .header("Content-Type", "application/json")
        .header("X-ACCESS-TOKEN", &f.token)
        .send(&verify_body("fault-cut-1", "22222222222").to_string());
    match response {
        Ok(mut response) => assert!(
            response.body_mut().read_to_string().is_err(),
            "the body must not arrive whole"
        ),
        // The agent answers every status; any error left is the transport's.
        Err(ureq::Error::StatusCode(status)) => panic!("unexpected: {status}"),
        Err(_transport) => {}
    }
    // The server keeps serving.
    assert_eq!(f.verify("order-1").envelope()["code"], "SUCCESS");
}

#[test]
fn truncated_json() {
    let f = fixture();
    let answer = f.verify("fault-truncated");
    assert_eq!(answer.status, 200);
    assert!(
        answer.text.starts_with("{\"code\":\"SUCCESS\""),
        "{}",
        answer.text
    );
    assert!(serde_json::from_str::<Value>(&answer.text).is_err());
    let answer = f.result(&f.faulty_transaction("fault-truncated"));
    assert!(serde_json::from_str::<Value>(&answer.text).is_err());
}

#[test]
fn huge_body() {
    let f = fixture();
    let answer = f.verify("fault-huge");
    assert!(answer.text.len() > 2 * 1024 * 1024);
    let body = answer.envelope();
    assert_eq!(body["code"], "SUCCESS");
    assert_eq!(body["data"]["overallResult"], "PASS");
}

#[test]
fn iam_failed_once_per_id() {
    let f = fixture();
    let first = f.verify("fault-iam-once-a").envelope();
    assert_eq!(first["code"], "IAM_FAILED");
    assert_eq!(first["message"], "Token not found or expired");
    assert_eq!(f.verify("fault-iam-once-a").envelope()["code"], "SUCCESS");
    assert_eq!(f.verify("fault-iam-once-a").envelope()["code"], "SUCCESS");
    assert_eq!(
        f.verify("fault-iam-once-b").envelope()["code"],
        "IAM_FAILED"
    );
    let signature_id = f.faulty_transaction("fault-iam-once");
    assert_eq!(f.result(&signature_id).envelope()["code"], "IAM_FAILED");
    assert_eq!(f.result(&signature_id).envelope()["code"], "SUCCESS");
}

#[test]
fn unknown_code_and_error_code() {
    let f = fixture();
    let answer = f.verify("fault-unknown-code");
    let body = answer.envelope();
    assert_eq!(body["code"], "SANDBOX_UNKNOWN_CODE");
    let parsed = advanceai_core::parse_verification_response(answer.text.as_bytes()).unwrap();
    assert!(parsed.code.is_unknown());

    let answer = f.verify("fault-unknown-error-code");
    let body = answer.envelope();
    assert_eq!(body["code"], "SUCCESS");
    assert_eq!(body["data"]["errorCode"], "SANDBOX_UNKNOWN_ERROR_CODE");
    let data = advanceai_core::parse_verification_response(answer.text.as_bytes())
        .unwrap()
        .into_data()
        .unwrap();
    assert!(data.error_code.unwrap().is_unknown());

    let signature_id = f.faulty_transaction("fault-unknown-error-code");
    let body = f.result(&signature_id).envelope();
    assert_eq!(body["code"], "SUCCESS");
    assert_eq!(body["data"]["errorCode"], "SANDBOX_UNKNOWN_ERROR_CODE");
    assert_eq!(
        f.result("fault-unknown-code-x").envelope()["code"],
        "SANDBOX_UNKNOWN_CODE"
    );
}

#[test]
fn concurrent_clients() {
    let f = fixture();
    let signature_id = f.generate("order-load").envelope()["data"]["signatureId"]
        .as_str()
        .unwrap()
        .to_owned();
    let threads: Vec<_> = (0..16)
        .map(|i| {
            let base = f.base.clone();
            let token = f.token.clone();
            let signature_id = signature_id.clone();
            std::thread::spawn(move || {
                let agent = agent();
                for j in 0..50 {
                    let body = if (i + j) % 2 == 0 {
                        post(
                            &agent,
                            &format!("{base}{VERIFY_PATH}"),
                            Some(&token),
                            &verify_body("order", "12345678901"),
                        )
                    } else {
                        post(
                            &agent,
                            &format!("{base}{RESULT_PATH}"),
                            Some(&token),
                            &json!({ "signatureId": signature_id }),
                        )
                    }
                    .envelope();
                    assert_eq!(body["code"], "SUCCESS", "{body}");
                }
            })
        })
        .collect();
    for thread in threads {
        thread.join().unwrap();
    }
}
