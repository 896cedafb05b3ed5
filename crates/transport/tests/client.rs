//! The client against the in-process sandbox, over real loopback HTTP.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use std::sync::Arc;
use std::time::{Duration, Instant};

use advanceai_core::{
    Endpoint, GenerateUrlRequest, GetResultRequest, IdNumberVerificationRequest, ResponseCode,
};
use advanceai_sandbox::{
    DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY, RunningSandbox, Sandbox, SandboxConfig,
};
use advanceai_transport::{
    Client, ClientConfig, ClientConfigBuilder, ConfigError, Error, ManualClock, ProxySetting,
    RetryPolicy, TransportErrorKind, WaitOptions,
};

const SECRET: &str = DEFAULT_SECRET_KEY;
const ID_NUMBER: &str = "22222222222";

fn builder(sandbox: &RunningSandbox) -> ClientConfigBuilder {
    ClientConfig::builder()
        .base_url(sandbox.base_url())
        .credentials(DEFAULT_ACCESS_KEY, SECRET)
        .proxy(ProxySetting::None)
        .retry(
            RetryPolicy::default()
                .with_backoff(Duration::from_millis(5), Duration::from_millis(20))
                .with_max_retry_after(Duration::from_millis(20)),
        )
}

fn setup() -> (RunningSandbox, Client) {
    let sandbox = Sandbox::start(SandboxConfig::default()).unwrap();
    let client = Client::new(builder(&sandbox).build().unwrap());
    (sandbox, client)
}

fn verification(biz_id: &str) -> IdNumberVerificationRequest {
    IdNumberVerificationRequest::new(biz_id, "user-1", "NGA", "BVN", ID_NUMBER)
}

fn generate(biz_id: &str) -> GenerateUrlRequest {
    GenerateUrlRequest::new(
        biz_id,
        "user-1",
        "NGA",
        "BVN",
        "https://example.com/ok",
        "https://example.com/fail",
    )
}

#[test]
fn every_endpoint_succeeds() {
    let (sandbox, client) = setup();
    let token = client.token().unwrap();
    assert!(!token.expose().is_empty());
    // The same cached token, with the server's expiry (in the future) and a redacted Debug.
    let access = client.access_token().unwrap();
    assert_eq!(access.token.expose(), token.expose());
    let now_ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as u64;
    assert!(access.expired_time > now_ms, "{access:?}");
    assert!(!format!("{access:?}").contains(token.expose()));
    let data = client.verify_id_number(&verification("order-1")).unwrap();
    assert!(data.passed());
    let url = client.generate_url(&generate("order-2")).unwrap();
    let signature_id = url.signature_id.clone().unwrap();
    assert!(url.url.is_some());
    let result = client
        .get_result(&GetResultRequest::new(signature_id.clone()))
        .unwrap();
    assert!(!result.is_final());
    // One token served every call.
    assert_eq!(sandbox.request_count(Endpoint::Token), 1);
    assert_eq!(sandbox.request_count(Endpoint::IdNumberVerification), 1);
    assert_eq!(sandbox.request_count(Endpoint::GenerateUrl), 1);
    assert_eq!(sandbox.request_count(Endpoint::GetResult), 1);
}

