//! The `advanceai` binary against the sandbox: demo, sandbox, token and verify, every exit
//! code, the `--json` outputs (snapshotted, volatile ids redacted) and the faults' exit codes.
//! The H5 commands and bulk are in `cli_h5_bulk.rs`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Command as StdCommand, Stdio};

use advanceai_sandbox::{DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY};
use common::*;
use serde_json::Value;

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
