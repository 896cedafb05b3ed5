//! No `Debug` (or `Display`) output of a type that holds a secret or a person field shows the
//! value. Each value below is distinctive, so finding it in any output is a leak.
#![allow(clippy::unwrap_used, missing_docs)]

use advanceai_core::{
    Address, Birthday, CheckResult, CpfStatus, Envelope, GetResultData,
    IdNumberVerificationRequest, NumberTypeInfo, PersonRecord, PersonVerification, Pii,
    ResponseCode, Secret, TokenData, TokenRequest, TokenValue, UnknownFields, VerificationData,
    parse_get_result_response, parse_verification_response,
};
use serde_json::json;

const ACCESS_KEY: &str = "ACCESS-KEY-ab12cd34";
const SECRET_KEY: &str = "SECRET-KEY-ef56gh78";
const TOKEN: &str = "eyJhbGciOiJIUzI1NiJ9.TOKEN-BODY.sig";
const PERSON: &[&str] = &[
    "Adaeze",
    "Chiamaka",
    "Okonkwo",
    "1994/07/13",
    "08012345678",
    "08087654321",
    "08011112222",
    "22212345674",
    "NIK-3174",
    "Ikeja Lagos",
    "NIN-70123456789",
    "Adaeze Chiamaka Okonkwo",
    "adaeze@example.ng",
    "Ngozi Okonkwo",
    "Holder's Death",
    "STREET-Rua Augusta",
    "CITY-Aracoiaba",
    "NUMBER-SN12",
    "POSTAL-62750000",
    "HOOD-Centro",
    "STATE-CE",
    "TYPE-residential",
    "TAX-20-12345678-3",
    "TAXTYPE-CUIL",
    "verdict-unknown-pass",
];

fn assert_clean(what: &str, output: &str) {
    for secret in [ACCESS_KEY, SECRET_KEY, TOKEN].iter().chain(PERSON) {
        assert!(
            !output.contains(secret),
            "{what} leaks {secret:?}: {output}"
        );
    }
}

fn person() -> PersonRecord {
    let mut person = PersonRecord::default();
    person.first_name = Some(Pii::new("Adaeze"));
    person.middle_name = Some(Pii::new("Chiamaka"));
    person.last_name = Some(Pii::new("Okonkwo"));
    person.birthday = Some(Birthday::new("1994/07/13"));
    person.phone_number = Some(Pii::new("08012345678"));
    person.phone_number1 = Some(Pii::new("08087654321"));
    person.phone_number2 = Some(Pii::new("08011112222"));
    person.bvn = Some(Pii::new("22212345674"));
    person.number_value = Some(Pii::new("22212345674"));
    person.number_type_info = Some(NumberTypeInfo::default());
    person.nin = Some(Pii::new("NIN-70123456789"));
    person.full_name = Some(Pii::new("Adaeze Chiamaka Okonkwo"));
    person.email = Some(Pii::new("adaeze@example.ng"));
    person.mother_name = Some(Pii::new("Ngozi Okonkwo"));
    person.cpf_status = Some(CpfStatus::HoldersDeath);
    person.tax_id = Some(Pii::new("TAX-20-12345678-3"));
    person.tax_id_type = Some("TAXTYPE-CUIL".to_owned());
    person.address = Some(address());
    person.verification = Some(verification());
    person.unknown_fields = [
        ("ID_NIK".to_owned(), json!("NIK-3174")),
        ("address".to_owned(), json!({"line": "Ikeja Lagos"})),
    ]
    .into_iter()
    .collect::<UnknownFields>();
    person
}

fn address() -> Address {
    let mut address = Address::default();
    address.street = Some(Pii::new("STREET-Rua Augusta"));
    address.city = Some(Pii::new("CITY-Aracoiaba"));
    address.number = Some(Pii::new("NUMBER-SN12"));
    address.postal_code = Some(Pii::new("POSTAL-62750000"));
    address.neighborhood = Some(Pii::new("HOOD-Centro"));
    address.state = Some(Pii::new("STATE-CE"));
    address.address_type = Some(Pii::new("TYPE-residential"));
    address.unknown_fields = [("complement".to_owned(), json!("Okonkwo"))]
        .into_iter()
        .collect();
    address
}

fn verification() -> PersonVerification {
    let mut verification = PersonVerification::default();
    verification.number_value = Some(CheckResult::Pass);
    verification.full_name = Some(CheckResult::Fail);
    verification.dob = Some(CheckResult::Fail);
    verification.face = Some(CheckResult::Unknown("verdict-unknown-pass".into()));
    verification.unknown_fields = [("liveness".to_owned(), json!("Adaeze"))]
        .into_iter()
        .collect();
    verification
}

