//! Reading the rows of a bulk run: CSV with a header, or JSONL, into numbered rows.
//!
//! A row that cannot be read (bad UTF-8, bad JSON, a missing column) is kept as a
//! [`RowInput::Unreadable`] so it still gets its line in the output. Messages never quote
//! the row's content: it holds an ID number.

use std::io::{BufRead, Read};

use advanceai_core::{IdNumberVerificationRequest, InvalidRequest, Validated};
use serde_json::Value;

/// The columns (CSV) or keys (JSONL) every row has, in the documented order.
pub(crate) const COLUMNS: [&str; 5] = ["bizId", "userId", "region", "numberType", "numberValue"];

/// One data row of the input.
#[derive(Debug)]
pub(crate) struct Row {
    /// 1-based: the CSV record after the header, or the JSONL line.
    pub(crate) number: u64,
    /// What the row holds.
    pub(crate) input: RowInput,
}

/// What a row holds. A readable row is checked against the server's rules once, here.
#[derive(Debug)]
pub(crate) enum RowInput {
    /// A request that passed validation: it will be sent.
    Request(Validated<IdNumberVerificationRequest>),
    /// A request that breaks a server rule: never sent.
    Invalid {
        /// The request as read.
        request: IdNumberVerificationRequest,
        /// The rule it breaks (the server's code and message).
        problem: InvalidRequest,
    },
    /// A row that could not be read; `biz_id`/`user_id` when they could be.
    Unreadable {
        /// The row's `bizId`, when readable.
        biz_id: Option<String>,
        /// The row's `userId`, when readable.
        user_id: Option<String>,
        /// Why, without the row's content.
        reason: String,
    },
}

impl Row {
    /// The row's request, valid or not; `None` when the row is unreadable.
    pub(crate) fn request(&self) -> Option<&IdNumberVerificationRequest> {
        match &self.input {
            RowInput::Request(request) => Some(request.get()),
            RowInput::Invalid { request, .. } => Some(request),
            RowInput::Unreadable { .. } => None,
        }
    }

    /// The row's `bizId`, when readable.
    pub(crate) fn biz_id(&self) -> Option<&str> {
        match &self.input {
            RowInput::Unreadable { biz_id, .. } => biz_id.as_deref(),
            _ => self.request().map(|request| request.biz_id.as_str()),
        }
    }

    /// Whether the row will be sent: readable, and valid by the server's rules.
    pub(crate) fn is_sendable(&self) -> bool {
        matches!(&self.input, RowInput::Request(_))
    }
}

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
    pub(crate) fn of(path: &std::path::Path) -> Result<Self, String> {
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
                COLUMNS.join(",")
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

/// Reads every row of `reader`.
pub(crate) fn read_rows(reader: impl Read, format: Format) -> Result<Vec<Row>, InputError> {
    match format {
        Format::Csv => read_csv(reader),
        Format::Jsonl => read_jsonl(std::io::BufReader::new(reader)),
    }
}

fn read_csv(reader: impl Read) -> Result<Vec<Row>, InputError> {
    // Flexible: a short or long record is one bad row, not the end of the run.
    let mut csv = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(true)
        .from_reader(reader);
    let header = csv
        .byte_headers()
        .map_err(|e| InputError::Io(format!("cannot read the CSV header: {e}")))?
        .clone();
    let mut columns = [0usize; 5];
    for (slot, name) in columns.iter_mut().zip(COLUMNS) {
        *slot = header
            .iter()
            .position(|h| trim_bom(h) == name.as_bytes())
            .ok_or_else(|| {
                InputError::Shape(format!(
                    "the CSV header has no `{name}` column (expected {})",
                    COLUMNS.join(",")
                ))
            })?;
    }
    let mut rows = Vec::new();
    let mut record = csv::ByteRecord::new();
    let mut number = 0u64;
    loop {
        match csv.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => return Err(InputError::Io(format!("cannot read the CSV input: {e}"))),
        }
        number += 1;
        let field = |i: usize| record.get(columns[i]).map(std::str::from_utf8);
        let text = |i: usize| match field(i) {
            Some(Ok(value)) => Some(value.to_owned()),
            _ => None,
        };
        let input = if record.len() != header.len() {
            RowInput::Unreadable {
                biz_id: text(0),
                user_id: text(1),
                reason: format!(
                    "the CSV row has {} fields, the header {}",
                    record.len(),
                    header.len()
                ),
            }
        } else if let Some(bad) = (0..5).find(|&i| !matches!(field(i), Some(Ok(_)))) {
            RowInput::Unreadable {
                biz_id: text(0),
                user_id: text(1),
                reason: format!("`{}` is not valid UTF-8", COLUMNS[bad]),
            }
        } else {
            let [b, u, r, t, n] = [0, 1, 2, 3, 4].map(|i| text(i).unwrap_or_default());
            checked(IdNumberVerificationRequest::new(b, u, r, t, n))
        };
        rows.push(Row { number, input });
    }
    Ok(rows)
}

