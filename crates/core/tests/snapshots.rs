//! Snapshot tests over the response fixtures (listed and described in
//! `common/fixtures.rs`).
//!
//! Each fixture is parsed with its endpoint's parser and gets one snapshot: the parsed value
//! re-serialized (the normalized JSON) and a few facts derived from it (status, verdict,
//! error category). The assertions over every fixture (round trips, unknown fields, `Debug`)
//! are in `fixture_properties.rs`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

#[path = "common/fixtures.rs"]
mod fixtures;

use advanceai_core::{
    CallbackNotification, Envelope, GetResultData, ParseError, PersonRecord, ResultStatus,
    VerificationData, parse_callback, parse_generate_url_response, parse_get_result_response,
    parse_token_response, parse_verification_response,
};
use fixtures::{Parser, parse_clear_data, parse_generate_url_request, parse_person, read_fixture};
use serde::Serialize;
use serde_json::{Value, json};

/// One snapshot test per fixture.
macro_rules! snapshot_tests {
    ($( $test:ident => $parser:ident, $path:literal; )+) => {
        $(
            #[test]
            fn $test() {
                snapshot_fixture($path, Parser::$parser);
            }
        )+
    };
}

with_fixtures!(snapshot_tests);

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
        Parser::ClearData => {
            let envelope = parse_clear_data(&bytes).unwrap_or_else(|e| fail(e));
            let facts = json!({ "envelope": envelope_facts(&envelope) });
            assert_snapshot(path, &name, facts, &envelope);
        }
        Parser::GenerateUrlRequest => {
            let request = parse_generate_url_request(&bytes)
                .unwrap_or_else(|e| panic!("{path} does not parse: {e}"));
            let facts = json!({
                "validate": request.validate().map_err(|e| e.message()),
                "market": request.market().map(|m| [m.region, m.number_type]),
            });
            assert_snapshot(path, &name, facts, &request);
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

// The two examples of non-doc-flow.md that are not JSON as printed (§7: a comment and a
// trailing comma; §4.8: the literal `true/false/null`): kept verbatim, refused with a
// structural error that names where, never a panic and never a half-parsed value.
#[test]
fn nondoc_examples_that_are_not_json_are_refused() {
    let callback = parse_callback(&read_fixture("nondoc/callback_body.txt")).unwrap_err();
    let person = parse_person(&read_fixture("nondoc/get_result_ind_aadhaar_pan.txt")).unwrap_err();
    insta::assert_json_snapshot!(
        "nondoc_examples_not_json",
        json!({
            "callback_body": { "kind": format!("{:?}", callback.kind()), "error": callback.to_string() },
            "get_result_ind_aadhaar_pan": { "kind": format!("{:?}", person.kind()), "error": person.to_string() },
        })
    );
}
