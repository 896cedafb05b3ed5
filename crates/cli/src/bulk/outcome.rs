//! What happened to one row, and the output line that records it.

use advanceai_core::{InvalidRequest, ResponseCode, VerificationData};
use advanceai_transport::Error;
use serde::Serialize;

use super::input::{Row, RowInput};

/// The message of a row that may have been processed without an answer.
pub(crate) const MAY_HAVE_BEEN_BILLED: &str = "may have been billed: check before retrying";

/// What happened to one row.
#[derive(Debug)]
pub(crate) enum Outcome {
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
            Self::InvalidInput => "INVALID_INPUT",
            Self::Api => "API_ERROR",
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

/// Whether an API code refuses the whole account rather than one request: no other row can
/// succeed until someone acts, so the run stops instead of sending every row to be refused.
fn refuses_the_account(code: &ResponseCode) -> bool {
    matches!(
        code,
        ResponseCode::IamFailed
            | ResponseCode::InsufficientBalance
            | ResponseCode::OverQueryLimit
            | ResponseCode::AccountDisabled
            | ResponseCode::ClientError
    )
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

    /// The outcome of an answered call.
    pub(crate) fn verdict(data: &VerificationData) -> Self {
        Self::Verdict {
            overall_result: data.overall_result.as_ref().map(|r| r.as_str().to_owned()),
            error_code: data.error_code.as_ref().map(|c| c.as_str().to_owned()),
            signature_id: data.signature_id.clone(),
        }
    }

    /// The outcome of a failed call.
    pub(crate) fn from_error(error: &Error) -> Self {
        // The transport's Display never shows a key, a token or a person field.
        let code = error.code().map(|c| c.as_str().to_owned());
        match error {
            Error::InvalidInput(problem) => Self::invalid_input(*problem),
            Error::Api {
                code: api_code,
                message,
                transaction_id,
                ..
            } => Self::Error {
                // Refused before any work for a reason outside the row: not written, so a
                // rerun sends it. Any other code is an answer about this row.
                kind: if api_code.proves_not_processed()
                    && !matches!(
                        api_code,
                        ResponseCode::ParameterError | ResponseCode::EmptyParameterError
                    ) {
                    ErrorKind::Refused
                } else {
                    ErrorKind::Api
                },
                code,
                message: message.clone(),
                transaction_id: transaction_id.clone(),
            },
            _ if error.may_have_been_processed() => Self::Error {
                kind: ErrorKind::UnknownOutcome,
                code: Some(transport_code(error).to_owned()),
                message: format!("{MAY_HAVE_BEEN_BILLED} ({error})"),
                transaction_id: match error {
                    Error::MissingData { transaction_id } => transaction_id.clone(),
                    _ => None,
                },
            },
            _ => Self::Error {
                kind: ErrorKind::NotSent,
                code: Some(transport_code(error).to_owned()),
                message: error.to_string(),
                transaction_id: None,
            },
        }
    }

    /// Whether the row gets an output line (and so is skipped by a rerun).
    pub(crate) fn is_written(&self) -> bool {
        match self {
            Self::Verdict { .. } => true,
            Self::Error { kind, .. } => kind.is_written(),
        }
    }
}

/// Why the whole run should stop after `error`, if it should: the API refused the account
/// (bad keys, no balance, quota reached, account disabled), so every other row would be
/// refused too.
pub(crate) fn stop_reason(error: &Error) -> Option<String> {
    match error {
        Error::Api { code, message, .. } if refuses_the_account(code) => {
            Some(format!("the API answered {code}: {message}"))
        }
        _ => None,
    }
}

/// The CLI's error kind of a failure without an API code.
fn transport_code(error: &Error) -> &'static str {
    match error {
        Error::Transport { .. } => "TRANSPORT_ERROR",
        Error::UnexpectedResponse { .. } => "UNEXPECTED_RESPONSE",
        Error::Parse(_) => "PARSE_ERROR",
        Error::ResponseTooLarge { .. } => "RESPONSE_TOO_LARGE",
        Error::MissingData { .. } => "MISSING_DATA",
        Error::Config(_) => "CONFIG_ERROR",
        _ => "UNEXPECTED_ERROR",
    }
}

/// One output line. Field order is the order written.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Line<'a> {
    row: u64,
    biz_id: Option<&'a str>,
    user_id: Option<&'a str>,
    /// Masked like the vendor masks it (`advanceai_core::mask`, 2 and 1): never the
    /// number itself.
    number_value: Option<String>,
    #[serde(flatten)]
    outcome: LineOutcome<'a>,
}

/// A verdict's three fields (`null` when the server left one out), or `error`.
#[derive(Serialize)]
#[serde(untagged)]
enum LineOutcome<'a> {
    #[serde(rename_all = "camelCase")]
    Verdict {
        overall_result: Option<&'a str>,
        error_code: Option<&'a str>,
        signature_id: Option<&'a str>,
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

/// The output line of `row` with `outcome`, newline included.
pub(crate) fn line(row: &Row, outcome: &Outcome) -> String {
    let (user_id, number_value) = match &row.input {
        RowInput::Request(request) => (
            Some(request.user_id.as_str()),
            Some(request.number_value.masked(2, 1)),
        ),
        RowInput::Unreadable { user_id, .. } => (user_id.as_deref(), None),
    };
    let outcome = match outcome {
        Outcome::Verdict {
            overall_result,
            error_code,
            signature_id,
        } => LineOutcome::Verdict {
            overall_result: overall_result.as_deref(),
            error_code: error_code.as_deref(),
            signature_id: signature_id.as_deref(),
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
        biz_id: row.biz_id(),
        user_id,
        number_value,
        outcome,
    };
    // Serializing strings and numbers cannot fail; an empty line would be refused on resume.
    let mut text = serde_json::to_string(&line).unwrap_or_default();
    text.push('\n');
    text
}
