//! The `data` of Get Result: pending, or the shape of the chosen outcome.

use advanceai_core::{
    CheckResult, ErrorCode, FaceDetail, FaceResult, GetResultData, InputParameters, OverallResult,
    PersonRecord, Pii, Score,
};

use crate::person::{FALLBACK_MARKET, FakePerson};
use crate::state::Transaction;

fn score(value: f64) -> Option<Score> {
    Score::new(value)
}

fn face(result: FaceResult, liveness: Option<f64>, similarity: Option<f64>) -> FaceDetail {
    let mut detail = FaceDetail::default();
    detail.face_result = Some(result);
    detail.face_liveness_score = liveness.and_then(score);
    detail.face_similarity_score = similarity.and_then(score);
    detail
}

/// Turns the per-field checks a failure is about to `fail`, where the market's shape has
/// them: the name for `NAME_NOT_MATCH`, the face for the face-stage failures.
fn mark_failed_checks(record: &mut PersonRecord, error_code: &ErrorCode) {
    let Some(checks) = record.verification.as_mut() else {
        return;
    };
    let check = match error_code {
        ErrorCode::NameNotMatch => &mut checks.full_name,
        ErrorCode::LivenessAttack | ErrorCode::SimilarityFailed | ErrorCode::FaceQualityTooPoor => {
            &mut checks.face
        }
        _ => return,
    };
    if check.is_some() {
        *check = Some(CheckResult::Fail);
    }
}

/// The `data` of Get Result for a transaction, pending or final.
///
/// Shapes follow the vendor's examples: PASS carries the person (in its market's shape,
/// with the checks a failure is about turned to `fail`), liveness scores, `inputParameters` and `countryCodeIso3`; failures before the
/// database answered carry `docDatabaseDetail: null`; face-stage failures carry the person
/// and a failed `faceDetail`; INCOMPLETE carries neither.
pub(crate) fn result_data(signature_id: &str, transaction: &Transaction) -> GetResultData {
    let request = &transaction.request;
    // No numberType: answered as if the user picked the table's first type on the page.
    let number_type = request
        .number_type
        .clone()
        .unwrap_or_else(|| FALLBACK_MARKET.number_type.to_owned());
    let mut data = GetResultData::default();
    data.signature_id = Some(signature_id.to_owned());
    let mut input = InputParameters::default();
    input.region = Some(request.region.clone());
    input.number_type = Some(number_type.clone());
    data.input_parameters = Some(input);
    data.country_code_iso3 = Some(request.region.clone());
    let Some(verdict) = &transaction.verdict else {
        data.submission_completed = Some(false);
        return data;
    };
    data.overall_result = Some(verdict.overall_result.clone());
    data.idv_result = Some(verdict.overall_result.clone());
    data.error_code = Some(verdict.error_code.clone());
    data.submission_completed = Some(verdict.overall_result != OverallResult::Incomplete);
    let mut market_request = request.clone();
    market_request.number_type = Some(number_type);
    let market = market_request.market();
    // The person of the number the request gave (to Generate URL or on the page), else of
    // the transaction, with the name and gender it gave.
    let seed = request
        .number_value
        .as_ref()
        .map(Pii::expose)
        .filter(|n| !n.is_empty())
        .unwrap_or(signature_id);
    let person = || {
        let mut record = FakePerson::from_seed(seed, market)
            .described_by(
                request.full_name.as_ref().map(Pii::expose),
                request.gender.as_deref(),
            )
            .get_result_record(&request.region);
        mark_failed_checks(&mut record, &verdict.error_code);
        Some(record)
    };
    match &verdict.error_code {
        ErrorCode::Success => {
            data.doc_database_detail = person();
            data.face_detail = Some(face(FaceResult::Pass, Some(99.0), Some(82.0)));
        }
        ErrorCode::LivenessAttack => {
            data.doc_database_detail = person();
            data.face_detail = Some(face(FaceResult::Fail, Some(0.0), None));
        }
        ErrorCode::SimilarityFailed => {
            data.doc_database_detail = person();
            data.face_detail = Some(face(FaceResult::Fail, Some(98.0), Some(31.0)));
        }
        ErrorCode::NameNotMatch | ErrorCode::FaceQualityTooPoor => {
            data.doc_database_detail = person();
            data.face_detail = Some(face(FaceResult::Fail, None, None));
        }
        ErrorCode::RiskStrategyHit | ErrorCode::AgeVerificationFailed => {
            data.doc_database_detail = person();
            data.face_detail = Some(face(FaceResult::Pass, Some(97.0), Some(80.0)));
        }
        // The number step failed, or the user did not finish: no person, no face.
        _ => {}
    }
    if transaction.cleared {
        // Clear Data removed the person; what the vendor then returns is not documented.
        data.doc_database_detail = None;
    }
    data
}

#[cfg(test)]
mod tests {
    use advanceai_core::PersonVerification;

    use super::*;

    #[test]
    fn a_failure_fails_its_own_check_where_the_shape_has_it() {
        let mut checks = PersonVerification::default();
        checks.full_name = Some(CheckResult::Pass);
        checks.face = Some(CheckResult::Pass);
        let mut record = PersonRecord::default();
        record.verification = Some(checks);
        let after = |code: ErrorCode| {
            let mut record = record.clone();
            mark_failed_checks(&mut record, &code);
            let checks = record.verification.unwrap_or_default();
            (checks.full_name, checks.face, checks.dob)
        };
        let (pass, fail) = (Some(CheckResult::Pass), Some(CheckResult::Fail));
        assert_eq!(
            after(ErrorCode::Success),
            (pass.clone(), pass.clone(), None)
        );
        assert_eq!(
            after(ErrorCode::NameNotMatch),
            (fail.clone(), pass.clone(), None)
        );
        assert_eq!(
            after(ErrorCode::SimilarityFailed),
            (pass.clone(), fail.clone(), None)
        );
        assert_eq!(after(ErrorCode::LivenessAttack), (pass, fail, None));
        // A check the shape does not have is not added.
        let mut bare = PersonRecord::default();
        bare.verification = Some(PersonVerification::default());
        mark_failed_checks(&mut bare, &ErrorCode::NameNotMatch);
        assert_eq!(bare.verification.unwrap_or_default().full_name, None);
    }
}
