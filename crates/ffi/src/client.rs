//! The client and its calls. Each call runs one core operation through the transport, and
//! a failure is judged by the verdict for that operation's idempotency.

use std::borrow::Cow;
use std::ffi::c_char;
use std::time::Duration;

use advanceai_core::{
    ClearDataRequest, GetResultRequest, HealthRequest, Idempotency, Operation, TokenRequest,
};
use advanceai_transport::{Client, Error, WaitOptions};

use crate::config::advanceai_config;
use crate::error::{advanceai_error, fail};
use crate::ffi::{BoxCastable, free_box, try_ref};
use crate::get_result::advanceai_get_result;
use crate::get_result_request::advanceai_get_result_request;
use crate::health::advanceai_health_result;
use crate::marshal::{arg_str, check_out, null_parameter, write_out};
use crate::status::advanceai_status;
use crate::token::advanceai_token;
use crate::url_request::advanceai_url_request;
use crate::url_result::advanceai_url_result;
use crate::verification_request::verification_request;
use crate::verification_result::advanceai_verification_result;

/// The client. Thread-safe: one client may be used from many threads at once (it shares
/// one connection pool and one token cache). Free it once, after every call has returned.
pub struct advanceai_client {
    inner: Client,
}

impl BoxCastable for advanceai_client {}

/// Builds a client from a configuration (which is copied: it may be freed afterwards).
/// On an invalid configuration returns `ADVANCEAI_STATUS_CONFIG_ERROR` with an error that
/// says what is wrong. Free the client with `advanceai_client_free`.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_client_new(
    config: *const advanceai_config,
    out: *mut *mut advanceai_client,
    err: *mut *mut advanceai_error,
) -> advanceai_status {
    ffi_panic_boundary! {
        let config = try_ref_from_ptr!(config, err);
        try_arg!(check_out(out, err));
        match config.builder().build() {
            Ok(built) => write_out(out, advanceai_client { inner: Client::new(built) }),
            // No call ran; a configuration error reads the same for either kind of call, and
            // the billable reading is the stricter one.
            Err(error) => fail(
                err,
                advanceai_error::from_transport(&Error::Config(error), Idempotency::Billable),
            ),
        }
    }
}

/// Frees a client; NULL is a no-op.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_client_free(client: *mut advanceai_client) {
    ffi_panic_boundary! { free_box(client) }
}

/// The shape of every call of the operation `O`: check the client and the output slot,
/// read the arguments and make the call (`send`), then hand back its result, or its error
/// judged as a failure of `O`.
fn call<O, T, R>(
    client: *const advanceai_client,
    out: *mut *mut R,
    err: *mut *mut advanceai_error,
    send: impl FnOnce(&Client) -> Result<Result<T, Error>, advanceai_status>,
) -> advanceai_status
where
    O: Operation,
    R: From<T> + BoxCastable,
{
    let client = try_ref_from_ptr!(client, err);
    try_arg!(check_out(out, err));
    match try_arg!(send(&client.inner)) {
        Ok(value) => write_out(out, R::from(value)),
        Err(error) => fail(err, advanceai_error::of::<O>(&error)),
    }
}

/// The current access token (fetched, or refreshed when it is about to expire). On success
/// writes a token to `out`; free it with `advanceai_token_free`. The other calls fetch the
/// token themselves: this is only for callers who send some requests on their own.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_client_token(
    client: *const advanceai_client,
    out: *mut *mut advanceai_token,
    err: *mut *mut advanceai_error,
) -> advanceai_status {
    ffi_panic_boundary! { call::<TokenRequest, _, _>(client, out, err, |c| Ok(c.token())) }
}

/// Database ID-number verification (billable). The request is checked first as the server
/// would (`ADVANCEAI_STATUS_INVALID_INPUT`, nothing sent). On success writes a result to
/// `out`; free it with `advanceai_verification_result_free`. A failed call is never resent
/// once it may have reached the server, and is then not "retryable": see
/// `advanceai_error_may_have_been_processed`.
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
    ffi_panic_boundary! {
        call::<advanceai_core::IdNumberVerificationRequest, _, _>(client, out, err, |c| {
            let request =
                verification_request(biz_id, user_id, region, number_type, number_value, err)?;
            Ok(c.execute(&request))
        })
    }
}

