//! What the C ABI costs per Get Result call, measured in one run against one in-process
//! sandbox, every comparison alternated round by round:
//!
//! * over loopback, two programs: N calls from a C program (`benches/c/get_result_loop.c`,
//!   built with `cc -O2` against this profile's `libadvanceai.a`) vs the same N calls in
//!   Rust through `advanceai-transport` (this binary started again with `--rust-loop`), each
//!   in a process of its own. This is what a C caller sees, but the two programs also differ
//!   in everything else linked into them;
//! * over loopback, one process: the exported C functions called from this process vs the
//!   Rust client in this process: same binary, same threads, so the difference is the C ABI;
//! * without network: `advanceai_parse_get_result` (+ getters + free) vs
//!   `advanceai_core::parse_get_result_response` on the same response body, which isolates
//!   what the C ABI adds (the box, the panic boundary, the C strings the getters make);
//! * without network, the common read: parse, then read the verdict, the error code and
//!   is-final, through the C ABI (the strings read as C reads them) vs the same reads in
//!   Rust. Result objects make a string only when it is asked for, so this pays for three
//!   getters, not for every field and the JSON.
//!
//! Run with `cargo bench -p advanceai-ffi --bench ffi_overhead`. Needs `cc`.
#![allow(missing_docs, clippy::print_stdout)]

mod support;

use std::ffi::{CStr, CString, c_char};
use std::hint::black_box;
use std::process::{Command, ExitCode};
use std::ptr;
use std::time::{Duration, Instant};

use advanceai::{
    advanceai_client_get_result, advanceai_error_free, advanceai_get_result,
    advanceai_get_result_error_code, advanceai_get_result_face_liveness_score,
    advanceai_get_result_face_similarity_score, advanceai_get_result_free,
    advanceai_get_result_is_final, advanceai_get_result_overall_result,
    advanceai_get_result_passed, advanceai_get_result_signature_id, advanceai_parse_get_result,
};
use advanceai_core::parse_get_result_response;
use advanceai_core::{ErrorCode, GetResultData, GetResultRequest, OverallResult, Score};
use advanceai_sandbox::{Sandbox, SandboxConfig};
use advanceai_transport::Client;
use support::{
    BenchResult, FfiClient, best, build_c_program, check, completed_transaction, list, median,
    per_call_us, raw_get_result_body, rust_config, rust_result_ok,
};

/// Rounds of every comparison; medians are reported (the machine is shared: one slow round
/// must not move the figure).
const ROUNDS: usize = 9;
/// Get Result calls per round and side.
const N: usize = 2000;
/// Warm-up calls: once for each in-process client, at the start of each child process.
const WARMUP: usize = 300;
/// Parses per round and side (no network: much faster per call).
const PARSE_N: usize = 20_000;
/// The argument that makes this binary the Rust client process.
const RUST_LOOP: &str = "--rust-loop";
/// The prefix of the line both client programs print.
const LINE: &str = "get_result_loop ";

/// Who makes the calls in a loopback round.
#[derive(Clone, Copy)]
enum Side {
    /// The C program, in its own process.
    CProgram,
    /// This binary with `--rust-loop`, in its own process.
    RustProgram,
    /// The exported C functions, called from this process.
    CAbiInProcess,
    /// The Rust client, in this process.
    RustInProcess,
}

