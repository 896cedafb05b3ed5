//! Clear Data: deletes a finished transaction's person data, so that Get Result no longer
//! returns it.

use std::collections::HashMap;

use advanceai_core::{ClearDataRequest, Endpoint, ResponseCode};
use axum::body::Body;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};

use super::expire_if_due;
use crate::fault::Fault;
use crate::injection::{fault_after, fault_before};
use crate::messages::{MSG_CLEAR_NOT_EXIST, MSG_MALFORMED, MSG_NOT_FINISHED};
use crate::reply::Reply;
use crate::server::{App, Shared, accept_query, lock};

/// Why a transaction could not be cleared.
enum Refusal {
    NotExist,
    NotFinished,
}

/// Marks a final transaction cleared; clearing twice clears once.
fn clear(app: &App, signature_id: &str) -> Result<(), Refusal> {
    let mut transactions = lock(&app.memory.transactions);
    let transaction = transactions
        .get_mut(signature_id)
        .ok_or(Refusal::NotExist)?;
    expire_if_due(app, transaction);
    if transaction.verdict.is_none() {
        return Err(Refusal::NotFinished);
    }
    transaction.cleared = true;
    Ok(())
}

/// `POST …/clear-data?signatureId=…`: `SUCCESS` with `data: null`.
pub(crate) async fn clear_data(
    State(app): State<Shared>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    if let Err(response) = accept_query(&app, Endpoint::ClearData, &headers, body).await {
        return response;
    }
    let Ok(Query(query)) = query else {
        return Reply::parameter(MSG_MALFORMED).into_response();
    };
    let request = ClearDataRequest::new(query.get("signatureId").cloned().unwrap_or_default());
    let fault = Fault::from_prefix(&request.signature_id);
    let key = format!("clear:{}", request.signature_id);
    if let Some(response) = fault_before(&app, fault, &key).await {
        return response;
    }
    if let Err(problem) = request.validate() {
        return fault_after(fault, Reply::invalid(problem));
    }
    let reply = match clear(&app, &request.signature_id) {
        Ok(()) => Reply::new(ResponseCode::Success, "OK", None),
        Err(Refusal::NotExist) => Reply::parameter(MSG_CLEAR_NOT_EXIST),
        Err(Refusal::NotFinished) => Reply::parameter(MSG_NOT_FINISHED),
    };
    fault_after(fault, reply)
}
