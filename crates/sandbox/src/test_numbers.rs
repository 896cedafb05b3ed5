//! The test numbers: one table, keyed by outcome and market, which the sandbox's answers
//! follow and which the crate docs' and the README's tables are checked against
//! (`tests/test_numbers.rs`).
//!
//! Every market type of core's [`MARKETS`](advanceai_core::MARKETS) has one number per outcome of Get Result's
//! errorCode table (core's [`ErrorCode::KNOWN`]): an H5 transaction whose number is one of
//! them, completed "as the number says" ([`OUTCOME_BY_NUMBER`]), gets that outcome. Database
//! verification answers the outcomes its own page documents (`database_verification`) for
//! the numbers of its types. Every other valid number passes, with a fake person derived
//! from the number.

use advanceai_core::{ErrorCode, Market, OverallResult, SUPPORTED_ID_NUMBER_TYPES};

use crate::state::Verdict;

/// The outcome that completes an H5 transaction as its number says: the [`TEST_NUMBERS`]
/// row of the transaction's number (given to Generate URL or typed on the page), a pass for
/// any other number. The page's "As the number says" button; `/sandbox/complete` takes it
/// as `outcome`.
pub const OUTCOME_BY_NUMBER: &str = "BY_NUMBER";

/// One outcome and its test number in each market type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TestOutcome {
    /// The `overallResult` answered: `PASS`, `FAIL` or `INCOMPLETE`.
    pub overall_result: &'static str,
    /// The `errorCode` answered, as Get Result spells it (`SUCCESS` for the pass; database
    /// verification writes the pass `""`, core's [`ErrorCode::spelled_for`]).
    pub error_code: &'static str,
    /// Whether database verification answers this outcome too (its page documents five
    /// codes); elsewhere its numbers pass there.
    pub database_verification: bool,
    /// The number of each market type: (`numberType` of a [`MARKETS`](advanceai_core::MARKETS) row, number), in
    /// that table's order. Each has a length of its market.
    pub numbers: &'static [(&'static str, &'static str)],
}

impl TestOutcome {
    /// This outcome's number in `market`, when the table has one.
    pub fn number_for(&self, market: &Market) -> Option<&'static str> {
        self.numbers
            .iter()
            .find(|(number_type, _)| *number_type == market.number_type)
            .map(|(_, number)| *number)
    }

    /// The verdict as core's types.
    fn verdict(&self) -> Verdict {
        Verdict {
            overall_result: OverallResult::from_wire(self.overall_result),
            error_code: ErrorCode::from_wire(self.error_code),
        }
    }
}

