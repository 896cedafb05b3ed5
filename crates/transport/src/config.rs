//! The client's configuration: immutable, built and checked by [`ClientConfigBuilder`].

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use advanceai_core::{DEFAULT_PERIOD_SECOND, Host, PERIOD_SECOND_RANGE, Secret};

use crate::retry::RetryPolicy;
use advanceai_core::{Clock, SystemClock};

mod base_url;

use base_url::check_base_url;

/// The default connect timeout.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// The default timeout of one attempt: a whole request (connect, send, wait, read).
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
/// The default deadline of a whole call: every attempt, the pauses between them,
/// `Retry-After` waits and the token fetch it triggers.
///
/// Twice [`DEFAULT_TIMEOUT`]: a call whose first attempt hangs until its timeout still has
/// time for one more full attempt, and no call takes longer than a minute. Without a
/// deadline, 3 attempts of up to 30 s each and two 10 s `Retry-After` waits could take
/// 110 s, and the token fetch a call starts with as much again. The vendor answers in
/// about a second, so a minute is far from normal and still short enough for a caller with
/// a user waiting.
pub const DEFAULT_DEADLINE: Duration = Duration::from_secs(60);
/// The default capacity of the retry budget, in tokens: the AWS SDKs' standard-mode
/// retry quota (500; a retry costs 5, or 10 after a transport failure, so an outage is
/// allowed 50 to 100 retries across all clones of a client before calls stop retrying).
pub const DEFAULT_RETRY_BUDGET: u32 = 500;
/// The default largest response body read: 1 MiB.
pub const DEFAULT_MAX_RESPONSE_BYTES: u64 = 1024 * 1024;
/// The default refresh margin: a token is replaced this long before its `expiredTime`.
pub const DEFAULT_REFRESH_MARGIN: Duration = Duration::from_secs(60);
/// The user agent sent: `advanceai-rust/<version>`.
pub const USER_AGENT: &str = concat!("advanceai-rust/", env!("CARGO_PKG_VERSION"));

/// Environment variable read by [`ClientConfig::from_env`]: the access key.
pub const ENV_ACCESS_KEY: &str = "ADVANCEAI_ACCESS_KEY";
/// Environment variable read by [`ClientConfig::from_env`]: the secret key.
pub const ENV_SECRET_KEY: &str = "ADVANCEAI_SECRET_KEY";
/// Environment variable read by [`ClientConfig::from_env`]: the base URL (optional).
pub const ENV_BASE_URL: &str = "ADVANCEAI_BASE_URL";

/// Why a configuration was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// The access key or the secret key is empty or missing.
    #[error("the access key and the secret key are required")]
    MissingCredentials,
    /// An environment variable is missing or not UTF-8.
    #[error("environment variable {0} is not set")]
    MissingEnv(&'static str),
    /// The base URL does not parse or has parts an API base cannot have.
    #[error("invalid base URL: {0}")]
    InvalidBaseUrl(String),
    /// A plain `http://` base URL whose host is not loopback: the token would cross a network
    /// in clear text.
    #[error(
        "refusing plain http:// to {host}: use https:// (http is allowed for loopback hosts only)"
    )]
    InsecureBaseUrl {
        /// The host of the refused URL.
        host: String,
    },
    /// A timeout is zero.
    #[error("the {0} timeout must be greater than zero")]
    ZeroTimeout(&'static str),
    /// `periodSecond` is outside 60..=86400.
    #[error("the token lifetime must be between 60 and 86400 seconds, not {0}")]
    PeriodSecondOutOfRange(u32),
    /// The refresh margin is not shorter than the token lifetime.
    #[error("the refresh margin must be shorter than the token lifetime")]
    RefreshMarginTooLong,
    /// The retry policy allows no attempt.
    #[error("the retry policy must allow at least one attempt")]
    NoAttempt,
    /// The retry budget has no capacity (turn it off instead).
    #[error("the retry budget must be greater than zero (turn it off instead)")]
    ZeroRetryBudget,
    /// The maximum response size is zero.
    #[error("the maximum response size must be greater than zero")]
    ZeroMaxResponse,
    /// The proxy URL is invalid (its text is not repeated: it may hold a password).
    #[error("invalid proxy URL")]
    InvalidProxy,
    /// The extra CA bundle is not valid PEM, or holds no certificate.
    #[error("invalid CA bundle: {0}")]
    InvalidCaBundle(String),
}

