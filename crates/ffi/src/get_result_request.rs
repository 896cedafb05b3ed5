//! The Get Result request builder: the `signatureId` is given to `_new`, the options
//! (`returnImageType`) by setters, so that a new option is a new setter, not a new
//! signature of every Get Result function.

use std::ffi::c_char;

use advanceai_core::{GetResultRequest, ReturnImageType};

use crate::error::advanceai_error;
use crate::ffi::{BoxCastable, free_box};
use crate::marshal::{arg_opt_str, arg_str, check_out, write_out};
use crate::status::advanceai_status;

/// A Get Result request: a `signatureId` and its options. Not thread-safe while being set
/// up; a finished request may be sent from any thread, any number of times. Free it with
/// `advanceai_get_result_request_free`.
pub struct advanceai_get_result_request {
    pub(crate) inner: GetResultRequest,
}

impl BoxCastable for advanceai_get_result_request {}

/// Creates a Get Result request for the transaction `signature_id` (copied; an empty one is
/// refused when the request is sent, as the server would). Free it with
/// `advanceai_get_result_request_free`.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_get_result_request_new(
    signature_id: *const c_char,
    out: *mut *mut advanceai_get_result_request,
    err: *mut *mut advanceai_error,
) -> advanceai_status {
    ffi_panic_boundary! {
        try_arg!(check_out(out, err));
        let signature_id = try_arg!(arg_str(signature_id, "signature_id", err));
        write_out(out, advanceai_get_result_request { inner: GetResultRequest::new(signature_id) })
    }
}

/// Frees a Get Result request; NULL is a no-op.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_get_result_request_free(request: *mut advanceai_get_result_request) {
    ffi_panic_boundary! { free_box(request) }
}

/// `returnImageType`: how images come back, `"URL"` (the server's default) or `"BASE64"`
/// (a newer value is sent as given). NULL clears it (the server's default applies).
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_get_result_request_set_return_image_type(
    request: *mut advanceai_get_result_request,
    return_image_type: *const c_char,
    err: *mut *mut advanceai_error,
) -> advanceai_status {
    ffi_panic_boundary! {
        let request = try_mut_from_ptr!(request, err);
        let value = try_arg!(arg_opt_str(return_image_type, "return_image_type", err));
        request.inner.return_image_type = value.map(ReturnImageType::from_wire);
        advanceai_status::ADVANCEAI_STATUS_OK
    }
}
