//! Property tests of response parsing.
//!
//! (a) Whatever bytes arrive, no parser panics, and a parse error never carries the body's
//!     text (a response may hold personal data, and the error ends up in logs).
//! (b) Every typed value survives serialization and parsing unchanged.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use std::fmt::Debug;

use advanceai_core::{
    Birthday, CallbackNotification, CallbackType, Envelope, EpochMillis, ErrorCode, FaceDetail,
    FaceResult, Gender, GenerateUrlData, GetResultData, InputParameters, NumberTypeInfo,
    OverallResult, ParseError, ParseErrorKind, PersonRecord, Pii, ResponseCode, Score, Secret,
    TokenData, TokenValue, UnknownFields, VerificationData, parse_callback, parse_envelope,
    parse_generate_url_response, parse_get_result_response, parse_token_response,
    parse_verification_response,
};
use proptest::prelude::*;
use proptest::sample::{Index, select};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

// ---------------------------------------------------------------------------------------
// Vocabulary.
// ---------------------------------------------------------------------------------------

const ENVELOPE_FIELDS: &[&str] = Envelope::<()>::FIELDS;

/// Wire names the JSON generators draw keys from, so that generated objects reach the typed
/// fields and not only `unknown_fields`.
const WIRE_KEYS: &[&str] = &[
    "code",
    "message",
    "data",
    "extra",
    "transactionId",
    "pricingStrategy",
    "signatureId",
    "overallResult",
    "errorCode",
    "submissionCompleted",
    "idvResult",
    "docDatabaseDetail",
    "faceDetail",
    "faceResult",
    "faceLivenessScore",
    "faceSimilarityScore",
    "inputParameters",
    "countryCodeIso3",
    "firstName",
    "lastName",
    "birthday",
    "gender",
    "numberTypeInfo",
    "numberType",
    "region",
    "token",
    "expiredTime",
    "url",
    "type",
];

/// Every documented field name of every record: the only words a parse error's path may
/// contain (core's list).
fn documented_names() -> Vec<&'static str> {
    advanceai_core::documented_field_names()
}

/// Every text a parse error is made of, apart from numbers.
fn error_vocabulary() -> String {
    let kinds = [
        ParseErrorKind::Empty,
        ParseErrorKind::NotJson,
        ParseErrorKind::Truncated,
        ParseErrorKind::Syntax,
        ParseErrorKind::NotAnObject,
        ParseErrorKind::MissingCode,
        ParseErrorKind::DuplicateField,
        ParseErrorKind::InvalidField,
    ];
    let mut text: Vec<String> = kinds.iter().map(ToString::to_string).collect();
    text.push(documented_names().join("."));
    text.push(" (line , column , at ``)".to_owned());
    text.join("\n")
}

// ---------------------------------------------------------------------------------------
// Arbitrary JSON.
// ---------------------------------------------------------------------------------------

fn text() -> BoxedStrategy<String> {
    prop_oneof![
        4 => "[A-Za-z0-9 _.-]{0,16}",
        2 => ".{0,12}",
        1 => "[0-9]{1,14}",
        1 => select(&[
            "SUCCESS", "PARAMETER_ERROR", "PASS", "FAIL", "INCOMPLETE", "", "Male", "FEMALE",
            "1994/07/13", "1994-07-13", "99", "82.5", "COMPLETED", "FREE", "T****E",
            "22********4",
        ][..])
        .prop_map(str::to_owned),
    ]
    .boxed()
}

fn key() -> BoxedStrategy<String> {
    prop_oneof![
        3 => select(WIRE_KEYS).prop_map(str::to_owned),
        1 => "[a-zA-Z]{1,10}",
        1 => ".{0,8}",
    ]
    .boxed()
}

/// Any finite `f64`, including ones with 17 significant digits.
fn finite_f64() -> BoxedStrategy<f64> {
    prop_oneof![
        (0u8..=100).prop_map(f64::from),
        0.0f64..100.0,
        any::<f64>().prop_filter("finite", |f| f.is_finite()),
    ]
    .boxed()
}

