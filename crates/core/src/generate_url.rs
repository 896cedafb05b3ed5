//! H5 Generate URL: the request that creates a transaction and its hosted page.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::validate::{NUMBER_TYPE_MAX_LEN, check_ids, check_url, exceeds};
use crate::verification::string_or_null;
use crate::{EpochMillis, InvalidRequest};

/// The body of `POST .../idvs-h5/ekyc/v1/generate-url`.
///
/// ```
/// use advanceai_core::GenerateUrlRequest;
///
/// let mut request = GenerateUrlRequest::new(
///     "order-1", "user-1", "NGA", "https://example.com/ok", "https://example.com/fail",
/// );
/// request.number_type = Some("BVN".into());
/// request.callback_url = Some("https://example.com/hook?auth=abc".into());
/// assert_eq!(request.validate(), Ok(()));
/// ```
///
/// `Debug` hides the query string and fragment of every URL: the vendor's callback is
/// unsigned, so callers put an authorization token in `callbackUrl`'s query string.
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
    /// ISO 3166-1 alpha-3 region of the user's ID.
    #[serde(deserialize_with = "string_or_null")]
    pub region: String,
    /// The ID type for flows without a document photo (`BVN`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number_type: Option<String>,
    /// Where the page sends the user after a pass: `https://` or an app scheme.
    #[serde(deserialize_with = "string_or_null")]
    pub return_url: String,
    /// Where the page sends the user otherwise.
    #[serde(deserialize_with = "string_or_null")]
    pub fail_return_url: String,
    /// Where the vendor posts a [`crate::CallbackNotification`]; `http` or `https` only. The
    /// callback is unsigned: put an authorization token in its query string.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub callback_url: Option<String>,
    /// The page's language (`en-US`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The page's colour scheme.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prefers_color_scheme: Option<ColorScheme>,
    /// The product tier.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub product_level: Option<ProductLevel>,
}

impl GenerateUrlRequest {
    /// A request with the required fields; set the optional ones on the result.
    pub fn new(
        biz_id: impl Into<String>,
        user_id: impl Into<String>,
        region: impl Into<String>,
        return_url: impl Into<String>,
        fail_return_url: impl Into<String>,
    ) -> Self {
        Self {
            biz_id: biz_id.into(),
            user_id: user_id.into(),
            region: region.into(),
            return_url: return_url.into(),
            fail_return_url: fail_return_url.into(),
            ..Self::default()
        }
    }

