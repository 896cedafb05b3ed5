//! The error object: what a failing call hands back through its `advanceai_error **err`.
//!
//! Every answer it gives about a failed call (its kind, whether a retry can help, whether
//! the request may have been processed...) is read from the transport's one verdict,
//! [`Error::disposition`], for the idempotency of the operation the call ran. Nothing here
//! decides again.

use std::ffi::{CString, c_char};
use std::ptr;

use advanceai_transport::{Disposition, Error, ErrorKind, Idempotency, Operation};

use crate::ffi::{BoxCastable, free_box, to_boxed_mut_ptr};
use crate::marshal::c_string;
use crate::status::advanceai_status;

/// An error object.
///
/// Every string it returns is owned by it and valid until `advanceai_error_free`. It never
/// holds a key, a token or a person's data: messages name the rule that was broken, not
/// the values.
pub struct advanceai_error {
    status: advanceai_status,
    /// The transport's verdict (for an error of the C boundary itself, its verdict on a
    /// call refused before anything was sent).
    disposition: Disposition,
    code: Option<CString>,
    message: CString,
    transaction_id: Option<CString>,
    http_status: u16,
}

impl BoxCastable for advanceai_error {}

impl advanceai_error {
    /// An error of the C boundary itself (a NULL argument, a string that is not UTF-8): the
    /// call was refused before anything was built or sent.
    pub(crate) fn boundary(status: advanceai_status, message: &str) -> Self {
        Self::refused(status, ErrorKind::InvalidInput, message)
    }

    /// A call refused before anything was sent, reported as `status`, with the transport's
    /// verdict on such a refusal of `kind` (a refused argument, or a refused configuration).
    fn refused(status: advanceai_status, kind: ErrorKind, message: &str) -> Self {
        Self {
            status,
            disposition: Disposition::refused_before_sending(kind),
            code: None,
            message: c_string(message),
            transaction_id: None,
            http_status: 0,
        }
    }

    /// The C view of a failure of the operation `O` (its idempotency decides the verdict).
    pub(crate) fn of<O: Operation>(error: &Error) -> Self {
        Self::from_transport(error, O::DESCRIPTOR.idempotency)
    }

    /// The C view of a failure of a call that is `idempotency`: the status is the verdict's
    /// kind, the flags are the verdict's answers.
    pub(crate) fn from_transport(error: &Error, idempotency: Idempotency) -> Self {
        let disposition = error.disposition(idempotency);
        Self {
            status: disposition.kind.into(),
            disposition,
            code: error.code().map(|code| c_string(code.as_str())),
            message: c_string(&error.to_string()),
            transaction_id: error.transaction_id().map(c_string),
            http_status: error.http_status().unwrap_or(0),
        }
    }

    /// A flag of the verdict.
    fn verdict(&self, flag: fn(&Disposition) -> bool) -> bool {
        flag(&self.disposition)
    }
}

/// Hands `error` to the caller through `err` (when not NULL) and returns its status.
pub(crate) fn fail(err: *mut *mut advanceai_error, error: advanceai_error) -> advanceai_status {
    let status = error.status;
    if !err.is_null() {
        // SAFETY: checked non-NULL; the caller gives a writable `advanceai_error *` slot.
        unsafe { *err = to_boxed_mut_ptr(error) };
    }
    status
}

fn opt_ptr(value: &Option<CString>) -> *const c_char {
    value.as_ref().map_or(ptr::null(), |s| s.as_ptr())
}

/// Frees an error object; NULL is a no-op.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_error_free(error: *mut advanceai_error) {
    ffi_panic_boundary! { free_box(error) }
}

/// The kind of the error (the status the failing call returned);
/// `ADVANCEAI_STATUS_NULL_PARAMETER` for NULL.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_error_kind(error: *const advanceai_error) -> advanceai_status {
    ffi_panic_boundary! { try_ref_from_ptr!(error).status }
}

