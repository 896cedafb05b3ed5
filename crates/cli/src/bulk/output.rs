//! The output file: what a previous run already answered, and appending new answers.
//!
//! Every line is written whole and flushed to the operating system before its row is
//! counted, so killing the process loses no counted answer. A line cut short by a kill is
//! removed on the next start (its row runs again), so a rerun leaves no broken or duplicate
//! line. No `fsync` per line: a killed process loses nothing the kernel already holds; the
//! file is synced once at the end of the run (only a machine crash could lose lines).

use std::collections::BTreeMap;
use std::fs::{File, OpenOptions, TryLockError};
use std::io::{ErrorKind as IoErrorKind, Read, Write};
use std::path::Path;

use serde_json::Value;

/// Rows already in the output: row number to its `bizId` (when it has one).
pub(crate) type Answered = BTreeMap<u64, Option<String>>;

/// Why the output cannot be used.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum OutputError {
    /// It holds something other than bulk output lines.
    Foreign(String),
    /// Reading or writing failed.
    Io(String),
}

/// The output file, open for appending.
#[derive(Debug)]
pub(crate) struct Output {
    file: File,
}

/// Opens (or creates) `path`, locks it for this run (an advisory lock, released when the
/// process ends, however it ends), drops a trailing partial line, and returns the rows it
/// already answers.
pub(crate) fn open(path: &Path) -> Result<(Output, Answered), OutputError> {
    let io = |what: &str, e: std::io::Error| {
        OutputError::Io(format!("cannot {what} {}: {e}", path.display()))
    };
    let mut file = OpenOptions::new()
        .read(true)
        .append(true)
        .create(true)
        .open(path)
        .map_err(|e| io("open", e))?;
    // Two runs appending to one file would each send the rows the other is sending.
    match file.try_lock() {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => {
            return Err(OutputError::Foreign(format!(
                "{} is in use by another advanceai bulk run: wait for it, or use another --out file",
                path.display()
            )));
        }
        Err(TryLockError::Error(e)) => return Err(io("lock", e)),
    }
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes).map_err(|e| io("read", e))?;
    let (answered, keep, needs_newline) = scan(&bytes).map_err(OutputError::Foreign)?;
    if keep < bytes.len() as u64 {
        file.set_len(keep).map_err(|e| io("truncate", e))?;
    }
    if needs_newline {
        file.write_all(b"\n").map_err(|e| io("write", e))?;
    }
    Ok((Output { file }, answered))
}

/// Reads the answered rows of an output file's content. Returns them, how many bytes to
/// keep (a trailing partial line is dropped), and whether the kept content lacks its
/// final newline (a complete last line cut just before it).
fn scan(bytes: &[u8]) -> Result<(Answered, u64, bool), String> {
    let mut answered = Answered::new();
    let mut start = 0usize;
    let mut number = 0usize;
    while start < bytes.len() {
        number += 1;
        let (end, complete) = match bytes[start..].iter().position(|&b| b == b'\n') {
            Some(offset) => (start + offset, true),
            None => (bytes.len(), false),
        };
        let line = &bytes[start..end];
        match parse_line(line) {
            Some((row, biz_id)) => {
                answered.insert(row, biz_id);
            }
            // Whatever a kill cut short is dropped: its row runs again.
            None if !complete => return Ok((answered, start as u64, false)),
            None if line.iter().all(u8::is_ascii_whitespace) => {}
            None => {
                return Err(format!(
                    "line {number} of the output is not a bulk output line: use another --out file"
                ));
            }
        }
        if !complete {
            return Ok((answered, bytes.len() as u64, true));
        }
        start = end + 1;
    }
    Ok((answered, bytes.len() as u64, false))
}

/// The row number and `bizId` of an output line, or `None` when it is not one.
fn parse_line(line: &[u8]) -> Option<(u64, Option<String>)> {
    let value: Value = serde_json::from_slice(line).ok()?;
    let row = value.get("row")?.as_u64()?;
    let biz_id = value.get("bizId")?.as_str().map(str::to_owned);
    Some((row, biz_id))
}