/// Numbers as a server writes them: integers and decimals of at most 15 significant digits.
///
/// `serde_json` without its `float_roundtrip` feature (this crate does not enable it) parses
/// a decimal with 16 or 17 significant digits to a neighbour of the `f64` that printed it;
/// [`any_finite_score_round_trips`] and [`any_finite_unknown_number_round_trips`] cover
/// that case on their own.
fn exact_f64() -> BoxedStrategy<f64> {
    prop_oneof![
        (0u8..=100).prop_map(f64::from),
        (-1_000_000_000i64..1_000_000_000).prop_map(|n| n as f64 / 100.0),
        (-1_000_000i32..1_000_000).prop_map(|n| f64::from(n) / 8.0),
        (-1_000_000i32..1_000_000, -20i32..=20).prop_map(|(n, e)| f64::from(n) * 10f64.powi(e)),
    ]
    .prop_filter("15 significant digits", |f| {
        let shortest = format!("{:e}", f);
        shortest
            .split('e')
            .next()
            .is_some_and(|m| m.bytes().filter(u8::is_ascii_digit).count() <= 15)
    })
    .boxed()
}

fn json_leaf(floats: BoxedStrategy<f64>) -> BoxedStrategy<Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        floats.prop_map(Value::from),
        text().prop_map(Value::String),
    ]
    .boxed()
}

fn json_value_with(floats: BoxedStrategy<f64>) -> BoxedStrategy<Value> {
    json_leaf(floats)
        .prop_recursive(4, 48, 6, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                proptest::collection::vec((key(), inner), 0..6)
                    .prop_map(|pairs| Value::Object(pairs.into_iter().collect::<Map<_, _>>())),
            ]
        })
        .boxed()
}

/// Arbitrary JSON, with any finite number.
fn json_value() -> BoxedStrategy<Value> {
    json_value_with(finite_f64())
}

/// Arbitrary JSON whose numbers survive a text round trip (see [`exact_f64`]).
fn json_value_exact() -> BoxedStrategy<Value> {
    json_value_with(exact_f64())
}

/// An object as text, written pair by pair so that a key may appear twice.
fn object_text(pairs: &[(String, Value)]) -> String {
    object_text_spelling_code(pairs, "\"code\"")
}

/// [`object_text`], with the key `code` written as `code_key` (which may use escapes).
fn object_text_spelling_code(pairs: &[(String, Value)], code_key: &str) -> String {
    let body: Vec<String> = pairs
        .iter()
        .map(|(k, v)| {
            let key = if k == "code" {
                code_key.to_owned()
            } else {
                Value::from(k.as_str()).to_string()
            };
            format!("{key}:{v}")
        })
        .collect();
    format!("{{{}}}", body.join(","))
}

/// A JSON object (as text) with a string `code` somewhere among its pairs (its key
/// sometimes spelled with escapes, `"\u0063ode"`).
fn object_with_code(
    values: BoxedStrategy<Value>,
) -> impl Strategy<Value = (String, Vec<(String, Value)>)> {
    (
        text(),
        proptest::collection::vec((key(), values), 0..8),
        any::<Index>(),
        select(
            &[
                r#""code""#,
                r#""code""#,
                r#""code""#,
                r#""\u0063ode""#,
                r#""co\u0064e""#,
            ][..],
        ),
    )
        .prop_map(|(code, mut pairs, at, code_key)| {
            let at = at.index(pairs.len() + 1);
            pairs.insert(at, ("code".to_owned(), Value::String(code)));
            (object_text_spelling_code(&pairs, code_key), pairs)
        })
}

/// Every string (value or key) anywhere in `value`.
fn strings_in(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(s) => out.push(s.clone()),
        Value::Array(items) => items.iter().for_each(|v| strings_in(v, out)),
        Value::Object(map) => {
            for (k, v) in map {
                out.push(k.clone());
                strings_in(v, out);
            }
        }
        _ => {}
    }
}

// ---------------------------------------------------------------------------------------
// Feeding every parser.
// ---------------------------------------------------------------------------------------

