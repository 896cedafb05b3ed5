//! An offline emulator of the ADVANCE.AI identity-verification API, for tests, CI and demos.
//!
//! The vendor has no public sandbox for these APIs. This one speaks the documented wire
//! format (paths, envelope, codes and messages), reuses `advanceai-core` for validation
//! and types so it refuses exactly what the client library refuses, and can misbehave on
//! demand so client retry logic can be tested.
//!
//! ```
//! use advanceai_sandbox::{Sandbox, SandboxConfig};
//!
//! let sandbox = Sandbox::start(SandboxConfig::default())?;
//! println!("listening on {}", sandbox.base_url());
//! sandbox.shutdown();
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Server library
//! [axum] on hyper and tokio: maintained, HTTP/1.1 with keep-alive, many concurrent
//! connections on a small thread pool, and streaming bodies (which is how the
//! `fault-cut` fault closes a connection in the middle of a body). No HTTP is parsed by
//! hand here. [`Sandbox::start`] runs the server on its own thread with its own tokio
//! runtime (2 worker threads by default), so synchronous tests can use it.
//!
//! # HTTPS
//! Plain HTTP unless [`SandboxConfig::with_tls`] (the binaries' `--tls`): then, at start,
//! the sandbox makes a throwaway CA and a server certificate signed by it, in-process
//! (rcgen; no `openssl` binary, nothing read from disk), and serves HTTPS with rustls (the
//! version ureq uses, through tokio-rustls). The certificate is issued for `localhost`,
//! `127.0.0.1` and `::1` ([`TlsOptions`] chooses other names or a validity, to test that a
//! client refuses a certificate for another host or an expired one). [`RunningSandbox::ca_pem`]
//! gives the CA certificate a client must trust (`ClientConfigBuilder::extra_ca_pem`, the
//! CLI's `--ca-bundle`); [`RunningSandbox::save_ca_pem`] writes it to a file, which is what
//! `--ca-out PATH` does. [`RunningSandbox::base_url`] and the H5 page URLs are then
//! `https://`. The CA's private key never leaves the process.
//!
//! # Credentials
//! Access key `sandbox-access-key`, secret key `sandbox-secret-key`
//! ([`DEFAULT_ACCESS_KEY`], [`DEFAULT_SECRET_KEY`]); set others with
//! [`SandboxConfig::with_credentials`].
//!
//! # Endpoints
//! | method | path | token | what |
//! |---|---|---|---|
//! | POST | `/openapi/auth/ticket/v1/generate-token` | no | token |
//! | POST | `/intl/openapi/identity-risk/idvs-h5/ekyc/v1/api/database-id-verification` | yes | database verification |
//! | POST | `/intl/openapi/identity-risk/idvs-h5/ekyc/v1/generate-non-document-verification-url` | yes | H5: create a transaction |
//! | POST | `/intl/openapi/identity-risk/idvs-h5/ekyc/v1/get-result` | yes | H5: the result |
//! | GET | `/intl/openapi/identity-risk/idvs-h5/ekyc/v1/non-doc-health-status?numberType=` | yes | Health Status of a numberType |
//! | POST | `/intl/openapi/identity-risk/idvs-h5/ekyc/v1/clear-data?signatureId=` | yes | Clear Data of a finished transaction |
//! | GET, POST | `/h5/{signatureId}` | no | the H5 page, and its form |
//! | POST | `/sandbox/complete` | no | `{signatureId, outcome}` and the page's fields: the form, for automation |
//! | POST | `/sandbox/health` | no | `{numberType, status}`: the status Health Status reports |
//! | GET | `/sandbox/stats` | no | `{"requests": {"token": n, "get_result": n, ...}}`: requests per API endpoint |
//!
//! Every answer is HTTP 200 with the vendor envelope
//! `{code, message, data, extra, transactionId, pricingStrategy}`, a fresh 16-hex-digit
//! `transactionId` and `pricingStrategy: "FREE"`, except:
//! * an unknown path: HTTP 404 with code `CLIENT_ERROR`, message `No such API`; a known
//!   path with the wrong method: HTTP 405, `CLIENT_ERROR`, `Method not allowed`;
//! * the faults below.
//!
//! Every answer's `Date` header is the sandbox clock's ([`SandboxConfig::clock`]), so a
//! sandbox on a [`ManualClock`] set away from the client's answers with a skewed `Date`,
//! as a server whose clock differs does.
//!
//! Token endpoint: `accessKey`, `timestamp` and `signature` must be present (else
//! `PARAMETER_ERROR` / `Parameter should not be empty`); the timestamp must be 13 digits
//! within ±300 s of the sandbox clock (else `Timestamp error`); the access key and the
//! SHA-256 signature must match (else `Signature error`: an unknown access key gets the same
//! answer, unconfirmed): core's [`advanceai_core::ReceivedTokenRequest::check`], the rules
//! [`advanceai_core::TokenRequest::sign`] follows. `periodSecond` (3600 when absent) must be
//! in [`SandboxConfig::token_period_range`], 60..=86400 unless configured (else
//! `periodSecond must be between 60 and 86400`, our wording). `data.expiredTime` is epoch
//! milliseconds. Every other API endpoint needs a live token in `X-ACCESS-TOKEN`, else
//! `IAM_FAILED` / `Token not found or expired`.
//!
//! Request bodies: a `Content-Type` other than `application/json`, a body over 64 KiB
//! (refused unread when `Content-Length` says so), or a body that is not a JSON object of
//! the right shape get `PARAMETER_ERROR` with `Content-Type must be application/json`,
//! `Request body is too large` or `Request body is not a valid JSON object` (our wording;
//! the vendor's is not documented). A missing or `null` field is an empty one, so
//! validation answers with the vendor's own message.
//!
//! # Test numbers
//! One table, [`TEST_NUMBERS`], gives every market type of core's [`advanceai_core::MARKETS`]
//! a number per outcome of Get Result's errorCode table; the sandbox's answers follow it,
//! and these tables and the README's are tested against it.
//!
//! Database verification: after the vendor's validation (same order, same messages, via
//! [`advanceai_core::IdNumberVerificationRequest::validate`]), the outcome depends on
//! `numberValue` only (BVN or NIN alike), for the outcomes its page documents:
//!
//! | numberValue | overallResult | errorCode | docDatabaseDetail |
//! |---|---|---|---|
//! | `22222222222` | PASS | `""` | a fake person |
//! | `11111111111` | FAIL | `BVN_SUSPEND` | null |
//! | `00000000000` | FAIL | `NUMBER_NOT_EXIST` | null |
//! | `55555555555` | FAIL | `INVALID_FORMAT` | null |
//! | `33333333333` | FAIL | `INFO_ABNORMAL` | null |
//! | `44444444444` | INCOMPLETE | `ERROR` | null |
//! | any other valid number | PASS | `""` | a fake person derived from the number |
//!
//! The fake person is chosen from small name lists by a hash of the number (same number,
//! same person, on every machine; its number has the format of core's
//! [`advanceai_core::SUPPORTED_ID_NUMBER_TYPES`] row) and masked as the vendor masks: names
//! keep their first and last character, phone numbers their first 3 and last 2 digits. The
//! shape is this endpoint's: `phoneNumber1`, `phoneNumber2`, `gender` `Male`/`Female`,
//! `birthday` `yyyy-MM-dd`. The answer is core's
//! [`advanceai_core::VerificationData::to_wire_value`]: `errorCode: ""` on a pass and
//! `Male`/`Female`, as the vendor's page shows (core's normalized JSON writes `SUCCESS` and
//! capitals).
//!
//! The H5 flow: a transaction whose number (given to Generate URL or typed on the page) is
//! one of these, completed "as the number says" (the page's first button, or
//! `/sandbox/complete` with `outcome` [`OUTCOME_BY_NUMBER`]), gets that outcome; any other
//! number, or none, passes. The other outcome buttons pick an outcome whatever the number.
//!
//! | overallResult | errorCode | BVN | NIN | NIK | CPF | DNI | SAID |
//! |---|---|---|---|---|---|---|---|
//! | PASS | `SUCCESS` | `22222222222` | `22222222222` | `2222222222222222` | `22222222222` | `2222222` | `2222222222222` |
//! | FAIL | `BVN_NOT_EXIST` | `90000000001` | `90000000001` | `9000000000000001` | `90000000001` | `9000001` | `9000000000001` |
//! | FAIL | `BVN_SUSPEND` | `11111111111` | `11111111111` | `1111111111111111` | `11111111111` | `1111111` | `1111111111111` |
//! | FAIL | `NUMBER_NOT_EXIST` | `00000000000` | `00000000000` | `0000000000000000` | `00000000000` | `0000000` | `0000000000000` |
//! | FAIL | `NAME_NOT_MATCH` | `90000000002` | `90000000002` | `9000000000000002` | `90000000002` | `9000002` | `9000000000002` |
//! | FAIL | `LIVENESS_ATTACK` | `90000000003` | `90000000003` | `9000000000000003` | `90000000003` | `9000003` | `9000000000003` |
//! | FAIL | `SIMILARITY_FAILED` | `90000000004` | `90000000004` | `9000000000000004` | `90000000004` | `9000004` | `9000000000004` |
//! | FAIL | `INVALID_FORMAT` | `55555555555` | `55555555555` | `5555555555555555` | `55555555555` | `5555555` | `5555555555555` |
//! | FAIL | `CAN_NOT_VERIFY` | `90000000005` | `90000000005` | `9000000000000005` | `90000000005` | `9000005` | `9000000000005` |
//! | FAIL | `FACE_QUALITY_TOO_POOR` | `90000000006` | `90000000006` | `9000000000000006` | `90000000006` | `9000006` | `9000000000006` |
//! | FAIL | `RISK_STRATEGY_HIT` | `90000000007` | `90000000007` | `9000000000000007` | `90000000007` | `9000007` | `9000000000007` |
//! | FAIL | `AGE_VERIFICATION_FAILED` | `90000000008` | `90000000008` | `9000000000000008` | `90000000008` | `9000008` | `9000000000008` |
//! | FAIL | `INFO_ABNORMAL` | `33333333333` | `33333333333` | `3333333333333333` | `33333333333` | `3333333` | `3333333333333` |
//! | FAIL | `NUMBER_DECEASED` | `90000000009` | `90000000009` | `9000000000000009` | `90000000009` | `9000009` | `9000000000009` |
//! | FAIL | `NUMBER_BLOCKED` | `90000000010` | `90000000010` | `9000000000000010` | `90000000010` | `9000010` | `9000000000010` |
//! | INCOMPLETE | `BVN_INVALID_FORMAT` | `90000000011` | `90000000011` | `9000000000000011` | `90000000011` | `9000011` | `9000000000011` |
//! | INCOMPLETE | `PARAMETER_ERROR` | `90000000012` | `90000000012` | `9000000000000012` | `90000000012` | `9000012` | `9000000000012` |
//! | INCOMPLETE | `USER_TIMEOUT` | `90000000013` | `90000000013` | `9000000000000013` | `90000000013` | `9000013` | `9000000000013` |
//! | INCOMPLETE | `ERROR` | `44444444444` | `44444444444` | `4444444444444444` | `44444444444` | `4444444` | `4444444444444` |
//! | INCOMPLETE | `RETRY_COUNT_REACH_MAX` | `90000000014` | `90000000014` | `9000000000000014` | `90000000014` | `9000014` | `9000000000014` |
//!
//! # The H5 flow
//! Generate URL validates with core, stores a transaction and answers `signatureId`, `url`
//! (`{base_url}/h5/{signatureId}`) and `expiredTime` (now + 1 h). The page shows the
//! transaction, asks for the person fields Generate URL left out, and has one button per
//! outcome: as the number says, PASS, each FAIL code and each INCOMPLETE code of the Get
//! Result page ([`FAIL_CODES`], [`INCOMPLETE_CODES`]: core's
//! [`advanceai_core::ErrorCode::verdict`]).
//!
//! The fields asked for are those the market's row of core's table uses
//! ([`advanceai_core::Market::number_value`], `full_name`, `gender`) and the request left
//! out, as the vendor's regions page says ("when you omit the field, the user types it on
//! the H5 page"): an NGA BVN request without a number gets the number and the full name
//! asked, an ARG DNI one the number and the gender. A plain HTML form, no JavaScript; each
//! field is required there. What was typed is checked by core's
//! Generate URL rule ([`advanceai_core::GenerateUrlRequest::validate`]: the number's length
//! per market, a DNI number's gender): a refusal shows the page again (HTTP 422) with what
//! was typed and what is wrong ("A DNI has 7 or 8 digits: please check the number."), and
//! the transaction stays pending. Accepted values stand in for the request's, so Get Result
//! shows them exactly as if Generate URL had sent them.
//!
//! Submitting stores the result, sends `{signatureId, type: "COMPLETED"}` to `callbackUrl`
//! (plain http, the only scheme tested; in the background, up to 4 tries with doubling
//! back-off from 200 ms until HTTP 200) unless the result is INCOMPLETE (the vendor sends no
//! `COMPLETED` for those; the sandbox sends nothing), and answers `303 See Other` to `returnUrl` (PASS)
//! or `failReturnUrl` (anything else). `POST /sandbox/complete` with
//! `{"signatureId": "...", "outcome": "PASS"}` does the same and answers an envelope with
//! `data {signatureId, overallResult, errorCode, redirectUrl}`. It takes the page's fields
//! too (`numberValue`, `fullName`, `gender`), checked by the same rule, but each may be
//! left out (the person then comes from the signatureId); one the page does not ask for
//! gets `PARAMETER_ERROR` / `The page does not ask for this field`, a refused value core's
//! code and message. A second completion gets `PARAMETER_ERROR` / `This signatureId already
//! has a final result`.
//!
//! Get Result: `SIGNATURE_NOT_EXIST` / `This signatureId is not exist` for an unknown id;
//! pending (`overallResult`, `idvResult` and `errorCode` null, `submissionCompleted` false)
//! until completed; `INCOMPLETE` / `USER_TIMEOUT` once [`SandboxConfig::user_timeout`]
//! (default 1 h) has passed; then the chosen outcome. PASS carries `docDatabaseDetail` in
//! the shape of the market's example on the DocDatabaseDetail page: Nigeria `bvn`,
//! `numberValue`, `numberTypeInfo`, `phoneNumber`, `FEMALE`, `yyyy/MM/dd`; Indonesia a
//! masked `fullName`, `birthday` `1976/**/**`, `email` and
//! four per-field checks; Brazil an unmasked punctuated CPF, `cpfStatus`, `motherName`,
//! `address` and the `face` check; Argentina and South Africa, whose examples are not
//! readable, only fields their presence rows list (`numberTypeInfo.numberType` is core's
//! [`advanceai_core::IdNumberType::get_result_number_type`], `NG_BVN`, `ID_NIK`, ..., and is
//! absent for a type core's table does not know, which gets Nigeria's shape). A failure's
//! own check (`fullName` for `NAME_NOT_MATCH`, `face` for a face-stage failure) is `fail`
//! where the shape has it. The person's number, name and gender are the request's where
//! it gives them (the name's words split into first, middle and last names), masked as
//! that market masks. Also: `faceDetail` with scores,
//! `inputParameters` and `countryCodeIso3`; failures of the number step carry
//! `docDatabaseDetail: null`; face-stage failures carry the person and a failed
//! `faceDetail`.
//!
//! # Health Status and Clear Data
//! Both take their parameter from the query string, as the vendor's examples send it; a
//! body is read and ignored. The routes come from core's descriptor rows
//! ([`advanceai_core::Endpoint::HealthStatus`], [`advanceai_core::Endpoint::ClearData`]).
//!
//! Health Status: an empty or missing `numberType` gets `PARAMETER_ERROR` /
//! `numberType is empty` (core's [`advanceai_core::HealthRequest::validate`]). The types
//! answered are core's [`advanceai_core::Market::health_number_types`], matched case-insensitively
//! (as the vendor says the server does) and echoed as listed (`ng_bvn` → `NG_BVN`); any
//! other type gets `PARAMETER_ERROR` / `numberType is not supported` (the vendor names only
//! the code, for `AADHAAR-PAN`; the message and the refusal of every unlisted type are the
//! sandbox's choice). The status is `health` until `POST /sandbox/health` with
//! `{"numberType": "NG_BVN", "status": "unstable"}` sets another for that type; any
//! non-empty text is accepted, so a client's handling of an undocumented status can be
//! tested too. The setting lasts for the life of the sandbox.
//!
//! Clear Data: an empty or missing `signatureId` gets `PARAMETER_ERROR` /
//! `SignatureId is empty`, an unknown one `SignatureId is not exist`, a transaction without
//! a final result `Transaction is not finished` (the vendor's messages); otherwise
//! `SUCCESS` / `OK` with `data: null`, again on every later clear. After a clear, Get Result
//! still answers the verdict, with `docDatabaseDetail: null`: what the vendor returns for a
//! cleared transaction is not documented, so this is the sandbox's choice.
//!
//! # Fault injection
//! A `bizId` (verification, Generate URL), `signatureId` (Get Result, Clear Data) or
//! `numberType` (Health Status) that starts with
//! one of these prefixes makes that call misbehave; anything may follow the prefix after a
//! `-`. A Generate URL `bizId` starting with `result-` and a prefix (`result-fault-busy-1`)
//! answers normally, and every Get Result of that transaction gets the fault.
//!
//! | prefix | effect |
//! |---|---|
//! | `fault-delay-<ms>-` | waits `<ms>` milliseconds (at most 60 s), then answers normally |
//! | `fault-busy` | `SERVICE_BUSY` with header `Retry-After: 1` |
//! | `fault-busy-once` | `SERVICE_BUSY` with `Retry-After: 1` the first time per id, then normal answers |
//! | `fault-busy-10s` | `SERVICE_BUSY` with `Retry-After: 10s` (seconds with a unit) |
//! | `fault-busy-date` | `SERVICE_BUSY` with `Retry-After` an HTTP date 2 s after the sandbox clock ([`BUSY_DATE_AHEAD`], cut to whole seconds) |
//! | `fault-busy-429` | `SERVICE_BUSY` with `Retry-After: 1`, on HTTP 429 |
//! | `fault-no-balance` | `INSUFFICIENT_BALANCE` (an account-level refusal: nothing was processed) |
//! | `fault-502` | HTTP 502 with an HTML body |
//! | `fault-cut` | sends the headers and 16 bytes of the body, then closes the connection |
//! | `fault-truncated` | HTTP 200 with the first half of the JSON body |
//! | `fault-huge` | the normal answer with `extra.padding`, a body over 2 MiB of valid JSON |
//! | `fault-iam-once` | `IAM_FAILED` the first time per id, then normal answers |
//! | `fault-unknown-code` | top-level code `SANDBOX_UNKNOWN_CODE` |
//! | `fault-in-processing` | `REQUEST_IN_PROCESSING` / `Your request is currently being processed. Please do not submit it repeatedly`, as Clear Data answers a repeated request |
//! | `fault-unknown-error-code` | `SUCCESS`, `overallResult` FAIL, `errorCode` `SANDBOX_UNKNOWN_ERROR_CODE` (verification, Get Result; Generate URL answers normally) |
//!
//! Faults apply after the token check and before validation; `fault-cut`,
//! `fault-truncated` and `fault-huge` mangle whatever the normal answer is (Generate URL
//! still creates its transaction). On Get Result, a `signatureId` prefix with no
//! transaction behind it mangles the `SIGNATURE_NOT_EXIST` answer.
//!
//! # Request counts
//! [`RunningSandbox::request_count`] says how many requests reached each API endpoint
//! (answered in any way), so a client's tests can prove that a refused input never left,
//! or that a billable call was sent exactly once. `GET /sandbox/stats` answers the same
//! counts as JSON for tests in other languages, keyed by the endpoint's descriptor name
//! (`token`, `generate_url`, `get_result`, `id_number_verification`, `health_status`,
//! `clear_data`).
//!
//! # State and logs
//! Tokens, transactions and `fault-iam-once` marks are kept in memory, each bounded
//! ([`SandboxConfig::max_tokens`], [`SandboxConfig::max_transactions`], 100 000 by
//! default): the oldest entry is forgotten first. Each request is logged through
//! `tracing` with method, path, HTTP status, envelope code and latency; never a body, a
//! query string, a key, a token or an ID number.

