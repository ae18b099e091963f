//! What every extractor fuzz target checks on the Document it gets back.
//!
//! Beyond "no panic":
//! - every `Text` of the document (name, headline, summary, each role's
//!   and project's company, title, location, header and bullets, skills,
//!   education, loose bullets, target titles) has a span inside
//!   `doc.source` (`start <= end <= source.len()`) on char boundaries, and
//!   so does the span of every char of it (what a diagnostic on a word
//!   points at);
//! - `Document::line_of` works on each of them;
//! - role dates are ordered or flagged: when start and end are both dates
//!   and the end precedes the start at month precision (a bare year matches
//!   any month of it), `Role::dates_reversed` is set, and only then. The
//!   extractors keep dates as the source writes them (a linter must not
//!   repair them silently); the flag is set once for every entry point;
//! - `doc.to_json()` serialises to a string that parses back to the same
//!   value.

use std::sync::{Arc, LazyLock};

use storyline::date::DatePoint;
use storyline::extract::{Limits, extract_bytes};
use storyline::lexicon::Lexicon;
use storyline::model::{Document, Role};
use storyline::source::Text;

pub static LEX: LazyLock<Arc<Lexicon>> = LazyLock::new(Lexicon::embedded);

/// Limits for in-process fuzzing: as the defaults, smaller files (the
/// fuzzer's -max_len bounds them anyway).
pub fn limits() -> Limits {
    Limits::default()
}

/// Runs `extract_bytes` on the input under `ext` and checks the result.
pub fn fuzz_extract(ext: &str, data: &[u8]) {
    // A `%PDF-` header sends any name down the PDF path, which starts
    // this executable as the extraction child: here a fuzzer, not
    // storyline. The pdf target covers that path in process.
    if storyline::extract::pdf::is_pdf(data) {
        return;
    }
    let display = format!("fuzz.{ext}");
    if let Ok(doc) = extract_bytes(&display, ext, data.to_vec(), &LEX, &limits()) {
        check_document(&doc);
    }
}

/// Panics (a fuzz finding) when the document breaks an invariant.
pub fn check_document(doc: &Document) {
    let mut texts: Vec<(&str, &Text)> = Vec::new();
    for (what, t) in [
        ("name", &doc.name),
        ("headline", &doc.headline),
        ("summary", &doc.summary),
    ] {
        if let Some(t) = t {
            texts.push((what, t));
        }
    }
    for (kind, roles) in [("role", &doc.roles), ("project", &doc.projects)] {
        for r in roles {
            for t in [&r.company, &r.title, &r.location].into_iter().flatten() {
                texts.push((kind, t));
            }
            texts.push((kind, &r.header));
            texts.extend(r.bullets.iter().map(|b| (kind, b)));
            check_dates(r);
        }
    }
    for (what, list) in [
        ("skill", &doc.skills),
        ("education", &doc.education),
        ("loose bullet", &doc.loose_bullets),
        ("target title", &doc.target_titles),
    ] {
        texts.extend(list.iter().map(|t| (what, t)));
    }
    for (what, t) in texts {
        check_text(doc, what, t);
    }
    let v = doc.to_json();
    let s = serde_json::to_string(&v).expect("to_json serialises");
    let back: serde_json::Value = serde_json::from_str(&s).expect("to_json parses back");
    assert_eq!(back, v, "to_json does not round-trip");
}

fn check_span(doc: &Document, what: &str, t: &Text, start: usize, end: usize) {
    let span = t.source_span(start, end);
    let src = &doc.source;
    assert!(
        span.start <= span.end && span.end <= src.len(),
        "{what} {:?}: span {span:?} of text {start}..{end} outside the source ({} bytes)",
        t.text,
        src.len()
    );
    assert!(
        src.is_char_boundary(span.start) && src.is_char_boundary(span.end),
        "{what} {:?}: span {span:?} of text {start}..{end} not on char boundaries of the source",
        t.text
    );
}

fn check_text(doc: &Document, what: &str, t: &Text) {
    check_span(doc, what, t, 0, t.text.len());
    // Every char (at most the first 256): a diagnostic on one word.
    for (i, c) in t.text.char_indices().take(256) {
        check_span(doc, what, t, i, i + c.len_utf8());
    }
    let _ = doc.line_of(t);
}

fn check_dates(r: &Role) {
    let reversed = match (r.start, r.end) {
        (Some(DatePoint::At(s)), Some(DatePoint::At(e))) => match (s.month, e.month) {
            (Some(sm), Some(em)) => (e.year, em) < (s.year, sm),
            _ => e.year < s.year,
        },
        _ => false,
    };
    assert_eq!(
        r.dates_reversed, reversed,
        "role {:?}: start {:?}, end {:?}, dates_reversed {}",
        r.header.text, r.start, r.end, r.dates_reversed
    );
}
