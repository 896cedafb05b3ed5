"""The ADVANCE.AI identity-verification client: database verification of ID numbers, the
hosted H5 flow, and an offline sandbox.

Built on the Rust library (advanceai-transport): validation, token caching, timeouts,
retries that never bill twice, parsing and redaction are the library's. Every network call
releases the GIL; one Client may be shared by any number of threads.
"""

import datetime
import os
from types import TracebackType
from typing import Any, ClassVar, Final, TypedDict, final

from typing_extensions import Unpack

__all__ = [
    "Client",
    "parse_callback",
    "parse_get_result",
    "parse_verification",
    "Address",
    "NumberTypeInfo",
    "PersonRecord",
    "PersonVerification",
    "GenerateUrlRequest",
    "GetResultRequest",
    "IdNumberVerificationRequest",
    "validate",
    "AccessToken",
    "CallbackNotification",
    "FaceDetail",
    "GenerateUrlData",
    "GetResultData",
    "HealthData",
    "InputParameters",
    "VerificationData",
    "Sandbox",
    "__version__",
    "Error",
    "InvalidInput",
    "ApiError",
    "TransportError",
    "Timeout",
    "UnexpectedResponse",
    "ParseError",
    "ResponseTooLarge",
    "ConfigError",
    "ResultPending",
    "MissingData",
]

__version__: str

# ---------------------------------------------------------------------------------------
# Exceptions: one base class, one subclass per kind (advanceai_transport::ErrorKind).

class Error(Exception):
    """Every failure of the package. The attributes are the library's one verdict on the
    failure, for the call that failed; str(error) never holds a key, a token or person
    data."""

    kind: str
    """The stable kind name: INVALID_INPUT, API_ERROR, TRANSPORT_ERROR, TIMEOUT,
    UNEXPECTED_RESPONSE, PARSE_ERROR, RESPONSE_TOO_LARGE, CONFIG_ERROR, RESULT_PENDING,
    MISSING_DATA (the C status names, Go's Status.String(), the CLI's error.kind)."""
    code: str | None
    """The API code (PARAMETER_ERROR, SIGNATURE_NOT_EXIST...) of an API error or a local
    refusal; None otherwise."""
    message: str
    """The server's own message for an API error or a local refusal; otherwise what
    str(error) says."""
    transaction_id: str | None
    """The vendor's id of the failed call: quote it to support."""
    http_status: int | None
    """The HTTP status of an UnexpectedResponse (502 from a proxy...); None otherwise."""
    retryable: bool
    """Whether sending the same request again later may succeed and cannot bill twice."""
    safe_to_resend: bool
    """Whether resending cannot bill twice (idempotent call, or provably not processed)."""
    may_have_been_processed: bool
    """Whether the server may have processed (and billed) the request: check before
    resending a billable call."""
    refuses_account: bool
    """Whether the whole account is refused (keys, balance, quota): a batch must stop."""
    faults_the_request: bool
    """Whether the request itself is wrong: resending it unchanged can never succeed."""
    deadline_reached: bool
    """Whether the call's deadline ended it (kind and verdict are then the last attempt's,
    or TIMEOUT when no request was sent)."""
    clock_skew_ms: int | None
    """When the token API refused the request's timestamp: how far the local clock is
    ahead of the server's (negative: behind), in milliseconds, from the answer's Date
    header; None otherwise."""

class InvalidInput(Error):
    """Refused locally before sending, with the code and message the server would answer
    (PARAMETER_ERROR...); nothing was sent."""

    field: str
    """The request field (wire name) whose rule was broken (numberValue, bizId...)."""

class ApiError(Error):
    """The server answered a code other than SUCCESS: code, message, transaction_id."""


class TransportError(Error):
    """No connection, a failed TLS handshake, a connection cut mid-way
    (may_have_been_processed says whether the request may have arrived)."""


class Timeout(Error):
    """The call did not finish within its timeout."""


class UnexpectedResponse(Error):
    """Something that is not the API's answer, such as a proxy's HTML page."""

    content_type: str | None
    excerpt: str | None
    """The start of a body that is not JSON (at most 200 bytes); None for JSON."""

class ParseError(Error):
    """The body looked like the API's JSON but could not be read (truncated, malformed)."""

    line: int
    column: int
    path: str | None
    """The documented field path of a field of the wrong type (data.faceDetail...)."""

class ResponseTooLarge(Error):
    """The body was larger than max_response_bytes."""

    limit: int

class ConfigError(Error):
    """The configuration is invalid (raised by Client(...) and Client.from_env())."""


