//! The C ABI of the ADVANCE.AI client: `libadvanceai.so`, `libadvanceai.a` and
//! `include/advanceai.h` (generated from this file by cbindgen).
//!
//! This crate only translates ownership, strings and errors; every behaviour (validation,
//! signing, retries, parsing) is `advanceai-core`'s and `advanceai-transport`'s.
//!
//! # Rules of the C API
//! * Every fallible function returns an `advanceai_status`; `ADVANCEAI_STATUS_OK` is 0.
//!   Output parameters are written only on success, never partially.
//! * On failure, when the caller passed a non-NULL `advanceai_error **err`, an error object
//!   is written there (kind, API code, message, transaction id, whether a retry can help);
//!   free it with `advanceai_error_free`. There is no thread-local "last error".
//! * Every pointer is checked for NULL (`ADVANCEAI_STATUS_NULL_PARAMETER`) and every string
//!   for UTF-8 (`ADVANCEAI_STATUS_INVALID_UTF8`).
//! * A panic inside the library never unwinds into C: it becomes `ADVANCEAI_STATUS_PANIC`
//!   (or NULL / false / 0 for getters).
//! * One string rule: every `const char *` returned is owned by the object that returned
//!   it and stays valid until that object is freed. Never free it yourself.
//! * Every `_free` function accepts NULL and then does nothing.
#![allow(unsafe_code)]
#![allow(non_camel_case_types)]
// The C API takes raw pointers by design; each one is checked for NULL before use.
#![allow(clippy::not_unsafe_ptr_arg_deref)]

use std::ffi::{CStr, CString, c_char};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::ptr;
use std::time::Duration;

use advanceai_core::{EnvelopeError, GenerateUrlData, GenerateUrlRequest};
use advanceai_core::{
    ErrorCategory, ErrorCode, GetResultData, GetResultRequest, Host, IdNumberVerificationRequest,
    OverallResult, ParseError, PersonRecord, Pii, VerificationData, parse_get_result_response,
    parse_verification_response,
};
use advanceai_transport::{
    Client, ClientConfig, ClientConfigBuilder, Error, ProxySetting, RetryPolicy,
    TransportErrorKind, WaitOptions,
};

/// The status every fallible function returns.
///
/// The numeric values are stable: a value is never reused. A value that is retired stays
/// reserved (its number is never given to another meaning).
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum advanceai_status {
    /// Success.
    ADVANCEAI_STATUS_OK = 0,
    /// A required pointer argument was NULL.
    ADVANCEAI_STATUS_NULL_PARAMETER = 1,
    /// A string argument was not valid UTF-8.
    ADVANCEAI_STATUS_INVALID_UTF8 = 2,
    /// The request was refused locally, before sending; the error carries the code and
    /// message the server would have answered with.
    ADVANCEAI_STATUS_INVALID_INPUT = 3,
    /// The server answered with a code other than `SUCCESS`; see the error's code.
    ADVANCEAI_STATUS_API_ERROR = 4,
    /// The request could not be completed at the network level.
    ADVANCEAI_STATUS_TRANSPORT_ERROR = 5,
    /// The request did not finish within its timeout.
    ADVANCEAI_STATUS_TIMEOUT = 6,
    /// The server (or a proxy) sent something that is not the API's answer.
    ADVANCEAI_STATUS_UNEXPECTED_RESPONSE = 7,
    /// The body looked like the API's JSON but could not be read.
    ADVANCEAI_STATUS_PARSE_ERROR = 8,
    /// The response body was larger than the configured maximum.
    ADVANCEAI_STATUS_RESPONSE_TOO_LARGE = 9,
    /// The configuration is invalid (missing credentials, insecure URL, bad CA bundle, ...).
    ADVANCEAI_STATUS_CONFIG_ERROR = 10,
    /// `advanceai_client_wait_for_result` reached its deadline before the result was final.
    ADVANCEAI_STATUS_RESULT_PENDING = 11,
    /// The library panicked; the call had no effect on its outputs. Please report it.
    ADVANCEAI_STATUS_PANIC = 12,
    /// The server answered `SUCCESS` without a `data` object.
    ADVANCEAI_STATUS_MISSING_DATA = 13,
}

use advanceai_status as S;

/// Which person field to read with `advanceai_verification_result_person_field` or
/// `advanceai_get_result_person_field`. Values are stable.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum advanceai_person_field {
    /// `firstName`.
    ADVANCEAI_PERSON_FIRST_NAME = 0,
    /// `middleName`.
    ADVANCEAI_PERSON_MIDDLE_NAME = 1,
    /// `lastName`.
    ADVANCEAI_PERSON_LAST_NAME = 2,
    /// `gender`.
    ADVANCEAI_PERSON_GENDER = 3,
    /// `birthday`.
    ADVANCEAI_PERSON_BIRTHDAY = 4,
    /// `phoneNumber`.
    ADVANCEAI_PERSON_PHONE_NUMBER = 5,
    /// `bvn`.
    ADVANCEAI_PERSON_BVN = 6,
    /// `numberValue`.
    ADVANCEAI_PERSON_NUMBER_VALUE = 7,
}

const PERSON_FIELDS: usize = 8;

/// Runs an exported body inside the one panic boundary: a panic becomes
/// `ADVANCEAI_STATUS_PANIC` (or the given fallback value), never unwinding into C.
macro_rules! ffi_guard {
    ($body:block) => {
        ffi_guard!(advanceai_status::ADVANCEAI_STATUS_PANIC; $body)
    };
    ($on_panic:expr; $body:block) => {
        match catch_unwind(AssertUnwindSafe(|| $body)) {
            Ok(value) => value,
            Err(_) => $on_panic,
        }
    };
}

