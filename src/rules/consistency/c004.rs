//! C004: the same achievement with different numbers.

use super::{Matched, on, related, words};
use crate::diagnostic::{Diagnostic, Severity};
use crate::pattern::Regex;
use crate::rules::{Context, RuleInfo, quote};
use crate::source::Text;
use std::ops::Range;
use std::sync::LazyLock;

pub static C004: RuleInfo = RuleInfo {
    code: "C004",
    name: "metric-conflict",
    severity: Severity::Error,
    summary: "the same achievement is quoted with different numbers across channels",
    help: "quote the same, verifiable number on both channels",
    docs: r#"## What it does
Pairs the achievements of aligned roles sentence by sentence by their
wording (word overlap of at least `claim-similarity` in the lexicon) and
flags a pair whose figures differ: "40%" on the resume, "25%" on
LinkedIn, wherever in the sentence the figure stands. A rate is not a
total: "12M a month" against "12M in 3 months" is a conflict (the rate
words are `rate-periods` and `rate-adverbs`).

## Why it matters
Two numbers for one result mean at least one of them is wrong, and the
reviewer cannot tell which.

## Example
Resume: `Cut p99 latency by 40%`; LinkedIn: `Cut p99 latency by 25%`.

## How to fix it
Use the measured figure on both channels.
"#,
};

/// C004: the same achievement with different numbers.
pub(super) fn check_c004(cx: &Context<'_>, m: &Matched<'_>, out: &mut Vec<Diagnostic>) {
    let Matched {
        resume,
        profile,
        ps,
        group,
        ..
    } = m;
    let c = &cx.lexicon.consistency;
    // C004: the same claim with different numbers, sentence by sentence
    // (a LinkedIn description often runs several bullets together).
    let theirs: Vec<(&Text, Range<usize>)> = ps
        .iter()
        .flat_map(|p| &p.bullets)
        .flat_map(|pb| sentences(&pb.text).into_iter().map(move |r| (pb, r)))
        .collect();
    'bullets: for rb in group.iter().flat_map(|g| &g.bullets) {
        for rr in sentences(&rb.text) {
            let rs = &rb.text[rr.clone()];
            let rw = words(rs);
            let rf = figures(rs, c);
            if rw.len() < 4 || rf.is_empty() {
                continue;
            }
            for (pb, pr) in &theirs {
                let ps_text = &pb.text[pr.clone()];
                let pw = words(ps_text);
                let inter = rw.intersection(&pw).count();
                let union = rw.union(&pw).count().max(1);
                if (inter as f64) / (union as f64) < c.claim_similarity {
                    continue;
                }
                let Some((ours, theirs)) =
                    differing_figures(c, rs, &rf, ps_text, &figures(ps_text, c))
                else {
                    continue;
                };
                out.push(on(
                    resume,
                    rb,
                    &C004,
                    format!(
                        "the same achievement is quoted as '{ours}' here and '{theirs}' on LinkedIn ('{}')",
                        quote(ps_text, 50)
                    ),
                    related(profile, pb, "LinkedIn quotes it"),
                ));
                continue 'bullets;
            }
        }
    }
}

/// A figure in a claim: its value (magnitudes applied: "1.2M" is
/// 1 200 000), whether it is a percentage, an amount of money or a rate.
#[derive(Debug, Clone)]
struct Figure {
    value: f64,
    percent: bool,
    money: bool,
    rate: bool,
    range: Range<usize>,
}

static FIGURE_RE: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(
        r"(?i)(?P<cur>[$€£¥₹]\s?)?(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)\s?(?P<unit>%|percent\b|x\b|k\b|mm\b|m\b|bn\b|b\b|thousand\b|million\b|billion\b|\+)?",
    )
    .expect("figure regex")
});

/// The figures of a claim. A number glued to letters ("EC2", "3rd",
/// "pep8") is a name or an ordinal, not a figure.
fn figures(text: &str, c: &crate::lexicon::Consistency) -> Vec<Figure> {
    let mut out = Vec::new();
    for m in FIGURE_RE.captures_iter(text) {
        let whole = m.get(0).expect("match");
        let num = m.name("num").expect("num");
        if text[..whole.start()]
            .chars()
            .next_back()
            .is_some_and(|ch| ch.is_alphanumeric() || ch == '.')
        {
            continue;
        }
        let end = m.name("unit").map_or(num.end(), |u| u.end());
        if m.name("unit").is_none() && text[num.end()..].starts_with(char::is_alphabetic) {
            continue;
        }
        let after = &text[end..];
        let Ok(mut value) = num.as_str().replace(',', "").parse::<f64>() else {
            continue;
        };
        let unit = m.name("unit").map(|u| u.as_str().to_lowercase());
        value *= match unit.as_deref() {
            Some("k" | "thousand") => 1e3,
            Some("m" | "mm" | "million") => 1e6,
            Some("b" | "bn" | "billion") => 1e9,
            _ => 1.0,
        };
        out.push(Figure {
            value,
            percent: matches!(unit.as_deref(), Some("%" | "percent")),
            money: m.name("cur").is_some(),
            rate: is_rate(after, c),
            range: whole.start()..end,
        });
    }
    out
}

