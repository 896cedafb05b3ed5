//! The seed corpus, made from the repository's fixtures, and the fuzzing dictionary.
//!
//! `cargo run -p advanceai-fuzz-targets --example seed_corpus` writes both: each seed to
//! `fuzz/corpus/NAME/seed-STEM` unless a file of the corpus already holds the same bytes
//! (so it can run again after `cargo fuzz cmin` renamed or dropped seeds), and the
//! dictionary to `fuzz/fuzz.dict`.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use advanceai_core::{
    CallbackType, CheckResult, ErrorCode, FaceResult, GenerateUrlRequest, HealthStatus,
    IdNumberVerificationRequest, MARKETS, OverallResult, Pii, RESTRICTED_URL_SCHEMES, ResponseCode,
    SUPPORTED_ID_NUMBER_TYPES,
};

use crate::{documented_names, encode_generate_url_request, encode_verification_request};

/// One seed: the target it is for, a name, and its bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Seed {
    /// The target's name (a [`crate::TARGETS`] entry).
    pub target: &'static str,
    /// The file name's stem, from the fixture or the case it was made from.
    pub name: String,
    /// The input.
    pub bytes: Vec<u8>,
}

/// Where core's response fixtures are, relative to the repository.
const FIXTURES: &str = "crates/core/tests/fixtures";

/// Which targets a fixture feeds, by the start of its file name.
const BY_PREFIX: &[(&str, &[&str])] = &[
    (
        "verification_",
        &["response_verification", "ffi_parse_verification"],
    ),
    (
        "get_result_",
        &["response_get_result", "ffi_parse_get_result"],
    ),
    ("generate_url_with", &["response_generate_url"]),
    ("generate_url_without", &["response_generate_url"]),
    ("token_", &["response_token"]),
    ("clear_data_", &["response_clear_data"]),
    ("callback_", &["callback", "ffi_parse_callback"]),
];

/// The vendor's Health Status answers, as its page shows them (core has no file of them).
const HEALTH: &[(&str, &str)] = &[
    (
        "health_health",
        r#"{"code":"SUCCESS","message":"OK","data":{"numberType":"NG_BVN","status":"health"},"extra":null,"transactionId":"t1","pricingStrategy":"FREE"}"#,
    ),
    (
        "health_unstable",
        r#"{"code":"SUCCESS","message":"OK","data":{"numberType":"NG_BVN","status":"unstable"},"extra":null,"transactionId":"t2","pricingStrategy":"FREE"}"#,
    ),
    (
        "health_parameter_error",
        r#"{"code":"PARAMETER_ERROR","message":"numberType is empty","data":null,"extra":null,"transactionId":"t3","pricingStrategy":"FREE"}"#,
    ),
];

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn files(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut files = fs::read_dir(dir)?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<io::Result<Vec<_>>>()?;
    files.retain(|path| path.is_file());
    files.sort();
    Ok(files)
}

/// Every response fixture, to the targets its name says; each market's `docDatabaseDetail`
/// example inside a verification and a Get Result answer.
fn response_seeds(repo: &Path) -> io::Result<Vec<Seed>> {
    let mut seeds = Vec::new();
    for dir in ["vendor", "variants", "nondoc"] {
        for path in files(&repo.join(FIXTURES).join(dir))? {
            let name = stem(&path);
            let bytes = fs::read(&path)?;
            for (_, targets) in BY_PREFIX.iter().filter(|(p, _)| name.starts_with(p)) {
                for target in targets.iter() {
                    let bytes = bytes.clone();
                    seeds.push(Seed {
                        target,
                        name: name.clone(),
                        bytes,
                    });
                }
            }
        }
    }
    for path in files(&repo.join(FIXTURES).join("doc_database_detail"))? {
        let person = String::from_utf8_lossy(&fs::read(&path)?).into_owned();
        let body = format!(
            r#"{{"code":"SUCCESS","message":"OK","transactionId":"t","data":{{"signatureId":"s","overallResult":"PASS","errorCode":"","docDatabaseDetail":{person}}}}}"#
        );
        let name = format!("person_{}", stem(&path));
        for target in [
            "response_verification",
            "ffi_parse_verification",
            "response_get_result",
            "ffi_parse_get_result",
        ] {
            let bytes = body.clone().into_bytes();
            seeds.push(Seed {
                target,
                name: name.clone(),
                bytes,
            });
        }
    }
    for (name, body) in HEALTH {
        let (target, name, bytes) = (
            "response_health",
            name.to_string(),
            body.as_bytes().to_vec(),
        );
        seeds.push(Seed {
            target,
            name,
            bytes,
        });
    }
    Ok(seeds)
}

