//! Health Status and Clear Data over HTTP: the query parameters, the admin call that makes a
//! numberType unstable, the refusals of Clear Data and what Get Result shows afterwards.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use advanceai_core::Endpoint;
use advanceai_sandbox::{
    MSG_CLEAR_NOT_EXIST, MSG_HEALTH_NUMBER_TYPE, MSG_IN_PROCESSING, MSG_NOT_FINISHED,
};
use common::*;
use serde_json::{Value, json};

fn health(agent: &ureq::Agent, base: &str, token: &str, query: &str) -> Value {
    let url = format!("{base}{}{query}", Endpoint::HealthStatus.path());
    let response = agent
        .get(&url)
        .header("X-ACCESS-TOKEN", token)
        .call()
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    let text = response.into_body().read_to_string().unwrap();
    serde_json::from_str(&text).unwrap()
}

/// Clear Data as the vendor's example sends it: JSON content type, no body.
fn clear(agent: &ureq::Agent, base: &str, token: &str, signature_id: &str) -> Value {
    let url = format!("{base}{}", Endpoint::ClearData.path());
    let response = agent
        .post(&url)
        .query("signatureId", signature_id)
        .header("X-ACCESS-TOKEN", token)
        .header("Content-Type", "application/json")
        .send_empty()
        .unwrap();
    let text = response.into_body().read_to_string().unwrap();
    serde_json::from_str(&text).unwrap()
}

fn set_health(agent: &ureq::Agent, base: &str, number_type: &str, status: &str) -> Value {
    post(
        agent,
        &format!("{base}/sandbox/health"),
        None,
        &json!({ "numberType": number_type, "status": status }),
    )
    .envelope()
}

#[test]
fn health_is_healthy_until_an_admin_call_says_otherwise() {
    let sandbox = start();
    let (agent, base) = (agent(), sandbox.base_url().to_owned());
    let token = token(&agent, &base);
    let body = health(&agent, &base, &token, "?numberType=NG_BVN");
    assert_eq!(body["code"], "SUCCESS", "{body}");
    assert_eq!(
        body["data"],
        json!({"numberType": "NG_BVN", "status": "health"})
    );
    // Case-insensitive, answered with the enum name.
    let body = health(&agent, &base, &token, "?numberType=ng_nin");
    assert_eq!(body["data"]["numberType"], "NG_NIN");

    let set = set_health(&agent, &base, "ng_bvn", "unstable");
    assert_eq!(
        set["data"],
        json!({"numberType": "NG_BVN", "status": "unstable"})
    );
    let body = health(&agent, &base, &token, "?numberType=NG_BVN");
    assert_eq!(body["data"]["status"], "unstable");
    assert_eq!(
        health(&agent, &base, &token, "?numberType=NG_NIN")["data"]["status"],
        "health",
        "only the type that was set"
    );
    // Any status text, so a client's handling of an undocumented one can be tested.
    set_health(&agent, &base, "BR_CPF", "degraded");
    let body = health(&agent, &base, &token, "?numberType=BR_CPF");
    assert_eq!(body["data"]["status"], "degraded");

    let refused = set_health(&agent, &base, "BVN", "unstable");
    assert_eq!(
        (refused["code"].as_str(), refused["message"].as_str()),
        (Some("PARAMETER_ERROR"), Some(MSG_HEALTH_NUMBER_TYPE))
    );
    let refused = set_health(&agent, &base, "NG_BVN", "");
    assert_eq!(refused["code"], "PARAMETER_ERROR");
    assert_eq!(sandbox.request_count(Endpoint::HealthStatus), 5);
}

