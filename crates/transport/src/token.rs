//! The token cache: fetched on first use, shared, refreshed near expiry, one fetch in
//! flight however many threads ask.
//!
//! A failed fetch is shared too: the threads waiting on it all get its error, instead of
//! each fetching again in turn. The next fetch after a failure first waits a short pause
//! ([`FETCH_RETRY_PAUSE`], jittered, on the client's clock, within the caller's deadline),
//! so that a failing token endpoint is not hammered by every call.

use std::ops::RangeInclusive;
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use advanceai_core::Secret;
use rand::Rng;

use crate::deadline::Deadline;
use crate::error::Error;

/// The pause before the next token fetch after a failed one: a random duration in this
/// range, so that many clients do not come back at the same instant.
pub(crate) const FETCH_RETRY_PAUSE: RangeInclusive<Duration> =
    Duration::from_millis(200)..=Duration::from_secs(1);

/// An access token and its expiry, from [`crate::Client::access_token`]. `Debug` shows the
/// expiry only.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct AccessToken {
    /// The token for the `X-ACCESS-TOKEN` header (redacted in `Debug`).
    pub token: Secret,
    /// The server's `expiredTime`: when the token stops working, epoch milliseconds.
    pub expired_time: u64,
}

/// A cached token and when the client should stop using it.
#[derive(Clone, Debug)]
pub(crate) struct Cached {
    pub(crate) value: Secret,
    /// The server's `expiredTime`, epoch milliseconds.
    pub(crate) expires_ms: u64,
    /// Increases with every fetched token; used to refresh a given token only once.
    pub(crate) generation: u64,
}

/// The last fetch's failure, kept until a fetch succeeds.
#[derive(Debug)]
struct Failed {
    /// Which fetch failed ([`State::fetches`] when it started).
    fetch: u64,
    error: Error,
    /// When the next fetch may be sent, on the clock's monotonic scale.
    retry_at: Duration,
}

#[derive(Debug, Default)]
struct State {
    token: Option<Cached>,
    fetching: bool,
    /// Fetches started so far; a waiter remembers the one it waits for.
    fetches: u64,
    generation: u64,
    failure: Option<Failed>,
    /// Threads waiting on a fetch now (for the tests: they wait until all are waiting).
    waiting: usize,
}

/// One token per client, behind a mutex; a condition variable makes the threads that find a
/// fetch in flight wait for its outcome instead of fetching too.
#[derive(Debug, Default)]
pub(crate) struct TokenCache {
    state: Mutex<State>,
    fetched: Condvar,
}

/// Clears the "fetch in flight" mark even if the fetch panics.
struct FetchGuard<'a>(&'a TokenCache);

impl Drop for FetchGuard<'_> {
    fn drop(&mut self) {
        self.0.lock().fetching = false;
        self.0.fetched.notify_all();
    }
}

/// A random pause in [`FETCH_RETRY_PAUSE`].
fn retry_pause() -> Duration {
    let (low, high) = (*FETCH_RETRY_PAUSE.start(), *FETCH_RETRY_PAUSE.end());
    let span_ms = u64::try_from((high - low).as_millis()).unwrap_or(0);
    low + Duration::from_millis(rand::rng().random_range(0..=span_ms))
}

impl TokenCache {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// A token that is still good at the clock's `now_ms() + margin_ms`, fetching one if
    /// needed, all within `deadline` (whose clock is the client's).
    ///
    /// `stale`: the generation of a token the server refused (`IAM_FAILED`); it is dropped
    /// if it is still the cached one, so several threads refused at once refresh once.
    pub(crate) fn get(
        &self,
        deadline: &Deadline<'_>,
        margin_ms: u64,
        stale: Option<u64>,
        fetch: &dyn Fn() -> Result<(Secret, u64), Error>,
    ) -> Result<Cached, Error> {
        let clock = deadline.clock();
        let mut state = self.lock();
        if let Some(stale) = stale {
            if state.token.as_ref().is_some_and(|t| t.generation == stale) {
                state.token = None;
            }
        }
        loop {
            if let Some(token) = &state.token {
                if clock.now_ms().saturating_add(margin_ms) < token.expires_ms {
                    return Ok(token.clone());
                }
            }
            if state.fetching {
                let awaited = state.fetches;
                state.waiting += 1;
                while state.fetching && state.fetches == awaited {
                    let remaining = deadline.remaining();
                    if remaining.is_zero() {
                        state.waiting -= 1;
                        return Err(deadline.reached(None));
                    }
                    state = self
                        .fetched
                        .wait_timeout(state, remaining)
                        .unwrap_or_else(PoisonError::into_inner)
                        .0;
                }
                state.waiting -= 1;
                // The fetch this thread waited on failed: its failure is this thread's too.
                if let Some(failed) = state.failure.as_ref().filter(|f| f.fetch == awaited) {
                    return Err(failed.error.clone());
                }
                continue;
            }
            state.fetching = true;
            state.fetches += 1;
            let this_fetch = state.fetches;
            let previous = state.failure.as_ref().map(|f| {
                (
                    f.retry_at.saturating_sub(clock.monotonic()),
                    f.error.clone(),
                )
            });
            drop(state);
            let guard = FetchGuard(self);
            if let Some((pause, error)) = previous {
                // After a failure, wait before fetching again; a pause that would cross the
                // deadline ends the call with that failure (no fetch is made, none recorded).
                if !deadline.pause(pause) {
                    drop(guard);
                    return Err(deadline.reached(Some(error)));
                }
            }
            let result = fetch();
            let mut locked = self.lock();
            let outcome = match result {
                Ok((value, expires_ms)) => {
                    locked.generation += 1;
                    let token = Cached {
                        value,
                        expires_ms,
                        generation: locked.generation,
                    };
                    locked.token = Some(token.clone());
                    locked.failure = None;
                    Ok(token)
                }
                Err(error) => {
                    locked.failure = Some(Failed {
                        fetch: this_fetch,
                        error: error.clone(),
                        retry_at: clock.monotonic().saturating_add(retry_pause()),
                    });
                    Err(error)
                }
            };
            drop(locked);
            drop(guard);
            return outcome;
        }
    }
}

#[cfg(test)]
mod tests;