/// Requests: each supported type valid and refused, the vendor's Generate URL example, and
/// each market's Generate URL request with its person fields.
fn request_seeds(repo: &Path) -> io::Result<Vec<Seed>> {
    let mut seeds = Vec::new();
    let mut verification = |name: String, request: IdNumberVerificationRequest| {
        let bytes = encode_verification_request(&request);
        seeds.push(Seed {
            target: "request_verification",
            name,
            bytes,
        });
    };
    for id_type in SUPPORTED_ID_NUMBER_TYPES {
        let (region, kind) = (id_type.region, id_type.number_type);
        let number = "2".repeat(match id_type.format {
            advanceai_core::NumberFormat::Digits(count) => count,
            _ => 11,
        });
        let valid = IdNumberVerificationRequest::new("order-1", "user-1", region, kind, &number);
        verification(format!("valid_{kind}"), valid.clone());
        let mut lowercase = valid.clone();
        lowercase.number_type = kind.to_lowercase();
        verification(format!("lowercase_{kind}"), lowercase);
        let mut short = valid;
        short.number_value = Pii::new("222");
        verification(format!("short_{kind}"), short);
    }
    let vendor = fs::read(repo.join(FIXTURES).join("nondoc/generate_url_request.json"))?;
    let vendor: GenerateUrlRequest = serde_json::from_slice(&vendor).map_err(io::Error::other)?;
    let mut seeds_url = vec![("vendor_example".to_owned(), vendor)];
    for market in MARKETS {
        let mut request = GenerateUrlRequest::new(
            "order-1",
            "user-1",
            market.region,
            market.number_type,
            "https://example.com/ok",
            "myapp://fail",
        );
        let length = market.number_lengths.first().copied().unwrap_or(11);
        request.number_value = Some(Pii::new("3".repeat(length)));
        request.full_name = Some(Pii::new("Rina Wijaya"));
        request.gender = Some("FEMALE".to_owned());
        request.callback_url = Some("https://example.com/hook?auth=abc".to_owned());
        seeds_url.push((format!("{}_{}", market.region, market.number_type), request));
    }
    for (name, request) in seeds_url {
        let bytes = encode_generate_url_request(&request);
        seeds.push(Seed {
            target: "request_generate_url",
            name,
            bytes,
        });
    }
    Ok(seeds)
}

/// Bulk inputs and outputs in the forms the README documents (the repository has no
/// example file of them): a verification run, a `--results` run, unreadable rows, and an
/// output with a pending result, an error line and a line cut short by a kill.
const BULK: &[(&str, &str, &str)] = &[
    (
        "bulk_csv",
        "verify",
        "bizId,userId,region,numberType,numberValue\norder-1,user-1,NGA,BVN,22222222222\norder-2,user-2,NGA,NIN,00000000000\n\"order,3\",user-3,NGA,bvn,123\n,,,,\n",
    ),
    (
        "bulk_csv",
        "results",
        "signatureId,note\nf302f5d2454a85c2,a\n,b\n",
    ),
    (
        "bulk_jsonl",
        "verify",
        "{\"bizId\":\"b1\",\"userId\":\"u1\",\"region\":\"NGA\",\"numberType\":\"BVN\",\"numberValue\":\"22222222222\"}\n{\"bizId\":\"b2\",\"userId\":\"u2\",\"region\":\"NGA\",\"numberType\":\"BVN\",\"numberValue\":null}\n{\"bizId\":\"b3\", \n\n",
    ),
    (
        "bulk_jsonl",
        "results",
        "{\"signatureId\":\"s9\"}\n{\"signatureId\":9}\n",
    ),
    (
        "bulk_output_scan",
        "output",
        "{\"row\":1,\"bizId\":\"b1\",\"userId\":\"u1\",\"numberValue\":\"22********2\",\"overallResult\":\"PASS\",\"errorCode\":\"SUCCESS\",\"signatureId\":\"s1\"}\n{\"row\":3,\"bizId\":null,\"userId\":null,\"numberValue\":null,\"error\":{\"kind\":\"INVALID_ROW\",\"code\":null,\"message\":\"x\",\"transactionId\":null}}\n{\"row\":5,\"signatureId\":\"s\",\"pending\":true,\"overallResult\":null}\n{\"row\":6,\"bizId\":\"b6\",\"us",
    ),
];

