//! The two request validators, on requests built from the fuzzer's bytes.
//!
//! The bytes are the request's fields, one per line (`\n`; a field cannot hold one, which
//! the validators treat like any other character). Bytes that are not UTF-8 are replaced
//! (`U+FFFD`), as the fields are Rust strings. A Generate URL input starts with two bytes
//! (little-endian) saying which optional fields are present, so `None` and `Some("")`
//! are both reached. The `encode_*` functions write a request in this form (the seed
//! corpus is made with them).

use advanceai_core::{
    ColorScheme, GenerateUrlRequest, IdNumberVerificationRequest, InvalidRequest, Pii, Validated,
};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::checks::{SCRUBBED, assert_same_debug, scrub_pii};

const SEPARATOR: u8 = b'\n';

/// The fields of `bytes`, one per line.
fn fields(bytes: &[u8]) -> Vec<String> {
    bytes
        .split(|b| *b == SEPARATOR)
        .map(|field| String::from_utf8_lossy(field).into_owned())
        .collect()
}

fn join(fields: &[&str]) -> Vec<u8> {
    fields.join("\n").into_bytes()
}

/// Checks what every request validator must do: the body a request sends reads back as
/// the same request with the same verdict, and [`Validated`] agrees with `validate`.
fn check_request<R>(request: &R, verdict: Result<(), InvalidRequest>, body: &[u8])
where
    R: advanceai_core::Operation + Serialize + DeserializeOwned + PartialEq + Clone,
{
    let back: R = match serde_json::from_slice(body) {
        Ok(back) => back,
        Err(error) => panic!("a request's body does not read back: {error}"),
    };
    assert!(back == *request, "a request's body reads back as another");
    assert_eq!(
        back.validate(),
        verdict,
        "the same request, another verdict"
    );
    let validated = Validated::new(request.clone())
        .map(drop)
        .map_err(|(_, p)| p);
    assert_eq!(validated, verdict, "Validated disagrees with validate");
}

/// Writes a verification request in the form [`request_verification`] reads.
pub fn encode_verification_request(request: &IdNumberVerificationRequest) -> Vec<u8> {
    join(&[
        &request.biz_id,
        &request.user_id,
        &request.region,
        &request.number_type,
        request.number_value.expose(),
    ])
}

/// `IdNumberVerificationRequest::validate` on `bizId`, `userId`, `region`, `numberType`
/// and `numberValue` (missing lines are empty).
pub fn request_verification(data: &[u8]) {
    let fields = fields(data);
    let field = |i: usize| fields.get(i).cloned().unwrap_or_default();
    let request =
        IdNumberVerificationRequest::new(field(0), field(1), field(2), field(3), field(4));
    let verdict = request.validate();
    check_request(&request, verdict, &request.to_json());
    let mut scrubbed = request.clone();
    scrubbed.number_value = Pii::new(SCRUBBED);
    assert_same_debug(&request, &scrubbed, "a verification request");
}

/// The optional fields of a Generate URL request, in their order in the input.
const OPTIONAL: usize = 10;

/// The optional fields of `request` as text, in input order (the flags as `true`/`false`).
fn optional_fields(request: &GenerateUrlRequest) -> [Option<String>; OPTIONAL] {
    let text = |value: &Option<Pii>| value.as_ref().map(|v| v.expose().to_owned());
    let flag = |value: Option<bool>| value.map(|v| v.to_string());
    [
        request.number_type.clone(),
        text(&request.number_value),
        text(&request.full_name),
        request.gender.clone(),
        request.callback_url.clone(),
        request.language.clone(),
        request
            .prefers_color_scheme
            .as_ref()
            .map(|s| s.as_str().to_owned()),
        request.biz_code.clone(),
        flag(request.ignore_fail_when_jump),
        flag(request.iframe_enabled),
    ]
}

