//! Using the client (`advanceai-transport`): a database verification, then the H5 flow.
//! Run with ADVANCEAI_ACCESS_KEY, ADVANCEAI_SECRET_KEY and ADVANCEAI_BASE_URL (default
//! https://sg-api.advance.ai; `cargo run -p advanceai-sandbox` prints a local one).
#![allow(clippy::print_stdout)] // an example prints what it shows

use std::time::Duration;

use advanceai_transport::{
    Client, ClientConfig, Error, GenerateUrlRequest, GetResultRequest, IdNumberVerificationRequest,
    WaitOptions,
};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // One client per process: thread-safe, cheap to clone, one token cache.
    let client = Client::new(ClientConfig::from_env()?);

    // Database verification: validated locally first, then sent (billable).
    let request =
        IdNumberVerificationRequest::new("order-1", "user-1", "NGA", "BVN", "22222222222");
    match client.verify_id_number(&request) {
        // Log the verdict, never docDatabaseDetail: it is personal data.
        Ok(data) => {
            let category = data.category().map_or("none", |c| c.as_str());
            println!("verification: passed={} category={category}", data.passed());
        }
        // A billable call that may have reached the server is never resent: you decide.
        Err(error) => {
            let billed = if error.may_have_been_processed() {
                "it may have been billed: check before sending it again"
            } else {
                "nothing was billed"
            };
            eprintln!("verification failed: {error} ({billed})");
            return Err(error.into());
        }
    }

    // The hosted H5 flow: create a page, send the user to page.url, then fetch the result.
    let page = client.generate_url(&GenerateUrlRequest::new(
        "order-2",
        "user-1",
        "NGA",
        "BVN",
        "https://example.com/ok",
        "https://example.com/fail",
    ))?;
    let signature_id = page.signature_id.ok_or("the answer has no signatureId")?;
    println!("generate url: signatureId {signature_id}");
    let result = client.get_result(&GetResultRequest::new(&signature_id))?;
    println!("get result: final={}", result.is_final());

    // Or poll until it is final (a real user needs minutes, not seconds).
    match client.wait_for_result(&signature_id, WaitOptions::new(Duration::from_secs(2))) {
        Ok(result) => println!("wait: passed={}", result.passed()),
        Err(Error::ResultPending { waited }) => println!("wait: still pending after {waited:?}"),
        Err(error) => return Err(error.into()),
    }
    Ok(())
}
