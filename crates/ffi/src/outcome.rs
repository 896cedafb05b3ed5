//! What a database verification and a Get Result answer have in common, as C strings made
//! on first use: the ids, the verdict, the person record and the normalized JSON.

use serde::Serialize;

use crate::cstr::{CText, LazyCStr, owned};
use crate::person::PersonStrings;

/// The string getters a verification and a Get Result share, each made the first time it
/// is called and kept until the result is freed.
#[derive(Default)]
pub(crate) struct OutcomeStrings {
    /// `signatureId`.
    pub(crate) signature_id: LazyCStr,
    /// `overallResult`.
    pub(crate) overall_result: LazyCStr,
    /// `errorCode`, normalized.
    pub(crate) error_code: LazyCStr,
    /// What to do about the outcome.
    pub(crate) category: LazyCStr,
    /// `docDatabaseDetail`, field by field.
    pub(crate) person: PersonStrings,
    /// The normalized JSON of `data`.
    pub(crate) json: LazyCStr,
}

/// The normalized JSON of a response's `data`. Serializing these types cannot fail (string
/// keys, finite numbers); an empty string would be the visible sign if it ever did.
pub(crate) fn json<T: Serialize>(data: &T) -> Option<CText> {
    Some(owned(&serde_json::to_string(data).unwrap_or_default()))
}
