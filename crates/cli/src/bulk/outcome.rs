//! What happened to one row, and the output line that records it.

use advanceai_core::{GetResultData, Idempotency, InvalidRequest, ResultStatus, VerificationData};
use advanceai_transport::Error;
use serde::Serialize;

use super::row::{Mode, Row};

/// The message of a row that may have been processed without an answer.
pub(crate) const MAY_HAVE_BEEN_BILLED: &str = "may have been billed: check before retrying";

/// The message of a row a previous run sent, and was stopped before writing its answer.
const SENT_BY_A_STOPPED_RUN: &str =
    "a previous run was stopped after sending this row and before writing its answer";

/// What happened to one row.
#[derive(Debug)]
pub(crate) enum Outcome {
    /// A Get Result that is not final yet: written, and fetched again by a rerun.
    Pending,
    /// The API's verdict.
    Verdict {
        /// `PASS`, `FAIL`, `INCOMPLETE` (or a value this version does not know); `None`
        /// when the server left it out.
        overall_result: Option<String>,
        /// `SUCCESS` on a pass, otherwise why.
        error_code: Option<String>,
        /// The vendor's id of the verification.
        signature_id: Option<String>,
    },
    /// No verdict. Written to the output when [`ErrorKind::is_written`].
    Error {
        /// Which kind of failure.
        kind: ErrorKind,
        /// The server's code, when there is one.
        code: Option<String>,
        /// Why, without person fields.
        message: String,
        /// The vendor's id of the call, when known.
        transaction_id: Option<String>,
    },
}

/// The kinds of failure of a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ErrorKind {
    /// The row could not be read; not sent.
    InvalidRow,
    /// The row breaks a server rule; refused locally, not sent.
    InvalidInput,
    /// The API answered a code other than `SUCCESS` about this row (`PARAMETER_ERROR`, or
    /// a code that does not prove the request was refused unprocessed, such as `ERROR`).
    Api,
    /// The request may have reached the server but no answer came back: may have been
    /// billed, so never resent.
    UnknownOutcome,
    /// The request provably never left (connection refused, DNS): not written, so a rerun
    /// tries it again.
    NotSent,
    /// The API refused the request with a code that proves it was not processed and is not
    /// about this row (`SERVICE_BUSY`, `IAM_FAILED`, `INSUFFICIENT_BALANCE`...): not
    /// written, so a rerun tries it again.
    Refused,
}

impl ErrorKind {
    /// `error.kind` in the output line (the CLI's `--json` spelling).
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Self::InvalidRow => "INVALID_ROW",
            // The library's own names for the kinds it has.
            Self::InvalidInput => advanceai_transport::ErrorKind::InvalidInput.as_str(),
            Self::Api => advanceai_transport::ErrorKind::Api.as_str(),
            Self::UnknownOutcome => "UNKNOWN_OUTCOME",
            Self::NotSent => "NOT_SENT",
            Self::Refused => "REFUSED",
        }
    }

    /// Whether a row with this outcome gets its output line: every answer about the row
    /// itself does; a row that was not processed for a reason outside it does not, so that
    /// a rerun sends it.
    pub(crate) fn is_written(self) -> bool {
        !matches!(self, Self::NotSent | Self::Refused)
    }
}

impl Outcome {
    /// The outcome of an unreadable row.
    pub(crate) fn invalid_row(reason: &str) -> Self {
        Self::Error {
            kind: ErrorKind::InvalidRow,
            code: None,
            message: reason.to_owned(),
            transaction_id: None,
        }
    }

    /// The outcome of a row refused by validation.
    pub(crate) fn invalid_input(problem: InvalidRequest) -> Self {
        Self::Error {
            kind: ErrorKind::InvalidInput,
            code: Some(problem.code().as_str().to_owned()),
            message: problem.message().to_owned(),
            transaction_id: None,
        }
    }

    /// The outcome of a row that a previous run sent without writing its answer (the send
    /// journal names it): it may have been billed, so it is never sent again.
    pub(crate) fn sent_by_a_stopped_run() -> Self {
        Self::Error {
            kind: ErrorKind::UnknownOutcome,
            code: None,
            message: format!("{MAY_HAVE_BEEN_BILLED} ({SENT_BY_A_STOPPED_RUN})"),
            transaction_id: None,
        }
    }

    /// The outcome of a fetched Get Result: pending, or its verdict.
    pub(crate) fn result(data: &GetResultData) -> Self {
        match data.status() {
            ResultStatus::Final {
                overall_result,
                error_code,
            } => Self::Verdict {
                overall_result: Some(overall_result.as_str().to_owned()),
                error_code: Some(error_code.as_str().to_owned()),
                signature_id: data.signature_id.clone(),
            },
            // Pending, or a status a later version of core adds: not final, fetched again.
            _ => Self::Pending,
        }
    }

    /// The outcome of an answered verification.
    pub(crate) fn verdict(data: &VerificationData) -> Self {
        Self::Verdict {
            overall_result: data.overall_result.as_ref().map(|r| r.as_str().to_owned()),
            error_code: data.error_code.as_ref().map(|c| c.as_str().to_owned()),
            signature_id: data.signature_id.clone(),
        }
    }

