//! The H5 page asks for what Generate URL left out, checks it by Generate URL's rule, and
//! Get Result shows it; test numbers completed "as the number says" give their outcome.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use advanceai_core::MARKETS;
use advanceai_sandbox::{MSG_NOT_ASKED, OUTCOME_BY_NUMBER, RunningSandbox, TEST_NUMBERS};
use common::h5::{generate, result};
use common::*;
use serde_json::{Value, json};

/// A sandbox, an agent and a token.
struct Setup {
    sandbox: RunningSandbox,
    agent: ureq::Agent,
    token: String,
}

impl Setup {
    fn new() -> Self {
        let sandbox = start();
        let agent = agent();
        let token = token(&agent, sandbox.base_url());
        Self {
            sandbox,
            agent,
            token,
        }
    }

    fn base(&self) -> &str {
        self.sandbox.base_url()
    }

    /// A transaction of `region` / `number_type` with `fields` added; its signatureId.
    fn transaction(&self, region: &str, number_type: &str, fields: Value) -> String {
        let mut body = json!({
            "bizId": "page-1", "userId": "user-1", "region": region, "numberType": number_type,
            "returnUrl": "https://merchant.example/ok", "failReturnUrl": "myapp://failed",
        });
        for (key, value) in fields.as_object().unwrap() {
            body[key] = value.clone();
        }
        generate(&self.agent, self.base(), &self.token, &body)["signatureId"]
            .as_str()
            .unwrap()
            .to_owned()
    }

    fn page(&self, signature_id: &str) -> Answer {
        get(&self.agent, &format!("{}/h5/{signature_id}", self.base()))
    }

    fn submit(&self, signature_id: &str, fields: &[(&str, &str)]) -> Answer {
        post_form(
            &self.agent,
            &format!("{}/h5/{signature_id}", self.base()),
            fields,
        )
    }

    fn complete(&self, body: Value) -> Value {
        post(
            &self.agent,
            &format!("{}/sandbox/complete", self.base()),
            None,
            &body,
        )
        .envelope()
    }

    fn data(&self, signature_id: &str) -> Value {
        result(&self.agent, self.base(), &self.token, signature_id)["data"].clone()
    }
}

/// The person fields the page has an input for.
fn inputs(page: &str) -> Vec<&'static str> {
    ["numberValue", "fullName", "gender"]
        .into_iter()
        .filter(|field| page.contains(&format!("name=\"{field}\"")))
        .collect()
}

/// The vendor's §2.3: "Optional" fields left out are typed on the page, "Required" ones
/// never are, and a DNI's gender comes with its number.
#[test]
fn the_page_asks_for_what_the_request_left_out() {
    let setup = Setup::new();
    let cases = [
        ("NGA", "BVN", json!({}), vec!["numberValue", "fullName"]),
        (
            "NGA",
            "NIN",
            json!({"fullName": "Ada Obi"}),
            vec!["numberValue"],
        ),
        (
            "NGA",
            "BVN",
            json!({"numberValue": "22222222222"}),
            vec!["fullName"],
        ),
        (
            "IDN",
            "NIK",
            json!({"fullName": "Rina Wijaya"}),
            vec!["numberValue"],
        ),
        ("BRA", "CPF", json!({}), vec!["numberValue", "fullName"]),
        ("ARG", "DNI", json!({}), vec!["numberValue", "gender"]),
        (
            "ARG",
            "DNI",
            json!({"numberValue": "12345678", "gender": "MALE"}),
            vec![],
        ),
        (
            "ZAF",
            "SAID",
            json!({"numberValue": "2222222222222"}),
            vec![],
        ),
    ];
    for (region, number_type, fields, asked) in cases {
        let signature_id = setup.transaction(region, number_type, fields.clone());
        let page = setup.page(&signature_id);
        assert_eq!(page.status, 200);
        assert_eq!(inputs(&page.text), asked, "{number_type} {fields}");
        assert!(page.text.contains("value=\"BY_NUMBER\""));
        assert!(!page.text.contains("<script"), "no JavaScript");
    }
    // The number's hint and label come from core's table.
    let dni = setup.page(&setup.transaction("ARG", "DNI", json!({})));
    assert!(dni.text.contains("7 or 8 digits"), "{}", dni.text);
    assert!(
        dni.text
            .contains("Argentina Documento Nacional de Identidad (DNI)")
    );
    assert!(dni.text.contains("<option value=\"MALE\">"));
}

