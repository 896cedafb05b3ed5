//! `fuzz/` (the cargo-fuzz crate) has exactly one target per [`TARGETS`] entry, each calling
//! only its body, and its dictionary is the one the seed example writes.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use advanceai_fuzz_targets::{TARGETS, dictionary};

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz")
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_target_has_one_cargo_fuzz_target_and_no_other_exists() {
    let names: BTreeSet<&str> = TARGETS.iter().map(|(name, _)| *name).collect();
    assert_eq!(names.len(), TARGETS.len(), "two targets share a name");
    let manifest = read(&fuzz_dir().join("Cargo.toml"));
    for name in &names {
        let source = read(&fuzz_dir().join(format!("fuzz_targets/{name}.rs")));
        assert!(
            source.contains(&format!("advanceai_fuzz_targets::{name}(data)")),
            "fuzz_targets/{name}.rs does not call its body"
        );
        assert!(
            manifest.contains(&format!(
                "name = \"{name}\"\npath = \"fuzz_targets/{name}.rs\""
            )),
            "fuzz/Cargo.toml has no [[bin]] for {name}"
        );
    }
    let files: BTreeSet<String> = fs::read_dir(fuzz_dir().join("fuzz_targets"))
        .unwrap_or_else(|e| panic!("fuzz/fuzz_targets: {e}"))
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    let expected: BTreeSet<String> = names.iter().map(|n| format!("{n}.rs")).collect();
    assert_eq!(
        files, expected,
        "fuzz/fuzz_targets has other files than TARGETS"
    );
    assert_eq!(
        manifest.matches("[[bin]]").count(),
        TARGETS.len(),
        "fuzz/Cargo.toml has other targets than TARGETS"
    );
}

#[test]
fn the_committed_dictionary_is_current() {
    assert!(
        read(&fuzz_dir().join("fuzz.dict")) == dictionary(),
        "fuzz/fuzz.dict is stale: run `cargo run -p advanceai-fuzz-targets --example seed_corpus`"
    );
}
