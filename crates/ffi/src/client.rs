//! The client and its calls.

use std::ffi::c_char;
use std::time::Duration;

use advanceai_core::GetResultRequest;
use advanceai_transport::{Client, Error, WaitOptions};

use crate::config::advanceai_config;
use crate::error::{advanceai_error, fail};
use crate::marshal::{arg_str, check_out, free_box, handle, null_parameter, write_out};
use crate::request::{advanceai_url_request, verification_request};
use crate::results::{
    advanceai_get_result, advanceai_token, advanceai_url_result, advanceai_verification_result,
};
use crate::status::advanceai_status;

/// The client. Thread-safe: one client may be used from many threads at once (it shares
/// one connection pool and one token cache). Free it once, after every call has returned.
pub struct advanceai_client {
    inner: Client,
}

/// Builds a client from a configuration (which is copied: it may be freed afterwards).
/// On an invalid configuration returns `ADVANCEAI_STATUS_CONFIG_ERROR` with an error that
/// says what is wrong. Free the client with `advanceai_client_free`.
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
        if let Err(status) = check_out(out, err) {
            return status;
        }
        match config.builder().build() {
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

/// The shape of every call: check the client and the output slot, read the arguments,
/// make the call, and hand back its result or its error.
fn call<T, R: From<T>>(
    client: *const advanceai_client,
    out: *mut *mut R,
    err: *mut *mut advanceai_error,
    send: impl FnOnce(&Client) -> Result<Result<T, Error>, advanceai_status>,
) -> advanceai_status {
    let Some(client) = handle(client) else {
        return null_parameter(err, "client");
    };
    if let Err(status) = check_out(out, err) {
        return status;
    }
    match send(&client.inner) {
        Ok(Ok(value)) => write_out(out, R::from(value)),
        Ok(Err(error)) => fail(err, advanceai_error::from_transport(&error)),
        Err(status) => status,
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
    ffi_guard!({ call(client, out, err, |c| Ok(c.token())) })
}

/// Database ID-number verification (billable). The request is checked first as the server
/// would (`ADVANCEAI_STATUS_INVALID_INPUT`, nothing sent). On success writes a result to
/// `out`; free it with `advanceai_verification_result_free`. A failed call is never resent
/// once it may have reached the server: see `advanceai_error_may_have_been_processed`.
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
        call(client, out, err, |c| {
            let request =
                verification_request(biz_id, user_id, region, number_type, number_value, err)?;
            Ok(c.verify_id_number(&request))
        })
    })
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
    ffi_guard!({
        call(client, out, err, |c| match handle(request) {
            Some(request) => Ok(c.generate_url(&request.inner)),
            None => Err(null_parameter(err, "request")),
        })
    })
}

/// H5 Get Result (idempotent, retried on transient failures). A pending result is a
/// success: check `advanceai_get_result_is_final`. Free the result with
/// `advanceai_get_result_free`.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_client_get_result(
    client: *const advanceai_client,
    signature_id: *const c_char,
    out: *mut *mut advanceai_get_result,
    err: *mut *mut advanceai_error,
) -> advanceai_status {
    ffi_guard!({
        call(client, out, err, |c| {
            let signature_id = arg_str(signature_id, "signature_id", err)?;
            Ok(c.get_result(&GetResultRequest::new(signature_id)))
        })
    })
}

/// Polls Get Result until the result is final, for at most `timeout_ms` milliseconds;
/// `ADVANCEAI_STATUS_RESULT_PENDING` after that. The pause after the first pending answer
/// is `initial_interval_ms` and doubles up to `max_interval_ms` (0 for either: the
/// defaults, 1000 and 10000). Blocks the calling thread; the client stays usable from
/// other threads meanwhile.
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
    ffi_guard!({
        call(client, out, err, |c| {
            let signature_id = arg_str(signature_id, "signature_id", err)?;
            let defaults = WaitOptions::new(Duration::from_millis(timeout_ms));
            let pick = |ms: u64, default: Duration| match ms {
                0 => default,
                ms => Duration::from_millis(ms),
            };
            let initial = pick(initial_interval_ms, defaults.initial_interval);
            let max = pick(max_interval_ms, defaults.max_interval).max(initial);
            let options = defaults.clone().with_intervals(initial, max);
            Ok(c.wait_for_result(signature_id, options))
        })
    })
}
