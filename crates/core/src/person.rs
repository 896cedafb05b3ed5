//! The person record (`docDatabaseDetail`) returned by the authoritative database.

use std::fmt;

use serde::{Deserialize, Serialize};
use time::Date;
use time::macros::format_description;

use crate::pii::debug_present_fields;
use crate::{Address, Endpoint, PersonVerification, Pii};

wire_record! {
    /// `docDatabaseDetail`: the person as the authoritative database knows them.
    ///
    /// One lenient record for every market rather than one type per market: the markets'
    /// shapes (non-doc-flow.md §4.2) overlap heavily, the vendor's presence table
    /// contradicts its own examples (IDN sends `phoneNumber` and `email` marked "Not
    /// returned"), and a field the page does not mention for a market is to be handled as
    /// absent, not rejected. So every documented field of every market is here, all
    /// optional, and which ones a market fills is data ([`crate::Market`]), not a type:
    ///
    /// * Nigeria (`NG_BVN`, `NG_NIN`): `bvn` or `nin`, names, `gender`, `birthday`,
    ///   `phoneNumber`, `phoneNumber2`, a `verification` usually all `null`;
    /// * Indonesia (`ID_NIK`): `fullName`, `gender`, `birthday` (masked: `1976/**/**`),
    ///   `phoneNumber`, `email`, a per-field `verification`;
    /// * Brazil (`BR_CPF`): `fullName`, `gender`, `birthday`, `cpfStatus`, `motherName`,
    ///   `address`, `verification.face`; `numberValue` unmasked and punctuated;
    /// * Argentina (`AR_DNI`): `firstName`, `lastName`, `fullName`, `gender`, `birthday`,
    ///   `taxId`, `taxIdType`, `verification.face` (from the presence table; the vendor's
    ///   example is not readable);
    /// * South Africa (`ZA_SAID`): not documented beyond the common fields.
    ///
    /// Database verification (its own page) sends `phoneNumber1`, `phoneNumber2`, gender
    /// `Male` and birthday `yyyy-MM-dd`. Every other field (India's `aadhaarDetail`, a field
    /// added tomorrow) is kept in `unknown_fields`.
    ///
    /// Values arrive masked by the vendor in no documented pattern (`22********4`,
    /// `+62*******4455`, or unmasked as `078.734.383-84`): they are opaque text, never
    /// checked for length or digits (§9.4). `Debug` redacts every value, nested records and
    /// unknown fields included, and shows only which fields are present.
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
        /// The NIN (Nigeria).
        "nin" => pub nin: Pii,
        /// Full name (Indonesia: as given to Generate URL; Brazil, Argentina: the
        /// database's).
        "fullName" => pub full_name: Pii,
        /// E-mail address.
        "email" => pub email: Pii,
        /// The per-field check results.
        "verification" => pub verification: PersonVerification,
        /// The CPF's status at the Receita Federal (Brazil).
        "cpfStatus" => pub cpf_status: CpfStatus,
        /// The mother's name (Brazil).
        "motherName" => pub mother_name: Pii,
        /// The address (Brazil).
        "address" => pub address: Address,
        /// The tax / labour ID (Argentina). Its format is not documented; kept as sent.
        "taxId" => pub tax_id: Pii,
        /// Which kind of ID `taxId` is (Argentina). Its values are not documented; kept as
        /// sent.
        "taxIdType" => pub tax_id_type: String,
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
            ("nin", self.nin.is_some()),
            ("full_name", self.full_name.is_some()),
            ("email", self.email.is_some()),
            ("verification", self.verification.is_some()),
            ("cpf_status", self.cpf_status.is_some()),
            ("mother_name", self.mother_name.is_some()),
            ("address", self.address.is_some()),
            ("tax_id", self.tax_id.is_some()),
            ("tax_id_type", self.tax_id_type.is_some()),
        ];
        debug_present_fields(f, "PersonRecord", &present, &self.unknown_fields)
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
    /// `cpfStatus`: the status of a Brazilian CPF, spelled exactly as the vendor's field
    /// table lists it (non-doc-flow.md §4.3: `Regular/Holder's Death/Suspended/Not exist`).
    /// The page does not say whether case matters, so matching is exact and any other
    /// spelling is kept as `Unknown` with its text.
    pub enum CpfStatus {
        /// `Regular`: the CPF is in good standing.
        Regular = "Regular",
        /// `Holder's Death`: the holder has died.
        HoldersDeath = "Holder's Death",
        /// `Suspended`.
        Suspended = "Suspended",
        /// `Not exist`: no such CPF.
        NotExist = "Not exist",
    }
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
    fn masked_and_partial_values_parse_and_keep_their_text() {
        // The IDN and BRA examples' values (non-doc-flow.md §4.7, §9.4).
        let record: PersonRecord = serde_json::from_str(
            r#"{"birthday":"1976/**/**","phoneNumber":"+62*******4455",
                "numberValue":"078.734.383-84","email":"w*****c@***.com"}"#,
        )
        .unwrap();
        let birthday = record.birthday.as_ref().unwrap();
        assert_eq!(birthday.expose(), "1976/**/**");
        assert_eq!(birthday.date(), None, "a masked birthday is no date");
        let expose = |v: &Option<Pii>| v.as_ref().map(|v| v.expose().to_owned());
        assert_eq!(
            expose(&record.phone_number).as_deref(),
            Some("+62*******4455")
        );
        assert_eq!(
            expose(&record.number_value).as_deref(),
            Some("078.734.383-84")
        );
        assert_eq!(expose(&record.email).as_deref(), Some("w*****c@***.com"));
        for partial in [
            "1976/**/**",
            "1976",
            "1976/07",
            "1976/07/**",
            "****/07/13",
            "**",
        ] {
            assert_eq!(Birthday::new(partial).date(), None, "{partial}");
        }
        assert_eq!(
            Birthday::new("1999/12/26").date(),
            Date::from_calendar_date(1999, time::Month::December, 26).ok()
        );
    }

    #[test]
    fn cpf_status_spellings_are_exact() {
        let spelled: Vec<&str> = CpfStatus::KNOWN.iter().map(CpfStatus::as_str).collect();
        assert_eq!(
            spelled,
            ["Regular", "Holder's Death", "Suspended", "Not exist"]
        );
        assert_eq!(
            CpfStatus::from_wire("Holder's Death"),
            CpfStatus::HoldersDeath
        );
        assert_eq!(CpfStatus::from_wire("Not exist"), CpfStatus::NotExist);
        for other in ["REGULAR", "Holders Death", "Not Exist", ""] {
            assert_eq!(
                CpfStatus::from_wire(other),
                CpfStatus::Unknown(other.into())
            );
        }
    }

    #[test]
    fn nested_records_parse_typed_and_keep_unknown_keys() {
        let record: PersonRecord = serde_json::from_str(
            r#"{"cpfStatus":"Suspended","address":{"state":"CE","type":"residential","floor":"2"},
                "verification":{"face":"pass","extra":true},"taxId":"20-1","taxIdType":"CUIL"}"#,
        )
        .unwrap();
        assert_eq!(record.cpf_status, Some(CpfStatus::Suspended));
        let address = record.address.as_ref().unwrap();
        assert_eq!(address.state.as_ref().map(Pii::expose), Some("CE"));
        assert_eq!(
            address.address_type.as_ref().map(Pii::expose),
            Some("residential")
        );
        assert_eq!(
            address.unknown_fields.get("floor"),
            Some(&serde_json::json!("2"))
        );
        let verification = record.verification.as_ref().unwrap();
        assert_eq!(verification.face, Some(crate::CheckResult::Pass));
        assert_eq!(verification.unknown_fields.len(), 1);
        assert_eq!(record.tax_id.as_ref().map(Pii::expose), Some("20-1"));
        assert_eq!(record.tax_id_type.as_deref(), Some("CUIL"));
        assert!(record.unknown_fields.is_empty());
        let back: PersonRecord =
            serde_json::from_value(serde_json::to_value(&record).unwrap()).unwrap();
        assert!(back == record);
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