mod body;
mod callback;
mod config;
mod counter;
mod fault;
mod h5;
mod health;
mod injection;
mod listen;
mod messages;
mod person;
mod person_markets;
mod reply;
mod server;
mod state;
mod test_numbers;
mod tls;
mod token;
mod verification;

use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread::JoinHandle;

use tokio::sync::watch;

pub use config::{
    Clock, DEFAULT_ACCESS_KEY, DEFAULT_MAX_BODY_BYTES, DEFAULT_SECRET_KEY, ManualClock,
    SandboxConfig, SystemClock,
};
pub use fault::{BUSY_DATE_AHEAD, MAX_FAULT_DELAY, UNKNOWN_CODE, UNKNOWN_ERROR_CODE};
pub use h5::{FAIL_CODES, INCOMPLETE_CODES};
pub use messages::{
    MSG_ALREADY_FINAL, MSG_BAD_OUTCOME, MSG_BUSY, MSG_CLEAR_NOT_EXIST, MSG_CONTENT_TYPE,
    MSG_HEALTH_NUMBER_TYPE, MSG_HEALTH_STATUS, MSG_IN_PROCESSING, MSG_MALFORMED, MSG_METHOD,
    MSG_NO_BALANCE, MSG_NOT_ASKED, MSG_NOT_FINISHED, MSG_NOT_FOUND, MSG_SIGNATURE_NOT_EXIST,
    MSG_TOKEN, MSG_TOO_LARGE,
};
pub use test_numbers::{
    OUTCOME_BY_NUMBER, TEST_NUMBERS, TestOutcome, test_number_for, test_numbers_text, test_outcome,
};
pub use tls::{DEFAULT_TLS_NAMES, TlsOptions};

