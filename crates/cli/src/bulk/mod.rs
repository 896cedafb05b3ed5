//! `advanceai bulk`: re-verify many ID numbers from a CSV or JSONL file, resumably.
//!
//! Workers share one [`Client`] and one [`RateLimiter`]; a single writer (the calling
//! thread) appends each answer to the output and flushes it before counting it. A rerun
//! with the same `--out` skips every row the output already holds, so nothing is sent
//! twice: a row whose request may have been billed without an answer has its line too.

mod input;
mod outcome;
mod output;
mod progress;
mod rate;
mod summary;

use std::collections::BTreeSet;
use std::fmt;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::Instant;

use advanceai_transport::Client;

use crate::commands::output::Exit;
use crate::signals::StopSignals;

use self::input::{Format, InputError, Row, RowInput};
use self::outcome::Outcome;
use self::output::OutputError;
use self::progress::Progress;
use self::rate::RateLimiter;
pub(crate) use self::summary::Summary;

/// The most requests in flight at once.
const MAX_CONCURRENCY: usize = 256;

/// Set by the first SIGINT or SIGTERM once [`stop_on_signal`] is watching: no new row
/// starts, requests in flight finish and their answers are written.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// Turns SIGINT (Ctrl-C) and SIGTERM into a graceful stop of a bulk run: a request already
/// sent may have been billed, so its answer is waited for (at most the request timeout) and
/// written instead of being lost to an abrupt exit.
pub(crate) fn stop_on_signal() {
    // Caught before the first row starts, so no signal can kill the run mid-write.
    let Ok(mut signals) = StopSignals::catch() else {
        return; // No handler: the signals keep their default action.
    };
    std::thread::spawn(move || {
        signals.wait();
        INTERRUPTED.store(true, Ordering::SeqCst);
        eprintln!(
            "bulk: stopping: waiting for the requests in flight, then writing their answers \
             (signal again to quit at once)"
        );
        signals.wait();
        eprintln!(
            "bulk: quitting: requests in flight may have been billed without a line: \
             a rerun sends them again"
        );
        std::process::exit(i32::from(Exit::Interrupted as u8));
    });
}

/// What `advanceai bulk` was asked to do.
#[derive(Clone, Debug)]
pub(crate) struct BulkOptions {
    /// CSV or JSONL input by extension; `-` reads JSONL from stdin.
    pub(crate) input: PathBuf,
    /// The JSONL output; an existing one is resumed.
    pub(crate) out: PathBuf,
    /// Requests in flight at once (1 to 256).
    pub(crate) concurrency: usize,
    /// At most this many requests start per second.
    pub(crate) rate: Option<f64>,
}

/// Why a bulk run could not run or finish.
#[derive(Debug)]
pub(crate) enum BulkError {
    /// Bad options or unusable files (exit 2).
    Usage(String),
    /// Reading or writing failed (exit 4).
    Io(String),
    /// The token could not be fetched before the first row: bad keys, unreachable host
    /// (exit 3 or 4, like any command). No row was sent.
    Client(advanceai_transport::Error),
}

impl fmt::Display for BulkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Usage(message) | Self::Io(message) => f.write_str(message),
            Self::Client(error) => error.fmt(f),
        }
    }
}

impl From<InputError> for BulkError {
    fn from(error: InputError) -> Self {
        match error {
            InputError::Shape(message) => Self::Usage(message),
            InputError::Io(message) => Self::Io(message),
        }
    }
}

impl From<OutputError> for BulkError {
    fn from(error: OutputError) -> Self {
        match error {
            OutputError::Foreign(message) => Self::Usage(message),
            OutputError::Io(message) => Self::Io(message),
        }
    }
}

