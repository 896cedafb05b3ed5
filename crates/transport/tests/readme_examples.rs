//! The Rust examples in README.md are the files under `crates/*/examples/readme_*.rs`,
//! verbatim, and they run: the core example offline, the client example against an
//! in-process sandbox.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use advanceai_sandbox::{DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY, Sandbox, SandboxConfig};

const README: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../README.md");
const CORE_EXAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../core/examples/readme_core.rs"
);
const CLIENT_EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/readme_client.rs");
/// The ID number both examples use: it must never be printed.
const ID_NUMBER: &str = "22222222222";

fn assert_readme_shows(example: &str) {
    let source = std::fs::read_to_string(example).unwrap();
    let readme = std::fs::read_to_string(README).unwrap();
    assert!(
        readme.contains(&format!("```rust\n{source}```")),
        "README.md must show {example} verbatim in a ```rust block"
    );
}

#[test]
fn readme_shows_the_core_example() {
    assert_readme_shows(CORE_EXAMPLE);
}

#[test]
fn readme_shows_the_client_example() {
    assert_readme_shows(CLIENT_EXAMPLE);
}

/// The example binary `name`, built from `source`: cargo puts examples in
/// `target/<profile>/examples`, next to the `deps` directory holding this test binary.
fn example_binary(name: &str, source: &str) -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let profile_dir = exe
        .parent()
        .and_then(Path::parent)
        .expect("the test binary is in target/<profile>/deps");
    let binary = profile_dir
        .join("examples")
        .join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    let hint = "run `cargo test` (it builds the examples; `cargo test --test ...` and nextest \
                do not) or `cargo build -p advanceai-core -p advanceai-transport --examples`";
    let built = std::fs::metadata(&binary)
        .and_then(|m| m.modified())
        .unwrap_or_else(|_| panic!("{} not found: {hint}", binary.display()));
    let edited = std::fs::metadata(source).unwrap().modified().unwrap();
    assert!(
        built >= edited,
        "{} is older than {source}: {hint}",
        binary.display()
    );
    binary
}

/// Runs `command` to completion, killing it after 60 s.
fn run(mut command: Command) -> Output {
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{command:?}: {e}"));
    let deadline = Instant::now() + Duration::from_secs(60);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            child.kill().unwrap();
            let output = child.wait_with_output().unwrap();
            panic!(
                "{command:?} did not finish in 60 s:\n{}\n{}",
                String::from_utf8_lossy(&output.stdout),
                String::from_utf8_lossy(&output.stderr)
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "{command:?} failed ({}):\n{}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// The lines of stdout, checked to hold no ID number and no secret.
fn stdout_lines(output: &Output, secrets: &[&str]) -> Vec<String> {
    let stdout = String::from_utf8(output.stdout.clone()).unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    for text in [stdout.as_str(), &stderr] {
        for secret in std::iter::once(&ID_NUMBER).chain(secrets) {
            assert!(!text.contains(secret), "printed {secret:?}:\n{text}");
        }
    }
    stdout.lines().map(str::to_owned).collect()
}

#[test]
fn the_core_example_runs() {
    let binary = example_binary("readme_core", CORE_EXAMPLE);
    let output = run(Command::new(binary));
    let lines = stdout_lines(&output, &["sampleaccesskey", "samplesecretkey"]);
    let expected_prefixes = [
        "token request: ",
        "verification request: ",
        "refused locally: PARAMETER_ERROR: Invalid ID number, please check the format",
        "verification: passed=true category=passed",
        "get result: final=false",
    ];
    assert_eq!(lines.len(), expected_prefixes.len(), "{lines:#?}");
    for (line, prefix) in lines.iter().zip(expected_prefixes) {
        assert!(
            line.starts_with(prefix),
            "{line:?} should start with {prefix:?}"
        );
    }
}

#[test]
fn the_client_example_runs_against_the_sandbox() {
    let sandbox = Sandbox::start(SandboxConfig::default()).unwrap();
    let binary = example_binary("readme_client", CLIENT_EXAMPLE);
    let mut command = Command::new(binary);
    command
        .env("ADVANCEAI_BASE_URL", sandbox.base_url())
        .env("ADVANCEAI_ACCESS_KEY", DEFAULT_ACCESS_KEY)
        .env("ADVANCEAI_SECRET_KEY", DEFAULT_SECRET_KEY);
    // The client takes its proxy from the environment: the sandbox is local.
    for proxy in ["HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"] {
        command.env_remove(proxy).env_remove(proxy.to_lowercase());
    }
    let output = run(command);
    let lines = stdout_lines(&output, &[DEFAULT_SECRET_KEY]);
    assert_eq!(lines.len(), 4, "{lines:#?}");
    assert_eq!(lines[0], "verification: passed=true category=passed");
    let signature_id = lines[1].strip_prefix("generate url: signatureId ").unwrap();
    assert!(!signature_id.is_empty(), "{lines:#?}");
    assert_eq!(lines[2], "get result: final=false");
    assert!(
        lines[3].starts_with("wait: still pending after "),
        "{lines:#?}"
    );
    sandbox.shutdown();
}
