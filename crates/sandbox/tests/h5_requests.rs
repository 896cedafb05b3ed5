//! The requests of the H5 flow that create or keep no completed transaction: Generate URL's
//! refusals (common and per market), Get Result's unknown ids, the user timeout, and the
//! bounded memory.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::sync::Arc;
use std::time::Duration;

use advanceai_sandbox::{ManualClock, Sandbox, SandboxConfig};
use common::h5::{generate, result};
use common::*;
use serde_json::{Value, json};

#[test]
fn generate_url_parameter_errors() {
    let sandbox = start();
    let agent = agent();
    let base = sandbox.base_url();
    let token = token(&agent, base);
    let url = format!("{base}{GENERATE_PATH}");
    for (field, value, message) in [
        ("bizId", json!(""), "BizId is wrong (bizId is missing)"),
        (
            "bizId",
            json!("b".repeat(100)),
            "BizId is too long (bizId length exceeds 99)",
        ),
        (
            "userId",
            Value::Null,
            "UserId is invalid (userId is missing)",
        ),
        (
            "userId",
            json!("u".repeat(201)),
            "UserId is too long (userId length exceeds 200)",
        ),
        (
            "region",
            json!("ng"),
            "Region is wrong (missing or not a supported ISO ALPHA-3 code)",
        ),
        // Required: empty or null (left out) is the empty-parameter refusal.
        ("numberType", json!(""), "Parameter should not be empty"),
        ("numberType", json!(null), "Parameter should not be empty"),
        (
            "numberType",
            json!("X".repeat(31)),
            "numberType is wrong (length > 30 or not a supported type)",
        ),
        ("returnUrl", json!(""), "Invalid returnUrl"),
        ("returnUrl", json!("/relative"), "Invalid returnUrl"),
        (
            "failReturnUrl",
            json!("javascript:alert(1)"),
            "Invalid failReturnUrl",
        ),
        (
            "callbackUrl",
            json!("ftp://example.com/hook"),
            "Invalid callbackUrl",
        ),
    ] {
        let mut body = generate_body("order-1");
        body[field] = value;
        let body = post(&agent, &url, Some(&token), &body).envelope();
        assert_eq!(body["code"], "PARAMETER_ERROR", "{field}: {body}");
        assert_eq!(body["message"], message, "{field}");
        assert!(body["data"].is_null());
    }
}

#[test]
fn get_result_unknown_and_empty_ids() {
    let sandbox = start();
    let agent = agent();
    let base = sandbox.base_url();
    let token = token(&agent, base);
    let body = result(&agent, base, &token, "f302f5d2454a85c2");
    assert_eq!(body["code"], "SIGNATURE_NOT_EXIST");
    assert_eq!(body["message"], "This signatureId is not exist");
    assert!(body["data"].is_null());
    let body = result(&agent, base, &token, "");
    assert_eq!(body["code"], "PARAMETER_ERROR");
    assert_eq!(body["message"], "Parameter should not be empty");
}

#[test]
fn user_timeout_after_the_configured_time() {
    let clock = ManualClock::starting_now();
    let sandbox = Sandbox::start(
        SandboxConfig::default()
            .with_user_timeout(Duration::from_secs(600))
            .with_clock(Arc::new(clock.clone())),
    )
    .unwrap();
    let agent = agent();
    let base = sandbox.base_url();
    let token = token(&agent, base);
    let signature_id = generate(&agent, base, &token, &generate_body("order-5"))["signatureId"]
        .as_str()
        .unwrap()
        .to_owned();
    clock.advance(Duration::from_secs(599));
    assert!(result(&agent, base, &token, &signature_id)["data"]["errorCode"].is_null());
    clock.advance(Duration::from_secs(1));
    let data = &result(&agent, base, &token, &signature_id)["data"];
    assert_eq!(data["overallResult"], "INCOMPLETE");
    assert_eq!(data["errorCode"], "USER_TIMEOUT");
    assert_eq!(data["countryCodeIso3"], "NGA");
    // Too late to complete.
    let late = post(
        &agent,
        &format!("{base}/sandbox/complete"),
        None,
        &json!({ "signatureId": signature_id, "outcome": "PASS" }),
    )
    .envelope();
    assert_eq!(late["code"], "PARAMETER_ERROR");
}

#[test]
fn user_timeout_with_the_real_clock() {
    let sandbox =
        Sandbox::start(SandboxConfig::default().with_user_timeout(Duration::from_millis(150)))
            .unwrap();
    let agent = agent();
    let base = sandbox.base_url();
    let token = token(&agent, base);
    let signature_id = generate(&agent, base, &token, &generate_body("order-6"))["signatureId"]
        .as_str()
        .unwrap()
        .to_owned();
    std::thread::sleep(Duration::from_millis(200));
    assert_eq!(
        result(&agent, base, &token, &signature_id)["data"]["errorCode"],
        "USER_TIMEOUT"
    );
}

#[test]
fn state_is_bounded_oldest_evicted_first() {
    let sandbox = Sandbox::start(SandboxConfig::default().with_limits(2, 2)).unwrap();
    let agent = agent();
    let base = sandbox.base_url();
    let tokens: Vec<String> = (0..3).map(|_| token(&agent, base)).collect();
    let token = &tokens[2];
    let ids: Vec<String> = (0..3)
        .map(|i| {
            generate(&agent, base, token, &generate_body(&format!("order-{i}")))["signatureId"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(
        result(&agent, base, token, &ids[0])["code"],
        "SIGNATURE_NOT_EXIST"
    );
    assert_eq!(result(&agent, base, token, &ids[2])["code"], "SUCCESS");
    assert_eq!(
        result(&agent, base, &tokens[0], &ids[2])["code"],
        "IAM_FAILED"
    );
    assert_eq!(result(&agent, base, &tokens[1], &ids[2])["code"], "SUCCESS");
}

/// Each market's own refusals, with the server's code and message, before a transaction.
#[test]
fn market_rules_refuse_with_the_servers_message() {
    let sandbox = start();
    let agent = agent();
    let base = sandbox.base_url();
    let token = token(&agent, base);
    let url = format!("{base}{GENERATE_PATH}");
    let cases = [
        (
            json!({"region": "IDN", "numberType": "NIK"}),
            "Parameter should not be empty",
        ),
        (
            json!({"region": "ARG", "numberType": "DNI", "numberValue": "12345678"}),
            "Parameter should not be empty",
        ),
        (
            json!({"region": "ZAF", "numberType": "SAID"}),
            "Parameter should not be empty",
        ),
        (
            json!({"region": "BRA", "numberType": "CPF", "numberValue": "123"}),
            "Number is invalid format",
        ),
        (
            json!({"region": "IDN", "numberType": "BVN"}),
            "Region is wrong",
        ),
        (
            json!({"region": "NGA", "numberType": "BVN", "prefersColorScheme": "blue"}),
            "Prefers color scheme is wrong",
        ),
    ];
    for (fields, message) in cases {
        let mut body = json!({
            "bizId": "market-bad", "userId": "user-1",
            "returnUrl": "https://merchant.example/ok", "failReturnUrl": "myapp://failed",
        });
        for (key, value) in fields.as_object().unwrap() {
            body[key] = value.clone();
        }
        let answer = post(&agent, &url, Some(&token), &body).envelope();
        assert_eq!(answer["code"], "PARAMETER_ERROR", "{fields}");
        assert!(
            answer["message"].as_str().unwrap().starts_with(message),
            "{fields}: {answer}"
        );
    }
}
