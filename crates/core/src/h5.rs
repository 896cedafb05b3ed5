//! The hosted H5 eKYC flow: Generate URL, Get Result, and the callback in between.
//!
//! 1. [`GenerateUrlRequest`] gets a `signatureId` and a page URL ([`GenerateUrlData`]).
//! 2. The end user completes the page (liveness, ID number).
//! 3. Optionally the vendor posts a [`CallbackNotification`] to your `callbackUrl`.
//! 4. [`GetResultRequest`] fetches the [`GetResultData`]; until the user has finished it is
//!    pending ([`GetResultData::status`]), so callers poll.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::outcome::verdict_category;
use crate::validate::{NUMBER_TYPE_MAX_LEN, check_ids, check_url, exceeds};
use crate::verification::string_or_null;
use crate::{EpochMillis, ErrorCategory, ErrorCode, InvalidRequest, OverallResult, PersonRecord};

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
    /// Where the vendor posts a [`CallbackNotification`]; `http` or `https` only. The
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

/// The body of `POST .../idvs-h5/ekyc/v1/get-result`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[non_exhaustive]
pub struct GetResultRequest {
    /// The id Generate URL returned.
    #[serde(deserialize_with = "string_or_null")]
    pub signature_id: String,
    /// How images come back: `URL` (the default) or `BASE64`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_image_type: Option<ReturnImageType>,
}

impl GetResultRequest {
    /// A request for one transaction's result.
    pub fn new(signature_id: impl Into<String>) -> Self {
        Self {
            signature_id: signature_id.into(),
            return_image_type: None,
        }
    }

    /// Refuses an empty `signatureId`.
    pub fn validate(&self) -> Result<(), InvalidRequest> {
        if self.signature_id.is_empty() {
            return Err(InvalidRequest::SignatureIdMissing);
        }
        Ok(())
    }

    /// The JSON body to send.
    pub fn to_json(&self) -> Vec<u8> {
        // Serializing a struct of strings into a Vec cannot fail.
        serde_json::to_vec(self).unwrap_or_default()
    }
}

wire_enum! {
    /// `returnImageType` of a Get Result request.
    pub enum ReturnImageType {
        /// Images as URLs (the server's default).
        Url = "URL",
        /// Images inline as base64.
        Base64 = "BASE64",
    }
}

wire_record! {
    /// The `data` of a Get Result response.
    ///
    /// The vendor marks `signatureId`, `overallResult`, `submissionCompleted`, `idvResult`,
    /// `inputParameters` and `countryCodeIso3` "Always", yet its own examples leave some of
    /// them out: every field is optional here. What a caller branches on is
    /// [`GetResultData::status`].
    #[derive(Debug)]
    pub struct GetResultData {
        /// The transaction's id.
        "signatureId" => pub signature_id: String,
        /// `PASS`, `FAIL` or `INCOMPLETE`.
        "overallResult" => pub overall_result: OverallResult,
        /// Whether the user's page finished submitting its data.
        "submissionCompleted" => pub submission_completed: bool,
        /// Deprecated alias of `overallResult`.
        "idvResult" => pub idv_result: OverallResult,
        /// Why; `Success` on a pass; `None` (null) while the result is not final.
        "errorCode" => pub error_code: ErrorCode,
        /// The person found in the database, when the database step produced one.
        "docDatabaseDetail" => pub doc_database_detail: PersonRecord,
        /// The liveness and face-match outcome, when liveness ran.
        "faceDetail" => pub face_detail: FaceDetail,
        /// An echo of the Generate URL input.
        "inputParameters" => pub input_parameters: InputParameters,
        /// The region, ISO alpha-3.
        "countryCodeIso3" => pub country_code_iso3: String,
    }
    absent = null
}

/// Where a Get Result transaction stands.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ResultStatus {
    /// No final result yet (`errorCode` is null or absent): the user may still be on the
    /// page. Poll again later.
    Pending,
    /// The verification has ended.
    Final {
        /// `overallResult` (or its alias `idvResult` when only that was sent;
        /// `Unknown("")` when neither was).
        overall_result: OverallResult,
        /// `errorCode`.
        error_code: ErrorCode,
    },
}

