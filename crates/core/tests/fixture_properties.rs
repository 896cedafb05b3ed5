//! Assertions over every response fixture (listed in `common/fixtures.rs`): each has a
//! test, each round-trips, unknown fields survive, and `Debug` never shows a person value.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

#[path = "common/fixtures.rs"]
mod fixtures;

use std::collections::BTreeSet;

use advanceai_core::{
    Envelope, GetResultData, ParseErrorKind, parse_callback, parse_get_result_response,
    parse_verification_response,
};
use fixtures::{FIXTURES, Parser, fixtures_dir, parse_as, raw_json, read_fixture};
use serde_json::{Value, json};

#[test]
fn every_fixture_file_has_a_test() {
    let listed: BTreeSet<String> = FIXTURES.iter().map(|(p, _)| (*p).to_owned()).collect();
    assert_eq!(listed.len(), FIXTURES.len(), "a fixture is listed twice");
    let mut on_disk = BTreeSet::new();
    for dir in ["vendor", "variants", "doc_database_detail", "nondoc"] {
        for entry in std::fs::read_dir(fixtures_dir().join(dir)).unwrap() {
            let name = entry.unwrap().file_name().into_string().unwrap();
            on_disk.insert(format!("{dir}/{name}"));
        }
    }
    // The two examples that are not JSON have their own test (snapshots.rs).
    let not_json = [
        "nondoc/callback_body.txt",
        "nondoc/get_result_ind_aadhaar_pan.txt",
    ];
    for path in not_json {
        assert!(on_disk.remove(path), "{path} is gone");
    }
    assert_eq!(on_disk, listed);
    // The Generate URL request and the two Clear Data examples.
    assert_eq!(
        listed.iter().filter(|p| p.starts_with("nondoc/")).count(),
        3
    );
    // 7 Get Result examples and 8 PARAMETER_ERROR examples.
    assert_eq!(
        listed.iter().filter(|p| p.starts_with("vendor/")).count(),
        15
    );
    // One example per market whose example the DocDatabaseDetail page shows.
    assert_eq!(
        listed
            .iter()
            .filter(|p| p.starts_with("doc_database_detail/"))
            .count(),
        3
    );
}

#[test]
fn every_vendor_fixture_parses() {
    let mut count = 0;
    for entry in std::fs::read_dir(fixtures_dir().join("vendor")).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        let parser = if name.starts_with("get_result_") {
            Parser::GetResult
        } else if name.starts_with("verification_") {
            Parser::Verification
        } else {
            panic!("vendor fixture {name} is for no known endpoint");
        };
        let bytes = read_fixture(&format!("vendor/{name}"));
        if let Err(error) = parse_as(parser, &bytes) {
            panic!("vendor/{name} does not parse as {parser:?}: {error}");
        }
        count += 1;
    }
    assert_eq!(count, 15);
}

#[test]
fn vendor_outcomes() {
    // Not a snapshot: the few facts a caller branches on, spelled out.
    let data = |path: &str| {
        parse_get_result_response(&read_fixture(path))
            .unwrap()
            .into_data()
            .unwrap()
    };
    assert!(data("vendor/get_result_pass_nga_bvn.json").passed());
    for path in [
        "vendor/get_result_fail_doc_null.json",
        "vendor/get_result_fail_liveness.json",
        "vendor/get_result_fail_name_not_match_idn.json",
        "vendor/get_result_incomplete.json",
    ] {
        let data = data(path);
        assert!(data.is_final() && !data.passed(), "{path}");
    }
    for path in [
        "vendor/get_result_signature_not_exist.json",
        "vendor/get_result_error.json",
    ] {
        let envelope = parse_get_result_response(&read_fixture(path)).unwrap();
        assert!(envelope.into_data().is_err(), "{path}");
    }
    for (path, _) in FIXTURES
        .iter()
        .filter(|(p, _)| p.starts_with("vendor/verification_"))
    {
        let envelope = parse_verification_response(&read_fixture(path)).unwrap();
        assert_eq!(envelope.code.as_str(), "PARAMETER_ERROR", "{path}");
        assert!(envelope.data.is_none(), "{path}");
        assert_eq!(envelope.pricing_strategy.as_deref(), Some("FREE"), "{path}");
    }
}

#[test]
fn every_fixture_round_trips() {
    for (path, parser) in FIXTURES {
        let parsed = parse_as(*parser, &read_fixture(path)).unwrap();
        assert!(
            parsed.reparsed_equal,
            "{path}: parse(serialize(parse(x))) != parse(x)"
        );
        assert_eq!(
            parsed.normalized, parsed.renormalized,
            "{path}: normalized JSON is not stable"
        );
    }
}

