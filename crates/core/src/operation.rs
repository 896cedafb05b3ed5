//! Each API operation described once: what it is, how it is checked, sent and read.
//!
//! An [`Operation`] is a value that knows its own [`Descriptor`] (path, method, whether it
//! is billable, whether it needs a token), refuses locally what the server would refuse,
//! builds its wire body and parses its answer. A client runs any operation through one
//! path (`advanceai_transport::Client::execute`), so adding an endpoint is one new
//! operation, not an edit in every layer.
//!
//! ```
//! use advanceai_core::{GetResultRequest, Idempotency, Operation};
//!
//! let request = GetResultRequest::new("f302f5d2454a85c2");
//! assert_eq!(GetResultRequest::DESCRIPTOR.idempotency, Idempotency::Idempotent);
//! assert_eq!(request.validate(), Ok(()));
//! let body = request.body()?;
//! assert_eq!(body, br#"{"signatureId":"f302f5d2454a85c2"}"#);
//! # Ok::<(), advanceai_core::InvalidRequest>(())
//! ```

use serde::de::DeserializeOwned;

use crate::{
    ClearDataRequest, Cleared, Clock, Descriptor, Endpoint, Envelope, EnvelopeError,
    GenerateUrlData, GenerateUrlRequest, GetResultData, GetResultRequest, HealthData,
    HealthRequest, IdNumberVerificationRequest, InvalidRequest, ParseError, Secret, TokenData,
    TokenRequest, VerificationData, parse_envelope,
};

/// One API call: its description, its local validation, its wire body and its parser.
///
/// Implement it for a call this version has no named method for, and run it with
/// `advanceai_transport::Client::execute`: the client adds the token, the retries that
/// never bill twice (from [`Descriptor::idempotency`]) and the typed errors.
pub trait Operation {
    /// The `data` of a `SUCCESS` answer.
    type Output: DeserializeOwned;

    /// What the call is.
    const DESCRIPTOR: Descriptor;

    /// Refuses what the server would refuse, with its code and message; nothing is sent
    /// when this fails.
    fn validate(&self) -> Result<(), InvalidRequest>;

    /// The query parameters, in order (Health Status and Clear Data have one each; the
    /// other calls none).
    fn query(&self) -> Vec<(&'static str, String)> {
        Vec::new()
    }

    /// The JSON body of one attempt. Called again for each attempt, so a body that depends
    /// on the time (the token signature) is fresh every time.
    fn body(&self) -> Result<Vec<u8>, InvalidRequest>;

    /// Reads an answer: lenient where the vendor is inconsistent, strict where a guess would
    /// be unsafe (see [`parse_envelope`]).
    fn parse(bytes: &[u8]) -> Result<Envelope<Self::Output>, ParseError> {
        parse_envelope(bytes)
    }

    /// The output of a parsed answer: by default the `data` of a `SUCCESS`, and an error
    /// without it ([`Envelope::into_data`]). An operation whose `SUCCESS` carries no data
    /// (the vendor's Clear Data answers `data: null`) overrides this.
    fn into_output(envelope: Envelope<Self::Output>) -> Result<Self::Output, EnvelopeError> {
        envelope.into_data()
    }
}

/// The token call, signed afresh with the clock's time for every attempt.
///
/// [`TokenRequest`] is the same call signed once, for callers who send it themselves.
#[derive(Debug)]
pub struct TokenOperation<'a> {
    /// The account's access key.
    pub access_key: &'a Secret,
    /// The account's secret key.
    pub secret_key: &'a Secret,
    /// Where the timestamp comes from.
    pub clock: &'a dyn Clock,
    /// The token lifetime asked for, if any.
    pub period_second: Option<u32>,
}

impl TokenOperation<'_> {
    fn sign(&self) -> Result<TokenRequest, InvalidRequest> {
        TokenRequest::sign(
            self.access_key,
            self.secret_key,
            self.clock.now_ms(),
            self.period_second,
        )
    }
}

impl Operation for TokenOperation<'_> {
    type Output = TokenData;
    const DESCRIPTOR: Descriptor = Endpoint::Token.descriptor();

    fn validate(&self) -> Result<(), InvalidRequest> {
        self.sign().map(drop)
    }

    fn body(&self) -> Result<Vec<u8>, InvalidRequest> {
        self.sign().map(|request| request.to_json())
    }
}

impl Operation for TokenRequest {
    type Output = TokenData;
    const DESCRIPTOR: Descriptor = Endpoint::Token.descriptor();

    /// A signed request was checked when it was signed.
    fn validate(&self) -> Result<(), InvalidRequest> {
        Ok(())
    }

    fn body(&self) -> Result<Vec<u8>, InvalidRequest> {
        Ok(self.to_json())
    }
}

/// The operations whose body is the request itself, validated by its own `validate`.
macro_rules! request_operation {
    ($request:ty => $output:ty, $endpoint:expr) => {
        impl Operation for $request {
            type Output = $output;
            const DESCRIPTOR: Descriptor = $endpoint.descriptor();

            fn validate(&self) -> Result<(), InvalidRequest> {
                <$request>::validate(self)
            }

            fn body(&self) -> Result<Vec<u8>, InvalidRequest> {
                Ok(self.to_json())
            }
        }
    };
}

