//! One deadline per call, `Retry-After` in every form, and polling: what each costs in
//! time. Pauses run on a manual clock, so the figures are exact and nothing sleeps; only the
//! tests of a cut attempt (a real socket timeout) take real time.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod support;

use std::net::TcpListener;
use std::time::{Duration, Instant};

use advanceai_core::{Endpoint, GetResultRequest, IdNumberVerificationRequest, ResponseCode};
use advanceai_sandbox::Clock;
use advanceai_sandbox::{DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY};
use advanceai_transport::{
    Client, ClientConfig, ConfigError, DEFAULT_DEADLINE, DEFAULT_TIMEOUT, Error, ErrorKind,
    Operation, ProxySetting, RetryPolicy, WaitOptions,
};
use support::*;

fn verification(biz_id: &str) -> IdNumberVerificationRequest {
    IdNumberVerificationRequest::new(biz_id, "user-1", "NGA", "BVN", "22222222222")
}

#[test]
fn defaults_and_refusals() {
    assert_eq!(DEFAULT_DEADLINE, Duration::from_secs(60));
    assert_eq!(DEFAULT_TIMEOUT, Duration::from_secs(30));
    let config = ClientConfig::builder()
        .credentials("a", "b")
        .build()
        .unwrap();
    assert_eq!(config.deadline(), DEFAULT_DEADLINE);
    let zero = ClientConfig::builder()
        .credentials("a", "b")
        .deadline(Duration::ZERO)
        .build()
        .unwrap_err();
    assert_eq!(zero, ConfigError::ZeroTimeout("deadline"));
    assert!(
        zero.to_string()
            .contains("deadline timeout must be greater than zero")
    );
}

#[test]
fn no_pause_crosses_the_deadline() {
    let sandbox = sandbox();
    let clock = clock_now();
    let client = Client::new(
        builder(&sandbox, &clock)
            .retry(
                RetryPolicy::default()
                    .with_max_attempts(10)
                    .with_max_retry_after(Duration::from_secs(60)),
            )
            .deadline(Duration::from_millis(2500))
            .build()
            .unwrap(),
    );
    client.token().unwrap();
    // SERVICE_BUSY with Retry-After: 1 at 0 s, 1 s and 2 s; the pause after the third would
    // end at 3 s, past the 2.5 s deadline: the call ends at 2 s with that answer.
    let (error, took) = timed(&clock, || {
        client
            .get_result(&faulty_result("fault-busy", 1))
            .unwrap_err()
    });
    assert_eq!(took, Duration::from_secs(2));
    assert_eq!(sandbox.request_count(Endpoint::GetResult), 3);
    assert!(error.deadline_reached(), "{error}");
    assert_eq!(error.code(), Some(ResponseCode::ServiceBusy));
    assert!(error.transaction_id().is_some());
    assert_eq!(error.kind(), ErrorKind::Api);
    let text = error.to_string();
    assert!(
        text.contains("deadline of 2.5s was reached (the request was not processed)"),
        "{text}"
    );
    let verdict = error.disposition(GetResultRequest::DESCRIPTOR.idempotency);
    assert!(verdict.retryable && !verdict.client_retries && !verdict.may_have_been_processed);

    // Per call: a longer deadline on a clone gets the ten attempts (nine pauses of 1 s).
    sandbox.reset_request_counts();
    let (error, took) = timed(&clock, || {
        client
            .with_deadline(Duration::from_secs(30))
            .get_result(&faulty_result("fault-busy", 2))
            .unwrap_err()
    });
    assert!(!error.deadline_reached(), "{error}");
    assert_eq!(took, Duration::from_secs(9));
    assert_eq!(sandbox.request_count(Endpoint::GetResult), 10);
}

