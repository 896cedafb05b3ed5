//! One H5 PASS per market: the person in each market's documented shape.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::collections::BTreeSet;

use common::h5::{generate, result};
use common::*;
use serde_json::{Value, json};

/// One H5 flow per market: Generate URL with the market's fields and a valid number, the
/// automation form, then a PASS whose `numberTypeInfo` is the market's Get Result name.
#[test]
fn a_pass_in_every_market() {
    let sandbox = start();
    let agent = agent();
    let base = sandbox.base_url();
    let token = token(&agent, base);
    for market in advanceai_core::MARKETS {
        let number = advanceai_sandbox::test_number_for(market).unwrap();
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
        // are left out), the number under its type's key: `bvn` or `nin` (§4.2).
        "NG_BVN" | "NG_NIN" => keys(&[
            if get_result_number_type == "NG_NIN" {
                "nin"
            } else {
                "bvn"
            },
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
