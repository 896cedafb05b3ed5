//! The output file: what a previous run already answered, and appending new answers.
//!
//! Every line is written whole and flushed to the operating system before its row is
//! counted, so killing the process loses no counted answer. A line cut short by a kill is
//! removed on the next start (its row runs again), so a rerun leaves no broken or duplicate
//! line. No `fsync` per line: a killed process loses nothing the kernel already holds; the
//! file is synced once at the end of the run (only a machine crash could lose lines).
//!
//! The previous lines are read one at a time into a [`Resume`]: resuming a run of ten
//! million rows needs a few megabytes, not the file.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{BufRead, BufReader, ErrorKind as IoErrorKind, Read, Seek, Write};
use std::path::Path;

use super::resume::{Resume, parse_line};
use super::row::Mode;

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
/// process ends, however it ends), drops a trailing partial line, and returns what it
/// already holds.
pub(crate) fn open(path: &Path, mode: Mode) -> Result<(Output, Resume), OutputError> {
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
    let scanned =
        scan(BufReader::with_capacity(256 * 1024, &file), mode).map_err(|error| match error {
            ScanError::Foreign(message) => OutputError::Foreign(message),
            ScanError::Io(e) => io("read", e),
        })?;
    if scanned.keep < scanned.length {
        file.set_len(scanned.keep).map_err(|e| io("truncate", e))?;
    }
    // Appends go to the end whatever the read position; rewinding keeps the file tidy for
    // targets that are not seekable (their error is ignored: nothing was read there).
    let _ = file.rewind();
    if scanned.needs_newline {
        file.write_all(b"\n").map_err(|e| io("write", e))?;
    }
    Ok((Output { file }, scanned.resume))
}

/// What scanning an output's content found.
#[derive(Debug)]
pub(crate) struct Scanned {
    pub(crate) resume: Resume,
    /// How many bytes were read.
    length: u64,
    /// How many bytes to keep (a trailing partial line is dropped).
    keep: u64,
    /// Whether the kept content lacks its final newline (a complete last line cut just
    /// before it).
    needs_newline: bool,
}

#[derive(Debug)]
pub(crate) enum ScanError {
    Foreign(String),
    Io(std::io::Error),
}

/// Reads the lines of an output, one at a time.
pub(crate) fn scan(mut reader: impl BufRead, mode: Mode) -> Result<Scanned, ScanError> {
    let mut resume = Resume::default();
    let mut line = Vec::new();
    let mut offset = 0u64;
    let mut number = 0u64;
    loop {
        line.clear();
        let read = reader.read_until(b'\n', &mut line).map_err(ScanError::Io)?;
        if read == 0 {
            return Ok(Scanned {
                resume,
                length: offset,
                keep: offset,
                needs_newline: false,
            });
        }
        number += 1;
        let complete = line.last() == Some(&b'\n');
        let text = if complete {
            &line[..line.len() - 1]
        } else {
            &line[..]
        };
        match parse_line(text, mode) {
            Some(parsed) => resume.record(&parsed),
            // Whatever a kill cut short is dropped: its row runs again.
            None if !complete => {
                return Ok(Scanned {
                    resume,
                    length: offset + read as u64,
                    keep: offset,
                    needs_newline: false,
                });
            }
            None if text.iter().all(u8::is_ascii_whitespace) => {}
            None => {
                return Err(ScanError::Foreign(format!(
                    "line {number} of the output is not a bulk output line: use another --out file"
                )));
            }
        }
        offset += read as u64;
        if !complete {
            return Ok(Scanned {
                resume,
                length: offset,
                keep: offset,
                needs_newline: true,
            });
        }
    }
}

