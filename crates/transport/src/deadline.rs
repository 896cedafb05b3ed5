//! One deadline per call: everything a call does (its attempts, the pauses between them,
//! `Retry-After` waits, the token fetch it triggers) ends by it.
//!
//! The deadline sits beside the per-attempt timeout, as the AWS SDK's `operation_timeout`
//! sits beside `operation_attempt_timeout`: each attempt's timeout is cut to the time left,
//! and no pause runs past the deadline. A pause that would cross it ends the call at once
//! with [`Error::DeadlineReached`] (holding the last attempt's failure), instead of sleeping
//! until a retry that could not finish in time. Time is read from the client's [`Clock`],
//! so tests move it with a [`advanceai_core::ManualClock`] instead of waiting.

use std::time::Duration;

use advanceai_core::Clock;

use crate::error::Error;

/// The deadline of one call, started when the call starts.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Deadline<'a> {
    clock: &'a dyn Clock,
    limit: Duration,
    /// When the call must be over, on the clock's monotonic scale.
    ends: Duration,
}

impl<'a> Deadline<'a> {
    /// A deadline `limit` from now.
    pub(crate) fn start(clock: &'a dyn Clock, limit: Duration) -> Self {
        Self {
            clock,
            limit,
            ends: clock.monotonic().saturating_add(limit),
        }
    }

    /// The clock the deadline is measured with.
    pub(crate) fn clock(&self) -> &'a dyn Clock {
        self.clock
    }

    /// The time left (zero once the deadline has passed).
    pub(crate) fn remaining(&self) -> Duration {
        self.ends.saturating_sub(self.clock.monotonic())
    }

    /// The timeout of the next attempt: `timeout`, cut to the time left; and whether it was
    /// cut (then a timeout of that attempt is the deadline's doing).
    pub(crate) fn attempt_timeout(&self, timeout: Duration) -> (Duration, bool) {
        let remaining = self.remaining();
        if remaining < timeout {
            (remaining, true)
        } else {
            (timeout, false)
        }
    }

    /// Sleeps `pause` on the clock if the deadline leaves time for something after it;
    /// `false` (and no sleep) when the pause would reach or cross the deadline.
    pub(crate) fn pause(&self, pause: Duration) -> bool {
        if pause >= self.remaining() {
            return false;
        }
        if !pause.is_zero() {
            self.clock.sleep(pause);
        }
        true
    }

    /// The error of a call that ran out of time, after `last` (`None`: nothing was sent).
    pub(crate) fn reached(&self, last: Option<Error>) -> Error {
        Error::DeadlineReached {
            deadline: self.limit,
            last: last.map(Box::new),
        }
    }
}

#[cfg(test)]
mod tests {
    use advanceai_core::ManualClock;

    use super::*;

    #[test]
    fn attempts_are_cut_to_the_time_left_and_no_pause_crosses_it() {
        let clock = ManualClock::new(1_000_000);
        let deadline = Deadline::start(&clock, Duration::from_secs(10));
        let thirty = Duration::from_secs(30);
        assert_eq!(
            deadline.attempt_timeout(thirty),
            (Duration::from_secs(10), true)
        );
        assert_eq!(
            deadline.attempt_timeout(Duration::from_secs(2)),
            (Duration::from_secs(2), false)
        );
        // A pause that leaves time is slept on the clock.
        assert!(deadline.pause(Duration::from_secs(4)));
        assert_eq!(deadline.remaining(), Duration::from_secs(6));
        // One that would reach the deadline is not slept at all.
        assert!(!deadline.pause(Duration::from_secs(6)));
        assert_eq!(deadline.remaining(), Duration::from_secs(6));
        clock.advance(Duration::from_secs(7));
        assert_eq!(deadline.remaining(), Duration::ZERO);
        assert_eq!(deadline.attempt_timeout(thirty), (Duration::ZERO, true));
        let error = deadline.reached(None);
        assert!(error.to_string().contains("deadline of 10s"), "{error}");
        assert!(!error.may_have_been_processed());
    }
}
