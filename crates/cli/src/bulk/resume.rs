//! What a previous run already did, in a compact record: a bitmap of the rows that have a
//! line, a bitmap of the rows that are done, and a fingerprint of (row, key) pairs.
//!
//! Memory grows with the number of *blocks* of rows answered (a few bytes per thousand
//! rows), never with the rows' content. The fingerprint is a sum of hashes per block of
//! [`BLOCK`] rows: the output's and the input's are computed the same way in the same
//! process (nothing is stored on disk, so the hash need not be stable across versions),
//! and a block whose sums differ is then compared row by row to name the first row that
//! does not match.

use std::collections::BTreeMap;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use roaring::RoaringTreemap;
use serde::Deserialize;

use super::row::Mode;

/// Rows per fingerprint block.
pub(crate) const BLOCK: u64 = 1024;

/// The order-independent fingerprint of a set of (row, key) pairs, per block of rows.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Fingerprint(BTreeMap<u64, u64>);

impl Fingerprint {
    /// Adds one row and its key (`bizId` or `signatureId`, `None` when unreadable).
    pub(crate) fn add(&mut self, row: u64, key: Option<&str>) {
        let mut hasher = DefaultHasher::new();
        (row, key).hash(&mut hasher);
        let sum = self.0.entry(row / BLOCK).or_default();
        *sum = sum.wrapping_add(hasher.finish());
    }

    /// The first block whose sums differ, as its first row number.
    pub(crate) fn first_difference(&self, other: &Self) -> Option<u64> {
        let blocks = self.0.keys().chain(other.0.keys());
        blocks
            .filter(|block| self.0.get(block) != other.0.get(block))
            .min()
            .map(|block| block * BLOCK)
    }
}

/// What the output of a previous run holds.
#[derive(Debug, Default)]
pub(crate) struct Resume {
    /// Rows with at least one line.
    pub(crate) seen: RoaringTreemap,
    /// Rows with a final line: this run skips them. (A pending Get Result is seen, not
    /// done: a rerun fetches it again.)
    pub(crate) done: RoaringTreemap,
    /// The (row, key) pairs of the seen rows, each row counted once.
    pub(crate) fingerprint: Fingerprint,
}

impl Resume {
    /// Records one line of the output.
    pub(crate) fn record(&mut self, line: &OutputLine) {
        if self.seen.insert(line.row) {
            self.fingerprint.add(line.row, line.key.as_deref());
        }
        if !line.pending {
            self.done.insert(line.row);
        }
    }

    /// Whether the output holds anything to check the input against.
    pub(crate) fn is_empty(&self) -> bool {
        self.seen.is_empty()
    }
}

/// What resuming reads of one output line.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct OutputLine {
    /// The row's number.
    pub(crate) row: u64,
    /// The row's key (`bizId` or `signatureId`), `None` when the row was unreadable.
    pub(crate) key: Option<String>,
    /// A Get Result still pending: fetched again by a rerun.
    pub(crate) pending: bool,
}

/// The fields an output line must have; the rest (the outcome) is not read.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct LineHead {
    row: u64,
    #[serde(default, deserialize_with = "present")]
    biz_id: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    signature_id: Option<Option<String>>,
    #[serde(default)]
    pending: bool,
}

/// A field that is there, `null` or not: `Some(None)` for `null`, `None` when absent.
fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Option<String>>, D::Error> {
    Option::<String>::deserialize(d).map(Some)
}

/// The line of a run of `mode`, or `None` when `line` is not one (it must have `row` and
/// the mode's key, `null` or not).
pub(crate) fn parse_line(line: &[u8], mode: Mode) -> Option<OutputLine> {
    let head: LineHead = serde_json::from_slice(line).ok()?;
    let key = match mode {
        Mode::Verify => head.biz_id?,
        Mode::Results => head.signature_id?,
    };
    Some(OutputLine {
        row: head.row,
        key,
        pending: head.pending,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn lines_of_each_mode() {
        let verify =
            br#"{"row":3,"bizId":"b","userId":"u","numberValue":"22***2","overallResult":"PASS"}"#;
        assert_eq!(
            parse_line(verify, Mode::Verify),
            Some(OutputLine {
                row: 3,
                key: Some("b".into()),
                pending: false
            })
        );
        // A verification line has no signatureId key when it is an error line.
        let error = br#"{"row":4,"bizId":null,"userId":null,"numberValue":null,"error":{}}"#;
        assert_eq!(parse_line(error, Mode::Verify).unwrap().key, None);
        assert_eq!(parse_line(error, Mode::Results), None);
        let pending = br#"{"row":5,"signatureId":"s","pending":true,"overallResult":null}"#;
        assert!(parse_line(pending, Mode::Results).unwrap().pending);
        for foreign in [&b"{}"[..], b"[1]", b"{\"row\":-1,\"bizId\":\"b\"}", b"x"] {
            assert_eq!(parse_line(foreign, Mode::Verify), None);
        }
    }

    #[test]
    fn fingerprint_is_order_independent_and_names_the_block() {
        let (mut a, mut b) = (Fingerprint::default(), Fingerprint::default());
        for row in [1, 2, 3000] {
            a.add(row, Some("k"));
        }
        for row in [3000, 2, 1] {
            b.add(row, Some("k"));
        }
        assert_eq!(a, b);
        assert_eq!(a.first_difference(&b), None);
        b.add(5000, None);
        assert_eq!(a.first_difference(&b), Some(4 * BLOCK));
        let mut c = Fingerprint::default();
        for (row, key) in [(1, "k"), (2, "other"), (3000, "k")] {
            c.add(row, Some(key));
        }
        assert_eq!(a.first_difference(&c), Some(0));
        // A row whose key was unreadable differs from the same row with a key.
        let (mut d, mut e) = (Fingerprint::default(), Fingerprint::default());
        d.add(7, None);
        e.add(7, Some(""));
        assert_ne!(d, e);
    }

    #[test]
    fn a_pending_line_is_seen_not_done() {
        let mut resume = Resume::default();
        resume.record(&OutputLine {
            row: 2,
            key: Some("s".into()),
            pending: true,
        });
        assert!(resume.seen.contains(2) && !resume.done.contains(2));
        resume.record(&OutputLine {
            row: 2,
            key: Some("s".into()),
            pending: false,
        });
        assert!(resume.done.contains(2));
        // Counted once in the fingerprint however many lines the row has.
        let mut once = Fingerprint::default();
        once.add(2, Some("s"));
        assert_eq!(resume.fingerprint, once);
    }
}
