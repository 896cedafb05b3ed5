//! `advanceai demo`: the whole product against an embedded sandbox, in a few seconds.

use std::time::Duration;

use advanceai_core::{GenerateUrlRequest, IdNumberVerificationRequest, Market, Pii};
use advanceai_transport::{Client, ClientConfig, Error, WaitOptions};
use serde_json::{Map, Value};

use super::checks::{field, render_verdict, to_json};
use super::connect::start_sandbox;
use super::output::{Exit, Failure, Output, stdout_line};
use advanceai_sandbox::{DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY};

/// Runs the walk-through; any step that does not behave as documented fails the demo.
/// With `--json` the narrative goes to stderr and stdout gets one object: each step's
/// answer (`data` in the API's names) under the step's name.
pub(crate) fn run(output: Output) -> Result<Exit, Failure> {
    let mut out = Narrator {
        output,
        steps: Map::new(),
    };
    let sandbox = start_sandbox()?;
    let base = sandbox.base_url().to_owned();
    out.say(&format!(
        "Started an embedded sandbox at {base} (access key {DEFAULT_ACCESS_KEY})."
    ));
    let config = ClientConfig::builder()
        .base_url(&base)
        .credentials(DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY)
        .timeout(Duration::from_secs(10))
        .build()
        .map_err(|error| Failure::from(Error::Config(error)))?;
    let client = Client::new(config);

    out.step("1. Access token");
    let token = client.token()?;
    out.say(&format!(
        "token obtained ({} characters); the client caches and refreshes it",
        token.expose().len()
    ));

    out.step("2. Database verification of a BVN that passes (22222222222)");
    let pass = client.verify_id_number(&IdNumberVerificationRequest::new(
        "demo-pass",
        "demo-user",
        "NGA",
        "BVN",
        "22222222222",
    ))?;
    let pass_json = to_json(&pass)?;
    out.say(&render_verdict("verify", &pass_json));
    out.record("verifyPass", pass_json);
    expect(pass.passed(), "the PASS number did not pass")?;

    out.step("3. Database verification of a BVN that does not exist (00000000000)");
    let fail = client.verify_id_number(&IdNumberVerificationRequest::new(
        "demo-fail",
        "demo-user",
        "NGA",
        "BVN",
        "00000000000",
    ))?;
    let fail_json = to_json(&fail)?;
    out.say(&render_verdict("verify", &fail_json));
    out.record("verifyFail", fail_json);
    expect(!fail.passed(), "the FAIL number passed")?;

    out.step("4. An invalid request (number \"123\") is refused locally, never sent");
    match client.verify_id_number(&IdNumberVerificationRequest::new(
        "demo-invalid",
        "demo-user",
        "NGA",
        "BVN",
        "123",
    )) {
        Err(Error::InvalidInput(problem)) => {
            out.say(&format!(
                "refused: {} \"{}\" (the server's own code and message)",
                problem.code(),
                problem.message()
            ));
            out.record(
                "invalidRequest",
                serde_json::json!({"code": problem.code().as_str(), "message": problem.message()}),
            );
        }
        Err(other) => return Err(other.into()),
        Ok(_) => return Err(Failure::io("the invalid request was accepted")),
    }

    out.step("5. H5 flow: Generate URL");
    let request = GenerateUrlRequest::new(
        "demo-h5",
        "demo-user",
        "NGA",
        "BVN",
        "https://example.com/ok",
        "https://example.com/fail",
    );
    let page = client.generate_url(&request)?;
    let page_json = to_json(&page)?;
    let signature_id = field(&page_json, "signatureId").to_owned();
    out.say(&format!("signatureId: {signature_id}"));
    out.say(&format!("url:         {}", field(&page_json, "url")));
    out.record("generateUrl", page_json.clone());

    out.step("6. The user completes the page (the sandbox's automation endpoint)");
    complete(&base, &signature_id)?;
    out.say("POST /sandbox/complete {\"outcome\":\"PASS\"}: done");

    out.step("7. Wait for the result");
    let options = WaitOptions::new(Duration::from_secs(10))
        .with_intervals(Duration::from_millis(50), Duration::from_millis(200));
    let result = client.wait_for_result(&signature_id, options.clone())?;
    let result_json = to_json(&result)?;
    out.say(&render_verdict("result", &result_json));
    out.record("result", result_json);
    expect(result.passed(), "the completed H5 transaction did not pass")?;

    let market = Market::find("IDN", "NIK")
        .ok_or_else(|| Failure::io("demo: core's market table has no IDN NIK row"))?;
    out.step(&format!(
        "8. The same H5 flow outside Nigeria: {} ({} {}, the full name given, the number left \
         for the page)",
        market.country, market.region, market.number_type
    ));
    let mut request = GenerateUrlRequest::new(
        "demo-h5-idn",
        "demo-user",
        market.region,
        market.number_type,
        "https://example.com/ok",
        "https://example.com/fail",
    );
    request.full_name = Some(Pii::new("Budi Santoso"));
    let page = client.generate_url(&request)?;
    let signature_id = page
        .signature_id
        .clone()
        .ok_or_else(|| Failure::io("demo: Generate URL answered without a signatureId"))?;
    complete(&base, &signature_id)?;
    let result = client.wait_for_result(&signature_id, options)?;
    let result_json = to_json(&result)?;
    out.say(&render_verdict("result", &result_json));
    out.record("resultOutsideNigeria", result_json);
    let named = result
        .doc_database_detail
        .as_ref()
        .and_then(|person| person.number_type_info.as_ref())
        .and_then(|info| info.number_type.as_deref());
    expect(
        result.passed() && named == Some(market.get_result_number_type),
        "the H5 transaction outside Nigeria did not pass with its market's numberType",
    )?;

    out.step("Summary");
    out.say("token: obtained");
    out.say("verify 22222222222: PASS (exit code 0); verify 00000000000: FAIL (exit code 1)");
    out.say("invalid input: refused locally (exit code 2)");
    out.say("H5: URL generated, page completed, result PASS (in Nigeria and in Indonesia)");
    out.step("Against the real API");
    out.say("export ADVANCEAI_ACCESS_KEY=... ADVANCEAI_SECRET_KEY=...");
    out.say(
        "then run the same commands without --sandbox, e.g. advanceai verify --region NGA \
         --number-type BVN --number <ID> --biz-id <order> --user-id <user>",
    );
    out.say("(try them now offline: advanceai --sandbox verify ..., or advanceai sandbox)");
    sandbox.shutdown();
    out.finish();
    Ok(Exit::Ok)
}

/// Completes an H5 transaction the way a user on the page would.
fn complete(base: &str, signature_id: &str) -> Result<(), Failure> {
    let body = serde_json::json!({"signatureId": signature_id, "outcome": "PASS"}).to_string();
    ureq::post(&format!("{base}/sandbox/complete"))
        .config()
        .timeout_global(Some(Duration::from_secs(10)))
        .build()
        .header("Content-Type", "application/json")
        .send(&body)
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

/// Where the demo writes: the narrative on stdout, or with `--json` on stderr with the
/// steps' answers collected into the one JSON object stdout gets.
struct Narrator {
    output: Output,
    steps: Map<String, Value>,
}

impl Narrator {
    fn step(&self, title: &str) {
        self.say(&format!("\n== {title}"));
    }

    fn say(&self, text: &str) {
        self.output.narrate(text);
    }

    fn record(&mut self, name: &str, value: Value) {
        self.steps.insert(name.to_owned(), value);
    }

    fn finish(self) {
        if self.output.json {
            stdout_line(&Value::Object(self.steps).to_string());
        }
    }
}
