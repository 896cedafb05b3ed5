//! Token authentication: the signed token request and the token it returns.

use std::fmt;
use std::ops::RangeInclusive;

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::pii::Redacted;
use crate::secret::serialize_exposed;
use crate::{InvalidRequest, Secret};

/// The `periodSecond` values the server accepts (token lifetime in seconds).
pub const PERIOD_SECOND_RANGE: RangeInclusive<u32> = 60..=86_400;
/// The token lifetime the server picks when `periodSecond` is not sent.
pub const DEFAULT_PERIOD_SECOND: u32 = 3_600;
/// How far, in milliseconds, a token request's timestamp may be from the server's clock.
pub const TIMESTAMP_TOLERANCE_MS: u64 = 300_000;

/// How many digits a token request's timestamp has: epoch milliseconds from 2001-09-09 to
/// 2286-11-20.
const TIMESTAMP_DIGITS: usize = 13;

/// Checks a token request's `timestamp` as the server does: exactly 13 ASCII digits of epoch
/// milliseconds, within [`TIMESTAMP_TOLERANCE_MS`] of `now_ms` (the server's clock).
///
/// One rule for both sides: [`TokenRequest::sign`] refuses a clock that would break it, and
/// [`ReceivedTokenRequest::check`] (the sandbox's token endpoint) refuses a request that
/// breaks it, both with [`InvalidRequest::TimestampInvalid`].
///
/// ```
/// use advanceai_core::{InvalidRequest, check_timestamp};
///
/// assert_eq!(check_timestamp("1665993522952", 1_665_993_600_000), Ok(()));
/// // Seconds instead of milliseconds.
/// assert_eq!(
///     check_timestamp("1665993522", 1_665_993_600_000),
///     Err(InvalidRequest::TimestampInvalid)
/// );
/// ```
pub fn check_timestamp(text: &str, now_ms: u64) -> Result<(), InvalidRequest> {
    let well_formed = text.len() == TIMESTAMP_DIGITS && text.bytes().all(|b| b.is_ascii_digit());
    let in_time = well_formed
        && text
            .parse::<u64>()
            .is_ok_and(|ts| ts.abs_diff(now_ms) <= TIMESTAMP_TOLERANCE_MS);
    if in_time {
        Ok(())
    } else {
        Err(InvalidRequest::TimestampInvalid)
    }
}

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
    /// Refuses empty keys ([`InvalidRequest::CredentialsMissing`]), a clock whose timestamp
    /// [`check_timestamp`] refuses, i.e. not 13 digits ([`InvalidRequest::TimestampInvalid`]),
    /// and a `period_second` outside
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
        let timestamp = now_ms.to_string();
        check_timestamp(&timestamp, now_ms)?;
        if period_second.is_some_and(|p| !PERIOD_SECOND_RANGE.contains(&p)) {
            return Err(InvalidRequest::PeriodSecondOutOfRange);
        }
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
/// The server computes the same value to check a request ([`ReceivedTokenRequest::check`],
/// which the sandbox uses), so both sides share one definition.
pub fn token_signature(access_key: &Secret, secret_key: &Secret, timestamp: &str) -> Secret {
    let mut hasher = Sha256::new();
    hasher.update(access_key.expose().as_bytes());
    hasher.update(secret_key.expose().as_bytes());
    hasher.update(timestamp.as_bytes());
    Secret::new(format!("{:x}", hasher.finalize()))
}

/// A token request as a server received it: the three texts, each empty when it was
/// missing.
///
/// The server's side of [`TokenRequest::sign`]: [`ReceivedTokenRequest::check`] applies the
/// same rules, so what this library signs is what the sandbox accepts. `Debug` redacts the
/// access key and the signature.
///
/// ```
/// use advanceai_core::{InvalidRequest, ReceivedTokenRequest, Secret};
///
/// let received = ReceivedTokenRequest {
///     access_key: "sampleaccesskey",
///     timestamp: "1665993522952",
///     signature: "02209bbeaf0d0a3dd587f6a1ba22f84c98d142e3b545e77db7e4906ca56349f5",
/// };
/// let (access, secret) = (Secret::new("sampleaccesskey"), Secret::new("samplesecretkey"));
/// assert_eq!(received.check(&access, &secret, 1_665_993_522_952), Ok(()));
/// assert_eq!(
///     received.check(&access, &Secret::new("other"), 1_665_993_522_952),
///     Err(InvalidRequest::SignatureMismatch)
/// );
/// ```
#[derive(Clone, Copy)]
pub struct ReceivedTokenRequest<'a> {
    /// `accessKey` as sent.
    pub access_key: &'a str,
    /// `timestamp` as sent (a JSON number written out as its digits).
    pub timestamp: &'a str,
    /// `signature` as sent.
    pub signature: &'a str,
}

