//! H5 Get Result: the result of a transaction, pending until the user has finished.

use serde::{Deserialize, Serialize};

use crate::outcome::verdict_category;
use crate::verification::string_or_null;
use crate::{ErrorCategory, ErrorCode, FaceDetail, InvalidRequest, OverallResult, PersonRecord};

/// The body of `POST .../idvs-h5/ekyc/v1/get-result`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct GetResultRequest {
    /// The id Generate URL returned.
    #[serde(deserialize_with = "string_or_null")]
    pub signature_id: String,
    /// How images come back: `URL` (the default) or `BASE64`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_image_type: Option<ReturnImageType>,
}

impl GetResultRequest {
    /// A request for one transaction's result.
    pub fn new(signature_id: impl Into<String>) -> Self {
        Self {
            signature_id: signature_id.into(),
            return_image_type: None,
        }
    }

    /// Refuses an empty `signatureId`.
    pub fn validate(&self) -> Result<(), InvalidRequest> {
        if self.signature_id.is_empty() {
            return Err(InvalidRequest::SignatureIdMissing);
        }
        Ok(())
    }

    /// The JSON body to send.
    pub fn to_json(&self) -> Vec<u8> {
        // Serializing a struct of strings into a Vec cannot fail.
        serde_json::to_vec(self).unwrap_or_default()
    }
}

wire_enum! {
    /// `returnImageType` of a Get Result request.
    pub enum ReturnImageType {
        /// Images as URLs (the server's default).
        Url = "URL",
        /// Images inline as base64.
        Base64 = "BASE64",
    }
}

wire_record! {
    /// The `data` of a Get Result response.
    ///
    /// The vendor marks `signatureId`, `overallResult`, `submissionCompleted`, `idvResult`,
    /// `inputParameters` and `countryCodeIso3` "Always", yet its own examples leave some of
    /// them out: every field is optional here. What a caller branches on is
    /// [`GetResultData::status`].
    #[derive(Debug)]
    pub struct GetResultData {
        /// The transaction's id.
        "signatureId" => pub signature_id: String,
        /// `PASS`, `FAIL` or `INCOMPLETE`.
        "overallResult" => pub overall_result: OverallResult,
        /// Whether the user's page finished submitting its data.
        "submissionCompleted" => pub submission_completed: bool,
        /// Deprecated alias of `overallResult`.
        "idvResult" => pub idv_result: OverallResult,
        /// Why; `Success` on a pass; `None` (null) while the result is not final.
        "errorCode" => pub error_code: ErrorCode,
        /// The person found in the database, when the database step produced one.
        "docDatabaseDetail" => pub doc_database_detail: PersonRecord,
        /// The liveness and face-match outcome, when liveness ran.
        "faceDetail" => pub face_detail: FaceDetail,
        /// An echo of the Generate URL input.
        "inputParameters" => pub input_parameters: InputParameters,
        /// The region, ISO alpha-3.
        "countryCodeIso3" => pub country_code_iso3: String,
    }
    absent = null
}

/// Where a Get Result transaction stands.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ResultStatus {
    /// No final result yet (`errorCode` is null or absent): the user may still be on the
    /// page. Poll again later.
    Pending,
    /// The verification has ended.
    Final {
        /// `overallResult` (or its alias `idvResult` when only that was sent;
        /// `Unknown("")` when neither was).
        overall_result: OverallResult,
        /// `errorCode`.
        error_code: ErrorCode,
    },
}

impl GetResultData {
    /// Pending or final: a result is final once `errorCode` is not null.
    ///
    /// The vendor documents `errorCode` as "null while the transaction has no final result
    /// yet"; `submissionCompleted` is not used, because the vendor's own final examples
    /// leave it out. Nor is `overallResult`: the vendor does not say what it holds while a
    /// result is pending (`INCOMPLETE` would be a plausible placeholder), so a `FAIL` without
    /// an `errorCode` stays pending and the caller's polling deadline ends the wait.
    pub fn status(&self) -> ResultStatus {
        match &self.error_code {
            None => ResultStatus::Pending,
            Some(error_code) => ResultStatus::Final {
                overall_result: self
                    .overall_result
                    .clone()
                    .or_else(|| self.idv_result.clone())
                    .unwrap_or_else(|| OverallResult::Unknown(String::new())),
                error_code: error_code.clone(),
            },
        }
    }

    /// Whether the result is final (see [`GetResultData::status`]).
    pub fn is_final(&self) -> bool {
        self.error_code.is_some()
    }

    /// Whether the user passed: final, the verdict (see [`GetResultData::status`]) `PASS`
    /// and `errorCode` `SUCCESS`.
    ///
    /// Strict on purpose: a `PASS` whose error code says otherwise is not a pass, and
    /// neither is a `SUCCESS` code next to any other verdict.
    pub fn passed(&self) -> bool {
        matches!(
            self.status(),
            ResultStatus::Final {
                overall_result: OverallResult::Pass,
                error_code: ErrorCode::Success
            }
        )
    }

    /// What a caller can do about this result; `None` while it is pending.
    ///
    /// Use this rather than `error_code.category()`: when the verdict and the code disagree
    /// (`SUCCESS` next to a verdict that is not `PASS`), this says
    /// [`ErrorCategory::NeedsReview`], never [`ErrorCategory::Passed`].
    pub fn category(&self) -> Option<ErrorCategory> {
        match self.status() {
            ResultStatus::Pending => None,
            ResultStatus::Final { error_code, .. } => {
                Some(verdict_category(self.passed(), &error_code))
            }
        }
    }
}

wire_record! {
    /// `inputParameters`: the echo of the Generate URL input. Fields other than `region`
    /// and `numberType` are kept in `unknown_fields`.
    #[derive(Debug)]
    pub struct InputParameters {
        /// The region asked for.
        "region" => pub region: String,
        /// The ID type asked for.
        "numberType" => pub number_type: String,
    }
    absent = skip
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pending_until_error_code_is_set() {
        let mut data = GetResultData::default();
        assert_eq!(data.status(), ResultStatus::Pending);
        assert!(!data.is_final() && !data.passed());
        data.idv_result = Some(OverallResult::Fail);
        data.error_code = Some(ErrorCode::LivenessAttack);
        assert_eq!(
            data.status(),
            ResultStatus::Final {
                overall_result: OverallResult::Fail,
                error_code: ErrorCode::LivenessAttack
            }
        );
        data.overall_result = Some(OverallResult::Pass);
        assert!(
            data.is_final() && !data.passed(),
            "PASS with a failure code is not a pass"
        );
        data.error_code = Some(ErrorCode::Success);
        assert!(data.passed());
    }

    #[test]
    fn get_result_request_needs_an_id() {
        assert_eq!(
            GetResultRequest::new("").validate(),
            Err(InvalidRequest::SignatureIdMissing)
        );
        let mut request = GetResultRequest::new("f302f5d2454a85c2");
        request.return_image_type = Some(ReturnImageType::Base64);
        assert_eq!(request.validate(), Ok(()));
        assert_eq!(
            request.to_json(),
            br#"{"signatureId":"f302f5d2454a85c2","returnImageType":"BASE64"}"#
        );
    }
}
