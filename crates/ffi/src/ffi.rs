//! Handles: the opaque objects C holds pointers to, how they are made, borrowed and freed.
//!
//! Every handle type is marked [`BoxCastable`]: it is handed to C as a `Box` turned into a
//! raw pointer ([`to_boxed_mut_ptr`]), borrowed back with [`try_ref_from_ptr!`] /
//! [`try_mut_from_ptr!`] (one line: the NULL check and the cast), and freed once with
//! [`free_box`]. Only marked types can go through these functions, so a pointer of one
//! kind cannot be taken for another by mistake in this crate.

use std::ptr;

use crate::status::advanceai_status;

/// A type C holds as `*mut T` / `*const T`, owned through a `Box`.
pub(crate) trait BoxCastable: Sized {}

/// What a function returns when a required handle is NULL and it has no error slot:
/// `ADVANCEAI_STATUS_NULL_PARAMETER` for a status, NULL / false / 0 for a getter.
pub(crate) trait NullParameterOrDefault {
    /// The value handed to C for a NULL handle.
    fn value() -> Self;
}

impl NullParameterOrDefault for advanceai_status {
    fn value() -> Self {
        advanceai_status::ADVANCEAI_STATUS_NULL_PARAMETER
    }
}

impl<T> NullParameterOrDefault for *const T {
    fn value() -> Self {
        ptr::null()
    }
}

impl NullParameterOrDefault for bool {
    fn value() -> Self {
        false
    }
}

impl NullParameterOrDefault for u16 {
    fn value() -> Self {
        0
    }
}

/// Moves `value` to the heap and hands its ownership to C.
pub(crate) fn to_boxed_mut_ptr<T: BoxCastable>(value: T) -> *mut T {
    Box::into_raw(Box::new(value))
}

/// Frees a handle made by [`to_boxed_mut_ptr`]; NULL is a no-op.
pub(crate) fn free_box<T: BoxCastable>(handle: *mut T) {
    if !handle.is_null() {
        // SAFETY: non-NULL handles of a `BoxCastable` type are only made by
        // `to_boxed_mut_ptr`, and the C contract is that each is freed once.
        drop(unsafe { Box::from_raw(handle) });
    }
}

/// Borrows a handle; `None` for NULL. Use [`try_ref_from_ptr!`].
pub(crate) fn try_ref<'a, T: BoxCastable>(handle: *const T) -> Option<&'a T> {
    // SAFETY: a non-NULL handle points to a live object made by `to_boxed_mut_ptr` (the C
    // contract: not yet freed, and not freed while the call runs).
    unsafe { handle.as_ref() }
}

/// Borrows a handle mutably; `None` for NULL. Use [`try_mut_from_ptr!`].
pub(crate) fn try_mut<'a, T: BoxCastable>(handle: *mut T) -> Option<&'a mut T> {
    // SAFETY: as for `try_ref`; mutable handles (builders) are documented as not shared
    // between threads while they are being set up.
    unsafe { handle.as_mut() }
}

/// Borrows a handle, or returns from the exported body.
///
/// `try_ref_from_ptr!(result)` returns [`NullParameterOrDefault::value`] for NULL (NULL /
/// false / 0 from a getter). `try_ref_from_ptr!(client, err)` returns
/// `ADVANCEAI_STATUS_NULL_PARAMETER` and writes an error naming the parameter to `err`
/// (when it is not NULL).
macro_rules! try_ref_from_ptr {
    ($handle:ident) => {
        match $crate::ffi::try_ref($handle) {
            Some(handle) => handle,
            None => return $crate::ffi::NullParameterOrDefault::value(),
        }
    };
    ($handle:ident, $err:expr) => {
        match $crate::ffi::try_ref($handle) {
            Some(handle) => handle,
            None => return $crate::marshal::null_parameter($err, stringify!($handle)),
        }
    };
}

/// [`try_ref_from_ptr!`] for a handle the body changes (a builder).
macro_rules! try_mut_from_ptr {
    ($handle:ident) => {
        match $crate::ffi::try_mut($handle) {
            Some(handle) => handle,
            None => return $crate::ffi::NullParameterOrDefault::value(),
        }
    };
    ($handle:ident, $err:expr) => {
        match $crate::ffi::try_mut($handle) {
            Some(handle) => handle,
            None => return $crate::marshal::null_parameter($err, stringify!($handle)),
        }
    };
}

/// Unwraps a checked argument (`Result<T, advanceai_status>`), or returns its status from
/// the exported body (the error object, if any, is already written).
macro_rules! try_arg {
    ($checked:expr) => {
        match $checked {
            Ok(value) => value,
            Err(status) => return status,
        }
    };
}