#[test]
fn unknown_fields_survive_a_round_trip() {
    let bytes = read_fixture("variants/get_result_unknown_fields_everywhere.json");
    let envelope = parse_get_result_response(&bytes).unwrap();

    let check = |envelope: &Envelope<GetResultData>| {
        assert_eq!(
            envelope.unknown_fields.get("requestId"),
            Some(&json!("req-9f1c"))
        );
        assert_eq!(
            envelope.unknown_fields.get("serverTimeMs"),
            Some(&json!(1_700_000_000_000_u64))
        );
        let data = envelope.data.as_ref().unwrap();
        assert_eq!(data.unknown_fields.get("riskLevel"), Some(&json!("LOW")));
        assert_eq!(
            data.unknown_fields.get("documentDetail"),
            Some(&json!({ "documentType": "NATIONAL_ID", "pages": [1, 2] }))
        );
        let person = data.doc_database_detail.as_ref().unwrap();
        assert_eq!(
            person.unknown_fields.get("ID_NIK"),
            Some(&json!("3174********0001"))
        );
        // `verification` and `address` are documented records now (DocDatabaseDetail
        // page); the keys this variant invents inside them are kept one level down.
        let verification = person.verification.as_ref().unwrap();
        assert_eq!(
            verification.unknown_fields.get("firstName"),
            Some(&json!("MATCH"))
        );
        assert_eq!(
            verification.unknown_fields.get("birthday"),
            Some(&json!("NOT_MATCH"))
        );
        let address = person.address.as_ref().unwrap();
        assert_eq!(address.state.as_ref().map(|s| s.expose()), Some("L***s"));
        assert_eq!(
            address.unknown_fields.get("line1"),
            Some(&json!("12 A*****a Street"))
        );
        let type_info = person.number_type_info.as_ref().unwrap();
        assert_eq!(
            type_info.unknown_fields.get("issuer"),
            Some(&json!("NIBSS"))
        );
        let face = data.face_detail.as_ref().unwrap();
        assert_eq!(
            face.unknown_fields.get("faceAttackType"),
            Some(&Value::Null)
        );
        let input = data.input_parameters.as_ref().unwrap();
        assert_eq!(input.unknown_fields.get("bizId"), Some(&json!("order-1")));
        assert_eq!(
            input.unknown_fields.get("productLevel"),
            Some(&json!("PRO"))
        );
    };
    check(&envelope);

    let normalized = serde_json::to_vec(&envelope).unwrap();
    let out: Value = serde_json::from_slice(&normalized).unwrap();
    assert_eq!(out["requestId"], json!("req-9f1c"));
    assert_eq!(out["data"]["riskLevel"], json!("LOW"));
    assert_eq!(
        out["data"]["docDatabaseDetail"]["ID_NIK"],
        json!("3174********0001")
    );
    assert_eq!(
        out["data"]["docDatabaseDetail"]["numberTypeInfo"]["issuer"],
        json!("NIBSS")
    );
    assert_eq!(
        out["data"]["faceDetail"].get("faceAttackType"),
        Some(&Value::Null),
        "an unknown null is kept, not dropped"
    );
    assert_eq!(out["data"]["inputParameters"]["language"], json!("en-US"));
    // This fixture sends every documented field in its normalized spelling, so nothing at
    // all may change.
    assert_eq!(out, raw_json(&bytes));

    let again = parse_get_result_response(&normalized).unwrap();
    check(&again);
    assert_eq!(again, envelope);

    // Database verification: the envelope, data and person record keep theirs too.
    let bytes = read_fixture("variants/verification_unknown_fields_everywhere.json");
    let envelope = parse_verification_response(&bytes).unwrap();
    let normalized = serde_json::to_vec(&envelope).unwrap();
    let again = parse_verification_response(&normalized).unwrap();
    assert_eq!(again, envelope);
    let out: Value = serde_json::from_slice(&normalized).unwrap();
    assert_eq!(out["billing"], json!({ "charged": true }));
    assert_eq!(out["data"]["matchScore"], json!(97.5));
    assert_eq!(
        out["data"]["docDatabaseDetail"]["stateOfOrigin"],
        json!("L***s")
    );
    assert_eq!(
        out["data"]["docDatabaseDetail"].get("photo"),
        Some(&Value::Null)
    );
    let data = again.data.unwrap();
    assert_eq!(data.unknown_fields.get("matchScore"), Some(&json!(97.5)));
    assert_eq!(
        data.doc_database_detail
            .unwrap()
            .unknown_fields
            .get("stateOfOrigin"),
        Some(&json!("L***s"))
    );

    // The callback too.
    let bytes = read_fixture("variants/callback_unknown_type.json");
    let callback = parse_callback(&bytes).unwrap();
    assert_eq!(
        callback.unknown_fields.get("eventTime"),
        Some(&json!(1_665_997_122_952_u64))
    );
    let normalized = serde_json::to_vec(&callback).unwrap();
    assert_eq!(parse_callback(&normalized).unwrap(), callback);
    assert_eq!(
        serde_json::from_slice::<Value>(&normalized).unwrap(),
        raw_json(&bytes)
    );
}

