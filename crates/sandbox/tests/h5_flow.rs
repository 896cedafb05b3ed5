//! The H5 flow over HTTP: Generate URL, the page, the form, the callback, Get Result.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::time::Duration;

use advanceai_sandbox::{FAIL_CODES, INCOMPLETE_CODES, Sandbox, SandboxConfig};
use common::h5::{callback_receiver, generate, result};
use common::*;
use serde_json::{Value, json};

#[test]
fn full_h5_flow_with_page_form_callback_and_redirect() {
    let sandbox = start();
    let agent = agent();
    let base = sandbox.base_url();
    let token = token(&agent, base);
    let (callback_url, callbacks) = callback_receiver(vec![]);
    let mut body = generate_body("order-<script>");
    body["callbackUrl"] = json!(callback_url);
    let data = generate(&agent, base, &token, &body);
    let signature_id = data["signatureId"].as_str().unwrap().to_owned();
    assert_eq!(signature_id.len(), 16);
    assert_eq!(data["url"], format!("{base}/h5/{signature_id}"));
    assert!(data["expiredTime"].as_u64().unwrap() > now_ms());

    // Pending until the user finishes.
    let pending = result(&agent, base, &token, &signature_id);
    assert_eq!(pending["code"], "SUCCESS");
    let pending = &pending["data"];
    assert!(
        pending["errorCode"].is_null() && pending["overallResult"].is_null(),
        "{pending}"
    );
    assert_eq!(pending["submissionCompleted"], false);
    assert_eq!(pending["signatureId"], signature_id.as_str());
    assert_eq!(pending["countryCodeIso3"], "NGA");

    // The page: self-contained HTML, values escaped, the fields the request left out (an
    // NGA BVN without number or name), one button per outcome.
    let page = get(&agent, data["url"].as_str().unwrap());
    assert_eq!(page.status, 200);
    assert!(page.content_type.starts_with("text/html"));
    assert!(page.text.contains("order-&lt;script&gt;"), "escaped bizId");
    assert!(!page.text.contains("<script>"));
    assert!(
        !page.text.contains("http://") && !page.text.contains("https://"),
        "no external assets"
    );
    for code in FAIL_CODES
        .iter()
        .chain(INCOMPLETE_CODES.iter())
        .chain(&["PASS", "BY_NUMBER"])
    {
        assert!(page.text.contains(&format!("value=\"{code}\"")), "{code}");
    }
    for field in ["numberValue", "fullName"] {
        assert!(page.text.contains(&format!("name=\"{field}\"")), "{field}");
    }
    assert!(!page.text.contains("name=\"gender\""));

    // Submit PASS with the fields: 303 to returnUrl, callback delivered, result final.
    let submitted = post_form(
        &agent,
        &format!("{base}/h5/{signature_id}"),
        &[
            ("outcome", "PASS"),
            ("numberValue", "22212345674"),
            ("fullName", "Tolu Chioma Ige"),
        ],
    );
    assert_eq!(submitted.status, 303);
    assert_eq!(
        submitted.location.as_deref(),
        Some("https://merchant.example/ok?session=1")
    );
    let (_, callback) = callbacks.recv_timeout(Duration::from_secs(5)).unwrap();
    assert_eq!(
        callback,
        json!({ "signatureId": signature_id, "type": "COMPLETED" })
    );

    let done = result(&agent, base, &token, &signature_id);
    assert_eq!(done["code"], "SUCCESS");
    let done = &done["data"];
    assert_eq!(done["overallResult"], "PASS");
    assert_eq!(done["idvResult"], "PASS");
    assert_eq!(done["errorCode"], "SUCCESS");
    assert_eq!(done["submissionCompleted"], true);
    let person = &done["docDatabaseDetail"];
    assert_eq!(
        person["numberTypeInfo"],
        json!({ "numberType": "NG_BVN", "region": "NGA" })
    );
    assert!(person["bvn"].as_str().unwrap().starts_with("22"));
    assert_eq!(person["bvn"].as_str().unwrap()[2..10], *"********");
    // What was typed, masked as Nigeria masks.
    assert_eq!(person["bvn"], "22********4");
    assert_eq!(person["numberValue"], "22********4");
    assert_eq!(
        [
            &person["firstName"],
            &person["middleName"],
            &person["lastName"]
        ],
        ["T**u", "C****a", "I*e"]
    );
    assert!(["MALE", "FEMALE"].contains(&person["gender"].as_str().unwrap()));
    assert_eq!(&person["birthday"].as_str().unwrap()[4..5], "/");
    assert!(person["phoneNumber"].is_string() && person.get("phoneNumber1").is_none());
    assert_eq!(
        done["faceDetail"],
        json!({ "faceResult": "PASS", "faceLivenessScore": 99, "faceSimilarityScore": 82 })
    );
    assert_eq!(
        done["inputParameters"],
        json!({ "region": "NGA", "numberType": "BVN" })
    );
    assert_eq!(done["countryCodeIso3"], "NGA");
    // Core agrees.
    let parsed = advanceai_core::parse_get_result_response(
        post(
            &agent,
            &format!("{base}{RESULT_PATH}"),
            Some(&token),
            &json!({ "signatureId": signature_id }),
        )
        .text
        .as_bytes(),
    )
    .unwrap()
    .into_data()
    .unwrap();
    assert!(parsed.passed());

    // A second submission is refused; the page now shows the result.
    let again = post_form(
        &agent,
        &format!("{base}/h5/{signature_id}"),
        &[("outcome", "LIVENESS_ATTACK")],
    );
    assert_eq!(again.status, 409);
    let page = get(&agent, &format!("{base}/h5/{signature_id}"));
    assert!(page.text.contains("finished"));
}

