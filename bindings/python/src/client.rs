//! `advanceai.Client`: the transport's `Client`, with the GIL released for every call.
//!
//! One client may be shared by any number of threads: each call clones the transport
//! client (one `Arc`: the same connection pool and token cache) and runs detached from
//! the interpreter, so other Python threads run meanwhile. `close()` drops this object's
//! handle; calls already running finish on theirs.

use std::sync::{Mutex, MutexGuard, PoisonError};

use advanceai_transport::{
    ClearDataRequest, Client, ClientConfig, ClientConfigBuilder, ConfigError, Endpoint, Error,
    ErrorKind, GenerateUrlRequest, HealthRequest, IdNumberVerificationRequest, Idempotency,
    Operation, WaitOptions,
};
use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::config::{self, seconds};
use crate::errors::to_py_err;
use crate::requests::{
    GET_RESULT, PyGenerateUrlRequest, PyIdNumberVerificationRequest, get_result_request,
};
use crate::results::{
    PyAccessToken, PyGenerateUrlData, PyGetResultData, PyHealthData, PyVerificationData,
};

/// The ADVANCE.AI client: thread-safe, one connection pool and one token cache.
#[pyclass(frozen, module = "advanceai", name = "Client")]
pub(crate) struct PyClient {
    client: Mutex<Option<Client>>,
    base_url: String,
}

impl PyClient {
    pub(crate) fn build(py: Python<'_>, builder: ClientConfigBuilder) -> PyResult<Self> {
        let config = builder
            .build()
            .map_err(|error| to_py_err(py, &Error::Config(error), Idempotency::Idempotent))?;
        Ok(Self::wrap(Client::new(config)))
    }

