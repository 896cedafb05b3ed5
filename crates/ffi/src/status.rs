//! The status every fallible function returns, its name and English text, and the library
//! version.
//!
//! The enum, its values and its texts are written once, below; the statuses that are an
//! error kind get their names from [`ErrorKind::as_str`], the one list of kind names that
//! the transport, the CLI and the bindings share.

use std::ffi::{CStr, CString, c_char};
use std::sync::OnceLock;

use advanceai_transport::ErrorKind;

use crate::marshal::c_string;

u32_enum_builder! {
    /// The status every fallible function returns.
    ///
    /// The numeric values are stable: a value is never reused. A value that is retired stays
    /// reserved (its number is never given to another meaning). `advanceai_status_name`
    /// gives a status's name and `advanceai_status_message` its English text.
    pub enum advanceai_status {
        /// Success.
        ADVANCEAI_STATUS_OK = 0 => c"ok",
        /// A required pointer argument was NULL.
        ADVANCEAI_STATUS_NULL_PARAMETER = 1 => c"a required parameter is NULL",
        /// A string argument was not valid UTF-8.
        ADVANCEAI_STATUS_INVALID_UTF8 = 2 => c"a string parameter is not valid UTF-8",
        /// The request was refused locally, before sending; the error carries the code and
        /// message the server would have answered with.
        ADVANCEAI_STATUS_INVALID_INPUT = 3 => c"the request is invalid and was not sent",
        /// The server answered with a code other than `SUCCESS`; see the error's code.
        ADVANCEAI_STATUS_API_ERROR = 4 => c"the API answered with an error code",
        /// The request could not be completed at the network level.
        ADVANCEAI_STATUS_TRANSPORT_ERROR = 5 => c"the request failed at the network level",
        /// The request did not finish within its timeout.
        ADVANCEAI_STATUS_TIMEOUT = 6 => c"the request timed out",
        /// The server (or a proxy) sent something that is not the API's answer.
        ADVANCEAI_STATUS_UNEXPECTED_RESPONSE = 7 => c"unexpected response",
        /// The body looked like the API's JSON but could not be read.
        ADVANCEAI_STATUS_PARSE_ERROR = 8 => c"cannot parse the response",
        /// The response body was larger than the configured maximum.
        ADVANCEAI_STATUS_RESPONSE_TOO_LARGE = 9 => c"the response is too large",
        /// The configuration is invalid (missing credentials, insecure URL, bad CA bundle, ...).
        ADVANCEAI_STATUS_CONFIG_ERROR = 10 => c"invalid configuration",
        /// A wait for a final Get Result reached its deadline before the result was final.
        ADVANCEAI_STATUS_RESULT_PENDING = 11 => c"the result is still pending",
        /// The library panicked; the call had no effect on its outputs. Please report it.
        ADVANCEAI_STATUS_PANIC = 12 => c"internal panic in the library",
        /// The server answered `SUCCESS` without a `data` object.
        ADVANCEAI_STATUS_MISSING_DATA = 13 => c"the API answered SUCCESS without data",
    }
}

use advanceai_status as S;

/// The one mapping from the transport's error kinds to C statuses.
impl From<ErrorKind> for advanceai_status {
    fn from(kind: ErrorKind) -> Self {
        match kind {
            ErrorKind::InvalidInput => S::ADVANCEAI_STATUS_INVALID_INPUT,
            ErrorKind::Api => S::ADVANCEAI_STATUS_API_ERROR,
            ErrorKind::Transport => S::ADVANCEAI_STATUS_TRANSPORT_ERROR,
            ErrorKind::Timeout => S::ADVANCEAI_STATUS_TIMEOUT,
            ErrorKind::UnexpectedResponse => S::ADVANCEAI_STATUS_UNEXPECTED_RESPONSE,
            ErrorKind::Parse => S::ADVANCEAI_STATUS_PARSE_ERROR,
            ErrorKind::ResponseTooLarge => S::ADVANCEAI_STATUS_RESPONSE_TOO_LARGE,
            ErrorKind::Config => S::ADVANCEAI_STATUS_CONFIG_ERROR,
            ErrorKind::ResultPending => S::ADVANCEAI_STATUS_RESULT_PENDING,
            ErrorKind::MissingData => S::ADVANCEAI_STATUS_MISSING_DATA,
            // A kind the transport adds later is reported as a transport error until it gets
            // a status of its own (the test `every_kind_is_a_status_of_its_name` fails first).
            _ => S::ADVANCEAI_STATUS_TRANSPORT_ERROR,
        }
    }
}

/// The C identifiers' common prefix, which `advanceai_status_name` leaves out.
const PREFIX: &str = "ADVANCEAI_STATUS_";

/// The name of a value that is not a status.
const UNKNOWN: &CStr = c"UNKNOWN";

/// The text of a value that is not a status.
const UNKNOWN_TEXT: &CStr = c"unknown status";

