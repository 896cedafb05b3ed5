//! Load generator: many database verifications from T threads sharing one [`Client`],
//! bounded in count and in time; for soak tests and benchmarks against the sandbox.
//!
//! ```text
//! ADVANCEAI_ACCESS_KEY=sandbox-access-key ADVANCEAI_SECRET_KEY=sandbox-secret-key \
//! cargo run --release -p advanceai-transport --example load -- --base-url http://127.0.0.1:8080 \
//!     [--calls 1000000] [--threads 4] [--seconds 3600] [--duration SECONDS] \
//!     [--number 22222222222] [--report-every SECONDS] [--allow-remote]
//! ```
//!
//! * `--calls N` (default 1 000 000) calls, or fewer if `--seconds` (default 3600) pass
//!   first: the run always stops by itself. A call in flight when the time is up finishes
//!   (its deadline, 60 s, bounds it).
//! * `--duration S`: no count, run for S seconds (full load for a fixed time).
//! * Every call is the same NGA BVN request (`--number`, default the sandbox's passing test
//!   number `22222222222`), built once; the token is fetched before the clock starts.
//! * Database verification is billable: the base URL must be a loopback address (the
//!   sandbox) unless `--allow-remote` is given.
//!
//! Prints a progress line on stderr every `--report-every` seconds (default 10; 0: none),
//! and at the end, on stdout, a summary and one machine-readable line:
//! `RESULT calls=N seconds=S calls_per_s=R pass=P fail=F incomplete=I other=O errors=E`,
//! followed by one `error_kind=COUNT` pair per error kind seen. No ID number, key or token
//! is printed; an error is shown by its kind and message, once per kind.
//!
//! Exit status: 0 when every call got an answer (`--calls`: all N were made); 1 when a call
//! failed or the time cap cut a counted run short; 2 on bad arguments or configuration.
#![allow(clippy::print_stdout)] // an example prints what it measured

use std::collections::BTreeMap;
use std::net::IpAddr;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use advanceai_transport::{
    Client, ClientConfigBuilder, ErrorKind, IdNumberVerificationRequest, OverallResult,
};

/// What the command line asked for.
struct Options {
    base_url: Option<String>,
    calls: u64,
    threads: usize,
    seconds: f64,
    number: String,
    report_every: f64,
    allow_remote: bool,
}

/// The outcomes one thread saw; merged at the end.
#[derive(Default)]
struct Counts {
    pass: u64,
    fail: u64,
    incomplete: u64,
    /// Answered, but neither a pass nor FAIL / INCOMPLETE (a PASS with a failure code...).
    other: u64,
    /// Failed calls by error kind (index in [`ErrorKind::ALL`]).
    errors: [u64; ErrorKind::ALL.len()],
}

impl Counts {
    fn merge(&mut self, other: &Counts) {
        self.pass += other.pass;
        self.fail += other.fail;
        self.incomplete += other.incomplete;
        self.other += other.other;
        for (mine, theirs) in self.errors.iter_mut().zip(other.errors.iter()) {
            *mine += theirs;
        }
    }

    fn errors(&self) -> u64 {
        self.errors.iter().sum()
    }

    fn calls(&self) -> u64 {
        self.pass + self.fail + self.incomplete + self.other + self.errors()
    }
}

const USAGE: &str = "usage: load --base-url URL [--calls N] [--threads T] [--seconds S] \
                     [--duration S] [--number NUMBER] [--report-every S] [--allow-remote]";

fn parse_args() -> Result<Options, String> {
    let mut options = Options {
        base_url: None,
        calls: 1_000_000,
        threads: 4,
        seconds: 3600.0,
        number: "22222222222".to_owned(),
        report_every: 10.0,
        allow_remote: false,
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        if flag == "--allow-remote" {
            options.allow_remote = true;
            continue;
        }
        let value = args
            .next()
            .ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))?;
        let bad = || format!("{flag}: {value:?} is not valid\n{USAGE}");
        let seconds = |v: &str| {
            v.parse::<f64>()
                .ok()
                .filter(|s| s.is_finite() && *s >= 0.0 && *s <= 1e7)
        };
        match flag.as_str() {
            "--base-url" => options.base_url = Some(value.clone()),
            "--calls" => options.calls = value.parse().map_err(|_| bad())?,
            "--threads" => {
                options.threads = value
                    .parse()
                    .ok()
                    .filter(|t| (1..=1024).contains(t))
                    .ok_or_else(bad)?;
            }
            "--seconds" => {
                options.seconds = seconds(&value).filter(|s| *s > 0.0).ok_or_else(bad)?
            }
            "--duration" => {
                options.seconds = seconds(&value).filter(|s| *s > 0.0).ok_or_else(bad)?;
                options.calls = u64::MAX;
            }
            "--number" => options.number = value.clone(),
            "--report-every" => options.report_every = seconds(&value).ok_or_else(bad)?,
            _ => return Err(format!("unknown argument {flag}\n{USAGE}")),
        }
    }
    Ok(options)
}

