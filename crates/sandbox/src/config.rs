//! How a sandbox is set up: credentials, address, time limits, state bounds and the clock.

use std::net::{IpAddr, Ipv4Addr};
use std::ops::RangeInclusive;
use std::sync::Arc;
use std::time::Duration;

pub use advanceai_core::{Clock, ManualClock, SystemClock};
use advanceai_core::{PERIOD_SECOND_RANGE, Secret};

use crate::tls::TlsOptions;

/// The access key a sandbox accepts unless configured otherwise.
pub const DEFAULT_ACCESS_KEY: &str = "sandbox-access-key";
/// The secret key a sandbox accepts unless configured otherwise.
pub const DEFAULT_SECRET_KEY: &str = "sandbox-secret-key";
/// The largest request body read, in bytes; larger bodies get `PARAMETER_ERROR` unread.
pub const DEFAULT_MAX_BODY_BYTES: usize = 64 * 1024;

/// Everything a [`crate::Sandbox`] needs to start; `Default` gives the documented values.
///
/// ```
/// use advanceai_sandbox::SandboxConfig;
/// use std::time::Duration;
///
/// let config = SandboxConfig::default().with_user_timeout(Duration::from_millis(200));
/// assert_eq!(config.access_key.expose(), "sandbox-access-key");
/// assert_eq!(config.port, 0);
/// ```
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct SandboxConfig {
    /// The access key the token endpoint accepts (default `sandbox-access-key`).
    pub access_key: Secret,
    /// The secret key signatures are checked with (default `sandbox-secret-key`).
    pub secret_key: Secret,
    /// The address to listen on (default `127.0.0.1`).
    pub host: IpAddr,
    /// The port to listen on; `0` (the default) picks a free port.
    pub port: u16,
    /// How long an H5 transaction may stay unfinished before Get Result answers
    /// `INCOMPLETE` / `USER_TIMEOUT` (default 1 hour, as the vendor documents).
    pub user_timeout: Duration,
    /// The `periodSecond` values the token endpoint accepts (default 60..=86400).
    pub token_period_range: RangeInclusive<u32>,
    /// The most tokens kept; the oldest is forgotten beyond it (default 100 000).
    pub max_tokens: usize,
    /// The most H5 transactions kept; the oldest is forgotten beyond it (default 100 000).
    pub max_transactions: usize,
    /// The largest request body read, in bytes (default 64 KiB).
    pub max_body_bytes: usize,
    /// How many times a callback is sent before giving up (default 4).
    pub callback_attempts: u32,
    /// The pause before the first callback retry; doubled after each failure (default 200 ms).
    pub callback_backoff: Duration,
    /// Tokio worker threads serving requests (default 2).
    pub worker_threads: usize,
    /// Where "now" comes from (default: the system clock).
    pub clock: Arc<dyn Clock>,
    /// Serve HTTPS with a throwaway CA made at start (default `None`: plain HTTP); see
    /// [`crate::TlsOptions`] and [`crate::RunningSandbox::ca_pem`].
    pub tls: Option<TlsOptions>,
    /// Count database verifications per `bizId` (default off: the count grows with every
    /// new `bizId`); see [`crate::RunningSandbox::verifications_by_biz_id`].
    pub verifications_by_biz_id: bool,
}

impl Default for SandboxConfig {
    fn default() -> Self {
        Self {
            access_key: Secret::new(DEFAULT_ACCESS_KEY),
            secret_key: Secret::new(DEFAULT_SECRET_KEY),
            host: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: 0,
            user_timeout: Duration::from_secs(3600),
            token_period_range: PERIOD_SECOND_RANGE,
            max_tokens: 100_000,
            max_transactions: 100_000,
            max_body_bytes: DEFAULT_MAX_BODY_BYTES,
            callback_attempts: 4,
            callback_backoff: Duration::from_millis(200),
            worker_threads: 2,
            clock: Arc::new(SystemClock),
            tls: None,
            verifications_by_biz_id: false,
        }
    }
}

impl SandboxConfig {
    /// Sets the credentials the token endpoint accepts.
    pub fn with_credentials(mut self, access_key: &str, secret_key: &str) -> Self {
        self.access_key = Secret::new(access_key);
        self.secret_key = Secret::new(secret_key);
        self
    }

    /// Sets the address to listen on.
    pub fn with_address(mut self, host: IpAddr, port: u16) -> Self {
        self.host = host;
        self.port = port;
        self
    }

    /// Sets how long an H5 transaction may stay unfinished.
    pub fn with_user_timeout(mut self, timeout: Duration) -> Self {
        self.user_timeout = timeout;
        self
    }

    /// Sets the bounds of the in-memory state.
    pub fn with_limits(mut self, max_tokens: usize, max_transactions: usize) -> Self {
        self.max_tokens = max_tokens.max(1);
        self.max_transactions = max_transactions.max(1);
        self
    }

    /// Sets the clock (for tests: a [`ManualClock`]).
    pub fn with_clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = clock;
        self
    }

    /// Sets the callback retry policy.
    pub fn with_callback_retry(mut self, attempts: u32, backoff: Duration) -> Self {
        self.callback_attempts = attempts.max(1);
        self.callback_backoff = backoff;
        self
    }

    /// Serves HTTPS instead of plain HTTP: at start a throwaway CA issues a server
    /// certificate as `tls` says ([`TlsOptions::default`]: for `localhost`, `127.0.0.1` and
    /// `::1`); the base URL and the H5 page URLs are then `https://`.
    pub fn with_tls(mut self, tls: TlsOptions) -> Self {
        self.tls = Some(tls);
        self
    }

    /// Counts database verifications per `bizId`, for tests that must prove each row of a
    /// run was sent exactly once ([`crate::RunningSandbox::verifications_by_biz_id`]).
    pub fn with_verifications_by_biz_id(mut self) -> Self {
        self.verifications_by_biz_id = true;
        self
    }
}