impl advanceai_status {
    /// The name without the prefix (`API_ERROR`): [`ErrorKind::as_str`] for the statuses
    /// that are an error kind, the C identifier's tail for the others (`NULL_PARAMETER`).
    pub(crate) fn name(self) -> &'static CStr {
        let index = Self::ALL.iter().position(|s| *s == self);
        if let Some(name) = index
            .and_then(|i| kind_names().get(i))
            .and_then(Option::as_ref)
        {
            return name.as_c_str();
        }
        self.identifier()
            .strip_prefix(PREFIX)
            .and_then(|tail| CStr::from_bytes_with_nul(tail.as_bytes()).ok())
            .unwrap_or(UNKNOWN)
    }
}

/// The NUL-terminated copies of the kind names, built once, at the position of their status
/// in [`advanceai_status::ALL`].
fn kind_names() -> &'static [Option<CString>] {
    static NAMES: OnceLock<Box<[Option<CString>]>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut names = vec![None; advanceai_status::ALL.len()];
        for kind in ErrorKind::ALL {
            let status = advanceai_status::from(*kind);
            let slot = advanceai_status::ALL
                .iter()
                .position(|s| *s == status)
                .and_then(|i| names.get_mut(i));
            // First come first served: a kind mapped to another kind's status (see `From`)
            // never renames it.
            if let Some(slot @ None) = slot {
                *slot = Some(c_string(kind.as_str()));
            }
        }
        names.into_boxed_slice()
    })
}

/// The library version (the `advanceai-ffi` crate version, such as `"1.2.3"`), a static
/// NUL-terminated string: never free it.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_version() -> *const c_char {
    ffi_panic_boundary! { concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast() }
}

/// A static, NUL-terminated English description of a status; never free it. Unknown values
/// give "unknown status".
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_status_message(status: u32) -> *const c_char {
    ffi_panic_boundary! {
        advanceai_status::try_from(status)
            .map_or(UNKNOWN_TEXT, advanceai_status::text)
            .as_ptr()
    }
}

/// The name of a status without its `ADVANCEAI_STATUS_` prefix (`"API_ERROR"`,
/// `"NULL_PARAMETER"`): stable, for logs and for matching the CLI's and the bindings'
/// error kinds, which use the same names. A static NUL-terminated string: never free it.
/// A value that is not a status gives `"UNKNOWN"`.
#[unsafe(no_mangle)]
pub extern "C" fn advanceai_status_name(status: u32) -> *const c_char {
    ffi_panic_boundary! {
        advanceai_status::try_from(status)
            .map_or(UNKNOWN, advanceai_status::name)
            .as_ptr()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use std::collections::BTreeSet;

    use super::*;

    fn text(pointer: *const c_char) -> String {
        // SAFETY: the functions under test return static NUL-terminated strings.
        unsafe { CStr::from_ptr(pointer) }
            .to_str()
            .unwrap()
            .to_owned()
    }

    #[test]
    fn values_are_stable_and_round_trip() {
        for (value, status) in (0u32..).zip(advanceai_status::ALL) {
            assert_eq!(*status as u32, value, "{status:?}");
            assert_eq!(advanceai_status::try_from(value), Ok(*status));
        }
        assert_eq!(advanceai_status::ALL.len(), 14);
        assert_eq!(advanceai_status::try_from(14), Err(14));
    }

    #[test]
    fn every_kind_is_a_status_of_its_name() {
        let header = include_str!("../../../include/advanceai.h");
        let mut statuses = BTreeSet::new();
        for kind in ErrorKind::ALL {
            let status = advanceai_status::from(*kind);
            assert!(statuses.insert(status as u32), "two kinds share {status:?}");
            assert_eq!(text(advanceai_status_name(status as u32)), kind.as_str());
            let identifier = format!("{PREFIX}{}", kind.as_str());
            assert_eq!(status.identifier().trim_end_matches('\0'), identifier);
            assert!(
                header.contains(&format!("  {identifier} = {},", status as u32)),
                "{identifier} is not in include/advanceai.h"
            );
        }
    }

    #[test]
    fn names_and_texts_of_every_status() {
        let mut names = BTreeSet::new();
        let mut texts = BTreeSet::new();
        for status in advanceai_status::ALL {
            let name = text(advanceai_status_name(*status as u32));
            assert_eq!(format!("{PREFIX}{name}\0"), status.identifier());
            assert!(names.insert(name));
            assert!(texts.insert(text(advanceai_status_message(*status as u32))));
        }
        assert_eq!(text(advanceai_status_name(1)), "NULL_PARAMETER");
        assert_eq!(text(advanceai_status_name(12)), "PANIC");
        for unknown in [14, 9999, u32::MAX] {
            assert_eq!(text(advanceai_status_name(unknown)), "UNKNOWN");
            assert_eq!(text(advanceai_status_message(unknown)), "unknown status");
        }
        // Static: the same pointer on every call.
        assert_eq!(advanceai_status_name(4), advanceai_status_name(4));
    }

    #[test]
    fn version_is_the_crate_version() {
        assert_eq!(text(advanceai_version()), env!("CARGO_PKG_VERSION"));
        let manifest = include_str!("../../../Cargo.toml");
        assert!(manifest.contains(&format!("version = \"{}\"", env!("CARGO_PKG_VERSION"))));
    }
}