#[test]
fn a_wrong_entry_shows_the_page_again_and_the_transaction_stays_pending() {
    let setup = Setup::new();
    let signature_id = setup.transaction("ARG", "DNI", json!({}));
    for (fields, message) in [
        (
            vec![("numberValue", "123456789"), ("gender", "FEMALE")],
            "A DNI has 7 or 8 digits: please check the number.",
        ),
        (vec![("gender", "FEMALE")], "Please enter your DNI."),
        (
            vec![("numberValue", "1234567")],
            "Please choose your gender.",
        ),
    ] {
        let mut form = vec![("outcome", "PASS")];
        form.extend(fields.iter().copied());
        let answer = setup.submit(&signature_id, &form);
        assert_eq!(answer.status, 422, "{fields:?}");
        assert!(answer.content_type.starts_with("text/html"));
        assert!(answer.text.contains(message), "{fields:?}: {}", answer.text);
        // Filled in again with what was typed.
        if let Some((_, number)) = fields.iter().find(|(name, _)| *name == "numberValue") {
            assert!(answer.text.contains(&format!("value=\"{number}\"")));
        }
        let data = setup.data(&signature_id);
        assert!(data["overallResult"].is_null(), "{data}");
        assert_eq!(data["submissionCompleted"], false);
    }
    // Escaped, like everything on the page.
    let nga = setup.transaction("NGA", "BVN", json!({}));
    let answer = setup.submit(
        &nga,
        &[
            ("outcome", "PASS"),
            ("numberValue", "1"),
            ("fullName", "<b>\"Ada\"</b>"),
        ],
    );
    assert_eq!(answer.status, 422);
    assert!(answer.text.contains("A BVN has 11 digits"));
    assert!(
        answer.text.contains("&lt;b&gt;&quot;Ada&quot;&lt;/b&gt;"),
        "{}",
        answer.text
    );
    assert!(!answer.text.contains("<b>"));
    let answer = setup.submit(&nga, &[("outcome", "PASS"), ("numberValue", "22222222222")]);
    assert!(answer.text.contains("Please enter your full name."));
    // Fixed, it goes through.
    let answer = setup.submit(
        &signature_id,
        &[
            ("outcome", "PASS"),
            ("numberValue", "12345678"),
            ("gender", "FEMALE"),
        ],
    );
    assert_eq!(answer.status, 303);
    assert_eq!(setup.data(&signature_id)["overallResult"], "PASS");
}

#[test]
fn get_result_shows_what_was_typed_as_if_generate_url_had_sent_it() {
    let setup = Setup::new();
    // Typed on the page, and sent to Generate URL: the same person.
    let cases = [
        (
            "IDN",
            "NIK",
            json!({"fullName": "Rina Wijaya"}),
            vec![("numberValue", "3171234567890123")],
        ),
        (
            "ARG",
            "DNI",
            json!({}),
            vec![("numberValue", "30123456"), ("gender", "MALE")],
        ),
        (
            "BRA",
            "CPF",
            json!({}),
            vec![
                ("numberValue", "07873438384"),
                ("fullName", "Gleiciane Silva"),
            ],
        ),
    ];
    for (region, number_type, fields, typed) in cases {
        let on_page = setup.transaction(region, number_type, fields.clone());
        let mut form = vec![("outcome", "PASS")];
        form.extend(typed.iter().copied());
        assert_eq!(setup.submit(&on_page, &form).status, 303, "{number_type}");
        let mut sent = fields.clone();
        for (key, value) in &typed {
            sent[*key] = json!(value);
        }
        let in_request = setup.transaction(region, number_type, sent);
        setup.complete(json!({ "signatureId": in_request, "outcome": "PASS" }));
        let (typed_person, sent_person) = (
            setup.data(&on_page)["docDatabaseDetail"].clone(),
            setup.data(&in_request)["docDatabaseDetail"].clone(),
        );
        assert_eq!(typed_person, sent_person, "{number_type}");
        match number_type {
            "NIK" => {
                assert_eq!(typed_person["numberValue"], "************0123");
                assert_eq!(typed_person["fullName"], "R*** W*****");
            }
            "DNI" => {
                assert_eq!(typed_person["numberValue"], "30*****6");
                assert_eq!(typed_person["gender"], "MALE");
            }
            _ => {
                assert_eq!(typed_person["numberValue"], "078.734.383-84");
                assert_eq!(typed_person["fullName"], "GLEICIANE SILVA");
            }
        }
    }
}

