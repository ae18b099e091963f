//! PDF → text with a page map, through pdf-extract's positioned output.
//!
//! pdf-extract (on lopdf) panics on malformed files, can overflow its
//! stack, loop for minutes, and inflates streams without a size cap. So
//! the extraction never runs in the linting process: [`extract`] starts
//! this same program as a child (`storyline __extract-pdf -`, see
//! [`isolate`]) under a time and memory limit, hands it the bytes, and
//! reads back the text and the page of every line as JSON. The child runs
//! [`extract_in_process`] inside `catch_unwind`; whatever it cannot say
//! (an abort, a signal, a timeout) the parent names from the exit status.

mod fonts;
mod glyphs;
pub mod isolate;
pub mod layout;
mod repair;

use std::panic::{AssertUnwindSafe, catch_unwind};

use serde::{Deserialize, Serialize};

pub use self::layout::{LineInfo, PdfText};
use super::Limits;
use crate::error::InputError;

/// Why a PDF yielded no text, as the child reports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Failure {
    Encrypted,
    NoTextLayer,
    /// Glyphs are drawn but none maps to a character.
    NoUnicode,
    Corrupt {
        detail: String,
    },
    TooManyPages {
        pages: usize,
        limit: usize,
    },
    /// pdf-extract panicked: a construct it does not support.
    Unsupported {
        detail: String,
    },
}

impl Failure {
    pub fn message(&self) -> String {
        match self {
            Failure::Encrypted => "encrypted PDF: remove the password and save again".into(),
            Failure::NoTextLayer => {
                "no text layer: the PDF is a scanned image; run OCR first".into()
            }
            Failure::NoUnicode => "no readable text: the PDF's fonts map no glyph to a character; export it again with embedded fonts, or run OCR".into(),
            Failure::Corrupt { detail } => format!("corrupt or truncated PDF: {detail}"),
            Failure::TooManyPages { pages, limit } => {
                format!("too many pages: {pages}, over the limit of {limit}")
            }
            Failure::Unsupported { detail } => {
                format!("unsupported PDF: the text extractor stopped: {detail}")
            }
        }
    }
}

/// What the child prints: the text, or why there is none.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Answer {
    Text(PdfText),
    Failed(Failure),
}

/// Whether bytes are a PDF: `%PDF-` within the first KiB, as readers
/// accept (some generators put junk before it).
pub fn is_pdf(bytes: &[u8]) -> bool {
    // Every text file of a batch is asked, twice: a SIMD search.
    memchr::memmem::find(&bytes[..bytes.len().min(1024)], b"%PDF-").is_some()
}

/// The error for a file named `.pdf` that holds something else.
pub fn not_pdf(display: &str, bytes: &[u8]) -> InputError {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(64)]).to_ascii_lowercase();
    let head = head.trim_start();
    let what = if bytes.starts_with(b"PK\x03\x04") {
        "it is a ZIP archive (a DOCX or a LinkedIn export?) under a .pdf name"
    } else if head.starts_with("<!doctype html") || head.starts_with("<html") {
        "it is a web page under a .pdf name (a failed download?); download the PDF again"
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        "it is a legacy Word .doc file under a .pdf name"
    } else {
        "the file does not start with a %PDF- header"
    };
    InputError::new(display, format!("not a PDF: {what}"))
}

/// Extracts a PDF's text in a child process within `limits`.
pub fn extract(display: &str, bytes: &[u8], limits: &Limits) -> Result<PdfText, InputError> {
    isolate::run(bytes, limits).map_err(|cause| InputError::new(display, cause))
}

/// Extracts in this process: what the child runs. Panics are the
/// caller's to catch (the child wraps this in `catch_unwind`); each page
/// is extracted on its own so that one bad page does not lose the rest.
pub fn extract_in_process(bytes: &[u8], max_pages: usize) -> Result<PdfText, Failure> {
    let mut doc = match pdf_extract::Document::load_mem(bytes) {
        Ok(doc) => doc,
        Err(e) => return Err(load_failure(bytes, &e)),
    };
    // lopdf opens files encrypted with an empty user password (most
    // "protected" resumes) by itself and then drops /Encrypt from the
    // trailer; a trailer that still has it needs a password.
    if doc.trailer.get(b"Encrypt").is_ok() {
        return Err(Failure::Encrypted);
    }
    repair::repair(&mut doc);
    let pages = doc.get_pages();
    if pages.len() > max_pages {
        return Err(Failure::TooManyPages {
            pages: pages.len(),
            limit: max_pages,
        });
    }
    if pages.is_empty() {
        return Err(Failure::Corrupt {
            detail: "the document has no pages".into(),
        });
    }
    let mut out = glyphs::Collector::default();
    let mut first_error: Option<Failure> = None;
    let mut extracted = 0;
    for (&number, &id) in &pages {
        let before = out.pages.len();
        let result = catch_unwind(AssertUnwindSafe(|| {
            pdf_extract::output_doc_page(&doc, &mut out, number)
        }));
        let failure = match result {
            Ok(Ok(())) => {
                extracted += 1;
                // Fonts are a hint: a page they cannot be read for keeps
                // its text.
                if let Ok(Some(shown)) =
                    catch_unwind(AssertUnwindSafe(|| fonts::shown_fonts(&doc, id)))
                {
                    out.assign_fonts(&shown);
                }
                continue;
            }
            Ok(Err(e)) => Failure::Corrupt {
                detail: format!("page {number}: {}", output_error(&e)),
            },
            Err(payload) => Failure::Unsupported {
                detail: panic_text(payload.as_ref()),
            },
        };
        out.pages.truncate(before);
        first_error.get_or_insert(failure);
    }
    if extracted == 0
        && let Some(f) = first_error
    {
        return Err(f);
    }
    if out.glyph_count() == 0 {
        return Err(if out.drawn > 0 {
            Failure::NoUnicode
        } else {
            Failure::NoTextLayer
        });
    }
    let mut text = layout::layout(&out.pages);
    text.fonts = out.fonts;
    if text.text.trim().is_empty() {
        return Err(Failure::NoUnicode);
    }
    Ok(text)
}

/// Names why lopdf could not open a file.
fn load_failure(bytes: &[u8], e: &pdf_extract::Error) -> Failure {
    let tail = &bytes[bytes.len().saturating_sub(2048)..];
    if contains(bytes, b"/Encrypt") && !matches!(e, pdf_extract::Error::Xref(_)) {
        return Failure::Encrypted;
    }
    if !contains(tail, b"%%EOF") {
        return Failure::Corrupt {
            detail:
                "the file is cut short (no %%EOF marker at its end); download or export it again"
                    .into(),
        };
    }
    Failure::Corrupt {
        detail: e.to_string(),
    }
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

fn output_error(e: &pdf_extract::OutputError) -> String {
    match e {
        pdf_extract::OutputError::PdfError(e) => e.to_string(),
        other => other.to_string(),
    }
}

/// The message of a panic payload.
pub fn panic_text(payload: &(dyn std::any::Any + Send)) -> String {
    let s = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "an internal error".into());
    // One line, and not a novel: some panics print whole dictionaries.
    let line = s.lines().next().unwrap_or("").trim();
    if line.chars().count() > 160 {
        line.chars().take(160).collect::<String>() + "…"
    } else {
        line.to_string()
    }
}
