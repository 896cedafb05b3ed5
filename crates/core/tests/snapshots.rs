//! Snapshot tests over response fixtures.
//!
//! `fixtures/vendor/` holds every response example of the two vendor pages, byte for byte;
//! `fixtures/variants/` holds shapes we wrote to cover what those examples do not (unknown
//! fields and codes, missing fields, both person-record shapes, pending results, decimal
//! and string scores, the token, Generate URL and callback bodies, a byte-order mark);
//! `fixtures/doc_database_detail/` holds each market's `docDatabaseDetail` example of the
//! DocDatabaseDetail page (non-doc-flow.md §4.7: NGA BVN, IDN NIK, BRA CPF), as given. The
//! page's ARG (DNI) and ZAF (SAID) examples are cut off in every readable version, so they
//! have no fixture: none is invented.
//!
//! Each fixture is parsed with its endpoint's parser and gets one snapshot: the parsed value
//! re-serialized (the normalized JSON) and a few facts derived from it (status, verdict,
//! error category). Assertions, not snapshots, check that every fixture round-trips, that
//! unknown fields survive, and that `Debug` never shows a person value.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use std::collections::BTreeSet;
use std::fmt::Debug;
use std::path::PathBuf;

use advanceai_core::{
    CallbackNotification, Envelope, GetResultData, ParseError, ParseErrorKind, PersonRecord,
    ResultStatus, VerificationData, parse_callback, parse_generate_url_response,
    parse_get_result_response, parse_token_response, parse_verification_response,
};
use serde::Serialize;
use serde_json::{Value, json};

/// Which endpoint parser a fixture is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Parser {
    GetResult,
    Verification,
    Token,
    GenerateUrl,
    Callback,
    /// A bare `docDatabaseDetail` object, parsed as the `data.docDatabaseDetail` of a
    /// Get Result answer (the library's own parse path).
    Person,
}

macro_rules! fixtures {
    ($( $test:ident => $parser:ident, $path:literal; )+) => {
        /// Every fixture, with the parser it is for.
        const FIXTURES: &[(&str, Parser)] = &[ $( ($path, Parser::$parser), )+ ];

        $(
            #[test]
            fn $test() {
                snapshot_fixture($path, Parser::$parser);
            }
        )+
    };
}

