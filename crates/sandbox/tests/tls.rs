//! The sandbox over HTTPS: its throwaway CA, the certificate's names, the https H5 URLs,
//! and the `--tls` / `--ca-out` options of the `advanceai-sandbox` binary.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use advanceai_sandbox::{RunningSandbox, Sandbox, SandboxConfig, SandboxError, TlsOptions};
use common::*;
use ureq::tls::{Certificate, PemItem, RootCerts, TlsConfig};

/// A ureq agent (10 s per exchange) that trusts only `ca_pem`.
fn trusting(ca_pem: &str) -> ureq::Agent {
    let roots: Vec<Certificate<'static>> = ureq::tls::parse_pem(ca_pem.as_bytes())
        .map(|item| match item.unwrap() {
            PemItem::Certificate(cert) => cert,
            _ => panic!("the CA PEM holds something other than a certificate"),
        })
        .collect();
    assert_eq!(roots.len(), 1);
    ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(10)))
        .http_status_as_error(false)
        .tls_config(
            TlsConfig::builder()
                .root_certs(RootCerts::new_with_certs(&roots))
                .build(),
        )
        .build()
        .new_agent()
}

fn start_tls(options: TlsOptions) -> RunningSandbox {
    Sandbox::start(SandboxConfig::default().with_tls(options)).unwrap()
}

#[test]
fn serves_https_with_its_own_ca_and_https_h5_urls() {
    let sandbox = start_tls(TlsOptions::default());
    let base = sandbox.base_url().to_owned();
    assert_eq!(base, format!("https://{}", sandbox.addr()));
    let ca = sandbox.ca_pem().unwrap().to_owned();
    let agent = trusting(&ca);

    let access = token(&agent, &base);
    let answer = post(
        &agent,
        &format!("{base}{GENERATE_PATH}"),
        Some(&access),
        &generate_body("tls-1"),
    );
    let body = answer.envelope();
    assert_eq!(body["code"], "SUCCESS", "{body}");
    let url = body["data"]["url"].as_str().unwrap();
    assert!(url.starts_with(&format!("{base}/h5/")), "{url}");
    // The page itself is served over the same TLS.
    let page = get(&agent, url);
    assert_eq!(page.status, 200);
    assert!(page.content_type.starts_with("text/html"), "{page:?}");

    // The certificate names localhost too.
    let port = sandbox.addr().port();
    assert!(!token(&agent, &format!("https://localhost:{port}")).is_empty());
    // The agent kept one connection per host name.
    assert_eq!(sandbox.connections_accepted(), 2);

    // And ::1, for a sandbox listening there.
    let v6 = Sandbox::start(
        SandboxConfig::default()
            .with_address("::1".parse().unwrap(), 0)
            .with_tls(TlsOptions::default()),
    )
    .unwrap();
    assert!(
        v6.base_url().starts_with("https://[::1]:"),
        "{}",
        v6.base_url()
    );
    assert!(!token(&trusting(v6.ca_pem().unwrap()), v6.base_url()).is_empty());
}

#[test]
fn a_client_without_the_ca_or_with_plain_http_gets_no_answer() {
    let sandbox = start_tls(TlsOptions::default());
    let base = sandbox.base_url().to_owned();
    // The Mozilla roots do not hold a throwaway CA.
    let error = try_post(
        &agent(),
        &format!("{base}{TOKEN_PATH}"),
        None,
        &token_body(now_ms()).to_string(),
    )
    .unwrap_err();
    assert!(error.to_string().contains("UnknownIssuer"), "{error}");
    // Plain HTTP to the TLS port: no HTTP answer comes back.
    let plain = format!("http://{}{TOKEN_PATH}", sandbox.addr());
    let error = try_post(&agent(), &plain, None, &token_body(now_ms()).to_string()).unwrap_err();
    assert!(!error.to_string().is_empty());
    assert_eq!(sandbox.connections_accepted(), 2);
    assert_eq!(
        sandbox.request_count(advanceai_core::Endpoint::Token),
        0,
        "no request got through"
    );
}

