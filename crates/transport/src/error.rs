//! The one error type of the client.
//!
//! `Display` is written for an operator reading a log: it names what failed and what to
//! do, and never shows a key, a token, an ID number or any other field of a person. The
//! server's own `message` is shown: it is the rule a request broke, not request data.

use std::fmt;
use std::time::Duration;

use advanceai_core::{EnvelopeError, InvalidRequest, ParseError, ResponseCode};

use crate::config::ConfigError;

/// What went wrong at the transport level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TransportErrorKind {
    /// No connection could be made (refused, unreachable).
    Connect,
    /// The host name did not resolve.
    Dns,
    /// The call did not finish within its timeout.
    Timeout,
    /// The TLS handshake or session failed (certificate not trusted, …).
    Tls,
    /// Reading or writing failed mid-way (connection reset or cut, …).
    Io,
}

impl fmt::Display for TransportErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Connect => "cannot connect",
            Self::Dns => "cannot resolve the host name",
            Self::Timeout => "timed out",
            Self::Tls => "TLS failure",
            Self::Io => "connection failed mid-way",
        })
    }
}

/// Every way a call can fail.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Refused locally before sending: the code and message are the ones the server would
    /// have answered with.
    #[error("invalid request, not sent: {}: {}", .0.code(), .0.message())]
    InvalidInput(InvalidRequest),
    /// The server answered with a code other than `SUCCESS`.
    #[error("the API answered {code}: {message} (transactionId {}{})",
        .transaction_id.as_deref().unwrap_or("none"),
        if *.retryable { "; a later retry may succeed" } else { "" })]
    Api {
        /// The envelope's code.
        code: ResponseCode,
        /// The server's message (the rule that was broken; no request data).
        message: String,
        /// The vendor's id of the call: quote it to support.
        transaction_id: Option<String>,
        /// Whether sending the same request again later may succeed (`SERVICE_BUSY`,
        /// `RETRY_LATER`, `REQUEST_IN_PROCESSING`).
        retryable: bool,
    },
    /// The server answered `SUCCESS` without a `data` object.
    #[error("the API answered SUCCESS without data (transactionId {})", .transaction_id.as_deref().unwrap_or("none"))]
    MissingData {
        /// The vendor's id of the call.
        transaction_id: Option<String>,
    },
    /// The request could not be completed at the network level.
    #[error("{kind}{}: {detail}", if *.may_have_been_sent { " (the request may have been processed)" } else { " (the request was not sent)" })]
    Transport {
        /// What failed.
        kind: TransportErrorKind,
        /// Whether the server may have received, and processed (and billed), the request.
        /// `false` only when it provably never left: connection refused, DNS failure,
        /// connect timeout, a refused TLS handshake, a proxy that refused the tunnel.
        may_have_been_sent: bool,
        /// The HTTP library's description (no headers or bodies).
        detail: String,
    },
    /// The server (or a proxy in front of it) sent something that is not the API's answer.
    #[error("unexpected HTTP {status} response (content type {}){}",
        .content_type.as_deref().unwrap_or("none"),
        .excerpt.as_deref().map(|e| format!(": {e:?}")).unwrap_or_default())]
    UnexpectedResponse {
        /// The HTTP status.
        status: u16,
        /// The `Content-Type` header.
        content_type: Option<String>,
        /// The start of the body (at most 200 bytes), only when the body is not JSON: an
        /// API body may carry personal data, a proxy's HTML page does not.
        excerpt: Option<String>,
    },
    /// The body looked like the API's JSON but could not be read (truncated, malformed).
    #[error("cannot read the API's answer: {0}")]
    Parse(ParseError),
    /// The body was larger than the configured maximum.
    #[error("the response is larger than the {limit}-byte limit")]
    ResponseTooLarge {
        /// The limit, in bytes.
        limit: u64,
    },
    /// [`crate::Client::wait_for_result`] reached its deadline before the result was final.
    #[error("the result is still pending after {waited:?}")]
    ResultPending {
        /// How long the wait lasted.
        waited: Duration,
    },
    /// The configuration is invalid.
    #[error("invalid configuration: {0}")]
    Config(#[from] ConfigError),
    /// The call needed an access token and could not get one, so its own request was never
    /// sent (nothing was billed). The token call's own failure is inside: its kind, code and
    /// transaction id are this error's ([`Error::kind`], [`Error::code`],
    /// [`Error::transaction_id`]). [`crate::Client::token`] itself returns that failure
    /// unwrapped.
    #[error("no access token, so the request was not sent: {0}")]
    TokenUnavailable(Box<Error>),
}

impl From<EnvelopeError> for Error {
    /// An envelope without usable `data`: the server's code, message and transaction id, or
    /// `SUCCESS` without `data`.
    fn from(error: EnvelopeError) -> Self {
        match error {
            EnvelopeError::Api(api) => Self::Api {
                retryable: api.is_transient(),
                code: api.code,
                message: api.message,
                transaction_id: api.transaction_id,
            },
            EnvelopeError::MissingData { transaction_id } => Self::MissingData { transaction_id },
            // A kind core adds later: no data is all that can be said.
            _ => Self::MissingData {
                transaction_id: None,
            },
        }
    }
}

impl Error {
    /// The vendor's id of the failed call, when the server sent one ([`Error::Api`],
    /// [`Error::MissingData`]): quote it to support.
    pub fn transaction_id(&self) -> Option<&str> {
        match self {
            Self::Api { transaction_id, .. } | Self::MissingData { transaction_id } => {
                transaction_id.as_deref()
            }
            Self::TokenUnavailable(token) => token.transaction_id(),
            _ => None,
        }
    }

    /// The HTTP status of an [`Error::UnexpectedResponse`] (502 from a proxy...).
    pub fn http_status(&self) -> Option<u16> {
        match self {
            Self::UnexpectedResponse { status, .. } => Some(*status),
            Self::TokenUnavailable(token) => token.http_status(),
            _ => None,
        }
    }

    /// The server's code, for [`Error::Api`] and for a local refusal ([`Error::InvalidInput`]).
    pub fn code(&self) -> Option<ResponseCode> {
        match self {
            Self::Api { code, .. } => Some(code.clone()),
            Self::InvalidInput(problem) => Some(problem.code()),
            Self::TokenUnavailable(token) => token.code(),
            _ => None,
        }
    }
}

/// The first `max` bytes of `body`, cut on a character boundary, with invalid UTF-8
/// replaced.
pub(crate) fn excerpt(body: &[u8], max: usize) -> String {
    let text = String::from_utf8_lossy(&body[..body.len().min(max)]);
    let mut text = text.into_owned();
    while text.len() > max {
        text.pop();
    }
    text.trim().to_owned()
}
