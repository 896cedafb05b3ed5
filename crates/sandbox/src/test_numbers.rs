//! The database-verification test numbers: one table, which the sandbox's answers follow
//! and which the crate docs' and the README's tables are checked against
//! (`tests/test_numbers.rs`).

use advanceai_core::{ErrorCode, Market, OverallResult, SUPPORTED_ID_NUMBER_TYPES};

/// One database-verification test number and the answer it gets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TestNumber {
    /// The `numberValue`; a valid BVN and NIN alike.
    pub number: &'static str,
    /// The `overallResult` answered.
    pub overall_result: &'static str,
    /// The `errorCode` answered, as this endpoint spells it: `""` for the pass.
    pub error_code: &'static str,
    /// What the answer stands for, in a few words.
    pub meaning: &'static str,
}

/// The documented test numbers, in the docs' order. Every other valid number passes, with a
/// fake person derived from the number.
pub const TEST_NUMBERS: &[TestNumber] = &[
    TestNumber {
        number: "22222222222",
        overall_result: "PASS",
        error_code: "",
        meaning: "a pass, with a masked fake person",
    },
    TestNumber {
        number: "00000000000",
        overall_result: "FAIL",
        error_code: "NUMBER_NOT_EXIST",
        meaning: "the number does not exist",
    },
    TestNumber {
        number: "11111111111",
        overall_result: "FAIL",
        error_code: "BVN_SUSPEND",
        meaning: "the BVN is suspended",
    },
    TestNumber {
        number: "33333333333",
        overall_result: "FAIL",
        error_code: "INFO_ABNORMAL",
        meaning: "the official record is abnormal",
    },
    TestNumber {
        number: "55555555555",
        overall_result: "FAIL",
        error_code: "INVALID_FORMAT",
        meaning: "the number failed the database's format check",
    },
    TestNumber {
        number: "44444444444",
        overall_result: "INCOMPLETE",
        error_code: "ERROR",
        meaning: "the database call failed or timed out",
    },
];

/// The test numbers as the command lines print them when a sandbox starts: which
/// `(region, numberType)` pairs they serve (core's table), then one line per row of
/// [`TEST_NUMBERS`].
///
/// ```
/// let text = advanceai_sandbox::test_numbers_text();
/// assert!(text.starts_with("database verification (region NGA, numberType BVN or NIN"));
/// assert!(text.contains("  00000000000  FAIL / NUMBER_NOT_EXIST"));
/// ```
pub fn test_numbers_text() -> String {
    let mut regions: Vec<&str> = SUPPORTED_ID_NUMBER_TYPES.iter().map(|t| t.region).collect();
    regions.dedup();
    let types: Vec<&str> = SUPPORTED_ID_NUMBER_TYPES
        .iter()
        .map(|t| t.number_type)
        .collect();
    let mut text = format!(
        "database verification (region {}, numberType {}):",
        regions.join(" or "),
        types.join(" or ")
    );
    for row in TEST_NUMBERS {
        text.push_str("\n  ");
        text.push_str(row.number);
        text.push_str("  ");
        text.push_str(row.overall_result);
        if !row.error_code.is_empty() {
            text.push_str(" / ");
            text.push_str(row.error_code);
        }
    }
    text
}

/// A valid `numberValue` for `market`'s Generate URL: its first length of `2`s. For NGA
/// that is `22222222222`, the pass of [`TEST_NUMBERS`]; in the H5 flow the verdict comes
/// from the page (or `/sandbox/complete`), not from the number, so every market's number
/// passes.
///
/// ```
/// use advanceai_core::Market;
/// let dni = Market::find("ARG", "DNI").unwrap();
/// assert_eq!(advanceai_sandbox::test_number_for(dni), "2222222");
/// ```
pub fn test_number_for(market: &Market) -> String {
    "2".repeat(market.number_lengths.first().copied().unwrap_or_default())
}

/// The verdict for a valid number: its row of [`TEST_NUMBERS`], else a pass.
pub(crate) fn verdict_for(number: &str) -> (OverallResult, ErrorCode) {
    TEST_NUMBERS
        .iter()
        .find(|row| row.number == number)
        .map(|row| {
            (
                OverallResult::from_wire(row.overall_result),
                ErrorCode::from_wire(row.error_code),
            )
        })
        .unwrap_or((OverallResult::Pass, ErrorCode::Success))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use advanceai_core::{Endpoint, IdNumberVerificationRequest, SUPPORTED_ID_NUMBER_TYPES};

    use super::*;

    #[test]
    fn table_verdicts() {
        assert_eq!(
            verdict_for("22222222222"),
            (OverallResult::Pass, ErrorCode::Success)
        );
        assert_eq!(
            verdict_for("98765432109"),
            (OverallResult::Pass, ErrorCode::Success)
        );
        assert_eq!(
            verdict_for("44444444444"),
            (OverallResult::Incomplete, ErrorCode::Error)
        );
    }

    #[test]
    fn each_row_agrees_with_core() {
        for (i, row) in TEST_NUMBERS.iter().enumerate() {
            let code = ErrorCode::from_wire(row.error_code);
            assert!(!code.is_unknown(), "{}", row.number);
            // The code as database verification writes it, in the family core gives it.
            assert_eq!(
                code.spelled_for(Endpoint::IdNumberVerification),
                row.error_code
            );
            assert_eq!(
                code.verdict().as_ref().map(OverallResult::as_str),
                Some(row.overall_result),
                "{}",
                row.number
            );
            assert!(!row.meaning.is_empty());
            // A valid number of every supported type, so validation lets it through.
            for id_type in SUPPORTED_ID_NUMBER_TYPES {
                let request = IdNumberVerificationRequest::new(
                    "b",
                    "u",
                    id_type.region,
                    id_type.number_type,
                    row.number,
                );
                assert_eq!(request.validate(), Ok(()), "{}", row.number);
            }
            assert!(TEST_NUMBERS[i + 1..].iter().all(|r| r.number != row.number));
        }
    }

    #[test]
    fn every_market_has_a_valid_number() {
        for market in advanceai_core::MARKETS {
            let mut request = advanceai_core::GenerateUrlRequest::new(
                "b",
                "u",
                market.region,
                market.number_type,
                "https://example.com/ok",
                "https://example.com/fail",
            );
            request.number_value = Some(test_number_for(market).into());
            request.full_name = Some("Test Person".into());
            request.gender = Some("FEMALE".into());
            assert_eq!(request.validate(), Ok(()), "{}", market.number_type);
        }
    }
}
