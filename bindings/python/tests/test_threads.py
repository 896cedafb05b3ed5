"""One client shared by many threads, with the GIL released during every call."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

import advanceai
from conftest import generate, unique, verification


def test_threads_share_one_client(client: advanceai.Client, sandbox: advanceai.Sandbox) -> None:
    signature_id = generate(client, unique("order"))
    sandbox.complete(signature_id)

    def work(n: int) -> tuple[bool, bool]:
        checked = client.verify_id_number(verification(f"thread-{n}-{unique('order')}"))
        return checked.passed, client.get_result(signature_id).passed

    before = sandbox.request_count("token")
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(work, range(64)))
    assert answers == [(True, True)] * 64
    assert sandbox.request_count("token") == before, "the cached token is shared"


def test_calls_release_the_gil(client: advanceai.Client) -> None:
    client.token()

    def slow_call() -> None:
        with pytest.raises(advanceai.ApiError):
            # Delayed 400 ms by the sandbox, then SIGNATURE_NOT_EXIST.
            client.get_result(unique("fault-delay-400"))

    threads = [threading.Thread(target=slow_call) for _ in range(8)]
    start = time.monotonic()
    for thread in threads:
        thread.start()
    ticks = 0
    while any(thread.is_alive() for thread in threads):
        ticks += 1  # Python keeps running while the calls wait
        time.sleep(0.001)
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - start
    assert elapsed < 8 * 0.4 / 2, f"the calls ran one after another ({elapsed:.2f} s)"
    assert ticks > 50
