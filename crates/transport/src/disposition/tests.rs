use std::time::Duration;

use advanceai_core::{InvalidRequest, ParseErrorKind, ResponseCode, parse_envelope};

use super::*;
use crate::ConfigError;

const IDEMPOTENT: Idempotency = Idempotency::Idempotent;
const BILLABLE: Idempotency = Idempotency::Billable;

fn transport(kind: TransportErrorKind, sent: bool) -> Error {
    Error::Transport {
        kind,
        may_have_been_sent: sent,
        detail: String::new(),
    }
}

fn api(code: ResponseCode) -> Error {
    Error::Api {
        retryable: code.is_transient(),
        code,
        message: String::new(),
        transaction_id: None,
    }
}

fn unexpected(status: u16) -> Error {
    Error::UnexpectedResponse {
        status,
        content_type: None,
        excerpt: None,
    }
}

fn parse_error() -> Error {
    let error = parse_envelope::<serde_json::Value>(b"{\"code\":\"SUCCESS\"")
        .err()
        .map(Error::Parse);
    assert!(matches!(&error, Some(Error::Parse(e)) if e.kind() == ParseErrorKind::Truncated));
    error.unwrap_or(Error::ResponseTooLarge { limit: 0 })
}

fn deadline(last: Option<Error>) -> Error {
    Error::DeadlineReached {
        deadline: Duration::from_secs(60),
        last: last.map(Box::new),
    }
}

fn clock_skew() -> Error {
    Error::ClockSkew {
        refusal: Box::new(Error::Api {
            code: ResponseCode::ParameterError,
            message: "Timestamp error".into(),
            transaction_id: Some("t-1".into()),
            retryable: false,
        }),
        skew_ms: Some(312_000),
    }
}

/// One row: the error, then for (idempotent, billable): client retries, retryable,
/// safe to resend; then may have been processed, refuses the account, faults the
/// request, kind.
struct Row {
    error: Error,
    idempotent: (bool, bool, bool),
    billable: (bool, bool, bool),
    processed: bool,
    account: bool,
    request: bool,
    kind: &'static str,
}

