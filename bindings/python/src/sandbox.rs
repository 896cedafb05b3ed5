//! `advanceai.Sandbox`: the embedded offline emulator (`advanceai-sandbox`), for tests and
//! notebooks. It serves on a free loopback port from the moment it is made until
//! `close()` (or the end of its `with` block).
//!
//! Its helpers (`complete`, `set_health`) post to the sandbox's own endpoints
//! (`/sandbox/complete`, `/sandbox/health`), as any other test would.

use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use advanceai_sandbox::{OUTCOME_BY_NUMBER, RunningSandbox, Sandbox, SandboxConfig, TEST_NUMBERS};
use advanceai_transport::{
    ClientConfig, Endpoint, Error, ErrorKind, Idempotency, ProxySetting, parse_envelope,
};
use pyo3::exceptions::{PyConnectionError, PyOSError, PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use serde_json::{Value, json};

use crate::client::PyClient;
use crate::config::{self, seconds};
use crate::errors::to_py_err;
use crate::record::to_python;

/// A running sandbox: `base_url`, `access_key` and `secret_key` are what a client needs.
#[pyclass(frozen, module = "advanceai", name = "Sandbox")]
pub(crate) struct PySandbox {
    running: Mutex<Option<RunningSandbox>>,
    base_url: String,
    access_key: String,
    secret_key: String,
    agent: ureq::Agent,
}

impl PySandbox {
    fn lock(&self) -> MutexGuard<'_, Option<RunningSandbox>> {
        self.running.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Posts `body` to one of the sandbox's own endpoints and returns the answer's `data`;
    /// an answer other than `SUCCESS` raises `ApiError` with the sandbox's code and message.
    fn post<'py>(&self, py: Python<'py>, path: &str, body: &Value) -> PyResult<Bound<'py, PyAny>> {
        if self.lock().is_none() {
            return Err(PyRuntimeError::new_err("the sandbox is closed"));
        }
        let url = format!("{}{path}", self.base_url);
        let body = body.to_string();
        let answer = py.detach(|| -> Result<Vec<u8>, ureq::Error> {
            self.agent
                .post(&url)
                .header("Content-Type", "application/json")
                .send(body.as_str())?
                .body_mut()
                .read_to_vec()
        });
        let bytes = answer.map_err(|error| PyConnectionError::new_err(error.to_string()))?;
        let data = parse_envelope::<Value>(&bytes)
            .map_err(Error::Parse)
            .and_then(|envelope| envelope.into_data().map_err(Error::from))
            .map_err(|error| to_py_err(py, &error, Idempotency::Idempotent))?;
        to_python(py, &data)
    }
}

