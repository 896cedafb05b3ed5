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
//!
//! Two limits sit above the attempts: the call's deadline (`crate::deadline`: no pause
//! crosses it) and the client's retry budget (`crate::budget`: a retry the bucket cannot pay
//! is not sent).
//!
//! # `Retry-After`
//! Read by [`parse_retry_after`], in every form seen: delta seconds (`10`), seconds with a
//! unit (`10s`), and an HTTP date (RFC 9110: IMF-fixdate, and the obsolete RFC 850 and
//! asctime forms a recipient must accept), measured against the client's clock. Whatever
//! the form, at most [`RetryPolicy::max_retry_after`] is waited.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use rand::Rng;

use crate::config::DEFAULT_RETRY_BUDGET;

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
    /// The capacity, in tokens, of the retry budget every clone of the client shares
    /// (default [`DEFAULT_RETRY_BUDGET`], 500); `None` turns the budget off. A retry after a
    /// transport failure costs 10, after any other failure 5; a successful call puts 1 back.
    pub budget: Option<u32>,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_attempts: 3,
            initial_backoff: Duration::from_millis(200),
            max_backoff: Duration::from_secs(5),
            max_retry_after: Duration::from_secs(10),
            budget: Some(DEFAULT_RETRY_BUDGET),
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

    /// This policy with a retry budget of `capacity` tokens (greater than zero, checked when
    /// the configuration is built).
    pub fn with_budget(mut self, capacity: u32) -> Self {
        self.budget = Some(capacity);
        self
    }

    /// This policy without a retry budget: every call may use all its attempts, whatever
    /// the others do.
    pub fn without_budget(mut self) -> Self {
        self.budget = None;
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

/// The wait a `Retry-After` header asks for, at `now_ms` (epoch milliseconds, the client's
/// clock): `10` and `10s` are 10 seconds; an HTTP date is the time from now until then
/// (zero once it has passed). `None` for anything else (a negative or fractional number, an
/// unknown unit, an unreadable date). Not capped here: [`RetryPolicy::backoff`] does that.
pub(crate) fn parse_retry_after(value: &str, now_ms: u64) -> Option<Duration> {
    let value = value.trim();
    let digits = value.strip_suffix('s').unwrap_or(value);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        return digits.parse::<u64>().ok().map(Duration::from_secs);
    }
    let date = httpdate::parse_http_date(value).ok()?;
    let now = UNIX_EPOCH + Duration::from_millis(now_ms);
    Some(date.duration_since(now).unwrap_or(Duration::ZERO))
}

/// An HTTP date header (`Date`) as epoch milliseconds; `None` when it does not parse.
pub(crate) fn parse_http_date_ms(value: &str) -> Option<u64> {
    let date: SystemTime = httpdate::parse_http_date(value.trim()).ok()?;
    let since = date.duration_since(UNIX_EPOCH).ok()?;
    u64::try_from(since.as_millis()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_in_every_form() {
        // 2015-10-21T07:28:00Z, as epoch milliseconds.
        let now_ms = 1_445_412_480_000;
        let secs = |s| Some(Duration::from_secs(s));
        assert_eq!(parse_retry_after("10", now_ms), secs(10));
        assert_eq!(parse_retry_after(" 10 ", now_ms), secs(10));
        assert_eq!(parse_retry_after("0", now_ms), secs(0));
        assert_eq!(parse_retry_after("10s", now_ms), secs(10));
        assert_eq!(parse_retry_after("120s", now_ms), secs(120));
        // IMF-fixdate, 90 s from now; the obsolete forms RFC 9110 says to accept.
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:29:30 GMT", now_ms),
            secs(90)
        );
        assert_eq!(
            parse_retry_after("Wednesday, 21-Oct-15 07:29:30 GMT", now_ms),
            secs(90)
        );
        assert_eq!(
            parse_retry_after("Wed Oct 21 07:29:30 2015", now_ms),
            secs(90)
        );
        // Measured from the given clock, to the millisecond.
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:28:02 GMT", now_ms + 500),
            Some(Duration::from_millis(1500))
        );
        // A date already past: retry now.
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:27:00 GMT", now_ms),
            secs(0)
        );
        for bad in [
            "",
            "s",
            "-1",
            "1.5",
            "10m",
            "10 s",
            "soon",
            "Wed, 21 Oct 2015",
        ] {
            assert_eq!(parse_retry_after(bad, now_ms), None, "{bad:?}");
        }
        assert_eq!(
            parse_http_date_ms("Wed, 21 Oct 2015 07:28:00 GMT"),
            Some(now_ms)
        );
        assert_eq!(parse_http_date_ms("yesterday"), None);
    }

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
