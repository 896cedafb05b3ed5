//! The H5 flow: the outcomes a tester can pick, the Get Result shapes, and the HTML page.

use advanceai_core::{
    ErrorCode, FaceDetail, FaceResult, GetResultData, InputParameters, OverallResult, Score,
};
use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};

use crate::person::FakePerson;
use crate::state::{Transaction, Verdict};

/// The `FAIL` error codes of Get Result, in the vendor's order.
pub const FAIL_CODES: &[&str] = &[
    "BVN_NOT_EXIST",
    "BVN_SUSPEND",
    "NUMBER_NOT_EXIST",
    "NAME_NOT_MATCH",
    "LIVENESS_ATTACK",
    "SIMILARITY_FAILED",
    "INVALID_FORMAT",
    "CAN_NOT_VERIFY",
    "FACE_QUALITY_TOO_POOR",
    "RISK_STRATEGY_HIT",
    "AGE_VERIFICATION_FAILED",
    "INFO_ABNORMAL",
    "NUMBER_DECEASED",
    "NUMBER_BLOCKED",
];

/// The `INCOMPLETE` error codes of Get Result, in the vendor's order.
pub const INCOMPLETE_CODES: &[&str] = &[
    "BVN_INVALID_FORMAT",
    "PARAMETER_ERROR",
    "USER_TIMEOUT",
    "ERROR",
    "RETRY_COUNT_REACH_MAX",
];

/// Parses an outcome as the page and `/sandbox/complete` take it: `PASS` (or `SUCCESS`),
/// or any documented FAIL / INCOMPLETE error code.
pub(crate) fn parse_outcome(outcome: &str) -> Option<Verdict> {
    let outcome = outcome.trim();
    if outcome == "PASS" || outcome == "SUCCESS" {
        return Some(Verdict {
            overall_result: OverallResult::Pass,
            error_code: ErrorCode::Success,
        });
    }
    let overall_result = if FAIL_CODES.contains(&outcome) {
        OverallResult::Fail
    } else if INCOMPLETE_CODES.contains(&outcome) {
        OverallResult::Incomplete
    } else {
        return None;
    };
    Some(Verdict {
        overall_result,
        error_code: ErrorCode::from_wire(outcome),
    })
}

fn score(value: f64) -> Option<Score> {
    Score::new(value)
}

fn face(result: FaceResult, liveness: Option<f64>, similarity: Option<f64>) -> FaceDetail {
    let mut detail = FaceDetail::default();
    detail.face_result = Some(result);
    detail.face_liveness_score = liveness.and_then(score);
    detail.face_similarity_score = similarity.and_then(score);
    detail
}

/// The `data` of Get Result for a transaction, pending or final.
///
/// Shapes follow the vendor's examples: PASS carries the person (Get Result's Nigeria
/// shape), liveness scores, `inputParameters` and `countryCodeIso3`; failures before the
/// database answered carry `docDatabaseDetail: null`; face-stage failures carry the person
/// and a failed `faceDetail`; INCOMPLETE carries neither.
pub(crate) fn result_data(signature_id: &str, transaction: &Transaction) -> GetResultData {
    let request = &transaction.request;
    let number_type = request
        .number_type
        .clone()
        .unwrap_or_else(|| "BVN".to_owned());
    let mut data = GetResultData::default();
    data.signature_id = Some(signature_id.to_owned());
    let mut input = InputParameters::default();
    input.region = Some(request.region.clone());
    input.number_type = Some(number_type.clone());
    data.input_parameters = Some(input);
    data.country_code_iso3 = Some(request.region.clone());
    let Some(verdict) = &transaction.verdict else {
        data.submission_completed = Some(false);
        return data;
    };
    data.overall_result = Some(verdict.overall_result.clone());
    data.idv_result = Some(verdict.overall_result.clone());
    data.error_code = Some(verdict.error_code.clone());
    data.submission_completed = Some(verdict.overall_result != OverallResult::Incomplete);
    let person = || {
        Some(FakePerson::from_seed(signature_id).get_result_record(&number_type, &request.region))
    };
    match &verdict.error_code {
        ErrorCode::Success => {
            data.doc_database_detail = person();
            data.face_detail = Some(face(FaceResult::Pass, Some(99.0), Some(82.0)));
        }
        ErrorCode::LivenessAttack => {
            data.doc_database_detail = person();
            data.face_detail = Some(face(FaceResult::Fail, Some(0.0), None));
        }
        ErrorCode::SimilarityFailed => {
            data.doc_database_detail = person();
            data.face_detail = Some(face(FaceResult::Fail, Some(98.0), Some(31.0)));
        }
        ErrorCode::NameNotMatch | ErrorCode::FaceQualityTooPoor => {
            data.doc_database_detail = person();
            data.face_detail = Some(face(FaceResult::Fail, None, None));
        }
        ErrorCode::RiskStrategyHit | ErrorCode::AgeVerificationFailed => {
            data.doc_database_detail = person();
            data.face_detail = Some(face(FaceResult::Pass, Some(97.0), Some(80.0)));
        }
        // The number step failed, or the user did not finish: no person, no face.
        _ => {}
    }
    data
}

