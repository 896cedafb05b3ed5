//! What the H5 page asks the user for, and what the user typed there.
//!
//! The vendor's regions page says of each person field: "Optional means that when you omit
//! the field, the user types it on the H5 page". So the page asks for every field that the
//! market's row of core's table uses ([`Market::number_value`], [`Market::full_name`],
//! [`Market::gender`]: anything but [`Requirement::NotApplicable`]) and that Generate URL
//! left out. A field Generate URL must carry (NIK's `fullName`, SAID's `numberValue`) is
//! never missing, so never asked; DNI's `gender` is asked exactly when its number is.
//!
//! What the user typed is checked by the rule Generate URL is checked by: the request, with
//! the typed values in place of the missing ones, goes through core's
//! [`GenerateUrlRequest::validate`] (the number's length by [`Market::accepts_number`], a
//! DNI number's gender). The result then stands in for the request, so Get Result shows the
//! values exactly as if Generate URL had sent them.

use std::collections::HashMap;

use advanceai_core::{GenerateUrlRequest, InvalidRequest, Market, Pii, Requirement};

/// A person field the page may ask for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Field {
    NumberValue,
    FullName,
    Gender,
}

impl Field {
    /// Every field, in the order the page shows them and checks them.
    pub(crate) const ALL: [Self; 3] = [Self::NumberValue, Self::FullName, Self::Gender];

    /// The form's (and `/sandbox/complete`'s) name of the field: Generate URL's.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Self::NumberValue => "numberValue",
            Self::FullName => "fullName",
            Self::Gender => "gender",
        }
    }

    fn requirement(self, market: &Market) -> Requirement {
        match self {
            Self::NumberValue => market.number_value,
            Self::FullName => market.full_name,
            Self::Gender => market.gender,
        }
    }

    /// Whether `request` carries the field (an empty value counts as left out, as core's
    /// validation counts it).
    fn given(self, request: &GenerateUrlRequest) -> bool {
        let value = match self {
            Self::NumberValue => request.number_value.as_ref().map(Pii::expose),
            Self::FullName => request.full_name.as_ref().map(Pii::expose),
            Self::Gender => request.gender.as_deref(),
        };
        value.is_some_and(|value| !value.is_empty())
    }

    fn set(self, request: &mut GenerateUrlRequest, value: Pii) {
        match self {
            Self::NumberValue => request.number_value = Some(value),
            Self::FullName => request.full_name = Some(value),
            Self::Gender => request.gender = Some(value.expose().to_owned()),
        }
    }

    /// Core's refusal of the field left out.
    fn missing(self) -> InvalidRequest {
        match self {
            Self::NumberValue => InvalidRequest::NumberValueMissing,
            Self::FullName => InvalidRequest::FullNameMissing,
            Self::Gender => InvalidRequest::GenderMissing,
        }
    }
}

/// The fields the page asks for: those the request's market uses and the request left out.
pub(crate) fn asked(request: &GenerateUrlRequest) -> Vec<Field> {
    let Some(market) = request.market() else {
        return Vec::new();
    };
    Field::ALL
        .into_iter()
        .filter(|field| {
            field.requirement(market) != Requirement::NotApplicable && !field.given(request)
        })
        .collect()
}

/// What the user typed (the form) or the automation sent (`/sandbox/complete`), trimmed;
/// empty values count as left out. `Debug` shows no value.
#[derive(Clone, Debug, Default)]
pub(crate) struct Entry {
    number_value: Option<Pii>,
    full_name: Option<Pii>,
    gender: Option<Pii>,
}

impl Entry {
    /// The entry of the person fields of a form or a JSON body.
    pub(crate) fn new(
        number_value: Option<&str>,
        full_name: Option<&str>,
        gender: Option<&str>,
    ) -> Self {
        let keep = |value: Option<&str>| {
            value
                .map(str::trim)
                .filter(|value| !value.is_empty())
                .map(Pii::new)
        };
        Self {
            number_value: keep(number_value),
            full_name: keep(full_name),
            gender: keep(gender),
        }
    }

