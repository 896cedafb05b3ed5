//! The Generate URL request builder: the required fields are given to `_new`, the optional
//! ones by setters (an object with setters rather than a long argument list that would
//! change with every new field).

use std::ffi::c_char;

use advanceai_core::{ColorScheme, GenerateUrlRequest, Pii};

use crate::error::advanceai_error;
use crate::ffi::{BoxCastable, free_box};
use crate::marshal::{arg_opt_str, arg_str, check_out, write_out};
use crate::status::advanceai_status;
use crate::verification_request::validate;

/// A Generate URL request: the required fields are given to `advanceai_url_request_new`,
/// the optional ones by setters. Not thread-safe while being set up; a finished request
/// may be sent from any thread. Free it with `advanceai_url_request_free`.
pub struct advanceai_url_request {
    pub(crate) inner: GenerateUrlRequest,
}

impl BoxCastable for advanceai_url_request {}

/// Creates a Generate URL request from its required fields (copied). `number_type` is the
/// market's ID type, paired with the region (`"BVN"`, `"NIN"`, `"NIK"`, `"CPF"`, `"DNI"`,
/// `"SAID"`; not Get Result's `"NG_BVN"`). Values are checked when it is sent or by
/// `advanceai_validate_url_request`, not here.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_url_request_new(
    biz_id: *const c_char,
    user_id: *const c_char,
    region: *const c_char,
    number_type: *const c_char,
    return_url: *const c_char,
    fail_return_url: *const c_char,
    out: *mut *mut advanceai_url_request,
    err: *mut *mut advanceai_error,
) -> advanceai_status {
    ffi_panic_boundary! {
        try_arg!(check_out(out, err));
        let inner = GenerateUrlRequest::new(
            try_arg!(arg_str(biz_id, "biz_id", err)),
            try_arg!(arg_str(user_id, "user_id", err)),
            try_arg!(arg_str(region, "region", err)),
            try_arg!(arg_str(number_type, "number_type", err)),
            try_arg!(arg_str(return_url, "return_url", err)),
            try_arg!(arg_str(fail_return_url, "fail_return_url", err)),
        );
        write_out(out, advanceai_url_request { inner })
    }
}

/// Frees a Generate URL request; NULL is a no-op.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_url_request_free(request: *mut advanceai_url_request) {
    ffi_panic_boundary! { free_box(request) }
}

/// Sets (or, with NULL, clears) one optional text field of a request.
fn set_optional(
    request: *mut advanceai_url_request,
    value: *const c_char,
    name: &str,
    err: *mut *mut advanceai_error,
    apply: impl FnOnce(&mut GenerateUrlRequest, Option<&str>),
) -> advanceai_status {
    let request = try_mut_from_ptr!(request, err);
    apply(&mut request.inner, try_arg!(arg_opt_str(value, name, err)));
    advanceai_status::ADVANCEAI_STATUS_OK
}

/// Sets (or, with a negative value, clears) one optional boolean field: 0 is `false`,
/// any positive value `true`.
fn set_flag(
    request: *mut advanceai_url_request,
    value: i32,
    err: *mut *mut advanceai_error,
    apply: impl FnOnce(&mut GenerateUrlRequest, Option<bool>),
) -> advanceai_status {
    let request = try_mut_from_ptr!(request, err);
    apply(&mut request.inner, (value >= 0).then_some(value > 0));
    advanceai_status::ADVANCEAI_STATUS_OK
}

/// `callbackUrl`: where the vendor posts the outcome (`http` or `https`; read it with
/// `advanceai_parse_callback`). The callback is unsigned: put an authorization token in its
/// query string (never shown in messages). NULL clears it.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_url_request_set_callback_url(
    request: *mut advanceai_url_request,
    callback_url: *const c_char,
    err: *mut *mut advanceai_error,
) -> advanceai_status {
    ffi_panic_boundary! {
        set_optional(request, callback_url, "callback_url", err, |r, v| {
            r.callback_url = v.map(str::to_owned);
        })
    }
}

