//! The database verification endpoint: core's validation, then the test-number table.

use advanceai_core::{Endpoint, IdNumberVerificationRequest, OverallResult, VerificationData};
use axum::body::Body;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use crate::body::{drain, read_json};
use crate::fault::{Fault, UNKNOWN_ERROR_CODE};
use crate::injection::{fault_after, fault_before};
use crate::person::{FakePerson, verdict_for};
use crate::reply::{Reply, data_value, new_id};
use crate::server::{Shared, check_token};

pub(crate) async fn verify(State(app): State<Shared>, headers: HeaderMap, body: Body) -> Response {
    app.counts.record(Endpoint::IdNumberVerification);
    if let Err(reply) = check_token(&app, &headers) {
        drain(body).await;
        return reply.into_response();
    }
    let request: IdNumberVerificationRequest =
        match read_json(&headers, body, app.config.max_body_bytes).await {
            Ok(request) => request,
            Err(reply) => return reply.into_response(),
        };
    let fault = Fault::from_prefix(&request.biz_id);
    let key = format!("verify:{}", request.biz_id);
    if let Some(response) = fault_before(&app, fault, &key).await {
        return response;
    }
    if let Err(problem) = request.validate() {
        return fault_after(fault, Reply::invalid(problem));
    }
    let data = if fault == Some(Fault::UnknownErrorCode) {
        json!({
            "signatureId": new_id(),
            "overallResult": "FAIL",
            "errorCode": UNKNOWN_ERROR_CODE,
            "docDatabaseDetail": null,
        })
    } else {
        verification_data(request.number_value.expose())
    };
    fault_after(fault, Reply::ok(data))
}

/// The `data` of database verification for a valid number.
///
/// Built with core's [`VerificationData`], then two wire details of this endpoint are
/// written over it: `errorCode` is `""` on PASS (core writes `SUCCESS`, Get Result's
/// spelling) and `gender` is `Male` / `Female` (core writes `MALE` / `FEMALE`).
fn verification_data(number: &str) -> Value {
    let (overall_result, error_code) = verdict_for(number);
    let passed = overall_result == OverallResult::Pass;
    let person = FakePerson::from_seed(number);
    let mut data = VerificationData::default();
    data.signature_id = Some(new_id());
    data.overall_result = Some(overall_result);
    data.error_code = Some(error_code);
    data.doc_database_detail = passed.then(|| person.verification_record());
    let mut value = data_value(&data);
    if passed {
        if let Some(object) = value.as_object_mut() {
            object.insert("errorCode".into(), Value::String(String::new()));
        }
        if let Some(detail) = value
            .get_mut("docDatabaseDetail")
            .and_then(Value::as_object_mut)
        {
            let gender = if person.female { "Female" } else { "Male" };
            detail.insert("gender".into(), Value::String(gender.into()));
        }
    }
    value
}
