//! A database verification request, read from its five C arguments, and its local check.

use std::ffi::c_char;

use advanceai_core::{IdNumberVerificationRequest, Operation};
use advanceai_transport::Error;

use crate::error::{advanceai_error, fail};
use crate::marshal::arg_str;
use crate::status::advanceai_status;

/// Reads the five fields of a database verification request.
pub(crate) fn verification_request(
    biz_id: *const c_char,
    user_id: *const c_char,
    region: *const c_char,
    number_type: *const c_char,
    number_value: *const c_char,
    err: *mut *mut advanceai_error,
) -> Result<IdNumberVerificationRequest, advanceai_status> {
    Ok(IdNumberVerificationRequest::new(
        arg_str(biz_id, "biz_id", err)?,
        arg_str(user_id, "user_id", err)?,
        arg_str(region, "region", err)?,
        arg_str(number_type, "number_type", err)?,
        arg_str(number_value, "number_value", err)?,
    ))
}

/// Checks `operation` as the client would before sending it: OK, or
/// `ADVANCEAI_STATUS_INVALID_INPUT` with the server's code and message (judged as a failure
/// of that operation).
pub(crate) fn validate<O: Operation>(
    operation: &O,
    err: *mut *mut advanceai_error,
) -> advanceai_status {
    match operation.validate() {
        Ok(()) => advanceai_status::ADVANCEAI_STATUS_OK,
        Err(problem) => fail(err, advanceai_error::of::<O>(&Error::InvalidInput(problem))),
    }
}

/// Checks a database verification request exactly as the server would, without sending
/// it. Returns OK, or `ADVANCEAI_STATUS_INVALID_INPUT` with an error carrying the server's
/// code and message. Needs no client.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_validate_verification_request(
    biz_id: *const c_char,
    user_id: *const c_char,
    region: *const c_char,
    number_type: *const c_char,
    number_value: *const c_char,
    err: *mut *mut advanceai_error,
) -> advanceai_status {
    ffi_panic_boundary! {
        let request = try_arg!(verification_request(
            biz_id, user_id, region, number_type, number_value, err
        ));
        validate(&request, err)
    }
}