/// A string as a C string, cut at the first NUL byte (C cannot carry one).
fn c_string(text: &str) -> CString {
    let end = text.find('\0').unwrap_or(text.len());
    CString::new(&text[..end]).unwrap_or_default()
}

fn opt_ptr(value: &Option<CString>) -> *const c_char {
    value.as_ref().map_or(ptr::null(), |s| s.as_ptr())
}

/// An error object.
///
/// Every string it returns is owned by it and valid until `advanceai_error_free`.
pub struct advanceai_error {
    kind: advanceai_status,
    code: Option<CString>,
    message: CString,
    transaction_id: Option<CString>,
    retryable: bool,
    may_have_been_processed: bool,
}

impl advanceai_error {
    fn local(kind: advanceai_status, message: &str) -> Self {
        Self {
            kind,
            code: None,
            message: c_string(message),
            transaction_id: None,
            retryable: false,
            may_have_been_processed: false,
        }
    }

    fn from_transport(error: &Error) -> Self {
        let may_have_been_processed = error.may_have_been_processed();
        let message = c_string(&error.to_string());
        let code = error.code().map(|c| c_string(c.as_str()));
        let (kind, transaction_id, retryable) = match error {
            Error::InvalidInput(_) => (S::ADVANCEAI_STATUS_INVALID_INPUT, None, false),
            Error::Api {
                transaction_id,
                retryable,
                ..
            } => (
                S::ADVANCEAI_STATUS_API_ERROR,
                transaction_id.clone(),
                *retryable,
            ),
            Error::MissingData { transaction_id } => (
                S::ADVANCEAI_STATUS_MISSING_DATA,
                transaction_id.clone(),
                false,
            ),
            Error::Transport {
                kind: TransportErrorKind::Timeout,
                ..
            } => (S::ADVANCEAI_STATUS_TIMEOUT, None, true),
            Error::Transport { .. } => (S::ADVANCEAI_STATUS_TRANSPORT_ERROR, None, true),
            Error::UnexpectedResponse { status, .. } => (
                S::ADVANCEAI_STATUS_UNEXPECTED_RESPONSE,
                None,
                *status >= 500,
            ),
            Error::Parse(_) => (S::ADVANCEAI_STATUS_PARSE_ERROR, None, false),
            Error::ResponseTooLarge { .. } => (S::ADVANCEAI_STATUS_RESPONSE_TOO_LARGE, None, false),
            Error::ResultPending { .. } => (S::ADVANCEAI_STATUS_RESULT_PENDING, None, true),
            Error::Config(_) => (S::ADVANCEAI_STATUS_CONFIG_ERROR, None, false),
            _ => (S::ADVANCEAI_STATUS_TRANSPORT_ERROR, None, false),
        };
        Self {
            kind,
            code,
            message,
            transaction_id: transaction_id.as_deref().map(c_string),
            retryable,
            may_have_been_processed,
        }
    }

    fn from_envelope(error: EnvelopeError) -> Self {
        match error {
            EnvelopeError::Api(api) => Self::from_transport(&Error::Api {
                retryable: api.is_transient(),
                code: api.code,
                message: api.message,
                transaction_id: api.transaction_id,
            }),
            EnvelopeError::MissingData { transaction_id } => {
                Self::from_transport(&Error::MissingData { transaction_id })
            }
            other => Self::local(S::ADVANCEAI_STATUS_UNEXPECTED_RESPONSE, &other.to_string()),
        }
    }

    fn from_parse(error: &ParseError) -> Self {
        let mut out = Self::local(S::ADVANCEAI_STATUS_PARSE_ERROR, &error.to_string());
        out.may_have_been_processed = true;
        out
    }
}

/// Hands `error` to the caller through `err` (when not NULL) and returns its kind.
fn fail(err: *mut *mut advanceai_error, error: advanceai_error) -> advanceai_status {
    let kind = error.kind;
    if !err.is_null() {
        // SAFETY: checked non-NULL; the caller gives a writable `advanceai_error *` slot.
        unsafe { *err = Box::into_raw(Box::new(error)) };
    }
    kind
}

fn null_parameter(err: *mut *mut advanceai_error, name: &str) -> advanceai_status {
    fail(
        err,
        advanceai_error::local(
            S::ADVANCEAI_STATUS_NULL_PARAMETER,
            &format!("the parameter {name} is NULL"),
        ),
    )
}

/// Reads a NUL-terminated UTF-8 string argument.
///
/// # Safety
/// `value` must be NULL or point to a NUL-terminated string.
unsafe fn arg_str<'a>(
    value: *const c_char,
    name: &str,
    err: *mut *mut advanceai_error,
) -> Result<&'a str, advanceai_status> {
    if value.is_null() {
        return Err(null_parameter(err, name));
    }
    // SAFETY: non-NULL and NUL-terminated per the function's contract.
    let bytes = unsafe { CStr::from_ptr(value) };
    bytes.to_str().map_err(|_| {
        fail(
            err,
            advanceai_error::local(
                S::ADVANCEAI_STATUS_INVALID_UTF8,
                &format!("the parameter {name} is not valid UTF-8"),
            ),
        )
    })
}

/// Writes `value` to `out` (already checked non-NULL) and returns OK.
fn write_out<T>(out: *mut *mut T, value: T) -> advanceai_status {
    // SAFETY: the callers check `out` for NULL first.
    unsafe { *out = Box::into_raw(Box::new(value)) };
    S::ADVANCEAI_STATUS_OK
}

/// Frees a boxed handle; NULL is a no-op.
fn free_box<T>(handle: *mut T) {
    if !handle.is_null() {
        // SAFETY: handles are only created by `Box::into_raw` in this crate, and the caller
        // frees each once.
        drop(unsafe { Box::from_raw(handle) });
    }
}

