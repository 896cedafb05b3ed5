//! What the `ffi_overhead` bench needs besides the measurements: a client built through the
//! C ABI, the sandbox transaction it reads, raw HTTP for the two requests the client has no method for, building the C
//! program, and the statistics of the rounds.

use std::error::Error;
use std::ffi::CString;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::ptr;
use std::time::Duration;

use advanceai::{
    advanceai_client, advanceai_client_free, advanceai_client_new, advanceai_config_free,
    advanceai_config_new, advanceai_config_set_base_url, advanceai_config_set_credentials,
    advanceai_config_set_proxy, advanceai_error_free, advanceai_status,
};

use advanceai_core::{Endpoint, GenerateUrlRequest, GetResultData, GetResultRequest};
use advanceai_sandbox::{DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY};
use advanceai_transport::{Client, ClientConfig, ProxySetting};

pub(crate) type BenchResult<T> = Result<T, Box<dyn Error>>;

/// The Rust client's settings; the C sides use the same: the defaults, no proxy.
pub(crate) fn rust_config(base_url: &str) -> BenchResult<ClientConfig> {
    Ok(ClientConfig::builder()
        .base_url(base_url)
        .credentials(DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY)
        .proxy(ProxySetting::None)
        .build()?)
}

/// The checks every side makes on every answer: final, a pass, this transaction, scores.
pub(crate) fn rust_result_ok(data: &GetResultData, signature_id: &str) -> bool {
    data.is_final()
        && data.passed()
        && data.signature_id.as_deref() == Some(signature_id)
        && data
            .face_detail
            .as_ref()
            .is_some_and(|f| f.face_liveness_score.is_some() && f.face_similarity_score.is_some())
}

/// A client built and called through the exported C functions, freed on drop.
pub(crate) struct FfiClient(pub(crate) *mut advanceai_client);

impl FfiClient {
    /// The same settings as the Rust client and the C program: the defaults, no proxy.
    pub(crate) fn new(base_url: &str) -> BenchResult<Self> {
        let base_url = CString::new(base_url)?;
        let access_key = CString::new(DEFAULT_ACCESS_KEY)?;
        let secret_key = CString::new(DEFAULT_SECRET_KEY)?;
        let mut config = ptr::null_mut();
        check("advanceai_config_new", advanceai_config_new(&mut config))?;
        let settings = [
            advanceai_config_set_base_url(config, base_url.as_ptr()),
            advanceai_config_set_credentials(config, access_key.as_ptr(), secret_key.as_ptr()),
            advanceai_config_set_proxy(config, ptr::null()),
        ];
        let mut client = ptr::null_mut();
        let mut err = ptr::null_mut();
        let built = advanceai_client_new(config, &mut client, &mut err);
        advanceai_config_free(config);
        advanceai_error_free(err);
        for status in settings {
            check("advanceai_config_set_*", status)?;
        }
        check("advanceai_client_new", built)?;
        Ok(Self(client))
    }
}

impl Drop for FfiClient {
    fn drop(&mut self) {
        advanceai_client_free(self.0);
    }
}

/// A status as a result.
pub(crate) fn check(what: &str, status: advanceai_status) -> BenchResult<()> {
    if status == advanceai_status::ADVANCEAI_STATUS_OK {
        Ok(())
    } else {
        Err(format!("{what}: {status:?}").into())
    }
}

