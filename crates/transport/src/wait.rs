//! Polling Get Result until the result is final, on the client's clock.

use std::time::Duration;

use advanceai_core::{GetResultData, GetResultRequest};

use crate::client::Client;
use crate::error::Error;

/// How [`Client::wait_for_result`] polls.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct WaitOptions {
    /// Give up (with [`Error::ResultPending`]) once this much time has passed.
    pub timeout: Duration,
    /// The pause after the first pending answer (default 1 s).
    pub initial_interval: Duration,
    /// The longest pause (default 10 s); each pause doubles up to it.
    pub max_interval: Duration,
}

impl WaitOptions {
    /// Poll for at most `timeout`, from 1 s up to 10 s between polls.
    pub fn new(timeout: Duration) -> Self {
        Self {
            timeout,
            initial_interval: Duration::from_secs(1),
            max_interval: Duration::from_secs(10),
        }
    }

    /// These options with other pause bounds.
    pub fn with_intervals(mut self, initial: Duration, max: Duration) -> Self {
        self.initial_interval = initial;
        self.max_interval = max;
        self
    }
}

impl Client {
    /// Polls Get Result until the result is final, with pauses growing from
    /// `options.initial_interval` to `options.max_interval`; [`Error::ResultPending`] once
    /// `options.timeout` has passed. Time is the client's clock's
    /// ([`crate::ClientConfigBuilder::clock`]): it measures the wait and the pauses sleep on
    /// it. Each poll is a call with its own deadline.
    pub fn wait_for_result(
        &self,
        signature_id: &str,
        options: WaitOptions,
    ) -> Result<GetResultData, Error> {
        self.wait_for(&GetResultRequest::new(signature_id), options)
    }

    /// [`Client::wait_for_result`] for a request with options (`returnImageType`): every
    /// poll sends `request`.
    pub fn wait_for(
        &self,
        request: &GetResultRequest,
        options: WaitOptions,
    ) -> Result<GetResultData, Error> {
        request.validate().map_err(Error::InvalidInput)?;
        let clock = self.clock();
        let start = clock.monotonic();
        let mut interval = options.initial_interval.max(Duration::from_millis(1));
        loop {
            let data = self.get_result(request)?;
            if data.is_final() {
                return Ok(data);
            }
            let waited = clock.monotonic().saturating_sub(start);
            if waited >= options.timeout {
                return Err(Error::ResultPending { waited });
            }
            clock.sleep(interval.min(options.timeout - waited));
            interval = interval
                .saturating_mul(2)
                .min(options.max_interval.max(interval));
        }
    }
}
