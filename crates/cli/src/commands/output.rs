//! Exit codes, and how results and errors are printed (text, or one JSON object).

use std::io::Write;
use std::process::ExitCode;

use advanceai_transport::{Error, ErrorKind};
use serde_json::{Value, json};

/// The exit codes scripts rely on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Exit {
    /// Success (for `verify`/`result`: overall PASS).
    Ok = 0,
    /// A completed verification with FAIL or INCOMPLETE; for `health`, a status other than
    /// `health`.
    NotPassed = 1,
    /// Usage or local validation error.
    Usage = 2,
    /// The API answered a code other than SUCCESS.
    Api = 3,
    /// Transport, unexpected response, unreadable or too large answer.
    Transport = 4,
    /// The result is not final yet.
    Pending = 5,
    /// `bulk` stopped by SIGINT or SIGTERM (128 + SIGINT, the shell's convention).
    Interrupted = 130,
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> Self {
        ExitCode::from(exit as u8)
    }
}

/// A failed command: what to print and how to exit.
#[derive(Debug)]
pub(crate) struct Failure {
    /// The exit code.
    pub(crate) exit: Exit,
    /// `error.kind` in JSON.
    pub(crate) kind: &'static str,
    /// `error.code` in JSON: the server's code when there is one.
    pub(crate) code: Option<String>,
    /// A message without secrets or person fields.
    pub(crate) message: String,
    /// The vendor's id of the call, when known.
    pub(crate) transaction_id: Option<String>,
}

impl Failure {
    /// A usage problem found by the CLI itself.
    pub(crate) fn usage(message: impl Into<String>) -> Self {
        Self {
            exit: Exit::Usage,
            kind: "USAGE",
            code: None,
            message: message.into(),
            transaction_id: None,
        }
    }

    /// A local I/O problem (exit 4).
    pub(crate) fn io(message: impl Into<String>) -> Self {
        Self {
            exit: Exit::Transport,
            kind: "IO_ERROR",
            code: None,
            message: message.into(),
            transaction_id: None,
        }
    }

    /// The JSON form: `{"error": {kind, code, message, transactionId}}`.
    pub(crate) fn to_json(&self) -> Value {
        json!({"error": {
            "kind": self.kind,
            "code": self.code,
            "message": self.message,
            "transactionId": self.transaction_id,
        }})
    }
}

impl From<Error> for Failure {
    /// The kind is the library's own ([`Error::kind`]): one list of names for the CLI, C,
    /// C++ and Go. Only the exit code is the CLI's choice.
    fn from(error: Error) -> Self {
        let kind = error.kind();
        let exit = match kind {
            ErrorKind::InvalidInput | ErrorKind::Config => Exit::Usage,
            ErrorKind::Api => Exit::Api,
            ErrorKind::ResultPending => Exit::Pending,
            _ => Exit::Transport,
        };
        Self {
            exit,
            kind: kind.as_str(),
            code: error.code().map(|code| code.as_str().to_owned()),
            transaction_id: error.transaction_id().map(str::to_owned),
            // The transport's Display never shows a key, a token or a person field.
            message: error.to_string(),
        }
    }
}

/// Where a command writes: text or JSON on stdout, diagnostics on stderr.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Output {
    /// `--json`.
    pub(crate) json: bool,
}

impl Output {
    /// Prints the success value: `text` by default, `value` with `--json`.
    pub(crate) fn success(&self, text: &str, value: &Value) {
        if self.json {
            stdout_line(&value.to_string());
        } else {
            stdout_line(text.trim_end_matches('\n'));
        }
    }

    /// Prints a failure (JSON on stdout with `--json`, always a line on stderr) and returns
    /// its exit code.
    pub(crate) fn failure(&self, failure: &Failure) -> Exit {
        if self.json {
            stdout_line(&failure.to_json().to_string());
        }
        diagnostic(&format!("error: {}", failure.message));
        failure.exit
    }
}

impl Output {
    /// A line of narration for a reader: on stdout, or on stderr with `--json` (where
    /// stdout holds only the one JSON object).
    pub(crate) fn narrate(&self, text: &str) {
        let text = text.trim_end_matches('\n');
        if self.json {
            let _ = writeln!(std::io::stderr().lock(), "{text}");
        } else {
            stdout_line(text);
        }
    }
}

/// One line on stdout; a closed pipe is not worth a panic.
pub(crate) fn stdout_line(line: &str) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{line}");
    let _ = out.flush();
}

/// One line on stderr.
pub(crate) fn diagnostic(line: &str) {
    let _ = writeln!(std::io::stderr().lock(), "advanceai: {line}");
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn pending_maps_to_5_and_api_to_3() {
        let pending = Failure::from(Error::ResultPending {
            waited: Duration::from_secs(1),
        });
        assert_eq!(pending.exit, Exit::Pending);
        let api = Failure::from(Error::Api {
            code: advanceai_core::ResponseCode::ServiceBusy,
            message: "busy".into(),
            transaction_id: Some("t1".into()),
            retryable: true,
        });
        assert_eq!(api.exit, Exit::Api);
        assert_eq!(api.to_json()["error"]["code"], "SERVICE_BUSY");
        assert_eq!(api.to_json()["error"]["transactionId"], "t1");
    }
}
