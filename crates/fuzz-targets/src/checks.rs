//! The invariants the targets assert, written once: what a parse error may show, that a
//! parsed value survives its own normal form, and that `Debug` output does not depend on
//! personal data or secrets.

use std::fmt::Debug;

use advanceai_core::{
    Address, Birthday, CpfStatus, Gender, NumberTypeInfo, ParseError, PersonRecord,
    PersonVerification, Pii, UnknownFields,
};
use serde_json::Value;

/// What a scrubbed value is replaced with: any text would do, as long as it differs from
/// what the fuzzer may send (and if it does not, the check still holds).
pub(crate) const SCRUBBED: &str = "scrubbed";

/// Every documented wire name of every response record: the only words a parse error's
/// path may hold. Also the fuzzing dictionary's keys. Core's list
/// ([`advanceai_core::documented_field_names`]).
pub fn documented_names() -> Vec<&'static str> {
    advanceai_core::documented_field_names()
}

/// A parse error shows its kind, position and a path of documented names, nothing else:
/// no text of the body (which may hold personal data) ever reaches it.
pub(crate) fn check_parse_error(error: &ParseError) {
    let suffix = error
        .path()
        .map(|path| format!(", at `{path}`"))
        .unwrap_or_default();
    let structural = format!(
        "{} (line {}, column {}{suffix})",
        error.kind(),
        error.line(),
        error.column()
    );
    assert_eq!(error.to_string(), structural, "a parse error shows more");
    if let Some(path) = error.path() {
        let names = documented_names();
        for segment in path.split('.') {
            // serde_path_to_error writes a sequence index as `[n]` after its field, and an
            // unknown segment as `?`.
            let name = segment.split('[').next().unwrap_or(segment);
            let indices = &segment[name.len()..];
            assert!(
                names.contains(&name) || name == "?",
                "a parse error's path has an undocumented segment ({} bytes)",
                name.len()
            );
            assert!(
                indices
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b == b'[' || b == b']'),
                "a parse error's path has a segment that is not an index"
            );
        }
    }
}

/// The same `Debug` output for `value` and for `scrubbed` (the same value with its
/// personal or secret data replaced): `Debug` cannot show what it does not depend on.
pub(crate) fn assert_same_debug<T: Debug>(value: &T, scrubbed: &T, what: &str) {
    assert!(
        format!("{value:?}") == format!("{scrubbed:?}"),
        "the Debug output of {what} depends on its personal or secret data"
    );
}

/// Unknown fields with their values replaced (keys are shown by `Debug`, values never).
pub(crate) fn scrub_unknown(fields: &mut UnknownFields) {
    *fields = fields
        .iter()
        .map(|(key, _)| (key.clone(), Value::String(SCRUBBED.to_owned())))
        .collect();
}

/// A present personal value replaced.
pub(crate) fn scrub_pii(value: &mut Option<Pii>) {
    if let Some(pii) = value {
        *pii = Pii::new(SCRUBBED);
    }
}

/// Every value of a person record replaced, keeping which fields are present.
pub(crate) fn scrub_person(person: &mut PersonRecord) {
    for pii in [
        &mut person.first_name,
        &mut person.middle_name,
        &mut person.last_name,
        &mut person.phone_number,
        &mut person.phone_number1,
        &mut person.phone_number2,
        &mut person.bvn,
        &mut person.number_value,
        &mut person.nin,
        &mut person.full_name,
        &mut person.email,
        &mut person.mother_name,
        &mut person.tax_id,
    ] {
        scrub_pii(pii);
    }
    if let Some(gender) = &mut person.gender {
        *gender = Gender::from_wire(SCRUBBED);
    }
    if let Some(birthday) = &mut person.birthday {
        *birthday = Birthday::new(SCRUBBED);
    }
    if let Some(status) = &mut person.cpf_status {
        *status = CpfStatus::from_wire(SCRUBBED);
    }
    if let Some(kind) = &mut person.tax_id_type {
        *kind = SCRUBBED.to_owned();
    }
    if let Some(info) = &mut person.number_type_info {
        *info = NumberTypeInfo::default();
    }
    if let Some(verification) = &mut person.verification {
        *verification = PersonVerification::default();
    }
    if let Some(address) = &mut person.address {
        *address = Address::default();
    }
    scrub_unknown(&mut person.unknown_fields);
}