impl GetResultData {
    /// Pending or final: a result is final once `errorCode` is not null.
    ///
    /// The vendor documents `errorCode` as "null while the transaction has no final result
    /// yet"; `submissionCompleted` is not used, because the vendor's own final examples
    /// leave it out. Nor is `overallResult`: the vendor does not say what it holds while a
    /// result is pending (`INCOMPLETE` would be a plausible placeholder), so a `FAIL` without
    /// an `errorCode` stays pending and the caller's polling deadline ends the wait.
    pub fn status(&self) -> ResultStatus {
        match &self.error_code {
            None => ResultStatus::Pending,
            Some(error_code) => ResultStatus::Final {
                overall_result: self
                    .overall_result
                    .clone()
                    .or_else(|| self.idv_result.clone())
                    .unwrap_or_else(|| OverallResult::Unknown(String::new())),
                error_code: error_code.clone(),
            },
        }
    }

    /// Whether the result is final (see [`GetResultData::status`]).
    pub fn is_final(&self) -> bool {
        self.error_code.is_some()
    }

    /// Whether the user passed: final, the verdict (see [`GetResultData::status`]) `PASS`
    /// and `errorCode` `SUCCESS`.
    ///
    /// Strict on purpose: a `PASS` whose error code says otherwise is not a pass, and
    /// neither is a `SUCCESS` code next to any other verdict.
    pub fn passed(&self) -> bool {
        matches!(
            self.status(),
            ResultStatus::Final {
                overall_result: OverallResult::Pass,
                error_code: ErrorCode::Success
            }
        )
    }

    /// What a caller can do about this result; `None` while it is pending.
    ///
    /// Use this rather than `error_code.category()`: when the verdict and the code disagree
    /// (`SUCCESS` next to a verdict that is not `PASS`), this says
    /// [`ErrorCategory::NeedsReview`], never [`ErrorCategory::Passed`].
    pub fn category(&self) -> Option<ErrorCategory> {
        match self.status() {
            ResultStatus::Pending => None,
            ResultStatus::Final { error_code, .. } => {
                Some(verdict_category(self.passed(), &error_code))
            }
        }
    }
}

wire_record! {
    /// `faceDetail`: the liveness and face-comparison outcome.
    #[derive(Debug)]
    pub struct FaceDetail {
        /// `PASS` or `FAIL`.
        "faceResult" => pub face_result: FaceResult,
        /// Liveness score, 0 to 100.
        "faceLivenessScore" => pub face_liveness_score: Score,
        /// Similarity between the live face and the face on record, 0 to 100.
        "faceSimilarityScore" => pub face_similarity_score: Score,
    }
    absent = skip
}

wire_enum! {
    /// `faceResult` of a [`FaceDetail`].
    pub enum FaceResult {
        /// The face checks passed.
        Pass = "PASS",
        /// The face checks failed.
        Fail = "FAIL",
    }
}

/// A score (`faceLivenessScore`, `faceSimilarityScore`).
///
/// Accepts a JSON integer, a decimal, or a string holding a number: the vendor's examples
/// show integers, other products of theirs send decimals. Serialized as an integer when it
/// is whole, so `99` stays `99`.
#[derive(Clone, Copy, Debug, Default, PartialEq, PartialOrd)]
pub struct Score(f64);

impl Score {
    /// A score; `None` for NaN or an infinity, which JSON cannot carry.
    pub fn new(value: f64) -> Option<Self> {
        value.is_finite().then_some(Self(value))
    }

    /// The score.
    pub fn value(self) -> f64 {
        self.0
    }
}

/// The largest magnitude below which every whole `f64` is an exact integer.
const EXACT_INTEGER_LIMIT: f64 = 9_007_199_254_740_992.0;

