#![allow(clippy::unwrap_used, clippy::panic)]
use advanceai_core::{
    Endpoint, GenerateUrlRequest, IdNumberVerificationRequest, MARKETS, SUPPORTED_ID_NUMBER_TYPES,
};

use super::*;

fn market(number_type: &str) -> &'static Market {
    Market::by_number_type_any_case(number_type).unwrap()
}

#[test]
fn one_row_per_documented_outcome_in_the_vendors_order() {
    let codes: Vec<&str> = TEST_NUMBERS.iter().map(|row| row.error_code).collect();
    let known: Vec<&str> = ErrorCode::KNOWN.iter().map(ErrorCode::as_str).collect();
    assert_eq!(codes, known);
    for row in TEST_NUMBERS {
        let code = ErrorCode::from_wire(row.error_code);
        assert_eq!(
            code.verdict().as_ref().map(OverallResult::as_str),
            Some(row.overall_result),
            "{}",
            row.error_code
        );
    }
    // Database verification's page documents these five codes and the pass.
    let database: Vec<&str> = TEST_NUMBERS
        .iter()
        .filter(|row| row.database_verification)
        .map(|row| row.error_code)
        .collect();
    assert_eq!(
        database,
        [
            "SUCCESS",
            "BVN_SUSPEND",
            "NUMBER_NOT_EXIST",
            "INVALID_FORMAT",
            "INFO_ABNORMAL",
            "ERROR"
        ]
    );
}

#[test]
fn every_market_has_one_valid_number_per_outcome() {
    let types: Vec<&str> = MARKETS.iter().map(|m| m.number_type).collect();
    for (i, row) in TEST_NUMBERS.iter().enumerate() {
        let keys: Vec<&str> = row.numbers.iter().map(|(t, _)| *t).collect();
        assert_eq!(
            keys, types,
            "{}: one number per market, in core's order",
            row.error_code
        );
        for market in MARKETS {
            let number = row.number_for(market).unwrap();
            assert!(number.bytes().all(|b| b.is_ascii_digit()), "{number}");
            assert!(
                market.accepts_number(number),
                "{}: {number}",
                market.number_type
            );
            // Generate URL takes it (with the fields a market may need).
            let mut request = GenerateUrlRequest::new(
                "b",
                "u",
                market.region,
                market.number_type,
                "https://example.com/ok",
                "https://example.com/fail",
            );
            request.number_value = Some(number.into());
            request.full_name = Some("Test Person".into());
            request.gender = Some("FEMALE".into());
            assert_eq!(request.validate(), Ok(()), "{number}");
            // Unique in its market: the number names one outcome.
            assert!(
                TEST_NUMBERS[i + 1..]
                    .iter()
                    .all(|other| other.number_for(market) != Some(number)),
                "{number}"
            );
            assert_eq!(test_outcome(market, number), Some(row));
        }
    }
}

#[test]
fn database_rows_are_valid_numbers_of_every_supported_type() {
    for row in TEST_NUMBERS.iter().filter(|row| row.database_verification) {
        // BVN and NIN alike: one number per outcome.
        let numbers = database_numbers(row);
        assert_eq!(numbers.len(), 1, "{numbers:?}");
        for id_type in SUPPORTED_ID_NUMBER_TYPES {
            let request = IdNumberVerificationRequest::new(
                "b",
                "u",
                id_type.region,
                id_type.number_type,
                numbers[0],
            );
            assert_eq!(request.validate(), Ok(()), "{}", numbers[0]);
        }
        let code = ErrorCode::from_wire(row.error_code);
        let spelled = code.spelled_for(Endpoint::IdNumberVerification);
        assert_eq!(spelled.is_empty(), row.overall_result == "PASS");
    }
}

#[test]
fn verdicts() {
    let (bvn, nik) = (Some(market("BVN")), Some(market("NIK")));
    let pass = (OverallResult::Pass, ErrorCode::Success);
    assert_eq!(database_verdict(bvn, "22222222222"), pass);
    assert_eq!(database_verdict(bvn, "98765432109"), pass);
    assert_eq!(
        database_verdict(Some(market("NIN")), "44444444444"),
        (OverallResult::Incomplete, ErrorCode::Error)
    );
    // An H5-only outcome: database verification passes its number.
    assert_eq!(database_verdict(bvn, "90000000003"), pass);
    assert_eq!(database_verdict(None, "44444444444"), pass);
    let liveness = h5_verdict(nik, Some("9000000000000003"));
    assert_eq!(liveness.error_code, ErrorCode::LivenessAttack);
    assert_eq!(liveness.overall_result, OverallResult::Fail);
    assert_eq!(
        h5_verdict(bvn, Some("44444444444")).error_code,
        ErrorCode::Error
    );
    // Another market's number, another number, no number: a pass.
    assert_eq!(
        h5_verdict(nik, Some("90000000003")).error_code,
        ErrorCode::Success
    );
    assert_eq!(h5_verdict(nik, None).error_code, ErrorCode::Success);
    assert_eq!(
        h5_verdict(None, Some("44444444444")).error_code,
        ErrorCode::Success
    );
    assert_eq!(test_number_for(market("SAID")), Some("2222222222222"));
}

#[test]
fn the_banner_lists_every_number() {
    let text = test_numbers_text();
    for row in TEST_NUMBERS {
        let line = text
            .lines()
            .find(|line| {
                line.trim_start()
                    .starts_with(&format!("{} / {} ", row.overall_result, row.error_code))
            })
            .unwrap_or_else(|| panic!("no H5 line for {}", row.error_code));
        let numbers: Vec<&str> = line.split_whitespace().skip(3).collect();
        let expected: Vec<&str> = MARKETS.iter().map(|m| row.number_for(m).unwrap()).collect();
        assert_eq!(numbers, expected);
    }
    assert!(text.contains("\n  11111111111  FAIL / BVN_SUSPEND\n"));
    assert!(text.contains("\n  22222222222  PASS\n"));
}