    /// The outcome of a failed call, and why the whole run must stop when the failure
    /// refuses the account (bad keys, no balance, quota reached, account disabled): every
    /// other row would be refused too. Every answer is the library's
    /// ([`Error::disposition`] for a call of `idempotency`); this only sorts rows by it.
    pub(crate) fn from_error(error: &Error, idempotency: Idempotency) -> (Self, Option<String>) {
        let disposition = error.disposition(idempotency);
        let stop = disposition.refuses_account.then(|| match error {
            Error::Api { code, message, .. } => format!("the API answered {code}: {message}"),
            other => other.to_string(),
        });
        if let Error::InvalidInput(problem) = error {
            return (Self::invalid_input(*problem), stop);
        }
        // The server's own message for an API answer; otherwise the transport's Display,
        // which never shows a key, a token or a person field.
        let message = match error {
            Error::Api { message, .. } => message.clone(),
            other => other.to_string(),
        };
        let code = error.code().map_or_else(
            || disposition.kind.as_str().to_owned(),
            |c| c.as_str().to_owned(),
        );
        let transaction_id = error.transaction_id().map(str::to_owned);
        let is_api = disposition.kind == advanceai_transport::ErrorKind::Api;
        // An answer about this row is written, and so is a request that may have been
        // billed (resending it is not safe); a request refused unprocessed for a reason
        // outside the row (never sent, busy, keys, balance), or an idempotent one that
        // failed in transit, is not, so a rerun sends it.
        let about_the_row = disposition.faults_the_request
            || (disposition.may_have_been_processed && !disposition.safe_to_resend);
        let (kind, message) = match (about_the_row, is_api) {
            (true, true) => (ErrorKind::Api, message),
            (true, false) => (
                ErrorKind::UnknownOutcome,
                format!("{MAY_HAVE_BEEN_BILLED} ({message})"),
            ),
            (false, true) => (ErrorKind::Refused, message),
            (false, false) => (ErrorKind::NotSent, message),
        };
        let outcome = Self::Error {
            kind,
            code: Some(code),
            message,
            transaction_id,
        };
        (outcome, stop)
    }

    /// Whether the row gets an output line (and so is skipped by a rerun).
    pub(crate) fn is_written(&self) -> bool {
        match self {
            Self::Verdict { .. } | Self::Pending => true,
            Self::Error { kind, .. } => kind.is_written(),
        }
    }
}

/// One output line. Field order is the order written.
#[derive(Serialize)]
struct Line<'a> {
    row: u64,
    #[serde(flatten)]
    subject: LineSubject<'a>,
    #[serde(flatten)]
    outcome: LineOutcome<'a>,
}

/// What the line shows of its row (`null` where unreadable).
#[derive(Serialize)]
#[serde(untagged)]
enum LineSubject<'a> {
    /// A verification row: `bizId`, `userId` and `numberValue` masked like the vendor
    /// masks it (`advanceai_core::mask`, 2 and 1): never the number itself.
    #[serde(rename_all = "camelCase")]
    Verify {
        biz_id: Option<&'a str>,
        user_id: Option<&'a str>,
        number_value: Option<&'a str>,
    },
    /// A Get Result row: its `signatureId`, and whether the result is still pending.
    #[serde(rename_all = "camelCase")]
    Results {
        signature_id: Option<&'a str>,
        pending: bool,
    },
}

/// A verdict's fields (`null` when the server left one out, or while pending), or `error`.
#[derive(Serialize)]
#[serde(untagged)]
enum LineOutcome<'a> {
    #[serde(rename_all = "camelCase")]
    Verdict {
        overall_result: Option<&'a str>,
        error_code: Option<&'a str>,
        /// A verification's own id (`null` when the server left it out); absent from a
        /// Get Result line, which already shows its `signatureId`.
        #[serde(skip_serializing_if = "Option::is_none")]
        signature_id: Option<Option<&'a str>>,
    },
    Error {
        error: LineError<'a>,
    },
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LineError<'a> {
    kind: &'static str,
    code: Option<&'a str>,
    message: &'a str,
    transaction_id: Option<&'a str>,
}

/// The output line of `row` with `outcome` in a run of `mode`, newline included.
pub(crate) fn line(mode: Mode, row: &Row, outcome: &Outcome) -> String {
    let subject = &row.subject;
    let subject = match mode {
        Mode::Verify => LineSubject::Verify {
            biz_id: subject.key.as_deref(),
            user_id: subject.user_id.as_deref(),
            number_value: subject.number_value.as_deref(),
        },
        Mode::Results => LineSubject::Results {
            signature_id: subject.key.as_deref(),
            pending: matches!(outcome, Outcome::Pending),
        },
    };
    let outcome = match outcome {
        Outcome::Pending => LineOutcome::Verdict {
            overall_result: None,
            error_code: None,
            signature_id: None,
        },
        Outcome::Verdict {
            overall_result,
            error_code,
            signature_id,
        } => LineOutcome::Verdict {
            overall_result: overall_result.as_deref(),
            error_code: error_code.as_deref(),
            signature_id: (mode == Mode::Verify).then_some(signature_id.as_deref()),
        },
        Outcome::Error {
            kind,
            code,
            message,
            transaction_id,
        } => LineOutcome::Error {
            error: LineError {
                kind: kind.as_str(),
                code: code.as_deref(),
                message,
                transaction_id: transaction_id.as_deref(),
            },
        },
    };
    let line = Line {
        row: row.number,
        subject,
        outcome,
    };
    // Serializing strings and numbers cannot fail; an empty line would be refused on resume.
    let mut text = serde_json::to_string(&line).unwrap_or_default();
    text.push('\n');
    text
}
