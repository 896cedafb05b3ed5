//! Request validation that refuses exactly what the server refuses, with its code and message.
//!
//! The rules and messages come from the vendor's database-verification page; the messages
//! are the server's own text, so a caller sees the same words whether the request was
//! refused here or by the server. Where the vendor documents a limit but not a message
//! (Generate URL, Get Result, the token's `periodSecond`) the message is ours and marked so
//! on the variant.
//!
//! # Lengths
//! The server is a Java service: it counts a string's length in UTF-16 code units, not
//! characters or bytes. `"😀"` is one character, four UTF-8 bytes and two UTF-16 units, so a
//! `bizId` of 99 emoji is 198 units long and refused. Counting the same way means this crate
//! never accepts a request the server would refuse for its length.
//!
//! # Missing
//! A field is missing when it is empty. A string of spaces is sent as is: the vendor does not
//! document trimming, and refusing what the server might accept would block real traffic,
//! while the reverse costs only a round trip that the server answers with its own message.

use std::fmt;

use crate::ResponseCode;

/// The longest `bizId` the server accepts, in UTF-16 code units.
pub const BIZ_ID_MAX_LEN: usize = 99;
/// The longest `userId` the server accepts, in UTF-16 code units.
pub const USER_ID_MAX_LEN: usize = 200;
/// The longest `numberType` the server accepts, in UTF-16 code units.
pub const NUMBER_TYPE_MAX_LEN: usize = 30;
/// The longest `returnUrl`, `failReturnUrl` or `callbackUrl` the server accepts.
pub const URL_MAX_LEN: usize = 2048;
/// Schemes the vendor refuses in a redirect URL (its "Redirect URL Requirements" page),
/// whatever the parameter.
pub const RESTRICTED_URL_SCHEMES: &[&str] =
    &["javascript", "data", "file", "about", "blob", "intent"];

/// A request the server would refuse, found before it was sent.
///
/// [`InvalidRequest::code`] and [`InvalidRequest::message`] are what the server would have
/// answered; `Display` shows the message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum InvalidRequest {
    /// `bizId` is empty.
    BizIdMissing,
    /// `bizId` is longer than [`BIZ_ID_MAX_LEN`].
    BizIdTooLong,
    /// `userId` is empty.
    UserIdMissing,
    /// `userId` is longer than [`USER_ID_MAX_LEN`].
    UserIdTooLong,
    /// `region` is empty or not a supported region code.
    RegionInvalid,
    /// `numberType` is empty.
    NumberTypeEmpty,
    /// `numberType` is longer than [`NUMBER_TYPE_MAX_LEN`] or not a type of any region.
    NumberTypeInvalid,
    /// Generate URL: `numberType` is left out or empty (the reference marks it required;
    /// message: the vendor's generic empty-parameter text, inferred to be this case's).
    NumberTypeMissing,
    /// `numberType` is a known type, but not of this region or not in uppercase.
    NumberTypeRegionMismatch,
    /// `numberValue` is empty or not in its type's format.
    NumberValueInvalid,
    /// Generate URL: a given `numberValue` does not have its market's length in digits
    /// ([`crate::Market::number_lengths`]); the vendor's regions page.
    NumberValueFormat,
    /// Generate URL: `numberValue` is left out for a market that requires it (SAID). The
    /// message is the vendor's generic empty-parameter text; that it is this case's is
    /// inferred.
    NumberValueMissing,
    /// Generate URL: `fullName` is left out for a market that requires it (NIK); message as
    /// [`InvalidRequest::NumberValueMissing`].
    FullNameMissing,
    /// Generate URL: `gender` is left out although `numberValue` is given, for a market
    /// that requires them together (DNI); message as [`InvalidRequest::NumberValueMissing`].
    GenderMissing,
    /// Generate URL: `prefersColorScheme` is neither `light` nor `dark`.
    ColorSchemeInvalid,
    /// `returnUrl` is missing, too long or not a URL (message ours: the vendor documents
    /// only its prefix, `Invalid returnUrl…`).
    ReturnUrl(UrlProblem),
    /// `failReturnUrl` is missing, too long or not a URL (message ours).
    FailReturnUrl(UrlProblem),
    /// `callbackUrl` is too long, not a URL, or not `http`/`https` (message ours).
    CallbackUrl(UrlProblem),
    /// Get Result's `signatureId` is empty (message: the vendor's generic empty-parameter
    /// text).
    SignatureIdMissing,
    /// Clear Data's `signatureId` is empty (the server's message, `SignatureId is empty`).
    ClearSignatureIdEmpty,
    /// The token request's access key or secret key is empty.
    CredentialsMissing,
    /// The token request's timestamp is not 13 digits of epoch milliseconds, or is too far
    /// from the server's clock.
    TimestampInvalid,
    /// The token request's signature does not match (reported by the server only).
    SignatureMismatch,
    /// The token request's `periodSecond` is outside 60..=86400 (message ours).
    PeriodSecondOutOfRange,
}

