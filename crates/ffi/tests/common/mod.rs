//! What the tests that build programs against the library share: where the repository and
//! the built `libadvanceai.a` are, and running a command with its output shown on failure.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub(crate) mod tls;

/// The repository root.
pub(crate) fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The nearest directory above the test binary holding `libadvanceai.a`: cargo builds the
/// ffi crate with all its crate types (staticlib included) for its own tests, into
/// `target/<profile>/deps` next to the test binary (and copies it to `target/<profile>`).
pub(crate) fn profile_dir() -> PathBuf {
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

/// The static library the programs link.
pub(crate) fn static_lib() -> PathBuf {
    profile_dir().join("libadvanceai.a")
}

/// `tests/fixtures/fault_dispositions.tsv`: the answers every layer gives for each sandbox
/// fault. The C, C++ and Go programs get its path in `ADVANCEAI_FAULT_DISPOSITIONS`.
pub(crate) fn fault_fixture() -> PathBuf {
    repo_root().join("tests/fixtures/fault_dispositions.tsv")
}

/// The number of rows of the fault fixture (lines that are neither empty nor comments),
/// and of those whose call (the first column) is `call`.
pub(crate) fn fault_fixture_rows(call: Option<&str>) -> usize {
    let text = std::fs::read_to_string(fault_fixture()).unwrap();
    let rows = text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter(|l| call.is_none_or(|call| l.split('\t').next() == Some(call)))
        .count();
    assert!(rows > 0, "the fault fixture has no rows (call {call:?})");
    rows
}

/// The system libraries a program linking the static library needs on Linux.
pub(crate) const SYSTEM_LIBS: [&str; 3] = ["-lpthread", "-ldl", "-lm"];

/// A scratch directory for built programs, under the target directory.
pub(crate) fn out_dir(name: &str) -> PathBuf {
    let dir = profile_dir().join(name);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs `command`, panicking with its status, stdout and stderr unless it succeeds.
pub(crate) fn run(command: &mut Command) -> Output {
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
    output
}

/// Whether `program` is an executable file on the PATH (not every tool accepts
/// `--version`: Go wants `go version`).
pub(crate) fn have(program: &str) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::env::var_os("PATH").is_some_and(|path| {
        std::env::split_paths(&path).any(|dir| {
            std::fs::metadata(dir.join(program))
                .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        })
    })
}

/// Skips the rest of a test that needs `tool`, saying so on the real stderr (not the
/// captured one, so `cargo test` shows it), or fails it when the environment variable
/// `ADVANCEAI_REQUIRE_ALL_TESTS=1` is set (as `.ci/run` does).
pub(crate) fn skip(tool: &str, what: &str) {
    use std::io::Write;
    if std::env::var("ADVANCEAI_REQUIRE_ALL_TESTS").is_ok_and(|v| v == "1") {
        panic!("{tool} is required (ADVANCEAI_REQUIRE_ALL_TESTS=1) to run {what}");
    }
    let line = format!("SKIPPED: {what}: {tool} is not installed\n");
    let _ = std::io::stderr().write_all(line.as_bytes());
}
