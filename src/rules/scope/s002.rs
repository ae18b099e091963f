//! S002: no recent bullet reaches the scope the target level expects.

use crate::analysis::Prepared;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, RuleInfo, diag};

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
                (t, format!(" ('{}')", crate::rules::quote(&t.text, 60)))
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