    /// Checks the documented limits, in field order: `bizId`, `userId` (as for database
    /// verification), `region`, `numberType`, `returnUrl`, `failReturnUrl`, `callbackUrl`.
    ///
    /// The H5 flow serves more markets than database verification, and the vendor does not
    /// publish their list, so `region` is checked for ISO alpha-3 shape (three uppercase
    /// ASCII letters) only, and a given `numberType` for being non-empty and at most 30
    /// units. Return URLs may use any scheme (`https://`, `myapp://`, and `http://` for
    /// local testing): the vendor's wording ("https or an app scheme") does not say plain
    /// `http` is refused, and refusing what the server accepts would block callers.
    pub fn validate(&self) -> Result<(), InvalidRequest> {
        check_ids(&self.biz_id, &self.user_id)?;
        if !is_alpha3(&self.region) {
            return Err(InvalidRequest::RegionInvalid);
        }
        if let Some(number_type) = &self.number_type {
            if number_type.is_empty() {
                return Err(InvalidRequest::NumberTypeEmpty);
            }
            if exceeds(number_type, NUMBER_TYPE_MAX_LEN) {
                return Err(InvalidRequest::NumberTypeInvalid);
            }
        }
        check_url(Some(&self.return_url), true, false).map_err(InvalidRequest::ReturnUrl)?;
        check_url(Some(&self.fail_return_url), true, false)
            .map_err(InvalidRequest::FailReturnUrl)?;
        check_url(self.callback_url.as_deref(), false, true)
            .map_err(InvalidRequest::CallbackUrl)?;
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
            .field("return_url", &without_query(&self.return_url))
            .field("fail_return_url", &without_query(&self.fail_return_url))
            .field(
                "callback_url",
                &self.callback_url.as_deref().map(without_query),
            )
            .field("language", &self.language)
            .field("prefers_color_scheme", &self.prefers_color_scheme)
            .field("product_level", &self.product_level)
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

fn is_alpha3(region: &str) -> bool {
    region.len() == 3 && region.bytes().all(|b| b.is_ascii_uppercase())
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

wire_enum! {
    /// `productLevel`: the product tier of the H5 flow.
    pub enum ProductLevel {
        /// Standard.
        Standard = "STANDARD",
        /// Advanced.
        Advanced = "ADVANCED",
        /// Pro.
        Pro = "PRO",
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
mod tests {
    use super::*;
    use crate::UrlProblem;

    fn request() -> GenerateUrlRequest {
        let mut request = GenerateUrlRequest::new(
            "order-1",
            "user-1",
            "NGA",
            "https://example.com/ok",
            "myapp://verification/failed",
        );
        request.number_type = Some("BVN".into());
        request
    }

    fn refusal(edit: impl FnOnce(&mut GenerateUrlRequest)) -> InvalidRequest {
        let mut request = request();
        edit(&mut request);
        request.validate().unwrap_err()
    }

    #[test]
    fn generate_url_limits() {
        assert_eq!(request().validate(), Ok(()));
        assert_eq!(refusal(|r| r.biz_id.clear()), InvalidRequest::BizIdMissing);
        assert_eq!(
            refusal(|r| r.region = "ng".into()),
            InvalidRequest::RegionInvalid
        );
        assert_eq!(
            refusal(|r| r.region = "Nga".into()),
            InvalidRequest::RegionInvalid
        );
        assert_eq!(
            refusal(|r| r.number_type = Some(String::new())),
            InvalidRequest::NumberTypeEmpty
        );
        assert_eq!(
            refusal(|r| r.number_type = Some("X".repeat(31))),
            InvalidRequest::NumberTypeInvalid
        );
        assert_eq!(
            refusal(|r| r.return_url.clear()),
            InvalidRequest::ReturnUrl(UrlProblem::Missing)
        );
        assert_eq!(
            refusal(|r| r.return_url = format!("https://example.com/{}", "a".repeat(2029))),
            InvalidRequest::ReturnUrl(UrlProblem::TooLong)
        );
        assert_eq!(
            refusal(|r| r.return_url = "/relative/path".into()),
            InvalidRequest::ReturnUrl(UrlProblem::Malformed)
        );
        assert_eq!(
            refusal(|r| r.fail_return_url.clear()),
            InvalidRequest::FailReturnUrl(UrlProblem::Missing)
        );
        assert_eq!(
            refusal(|r| r.callback_url = Some("ftp://example.com/hook".into())),
            InvalidRequest::CallbackUrl(UrlProblem::SchemeNotAllowed)
        );
        assert_eq!(
            refusal(|r| r.callback_url = Some("myapp://hook".into())),
            InvalidRequest::CallbackUrl(UrlProblem::SchemeNotAllowed)
        );
        assert_eq!(
            refusal(|r| r.callback_url = Some("https://".into())),
            InvalidRequest::CallbackUrl(UrlProblem::Malformed)
        );
        for sloppy in [
            " https://example.com/ok",
            "https://exa\tmple.com/ok",
            "https://example.com/o\nk",
            "http:example.com",
            "https:/example.com",
            "javascript:alert(1)",
            "a:",
        ] {
            assert_eq!(
                refusal(|r| r.return_url = sloppy.into()),
                InvalidRequest::ReturnUrl(UrlProblem::Malformed),
                "{sloppy:?}"
            );
        }
        assert_eq!(
            refusal(|r| r.callback_url = Some(String::new())),
            InvalidRequest::CallbackUrl(UrlProblem::Malformed)
        );
        assert_eq!(
            InvalidRequest::ReturnUrl(UrlProblem::TooLong).message(),
            "Invalid returnUrl"
        );

        // Exactly 2048 units is allowed; http is allowed for return URLs (local testing).
        let mut at_limit = request();
        at_limit.return_url = format!("https://example.com/{}", "a".repeat(2028));
        assert_eq!(at_limit.return_url.len(), 2048);
        at_limit.fail_return_url = "http://127.0.0.1:8080/failed".into();
        at_limit.callback_url = Some("http://127.0.0.1:9000/hook?token=abc".into());
        assert_eq!(at_limit.validate(), Ok(()));
    }

    #[test]
    fn debug_hides_url_queries() {
        let mut request = request();
        request.callback_url = Some("https://example.com/hook?auth=s3cr3t-t0ken#frag".into());
        request.return_url = "https://example.com/ok?session=abc123".into();
        let debug = format!("{request:?}");
        assert!(
            !debug.contains("s3cr3t-t0ken") && !debug.contains("abc123"),
            "{debug}"
        );
        assert!(
            debug.contains("https://example.com/hook?<redacted>"),
            "{debug}"
        );
    }

    #[test]
    fn generate_url_body_leaves_out_unset_options() {
        let body: serde_json::Value = serde_json::from_slice(&request().to_json()).unwrap();
        assert_eq!(
            body,
            serde_json::json!({
                "bizId": "order-1", "userId": "user-1", "region": "NGA", "numberType": "BVN",
                "returnUrl": "https://example.com/ok", "failReturnUrl": "myapp://verification/failed",
            })
        );
    }
}
