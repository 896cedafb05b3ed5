//! The person record (`docDatabaseDetail`) of a result, one field at a time.

use std::ffi::c_char;

use advanceai_core::{Address, CheckResult, PersonRecord, Pii};

use crate::cstr::{CText, LazyCStr, WireName, owned};

u32_enum_builder! {
    /// Which person field to read with `advanceai_verification_result_person_field` or
    /// `advanceai_get_result_person_field`. Values are stable; new fields get new values.
    /// Database verification sends `phoneNumber1`/`phoneNumber2`, Get Result (Nigeria)
    /// `phoneNumber`, `bvn`, `numberValue` and `numberTypeInfo`; each market sends its own
    /// subset of the rest. A nested field (`verification.face`, `address.city`) is its own
    /// value, read like any other.
    pub enum advanceai_person_field {
        /// `firstName`.
        ADVANCEAI_PERSON_FIRST_NAME = 0 => c"firstName",
        /// `middleName`.
        ADVANCEAI_PERSON_MIDDLE_NAME = 1 => c"middleName",
        /// `lastName`.
        ADVANCEAI_PERSON_LAST_NAME = 2 => c"lastName",
        /// `gender`, in capitals (`MALE`, `FEMALE`) whatever case the database used.
        ADVANCEAI_PERSON_GENDER = 3 => c"gender",
        /// `birthday`, as sent (`yyyy-MM-dd` or `yyyy/MM/dd`).
        ADVANCEAI_PERSON_BIRTHDAY = 4 => c"birthday",
        /// `phoneNumber` (Get Result's shape).
        ADVANCEAI_PERSON_PHONE_NUMBER = 5 => c"phoneNumber",
        /// `bvn`.
        ADVANCEAI_PERSON_BVN = 6 => c"bvn",
        /// `numberValue`.
        ADVANCEAI_PERSON_NUMBER_VALUE = 7 => c"numberValue",
        /// `phoneNumber1`: the primary phone number (database verification's shape).
        ADVANCEAI_PERSON_PHONE_NUMBER1 = 8 => c"phoneNumber1",
        /// `phoneNumber2`: the secondary phone number; may be empty.
        ADVANCEAI_PERSON_PHONE_NUMBER2 = 9 => c"phoneNumber2",
        /// `numberTypeInfo.numberType`: the vendor's name of the kind of number the record
        /// was found by (`NG_BVN`), not the request's `numberType`.
        ADVANCEAI_PERSON_NUMBER_TYPE_INFO_NUMBER_TYPE = 10 => c"numberTypeInfo.numberType",
        /// `numberTypeInfo.region`: ISO 3166-1 alpha-3.
        ADVANCEAI_PERSON_NUMBER_TYPE_INFO_REGION = 11 => c"numberTypeInfo.region",
        /// `nin` (Nigeria NIN).
        ADVANCEAI_PERSON_NIN = 12 => c"nin",
        /// `fullName` (Indonesia, Brazil, Argentina).
        ADVANCEAI_PERSON_FULL_NAME = 13 => c"fullName",
        /// `email`.
        ADVANCEAI_PERSON_EMAIL = 14 => c"email",
        /// `cpfStatus` (Brazil): `Regular`, `Holder's Death`, `Suspended`, `Not exist`, or
        /// another value as sent.
        ADVANCEAI_PERSON_CPF_STATUS = 15 => c"cpfStatus",
        /// `motherName` (Brazil).
        ADVANCEAI_PERSON_MOTHER_NAME = 16 => c"motherName",
        /// `taxId` (Argentina), as sent.
        ADVANCEAI_PERSON_TAX_ID = 17 => c"taxId",
        /// `taxIdType` (Argentina), as sent.
        ADVANCEAI_PERSON_TAX_ID_TYPE = 18 => c"taxIdType",
        /// `verification.numberValue`: `pass`, `fail`, or another value as sent; NULL when
        /// not checked.
        ADVANCEAI_PERSON_VERIFICATION_NUMBER_VALUE = 19 => c"verification.numberValue",
        /// `verification.fullName`: as `verification.numberValue`.
        ADVANCEAI_PERSON_VERIFICATION_FULL_NAME = 20 => c"verification.fullName",
        /// `verification.dob`: as `verification.numberValue`.
        ADVANCEAI_PERSON_VERIFICATION_DOB = 21 => c"verification.dob",
        /// `verification.face`: as `verification.numberValue`.
        ADVANCEAI_PERSON_VERIFICATION_FACE = 22 => c"verification.face",
        /// `address.number` (Brazil), as sent (`SN` when there is none).
        ADVANCEAI_PERSON_ADDRESS_NUMBER = 23 => c"address.number",
        /// `address.city`.
        ADVANCEAI_PERSON_ADDRESS_CITY = 24 => c"address.city",
        /// `address.street`.
        ADVANCEAI_PERSON_ADDRESS_STREET = 25 => c"address.street",
        /// `address.postalCode`.
        ADVANCEAI_PERSON_ADDRESS_POSTAL_CODE = 26 => c"address.postalCode",
        /// `address.neighborhood`.
        ADVANCEAI_PERSON_ADDRESS_NEIGHBORHOOD = 27 => c"address.neighborhood",
        /// `address.state`.
        ADVANCEAI_PERSON_ADDRESS_STATE = 28 => c"address.state",
        /// `address.type` (`residential` in the vendor's example).
        ADVANCEAI_PERSON_ADDRESS_TYPE = 29 => c"address.type",
    }
}

