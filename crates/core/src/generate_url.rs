//! H5 Generate Non-Document Verification URL: the request that creates a transaction and
//! its hosted page.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::market::{MARKETS, Market, Requirement};
use crate::validate::{NUMBER_TYPE_MAX_LEN, check_ids, check_url, exceeds};
use crate::verification::string_or_null;
use crate::{EpochMillis, InvalidRequest, Pii};

/// The body of `POST .../idvs-h5/ekyc/v1/generate-non-document-verification-url`: the
/// Non-Document Verification H5 page for one market ([`crate::MARKETS`]).
///
/// ```
/// use advanceai_core::{GenerateUrlRequest, InvalidRequest, Pii};
///
/// let mut request = GenerateUrlRequest::new(
///     "order-1", "user-1", "NGA", "BVN", "https://example.com/ok", "https://example.com/fail",
/// );
/// request.callback_url = Some("https://example.com/hook?auth=abc".into());
/// assert_eq!(request.validate(), Ok(()));
///
/// // Each market's rules: a NIK needs the full name, a DNI number its gender.
/// request.region = "IDN".into();
/// request.number_type = Some("NIK".into());
/// assert_eq!(request.validate(), Err(InvalidRequest::FullNameMissing));
/// request.full_name = Some(Pii::new("Rina Wijaya"));
/// request.number_value = Some(Pii::new("317123456789"));
/// assert_eq!(request.validate().unwrap_err().message(), "Number is invalid format");
/// ```
///
/// `Debug` hides `numberValue` and `fullName` (personal data) and the query string and
/// fragment of every URL: the vendor's callback is unsigned, so callers put an
/// authorization token in `callbackUrl`'s query string.
///
/// There is no `productLevel`: no version of the vendor's Non-Doc page has one (it belongs
/// to the Document Verification, eKYC, Liveness and Face Authentication pages).
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct GenerateUrlRequest {
    /// Your business id; 1 to 99 UTF-16 units.
    #[serde(deserialize_with = "string_or_null")]
    pub biz_id: String,
    /// Your user id; 1 to 200 UTF-16 units.
    #[serde(deserialize_with = "string_or_null")]
    pub user_id: String,
    /// ISO 3166-1 alpha-3 region of the user's ID: a region of [`crate::MARKETS`].
    #[serde(deserialize_with = "string_or_null")]
    pub region: String,
    /// The ID type, paired with `region` in [`crate::MARKETS`] (`BVN`, `NIN`, `NIK`, `CPF`,
    /// `DNI`, `SAID`; not Get Result's `NG_BVN`). Required: [`GenerateUrlRequest::validate`]
    /// refuses a request without one. It is an `Option` so a request read from JSON that
    /// lacks it parses and is then refused with the server's message, not a parse error.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number_type: Option<String>,
    /// The ID number; left out, the user types it on the page (SAID requires it). Its
    /// length in digits is checked per market.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number_value: Option<Pii>,
    /// The person's full name; required for NIK (Get Result echoes it back).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub full_name: Option<Pii>,
    /// The person's gender; DNI requires it with a `numberValue`. The vendor does not
    /// document its values, so any text is sent as given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gender: Option<String>,
    /// Where the page sends the user after completing the flow: `https://` or an app
    /// scheme (`myapp://`).
    #[serde(deserialize_with = "string_or_null")]
    pub return_url: String,
    /// Where the page sends the user when the flow is not completed.
    #[serde(deserialize_with = "string_or_null")]
    pub fail_return_url: String,
    /// Where the vendor posts a [`crate::CallbackNotification`]; `http` or `https` only. The
    /// callback is unsigned: put an authorization token in its query string.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub callback_url: Option<String>,
    /// The page's language (`en-US`); an unmatched language falls back to the browser's,
    /// then English.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The page's colour scheme.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prefers_color_scheme: Option<ColorScheme>,
    /// `ignoreFailWhenJump` (the vendor's example sends `false`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ignore_fail_when_jump: Option<bool>,
    /// Your business type for this user (the vendor's example: `WhiteCard`). Not checked:
    /// the 32 letters-and-digits limit is a sibling product's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub biz_code: Option<String>,
    /// Whether the page may be embedded in an iframe; `false` redirects to `returnUrl` /
    /// `failReturnUrl` instead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub iframe_enabled: Option<bool>,
}

impl GenerateUrlRequest {
    /// A request with the required fields; set the optional ones on the result.
    pub fn new(
        biz_id: impl Into<String>,
        user_id: impl Into<String>,
        region: impl Into<String>,
        number_type: impl Into<String>,
        return_url: impl Into<String>,
        fail_return_url: impl Into<String>,
    ) -> Self {
        Self {
            biz_id: biz_id.into(),
            user_id: user_id.into(),
            region: region.into(),
            number_type: Some(number_type.into()),
            return_url: return_url.into(),
            fail_return_url: fail_return_url.into(),
            ..Self::default()
        }
    }