/// `language`: the page's language (`"en-US"`). NULL clears it.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_url_request_set_language(
    request: *mut advanceai_url_request,
    language: *const c_char,
    err: *mut *mut advanceai_error,
) -> advanceai_status {
    ffi_panic_boundary! {
        set_optional(request, language, "language", err, |r, v| {
            r.language = v.map(str::to_owned);
        })
    }
}

/// `prefersColorScheme`: `"light"` or `"dark"`; any other value is refused when the
/// request is checked (`Prefers color scheme is wrong`). NULL clears it.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_url_request_set_color_scheme(
    request: *mut advanceai_url_request,
    color_scheme: *const c_char,
    err: *mut *mut advanceai_error,
) -> advanceai_status {
    ffi_panic_boundary! {
        set_optional(request, color_scheme, "color_scheme", err, |r, v| {
            r.prefers_color_scheme = v.map(ColorScheme::from_wire);
        })
    }
}

/// `numberValue`: the ID number (personal data: never in messages). Its length in digits
/// is checked per market; SAID requires it. NULL clears it (the user types it on the page).
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_url_request_set_number_value(
    request: *mut advanceai_url_request,
    number_value: *const c_char,
    err: *mut *mut advanceai_error,
) -> advanceai_status {
    ffi_panic_boundary! {
        set_optional(request, number_value, "number_value", err, |r, v| {
            r.number_value = v.map(Pii::new);
        })
    }
}

/// `fullName`: the person's full name (personal data); NIK requires it. NULL clears it.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_url_request_set_full_name(
    request: *mut advanceai_url_request,
    full_name: *const c_char,
    err: *mut *mut advanceai_error,
) -> advanceai_status {
    ffi_panic_boundary! {
        set_optional(request, full_name, "full_name", err, |r, v| {
            r.full_name = v.map(Pii::new);
        })
    }
}

/// `gender`: required for DNI with a number value. The vendor does not document its
/// values, so it is sent as given. NULL clears it.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_url_request_set_gender(
    request: *mut advanceai_url_request,
    gender: *const c_char,
    err: *mut *mut advanceai_error,
) -> advanceai_status {
    ffi_panic_boundary! {
        set_optional(request, gender, "gender", err, |r, v| {
            r.gender = v.map(str::to_owned);
        })
    }
}

/// `bizCode`: your business type for the user (`"WhiteCard"`), sent as given. NULL clears
/// it.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_url_request_set_biz_code(
    request: *mut advanceai_url_request,
    biz_code: *const c_char,
    err: *mut *mut advanceai_error,
) -> advanceai_status {
    ffi_panic_boundary! {
        set_optional(request, biz_code, "biz_code", err, |r, v| {
            r.biz_code = v.map(str::to_owned);
        })
    }
}

/// `ignoreFailWhenJump`: 0 `false`, positive `true`, negative clears it (not sent).
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_url_request_set_ignore_fail_when_jump(
    request: *mut advanceai_url_request,
    value: i32,
    err: *mut *mut advanceai_error,
) -> advanceai_status {
    ffi_panic_boundary! {
        set_flag(request, value, err, |r, v| r.ignore_fail_when_jump = v)
    }
}

/// `iframeEnabled`: whether the page may be embedded in an iframe (`false` redirects to the
/// return URLs instead). 0 `false`, positive `true`, negative clears it (not sent).
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_url_request_set_iframe_enabled(
    request: *mut advanceai_url_request,
    value: i32,
    err: *mut *mut advanceai_error,
) -> advanceai_status {
    ffi_panic_boundary! {
        set_flag(request, value, err, |r, v| r.iframe_enabled = v)
    }
}

/// Checks a Generate URL request as `advanceai_client_generate_url` would before sending.
/// Returns OK, or `ADVANCEAI_STATUS_INVALID_INPUT` with the code and message. Needs no
/// client.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_validate_url_request(
    request: *const advanceai_url_request,
    err: *mut *mut advanceai_error,
) -> advanceai_status {
    ffi_panic_boundary! { validate(&try_ref_from_ptr!(request, err).inner, err) }
}
