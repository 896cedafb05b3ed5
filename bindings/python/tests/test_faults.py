"""Every row of tests/fixtures/fault_dispositions.tsv, the table the Rust, C, C++, Go and
CLI tests read too: one test per row (tests/pytest_suite.rs counts them against the
fixture's rows)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

import advanceai
from conftest import fault_fixture_path, generate, unique, verification


@dataclass(frozen=True)
class Row:
    call: str  # verify (billable) or result (Get Result, idempotent)
    prefix: str
    kind: str
    code: str | None
    retryable: bool
    may_have_been_processed: bool
    refuses_account: bool


def rows() -> list[Row]:
    """The fixture's rows; a malformed row fails the collection, never skips."""
    flags = {"true": True, "false": False}
    found = []
    for line in fault_fixture_path().read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        assert len(cells) == 7 and cells[0] in ("verify", "result"), line
        found.append(
            Row(
                call=cells[0],
                prefix=cells[1],
                kind=cells[2],
                code=None if cells[3] == "-" else cells[3],
                retryable=flags[cells[4]],
                may_have_been_processed=flags[cells[5]],
                refuses_account=flags[cells[6]],
            )
        )
    assert found, "the fault fixture has no rows"
    return found


ROWS = rows()


@pytest.mark.parametrize("row", ROWS, ids=[f"{r.call}-{r.prefix}" for r in ROWS])
def test_fault_row(row: Row, fault_client: advanceai.Client, sandbox: advanceai.Sandbox) -> None:
    if row.call == "verify":
        before = sandbox.request_count("id_number_verification")
        with pytest.raises(advanceai.Error) as caught:
            fault_client.verify_id_number(verification(unique(row.prefix)))
        # A billable call is sent once, whatever the fault.
        assert sandbox.request_count("id_number_verification") - before == 1
    else:
        signature_id = generate(fault_client, unique("result-" + row.prefix))
        with pytest.raises(advanceai.Error) as caught:
            fault_client.get_result(signature_id)
    error = caught.value
    got = (
        error.kind,
        error.code,
        error.retryable,
        error.may_have_been_processed,
        error.refuses_account,
    )
    want = (row.kind, row.code, row.retryable, row.may_have_been_processed, row.refuses_account)
    assert got == want, f"{error!r}: {vars(error)}"
    # The class follows the kind: `except advanceai.ApiError` catches exactly API_ERROR.
    assert type(error).kind == row.kind
    assert type(error).__name__ == "".join(w.capitalize() for w in row.kind.split("_"))
    # Get Result is idempotent; a billable call is safe to resend only if not processed.
    assert error.safe_to_resend == (row.call == "result" or not row.may_have_been_processed)
    assert error.http_status == (502 if row.kind == "UNEXPECTED_RESPONSE" else None)
    if row.code is not None:
        assert error.transaction_id, "an API error without the vendor's transaction id"
