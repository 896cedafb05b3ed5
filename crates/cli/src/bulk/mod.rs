//! `advanceai bulk`: re-verify many ID numbers, or re-fetch many H5 results
//! (`--results`), from a CSV or JSONL file, resumably and in constant memory.
//!
//! The input is streamed ([`input`]); a reader thread hands rows to the workers, which share
//! one [`Client`] and one [`RateLimiter`]; a single writer (the calling thread) appends
//! each answer to the output and flushes it before counting it ([`pipeline`]). A rerun
//! with the same `--out` skips every row the output already holds, from a compact record
//! of them ([`resume`]), after checking that the output was written from this input
//! ([`survey`]). Nothing billable is sent twice: a row whose request may have been billed
//! without an answer has its line too, and a run killed outright leaves a send journal
//! ([`journal`]) that the next run reads to write those rows instead of resending them.

mod input;
mod journal;
mod outcome;
mod output;
mod pipeline;
mod progress;
mod rate;
mod resume;
mod row;
mod shard;
mod summary;
mod survey;

use std::fmt;
use std::fs::File;
use std::io::{Read, Seek};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use advanceai_transport::Client;
use roaring::RoaringTreemap;

use crate::commands::output::Exit;
use crate::signals::StopSignals;

use self::input::{Format, InputError, RowReader};
use self::journal::Journal;
use self::output::OutputError;
use self::pipeline::Pipeline;
use self::progress::Progress;
use self::rate::RateLimiter;
pub(crate) use self::row::Mode;
pub(crate) use self::shard::Shard;
pub(crate) use self::summary::Summary;
use self::survey::{Survey, SurveyError};

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
    /// Verification, or Get Result (`--results`).
    pub(crate) mode: Mode,
    /// The rows this process runs (`--shard K/N`).
    pub(crate) shard: Shard,
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

/// Runs the rows of `options.input` (in its shard) not yet in `options.out` and returns
/// the counts.
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
    let (mode, shard) = (options.mode, options.shard);
    let format = Format::of(&options.input, mode).map_err(BulkError::Usage)?;
    let file =
        if options.input.as_os_str() == "-" {
            None
        } else {
            Some(File::open(&options.input).map_err(|e| {
                BulkError::Io(format!("cannot open {}: {e}", options.input.display()))
            })?)
        };
    let (mut out, resume) = output::open(&options.out, mode)?;
    let (journal, mut orphans) = open_journal(options)?;
    orphans -= &resume.done;
    let source = match file {
        Some(file) => Source::File(file),
        // Resuming reads the input twice: stdin is kept in a temporary file first.
        None if !resume.is_empty() || !orphans.is_empty() => Source::File(spool_stdin()?),
        None => Source::Stdin,
    };
    let survey = match &source {
        Source::File(_) => Some(
            survey::survey(
                source.rows(format, mode)?,
                mode,
                shard,
                &resume,
                &options.out,
                || source.rows(format, mode).map_err(reader_error),
            )
            .map_err(|error| survey_error(error, options))?,
        ),
        Source::Stdin => None,
    };
    let mut summary = Summary {
        fetches_results: mode == Mode::Results,
        ..Summary::default()
    };
    if let Some(Survey { rows, done }) = survey
        && done > 0
    {
        eprintln!(
            "bulk: {done} of {rows} rows already in {}: running the other {}",
            options.out.display(),
            rows - done
        );
    }
    let mut progress = Progress::new(survey.map(|s| s.rows - s.done));
    let pipeline = Pipeline {
        client,
        limiter: limiter.as_ref(),
        mode,
        shard,
        concurrency: options.concurrency,
        journal: journal.as_ref(),
        resume: &resume,
        orphans: &orphans,
        interrupted: &INTERRUPTED,
    };
    let tally = pipeline.run(
        source.rows(format, mode)?,
        &mut out,
        &mut summary,
        &mut progress,
    );
    progress.finish();
    if let Some(error) = tally.client_error {
        return Err(BulkError::Client(error));
    }
    if let Some(message) = tally.fatal {
        return Err(BulkError::Io(message));
    }
    out.finish()
        .map_err(|e| BulkError::Io(format!("cannot sync {}: {e}", options.out.display())))?;
    summary.rows = survey.map_or(tally.rows_read, |s| s.rows);
    summary.skipped_already_done = survey.map_or(tally.skipped, |s| s.done);
    summary.not_started = summary
        .rows
        .saturating_sub(summary.skipped_already_done)
        .saturating_sub(tally.finished);
    summary.interrupted = INTERRUPTED.load(Ordering::SeqCst) && summary.not_started > 0;
    // Every row the journal names now has its line or was released.
    if summary.not_started == 0
        && let Some(journal) = journal
    {
        journal.remove().map_err(BulkError::Io)?;
    }
    summary.elapsed = started.elapsed();
    Ok(summary)
}

