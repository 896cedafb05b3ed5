//! The client: one connection pool, the token cache, validation, retries and parsing.

use std::fmt;
use std::sync::Arc;
use std::time::{Duration, Instant};

use advanceai_core::{
    ClearDataRequest, Descriptor, GenerateUrlData, GenerateUrlRequest, GetResultData,
    GetResultRequest, HealthData, HealthRequest, IdNumberVerificationRequest, Method, Operation,
    ParseErrorKind, ResponseCode, Secret, TokenOperation, VerificationData,
};
use ureq::unversioned::transport::DefaultConnector;
use ureq::{Agent, RequestBuilder};

use crate::resolver::CachingResolver;
use crate::telemetry;
use ureq::tls::{Certificate, RootCerts, TlsConfig};

use crate::config::ClientConfig;
use crate::error::{Error, TransportErrorKind, excerpt};
use crate::token::{AccessToken, TokenCache};

/// The longest excerpt of a non-JSON body kept in [`Error::UnexpectedResponse`].
pub const EXCERPT_MAX_BYTES: usize = 200;

/// How [`Client::wait_for_result`] polls.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct WaitOptions {
    /// Give up (with [`Error::ResultPending`]) once this much time has passed.
    pub timeout: Duration,
    /// The pause after the first pending answer (default 1 s).
    pub initial_interval: Duration,
    /// The longest pause (default 10 s); each pause doubles up to it.
    pub max_interval: Duration,
}

impl WaitOptions {
    /// Poll for at most `timeout`, from 1 s up to 10 s between polls.
    pub fn new(timeout: Duration) -> Self {
        Self {
            timeout,
            initial_interval: Duration::from_secs(1),
            max_interval: Duration::from_secs(10),
        }
    }

    /// These options with other pause bounds.
    pub fn with_intervals(mut self, initial: Duration, max: Duration) -> Self {
        self.initial_interval = initial;
        self.max_interval = max;
        self
    }
}

struct Inner {
    config: ClientConfig,
    agent: Agent,
    tokens: TokenCache,
}

/// The synchronous ADVANCE.AI client: `Send + Sync`, cheap to clone (clones share one
/// connection pool and one token), configured once by a [`ClientConfig`].
///
/// Every request is validated by `advanceai-core` first: invalid input never reaches the
/// network and comes back as [`Error::InvalidInput`] with the server's code and message.
///
/// # Retries: never bill twice
/// Token, Get Result, Health Status and Clear Data calls are retried on transient failures. Database verification and
/// Generate URL are billable: they are retried only when the request provably never left
/// (connection refused, DNS failure). Any other failure of a billable call is returned as is
/// and [`Error::may_have_been_processed`] says whether the server may have processed (and
/// billed) it; resending is then the caller's decision. See [`crate::RetryPolicy`].
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
    timeout: Option<Duration>,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("config", &self.inner.config)
            .field("timeout_override", &self.timeout)
            .finish_non_exhaustive()
    }
}

/// One failed try, with what the retry logic needs.
struct Failure {
    error: Error,
    retry_after: Option<Duration>,
}

impl From<Error> for Failure {
    fn from(error: Error) -> Self {
        Self {
            error,
            retry_after: None,
        }
    }
}

impl Client {
    /// A client for `config`: builds the connection pool (nothing is sent yet).
    pub fn new(config: ClientConfig) -> Self {
        let mut tls = TlsConfig::builder();
        if !config.extra_roots.is_empty() {
            let mut roots: Vec<Certificate<'static>> = webpki_root_certs::TLS_SERVER_ROOT_CERTS
                .iter()
                .map(|der| Certificate::from_der(der.as_ref()).to_owned())
                .collect();
            roots.extend(config.extra_roots.iter().cloned());
            tls = tls.root_certs(RootCerts::new_with_certs(&roots));
        }
        let agent_config = Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .timeout_global(Some(config.timeout))
            .timeout_connect(Some(config.connect_timeout))
            .user_agent(config.user_agent.as_str())
            .proxy(config.proxy.clone())
            .tls_config(tls.build())
            .max_idle_connections(64)
            .max_idle_connections_per_host(32)
            .build();
        let agent = Agent::with_parts(
            agent_config,
            DefaultConnector::new(),
            CachingResolver::default(),
        );
        Self {
            inner: Arc::new(Inner {
                agent,
                tokens: TokenCache::default(),
                config,
            }),
            timeout: None,
        }
    }

