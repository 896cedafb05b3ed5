//! The `verification` sub-object of a person record: per-field check results.

use std::fmt;

use crate::pii::debug_present_fields;

wire_enum! {
    /// The result of one per-field check in a person record's `verification` object.
    ///
    /// The vendor's `verificationResult` value table is cut off on every readable page
    /// version (non-doc-flow.md §4.4); its examples show only lowercase `"pass"`, `"fail"`
    /// and `null`. Matching is exact: any other spelling, `"PASS"` included, is kept as
    /// `Unknown` with its text, since the page does not say whether case matters.
    pub enum CheckResult {
        /// `pass`: the field matched.
        Pass = "pass",
        /// `fail`: the field did not match.
        Fail = "fail",
    }
}

wire_record! {
    /// `verification`: which of the person's fields the vendor checked, and the outcome.
    ///
    /// Each field is absent or `null` when the vendor did not check it (*inferred* from
    /// "Per-field pass / fail / null", §4.4): Nigeria usually sends all four as `null`,
    /// Brazil and Argentina only `face`. Re-serializing writes only the checked fields.
    ///
    /// `Debug` shows only which fields are present: a face-match outcome is about a person.
    pub struct PersonVerification {
        /// Whether `numberValue` checked out.
        "numberValue" => pub number_value: CheckResult,
        /// Whether `fullName` matched the database.
        "fullName" => pub full_name: CheckResult,
        /// Whether the date of birth matched the database.
        "dob" => pub dob: CheckResult,
        /// Whether the selfie matched the database photo.
        "face" => pub face: CheckResult,
    }
    absent = skip
}

impl fmt::Debug for PersonVerification {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        debug_present_fields(
            f,
            "PersonVerification",
            &[
                ("number_value", self.number_value.is_some()),
                ("full_name", self.full_name.is_some()),
                ("dob", self.dob.is_some()),
                ("face", self.face.is_some()),
            ],
            &self.unknown_fields,
        )
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn results_parse_exactly_and_keep_unknown_values() {
        let parsed: PersonVerification = serde_json::from_str(
            r#"{"numberValue":"pass","fullName":"fail","dob":null,"face":"PASS","x":1}"#,
        )
        .unwrap();
        assert_eq!(parsed.number_value, Some(CheckResult::Pass));
        assert_eq!(parsed.full_name, Some(CheckResult::Fail));
        assert_eq!(parsed.dob, None);
        assert_eq!(parsed.face, Some(CheckResult::Unknown("PASS".into())));
        assert_eq!(
            serde_json::to_value(&parsed).unwrap(),
            serde_json::json!({"numberValue":"pass","fullName":"fail","face":"PASS","x":1})
        );
        let debug = format!("{parsed:?}");
        assert!(debug.contains("face") && !debug.contains("dob"), "{debug}");
        assert!(
            !debug.contains("pass") && !debug.contains("PASS"),
            "{debug}"
        );
    }
}