#[pymethods]
impl PySandbox {
    /// Starts a sandbox on a free loopback port (default credentials `sandbox-access-key`
    /// / `sandbox-secret-key`). `user_timeout` (seconds, default one hour) is how long an H5
    /// transaction may stay unfinished before Get Result answers `USER_TIMEOUT`.
    #[new]
    #[pyo3(signature = (*, access_key=None, secret_key=None, user_timeout=None))]
    fn new(
        py: Python<'_>,
        access_key: Option<&str>,
        secret_key: Option<&str>,
        user_timeout: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let mut config = SandboxConfig::default();
        if access_key.is_some() || secret_key.is_some() {
            let access = access_key.unwrap_or(config.access_key.expose()).to_owned();
            let secret = secret_key.unwrap_or(config.secret_key.expose()).to_owned();
            config = config.with_credentials(&access, &secret);
        }
        if let Some(timeout) = user_timeout {
            let timeout = seconds(py, "user_timeout", timeout, ErrorKind::Config)?;
            config = config.with_user_timeout(timeout);
        }
        let access_key = config.access_key.expose().to_owned();
        let secret_key = config.secret_key.expose().to_owned();
        let running = py
            .detach(|| Sandbox::start(config))
            .map_err(|error| PyOSError::new_err(error.to_string()))?;
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(10)))
            .proxy(None)
            .build()
            .new_agent();
        Ok(Self {
            base_url: running.base_url().to_owned(),
            running: Mutex::new(Some(running)),
            access_key,
            secret_key,
            agent,
        })
    }

    /// `http://127.0.0.1:<port>`: the base URL to give a client.
    #[getter]
    fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The access key the sandbox accepts.
    #[getter]
    fn access_key(&self) -> &str {
        &self.access_key
    }

    /// The secret key the sandbox accepts.
    #[getter]
    fn secret_key(&self) -> &str {
        &self.secret_key
    }

    /// A client for this sandbox (no proxy: the sandbox is on loopback), with any other
    /// `Client` settings.
    #[pyo3(signature = (**settings))]
    fn client(&self, py: Python<'_>, settings: Option<&Bound<'_, PyDict>>) -> PyResult<PyClient> {
        let builder = ClientConfig::builder()
            .credentials(self.access_key.as_str(), self.secret_key.as_str())
            .base_url(self.base_url.as_str())
            .proxy(ProxySetting::None);
        PyClient::build(py, config::apply(py, builder, settings)?)
    }

    /// Finishes an H5 transaction as the user would on its page: `outcome` is `PASS`, an
    /// `errorCode` of the Get Result page (`LIVENESS_ATTACK`, `USER_TIMEOUT`...) or
    /// `OUTCOME_BY_NUMBER`; `number_value`, `full_name` and `gender` are what the page asks
    /// for when Generate URL left them out. Returns the sandbox's answer (`signatureId`,
    /// `overallResult`, `errorCode`, `redirectUrl`).
    #[pyo3(signature = (signature_id, outcome="PASS", *, number_value=None, full_name=None, gender=None))]
    fn complete<'py>(
        &self,
        py: Python<'py>,
        signature_id: &str,
        outcome: &str,
        number_value: Option<&str>,
        full_name: Option<&str>,
        gender: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let mut body = json!({ "signatureId": signature_id, "outcome": outcome });
        for (name, value) in [
            ("numberValue", number_value),
            ("fullName", full_name),
            ("gender", gender),
        ] {
            if let (Some(value), Some(object)) = (value, body.as_object_mut()) {
                object.insert(name.to_owned(), json!(value));
            }
        }
        self.post(py, "/sandbox/complete", &body)
    }

    /// Sets the status Health Status reports for `number_type` (`unstable`, or any text).
    fn set_health(&self, py: Python<'_>, number_type: &str, status: &str) -> PyResult<()> {
        let body = json!({ "numberType": number_type, "status": status });
        self.post(py, "/sandbox/health", &body).map(drop)
    }

    /// How many requests reached an endpoint (`token`, `id_number_verification`,
    /// `generate_url`, `get_result`, `health_status`, `clear_data`), refusals and faults
    /// included: what a client did or did not send.
    fn request_count(&self, endpoint: &str) -> PyResult<u64> {
        let found = Endpoint::ALL
            .iter()
            .find(|known| known.descriptor().name == endpoint);
        let Some(endpoint) = found else {
            let names: Vec<&str> = Endpoint::ALL.iter().map(|e| e.descriptor().name).collect();
            return Err(PyValueError::new_err(format!(
                "unknown endpoint {endpoint:?}: one of {}",
                names.join(", ")
            )));
        };
        match self.lock().as_ref() {
            Some(running) => Ok(running.request_count(*endpoint)),
            None => Err(PyRuntimeError::new_err("the sandbox is closed")),
        }
    }

    /// The `outcome` of `complete()` that finishes a transaction as its number says (the
    /// page's "As the number says"): the outcome of its row of `test_numbers()`, or a pass.
    #[classattr]
    const OUTCOME_BY_NUMBER: &'static str = OUTCOME_BY_NUMBER;

    /// The sandbox's test numbers, one row per outcome of Get Result's errorCode table, from
    /// its own table: `overall_result`, `error_code` (as Get Result spells it),
    /// `database_verification` (whether database verification answers it too; its other
    /// numbers pass there) and `numbers` (`numberType` → the number in that market).
    #[staticmethod]
    fn test_numbers(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
        let rows: Vec<Value> = TEST_NUMBERS
            .iter()
            .map(|row| {
                let numbers: serde_json::Map<String, Value> = row
                    .numbers
                    .iter()
                    .map(|(number_type, number)| ((*number_type).to_owned(), json!(number)))
                    .collect();
                json!({
                    "overall_result": row.overall_result,
                    "error_code": row.error_code,
                    "database_verification": row.database_verification,
                    "numbers": numbers,
                })
            })
            .collect();
        to_python(py, &rows)
    }

    /// Stops the sandbox (idempotent): open requests get up to two seconds to finish.
    fn close(&self, py: Python<'_>) {
        let running = self.lock().take();
        if let Some(running) = running {
            py.detach(|| running.shutdown());
        }
    }

    fn __enter__(slf: Bound<'_, Self>) -> Bound<'_, Self> {
        slf
    }

    #[pyo3(signature = (*_exception))]
    fn __exit__(&self, py: Python<'_>, _exception: &Bound<'_, pyo3::types::PyTuple>) {
        self.close(py);
    }

    fn __repr__(&self) -> String {
        format!("advanceai.Sandbox(base_url={:?})", self.base_url)
    }
}
