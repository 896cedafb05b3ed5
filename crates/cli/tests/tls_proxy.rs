//! The CLI over real TLS and through a real CONNECT proxy: `--ca-bundle` /
//! `ADVANCEAI_CA_BUNDLE` (missing or invalid: exit 2), TLS refusals (exit 4, nothing
//! sent), plain http to a remote host (exit 2), `HTTPS_PROXY`, `NO_PROXY`, `--no-proxy`,
//! a proxy refusing CONNECT, and `advanceai sandbox --tls`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;
#[path = "../../../tests/support/connect_proxy.rs"]
mod connect_proxy;

use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::{Command as StdCommand, Stdio};
use std::time::{Duration, Instant};

use advanceai_core::Endpoint;
use advanceai_sandbox::{
    DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY, RunningSandbox, Sandbox, SandboxConfig, TlsOptions,
};
use common::{advanceai, against, run, run_json, verify_args};
use connect_proxy::{ConnectProxy, Mode};

const PROXY_VARIABLES: [&str; 8] = [
    "ALL_PROXY",
    "all_proxy",
    "HTTPS_PROXY",
    "https_proxy",
    "HTTP_PROXY",
    "http_proxy",
    "NO_PROXY",
    "no_proxy",
];

fn tls_sandbox(options: TlsOptions) -> RunningSandbox {
    Sandbox::start(SandboxConfig::default().with_tls(options)).unwrap()
}

/// The binary pointed at `sandbox`, with no proxy variable of the caller's.
fn cli(sandbox: &RunningSandbox) -> assert_cmd::Command {
    let mut cmd = against(sandbox);
    for name in PROXY_VARIABLES {
        cmd.env_remove(name);
    }
    cmd
}

/// A scratch directory of this test process.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("advanceai-cli-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn ca_file(sandbox: &RunningSandbox, dir: &Path) -> PathBuf {
    sandbox.save_ca_pem(Some(&dir.join("ca.pem"))).unwrap()
}

#[test]
fn the_ca_bundle_flag_or_variable_trusts_a_tls_sandbox() {
    let sandbox = tls_sandbox(TlsOptions::default());
    let dir = scratch("bundle");
    let ca = ca_file(&sandbox, &dir);
    let data = run_json(
        cli(&sandbox)
            .arg("--ca-bundle")
            .arg(&ca)
            .args(verify_args("22222222222", "tls-1")),
        0,
    );
    assert_eq!(data["overallResult"], "PASS", "{data}");
    let data = run_json(
        cli(&sandbox)
            .env("ADVANCEAI_CA_BUNDLE", &ca)
            .args(verify_args("22222222222", "tls-2")),
        0,
    );
    assert_eq!(data["overallResult"], "PASS", "{data}");
    assert_eq!(sandbox.request_count(Endpoint::IdNumberVerification), 2);
    std::fs::remove_dir_all(dir).unwrap();
}

/// A refused handshake: exit 4, a transport error that says nothing was sent, one
/// connection (no retry), nothing reached an endpoint.
fn refused(sandbox: &RunningSandbox, ca: Option<&Path>, expected: &str) {
    let mut cmd = cli(sandbox);
    if let Some(ca) = ca {
        cmd.arg("--ca-bundle").arg(ca);
    }
    let json = run_json(cmd.args(verify_args("22222222222", "tls-refused")), 4);
    let error = &json["error"];
    assert_eq!(error["kind"], "TRANSPORT_ERROR", "{json}");
    let message = error["message"].as_str().unwrap();
    assert!(message.contains("TLS failure"), "{message}");
    assert!(message.contains("the request was not sent"), "{message}");
    assert!(message.contains(expected), "{message}");
    assert_eq!(sandbox.connections_accepted(), 1, "retried: {message}");
    assert_eq!(sandbox.request_count(Endpoint::Token), 0);
}

