"""Every call of the client against the sandbox: token, database verification, the H5 flow
(Generate URL, Get Result, wait_for_result), Health Status and Clear Data."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest

import advanceai
from conftest import FAIL_URL, OK_URL, generate, signature_of, unique, url_request, verification


def test_token_is_cached_and_never_printed(client: advanceai.Client) -> None:
    token = client.token()
    assert token.token and token.expired_time > time.time() * 1000
    assert client.token().token == token.token, "one token, cached"
    assert token.token not in repr(token) and token.token not in str(token)


OUTCOMES = advanceai.Sandbox.test_numbers()
DATABASE = [row for row in OUTCOMES if row["database_verification"]]


@pytest.mark.parametrize("row", DATABASE, ids=[r["error_code"] for r in DATABASE])
def test_every_database_test_number(client: advanceai.Client, row: Any) -> None:
    for number_type in ("BVN", "NIN"):
        request = advanceai.IdNumberVerificationRequest(
            unique("order"), "user-1", "NGA", number_type, row["numbers"][number_type]
        )
        data = client.verify_id_number(request)
        # The API's "" for a pass is SUCCESS here, as Get Result spells it.
        assert (data.overall_result, data.error_code) == (row["overall_result"], row["error_code"])
        assert data.passed == (row["overall_result"] == "PASS") and data.signature_id
        if data.passed:
            assert data.category == "passed"
            person = data.doc_database_detail
            assert person is not None and person.first_name and person.phone_number1
            assert person.birthday_date is not None
        else:
            assert data.category in ("user_can_retry", "needs_review", "retry_later")


@pytest.mark.parametrize("row", OUTCOMES, ids=[r["error_code"] for r in OUTCOMES])
def test_h5_outcome_by_number(
    client: advanceai.Client, sandbox: advanceai.Sandbox, row: Any
) -> None:
    request = advanceai.GenerateUrlRequest(
        unique("order"), "user-1", "NGA", "BVN", OK_URL, FAIL_URL,
        number_value=row["numbers"]["BVN"],
    )
    signature_id = signature_of(client.generate_url(request))
    sandbox.complete(signature_id, advanceai.Sandbox.OUTCOME_BY_NUMBER)
    result = client.get_result(signature_id)
    assert (result.overall_result, result.error_code) == (row["overall_result"], row["error_code"])
    assert result.is_final and result.passed == (row["overall_result"] == "PASS")


def test_any_other_valid_number_passes_with_a_person(client: advanceai.Client) -> None:
    data = client.verify_id_number(verification(unique("order"), "22212345674"))
    assert data.passed and data.doc_database_detail is not None


def test_invalid_requests_never_reach_the_network(
    client: advanceai.Client, sandbox: advanceai.Sandbox
) -> None:
    before = sandbox.request_count("id_number_verification")
    with pytest.raises(advanceai.InvalidInput) as caught:
        client.verify_id_number(verification(unique("order"), "123"))
    assert sandbox.request_count("id_number_verification") == before
    error = caught.value
    assert error.code == "PARAMETER_ERROR" and error.field == "numberValue"
    assert error.message.startswith("Invalid ID number")
    assert not error.may_have_been_processed and error.safe_to_resend
    assert error.faults_the_request and not error.retryable


def test_h5_flow_pending_then_pass(client: advanceai.Client, sandbox: advanceai.Sandbox) -> None:
    page = client.generate_url(url_request(unique("order")))
    signature_id = signature_of(page)
    assert page.url and page.url.startswith(sandbox.base_url)
    assert page.expired_time and page.expired_time > time.time() * 1000
    pending = client.get_result(signature_id)
    assert not pending.is_final and not pending.passed
    assert pending.category is None and pending.error_code is None
    assert pending.signature_id == signature_id
    answer = sandbox.complete(signature_id)
    assert answer["overallResult"] == "PASS" and answer["redirectUrl"] == OK_URL
    result = client.get_result(advanceai.GetResultRequest(signature_id))
    assert result.is_final and result.passed and result.category == "passed"
    assert result.overall_result == "PASS" and result.error_code == "SUCCESS"
    assert result.submission_completed is True and result.country_code_iso3 == "NGA"
    face = result.face_detail
    assert face is not None and face.face_result == "PASS"
    assert face.face_liveness_score is not None and face.face_similarity_score is not None
    params = result.input_parameters
    assert params is not None and (params.region, params.number_type) == ("NGA", "BVN")
    person = result.doc_database_detail
    assert person is not None and person.bvn and person.number_value
    info = person.number_type_info
    assert info is not None and info.number_type == "NG_BVN"


def test_h5_failure_outcome(client: advanceai.Client, sandbox: advanceai.Sandbox) -> None:
    signature_id = generate(client, unique("order"))
    assert sandbox.complete(signature_id, "LIVENESS_ATTACK")["redirectUrl"] == FAIL_URL
    result = client.get_result(signature_id)
    assert result.is_final and not result.passed
    assert (result.overall_result, result.error_code) == ("FAIL", "LIVENESS_ATTACK")
    with pytest.raises(advanceai.ApiError) as caught:
        sandbox.complete(signature_id)
    assert caught.value.code == "PARAMETER_ERROR"


def test_get_result_with_options(client: advanceai.Client, sandbox: advanceai.Sandbox) -> None:
    signature_id = generate(client, unique("order"))
    sandbox.complete(signature_id)
    request = advanceai.GetResultRequest(signature_id, return_image_type="BASE64")
    assert request.return_image_type == "BASE64"
    assert client.get_result(request).passed
    assert client.wait_for_result(request, timeout=5).passed


def test_unknown_signature_is_signature_not_exist(client: advanceai.Client) -> None:
    with pytest.raises(advanceai.ApiError) as caught:
        client.get_result("0123456789abcdef")
    error = caught.value
    assert error.code == "SIGNATURE_NOT_EXIST" and error.transaction_id
    assert error.faults_the_request and not error.retryable
    with pytest.raises(advanceai.InvalidInput):
        client.get_result("")
    with pytest.raises(TypeError):
        client.get_result(42)  # type: ignore[arg-type]


def test_wait_for_result_until_final(client: advanceai.Client, sandbox: advanceai.Sandbox) -> None:
    signature_id = generate(client, unique("order"))
    completer = threading.Timer(0.3, sandbox.complete, args=(signature_id,))
    completer.start()
    try:
        result = client.wait_for_result(
            signature_id, timeout=10, initial_interval=0.05, max_interval=0.2
        )
    finally:
        completer.join()
    assert result.is_final and result.passed


def test_wait_for_result_pending(client: advanceai.Client) -> None:
    signature_id = generate(client, unique("order"))
    with pytest.raises(advanceai.ResultPending) as caught:
        client.wait_for_result(signature_id, timeout=0.3, initial_interval=0.05)
    error = caught.value
    assert error.kind == "RESULT_PENDING" and error.waited >= 0.3
    assert error.retryable and error.safe_to_resend
    with pytest.raises(advanceai.InvalidInput):
        client.wait_for_result(signature_id, timeout=-1)


def test_generate_url_in_other_markets(client: advanceai.Client, sandbox: advanceai.Sandbox) -> None:
    nik = advanceai.GenerateUrlRequest(
        unique("order"),
        "user-1",
        "IDN",
        "NIK",
        OK_URL,
        FAIL_URL,
        number_value="3273012345678901",
        full_name="Budi Santoso",
        language="id-ID",
        prefers_color_scheme="dark",
        ignore_fail_when_jump=True,
        iframe_enabled=False,
        biz_code="kyc-1",
    )
    signature_id = signature_of(client.generate_url(nik))
    sandbox.complete(signature_id)
    result = client.get_result(signature_id)
    person = result.doc_database_detail
    assert result.passed and person is not None and person.full_name and person.email
    checks = person.verification
    assert checks is not None and checks.number_value == "pass"
    refused = advanceai.GenerateUrlRequest(
        unique("order"), "user-1", "IDN", "NIK", OK_URL, FAIL_URL, number_value="3273012345678901"
    )
    with pytest.raises(advanceai.InvalidInput) as caught:
        client.generate_url(refused)
    assert caught.value.message == "Parameter should not be empty"


def test_health_default_unstable_and_refused(
    client: advanceai.Client, sandbox: advanceai.Sandbox
) -> None:
    health = client.health("NG_NIN")
    assert (health.number_type, health.status, health.can_start) == ("NG_NIN", "health", True)
    sandbox.set_health("ZA_SAID", "unstable")
    assert not client.health("ZA_SAID").can_start
    sandbox.set_health("ZA_SAID", "degraded")
    undocumented = client.health("ZA_SAID")
    assert undocumented.status == "degraded" and not undocumented.can_start
    sandbox.set_health("ZA_SAID", "health")
    with pytest.raises(advanceai.ApiError) as caught:
        client.health("XX_UNKNOWN")
    assert caught.value.code == "PARAMETER_ERROR"
    with pytest.raises(advanceai.InvalidInput):
        client.health("")


def test_clear_data(client: advanceai.Client, sandbox: advanceai.Sandbox) -> None:
    signature_id = generate(client, unique("order"))
    with pytest.raises(advanceai.ApiError) as caught:
        client.clear_data(signature_id)
    assert caught.value.message == "Transaction is not finished"
    sandbox.complete(signature_id)
    client.clear_data(signature_id)
    result = client.get_result(signature_id)
    assert result.passed and result.doc_database_detail is None
    with pytest.raises(advanceai.ApiError) as caught:
        client.clear_data("0123456789abcdef")
    assert caught.value.message == "SignatureId is not exist"
    with pytest.raises(advanceai.InvalidInput) as refused:
        client.clear_data("")
    assert refused.value.message == "SignatureId is empty"


def test_clear_data_in_processing_is_retried_and_retryable(
    client: advanceai.Client, sandbox: advanceai.Sandbox
) -> None:
    before = sandbox.request_count("clear_data")
    with pytest.raises(advanceai.ApiError) as caught:
        client.clear_data(unique("fault-in-processing"))
    error = caught.value
    assert error.code == "REQUEST_IN_PROCESSING" and error.retryable
    assert not error.may_have_been_processed and not error.faults_the_request
    assert sandbox.request_count("clear_data") - before == 3, "three attempts"


def test_transient_faults_are_recovered(client: advanceai.Client) -> None:
    for fault in ("fault-busy-once", "fault-iam-once"):
        signature_id = generate(client, unique("result-" + fault))
        result = client.get_result(signature_id)
        assert result.signature_id == signature_id and not result.is_final


def test_unknown_error_code_needs_review(client: advanceai.Client) -> None:
    result = client.get_result(generate(client, unique("result-fault-unknown-error-code")))
    assert result.is_final and not result.passed
    assert result.error_code == "SANDBOX_UNKNOWN_ERROR_CODE" and result.category == "needs_review"


def test_max_response_bytes_lets_a_huge_answer_through(sandbox: advanceai.Sandbox) -> None:
    with sandbox.client(max_response_bytes=8 << 20) as roomy:
        signature_id = generate(roomy, unique("result-fault-huge"))
        assert roomy.get_result(signature_id).signature_id == signature_id


def test_with_timeout_shares_the_client(client: advanceai.Client) -> None:
    quick = client.with_timeout(0.3)
    with pytest.raises(advanceai.Timeout) as caught:
        quick.get_result(unique("fault-delay-1000"))
    assert caught.value.retryable and caught.value.may_have_been_processed
    assert quick.token().token == client.token().token, "one token cache"
    with pytest.raises(advanceai.ConfigError):
        client.with_timeout(float("nan"))
