//! Parsing response bodies, for callers who send requests with their own HTTP stack: the
//! same lenient-but-safe reading the client uses, with no client needed.

use advanceai_core::{Envelope, EnvelopeError, ParseError};
use advanceai_core::{parse_get_result_response, parse_verification_response};

use crate::error::{advanceai_error, fail};
use crate::marshal::{arg_bytes, check_out, write_out};
use crate::results::{advanceai_get_result, advanceai_verification_result};
use crate::status::advanceai_status;

/// The shape of both parse functions: bytes in, a result object or an error out.
fn parse_into<T, R: From<T>>(
    bytes: *const u8,
    len: usize,
    out: *mut *mut R,
    err: *mut *mut advanceai_error,
    parse: impl FnOnce(&[u8]) -> Result<Envelope<T>, ParseError>,
) -> advanceai_status {
    if let Err(status) = check_out(out, err) {
        return status;
    }
    let body = match arg_bytes(bytes, len, err) {
        Ok(body) => body,
        Err(status) => return status,
    };
    let data: Result<T, advanceai_error> = match parse(body) {
        Ok(envelope) => envelope
            .into_data()
            .map_err(|e: EnvelopeError| advanceai_error::from_envelope(e)),
        Err(error) => Err(advanceai_error::from_parse(&error)),
    };
    match data {
        Ok(data) => write_out(out, R::from(data)),
        Err(error) => fail(err, error),
    }
}

/// Parses a Get Result response body (`len` bytes at `bytes`; NULL allowed when `len` is
/// 0). A non-`SUCCESS` envelope is `ADVANCEAI_STATUS_API_ERROR` with the server's code and
/// message; a body that cannot be read is `ADVANCEAI_STATUS_PARSE_ERROR` (the message
/// gives the position, never the body's text). Free the result with
/// `advanceai_get_result_free`. Needs no client.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_parse_get_result(
    bytes: *const u8,
    len: usize,
    out: *mut *mut advanceai_get_result,
    err: *mut *mut advanceai_error,
) -> advanceai_status {
    ffi_guard!({ parse_into(bytes, len, out, err, parse_get_result_response) })
}

/// Parses a database verification response body, as `advanceai_parse_get_result` does.
/// Free the result with `advanceai_verification_result_free`. Needs no client.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_parse_verification(
    bytes: *const u8,
    len: usize,
    out: *mut *mut advanceai_verification_result,
    err: *mut *mut advanceai_error,
) -> advanceai_status {
    ffi_guard!({ parse_into(bytes, len, out, err, parse_verification_response) })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use std::ffi::CStr;
    use std::ptr;

    use super::*;
    use crate::results::{
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
}