/// Every string in `value`, at any depth.
fn strings_in(value: &Value, out: &mut BTreeSet<String>) {
    match value {
        Value::String(s) => {
            out.insert(s.clone());
        }
        Value::Array(items) => items.iter().for_each(|v| strings_in(v, out)),
        Value::Object(map) => map.values().for_each(|v| strings_in(v, out)),
        _ => {}
    }
}

/// The values of a fixture that `Debug` must not show: every person value (each string in a
/// `docDatabaseDetail`, unknown fields included, except the `numberTypeInfo` labels), the
/// token, and everything in `extra`.
fn private_values(raw: &Value) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    // A bare `docDatabaseDetail` fixture is the person itself.
    let person = match raw.get("code") {
        Some(_) => raw.pointer("/data/docDatabaseDetail"),
        None if raw.get("numberTypeInfo").is_some() => Some(raw),
        None => None,
    };
    if let Some(person) = person.and_then(Value::as_object) {
        for (key, value) in person {
            if key != "numberTypeInfo" {
                strings_in(value, &mut out);
            }
        }
    }
    // A Generate URL request: the person's number and name.
    for key in ["numberValue", "fullName"] {
        if raw.get("bizId").is_some() {
            if let Some(value) = raw.get(key) {
                strings_in(value, &mut out);
            }
        }
    }
    if let Some(token) = raw.pointer("/data/token") {
        strings_in(token, &mut out);
    }
    if let Some(extra) = raw.get("extra") {
        strings_in(extra, &mut out);
    }
    // Empty and very short values ("", "L") would match unrelated text.
    out.retain(|s| s.chars().count() >= 4);
    out
}

#[test]
fn debug_never_shows_a_person_value() {
    let mut checked = BTreeSet::new();
    for (path, parser) in FIXTURES {
        let bytes = read_fixture(path);
        let private = private_values(&raw_json(&bytes));
        let parsed = parse_as(*parser, &bytes).unwrap();
        for value in &private {
            assert!(
                !parsed.debug.contains(value.as_str()),
                "{path}: Debug shows {value:?}:\n{}",
                parsed.debug
            );
            checked.insert(value.clone());
        }
    }
    // The check is not vacuous: the vendor's masked values were among those looked for.
    for value in [
        "T****E",
        "C****T",
        "I***A",
        "22********4",
        "081******05",
        "1994/07/13",
        "FEMALE",
        "1994-07-13",
        "3174********0001",
        "MATCH",
        "eyJhbGciOiJIUzI1NiJ9.ZXhhbXBsZS10b2tlbg.c2lnbmF0dXJl",
        "TOCHUKWUE",
        // The DocDatabaseDetail examples: masked, partial, unmasked and nested values.
        "1976/**/**",
        "+62*******4455",
        "w*****c@***.com",
        "R**** I**********",
        "078.734.383-84",
        "GLEICIANE RODRIGUES DA SILVA",
        "ALDAIZA RODRIGUES DA SILVA",
        "COMENDADOR EUGENIO CASTRO SILVA",
        "62750000",
        "residential",
        "Regular",
        "pass",
        "fail",
        // The Generate URL request example's numberValue.
        "22841958472",
    ] {
        assert!(checked.contains(value), "{value} was never checked");
    }
}

#[test]
fn debug_never_shows_an_unknown_field_value() {
    // Unknown fields may hold personal data from markets this library does not model:
    // `Debug` shows their keys only, at every level.
    let bytes = read_fixture("variants/get_result_unknown_fields_everywhere.json");
    let debug = parse_as(Parser::GetResult, &bytes).unwrap().debug;
    // (`numberTypeInfo` is inside the person record, whose Debug hides it whole.)
    for key in ["requestId", "riskLevel", "ID_NIK", "faceImageUrl", "bizId"] {
        assert!(debug.contains(key), "Debug hides the key {key}: {debug}");
    }
    for value in [
        "req-9f1c",
        "1700000000000",
        "NATIONAL_ID",
        "3174********0001",
        "A*****a",
        "https://example.com/face",
        "order-1",
        "en-US",
        "NIBSS",
    ] {
        assert!(!debug.contains(value), "Debug shows {value:?}: {debug}");
    }
}

// A callback is not an envelope: its field errors are named by path, never "no code".
#[test]
fn callback_errors_name_the_field_not_a_missing_code() {
    let error = parse_callback(br#"{"signatureId":123,"type":"COMPLETED"}"#).unwrap_err();
    assert_eq!(error.kind(), ParseErrorKind::InvalidField, "{error}");
    assert_eq!(error.path(), Some("signatureId"));

    let error = parse_callback(
        br#"{"signatureId":"f302f5d2454a85c2","type":"COMPLETED","type":"SUBMIT_COMPLETED"}"#,
    )
    .unwrap_err();
    assert_eq!(error.kind(), ParseErrorKind::DuplicateField, "{error}");
}
