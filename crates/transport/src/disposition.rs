//! One verdict on every failure, computed once: every layer above reads it.
//!
//! [`Error::disposition`] answers, for a call that is [`Idempotency::Idempotent`] or
//! [`Idempotency::Billable`]: does the client retry it, may the caller resend it safely,
//! may it already have been processed (and billed), does it refuse the whole account, and
//! what is its stable kind name. The C ABI, the C++ and Go bindings and the CLI report
//! these answers as they are; none of them decides again.

use std::fmt;

use advanceai_core::Idempotency;

use crate::error::{Error, TransportErrorKind};

/// The kind of a failure: one stable list of names, the same in the CLI's JSON
/// (`error.kind`), the C ABI's `advanceai_status` names (`ADVANCEAI_STATUS_<NAME>`), C++
/// and Go.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Refused locally before sending ([`Error::InvalidInput`]).
    InvalidInput,
    /// The server answered a code other than `SUCCESS` ([`Error::Api`]).
    Api,
    /// No connection, a failed TLS handshake, a connection cut mid-way
    /// ([`Error::Transport`] other than a timeout).
    Transport,
    /// The call did not finish within its timeout ([`Error::Transport`] with
    /// [`TransportErrorKind::Timeout`]).
    Timeout,
    /// Something that is not the API's answer, such as a proxy's HTML page
    /// ([`Error::UnexpectedResponse`]).
    UnexpectedResponse,
    /// The body looked like the API's JSON but could not be read ([`Error::Parse`]).
    Parse,
    /// The body was larger than the configured maximum ([`Error::ResponseTooLarge`]).
    ResponseTooLarge,
    /// The configuration is invalid ([`Error::Config`]).
    Config,
    /// A wait for a final result reached its deadline ([`Error::ResultPending`]).
    ResultPending,
    /// `SUCCESS` without a `data` object ([`Error::MissingData`]).
    MissingData,
}

impl ErrorKind {
    /// Every kind, in the order of the C ABI's status values.
    pub const ALL: &'static [ErrorKind] = &[
        Self::InvalidInput,
        Self::Api,
        Self::Transport,
        Self::Timeout,
        Self::UnexpectedResponse,
        Self::Parse,
        Self::ResponseTooLarge,
        Self::Config,
        Self::ResultPending,
        Self::MissingData,
    ];

    /// The stable name (`API_ERROR`, `TIMEOUT`...).
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::InvalidInput => "INVALID_INPUT",
            Self::Api => "API_ERROR",
            Self::Transport => "TRANSPORT_ERROR",
            Self::Timeout => "TIMEOUT",
            Self::UnexpectedResponse => "UNEXPECTED_RESPONSE",
            Self::Parse => "PARSE_ERROR",
            Self::ResponseTooLarge => "RESPONSE_TOO_LARGE",
            Self::Config => "CONFIG_ERROR",
            Self::ResultPending => "RESULT_PENDING",
            Self::MissingData => "MISSING_DATA",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a failure means for the call that got it, and what may be done about it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Disposition {
    /// The stable kind name.
    pub kind: ErrorKind,
    /// Whether the client itself retries the call (within its attempts): an idempotent
    /// call on a transient failure; a billable call only when the request provably never
    /// left (connection refused, DNS failure).
    pub client_retries: bool,
    /// Whether sending the same request again later may succeed *and* cannot bill twice:
    /// the failure is transient and the resend is safe. This is `retryable` in C, C++, Go
    /// and the CLI.
    pub retryable: bool,
    /// Whether resending cannot bill twice: the call is idempotent, or the request was
    /// provably not processed.
    pub safe_to_resend: bool,
    /// Whether the server may have processed (and billed) the request.
    pub may_have_been_processed: bool,
    /// Whether the failure refuses the whole account (bad keys, no balance, quota, disabled
    /// account): no other request can succeed until someone acts, so a batch must stop.
    pub refuses_account: bool,
    /// Whether the request itself is wrong (a local refusal, `PARAMETER_ERROR`, an unknown
    /// `signatureId`): resending it unchanged can never succeed.
    pub faults_the_request: bool,
}

impl Disposition {
    /// The verdict on a call refused before anything was built or sent: a local refusal
    /// ([`ErrorKind::InvalidInput`]) or a configuration error ([`ErrorKind::Config`]). Safe
    /// to resend, not processed, not retried, not the account's fault; the request's fault
    /// unless it was the configuration that was refused.
    ///
    /// The same answers for a refusal made above this crate (the C ABI's NULL arguments, a
    /// binding's string with an embedded NUL), so that no layer writes them again.
    pub fn refused_before_sending(kind: ErrorKind) -> Self {
        Self {
            kind,
            client_retries: false,
            retryable: false,
            safe_to_resend: true,
            may_have_been_processed: false,
            refuses_account: false,
            faults_the_request: kind != ErrorKind::Config,
        }
    }
}

