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
        mode: Mode::Verify,
        shard: Shard::ALL,
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
        let mut csv =
            format!("{HEADER}b1,u1,NGA,BVN,22222222222\n{second_biz_id},u2,NGA,BVN,22222222222\n");
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

#[test]
fn rows_a_killed_run_sent_are_written_unknown_not_resent() {
    let (sandbox, client) = sandbox_client();
    let dir = tempfile::tempdir().unwrap();
    let mut csv = HEADER.to_owned();
    for i in 1..=4 {
        csv.push_str(&format!("b{i},u{i},NGA,BVN,22222222222\n"));
    }
    std::fs::write(dir.path().join("in.csv"), csv).unwrap();
    let options = options(dir.path(), "in.csv");
    // A killed run: row 1 answered; rows 1 and 2 sent; row 3 sent, then released (it was
    // refused unprocessed); a journal entry cut short by the kill.
    std::fs::write(
        &options.out,
        "{\"row\":1,\"bizId\":\"b1\",\"userId\":\"u1\",\"numberValue\":\"22********2\",\"overallResult\":\"PASS\",\"errorCode\":\"SUCCESS\",\"signatureId\":\"s\"}\n",
    )
    .unwrap();
    let journal = dir.path().join("out.jsonl.journal");
    std::fs::write(&journal, "1\n2\n3\n-3\n4").unwrap();

    let summary = run(&client, &options).unwrap();
    assert_eq!(summary.skipped_already_done, 1);
    assert_eq!(summary.unknown_outcome, 1);
    assert_eq!(summary.results["PASS"], 2);
    assert_eq!(summary.exit(), crate::commands::output::Exit::Transport);
    // Rows 3 and 4 were sent; row 2 was not sent again.
    assert_eq!(
        sandbox.request_count(advanceai_core::Endpoint::IdNumberVerification),
        2
    );
    let by_row: BTreeMap<u64, Value> = lines(&options.out)
        .into_iter()
        .map(|l| (l["row"].as_u64().unwrap(), l))
        .collect();
    assert_eq!(by_row.len(), 4);
    let unknown = &by_row[&2];
    assert_eq!(unknown["bizId"], "b2");
    assert_eq!(unknown["numberValue"], "22********2");
    assert_eq!(unknown["error"]["kind"], "UNKNOWN_OUTCOME");
    assert!(
        unknown["error"]["message"]
            .as_str()
            .unwrap()
            .contains("a previous run was stopped after sending this row"),
        "{unknown}"
    );
    // Every row the journal named has its line: it is gone, and a rerun is clean.
    assert!(!journal.exists());
    let again = run(&client, &options).unwrap();
    assert_eq!(again.skipped_already_done, 4);
    assert_eq!(again.exit(), crate::commands::output::Exit::Ok);
}

#[test]
fn an_interrupted_or_stopped_run_keeps_its_journal_until_every_row_is_answered() {
    let (sandbox, client) = sandbox_client();
    let dir = tempfile::tempdir().unwrap();
    let csv = format!(
        "{HEADER}b1,u1,NGA,BVN,22222222222\nfault-no-balance-2,u2,NGA,BVN,22222222222\nb3,u3,NGA,BVN,22222222222\n"
    );
    std::fs::write(dir.path().join("in.csv"), csv).unwrap();
    let mut options = options(dir.path(), "in.csv");
    options.concurrency = 1;
    let journal = dir.path().join("out.jsonl.journal");
    let summary = run(&client, &options).unwrap();
    assert_eq!(summary.not_started, 1);
    // Row 2 was refused unprocessed and released; row 3 never started: the journal stays
    // (it names no row left unanswered, so the rerun sends both).
    assert_eq!(std::fs::read_to_string(&journal).unwrap(), "1\n2\n-2\n");
    std::fs::write(
        dir.path().join("in.csv"),
        format!("{HEADER}b1,u1,NGA,BVN,22222222222\nb2,u2,NGA,BVN,22222222222\nb3,u3,NGA,BVN,22222222222\n"),
    )
    .unwrap();
    let again = run(&client, &options);
    // Row 1's bizId matches; row 2 had no line, so a new bizId there is fine.
    let again = again.unwrap();
    assert_eq!(again.results["PASS"], 2);
    assert_eq!(again.unknown_outcome, 0);
    assert!(!journal.exists());
    assert_eq!(
        sandbox.request_count(advanceai_core::Endpoint::IdNumberVerification),
        4
    );
}
