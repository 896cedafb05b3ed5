//! Builds the C programs of `tests/c/` (C99, warnings as errors) against
//! `include/advanceai.h` and the static library, and runs each against an in-process
//! sandbox three ways: plain, under valgrind memcheck, and built with AddressSanitizer
//! (LeakSanitizer included). Also compiles the header alone as C99 and as C++17.
//!
//! Each program is run as `<program> <sandbox base URL> <crate version>`; under valgrind
//! `ADVANCEAI_C_TEST_SLOW=1` makes it stretch its timeouts and cut its iterations.
//! `ADVANCEAI_FAULT_DISPOSITIONS` gives the path of `tests/fixtures/fault_dispositions.tsv`,
//! the answers `faults.c` checks for every sandbox fault. Before
//! trusting a memory checker, a deliberate leak of library objects is run under it and
//! must be reported, so a checker that silently sees nothing fails the test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use advanceai_sandbox::{DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY, Sandbox, SandboxConfig};
use common::tls::TlsFixtures;
use common::{SYSTEM_LIBS, have, out_dir, repo_root, run, skip, static_lib};

/// The flags every C program is built with.
const C_FLAGS: [&str; 5] = ["-std=c99", "-Wall", "-Wextra", "-Werror", "-pedantic"];

/// The memcheck flags: definite and indirect leaks count as errors, and errors fail the
/// run. "Still reachable" memory (Rust's runtime keeps some for the process's life) and
/// "possibly lost" are reported in the summary but allowed. `tests/c/valgrind.supp` (two
/// stacks inside ring's AES-GCM, which memcheck cannot follow; the file says why) is
/// passed too.
const VALGRIND_FLAGS: [&str; 6] = [
    "--leak-check=full",
    "--errors-for-leak-kinds=definite,indirect",
    "--show-leak-kinds=definite,indirect",
    "--error-exitcode=1",
    "--num-callers=40",
    "--track-origins=no",
];

/// The ASan build flags and run options (leak detection on, stop at the first error).
const ASAN_FLAGS: [&str; 3] = ["-fsanitize=address", "-fno-omit-frame-pointer", "-g"];
const ASAN_OPTIONS: &str = "detect_leaks=1:abort_on_error=0:halt_on_error=1:exitcode=23";

/// The longest a program may run before it is killed: far above the slowest (the
/// valgrind runs take seconds), so only a hang reaches it.
const PROGRAM_TIMEOUT: Duration = Duration::from_secs(180);

/// A deliberate leak of library objects: the memory checkers must report it. Four
/// configurations are lost because a conservative scanner (LeakSanitizer) may still find
/// the last pointer in a dead stack slot.
const LEAK_CANARY: &str = r#"#include "advanceai.h"
#include <stdio.h>
int main(void) {
    int i;
    for (i = 0; i < 4; i++) {
        advanceai_config *config = NULL;
        if (advanceai_config_new(&config) != ADVANCEAI_STATUS_OK) {
            fprintf(stderr, "advanceai_config_new failed\n");
        }
    }
    return 0;
}
"#;

/// How a program is run.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Plain,
    Valgrind,
    Asan,
}

impl Mode {
    fn name(self) -> &'static str {
        match self {
            Mode::Plain => "plain",
            Mode::Valgrind => "valgrind",
            Mode::Asan => "asan",
        }
    }
}

/// Every `tests/c/*.c`, sorted.
fn c_sources() -> Vec<PathBuf> {
    let mut sources: Vec<PathBuf> = std::fs::read_dir(repo_root().join("tests/c"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "c"))
        .collect();
    sources.sort();
    assert!(!sources.is_empty(), "no C program in tests/c");
    sources
}

/// Compiles `source` into `dir`, with the sanitizer flags in ASan mode; returns the binary.
fn compile(source: &Path, dir: &Path, mode: Mode) -> PathBuf {
    let root = repo_root();
    let binary = dir.join(source.file_stem().unwrap());
    let mut command = Command::new("cc");
    command.args(C_FLAGS);
    if mode == Mode::Asan {
        command.args(ASAN_FLAGS);
    }
    command
        .arg("-I")
        .arg(root.join("include"))
        .arg(source)
        .arg("-o")
        .arg(&binary)
        .arg(static_lib())
        .args(SYSTEM_LIBS);
    run(&mut command);
    binary
}

