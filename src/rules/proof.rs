//! P: proof. Claims that ask to be believed without evidence, and figures
//! that hurt credibility.

use super::{Context, RuleInfo, diag};
use crate::analysis::Prepared;
use crate::diagnostic::{Diagnostic, Severity};
use crate::metrics::MetricKind;

pub static P001: RuleInfo = RuleInfo {
    code: "P001",
    name: "unproven-superlative",
    severity: Severity::Warning,
    summary: "\"world-class\", \"revolutionized\", \"best-in-class\" ... with no number in the same bullet",
    help: "back the claim with a number, or let the number speak and drop the superlative",
    docs: r#"## What it does
Flags a superlative ("world-class", "revolutionized", "best-in-class",
"cutting-edge", "state-of-the-art", ...) in a bullet, headline or summary
that carries no quantified figure. The list is `[proof] superlatives` in
`rubrics/lexicon.toml`.

## Why it matters
Superlatives are the first thing reviewers discount. Without a figure beside
it, "world-class" reads as self-praise and weakens the bullet.

## Example
```text
- Built a world-class recommendation engine
```
Use instead:
```text
- Built the recommendation engine behind 35% of orders, up from 12%
```

## How to fix it
Add the figure that justifies the word, then consider deleting the word.
"#,
};

pub static P002: RuleInfo = RuleInfo {
    code: "P002",
    name: "implausible-metric",
    severity: Severity::Warning,
    summary: "a figure that hurts credibility: a reduction over 100%, \"100% accuracy\", a huge gain with no baseline",
    help: "state the figure so it can be true: the baseline, the absolute values, or the real measured rate",
    docs: r#"## What it does
Flags figures that a reviewer will not believe as written:
- a reduction of more than 100% ("cut costs by 150%": nothing can fall by
  more than all of it);
- a perfect result such as "100% accuracy" or "100% uptime";
- a huge gain (1000% or more, or 50x or more; see `[proof]` in
  `rubrics/lexicon.toml`) with no baseline ("from ... to ...").

## Why it matters
One implausible number makes every other number on the page suspect.

## Example
```text
- Reduced inference cost by 200%
- Achieved 100% accuracy on the fraud model
```
Use instead:
```text
- Reduced inference cost by 67% (from $30k to $10k a month)
- Raised fraud-model precision to 97% at 80% recall
```

## How to fix it
For reductions, give the percentage of the old value (a 3x cost cut is a
67% reduction). For big gains, give the before and after.
"#,
};

/// P001: a superlative with no number to back it, in a bullet, the
/// headline or the summary.
pub fn check_p001(cx: &Context<'_>, p: &Prepared<'_>, out: &mut Vec<Diagnostic>) {
    let doc = p.doc;
    let lex = cx.lexicon;
    for b in p.bullets() {
        let text = &b.text.text;
        if !b.quantified()
            && let Some(r) =
                superlative_among(text, b.phrases.get(crate::lexicon::PhraseList::Superlative))
        {
            let word = text[r.clone()].to_string();
            out.push(diag(
                &P001,
                doc,
                b.text,
                r,
                format!("'{word}' with no number to back it"),
            ));
        }
    }
    // Superlatives in the headline and summary need proof as much.
    for t in [&doc.headline, &doc.summary].into_iter().flatten() {
        if let Some(r) = superlative(lex, &t.text)
            && crate::metrics::find_metrics(&t.text, lex).is_empty()
        {
            let word = t.text[r.clone()].to_string();
            out.push(diag(
                &P001,
                doc,
                t,
                r,
                format!("'{word}' with no number to back it"),
            ));
        }
    }
}

/// P002: a figure that cannot be true or reads as inflated.
pub fn check_p002(cx: &Context<'_>, p: &Prepared<'_>, out: &mut Vec<Diagnostic>) {
    let doc = p.doc;
    let lex = cx.lexicon;
    for b in p.bullets() {
        let text = &b.text.text;
        for m in &b.metrics {
            let Some(value) = m.value else { continue };
            let figure = &text[m.range.clone()];
            let before = &text[..m.range.start];
            let after = &text[m.range.end..];
            let message = match m.kind {
                MetricKind::Percent if value > 100.0 && lex.decrease_verbs.is_match(before) => {
                    Some(format!(
                        "a reduction of {figure} is impossible: nothing falls by more than 100%"
                    ))
                }
                MetricKind::Percent
                    if value == 100.0 && lex.perfect_results.find_at_start(after).is_some() =>
                {
                    Some(format!(
                        "'{figure}{}' is not credible as a measured result",
                        after
                            .split_whitespace()
                            .next()
                            .map(|w| format!(" {w}"))
                            .unwrap_or_default()
                    ))
                }
                MetricKind::Percent
                    if value >= lex.huge_gain_percent
                        && !lex.baseline_words.is_match(text)
                        && !lex.decrease_verbs.is_match(before) =>
                {
                    Some(format!(
                        "a gain of {figure} with no baseline reads as inflated"
                    ))
                }
                MetricKind::Multiplier
                    if value >= lex.huge_gain_multiplier && !lex.baseline_words.is_match(text) =>
                {
                    Some(format!(
                        "a gain of {figure} with no baseline reads as inflated"
                    ))
                }
                _ => None,
            };
            if let Some(message) = message {
                out.push(diag(&P002, doc, b.text, m.range.clone(), message));
            }
        }
    }
}

/// The first superlative that is a claim: a capitalised one inside the
/// text names something ("Award for Exceptional Achievement").
fn superlative(lex: &crate::lexicon::Lexicon, text: &str) -> Option<std::ops::Range<usize>> {
    let found: Vec<std::ops::Range<usize>> = lex.superlatives.find_iter(text).collect();
    superlative_among(text, &found)
}

/// [`superlative`] among a text's superlatives already found.
fn superlative_among(
    text: &str,
    found: &[std::ops::Range<usize>],
) -> Option<std::ops::Range<usize>> {
    found
        .iter()
        .find(|r| {
            let starts_upper = text[(*r).clone()]
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
            let at_start = text[..r.start].trim().is_empty();
            !starts_upper || at_start
        })
        .cloned()
}
