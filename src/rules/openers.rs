//! O: ownership. Openers that undersell the candidate's part in the work.

use super::{Context, Prepared, RuleInfo, diag};
use crate::diagnostic::{Diagnostic, Severity};

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

pub static O002: RuleInfo = RuleInfo {
    code: "O002",
    name: "missing-leadership-signal",
    severity: Severity::Warning,
    summary: "target is senior or above and no recent bullet shows leading, owning or mentoring",
    help: "show where you led, owned or mentored: \"led a team of 4\", \"owned the ranking service\", \"mentored 3 engineers\"",
    docs: r#"## What it does
When the target level expects leadership (`expects-leadership` in the
rubric: senior and above in the bundled tracks), looks for a bullet in a
recent role that shows leading people, owning a system, setting direction
or mentoring (the rubric's `[leadership]` patterns) and flags the document
when there is none.

"Led" inside another word ("misled") and the causal "led to" are not
leadership.

## Why it matters
From senior up, every ladder asks for leadership without authority. A
resume that only lists hands-on work undersells it, and reviewers assume it
is missing.

## Example
Target staff; recent bullets: "Built ...", "Implemented ...", "Tuned ...".

## How to fix it
Write the leadership you did in your own words, with its scale: the team
you led, the system you owned, the decision you drove, the people you
mentored.
"#,
};

pub static RULES: &[&RuleInfo] = &[&O001, &O002];

pub fn check(cx: &Context<'_>, p: &Prepared<'_>, out: &mut Vec<Diagnostic>) {
    check_leadership(cx, p, out);
    for b in p.bullets() {
        if let Some(r) = cx.rubric.weak_openers.find_at_start(&b.text.text) {
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

/// O002 runs on the level assessment.
pub fn check_leadership(cx: &Context<'_>, p: &Prepared<'_>, out: &mut Vec<Diagnostic>) {
    let a = &p.assessment;
    let Some((target, _)) = a.target else { return };
    let level = &cx.rubric.levels[target];
    if !level.expects_leadership || a.recent.is_empty() || !a.leadership.is_empty() {
        return;
    }
    let header = &p.doc.roles[a.recent[0]].header;
    out.push(diag(
        &O002,
        p.doc,
        header,
        0..header.text.len(),
        format!(
            "{} expects leadership, and no bullet of the {} recent role{} shows leading, owning or mentoring",
            level.id,
            a.recent.len(),
            if a.recent.len() == 1 { "" } else { "s" }
        ),
    ));
}
