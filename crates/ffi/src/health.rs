//! The answer of Non-Doc Health Status and its getters.

use std::ffi::c_char;

use advanceai_core::HealthData;

use crate::cstr::{LazyCStr, owned};
use crate::ffi::{BoxCastable, free_box};

/// A Health Status answer. Each string is made the first time its getter is called, is
/// owned by the result, and stays valid until `advanceai_health_result_free`.
pub struct advanceai_health_result {
    data: HealthData,
    number_type: LazyCStr,
    status: LazyCStr,
}

impl BoxCastable for advanceai_health_result {}

impl From<HealthData> for advanceai_health_result {
    fn from(data: HealthData) -> Self {
        Self {
            data,
            number_type: LazyCStr::default(),
            status: LazyCStr::default(),
        }
    }
}

/// Frees a Health Status answer; NULL is a no-op.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_health_result_free(result: *mut advanceai_health_result) {
    ffi_panic_boundary! { free_box(result) }
}

/// `numberType`, as the server echoed it (`NG_BVN`), or NULL. Owned by the result.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_health_result_number_type(
    result: *const advanceai_health_result,
) -> *const c_char {
    ffi_panic_boundary! {
        let r = try_ref_from_ptr!(result);
        r.number_type.get(|| r.data.number_type.as_deref().map(owned))
    }
}

/// `status` as sent (`health`, `unstable`, or a value the vendor has not documented), or
/// NULL when absent. Owned by the result.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_health_result_status(
    result: *const advanceai_health_result,
) -> *const c_char {
    ffi_panic_boundary! {
        let r = try_ref_from_ptr!(result);
        r.status.get(|| r.data.status.as_ref().map(|s| owned(s.as_str())))
    }
}

/// Whether to start a new verification for this numberType: true only for the status
/// `health`; false for `unstable`, for an undocumented status, without a status, and for
/// NULL (core's `HealthData::can_start`).
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_health_result_can_start(
    result: *const advanceai_health_result,
) -> bool {
    ffi_panic_boundary! {
        let r = try_ref_from_ptr!(result);
        r.data.can_start()
    }
}
