//! The access token handed to callers who send some requests on their own.

use std::ffi::{CString, c_char};

use advanceai_core::Secret;

use crate::ffi::{BoxCastable, free_box};
use crate::marshal::c_string;

/// An access token. Its string is owned by it and valid until `advanceai_token_free`.
pub struct advanceai_token {
    value: CString,
}

impl BoxCastable for advanceai_token {}

impl From<Secret> for advanceai_token {
    fn from(token: Secret) -> Self {
        Self {
            value: c_string(token.expose()),
        }
    }
}

/// Frees a token; NULL is a no-op.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_token_free(token: *mut advanceai_token) {
    ffi_panic_boundary! { free_box(token) }
}

/// The token's text (send it as the `X-ACCESS-TOKEN` header; never log it). Owned by the
/// token.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_token_value(token: *const advanceai_token) -> *const c_char {
    ffi_panic_boundary! { try_ref_from_ptr!(token).value.as_ptr() }
}