/// An operation whose rules were checked once, when it was made: running it does not check
/// them again. For a batch that sorts its rows into valid and invalid up front.
///
/// ```
/// use advanceai_core::{IdNumberVerificationRequest, Operation, Validated};
///
/// let row = IdNumberVerificationRequest::new("order-1", "user-1", "NGA", "BVN", "123");
/// let refused = Validated::new(row).unwrap_err();
/// assert_eq!(refused.1.code().as_str(), "PARAMETER_ERROR");
/// let request = refused.0; // the request is handed back, not lost
/// assert_eq!(request.biz_id, "order-1");
/// ```
#[derive(Clone, Debug)]
pub struct Validated<O>(O);

impl<O: Operation> Validated<O> {
    /// Checks `operation` once; on a refusal it is handed back with the reason.
    pub fn new(operation: O) -> Result<Self, (O, InvalidRequest)> {
        match operation.validate() {
            Ok(()) => Ok(Self(operation)),
            Err(problem) => Err((operation, problem)),
        }
    }

    /// The checked operation.
    pub fn get(&self) -> &O {
        &self.0
    }
}

impl<O: Operation> Operation for Validated<O> {
    type Output = O::Output;
    const DESCRIPTOR: Descriptor = O::DESCRIPTOR;

    /// Checked when it was made.
    fn validate(&self) -> Result<(), InvalidRequest> {
        Ok(())
    }

    fn query(&self) -> Vec<(&'static str, String)> {
        self.0.query()
    }

    fn body(&self) -> Result<Vec<u8>, InvalidRequest> {
        self.0.body()
    }

    fn parse(bytes: &[u8]) -> Result<Envelope<Self::Output>, ParseError> {
        O::parse(bytes)
    }

    fn into_output(envelope: Envelope<Self::Output>) -> Result<Self::Output, EnvelopeError> {
        O::into_output(envelope)
    }
}

request_operation!(IdNumberVerificationRequest => VerificationData, Endpoint::IdNumberVerification);
request_operation!(GenerateUrlRequest => GenerateUrlData, Endpoint::GenerateUrl);
request_operation!(GetResultRequest => GetResultData, Endpoint::GetResult);

/// Health Status: a `GET` whose one parameter is the query's `numberType`.
impl Operation for HealthRequest {
    type Output = HealthData;
    const DESCRIPTOR: Descriptor = Endpoint::HealthStatus.descriptor();

    fn validate(&self) -> Result<(), InvalidRequest> {
        HealthRequest::validate(self)
    }

    fn query(&self) -> Vec<(&'static str, String)> {
        vec![("numberType", self.number_type.clone())]
    }

    /// A `GET` has no body.
    fn body(&self) -> Result<Vec<u8>, InvalidRequest> {
        Ok(Vec::new())
    }
}

/// Clear Data: a `POST` with the `signatureId` in the query, as the vendor's example sends
/// it, and no body (whether the server also reads a JSON body is not documented).
impl Operation for ClearDataRequest {
    type Output = Cleared;
    const DESCRIPTOR: Descriptor = Endpoint::ClearData.descriptor();

    fn validate(&self) -> Result<(), InvalidRequest> {
        ClearDataRequest::validate(self)
    }

    fn query(&self) -> Vec<(&'static str, String)> {
        vec![("signatureId", self.signature_id.clone())]
    }

    fn body(&self) -> Result<Vec<u8>, InvalidRequest> {
        Ok(Vec::new())
    }

    /// `SUCCESS` with `data: null` ("Always return null for this API") is the success.
    fn into_output(envelope: Envelope<Cleared>) -> Result<Cleared, EnvelopeError> {
        if envelope.is_success() {
            Ok(Cleared)
        } else {
            envelope.into_data()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Idempotency, ManualClock};

    #[test]
    fn each_operation_reads_its_row() {
        assert_eq!(
            IdNumberVerificationRequest::DESCRIPTOR,
            Endpoint::IdNumberVerification.descriptor()
        );
        assert_eq!(
            GenerateUrlRequest::DESCRIPTOR.idempotency,
            Idempotency::Billable
        );
        assert_eq!(
            [
                GetResultRequest::DESCRIPTOR.is_idempotent(),
                TokenRequest::DESCRIPTOR.needs_token,
                TokenOperation::DESCRIPTOR.needs_token,
            ],
            [true, false, false]
        );
    }

    #[test]
    fn the_token_body_is_signed_at_each_attempt() {
        let (access, secret) = (
            Secret::new("sampleaccesskey"),
            Secret::new("samplesecretkey"),
        );
        let clock = ManualClock::new(1_665_993_522_952);
        let operation = TokenOperation {
            access_key: &access,
            secret_key: &secret,
            clock: &clock,
            period_second: None,
        };
        let first = operation.body().unwrap();
        assert!(
            String::from_utf8_lossy(&first)
                .contains("02209bbeaf0d0a3dd587f6a1ba22f84c98d142e3b545e77db7e4906ca56349f5")
        );
        clock.advance(std::time::Duration::from_secs(1));
        assert_ne!(operation.body().unwrap(), first);
        let empty = Secret::new("");
        let refused = TokenOperation {
            access_key: &empty,
            ..operation
        };
        assert_eq!(refused.validate(), Err(InvalidRequest::CredentialsMissing));
    }
}
