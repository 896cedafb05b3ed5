//! The requests a caller builds: immutable, validated by `advanceai-core` (never here), and
//! printed with the core's redacting `Debug` (ID numbers and names never show).

use advanceai_transport::{
    ColorScheme, GenerateUrlRequest, GetResultRequest, IdNumberVerificationRequest, Idempotency,
    InvalidRequest, Operation, Pii, ReturnImageType,
};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::errors::to_py_err;

/// A local refusal as the client would raise it: `InvalidInput` with the server's code and
/// message, judged as a refusal of the operation `O`.
pub(crate) fn invalid<O: Operation>(py: Python<'_>, problem: InvalidRequest) -> PyErr {
    to_py_err(
        py,
        &advanceai_transport::Error::InvalidInput(problem),
        O::DESCRIPTOR.idempotency,
    )
}

/// A database verification request (billable when sent).
#[pyclass(frozen, eq, module = "advanceai", name = "IdNumberVerificationRequest")]
#[derive(Clone, PartialEq)]
pub(crate) struct PyIdNumberVerificationRequest(pub(crate) IdNumberVerificationRequest);

#[pymethods]
impl PyIdNumberVerificationRequest {
    #[new]
    fn new(
        biz_id: String,
        user_id: String,
        region: String,
        number_type: String,
        number_value: String,
    ) -> Self {
        Self(IdNumberVerificationRequest::new(
            biz_id,
            user_id,
            region,
            number_type,
            number_value,
        ))
    }

    /// Raises `InvalidInput` (the server's code and message) unless the server's rules
    /// accept this request; nothing is sent.
    fn validate(&self, py: Python<'_>) -> PyResult<()> {
        self.0
            .validate()
            .map_err(|problem| invalid::<IdNumberVerificationRequest>(py, problem))
    }

    /// The JSON body the client would send (it holds the ID number: do not log it).
    fn to_json<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, &self.0.to_json())
    }

    #[getter]
    fn biz_id(&self) -> &str {
        &self.0.biz_id
    }

    #[getter]
    fn user_id(&self) -> &str {
        &self.0.user_id
    }

    #[getter]
    fn region(&self) -> &str {
        &self.0.region
    }

    #[getter]
    fn number_type(&self) -> &str {
        &self.0.number_type
    }

    #[getter]
    fn number_value(&self) -> &str {
        self.0.number_value.expose()
    }

    fn __repr__(&self) -> String {
        format!("{:?}", self.0)
    }
}

/// An H5 Generate URL request (billable when sent).
#[pyclass(frozen, eq, module = "advanceai", name = "GenerateUrlRequest")]
#[derive(Clone, PartialEq)]
pub(crate) struct PyGenerateUrlRequest(pub(crate) GenerateUrlRequest);

#[pymethods]
impl PyGenerateUrlRequest {
    #[new]
    #[pyo3(signature = (
        biz_id, user_id, region, number_type, return_url, fail_return_url, *,
        number_value=None, full_name=None, gender=None, callback_url=None, language=None,
        prefers_color_scheme=None, ignore_fail_when_jump=None, biz_code=None,
        iframe_enabled=None,
    ))]
    #[allow(clippy::too_many_arguments)] // the vendor's fields, as keyword arguments
    fn new(
        biz_id: String,
        user_id: String,
        region: String,
        number_type: String,
        return_url: String,
        fail_return_url: String,
        number_value: Option<String>,
        full_name: Option<String>,
        gender: Option<String>,
        callback_url: Option<String>,
        language: Option<String>,
        prefers_color_scheme: Option<String>,
        ignore_fail_when_jump: Option<bool>,
        biz_code: Option<String>,
        iframe_enabled: Option<bool>,
    ) -> Self {
        let mut request = GenerateUrlRequest::new(
            biz_id,
            user_id,
            region,
            number_type,
            return_url,
            fail_return_url,
        );
        request.number_value = number_value.map(Pii::new);
        request.full_name = full_name.map(Pii::new);
        request.gender = gender;
        request.callback_url = callback_url;
        request.language = language;
        // An undocumented scheme is kept, for validate() to refuse with the server's message.
        request.prefers_color_scheme = prefers_color_scheme.as_deref().map(ColorScheme::from_wire);
        request.ignore_fail_when_jump = ignore_fail_when_jump;
        request.biz_code = biz_code;
        request.iframe_enabled = iframe_enabled;
        Self(request)
    }

    /// Raises `InvalidInput` (the server's code and message) unless the server's rules
    /// accept this request; nothing is sent.
    fn validate(&self, py: Python<'_>) -> PyResult<()> {
        self.0
            .validate()
            .map_err(|problem| invalid::<GenerateUrlRequest>(py, problem))
    }

    /// The JSON body the client would send (it may hold an ID number and a name).
    fn to_json<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, &self.0.to_json())
    }

    #[getter]
    fn biz_id(&self) -> &str {
        &self.0.biz_id
    }

    #[getter]
    fn user_id(&self) -> &str {
        &self.0.user_id
    }

    #[getter]
    fn region(&self) -> &str {
        &self.0.region
    }

    #[getter]
    fn number_type(&self) -> Option<&str> {
        self.0.number_type.as_deref()
    }

    #[getter]
    fn return_url(&self) -> &str {
        &self.0.return_url
    }

    #[getter]
    fn fail_return_url(&self) -> &str {
        &self.0.fail_return_url
    }

    #[getter]
    fn number_value(&self) -> Option<&str> {
        self.0.number_value.as_ref().map(Pii::expose)
    }

    #[getter]
    fn full_name(&self) -> Option<&str> {
        self.0.full_name.as_ref().map(Pii::expose)
    }

    #[getter]
    fn gender(&self) -> Option<&str> {
        self.0.gender.as_deref()
    }

    #[getter]
    fn callback_url(&self) -> Option<&str> {
        self.0.callback_url.as_deref()
    }

    #[getter]
    fn language(&self) -> Option<&str> {
        self.0.language.as_deref()
    }

    #[getter]
    fn prefers_color_scheme(&self) -> Option<&str> {
        self.0
            .prefers_color_scheme
            .as_ref()
            .map(ColorScheme::as_str)
    }

    #[getter]
    fn ignore_fail_when_jump(&self) -> Option<bool> {
        self.0.ignore_fail_when_jump
    }

    #[getter]
    fn biz_code(&self) -> Option<&str> {
        self.0.biz_code.as_deref()
    }

    #[getter]
    fn iframe_enabled(&self) -> Option<bool> {
        self.0.iframe_enabled
    }

    fn __repr__(&self) -> String {
        format!("{:?}", self.0)
    }
}

