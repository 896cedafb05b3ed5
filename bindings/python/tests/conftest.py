"""Shared fixtures: one embedded sandbox for the whole run, clients on it, unique ids.

tests/pytest_suite.rs runs this suite from `cargo test` against the wheel it builds; by
hand: `python -m pytest bindings/python/tests` with the package installed.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

import advanceai

REPO = Path(__file__).resolve().parents[3]
PASS_NUMBER = "22222222222"
OK_URL = "https://example.com/kyc/ok"
FAIL_URL = "https://example.com/kyc/fail"


def unique(prefix: str) -> str:
    """An id no other test uses (bizId, signatureId), starting with `prefix`."""
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


def fault_fixture_path() -> Path:
    """tests/fixtures/fault_dispositions.tsv (ADVANCEAI_FAULT_DISPOSITIONS, or its place in
    the repository)."""
    given = os.environ.get("ADVANCEAI_FAULT_DISPOSITIONS")
    return Path(given) if given else REPO / "tests" / "fixtures" / "fault_dispositions.tsv"


def verification(biz_id: str, number: str = PASS_NUMBER) -> advanceai.IdNumberVerificationRequest:
    return advanceai.IdNumberVerificationRequest(biz_id, "user-1", "NGA", "BVN", number)


def url_request(biz_id: str) -> advanceai.GenerateUrlRequest:
    return advanceai.GenerateUrlRequest(biz_id, "user-1", "NGA", "BVN", OK_URL, FAIL_URL)


def signature_of(page: advanceai.GenerateUrlData) -> str:
    assert page.signature_id is not None, page
    return page.signature_id


@pytest.fixture(scope="session")
def sandbox() -> Iterator[advanceai.Sandbox]:
    with advanceai.Sandbox() as running:
        yield running


@pytest.fixture(scope="session")
def client(sandbox: advanceai.Sandbox) -> Iterator[advanceai.Client]:
    with sandbox.client() as shared:
        yield shared


@pytest.fixture(scope="session")
def fault_client(sandbox: advanceai.Sandbox) -> Iterator[advanceai.Client]:
    """For the fault fixture: one attempt per call (the answers are under test, not the
    retries) and a request timeout shorter than fault-delay-3000's delay; the token is
    fetched first, so that only the faulty calls meet the short timeout."""
    with sandbox.client(max_attempts=1, timeout=1.0) as faulty:
        faulty.token()
        yield faulty


def generate(client: advanceai.Client, biz_id: str) -> str:
    """A new H5 transaction's signatureId."""
    return signature_of(client.generate_url(url_request(biz_id)))
