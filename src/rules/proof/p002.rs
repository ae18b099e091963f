//! P002: a figure that cannot be true or reads as inflated.

use crate::analysis::Prepared;
use crate::diagnostic::{Diagnostic, Severity};
use crate::metrics::MetricKind;
use crate::rules::{Context, RuleInfo, diag};

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
