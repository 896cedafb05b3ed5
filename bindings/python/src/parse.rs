//! Parsing bodies without a client, for callers with their own HTTP stack and for the
//! vendor's callbacks: the reading the client itself does. A failure is judged as one of
//! the endpoint whose body was read, as the C ABI's `advanceai_parse_*` judge it.

use advanceai_transport::{
    Envelope, Error, GetResultRequest, IdNumberVerificationRequest, Idempotency, Operation,
    ParseError, parse_callback as core_parse_callback, parse_get_result_response,
    parse_verification_response,
};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

use crate::errors::to_py_err;
use crate::results::{PyCallbackNotification, PyGetResultData, PyVerificationData};

/// A `SUCCESS` envelope's data, or the failure the client would raise for it.
fn data<T>(parsed: Result<Envelope<T>, ParseError>) -> Result<T, Error> {
    Ok(parsed.map_err(Error::Parse)?.into_data()?)
}

/// Runs `parse` on the bytes of `body` (`bytes`, or `str` as UTF-8).
fn parse_body<T>(
    body: &Bound<'_, PyAny>,
    idempotency: Idempotency,
    parse: impl FnOnce(&[u8]) -> Result<T, Error>,
) -> PyResult<T> {
    let py = body.py();
    let text;
    let bytes = if let Ok(bytes) = body.cast::<PyBytes>() {
        bytes.as_bytes()
    } else if let Ok(string) = body.cast::<PyString>() {
        text = string.to_cow()?;
        text.as_bytes()
    } else {
        return Err(PyTypeError::new_err("the body must be bytes or str"));
    };
    parse(bytes).map_err(|error| to_py_err(py, &error, idempotency))
}

/// Parses a Get Result response body into its `data`: `ApiError` for a code other than
/// `SUCCESS`, `ParseError` for a body that cannot be read (judged as Get Result's).
#[pyfunction]
pub(crate) fn parse_get_result(body: &Bound<'_, PyAny>) -> PyResult<PyGetResultData> {
    let idempotency = GetResultRequest::DESCRIPTOR.idempotency;
    parse_body(body, idempotency, |b| data(parse_get_result_response(b))).map(PyGetResultData)
}

/// Parses a database verification response body into its `data`, as `parse_get_result`
/// does (failures judged as database verification's: billable).
#[pyfunction]
pub(crate) fn parse_verification(body: &Bound<'_, PyAny>) -> PyResult<PyVerificationData> {
    let idempotency = IdNumberVerificationRequest::DESCRIPTOR.idempotency;
    parse_body(body, idempotency, |b| data(parse_verification_response(b))).map(PyVerificationData)
}

/// Parses what the vendor posts to a `callbackUrl` (not an envelope); `ParseError` for a
/// body that cannot be read. A `type` this version does not know is kept as sent.
#[pyfunction]
pub(crate) fn parse_callback(body: &Bound<'_, PyAny>) -> PyResult<PyCallbackNotification> {
    let idempotency = GetResultRequest::DESCRIPTOR.idempotency;
    parse_body(body, idempotency, |b| {
        core_parse_callback(b).map_err(Error::Parse)
    })
    .map(PyCallbackNotification)
}
