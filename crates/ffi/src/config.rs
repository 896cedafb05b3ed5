//! The configuration builder: mirrors `advanceai_transport::ClientConfigBuilder`.
//!
//! Setters only store values and return a status (NULL or non-UTF-8 arguments); every
//! value is checked together by `advanceai_client_new`, which explains a refusal in a full
//! error object.

use std::ffi::c_char;
use std::time::Duration;

use advanceai_core::Host;
use advanceai_transport::{ClientConfig, ClientConfigBuilder, ProxySetting, RetryPolicy};

use crate::ffi::{BoxCastable, free_box};
use crate::marshal::{arg_str, write_out};
use crate::status::advanceai_status;

use advanceai_status as S;

/// A configuration builder. Not thread-safe: set it up from one thread, then build any
/// number of clients from it (each client copies it).
pub struct advanceai_config {
    builder: ClientConfigBuilder,
    retry: RetryPolicy,
}

impl BoxCastable for advanceai_config {}

impl advanceai_config {
    /// The transport configuration builder with the retry policy applied.
    pub(crate) fn builder(&self) -> ClientConfigBuilder {
        self.builder.clone().retry(self.retry.clone())
    }
}

/// Applies `change` to the configuration (NULL: `ADVANCEAI_STATUS_NULL_PARAMETER`).
fn update(
    config: *mut advanceai_config,
    change: impl FnOnce(&mut advanceai_config),
) -> advanceai_status {
    change(try_mut_from_ptr!(config));
    S::ADVANCEAI_STATUS_OK
}

/// Applies `change` to the transport builder.
fn update_builder(
    config: *mut advanceai_config,
    change: impl FnOnce(ClientConfigBuilder) -> ClientConfigBuilder,
) -> advanceai_status {
    update(config, |c| {
        let builder = std::mem::take(&mut c.builder);
        c.builder = change(builder);
    })
}

/// Reads a string argument of a setter (setters take no error slot).
fn setter_str<'a>(value: *const c_char) -> Result<&'a str, advanceai_status> {
    arg_str(value, "", std::ptr::null_mut())
}

/// Creates a configuration with the defaults (host `sg-api.advance.ai`, no credentials,
/// 5 s connect timeout, 30 s request timeout, 60 s deadline per call, proxy from the
/// environment, 3 attempts, a retry budget of 500, 1 MiB response limit, server-default
/// token lifetime refreshed 60 s before expiry).
/// Free it with `advanceai_config_free`.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_config_new(out: *mut *mut advanceai_config) -> advanceai_status {
    ffi_panic_boundary! {
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
    }
}

/// Frees a configuration; NULL is a no-op. Clients built from it stay valid.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_config_free(config: *mut advanceai_config) {
    ffi_panic_boundary! { free_box(config) }
}

/// Sends to this base URL (`https://...`; `http://` only for loopback hosts, checked when a
/// client is built).
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_config_set_base_url(
    config: *mut advanceai_config,
    base_url: *const c_char,
) -> advanceai_status {
    ffi_panic_boundary! {
        let url = try_arg!(setter_str(base_url));
        update_builder(config, |b| b.base_url(url))
    }
}

/// Sends to a documented vendor host, by name (`"sg-api.advance.ai"`, `"api.advance.ai"`,
/// `"ph-api.advance.ai"`...; any case). An unknown name is `ADVANCEAI_STATUS_CONFIG_ERROR`
/// and leaves the configuration unchanged.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_config_set_host(
    config: *mut advanceai_config,
    host_name: *const c_char,
) -> advanceai_status {
    ffi_panic_boundary! {
        let name = try_arg!(setter_str(host_name));
        try_mut_from_ptr!(config);
        match Host::ALL
            .iter()
            .copied()
            .find(|h| h.name().eq_ignore_ascii_case(name))
        {
            Some(host) => update_builder(config, |b| b.host(host)),
            None => S::ADVANCEAI_STATUS_CONFIG_ERROR,
        }
    }
}

/// The account's access key and secret key (copied; never shown in messages).
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_config_set_credentials(
    config: *mut advanceai_config,
    access_key: *const c_char,
    secret_key: *const c_char,
) -> advanceai_status {
    ffi_panic_boundary! {
        let access = try_arg!(setter_str(access_key));
        let secret = try_arg!(setter_str(secret_key));
        update_builder(config, |b| b.credentials(access, secret))
    }
}

/// The timeout of a whole request (connect, send, wait, read), in milliseconds (default
/// 30000; 0 is refused when the client is built).
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_config_set_timeout_ms(
    config: *mut advanceai_config,
    timeout_ms: u64,
) -> advanceai_status {
    ffi_panic_boundary! { update_builder(config, |b| b.timeout(Duration::from_millis(timeout_ms))) }
}

/// The deadline of each call, in milliseconds (default 60000; 0 is refused when the client
/// is built): everything a call does, all attempts, the pauses between them, `Retry-After`
/// waits and the token fetch it starts, ends by then. Each attempt's timeout is cut to the
/// time left; a pause that would cross the deadline ends the call with the last attempt's
/// error (its message says the deadline was reached), or `ADVANCEAI_STATUS_TIMEOUT` when
/// nothing was sent.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_config_set_deadline_ms(
    config: *mut advanceai_config,
    deadline_ms: u64,
) -> advanceai_status {
    ffi_panic_boundary! {
        update_builder(config, |b| b.deadline(Duration::from_millis(deadline_ms)))
    }
}

