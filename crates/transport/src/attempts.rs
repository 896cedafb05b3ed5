//! One call, start to end: the token, each attempt, the `IAM_FAILED` refresh, and the
//! retries its [`Descriptor`] allows, all within the call's deadline and paid for by the
//! client's retry budget.

use std::time::Instant;

use advanceai_core::{Descriptor, Operation, ResponseCode};

use crate::client::Client;
use crate::deadline::Deadline;
use crate::disposition::ErrorKind;
use crate::error::Error;
use crate::telemetry;

impl Client {
    /// Runs one operation under a deadline of its own.
    pub(crate) fn call<O: Operation>(&self, operation: &O) -> Result<O::Output, Error> {
        let deadline = self.start_deadline();
        self.call_within(operation, &deadline)
    }

    /// Runs one operation under `deadline` (a token fetch runs under the deadline of the
    /// call that needs the token). A success puts a token back in the retry budget.
    pub(crate) fn call_within<O: Operation>(
        &self,
        operation: &O,
        deadline: &Deadline<'_>,
    ) -> Result<O::Output, Error> {
        let descriptor = O::DESCRIPTOR;
        let span = telemetry::call_span(descriptor.name);
        let _entered = span.enter();
        let start = Instant::now();
        let result = self.attempts(operation, &descriptor, deadline);
        telemetry::record_call(&span, start.elapsed(), &result);
        if let (Ok(_), Some(budget)) = (&result, &self.inner.budget) {
            budget.refund_success();
        }
        result
    }

    /// The attempts of one call: token, send, IAM_FAILED refresh, retries.
    fn attempts<O: Operation>(
        &self,
        operation: &O,
        descriptor: &Descriptor,
        deadline: &Deadline<'_>,
    ) -> Result<O::Output, Error> {
        let policy = &self.inner.config.retry;
        let call = tracing::Span::current();
        let mut attempt: u32 = 1;
        // Requests sent, an IAM_FAILED refresh's resend included.
        let mut sent: u32 = 0;
        let mut refreshed = false;
        let mut stale = None;
        // The last attempt's failure, for a deadline reached before the next one is sent.
        let mut last = None;
        loop {
            let token = if descriptor.needs_token {
                // The call's own request is not sent without a token: say so, whatever the
                // token call's failure says about the token request.
                let token = self.cached_token(stale.take(), deadline);
                Some(token.map_err(|error| Error::TokenUnavailable(Box::new(error)))?)
            } else {
                None
            };
            let bytes = operation.body().map_err(Error::InvalidInput)?;
            let (timeout, cut_by_deadline) = deadline.attempt_timeout(self.attempt_timeout());
            if timeout.is_zero() {
                return Err(deadline.reached(last));
            }
            sent += 1;
            telemetry::record_attempts(&call, sent);
            let span = telemetry::attempt_span(descriptor.name, attempt);
            let start = Instant::now();
            let outcome = span.in_scope(|| {
                self.send_once::<O>(
                    &call,
                    descriptor,
                    &operation.query(),
                    &bytes,
                    token.as_ref().map(|t| &t.value),
                    timeout,
                )
            });
            let error = outcome.as_ref().err().map(|f| &f.error);
            telemetry::record_attempt(&span, descriptor.name, attempt, start.elapsed(), error);
            let failure = match outcome {
                Ok(data) => return Ok(data),
                Err(failure) => failure,
            };
            if let (Some(token), false) = (&token, refreshed) {
                if matches!(
                    failure.error,
                    Error::Api {
                        code: ResponseCode::IamFailed,
                        ..
                    }
                ) {
                    refreshed = true;
                    stale = Some(token.generation);
                    last = Some(failure.error);
                    continue;
                }
            }
            // The attempt ran out of the time the deadline left it.
            if cut_by_deadline && failure.error.kind() == ErrorKind::Timeout {
                return Err(deadline.reached(Some(failure.error)));
            }
            let retries = failure
                .error
                .disposition(descriptor.idempotency)
                .client_retries;
            if attempt >= policy.max_attempts || !retries {
                return Err(failure.error);
            }
            let pause = policy.backoff(attempt, failure.retry_after);
            // No pause runs past the deadline: if the retry could not start in time, the
            // call ends now (and spends nothing from the budget).
            if pause >= deadline.remaining() {
                telemetry::retry_not_sent(descriptor.name, attempt, "deadline");
                return Err(deadline.reached(Some(failure.error)));
            }
            if let Some(budget) = &self.inner.budget {
                if !budget.try_spend(&failure.error) {
                    telemetry::retry_not_sent(descriptor.name, attempt, "retry budget");
                    return Err(failure.error);
                }
            }
            if !deadline.pause(pause) {
                return Err(deadline.reached(Some(failure.error)));
            }
            last = Some(failure.error);
            attempt += 1;
        }
    }
}
