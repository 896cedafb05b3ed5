//! The database verification endpoint: core's validation, then the test-number table, in
//! this endpoint's wire form (core's [`VerificationData::to_wire_value`]).

use advanceai_core::{
    Endpoint, ErrorCode, IdNumberType, IdNumberVerificationRequest, OverallResult, VerificationData,
};
use axum::body::Body;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;

use crate::fault::{Fault, UNKNOWN_ERROR_CODE};
use crate::injection::{fault_after, fault_before};
use crate::person::FakePerson;
use crate::reply::{Reply, new_id};
use crate::server::{Shared, accept};
use crate::test_numbers::database_verdict;

pub(crate) async fn verify(State(app): State<Shared>, headers: HeaderMap, body: Body) -> Response {
    let request: IdNumberVerificationRequest =
        match accept(&app, Endpoint::IdNumberVerification, &headers, body).await {
            Ok(request) => request,
            Err(response) => return response,
        };
    app.counts.record_biz_id(&request.biz_id);
    let fault = Fault::from_prefix(&request.biz_id);
    let key = format!("verify:{}", request.biz_id);
    if let Some(response) = fault_before(&app, fault, &key).await {
        return response;
    }
    if let Err(problem) = request.validate() {
        return fault_after(fault, Reply::invalid(problem));
    }
    let (overall_result, error_code) = if fault == Some(Fault::UnknownErrorCode) {
        (
            OverallResult::Fail,
            ErrorCode::from_wire(UNKNOWN_ERROR_CODE),
        )
    } else {
        let market = IdNumberType::find(&request.region, &request.number_type)
            .and_then(IdNumberType::market);
        database_verdict(market, request.number_value.expose())
    };
    let data = verification_data(&request, overall_result, error_code);
    fault_after(fault, Reply::ok(data.to_wire_value()))
}

/// The `data` of database verification for a valid request: a pass carries the fake person
/// of its number, anything else `docDatabaseDetail: null`.
fn verification_data(
    request: &IdNumberVerificationRequest,
    overall_result: OverallResult,
    error_code: ErrorCode,
) -> VerificationData {
    let passed = overall_result == OverallResult::Pass;
    let mut data = VerificationData::default();
    data.signature_id = Some(new_id());
    data.overall_result = Some(overall_result);
    data.error_code = Some(error_code);
    data.doc_database_detail = passed.then(|| {
        let market = IdNumberType::find(&request.region, &request.number_type)
            .and_then(IdNumberType::market);
        FakePerson::from_seed(request.number_value.expose(), market).verification_record()
    });
    data
}