/// Where the rows come from.
enum Source {
    /// A file (the input, or stdin kept in a temporary file): read as often as needed.
    File(File),
    /// Standard input, read once as it comes.
    Stdin,
}

impl Source {
    /// A reader of the rows from the start.
    fn rows(
        &self,
        format: Format,
        mode: Mode,
    ) -> Result<RowReader<Box<dyn Read + Send>>, BulkError> {
        let reader: Box<dyn Read + Send> = match self {
            Self::File(file) => {
                let mut file = file
                    .try_clone()
                    .map_err(|e| BulkError::Io(format!("cannot read the input: {e}")))?;
                file.rewind()
                    .map_err(|e| BulkError::Io(format!("cannot read the input: {e}")))?;
                Box::new(file)
            }
            Self::Stdin => Box::new(std::io::stdin()),
        };
        Ok(RowReader::new(reader, format, mode)?)
    }
}

/// Copies stdin into an anonymous temporary file (removed when closed).
fn spool_stdin() -> Result<File, BulkError> {
    let io =
        |e: std::io::Error| BulkError::Io(format!("cannot keep stdin in a temporary file: {e}"));
    let mut file = tempfile::tempfile().map_err(io)?;
    std::io::copy(&mut std::io::stdin().lock(), &mut file).map_err(io)?;
    Ok(file)
}

/// The send journal of a verification run into a regular file (a pipe or a terminal
/// cannot be resumed), and the rows a stopped run sent without an answer.
fn open_journal(options: &BulkOptions) -> Result<(Option<Journal>, RoaringTreemap), BulkError> {
    let regular = std::fs::metadata(&options.out).is_ok_and(|m| m.is_file());
    if !options.mode.is_billable() || !regular {
        return Ok((None, RoaringTreemap::new()));
    }
    let (journal, sent) = Journal::open(&options.out).map_err(BulkError::Io)?;
    Ok((Some(journal), sent))
}

fn reader_error(error: BulkError) -> InputError {
    match error {
        BulkError::Usage(message) => InputError::Shape(message),
        other => InputError::Io(other.to_string()),
    }
}

fn survey_error(error: SurveyError, options: &BulkOptions) -> BulkError {
    match error {
        SurveyError::Input(error) => error.into(),
        SurveyError::Io(message) => BulkError::Io(message),
        SurveyError::Foreign(row) => {
            let shard = if options.shard.is_all() {
                String::new()
            } else {
                format!(" (shard {})", options.shard)
            };
            BulkError::Usage(format!(
                "{} holds row {row}, which does not match row {row} of {}{shard}: is it the output of another input? Use another --out file",
                options.out.display(),
                options.input.display()
            ))
        }
    }
}

/// What the fuzz targets reach (`crate::fuzzing`).
pub(crate) mod fuzzing {
    use super::input::{Format, RowReader};
    use super::outcome::{Outcome, line};
    use super::resume::parse_line;
    use super::row::Mode;

    /// Reads every row of `data` in both modes; each row's output line must read back as
    /// its own row and key (what resuming relies on). Returns the verification rows read.
    pub(crate) fn read_input(data: &[u8], csv: bool) -> usize {
        let format = if csv { Format::Csv } else { Format::Jsonl };
        let mut count = 0;
        for mode in [Mode::Results, Mode::Verify] {
            count = 0;
            let Ok(rows) = RowReader::new(data, format, mode) else {
                continue;
            };
            for row in rows.flatten() {
                count += 1;
                let written = line(mode, &row, &Outcome::invalid_row("fuzz"));
                let read = parse_line(written.trim_end().as_bytes(), mode);
                assert!(
                    read.as_ref()
                        .is_some_and(|r| r.row == row.number && r.key == row.subject.key),
                    "row {} does not read back from its own line",
                    row.number
                );
            }
        }
        count
    }

    /// Scans `data` as an output being resumed, in both modes; returns the rows the
    /// verification scan found.
    pub(crate) fn scan_output(data: &[u8]) -> usize {
        let _ = super::output::scan(data, Mode::Results);
        super::output::scan(data, Mode::Verify).map_or(0, |scanned| {
            usize::try_from(scanned.resume.seen.len()).unwrap_or(0)
        })
    }
}

#[cfg(test)]
mod tests;