#[test]
fn tls_refusals_exit_4_and_send_nothing() {
    refused(&tls_sandbox(TlsOptions::default()), None, "UnknownIssuer");
    let dir = scratch("refusals");
    let wrong_host = tls_sandbox(TlsOptions::default().with_names(["example.test"]));
    refused(
        &wrong_host,
        Some(&ca_file(&wrong_host, &dir)),
        "not valid for name",
    );
    let expired = tls_sandbox(TlsOptions::expired());
    refused(&expired, Some(&ca_file(&expired, &dir)), "expired");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_missing_or_invalid_ca_bundle_exits_2_before_sending() {
    let sandbox = tls_sandbox(TlsOptions::default());
    let dir = scratch("bad-bundle");
    let missing = dir.join("missing.pem");
    let json = run_json(
        cli(&sandbox).arg("--ca-bundle").arg(&missing).arg("token"),
        2,
    );
    let message = json["error"]["message"].as_str().unwrap();
    assert!(message.contains("cannot read the CA bundle"), "{message}");
    assert!(message.contains("missing.pem"), "{message}");
    let out = run(cli(&sandbox)
        .env("ADVANCEAI_CA_BUNDLE", &missing)
        .arg("token"));
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("cannot read the CA bundle"),
        "{}",
        out.stderr
    );

    let invalid = dir.join("invalid.pem");
    std::fs::write(&invalid, "not a certificate\n").unwrap();
    let json = run_json(
        cli(&sandbox).arg("--ca-bundle").arg(&invalid).arg("token"),
        2,
    );
    assert_eq!(json["error"]["kind"], "CONFIG_ERROR", "{json}");
    let message = json["error"]["message"].as_str().unwrap();
    assert!(message.contains("invalid CA bundle"), "{message}");
    assert!(message.contains("invalid.pem"), "{message}");
    assert_eq!(sandbox.connections_accepted(), 0);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn plain_http_to_a_remote_host_exits_2() {
    let json = run_json(
        advanceai()
            .args(["--base-url", "http://api.example.com"])
            .args(["--access-key", "a", "--secret-key", "b", "token"]),
        2,
    );
    assert_eq!(json["error"]["kind"], "CONFIG_ERROR", "{json}");
    let message = json["error"]["message"].as_str().unwrap();
    assert!(
        message.contains("refusing plain http:// to api.example.com"),
        "{message}"
    );
}

#[test]
fn https_proxy_carries_the_request_through_a_tunnel() {
    let sandbox = tls_sandbox(TlsOptions::default());
    let dir = scratch("tunnel");
    let ca = ca_file(&sandbox, &dir);
    let proxy = ConnectProxy::start(Mode::Tunnel);
    let data = run_json(
        cli(&sandbox)
            .env("HTTPS_PROXY", proxy.url())
            .arg("--ca-bundle")
            .arg(&ca)
            .args(verify_args("22222222222", "proxied")),
        0,
    );
    assert_eq!(data["overallResult"], "PASS", "{data}");
    assert_eq!(proxy.tunnels(), 1);
    assert_eq!(proxy.targets(), [sandbox.addr().to_string()]);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn no_proxy_and_the_no_proxy_flag_bypass_a_refusing_proxy() {
    let sandbox = tls_sandbox(TlsOptions::default());
    let dir = scratch("no-proxy");
    let ca = ca_file(&sandbox, &dir);
    let proxy = ConnectProxy::start(Mode::Refuse(403));
    let with_proxy = || {
        let mut cmd = cli(&sandbox);
        cmd.env("HTTPS_PROXY", proxy.url())
            .arg("--ca-bundle")
            .arg(&ca);
        cmd
    };
    // The proxy refuses: exit 4, nothing sent, safe to send again.
    let json = run_json(with_proxy().args(verify_args("22222222222", "refused")), 4);
    let message = json["error"]["message"].as_str().unwrap();
    assert!(message.contains("proxy server responded 403"), "{message}");
    assert!(message.contains("the request was not sent"), "{message}");
    let asked = proxy.connects();
    assert!(asked >= 1);
    assert_eq!(sandbox.connections_accepted(), 0);
    // NO_PROXY names the host: straight to the sandbox.
    let data = run_json(
        with_proxy()
            .env("NO_PROXY", "127.0.0.1")
            .args(verify_args("22222222222", "direct-1")),
        0,
    );
    assert_eq!(data["overallResult"], "PASS", "{data}");
    // --no-proxy ignores the variables.
    let data = run_json(
        with_proxy()
            .arg("--no-proxy")
            .args(verify_args("22222222222", "direct-2")),
        0,
    );
    assert_eq!(data["overallResult"], "PASS", "{data}");
    assert_eq!(proxy.connects(), asked, "the proxy was asked again");
    assert_eq!(sandbox.request_count(Endpoint::IdNumberVerification), 2);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn sandbox_tls_prints_its_ca_bundle_and_serves_https() {
    let dir = scratch("serve");
    let ca_out = dir.join("served-ca.pem");
    let binary = assert_cmd::cargo::cargo_bin("advanceai");
    let mut child = StdCommand::new(binary)
        .args(["--json", "sandbox", "--port", "0", "--tls", "--ca-out"])
        .arg(&ca_out)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdout = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    let json: serde_json::Value = serde_json::from_str(&first).unwrap();
    let base_url = json["baseUrl"].as_str().unwrap().to_owned();
    assert!(base_url.starts_with("https://127.0.0.1:"), "{json}");
    assert_eq!(json["caBundle"], ca_out.display().to_string(), "{json}");
    let out = run(advanceai()
        .args(["--base-url", &base_url, "--ca-bundle"])
        .arg(&ca_out)
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
    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "the sandbox did not stop");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(0));
    // --ca-out needs --tls.
    let out = run(advanceai().args(["sandbox", "--port", "0", "--ca-out", "x.pem"]));
    assert_eq!(out.code, 2, "{}", out.stderr);
    std::fs::remove_dir_all(dir).unwrap();
}
