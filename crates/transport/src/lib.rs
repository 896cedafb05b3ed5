//! The synchronous client for the ADVANCE.AI identity-verification API, on `ureq`.
//!
//! Builds on `advanceai-core` (validation, signing, parsing; every item of it is re-exported
//! here, so this is the one dependency a client needs) and adds the network: one connection
//! pool, the token lifecycle, retries that never bill twice, and one typed [`Error`] whose
//! [`Error::disposition`] is the one verdict every layer above reads.
//!
//! Every call goes through [`Client::execute`], which runs any [`Operation`]; the named
//! methods (`verify_id_number`, `generate_url`, `get_result`) are that with a fixed one.
//!
//! ```no_run
//! use advanceai_transport::{Client, ClientConfig, IdNumberVerificationRequest};
//!
//! let client = Client::new(ClientConfig::from_env()?);
//! let request = IdNumberVerificationRequest::new("order-1", "user-1", "NGA", "BVN", "22222222222");
//! let data = client.verify_id_number(&request)?;
//! println!("passed: {}", data.passed());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Token lifecycle
//! The token is fetched on first use, cached, and replaced once the clock is within the
//! refresh margin (default 60 s) of its `expiredTime`. However many threads ask at once,
//! one fetch is in flight; the others wait for it, and get its failure if it fails (they do
//! not each fetch again in turn); the next fetch after a failure waits 200 ms to 1 s
//! (jittered) first. A call answered `IAM_FAILED` gets one forced refresh and one more try;
//! a second `IAM_FAILED` is returned (an entitlement problem, not a stale token). A token
//! request refused with `PARAMETER_ERROR` / `Timestamp error` is [`Error::ClockSkew`]: the
//! local clock is off, by the amount the answer's `Date` header shows. The clock is
//! injectable ([`Clock`], [`ManualClock`]): timestamps, expiry, deadlines and every pause
//! run on it.
//!
//! # Time limits: one deadline per call
//! Each attempt has a timeout ([`DEFAULT_TIMEOUT`], 30 s); each call has a deadline
//! ([`DEFAULT_DEADLINE`], 60 s; [`ClientConfigBuilder::deadline`], [`Client::with_deadline`])
//! bounding all its attempts, the pauses between them, `Retry-After` waits and the token
//! fetch it starts. Each attempt's timeout is cut to the time left; a pause that would cross
//! the deadline ends the call with [`Error::DeadlineReached`], which holds the last
//! attempt's failure and says whether the request may have been processed.
//!
//! # Retry budget
//! Retries draw on a token bucket shared by every clone of a client, as in the AWS SDKs'
//! standard retry mode ([`DEFAULT_RETRY_BUDGET`] 500 tokens; a retry costs 10 after a
//! transport failure and 5 after any other; a successful call puts 1 back). When the bucket
//! cannot pay, the call returns its error without retrying, so an outage costs at most one
//! request per call plus what the budget allows ([`RetryPolicy::budget`]).
//!
//! # Retries: never bill twice
//! See [`RetryPolicy`] and the module docs of `retry`: token and Get Result are retried on
//! transient failures; database verification and Generate URL only when the request
//! provably never left (connection refused, DNS failure). Otherwise the error is returned
//! and [`Error::may_have_been_processed`] says whether the server may have processed (and
//! billed) the request. `Retry-After` is read as delta seconds (`10`), `10s` or an HTTP
//! date, and honoured up to [`RetryPolicy::max_retry_after`]; `SERVICE_BUSY` is the same
//! answer on HTTP 429 as on 200.
//!
//! # Callbacks
//! The vendor does not sign the notification it posts to a `callbackUrl`: put a random
//! [`CallbackSecret`] in the URL's query and check it on every incoming request (in
//! constant time), then fetch the result with Get Result.
//!
//! # Telemetry
//! [`tracing`](https://docs.rs/tracing) spans at debug level, always on (a span costs
//! nothing without a subscriber): `advanceai.call` for each call (fields `endpoint`,
//! `attempts`, `outcome`, `code`, `transaction_id`, `latency_ms`), holding one
//! `advanceai.attempt` per request sent (`endpoint`, `attempt`, `http_status`, `outcome`,
//! `code`, `transaction_id`, `latency_ms`) and its `attempt finished` event; a `retry not
//! sent` event (`endpoint`, `attempt`, `reason`: `deadline` or `retry budget`) when a retry
//! the call wanted was not sent. `outcome` is
//! `SUCCESS` or an [`ErrorKind`] name. Users of the `log` facade get the events as log
//! records (tracing's `log` feature) when no tracing subscriber is installed. Never a key, a
//! token, a signature, an ID number, a person field, a body or a URL query.

mod attempts;
mod budget;
mod callback;
mod client;
mod config;
mod deadline;
mod disposition;
mod error;
mod resolver;
mod retry;
mod telemetry;
mod token;
mod wait;

/// Everything of `advanceai-core` (requests, results, codes, validation, parsing), so that a
/// client needs this one dependency: `use advanceai_transport::IdNumberVerificationRequest`.
#[doc(no_inline)]
pub use advanceai_core::*;
pub use callback::CallbackSecret;
pub use client::{Client, EXCERPT_MAX_BYTES};
pub use config::{
    ClientConfig, ClientConfigBuilder, ConfigError, DEFAULT_CONNECT_TIMEOUT, DEFAULT_DEADLINE,
    DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_REFRESH_MARGIN, DEFAULT_RETRY_BUDGET, DEFAULT_TIMEOUT,
    ENV_ACCESS_KEY, ENV_BASE_URL, ENV_SECRET_KEY, ProxySetting, USER_AGENT,
};
pub use disposition::{Disposition, ErrorKind};
pub use error::{Error, TransportErrorKind};
pub use retry::RetryPolicy;
pub use token::AccessToken;
pub use wait::WaitOptions;

#[cfg(test)]
mod send_sync {
    fn assert_send_sync<T: Send + Sync + Clone>() {}

    #[test]
    fn client_is_send_sync_clone() {
        assert_send_sync::<crate::Client>();
    }
}
