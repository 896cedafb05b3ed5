//! The response fixtures and their parsers, shared by `snapshots.rs` (one insta snapshot
//! each) and `fixture_properties.rs` (assertions over all of them).
//!
//! `fixtures/vendor/` holds every response example of the two vendor pages, byte for byte;
//! `fixtures/nondoc/` the examples of `non-doc-flow.md` (Generate URL request, Clear Data
//! answers, and the two examples that are not JSON as printed: the callback body and the
//! India record); `fixtures/variants/` holds shapes we wrote to cover what those examples
//! do not (unknown fields and codes, missing fields, both person-record shapes, pending
//! results, decimal and string scores, the token, Generate URL and callback bodies, a
//! byte-order mark); `fixtures/doc_database_detail/` holds each market's
//! `docDatabaseDetail` example of the DocDatabaseDetail page (non-doc-flow.md §4.7: NGA BVN,
//! IDN NIK, BRA CPF), as given. The page's ARG (DNI) and ZAF (SAID) examples are cut off in
//! every readable version, so they have no fixture: none is invented.

#![allow(dead_code)]

use std::fmt::Debug;
use std::path::PathBuf;

use advanceai_core::{
    Cleared, Envelope, GenerateUrlRequest, ParseError, PersonRecord, parse_callback,
    parse_envelope, parse_generate_url_response, parse_get_result_response, parse_token_response,
    parse_verification_response,
};
use serde::Serialize;
use serde_json::Value;

/// Which parser a fixture is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Parser {
    GetResult,
    Verification,
    Token,
    GenerateUrl,
    Callback,
    /// A bare `docDatabaseDetail` object, parsed as the `data.docDatabaseDetail` of a
    /// Get Result answer (the library's own parse path).
    Person,
    /// A Clear Data answer (`data` always null).
    ClearData,
    /// A Generate URL request body, read as `GenerateUrlRequest`.
    GenerateUrlRequest,
}

/// Calls `$callback!` with every fixture: `test_name => Parser, "path";`. One list: the
/// snapshot tests and the `FIXTURES` table both come from it.
#[macro_export]
macro_rules! with_fixtures {
    ($callback:ident) => {
        $callback! {
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
            // non-doc-flow.md: the Generate URL request example (§2.1, the body of its curl line)
            // and the Clear Data examples (§8), verbatim.
            nondoc_generate_url_request => GenerateUrlRequest, "nondoc/generate_url_request.json";
            nondoc_clear_data_success => ClearData, "nondoc/clear_data_success.json";
            nondoc_clear_data_parameter_error => ClearData, "nondoc/clear_data_parameter_error.json";
        }
    };
}

/// Defines `FIXTURES`, every fixture with its parser.
#[macro_export]
macro_rules! fixture_table {
    ($( $test:ident => $parser:ident, $path:literal; )+) => {
        /// Every fixture, with the parser it is for.
        pub(crate) const FIXTURES: &[(&str, Parser)] = &[ $( ($path, Parser::$parser), )+ ];
    };
}

with_fixtures!(fixture_table);

/// The person record of a bare `docDatabaseDetail` object, parsed as Get Result's.
pub(crate) fn parse_person(bytes: &[u8]) -> Result<PersonRecord, ParseError> {
    let mut body = br#"{"code":"SUCCESS","data":{"docDatabaseDetail":"#.to_vec();
    body.extend_from_slice(bytes);
    body.extend_from_slice(b"}}");
    let data = parse_get_result_response(&body)?.data.expect("data");
    Ok(data.doc_database_detail.expect("docDatabaseDetail"))
}

/// A Clear Data answer, parsed as the client does.
pub(crate) fn parse_clear_data(bytes: &[u8]) -> Result<Envelope<Cleared>, ParseError> {
    parse_envelope(bytes)
}

/// A Generate URL request body. A request is the caller's own JSON, not a vendor answer,
/// so it is read with serde_json directly.
pub(crate) fn parse_generate_url_request(
    bytes: &[u8],
) -> Result<GenerateUrlRequest, serde_json::Error> {
    serde_json::from_slice(bytes)
}

pub(crate) fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

pub(crate) fn read_fixture(path: &str) -> Vec<u8> {
    let full = fixtures_dir().join(path);
    std::fs::read(&full).unwrap_or_else(|e| panic!("cannot read {}: {e}", full.display()))
}

/// The fixture as a `serde_json::Value` (byte-order mark dropped).
pub(crate) fn raw_json(bytes: &[u8]) -> Value {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    serde_json::from_slice(body).unwrap()
}

/// A fixture parsed with its parser, seen through what the assertions need.
pub(crate) struct Parsed {
    /// `Debug` and alternate `Debug` of the parsed value.
    pub(crate) debug: String,
    /// The parsed value serialized with serde_json.
    pub(crate) normalized: Vec<u8>,
    /// The normalized JSON parsed again.
    pub(crate) reparsed_equal: bool,
    /// The normalized JSON of the value parsed again.
    pub(crate) renormalized: Vec<u8>,
}

pub(crate) fn parse_with<T: Serialize + Debug + PartialEq, E>(
    bytes: &[u8],
    parse: fn(&[u8]) -> Result<T, E>,
) -> Result<Parsed, E> {
    let value = parse(bytes)?;
    let normalized = serde_json::to_vec(&value).unwrap();
    let Ok(again) = parse(&normalized) else {
        panic!("the normalized JSON does not parse again");
    };
    Ok(Parsed {
        debug: format!("{value:?}\n{value:#?}"),
        reparsed_equal: again == value,
        renormalized: serde_json::to_vec(&again).unwrap(),
        normalized,
    })
}

/// Parses a fixture with its parser; the error as text (requests fail with serde_json's).
pub(crate) fn parse_as(parser: Parser, bytes: &[u8]) -> Result<Parsed, String> {
    match parser {
        Parser::GetResult => parse_with(bytes, parse_get_result_response).map_err(text),
        Parser::Verification => parse_with(bytes, parse_verification_response).map_err(text),
        Parser::Token => parse_with(bytes, parse_token_response).map_err(text),
        Parser::GenerateUrl => parse_with(bytes, parse_generate_url_response).map_err(text),
        Parser::Callback => parse_with(bytes, parse_callback).map_err(text),
        Parser::Person => parse_with(bytes, parse_person).map_err(text),
        Parser::ClearData => parse_with(bytes, parse_clear_data).map_err(text),
        Parser::GenerateUrlRequest => parse_with(bytes, parse_generate_url_request).map_err(text),
    }
}

fn text(error: impl std::fmt::Display) -> String {
    error.to_string()
}
