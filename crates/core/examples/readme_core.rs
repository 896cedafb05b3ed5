//! Using `advanceai-core` alone: sign, validate, build and parse; the HTTP client is yours.
//! Run: cargo run -p advanceai-core --example readme_core (no network).
#![allow(clippy::print_stdout)] // an example prints what it shows

use advanceai_core::{
    Clock, Endpoint, Host, IdNumberVerificationRequest, Secret, SystemClock, TokenRequest,
    parse_get_result_response, parse_verification_response,
};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let base = Host::Singapore.base_url();

    // 1. A token: sign with your keys and the current time (epoch milliseconds).
    let access_key = Secret::new("sampleaccesskey");
    let secret_key = Secret::new("samplesecretkey");
    let token_request = TokenRequest::sign(&access_key, &secret_key, SystemClock.now_ms(), None)?;
    // The body carries the access key and the signature: send it, never log it.
    let token_body = token_request.to_json();
    let path = Endpoint::Token.path();
    println!(
        "token request: {} bytes to POST to {base}{path}",
        token_body.len()
    );
    // Then parse_token_response(&answer)?.into_data()? holds the token for X-ACCESS-TOKEN.

    // 2. Validate before sending: a refusal carries the server's own code and message.
    let request =
        IdNumberVerificationRequest::new("order-1", "user-1", "NGA", "BVN", "22222222222");
    request.validate()?;
    let body = request.to_json(); // POST it with the X-ACCESS-TOKEN header
    let path = Endpoint::IdNumberVerification.path();
    println!(
        "verification request: {} bytes to POST to {base}{path}",
        body.len()
    );
    let invalid = IdNumberVerificationRequest::new("order-2", "user-1", "NGA", "BVN", "123");
    if let Err(refused) = invalid.validate() {
        println!("refused locally: {}: {}", refused.code(), refused.message());
    }

    // 3. Parse the answer: into_data() is an error unless the code is SUCCESS.
    let answer = br#"{"code":"SUCCESS","message":"OK","data":{"signatureId":"a1b2c3d4e5f60718",
        "overallResult":"PASS","errorCode":"","docDatabaseDetail":{"firstName":"T****E",
        "lastName":"I***A","gender":"Male","birthday":"1994-07-13"}},"extra":null,
        "transactionId":"20278fe987234752","pricingStrategy":"FREE"}"#;
    let data = parse_verification_response(answer)?.into_data()?;
    // Log the verdict, never docDatabaseDetail: it is personal data.
    let category = data.category().map_or("none", |c| c.as_str());
    println!("verification: passed={} category={category}", data.passed());

    // 4. H5 Get Result: errorCode null means the user is not done yet; poll again later.
    let pending = br#"{"code":"SUCCESS","message":"OK","data":{"signatureId":"f302f5d2454a85c2",
        "overallResult":null,"submissionCompleted":false,"errorCode":null},
        "transactionId":"d3fde1547eeaf226"}"#;
    let result = parse_get_result_response(pending)?.into_data()?;
    println!("get result: final={}", result.is_final());
    Ok(())
}