    /// The entry of a submitted form's fields.
    pub(crate) fn from_form(fields: &HashMap<String, String>) -> Self {
        let field = |field: Field| fields.get(field.name()).map(String::as_str);
        Self::new(
            field(Field::NumberValue),
            field(Field::FullName),
            field(Field::Gender),
        )
    }

    /// The value typed for `field`, if any (to fill the form in again).
    pub(crate) fn get(&self, field: Field) -> Option<&str> {
        let value = match field {
            Field::NumberValue => &self.number_value,
            Field::FullName => &self.full_name,
            Field::Gender => &self.gender,
        };
        value.as_ref().map(Pii::expose)
    }

    fn take(&mut self, field: Field) -> Option<Pii> {
        match field {
            Field::NumberValue => self.number_value.take(),
            Field::FullName => self.full_name.take(),
            Field::Gender => self.gender.take(),
        }
    }
}

/// Who completes the transaction, which decides what a missing or extra field means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    /// The page's form: every asked field must be filled in; other fields are not on the
    /// form and are ignored.
    Page,
    /// `/sandbox/complete`: asked fields may be left out (the person then comes from the
    /// signatureId, as before the page asked); a field the page does not ask for is refused.
    Automation,
}

/// Why an entry was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// Core's rule for the field, as Generate URL answers it.
    Invalid(InvalidRequest),
    /// `/sandbox/complete` sent a field the page does not ask for.
    NotAsked(Field),
}

/// The request with `entry`'s values for the fields the page asks for, checked by core's
/// Generate URL rule.
pub(crate) fn apply(
    request: &GenerateUrlRequest,
    mut entry: Entry,
    mode: Mode,
) -> Result<GenerateUrlRequest, Refusal> {
    let asked = asked(request);
    let mut merged = request.clone();
    for field in Field::ALL {
        match (asked.contains(&field), entry.take(field)) {
            (true, Some(value)) => field.set(&mut merged, value),
            (false, Some(_)) if mode == Mode::Automation => return Err(Refusal::NotAsked(field)),
            _ => {}
        }
    }
    // The page's form needs every field it asks for. The number first, so a DNI without
    // one is told about the number, not its gender; the rest after core's checks, in the
    // order core checks them.
    let unfilled =
        |field: Field| mode == Mode::Page && asked.contains(&field) && !field.given(&merged);
    if unfilled(Field::NumberValue) {
        return Err(Refusal::Invalid(Field::NumberValue.missing()));
    }
    merged.validate().map_err(Refusal::Invalid)?;
    if let Some(field) = Field::ALL.into_iter().find(|&field| unfilled(field)) {
        return Err(Refusal::Invalid(field.missing()));
    }
    Ok(merged)
}