impl ReceivedTokenRequest<'_> {
    /// Checks the request against the account's keys at `now_ms`, in the server's order:
    /// every field present ([`InvalidRequest::CredentialsMissing`]), the timestamp
    /// ([`check_timestamp`]), then the access key and the signature, compared ignoring
    /// ASCII case ([`InvalidRequest::SignatureMismatch`]).
    ///
    /// An unknown access key gets the same answer as a wrong signature (unconfirmed: the
    /// vendor may answer `CLIENT_ERROR`; a one-line change here).
    pub fn check(
        &self,
        access_key: &Secret,
        secret_key: &Secret,
        now_ms: u64,
    ) -> Result<(), InvalidRequest> {
        if self.access_key.is_empty() || self.timestamp.is_empty() || self.signature.is_empty() {
            return Err(InvalidRequest::CredentialsMissing);
        }
        check_timestamp(self.timestamp, now_ms)?;
        let expected = token_signature(access_key, secret_key, self.timestamp);
        if self.access_key != access_key.expose()
            || !self.signature.eq_ignore_ascii_case(expected.expose())
        {
            return Err(InvalidRequest::SignatureMismatch);
        }
        Ok(())
    }
}

impl fmt::Debug for ReceivedTokenRequest<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ReceivedTokenRequest")
            .field("access_key", &Redacted)
            .field("timestamp", &self.timestamp)
            .field("signature", &Redacted)
            .finish()
    }
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
    fn timestamps_the_server_accepts() {
        let now = 1_665_993_522_952;
        for good in [
            now,
            now - TIMESTAMP_TOLERANCE_MS,
            now + TIMESTAMP_TOLERANCE_MS,
        ] {
            assert_eq!(check_timestamp(&good.to_string(), now), Ok(()), "{good}");
        }
        let late = (now + TIMESTAMP_TOLERANCE_MS + 1).to_string();
        let early = (now - TIMESTAMP_TOLERANCE_MS - 1).to_string();
        for bad in [
            "",
            "1665993522",
            "16659935229520",
            "17000000000ab",
            " 1665993522952",
            "+665993522952",
            "１６６５９９３５２２９５２",
            &late,
            &early,
        ] {
            assert_eq!(
                check_timestamp(bad, now),
                Err(InvalidRequest::TimestampInvalid),
                "{bad}"
            );
        }
    }

    #[test]
    fn a_received_request_is_checked_in_the_servers_order() {
        let (access, secret) = keys();
        let now = 1_665_993_522_952;
        let signed = TokenRequest::sign(&access, &secret, now, None).unwrap();
        let good = ReceivedTokenRequest {
            access_key: signed.access_key().expose(),
            timestamp: signed.timestamp(),
            signature: signed.signature().expose(),
        };
        assert_eq!(good.check(&access, &secret, now), Ok(()));
        let upper = signed.signature().expose().to_ascii_uppercase();
        let shouting = ReceivedTokenRequest {
            signature: &upper,
            ..good
        };
        assert_eq!(shouting.check(&access, &secret, now), Ok(()));
        for missing in [
            ReceivedTokenRequest {
                access_key: "",
                ..good
            },
            ReceivedTokenRequest {
                timestamp: "",
                ..good
            },
            ReceivedTokenRequest {
                signature: "",
                ..good
            },
        ] {
            assert_eq!(
                missing.check(&access, &secret, now),
                Err(InvalidRequest::CredentialsMissing)
            );
        }
        // The timestamp is judged before the signature, by the server's clock.
        let stale = ReceivedTokenRequest {
            signature: "0",
            ..good
        };
        assert_eq!(
            stale.check(&access, &secret, now + TIMESTAMP_TOLERANCE_MS + 1),
            Err(InvalidRequest::TimestampInvalid)
        );
        assert_eq!(
            stale.check(&access, &secret, now),
            Err(InvalidRequest::SignatureMismatch)
        );
        let stranger = ReceivedTokenRequest {
            access_key: "someone-else",
            ..good
        };
        assert_eq!(
            stranger.check(&access, &secret, now),
            Err(InvalidRequest::SignatureMismatch)
        );
        let debug = format!("{good:?}");
        assert!(!debug.contains("sampleaccesskey") && !debug.contains(good.signature));
        assert!(debug.contains("1665993522952"));
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