/// An H5 Get Result request (idempotent), for a `returnImageType`; a plain `signatureId`
/// string does for the rest.
#[pyclass(frozen, eq, module = "advanceai", name = "GetResultRequest")]
#[derive(Clone, PartialEq)]
pub(crate) struct PyGetResultRequest(pub(crate) GetResultRequest);

#[pymethods]
impl PyGetResultRequest {
    #[new]
    #[pyo3(signature = (signature_id, *, return_image_type=None))]
    fn new(signature_id: String, return_image_type: Option<String>) -> Self {
        let mut request = GetResultRequest::new(signature_id);
        request.return_image_type = return_image_type.as_deref().map(ReturnImageType::from_wire);
        Self(request)
    }

    /// Raises `InvalidInput` for an empty `signatureId`; nothing is sent.
    fn validate(&self, py: Python<'_>) -> PyResult<()> {
        self.0
            .validate()
            .map_err(|problem| invalid::<GetResultRequest>(py, problem))
    }

    /// The JSON body the client would send.
    fn to_json<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, &self.0.to_json())
    }

    #[getter]
    fn signature_id(&self) -> &str {
        &self.0.signature_id
    }

    #[getter]
    fn return_image_type(&self) -> Option<&str> {
        self.0
            .return_image_type
            .as_ref()
            .map(ReturnImageType::as_str)
    }

    fn __repr__(&self) -> String {
        format!("{:?}", self.0)
    }
}

/// A Get Result request from a `signatureId` string or a `GetResultRequest`.
pub(crate) fn get_result_request(request: &Bound<'_, PyAny>) -> PyResult<GetResultRequest> {
    if let Ok(request) = request.cast::<PyGetResultRequest>() {
        return Ok(request.get().0.clone());
    }
    match request.extract::<String>() {
        Ok(signature_id) => Ok(GetResultRequest::new(signature_id)),
        Err(_) => Err(PyTypeError::new_err(
            "expected a signatureId (str) or an advanceai.GetResultRequest",
        )),
    }
}

/// `advanceai.validate(request)`: raises `InvalidInput` (the server's code and message)
/// unless the server's rules accept the request; nothing is sent. Needs no client.
#[pyfunction]
pub(crate) fn validate(py: Python<'_>, request: &Bound<'_, PyAny>) -> PyResult<()> {
    if let Ok(request) = request.cast::<PyIdNumberVerificationRequest>() {
        return request.get().validate(py);
    }
    if let Ok(request) = request.cast::<PyGenerateUrlRequest>() {
        return request.get().validate(py);
    }
    if let Ok(request) = request.cast::<PyGetResultRequest>() {
        return request.get().validate(py);
    }
    Err(PyTypeError::new_err(
        "expected an IdNumberVerificationRequest, a GenerateUrlRequest or a GetResultRequest",
    ))
}

/// The idempotency a failed Get Result is judged with.
pub(crate) const GET_RESULT: Idempotency = GetResultRequest::DESCRIPTOR.idempotency;