/// Runs every parser on `bytes`; returns the errors, named by parser. Panics propagate.
fn all_parsers(bytes: &[u8]) -> Vec<(&'static str, bool, Result<(), ParseError>)> {
    vec![
        (
            "get_result",
            true,
            parse_get_result_response(bytes).map(drop),
        ),
        (
            "verification",
            true,
            parse_verification_response(bytes).map(drop),
        ),
        ("token", true, parse_token_response(bytes).map(drop)),
        (
            "generate_url",
            true,
            parse_generate_url_response(bytes).map(drop),
        ),
        (
            "envelope<Value>",
            true,
            parse_envelope::<Value>(bytes).map(drop),
        ),
        ("callback", false, parse_callback(bytes).map(drop)),
    ]
}

/// The error's `Display` is its kind, position and a path of documented names, nothing else;
/// and none of the input's strings longer than 3 characters shows in it (unless the string
/// is itself a word of the error's fixed vocabulary).
fn check_error_is_clean(
    parser: &str,
    error: &ParseError,
    input_strings: &[String],
    names: &[&str],
    vocabulary: &str,
) -> Result<(), TestCaseError> {
    let shown = error.to_string();
    let suffix = error
        .path()
        .map(|p| format!(", at `{p}`"))
        .unwrap_or_default();
    let expected = format!(
        "{} (line {}, column {}{suffix})",
        error.kind(),
        error.line(),
        error.column()
    );
    prop_assert_eq!(&shown, &expected, "{} error", parser);
    if let Some(path) = error.path() {
        for segment in path.split('.') {
            prop_assert!(
                names.contains(&segment),
                "{} error path {:?} has an undocumented segment {:?}",
                parser,
                path,
                segment
            );
        }
    }
    for s in input_strings {
        if s.chars().count() > 3 && shown.contains(s.as_str()) {
            let harmless = vocabulary.contains(s.as_str()) || s.bytes().all(|b| b.is_ascii_digit());
            prop_assert!(
                harmless,
                "{} error {:?} shows input text {:?}",
                parser,
                shown,
                s
            );
        }
    }
    Ok(())
}

fn check_all_parsers(bytes: &[u8], input_strings: &[String]) -> Result<(), TestCaseError> {
    let names = documented_names();
    let vocabulary = error_vocabulary();
    for (parser, _, result) in all_parsers(bytes) {
        if let Err(error) = result {
            check_error_is_clean(parser, &error, input_strings, &names, &vocabulary)?;
        }
    }
    Ok(())
}

/// Optionally a UTF-8 byte-order mark, which the parsers skip.
fn maybe_bom() -> impl Strategy<Value = &'static [u8]> {
    prop_oneof![4 => Just(&b""[..]), 1 => Just(&b"\xEF\xBB\xBF"[..])]
}

fn with_prefix(prefix: &[u8], text: &[u8]) -> Vec<u8> {
    [prefix, text].concat()
}

// ---------------------------------------------------------------------------------------
// Typed values (used by (a)'s mutations and by (b)).
// ---------------------------------------------------------------------------------------

fn opt<S: Strategy>(s: S) -> impl Strategy<Value = Option<S::Value>>
where
    S::Value: Debug,
{
    proptest::option::weighted(0.7, s)
}

fn pii() -> BoxedStrategy<Pii> {
    text().prop_map(Pii::new).boxed()
}

/// Unknown fields whose keys are none of `documented`.
fn unknown_fields(documented: &'static [&'static str]) -> BoxedStrategy<UnknownFields> {
    proptest::collection::vec(
        (
            key().prop_filter("undocumented", move |k| !documented.contains(&k.as_str())),
            json_value_exact(),
        ),
        0..4,
    )
    .prop_map(|pairs| pairs.into_iter().collect())
    .boxed()
}

/// A known value or `Unknown(s)` with `s` not a known wire value (nor otherwise parsed as a
/// known one, per `parses_as_known`).
fn wire_enum<T: Clone + Debug + 'static>(
    known: &'static [T],
    unknown: fn(String) -> T,
    parses_as_known: fn(&str) -> bool,
) -> BoxedStrategy<T> {
    prop_oneof![
        3 => select(known),
        1 => text()
            .prop_filter("a known wire value", move |s| !parses_as_known(s))
            .prop_map(unknown),
    ]
    .boxed()
}

