//! Generate URL: limits, the market rules, redaction and the body.

use super::*;
use crate::UrlProblem;

fn request() -> GenerateUrlRequest {
    GenerateUrlRequest::new(
        "order-1",
        "user-1",
        "NGA",
        "BVN",
        "https://example.com/ok",
        "myapp://verification/failed",
    )
}

fn refusal(edit: impl FnOnce(&mut GenerateUrlRequest)) -> InvalidRequest {
    let mut request = request();
    edit(&mut request);
    request.validate().unwrap_err()
}

#[test]
fn generate_url_limits() {
    assert_eq!(request().validate(), Ok(()));
    assert_eq!(refusal(|r| r.biz_id.clear()), InvalidRequest::BizIdMissing);
    assert_eq!(
        refusal(|r| r.region = "ng".into()),
        InvalidRequest::RegionInvalid
    );
    assert_eq!(
        refusal(|r| r.region = "Nga".into()),
        InvalidRequest::RegionInvalid
    );
    // Required by the reference; left out or empty, the server's empty-parameter text.
    for missing in [None, Some(String::new())] {
        let refused = refusal(|r| r.number_type = missing);
        assert_eq!(refused, InvalidRequest::NumberTypeMissing);
        assert_eq!(refused.message(), "Parameter should not be empty");
        assert_eq!(refused.field(), "numberType");
    }
    assert_eq!(
        refusal(|r| r.number_type = Some("X".repeat(31))),
        InvalidRequest::NumberTypeInvalid
    );
    assert_eq!(
        refusal(|r| r.return_url.clear()),
        InvalidRequest::ReturnUrl(UrlProblem::Missing)
    );
    assert_eq!(
        refusal(|r| r.return_url = format!("https://example.com/{}", "a".repeat(2029))),
        InvalidRequest::ReturnUrl(UrlProblem::TooLong)
    );
    assert_eq!(
        refusal(|r| r.return_url = "/relative/path".into()),
        InvalidRequest::ReturnUrl(UrlProblem::Malformed)
    );
    assert_eq!(
        refusal(|r| r.fail_return_url.clear()),
        InvalidRequest::FailReturnUrl(UrlProblem::Missing)
    );
    assert_eq!(
        refusal(|r| r.callback_url = Some("ftp://example.com/hook".into())),
        InvalidRequest::CallbackUrl(UrlProblem::SchemeNotAllowed)
    );
    assert_eq!(
        refusal(|r| r.callback_url = Some("myapp://hook".into())),
        InvalidRequest::CallbackUrl(UrlProblem::SchemeNotAllowed)
    );
    assert_eq!(
        refusal(|r| r.callback_url = Some("https://".into())),
        InvalidRequest::CallbackUrl(UrlProblem::Malformed)
    );
    for sloppy in [
        " https://example.com/ok",
        "https://exa\tmple.com/ok",
        "https://example.com/o\nk",
        "http:example.com",
        "https:/example.com",
        "javascript:alert(1)",
        "a:",
    ] {
        assert_eq!(
            refusal(|r| r.return_url = sloppy.into()),
            InvalidRequest::ReturnUrl(UrlProblem::Malformed),
            "{sloppy:?}"
        );
    }
    assert_eq!(
        refusal(|r| r.callback_url = Some(String::new())),
        InvalidRequest::CallbackUrl(UrlProblem::Malformed)
    );
    assert_eq!(
        InvalidRequest::ReturnUrl(UrlProblem::TooLong).message(),
        "Invalid returnUrl"
    );

    // Exactly 2048 units is allowed; http is allowed for return URLs (local testing).
    let mut at_limit = request();
    at_limit.return_url = format!("https://example.com/{}", "a".repeat(2028));
    assert_eq!(at_limit.return_url.len(), 2048);
    at_limit.fail_return_url = "http://127.0.0.1:8080/failed".into();
    at_limit.callback_url = Some("http://127.0.0.1:9000/hook?token=abc".into());
    assert_eq!(at_limit.validate(), Ok(()));
}

#[test]
fn debug_hides_url_queries() {
    let mut request = request();
    request.callback_url = Some("https://example.com/hook?auth=s3cr3t-t0ken#frag".into());
    request.return_url = "https://example.com/ok?session=abc123".into();
    let debug = format!("{request:?}");
    assert!(
        !debug.contains("s3cr3t-t0ken") && !debug.contains("abc123"),
        "{debug}"
    );
    assert!(
        debug.contains("https://example.com/hook?<redacted>"),
        "{debug}"
    );
}

