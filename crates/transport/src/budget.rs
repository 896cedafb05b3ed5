//! The retry budget: a token bucket shared by every clone of a client, in the manner of the
//! AWS SDKs' standard retry mode, so that an outage does not multiply the traffic by the
//! number of attempts.
//!
//! A retry is sent only if the bucket can pay its cost; a call that succeeds puts a token
//! back, up to the capacity. While everything fails, nothing is put back: once the bucket is
//! empty, every call is tried once and returns its error, and retries come back as calls
//! succeed again.

use std::sync::atomic::{AtomicU32, Ordering};

use crate::error::Error;

// The AWS SDKs' published standard-mode numbers (capacity 500, retry 5, timeout retry 10,
// 1 back per success without retry): smithy-rs `aws-smithy-runtime`
// `client/retries/token_bucket.rs` (`DEFAULT_CAPACITY = 500`, `RETRY_COST = 5`,
// `RETRY_TIMEOUT_COST = RETRY_COST * 2`, `PERMIT_REGENERATION_AMOUNT = 1`); the JavaScript
// SDK v3's `@aws-sdk/middleware-retry` constants (`INITIAL_RETRY_TOKENS = 500`,
// `RETRY_COST = 5`, `TIMEOUT_RETRY_COST = 10`, `NO_RETRY_INCREMENT = 1`). The capacity is
// `crate::config::DEFAULT_RETRY_BUDGET`.

/// What a retry after a transport failure costs (a timeout, a reset or refused connection):
/// smithy's `RETRY_TIMEOUT_COST`, which it charges for every connection-level
/// `TransientError`.
pub(crate) const TRANSPORT_RETRY_COST: u32 = 10;
/// What a retry after any other transient failure costs (`SERVICE_BUSY`, `RETRY_LATER`,
/// HTTP 5xx or 429): the SDKs' `RETRY_COST`.
pub(crate) const RETRY_COST: u32 = 5;
/// What a successful call puts back, up to the capacity: the SDKs' `NO_RETRY_INCREMENT`.
pub(crate) const SUCCESS_REFUND: u32 = 1;

// A transport failure says more about the health of the path than a throttling answer.
const _: () = assert!(TRANSPORT_RETRY_COST > RETRY_COST);

/// The cost of retrying after `error`.
pub(crate) fn retry_cost(error: &Error) -> u32 {
    match error {
        Error::Transport { .. } => TRANSPORT_RETRY_COST,
        _ => RETRY_COST,
    }
}

/// The bucket: `capacity` tokens when full.
#[derive(Debug)]
pub(crate) struct RetryBudget {
    capacity: u32,
    tokens: AtomicU32,
}

impl RetryBudget {
    /// A full bucket.
    pub(crate) fn new(capacity: u32) -> Self {
        Self {
            capacity,
            tokens: AtomicU32::new(capacity),
        }
    }

    /// Takes the cost of a retry after `error`; `false` (and nothing taken) when the bucket
    /// cannot pay it.
    pub(crate) fn try_spend(&self, error: &Error) -> bool {
        let cost = retry_cost(error);
        self.tokens
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |tokens| {
                tokens.checked_sub(cost)
            })
            .is_ok()
    }

    /// Puts back what a successful call earns, up to the capacity.
    pub(crate) fn refund_success(&self) {
        let capacity = self.capacity;
        // `fetch_update` only fails when the closure returns None, which this one never does.
        let _ = self
            .tokens
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |tokens| {
                Some(tokens.saturating_add(SUCCESS_REFUND).min(capacity))
            });
    }

    /// The tokens in the bucket now.
    pub(crate) fn available(&self) -> u32 {
        self.tokens.load(Ordering::SeqCst)
    }
}

#[cfg(test)]
mod tests {
    use advanceai_core::ResponseCode;

    use super::*;
    use crate::error::TransportErrorKind;

    fn busy() -> Error {
        Error::Api {
            code: ResponseCode::ServiceBusy,
            message: String::new(),
            transaction_id: None,
            retryable: true,
        }
    }

    fn timeout() -> Error {
        Error::Transport {
            kind: TransportErrorKind::Timeout,
            may_have_been_sent: true,
            detail: String::new(),
        }
    }

    #[test]
    fn retries_cost_until_the_bucket_is_empty_and_successes_refill_it() {
        let budget = RetryBudget::new(22);
        assert!(budget.try_spend(&timeout()));
        assert_eq!(budget.available(), 12);
        assert!(budget.try_spend(&busy()));
        assert!(budget.try_spend(&busy()));
        assert_eq!(budget.available(), 2);
        // Cannot pay: nothing is taken.
        assert!(!budget.try_spend(&busy()));
        assert!(!budget.try_spend(&timeout()));
        assert_eq!(budget.available(), 2);
        for _ in 0..3 {
            budget.refund_success();
        }
        assert_eq!(budget.available(), 5);
        assert!(budget.try_spend(&busy()));
        assert_eq!(budget.available(), 0);
        // Refunds stop at the capacity.
        for _ in 0..100 {
            budget.refund_success();
        }
        assert_eq!(budget.available(), 22);
    }

    #[test]
    fn a_transport_failure_costs_more_than_a_throttling_answer() {
        assert_eq!(retry_cost(&timeout()), TRANSPORT_RETRY_COST);
        assert_eq!(retry_cost(&busy()), RETRY_COST);
        let bad_gateway = Error::UnexpectedResponse {
            status: 502,
            content_type: None,
            excerpt: None,
        };
        assert_eq!(retry_cost(&bad_gateway), RETRY_COST);
    }

    #[test]
    fn threads_never_overspend() {
        let budget = std::sync::Arc::new(RetryBudget::new(500));
        let threads: Vec<_> = (0..8)
            .map(|_| {
                let budget = std::sync::Arc::clone(&budget);
                std::thread::spawn(move || (0..100).filter(|_| budget.try_spend(&busy())).count())
            })
            .collect();
        let spent: usize = threads.into_iter().map(|t| t.join().unwrap_or(0)).sum();
        assert_eq!(spent, 100);
        assert_eq!(budget.available(), 0);
    }
}
