//! Property tests of request validation and token signing.
//!
//! Each validator is compared with an oracle written here from the vendor's page: a plain
//! re-statement of the documented rules, in the documented order, counting lengths in UTF-16
//! code units the way the Java server does. The messages are copied from the vendor page
//! (`shared/api/id-number-verification.txt`), not taken from the library.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use advanceai_core::{
    GenerateUrlRequest, IdNumberVerificationRequest, InvalidRequest, Pii, Secret, TokenRequest,
    UrlProblem,
};
use proptest::prelude::*;
use sha2::{Digest, Sha256};

// ---------------------------------------------------------------------------------------
// The vendor's messages, verbatim from the page's PARAMETER_ERROR table.
// ---------------------------------------------------------------------------------------

const BIZ_ID_MISSING: &str = "BizId is wrong (bizId is missing)";
const BIZ_ID_TOO_LONG: &str = "BizId is too long (bizId length exceeds 99)";
const USER_ID_MISSING: &str = "UserId is invalid (userId is missing)";
const USER_ID_TOO_LONG: &str = "UserId is too long (userId length exceeds 200)";
const REGION_WRONG: &str = "Region is wrong (missing or not a supported ISO ALPHA-3 code)";
const NUMBER_TYPE_EMPTY: &str = "numberType is empty";
const NUMBER_TYPE_WRONG: &str = "numberType is wrong (length > 30 or not a supported type)";
const NUMBER_TYPE_MISMATCH: &str = "Number type and country are not match (numberType not in supported set for the region, or not uppercase)";
const NUMBER_VALUE_INVALID: &str = "Invalid ID number, please check the format (numberValue is empty, or fails format validation for the given numberType — e.g. BVN / NIN must be an 11-digit numeric string)";

/// UTF-16 code units, as a Java `String.length()`.
fn units(s: &str) -> usize {
    s.encode_utf16().count()
}

// ---------------------------------------------------------------------------------------
// String strategies with exact UTF-16 lengths.
// ---------------------------------------------------------------------------------------

/// One character from a mix that matters for length counting, chosen by `seed`: ASCII,
/// 2- and 3-byte BMP characters, astral-plane characters (2 UTF-16 units, 4 UTF-8 bytes),
/// and anything. (A table lookup rather than a `prop_oneof!` per character, which is two
/// orders of magnitude slower in a debug build.)
fn mixed_char(seed: u32) -> char {
    const BMP: &[char] = &['é', 'ß', 'Ω', '中', 'ㄱ', '\u{FEFF}', '\u{7FF}', '\u{FFFF}'];
    const ASTRAL: &[char] = &['\u{10000}', '\u{10FFFF}', '𝔘', '🇳'];
    let pick = seed >> 4;
    let index = |len: usize| pick as usize % len;
    match seed % 16 {
        0..=5 => char::from(b'a' + (pick % 26) as u8),
        6 => char::from(b'0' + (pick % 10) as u8),
        7..=8 => BMP[index(BMP.len())],
        9..=11 => char::from_u32(0x1F600 + pick % 80).unwrap_or('😀'),
        12 => ASTRAL[index(ASTRAL.len())],
        _ => char::from_u32(pick % 0x11_0000).unwrap_or('\u{D7FF}'),
    }
}

/// A string of exactly `n` UTF-16 units, built from [`mixed_char`]s: an astral character
/// that would overshoot is replaced by an ASCII letter, a short draw is padded.
fn exact_units(n: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(any::<u32>(), 0..=n).prop_map(move |seeds| {
        let mut out = String::new();
        let mut len = 0;
        for seed in seeds {
            let c = mixed_char(seed);
            let c = if len + c.len_utf16() > n { 'x' } else { c };
            out.push(c);
            len += c.len_utf16();
            if len == n {
                break;
            }
        }
        while len < n {
            out.push('y');
            len += 1;
        }
        debug_assert_eq!(units(&out), n);
        out
    })
}

