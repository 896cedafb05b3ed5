//! The messages the sandbox answers with, beside the codes they go with.
//!
//! The vendor's own wording where it is documented; ours (marked so) where it is not.

/// Message of `IAM_FAILED` (the vendor's wording).
pub const MSG_TOKEN: &str = "Token not found or expired";
/// Message of `SIGNATURE_NOT_EXIST` (the vendor's wording).
pub const MSG_SIGNATURE_NOT_EXIST: &str = "This signatureId is not exist";
/// Message of a request whose `Content-Type` is not JSON (ours).
pub const MSG_CONTENT_TYPE: &str = "Content-Type must be application/json";
/// Message of a request body that is not a JSON object of the right shape (ours).
pub const MSG_MALFORMED: &str = "Request body is not a valid JSON object";
/// Message of a request body over the size cap (ours).
pub const MSG_TOO_LARGE: &str = "Request body is too large";
/// Message of an unknown path (ours); the code is `CLIENT_ERROR`, HTTP 404.
pub const MSG_NOT_FOUND: &str = "No such API";
/// Message of a known path called with the wrong method (ours); `CLIENT_ERROR`, HTTP 405.
pub const MSG_METHOD: &str = "Method not allowed";
/// Message of `SERVICE_BUSY` (ours).
pub const MSG_BUSY: &str = "Service busy, please retry later";
/// Message of `INSUFFICIENT_BALANCE` (`fault-no-balance`; the vendor's wording is not
/// documented).
pub const MSG_NO_BALANCE: &str = "Insufficient balance";
/// Message of `REQUEST_IN_PROCESSING` (the vendor's wording, Clear Data page).
pub const MSG_IN_PROCESSING: &str =
    "Your request is currently being processed. Please do not submit it repeatedly";
/// Clear Data's message for an unknown `signatureId` (`PARAMETER_ERROR`; the vendor's
/// wording).
pub const MSG_CLEAR_NOT_EXIST: &str = "SignatureId is not exist";
/// Clear Data's message for a transaction without a final result (`PARAMETER_ERROR`; the
/// vendor's wording).
pub const MSG_NOT_FINISHED: &str = "Transaction is not finished";
/// Health Status's message for a numberType the sandbox does not list (`PARAMETER_ERROR`;
/// ours: the vendor names the code only).
pub const MSG_HEALTH_NUMBER_TYPE: &str = "numberType is not supported";
/// `POST /sandbox/health`'s message for an empty `status` (ours).
pub const MSG_HEALTH_STATUS: &str = "status should not be empty";
/// Message of `/sandbox/complete` with an outcome the sandbox does not know (ours).
pub const MSG_BAD_OUTCOME: &str = "Unknown outcome";
/// Message of completing a transaction that already has a final result (ours).
pub const MSG_ALREADY_FINAL: &str = "This signatureId already has a final result";
/// Message of `/sandbox/complete` with a person field the page does not ask for: Generate
/// URL gave it, or the market does not use it (ours).
pub const MSG_NOT_ASKED: &str = "The page does not ask for this field";