/// Which proxy to use. A proxy URL is `scheme://[user:password@]host[:port]`: `http` (a
/// `CONNECT` proxy; the default scheme), `https`, `socks4`, `socks4a`, `socks5` (`socks`),
/// `socks5h`. TLS runs end to end inside a `CONNECT` tunnel; credentials go to the proxy only
/// and are never shown. A proxy refusing the tunnel fails the call with
/// [`crate::TransportErrorKind::Connect`], the request not sent.
#[derive(Clone, Default)]
#[non_exhaustive]
pub enum ProxySetting {
    /// From the environment, read once, when the configuration is built (ureq 3's
    /// `Proxy::try_from_env`): the first of `ALL_PROXY`, `all_proxy`, `HTTPS_PROXY`,
    /// `https_proxy`, `HTTP_PROXY`, `http_proxy` that is set and parses is the proxy of every
    /// request (`HTTP_PROXY` serves `https://` too). `NO_PROXY` (`no_proxy` only when
    /// `NO_PROXY` is unset): comma-separated, no spaces, matched against the host without
    /// its port, in any case: `*`; `*suffix` or `.suffix` (`.example.com` matches
    /// `api.example.com`, not `example.com`); `prefix*` or `prefix.`; else the exact host,
    /// IPv6 in brackets (`[::1]`). No CIDR, no ports; loopback is not exempt. No variable
    /// set: no proxy.
    #[default]
    FromEnv,
    /// No proxy, whatever the environment says.
    None,
    /// This proxy (`http://user:pass@host:port`, `socks5://…`); never shown in `Debug`.
    Url(Secret),
}

impl fmt::Debug for ProxySetting {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::FromEnv => "FromEnv",
            Self::None => "None",
            Self::Url(_) => "Url(<redacted>)",
        })
    }
}

/// Everything a [`crate::Client`] needs; build it with [`ClientConfig::builder`].
///
/// ```
/// use advanceai_core::Host;
/// use advanceai_transport::ClientConfig;
///
/// let config = ClientConfig::builder()
///     .host(Host::Singapore)
///     .credentials("my-access-key", "my-secret-key")
///     .build()?;
/// assert_eq!(config.base_url(), "https://sg-api.advance.ai");
/// assert!(!format!("{config:?}").contains("my-secret-key"));
///
/// // A token must never cross a network in clear text.
/// let refused = ClientConfig::builder()
///     .base_url("http://api.example.com")
///     .credentials("a", "b")
///     .build();
/// assert!(refused.is_err());
/// # Ok::<(), advanceai_transport::ConfigError>(())
/// ```
#[derive(Clone)]
pub struct ClientConfig {
    pub(crate) base_url: String,
    pub(crate) access_key: Secret,
    pub(crate) secret_key: Secret,
    pub(crate) connect_timeout: Duration,
    pub(crate) timeout: Duration,
    pub(crate) deadline: Duration,
    pub(crate) proxy: Option<ureq::Proxy>,
    pub(crate) proxy_setting: ProxySetting,
    pub(crate) extra_roots: Vec<ureq::tls::Certificate<'static>>,
    pub(crate) max_response_bytes: u64,
    pub(crate) retry: RetryPolicy,
    pub(crate) period_second: Option<u32>,
    pub(crate) refresh_margin: Duration,
    pub(crate) user_agent: String,
    pub(crate) clock: Arc<dyn Clock>,
}

impl fmt::Debug for ClientConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientConfig")
            .field("base_url", &self.base_url)
            .field("access_key", &self.access_key)
            .field("secret_key", &self.secret_key)
            .field("connect_timeout", &self.connect_timeout)
            .field("timeout", &self.timeout)
            .field("deadline", &self.deadline)
            .field("proxy", &self.proxy_setting)
            .field("extra_root_certificates", &self.extra_roots.len())
            .field("max_response_bytes", &self.max_response_bytes)
            .field("retry", &self.retry)
            .field("period_second", &self.period_second)
            .field("refresh_margin", &self.refresh_margin)
            .field("user_agent", &self.user_agent)
            .field("clock", &self.clock)
            .finish()
    }
}

impl ClientConfig {
    /// A builder with the defaults: no host, no credentials, 5 s connect timeout, 30 s
    /// request timeout, 60 s deadline per call, proxy from the environment, 1 MiB responses,
    /// 3 attempts, a retry budget of 500, token lifetime left to the server (3600 s), 60 s
    /// refresh margin.
    pub fn builder() -> ClientConfigBuilder {
        ClientConfigBuilder::default()
    }

