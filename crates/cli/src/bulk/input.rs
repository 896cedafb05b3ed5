//! Reading the rows of a bulk run one at a time: CSV with a header, or JSONL.
//!
//! The reader holds one row at a time, so a run's memory does not grow with its input. A
//! row that cannot be read (bad UTF-8, bad JSON, a missing column) still becomes a
//! [`Row`] (its work is [`Work::Unreadable`](super::row::Work::Unreadable)), so it gets
//! its line in the output. Messages never quote the row's content: it holds an ID number.

use std::io::{BufRead, BufReader, Read};

use serde_json::Value;

use super::row::{Fields, Mode, Row};

/// The longest JSONL line read; a longer one is one unreadable row, never held whole.
const MAX_LINE_BYTES: usize = 1 << 20;

/// The input format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Format {
    /// CSV with a header line.
    Csv,
    /// One JSON object per line.
    Jsonl,
}

impl Format {
    /// The format of `path` from its extension (`-`, stdin, is JSONL).
    pub(crate) fn of(path: &std::path::Path, mode: Mode) -> Result<Self, String> {
        if path.as_os_str() == "-" {
            return Ok(Self::Jsonl);
        }
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("csv") => Ok(Self::Csv),
            Some("jsonl" | "json" | "ndjson") => Ok(Self::Jsonl),
            _ => Err(format!(
                "cannot tell the format of {}: name it .csv (with a header {}) or .jsonl",
                path.display(),
                mode.columns().join(",")
            )),
        }
    }
}

/// An input that cannot be used at all.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum InputError {
    /// The input is not in the expected shape (no header, missing column).
    Shape(String),
    /// Reading failed.
    Io(String),
}

/// The rows of an input, read one at a time; ends after the first [`InputError`].
pub(crate) struct RowReader<R: Read> {
    mode: Mode,
    source: Source<R>,
    /// The last row's number.
    number: u64,
    finished: bool,
}

enum Source<R: Read> {
    Csv {
        reader: csv::Reader<R>,
        /// Where each of the mode's columns is in a record.
        columns: Vec<usize>,
        /// How many fields the header has (a record with another count is unreadable).
        width: usize,
        record: csv::ByteRecord,
    },
    Jsonl {
        reader: BufReader<R>,
        line: Vec<u8>,
    },
}

impl<R: Read> RowReader<R> {
    /// A reader of `reader`'s rows; a CSV header is read (and checked) here.
    pub(crate) fn new(reader: R, format: Format, mode: Mode) -> Result<Self, InputError> {
        let source = match format {
            Format::Csv => csv_source(reader, mode)?,
            Format::Jsonl => Source::Jsonl {
                reader: BufReader::with_capacity(64 * 1024, reader),
                line: Vec::new(),
            },
        };
        Ok(Self {
            mode,
            source,
            number: 0,
            finished: false,
        })
    }

    fn next_fields(&mut self) -> Result<Option<Fields>, InputError> {
        let mode = self.mode;
        match &mut self.source {
            Source::Csv {
                reader,
                columns,
                width,
                record,
            } => {
                let more = reader
                    .read_byte_record(record)
                    .map_err(|e| InputError::Io(format!("cannot read the CSV input: {e}")))?;
                if !more {
                    return Ok(None);
                }
                self.number += 1;
                Ok(Some(csv_fields(record, columns, *width, mode)))
            }
            Source::Jsonl { reader, line } => loop {
                let Some(too_long) = read_line(reader, line)? else {
                    return Ok(None);
                };
                self.number += 1;
                if too_long {
                    return Ok(Some(Fields::Unreadable {
                        known: Vec::new(),
                        reason: format!("the line is longer than {MAX_LINE_BYTES} bytes"),
                    }));
                }
                let text = trim_bom(line);
                // A blank line is not a row (but keeps the line numbering).
                if !text.iter().all(u8::is_ascii_whitespace) {
                    return Ok(Some(json_fields(text, mode)));
                }
            },
        }
    }
}

impl<R: Read> Iterator for RowReader<R> {
    type Item = Result<Row, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.finished {
            return None;
        }
        match self.next_fields() {
            Ok(Some(fields)) => Some(Ok(self.mode.row(self.number, fields))),
            Ok(None) => {
                self.finished = true;
                None
            }
            Err(error) => {
                self.finished = true;
                Some(Err(error))
            }
        }
    }
}