/// What is wrong with a URL parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum UrlProblem {
    /// Required and empty.
    Missing,
    /// Longer than [`URL_MAX_LEN`] UTF-16 code units.
    TooLong,
    /// Not an absolute URL with a scheme.
    Malformed,
    /// A scheme this parameter does not allow (`callbackUrl` allows only `http`/`https`).
    SchemeNotAllowed,
}

impl InvalidRequest {
    /// The code the server answers with: always `PARAMETER_ERROR`.
    pub fn code(&self) -> ResponseCode {
        ResponseCode::ParameterError
    }

    /// The server's message for this rule, verbatim.
    pub fn message(&self) -> &'static str {
        match self {
            Self::BizIdMissing => "BizId is wrong (bizId is missing)",
            Self::BizIdTooLong => "BizId is too long (bizId length exceeds 99)",
            Self::UserIdMissing => "UserId is invalid (userId is missing)",
            Self::UserIdTooLong => "UserId is too long (userId length exceeds 200)",
            Self::RegionInvalid => "Region is wrong (missing or not a supported ISO ALPHA-3 code)",
            Self::NumberTypeEmpty => "numberType is empty",
            Self::NumberTypeInvalid => "numberType is wrong (length > 30 or not a supported type)",
            Self::NumberTypeRegionMismatch => {
                "Number type and country are not match (numberType not in supported set for the region, or not uppercase)"
            }
            Self::NumberValueInvalid => {
                "Invalid ID number, please check the format (numberValue is empty, or fails format validation for the given numberType — e.g. BVN / NIN must be an 11-digit numeric string)"
            }
            Self::NumberValueFormat => "Number is invalid format",
            Self::NumberTypeMissing
            | Self::NumberValueMissing
            | Self::FullNameMissing
            | Self::GenderMissing => "Parameter should not be empty",
            Self::ColorSchemeInvalid => "Prefers color scheme is wrong",
            Self::ReturnUrl(_) => "Invalid returnUrl",
            Self::FailReturnUrl(_) => "Invalid failReturnUrl",
            Self::CallbackUrl(_) => "Invalid callbackUrl",
            Self::SignatureIdMissing | Self::CredentialsMissing => "Parameter should not be empty",
            Self::ClearSignatureIdEmpty => "SignatureId is empty",
            Self::TimestampInvalid => "Timestamp error",
            Self::SignatureMismatch => "Signature error",
            Self::PeriodSecondOutOfRange => "periodSecond must be between 60 and 86400",
        }
    }

    /// The wire name of the offending field.
    pub fn field(&self) -> &'static str {
        match self {
            Self::BizIdMissing | Self::BizIdTooLong => "bizId",
            Self::UserIdMissing | Self::UserIdTooLong => "userId",
            Self::RegionInvalid => "region",
            Self::NumberTypeEmpty
            | Self::NumberTypeInvalid
            | Self::NumberTypeMissing
            | Self::NumberTypeRegionMismatch => "numberType",
            Self::NumberValueInvalid | Self::NumberValueFormat | Self::NumberValueMissing => {
                "numberValue"
            }
            Self::FullNameMissing => "fullName",
            Self::GenderMissing => "gender",
            Self::ColorSchemeInvalid => "prefersColorScheme",
            Self::ReturnUrl(_) => "returnUrl",
            Self::FailReturnUrl(_) => "failReturnUrl",
            Self::CallbackUrl(_) => "callbackUrl",
            Self::SignatureIdMissing | Self::ClearSignatureIdEmpty => "signatureId",
            Self::CredentialsMissing => "accessKey",
            Self::TimestampInvalid => "timestamp",
            Self::SignatureMismatch => "signature",
            Self::PeriodSecondOutOfRange => "periodSecond",
        }
    }
}

