//! Personal data: values that must never reach a log line.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A piece of personal data (a name, a phone number, a birthday, an ID number).
///
/// Serializes and deserializes as a plain JSON string, so it travels on the wire unchanged,
/// but its `Debug` output is `<redacted>` and it has no `Display`: printing one takes an
/// explicit [`Pii::expose`]. Values the vendor returns arrive already masked (`22********4`);
/// values a caller sends (the ID number of a request) are not.
///
/// ```
/// use advanceai_core::Pii;
///
/// let bvn = Pii::new("22222222222");
/// assert_eq!(format!("{bvn:?}"), "<redacted>");
/// ```
#[derive(Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Pii(String);

impl Pii {
    /// Wraps a personal value.
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The value itself. Call this only to put it on the wire or in front of its owner.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// The value with all but its first `keep_start` and last `keep_end` characters replaced
    /// by `*`, the way the vendor masks values it returns (see [`mask`]).
    pub fn masked(&self, keep_start: usize, keep_end: usize) -> String {
        mask(&self.0, keep_start, keep_end)
    }
}

impl From<String> for Pii {
    fn from(value: String) -> Self {
        Self(value)
    }
}

impl From<&str> for Pii {
    fn from(value: &str) -> Self {
        Self(value.to_owned())
    }
}

impl fmt::Debug for Pii {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// Masks `value` as the vendor does: the first `keep_start` and last `keep_end` characters
/// stay, every other character becomes `*` (`mask("22212345674", 2, 1)` is `22********4`).
///
/// A value too short to keep anything hidden is masked entirely, so a masked value never
/// reveals a short value in full.
///
/// ```
/// assert_eq!(advanceai_core::mask("22212345674", 2, 1), "22********4");
/// assert_eq!(advanceai_core::mask("abc", 2, 1), "***");
/// ```
pub fn mask(value: &str, keep_start: usize, keep_end: usize) -> String {
    let len = value.chars().count();
    if len <= keep_start + keep_end {
        return "*".repeat(len);
    }
    value
        .chars()
        .enumerate()
        .map(|(i, c)| {
            if i < keep_start || i >= len - keep_end {
                c
            } else {
                '*'
            }
        })
        .collect()
}

/// Fields of a record that this version of the library does not know, kept as sent.
///
/// The server adds fields over time and other markets send other person fields (`ID_NIK`, a
/// per-field `verification` object): they are kept here so re-serializing a record loses
/// nothing. Because such a field may hold personal data, `Debug` shows only the keys.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct UnknownFields(BTreeMap<String, Value>);

impl UnknownFields {
    /// The value of one unknown field.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.get(key)
    }

    /// Adds or replaces a field.
    pub fn insert(&mut self, key: String, value: Value) -> Option<Value> {
        self.0.insert(key, value)
    }

    /// The fields, ordered by key.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Value)> {
        self.0.iter()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }
}

impl FromIterator<(String, Value)> for UnknownFields {
    fn from_iter<I: IntoIterator<Item = (String, Value)>>(iter: I) -> Self {
        Self(iter.into_iter().collect())
    }
}

impl fmt::Debug for UnknownFields {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(self.0.keys().map(|k| (k, Redacted)))
            .finish()
    }
}

/// Stands in for a value in `Debug` output.
pub(crate) struct Redacted;

impl fmt::Debug for Redacted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// Writes the `Debug` of a record whose values are all personal: the name of each present
/// field, each value shown as `<redacted>`, then the unknown fields' keys.
pub(crate) fn debug_present_fields(
    f: &mut fmt::Formatter<'_>,
    name: &str,
    present: &[(&str, bool)],
    unknown_fields: &UnknownFields,
) -> fmt::Result {
    let mut out = f.debug_struct(name);
    for (field, _) in present.iter().filter(|(_, is_present)| *is_present) {
        out.field(field, &Redacted);
    }
    out.field("unknown_fields", unknown_fields).finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_like_the_vendor() {
        assert_eq!(mask("22212345674", 2, 1), "22********4");
        assert_eq!(mask("08123456705", 3, 2), "081******05");
        assert_eq!(mask("TOCHUKWUE", 1, 1), "T*******E");
        assert_eq!(mask("abc", 2, 1), "***");
        assert_eq!(mask("", 2, 1), "");
        assert_eq!(mask("Ọlájídé", 1, 1), "Ọ*****é");
    }
}
