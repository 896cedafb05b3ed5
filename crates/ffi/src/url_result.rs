//! The answer of H5 Generate URL and its getters.

use std::ffi::c_char;

use advanceai_core::GenerateUrlData;

use crate::cstr::{LazyCStr, owned};
use crate::ffi::{BoxCastable, free_box};
use crate::marshal::write_optional;
use crate::outcome::json;

/// A Generate URL answer. It holds the parsed answer; each string is made the first time
/// its getter is called, is owned by the result, and stays valid until
/// `advanceai_url_result_free`.
pub struct advanceai_url_result {
    data: GenerateUrlData,
    signature_id: LazyCStr,
    url: LazyCStr,
    json: LazyCStr,
}

impl BoxCastable for advanceai_url_result {}

impl From<GenerateUrlData> for advanceai_url_result {
    fn from(data: GenerateUrlData) -> Self {
        Self {
            data,
            signature_id: LazyCStr::default(),
            url: LazyCStr::default(),
            json: LazyCStr::default(),
        }
    }
}

/// Frees a Generate URL answer; NULL is a no-op.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_url_result_free(result: *mut advanceai_url_result) {
    ffi_panic_boundary! { free_box(result) }
}

/// `signatureId` (keep it for Get Result), or NULL. Owned by the result.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_url_result_signature_id(
    result: *const advanceai_url_result,
) -> *const c_char {
    ffi_panic_boundary! {
        let r = try_ref_from_ptr!(result);
        r.signature_id.get(|| r.data.signature_id.as_deref().map(owned))
    }
}

/// The page to send the user to, or NULL. Owned by the result.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_url_result_url(result: *const advanceai_url_result) -> *const c_char {
    ffi_panic_boundary! {
        let r = try_ref_from_ptr!(result);
        r.url.get(|| r.data.url.as_deref().map(owned))
    }
}

/// `expiredTime`: when the URL stops working, in milliseconds since the Unix epoch.
/// Returns whether it is present, and then writes it to `out` (when not NULL).
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_url_result_expired_time_ms(
    result: *const advanceai_url_result,
    out: *mut u64,
) -> bool {
    ffi_panic_boundary! {
        let r = try_ref_from_ptr!(result);
        write_optional(out, r.data.expired_time.map(|t| t.0))
    }
}

/// The full normalized JSON of the answer's `data`, made on the first call. Owned by the
/// result.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_url_result_to_json(
    result: *const advanceai_url_result,
) -> *const c_char {
    ffi_panic_boundary! {
        let r = try_ref_from_ptr!(result);
        r.json.get(|| json(&r.data))
    }
}