fn trim_bom(field: &[u8]) -> &[u8] {
    field.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(field)
}

fn read_jsonl(mut reader: impl BufRead) -> Result<Vec<Row>, InputError> {
    let mut rows = Vec::new();
    let mut line = Vec::new();
    let mut number = 0u64;
    loop {
        line.clear();
        let read = reader
            .read_until(b'\n', &mut line)
            .map_err(|e| InputError::Io(format!("cannot read the JSONL input: {e}")))?;
        if read == 0 {
            break;
        }
        number += 1;
        let text = trim_bom(&line);
        if text.iter().all(u8::is_ascii_whitespace) {
            // A blank line is not a row (but keeps the line numbering).
            continue;
        }
        rows.push(Row {
            number,
            input: parse_json_row(text),
        });
    }
    Ok(rows)
}

fn parse_json_row(line: &[u8]) -> RowInput {
    let unreadable = |biz_id, user_id, reason: String| RowInput::Unreadable {
        biz_id,
        user_id,
        reason,
    };
    let object = match serde_json::from_slice::<Value>(line) {
        Ok(Value::Object(object)) => object,
        Ok(_) => return unreadable(None, None, "the line is JSON but not an object".into()),
        // serde_json's message names the position only, never the content.
        Err(e) => return unreadable(None, None, format!("the line is not valid JSON: {e}")),
    };
    let text = |key: &str| object.get(key).and_then(Value::as_str).map(str::to_owned);
    let mut values: [String; 5] = Default::default();
    for (value, key) in values.iter_mut().zip(COLUMNS) {
        match object.get(key) {
            // Missing or null: empty, so validation refuses it with the server's message.
            None | Some(Value::Null) => {}
            Some(Value::String(s)) => value.clone_from(s),
            Some(_) => {
                return unreadable(
                    text("bizId"),
                    text("userId"),
                    format!("`{key}` must be a string"),
                );
            }
        }
    }
    let [b, u, r, t, n] = values;
    checked(IdNumberVerificationRequest::new(b, u, r, t, n))
}

/// A readable row, validated once: sent as is, or refused with the server's message.
fn checked(request: IdNumberVerificationRequest) -> RowInput {
    match Validated::new(request) {
        Ok(request) => RowInput::Request(request),
        Err((request, problem)) => RowInput::Invalid { request, problem },
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use super::*;

    fn request(row: &Row) -> &IdNumberVerificationRequest {
        match row.request() {
            Some(request) => request,
            None => panic!("row {} unreadable", row.number),
        }
    }

    fn reason(row: &Row) -> &str {
        match &row.input {
            RowInput::Unreadable { reason, .. } => reason,
            _ => panic!("row {} was readable", row.number),
        }
    }

    #[test]
    fn format_from_extension() {
        assert_eq!(Format::of("a.csv".as_ref()), Ok(Format::Csv));
        assert_eq!(Format::of("a.CSV".as_ref()), Ok(Format::Csv));
        assert_eq!(Format::of("a.jsonl".as_ref()), Ok(Format::Jsonl));
        assert_eq!(Format::of("a.json".as_ref()), Ok(Format::Jsonl));
        assert_eq!(Format::of("-".as_ref()), Ok(Format::Jsonl));
        assert!(Format::of("a.txt".as_ref()).is_err());
        assert!(Format::of("noext".as_ref()).is_err());
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
        assert_eq!(rows[0].biz_id(), Some("b1"));
        assert_eq!(reason(&rows[1]), "`numberValue` is not valid UTF-8");
        // Readable but invalid: validation refuses it (once, here), not the reader.
        assert_eq!(request(&rows[2]).number_value.expose(), "123");
        assert!(matches!(
            &rows[2].input,
            RowInput::Invalid {
                problem: InvalidRequest::NumberValueInvalid,
                ..
            }
        ));
        assert!(rows[1].request().is_none() && !rows[2].is_sendable());
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
        assert_eq!(request(&rows[1]).number_value.expose(), "");
        assert_eq!(reason(&rows[2]), "`numberValue` must be a string");
        assert_eq!(rows[2].biz_id(), Some("b3"));
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
