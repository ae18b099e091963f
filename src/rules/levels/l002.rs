//! L002: the headline claims a level other than the target.

use crate::analysis::Prepared;
use crate::assess::TargetSource;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, RuleInfo, diag};

pub static L002: RuleInfo = RuleInfo {
    code: "L002",
    name: "target-level-mismatch",
    severity: Severity::Warning,
    summary: "the level the headline claims differs from the configured target",
    help: "make the headline name the level you target, or correct the target",
    docs: r#"## What it does
Reads the level the headline names (by the aliases of the track's rubric:
"Senior", "Sr.", "Staff ML Engineer", "L6", "E5", ...) and flags it when it
differs from the target given with `--target` or `target` in
storyline.toml. Without a configured target the headline is the target, and
the rule is silent.

## Why it matters
A recruiter files the candidate under the level the headline names. If the
headline says "Senior" while the application targets staff, the candidate
is screened against the wrong bar.

## Example
```text
Senior ML Engineer          (storyline check --target staff)
```
Use instead: `Staff ML Engineer`, or a headline that names no level but
states staff-level scope.

## How to fix it
Name the target level in the headline, or drop the level word and state the
scope instead.
"#,
};

/// L002: the headline claims a level other than the target.
pub fn check_l002(cx: &Context<'_>, p: &Prepared<'_>, out: &mut Vec<Diagnostic>) {
    let a = &p.assessment;
    let Some((target, source)) = a.target else {
        return;
    };
    if source == TargetSource::Headline {
        return;
    }
    let Some(headline) = &p.doc.headline else {
        return;
    };
    if a.headline_levels.is_empty() || a.headline_levels.iter().any(|(l, _)| *l == target) {
        return;
    }
    let (level, range) = a.headline_levels[0].clone();
    let said = headline.text[range.clone()].to_string();
    out.push(diag(
        &L002,
        p.doc,
        headline,
        range,
        format!(
            "the headline claims {} ('{said}') but the target is {} (from {})",
            cx.rubric.levels[level].id,
            cx.rubric.levels[target].id,
            source.as_str()
        ),
    ));
}