/// Strings around a UTF-16 limit: empty, any length within it, exactly at it, one past it,
/// `limit` emoji (twice the limit in units, `limit` characters), `limit / 2` emoji (exactly
/// the limit), and `limit - 1` BMP characters plus an emoji (`limit` characters, one unit
/// too many).
fn id_around(limit: usize) -> impl Strategy<Value = String> {
    prop_oneof![
        // Accepted.
        14 => (1..=limit).prop_flat_map(exact_units),
        3 => exact_units(limit),
        1 => Just("😀".repeat(limit / 2)),
        1 => Just(format!("{}😀", "b".repeat(limit - 2))),
        // Refused.
        1 => Just(String::new()),
        1 => exact_units(limit + 1),
        1 => (limit + 1..limit * 2 + 3).prop_flat_map(exact_units),
        1 => Just("😀".repeat(limit)),
        1 => Just(format!("{}😀", "é".repeat(limit - 1))),
    ]
}

fn region() -> impl Strategy<Value = String> {
    prop_oneof![
        40 => Just("NGA".to_owned()),
        1 => Just("nga".to_owned()),
        1 => Just("Nga".to_owned()),
        1 => Just(String::new()),
        1 => Just("IDN".to_owned()),
        1 => Just("NGA ".to_owned()),
        1 => Just(" NGA".to_owned()),
        1 => Just("ＮＧＡ".to_owned()),
        1 => Just("NG".to_owned()),
        1 => Just("NGAA".to_owned()),
        2 => "[A-Za-z]{0,4}",
        1 => any::<String>(),
    ]
}

fn number_type() -> impl Strategy<Value = String> {
    prop_oneof![
        12 => Just("BVN".to_owned()),
        12 => Just("NIN".to_owned()),
        1 => Just("bvn".to_owned()),
        1 => Just("Nin".to_owned()),
        1 => Just("nIN".to_owned()),
        1 => Just("bVn".to_owned()),
        1 => Just("PASSPORT".to_owned()),
        1 => Just(String::new()),
        1 => Just("BVN ".to_owned()),
        1 => Just(" NIN".to_owned()),
        1 => Just("BVN\0".to_owned()),
        // Unicode case folding must not make these known: `ı` uppercases to `I`, `ſ` to `S`.
        1 => Just("nın".to_owned()),
        1 => Just("NİN".to_owned()),
        1 => Just("ＢＶＮ".to_owned()),
        // Too long: 31 units, including one that starts like a known type.
        1 => "[A-Z]{31}",
        1 => Just("BVN".repeat(11)[..31].to_owned()),
        1 => Just(format!("BVN{}", " ".repeat(28))),
        1 => Just("😀".repeat(16)),
        // Not too long (30 units) but unknown.
        1 => "[A-Z]{30}",
        1 => Just("😀".repeat(15)),
        1 => exact_units(30),
        1 => exact_units(31),
        2 => "[A-Za-z]{0,5}",
        1 => any::<String>(),
    ]
}

fn number_value() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => "[0-9]{11}",
        1 => "[0-9]{10}",
        1 => "[0-9]{12}",
        1 => "[0-9]{0,20}",
        // 11 characters, one of them a letter.
        1 => ("[0-9]{11}", 0..11usize, proptest::char::range('a', 'z')).prop_map(|(d, i, c)| {
            let mut chars: Vec<char> = d.chars().collect();
            chars[i] = c;
            chars.into_iter().collect()
        }),
        1 => Just(String::new()),
        // Digits of other scripts are digits to Unicode, not to the server.
        1 => "[٠-٩]{11}",
        1 => "[０-９]{11}",
        1 => "[०-९]{11}",
        1 => ("[0-9]{10}", prop_oneof![Just('١'), Just('１'), Just('²'), Just('৪')])
            .prop_map(|(d, c)| format!("{d}{c}")),
        1 => "[0-9]{5} [0-9]{5}",
        1 => "\\+[0-9]{10}",
        1 => "-[0-9]{10}",
        1 => " [0-9]{11}",
        1 => "[0-9]{11}\n",
        1 => any::<String>(),
    ]
}