fn overall_result() -> BoxedStrategy<OverallResult> {
    wire_enum(OverallResult::KNOWN, OverallResult::Unknown, |s| {
        OverallResult::KNOWN.iter().any(|k| k.as_str() == s)
    })
    .boxed()
}

fn error_code() -> BoxedStrategy<ErrorCode> {
    // `""` is database verification's spelling of SUCCESS.
    wire_enum(ErrorCode::KNOWN, ErrorCode::Unknown, |s| {
        s.is_empty() || ErrorCode::KNOWN.iter().any(|k| k.as_str() == s)
    })
    .boxed()
}

fn gender() -> BoxedStrategy<Gender> {
    // Gender is parsed in any ASCII case.
    wire_enum(Gender::KNOWN, Gender::Unknown, |s| {
        s.eq_ignore_ascii_case("MALE") || s.eq_ignore_ascii_case("FEMALE")
    })
    .boxed()
}

fn response_code() -> BoxedStrategy<ResponseCode> {
    wire_enum(ResponseCode::KNOWN, ResponseCode::Unknown, |s| {
        ResponseCode::KNOWN.iter().any(|k| k.as_str() == s)
    })
    .boxed()
}

fn face_result() -> BoxedStrategy<FaceResult> {
    wire_enum(FaceResult::KNOWN, FaceResult::Unknown, |s| {
        FaceResult::KNOWN.iter().any(|k| k.as_str() == s)
    })
    .boxed()
}

fn callback_type() -> BoxedStrategy<CallbackType> {
    wire_enum(CallbackType::KNOWN, CallbackType::Unknown, |s| {
        CallbackType::KNOWN.iter().any(|k| k.as_str() == s)
    })
    .boxed()
}

/// A score as the vendor sends them: integers and short decimals.
fn realistic_score() -> BoxedStrategy<Score> {
    prop_oneof![
        (0u8..=100).prop_map(f64::from),
        (0u32..=10_000).prop_map(|n| f64::from(n) / 100.0),
        (-1_000_000i32..1_000_000).prop_map(|n| f64::from(n) / 8.0),
    ]
    .prop_filter_map("finite", Score::new)
    .boxed()
}

fn number_type_info() -> BoxedStrategy<NumberTypeInfo> {
    (
        opt(text()),
        opt(text()),
        unknown_fields(NumberTypeInfo::FIELDS),
    )
        .prop_map(|(number_type, region, unknown)| {
            let mut info = NumberTypeInfo::default();
            info.number_type = number_type;
            info.region = region;
            info.unknown_fields = unknown;
            info
        })
        .boxed()
}

fn person_record() -> BoxedStrategy<PersonRecord> {
    (
        (opt(pii()), opt(pii()), opt(pii()), opt(gender())),
        (opt(text().prop_map(Birthday::new)), opt(pii()), opt(pii())),
        (opt(pii()), opt(pii()), opt(pii()), opt(number_type_info())),
        unknown_fields(PersonRecord::FIELDS),
    )
        .prop_map(
            |((first, middle, last, gender), (birthday, phone, phone1), rest, unknown)| {
                let (phone2, bvn, number_value, number_type_info) = rest;
                let mut person = PersonRecord::default();
                person.first_name = first;
                person.middle_name = middle;
                person.last_name = last;
                person.gender = gender;
                person.birthday = birthday;
                person.phone_number = phone;
                person.phone_number1 = phone1;
                person.phone_number2 = phone2;
                person.bvn = bvn;
                person.number_value = number_value;
                person.number_type_info = number_type_info;
                person.unknown_fields = unknown;
                person
            },
        )
        .boxed()
}

fn face_detail_with(score: BoxedStrategy<Score>) -> BoxedStrategy<FaceDetail> {
    (
        opt(face_result()),
        opt(score.clone()),
        opt(score),
        unknown_fields(FaceDetail::FIELDS),
    )
        .prop_map(|(result, liveness, similarity, unknown)| {
            let mut face = FaceDetail::default();
            face.face_result = result;
            face.face_liveness_score = liveness;
            face.face_similarity_score = similarity;
            face.unknown_fields = unknown;
            face
        })
        .boxed()
}

fn face_detail() -> impl Strategy<Value = FaceDetail> {
    face_detail_with(realistic_score().boxed())
}

