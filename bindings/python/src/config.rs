//! Client settings from Python keyword arguments, into the transport's
//! [`ClientConfigBuilder`], which checks them all when the client is built.
//!
//! Durations are seconds (`float` or `int`), as Python's own timeouts are. `None` for any
//! setting means the library's default. What is refused here is only what cannot be
//! handed to the builder at all (a negative duration, an unknown host name, two settings
//! that exclude each other); every other rule is the builder's.

use std::path::PathBuf;
use std::time::Duration;

use advanceai_transport::{
    ClientConfigBuilder, ConfigError, Error, ErrorKind, Host, Idempotency, ProxySetting,
    RetryPolicy, Secret,
};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::errors::{refused, to_py_err};

/// The keyword arguments `Client(...)` and `Client.from_env(...)` take besides the
/// credentials.
pub(crate) const SETTINGS: &[&str] = &[
    "base_url",
    "host",
    "timeout",
    "deadline",
    "connect_timeout",
    "proxy",
    "no_proxy",
    "ca_bundle",
    "max_response_bytes",
    "max_attempts",
    "retry_backoff",
    "max_retry_backoff",
    "max_retry_after",
    "retry_budget",
    "no_retry_budget",
    "period_second",
    "refresh_margin",
];

/// A refused setting: `CONFIG_ERROR`, as the library answers a refused configuration.
fn config_error(py: Python<'_>, message: &str) -> PyErr {
    refused(py, ErrorKind::Config, message)
}

/// A duration in seconds; negative, NaN and infinite values are refused. Zero is passed on:
/// the builder says which settings may not be zero.
pub(crate) fn seconds(
    py: Python<'_>,
    name: &str,
    value: &Bound<'_, PyAny>,
    kind: ErrorKind,
) -> PyResult<Duration> {
    let seconds: f64 = value
        .extract()
        .map_err(|_| PyTypeError::new_err(format!("{name} must be a number of seconds")))?;
    Duration::try_from_secs_f64(seconds).map_err(|_| {
        refused(
            py,
            kind,
            &format!("{name} must be a finite, non-negative number of seconds"),
        )
    })
}

/// `builder` with the settings of `options` applied.
pub(crate) fn apply(
    py: Python<'_>,
    mut builder: ClientConfigBuilder,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<ClientConfigBuilder> {
    let Some(options) = options else {
        return Ok(builder);
    };
    let given = |name: &str| -> PyResult<Option<Bound<'_, PyAny>>> {
        Ok(options.get_item(name)?.filter(|value| !value.is_none()))
    };
    for key in options.keys() {
        let key: String = key.extract()?;
        if !SETTINGS.contains(&key.as_str()) {
            return Err(PyTypeError::new_err(format!(
                "Client() got an unexpected keyword argument '{key}'"
            )));
        }
    }
    let duration = |name: &str| -> PyResult<Option<Duration>> {
        given(name)?
            .map(|value| seconds(py, name, &value, ErrorKind::Config))
            .transpose()
    };
    let base_url: Option<String> = extract(&given("base_url")?, "base_url")?;
    let host: Option<String> = extract(&given("host")?, "host")?;
    match (base_url, host) {
        (Some(_), Some(_)) => return Err(config_error(py, "set base_url or host, not both")),
        (Some(url), None) => builder = builder.base_url(url),
        (None, Some(name)) => builder = builder.host(host_named(py, &name)?),
        (None, None) => {}
    }
    if let Some(timeout) = duration("timeout")? {
        builder = builder.timeout(timeout);
    }
    if let Some(deadline) = duration("deadline")? {
        builder = builder.deadline(deadline);
    }
    if let Some(timeout) = duration("connect_timeout")? {
        builder = builder.connect_timeout(timeout);
    }
    let proxy: Option<String> = extract(&given("proxy")?, "proxy")?;
    let no_proxy: Option<bool> = extract(&given("no_proxy")?, "no_proxy")?;
    match (proxy, no_proxy.unwrap_or(false)) {
        (Some(_), true) => return Err(config_error(py, "set proxy or no_proxy, not both")),
        (Some(url), false) => builder = builder.proxy(ProxySetting::Url(Secret::new(url))),
        (None, true) => builder = builder.proxy(ProxySetting::None),
        (None, false) => {}
    }
    let ca_bundle: Option<PathBuf> = extract(&given("ca_bundle")?, "ca_bundle")?;
    if let Some(path) = ca_bundle {
        let pem = std::fs::read(&path).map_err(|error| {
            let problem = format!("cannot read {}: {error}", path.display());
            let error = Error::Config(ConfigError::InvalidCaBundle(problem));
            to_py_err(py, &error, Idempotency::Idempotent)
        })?;
        builder = builder.extra_ca_pem(pem);
    }
    if let Some(bytes) = extract(&given("max_response_bytes")?, "max_response_bytes")? {
        builder = builder.max_response_bytes(bytes);
    }
    let mut retry = RetryPolicy::default();
    let mut retry_given = false;
    if let Some(attempts) = extract(&given("max_attempts")?, "max_attempts")? {
        retry.max_attempts = attempts;
        retry_given = true;
    }
    for (name, field) in [
        ("retry_backoff", &mut retry.initial_backoff),
        ("max_retry_backoff", &mut retry.max_backoff),
        ("max_retry_after", &mut retry.max_retry_after),
    ] {
        if let Some(value) = duration(name)? {
            *field = value;
            retry_given = true;
        }
    }
    let budget: Option<u32> = extract(&given("retry_budget")?, "retry_budget")?;
    let no_budget: Option<bool> = extract(&given("no_retry_budget")?, "no_retry_budget")?;
    match (budget, no_budget.unwrap_or(false)) {
        (Some(_), true) => {
            return Err(config_error(
                py,
                "set retry_budget or no_retry_budget, not both",
            ));
        }
        (Some(capacity), false) => {
            retry = retry.with_budget(capacity);
            retry_given = true;
        }
        (None, true) => {
            retry = retry.without_budget();
            retry_given = true;
        }
        (None, false) => {}
    }
    if retry_given {
        builder = builder.retry(retry);
    }
    if let Some(period) = extract(&given("period_second")?, "period_second")? {
        builder = builder.period_second(period);
    }
    if let Some(margin) = duration("refresh_margin")? {
        builder = builder.refresh_margin(margin);
    }
    Ok(builder)
}

/// The value of a setting, or a `TypeError` naming it.
fn extract<T: for<'a, 'py> FromPyObject<'a, 'py>>(
    value: &Option<Bound<'_, PyAny>>,
    name: &str,
) -> PyResult<Option<T>> {
    value
        .as_ref()
        .map(|value| {
            value
                .extract::<T>()
                .map_err(|_| PyTypeError::new_err(format!("{name} has the wrong type")))
        })
        .transpose()
}

/// The documented vendor host of this name (`sg-api.advance.ai`, any case).
fn host_named(py: Python<'_>, name: &str) -> PyResult<Host> {
    Host::ALL
        .iter()
        .copied()
        .find(|host| host.name().eq_ignore_ascii_case(name))
        .ok_or_else(|| {
            let known: Vec<&str> = Host::ALL.iter().map(|host| host.name()).collect();
            config_error(
                py,
                &format!("unknown host {name:?}: one of {}", known.join(", ")),
            )
        })
}