class ResultPending(Error):
    """wait_for_result reached its timeout before the result was final."""

    waited: float
    """How long the wait lasted, in seconds."""

class MissingData(Error):
    """The server answered SUCCESS without a data object."""


# ---------------------------------------------------------------------------------------
# Requests: immutable, validated by the Rust library; repr() redacts ID numbers and names.

@final
class IdNumberVerificationRequest:
    """A database verification request (billable when sent)."""

    def __new__(
        cls, biz_id: str, user_id: str, region: str, number_type: str, number_value: str
    ) -> IdNumberVerificationRequest: ...
    def validate(self) -> None:
        """Raises InvalidInput (the server's code and message) unless the server's rules
        accept the request; nothing is sent."""
    def to_json(self) -> bytes:
        """The JSON body the client sends (it holds the ID number: do not log it)."""
    biz_id: Final[str]
    user_id: Final[str]
    region: Final[str]
    number_type: Final[str]
    number_value: Final[str]

@final
class GenerateUrlRequest:
    """An H5 Generate URL request (billable when sent); keyword fields are left out of the
    body when None."""

    def __new__(
        cls,
        biz_id: str,
        user_id: str,
        region: str,
        number_type: str,
        return_url: str,
        fail_return_url: str,
        *,
        number_value: str | None = None,
        full_name: str | None = None,
        gender: str | None = None,
        callback_url: str | None = None,
        language: str | None = None,
        prefers_color_scheme: str | None = None,
        ignore_fail_when_jump: bool | None = None,
        biz_code: str | None = None,
        iframe_enabled: bool | None = None,
    ) -> GenerateUrlRequest: ...
    def validate(self) -> None:
        """Raises InvalidInput unless the server's rules accept the request."""
    def to_json(self) -> bytes:
        """The JSON body the client sends (it may hold an ID number and a name)."""
    biz_id: Final[str]
    user_id: Final[str]
    region: Final[str]
    number_type: Final[str | None]
    return_url: Final[str]
    fail_return_url: Final[str]
    number_value: Final[str | None]
    full_name: Final[str | None]
    gender: Final[str | None]
    callback_url: Final[str | None]
    language: Final[str | None]
    prefers_color_scheme: Final[str | None]
    ignore_fail_when_jump: Final[bool | None]
    biz_code: Final[str | None]
    iframe_enabled: Final[bool | None]

@final
class GetResultRequest:
    """An H5 Get Result request with options; a signatureId string does for the rest."""

    def __new__(cls, signature_id: str, *, return_image_type: str | None = None) -> GetResultRequest: ...
    def validate(self) -> None:
        """Raises InvalidInput for an empty signatureId."""
    def to_json(self) -> bytes: ...
    signature_id: Final[str]
    return_image_type: Final[str | None]
    """URL or BASE64."""

def validate(
    request: IdNumberVerificationRequest | GenerateUrlRequest | GetResultRequest,
) -> None:
    """Raises InvalidInput (the server's code and message) unless the server's rules accept
    the request; nothing is sent. Needs no client."""

# ---------------------------------------------------------------------------------------
# Results: immutable; repr() shows no person field, ID number or token. Every record has
# to_dict() (the normalized JSON in the API's camelCase names) and unknown_fields.

class _Record:
    def to_dict(self) -> dict[str, Any]:
        """The normalized JSON of this value, in the API's camelCase names."""
    unknown_fields: Final[dict[str, Any]]
    """The fields this version of the library does not know, as sent."""

@final
class NumberTypeInfo(_Record):
    number_type: Final[str | None]
    region: Final[str | None]

@final
class PersonVerification(_Record):
    """Per-field check results: pass, fail, or a value kept as sent."""

    number_value: Final[str | None]
    full_name: Final[str | None]
    dob: Final[str | None]
    face: Final[str | None]

@final
class Address(_Record):
    """The address (Brazil): personal data, every field."""

    number: Final[str | None]
    city: Final[str | None]
    street: Final[str | None]
    postal_code: Final[str | None]
    neighborhood: Final[str | None]
    state: Final[str | None]
    address_type: Final[str | None]

