//! The README's fault matrix, measured: the worst-case time of a call next to its deadline,
//! for each fault of the deadline, retry-budget and `Retry-After` rows, with the default
//! configuration (30 s attempt timeout, 60 s deadline, 3 attempts, retry budget 500,
//! `Retry-After` honoured up to 10 s) on the machine's clock, against the in-process
//! sandbox. The cases run side by side (each with its own client), so the whole run takes
//! about the longest case: one minute.
//!
//! Run with `cargo bench -p advanceai-transport --bench fault_matrix`.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout
)]

use std::time::{Duration, Instant};

use advanceai_core::{Endpoint, GetResultRequest};
use advanceai_sandbox::{
    DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY, RunningSandbox, Sandbox, SandboxConfig,
};
use advanceai_transport::{Client, ClientConfig, DEFAULT_DEADLINE, Error, ProxySetting};

/// A client with the defaults, for `sandbox`.
fn client(sandbox: &RunningSandbox) -> Client {
    let config = ClientConfig::builder()
        .base_url(sandbox.base_url())
        .credentials(DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY)
        .proxy(ProxySetting::None)
        .build()
        .unwrap();
    let client = Client::new(config);
    client.token().unwrap();
    client
}

/// `calls` Get Result calls with signatureIds starting with `fault`, from `threads` threads
/// sharing one client: the longest call, and the errors.
fn worst_case(
    client: &Client,
    fault: &str,
    calls: usize,
    threads: usize,
) -> (Duration, Vec<Error>) {
    let per_thread = calls / threads;
    let handles: Vec<_> = (0..threads)
        .map(|t| {
            let client = client.clone();
            let fault = fault.to_owned();
            std::thread::spawn(move || {
                (0..per_thread)
                    .map(|i| {
                        let start = Instant::now();
                        let error = client
                            .get_result(&GetResultRequest::new(format!("{fault}-{t}-{i}")))
                            .unwrap_err();
                        (start.elapsed(), error)
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let mut worst = Duration::ZERO;
    let mut errors = Vec::new();
    for handle in handles {
        for (took, error) in handle.join().unwrap() {
            worst = worst.max(took);
            errors.push(error);
        }
    }
    (worst, errors)
}

struct Case {
    fault: &'static str,
    calls: usize,
    threads: usize,
}

fn main() {
    let cases = [
        // Every attempt hangs past its 30 s timeout (the sandbox answers after 60 s).
        Case {
            fault: "fault-delay-60000",
            calls: 4,
            threads: 4,
        },
        // An outage: HTTP 502 on every answer, 200 calls from 8 threads on one client.
        Case {
            fault: "fault-502",
            calls: 200,
            threads: 8,
        },
        Case {
            fault: "fault-busy",
            calls: 4,
            threads: 4,
        },
        Case {
            fault: "fault-busy-10s",
            calls: 4,
            threads: 4,
        },
        Case {
            fault: "fault-busy-date",
            calls: 4,
            threads: 4,
        },
    ];
    let runs: Vec<_> = cases
        .into_iter()
        .map(|case| {
            std::thread::spawn(move || {
                // A sandbox per case, so that its request count is the case's own.
                let sandbox = Sandbox::start(SandboxConfig::default()).unwrap();
                let client = client(&sandbox);
                let (worst, errors) = worst_case(&client, case.fault, case.calls, case.threads);
                let sent = sandbox.request_count(Endpoint::GetResult);
                let deadlines = errors.iter().filter(|e| e.deadline_reached()).count();
                let kind = errors[0].kind();
                (case, worst, sent, deadlines, kind)
            })
        })
        .collect();
    println!(
        "| fault | calls | Get Result requests | ended by the deadline | kind | worst case / deadline |"
    );
    println!("|---|---:|---:|---:|---|---|");
    for run in runs {
        let (case, worst, sent, deadlines, kind) = run.join().unwrap();
        println!(
            "| `{}` | {} | {} | {} | {} | {:.2} s / {} s |",
            case.fault,
            case.calls,
            sent,
            deadlines,
            kind,
            worst.as_secs_f64(),
            DEFAULT_DEADLINE.as_secs()
        );
    }
}
