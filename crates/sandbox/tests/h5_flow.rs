//! The H5 flow over HTTP: Generate URL, the page, the form, the callback, Get Result.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::Arc;
use std::sync::mpsc;
use std::time::Duration;

use advanceai_sandbox::{FAIL_CODES, INCOMPLETE_CODES, ManualClock, Sandbox, SandboxConfig};
use common::*;
use serde_json::{Value, json};

/// A one-purpose callback receiver: answers each request with the next status of
/// `statuses` (200 once they run out) and reports each body it got.
fn callback_receiver(statuses: Vec<u16>) -> (String, mpsc::Receiver<(u16, Value)>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!(
        "http://{}/hook?auth=secret-token",
        listener.local_addr().unwrap()
    );
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut statuses = statuses.into_iter();
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { return };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut length = 0usize;
            let mut request_line = String::new();
            reader.read_line(&mut request_line).unwrap();
            loop {
                let mut line = String::new();
                reader.read_line(&mut line).unwrap();
                if line.trim().is_empty() {
                    break;
                }
                if let Some((name, value)) = line.split_once(':') {
                    if name.eq_ignore_ascii_case("content-length") {
                        length = value.trim().parse().unwrap();
                    }
                }
            }
            let mut body = vec![0; length];
            reader.read_exact(&mut body).unwrap();
            assert!(
                request_line.starts_with("POST /hook?auth=secret-token "),
                "{request_line}"
            );
            let status = statuses.next().unwrap_or(200);
            write!(
                stream,
                "HTTP/1.1 {status} X\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            )
            .unwrap();
            let _ = tx.send((status, serde_json::from_slice(&body).unwrap()));
        }
    });
    (url, rx)
}

fn generate(agent: &ureq::Agent, base: &str, token: &str, body: &Value) -> Value {
    let body = post(agent, &format!("{base}{GENERATE_PATH}"), Some(token), body).envelope();
    assert_eq!(body["code"], "SUCCESS", "{body}");
    body["data"].clone()
}

