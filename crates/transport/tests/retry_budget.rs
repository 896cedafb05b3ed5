//! The retry budget: during an outage, calls from many threads send at most one request
//! each plus what the shared budget allows, counted on the sandbox's side.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod support;

use std::sync::Arc;

use advanceai_core::Endpoint;
use advanceai_transport::{Client, DEFAULT_RETRY_BUDGET, Error, RetryPolicy};
use support::*;

/// What a retry after an HTTP 502 costs: the AWS SDKs' RETRY_COST.
const RETRY_COST: u64 = 5;

fn with_policy(
    sandbox: &advanceai_sandbox::RunningSandbox,
    clock: &advanceai_transport::ManualClock,
    retry: RetryPolicy,
) -> Client {
    Client::new(builder(sandbox, clock).retry(retry).build().unwrap())
}

#[test]
fn an_outage_costs_one_request_per_call_plus_the_budget() {
    let sandbox = sandbox();
    let clock = clock_now();
    let capacity: u32 = 50;
    let client = with_policy(
        &sandbox,
        &clock,
        RetryPolicy::default().with_budget(capacity),
    );
    client.token().unwrap();
    assert_eq!(client.retry_tokens(), Some(capacity));

    // 200 Get Result calls (idempotent: 3 attempts each without a budget) from 20 threads,
    // each on its own clone, while every answer is HTTP 502.
    let calls: u64 = 200;
    let threads: Vec<_> = (0..20)
        .map(|t| {
            let client = client.clone();
            std::thread::spawn(move || {
                (0..calls / 20)
                    .map(|i| {
                        let n = usize::try_from(t * 100 + i).unwrap();
                        client
                            .get_result(&faulty_result("fault-502", n))
                            .unwrap_err()
                    })
                    .collect::<Vec<Error>>()
            })
        })
        .collect();
    for thread in threads {
        for error in thread.join().unwrap() {
            assert_eq!(error.http_status(), Some(502), "{error}");
        }
    }
    let sent = sandbox.request_count(Endpoint::GetResult);
    let allowed = u64::from(capacity) / RETRY_COST;
    assert!(sent <= calls + allowed, "{sent} requests");
    // Exactly: the budget was spent to the last retry it could pay for.
    assert_eq!(sent, calls + allowed);
    assert_eq!(client.retry_tokens(), Some(0));

    // Successes refill it, one token each: five successful calls pay for one more retry.
    for _ in 0..5 {
        client.health("NG_BVN").unwrap();
    }
    assert_eq!(client.retry_tokens(), Some(5));
    sandbox.reset_request_counts();
    client
        .get_result(&faulty_result("fault-502", 9999))
        .unwrap_err();
    assert_eq!(sandbox.request_count(Endpoint::GetResult), 2);
    assert_eq!(client.retry_tokens(), Some(0));
}

#[test]
fn without_a_budget_every_call_uses_its_attempts() {
    let sandbox = sandbox();
    let clock = clock_now();
    let client = with_policy(&sandbox, &clock, RetryPolicy::default().without_budget());
    assert_eq!(client.retry_tokens(), None);
    let client = Arc::new(client);
    for n in 0..20 {
        client
            .get_result(&faulty_result("fault-502", n))
            .unwrap_err();
    }
    assert_eq!(sandbox.request_count(Endpoint::GetResult), 60);
}

#[test]
fn the_default_budget_is_the_sdks_and_zero_is_refused() {
    assert_eq!(DEFAULT_RETRY_BUDGET, 500);
    assert_eq!(RetryPolicy::default().budget, Some(500));
    let refused = advanceai_transport::ClientConfig::builder()
        .credentials("a", "b")
        .retry(RetryPolicy::default().with_budget(0))
        .build()
        .unwrap_err();
    assert_eq!(refused, advanceai_transport::ConfigError::ZeroRetryBudget);
}
