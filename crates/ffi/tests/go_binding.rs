//! Runs `go vet` and `go test` on the Go binding (`bindings/go`) against the static library
//! and an in-process sandbox, with the garbage collector at its most eager (`GOGC=1`) and
//! cgo pointer checks at their strictest, so that a C object freed too early or a Go
//! pointer handed to C wrongly shows up here. Skipped when `go` is not installed.
//!
//! `ADVANCEAI_FAULT_DISPOSITIONS` gives the Go tests the path of
//! `tests/fixtures/fault_dispositions.tsv`; `TestVerificationFaults` and
//! `TestGetResultFaults` run one subtest per row, and their count is checked here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::Path;
use std::process::Command;

use advanceai_sandbox::{Sandbox, SandboxConfig};
use common::tls::TlsFixtures;
use common::{have, out_dir, profile_dir, repo_root, run, skip};

/// The proxy variables, removed from `go test`'s environment.
const PROXY_VARIABLES: [&str; 8] = [
    "ALL_PROXY",
    "all_proxy",
    "HTTPS_PROXY",
    "https_proxy",
    "HTTP_PROXY",
    "http_proxy",
    "NO_PROXY",
    "no_proxy",
];

#[test]
fn go_binding_passes_vet_and_tests_against_the_sandbox() {
    if !have("go") {
        skip("go", "the Go binding tests");
        return;
    }
    let root = repo_root();
    let dir = root.join("bindings/go");
    let sandbox = Sandbox::start(SandboxConfig::default()).unwrap();
    // tls_proxy_test.go's sandboxes and proxies.
    let tls = TlsFixtures::start("go");

    run(go(&dir, "vet").arg("./..."));
    // The README's program is a main package: build and link it (vet only type-checks).
    let readme_binary = out_dir("go").join("readme_example");
    run(go(&dir, "build")
        .arg("-o")
        .arg(&readme_binary)
        .arg("./examples/readme"));
    assert!(readme_binary.is_file());
    let mut test = go(&dir, "test");
    test.args(["-count=1", "-v", "./..."])
        .env("ADVANCEAI_SANDBOX_URL", sandbox.base_url())
        .env("ADVANCEAI_FAULT_DISPOSITIONS", common::fault_fixture())
        .env("GOGC", "1")
        .envs(strict_cgo_checks(&dir))
        .envs(tls.env());
    // The tests that read HTTPS_PROXY set it themselves.
    for name in PROXY_VARIABLES {
        test.env_remove(name);
    }
    let output = run(&mut test);
    let stdout = String::from_utf8_lossy(&output.stdout);
    // Through the tunnel (Config.Proxy), and the refusing proxy asked (Config.Proxy and
    // HTTPS_PROXY).
    let (tunnels, refused) = tls.proxy_counts();
    assert!(
        tunnels > 0 && refused > 0,
        "proxies unused: {tunnels} {refused}\n{stdout}"
    );
    let passed = stdout.matches("--- PASS").count();
    // Every test needs the sandbox given here: one that skips has lost it.
    assert!(
        !stdout.contains("--- SKIP") && passed > 0,
        "go test skipped tests or ran none ({passed} passed):\n{stdout}"
    );
    // One passing subtest per row of the fault fixture, for each kind of call.
    for (test, call) in [
        ("TestVerificationFaults", "verify"),
        ("TestGetResultFaults", "result"),
    ] {
        let rows = common::fault_fixture_rows(Some(call));
        let checked = stdout.matches(&format!("--- PASS: {test}/")).count();
        assert_eq!(
            checked, rows,
            "{test} checked {checked} of the fault fixture's {rows} {call} rows:\n{stdout}"
        );
    }
}

#[test]
fn readme_shows_the_compiled_go_example() {
    let root = repo_root();
    let example =
        std::fs::read_to_string(root.join("bindings/go/examples/readme/main.go")).unwrap();
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    assert!(
        readme.contains(&format!("```go\n{example}```")),
        "README.md must show bindings/go/examples/readme/main.go verbatim in a ```go block"
    );
}

/// A `go` command in `dir`, self-contained: no network, no user settings, caches under the
/// target directory (CI has no usable HOME), cgo on, linking the static library built for
/// this test run.
fn go(dir: &Path, subcommand: &str) -> Command {
    let target = profile_dir();
    let scratch = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let mut command = Command::new("go");
    command
        .arg(subcommand)
        .current_dir(dir)
        .env_remove("GOFLAGS")
        .env("GOPROXY", "off")
        .env("GOTOOLCHAIN", "local")
        .env("GOCACHE", scratch.join("go-cache"))
        .env("GOPATH", scratch.join("go-path"))
        .env("CGO_ENABLED", "1")
        // The package links -l:libadvanceai.a: only the directory is given here.
        .env("CGO_LDFLAGS", format!("-L{}", target.display()))
        .env(
            "CGO_CFLAGS",
            format!("-g -O2 -DADVANCEAI_INPUTS_DIGEST={}", inputs_digest()),
        );
    command
}

/// The go command's build cache tracks neither headers nor C libraries outside the package
/// (`go help cache`): a digest of include/advanceai.h and of the static library's size and
/// time in CGO_CFLAGS (which it does track) rebuilds the binding when either changes.
fn inputs_digest() -> u64 {
    let header = std::fs::read(repo_root().join("include/advanceai.h")).unwrap();
    let library = std::fs::metadata(common::static_lib()).unwrap();
    let mut hasher = DefaultHasher::new();
    header.hash(&mut hasher);
    library.len().hash(&mut hasher);
    library.modified().unwrap().hash(&mut hasher);
    hasher.finish()
}

/// The strictest cgo pointer checks: `GODEBUG=cgocheck=2` up to Go 1.20, the build-time
/// `GOEXPERIMENT=cgocheck2` from Go 1.21 on (where the GODEBUG setting was removed).
fn strict_cgo_checks(dir: &Path) -> Vec<(&'static str, &'static str)> {
    let output = run(Command::new("go")
        .args(["env", "GOVERSION"])
        .current_dir(dir)
        .env("GOTOOLCHAIN", "local"));
    let version = String::from_utf8_lossy(&output.stdout).trim().to_owned();
    if go_minor(&version).is_some_and(|minor| minor >= 21) {
        vec![("GOEXPERIMENT", "cgocheck2")]
    } else {
        vec![("GODEBUG", "cgocheck=2")]
    }
}

/// The minor version of a `go1.MINOR[.PATCH]` version string (`go1.19.8` -> 19).
fn go_minor(version: &str) -> Option<u32> {
    let rest = version.strip_prefix("go1.")?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

#[test]
fn go_minor_reads_go_versions() {
    assert_eq!(go_minor("go1.19.8"), Some(19));
    assert_eq!(go_minor("go1.21rc2"), Some(21));
    assert_eq!(go_minor("go1.22.0"), Some(22));
    assert_eq!(go_minor("devel go1.23-abc"), None);
}
