//! `include/advanceai.h` is exactly what cbindgen generates from this crate.
//!
//! The C enums are written by a macro (`u32_enum_builder!`: the enum, its lookup and its
//! texts in one place), which plain cbindgen cannot see through; so, as rustls-ffi does,
//! cbindgen reads the crate after macro expansion (`rustc -Zunpretty=expanded`, run here
//! with `RUSTC_BOOTSTRAP=1` as `cargo expand` does on a stable toolchain, into a target
//! directory of its own so that it never waits on the one running this test).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// The crate's source after macro expansion, written to a file for cbindgen.
fn expanded_source(crate_dir: &Path) -> PathBuf {
    let out_dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cbindgen-expand");
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = Command::new(cargo)
        .args([
            "rustc",
            "--lib",
            "--profile=check",
            "--quiet",
            "-p",
            "advanceai-ffi",
        ])
        .arg("--manifest-path")
        .arg(crate_dir.join("Cargo.toml"))
        .args(["--", "-Zunpretty=expanded"])
        .env("RUSTC_BOOTSTRAP", "1")
        .env("CARGO_TARGET_DIR", &out_dir)
        .output()
        .expect("cannot run cargo");
    assert!(
        output.status.success() && !output.stdout.is_empty(),
        "macro expansion failed ({}):\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    let path = out_dir.join("advanceai_ffi_expanded.rs");
    std::fs::write(&path, &output.stdout).unwrap();
    path
}

#[test]
fn header_is_up_to_date() {
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let header_path = crate_dir.join("../../include/advanceai.h");
    let config = cbindgen::Config::from_file(crate_dir.join("cbindgen.toml")).unwrap();
    let bindings = cbindgen::Builder::new()
        .with_src(expanded_source(crate_dir))
        .with_config(config)
        .generate()
        .expect("cbindgen failed");
    let mut generated = Vec::new();
    bindings.write(&mut generated);
    let generated = String::from_utf8(generated).unwrap();
    if std::env::var_os("UPDATE_HEADER").is_some_and(|v| v == "1") {
        std::fs::write(&header_path, &generated).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&header_path).unwrap_or_default();
    assert!(
        committed == generated,
        "include/advanceai.h is out of date; regenerate it with \
         `UPDATE_HEADER=1 cargo test -p advanceai-ffi --test header`"
    );
}
