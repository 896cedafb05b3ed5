"""Building a client: settings refused by the library (ConfigError), from_env, close() and
the context manager, and what the client says when it cannot reach the server."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest

import advanceai
from conftest import unique, verification


def refused(**settings: Any) -> advanceai.ConfigError:
    with pytest.raises(advanceai.ConfigError) as caught:
        advanceai.Client(**settings)
    error = caught.value
    assert error.kind == "CONFIG_ERROR" and error.safe_to_resend
    assert not error.may_have_been_processed and not error.faults_the_request
    return error


def test_refused_configurations(sandbox: advanceai.Sandbox, tmp_path: Path) -> None:
    keys = {"access_key": sandbox.access_key, "secret_key": sandbox.secret_key}
    assert "required" in str(refused(access_key="", secret_key="s"))
    assert "http" in str(refused(base_url="http://api.example.com", **keys))
    assert "base URL" in str(refused(base_url="not a url", **keys))
    refused(base_url=sandbox.base_url, timeout=0, **keys)
    refused(base_url=sandbox.base_url, timeout=-1, **keys)
    refused(base_url=sandbox.base_url, max_attempts=0, **keys)
    refused(base_url=sandbox.base_url, period_second=10, **keys)
    refused(base_url=sandbox.base_url, host="sg-api.advance.ai", **keys)
    refused(host="moon.advance.ai", **keys)
    refused(proxy="http://proxy.example:3128", no_proxy=True, **keys)
    assert "cannot read" in str(refused(ca_bundle=tmp_path / "missing.pem", **keys))
    not_pem = tmp_path / "not.pem"
    not_pem.write_text("no certificate here")
    refused(ca_bundle=not_pem, **keys)
    with pytest.raises(TypeError):
        advanceai.Client(access_key="a", secret_key="b", colour=5)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        advanceai.Client(access_key="a", secret_key="b", timeout="5")  # type: ignore[arg-type]


def test_secrets_never_show(sandbox: advanceai.Sandbox) -> None:
    secret = "not-the-sandbox-secret-0123"
    with advanceai.Client(
        access_key=sandbox.access_key, secret_key=secret, base_url=sandbox.base_url, no_proxy=True
    ) as client:
        with pytest.raises(advanceai.ApiError) as caught:
            client.token()
        error = caught.value
        assert error.code == "PARAMETER_ERROR" and "Signature error" in error.message
        assert error.transaction_id
        # Every call needs the token first: the same refusal, and nothing else was sent.
        with pytest.raises(advanceai.ApiError) as again:
            client.verify_id_number(verification(unique("order")))
        assert again.value.code == "PARAMETER_ERROR" and not again.value.may_have_been_processed
        for text in (str(error), repr(error), repr(vars(error)), repr(client)):
            assert secret not in text and sandbox.access_key not in text


def test_from_env(sandbox: advanceai.Sandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ADVANCEAI_ACCESS_KEY", raising=False)
    with pytest.raises(advanceai.ConfigError) as caught:
        advanceai.Client.from_env()
    assert "ADVANCEAI_ACCESS_KEY" in str(caught.value)
    monkeypatch.setenv("ADVANCEAI_ACCESS_KEY", sandbox.access_key)
    monkeypatch.setenv("ADVANCEAI_SECRET_KEY", sandbox.secret_key)
    monkeypatch.setenv("ADVANCEAI_BASE_URL", sandbox.base_url)
    with advanceai.Client.from_env(timeout=5, no_proxy=True) as client:
        assert client.base_url == sandbox.base_url
        assert client.health("NG_BVN").can_start


def test_host_names(sandbox: advanceai.Sandbox) -> None:
    client = advanceai.Client(access_key="a", secret_key="b", host="API.advance.ai")
    assert client.base_url == "https://api.advance.ai"
    assert advanceai.Client(access_key="a", secret_key="b").base_url == "https://sg-api.advance.ai"


def test_close_is_idempotent_and_later_calls_fail(sandbox: advanceai.Sandbox) -> None:
    with sandbox.client() as client:
        assert not client.closed
        client.token()
    assert client.closed and "closed" in repr(client)
    client.close()
    with pytest.raises(RuntimeError):
        client.token()
    with pytest.raises(RuntimeError):
        client.with_timeout(1)


def test_the_context_manager_does_not_swallow_errors(sandbox: advanceai.Sandbox) -> None:
    with pytest.raises(KeyError):
        with sandbox.client() as client:
            raise KeyError("boom")
    assert client.closed


def free_port() -> int:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        port: int = listener.getsockname()[1]
    return port


def test_unreachable_server_is_a_transport_error_never_sent() -> None:
    with advanceai.Client(
        access_key="a",
        secret_key="b",
        base_url=f"http://127.0.0.1:{free_port()}",
        max_attempts=2,
        retry_backoff=0.01,
        no_proxy=True,
    ) as client:
        with pytest.raises(advanceai.TransportError) as caught:
            client.verify_id_number(verification(unique("order")))
    error = caught.value
    assert error.kind == "TRANSPORT_ERROR" and error.retryable and error.safe_to_resend
    assert not error.may_have_been_processed, "connection refused: nothing left"
    assert "not sent" in str(error)


def test_sandbox_helpers_refuse_what_they_do_not_know() -> None:
    with advanceai.Sandbox(access_key="other-key", secret_key="other-secret") as sandbox:
        assert (sandbox.access_key, sandbox.secret_key) == ("other-key", "other-secret")
        with sandbox.client() as client:
            assert client.token().token
        assert sandbox.request_count("token") == 1
        with pytest.raises(ValueError):
            sandbox.request_count("nope")
        with pytest.raises(advanceai.ApiError) as caught:
            sandbox.complete("0123456789abcdef")
        assert caught.value.code == "SIGNATURE_NOT_EXIST"
    with pytest.raises(RuntimeError):
        sandbox.request_count("token")
    sandbox.close()


def test_user_timeout() -> None:
    with advanceai.Sandbox(user_timeout=0.2) as sandbox, sandbox.client() as short:
        page = short.generate_url(
            advanceai.GenerateUrlRequest(
                unique("order"), "u", "NGA", "BVN", "https://e.com/ok", "https://e.com/f"
            )
        )
        assert page.signature_id is not None
        result = short.wait_for_result(page.signature_id, timeout=5, initial_interval=0.1)
        assert (result.overall_result, result.error_code) == ("INCOMPLETE", "USER_TIMEOUT")
