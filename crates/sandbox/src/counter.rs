//! Requests received per API endpoint, so tests can check what reached the server.

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use advanceai_core::Endpoint;

/// One counter per [`Endpoint::ALL`] entry; counted when the request reaches its handler,
/// whatever the answer (including faults and refusals). With
/// [`SandboxConfig::with_verifications_by_biz_id`](crate::SandboxConfig::with_verifications_by_biz_id),
/// also the database verifications per `bizId` (off by default: that map grows with every
/// new `bizId`).
#[derive(Debug)]
pub(crate) struct RequestCounts {
    endpoints: Vec<AtomicU64>,
    by_biz_id: Option<Mutex<HashMap<String, u64>>>,
}

impl RequestCounts {
    pub(crate) fn new(by_biz_id: bool) -> Self {
        Self {
            endpoints: Endpoint::ALL.iter().map(|_| AtomicU64::new(0)).collect(),
            by_biz_id: by_biz_id.then(Mutex::default),
        }
    }

    fn slot(&self, endpoint: Endpoint) -> Option<&AtomicU64> {
        let index = Endpoint::ALL.iter().position(|e| *e == endpoint)?;
        self.endpoints.get(index)
    }

    /// Counts a database verification of `biz_id`, when counting by `bizId` is on.
    pub(crate) fn record_biz_id(&self, biz_id: &str) {
        if let Some(map) = &self.by_biz_id {
            let mut map = map.lock().unwrap_or_else(|p| p.into_inner());
            *map.entry(biz_id.to_owned()).or_default() += 1;
        }
    }

    /// The database verifications per `bizId` so far (empty when not counted).
    pub(crate) fn by_biz_id(&self) -> HashMap<String, u64> {
        self.by_biz_id.as_ref().map_or_else(HashMap::new, |map| {
            map.lock().unwrap_or_else(|p| p.into_inner()).clone()
        })
    }

    pub(crate) fn record(&self, endpoint: Endpoint) {
        if let Some(slot) = self.slot(endpoint) {
            slot.fetch_add(1, Ordering::SeqCst);
        }
    }

    pub(crate) fn get(&self, endpoint: Endpoint) -> u64 {
        self.slot(endpoint).map_or(0, |s| s.load(Ordering::SeqCst))
    }

    pub(crate) fn reset(&self) {
        for slot in &self.endpoints {
            slot.store(0, Ordering::SeqCst);
        }
        if let Some(map) = &self.by_biz_id {
            map.lock().unwrap_or_else(|p| p.into_inner()).clear();
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use std::sync::Arc;

    use advanceai_core::ManualClock;

    use crate::{Sandbox, SandboxConfig};

    /// `GET /sandbox/stats` reports what `request_count` does, by descriptor name; every
    /// answer's `Date` is the sandbox clock's.
    #[test]
    fn stats_over_http_and_the_date_of_the_sandbox_clock() {
        // 2015-10-21T07:28:00Z.
        let clock = ManualClock::new(1_445_412_480_000);
        let sandbox = Sandbox::start(SandboxConfig::default().with_clock(Arc::new(clock))).unwrap();
        let agent = ureq::Agent::new_with_defaults();
        let stats = || -> serde_json::Value {
            let text = agent
                .get(&format!("{}/sandbox/stats", sandbox.base_url()))
                .call()
                .unwrap()
                .body_mut()
                .read_to_string()
                .unwrap();
            serde_json::from_str(&text).unwrap()
        };
        let zero = stats();
        for endpoint in advanceai_core::Endpoint::ALL {
            assert_eq!(zero["requests"][endpoint.descriptor().name], 0, "{zero}");
        }
        let answer = agent
            .post(&format!(
                "{}{}",
                sandbox.base_url(),
                advanceai_core::Endpoint::GetResult.path()
            ))
            .header("Content-Type", "application/json")
            .send("{}")
            .unwrap();
        assert_eq!(
            answer.headers().get("date").unwrap(),
            "Wed, 21 Oct 2015 07:28:00 GMT"
        );
        let after = stats();
        assert_eq!(after["requests"]["get_result"], 1, "{after}");
        assert_eq!(
            sandbox.request_count(advanceai_core::Endpoint::GetResult),
            1
        );
        assert_eq!(after["requests"]["token"], 0, "{after}");
    }
}