const SIDES: [Side; 4] = [
    Side::CProgram,
    Side::RustProgram,
    Side::CAbiInProcess,
    Side::RustInProcess,
];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some(RUST_LOOP) => rust_loop(&args[1..]),
        _ => run(),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("ffi_overhead: {error}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> BenchResult<()> {
    let c_program = build_c_program()?;
    let rust_program = std::env::current_exe()?;
    // Two workers (the default) on the 2-core machine: the callers and the server share it.
    let sandbox = Sandbox::start(SandboxConfig::default())?;
    let base_url = sandbox.base_url().to_owned();
    let client = Client::new(rust_config(&base_url)?);
    let signature_id = completed_transaction(&client, &base_url)?;
    let request = GetResultRequest::new(signature_id.as_str());
    let expected = client.get_result(&request)?;
    let ffi_client = FfiClient::new(&base_url)?;
    let c_signature_id = CString::new(signature_id.as_str())?;

    // Loopback; the order of the sides rotates from round to round.
    rust_round(&client, &request, WARMUP)?;
    ffi_round(&ffi_client, &c_signature_id, WARMUP)?;
    let mut us: [Vec<f64>; SIDES.len()] = Default::default();
    for round in 0..ROUNDS {
        for k in 0..SIDES.len() {
            let i = (round + k) % SIDES.len();
            let per_call = match SIDES[i] {
                Side::CProgram => {
                    let mut command = Command::new(&c_program);
                    child_round(&mut command, &base_url, &signature_id, &expected)?
                }
                Side::RustProgram => {
                    let mut command = Command::new(&rust_program);
                    command.arg(RUST_LOOP);
                    child_round(&mut command, &base_url, &signature_id, &expected)?
                }
                Side::CAbiInProcess => per_call_us(ffi_round(&ffi_client, &c_signature_id, N)?, N),
                Side::RustInProcess => per_call_us(rust_round(&client, &request, N)?, N),
            };
            us[i].push(per_call);
        }
    }
    drop(ffi_client);

    // No network, on the body the loops above received.
    let body = raw_get_result_body(&client, &base_url, &signature_id)?;
    sandbox.shutdown();
    let parsed = parse_get_result_response(&body)?.into_data()?;
    if parsed != expected {
        return Err("the raw body does not parse to what the client returned".into());
    }
    let parse = parse_rounds(&body)?;
    let json_us: Vec<f64> = (0..ROUNDS)
        .map(|_| json_round(&parsed, PARSE_N).map(|d| per_call_us(d, PARSE_N)))
        .collect::<BenchResult<_>>()?;

    let [c_prog, rust_prog, c_abi, rust_local] = &us;
    let [core_full, ffi_full, core_verdict, ffi_verdict] = &parse;
    let rows = [
        Row::new(
            "Get Result over loopback: C program vs Rust program",
            rust_prog,
            c_prog,
        ),
        Row::new(
            "Get Result over loopback, one process: C ABI vs Rust client",
            rust_local,
            c_abi,
        ),
        Row::new(
            "parse the same body, read every getter of the loops (no network)",
            core_full,
            ffi_full,
        ),
        Row::new(
            "parse a Get Result, then read the verdict, the error code and is-final",
            core_verdict,
            ffi_verdict,
        ),
    ];
    report(&rows, median(&json_us), body.len());
    Ok(())
}

/// The parse sides, in order: Rust and C ABI with every getter the loops read, then Rust
/// and C ABI with the verdict, the error code and is-final only.
const PARSE_SIDES: usize = 4;

/// Per-parse µs of each parse side, round by round, the order rotating every round.
fn parse_rounds(body: &[u8]) -> BenchResult<[Vec<f64>; PARSE_SIDES]> {
    type Round = fn(&[u8], usize) -> BenchResult<Duration>;
    let sides: [Round; PARSE_SIDES] = [
        core_parse_round,
        ffi_parse_round,
        core_verdict_round,
        ffi_verdict_round,
    ];
    for side in sides {
        side(body, PARSE_N)?;
    }
    let mut us: [Vec<f64>; PARSE_SIDES] = Default::default();
    for round in 0..ROUNDS {
        for k in 0..PARSE_SIDES {
            let i = (round + k) % PARSE_SIDES;
            us[i].push(per_call_us(sides[i](body, PARSE_N)?, PARSE_N));
        }
    }
    Ok(us)
}

/// Prints the table, the rounds behind it, and one machine-readable line.
fn report(rows: &[Row<'_>], json: f64, body_len: usize) {
    println!(
        "Get Result, C ABI vs Rust: one sandbox, one run; medians of {ROUNDS} rounds of \
         {N} calls (loopback) or {PARSE_N} parses; response body {body_len} bytes"
    );
    println!();
    println!("| per call | Rust | C ABI | ratio C/Rust | C - Rust |");
    println!("|---|---:|---:|---:|---:|");
    for row in rows {
        println!(
            "| {} | {:.2} µs | {:.2} µs | {:.3} | {:+.2} µs |",
            row.what,
            row.rust,
            row.c,
            row.c / row.rust,
            row.c - row.rust
        );
    }
    println!();
    println!(
        "serializing the normalized JSON (what `advanceai_get_result_to_json` adds on its \
         first call; no other row pays it): {json:.2} µs"
    );
    for row in rows {
        println!(
            "per round, {}: Rust {} (best {:.2}); C {} (best {:.2})",
            row.what,
            list(row.rust_rounds),
            best(row.rust_rounds),
            list(row.c_rounds),
            best(row.c_rounds)
        );
    }
    let keys = ["programs", "in_process", "parse", "verdict"];
    let mut line = String::from("ffi_get_result");
    for (key, row) in keys.iter().zip(rows) {
        line.push_str(&format!(
            " {key}_ratio={:.3} {key}_rust_us={:.2} {key}_c_us={:.2}",
            row.c / row.rust,
            row.rust,
            row.c
        ));
    }
    println!("{line} json_us={json:.2} rounds={ROUNDS} n={N} parse_n={PARSE_N}");
}

/// One line of the table: medians of per-call µs, and the rounds they come from.
struct Row<'a> {
    what: &'static str,
    rust: f64,
    c: f64,
    rust_rounds: &'a [f64],
    c_rounds: &'a [f64],
}