/// Every seed of every target, made from the fixtures under `repo`.
pub fn seeds(repo: &Path) -> io::Result<Vec<Seed>> {
    let mut seeds = response_seeds(repo)?;
    seeds.extend(request_seeds(repo)?);
    for (target, name, text) in BULK {
        let (name, bytes) = (name.to_string(), text.as_bytes().to_vec());
        seeds.push(Seed {
            target,
            name,
            bytes,
        });
    }
    Ok(seeds)
}

/// Writes each seed into `repo/fuzz/corpus/TARGET/` unless a file there already holds its
/// bytes; returns how many were written.
pub fn write_seeds(repo: &Path) -> io::Result<usize> {
    let mut written = 0;
    for seed in seeds(repo)? {
        let dir = repo.join("fuzz/corpus").join(seed.target);
        fs::create_dir_all(&dir)?;
        let present = files(&dir)?
            .iter()
            .map(fs::read)
            .collect::<io::Result<Vec<_>>>()?;
        if !present.contains(&seed.bytes) {
            fs::write(dir.join(format!("seed-{}", seed.name)), &seed.bytes)?;
            written += 1;
        }
    }
    Ok(written)
}

/// A libFuzzer dictionary entry: `"..."` with `"`, `\` and bytes outside printable ASCII
/// escaped.
fn entry(token: &str) -> String {
    let mut out = String::from("\"");
    for byte in token.bytes() {
        match byte {
            b'"' | b'\\' => out.extend(['\\', char::from(byte)]),
            0x20..=0x7e => out.push(char::from(byte)),
            _ => out.push_str(&format!("\\x{byte:02X}")),
        }
    }
    out.push('"');
    out
}

/// The dictionary of every target: the documented field names as JSON keys, each wire
/// enum's documented values as JSON strings, the request vocabulary (regions, number
/// types, URL schemes, colour schemes) and the bulk files' keys.
pub fn dictionary() -> String {
    let mut tokens: Vec<String> = documented_names()
        .iter()
        .map(|name| format!("\"{name}\":"))
        .collect();
    let values = [
        ResponseCode::KNOWN
            .iter()
            .map(|v| v.as_str().to_owned())
            .collect::<Vec<_>>(),
        OverallResult::KNOWN
            .iter()
            .map(|v| v.as_str().to_owned())
            .collect(),
        ErrorCode::KNOWN
            .iter()
            .map(|v| v.as_str().to_owned())
            .collect(),
        FaceResult::KNOWN
            .iter()
            .map(|v| v.as_str().to_owned())
            .collect(),
        CallbackType::KNOWN
            .iter()
            .map(|v| v.as_str().to_owned())
            .collect(),
        CheckResult::KNOWN
            .iter()
            .map(|v| v.as_str().to_owned())
            .collect(),
        HealthStatus::KNOWN
            .iter()
            .map(|v| v.as_str().to_owned())
            .collect(),
    ];
    tokens.extend(values.concat().iter().map(|v| format!("\"{v}\"")));
    for market in MARKETS {
        tokens.extend(
            [
                market.region,
                market.number_type,
                market.get_result_number_type,
            ]
            .map(str::to_owned),
        );
    }
    tokens.extend(RESTRICTED_URL_SCHEMES.iter().map(|s| format!("{s}://")));
    tokens.extend(
        [
            "https://", "http://", "light", "dark", "true", "null", "\u{FEFF}",
        ]
        .map(str::to_owned),
    );
    tokens.sort();
    tokens.dedup();
    let mut out = String::from(
        "# The fuzzing dictionary of every target, written by\n# `cargo run -p advanceai-fuzz-targets --example seed_corpus`: do not edit.\n",
    );
    for token in tokens {
        out.push_str(&entry(&token));
        out.push('\n');
    }
    out
}