fixtures! {
    // get-result.txt, "Response Examples".
    vendor_get_result_pass_nga_bvn => GetResult, "vendor/get_result_pass_nga_bvn.json";
    vendor_get_result_fail_doc_null => GetResult, "vendor/get_result_fail_doc_null.json";
    vendor_get_result_fail_liveness => GetResult, "vendor/get_result_fail_liveness.json";
    vendor_get_result_fail_name_not_match_idn => GetResult, "vendor/get_result_fail_name_not_match_idn.json";
    vendor_get_result_incomplete => GetResult, "vendor/get_result_incomplete.json";
    vendor_get_result_signature_not_exist => GetResult, "vendor/get_result_signature_not_exist.json";
    vendor_get_result_error => GetResult, "vendor/get_result_error.json";
    // id-number-verification.txt, the PARAMETER_ERROR examples in page order.
    vendor_verification_param_bizid_missing => Verification, "vendor/verification_param_bizid_missing.json";
    vendor_verification_param_bizid_too_long => Verification, "vendor/verification_param_bizid_too_long.json";
    vendor_verification_param_userid_missing => Verification, "vendor/verification_param_userid_missing.json";
    vendor_verification_param_userid_too_long => Verification, "vendor/verification_param_userid_too_long.json";
    vendor_verification_param_region_wrong => Verification, "vendor/verification_param_region_wrong.json";
    vendor_verification_param_number_type_wrong => Verification, "vendor/verification_param_number_type_wrong.json";
    vendor_verification_param_number_type_region_mismatch => Verification, "vendor/verification_param_number_type_region_mismatch.json";
    vendor_verification_param_number_value_invalid => Verification, "vendor/verification_param_number_value_invalid.json";

    // Get Result variants.
    variant_get_result_unknown_fields_everywhere => GetResult, "variants/get_result_unknown_fields_everywhere.json";
    variant_get_result_unknown_code => GetResult, "variants/get_result_unknown_code.json";
    variant_get_result_unknown_error_code => GetResult, "variants/get_result_unknown_error_code.json";
    variant_get_result_unknown_overall_result => GetResult, "variants/get_result_unknown_overall_result.json";
    variant_get_result_missing_always_fields => GetResult, "variants/get_result_missing_always_fields.json";
    variant_get_result_idv_result_only => GetResult, "variants/get_result_idv_result_only.json";
    variant_get_result_fail_without_error_code => GetResult, "variants/get_result_fail_without_error_code.json";
    variant_get_result_data_null_success => GetResult, "variants/get_result_data_null_success.json";
    variant_get_result_data_absent_success => GetResult, "variants/get_result_data_absent_success.json";
    variant_get_result_verification_doc_shape => GetResult, "variants/get_result_verification_doc_shape.json";
    variant_get_result_pending => GetResult, "variants/get_result_pending.json";
    variant_get_result_pending_error_code_empty => GetResult, "variants/get_result_pending_error_code_empty.json";
    variant_get_result_decimal_scores => GetResult, "variants/get_result_decimal_scores.json";
    variant_get_result_string_scores => GetResult, "variants/get_result_string_scores.json";
    variant_get_result_error_extra_object => GetResult, "variants/get_result_error_extra_object.json";
    variant_get_result_utf8_bom => GetResult, "variants/get_result_utf8_bom.json";
    // Database verification variants.
    variant_verification_pass => Verification, "variants/verification_pass.json";
    variant_verification_fail_number_not_exist => Verification, "variants/verification_fail_number_not_exist.json";
    variant_verification_fail_invalid_format => Verification, "variants/verification_fail_invalid_format.json";
    variant_verification_incomplete_error => Verification, "variants/verification_incomplete_error.json";
    variant_verification_get_result_doc_shape => Verification, "variants/verification_get_result_doc_shape.json";
    variant_verification_unknown_fields_everywhere => Verification, "variants/verification_unknown_fields_everywhere.json";
    variant_verification_unknown_overall_result => Verification, "variants/verification_unknown_overall_result.json";
    variant_verification_missing_always_fields => Verification, "variants/verification_missing_always_fields.json";
    variant_verification_code_only => Verification, "variants/verification_code_only.json";
    variant_verification_iam_failed_data_absent => Verification, "variants/verification_iam_failed_data_absent.json";
    // Token, Generate URL, callback.
    variant_token_success => Token, "variants/token_success.json";
    variant_token_expired_time_string => Token, "variants/token_expired_time_string.json";
    variant_token_signature_error => Token, "variants/token_signature_error.json";
    variant_generate_url_with_expired_time => GenerateUrl, "variants/generate_url_with_expired_time.json";
    variant_generate_url_without_expired_time => GenerateUrl, "variants/generate_url_without_expired_time.json";
    variant_callback_completed => Callback, "variants/callback_completed.json";
    variant_callback_submit_completed => Callback, "variants/callback_submit_completed.json";
    variant_callback_unknown_type => Callback, "variants/callback_unknown_type.json";
    // DocDatabaseDetail page, §4.7 examples (ARG and ZAF: not found).
    doc_database_detail_nga_bvn => Person, "doc_database_detail/nga_bvn.json";
    doc_database_detail_idn_nik => Person, "doc_database_detail/idn_nik.json";
    doc_database_detail_bra_cpf => Person, "doc_database_detail/bra_cpf.json";
}

/// The person record of a bare `docDatabaseDetail` object, parsed as Get Result's.
fn parse_person(bytes: &[u8]) -> Result<PersonRecord, ParseError> {
    let mut body = br#"{"code":"SUCCESS","data":{"docDatabaseDetail":"#.to_vec();
    body.extend_from_slice(bytes);
    body.extend_from_slice(b"}}");
    let data = parse_get_result_response(&body)?.data.expect("data");
    Ok(data.doc_database_detail.expect("docDatabaseDetail"))
}

fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn read_fixture(path: &str) -> Vec<u8> {
    let full = fixtures_dir().join(path);
    std::fs::read(&full).unwrap_or_else(|e| panic!("cannot read {}: {e}", full.display()))
}

