//! The supported `(region, numberType, format)` table for database ID-number verification,
//! derived from the market table ([`MARKETS`]).

use crate::market::{MARKETS, Market};

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

/// Every `(region, numberType)` pair database verification accepts: the rows of
/// [`MARKETS`] whose [`crate::Apis::database_verification`] is set, in the table's order,
/// each number exactly its market's length in ASCII digits.
///
/// The facts live in [`MARKETS`]; these rows only pick which markets the database API
/// takes (a test checks that the two agree).
pub const SUPPORTED_ID_NUMBER_TYPES: &[IdNumberType] = &[
    IdNumberType::of_market(&MARKETS[0]),
    IdNumberType::of_market(&MARKETS[1]),
];

impl IdNumberType {
    /// The database-verification row of `market`: exactly its first length, ASCII digits
    /// only (the database page's "11-digit numeric string").
    pub const fn of_market(market: &'static Market) -> Self {
        Self {
            region: market.region,
            number_type: market.number_type,
            format: NumberFormat::Digits(market.number_lengths[0]),
            description: market.description,
            get_result_number_type: market.get_result_number_type,
        }
    }

    /// The market this type is a row of.
    pub fn market(&self) -> Option<&'static Market> {
        Market::find(self.region, self.number_type)
    }

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
            assert_eq!(a.market().map(|m| m.apis.database_verification), Some(true));
            for b in &SUPPORTED_ID_NUMBER_TYPES[i + 1..] {
                assert_ne!(a.get_result_number_type, b.get_result_number_type);
            }
        }
    }

    #[test]
    fn the_rows_are_the_database_markets() {
        let from_markets: Vec<(&str, &str)> = MARKETS
            .iter()
            .filter(|m| m.apis.database_verification)
            .map(|m| (m.region, m.number_type))
            .collect();
        let rows: Vec<(&str, &str)> = SUPPORTED_ID_NUMBER_TYPES
            .iter()
            .map(|t| (t.region, t.number_type))
            .collect();
        assert_eq!(rows, from_markets);
        for row in SUPPORTED_ID_NUMBER_TYPES {
            assert_eq!(row.format, NumberFormat::Digits(11));
        }
    }
}
