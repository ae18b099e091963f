//! C005: the resume headline and the LinkedIn headline claim different levels.

use super::{on, related};
use crate::assess::levels_named;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Document;
use crate::rules::{Context, RuleInfo, quote};
use std::collections::BTreeSet;

pub static C005: RuleInfo = RuleInfo {
    code: "C005",
    name: "headline-level-conflict",
    severity: Severity::Error,
    summary: "the resume headline and the LinkedIn headline claim different levels",
    help: "make both headlines claim the level you target",
    docs: r#"## What it does
Reads the level each headline names (the track's level aliases, and a
level word standing before any job word: "Staff Linux Engineer") and
flags the resume when the two name different levels.

## Why it matters
A recruiter who sees "Senior" on LinkedIn and "Staff" on the resume files
the candidate under the lower one, or doubts both.

## Example
Resume headline `Staff ML Engineer`; LinkedIn headline `Senior ML Engineer at Northwind`.

## How to fix it
Use the same level in both headlines.
"#,
};

pub(super) fn headline_levels(
    cx: &Context<'_>,
    resume: &Document,
    profile: &Document,
    out: &mut Vec<Diagnostic>,
) {
    let (Some(rh), Some(ph)) = (&resume.headline, &profile.headline) else {
        return;
    };
    let ours = headline_levels_of(cx, &rh.text);
    let theirs = headline_levels_of(cx, &ph.text);
    if ours.is_empty() || theirs.is_empty() || !ours.is_disjoint(&theirs) {
        return;
    }
    let names = |s: &BTreeSet<usize>| {
        s.iter()
            .map(|&l| cx.rubric.levels[l].id.as_str())
            .collect::<Vec<_>>()
            .join("/")
    };
    out.push(on(
        resume,
        rh,
        &C005,
        format!(
            "the resume headline claims {} ('{}'), the LinkedIn headline {} ('{}')",
            names(&ours),
            rh.text,
            names(&theirs),
            quote(&ph.text, 60)
        ),
        related(profile, ph, "LinkedIn headline"),
    ));
}

/// The levels a headline names: the track's aliases ("Staff ML Engineer"),
/// and a level's own name or one-word alias standing before a job word
/// in the same part of the headline, whatever the job ("Staff Linux
/// Engineer", "Principal Onsite Python Developer"). Not "Member of
/// Technical Staff": a level word after "of" names no level.
fn headline_levels_of(cx: &Context<'_>, text: &str) -> BTreeSet<usize> {
    let named = levels_named(cx.rubric, text);
    let mut out: BTreeSet<usize> = named.iter().map(|(l, _)| *l).collect();
    let level_of = |w: &str| {
        let w = w.to_lowercase();
        cx.rubric
            .levels
            .iter()
            .position(|l| l.id == w || l.aliases.contains(&w))
    };
    for seg in text.split(['|', '—', '–', ';', '·', '•', ',', '(', ')']) {
        // Byte offsets of the parts within the headline, for the alias
        // ranges.
        let base = seg.as_ptr() as usize - text.as_ptr() as usize;
        let words: Vec<(usize, &str)> = seg
            .split_whitespace()
            .map(|w| (w.as_ptr() as usize - seg.as_ptr() as usize, w))
            .collect();
        for (k, &(at, w)) in words.iter().enumerate() {
            let Some(level) = level_of(w.trim_end_matches(':')) else {
                continue;
            };
            let start = base + at;
            if named.iter().any(|(_, r)| r.start <= start && start < r.end) {
                continue;
            }
            if k > 0 && words[k - 1].1.eq_ignore_ascii_case("of") {
                continue;
            }
            let job: Vec<&str> = words[k + 1..words.len().min(k + 4)]
                .iter()
                .map(|(_, w)| *w)
                .filter(|w| level_of(w).is_none())
                .collect();
            if !job.is_empty() && cx.lexicon.title_words.is_match(&job.join(" ")) {
                out.insert(level);
            }
        }
    }
    out
}
