//! The shared rate limit: requests start no faster than the rate, whatever the concurrency.

use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Hands out start times at least `interval` apart to every worker.
#[derive(Debug)]
pub(crate) struct RateLimiter {
    interval: Duration,
    /// The earliest time the next request may start.
    next: Mutex<Option<Instant>>,
}

impl RateLimiter {
    /// A limiter for `per_second` requests per second; `None` when the rate is not a
    /// finite number above zero or its interval does not fit a `Duration`.
    pub(crate) fn new(per_second: f64) -> Option<Self> {
        if !(per_second.is_finite() && per_second > 0.0) {
            return None;
        }
        let interval = Duration::try_from_secs_f64(1.0 / per_second).ok()?;
        Some(Self {
            interval,
            next: Mutex::new(None),
        })
    }

    /// Reserves the next start time for a request asking at `now`.
    fn reserve(&self, now: Instant) -> Instant {
        // A poisoned lock only means another worker panicked; the time inside is still valid.
        let mut next = self.next.lock().unwrap_or_else(|p| p.into_inner());
        let start = match *next {
            Some(at) if at > now => at,
            _ => now,
        };
        *next = Some(start + self.interval);
        start
    }

    /// Blocks until this caller may start a request.
    pub(crate) fn wait(&self) {
        let start = self.reserve(Instant::now());
        let now = Instant::now();
        if start > now {
            std::thread::sleep(start - now);
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    #[test]
    fn refuses_rates_it_cannot_keep() {
        assert!(RateLimiter::new(0.0).is_none());
        assert!(RateLimiter::new(-1.0).is_none());
        assert!(RateLimiter::new(f64::NAN).is_none());
        assert!(RateLimiter::new(f64::INFINITY).is_none());
        assert!(RateLimiter::new(1e-300).is_none());
        assert!(RateLimiter::new(1e9).is_some());
    }

    #[test]
    fn start_times_are_spaced_by_the_interval() {
        let limiter = RateLimiter::new(10.0).unwrap();
        let t0 = Instant::now();
        // Five callers asking at the same instant start 100 ms apart.
        let starts: Vec<Instant> = (0..5).map(|_| limiter.reserve(t0)).collect();
        for (i, start) in starts.iter().enumerate() {
            assert_eq!(*start - t0, Duration::from_millis(100) * i as u32);
        }
        // A caller arriving after a quiet period starts at once: no burst credit is kept,
        // so the rate holds over any window.
        let later = t0 + Duration::from_secs(10);
        assert_eq!(limiter.reserve(later), later);
        assert_eq!(limiter.reserve(later), later + Duration::from_millis(100));
    }

    #[test]
    fn real_clock_rate_holds_across_threads() {
        let limiter = RateLimiter::new(20.0).unwrap();
        let started = Instant::now();
        std::thread::scope(|scope| {
            for _ in 0..4 {
                scope.spawn(|| {
                    for _ in 0..5 {
                        limiter.wait();
                    }
                });
            }
        });
        // 20 starts at 20/s: the last starts 19 intervals (0.95 s) after the first.
        let elapsed = started.elapsed();
        assert!(elapsed >= Duration::from_millis(900), "took {elapsed:?}");
    }
}
