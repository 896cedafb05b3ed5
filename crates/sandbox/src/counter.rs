//! Requests received per API endpoint, so tests can check what reached the server.

use std::sync::atomic::{AtomicU64, Ordering};

use advanceai_core::Endpoint;

/// One counter per [`Endpoint::ALL`] entry; counted when the request reaches its handler,
/// whatever the answer (including faults and refusals).
#[derive(Debug)]
pub(crate) struct RequestCounts(Vec<AtomicU64>);

impl RequestCounts {
    pub(crate) fn new() -> Self {
        Self(Endpoint::ALL.iter().map(|_| AtomicU64::new(0)).collect())
    }

    fn slot(&self, endpoint: Endpoint) -> Option<&AtomicU64> {
        let index = Endpoint::ALL.iter().position(|e| *e == endpoint)?;
        self.0.get(index)
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
        for slot in &self.0 {
            slot.store(0, Ordering::SeqCst);
        }
    }
}
