//! Builds the client from flags, environment, or `--sandbox`.

use std::time::Duration;

use advanceai_sandbox::{
    DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY, RunningSandbox, Sandbox, SandboxConfig,
};
use advanceai_transport::{Client, ClientConfig, ConfigError, ProxySetting};

use super::output::{Failure, diagnostic};
use crate::cli::GlobalOptions;

/// A client, and the embedded sandbox it talks to (kept alive as long as the client).
pub(crate) struct Connection {
    /// The client.
    pub(crate) client: Client,
    /// The embedded sandbox of `--sandbox`: held so it serves as long as the client
    /// lives; it stops when dropped.
    _sandbox: Option<RunningSandbox>,
}

/// Starts an embedded sandbox on a free loopback port.
pub(crate) fn start_sandbox() -> Result<RunningSandbox, Failure> {
    Sandbox::start(SandboxConfig::default())
        .map_err(|error| Failure::io(format!("cannot start the embedded sandbox: {error}")))
}

/// The client the global options describe.
pub(crate) fn connect(options: &GlobalOptions) -> Result<Connection, Failure> {
    let present = |value: &Option<String>| value.clone().filter(|v| !v.is_empty());
    let (base_url, access_key, secret_key, sandbox) = if options.sandbox {
        if present(&options.base_url).is_some() {
            diagnostic("--sandbox given: ignoring --base-url / ADVANCEAI_BASE_URL and the keys");
        }
        let sandbox = start_sandbox()?;
        (
            Some(sandbox.base_url().to_owned()),
            DEFAULT_ACCESS_KEY.to_owned(),
            DEFAULT_SECRET_KEY.to_owned(),
            Some(sandbox),
        )
    } else {
        match (present(&options.access_key), present(&options.secret_key)) {
            (Some(access), Some(secret)) => (present(&options.base_url), access, secret, None),
            (access, _) => {
                let missing = if access.is_none() {
                    "no access key"
                } else {
                    "no secret key"
                };
                return Err(Failure::usage(format!(
                    "{missing}: set ADVANCEAI_ACCESS_KEY and ADVANCEAI_SECRET_KEY (or pass \
                     --access-key and --secret-key), or add --sandbox to run against an \
                     embedded offline sandbox"
                )));
            }
        }
    };
    let mut builder = ClientConfig::builder().credentials(access_key, secret_key);
    if let Some(base_url) = base_url {
        builder = builder.base_url(base_url);
    }
    if let Some(seconds) = options.timeout {
        builder = builder.timeout(Duration::from_secs_f64(seconds));
    }
    if let Some(seconds) = options.deadline {
        builder = builder.deadline(Duration::from_secs_f64(seconds));
    }
    let ca_bundle = options
        .ca_bundle
        .as_deref()
        .filter(|path| !path.as_os_str().is_empty());
    if let Some(path) = ca_bundle {
        let pem = std::fs::read(path).map_err(|error| {
            Failure::usage(format!(
                "cannot read the CA bundle {} (--ca-bundle / ADVANCEAI_CA_BUNDLE): {error}",
                path.display()
            ))
        })?;
        builder = builder.extra_ca_pem(pem);
    }
    if options.no_proxy {
        builder = builder.proxy(ProxySetting::None);
    }
    let config = builder.build().map_err(|error| {
        let bundle = matches!(error, ConfigError::InvalidCaBundle(_));
        let mut failure = Failure::from(advanceai_transport::Error::Config(error));
        if let (true, Some(path)) = (bundle, ca_bundle) {
            failure.message = format!("{} ({})", failure.message, path.display());
        }
        failure
    })?;
    Ok(Connection {
        client: Client::new(config),
        _sandbox: sandbox,
    })
}