    /// A configuration from `ADVANCEAI_ACCESS_KEY`, `ADVANCEAI_SECRET_KEY` and
    /// `ADVANCEAI_BASE_URL` (default `https://sg-api.advance.ai`), other settings default.
    /// Use [`ClientConfigBuilder::from_env`] to change more.
    pub fn from_env() -> Result<Self, ConfigError> {
        ClientConfigBuilder::from_env()?.build()
    }

    /// The base URL, without a trailing `/`.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The request timeout (overridable per call with [`crate::Client::with_timeout`]).
    pub fn timeout(&self) -> Duration {
        self.timeout
    }

    /// The deadline of each call (overridable per call with
    /// [`crate::Client::with_deadline`]).
    pub fn deadline(&self) -> Duration {
        self.deadline
    }

    /// The connect timeout.
    pub fn connect_timeout(&self) -> Duration {
        self.connect_timeout
    }

    /// The largest response body read, in bytes.
    pub fn max_response_bytes(&self) -> u64 {
        self.max_response_bytes
    }

    /// The retry policy.
    pub fn retry(&self) -> &RetryPolicy {
        &self.retry
    }

    /// The user agent sent.
    pub fn user_agent(&self) -> &str {
        &self.user_agent
    }
}

/// Builds a [`ClientConfig`]; every setting is checked in [`ClientConfigBuilder::build`].
#[derive(Clone, Debug)]
pub struct ClientConfigBuilder {
    base_url: String,
    access_key: Secret,
    secret_key: Secret,
    connect_timeout: Duration,
    timeout: Duration,
    deadline: Duration,
    proxy: ProxySetting,
    extra_ca_pem: Vec<Vec<u8>>,
    max_response_bytes: u64,
    retry: RetryPolicy,
    period_second: Option<u32>,
    refresh_margin: Duration,
    clock: Arc<dyn Clock>,
}

impl Default for ClientConfigBuilder {
    fn default() -> Self {
        Self {
            base_url: Host::Singapore.base_url(),
            access_key: Secret::new(""),
            secret_key: Secret::new(""),
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            timeout: DEFAULT_TIMEOUT,
            deadline: DEFAULT_DEADLINE,
            proxy: ProxySetting::FromEnv,
            extra_ca_pem: Vec::new(),
            max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
            retry: RetryPolicy::default(),
            period_second: None,
            refresh_margin: DEFAULT_REFRESH_MARGIN,
            clock: Arc::new(SystemClock),
        }
    }
}

