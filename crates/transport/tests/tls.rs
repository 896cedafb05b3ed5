//! The client over real TLS, against a sandbox serving HTTPS with a throwaway CA: trusted
//! with the CA bundle; refused, typed, not retried and "not sent" without it, for a
//! certificate issued for another host, and for an expired certificate.
//!
//! Each failure prints how long the call took next to its timeout (`cargo test -p
//! advanceai-transport --test tls -- --nocapture`): README's fault matrix quotes them.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]
#![allow(clippy::print_stdout)] // the measured figures

use std::time::{Duration, Instant};

use advanceai_core::{
    Endpoint, GenerateUrlRequest, GetResultRequest, IdNumberVerificationRequest, Idempotency,
};
use advanceai_sandbox::{
    DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY, RunningSandbox, Sandbox, SandboxConfig, TlsOptions,
};
use advanceai_transport::{
    Client, ClientConfig, ClientConfigBuilder, Error, ErrorKind, ProxySetting, TransportErrorKind,
};

fn tls_sandbox(options: TlsOptions) -> RunningSandbox {
    Sandbox::start(SandboxConfig::default().with_tls(options)).unwrap()
}

/// The default timeouts and retry policy (3 attempts): what a user gets.
fn builder(base_url: &str) -> ClientConfigBuilder {
    ClientConfig::builder()
        .base_url(base_url)
        .credentials(DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY)
        .proxy(ProxySetting::None)
}

fn verification(biz_id: &str) -> IdNumberVerificationRequest {
    IdNumberVerificationRequest::new(biz_id, "user-1", "NGA", "BVN", "22222222222")
}

#[test]
fn with_the_ca_bundle_every_call_succeeds_over_https() {
    let sandbox = tls_sandbox(TlsOptions::default());
    assert!(sandbox.base_url().starts_with("https://127.0.0.1:"));
    let client = Client::new(
        builder(sandbox.base_url())
            .extra_ca_pem(sandbox.ca_pem().unwrap())
            .build()
            .unwrap(),
    );
    assert!(
        client
            .verify_id_number(&verification("tls-1"))
            .unwrap()
            .passed()
    );
    let page = client
        .generate_url(&GenerateUrlRequest::new(
            "tls-2",
            "user-1",
            "NGA",
            "BVN",
            "https://example.com/ok",
            "https://example.com/fail",
        ))
        .unwrap();
    let url = page.url.unwrap();
    assert!(
        url.starts_with(&format!("{}/h5/", sandbox.base_url())),
        "{url}"
    );
    let result = client
        .get_result(&GetResultRequest::new(page.signature_id.unwrap()))
        .unwrap();
    assert!(!result.is_final());
    // One TLS connection, kept in the pool, served the four requests.
    assert_eq!(sandbox.request_count(Endpoint::Token), 1);
    assert_eq!(sandbox.connections_accepted(), 1);

    // The name in the URL is checked too: localhost is on the certificate.
    let port = sandbox.addr().port();
    let by_name = Client::new(
        builder(&format!("https://localhost:{port}"))
            .extra_ca_pem(sandbox.ca_pem().unwrap())
            .build()
            .unwrap(),
    );
    assert!(!by_name.token().unwrap().expose().is_empty());
}

