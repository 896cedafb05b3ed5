//! Writes the seed corpus (`fuzz/corpus/NAME/seed-*`) from the repository's fixtures and
//! the fuzzing dictionary (`fuzz/fuzz.dict`). Run from anywhere:
//! `cargo run -p advanceai-fuzz-targets --example seed_corpus`.

use std::path::Path;

fn main() -> std::io::Result<()> {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let written = advanceai_fuzz_targets::write_seeds(&repo)?;
    std::fs::write(
        repo.join("fuzz/fuzz.dict"),
        advanceai_fuzz_targets::dictionary(),
    )?;
    eprintln!("{written} new seed files; fuzz/fuzz.dict written");
    Ok(())
}
