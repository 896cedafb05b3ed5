//! The `advanceai` binary against the sandbox: every subcommand, every exit code, the
//! `--json` outputs (snapshotted, volatile ids redacted) and the faults' exit codes.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use std::io::{BufRead, BufReader};
use std::process::{Command as StdCommand, Stdio};
use std::time::Duration;

use advanceai_sandbox::{
    DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY, RunningSandbox, Sandbox, SandboxConfig,
};
use assert_cmd::Command;
use serde_json::Value;

/// The binary with none of the caller's ADVANCEAI_* variables.
fn advanceai() -> Command {
    let mut cmd = Command::cargo_bin("advanceai").unwrap();
    cmd.env_remove("ADVANCEAI_BASE_URL")
        .env_remove("ADVANCEAI_ACCESS_KEY")
        .env_remove("ADVANCEAI_SECRET_KEY")
        .timeout(Duration::from_secs(60));
    cmd
}

/// The binary pointed at `sandbox` through the environment variables.
fn against(sandbox: &RunningSandbox) -> Command {
    let mut cmd = advanceai();
    cmd.env("ADVANCEAI_BASE_URL", sandbox.base_url())
        .env("ADVANCEAI_ACCESS_KEY", DEFAULT_ACCESS_KEY)
        .env("ADVANCEAI_SECRET_KEY", DEFAULT_SECRET_KEY);
    cmd
}

