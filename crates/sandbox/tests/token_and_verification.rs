//! Token, authentication and database verification over HTTP.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::type_complexity
)]

mod common;

use std::sync::Arc;
use std::time::Duration;

use advanceai_sandbox::{ManualClock, Sandbox, SandboxConfig};
use common::*;
use serde_json::{Value, json};

#[test]
fn token_success_shape() {
    let sandbox = start();
    let agent = agent();
    let now = now_ms();
    let answer = post(
        &agent,
        &format!("{}{TOKEN_PATH}", sandbox.base_url()),
        None,
        &token_body(now),
    );
    assert_eq!(answer.status, 200);
    assert!(answer.content_type.starts_with("application/json"));
    let body = answer.envelope();
    assert_eq!(body["code"], "SUCCESS");
    assert_eq!(body["message"], "OK");
    assert!(!body["data"]["token"].as_str().unwrap().is_empty());
    let expires = body["data"]["expiredTime"].as_u64().unwrap();
    // Default lifetime: 3600 s, in milliseconds.
    assert!(expires >= now + 3_600_000 - 1_000 && expires <= now_ms() + 3_600_000 + 1_000);
    // periodSecond is honoured.
    let mut with_period = token_body(now_ms());
    with_period["periodSecond"] = json!(60);
    let body = post(
        &agent,
        &format!("{}{TOKEN_PATH}", sandbox.base_url()),
        None,
        &with_period,
    )
    .envelope();
    let expires = body["data"]["expiredTime"].as_u64().unwrap();
    assert!(
        expires <= now_ms() + 60_000 && expires > now_ms() + 55_000,
        "{body}"
    );
}

#[test]
fn token_errors() {
    let sandbox = start();
    let agent = agent();
    let url = format!("{}{TOKEN_PATH}", sandbox.base_url());
    let refused = |body: &Value| -> String {
        let body = post(&agent, &url, None, body).envelope();
        assert_eq!(body["code"], "PARAMETER_ERROR", "{body}");
        assert!(body["data"].is_null());
        body["message"].as_str().unwrap().to_owned()
    };
    let good = token_body(now_ms());
    for field in ["accessKey", "timestamp", "signature"] {
        let mut body = good.clone();
        body.as_object_mut().unwrap().remove(field);
        assert_eq!(
            refused(&body),
            "Parameter should not be empty",
            "{field} missing"
        );
        let mut body = good.clone();
        body[field] = json!("");
        assert_eq!(
            refused(&body),
            "Parameter should not be empty",
            "{field} empty"
        );
    }
    // Seconds, not milliseconds; too far in the past; too far in the future.
    for timestamp in [now_ms() / 1000, now_ms() - 301_000, now_ms() + 301_000] {
        let mut body = token_body(timestamp);
        body["signature"] = json!(sign(&timestamp.to_string()));
        assert_eq!(refused(&body), "Timestamp error");
    }
    let mut body = good.clone();
    body["timestamp"] = json!("17000000000ab");
    assert_eq!(refused(&body), "Timestamp error");
    let mut body = good.clone();
    body["signature"] = json!("0".repeat(64));
    assert_eq!(refused(&body), "Signature error");
    let mut body = good.clone();
    body["accessKey"] = json!("someone-else");
    assert_eq!(refused(&body), "Signature error");
    for period in [json!(59), json!(86_401), json!(-1), json!("soon")] {
        let mut body = token_body(now_ms());
        body["periodSecond"] = period;
        assert_eq!(refused(&body), "periodSecond must be between 60 and 86400");
    }
    let mut body = token_body(now_ms());
    body["periodSecond"] = json!(86_400);
    assert_eq!(
        post(&agent, &url, None, &body).envelope()["code"],
        "SUCCESS"
    );
}

#[test]
fn calls_need_a_live_token() {
    let sandbox = start();
    let agent = agent();
    let base = sandbox.base_url();
    for path in [VERIFY_PATH, GENERATE_PATH, RESULT_PATH] {
        for token in [None, Some("not-a-token")] {
            let body = post(
                &agent,
                &format!("{base}{path}"),
                token,
                &verify_body("b", "22222222222"),
            )
            .envelope();
            assert_eq!(body["code"], "IAM_FAILED", "{path}");
            assert_eq!(body["message"], "Token not found or expired");
            assert!(body["data"].is_null());
        }
    }
}

