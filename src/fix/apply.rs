//! Applying the safe fixes to a text document (`storyline check --fix`):
//! lint, apply what does not overlap, lint again until nothing is left to
//! apply, so that a second run has nothing to do.

use crate::diagnostic::{Diagnostic, FixClass};
use crate::error::InputError;
use crate::extract::{self, Limits};
use crate::lint::{Suppressions, lint_document};
use crate::model::Document;
use crate::rules::Context;

/// The most lint-and-apply rounds: each round applies every fix that does
/// not overlap another, so a bullet needs one round per overlapping pair
/// (a superlative inside a rewritten opener), never many.
const ROUNDS: usize = 8;

/// One fix applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    pub code: &'static str,
    /// Where the finding was, in the text the round read.
    pub line: usize,
    pub column: usize,
    pub description: String,
    /// The finding's line before and after the edit (trimmed).
    pub before: String,
    pub after: String,
}

/// The text with the safe fixes applied, and what was applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fixed {
    pub text: String,
    pub applied: Vec<Applied>,
}

/// Applies the first safe fix of each finding, skipping any that overlaps
/// one applied before it (in source order). `text` is the source the
/// findings point into.
pub fn apply_safe(text: &str, diags: &[Diagnostic]) -> Fixed {
    let mut chosen: Vec<(&Diagnostic, &crate::diagnostic::Fix)> = diags
        .iter()
        .filter_map(|d| {
            d.fixes
                .iter()
                .find(|f| f.class == FixClass::Safe)
                .map(|f| (d, f))
        })
        .collect();
    chosen.sort_by_key(|(_, f)| f.replacements.first().map(|r| r.start_byte));
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let mut edits: Vec<(usize, usize, &str)> = Vec::new();
    let mut applied = Vec::new();
    for (d, f) in chosen {
        let ranges: Vec<(usize, usize)> = f
            .replacements
            .iter()
            .map(|r| (r.start_byte, r.end_byte))
            .collect();
        let valid = ranges.iter().all(|&(s, e)| {
            s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e)
        });
        // Touching counts as overlapping: two edits at one place would
        // depend on their order.
        let clashes = ranges
            .iter()
            .any(|&(s, e)| taken.iter().any(|&(ts, te)| s <= te && ts <= e));
        if !valid || clashes {
            continue;
        }
        taken.extend(&ranges);
        for r in &f.replacements {
            edits.push((r.start_byte, r.end_byte, &r.text));
        }
        applied.push((d, f));
    }
    edits.sort_by_key(|&(s, _, _)| std::cmp::Reverse(s));
    let mut out = text.to_string();
    for &(s, e, t) in &edits {
        out.replace_range(s..e, t);
    }
    let applied = applied
        .into_iter()
        .map(|(d, f)| {
            let first = f
                .replacements
                .first()
                .map_or(d.span.start, |r| r.start_byte);
            let line_start = text[..first].rfind('\n').map_or(0, |i| i + 1);
            let line_end = text[first..].find('\n').map_or(text.len(), |i| first + i);
            let mut after = text[line_start..line_end].to_string();
            let mut mine: Vec<_> = f.replacements.iter().collect();
            mine.sort_by_key(|r| std::cmp::Reverse(r.start_byte));
            for r in mine {
                if r.start_byte >= line_start && r.end_byte <= line_end {
                    after
                        .replace_range(r.start_byte - line_start..r.end_byte - line_start, &r.text);
                }
            }
            Applied {
                code: d.code,
                line: d.line,
                column: d.column,
                description: f.description.clone(),
                before: text[line_start..line_end].trim().to_string(),
                after: after.trim().to_string(),
            }
        })
        .collect();
    Fixed { text: out, applied }
}

/// Why a document's text cannot be fixed.
#[derive(Debug)]
pub enum FixError {
    /// It could not be read.
    Input(InputError),
    /// What the findings point into is not the text as given (a PDF under
    /// a text name, a normalised encoding): editing it would be a guess.
    NotVerbatim(String),
}

/// Lints `text` (format `ext`: md, tex, json, txt) and applies its safe
/// fixes, round after round until none is left. What `lint_text` would
/// report for the result has no safe fix left to apply (within
/// [`ROUNDS`]).
pub fn fix_text(
    cx: &Context<'_>,
    display: &str,
    ext: &str,
    text: &str,
    limits: &Limits,
    sup: &Suppressions<'_>,
) -> Result<Fixed, FixError> {
    let mut current = text.to_string();
    let mut applied = Vec::new();
    for _ in 0..ROUNDS {
        let doc = read(display, ext, &current, cx, limits)?;
        let diags = lint_document(cx, &doc, sup, &[]);
        let round = apply_safe(&current, &diags);
        if round.applied.is_empty() {
            break;
        }
        applied.extend(round.applied);
        current = round.text;
    }
    Ok(Fixed {
        text: current,
        applied,
    })
}

fn read(
    display: &str,
    ext: &str,
    text: &str,
    cx: &Context<'_>,
    limits: &Limits,
) -> Result<Document, FixError> {
    let doc = extract::extract_bytes(display, ext, text.as_bytes().to_vec(), cx.lexicon, limits)
        .map_err(FixError::Input)?;
    if !doc.format.is_source_text() || doc.format == crate::model::Format::LinkedinExport {
        return Err(FixError::NotVerbatim(format!(
            "read as {}, not as a text document",
            doc.format.as_str()
        )));
    }
    if doc.source != text || !doc.parts.is_empty() {
        return Err(FixError::NotVerbatim(
            "its text is changed when read (encoding or line endings), so edits could not be placed"
                .into(),
        ));
    }
    Ok(doc)
}