#[test]
fn an_attempt_is_cut_to_the_time_the_deadline_leaves() {
    let sandbox = sandbox();
    let client = Client::new(
        ClientConfig::builder()
            .base_url(sandbox.base_url())
            .credentials(DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY)
            .proxy(ProxySetting::None)
            .timeout(Duration::from_secs(5))
            .deadline(Duration::from_millis(300))
            .build()
            .unwrap(),
    );
    client.token().unwrap();
    for (name, call) in [
        (
            "get_result",
            Box::new(|| {
                client
                    .get_result(&faulty_result("fault-delay-3000", 1))
                    .map(drop)
            }) as Box<dyn Fn() -> Result<(), Error>>,
        ),
        (
            "verify",
            Box::new(|| {
                client
                    .verify_id_number(&verification("fault-delay-3000-v"))
                    .map(drop)
            }),
        ),
    ] {
        let start = Instant::now();
        let error = call().unwrap_err();
        let took = start.elapsed();
        // The 5 s attempt timeout was cut to the 300 ms the deadline left.
        assert!(
            took >= Duration::from_millis(250) && took < Duration::from_millis(1500),
            "{name}: {took:?}"
        );
        assert!(error.deadline_reached(), "{name}: {error}");
        assert_eq!(error.kind(), ErrorKind::Timeout, "{name}");
        assert!(error.may_have_been_processed(), "{name}");
        let text = error.to_string();
        assert!(
            text.contains("deadline of 300ms was reached (the request may have been processed)"),
            "{name}: {text}"
        );
    }
    // Each was sent once: the time was up.
    assert_eq!(sandbox.request_count(Endpoint::GetResult), 1);
    assert_eq!(sandbox.request_count(Endpoint::IdNumberVerification), 1);
}

#[test]
fn the_token_fetch_a_call_starts_is_bounded_by_its_deadline() {
    // A server that takes connections and never answers.
    let silent = TcpListener::bind("127.0.0.1:0").unwrap();
    let client = Client::new(
        ClientConfig::builder()
            .base_url(format!("http://{}", silent.local_addr().unwrap()))
            .credentials("a", "b")
            .proxy(ProxySetting::None)
            .timeout(Duration::from_secs(5))
            .deadline(Duration::from_millis(300))
            .build()
            .unwrap(),
    );
    let start = Instant::now();
    let error = client
        .verify_id_number(&verification("order-1"))
        .unwrap_err();
    let took = start.elapsed();
    assert!(took < Duration::from_millis(1500), "{took:?}");
    assert!(matches!(error, Error::TokenUnavailable(_)), "{error}");
    assert!(error.deadline_reached(), "{error}");
    assert_eq!(error.kind(), ErrorKind::Timeout);
    // The verification itself was never sent.
    assert!(!error.may_have_been_processed());
    assert!(error.to_string().contains("deadline of 300ms"), "{error}");
}

#[test]
fn retry_after_as_seconds_with_a_unit() {
    let sandbox = sandbox();
    let clock = clock_now();
    let client = client(&sandbox, &clock);
    client.token().unwrap();
    // Retry-After: 10s, twice: 20 s, within the 60 s deadline.
    let (error, took) = timed(&clock, || {
        client
            .get_result(&faulty_result("fault-busy-10s", 1))
            .unwrap_err()
    });
    assert_eq!(took, Duration::from_secs(20));
    assert_eq!(error.code(), Some(ResponseCode::ServiceBusy));
    assert!(!error.deadline_reached());
    assert_eq!(sandbox.request_count(Endpoint::GetResult), 3);

    // The cap (max Retry-After honoured) applies to every form.
    let capped = Client::new(
        builder(&sandbox, &clock)
            .retry(RetryPolicy::default().with_max_retry_after(Duration::from_secs(3)))
            .build()
            .unwrap(),
    );
    let (_, took) = timed(&clock, || {
        capped
            .get_result(&faulty_result("fault-busy-10s", 2))
            .unwrap_err()
    });
    assert_eq!(took, Duration::from_secs(6));

    // A 15 s deadline: one 10 s pause fits, the second would cross it.
    let (error, took) = timed(&clock, || {
        client
            .with_deadline(Duration::from_secs(15))
            .get_result(&faulty_result("fault-busy-10s", 3))
            .unwrap_err()
    });
    assert_eq!(took, Duration::from_secs(10));
    assert!(error.deadline_reached(), "{error}");
}

