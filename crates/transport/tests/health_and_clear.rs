//! `Client::health` and `Client::clear_data` against the sandbox: a GET with a query, a POST
//! whose `SUCCESS` has `data: null`, and `REQUEST_IN_PROCESSING` retried as "later".
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use std::time::Duration;

use advanceai_sandbox::{
    DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY, MSG_NOT_FINISHED, RunningSandbox, Sandbox,
    SandboxConfig,
};
use advanceai_transport::{
    ClearDataRequest, Client, ClientConfig, Endpoint, Error, GenerateUrlRequest, GetResultRequest,
    HealthRequest, HealthStatus, InvalidRequest, Operation, ProxySetting, ResponseCode,
    RetryPolicy,
};

fn setup() -> (RunningSandbox, Client) {
    let sandbox = Sandbox::start(SandboxConfig::default()).unwrap();
    let config = ClientConfig::builder()
        .base_url(sandbox.base_url())
        .credentials(DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY)
        .proxy(ProxySetting::None)
        .retry(
            RetryPolicy::default()
                .with_backoff(Duration::from_millis(5), Duration::from_millis(20))
                .with_max_retry_after(Duration::from_millis(20)),
        )
        .build()
        .unwrap();
    (sandbox, Client::new(config))
}

fn set_health(sandbox: &RunningSandbox, number_type: &str, status: &str) {
    ureq::post(&format!("{}/sandbox/health", sandbox.base_url()))
        .header("Content-Type", "application/json")
        .send(serde_json::json!({ "numberType": number_type, "status": status }).to_string())
        .unwrap();
}

#[test]
fn health_reads_the_status_and_says_whether_to_start() {
    let (sandbox, client) = setup();
    let data = client.health("NG_BVN").unwrap();
    assert_eq!(data.number_type.as_deref(), Some("NG_BVN"));
    assert_eq!(data.status, Some(HealthStatus::Health));
    assert!(data.can_start());

    set_health(&sandbox, "NG_BVN", "unstable");
    let data = client.health("ng_bvn").unwrap();
    assert_eq!(data.status, Some(HealthStatus::Unstable));
    assert!(!data.can_start());
    set_health(&sandbox, "NG_NIN", "degraded");
    let data = client.health("NG_NIN").unwrap();
    assert_eq!(data.status, Some(HealthStatus::Unknown("degraded".into())));
    assert!(!data.can_start());

    let error = client.health("BVN").unwrap_err();
    assert_eq!(error.code(), Some(ResponseCode::ParameterError));
    assert!(
        matches!(
            client.health(""),
            Err(Error::InvalidInput(InvalidRequest::NumberTypeEmpty))
        ),
        "refused locally"
    );
    assert_eq!(sandbox.request_count(Endpoint::HealthStatus), 4);
    // Idempotent: a busy answer is retried (3 attempts in all).
    let error = client.health("fault-busy-h").unwrap_err();
    assert_eq!(error.code(), Some(ResponseCode::ServiceBusy));
    assert_eq!(sandbox.request_count(Endpoint::HealthStatus), 4 + 3);
    assert!(HealthRequest::DESCRIPTOR.is_idempotent());
}

#[test]
fn clear_data_clears_a_finished_transaction() {
    let (sandbox, client) = setup();
    let request = GenerateUrlRequest::new(
        "order-clear",
        "user-1",
        "NGA",
        "BVN",
        "https://example.com/ok",
        "https://example.com/fail",
    );
    let signature_id = client.generate_url(&request).unwrap().signature_id.unwrap();

    let error = client.clear_data(&signature_id).unwrap_err();
    assert!(
        matches!(&error, Error::Api { code: ResponseCode::ParameterError, message, .. } if message == MSG_NOT_FINISHED),
        "{error}"
    );
    assert_eq!(sandbox.request_count(Endpoint::ClearData), 1, "not retried");

    ureq::post(&format!("{}/sandbox/complete", sandbox.base_url()))
        .header("Content-Type", "application/json")
        .send(serde_json::json!({ "signatureId": signature_id, "outcome": "PASS" }).to_string())
        .unwrap();
    let result = |client: &Client| client.get_result(&GetResultRequest::new(&signature_id));
    assert!(result(&client).unwrap().doc_database_detail.is_some());
    client.clear_data(&signature_id).unwrap();
    let after = result(&client).unwrap();
    assert!(after.doc_database_detail.is_none());
    assert!(after.passed(), "the verdict stays");
    client.clear_data(&signature_id).unwrap();

    assert!(matches!(
        client.clear_data(""),
        Err(Error::InvalidInput(InvalidRequest::ClearSignatureIdEmpty))
    ));
    assert_eq!(sandbox.request_count(Endpoint::ClearData), 3);
}

#[test]
fn in_processing_is_retried_and_never_a_failed_request() {
    let (sandbox, client) = setup();
    let error = client.clear_data("fault-in-processing-1").unwrap_err();
    assert_eq!(error.code(), Some(ResponseCode::RequestInProcessing));
    assert_eq!(sandbox.request_count(Endpoint::ClearData), 3, "retried");
    let verdict = error.disposition(ClearDataRequest::DESCRIPTOR.idempotency);
    assert!(verdict.retryable && verdict.safe_to_resend);
    assert!(!verdict.faults_the_request && !verdict.refuses_account);
    assert!(!verdict.may_have_been_processed);

    let error = client.clear_data("0123456789abcdef").unwrap_err();
    let verdict = error.disposition(ClearDataRequest::DESCRIPTOR.idempotency);
    assert!(verdict.faults_the_request && !verdict.retryable);
}
