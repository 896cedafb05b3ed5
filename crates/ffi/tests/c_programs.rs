//! Builds the C programs of `tests/c/` against `include/advanceai.h` and the static
//! library, and runs each against an in-process sandbox. Also compiles the header alone as
//! C99 and as C++17 with warnings as errors.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use std::path::PathBuf;
use std::process::Command;

use advanceai_sandbox::{Sandbox, SandboxConfig};
use common::{SYSTEM_LIBS, out_dir, repo_root, run, static_lib};

#[test]
fn header_compiles_alone_as_c99_and_cpp17() {
    let root = repo_root();
    let header = root.join("include/advanceai.h");
    run(Command::new("cc")
        .args([
            "-std=c99",
            "-Wall",
            "-Wextra",
            "-Werror",
            "-pedantic",
            "-fsyntax-only",
        ])
        .args(["-x", "c"])
        .arg(&header));
    run(Command::new("c++")
        .args(["-std=c++17", "-Wall", "-Wextra", "-Werror", "-fsyntax-only"])
        .args(["-x", "c++"])
        .arg(&header));
}

#[test]
fn c_programs_pass_against_the_sandbox() {
    let root = repo_root();
    let out_dir = out_dir("c-tests");
    let mut programs: Vec<PathBuf> = std::fs::read_dir(root.join("tests/c"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "c"))
        .collect();
    programs.sort();
    assert!(!programs.is_empty(), "no C program in tests/c");

    let sandbox = Sandbox::start(SandboxConfig::default()).unwrap();
    for source in programs {
        let name = source.file_stem().unwrap().to_str().unwrap().to_owned();
        let binary = out_dir.join(&name);
        run(Command::new("cc")
            .args(["-std=c99", "-Wall", "-Wextra", "-Werror"])
            .arg("-I")
            .arg(root.join("include"))
            .arg(&source)
            .arg("-o")
            .arg(&binary)
            .arg(static_lib())
            .args(SYSTEM_LIBS));
        run(Command::new(&binary).arg(sandbox.base_url()));
    }
}