// ---------------------------------------------------------------------------------------
// (a) Database ID-number verification.
// ---------------------------------------------------------------------------------------

/// The documented rules, in the documented order.
fn expected_id_verification(
    biz_id: &str,
    user_id: &str,
    region: &str,
    number_type: &str,
    number_value: &str,
) -> Option<&'static str> {
    if biz_id.is_empty() {
        return Some(BIZ_ID_MISSING);
    }
    if units(biz_id) > 99 {
        return Some(BIZ_ID_TOO_LONG);
    }
    if user_id.is_empty() {
        return Some(USER_ID_MISSING);
    }
    if units(user_id) > 200 {
        return Some(USER_ID_TOO_LONG);
    }
    // The only region of the supported table.
    if region != "NGA" {
        return Some(REGION_WRONG);
    }
    if number_type.is_empty() {
        return Some(NUMBER_TYPE_EMPTY);
    }
    let known_in_some_case = ["BVN", "NIN"].contains(&number_type.to_ascii_uppercase().as_str());
    if units(number_type) > 30 || !known_in_some_case {
        return Some(NUMBER_TYPE_WRONG);
    }
    // Both types belong to NGA: what is left is the case.
    if number_type != "BVN" && number_type != "NIN" {
        return Some(NUMBER_TYPE_MISMATCH);
    }
    let eleven_ascii_digits =
        number_value.chars().count() == 11 && number_value.chars().all(|c| c.is_ascii_digit());
    if !eleven_ascii_digits {
        return Some(NUMBER_VALUE_INVALID);
    }
    None
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]

    #[test]
    fn id_verification_refuses_exactly_what_the_vendor_documents(
        biz_id in id_around(99),
        user_id in id_around(200),
        region in region(),
        number_type in number_type(),
        number_value in number_value(),
    ) {
        let request = IdNumberVerificationRequest::new(
            biz_id.clone(),
            user_id.clone(),
            region.clone(),
            number_type.clone(),
            number_value.clone(),
        );
        let expected =
            expected_id_verification(&biz_id, &user_id, &region, &number_type, &number_value);
        let actual = request.validate();
        prop_assert_eq!(actual.map_err(|e| e.message()), expected.map_or(Ok(()), Err));

        match actual {
            Ok(()) => {
                // Every rule, checked on its own.
                prop_assert!(!biz_id.is_empty() && units(&biz_id) <= 99);
                prop_assert!(!user_id.is_empty() && units(&user_id) <= 200);
                prop_assert_eq!(region.as_str(), "NGA");
                prop_assert!(number_type == "BVN" || number_type == "NIN");
                prop_assert_eq!(number_value.len(), 11);
                prop_assert!(number_value.bytes().all(|b| b.is_ascii_digit()));
            }
            Err(error) => {
                prop_assert_eq!(error.code().as_str().to_owned(), "PARAMETER_ERROR");
                prop_assert_eq!(error.to_string(), error.message());
            }
        }
    }

    /// The same request through the wire format (what the sandbox does) is judged the same.
    #[test]
    fn id_verification_judges_the_deserialized_body_the_same(
        biz_id in id_around(99),
        user_id in id_around(200),
        region in region(),
        number_type in number_type(),
        number_value in number_value(),
    ) {
        let request =
            IdNumberVerificationRequest::new(biz_id, user_id, region, number_type, number_value);
        let back: IdNumberVerificationRequest =
            serde_json::from_slice(&request.to_json()).unwrap();
        prop_assert!(back == request);
        prop_assert_eq!(back.validate(), request.validate());
    }
}

