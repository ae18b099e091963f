//! M002: a role of two or more achievements, none quantified.

use crate::analysis::Prepared;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, RuleInfo, diag};

pub static M002: RuleInfo = RuleInfo {
    code: "M002",
    name: "role-without-metric",
    severity: Severity::Warning,
    summary: "a role none of whose bullets has a quantified result",
    help: "give at least one bullet of this role a measured result",
    docs: r#"## What it does
Flags a role with at least two achievement bullets of which none carries a
quantified result (see M001 for what counts).

## Why it matters
A whole role without a single number leaves the reader unable to judge its
scale or impact, and it is the first thing a hiring manager probes in an
interview.

## Example
```text
### ML Engineer, Northwind (2021 – 2023)
- Built the feature store for the ranking models
- Maintained the training pipelines
```
Use instead: give the role's strongest bullet its number ("Built the feature
store that 6 ranking models read, cutting feature latency by 70%").

## How to fix it
Pick the role's most important result and quantify it.
"#,
};

/// M002: a role of two or more achievements, none quantified.
pub fn check_m002(_cx: &Context<'_>, p: &Prepared<'_>, out: &mut Vec<Diagnostic>) {
    for (role, bullets) in p.doc.roles.iter().zip(&p.roles) {
        let achievements = bullets.iter().filter(|b| b.achievement).count();
        if achievements >= 2 && !bullets.iter().any(|b| b.quantified()) {
            let name = role
                .title
                .as_ref()
                .or(role.company.as_ref())
                .map_or_else(|| "this role".to_string(), |t| format!("'{}'", t.text));
            out.push(diag(
                &M002,
                p.doc,
                &role.header,
                0..role.header.text.len(),
                format!("none of the {achievements} bullets of {name} has a quantified result"),
            ));
        }
    }
}
