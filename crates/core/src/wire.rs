//! The two shapes every wire type in this crate takes, written once as macros.
//!
//! * [`wire_enum!`]: a string enum whose unknown values parse into `Unknown(String)` and
//!   keep their text, so a code the vendor adds tomorrow never breaks a caller today.
//! * [`wire_record!`]: a JSON object whose documented fields are all optional (the vendor
//!   omits "Always" fields in its own examples, and sends `null` and absent interchangeably),
//!   and whose undocumented fields are kept in [`UnknownFields`] so nothing the server sends
//!   is dropped.
//!
//! Both are deserialized with hand-rolled visitors rather than `#[serde(flatten)]`: flatten
//! buffers the whole object before matching fields, which makes typed parsing slower than
//! parsing into `serde_json::Value`. The visitors match keys borrowed from the input and only
//! allocate for values they keep.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, Visitor};

/// A JSON object key, borrowed from the input when it has no escape sequences.
pub(crate) struct Key<'de>(Cow<'de, str>);

impl Key<'_> {
    pub(crate) fn as_str(&self) -> &str {
        &self.0
    }

    pub(crate) fn into_owned(self) -> String {
        self.0.into_owned()
    }
}

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;

        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object key")
            }

            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Key(Cow::Borrowed(v)))
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Key(Cow::Owned(v.to_owned())))
            }

            fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(Key(Cow::Owned(v)))
            }
        }

        deserializer.deserialize_str(KeyVisitor)
    }
}

/// Defines a string enum with an `Unknown(String)` fallback.
///
/// Generates `as_str`, `from_wire`, `is_unknown`, `KNOWN`, `Display`, `FromStr`
/// (infallible), `From<&str>`, `Serialize` and `Deserialize`. With `custom_from_wire` the
/// type writes its own `from_wire` (for aliases or case folding) on top of the generated
/// exact-match `from_known`.
macro_rules! wire_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $wire:literal, )+
        }
    ) => {
        wire_enum! {
            @define
            $(#[$meta])*
            pub enum $name { $( $(#[$vmeta])* $variant = $wire, )+ }
        }

        impl $name {
            /// Parses a wire value; anything not documented becomes `Unknown` with its text kept.
            pub fn from_wire(value: &str) -> Self {
                Self::from_known(value).unwrap_or_else(|| Self::Unknown(value.to_owned()))
            }
        }
    };
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $wire:literal, )+
        }
        custom_from_wire
    ) => {
        wire_enum! {
            @define
            $(#[$meta])*
            pub enum $name { $( $(#[$vmeta])* $variant = $wire, )+ }
        }
    };
    (
        @define
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $wire:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
            /// A value this version of the library does not know, kept exactly as sent.
            Unknown(String),
        }

        impl $name {
            /// Every documented value, in documentation order.
            pub const KNOWN: &'static [$name] = &[ $( $name::$variant, )+ ];

            /// The value as it appears on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    $( $name::$variant => $wire, )+
                    $name::Unknown(other) => other,
                }
            }

            /// The documented variant spelled exactly `value`, if any.
            pub fn from_known(value: &str) -> Option<Self> {
                match value {
                    $( $wire => Some($name::$variant), )+
                    _ => None,
                }
            }

            /// Whether this is a value this version of the library does not know.
            pub fn is_unknown(&self) -> bool {
                matches!(self, $name::Unknown(_))
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = ::std::convert::Infallible;

            fn from_str(value: &str) -> Result<Self, Self::Err> {
                Ok(Self::from_wire(value))
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                Self::from_wire(value)
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct EnumVisitor;

                impl ::serde::de::Visitor<'_> for EnumVisitor {
                    type Value = $name;

                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(concat!("a ", stringify!($name), " string"))
                    }

                    fn visit_str<E: ::serde::de::Error>(self, value: &str) -> Result<$name, E> {
                        Ok($name::from_wire(value))
                    }
                }

                deserializer.deserialize_str(EnumVisitor)
            }
        }
    };
}

/// Defines a lenient JSON record: every documented field optional, unknown fields kept.
///
/// `absent = null` serializes a missing field as `null` (used for `data` objects, so the
/// normalized JSON always shows every documented field); `absent = skip` leaves it out (used
/// for nested records such as the person record, whose two shapes would otherwise fill each
/// other with nulls). A documented field sent twice is an error: two `overallResult` values
/// would make the answer ambiguous. The struct gets `Default`, `Clone`, `PartialEq`,
/// `Serialize` and `Deserialize`; `Debug` is the caller's choice (derived, or written to
/// redact).
macro_rules! wire_record {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $(
                $(#[$fmeta:meta])*
                $wire:literal => pub $field:ident : $ty:ty,
            )+
        }
        absent = $absent:ident
    ) => {
        $(#[$meta])*
        #[derive(Clone, Default, PartialEq)]
        #[non_exhaustive]
        pub struct $name {
            $(
                $(#[$fmeta])*
                pub $field: Option<$ty>,
            )+
            /// Fields this version of the library does not know, kept as sent.
            pub unknown_fields: $crate::UnknownFields,
        }

        impl $name {
            /// The documented wire names of this record's fields.
            pub const FIELDS: &'static [&'static str] = &[ $( $wire, )+ ];
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                use ::serde::ser::SerializeMap as _;
                let mut map = serializer.serialize_map(None)?;
                $( wire_record!(@serialize_field map, $absent, $wire, &self.$field); )+
                for (key, value) in self.unknown_fields.iter() {
                    // A hand-built record could put a documented name in the map too; the
                    // typed field wins so the output never has a key twice.
                    if !Self::FIELDS.contains(&key.as_str()) {
                        map.serialize_entry(key, value)?;
                    }
                }
                map.end()
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct RecordVisitor;

                impl<'de> ::serde::de::Visitor<'de> for RecordVisitor {
                    type Value = $name;

                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(concat!("a ", stringify!($name), " object"))
                    }

                    fn visit_map<A: ::serde::de::MapAccess<'de>>(self, mut map: A) -> Result<$name, A::Error> {
                        $( let mut $field: Option<Option<$ty>> = None; )+
                        let mut unknown_fields = $crate::UnknownFields::default();
                        while let Some(key) = map.next_key::<$crate::wire::Key<'de>>()? {
                            match key.as_str() {
                                $(
                                    $wire => {
                                        if $field.is_some() {
                                            return Err(<A::Error as ::serde::de::Error>::duplicate_field($wire));
                                        }
                                        $field = Some(map.next_value::<Option<$ty>>()?);
                                    }
                                )+
                                _ => {
                                    let value: ::serde_json::Value = map.next_value()?;
                                    unknown_fields.insert(key.into_owned(), value);
                                }
                            }
                        }
                        Ok($name {
                            $( $field: $field.flatten(), )+
                            unknown_fields,
                        })
                    }
                }

                deserializer.deserialize_map(RecordVisitor)
            }
        }
    };
    (@serialize_field $map:ident, null, $wire:literal, $value:expr) => {
        $map.serialize_entry($wire, $value)?;
    };
    (@serialize_field $map:ident, skip, $wire:literal, $value:expr) => {
        if let Some(value) = $value {
            $map.serialize_entry($wire, value)?;
        }
    };
}