#[test]
fn retry_after_as_an_http_date() {
    // One clock for both sides: the date is the sandbox's now + 2 s, read against the
    // client's now.
    let clock = advanceai_transport::ManualClock::new(START_MS);
    let sandbox = sandbox_on(&clock);
    let client = client(&sandbox, &clock);
    client.token().unwrap();
    let (error, took) = timed(&clock, || {
        client
            .get_result(&faulty_result("fault-busy-date", 1))
            .unwrap_err()
    });
    assert_eq!(advanceai_sandbox::BUSY_DATE_AHEAD, Duration::from_secs(2));
    assert_eq!(took, Duration::from_secs(4));
    assert_eq!(error.code(), Some(ResponseCode::ServiceBusy));
    assert_eq!(sandbox.request_count(Endpoint::GetResult), 3);
}

#[test]
fn service_busy_on_http_429_is_service_busy_on_200() {
    let sandbox = sandbox();
    let clock = clock_now();
    let client = client(&sandbox, &clock);
    client.token().unwrap();
    let mut answers = Vec::new();
    for fault in ["fault-busy", "fault-busy-429"] {
        sandbox.reset_request_counts();
        let (error, took) = timed(&clock, || {
            client.get_result(&faulty_result(fault, 1)).unwrap_err()
        });
        // Retried alike: Retry-After: 1, twice.
        assert_eq!(took, Duration::from_secs(2), "{fault}");
        assert_eq!(sandbox.request_count(Endpoint::GetResult), 3, "{fault}");
        assert!(
            matches!(
                error,
                Error::Api {
                    code: ResponseCode::ServiceBusy,
                    retryable: true,
                    ..
                }
            ),
            "{fault}: {error}"
        );
        // Billable: not retried, nothing processed, may be resent later.
        let billable = client
            .verify_id_number(&verification(&format!("{fault}-v")))
            .unwrap_err();
        assert_eq!(sandbox.request_count(Endpoint::IdNumberVerification), 1);
        answers.push((
            error.disposition(GetResultRequest::DESCRIPTOR.idempotency),
            billable.disposition(IdNumberVerificationRequest::DESCRIPTOR.idempotency),
            billable.code(),
        ));
    }
    assert_eq!(answers[0], answers[1]);
    assert!(!answers[1].1.may_have_been_processed && answers[1].1.retryable);
}

#[test]
fn wait_for_result_polls_until_final_or_deadline() {
    let sandbox = sandbox();
    // The wait runs on the client's clock: its pauses move it, nothing sleeps.
    let clock = clock_now();
    let client = client(&sandbox, &clock);
    let signature_id = client
        .generate_url(&advanceai_core::GenerateUrlRequest::new(
            "order-w",
            "user-1",
            "NGA",
            "BVN",
            "https://example.com/ok",
            "https://example.com/fail",
        ))
        .unwrap()
        .signature_id
        .unwrap();
    let options = WaitOptions::new(Duration::from_millis(150))
        .with_intervals(Duration::from_millis(10), Duration::from_millis(40));
    let before = clock.now_ms();
    let error = client
        .wait_for_result(&signature_id, options.clone())
        .unwrap_err();
    // Polls at 0, 10, 30, 70, 110 and 150 ms; the pauses double from 10 to 40 ms and the
    // last is cut to the 150 ms the wait had.
    assert!(
        matches!(error, Error::ResultPending { waited } if waited == Duration::from_millis(150)),
        "{error}"
    );
    assert_eq!(clock.now_ms() - before, 150);
    assert_eq!(sandbox.request_count(Endpoint::GetResult), 6);

    // Complete it, as the user would, then the wait ends at once.
    let agent = ureq::Agent::new_with_defaults();
    agent
        .post(&format!("{}/sandbox/complete", sandbox.base_url()))
        .header("Content-Type", "application/json")
        .send(format!(r#"{{"signatureId":"{signature_id}","outcome":"PASS"}}"#).as_str())
        .unwrap();
    let before = clock.now_ms();
    let data = client
        .wait_for_result(&signature_id, WaitOptions::new(Duration::from_secs(5)))
        .unwrap();
    assert!(data.is_final() && data.passed());
    assert_eq!(clock.now_ms(), before);
}