/// The API's code (`"PARAMETER_ERROR"`, `"IAM_FAILED"`...) for API errors and local
/// refusals, or NULL. Owned by the error object.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_error_code(error: *const advanceai_error) -> *const c_char {
    ffi_panic_boundary! { opt_ptr(&try_ref_from_ptr!(error).code) }
}

/// The message: for API errors and local refusals it contains the server's own message.
/// Never shows keys, tokens or person data. Owned by the error object; NULL for NULL.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_error_message(error: *const advanceai_error) -> *const c_char {
    ffi_panic_boundary! { try_ref_from_ptr!(error).message.as_ptr() }
}

/// The vendor's transaction id of the failed call (quote it to support), or NULL. Owned by
/// the error object.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_error_transaction_id(error: *const advanceai_error) -> *const c_char {
    ffi_panic_boundary! { opt_ptr(&try_ref_from_ptr!(error).transaction_id) }
}

/// The HTTP status of an `ADVANCEAI_STATUS_UNEXPECTED_RESPONSE` (502 from a proxy, ...);
/// 0 for every other error and for NULL.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_error_http_status(error: *const advanceai_error) -> u16 {
    ffi_panic_boundary! { try_ref_from_ptr!(error).http_status }
}

/// Whether sending the same request again later may succeed *and* cannot bill twice: the
/// failure is transient (network, HTTP 5xx/429, `SERVICE_BUSY`, a pending result) and the
/// call is idempotent or provably not processed. So a billable call that may have reached
/// the server is never "retryable"; a TLS failure never is. False for NULL and for errors
/// of the C boundary (NULL argument, invalid UTF-8).
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_error_retryable(error: *const advanceai_error) -> bool {
    ffi_panic_boundary! { try_ref_from_ptr!(error).verdict(|d| d.retryable) }
}

/// Whether the server may have processed (and billed) the request: false only when it
/// provably never did (local refusal, connection refused, DNS failure, an API code that
/// proves a refusal before any work, an error of the C boundary). False for NULL.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_error_may_have_been_processed(error: *const advanceai_error) -> bool {
    ffi_panic_boundary! { try_ref_from_ptr!(error).verdict(|d| d.may_have_been_processed) }
}

/// Whether sending the same request again cannot bill twice: the call is idempotent (Get
/// Result, token), or the request was provably not processed. It says nothing of whether
/// the resend can succeed (see `advanceai_error_retryable`). True for errors of the C
/// boundary (nothing was sent); false for NULL.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_error_safe_to_resend(error: *const advanceai_error) -> bool {
    ffi_panic_boundary! { try_ref_from_ptr!(error).verdict(|d| d.safe_to_resend) }
}

/// Whether the failure refuses the whole account (wrong keys, no balance, quota, disabled
/// account): no other request can succeed until someone acts, so a batch should stop.
/// False for NULL and for errors of the C boundary.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_error_refuses_account(error: *const advanceai_error) -> bool {
    ffi_panic_boundary! { try_ref_from_ptr!(error).verdict(|d| d.refuses_account) }
}

/// Whether the request itself is wrong (a local refusal, `PARAMETER_ERROR`, an unknown
/// `signatureId`, an error of the C boundary): sending it unchanged can never succeed.
/// False for NULL.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_error_faults_the_request(error: *const advanceai_error) -> bool {
    ffi_panic_boundary! { try_ref_from_ptr!(error).verdict(|d| d.faults_the_request) }
}

