//! Database ID-number verification: check an ID number against the authoritative database.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};

use crate::outcome::verdict_category;
use crate::validate::{NUMBER_TYPE_MAX_LEN, check_ids, exceeds};
use crate::{
    Endpoint, ErrorCategory, ErrorCode, IdNumberType, InvalidRequest, OverallResult, PersonRecord,
    Pii,
};

/// The body of `POST .../ekyc/v1/api/database-id-verification`.
///
/// Fields are plain strings, not enums, because validation must see exactly what the caller
/// typed: `bvn` and `PASSPORT` are refused with different messages. Deserializing (as the
/// sandbox does) turns a missing or `null` field into an empty string, so that it is refused
/// with the server's "missing" message rather than a parse error.
///
/// ```
/// use advanceai_core::{IdNumberVerificationRequest, InvalidRequest};
///
/// let request = IdNumberVerificationRequest::new("order-1", "user-1", "NGA", "BVN", "22222222222");
/// assert_eq!(request.validate(), Ok(()));
///
/// let lowercase = IdNumberVerificationRequest::new("order-1", "user-1", "NGA", "bvn", "22222222222");
/// assert_eq!(lowercase.validate(), Err(InvalidRequest::NumberTypeRegionMismatch));
/// ```
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct IdNumberVerificationRequest {
    /// Your business id for this check (an order id); 1 to 99 UTF-16 units.
    #[serde(deserialize_with = "string_or_null")]
    pub biz_id: String,
    /// Your id of the user being verified; 1 to 200 UTF-16 units.
    #[serde(deserialize_with = "string_or_null")]
    pub user_id: String,
    /// ISO 3166-1 alpha-3 region (`NGA`).
    #[serde(deserialize_with = "string_or_null")]
    pub region: String,
    /// The ID type, uppercase (`BVN`, `NIN`); see [`crate::SUPPORTED_ID_NUMBER_TYPES`].
    #[serde(deserialize_with = "string_or_null")]
    pub number_type: String,
    /// The ID number.
    #[serde(deserialize_with = "pii_or_null")]
    pub number_value: Pii,
}

impl IdNumberVerificationRequest {
    /// A request for one ID number.
    pub fn new(
        biz_id: impl Into<String>,
        user_id: impl Into<String>,
        region: impl Into<String>,
        number_type: impl Into<String>,
        number_value: impl Into<String>,
    ) -> Self {
        Self {
            biz_id: biz_id.into(),
            user_id: user_id.into(),
            region: region.into(),
            number_type: number_type.into(),
            number_value: Pii::new(number_value),
        }
    }

    /// Checks the request against the server's rules, in the server's order, and returns
    /// the first rule broken.
    ///
    /// The order: `bizId` missing, too long; `userId` missing, too long; `region` missing or
    /// unsupported; `numberType` empty; longer than 30 or not a type of any region; a known
    /// type not of this region or not in uppercase; `numberValue` empty or not in the type's
    /// format.
    ///
    /// The vendor page contradicts itself on an unknown `numberType`: its field description
    /// says every unsupported value gets `Number type and country are not match`, its code
    /// table says `numberType is wrong (length > 30 or not a supported type)`. We follow the
    /// code table: a type no region knows (`PASSPORT`) is
    /// [`InvalidRequest::NumberTypeInvalid`], a known type in the wrong case or region
    /// (`bvn`, `BVN` for another region) is [`InvalidRequest::NumberTypeRegionMismatch`].
    /// Both are `PARAMETER_ERROR`, so a caller branching on the code sees no difference.
    pub fn validate(&self) -> Result<(), InvalidRequest> {
        check_ids(&self.biz_id, &self.user_id)?;
        if !IdNumberType::is_supported_region(&self.region) {
            return Err(InvalidRequest::RegionInvalid);
        }
        if self.number_type.is_empty() {
            return Err(InvalidRequest::NumberTypeEmpty);
        }
        if exceeds(&self.number_type, NUMBER_TYPE_MAX_LEN)
            || !IdNumberType::is_known_in_any_case(&self.number_type)
        {
            return Err(InvalidRequest::NumberTypeInvalid);
        }
        let id_type = IdNumberType::find(&self.region, &self.number_type)
            .ok_or(InvalidRequest::NumberTypeRegionMismatch)?;
        if !id_type.format.matches(self.number_value.expose()) {
            return Err(InvalidRequest::NumberValueInvalid);
        }
        Ok(())
    }