#[test]
fn health_refuses_empty_and_unlisted_types_and_needs_a_token() {
    let sandbox = start();
    let (agent, base) = (agent(), sandbox.base_url().to_owned());
    let token = token(&agent, &base);
    for (query, message) in [
        ("", "numberType is empty"),
        ("?numberType=", "numberType is empty"),
        ("?numberType=AADHAAR-PAN", MSG_HEALTH_NUMBER_TYPE),
        ("?numberType=BVN", MSG_HEALTH_NUMBER_TYPE),
    ] {
        let body = health(&agent, &base, &token, query);
        assert_eq!(body["code"], "PARAMETER_ERROR", "{query}: {body}");
        assert_eq!(body["message"], message, "{query}");
        assert_eq!(body["data"], Value::Null);
    }
    let body = health(&agent, &base, "not-a-token", "?numberType=NG_BVN");
    assert_eq!(body["code"], "IAM_FAILED");
    let body = health(&agent, &base, &token, "?numberType=fault-busy");
    assert_eq!(body["code"], "SERVICE_BUSY");
    // POST is not the method of this path.
    let answer = post(
        &agent,
        &format!("{base}{}", Endpoint::HealthStatus.path()),
        Some(&token),
        &json!({}),
    );
    assert_eq!(answer.status, 405);
}

#[test]
fn clear_data_refuses_until_final_then_hides_the_person() {
    let sandbox = start();
    let (agent, base) = (agent(), sandbox.base_url().to_owned());
    let token = token(&agent, &base);
    let generated = post(
        &agent,
        &format!("{base}{}", Endpoint::GenerateUrl.path()),
        Some(&token),
        &generate_body("order-clear"),
    )
    .envelope();
    let signature_id = generated["data"]["signatureId"]
        .as_str()
        .unwrap()
        .to_owned();

    let pending = clear(&agent, &base, &token, &signature_id);
    assert_eq!(
        (pending["code"].as_str(), pending["message"].as_str()),
        (Some("PARAMETER_ERROR"), Some(MSG_NOT_FINISHED))
    );
    let done = post(
        &agent,
        &format!("{base}/sandbox/complete"),
        None,
        &json!({ "signatureId": signature_id, "outcome": "PASS" }),
    )
    .envelope();
    assert_eq!(done["code"], "SUCCESS", "{done}");
    let result = |agent: &ureq::Agent| {
        post(
            agent,
            &format!("{base}{}", Endpoint::GetResult.path()),
            Some(&token),
            &json!({ "signatureId": signature_id }),
        )
        .envelope()
    };
    assert!(result(&agent)["data"]["docDatabaseDetail"].is_object());

    let cleared = clear(&agent, &base, &token, &signature_id);
    assert_eq!(cleared["code"], "SUCCESS", "{cleared}");
    assert_eq!(cleared["message"], "OK");
    assert_eq!(cleared["data"], Value::Null);
    let after = result(&agent);
    assert_eq!(after["data"]["docDatabaseDetail"], Value::Null, "{after}");
    assert_eq!(after["data"]["overallResult"], "PASS", "the verdict stays");
    // Clearing again clears once.
    assert_eq!(
        clear(&agent, &base, &token, &signature_id)["code"],
        "SUCCESS"
    );
    assert_eq!(sandbox.request_count(Endpoint::ClearData), 3);
}

#[test]
fn clear_data_refusals_and_faults() {
    let sandbox = start();
    let (agent, base) = (agent(), sandbox.base_url().to_owned());
    let token = token(&agent, &base);
    for (id, code, message) in [
        ("", "PARAMETER_ERROR", "SignatureId is empty"),
        ("0123456789abcdef", "PARAMETER_ERROR", MSG_CLEAR_NOT_EXIST),
        (
            "fault-in-processing-1",
            "REQUEST_IN_PROCESSING",
            MSG_IN_PROCESSING,
        ),
    ] {
        let body = clear(&agent, &base, &token, id);
        assert_eq!(
            (body["code"].as_str(), body["message"].as_str()),
            (Some(code), Some(message)),
            "{id}"
        );
    }
    assert_eq!(
        clear(&agent, &base, &token, "fault-busy-2")["code"],
        "SERVICE_BUSY"
    );
    assert_eq!(clear(&agent, &base, "expired", "x")["code"], "IAM_FAILED");
    // No query at all is an empty id.
    let url = format!("{base}{}", Endpoint::ClearData.path());
    let response = agent
        .post(&url)
        .header("X-ACCESS-TOKEN", &token)
        .send_empty()
        .unwrap();
    let body: Value =
        serde_json::from_str(&response.into_body().read_to_string().unwrap()).unwrap();
    assert_eq!(body["message"], "SignatureId is empty");
}