#[test]
fn tokens_expire() {
    let clock = ManualClock::starting_now();
    let sandbox =
        Sandbox::start(SandboxConfig::default().with_clock(Arc::new(clock.clone()))).unwrap();
    let agent = agent();
    let base = sandbox.base_url();
    let mut body = token_body(clock_now(&clock));
    body["periodSecond"] = json!(60);
    let token =
        post(&agent, &format!("{base}{TOKEN_PATH}"), None, &body).envelope()["data"]["token"]
            .as_str()
            .unwrap()
            .to_owned();
    let verify = |agent: &ureq::Agent| {
        post(
            agent,
            &format!("{base}{VERIFY_PATH}"),
            Some(&token),
            &verify_body("b", "22222222222"),
        )
        .envelope()["code"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    assert_eq!(verify(&agent), "SUCCESS");
    clock.advance(Duration::from_secs(59));
    assert_eq!(verify(&agent), "SUCCESS");
    clock.advance(Duration::from_secs(1));
    assert_eq!(verify(&agent), "IAM_FAILED");
    // The sandbox clock also judges token timestamps.
    let stale = token_body(now_ms() - 400_000);
    clock.set(now_ms() - 400_000);
    assert_eq!(
        post(&agent, &format!("{base}{TOKEN_PATH}"), None, &stale).envelope()["code"],
        "SUCCESS"
    );
}

fn clock_now(clock: &ManualClock) -> u64 {
    use advanceai_sandbox::Clock;
    clock.now_ms()
}

#[test]
fn verification_parameter_errors() {
    let sandbox = start();
    let agent = agent();
    let base = sandbox.base_url();
    let token = token(&agent, base);
    let url = format!("{base}{VERIFY_PATH}");
    let message = |edit: &dyn Fn(&mut Value)| -> String {
        let mut body = verify_body("order-1", "22222222222");
        edit(&mut body);
        let body = post(&agent, &url, Some(&token), &body).envelope();
        assert_eq!(body["code"], "PARAMETER_ERROR", "{body}");
        assert!(body["data"].is_null() && body["extra"].is_null());
        body["message"].as_str().unwrap().to_owned()
    };
    let cases: [(&dyn Fn(&mut Value), &str); 11] = [
        (
            &|b| {
                b.as_object_mut().unwrap().remove("bizId");
            },
            "BizId is wrong (bizId is missing)",
        ),
        (
            &|b| b["bizId"] = Value::Null,
            "BizId is wrong (bizId is missing)",
        ),
        (
            &|b| b["bizId"] = json!("b".repeat(100)),
            "BizId is too long (bizId length exceeds 99)",
        ),
        (
            &|b| b["userId"] = json!(""),
            "UserId is invalid (userId is missing)",
        ),
        (
            &|b| b["userId"] = json!("u".repeat(201)),
            "UserId is too long (userId length exceeds 200)",
        ),
        (
            &|b| b["region"] = json!("XYZ"),
            "Region is wrong (missing or not a supported ISO ALPHA-3 code)",
        ),
        (&|b| b["numberType"] = json!(""), "numberType is empty"),
        (
            &|b| b["numberType"] = json!("PASSPORT"),
            "numberType is wrong (length > 30 or not a supported type)",
        ),
        (
            &|b| b["numberType"] = json!("bvn"),
            "Number type and country are not match (numberType not in supported set for the region, or not uppercase)",
        ),
        (
            &|b| b["numberValue"] = json!("2222"),
            "Invalid ID number, please check the format (numberValue is empty, or fails format validation for the given numberType — e.g. BVN / NIN must be an 11-digit numeric string)",
        ),
        (
            &|b| {
                b.as_object_mut().unwrap().remove("numberValue");
            },
            "Invalid ID number, please check the format (numberValue is empty, or fails format validation for the given numberType — e.g. BVN / NIN must be an 11-digit numeric string)",
        ),
    ];
    for (edit, expected) in cases {
        assert_eq!(message(edit), expected);
    }
}

fn verify(agent: &ureq::Agent, base: &str, token: &str, number: &str) -> Value {
    let body = post(
        agent,
        &format!("{base}{VERIFY_PATH}"),
        Some(token),
        &verify_body("order-1", number),
    )
    .envelope();
    assert_eq!(body["code"], "SUCCESS", "{body}");
    assert_eq!(body["message"], "OK");
    body["data"].clone()
}

#[test]
fn verification_test_numbers() {
    let sandbox = start();
    let agent = agent();
    let base = sandbox.base_url();
    let token = token(&agent, base);
    for (number, overall, code) in [
        ("00000000000", "FAIL", "NUMBER_NOT_EXIST"),
        ("11111111111", "FAIL", "BVN_SUSPEND"),
        ("33333333333", "FAIL", "INFO_ABNORMAL"),
        ("55555555555", "FAIL", "INVALID_FORMAT"),
        ("44444444444", "INCOMPLETE", "ERROR"),
    ] {
        let data = verify(&agent, base, &token, number);
        assert_eq!(data["overallResult"], overall, "{number}");
        assert_eq!(data["errorCode"], code, "{number}");
        assert!(data["docDatabaseDetail"].is_null(), "{number}");
        assert_eq!(data["signatureId"].as_str().unwrap().len(), 16);
    }
    for number in ["22222222222", "12345678901"] {
        let data = verify(&agent, base, &token, number);
        assert_eq!(data["overallResult"], "PASS");
        assert_eq!(data["errorCode"], "");
        let person = &data["docDatabaseDetail"];
        for field in [
            "firstName",
            "middleName",
            "lastName",
            "gender",
            "birthday",
            "phoneNumber1",
            "phoneNumber2",
        ] {
            assert!(person[field].is_string(), "{field}: {person}");
        }
        let first = person["firstName"].as_str().unwrap();
        assert!(first.contains('*'), "masked: {first}");
        let phone = person["phoneNumber1"].as_str().unwrap();
        assert_eq!(phone.len(), 11);
        assert_eq!(&phone[3..9], "******");
        assert!(["Male", "Female"].contains(&person["gender"].as_str().unwrap()));
        let birthday = person["birthday"].as_str().unwrap();
        assert!(
            birthday.len() == 10 && &birthday[4..5] == "-" && &birthday[7..8] == "-",
            "{birthday}"
        );
        assert!(person.get("bvn").is_none() && person.get("phoneNumber").is_none());
        // Deterministic: the same number gives the same person.
        let again = verify(&agent, base, &token, number);
        assert_eq!(again["docDatabaseDetail"], data["docDatabaseDetail"]);
        // The parse through core agrees this is a pass.
        let parsed = advanceai_core::parse_verification_response(
            json!({"code": "SUCCESS", "data": data})
                .to_string()
                .as_bytes(),
        )
        .unwrap()
        .into_data()
        .unwrap();
        assert!(parsed.passed());
    }
}

#[test]
fn bad_bodies_get_envelopes_and_the_server_keeps_serving() {
    let sandbox = start();
    let agent = agent();
    let base = sandbox.base_url();
    let token = token(&agent, base);
    let url = format!("{base}{VERIFY_PATH}");
    for text in ["{not json", "[1,2]", "\"text\"", "", "{\"bizId\": 5}"] {
        let answer = try_post(&agent, &url, Some(&token), text).unwrap();
        assert_eq!(answer.status, 200);
        let body = answer.envelope();
        assert_eq!(body["code"], "PARAMETER_ERROR", "{text}");
        assert_eq!(body["message"], advanceai_sandbox::MSG_MALFORMED);
    }
    // Wrong content type.
    let mut answer = agent
        .post(&url)
        .header("X-ACCESS-TOKEN", &token)
        .header("Content-Type", "text/plain")
        .send(&verify_body("b", "22222222222").to_string())
        .unwrap();
    let body: Value = serde_json::from_str(&answer.body_mut().read_to_string().unwrap()).unwrap();
    assert_eq!(body["code"], "PARAMETER_ERROR");
    assert_eq!(body["message"], advanceai_sandbox::MSG_CONTENT_TYPE);
    // Over the 64 KiB cap.
    let mut huge = verify_body("b", "22222222222");
    huge["userId"] = json!("u".repeat(100 * 1024));
    let body = post(&agent, &url, Some(&token), &huge).envelope();
    assert_eq!(body["code"], "PARAMETER_ERROR");
    assert_eq!(body["message"], advanceai_sandbox::MSG_TOO_LARGE);
    // Still serving.
    assert_eq!(
        verify(&agent, base, &token, "22222222222")["overallResult"],
        "PASS"
    );
}

#[test]
fn unknown_paths_and_methods() {
    let sandbox = start();
    let agent = agent();
    let base = sandbox.base_url();
    let answer = post(&agent, &format!("{base}/no/such/api"), None, &json!({}));
    assert_eq!(answer.status, 404);
    let body = answer.envelope();
    assert_eq!(body["code"], "CLIENT_ERROR");
    assert_eq!(body["message"], "No such API");
    // The older document-based Generate URL is not the Non-Doc endpoint: an unknown path.
    let answer = post(
        &agent,
        &format!("{base}{OLD_GENERATE_PATH}"),
        None,
        &json!({}),
    );
    assert_eq!(answer.status, 404);
    assert_eq!(answer.envelope()["message"], "No such API");
    let answer = get(&agent, &format!("{base}{TOKEN_PATH}"));
    assert_eq!(answer.status, 405);
    assert_eq!(answer.envelope()["code"], "CLIENT_ERROR");
}

#[test]
fn shutdown_frees_the_port() {
    let sandbox = start();
    let addr = sandbox.addr();
    sandbox.shutdown();
    // The port can be bound again once the sandbox is gone.
    std::net::TcpListener::bind(addr).unwrap();
}