/// Why a sandbox could not start.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SandboxError {
    /// The address could not be bound (in use, not permitted, …).
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address asked for.
        addr: SocketAddr,
        /// What the system said.
        source: io::Error,
    },
    /// The tokio runtime or the server thread could not be created.
    #[error("cannot start the server: {0}")]
    Start(io::Error),
    /// The TLS certificates could not be made ([`TlsOptions::names`] holds something that
    /// is neither a DNS name nor an IP address, a validity out of range, ...).
    #[error("cannot make the TLS certificates: {0}")]
    Tls(String),
}

/// Starts sandboxes; see [`Sandbox::start`].
#[derive(Debug)]
pub struct Sandbox;

impl Sandbox {
    /// Binds the configured address (port 0: a free port) and serves on a background thread
    /// until [`RunningSandbox::shutdown`] or drop.
    pub fn start(config: SandboxConfig) -> Result<RunningSandbox, SandboxError> {
        let wanted = SocketAddr::new(config.host, config.port);
        let listener = TcpListener::bind(wanted).map_err(|source| SandboxError::Bind {
            addr: wanted,
            source,
        })?;
        let addr = listener.local_addr().map_err(|source| SandboxError::Bind {
            addr: wanted,
            source,
        })?;
        listener
            .set_nonblocking(true)
            .map_err(SandboxError::Start)?;
        let reachable = match addr.ip() {
            IpAddr::V4(ip) if ip.is_unspecified() => {
                SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), addr.port())
            }
            IpAddr::V6(ip) if ip.is_unspecified() => {
                SocketAddr::new(IpAddr::V6(Ipv6Addr::LOCALHOST), addr.port())
            }
            _ => addr,
        };
        let identity = match &config.tls {
            Some(options) => {
                Some(tls::identity(options).map_err(|error| SandboxError::Tls(error.0))?)
            }
            None => None,
        };
        let scheme = if identity.is_some() { "https" } else { "http" };
        let base_url = format!("{scheme}://{reachable}");
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(config.worker_threads.max(1))
            .thread_name("advanceai-sandbox")
            .enable_all()
            .build()
            .map_err(SandboxError::Start)?;
        let counts = Arc::new(counter::RequestCounts::new(config.verifications_by_biz_id));
        let app = Arc::new(server::App {
            counts: Arc::clone(&counts),
            memory: state::State::new(config.max_tokens, config.max_transactions),
            config,
            base_url: base_url.clone(),
        });
        let (stop, stopped) = watch::channel(false);
        let connections = Arc::new(AtomicU64::new(0));
        let server_tls = identity.as_ref().map(|i| Arc::clone(&i.server));
        let accepted = Arc::clone(&connections);
        let thread = std::thread::Builder::new()
            .name("advanceai-sandbox-main".into())
            .spawn(move || listen::serve(runtime, listener, server_tls, accepted, app, stopped))
            .map_err(SandboxError::Start)?;
        tracing::info!(%addr, tls = identity.is_some(), "sandbox listening");
        Ok(RunningSandbox {
            counts,
            connections,
            addr,
            base_url,
            ca_pem: identity.map(|i| i.ca_pem),
            stop,
            thread: Some(thread),
        })
    }
}

