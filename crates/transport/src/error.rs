//! The one error type of the client.
//!
//! `Display` is written for an operator reading a log: it names what failed and what to
//! do, and never shows a key, a token, an ID number or any other field of a person. The
//! server's own `message` is shown: it is the rule a request broke, not request data.

use std::fmt;
use std::time::Duration;

use advanceai_core::{
    EnvelopeError, InvalidRequest, ParseError, ResponseCode, TIMESTAMP_TOLERANCE_MS,
};

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
///
/// `Clone`, so that the threads waiting on one token fetch all get its failure.
#[derive(Clone, Debug, thiserror::Error)]
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
    /// The call's deadline ([`crate::ClientConfigBuilder::deadline`],
    /// [`crate::Client::with_deadline`]) was reached: an attempt was cut short by it, or the
    /// pause before the next retry would have crossed it, or no attempt could start. The
    /// last attempt's failure is inside (none when nothing was sent); its kind, code,
    /// transaction id and verdict are this error's, and with no attempt the kind is
    /// [`crate::ErrorKind::Timeout`], not processed.
    #[error("{}", deadline_message(.deadline, .last.as_deref()))]
    DeadlineReached {
        /// The deadline the call had.
        deadline: Duration,
        /// The last attempt's failure, if a request was sent.
        last: Option<Box<Error>>,
    },
    /// The token API refused the request's timestamp (`PARAMETER_ERROR` / `Timestamp error`):
    /// the local clock is more than 300 s away from the server's. Its kind, code and
    /// transaction id are the refusal's ([`crate::ErrorKind::Api`], `PARAMETER_ERROR`); the
    /// message says how far off the clock is when the answer had a `Date` header.
    #[error("{}", clock_message(.refusal, *.skew_ms))]
    ClockSkew {
        /// The token API's answer ([`Error::Api`]).
        refusal: Box<Error>,
        /// How far the local clock is ahead of the server's, in milliseconds (negative:
        /// behind), measured from the answer's `Date` header (whole seconds); `None` when
        /// there was none.
        skew_ms: Option<i64>,
    },
}

/// `DeadlineReached`'s message: the deadline, whether the request may have been processed,
/// and the last attempt's failure.
fn deadline_message(deadline: &Duration, last: Option<&Error>) -> String {
    match last {
        None => format!(
            "the call's deadline of {deadline:?} was reached before a request was sent (the \
             request was not sent)"
        ),
        Some(last) => {
            let processed = if last.may_have_been_processed() {
                "the request may have been processed"
            } else {
                "the request was not processed"
            };
            format!(
                "the call's deadline of {deadline:?} was reached ({processed}); the last attempt: {last}"
            )
        }
    }
}

/// `ClockSkew`'s message: by how much the local clock is off, when the `Date` header said.
fn clock_message(refusal: &Error, skew_ms: Option<i64>) -> String {
    let tolerance = TIMESTAMP_TOLERANCE_MS / 1000;
    let how_far = match skew_ms {
        Some(skew) => {
            let seconds = (skew.unsigned_abs() + 500) / 1000;
            let side = if skew >= 0 { "ahead of" } else { "behind" };
            format!("the local clock is {seconds} s {side} the server's")
        }
        None => format!(
            "the local clock is more than {tolerance} s away from the server's (the answer had \
             no Date header to say by how much)"
        ),
    };
    format!(
        "{how_far}: the token API refused the request's timestamp, which must be within \
         {tolerance} s of the server's clock; set the clock right (NTP) ({refusal})"
    )
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
            Self::TokenUnavailable(inner) | Self::ClockSkew { refusal: inner, .. } => {
                inner.transaction_id()
            }
            Self::DeadlineReached { last, .. } => last.as_deref().and_then(Self::transaction_id),
            _ => None,
        }
    }

    /// The HTTP status of an [`Error::UnexpectedResponse`] (502 from a proxy...).
    pub fn http_status(&self) -> Option<u16> {
        match self {
            Self::UnexpectedResponse { status, .. } => Some(*status),
            Self::TokenUnavailable(inner) | Self::ClockSkew { refusal: inner, .. } => {
                inner.http_status()
            }
            Self::DeadlineReached { last, .. } => last.as_deref().and_then(Self::http_status),
            _ => None,
        }
    }

    /// The server's code, for [`Error::Api`] and for a local refusal ([`Error::InvalidInput`]).
    pub fn code(&self) -> Option<ResponseCode> {
        match self {
            Self::Api { code, .. } => Some(code.clone()),
            Self::InvalidInput(problem) => Some(problem.code()),
            Self::TokenUnavailable(inner) | Self::ClockSkew { refusal: inner, .. } => inner.code(),
            Self::DeadlineReached { last, .. } => last.as_deref().and_then(Self::code),
            _ => None,
        }
    }

    /// Whether the call ended because its deadline was reached ([`Error::DeadlineReached`],
    /// also inside [`Error::TokenUnavailable`]).
    pub fn deadline_reached(&self) -> bool {
        match self {
            Self::DeadlineReached { .. } => true,
            Self::TokenUnavailable(inner) => inner.deadline_reached(),
            _ => false,
        }
    }

    /// How far the local clock is ahead of the server's, in milliseconds (negative: behind),
    /// when the token API refused the clock ([`Error::ClockSkew`], also inside
    /// [`Error::TokenUnavailable`]) and its answer had a `Date` header.
    pub fn clock_skew_ms(&self) -> Option<i64> {
        match self {
            Self::ClockSkew { skew_ms, .. } => *skew_ms,
            Self::TokenUnavailable(inner) => inner.clock_skew_ms(),
            _ => None,
        }
    }

    /// Whether the token API refused the local clock ([`Error::ClockSkew`], also inside
    /// [`Error::TokenUnavailable`]).
    pub fn is_clock_skew(&self) -> bool {
        match self {
            Self::ClockSkew { .. } => true,
            Self::TokenUnavailable(inner) => inner.is_clock_skew(),
            _ => false,
        }
    }
}