    /// The JSON body to send.
    pub fn to_json(&self) -> Vec<u8> {
        // Serializing a struct of strings into a Vec cannot fail.
        serde_json::to_vec(self).unwrap_or_default()
    }
}

impl fmt::Debug for IdNumberVerificationRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("IdNumberVerificationRequest")
            .field("biz_id", &self.biz_id)
            .field("user_id", &self.user_id)
            .field("region", &self.region)
            .field("number_type", &self.number_type)
            .field("number_value", &self.number_value)
            .finish()
    }
}

pub(crate) fn string_or_null<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<String, D::Error> {
    Ok(Option::<String>::deserialize(deserializer)?.unwrap_or_default())
}

fn pii_or_null<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Pii, D::Error> {
    Ok(Option::<Pii>::deserialize(deserializer)?.unwrap_or_default())
}

wire_record! {
    /// The `data` of a database verification response.
    ///
    /// The verdict is `overallResult` with `errorCode`; on a pass the server sends
    /// `errorCode: ""`, which parses as [`ErrorCode::Success`].
    ///
    /// The vendor page documents a malformed `numberValue` twice: as a top-level
    /// `PARAMETER_ERROR` and as `SUCCESS` with `errorCode: INVALID_FORMAT`. The validator
    /// refuses it locally with the former; this type parses the latter when a server sends
    /// it.
    #[derive(Debug)]
    pub struct VerificationData {
        /// The vendor's id of this verification.
        "signatureId" => pub signature_id: String,
        /// `PASS`, `FAIL` or `INCOMPLETE`.
        "overallResult" => pub overall_result: OverallResult,
        /// Why; `Success` on a pass.
        "errorCode" => pub error_code: ErrorCode,
        /// The person found, when one was.
        "docDatabaseDetail" => pub doc_database_detail: PersonRecord,
    }
    absent = null
}

impl VerificationData {
    /// Whether the ID passed: `overallResult` is `PASS` and `errorCode` is `""` (or
    /// `SUCCESS`).
    ///
    /// Strict on purpose: `PASS` with a failure code, or with no code at all, is not a pass.
    pub fn passed(&self) -> bool {
        self.overall_result == Some(OverallResult::Pass)
            && self.error_code == Some(ErrorCode::Success)
    }

    /// The JSON database verification sends for this data: `errorCode` `""` on a pass and
    /// `gender` `Male` / `Female`, as the vendor's page shows ([`ErrorCode::spelled_for`],
    /// [`PersonRecord::to_wire_value`]). It parses back to the same value.
    ///
    /// `Serialize` stays the normalized form (`SUCCESS`, `FEMALE`: one spelling whichever
    /// endpoint answered), which is what the CLI and the C ABI print.
    pub fn to_wire_value(&self) -> serde_json::Value {
        const ENDPOINT: Endpoint = Endpoint::IdNumberVerification;
        // A record of strings and JSON values always serializes.
        let mut value = serde_json::to_value(self).unwrap_or_default();
        if let Some(object) = value.as_object_mut() {
            if let Some(code) = &self.error_code {
                object.insert("errorCode".to_owned(), code.spelled_for(ENDPOINT).into());
            }
            if let Some(person) = &self.doc_database_detail {
                object.insert(
                    "docDatabaseDetail".to_owned(),
                    person.to_wire_value(ENDPOINT),
                );
            }
        }
        value
    }

