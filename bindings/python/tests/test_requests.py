"""Validating requests without a client: the refusals carry the server's own code and
message (the vendor's answers are core's fixtures), and requests print no ID number or
name."""

from __future__ import annotations

import json

import pytest

import advanceai
from conftest import FAIL_URL, OK_URL, REPO

VENDOR = REPO / "crates" / "core" / "tests" / "fixtures" / "vendor"

# A request that breaks one rule, and the vendor's answer to it.
REFUSALS = [
    (("", "user-1", "NGA", "BVN", "22222222222"), "verification_param_bizid_missing.json"),
    (("b" * 100, "user-1", "NGA", "BVN", "22222222222"), "verification_param_bizid_too_long.json"),
    (("order-1", "", "NGA", "BVN", "22222222222"), "verification_param_userid_missing.json"),
    (("order-1", "u" * 201, "NGA", "BVN", "22222222222"), "verification_param_userid_too_long.json"),
    (("order-1", "user-1", "XYZ", "BVN", "22222222222"), "verification_param_region_wrong.json"),
    (("order-1", "user-1", "NGA", "PASSPORT", "22222222222"), "verification_param_number_type_wrong.json"),
    (("order-1", "user-1", "NGA", "bvn", "22222222222"), "verification_param_number_type_region_mismatch.json"),
    (("order-1", "user-1", "NGA", "BVN", "2222"), "verification_param_number_value_invalid.json"),
]


@pytest.mark.parametrize("fields, answer", REFUSALS, ids=[a for _, a in REFUSALS])
def test_refusals_carry_the_servers_code_and_message(
    fields: tuple[str, str, str, str, str], answer: str
) -> None:
    vendor = json.loads((VENDOR / answer).read_text(encoding="utf-8"))
    request = advanceai.IdNumberVerificationRequest(*fields)
    for check in (request.validate, lambda: advanceai.validate(request)):
        with pytest.raises(advanceai.InvalidInput) as caught:
            check()
        error = caught.value
        assert (error.code, error.message) == (vendor["code"], vendor["message"])
        assert error.kind == "INVALID_INPUT" and error.transaction_id is None
        assert vendor["message"] in str(error)


def test_a_valid_request_passes_and_keeps_its_fields() -> None:
    request = advanceai.IdNumberVerificationRequest("order-1", "user-1", "NGA", "NIN", "12345678901")
    request.validate()
    advanceai.validate(request)
    assert (request.biz_id, request.number_type, request.number_value) == ("order-1", "NIN", "12345678901")
    assert json.loads(request.to_json())["numberValue"] == "12345678901"
    assert "12345678901" not in repr(request) and "order-1" in repr(request)
    assert request == advanceai.IdNumberVerificationRequest("order-1", "user-1", "NGA", "NIN", "12345678901")


def test_url_requests() -> None:
    request = advanceai.GenerateUrlRequest(
        "order-1", "user-1", "ARG", "DNI", OK_URL, FAIL_URL, number_value="12345678"
    )
    with pytest.raises(advanceai.InvalidInput) as caught:
        advanceai.validate(request)
    assert caught.value.message == "Parameter should not be empty", "DNI needs a gender"
    with_gender = advanceai.GenerateUrlRequest(
        "order-1", "user-1", "ARG", "DNI", OK_URL, FAIL_URL, number_value="12345678",
        gender="F", full_name="Ana Perez", callback_url="https://example.com/cb?auth=s3cret",
    )
    with_gender.validate()
    body = json.loads(with_gender.to_json())
    assert body["numberType"] == "DNI" and body["gender"] == "F" and "language" not in body
    for secret in ("12345678", "Ana Perez", "s3cret"):
        assert secret not in repr(with_gender)
    assert (with_gender.full_name, with_gender.gender) == ("Ana Perez", "F")
    for broken, field in [
        (advanceai.GenerateUrlRequest("o", "u", "NGA", "BVN", "not a url", FAIL_URL), "returnUrl"),
        (advanceai.GenerateUrlRequest("o", "u", "NGA", "", OK_URL, FAIL_URL), "numberType"),
        (advanceai.GenerateUrlRequest("o", "u", "NGA", "BVN", OK_URL, FAIL_URL, prefers_color_scheme="blue"), "prefersColorScheme"),
        (advanceai.GenerateUrlRequest("o", "u", "ZAF", "SAID", OK_URL, FAIL_URL), "numberValue"),
    ]:
        with pytest.raises(advanceai.InvalidInput) as refused:
            broken.validate()
        assert refused.value.field == field and refused.value.code == "PARAMETER_ERROR"


def test_get_result_requests() -> None:
    with pytest.raises(advanceai.InvalidInput):
        advanceai.validate(advanceai.GetResultRequest(""))
    request = advanceai.GetResultRequest("f302f5d2454a85c2", return_image_type="URL")
    request.validate()
    assert json.loads(request.to_json()) == {"signatureId": "f302f5d2454a85c2", "returnImageType": "URL"}
    with pytest.raises(TypeError):
        advanceai.validate("not a request")  # type: ignore[arg-type]
