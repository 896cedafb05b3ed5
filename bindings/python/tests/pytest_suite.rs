//! Builds the `advanceai` wheel with maturin, installs it into a virtual environment and
//! runs the Python suite (`bindings/python/tests`, pytest: every call and error path
//! against the embedded sandbox, one test per row of the fault fixture), `mypy --strict`
//! (the README example and the tests) and `stubtest` (`advanceai.pyi` against the built
//! module).
//!
//! The interpreter is `ADVANCEAI_PYTHON`, else `target/python-venv/bin/python` (made by
//! `bindings/python/scripts/venv.sh`); it needs maturin, pytest and mypy. Without them the
//! test says SKIPPED and passes, unless `ADVANCEAI_REQUIRE_ALL_TESTS=1` (set by `.ci/run`),
//! which makes the skip a failure.
//!
//! The wheel is built in its own target directory (`target/python-build`): maturin builds
//! PyO3 for an extension module (`PYO3_BUILD_EXTENSION_MODULE`), which would otherwise
//! rebuild PyO3 in `target/debug` on every switch between this test and `cargo build`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Instant;

fn package_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn repo_root() -> PathBuf {
    package_dir().join("../..")
}

/// The workspace's target directory (`CARGO_TARGET_TMPDIR` is `<target>/tmp`).
fn target_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// Says why the rest of the test is skipped, on the real stderr, or fails under
/// `ADVANCEAI_REQUIRE_ALL_TESTS=1` (as `.ci/run` sets it).
fn skip(why: &str) {
    if std::env::var("ADVANCEAI_REQUIRE_ALL_TESTS").is_ok_and(|v| v == "1") {
        panic!("{why} (required: ADVANCEAI_REQUIRE_ALL_TESTS=1)");
    }
    let line = format!("SKIPPED: the Python binding tests: {why}\n");
    let _ = std::io::stderr().write_all(line.as_bytes());
}

/// Runs `command`, panicking with its output unless it succeeds; says how long it took.
fn run(what: &str, command: &mut Command) -> Output {
    let start = Instant::now();
    let output = command
        .output()
        .unwrap_or_else(|e| panic!("{command:?}: {e}"));
    let line = format!("{what}: {:.1} s\n", start.elapsed().as_secs_f64());
    let _ = std::io::stderr().write_all(line.as_bytes());
    assert!(
        output.status.success(),
        "{what} failed ({}): {command:?}\n{}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// The interpreter to use, if it has what the test needs; otherwise why not.
fn python() -> Result<PathBuf, String> {
    let python = match std::env::var_os("ADVANCEAI_PYTHON") {
        Some(path) => PathBuf::from(path),
        None => target_dir().join("python-venv/bin/python"),
    };
    let setup = "bindings/python/scripts/venv.sh makes one (or set ADVANCEAI_PYTHON)";
    if !python.is_file() {
        return Err(format!(
            "no Python environment at {}: {setup}",
            python.display()
        ));
    }
    let probe = Command::new(&python)
        .args([
            "-c",
            "import sys, maturin, pytest, mypy; sys.exit(sys.prefix == sys.base_prefix)",
        ])
        .output();
    match probe {
        Ok(output) if output.status.success() => Ok(python),
        _ => Err(format!(
            "{} is not a virtual environment with maturin, pytest and mypy: {setup}",
            python.display()
        )),
    }
}

/// A command on `python` for this suite: no bytecode or caches written into the source
/// tree, no proxy for the loopback sandbox.
fn python_command(python: &Path, scratch: &Path) -> Command {
    let mut command = Command::new(python);
    command
        .current_dir(package_dir())
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env("MYPY_CACHE_DIR", scratch.join("mypy-cache"))
        .env("NO_PROXY", "127.0.0.1,localhost")
        .env("no_proxy", "127.0.0.1,localhost");
    command
}

/// The fault fixture's rows (lines neither empty nor comments).
fn fault_fixture_rows(fixture: &Path) -> usize {
    let text = std::fs::read_to_string(fixture).unwrap();
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .count()
}

#[test]
fn python_package_passes_pytest_mypy_and_stubtest() {
    let python = match python() {
        Ok(python) => python,
        Err(why) => return skip(&why),
    };
    let scratch = Path::new(env!("CARGO_TARGET_TMPDIR")).join("python");
    let wheels = scratch.join("wheels");
    let _ = std::fs::remove_dir_all(&wheels);
    std::fs::create_dir_all(&wheels).unwrap();

    run(
        "maturin build",
        python_command(&python, &scratch)
            .args([
                "-m",
                "maturin",
                "build",
                "--manifest-path",
                "Cargo.toml",
                "--out",
            ])
            .arg(&wheels)
            .env("CARGO_TARGET_DIR", target_dir().join("python-build"))
            // Debug info is most of a debug build's size and link time, and incremental
            // state most of its disk: this build has no debugger and is rarely rebuilt.
            .env("CARGO_PROFILE_DEV_DEBUG", "0")
            .env("CARGO_INCREMENTAL", "0"),
    );
    let wheel: Vec<PathBuf> = std::fs::read_dir(&wheels)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "whl"))
        .collect();
    assert_eq!(wheel.len(), 1, "one abi3 wheel: {wheel:?}");
    let name = wheel[0].file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.contains("-cp39-abi3-"), "not an abi3 wheel: {name}");
    run(
        "pip install",
        python_command(&python, &scratch)
            .args(["-m", "pip", "install", "--quiet", "--no-deps", "--no-index"])
            .args(["--force-reinstall", "--disable-pip-version-check"])
            .arg(&wheel[0]),
    );

    let fixture = repo_root().join("tests/fixtures/fault_dispositions.tsv");
    let output = run(
        "pytest",
        python_command(&python, &scratch)
            .args(["-m", "pytest", "tests", "-v", "-p", "no:cacheprovider"])
            .env("ADVANCEAI_FAULT_DISPOSITIONS", &fixture),
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    let passed = stdout.lines().filter(|l| l.contains(" PASSED")).count();
    // Every test needs only the package and the sandbox it starts: one that skips has lost
    // something.
    assert!(
        passed > 0 && !stdout.contains(" SKIPPED") && !stdout.contains(" XFAIL"),
        "pytest skipped tests or ran none ({passed} passed):\n{stdout}"
    );
    let rows = fault_fixture_rows(&fixture);
    let checked = stdout
        .lines()
        .filter(|l| l.contains("::test_fault_row[") && l.contains(" PASSED"))
        .count();
    assert_eq!(
        checked, rows,
        "test_fault_row checked {checked} of the fault fixture's {rows} rows:\n{stdout}"
    );

    run(
        "mypy --strict",
        python_command(&python, &scratch).args([
            "-m",
            "mypy",
            "--strict",
            "examples/readme.py",
            "tests",
        ]),
    );
    run(
        "stubtest",
        python_command(&python, &scratch)
            .args(["-m", "mypy.stubtest", "advanceai", "--allowlist"])
            .arg(package_dir().join("stubtest-allowlist.txt")),
    );
}

#[test]
fn readme_shows_the_python_example() {
    let example = std::fs::read_to_string(package_dir().join("examples/readme.py")).unwrap();
    let readme = std::fs::read_to_string(repo_root().join("README.md")).unwrap();
    assert!(
        readme.contains(&format!("```python\n{example}```")),
        "README.md must show bindings/python/examples/readme.py verbatim in a ```python block"
    );
}
