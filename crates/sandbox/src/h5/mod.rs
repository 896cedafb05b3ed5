//! The H5 flow: Generate URL creates a transaction, the page (or `/sandbox/complete`)
//! finishes it, Get Result reads it.

mod clear;
mod complete;
mod entry;
mod outcome;
mod page;
mod result;

use advanceai_core::{
    Endpoint, EpochMillis, ErrorCode, GenerateUrlData, GenerateUrlRequest, GetResultRequest,
    OverallResult, ResponseCode,
};
use axum::body::Body;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};

pub(crate) use clear::clear_data;
pub(crate) use complete::{complete, h5_page, h5_submit};
pub use outcome::{FAIL_CODES, INCOMPLETE_CODES};

use crate::fault::{Fault, UNKNOWN_ERROR_CODE};
use crate::injection::{fault_after, fault_before};
use crate::messages::MSG_SIGNATURE_NOT_EXIST;
use crate::reply::{Reply, data_value, new_id};
use crate::server::{App, Shared, accept, lock};
use crate::state::{Transaction, Verdict};

/// The H5 URL lifetime reported as `expiredTime` by Generate URL (vendor: about 3600 s).
const URL_LIFETIME_MS: u64 = 3_600_000;

pub(crate) async fn generate_url(
    State(app): State<Shared>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let request: GenerateUrlRequest =
        match accept(&app, Endpoint::GenerateUrl, &headers, body).await {
            Ok(request) => request,
            Err(response) => return response,
        };
    let fault = Fault::from_prefix(&request.biz_id);
    let key = format!("generate:{}", request.biz_id);
    if let Some(response) = fault_before(&app, fault, &key).await {
        return response;
    }
    if let Err(problem) = request.validate() {
        return fault_after(fault, Reply::invalid(problem));
    }
    let signature_id = new_id();
    let now = app.config.clock.now_ms();
    let result_fault = Fault::for_results(&request.biz_id);
    lock(&app.memory.transactions).insert(
        signature_id.clone(),
        Transaction {
            request,
            created_ms: now,
            verdict: None,
            result_fault,
            cleared: false,
        },
    );
    let mut data = GenerateUrlData::default();
    data.url = Some(format!("{}/h5/{signature_id}", app.base_url));
    data.signature_id = Some(signature_id);
    data.expired_time = Some(EpochMillis(now.saturating_add(URL_LIFETIME_MS)));
    fault_after(fault, Reply::ok(data_value(&data)))
}

/// Marks a pending transaction timed out once the configured user timeout has passed.
fn expire_if_due(app: &App, transaction: &mut Transaction) {
    let timeout = u64::try_from(app.config.user_timeout.as_millis()).unwrap_or(u64::MAX);
    if transaction.verdict.is_none()
        && app
            .config
            .clock
            .now_ms()
            .saturating_sub(transaction.created_ms)
            >= timeout
    {
        transaction.verdict = Some(Verdict {
            overall_result: OverallResult::Incomplete,
            error_code: ErrorCode::UserTimeout,
        });
    }
}

/// The transaction behind `signature_id`, timed out first if it is due.
fn snapshot(app: &App, signature_id: &str) -> Option<Transaction> {
    let mut transactions = lock(&app.memory.transactions);
    transactions.get_mut(signature_id).map(|transaction| {
        expire_if_due(app, transaction);
        transaction.clone()
    })
}

pub(crate) async fn get_result(
    State(app): State<Shared>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let request: GetResultRequest = match accept(&app, Endpoint::GetResult, &headers, body).await {
        Ok(request) => request,
        Err(response) => return response,
    };
    if let Err(problem) = request.validate() {
        return Reply::invalid(problem).into_response();
    }
    let signature_id = request.signature_id;
    let snapshot = snapshot(&app, &signature_id);
    let fault = Fault::from_prefix(&signature_id)
        .or_else(|| snapshot.as_ref().and_then(|t| t.result_fault));
    let key = format!("result:{signature_id}");
    if let Some(response) = fault_before(&app, fault, &key).await {
        return response;
    }
    let Some(transaction) = snapshot else {
        return fault_after(
            fault,
            Reply::new(
                ResponseCode::SignatureNotExist,
                MSG_SIGNATURE_NOT_EXIST,
                None,
            ),
        );
    };
    let mut data = result::result_data(&signature_id, &transaction);
    if fault == Some(Fault::UnknownErrorCode) {
        data.overall_result = Some(OverallResult::Fail);
        data.idv_result = Some(OverallResult::Fail);
        data.submission_completed = Some(true);
        data.error_code = Some(ErrorCode::from_wire(UNKNOWN_ERROR_CODE));
    }
    fault_after(fault, Reply::ok(data_value(&data)))
}
