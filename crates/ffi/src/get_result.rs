//! The answer of H5 Get Result and its getters.

use std::ffi::c_char;

use advanceai_core::{FaceDetail, GetResultData, Score};

use crate::cstr::{LazyCStr, WireName, owned};
use crate::ffi::{BoxCastable, free_box};
use crate::marshal::write_optional;
use crate::outcome::{OutcomeStrings, json};

/// A Get Result answer. It holds the parsed answer; each string is made the first time its
/// getter is called, is owned by the result, and stays valid until
/// `advanceai_get_result_free`. Getters may be called from several threads at once.
pub struct advanceai_get_result {
    data: GetResultData,
    strings: OutcomeStrings,
    face_result: LazyCStr,
    country_code_iso3: LazyCStr,
    input_region: LazyCStr,
    input_number_type: LazyCStr,
}

impl BoxCastable for advanceai_get_result {}

impl From<GetResultData> for advanceai_get_result {
    fn from(data: GetResultData) -> Self {
        Self {
            data,
            strings: OutcomeStrings::default(),
            face_result: LazyCStr::default(),
            country_code_iso3: LazyCStr::default(),
            input_region: LazyCStr::default(),
            input_number_type: LazyCStr::default(),
        }
    }
}

impl advanceai_get_result {
    fn face(&self) -> Option<&FaceDetail> {
        self.data.face_detail.as_ref()
    }
}

/// Frees a Get Result answer; NULL is a no-op.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_get_result_free(result: *mut advanceai_get_result) {
    ffi_panic_boundary! { free_box(result) }
}

/// Whether the result is final (`errorCode` is set); a pending one should be polled again.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_get_result_is_final(result: *const advanceai_get_result) -> bool {
    ffi_panic_boundary! { try_ref_from_ptr!(result).data.is_final() }
}

/// Whether the result is final and a pass.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_get_result_passed(result: *const advanceai_get_result) -> bool {
    ffi_panic_boundary! { try_ref_from_ptr!(result).data.passed() }
}

/// `signatureId`, or NULL when absent. Owned by the result.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_get_result_signature_id(
    result: *const advanceai_get_result,
) -> *const c_char {
    ffi_panic_boundary! {
        let r = try_ref_from_ptr!(result);
        r.strings.signature_id.get(|| r.data.signature_id.as_deref().map(owned))
    }
}

/// `overallResult` (or `idvResult` when only that was sent), or NULL. Owned by the result.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_get_result_overall_result(
    result: *const advanceai_get_result,
) -> *const c_char {
    ffi_panic_boundary! {
        let r = try_ref_from_ptr!(result);
        r.strings.overall_result.get(|| {
            let verdict = r.data.overall_result.as_ref().or(r.data.idv_result.as_ref());
            verdict.map(WireName::c_name)
        })
    }
}

/// `errorCode`, normalized (a pass is `"SUCCESS"`), or NULL while pending. Owned by the
/// result.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_get_result_error_code(
    result: *const advanceai_get_result,
) -> *const c_char {
    ffi_panic_boundary! {
        let r = try_ref_from_ptr!(result);
        r.strings.error_code.get(|| r.data.error_code.as_ref().map(WireName::c_name))
    }
}

/// What to do about the outcome (`"passed"`, `"user_can_retry"`, `"needs_review"`,
/// `"retry_later"`), or NULL while pending. Owned by the result.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_get_result_category(
    result: *const advanceai_get_result,
) -> *const c_char {
    ffi_panic_boundary! {
        let r = try_ref_from_ptr!(result);
        r.strings.category.get(|| r.data.category().map(|c| owned(c.as_str())))
    }
}

/// `faceDetail.faceResult` (`"PASS"`, `"FAIL"` or a newer value), or NULL. Owned by the
/// result.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_get_result_face_result(
    result: *const advanceai_get_result,
) -> *const c_char {
    ffi_panic_boundary! {
        let r = try_ref_from_ptr!(result);
        r.face_result.get(|| r.face().and_then(|f| f.face_result.as_ref()).map(WireName::c_name))
    }
}

/// `faceDetail.faceLivenessScore`: returns whether it is present, and then writes it to
/// `out` (when not NULL).
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_get_result_face_liveness_score(
    result: *const advanceai_get_result,
    out: *mut f64,
) -> bool {
    ffi_panic_boundary! {
        let r = try_ref_from_ptr!(result);
        write_optional(out, r.face().and_then(|f| f.face_liveness_score).map(Score::value))
    }
}

/// `faceDetail.faceSimilarityScore`: returns whether it is present, and then writes it to
/// `out` (when not NULL).
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_get_result_face_similarity_score(
    result: *const advanceai_get_result,
    out: *mut f64,
) -> bool {
    ffi_panic_boundary! {
        let r = try_ref_from_ptr!(result);
        write_optional(out, r.face().and_then(|f| f.face_similarity_score).map(Score::value))
    }
}

/// `submissionCompleted` (whether the user's page finished submitting its data): returns
/// whether it is present, and then writes it to `out` (when not NULL). Use
/// `advanceai_get_result_is_final`, not this, to decide whether to poll again.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_get_result_submission_completed(
    result: *const advanceai_get_result,
    out: *mut bool,
) -> bool {
    ffi_panic_boundary! { write_optional(out, try_ref_from_ptr!(result).data.submission_completed) }
}

/// `countryCodeIso3`: the region of the transaction (ISO 3166-1 alpha-3), or NULL. Owned by
/// the result.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_get_result_country_code_iso3(
    result: *const advanceai_get_result,
) -> *const c_char {
    ffi_panic_boundary! {
        let r = try_ref_from_ptr!(result);
        r.country_code_iso3.get(|| r.data.country_code_iso3.as_deref().map(owned))
    }
}

/// `inputParameters.region`: the region Generate URL was asked for, or NULL. Owned by the
/// result. (Other echoed inputs are in `advanceai_get_result_to_json`.)
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_get_result_input_region(
    result: *const advanceai_get_result,
) -> *const c_char {
    ffi_panic_boundary! {
        let r = try_ref_from_ptr!(result);
        r.input_region.get(|| {
            let input = r.data.input_parameters.as_ref();
            input.and_then(|i| i.region.as_deref()).map(owned)
        })
    }
}

/// `inputParameters.numberType`: the ID type Generate URL was asked for, or NULL. Owned by
/// the result.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_get_result_input_number_type(
    result: *const advanceai_get_result,
) -> *const c_char {
    ffi_panic_boundary! {
        let r = try_ref_from_ptr!(result);
        r.input_number_type.get(|| {
            let input = r.data.input_parameters.as_ref();
            input.and_then(|i| i.number_type.as_deref()).map(owned)
        })
    }
}

/// A person field (an `advanceai_person_field` value) as the server sent it (masked), or
/// NULL. Owned by the result. Person data: do not log it.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_get_result_person_field(
    result: *const advanceai_get_result,
    field: u32,
) -> *const c_char {
    ffi_panic_boundary! {
        let r = try_ref_from_ptr!(result);
        r.strings.person.get(r.data.doc_database_detail.as_ref(), field)
    }
}

/// The full normalized JSON of the result's `data`, made on the first call. Owned by the
/// result.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_get_result_to_json(
    result: *const advanceai_get_result,
) -> *const c_char {
    ffi_panic_boundary! {
        let r = try_ref_from_ptr!(result);
        r.strings.json.get(|| json(&r.data))
    }
}