/// Borrows a handle; `None` for NULL.
fn handle<'a, T>(value: *const T) -> Option<&'a T> {
    // SAFETY: non-NULL handles point to live objects created by this crate.
    unsafe { value.as_ref() }
}

fn handle_mut<'a, T>(value: *mut T) -> Option<&'a mut T> {
    // SAFETY: non-NULL handles point to live objects created by this crate, not shared
    // across threads while mutated (documented on `advanceai_config`).
    unsafe { value.as_mut() }
}

/// The library version (`"0.1.0"`), a static NUL-terminated string: never free it.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_version() -> *const c_char {
    concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast()
}

/// A static, NUL-terminated English description of a status; never free it. Unknown values
/// give "unknown status".
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_status_message(status: u32) -> *const c_char {
    let text: &'static str = match status {
        0 => "ok\0",
        1 => "a required parameter is NULL\0",
        2 => "a string parameter is not valid UTF-8\0",
        3 => "the request is invalid and was not sent\0",
        4 => "the API answered with an error code\0",
        5 => "the request failed at the network level\0",
        6 => "the request timed out\0",
        7 => "unexpected response\0",
        8 => "cannot parse the response\0",
        9 => "the response is too large\0",
        10 => "invalid configuration\0",
        11 => "the result is still pending\0",
        12 => "internal panic in the library\0",
        13 => "the API answered SUCCESS without data\0",
        _ => "unknown status\0",
    };
    text.as_ptr().cast()
}

// ---------------------------------------------------------------------------------------
// Errors

/// Frees an error object; NULL is a no-op.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_error_free(error: *mut advanceai_error) {
    ffi_guard!((); { free_box(error) })
}

/// The kind of the error (the status the failing call returned); NULL_PARAMETER for NULL.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_error_kind(error: *const advanceai_error) -> advanceai_status {
    ffi_guard!({ handle(error).map_or(S::ADVANCEAI_STATUS_NULL_PARAMETER, |e| e.kind) })
}

/// The API's code (`"PARAMETER_ERROR"`, `"IAM_FAILED"`...) for API errors and local
/// refusals, or NULL. Owned by the error object.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_error_code(error: *const advanceai_error) -> *const c_char {
    ffi_guard!(ptr::null(); { handle(error).map_or(ptr::null(), |e| opt_ptr(&e.code)) })
}

/// The message: for API errors and local refusals it contains the server's own message.
/// Never shows keys, tokens or person data. Owned by the error object; NULL for NULL.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_error_message(error: *const advanceai_error) -> *const c_char {
    ffi_guard!(ptr::null(); { handle(error).map_or(ptr::null(), |e| e.message.as_ptr()) })
}

/// The vendor's transaction id of the failed call (quote it to support), or NULL. Owned by
/// the error object.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_error_transaction_id(error: *const advanceai_error) -> *const c_char {
    ffi_guard!(ptr::null(); { handle(error).map_or(ptr::null(), |e| opt_ptr(&e.transaction_id)) })
}

/// Whether sending the same request again later may succeed.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_error_retryable(error: *const advanceai_error) -> bool {
    ffi_guard!(false; { handle(error).is_some_and(|e| e.retryable) })
}

/// Whether the server may have processed (and billed) the request.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_error_may_have_been_processed(error: *const advanceai_error) -> bool {
    ffi_guard!(false; { handle(error).is_some_and(|e| e.may_have_been_processed) })
}

// ---------------------------------------------------------------------------------------
// Configuration

/// A configuration builder. Not thread-safe: set it up from one thread, then build any
/// number of clients from it. Checked when a client is built.
pub struct advanceai_config {
    builder: ClientConfigBuilder,
    retry: RetryPolicy,
}

impl advanceai_config {
    fn update(&mut self, f: impl FnOnce(ClientConfigBuilder) -> ClientConfigBuilder) {
        let builder = std::mem::take(&mut self.builder);
        self.builder = f(builder);
    }
}

/// Creates a configuration with the defaults (host `sg-api.advance.ai`, no credentials,
/// 5 s connect timeout, 30 s request timeout, proxy from the environment, 3 attempts).
/// Free it with `advanceai_config_free`.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_config_new(out: *mut *mut advanceai_config) -> advanceai_status {
    ffi_guard!({
        if out.is_null() {
            return S::ADVANCEAI_STATUS_NULL_PARAMETER;
        }
        write_out(
            out,
            advanceai_config {
                builder: ClientConfig::builder(),
                retry: RetryPolicy::default(),
            },
        )
    })
}

/// Frees a configuration; NULL is a no-op. Clients built from it stay valid.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_config_free(config: *mut advanceai_config) {
    ffi_guard!((); { free_box(config) })
}

/// Applies `f` to the configuration after the NULL check.
fn with_config(
    config: *mut advanceai_config,
    f: impl FnOnce(&mut advanceai_config) -> advanceai_status,
) -> advanceai_status {
    match handle_mut(config) {
        Some(config) => f(config),
        None => S::ADVANCEAI_STATUS_NULL_PARAMETER,
    }
}

/// Reads a string argument for a setter (no error object).
fn setter_str<'a>(value: *const c_char) -> Result<&'a str, advanceai_status> {
    // SAFETY: the C contract: NULL or a NUL-terminated string.
    unsafe { arg_str(value, "", ptr::null_mut()) }
}

/// Sends to this base URL (`https://...`; `http://` only for loopback hosts, checked when a
/// client is built).
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_config_set_base_url(
    config: *mut advanceai_config,
    base_url: *const c_char,
) -> advanceai_status {
    ffi_guard!({
        let url = match setter_str(base_url) {
            Ok(url) => url.to_owned(),
            Err(status) => return status,
        };
        with_config(config, |c| {
            c.update(|b| b.base_url(url));
            S::ADVANCEAI_STATUS_OK
        })
    })
}