#[test]
fn invalid_input_never_reaches_the_network() {
    let (sandbox, client) = setup();
    let bad_verifications = [
        IdNumberVerificationRequest::new("", "u", "NGA", "BVN", ID_NUMBER),
        IdNumberVerificationRequest::new("b".repeat(100), "u", "NGA", "BVN", ID_NUMBER),
        IdNumberVerificationRequest::new("b", "", "NGA", "BVN", ID_NUMBER),
        IdNumberVerificationRequest::new("b", "u".repeat(201), "NGA", "BVN", ID_NUMBER),
        IdNumberVerificationRequest::new("b", "u", "XXX", "BVN", ID_NUMBER),
        IdNumberVerificationRequest::new("b", "u", "NGA", "", ID_NUMBER),
        IdNumberVerificationRequest::new("b", "u", "NGA", "PASSPORT", ID_NUMBER),
        IdNumberVerificationRequest::new("b", "u", "NGA", "bvn", ID_NUMBER),
        IdNumberVerificationRequest::new("b", "u", "NGA", "BVN", ""),
        IdNumberVerificationRequest::new("b", "u", "NGA", "BVN", "2222"),
    ];
    for request in &bad_verifications {
        let expected = request.validate().unwrap_err();
        let Error::InvalidInput(got) = client.verify_id_number(request).unwrap_err() else {
            panic!("not InvalidInput");
        };
        assert_eq!(got, expected);
        assert_eq!(got.code(), ResponseCode::ParameterError);
    }
    let mut bad_url = generate("b");
    bad_url.return_url = String::new();
    let mut bad_callback = generate("b");
    bad_callback.callback_url = Some("ftp://x".into());
    for request in [
        generate(""),
        generate(&"b".repeat(100)),
        bad_url,
        bad_callback,
    ] {
        let expected = request.validate().unwrap_err();
        let error = client.generate_url(&request).unwrap_err();
        assert!(
            matches!(error, Error::InvalidInput(ref got) if *got == expected),
            "{error}"
        );
    }
    let error = client.get_result(&GetResultRequest::new("")).unwrap_err();
    assert!(matches!(error, Error::InvalidInput(_)));
    let error = client
        .wait_for_result("", WaitOptions::new(Duration::from_secs(1)))
        .unwrap_err();
    assert!(matches!(error, Error::InvalidInput(_)));
    for endpoint in Endpoint::ALL {
        assert_eq!(sandbox.request_count(*endpoint), 0, "{endpoint:?}");
    }
}

#[test]
fn delay_beyond_timeout_is_a_timeout() {
    let (sandbox, client) = setup();
    client.token().unwrap();
    let timeout = Duration::from_millis(300);
    let start = Instant::now();
    let error = client
        .with_timeout(timeout)
        .verify_id_number(&verification("fault-delay-2000-a"))
        .unwrap_err();
    let elapsed = start.elapsed();
    assert!(
        elapsed < timeout + Duration::from_millis(400),
        "{elapsed:?}"
    );
    assert!(
        matches!(
            error,
            Error::Transport {
                kind: TransportErrorKind::Timeout,
                may_have_been_sent: true,
                ..
            }
        ),
        "{error}"
    );
    assert!(error.may_have_been_processed());
    // Billable: sent once, never retried.
    assert_eq!(sandbox.request_count(Endpoint::IdNumberVerification), 1);
}

#[test]
fn busy_is_retried_for_get_result_only() {
    let (sandbox, client) = setup();
    // Busy once, then normal: Get Result retries and succeeds.
    let signature_id = client
        .generate_url(&generate("result-fault-busy-once-1"))
        .unwrap()
        .signature_id
        .unwrap();
    let data = client
        .get_result(&GetResultRequest::new(signature_id))
        .unwrap();
    assert!(!data.is_final());
    assert_eq!(sandbox.request_count(Endpoint::GetResult), 2);

    // Verification: never retried, the caller sees SERVICE_BUSY.
    let error = client
        .verify_id_number(&verification("fault-busy-once-v"))
        .unwrap_err();
    assert!(
        matches!(
            error,
            Error::Api {
                code: ResponseCode::ServiceBusy,
                retryable: true,
                ..
            }
        ),
        "{error}"
    );
    assert_eq!(sandbox.request_count(Endpoint::IdNumberVerification), 1);
    // SERVICE_BUSY is a refusal before any work: nothing was billed.
    assert!(!error.may_have_been_processed());

    // Always busy: Get Result gives up after 3 attempts in all.
    let error = client
        .get_result(&GetResultRequest::new("fault-busy-always"))
        .unwrap_err();
    assert_eq!(error.code(), Some(ResponseCode::ServiceBusy));
    assert_eq!(sandbox.request_count(Endpoint::GetResult), 2 + 3);
}