/// The documented test numbers, one row per outcome in the order of Get Result's errorCode
/// table. The repeated digits are database verification's numbers (in every market's
/// length); the others are a `9`, zeros and the row's two-digit index.
pub const TEST_NUMBERS: &[TestOutcome] = &[
    TestOutcome {
        overall_result: "PASS",
        error_code: "SUCCESS",
        database_verification: true,
        numbers: &[
            ("BVN", "22222222222"),
            ("NIN", "22222222222"),
            ("NIK", "2222222222222222"),
            ("CPF", "22222222222"),
            ("DNI", "2222222"),
            ("SAID", "2222222222222"),
        ],
    },
    TestOutcome {
        overall_result: "FAIL",
        error_code: "BVN_NOT_EXIST",
        database_verification: false,
        numbers: &[
            ("BVN", "90000000001"),
            ("NIN", "90000000001"),
            ("NIK", "9000000000000001"),
            ("CPF", "90000000001"),
            ("DNI", "9000001"),
            ("SAID", "9000000000001"),
        ],
    },
    TestOutcome {
        overall_result: "FAIL",
        error_code: "BVN_SUSPEND",
        database_verification: true,
        numbers: &[
            ("BVN", "11111111111"),
            ("NIN", "11111111111"),
            ("NIK", "1111111111111111"),
            ("CPF", "11111111111"),
            ("DNI", "1111111"),
            ("SAID", "1111111111111"),
        ],
    },
    TestOutcome {
        overall_result: "FAIL",
        error_code: "NUMBER_NOT_EXIST",
        database_verification: true,
        numbers: &[
            ("BVN", "00000000000"),
            ("NIN", "00000000000"),
            ("NIK", "0000000000000000"),
            ("CPF", "00000000000"),
            ("DNI", "0000000"),
            ("SAID", "0000000000000"),
        ],
    },
    TestOutcome {
        overall_result: "FAIL",
        error_code: "NAME_NOT_MATCH",
        database_verification: false,
        numbers: &[
            ("BVN", "90000000002"),
            ("NIN", "90000000002"),
            ("NIK", "9000000000000002"),
            ("CPF", "90000000002"),
            ("DNI", "9000002"),
            ("SAID", "9000000000002"),
        ],
    },
    TestOutcome {
        overall_result: "FAIL",
        error_code: "LIVENESS_ATTACK",
        database_verification: false,
        numbers: &[
            ("BVN", "90000000003"),
            ("NIN", "90000000003"),
            ("NIK", "9000000000000003"),
            ("CPF", "90000000003"),
            ("DNI", "9000003"),
            ("SAID", "9000000000003"),
        ],
    },
    TestOutcome {
        overall_result: "FAIL",
        error_code: "SIMILARITY_FAILED",
        database_verification: false,
        numbers: &[
            ("BVN", "90000000004"),
            ("NIN", "90000000004"),
            ("NIK", "9000000000000004"),
            ("CPF", "90000000004"),
            ("DNI", "9000004"),
            ("SAID", "9000000000004"),
        ],
    },
    TestOutcome {
        overall_result: "FAIL",
        error_code: "INVALID_FORMAT",
        database_verification: true,
        numbers: &[
            ("BVN", "55555555555"),
            ("NIN", "55555555555"),
            ("NIK", "5555555555555555"),
            ("CPF", "55555555555"),
            ("DNI", "5555555"),
            ("SAID", "5555555555555"),
        ],
    },
    TestOutcome {
        overall_result: "FAIL",
        error_code: "CAN_NOT_VERIFY",
        database_verification: false,
        numbers: &[
            ("BVN", "90000000005"),
            ("NIN", "90000000005"),
            ("NIK", "9000000000000005"),
            ("CPF", "90000000005"),
            ("DNI", "9000005"),
            ("SAID", "9000000000005"),
        ],
    },
    TestOutcome {
        overall_result: "FAIL",
        error_code: "FACE_QUALITY_TOO_POOR",
        database_verification: false,
        numbers: &[
            ("BVN", "90000000006"),
            ("NIN", "90000000006"),
            ("NIK", "9000000000000006"),
            ("CPF", "90000000006"),
            ("DNI", "9000006"),
            ("SAID", "9000000000006"),
        ],
    },
    TestOutcome {
        overall_result: "FAIL",
        error_code: "RISK_STRATEGY_HIT",
        database_verification: false,
        numbers: &[
            ("BVN", "90000000007"),
            ("NIN", "90000000007"),
            ("NIK", "9000000000000007"),
            ("CPF", "90000000007"),
            ("DNI", "9000007"),
            ("SAID", "9000000000007"),
        ],
    },
    TestOutcome {
        overall_result: "FAIL",
        error_code: "AGE_VERIFICATION_FAILED",
        database_verification: false,
        numbers: &[
            ("BVN", "90000000008"),
            ("NIN", "90000000008"),
            ("NIK", "9000000000000008"),
            ("CPF", "90000000008"),
            ("DNI", "9000008"),
            ("SAID", "9000000000008"),
        ],
    },
    TestOutcome {
        overall_result: "FAIL",
        error_code: "INFO_ABNORMAL",
        database_verification: true,
        numbers: &[
            ("BVN", "33333333333"),
            ("NIN", "33333333333"),
            ("NIK", "3333333333333333"),
            ("CPF", "33333333333"),
            ("DNI", "3333333"),
            ("SAID", "3333333333333"),
        ],
    },
    TestOutcome {
        overall_result: "FAIL",
        error_code: "NUMBER_DECEASED",
        database_verification: false,
        numbers: &[
            ("BVN", "90000000009"),
            ("NIN", "90000000009"),
            ("NIK", "9000000000000009"),
            ("CPF", "90000000009"),
            ("DNI", "9000009"),
            ("SAID", "9000000000009"),
        ],
    },
    TestOutcome {
        overall_result: "FAIL",
        error_code: "NUMBER_BLOCKED",
        database_verification: false,
        numbers: &[
            ("BVN", "90000000010"),
            ("NIN", "90000000010"),
            ("NIK", "9000000000000010"),
            ("CPF", "90000000010"),
            ("DNI", "9000010"),
            ("SAID", "9000000000010"),
        ],
    },
    TestOutcome {
        overall_result: "INCOMPLETE",
        error_code: "BVN_INVALID_FORMAT",
        database_verification: false,
        numbers: &[
            ("BVN", "90000000011"),
            ("NIN", "90000000011"),
            ("NIK", "9000000000000011"),
            ("CPF", "90000000011"),
            ("DNI", "9000011"),
            ("SAID", "9000000000011"),
        ],
    },
    TestOutcome {
        overall_result: "INCOMPLETE",
        error_code: "PARAMETER_ERROR",
        database_verification: false,
        numbers: &[
            ("BVN", "90000000012"),
            ("NIN", "90000000012"),
            ("NIK", "9000000000000012"),
            ("CPF", "90000000012"),
            ("DNI", "9000012"),
            ("SAID", "9000000000012"),
        ],
    },
    TestOutcome {
        overall_result: "INCOMPLETE",
        error_code: "USER_TIMEOUT",
        database_verification: false,
        numbers: &[
            ("BVN", "90000000013"),
            ("NIN", "90000000013"),
            ("NIK", "9000000000000013"),
            ("CPF", "90000000013"),
            ("DNI", "9000013"),
            ("SAID", "9000000000013"),
        ],
    },
    TestOutcome {
        overall_result: "INCOMPLETE",
        error_code: "ERROR",
        database_verification: true,
        numbers: &[
            ("BVN", "44444444444"),
            ("NIN", "44444444444"),
            ("NIK", "4444444444444444"),
            ("CPF", "44444444444"),
            ("DNI", "4444444"),
            ("SAID", "4444444444444"),
        ],
    },
    TestOutcome {
        overall_result: "INCOMPLETE",
        error_code: "RETRY_COUNT_REACH_MAX",
        database_verification: false,
        numbers: &[
            ("BVN", "90000000014"),
            ("NIN", "90000000014"),
            ("NIK", "9000000000000014"),
            ("CPF", "90000000014"),
            ("DNI", "9000014"),
            ("SAID", "9000000000014"),
        ],
    },
];