#[test]
fn the_automation_takes_the_same_fields_by_the_same_rule() {
    let setup = Setup::new();
    let dni = setup.transaction("ARG", "DNI", json!({}));
    let refused =
        setup.complete(json!({ "signatureId": dni, "outcome": "PASS", "numberValue": "123" }));
    assert_eq!(refused["code"], "PARAMETER_ERROR");
    assert_eq!(refused["message"], "Number is invalid format");
    let refused =
        setup.complete(json!({ "signatureId": dni, "outcome": "PASS", "numberValue": "1234567" }));
    assert_eq!(
        refused["message"], "Parameter should not be empty",
        "a DNI's gender"
    );
    let refused =
        setup.complete(json!({ "signatureId": dni, "outcome": "PASS", "fullName": "Ana" }));
    assert_eq!(refused["message"], MSG_NOT_ASKED, "DNI has no fullName");
    assert!(setup.data(&dni)["overallResult"].is_null());
    let done = setup.complete(json!({
        "signatureId": dni, "outcome": "PASS", "numberValue": "1234567", "gender": "FEMALE",
    }));
    assert_eq!(done["code"], "SUCCESS", "{done}");
    let person = &setup.data(&dni)["docDatabaseDetail"];
    assert_eq!(person["numberValue"], "12****7");
    assert_eq!(person["gender"], "FEMALE");
    // A field Generate URL gave is not asked again.
    let nik = setup.transaction("IDN", "NIK", json!({"fullName": "Rina Wijaya"}));
    let refused = setup.complete(json!({ "signatureId": nik, "outcome": "PASS", "fullName": "X" }));
    assert_eq!(refused["message"], MSG_NOT_ASKED);
}

/// Every test number of every market, given to Generate URL or typed, completed as the
/// number says, gets its row's outcome; any other number passes.
#[test]
fn every_test_number_gives_its_outcome() {
    let setup = Setup::new();
    for market in MARKETS {
        for (i, row) in TEST_NUMBERS.iter().enumerate() {
            let number = row.number_for(market).unwrap();
            let mut fields = json!({ "fullName": "Test Person", "gender": "FEMALE" });
            // Half of them in Generate URL, half typed (where the page asks for a number).
            let typed = i % 2 == 1 && market.number_type != "SAID";
            if !typed {
                fields["numberValue"] = json!(number);
            } else if market.number_type == "DNI" {
                fields.as_object_mut().unwrap().remove("gender");
            }
            let signature_id = setup.transaction(market.region, market.number_type, fields);
            let mut body = json!({ "signatureId": signature_id, "outcome": OUTCOME_BY_NUMBER });
            if typed {
                body["numberValue"] = json!(number);
                if market.number_type == "DNI" {
                    body["gender"] = json!("FEMALE");
                }
            }
            let done = setup.complete(body);
            assert_eq!(done["code"], "SUCCESS", "{done}");
            assert_eq!(done["data"]["errorCode"], row.error_code);
            let data = setup.data(&signature_id);
            let what = format!("{} {number}", market.number_type);
            assert_eq!(data["overallResult"], row.overall_result, "{what}");
            assert_eq!(data["errorCode"], row.error_code, "{what}");
        }
        let other = "7".repeat(market.number_lengths[0]);
        let fields = json!({ "numberValue": other, "fullName": "Test Person", "gender": "MALE" });
        let signature_id = setup.transaction(market.region, market.number_type, fields);
        setup.complete(json!({ "signatureId": signature_id, "outcome": OUTCOME_BY_NUMBER }));
        assert_eq!(setup.data(&signature_id)["overallResult"], "PASS");
    }
    // The page's button does the same with a typed number.
    let signature_id = setup.transaction("NGA", "NIN", json!({ "fullName": "Ada Obi" }));
    let answer = setup.submit(
        &signature_id,
        &[
            ("outcome", OUTCOME_BY_NUMBER),
            ("numberValue", "90000000003"),
        ],
    );
    assert_eq!(answer.status, 303);
    assert_eq!(answer.location.as_deref(), Some("myapp://failed"));
    assert_eq!(setup.data(&signature_id)["errorCode"], "LIVENESS_ATTACK");
}