@final
class PersonRecord(_Record):
    """docDatabaseDetail: the person as the database knows them (personal data; values
    as sent, often masked by the vendor). One record for every market."""

    first_name: Final[str | None]
    middle_name: Final[str | None]
    last_name: Final[str | None]
    gender: Final[str | None]
    """MALE, FEMALE, or a value kept as sent."""
    birthday: Final[str | None]
    birthday_date: Final[datetime.date | None]
    """The birthday as a date when it is a full yyyy/MM/dd or yyyy-MM-dd date."""
    phone_number: Final[str | None]
    phone_number1: Final[str | None]
    phone_number2: Final[str | None]
    bvn: Final[str | None]
    number_value: Final[str | None]
    number_type_info: Final[NumberTypeInfo | None]
    nin: Final[str | None]
    full_name: Final[str | None]
    email: Final[str | None]
    verification: Final[PersonVerification | None]
    cpf_status: Final[str | None]
    mother_name: Final[str | None]
    address: Final[Address | None]
    tax_id: Final[str | None]
    tax_id_type: Final[str | None]

@final
class VerificationData(_Record):
    """The data of a database verification answer."""

    signature_id: Final[str | None]
    overall_result: Final[str | None]
    """PASS, FAIL, INCOMPLETE, or a value kept as sent."""
    error_code: Final[str | None]
    """Why; SUCCESS on a pass (the API's "" normalized)."""
    doc_database_detail: Final[PersonRecord | None]
    passed: Final[bool]
    """overallResult PASS and the pass code, both."""
    category: Final[str | None]
    """passed, user_can_retry, needs_review or retry_later; None without errorCode."""

@final
class FaceDetail(_Record):
    face_result: Final[str | None]
    face_liveness_score: Final[float | None]
    face_similarity_score: Final[float | None]

@final
class InputParameters(_Record):
    region: Final[str | None]
    number_type: Final[str | None]

@final
class GetResultData(_Record):
    """The data of an H5 Get Result answer; pending until is_final."""

    signature_id: Final[str | None]
    overall_result: Final[str | None]
    submission_completed: Final[bool | None]
    idv_result: Final[str | None]
    error_code: Final[str | None]
    """None while the result is not final."""
    doc_database_detail: Final[PersonRecord | None]
    face_detail: Final[FaceDetail | None]
    input_parameters: Final[InputParameters | None]
    country_code_iso3: Final[str | None]
    is_final: Final[bool]
    passed: Final[bool]
    """Final, verdict PASS and errorCode SUCCESS."""
    category: Final[str | None]
    """What to do about the result; None while it is pending."""

@final
class GenerateUrlData(_Record):
    """The data of a Generate URL answer: send the user to url."""

    signature_id: Final[str | None]
    url: Final[str | None]
    expired_time: Final[int | None]
    """Epoch milliseconds."""

@final
class HealthData(_Record):
    number_type: Final[str | None]
    status: Final[str | None]
    """health, unstable, or a value kept as sent."""
    can_start: Final[bool]
    """True only for the status health."""

@final
class CallbackNotification(_Record):
    """What the vendor posts to a callbackUrl: a hint to call Get Result."""

    signature_id: Final[str | None]
    kind: Final[str | None]
    """The body's type: COMPLETED, SUBMIT_COMPLETED, or a value kept as sent."""

@final
class AccessToken:
    """An access token and its expiry; repr() and str() never show the token."""

    token: Final[str]
    """The token for X-ACCESS-TOKEN: a credential, never log it."""
    expired_time: Final[int]
    """Epoch milliseconds."""

def parse_get_result(body: bytes | str) -> GetResultData:
    """Parses a Get Result response body: ApiError for a code other than SUCCESS,
    ParseError for a body that cannot be read. Needs no client."""

def parse_verification(body: bytes | str) -> VerificationData:
    """Parses a database verification response body, as parse_get_result does."""

def parse_callback(body: bytes | str) -> CallbackNotification:
    """Parses the body the vendor posts to a callbackUrl."""

# ---------------------------------------------------------------------------------------
# The client.

class _Settings(TypedDict, total=False):
    """The settings Client(), Client.from_env() and Sandbox.client() take besides the
    credentials: seconds for durations, None for the library's default."""

    base_url: str | None
    """The API's base URL (default https://sg-api.advance.ai); not with host."""
    host: str | None
    """A documented vendor host by name (sg-api.advance.ai...); not with base_url."""
    timeout: float | None
    """One HTTP request's timeout (default 30 s)."""
    deadline: float | None
    """One call's deadline, every attempt, pause and the token fetch included (default
    60 s)."""
    connect_timeout: float | None
    proxy: str | None
    """An http://, https:// or socks5:// proxy URL (default: the environment's)."""
    no_proxy: bool | None
    """Ignore the proxy variables; not with proxy."""
    ca_bundle: str | os.PathLike[str] | None
    """A PEM file whose certificates are trusted besides the Mozilla roots."""
    max_response_bytes: int | None
    max_attempts: int | None
    retry_backoff: float | None
    max_retry_backoff: float | None
    max_retry_after: float | None
    retry_budget: int | None
    """The retry budget's capacity shared by the client's clones (default 500); not with
    no_retry_budget."""
    no_retry_budget: bool | None
    """Retry without a budget."""
    period_second: int | None
    refresh_margin: float | None

