"""The README's Python example (examples/readme.py, shown verbatim in README.md: the Rust
test readme_shows_the_python_example checks the copy) runs against the sandbox."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import advanceai

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "readme.py"


def test_the_readme_example_runs(sandbox: advanceai.Sandbox) -> None:
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env.update(
        ADVANCEAI_ACCESS_KEY=sandbox.access_key,
        ADVANCEAI_SECRET_KEY=sandbox.secret_key,
        ADVANCEAI_BASE_URL=sandbox.base_url,
    )
    run = subprocess.run(
        [sys.executable, str(EXAMPLE)], env=env, capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 0, run.stdout + run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].startswith("BVN check: True passed VerificationData {"), lines
    assert lines[1].startswith("send the user to the page of ")
    assert lines[2] == "the user has not finished yet: poll again later"
    # The person the sandbox returns is masked but still personal: never printed.
    assert "F*******o" not in run.stdout
