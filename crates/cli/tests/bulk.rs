//! `advanceai bulk` end to end against the embedded sandbox (`--sandbox`): mixed outcomes,
//! a killed run resumed, and the rate limit.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use serde_json::Value;

const HEADER: &str = "bizId,userId,region,numberType,numberValue\n";

/// What one generated row should end as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    Result(&'static str, &'static str),
    Error(&'static str, Option<&'static str>),
}

/// Row `i` (0-based) of the mixed file, and what it should give.
fn mixed_row(i: usize) -> (String, Expect) {
    let (biz, kind, number, expect) = match i % 10 {
        0 => (
            format!("b{i}"),
            "BVN",
            "22222222222",
            Expect::Result("PASS", "SUCCESS"),
        ),
        1 => (
            format!("b{i}"),
            "NIN",
            "00000000000",
            Expect::Result("FAIL", "NUMBER_NOT_EXIST"),
        ),
        2 => (
            format!("b{i}"),
            "BVN",
            "44444444444",
            Expect::Result("INCOMPLETE", "ERROR"),
        ),
        3 => (
            format!("b{i}"),
            "BVN",
            "11111111111",
            Expect::Result("FAIL", "BVN_SUSPEND"),
        ),
        4 => (
            format!("b{i}"),
            "BVN",
            "123",
            Expect::Error("INVALID_INPUT", Some("PARAMETER_ERROR")),
        ),
        5 => (
            format!("b{i}"),
            "bvn",
            "22222222222",
            Expect::Error("INVALID_INPUT", Some("PARAMETER_ERROR")),
        ),
        6 => (
            format!("fault-502-{i}"),
            "BVN",
            "22222222222",
            Expect::Error("UNKNOWN_OUTCOME", Some("UNEXPECTED_RESPONSE")),
        ),
        7 => {
            return (
                format!("b{i},u{i},NGA\n"),
                Expect::Error("INVALID_ROW", None),
            );
        }
        8 => (
            format!("b{i}"),
            "NIN",
            "22222222222",
            Expect::Result("PASS", "SUCCESS"),
        ),
        _ => (
            format!("b{i}"),
            "BVN",
            "33333333333",
            Expect::Result("FAIL", "INFO_ABNORMAL"),
        ),
    };
    (format!("{biz},u{i},NGA,{kind},{number}\n"), expect)
}

fn write_mixed(path: &Path, rows: usize) -> Vec<Expect> {
    let mut csv = HEADER.to_owned();
    let mut expects = Vec::new();
    for i in 0..rows {
        let (line, expect) = mixed_row(i);
        csv.push_str(&line);
        expects.push(expect);
    }
    std::fs::write(path, csv).unwrap();
    expects
}

fn write_passing(path: &Path, rows: usize) {
    let mut csv = HEADER.to_owned();
    for i in 0..rows {
        csv.push_str(&format!("b{i},u{i},NGA,BVN,22222222222\n"));
    }
    std::fs::write(path, csv).unwrap();
}

/// The output lines by row number; fails on a duplicate row or a broken line.
fn output_rows(path: &Path) -> BTreeMap<u64, Value> {
    let mut rows = BTreeMap::new();
    for line in std::fs::read_to_string(path).unwrap().lines() {
        let value: Value = serde_json::from_str(line).unwrap();
        let row = value["row"].as_u64().unwrap();
        assert!(rows.insert(row, value).is_none(), "row {row} written twice");
    }
    rows
}

/// Complete lines in `path` so far (0 when it does not exist yet).
fn answered_lines(path: &Path) -> usize {
    std::fs::read(path)
        .map(|bytes| bytes.iter().filter(|&&b| b == b'\n').count())
        .unwrap_or(0)
}

fn bulk(input: &Path, out: &Path, extra: &[&str]) -> Command {
    let mut cmd = Command::cargo_bin("advanceai").unwrap();
    cmd.arg("bulk")
        .arg(input)
        .arg("--out")
        .arg(out)
        .arg("--sandbox")
        .args(extra)
        .env_remove("ADVANCEAI_ACCESS_KEY")
        .env_remove("ADVANCEAI_SECRET_KEY")
        .env_remove("ADVANCEAI_BASE_URL");
    cmd
}

