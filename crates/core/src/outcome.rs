//! The verdict of a verification: `overallResult`, `errorCode`, and what a caller should do.

use std::fmt;

use crate::Endpoint;

/// How database verification writes a pass: an empty `errorCode` (its page: "Returns an
/// empty string when overallResult is PASS").
const VERIFICATION_PASS: &str = "";

wire_enum! {
    /// `overallResult`: the verdict of a verification.
    pub enum OverallResult {
        /// The user passed.
        Pass = "PASS",
        /// The user failed; `errorCode` says why.
        Fail = "FAIL",
        /// The verification did not finish (the user gave up or timed out, or a system
        /// failed); `errorCode` says why.
        Incomplete = "INCOMPLETE",
    }
}

wire_enum! {
    /// `errorCode`: why a verification ended the way it did.
    ///
    /// Holds every value documented by either vendor page. The two pages disagree on how a
    /// pass is spelled: Get Result sends `SUCCESS`, database verification sends `""`. Both
    /// parse to [`ErrorCode::Success`], which serializes as `SUCCESS`: the normalized JSON
    /// spells a pass one way.
    pub enum ErrorCode {
        /// The verification passed (`SUCCESS`, or `""` from database verification).
        Success = "SUCCESS",
        /// The BVN the user entered does not exist.
        BvnNotExist = "BVN_NOT_EXIST",
        /// The ID has been restricted by the issuing institution.
        BvnSuspend = "BVN_SUSPEND",
        /// The ID number does not exist in the authoritative database.
        NumberNotExist = "NUMBER_NOT_EXIST",
        /// The name the user entered does not match the record.
        NameNotMatch = "NAME_NOT_MATCH",
        /// The liveness check failed.
        LivenessAttack = "LIVENESS_ATTACK",
        /// The live face and the face on record are not the same person.
        SimilarityFailed = "SIMILARITY_FAILED",
        /// The ID number or another field is in the wrong format.
        InvalidFormat = "INVALID_FORMAT",
        /// The database is unusable or the number cannot be verified.
        CanNotVerify = "CAN_NOT_VERIFY",
        /// The photo on record is too poor to compare against.
        FaceQualityTooPoor = "FACE_QUALITY_TOO_POOR",
        /// The vendor's anti-fraud rules rejected the attempt.
        RiskStrategyHit = "RISK_STRATEGY_HIT",
        /// The age check failed.
        AgeVerificationFailed = "AGE_VERIFICATION_FAILED",
        /// The record in the authoritative database is missing critical information.
        InfoAbnormal = "INFO_ABNORMAL",
        /// The holder of the ID is deceased.
        NumberDeceased = "NUMBER_DECEASED",
        /// The ID is blocked or locked by the issuing institution.
        NumberBlocked = "NUMBER_BLOCKED",
        /// The BVN the user entered is in the wrong format.
        BvnInvalidFormat = "BVN_INVALID_FORMAT",
        /// The vendor's page submitted invalid data (a vendor-side bug).
        ParameterError = "PARAMETER_ERROR",
        /// The user did not finish within the time limit (one hour).
        UserTimeout = "USER_TIMEOUT",
        /// A failure in the vendor's backend, or the upstream database timed out.
        Error = "ERROR",
        /// The user used up the allowed face-capture attempts.
        RetryCountReachMax = "RETRY_COUNT_REACH_MAX",
    }
    custom_from_wire
}

impl ErrorCode {
    /// Parses a wire value. `""` (database verification's pass) is [`ErrorCode::Success`].
    pub fn from_wire(value: &str) -> Self {
        if value.is_empty() {
            return Self::Success;
        }
        Self::from_known(value).unwrap_or_else(|| Self::Unknown(value.to_owned()))
    }

    /// This code as `endpoint` writes it.
    ///
    /// Database verification writes a pass as `""`; Get Result writes it `SUCCESS`, as
    /// [`ErrorCode::as_str`] and the normalized JSON do. Every other code is spelled the same
    /// by every endpoint. [`ErrorCode::from_wire`] reads each spelling back.
    pub fn spelled_for(&self, endpoint: Endpoint) -> &str {
        match (self, endpoint) {
            (Self::Success, Endpoint::IdNumberVerification) => VERIFICATION_PASS,
            _ => self.as_str(),
        }
    }