/// Sends to a documented vendor host, by name (`"sg-api.advance.ai"`, `"api.advance.ai"`,
/// `"ph-api.advance.ai"`...). An unknown name is `ADVANCEAI_STATUS_CONFIG_ERROR`.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_config_set_host(
    config: *mut advanceai_config,
    host_name: *const c_char,
) -> advanceai_status {
    ffi_guard!({
        let name = match setter_str(host_name) {
            Ok(name) => name,
            Err(status) => return status,
        };
        let Some(host) = Host::ALL
            .iter()
            .copied()
            .find(|h| h.name().eq_ignore_ascii_case(name))
        else {
            return if config.is_null() {
                S::ADVANCEAI_STATUS_NULL_PARAMETER
            } else {
                S::ADVANCEAI_STATUS_CONFIG_ERROR
            };
        };
        with_config(config, |c| {
            c.update(|b| b.host(host));
            S::ADVANCEAI_STATUS_OK
        })
    })
}

/// The account's access key and secret key (copied; never shown in messages).
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_config_set_credentials(
    config: *mut advanceai_config,
    access_key: *const c_char,
    secret_key: *const c_char,
) -> advanceai_status {
    ffi_guard!({
        let (access, secret) = match (setter_str(access_key), setter_str(secret_key)) {
            (Ok(a), Ok(s)) => (a.to_owned(), s.to_owned()),
            (Err(status), _) | (_, Err(status)) => return status,
        };
        with_config(config, |c| {
            c.update(|b| b.credentials(access, secret));
            S::ADVANCEAI_STATUS_OK
        })
    })
}

/// The timeout of a whole request, in milliseconds (default 30000; 0 is refused when the
/// client is built).
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_config_set_timeout_ms(
    config: *mut advanceai_config,
    timeout_ms: u64,
) -> advanceai_status {
    ffi_guard!({
        with_config(config, |c| {
            c.update(|b| b.timeout(Duration::from_millis(timeout_ms)));
            S::ADVANCEAI_STATUS_OK
        })
    })
}

/// The connect timeout, in milliseconds (default 5000).
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_config_set_connect_timeout_ms(
    config: *mut advanceai_config,
    timeout_ms: u64,
) -> advanceai_status {
    ffi_guard!({
        with_config(config, |c| {
            c.update(|b| b.connect_timeout(Duration::from_millis(timeout_ms)));
            S::ADVANCEAI_STATUS_OK
        })
    })
}

/// Uses this proxy (`http://user:pass@host:port`, `socks5://...`); the text is never shown
/// in messages. Pass NULL to use no proxy at all, whatever the environment says. The
/// default is the environment's `HTTPS_PROXY`/`ALL_PROXY`/`NO_PROXY`.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_config_set_proxy(
    config: *mut advanceai_config,
    proxy_url: *const c_char,
) -> advanceai_status {
    ffi_guard!({
        let setting = if proxy_url.is_null() {
            ProxySetting::None
        } else {
            match setter_str(proxy_url) {
                Ok(url) => ProxySetting::Url(url.into()),
                Err(status) => return status,
            }
        };
        with_config(config, |c| {
            c.update(|b| b.proxy(setting));
            S::ADVANCEAI_STATUS_OK
        })
    })
}

/// Trusts the certificates of this PEM file in addition to the built-in roots. The file is
/// read now (`ADVANCEAI_STATUS_CONFIG_ERROR` if it cannot be read) and checked when a
/// client is built.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_config_set_ca_bundle_path(
    config: *mut advanceai_config,
    path: *const c_char,
) -> advanceai_status {
    ffi_guard!({
        let path = match setter_str(path) {
            Ok(path) => path,
            Err(status) => return status,
        };
        if config.is_null() {
            return S::ADVANCEAI_STATUS_NULL_PARAMETER;
        }
        let Ok(pem) = std::fs::read(path) else {
            return S::ADVANCEAI_STATUS_CONFIG_ERROR;
        };
        with_config(config, |c| {
            c.update(|b| b.extra_ca_pem(pem));
            S::ADVANCEAI_STATUS_OK
        })
    })
}

/// The most attempts per call, retries included (default 3; 0 is refused when the client
/// is built). Billable calls are only retried when the request provably never left.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_config_set_max_attempts(
    config: *mut advanceai_config,
    max_attempts: u32,
) -> advanceai_status {
    ffi_guard!({
        with_config(config, |c| {
            c.retry = c.retry.clone().with_max_attempts(max_attempts);
            S::ADVANCEAI_STATUS_OK
        })
    })
}

// ---------------------------------------------------------------------------------------
// Client

/// The client. Thread-safe: one client may be used from many threads at once (it shares
/// one connection pool and one token cache). Free it once, after every call has returned.
pub struct advanceai_client {
    inner: Client,
}

/// Builds a client from a configuration (which is copied: it may be freed afterwards).
/// On an invalid configuration returns `ADVANCEAI_STATUS_CONFIG_ERROR` with an error.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_client_new(
    config: *const advanceai_config,
    out: *mut *mut advanceai_client,
    err: *mut *mut advanceai_error,
) -> advanceai_status {
    ffi_guard!({
        let Some(config) = handle(config) else {
            return null_parameter(err, "config");
        };
        if out.is_null() {
            return null_parameter(err, "out");
        }
        match config.builder.clone().retry(config.retry.clone()).build() {
            Ok(built) => write_out(
                out,
                advanceai_client {
                    inner: Client::new(built),
                },
            ),
            Err(error) => fail(err, advanceai_error::from_transport(&Error::Config(error))),
        }
    })
}

/// Frees a client; NULL is a no-op.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_client_free(client: *mut advanceai_client) {
    ffi_guard!((); { free_box(client) })
}

// ---------------------------------------------------------------------------------------
// Results

