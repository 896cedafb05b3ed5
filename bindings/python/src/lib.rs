//! The `advanceai` Python package: the ADVANCE.AI identity-verification client for Python,
//! built on `advanceai-transport` (not on the C ABI), as one abi3 extension module.
//!
//! Nothing is decided here: validation, parsing, retries, redaction and the verdict on a
//! failure are the Rust crates'; this crate converts values and errors, and releases the
//! GIL around every network call. The Python API is described by `advanceai.pyi`.
#![allow(unsafe_code)] // the pyo3 macros expand to FFI glue; this crate writes no unsafe code

#[macro_use]
mod record;

mod client;
mod config;
mod errors;
mod parse;
mod person;
mod requests;
mod results;
mod sandbox;

use pyo3::prelude::*;

/// The ADVANCE.AI identity-verification client: database verification of ID numbers, the
/// hosted H5 flow, and an offline sandbox.
#[pymodule(name = "advanceai")]
mod advanceai_module {
    use pyo3::prelude::*;

    #[pymodule_export]
    use crate::client::PyClient;
    #[pymodule_export]
    use crate::parse::{parse_callback, parse_get_result, parse_verification};
    #[pymodule_export]
    use crate::person::{PyAddress, PyNumberTypeInfo, PyPersonRecord, PyPersonVerification};
    #[pymodule_export]
    use crate::requests::{
        PyGenerateUrlRequest, PyGetResultRequest, PyIdNumberVerificationRequest, validate,
    };
    #[pymodule_export]
    use crate::results::{
        PyAccessToken, PyCallbackNotification, PyFaceDetail, PyGenerateUrlData, PyGetResultData,
        PyHealthData, PyInputParameters, PyVerificationData,
    };
    #[pymodule_export]
    use crate::sandbox::PySandbox;

    #[pymodule_init]
    fn init(module: &Bound<'_, PyModule>) -> PyResult<()> {
        module.add("__version__", env!("CARGO_PKG_VERSION"))?;
        crate::errors::register(module)
    }
}
