//! The outcomes a tester can pick for an H5 transaction: PASS, a documented error code,
//! grouped by the verdict core gives it ([`ErrorCode::verdict`]), or the one its test number
//! stands for ([`OUTCOME_BY_NUMBER`]).

use std::sync::LazyLock;

use advanceai_core::{ErrorCode, OverallResult};

use crate::state::Verdict;
use crate::test_numbers::OUTCOME_BY_NUMBER;

/// The `FAIL` error codes of Get Result, in the vendor's order: core's
/// [`ErrorCode::KNOWN`] whose [`ErrorCode::verdict`] is `FAIL`.
pub static FAIL_CODES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| codes_of(&OverallResult::Fail));

/// The `INCOMPLETE` error codes of Get Result, in the vendor's order: core's
/// [`ErrorCode::KNOWN`] whose [`ErrorCode::verdict`] is `INCOMPLETE`.
pub static INCOMPLETE_CODES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| codes_of(&OverallResult::Incomplete));

fn codes_of(verdict: &OverallResult) -> Vec<&'static str> {
    ErrorCode::KNOWN
        .iter()
        .filter(|code| code.verdict().as_ref() == Some(verdict))
        .map(ErrorCode::as_str)
        .collect()
}

/// What a completion asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Choice {
    /// This verdict.
    Verdict(Verdict),
    /// The verdict of the transaction's test number, known once the page's fields are in.
    ByNumber,
}

/// Parses an outcome as the page and `/sandbox/complete` take it: `PASS` (or `SUCCESS`),
/// any documented FAIL / INCOMPLETE error code, or [`OUTCOME_BY_NUMBER`].
pub(crate) fn parse_outcome(outcome: &str) -> Option<Choice> {
    let outcome = outcome.trim();
    if outcome == OUTCOME_BY_NUMBER {
        return Some(Choice::ByNumber);
    }
    let error_code = if outcome == "PASS" {
        ErrorCode::Success
    } else {
        ErrorCode::from_known(outcome)?
    };
    Some(Choice::Verdict(Verdict {
        overall_result: error_code.verdict()?,
        error_code,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_documented_outcome_parses() {
        // Every documented code but the pass is an outcome to pick (core's list, not a count
        // written here a second time).
        assert_eq!(
            FAIL_CODES.len() + INCOMPLETE_CODES.len(),
            ErrorCode::KNOWN.len() - 1
        );
        for code in FAIL_CODES.iter().chain(INCOMPLETE_CODES.iter()) {
            let verdict = parse_outcome(code);
            assert!(
                matches!(verdict, Some(Choice::Verdict(v)) if !v.error_code.is_unknown()),
                "{code}"
            );
        }
        assert!(parse_outcome("PASS").is_some());
        assert_eq!(parse_outcome(" BY_NUMBER "), Some(Choice::ByNumber));
        assert!(parse_outcome("MAYBE").is_none());
    }
}