fn input_parameters() -> BoxedStrategy<InputParameters> {
    (
        opt(text()),
        opt(text()),
        unknown_fields(InputParameters::FIELDS),
    )
        .prop_map(|(region, number_type, unknown)| {
            let mut input = InputParameters::default();
            input.region = region;
            input.number_type = number_type;
            input.unknown_fields = unknown;
            input
        })
        .boxed()
}

fn get_result_data() -> BoxedStrategy<GetResultData> {
    (
        (opt(text()), opt(overall_result()), opt(any::<bool>())),
        (
            opt(overall_result()),
            opt(error_code()),
            opt(person_record()),
        ),
        (opt(face_detail()), opt(input_parameters()), opt(text())),
        unknown_fields(GetResultData::FIELDS),
    )
        .prop_map(|(a, b, c, unknown)| {
            let mut data = GetResultData::default();
            (
                data.signature_id,
                data.overall_result,
                data.submission_completed,
            ) = a;
            (data.idv_result, data.error_code, data.doc_database_detail) = b;
            (
                data.face_detail,
                data.input_parameters,
                data.country_code_iso3,
            ) = c;
            data.unknown_fields = unknown;
            data
        })
        .boxed()
}

fn verification_data() -> BoxedStrategy<VerificationData> {
    (
        opt(text()),
        opt(overall_result()),
        opt(error_code()),
        opt(person_record()),
        unknown_fields(VerificationData::FIELDS),
    )
        .prop_map(|(signature_id, overall, error_code, person, unknown)| {
            let mut data = VerificationData::default();
            data.signature_id = signature_id;
            data.overall_result = overall;
            data.error_code = error_code;
            data.doc_database_detail = person;
            data.unknown_fields = unknown;
            data
        })
        .boxed()
}

fn token_data() -> BoxedStrategy<TokenData> {
    (
        opt(text().prop_map(|t| TokenValue(Secret::new(t)))),
        opt(any::<u64>().prop_map(EpochMillis)),
        unknown_fields(TokenData::FIELDS),
    )
        .prop_map(|(token, expired, unknown)| {
            let mut data = TokenData::default();
            data.token = token;
            data.expired_time = expired;
            data.unknown_fields = unknown;
            data
        })
        .boxed()
}

fn generate_url_data() -> BoxedStrategy<GenerateUrlData> {
    (
        opt(text()),
        opt(text()),
        opt(any::<u64>().prop_map(EpochMillis)),
        unknown_fields(GenerateUrlData::FIELDS),
    )
        .prop_map(|(signature_id, url, expired, unknown)| {
            let mut data = GenerateUrlData::default();
            data.signature_id = signature_id;
            data.url = url;
            data.expired_time = expired;
            data.unknown_fields = unknown;
            data
        })
        .boxed()
}

fn callback_notification() -> BoxedStrategy<CallbackNotification> {
    (
        opt(text()),
        opt(callback_type()),
        unknown_fields(CallbackNotification::FIELDS),
    )
        .prop_map(|(signature_id, kind, unknown)| {
            let mut callback = CallbackNotification::default();
            callback.signature_id = signature_id;
            callback.kind = kind;
            callback.unknown_fields = unknown;
            callback
        })
        .boxed()
}

/// An envelope around `data`. `extra` is never `Some(null)`: the envelope reads a `null`
/// `extra` as absent, so that value has no JSON spelling of its own.
fn envelope<T: Debug + Clone + 'static>(
    data: impl Strategy<Value = T> + 'static,
) -> BoxedStrategy<Envelope<T>> {
    (
        response_code(),
        opt(text()),
        opt(data),
        opt(json_value_exact().prop_filter("not null", |v| !v.is_null())),
        (opt(text()), opt(text())),
        unknown_fields(ENVELOPE_FIELDS),
    )
        .prop_map(
            |(code, message, data, extra, (transaction_id, pricing), unknown)| {
                let mut envelope = Envelope::new(code);
                envelope.message = message;
                envelope.data = data;
                envelope.extra = extra;
                envelope.transaction_id = transaction_id;
                envelope.pricing_strategy = pricing;
                envelope.unknown_fields = unknown;
                envelope
            },
        )
        .boxed()
}

