//! The client through a real HTTP CONNECT proxy on loopback, over TLS to the sandbox: the
//! request passes through the tunnel (the proxy counts it), proxy credentials are sent and
//! never shown, and a proxy that refuses CONNECT gives a typed error saying nothing was
//! sent. The proxy is `tests/support/connect_proxy.rs`. Proxies from the environment and
//! `NO_PROXY` are tested in `proxy_env.rs` (their own test binary: the environment is the
//! process's).
//!
//! `cargo test -p advanceai-transport --test proxy -- --nocapture` prints how long each
//! call took next to its timeout: README's fault matrix quotes them.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]
#![allow(clippy::print_stdout)] // the measured figures

#[path = "../../../tests/support/connect_proxy.rs"]
mod connect_proxy;

use std::time::Instant;

use advanceai_core::{Endpoint, IdNumberVerificationRequest, Idempotency};
use advanceai_sandbox::{
    DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY, RunningSandbox, Sandbox, SandboxConfig, TlsOptions,
};
use advanceai_transport::{
    Client, ClientConfig, ClientConfigBuilder, Error, ProxySetting, Secret, TransportErrorKind,
};
use connect_proxy::{ConnectProxy, Mode};

const PROXY_PASSWORD: &str = "proxy-pa55word";

fn tls_sandbox() -> RunningSandbox {
    Sandbox::start(SandboxConfig::default().with_tls(TlsOptions::default())).unwrap()
}

/// Default timeouts and retries, the sandbox's CA trusted, through `proxy`.
fn through(sandbox: &RunningSandbox, proxy: &str) -> ClientConfigBuilder {
    ClientConfig::builder()
        .base_url(sandbox.base_url())
        .credentials(DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY)
        .extra_ca_pem(sandbox.ca_pem().unwrap())
        .proxy(ProxySetting::Url(Secret::new(proxy)))
}

fn verification(biz_id: &str) -> IdNumberVerificationRequest {
    IdNumberVerificationRequest::new(biz_id, "user-1", "NGA", "BVN", "22222222222")
}

#[test]
fn a_request_passes_through_the_connect_proxy_over_tls() {
    let sandbox = tls_sandbox();
    let proxy = ConnectProxy::start(Mode::Tunnel);
    let config = through(&sandbox, &proxy.url()).build().unwrap();
    let timeout = config.timeout();
    let client = Client::new(config);
    let start = Instant::now();
    let data = client.verify_id_number(&verification("proxied-1")).unwrap();
    let elapsed = start.elapsed();
    assert!(data.passed());
    // One tunnel, to the sandbox, carried the token call and the verification; the
    // sandbox saw one connection: the proxy's.
    assert_eq!(proxy.connects(), 1);
    assert_eq!(proxy.tunnels(), 1);
    assert_eq!(proxy.targets(), [sandbox.addr().to_string()]);
    assert_eq!(sandbox.connections_accepted(), 1);
    assert_eq!(sandbox.request_count(Endpoint::Token), 1);
    assert_eq!(sandbox.request_count(Endpoint::IdNumberVerification), 1);
    assert!(proxy.authorizations().is_empty());
    println!("fault-matrix proxy tunnel: {elapsed:?} (timeout {timeout:?})");
}

#[test]
fn proxy_credentials_are_sent_to_the_proxy_and_shown_nowhere() {
    let sandbox = tls_sandbox();
    let proxy = ConnectProxy::start(Mode::Tunnel);
    let config = through(&sandbox, &proxy.url_with_credentials("kyc", PROXY_PASSWORD))
        .build()
        .unwrap();
    let shown = format!("{config:?}");
    assert!(!shown.contains(PROXY_PASSWORD), "{shown}");
    let client = Client::new(config);
    assert!(!client.token().unwrap().expose().is_empty());
    // Basic base64("kyc:proxy-pa55word").
    assert_eq!(proxy.authorizations(), ["Basic a3ljOnByb3h5LXBhNTV3b3Jk"]);
    assert!(!format!("{client:?}").contains(PROXY_PASSWORD));
}

/// A proxy answering `status` to every CONNECT: the token call fails typed, "not sent",
/// safe to resend; the billable call that needed the token was not sent either.
fn refused_by(status: u16) {
    let sandbox = tls_sandbox();
    let proxy = ConnectProxy::start(Mode::Refuse(status));
    let config = through(&sandbox, &proxy.url_with_credentials("kyc", PROXY_PASSWORD))
        .build()
        .unwrap();
    let (timeout, attempts) = (config.timeout(), config.retry().max_attempts);
    let client = Client::new(config);
    let start = Instant::now();
    let error = client.token().unwrap_err();
    let elapsed = start.elapsed();
    let Error::Transport {
        kind: TransportErrorKind::Connect,
        may_have_been_sent: false,
        detail,
    } = &error
    else {
        panic!("not a connect error that proves nothing was sent: {error:?}");
    };
    assert!(
        detail.contains(&format!("proxy server responded {status}")),
        "{detail}"
    );
    let text = format!("{error} {error:?}");
    assert!(text.contains("the request was not sent"), "{text}");
    assert!(!text.contains(PROXY_PASSWORD), "{text}");
    let verdict = error.disposition(Idempotency::Idempotent);
    assert!(
        !verdict.may_have_been_processed && verdict.safe_to_resend,
        "{verdict:?}"
    );
    // Connect errors are retried: every attempt asked the proxy again.
    assert!(verdict.client_retries, "{verdict:?}");
    assert_eq!(proxy.connects(), u64::from(attempts));
    assert_eq!(proxy.tunnels(), 0);
    assert!(elapsed < timeout, "{elapsed:?}");

    let error = client
        .verify_id_number(&verification("refused-1"))
        .unwrap_err();
    assert!(matches!(error, Error::TokenUnavailable(_)), "{error:?}");
    let verdict = error.disposition(Idempotency::Billable);
    assert!(
        !verdict.may_have_been_processed && verdict.safe_to_resend,
        "{verdict:?}"
    );
    assert!(!error.may_have_been_processed());
    assert_eq!(
        sandbox.connections_accepted(),
        0,
        "nothing reached the sandbox"
    );
    println!(
        "fault-matrix proxy refuses ({status}): {elapsed:?} for {attempts} attempts (timeout {timeout:?}): {detail}"
    );
}

#[test]
fn a_proxy_that_refuses_connect_with_403_gives_a_not_sent_error() {
    refused_by(403);
}

#[test]
fn a_proxy_that_asks_for_credentials_with_407_gives_a_not_sent_error() {
    refused_by(407);
}

#[test]
fn a_socks5_proxy_is_used_not_a_panic() {
    // Nothing listens on port 1: the SOCKS connector tries it and fails to connect (ureq
    // panics on a configured SOCKS proxy without its socks-proxy feature).
    let sandbox = tls_sandbox();
    let client = Client::new(through(&sandbox, "socks5://127.0.0.1:1").build().unwrap());
    let error = client.token().unwrap_err();
    assert!(
        matches!(
            error,
            Error::Transport {
                kind: TransportErrorKind::Connect,
                may_have_been_sent: false,
                ..
            }
        ),
        "{error:?}"
    );
    assert_eq!(sandbox.connections_accepted(), 0);
}
