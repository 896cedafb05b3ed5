//! Builds the C++ programs of `bindings/cpp/tests/` (the wrapper's tests, `test_*.cpp`, and
//! the README's example) against `bindings/cpp/advanceai.hpp` and the static library, and
//! runs each against an in-process sandbox: as built, and the tests under AddressSanitizer
//! and UndefinedBehaviorSanitizer when the compiler supports them. Each test must print
//! `<name>: N checks, 0 failed`; `test_errors` checks every row of the fault fixture, whose
//! path it gets in `ADVANCEAI_FAULT_DISPOSITIONS`, and its count of rows is checked here. Also compiles the header,
//! and each of the `bindings/cpp/advanceai/*.hpp` it includes, alone as C++17 and C++20,
//! and checks that the README shows the example that is tested.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use advanceai_sandbox::{DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY, Sandbox, SandboxConfig};
use common::{SYSTEM_LIBS, out_dir, repo_root, run, skip, static_lib};

/// Warnings the header and the programs must be free of.
const WARNINGS: [&str; 10] = [
    "-Wall",
    "-Wextra",
    "-Werror",
    "-pedantic",
    "-Wconversion",
    "-Wshadow",
    "-Wsign-conversion",
    "-Wold-style-cast",
    "-Wcast-qual",
    "-Wnon-virtual-dtor",
];

/// The sanitizer flags: any report fails the program (no recovery), leaks included.
const SANITIZERS: [&str; 4] = [
    "-fsanitize=address,undefined",
    "-fno-sanitize-recover=all",
    "-fno-omit-frame-pointer",
    "-g",
];

fn cxx_missing(what: &str) -> bool {
    if common::have("c++") {
        return false;
    }
    skip("c++", what);
    true
}

/// The C++ sources of `bindings/cpp/tests`, sorted.
fn programs() -> Vec<PathBuf> {
    let mut programs: Vec<PathBuf> = std::fs::read_dir(repo_root().join("bindings/cpp/tests"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "cpp"))
        .collect();
    programs.sort();
    for test in ["test_advanceai.cpp", "test_errors.cpp"] {
        assert!(
            programs.iter().any(|p| p.ends_with(test)),
            "bindings/cpp/tests/{test} is missing"
        );
    }
    programs
}

/// Whether `source` is one of the wrapper's tests (`test_*.cpp`), not the README example.
fn is_test(source: &Path) -> bool {
    source
        .file_name()
        .is_some_and(|name| name.to_string_lossy().starts_with("test_"))
}

/// Checks what a test program printed: all its checks passed, and `test_errors` checked
/// every row of the fault fixture.
fn check_test_output(source: &Path, output: &str) {
    let name = source.file_stem().unwrap().to_string_lossy();
    let summary = format!("{name}: ");
    assert!(
        output
            .lines()
            .any(|line| line.starts_with(&summary) && line.ends_with(" checks, 0 failed")),
        "{name} did not pass every check: {output}"
    );
    if name == "test_errors" {
        let rows = common::fault_fixture_rows(None);
        assert!(
            output.contains(&format!("test_errors: {rows} fixture rows checked")),
            "test_errors did not check the fault fixture's {rows} rows: {output}"
        );
    }
}

/// Compiles and links `source` to `binary` as C++17 with `extra` flags.
fn build(source: &Path, binary: &Path, extra: &[&str]) {
    let root = repo_root();
    run(Command::new("c++")
        .arg("-std=c++17")
        .args(WARNINGS)
        .args(extra)
        .arg("-I")
        .arg(root.join("include"))
        .arg("-I")
        .arg(root.join("bindings/cpp"))
        .arg(source)
        .arg("-o")
        .arg(binary)
        .arg(static_lib())
        .args(SYSTEM_LIBS));
}

/// Runs a built program against the sandbox (the README example reads the credentials from
/// the environment) and checks that its output shows no secret.
fn run_against(binary: &Path, base_url: &str) -> String {
    let output = run(Command::new(binary)
        .arg(base_url)
        .env("ADVANCEAI_ACCESS_KEY", DEFAULT_ACCESS_KEY)
        .env("ADVANCEAI_SECRET_KEY", DEFAULT_SECRET_KEY)
        .env("ADVANCEAI_FAULT_DISPOSITIONS", common::fault_fixture())
        .env("ASAN_OPTIONS", "detect_leaks=1")
        .env("UBSAN_OPTIONS", "print_stacktrace=1"));
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        !text.contains(DEFAULT_SECRET_KEY),
        "{} printed the secret key",
        binary.display()
    );
    text
}