#[test]
fn id_verification_boundaries() {
    let ok = |biz: &str, user: &str| {
        IdNumberVerificationRequest::new(biz, user, "NGA", "BVN", "22222222222")
            .validate()
            .map_err(|e| e.message())
    };
    assert_eq!(ok(&"b".repeat(99), "u"), Ok(()));
    assert_eq!(ok(&"b".repeat(100), "u"), Err(BIZ_ID_TOO_LONG));
    assert_eq!(ok(&"😀".repeat(99), "u"), Err(BIZ_ID_TOO_LONG));
    assert_eq!(
        ok(&format!("{}😀", "é".repeat(98)), "u"),
        Err(BIZ_ID_TOO_LONG)
    );
    assert_eq!(ok(&format!("{}😀", "é".repeat(97)), "u"), Ok(()));
    assert_eq!(ok("b", &"😀".repeat(100)), Ok(()));
    assert_eq!(ok("b", &"😀".repeat(200)), Err(USER_ID_TOO_LONG));
    let mut request = IdNumberVerificationRequest::new("b", "u", "NGA", "BVN", "22222222222");
    for value in ["١١١١١١١١١١١", "１１１１１１１１１１１"] {
        request.number_value = Pii::new(value);
        assert_eq!(request.validate(), Err(InvalidRequest::NumberValueInvalid));
    }
}

// ---------------------------------------------------------------------------------------
// (b) Generate URL.
// ---------------------------------------------------------------------------------------

/// `https://example.com/` followed by `n` UTF-16 units of path (emoji when `emoji`).
fn https_url_of_units(total: usize, emoji: bool) -> String {
    let prefix = "https://example.com/";
    let rest = total - prefix.len();
    let path = if emoji {
        // Whole emoji, then one ASCII letter if the count is odd.
        format!("{}{}", "😀".repeat(rest / 2), "a".repeat(rest % 2))
    } else {
        "a".repeat(rest)
    };
    let url = format!("{prefix}{path}");
    assert_eq!(units(&url), total);
    url
}

/// A URL for `returnUrl` / `failReturnUrl` and what the documented rules make of it.
fn return_url() -> impl Strategy<Value = (String, Option<UrlProblem>)> {
    let ok = |s: &str| Just((s.to_owned(), None));
    let bad = |s: &str, p| Just((s.to_owned(), Some(p)));
    prop_oneof![
        8 => ok("https://example.com/ok"),
        2 => ok("myapp://verification/failed"),
        2 => ok("http://127.0.0.1:8080/done"),
        1 => ok("https://example.com/ok?x=1#frag"),
        1 => ok("https://例え.jp/パス"),
        1 => "[a-z]{1,8}".prop_map(|path| (format!("https://example.com/{path}"), None)),
        1 => Just((https_url_of_units(2048, false), None)),
        1 => Just((https_url_of_units(2048, true), None)),
        2 => bad("", UrlProblem::Missing),
        1 => Just((https_url_of_units(2049, false), Some(UrlProblem::TooLong))),
        1 => Just((https_url_of_units(2049, true), Some(UrlProblem::TooLong))),
        1 => Just((https_url_of_units(2050, true), Some(UrlProblem::TooLong))),
        // Too long wins over malformed.
        1 => Just(("/".repeat(2049), Some(UrlProblem::TooLong))),
        1 => bad("/relative/path", UrlProblem::Malformed),
        1 => bad("example.com/ok", UrlProblem::Malformed),
        1 => bad("not a url", UrlProblem::Malformed),
        1 => bad("https://", UrlProblem::Malformed),
        1 => bad("://example.com", UrlProblem::Malformed),
    ]
}

/// A `callbackUrl` (optional, `http`/`https` only) and what the documented rules make of it.
fn callback_url() -> impl Strategy<Value = (Option<String>, Option<UrlProblem>)> {
    let ok = |s: &str| Just((Some(s.to_owned()), None));
    let bad = |s: &str, p| Just((Some(s.to_owned()), Some(p)));
    prop_oneof![
        6 => Just((None, None)),
        4 => ok("https://example.com/hook?token=abc"),
        2 => ok("http://127.0.0.1:9000/hook"),
        1 => Just((Some(https_url_of_units(2048, true)), None)),
        1 => Just((Some(https_url_of_units(2049, false)), Some(UrlProblem::TooLong))),
        1 => Just((
            Some(format!("ftp://example.com/{}", "a".repeat(2040))),
            Some(UrlProblem::TooLong),
        )),
        // Optional: present and empty is not a URL.
        1 => bad("", UrlProblem::Malformed),
        1 => bad("/relative", UrlProblem::Malformed),
        1 => bad("https://", UrlProblem::Malformed),
        1 => bad("ftp://example.com/hook", UrlProblem::SchemeNotAllowed),
        1 => bad("myapp://hook", UrlProblem::SchemeNotAllowed),
        1 => bad("mailto:ops@example.com", UrlProblem::SchemeNotAllowed),
    ]
}

