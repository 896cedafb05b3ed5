//! What the CLI's integration tests share: the binary with a clean environment, the
//! sandbox, `--json` runs, and the redaction of volatile values in snapshots.
#![allow(dead_code)]

use std::time::Duration;

use advanceai_sandbox::{
    DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY, RunningSandbox, Sandbox, SandboxConfig,
};
use assert_cmd::Command;
use serde_json::Value;

/// The binary with none of the caller's ADVANCEAI_* variables.
pub(crate) fn advanceai() -> Command {
    let mut cmd = Command::cargo_bin("advanceai").unwrap();
    cmd.env_remove("ADVANCEAI_BASE_URL")
        .env_remove("ADVANCEAI_ACCESS_KEY")
        .env_remove("ADVANCEAI_SECRET_KEY")
        .env_remove("ADVANCEAI_DEADLINE")
        .env_remove("ADVANCEAI_CA_BUNDLE")
        .timeout(Duration::from_secs(60));
    cmd
}

/// The binary pointed at `sandbox` through the environment variables.
pub(crate) fn against(sandbox: &RunningSandbox) -> Command {
    let mut cmd = advanceai();
    cmd.env("ADVANCEAI_BASE_URL", sandbox.base_url())
        .env("ADVANCEAI_ACCESS_KEY", DEFAULT_ACCESS_KEY)
        .env("ADVANCEAI_SECRET_KEY", DEFAULT_SECRET_KEY);
    cmd
}

/// The binary pointed at `sandbox` as a plain process (to spawn, signal or kill), its
/// stdout piped and stderr dropped.
pub(crate) fn process_against(sandbox: &RunningSandbox) -> std::process::Command {
    let mut command = std::process::Command::new(assert_cmd::cargo::cargo_bin("advanceai"));
    command
        .env_remove("ADVANCEAI_DEADLINE")
        .env_remove("ADVANCEAI_CA_BUNDLE")
        .env("ADVANCEAI_BASE_URL", sandbox.base_url())
        .env("ADVANCEAI_ACCESS_KEY", DEFAULT_ACCESS_KEY)
        .env("ADVANCEAI_SECRET_KEY", DEFAULT_SECRET_KEY)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null());
    command
}

pub(crate) fn start() -> RunningSandbox {
    Sandbox::start(SandboxConfig::default()).unwrap()
}

pub(crate) struct Run {
    pub(crate) code: i32,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
}

pub(crate) fn run(cmd: &mut Command) -> Run {
    let output = cmd.output().unwrap();
    Run {
        code: output.status.code().expect("exited by a signal"),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

/// Runs with `--json`: checks the exit code and that stdout is exactly one JSON object.
pub(crate) fn run_json(cmd: &mut Command, expected_code: i32) -> Value {
    let out = run(cmd.arg("--json"));
    assert_eq!(
        out.code, expected_code,
        "stdout: {}\nstderr: {}",
        out.stdout, out.stderr
    );
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), 1, "one JSON line expected: {}", out.stdout);
    let value: Value = serde_json::from_str(lines[0]).unwrap();
    assert!(value.is_object());
    value
}

pub(crate) const VOLATILE: [&str; 5] = [
    "signatureId",
    "transactionId",
    "url",
    "token",
    "expiredTime",
];

/// Replaces the volatile values (ids, URLs, times, the token) wherever they appear,
/// including inside messages that quote a transactionId.
pub(crate) fn redact(mut value: Value) -> Value {
    let mut seen = Vec::new();
    collect(&value, &mut seen);
    replace(&mut value, &seen);
    value
}

pub(crate) fn collect(value: &Value, seen: &mut Vec<String>) {
    if let Value::Object(map) = value {
        for (key, item) in map {
            match item {
                Value::String(s) if VOLATILE.contains(&key.as_str()) => seen.push(s.clone()),
                _ => collect(item, seen),
            }
        }
    }
}

pub(crate) fn replace(value: &mut Value, seen: &[String]) {
    match value {
        Value::Object(map) => {
            for (key, item) in map.iter_mut() {
                if VOLATILE.contains(&key.as_str()) && !item.is_null() {
                    *item = Value::String(format!("[{key}]"));
                } else {
                    replace(item, seen);
                }
            }
        }
        Value::String(s) => {
            for volatile in seen {
                *s = s.replace(volatile.as_str(), "[redacted]");
            }
        }
        _ => {}
    }
}

pub(crate) fn verify_args(number: &str, biz_id: &str) -> Vec<String> {
    [
        "verify",
        "--region",
        "NGA",
        "--number-type",
        "BVN",
        "--number",
        number,
        "--biz-id",
        biz_id,
        "--user-id",
        "user-1",
    ]
    .map(String::from)
    .to_vec()
}

pub(crate) fn url_args(biz_id: &str) -> Vec<String> {
    [
        "url",
        "--region",
        "NGA",
        "--number-type",
        "BVN",
        "--biz-id",
        biz_id,
        "--user-id",
        "user-1",
        "--return-url",
        "https://example.com/ok",
        "--fail-return-url",
        "https://example.com/fail",
    ]
    .map(String::from)
    .to_vec()
}

/// Completes an H5 transaction through the sandbox's automation endpoint.
pub(crate) fn complete(sandbox: &RunningSandbox, signature_id: &str, outcome: &str) {
    let body = serde_json::json!({"signatureId": signature_id, "outcome": outcome}).to_string();
    ureq::post(&format!("{}/sandbox/complete", sandbox.base_url()))
        .header("Content-Type", "application/json")
        .send(&body)
        .unwrap();
}

/// Whether `text` holds a run of 32 or more hex digits (the sandbox's token has 48).
pub(crate) fn has_long_hex(text: &str) -> bool {
    let mut run = 0;
    for c in text.chars() {
        run = if c.is_ascii_hexdigit() { run + 1 } else { 0 };
        if run >= 32 {
            return true;
        }
    }
    false
}