#[test]
fn generate_url_body_leaves_out_unset_options() {
    let body: serde_json::Value = serde_json::from_slice(&request().to_json()).unwrap();
    assert_eq!(
        body,
        serde_json::json!({
            "bizId": "order-1", "userId": "user-1", "region": "NGA", "numberType": "BVN",
            "returnUrl": "https://example.com/ok", "failReturnUrl": "myapp://verification/failed",
        })
    );
}

fn market_request(region: &str, number_type: &str) -> GenerateUrlRequest {
    let mut request = request();
    request.region = region.into();
    request.number_type = Some(number_type.into());
    request
}

#[test]
fn region_and_number_type_come_from_the_market_table() {
    for market in crate::MARKETS {
        assert_eq!(
            market_request(market.region, market.number_type)
                .validate()
                .or_else(|e| match e {
                    // SAID needs its number; NIK its name: each market's own rule.
                    InvalidRequest::NumberValueMissing | InvalidRequest::FullNameMissing => Ok(()),
                    other => Err(other),
                }),
            Ok(()),
            "{}",
            market.number_type
        );
    }
    assert_eq!(
        market_request("KEN", "BVN").validate(),
        Err(InvalidRequest::RegionInvalid)
    );
    // A known type in another market's region: the vendor answers `Region is wrong`.
    let mismatch = market_request("IDN", "BVN").validate().unwrap_err();
    assert_eq!(mismatch, InvalidRequest::RegionInvalid);
    assert!(mismatch.message().starts_with("Region is wrong"));
    assert_eq!(
        market_request("NGA", "PASSPORT").validate(),
        Err(InvalidRequest::NumberTypeInvalid)
    );
    // Get Result's name is not the request's.
    assert_eq!(
        market_request("NGA", "NG_BVN").validate(),
        Err(InvalidRequest::NumberTypeInvalid)
    );
    // Case is not stated on the Non-Doc page: lenient.
    assert_eq!(
        market_request("ZAF", "said").market().map(|m| m.region),
        Some("ZAF")
    );
    // Required: left out, the server's empty-parameter refusal (not a page choice).
    let mut no_type = request();
    no_type.number_type = None;
    assert_eq!(no_type.validate(), Err(InvalidRequest::NumberTypeMissing));
}

#[test]
fn each_market_checks_its_person_fields() {
    let with = |region: &str, number_type: &str, edit: &dyn Fn(&mut GenerateUrlRequest)| {
        let mut request = market_request(region, number_type);
        edit(&mut request);
        request.validate()
    };
    let number = |n: &str| Some(Pii::new(n));
    // Lengths in digits, per market.
    for (region, number_type, good, bad) in [
        ("NGA", "BVN", "22841958472", "2284195847"),
        ("NGA", "NIN", "12345678901", "123456789012"),
        ("BRA", "CPF", "078.734.383-84", "078.734.383-8"),
        ("ARG", "DNI", "1234567", "123456789"),
        ("ARG", "DNI", "12345678", "123456"),
        ("ZAF", "SAID", "8001015009087", "800101500908"),
    ] {
        let edit_good = |r: &mut GenerateUrlRequest| {
            r.number_value = number(good);
            r.gender = Some("MALE".into());
        };
        assert_eq!(with(region, number_type, &edit_good), Ok(()), "{good}");
        let edit_bad = |r: &mut GenerateUrlRequest| {
            r.number_value = number(bad);
            r.gender = Some("MALE".into());
        };
        let refused = with(region, number_type, &edit_bad).unwrap_err();
        assert_eq!(refused, InvalidRequest::NumberValueFormat, "{bad}");
        assert_eq!(refused.message(), "Number is invalid format");
        assert_eq!(refused.field(), "numberValue");
    }
    // NIK: the full name is required, the number optional (16 digits when given).
    let name = |r: &mut GenerateUrlRequest| r.full_name = Some(Pii::new("Rina Wijaya"));
    assert_eq!(with("IDN", "NIK", &name), Ok(()));
    assert_eq!(
        with("IDN", "NIK", &|_| {}),
        Err(InvalidRequest::FullNameMissing)
    );
    assert_eq!(
        with("IDN", "NIK", &|r| r.full_name = Some(Pii::new(""))),
        Err(InvalidRequest::FullNameMissing)
    );
    assert_eq!(
        with("IDN", "NIK", &|r| {
            name(r);
            r.number_value = number("3171234567890123");
        }),
        Ok(())
    );
    assert_eq!(
        with("IDN", "NIK", &|r| {
            name(r);
            r.number_value = number("317123456789012");
        }),
        Err(InvalidRequest::NumberValueFormat)
    );
    // DNI: gender only with a number; any gender text (its values are undocumented).
    assert_eq!(with("ARG", "DNI", &|_| {}), Ok(()));
    let dni_without_gender = with("ARG", "DNI", &|r| r.number_value = number("12345678"));
    assert_eq!(dni_without_gender, Err(InvalidRequest::GenderMissing));
    assert_eq!(
        InvalidRequest::GenderMissing.message(),
        "Parameter should not be empty"
    );
    assert_eq!(InvalidRequest::GenderMissing.field(), "gender");
    assert_eq!(
        with("ARG", "DNI", &|r| {
            r.number_value = number("12345678");
            r.gender = Some("X".into());
        }),
        Ok(())
    );
    // SAID: the number is required.
    assert_eq!(
        with("ZAF", "SAID", &|_| {}),
        Err(InvalidRequest::NumberValueMissing)
    );
    assert_eq!(
        with("ZAF", "SAID", &|r| r.number_value = number("")),
        Err(InvalidRequest::NumberValueMissing)
    );
    // An empty optional number counts as left out; a field a market does not use is sent.
    assert_eq!(with("NGA", "BVN", &|r| r.number_value = number("")), Ok(()));
    assert_eq!(
        with("NGA", "BVN", &|r| r.gender = Some("MALE".into())),
        Ok(())
    );
}

