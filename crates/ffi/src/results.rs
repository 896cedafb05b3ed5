//! Result objects and their getters. Each object converts the typed Rust value once, when
//! it is created, so that getters only hand out pointers to strings it owns.

use std::ffi::{CString, c_char};

use advanceai_core::{
    ErrorCategory, ErrorCode, GenerateUrlData, GetResultData, OverallResult, PersonRecord, Pii,
    Secret, VerificationData,
};

use crate::marshal::{c_string, free_box, get_flag, get_number, get_str, opt_c, opt_ptr};

/// Which person field to read with `advanceai_verification_result_person_field` or
/// `advanceai_get_result_person_field`. Values are stable.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum advanceai_person_field {
    /// `firstName`.
    ADVANCEAI_PERSON_FIRST_NAME = 0,
    /// `middleName`.
    ADVANCEAI_PERSON_MIDDLE_NAME = 1,
    /// `lastName`.
    ADVANCEAI_PERSON_LAST_NAME = 2,
    /// `gender`.
    ADVANCEAI_PERSON_GENDER = 3,
    /// `birthday`.
    ADVANCEAI_PERSON_BIRTHDAY = 4,
    /// `phoneNumber`.
    ADVANCEAI_PERSON_PHONE_NUMBER = 5,
    /// `bvn`.
    ADVANCEAI_PERSON_BVN = 6,
    /// `numberValue`.
    ADVANCEAI_PERSON_NUMBER_VALUE = 7,
}

const PERSON_FIELDS: usize = 8;

/// What a verification and a Get Result answer have in common: the verdict, the person
/// record and the normalized JSON.
struct Outcome {
    passed: bool,
    signature_id: Option<CString>,
    overall_result: Option<CString>,
    error_code: Option<CString>,
    category: Option<CString>,
    person: [Option<CString>; PERSON_FIELDS],
    json: CString,
}

impl Outcome {
    fn new<T: serde::Serialize>(
        data: &T,
        passed: bool,
        signature_id: Option<&str>,
        overall: Option<&OverallResult>,
        code: Option<&ErrorCode>,
        category: Option<ErrorCategory>,
        person: Option<&PersonRecord>,
    ) -> Self {
        Self {
            passed,
            signature_id: opt_c(signature_id),
            overall_result: opt_c(overall.map(OverallResult::as_str)),
            error_code: opt_c(code.map(ErrorCode::as_str)),
            category: opt_c(category.map(ErrorCategory::as_str)),
            person: person_fields(person),
            json: to_json(data),
        }
    }

    fn person_field(&self, field: u32) -> *const c_char {
        usize::try_from(field)
            .ok()
            .and_then(|i| self.person.get(i))
            .map_or(std::ptr::null(), opt_ptr)
    }
}

fn person_fields(person: Option<&PersonRecord>) -> [Option<CString>; PERSON_FIELDS] {
    let Some(p) = person else {
        return Default::default();
    };
    let pii = |v: &Option<Pii>| v.as_ref().map(|v| c_string(v.expose()));
    [
        pii(&p.first_name),
        pii(&p.middle_name),
        pii(&p.last_name),
        p.gender.as_ref().map(|g| c_string(g.as_str())),
        p.birthday.as_ref().map(|b| c_string(b.expose())),
        pii(&p.phone_number),
        pii(&p.bvn),
        pii(&p.number_value),
    ]
}

/// The normalized JSON of a response's `data`. Serializing these types cannot fail (string
/// keys, finite numbers); an empty string would be the visible sign if it ever did.
fn to_json<T: serde::Serialize>(value: &T) -> CString {
    c_string(&serde_json::to_string(value).unwrap_or_default())
}

// ---------------------------------------------------------------------------------------
// Token

/// An access token. Its string is owned by it and valid until `advanceai_token_free`.
pub struct advanceai_token {
    value: CString,
}

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
    ffi_guard!((); { free_box(token) })
}

/// The token's text (send it as the `X-ACCESS-TOKEN` header; never log it). Owned by the
/// token.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_token_value(token: *const advanceai_token) -> *const c_char {
    get_str(token, |t| t.value.as_ptr())
}

// ---------------------------------------------------------------------------------------
// Database verification

/// A database verification result. Strings are owned by it and valid until
/// `advanceai_verification_result_free`.
pub struct advanceai_verification_result {
    outcome: Outcome,
}

