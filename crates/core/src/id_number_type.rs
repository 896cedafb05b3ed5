//! The supported `(region, numberType, format)` table for database ID-number verification.

/// The format an ID number must have for its type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum NumberFormat {
    /// Exactly this many ASCII digits `0`-`9` (a Java server's `\d` without
    /// `UNICODE_CHARACTER_CLASS`: other scripts' digits are refused).
    Digits(usize),
}

impl NumberFormat {
    /// Whether `value` has this format.
    pub fn matches(self, value: &str) -> bool {
        match self {
            Self::Digits(count) => {
                value.len() == count && value.bytes().all(|b| b.is_ascii_digit())
            }
        }
    }

    /// A short description for messages and docs (`11 ASCII digits`).
    pub fn describe(self) -> String {
        match self {
            Self::Digits(count) => format!("{count} ASCII digits"),
        }
    }
}

/// One supported ID-number type: the region it belongs to and the format of its numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct IdNumberType {
    /// ISO 3166-1 alpha-3 region code, uppercase (`NGA`).
    pub region: &'static str,
    /// The `numberType` value, uppercase (`BVN`).
    pub number_type: &'static str,
    /// The format `numberValue` must have.
    pub format: NumberFormat,
    /// What the number is.
    pub description: &'static str,
    /// How Get Result names this type in `numberTypeInfo.numberType` (`NG_BVN`), which is
    /// not the request's `numberType` (`BVN`); the vendor's Non-Doc regions table.
    pub get_result_number_type: &'static str,
}

/// Every `(region, numberType)` pair database verification accepts.
///
/// The vendor appends new types to its table; adding one here is one row, and validation,
/// the sandbox and the docs follow.
pub const SUPPORTED_ID_NUMBER_TYPES: &[IdNumberType] = &[
    IdNumberType {
        region: "NGA",
        number_type: "BVN",
        format: NumberFormat::Digits(11),
        description: "Nigeria Bank Verification Number",
        get_result_number_type: "NG_BVN",
    },
    IdNumberType {
        region: "NGA",
        number_type: "NIN",
        format: NumberFormat::Digits(11),
        description: "Nigeria National Identity Number",
        get_result_number_type: "NG_NIN",
    },
];

impl IdNumberType {
    /// The supported type for exactly this region and number type (case-sensitive).
    pub fn find(region: &str, number_type: &str) -> Option<&'static IdNumberType> {
        SUPPORTED_ID_NUMBER_TYPES
            .iter()
            .find(|t| t.region == region && t.number_type == number_type)
    }

    /// Whether any region supports a type spelled like this, ignoring ASCII case: `bvn` is
    /// a known type in the wrong case, `PASSPORT` is not a known type at all.
    pub fn is_known_in_any_case(number_type: &str) -> bool {
        SUPPORTED_ID_NUMBER_TYPES
            .iter()
            .any(|t| t.number_type.eq_ignore_ascii_case(number_type))
    }

    /// Whether database verification supports this region at all.
    pub fn is_supported_region(region: &str) -> bool {
        SUPPORTED_ID_NUMBER_TYPES.iter().any(|t| t.region == region)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_type_has_its_own_get_result_name() {
        assert_eq!(
            IdNumberType::find("NGA", "BVN").map(|t| t.get_result_number_type),
            Some("NG_BVN")
        );
        assert_eq!(
            IdNumberType::find("NGA", "NIN").map(|t| t.get_result_number_type),
            Some("NG_NIN")
        );
        for (i, a) in SUPPORTED_ID_NUMBER_TYPES.iter().enumerate() {
            assert!(!a.get_result_number_type.is_empty());
            assert_ne!(a.get_result_number_type, a.number_type);
            for b in &SUPPORTED_ID_NUMBER_TYPES[i + 1..] {
                assert_ne!(a.get_result_number_type, b.get_result_number_type);
            }
        }
    }
}
