//! The `advanceai-sandbox` binary: prints its address, serves, stops on SIGTERM / SIGINT.
#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

fn run_and_stop(signal: &str) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_advanceai-sandbox"))
        .args(["--port", "0", "--host", "127.0.0.1"])
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    let base = first.rsplit(' ').next().unwrap().to_owned();
    assert!(base.starts_with("http://127.0.0.1:"), "{first}");
    assert_eq!(
        lines.next().unwrap().unwrap(),
        "access key: sandbox-access-key"
    );
    assert_eq!(
        lines.next().unwrap().unwrap(),
        "secret key: sandbox-secret-key"
    );
    let agent = agent();
    assert!(!token(&agent, &base).is_empty());
    drop(agent);
    let status = Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "{status}");
            break;
        }
        assert!(Instant::now() < deadline, "did not stop");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn stops_cleanly_on_sigterm() {
    run_and_stop("-TERM");
}

#[test]
fn stops_cleanly_on_sigint() {
    run_and_stop("-INT");
}