fn rows() -> Vec<Row> {
    use ResponseCode as C;
    use TransportErrorKind as T;
    let row = |error, idempotent, billable, processed, account, request, kind| Row {
        error,
        idempotent,
        billable,
        processed,
        account,
        request,
        kind,
    };
    let all = (true, true, true);
    let none = (false, false, false);
    let safe_only = (false, false, true);
    vec![
        row(
            Error::InvalidInput(InvalidRequest::BizIdMissing),
            safe_only,
            safe_only,
            false,
            false,
            true,
            "INVALID_INPUT",
        ),
        row(
            Error::Config(ConfigError::NoAttempt),
            safe_only,
            safe_only,
            false,
            false,
            false,
            "CONFIG_ERROR",
        ),
        // Never left: retried whatever the call.
        row(
            transport(T::Connect, false),
            all,
            all,
            false,
            false,
            false,
            "TRANSPORT_ERROR",
        ),
        row(
            transport(T::Dns, false),
            all,
            all,
            false,
            false,
            false,
            "TRANSPORT_ERROR",
        ),
        // A connect timeout proves nothing left, yet only DNS and refusals are retried
        // for a billable call; the caller may resend it safely.
        row(
            transport(T::Timeout, false),
            all,
            (false, true, true),
            false,
            false,
            false,
            "TIMEOUT",
        ),
        // May have arrived: a billable call is neither retried nor safe to resend.
        row(
            transport(T::Timeout, true),
            all,
            none,
            true,
            false,
            false,
            "TIMEOUT",
        ),
        row(
            transport(T::Io, true),
            all,
            none,
            true,
            false,
            false,
            "TRANSPORT_ERROR",
        ),
        row(
            transport(T::Connect, true),
            all,
            none,
            true,
            false,
            false,
            "TRANSPORT_ERROR",
        ),
        // TLS: never retried, never "retryable" (the certificate stays untrusted).
        row(
            transport(T::Tls, false),
            safe_only,
            safe_only,
            false,
            false,
            false,
            "TRANSPORT_ERROR",
        ),
        row(
            transport(T::Tls, true),
            safe_only,
            none,
            true,
            false,
            false,
            "TRANSPORT_ERROR",
        ),
        row(
            unexpected(502),
            all,
            none,
            true,
            false,
            false,
            "UNEXPECTED_RESPONSE",
        ),
        row(
            unexpected(429),
            all,
            none,
            true,
            false,
            false,
            "UNEXPECTED_RESPONSE",
        ),
        row(
            unexpected(404),
            safe_only,
            none,
            true,
            false,
            false,
            "UNEXPECTED_RESPONSE",
        ),
        // SERVICE_BUSY proves nothing was processed: safe and retryable for both, but
        // the client leaves a billable call's resend to its caller.
        row(
            api(C::ServiceBusy),
            all,
            (false, true, true),
            false,
            false,
            false,
            "API_ERROR",
        ),
        row(
            api(C::RetryLater),
            all,
            (false, true, true),
            false,
            false,
            false,
            "API_ERROR",
        ),
        // A Clear Data already in processing: retry later, never a failed request.
        row(
            api(C::RequestInProcessing),
            all,
            (false, true, true),
            false,
            false,
            false,
            "API_ERROR",
        ),
        row(
            api(C::ParameterError),
            safe_only,
            safe_only,
            false,
            false,
            true,
            "API_ERROR",
        ),
        row(
            api(C::SignatureNotExist),
            safe_only,
            safe_only,
            false,
            false,
            true,
            "API_ERROR",
        ),
        row(
            api(C::IamFailed),
            safe_only,
            safe_only,
            false,
            true,
            false,
            "API_ERROR",
        ),
        row(
            api(C::InsufficientBalance),
            safe_only,
            safe_only,
            false,
            true,
            false,
            "API_ERROR",
        ),
        row(
            api(C::AccountDisabled),
            safe_only,
            safe_only,
            false,
            true,
            false,
            "API_ERROR",
        ),
        // ERROR and unknown codes: the vendor does not say at which stage; assume the
        // request may have been processed.
        row(
            api(C::Error),
            safe_only,
            none,
            true,
            false,
            false,
            "API_ERROR",
        ),
        row(
            api(C::Unknown("NEW_CODE".into())),
            safe_only,
            none,
            true,
            false,
            false,
            "API_ERROR",
        ),
        row(
            parse_error(),
            safe_only,
            none,
            true,
            false,
            false,
            "PARSE_ERROR",
        ),
        row(
            Error::ResponseTooLarge { limit: 1 },
            safe_only,
            none,
            true,
            false,
            false,
            "RESPONSE_TOO_LARGE",
        ),
        row(
            Error::MissingData {
                transaction_id: None,
            },
            safe_only,
            none,
            true,
            false,
            false,
            "MISSING_DATA",
        ),
        // No token: the call itself never left, whatever happened to the token request.
        row(
            Error::TokenUnavailable(Box::new(transport(T::Timeout, true))),
            (false, true, true),
            (false, true, true),
            false,
            false,
            false,
            "TIMEOUT",
        ),
        // Keys the token API refuses refuse every call: a batch stops.
        row(
            Error::TokenUnavailable(Box::new(api(C::ParameterError))),
            safe_only,
            safe_only,
            false,
            true,
            false,
            "API_ERROR",
        ),
        row(
            Error::TokenUnavailable(Box::new(api(C::ServiceBusy))),
            (false, true, true),
            (false, true, true),
            false,
            false,
            false,
            "API_ERROR",
        ),
        row(
            Error::TokenUnavailable(Box::new(unexpected(502))),
            (false, true, true),
            (false, true, true),
            false,
            false,
            false,
            "UNEXPECTED_RESPONSE",
        ),
        // A deadline reached after an attempt: that attempt's verdict, but no more retries.
        row(
            deadline(Some(transport(T::Timeout, true))),
            (false, true, true),
            (false, false, false),
            true,
            false,
            false,
            "TIMEOUT",
        ),
        row(
            deadline(Some(api(C::ServiceBusy))),
            (false, true, true),
            (false, true, true),
            false,
            false,
            false,
            "API_ERROR",
        ),
        // Nothing sent in time: a timeout that may be resent, processed by no one.
        row(
            deadline(None),
            (false, true, true),
            (false, true, true),
            false,
            false,
            false,
            "TIMEOUT",
        ),
        row(
            Error::TokenUnavailable(Box::new(deadline(None))),
            (false, true, true),
            (false, true, true),
            false,
            false,
            false,
            "TIMEOUT",
        ),
        // The token API refused the clock: the refusal's verdict; for any other call, it
        // refuses every call until the clock is fixed.
        row(
            clock_skew(),
            safe_only,
            safe_only,
            false,
            false,
            true,
            "API_ERROR",
        ),
        row(
            Error::TokenUnavailable(Box::new(clock_skew())),
            safe_only,
            safe_only,
            false,
            true,
            false,
            "API_ERROR",
        ),
        // Waiting longer may help; the client's call loop does not retry it itself.
        row(
            Error::ResultPending {
                waited: Duration::from_secs(1),
            },
            (false, true, true),
            (false, false, false),
            true,
            false,
            false,
            "RESULT_PENDING",
        ),
    ]
}

#[test]
fn every_variant_for_both_kinds_of_call() {
    let rows = rows();
    for row in &rows {
        for (idempotency, (retries, retryable, safe)) in
            [(IDEMPOTENT, row.idempotent), (BILLABLE, row.billable)]
        {
            let d = row.error.disposition(idempotency);
            let context = format!("{:?} on a {idempotency:?} call", row.error);
            assert_eq!(d.client_retries, retries, "client_retries: {context}");
            assert_eq!(d.retryable, retryable, "retryable: {context}");
            assert_eq!(d.safe_to_resend, safe, "safe_to_resend: {context}");
            assert_eq!(d.may_have_been_processed, row.processed, "{context}");
            assert_eq!(d.refuses_account, row.account, "{context}");
            assert_eq!(d.faults_the_request, row.request, "{context}");
            assert_eq!(d.kind.as_str(), row.kind, "{context}");
            // A billable call is never retried once it may have been processed.
            assert!(!(idempotency == BILLABLE && d.client_retries && d.may_have_been_processed));
        }
    }
    // Every kind appears at least once.
    for kind in ErrorKind::ALL {
        assert!(rows.iter().any(|r| r.error.kind() == *kind), "{kind}");
    }
}

#[test]
fn kind_names_are_distinct() {
    let mut names: Vec<&str> = ErrorKind::ALL.iter().map(|k| k.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), ErrorKind::ALL.len());
}