/// Writes a Generate URL request in the form [`request_generate_url`] reads.
pub fn encode_generate_url_request(request: &GenerateUrlRequest) -> Vec<u8> {
    let optional = optional_fields(request);
    let mask = optional
        .iter()
        .enumerate()
        .filter(|(_, value)| value.is_some())
        .fold(0u16, |mask, (i, _)| mask | 1 << i);
    let mut fields: Vec<&str> = vec![
        &request.biz_id,
        &request.user_id,
        &request.region,
        &request.return_url,
        &request.fail_return_url,
    ];
    fields.extend(optional.iter().map(|value| value.as_deref().unwrap_or("")));
    [&mask.to_le_bytes()[..], &join(&fields)].concat()
}

/// Reads a Generate URL request: the presence bytes, then `bizId`, `userId`, `region`,
/// `returnUrl`, `failReturnUrl` and the optional fields in [`optional_fields`]' order.
fn decode_generate_url_request(data: &[u8]) -> GenerateUrlRequest {
    let (mask, rest) = match data {
        [low, high, rest @ ..] => (u16::from_le_bytes([*low, *high]), rest),
        [low] => (u16::from(*low), &[][..]),
        [] => (0, &[][..]),
    };
    let fields = fields(rest);
    let field = |i: usize| fields.get(i).cloned().unwrap_or_default();
    let optional = |i: usize| (mask & (1 << i) != 0).then(|| field(5 + i));
    let mut request = GenerateUrlRequest::new(field(0), field(1), field(2), "", field(3), field(4));
    request.number_type = optional(0);
    request.number_value = optional(1).map(Pii::new);
    request.full_name = optional(2).map(Pii::new);
    request.gender = optional(3);
    request.callback_url = optional(4);
    request.language = optional(5);
    request.prefers_color_scheme = optional(6).map(|s| ColorScheme::from_wire(&s));
    request.biz_code = optional(7);
    request.ignore_fail_when_jump = optional(8).map(|s| s == "true");
    request.iframe_enabled = optional(9).map(|s| s == "true");
    request
}

/// A URL with what follows its first `?` or `#` replaced: `Debug` shows only the part
/// before.
fn scrub_query(url: &mut String) {
    if let Some(cut) = url.find(['?', '#']) {
        url.truncate(cut + 1);
        url.push_str(SCRUBBED);
    }
}

/// `GenerateUrlRequest::validate` on a request read as described in the module.
pub fn request_generate_url(data: &[u8]) {
    let request = decode_generate_url_request(data);
    let verdict = request.validate();
    check_request(&request, verdict, &request.to_json());
    if verdict.is_ok() {
        assert!(request.market().is_some(), "a valid request has no market");
    }
    let mut scrubbed = request.clone();
    scrub_pii(&mut scrubbed.number_value);
    scrub_pii(&mut scrubbed.full_name);
    if let Some(gender) = &mut scrubbed.gender {
        *gender = SCRUBBED.to_owned();
    }
    scrub_query(&mut scrubbed.return_url);
    scrub_query(&mut scrubbed.fail_return_url);
    if let Some(url) = &mut scrubbed.callback_url {
        scrub_query(url);
    }
    assert_same_debug(&request, &scrubbed, "a Generate URL request");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoded_requests_decode_to_themselves() {
        let mut request = GenerateUrlRequest::new(
            "order-1",
            "user-1",
            "NGA",
            "BVN",
            "https://example.com/ok",
            "myapp://fail",
        );
        assert_eq!(
            decode_generate_url_request(&encode_generate_url_request(&request)),
            request
        );
        request.number_type = None;
        request.callback_url = Some(String::new());
        request.prefers_color_scheme = Some(ColorScheme::Dark);
        request.iframe_enabled = Some(false);
        request.full_name = Some(Pii::new("Rina Wijaya"));
        assert_eq!(
            decode_generate_url_request(&encode_generate_url_request(&request)),
            request
        );
        let verification = IdNumberVerificationRequest::new("o", "u", "NGA", "BVN", "2222");
        let fields = fields(&encode_verification_request(&verification));
        assert_eq!(fields, ["o", "u", "NGA", "BVN", "2222"]);
    }
}
