//! Entry points for the fuzz targets (`fuzz/`, `crates/fuzz-targets`): the bulk readers,
//! reached without a command line. Not a stable API.

use crate::bulk::fuzzing as bulk;

/// Reads every row of a bulk input (CSV with a header when `csv`, else JSONL), as a
/// verification run and as a `--results` run, and returns how many rows the verification
/// run read. Never panics, whatever `data` holds.
pub fn read_bulk_input(data: &[u8], csv: bool) -> usize {
    bulk::read_input(data, csv)
}

/// Scans `data` as the output of a previous bulk run is scanned before resuming, in both
/// modes, and returns how many rows the verification scan found. Never panics.
pub fn scan_bulk_output(data: &[u8]) -> usize {
    bulk::scan_output(data)
}