// ---------------------------------------------------------------------------------------
// (a) Never a panic, never a leak.
// ---------------------------------------------------------------------------------------

/// Bytes: anything, anything after a `{`, or a soup of JSON's own characters.
fn arbitrary_bytes() -> BoxedStrategy<Vec<u8>> {
    const JSON_SOUP: &[u8] =
        b"{}[]\":,.0123456789-+eEtrufalsn\\/u \t\r\nabc\xEF\xBB\xBF\xC3\xA9\xFF";
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..512),
        proptest::collection::vec(any::<u8>(), 0..256).prop_map(|rest| [&b"{"[..], &rest].concat()),
        proptest::collection::vec(select(JSON_SOUP), 0..128),
        proptest::collection::vec(select(JSON_SOUP), 0..64).prop_map(|rest| [
            &br#"{"code":"SUCCESS","data":"#[..],
            &rest
        ]
        .concat()),
    ]
    .boxed()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]

    #[test]
    fn arbitrary_bytes_never_panic_and_errors_are_structural(bytes in arbitrary_bytes()) {
        // Strings of the input: its runs of printable text.
        let lossy = String::from_utf8_lossy(&bytes);
        let runs: Vec<String> = lossy
            .split(|c: char| c.is_control() || c == '\u{FFFD}' || c == '"')
            .filter(|s| s.chars().count() > 3)
            .map(str::to_owned)
            .collect();
        check_all_parsers(&bytes, &runs)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_json_never_panics_nor_leaks(value in json_value(), bom in maybe_bom()) {
        let bytes = with_prefix(bom, &serde_json::to_vec(&value).unwrap());
        let mut strings = Vec::new();
        strings_in(&value, &mut strings);
        check_all_parsers(&bytes, &strings)?;
    }

    #[test]
    fn an_object_with_a_string_code_is_never_missing_its_code(
        (body, pairs) in object_with_code(json_value()),
        bom in maybe_bom(),
    ) {
        let bytes = with_prefix(bom, body.as_bytes());
        let mut strings = Vec::new();
        for (k, v) in &pairs {
            strings.push(k.clone());
            strings_in(v, &mut strings);
        }
        check_all_parsers(&bytes, &strings)?;
        for (parser, is_envelope, result) in all_parsers(&bytes) {
            if let (true, Err(error)) = (is_envelope, result) {
                prop_assert_ne!(error.kind(), ParseErrorKind::MissingCode, "{}", parser);
            }
        }
    }

    #[test]
    fn an_object_without_code_is_missing_its_code(
        pairs in proptest::collection::vec(
            (key().prop_filter("not code", |k| k != "code"), json_value()), 0..8),
    ) {
        // Only when nothing else is wrong first: a duplicate or mistyped documented field is
        // reported as such, so keep the envelope's other fields well-typed and single.
        let pairs: Vec<(String, Value)> = pairs
            .into_iter()
            .filter(|(k, _)| !ENVELOPE_FIELDS.contains(&k.as_str()))
            .collect();
        let body = object_text(&pairs);
        for (parser, is_envelope, result) in all_parsers(body.as_bytes()) {
            if is_envelope {
                prop_assert_eq!(
                    result.map_err(|e| e.kind()),
                    Err(ParseErrorKind::MissingCode),
                    "{}",
                    parser
                );
            }
        }
    }

    /// Trailing data after a complete object is `Syntax` (as after an envelope with a
    /// `code`), or `MissingCode` when the object has no `code`; never `InvalidField`, which
    /// says a documented field has a value of the wrong type and names it by its path.
    #[test]
    fn trailing_data_after_an_object_is_not_a_mistyped_field(
        pairs in proptest::collection::vec(
            (key().prop_filter("not code", |k| k != "code"), json_value()), 0..4),
        with_code in any::<bool>(),
        trailing in "[a-z\\]},:\"{\\[]{1,4}",
    ) {
        // No documented field at all, so that none can be mistyped.
        let mut pairs: Vec<(String, Value)> = pairs
            .into_iter()
            .filter(|(k, _)| {
                !ENVELOPE_FIELDS.contains(&k.as_str())
                    && !CallbackNotification::FIELDS.contains(&k.as_str())
            })
            .collect();
        if with_code {
            pairs.push(("code".to_owned(), Value::from("SUCCESS")));
        }
        let body = format!("{}{trailing}", object_text(&pairs));
        for (parser, is_envelope, result) in all_parsers(body.as_bytes()) {
            let error = result.unwrap_err();
            let expected: &[ParseErrorKind] = if is_envelope && !with_code {
                &[ParseErrorKind::Syntax, ParseErrorKind::MissingCode]
            } else {
                &[ParseErrorKind::Syntax]
            };
            prop_assert!(
                expected.contains(&error.kind()),
                "{} on {:?}: {:?} ({})",
                parser,
                body,
                error.kind(),
                error
            );
        }
    }

    #[test]
    fn a_top_level_non_object_is_not_an_object(
        value in json_value().prop_filter("not an object", |v| !v.is_object()),
        bom in maybe_bom(),
        space in "[ \t\r\n]{0,3}",
    ) {
        let bytes = with_prefix(bom, format!("{space}{value}{space}").as_bytes());
        let mut strings = Vec::new();
        strings_in(&value, &mut strings);
        check_all_parsers(&bytes, &strings)?;
        for (parser, _, result) in all_parsers(&bytes) {
            prop_assert_eq!(
                result.map_err(|e| e.kind()),
                Err(ParseErrorKind::NotAnObject),
                "{} on {}",
                parser,
                value
            );
        }
    }

    #[test]
    fn a_top_level_array_is_not_an_object(
        items in proptest::collection::vec(json_value(), 0..5),
    ) {
        let bytes = serde_json::to_vec(&Value::Array(items)).unwrap();
        for (parser, _, result) in all_parsers(&bytes) {
            prop_assert_eq!(
                result.map_err(|e| e.kind()),
                Err(ParseErrorKind::NotAnObject),
                "{}",
                parser
            );
        }
    }

    #[test]
    fn empty_or_whitespace_is_empty(bom in maybe_bom(), space in "[ \t\r\n]{0,16}") {
        let bytes = with_prefix(bom, space.as_bytes());
        for (parser, _, result) in all_parsers(&bytes) {
            let error = result.unwrap_err();
            prop_assert_eq!(error.kind(), ParseErrorKind::Empty, "{}", parser);
            prop_assert_eq!((error.line(), error.column(), error.path()), (0, 0, None));
        }
    }

    #[test]
    fn a_truncated_envelope_is_truncated(
        envelope in envelope(get_result_data()),
        cut in any::<Index>(),
        bom in maybe_bom(),
    ) {
        let full = serde_json::to_vec(&envelope).unwrap();
        // A strict, non-empty prefix.
        let cut = 1 + cut.index(full.len() - 1);
        let bytes = with_prefix(bom, &full[..cut]);
        let mut strings = Vec::new();
        strings_in(&serde_json::to_value(&envelope).unwrap(), &mut strings);
        check_all_parsers(&bytes, &strings)?;
        for result in [
            parse_get_result_response(&bytes).map(drop),
            parse_envelope::<Value>(&bytes).map(drop),
        ] {
            prop_assert_eq!(result.map_err(|e| e.kind()), Err(ParseErrorKind::Truncated));
        }
    }

    #[test]
    fn a_damaged_envelope_never_panics_nor_leaks(
        envelope in prop_oneof![
            envelope(get_result_data()).prop_map(|e| serde_json::to_value(e).unwrap()),
            envelope(verification_data()).prop_map(|e| serde_json::to_value(e).unwrap()),
            envelope(token_data()).prop_map(|e| serde_json::to_value(e).unwrap()),
            envelope(generate_url_data()).prop_map(|e| serde_json::to_value(e).unwrap()),
            callback_notification().prop_map(|c| serde_json::to_value(c).unwrap()),
        ],
        at in any::<Index>(),
        flip in 1u8..=255,
        truncate in any::<bool>(),
    ) {
        let mut bytes = serde_json::to_vec(&envelope).unwrap();
        let at = at.index(bytes.len());
        if truncate {
            bytes.truncate(at);
        } else {
            bytes[at] ^= flip;
        }
        let mut strings = Vec::new();
        strings_in(&envelope, &mut strings);
        check_all_parsers(&bytes, &strings)?;
    }

    /// Whatever parses, once normalized (serialized), parses to the same value again.
    #[test]
    fn parsing_what_was_parsed_and_serialized_is_a_fixpoint(
        (body, _) in object_with_code(json_value_exact()),
    ) {
        fixpoint(parse_get_result_response, body.as_bytes())?;
        fixpoint(parse_verification_response, body.as_bytes())?;
        fixpoint(parse_token_response, body.as_bytes())?;
        fixpoint(parse_generate_url_response, body.as_bytes())?;
        fixpoint(parse_callback, body.as_bytes())?;
    }
}

