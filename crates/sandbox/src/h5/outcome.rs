//! The outcomes a tester can pick for an H5 transaction: PASS, or a documented error code.

use advanceai_core::{ErrorCode, OverallResult};

use crate::state::Verdict;

/// The `FAIL` error codes of Get Result, in the vendor's order.
pub const FAIL_CODES: &[&str] = &[
    "BVN_NOT_EXIST",
    "BVN_SUSPEND",
    "NUMBER_NOT_EXIST",
    "NAME_NOT_MATCH",
    "LIVENESS_ATTACK",
    "SIMILARITY_FAILED",
    "INVALID_FORMAT",
    "CAN_NOT_VERIFY",
    "FACE_QUALITY_TOO_POOR",
    "RISK_STRATEGY_HIT",
    "AGE_VERIFICATION_FAILED",
    "INFO_ABNORMAL",
    "NUMBER_DECEASED",
    "NUMBER_BLOCKED",
];

/// The `INCOMPLETE` error codes of Get Result, in the vendor's order.
pub const INCOMPLETE_CODES: &[&str] = &[
    "BVN_INVALID_FORMAT",
    "PARAMETER_ERROR",
    "USER_TIMEOUT",
    "ERROR",
    "RETRY_COUNT_REACH_MAX",
];

/// Parses an outcome as the page and `/sandbox/complete` take it: `PASS` (or `SUCCESS`),
/// or any documented FAIL / INCOMPLETE error code.
pub(crate) fn parse_outcome(outcome: &str) -> Option<Verdict> {
    let outcome = outcome.trim();
    if outcome == "PASS" || outcome == "SUCCESS" {
        return Some(Verdict {
            overall_result: OverallResult::Pass,
            error_code: ErrorCode::Success,
        });
    }
    let overall_result = if FAIL_CODES.contains(&outcome) {
        OverallResult::Fail
    } else if INCOMPLETE_CODES.contains(&outcome) {
        OverallResult::Incomplete
    } else {
        return None;
    };
    Some(Verdict {
        overall_result,
        error_code: ErrorCode::from_wire(outcome),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_documented_outcome_parses() {
        assert_eq!(FAIL_CODES.len() + INCOMPLETE_CODES.len(), 19);
        for code in FAIL_CODES.iter().chain(INCOMPLETE_CODES) {
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
