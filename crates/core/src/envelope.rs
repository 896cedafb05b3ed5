//! The envelope every response comes in.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeOwned, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use crate::pii::Redacted;
use crate::wire::Key;
use crate::{ResponseCode, UnknownFields};

/// `{code, message, data, extra, transactionId, pricingStrategy}`: the envelope of every
/// response, generic over the endpoint's `data`.
///
/// Only `code` is required: a JSON object without it is not an envelope (see
/// [`crate::ParseErrorKind::MissingCode`]). Every other field may be absent or `null`;
/// `extra` may be any JSON; fields the vendor adds later are kept in `unknown_fields`.
#[derive(Clone, PartialEq)]
#[non_exhaustive]
pub struct Envelope<T> {
    /// Whether the request was processed.
    pub code: ResponseCode,
    /// The server's explanation of `code` (`OK`, or the rule a parameter broke).
    pub message: Option<String>,
    /// The endpoint's result; `None` when absent or `null` (always the case on errors).
    pub data: Option<T>,
    /// Extra response information (an exception message), any JSON.
    pub extra: Option<Value>,
    /// The vendor's id of this API call (at most 64 characters); quote it to support.
    pub transaction_id: Option<String>,
    /// Deprecated by the vendor; always `FREE` when present.
    pub pricing_strategy: Option<String>,
    /// Envelope fields this version of the library does not know, kept as sent.
    pub unknown_fields: UnknownFields,
}

/// Why an envelope carries no usable `data`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EnvelopeError {
    /// The server answered with a code other than `SUCCESS`.
    #[error(transparent)]
    Api(#[from] ApiError),
    /// The server answered `SUCCESS` but sent no `data` object.
    #[error("the server answered SUCCESS without a data object (transactionId {})", .transaction_id.as_deref().unwrap_or("none"))]
    MissingData {
        /// The vendor's id of the call.
        transaction_id: Option<String>,
    },
}

/// A non-`SUCCESS` answer from the server: its code, message and transaction id.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{code}: {message} (transactionId {})", .transaction_id.as_deref().unwrap_or("none"))]
pub struct ApiError {
    /// The envelope's code.
    pub code: ResponseCode,
    /// The envelope's message, or an empty string when the server sent none.
    pub message: String,
    /// The vendor's id of the call.
    pub transaction_id: Option<String>,
}

impl ApiError {
    /// Whether sending the same request again later may succeed (see
    /// [`ResponseCode::is_transient`]).
    pub fn is_transient(&self) -> bool {
        self.code.is_transient()
    }
}

impl<T> Envelope<T> {
    /// An envelope with the given code and nothing else; the starting point for building
    /// responses (the sandbox does) and test values.
    pub fn new(code: ResponseCode) -> Self {
        Self {
            code,
            message: None,
            data: None,
            extra: None,
            transaction_id: None,
            pricing_strategy: None,
            unknown_fields: UnknownFields::default(),
        }
    }

    /// Whether the server answered `SUCCESS`.
    pub fn is_success(&self) -> bool {
        self.code.is_success()
    }

    /// The `data` of a `SUCCESS` answer, or why there is none.
    ///
    /// This is strict on purpose: a `SUCCESS` without `data` is an error, not an empty
    /// result, and any other code is an [`ApiError`] even if it carries data.
    pub fn into_data(self) -> Result<T, EnvelopeError> {
        match (self.code, self.data) {
            (ResponseCode::Success, Some(data)) => Ok(data),
            (ResponseCode::Success, None) => Err(EnvelopeError::MissingData {
                transaction_id: self.transaction_id,
            }),
            (code, _) => Err(EnvelopeError::Api(ApiError {
                code,
                message: self.message.unwrap_or_default(),
                transaction_id: self.transaction_id,
            })),
        }
    }
}

/// The envelope's documented field names (its `Envelope::FIELDS`).
const ENVELOPE_FIELDS: &[&str] = &[
    "code",
    "message",
    "data",
    "extra",
    "transactionId",
    "pricingStrategy",
];

impl<T> Envelope<T> {
    /// The envelope's documented wire names (`code`, `message`, `data`, `extra`,
    /// `transactionId`, `pricingStrategy`); any other key is kept as an unknown field.
    pub const FIELDS: &'static [&'static str] = ENVELOPE_FIELDS;
}

impl<T: fmt::Debug> fmt::Debug for Envelope<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Envelope")
            .field("code", &self.code)
            .field("message", &self.message)
            .field("data", &self.data)
            // `extra` is free-form and may echo the request; show only whether it is there.
            .field("extra", &self.extra.as_ref().map(|_| Redacted))
            .field("transaction_id", &self.transaction_id)
            .field("pricing_strategy", &self.pricing_strategy)
            .field("unknown_fields", &self.unknown_fields)
            .finish()
    }
}

/// Normalized: every documented envelope field is written, `null` when absent, in the
/// order the vendor documents them; unknown fields follow.
impl<T: Serialize> Serialize for Envelope<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("code", &self.code)?;
        map.serialize_entry("message", &self.message)?;
        map.serialize_entry("data", &self.data)?;
        map.serialize_entry("extra", &self.extra)?;
        map.serialize_entry("transactionId", &self.transaction_id)?;
        map.serialize_entry("pricingStrategy", &self.pricing_strategy)?;
        for (key, value) in self.unknown_fields.iter() {
            if !ENVELOPE_FIELDS.contains(&key.as_str()) {
                map.serialize_entry(key, value)?;
            }
        }
        map.end()
    }
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for Envelope<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(EnvelopeVisitor(PhantomData))
    }
}

struct EnvelopeVisitor<T>(PhantomData<T>);

/// Records a documented field, refusing a second copy: two `code`s make an answer ambiguous.
fn set_once<T, E: de::Error>(slot: &mut Option<T>, value: T, name: &'static str) -> Result<(), E> {
    if slot.is_some() {
        return Err(E::duplicate_field(name));
    }
    *slot = Some(value);
    Ok(())
}

impl<'de, T: DeserializeOwned> Visitor<'de> for EnvelopeVisitor<T> {
    type Value = Envelope<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a response envelope object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut code: Option<ResponseCode> = None;
        let mut message: Option<Option<String>> = None;
        let mut data: Option<Option<T>> = None;
        let mut extra: Option<Option<Value>> = None;
        let mut transaction_id: Option<Option<String>> = None;
        let mut pricing_strategy: Option<Option<String>> = None;
        let mut unknown_fields = UnknownFields::default();
        while let Some(key) = map.next_key::<Key<'de>>()? {
            match key.as_str() {
                "code" => set_once(&mut code, map.next_value()?, "code")?,
                "message" => set_once(&mut message, map.next_value()?, "message")?,
                "data" => set_once(&mut data, map.next_value()?, "data")?,
                // `Option<Value>` would turn `null` into `None`: the same thing here.
                "extra" => set_once(&mut extra, map.next_value()?, "extra")?,
                "transactionId" => {
                    set_once(&mut transaction_id, map.next_value()?, "transactionId")?
                }
                "pricingStrategy" => {
                    set_once(&mut pricing_strategy, map.next_value()?, "pricingStrategy")?
                }
                _ => {
                    let value: Value = map.next_value()?;
                    unknown_fields.insert(key.into_owned(), value);
                }
            }
        }
        Ok(Envelope {
            code: code.ok_or_else(|| de::Error::missing_field("code"))?,
            message: message.flatten(),
            data: data.flatten(),
            extra: extra.flatten(),
            transaction_id: transaction_id.flatten(),
            pricing_strategy: pricing_strategy.flatten(),
            unknown_fields,
        })
    }
}