    /// What a caller can do about this outcome; `None` when the server sent no `errorCode`.
    ///
    /// Use this rather than `error_code.category()`: when the verdict and the code disagree
    /// (`""` next to a verdict that is not `PASS`), this says
    /// [`ErrorCategory::NeedsReview`], never [`ErrorCategory::Passed`].
    pub fn category(&self) -> Option<ErrorCategory> {
        let error_code = self.error_code.as_ref()?;
        Some(verdict_category(self.passed(), error_code))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request() -> IdNumberVerificationRequest {
        IdNumberVerificationRequest::new("order-1", "user-1", "NGA", "BVN", "22222222222")
    }

    fn refusal(edit: impl FnOnce(&mut IdNumberVerificationRequest)) -> &'static str {
        let mut request = request();
        edit(&mut request);
        request.validate().unwrap_err().message()
    }

    #[test]
    fn each_rule_gives_the_servers_message() {
        assert_eq!(request().validate(), Ok(()));
        assert_eq!(
            refusal(|r| r.biz_id.clear()),
            "BizId is wrong (bizId is missing)"
        );
        assert_eq!(
            refusal(|r| r.biz_id = "b".repeat(100)),
            "BizId is too long (bizId length exceeds 99)"
        );
        assert_eq!(
            refusal(|r| r.user_id.clear()),
            "UserId is invalid (userId is missing)"
        );
        assert_eq!(
            refusal(|r| r.user_id = "u".repeat(201)),
            "UserId is too long (userId length exceeds 200)"
        );
        assert_eq!(
            refusal(|r| r.region = "IDN".into()),
            "Region is wrong (missing or not a supported ISO ALPHA-3 code)"
        );
        assert_eq!(
            refusal(|r| r.region = "nga".into()),
            "Region is wrong (missing or not a supported ISO ALPHA-3 code)"
        );
        assert_eq!(refusal(|r| r.number_type.clear()), "numberType is empty");
        assert_eq!(
            refusal(|r| r.number_type = "PASSPORT".into()),
            "numberType is wrong (length > 30 or not a supported type)"
        );
        assert_eq!(
            refusal(|r| r.number_type = "B".repeat(31)),
            "numberType is wrong (length > 30 or not a supported type)"
        );
        assert_eq!(
            refusal(|r| r.number_type = "bvn".into()),
            "Number type and country are not match (numberType not in supported set for the region, or not uppercase)"
        );
        let invalid_number = "Invalid ID number, please check the format (numberValue is empty, or fails format validation for the given numberType — e.g. BVN / NIN must be an 11-digit numeric string)";
        assert_eq!(refusal(|r| r.number_value = Pii::new("")), invalid_number);
        assert_eq!(
            refusal(|r| r.number_value = Pii::new("2222222222")),
            invalid_number
        );
        assert_eq!(
            refusal(|r| r.number_value = Pii::new("222222222222")),
            invalid_number
        );
        assert_eq!(
            refusal(|r| r.number_value = Pii::new("2222222222a")),
            invalid_number
        );
        // Fullwidth digits are digits to Unicode, not to the server.
        assert_eq!(
            refusal(|r| r.number_value = Pii::new("２２２２２２２２２２２")),
            invalid_number
        );
    }

    #[test]
    fn lengths_count_utf16_units_like_the_server() {
        let mut request = request();
        request.biz_id = "é".repeat(99); // 99 units, 198 bytes
        assert_eq!(request.validate(), Ok(()));
        request.biz_id = "😀".repeat(50); // 50 chars, 100 units
        assert_eq!(request.validate(), Err(InvalidRequest::BizIdTooLong));
        request.biz_id = "😀".repeat(49) + "b"; // 99 units
        assert_eq!(request.validate(), Ok(()));
        request.user_id = "😀".repeat(100); // 200 units
        assert_eq!(request.validate(), Ok(()));
        request.user_id.push('x');
        assert_eq!(request.validate(), Err(InvalidRequest::UserIdTooLong));
    }

