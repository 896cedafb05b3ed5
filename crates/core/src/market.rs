//! The Non-Document Verification markets: one table of every `(region, numberType)` the
//! vendor supports, with the names each API gives the type and the rules of its fields.
//!
//! Source: the vendor's "Supported Regions & numberTypes" page (`non-doc-flow.md` §2.3 and
//! §3). Validation ([`crate::GenerateUrlRequest::validate`], and through
//! [`crate::SUPPORTED_ID_NUMBER_TYPES`] database verification), the sandbox and the CLI's
//! help all read this table: a new market is one row.
//!
//! ```
//! use advanceai_core::{Market, Requirement};
//!
//! let nik = Market::find("IDN", "NIK").unwrap();
//! assert_eq!(nik.get_result_number_type, "ID_NIK");
//! assert_eq!(nik.full_name, Requirement::Required);
//! assert!(nik.accepts_number("3171234567890123"));
//! assert!(!nik.accepts_number("317123456789"));
//! // Get Result names the type differently; unknown names find nothing.
//! assert_eq!(Market::by_get_result_number_type("AR_DNI").unwrap().number_type, "DNI");
//! assert!(Market::by_get_result_number_type("US_NATIONALID").is_none());
//! ```

/// Whether a Generate URL request must carry a field for a market (the regions page's
/// `Required` / `Optional` / `—`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Requirement {
    /// May be left out: the end user types it on the H5 page.
    Optional,
    /// Must be sent.
    Required,
    /// Must be sent when `numberValue` is sent (DNI's `gender`); when `numberValue` is left
    /// out the user enters both on the page.
    RequiredWithNumber,
    /// The field does not apply to this market ("—"). The vendor does not say that sending
    /// it is refused, so validation does not refuse it.
    NotApplicable,
}

/// Which APIs accept a market's type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Apis {
    /// The H5 Generate Non-Document Verification URL (with [`Market::number_type`]).
    pub generate_url: bool,
    /// Database ID-number verification (with [`Market::number_type`]); NGA BVN/NIN only.
    pub database_verification: bool,
    /// Health Status (with [`Market::health_number_type`]). The regions page maps every
    /// market; the Health page's own list leaves out `AR_DNI` and `ZA_SAID` (§6): both are
    /// marked accepted here, and the server has the last word.
    pub health_status: bool,
}

/// One market: a region and the ID-number type used there.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Market {
    /// ISO 3166-1 alpha-3 region code, uppercase (`NGA`).
    pub region: &'static str,
    /// The country's name in English (`Nigeria`).
    pub country: &'static str,
    /// The request's `numberType` (Generate URL, database verification): `BVN`.
    pub number_type: &'static str,
    /// Get Result's `numberTypeInfo.numberType`: `NG_BVN`.
    pub get_result_number_type: &'static str,
    /// The Health Status query's `numberType`: `NG_BVN`.
    pub health_number_type: &'static str,
    /// The lengths, in digits, a `numberValue` may have (DNI: 7 or 8).
    pub number_lengths: &'static [usize],
    /// Whether Generate URL needs `numberValue`.
    pub number_value: Requirement,
    /// Whether Generate URL needs `fullName`.
    pub full_name: Requirement,
    /// Whether Generate URL needs `gender`.
    pub gender: Requirement,
    /// Which APIs accept the type.
    pub apis: Apis,
    /// What the number is.
    pub description: &'static str,
}

const NON_DOC: Apis = Apis {
    generate_url: true,
    database_verification: false,
    health_status: true,
};

const NON_DOC_AND_DATABASE: Apis = Apis {
    database_verification: true,
    ..NON_DOC
};

/// Every market, in the vendor's order.
pub const MARKETS: &[Market] = &[
    Market {
        region: "NGA",
        country: "Nigeria",
        number_type: "BVN",
        get_result_number_type: "NG_BVN",
        health_number_type: "NG_BVN",
        number_lengths: &[11],
        number_value: Requirement::Optional,
        full_name: Requirement::Optional,
        gender: Requirement::NotApplicable,
        apis: NON_DOC_AND_DATABASE,
        description: "Nigeria Bank Verification Number",
    },
    Market {
        region: "NGA",
        country: "Nigeria",
        number_type: "NIN",
        get_result_number_type: "NG_NIN",
        health_number_type: "NG_NIN",
        number_lengths: &[11],
        number_value: Requirement::Optional,
        full_name: Requirement::Optional,
        gender: Requirement::NotApplicable,
        apis: NON_DOC_AND_DATABASE,
        description: "Nigeria National Identity Number",
    },
    Market {
        region: "IDN",
        country: "Indonesia",
        number_type: "NIK",
        get_result_number_type: "ID_NIK",
        health_number_type: "ID_NIK",
        number_lengths: &[16],
        number_value: Requirement::Optional,
        full_name: Requirement::Required,
        gender: Requirement::NotApplicable,
        apis: NON_DOC,
        description: "Indonesia Nomor Induk Kependudukan",
    },
    Market {
        region: "BRA",
        country: "Brazil",
        number_type: "CPF",
        get_result_number_type: "BR_CPF",
        health_number_type: "BR_CPF",
        number_lengths: &[11],
        number_value: Requirement::Optional,
        full_name: Requirement::Optional,
        gender: Requirement::NotApplicable,
        apis: NON_DOC,
        description: "Brazil Cadastro de Pessoas Fisicas",
    },
    Market {
        region: "ARG",
        country: "Argentina",
        number_type: "DNI",
        get_result_number_type: "AR_DNI",
        health_number_type: "AR_DNI",
        number_lengths: &[7, 8],
        number_value: Requirement::Optional,
        full_name: Requirement::NotApplicable,
        gender: Requirement::RequiredWithNumber,
        apis: NON_DOC,
        description: "Argentina Documento Nacional de Identidad",
    },
    Market {
        region: "ZAF",
        country: "South Africa",
        number_type: "SAID",
        get_result_number_type: "ZA_SAID",
        health_number_type: "ZA_SAID",
        number_lengths: &[13],
        number_value: Requirement::Required,
        full_name: Requirement::NotApplicable,
        gender: Requirement::NotApplicable,
        apis: NON_DOC,
        description: "South African ID Number",
    },
];