/// H5 Generate URL (billable) for a request built with `advanceai_url_request_new` (which
/// the call does not take over: free it yourself). On success writes a result to `out`;
/// free it with `advanceai_url_result_free`.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_client_generate_url(
    client: *const advanceai_client,
    request: *const advanceai_url_request,
    out: *mut *mut advanceai_url_result,
    err: *mut *mut advanceai_error,
) -> advanceai_status {
    ffi_panic_boundary! {
        call::<advanceai_core::GenerateUrlRequest, _, _>(client, out, err, |c| {
            let request = try_ref(request).ok_or_else(|| null_parameter(err, "request"))?;
            Ok(c.execute(&request.inner))
        })
    }
}

/// Non-Doc Health Status of `number_type` (`NG_BVN`: the Health vocabulary, not `BVN`;
/// idempotent: retried on transient failures). An empty type is refused locally
/// (`ADVANCEAI_STATUS_INVALID_INPUT`). On success writes a result to `out`; free it with
/// `advanceai_health_result_free`; `advanceai_health_result_can_start` says whether to
/// start a verification now.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_client_health(
    client: *const advanceai_client,
    number_type: *const c_char,
    out: *mut *mut advanceai_health_result,
    err: *mut *mut advanceai_error,
) -> advanceai_status {
    ffi_panic_boundary! {
        call::<HealthRequest, _, _>(client, out, err, |c| {
            Ok(c.health(arg_str(number_type, "number_type", err)?))
        })
    }
}

/// Clear Data: deletes the personal data of the finished transaction `signature_id` at the
/// vendor, once its result is no longer needed (idempotent: retried on transient failures).
/// An empty id is refused locally with the server's message `SignatureId is empty`. A
/// pending transaction gets `ADVANCEAI_STATUS_API_ERROR` with code `PARAMETER_ERROR`
/// (`Transaction is not finished`); `REQUEST_IN_PROCESSING` (a clear already being
/// processed) is retryable, never a failed deletion.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_client_clear_data(
    client: *const advanceai_client,
    signature_id: *const c_char,
    err: *mut *mut advanceai_error,
) -> advanceai_status {
    ffi_panic_boundary! {
        let client = try_ref_from_ptr!(client, err);
        let signature_id = try_arg!(arg_str(signature_id, "signature_id", err));
        match client.inner.clear_data(signature_id) {
            Ok(()) => advanceai_status::ADVANCEAI_STATUS_OK,
            Err(error) => fail(err, advanceai_error::of::<ClearDataRequest>(&error)),
        }
    }
}

/// Reads a Get Result request from the C arguments; called only after the client and the
/// output slot are checked.
trait ReadRequest<'a>: FnOnce() -> Result<Cow<'a, GetResultRequest>, advanceai_status> {}

impl<'a, F: FnOnce() -> Result<Cow<'a, GetResultRequest>, advanceai_status>> ReadRequest<'a> for F {}

/// A request with no options, for the transaction `signature_id`.
fn by_signature_id<'a>(
    signature_id: *const c_char,
    err: *mut *mut advanceai_error,
) -> impl ReadRequest<'a> {
    move || {
        let signature_id = arg_str(signature_id, "signature_id", err)?;
        Ok(Cow::Owned(GetResultRequest::new(signature_id)))
    }
}

/// A request object, borrowed for the call.
fn by_request<'a>(
    request: *const advanceai_get_result_request,
    err: *mut *mut advanceai_error,
) -> impl ReadRequest<'a> {
    move || match try_ref(request) {
        Some(request) => Ok(Cow::Borrowed(&request.inner)),
        None => Err(null_parameter(err, "request")),
    }
}

/// One Get Result call (idempotent: retried on transient failures).
fn get_result<'a>(
    client: *const advanceai_client,
    request: impl ReadRequest<'a>,
    out: *mut *mut advanceai_get_result,
    err: *mut *mut advanceai_error,
) -> advanceai_status {
    call::<GetResultRequest, _, _>(client, out, err, |c| Ok(c.get_result(&*request()?)))
}