fn csv_source<R: Read>(reader: R, mode: Mode) -> Result<Source<R>, InputError> {
    // Flexible: a short or long record is one bad row, not the end of the run.
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(true)
        .from_reader(reader);
    let header = reader
        .byte_headers()
        .map_err(|e| InputError::Io(format!("cannot read the CSV header: {e}")))?;
    let columns = mode
        .columns()
        .iter()
        .map(|name| {
            header
                .iter()
                .position(|h| trim_bom(h) == name.as_bytes())
                .ok_or_else(|| {
                    InputError::Shape(format!(
                        "the CSV header has no `{name}` column (expected {})",
                        mode.columns().join(",")
                    ))
                })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let width = header.len();
    Ok(Source::Csv {
        reader,
        columns,
        width,
        record: csv::ByteRecord::new(),
    })
}

fn csv_fields(record: &csv::ByteRecord, columns: &[usize], width: usize, mode: Mode) -> Fields {
    let field = |i: usize| record.get(columns[i]).map(std::str::from_utf8);
    let known = || {
        (0..columns.len())
            .map(|i| match field(i) {
                Some(Ok(value)) => Some(value.to_owned()),
                _ => None,
            })
            .collect()
    };
    if record.len() != width {
        return Fields::Unreadable {
            known: known(),
            reason: format!(
                "the CSV row has {} fields, the header {width}",
                record.len()
            ),
        };
    }
    if let Some(bad) = (0..columns.len()).find(|&i| !matches!(field(i), Some(Ok(_)))) {
        return Fields::Unreadable {
            known: known(),
            reason: format!("`{}` is not valid UTF-8", mode.columns()[bad]),
        };
    }
    Fields::Read(known().into_iter().map(Option::unwrap_or_default).collect())
}

fn trim_bom(field: &[u8]) -> &[u8] {
    field.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(field)
}

/// Reads the next line into `line` (without its newline); `None` at the end of the input,
/// `Some(true)` when the line was longer than [`MAX_LINE_BYTES`] (the rest is skipped,
/// never held).
fn read_line(reader: &mut impl BufRead, line: &mut Vec<u8>) -> Result<Option<bool>, InputError> {
    let io = |e: std::io::Error| InputError::Io(format!("cannot read the JSONL input: {e}"));
    line.clear();
    let mut too_long = false;
    let mut read_any = false;
    loop {
        let buffer = reader.fill_buf().map_err(io)?;
        if buffer.is_empty() {
            return Ok(read_any.then_some(too_long));
        }
        read_any = true;
        let (chunk, used, ended) = match buffer.iter().position(|&b| b == b'\n') {
            Some(at) => (&buffer[..at], at + 1, true),
            None => (buffer, buffer.len(), false),
        };
        if !too_long && line.len() + chunk.len() <= MAX_LINE_BYTES {
            line.extend_from_slice(chunk);
        } else {
            too_long = true;
            line.clear();
        }
        reader.consume(used);
        if ended {
            return Ok(Some(too_long));
        }
    }
}

fn json_fields(line: &[u8], mode: Mode) -> Fields {
    let unreadable = |known, reason: String| Fields::Unreadable { known, reason };
    let object = match serde_json::from_slice::<Value>(line) {
        Ok(Value::Object(object)) => object,
        Ok(_) => return unreadable(Vec::new(), "the line is JSON but not an object".into()),
        // serde_json's message names the position only, never the content.
        Err(e) => return unreadable(Vec::new(), format!("the line is not valid JSON: {e}")),
    };
    let text = |key: &str| object.get(key).and_then(Value::as_str).map(str::to_owned);
    let mut values = Vec::with_capacity(mode.columns().len());
    for key in mode.columns() {
        match object.get(*key) {
            // Missing or null: empty, so validation refuses it with the server's message.
            None | Some(Value::Null) => values.push(String::new()),
            Some(Value::String(s)) => values.push(s.clone()),
            Some(_) => {
                let known = mode.columns().iter().map(|key| text(key)).collect();
                return unreadable(known, format!("`{key}` must be a string"));
            }
        }
    }
    Fields::Read(values)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use advanceai_core::{IdNumberVerificationRequest, InvalidRequest};

    use super::*;
    use crate::bulk::row::Work;

    fn read_rows(input: &[u8], format: Format) -> Result<Vec<Row>, InputError> {
        RowReader::new(input, format, Mode::Verify)?.collect()
    }

    fn request(row: &Row) -> &IdNumberVerificationRequest {
        match &row.work {
            Work::Verify(request) => request.get(),
            _ => panic!("row {} not sendable", row.number),
        }
    }

    fn reason(row: &Row) -> &str {
        match &row.work {
            Work::Unreadable(reason) => reason,
            _ => panic!("row {} was readable", row.number),
        }
    }

    #[test]
    fn format_from_extension() {
        let of = |path: &str| Format::of(path.as_ref(), Mode::Verify);
        assert_eq!(of("a.csv"), Ok(Format::Csv));
        assert_eq!(of("a.CSV"), Ok(Format::Csv));
        assert_eq!(of("a.jsonl"), Ok(Format::Jsonl));
        assert_eq!(of("a.json"), Ok(Format::Jsonl));
        assert_eq!(of("-"), Ok(Format::Jsonl));
        assert!(of("a.txt").is_err());
        assert!(of("noext").is_err());
        let results = Format::of("a.txt".as_ref(), Mode::Results).unwrap_err();
        assert!(results.contains("header signatureId"), "{results}");
    }

    #[test]
    fn csv_rows_by_header_name() {
        // Columns in another order, an extra column, a BOM, a quoted field.
        let input = "\u{feff}userId,bizId,extra,region,numberType,numberValue\n\
                     u1,b1,x,NGA,BVN,22222222222\n\
                     u2,\"b,2\",x,NGA,NIN,00000000000\n";
        let rows = read_rows(input.as_bytes(), Format::Csv).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].number, 1);
        let first = request(&rows[0]);
        assert_eq!(
            (first.biz_id.as_str(), first.user_id.as_str()),
            ("b1", "u1")
        );
        assert_eq!(first.number_value.expose(), "22222222222");
        let second = request(&rows[1]);
        assert_eq!(rows[1].number, 2);
        assert_eq!(second.biz_id, "b,2");
        assert_eq!(second.number_type, "NIN");
    }

    #[test]
    fn csv_bad_rows_are_kept_without_content() {
        let mut input = b"bizId,userId,region,numberType,numberValue\n\
                          b1,u1,NGA,BVN\n\
                          b2,u2,NGA,BVN,2222222222\xff\n\
                          b3,u3,NGA,BVN,123\n"
            .to_vec();
        input.extend_from_slice(b"b4,u4,NGA,BVN,22222222222,extra\n");
        let rows = read_rows(input.as_slice(), Format::Csv).unwrap();
        assert_eq!(rows.len(), 4);
        assert_eq!(reason(&rows[0]), "the CSV row has 4 fields, the header 5");
        assert_eq!(rows[0].subject.key.as_deref(), Some("b1"));
        assert_eq!(rows[0].subject.user_id.as_deref(), Some("u1"));
        assert_eq!(reason(&rows[1]), "`numberValue` is not valid UTF-8");
        assert_eq!(rows[1].subject.key.as_deref(), Some("b2"));
        // Readable but invalid: validation refuses it (once, here), not the reader.
        assert_eq!(rows[2].subject.number_value.as_deref(), Some("***"));
        assert!(matches!(
            &rows[2].work,
            Work::Invalid(InvalidRequest::NumberValueInvalid)
        ));
        assert!(!rows[1].is_sendable() && !rows[2].is_sendable());
        assert!(reason(&rows[3]).contains("6 fields"));
    }

    #[test]
    fn csv_without_a_column_is_refused() {
        let err = read_rows(
            "bizId,userId,region,numberType\nb,u,NGA,BVN\n".as_bytes(),
            Format::Csv,
        )
        .unwrap_err();
        assert!(matches!(err, InputError::Shape(m) if m.contains("`numberValue`")));
    }

    #[test]
    fn jsonl_rows_numbered_by_line() {
        let input = concat!(
            r#"{"bizId":"b1","userId":"u1","region":"NGA","numberType":"BVN","numberValue":"22222222222"}"#,
            "\n\n",
            r#"{"bizId":"b2","userId":"u2","region":"NGA","numberType":"BVN","numberValue":null}"#,
            "\n",
            r#"{"bizId":"b3","userId":"u3","region":"NGA","numberType":"BVN","numberValue":22222222222}"#,
            "\n",
            r#"{"bizId":"b4", "#,
            "\n[1,2]\n",
            r#"{"bizId":"b6","userId":"u6","region":"NGA","numberType":"BVN","numberValue":"44444444444"}"#,
        );
        let rows = read_rows(input.as_bytes(), Format::Jsonl).unwrap();
        let numbers: Vec<u64> = rows.iter().map(|r| r.number).collect();
        assert_eq!(numbers, [1, 3, 4, 5, 6, 7]);
        assert_eq!(request(&rows[0]).biz_id, "b1");
        // null becomes empty: validation refuses it with the server's message.
        assert!(matches!(&rows[1].work, Work::Invalid(_)));
        assert_eq!(rows[1].subject.key.as_deref(), Some("b2"));
        assert_eq!(reason(&rows[2]), "`numberValue` must be a string");
        assert_eq!(rows[2].subject.key.as_deref(), Some("b3"));
        // Never the number itself in a reason.
        assert!(!reason(&rows[2]).contains("22222222222"));
        assert!(reason(&rows[3]).starts_with("the line is not valid JSON"));
        assert_eq!(reason(&rows[4]), "the line is JSON but not an object");
        // The last line has no newline and is still a row.
        assert_eq!(request(&rows[5]).number_value.expose(), "44444444444");
    }

    #[test]
    fn jsonl_invalid_utf8_is_one_bad_row() {
        let input = b"{\"bizId\":\"b\xff\"}\n";
        let rows = read_rows(&input[..], Format::Jsonl).unwrap();
        assert_eq!(rows.len(), 1);
        assert!(reason(&rows[0]).starts_with("the line is not valid JSON"));
    }
}

