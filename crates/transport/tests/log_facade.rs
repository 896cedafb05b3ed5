//! Users of the `log` facade (and no tracing subscriber) still see each attempt: tracing's
//! `log` feature turns the client's events into log records, without a secret.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use std::sync::Mutex;

use advanceai_core::IdNumberVerificationRequest;
use advanceai_sandbox::{DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY, Sandbox, SandboxConfig};
use advanceai_transport::{Client, ClientConfig, ProxySetting};

/// Every record logged, as `level target: message`.
static RECORDS: Mutex<Vec<String>> = Mutex::new(Vec::new());

struct Capture;

impl log::Log for Capture {
    fn enabled(&self, _: &log::Metadata<'_>) -> bool {
        true
    }
    fn log(&self, record: &log::Record<'_>) {
        let line = format!("{} {}: {}", record.level(), record.target(), record.args());
        RECORDS.lock().unwrap().push(line);
    }
    fn flush(&self) {}
}

#[test]
fn log_users_see_every_attempt() {
    log::set_logger(&Capture).unwrap();
    log::set_max_level(log::LevelFilter::Trace);
    let sandbox = Sandbox::start(SandboxConfig::default()).unwrap();
    let client = Client::new(
        ClientConfig::builder()
            .base_url(sandbox.base_url())
            .credentials(DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY)
            .proxy(ProxySetting::None)
            .build()
            .unwrap(),
    );
    let number = "22222222222";
    let request = IdNumberVerificationRequest::new("order-log", "user-1", "NGA", "BVN", number);
    client.verify_id_number(&request).unwrap();
    let token = client.token().unwrap();

    let records = RECORDS.lock().unwrap().clone();
    let attempts: Vec<&String> = records
        .iter()
        .filter(|r| r.starts_with("DEBUG advanceai_transport") && r.contains("attempt finished"))
        .collect();
    assert_eq!(attempts.len(), 2, "{records:#?}");
    assert!(
        attempts[0].contains("endpoint=\"token\""),
        "{}",
        attempts[0]
    );
    let verify = attempts[1];
    assert!(
        verify.contains("endpoint=\"id_number_verification\""),
        "{verify}"
    );
    assert!(verify.contains("attempt=1"), "{verify}");
    assert!(verify.contains("outcome=\"SUCCESS\""), "{verify}");
    assert!(verify.contains("latency_ms="), "{verify}");
    for record in &records {
        for private in [
            DEFAULT_ACCESS_KEY,
            DEFAULT_SECRET_KEY,
            number,
            token.expose(),
        ] {
            assert!(
                !record.contains(private),
                "a log record carries a private value"
            );
        }
    }
}
