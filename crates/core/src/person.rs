//! The person record (`docDatabaseDetail`) returned by the authoritative database.

use std::fmt;

use serde::{Deserialize, Serialize};
use time::Date;
use time::macros::format_description;

use crate::pii::Redacted;
use crate::{Endpoint, Pii};

wire_record! {
    /// `docDatabaseDetail`: the person as the authoritative database knows them.
    ///
    /// The two vendor pages show two shapes of this record. Get Result (Nigeria BVN) sends
    /// `bvn`, `numberValue`, `numberTypeInfo`, `phoneNumber`, `phoneNumber2`, gender
    /// `FEMALE` and birthday `1994/07/13`; database verification sends `phoneNumber1`,
    /// `phoneNumber2`, gender `Male` and birthday `yyyy-MM-dd`. This type has a field for
    /// everything either shape shows and keeps every other field (other markets send
    /// `ID_NIK`, per-field `verification` objects, ...) in `unknown_fields`.
    ///
    /// Values arrive already masked by the vendor (`22********4`). `Debug` redacts every
    /// value anyway, unknown fields included, and shows only which fields are present.
    pub struct PersonRecord {
        /// Given name.
        "firstName" => pub first_name: Pii,
        /// Middle name; may be empty.
        "middleName" => pub middle_name: Pii,
        /// Family name.
        "lastName" => pub last_name: Pii,
        /// Gender, in whatever case the database sent it.
        "gender" => pub gender: Gender,
        /// Date of birth as sent; see [`Birthday::date`].
        "birthday" => pub birthday: Birthday,
        /// Phone number (Get Result's shape).
        "phoneNumber" => pub phone_number: Pii,
        /// Primary phone number (database verification's shape).
        "phoneNumber1" => pub phone_number1: Pii,
        /// Secondary phone number; may be empty.
        "phoneNumber2" => pub phone_number2: Pii,
        /// The BVN (Nigeria).
        "bvn" => pub bvn: Pii,
        /// The ID number the record was found by.
        "numberValue" => pub number_value: Pii,
        /// Which kind of number `numberValue` is.
        "numberTypeInfo" => pub number_type_info: NumberTypeInfo,
    }
    absent = skip
}

impl fmt::Debug for PersonRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let present = [
            ("first_name", self.first_name.is_some()),
            ("middle_name", self.middle_name.is_some()),
            ("last_name", self.last_name.is_some()),
            ("gender", self.gender.is_some()),
            ("birthday", self.birthday.is_some()),
            ("phone_number", self.phone_number.is_some()),
            ("phone_number1", self.phone_number1.is_some()),
            ("phone_number2", self.phone_number2.is_some()),
            ("bvn", self.bvn.is_some()),
            ("number_value", self.number_value.is_some()),
            ("number_type_info", self.number_type_info.is_some()),
        ];
        let mut out = f.debug_struct("PersonRecord");
        for (name, _) in present.iter().filter(|(_, is_present)| *is_present) {
            out.field(name, &Redacted);
        }
        out.field("unknown_fields", &self.unknown_fields).finish()
    }
}

impl PersonRecord {
    /// The record as `endpoint` writes it: the normalized JSON of `Serialize` with `gender`
    /// in that endpoint's spelling ([`Gender::spelled_for`]). It parses back to the same
    /// record.
    pub fn to_wire_value(&self, endpoint: Endpoint) -> serde_json::Value {
        // A record of strings and JSON values always serializes.
        let mut value = serde_json::to_value(self).unwrap_or_default();
        if let (Some(gender), Some(object)) = (&self.gender, value.as_object_mut()) {
            object.insert("gender".to_owned(), gender.spelled_for(endpoint).into());
        }
        value
    }
}

wire_record! {
    /// `numberTypeInfo`: the kind of ID number a record was found by.
    #[derive(Debug)]
    pub struct NumberTypeInfo {
        /// The vendor's internal type name (`NG_BVN`), not the request's `numberType`.
        "numberType" => pub number_type: String,
        /// ISO 3166-1 alpha-3 region.
        "region" => pub region: String,
    }
    absent = skip
}

wire_enum! {
    /// A person's gender as the database records it. Parsed in any case (`Male`, `FEMALE`,
    /// `male`); serialized in uppercase.
    pub enum Gender {
        /// Male.
        Male = "MALE",
        /// Female.
        Female = "FEMALE",
    }
    custom_from_wire
}

impl Gender {
    /// Parses a gender in any ASCII case; anything else is kept as `Unknown`.
    pub fn from_wire(value: &str) -> Self {
        Self::KNOWN
            .iter()
            .find(|known| known.as_str().eq_ignore_ascii_case(value))
            .cloned()
            .unwrap_or_else(|| Self::Unknown(value.to_owned()))
    }

