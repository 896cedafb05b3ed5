//! The command line: global options and subcommands (the contract scripts rely on).

use std::net::IpAddr;
use std::path::PathBuf;

use advanceai_core::{MARKETS, Market, Requirement};
use clap::{Args, Parser, Subcommand};

use crate::bulk::Shard;

// No `Debug` on the argument types: they hold the keys and ID numbers, and nothing may
// print them by accident.

/// The ADVANCE.AI identity-verification API from the command line: a demo, single checks
/// and bulk re-verification, against the real API or an offline sandbox.
#[derive(Parser)]
#[command(
    name = "advanceai",
    version,
    about,
    after_help = "Exit codes: 0 success (verify/result: PASS; health: status health); 1 verdict \
                  FAIL or INCOMPLETE, or a health status other than health; \
                  2 usage or local validation error; 3 API error; 4 transport or unexpected \
                  response; 5 result not final yet.\n\
                  Keys on the command line are visible to other users of the machine (ps): \
                  prefer ADVANCEAI_ACCESS_KEY and ADVANCEAI_SECRET_KEY."
)]
pub(crate) struct Cli {
    /// Options every network command accepts.
    #[command(flatten)]
    pub(crate) global: GlobalOptions,
    /// What to do.
    #[command(subcommand)]
    pub(crate) command: Command,
}

/// Options accepted before or after the subcommand.
#[derive(Args)]
pub(crate) struct GlobalOptions {
    /// The API's base URL (default: the vendor's Singapore host).
    #[arg(long, global = true, env = "ADVANCEAI_BASE_URL", value_name = "URL")]
    pub(crate) base_url: Option<String>,
    /// The account's access key.
    #[arg(
        long,
        global = true,
        env = "ADVANCEAI_ACCESS_KEY",
        value_name = "KEY",
        hide_env_values = true
    )]
    pub(crate) access_key: Option<String>,
    /// The account's secret key.
    #[arg(
        long,
        global = true,
        env = "ADVANCEAI_SECRET_KEY",
        value_name = "KEY",
        hide_env_values = true
    )]
    pub(crate) secret_key: Option<String>,
    /// Timeout of one HTTP request, in seconds (cut to the time the deadline leaves).
    #[arg(long, global = true, value_name = "SECONDS", value_parser = positive_seconds)]
    pub(crate) timeout: Option<f64>,
    /// Deadline of one call, in seconds: all its attempts, the pauses between them and the
    /// token fetch (default 60).
    #[arg(
        long,
        global = true,
        env = "ADVANCEAI_DEADLINE",
        value_name = "SECONDS",
        value_parser = deadline_seconds
    )]
    pub(crate) deadline: Option<f64>,
    /// Print exactly one JSON object on stdout.
    #[arg(long, global = true)]
    pub(crate) json: bool,
    /// Run against an embedded sandbox on a free loopback port, with its credentials.
    #[arg(long, global = true)]
    pub(crate) sandbox: bool,
    /// Also trust the certificates of this PEM file (a TLS-inspecting proxy's CA, or the
    /// one `advanceai sandbox --tls` writes), besides the built-in Mozilla roots.
    #[arg(long, global = true, env = "ADVANCEAI_CA_BUNDLE", value_name = "PATH")]
    pub(crate) ca_bundle: Option<PathBuf>,
    /// Connect directly, whatever ALL_PROXY / HTTPS_PROXY / HTTP_PROXY say (by default the
    /// first of them that is set is used, NO_PROXY honoured).
    #[arg(long, global = true)]
    pub(crate) no_proxy: bool,
}

