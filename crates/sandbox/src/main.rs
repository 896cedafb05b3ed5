//! `advanceai-sandbox`: runs the offline ADVANCE.AI API emulator until SIGINT or SIGTERM.
//!
//! ```text
//! advanceai-sandbox --port 8080 [--host 127.0.0.1] [--tls [--ca-out PATH]]
//! ```
//! Logs go to standard error (`RUST_LOG=warn` quiets the per-request lines).
#![allow(clippy::print_stdout)]

use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use advanceai_sandbox::{
    DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY, Sandbox, SandboxConfig, TlsOptions,
};
use clap::Parser;
use tracing_subscriber::EnvFilter;

/// An offline emulator of the ADVANCE.AI identity-verification API.
#[derive(Debug, Parser)]
#[command(version, about)]
struct Args {
    /// Port to listen on (0 picks a free port).
    #[arg(long, default_value_t = 8080)]
    port: u16,
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1")]
    host: IpAddr,
    /// Access key the token endpoint accepts.
    #[arg(long, default_value = DEFAULT_ACCESS_KEY)]
    access_key: String,
    /// Secret key signatures are checked with.
    #[arg(long, default_value = DEFAULT_SECRET_KEY)]
    secret_key: String,
    /// Seconds before an unfinished H5 transaction times out (USER_TIMEOUT).
    #[arg(long, default_value_t = 3600)]
    user_timeout_secs: u64,
    /// Serve HTTPS with a throwaway CA made at start (certificate for localhost, 127.0.0.1
    /// and ::1); the CA's certificate is written to --ca-out.
    #[arg(long)]
    tls: bool,
    /// Where to write the CA's PEM certificate (default: a new file in the temporary
    /// directory); the path is printed.
    #[arg(long, value_name = "PATH", requires = "tls")]
    ca_out: Option<PathBuf>,
}

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .init();
    let args = Args::parse();
    let mut config = SandboxConfig::default()
        .with_address(args.host, args.port)
        .with_credentials(&args.access_key, &args.secret_key)
        .with_user_timeout(std::time::Duration::from_secs(args.user_timeout_secs));
    if args.tls {
        config = config.with_tls(TlsOptions::default());
    }
    let sandbox = match Sandbox::start(config) {
        Ok(sandbox) => sandbox,
        Err(error) => {
            eprintln!("advanceai-sandbox: {error}");
            return ExitCode::FAILURE;
        }
    };
    println!("advanceai-sandbox listening on {}", sandbox.base_url());
    println!("access key: {}", args.access_key);
    println!("secret key: {}", args.secret_key);
    if args.tls {
        match sandbox.save_ca_pem(args.ca_out.as_deref()) {
            Ok(path) => println!(
                "CA certificate (trust it to reach the sandbox): {}",
                path.display()
            ),
            Err(error) => {
                eprintln!("advanceai-sandbox: cannot write the CA certificate: {error}");
                return ExitCode::FAILURE;
            }
        }
    }
    println!("{}", advanceai_sandbox::test_numbers_text());
    let waited = wait_for_stop_signal();
    if let Err(error) = waited {
        eprintln!("advanceai-sandbox: cannot wait for signals: {error}");
    }
    println!("advanceai-sandbox stopping");
    sandbox.shutdown();
    ExitCode::SUCCESS
}

/// Blocks the calling thread until SIGINT (Ctrl-C) or, on Unix, SIGTERM arrives.
///
/// # Errors
/// When the signal handlers cannot be installed.
fn wait_for_stop_signal() -> std::io::Result<()> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map(|runtime| runtime.block_on(stop_signal()))
}

/// Resolves on SIGINT (Ctrl-C) or, on Unix, SIGTERM.
async fn stop_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut terminate) => {
                tokio::select! {
                    () = interrupt => {}
                    _ = terminate.recv() => {}
                }
            }
            Err(_) => interrupt.await,
        }
    }
    #[cfg(not(unix))]
    interrupt.await;
}