/// The row of `number` in `market`, when it is one of its test numbers.
pub fn test_outcome(market: &Market, number: &str) -> Option<&'static TestOutcome> {
    TEST_NUMBERS
        .iter()
        .find(|row| row.number_for(market) == Some(number))
}

/// The pass number of `market` ([`TEST_NUMBERS`]' first row): `22222222222` for NGA.
///
/// ```
/// use advanceai_core::Market;
/// let dni = Market::find("ARG", "DNI").unwrap();
/// assert_eq!(advanceai_sandbox::test_number_for(dni), Some("2222222"));
/// ```
pub fn test_number_for(market: &Market) -> Option<&'static str> {
    TEST_NUMBERS
        .iter()
        .find(|row| row.overall_result == OverallResult::Pass.as_str())
        .and_then(|row| row.number_for(market))
}

/// The markets of database verification (core's [`SUPPORTED_ID_NUMBER_TYPES`]).
fn database_markets() -> impl Iterator<Item = &'static Market> {
    SUPPORTED_ID_NUMBER_TYPES
        .iter()
        .filter_map(advanceai_core::IdNumberType::market)
}

/// A row's database-verification number(s): its number in each database market, each
/// once (`22222222222`: BVN and NIN alike).
fn database_numbers(row: &TestOutcome) -> Vec<&'static str> {
    let mut numbers: Vec<&str> = database_markets()
        .filter_map(|market| row.number_for(market))
        .collect();
    numbers.dedup();
    numbers
}

