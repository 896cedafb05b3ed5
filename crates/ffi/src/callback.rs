//! The notification the vendor posts to a transaction's `callbackUrl`, and its getters.

use std::ffi::c_char;

use advanceai_core::CallbackNotification;

use crate::cstr::{LazyCStr, WireName, owned};
use crate::ffi::{BoxCastable, free_box};

/// A callback notification, read by `advanceai_parse_callback`. Strings are made on first
/// use, owned by it and valid until `advanceai_callback_free`.
///
/// The vendor's callback is unsigned and not guaranteed: authenticate it with a token in
/// the callback URL, treat it as a hint, and fetch the outcome with Get Result.
pub struct advanceai_callback {
    data: CallbackNotification,
    signature_id: LazyCStr,
    kind: LazyCStr,
}

impl BoxCastable for advanceai_callback {}

impl From<CallbackNotification> for advanceai_callback {
    fn from(data: CallbackNotification) -> Self {
        Self {
            data,
            signature_id: LazyCStr::default(),
            kind: LazyCStr::default(),
        }
    }
}

/// Frees a callback notification; NULL is a no-op.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_callback_free(callback: *mut advanceai_callback) {
    ffi_panic_boundary! { free_box(callback) }
}

/// `signatureId`: the transaction that changed (fetch its result with Get Result), or NULL
/// when absent. Owned by the callback.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_callback_signature_id(
    callback: *const advanceai_callback,
) -> *const c_char {
    ffi_panic_boundary! {
        let c = try_ref_from_ptr!(callback);
        c.signature_id.get(|| c.data.signature_id.as_deref().map(owned))
    }
}

/// `type`: what happened, `"COMPLETED"` (the verification has a final result),
/// `"SUBMIT_COMPLETED"` (the user's page finished submitting) or a newer value kept as
/// sent; NULL when absent. Owned by the callback.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_callback_type(callback: *const advanceai_callback) -> *const c_char {
    ffi_panic_boundary! {
        let c = try_ref_from_ptr!(callback);
        c.kind.get(|| c.data.kind.as_ref().map(WireName::c_name))
    }
}