/// The connect timeout, in milliseconds (default 5000; 0 is refused when the client is
/// built).
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_config_set_connect_timeout_ms(
    config: *mut advanceai_config,
    timeout_ms: u64,
) -> advanceai_status {
    ffi_panic_boundary! {
        update_builder(config, |b| {
            b.connect_timeout(Duration::from_millis(timeout_ms))
        })
    }
}

/// Uses this proxy (`http://user:pass@host:port`, `socks5://...`); the text is never shown
/// in messages. Pass NULL to use no proxy at all, whatever the environment says. The
/// default is the environment's: the first of `ALL_PROXY`, `HTTPS_PROXY`, `HTTP_PROXY`
/// (each also in lowercase) that is set, `NO_PROXY` honoured, read when a client is built
/// (README, Configuration, has the rules). A proxy that refuses the tunnel fails a call
/// with `ADVANCEAI_STATUS_TRANSPORT_ERROR`, nothing sent.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_config_set_proxy(
    config: *mut advanceai_config,
    proxy_url: *const c_char,
) -> advanceai_status {
    ffi_panic_boundary! {
        let setting = if proxy_url.is_null() {
            ProxySetting::None
        } else {
            ProxySetting::Url(try_arg!(setter_str(proxy_url)).into())
        };
        update_builder(config, |b| b.proxy(setting))
    }
}

/// Trusts the certificates of this PEM file in addition to the built-in roots. The file is
/// read now (`ADVANCEAI_STATUS_CONFIG_ERROR` if it cannot be read) and checked when a
/// client is built.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_config_set_ca_bundle_path(
    config: *mut advanceai_config,
    path: *const c_char,
) -> advanceai_status {
    ffi_panic_boundary! {
        let path = try_arg!(setter_str(path));
        try_mut_from_ptr!(config);
        match std::fs::read(path) {
            Ok(pem) => update_builder(config, |b| b.extra_ca_pem(pem)),
            Err(_) => S::ADVANCEAI_STATUS_CONFIG_ERROR,
        }
    }
}

/// The largest response body read, in bytes (default 1048576); a larger one fails with
/// `ADVANCEAI_STATUS_RESPONSE_TOO_LARGE`.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_config_set_max_response_bytes(
    config: *mut advanceai_config,
    max_bytes: u64,
) -> advanceai_status {
    ffi_panic_boundary! { update_builder(config, |b| b.max_response_bytes(max_bytes)) }
}

/// The most attempts per call, retries included (default 3; 0 is refused when the client
/// is built; 1 turns retries off). Billable calls are only retried when the request
/// provably never left.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_config_set_max_attempts(
    config: *mut advanceai_config,
    max_attempts: u32,
) -> advanceai_status {
    ffi_panic_boundary! {
        update(config, |c| {
            c.retry = c.retry.clone().with_max_attempts(max_attempts);
        })
    }
}

/// The pause before the first retry and the longest pause, in milliseconds (defaults 200
/// and 5000; pauses double with jitter).
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_config_set_retry_backoff_ms(
    config: *mut advanceai_config,
    initial_ms: u64,
    max_ms: u64,
) -> advanceai_status {
    ffi_panic_boundary! {
        update(config, |c| {
            c.retry = c.retry.clone().with_backoff(
                Duration::from_millis(initial_ms),
                Duration::from_millis(max_ms),
            );
        })
    }
}

/// The longest `Retry-After` honoured, in milliseconds (default 10000); a longer one is
/// cut to this.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_config_set_max_retry_after_ms(
    config: *mut advanceai_config,
    max_ms: u64,
) -> advanceai_status {
    ffi_panic_boundary! {
        update(config, |c| {
            c.retry = c
                .retry
                .clone()
                .with_max_retry_after(Duration::from_millis(max_ms));
        })
    }
}

/// The capacity of the retry budget, in tokens (default 500; 0 is refused when the client
/// is built): a bucket shared by the client's calls from every thread. A retry costs 10
/// tokens after a transport failure and 5 after any other; a successful call puts 1 back.
/// When the bucket cannot pay, the call returns its error without retrying.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_config_set_retry_budget(
    config: *mut advanceai_config,
    capacity: u32,
) -> advanceai_status {
    ffi_panic_boundary! {
        update(config, |c| {
            c.retry = c.retry.clone().with_budget(capacity);
        })
    }
}

/// Turns the retry budget off: every call may use all its attempts, whatever the others do.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_config_set_no_retry_budget(
    config: *mut advanceai_config,
) -> advanceai_status {
    ffi_panic_boundary! {
        update(config, |c| {
            c.retry = c.retry.clone().without_budget();
        })
    }
}

/// The token lifetime asked for (`periodSecond`, 60..=86400; checked when the client is
/// built). Default: the server's (1 hour).
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_config_set_token_period_seconds(
    config: *mut advanceai_config,
    seconds: u32,
) -> advanceai_status {
    ffi_panic_boundary! { update_builder(config, |b| b.period_second(seconds)) }
}

/// How long before its expiry a token is replaced, in milliseconds (default 60000; must be
/// shorter than the token lifetime).
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_config_set_token_refresh_margin_ms(
    config: *mut advanceai_config,
    margin_ms: u64,
) -> advanceai_status {
    ffi_panic_boundary! {
        update_builder(config, |b| {
            b.refresh_margin(Duration::from_millis(margin_ms))
        })
    }
}
