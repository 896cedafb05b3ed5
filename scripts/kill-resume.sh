#!/usr/bin/env bash
# Kill and resume at scale (issue 14): a bulk run of ROWS rows (default 100,000) against the
# embedded sandbox is killed with SIGKILL at 20 random moments and rerun each time until it
# completes; then every row has exactly one line, and the sandbox received exactly one
# verification per row except rows written as UNKNOWN_OUTCOME (at most one each).
# It is crates/cli/tests/kill_resume.rs in a release build; `cargo test` runs the same test
# on 10,000 rows. Usage: scripts/kill-resume.sh [ROWS=100000] [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
export ADVANCEAI_KILL_ROWS="${1:-100000}"
if [ -n "${2:-}" ]; then export ADVANCEAI_KILL_SEED="$2"; fi
cargo test --release -p advanceai-cli --test kill_resume -- --nocapture