/// One H5 transaction, completed as a pass so that Get Result answers the full final shape
/// (person record and face scores).
pub(crate) fn completed_transaction(client: &Client, base_url: &str) -> BenchResult<String> {
    let request = GenerateUrlRequest::new(
        "bench-ffi-overhead",
        "bench-user",
        "NGA",
        "BVN",
        "https://example.com/ok",
        "https://example.com/fail",
    );
    let page = client.generate_url(&request)?;
    let signature_id = page
        .signature_id
        .ok_or("Generate URL answered without a signatureId")?;
    let complete = format!(r#"{{"signatureId":"{signature_id}","outcome":"PASS"}}"#);
    let (status, _) = http_post(base_url, "/sandbox/complete", None, complete.as_bytes())?;
    if status != 200 {
        return Err(format!("POST /sandbox/complete answered HTTP {status}").into());
    }
    let data = client.get_result(&GetResultRequest::new(signature_id.as_str()))?;
    if !rust_result_ok(&data, &signature_id) {
        return Err("the completed transaction is not a final pass with face scores".into());
    }
    Ok(signature_id)
}

/// One Get Result body as the server sends it, fetched with the client's token.
pub(crate) fn raw_get_result_body(
    client: &Client,
    base_url: &str,
    signature_id: &str,
) -> BenchResult<Vec<u8>> {
    let token = client.token()?;
    let request = GetResultRequest::new(signature_id).to_json();
    let (status, body) = http_post(
        base_url,
        Endpoint::GetResult.path(),
        Some(token.expose()),
        &request,
    )?;
    if status != 200 {
        return Err(format!("Get Result answered HTTP {status}").into());
    }
    Ok(body)
}

/// A minimal HTTP/1.1 POST to the loopback sandbox (one connection, closed after), for the
/// two requests the client has no method for. Its errors never include the token.
fn http_post(
    base_url: &str,
    path: &str,
    token: Option<&str>,
    body: &[u8],
) -> BenchResult<(u16, Vec<u8>)> {
    let authority = base_url
        .strip_prefix("http://")
        .ok_or("the sandbox base URL is not http://")?;
    let mut stream = TcpStream::connect(authority)?;
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut head = format!(
        "POST {path} HTTP/1.1\r\nHost: {authority}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    if let Some(token) = token {
        head.push_str("X-ACCESS-TOKEN: ");
        head.push_str(token);
        head.push_str("\r\n");
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    stream.write_all(body)?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response)?;
    let end = response
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or("the response has no end of headers")?;
    let head = std::str::from_utf8(&response[..end])?.to_ascii_lowercase();
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse::<u16>().ok())
        .ok_or("the response has no status line")?;
    let content = response[end + 4..].to_vec();
    let length = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse::<usize>().ok())
        .ok_or("the response has no Content-Length (chunked bodies are not read here)")?;
    if length != content.len() {
        return Err(format!("body of {} bytes, Content-Length {length}", content.len()).into());
    }
    Ok((status, content))
}

/// Compiles the C side against this profile's static library, into the target directory.
pub(crate) fn build_c_program() -> BenchResult<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let profile = profile_dir()?;
    let out_dir = profile.join("ffi-bench");
    std::fs::create_dir_all(&out_dir)?;
    let binary = out_dir.join("get_result_loop");
    let output = Command::new("cc")
        .args(["-O2", "-std=c99", "-Wall", "-Wextra", "-Werror"])
        .arg("-I")
        .arg(root.join("include"))
        .arg(root.join("crates/ffi/benches/c/get_result_loop.c"))
        .arg("-o")
        .arg(&binary)
        .arg(profile.join("libadvanceai.a"))
        .args(["-lpthread", "-ldl", "-lm"])
        .output()
        .map_err(|e| format!("cannot run cc (a C compiler is needed): {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "cc failed ({}):\n{}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        )
        .into());
    }
    Ok(binary)
}

/// The nearest directory above this binary holding `libadvanceai.a` (cargo builds every
/// crate type of the ffi crate for its benches, into `target/<profile>/deps`); the same
/// search as `tests/common/mod.rs`, which a bench cannot share.
fn profile_dir() -> BenchResult<PathBuf> {
    let exe = std::env::current_exe()?;
    exe.ancestors()
        .skip(1)
        .find(|dir| dir.join("libadvanceai.a").is_file())
        .map(Path::to_path_buf)
        .ok_or_else(|| {
            format!(
                "libadvanceai.a not found above {}: run through `cargo bench -p advanceai-ffi`",
                exe.display()
            )
            .into()
        })
}

pub(crate) fn per_call_us(elapsed: Duration, n: usize) -> f64 {
    elapsed.as_secs_f64() * 1e6 / n as f64
}

pub(crate) fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let mid = sorted.len() / 2;
    match sorted.len() {
        0 => f64::NAN,
        len if len % 2 == 0 => (sorted[mid - 1] + sorted[mid]) / 2.0,
        _ => sorted[mid],
    }
}

/// The fastest round: what the machine does when nothing else runs on it.
pub(crate) fn best(values: &[f64]) -> f64 {
    values.iter().copied().fold(f64::INFINITY, f64::min)
}

pub(crate) fn list(values: &[f64]) -> String {
    values
        .iter()
        .map(|v| format!("{v:.1}"))
        .collect::<Vec<_>>()
        .join(",")
}
