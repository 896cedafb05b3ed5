//! The C ABI's parse functions, called through the `advanceai` rlib as C calls them: with
//! valid output and error slots, every getter of the result or error read, then freed with
//! the matching `_free` function.
//!
//! Each answer is compared with `advanceai-core`'s parse of the same bytes: the C result
//! exists exactly when core's parse gives data, and holds the same data.

use std::ffi::{CStr, c_char};
use std::ptr;

use advanceai::{
    advanceai_callback, advanceai_callback_free, advanceai_callback_signature_id,
    advanceai_callback_type, advanceai_error, advanceai_error_code,
    advanceai_error_faults_the_request, advanceai_error_free, advanceai_error_http_status,
    advanceai_error_kind, advanceai_error_may_have_been_processed, advanceai_error_message,
    advanceai_error_refuses_account, advanceai_error_retryable, advanceai_error_safe_to_resend,
    advanceai_error_transaction_id, advanceai_get_result, advanceai_get_result_category,
    advanceai_get_result_country_code_iso3, advanceai_get_result_error_code,
    advanceai_get_result_face_liveness_score, advanceai_get_result_face_result,
    advanceai_get_result_face_similarity_score, advanceai_get_result_free,
    advanceai_get_result_input_number_type, advanceai_get_result_input_region,
    advanceai_get_result_is_final, advanceai_get_result_overall_result,
    advanceai_get_result_passed, advanceai_get_result_person_field,
    advanceai_get_result_signature_id, advanceai_get_result_submission_completed,
    advanceai_get_result_to_json, advanceai_parse_callback, advanceai_parse_get_result,
    advanceai_parse_verification, advanceai_person_field, advanceai_status,
    advanceai_verification_result, advanceai_verification_result_category,
    advanceai_verification_result_error_code, advanceai_verification_result_free,
    advanceai_verification_result_overall_result, advanceai_verification_result_passed,
    advanceai_verification_result_person_field, advanceai_verification_result_signature_id,
    advanceai_verification_result_to_json,
};
use advanceai_core::{
    CallbackNotification, GetResultData, PersonRecord, Pii, VerificationData, parse_callback,
    parse_get_result_response, parse_verification_response,
};
use serde::de::DeserializeOwned;

/// The shape of the C ABI's parse functions.
type ParseFn<R> =
    extern "C" fn(*const u8, usize, *mut *mut R, *mut *mut advanceai_error) -> advanceai_status;

/// A string the library returned: `None` for NULL, else its text, which must be UTF-8
/// (every string comes from Rust text cut at its first NUL).
fn text<'a>(pointer: *const c_char) -> Option<&'a str> {
    if pointer.is_null() {
        return None;
    }
    // SAFETY: a non-NULL string from the library is NUL-terminated and stays valid until
    // the object that returned it is freed, which happens after the last use here.
    let text = unsafe { CStr::from_ptr(pointer) };
    match text.to_str() {
        Ok(text) => Some(text),
        Err(_) => panic!("the C ABI returned a string that is not UTF-8"),
    }
}

/// What C reads of a text the library was given: cut at its first NUL.
fn as_c_reads(value: &str) -> &str {
    value.split('\0').next().unwrap_or_default()
}

/// A string getter: its text, and the same pointer on a second call (the lifetime rule).
fn getter<'a>(get: impl Fn() -> *const c_char) -> Option<&'a str> {
    let first = get();
    assert_eq!(first, get(), "a getter returned a second string");
    text(first)
}

/// Calls `parse` on `data` and checks its contract: `OK` with a result and no error when
/// core gives data (`expected`), otherwise an error of the status's kind and no result;
/// never a panic. Reads the result with `read`, then frees it with `free`.
fn parse_through_c<R, T>(
    data: &[u8],
    parse: ParseFn<R>,
    expected: Option<T>,
    read: impl FnOnce(*mut R, &T),
    free: extern "C" fn(*mut R),
) {
    let mut out: *mut R = ptr::null_mut();
    let mut err: *mut advanceai_error = ptr::null_mut();
    let status = parse(data.as_ptr(), data.len(), &mut out, &mut err);
    assert_ne!(
        status,
        advanceai_status::ADVANCEAI_STATUS_PANIC,
        "the C ABI panicked"
    );
    match (&expected, status) {
        (Some(value), advanceai_status::ADVANCEAI_STATUS_OK) => {
            assert!(
                !out.is_null() && err.is_null(),
                "OK without a result, or with an error"
            );
            read(out, value);
            free(out);
        }
        (None, status) if status != advanceai_status::ADVANCEAI_STATUS_OK => {
            assert!(
                out.is_null() && !err.is_null(),
                "an error without an error object"
            );
            read_error(err, status);
            advanceai_error_free(err);
        }
        (_, status) => panic!(
            "the C ABI says {status:?} where core's parse {}",
            if expected.is_some() {
                "succeeds"
            } else {
                "fails"
            }
        ),
    }
}

/// Reads every getter of an error object.
fn read_error(err: *mut advanceai_error, status: advanceai_status) {
    assert_eq!(
        advanceai_error_kind(err),
        status,
        "the error's kind is not the status"
    );
    for get in [
        advanceai_error_code,
        advanceai_error_message,
        advanceai_error_transaction_id,
    ] {
        getter(|| get(err));
    }
    advanceai_error_http_status(err);
    advanceai_error_retryable(err);
    advanceai_error_may_have_been_processed(err);
    advanceai_error_safe_to_resend(err);
    advanceai_error_refuses_account(err);
    advanceai_error_faults_the_request(err);
}