impl From<VerificationData> for advanceai_verification_result {
    fn from(data: VerificationData) -> Self {
        Self {
            outcome: Outcome::new(
                &data,
                data.passed(),
                data.signature_id.as_deref(),
                data.overall_result.as_ref(),
                data.error_code.as_ref(),
                data.category(),
                data.doc_database_detail.as_ref(),
            ),
        }
    }
}

/// Frees a verification result; NULL is a no-op.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_verification_result_free(result: *mut advanceai_verification_result) {
    ffi_guard!((); { free_box(result) })
}

/// Whether the ID passed: `overallResult` is `PASS` and `errorCode` is a pass.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_verification_result_passed(
    result: *const advanceai_verification_result,
) -> bool {
    get_flag(result, |r| r.outcome.passed)
}

/// `signatureId`, or NULL when absent. Owned by the result.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_verification_result_signature_id(
    result: *const advanceai_verification_result,
) -> *const c_char {
    get_str(result, |r| opt_ptr(&r.outcome.signature_id))
}

/// `overallResult` (`"PASS"`, `"FAIL"`, `"INCOMPLETE"` or a newer value), or NULL when
/// absent. Owned by the result.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_verification_result_overall_result(
    result: *const advanceai_verification_result,
) -> *const c_char {
    get_str(result, |r| opt_ptr(&r.outcome.overall_result))
}

/// `errorCode`, normalized (a pass is `"SUCCESS"`), or NULL when absent. Owned by the
/// result.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_verification_result_error_code(
    result: *const advanceai_verification_result,
) -> *const c_char {
    get_str(result, |r| opt_ptr(&r.outcome.error_code))
}

/// What to do about the outcome: `"passed"`, `"user_can_retry"`, `"needs_review"` or
/// `"retry_later"`; NULL when the server sent no `errorCode`. Owned by the result.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_verification_result_category(
    result: *const advanceai_verification_result,
) -> *const c_char {
    get_str(result, |r| opt_ptr(&r.outcome.category))
}

/// A person field (an `advanceai_person_field` value), exactly as the server sent it
/// (masked by the server), or NULL when absent or for an unknown field. Owned by the
/// result. Person data: do not log it.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_verification_result_person_field(
    result: *const advanceai_verification_result,
    field: u32,
) -> *const c_char {
    get_str(result, |r| r.outcome.person_field(field))
}

/// The full normalized JSON of the result's `data` (person fields included). Owned by the
/// result.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_verification_result_to_json(
    result: *const advanceai_verification_result,
) -> *const c_char {
    get_str(result, |r| r.outcome.json.as_ptr())
}

// ---------------------------------------------------------------------------------------
// H5 Get Result

/// A Get Result answer. Strings are owned by it and valid until
/// `advanceai_get_result_free`.
pub struct advanceai_get_result {
    outcome: Outcome,
    is_final: bool,
    face_result: Option<CString>,
    liveness: Option<f64>,
    similarity: Option<f64>,
}

impl From<GetResultData> for advanceai_get_result {
    fn from(data: GetResultData) -> Self {
        let face = data.face_detail.as_ref();
        Self {
            outcome: Outcome::new(
                &data,
                data.passed(),
                data.signature_id.as_deref(),
                data.overall_result.as_ref().or(data.idv_result.as_ref()),
                data.error_code.as_ref(),
                data.category(),
                data.doc_database_detail.as_ref(),
            ),
            is_final: data.is_final(),
            face_result: opt_c(
                face.and_then(|f| f.face_result.as_ref())
                    .map(|r| r.as_str()),
            ),
            liveness: face.and_then(|f| f.face_liveness_score).map(|s| s.value()),
            similarity: face
                .and_then(|f| f.face_similarity_score)
                .map(|s| s.value()),
        }
    }
}

/// Frees a Get Result answer; NULL is a no-op.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_get_result_free(result: *mut advanceai_get_result) {
    ffi_guard!((); { free_box(result) })
}

/// Whether the result is final (`errorCode` is set); a pending one should be polled again.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_get_result_is_final(result: *const advanceai_get_result) -> bool {
    get_flag(result, |r| r.is_final)
}

/// Whether the result is final and a pass.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_get_result_passed(result: *const advanceai_get_result) -> bool {
    get_flag(result, |r| r.outcome.passed)
}