fn result(agent: &ureq::Agent, base: &str, token: &str, signature_id: &str) -> Value {
    post(
        agent,
        &format!("{base}{RESULT_PATH}"),
        Some(token),
        &json!({ "signatureId": signature_id }),
    )
    .envelope()
}

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

    // The page: self-contained HTML, values escaped, one button per outcome.
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
        .chain(&["PASS"])
    {
        assert!(page.text.contains(&format!("value=\"{code}\"")), "{code}");
    }

    // Submit PASS: 303 to returnUrl, callback delivered, result final.
    let submitted = post_form(
        &agent,
        &format!("{base}/h5/{signature_id}"),
        &[("outcome", "PASS")],
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
        &[("outcome", "LIVENESS_ATTACK")],
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

/// One H5 flow per market: Generate URL with the market's fields and a valid number, the
/// automation form, then a PASS whose `numberTypeInfo` is the market's Get Result name.
#[test]
fn a_pass_in_every_market() {
    let sandbox = start();
    let agent = agent();
    let base = sandbox.base_url();
    let token = token(&agent, base);
    for market in advanceai_core::MARKETS {
        let number = advanceai_sandbox::test_number_for(market);
        let body = json!({
            "bizId": format!("market-{}", market.number_type),
            "userId": "user-1",
            "region": market.region,
            "numberType": market.number_type,
            "numberValue": number,
            "fullName": "Test Person",
            "gender": "FEMALE",
            "returnUrl": "https://merchant.example/ok",
            "failReturnUrl": "myapp://verification/failed",
            "language": "en-US",
            "prefersColorScheme": "dark",
            "ignoreFailWhenJump": false,
            "bizCode": "WhiteCard",
            "iframeEnabled": true,
        });
        let signature_id = generate(&agent, base, &token, &body)["signatureId"]
            .as_str()
            .unwrap()
            .to_owned();
        let answer = post(
            &agent,
            &format!("{base}/sandbox/complete"),
            None,
            &json!({ "signatureId": signature_id, "outcome": "PASS" }),
        )
        .envelope();
        assert_eq!(answer["code"], "SUCCESS", "{answer}");
        let data = &result(&agent, base, &token, &signature_id)["data"];
        assert_eq!(data["overallResult"], "PASS", "{}", market.number_type);
        assert_eq!(data["errorCode"], "SUCCESS");
        assert_eq!(data["countryCodeIso3"], market.region);
        assert_eq!(data["inputParameters"]["numberType"], market.number_type);
        let person = &data["docDatabaseDetail"];
        assert_eq!(
            person["numberTypeInfo"],
            json!({ "numberType": market.get_result_number_type, "region": market.region })
        );
        // The person is the number's, masked as the vendor masks in that market's example
        // (BRA: unmasked and punctuated; IDN: the last 4 digits; else as Nigeria).
        let shown = person["numberValue"].as_str().unwrap();
        match market.region {
            "BRA" => assert_eq!(shown.replace(['.', '-'], ""), number, "{shown}"),
            "IDN" => {
                assert_eq!(shown.len(), number.len(), "{shown}");
                assert_eq!(shown, format!("{}{}", "*".repeat(12), &number[12..]));
            }
            _ => {
                assert_eq!(shown.len(), number.len(), "{shown}");
                assert!(shown.starts_with("22") && shown.contains('*'), "{shown}");
            }
        }
        assert_eq!(
            present_keys(person),
            market_shape(market.get_result_number_type),
            "{}: {person}",
            market.number_type
        );
        // Core reads every field of the shape as a typed field.
        let record: advanceai_core::PersonRecord = serde_json::from_value(person.clone()).unwrap();
        assert!(record.unknown_fields.is_empty(), "{person}");
        match market.region {
            "IDN" => {
                assert_eq!(
                    person["fullName"], "T*** P*****",
                    "from Generate URL's fullName"
                );
                assert!(
                    record.birthday.unwrap().date().is_none(),
                    "only the year is shown"
                );
                let checks = record.verification.unwrap();
                assert_eq!(checks.face, Some(advanceai_core::CheckResult::Pass));
                assert_eq!(checks.full_name, Some(advanceai_core::CheckResult::Pass));
            }
            "BRA" => {
                assert_eq!(record.cpf_status, Some(advanceai_core::CpfStatus::Regular));
                assert!(record.birthday.unwrap().date().is_some());
                assert_eq!(person["address"]["type"], "residential");
            }
            _ => {}
        }
    }
}

/// The keys of a JSON object whose values are not null, nested objects' included
/// (`verification.face`).
fn present_keys(object: &Value) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    for (key, value) in object.as_object().unwrap() {
        match value {
            Value::Null => {}
            Value::Object(inner) if key != "numberTypeInfo" => {
                keys.insert(key.clone());
                for (inner_key, inner_value) in inner {
                    if !inner_value.is_null() {
                        keys.insert(format!("{key}.{inner_key}"));
                    }
                }
            }
            _ => {
                keys.insert(key.clone());
            }
        }
    }
    keys
}

/// The keys the sandbox sends for a market: those of the vendor's example where the
/// DocDatabaseDetail page has one (core's fixtures), else the documented choice of
/// `person_markets`.
fn market_shape(get_result_number_type: &str) -> BTreeSet<String> {
    let example = |name: &str| {
        let path = format!(
            "{}/../core/tests/fixtures/doc_database_detail/{name}.json",
            env!("CARGO_MANIFEST_DIR")
        );
        present_keys(&serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap())
    };
    let keys = |list: &[&str]| list.iter().map(|k| (*k).to_owned()).collect();
    match get_result_number_type {
        "ID_NIK" => example("idn_nik"),
        "BR_CPF" => example("bra_cpf"),
        // Nigeria: today's shape (the example's all-null `verification` and null `email`
        // are left out), `bvn` included for both types.
        "NG_BVN" | "NG_NIN" => keys(&[
            "bvn",
            "numberValue",
            "numberTypeInfo",
            "firstName",
            "middleName",
            "lastName",
            "gender",
            "birthday",
            "phoneNumber",
            "phoneNumber2",
        ]),
        "AR_DNI" => keys(&[
            "numberValue",
            "numberTypeInfo",
            "firstName",
            "lastName",
            "fullName",
            "gender",
            "birthday",
            "verification",
            "verification.face",
        ]),
        "ZA_SAID" => keys(&[
            "numberValue",
            "numberTypeInfo",
            "verification",
            "verification.face",
        ]),
        other => panic!("no shape for {other}"),
    }
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