/// The command that runs `binary` in `mode`: the sandbox's URL and the expected version as
/// arguments, the sandbox's credentials (for the README example) and the fault fixture's
/// path in the environment, and no proxy from the environment.
fn program_command(binary: &Path, base_url: &str, mode: Mode) -> Command {
    let mut command = match mode {
        Mode::Valgrind => {
            let mut c = Command::new("valgrind");
            c.args(VALGRIND_FLAGS)
                .arg(format!(
                    "--suppressions={}",
                    repo_root().join("tests/c/valgrind.supp").display()
                ))
                .arg(binary);
            c.env("ADVANCEAI_C_TEST_SLOW", "1");
            c
        }
        Mode::Plain | Mode::Asan => Command::new(binary),
    };
    command
        .arg(base_url)
        .arg(env!("CARGO_PKG_VERSION"))
        .env("ADVANCEAI_ACCESS_KEY", DEFAULT_ACCESS_KEY)
        .env("ADVANCEAI_SECRET_KEY", DEFAULT_SECRET_KEY)
        .env("ADVANCEAI_FAULT_DISPOSITIONS", common::fault_fixture())
        .env("ASAN_OPTIONS", ASAN_OPTIONS);
    for proxy in [
        "http_proxy",
        "https_proxy",
        "all_proxy",
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
        "NO_PROXY",
        "no_proxy",
    ] {
        command.env_remove(proxy);
    }
    if mode != Mode::Valgrind {
        command.env_remove("ADVANCEAI_C_TEST_SLOW");
    }
    command
}

/// Runs `command` to completion, killing it after [`PROGRAM_TIMEOUT`].
fn run_with_timeout(command: &mut Command) -> Output {
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{command:?}: {e}"));
    // Drained on their own threads so that a chatty program cannot block on a full pipe.
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out_reader = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        stdout.read_to_end(&mut bytes).map(|_| bytes).unwrap()
    });
    let err_reader = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        stderr.read_to_end(&mut bytes).map(|_| bytes).unwrap()
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > PROGRAM_TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{command:?} did not finish within {PROGRAM_TIMEOUT:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output {
        status,
        stdout: out_reader.join().unwrap(),
        stderr: err_reader.join().unwrap(),
    }
}

fn describe(command: &Command, output: &Output) -> String {
    format!(
        "{command:?} exited with {}:\n--- stdout\n{}\n--- stderr\n{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// The byte count of a valgrind LEAK SUMMARY line such as
/// `==123==    definitely lost: 0 bytes in 0 blocks`; `None` when the line is absent
/// (valgrind prints no summary when every block was freed).
fn leak_bytes(stderr: &str, kind: &str) -> Option<u64> {
    let line = stderr.lines().find(|l| l.contains(&format!("{kind}: ")))?;
    let after = line.split(&format!("{kind}: ")).nth(1)?;
    let number = after.split_whitespace().next()?.replace(',', "");
    Some(number.parse().unwrap())
}

/// Checks what the memory checker of `mode` printed, beyond the exit status.
fn check_memory_report(mode: Mode, command: &Command, output: &Output) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    match mode {
        Mode::Plain => {}
        Mode::Valgrind => {
            assert!(
                stderr.contains("ERROR SUMMARY: 0 errors"),
                "valgrind found errors: {}",
                describe(command, output)
            );
            for kind in ["definitely lost", "indirectly lost"] {
                let bytes = leak_bytes(&stderr, kind).unwrap_or(0);
                assert_eq!(bytes, 0, "{kind}: {}", describe(command, output));
            }
            assert!(
                stderr.contains("LEAK SUMMARY") || stderr.contains("no leaks are possible"),
                "valgrind printed no leak report: {}",
                describe(command, output)
            );
        }
        Mode::Asan => {
            assert!(
                !stderr.contains("Sanitizer"),
                "a sanitizer reported a problem: {}",
                describe(command, output)
            );
        }
    }
}

/// Builds and runs every program in `mode` against a fresh sandbox (and, for
/// `tls_proxy.c`, the TLS sandboxes and proxies of [`TlsFixtures`], in its environment).
fn run_all(mode: Mode) {
    let dir = out_dir(&format!("c-tests/{}", mode.name()));
    let sandbox = Sandbox::start(SandboxConfig::default()).unwrap();
    let tls = TlsFixtures::start(&format!("c-{}", mode.name()));
    let mut summary = Vec::new();
    for source in c_sources() {
        let binary = compile(&source, &dir, mode);
        let mut command = program_command(&binary, sandbox.base_url(), mode);
        command.envs(tls.env());
        let proxies_before = tls.proxy_counts();
        let output = run_with_timeout(&mut command);
        assert!(output.status.success(), "{}", describe(&command, &output));
        let stdout = String::from_utf8_lossy(&output.stdout);
        let name = source.file_stem().unwrap().to_string_lossy().into_owned();
        if name == "readme_example" {
            // The example prints the verdict of the sandbox's PASS number.
            assert!(
                stdout.contains("overallResult PASS, errorCode SUCCESS: passed"),
                "{}",
                describe(&command, &output)
            );
        } else {
            assert!(
                stdout.contains(&format!("{name}: all checks passed")),
                "{}",
                describe(&command, &output)
            );
        }
        if name == "tls_proxy" {
            // The program's proxied calls went through the tunnel; the refusing proxy (set
            // directly and through HTTPS_PROXY) was asked.
            let (tunnels, refused) = tls.proxy_counts();
            assert!(
                tunnels > proxies_before.0,
                "no tunnel: {}",
                describe(&command, &output)
            );
            assert!(
                refused > proxies_before.1,
                "{}",
                describe(&command, &output)
            );
        }
        if name == "faults" {
            let rows = common::fault_fixture_rows(None);
            assert!(
                stdout.contains(&format!("faults: {rows} fixture rows checked")),
                "faults.c did not check the fixture's {rows} rows: {}",
                describe(&command, &output)
            );
        }
        check_memory_report(mode, &command, &output);
        if mode == Mode::Valgrind {
            let stderr = String::from_utf8_lossy(&output.stderr);
            let bytes = |kind| leak_bytes(&stderr, kind).unwrap_or(0);
            summary.push(format!(
                "{name}: definitely lost {} B, indirectly lost {} B, possibly lost {} B, still reachable {} B",
                bytes("definitely lost"),
                bytes("indirectly lost"),
                bytes("possibly lost"),
                bytes("still reachable"),
            ));
        }
    }
    // The figures for a reader of `cargo test -- --nocapture` (captured otherwise).
    #[allow(clippy::print_stdout)]
    for line in summary {
        println!("valgrind {line}");
    }
}

/// Builds the leak canary in `mode` and checks that the memory checker reports it.
fn check_leak_is_caught(mode: Mode) {
    let dir = out_dir(&format!("c-tests/{}", mode.name()));
    let source = dir.join("leak_canary.c");
    std::fs::write(&source, LEAK_CANARY).unwrap();
    let binary = compile(&source, &dir, mode);
    let mut command = program_command(&binary, "unused", mode);
    let output = run_with_timeout(&mut command);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        !output.status.success(),
        "a deliberate leak passed under {}: {}",
        mode.name(),
        describe(&command, &output)
    );
    match mode {
        Mode::Valgrind => assert!(
            leak_bytes(&stderr, "definitely lost").is_some_and(|b| b > 0),
            "{}",
            describe(&command, &output)
        ),
        Mode::Asan => assert!(
            stderr.contains("LeakSanitizer: detected memory leaks"),
            "{}",
            describe(&command, &output)
        ),
        Mode::Plain => {}
    }
}

