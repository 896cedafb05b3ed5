//! What the deadline, budget, Retry-After and token-failure tests share: a sandbox, a
//! client for it on a manual clock (every pause is instant and exactly measured), and the
//! H5 transaction whose Get Results carry a fault.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::Arc;
use std::time::Duration;

use advanceai_sandbox::{
    Clock, DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY, RunningSandbox, Sandbox, SandboxConfig,
};
use advanceai_transport::{
    Client, ClientConfig, ClientConfigBuilder, GetResultRequest, ManualClock, ProxySetting,
    RetryPolicy,
};

/// A whole second, so that HTTP dates (whole seconds) are exact: 2023-11-14T22:13:20Z.
pub(crate) const START_MS: u64 = 1_700_000_000_000;

/// A sandbox on the machine's clock.
pub(crate) fn sandbox() -> RunningSandbox {
    Sandbox::start(SandboxConfig::default()).unwrap()
}

/// A sandbox on `clock`.
pub(crate) fn sandbox_on(clock: &ManualClock) -> RunningSandbox {
    Sandbox::start(SandboxConfig::default().with_clock(Arc::new(clock.clone()))).unwrap()
}

/// A builder for `sandbox`: its credentials, no proxy, `clock`, and a policy with no
/// `Retry-After` cap worth mentioning (60 s), so the sandbox's waits are what is measured.
pub(crate) fn builder(sandbox: &RunningSandbox, clock: &ManualClock) -> ClientConfigBuilder {
    ClientConfig::builder()
        .base_url(sandbox.base_url())
        .credentials(DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY)
        .proxy(ProxySetting::None)
        .clock(Arc::new(clock.clone()))
        .retry(
            RetryPolicy::default()
                .with_backoff(Duration::from_millis(200), Duration::from_secs(5))
                .with_max_retry_after(Duration::from_secs(60)),
        )
}

/// A client for `sandbox` on `clock` (see [`builder`]).
pub(crate) fn client(sandbox: &RunningSandbox, clock: &ManualClock) -> Client {
    Client::new(builder(sandbox, clock).build().unwrap())
}

/// A manual clock at the machine's time, cut to the whole second (the sandbox's tokens are
/// checked against the machine's clock unless it has a manual one too).
pub(crate) fn clock_now() -> ManualClock {
    let now = advanceai_sandbox::SystemClock.now_ms();
    ManualClock::new(now - now % 1000)
}

/// A Get Result request whose every answer is `fault` (`fault-502`...): the fault is the
/// start of the signatureId; `n` makes it unique.
pub(crate) fn faulty_result(fault: &str, n: usize) -> GetResultRequest {
    GetResultRequest::new(format!("{fault}-{n}"))
}

/// How far `clock` moved while `f` ran: the time the call would have taken, pauses
/// included (on loopback, the requests themselves take no clock time).
pub(crate) fn timed<T>(clock: &ManualClock, f: impl FnOnce() -> T) -> (T, Duration) {
    let before = clock.now_ms();
    let value = f();
    (value, Duration::from_millis(clock.now_ms() - before))
}