#[test]
fn bad_gateway_html_is_an_unexpected_response() {
    let (sandbox, client) = setup();
    let error = client
        .verify_id_number(&verification("fault-502"))
        .unwrap_err();
    let Error::UnexpectedResponse {
        status,
        content_type,
        excerpt,
    } = &error
    else {
        panic!("{error}");
    };
    assert_eq!(*status, 502);
    assert!(content_type.as_deref().unwrap().contains("text/html"));
    let excerpt = excerpt.as_deref().unwrap();
    assert!(excerpt.contains("502 Bad Gateway") && excerpt.len() <= 200);
    assert!(error.to_string().contains("502"));
    assert_eq!(sandbox.request_count(Endpoint::IdNumberVerification), 1);
    // Idempotent: retried, then the same error.
    let error = client
        .get_result(&GetResultRequest::new("fault-502"))
        .unwrap_err();
    assert!(matches!(
        error,
        Error::UnexpectedResponse { status: 502, .. }
    ));
    assert_eq!(sandbox.request_count(Endpoint::GetResult), 3);
}

#[test]
fn truncated_and_huge_bodies_are_clear_errors() {
    let (_sandbox, client) = setup();
    let error = client
        .verify_id_number(&verification("fault-truncated"))
        .unwrap_err();
    assert!(matches!(error, Error::Parse(_)), "{error}");
    let error = client
        .verify_id_number(&verification("fault-huge"))
        .unwrap_err();
    assert!(
        matches!(error, Error::ResponseTooLarge { limit: 1_048_576 }),
        "{error}"
    );
    let error = client
        .verify_id_number(&verification("fault-cut"))
        .unwrap_err();
    assert!(
        matches!(
            error,
            Error::Transport {
                may_have_been_sent: true,
                ..
            } | Error::Parse(_)
        ),
        "{error}"
    );
}

#[test]
fn iam_failed_once_refreshes_the_token_once() {
    let (sandbox, client) = setup();
    let data = client
        .verify_id_number(&verification("fault-iam-once-1"))
        .unwrap();
    assert!(data.passed());
    assert_eq!(sandbox.request_count(Endpoint::Token), 2);
    assert_eq!(sandbox.request_count(Endpoint::IdNumberVerification), 2);
}

#[test]
fn short_lived_token_is_refreshed_before_expiry() {
    let server_clock = advanceai_sandbox::ManualClock::starting_now();
    let sandbox =
        Sandbox::start(SandboxConfig::default().with_clock(Arc::new(server_clock.clone())))
            .unwrap();
    let clock = ManualClock::new(advanceai_sandbox::Clock::now_ms(&server_clock));
    let client = Client::new(
        builder(&sandbox)
            .period_second(60)
            .refresh_margin(Duration::from_secs(10))
            .clock(Arc::new(clock.clone()))
            .build()
            .unwrap(),
    );
    let advance = |by| {
        clock.advance(by);
        server_clock.advance(by);
    };
    client.verify_id_number(&verification("a")).unwrap();
    assert_eq!(sandbox.request_count(Endpoint::Token), 1);
    advance(Duration::from_secs(45));
    client.verify_id_number(&verification("b")).unwrap();
    assert_eq!(sandbox.request_count(Endpoint::Token), 1);
    // 55 s of 60: within the margin, replaced before it expires.
    advance(Duration::from_secs(10));
    client.verify_id_number(&verification("c")).unwrap();
    assert_eq!(sandbox.request_count(Endpoint::Token), 2);
    advance(Duration::from_secs(30));
    client.verify_id_number(&verification("d")).unwrap();
    assert_eq!(sandbox.request_count(Endpoint::Token), 2);
}

#[test]
fn sixty_four_threads_fetch_one_token() {
    let (sandbox, client) = setup();
    let barrier = Arc::new(std::sync::Barrier::new(64));
    let threads: Vec<_> = (0..64)
        .map(|i| {
            let client = client.clone();
            let barrier = Arc::clone(&barrier);
            std::thread::spawn(move || {
                barrier.wait();
                client
                    .get_result(&GetResultRequest::new(format!("unknown-{i}")))
                    .unwrap_err()
            })
        })
        .collect();
    for thread in threads {
        let error = thread.join().unwrap();
        assert_eq!(error.code(), Some(ResponseCode::SignatureNotExist));
    }
    assert_eq!(sandbox.request_count(Endpoint::Token), 1);
    assert_eq!(sandbox.request_count(Endpoint::GetResult), 64);
}

#[test]
fn connection_refused_is_retried_even_when_billable() {
    // Bind then drop a listener: nothing listens on that port.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let client = Client::new(
        ClientConfig::builder()
            .base_url(format!("http://127.0.0.1:{port}"))
            .credentials("a", "b")
            .proxy(ProxySetting::None)
            .retry(
                RetryPolicy::default()
                    .with_backoff(Duration::from_millis(1), Duration::from_millis(2)),
            )
            .build()
            .unwrap(),
    );
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
        "{error}"
    );
    assert!(!error.may_have_been_processed());
}

