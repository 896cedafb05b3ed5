//! `advanceai demo`: the whole product against an embedded sandbox, in a few seconds.

use std::time::Duration;

use advanceai_core::{GenerateUrlRequest, IdNumberVerificationRequest};
use advanceai_transport::{Client, ClientConfig, Error, WaitOptions};

use super::checks::{field, render_verdict, to_json};
use super::connect::start_sandbox;
use super::output::{Exit, Failure, stdout_line};
use advanceai_sandbox::{DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY};

/// Runs the walk-through; any step that does not behave as documented fails the demo.
pub(crate) fn run() -> Result<Exit, Failure> {
    let sandbox = start_sandbox()?;
    let base = sandbox.base_url().to_owned();
    say(&format!(
        "Started an embedded sandbox at {base} (access key {DEFAULT_ACCESS_KEY})."
    ));
    let config = ClientConfig::builder()
        .base_url(&base)
        .credentials(DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY)
        .timeout(Duration::from_secs(10))
        .build()
        .map_err(|error| Failure::from(Error::Config(error)))?;
    let client = Client::new(config);

    step("1. Access token");
    let token = client.token()?;
    say(&format!(
        "token obtained ({} characters); the client caches and refreshes it",
        token.expose().len()
    ));

    step("2. Database verification of a BVN that passes (22222222222)");
    let pass = client.verify_id_number(&IdNumberVerificationRequest::new(
        "demo-pass",
        "demo-user",
        "NGA",
        "BVN",
        "22222222222",
    ))?;
    say(&render_verdict("verify", &to_json(&pass)?));
    expect(pass.passed(), "the PASS number did not pass")?;

    step("3. Database verification of a BVN that does not exist (00000000000)");
    let fail = client.verify_id_number(&IdNumberVerificationRequest::new(
        "demo-fail",
        "demo-user",
        "NGA",
        "BVN",
        "00000000000",
    ))?;
    say(&render_verdict("verify", &to_json(&fail)?));
    expect(!fail.passed(), "the FAIL number passed")?;

    step("4. An invalid request (number \"123\") is refused locally, never sent");
    match client.verify_id_number(&IdNumberVerificationRequest::new(
        "demo-invalid",
        "demo-user",
        "NGA",
        "BVN",
        "123",
    )) {
        Err(Error::InvalidInput(problem)) => say(&format!(
            "refused: {} \"{}\" (the server's own code and message)",
            problem.code(),
            problem.message()
        )),
        Err(other) => return Err(other.into()),
        Ok(_) => return Err(Failure::io("the invalid request was accepted")),
    }

    step("5. H5 flow: Generate URL");
    let mut request = GenerateUrlRequest::new(
        "demo-h5",
        "demo-user",
        "NGA",
        "https://example.com/ok",
        "https://example.com/fail",
    );
    request.number_type = Some("BVN".to_owned());
    let page = client.generate_url(&request)?;
    let page_json = to_json(&page)?;
    let signature_id = field(&page_json, "signatureId").to_owned();
    say(&format!("signatureId: {signature_id}"));
    say(&format!("url:         {}", field(&page_json, "url")));

    step("6. The user completes the page (the sandbox's automation endpoint)");
    complete(&base, &signature_id)?;
    say("POST /sandbox/complete {\"outcome\":\"PASS\"}: done");

    step("7. Wait for the result");
    let options = WaitOptions::new(Duration::from_secs(10))
        .with_intervals(Duration::from_millis(50), Duration::from_millis(200));
    let result = client.wait_for_result(&signature_id, options)?;
    say(&render_verdict("result", &to_json(&result)?));
    expect(result.passed(), "the completed H5 transaction did not pass")?;

    step("Summary");
    say("token: obtained");
    say("verify 22222222222: PASS (exit code 0); verify 00000000000: FAIL (exit code 1)");
    say("invalid input: refused locally (exit code 2)");
    say("H5: URL generated, page completed, result PASS");
    step("Against the real API");
    say("export ADVANCEAI_ACCESS_KEY=... ADVANCEAI_SECRET_KEY=...");
    say(
        "then run the same commands without --sandbox, e.g. advanceai verify --region NGA \
         --number-type BVN --number <ID> --biz-id <order> --user-id <user>",
    );
    say("(try them now offline: advanceai --sandbox verify ..., or advanceai sandbox)");
    sandbox.shutdown();
    Ok(Exit::Ok)
}

/// Completes an H5 transaction the way a user on the page would.
fn complete(base: &str, signature_id: &str) -> Result<(), Failure> {
    let body = serde_json::json!({"signatureId": signature_id, "outcome": "PASS"}).to_string();
    ureq::post(&format!("{base}/sandbox/complete"))
        .timeout(Duration::from_secs(10))
        .set("Content-Type", "application/json")
        .send_string(&body)
        .map(|_| ())
        .map_err(|error| Failure::io(format!("cannot complete the H5 page: {error}")))
}

fn expect(condition: bool, message: &str) -> Result<(), Failure> {
    if condition {
        Ok(())
    } else {
        Err(Failure::io(format!("demo: {message}")))
    }
}

fn step(title: &str) {
    stdout_line(&format!("\n== {title}"));
}

fn say(text: &str) {
    stdout_line(text.trim_end_matches('\n'));
}
