//! The C ABI of the ADVANCE.AI client: `libadvanceai.so`, `libadvanceai.a` and
//! `include/advanceai.h` (generated from this crate by cbindgen).
//!
//! This crate only translates ownership, strings and errors; every behaviour (validation,
//! signing, retries, parsing, and the verdict on a failure) is `advanceai-core`'s and
//! `advanceai-transport`'s.
//!
//! # Rules of the C API
//! * Every fallible function returns an `advanceai_status`; `ADVANCEAI_STATUS_OK` is 0. The
//!   values are stable; `advanceai_status_name` gives a status's name (`"API_ERROR"`, the
//!   same names as the CLI's and the bindings' error kinds) and `advanceai_status_message`
//!   its English text. Output parameters are written only on success, never partially.
//! * On failure, when the caller passed a non-NULL `advanceai_error **err`, an error object
//!   is written there; free it with `advanceai_error_free`. Its answers (kind, whether a
//!   retry can help, whether it is safe to resend, whether the request may have been
//!   processed, whether the account is refused) are the transport's one verdict on the
//!   failure (`advanceai_transport::Error::disposition`) for the idempotency of the
//!   operation the call ran: Get Result and token are idempotent, database verification and
//!   Generate URL billable. There is no thread-local "last error". Configuration setters
//!   take no error slot: they only store values, which are checked (with a full error
//!   object) by `advanceai_client_new`.
//! * Every pointer is checked for NULL (`ADVANCEAI_STATUS_NULL_PARAMETER`) and every string
//!   for UTF-8 (`ADVANCEAI_STATUS_INVALID_UTF8`). Bytes are passed with an explicit length.
//! * A panic inside the library never unwinds into C: it becomes `ADVANCEAI_STATUS_PANIC`,
//!   or NULL / false / 0 for a getter (the value follows from the return type).
//! * One string rule: every `const char *` returned is owned by the object that returned
//!   it and stays valid until that object is freed. Never free it yourself. Result objects
//!   hold the parsed answer and make each string the first time it is asked for (known
//!   values such as `PASS` and `SUCCESS` are static), so a caller pays only for what it
//!   reads; the pointer is the same on every call.
//! * Every `_free` function accepts NULL and then does nothing.
//!
//! # Layout
//! One module per concept. The C boundary itself: `panic` (the one panic boundary, whose
//! fallback follows from the return type), `ffi` (handles: made, borrowed in one line with
//! `try_ref_from_ptr!`, freed), `marshal` (reading arguments, writing outputs), `u32_enum`
//! (a C enum and its texts written once), `cstr` (strings made on first use). The API:
//! [`status`](crate::advanceai_status), the [error object](crate::advanceai_error), the
//! configuration builder, the request builders (verification, Generate URL, Get Result),
//! the client and its calls, the result objects (verification, Get Result, Generate URL,
//! token, callback, and the person record they share), and parsing for callers with their
//! own HTTP stack.
#![allow(unsafe_code)]
#![allow(non_camel_case_types)]
// The C API takes raw pointers by design; each one is checked for NULL before use.
#![allow(clippy::not_unsafe_ptr_arg_deref)]

#[macro_use]
mod panic;
#[macro_use]
mod ffi;
#[macro_use]
mod u32_enum;

mod callback;
mod client;
mod config;
mod cstr;
mod error;
mod get_result;
mod get_result_request;
mod health;
mod marshal;
mod outcome;
mod parse;
mod person;
mod status;
mod token;
mod url_request;
mod url_result;
mod verification_request;
mod verification_result;

pub use callback::*;
pub use client::*;
pub use config::*;
pub use error::*;
pub use get_result::*;
pub use get_result_request::*;
pub use health::*;
pub use parse::*;
pub use person::*;
pub use status::*;
pub use token::*;
pub use url_request::*;
pub use url_result::*;
pub use verification_request::*;
pub use verification_result::*;
