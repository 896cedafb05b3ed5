//! The H5 page: the transaction's details, the person fields Generate URL left out
//! ([`super::entry`]), and one button per outcome; self-contained HTML, no JavaScript.

use advanceai_core::{ErrorCode, Gender, Market};
use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};

use super::entry::{Entry, Field, asked};
use super::outcome::{FAIL_CODES, INCOMPLETE_CODES};
use crate::state::Transaction;
use crate::test_numbers::OUTCOME_BY_NUMBER;

const STYLE: &str = "body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;background:#f4f6f8;color:#1d2733;margin:0;padding:24px}\
main{max-width:720px;margin:0 auto;background:#fff;border-radius:12px;box-shadow:0 2px 12px rgba(0,0,0,.08);padding:24px 28px}\
h1{font-size:1.4rem;margin:0 0 4px}p.note{color:#5b6775;margin:0 0 16px}\
table{border-collapse:collapse;width:100%;margin-bottom:20px}td{padding:6px 8px;border-bottom:1px solid #e5e9ee;font-size:.92rem;word-break:break-all}td:first-child{color:#5b6775;width:35%}\
h2{font-size:1.05rem;margin:18px 0 8px}.grid{display:flex;flex-wrap:wrap;gap:8px}\
button{border:0;border-radius:8px;padding:9px 12px;font-size:.85rem;cursor:pointer;color:#fff}\
button.pass{background:#1f9d55;font-size:1rem;padding:12px 20px}button.fail{background:#c0392b}button.incomplete{background:#7f8c8d}\
button:hover{filter:brightness(1.1)}.done{padding:12px;border-radius:8px;background:#eef6ee}\
button.number{background:#2c6fbb;font-size:1rem;padding:12px 20px}\
label{display:block;margin:10px 0 4px;font-size:.92rem}input,select{font-size:1rem;padding:8px;border:1px solid #c5ccd4;border-radius:6px;width:100%;box-sizing:border-box}\
.hint{color:#5b6775;font-size:.8rem}.problem{padding:12px;border-radius:8px;background:#fdecea;color:#8a1f11}";

/// What the form shows besides the transaction: a refusal of what was typed, and the typed
/// values to fill in again.
#[derive(Debug, Default)]
pub(crate) struct Form {
    /// Why the last submission was refused, in plain words.
    pub(crate) problem: Option<String>,
    /// What the user typed in the last submission.
    pub(crate) typed: Entry,
}

/// The inputs of the fields the page asks for, after the refusal of the last try, if any.
fn push_fields(html: &mut String, transaction: &Transaction, form: &Form) {
    let fields = asked(&transaction.request);
    if let Some(problem) = &form.problem {
        html.push_str("<p class=\"problem\" id=\"problem\" role=\"alert\">");
        html.push_str(&text(problem));
        html.push_str("</p>");
    }
    if fields.is_empty() {
        return;
    }
    html.push_str("<h2>Your details</h2><p class=\"note\">Generate URL left these out, so the page asks for them, as the vendor's page does.</p>");
    let market = transaction.request.market();
    for field in fields {
        let id = field.name();
        let typed = form.typed.get(field).unwrap_or_default();
        html.push_str("<label for=\"");
        html.push_str(id);
        html.push_str("\">");
        html.push_str(&text(&label(field, market)));
        html.push_str("</label>");
        if field == Field::Gender {
            html.push_str(
                "<select id=\"gender\" name=\"gender\" required><option value=\"\">Choose</option>",
            );
            for gender in Gender::KNOWN {
                let value = gender.as_str();
                html.push_str("<option value=\"");
                html.push_str(&attr(value));
                html.push('"');
                if value == typed {
                    html.push_str(" selected");
                }
                html.push('>');
                html.push_str(&text(value));
                html.push_str("</option>");
            }
            html.push_str("</select>");
            continue;
        }
        html.push_str("<input id=\"");
        html.push_str(id);
        html.push_str("\" name=\"");
        html.push_str(id);
        html.push_str("\" required autocomplete=\"off\"");
        if field == Field::NumberValue {
            html.push_str(" inputmode=\"numeric\"");
        }
        html.push_str(" value=\"");
        html.push_str(&attr(typed));
        html.push_str("\">");
        if let (Field::NumberValue, Some(market)) = (field, market) {
            html.push_str("<span class=\"hint\">");
            html.push_str(&text(&market.describe_lengths()));
            html.push_str(" digits</span>");
        }
    }
}

/// The label of a field's input.
fn label(field: Field, market: Option<&Market>) -> String {
    match (field, market) {
        (Field::NumberValue, Some(market)) => {
            format!("{} ({})", market.description, market.number_type)
        }
        (Field::NumberValue, None) => "ID number".to_owned(),
        (Field::FullName, _) => "Full name".to_owned(),
        (Field::Gender, _) => "Gender".to_owned(),
    }
}

/// The H5 page for a transaction: its details, the fields it asks for, and one button per
/// outcome (the first: as the number says).
pub(crate) fn page(signature_id: &str, transaction: &Transaction, form: &Form) -> String {
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
    html.push_str("\">");
    push_fields(&mut html, transaction, form);
    html.push_str("<h2>As the number says</h2><p class=\"note\">The outcome of the sandbox's test number; any other number passes.</p><div class=\"grid\"><button class=\"number\" name=\"outcome\" value=\"");
    html.push_str(OUTCOME_BY_NUMBER);
    html.push_str("\">As the number says</button></div>");
    html.push_str("<h2>Pass</h2><div class=\"grid\"><button class=\"pass\" name=\"outcome\" value=\"PASS\">PASS</button></div>");
    for (title, class, codes) in [
        ("Fail", "fail", FAIL_CODES.as_slice()),
        ("Incomplete", "incomplete", INCOMPLETE_CODES.as_slice()),
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