#[test]
fn thousand_mixed_rows_each_answered_once() {
    let dir = tempfile::tempdir().unwrap();
    let (input, out) = (dir.path().join("in.csv"), dir.path().join("out.jsonl"));
    let expects = write_mixed(&input, 1000);
    let run = bulk(&input, &out, &["--json", "--concurrency", "8"])
        .timeout(Duration::from_secs(120))
        .output()
        .unwrap();
    // Every row has its line, but the fault-502 rows have an unknown outcome that someone
    // must check: exit 4, not 0.
    assert_eq!(
        run.status.code(),
        Some(4),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );

    let rows = output_rows(&out);
    assert_eq!(rows.len(), 1000);
    let mut expected_results: BTreeMap<&str, u64> = BTreeMap::new();
    let (mut invalid, mut unknown) = (0u64, 0u64);
    for (i, expect) in expects.iter().enumerate() {
        let line = &rows[&(i as u64 + 1)];
        match *expect {
            Expect::Result(result, code) => {
                assert_eq!(line["overallResult"], result, "row {}: {line}", i + 1);
                assert_eq!(line["errorCode"], code, "row {}: {line}", i + 1);
                assert!(line["signatureId"].as_str().is_some_and(|s| !s.is_empty()));
                *expected_results.entry(result).or_default() += 1;
            }
            Expect::Error(kind, code) => {
                assert_eq!(line["error"]["kind"], kind, "row {}: {line}", i + 1);
                assert_eq!(
                    line["error"]["code"].as_str(),
                    code,
                    "row {}: {line}",
                    i + 1
                );
                match kind {
                    "UNKNOWN_OUTCOME" => unknown += 1,
                    _ => invalid += 1,
                }
            }
        }
    }
    // The summary on stdout agrees with the file.
    let summary: Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(summary["rows"], 1000);
    assert_eq!(summary["answered"], 1000);
    for (result, n) in &expected_results {
        assert_eq!(summary["results"][*result], *n, "{summary}");
    }
    assert_eq!(summary["invalid"], invalid);
    assert_eq!(summary["unknownOutcome"], unknown);

    // ID numbers never reach the output or the terminal.
    let text = std::fs::read_to_string(&out).unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    for number in ["22222222222", "00000000000", "44444444444", "11111111111"] {
        assert!(!text.contains(number), "{number} in the output");
        assert!(!stderr.contains(number), "{number} on stderr");
    }

    // Rerun: nothing left to do, nothing written.
    let again = bulk(&input, &out, &["--json"]).output().unwrap();
    assert!(again.status.success());
    let summary: Value = serde_json::from_slice(&again.stdout).unwrap();
    assert_eq!(summary["skippedAlreadyDone"], 1000);
    assert_eq!(summary["answered"], 0);
    assert_eq!(output_rows(&out).len(), 1000);
}

#[test]
fn killed_run_resumes_without_loss_or_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let (input, out) = (dir.path().join("in.csv"), dir.path().join("out.jsonl"));
    write_passing(&input, 60);
    let binary = assert_cmd::cargo::cargo_bin("advanceai");
    let mut child = std::process::Command::new(&binary)
        .args(["bulk"])
        .arg(&input)
        .arg("--out")
        .arg(&out)
        .args(["--sandbox", "--rate", "10"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Kill it once a few answers are on disk (60 rows at 10/s take about 6 s), whatever
    // the machine's load made the start-up cost.
    let deadline = Instant::now() + Duration::from_secs(60);
    while answered_lines(&out) < 3 {
        assert!(Instant::now() < deadline, "no answer within 60 s");
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    // A line the kill cut short (if any) is not an answer: the rerun drops it.
    let partial = answered_lines(&out);
    // Killed partway: some rows, far from all, are done.
    assert!((1..60).contains(&partial), "{partial} rows after the kill");

    let rerun = bulk(&input, &out, &["--json"]).output().unwrap();
    let summary: Value = serde_json::from_slice(&rerun.stdout).unwrap();
    // A row the kill caught in flight (sent, answer lost) is written UNKNOWN_OUTCOME from
    // the send journal, not sent again; the exit code flags it.
    let unknown = summary["unknownOutcome"].as_u64().unwrap();
    assert!(unknown <= 4, "{summary}");
    assert_eq!(
        rerun.status.code(),
        Some(if unknown > 0 { 4 } else { 0 }),
        "{}",
        String::from_utf8_lossy(&rerun.stderr)
    );
    assert_eq!(summary["skippedAlreadyDone"], partial as u64);
    assert_eq!(summary["answered"], 60 - partial as u64);
    let rows = output_rows(&out);
    assert_eq!(
        rows.keys().copied().collect::<Vec<_>>(),
        (1..=60).collect::<Vec<u64>>()
    );
}

#[test]
fn rate_bounds_the_observed_rate() {
    let dir = tempfile::tempdir().unwrap();
    let (input, out) = (dir.path().join("in.csv"), dir.path().join("out.jsonl"));
    write_passing(&input, 30);
    let started = Instant::now();
    bulk(&input, &out, &["--rate", "20", "--concurrency", "8"])
        .assert()
        .success();
    // 30 starts at 20/s: 29 intervals of 50 ms at least, whatever the concurrency.
    let elapsed = started.elapsed();
    assert!(elapsed >= Duration::from_millis(1400), "took {elapsed:?}");
    assert_eq!(output_rows(&out).len(), 30);
}

#[test]
fn jsonl_from_stdin_and_text_summary() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.jsonl");
    let stdin = concat!(
        r#"{"bizId":"b1","userId":"u1","region":"NGA","numberType":"BVN","numberValue":"22222222222"}"#,
        "\n",
        r#"{"bizId":"b2","userId":"u2","region":"NGA","numberType":"BVN","numberValue":"00000000000"}"#,
        "\nnot json\n",
    );
    let run = bulk(Path::new("-"), &out, &[])
        .write_stdin(stdin)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let text = String::from_utf8_lossy(&run.stdout);
    assert!(text.contains("PASS 1, FAIL 1, INCOMPLETE 0"), "{text}");
    assert!(text.contains("invalid rows (not sent): 1"), "{text}");
    let rows = output_rows(&out);
    assert_eq!(rows[&3]["error"]["kind"], "INVALID_ROW");
}

#[test]
fn unusable_files_exit_2_or_4() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.jsonl");
    // Unknown extension, missing column: usage (2).
    let txt = dir.path().join("in.txt");
    std::fs::write(&txt, HEADER).unwrap();
    bulk(&txt, &out, &[]).assert().code(2);
    let csv = dir.path().join("in.csv");
    std::fs::write(&csv, "bizId,userId\nb,u\n").unwrap();
    bulk(&csv, &out, &[]).assert().code(2);
    // An --out that is not bulk output: usage (2), and left as it was.
    write_passing(&csv, 2);
    std::fs::write(&out, "something else\n").unwrap();
    bulk(&csv, &out, &[]).assert().code(2);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "something else\n");
    // A missing input: I/O (4).
    bulk(
        &dir.path().join("missing.csv"),
        &dir.path().join("o2.jsonl"),
        &[],
    )
    .assert()
    .code(4);
}

