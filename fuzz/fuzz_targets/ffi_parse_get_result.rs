#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| advanceai_fuzz_targets::ffi_parse_get_result(data));
