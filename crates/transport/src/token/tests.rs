#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::mpsc;

use advanceai_core::{Clock, ManualClock, ResponseCode};

use super::*;

const MINUTE_MS: u64 = 60_000;

fn refused() -> Error {
    Error::Api {
        code: ResponseCode::ParameterError,
        message: "Signature error".into(),
        transaction_id: Some("t-1".into()),
        retryable: false,
    }
}

fn token(clock: &ManualClock) -> Result<(Secret, u64), Error> {
    Ok((Secret::new("token"), clock.now_ms() + 60 * MINUTE_MS))
}

/// Spins (yielding) until `waiting` threads wait on the fetch in flight.
fn until_waiting(cache: &TokenCache, waiting: usize) {
    while cache.lock().waiting < waiting {
        std::thread::yield_now();
    }
}

#[test]
fn the_threads_waiting_on_a_failed_fetch_all_get_its_failure() {
    let cache = Arc::new(TokenCache::default());
    let clock = ManualClock::new(1_700_000_000_000);
    let fetches = Arc::new(AtomicU32::new(0));
    let (started_tx, started) = mpsc::channel();
    let (release, release_rx) = mpsc::channel::<()>();
    let fetcher = {
        let (cache, clock, fetches) = (Arc::clone(&cache), clock.clone(), Arc::clone(&fetches));
        std::thread::spawn(move || {
            let deadline = Deadline::start(&clock, Duration::from_secs(60));
            cache.get(&deadline, 0, None, &|| {
                fetches.fetch_add(1, Ordering::SeqCst);
                started_tx.send(()).unwrap();
                release_rx.recv().unwrap();
                Err(refused())
            })
        })
    };
    started.recv().unwrap();
    let waiters: Vec<_> = (0..16)
        .map(|_| {
            let (cache, clock, fetches) = (Arc::clone(&cache), clock.clone(), Arc::clone(&fetches));
            std::thread::spawn(move || {
                let deadline = Deadline::start(&clock, Duration::from_secs(60));
                cache.get(&deadline, 0, None, &|| {
                    fetches.fetch_add(1, Ordering::SeqCst);
                    token(&clock)
                })
            })
        })
        .collect();
    until_waiting(&cache, 16);
    release.send(()).unwrap();
    let first = fetcher.join().unwrap().unwrap_err();
    assert_eq!(first.code(), Some(ResponseCode::ParameterError));
    for waiter in waiters {
        let error = waiter.join().unwrap().unwrap_err();
        assert_eq!(error.code(), Some(ResponseCode::ParameterError), "{error}");
        assert_eq!(error.transaction_id(), Some("t-1"));
    }
    // One fetch for all 17 threads, and no time passed: nobody waited a pause.
    assert_eq!(fetches.load(Ordering::SeqCst), 1);
    assert_eq!(clock.now_ms(), 1_700_000_000_000);
}

#[test]
fn the_next_fetch_after_a_failure_waits_a_short_jittered_pause() {
    let cache = TokenCache::default();
    let clock = ManualClock::new(1_700_000_000_000);
    let deadline = || Deadline::start(&clock, Duration::from_secs(60));
    let fetched_at = Mutex::new(Vec::new());
    let failing = || {
        fetched_at.lock().unwrap().push(clock.monotonic());
        Err(refused())
    };
    let mut pauses = Vec::new();
    cache.get(&deadline(), 0, None, &failing).unwrap_err();
    for _ in 0..20 {
        cache.get(&deadline(), 0, None, &failing).unwrap_err();
        let at = fetched_at.lock().unwrap();
        pauses.push(at[at.len() - 1] - at[at.len() - 2]);
    }
    for pause in &pauses {
        assert!(FETCH_RETRY_PAUSE.contains(pause), "{pause:?}");
    }
    // Jittered: 20 draws from 800 ms of range are not all alike.
    assert!(pauses.iter().any(|p| *p != pauses[0]), "{pauses:?}");

    // A pause that would cross the deadline ends the call with the last failure, without
    // fetching or sleeping.
    let before = clock.monotonic();
    let short = Deadline::start(&clock, Duration::from_millis(150));
    let error = cache.get(&short, 0, None, &failing).unwrap_err();
    assert!(error.deadline_reached(), "{error}");
    assert_eq!(error.code(), Some(ResponseCode::ParameterError));
    assert_eq!(clock.monotonic(), before);
    assert_eq!(fetched_at.lock().unwrap().len(), 21);

    // A success clears the failure: the fetch after it, once the token expires, waits no
    // pause.
    cache.get(&deadline(), 0, None, &|| token(&clock)).unwrap();
    clock.advance(Duration::from_secs(3600));
    let before = clock.monotonic();
    cache.get(&deadline(), 0, None, &|| token(&clock)).unwrap();
    assert_eq!(clock.monotonic(), before);
}

#[test]
fn a_waiter_gives_up_at_its_own_deadline() {
    let cache = Arc::new(TokenCache::default());
    let clock = ManualClock::new(1_700_000_000_000);
    let (started_tx, started) = mpsc::channel();
    let (release, release_rx) = mpsc::channel::<()>();
    let fetcher = {
        let (cache, clock) = (Arc::clone(&cache), clock.clone());
        std::thread::spawn(move || {
            let deadline = Deadline::start(&clock, Duration::from_secs(60));
            cache.get(&deadline, 0, None, &|| {
                started_tx.send(()).unwrap();
                release_rx.recv().unwrap();
                token(&clock)
            })
        })
    };
    started.recv().unwrap();
    // A call whose deadline has passed while the fetch is still in flight.
    let deadline = Deadline::start(&clock, Duration::from_secs(1));
    clock.advance(Duration::from_secs(2));
    let error = cache
        .get(&deadline, 0, None, &|| panic!("a second fetch"))
        .unwrap_err();
    assert!(
        matches!(error, Error::DeadlineReached { last: None, .. }),
        "{error}"
    );
    assert!(!error.may_have_been_processed());
    release.send(()).unwrap();
    fetcher.join().unwrap().unwrap();
}
