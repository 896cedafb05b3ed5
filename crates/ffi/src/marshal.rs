//! Reading C arguments and writing C outputs: NULL checks, UTF-8 checks, byte slices,
//! output slots, and C strings made from Rust text.

use std::ffi::{CStr, CString, c_char};

use crate::error::{advanceai_error, fail};
use crate::ffi::{BoxCastable, to_boxed_mut_ptr};
use crate::status::advanceai_status;

/// A string as a C string, cut at the first NUL byte (C cannot carry one).
pub(crate) fn c_string(text: &str) -> CString {
    let end = text.find('\0').unwrap_or(text.len());
    CString::new(&text[..end]).unwrap_or_default()
}

/// Writes a NULL-parameter error for `name` and returns its status.
pub(crate) fn null_parameter(err: *mut *mut advanceai_error, name: &str) -> advanceai_status {
    fail(
        err,
        advanceai_error::boundary(
            advanceai_status::ADVANCEAI_STATUS_NULL_PARAMETER,
            &format!("the parameter {name} is NULL"),
        ),
    )
}

/// Reads a NUL-terminated UTF-8 string argument named `name` (for the error message).
///
/// The C contract of every exported function: a string argument is NULL or points to a
/// NUL-terminated string that stays alive for the duration of the call.
pub(crate) fn arg_str<'a>(
    value: *const c_char,
    name: &str,
    err: *mut *mut advanceai_error,
) -> Result<&'a str, advanceai_status> {
    if value.is_null() {
        return Err(null_parameter(err, name));
    }
    // SAFETY: non-NULL and NUL-terminated per the C contract above.
    let bytes = unsafe { CStr::from_ptr(value) };
    bytes.to_str().map_err(|_| {
        fail(
            err,
            advanceai_error::boundary(
                advanceai_status::ADVANCEAI_STATUS_INVALID_UTF8,
                &format!("the parameter {name} is not valid UTF-8"),
            ),
        )
    })
}

/// Like [`arg_str`], but NULL means "not given".
pub(crate) fn arg_opt_str<'a>(
    value: *const c_char,
    name: &str,
    err: *mut *mut advanceai_error,
) -> Result<Option<&'a str>, advanceai_status> {
    if value.is_null() {
        Ok(None)
    } else {
        arg_str(value, name, err).map(Some)
    }
}

/// Borrows `len` bytes at `bytes` (NULL allowed when `len` is 0).
pub(crate) fn arg_bytes<'a>(
    bytes: *const u8,
    len: usize,
    err: *mut *mut advanceai_error,
) -> Result<&'a [u8], advanceai_status> {
    if len == 0 {
        return Ok(&[]);
    }
    if bytes.is_null() {
        return Err(null_parameter(err, "bytes"));
    }
    // SAFETY: non-NULL, and the caller gives `len` readable bytes.
    Ok(unsafe { std::slice::from_raw_parts(bytes, len) })
}

/// Checks an output slot before any work is done, so that a NULL slot fails early.
pub(crate) fn check_out<T>(
    out: *mut *mut T,
    err: *mut *mut advanceai_error,
) -> Result<(), advanceai_status> {
    if out.is_null() {
        Err(null_parameter(err, "out"))
    } else {
        Ok(())
    }
}

/// Hands `value` to C through `out` (already checked non-NULL by [`check_out`]) and
/// returns OK. The only place an output handle is written: after everything succeeded.
pub(crate) fn write_out<T: BoxCastable>(out: *mut *mut T, value: T) -> advanceai_status {
    if !out.is_null() {
        // SAFETY: checked non-NULL; the caller gives a writable `T *` slot.
        unsafe { *out = to_boxed_mut_ptr(value) };
    }
    advanceai_status::ADVANCEAI_STATUS_OK
}

/// Writes an optional value to a caller's slot (when not NULL) and says whether it was
/// present: the shape of every optional-number getter. Nothing is written when absent.
pub(crate) fn write_optional<N>(out: *mut N, value: Option<N>) -> bool {
    match value {
        Some(value) => {
            if !out.is_null() {
                // SAFETY: checked non-NULL; the caller gives a writable slot.
                unsafe { *out = value };
            }
            true
        }
        None => false,
    }
}
