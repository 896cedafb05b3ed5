//! `Client::execute` runs an operation this version has no named method for, through the
//! same path as the named methods: token, validation, retries by idempotency, parsing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use std::time::Duration;

use advanceai_sandbox::{DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY, Sandbox, SandboxConfig};
use advanceai_transport::{
    Client, ClientConfig, Descriptor, Endpoint, Error, GenerateUrlRequest, Idempotency,
    InvalidRequest, Method, Operation, ProxySetting, ResponseCode, RetryPolicy,
};
use serde_json::Value;

/// A caller's own operation: Get Result read into plain JSON, on a path of its choosing.
struct RawResult {
    signature_id: String,
}

const RAW_RESULT: Descriptor = Descriptor::new(
    "raw_get_result",
    Method::Post,
    Endpoint::GetResult.path(),
    Idempotency::Idempotent,
    true,
);

impl Operation for RawResult {
    type Output = Value;
    const DESCRIPTOR: Descriptor = RAW_RESULT;

    fn validate(&self) -> Result<(), InvalidRequest> {
        if self.signature_id.is_empty() {
            return Err(InvalidRequest::SignatureIdMissing);
        }
        Ok(())
    }

    fn body(&self) -> Result<Vec<u8>, InvalidRequest> {
        Ok(
            serde_json::to_vec(&serde_json::json!({ "signatureId": self.signature_id }))
                .unwrap_or_default(),
        )
    }
}

/// A billable call to a path the server does not have.
struct Missing;

impl Operation for Missing {
    type Output = Value;
    const DESCRIPTOR: Descriptor = Descriptor::new(
        "missing",
        Method::Post,
        "/intl/openapi/no-such-api",
        Idempotency::Billable,
        true,
    );

    fn validate(&self) -> Result<(), InvalidRequest> {
        Ok(())
    }

    fn body(&self) -> Result<Vec<u8>, InvalidRequest> {
        Ok(b"{}".to_vec())
    }
}

#[test]
fn a_callers_own_operation_goes_through_the_same_path() {
    let sandbox = Sandbox::start(SandboxConfig::default()).unwrap();
    let client = Client::new(
        ClientConfig::builder()
            .base_url(sandbox.base_url())
            .credentials(DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY)
            .proxy(ProxySetting::None)
            .retry(
                RetryPolicy::default()
                    .with_backoff(Duration::from_millis(5), Duration::from_millis(20)),
            )
            .build()
            .unwrap(),
    );
    let page = client
        .generate_url(&GenerateUrlRequest::new(
            "order-raw",
            "user-1",
            "NGA",
            "BVN",
            "https://example.com/ok",
            "https://example.com/fail",
        ))
        .unwrap();
    let signature_id = page.signature_id.unwrap();
    let data = client
        .execute(&RawResult {
            signature_id: signature_id.clone(),
        })
        .unwrap();
    assert_eq!(data["signatureId"], signature_id.as_str());
    assert_eq!(data["errorCode"], Value::Null);
    // One token for both calls: the custom operation asked for it like the named ones.
    assert_eq!(sandbox.request_count(Endpoint::Token), 1);

    // Validation runs first: nothing is sent.
    let before = sandbox.request_count(Endpoint::GetResult);
    let refused = client
        .execute(&RawResult {
            signature_id: String::new(),
        })
        .unwrap_err();
    assert!(matches!(
        refused,
        Error::InvalidInput(InvalidRequest::SignatureIdMissing)
    ));
    assert_eq!(sandbox.request_count(Endpoint::GetResult), before);

    // An unknown path: the sandbox answers HTTP 404 with CLIENT_ERROR, an API error.
    let error = client.execute(&Missing).unwrap_err();
    assert_eq!(error.code(), Some(ResponseCode::ClientError), "{error}");
    let disposition = error.disposition(Missing::DESCRIPTOR.idempotency);
    assert!(disposition.refuses_account && !disposition.client_retries);
}

#[test]
fn a_call_without_a_token_was_never_sent() {
    let sandbox = Sandbox::start(SandboxConfig::default()).unwrap();
    let client = Client::new(
        ClientConfig::builder()
            .base_url(sandbox.base_url())
            .credentials(DEFAULT_ACCESS_KEY, "not-the-secret")
            .proxy(ProxySetting::None)
            .build()
            .unwrap(),
    );
    let request = advanceai_transport::IdNumberVerificationRequest::new(
        "order-1",
        "user-1",
        "NGA",
        "BVN",
        "22222222222",
    );
    let error = client.verify_id_number(&request).unwrap_err();
    assert!(matches!(&error, Error::TokenUnavailable(_)), "{error}");
    // The token call's own answer shows through: its kind, code and transaction id.
    assert_eq!(error.code(), Some(ResponseCode::ParameterError));
    assert!(error.transaction_id().is_some());
    assert!(error.to_string().contains("Signature error"), "{error}");
    let disposition = error.disposition(Idempotency::Billable);
    assert_eq!(disposition.kind.as_str(), "API_ERROR");
    assert!(!disposition.may_have_been_processed && disposition.safe_to_resend);
    // Keys the token API refuses refuse every call: a batch must stop.
    assert!(disposition.refuses_account && !disposition.client_retries);
    assert_eq!(sandbox.request_count(Endpoint::IdNumberVerification), 0);
    // The token call itself reports its failure unwrapped.
    assert!(matches!(client.token(), Err(Error::Api { .. })));
}