/// `bindings/cpp/advanceai.hpp` and the headers of `bindings/cpp/advanceai/`, sorted: each
/// must compile alone (it includes what it uses).
fn headers() -> Vec<PathBuf> {
    let root = repo_root().join("bindings/cpp");
    let mut headers: Vec<PathBuf> = std::fs::read_dir(root.join("advanceai"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "hpp"))
        .collect();
    headers.sort();
    assert!(!headers.is_empty(), "no header in bindings/cpp/advanceai");
    headers.insert(0, root.join("advanceai.hpp"));
    headers
}

#[test]
fn header_compiles_alone_as_cpp17_and_cpp20() {
    if cxx_missing("compiling bindings/cpp/advanceai.hpp") {
        return;
    }
    let root = repo_root();
    let mut standards = vec!["-std=c++17"];
    // C++20 when this compiler knows it (GCC 8+, Clang 10+).
    let probe = Command::new("c++")
        .args(["-std=c++20", "-fsyntax-only", "-x", "c++", "/dev/null"])
        .output()
        .unwrap();
    if probe.status.success() {
        standards.push("-std=c++20");
    } else {
        skip("a C++20 compiler", "compiling advanceai.hpp as C++20");
    }
    for standard in standards {
        for header in headers() {
            run(Command::new("c++")
                .arg(standard)
                .args(WARNINGS)
                .arg("-fsyntax-only")
                .arg("-I")
                .arg(root.join("include"))
                .args(["-x", "c++"])
                .arg(header));
        }
    }
}

#[test]
fn cpp_programs_pass_against_the_sandbox() {
    if cxx_missing("the C++ wrapper tests") {
        return;
    }
    let out = out_dir("cpp-tests");
    let sandbox = Sandbox::start(SandboxConfig::default()).unwrap();
    for source in programs() {
        let binary = out.join(source.file_stem().unwrap());
        build(&source, &binary, &[]);
        let output = run_against(&binary, sandbox.base_url());
        if is_test(&source) {
            check_test_output(&source, &output);
        }
        if source.ends_with("readme_example.cpp") {
            assert!(output.contains("passed=1 errorCode=SUCCESS"), "{output}");
        }
    }
}

#[test]
fn cpp_tests_pass_under_address_and_undefined_behaviour_sanitizers() {
    if cxx_missing("the C++ wrapper tests under AddressSanitizer") {
        return;
    }
    let out = out_dir("cpp-tests-asan");
    // Probe: the compiler has the sanitizer runtimes and they work here (LeakSanitizer does
    // not under ptrace, for one).
    let probe_source = out.join("probe.cpp");
    std::fs::write(
        &probe_source,
        "#include <memory>\nint main() { return *std::make_unique<int>(0); }\n",
    )
    .unwrap();
    let probe = out.join("probe");
    let works = Command::new("c++")
        .args(SANITIZERS)
        .arg(&probe_source)
        .arg("-o")
        .arg(&probe)
        .status()
        .is_ok_and(|s| s.success())
        && Command::new(&probe).status().is_ok_and(|s| s.success());
    if !works {
        skip(
            "AddressSanitizer (libasan, libubsan)",
            "the C++ wrapper tests under sanitizers",
        );
        return;
    }
    let sandbox = Sandbox::start(SandboxConfig::default()).unwrap();
    for source in programs().into_iter().filter(|source| is_test(source)) {
        let binary = out.join(source.file_stem().unwrap());
        build(&source, &binary, &SANITIZERS);
        let output = run_against(&binary, sandbox.base_url());
        check_test_output(&source, &output);
    }
}

#[test]
fn readme_shows_the_tested_example() {
    let root = repo_root();
    let example =
        std::fs::read_to_string(root.join("bindings/cpp/tests/readme_example.cpp")).unwrap();
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    assert!(
        readme.contains(&format!("```cpp\n{example}```")),
        "README.md must show bindings/cpp/tests/readme_example.cpp verbatim in a ```cpp block"
    );
}