/// Every row the lines of `reader` hold whose number is in `rows`, with its key (the first
/// line of each row): resuming names the row that does not match its input this way.
pub(crate) fn keys_in(
    reader: impl Read,
    mode: Mode,
    rows: std::ops::Range<u64>,
) -> std::io::Result<std::collections::BTreeMap<u64, Option<String>>> {
    let mut keys = std::collections::BTreeMap::new();
    for line in BufReader::new(reader).split(b'\n') {
        if let Some(parsed) = parse_line(&line?, mode)
            && rows.contains(&parsed.row)
        {
            keys.entry(parsed.row).or_insert(parsed.key);
        }
    }
    Ok(keys)
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
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use super::*;

    const A: &str = r#"{"row":1,"bizId":"b1","userId":"u1","numberValue":"22********2","overallResult":"PASS","errorCode":"SUCCESS","signatureId":"s1"}"#;
    const B: &str = r#"{"row":3,"bizId":null,"userId":null,"numberValue":null,"error":{"kind":"INVALID_ROW","code":null,"message":"x","transactionId":null}}"#;

    fn rows(scanned: &Scanned) -> Vec<u64> {
        scanned.resume.seen.iter().collect()
    }

    fn foreign(content: &[u8]) -> String {
        match scan(content, Mode::Verify) {
            Err(ScanError::Foreign(message)) => message,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn scan_collects_rows() {
        let content = format!("{A}\n{B}\n");
        let scanned = scan(content.as_bytes(), Mode::Verify).unwrap();
        assert_eq!(rows(&scanned), [1, 3]);
        assert_eq!(
            rows(&scanned),
            scanned.resume.done.iter().collect::<Vec<_>>()
        );
        assert_eq!(scanned.keep, content.len() as u64);
        assert!(!scanned.needs_newline);
    }

    #[test]
    fn scan_drops_a_partial_trailing_line() {
        let content = format!("{A}\n{}", &B[..40]);
        let scanned = scan(content.as_bytes(), Mode::Verify).unwrap();
        assert_eq!(rows(&scanned), [1]);
        assert_eq!(scanned.keep, A.len() as u64 + 1);
        assert_eq!(scanned.length, content.len() as u64);
        assert!(!scanned.needs_newline);
    }

    #[test]
    fn scan_keeps_a_complete_line_missing_its_newline() {
        let content = format!("{A}\n{B}");
        let scanned = scan(content.as_bytes(), Mode::Verify).unwrap();
        assert_eq!(rows(&scanned), [1, 3]);
        assert_eq!(scanned.keep, content.len() as u64);
        assert!(scanned.needs_newline);
    }

    #[test]
    fn scan_refuses_a_foreign_file() {
        let err = foreign(b"name,number\nx,1\n");
        assert!(err.contains("line 1"), "{err}");
        let err = foreign(format!("{A}\n{{\"other\":1}}\n").as_bytes());
        assert!(err.contains("line 2"), "{err}");
        // Empty and missing files are fine.
        assert!(scan(&b""[..], Mode::Verify).unwrap().resume.is_empty());
    }

    #[test]
    fn scan_of_results_keeps_pending_rows_to_fetch() {
        let content = "{\"row\":1,\"signatureId\":\"s1\",\"pending\":true,\"overallResult\":null,\"errorCode\":null}\n\
                       {\"row\":2,\"signatureId\":\"s2\",\"pending\":false,\"overallResult\":\"PASS\",\"errorCode\":\"SUCCESS\"}\n";
        let scanned = scan(content.as_bytes(), Mode::Results).unwrap();
        assert_eq!(rows(&scanned), [1, 2]);
        assert_eq!(scanned.resume.done.iter().collect::<Vec<_>>(), [2]);
        // A verification output is not a Get Result output.
        assert!(matches!(
            scan(format!("{B}\n").as_bytes(), Mode::Results),
            Err(ScanError::Foreign(_))
        ));
    }

    #[test]
    fn open_truncates_then_appends() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.jsonl");
        std::fs::write(&path, format!("{A}\n{{\"row\":2,\"biz")).unwrap();
        let (mut output, answered) = open(&path, Mode::Verify).unwrap();
        assert_eq!(answered.seen.iter().collect::<Vec<_>>(), [1]);
        output.append(&format!("{B}\n")).unwrap();
        output.finish().unwrap();
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            format!("{A}\n{B}\n")
        );

        // A complete last line without its newline gets one before the next line.
        std::fs::write(&path, A).unwrap();
        let (mut output, answered) = open(&path, Mode::Verify).unwrap();
        assert_eq!(answered.seen.len(), 1);
        output.append(&format!("{B}\n")).unwrap();
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            format!("{A}\n{B}\n")
        );

        drop(output);

        // A second run on the same file is refused while the first holds it.
        let (first, _) = open(&path, Mode::Verify).unwrap();
        let refused = open(&path, Mode::Verify).unwrap_err();
        assert!(
            matches!(&refused, OutputError::Foreign(m) if m.contains("in use by another")),
            "{refused:?}"
        );
        drop(first);
        assert!(open(&path, Mode::Verify).is_ok());

        // A new file is created.
        let fresh = dir.path().join("new.jsonl");
        let (_, answered) = open(&fresh, Mode::Verify).unwrap();
        assert!(answered.is_empty());
        assert!(fresh.exists());
    }
}