/// Makes an error object for a refusal a wrapper makes itself, before calling the library (a
/// string with an embedded NUL byte, a negative duration, a setter's status that came
/// without an error object), so that it carries the answers the library gives its own
/// refusals and the wrapper decides nothing: not retryable, not processed, safe to resend,
/// not the account's fault; the request's fault unless the configuration was refused.
///
/// `status` must be `ADVANCEAI_STATUS_INVALID_INPUT`, `_NULL_PARAMETER`, `_INVALID_UTF8` or
/// `_CONFIG_ERROR`; any other value returns `ADVANCEAI_STATUS_INVALID_INPUT` and writes
/// nothing. `message` NULL: the status's own message. On success writes the object to
/// `out`; free it with `advanceai_error_free`.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_error_new(
    status: u32,
    message: *const c_char,
    out: *mut *mut advanceai_error,
) -> advanceai_status {
    ffi_panic_boundary! {
        if out.is_null() {
            return advanceai_status::ADVANCEAI_STATUS_NULL_PARAMETER;
        }
        let Ok(status) = advanceai_status::try_from(status) else {
            return advanceai_status::ADVANCEAI_STATUS_INVALID_INPUT;
        };
        let kind = match status {
            advanceai_status::ADVANCEAI_STATUS_INVALID_INPUT
            | advanceai_status::ADVANCEAI_STATUS_NULL_PARAMETER
            | advanceai_status::ADVANCEAI_STATUS_INVALID_UTF8 => ErrorKind::InvalidInput,
            advanceai_status::ADVANCEAI_STATUS_CONFIG_ERROR => ErrorKind::Config,
            _ => return advanceai_status::ADVANCEAI_STATUS_INVALID_INPUT,
        };
        let message = match crate::marshal::arg_opt_str(message, "message", ptr::null_mut()) {
            Ok(Some(message)) => message.to_owned(),
            Ok(None) => status.text().to_string_lossy().into_owned(),
            Err(status) => return status,
        };
        let error = advanceai_error::refused(status, kind, &message);
        // SAFETY: checked non-NULL; the caller gives a writable `advanceai_error *` slot.
        unsafe { *out = to_boxed_mut_ptr(error) };
        advanceai_status::ADVANCEAI_STATUS_OK
    }
}

#[cfg(test)]
mod tests {
    use advanceai_transport::{ResponseCode, TransportErrorKind};

    use super::*;

    fn transport(kind: TransportErrorKind, sent: bool) -> Error {
        Error::Transport {
            kind,
            may_have_been_sent: sent,
            detail: String::new(),
        }
    }

    /// Each flag of the object is the verdict's, for both kinds of call.
    #[test]
    fn every_answer_is_the_dispositions() {
        let errors = [
            transport(TransportErrorKind::Tls, false),
            transport(TransportErrorKind::Io, true),
            transport(TransportErrorKind::Timeout, true),
            transport(TransportErrorKind::Connect, false),
            Error::UnexpectedResponse {
                status: 502,
                content_type: None,
                excerpt: None,
            },
            Error::Api {
                code: ResponseCode::InsufficientBalance,
                message: String::new(),
                transaction_id: Some("t-1".into()),
                retryable: false,
            },
        ];
        for error in &errors {
            for idempotency in [Idempotency::Idempotent, Idempotency::Billable] {
                let d = error.disposition(idempotency);
                let object = advanceai_error::from_transport(error, idempotency);
                let e: *const advanceai_error = &object;
                assert_eq!(advanceai_error_kind(e), advanceai_status::from(d.kind));
                assert_eq!(advanceai_error_retryable(e), d.retryable, "{error:?}");
                assert_eq!(advanceai_error_safe_to_resend(e), d.safe_to_resend);
                assert_eq!(
                    advanceai_error_may_have_been_processed(e),
                    d.may_have_been_processed
                );
                assert_eq!(advanceai_error_refuses_account(e), d.refuses_account);
                assert_eq!(advanceai_error_faults_the_request(e), d.faults_the_request);
            }
        }
        // The two bugs of the old mapping: TLS was "retryable", and so was every transport
        // error of a billable call that may have been processed.
        let tls = advanceai_error::from_transport(&errors[0], Idempotency::Idempotent);
        assert!(!advanceai_error_retryable(&tls));
        let cut = advanceai_error::from_transport(&errors[1], Idempotency::Billable);
        assert!(!advanceai_error_retryable(&cut));
        assert!(advanceai_error_may_have_been_processed(&cut));
        let cut_get_result = advanceai_error::from_transport(&errors[1], Idempotency::Idempotent);
        assert!(advanceai_error_retryable(&cut_get_result));
        let no_balance = advanceai_error::from_transport(&errors[5], Idempotency::Billable);
        assert!(advanceai_error_refuses_account(&no_balance));
        assert_eq!(advanceai_error_http_status(&no_balance), 0);
        assert!(!advanceai_error_transaction_id(&no_balance).is_null());
    }