/// An access token. Its string is owned by it and valid until `advanceai_token_free`.
pub struct advanceai_token {
    value: CString,
}

/// A database verification result. Strings are owned by it and valid until
/// `advanceai_verification_result_free`.
pub struct advanceai_verification_result {
    passed: bool,
    signature_id: Option<CString>,
    overall_result: Option<CString>,
    error_code: Option<CString>,
    category: Option<CString>,
    person: [Option<CString>; PERSON_FIELDS],
    json: CString,
}

/// A Get Result answer. Strings are owned by it and valid until
/// `advanceai_get_result_free`.
pub struct advanceai_get_result {
    passed: bool,
    is_final: bool,
    signature_id: Option<CString>,
    overall_result: Option<CString>,
    error_code: Option<CString>,
    category: Option<CString>,
    face_result: Option<CString>,
    liveness: Option<f64>,
    similarity: Option<f64>,
    person: [Option<CString>; PERSON_FIELDS],
    json: CString,
}

/// A Generate URL answer. Strings are owned by it and valid until
/// `advanceai_url_result_free`.
pub struct advanceai_url_result {
    signature_id: Option<CString>,
    url: Option<CString>,
    json: CString,
}

fn opt_c(value: Option<&str>) -> Option<CString> {
    value.map(c_string)
}

fn verdict(
    overall: Option<&OverallResult>,
    code: Option<&ErrorCode>,
    category: Option<ErrorCategory>,
) -> [Option<CString>; 3] {
    [
        opt_c(overall.map(OverallResult::as_str)),
        opt_c(code.map(ErrorCode::as_str)),
        opt_c(category.map(ErrorCategory::as_str)),
    ]
}

fn person_fields(person: Option<&PersonRecord>) -> [Option<CString>; PERSON_FIELDS] {
    let Some(p) = person else {
        return Default::default();
    };
    let pii = |v: &Option<Pii>| v.as_ref().map(|v| c_string(v.expose()));
    [
        pii(&p.first_name),
        pii(&p.middle_name),
        pii(&p.last_name),
        p.gender.as_ref().map(|g| c_string(g.as_str())),
        p.birthday.as_ref().map(|b| c_string(b.expose())),
        pii(&p.phone_number),
        pii(&p.bvn),
        pii(&p.number_value),
    ]
}

fn to_json<T: serde::Serialize>(value: &T) -> CString {
    c_string(&serde_json::to_string(value).unwrap_or_default())
}

impl From<VerificationData> for advanceai_verification_result {
    fn from(data: VerificationData) -> Self {
        let [overall_result, error_code, category] = verdict(
            data.overall_result.as_ref(),
            data.error_code.as_ref(),
            data.category(),
        );
        Self {
            passed: data.passed(),
            signature_id: opt_c(data.signature_id.as_deref()),
            overall_result,
            error_code,
            category,
            person: person_fields(data.doc_database_detail.as_ref()),
            json: to_json(&data),
        }
    }
}

impl From<GetResultData> for advanceai_get_result {
    fn from(data: GetResultData) -> Self {
        let [overall_result, error_code, category] = verdict(
            data.overall_result.as_ref().or(data.idv_result.as_ref()),
            data.error_code.as_ref(),
            data.category(),
        );
        let face = data.face_detail.as_ref();
        Self {
            passed: data.passed(),
            is_final: data.is_final(),
            signature_id: opt_c(data.signature_id.as_deref()),
            overall_result,
            error_code,
            category,
            face_result: opt_c(
                face.and_then(|f| f.face_result.as_ref())
                    .map(|r| r.as_str()),
            ),
            liveness: face.and_then(|f| f.face_liveness_score).map(|s| s.value()),
            similarity: face
                .and_then(|f| f.face_similarity_score)
                .map(|s| s.value()),
            person: person_fields(data.doc_database_detail.as_ref()),
            json: to_json(&data),
        }
    }
}

impl From<GenerateUrlData> for advanceai_url_result {
    fn from(data: GenerateUrlData) -> Self {
        Self {
            signature_id: opt_c(data.signature_id.as_deref()),
            url: opt_c(data.url.as_deref()),
            json: to_json(&data),
        }
    }
}

/// Frees a token; NULL is a no-op.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_token_free(token: *mut advanceai_token) {
    ffi_guard!((); { free_box(token) })
}

/// The token's text (send it as the `X-ACCESS-TOKEN` header). Owned by the token.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_token_value(token: *const advanceai_token) -> *const c_char {
    ffi_guard!(ptr::null(); { handle(token).map_or(ptr::null(), |t| t.value.as_ptr()) })
}

/// Frees a verification result; NULL is a no-op.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_verification_result_free(result: *mut advanceai_verification_result) {
    ffi_guard!((); { free_box(result) })
}

/// Whether the ID passed: `overallResult` is `PASS` and `errorCode` is a pass.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_verification_result_passed(
    result: *const advanceai_verification_result,
) -> bool {
    ffi_guard!(false; { handle(result).is_some_and(|r| r.passed) })
}

/// `signatureId`, or NULL when absent. Owned by the result.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_verification_result_signature_id(
    result: *const advanceai_verification_result,
) -> *const c_char {
    ffi_guard!(ptr::null(); { handle(result).map_or(ptr::null(), |r| opt_ptr(&r.signature_id)) })
}

/// `overallResult` (`"PASS"`, `"FAIL"`, `"INCOMPLETE"` or a newer value), or NULL when
/// absent. Owned by the result.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_verification_result_overall_result(
    result: *const advanceai_verification_result,
) -> *const c_char {
    ffi_guard!(ptr::null(); { handle(result).map_or(ptr::null(), |r| opt_ptr(&r.overall_result)) })
}