/// The subcommands.
#[derive(Subcommand)]
pub(crate) enum Command {
    /// Walk the whole product against an embedded sandbox (no network, no credentials).
    Demo,
    /// Serve the sandbox until Ctrl-C or SIGTERM.
    Sandbox(SandboxArgs),
    /// Fetch an access token and print it.
    Token,
    /// Verify one ID number against the authoritative database.
    Verify(VerifyArgs),
    /// Create an H5 verification page (Generate URL).
    Url(UrlArgs),
    /// Fetch the result of an H5 verification.
    Result(ResultArgs),
    /// Read the Non-Doc health of an ID type before starting verifications.
    #[command(
        after_help = "Exit codes: 0 status health (start verifications); 1 any other status \
                      (unstable, or one the vendor has not documented: do not start now); \
                      3 API error. --json prints the response's data: {numberType, status}."
    )]
    Health(HealthArgs),
    /// Delete a finished transaction's personal data at the vendor (Clear Data), once its
    /// result is no longer needed.
    #[command(
        after_help = "Exit codes: 0 cleared; 3 API error (PARAMETER_ERROR \"Transaction is \
                      not finished\" while the result is pending, \"SignatureId is not exist\" \
                      for an unknown id; REQUEST_IN_PROCESSING: a clear is already being \
                      processed, try again later). --json prints {signatureId, cleared: true}."
    )]
    Clear(ClearArgs),
    /// Re-verify many ID numbers, or re-fetch many H5 results (--results), from a CSV or
    /// JSONL file.
    #[command(
        after_help = "Input: CSV with the header bizId,userId,region,numberType,numberValue \
                            (any column order), or JSONL with those keys (.jsonl/.ndjson, or - for \
                            stdin); with --results, a signatureId column or key. Output: one JSONL \
                            line per row, the ID number masked. Rerun with the same --out to \
                            resume: answered rows are skipped, rows that were not sent are sent, \
                            pending results are fetched again. Rows with error kind \
                            UNKNOWN_OUTCOME may have been billed and are never resent: check them \
                            before retrying. A run killed outright leaves OUT.journal, the rows \
                            it sent: the rerun writes those still unanswered as UNKNOWN_OUTCOME.\n\
                            --shard K/N runs the rows whose number modulo N is K: N processes \
                            split one input with no coordination, each into its own --out; \
                            `cat` their outputs into one file to merge them.\n\
                            Exit codes: 0 every row has its line; 3 rows left unsent because the \
                            API refused them unprocessed (busy, keys, balance: the run stops on \
                            an account-level refusal); 4 rows with an unknown outcome, or left \
                            unsent by a network error; 5 (--results) results still pending; \
                            2 usage; 130 stopped by Ctrl-C or SIGTERM (the answers of requests \
                            in flight are written first)."
    )]
    Bulk(BulkArgs),
}

/// `advanceai sandbox`.
#[derive(Args)]
pub(crate) struct SandboxArgs {
    /// Port to listen on (0 picks a free port).
    #[arg(long, default_value_t = 8080)]
    pub(crate) port: u16,
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1")]
    pub(crate) host: IpAddr,
    /// Serve HTTPS with a throwaway CA made at start (certificate for localhost, 127.0.0.1
    /// and ::1); the CA's certificate is written to --ca-out and its path printed.
    #[arg(long)]
    pub(crate) tls: bool,
    /// Where to write the CA's PEM certificate (default: a new file in the temporary
    /// directory).
    #[arg(long, value_name = "PATH", requires = "tls")]
    pub(crate) ca_out: Option<PathBuf>,
}

/// `advanceai verify`.
#[derive(Args)]
pub(crate) struct VerifyArgs {
    /// ISO 3166-1 alpha-3 region.
    #[arg(long, help = region_help())]
    pub(crate) region: String,
    /// ID type.
    #[arg(long, help = number_type_help())]
    pub(crate) number_type: String,
    /// The ID number.
    #[arg(long)]
    pub(crate) number: String,
    /// Your business id for this check.
    #[arg(long)]
    pub(crate) biz_id: String,
    /// Your id of the user.
    #[arg(long)]
    pub(crate) user_id: String,
}

