//! Parsing and validation speed, each against a baseline measured in the same run.
//!
//! * `parse_get_result_pass/typed` parses the vendor's Get Result PASS example into
//!   `Envelope<GetResultData>`; `parse_get_result_pass/value` parses the same bytes into a
//!   `serde_json::Value`, the baseline a hand-written integration would use.
//! * `validate/id_number_verification` validates one valid request;
//!   `validate/baseline_clone` clones the same request, to put the figure in proportion.
//!
//! Run: `cargo bench -p advanceai-core --bench core`.
#![allow(missing_docs, clippy::unwrap_used)]

use std::hint::black_box;

use advanceai_core::{IdNumberVerificationRequest, parse_get_result_response};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const GET_RESULT_PASS: &[u8] =
    include_bytes!("../tests/fixtures/vendor/get_result_pass_nga_bvn.json");

fn parse(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse_get_result_pass");
    group.throughput(Throughput::Bytes(GET_RESULT_PASS.len() as u64));
    group.bench_function("typed", |b| {
        b.iter(|| parse_get_result_response(black_box(GET_RESULT_PASS)).unwrap());
    });
    group.bench_function("value", |b| {
        b.iter(|| serde_json::from_slice::<serde_json::Value>(black_box(GET_RESULT_PASS)).unwrap());
    });
    group.finish();
}

fn validate(c: &mut Criterion) {
    let request = IdNumberVerificationRequest::new(
        "order-20261123-0001",
        "user-8f3a2c",
        "NGA",
        "BVN",
        "22222222222",
    );
    let mut group = c.benchmark_group("validate");
    group.bench_function("id_number_verification", |b| {
        b.iter(|| black_box(&request).validate().unwrap());
    });
    group.bench_function("baseline_clone", |b| {
        b.iter(|| black_box(&request).clone());
    });
    group.finish();
}

criterion_group!(benches, parse, validate);
criterion_main!(benches);
