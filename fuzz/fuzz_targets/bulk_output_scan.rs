#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| advanceai_fuzz_targets::bulk_output_scan(data));