#[test]
fn plain_http_to_a_remote_host_is_refused() {
    for url in [
        "http://sg-api.advance.ai",
        "http://192.168.1.10:8080",
        "http://localhost.example.com",
    ] {
        let error = ClientConfig::builder()
            .base_url(url)
            .credentials("a", "b")
            .build()
            .unwrap_err();
        assert!(
            matches!(error, ConfigError::InsecureBaseUrl { .. }),
            "{url}: {error}"
        );
    }
    let bad = |b: ClientConfigBuilder| b.credentials("a", "b").build().unwrap_err();
    assert!(matches!(
        bad(ClientConfig::builder().timeout(Duration::ZERO)),
        ConfigError::ZeroTimeout(_)
    ));
    assert!(matches!(
        bad(ClientConfig::builder().period_second(59)),
        ConfigError::PeriodSecondOutOfRange(59)
    ));
    assert!(matches!(
        bad(ClientConfig::builder().period_second(60)),
        ConfigError::RefreshMarginTooLong
    ));
    assert!(matches!(
        bad(ClientConfig::builder().retry(RetryPolicy::default().with_max_attempts(0))),
        ConfigError::NoAttempt
    ));
    assert!(matches!(
        bad(ClientConfig::builder().extra_ca_pem("not pem")),
        ConfigError::InvalidCaBundle(_)
    ));
    assert!(matches!(
        ClientConfig::builder().build().unwrap_err(),
        ConfigError::MissingCredentials
    ));
}

#[test]
fn nothing_shows_secrets_tokens_or_id_numbers() {
    let (_sandbox, client) = setup();
    let token = client.token().unwrap();
    let token = token.expose().to_owned();
    let mut texts = vec![
        format!("{client:?}"),
        format!("{:?}", client.config()),
        format!("{:?}", client.token().unwrap()),
        format!("{}", client.token().unwrap()),
    ];
    let faults = [
        "fault-502",
        "fault-truncated",
        "fault-huge",
        "fault-busy",
        "fault-unknown-code",
        "fault-cut",
    ];
    for fault in faults {
        let error = client.verify_id_number(&verification(fault)).unwrap_err();
        texts.push(format!("{error}"));
        texts.push(format!("{error:?}"));
    }
    let invalid = IdNumberVerificationRequest::new("b", "u", "NGA", "BVN", "12345");
    let error = client.verify_id_number(&invalid).unwrap_err();
    texts.push(format!("{error} {error:?}"));
    let error = client
        .with_timeout(Duration::from_millis(50))
        .verify_id_number(&verification("fault-delay-500-x"))
        .unwrap_err();
    texts.push(format!("{error} {error:?}"));
    for text in &texts {
        assert!(!text.contains(SECRET), "{text}");
        assert!(!text.contains(&token), "{text}");
        assert!(!text.contains(ID_NUMBER), "{text}");
        assert!(!text.contains("12345"), "{text}");
    }
}

#[test]
fn only_answers_that_prove_a_refusal_say_nothing_was_processed() {
    let (sandbox, client) = setup();
    // Wrong credentials: the token fetch fails, the verification itself is never sent.
    let wrong = Client::new(
        builder(&sandbox)
            .credentials("sandbox-access-key", "not-the-secret")
            .build()
            .unwrap(),
    );
    let error = wrong
        .verify_id_number(&verification("order-1"))
        .unwrap_err();
    // The vendor answers a bad signature with PARAMETER_ERROR "Signature error".
    assert_eq!(error.code(), Some(ResponseCode::ParameterError), "{error}");
    assert!(!error.may_have_been_processed(), "{error}");
    assert_eq!(sandbox.request_count(Endpoint::IdNumberVerification), 0);

    // A code this library does not know: the server may have done the work.
    let error = client
        .verify_id_number(&verification("fault-unknown-code"))
        .unwrap_err();
    assert!(matches!(error, Error::Api { .. }), "{error}");
    assert!(error.may_have_been_processed(), "{error}");
}