/// `errorCode`, normalized (a pass is `"SUCCESS"`), or NULL when absent. Owned by the
/// result.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_verification_result_error_code(
    result: *const advanceai_verification_result,
) -> *const c_char {
    ffi_guard!(ptr::null(); { handle(result).map_or(ptr::null(), |r| opt_ptr(&r.error_code)) })
}

/// What to do about the outcome: `"passed"`, `"user_can_retry"`, `"needs_review"` or
/// `"retry_later"`; NULL when the server sent no `errorCode`. Owned by the result.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_verification_result_category(
    result: *const advanceai_verification_result,
) -> *const c_char {
    ffi_guard!(ptr::null(); { handle(result).map_or(ptr::null(), |r| opt_ptr(&r.category)) })
}

/// A person field (an `advanceai_person_field` value), exactly as the server sent it
/// (masked by the server), or NULL when absent or for an unknown field. Owned by the
/// result.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_verification_result_person_field(
    result: *const advanceai_verification_result,
    field: u32,
) -> *const c_char {
    ffi_guard!(ptr::null(); {
        handle(result)
            .and_then(|r| r.person.get(field as usize))
            .map_or(ptr::null(), opt_ptr)
    })
}

/// The full normalized JSON of the result's `data` (person fields included). Owned by the
/// result.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_verification_result_to_json(
    result: *const advanceai_verification_result,
) -> *const c_char {
    ffi_guard!(ptr::null(); { handle(result).map_or(ptr::null(), |r| r.json.as_ptr()) })
}

/// Frees a Get Result answer; NULL is a no-op.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_get_result_free(result: *mut advanceai_get_result) {
    ffi_guard!((); { free_box(result) })
}

/// Whether the result is final (`errorCode` is set); a pending one should be polled again.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_get_result_is_final(result: *const advanceai_get_result) -> bool {
    ffi_guard!(false; { handle(result).is_some_and(|r| r.is_final) })
}

/// Whether the result is final and a pass.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_get_result_passed(result: *const advanceai_get_result) -> bool {
    ffi_guard!(false; { handle(result).is_some_and(|r| r.passed) })
}

/// `signatureId`, or NULL when absent. Owned by the result.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_get_result_signature_id(
    result: *const advanceai_get_result,
) -> *const c_char {
    ffi_guard!(ptr::null(); { handle(result).map_or(ptr::null(), |r| opt_ptr(&r.signature_id)) })
}

/// `overallResult` (or `idvResult` when only that was sent), or NULL. Owned by the result.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_get_result_overall_result(
    result: *const advanceai_get_result,
) -> *const c_char {
    ffi_guard!(ptr::null(); { handle(result).map_or(ptr::null(), |r| opt_ptr(&r.overall_result)) })
}

/// `errorCode`, or NULL while pending. Owned by the result.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_get_result_error_code(
    result: *const advanceai_get_result,
) -> *const c_char {
    ffi_guard!(ptr::null(); { handle(result).map_or(ptr::null(), |r| opt_ptr(&r.error_code)) })
}

/// What to do about the outcome (`"passed"`, `"user_can_retry"`, `"needs_review"`,
/// `"retry_later"`), or NULL while pending. Owned by the result.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_get_result_category(
    result: *const advanceai_get_result,
) -> *const c_char {
    ffi_guard!(ptr::null(); { handle(result).map_or(ptr::null(), |r| opt_ptr(&r.category)) })
}

/// `faceDetail.faceResult`, or NULL. Owned by the result.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_get_result_face_result(
    result: *const advanceai_get_result,
) -> *const c_char {
    ffi_guard!(ptr::null(); { handle(result).map_or(ptr::null(), |r| opt_ptr(&r.face_result)) })
}

fn score(value: Option<f64>, out: *mut f64) -> bool {
    match (value, out.is_null()) {
        (Some(v), false) => {
            // SAFETY: checked non-NULL.
            unsafe { *out = v };
            true
        }
        (Some(_), true) => true,
        (None, _) => false,
    }
}

/// `faceDetail.faceLivenessScore`: returns whether it is present, and then writes it to
/// `out` (when not NULL).
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_get_result_face_liveness_score(
    result: *const advanceai_get_result,
    out: *mut f64,
) -> bool {
    ffi_guard!(false; { handle(result).is_some_and(|r| score(r.liveness, out)) })
}

/// `faceDetail.faceSimilarityScore`: returns whether it is present, and then writes it to
/// `out` (when not NULL).
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_get_result_face_similarity_score(
    result: *const advanceai_get_result,
    out: *mut f64,
) -> bool {
    ffi_guard!(false; { handle(result).is_some_and(|r| score(r.similarity, out)) })
}

/// A person field (an `advanceai_person_field` value) as the server sent it (masked), or
/// NULL. Owned by the result.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_get_result_person_field(
    result: *const advanceai_get_result,
    field: u32,
) -> *const c_char {
    ffi_guard!(ptr::null(); {
        handle(result)
            .and_then(|r| r.person.get(field as usize))
            .map_or(ptr::null(), opt_ptr)
    })
}

/// The full normalized JSON of the result's `data`. Owned by the result.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_get_result_to_json(
    result: *const advanceai_get_result,
) -> *const c_char {
    ffi_guard!(ptr::null(); { handle(result).map_or(ptr::null(), |r| r.json.as_ptr()) })
}

/// Frees a Generate URL answer; NULL is a no-op.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_url_result_free(result: *mut advanceai_url_result) {
    ffi_guard!((); { free_box(result) })
}

/// `signatureId` (keep it for Get Result), or NULL. Owned by the result.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_url_result_signature_id(
    result: *const advanceai_url_result,
) -> *const c_char {
    ffi_guard!(ptr::null(); { handle(result).map_or(ptr::null(), |r| opt_ptr(&r.signature_id)) })
}

