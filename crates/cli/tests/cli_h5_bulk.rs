//! The `advanceai` binary against the sandbox: `url` and `result` (the H5 flow), the wiring
//! of `bulk`, and the shared fault fixture's answers.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use advanceai_sandbox::{DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY};
use common::*;
use serde_json::Value;

// ----- url and result -----

#[test]
fn url_then_result_pending_wait_and_final() {
    let sandbox = start();
    let json = run_json(against(&sandbox).args(url_args("order-h5")), 0);
    let signature_id = json["signatureId"].as_str().unwrap().to_owned();
    assert!(
        json["url"]
            .as_str()
            .unwrap()
            .starts_with(sandbox.base_url())
    );
    insta::assert_json_snapshot!("url", redact(json));

    // Not final yet: 5, with and without --wait.
    let json = run_json(against(&sandbox).args(["result", &signature_id]), 5);
    insta::assert_json_snapshot!("result_pending", redact(json));
    let json = run_json(
        against(&sandbox).args(["result", &signature_id, "--wait", "--wait-timeout", "1"]),
        5,
    );
    let mut json = redact(json);
    let message = json["error"]["message"].as_str().unwrap();
    assert!(
        message.starts_with("the result is still pending after"),
        "{message}"
    );
    // How long the wait lasted varies by a few milliseconds.
    json["error"]["message"] = Value::String("[waited]".into());
    insta::assert_json_snapshot!("result_wait_timeout", json);

    complete(&sandbox, &signature_id, "PASS");
    let json = run_json(
        against(&sandbox).args(["result", &signature_id, "--wait"]),
        0,
    );
    let mut json = redact(json);
    // The sandbox's fake person varies by transaction: check it arrives masked, then
    // snapshot its shape.
    let person = json["docDatabaseDetail"].as_object_mut().unwrap();
    for key in ["bvn", "numberValue", "firstName", "lastName", "phoneNumber"] {
        let value = person[key].as_str().unwrap();
        assert!(value.contains('*'), "{key} is not masked: {value}");
    }
    for (key, value) in person.iter_mut() {
        if value.is_string() && key != "numberTypeInfo" {
            *value = Value::String("[person]".into());
        }
    }
    insta::assert_json_snapshot!("result_pass", json);
    let text = run(against(&sandbox).args(["result", &signature_id]));
    assert_eq!(text.code, 0);
    assert!(text.stdout.contains("PASS (SUCCESS)"), "{}", text.stdout);
}

#[test]
fn result_fail_exits_1_and_unknown_id_exits_3() {
    let sandbox = start();
    let json = run_json(against(&sandbox).args(url_args("order-h5-fail")), 0);
    let signature_id = json["signatureId"].as_str().unwrap().to_owned();
    complete(&sandbox, &signature_id, "LIVENESS_ATTACK");
    let json = run_json(against(&sandbox).args(["result", &signature_id]), 1);
    assert_eq!(json["errorCode"], "LIVENESS_ATTACK");

    let json = run_json(against(&sandbox).args(["result", "no-such-id"]), 3);
    insta::assert_json_snapshot!("result_unknown", redact(json));
}

#[test]
fn url_options_and_flags_override_the_environment() {
    let sandbox = start();
    // Wrong keys in the environment, right ones as flags: flags win.
    let json = run_json(
        advanceai()
            .env("ADVANCEAI_ACCESS_KEY", "wrong")
            .env("ADVANCEAI_SECRET_KEY", "wrong")
            .args(url_args("order-opts"))
            .args(["--base-url", sandbox.base_url()])
            .args([
                "--access-key",
                DEFAULT_ACCESS_KEY,
                "--secret-key",
                DEFAULT_SECRET_KEY,
            ])
            .args([
                "--callback-url",
                "https://example.com/cb",
                "--language",
                "en-US",
            ]),
        0,
    );
    assert!(json["signatureId"].is_string());
    // Wrong keys only: the token endpoint refuses them (API error, 3).
    let json = run_json(
        advanceai()
            .env("ADVANCEAI_BASE_URL", sandbox.base_url())
            .env("ADVANCEAI_ACCESS_KEY", "wrong")
            .env("ADVANCEAI_SECRET_KEY", "wrong")
            .arg("token"),
        3,
    );
    assert_eq!(json["error"]["kind"], "API_ERROR");
}

// ----- bulk (the module has its own tests; these check the command's wiring) -----

#[test]
fn bulk_writes_one_line_per_row_and_a_summary() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("rows.csv");
    std::fs::write(
        &input,
        "bizId,userId,region,numberType,numberValue\n\
         b1,u1,NGA,BVN,22222222222\n\
         b2,u2,NGA,BVN,00000000000\n\
         b3,u3,NGA,BVN,123\n",
    )
    .unwrap();
    let out = dir.path().join("out.jsonl");
    let json = run_json(
        advanceai()
            .arg("--sandbox")
            .arg("bulk")
            .arg(&input)
            .arg("--out")
            .arg(&out)
            .args(["--concurrency", "2", "--rate", "50"]),
        0,
    );
    assert!(json.is_object());
    let written = std::fs::read_to_string(&out).unwrap();
    assert_eq!(written.lines().count(), 3, "{written}");
    assert!(
        !written.contains("22222222222"),
        "ID numbers must be masked: {written}"
    );

    // A rerun with the same --out answers nothing again.
    let _ = run_json(
        advanceai()
            .arg("--sandbox")
            .arg("bulk")
            .arg(&input)
            .arg("--out")
            .arg(&out),
        0,
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap().lines().count(), 3);
}

