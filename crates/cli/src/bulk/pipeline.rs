//! The threads of a run: one reader, `concurrency` workers and one writer.
//!
//! The reader streams the input and hands rows to the workers through a bounded queue, so
//! at most a few rows per worker are in memory; a row answered locally (unreadable,
//! invalid, or sent by a stopped run) goes straight to the writer. Workers share one
//! [`Client`] and one [`RateLimiter`]. The writer (the calling thread) appends each answer
//! to the output and flushes it before counting it.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, mpsc};

use advanceai_transport::Client;
use roaring::RoaringTreemap;

use super::input::InputError;
use super::journal::Journal;
use super::outcome::{self, Outcome};
use super::output::Output;
use super::progress::Progress;
use super::rate::RateLimiter;
use super::resume::Resume;
use super::row::{Mode, Row, Work};
use super::shard::Shard;
use super::summary::Summary;

/// Rows queued per worker: enough to keep every worker busy, few enough to hold.
const QUEUED_PER_WORKER: usize = 4;

/// Answers queued for the writer at most.
const ANSWERS_QUEUED: usize = 1024;

/// Everything a run's threads share.
pub(crate) struct Pipeline<'a> {
    pub(crate) client: &'a Client,
    pub(crate) limiter: Option<&'a RateLimiter>,
    pub(crate) mode: Mode,
    pub(crate) shard: Shard,
    pub(crate) concurrency: usize,
    pub(crate) journal: Option<&'a Journal>,
    pub(crate) resume: &'a Resume,
    /// Rows a stopped run sent without writing their answer.
    pub(crate) orphans: &'a RoaringTreemap,
    /// Set by SIGINT / SIGTERM: no new row starts.
    pub(crate) interrupted: &'a AtomicBool,
}

/// What the threads did, besides the counts in the [`Summary`].
#[derive(Debug, Default)]
pub(crate) struct Tally {
    /// Rows of the shard the reader read.
    pub(crate) rows_read: u64,
    /// Of those, rows the output already had.
    pub(crate) skipped: u64,
    /// Rows whose outcome reached the writer and was counted.
    pub(crate) finished: u64,
    /// Why the run could not go on: reading the input, writing the output or the journal.
    pub(crate) fatal: Option<String>,
    /// The token could not be fetched before the first row was sent.
    pub(crate) client_error: Option<advanceai_transport::Error>,
}

/// One finished row, on its way to the writer.
type Answer = (Row, Outcome, Option<String>);