/// The wait's options from milliseconds, 0 meaning the default interval.
fn wait_options(timeout_ms: u64, initial_interval_ms: u64, max_interval_ms: u64) -> WaitOptions {
    let defaults = WaitOptions::new(Duration::from_millis(timeout_ms));
    let pick = |ms: u64, default: Duration| match ms {
        0 => default,
        ms => Duration::from_millis(ms),
    };
    let initial = pick(initial_interval_ms, defaults.initial_interval);
    let max = pick(max_interval_ms, defaults.max_interval).max(initial);
    defaults.clone().with_intervals(initial, max)
}

/// Polls Get Result until the result is final or the wait's deadline.
fn wait<'a>(
    client: *const advanceai_client,
    request: impl ReadRequest<'a>,
    options: WaitOptions,
    out: *mut *mut advanceai_get_result,
    err: *mut *mut advanceai_error,
) -> advanceai_status {
    call::<GetResultRequest, _, _>(client, out, err, |c| Ok(c.wait_for(&*request()?, options)))
}

/// H5 Get Result (idempotent, retried on transient failures). A pending result is a
/// success: check `advanceai_get_result_is_final`. Free the result with
/// `advanceai_get_result_free`. The same as `advanceai_client_get_result_with` for a
/// request with no options.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_client_get_result(
    client: *const advanceai_client,
    signature_id: *const c_char,
    out: *mut *mut advanceai_get_result,
    err: *mut *mut advanceai_error,
) -> advanceai_status {
    ffi_panic_boundary! { get_result(client, by_signature_id(signature_id, err), out, err) }
}

/// H5 Get Result for a request built with `advanceai_get_result_request_new` (with its
/// options, such as `returnImageType`; the call does not take it over: free it yourself).
/// Otherwise as `advanceai_client_get_result`.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_client_get_result_with(
    client: *const advanceai_client,
    request: *const advanceai_get_result_request,
    out: *mut *mut advanceai_get_result,
    err: *mut *mut advanceai_error,
) -> advanceai_status {
    ffi_panic_boundary! { get_result(client, by_request(request, err), out, err) }
}

/// Polls Get Result until the result is final, for at most `timeout_ms` milliseconds;
/// `ADVANCEAI_STATUS_RESULT_PENDING` after that. The pause after the first pending answer
/// is `initial_interval_ms` and doubles up to `max_interval_ms` (0 for either: the
/// defaults, 1000 and 10000). Blocks the calling thread; the client stays usable from
/// other threads meanwhile. The same as `advanceai_client_wait_for_result_with` for a
/// request with no options.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_client_wait_for_result(
    client: *const advanceai_client,
    signature_id: *const c_char,
    timeout_ms: u64,
    initial_interval_ms: u64,
    max_interval_ms: u64,
    out: *mut *mut advanceai_get_result,
    err: *mut *mut advanceai_error,
) -> advanceai_status {
    ffi_panic_boundary! {
        let options = wait_options(timeout_ms, initial_interval_ms, max_interval_ms);
        wait(client, by_signature_id(signature_id, err), options, out, err)
    }
}

/// `advanceai_client_wait_for_result` for a request built with
/// `advanceai_get_result_request_new`: every poll sends it, options included (the call does
/// not take it over: free it yourself).
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_client_wait_for_result_with(
    client: *const advanceai_client,
    request: *const advanceai_get_result_request,
    timeout_ms: u64,
    initial_interval_ms: u64,
    max_interval_ms: u64,
    out: *mut *mut advanceai_get_result,
    err: *mut *mut advanceai_error,
) -> advanceai_status {
    ffi_panic_boundary! {
        let options = wait_options(timeout_ms, initial_interval_ms, max_interval_ms);
        wait(client, by_request(request, err), options, out, err)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_intervals_are_the_defaults_and_max_is_at_least_initial() {
        let defaults = WaitOptions::new(Duration::from_millis(500));
        let options = wait_options(500, 0, 0);
        assert_eq!(options, defaults);
        let options = wait_options(500, 300, 100);
        assert_eq!(options.timeout, Duration::from_millis(500));
        assert_eq!(options.initial_interval, Duration::from_millis(300));
        assert_eq!(options.max_interval, Duration::from_millis(300));
        let options = wait_options(500, 20, 0);
        assert_eq!(options.max_interval, defaults.max_interval);
    }
}
