//! Fault injection: misbehaviour on demand, chosen by a documented id prefix.
//!
//! See the table in the crate docs. A fault is parsed from the start of a `bizId`
//! (verification, Generate URL), `signatureId` (Get Result, Clear Data) or `numberType`
//! (Health Status); `result-fault-…` on a
//! Generate URL `bizId` stores the fault on the transaction for every later Get Result.

use std::time::Duration;

/// The longest delay `fault-delay-<ms>-` honours, so a typo cannot hang a test suite.
pub const MAX_FAULT_DELAY: Duration = Duration::from_secs(60);

/// Size of the `fault-huge` body: comfortably over 2 MiB.
pub(crate) const HUGE_BODY_BYTES: usize = 2 * 1024 * 1024 + 512 * 1024;

/// How far ahead of the sandbox clock the HTTP date of `fault-busy-date`'s `Retry-After`
/// is (cut to whole seconds, as an HTTP date is).
pub const BUSY_DATE_AHEAD: Duration = Duration::from_secs(2);

/// The top-level code sent by `fault-unknown-code`.
pub const UNKNOWN_CODE: &str = "SANDBOX_UNKNOWN_CODE";
/// The `errorCode` sent by `fault-unknown-error-code`.
pub const UNKNOWN_ERROR_CODE: &str = "SANDBOX_UNKNOWN_ERROR_CODE";

/// One way to misbehave.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Fault {
    /// Wait this long, then answer normally.
    Delay(Duration),
    /// `SERVICE_BUSY` with `Retry-After: 1`.
    Busy,
    /// `SERVICE_BUSY` with `Retry-After: 10s` (seconds with a unit).
    Busy10s,
    /// `SERVICE_BUSY` with `Retry-After` an HTTP date ([`BUSY_DATE_AHEAD`] after the
    /// sandbox clock's now).
    BusyDate,
    /// `SERVICE_BUSY` with `Retry-After: 1`, on HTTP 429 instead of 200.
    Busy429,
    /// `SERVICE_BUSY` with `Retry-After: 1` the first time per id, then normal answers.
    BusyOnce,
    /// `INSUFFICIENT_BALANCE`: the account cannot pay for any more calls.
    NoBalance,
    /// HTTP 502 with an HTML body, as a proxy in front of the vendor would send.
    BadGateway,
    /// Send the start of the body, then drop the connection.
    Cut,
    /// HTTP 200 with the first half of the JSON body only.
    Truncated,
    /// The normal answer padded to more than 2 MiB of valid JSON.
    Huge,
    /// `IAM_FAILED` the first time per id, then normal answers.
    IamOnce,
    /// A top-level `code` no documentation lists.
    UnknownCode,
    /// `SUCCESS` with an `errorCode` no documentation lists.
    UnknownErrorCode,
    /// `REQUEST_IN_PROCESSING`, as Clear Data answers while the same request is being
    /// processed.
    InProcessing,
}

impl Fault {
    /// The fault named at the start of `id`, if any (`fault-busy-order-1` → `Busy`).
    pub(crate) fn from_prefix(id: &str) -> Option<Self> {
        let rest = id.strip_prefix("fault-")?;
        if let Some(delay) = rest.strip_prefix("delay-") {
            let digits: &str = delay.split('-').next().unwrap_or_default();
            let millis: u64 = digits.parse().ok()?;
            return Some(Self::Delay(
                Duration::from_millis(millis).min(MAX_FAULT_DELAY),
            ));
        }
        // Longest names first: `unknown-error-code` starts like `unknown-code` does not,
        // but keep the order safe for future names.
        const NAMES: &[(&str, Fault)] = &[
            ("unknown-error-code", Fault::UnknownErrorCode),
            ("unknown-code", Fault::UnknownCode),
            ("truncated", Fault::Truncated),
            ("in-processing", Fault::InProcessing),
            ("iam-once", Fault::IamOnce),
            ("busy-once", Fault::BusyOnce),
            ("busy-date", Fault::BusyDate),
            ("busy-10s", Fault::Busy10s),
            ("busy-429", Fault::Busy429),
            ("busy", Fault::Busy),
            ("no-balance", Fault::NoBalance),
            ("huge", Fault::Huge),
            ("cut", Fault::Cut),
            ("502", Fault::BadGateway),
        ];
        NAMES.iter().find_map(|(name, fault)| {
            let after = rest.strip_prefix(name)?;
            (after.is_empty() || after.starts_with('-')).then_some(*fault)
        })
    }

    /// The fault a Generate URL `bizId` stores for later Get Result calls.
    pub(crate) fn for_results(biz_id: &str) -> Option<Self> {
        biz_id.strip_prefix("result-").and_then(Self::from_prefix)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_documented_prefixes() {
        assert_eq!(
            Fault::from_prefix("fault-delay-250-order"),
            Some(Fault::Delay(Duration::from_millis(250)))
        );
        assert_eq!(
            Fault::from_prefix("fault-delay-99999999"),
            Some(Fault::Delay(MAX_FAULT_DELAY))
        );
        assert_eq!(Fault::from_prefix("fault-busy"), Some(Fault::Busy));
        assert_eq!(Fault::from_prefix("fault-busy-1"), Some(Fault::Busy));
        assert_eq!(Fault::from_prefix("fault-busybody"), None);
        assert_eq!(
            Fault::from_prefix("fault-no-balance-7"),
            Some(Fault::NoBalance)
        );
        assert_eq!(Fault::from_prefix("fault-busy-once"), Some(Fault::BusyOnce));
        assert_eq!(
            Fault::from_prefix("fault-busy-once-2"),
            Some(Fault::BusyOnce)
        );
        assert_eq!(Fault::from_prefix("fault-busy-oncex"), Some(Fault::Busy));
        assert_eq!(Fault::from_prefix("fault-busy-10s"), Some(Fault::Busy10s));
        assert_eq!(Fault::from_prefix("fault-busy-10s-3"), Some(Fault::Busy10s));
        assert_eq!(Fault::from_prefix("fault-busy-10"), Some(Fault::Busy));
        assert_eq!(
            Fault::from_prefix("fault-busy-date-1"),
            Some(Fault::BusyDate)
        );
        assert_eq!(Fault::from_prefix("fault-busy-429"), Some(Fault::Busy429));
        assert_eq!(Fault::from_prefix("fault-busy-4290"), Some(Fault::Busy));
        assert_eq!(Fault::from_prefix("fault-502-x"), Some(Fault::BadGateway));
        assert_eq!(Fault::from_prefix("fault-cut"), Some(Fault::Cut));
        assert_eq!(
            Fault::from_prefix("fault-truncated"),
            Some(Fault::Truncated)
        );
        assert_eq!(Fault::from_prefix("fault-huge"), Some(Fault::Huge));
        assert_eq!(Fault::from_prefix("fault-iam-once-7"), Some(Fault::IamOnce));
        assert_eq!(
            Fault::from_prefix("fault-unknown-code"),
            Some(Fault::UnknownCode)
        );
        assert_eq!(
            Fault::from_prefix("fault-unknown-error-code-1"),
            Some(Fault::UnknownErrorCode)
        );
        assert_eq!(
            Fault::from_prefix("fault-in-processing-1"),
            Some(Fault::InProcessing)
        );
        assert_eq!(Fault::from_prefix("order-1"), None);
        assert_eq!(Fault::from_prefix("fault-delay-x"), None);
        assert_eq!(Fault::for_results("result-fault-busy-1"), Some(Fault::Busy));
        assert_eq!(Fault::for_results("fault-busy-1"), None);
    }
}