#[test]
fn color_scheme_and_url_rules() {
    assert_eq!(
        refusal(|r| r.prefers_color_scheme = Some(ColorScheme::from_wire("blue"))),
        InvalidRequest::ColorSchemeInvalid
    );
    assert_eq!(
        InvalidRequest::ColorSchemeInvalid.message(),
        "Prefers color scheme is wrong"
    );
    let mut dark = request();
    dark.prefers_color_scheme = Some(ColorScheme::Dark);
    assert_eq!(dark.validate(), Ok(()));
    // The vendor's valid and refused examples.
    for ok in [
        "https://example.com/callback",
        "myapp://callback/success",
        "alipays://platformapi/startapp?id=1",
    ] {
        let mut request = request();
        request.return_url = ok.into();
        assert_eq!(request.validate(), Ok(()), "{ok}");
    }
    for refused in [
        "javascript:alert(1)",
        "myapp:",
        "myapp://",
        "https://host/\npath",
    ] {
        assert!(
            matches!(
                refusal(|r| r.return_url = refused.into()),
                InvalidRequest::ReturnUrl(UrlProblem::Malformed | UrlProblem::SchemeNotAllowed)
            ),
            "{refused:?}"
        );
    }
    for scheme in crate::RESTRICTED_URL_SCHEMES {
        assert_eq!(
            refusal(|r| r.fail_return_url = format!("{scheme}://host/path")),
            InvalidRequest::FailReturnUrl(UrlProblem::SchemeNotAllowed),
            "{scheme}"
        );
    }
}

#[test]
fn person_data_stays_out_of_debug_and_every_field_is_sent() {
    let mut request = market_request("ARG", "DNI");
    request.number_value = Some(Pii::new("12345678"));
    request.full_name = Some(Pii::new("Lucia Fernandez"));
    request.gender = Some("FEMALE".into());
    request.ignore_fail_when_jump = Some(false);
    request.biz_code = Some("WhiteCard".into());
    request.iframe_enabled = Some(true);
    request.language = Some("es-AR".into());
    request.prefers_color_scheme = Some(ColorScheme::Light);
    let debug = format!("{request:?}");
    assert!(
        !debug.contains("12345678") && !debug.contains("Lucia") && !debug.contains("FEMALE"),
        "{debug}"
    );
    let body: serde_json::Value = serde_json::from_slice(&request.to_json()).unwrap();
    assert_eq!(
        body,
        serde_json::json!({
            "bizId": "order-1", "userId": "user-1", "region": "ARG", "numberType": "DNI",
            "numberValue": "12345678", "fullName": "Lucia Fernandez", "gender": "FEMALE",
            "returnUrl": "https://example.com/ok", "failReturnUrl": "myapp://verification/failed",
            "language": "es-AR", "prefersColorScheme": "light", "ignoreFailWhenJump": false,
            "bizCode": "WhiteCard", "iframeEnabled": true,
        })
    );
    let back: GenerateUrlRequest = serde_json::from_value(body).unwrap();
    assert_eq!(back, request);
}