/// Whether this compiler can build and run an ASan program (and LeakSanitizer works here:
/// it does not under ptrace, for one).
fn asan_works() -> bool {
    let dir = out_dir("c-tests/asan-probe");
    let source = dir.join("probe.c");
    std::fs::write(&source, "int main(void) { return 0; }\n").unwrap();
    let binary = dir.join("probe");
    let built = Command::new("cc")
        .args(ASAN_FLAGS)
        .arg(&source)
        .arg("-o")
        .arg(&binary)
        .output()
        .is_ok_and(|o| o.status.success());
    built
        && Command::new(&binary)
            .env("ASAN_OPTIONS", ASAN_OPTIONS)
            .output()
            .is_ok_and(|o| o.status.success())
}

#[test]
fn header_compiles_alone_as_c99_and_cpp17() {
    let root = repo_root();
    let header = root.join("include/advanceai.h");
    run(Command::new("cc")
        .args(C_FLAGS)
        .arg("-fsyntax-only")
        .args(["-x", "c"])
        .arg(&header));
    run(Command::new("c++")
        .args(["-std=c++17", "-Wall", "-Wextra", "-Werror", "-fsyntax-only"])
        .args(["-x", "c++"])
        .arg(&header));
}

#[test]
fn c_programs_pass_against_the_sandbox() {
    run_all(Mode::Plain);
}

#[test]
fn c_programs_pass_under_valgrind() {
    if !have("valgrind") {
        skip("valgrind", "the C programs under valgrind memcheck");
        return;
    }
    check_leak_is_caught(Mode::Valgrind);
    run_all(Mode::Valgrind);
}

#[test]
fn c_programs_pass_under_address_sanitizer() {
    if !asan_works() {
        skip(
            "AddressSanitizer (libasan)",
            "the C programs built with -fsanitize=address",
        );
        return;
    }
    check_leak_is_caught(Mode::Asan);
    run_all(Mode::Asan);
}

#[test]
fn readme_shows_the_tested_c_example() {
    let root = repo_root();
    let example = std::fs::read_to_string(root.join("tests/c/readme_example.c")).unwrap();
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    assert!(
        readme.contains(&format!("```c\n{example}```")),
        "README.md must show tests/c/readme_example.c verbatim in a ```c block"
    );
}