    /// A wrapper's own refusal gets the library's answers through advanceai_error_new.
    #[test]
    fn a_wrappers_refusal_reads_the_librarys_verdict() {
        use advanceai_status as S;
        let refusal = |status: S, message: &[u8]| {
            let mut out = ptr::null_mut();
            let code = advanceai_error_new(status as u32, message.as_ptr().cast(), &mut out);
            assert_eq!(code, S::ADVANCEAI_STATUS_OK);
            out
        };
        for status in [
            S::ADVANCEAI_STATUS_INVALID_INPUT,
            S::ADVANCEAI_STATUS_NULL_PARAMETER,
            S::ADVANCEAI_STATUS_INVALID_UTF8,
        ] {
            let e = refusal(status, b"userId contains a NUL byte\0");
            let expected = Error::InvalidInput(advanceai_transport::InvalidRequest::UserIdMissing)
                .disposition(Idempotency::Billable);
            assert_eq!(advanceai_error_kind(e), status);
            assert!(advanceai_error_safe_to_resend(e) && advanceai_error_faults_the_request(e));
            assert_eq!(advanceai_error_retryable(e), expected.retryable);
            assert!(!advanceai_error_may_have_been_processed(e));
            assert!(!advanceai_error_refuses_account(e));
            advanceai_error_free(e);
        }
        let config = refusal(S::ADVANCEAI_STATUS_CONFIG_ERROR, b"bad\0");
        assert!(!advanceai_error_faults_the_request(config));
        assert!(advanceai_error_safe_to_resend(config));
        advanceai_error_free(config);
        // NULL message: the status's own text.
        let mut out = ptr::null_mut();
        assert_eq!(
            advanceai_error_new(
                S::ADVANCEAI_STATUS_CONFIG_ERROR as u32,
                ptr::null(),
                &mut out
            ),
            S::ADVANCEAI_STATUS_OK
        );
        // SAFETY: owned by `out`, alive.
        let text = unsafe { std::ffi::CStr::from_ptr(advanceai_error_message(out)) };
        assert_eq!(text, S::ADVANCEAI_STATUS_CONFIG_ERROR.text());
        advanceai_error_free(out);
        // Only refusals can be made; NULL out is refused.
        let mut none = ptr::null_mut();
        for status in [
            S::ADVANCEAI_STATUS_API_ERROR as u32,
            S::ADVANCEAI_STATUS_OK as u32,
            999,
        ] {
            assert_eq!(
                advanceai_error_new(status, ptr::null(), &mut none),
                S::ADVANCEAI_STATUS_INVALID_INPUT
            );
            assert!(none.is_null());
        }
        assert_eq!(
            advanceai_error_new(
                S::ADVANCEAI_STATUS_INVALID_INPUT as u32,
                ptr::null(),
                ptr::null_mut()
            ),
            S::ADVANCEAI_STATUS_NULL_PARAMETER
        );
        let bad_utf8 = b"\xff\0";
        assert_eq!(
            advanceai_error_new(
                S::ADVANCEAI_STATUS_INVALID_INPUT as u32,
                bad_utf8.as_ptr().cast(),
                &mut none
            ),
            S::ADVANCEAI_STATUS_INVALID_UTF8
        );
        assert!(none.is_null());
    }
}
