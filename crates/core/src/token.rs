//! Token authentication: the signed token request and the token it returns.

use std::fmt;
use std::ops::RangeInclusive;

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::secret::serialize_exposed;
use crate::{InvalidRequest, Secret};

/// The `periodSecond` values the server accepts (token lifetime in seconds).
pub const PERIOD_SECOND_RANGE: RangeInclusive<u32> = 60..=86_400;
/// The token lifetime the server picks when `periodSecond` is not sent.
pub const DEFAULT_PERIOD_SECOND: u32 = 3_600;
/// How far, in milliseconds, a token request's timestamp may be from the server's clock.
pub const TIMESTAMP_TOLERANCE_MS: u64 = 300_000;

/// The smallest and largest epoch-millisecond values that have 13 digits
/// (2001-09-09 to 2286-11-20).
const THIRTEEN_DIGITS: RangeInclusive<u64> = 1_000_000_000_000..=9_999_999_999_999;

/// The body of `POST /openapi/auth/ticket/v1/generate-token`.
///
/// Built by [`TokenRequest::sign`], which takes the clock as a parameter so that signing is
/// deterministic and testable.
///
/// ```
/// use advanceai_core::{Secret, TokenRequest};
///
/// let request = TokenRequest::sign(
///     &Secret::new("sampleaccesskey"),
///     &Secret::new("samplesecretkey"),
///     1_665_993_522_952,
///     None,
/// )?;
/// assert_eq!(
///     request.signature().expose(),
///     "02209bbeaf0d0a3dd587f6a1ba22f84c98d142e3b545e77db7e4906ca56349f5",
/// );
/// # Ok::<(), advanceai_core::InvalidRequest>(())
/// ```
#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TokenRequest {
    #[serde(serialize_with = "serialize_exposed")]
    access_key: Secret,
    timestamp: String,
    #[serde(serialize_with = "serialize_exposed")]
    signature: Secret,
    #[serde(skip_serializing_if = "Option::is_none")]
    period_second: Option<u32>,
}

impl TokenRequest {
    /// Signs a token request at `now_ms` (epoch milliseconds).
    ///
    /// Refuses empty keys ([`InvalidRequest::CredentialsMissing`]), a clock outside the
    /// 13-digit range ([`InvalidRequest::TimestampInvalid`]) and a `period_second` outside
    /// [`PERIOD_SECOND_RANGE`] ([`InvalidRequest::PeriodSecondOutOfRange`]).
    pub fn sign(
        access_key: &Secret,
        secret_key: &Secret,
        now_ms: u64,
        period_second: Option<u32>,
    ) -> Result<Self, InvalidRequest> {
        if access_key.is_empty() || secret_key.is_empty() {
            return Err(InvalidRequest::CredentialsMissing);
        }
        if !THIRTEEN_DIGITS.contains(&now_ms) {
            return Err(InvalidRequest::TimestampInvalid);
        }
        if period_second.is_some_and(|p| !PERIOD_SECOND_RANGE.contains(&p)) {
            return Err(InvalidRequest::PeriodSecondOutOfRange);
        }
        let timestamp = now_ms.to_string();
        let signature = token_signature(access_key, secret_key, &timestamp);
        Ok(Self {
            access_key: access_key.clone(),
            timestamp,
            signature,
            period_second,
        })
    }

    /// The access key sent.
    pub fn access_key(&self) -> &Secret {
        &self.access_key
    }

    /// The timestamp sent: 13 digits of epoch milliseconds.
    pub fn timestamp(&self) -> &str {
        &self.timestamp
    }

    /// The signature sent.
    pub fn signature(&self) -> &Secret {
        &self.signature
    }

    /// The token lifetime asked for, if any.
    pub fn period_second(&self) -> Option<u32> {
        self.period_second
    }

    /// The JSON body to send.
    pub fn to_json(&self) -> Vec<u8> {
        // Serializing strings and an integer into a Vec cannot fail.
        serde_json::to_vec(self).unwrap_or_default()
    }
}

impl fmt::Debug for TokenRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TokenRequest")
            .field("access_key", &self.access_key)
            .field("timestamp", &self.timestamp)
            .field("signature", &self.signature)
            .field("period_second", &self.period_second)
            .finish()
    }
}

/// The token signature: lowercase hex SHA-256 of `accessKey + secretKey + timestamp`,
/// concatenated with no separator.
///
/// The server computes the same value to check a request; the sandbox uses this function
/// for that, so both sides share one definition.
pub fn token_signature(access_key: &Secret, secret_key: &Secret, timestamp: &str) -> Secret {
    let mut hasher = Sha256::new();
    hasher.update(access_key.expose().as_bytes());
    hasher.update(secret_key.expose().as_bytes());
    hasher.update(timestamp.as_bytes());
    Secret::new(format!("{:x}", hasher.finalize()))
}

wire_record! {
    /// The `data` of a token response.
    #[derive(Debug)]
    pub struct TokenData {
        /// The access token (a JWT today; treat it as opaque). Send it as `X-ACCESS-TOKEN`.
        "token" => pub token: TokenValue,
        /// When the token expires, epoch milliseconds.
        "expiredTime" => pub expired_time: EpochMillis,
    }
    absent = null
}