const STYLE: &str = "body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;background:#f4f6f8;color:#1d2733;margin:0;padding:24px}\
main{max-width:720px;margin:0 auto;background:#fff;border-radius:12px;box-shadow:0 2px 12px rgba(0,0,0,.08);padding:24px 28px}\
h1{font-size:1.4rem;margin:0 0 4px}p.note{color:#5b6775;margin:0 0 16px}\
table{border-collapse:collapse;width:100%;margin-bottom:20px}td{padding:6px 8px;border-bottom:1px solid #e5e9ee;font-size:.92rem;word-break:break-all}td:first-child{color:#5b6775;width:35%}\
h2{font-size:1.05rem;margin:18px 0 8px}.grid{display:flex;flex-wrap:wrap;gap:8px}\
button{border:0;border-radius:8px;padding:9px 12px;font-size:.85rem;cursor:pointer;color:#fff}\
button.pass{background:#1f9d55;font-size:1rem;padding:12px 20px}button.fail{background:#c0392b}button.incomplete{background:#7f8c8d}\
button:hover{filter:brightness(1.1)}.done{padding:12px;border-radius:8px;background:#eef6ee}";

/// The H5 page for a transaction: its details and one button per outcome.
pub(crate) fn page(signature_id: &str, transaction: &Transaction) -> String {
    let request = &transaction.request;
    let rows = [
        ("signatureId", signature_id.to_owned()),
        ("bizId", request.biz_id.clone()),
        ("userId", request.user_id.clone()),
        ("region", request.region.clone()),
        (
            "numberType",
            request.number_type.clone().unwrap_or_default(),
        ),
        (
            "language",
            request
                .language
                .clone()
                .unwrap_or_else(|| "en-US".to_owned()),
        ),
        (
            "callback",
            if request.callback_url.is_some() {
                "yes"
            } else {
                "no"
            }
            .to_owned(),
        ),
    ];
    let mut html = String::with_capacity(8 * 1024);
    html.push_str("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">");
    html.push_str("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">");
    html.push_str("<title>ADVANCE.AI sandbox · H5 eKYC</title><style>");
    html.push_str(STYLE);
    html.push_str("</style></head><body><main><h1>ADVANCE.AI sandbox · H5 eKYC</h1>");
    html.push_str("<p class=\"note\">An offline stand-in for the vendor's page. Pick the outcome this verification should have.</p><table>");
    for (name, value) in rows {
        html.push_str("<tr><td>");
        html.push_str(name);
        html.push_str("</td><td>");
        html.push_str(&text(&value));
        html.push_str("</td></tr>");
    }
    html.push_str("</table>");
    if let Some(verdict) = &transaction.verdict {
        html.push_str("<p class=\"done\">This verification is finished: ");
        html.push_str(&text(verdict.overall_result.as_str()));
        html.push_str(" / ");
        html.push_str(&text(verdict.error_code.as_str()));
        html.push_str(".</p></main></body></html>");
        return html;
    }
    html.push_str("<form method=\"post\" action=\"/h5/");
    html.push_str(&attr(signature_id));
    html.push_str("\"><h2>Pass</h2><div class=\"grid\"><button class=\"pass\" name=\"outcome\" value=\"PASS\">PASS</button></div>");
    for (title, class, codes) in [
        ("Fail", "fail", FAIL_CODES),
        ("Incomplete", "incomplete", INCOMPLETE_CODES),
    ] {
        html.push_str("<h2>");
        html.push_str(title);
        html.push_str("</h2><div class=\"grid\">");
        for code in codes {
            html.push_str("<button class=\"");
            html.push_str(class);
            html.push_str("\" name=\"outcome\" value=\"");
            html.push_str(&attr(code));
            html.push_str("\" title=\"");
            html.push_str(&attr(ErrorCode::from_wire(code).description()));
            html.push_str("\">");
            html.push_str(&text(code));
            html.push_str("</button>");
        }
        html.push_str("</div>");
    }
    html.push_str("</form></main></body></html>");
    html
}

/// A small page for a problem (unknown transaction, unknown outcome).
pub(crate) fn problem_page(message: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>ADVANCE.AI sandbox</title><style>{STYLE}</style></head><body><main><h1>ADVANCE.AI sandbox</h1><p>{}</p></main></body></html>",
        text(message)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_documented_outcome_parses() {
        assert_eq!(FAIL_CODES.len() + INCOMPLETE_CODES.len(), 19);
        for code in FAIL_CODES.iter().chain(INCOMPLETE_CODES) {
            let verdict = parse_outcome(code);
            assert!(
                verdict.as_ref().is_some_and(|v| !v.error_code.is_unknown()),
                "{code}"
            );
        }
        assert!(parse_outcome("PASS").is_some());
        assert!(parse_outcome("MAYBE").is_none());
    }
}
