//! The only code that reads C arguments and writes C outputs: NULL checks, UTF-8 checks,
//! boxing handles out and back in, and C strings owned by Rust objects.

use std::ffi::{CStr, CString, c_char};
use std::ptr;

use crate::error::{advanceai_error, fail};
use crate::status::advanceai_status;

/// A string as a C string, cut at the first NUL byte (C cannot carry one).
pub(crate) fn c_string(text: &str) -> CString {
    let end = text.find('\0').unwrap_or(text.len());
    CString::new(&text[..end]).unwrap_or_default()
}

/// An optional string as an optional C string.
pub(crate) fn opt_c(value: Option<&str>) -> Option<CString> {
    value.map(c_string)
}

/// The pointer C sees for an optional owned string: NULL when absent.
pub(crate) fn opt_ptr(value: &Option<CString>) -> *const c_char {
    value.as_ref().map_or(ptr::null(), |s| s.as_ptr())
}

/// Writes a NULL-parameter error for `name` and returns its status.
pub(crate) fn null_parameter(err: *mut *mut advanceai_error, name: &str) -> advanceai_status {
    fail(
        err,
        advanceai_error::local(
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
            advanceai_error::local(
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

/// Writes `value` to `out` (already checked non-NULL by [`check_out`]) and returns OK.
pub(crate) fn write_out<T>(out: *mut *mut T, value: T) -> advanceai_status {
    // SAFETY: the callers check `out` for NULL first.
    unsafe { *out = Box::into_raw(Box::new(value)) };
    advanceai_status::ADVANCEAI_STATUS_OK
}

/// Frees a boxed handle; NULL is a no-op.
pub(crate) fn free_box<T>(handle: *mut T) {
    if !handle.is_null() {
        // SAFETY: handles are only created by `Box::into_raw` in this crate, and the caller
        // frees each once.
        drop(unsafe { Box::from_raw(handle) });
    }
}

/// Borrows a handle; `None` for NULL.
pub(crate) fn handle<'a, T>(value: *const T) -> Option<&'a T> {
    // SAFETY: non-NULL handles point to live objects created by this crate.
    unsafe { value.as_ref() }
}

/// Borrows a handle mutably; `None` for NULL.
pub(crate) fn handle_mut<'a, T>(value: *mut T) -> Option<&'a mut T> {
    // SAFETY: non-NULL handles point to live objects created by this crate; mutable
    // handles (builders) are documented as not shared across threads while mutated.
    unsafe { value.as_mut() }
}

/// The body of every string getter: the string `field` picks from the object, or NULL
/// (for a NULL object, an absent value, or a panic).
pub(crate) fn get_str<T>(
    object: *const T,
    field: impl FnOnce(&T) -> *const c_char,
) -> *const c_char {
    ffi_guard!(ptr::null(); { handle(object).map_or(ptr::null(), field) })
}

/// The body of every flag getter: false for a NULL object or a panic.
pub(crate) fn get_flag<T>(object: *const T, field: impl FnOnce(&T) -> bool) -> bool {
    ffi_guard!(false; { handle(object).is_some_and(field) })
}

/// The body of every optional-number getter: returns whether the value is present and
/// then writes it to `out` (when `out` is not NULL).
pub(crate) fn get_number<T, N>(
    object: *const T,
    out: *mut N,
    field: impl FnOnce(&T) -> Option<N>,
) -> bool {
    ffi_guard!(false; {
        match handle(object).and_then(field) {
            Some(value) => {
                if !out.is_null() {
                    // SAFETY: checked non-NULL; the caller gives a writable slot.
                    unsafe { *out = value };
                }
                true
            }
            None => false,
        }
    })
}
