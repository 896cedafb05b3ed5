"""The exception classes: one base, one subclass per kind, each raised error carrying the
library's verdict; `except` clauses match on the class."""

from __future__ import annotations

import pickle

import pytest

import advanceai
from conftest import unique, verification

KINDS = {
    "INVALID_INPUT": advanceai.InvalidInput,
    "API_ERROR": advanceai.ApiError,
    "TRANSPORT_ERROR": advanceai.TransportError,
    "TIMEOUT": advanceai.Timeout,
    "UNEXPECTED_RESPONSE": advanceai.UnexpectedResponse,
    "PARSE_ERROR": advanceai.ParseError,
    "RESPONSE_TOO_LARGE": advanceai.ResponseTooLarge,
    "CONFIG_ERROR": advanceai.ConfigError,
    "RESULT_PENDING": advanceai.ResultPending,
    "MISSING_DATA": advanceai.MissingData,
}


def test_one_subclass_per_kind() -> None:
    subclasses = {c.kind: c for c in advanceai.Error.__subclasses__()}
    assert subclasses == KINDS
    for kind, cls in KINDS.items():
        assert issubclass(cls, advanceai.Error) and issubclass(cls, Exception)
        assert cls.__module__ == "advanceai" and cls.__name__ in advanceai.__all__
        assert kind in (cls.__doc__ or "")


def test_a_hand_made_error_answers_conservatively() -> None:
    error = advanceai.ApiError("a test double")
    assert error.kind == "API_ERROR" and error.code is None and error.message == ""
    assert error.may_have_been_processed and not error.safe_to_resend and not error.retryable


def test_except_clauses_match_the_kind(client: advanceai.Client) -> None:
    caught = []
    for number in ("123", "22222222222"):
        biz_id = unique("fault-no-balance")
        try:
            client.verify_id_number(verification(biz_id, number))
        except advanceai.InvalidInput as error:
            caught.append(("invalid", error.code))
        except advanceai.ApiError as error:
            caught.append(("api", error.code))
    assert caught == [("invalid", "PARAMETER_ERROR"), ("api", "INSUFFICIENT_BALANCE")]


def test_raised_errors_pickle_with_their_verdict(client: advanceai.Client) -> None:
    with pytest.raises(advanceai.ApiError) as caught:
        client.verify_id_number(verification(unique("fault-no-balance")))
    error = caught.value
    assert error.refuses_account and not error.may_have_been_processed
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is advanceai.ApiError and vars(again) == vars(error)
    assert str(again) == str(error)


def test_unexpected_and_too_large_answers(sandbox: advanceai.Sandbox) -> None:
    with sandbox.client(max_attempts=1) as client:
        with pytest.raises(advanceai.UnexpectedResponse) as html:
            client.get_result(unique("fault-502"))
        assert html.value.http_status == 502 and html.value.excerpt
        assert html.value.content_type is not None and "html" in html.value.content_type
        with pytest.raises(advanceai.ResponseTooLarge) as huge:
            client.get_result(unique("fault-huge"))
        assert huge.value.limit == 1024 * 1024
