//! The result of a database verification and its getters.

use std::ffi::c_char;

use advanceai_core::VerificationData;

use crate::cstr::{WireName, owned};
use crate::ffi::{BoxCastable, free_box};
use crate::outcome::{OutcomeStrings, json};

/// A database verification result. It holds the parsed answer; each string is made the
/// first time its getter is called, is owned by the result, and stays valid until
/// `advanceai_verification_result_free`. Getters may be called from several threads at once.
pub struct advanceai_verification_result {
    data: VerificationData,
    strings: OutcomeStrings,
}

impl BoxCastable for advanceai_verification_result {}

impl From<VerificationData> for advanceai_verification_result {
    fn from(data: VerificationData) -> Self {
        Self {
            data,
            strings: OutcomeStrings::default(),
        }
    }
}

/// Frees a verification result; NULL is a no-op.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_verification_result_free(result: *mut advanceai_verification_result) {
    ffi_panic_boundary! { free_box(result) }
}

/// Whether the ID passed: `overallResult` is `PASS` and `errorCode` is a pass.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_verification_result_passed(
    result: *const advanceai_verification_result,
) -> bool {
    ffi_panic_boundary! { try_ref_from_ptr!(result).data.passed() }
}

/// `signatureId`, or NULL when absent. Owned by the result.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_verification_result_signature_id(
    result: *const advanceai_verification_result,
) -> *const c_char {
    ffi_panic_boundary! {
        let r = try_ref_from_ptr!(result);
        r.strings.signature_id.get(|| r.data.signature_id.as_deref().map(owned))
    }
}

/// `overallResult` (`"PASS"`, `"FAIL"`, `"INCOMPLETE"` or a newer value), or NULL when
/// absent. Owned by the result.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_verification_result_overall_result(
    result: *const advanceai_verification_result,
) -> *const c_char {
    ffi_panic_boundary! {
        let r = try_ref_from_ptr!(result);
        r.strings.overall_result.get(|| r.data.overall_result.as_ref().map(WireName::c_name))
    }
}

/// `errorCode`, normalized (a pass is `"SUCCESS"`), or NULL when absent. Owned by the
/// result.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_verification_result_error_code(
    result: *const advanceai_verification_result,
) -> *const c_char {
    ffi_panic_boundary! {
        let r = try_ref_from_ptr!(result);
        r.strings.error_code.get(|| r.data.error_code.as_ref().map(WireName::c_name))
    }
}

/// What to do about the outcome: `"passed"`, `"user_can_retry"`, `"needs_review"` or
/// `"retry_later"`; NULL when the server sent no `errorCode`. Owned by the result.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_verification_result_category(
    result: *const advanceai_verification_result,
) -> *const c_char {
    ffi_panic_boundary! {
        let r = try_ref_from_ptr!(result);
        r.strings.category.get(|| r.data.category().map(|c| owned(c.as_str())))
    }
}

/// A person field (an `advanceai_person_field` value), exactly as the server sent it
/// (masked by the server), or NULL when absent or for an unknown field. Owned by the
/// result. Person data: do not log it.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_verification_result_person_field(
    result: *const advanceai_verification_result,
    field: u32,
) -> *const c_char {
    ffi_panic_boundary! {
        let r = try_ref_from_ptr!(result);
        r.strings.person.get(r.data.doc_database_detail.as_ref(), field)
    }
}

/// The full normalized JSON of the result's `data` (person fields included), made on the
/// first call. Owned by the result.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_verification_result_to_json(
    result: *const advanceai_verification_result,
) -> *const c_char {
    ffi_panic_boundary! {
        let r = try_ref_from_ptr!(result);
        r.strings.json.get(|| json(&r.data))
    }
}