impl<'a> Row<'a> {
    fn new(what: &'static str, rust_rounds: &'a [f64], c_rounds: &'a [f64]) -> Self {
        Self {
            what,
            rust: median(rust_rounds),
            c: median(c_rounds),
            rust_rounds,
            c_rounds,
        }
    }
}

fn rust_round(client: &Client, request: &GetResultRequest, n: usize) -> BenchResult<Duration> {
    let start = Instant::now();
    for _ in 0..n {
        let data = client.get_result(request)?;
        if !rust_result_ok(&data, &request.signature_id) {
            return Err("Rust: the answer is not a final pass with face scores".into());
        }
        black_box(&data);
    }
    Ok(start.elapsed())
}

/// The Rust client process: `--rust-loop <base URL> <signatureId> <calls> <warm-up calls>`,
/// the Rust twin of `get_result_loop.c`, printing the same line.
fn rust_loop(args: &[String]) -> BenchResult<()> {
    let [base_url, signature_id, calls, warmup] = args else {
        return Err(
            format!("usage: {RUST_LOOP} <base URL> <signatureId> <calls> <warm-up>").into(),
        );
    };
    let (calls, warmup): (usize, usize) = (calls.parse()?, warmup.parse()?);
    if calls == 0 {
        return Err("calls must be at least 1".into());
    }
    let client = Client::new(rust_config(base_url)?);
    let request = GetResultRequest::new(signature_id.as_str());
    rust_round(&client, &request, warmup + 1)?;
    let elapsed = rust_round(&client, &request, calls)?;
    let data = client.get_result(&request)?;
    let face = data.face_detail.as_ref();
    let score = |s: Option<Score>| s.map_or(f64::NAN, Score::value);
    let total = elapsed.as_nanos();
    println!(
        "{LINE}calls={calls} total_ns={total} ns_per_call={:.1} liveness={} similarity={}",
        total as f64 / calls as f64,
        score(face.and_then(|f| f.face_liveness_score)),
        score(face.and_then(|f| f.face_similarity_score)),
    );
    Ok(())
}

/// One client process (the C program, or this binary with `--rust-loop`): its own client,
/// warm-up, then N timed calls. Returns µs per call.
fn child_round(
    command: &mut Command,
    base_url: &str,
    signature_id: &str,
    expected: &GetResultData,
) -> BenchResult<f64> {
    let output = command
        .args([base_url, signature_id, &N.to_string(), &WARMUP.to_string()])
        .output()
        .map_err(|e| format!("cannot start {command:?}: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "{command:?} failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        )
        .into());
    }
    let stdout = String::from_utf8_lossy(&output.stdout);
    let line = stdout
        .lines()
        .find(|l| l.starts_with(LINE))
        .ok_or_else(|| format!("{command:?} printed no result line"))?;
    let field = |name: &str| -> BenchResult<f64> {
        let value = line
            .split_whitespace()
            .find_map(|kv| kv.strip_prefix(name)?.strip_prefix('='))
            .ok_or_else(|| format!("no {name}= in the line of {command:?}"))?;
        Ok(value.parse::<f64>()?)
    };
    let calls = field("calls")?;
    if calls != N as f64 {
        return Err(format!("{command:?} made {calls} calls, not {N}").into());
    }
    // The child read the scores from its own answers: they must be what this process parsed.
    let face = expected.face_detail.as_ref();
    let liveness = face.and_then(|f| f.face_liveness_score).map(Score::value);
    let similarity = face.and_then(|f| f.face_similarity_score).map(Score::value);
    if Some(field("liveness")?) != liveness || Some(field("similarity")?) != similarity {
        return Err(format!("{command:?} read other face scores than this process").into());
    }
    Ok(field("ns_per_call")? / 1e3)
}

