"""Get Result through the package vs through a plain Python client, against one sandbox.

One embedded sandbox (advanceai.Sandbox) and one completed H5 transaction (PASS, with the
person record and face scores); then, alternating round by round, N Get Result calls
through advanceai.Client and N through requests (one Session: keep-alive, the JSON parsed
into dicts), each reading the verdict. The plain client uses the token the package
fetched, once: the token signature is the library's rule, not rewritten here. Prints the
median time per call of each side and their ratio (package / plain: below 1 is faster).
The standard library's http.client, the cheapest plain client, is measured too, for
reference.

Run by scripts/bench-python.sh, on a release build of the package.
"""

from __future__ import annotations

import argparse
import http.client
import json
import statistics
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import requests

import advanceai

GET_RESULT = "/intl/openapi/identity-risk/idvs-h5/ekyc/v1/get-result"


def completed_transaction(sandbox: advanceai.Sandbox, client: advanceai.Client) -> str:
    page = client.generate_url(
        advanceai.GenerateUrlRequest(
            "bench-1", "user-1", "NGA", "BVN", "https://example.com/ok", "https://example.com/f"
        )
    )
    assert page.signature_id is not None
    sandbox.complete(page.signature_id)
    return page.signature_id


def package_call(client: advanceai.Client, signature_id: str) -> Callable[[], None]:
    def call() -> None:
        result = client.get_result(signature_id)
        if not (result.passed and result.error_code == "SUCCESS"):
            raise AssertionError(result)

    return call


def plain_call(base_url: str, token: str, signature_id: str) -> Callable[[], None]:
    local = threading.local()

    def call() -> None:
        # One Session (keep-alive) per thread: a Session is not documented as thread-safe.
        own = getattr(local, "session", None)
        if own is None:
            own = local.session = requests.Session()
            own.trust_env = False  # no proxy for the loopback sandbox
        answer = own.post(
            base_url + GET_RESULT,
            json={"signatureId": signature_id},
            headers={"X-ACCESS-TOKEN": token},
            timeout=30,
        )
        body = answer.json()
        data = body["data"]
        if not (
            body["code"] == "SUCCESS"
            and data["overallResult"] == "PASS"
            and data["errorCode"] == "SUCCESS"
        ):
            raise AssertionError(body)

    return call


def stdlib_call(base_url: str, token: str, signature_id: str) -> Callable[[], None]:
    """The same call through the standard library's http.client (one keep-alive
    connection per thread): the cheapest plain Python client, for reference."""
    host_port = base_url.removeprefix("http://")
    local = threading.local()
    body = json.dumps({"signatureId": signature_id})
    headers = {"X-ACCESS-TOKEN": token, "Content-Type": "application/json"}

    def call() -> None:
        connection = getattr(local, "connection", None)
        if connection is None:
            connection = local.connection = http.client.HTTPConnection(host_port, timeout=30)
        connection.request("POST", GET_RESULT, body=body, headers=headers)
        answer = json.loads(connection.getresponse().read())
        data = answer["data"]
        if not (
            answer["code"] == "SUCCESS"
            and data["overallResult"] == "PASS"
            and data["errorCode"] == "SUCCESS"
        ):
            raise AssertionError(answer)

    return call


def per_call(call: Callable[[], None], calls: int, threads: int) -> float:
    """Seconds per call, for `calls` calls spread over `threads` threads."""
    start = time.perf_counter()
    if threads == 1:
        for _ in range(calls):
            call()
    else:
        with ThreadPoolExecutor(max_workers=threads) as pool:
            for _ in pool.map(lambda _: call(), range(calls)):
                pass
    return (time.perf_counter() - start) / calls


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=2000, help="Get Result calls per round")
    parser.add_argument("--rounds", type=int, default=5, help="rounds per side")
    parser.add_argument("--threads", type=int, default=1, help="threads sharing each client")
    args = parser.parse_args()

    with advanceai.Sandbox() as sandbox, sandbox.client() as client:
        signature_id = completed_transaction(sandbox, client)
        token = client.token().token
        sides = {
            "advanceai": package_call(client, signature_id),
            "requests": plain_call(sandbox.base_url, token, signature_id),
            "http.client": stdlib_call(sandbox.base_url, token, signature_id),
        }
        for call in sides.values():  # warm up: connections, token, code paths
            per_call(call, 200, args.threads)
        times: dict[str, list[float]] = {name: [] for name in sides}
        for _ in range(args.rounds):
            for name, call in sides.items():
                times[name].append(per_call(call, args.calls, args.threads))

    median = {name: statistics.median(values) for name, values in times.items()}
    print(
        f"Get Result, {args.rounds} rounds of {args.calls} calls per side, "
        f"{args.threads} thread(s), medians:"
    )
    for name, values in times.items():
        rounds = ", ".join(f"{v * 1e6:.0f}" for v in values)
        print(f"  {name:11} {median[name] * 1e6:8.1f} us/call  (rounds: {rounds})")
    for plain in ("requests", "http.client"):
        print(f"  advanceai / {plain} = {median['advanceai'] / median[plain]:.2f}")


if __name__ == "__main__":
    main()
