//! Turning response bytes into typed envelopes, and saying clearly when they are not one.

use std::fmt;

use serde::de::DeserializeOwned;
use serde_json::error::Category;

use crate::{
    Address, CallbackNotification, Envelope, FaceDetail, GenerateUrlData, GetResultData,
    HealthData, InputParameters, NumberTypeInfo, PersonRecord, PersonVerification, TokenData,
    VerificationData,
};

/// Every documented wire name of the envelope and of every response record, sorted, each
/// once: the only words a [`ParseError::path`] may hold (tests and the fuzz targets check
/// it; the fuzzing dictionary is made from it).
pub fn documented_field_names() -> Vec<&'static str> {
    let records: [&[&'static str]; 13] = [
        Envelope::<()>::FIELDS,
        GetResultData::FIELDS,
        VerificationData::FIELDS,
        PersonRecord::FIELDS,
        NumberTypeInfo::FIELDS,
        PersonVerification::FIELDS,
        Address::FIELDS,
        FaceDetail::FIELDS,
        InputParameters::FIELDS,
        TokenData::FIELDS,
        GenerateUrlData::FIELDS,
        HealthData::FIELDS,
        CallbackNotification::FIELDS,
    ];
    let mut names: Vec<&'static str> = records.concat();
    names.sort_unstable();
    names.dedup();
    names
}

/// Bytes that are not the response the caller expected.
///
/// Carries a category, a position and (for a field of the wrong type) the path of the
/// field, never any of the body's text: a response body may hold personal data, and this
/// error ends up in logs.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{kind} (line {line}, column {column}{})", path_suffix(.path))]
pub struct ParseError {
    kind: ParseErrorKind,
    line: usize,
    column: usize,
    path: Option<String>,
}

fn path_suffix(path: &Option<String>) -> String {
    path.as_ref()
        .map(|p| format!(", at `{p}`"))
        .unwrap_or_default()
}

/// What kind of wrong a [`ParseError`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ParseErrorKind {
    /// The body is empty (or only whitespace).
    Empty,
    /// The body is not JSON at all: typically an HTML error page from a proxy or load
    /// balancer.
    NotJson,
    /// The body stops before the JSON does: a connection cut mid-body.
    Truncated,
    /// The body starts like JSON but is malformed (or has trailing data).
    Syntax,
    /// The body is JSON, but not an object.
    NotAnObject,
    /// The body is a JSON object without a `code`: not an API envelope.
    MissingCode,
    /// A documented field appears twice.
    DuplicateField,
    /// A documented field has a value of the wrong type (see [`ParseError::path`]).
    InvalidField,
}

impl fmt::Display for ParseErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Empty => "the response body is empty",
            Self::NotJson => "the response body is not JSON (an HTML page from a proxy?)",
            Self::Truncated => "the response body ends before its JSON does (truncated)",
            Self::Syntax => "the response body is malformed JSON",
            Self::NotAnObject => "the response body is JSON but not an object",
            Self::MissingCode => "the response object has no `code`: not an API envelope",
            Self::DuplicateField => "a documented field appears twice in the response",
            Self::InvalidField => "a field of the response has a value of the wrong type",
        })
    }
}

impl ParseError {
    /// What kind of wrong it is.
    pub fn kind(&self) -> ParseErrorKind {
        self.kind
    }

    /// The line of the body where it went wrong (1-based; 0 when not known).
    pub fn line(&self) -> usize {
        self.line
    }

    /// The column of that line (1-based; 0 when not known).
    pub fn column(&self) -> usize {
        self.column
    }

    /// For [`ParseErrorKind::InvalidField`] and [`ParseErrorKind::DuplicateField`]: where,
    /// as documented field names (`data.faceDetail.faceLivenessScore`); `None` at the top
    /// level of the body.
    pub fn path(&self) -> Option<&str> {
        self.path.as_deref()
    }
}

