//! The test-number tables people read say what the sandbox does: the crate docs' tables and
//! the README's (database verification's, and the H5 flow's per market) are compared with
//! `TEST_NUMBERS`, row by row.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use advanceai_core::{Endpoint, ErrorCode, MARKETS, SUPPORTED_ID_NUMBER_TYPES};
use advanceai_sandbox::TEST_NUMBERS;

/// The last row of both tables: every number without a row of its own.
const OTHER_NUMBERS: &str = "any other valid number";

/// A cell as written, without its code span: ``"`""` (with a masked fake person)"`` is `""`,
/// and the code `""` is the empty error code.
fn cell(text: &str) -> String {
    let text = text.trim();
    let value = match text.strip_prefix('`') {
        Some(rest) => rest.split('`').next().unwrap_or_default(),
        None => text,
    };
    if value == "\"\"" {
        String::new()
    } else {
        value.to_owned()
    }
}

/// The rows (cells split, separator skipped) of the table whose header line is `header`.
fn table(lines: &[&str], header: &str) -> Vec<Vec<String>> {
    let start = lines
        .iter()
        .position(|line| line.trim() == header)
        .unwrap_or_else(|| panic!("no table with the header {header}"));
    lines[start + 1..]
        .iter()
        .map(|line| line.trim())
        .take_while(|line| line.starts_with('|'))
        .filter(|line| !line.starts_with("|---"))
        .map(|line| {
            line.trim_matches('|')
                .split('|')
                .map(cell)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Database verification's rows of `TEST_NUMBERS` as the tables write them: number,
/// overallResult, errorCode (this endpoint's spelling); then the row of every other
/// number, which passes.
fn expected() -> Vec<[String; 3]> {
    TEST_NUMBERS
        .iter()
        .filter(|row| row.database_verification)
        .map(|row| {
            // BVN and NIN alike: one number.
            let numbers: Vec<&str> = SUPPORTED_ID_NUMBER_TYPES
                .iter()
                .map(|t| row.number_for(t.market().unwrap()).unwrap())
                .collect();
            assert!(numbers.windows(2).all(|w| w[0] == w[1]), "{numbers:?}");
            let code = ErrorCode::from_wire(row.error_code);
            [
                numbers[0].to_owned(),
                row.overall_result.to_owned(),
                code.spelled_for(Endpoint::IdNumberVerification).to_owned(),
            ]
        })
        .chain([[OTHER_NUMBERS.to_owned(), "PASS".to_owned(), String::new()]])
        .collect()
}

/// The H5 table's header: the outcome, then one column per market type of core's table.
fn h5_header() -> String {
    let types: Vec<&str> = MARKETS.iter().map(|m| m.number_type).collect();
    format!("| overallResult | errorCode | {} |", types.join(" | "))
}

/// Every row of `TEST_NUMBERS` as the H5 tables write it: overallResult, errorCode, then
/// the number of each market type.
fn expected_h5() -> Vec<Vec<String>> {
    TEST_NUMBERS
        .iter()
        .map(|row| {
            [row.overall_result, row.error_code]
                .into_iter()
                .chain(MARKETS.iter().map(|m| row.number_for(m).unwrap()))
                .map(str::to_owned)
                .collect()
        })
        .collect()
}

fn first_three(rows: &[Vec<String>]) -> Vec<[String; 3]> {
    rows.iter()
        .map(|row| {
            assert!(row.len() >= 3, "a row with fewer than 3 cells: {row:?}");
            [row[0].clone(), row[1].clone(), row[2].clone()]
        })
        .collect()
}

fn read(relative: &str) -> String {
    let path = format!("{}/{relative}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

#[test]
fn the_crate_docs_table_is_test_numbers() {
    let source = read("src/lib.rs");
    let docs: Vec<&str> = source
        .lines()
        .filter_map(|line| line.strip_prefix("//!"))
        .map(|line| line.strip_prefix(' ').unwrap_or(line))
        .collect();
    let rows = table(
        &docs,
        "| numberValue | overallResult | errorCode | docDatabaseDetail |",
    );
    assert_eq!(
        first_three(&rows),
        expected(),
        "src/lib.rs's test-number table differs from TEST_NUMBERS"
    );
    assert_eq!(
        table(&docs, &h5_header()),
        expected_h5(),
        "src/lib.rs's H5 test-number table differs from TEST_NUMBERS"
    );
    // A pass carries a person, anything else null.
    for row in &rows {
        let person = row[3].as_str();
        if row[1] == "PASS" {
            assert!(person.starts_with("a fake person"), "{row:?}");
        } else {
            assert_eq!(person, "null", "{row:?}");
        }
    }
}

#[test]
fn the_readme_table_is_test_numbers() {
    let readme = read("../../README.md");
    let section = readme
        .split("\n## ")
        .find(|section| section.starts_with("The sandbox\n"))
        .expect("README.md has a section \"## The sandbox\"");
    let lines: Vec<&str> = section.lines().collect();
    let rows = table(
        &lines,
        "| database verification `numberValue` | overallResult | errorCode |",
    );
    assert_eq!(
        first_three(&rows),
        expected(),
        "README.md's test-number table (## The sandbox) differs from TEST_NUMBERS"
    );
    assert_eq!(
        table(&lines, &h5_header()),
        expected_h5(),
        "README.md's H5 test-number table (## The sandbox) differs from TEST_NUMBERS"
    );
}
