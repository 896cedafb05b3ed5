"""The result objects and the parse functions (no client): typed and immutable, repr()
without person data, to_dict() the normalized JSON; the vendor's own examples are core's
fixtures (crates/core/tests/fixtures)."""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterator
from typing import Any

import pytest

import advanceai
from conftest import REPO

FIXTURES = REPO / "crates" / "core" / "tests" / "fixtures"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def strings(value: Any) -> Iterator[str]:
    """Every non-empty string value in a JSON value."""
    if isinstance(value, str):
        if value:
            yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def without_nulls(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: without_nulls(v) for k, v in value.items() if v is not None}
    return value


def envelope(data: Any) -> bytes:
    return json.dumps({"code": "SUCCESS", "message": "OK", "data": data, "transactionId": "t1"}).encode()


def test_the_vendors_pass_example() -> None:
    body = fixture("vendor/get_result_pass_nga_bvn.json")
    result = advanceai.parse_get_result(body)
    assert result.is_final and result.passed and result.category == "passed"
    assert (result.signature_id, result.idv_result) == ("f302f5d2454a85c2", "PASS")
    person = result.doc_database_detail
    assert person is not None
    assert (person.first_name, person.last_name, person.gender) == ("T****E", "I***A", "FEMALE")
    assert person.birthday == "1994/07/13"
    assert person.birthday_date == datetime.date(1994, 7, 13)
    assert person.phone_number2 == "" and person.email is None
    face = result.face_detail
    assert face is not None and (face.face_liveness_score, face.face_similarity_score) == (99, 82)
    # to_dict() is the normalized JSON: camelCase, the same values.
    data = result.to_dict()
    sent = json.loads(body)["data"]
    assert data["docDatabaseDetail"] == sent["docDatabaseDetail"]
    assert data["faceDetail"] == sent["faceDetail"] and data["errorCode"] == "SUCCESS"
    assert advanceai.parse_get_result(body.decode()) == result, "str bodies too; == compares"


def test_repr_shows_no_person_field() -> None:
    body = fixture("vendor/get_result_pass_nga_bvn.json")
    result = advanceai.parse_get_result(body)
    person = json.loads(body)["data"]["docDatabaseDetail"]
    shown = [repr(result), str(result), repr(result.doc_database_detail)]
    for value in strings(person):
        if value not in ("NG_BVN", "NGA"):  # the type info is not personal
            assert all(value not in text for text in shown), value
    assert "f302f5d2454a85c2" in repr(result), "ids and verdicts are shown"


def test_every_market_record_is_typed_and_redacted() -> None:
    for name in ("bra_cpf.json", "idn_nik.json", "nga_bvn.json"):
        record = json.loads(fixture(f"doc_database_detail/{name}"))
        body = envelope({"signatureId": "s", "errorCode": "SUCCESS", "docDatabaseDetail": record})
        person = advanceai.parse_get_result(body).doc_database_detail
        assert person is not None
        # Re-serializing leaves out what was null, nested records included.
        assert person.to_dict() == without_nulls(record), name
        for value in strings(record):
            if value not in ("BR_CPF", "ID_NIK", "NG_BVN", "BRA", "IDN", "NGA", "pass", "fail"):
                assert value not in repr(person), (name, value)
    brazil = json.loads(fixture("doc_database_detail/bra_cpf.json"))
    person = advanceai.parse_get_result(
        envelope({"docDatabaseDetail": brazil})
    ).doc_database_detail
    assert person is not None and person.cpf_status == "Regular"
    assert person.mother_name == brazil["motherName"] and person.number_value == "078.734.383-84"
    address = person.address
    assert address is not None and address.city == "ARACOIABA" and address.address_type == "residential"
    assert "ARACOIABA" not in repr(address)
    checks = person.verification
    assert checks is not None and checks.face == "pass" and checks.dob is None