use advanceai_person_field as F;

/// How many person fields there are.
const FIELDS: usize = advanceai_person_field::ALL.len();

/// The value of one field of `record` as a C string, or `None` when absent.
fn value(record: &PersonRecord, field: advanceai_person_field) -> Option<CText> {
    let pii = |value: &Option<Pii>| value.as_ref().map(|v| owned(v.expose()));
    let check = |value: &Option<CheckResult>| value.as_ref().map(WireName::c_name);
    let info = record.number_type_info.as_ref();
    let checks = record.verification.as_ref();
    let address =
        |read: fn(&Address) -> &Option<Pii>| record.address.as_ref().and_then(|a| pii(read(a)));
    match field {
        F::ADVANCEAI_PERSON_FIRST_NAME => pii(&record.first_name),
        F::ADVANCEAI_PERSON_MIDDLE_NAME => pii(&record.middle_name),
        F::ADVANCEAI_PERSON_LAST_NAME => pii(&record.last_name),
        F::ADVANCEAI_PERSON_GENDER => record.gender.as_ref().map(WireName::c_name),
        F::ADVANCEAI_PERSON_BIRTHDAY => record.birthday.as_ref().map(|b| owned(b.expose())),
        F::ADVANCEAI_PERSON_PHONE_NUMBER => pii(&record.phone_number),
        F::ADVANCEAI_PERSON_BVN => pii(&record.bvn),
        F::ADVANCEAI_PERSON_NUMBER_VALUE => pii(&record.number_value),
        F::ADVANCEAI_PERSON_PHONE_NUMBER1 => pii(&record.phone_number1),
        F::ADVANCEAI_PERSON_PHONE_NUMBER2 => pii(&record.phone_number2),
        F::ADVANCEAI_PERSON_NUMBER_TYPE_INFO_NUMBER_TYPE => {
            info.and_then(|i| i.number_type.as_deref()).map(owned)
        }
        F::ADVANCEAI_PERSON_NUMBER_TYPE_INFO_REGION => {
            info.and_then(|i| i.region.as_deref()).map(owned)
        }
        F::ADVANCEAI_PERSON_NIN => pii(&record.nin),
        F::ADVANCEAI_PERSON_FULL_NAME => pii(&record.full_name),
        F::ADVANCEAI_PERSON_EMAIL => pii(&record.email),
        F::ADVANCEAI_PERSON_CPF_STATUS => record.cpf_status.as_ref().map(WireName::c_name),
        F::ADVANCEAI_PERSON_MOTHER_NAME => pii(&record.mother_name),
        F::ADVANCEAI_PERSON_TAX_ID => pii(&record.tax_id),
        F::ADVANCEAI_PERSON_TAX_ID_TYPE => record.tax_id_type.as_deref().map(owned),
        F::ADVANCEAI_PERSON_VERIFICATION_NUMBER_VALUE => {
            checks.and_then(|c| check(&c.number_value))
        }
        F::ADVANCEAI_PERSON_VERIFICATION_FULL_NAME => checks.and_then(|c| check(&c.full_name)),
        F::ADVANCEAI_PERSON_VERIFICATION_DOB => checks.and_then(|c| check(&c.dob)),
        F::ADVANCEAI_PERSON_VERIFICATION_FACE => checks.and_then(|c| check(&c.face)),
        F::ADVANCEAI_PERSON_ADDRESS_NUMBER => address(|a| &a.number),
        F::ADVANCEAI_PERSON_ADDRESS_CITY => address(|a| &a.city),
        F::ADVANCEAI_PERSON_ADDRESS_STREET => address(|a| &a.street),
        F::ADVANCEAI_PERSON_ADDRESS_POSTAL_CODE => address(|a| &a.postal_code),
        F::ADVANCEAI_PERSON_ADDRESS_NEIGHBORHOOD => address(|a| &a.neighborhood),
        F::ADVANCEAI_PERSON_ADDRESS_STATE => address(|a| &a.state),
        F::ADVANCEAI_PERSON_ADDRESS_TYPE => address(|a| &a.address_type),
    }
}