    /// This gender as `endpoint` writes it: database verification `Male` / `Female` (its
    /// page), Get Result `MALE` / `FEMALE` (as [`Gender::as_str`] and the normalized JSON).
    /// A value this library does not know is written as it came.
    pub fn spelled_for(&self, endpoint: Endpoint) -> &str {
        match (self, endpoint) {
            (Self::Male, Endpoint::IdNumberVerification) => "Male",
            (Self::Female, Endpoint::IdNumberVerification) => "Female",
            _ => self.as_str(),
        }
    }
}

/// A date of birth as the database sent it.
///
/// Kept as the original text (it may be masked, or in a format not seen yet); [`date`]
/// parses the two formats the vendor pages show, `yyyy/MM/dd` and `yyyy-MM-dd`.
///
/// [`date`]: Birthday::date
///
/// ```
/// use advanceai_core::Birthday;
///
/// let slashes = Birthday::new("1994/07/13");
/// let dashes = Birthday::new("1994-07-13");
/// assert_eq!(slashes.date(), dashes.date());
/// assert!(Birthday::new("1994/02/30").date().is_none());
/// ```
#[derive(Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Birthday(Pii);

impl Birthday {
    /// Wraps a date of birth as sent.
    pub fn new(value: impl Into<String>) -> Self {
        Self(Pii::new(value))
    }

    /// The text as sent.
    pub fn expose(&self) -> &str {
        self.0.expose()
    }

    /// The calendar date, if the text is a valid `yyyy/MM/dd` or `yyyy-MM-dd` date.
    pub fn date(&self) -> Option<Date> {
        let text = self.0.expose();
        let format = match text.as_bytes().get(4) {
            Some(b'/') => format_description!("[year]/[month]/[day]"),
            Some(b'-') => format_description!("[year]-[month]-[day]"),
            _ => return None,
        };
        Date::parse(text, format).ok()
    }
}

impl fmt::Debug for Birthday {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn birthday_accepts_both_documented_formats() {
        let expected = Date::from_calendar_date(1994, time::Month::July, 13).unwrap();
        assert_eq!(Birthday::new("1994/07/13").date(), Some(expected));
        assert_eq!(Birthday::new("1994-07-13").date(), Some(expected));
        for bad in [
            "",
            "1994",
            "13/07/1994",
            "1994.07.13",
            "19**/07/13",
            "1994/7/13",
            "1994-02-30",
            "1994/07-13",
        ] {
            assert_eq!(Birthday::new(bad).date(), None, "{bad}");
        }
        assert_eq!(
            Birthday::new("2000-02-29").date().map(|d| d.day()),
            Some(29)
        );
    }

    #[test]
    fn gender_in_any_case() {
        for male in ["Male", "MALE", "male", "mAlE"] {
            assert_eq!(Gender::from_wire(male), Gender::Male);
        }
        assert_eq!(Gender::from_wire("FEMALE"), Gender::Female);
        assert_eq!(Gender::from_wire("X"), Gender::Unknown("X".into()));
        assert_eq!(
            serde_json::to_string(&Gender::from_wire("Female")).unwrap(),
            "\"FEMALE\""
        );
    }

    #[test]
    fn gender_as_each_endpoint_writes_it() {
        let spell = |gender: &Gender| {
            (
                gender
                    .spelled_for(Endpoint::IdNumberVerification)
                    .to_owned(),
                gender.spelled_for(Endpoint::GetResult).to_owned(),
            )
        };
        assert_eq!(spell(&Gender::Male), ("Male".into(), "MALE".into()));
        assert_eq!(spell(&Gender::Female), ("Female".into(), "FEMALE".into()));
        assert_eq!(spell(&Gender::from_wire("X")), ("X".into(), "X".into()));
        for gender in Gender::KNOWN {
            let (verification, get_result) = spell(gender);
            assert_eq!(&Gender::from_wire(&verification), gender);
            assert_eq!(&Gender::from_wire(&get_result), gender);
        }
    }

    #[test]
    fn a_record_as_each_endpoint_writes_it() {
        let mut record = PersonRecord {
            first_name: Some(Pii::new("T****E")),
            gender: Some(Gender::Female),
            ..PersonRecord::default()
        };
        record
            .unknown_fields
            .insert("ID_NIK".into(), serde_json::json!("3*******1"));
        let verification = record.to_wire_value(Endpoint::IdNumberVerification);
        assert_eq!(
            verification,
            serde_json::json!({"firstName": "T****E", "gender": "Female", "ID_NIK": "3*******1"})
        );
        // Get Result's spelling is the normalized one.
        assert_eq!(
            record.to_wire_value(Endpoint::GetResult),
            serde_json::to_value(&record).unwrap()
        );
        assert_eq!(serde_json::to_value(&record).unwrap()["gender"], "FEMALE");
        let back: PersonRecord = serde_json::from_value(verification).unwrap();
        assert!(back == record);
        // No gender: nothing is added.
        record.gender = None;
        assert!(
            record
                .to_wire_value(Endpoint::IdNumberVerification)
                .get("gender")
                .is_none()
        );
    }
}