    fn wrap(client: Client) -> Self {
        Self {
            base_url: client.config().base_url().to_owned(),
            client: Mutex::new(Some(client)),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Option<Client>> {
        self.client.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// A handle on the transport client, or `RuntimeError` once closed.
    fn handle(&self) -> PyResult<Client> {
        self.lock()
            .clone()
            .ok_or_else(|| PyRuntimeError::new_err("the client is closed"))
    }

    /// Runs `call` with the GIL released; a failure is judged as one of a call that is
    /// `idempotency`.
    fn run<T: Send>(
        &self,
        py: Python<'_>,
        idempotency: Idempotency,
        call: impl FnOnce(&Client) -> Result<T, Error> + Send,
    ) -> PyResult<T> {
        let client = self.handle()?;
        py.detach(move || call(&client))
            .map_err(|error| to_py_err(py, &error, idempotency))
    }
}

#[pymethods]
impl PyClient {
    #[new]
    #[pyo3(signature = (*, access_key, secret_key, **settings))]
    fn new(
        py: Python<'_>,
        access_key: String,
        secret_key: String,
        settings: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Self> {
        let builder = ClientConfig::builder().credentials(access_key, secret_key);
        Self::build(py, config::apply(py, builder, settings)?)
    }

    /// A client from `ADVANCEAI_ACCESS_KEY`, `ADVANCEAI_SECRET_KEY` and `ADVANCEAI_BASE_URL`
    /// (default `https://sg-api.advance.ai`), with the other settings given here.
    #[staticmethod]
    #[pyo3(signature = (**settings))]
    fn from_env(py: Python<'_>, settings: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
        let builder = ClientConfigBuilder::from_env()
            .map_err(|error| to_py_err(py, &Error::Config(error), Idempotency::Idempotent))?;
        Self::build(py, config::apply(py, builder, settings)?)
    }

    /// A client sharing this one's pool and token whose calls use `timeout` (seconds)
    /// instead of the configured request timeout.
    fn with_timeout(&self, py: Python<'_>, timeout: &Bound<'_, PyAny>) -> PyResult<Self> {
        let timeout = seconds(py, "timeout", timeout, ErrorKind::Config)?;
        Ok(Self::wrap(self.handle()?.with_timeout(timeout)))
    }

    /// A client sharing this one's pool and token whose calls each end within `deadline`
    /// (seconds), retries, pauses and token fetch included.
    fn with_deadline(&self, py: Python<'_>, deadline: &Bound<'_, PyAny>) -> PyResult<Self> {
        let deadline = seconds(py, "deadline", deadline, ErrorKind::Config)?;
        if deadline.is_zero() {
            // As the configuration's builder refuses it.
            let error = Error::Config(ConfigError::ZeroTimeout("deadline"));
            return Err(to_py_err(py, &error, Idempotency::Idempotent));
        }
        Ok(Self::wrap(self.handle()?.with_deadline(deadline)))
    }

    /// The current access token and its expiry, fetched or refreshed if needed.
    fn token(&self, py: Python<'_>) -> PyResult<PyAccessToken> {
        let idempotency = Endpoint::Token.descriptor().idempotency;
        self.run(py, idempotency, Client::access_token)
            .map(PyAccessToken)
    }

    /// Database ID-number verification: validated first, then sent. Billable: never resent
    /// once it may have reached the server (see `may_have_been_processed`).
    fn verify_id_number(
        &self,
        py: Python<'_>,
        request: &Bound<'_, PyIdNumberVerificationRequest>,
    ) -> PyResult<PyVerificationData> {
        let request = &request.get().0;
        let idempotency = IdNumberVerificationRequest::DESCRIPTOR.idempotency;
        self.run(py, idempotency, |client| client.verify_id_number(request))
            .map(PyVerificationData)
    }

    /// H5 Generate URL: validated first, then sent. Billable, like `verify_id_number`.
    fn generate_url(
        &self,
        py: Python<'_>,
        request: &Bound<'_, PyGenerateUrlRequest>,
    ) -> PyResult<PyGenerateUrlData> {
        let request = &request.get().0;
        let idempotency = GenerateUrlRequest::DESCRIPTOR.idempotency;
        self.run(py, idempotency, |client| client.generate_url(request))
            .map(PyGenerateUrlData)
    }

    /// H5 Get Result of a `signatureId` (or a `GetResultRequest`); a pending result is
    /// returned, not raised (see `is_final`). Idempotent: retried on transient failures.
    fn get_result(&self, py: Python<'_>, request: &Bound<'_, PyAny>) -> PyResult<PyGetResultData> {
        let request = get_result_request(request)?;
        self.run(py, GET_RESULT, |client| client.get_result(&request))
            .map(PyGetResultData)
    }

    /// Polls Get Result until the result is final, pausing from `initial_interval` up to
    /// `max_interval` seconds (defaults 1 and 10); `ResultPending` after `timeout` seconds.
    #[pyo3(signature = (request, *, timeout, initial_interval=None, max_interval=None))]
    fn wait_for_result(
        &self,
        py: Python<'_>,
        request: &Bound<'_, PyAny>,
        timeout: &Bound<'_, PyAny>,
        initial_interval: Option<&Bound<'_, PyAny>>,
        max_interval: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyGetResultData> {
        let request = get_result_request(request)?;
        let interval = |name, value: Option<&Bound<'_, PyAny>>| {
            value
                .map(|value| seconds(py, name, value, ErrorKind::InvalidInput))
                .transpose()
        };
        let mut options =
            WaitOptions::new(seconds(py, "timeout", timeout, ErrorKind::InvalidInput)?);
        let initial = interval("initial_interval", initial_interval)?;
        let max = interval("max_interval", max_interval)?;
        if initial.is_some() || max.is_some() {
            options = options.clone().with_intervals(
                initial.unwrap_or(options.initial_interval),
                max.unwrap_or(options.max_interval),
            );
        }
        self.run(py, GET_RESULT, |client| client.wait_for(&request, options))
            .map(PyGetResultData)
    }

    /// Non-Doc Health Status of a numberType in the Health vocabulary (`NG_BVN`).
    fn health(&self, py: Python<'_>, number_type: &str) -> PyResult<PyHealthData> {
        let idempotency = HealthRequest::DESCRIPTOR.idempotency;
        self.run(py, idempotency, |client| client.health(number_type))
            .map(PyHealthData)
    }

    /// Clear Data: deletes a finished transaction's personal data at the vendor.
    fn clear_data(&self, py: Python<'_>, signature_id: &str) -> PyResult<()> {
        let idempotency = ClearDataRequest::DESCRIPTOR.idempotency;
        self.run(py, idempotency, |client| client.clear_data(signature_id))
    }

    /// The base URL calls go to.
    #[getter]
    fn base_url(&self) -> &str {
        &self.base_url
    }

    /// Whether `close()` was called.
    #[getter]
    fn closed(&self) -> bool {
        self.lock().is_none()
    }

    /// Lets go of the connection pool and the token (idempotent); later calls raise
    /// `RuntimeError`. Calls already running finish.
    fn close(&self) {
        let client = self.lock().take();
        drop(client);
    }

    fn __enter__(slf: Bound<'_, Self>) -> Bound<'_, Self> {
        slf
    }

    #[pyo3(signature = (*_exception))]
    fn __exit__(&self, _exception: &Bound<'_, pyo3::types::PyTuple>) {
        self.close();
    }

    fn __repr__(&self) -> String {
        let state = if self.closed() { ", closed" } else { "" };
        format!("advanceai.Client(base_url={:?}{state})", self.base_url)
    }
}