/// Parses a response envelope whose `data` is `T`.
///
/// Lenient where the vendor is inconsistent (absent vs `null`, missing "Always" fields,
/// unknown fields and codes, scores as integers or decimals, a UTF-8 byte-order mark);
/// strict where a wrong guess would be unsafe (not an object, no `code`, a documented field
/// of the wrong type or sent twice).
///
/// One leniency needs a second look: an answer other than `SUCCESS` whose `data` is not the
/// endpoint's shape (`"data": ""` next to `PARAMETER_ERROR`) still parses, with `data`
/// dropped, so the caller gets the server's code and message rather than a parse error.
pub fn parse_envelope<T: DeserializeOwned>(bytes: &[u8]) -> Result<Envelope<T>, ParseError> {
    parse_json(bytes, Shape::Envelope).or_else(|error| {
        let in_data = error
            .path
            .as_deref()
            .is_some_and(|p| p == "data" || p.starts_with("data."));
        if error.kind != ParseErrorKind::InvalidField || !in_data {
            return Err(error);
        }
        match parse_json::<Envelope<serde_json::Value>>(bytes, Shape::Envelope) {
            Ok(loose) if !loose.is_success() => Ok(Envelope {
                code: loose.code,
                message: loose.message,
                data: None,
                extra: loose.extra,
                transaction_id: loose.transaction_id,
                pricing_strategy: loose.pricing_strategy,
                unknown_fields: loose.unknown_fields,
            }),
            _ => Err(error),
        }
    })
}

/// Parses a token response.
pub fn parse_token_response(bytes: &[u8]) -> Result<Envelope<TokenData>, ParseError> {
    parse_envelope(bytes)
}

/// Parses a database ID-number verification response.
pub fn parse_verification_response(bytes: &[u8]) -> Result<Envelope<VerificationData>, ParseError> {
    parse_envelope(bytes)
}

/// Parses a Generate URL response.
pub fn parse_generate_url_response(bytes: &[u8]) -> Result<Envelope<GenerateUrlData>, ParseError> {
    parse_envelope(bytes)
}

/// Parses a Get Result response.
///
/// ```
/// let body = br#"{"code":"SUCCESS","message":"OK","data":{"signatureId":"f302f5d2454a85c2",
///     "overallResult":null,"errorCode":null,"submissionCompleted":false},"transactionId":"x"}"#;
/// let data = advanceai_core::parse_get_result_response(body)?.into_data()?;
/// assert!(!data.is_final());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn parse_get_result_response(bytes: &[u8]) -> Result<Envelope<GetResultData>, ParseError> {
    parse_envelope(bytes)
}

/// Parses the body of a callback the vendor posted to your `callbackUrl` (not an envelope).
pub fn parse_callback(bytes: &[u8]) -> Result<CallbackNotification, ParseError> {
    parse_json(bytes, Shape::Record)
}

/// What the bytes should hold: an envelope (which must have a `code`) or a bare record.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    Envelope,
    Record,
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

fn parse_json<T: DeserializeOwned>(bytes: &[u8], shape: Shape) -> Result<T, ParseError> {
    let body = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    let Some(first) = body.iter().copied().find(|b| !b.is_ascii_whitespace()) else {
        return Err(ParseError {
            kind: ParseErrorKind::Empty,
            line: 0,
            column: 0,
            path: None,
        });
    };
    // Checking UTF-8 once for the whole body is cheaper than serde_json checking each
    // string on its own (about a fifth of the parse); invalid UTF-8 takes the byte path so
    // the error says where.
    let parsed = match std::str::from_utf8(body) {
        Ok(text) => serde_json::from_str::<T>(text),
        Err(_) => serde_json::from_slice::<T>(body),
    };
    parsed.map_err(|error| classify::<T>(body, first, shape, &error))
}

