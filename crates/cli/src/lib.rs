//! `advanceai`: a one-command demo, single checks and bulk re-verification against the
//! ADVANCE.AI identity-verification API, or its embedded offline sandbox.
//!
//! The command is this library's [`main`]; the binary only calls it. The library exists so
//! that tests and fuzzers reach the bulk readers ([`fuzzing`]); it is not a stable API.
//!
//! Exit codes: 0 success (for `verify`/`result`: PASS; for `health`: status `health`); 1 a
//! completed verification with FAIL or INCOMPLETE, or a Health status other than `health`;
//! 2 usage or local validation error; 3 API error; 4 transport or unexpected-response
//! error; 5 result not final yet.

mod bulk;
mod cli;
mod commands;
#[doc(hidden)]
pub mod fuzzing;
mod signals;

use std::process::ExitCode;

use clap::Parser;

use cli::{BulkArgs, Cli, Command};
use commands::checks::{self, Done};
use commands::connect::connect;
use commands::output::{Exit, Failure, Output};

/// Runs the command line the process was started with, and returns its exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return usage_error(&error),
    };
    let output = Output {
        json: cli.global.json,
    };
    match run(&cli, output) {
        Ok(exit) => exit.into(),
        Err(failure) => output.failure(&failure).into(),
    }
}

/// Clap's own rendering on stderr (help and version on stdout, exit 0); with `--json`, a
/// usage error is also the one JSON object on stdout, so scripts always get one.
fn usage_error(error: &clap::Error) -> ExitCode {
    let informational = error.exit_code() == 0;
    let wants_json = std::env::args_os().any(|arg| arg == "--json");
    if !informational && wants_json {
        let rendered = error.kind().as_str().unwrap_or("invalid usage").to_owned();
        // The first paragraph of clap's message, on one line.
        let text = error.to_string();
        let detail = text
            .lines()
            .take_while(|line| !line.trim().is_empty())
            .map(str::trim)
            .collect::<Vec<_>>()
            .join(" ")
            .trim_start_matches("error: ")
            .to_owned();
        let message = if detail.is_empty() { rendered } else { detail };
        commands::output::stdout_line(&Failure::usage(message).to_json().to_string());
    }
    let _ = error.print();
    if informational {
        ExitCode::SUCCESS
    } else {
        Exit::Usage.into()
    }
}

fn run(cli: &Cli, output: Output) -> Result<Exit, Failure> {
    let single = |call: &dyn Fn(&advanceai_transport::Client) -> Result<Done, Failure>| {
        let connection = connect(&cli.global)?;
        let done = call(&connection.client)?;
        output.success(&done.text, &done.json);
        Ok(done.exit)
    };
    match &cli.command {
        Command::Demo => commands::demo::run(output),
        Command::Sandbox(args) => commands::serve::serve(args, output),
        Command::Token => single(&checks::token),
        Command::Verify(args) => single(&|client| checks::verify(client, args)),
        Command::Url(args) => single(&|client| checks::url(client, args)),
        Command::Result(args) => single(&|client| checks::result(client, args)),
        Command::Health(args) => single(&|client| commands::ops::health(client, args)),
        Command::Clear(args) => single(&|client| commands::ops::clear(client, args)),
        Command::Bulk(args) => run_bulk(cli, args, output),
    }
}

fn run_bulk(cli: &Cli, args: &BulkArgs, output: Output) -> Result<Exit, Failure> {
    let connection = connect(&cli.global)?;
    bulk::stop_on_signal();
    let options = bulk::BulkOptions {
        input: args.input.clone(),
        out: args.out.clone(),
        concurrency: usize::try_from(args.concurrency).unwrap_or(1),
        rate: args.rate,
        mode: if args.results {
            bulk::Mode::Results
        } else {
            bulk::Mode::Verify
        },
        shard: args.shard,
    };
    match bulk::run(&connection.client, &options) {
        Ok(summary) => {
            output.success(&summary.render_text(), &summary.to_json());
            Ok(summary.exit())
        }
        Err(error @ bulk::BulkError::Usage(_)) => Err(Failure::usage(error.to_string())),
        Err(error @ bulk::BulkError::Io(_)) => Err(Failure::io(error.to_string())),
        Err(bulk::BulkError::Client(error)) => Err(Failure::from(error)),
    }
}