    /// The configuration.
    pub fn config(&self) -> &ClientConfig {
        &self.inner.config
    }

    /// A clone of this client (same pool, same token) whose calls use `timeout` instead of
    /// the configured request timeout.
    pub fn with_timeout(&self, timeout: Duration) -> Self {
        Self {
            inner: Arc::clone(&self.inner),
            timeout: Some(timeout),
        }
    }

    /// The current access token, fetching or refreshing it if needed. Its `Debug` and
    /// `Display` are redacted; [`Secret::expose`] gives the text.
    pub fn token(&self) -> Result<Secret, Error> {
        Ok(self.access_token()?.token)
    }

    /// The current access token and its expiry, as the token API's `data` has them; fetched
    /// or refreshed like [`Client::token`].
    pub fn access_token(&self) -> Result<AccessToken, Error> {
        let cached = self.cached_token(None)?;
        Ok(AccessToken {
            token: cached.value,
            expired_time: cached.expires_ms,
        })
    }

    /// Runs any [`Operation`] through the one path every call takes: local validation
    /// (nothing is sent when it fails), the token, the body, the send, the `IAM_FAILED`
    /// refresh, the retries its [`Descriptor`] allows (never a billable call that may have
    /// arrived) and the parse. The named methods below are this with a fixed operation; use
    /// it directly for a call this version has no named method for.
    pub fn execute<O: Operation>(&self, operation: &O) -> Result<O::Output, Error> {
        operation.validate().map_err(Error::InvalidInput)?;
        self.call(operation)
    }

    /// Database ID-number verification (billable: see the retry rules on [`Client`]).
    pub fn verify_id_number(
        &self,
        request: &IdNumberVerificationRequest,
    ) -> Result<VerificationData, Error> {
        self.execute(request)
    }

    /// H5 Generate URL (billable: see the retry rules on [`Client`]).
    pub fn generate_url(&self, request: &GenerateUrlRequest) -> Result<GenerateUrlData, Error> {
        self.execute(request)
    }

    /// H5 Get Result (idempotent: retried on transient failures). A pending result is
    /// `Ok`: see [`GetResultData::status`].
    pub fn get_result(&self, request: &GetResultRequest) -> Result<GetResultData, Error> {
        self.execute(request)
    }

    /// Non-Doc Health Status of one numberType (`NG_BVN`; idempotent: retried on transient
    /// failures). [`HealthData::can_start`] says whether to start a verification now.
    pub fn health(&self, number_type: &str) -> Result<HealthData, Error> {
        self.execute(&HealthRequest::new(number_type))
    }

    /// Clear Data: deletes a finished transaction's personal data on the vendor's side; call
    /// it once the result is no longer needed, so the data is kept no longer than that.
    /// Idempotent: retried on transient failures, `REQUEST_IN_PROCESSING` included (a clear
    /// already being processed, not a failed deletion). Refused with `PARAMETER_ERROR`
    /// while the transaction is not finished (`Transaction is not finished`).
    pub fn clear_data(&self, signature_id: &str) -> Result<(), Error> {
        self.execute(&ClearDataRequest::new(signature_id)).map(drop)
    }

    /// Polls Get Result until the result is final, with pauses growing from
    /// `options.initial_interval` to `options.max_interval`; [`Error::ResultPending`] once
    /// `options.timeout` has passed.
    pub fn wait_for_result(
        &self,
        signature_id: &str,
        options: WaitOptions,
    ) -> Result<GetResultData, Error> {
        self.wait_for(&GetResultRequest::new(signature_id), options)
    }

    /// [`Client::wait_for_result`] for a request with options (`returnImageType`): every
    /// poll sends `request`.
    pub fn wait_for(
        &self,
        request: &GetResultRequest,
        options: WaitOptions,
    ) -> Result<GetResultData, Error> {
        request.validate().map_err(Error::InvalidInput)?;
        let start = Instant::now();
        let mut interval = options.initial_interval.max(Duration::from_millis(1));
        loop {
            let data = self.get_result(request)?;
            if data.is_final() {
                return Ok(data);
            }
            let waited = start.elapsed();
            if waited >= options.timeout {
                return Err(Error::ResultPending { waited });
            }
            std::thread::sleep(interval.min(options.timeout - waited));
            interval = interval
                .saturating_mul(2)
                .min(options.max_interval.max(interval));
        }
    }