/// Sorts a serde_json error into a kind. Runs only on failure, so it may parse again.
fn classify<T: DeserializeOwned>(
    body: &[u8],
    first: u8,
    shape: Shape,
    error: &serde_json::Error,
) -> ParseError {
    let (line, column) = (error.line(), error.column());
    let simple = |kind| ParseError {
        kind,
        line,
        column,
        path: None,
    };
    match error.classify() {
        Category::Eof => simple(ParseErrorKind::Truncated),
        Category::Syntax | Category::Io if !starts_json_value(first) => {
            simple(ParseErrorKind::NotJson)
        }
        Category::Syntax | Category::Io => simple(ParseErrorKind::Syntax),
        Category::Data if first != b'{' => simple(ParseErrorKind::NotAnObject),
        Category::Data => {
            // Only the first value counts: trailing data is a syntax error, reported as such.
            let first_object = serde_json::Deserializer::from_slice(body)
                .into_iter::<serde_json::Map<String, serde_json::Value>>()
                .next();
            let lacks_code = matches!(&first_object, Some(Ok(o)) if !o.contains_key("code"));
            if shape == Shape::Envelope && lacks_code {
                return simple(ParseErrorKind::MissingCode);
            }
            // Parse again, tracking the path: the path names documented fields only (unknown
            // fields are kept as raw JSON and cannot fail), so it carries no body text.
            let mut deserializer = serde_json::Deserializer::from_slice(body);
            let path = serde_path_to_error::deserialize::<_, T>(&mut deserializer)
                .err()
                .map(|e| e.path().to_string())
                .filter(|p| p != ".");
            // serde's own wording for this one error; no other text of it is kept.
            let kind = if error.to_string().starts_with("duplicate field") {
                ParseErrorKind::DuplicateField
            } else {
                ParseErrorKind::InvalidField
            };
            ParseError {
                kind,
                line,
                column,
                path,
            }
        }
    }
}