/// The person fields of one result, each made into a C string the first time it is read.
#[derive(Default)]
pub(crate) struct PersonStrings([LazyCStr; FIELDS]);

impl PersonStrings {
    /// Field `field` (an `advanceai_person_field` value) of `record`: NULL when the record or
    /// the field is absent, and for a number that is not a field.
    pub(crate) fn get(&self, record: Option<&PersonRecord>, field: u32) -> *const c_char {
        let Ok(field) = advanceai_person_field::try_from(field) else {
            return std::ptr::null();
        };
        let index = advanceai_person_field::ALL.iter().position(|f| *f == field);
        match index.and_then(|i| self.0.get(i)) {
            Some(cell) => cell.get(|| record.and_then(|r| value(r, field))),
            None => std::ptr::null(),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic)]
    use std::ffi::CStr;

    use advanceai_core::{NumberTypeInfo, PersonVerification};

    use super::*;

    /// Each field reads the record field its wire name says, and the values are stable.
    #[test]
    fn every_field_reads_its_wire_field() {
        for (value, field) in (0u32..).zip(advanceai_person_field::ALL) {
            assert_eq!(*field as u32, value);
            let path = field.text().to_str().unwrap();
            let (record, key) = match path.split_once('.') {
                Some(("numberTypeInfo", key)) => (NumberTypeInfo::FIELDS, key),
                Some(("verification", key)) => (PersonVerification::FIELDS, key),
                Some(("address", key)) => (Address::FIELDS, key),
                Some((parent, _)) => panic!("{parent} is not a nested record"),
                None => (PersonRecord::FIELDS, path),
            };
            assert!(record.contains(&key), "{path}");
            // A record holding only this field answers it, and only it.
            let json = match path.split_once('.') {
                Some((parent, key)) => format!(r#"{{"{parent}":{{"{key}":"v-{value}"}}}}"#),
                None if path == "gender" => r#"{"gender":"female"}"#.to_owned(),
                None => format!(r#"{{"{path}":"v-{value}"}}"#),
            };
            let record: PersonRecord = serde_json::from_str(&json).unwrap();
            let strings = PersonStrings::default();
            for other in advanceai_person_field::ALL {
                let got = strings.get(Some(&record), *other as u32);
                if other == field {
                    // SAFETY: owned by `strings`, alive.
                    let text = unsafe { CStr::from_ptr(got) }.to_str().unwrap();
                    let want = if path == "gender" {
                        "FEMALE".to_owned()
                    } else {
                        format!("v-{value}")
                    };
                    assert_eq!(text, want);
                } else {
                    assert!(got.is_null(), "{other:?} answered for {path}");
                }
            }
        }
        let strings = PersonStrings::default();
        assert!(strings.get(None, 0).is_null());
        // The first value past the last field (12 before the per-market fields came).
        let past = u32::try_from(FIELDS).unwrap();
        assert_eq!(past, 30);
        assert!(strings.get(Some(&PersonRecord::default()), past).is_null());
        assert!(
            strings
                .get(Some(&PersonRecord::default()), u32::MAX)
                .is_null()
        );
    }
}