/// The test numbers as the command lines print them when a sandbox starts: database
/// verification's (which `(region, numberType)` pairs they serve, from core's table), then
/// the H5 flow's, one line per outcome with a column per market type.
///
/// ```
/// let text = advanceai_sandbox::test_numbers_text();
/// assert!(text.starts_with("database verification (region NGA, numberType BVN or NIN"));
/// assert!(text.contains("  00000000000  FAIL / NUMBER_NOT_EXIST"));
/// assert!(text.contains("INCOMPLETE / USER_TIMEOUT"));
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
    for row in TEST_NUMBERS.iter().filter(|row| row.database_verification) {
        text.push_str("\n  ");
        text.push_str(&database_numbers(row).join(" / "));
        text.push_str("  ");
        text.push_str(row.overall_result);
        let code = ErrorCode::from_wire(row.error_code);
        let spelled = code.spelled_for(advanceai_core::Endpoint::IdNumberVerification);
        if !spelled.is_empty() {
            text.push_str(" / ");
            text.push_str(spelled);
        }
    }
    text.push_str("\nH5 flow (complete with outcome ");
    text.push_str(OUTCOME_BY_NUMBER);
    text.push_str(", the page's \"As the number says\"):");
    let label = |row: &TestOutcome| format!("{} / {}", row.overall_result, row.error_code);
    let width = TEST_NUMBERS
        .iter()
        .map(|row| label(row).len())
        .max()
        .unwrap_or(0);
    let column = |market: &Market| {
        TEST_NUMBERS
            .iter()
            .filter_map(|row| row.number_for(market))
            .map(str::len)
            .chain([market.number_type.len()])
            .max()
            .unwrap_or(0)
    };
    let line = |first: &str, cells: &dyn Fn(&Market) -> &'static str| {
        let mut line = format!("\n  {first:width$}");
        for market in advanceai_core::MARKETS {
            line.push_str(&format!("  {:w$}", cells(market), w = column(market)));
        }
        line.trim_end().to_owned()
    };
    text.push_str(&line("outcome", &|market| market.number_type));
    for row in TEST_NUMBERS {
        text.push_str(&line(&label(row), &|market| {
            row.number_for(market).unwrap_or("-")
        }));
    }
    text
}

/// Database verification's verdict for a valid number of `market`: its row of
/// [`TEST_NUMBERS`] when that outcome is one database verification answers, else a pass.
pub(crate) fn database_verdict(
    market: Option<&Market>,
    number: &str,
) -> (OverallResult, ErrorCode) {
    let verdict = market
        .and_then(|market| test_outcome(market, number))
        .filter(|row| row.database_verification)
        .map_or_else(pass, TestOutcome::verdict);
    (verdict.overall_result, verdict.error_code)
}

/// The H5 verdict "as the number says": the row of the transaction's number in its market,
/// else (another number, or none) a pass.
pub(crate) fn h5_verdict(market: Option<&Market>, number: Option<&str>) -> Verdict {
    market
        .zip(number)
        .and_then(|(market, number)| test_outcome(market, number))
        .map_or_else(pass, TestOutcome::verdict)
}

fn pass() -> Verdict {
    Verdict {
        overall_result: OverallResult::Pass,
        error_code: ErrorCode::Success,
    }
}

#[cfg(test)]
mod tests;