def test_unknown_fields_are_kept_and_redacted() -> None:
    body = envelope(
        {"signatureId": "s", "errorCode": "SUCCESS", "secretThing": "Jane Roe 555-0100",
         "docDatabaseDetail": {"firstName": "J", "aadhaarDetail": {"name": "Jane Roe"}}}
    )
    result = advanceai.parse_get_result(body)
    assert result.unknown_fields == {"secretThing": "Jane Roe 555-0100"}
    person = result.doc_database_detail
    assert person is not None and person.unknown_fields == {"aadhaarDetail": {"name": "Jane Roe"}}
    assert "Jane Roe" not in repr(result) and "secretThing" in repr(result)
    assert result.to_dict()["secretThing"] == "Jane Roe 555-0100"


def test_results_are_immutable() -> None:
    result = advanceai.parse_get_result(fixture("vendor/get_result_pass_nga_bvn.json"))
    with pytest.raises(AttributeError):
        result.signature_id = "other"  # type: ignore[misc]
    with pytest.raises(TypeError):
        advanceai.GetResultData()


def test_pending_and_lenient_variants() -> None:
    pending = advanceai.parse_get_result(fixture("variants/get_result_pending.json"))
    assert not pending.is_final and pending.category is None and pending.error_code is None
    scores = advanceai.parse_get_result(fixture("variants/get_result_string_scores.json"))
    face = scores.face_detail
    assert face is not None and isinstance(face.face_liveness_score, float)
    unknown = advanceai.parse_get_result(fixture("variants/get_result_unknown_overall_result.json"))
    assert unknown.overall_result is not None and not unknown.passed


def test_parse_verification() -> None:
    data = advanceai.parse_verification(fixture("variants/verification_pass.json"))
    assert data.passed and data.error_code == "SUCCESS" and data.category == "passed"
    failed = advanceai.parse_verification(fixture("variants/verification_fail_number_not_exist.json"))
    assert not failed.passed and failed.error_code == "NUMBER_NOT_EXIST"


def test_parse_errors_are_judged_as_their_endpoints() -> None:
    with pytest.raises(advanceai.ApiError) as api:
        advanceai.parse_get_result(fixture("vendor/get_result_signature_not_exist.json"))
    assert api.value.code == "SIGNATURE_NOT_EXIST" and api.value.transaction_id
    with pytest.raises(advanceai.MissingData):
        advanceai.parse_get_result(b'{"code":"SUCCESS","message":"OK","data":null}')
    with pytest.raises(advanceai.ParseError) as broken:
        advanceai.parse_get_result(b'{"code":"SUCCESS","data":{"signatureId":')
    error = broken.value
    assert error.line == 1 and error.column > 0 and error.path is None
    assert error.safe_to_resend, "Get Result is idempotent"
    with pytest.raises(advanceai.ParseError) as wrong_type:
        advanceai.parse_get_result(b'{"code":"SUCCESS","data":{"faceDetail":{"faceLivenessScore":[]}}}')
    assert wrong_type.value.path == "data.faceDetail.faceLivenessScore"
    with pytest.raises(advanceai.ParseError) as billable:
        advanceai.parse_verification(b"<html>502</html>")
    assert billable.value.may_have_been_processed and not billable.value.safe_to_resend
    with pytest.raises(TypeError):
        advanceai.parse_get_result(42)  # type: ignore[arg-type]


def test_parse_callback() -> None:
    completed = advanceai.parse_callback(fixture("variants/callback_completed.json"))
    assert completed.kind == "COMPLETED" and completed.signature_id
    unknown = advanceai.parse_callback(fixture("variants/callback_unknown_type.json"))
    assert unknown.kind == "EXPIRED" and unknown.unknown_fields == {"eventTime": 1665997122952}
    assert unknown.to_dict()["type"] == "EXPIRED"
    with pytest.raises(advanceai.ParseError):
        advanceai.parse_callback(fixture("nondoc/callback_body.txt"))
    with pytest.raises(advanceai.ParseError):
        advanceai.parse_callback(b"")