impl ClientConfigBuilder {
    /// A builder with the credentials and base URL of the environment (see
    /// [`ClientConfig::from_env`]).
    pub fn from_env() -> Result<Self, ConfigError> {
        let var = |name: &'static str| {
            std::env::var(name)
                .ok()
                .filter(|v| !v.is_empty())
                .ok_or(ConfigError::MissingEnv(name))
        };
        let mut builder = Self::default().credentials(var(ENV_ACCESS_KEY)?, var(ENV_SECRET_KEY)?);
        if let Ok(base) = var(ENV_BASE_URL) {
            builder = builder.base_url(base);
        }
        Ok(builder)
    }

    /// Send to a documented vendor host (the default is [`Host::Singapore`], the only host
    /// documented for database verification).
    pub fn host(mut self, host: Host) -> Self {
        self.base_url = host.base_url();
        self
    }

    /// Send to any base URL (`https://…`; `http://` for loopback hosts only).
    pub fn base_url(mut self, base_url: impl Into<String>) -> Self {
        self.base_url = base_url.into();
        self
    }

    /// The account's access key and secret key.
    pub fn credentials(
        mut self,
        access_key: impl Into<Secret>,
        secret_key: impl Into<Secret>,
    ) -> Self {
        self.access_key = access_key.into();
        self.secret_key = secret_key.into();
        self
    }

    /// The connect timeout (default 5 s).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// The timeout of one attempt: a whole request, connect to last byte (default 30 s).
    /// Cut to the time the call's deadline leaves.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// The deadline of each call (default [`DEFAULT_DEADLINE`], 60 s): everything the call
    /// does, all attempts, the pauses between them, `Retry-After` waits and the token fetch
    /// it triggers, ends by then. An attempt's timeout is cut to the time left, and a pause
    /// that would cross the deadline ends the call with [`crate::Error::DeadlineReached`].
    pub fn deadline(mut self, deadline: Duration) -> Self {
        self.deadline = deadline;
        self
    }

    /// The proxy (default: from the environment).
    pub fn proxy(mut self, proxy: ProxySetting) -> Self {
        self.proxy = proxy;
        self
    }

    /// Trust the certificates of this PEM bundle **in addition to** the built-in Mozilla
    /// roots (`webpki-root-certs`), for corporate TLS inspection. May be called more than
    /// once. The operating system's store is not consulted.
    pub fn extra_ca_pem(mut self, pem: impl Into<Vec<u8>>) -> Self {
        self.extra_ca_pem.push(pem.into());
        self
    }

    /// The largest response body read (default 1 MiB); a larger one is
    /// [`crate::Error::ResponseTooLarge`].
    pub fn max_response_bytes(mut self, bytes: u64) -> Self {
        self.max_response_bytes = bytes;
        self
    }

    /// The retry policy (default [`RetryPolicy::default`]).
    pub fn retry(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
        self
    }

    /// The token lifetime asked for (`periodSecond`, 60..=86400; default: not sent, the
    /// server uses 3600).
    pub fn period_second(mut self, seconds: u32) -> Self {
        self.period_second = Some(seconds);
        self
    }

    /// How long before its `expiredTime` a token is replaced (default 60 s); must be
    /// shorter than the token lifetime.
    pub fn refresh_margin(mut self, margin: Duration) -> Self {
        self.refresh_margin = margin;
        self
    }

    /// The clock everything is measured with: token timestamps and expiry, deadlines, and
    /// the pauses between attempts and polls, which sleep on it (default: the system clock;
    /// a [`advanceai_core::ManualClock`] makes them instant in tests).
    pub fn clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = clock;
        self
    }

    /// Checks every setting and builds the configuration.
    pub fn build(self) -> Result<ClientConfig, ConfigError> {
        if self.access_key.is_empty() || self.secret_key.is_empty() {
            return Err(ConfigError::MissingCredentials);
        }
        let base_url = check_base_url(&self.base_url)?;
        if self.connect_timeout.is_zero() {
            return Err(ConfigError::ZeroTimeout("connect"));
        }
        if self.timeout.is_zero() {
            return Err(ConfigError::ZeroTimeout("request"));
        }
        if self.deadline.is_zero() {
            return Err(ConfigError::ZeroTimeout("deadline"));
        }
        if let Some(period) = self.period_second {
            if !PERIOD_SECOND_RANGE.contains(&period) {
                return Err(ConfigError::PeriodSecondOutOfRange(period));
            }
        }
        let period = self.period_second.unwrap_or(DEFAULT_PERIOD_SECOND);
        if self.refresh_margin >= Duration::from_secs(u64::from(period)) {
            return Err(ConfigError::RefreshMarginTooLong);
        }
        if self.retry.max_attempts == 0 {
            return Err(ConfigError::NoAttempt);
        }
        if self.retry.budget == Some(0) {
            return Err(ConfigError::ZeroRetryBudget);
        }
        if self.max_response_bytes == 0 {
            return Err(ConfigError::ZeroMaxResponse);
        }
        let proxy = match &self.proxy {
            ProxySetting::FromEnv => ureq::Proxy::try_from_env(),
            ProxySetting::None => None,
            ProxySetting::Url(url) => {
                Some(ureq::Proxy::new(url.expose()).map_err(|_| ConfigError::InvalidProxy)?)
            }
        };
        let mut extra_roots = Vec::new();
        for pem in &self.extra_ca_pem {
            let before = extra_roots.len();
            for item in ureq::tls::parse_pem(pem) {
                match item {
                    Ok(ureq::tls::PemItem::Certificate(cert)) => extra_roots.push(cert),
                    Ok(_) => {}
                    Err(error) => return Err(ConfigError::InvalidCaBundle(error.to_string())),
                }
            }
            if extra_roots.len() == before {
                return Err(ConfigError::InvalidCaBundle(
                    "no certificate in the bundle".into(),
                ));
            }
        }
        Ok(ClientConfig {
            base_url,
            access_key: self.access_key,
            secret_key: self.secret_key,
            connect_timeout: self.connect_timeout,
            timeout: self.timeout,
            deadline: self.deadline,
            proxy,
            proxy_setting: self.proxy,
            extra_roots,
            max_response_bytes: self.max_response_bytes,
            retry: self.retry,
            period_second: self.period_second,
            refresh_margin: self.refresh_margin,
            user_agent: USER_AGENT.to_owned(),
            clock: self.clock,
        })
    }
}
