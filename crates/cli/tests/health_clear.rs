//! `advanceai health` and `advanceai clear` against the sandbox: every exit code, the
//! `--json` outputs, and `--sandbox`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use advanceai_sandbox::RunningSandbox;
use common::{advanceai, against, run_json, start, url_args};
use serde_json::{Value, json};

/// The binary with its embedded sandbox.
fn embedded() -> assert_cmd::Command {
    let mut cmd = advanceai();
    cmd.arg("--sandbox");
    cmd
}

fn admin(sandbox: &RunningSandbox, path: &str, body: &Value) {
    ureq::post(&format!("{}{path}", sandbox.base_url()))
        .header("Content-Type", "application/json")
        .send(&body.to_string())
        .unwrap();
}

#[test]
fn health_exits_0_only_for_health() {
    let out = embedded()
        .args(["health", "--number-type", "NG_BVN"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text, "Health of NG_BVN: health (start verifications)\n");
    let data = run_json(embedded().args(["health", "--number-type", "ng_nin"]), 0);
    assert_eq!(data, json!({"numberType": "NG_NIN", "status": "health"}));

    let sandbox = start();
    admin(
        &sandbox,
        "/sandbox/health",
        &json!({"numberType": "NG_BVN", "status": "unstable"}),
    );
    let data = run_json(
        against(&sandbox).args(["health", "--number-type", "NG_BVN"]),
        1,
    );
    assert_eq!(data, json!({"numberType": "NG_BVN", "status": "unstable"}));
    let out = against(&sandbox)
        .args(["health", "--number-type", "NG_BVN"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("unstable (do not start")
    );
    // A status the vendor has not documented is not a go.
    admin(
        &sandbox,
        "/sandbox/health",
        &json!({"numberType": "ID_NIK", "status": "degraded"}),
    );
    let data = run_json(
        against(&sandbox).args(["health", "--number-type", "ID_NIK"]),
        1,
    );
    assert_eq!(data["status"], "degraded");
}

#[test]
fn health_api_and_usage_errors() {
    let refused = run_json(embedded().args(["health", "--number-type", "BVN"]), 3);
    assert_eq!(refused["error"]["kind"], "API_ERROR");
    assert_eq!(refused["error"]["code"], "PARAMETER_ERROR");
    let busy = run_json(
        embedded().args(["health", "--number-type", "fault-busy"]),
        3,
    );
    assert_eq!(busy["error"]["code"], "SERVICE_BUSY");
    let empty = run_json(embedded().args(["health", "--number-type", ""]), 2);
    assert_eq!(empty["error"]["kind"], "INVALID_INPUT");
}

#[test]
fn clear_exits_0_once_final_and_3_on_api_errors() {
    let sandbox = start();
    let generated = run_json(against(&sandbox).args(url_args("order-clear")), 0);
    let signature_id = generated["signatureId"].as_str().unwrap().to_owned();

    let pending = run_json(against(&sandbox).args(["clear", &signature_id]), 3);
    assert_eq!(pending["error"]["code"], "PARAMETER_ERROR");
    assert!(
        pending["error"]["message"]
            .as_str()
            .unwrap()
            .contains("Transaction is not finished"),
        "{pending}"
    );

    admin(
        &sandbox,
        "/sandbox/complete",
        &json!({"signatureId": signature_id, "outcome": "PASS"}),
    );
    let cleared = run_json(against(&sandbox).args(["clear", &signature_id]), 0);
    assert_eq!(
        cleared,
        json!({"signatureId": signature_id, "cleared": true})
    );
    let out = against(&sandbox)
        .args(["clear", &signature_id])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "clearing twice clears once");
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        format!("Cleared the personal data of {signature_id}\n")
    );
    let result = run_json(against(&sandbox).args(["result", &signature_id]), 0);
    assert_eq!(result["docDatabaseDetail"], Value::Null, "{result}");
}

#[test]
fn clear_refusals_with_the_embedded_sandbox() {
    let unknown = run_json(embedded().args(["clear", "0123456789abcdef"]), 3);
    assert_eq!(unknown["error"]["code"], "PARAMETER_ERROR");
    assert!(
        unknown["error"]["message"]
            .as_str()
            .unwrap()
            .contains("SignatureId is not exist")
    );
    let in_processing = run_json(embedded().args(["clear", "fault-in-processing-1"]), 3);
    assert_eq!(in_processing["error"]["code"], "REQUEST_IN_PROCESSING");
    let empty = run_json(embedded().args(["clear", ""]), 2);
    assert_eq!(empty["error"]["kind"], "INVALID_INPUT");
    assert!(
        empty["error"]["message"]
            .as_str()
            .unwrap()
            .contains("SignatureId is empty"),
        "{empty}"
    );
}