/// The fixture as a `serde_json::Value` (byte-order mark dropped).
fn raw_json(bytes: &[u8]) -> Value {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    serde_json::from_slice(body).unwrap()
}

// ---------------------------------------------------------------------------------------
// Snapshots
// ---------------------------------------------------------------------------------------

/// What one snapshot holds: facts first (the quick read), then the normalized JSON.
#[derive(Serialize)]
struct Snapshot<'a, T> {
    facts: Value,
    normalized: &'a T,
}

fn snapshot_fixture(path: &str, parser: Parser) {
    let bytes = read_fixture(path);
    let name = path.trim_end_matches(".json").replace('/', "_");
    let fail = |e: ParseError| -> ! { panic!("{path} does not parse: {e}") };
    match parser {
        Parser::GetResult => {
            let envelope = parse_get_result_response(&bytes).unwrap_or_else(|e| fail(e));
            let mut facts = json!({ "envelope": envelope_facts(&envelope) });
            if let Some(data) = &envelope.data {
                facts["data"] = get_result_facts(data);
            }
            assert_snapshot(path, &name, facts, &envelope);
        }
        Parser::Verification => {
            let envelope = parse_verification_response(&bytes).unwrap_or_else(|e| fail(e));
            let mut facts = json!({ "envelope": envelope_facts(&envelope) });
            if let Some(data) = &envelope.data {
                facts["data"] = verification_facts(data);
            }
            assert_snapshot(path, &name, facts, &envelope);
        }
        Parser::Token => {
            let envelope = parse_token_response(&bytes).unwrap_or_else(|e| fail(e));
            let facts = json!({ "envelope": envelope_facts(&envelope) });
            assert_snapshot(path, &name, facts, &envelope);
        }
        Parser::GenerateUrl => {
            let envelope = parse_generate_url_response(&bytes).unwrap_or_else(|e| fail(e));
            let facts = json!({ "envelope": envelope_facts(&envelope) });
            assert_snapshot(path, &name, facts, &envelope);
        }
        Parser::Callback => {
            let callback = parse_callback(&bytes).unwrap_or_else(|e| fail(e));
            let facts = callback_facts(&callback);
            assert_snapshot(path, &name, facts, &callback);
        }
        Parser::Person => {
            let person = parse_person(&bytes).unwrap_or_else(|e| fail(e));
            assert_snapshot(path, &name, person_facts(&person), &person);
        }
    }
}

fn assert_snapshot<T: Serialize>(path: &str, name: &str, facts: Value, normalized: &T) {
    let snapshot = Snapshot { facts, normalized };
    insta::with_settings!({
        description => format!("fixtures/{path}"),
        omit_expression => true,
    }, {
        insta::assert_json_snapshot!(name, snapshot);
    });
}

fn envelope_facts<T: Clone>(envelope: &Envelope<T>) -> Value {
    let into_data = match envelope.clone().into_data() {
        Ok(_) => "ok".to_owned(),
        Err(error) => format!("error: {error}"),
    };
    json!({
        "code": envelope.code.as_str(),
        "codeIsUnknown": envelope.code.is_unknown(),
        "isSuccess": envelope.is_success(),
        "isTransient": envelope.code.is_transient(),
        "intoData": into_data,
    })
}

fn get_result_facts(data: &GetResultData) -> Value {
    let status = match data.status() {
        ResultStatus::Pending => json!("pending"),
        ResultStatus::Final {
            overall_result,
            error_code,
        } => json!({
            "final": {
                "overallResult": overall_result.as_str(),
                "errorCode": error_code.as_str(),
            }
        }),
        other => json!(format!("{other:?}")),
    };
    json!({
        "isFinal": data.is_final(),
        "status": status,
        "passed": data.passed(),
        "errorCategory": data.error_code.as_ref().map(|c| c.category().as_str()),
        "birthdayDate": birthday_date(data.doc_database_detail.as_ref()),
    })
}

fn verification_facts(data: &VerificationData) -> Value {
    json!({
        "passed": data.passed(),
        "errorCategory": data.error_code.as_ref().map(|c| c.category().as_str()),
        "birthdayDate": birthday_date(data.doc_database_detail.as_ref()),
    })
}

