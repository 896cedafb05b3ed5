//! Progress on stderr: a bar on a terminal, a plain line now and then otherwise.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};

use super::summary::Summary;

/// How often a plain progress line is printed at most, when not on a terminal.
const LINE_EVERY: Duration = Duration::from_secs(5);

/// Reports progress of the rows this run sends.
pub(crate) struct Progress {
    bar: Option<ProgressBar>,
    /// Rows to run, when known (standard input is not counted ahead).
    total: Option<u64>,
    done: u64,
    started: Instant,
    last_line: Instant,
    /// The last tenth (10 %, 20 %...) a plain line was printed for.
    last_tenth: u64,
}

impl Progress {
    /// Progress over `total` rows to run (`None`: not known ahead).
    pub(crate) fn new(total: Option<u64>) -> Self {
        let bar = std::io::stderr().is_terminal().then(|| {
            let (bar, template) = match total {
                Some(total) => (
                    ProgressBar::new(total),
                    "{bar:30} {pos}/{len} rows, {per_sec}, ETA {eta} {msg}",
                ),
                None => (
                    ProgressBar::no_length(),
                    "{spinner} {pos} rows, {per_sec} {msg}",
                ),
            };
            if let Ok(style) = ProgressStyle::with_template(template) {
                bar.set_style(style);
            }
            bar
        });
        let now = Instant::now();
        Self {
            bar,
            total,
            done: 0,
            started: now,
            last_line: now,
            last_tenth: 0,
        }
    }

    /// One more row finished; `summary` holds the counts so far.
    pub(crate) fn advance(&mut self, summary: &Summary) {
        self.done += 1;
        if let Some(bar) = &self.bar {
            bar.set_message(counts(summary));
            bar.inc(1);
            return;
        }
        let tenth = self.total.map_or(0, |total| self.done * 10 / total.max(1));
        if tenth > self.last_tenth || self.last_line.elapsed() >= LINE_EVERY {
            self.last_tenth = tenth;
            self.last_line = Instant::now();
            match self.total {
                Some(total) => eprintln!(
                    "bulk: {}/{total} rows ({}%), {}, ETA {}",
                    self.done,
                    self.done * 100 / total.max(1),
                    counts(summary),
                    self.eta(total)
                ),
                None => eprintln!("bulk: {} rows, {}", self.done, counts(summary)),
            }
        }
    }

    /// Removes the bar.
    pub(crate) fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }

    fn eta(&self, total: u64) -> String {
        if self.done == 0 {
            return "unknown".into();
        }
        let per_row = self.started.elapsed().as_secs_f64() / self.done as f64;
        let left = per_row * total.saturating_sub(self.done) as f64;
        format!("{left:.0}s")
    }
}

/// The counts so far, short.
fn counts(summary: &Summary) -> String {
    let mut parts: Vec<String> = summary
        .results
        .iter()
        .map(|(k, n)| format!("{k} {n}"))
        .collect();
    let api: u64 = summary.api_errors.values().sum();
    for (name, n) in [
        ("pending", summary.pending),
        ("API error", api),
        ("invalid", summary.invalid),
        ("unknown outcome", summary.unknown_outcome),
        ("not sent", summary.not_sent),
    ] {
        if n > 0 {
            parts.push(format!("{name} {n}"));
        }
    }
    parts.join(", ")
}
