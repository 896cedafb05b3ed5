//! `advanceai sandbox`: serves the sandbox until Ctrl-C or SIGTERM.

use advanceai_sandbox::{
    DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY, Sandbox, SandboxConfig, TlsOptions, test_numbers_text,
};

use super::output::{Exit, Failure, Output, diagnostic, stdout_line};
use crate::cli::SandboxArgs;
use crate::signals::StopSignals;

/// What to tell the operator once the sandbox listens, after the test numbers.
const HOW_TO: &str = "\
H5: complete a page with POST <address>/sandbox/complete {\"signatureId\":\"...\",\"outcome\":\"PASS\"}
faults: a bizId (or signatureId) starting with fault-502, fault-busy, fault-delay-<ms>-, fault-cut, ...";

/// Serves until stopped. With `--json`, stdout gets one object (`baseUrl`, `accessKey`,
/// `secretKey`, and with `--tls` `caBundle`: the CA file's path) as soon as the sandbox
/// listens, and the rest goes to stderr.
pub(crate) fn serve(args: &SandboxArgs, output: Output) -> Result<Exit, Failure> {
    let mut config = SandboxConfig::default().with_address(args.host, args.port);
    if args.tls {
        config = config.with_tls(TlsOptions::default());
    }
    // Caught before the sandbox starts: a signal in between must stop it, not kill it.
    let signals = StopSignals::catch();
    let sandbox = Sandbox::start(config)
        .map_err(|error| Failure::io(format!("cannot start the sandbox: {error}")))?;
    let ca_path = if args.tls {
        let path = sandbox
            .save_ca_pem(args.ca_out.as_deref())
            .map_err(|error| {
                Failure::io(format!(
                    "cannot write the sandbox's CA certificate: {error}"
                ))
            })?;
        Some(path.display().to_string())
    } else {
        None
    };
    let say = |text: &str| output.narrate(text);
    if output.json {
        let mut json = serde_json::json!({
            "baseUrl": sandbox.base_url(),
            "accessKey": DEFAULT_ACCESS_KEY,
            "secretKey": DEFAULT_SECRET_KEY,
        });
        if let Some(path) = &ca_path {
            json["caBundle"] = serde_json::Value::from(path.as_str());
        }
        stdout_line(&json.to_string());
    }
    say(&format!("sandbox listening on {}", sandbox.base_url()));
    say(&format!("access key: {DEFAULT_ACCESS_KEY}"));
    say(&format!("secret key: {DEFAULT_SECRET_KEY}"));
    if let Some(path) = &ca_path {
        say(&format!(
            "CA certificate: {path} (trust it with --ca-bundle or ADVANCEAI_CA_BUNDLE)"
        ));
    }
    say(&test_numbers_text());
    say(HOW_TO);
    let trust = ca_path
        .as_ref()
        .map(|path| format!(" --ca-bundle {path}"))
        .unwrap_or_default();
    say(&format!(
        "try: advanceai --base-url {}{trust} --access-key {DEFAULT_ACCESS_KEY} --secret-key {DEFAULT_SECRET_KEY} verify --region NGA --number-type BVN --number 22222222222 --biz-id b1 --user-id u1",
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