fn h5_region() -> impl Strategy<Value = String> {
    prop_oneof![
        24 => Just("NGA".to_owned()),
        2 => Just("IDN".to_owned()),
        2 => Just("ZAF".to_owned()),
        1 => Just("ARG".to_owned()),
        1 => Just("BRA".to_owned()),
        4 => "[A-Z]{3}",
        1 => "[A-Za-z]{0,5}",
        1 => Just("Nga".to_owned()),
        1 => Just(String::new()),
        1 => Just("ＮＧＡ".to_owned()),
        1 => Just("ÉTA".to_owned()),
        1 => Just("NG1".to_owned()),
    ]
}

fn h5_number_type() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        1 => Just(None),
        3 => Just(Some("BVN".to_owned())),
        1 => Just(Some(String::new())),
        // The six Non-Doc types, in any case; anything else up to 30 units is not a type.
        1 => Just(Some("bvn".to_owned())),
        1 => Just(Some("NIK".to_owned())),
        1 => Just(Some("SAID".to_owned())),
        1 => Just(Some("DNI".to_owned())),
        1 => Just(Some("cpf".to_owned())),
        1 => Just(Some("NIN".to_owned())),
        1 => Just(Some("PASSPORT".to_owned())),
        1 => (1..=30usize).prop_flat_map(exact_units).prop_map(Some),
        1 => Just(Some("😀".repeat(15))),
        1 => exact_units(31).prop_map(Some),
        1 => Just(Some("😀".repeat(16))),
        1 => Just(Some("B".repeat(31))),
    ]
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum H5Expected {
    BizIdMissing,
    BizIdTooLong,
    UserIdMissing,
    UserIdTooLong,
    Region,
    NumberTypeMissing,
    NumberTypeWrong,
    NumberValueMissing,
    FullNameMissing,
    ReturnUrl(UrlProblem),
    FailReturnUrl(UrlProblem),
    CallbackUrl(UrlProblem),
}

#[allow(clippy::too_many_arguments)]
fn expected_generate_url(
    biz_id: &str,
    user_id: &str,
    region: &str,
    number_type: Option<&str>,
    return_problem: Option<UrlProblem>,
    fail_problem: Option<UrlProblem>,
    callback_problem: Option<UrlProblem>,
) -> Option<H5Expected> {
    if biz_id.is_empty() {
        return Some(H5Expected::BizIdMissing);
    }
    if units(biz_id) > 99 {
        return Some(H5Expected::BizIdTooLong);
    }
    if user_id.is_empty() {
        return Some(H5Expected::UserIdMissing);
    }
    if units(user_id) > 200 {
        return Some(H5Expected::UserIdTooLong);
    }
    // The vendor's regions page: six (region, numberType) markets.
    const MARKETS: [(&str, &str); 6] = [
        ("NGA", "BVN"),
        ("NGA", "NIN"),
        ("IDN", "NIK"),
        ("BRA", "CPF"),
        ("ARG", "DNI"),
        ("ZAF", "SAID"),
    ];
    if !MARKETS.iter().any(|(r, _)| *r == region) {
        return Some(H5Expected::Region);
    }
    // Required by the reference ("Yes"): left out and empty are the same refusal.
    let number_type = match number_type {
        None | Some("") => return Some(H5Expected::NumberTypeMissing),
        Some(number_type) => number_type,
    };
    {
        let upper = number_type.to_ascii_uppercase();
        if units(number_type) > 30 || !MARKETS.iter().any(|(_, t)| *t == upper) {
            return Some(H5Expected::NumberTypeWrong);
        }
        if !MARKETS.contains(&(region, upper.as_str())) {
            return Some(H5Expected::Region);
        }
        // No numberValue or fullName in these requests.
        match upper.as_str() {
            "SAID" => return Some(H5Expected::NumberValueMissing),
            "NIK" => return Some(H5Expected::FullNameMissing),
            _ => {}
        }
    }
    if let Some(p) = return_problem {
        return Some(H5Expected::ReturnUrl(p));
    }
    if let Some(p) = fail_problem {
        return Some(H5Expected::FailReturnUrl(p));
    }
    callback_problem.map(H5Expected::CallbackUrl)
}

