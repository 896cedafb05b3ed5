//! The CLI's bulk readers, through `advanceai_cli::fuzzing`: the CSV and JSONL inputs (each
//! row's output line must read back as its own row, which the CLI asserts) and the scan of
//! an output being resumed.

use advanceai_cli::fuzzing::{read_bulk_input, scan_bulk_output};

/// How many lines `data` can hold at most: every row or output line ends at a line break
/// (CSV also takes a lone `\r`), except perhaps the last.
fn most_lines(data: &[u8]) -> usize {
    data.iter().filter(|b| matches!(b, b'\n' | b'\r')).count() + 1
}

/// A bulk CSV input (a header, then rows).
pub fn bulk_csv(data: &[u8]) {
    let rows = read_bulk_input(data, true);
    assert!(rows <= most_lines(data), "more CSV rows than lines");
}

/// A bulk JSONL input (one object per line).
pub fn bulk_jsonl(data: &[u8]) {
    let rows = read_bulk_input(data, false);
    assert!(rows <= most_lines(data), "more JSONL rows than lines");
}

/// A bulk output file, scanned before a run resumes it.
pub fn bulk_output_scan(data: &[u8]) {
    let rows = scan_bulk_output(data);
    assert!(rows <= most_lines(data), "more output rows than lines");
}
