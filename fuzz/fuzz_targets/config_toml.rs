#![no_main]
//! Config::parse on any UTF-8 text; errors must render.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match storyline::config::Config::parse(text, std::path::Path::new("fuzz/storyline.toml")) {
        Ok(c) => {
            let _ = c.dir();
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
});