fn start() -> RunningSandbox {
    Sandbox::start(SandboxConfig::default()).unwrap()
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(cmd: &mut Command) -> Run {
    let output = cmd.output().unwrap();
    Run {
        code: output.status.code().expect("exited by a signal"),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

/// Runs with `--json`: checks the exit code and that stdout is exactly one JSON object.
fn run_json(cmd: &mut Command, expected_code: i32) -> Value {
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

const VOLATILE: [&str; 5] = [
    "signatureId",
    "transactionId",
    "url",
    "token",
    "expiredTime",
];

/// Replaces the volatile values (ids, URLs, times, the token) wherever they appear,
/// including inside messages that quote a transactionId.
fn redact(mut value: Value) -> Value {
    let mut seen = Vec::new();
    collect(&value, &mut seen);
    replace(&mut value, &seen);
    value
}

fn collect(value: &Value, seen: &mut Vec<String>) {
    if let Value::Object(map) = value {
        for (key, item) in map {
            match item {
                Value::String(s) if VOLATILE.contains(&key.as_str()) => seen.push(s.clone()),
                _ => collect(item, seen),
            }
        }
    }
}

fn replace(value: &mut Value, seen: &[String]) {
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

fn verify_args(number: &str, biz_id: &str) -> Vec<String> {
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

fn url_args(biz_id: &str) -> Vec<String> {
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
fn complete(sandbox: &RunningSandbox, signature_id: &str, outcome: &str) {
    let body = serde_json::json!({"signatureId": signature_id, "outcome": outcome}).to_string();
    ureq::post(&format!("{}/sandbox/complete", sandbox.base_url()))
        .header("Content-Type", "application/json")
        .send(&body)
        .unwrap();
}

/// Whether `text` holds a run of 32 or more hex digits (the sandbox's token has 48).
fn has_long_hex(text: &str) -> bool {
    let mut run = 0;
    for c in text.chars() {
        run = if c.is_ascii_hexdigit() { run + 1 } else { 0 };
        if run >= 32 {
            return true;
        }
    }
    false
}

// ----- demo and sandbox -----

#[test]
fn demo_walks_the_product_and_exits_0() {
    let out = run(advanceai().arg("demo"));
    assert_eq!(out.code, 0, "{}\n{}", out.stdout, out.stderr);
    for expected in [
        "token obtained (",
        "verify: PASS (SUCCESS)",
        "verify: FAIL (NUMBER_NOT_EXIST)",
        "refused: PARAMETER_ERROR \"Invalid ID number",
        "/h5/",
        "result: PASS (SUCCESS)",
        "outside Nigeria: Indonesia (IDN NIK",
        "Summary",
        "export ADVANCEAI_ACCESS_KEY",
        "without --sandbox",
    ] {
        assert!(
            out.stdout.contains(expected),
            "{expected:?} missing:\n{}",
            out.stdout
        );
    }
    assert!(
        !has_long_hex(&out.stdout),
        "the token was printed:\n{}",
        out.stdout
    );
    assert!(!has_long_hex(&out.stderr));
}

#[test]
fn demo_json_is_one_object_with_every_step() {
    let json = run_json(advanceai().arg("demo"), 0);
    assert_eq!(json["verifyPass"]["overallResult"], "PASS", "{json}");
    assert_eq!(
        json["verifyFail"]["errorCode"], "NUMBER_NOT_EXIST",
        "{json}"
    );
    assert_eq!(json["invalidRequest"]["code"], "PARAMETER_ERROR", "{json}");
    assert!(
        json["generateUrl"]["url"]
            .as_str()
            .is_some_and(|u| u.contains("/h5/"))
    );
    assert_eq!(json["result"]["overallResult"], "PASS", "{json}");
    let outside = &json["resultOutsideNigeria"];
    assert_eq!(outside["overallResult"], "PASS", "{json}");
    assert_eq!(outside["countryCodeIso3"], "IDN", "{json}");
    assert_eq!(
        outside["docDatabaseDetail"]["numberTypeInfo"]["numberType"], "ID_NIK",
        "{json}"
    );
    assert!(
        !has_long_hex(&json.to_string()),
        "the token was printed: {json}"
    );
}

#[test]
fn sandbox_json_prints_its_address_first() {
    let binary = assert_cmd::cargo::cargo_bin("advanceai");
    let mut child = StdCommand::new(binary)
        .args(["--json", "sandbox", "--port", "0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    let json: Value = serde_json::from_str(&first).unwrap();
    assert_eq!(json["accessKey"], DEFAULT_ACCESS_KEY);
    assert_eq!(json["secretKey"], DEFAULT_SECRET_KEY);
    let base_url = json["baseUrl"].as_str().unwrap().to_owned();
    let out = run(advanceai()
        .args(["--base-url", &base_url])
        .args([
            "--access-key",
            DEFAULT_ACCESS_KEY,
            "--secret-key",
            DEFAULT_SECRET_KEY,
        ])
        .arg("token"));
    assert_eq!(out.code, 0, "{}", out.stderr);
    StdCommand::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert_eq!(child.wait().unwrap().code(), Some(0));
    // Nothing else reached stdout: the one object.
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut stdout, &mut rest).unwrap();
    assert_eq!(rest, "");
}

#[test]
fn sandbox_command_serves_until_sigterm() {
    let binary = assert_cmd::cargo::cargo_bin("advanceai");
    let mut child = StdCommand::new(binary)
        .args(["sandbox", "--port", "0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    let base_url = first
        .trim()
        .strip_prefix("sandbox listening on ")
        .unwrap_or_else(|| panic!("unexpected first line {first:?}"))
        .to_owned();
    let mut banner = String::new();
    for _ in 0..4 {
        stdout.read_line(&mut banner).unwrap();
    }
    assert!(banner.contains(DEFAULT_ACCESS_KEY) && banner.contains(DEFAULT_SECRET_KEY));
    assert!(banner.contains("22222222222"), "{banner}");

    let out = run(advanceai()
        .args(["--base-url", &base_url])
        .args([
            "--access-key",
            DEFAULT_ACCESS_KEY,
            "--secret-key",
            DEFAULT_SECRET_KEY,
        ])
        .args(verify_args("22222222222", "served")));
    assert_eq!(out.code, 0, "{}", out.stderr);

    let killed = StdCommand::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0));
}

// ----- token -----

#[test]
fn token_prints_the_token_on_stdout_only() {
    let text = run(advanceai().args(["--sandbox", "token"]));
    assert_eq!(text.code, 0);
    assert!(
        text.stdout.trim().starts_with("sandbox."),
        "{}",
        text.stdout
    );
    assert!(!has_long_hex(&text.stderr));

    let json = run_json(advanceai().args(["token", "--sandbox"]), 0);
    assert!(json["token"].as_str().unwrap().len() > 16);
    insta::assert_json_snapshot!("token", redact(json));
}

#[test]
fn missing_credentials_exit_2_and_name_the_fix() {
    let out = run(advanceai().arg("token"));
    assert_eq!(out.code, 2);
    assert!(out.stdout.is_empty());
    for expected in [
        "ADVANCEAI_ACCESS_KEY",
        "ADVANCEAI_SECRET_KEY",
        "--access-key",
        "--sandbox",
    ] {
        assert!(
            out.stderr.contains(expected),
            "{expected} missing: {}",
            out.stderr
        );
    }
    // A secret key alone is not enough either.
    let json = run_json(
        advanceai()
            .env("ADVANCEAI_SECRET_KEY", "s")
            .args(verify_args("22222222222", "b")),
        2,
    );
    insta::assert_json_snapshot!("missing_credentials", json);
}

#[test]
fn usage_errors_exit_2() {
    let out = run(advanceai().arg("verify"));
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("--number"), "{}", out.stderr);
    let json = run_json(advanceai().args(["--sandbox", "result"]), 2);
    assert_eq!(json["error"]["kind"], "USAGE");
    assert_eq!(run(advanceai().args(["--timeout", "0", "token"])).code, 2);
    assert_eq!(run(advanceai().arg("no-such-command")).code, 2);
    assert_eq!(run(advanceai().arg("--help")).code, 0);
}

// ----- verify -----

#[test]
fn verify_pass_exits_0_with_masked_person() {
    let json = run_json(
        advanceai()
            .args(["--sandbox"])
            .args(verify_args("22222222222", "order-pass")),
        0,
    );
    insta::assert_json_snapshot!("verify_pass", redact(json));

    // Global options after the subcommand, text output: masked person fields as sent.
    let out = run(advanceai()
        .args(verify_args("22222222222", "order-pass"))
        .arg("--sandbox"));
    assert_eq!(out.code, 0);
    assert!(out.stdout.contains("PASS (SUCCESS)"), "{}", out.stdout);
    assert!(
        out.stdout.contains("firstName: F*******o"),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("22222222222"));
}

#[test]
fn verify_fail_and_incomplete_exit_1() {
    let json = run_json(
        advanceai()
            .args(["--sandbox"])
            .args(verify_args("00000000000", "order-fail")),
        1,
    );
    insta::assert_json_snapshot!("verify_fail", redact(json));
    let json = run_json(
        advanceai()
            .args(["--sandbox"])
            .args(verify_args("44444444444", "order-incomplete")),
        1,
    );
    assert_eq!(json["overallResult"], "INCOMPLETE");
    assert_eq!(json["errorCode"], "ERROR");
}

#[test]
fn validation_error_exits_2_with_the_servers_message() {
    let sandbox = start();
    let json = run_json(
        against(&sandbox).args(verify_args("123", "order-invalid")),
        2,
    );
    assert!(
        json["error"]["message"]
            .as_str()
            .unwrap()
            .contains("Invalid ID number, please check the format")
    );
    insta::assert_json_snapshot!("verify_invalid", redact(json));
    // Refused locally: nothing reached the sandbox.
    assert_eq!(
        sandbox.request_count(advanceai_core::Endpoint::IdNumberVerification),
        0
    );
}

/// `url` in one market: the common arguments with `region` and `numberType` replaced.
fn market_url_args(region: &str, number_type: &str, extra: &[&str]) -> Vec<String> {
    let mut args = url_args("order-market");
    args[2] = region.to_owned();
    args[4] = number_type.to_owned();
    args.extend(extra.iter().map(|a| (*a).to_owned()));
    args
}

#[test]
fn url_market_rules_exit_2_with_the_servers_message_and_send_nothing() {
    let sandbox = start();
    for (region, number_type, extra, message) in [
        ("IDN", "NIK", &[][..], "Parameter should not be empty"),
        (
            "ARG",
            "DNI",
            &["--number", "12345678"][..],
            "Parameter should not be empty",
        ),
        ("ZAF", "SAID", &[][..], "Parameter should not be empty"),
        (
            "NGA",
            "NIN",
            &["--number", "1234567890"][..],
            "Number is invalid format",
        ),
        ("IDN", "BVN", &[][..], "Region is wrong"),
    ] {
        let json = run_json(
            against(&sandbox).args(market_url_args(region, number_type, extra)),
            2,
        );
        let shown = json["error"]["message"].as_str().unwrap();
        assert!(shown.contains(message), "{number_type}: {json}");
        assert_eq!(json["error"]["code"], "PARAMETER_ERROR", "{json}");
        // The number never shows in the error.
        assert!(!json.to_string().contains("1234567890"), "{json}");
    }
    assert_eq!(
        sandbox.request_count(advanceai_core::Endpoint::GenerateUrl),
        0
    );
    // The same markets, complete, are sent.
    for (region, number_type, extra) in [
        ("IDN", "NIK", &["--full-name", "Rina Wijaya"][..]),
        (
            "ARG",
            "DNI",
            &["--number", "12345678", "--gender", "FEMALE"][..],
        ),
        (
            "ZAF",
            "SAID",
            &["--number", "8001015009087", "--color-scheme", "dark"][..],
        ),
        (
            "BRA",
            "CPF",
            &["--number", "078.734.383-84", "--biz-code", "WhiteCard"][..],
        ),
    ] {
        let json = run_json(
            against(&sandbox).args(market_url_args(region, number_type, extra)),
            0,
        );
        assert!(json["signatureId"].is_string(), "{json}");
    }
    assert_eq!(
        sandbox.request_count(advanceai_core::Endpoint::GenerateUrl),
        4
    );
}

#[test]
fn faults_map_to_exit_codes() {
    let sandbox = start();
    let json = run_json(
        against(&sandbox).args(verify_args("22222222222", "fault-502-a")),
        4,
    );
    insta::assert_json_snapshot!("fault_502", redact(json));

    let json = run_json(
        against(&sandbox).args(verify_args("22222222222", "fault-busy-a")),
        3,
    );
    insta::assert_json_snapshot!("fault_busy", redact(json));

    let json = run_json(
        against(&sandbox)
            .args(["--timeout", "1"])
            .args(verify_args("22222222222", "fault-delay-3000-a")),
        4,
    );
    // One list of kind names: a timeout is TIMEOUT, as in C, C++ and Go.
    assert_eq!(json["error"]["kind"], "TIMEOUT");

    let json = run_json(
        against(&sandbox).args(verify_args("22222222222", "fault-truncated-a")),
        4,
    );
    assert_eq!(json["error"]["kind"], "PARSE_ERROR");
}

#[test]
fn every_sandbox_fault_has_its_exit_code() {
    let sandbox = start();
    // (bizId prefix, exit code, error kind or verdict, error code)
    let cases = [
        ("fault-delay-50-b", 0, "PASS", None),
        ("fault-busy-b", 3, "API_ERROR", Some("SERVICE_BUSY")),
        // A billable call is not resent after SERVICE_BUSY by the client itself.
        ("fault-busy-once-b", 3, "API_ERROR", Some("SERVICE_BUSY")),
        (
            "fault-no-balance-b",
            3,
            "API_ERROR",
            Some("INSUFFICIENT_BALANCE"),
        ),
        ("fault-502-b", 4, "UNEXPECTED_RESPONSE", None),
        ("fault-cut-b", 4, "TRANSPORT_ERROR", None),
        ("fault-truncated-b", 4, "PARSE_ERROR", None),
        ("fault-huge-b", 4, "RESPONSE_TOO_LARGE", None),
        // One forced token refresh, one more try: the caller sees the answer.
        ("fault-iam-once-b", 0, "PASS", None),
        (
            "fault-unknown-code-b",
            3,
            "API_ERROR",
            Some(advanceai_sandbox::UNKNOWN_CODE),
        ),
        // An unknown errorCode next to FAIL is a completed verdict: exit 1.
        ("fault-unknown-error-code-b", 1, "FAIL", None),
    ];
    for (biz_id, code, kind_or_verdict, error_code) in cases {
        let json = run_json(
            against(&sandbox)
                .args(["--timeout", "5"])
                .args(verify_args("22222222222", biz_id)),
            code,
        );
        if code <= 1 {
            assert_eq!(json["overallResult"], kind_or_verdict, "{biz_id}: {json}");
        } else {
            assert_eq!(json["error"]["kind"], kind_or_verdict, "{biz_id}: {json}");
            if let Some(error_code) = error_code {
                assert_eq!(json["error"]["code"], error_code, "{biz_id}: {json}");
            }
        }
    }

    // Get Result: the same mapping (a signatureId prefix mangles the answer).
    let json = run_json(against(&sandbox).args(["result", "fault-502-r"]), 4);
    assert_eq!(json["error"]["kind"], "UNEXPECTED_RESPONSE");
    let json = run_json(against(&sandbox).args(["result", "fault-no-balance-r"]), 3);
    assert_eq!(json["error"]["code"], "INSUFFICIENT_BALANCE");
}

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
