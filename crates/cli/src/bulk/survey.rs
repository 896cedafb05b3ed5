//! The pass over the input before anything is sent: how many rows there are (for progress),
//! and whether the output being resumed was written from this input.
//!
//! An output of another input would make the run skip the wrong rows, so it is refused
//! here, naming the first row that does not match, before any row is sent. The input is
//! read once more, one row at a time; only the fingerprint and the counts are kept.

use std::io::Read;
use std::path::Path;

use super::input::{InputError, RowReader};
use super::output;
use super::resume::{BLOCK, Fingerprint, Resume};
use super::row::Mode;
use super::shard::Shard;

/// What the survey found.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Survey {
    /// Rows of the input in the shard.
    pub(crate) rows: u64,
    /// Of those, rows the output already has (done).
    pub(crate) done: u64,
}

/// Why the survey refuses the run.
#[derive(Debug)]
pub(crate) enum SurveyError {
    /// The input cannot be read.
    Input(InputError),
    /// The output holds a row that does not match the input's row of the same number.
    Foreign(u64),
    /// Reading the output again failed.
    Io(String),
}

impl From<InputError> for SurveyError {
    fn from(error: InputError) -> Self {
        Self::Input(error)
    }
}

/// Counts the rows of `input` in `shard` and checks them against `resume`; `reopen` reads
/// the input again from its start (only called when a row must be named).
pub(crate) fn survey<R: Read>(
    input: RowReader<R>,
    mode: Mode,
    shard: Shard,
    resume: &Resume,
    out: &Path,
    reopen: impl FnOnce() -> Result<RowReader<R>, InputError>,
) -> Result<Survey, SurveyError> {
    let mut counts = Survey { rows: 0, done: 0 };
    let mut fingerprint = Fingerprint::default();
    for row in input {
        let row = row?;
        if !shard.contains(row.number) {
            continue;
        }
        counts.rows += 1;
        if resume.seen.contains(row.number) {
            fingerprint.add(row.number, row.subject.key.as_deref());
        }
        if resume.done.contains(row.number) {
            counts.done += 1;
        }
    }
    let Some(block) = fingerprint.first_difference(&resume.fingerprint) else {
        return Ok(counts);
    };
    Err(name_the_row(mode, shard, block, out, reopen()?))
}

/// The first row of the block starting at `block` whose line in `out` does not match the
/// input's row (missing from the input, outside the shard, or with another key).
fn name_the_row<R: Read>(
    mode: Mode,
    shard: Shard,
    block: u64,
    out: &Path,
    input: RowReader<R>,
) -> SurveyError {
    let rows = block..block.saturating_add(BLOCK);
    let written =
        match std::fs::File::open(out).and_then(|file| output::keys_in(file, mode, rows.clone())) {
            Ok(written) => written,
            Err(e) => return SurveyError::Io(format!("cannot read {}: {e}", out.display())),
        };
    let mut inputs = std::collections::BTreeMap::new();
    for row in input {
        let row = match row {
            Ok(row) => row,
            Err(error) => return SurveyError::Input(error),
        };
        if row.number >= rows.end {
            break;
        }
        if rows.contains(&row.number) && shard.contains(row.number) {
            inputs.insert(row.number, row.subject.key);
        }
    }
    let differs = written
        .iter()
        .find(|(number, key)| inputs.get(number) != Some(key));
    // The sums differ, so a row differs; a hash collision alone would name the block.
    SurveyError::Foreign(differs.map_or(block.max(1), |(number, _)| *number))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic)]

    use super::*;
    use crate::bulk::input::Format;
    use crate::bulk::resume::{OutputLine, Resume};

    const HEADER: &str = "bizId,userId,region,numberType,numberValue\n";

    fn reader(csv: &str) -> RowReader<&[u8]> {
        RowReader::new(csv.as_bytes(), Format::Csv, Mode::Verify).unwrap()
    }

    fn line(row: u64, key: &str) -> String {
        format!("{{\"row\":{row},\"bizId\":\"{key}\"}}\n")
    }

    #[test]
    fn names_the_first_row_that_does_not_match() {
        let mut csv = HEADER.to_owned();
        for i in 1..=3000 {
            csv.push_str(&format!("b{i},u,NGA,BVN,22222222222\n"));
        }
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out.jsonl");
        let check = |lines: &[(u64, &str)], shard: Shard| {
            let mut resume = Resume::default();
            let mut text = String::new();
            for (row, key) in lines {
                text.push_str(&line(*row, key));
                resume.record(&OutputLine {
                    row: *row,
                    key: Some((*key).to_owned()),
                    pending: false,
                });
            }
            std::fs::write(&out, text).unwrap();
            survey(reader(&csv), Mode::Verify, shard, &resume, &out, || {
                Ok(reader(&csv))
            })
        };
        let ok = check(&[(1, "b1"), (2500, "b2500")], Shard::ALL).unwrap();
        assert_eq!((ok.rows, ok.done), (3000, 2));
        for (lines, shard, named) in [
            (&[(1, "b1"), (2050, "x"), (2060, "y")][..], Shard::ALL, 2050),
            (&[(2, "b2"), (5000, "b5000")][..], Shard::ALL, 5000),
            // Row 3 is not in shard 0/2: an output of another shard.
            (&[(2, "b2"), (3, "b3")][..], "0/2".parse().unwrap(), 3),
        ] {
            match check(lines, shard) {
                Err(SurveyError::Foreign(row)) => assert_eq!(row, named, "{lines:?}"),
                other => panic!("{lines:?}: {other:?}"),
            }
        }
        let half = check(&[(2, "b2"), (4, "b4")], "0/2".parse().unwrap()).unwrap();
        assert_eq!((half.rows, half.done), (1500, 2));
    }
}