    fn cached_token(&self, stale: Option<u64>) -> Result<crate::token::Cached, Error> {
        let config = &self.inner.config;
        let margin_ms = u64::try_from(config.refresh_margin.as_millis()).unwrap_or(u64::MAX);
        self.inner
            .tokens
            .get(&|| config.clock.now_ms(), margin_ms, stale, &|| {
                self.fetch_token()
            })
    }

    fn fetch_token(&self) -> Result<(Secret, u64), Error> {
        let config = &self.inner.config;
        let data = self.call(&TokenOperation {
            access_key: &config.access_key,
            secret_key: &config.secret_key,
            clock: config.clock.as_ref(),
            period_second: config.period_second,
        })?;
        let value = data.token.map(|t| t.0).filter(|t| !t.is_empty());
        let Some(value) = value else {
            return Err(Error::MissingData {
                transaction_id: None,
            });
        };
        let period = u64::from(
            config
                .period_second
                .unwrap_or(advanceai_core::DEFAULT_PERIOD_SECOND),
        );
        let expires = data
            .expired_time
            .map(|e| e.0)
            .unwrap_or_else(|| config.clock.now_ms().saturating_add(period * 1000));
        Ok((value, expires))
    }

    /// Sends one operation with token, `IAM_FAILED` refresh and retries.
    fn call<O: Operation>(&self, operation: &O) -> Result<O::Output, Error> {
        let descriptor = O::DESCRIPTOR;
        let span = telemetry::call_span(descriptor.name);
        let _entered = span.enter();
        let start = Instant::now();
        let result = self.attempts(operation, &descriptor);
        telemetry::record_call(&span, start.elapsed(), &result);
        result
    }

    /// The attempts of one call: token, send, IAM_FAILED refresh, retries.
    fn attempts<O: Operation>(
        &self,
        operation: &O,
        descriptor: &Descriptor,
    ) -> Result<O::Output, Error> {
        let policy = &self.inner.config.retry;
        let call = tracing::Span::current();
        let mut attempt: u32 = 1;
        // Requests sent, an IAM_FAILED refresh's resend included.
        let mut sent: u32 = 0;
        let mut refreshed = false;
        let mut stale = None;
        loop {
            let token = if descriptor.needs_token {
                // The call's own request is not sent without a token: say so, whatever the
                // token call's failure says about the token request.
                let token = self.cached_token(stale.take());
                Some(token.map_err(|error| Error::TokenUnavailable(Box::new(error)))?)
            } else {
                None
            };
            let bytes = operation.body().map_err(Error::InvalidInput)?;
            sent += 1;
            telemetry::record_attempts(&call, sent);
            let span = telemetry::attempt_span(descriptor.name, attempt);
            let start = Instant::now();
            let outcome = span.in_scope(|| {
                self.send_once::<O>(
                    &call,
                    descriptor,
                    &operation.query(),
                    &bytes,
                    token.as_ref().map(|t| &t.value),
                )
            });
            let error = outcome.as_ref().err().map(|f| &f.error);
            telemetry::record_attempt(&span, descriptor.name, attempt, start.elapsed(), error);
            let failure = match outcome {
                Ok(data) => return Ok(data),
                Err(failure) => failure,
            };
            if let (Some(token), false) = (&token, refreshed) {
                if matches!(
                    failure.error,
                    Error::Api {
                        code: ResponseCode::IamFailed,
                        ..
                    }
                ) {
                    refreshed = true;
                    stale = Some(token.generation);
                    continue;
                }
            }
            let retries = failure
                .error
                .disposition(descriptor.idempotency)
                .client_retries;
            if attempt >= policy.max_attempts || !retries {
                return Err(failure.error);
            }
            std::thread::sleep(policy.backoff(attempt, failure.retry_after));
            attempt += 1;
        }
    }

