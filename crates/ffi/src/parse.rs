//! Parsing bodies, for callers who send requests with their own HTTP stack (and for the
//! vendor's callbacks): the same lenient-but-safe reading the client uses, with no client
//! needed. A failure is classified by the transport's verdict for the endpoint whose body
//! was read.

use advanceai_core::{
    Envelope, GetResultRequest, IdNumberVerificationRequest, Idempotency, Operation, ParseError,
    parse_callback, parse_get_result_response, parse_verification_response,
};
use advanceai_transport::Error;

use crate::callback::advanceai_callback;
use crate::error::{advanceai_error, fail};
use crate::ffi::BoxCastable;
use crate::get_result::advanceai_get_result;
use crate::marshal::{arg_bytes, check_out, write_out};
use crate::status::advanceai_status;
use crate::verification_result::advanceai_verification_result;

/// A `SUCCESS` envelope's data, or the failure the client would report for it (the
/// transport's own conversion of an envelope error).
fn data<T>(parsed: Result<Envelope<T>, ParseError>) -> Result<T, Error> {
    Ok(parsed.map_err(Error::Parse)?.into_data()?)
}

/// The shape of every parse function: bytes in, a result object or an error out; a failure
/// is judged as one of a call that is `idempotency`.
fn parse_into<T, R: From<T> + BoxCastable>(
    bytes: *const u8,
    len: usize,
    out: *mut *mut R,
    err: *mut *mut advanceai_error,
    idempotency: Idempotency,
    parse: impl FnOnce(&[u8]) -> Result<T, Error>,
) -> advanceai_status {
    if let Err(status) = check_out(out, err) {
        return status;
    }
    let body = match arg_bytes(bytes, len, err) {
        Ok(body) => body,
        Err(status) => return status,
    };
    match parse(body) {
        Ok(value) => write_out(out, R::from(value)),
        Err(error) => fail(err, advanceai_error::from_transport(&error, idempotency)),
    }
}

/// Parses a Get Result response body (`len` bytes at `bytes`; NULL allowed when `len` is
/// 0). A non-`SUCCESS` envelope is `ADVANCEAI_STATUS_API_ERROR` with the server's code and
/// message; a body that cannot be read is `ADVANCEAI_STATUS_PARSE_ERROR` (the message
/// gives the position, never the body's text). Errors are judged as Get Result's
/// (idempotent). Free the result with `advanceai_get_result_free`. Needs no client.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_parse_get_result(
    bytes: *const u8,
    len: usize,
    out: *mut *mut advanceai_get_result,
    err: *mut *mut advanceai_error,
) -> advanceai_status {
    ffi_panic_boundary! {
        let idempotency = GetResultRequest::DESCRIPTOR.idempotency;
        parse_into(bytes, len, out, err, idempotency, |b| data(parse_get_result_response(b)))
    }
}

/// Parses a database verification response body, as `advanceai_parse_get_result` does;
/// errors are judged as database verification's (billable). Free the result with
/// `advanceai_verification_result_free`. Needs no client.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_parse_verification(
    bytes: *const u8,
    len: usize,
    out: *mut *mut advanceai_verification_result,
    err: *mut *mut advanceai_error,
) -> advanceai_status {
    ffi_panic_boundary! {
        let idempotency = IdNumberVerificationRequest::DESCRIPTOR.idempotency;
        parse_into(bytes, len, out, err, idempotency, |b| data(parse_verification_response(b)))
    }
}

/// Parses the body the vendor posts to your `callbackUrl` (`{"signatureId":...,"type":...}`,
/// not an envelope; `len` bytes at `bytes`, NULL allowed when `len` is 0). A body that
/// cannot be read (empty, not JSON, a field of the wrong type, a field twice) is
/// `ADVANCEAI_STATUS_PARSE_ERROR`; a `type` this version does not know is kept as sent. A
/// callback is a hint to fetch the result, so its errors are judged as Get Result's.
/// Free the callback with `advanceai_callback_free`. Needs no client.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_parse_callback(
    bytes: *const u8,
    len: usize,
    out: *mut *mut advanceai_callback,
    err: *mut *mut advanceai_error,
) -> advanceai_status {
    ffi_panic_boundary! {
        let idempotency = GetResultRequest::DESCRIPTOR.idempotency;
        parse_into(bytes, len, out, err, idempotency, |b| {
            parse_callback(b).map_err(Error::Parse)
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use std::ffi::CStr;
    use std::ptr;

    use super::*;
    use crate::error::{advanceai_error_free, advanceai_error_kind, advanceai_error_retryable};
    use crate::verification_result::{
        advanceai_verification_result_free, advanceai_verification_result_passed,
        advanceai_verification_result_person_field,
    };

    #[test]
    fn parse_verification_from_bytes() {
        let body = br#"{"code":"SUCCESS","message":"OK","transactionId":"t1","data":{
            "signatureId":"s1","overallResult":"PASS","errorCode":"",
            "docDatabaseDetail":{"firstName":"T****E"}}}"#;
        let mut out = ptr::null_mut();
        let status =
            advanceai_parse_verification(body.as_ptr(), body.len(), &mut out, ptr::null_mut());
        assert_eq!(status, advanceai_status::ADVANCEAI_STATUS_OK);
        assert!(advanceai_verification_result_passed(out));
        let name = advanceai_verification_result_person_field(out, 0);
        // SAFETY: owned by `out`, alive.
        assert_eq!(unsafe { CStr::from_ptr(name) }.to_str().unwrap(), "T****E");
        advanceai_verification_result_free(out);
    }

    /// The same SERVICE_BUSY body is retryable on both endpoints (it proves nothing was
    /// processed), a truncated one on neither.
    #[test]
    fn errors_are_judged_by_the_endpoint() {
        let busy = br#"{"code":"SERVICE_BUSY","message":"busy","data":null}"#;
        let mut result = ptr::null_mut();
        let mut err = ptr::null_mut();
        let status = advanceai_parse_get_result(busy.as_ptr(), busy.len(), &mut result, &mut err);
        assert_eq!(status, advanceai_status::ADVANCEAI_STATUS_API_ERROR);
        assert!(result.is_null());
        assert!(advanceai_error_retryable(err));
        advanceai_error_free(err);
        let cut = br#"{"code":"SUCCESS","data":{"signatureId":"#;
        let mut verification = ptr::null_mut();
        let mut err = ptr::null_mut();
        let status =
            advanceai_parse_verification(cut.as_ptr(), cut.len(), &mut verification, &mut err);
        assert_eq!(status, advanceai_status::ADVANCEAI_STATUS_PARSE_ERROR);
        assert_eq!(advanceai_error_kind(err), status);
        assert!(!advanceai_error_retryable(err));
        assert!(verification.is_null());
        advanceai_error_free(err);
    }
}