/// `signatureId`, or NULL when absent. Owned by the result.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_get_result_signature_id(
    result: *const advanceai_get_result,
) -> *const c_char {
    get_str(result, |r| opt_ptr(&r.outcome.signature_id))
}

/// `overallResult` (or `idvResult` when only that was sent), or NULL. Owned by the result.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_get_result_overall_result(
    result: *const advanceai_get_result,
) -> *const c_char {
    get_str(result, |r| opt_ptr(&r.outcome.overall_result))
}

/// `errorCode`, normalized (a pass is `"SUCCESS"`), or NULL while pending. Owned by the
/// result.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_get_result_error_code(
    result: *const advanceai_get_result,
) -> *const c_char {
    get_str(result, |r| opt_ptr(&r.outcome.error_code))
}

/// What to do about the outcome (`"passed"`, `"user_can_retry"`, `"needs_review"`,
/// `"retry_later"`), or NULL while pending. Owned by the result.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_get_result_category(
    result: *const advanceai_get_result,
) -> *const c_char {
    get_str(result, |r| opt_ptr(&r.outcome.category))
}

/// `faceDetail.faceResult`, or NULL. Owned by the result.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_get_result_face_result(
    result: *const advanceai_get_result,
) -> *const c_char {
    get_str(result, |r| opt_ptr(&r.face_result))
}

/// `faceDetail.faceLivenessScore`: returns whether it is present, and then writes it to
/// `out` (when not NULL).
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_get_result_face_liveness_score(
    result: *const advanceai_get_result,
    out: *mut f64,
) -> bool {
    get_number(result, out, |r| r.liveness)
}

/// `faceDetail.faceSimilarityScore`: returns whether it is present, and then writes it to
/// `out` (when not NULL).
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_get_result_face_similarity_score(
    result: *const advanceai_get_result,
    out: *mut f64,
) -> bool {
    get_number(result, out, |r| r.similarity)
}

/// A person field (an `advanceai_person_field` value) as the server sent it (masked), or
/// NULL. Owned by the result. Person data: do not log it.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_get_result_person_field(
    result: *const advanceai_get_result,
    field: u32,
) -> *const c_char {
    get_str(result, |r| r.outcome.person_field(field))
}

/// The full normalized JSON of the result's `data`. Owned by the result.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_get_result_to_json(
    result: *const advanceai_get_result,
) -> *const c_char {
    get_str(result, |r| r.outcome.json.as_ptr())
}

// ---------------------------------------------------------------------------------------
// H5 Generate URL

/// A Generate URL answer. Strings are owned by it and valid until
/// `advanceai_url_result_free`.
pub struct advanceai_url_result {
    signature_id: Option<CString>,
    url: Option<CString>,
    expired_time_ms: Option<u64>,
    json: CString,
}

impl From<GenerateUrlData> for advanceai_url_result {
    fn from(data: GenerateUrlData) -> Self {
        Self {
            signature_id: opt_c(data.signature_id.as_deref()),
            url: opt_c(data.url.as_deref()),
            expired_time_ms: data.expired_time.map(|t| t.0),
            json: to_json(&data),
        }
    }
}

/// Frees a Generate URL answer; NULL is a no-op.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_url_result_free(result: *mut advanceai_url_result) {
    ffi_guard!((); { free_box(result) })
}

/// `signatureId` (keep it for Get Result), or NULL. Owned by the result.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_url_result_signature_id(
    result: *const advanceai_url_result,
) -> *const c_char {
    get_str(result, |r| opt_ptr(&r.signature_id))
}

/// The page to send the user to, or NULL. Owned by the result.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_url_result_url(result: *const advanceai_url_result) -> *const c_char {
    get_str(result, |r| opt_ptr(&r.url))
}

/// `expiredTime`: when the URL stops working, in milliseconds since the Unix epoch.
/// Returns whether it is present, and then writes it to `out` (when not NULL).
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_url_result_expired_time_ms(
    result: *const advanceai_url_result,
    out: *mut u64,
) -> bool {
    get_number(result, out, |r| r.expired_time_ms)
}

/// The full normalized JSON of the answer's `data`. Owned by the result.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_url_result_to_json(
    result: *const advanceai_url_result,
) -> *const c_char {
    get_str(result, |r| r.json.as_ptr())
}