/// Runs the rows of `options.input` not yet in `options.out` and returns the counts.
pub(crate) fn run(client: &Client, options: &BulkOptions) -> Result<Summary, BulkError> {
    let started = Instant::now();
    if !(1..=MAX_CONCURRENCY).contains(&options.concurrency) {
        return Err(BulkError::Usage(format!(
            "--concurrency must be between 1 and {MAX_CONCURRENCY}"
        )));
    }
    let limiter = match options.rate {
        None => None,
        Some(rate) => Some(RateLimiter::new(rate).ok_or_else(|| {
            BulkError::Usage("--rate must be a number of requests per second above 0".into())
        })?),
    };
    let rows = read_input(options)?;
    let (mut out, answered) = output::open(&options.out)?;
    check_same_input(&rows, &answered, options)?;

    let todo: Vec<&Row> = rows
        .iter()
        .filter(|row| !answered.contains_key(&row.number))
        .collect();
    let mut summary = Summary {
        rows: rows.len() as u64,
        skipped_already_done: (rows.len() - todo.len()) as u64,
        ..Summary::default()
    };
    if summary.skipped_already_done > 0 {
        eprintln!(
            "bulk: {} of {} rows already in {}: running the other {}",
            summary.skipped_already_done,
            rows.len(),
            options.out.display(),
            todo.len()
        );
    }
    // Wrong keys or an unreachable host fail the command here, before any row is sent,
    // instead of once per row. (A file of invalid rows alone needs no server.)
    if todo.iter().any(|row| row.is_sendable()) {
        client.token().map_err(BulkError::Client)?;
    }

    let mut progress = Progress::new(todo.len() as u64);
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let mut write_error = None;
    let mut finished = 0usize;
    std::thread::scope(|scope| {
        let (sender, receiver) = mpsc::channel::<(&Row, Outcome, Option<String>)>();
        for _ in 0..options.concurrency.min(todo.len()) {
            let sender = sender.clone();
            let (todo, next, stop, limiter) = (&todo, &next, &stop, limiter.as_ref());
            scope.spawn(move || {
                while !stop.load(Ordering::SeqCst) && !INTERRUPTED.load(Ordering::SeqCst) {
                    let Some(row) = todo.get(next.fetch_add(1, Ordering::SeqCst)) else {
                        break;
                    };
                    let (outcome, stop_reason) = process(client, limiter, row);
                    if stop_reason.is_some() {
                        // Rows already in flight finish; no new row starts.
                        stop.store(true, Ordering::SeqCst);
                    }
                    if sender.send((row, outcome, stop_reason)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        // The single writer: a row counts once its line is written and flushed.
        for (row, outcome, stop_reason) in receiver {
            if outcome.is_written()
                && let Err(e) = out.append(&outcome::line(row, &outcome))
            {
                write_error = Some(format!("cannot write to {}: {e}", options.out.display()));
                stop.store(true, Ordering::SeqCst);
                break;
            }
            finished += 1;
            summary.count(&outcome);
            if let Some(reason) = stop_reason {
                summary.stopped.get_or_insert(reason);
            }
            progress.advance(&summary);
        }
    });
    progress.finish();
    if let Some(message) = write_error {
        return Err(BulkError::Io(message));
    }
    out.finish()
        .map_err(|e| BulkError::Io(format!("cannot sync {}: {e}", options.out.display())))?;
    summary.not_started = (todo.len() - finished) as u64;
    summary.interrupted = INTERRUPTED.load(Ordering::SeqCst) && summary.not_started > 0;
    summary.elapsed = started.elapsed();
    Ok(summary)
}

/// Reads every row of the input file or stdin.
fn read_input(options: &BulkOptions) -> Result<Vec<Row>, BulkError> {
    let format = Format::of(&options.input).map_err(BulkError::Usage)?;
    if options.input.as_os_str() == "-" {
        return Ok(input::read_rows(std::io::stdin().lock(), format)?);
    }
    let file = std::fs::File::open(&options.input)
        .map_err(|e| BulkError::Io(format!("cannot open {}: {e}", options.input.display())))?;
    Ok(input::read_rows(file, format)?)
}

/// Refuses an output written from another input: resuming it would skip the wrong rows.
fn check_same_input(
    rows: &[Row],
    answered: &output::Answered,
    options: &BulkOptions,
) -> Result<(), BulkError> {
    let numbers: BTreeSet<u64> = rows.iter().map(|row| row.number).collect();
    let foreign = |row: u64| {
        BulkError::Usage(format!(
            "{} holds row {row}, which does not match row {row} of {}: is it the output of another input? Use another --out file",
            options.out.display(),
            options.input.display()
        ))
    };
    if let Some(row) = answered.keys().find(|row| !numbers.contains(row)) {
        return Err(foreign(*row));
    }
    for row in rows {
        if let (Some(Some(done)), Some(current)) = (answered.get(&row.number), row.biz_id())
            && done != current
        {
            return Err(foreign(row.number));
        }
    }
    Ok(())
}

/// Verifies one row: locally refused when unreadable or invalid (checked once, when it was
/// read), otherwise sent once. Returns its outcome, and why the whole run must stop when it
/// must.
fn process(client: &Client, limiter: Option<&RateLimiter>, row: &Row) -> (Outcome, Option<String>) {
    let request = match &row.input {
        RowInput::Unreadable { reason, .. } => return (Outcome::invalid_row(reason), None),
        RowInput::Invalid { problem, .. } => return (Outcome::invalid_input(*problem), None),
        RowInput::Request(request) => request,
    };
    if let Some(limiter) = limiter {
        limiter.wait();
    }
    // The client never resends a billable call once it may have left; neither do we.
    match client.execute(request) {
        Ok(data) => (Outcome::verdict(&data), None),
        Err(error) => Outcome::from_error(&error),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use std::collections::BTreeMap;
    use std::time::Duration;

    use advanceai_sandbox::{RunningSandbox, Sandbox, SandboxConfig};
    use advanceai_transport::ClientConfig;
    use serde_json::Value;

    use super::*;

    fn sandbox_client() -> (RunningSandbox, Client) {
        let sandbox = Sandbox::start(SandboxConfig::default()).unwrap();
        let config = ClientConfig::builder()
            .base_url(sandbox.base_url())
            .credentials("sandbox-access-key", "sandbox-secret-key")
            .timeout(Duration::from_secs(2))
            .build()
            .unwrap();
        (sandbox, Client::new(config))
    }

    fn options(dir: &std::path::Path, input: &str) -> BulkOptions {
        BulkOptions {
            input: dir.join(input),
            out: dir.join("out.jsonl"),
            concurrency: 4,
            rate: None,
        }
    }

    fn lines(path: &std::path::Path) -> Vec<Value> {
        std::fs::read_to_string(path)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }

    const HEADER: &str = "bizId,userId,region,numberType,numberValue\n";

    #[test]
    fn every_answer_gets_one_line() {
        let (_sandbox, client) = sandbox_client();
        let dir = tempfile::tempdir().unwrap();
        let csv = format!(
            "{HEADER}b-pass,u1,NGA,BVN,22222222222\n\
             b-fail,u2,NGA,NIN,00000000000\n\
             b-inc,u3,NGA,BVN,44444444444\n\
             b-bad,u4,NGA,BVN,123\n\
             b-short,u5,NGA\n\
             fault-502-x,u6,NGA,BVN,22222222222\n\
             fault-busy-x,u7,NGA,BVN,22222222222\n"
        );
        std::fs::write(dir.path().join("in.csv"), csv).unwrap();
        let options = options(dir.path(), "in.csv");
        let summary = run(&client, &options).unwrap();

        let out = lines(&options.out);
        let by_biz: BTreeMap<String, &Value> = out
            .iter()
            .map(|l| (l["bizId"].as_str().unwrap().to_owned(), l))
            .collect();
        // The busy row was refused unprocessed: no line, so that a rerun sends it.
        assert_eq!(out.len(), 6);
        assert!(!by_biz.contains_key("fault-busy-x"));
        assert_eq!(by_biz["b-pass"]["row"], 1);
        assert_eq!(by_biz["b-pass"]["overallResult"], "PASS");
        assert_eq!(by_biz["b-pass"]["errorCode"], "SUCCESS");
        assert_eq!(by_biz["b-pass"]["numberValue"], "22********2");
        assert!(
            by_biz["b-pass"]["signatureId"]
                .as_str()
                .is_some_and(|s| !s.is_empty())
        );
        assert_eq!(by_biz["b-fail"]["overallResult"], "FAIL");
        assert_eq!(by_biz["b-fail"]["errorCode"], "NUMBER_NOT_EXIST");
        assert_eq!(by_biz["b-inc"]["overallResult"], "INCOMPLETE");
        assert_eq!(by_biz["b-bad"]["error"]["kind"], "INVALID_INPUT");
        assert_eq!(by_biz["b-bad"]["error"]["code"], "PARAMETER_ERROR");
        assert_eq!(by_biz["b-bad"]["numberValue"], "***");
        assert_eq!(by_biz["b-short"]["error"]["kind"], "INVALID_ROW");
        assert_eq!(by_biz["b-short"]["row"], 5);
        let fault = &by_biz["fault-502-x"]["error"];
        assert_eq!(fault["kind"], "UNKNOWN_OUTCOME");
        assert_eq!(fault["code"], "UNEXPECTED_RESPONSE");
        assert!(
            fault["message"]
                .as_str()
                .unwrap()
                .starts_with("may have been billed: check before retrying"),
        );

        let json = summary.to_json();
        assert_eq!(json["rows"], 7);
        assert_eq!(json["answered"], 6);
        assert_eq!(json["results"]["PASS"], 1);
        assert_eq!(json["results"]["FAIL"], 1);
        assert_eq!(json["results"]["INCOMPLETE"], 1);
        assert_eq!(json["invalid"], 2);
        assert_eq!(json["unknownOutcome"], 1);
        assert_eq!(json["refused"]["SERVICE_BUSY"], 1);
        assert_eq!(json["notSent"], 1);
        // An unknown outcome needs someone to look: not a clean exit.
        assert_eq!(summary.exit(), crate::commands::output::Exit::Transport);

        // No ID number in the output, only masks.
        let text = std::fs::read_to_string(&options.out).unwrap();
        for number in ["22222222222", "00000000000", "44444444444"] {
            assert!(!text.contains(number));
        }

        // A rerun sends only the refused row (refused again) and writes nothing.
        let again = run(&client, &options).unwrap();
        assert_eq!(again.skipped_already_done, 6);
        assert_eq!(again.answered(), 0);
        assert_eq!(again.refused["SERVICE_BUSY"], 1);
        assert_eq!(lines(&options.out).len(), 6);
    }

    #[test]
    fn resumes_after_a_partial_line_without_duplicates() {
        let (_sandbox, client) = sandbox_client();
        let dir = tempfile::tempdir().unwrap();
        let mut jsonl = String::new();
        for i in 1..=20 {
            jsonl.push_str(&format!(
                "{{\"bizId\":\"b{i}\",\"userId\":\"u{i}\",\"region\":\"NGA\",\"numberType\":\"BVN\",\"numberValue\":\"22222222222\"}}\n"
            ));
        }
        std::fs::write(dir.path().join("in.jsonl"), jsonl).unwrap();
        let options = options(dir.path(), "in.jsonl");
        // As a killed run leaves it: rows 2 and 5 answered, a cut line after them.
        std::fs::write(
            &options.out,
            "{\"row\":2,\"bizId\":\"b2\",\"userId\":\"u2\",\"numberValue\":\"22********2\",\"overallResult\":\"PASS\",\"errorCode\":\"SUCCESS\",\"signatureId\":\"s\"}\n\
             {\"row\":5,\"bizId\":\"b5\",\"userId\":\"u5\",\"numberValue\":\"22********2\",\"overallResult\":\"PASS\",\"errorCode\":\"SUCCESS\",\"signatureId\":\"s\"}\n\
             {\"row\":7,\"bizId\":\"b",
        )
        .unwrap();
        let summary = run(&client, &options).unwrap();
        assert_eq!(summary.skipped_already_done, 2);
        assert_eq!(summary.answered(), 18);
        let mut rows: Vec<u64> = lines(&options.out)
            .iter()
            .map(|l| l["row"].as_u64().unwrap())
            .collect();
        rows.sort_unstable();
        assert_eq!(rows, (1..=20).collect::<Vec<u64>>());
    }

    #[test]
    fn refuses_an_output_of_another_input() {
        let (_sandbox, client) = sandbox_client();
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("in.csv"),
            format!("{HEADER}b1,u1,NGA,BVN,22222222222\n"),
        )
        .unwrap();
        let options = options(dir.path(), "in.csv");
        std::fs::write(
            &options.out,
            "{\"row\":1,\"bizId\":\"other\",\"userId\":\"u\",\"numberValue\":null}\n",
        )
        .unwrap();
        let err = run(&client, &options).unwrap_err();
        assert!(
            matches!(&err, BulkError::Usage(m) if m.contains("another input")),
            "{err}"
        );
        std::fs::write(
            &options.out,
            "{\"row\":9,\"bizId\":\"b1\",\"userId\":\"u\",\"numberValue\":null}\n",
        )
        .unwrap();
        assert!(matches!(run(&client, &options), Err(BulkError::Usage(_))));
    }

    #[test]
    fn refuses_bad_options_and_files() {
        let (_sandbox, client) = sandbox_client();
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("in.csv"), HEADER).unwrap();
        let mut opts = options(dir.path(), "in.csv");
        opts.concurrency = 0;
        assert!(matches!(run(&client, &opts), Err(BulkError::Usage(_))));
        opts.concurrency = 1;
        opts.rate = Some(0.0);
        assert!(matches!(run(&client, &opts), Err(BulkError::Usage(_))));
        opts.rate = None;
        opts.input = dir.path().join("in.txt");
        assert!(matches!(run(&client, &opts), Err(BulkError::Usage(_))));
        opts.input = dir.path().join("missing.csv");
        assert!(matches!(run(&client, &opts), Err(BulkError::Io(_))));
        // An empty input is an empty run.
        opts.input = dir.path().join("in.csv");
        assert_eq!(run(&client, &opts).unwrap().rows, 0);
    }

    #[test]
    fn an_unreachable_api_fails_before_any_row() {
        // Nothing listens on this port (a sandbox started and stopped): connection refused.
        let base_url = {
            let sandbox = Sandbox::start(SandboxConfig::default()).unwrap();
            sandbox.base_url().to_owned()
        };
        let config = ClientConfig::builder()
            .base_url(base_url)
            .credentials("sandbox-access-key", "sandbox-secret-key")
            .timeout(Duration::from_secs(2))
            .build()
            .unwrap();
        let client = Client::new(config);
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("in.csv"),
            format!("{HEADER}b1,u1,NGA,BVN,22222222222\nb2,u2,NGA,BVN,1\n"),
        )
        .unwrap();
        let options = options(dir.path(), "in.csv");
        match run(&client, &options) {
            Err(BulkError::Client(error)) => assert!(!error.may_have_been_processed()),
            other => panic!("expected the token fetch to fail: {other:?}"),
        }
        assert!(lines(&options.out).is_empty());

        // Invalid rows alone need no server: they are answered locally.
        std::fs::write(
            dir.path().join("in.csv"),
            format!("{HEADER}b1,u1,NGA,BVN,1\nb2,u2\n"),
        )
        .unwrap();
        let summary = run(&client, &options).unwrap();
        assert_eq!(summary.invalid, 2);
        assert_eq!(summary.exit(), crate::commands::output::Exit::Ok);
        assert_eq!(lines(&options.out).len(), 2);
    }

    #[test]
    fn an_account_refusal_stops_the_run_and_a_rerun_finishes_it() {
        let (sandbox, client) = sandbox_client();
        let dir = tempfile::tempdir().unwrap();
        let write_input = |second_biz_id: &str| {
            let mut csv = format!(
                "{HEADER}b1,u1,NGA,BVN,22222222222\n{second_biz_id},u2,NGA,BVN,22222222222\n"
            );
            for i in 3..=10 {
                csv.push_str(&format!("b{i},u{i},NGA,BVN,22222222222\n"));
            }
            std::fs::write(dir.path().join("in.csv"), csv).unwrap();
        };
        write_input("fault-no-balance-2");
        let mut options = options(dir.path(), "in.csv");
        options.concurrency = 1;
        let summary = run(&client, &options).unwrap();
        assert_eq!(summary.results["PASS"], 1);
        assert_eq!(summary.refused["INSUFFICIENT_BALANCE"], 1);
        assert_eq!(summary.not_started, 8);
        assert!(
            summary
                .stopped
                .as_deref()
                .is_some_and(|s| s.contains("INSUFFICIENT_BALANCE"))
        );
        assert_eq!(summary.exit(), crate::commands::output::Exit::Api);
        // Two verification calls reached the server: nothing after the refusal.
        assert_eq!(
            sandbox.request_count(advanceai_core::Endpoint::IdNumberVerification),
            2
        );
        assert_eq!(lines(&options.out).len(), 1);

        // Once the account is topped up, the same --out finishes the job.
        write_input("b2");
        let again = run(&client, &options).unwrap();
        assert_eq!(again.skipped_already_done, 1);
        assert_eq!(again.results["PASS"], 9);
        assert_eq!(again.exit(), crate::commands::output::Exit::Ok);
        let mut rows: Vec<u64> = lines(&options.out)
            .iter()
            .map(|l| l["row"].as_u64().unwrap())
            .collect();
        rows.sort_unstable();
        assert_eq!(rows, (1..=10).collect::<Vec<u64>>());
    }

    #[test]
    fn rate_bounds_the_run() {
        let (_sandbox, client) = sandbox_client();
        let dir = tempfile::tempdir().unwrap();
        let mut csv = HEADER.to_owned();
        for i in 0..15 {
            csv.push_str(&format!("b{i},u{i},NGA,BVN,22222222222\n"));
        }
        std::fs::write(dir.path().join("in.csv"), csv).unwrap();
        let mut options = options(dir.path(), "in.csv");
        options.rate = Some(20.0);
        let started = Instant::now();
        let summary = run(&client, &options).unwrap();
        // 15 starts at 20/s: at least 14 intervals of 50 ms.
        assert!(
            started.elapsed() >= Duration::from_millis(680),
            "{:?}",
            started.elapsed()
        );
        assert_eq!(summary.results["PASS"], 15);
    }
}
