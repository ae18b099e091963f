//! O002: no recent bullet shows leadership where the target expects it.

use crate::analysis::Prepared;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, RuleInfo, diag};

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

/// O002: no recent bullet shows leadership where the target expects it
/// (read on the level assessment).
pub fn check_o002(cx: &Context<'_>, p: &Prepared<'_>, out: &mut Vec<Diagnostic>) {
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
