//! The one panic boundary every exported body runs inside.
//!
//! A panic must never unwind into C (that is undefined behaviour, and at best aborts the
//! host process). [`ffi_panic_boundary!`] catches it and returns the value
//! [`PanicOrDefault`] gives for the function's return type: `ADVANCEAI_STATUS_PANIC` for a
//! status, NULL for a pointer, false for a flag, 0 for a number. No call site chooses
//! its own fallback, so no two functions of the same shape can disagree.

use std::ptr;

use crate::status::advanceai_status;

/// What an exported function returns when its body panicked.
pub(crate) trait PanicOrDefault {
    /// The value handed to C instead of unwinding.
    fn value() -> Self;
}

impl PanicOrDefault for advanceai_status {
    fn value() -> Self {
        advanceai_status::ADVANCEAI_STATUS_PANIC
    }
}

impl<T> PanicOrDefault for *const T {
    fn value() -> Self {
        ptr::null()
    }
}

impl<T> PanicOrDefault for *mut T {
    fn value() -> Self {
        ptr::null_mut()
    }
}

impl PanicOrDefault for bool {
    fn value() -> Self {
        false
    }
}

impl PanicOrDefault for () {
    fn value() -> Self {}
}

/// Numbers: 0.
macro_rules! panic_or_zero {
    ($($number:ty),+) => {
        $(impl PanicOrDefault for $number {
            fn value() -> Self {
                <$number>::default()
            }
        })+
    };
}

panic_or_zero!(u16, u32, u64, f64);

/// Runs an exported body; a panic becomes [`PanicOrDefault::value`] of the return type.
///
/// The body is a closure's: `return` leaves the body (with the function's return type),
/// not the enclosing function around the boundary.
macro_rules! ffi_panic_boundary {
    ($($body:tt)*) => {
        match ::std::panic::catch_unwind(::std::panic::AssertUnwindSafe(|| { $($body)* })) {
            Ok(value) => value,
            Err(_) => $crate::panic::PanicOrDefault::value(),
        }
    };
}

#[cfg(test)]
mod tests {
    #![allow(clippy::panic)]
    use std::ffi::c_char;

    use super::*;

    fn status() -> advanceai_status {
        ffi_panic_boundary! { panic!("boom") }
    }

    fn pointer() -> *const c_char {
        ffi_panic_boundary! { panic!("boom") }
    }

    fn flag() -> bool {
        ffi_panic_boundary! { panic!("boom") }
    }

    fn number() -> u16 {
        ffi_panic_boundary! { panic!("boom") }
    }

    fn score() -> f64 {
        ffi_panic_boundary! { panic!("boom") }
    }

    fn nothing() {
        ffi_panic_boundary! { panic!("boom") }
    }

    fn no_panic() -> u16 {
        ffi_panic_boundary! { 502 }
    }

    #[test]
    fn a_panic_becomes_the_default_of_the_return_type() {
        assert_eq!(status(), advanceai_status::ADVANCEAI_STATUS_PANIC);
        assert!(pointer().is_null());
        assert!(!flag());
        assert_eq!(number(), 0);
        assert_eq!(score(), 0.0);
        nothing();
        assert_eq!(no_panic(), 502);
    }
}