#[test]
fn bulk_usage_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.jsonl");
    assert_eq!(
        run(advanceai()
            .args([
                "--sandbox",
                "bulk",
                "rows.csv",
                "--concurrency",
                "0",
                "--out"
            ])
            .arg(&out))
        .code,
        2
    );
    assert_eq!(
        run(advanceai().args(["--sandbox", "bulk", "rows.csv"])).code,
        2
    );
}

#[test]
fn bulk_exit_codes_say_whether_the_output_is_complete() {
    let sandbox = start();
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("rows.csv");
    let out = dir.path().join("out.jsonl");
    let header = "bizId,userId,region,numberType,numberValue\n";
    // Writes `rows` (after the header) as the input, runs bulk on it, and checks the exit.
    let bulk = |rows: &str, secret_key: &str, exit: i32| {
        std::fs::write(&input, format!("{header}{rows}")).unwrap();
        let mut cmd = against(&sandbox);
        cmd.env("ADVANCEAI_SECRET_KEY", secret_key)
            .arg("bulk")
            .arg(&input)
            .arg("--out")
            .arg(&out)
            .args(["--concurrency", "1"]);
        let mut json = run_json(&mut cmd, exit);
        if json.get("elapsedSeconds").is_some() {
            json["elapsedSeconds"] = Value::from(0);
        }
        json
    };
    let lines = || {
        std::fs::read_to_string(&out)
            .unwrap_or_default()
            .lines()
            .count()
    };
    let pass = "22222222222";

    // Wrong keys: the token fetch fails before any row is sent (exit 3, no line).
    let json = bulk(
        &format!("b1,u1,NGA,BVN,{pass}\nb2,u2,NGA,BVN,00000000000\n"),
        "not-the-secret",
        3,
    );
    assert_eq!(json["error"]["kind"], "API_ERROR", "{json}");
    assert_eq!(lines(), 0);

    // An account-level refusal mid-run stops it (exit 3); the rows after it are not sent.
    let summary = bulk(
        &format!(
            "b1,u1,NGA,BVN,{pass}\nfault-no-balance-2,u2,NGA,BVN,{pass}\nb3,u3,NGA,BVN,{pass}\n"
        ),
        DEFAULT_SECRET_KEY,
        3,
    );
    insta::assert_json_snapshot!("bulk_stopped", summary);
    assert_eq!(lines(), 1);

    // Fixed, the same --out completes the job: every row has its line, exit 0.
    let summary = bulk(
        &format!("b1,u1,NGA,BVN,{pass}\nb2,u2,NGA,BVN,{pass}\nb3,u3,NGA,BVN,00000000000\n"),
        DEFAULT_SECRET_KEY,
        0,
    );
    insta::assert_json_snapshot!("bulk_resumed", summary);
    assert_eq!(lines(), 3);
}

/// The rows of `tests/fixtures/fault_dispositions.tsv`, the table the transport, C and Go
/// tests read too: (call, prefix, kind, code, retryable, may_have_been_processed,
/// refuses_account).
fn fault_dispositions() -> Vec<[String; 7]> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/fault_dispositions.tsv"
    );
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(|line| {
            let cells: Vec<String> = line.split('\t').map(str::to_owned).collect();
            cells.try_into().unwrap()
        })
        .collect()
}

#[test]
fn every_fault_gives_the_shared_fixtures_answers() {
    let sandbox = start();
    let rows = fault_dispositions();
    assert!(rows.len() >= 16, "the fixture lost rows");
    let dir = tempfile::tempdir().unwrap();
    for (n, [call, prefix, kind, code, _, processed, _]) in rows.iter().enumerate() {
        let mut cmd = against(&sandbox);
        cmd.args(["--timeout", "1.5"]);
        if call == "verify" {
            cmd.args(verify_args("22222222222", &format!("{prefix}-{n}")));
        } else {
            let page = run_json(
                against(&sandbox).args(url_args(&format!("result-{prefix}-{n}"))),
                0,
            );
            cmd.args(["result", page["signatureId"].as_str().unwrap()]);
        }
        let exit = if kind == "API_ERROR" { 3 } else { 4 };
        let json = run_json(&mut cmd, exit);
        let context = format!("{call} {prefix}: {json}");
        assert_eq!(json["error"]["kind"], kind.as_str(), "{context}");
        let code = (code != "-").then_some(code.as_str());
        assert_eq!(json["error"]["code"].as_str(), code, "{context}");
        if call != "verify" {
            continue;
        }
        // In bulk, a row that may have been processed gets its line; one refused
        // unprocessed gets none, so that a rerun sends it. One run per row: an
        // account-level refusal stops a run.
        let input = dir.path().join(format!("{n}.csv"));
        let out = dir.path().join(format!("{n}.jsonl"));
        std::fs::write(
            &input,
            format!("bizId,userId,region,numberType,numberValue\n{prefix}-bulk-{n},u,NGA,BVN,22222222222\n"),
        )
        .unwrap();
        let summary = run(against(&sandbox)
            .args(["--timeout", "1.5", "--json", "bulk"])
            .arg(&input)
            .arg("--out")
            .arg(&out));
        let lines = std::fs::read_to_string(&out)
            .unwrap_or_default()
            .lines()
            .count();
        let expected = usize::from(processed == "true");
        assert_eq!(lines, expected, "{context}; bulk: {}", summary.stdout);
    }
}
