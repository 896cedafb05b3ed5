//! Every sandbox fault gives the answers of `tests/fixtures/fault_dispositions.tsv`, the
//! table the C, Go and CLI tests read too: one expectation for every layer.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use std::time::Duration;

use advanceai_sandbox::{DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY, Sandbox, SandboxConfig};
use advanceai_transport::{
    Client, ClientConfig, Error, GenerateUrlRequest, GetResultRequest, IdNumberVerificationRequest,
    Operation, ProxySetting, RetryPolicy,
};

/// One row of the fixture.
struct Expected {
    call: String,
    prefix: String,
    kind: String,
    code: Option<String>,
    retryable: bool,
    may_have_been_processed: bool,
    refuses_account: bool,
}

fn fixture() -> Vec<Expected> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/fault_dispositions.tsv"
    );
    let text = std::fs::read_to_string(path).unwrap();
    let flag = |value: &str| match value {
        "true" => true,
        "false" => false,
        other => panic!("not a flag: {other}"),
    };
    text.lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(|line| {
            let cells: Vec<&str> = line.split('\t').collect();
            assert_eq!(cells.len(), 7, "{line}");
            Expected {
                call: cells[0].to_owned(),
                prefix: cells[1].to_owned(),
                kind: cells[2].to_owned(),
                code: (cells[3] != "-").then(|| cells[3].to_owned()),
                retryable: flag(cells[4]),
                may_have_been_processed: flag(cells[5]),
                refuses_account: flag(cells[6]),
            }
        })
        .collect()
}

#[test]
fn every_fault_gives_the_fixtures_answers() {
    let sandbox = Sandbox::start(SandboxConfig::default()).unwrap();
    // Shorter than fault-delay-3000's delay; one attempt (the retries are tested elsewhere:
    // the answers do not depend on them).
    let config = ClientConfig::builder()
        .base_url(sandbox.base_url())
        .credentials(DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY)
        .proxy(ProxySetting::None)
        .timeout(Duration::from_millis(1500))
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
    let client = Client::new(config);
    let rows = fixture();
    assert!(rows.len() >= 16, "the fixture lost rows");
    for (n, row) in rows.iter().enumerate() {
        let (error, idempotency): (Error, _) = match row.call.as_str() {
            "verify" => {
                let request = IdNumberVerificationRequest::new(
                    format!("{}-{n}", row.prefix),
                    "user-1",
                    "NGA",
                    "BVN",
                    "22222222222",
                );
                let error = client.verify_id_number(&request).unwrap_err();
                (error, IdNumberVerificationRequest::DESCRIPTOR.idempotency)
            }
            "result" => {
                let page = client
                    .generate_url(&GenerateUrlRequest::new(
                        format!("result-{}-{n}", row.prefix),
                        "user-1",
                        "NGA",
                        "BVN",
                        "https://example.com/ok",
                        "https://example.com/fail",
                    ))
                    .unwrap();
                let request = GetResultRequest::new(page.signature_id.unwrap());
                let error = client.get_result(&request).unwrap_err();
                (error, GetResultRequest::DESCRIPTOR.idempotency)
            }
            other => panic!("unknown call {other}"),
        };
        let context = format!("{} {}: {error}", row.call, row.prefix);
        let disposition = error.disposition(idempotency);
        assert_eq!(disposition.kind.as_str(), row.kind, "{context}");
        assert_eq!(
            error.code().map(|c| c.as_str().to_owned()),
            row.code,
            "{context}"
        );
        assert_eq!(disposition.retryable, row.retryable, "{context}");
        assert_eq!(
            disposition.may_have_been_processed, row.may_have_been_processed,
            "{context}"
        );
        assert_eq!(
            disposition.refuses_account, row.refuses_account,
            "{context}"
        );
    }
}
