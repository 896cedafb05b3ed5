//! Database ID-number verification: check an ID number against the authoritative database.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};

use crate::validate::{NUMBER_TYPE_MAX_LEN, check_ids, exceeds};
use crate::{ErrorCode, IdNumberType, InvalidRequest, OverallResult, PersonRecord, Pii};

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

pub(crate) fn string_or_null<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
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
    /// Whether the ID passed: `overallResult` is `PASS` and `errorCode` is a pass or absent.
    ///
    /// Strict on purpose: `PASS` with a failure code is not a pass.
    pub fn passed(&self) -> bool {
        self.overall_result == Some(OverallResult::Pass)
            && self.error_code.as_ref().is_none_or(|c| *c == ErrorCode::Success)
    }
}
