//! What the calls return: the core's parsed values, field for field (see `record!`), with
//! the core's verdicts (`passed`, `is_final`, `category`, `can_start`) read, never decided
//! here.

use advanceai_transport::{
    AccessToken, CallbackNotification, FaceDetail, GenerateUrlData, GetResultData, HealthData,
    InputParameters, VerificationData,
};
use pyo3::prelude::*;

use crate::person::PyPersonRecord;

record! {
    /// The `data` of a database verification answer.
    PyVerificationData(VerificationData) as "VerificationData" {
        text { signature_id }
        wire { overall_result, error_code }
        nested { doc_database_detail: PyPersonRecord }
    }

    /// Whether the ID passed: `overallResult` `PASS` and the pass code, both.
    #[getter]
    fn passed(&self) -> bool {
        self.0.passed()
    }

    /// What to do about the outcome (`passed`, `user_can_retry`, `needs_review`,
    /// `retry_later`); `None` without an `errorCode`.
    #[getter]
    fn category(&self) -> Option<&'static str> {
        self.0.category().map(|category| category.as_str())
    }
}

record! {
    /// The `data` of an H5 Get Result answer; pending until `is_final`.
    PyGetResultData(GetResultData) as "GetResultData" {
        text { signature_id, country_code_iso3 }
        wire { overall_result, idv_result, error_code }
        flag { submission_completed }
        nested {
            doc_database_detail: PyPersonRecord,
            face_detail: PyFaceDetail,
            input_parameters: PyInputParameters,
        }
    }

    /// Whether the result is final (`errorCode` is not null); poll again while it is not.
    #[getter]
    fn is_final(&self) -> bool {
        self.0.is_final()
    }

    /// Whether the user passed: final, verdict `PASS` and `errorCode` `SUCCESS`.
    #[getter]
    fn passed(&self) -> bool {
        self.0.passed()
    }

    /// What to do about the result; `None` while it is pending.
    #[getter]
    fn category(&self) -> Option<&'static str> {
        self.0.category().map(|category| category.as_str())
    }
}

record! {
    /// `faceDetail`: the liveness and face-match outcome.
    PyFaceDetail(FaceDetail) as "FaceDetail" {
        wire { face_result }
        score { face_liveness_score, face_similarity_score }
    }
}

record! {
    /// `inputParameters`: the echo of the Generate URL input.
    PyInputParameters(InputParameters) as "InputParameters" {
        text { region, number_type }
    }
}

record! {
    /// The `data` of a Generate URL answer: send the user to `url`.
    PyGenerateUrlData(GenerateUrlData) as "GenerateUrlData" {
        text { signature_id, url }
        millis { expired_time }
    }
}

record! {
    /// The `data` of a Health Status answer.
    PyHealthData(HealthData) as "HealthData" {
        text { number_type }
        wire { status }
    }

    /// Whether to start a verification now: `True` only for the status `health`.
    #[getter]
    fn can_start(&self) -> bool {
        self.0.can_start()
    }
}

record! {
    /// What the vendor posts to a `callbackUrl`: a hint to call Get Result.
    PyCallbackNotification(CallbackNotification) as "CallbackNotification" {
        text { signature_id }
        wire { kind }
    }
}

/// An access token and its expiry. `repr()` and `str()` never show the token.
#[pyclass(frozen, module = "advanceai", name = "AccessToken")]
pub(crate) struct PyAccessToken(pub(crate) AccessToken);

#[pymethods]
impl PyAccessToken {
    /// The token, for the `X-ACCESS-TOKEN` header: a credential, never log it.
    #[getter]
    fn token(&self) -> &str {
        self.0.token.expose()
    }

    /// When the token stops working: the server's `expiredTime`, epoch milliseconds.
    #[getter]
    fn expired_time(&self) -> u64 {
        self.0.expired_time
    }

    fn __repr__(&self) -> String {
        format!("{:?}", self.0)
    }

    fn __str__(&self) -> String {
        self.__repr__()
    }
}