#[test]
fn secrets_are_redacted() {
    let access = Secret::new(ACCESS_KEY);
    let secret = Secret::new(SECRET_KEY);
    assert_clean("Secret Debug", &format!("{access:?} {secret:#?}"));
    assert_clean("Secret Display", &format!("{access} {secret}"));

    let request = TokenRequest::sign(&access, &secret, 1_665_993_522_952, Some(600)).unwrap();
    let signature = request.signature().expose().to_owned();
    let debug = format!("{request:?} {request:#?}");
    assert_clean("TokenRequest Debug", &debug);
    assert!(
        !debug.contains(&signature),
        "TokenRequest Debug leaks the signature"
    );
    // The body must carry them: redaction is for Debug only.
    let body = String::from_utf8(request.to_json()).unwrap();
    assert!(body.contains(ACCESS_KEY) && body.contains(&signature));
    assert!(
        !body.contains(SECRET_KEY),
        "the secret key itself is never sent"
    );

    let mut data = TokenData::default();
    data.token = Some(TokenValue(Secret::new(TOKEN)));
    let mut envelope = Envelope::new(ResponseCode::Success);
    envelope.data = Some(data);
    assert_clean(
        "Envelope<TokenData> Debug",
        &format!("{envelope:?} {envelope:#?}"),
    );
}

#[test]
fn person_fields_are_redacted() {
    let person = person();
    let debug = format!("{person:?} {person:#?}");
    assert_clean("PersonRecord Debug", &debug);
    assert!(
        debug.contains("first_name") && debug.contains("ID_NIK"),
        "field names stay visible: {debug}"
    );

    // Every field is present, and named; no value is shown.
    for name in [
        "nin",
        "full_name",
        "email",
        "verification",
        "cpf_status",
        "mother_name",
        "address",
        "tax_id",
        "tax_id_type",
    ] {
        assert!(debug.contains(name), "{name} is not listed: {debug}");
    }
    // The nested records redact on their own too.
    let address = address();
    let debug = format!("{address:?} {address:#?}");
    assert_clean("Address Debug", &debug);
    assert!(debug.contains("postal_code") && debug.contains("complement"));
    let checks = verification();
    let debug = format!("{checks:?} {checks:#?}");
    assert_clean("PersonVerification Debug", &debug);
    assert!(
        !debug.contains("\"pass\"") && !debug.contains("Fail"),
        "{debug}"
    );
    assert!(debug.contains("face") && debug.contains("liveness"));
    // ... and the person record's Debug, pretty or not, hides them whole.
    assert!(!format!("{person:#?}").contains("postal_code"));

    let mut verification = VerificationData::default();
    verification.doc_database_detail = Some(person.clone());
    assert_clean("VerificationData Debug", &format!("{verification:?}"));

    let mut result = GetResultData::default();
    result.doc_database_detail = Some(person.clone());
    result.unknown_fields = [("selfie".to_owned(), json!("Okonkwo"))]
        .into_iter()
        .collect();
    let mut envelope = Envelope::new(ResponseCode::Success);
    envelope.data = Some(result);
    envelope.extra = Some(json!({"echo": "Adaeze"}));
    assert_clean(
        "Envelope<GetResultData> Debug",
        &format!("{envelope:?} {envelope:#?}"),
    );

    let request =
        IdNumberVerificationRequest::new("order-1", "user-1", "NGA", "BVN", "22212345674");
    assert_clean("IdNumberVerificationRequest Debug", &format!("{request:?}"));
    assert_clean("Pii Debug", &format!("{:?}", Pii::new("Adaeze")));
    assert_clean(
        "Birthday Debug",
        &format!("{:?}", Birthday::new("1994/07/13")),
    );
}

#[test]
fn errors_never_carry_body_text() {
    // A body that is almost right: every error must describe it without quoting it.
    let bodies: &[&[u8]] = &[
        br#"{"code":"SUCCESS","data":{"signatureId":"s","overallResult":"PASS","submissionCompleted":"Adaeze"}}"#,
        br#"{"code":"SUCCESS","data":{"docDatabaseDetail":{"firstName":22212345674}}}"#,
        br#"{"code":"SUCCESS","data":{"faceDetail":{"faceLivenessScore":"Okonkwo"}}}"#,
        br#"{"code":"SUCCESS","data":{"docDatabaseDetail":{"firstName":"Adaeze","firstName":"Chiamaka"}}}"#,
        br#"{"message":"Adaeze","data":null}"#,
        br#"{"code":"SUCCESS","data":{"docDatabaseDetail":{"firstName":"Adaeze"#,
        b"<html><body>Okonkwo 22212345674</body></html>",
        br#"["Adaeze"]"#,
    ];
    for body in bodies {
        let result = parse_get_result_response(body);
        let error = result.as_ref().map(|_| ()).unwrap_err();
        assert_clean("ParseError", &format!("{error} {error:?}"));
        if let Err(error) = parse_verification_response(body) {
            assert_clean("ParseError", &format!("{error} {error:?}"));
        }
    }
}
