//! The error object: what a failing call hands back through its `advanceai_error **err`.

use std::ffi::{CString, c_char};

use advanceai_core::{EnvelopeError, ParseError};
use advanceai_transport::{Error, TransportErrorKind};

use crate::marshal::{c_string, free_box, get_flag, get_str, handle, opt_c, opt_ptr};
use crate::status::advanceai_status;

use advanceai_status as S;

/// An error object.
///
/// Every string it returns is owned by it and valid until `advanceai_error_free`. It never
/// holds a key, a token or a person's data: messages name the rule that was broken, not
/// the values.
pub struct advanceai_error {
    kind: advanceai_status,
    code: Option<CString>,
    message: CString,
    transaction_id: Option<CString>,
    http_status: u16,
    retryable: bool,
    may_have_been_processed: bool,
}

impl advanceai_error {
    /// An error raised by this library before anything was sent.
    pub(crate) fn local(kind: advanceai_status, message: &str) -> Self {
        Self {
            kind,
            code: None,
            message: c_string(message),
            transaction_id: None,
            http_status: 0,
            retryable: false,
            may_have_been_processed: false,
        }
    }

    /// The C view of a transport error: the status it maps to and its details.
    pub(crate) fn from_transport(error: &Error) -> Self {
        let mut out = Self::local(S::ADVANCEAI_STATUS_TRANSPORT_ERROR, &error.to_string());
        out.code = opt_c(error.code().as_ref().map(|c| c.as_str()));
        out.may_have_been_processed = error.may_have_been_processed();
        match error {
            Error::InvalidInput(_) => out.kind = S::ADVANCEAI_STATUS_INVALID_INPUT,
            Error::Api {
                transaction_id,
                retryable,
                ..
            } => {
                out.kind = S::ADVANCEAI_STATUS_API_ERROR;
                out.transaction_id = opt_c(transaction_id.as_deref());
                out.retryable = *retryable;
            }
            Error::MissingData { transaction_id } => {
                out.kind = S::ADVANCEAI_STATUS_MISSING_DATA;
                out.transaction_id = opt_c(transaction_id.as_deref());
            }
            Error::Transport { kind, .. } => {
                if *kind == TransportErrorKind::Timeout {
                    out.kind = S::ADVANCEAI_STATUS_TIMEOUT;
                }
                out.retryable = true;
            }
            Error::UnexpectedResponse { status, .. } => {
                out.kind = S::ADVANCEAI_STATUS_UNEXPECTED_RESPONSE;
                out.http_status = *status;
                out.retryable = *status >= 500 || *status == 429;
            }
            Error::Parse(_) => out.kind = S::ADVANCEAI_STATUS_PARSE_ERROR,
            Error::ResponseTooLarge { .. } => out.kind = S::ADVANCEAI_STATUS_RESPONSE_TOO_LARGE,
            Error::ResultPending { .. } => {
                out.kind = S::ADVANCEAI_STATUS_RESULT_PENDING;
                out.retryable = true;
            }
            Error::Config(_) => out.kind = S::ADVANCEAI_STATUS_CONFIG_ERROR,
            // A variant added to the transport later: reported as a transport error with
            // its own message until it gets a status of its own.
            _ => {}
        }
        out
    }

    /// The C view of an envelope that is not a usable `SUCCESS` (for the parse functions).
    pub(crate) fn from_envelope(error: EnvelopeError) -> Self {
        match error {
            EnvelopeError::Api(api) => Self::from_transport(&Error::Api {
                retryable: api.is_transient(),
                code: api.code,
                message: api.message,
                transaction_id: api.transaction_id,
            }),
            EnvelopeError::MissingData { transaction_id } => {
                Self::from_transport(&Error::MissingData { transaction_id })
            }
            other => Self::local(S::ADVANCEAI_STATUS_UNEXPECTED_RESPONSE, &other.to_string()),
        }
    }

    /// The C view of a body that cannot be read (for the parse functions). The request
    /// behind the body was answered, so it may have been processed.
    pub(crate) fn from_parse(error: &ParseError) -> Self {
        let mut out = Self::local(S::ADVANCEAI_STATUS_PARSE_ERROR, &error.to_string());
        out.may_have_been_processed = true;
        out
    }
}

/// Hands `error` to the caller through `err` (when not NULL) and returns its kind.
pub(crate) fn fail(err: *mut *mut advanceai_error, error: advanceai_error) -> advanceai_status {
    let kind = error.kind;
    if !err.is_null() {
        // SAFETY: checked non-NULL; the caller gives a writable `advanceai_error *` slot.
        unsafe { *err = Box::into_raw(Box::new(error)) };
    }
    kind
}

/// Frees an error object; NULL is a no-op.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_error_free(error: *mut advanceai_error) {
    ffi_guard!((); { free_box(error) })
}

/// The kind of the error (the status the failing call returned);
/// `ADVANCEAI_STATUS_NULL_PARAMETER` for NULL.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_error_kind(error: *const advanceai_error) -> advanceai_status {
    ffi_guard!({ handle(error).map_or(S::ADVANCEAI_STATUS_NULL_PARAMETER, |e| e.kind) })
}

/// The API's code (`"PARAMETER_ERROR"`, `"IAM_FAILED"`...) for API errors and local
/// refusals, or NULL. Owned by the error object.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_error_code(error: *const advanceai_error) -> *const c_char {
    get_str(error, |e| opt_ptr(&e.code))
}

/// The message: for API errors and local refusals it contains the server's own message.
/// Never shows keys, tokens or person data. Owned by the error object; NULL for NULL.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_error_message(error: *const advanceai_error) -> *const c_char {
    get_str(error, |e| e.message.as_ptr())
}

/// The vendor's transaction id of the failed call (quote it to support), or NULL. Owned by
/// the error object.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_error_transaction_id(error: *const advanceai_error) -> *const c_char {
    get_str(error, |e| opt_ptr(&e.transaction_id))
}

/// The HTTP status of an `ADVANCEAI_STATUS_UNEXPECTED_RESPONSE` (502 from a proxy, ...);
/// 0 for every other error and for NULL.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_error_http_status(error: *const advanceai_error) -> u16 {
    ffi_guard!(0; { handle(error).map_or(0, |e| e.http_status) })
}

/// Whether sending the same request again later may succeed. For a billable call also
/// check `advanceai_error_may_have_been_processed`: resending may bill twice.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_error_retryable(error: *const advanceai_error) -> bool {
    get_flag(error, |e| e.retryable)
}

/// Whether the server may have processed (and billed) the request: false only when it
/// provably never left (local refusal, connection refused, DNS failure).
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_error_may_have_been_processed(error: *const advanceai_error) -> bool {
    get_flag(error, |e| e.may_have_been_processed)
}
