#!/usr/bin/env bash
# The Python package against a plain Python client (requests, keep-alive, JSON into dicts):
# N Get Result calls each, alternating rounds, against one embedded sandbox.
#
#   scripts/bench-python.sh [--calls N] [--rounds R] [--threads T]
#
# Builds a release wheel (maturin build --release, in target/python-build) and installs it
# into the virtual environment of bindings/python/scripts/venv.sh (PyPI: maturin, requests).
set -euo pipefail
cd "$(dirname "$0")/.."

python="$(bindings/python/scripts/venv.sh)"
wheels=target/python-wheels-release
rm -rf "$wheels"
CARGO_TARGET_DIR=target/python-build "$python" -m maturin build --release --quiet \
  --manifest-path bindings/python/Cargo.toml --out "$wheels" >&2
"$python" -m pip install --quiet --no-deps --no-index --force-reinstall \
  --disable-pip-version-check "$wheels"/*.whl
exec "$python" bindings/python/bench/bench_get_result.py "$@"