@final
class Client:
    """The ADVANCE.AI client: thread-safe (share one), one connection pool and one token
    cache. Durations are seconds; None means the library's default."""

    def __new__(
        cls,
        *,
        access_key: str,
        secret_key: str,
        **settings: Unpack[_Settings],
    ) -> Client: ...
    @staticmethod
    def from_env(**settings: Unpack[_Settings]) -> Client:
        """A client from ADVANCEAI_ACCESS_KEY, ADVANCEAI_SECRET_KEY and ADVANCEAI_BASE_URL
        (default https://sg-api.advance.ai)."""
    def with_timeout(self, timeout: float) -> Client:
        """A client sharing this one's pool and token whose calls use this request
        timeout."""
    def with_deadline(self, deadline: float) -> Client:
        """A client sharing this one's pool, token and retry budget whose calls each end
        within deadline seconds (retries, pauses and the token fetch included)."""
    def token(self) -> AccessToken:
        """The current access token, fetched or refreshed if needed."""
    def verify_id_number(self, request: IdNumberVerificationRequest) -> VerificationData:
        """Database verification (billable: never resent once it may have arrived)."""
    def generate_url(self, request: GenerateUrlRequest) -> GenerateUrlData:
        """H5 Generate URL (billable)."""
    def get_result(self, request: str | GetResultRequest) -> GetResultData:
        """H5 Get Result of a signatureId; a pending result is returned, not raised."""
    def wait_for_result(
        self,
        request: str | GetResultRequest,
        *,
        timeout: float,
        initial_interval: float | None = None,
        max_interval: float | None = None,
    ) -> GetResultData:
        """Polls Get Result until final; ResultPending after timeout seconds."""
    def health(self, number_type: str) -> HealthData:
        """Non-Doc Health Status of a numberType (NG_BVN)."""
    def clear_data(self, signature_id: str) -> None:
        """Deletes a finished transaction's personal data at the vendor."""
    base_url: Final[str]
    closed: Final[bool]
    def close(self) -> None:
        """Lets go of the pool and the token (idempotent); later calls raise
        RuntimeError."""
    def __enter__(self) -> Client: ...
    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None: ...

# ---------------------------------------------------------------------------------------
# The sandbox.

class _TestOutcome(TypedDict):
    overall_result: str
    error_code: str
    """As Get Result spells it (SUCCESS for the pass)."""
    database_verification: bool
    """Whether database verification answers this outcome too."""
    numbers: dict[str, str]
    """numberType (BVN, NIK...) to this outcome's number in that market."""

@final
class Sandbox:
    """The offline emulator of the API, on a free loopback port until close()."""

    def __new__(
        cls,
        *,
        access_key: str | None = None,
        secret_key: str | None = None,
        user_timeout: float | None = None,
    ) -> Sandbox: ...
    base_url: Final[str]
    access_key: Final[str]
    secret_key: Final[str]
    def client(self, **settings: Unpack[_Settings]) -> Client:
        """A client for this sandbox."""
    def complete(
        self,
        signature_id: str,
        outcome: str = "PASS",
        *,
        number_value: str | None = None,
        full_name: str | None = None,
        gender: str | None = None,
    ) -> dict[str, Any]:
        """Finishes an H5 transaction as its user would: PASS, an errorCode, or
        OUTCOME_BY_NUMBER; the page's fields when Generate URL left them out."""
    def set_health(self, number_type: str, status: str) -> None:
        """Sets the status Health Status reports for number_type."""
    def request_count(self, endpoint: str) -> int:
        """Requests that reached an endpoint (token, id_number_verification, generate_url,
        get_result, health_status, clear_data)."""
    OUTCOME_BY_NUMBER: ClassVar[str]
    """The outcome that completes a transaction as its number says."""
    @staticmethod
    def test_numbers() -> list[_TestOutcome]:
        """The test numbers, one row per outcome of Get Result's errorCode table."""
    def close(self) -> None:
        """Stops the sandbox (idempotent)."""
    def __enter__(self) -> Sandbox: ...
    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None: ...
