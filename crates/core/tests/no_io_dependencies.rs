//! `advanceai-core` is pure: its normal dependency tree has no HTTP, TLS or async crate, so
//! a caller can depend on it alone and bring their own I/O.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::process::Command;

/// Crates (or crate-name prefixes) that mean I/O, networking, TLS or an async runtime.
const FORBIDDEN: &[&str] = &[
    "hyper",
    "http",
    "h2",
    "ureq",
    "reqwest",
    "curl",
    "rustls",
    "openssl",
    "native-tls",
    "tokio",
    "async-std",
    "smol",
    "futures",
    "mio",
    "socket2",
];

#[test]
fn core_has_no_io_dependencies() {
    let output = Command::new(env!("CARGO"))
        .args([
            "tree",
            "-p",
            "advanceai-core",
            "-e",
            "normal",
            "--prefix",
            "none",
            "--offline",
        ])
        .args([
            "--manifest-path",
            concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml"),
        ])
        .output()
        .expect("cargo tree runs");
    assert!(
        output.status.success(),
        "cargo tree failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let tree = String::from_utf8(output.stdout).unwrap();
    let crates: Vec<&str> = tree
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .collect();
    assert!(crates.contains(&"serde_json"), "the tree was read: {tree}");
    for name in &crates {
        for forbidden in FORBIDDEN {
            let hit = name == forbidden || name.starts_with(&format!("{forbidden}-"));
            assert!(!hit, "advanceai-core depends on {name}:\n{tree}");
        }
    }
}
