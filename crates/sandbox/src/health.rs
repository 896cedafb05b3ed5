//! Non-Doc Health Status, and `POST /sandbox/health`, which sets the status a numberType
//! reports.

use std::collections::HashMap;

use advanceai_core::{Endpoint, HealthData, HealthRequest, HealthStatus, Market};
use axum::body::Body;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use crate::body::read_json;
use crate::fault::Fault;
use crate::injection::{fault_after, fault_before};
use crate::messages::{MSG_HEALTH_NUMBER_TYPE, MSG_HEALTH_STATUS, MSG_MALFORMED};
use crate::reply::{Reply, data_value};
use crate::server::{Shared, accept_query, lock};

/// The status a numberType reports until `POST /sandbox/health` sets another.
const DEFAULT_STATUS: &str = "health";

/// The listed numberType `value` names, compared case-insensitively as the vendor does.
fn listed(value: &str) -> Option<&'static str> {
    Market::health_number_types().find(|listed| listed.eq_ignore_ascii_case(value))
}

/// `GET …/non-doc-health-status?numberType=…`.
pub(crate) async fn health_status(
    State(app): State<Shared>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    if let Err(response) = accept_query(&app, Endpoint::HealthStatus, &headers, body).await {
        return response;
    }
    let Ok(Query(query)) = query else {
        return Reply::parameter(MSG_MALFORMED).into_response();
    };
    let request = HealthRequest::new(query.get("numberType").cloned().unwrap_or_default());
    let fault = Fault::from_prefix(&request.number_type);
    let key = format!("health:{}", request.number_type);
    if let Some(response) = fault_before(&app, fault, &key).await {
        return response;
    }
    if let Err(problem) = request.validate() {
        return fault_after(fault, Reply::invalid(problem));
    }
    let Some(number_type) = listed(&request.number_type) else {
        return fault_after(fault, Reply::parameter(MSG_HEALTH_NUMBER_TYPE));
    };
    let status = lock(&app.memory.health)
        .get(number_type)
        .cloned()
        .unwrap_or_else(|| DEFAULT_STATUS.to_owned());
    let mut data = HealthData::default();
    data.number_type = Some(number_type.to_owned());
    data.status = Some(HealthStatus::from_wire(&status));
    fault_after(fault, Reply::ok(data_value(&data)))
}

/// The body of `POST /sandbox/health`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub(crate) struct SetHealth {
    number_type: Option<String>,
    status: Option<String>,
}

/// `POST /sandbox/health {numberType, status}`: from now on Health Status answers `status`
/// (any text, so an undocumented status can be tried) for that listed numberType.
pub(crate) async fn set_health(
    State(app): State<Shared>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let request: SetHealth = match read_json(&headers, body, app.config.max_body_bytes).await {
        Ok(request) => request,
        Err(reply) => return reply.into_response(),
    };
    let Some(number_type) = request.number_type.as_deref().and_then(listed) else {
        return Reply::parameter(MSG_HEALTH_NUMBER_TYPE).into_response();
    };
    let Some(status) = request.status.filter(|s| !s.is_empty()) else {
        return Reply::parameter(MSG_HEALTH_STATUS).into_response();
    };
    lock(&app.memory.health).insert(number_type.to_owned(), status.clone());
    let mut data = HealthData::default();
    data.number_type = Some(number_type.to_owned());
    data.status = Some(HealthStatus::from_wire(&status));
    Reply::ok(data_value(&data)).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listed_types_match_in_any_case() {
        assert_eq!(listed("ng_bvn"), Some("NG_BVN"));
        assert_eq!(listed("Gb_Gb"), Some("GB_GB"));
        assert_eq!(listed("BVN"), None);
        assert_eq!(listed("AADHAAR-PAN"), None);
    }
}
