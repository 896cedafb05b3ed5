//! The bodies of the coverage-guided fuzzing targets, one function per target.
//!
//! `fuzz/` (cargo-fuzz, libFuzzer, nightly) calls each function from a one-line target;
//! `tests/replay.rs` replays the committed corpus and every input the fuzzer ever found
//! (`fuzz/corpus/NAME/`, `fuzz/regressions/NAME/`) through the same functions on stable
//! Rust, so each finding stays a regression test. [`TARGETS`] is the one list of targets.
//!
//! Each function takes any bytes and must not panic. It runs the code under test and
//! asserts invariants that hold for every input: parse errors never show the body's text,
//! a parsed value survives its own serialization, `Debug` output does not depend on
//! personal data or secrets, the C ABI agrees with the Rust parse it wraps. A panic, here
//! or in the code under test, is a finding.
//!
//! A fuzz target reports a broken invariant by panicking, so this crate uses `panic!`
//! where library code would return an error.
#![allow(clippy::panic)]

mod bulk;
mod checks;
// The C ABI is called as C calls it, and the strings it returns are read as C reads them:
// through raw pointers. The workspace denies `unsafe_code`; this module needs it for that.
#[allow(unsafe_code)]
mod ffi;
mod requests;
mod responses;
mod seeds;

pub use bulk::{bulk_csv, bulk_jsonl, bulk_output_scan};
pub use checks::documented_names;
pub use ffi::{ffi_parse_callback, ffi_parse_get_result, ffi_parse_verification};
pub use requests::{
    encode_generate_url_request, encode_verification_request, request_generate_url,
    request_verification,
};
pub use responses::{
    callback, response_clear_data, response_generate_url, response_get_result, response_health,
    response_token, response_verification,
};
pub use seeds::{Seed, dictionary, seeds, write_seeds};

/// A target: its name (the cargo-fuzz target and the corpus folder) and its body.
pub type Target = (&'static str, fn(&[u8]));

/// Every fuzz target. `fuzz/fuzz_targets/NAME.rs` exists for each and calls only its body
/// (`tests/layout.rs` checks both ways).
pub const TARGETS: &[Target] = &[
    ("response_verification", response_verification),
    ("response_get_result", response_get_result),
    ("response_generate_url", response_generate_url),
    ("response_token", response_token),
    ("response_health", response_health),
    ("response_clear_data", response_clear_data),
    ("callback", callback),
    ("request_verification", request_verification),
    ("request_generate_url", request_generate_url),
    ("ffi_parse_get_result", ffi_parse_get_result),
    ("ffi_parse_verification", ffi_parse_verification),
    ("ffi_parse_callback", ffi_parse_callback),
    ("bulk_csv", bulk_csv),
    ("bulk_jsonl", bulk_jsonl),
    ("bulk_output_scan", bulk_output_scan),
];
