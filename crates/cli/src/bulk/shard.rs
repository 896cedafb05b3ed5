//! `--shard K/N`: the rows this process runs when N processes split one input.
//!
//! A row belongs to shard `row % N`, with rows numbered from 1 as in the output, so N
//! processes (or machines) given the same input and `--shard 0/N` … `--shard N-1/N` run
//! every row exactly once with no coordination, each into its own output file. Their
//! outputs concatenated are the output of the whole input: a run over the whole input with
//! that file as `--out` finds every row done.

use std::fmt;
use std::str::FromStr;

/// One of N disjoint parts of an input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Shard {
    index: u64,
    count: u64,
}

impl Shard {
    /// The whole input: `0/1`.
    #[cfg(test)]
    pub(crate) const ALL: Self = Self { index: 0, count: 1 };

    /// Whether row `number` is in this shard.
    pub(crate) fn contains(self, number: u64) -> bool {
        number % self.count == self.index
    }

    /// Whether this is the whole input.
    pub(crate) fn is_all(self) -> bool {
        self.count == 1
    }
}

impl FromStr for Shard {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let invalid = || format!("`{text}` is not K/N with N at least 1 and K from 0 to N-1");
        let (index, count) = text.split_once('/').ok_or_else(invalid)?;
        let index: u64 = index.trim().parse().map_err(|_| invalid())?;
        let count: u64 = count.trim().parse().map_err(|_| invalid())?;
        if count == 0 || index >= count {
            return Err(invalid());
        }
        Ok(Self { index, count })
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn shards_split_rows_once() {
        let shards: Vec<Shard> = (0..3).map(|k| format!("{k}/3").parse().unwrap()).collect();
        for row in 1..=100u64 {
            assert_eq!(shards.iter().filter(|s| s.contains(row)).count(), 1);
        }
        assert!(shards[1].contains(1) && shards[0].contains(3));
        assert_eq!(shards[2].to_string(), "2/3");
        assert!(Shard::ALL.contains(7) && Shard::ALL.is_all());
        assert_eq!("0/1".parse::<Shard>().unwrap(), Shard::ALL);
    }

    #[test]
    fn refuses_what_is_not_a_shard() {
        for bad in ["", "1", "3/3", "0/0", "-1/2", "a/2", "1/b", "1/2/3", "4/3"] {
            let error = bad.parse::<Shard>().unwrap_err();
            assert!(error.contains("K/N"), "{bad}: {error}");
        }
    }
}
