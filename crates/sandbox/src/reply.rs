//! Answers on their way out: the vendor envelope, its headers, and the code the request log
//! shows.

use advanceai_core::{Envelope, InvalidRequest, ResponseCode};
use axum::body::Body;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::Value;

/// A fresh 16-hex-digit id (transactionId, signatureId).
pub(crate) fn new_id() -> String {
    format!("{:016x}", rand::random::<u64>())
}

/// The code a response carried, for the request log.
#[derive(Clone, Debug)]
pub(crate) struct LoggedCode(pub(crate) String);

/// An envelope on its way out.
#[derive(Debug)]
pub(crate) struct Reply {
    pub(crate) status: StatusCode,
    pub(crate) envelope: Box<Envelope<Value>>,
    /// The `Retry-After` header sent, if any.
    pub(crate) retry_after: Option<HeaderValue>,
}

impl Reply {
    /// An HTTP 200 envelope with a fresh `transactionId` and `pricingStrategy: "FREE"`.
    pub(crate) fn new(code: ResponseCode, message: &str, data: Option<Value>) -> Self {
        let mut envelope = Envelope::new(code);
        envelope.message = Some(message.to_owned());
        envelope.data = data;
        envelope.transaction_id = Some(new_id());
        envelope.pricing_strategy = Some("FREE".to_owned());
        Self {
            status: StatusCode::OK,
            envelope: Box::new(envelope),
            retry_after: None,
        }
    }

    /// `SUCCESS` / `OK` with `data`.
    pub(crate) fn ok(data: Value) -> Self {
        Self::new(ResponseCode::Success, "OK", Some(data))
    }

    /// A refusal with core's code and message for `problem`.
    pub(crate) fn invalid(problem: InvalidRequest) -> Self {
        Self::new(problem.code(), problem.message(), None)
    }

    /// `PARAMETER_ERROR` with `message`.
    pub(crate) fn parameter(message: &str) -> Self {
        Self::new(ResponseCode::ParameterError, message, None)
    }

    pub(crate) fn with_status(mut self, status: StatusCode) -> Self {
        self.status = status;
        self
    }

    pub(crate) fn body(&self) -> Vec<u8> {
        serde_json::to_vec(&self.envelope).unwrap_or_else(|_| {
            br#"{"code":"ERROR","message":"Server error","data":null,"extra":null,"transactionId":null,"pricingStrategy":"FREE"}"#.to_vec()
        })
    }

    fn code(&self) -> String {
        self.envelope.code.as_str().to_owned()
    }
}

/// A JSON response with the vendor's content type, tagged with `code` for the log.
pub(crate) fn json_response(status: StatusCode, code: String, body: Body) -> Response {
    let mut response = Response::new(body);
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json;charset=UTF-8"),
    );
    response.extensions_mut().insert(LoggedCode(code));
    response
}

impl IntoResponse for Reply {
    fn into_response(self) -> Response {
        let body = self.body();
        let mut response = json_response(self.status, self.code(), Body::from(body));
        if let Some(retry_after) = self.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, retry_after);
        }
        response
    }
}

/// A core value as the `data` of an envelope.
pub(crate) fn data_value<T: serde::Serialize>(data: &T) -> Value {
    serde_json::to_value(data).unwrap_or(Value::Null)
}