    /// The `overallResult` this code belongs to, as Get Result's `errorCode` table groups
    /// them: `SUCCESS` is a pass, the number, name, face and risk failures are `FAIL`, and
    /// the user or a system not finishing is `INCOMPLETE`. `None` for a code this library
    /// does not know. The database verification page groups the codes it sends the same way.
    pub fn verdict(&self) -> Option<OverallResult> {
        match self {
            Self::Success => Some(OverallResult::Pass),
            Self::BvnNotExist
            | Self::BvnSuspend
            | Self::NumberNotExist
            | Self::NameNotMatch
            | Self::LivenessAttack
            | Self::SimilarityFailed
            | Self::InvalidFormat
            | Self::CanNotVerify
            | Self::FaceQualityTooPoor
            | Self::RiskStrategyHit
            | Self::AgeVerificationFailed
            | Self::InfoAbnormal
            | Self::NumberDeceased
            | Self::NumberBlocked => Some(OverallResult::Fail),
            Self::BvnInvalidFormat
            | Self::ParameterError
            | Self::UserTimeout
            | Self::Error
            | Self::RetryCountReachMax => Some(OverallResult::Incomplete),
            Self::Unknown(_) => None,
        }
    }

    /// One line, in our words, on what this code means.
    pub fn description(&self) -> &'static str {
        match self {
            Self::Success => "the verification passed",
            Self::BvnNotExist => "the BVN entered does not exist",
            Self::BvnSuspend => "the ID is suspended by the issuing institution",
            Self::NumberNotExist => "the ID number does not exist in the official database",
            Self::NameNotMatch => "the name entered does not match the official record",
            Self::LivenessAttack => "the liveness check failed",
            Self::SimilarityFailed => "the live face does not match the face on record",
            Self::InvalidFormat => "the ID number or another field is malformed",
            Self::CanNotVerify => "the official database could not verify this number",
            Self::FaceQualityTooPoor => "the photo on record is too poor to compare against",
            Self::RiskStrategyHit => "the vendor's anti-fraud rules rejected the attempt",
            Self::AgeVerificationFailed => "the age check failed",
            Self::InfoAbnormal => "the official record is missing critical information",
            Self::NumberDeceased => "the ID holder is recorded as deceased",
            Self::NumberBlocked => "the ID is blocked by the issuing institution",
            Self::BvnInvalidFormat => "the BVN entered is malformed",
            Self::ParameterError => "the vendor's page sent invalid data (vendor-side bug)",
            Self::UserTimeout => "the user did not finish within the time limit",
            Self::Error => "the vendor's backend or the official database failed",
            Self::RetryCountReachMax => "the user used up the allowed face-capture attempts",
            Self::Unknown(_) => "a code this library version does not know",
        }
    }

    /// What a caller can do about this outcome.
    ///
    /// An unknown code is [`ErrorCategory::NeedsReview`]: it is never taken as a pass and
    /// never retried automatically.
    pub fn category(&self) -> ErrorCategory {
        match self {
            Self::Success => ErrorCategory::Passed,
            Self::BvnNotExist
            | Self::NumberNotExist
            | Self::NameNotMatch
            | Self::LivenessAttack
            | Self::InvalidFormat
            | Self::BvnInvalidFormat
            | Self::UserTimeout
            | Self::RetryCountReachMax => ErrorCategory::UserCanRetry,
            Self::BvnSuspend
            | Self::SimilarityFailed
            | Self::FaceQualityTooPoor
            | Self::RiskStrategyHit
            | Self::AgeVerificationFailed
            | Self::NumberDeceased
            | Self::NumberBlocked
            | Self::Unknown(_) => ErrorCategory::NeedsReview,
            Self::CanNotVerify | Self::InfoAbnormal | Self::ParameterError | Self::Error => {
                ErrorCategory::RetryLater
            }
        }
    }
}

/// The category of a final outcome, given whether its verdict and code agree on a pass: a
/// pass code next to any other verdict needs a person's eyes.
pub(crate) fn verdict_category(passed: bool, error_code: &ErrorCode) -> ErrorCategory {
    match error_code.category() {
        ErrorCategory::Passed if !passed => ErrorCategory::NeedsReview,
        category => category,
    }
}

/// What a caller can do about a verification outcome.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorCategory {
    /// The user passed.
    Passed,
    /// The user can try again: a typo, a failed capture, a timeout.
    UserCanRetry,
    /// A person should look at it before anything else happens: a suspended, blocked or
    /// deceased ID, suspected fraud, or a code this library does not know.
    NeedsReview,
    /// A system on the vendor's side failed; the same verification may succeed later.
    RetryLater,
}