impl Output {
    /// Appends one whole line and flushes it.
    pub(crate) fn append(&mut self, line: &str) -> std::io::Result<()> {
        self.file.write_all(line.as_bytes())?;
        self.file.flush()
    }

    /// Syncs the file to disk at the end of the run.
    pub(crate) fn finish(self) -> std::io::Result<()> {
        match self.file.sync_data() {
            // Some targets (a pipe, /dev/stdout) cannot be synced; their lines are written.
            Err(e) if e.kind() == IoErrorKind::InvalidInput => Ok(()),
            other => other,
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    const A: &str = r#"{"row":1,"bizId":"b1","userId":"u1","numberValue":"22********2","overallResult":"PASS","errorCode":"SUCCESS","signatureId":"s1"}"#;
    const B: &str = r#"{"row":3,"bizId":null,"userId":null,"numberValue":null,"error":{"kind":"INVALID_ROW","code":null,"message":"x","transactionId":null}}"#;

    #[test]
    fn scan_collects_rows() {
        let content = format!("{A}\n{B}\n");
        let (answered, keep, newline) = scan(content.as_bytes()).unwrap();
        assert_eq!(answered.len(), 2);
        assert_eq!(answered[&1], Some("b1".to_owned()));
        assert_eq!(answered[&3], None);
        assert_eq!(keep, content.len() as u64);
        assert!(!newline);
    }

    #[test]
    fn scan_drops_a_partial_trailing_line() {
        let content = format!("{A}\n{}", &B[..40]);
        let (answered, keep, newline) = scan(content.as_bytes()).unwrap();
        assert_eq!(answered.keys().copied().collect::<Vec<_>>(), [1]);
        assert_eq!(keep, A.len() as u64 + 1);
        assert!(!newline);
    }

    #[test]
    fn scan_keeps_a_complete_line_missing_its_newline() {
        let content = format!("{A}\n{B}");
        let (answered, keep, newline) = scan(content.as_bytes()).unwrap();
        assert_eq!(answered.len(), 2);
        assert_eq!(keep, content.len() as u64);
        assert!(newline);
    }

    #[test]
    fn scan_refuses_a_foreign_file() {
        let err = scan(b"name,number\nx,1\n").unwrap_err();
        assert!(err.contains("line 1"), "{err}");
        let err = scan(format!("{A}\n{{\"other\":1}}\n").as_bytes()).unwrap_err();
        assert!(err.contains("line 2"), "{err}");
        // Empty and missing files are fine.
        assert_eq!(scan(b"").unwrap().0.len(), 0);
    }

    #[test]
    fn open_truncates_then_appends() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.jsonl");
        std::fs::write(&path, format!("{A}\n{{\"row\":2,\"biz")).unwrap();
        let (mut output, answered) = open(&path).unwrap();
        assert_eq!(answered.keys().copied().collect::<Vec<_>>(), [1]);
        output.append(&format!("{B}\n")).unwrap();
        output.finish().unwrap();
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            format!("{A}\n{B}\n")
        );

        // A complete last line without its newline gets one before the next line.
        std::fs::write(&path, A).unwrap();
        let (mut output, answered) = open(&path).unwrap();
        assert_eq!(answered.len(), 1);
        output.append(&format!("{B}\n")).unwrap();
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            format!("{A}\n{B}\n")
        );

        drop(output);

        // A second run on the same file is refused while the first holds it.
        let (first, _) = open(&path).unwrap();
        let refused = open(&path).unwrap_err();
        assert!(
            matches!(&refused, OutputError::Foreign(m) if m.contains("in use by another")),
            "{refused:?}"
        );
        drop(first);
        assert!(open(&path).is_ok());

        // A new file is created.
        let fresh = dir.path().join("new.jsonl");
        let (_, answered) = open(&fresh).unwrap();
        assert!(answered.is_empty());
        assert!(fresh.exists());
    }
}