fn fixpoint<T: Serialize + PartialEq + Debug>(
    parse: fn(&[u8]) -> Result<T, ParseError>,
    bytes: &[u8],
) -> Result<(), TestCaseError> {
    if let Ok(first) = parse(bytes) {
        let again = parse(&serde_json::to_vec(&first).unwrap());
        prop_assert_eq!(again.as_ref(), Ok(&first));
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// (b) Round trips.
// ---------------------------------------------------------------------------------------

fn record_round_trip<T: Serialize + DeserializeOwned + PartialEq + Debug>(
    value: &T,
) -> Result<(), TestCaseError> {
    let json = serde_json::to_vec(value).unwrap();
    let back: T = serde_json::from_slice(&json)
        .map_err(|e| TestCaseError::fail(format!("{e} in {}", String::from_utf8_lossy(&json))))?;
    prop_assert_eq!(&back, value, "through {}", String::from_utf8_lossy(&json));
    Ok(())
}

fn envelope_round_trip<T: Serialize + PartialEq + Debug>(
    value: &Envelope<T>,
    parse: fn(&[u8]) -> Result<Envelope<T>, ParseError>,
) -> Result<(), TestCaseError> {
    let json = serde_json::to_vec(value).unwrap();
    let back = parse(&json)
        .map_err(|e| TestCaseError::fail(format!("{e} in {}", String::from_utf8_lossy(&json))))?;
    prop_assert_eq!(&back, value, "through {}", String::from_utf8_lossy(&json));
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn records_round_trip(
        person in person_record(),
        face in face_detail(),
        get_result in get_result_data(),
        verification in verification_data(),
        token in token_data(),
        generate_url in generate_url_data(),
        callback in callback_notification(),
    ) {
        record_round_trip(&person)?;
        record_round_trip(&face)?;
        record_round_trip(&get_result)?;
        record_round_trip(&verification)?;
        record_round_trip(&token)?;
        record_round_trip(&generate_url)?;
        record_round_trip(&callback)?;
        let back = parse_callback(&serde_json::to_vec(&callback).unwrap()).unwrap();
        prop_assert_eq!(back, callback);
    }

    #[test]
    fn envelopes_round_trip(
        get_result in envelope(get_result_data()),
        verification in envelope(verification_data()),
        token in envelope(token_data()),
        generate_url in envelope(generate_url_data()),
        any_data in envelope(json_value_exact().prop_filter("not null", |v| !v.is_null())),
    ) {
        envelope_round_trip(&get_result, parse_get_result_response)?;
        envelope_round_trip(&verification, parse_verification_response)?;
        envelope_round_trip(&token, parse_token_response)?;
        envelope_round_trip(&generate_url, parse_generate_url_response)?;
        envelope_round_trip(&any_data, parse_envelope::<Value>)?;
    }

    /// Any finite score, not only the vendor's integers and short decimals.
    #[test]
    fn any_finite_score_round_trips(
        score in prop_oneof![0.0f64..=100.0, any::<f64>()].prop_filter_map("finite", Score::new),
    ) {
        let mut face = FaceDetail::default();
        face.face_liveness_score = Some(score);
        record_round_trip(&face)?;
    }

    /// Any finite number kept in `unknown_fields`.
    #[test]
    fn any_finite_unknown_number_round_trips(number in finite_f64()) {
        let mut callback = CallbackNotification::default();
        callback.unknown_fields = [("score".to_owned(), Value::from(number))].into_iter().collect();
        record_round_trip(&callback)?;
    }
}
