#![no_main]
//! The PDF path in process: `pdf::extract_in_process` (pdf-extract, our
//! glyph collector and layout), then `extract::pdf_text_document` (the
//! LinkedIn-profile reader or the resume segmenter), then the Document
//! checks.
//!
//! pdf-extract (and lopdf under it) panic by design on malformed files;
//! storyline runs them in a child under `catch_unwind`. Here the panic hook
//! tells the two apart by where the panic happened: a panic in a registry
//! crate or the vendored pdf-extract unwinds to our `catch_unwind` and is
//! ignored; a panic anywhere else (storyline's own code, e.g. the glyph collector pdf-extract calls
//! back, or the layout) goes to libFuzzer's hook, which aborts: a finding.
//! What the child's process boundary is for (stack overflow, runaway
//! allocation, endless loops) shows up here as libFuzzer crash, OOM or
//! timeout reports; see fuzz/README.md.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Once;

use libfuzzer_sys::fuzz_target;
use storyline::extract::{pdf, pdf_text_document};

static HOOK: Once = Once::new();

fn install_hook() {
    HOOK.call_once(|| {
        let fuzzer_hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            // Registry crates, and pdf-extract vendored with its patches.
            let third_party = info.location().is_some_and(|l| {
                l.file().contains("/.cargo/registry/") || l.file().contains("vendor/pdf-extract/")
            });
            if !third_party {
                fuzzer_hook(info);
            }
        }));
    });
}

fuzz_target!(|data: &[u8]| {
    install_hook();
    if !pdf::is_pdf(data) {
        return;
    }
    let limits = storyline_fuzz::limits();
    let result = catch_unwind(AssertUnwindSafe(|| {
        pdf::extract_in_process(data, limits.max_pdf_pages)
    }));
    let Ok(Ok(text)) = result else {
        return;
    };
    let doc = pdf_text_document("fuzz.pdf", text, &storyline_fuzz::LEX);
    storyline_fuzz::check_document(&doc);
});
