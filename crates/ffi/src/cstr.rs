//! C strings made on first use: what lets a result object hold the typed Rust value and
//! pay for a conversion only when C asks for it.
//!
//! A [`LazyCStr`] is one getter's answer, made the first time the getter is called and kept
//! by its object until the object is freed (the string-lifetime rule of the whole API).
//! Known values of the core's wire enums (`PASS`, `SUCCESS`, `MALE`...) are not copied at
//! all: [`WireName::c_name`] hands out a static NUL-terminated copy of the enum's own
//! text, built once per process from the enum's `KNOWN` list.

use std::borrow::Cow;
use std::ffi::{CStr, CString, c_char};
use std::ptr;
use std::sync::OnceLock;

use advanceai_core::{
    CallbackType, CheckResult, CpfStatus, ErrorCode, FaceResult, Gender, OverallResult,
};

use crate::marshal::c_string;

/// A C string, static or owned.
pub(crate) type CText = Cow<'static, CStr>;

/// An owned C string of `text`.
pub(crate) fn owned(text: &str) -> CText {
    Cow::Owned(c_string(text))
}

/// One string getter's answer, made on first use, then the same pointer on every call.
#[derive(Default)]
pub(crate) struct LazyCStr(OnceLock<Option<CText>>);

impl LazyCStr {
    /// The string `make` gives (NULL for `None`), made on the first call only.
    pub(crate) fn get(&self, make: impl FnOnce() -> Option<CText>) -> *const c_char {
        self.0
            .get_or_init(make)
            .as_deref()
            .map_or(ptr::null(), CStr::as_ptr)
    }
}

/// A wire enum whose known values have static C strings.
pub(crate) trait WireName {
    /// The value as a C string: static for a known value, owned for one this version of
    /// the library does not know (kept as the server sent it).
    fn c_name(&self) -> CText;
}

/// Implements [`WireName`] for core's wire enums, from their `KNOWN` lists and `as_str`.
macro_rules! wire_names {
    ($($wire_enum:ty),+ $(,)?) => {
        $(impl WireName for $wire_enum {
            fn c_name(&self) -> CText {
                static NAMES: OnceLock<Box<[CString]>> = OnceLock::new();
                let names = NAMES.get_or_init(|| {
                    <$wire_enum>::KNOWN.iter().map(|known| c_string(known.as_str())).collect()
                });
                match <$wire_enum>::KNOWN.iter().position(|known| known == self) {
                    Some(i) => names.get(i).map_or_else(|| owned(self.as_str()), |n| {
                        Cow::Borrowed(n.as_c_str())
                    }),
                    None => owned(self.as_str()),
                }
            }
        })+
    };
}

wire_names!(
    OverallResult,
    ErrorCode,
    FaceResult,
    Gender,
    CallbackType,
    CheckResult,
    CpfStatus,
);

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn known_values_are_static_and_unknown_ones_kept() {
        let pass = OverallResult::Pass.c_name();
        assert!(matches!(pass, Cow::Borrowed(_)));
        assert_eq!(pass.to_str().unwrap(), "PASS");
        assert_eq!(pass.as_ptr(), OverallResult::Pass.c_name().as_ptr());
        for code in ErrorCode::KNOWN {
            assert_eq!(code.c_name().to_str().unwrap(), code.as_str());
        }
        let future = ErrorCode::from_wire("SOME_FUTURE_CODE").c_name();
        assert!(matches!(future, Cow::Owned(_)));
        assert_eq!(future.to_str().unwrap(), "SOME_FUTURE_CODE");
        assert_eq!(Gender::from_wire("male").c_name().to_str().unwrap(), "MALE");
    }

    #[test]
    fn a_lazy_string_is_made_once() {
        let cell = LazyCStr::default();
        let mut calls = 0;
        let first = cell.get(|| {
            calls += 1;
            Some(owned("sig-1"))
        });
        let second = cell.get(|| Some(owned("other")));
        assert_eq!(first, second);
        assert_eq!(calls, 1);
        assert!(LazyCStr::default().get(|| None).is_null());
    }
}