/// `advanceai url`: Generate Non-Document Verification URL.
#[derive(Args)]
pub(crate) struct UrlArgs {
    /// ISO 3166-1 alpha-3 region of the user's ID.
    #[arg(long, help = market_region_help())]
    pub(crate) region: String,
    /// ID type.
    #[arg(long, help = market_number_type_help())]
    pub(crate) number_type: String,
    /// Your business id.
    #[arg(long)]
    pub(crate) biz_id: String,
    /// Your id of the user.
    #[arg(long)]
    pub(crate) user_id: String,
    /// Where the page sends the user after completing the flow.
    #[arg(long, value_name = "URL")]
    pub(crate) return_url: String,
    /// Where the page sends the user when the flow is not completed.
    #[arg(long, value_name = "URL")]
    pub(crate) fail_return_url: String,
    /// The ID number (numberValue); left out, the user types it on the page (SAID needs it).
    #[arg(long)]
    pub(crate) number: Option<String>,
    /// The person's full name (fullName); NIK needs it.
    #[arg(long, value_name = "NAME")]
    pub(crate) full_name: Option<String>,
    /// The person's gender, sent as given (its values are not documented); DNI needs it with
    /// --number.
    #[arg(long)]
    pub(crate) gender: Option<String>,
    /// Where the vendor posts the result notification (http or https).
    #[arg(long, value_name = "URL")]
    pub(crate) callback_url: Option<String>,
    /// The page's language (en-US).
    #[arg(long)]
    pub(crate) language: Option<String>,
    /// The page's colour scheme.
    #[arg(long, value_name = "SCHEME", value_parser = ["light", "dark"])]
    pub(crate) color_scheme: Option<String>,
    /// Your business type for the user (bizCode), sent as given.
    #[arg(long, value_name = "CODE")]
    pub(crate) biz_code: Option<String>,
}

/// `advanceai result`.
#[derive(Args)]
pub(crate) struct ResultArgs {
    /// The id Generate URL returned.
    pub(crate) signature_id: String,
    /// Poll until the result is final.
    #[arg(long)]
    pub(crate) wait: bool,
    /// How long --wait polls, in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 300.0, value_parser = positive_seconds)]
    pub(crate) wait_timeout: f64,
}

/// `advanceai health`.
#[derive(Args)]
pub(crate) struct HealthArgs {
    /// The Health Status ID type.
    #[arg(long, help = health_type_help())]
    pub(crate) number_type: String,
}

/// `advanceai clear`.
#[derive(Args)]
pub(crate) struct ClearArgs {
    /// The id Generate URL returned.
    pub(crate) signature_id: String,
}

/// `advanceai bulk`.
#[derive(Args)]
pub(crate) struct BulkArgs {
    /// CSV or JSONL input (by extension); `-` reads JSONL from stdin.
    pub(crate) input: PathBuf,
    /// JSONL output; rerunning with the same file resumes.
    #[arg(long, value_name = "OUTPUT")]
    pub(crate) out: PathBuf,
    /// Requests in flight at once.
    #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u64).range(1..=256))]
    pub(crate) concurrency: u64,
    /// At most this many requests per second.
    #[arg(long, value_name = "PER_SECOND", value_parser = positive_seconds)]
    pub(crate) rate: Option<f64>,
    /// Fetch the results of H5 transactions (Get Result, idempotent) from a signatureId
    /// column, instead of verifying ID numbers.
    #[arg(long)]
    pub(crate) results: bool,
    /// Run only the rows whose row number modulo N is K (0 <= K < N).
    #[arg(long, value_name = "K/N", default_value = "0/1")]
    pub(crate) shard: Shard,
}

/// The markets database verification accepts (NGA BVN / NIN).
fn database_markets() -> impl Iterator<Item = &'static Market> {
    MARKETS.iter().filter(|m| m.apis.database_verification)
}

/// The regions of `markets`, each once, in the table's order.
fn regions(markets: impl Iterator<Item = &'static Market>) -> String {
    let mut regions: Vec<&str> = markets.map(|m| m.region).collect();
    regions.dedup();
    regions.join(", ")
}

/// `verify --region`'s help: the regions of core's market table database verification
/// accepts (`NGA`).
fn region_help() -> String {
    format!(
        "ISO 3166-1 alpha-3 region ({})",
        regions(database_markets())
    )
}

/// `verify --number-type`'s help (`BVN (NGA, 11 ASCII digits)`).
fn number_type_help() -> String {
    let types: Vec<String> = database_markets()
        .map(|m| {
            format!(
                "{} ({}, {} ASCII digits)",
                m.number_type,
                m.region,
                m.describe_lengths()
            )
        })
        .collect();
    format!("ID type: {}", types.join("; "))
}

/// `url --region`'s help: every market's region.
fn market_region_help() -> String {
    format!("ISO 3166-1 alpha-3 region ({})", regions(MARKETS.iter()))
}

