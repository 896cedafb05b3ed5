//! The counts of a bulk run, per outcome.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::time::Duration;

use serde_json::{Value, json};

use super::outcome::{ErrorKind, MAY_HAVE_BEEN_BILLED, Outcome};
use crate::commands::output::Exit;

/// What a bulk run did, per outcome.
#[derive(Debug, Default)]
pub(crate) struct Summary {
    /// Rows in the input.
    pub(crate) rows: u64,
    /// Rows the output already answered before this run.
    pub(crate) skipped_already_done: u64,
    /// Verdicts by `overallResult` (`PASS`, `FAIL`, `INCOMPLETE`; `NONE` when a verdict
    /// came without one).
    pub(crate) results: BTreeMap<String, u64>,
    /// API errors by code.
    pub(crate) api_errors: BTreeMap<String, u64>,
    /// Get Results not final yet (`--results`): written, and fetched again by a rerun.
    pub(crate) pending: u64,
    /// Whether the run fetched Get Results (`--results`) rather than verifying.
    pub(crate) fetches_results: bool,
    /// Rows refused locally (unreadable, or breaking a server rule): never sent.
    pub(crate) invalid: u64,
    /// Rows that may have been processed without an answer: never resent.
    pub(crate) unknown_outcome: u64,
    /// Rows that provably never left (connection refused...): not written, a rerun
    /// sends them.
    pub(crate) not_sent: u64,
    /// Rows the API refused unprocessed for a reason outside the row (`SERVICE_BUSY`,
    /// `IAM_FAILED`...), by code: not written, a rerun sends them.
    pub(crate) refused: BTreeMap<String, u64>,
    /// Rows never started because the run stopped early: a rerun sends them.
    pub(crate) not_started: u64,
    /// Why the run stopped early (the API refused the account).
    pub(crate) stopped: Option<String>,
    /// Whether SIGINT or SIGTERM stopped the run before every row started.
    pub(crate) interrupted: bool,
    /// The first reason a row was not sent or refused.
    pub(crate) not_sent_reason: Option<String>,
    /// How long this run took.
    pub(crate) elapsed: Duration,
}

impl Summary {
    /// Counts one finished row.
    pub(crate) fn count(&mut self, outcome: &Outcome) {
        match outcome {
            Outcome::Pending => self.pending += 1,
            Outcome::Verdict { overall_result, .. } => {
                let result = overall_result.as_deref().unwrap_or("NONE");
                *self.results.entry(result.to_owned()).or_default() += 1;
            }
            Outcome::Error {
                kind,
                code,
                message,
                ..
            } => match kind {
                ErrorKind::InvalidRow | ErrorKind::InvalidInput => self.invalid += 1,
                ErrorKind::Api => {
                    let code = code.clone().unwrap_or_default();
                    *self.api_errors.entry(code).or_default() += 1;
                }
                ErrorKind::UnknownOutcome => self.unknown_outcome += 1,
                ErrorKind::NotSent => {
                    self.not_sent += 1;
                    self.not_sent_reason.get_or_insert_with(|| message.clone());
                }
                ErrorKind::Refused => {
                    let code = code.clone().unwrap_or_default();
                    self.not_sent_reason
                        .get_or_insert_with(|| format!("{code}: {message}"));
                    *self.refused.entry(code).or_default() += 1;
                }
            },
        }
    }

    /// Rows answered (written) by this run.
    pub(crate) fn answered(&self) -> u64 {
        self.results.values().sum::<u64>()
            + self.pending
            + self.api_errors.values().sum::<u64>()
            + self.invalid
            + self.unknown_outcome
    }

    /// Rows of the input without their output line after this run: a rerun with the same
    /// `--out` sends them.
    pub(crate) fn left_to_send(&self) -> u64 {
        self.not_sent + self.refused.values().sum::<u64>() + self.not_started
    }

    /// How the command exits: 130 when interrupted by a signal; otherwise 0 when every row
    /// has its final line and none has an unknown outcome; 4 when a row has an unknown
    /// outcome (someone must check it) or could not be sent because of the network; 3 when
    /// rows are left only because the API refused them unprocessed (busy, bad keys, no
    /// balance...); 5 when the only rows left are Get Results still pending.
    pub(crate) fn exit(&self) -> Exit {
        if self.interrupted {
            Exit::Interrupted
        } else if self.unknown_outcome > 0 || self.not_sent > 0 {
            Exit::Transport
        } else if self.left_to_send() > 0 {
            Exit::Api
        } else if self.pending > 0 {
            Exit::Pending
        } else {
            Exit::Ok
        }
    }

    /// The summary as one JSON object (camelCase, like the API).
    pub(crate) fn to_json(&self) -> Value {
        let mut json = json!({
            "rows": self.rows,
            "skippedAlreadyDone": self.skipped_already_done,
            "answered": self.answered(),
            "results": self.results,
            "apiErrors": self.api_errors,
            "invalid": self.invalid,
            "unknownOutcome": self.unknown_outcome,
            "notSent": self.left_to_send(),
            "notSentReason": self.not_sent_reason,
            "refused": self.refused,
            "stoppedEarly": self.stopped,
            "interrupted": self.interrupted,
            "elapsedSeconds": (self.elapsed.as_secs_f64() * 1000.0).round() / 1000.0,
        });
        if self.fetches_results {
            json["pending"] = Value::from(self.pending);
        }
        json
    }