#[test]
fn failed_outcome_redirects_to_fail_url_and_callback_is_retried() {
    let sandbox =
        Sandbox::start(SandboxConfig::default().with_callback_retry(4, Duration::from_millis(20)))
            .unwrap();
    let agent = agent();
    let base = sandbox.base_url();
    let token = token(&agent, base);
    let (callback_url, callbacks) = callback_receiver(vec![500, 503]);
    let mut body = generate_body("order-2");
    body["callbackUrl"] = json!(callback_url);
    let signature_id = generate(&agent, base, &token, &body)["signatureId"]
        .as_str()
        .unwrap()
        .to_owned();
    let submitted = post_form(
        &agent,
        &format!("{base}/h5/{signature_id}"),
        &[
            ("outcome", "LIVENESS_ATTACK"),
            ("numberValue", "98765432109"),
            ("fullName", "Ada Obi"),
        ],
    );
    assert_eq!(submitted.status, 303);
    assert_eq!(
        submitted.location.as_deref(),
        Some("myapp://verification/failed")
    );
    let statuses: Vec<u16> = (0..3)
        .map(|_| callbacks.recv_timeout(Duration::from_secs(5)).unwrap().0)
        .collect();
    assert_eq!(statuses, [500, 503, 200]);
    let data = &result(&agent, base, &token, &signature_id)["data"];
    assert_eq!(data["overallResult"], "FAIL");
    assert_eq!(data["errorCode"], "LIVENESS_ATTACK");
    assert_eq!(data["faceDetail"]["faceResult"], "FAIL");
    assert!(data["docDatabaseDetail"].is_object());
}

#[test]
fn every_outcome_through_the_automation_endpoint() {
    let sandbox = start();
    let agent = agent();
    let base = sandbox.base_url();
    let token = token(&agent, base);
    let outcomes = FAIL_CODES
        .iter()
        .map(|c| ("FAIL", *c))
        .chain(INCOMPLETE_CODES.iter().map(|c| ("INCOMPLETE", *c)))
        .chain([("PASS", "PASS")]);
    for (overall, outcome) in outcomes {
        let signature_id = generate(&agent, base, &token, &generate_body("order-3"))["signatureId"]
            .as_str()
            .unwrap()
            .to_owned();
        let answer = post(
            &agent,
            &format!("{base}/sandbox/complete"),
            None,
            &json!({ "signatureId": signature_id, "outcome": outcome }),
        )
        .envelope();
        assert_eq!(answer["code"], "SUCCESS", "{answer}");
        let expected_redirect = if overall == "PASS" {
            "https://merchant.example/ok?session=1"
        } else {
            "myapp://verification/failed"
        };
        assert_eq!(answer["data"]["redirectUrl"], expected_redirect);
        let data = &result(&agent, base, &token, &signature_id)["data"];
        assert_eq!(data["overallResult"], overall, "{outcome}");
        let code = if outcome == "PASS" {
            "SUCCESS"
        } else {
            outcome
        };
        assert_eq!(data["errorCode"], code);
        assert_eq!(data["countryCodeIso3"], "NGA");
        if ["BVN_NOT_EXIST", "NUMBER_NOT_EXIST"].contains(&outcome) || overall == "INCOMPLETE" {
            assert!(data["docDatabaseDetail"].is_null(), "{outcome}: {data}");
        }
        assert_eq!(data["submissionCompleted"], overall != "INCOMPLETE");
    }
    // Errors of the automation endpoint.
    let complete =
        |body: Value| post(&agent, &format!("{base}/sandbox/complete"), None, &body).envelope();
    assert_eq!(
        complete(json!({ "signatureId": "0000000000000000", "outcome": "PASS" }))["code"],
        "SIGNATURE_NOT_EXIST"
    );
    let signature_id = generate(&agent, base, &token, &generate_body("order-4"))["signatureId"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        complete(json!({ "signatureId": signature_id, "outcome": "MAYBE" }))["message"],
        "Unknown outcome"
    );
    assert_eq!(
        complete(json!({ "signatureId": signature_id }))["message"],
        "Parameter should not be empty"
    );
    assert_eq!(
        complete(json!({ "signatureId": signature_id, "outcome": "PASS" }))["code"],
        "SUCCESS"
    );
    let twice = complete(json!({ "signatureId": signature_id, "outcome": "PASS" }));
    assert_eq!(twice["code"], "PARAMETER_ERROR");
    assert_eq!(
        twice["message"],
        "This signatureId already has a final result"
    );
}
