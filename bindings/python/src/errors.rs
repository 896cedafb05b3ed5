//! The exceptions: one base class, `advanceai.Error`, and one subclass per
//! [`ErrorKind`], made from [`ErrorKind::ALL`] when the module is imported (no second list).
//!
//! A subclass's name is its kind's stable name in CamelCase (`API_ERROR` → `ApiError`,
//! `TIMEOUT` → `Timeout`). Every raised instance carries the transport's one verdict on the
//! failure ([`Error::disposition`] for the idempotency of the call that failed): nothing
//! here decides again.

use std::ffi::CString;

use advanceai_transport::{Disposition, Error, ErrorKind, Idempotency};
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyType};

/// The exception classes, made once per interpreter.
struct Classes {
    base: Py<PyType>,
    kinds: Vec<(ErrorKind, Py<PyType>)>,
}

static CLASSES: PyOnceLock<Classes> = PyOnceLock::new();

const BASE_DOC: &str = "Every failure of the advanceai package: one subclass per kind.

Attributes (the library's one verdict on the failure, for the call that failed):
kind, code, message, transaction_id, http_status, retryable, safe_to_resend,
may_have_been_processed, refuses_account, faults_the_request, deadline_reached,
clock_skew_ms. str(error) never holds a key, a token or person data.";

/// `API_ERROR` → `ApiError`: the class name of a kind.
pub(crate) fn class_name(kind: ErrorKind) -> String {
    kind.as_str()
        .split('_')
        .map(|word| {
            let mut chars = word.chars();
            match chars.next() {
                Some(first) => first.to_string() + &chars.as_str().to_ascii_lowercase(),
                None => String::new(),
            }
        })
        .collect()
}

fn c_string(text: String) -> PyResult<CString> {
    CString::new(text).map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))
}

fn build(py: Python<'_>) -> PyResult<Classes> {
    // What a hand-made instance (a test double: `raise advanceai.ApiError("boom")`) answers:
    // the conservative verdict, "may have been processed, do not resend".
    let defaults = PyDict::new(py);
    for (name, value) in [
        ("retryable", false),
        ("safe_to_resend", false),
        ("may_have_been_processed", true),
        ("refuses_account", false),
        ("faults_the_request", false),
        ("deadline_reached", false),
    ] {
        defaults.set_item(name, value)?;
    }
    for name in ["code", "transaction_id", "http_status", "clock_skew_ms"] {
        defaults.set_item(name, py.None())?;
    }
    defaults.set_item("message", "")?;
    let base = PyErr::new_type(
        py,
        &c_string("advanceai.Error".into())?,
        Some(&c_string(BASE_DOC.into())?),
        Some(&py.get_type::<PyException>()),
        // A second reference: pyo3 0.30's new_type drops the one it is given before the
        // call that reads the dict.
        Some(defaults.clone().into_any().unbind()),
    )?;
    let mut kinds = Vec::with_capacity(ErrorKind::ALL.len());
    for &kind in ErrorKind::ALL {
        let attributes = PyDict::new(py);
        attributes.set_item("kind", kind.as_str())?;
        let doc = format!(
            "A failure of kind {} (see advanceai.Error for its attributes).",
            kind.as_str()
        );
        let class = PyErr::new_type(
            py,
            &c_string(format!("advanceai.{}", class_name(kind)))?,
            Some(&c_string(doc)?),
            Some(base.bind(py)),
            Some(attributes.clone().into_any().unbind()),
        )?;
        kinds.push((kind, class));
    }
    Ok(Classes { base, kinds })
}

fn classes(py: Python<'_>) -> PyResult<&'static Classes> {
    CLASSES.get_or_try_init(py, || build(py))
}

/// Adds `Error` and one class per kind to the module.
pub(crate) fn register(module: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = module.py();
    let classes = classes(py)?;
    module.add("Error", classes.base.bind(py))?;
    for (kind, class) in &classes.kinds {
        module.add(class_name(*kind).as_str(), class.bind(py))?;
    }
    Ok(())
}

/// What an exception says, beyond the verdict.
struct Details<'a> {
    /// `str(error)`.
    display: String,
    /// The server's own message for an API error or a local refusal, else `display`.
    message: Option<&'a str>,
    code: Option<String>,
    transaction_id: Option<&'a str>,
    http_status: Option<u16>,
}