/// The normalized JSON a result's `_to_json` returns reads back as core's data.
fn check_json<T: DeserializeOwned + PartialEq>(json: Option<&str>, expected: &T) {
    let back: T = match serde_json::from_str(json.unwrap_or_default()) {
        Ok(back) => back,
        Err(error) => panic!("a result's JSON does not read back: {error}"),
    };
    assert!(
        back == *expected,
        "a result's JSON reads back as other data"
    );
}

/// Every person field (and one past the last, which is NULL); the first name and the ID
/// number are what core parsed, as C reads them.
fn check_person(field: impl Fn(u32) -> *const c_char, person: Option<&PersonRecord>) {
    let mut past_last = 0;
    for id in 0u32.. {
        if advanceai_person_field::try_from(id).is_err() {
            past_last = id;
            break;
        }
        getter(|| field(id));
    }
    assert!(
        field(past_last).is_null(),
        "an unknown person field is not NULL"
    );
    let core = |value: Option<&Option<Pii>>| {
        value
            .and_then(Option::as_ref)
            .map(|v| as_c_reads(v.expose()).to_owned())
    };
    let first_name = advanceai_person_field::ADVANCEAI_PERSON_FIRST_NAME as u32;
    let number_value = advanceai_person_field::ADVANCEAI_PERSON_NUMBER_VALUE as u32;
    assert_eq!(
        getter(|| field(first_name)).map(str::to_owned),
        core(person.map(|p| &p.first_name)),
        "the C first name is not core's"
    );
    assert_eq!(
        getter(|| field(number_value)).map(str::to_owned),
        core(person.map(|p| &p.number_value)),
        "the C ID number is not core's"
    );
}

/// `advanceai_parse_get_result`, every getter of its result, `advanceai_get_result_free`.
pub fn ffi_parse_get_result(data: &[u8]) {
    let expected = parse_get_result_response(data)
        .ok()
        .and_then(|envelope| envelope.into_data().ok());
    let read = |result: *mut advanceai_get_result, expected: &GetResultData| {
        assert_eq!(advanceai_get_result_is_final(result), expected.is_final());
        assert_eq!(advanceai_get_result_passed(result), expected.passed());
        for get in [
            advanceai_get_result_signature_id,
            advanceai_get_result_overall_result,
            advanceai_get_result_error_code,
            advanceai_get_result_category,
            advanceai_get_result_face_result,
            advanceai_get_result_country_code_iso3,
            advanceai_get_result_input_region,
            advanceai_get_result_input_number_type,
        ] {
            getter(|| get(result));
        }
        let mut score = f64::NAN;
        advanceai_get_result_face_liveness_score(result, &mut score);
        advanceai_get_result_face_similarity_score(result, &mut score);
        let mut completed = false;
        advanceai_get_result_submission_completed(result, &mut completed);
        let field = |id| advanceai_get_result_person_field(result, id);
        check_person(field, expected.doc_database_detail.as_ref());
        check_json(getter(|| advanceai_get_result_to_json(result)), expected);
    };
    parse_through_c(
        data,
        advanceai_parse_get_result,
        expected,
        read,
        advanceai_get_result_free,
    );
}

/// `advanceai_parse_verification`, every getter of its result,
/// `advanceai_verification_result_free`.
pub fn ffi_parse_verification(data: &[u8]) {
    let expected = parse_verification_response(data)
        .ok()
        .and_then(|envelope| envelope.into_data().ok());
    let read = |result: *mut advanceai_verification_result, expected: &VerificationData| {
        assert_eq!(
            advanceai_verification_result_passed(result),
            expected.passed()
        );
        for get in [
            advanceai_verification_result_signature_id,
            advanceai_verification_result_overall_result,
            advanceai_verification_result_error_code,
            advanceai_verification_result_category,
        ] {
            getter(|| get(result));
        }
        let field = |id| advanceai_verification_result_person_field(result, id);
        check_person(field, expected.doc_database_detail.as_ref());
        check_json(
            getter(|| advanceai_verification_result_to_json(result)),
            expected,
        );
    };
    let free = advanceai_verification_result_free;
    parse_through_c(data, advanceai_parse_verification, expected, read, free);
}

/// `advanceai_parse_callback`, both getters, `advanceai_callback_free`.
pub fn ffi_parse_callback(data: &[u8]) {
    let expected = parse_callback(data).ok();
    let read = |callback: *mut advanceai_callback, expected: &CallbackNotification| {
        let signature_id = getter(|| advanceai_callback_signature_id(callback));
        let core = expected.signature_id.as_deref().map(as_c_reads);
        assert_eq!(signature_id, core, "the C signatureId is not core's");
        let kind = getter(|| advanceai_callback_type(callback));
        let core = expected.kind.as_ref().map(|k| as_c_reads(k.as_str()));
        assert_eq!(kind, core, "the C type is not core's");
    };
    parse_through_c(
        data,
        advanceai_parse_callback,
        expected,
        read,
        advanceai_callback_free,
    );
}
