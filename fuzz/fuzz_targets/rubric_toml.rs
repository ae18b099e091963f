#![no_main]
//! Rubric::parse on any UTF-8 text; errors must render.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match storyline::rubric::Rubric::parse(text, "fuzz.toml") {
        Ok(_) => {}
        Err(e) => {
            let _ = e.to_string();
        }
    }
});
