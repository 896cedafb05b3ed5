//! Finishing a transaction: the page and its form, and `POST /sandbox/complete` for
//! automation. Both take the person fields the page asks for ([`super::entry`]), store the
//! verdict, start the callback and name the redirect.

use std::collections::HashMap;

use advanceai_core::{InvalidRequest, OverallResult, Pii, ResponseCode};
use axum::Form;
use axum::body::Body;
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde_json::json;

use super::entry::{self, Entry, Mode, Refusal};
use super::outcome::{Choice, parse_outcome};
use super::page::{Form as PageForm, page, problem_page};
use super::{expire_if_due, snapshot};
use crate::body::read_json;
use crate::callback;
use crate::messages::{MSG_ALREADY_FINAL, MSG_BAD_OUTCOME, MSG_NOT_ASKED, MSG_SIGNATURE_NOT_EXIST};
use crate::reply::Reply;
use crate::server::{App, Shared, lock};
use crate::state::Verdict;
use crate::test_numbers::h5_verdict;

/// The page's answer for a transaction the sandbox does not have.
fn unknown_link() -> Response {
    (
        StatusCode::NOT_FOUND,
        Html(problem_page(
            "This verification link is unknown or has expired.",
        )),
    )
        .into_response()
}

pub(crate) async fn h5_page(
    State(app): State<Shared>,
    Path(signature_id): Path<String>,
) -> Response {
    match snapshot(&app, &signature_id) {
        Some(transaction) => {
            Html(page(&signature_id, &transaction, &PageForm::default())).into_response()
        }
        None => unknown_link(),
    }
}

/// Why a transaction could not be completed.
enum CompleteError {
    NotFound,
    BadOutcome,
    AlreadyFinal,
    /// The person fields were refused; the transaction stays pending.
    Entry(Refusal),
}

/// Takes the person fields, stores the verdict, starts the callback, and says where the
/// browser goes next.
fn finish(
    app: &App,
    signature_id: &str,
    outcome: &str,
    entry: Entry,
    mode: Mode,
) -> Result<(Verdict, String), CompleteError> {
    let choice = parse_outcome(outcome);
    let mut transactions = lock(&app.memory.transactions);
    let transaction = transactions
        .get_mut(signature_id)
        .ok_or(CompleteError::NotFound)?;
    expire_if_due(app, transaction);
    if transaction.verdict.is_some() {
        return Err(CompleteError::AlreadyFinal);
    }
    let choice = choice.ok_or(CompleteError::BadOutcome)?;
    let request = entry::apply(&transaction.request, entry, mode).map_err(CompleteError::Entry)?;
    let verdict = match choice {
        Choice::Verdict(verdict) => verdict,
        Choice::ByNumber => h5_verdict(
            request.market(),
            request.number_value.as_ref().map(Pii::expose),
        ),
    };
    transaction.request = request;
    transaction.verdict = Some(verdict.clone());
    let redirect = if verdict.overall_result == OverallResult::Pass {
        transaction.request.return_url.clone()
    } else {
        transaction.request.fail_return_url.clone()
    };
    // The vendor's callback page: `COMPLETED` "(overallResult INCOMPLETE is not included)".
    // The sandbox sends nothing at all for INCOMPLETE (no SUBMIT_COMPLETED either: such a
    // flow ended without the user submitting).
    let notifies = verdict.overall_result != OverallResult::Incomplete;
    if let Some(callback_url) = transaction
        .request
        .callback_url
        .clone()
        .filter(|_| notifies)
    {
        callback::spawn(
            callback_url,
            signature_id.to_owned(),
            app.config.callback_attempts,
            app.config.callback_backoff,
        );
    }
    Ok((verdict, redirect))
}

pub(crate) async fn h5_submit(
    State(app): State<Shared>,
    Path(signature_id): Path<String>,
    form: Result<Form<HashMap<String, String>>, FormRejection>,
) -> Response {
    let mut fields = form.map(|Form(fields)| fields).unwrap_or_default();
    let outcome = fields.remove("outcome").unwrap_or_default();
    let entry = Entry::from_form(&fields);
    match finish(&app, &signature_id, &outcome, entry.clone(), Mode::Page) {
        Ok((_, redirect)) => Redirect::to(&redirect).into_response(),
        Err(CompleteError::NotFound) => unknown_link(),
        Err(CompleteError::BadOutcome) => (
            StatusCode::BAD_REQUEST,
            Html(problem_page("Please pick one of the listed outcomes.")),
        )
            .into_response(),
        Err(CompleteError::AlreadyFinal) => (
            StatusCode::CONFLICT,
            Html(problem_page("This verification is already finished.")),
        )
            .into_response(),
        Err(CompleteError::Entry(refusal)) => {
            // The page again, with what was typed and what is wrong with it.
            let Some(transaction) = snapshot(&app, &signature_id) else {
                return unknown_link();
            };
            let message = match refusal {
                Refusal::Invalid(problem) => {
                    entry::page_message(transaction.request.market(), problem)
                }
                Refusal::NotAsked(_) => MSG_NOT_ASKED.to_owned(),
            };
            let form = PageForm {
                problem: Some(message),
                typed: entry,
            };
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                Html(page(&signature_id, &transaction, &form)),
            )
                .into_response()
        }
    }
}

#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct CompleteRequest {
    #[serde(default)]
    signature_id: Option<String>,
    #[serde(default)]
    outcome: Option<String>,
    /// The fields the page asks for, all optional here.
    #[serde(default)]
    number_value: Option<Pii>,
    #[serde(default)]
    full_name: Option<Pii>,
    #[serde(default)]
    gender: Option<Pii>,
}

pub(crate) async fn complete(
    State(app): State<Shared>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let request: CompleteRequest = match read_json(&headers, body, app.config.max_body_bytes).await
    {
        Ok(request) => request,
        Err(reply) => return reply.into_response(),
    };
    let signature_id = request.signature_id.unwrap_or_default();
    let outcome = request.outcome.unwrap_or_default();
    if signature_id.is_empty() || outcome.is_empty() {
        return Reply::invalid(InvalidRequest::SignatureIdMissing).into_response();
    }
    let entry = Entry::new(
        request.number_value.as_ref().map(Pii::expose),
        request.full_name.as_ref().map(Pii::expose),
        request.gender.as_ref().map(Pii::expose),
    );
    match finish(&app, &signature_id, &outcome, entry, Mode::Automation) {
        Ok((verdict, redirect)) => Reply::ok(json!({
            "signatureId": signature_id,
            "overallResult": verdict.overall_result.as_str(),
            "errorCode": verdict.error_code.as_str(),
            "redirectUrl": redirect,
        }))
        .into_response(),
        Err(CompleteError::NotFound) => Reply::new(
            ResponseCode::SignatureNotExist,
            MSG_SIGNATURE_NOT_EXIST,
            None,
        )
        .into_response(),
        Err(CompleteError::BadOutcome) => Reply::parameter(MSG_BAD_OUTCOME).into_response(),
        Err(CompleteError::AlreadyFinal) => Reply::parameter(MSG_ALREADY_FINAL).into_response(),
        Err(CompleteError::Entry(Refusal::Invalid(problem))) => {
            Reply::invalid(problem).into_response()
        }
        Err(CompleteError::Entry(Refusal::NotAsked(_))) => {
            Reply::parameter(MSG_NOT_ASKED).into_response()
        }
    }
}