/// The page to send the user to, or NULL. Owned by the result.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_url_result_url(result: *const advanceai_url_result) -> *const c_char {
    ffi_guard!(ptr::null(); { handle(result).map_or(ptr::null(), |r| opt_ptr(&r.url)) })
}

/// The full normalized JSON of the answer's `data`. Owned by the result.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_url_result_to_json(
    result: *const advanceai_url_result,
) -> *const c_char {
    ffi_guard!(ptr::null(); { handle(result).map_or(ptr::null(), |r| r.json.as_ptr()) })
}

// ---------------------------------------------------------------------------------------
// Calls

/// Writes `result` (converted) to `out`, or the error to `err`.
fn finish<T, R: From<T>>(
    result: Result<T, Error>,
    out: *mut *mut R,
    err: *mut *mut advanceai_error,
) -> advanceai_status {
    match result {
        Ok(value) => write_out(out, R::from(value)),
        Err(error) => fail(err, advanceai_error::from_transport(&error)),
    }
}

/// Reads the five fields of a verification request.
fn verification_request(
    fields: [(*const c_char, &str); 5],
    err: *mut *mut advanceai_error,
) -> Result<IdNumberVerificationRequest, advanceai_status> {
    let mut text = [""; 5];
    for (slot, (value, name)) in text.iter_mut().zip(fields) {
        // SAFETY: the C contract: NULL or a NUL-terminated string.
        *slot = unsafe { arg_str(value, name, err) }?;
    }
    let [biz_id, user_id, region, number_type, number_value] = text;
    Ok(IdNumberVerificationRequest::new(
        biz_id,
        user_id,
        region,
        number_type,
        number_value,
    ))
}

/// The current access token (fetched or refreshed if needed). On success writes a token to
/// `out`; free it with `advanceai_token_free`.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_client_token(
    client: *const advanceai_client,
    out: *mut *mut advanceai_token,
    err: *mut *mut advanceai_error,
) -> advanceai_status {
    ffi_guard!({
        let Some(client) = handle(client) else {
            return null_parameter(err, "client");
        };
        if out.is_null() {
            return null_parameter(err, "out");
        }
        match client.inner.token() {
            Ok(token) => write_out(
                out,
                advanceai_token {
                    value: c_string(token.expose()),
                },
            ),
            Err(error) => fail(err, advanceai_error::from_transport(&error)),
        }
    })
}

/// Checks a database verification request exactly as the server would, without sending
/// it. Returns OK, or `ADVANCEAI_STATUS_INVALID_INPUT` with an error carrying the server's
/// code and message. Needs no client.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_validate_verification_request(
    biz_id: *const c_char,
    user_id: *const c_char,
    region: *const c_char,
    number_type: *const c_char,
    number_value: *const c_char,
    err: *mut *mut advanceai_error,
) -> advanceai_status {
    ffi_guard!({
        let request = match verification_request(
            [
                (biz_id, "biz_id"),
                (user_id, "user_id"),
                (region, "region"),
                (number_type, "number_type"),
                (number_value, "number_value"),
            ],
            err,
        ) {
            Ok(request) => request,
            Err(status) => return status,
        };
        match request.validate() {
            Ok(()) => S::ADVANCEAI_STATUS_OK,
            Err(problem) => fail(
                err,
                advanceai_error::from_transport(&Error::InvalidInput(problem)),
            ),
        }
    })
}

/// Database ID-number verification (billable). On success writes a result to `out`; free
/// it with `advanceai_verification_result_free`.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_client_verify_id_number(
    client: *const advanceai_client,
    biz_id: *const c_char,
    user_id: *const c_char,
    region: *const c_char,
    number_type: *const c_char,
    number_value: *const c_char,
    out: *mut *mut advanceai_verification_result,
    err: *mut *mut advanceai_error,
) -> advanceai_status {
    ffi_guard!({
        let Some(client) = handle(client) else {
            return null_parameter(err, "client");
        };
        if out.is_null() {
            return null_parameter(err, "out");
        }
        let request = match verification_request(
            [
                (biz_id, "biz_id"),
                (user_id, "user_id"),
                (region, "region"),
                (number_type, "number_type"),
                (number_value, "number_value"),
            ],
            err,
        ) {
            Ok(request) => request,
            Err(status) => return status,
        };
        finish(client.inner.verify_id_number(&request), out, err)
    })
}

/// H5 Generate URL (billable). On success writes a result to `out`; free it with
/// `advanceai_url_result_free`.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_client_generate_url(
    client: *const advanceai_client,
    biz_id: *const c_char,
    user_id: *const c_char,
    region: *const c_char,
    return_url: *const c_char,
    fail_return_url: *const c_char,
    out: *mut *mut advanceai_url_result,
    err: *mut *mut advanceai_error,
) -> advanceai_status {
    ffi_guard!({
        let Some(client) = handle(client) else {
            return null_parameter(err, "client");
        };
        if out.is_null() {
            return null_parameter(err, "out");
        }
        let mut text = [""; 5];
        let fields = [
            (biz_id, "biz_id"),
            (user_id, "user_id"),
            (region, "region"),
            (return_url, "return_url"),
            (fail_return_url, "fail_return_url"),
        ];
        for (slot, (value, name)) in text.iter_mut().zip(fields) {
            // SAFETY: the C contract: NULL or a NUL-terminated string.
            match unsafe { arg_str(value, name, err) } {
                Ok(value) => *slot = value,
                Err(status) => return status,
            }
        }
        let [biz_id, user_id, region, return_url, fail_return_url] = text;
        let request = GenerateUrlRequest::new(biz_id, user_id, region, return_url, fail_return_url);
        finish(client.inner.generate_url(&request), out, err)
    })
}