fn actual_generate_url(error: InvalidRequest) -> Option<H5Expected> {
    Some(match error {
        InvalidRequest::BizIdMissing => H5Expected::BizIdMissing,
        InvalidRequest::BizIdTooLong => H5Expected::BizIdTooLong,
        InvalidRequest::UserIdMissing => H5Expected::UserIdMissing,
        InvalidRequest::UserIdTooLong => H5Expected::UserIdTooLong,
        InvalidRequest::RegionInvalid => H5Expected::Region,
        InvalidRequest::NumberTypeMissing => H5Expected::NumberTypeMissing,
        InvalidRequest::NumberTypeInvalid => H5Expected::NumberTypeWrong,
        InvalidRequest::NumberValueMissing => H5Expected::NumberValueMissing,
        InvalidRequest::FullNameMissing => H5Expected::FullNameMissing,
        InvalidRequest::ReturnUrl(p) => H5Expected::ReturnUrl(p),
        InvalidRequest::FailReturnUrl(p) => H5Expected::FailReturnUrl(p),
        InvalidRequest::CallbackUrl(p) => H5Expected::CallbackUrl(p),
        other => panic!("Generate URL refused with an unexpected variant {other:?}"),
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]

    #[test]
    fn generate_url_checks_in_field_order(
        biz_id in id_around(99),
        user_id in id_around(200),
        region in h5_region(),
        number_type in h5_number_type(),
        (return_url, return_problem) in return_url(),
        (fail_return_url, fail_problem) in return_url(),
        (callback_url, callback_problem) in callback_url(),
    ) {
        let mut request = GenerateUrlRequest::new(
            biz_id.clone(),
            user_id.clone(),
            region.clone(),
            "",
            return_url,
            fail_return_url,
        );
        request.number_type = number_type.clone();
        request.callback_url = callback_url;
        let expected = expected_generate_url(
            &biz_id,
            &user_id,
            &region,
            number_type.as_deref(),
            return_problem,
            fail_problem,
            callback_problem,
        );
        let actual = request.validate();
        prop_assert_eq!(actual.err().and_then(actual_generate_url), expected);
        if let Err(error) = actual {
            prop_assert_eq!(error.code().as_str().to_owned(), "PARAMETER_ERROR");
        }
    }
}

// ---------------------------------------------------------------------------------------
// (c) Token.
// ---------------------------------------------------------------------------------------

fn sha256_hex(input: &str) -> String {
    Sha256::digest(input.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        1 => Just(String::new()),
        4 => "[a-zA-Z0-9]{1,40}",
        2 => any::<String>(),
    ]
}

fn timestamp() -> impl Strategy<Value = u64> {
    prop_oneof![
        6 => 1_000_000_000_000u64..=9_999_999_999_999,
        1 => Just(1_000_000_000_000u64),
        1 => Just(9_999_999_999_999u64),
        1 => Just(999_999_999_999u64),
        1 => Just(10_000_000_000_000u64),
        1 => 0u64..1_000_000_000_000,
        1 => 0u64..10_000_000_000,
        1 => 10_000_000_000_000u64..,
    ]
}

fn period_second() -> impl Strategy<Value = Option<u32>> {
    prop_oneof![
        2 => Just(None),
        3 => (60u32..=86_400).prop_map(Some),
        1 => prop_oneof![Just(60u32), Just(86_400), Just(59), Just(86_401), Just(0)].prop_map(Some),
        1 => (0u32..60).prop_map(Some),
        1 => (86_401u32..).prop_map(Some),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn token_signature_is_sha256_of_the_concatenation(
        access in key(),
        secret in key(),
        now_ms in timestamp(),
        period in period_second(),
    ) {
        let signed = TokenRequest::sign(
            &Secret::new(access.clone()),
            &Secret::new(secret.clone()),
            now_ms,
            period,
        );
        let digits = now_ms.to_string();
        let expected = if access.is_empty() || secret.is_empty() {
            Some(InvalidRequest::CredentialsMissing)
        } else if digits.len() != 13 {
            Some(InvalidRequest::TimestampInvalid)
        } else if period.is_some_and(|p| !(60..=86_400).contains(&p)) {
            Some(InvalidRequest::PeriodSecondOutOfRange)
        } else {
            None
        };
        match (signed, expected) {
            (Err(error), Some(expected)) => {
                prop_assert_eq!(error, expected);
                prop_assert_eq!(error.code().as_str().to_owned(), "PARAMETER_ERROR");
            }
            (Ok(request), None) => {
                let signature = request.signature().expose();
                prop_assert_eq!(signature, sha256_hex(&format!("{access}{secret}{digits}")));
                prop_assert_eq!(signature.len(), 64);
                prop_assert!(signature.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')));
                prop_assert_eq!(request.timestamp(), digits.as_str());
                prop_assert_eq!(request.access_key().expose(), access.as_str());
                prop_assert_eq!(request.period_second(), period);
                let body: serde_json::Value = serde_json::from_slice(&request.to_json()).unwrap();
                prop_assert_eq!(body["accessKey"].as_str(), Some(access.as_str()));
                prop_assert_eq!(body["timestamp"].as_str(), Some(digits.as_str()));
                prop_assert_eq!(body["signature"].as_str(), Some(signature));
                prop_assert_eq!(body.get("periodSecond").and_then(|p| p.as_u64()), period.map(u64::from));
            }
            (actual, expected) => {
                prop_assert!(false, "signed {:?}, expected refusal {:?}", actual.map(drop), expected);
            }
        }
    }

    #[test]
    fn token_refuses_timestamps_without_13_digits(
        now_ms in prop_oneof![0u64..1_000_000_000_000, 10_000_000_000_000u64..],
    ) {
        prop_assert!(now_ms.to_string().len() != 13);
        prop_assert_eq!(
            TokenRequest::sign(&Secret::new("a"), &Secret::new("s"), now_ms, None).unwrap_err(),
            InvalidRequest::TimestampInvalid
        );
    }

    #[test]
    fn token_refuses_period_outside_60_to_86400(
        period in prop_oneof![0u32..60, 86_401u32..],
    ) {
        prop_assert_eq!(
            TokenRequest::sign(&Secret::new("a"), &Secret::new("s"), 1_665_993_522_952, Some(period))
                .unwrap_err(),
            InvalidRequest::PeriodSecondOutOfRange
        );
    }
}

#[test]
fn token_vendor_test_vector() {
    let request = TokenRequest::sign(
        &Secret::new("sampleaccesskey"),
        &Secret::new("samplesecretkey"),
        1_665_993_522_952,
        None,
    )
    .unwrap();
    assert_eq!(
        request.signature().expose(),
        "02209bbeaf0d0a3dd587f6a1ba22f84c98d142e3b545e77db7e4906ca56349f5"
    );
    assert_eq!(
        sha256_hex("sampleaccesskeysamplesecretkey1665993522952"),
        "02209bbeaf0d0a3dd587f6a1ba22f84c98d142e3b545e77db7e4906ca56349f5"
    );
}
