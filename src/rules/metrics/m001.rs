//! M001: an achievement bullet with no quantified result.

use crate::analysis::Prepared;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, RuleInfo, diag};

pub static M001: RuleInfo = RuleInfo {
    code: "M001",
    name: "bullet-without-metric",
    severity: Severity::Info,
    summary: "an achievement bullet with no quantified result",
    help: "state the result in numbers: how much, how many, how fast (\"cut p99 latency by 40%\", \"served 2M users\")",
    docs: r#"## What it does
Flags an achievement bullet (five words or more, not a list of skills) that
carries no quantified result: no percentage, money, multiplier, count with a
noun, duration, magnitude or ranking.

Years, dates, versions and product names ("Python 3", "EC2", "GPT-4"),
tenure ("for 2 years"), phone numbers and GPAs are not results and do not
count.

## Why it matters
Reviewers skim for evidence. A bullet that says what you did but not what
changed reads as a duty, not an achievement; a number makes the scale of the
work visible in a second.

## Example
```text
- Improved the ranking service's latency
```
Use instead:
```text
- Cut p99 latency of the ranking service from 800 ms to 120 ms
```

## How to fix it
Add the measured outcome: before and after, how many users or teams, how
much money or time. If the bullet is a responsibility rather than an
achievement, consider merging it into one that has a result. This rule is
`info`: not every bullet needs a number, but most of them should.
"#,
};

/// M001: an achievement bullet with no quantified result.
pub fn check_m001(_cx: &Context<'_>, p: &Prepared<'_>, out: &mut Vec<Diagnostic>) {
    for b in p.bullets() {
        if b.achievement && !b.quantified() {
            out.push(diag(
                &M001,
                p.doc,
                b.text,
                0..b.text.text.len(),
                "no quantified result in this achievement".into(),
            ));
        }
    }
}
