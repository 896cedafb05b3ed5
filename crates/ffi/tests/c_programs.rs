//! Builds the C programs of `tests/c/` against `include/advanceai.h` and the static
//! library, and runs each against an in-process sandbox. Also compiles the header alone as
//! C99 and as C++17 with warnings as errors.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use std::path::{Path, PathBuf};
use std::process::Command;

use advanceai_sandbox::{Sandbox, SandboxConfig};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The nearest directory above the test binary holding `libadvanceai.a`: cargo builds the
/// ffi crate with all its crate types (staticlib included) for its own tests, into
/// `target/<profile>/deps` next to the test binary (and copies it to `target/<profile>`).
fn profile_dir() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    for dir in exe.ancestors().skip(1) {
        if dir.join("libadvanceai.a").is_file() {
            return dir.to_path_buf();
        }
    }
    panic!(
        "libadvanceai.a not found above {}: build it with `cargo build -p advanceai-ffi`",
        exe.display()
    );
}

fn run(command: &mut Command) {
    let output = command
        .output()
        .unwrap_or_else(|e| panic!("{command:?}: {e}"));
    assert!(
        output.status.success(),
        "{command:?} failed ({}):\n{}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

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
    let lib_dir = profile_dir();
    let out_dir = lib_dir.join("c-tests");
    std::fs::create_dir_all(&out_dir).unwrap();
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
            .arg(lib_dir.join("libadvanceai.a"))
            .args(["-lpthread", "-ldl", "-lm"]));
        run(Command::new(&binary).arg(sandbox.base_url()));
    }
}