impl fmt::Display for InvalidRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message())
    }
}

impl std::error::Error for InvalidRequest {}

/// The length of `value` as a Java server counts it: UTF-16 code units.
pub fn java_length(value: &str) -> usize {
    value.encode_utf16().count()
}

/// Whether `value` is longer than `max` UTF-16 code units.
pub(crate) fn exceeds(value: &str, max: usize) -> bool {
    // A string's UTF-16 length never exceeds its UTF-8 length: short strings need no count.
    value.len() > max && java_length(value) > max
}

/// `bizId` then `userId`, the first two rules of every business request.
pub(crate) fn check_ids(biz_id: &str, user_id: &str) -> Result<(), InvalidRequest> {
    if biz_id.is_empty() {
        return Err(InvalidRequest::BizIdMissing);
    }
    if exceeds(biz_id, BIZ_ID_MAX_LEN) {
        return Err(InvalidRequest::BizIdTooLong);
    }
    if user_id.is_empty() {
        return Err(InvalidRequest::UserIdMissing);
    }
    if exceeds(user_id, USER_ID_MAX_LEN) {
        return Err(InvalidRequest::UserIdTooLong);
    }
    Ok(())
}

/// Checks a URL parameter: required or not, its length, that it is an absolute URL of the
/// form `scheme://host...` (the vendor's "must have a host": `myapp://` is refused), that
/// its scheme is not one of [`RESTRICTED_URL_SCHEMES`], and (when `web_only`) that its
/// scheme is `http` or `https`.
pub(crate) fn check_url(
    value: Option<&str>,
    required: bool,
    web_only: bool,
) -> Result<(), UrlProblem> {
    let value = match value {
        None => {
            return if required {
                Err(UrlProblem::Missing)
            } else {
                Ok(())
            };
        }
        Some("") if required => return Err(UrlProblem::Missing),
        Some(v) => v,
    };
    if exceeds(value, URL_MAX_LEN) {
        return Err(UrlProblem::TooLong);
    }
    // The string is sent as typed, so it must already be clean: no spaces or control
    // characters for the URL parser to quietly strip, and an explicit `scheme://` (the
    // vendor's "https:// or an app scheme such as myapp://"), which also refuses
    // `javascript:` and `http:example.com`.
    if value.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(UrlProblem::Malformed);
    }
    let url = url::Url::parse(value).map_err(|_| UrlProblem::Malformed)?;
    if web_only && !matches!(url.scheme(), "http" | "https") {
        return Err(UrlProblem::SchemeNotAllowed);
    }
    // A scheme is ASCII, so its length is a byte offset into `value`.
    let explicit_authority = value
        .get(url.scheme().len()..)
        .is_some_and(|rest| rest.starts_with("://"));
    if !explicit_authority || url.host_str().is_none_or(str::is_empty) {
        return Err(UrlProblem::Malformed);
    }
    if RESTRICTED_URL_SCHEMES.contains(&url.scheme()) {
        return Err(UrlProblem::SchemeNotAllowed);
    }
    Ok(())
}