/// H5 Get Result (idempotent). A pending result is a success: check
/// `advanceai_get_result_is_final`. Free the result with `advanceai_get_result_free`.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_client_get_result(
    client: *const advanceai_client,
    signature_id: *const c_char,
    out: *mut *mut advanceai_get_result,
    err: *mut *mut advanceai_error,
) -> advanceai_status {
    ffi_guard!({
        let Some(client) = handle(client) else {
            return null_parameter(err, "client");
        };
        if out.is_null() {
            return null_parameter(err, "out");
        }
        // SAFETY: the C contract: NULL or a NUL-terminated string.
        let signature_id = match unsafe { arg_str(signature_id, "signature_id", err) } {
            Ok(value) => value,
            Err(status) => return status,
        };
        let request = GetResultRequest::new(signature_id);
        finish(client.inner.get_result(&request), out, err)
    })
}

/// Polls Get Result until the result is final, for at most `timeout_ms` milliseconds
/// (pauses from 1 s to 10 s); `ADVANCEAI_STATUS_RESULT_PENDING` after that.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_client_wait_for_result(
    client: *const advanceai_client,
    signature_id: *const c_char,
    timeout_ms: u64,
    out: *mut *mut advanceai_get_result,
    err: *mut *mut advanceai_error,
) -> advanceai_status {
    ffi_guard!({
        let Some(client) = handle(client) else {
            return null_parameter(err, "client");
        };
        if out.is_null() {
            return null_parameter(err, "out");
        }
        // SAFETY: the C contract: NULL or a NUL-terminated string.
        let signature_id = match unsafe { arg_str(signature_id, "signature_id", err) } {
            Ok(value) => value,
            Err(status) => return status,
        };
        let options = WaitOptions::new(Duration::from_millis(timeout_ms));
        finish(
            client.inner.wait_for_result(signature_id, options),
            out,
            err,
        )
    })
}

/// Borrows `len` bytes at `bytes` (NULL allowed when `len` is 0).
fn arg_bytes<'a>(
    bytes: *const u8,
    len: usize,
    err: *mut *mut advanceai_error,
) -> Result<&'a [u8], advanceai_status> {
    if len == 0 {
        return Ok(&[]);
    }
    if bytes.is_null() {
        return Err(null_parameter(err, "bytes"));
    }
    // SAFETY: non-NULL, and the caller gives `len` readable bytes.
    Ok(unsafe { std::slice::from_raw_parts(bytes, len) })
}

/// Parses a Get Result response body (for callers with their own HTTP stack). A
/// non-`SUCCESS` envelope is `ADVANCEAI_STATUS_API_ERROR` with the server's code and
/// message. Free the result with `advanceai_get_result_free`. Needs no client.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_parse_get_result(
    bytes: *const u8,
    len: usize,
    out: *mut *mut advanceai_get_result,
    err: *mut *mut advanceai_error,
) -> advanceai_status {
    ffi_guard!({
        if out.is_null() {
            return null_parameter(err, "out");
        }
        let body = match arg_bytes(bytes, len, err) {
            Ok(body) => body,
            Err(status) => return status,
        };
        match parse_get_result_response(body) {
            Ok(envelope) => match envelope.into_data() {
                Ok(data) => write_out(out, advanceai_get_result::from(data)),
                Err(error) => fail(err, advanceai_error::from_envelope(error)),
            },
            Err(error) => fail(err, advanceai_error::from_parse(&error)),
        }
    })
}

/// Parses a database verification response body (for callers with their own HTTP stack).
/// Free the result with `advanceai_verification_result_free`. Needs no client.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_parse_verification(
    bytes: *const u8,
    len: usize,
    out: *mut *mut advanceai_verification_result,
    err: *mut *mut advanceai_error,
) -> advanceai_status {
    ffi_guard!({
        if out.is_null() {
            return null_parameter(err, "out");
        }
        let body = match arg_bytes(bytes, len, err) {
            Ok(body) => body,
            Err(status) => return status,
        };
        match parse_verification_response(body) {
            Ok(envelope) => match envelope.into_data() {
                Ok(data) => write_out(out, advanceai_verification_result::from(data)),
                Err(error) => fail(err, advanceai_error::from_envelope(error)),
            },
            Err(error) => fail(err, advanceai_error::from_parse(&error)),
        }
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn version_is_the_crate_version() {
        // SAFETY: a static NUL-terminated string.
        let version = unsafe { CStr::from_ptr(advanceai_version()) };
        assert_eq!(version.to_str().unwrap(), env!("CARGO_PKG_VERSION"));
        let manifest = include_str!("../../../Cargo.toml");
        assert!(manifest.contains(&format!("version = \"{}\"", env!("CARGO_PKG_VERSION"))));
    }

    #[test]
    fn a_panic_becomes_a_status() {
        #[allow(clippy::panic)]
        fn body() -> advanceai_status {
            ffi_guard!({ panic!("boom") })
        }
        assert_eq!(body(), S::ADVANCEAI_STATUS_PANIC);
        let null: *const c_char = ffi_guard!(ptr::null(); { panic!("boom") });
        assert!(null.is_null());
    }

    #[test]
    fn parse_verification_from_bytes() {
        let body = br#"{"code":"SUCCESS","message":"OK","transactionId":"t1","data":{
            "signatureId":"s1","overallResult":"PASS","errorCode":"",
            "docDatabaseDetail":{"firstName":"T****E"}}}"#;
        let mut out = ptr::null_mut();
        let status =
            advanceai_parse_verification(body.as_ptr(), body.len(), &mut out, ptr::null_mut());
        assert_eq!(status, S::ADVANCEAI_STATUS_OK);
        assert!(advanceai_verification_result_passed(out));
        let name = advanceai_verification_result_person_field(out, 0);
        // SAFETY: owned by `out`, alive.
        assert_eq!(unsafe { CStr::from_ptr(name) }.to_str().unwrap(), "T****E");
        advanceai_verification_result_free(out);
    }
}
