"""One deadline per call (deadline=, Client.with_deadline) and the retry budget
(retry_budget=, no_retry_budget=), as the Rust client has them."""

from __future__ import annotations

import time
from typing import Any

import pytest

import advanceai
from conftest import unique, verification


def test_deadline_settings_are_checked(sandbox: advanceai.Sandbox) -> None:
    keys: dict[str, Any] = {"access_key": sandbox.access_key, "secret_key": sandbox.secret_key}
    for bad in (0, -1, float("nan"), float("inf")):
        with pytest.raises(advanceai.ConfigError) as caught:
            advanceai.Client(base_url=sandbox.base_url, deadline=bad, **keys)
        assert "deadline" in str(caught.value)
    with pytest.raises(TypeError):
        advanceai.Client(deadline="5", **keys)  # type: ignore[arg-type]
    with pytest.raises(advanceai.ConfigError) as both:
        advanceai.Client(retry_budget=10, no_retry_budget=True, **keys)
    assert "not both" in str(both.value)
    with pytest.raises(TypeError):
        advanceai.Client(retry_budget=-1, **keys)
    with sandbox.client(deadline=5, retry_budget=50) as client, pytest.raises(
        advanceai.ConfigError
    ):
        client.with_deadline(0)
    with sandbox.client(no_retry_budget=True) as client:
        assert client.verify_id_number(verification(unique("order"))).passed


def test_the_deadline_ends_a_slow_call(sandbox: advanceai.Sandbox) -> None:
    # The server takes 3 s; the request timeout (10 s) would wait, the deadline does not.
    with sandbox.client(timeout=10, deadline=0.5) as client:
        client.token()  # fetched first: the deadline below cuts the verification itself
        started = time.monotonic()
        with pytest.raises(advanceai.Timeout) as caught:
            client.verify_id_number(verification(unique("fault-delay-3000")))
        elapsed = time.monotonic() - started
    error = caught.value
    assert elapsed < 2.5, elapsed
    assert error.deadline_reached and "deadline" in str(error)
    # The request was sent: a billable call may have been processed, never resent.
    assert error.may_have_been_processed and not error.safe_to_resend
    assert error.clock_skew_ms is None


def test_with_deadline_overrides_the_configured_one(sandbox: advanceai.Sandbox) -> None:
    with sandbox.client(timeout=10) as client:
        short = client.with_deadline(0.5)
        with pytest.raises(advanceai.Timeout) as caught:
            short.verify_id_number(verification(unique("fault-delay-3000")))
        assert caught.value.deadline_reached
        # The original keeps its own (60 s) deadline and shares the token.
        assert client.verify_id_number(verification(unique("order"))).passed


def test_errors_without_a_deadline_or_skew_say_so(sandbox: advanceai.Sandbox) -> None:
    with sandbox.client() as client, pytest.raises(advanceai.ApiError) as caught:
        client.get_result(unique("missing"))
    assert not caught.value.deadline_reached and caught.value.clock_skew_ms is None
    # A hand-made instance answers the conservative defaults.
    made = advanceai.ApiError("boom")
    assert made.deadline_reached is False and made.clock_skew_ms is None
