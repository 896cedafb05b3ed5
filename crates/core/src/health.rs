//! Non-Doc Health Status: the aggregated health of recent traffic for one numberType, read
//! before starting a verification (for circuit breaking, degradation or routing).
//!
//! `GET …/ekyc/v1/non-doc-health-status?numberType=NG_BVN`. It says nothing about any one
//! transaction: for that, use Get Result.
//!
//! ```
//! use advanceai_core::{HealthData, HealthRequest, HealthStatus, Operation};
//!
//! let request = HealthRequest::new("NG_BVN");
//! assert_eq!(request.query(), vec![("numberType", "NG_BVN".to_owned())]);
//!
//! let body = br#"{"code":"SUCCESS","message":"OK","transactionId":"t1",
//!     "data":{"numberType":"NG_BVN","status":"unstable"}}"#;
//! let data: HealthData = advanceai_core::parse_envelope(body)?.into_data()?;
//! assert_eq!(data.status, Some(HealthStatus::Unstable));
//! assert!(!data.can_start());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use crate::{InvalidRequest, ParseError};

/// The query of `GET …/ekyc/v1/non-doc-health-status`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct HealthRequest {
    /// The health-check identifier, e.g. `NG_BVN` (see [`crate::Market::health_number_types`]); sent as
    /// given.
    pub number_type: String,
}

impl HealthRequest {
    /// A query for one numberType.
    pub fn new(number_type: impl Into<String>) -> Self {
        Self {
            number_type: number_type.into(),
        }
    }

    /// Refuses only an empty `numberType` (the parameter is required).
    ///
    /// Nothing else is checked: the vendor's two lists of accepted values disagree and the
    /// server is case-insensitive, so an unlisted value is sent and the server answers it
    /// (`PARAMETER_ERROR` for a type it does not support, such as `AADHAAR-PAN`). The
    /// vendor does not document the Health page's messages; the empty refusal uses the
    /// database-verification page's `numberType is empty`.
    pub fn validate(&self) -> Result<(), InvalidRequest> {
        if self.number_type.is_empty() {
            return Err(InvalidRequest::NumberTypeEmpty);
        }
        Ok(())
    }
}

wire_enum! {
    /// `data.status` of a Health Status answer. Spelled `health`, not `healthy`.
    ///
    /// The vendor's table stops after `unstable` (non-doc-flow.md §6): other values may
    /// exist and parse into `Unknown` with their text kept.
    pub enum HealthStatus {
        /// Enough recent samples, and the error rate is low: continue with Non-Doc
        /// verification.
        Health = "health",
        /// The error rate is elevated (the vendor's suggested action is not documented).
        Unstable = "unstable",
    }
}

impl HealthStatus {
    /// Whether this status says to go ahead: only `health`, the one status whose suggested
    /// action the vendor documents ("Continue with Non-Doc verification").
    ///
    /// `unstable` and any status this version does not know say no. That is a conservative
    /// choice of this library, not a vendor rule: the vendor documents no action for them.
    /// A caller who would rather start anyway (and accept more failures) reads
    /// [`HealthData::status`] itself.
    pub fn allows_start(&self) -> bool {
        matches!(self, Self::Health)
    }
}

wire_record! {
    /// The `data` of a Health Status answer.
    #[derive(Debug)]
    pub struct HealthData {
        /// The queried numberType, echoed (`NG_BVN`).
        "numberType" => pub number_type: String,
        /// The aggregated health status.
        "status" => pub status: HealthStatus,
    }
    absent = null
}

impl HealthData {
    /// Whether to start a new Non-Doc verification for this numberType: `true` only when
    /// `status` is `health` (see [`HealthStatus::allows_start`]); `false` for `unstable`,
    /// for a status this version does not know, and when no status was sent.
    pub fn can_start(&self) -> bool {
        self.status.as_ref().is_some_and(HealthStatus::allows_start)
    }
}

/// Parses a Health Status response.
pub fn parse_health_response(bytes: &[u8]) -> Result<crate::Envelope<HealthData>, ParseError> {
    crate::parse_envelope(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_health_allows_start() {
        let mut data = HealthData::default();
        assert!(!data.can_start(), "no status is no go");
        data.status = Some(HealthStatus::Health);
        assert!(data.can_start());
        data.status = Some(HealthStatus::Unstable);
        assert!(!data.can_start());
        data.status = Some(HealthStatus::from_wire("healthy"));
        assert!(!data.can_start(), "an unknown status is no go");
        assert_eq!(
            data.status.as_ref().map(HealthStatus::as_str),
            Some("healthy")
        );
    }

    #[test]
    fn unknown_statuses_and_fields_are_kept() {
        let body = br#"{"code":"SUCCESS","data":{"numberType":"ng_bvn","status":"degraded","window":"5m"}}"#;
        let data = parse_health_response(body).unwrap().into_data().unwrap();
        assert_eq!(data.number_type.as_deref(), Some("ng_bvn"));
        assert_eq!(data.status, Some(HealthStatus::Unknown("degraded".into())));
        let again = serde_json::to_string(&data).unwrap();
        assert!(again.contains(r#""window":"5m""#), "{again}");
    }

    #[test]
    fn the_request_refuses_only_an_empty_type() {
        assert_eq!(
            HealthRequest::new("").validate(),
            Err(InvalidRequest::NumberTypeEmpty)
        );
        for sent in ["NG_BVN", "ng_bvn", "AADHAAR-PAN", "XX_NEW"] {
            assert_eq!(HealthRequest::new(sent).validate(), Ok(()), "{sent}");
        }
        // The union of both vendor pages, from the market table and the Health-only list.
        let types: Vec<&str> = crate::Market::health_number_types().collect();
        assert_eq!(
            types,
            [
                "NG_BVN",
                "NG_NIN",
                "ID_NIK",
                "BR_CPF",
                "AR_DNI",
                "ZA_SAID",
                "US_NATIONALID",
                "GB_GB"
            ]
        );
        assert!(!types.contains(&"BVN"));
    }
}
