//! The outcomes a tester can pick for an H5 transaction: PASS, or a documented error code,
//! grouped by the verdict core gives it ([`ErrorCode::verdict`]).

use std::sync::LazyLock;

use advanceai_core::{ErrorCode, OverallResult};

use crate::state::Verdict;

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

/// Parses an outcome as the page and `/sandbox/complete` take it: `PASS` (or `SUCCESS`),
/// or any documented FAIL / INCOMPLETE error code.
pub(crate) fn parse_outcome(outcome: &str) -> Option<Verdict> {
    let outcome = outcome.trim();
    let error_code = if outcome == "PASS" {
        ErrorCode::Success
    } else {
        ErrorCode::from_known(outcome)?
    };
    Some(Verdict {
        overall_result: error_code.verdict()?,
        error_code,
    })
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
                verdict.as_ref().is_some_and(|v| !v.error_code.is_unknown()),
                "{code}"
            );
        }
        assert!(parse_outcome("PASS").is_some());
        assert!(parse_outcome("MAYBE").is_none());
    }
}