/// The Python exception for a failed call that is `idempotency`.
pub(crate) fn to_py_err(py: Python<'_>, error: &Error, idempotency: Idempotency) -> PyErr {
    let details = Details {
        display: error.to_string(),
        message: server_message(error),
        code: error.code().map(|code| code.as_str().to_owned()),
        transaction_id: error.transaction_id(),
        http_status: error.http_status(),
    };
    make(py, error.disposition(idempotency), &details, |instance| {
        instance.setattr("deadline_reached", error.deadline_reached())?;
        instance.setattr("clock_skew_ms", clock_skew_ms(error))?;
        set_extras(instance, innermost(error))
    })
    .unwrap_or_else(|failure| failure)
}

/// The exception for an argument this binding refuses itself, before the library sees it
/// (a negative timeout, a setting of the wrong kind): the library's verdict on a call
/// refused before sending ([`Disposition::refused_before_sending`]), with this message.
pub(crate) fn refused(py: Python<'_>, kind: ErrorKind, message: &str) -> PyErr {
    let details = Details {
        display: message.to_owned(),
        message: None,
        code: None,
        transaction_id: None,
        http_status: None,
    };
    let verdict = Disposition::refused_before_sending(kind);
    make(py, verdict, &details, |_| Ok(())).unwrap_or_else(|failure| failure)
}

/// Makes the instance of the kind's class; `Err` holds whatever went wrong making it.
fn make(
    py: Python<'_>,
    verdict: Disposition,
    details: &Details<'_>,
    extras: impl FnOnce(&Bound<'_, PyAny>) -> PyResult<()>,
) -> Result<PyErr, PyErr> {
    let classes = classes(py)?;
    let class = classes
        .kinds
        .iter()
        .find(|(kind, _)| *kind == verdict.kind)
        .map_or(&classes.base, |(_, class)| class);
    let instance = class.bind(py).call1((details.display.as_str(),))?;
    instance.setattr("kind", verdict.kind.as_str())?;
    instance.setattr("code", details.code.as_deref())?;
    instance.setattr(
        "message",
        details.message.unwrap_or(details.display.as_str()),
    )?;
    instance.setattr("transaction_id", details.transaction_id)?;
    instance.setattr("http_status", details.http_status)?;
    instance.setattr("retryable", verdict.retryable)?;
    instance.setattr("safe_to_resend", verdict.safe_to_resend)?;
    instance.setattr("may_have_been_processed", verdict.may_have_been_processed)?;
    instance.setattr("refuses_account", verdict.refuses_account)?;
    instance.setattr("faults_the_request", verdict.faults_the_request)?;
    extras(&instance)?;
    Ok(PyErr::from_value(instance))
}

/// The failure itself, out of its wrappers: a token fetch that failed
/// ([`Error::TokenUnavailable`]), a clock-skew refusal ([`Error::ClockSkew`], whose kind,
/// code and message are the token API's answer) and a call's deadline reached after a
/// request was sent ([`Error::DeadlineReached`], whose verdict is its last attempt's).
fn innermost(error: &Error) -> &Error {
    match error {
        Error::TokenUnavailable(inner) | Error::ClockSkew { refusal: inner, .. } => {
            innermost(inner)
        }
        Error::DeadlineReached {
            last: Some(last), ..
        } => innermost(last),
        other => other,
    }
}

/// How far the local clock is off the server's, in milliseconds, when the failure is (or
/// wraps) a [`Error::ClockSkew`] whose answer had a `Date` header.
fn clock_skew_ms(error: &Error) -> Option<i64> {
    match error {
        Error::ClockSkew { skew_ms, .. } => *skew_ms,
        Error::TokenUnavailable(inner) => clock_skew_ms(inner),
        Error::DeadlineReached { last, .. } => last.as_deref().and_then(clock_skew_ms),
        _ => None,
    }
}

/// The server's own message: an API error's, or a local refusal's (the message the server
/// would have answered with).
fn server_message(error: &Error) -> Option<&str> {
    match innermost(error) {
        Error::Api { message, .. } => Some(message),
        Error::InvalidInput(problem) => Some(problem.message()),
        _ => None,
    }
}

/// The fields only some kinds have, as the Rust error holds them.
fn set_extras(instance: &Bound<'_, PyAny>, error: &Error) -> PyResult<()> {
    match error {
        Error::InvalidInput(problem) => instance.setattr("field", problem.field()),
        Error::UnexpectedResponse {
            content_type,
            excerpt,
            ..
        } => {
            instance.setattr("content_type", content_type.as_deref())?;
            instance.setattr("excerpt", excerpt.as_deref())
        }
        Error::Parse(parse) => {
            instance.setattr("line", parse.line())?;
            instance.setattr("column", parse.column())?;
            instance.setattr("path", parse.path())
        }
        Error::ResponseTooLarge { limit } => instance.setattr("limit", *limit),
        Error::ResultPending { waited } => instance.setattr("waited", waited.as_secs_f64()),
        _ => Ok(()),
    }
}
