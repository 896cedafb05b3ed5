#!/usr/bin/env bash
# Creates (or updates) the virtual environment the Python package is built and tested in,
# with bindings/python/requirements-dev.txt from PyPI, and prints its interpreter's path.
#
#   bindings/python/scripts/venv.sh [DIR]     # default: target/python-venv
#
# tests/pytest_suite.rs (run by `cargo test`) uses target/python-venv, or the interpreter
# named by ADVANCEAI_PYTHON.
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
venv="${1:-$root/target/python-venv}"
requirements="$root/bindings/python/requirements-dev.txt"

if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv" >&2
fi
# Installing only when the requirements changed keeps a rerun offline and instant.
stamp="$venv/.requirements-dev.txt"
if ! cmp -s "$requirements" "$stamp"; then
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements" >&2
  cp "$requirements" "$stamp"
fi
echo "$venv/bin/python"
