//! When a failed call is sent again, and after how long.
//!
//! # Never bill twice
//! * Idempotent calls (token, Get Result) are retried on connect errors, DNS failures,
//!   timeouts, I/O errors, HTTP 5xx and 429, and the codes `SERVICE_BUSY` and
//!   `RETRY_LATER`, honouring `Retry-After` (capped by [`RetryPolicy::max_retry_after`]),
//!   with exponential back-off and jitter.
//! * Billable calls (database verification, Generate URL) are retried **only** when the
//!   request provably never left this machine: connection refused, or the host name did
//!   not resolve. Once the request may have reached the server (a timeout, a cut
//!   connection, a 5xx, even `SERVICE_BUSY`), the error is returned as is; a transport
//!   error then says `may_have_been_sent: true`, and the caller decides whether to resend
//!   (and maybe pay twice).
//!
//! The decision itself is [`crate::Error::disposition`] (`client_retries`), made once for
//! every layer; this module holds the policy: how many attempts, and how long between them.
//!
//! A call answered `IAM_FAILED` is not counted here: it gets one forced token refresh and
//! one more try, whatever the endpoint (the server refused it, so nothing was billed).

use std::time::Duration;

use rand::Rng;

/// How many times a call is tried, and how long to wait in between.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct RetryPolicy {
    /// Tries in all, the first included (at least 1; default 3).
    pub max_attempts: u32,
    /// The back-off before the first retry (default 200 ms); doubled for each later one.
    pub initial_backoff: Duration,
    /// The longest back-off (default 5 s).
    pub max_backoff: Duration,
    /// The longest `Retry-After` honoured (default 10 s): a longer one is cut to this.
    pub max_retry_after: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_attempts: 3,
            initial_backoff: Duration::from_millis(200),
            max_backoff: Duration::from_secs(5),
            max_retry_after: Duration::from_secs(10),
        }
    }
}

impl RetryPolicy {
    /// No retries: every call is tried once.
    pub fn none() -> Self {
        Self {
            max_attempts: 1,
            ..Self::default()
        }
    }

    /// This policy with `attempts` tries in all.
    pub fn with_max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts;
        self
    }

    /// This policy with the given back-off bounds.
    pub fn with_backoff(mut self, initial: Duration, max: Duration) -> Self {
        self.initial_backoff = initial;
        self.max_backoff = max;
        self
    }

    /// This policy with the given cap on `Retry-After`.
    pub fn with_max_retry_after(mut self, cap: Duration) -> Self {
        self.max_retry_after = cap;
        self
    }

    /// The pause before retry number `retry` (1 for the first retry): the server's
    /// `Retry-After` when it sent one (capped), else exponential back-off with jitter (a
    /// random value between half and all of `initial * 2^(retry-1)`, capped).
    pub fn backoff(&self, retry: u32, retry_after: Option<Duration>) -> Duration {
        if let Some(wait) = retry_after {
            return wait.min(self.max_retry_after);
        }
        let factor = 1u32
            .checked_shl(retry.saturating_sub(1))
            .unwrap_or(u32::MAX);
        let full = self
            .initial_backoff
            .saturating_mul(factor)
            .min(self.max_backoff);
        let half = full / 2;
        let jitter_ms = u64::try_from((full - half).as_millis()).unwrap_or(u64::MAX);
        half + Duration::from_millis(rand::rng().random_range(0..=jitter_ms))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_with_jitter_and_caps() {
        let policy = RetryPolicy::default();
        for retry in 1..=10 {
            let wait = policy.backoff(retry, None);
            let full = Duration::from_millis(200)
                .saturating_mul(1 << (retry - 1))
                .min(Duration::from_secs(5));
            assert!(wait >= full / 2 && wait <= full, "{retry}: {wait:?}");
        }
        assert_eq!(
            policy.backoff(1, Some(Duration::from_secs(60))),
            Duration::from_secs(10)
        );
        assert_eq!(
            policy.backoff(1, Some(Duration::from_secs(1))),
            Duration::from_secs(1)
        );
    }
}