/// The token API's answer to a token request, judged: `PARAMETER_ERROR` / `Timestamp error`
/// (core's [`InvalidRequest::TimestampInvalid`] message) becomes [`Error::ClockSkew`], with
/// the skew measured from the answer's `Date` header (`server_date_ms`) against the local
/// clock (`now_ms`); any other error is returned as is.
pub(crate) fn judge_token_refusal(error: Error, server_date_ms: Option<u64>, now_ms: u64) -> Error {
    let timestamp = InvalidRequest::TimestampInvalid;
    let refused_clock = matches!(
        &error,
        Error::Api { code, message, .. }
            if *code == timestamp.code() && message.trim() == timestamp.message()
    );
    if !refused_clock {
        return error;
    }
    let skew_ms = server_date_ms.map(|date| {
        let skew = i128::from(now_ms) - i128::from(date);
        i64::try_from(skew).unwrap_or(if skew < 0 { i64::MIN } else { i64::MAX })
    });
    Error::ClockSkew {
        refusal: Box::new(error),
        skew_ms,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn timestamp_refusal() -> Error {
        Error::Api {
            code: ResponseCode::ParameterError,
            message: "Timestamp error".into(),
            transaction_id: Some("t-1".into()),
            retryable: false,
        }
    }

    #[test]
    fn a_refused_timestamp_is_a_clock_problem_measured_from_the_date() {
        let now_ms = 1_700_000_312_000;
        let ahead = judge_token_refusal(timestamp_refusal(), Some(1_700_000_000_000), now_ms);
        assert!(ahead.is_clock_skew());
        assert_eq!(ahead.clock_skew_ms(), Some(312_000));
        let text = ahead.to_string();
        assert!(
            text.starts_with("the local clock is 312 s ahead of the server's"),
            "{text}"
        );
        assert!(text.contains("PARAMETER_ERROR: Timestamp error"), "{text}");
        assert_eq!(ahead.code(), Some(ResponseCode::ParameterError));
        assert_eq!(ahead.transaction_id(), Some("t-1"));

        let behind = judge_token_refusal(timestamp_refusal(), Some(now_ms + 400_400), now_ms);
        assert_eq!(behind.clock_skew_ms(), Some(-400_400));
        assert!(
            behind
                .to_string()
                .starts_with("the local clock is 400 s behind the server's"),
            "{behind}"
        );

        let unknown = judge_token_refusal(timestamp_refusal(), None, now_ms);
        assert!(unknown.is_clock_skew() && unknown.clock_skew_ms().is_none());
        assert!(
            unknown.to_string().contains("more than 300 s away"),
            "{unknown}"
        );

        // Inside TokenUnavailable, still found.
        let wrapped = Error::TokenUnavailable(Box::new(ahead));
        assert!(wrapped.is_clock_skew());
        assert_eq!(wrapped.clock_skew_ms(), Some(312_000));

        // Any other refusal is left as it is.
        let signature = Error::Api {
            code: ResponseCode::ParameterError,
            message: "Signature error".into(),
            transaction_id: None,
            retryable: false,
        };
        let same = judge_token_refusal(signature, Some(0), now_ms);
        assert!(matches!(same, Error::Api { .. }) && !same.is_clock_skew());
    }

    #[test]
    fn a_reached_deadline_says_so_and_whether_the_request_may_have_been_processed() {
        let cut = Error::DeadlineReached {
            deadline: Duration::from_millis(300),
            last: Some(Box::new(Error::Transport {
                kind: TransportErrorKind::Timeout,
                may_have_been_sent: true,
                detail: "timeout: global".into(),
            })),
        };
        let text = cut.to_string();
        assert!(text.contains("deadline of 300ms was reached"), "{text}");
        assert!(
            text.contains("(the request may have been processed)"),
            "{text}"
        );
        assert!(cut.deadline_reached() && cut.may_have_been_processed());

        let busy = Error::DeadlineReached {
            deadline: Duration::from_secs(2),
            last: Some(Box::new(Error::Api {
                code: ResponseCode::ServiceBusy,
                message: "busy".into(),
                transaction_id: Some("t-2".into()),
                retryable: true,
            })),
        };
        assert!(busy.to_string().contains("(the request was not processed)"));
        assert_eq!(busy.code(), Some(ResponseCode::ServiceBusy));
        assert_eq!(busy.transaction_id(), Some("t-2"));

        let nothing = Error::DeadlineReached {
            deadline: Duration::from_secs(1),
            last: None,
        };
        assert!(nothing.to_string().contains("before a request was sent"));
        assert!(!nothing.may_have_been_processed());
        assert!(Error::TokenUnavailable(Box::new(nothing)).deadline_reached());
    }
}