/// A handshake the client refuses: a TLS error that is never retried (one connection for
/// three allowed attempts) and proves nothing was sent, for the token call itself and for
/// a billable call that needed the token. Returns the error's detail and the elapsed time.
fn refused_handshake(sandbox: &RunningSandbox, config: ClientConfig) -> (String, Duration) {
    let timeout = config.timeout();
    assert_eq!(config.retry().max_attempts, 3);
    let client = Client::new(config);
    let start = Instant::now();
    let error = client.token().unwrap_err();
    let elapsed = start.elapsed();
    let Error::Transport {
        kind: TransportErrorKind::Tls,
        may_have_been_sent: false,
        detail,
    } = &error
    else {
        panic!("not a TLS error that proves nothing was sent: {error:?}");
    };
    assert!(
        error.to_string().contains("the request was not sent"),
        "{error}"
    );
    let verdict = error.disposition(Idempotency::Idempotent);
    assert_eq!(verdict.kind, ErrorKind::Transport);
    assert!(!verdict.client_retries && !verdict.retryable, "{verdict:?}");
    assert!(
        !verdict.may_have_been_processed && verdict.safe_to_resend,
        "{verdict:?}"
    );
    assert_eq!(sandbox.connections_accepted(), 1, "retried: {error}");
    assert!(elapsed < timeout, "{elapsed:?}");

    // A billable call: its token call failed, so its own request never left.
    let error = client.verify_id_number(&verification("tls-b")).unwrap_err();
    assert!(
        matches!(&error, Error::TokenUnavailable(inner)
            if matches!(**inner, Error::Transport { kind: TransportErrorKind::Tls, .. })),
        "{error:?}"
    );
    let verdict = error.disposition(Idempotency::Billable);
    assert!(!verdict.client_retries && !verdict.retryable, "{verdict:?}");
    assert!(
        !verdict.may_have_been_processed && verdict.safe_to_resend,
        "{verdict:?}"
    );
    assert_eq!(sandbox.connections_accepted(), 2);
    for endpoint in Endpoint::ALL {
        assert_eq!(sandbox.request_count(*endpoint), 0, "{endpoint:?}");
    }
    (detail.clone(), elapsed)
}

#[test]
fn without_the_ca_bundle_the_handshake_fails_typed_and_unretried() {
    let sandbox = tls_sandbox(TlsOptions::default());
    let config = builder(sandbox.base_url()).build().unwrap();
    let timeout = config.timeout();
    let (detail, elapsed) = refused_handshake(&sandbox, config);
    assert!(detail.contains("UnknownIssuer"), "{detail}");
    println!("fault-matrix tls no-bundle: {elapsed:?} (timeout {timeout:?}): {detail}");
}

#[test]
fn a_certificate_for_another_host_is_refused() {
    let sandbox = tls_sandbox(TlsOptions::default().with_names(["example.test"]));
    let config = builder(sandbox.base_url())
        .extra_ca_pem(sandbox.ca_pem().unwrap())
        .build()
        .unwrap();
    let timeout = config.timeout();
    let (detail, elapsed) = refused_handshake(&sandbox, config);
    assert!(detail.contains("not valid for name"), "{detail}");
    println!("fault-matrix tls wrong-host: {elapsed:?} (timeout {timeout:?}): {detail}");
}

#[test]
fn an_expired_certificate_is_refused() {
    let sandbox = tls_sandbox(TlsOptions::expired());
    let config = builder(sandbox.base_url())
        .extra_ca_pem(sandbox.ca_pem().unwrap())
        .build()
        .unwrap();
    let timeout = config.timeout();
    let (detail, elapsed) = refused_handshake(&sandbox, config);
    assert!(detail.contains("expired"), "{detail}");
    println!("fault-matrix tls expired: {elapsed:?} (timeout {timeout:?}): {detail}");
}

#[test]
fn plain_http_to_the_tls_port_gets_no_answer() {
    // A client sent to http:// on a TLS port (loopback, so allowed): the server never
    // answers HTTP, and the client says the request may have been processed, as it must
    // for bytes that left.
    let sandbox = tls_sandbox(TlsOptions::default());
    let plain = format!("http://{}", sandbox.addr());
    let client = Client::new(builder(&plain).build().unwrap());
    let start = Instant::now();
    let error = client.token().unwrap_err();
    assert!(
        matches!(
            error,
            Error::Transport {
                kind: TransportErrorKind::Io,
                may_have_been_sent: true,
                ..
            }
        ),
        "{error:?}"
    );
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "{:?}",
        start.elapsed()
    );
    assert_eq!(sandbox.request_count(Endpoint::Token), 0);
}