/// Health Status numberTypes the vendor's Health page names that have no market row here
/// (no Generate URL type is documented for them): `US_NATIONALID`, `GB_GB`.
///
/// The two vendor pages disagree (non-doc-flow.md §6): the Health Status page lists
/// `NG_BVN`, `NG_NIN`, `ID_NIK`, `BR_CPF`, `US_NATIONALID`, `GB_GB`; the Supported Regions
/// page lists `AR_DNI` and `ZA_SAID` in place of the last two. [`Market::health_number_types`]
/// is their union. Informational only: never used to refuse a Health request (the server
/// ignores case; only an empty type is refused locally).
pub const HEALTH_ONLY_NUMBER_TYPES: &[&str] = &["US_NATIONALID", "GB_GB"];

impl Market {
    /// Every Health Status numberType the vendor's pages name: each market's
    /// [`Market::health_number_type`] (where it takes part in Health Status), then
    /// [`HEALTH_ONLY_NUMBER_TYPES`].
    pub fn health_number_types() -> impl Iterator<Item = &'static str> {
        MARKETS
            .iter()
            .filter(|market| market.apis.health_status)
            .map(|market| market.health_number_type)
            .chain(HEALTH_ONLY_NUMBER_TYPES.iter().copied())
    }

    /// The market of exactly this region and request `numberType` (case-sensitive).
    pub fn find(region: &str, number_type: &str) -> Option<&'static Market> {
        MARKETS
            .iter()
            .find(|m| m.region == region && m.number_type == number_type)
    }

    /// The first market whose request `numberType` is spelled like this, ignoring ASCII
    /// case (`bvn` finds BVN).
    pub fn by_number_type_any_case(number_type: &str) -> Option<&'static Market> {
        MARKETS
            .iter()
            .find(|m| m.number_type.eq_ignore_ascii_case(number_type))
    }

    /// The market Get Result names so (`NG_BVN`); `None` for a name the table lacks, which
    /// a parser keeps as it came.
    pub fn by_get_result_number_type(name: &str) -> Option<&'static Market> {
        MARKETS.iter().find(|m| m.get_result_number_type == name)
    }

    /// Whether any market is in this region (uppercase, as the table spells it).
    pub fn is_region(region: &str) -> bool {
        MARKETS.iter().any(|m| m.region == region)
    }

    /// Whether `value` has one of [`Market::number_lengths`], counting its ASCII digits.
    ///
    /// The regions page gives each length "in digits" and says nothing of other characters;
    /// the vendor itself returns a CPF punctuated (`078.734.383-84`). So only the digits are
    /// counted and other characters are left to the server: `078.734.383-84` is an
    /// 11-digit CPF here.
    pub fn accepts_number(&self, value: &str) -> bool {
        let digits = value.bytes().filter(u8::is_ascii_digit).count();
        self.number_lengths.contains(&digits)
    }

    /// The allowed lengths for docs and help (`7 or 8`).
    pub fn describe_lengths(&self) -> String {
        let lengths: Vec<String> = self.number_lengths.iter().map(usize::to_string).collect();
        lengths.join(" or ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_distinct_per_api() {
        for (i, a) in MARKETS.iter().enumerate() {
            assert!(!a.number_lengths.is_empty());
            assert_ne!(a.get_result_number_type, a.number_type);
            assert!(a.apis.generate_url, "every row is a Non-Doc market");
            for b in &MARKETS[i + 1..] {
                assert_ne!((a.region, a.number_type), (b.region, b.number_type));
                assert_ne!(a.get_result_number_type, b.get_result_number_type);
            }
        }
        let database: Vec<_> = MARKETS
            .iter()
            .filter(|m| m.apis.database_verification)
            .map(|m| (m.region, m.number_type))
            .collect();
        assert_eq!(database, [("NGA", "BVN"), ("NGA", "NIN")]);
    }

    #[test]
    fn lengths_count_ascii_digits_only() {
        let cpf = Market::find("BRA", "CPF").unwrap();
        assert!(cpf.accepts_number("07873438384"));
        assert!(cpf.accepts_number("078.734.383-84"));
        assert!(!cpf.accepts_number("0787343838"));
        assert!(!cpf.accepts_number("０７８７３４３８３８４"));
        let dni = Market::find("ARG", "DNI").unwrap();
        assert!(dni.accepts_number("1234567") && dni.accepts_number("12345678"));
        assert!(!dni.accepts_number("123456") && !dni.accepts_number("123456789"));
        assert_eq!(dni.describe_lengths(), "7 or 8");
        assert_eq!(Market::find("nga", "BVN"), None);
        assert_eq!(
            Market::by_number_type_any_case("said").map(|m| m.region),
            Some("ZAF")
        );
    }
}
