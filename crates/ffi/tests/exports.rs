//! `libadvanceai.so` exports exactly the functions `include/advanceai.h` declares: no
//! declared function is missing (a link error for C users), and no Rust symbol leaks out.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use std::collections::BTreeSet;
use std::process::Command;

use common::{have, profile_dir, repo_root, run, skip};

/// The function names declared in the header: `name(` at the start of a declaration.
fn declared() -> BTreeSet<String> {
    let header = std::fs::read_to_string(repo_root().join("include/advanceai.h")).unwrap();
    let mut names = BTreeSet::new();
    for line in header.lines().filter(|l| !l.trim_start().starts_with('*')) {
        let Some(open) = line.find('(') else { continue };
        let name = line[..open]
            .rsplit(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .next()
            .unwrap_or("");
        if name.starts_with("advanceai_") {
            names.insert(name.to_owned());
        }
    }
    names
}

#[test]
fn the_shared_library_exports_exactly_the_header() {
    if !have("nm") {
        skip("nm", "the export check of libadvanceai.so");
        return;
    }
    let library = profile_dir().join("libadvanceai.so");
    let output = run(Command::new("nm")
        .args(["-D", "--defined-only", "--format=posix"])
        .arg(&library));
    let exported: BTreeSet<String> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .map(str::to_owned)
        .collect();
    let declared = declared();
    assert!(declared.len() > 60, "parsed only {} names", declared.len());
    let missing: Vec<_> = declared.difference(&exported).collect();
    let extra: Vec<_> = exported.difference(&declared).collect();
    assert!(missing.is_empty(), "declared but not exported: {missing:?}");
    assert!(extra.is_empty(), "exported but not declared: {extra:?}");
}
