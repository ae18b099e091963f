//! O001: a bullet that opens weakly.

use crate::analysis::Prepared;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, RuleInfo, diag};

pub static O001: RuleInfo = RuleInfo {
    code: "O001",
    name: "weak-opener",
    severity: Severity::Warning,
    summary: "a bullet that opens with \"helped\", \"assisted\", \"worked on\", \"responsible for\", \"participated in\"",
    help: "open with the verb of what you did yourself: built, led, designed, cut, shipped",
    docs: r#"## What it does
Flags a bullet whose first words undersell ownership: "helped", "assisted",
"worked on", "responsible for", "participated in" and the like. The list is
`[language] weak-openers` in the track's rubric (`rubrics/tracks/*.toml`).
Only the opening counts: "helped" later in a bullet is fine.

## Why it matters
The first two words of a bullet are often all that is read. "Helped build"
tells the reviewer someone else built it; "responsible for" describes a job
description, not a result.

## Example
```text
- Responsible for the model training pipeline
- Helped migrate the feature store to Spark
```
Use instead:
```text
- Rebuilt the model training pipeline, cutting a full retrain from 9 h to 2 h
- Migrated the feature store to Spark with 2 other engineers, on schedule
```

## How to fix it
Name your own part with a strong verb. If the work was shared, say so with
numbers ("with 2 engineers") instead of "helped".
"#,
};

/// O001: a bullet that opens weakly.
pub fn check_o001(cx: &Context<'_>, p: &Prepared<'_>, out: &mut Vec<Diagnostic>) {
    for b in p.bullets() {
        if let Some(r) = weak_opening(cx.rubric, cx.lexicon, &b.text.text) {
            let word = b.text.text[r.clone()].to_string();
            out.push(diag(
                &O001,
                p.doc,
                b.text,
                r,
                format!("bullet opens with '{word}', which undersells your part"),
            ));
        }
    }
}

/// The span of a bullet's weak opening, if it opens with one: a phrase of
/// the rubric's `weak-openers`, a verb with its noun a few words on ("Providing
/// 24/7 support"), or a first clause that states experience ("Heavy cloud
/// experience, ..."). Read past a topic label, a first-person lead-in and
/// one adverb ([`opening_start`]).
pub fn weak_opening(
    rubric: &crate::rubric::Rubric,
    lex: &crate::lexicon::Lexicon,
    text: &str,
) -> Option<std::ops::Range<usize>> {
    let start = opening_start(lex, text);
    let rest = &text[start..];
    let shift = |r: std::ops::Range<usize>| start + r.start..start + r.end;
    if let Some(r) = rubric.weak_openers.find_at_start(rest) {
        return Some(shift(r));
    }
    // Enough words for both tests below: the gapped noun is at most five
    // words on, and an experience clause has at most eight; a long bullet's
    // other words are never read.
    let words: Vec<(usize, &str)> = words_of(rest).take(9).collect();
    let (first_at, first) = *words.first()?;
    for (verb, noun) in &lex.gapped_openers {
        if first.eq_ignore_ascii_case(verb)
            && let Some((at, w)) = words
                .iter()
                .skip(1)
                .take(5)
                .find(|(_, w)| w.eq_ignore_ascii_case(noun))
        {
            return Some(shift(first_at..at + w.len()));
        }
    }
    // The clause ends at the first punctuation; past the ninth word it is
    // too long to matter, so the rest of a long bullet is not searched.
    let scan_to = words.get(8).map_or(rest.len(), |(at, w)| at + w.len());
    let clause = &rest[..rest[..scan_to]
        .find([',', ';', '.', '('])
        .unwrap_or(rest.len())];
    let in_clause: Vec<&(usize, &str)> =
        words.iter().filter(|(at, _)| *at < clause.len()).collect();
    let last = in_clause.last()?;
    (in_clause.len() <= 8 && lex.experience_words.contains(&last.1.to_lowercase()))
        .then(|| shift(first_at..last.0 + last.1.len()))
}

/// Where a bullet's opening verb phrase starts: past a topic label before a
/// colon ("Technical contribution: Participate in ..."; a label that is
/// itself a verb phrase, "Developed models: ...", is the opening), then past
/// first-person lead-ins ("I am also") and one adverb ("Actively").
fn opening_start(lex: &crate::lexicon::Lexicon, text: &str) -> usize {
    let mut pos = text.len() - text.trim_start().len();
    if let Some(colon) = text.find(':') {
        // A label has at most four words: a fifth says it is none.
        let label: Vec<&str> = text[pos..colon].split_whitespace().take(5).collect();
        let verb_like = label
            .first()
            .is_some_and(|w| w.to_ascii_lowercase().ends_with("ed"));
        let after = &text[colon + 1..];
        if (1..=4).contains(&label.len()) && !verb_like && !after.trim().is_empty() {
            pos = colon + 1 + (after.len() - after.trim_start().len());
        }
    }
    let mut adverb_seen = false;
    for (at, w) in words_of(&text[pos..]) {
        let lower = w.to_ascii_lowercase();
        let adverb = !adverb_seen
            && lower.len() >= 5
            && lower.ends_with("ly")
            && lower.bytes().all(|b| b.is_ascii_alphabetic());
        if lex.opener_lead_ins.contains(&lower) {
            continue;
        }
        if adverb {
            adverb_seen = true;
            continue;
        }
        return pos + at;
    }
    pos
}

/// The words of `text` with their offsets, trimmed of the punctuation
/// around them; lazily, as only the opening words are ever read.
fn words_of(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_inclusive(char::is_whitespace)
        .scan(0, |at, piece| {
            let here = *at;
            *at += piece.len();
            Some((here, piece))
        })
        .filter_map(|(at, piece)| {
            let w = piece.trim_end();
            let word = w.trim_start_matches(|c: char| !c.is_alphanumeric());
            let lead = w.len() - word.len();
            let word = word.trim_end_matches(|c: char| !c.is_alphanumeric());
            (!word.is_empty()).then_some((at + lead, word))
        })
}
