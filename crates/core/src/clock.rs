//! The clock and sleeper everything time-related runs on, injectable so tests can move time.
//!
//! One definition for every layer: the client and the sandbox take the same [`Clock`], so a
//! test can drive both with one [`ManualClock`]. Reading the wall clock and sleeping are the
//! only things here that touch the outside world; nothing in this crate does either unless
//! asked to.

use std::fmt;
use std::sync::Arc;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// A source of the current time, and a way to wait.
///
/// The client measures everything with it: token timestamps and expiry ([`Clock::now_ms`]),
/// a call's deadline and the pauses between attempts and polls ([`Clock::monotonic`],
/// [`Clock::sleep`]). Only the per-request socket timeouts are left to the HTTP library, in
/// real time. With a [`ManualClock`], sleeping moves the clock instead of waiting, so tests of
/// retries, deadlines and polling run at once and always alike.
pub trait Clock: Send + Sync + fmt::Debug {
    /// The current time in epoch milliseconds.
    fn now_ms(&self) -> u64;

    /// Time since a fixed, arbitrary origin that never goes backwards: durations are
    /// measured with it. Default: the machine's monotonic clock.
    fn monotonic(&self) -> Duration {
        static ORIGIN: OnceLock<Instant> = OnceLock::new();
        ORIGIN.get_or_init(Instant::now).elapsed()
    }

    /// Waits `duration`. Default: the current thread sleeps.
    fn sleep(&self, duration: Duration) {
        std::thread::sleep(duration);
    }
}

/// The machine's wall clock (the default).
#[derive(Clone, Copy, Debug, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now_ms(&self) -> u64 {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
            .unwrap_or(0)
    }
}

/// A clock that moves only when told to, or when something sleeps on it; clones share the
/// same time.
///
/// [`Clock::sleep`] returns at once and moves the clock forward by the duration, so a test
/// can check exactly how long a call would have waited.
///
/// ```
/// use advanceai_core::{Clock, ManualClock};
/// use std::time::Duration;
///
/// let clock = ManualClock::new(1_700_000_000_000);
/// clock.advance(Duration::from_secs(1));
/// assert_eq!(clock.now_ms(), 1_700_000_001_000);
/// let before = clock.monotonic();
/// clock.sleep(Duration::from_millis(250)); // returns at once
/// assert_eq!(clock.monotonic() - before, Duration::from_millis(250));
/// ```
#[derive(Clone, Debug, Default)]
pub struct ManualClock(Arc<AtomicU64>);

impl ManualClock {
    /// A clock stopped at `now_ms`.
    pub fn new(now_ms: u64) -> Self {
        Self(Arc::new(AtomicU64::new(now_ms)))
    }

    /// A clock stopped at the current wall-clock time.
    pub fn starting_now() -> Self {
        Self::new(SystemClock.now_ms())
    }

    /// Moves the clock forward.
    pub fn advance(&self, by: Duration) {
        let millis = u64::try_from(by.as_millis()).unwrap_or(u64::MAX);
        self.0.fetch_add(millis, Ordering::SeqCst);
    }

    /// Sets the clock to `now_ms`.
    pub fn set(&self, now_ms: u64) {
        self.0.store(now_ms, Ordering::SeqCst);
    }
}

impl Clock for ManualClock {
    fn now_ms(&self) -> u64 {
        self.0.load(Ordering::SeqCst)
    }

    /// The clock's own time: moved by [`ManualClock::advance`], [`ManualClock::set`] and
    /// [`Clock::sleep`].
    fn monotonic(&self) -> Duration {
        Duration::from_millis(self.now_ms())
    }

    /// Returns at once, the clock moved forward by `duration`.
    fn sleep(&self, duration: Duration) {
        self.advance(duration);
    }
}