/// What the page tells the user about a refused entry, in plain words (core's message is
/// the API's: `Number is invalid format`).
pub(crate) fn page_message(market: Option<&Market>, problem: InvalidRequest) -> String {
    let number_type = market.map_or("ID number", |market| market.number_type);
    match problem {
        InvalidRequest::NumberValueMissing => format!("Please enter your {number_type}."),
        InvalidRequest::NumberValueFormat => match market {
            Some(market) => format!(
                "A {number_type} has {} digits: please check the number.",
                market.describe_lengths()
            ),
            None => "Please check the number.".to_owned(),
        },
        InvalidRequest::FullNameMissing => "Please enter your full name.".to_owned(),
        InvalidRequest::GenderMissing => "Please choose your gender.".to_owned(),
        other => other.message().to_owned(),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn request(region: &str, number_type: &str) -> GenerateUrlRequest {
        GenerateUrlRequest::new(
            "b",
            "u",
            region,
            number_type,
            "https://example.com/ok",
            "https://example.com/fail",
        )
    }

    #[test]
    fn the_page_asks_for_what_the_market_uses_and_the_request_left_out() {
        use Field::*;
        assert_eq!(asked(&request("NGA", "BVN")), [NumberValue, FullName]);
        assert_eq!(asked(&request("BRA", "CPF")), [NumberValue, FullName]);
        assert_eq!(asked(&request("ARG", "DNI")), [NumberValue, Gender]);
        let mut nik = request("IDN", "NIK");
        nik.full_name = Some("Rina Wijaya".into());
        assert_eq!(asked(&nik), [NumberValue]);
        let mut said = request("ZAF", "SAID");
        said.number_value = Some("2222222222222".into());
        assert_eq!(asked(&said), []);
        let mut dni = request("ARG", "DNI");
        dni.number_value = Some("12345678".into());
        dni.gender = Some("MALE".into());
        assert_eq!(asked(&dni), []);
        // An empty value is left out.
        let mut bvn = request("NGA", "BVN");
        bvn.full_name = Some("".into());
        assert_eq!(asked(&bvn), [NumberValue, FullName]);
        assert_eq!(asked(&request("GHA", "GHANACARD")), []);
    }

    #[test]
    fn typed_values_are_checked_by_core_and_stand_in_for_the_request() {
        let dni = request("ARG", "DNI");
        let refused = |entry: Entry, mode: Mode| apply(&dni, entry, mode).unwrap_err();
        let invalid = |problem| Refusal::Invalid(problem);
        assert_eq!(
            refused(Entry::default(), Mode::Page),
            invalid(InvalidRequest::NumberValueMissing)
        );
        assert_eq!(
            refused(Entry::new(Some("123"), None, None), Mode::Page),
            invalid(InvalidRequest::NumberValueFormat)
        );
        assert_eq!(
            refused(Entry::new(Some("1234567"), None, Some("  ")), Mode::Page),
            invalid(InvalidRequest::GenderMissing)
        );
        // The same rule for the automation, where left out is allowed.
        assert_eq!(
            refused(Entry::new(Some("1234567"), None, None), Mode::Automation),
            invalid(InvalidRequest::GenderMissing)
        );
        assert_eq!(
            refused(Entry::new(None, Some("Ana"), None), Mode::Automation),
            Refusal::NotAsked(Field::FullName)
        );
        assert!(apply(&dni, Entry::default(), Mode::Automation).is_ok());
        let merged = apply(
            &dni,
            Entry::new(Some(" 1234567 "), None, Some("FEMALE")),
            Mode::Page,
        )
        .unwrap();
        assert_eq!(merged.number_value.unwrap().expose(), "1234567");
        assert_eq!(merged.gender.as_deref(), Some("FEMALE"));
        // The page ignores what it did not ask for; the name is asked in NGA.
        let bvn = request("NGA", "BVN");
        assert_eq!(
            apply(
                &bvn,
                Entry::new(Some("22222222222"), None, None),
                Mode::Page
            )
            .unwrap_err(),
            invalid(InvalidRequest::FullNameMissing)
        );
        let merged = apply(
            &bvn,
            Entry::new(Some("22222222222"), Some("Ada Obi"), Some("MALE")),
            Mode::Page,
        )
        .unwrap();
        assert_eq!(merged.gender, None);
        assert_eq!(merged.full_name.unwrap().expose(), "Ada Obi");
    }

    #[test]
    fn messages_name_the_rule_of_the_market() {
        let dni = Market::find("ARG", "DNI");
        assert_eq!(
            page_message(dni, InvalidRequest::NumberValueFormat),
            "A DNI has 7 or 8 digits: please check the number."
        );
        assert_eq!(
            page_message(dni, InvalidRequest::NumberValueMissing),
            "Please enter your DNI."
        );
        assert_eq!(
            page_message(None, InvalidRequest::GenderMissing),
            "Please choose your gender."
        );
        let entry = Entry::new(Some("22222222222"), Some("Ada"), None);
        assert!(!format!("{entry:?}").contains("222") && !format!("{entry:?}").contains("Ada"));
    }
}