/// An access token as it travels in a token response: a [`Secret`] that serializes.
///
/// Serializing is how the CLI's `token` command prints it for an operator who asked for it;
/// `Debug` stays redacted.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(transparent)]
pub struct TokenValue(pub Secret);

impl Serialize for TokenValue {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_exposed(&self.0, serializer)
    }
}

/// A point in time as epoch milliseconds (`expiredTime`).
///
/// Accepts a JSON integer or a string of digits: the vendor documents a number, but its
/// timestamps elsewhere travel as strings, and a lenient parse costs nothing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct EpochMillis(pub u64);

impl<'de> serde::Deserialize<'de> for EpochMillis {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MillisVisitor;

        impl serde::de::Visitor<'_> for MillisVisitor {
            type Value = EpochMillis;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("epoch milliseconds as an integer or a string of digits")
            }

            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<EpochMillis, E> {
                Ok(EpochMillis(v))
            }

            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<EpochMillis, E> {
                u64::try_from(v)
                    .map(EpochMillis)
                    .map_err(|_| E::custom("a negative timestamp"))
            }

            // `1665997122952.0`: a whole number written as a decimal.
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<EpochMillis, E> {
                if v.fract() == 0.0 && (0.0..9_007_199_254_740_992.0).contains(&v) {
                    // Exact: a whole, non-negative number below 2^53.
                    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                    Ok(EpochMillis(v as u64))
                } else {
                    Err(E::custom(
                        "a timestamp that is not a whole number of milliseconds",
                    ))
                }
            }

            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<EpochMillis, E> {
                v.parse()
                    .map(EpochMillis)
                    .map_err(|_| E::custom("a timestamp string that is not digits"))
            }
        }

        deserializer.deserialize_any(MillisVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys() -> (Secret, Secret) {
        (
            Secret::new("sampleaccesskey"),
            Secret::new("samplesecretkey"),
        )
    }

    #[test]
    fn vendor_test_vector() {
        let (access, secret) = keys();
        let request = TokenRequest::sign(&access, &secret, 1_665_993_522_952, None).unwrap();
        assert_eq!(request.timestamp(), "1665993522952");
        assert_eq!(
            request.signature().expose(),
            "02209bbeaf0d0a3dd587f6a1ba22f84c98d142e3b545e77db7e4906ca56349f5"
        );
        let body: serde_json::Value = serde_json::from_slice(&request.to_json()).unwrap();
        assert_eq!(
            body,
            serde_json::json!({
                "accessKey": "sampleaccesskey",
                "timestamp": "1665993522952",
                "signature": "02209bbeaf0d0a3dd587f6a1ba22f84c98d142e3b545e77db7e4906ca56349f5",
            })
        );
    }

    #[test]
    fn refuses_what_the_server_refuses() {
        let (access, secret) = keys();
        let empty = Secret::new("");
        assert_eq!(
            TokenRequest::sign(&empty, &secret, 1_665_993_522_952, None).unwrap_err(),
            InvalidRequest::CredentialsMissing
        );
        assert_eq!(
            TokenRequest::sign(&access, &empty, 1_665_993_522_952, None).unwrap_err(),
            InvalidRequest::CredentialsMissing
        );
        // Seconds instead of milliseconds is the classic mistake: 10 digits.
        assert_eq!(
            TokenRequest::sign(&access, &secret, 1_665_993_522, None).unwrap_err(),
            InvalidRequest::TimestampInvalid
        );
        assert_eq!(
            TokenRequest::sign(&access, &secret, 10_000_000_000_000, None).unwrap_err(),
            InvalidRequest::TimestampInvalid
        );
        for bad in [0, 59, 86_401, u32::MAX] {
            assert_eq!(
                TokenRequest::sign(&access, &secret, 1_665_993_522_952, Some(bad)).unwrap_err(),
                InvalidRequest::PeriodSecondOutOfRange
            );
        }
        for good in [60, 3_600, 86_400] {
            let request =
                TokenRequest::sign(&access, &secret, 1_665_993_522_952, Some(good)).unwrap();
            let body: serde_json::Value = serde_json::from_slice(&request.to_json()).unwrap();
            assert_eq!(body["periodSecond"], good);
        }
    }

    #[test]
    fn expired_time_accepts_numbers_and_digit_strings() {
        let parse = |json: &str| serde_json::from_str::<EpochMillis>(json);
        assert_eq!(
            parse("1700000000000").unwrap(),
            EpochMillis(1_700_000_000_000)
        );
        assert_eq!(
            parse("\"1700000000000\"").unwrap(),
            EpochMillis(1_700_000_000_000)
        );
        assert!(parse("-1").is_err());
        assert!(parse("\"soon\"").is_err());
        assert_eq!(
            parse("1665997122952.0").unwrap(),
            EpochMillis(1_665_997_122_952)
        );
        assert!(parse("1.5").is_err());
    }
}
