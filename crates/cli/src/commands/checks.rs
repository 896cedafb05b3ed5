//! The single-call commands: `token`, `verify`, `url`, `result`.

use std::fmt::Write as _;
use std::time::Duration;

use advanceai_core::{
    ColorScheme, GenerateUrlRequest, GetResultRequest, IdNumberVerificationRequest, Pii,
};
use advanceai_transport::{Client, WaitOptions};
use serde::Serialize;
use serde_json::{Value, json};

use super::output::{Exit, Failure};
use crate::cli::{ResultArgs, UrlArgs, VerifyArgs};

/// What a command printed and how it exits.
pub(crate) struct Done {
    /// Text output.
    pub(crate) text: String,
    /// `--json` output.
    pub(crate) json: Value,
    /// Exit code.
    pub(crate) exit: Exit,
}

/// `advanceai token`: the one command that prints the token, on stdout only: the bare
/// token as text (for `$(advanceai token)`), or the token API's `data` with `--json`.
pub(crate) fn token(client: &Client) -> Result<Done, Failure> {
    let access = client.access_token()?;
    Ok(Done {
        text: access.token.expose().to_owned(),
        json: json!({ "token": access.token.expose(), "expiredTime": access.expired_time }),
        exit: Exit::Ok,
    })
}

/// `advanceai verify`.
pub(crate) fn verify(client: &Client, args: &VerifyArgs) -> Result<Done, Failure> {
    let request = IdNumberVerificationRequest::new(
        &args.biz_id,
        &args.user_id,
        &args.region,
        &args.number_type,
        &args.number,
    );
    let data = client.verify_id_number(&request)?;
    let json = to_json(&data)?;
    let exit = if data.passed() {
        Exit::Ok
    } else {
        Exit::NotPassed
    };
    Ok(Done {
        text: render_verdict("Database verification", &json),
        json,
        exit,
    })
}

/// `advanceai url`.
pub(crate) fn url(client: &Client, args: &UrlArgs) -> Result<Done, Failure> {
    let mut request = GenerateUrlRequest::new(
        &args.biz_id,
        &args.user_id,
        &args.region,
        &args.number_type,
        &args.return_url,
        &args.fail_return_url,
    );
    request.number_value = args.number.as_deref().map(Pii::new);
    request.full_name = args.full_name.as_deref().map(Pii::new);
    request.gender = args.gender.clone();
    request.callback_url = args.callback_url.clone();
    request.language = args.language.clone();
    request.prefers_color_scheme = args.color_scheme.as_deref().map(ColorScheme::from_wire);
    request.biz_code = args.biz_code.clone();
    let data = client.generate_url(&request)?;
    let json = to_json(&data)?;
    let mut text = String::new();
    let _ = writeln!(text, "signatureId: {}", field(&json, "signatureId"));
    let _ = writeln!(text, "url:         {}", field(&json, "url"));
    if let Some(expired) = json.get("expiredTime").filter(|v| !v.is_null()) {
        let _ = writeln!(text, "expiredTime: {expired} (epoch ms)");
    }
    Ok(Done {
        text,
        json,
        exit: Exit::Ok,
    })
}

/// `advanceai result`: exit 5 while the result is not final.
pub(crate) fn result(client: &Client, args: &ResultArgs) -> Result<Done, Failure> {
    let data = if args.wait {
        let options = WaitOptions::new(Duration::from_secs_f64(args.wait_timeout))
            .with_intervals(Duration::from_millis(500), Duration::from_secs(5));
        client.wait_for_result(&args.signature_id, options)?
    } else {
        client.get_result(&GetResultRequest::new(&args.signature_id))?
    };
    let json = to_json(&data)?;
    let (exit, text) = if !data.is_final() {
        (
            Exit::Pending,
            format!(
                "Result of {}: pending (not final yet; use --wait to poll)\n",
                args.signature_id
            ),
        )
    } else if data.passed() {
        (Exit::Ok, render_verdict("H5 verification", &json))
    } else {
        (Exit::NotPassed, render_verdict("H5 verification", &json))
    };
    Ok(Done { text, json, exit })
}

/// The normalized camelCase JSON of a response's `data`.
pub(crate) fn to_json(data: &impl Serialize) -> Result<Value, Failure> {
    serde_json::to_value(data).map_err(|error| Failure {
        exit: Exit::Transport,
        kind: "UNEXPECTED_ERROR",
        code: None,
        message: format!("cannot render the answer as JSON: {error}"),
        transaction_id: None,
    })
}

/// A string field of the JSON, or `-`.
pub(crate) fn field<'a>(json: &'a Value, name: &str) -> &'a str {
    json.get(name).and_then(Value::as_str).unwrap_or("-")
}

/// The verdict and the person record, as the API sent them (already masked).
pub(crate) fn render_verdict(title: &str, json: &Value) -> String {
    let mut text = String::new();
    let _ = writeln!(
        text,
        "{title}: {} ({})",
        field(json, "overallResult"),
        field(json, "errorCode")
    );
    let _ = writeln!(text, "  signatureId: {}", field(json, "signatureId"));
    if let Some(Value::Object(person)) = json.get("docDatabaseDetail") {
        let _ = writeln!(text, "  person (masked by the API):");
        for (name, value) in person {
            let shown = match value {
                // The API sends the birthday in clear: the text output shows the year only.
                Value::String(s) if name == "birthday" => mask_birthday(s),
                Value::String(s) => s.clone(),
                Value::Null => continue,
                other => other.to_string(),
            };
            let _ = writeln!(text, "    {name}: {shown}");
        }
    }
    if let Some(Value::Object(face)) = json.get("faceDetail") {
        for (name, value) in face {
            let _ = writeln!(text, "  face {name}: {value}");
        }
    }
    text
}

/// A birthday with everything after the year masked: `1994-07-13` → `1994-**-**`.
fn mask_birthday(birthday: &str) -> String {
    birthday
        .chars()
        .enumerate()
        .map(|(i, c)| if i >= 4 && c.is_ascii_digit() { '*' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_output_masks_the_birthday_after_the_year() {
        assert_eq!(mask_birthday("1994-07-13"), "1994-**-**");
        assert_eq!(mask_birthday("1965/01/16"), "1965/**/**");
        assert_eq!(mask_birthday(""), "");
        let json = serde_json::json!({
            "overallResult": "PASS",
            "errorCode": "SUCCESS",
            "docDatabaseDetail": {"birthday": "1994-07-13", "firstName": "T****E"}
        });
        let text = render_verdict("verify", &json);
        assert!(text.contains("birthday: 1994-**-**"), "{text}");
        assert!(!text.contains("07-13"), "{text}");
        assert!(text.contains("firstName: T****E"), "{text}");
    }
}