#[test]
fn interrupted_run_writes_every_answer_in_flight() {
    use advanceai_core::Endpoint;
    use advanceai_sandbox::{DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY, Sandbox, SandboxConfig};

    let sandbox = Sandbox::start(SandboxConfig::default()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (input, out) = (dir.path().join("in.csv"), dir.path().join("out.jsonl"));
    // 40 rows the server takes 300 ms each to answer, 4 at a time: about 3 s in all.
    let mut csv = HEADER.to_owned();
    for i in 0..40 {
        csv.push_str(&format!("fault-delay-300-b{i},u{i},NGA,BVN,22222222222\n"));
    }
    std::fs::write(&input, csv).unwrap();
    let run = |input: &Path| {
        let mut command = std::process::Command::new(assert_cmd::cargo::cargo_bin("advanceai"));
        command
            .arg("bulk")
            .arg(input)
            .arg("--out")
            .arg(&out)
            .args(["--json", "--concurrency", "4"])
            .env("ADVANCEAI_BASE_URL", sandbox.base_url())
            .env("ADVANCEAI_ACCESS_KEY", DEFAULT_ACCESS_KEY)
            .env("ADVANCEAI_SECRET_KEY", DEFAULT_SECRET_KEY)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        command.spawn().unwrap()
    };
    let child = run(&input);
    let deadline = Instant::now() + Duration::from_secs(60);
    while answered_lines(&out) < 4 {
        assert!(Instant::now() < deadline, "no answer within 60 s");
        std::thread::sleep(Duration::from_millis(20));
    }
    // Ctrl-C while requests are in flight.
    let signal = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(signal.success());
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(130), "{stderr}");
    assert!(
        stderr.contains("waiting for the requests in flight"),
        "{stderr}"
    );

    // Every request that reached the server has its answer on disk: none was lost.
    let rows = output_rows(&out);
    let sent = sandbox.request_count(Endpoint::IdNumberVerification);
    assert_eq!(rows.len() as u64, sent, "{stderr}");
    assert!(
        rows.len() < 40,
        "the interrupt came too late to test anything"
    );
    assert!(rows.values().all(|line| line["overallResult"] == "PASS"));
    let summary: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(summary["interrupted"], true, "{summary}");
    assert_eq!(summary["notSent"], 40 - sent, "{summary}");

    // The rerun sends only the rest: 40 requests in all, every row once.
    let rerun = run(&input).wait_with_output().unwrap();
    assert_eq!(
        rerun.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&rerun.stderr)
    );
    assert_eq!(output_rows(&out).len(), 40);
    assert_eq!(sandbox.request_count(Endpoint::IdNumberVerification), 40);
}
