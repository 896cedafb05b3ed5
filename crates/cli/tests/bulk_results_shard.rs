//! `advanceai bulk --results` (Get Result for many H5 transactions), `--shard K/N`, and
//! resuming a run read from stdin, end to end against the sandbox.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use advanceai_core::Endpoint;
use advanceai_sandbox::{Sandbox, SandboxConfig};
use common::{against, complete, process_against, run, run_json, start, url_args};
use serde_json::Value;

const HEADER: &str = "bizId,userId,region,numberType,numberValue\n";

/// Every line of the output, in order.
fn lines(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// `advanceai bulk --results INPUT --out OUT` against `sandbox`.
fn results_bulk(
    sandbox: &advanceai_sandbox::RunningSandbox,
    input: &Path,
    out: &Path,
) -> assert_cmd::Command {
    let mut cmd = against(sandbox);
    cmd.args(["bulk", "--results"])
        .arg(input)
        .arg("--out")
        .arg(out);
    cmd
}

/// A new H5 transaction's signatureId.
fn new_transaction(sandbox: &advanceai_sandbox::RunningSandbox, biz_id: &str) -> String {
    let json = run_json(against(sandbox).args(url_args(biz_id)), 0);
    json["signatureId"].as_str().unwrap().to_owned()
}

#[test]
fn results_are_fetched_and_pending_ones_fetched_again() {
    let sandbox = start();
    let dir = tempfile::tempdir().unwrap();
    let (input, out) = (dir.path().join("ids.csv"), dir.path().join("results.jsonl"));
    let passed = new_transaction(&sandbox, "h-pass");
    let failed = new_transaction(&sandbox, "h-fail");
    let pending = new_transaction(&sandbox, "h-pending");
    complete(&sandbox, &passed, "PASS");
    complete(&sandbox, &failed, "SIMILARITY_FAILED");
    // Extra columns are ignored; an unknown id is the API's answer about the row; an empty
    // one is refused locally.
    std::fs::write(
        &input,
        format!("note,signatureId\na,{passed}\nb,{failed}\nc,{pending}\nd,nope\ne,\n"),
    )
    .unwrap();
    let bulk = || results_bulk(&sandbox, &input, &out);
    let summary = run_json(&mut bulk(), 5);
    assert_eq!(summary["rows"], 5, "{summary}");
    assert_eq!(summary["pending"], 1, "{summary}");
    assert_eq!(summary["results"]["PASS"], 1, "{summary}");
    assert_eq!(summary["results"]["FAIL"], 1, "{summary}");
    assert_eq!(summary["apiErrors"]["SIGNATURE_NOT_EXIST"], 1, "{summary}");
    assert_eq!(summary["invalid"], 1, "{summary}");
    assert_eq!(sandbox.request_count(Endpoint::GetResult), 4);

    let first = lines(&out);
    let by_row: BTreeMap<u64, &Value> = first
        .iter()
        .map(|l| (l["row"].as_u64().unwrap(), l))
        .collect();
    assert_eq!(by_row.len(), 5);
    assert_eq!(by_row[&1]["signatureId"], passed.as_str());
    assert_eq!(by_row[&1]["pending"], false);
    assert_eq!(by_row[&1]["overallResult"], "PASS");
    assert_eq!(by_row[&1]["errorCode"], "SUCCESS");
    assert_eq!(by_row[&2]["overallResult"], "FAIL");
    assert_eq!(by_row[&2]["errorCode"], "SIMILARITY_FAILED");
    assert_eq!(by_row[&3]["pending"], true);
    assert_eq!(by_row[&3]["overallResult"], Value::Null);
    assert_eq!(by_row[&4]["error"]["kind"], "API_ERROR");
    assert_eq!(by_row[&4]["error"]["code"], "SIGNATURE_NOT_EXIST");
    assert_eq!(by_row[&5]["error"]["kind"], "INVALID_INPUT");
    // The verdict only: the person record the API returns is not written.
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(!text.contains("docDatabaseDetail"), "{text}");

    // Still pending: the rerun fetches only that row, and writes it again.
    let again = run_json(&mut bulk(), 5);
    assert_eq!(again["skippedAlreadyDone"], 4, "{again}");
    assert_eq!(again["pending"], 1, "{again}");
    assert_eq!(sandbox.request_count(Endpoint::GetResult), 5);
    complete(&sandbox, &pending, "PASS");
    let done = run_json(&mut bulk(), 0);
    assert_eq!(done["skippedAlreadyDone"], 4, "{done}");
    assert_eq!(done["results"]["PASS"], 1, "{done}");
    assert_eq!(done["pending"], 0, "{done}");
    let last = lines(&out);
    assert_eq!(last.len(), 7);
    assert_eq!(last[6]["row"], 3);
    assert_eq!(last[6]["pending"], false);
    assert_eq!(last[6]["overallResult"], "PASS");
    // Nothing is left: a fourth run sends nothing.
    let nothing = run_json(&mut bulk(), 0);
    assert_eq!(nothing["skippedAlreadyDone"], 5, "{nothing}");
    assert_eq!(sandbox.request_count(Endpoint::GetResult), 6);
}

#[test]
fn a_result_that_fails_in_transit_is_retried_and_left_for_the_rerun() {
    let sandbox = start();
    let dir = tempfile::tempdir().unwrap();
    let (input, out) = (dir.path().join("ids.jsonl"), dir.path().join("out.jsonl"));
    let passed = new_transaction(&sandbox, "h-ok");
    complete(&sandbox, &passed, "PASS");
    std::fs::write(
        &input,
        format!("{{\"signatureId\":\"fault-502-x\"}}\n{{\"signatureId\":\"{passed}\"}}\n"),
    )
    .unwrap();
    let summary = run_json(&mut results_bulk(&sandbox, &input, &out), 4);
    // Idempotent: the client retried it, and no line means the rerun fetches it again
    // (never UNKNOWN_OUTCOME: fetching twice bills nothing).
    assert_eq!(summary["notSent"], 1, "{summary}");
    assert_eq!(summary["unknownOutcome"], 0, "{summary}");
    assert!(sandbox.request_count(Endpoint::GetResult) > 2);
    let written = lines(&out);
    assert_eq!(written.len(), 1);
    assert_eq!(written[0]["row"], 2);
    assert!(!dir.path().join("out.jsonl.journal").exists());
}

#[test]
fn shards_split_one_input_and_their_outputs_merge_by_concatenation() {
    let sandbox = Sandbox::start(SandboxConfig::default().with_verifications_by_biz_id()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.csv");
    let mut csv = HEADER.to_owned();
    for i in 1..=30 {
        let number = if i % 4 == 0 {
            "00000000000"
        } else {
            "22222222222"
        };
        csv.push_str(&format!("s{i},u{i},NGA,BVN,{number}\n"));
    }
    std::fs::write(&input, csv).unwrap();
    let out = |k: u64| dir.path().join(format!("out-{k}.jsonl"));
    // Three processes at once, no coordination.
    let children: Vec<_> = (0..3)
        .map(|k| {
            process_against(&sandbox)
                .arg("bulk")
                .arg(&input)
                .arg("--out")
                .arg(out(k))
                .args(["--json", "--shard", &format!("{k}/3")])
                .spawn()
                .unwrap()
        })
        .collect();
    let mut merged = String::new();
    for (k, child) in children.into_iter().enumerate() {
        let output = child.wait_with_output().unwrap();
        assert_eq!(output.status.code(), Some(0));
        let summary: Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(summary["rows"], 10, "{summary}");
        for line in lines(&out(k as u64)) {
            assert_eq!(line["row"].as_u64().unwrap() % 3, k as u64, "{line}");
        }
        merged.push_str(&std::fs::read_to_string(out(k as u64)).unwrap());
    }
    // Every row sent exactly once across the shards.
    let sent = sandbox.verifications_by_biz_id();
    assert_eq!(sent.len(), 30);
    assert!(sent.values().all(|&n| n == 1), "{sent:?}");

    // The concatenated outputs are the output of the whole input: nothing left to send.
    let all = dir.path().join("all.jsonl");
    std::fs::write(&all, merged).unwrap();
    let whole = run_json(
        against(&sandbox)
            .arg("bulk")
            .arg(&input)
            .arg("--out")
            .arg(&all),
        0,
    );
    assert_eq!(whole["rows"], 30, "{whole}");
    assert_eq!(whole["skippedAlreadyDone"], 30, "{whole}");
    assert_eq!(sandbox.request_count(Endpoint::IdNumberVerification), 30);

    // Another shard's output is refused, naming its first row, before anything is sent.
    let refused = run(against(&sandbox)
        .arg("bulk")
        .arg(&input)
        .arg("--out")
        .arg(out(0))
        .args(["--shard", "1/3"]));
    assert_eq!(refused.code, 2, "{}", refused.stderr);
    assert!(
        refused
            .stderr
            .contains("holds row 3, which does not match row 3 of"),
        "{}",
        refused.stderr
    );
    assert!(refused.stderr.contains("(shard 1/3)"), "{}", refused.stderr);
    for bad in ["3/3", "1", "0/0", "x/2"] {
        let usage = run(against(&sandbox)
            .arg("bulk")
            .arg(&input)
            .arg("--out")
            .arg(&all)
            .args(["--shard", bad]));
        assert_eq!(usage.code, 2, "{bad}: {}", usage.stderr);
        assert!(usage.stderr.contains("K/N"), "{bad}: {}", usage.stderr);
    }
    assert_eq!(sandbox.request_count(Endpoint::IdNumberVerification), 30);
}

#[test]
fn a_run_from_stdin_resumes_and_refuses_another_input() {
    let sandbox = start();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.jsonl");
    let row = |i: u32| {
        format!(
            "{{\"bizId\":\"b{i}\",\"userId\":\"u{i}\",\"region\":\"NGA\",\"numberType\":\"BVN\",\"numberValue\":\"22222222222\"}}\n"
        )
    };
    let stdin: String = (1..=6).map(row).collect();
    // A previous run answered rows 2 and 5.
    std::fs::write(
        &out,
        "{\"row\":2,\"bizId\":\"b2\",\"userId\":\"u2\",\"numberValue\":\"22********2\",\"overallResult\":\"PASS\",\"errorCode\":\"SUCCESS\",\"signatureId\":\"s\"}\n\
         {\"row\":5,\"bizId\":\"b5\",\"userId\":\"u5\",\"numberValue\":\"22********2\",\"overallResult\":\"PASS\",\"errorCode\":\"SUCCESS\",\"signatureId\":\"s\"}\n",
    )
    .unwrap();
    let summary = run_json(
        against(&sandbox)
            .args(["bulk", "-", "--out"])
            .arg(&out)
            .write_stdin(stdin.clone()),
        0,
    );
    assert_eq!(summary["rows"], 6, "{summary}");
    assert_eq!(summary["skippedAlreadyDone"], 2, "{summary}");
    assert_eq!(summary["answered"], 4, "{summary}");
    assert_eq!(sandbox.request_count(Endpoint::IdNumberVerification), 4);
    assert_eq!(lines(&out).len(), 6);

    let other: String = (1..=6).map(|i| row(i + 100)).collect();
    let refused = run(against(&sandbox)
        .args(["bulk", "-", "--out"])
        .arg(&out)
        .write_stdin(other));
    assert_eq!(refused.code, 2, "{}", refused.stderr);
    assert!(
        refused.stderr.contains("holds row 1, which does not match"),
        "{}",
        refused.stderr
    );
    assert_eq!(sandbox.request_count(Endpoint::IdNumberVerification), 4);
}
