//! Pure domain types for the ADVANCE.AI identity-verification (eKYC) API: every request and
//! response, validation that refuses exactly what the server refuses, the token signature,
//! and response parsing. No I/O: bring your own HTTP, or use `advanceai-transport`.
//!
//! ```
//! use advanceai_core::{IdNumberVerificationRequest, parse_verification_response};
//!
//! // Validate before sending: the error carries the server's own code and message.
//! let request = IdNumberVerificationRequest::new("order-1", "user-1", "NGA", "BVN", "2222");
//! let refused = request.validate().unwrap_err();
//! assert_eq!(refused.code().as_str(), "PARAMETER_ERROR");
//! assert!(refused.message().starts_with("Invalid ID number, please check the format"));
//!
//! // Parse what the server sends back.
//! let body = br#"{"code":"SUCCESS","message":"OK","transactionId":"t1","data":{
//!     "signatureId":"s1","overallResult":"PASS","errorCode":"",
//!     "docDatabaseDetail":{"firstName":"T****E","gender":"Male","birthday":"1994-07-13"}}}"#;
//! let data = parse_verification_response(body)?.into_data()?;
//! assert!(data.passed());
//! // Personal data never shows in Debug output.
//! assert!(!format!("{data:?}").contains("T****E"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Layout
//! * [`Operation`], [`Endpoint`], [`Descriptor`]: each API call described once.
//! * [`envelope`](Envelope), [`ResponseCode`]: the envelope every response comes in.
//! * [`TokenRequest`], [`TokenData`]: token authentication.
//! * [`IdNumberVerificationRequest`], [`VerificationData`]: database ID-number verification.
//! * The hosted H5 flow: [`GenerateUrlRequest`] gets a `signatureId` and a page URL
//!   ([`GenerateUrlData`]); the end user completes the page; optionally the vendor posts a
//!   [`CallbackNotification`] to your `callbackUrl`; [`GetResultRequest`] fetches the
//!   [`GetResultData`], pending ([`GetResultData::status`]) until the user has finished,
//!   so callers poll. [`FaceDetail`] holds the liveness outcome.
//! * Around the flow: [`HealthRequest`] reads a numberType's [`HealthData`] before starting
//!   ([`HealthData::can_start`]); [`ClearDataRequest`] deletes a finished transaction's
//!   personal data once its result is no longer needed.
//! * [`OverallResult`], [`ErrorCode`], [`ErrorCategory`]: the verdict and what to do about it.
//! * [`PersonRecord`]: the person the database returned.
//! * [`InvalidRequest`], [`SUPPORTED_ID_NUMBER_TYPES`]: validation.
//! * [`parse_envelope`] and friends, [`ParseError`]: parsing.
//! * [`Secret`], [`Pii`]: values that never appear in `Debug` output.
//!
//! # Forward compatibility
//! Unknown codes parse into an `Unknown(String)` variant that keeps the text; unknown
//! fields are kept in each record's `unknown_fields` and written back on serialization.
//! Nothing here uses `deny_unknown_fields`.

#[macro_use]
mod wire;

mod address;
mod callback;
mod clear_data;
mod clock;
mod endpoint;
mod envelope;
mod face;
mod generate_url;
mod get_result;
mod health;
mod id_number_type;
mod market;
mod operation;
mod outcome;
mod parse;
mod person;
mod person_check;
mod pii;
mod response_code;
mod secret;
mod token;
mod validate;
mod verification;

pub use address::Address;
pub use callback::{CallbackNotification, CallbackType};
pub use clear_data::{ClearDataRequest, Cleared};
pub use clock::{Clock, ManualClock, SystemClock};
pub use endpoint::{Descriptor, Endpoint, Host, Idempotency, Method};
pub use envelope::{ApiError, Envelope, EnvelopeError};
pub use face::{FaceDetail, FaceResult, Score};
pub use generate_url::{ColorScheme, GenerateUrlData, GenerateUrlRequest};
pub use get_result::{
    GetResultData, GetResultRequest, InputParameters, ResultStatus, ReturnImageType,
};
pub use health::{HealthData, HealthRequest, HealthStatus, parse_health_response};
pub use id_number_type::{IdNumberType, NumberFormat, SUPPORTED_ID_NUMBER_TYPES};
pub use market::{Apis, HEALTH_ONLY_NUMBER_TYPES, MARKETS, Market, Requirement};
pub use operation::{Operation, TokenOperation, Validated};
pub use outcome::{ErrorCategory, ErrorCode, OverallResult};
pub use parse::{
    ParseError, ParseErrorKind, documented_field_names, parse_callback, parse_envelope,
    parse_generate_url_response, parse_get_result_response, parse_token_response,
    parse_verification_response,
};
pub use person::{Birthday, CpfStatus, Gender, NumberTypeInfo, PersonRecord};
pub use person_check::{CheckResult, PersonVerification};
pub use pii::{Pii, UnknownFields, mask};
pub use response_code::ResponseCode;
pub use secret::Secret;
pub use token::{
    DEFAULT_PERIOD_SECOND, EpochMillis, PERIOD_SECOND_RANGE, ReceivedTokenRequest,
    TIMESTAMP_TOLERANCE_MS, TokenData, TokenRequest, TokenValue, check_timestamp, token_signature,
};
pub use validate::{
    BIZ_ID_MAX_LEN, InvalidRequest, NUMBER_TYPE_MAX_LEN, RESTRICTED_URL_SCHEMES, URL_MAX_LEN,
    USER_ID_MAX_LEN, UrlProblem, java_length,
};
pub use verification::{IdNumberVerificationRequest, VerificationData};