/// Whether the words after a figure make it a rate: "a month", "per
/// day", "/yr", "monthly".
fn is_rate(after: &str, c: &crate::lexicon::Consistency) -> bool {
    let lowered = after.to_lowercase();
    let mut ws = lowered
        .split(|ch: char| ch.is_whitespace() || ch == '/')
        .filter(|w| !w.is_empty());
    let slash = lowered.trim_start().starts_with('/');
    let period = |w: &str| {
        let w = w.trim_end_matches(|ch: char| !ch.is_alphanumeric());
        c.rate_periods.iter().any(|p| p == w)
    };
    let adverb = |w: &str| {
        let w = w.trim_end_matches(|ch: char| !ch.is_alphanumeric());
        c.rate_adverbs.iter().any(|p| p == w)
    };
    // The figure's noun may stand between: "12M requests a month".
    let first: Vec<&str> = ws.by_ref().take(4).collect();
    if slash && first.first().is_some_and(|w| period(w)) {
        return true;
    }
    first.iter().enumerate().any(|(k, w)| {
        adverb(w)
            || matches!(*w, "per" | "a" | "an" | "each" | "every")
                && first.get(k + 1).is_some_and(|n| period(n))
    })
}

/// The first figure of each claim that the other does not quote (same
/// value, kind and rate), as written with what follows it; `None` when
/// every figure is matched on one side.
fn differing_figures(
    c: &crate::lexicon::Consistency,
    ours: &str,
    rf: &[Figure],
    theirs: &str,
    pf: &[Figure],
) -> Option<(String, String)> {
    let same = |a: &Figure, b: &Figure| {
        (a.value - b.value).abs() <= 1e-9 * a.value.abs().max(1.0)
            && a.percent == b.percent
            && a.rate == b.rate
    };
    let mut used = vec![false; pf.len()];
    let mut unmatched = Vec::new();
    for a in rf {
        match (0..pf.len()).find(|&k| !used[k] && same(a, &pf[k])) {
            Some(k) => used[k] = true,
            None => unmatched.push(a),
        }
    }
    let left: Vec<&Figure> = (0..pf.len())
        .filter(|&k| !used[k])
        .map(|k| &pf[k])
        .collect();
    let a = *unmatched.first()?;
    // Prefer a figure of the same kind on the other side.
    let b = left
        .iter()
        .find(|b| b.percent == a.percent && b.money == a.money)
        .or_else(|| left.first())?;
    // A rate against a total shows with the words that make it one, up
    // to its period ("12M requests a month", "12M requests in 3 months").
    let period = |w: &str| {
        let w = w
            .trim_end_matches(|ch: char| !ch.is_alphanumeric())
            .to_lowercase();
        let stem = w.strip_suffix('s').unwrap_or(&w).to_string();
        c.rate_periods.contains(&stem) || c.rate_periods.contains(&w) || c.rate_adverbs.contains(&w)
    };
    let show = |text: &str, f: &Figure| {
        let figure = text[f.range.clone()].trim().to_string();
        if a.rate == b.rate {
            return figure;
        }
        let mut tail = Vec::new();
        for w in text[f.range.end..].split_whitespace().take(6) {
            tail.push(w);
            if period(w) {
                let t = tail.join(" ");
                return format!("{figure} {}", t.trim_end_matches([',', '.', ';']));
            }
        }
        figure
    };
    Some((show(ours, a), show(theirs, b)))
}

/// A text's sentences, as ranges ("Did X. Did Y." is two claims).
fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices(". ") {
        // "e.g. ", "1.5 ", initials: a sentence ends after a word of
        // three letters or more.
        let word = text[start..i].rsplit(' ').next().unwrap_or("");
        if word.chars().filter(|ch| ch.is_alphabetic()).count() >= 3 {
            out.push(start..i + 1);
            start = i + 2;
        }
    }
    if start < text.len() {
        out.push(start..text.len());
    }
    out
}
