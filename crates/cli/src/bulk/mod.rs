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
mod tests;
