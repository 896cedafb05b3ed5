//! The C ABI of the ADVANCE.AI client: `libadvanceai.so`, `libadvanceai.a` and
//! `include/advanceai.h` (generated from this crate by cbindgen).
//!
//! This crate only translates ownership, strings and errors; every behaviour (validation,
//! signing, retries, parsing) is `advanceai-core`'s and `advanceai-transport`'s.
//!
//! # Rules of the C API
//! * Every fallible function returns an `advanceai_status`; `ADVANCEAI_STATUS_OK` is 0.
//!   Output parameters are written only on success, never partially.
//! * On failure, when the caller passed a non-NULL `advanceai_error **err`, an error object
//!   is written there (kind, API code, message, transaction id, whether a retry can help);
//!   free it with `advanceai_error_free`. There is no thread-local "last error".
//!   Configuration setters take no error slot: they only store values, which are checked
//!   (with a full error object) by `advanceai_client_new`.
//! * Every pointer is checked for NULL (`ADVANCEAI_STATUS_NULL_PARAMETER`) and every string
//!   for UTF-8 (`ADVANCEAI_STATUS_INVALID_UTF8`). Bytes are passed with an explicit length.
//! * A panic inside the library never unwinds into C: it becomes `ADVANCEAI_STATUS_PANIC`
//!   (or NULL / false / 0 for getters).
//! * One string rule: every `const char *` returned is owned by the object that returned
//!   it and stays valid until that object is freed. Never free it yourself.
//! * Every `_free` function accepts NULL and then does nothing.
//!
//! # Layout
//! One module per concept: [`status`](crate::advanceai_status) values and messages, the
//! error object, the configuration builder, the H5 request builder, the client and its
//! calls, result objects and their getters, and parsing for callers with their own HTTP
//! stack. `marshal` holds the only code that reads C arguments and writes C outputs.
#![allow(unsafe_code)]
#![allow(non_camel_case_types)]
// The C API takes raw pointers by design; each one is checked for NULL before use.
#![allow(clippy::not_unsafe_ptr_arg_deref)]

/// Runs an exported body inside the one panic boundary: a panic becomes
/// `ADVANCEAI_STATUS_PANIC` (or the given fallback value), never unwinding into C.
macro_rules! ffi_guard {
    ($body:block) => {
        ffi_guard!($crate::advanceai_status::ADVANCEAI_STATUS_PANIC; $body)
    };
    ($on_panic:expr; $body:block) => {
        match ::std::panic::catch_unwind(::std::panic::AssertUnwindSafe(|| $body)) {
            Ok(value) => value,
            Err(_) => $on_panic,
        }
    };
}

mod client;
mod config;
mod error;
mod marshal;
mod parse;
mod request;
mod results;
mod status;

pub use client::*;
pub use config::*;
pub use error::*;
pub use parse::*;
pub use request::*;
pub use results::*;
pub use status::*;

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use std::ffi::{CStr, c_char};
    use std::ptr;

    use super::*;

    #[test]
    fn version_is_the_crate_version() {
        // SAFETY: a static NUL-terminated string.
        let version = unsafe { CStr::from_ptr(advanceai_version()) };
        assert_eq!(version.to_str().unwrap(), env!("CARGO_PKG_VERSION"));
        let manifest = include_str!("../../../Cargo.toml");
        assert!(manifest.contains(&format!("version = \"{}\"", env!("CARGO_PKG_VERSION"))));
    }

    #[test]
    fn a_panic_becomes_a_status() {
        #[allow(clippy::panic)]
        fn body() -> advanceai_status {
            ffi_guard!({ panic!("boom") })
        }
        assert_eq!(body(), advanceai_status::ADVANCEAI_STATUS_PANIC);
        let null: *const c_char = ffi_guard!(ptr::null(); { panic!("boom") });
        assert!(null.is_null());
    }
}