/// Whether `base_url`'s host is the loopback interface (`localhost`, 127.0.0.0/8, `::1`).
fn is_loopback(base_url: &str) -> bool {
    let Ok(url) = url::Url::parse(base_url) else {
        return false;
    };
    match url.host() {
        Some(url::Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
        Some(url::Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback(),
        None => false,
    }
}

fn main() -> ExitCode {
    let options = match parse_args() {
        Ok(options) => options,
        Err(message) => {
            eprintln!("load: {message}");
            return ExitCode::from(2);
        }
    };
    let mut builder = match ClientConfigBuilder::from_env() {
        Ok(builder) => builder,
        Err(error) => {
            eprintln!("load: {error} (set ADVANCEAI_ACCESS_KEY and ADVANCEAI_SECRET_KEY)");
            return ExitCode::from(2);
        }
    };
    if let Some(base_url) = &options.base_url {
        builder = builder.base_url(base_url.clone());
    }
    let config = match builder.build() {
        Ok(config) => config,
        Err(error) => {
            eprintln!("load: {error}");
            return ExitCode::from(2);
        }
    };
    if !options.allow_remote && !is_loopback(config.base_url()) {
        eprintln!(
            "load: {} is not a loopback address and database verification is billable: \
             pass --allow-remote if that is really meant",
            config.base_url()
        );
        return ExitCode::from(2);
    }
    let client = Client::new(config);
    if let Err(error) = client.token() {
        eprintln!("load: cannot fetch a token: {error}");
        return ExitCode::from(1);
    }
    run(&client, &options)
}

fn run(client: &Client, options: &Options) -> ExitCode {
    let request =
        IdNumberVerificationRequest::new("load", "load-user", "NGA", "BVN", &options.number);
    let claimed = AtomicU64::new(0);
    let finished = AtomicU64::new(0);
    let done = AtomicBool::new(false);
    let reported = AtomicBool::new(false);
    let started = Instant::now();
    let end = started + Duration::from_secs_f64(options.seconds);
    let mut total = Counts::default();
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..options.threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut counts = Counts::default();
                    while Instant::now() < end
                        && claimed.fetch_add(1, Ordering::Relaxed) < options.calls
                    {
                        match client.execute(&request) {
                            Ok(data) if data.passed() => counts.pass += 1,
                            Ok(data) => match data.overall_result {
                                Some(OverallResult::Fail) => counts.fail += 1,
                                Some(OverallResult::Incomplete) => counts.incomplete += 1,
                                _ => counts.other += 1,
                            },
                            Err(error) => {
                                let kind = error.kind();
                                if let Some(i) = ErrorKind::ALL.iter().position(|k| *k == kind)
                                    && let Some(slot) = counts.errors.get_mut(i)
                                {
                                    *slot += 1;
                                }
                                // The first error of the run is shown (kind and message).
                                if !reported.swap(true, Ordering::Relaxed) {
                                    eprintln!("load: first error: {kind}: {error}");
                                }
                            }
                        }
                        finished.fetch_add(1, Ordering::Relaxed);
                    }
                    counts
                })
            })
            .collect();
        if options.report_every > 0.0 {
            scope.spawn(|| report_progress(options.report_every, started, &finished, &done));
        }
        for worker in workers {
            if let Ok(counts) = worker.join() {
                total.merge(&counts);
            }
        }
        done.store(true, Ordering::Relaxed);
    });
    summarize(&total, started.elapsed(), options)
}

/// A line on stderr every `every` seconds until `done`: calls so far and the recent rate.
fn report_progress(every: f64, started: Instant, finished: &AtomicU64, done: &AtomicBool) {
    let period = Duration::from_secs_f64(every);
    let (mut last_at, mut last_calls) = (Instant::now(), 0u64);
    while !done.load(Ordering::Relaxed) {
        std::thread::sleep(Duration::from_millis(100));
        if last_at.elapsed() < period {
            continue;
        }
        let calls = finished.load(Ordering::Relaxed);
        let rate = (calls - last_calls) as f64 / last_at.elapsed().as_secs_f64();
        eprintln!(
            "load: t={:.0}s calls={calls} rate={rate:.0}/s",
            started.elapsed().as_secs_f64()
        );
        (last_at, last_calls) = (Instant::now(), calls);
    }
}

fn summarize(total: &Counts, elapsed: Duration, options: &Options) -> ExitCode {
    let calls = total.calls();
    let seconds = elapsed.as_secs_f64();
    let rate = calls as f64 / seconds.max(f64::EPSILON);
    let kinds: BTreeMap<&str, u64> = ErrorKind::ALL
        .iter()
        .zip(total.errors.iter())
        .filter(|(_, n)| **n > 0)
        .map(|(kind, n)| (kind.as_str(), *n))
        .collect();
    println!(
        "load: {calls} calls in {seconds:.1} s, {rate:.0} calls/s, {} threads",
        options.threads
    );
    println!(
        "load: pass {} fail {} incomplete {} other {} errors {}",
        total.pass,
        total.fail,
        total.incomplete,
        total.other,
        total.errors()
    );
    let mut line = format!(
        "RESULT calls={calls} seconds={seconds:.3} calls_per_s={rate:.1} pass={} fail={} \
         incomplete={} other={} errors={}",
        total.pass,
        total.fail,
        total.incomplete,
        total.other,
        total.errors()
    );
    for (kind, n) in &kinds {
        line.push_str(&format!(" {kind}={n}"));
    }
    println!("{line}");
    let cut_short = options.calls != u64::MAX && calls < options.calls;
    if cut_short {
        eprintln!(
            "load: the {} s cap stopped the run after {calls} of {} calls",
            options.seconds, options.calls
        );
    }
    if total.errors() > 0 || cut_short {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
