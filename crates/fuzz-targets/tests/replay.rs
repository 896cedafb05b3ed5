//! Replays every committed input through its target on stable Rust: the corpus
//! (`fuzz/corpus/NAME/`) and every crash, timeout or out-of-memory input the fuzzer ever
//! found (`fuzz/regressions/NAME/`, kept forever). A target without a corpus fails.
//!
//! A panic counts even when the code under test catches it (the C ABI turns a panic into a
//! status or NULL), as it does under libFuzzer, whose panic hook aborts.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::cell::Cell;
use std::fs;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::Once;

use advanceai_fuzz_targets::TARGETS;

thread_local! {
    /// Panics seen by this thread, caught or not.
    static PANICS: Cell<u64> = const { Cell::new(0) };
}

/// Counts every panic on the thread it happens on, then reports it as usual.
fn count_panics() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let report = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            PANICS.with(|count| count.set(count.get() + 1));
            report(info);
        }));
    });
}

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz")
}

/// The files of `dir`, sorted; none when it does not exist.
fn inputs(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    files
}

/// Whether `target` runs `data` without a panic, caught or not.
fn passes(target: fn(&[u8]), data: &[u8]) -> bool {
    let before = PANICS.with(Cell::get);
    let finished = panic::catch_unwind(AssertUnwindSafe(|| target(data))).is_ok();
    finished && PANICS.with(Cell::get) == before
}

#[test]
fn every_corpus_and_regression_input_passes_its_target() {
    count_panics();
    let mut failures = Vec::new();
    for (name, target) in TARGETS {
        let corpus = inputs(&fuzz_dir().join("corpus").join(name));
        assert!(
            !corpus.is_empty(),
            "target {name} has no corpus in fuzz/corpus/{name}: run \
             `cargo run -p advanceai-fuzz-targets --example seed_corpus`"
        );
        let regressions = inputs(&fuzz_dir().join("regressions").join(name));
        for path in corpus.iter().chain(&regressions) {
            let data = fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            if !passes(*target, &data) {
                failures.push(format!("{name}: {}", path.display()));
            }
        }
        eprintln!(
            "{name}: {} corpus and {} regression inputs",
            corpus.len(),
            regressions.len()
        );
    }
    assert!(
        failures.is_empty(),
        "inputs that fail their target:\n{}",
        failures.join("\n")
    );
}

/// The harness itself: a panic the code under test catches still fails the input.
#[test]
fn a_caught_panic_fails_the_input() {
    count_panics();
    fn catches(_: &[u8]) {
        let _ = panic::catch_unwind(|| panic!("deliberate: the replay must see a caught panic"));
    }
    fn clean(_: &[u8]) {}
    assert!(!passes(catches, b""));
    assert!(passes(clean, b""));
}