    /// The market of this request's `region` and `numberType`, when the table has it
    /// (`numberType` matched in any ASCII case).
    pub fn market(&self) -> Option<&'static Market> {
        let number_type = self.number_type.as_deref()?;
        MARKETS
            .iter()
            .find(|m| m.region == self.region && m.number_type.eq_ignore_ascii_case(number_type))
    }

    /// Checks the request against the vendor's rules and returns the first one broken.
    ///
    /// The order (the server's is not documented): `bizId`, `userId` (the limits of
    /// database verification, on the same path family); `region`, one of
    /// [`crate::MARKETS`]; `numberType`, required (the reference's "Yes"), at most 30
    /// units, a type of the table, and the type of this region (else `Region is wrong`, as
    /// the vendor pairs them);
    /// `numberValue`, required for SAID, and when given its market's length in digits;
    /// `fullName` for NIK; `gender` with a DNI `numberValue`; `prefersColorScheme`;
    /// `returnUrl`, `failReturnUrl`, `callbackUrl`.
    ///
    /// Where the vendor is silent nothing is refused: `numberType` is matched in any case
    /// (the Non-Doc page states no case rule); an empty `numberValue`,
    /// `fullName` or `gender` counts as left out; characters other than digits in
    /// `numberValue` are left to the server; `gender`, `language` and `bizCode` are sent
    /// as given; a field a market does not use ("—") is sent, not refused.
    ///
    /// Return URLs may use any scheme (`https://`, `myapp://`, and `http://` for local
    /// testing) but not `javascript`, `data`, `file`, `about`, `blob` or `intent`, and need
    /// a host; `callbackUrl` is `http` or `https` only.
    pub fn validate(&self) -> Result<(), InvalidRequest> {
        check_ids(&self.biz_id, &self.user_id)?;
        if !Market::is_region(&self.region) {
            return Err(InvalidRequest::RegionInvalid);
        }
        let number_type = match self.number_type.as_deref() {
            None | Some("") => return Err(InvalidRequest::NumberTypeMissing),
            Some(number_type) => number_type,
        };
        if exceeds(number_type, NUMBER_TYPE_MAX_LEN)
            || Market::by_number_type_any_case(number_type).is_none()
        {
            return Err(InvalidRequest::NumberTypeInvalid);
        }
        let market = self.market().ok_or(InvalidRequest::RegionInvalid)?;
        self.check_person(market)?;
        if let Some(ColorScheme::Unknown(_)) = self.prefers_color_scheme {
            return Err(InvalidRequest::ColorSchemeInvalid);
        }
        check_url(Some(&self.return_url), true, false).map_err(InvalidRequest::ReturnUrl)?;
        check_url(Some(&self.fail_return_url), true, false)
            .map_err(InvalidRequest::FailReturnUrl)?;
        check_url(self.callback_url.as_deref(), false, true)
            .map_err(InvalidRequest::CallbackUrl)?;
        Ok(())
    }

    /// `numberValue`, `fullName` and `gender` by the market's rules.
    fn check_person(&self, market: &Market) -> Result<(), InvalidRequest> {
        let given = |value: Option<&str>| value.is_some_and(|v| !v.is_empty());
        let number = self.number_value.as_ref().map(Pii::expose);
        let has_number = given(number);
        if market.number_value == Requirement::Required && !has_number {
            return Err(InvalidRequest::NumberValueMissing);
        }
        if let Some(number) = number.filter(|n| !n.is_empty()) {
            if !market.accepts_number(number) {
                return Err(InvalidRequest::NumberValueFormat);
            }
        }
        if market.full_name == Requirement::Required
            && !given(self.full_name.as_ref().map(Pii::expose))
        {
            return Err(InvalidRequest::FullNameMissing);
        }
        let gender_needed = match market.gender {
            Requirement::Required => true,
            Requirement::RequiredWithNumber => has_number,
            _ => false,
        };
        if gender_needed && !given(self.gender.as_deref()) {
            return Err(InvalidRequest::GenderMissing);
        }
        Ok(())
    }

    /// The JSON body to send.
    pub fn to_json(&self) -> Vec<u8> {
        // Serializing a struct of strings into a Vec cannot fail.
        serde_json::to_vec(self).unwrap_or_default()
    }
}

impl fmt::Debug for GenerateUrlRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("GenerateUrlRequest")
            .field("biz_id", &self.biz_id)
            .field("user_id", &self.user_id)
            .field("region", &self.region)
            .field("number_type", &self.number_type)
            .field("number_value", &self.number_value)
            .field("full_name", &self.full_name)
            // A person's gender, like every person field: only whether it is there.
            .field("gender", &self.gender.as_ref().map(|_| "<redacted>"))
            .field("return_url", &without_query(&self.return_url))
            .field("fail_return_url", &without_query(&self.fail_return_url))
            .field(
                "callback_url",
                &self.callback_url.as_deref().map(without_query),
            )
            .field("language", &self.language)
            .field("prefers_color_scheme", &self.prefers_color_scheme)
            .field("ignore_fail_when_jump", &self.ignore_fail_when_jump)
            .field("biz_code", &self.biz_code)
            .field("iframe_enabled", &self.iframe_enabled)
            .finish()
    }
}

/// A URL with its query string and fragment replaced by `<redacted>`.
fn without_query(url: &str) -> String {
    match url.find(['?', '#']) {
        Some(cut) => format!("{}?<redacted>", &url[..cut]),
        None => url.to_owned(),
    }
}

wire_enum! {
    /// `prefersColorScheme` of the H5 page.
    pub enum ColorScheme {
        /// Light.
        Light = "light",
        /// Dark.
        Dark = "dark",
    }
}

wire_record! {
    /// The `data` of a Generate URL response.
    #[derive(Debug)]
    pub struct GenerateUrlData {
        /// The id to fetch the result with.
        "signatureId" => pub signature_id: String,
        /// The page to send the end user to; valid about an hour.
        "url" => pub url: String,
        /// When the page expires, epoch milliseconds. Unconfirmed by the vendor's pages, so
        /// optional like every field.
        "expiredTime" => pub expired_time: EpochMillis,
    }
    absent = null
}

#[cfg(test)]
mod tests;
