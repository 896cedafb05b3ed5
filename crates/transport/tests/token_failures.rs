//! Token failures: the clock refused (with the skew the server's Date shows), and the pause
//! before fetching again after a failure, measured on the client's clock.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod support;

use std::time::Duration;

use advanceai_core::{Endpoint, IdNumberVerificationRequest, ResponseCode};
use advanceai_transport::{Client, Error, ErrorKind, ManualClock, Operation};
use support::*;

#[test]
fn a_refused_timestamp_reports_the_clock_and_its_skew() {
    for (offset_ms, expected) in [
        (
            312_000_i64,
            "the local clock is 312 s ahead of the server's",
        ),
        (-400_000, "the local clock is 400 s behind the server's"),
    ] {
        let server_clock = ManualClock::new(START_MS);
        let sandbox = sandbox_on(&server_clock);
        let local = ManualClock::new(START_MS.checked_add_signed(offset_ms).unwrap());
        let client = client(&sandbox, &local);

        let error = client.token().unwrap_err();
        assert!(matches!(error, Error::ClockSkew { .. }), "{error}");
        assert_eq!(error.clock_skew_ms(), Some(offset_ms));
        assert!(error.to_string().starts_with(expected), "{error}");
        // Still the API's answer: kind API_ERROR, code PARAMETER_ERROR, its transaction id.
        assert_eq!(error.kind(), ErrorKind::Api);
        assert_eq!(error.code(), Some(ResponseCode::ParameterError));
        assert!(error.transaction_id().is_some());

        // Any other call: not sent, and no call can succeed until the clock is fixed.
        let request = IdNumberVerificationRequest::new("b-1", "u", "NGA", "BVN", "22222222222");
        let error = client.verify_id_number(&request).unwrap_err();
        // (Fetched again after the pause that follows a failure: the local clock moved.)
        assert!(error.is_clock_skew(), "{error}");
        let skew = error.clock_skew_ms().unwrap();
        assert!((offset_ms..=offset_ms + 1000).contains(&skew), "{error}");
        let verdict = error.disposition(IdNumberVerificationRequest::DESCRIPTOR.idempotency);
        assert!(verdict.refuses_account && !verdict.may_have_been_processed);
        assert_eq!(sandbox.request_count(Endpoint::IdNumberVerification), 0);
    }
}

#[test]
fn the_next_fetch_after_a_failure_waits_a_short_pause() {
    let sandbox = sandbox();
    let clock = clock_now();
    let client = Client::new(
        builder(&sandbox, &clock)
            .credentials(advanceai_sandbox::DEFAULT_ACCESS_KEY, "not-the-secret")
            .build()
            .unwrap(),
    );
    let (error, took) = timed(&clock, || client.token().unwrap_err());
    assert_eq!(error.code(), Some(ResponseCode::ParameterError));
    assert_eq!(took, Duration::ZERO);
    assert_eq!(sandbox.request_count(Endpoint::Token), 1);
    // The next fetch is sent after 200 ms to 1 s (jittered) on the client's clock.
    for n in 2..=6 {
        let (error, took) = timed(&clock, || client.token().unwrap_err());
        assert_eq!(error.code(), Some(ResponseCode::ParameterError));
        assert!(
            took >= Duration::from_millis(200) && took <= Duration::from_secs(1),
            "{took:?}"
        );
        assert_eq!(sandbox.request_count(Endpoint::Token), n);
    }
}