/// `url --number-type`'s help: every market's type, its length and the fields it needs
/// (`NIK (IDN, 16 digits, --full-name required)`).
fn market_number_type_help() -> String {
    let types: Vec<String> = MARKETS
        .iter()
        .map(|m| {
            let mut needs = Vec::new();
            if m.number_value == Requirement::Required {
                needs.push(", --number required");
            }
            if m.full_name == Requirement::Required {
                needs.push(", --full-name required");
            }
            if m.gender == Requirement::RequiredWithNumber {
                needs.push(", --gender required with --number");
            }
            format!(
                "{} ({}, {} digits{})",
                m.number_type,
                m.region,
                m.describe_lengths(),
                needs.concat()
            )
        })
        .collect();
    format!("ID type: {}", types.join("; "))
}

/// `health --number-type`'s help: core's Health vocabulary (not the `verify` one).
fn health_type_help() -> String {
    format!(
        "Health Status ID type, case-insensitive, e.g. {} (not BVN: the Health vocabulary \
         is region_TYPE)",
        Market::health_number_types().collect::<Vec<_>>().join(", ")
    )
}

/// `--deadline` / `ADVANCEAI_DEADLINE`: seconds, a finite number greater than zero (the
/// message names both, since the value may come from either).
fn deadline_seconds(value: &str) -> Result<f64, String> {
    positive_seconds(value).map_err(|_| {
        format!(
            "{value:?} is not a number of seconds greater than 0 (from --deadline or the \
             ADVANCEAI_DEADLINE environment variable)"
        )
    })
}

/// A finite number greater than zero (seconds, or a rate).
fn positive_seconds(value: &str) -> Result<f64, String> {
    match value.parse::<f64>() {
        Ok(number) if number.is_finite() && number > 0.0 && number <= 1e9 => Ok(number),
        _ => Err(format!("{value:?} is not a number greater than 0")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn definitions_are_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn global_options_after_the_subcommand() {
        let cli = Cli::try_parse_from(["advanceai", "token", "--json", "--timeout", "2"]);
        let cli = cli.map_err(|e| e.to_string());
        assert!(matches!(
            cli,
            Ok(Cli { global: GlobalOptions { json: true, timeout: Some(t), .. }, command: Command::Token }) if t == 2.0
        ));
    }

    #[test]
    fn id_type_help_follows_the_table() {
        let mut command = Cli::command();
        let verify = command.find_subcommand_mut("verify").unwrap();
        let help = verify.render_long_help().to_string();
        for row in advanceai_core::SUPPORTED_ID_NUMBER_TYPES {
            assert!(help.contains(row.number_type), "{help}");
            assert!(help.contains(row.region), "{help}");
        }
        assert!(help.contains("BVN (NGA, 11 ASCII digits)"), "{help}");
        assert!(
            !help.contains("NIK"),
            "database verification is NGA only: {help}"
        );
        let url = command.find_subcommand_mut("url").unwrap();
        let help = url.render_long_help().to_string();
        for market in MARKETS {
            assert!(help.contains(market.number_type), "{help}");
            assert!(help.contains(market.region), "{help}");
        }
        assert!(
            help.contains("NIK (IDN, 16 digits, --full-name required)"),
            "{help}"
        );
        assert!(
            help.contains("DNI (ARG, 7 or 8 digits, --gender required with --number)"),
            "{help}"
        );
    }

    #[test]
    fn deadline_in_seconds() {
        let cli = Cli::try_parse_from(["advanceai", "token", "--deadline", "2.5"]).unwrap();
        assert_eq!(cli.global.deadline, Some(2.5));
        for bad in ["0", "-1", "soon", "inf", "NaN"] {
            let flag = format!("--deadline={bad}");
            let error = Cli::try_parse_from(["advanceai", flag.as_str(), "token"])
                .err()
                .unwrap();
            assert_eq!(error.exit_code(), 2, "{bad}");
            assert!(error.to_string().contains("ADVANCEAI_DEADLINE"), "{error}");
        }
    }

    #[test]
    fn refuses_zero_timeout() {
        assert!(Cli::try_parse_from(["advanceai", "--timeout", "0", "token"]).is_err());
    }
}
