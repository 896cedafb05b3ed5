//! The sandbox's memory: tokens, H5 transactions and one-shot fault marks, each bounded.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;

use advanceai_core::{ErrorCode, GenerateUrlRequest, OverallResult};

use crate::fault::Fault;

/// A map that forgets its oldest entries beyond `capacity` (insertion order).
#[derive(Debug)]
pub(crate) struct BoundedMap<V> {
    capacity: usize,
    entries: HashMap<String, V>,
    order: VecDeque<String>,
}

impl<V> BoundedMap<V> {
    pub(crate) fn new(capacity: usize) -> Self {
        Self {
            capacity: capacity.max(1),
            entries: HashMap::new(),
            order: VecDeque::new(),
        }
    }

    /// Inserts, evicting the oldest entries while the map is full.
    pub(crate) fn insert(&mut self, key: String, value: V) {
        if self.entries.insert(key.clone(), value).is_none() {
            self.order.push_back(key);
        }
        while self.entries.len() > self.capacity {
            match self.order.pop_front() {
                Some(oldest) => {
                    self.entries.remove(&oldest);
                }
                None => break,
            }
        }
    }

    pub(crate) fn get(&self, key: &str) -> Option<&V> {
        self.entries.get(key)
    }

    pub(crate) fn get_mut(&mut self, key: &str) -> Option<&mut V> {
        self.entries.get_mut(key)
    }

    pub(crate) fn contains(&self, key: &str) -> bool {
        self.entries.contains_key(key)
    }

    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }
}

/// A final H5 result: the verdict a tester picked (or the timeout).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Verdict {
    pub(crate) overall_result: OverallResult,
    pub(crate) error_code: ErrorCode,
}

/// One Generate URL call and what became of it.
#[derive(Clone, Debug)]
pub(crate) struct Transaction {
    pub(crate) request: GenerateUrlRequest,
    pub(crate) created_ms: u64,
    pub(crate) verdict: Option<Verdict>,
    /// A fault every Get Result of this transaction shows (bizId prefix `result-fault-`).
    pub(crate) result_fault: Option<Fault>,
    /// Whether Clear Data has cleared its personal data.
    pub(crate) cleared: bool,
}

/// Everything the sandbox remembers, behind one lock each.
#[derive(Debug)]
pub(crate) struct State {
    /// token → expiry (epoch ms).
    pub(crate) tokens: Mutex<BoundedMap<u64>>,
    /// signatureId → transaction.
    pub(crate) transactions: Mutex<BoundedMap<Transaction>>,
    /// Keys that already had their `fault-iam-once` answer.
    pub(crate) iam_once_seen: Mutex<BoundedMap<()>>,
    /// Health numberType (one of `Market::health_number_types`) → the status set by
    /// `POST /sandbox/health`; `health` when absent. Bounded by that table.
    pub(crate) health: Mutex<HashMap<String, String>>,
}

impl State {
    pub(crate) fn new(max_tokens: usize, max_transactions: usize) -> Self {
        Self {
            tokens: Mutex::new(BoundedMap::new(max_tokens)),
            transactions: Mutex::new(BoundedMap::new(max_transactions)),
            iam_once_seen: Mutex::new(BoundedMap::new(max_transactions)),
            health: Mutex::new(HashMap::new()),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn evicts_oldest_beyond_capacity() {
        let mut map = BoundedMap::new(3);
        for i in 0..5 {
            map.insert(format!("k{i}"), i);
        }
        assert_eq!(map.len(), 3);
        assert!(!map.contains("k0") && !map.contains("k1"));
        assert_eq!(map.get("k4"), Some(&4));
        // Re-inserting a key keeps its place and does not grow the map.
        map.insert("k2".into(), 20);
        assert_eq!(map.len(), 3);
        assert_eq!(map.get("k2"), Some(&20));
    }
}