impl Serialize for Score {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.0.fract() == 0.0 && self.0.abs() < EXACT_INTEGER_LIMIT {
            // Exact: a whole number below 2^53 converts without loss.
            #[allow(clippy::cast_possible_truncation)]
            serializer.serialize_i64(self.0 as i64)
        } else {
            serializer.serialize_f64(self.0)
        }
    }
}

impl<'de> Deserialize<'de> for Score {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ScoreVisitor;

        impl serde::de::Visitor<'_> for ScoreVisitor {
            type Value = Score;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a score as a number or a numeric string")
            }

            #[allow(clippy::cast_precision_loss)] // scores are 0..=100
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Score, E> {
                Ok(Score(v as f64))
            }

            #[allow(clippy::cast_precision_loss)] // scores are 0..=100
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Score, E> {
                Ok(Score(v as f64))
            }

            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Score, E> {
                Score::new(v).ok_or_else(|| E::custom("a score that is not finite"))
            }

            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Score, E> {
                v.trim()
                    .parse::<f64>()
                    .ok()
                    .and_then(Score::new)
                    .ok_or_else(|| E::custom("a score string that is not a number"))
            }
        }

        deserializer.deserialize_any(ScoreVisitor)
    }
}

wire_record! {
    /// `inputParameters`: the echo of the Generate URL input. Fields other than `region`
    /// and `numberType` are kept in `unknown_fields`.
    #[derive(Debug)]
    pub struct InputParameters {
        /// The region asked for.
        "region" => pub region: String,
        /// The ID type asked for.
        "numberType" => pub number_type: String,
    }
    absent = skip
}

wire_record! {
    /// The body the vendor posts to your `callbackUrl` when a transaction changes state.
    ///
    /// It is unsigned and not guaranteed: authenticate it with a token in the callback URL,
    /// treat it as a hint, fetch the result with Get Result, and poll as a fallback.
    #[derive(Debug)]
    pub struct CallbackNotification {
        /// The transaction that changed.
        "signatureId" => pub signature_id: String,
        /// What happened.
        "type" => pub kind: CallbackType,
    }
    absent = null
}

wire_enum! {
    /// `type` of a [`CallbackNotification`].
    pub enum CallbackType {
        /// The verification has a final result.
        Completed = "COMPLETED",
        /// The user's page finished submitting its data.
        SubmitCompleted = "SUBMIT_COMPLETED",
    }
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

    #[test]
    fn pending_until_error_code_is_set() {
        let mut data = GetResultData::default();
        assert_eq!(data.status(), ResultStatus::Pending);
        assert!(!data.is_final() && !data.passed());
        data.idv_result = Some(OverallResult::Fail);
        data.error_code = Some(ErrorCode::LivenessAttack);
        assert_eq!(
            data.status(),
            ResultStatus::Final {
                overall_result: OverallResult::Fail,
                error_code: ErrorCode::LivenessAttack
            }
        );
        data.overall_result = Some(OverallResult::Pass);
        assert!(
            data.is_final() && !data.passed(),
            "PASS with a failure code is not a pass"
        );
        data.error_code = Some(ErrorCode::Success);
        assert!(data.passed());
    }

    #[test]
    fn get_result_request_needs_an_id() {
        assert_eq!(
            GetResultRequest::new("").validate(),
            Err(InvalidRequest::SignatureIdMissing)
        );
        let mut request = GetResultRequest::new("f302f5d2454a85c2");
        request.return_image_type = Some(ReturnImageType::Base64);
        assert_eq!(request.validate(), Ok(()));
        assert_eq!(
            request.to_json(),
            br#"{"signatureId":"f302f5d2454a85c2","returnImageType":"BASE64"}"#
        );
    }

    #[test]
    fn whole_scores_serialize_as_integers() {
        let json = |v: f64| serde_json::to_string(&Score::new(v).unwrap()).unwrap();
        assert_eq!(json(99.0), "99");
        assert_eq!(json(82.5), "82.5");
        assert_eq!(json(-0.0), "0");
        assert!(Score::new(f64::NAN).is_none());
    }
}