fn starts_json_value(first: u8) -> bool {
    matches!(
        first,
        b'{' | b'[' | b'"' | b'-' | b'0'..=b'9' | b't' | b'f' | b'n'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind_of(body: &[u8]) -> ParseErrorKind {
        parse_get_result_response(body).unwrap_err().kind()
    }

    #[test]
    fn not_an_envelope_is_named_by_kind() {
        assert_eq!(kind_of(b""), ParseErrorKind::Empty);
        assert_eq!(kind_of(b" \r\n\t"), ParseErrorKind::Empty);
        assert_eq!(kind_of(b"\xEF\xBB\xBF  "), ParseErrorKind::Empty);
        assert_eq!(
            kind_of(b"<html><body>502 Bad Gateway</body></html>"),
            ParseErrorKind::NotJson
        );
        assert_eq!(kind_of(b"Bad Gateway"), ParseErrorKind::NotJson);
        assert_eq!(
            kind_of(br#"{"code":"SUCCESS","data":{"signatureId":"f3"#),
            ParseErrorKind::Truncated
        );
        assert_eq!(
            kind_of(br#"{"code":"SUCCESS"} trailing"#),
            ParseErrorKind::Syntax
        );
        assert_eq!(kind_of(br#"{"code":"SUCCESS",}"#), ParseErrorKind::Syntax);
        assert_eq!(kind_of(br#"["SUCCESS"]"#), ParseErrorKind::NotAnObject);
        assert_eq!(kind_of(br#""SUCCESS""#), ParseErrorKind::NotAnObject);
        assert_eq!(kind_of(b"42"), ParseErrorKind::NotAnObject);
        assert_eq!(kind_of(b"null"), ParseErrorKind::NotAnObject);
        assert_eq!(
            kind_of(br#"{"message":"OK","data":null}"#),
            ParseErrorKind::MissingCode
        );
        assert_eq!(kind_of(br#"{"code":null}"#), ParseErrorKind::InvalidField);
        assert_eq!(
            kind_of(br#"{"code":"SUCCESS","code":"ERROR"}"#),
            ParseErrorKind::DuplicateField
        );
    }

    #[test]
    fn a_field_of_the_wrong_type_is_located_by_path() {
        let error = parse_get_result_response(
            br#"{"code":"SUCCESS","data":{"faceDetail":{"faceResult":"PASS","faceLivenessScore":true}}}"#,
        )
        .unwrap_err();
        assert_eq!(error.kind(), ParseErrorKind::InvalidField);
        assert_eq!(error.path(), Some("data.faceDetail.faceLivenessScore"));
        assert_eq!(error.line(), 1);
        assert!(
            error
                .to_string()
                .contains("at `data.faceDetail.faceLivenessScore`"),
            "{error}"
        );

        let error = parse_get_result_response(
            br#"{"code":"SUCCESS","data":{"overallResult":"PASS","overallResult":"FAIL"}}"#,
        )
        .unwrap_err();
        assert_eq!(error.kind(), ParseErrorKind::DuplicateField);
    }

    #[test]
    fn leniency_where_the_vendor_is_inconsistent() {
        // BOM, absent vs null, scores as int/decimal/string, unknown fields and codes.
        let body = "\u{FEFF}{\"code\":\"NEW_CODE\",\"data\":null,\"newTopLevel\":[1]}";
        let envelope = parse_get_result_response(body.as_bytes()).unwrap();
        assert_eq!(
            envelope.code,
            crate::ResponseCode::Unknown("NEW_CODE".into())
        );
        assert!(envelope.data.is_none());
        assert_eq!(
            envelope.unknown_fields.get("newTopLevel"),
            Some(&serde_json::json!([1]))
        );

        let body = br#"{"code":"SUCCESS","data":{"errorCode":"BRAND_NEW","faceDetail":
            {"faceLivenessScore":99,"faceSimilarityScore":"82.5"}}}"#;
        let data = parse_get_result_response(body)
            .unwrap()
            .into_data()
            .unwrap();
        assert_eq!(
            data.error_code,
            Some(crate::ErrorCode::Unknown("BRAND_NEW".into()))
        );
        let face = data.face_detail.unwrap();
        assert_eq!(
            face.face_liveness_score.map(crate::Score::value),
            Some(99.0)
        );
        assert_eq!(
            face.face_similarity_score.map(crate::Score::value),
            Some(82.5)
        );
    }

    #[test]
    fn an_error_answer_with_odd_data_keeps_its_code_and_message() {
        let envelope = parse_get_result_response(
            br#"{"code":"PARAMETER_ERROR","message":"Signature error","data":"","transactionId":"t"}"#,
        )
        .unwrap();
        assert_eq!(envelope.code, crate::ResponseCode::ParameterError);
        assert_eq!(envelope.message.as_deref(), Some("Signature error"));
        assert!(envelope.data.is_none());
        // The same odd data next to SUCCESS is an error: that data is the answer.
        let error = parse_get_result_response(br#"{"code":"SUCCESS","data":""}"#).unwrap_err();
        assert_eq!(
            (error.kind(), error.path()),
            (ParseErrorKind::InvalidField, Some("data"))
        );
    }

    #[test]
    fn callback_errors_name_the_field() {
        let error = parse_callback(br#"{"signatureId":123,"type":"COMPLETED"}"#).unwrap_err();
        assert_eq!(
            (error.kind(), error.path()),
            (ParseErrorKind::InvalidField, Some("signatureId"))
        );
        let error =
            parse_callback(br#"{"signatureId":"a","type":"COMPLETED","type":"X"}"#).unwrap_err();
        assert_eq!(error.kind(), ParseErrorKind::DuplicateField);
    }

    #[test]
    fn callback_bodies_parse() {
        let callback =
            parse_callback(br#"{"signatureId":"f302f5d2454a85c2","type":"COMPLETED"}"#).unwrap();
        assert_eq!(callback.kind, Some(crate::CallbackType::Completed));
        assert_eq!(callback.signature_id.as_deref(), Some("f302f5d2454a85c2"));
        assert_eq!(
            parse_callback(b"").unwrap_err().kind(),
            ParseErrorKind::Empty
        );
    }
}
