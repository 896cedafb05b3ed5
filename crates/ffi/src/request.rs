//! Requests built from C arguments: the five fields of a database verification, and the
//! Generate URL request builder (it has optional fields, so it is an object with setters
//! rather than a long argument list that would change with every new field).

use std::ffi::c_char;

use advanceai_core::{ColorScheme, GenerateUrlRequest, IdNumberVerificationRequest, ProductLevel};
use advanceai_transport::Error;

use crate::error::{advanceai_error, fail};
use crate::marshal::{arg_opt_str, arg_str, check_out, free_box, handle, handle_mut, write_out};
use crate::status::advanceai_status;

use advanceai_status as S;

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

/// Reports a local refusal with the server's code and message.
pub(crate) fn invalid(
    err: *mut *mut advanceai_error,
    problem: advanceai_core::InvalidRequest,
) -> advanceai_status {
    fail(
        err,
        advanceai_error::from_transport(&Error::InvalidInput(problem)),
    )
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
    ffi_guard!({
        match verification_request(biz_id, user_id, region, number_type, number_value, err) {
            Ok(request) => match request.validate() {
                Ok(()) => S::ADVANCEAI_STATUS_OK,
                Err(problem) => invalid(err, problem),
            },
            Err(status) => status,
        }
    })
}

/// A Generate URL request: the required fields are given to
/// `advanceai_url_request_new`, the optional ones by setters. Not thread-safe while being
/// set up; a finished request may be sent from any thread. Free it with
/// `advanceai_url_request_free`.
pub struct advanceai_url_request {
    pub(crate) inner: GenerateUrlRequest,
}

/// Creates a Generate URL request from its required fields (copied). Values are checked
/// when it is sent or by `advanceai_validate_url_request`, not here.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_url_request_new(
    biz_id: *const c_char,
    user_id: *const c_char,
    region: *const c_char,
    return_url: *const c_char,
    fail_return_url: *const c_char,
    out: *mut *mut advanceai_url_request,
    err: *mut *mut advanceai_error,
) -> advanceai_status {
    ffi_guard!({
        let read = || -> Result<GenerateUrlRequest, advanceai_status> {
            check_out(out, err)?;
            Ok(GenerateUrlRequest::new(
                arg_str(biz_id, "biz_id", err)?,
                arg_str(user_id, "user_id", err)?,
                arg_str(region, "region", err)?,
                arg_str(return_url, "return_url", err)?,
                arg_str(fail_return_url, "fail_return_url", err)?,
            ))
        };
        match read() {
            Ok(inner) => write_out(out, advanceai_url_request { inner }),
            Err(status) => status,
        }
    })
}

/// Frees a Generate URL request; NULL is a no-op.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_url_request_free(request: *mut advanceai_url_request) {
    ffi_guard!((); { free_box(request) })
}

/// Sets (or, with NULL, clears) one optional text field of a request.
fn set_optional(
    request: *mut advanceai_url_request,
    value: *const c_char,
    name: &str,
    err: *mut *mut advanceai_error,
    apply: impl FnOnce(&mut GenerateUrlRequest, Option<&str>),
) -> advanceai_status {
    let Some(request) = handle_mut(request) else {
        return crate::marshal::null_parameter(err, "request");
    };
    match arg_opt_str(value, name, err) {
        Ok(value) => {
            apply(&mut request.inner, value);
            S::ADVANCEAI_STATUS_OK
        }
        Err(status) => status,
    }
}

/// `numberType`: the ID type for flows without a document photo (`"BVN"`). NULL clears it.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_url_request_set_number_type(
    request: *mut advanceai_url_request,
    number_type: *const c_char,
    err: *mut *mut advanceai_error,
) -> advanceai_status {
    ffi_guard!({
        set_optional(request, number_type, "number_type", err, |r, v| {
            r.number_type = v.map(str::to_owned);
        })
    })
}

/// `callbackUrl`: where the vendor posts the outcome (`http` or `https`). The callback is
/// unsigned: put an authorization token in its query string (never shown in messages).
/// NULL clears it.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_url_request_set_callback_url(
    request: *mut advanceai_url_request,
    callback_url: *const c_char,
    err: *mut *mut advanceai_error,
) -> advanceai_status {
    ffi_guard!({
        set_optional(request, callback_url, "callback_url", err, |r, v| {
            r.callback_url = v.map(str::to_owned);
        })
    })
}

/// `language`: the page's language (`"en-US"`). NULL clears it.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_url_request_set_language(
    request: *mut advanceai_url_request,
    language: *const c_char,
    err: *mut *mut advanceai_error,
) -> advanceai_status {
    ffi_guard!({
        set_optional(request, language, "language", err, |r, v| {
            r.language = v.map(str::to_owned);
        })
    })
}

/// `prefersColorScheme`: `"light"` or `"dark"` (a newer value is sent as given). NULL
/// clears it.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_url_request_set_color_scheme(
    request: *mut advanceai_url_request,
    color_scheme: *const c_char,
    err: *mut *mut advanceai_error,
) -> advanceai_status {
    ffi_guard!({
        set_optional(request, color_scheme, "color_scheme", err, |r, v| {
            r.prefers_color_scheme = v.map(ColorScheme::from_wire);
        })
    })
}

/// `productLevel`: `"STANDARD"`, `"ADVANCED"` or `"PRO"` (a newer value is sent as
/// given). NULL clears it.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_url_request_set_product_level(
    request: *mut advanceai_url_request,
    product_level: *const c_char,
    err: *mut *mut advanceai_error,
) -> advanceai_status {
    ffi_guard!({
        set_optional(request, product_level, "product_level", err, |r, v| {
            r.product_level = v.map(ProductLevel::from_wire);
        })
    })
}

/// Checks a Generate URL request as `advanceai_client_generate_url` would before sending.
/// Returns OK, or `ADVANCEAI_STATUS_INVALID_INPUT` with the code and message. Needs no
/// client.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_validate_url_request(
    request: *const advanceai_url_request,
    err: *mut *mut advanceai_error,
) -> advanceai_status {
    ffi_guard!({
        match handle(request) {
            Some(request) => match request.inner.validate() {
                Ok(()) => S::ADVANCEAI_STATUS_OK,
                Err(problem) => invalid(err, problem),
            },
            None => crate::marshal::null_parameter(err, "request"),
        }
    })
}
