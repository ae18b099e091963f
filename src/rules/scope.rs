//! S: scope. Whether the documents state and evidence the scope that the
//! target level expects (tiers and phrases come from the level rubric).

use super::{Context, RuleInfo, diag};
use crate::analysis::Prepared;
use crate::diagnostic::{Diagnostic, Severity};
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

pub static S002: RuleInfo = RuleInfo {
    code: "S002",
    name: "scope-below-target",
    severity: Severity::Warning,
    summary: "the widest scope evidenced in recent roles is below what the target level expects",
    help: "add the bullets that show work at the target's scope, or target the level your evidence supports",
    docs: r#"## What it does
Finds the widest scope tier that any bullet of a recent role evidences
(patterns in the rubric's `[scope]`; "recent" is the rubric's
`recent-years`) and flags the document when it is below the tier the target
level expects. The message names the target, the tier it expects, the widest
tier found and the bullet that shows it.

## Why it matters
"Wrong level targets slow everything down." A staff application whose
bullets stop at one team's work is read as senior, and the candidate is
either down-levelled late or rejected.

## Example
Target staff (cross-team), bullets at most "Led a team of 4 engineers".

## How to fix it
If you did work at the target's scope, write it down with its scope
("aligned 3 teams on one feature store"). If not, target the level your
recent work evidences.
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
            None => out.push(super::diag_at_start(&S001, doc, message)),
        }
    }
}

/// S002: no recent bullet reaches the scope the target level expects.
pub fn check_s002(cx: &Context<'_>, p: &Prepared<'_>, out: &mut Vec<Diagnostic>) {
    let a = &p.assessment;
    let doc = p.doc;
    let Some((target, _)) = a.target else {
        return;
    };
    let level = &cx.rubric.levels[target];
    let expected = level.scope;
    if a.widest_scope < expected && !a.recent.is_empty() {
        let (text, shown) = match a.widest_at {
            Some(b) => {
                let t = &doc.roles[b.role].bullets[b.bullet];
                (t, format!(" ('{}')", super::quote(&t.text, 60)))
            }
            None => (&doc.roles[a.recent[0]].header, String::new()),
        };
        out.push(diag(
            &S002,
            doc,
            text,
            0..text.text.len(),
            format!(
                "{} expects {} scope; the widest scope in recent roles is {}{}",
                level.id, expected, a.widest_scope, shown
            ),
        ));
    }
}
