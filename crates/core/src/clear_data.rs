//! Clear Data (the vendor's "PII Data Retention API"): deletes a finished transaction's
//! personal data on the vendor's side.
//!
//! Call it once a result is no longer needed, so that personal data is kept no longer than
//! that. `POST …/ekyc/v1/clear-data?signatureId=…`; the vendor's example sends no body, and
//! its `SUCCESS` answers `data: null`.
//!
//! What may come back (non-doc-flow.md §8):
//! * `SUCCESS`: cleared.
//! * `PARAMETER_ERROR` `SignatureId is empty`, `SignatureId is not exist` (an unknown id) or
//!   `Transaction is not finished` (clearing is refused until the result is final).
//! * `REQUEST_IN_PROCESSING`: a clear of this transaction is already being processed. Not a
//!   failed deletion: try again later (see [`crate::ResponseCode::RequestInProcessing`]).
//! * `ERROR`: a server error.
//!
//! Clearing twice has the effect of clearing once, so the call is idempotent. What a later
//! Get Result returns for a cleared transaction is not documented.
//!
//! ```
//! use advanceai_core::{ClearDataRequest, InvalidRequest, Operation};
//!
//! let request = ClearDataRequest::new("681760d460df34eb");
//! assert_eq!(request.query(), vec![("signatureId", "681760d460df34eb".to_owned())]);
//! assert!(request.body()?.is_empty());
//! let refused = ClearDataRequest::new("").validate().unwrap_err();
//! assert_eq!(refused.message(), "SignatureId is empty");
//! # Ok::<(), InvalidRequest>(())
//! ```

use std::fmt;

use serde::de::{Deserialize, Deserializer, IgnoredAny};
use serde::{Serialize, Serializer};

use crate::InvalidRequest;

/// The query of `POST …/ekyc/v1/clear-data`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct ClearDataRequest {
    /// The transaction whose data is to be cleared: the id Generate URL returned.
    pub signature_id: String,
}

impl ClearDataRequest {
    /// A request to clear one transaction's data.
    pub fn new(signature_id: impl Into<String>) -> Self {
        Self {
            signature_id: signature_id.into(),
        }
    }

    /// Refuses an empty `signatureId`, with the server's message `SignatureId is empty`.
    /// Whether the id exists and the transaction is finished only the server knows.
    pub fn validate(&self) -> Result<(), InvalidRequest> {
        if self.signature_id.is_empty() {
            return Err(InvalidRequest::ClearSignatureIdEmpty);
        }
        Ok(())
    }
}

/// The outcome of a successful Clear Data: the transaction's data is cleared.
///
/// The vendor's `data` is "Always return null for this API"; anything else it may send
/// there is ignored, since no field of it is documented.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Cleared;

impl<'de> Deserialize<'de> for Cleared {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        IgnoredAny::deserialize(deserializer).map(|_| Cleared)
    }
}

/// Serialized as `null`, what the vendor sends in its place.
impl Serialize for Cleared {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_unit()
    }
}

impl fmt::Display for Cleared {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("cleared")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ApiError, EnvelopeError, Operation, ResponseCode, parse_envelope};

    fn output(body: &[u8]) -> Result<Cleared, EnvelopeError> {
        ClearDataRequest::into_output(parse_envelope(body).unwrap())
    }

    #[test]
    fn success_with_null_data_is_cleared() {
        let ok = br#"{"code":"SUCCESS","message":"OK","data":null,"extra":null,"transactionId":"d3fde1547eeaf226","pricingStrategy":"FREE"}"#;
        assert_eq!(output(ok), Ok(Cleared));
        assert_eq!(output(br#"{"code":"SUCCESS"}"#), Ok(Cleared));
        assert_eq!(
            output(br#"{"code":"SUCCESS","data":{"later":1}}"#),
            Ok(Cleared)
        );
    }

    #[test]
    fn other_codes_are_errors() {
        let in_processing = br#"{"code":"REQUEST_IN_PROCESSING","message":"Your request is currently being processed. Please do not submit it repeatedly","data":null,"transactionId":"t2"}"#;
        let Err(EnvelopeError::Api(ApiError {
            code,
            transaction_id,
            ..
        })) = output(in_processing)
        else {
            panic!("not an API error");
        };
        assert_eq!(code, ResponseCode::RequestInProcessing);
        assert!(code.is_transient() && code.proves_not_processed());
        assert_eq!(transaction_id.as_deref(), Some("t2"));
        let empty = br#"{"code":"PARAMETER_ERROR","message":"SignatureId is empty","data":null,"extra":null,"transactionId":"b6d722f7e9f553ae","pricingStrategy":"FREE"}"#;
        assert!(matches!(
            output(empty),
            Err(EnvelopeError::Api(ApiError { code: ResponseCode::ParameterError, message, .. }))
                if message == "SignatureId is empty"
        ));
    }

    #[test]
    fn the_request_is_a_query_without_a_body() {
        let request = ClearDataRequest::new("681760d460df34eb");
        assert_eq!(request.validate(), Ok(()));
        assert_eq!(ClearDataRequest::DESCRIPTOR.method.as_str(), "POST");
        assert!(ClearDataRequest::DESCRIPTOR.is_idempotent());
        let refused = ClearDataRequest::new("").validate().unwrap_err();
        assert_eq!(
            (refused.code(), refused.field()),
            (ResponseCode::ParameterError, "signatureId")
        );
    }
}
