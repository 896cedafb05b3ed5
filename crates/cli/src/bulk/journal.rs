//! The send journal: which billable requests left without their answer being written.
//!
//! Before a worker sends a verification it appends `N` (the row number) to `OUT.journal`;
//! when the request provably was not processed (never sent, or refused unprocessed) it
//! appends `-N`. Each entry is one `write` of a few bytes to a file opened for appending,
//! so it is in the kernel, and survives a kill, before the request leaves. A run killed
//! with SIGKILL (or a machine that lost power after the kernel wrote the journal) leaves
//! rows whose request may have been billed and whose answer is lost: the next run finds
//! them here (sent, not released, with no line in the output) and writes them as
//! `UNKNOWN_OUTCOME` instead of sending them a second time.
//!
//! The journal is removed at the end of a run that leaves no such row. It belongs to its
//! output file: delete both to start over.

use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, ErrorKind as IoErrorKind, Write};
use std::path::{Path, PathBuf};

use roaring::RoaringTreemap;

/// The journal of one output file.
#[derive(Debug)]
pub(crate) struct Journal {
    path: PathBuf,
    file: File,
}

/// The journal's path beside `out`.
fn path_of(out: &Path) -> PathBuf {
    let mut name = out.as_os_str().to_owned();
    name.push(".journal");
    PathBuf::from(name)
}

impl Journal {
    /// Opens (or creates) the journal of `out` and returns the rows a previous run sent
    /// and did not release. Call it only while holding the output's lock.
    pub(crate) fn open(out: &Path) -> Result<(Self, RoaringTreemap), String> {
        let path = path_of(out);
        let sent = match File::open(&path) {
            Ok(file) => read(BufReader::new(file))
                .map_err(|e| format!("cannot read {}: {e}", path.display()))?,
            Err(e) if e.kind() == IoErrorKind::NotFound => RoaringTreemap::new(),
            Err(e) => return Err(format!("cannot open {}: {e}", path.display())),
        };
        let file = OpenOptions::new()
            .append(true)
            .create(true)
            .open(&path)
            .map_err(|e| format!("cannot open {}: {e}", path.display()))?;
        Ok((Self { path, file }, sent))
    }

    /// Records that row `number` is about to be sent. The request must not leave unless
    /// this succeeded.
    pub(crate) fn sending(&self, number: u64) -> Result<(), String> {
        self.append(&format!("{number}\n"))
    }

    /// Records that row `number`'s request provably was not processed.
    pub(crate) fn released(&self, number: u64) -> Result<(), String> {
        self.append(&format!("-{number}\n"))
    }

    fn append(&self, entry: &str) -> Result<(), String> {
        // One write of a whole entry to a file opened for appending: entries from several
        // workers never interleave.
        (&self.file)
            .write_all(entry.as_bytes())
            .map_err(|e| format!("cannot write to {}: {e}", self.path.display()))
    }

    /// Removes the journal: every row it names has its line or was released.
    pub(crate) fn remove(self) -> Result<(), String> {
        drop(self.file);
        match std::fs::remove_file(&self.path) {
            Err(e) if e.kind() != IoErrorKind::NotFound => {
                Err(format!("cannot remove {}: {e}", self.path.display()))
            }
            _ => Ok(()),
        }
    }
}

/// The rows sent and not released, in journal order. A line cut short by a kill is
/// ignored: its write had not finished, so its request had not left.
fn read(mut reader: impl BufRead) -> std::io::Result<RoaringTreemap> {
    let mut sent = RoaringTreemap::new();
    let mut line = Vec::new();
    loop {
        line.clear();
        reader.read_until(b'\n', &mut line)?;
        let Some(entry) = line.strip_suffix(b"\n") else {
            return Ok(sent); // the end, or an entry cut short
        };
        let Ok(text) = std::str::from_utf8(entry) else {
            continue;
        };
        match text.strip_prefix('-') {
            Some(number) => {
                if let Ok(number) = number.parse::<u64>() {
                    sent.remove(number);
                }
            }
            None => {
                if let Ok(number) = text.parse::<u64>() {
                    sent.insert(number);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn sent_minus_released_in_order() {
        // Row 3 released then sent again; row 2 released; a cut entry at the end.
        let sent = read(&b"1\n2\n3\n-3\n-2\n3\n4\n12"[..]).unwrap();
        assert_eq!(sent.iter().collect::<Vec<_>>(), [1, 3, 4]);
        let sent = read(&b"1\n2\n-2\nx\n\n9\n"[..]).unwrap();
        assert_eq!(sent.iter().collect::<Vec<_>>(), [1, 9]);
    }

    #[test]
    fn records_survive_reopening_and_removal_clears_them() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out.jsonl");
        let (journal, sent) = Journal::open(&out).unwrap();
        assert!(sent.is_empty());
        journal.sending(5).unwrap();
        journal.sending(6).unwrap();
        journal.released(6).unwrap();
        drop(journal);
        assert_eq!(
            std::fs::read_to_string(dir.path().join("out.jsonl.journal")).unwrap(),
            "5\n6\n-6\n"
        );
        let (journal, sent) = Journal::open(&out).unwrap();
        assert_eq!(sent.iter().collect::<Vec<_>>(), [5]);
        journal.remove().unwrap();
        assert!(!dir.path().join("out.jsonl.journal").exists());
        let (_, sent) = Journal::open(&out).unwrap();
        assert!(sent.is_empty());
    }
}
