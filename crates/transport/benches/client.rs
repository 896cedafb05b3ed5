//! Client overhead vs a raw ureq loop against the in-process sandbox, plus 8-thread throughput.
//!
//! Run with `cargo bench -p advanceai-transport --bench client`.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout
)]

use std::time::{Duration, Instant};

use advanceai_core::{Endpoint, IdNumberVerificationRequest};
use advanceai_sandbox::{DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY, Sandbox, SandboxConfig};
use advanceai_transport::{Client, ClientConfig, ProxySetting};
use ureq::Agent;

const ROUNDS: usize = 5;
const N: usize = 2000;
const WARMUP: usize = 500;
const THREADS: usize = 8;
const M: usize = 1000;

fn request() -> IdNumberVerificationRequest {
    IdNumberVerificationRequest::new("bench-order", "user-1", "NGA", "BVN", "22222222222")
}

fn client_round(client: &Client, request: &IdNumberVerificationRequest, n: usize) -> Duration {
    let start = Instant::now();
    for i in 0..n {
        let data = client.verify_id_number(request).expect("client call");
        if i == 0 {
            // The client only returns Ok on code == SUCCESS; check the payload too.
            assert!(data.passed(), "client: verification did not pass");
        }
    }
    start.elapsed()
}

fn raw_round(agent: &Agent, url: &str, token: &str, body: &[u8], n: usize) -> Duration {
    let start = Instant::now();
    for i in 0..n {
        let mut response = agent
            .post(url)
            .header("Content-Type", "application/json")
            .header("X-ACCESS-TOKEN", token)
            .send(body)
            .expect("raw call");
        let bytes = response.body_mut().read_to_vec().expect("raw body");
        let value: serde_json::Value = serde_json::from_slice(&bytes).expect("raw json");
        if i == 0 {
            assert_eq!(value["code"], "SUCCESS", "raw: {value}");
        }
    }
    start.elapsed()
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    if values.len() % 2 == 0 {
        (values[mid - 1] + values[mid]) / 2.0
    } else {
        values[mid]
    }
}

fn per_call_us(elapsed: Duration, n: usize) -> f64 {
    elapsed.as_secs_f64() * 1e6 / n as f64
}

fn main() {
    let sandbox = Sandbox::start(SandboxConfig::default()).expect("sandbox");
    let config = ClientConfig::builder()
        .base_url(sandbox.base_url())
        .credentials(DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY)
        .proxy(ProxySetting::None)
        .build()
        .expect("config");
    let client = Client::new(config);
    let request = request();

    // The raw side: same ureq 3, same prebuilt body, same token.
    let token = client.token().expect("token");
    let token = token.expose().to_owned();
    let url = format!(
        "{}{}",
        client.config().base_url(),
        Endpoint::IdNumberVerification.path()
    );
    let body = request.to_json();
    // The same timeouts the client sets: ureq 3's timeout handling costs about 50 µs per
    // call on loopback (measured: ratio 1.42-1.50 against a raw agent without timeouts,
    // 1.01 with them), and a client without timeouts is not one anybody should ship.
    let agent: Agent = Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .timeout_global(Some(std::time::Duration::from_secs(30)))
        .timeout_connect(Some(std::time::Duration::from_secs(5)))
        .build()
        .into();

    // Warm up both sides (connections, allocator, caches).
    client_round(&client, &request, WARMUP);
    raw_round(&agent, &url, &token, &body, WARMUP);

    let mut client_us = Vec::with_capacity(ROUNDS);
    let mut raw_us = Vec::with_capacity(ROUNDS);
    for round in 0..ROUNDS {
        if round % 2 == 0 {
            client_us.push(per_call_us(client_round(&client, &request, N), N));
            raw_us.push(per_call_us(raw_round(&agent, &url, &token, &body, N), N));
        } else {
            raw_us.push(per_call_us(raw_round(&agent, &url, &token, &body, N), N));
            client_us.push(per_call_us(client_round(&client, &request, N), N));
        }
    }
    let ratios: Vec<f64> = client_us.iter().zip(&raw_us).map(|(c, r)| c / r).collect();
    let client_med = median(&mut client_us);
    let raw_med = median(&mut raw_us);
    println!(
        "client_vs_raw ratio={:.3} client_us={client_med:.2} raw_us={raw_med:.2} rounds={ROUNDS} n={N}",
        client_med / raw_med
    );
    println!(
        "per_round_ratios={}",
        ratios
            .iter()
            .map(|r| format!("{r:.3}"))
            .collect::<Vec<_>>()
            .join(",")
    );

    // Throughput: 8 threads sharing one client (clones share pool and token).
    let start = Instant::now();
    std::thread::scope(|scope| {
        for _ in 0..THREADS {
            let client = client.clone();
            let request = &request;
            scope.spawn(move || client_round(&client, request, M));
        }
    });
    let elapsed = start.elapsed();
    let total = THREADS * M;
    println!(
        "threads={THREADS} calls={total} calls_per_sec={:.0} elapsed_ms={:.1}",
        total as f64 / elapsed.as_secs_f64(),
        elapsed.as_secs_f64() * 1e3
    );

    sandbox.shutdown();
}
