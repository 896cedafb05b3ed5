//! The client: one connection pool, the token cache, the retry budget, validation and the
//! named calls. One call's attempts are `crate::attempts`; one request and its answer are
//! `crate::send`.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use advanceai_core::{
    ClearDataRequest, Clock, Descriptor, Endpoint, GenerateUrlData, GenerateUrlRequest,
    GetResultData, GetResultRequest, HealthData, HealthRequest, IdNumberVerificationRequest,
    Method, Operation, ParseErrorKind, Secret, TokenOperation, VerificationData,
};
use ureq::unversioned::transport::DefaultConnector;
use ureq::{Agent, RequestBuilder};

use crate::budget::RetryBudget;
use crate::config::ClientConfig;
use crate::deadline::Deadline;
use crate::error::{Error, TransportErrorKind, excerpt, judge_token_refusal};
use crate::resolver::CachingResolver;
use crate::retry::{parse_http_date_ms, parse_retry_after};
use crate::telemetry;
use crate::token::{AccessToken, TokenCache};
use ureq::tls::{Certificate, RootCerts, TlsConfig};

/// The longest excerpt of a non-JSON body kept in [`Error::UnexpectedResponse`].
pub const EXCERPT_MAX_BYTES: usize = 200;

pub(crate) struct Inner {
    pub(crate) config: ClientConfig,
    pub(crate) agent: Agent,
    tokens: TokenCache,
    /// Shared by every clone; `None` when the policy turns the budget off.
    pub(crate) budget: Option<RetryBudget>,
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
///
/// # Time limits
/// Each attempt has the request timeout ([`ClientConfig::timeout`], 30 s); each call has a
/// deadline ([`ClientConfig::deadline`], 60 s) that bounds all its attempts, the pauses
/// between them, `Retry-After` waits and the token fetch it starts: an attempt's timeout is
/// cut to the time left, and a pause that would cross the deadline ends the call with
/// [`Error::DeadlineReached`]. Retries also draw on a retry budget shared by every clone
/// ([`crate::RetryPolicy::budget`]): when it is empty, a call returns its first error.
#[derive(Clone)]
pub struct Client {
    pub(crate) inner: Arc<Inner>,
    pub(crate) timeout: Option<Duration>,
    pub(crate) deadline: Option<Duration>,
}

/// One failed try, with what the retry logic needs.
pub(crate) struct Failure {
    pub(crate) error: Error,
    pub(crate) retry_after: Option<Duration>,
}

impl From<Error> for Failure {
    fn from(error: Error) -> Self {
        Self {
            error,
            retry_after: None,
        }
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("config", &self.inner.config)
            .field("timeout_override", &self.timeout)
            .field("deadline_override", &self.deadline)
            .field("retry_tokens", &self.retry_tokens())
            .finish_non_exhaustive()
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
                budget: config.retry.budget.map(RetryBudget::new),
                config,
            }),
            timeout: None,
            deadline: None,
        }
    }

    /// The configuration.
    pub fn config(&self) -> &ClientConfig {
        &self.inner.config
    }

    /// A clone of this client (same pool, same token, same retry budget) whose calls use
    /// `timeout` for each attempt instead of the configured request timeout.
    pub fn with_timeout(&self, timeout: Duration) -> Self {
        Self {
            timeout: Some(timeout),
            ..self.clone()
        }
    }

    /// A clone of this client (same pool, same token, same retry budget) whose calls end by
    /// `deadline` instead of the configured one ([`ClientConfig::deadline`]): all attempts,
    /// pauses and the token fetch included.
    pub fn with_deadline(&self, deadline: Duration) -> Self {
        Self {
            deadline: Some(deadline),
            ..self.clone()
        }
    }

    /// The tokens left in the retry budget every clone shares (`None`: the budget is off).
    /// A retry costs 10 after a transport failure and 5 after any other; a successful call
    /// puts 1 back, up to the capacity.
    pub fn retry_tokens(&self) -> Option<u32> {
        self.inner.budget.as_ref().map(RetryBudget::available)
    }

    /// The current access token, fetching or refreshing it if needed. Its `Debug` and
    /// `Display` are redacted; [`Secret::expose`] gives the text.
    pub fn token(&self) -> Result<Secret, Error> {
        Ok(self.access_token()?.token)
    }

    /// The current access token and its expiry, as the token API's `data` has them; fetched
    /// or refreshed like [`Client::token`].
    pub fn access_token(&self) -> Result<AccessToken, Error> {
        let deadline = self.start_deadline();
        let cached = self.cached_token(None, &deadline)?;
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

    /// The clock everything is measured with.
    pub(crate) fn clock(&self) -> &dyn Clock {
        self.inner.config.clock.as_ref()
    }

    /// The timeout of one attempt: the override, or the configured one.
    pub(crate) fn attempt_timeout(&self) -> Duration {
        self.timeout.unwrap_or(self.inner.config.timeout)
    }

    /// A call's deadline, starting now.
    pub(crate) fn start_deadline(&self) -> Deadline<'_> {
        let limit = self.deadline.unwrap_or(self.inner.config.deadline);
        Deadline::start(self.clock(), limit)
    }

    /// The token, fetched within the deadline of the call that needs it.
    pub(crate) fn cached_token(
        &self,
        stale: Option<u64>,
        deadline: &Deadline<'_>,
    ) -> Result<crate::token::Cached, Error> {
        let config = &self.inner.config;
        let margin_ms = u64::try_from(config.refresh_margin.as_millis()).unwrap_or(u64::MAX);
        self.inner
            .tokens
            .get(deadline, margin_ms, stale, &|| self.fetch_token(deadline))
    }

    fn fetch_token(&self, deadline: &Deadline<'_>) -> Result<(Secret, u64), Error> {
        let config = &self.inner.config;
        let data = self.call_within(
            &TokenOperation {
                access_key: &config.access_key,
                secret_key: &config.secret_key,
                clock: config.clock.as_ref(),
                period_second: config.period_second,
            },
            deadline,
        )?;
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

    /// Sends one request, with `timeout` for the whole of it, and reads its answer.
    pub(crate) fn send_once<O: Operation>(
        &self,
        call: &tracing::Span,
        descriptor: &Descriptor,
        query: &[(&'static str, String)],
        body: &[u8],
        token: Option<&Secret>,
        timeout: Duration,
    ) -> Result<O::Output, Failure> {
        let config = &self.inner.config;
        let url = format!("{}{}", config.base_url, descriptor.path);
        let agent = &self.inner.agent;
        let sent = match descriptor.method {
            Method::Get => self.prepare(agent.get(&url), query, token, timeout).call(),
            // Every other method sends a JSON body (`Method` is non-exhaustive for callers).
            _ => self
                .prepare(agent.post(&url), query, token, timeout)
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
        let now_ms = config.clock.now_ms();
        let retry_after = header("retry-after").and_then(|v| parse_retry_after(&v, now_ms));
        // The token API's refusal of the clock is judged with the answer's Date.
        let is_token = descriptor.path == Endpoint::Token.path();
        let server_date_ms = is_token
            .then(|| header("date"))
            .flatten()
            .and_then(|v| parse_http_date_ms(&v));
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
        let failure = |error| Failure {
            error: if is_token {
                judge_token_refusal(error, server_date_ms, now_ms)
            } else {
                error
            },
            retry_after,
        };
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
    /// The headers, query and timeout every request carries (the agent's own timeout is
    /// the configured one: only another is set on the request).
    fn prepare<B>(
        &self,
        request: RequestBuilder<B>,
        query: &[(&'static str, String)],
        token: Option<&Secret>,
        timeout: Duration,
    ) -> RequestBuilder<B> {
        let mut request = query
            .iter()
            .fold(request, |r, (name, value)| r.query(*name, value))
            .header("Accept", "application/json");
        if let Some(token) = token {
            request = request.header("X-ACCESS-TOKEN", token.expose());
        }
        if timeout == self.inner.config.timeout {
            request
        } else {
            request.config().timeout_global(Some(timeout)).build()
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