#[test]
fn every_sandbox_makes_its_own_ca() {
    let first = start_tls(TlsOptions::default());
    let second = start_tls(TlsOptions::default());
    assert_ne!(first.ca_pem(), second.ca_pem());
    // A client trusting the first CA refuses the second sandbox.
    let error = try_post(
        &trusting(first.ca_pem().unwrap()),
        &format!("{}{TOKEN_PATH}", second.base_url()),
        None,
        &token_body(now_ms()).to_string(),
    )
    .unwrap_err();
    assert!(
        error.to_string().contains("invalid peer certificate"),
        "{error}"
    );
    // Plain HTTP has no CA.
    let plain = start();
    assert_eq!(plain.ca_pem(), None);
    assert!(plain.base_url().starts_with("http://"));
    let refused = plain.save_ca_pem(None).unwrap_err();
    assert_eq!(refused.kind(), std::io::ErrorKind::InvalidInput);
}

#[test]
fn names_and_validity_are_what_the_options_say() {
    let wrong_host = start_tls(TlsOptions::default().with_names(["example.test"]));
    let error = try_post(
        &trusting(wrong_host.ca_pem().unwrap()),
        &format!("{}{TOKEN_PATH}", wrong_host.base_url()),
        None,
        &token_body(now_ms()).to_string(),
    )
    .unwrap_err();
    assert!(error.to_string().contains("not valid for name"), "{error}");

    let expired = start_tls(TlsOptions::expired());
    let error = try_post(
        &trusting(expired.ca_pem().unwrap()),
        &format!("{}{TOKEN_PATH}", expired.base_url()),
        None,
        &token_body(now_ms()).to_string(),
    )
    .unwrap_err();
    assert!(error.to_string().contains("expired"), "{error}");

    let refused = Sandbox::start(
        SandboxConfig::default().with_tls(TlsOptions::default().with_names(["bücher.example"])),
    )
    .unwrap_err();
    assert!(matches!(refused, SandboxError::Tls(_)), "{refused}");
}

#[test]
fn save_ca_pem_writes_the_ca_where_asked_or_to_a_new_temporary_file() {
    let sandbox = start_tls(TlsOptions::default());
    let dir = std::env::temp_dir().join(format!("advanceai-tls-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let chosen = dir.join("ca.pem");
    assert_eq!(sandbox.save_ca_pem(Some(&chosen)).unwrap(), chosen);
    assert_eq!(
        std::fs::read_to_string(&chosen).unwrap(),
        sandbox.ca_pem().unwrap()
    );
    let first = sandbox.save_ca_pem(None).unwrap();
    let second = sandbox.save_ca_pem(None).unwrap();
    assert_ne!(first, second);
    for path in [&first, &second] {
        assert!(path.starts_with(std::env::temp_dir()), "{}", path.display());
        assert_eq!(
            std::fs::read_to_string(path).unwrap(),
            sandbox.ca_pem().unwrap()
        );
        std::fs::remove_file(path).unwrap();
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[cfg(unix)]
#[test]
fn the_binary_serves_tls_and_writes_its_ca_to_ca_out() {
    let dir = std::env::temp_dir().join(format!("advanceai-tls-bin-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let ca_out = dir.join("sandbox-ca.pem");
    let mut child = Command::new(env!("CARGO_BIN_EXE_advanceai-sandbox"))
        .args(["--port", "0", "--tls", "--ca-out"])
        .arg(&ca_out)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    let base = first.rsplit(' ').next().unwrap().to_owned();
    assert!(base.starts_with("https://127.0.0.1:"), "{first}");
    let _access = lines.next().unwrap().unwrap();
    let _secret = lines.next().unwrap().unwrap();
    let ca_line = lines.next().unwrap().unwrap();
    assert_eq!(
        ca_line,
        format!(
            "CA certificate (trust it to reach the sandbox): {}",
            ca_out.display()
        )
    );
    let ca = std::fs::read_to_string(&ca_out).unwrap();
    assert!(!token(&trusting(&ca), &base).is_empty());

    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
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
    std::fs::remove_dir_all(&dir).unwrap();

    // --ca-out needs --tls.
    let refused = Command::new(env!("CARGO_BIN_EXE_advanceai-sandbox"))
        .args(["--port", "0", "--ca-out", "x.pem"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert_eq!(refused.code(), Some(2));
}