impl ErrorCategory {
    /// A stable lowercase name (`passed`, `user_can_retry`, `needs_review`, `retry_later`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Passed => "passed",
            Self::UserCanRetry => "user_can_retry",
            Self::NeedsReview => "needs_review",
            Self::RetryLater => "retry_later",
        }
    }
}

impl fmt::Display for ErrorCategory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pass_is_spelled_two_ways() {
        assert_eq!(ErrorCode::from_wire(""), ErrorCode::Success);
        assert_eq!(ErrorCode::from_wire("SUCCESS"), ErrorCode::Success);
        assert_eq!(
            ErrorCode::from_wire("success"),
            ErrorCode::Unknown("success".into())
        );
        assert_eq!(
            serde_json::from_str::<ErrorCode>("\"\"").unwrap(),
            ErrorCode::Success
        );
    }

    #[test]
    fn each_endpoint_spells_a_pass_its_own_way_and_it_reads_back() {
        for code in ErrorCode::KNOWN {
            assert_eq!(code.spelled_for(Endpoint::GetResult), code.as_str());
            let verification = code.spelled_for(Endpoint::IdNumberVerification);
            if *code == ErrorCode::Success {
                assert_eq!(verification, "");
            } else {
                assert_eq!(verification, code.as_str());
            }
            assert_eq!(&ErrorCode::from_wire(verification), code);
        }
        let unknown = ErrorCode::from_wire("NEW_CODE");
        assert_eq!(
            unknown.spelled_for(Endpoint::IdNumberVerification),
            "NEW_CODE"
        );
        // The normalized JSON keeps one spelling of a pass.
        assert_eq!(
            serde_json::to_string(&ErrorCode::Success).unwrap(),
            "\"SUCCESS\""
        );
    }

    #[test]
    fn verdict_families_are_the_vendors() {
        // Get Result's errorCode table (get-result.txt), family by family, in its order.
        let pass = ["SUCCESS"];
        let fail = [
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
        let incomplete = [
            "BVN_INVALID_FORMAT",
            "PARAMETER_ERROR",
            "USER_TIMEOUT",
            "ERROR",
            "RETRY_COUNT_REACH_MAX",
        ];
        let family = |verdict: OverallResult| -> Vec<&str> {
            ErrorCode::KNOWN
                .iter()
                .filter(|code| code.verdict() == Some(verdict.clone()))
                .map(ErrorCode::as_str)
                .collect()
        };
        assert_eq!(family(OverallResult::Pass), pass);
        assert_eq!(family(OverallResult::Fail), fail);
        assert_eq!(family(OverallResult::Incomplete), incomplete);
        // Every known code has a family.
        assert_eq!(
            pass.len() + fail.len() + incomplete.len(),
            ErrorCode::KNOWN.len()
        );
        assert!(ErrorCode::KNOWN.iter().all(|code| code.verdict().is_some()));
        assert_eq!(ErrorCode::from_wire("NEW_CODE").verdict(), None);
        // The database verification page's data.errorCode table agrees.
        for (code, verdict) in [
            ("", OverallResult::Pass),
            ("INVALID_FORMAT", OverallResult::Fail),
            ("NUMBER_NOT_EXIST", OverallResult::Fail),
            ("BVN_SUSPEND", OverallResult::Fail),
            ("INFO_ABNORMAL", OverallResult::Fail),
            ("ERROR", OverallResult::Incomplete),
        ] {
            assert_eq!(
                ErrorCode::from_wire(code).verdict(),
                Some(verdict),
                "{code}"
            );
        }
    }

    #[test]
    fn every_code_has_a_description_and_category() {
        for code in ErrorCode::KNOWN {
            assert_eq!(&ErrorCode::from_wire(code.as_str()), code);
            assert!(!code.description().is_empty());
        }
        assert_eq!(ErrorCode::KNOWN.len(), 20);
        assert_eq!(ErrorCode::Success.category(), ErrorCategory::Passed);
        assert_eq!(
            ErrorCode::UserTimeout.category(),
            ErrorCategory::UserCanRetry
        );
        assert_eq!(
            ErrorCode::NumberDeceased.category(),
            ErrorCategory::NeedsReview
        );
        assert_eq!(
            ErrorCode::InfoAbnormal.category(),
            ErrorCategory::RetryLater
        );
        // Never a pass, never retried automatically.
        assert_eq!(
            ErrorCode::from_wire("NEW_CODE").category(),
            ErrorCategory::NeedsReview
        );
        let passes = ErrorCode::KNOWN
            .iter()
            .filter(|c| c.category() == ErrorCategory::Passed)
            .count();
        assert_eq!(passes, 1);
    }
}
