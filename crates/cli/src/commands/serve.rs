//! `advanceai sandbox`: serves the sandbox until Ctrl-C or SIGTERM.

use advanceai_sandbox::{
    DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY, Sandbox, SandboxConfig, test_numbers_text,
};

use super::output::{Exit, Failure, Output, diagnostic, stdout_line};
use crate::cli::SandboxArgs;
use crate::signals::StopSignals;

/// What to tell the operator once the sandbox listens, after the test numbers.
const HOW_TO: &str = "\
H5: complete a page with POST <address>/sandbox/complete {\"signatureId\":\"...\",\"outcome\":\"PASS\"}
faults: a bizId (or signatureId) starting with fault-502, fault-busy, fault-delay-<ms>-, fault-cut, ...";

/// Serves until stopped. With `--json`, stdout gets one object (`baseUrl`, `accessKey`,
/// `secretKey`) as soon as the sandbox listens, and the rest goes to stderr.
pub(crate) fn serve(args: &SandboxArgs, output: Output) -> Result<Exit, Failure> {
    let config = SandboxConfig::default().with_address(args.host, args.port);
    // Caught before the sandbox starts: a signal in between must stop it, not kill it.
    let signals = StopSignals::catch();
    let sandbox = Sandbox::start(config)
        .map_err(|error| Failure::io(format!("cannot start the sandbox: {error}")))?;
    let say = |text: &str| output.narrate(text);
    if output.json {
        stdout_line(
            &serde_json::json!({
                "baseUrl": sandbox.base_url(),
                "accessKey": DEFAULT_ACCESS_KEY,
                "secretKey": DEFAULT_SECRET_KEY,
            })
            .to_string(),
        );
    }
    say(&format!("sandbox listening on {}", sandbox.base_url()));
    say(&format!("access key: {DEFAULT_ACCESS_KEY}"));
    say(&format!("secret key: {DEFAULT_SECRET_KEY}"));
    say(&test_numbers_text());
    say(HOW_TO);
    say(&format!(
        "try: advanceai --base-url {} --access-key {DEFAULT_ACCESS_KEY} --secret-key {DEFAULT_SECRET_KEY} verify --region NGA --number-type BVN --number 22222222222 --biz-id b1 --user-id u1",
        sandbox.base_url()
    ));
    say("stop with Ctrl-C");
    match signals {
        Ok(mut signals) => signals.wait(),
        Err(error) => diagnostic(&format!("cannot wait for signals: {error}")),
    }
    say("sandbox stopping");
    sandbox.shutdown();
    Ok(Exit::Ok)
}
