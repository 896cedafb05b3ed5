//! The token cache: fetched on first use, shared, refreshed near expiry, one fetch in
//! flight however many threads ask.

use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

use advanceai_core::Secret;

use crate::error::Error;

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

#[derive(Debug, Default)]
struct State {
    token: Option<Cached>,
    fetching: bool,
    generation: u64,
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

impl TokenCache {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// A token that is still good at `now_ms() + margin_ms`, fetching one if needed.
    ///
    /// `stale`: the generation of a token the server refused (`IAM_FAILED`); it is dropped
    /// if it is still the cached one, so several threads refused at once refresh once.
    pub(crate) fn get(
        &self,
        now_ms: &dyn Fn() -> u64,
        margin_ms: u64,
        stale: Option<u64>,
        fetch: &dyn Fn() -> Result<(Secret, u64), Error>,
    ) -> Result<Cached, Error> {
        let mut state = self.lock();
        if let Some(stale) = stale {
            if state.token.as_ref().is_some_and(|t| t.generation == stale) {
                state.token = None;
            }
        }
        loop {
            if let Some(token) = &state.token {
                if now_ms().saturating_add(margin_ms) < token.expires_ms {
                    return Ok(token.clone());
                }
            }
            if state.fetching {
                state = self
                    .fetched
                    .wait(state)
                    .unwrap_or_else(PoisonError::into_inner);
                continue;
            }
            state.fetching = true;
            drop(state);
            let guard = FetchGuard(self);
            let result = fetch();
            let mut locked = self.lock();
            let outcome = result.map(|(value, expires_ms)| {
                locked.generation += 1;
                let token = Cached {
                    value,
                    expires_ms,
                    generation: locked.generation,
                };
                locked.token = Some(token.clone());
                token
            });
            drop(locked);
            drop(guard);
            return outcome;
        }
    }
}
