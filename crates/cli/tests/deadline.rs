//! `--deadline SECONDS` and `ADVANCEAI_DEADLINE`: a call's deadline from the command line
//! or the environment, and the usage error (exit 2) for a bad value from either.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use std::time::{Duration, Instant};

use common::*;

#[test]
fn a_bad_deadline_is_a_usage_error_from_the_flag_or_the_environment() {
    for (flag, env) in [
        (Some("0"), None),
        (Some("-2"), None),
        (Some("inf"), None),
        (None, Some("soon")),
        (None, Some("0")),
    ] {
        let mut cmd = advanceai();
        if let Some(value) = flag {
            cmd.arg(format!("--deadline={value}"));
        }
        if let Some(value) = env {
            cmd.env("ADVANCEAI_DEADLINE", value);
        }
        let out = run(cmd.args(["--sandbox", "token"]));
        assert_eq!(out.code, 2, "{flag:?} {env:?}: {}", out.stderr);
        assert!(
            out.stderr
                .contains("is not a number of seconds greater than 0")
                && out.stderr.contains("ADVANCEAI_DEADLINE"),
            "{flag:?} {env:?}: {}",
            out.stderr
        );
        assert!(out.stdout.is_empty(), "{}", out.stdout);
    }
    // With --json, the usage error is the one JSON object too.
    let mut cmd = advanceai();
    let json = run_json(
        cmd.env("ADVANCEAI_DEADLINE", "soon")
            .args(["--sandbox", "token"]),
        2,
    );
    assert!(
        json["error"]["message"]
            .as_str()
            .unwrap()
            .contains("ADVANCEAI_DEADLINE"),
        "{json}"
    );
}

/// `result` of a signature whose answer takes 20 s: the deadline ends the call.
fn slow_result(cmd: &mut assert_cmd::Command) -> (serde_json::Value, Duration) {
    let start = Instant::now();
    let json = run_json(cmd.args(["result", "fault-delay-20000-cli"]), 4);
    (json, start.elapsed())
}

#[test]
fn the_deadline_ends_a_call_from_the_flag_or_the_environment() {
    let sandbox = start();
    for from_env in [false, true] {
        let mut cmd = against(&sandbox);
        if from_env {
            cmd.env("ADVANCEAI_DEADLINE", "0.3");
        } else {
            cmd.args(["--deadline", "0.3"]);
        }
        let (json, took) = slow_result(&mut cmd);
        assert_eq!(json["error"]["kind"], "TIMEOUT", "{json}");
        let message = json["error"]["message"].as_str().unwrap();
        assert!(
            message.contains("deadline of 300ms was reached (the request may have been processed)"),
            "{message}"
        );
        // Far below the 20 s answer and the 30 s request timeout (the rest is the process).
        assert!(took < Duration::from_secs(10), "{took:?}");
    }
    // The flag wins over the environment: a 30 s deadline lets a 1 s answer through (an
    // unknown signatureId: exit 3).
    let mut cmd = against(&sandbox);
    let json = run_json(
        cmd.env("ADVANCEAI_DEADLINE", "0.3").args([
            "--deadline",
            "30",
            "result",
            "fault-delay-1000-cli",
        ]),
        3,
    );
    assert_eq!(json["error"]["code"], "SIGNATURE_NOT_EXIST", "{json}");
}
