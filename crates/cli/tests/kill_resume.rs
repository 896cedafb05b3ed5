//! Kill and resume at scale: an `advanceai bulk` run is killed with SIGKILL at 20 random
//! moments and rerun each time until it completes. Then every row has exactly one line,
//! and the sandbox received exactly one verification per row, except rows written as
//! `UNKNOWN_OUTCOME` (sent by a killed run whose answer was lost: at most one).
//!
//! `cargo test` runs it on 10,000 rows (a debug build); `scripts/kill-resume.sh` runs the
//! same test on 100,000 rows in a release build. `ADVANCEAI_KILL_ROWS` and
//! `ADVANCEAI_KILL_SEED` set the row count and the moments (the seed is printed, so a
//! failure can be replayed).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

use advanceai_sandbox::{Sandbox, SandboxConfig};
use common::process_against;
use serde_json::Value;

mod common;

const KILLS: u64 = 20;

/// About how many bytes a line of this test's output takes: the kill moments are chosen
/// by the output's growth.
const LINE_BYTES: u64 = 140;

/// A small deterministic generator for the kill moments (xorshift64*).
struct Moments(u64);

impl Moments {
    fn next_ms(&mut self, below: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % below
    }
}

fn env_u64(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.parse().ok())
}

fn write_input(path: &Path, rows: u64) {
    let mut file = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    writeln!(file, "bizId,userId,region,numberType,numberValue").unwrap();
    for i in 1..=rows {
        writeln!(file, "k{i},u{i},NGA,BVN,22222222222").unwrap();
    }
    file.flush().unwrap();
}

fn lines(path: &Path) -> usize {
    std::fs::read(path)
        .map(|bytes| bytes.iter().filter(|&&b| b == b'\n').count())
        .unwrap_or(0)
}

#[test]
fn killed_twenty_times_every_row_once_and_sent_once() {
    let rows = env_u64("ADVANCEAI_KILL_ROWS").unwrap_or(10_000);
    let seed = env_u64("ADVANCEAI_KILL_SEED").unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(1, |d| d.as_nanos() as u64)
            | 1
    });
    eprintln!("kill_resume: {rows} rows, ADVANCEAI_KILL_SEED={seed}");
    let mut moments = Moments(seed);
    let sandbox = Sandbox::start(SandboxConfig::default().with_verifications_by_biz_id()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (input, out) = (dir.path().join("in.csv"), dir.path().join("out.jsonl"));
    write_input(&input, rows);
    let bulk = || {
        let mut command = process_against(&sandbox);
        command
            .arg("bulk")
            .arg(&input)
            .arg("--out")
            .arg(&out)
            .args(["--json", "--concurrency", "16"]);
        command
    };

    let started = Instant::now();
    let size = |path: &Path| std::fs::metadata(path).map_or(0, |m| m.len());
    let mut killed_mid_run = 0;
    for kill in 0..KILLS {
        let before = lines(&out);
        // A random moment: once the output has grown by up to twice an even share of the
        // rows (so the kills spread over the whole run), at any point of a line's writing.
        let grow = (1 + moments.next_ms(2 * rows / (KILLS + 1))) * LINE_BYTES;
        let target = size(&out) + grow;
        let mut child = bulk().spawn().unwrap();
        let deadline = Instant::now() + Duration::from_secs(120);
        while size(&out) < target && child.try_wait().unwrap().is_none() {
            assert!(Instant::now() < deadline, "run {kill} made no progress");
            std::thread::sleep(Duration::from_micros(500));
        }
        if child.try_wait().unwrap().is_none() {
            killed_mid_run += 1;
        }
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        eprintln!("kill {kill}: {before} -> {} lines", lines(&out));
    }
    let last = bulk().output().unwrap();
    let summary: Value = serde_json::from_slice(&last.stdout).unwrap();
    eprintln!(
        "kill_resume: {killed_mid_run} of {KILLS} kills mid-run; final run {summary} after {:?}",
        started.elapsed()
    );
    assert!(killed_mid_run > 0, "no kill landed while a run was going");

    // Every row has exactly one line.
    let mut by_row: BTreeMap<u64, Value> = BTreeMap::new();
    for line in std::fs::read_to_string(&out).unwrap().lines() {
        let value: Value = serde_json::from_str(line).unwrap();
        let row = value["row"].as_u64().unwrap();
        assert!(
            by_row.insert(row, value).is_none(),
            "row {row} written twice"
        );
    }
    assert_eq!(by_row.len() as u64, rows);
    assert_eq!(by_row.keys().next_back(), Some(&rows));

    // Exactly one verification per row, but UNKNOWN_OUTCOME rows: at most one.
    let sent = sandbox.verifications_by_biz_id();
    let mut unknown = 0u64;
    for (row, line) in &by_row {
        let biz_id = format!("k{row}");
        assert_eq!(line["bizId"], biz_id.as_str());
        let count = sent.get(&biz_id).copied().unwrap_or(0);
        if line["error"]["kind"] == "UNKNOWN_OUTCOME" {
            unknown += 1;
            assert!(count <= 1, "row {row}: {count} requests");
        } else {
            assert_eq!(line["overallResult"], "PASS", "row {row}: {line}");
            assert_eq!(count, 1, "row {row}: {count} requests");
        }
    }
    assert_eq!(sent.values().sum::<u64>() as usize, sent.len());
    // The final run completed: exit 4 only to flag the unknown outcomes it wrote.
    let expected = if summary["unknownOutcome"].as_u64() > Some(0) {
        4
    } else {
        0
    };
    assert_eq!(last.status.code(), Some(expected), "{summary}");
    assert_eq!(summary["notSent"], 0, "{summary}");
    eprintln!("kill_resume: {unknown} rows UNKNOWN_OUTCOME");
    // The journal is gone once no row it names is left without its line.
    assert!(!dir.path().join("out.jsonl.journal").exists());
}
