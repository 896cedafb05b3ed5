//! The status every fallible function returns, its English text, and the library version.

use std::ffi::c_char;

/// The status every fallible function returns.
///
/// The numeric values are stable: a value is never reused. A value that is retired stays
/// reserved (its number is never given to another meaning).
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum advanceai_status {
    /// Success.
    ADVANCEAI_STATUS_OK = 0,
    /// A required pointer argument was NULL.
    ADVANCEAI_STATUS_NULL_PARAMETER = 1,
    /// A string argument was not valid UTF-8.
    ADVANCEAI_STATUS_INVALID_UTF8 = 2,
    /// The request was refused locally, before sending; the error carries the code and
    /// message the server would have answered with.
    ADVANCEAI_STATUS_INVALID_INPUT = 3,
    /// The server answered with a code other than `SUCCESS`; see the error's code.
    ADVANCEAI_STATUS_API_ERROR = 4,
    /// The request could not be completed at the network level.
    ADVANCEAI_STATUS_TRANSPORT_ERROR = 5,
    /// The request did not finish within its timeout.
    ADVANCEAI_STATUS_TIMEOUT = 6,
    /// The server (or a proxy) sent something that is not the API's answer.
    ADVANCEAI_STATUS_UNEXPECTED_RESPONSE = 7,
    /// The body looked like the API's JSON but could not be read.
    ADVANCEAI_STATUS_PARSE_ERROR = 8,
    /// The response body was larger than the configured maximum.
    ADVANCEAI_STATUS_RESPONSE_TOO_LARGE = 9,
    /// The configuration is invalid (missing credentials, insecure URL, bad CA bundle, ...).
    ADVANCEAI_STATUS_CONFIG_ERROR = 10,
    /// `advanceai_client_wait_for_result` reached its deadline before the result was final.
    ADVANCEAI_STATUS_RESULT_PENDING = 11,
    /// The library panicked; the call had no effect on its outputs. Please report it.
    ADVANCEAI_STATUS_PANIC = 12,
    /// The server answered `SUCCESS` without a `data` object.
    ADVANCEAI_STATUS_MISSING_DATA = 13,
}

/// The library version (the `advanceai-ffi` crate version, such as `"1.2.3"`), a static
/// NUL-terminated string: never free it.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_version() -> *const c_char {
    concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast()
}

/// A static, NUL-terminated English description of a status; never free it. Unknown values
/// give "unknown status".
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_status_message(status: u32) -> *const c_char {
    let text: &'static str = match status {
        0 => "ok\0",
        1 => "a required parameter is NULL\0",
        2 => "a string parameter is not valid UTF-8\0",
        3 => "the request is invalid and was not sent\0",
        4 => "the API answered with an error code\0",
        5 => "the request failed at the network level\0",
        6 => "the request timed out\0",
        7 => "unexpected response\0",
        8 => "cannot parse the response\0",
        9 => "the response is too large\0",
        10 => "invalid configuration\0",
        11 => "the result is still pending\0",
        12 => "internal panic in the library\0",
        13 => "the API answered SUCCESS without data\0",
        _ => "unknown status\0",
    };
    text.as_ptr().cast()
}
