#![no_main]
//! extract_bytes on any bytes under a `.json` name, then the Document checks.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    storyline_fuzz::fuzz_extract("json", data);
});
