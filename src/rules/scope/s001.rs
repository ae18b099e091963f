//! S001: the headline and summary state no scope at the target level.

use crate::analysis::Prepared;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, RuleInfo, diag};
use crate::source::Text;

pub static S001: RuleInfo = RuleInfo {
    code: "S001",
    name: "missing-scope-statement",
    severity: Severity::Warning,
    summary: "the headline and summary state no scope at the target level",
    help: "say in the headline or summary how wide your work reaches at the target level (\"... across 4 product teams\")",
    docs: r#"## What it does
Reads the headline and the summary and finds the widest scope tier they
state (task < feature < team < cross-team < organization < industry, with
the phrases of the track's rubric, `[scope]`). Flags the document when that
tier is below the one the target level expects (`scope` of the level).

The target is `--target`, else `target` in storyline.toml, else the level the
headline names; without one the rule is silent.

## Why it matters
The headline and summary are read first and decide which level the rest is
read against. "Passionate ML engineer" states no scope; a staff reviewer
wants to see at once that the work reaches across teams.

## Example
```text
Staff Machine Learning Engineer
Passionate ML engineer who loves building models.
```
Use instead:
```text
Staff Machine Learning Engineer
Leads recommendation systems across 4 product teams.
```

## How to fix it
State the widest scope you own in the headline or the first sentence of the
summary, in the words of the target level.
"#,
};

/// S001: the headline and summary state no scope at the target level.
pub fn check_s001(cx: &Context<'_>, p: &Prepared<'_>, out: &mut Vec<Diagnostic>) {
    let a = &p.assessment;
    let doc = p.doc;
    let Some((target, source)) = a.target else {
        return;
    };
    let level = &cx.rubric.levels[target];
    let expected = level.scope;
    if a.statement_scope < expected {
        let at: Option<&Text> = doc.headline.as_ref().or(doc.summary.as_ref());
        let message = format!(
            "the headline and summary state no scope at the {} level (target from {}): it expects {} scope, they show {}",
            level.id,
            source.as_str(),
            expected,
            a.statement_scope
        );
        match at {
            Some(t) => out.push(diag(&S001, doc, t, 0..t.text.len(), message)),
            None => out.push(crate::rules::diag_at_start(&S001, doc, message)),
        }
    }
}