    #[test]
    fn the_first_broken_rule_wins() {
        let everything_wrong = IdNumberVerificationRequest::new("", "", "", "", "");
        assert_eq!(
            everything_wrong.validate(),
            Err(InvalidRequest::BizIdMissing)
        );
        let from_user_id = IdNumberVerificationRequest::new("b", "", "", "", "");
        assert_eq!(from_user_id.validate(), Err(InvalidRequest::UserIdMissing));
        let from_region = IdNumberVerificationRequest::new("b", "u", "", "bvn", "");
        assert_eq!(from_region.validate(), Err(InvalidRequest::RegionInvalid));
    }

    #[test]
    fn missing_and_null_fields_deserialize_as_empty() {
        let request: IdNumberVerificationRequest =
            serde_json::from_str(r#"{"bizId":null,"userId":"u","numberValue":null,"extra":1}"#)
                .unwrap();
        assert_eq!(request.validate(), Err(InvalidRequest::BizIdMissing));
        assert_eq!(request.number_value.expose(), "");
        let round_trip: IdNumberVerificationRequest =
            serde_json::from_slice(&super::tests::request().to_json()).unwrap();
        assert_eq!(round_trip, super::tests::request());
    }

    #[test]
    fn a_pass_needs_both_fields_to_agree() {
        let mut data = VerificationData {
            overall_result: Some(OverallResult::Pass),
            error_code: Some(ErrorCode::from_wire("")),
            ..VerificationData::default()
        };
        assert!(data.passed());
        data.error_code = Some(ErrorCode::NumberNotExist);
        assert!(!data.passed());
        data.error_code = None;
        assert!(!data.passed(), "a pass needs its code");
        data.overall_result = Some(OverallResult::Unknown("PASSED".into()));
        data.error_code = Some(ErrorCode::Success);
        assert!(!data.passed());
        assert_eq!(data.category(), Some(ErrorCategory::NeedsReview));
    }

    #[test]
    fn wire_form_is_the_vendors_and_normalized_form_is_unchanged() {
        let person = PersonRecord {
            first_name: Some(Pii::new("T****E")),
            gender: Some(crate::Gender::Male),
            birthday: Some(crate::Birthday::new("1994-07-13")),
            ..PersonRecord::default()
        };
        let mut pass = VerificationData {
            signature_id: Some("s1".into()),
            overall_result: Some(OverallResult::Pass),
            error_code: Some(ErrorCode::Success),
            doc_database_detail: Some(person),
            ..VerificationData::default()
        };
        pass.unknown_fields
            .insert("newField".into(), serde_json::json!({"kept": true}));
        let wire = pass.to_wire_value();
        assert_eq!(
            wire,
            serde_json::json!({
                "signatureId": "s1", "overallResult": "PASS", "errorCode": "",
                "docDatabaseDetail": {
                    "firstName": "T****E", "gender": "Male", "birthday": "1994-07-13",
                },
                "newField": {"kept": true},
            })
        );
        let normalized = serde_json::to_value(&pass).unwrap();
        assert_eq!(normalized["errorCode"], "SUCCESS");
        assert_eq!(normalized["docDatabaseDetail"]["gender"], "MALE");
        let back: VerificationData = serde_json::from_value(wire).unwrap();
        assert!(back == pass);
        assert!(back.passed());

        let fail = VerificationData {
            signature_id: Some("s2".into()),
            overall_result: Some(OverallResult::Fail),
            error_code: Some(ErrorCode::from_wire("SANDBOX_NEW_CODE")),
            ..VerificationData::default()
        };
        let wire = fail.to_wire_value();
        assert_eq!(
            wire,
            serde_json::json!({
                "signatureId": "s2", "overallResult": "FAIL",
                "errorCode": "SANDBOX_NEW_CODE", "docDatabaseDetail": null,
            })
        );
        assert_eq!(wire, serde_json::to_value(&fail).unwrap());
        let back: VerificationData = serde_json::from_value(wire).unwrap();
        assert!(back == fail);
    }
}