    /// The summary for a reader, several lines.
    pub(crate) fn render_text(&self) -> String {
        let mut text = format!(
            "Bulk run: {} rows; {} answered in {:.1} s; {} already done before (skipped)\n",
            self.rows,
            self.answered(),
            self.elapsed.as_secs_f64(),
            self.skipped_already_done
        );
        let results = ["PASS", "FAIL", "INCOMPLETE"]
            .iter()
            .map(|k| format!("{k} {}", self.results.get(*k).copied().unwrap_or(0)))
            .chain(
                self.results
                    .iter()
                    .filter(|(k, _)| !["PASS", "FAIL", "INCOMPLETE"].contains(&k.as_str()))
                    .map(|(k, n)| format!("{k} {n}")),
            )
            .collect::<Vec<_>>()
            .join(", ");
        let _ = writeln!(text, "  results: {results}");
        if self.fetches_results {
            let _ = writeln!(
                text,
                "  pending (not final yet; a rerun with the same --out fetches them again): {}",
                self.pending
            );
        }
        if self.api_errors.is_empty() {
            let _ = writeln!(text, "  API errors: 0");
        } else {
            let errors = self
                .api_errors
                .iter()
                .map(|(code, n)| format!("{code} {n}"))
                .collect::<Vec<_>>()
                .join(", ");
            let _ = writeln!(text, "  API errors: {errors}");
        }
        let _ = writeln!(text, "  invalid rows (not sent): {}", self.invalid);
        let _ = writeln!(
            text,
            "  unknown outcome ({MAY_HAVE_BEEN_BILLED}): {}",
            self.unknown_outcome
        );
        if self.interrupted {
            let _ = writeln!(
                text,
                "  INTERRUPTED: {} rows not started (the answers of requests in flight are written)",
                self.not_started
            );
        }
        if let Some(reason) = &self.stopped {
            let _ = writeln!(
                text,
                "  STOPPED EARLY: {reason}; {} rows not started",
                self.not_started
            );
        }
        if self.left_to_send() > 0 {
            let _ = writeln!(
                text,
                "  not sent, no line written ({}): {}; fix the cause, then rerun with the same --out to send them",
                self.not_sent_reason
                    .as_deref()
                    .or(self.stopped.as_deref())
                    .unwrap_or(if self.interrupted {
                        "interrupted"
                    } else {
                        "unknown reason"
                    }),
                self.left_to_send()
            );
        }
        text
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn error(kind: ErrorKind, code: Option<&str>) -> Outcome {
        Outcome::Error {
            kind,
            code: code.map(str::to_owned),
            message: "why".into(),
            transaction_id: None,
        }
    }

    fn verdict(result: &str) -> Outcome {
        Outcome::Verdict {
            overall_result: Some(result.into()),
            error_code: Some("SUCCESS".into()),
            signature_id: Some("s".into()),
        }
    }

    #[test]
    fn counts_each_outcome() {
        let mut summary = Summary {
            rows: 9,
            skipped_already_done: 1,
            ..Summary::default()
        };
        for outcome in [
            verdict("PASS"),
            verdict("PASS"),
            verdict("FAIL"),
            error(ErrorKind::InvalidRow, None),
            error(ErrorKind::InvalidInput, Some("PARAMETER_ERROR")),
            error(ErrorKind::Api, Some("ERROR")),
            error(ErrorKind::UnknownOutcome, Some("TRANSPORT_ERROR")),
            error(ErrorKind::NotSent, Some("TRANSPORT_ERROR")),
            error(ErrorKind::Refused, Some("SERVICE_BUSY")),
        ] {
            summary.count(&outcome);
        }
        let json = summary.to_json();
        assert_eq!(json["results"]["PASS"], 2);
        assert_eq!(json["results"]["FAIL"], 1);
        assert_eq!(json["apiErrors"]["ERROR"], 1);
        assert_eq!(json["invalid"], 2);
        assert_eq!(json["unknownOutcome"], 1);
        assert_eq!(json["notSent"], 2);
        assert_eq!(json["refused"]["SERVICE_BUSY"], 1);
        assert_eq!(json["answered"], 7);
        assert_eq!(json["skippedAlreadyDone"], 1);
        let text = summary.render_text();
        assert!(text.contains("PASS 2, FAIL 1, INCOMPLETE 0"), "{text}");
        assert!(text.contains("API errors: ERROR 1"), "{text}");
        assert!(
            text.contains("unknown outcome (may have been billed"),
            "{text}"
        );
        assert!(text.contains("rerun with the same --out"), "{text}");
    }

    #[test]
    fn exit_code_says_whether_the_output_is_complete() {
        let mut summary = Summary::default();
        for outcome in [
            verdict("PASS"),
            verdict("FAIL"),
            error(ErrorKind::InvalidRow, None),
            error(ErrorKind::Api, Some("ERROR")),
        ] {
            summary.count(&outcome);
        }
        // FAIL, invalid rows and API answers are results in the file: the run is complete.
        assert_eq!(summary.exit(), Exit::Ok);

        let mut refused = Summary::default();
        refused.count(&error(ErrorKind::Refused, Some("SERVICE_BUSY")));
        assert_eq!(refused.exit(), Exit::Api);
        let stopped = Summary {
            not_started: 3,
            stopped: Some("the API answered IAM_FAILED: x".into()),
            ..Summary::default()
        };
        assert_eq!(stopped.exit(), Exit::Api);
        assert!(stopped.render_text().contains("STOPPED EARLY"));

        let mut unknown = Summary::default();
        unknown.count(&error(ErrorKind::UnknownOutcome, Some("TRANSPORT_ERROR")));
        unknown.count(&error(ErrorKind::Refused, Some("SERVICE_BUSY")));
        assert_eq!(unknown.exit(), Exit::Transport);
        let mut not_sent = Summary::default();
        not_sent.count(&error(ErrorKind::NotSent, Some("TRANSPORT_ERROR")));
        assert_eq!(not_sent.exit(), Exit::Transport);
    }
}