/// The C program's checks on a result object, through the getters a C caller uses (but the
/// signatureId's text, which cannot be read here without `unsafe`: only its presence).
fn ffi_result_ok(result: *const advanceai_get_result) -> bool {
    let (mut liveness, mut similarity) = (0.0, 0.0);
    advanceai_get_result_is_final(result)
        && advanceai_get_result_passed(result)
        && !advanceai_get_result_signature_id(result).is_null()
        && advanceai_get_result_face_liveness_score(result, &mut liveness)
        && advanceai_get_result_face_similarity_score(result, &mut similarity)
}

/// N Get Result calls through the exported C functions, from this process.
fn ffi_round(client: &FfiClient, signature_id: &CStr, n: usize) -> BenchResult<Duration> {
    let start = Instant::now();
    for _ in 0..n {
        let mut out = ptr::null_mut();
        let mut err = ptr::null_mut();
        let status =
            advanceai_client_get_result(client.0, signature_id.as_ptr(), &mut out, &mut err);
        advanceai_error_free(err);
        check("advanceai_client_get_result", status)?;
        let ok = ffi_result_ok(out);
        advanceai_get_result_free(out);
        if !ok {
            return Err("C ABI: the answer is not a final pass with face scores".into());
        }
    }
    Ok(start.elapsed())
}

fn core_parse_round(body: &[u8], n: usize) -> BenchResult<Duration> {
    let start = Instant::now();
    for _ in 0..n {
        let data = parse_get_result_response(black_box(body))?.into_data()?;
        if !data.passed() {
            return Err("core parse: not a pass".into());
        }
        black_box(&data);
    }
    Ok(start.elapsed())
}

/// Through the exported functions, as C calls them: parse, read the getters, free.
fn ffi_parse_round(body: &[u8], n: usize) -> BenchResult<Duration> {
    let start = Instant::now();
    for _ in 0..n {
        let body = black_box(body);
        let mut out = ptr::null_mut();
        let mut err = ptr::null_mut();
        let status = advanceai_parse_get_result(body.as_ptr(), body.len(), &mut out, &mut err);
        advanceai_error_free(err);
        check("advanceai_parse_get_result", status)?;
        let ok = ffi_result_ok(out);
        advanceai_get_result_free(out);
        if !ok {
            return Err("FFI parse: not a final pass with face scores".into());
        }
    }
    Ok(start.elapsed())
}

/// The reads of the common case in Rust: the verdict, the error code, is-final.
fn core_verdict_round(body: &[u8], n: usize) -> BenchResult<Duration> {
    let start = Instant::now();
    for _ in 0..n {
        let data = parse_get_result_response(black_box(body))?.into_data()?;
        let verdict = data.overall_result.as_ref().or(data.idv_result.as_ref());
        let ok = verdict.map(OverallResult::as_str) == Some("PASS")
            && data.error_code.as_ref().map(ErrorCode::as_str) == Some("SUCCESS")
            && data.is_final();
        if !ok {
            return Err("core parse: not a final PASS with SUCCESS".into());
        }
        black_box(&data);
    }
    Ok(start.elapsed())
}

/// The same reads through the exported functions, the strings read as C reads them (up to
/// their NUL), then the free.
fn ffi_verdict_round(body: &[u8], n: usize) -> BenchResult<Duration> {
    let start = Instant::now();
    for _ in 0..n {
        let body = black_box(body);
        let mut out = ptr::null_mut();
        let mut err = ptr::null_mut();
        let status = advanceai_parse_get_result(body.as_ptr(), body.len(), &mut out, &mut err);
        advanceai_error_free(err);
        check("advanceai_parse_get_result", status)?;
        let ok = c_bytes(advanceai_get_result_overall_result(out)) == Some(b"PASS")
            && c_bytes(advanceai_get_result_error_code(out)) == Some(b"SUCCESS")
            && advanceai_get_result_is_final(out);
        advanceai_get_result_free(out);
        if !ok {
            return Err("FFI parse: not a final PASS with SUCCESS".into());
        }
    }
    Ok(start.elapsed())
}

/// The bytes of a string a getter returned, as `strcmp` sees them; `None` for NULL.
#[allow(unsafe_code)]
fn c_bytes<'a>(text: *const c_char) -> Option<&'a [u8]> {
    // SAFETY: the getters return NULL or a NUL-terminated string owned by the result,
    // which the callers free only after comparing.
    (!text.is_null()).then(|| unsafe { CStr::from_ptr(text) }.to_bytes())
}

/// What `_to_json` costs on its first call: serializing the normalized JSON.
fn json_round(data: &GetResultData, n: usize) -> BenchResult<Duration> {
    let start = Instant::now();
    for _ in 0..n {
        let json = serde_json::to_string(black_box(data))?;
        black_box(&json);
    }
    Ok(start.elapsed())
}