#[cfg(test)]
mod streaming_tests {
    #![allow(clippy::unwrap_used, clippy::panic)]

    use super::*;
    use crate::bulk::row::Work;

    #[test]
    fn results_rows_read_the_signature_id_column() {
        let input = "other,signatureId\nx,s1\ny,\n";
        let rows: Vec<Row> = RowReader::new(input.as_bytes(), Format::Csv, Mode::Results)
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert!(matches!(&rows[0].work, Work::Fetch(r) if r.get().signature_id == "s1"));
        // An empty signatureId is refused locally with the library's rule.
        assert!(matches!(&rows[1].work, Work::Invalid(_)));
        let jsonl = "{\"signatureId\":\"s9\"}\n{\"signatureId\":9}\n";
        let rows: Vec<Row> = RowReader::new(jsonl.as_bytes(), Format::Jsonl, Mode::Results)
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(rows[0].subject.key.as_deref(), Some("s9"));
        assert!(matches!(&rows[1].work, Work::Unreadable(m) if m.contains("signatureId")));
        let missing = RowReader::new("bizId\nb\n".as_bytes(), Format::Csv, Mode::Results);
        assert!(matches!(missing, Err(InputError::Shape(m)) if m.contains("`signatureId`")));
    }

    #[test]
    fn a_line_too_long_is_one_unreadable_row_never_held() {
        let mut input = b"{\"signatureId\":\"a\"}\n".to_vec();
        input.extend(std::iter::repeat_n(b'x', MAX_LINE_BYTES + 10));
        input.extend_from_slice(b"\n{\"signatureId\":\"c\"}");
        let rows: Vec<Row> = RowReader::new(&input[..], Format::Jsonl, Mode::Results)
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let numbers: Vec<u64> = rows.iter().map(|r| r.number).collect();
        assert_eq!(numbers, [1, 2, 3]);
        assert!(matches!(&rows[1].work, Work::Unreadable(m) if m.contains("longer than")));
        assert_eq!(rows[2].subject.key.as_deref(), Some("c"));
    }

    /// A reader that fails after its first bytes.
    struct Failing(bool);

    impl Read for Failing {
        fn read(&mut self, buffer: &mut [u8]) -> std::io::Result<usize> {
            if std::mem::replace(&mut self.0, true) {
                return Err(std::io::Error::other("disk gone"));
            }
            let first = b"{\"signatureId\":\"s\"}\n";
            buffer[..first.len()].copy_from_slice(first);
            Ok(first.len())
        }
    }

    #[test]
    fn a_read_error_ends_the_rows() {
        let mut rows = RowReader::new(Failing(false), Format::Jsonl, Mode::Results).unwrap();
        assert!(rows.next().unwrap().is_ok());
        assert!(matches!(rows.next(), Some(Err(InputError::Io(m))) if m.contains("disk gone")));
        assert!(rows.next().is_none());
    }
}
