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

pub static RULES: &[&RuleInfo] = &[&O001];

pub fn check(cx: &Context<'_>, p: &Prepared<'_>, out: &mut Vec<Diagnostic>) {
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