    fn send_once<O: Operation>(
        &self,
        call: &tracing::Span,
        descriptor: &Descriptor,
        query: &[(&'static str, String)],
        body: &[u8],
        token: Option<&Secret>,
    ) -> Result<O::Output, Failure> {
        let config = &self.inner.config;
        let url = format!("{}{}", config.base_url, descriptor.path);
        let agent = &self.inner.agent;
        let sent = match descriptor.method {
            Method::Get => self.prepare(agent.get(&url), query, token).call(),
            // Every other method sends a JSON body (`Method` is non-exhaustive for callers).
            _ => self
                .prepare(agent.post(&url), query, token)
                .header("Content-Type", "application/json")
                .send(body),
        };
        let mut response = sent.map_err(|e| Failure::from(classify(e, false)))?;
        let status = response.status().as_u16();
        telemetry::record_status(status);
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        let content_type = header("content-type");
        let retry_after = header("retry-after")
            .and_then(|v| v.trim().parse::<u64>().ok())
            .map(Duration::from_secs);
        let limit = config.max_response_bytes;
        let bytes = response
            .body_mut()
            .with_config()
            .limit(limit)
            .read_to_vec()
            .map_err(|e| match e {
                ureq::Error::BodyExceedsLimit(_) => Error::ResponseTooLarge { limit },
                other => classify(other, true),
            })
            .map_err(|error| Failure { error, retry_after })?;
        let failure = |error| Failure { error, retry_after };
        let looks_json = content_type
            .as_deref()
            .is_some_and(|c| c.to_ascii_lowercase().contains("json"))
            || bytes
                .iter()
                .find(|b| !b.is_ascii_whitespace())
                .is_some_and(|b| *b == b'{' || *b == b'[');
        let unexpected = || Error::UnexpectedResponse {
            status,
            content_type: content_type.clone(),
            excerpt: (!looks_json).then(|| excerpt(&bytes, EXCERPT_MAX_BYTES)),
        };
        let parsed = O::parse(&bytes);
        if let Ok(envelope) = &parsed {
            telemetry::record_envelope(call, envelope);
        }
        if !(200..300).contains(&status) {
            // An API answer on another status (SERVICE_BUSY may come as HTTP 429).
            return Err(failure(match parsed {
                Ok(envelope) if !envelope.is_success() => match envelope.into_data() {
                    Err(error) => error.into(),
                    Ok(_) => unexpected(),
                },
                _ => unexpected(),
            }));
        }
        let envelope = parsed.map_err(|e| {
            failure(match e.kind() {
                ParseErrorKind::NotJson | ParseErrorKind::Empty => unexpected(),
                _ => Error::Parse(e),
            })
        })?;
        O::into_output(envelope).map_err(|e| failure(e.into()))
    }
}

impl Client {
    /// The headers, query and per-call timeout every request carries.
    fn prepare<B>(
        &self,
        request: RequestBuilder<B>,
        query: &[(&'static str, String)],
        token: Option<&Secret>,
    ) -> RequestBuilder<B> {
        let mut request = query
            .iter()
            .fold(request, |r, (name, value)| r.query(*name, value))
            .header("Accept", "application/json");
        if let Some(token) = token {
            request = request.header("X-ACCESS-TOKEN", token.expose());
        }
        match self.timeout {
            Some(timeout) => request.config().timeout_global(Some(timeout)).build(),
            None => request,
        }
    }
}

/// Maps ureq's error to ours; `reading`: the request was sent, the body was being read.
fn classify(error: ureq::Error, reading: bool) -> Error {
    use ureq::Error as U;
    let detail = error.to_string();
    let (kind, may_have_been_sent) = match &error {
        U::HostNotFound => (TransportErrorKind::Dns, false),
        U::Io(io) if io.kind() == std::io::ErrorKind::ConnectionRefused && !reading => {
            (TransportErrorKind::Connect, false)
        }
        U::ConnectionFailed | U::ConnectProxyFailed(_) if !reading => {
            (TransportErrorKind::Connect, false)
        }
        U::Timeout(which) => {
            use ureq::Timeout as T;
            let before_send = !reading && matches!(which, T::Resolve | T::Connect);
            (TransportErrorKind::Timeout, !before_send)
        }
        U::Tls(_) | U::Rustls(_) | U::Pem(_) => (TransportErrorKind::Tls, reading),
        // A refused certificate: ureq wraps rustls's error in an I/O error.
        U::Io(io)
            if io
                .get_ref()
                .is_some_and(|inner| inner.is::<rustls::Error>()) =>
        {
            (TransportErrorKind::Tls, reading)
        }
        _ => (TransportErrorKind::Io, true),
    };
    Error::Transport {
        kind,
        may_have_been_sent,
        detail,
    }
}
