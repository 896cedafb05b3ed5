#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| advanceai_fuzz_targets::response_get_result(data));