impl Pipeline<'_> {
    /// Runs every row of `rows` in the shard that the output does not have yet.
    pub(crate) fn run<I>(
        &self,
        rows: I,
        out: &mut Output,
        summary: &mut Summary,
        progress: &mut Progress,
    ) -> Tally
    where
        I: Iterator<Item = Result<Row, InputError>> + Send,
    {
        let stop = AtomicBool::new(false);
        let fatal: Mutex<Option<String>> = Mutex::new(None);
        let fail = |message: String| {
            stop.store(true, Ordering::SeqCst);
            let mut slot = fatal.lock().unwrap_or_else(|p| p.into_inner());
            slot.get_or_insert(message);
        };
        let mut tally = Tally::default();
        let (answers, answered) = mpsc::sync_channel::<Answer>(ANSWERS_QUEUED);
        let (jobs, queue) = mpsc::sync_channel::<Row>(self.concurrency * QUEUED_PER_WORKER);
        let queue = Mutex::new(queue);
        std::thread::scope(|scope| {
            for _ in 0..self.concurrency {
                let answers = answers.clone();
                let (queue, stop, fail) = (&queue, &stop, &fail);
                scope.spawn(move || self.work(queue, &answers, stop, fail));
            }
            let reader = {
                let (stop, fail) = (&stop, &fail);
                scope.spawn(move || self.read(rows, jobs, &answers, stop, fail))
            };
            // The single writer: a row counts once its line is written and flushed.
            for (row, outcome, stop_reason) in answered {
                if outcome.is_written()
                    && let Err(e) = out.append(&outcome::line(self.mode, &row, &outcome))
                {
                    fail(format!("cannot write to the output: {e}"));
                    break;
                }
                tally.finished += 1;
                summary.count(&outcome);
                if let Some(reason) = stop_reason {
                    summary.stopped.get_or_insert(reason);
                }
                progress.advance(summary);
            }
            match reader.join() {
                Ok(read) => {
                    tally.rows_read = read.rows_read;
                    tally.skipped = read.skipped;
                    tally.client_error = read.client_error;
                }
                Err(_) => fail("the input reader stopped unexpectedly".into()),
            }
        });
        tally.fatal = fatal.into_inner().unwrap_or_else(|p| p.into_inner());
        tally
    }

    /// The reader: streams `rows`, queues those to send, answers the others itself.
    fn read<I>(
        &self,
        rows: I,
        jobs: mpsc::SyncSender<Row>,
        answers: &mpsc::SyncSender<Answer>,
        stop: &AtomicBool,
        fail: &(dyn Fn(String) + Sync),
    ) -> Tally
    where
        I: Iterator<Item = Result<Row, InputError>>,
    {
        let mut tally = Tally::default();
        let mut token_checked = false;
        for row in rows {
            if stop.load(Ordering::SeqCst) || self.interrupted.load(Ordering::SeqCst) {
                break;
            }
            let row = match row {
                Ok(row) => row,
                Err(InputError::Shape(message) | InputError::Io(message)) => {
                    fail(message);
                    break;
                }
            };
            if !self.shard.contains(row.number) {
                continue;
            }
            tally.rows_read += 1;
            if self.resume.done.contains(row.number) {
                tally.skipped += 1;
                continue;
            }
            let local = if self.orphans.contains(row.number) {
                Some(Outcome::sent_by_a_stopped_run())
            } else if row.is_sendable() {
                None
            } else {
                Some(local_outcome(&row.work))
            };
            let delivered = match local {
                Some(outcome) => answers.send((row, outcome, None)).is_ok(),
                None => {
                    // Wrong keys or an unreachable host fail the command here, before any
                    // row is sent, instead of once per row. (Invalid rows need no server.)
                    if !token_checked {
                        if let Err(error) = self.client.token() {
                            tally.client_error = Some(error);
                            stop.store(true, Ordering::SeqCst);
                            break;
                        }
                        token_checked = true;
                    }
                    jobs.send(row).is_ok()
                }
            };
            if !delivered {
                break; // the writer or every worker has gone: the run is ending
            }
        }
        tally
    }

    /// A worker: sends queued rows until the queue closes. After a stop it keeps taking
    /// rows (without sending them) so that the reader never waits on a full queue.
    fn work(
        &self,
        queue: &Mutex<mpsc::Receiver<Row>>,
        answers: &mpsc::SyncSender<Answer>,
        stop: &AtomicBool,
        fail: &(dyn Fn(String) + Sync),
    ) {
        loop {
            let next = queue.lock().unwrap_or_else(|p| p.into_inner()).recv();
            let Ok(row) = next else {
                return;
            };
            if stop.load(Ordering::SeqCst) || self.interrupted.load(Ordering::SeqCst) {
                continue; // not started: a rerun sends it
            }
            let (outcome, stop_reason) = match self.send(&row) {
                Ok(answer) => answer,
                Err(message) => {
                    fail(message);
                    continue; // not sent: the journal could not record it
                }
            };
            if stop_reason.is_some() {
                // Rows already in flight finish; no new row starts.
                stop.store(true, Ordering::SeqCst);
            }
            // A writer that has gone leaves the row unwritten: still in the journal.
            let _ = answers.send((row, outcome, stop_reason));
        }
    }

    /// Sends one row's request once and returns its outcome, and why the whole run must
    /// stop when it must. `Err` when the send journal cannot record it (then it is not
    /// sent) or its release (then it stays recorded as sent).
    fn send(&self, row: &Row) -> Result<(Outcome, Option<String>), String> {
        if let Some(limiter) = self.limiter {
            limiter.wait();
        }
        match &row.work {
            Work::Verify(request) => {
                let journal = self.journal;
                if let Some(journal) = journal {
                    journal.sending(row.number)?;
                }
                // The client never resends a billable call once it may have left; neither
                // does a rerun: the journal names it until its line is written.
                let answer = match self.client.execute(request) {
                    Ok(data) => (Outcome::verdict(&data), None),
                    Err(error) => Outcome::from_error(&error, self.mode.idempotency()),
                };
                if let Some(journal) = journal
                    && !answer.0.is_written()
                {
                    journal.released(row.number)?;
                }
                Ok(answer)
            }
            Work::Fetch(request) => Ok(match self.client.execute(request) {
                Ok(data) => (Outcome::result(&data), None),
                Err(error) => Outcome::from_error(&error, self.mode.idempotency()),
            }),
            Work::Invalid(_) | Work::Unreadable(_) => Ok((local_outcome(&row.work), None)),
        }
    }
}

/// The outcome of a row refused locally (unreadable or invalid): never sent.
fn local_outcome(work: &Work) -> Outcome {
    match work {
        Work::Unreadable(reason) => Outcome::invalid_row(reason),
        Work::Invalid(problem) => Outcome::invalid_input(*problem),
        // Not reached: sendable rows go to the workers.
        Work::Verify(_) | Work::Fetch(_) => Outcome::invalid_row("not a local row"),
    }
}