impl Error {
    /// The stable kind of this failure.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Self::InvalidInput(_) => ErrorKind::InvalidInput,
            Self::Api { .. } => ErrorKind::Api,
            Self::Transport {
                kind: TransportErrorKind::Timeout,
                ..
            } => ErrorKind::Timeout,
            Self::Transport { .. } => ErrorKind::Transport,
            Self::UnexpectedResponse { .. } => ErrorKind::UnexpectedResponse,
            Self::Parse(_) => ErrorKind::Parse,
            Self::ResponseTooLarge { .. } => ErrorKind::ResponseTooLarge,
            Self::Config(_) => ErrorKind::Config,
            Self::ResultPending { .. } => ErrorKind::ResultPending,
            Self::MissingData { .. } => ErrorKind::MissingData,
            Self::TokenUnavailable(inner) | Self::ClockSkew { refusal: inner, .. } => inner.kind(),
            Self::DeadlineReached { last, .. } => {
                last.as_deref().map_or(ErrorKind::Timeout, Self::kind)
            }
        }
    }

    /// The verdict on this failure for a call that is `idempotency` (read it from the
    /// operation: `GetResultRequest::DESCRIPTOR.idempotency`).
    pub fn disposition(&self, idempotency: Idempotency) -> Disposition {
        match self {
            Self::TokenUnavailable(token) => return token_unavailable(token),
            Self::ClockSkew { refusal, .. } => return refusal.disposition(idempotency),
            // The last attempt's verdict, but the client retries no more: the time is up.
            Self::DeadlineReached {
                last: Some(last), ..
            } => {
                return Disposition {
                    client_retries: false,
                    ..last.disposition(idempotency)
                };
            }
            Self::DeadlineReached { last: None, .. } => return nothing_sent_in_time(),
            Self::InvalidInput(_) | Self::Config(_) => {
                return Disposition::refused_before_sending(self.kind());
            }
            _ => {}
        }
        let may_have_been_processed = self.may_have_been_processed();
        let safe_to_resend = idempotency == Idempotency::Idempotent || !may_have_been_processed;
        let transient = self.is_transient();
        let client_retries = match idempotency {
            Idempotency::Idempotent => transient && !matches!(self, Self::ResultPending { .. }),
            Idempotency::Billable => self.provably_never_left(),
        };
        let (refuses_account, faults_the_request) = match self {
            Self::Api { code, .. } => (code.refuses_account(), code.faults_the_request()),
            _ => (false, false),
        };
        Disposition {
            kind: self.kind(),
            client_retries,
            retryable: transient && safe_to_resend,
            safe_to_resend,
            may_have_been_processed,
            refuses_account,
            faults_the_request,
        }
    }

    /// Whether the server may have processed (and billed) the request: `false` for local
    /// refusals and configuration errors, for transport errors that prove the request never
    /// left, and for API codes that prove the server refused it before doing any work
    /// ([`advanceai_core::ResponseCode::proves_not_processed`]: `PARAMETER_ERROR`,
    /// `IAM_FAILED`, `SERVICE_BUSY`...), and for a call that could not get a token
    /// ([`Error::TokenUnavailable`]: its request never left). `ERROR` and codes this
    /// version does not know count as "may have been processed".
    pub fn may_have_been_processed(&self) -> bool {
        match self {
            Self::InvalidInput(_) | Self::Config(_) => false,
            Self::Api { code, .. } => !code.proves_not_processed(),
            Self::Transport {
                may_have_been_sent, ..
            } => *may_have_been_sent,
            Self::UnexpectedResponse { .. }
            | Self::Parse(_)
            | Self::ResponseTooLarge { .. }
            | Self::ResultPending { .. }
            | Self::MissingData { .. } => true,
            // The call's own request never left.
            Self::TokenUnavailable(_) => false,
            Self::ClockSkew { .. } => false,
            Self::DeadlineReached { last, .. } => {
                last.as_deref().is_some_and(Self::may_have_been_processed)
            }
        }
    }

    /// Whether the same request may succeed later: a network failure other than TLS (a
    /// certificate the client does not trust stays untrusted), HTTP 5xx or 429, the codes
    /// `SERVICE_BUSY` and `RETRY_LATER`, a result still pending.
    fn is_transient(&self) -> bool {
        match self {
            Self::Transport { kind, .. } => *kind != TransportErrorKind::Tls,
            Self::UnexpectedResponse { status, .. } => *status >= 500 || *status == 429,
            Self::Api { retryable, .. } => *retryable,
            Self::ResultPending { .. } => true,
            _ => false,
        }
    }

    /// Whether the request provably never left this machine: the connection was refused or
    /// the host name did not resolve.
    fn provably_never_left(&self) -> bool {
        matches!(
            self,
            Self::Transport {
                kind: TransportErrorKind::Connect | TransportErrorKind::Dns,
                may_have_been_sent: false,
                ..
            }
        )
    }
}

/// The verdict on a call whose deadline passed before it sent anything: a timeout, not
/// processed, safe to resend, and worth resending later (with more time).
fn nothing_sent_in_time() -> Disposition {
    Disposition {
        kind: ErrorKind::Timeout,
        client_retries: false,
        retryable: true,
        safe_to_resend: true,
        may_have_been_processed: false,
        refuses_account: false,
        faults_the_request: false,
    }
}

/// The verdict on a call that could not get a token: its request was never sent, so it is
/// safe to resend and was not processed; the token call already had its own retries. A
/// token the API refuses for good (keys, signature, clock, account) refuses every call.
fn token_unavailable(token: &Error) -> Disposition {
    let as_token_call = token.disposition(Idempotency::Idempotent);
    Disposition {
        kind: as_token_call.kind,
        client_retries: false,
        retryable: as_token_call.retryable,
        safe_to_resend: true,
        may_have_been_processed: false,
        // An API answer (a clock the API refuses included) that a later try cannot change.
        refuses_account: as_token_call.kind == ErrorKind::Api && !as_token_call.retryable,
        faults_the_request: false,
    }
}

#[cfg(test)]
mod tests;