fn callback_facts(callback: &CallbackNotification) -> Value {
    json!({
        "kind": callback.kind.as_ref().map(|k| k.as_str()),
        "kindIsUnknown": callback.kind.as_ref().map(|k| k.is_unknown()),
    })
}

/// What the typed record makes of a market's example.
fn person_facts(person: &PersonRecord) -> Value {
    let check = |c: &Option<advanceai_core::CheckResult>| {
        c.as_ref()
            .map(|c| json!({"value": c.as_str(), "isUnknown": c.is_unknown()}))
    };
    let verification = person.verification.as_ref().map(|v| {
        json!({
            "numberValue": check(&v.number_value),
            "fullName": check(&v.full_name),
            "dob": check(&v.dob),
            "face": check(&v.face),
        })
    });
    json!({
        "numberType": person.number_type_info.as_ref().and_then(|i| i.number_type.clone()),
        "birthdayDate": birthday_date(Some(person)),
        "cpfStatus": person.cpf_status.as_ref().map(|c| json!({"value": c.as_str(), "isUnknown": c.is_unknown()})),
        "verification": verification,
        "addressKeys": person.address.as_ref().map(|a| {
            serde_json::to_value(a).unwrap().as_object().unwrap().keys().cloned().collect::<Vec<_>>()
        }),
        "unknownFields": person.unknown_fields.iter().map(|(k, _)| k.clone()).collect::<Vec<_>>(),
    })
}

/// The birthday as a calendar date (`Birthday::date`), when the record has a parsable one.
fn birthday_date(person: Option<&PersonRecord>) -> Option<String> {
    person
        .and_then(|p| p.birthday.as_ref())
        .and_then(|b| b.date())
        .map(|d| d.to_string())
}

// ---------------------------------------------------------------------------------------
// Assertions over every fixture
// ---------------------------------------------------------------------------------------

/// A fixture parsed with its parser, seen through what the assertions need.
struct Parsed {
    /// `Debug` and alternate `Debug` of the parsed value.
    debug: String,
    /// The parsed value serialized with serde_json.
    normalized: Vec<u8>,
    /// The normalized JSON parsed again.
    reparsed_equal: bool,
    /// The normalized JSON of the value parsed again.
    renormalized: Vec<u8>,
}

fn parse_with<T: Serialize + Debug + PartialEq>(
    bytes: &[u8],
    parse: fn(&[u8]) -> Result<T, ParseError>,
) -> Result<Parsed, ParseError> {
    let value = parse(bytes)?;
    let normalized = serde_json::to_vec(&value).unwrap();
    let again = parse(&normalized).unwrap();
    Ok(Parsed {
        debug: format!("{value:?}\n{value:#?}"),
        reparsed_equal: again == value,
        renormalized: serde_json::to_vec(&again).unwrap(),
        normalized,
    })
}

fn parse_as(parser: Parser, bytes: &[u8]) -> Result<Parsed, ParseError> {
    match parser {
        Parser::GetResult => parse_with(bytes, parse_get_result_response),
        Parser::Verification => parse_with(bytes, parse_verification_response),
        Parser::Token => parse_with(bytes, parse_token_response),
        Parser::GenerateUrl => parse_with(bytes, parse_generate_url_response),
        Parser::Callback => parse_with(bytes, parse_callback),
        Parser::Person => parse_with(bytes, parse_person),
    }
}

#[test]
fn every_fixture_file_has_a_test() {
    let listed: BTreeSet<String> = FIXTURES.iter().map(|(p, _)| (*p).to_owned()).collect();
    assert_eq!(listed.len(), FIXTURES.len(), "a fixture is listed twice");
    let mut on_disk = BTreeSet::new();
    for dir in ["vendor", "variants", "doc_database_detail"] {
        for entry in std::fs::read_dir(fixtures_dir().join(dir)).unwrap() {
            let name = entry.unwrap().file_name().into_string().unwrap();
            on_disk.insert(format!("{dir}/{name}"));
        }
    }
    assert_eq!(on_disk, listed);
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