/// A sandbox serving on a background thread; stops on [`RunningSandbox::shutdown`] or drop.
#[derive(Debug)]
pub struct RunningSandbox {
    counts: Arc<counter::RequestCounts>,
    connections: Arc<AtomicU64>,
    addr: SocketAddr,
    base_url: String,
    ca_pem: Option<String>,
    stop: watch::Sender<bool>,
    thread: Option<JoinHandle<()>>,
}

impl RunningSandbox {
    /// The address the sandbox listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://host:port` (`https://` with TLS), the base of every endpoint and of the H5
    /// page URLs.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The PEM certificate of the throwaway CA that issued the server certificate, when the
    /// sandbox serves HTTPS ([`SandboxConfig::with_tls`]): what a client must trust
    /// (`ClientConfigBuilder::extra_ca_pem`). `None` for plain HTTP.
    pub fn ca_pem(&self) -> Option<&str> {
        self.ca_pem.as_deref()
    }

    /// Writes [`RunningSandbox::ca_pem`] to `path`, or, when `path` is `None`, to a new file
    /// of the system's temporary directory (`advanceai-sandbox-ca-<pid>-<random>.pem`,
    /// created anew, never an existing file); returns the path written. What the binaries'
    /// `--ca-out` does.
    ///
    /// # Errors
    /// [`io::ErrorKind::InvalidInput`] when the sandbox serves plain HTTP; otherwise what the
    /// file system says.
    pub fn save_ca_pem(&self, path: Option<&Path>) -> io::Result<PathBuf> {
        match &self.ca_pem {
            Some(pem) => tls::save_pem(pem, path),
            None => Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "the sandbox serves plain HTTP: it has no CA",
            )),
        }
    }

    /// How many TCP connections the sandbox has accepted since the start, TLS handshakes
    /// that failed included: tests use it to prove that a client did not retry, or reused
    /// its connection.
    pub fn connections_accepted(&self) -> u64 {
        self.connections.load(Ordering::SeqCst)
    }

    /// How many requests reached `endpoint`'s handler since the start (or the last
    /// [`RunningSandbox::reset_request_counts`]), whatever the answer: refusals, faults and
    /// `IAM_FAILED` included. Tests use it to prove what a client did or did not send.
    pub fn request_count(&self, endpoint: advanceai_core::Endpoint) -> u64 {
        self.counts.get(endpoint)
    }

    /// The database verifications received per `bizId` since the start (or the last
    /// [`RunningSandbox::reset_request_counts`]), whatever the answer; empty unless the
    /// sandbox was started with [`SandboxConfig::with_verifications_by_biz_id`]. Tests use it
    /// to prove that each row of a bulk run was sent once.
    pub fn verifications_by_biz_id(&self) -> std::collections::HashMap<String, u64> {
        self.counts.by_biz_id()
    }

    /// Sets every [`RunningSandbox::request_count`] back to zero.
    pub fn reset_request_counts(&self) {
        self.counts.reset();
    }

    /// Stops accepting connections, lets open requests finish (for up to 2 s), and waits for
    /// the server thread to end.
    pub fn shutdown(mut self) {
        self.stop_and_join();
    }

    fn stop_and_join(&mut self) {
        let _ = self.stop.send(true);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for RunningSandbox {
    fn drop(&mut self) {
        self.stop_and_join();
    }
}
