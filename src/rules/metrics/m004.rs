//! M004: too few quantified bullets in recent roles for the target level.

use crate::analysis::Prepared;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, RuleInfo, diag};

pub static M004: RuleInfo = RuleInfo {
    code: "M004",
    name: "low-metric-density",
    severity: Severity::Warning,
    summary: "share of quantified bullets in recent roles below the target level's minimum",
    help: "quantify more of your recent bullets: the target level is judged on measured impact",
    docs: r#"## What it does
Counts the achievement bullets of recent roles (the rubric's
`recent-years`) and how many of them carry a quantified result (as M001
judges it), and flags the document when the share is below the target
level's `min-quantified`. Needs at least three achievement bullets to judge.

## Why it matters
The higher the level, the more a reviewer expects impact to be measured.
A staff resume where one bullet in five has a number reads as activity, not
impact.

## Example
Target senior (minimum 40%), 2 of 9 recent bullets quantified (22%).

## How to fix it
Start with the bullets M001 flags in your most recent role and add their
results in numbers.
"#,
};

/// M004: too few quantified bullets in recent roles for the target level.
pub fn check_m004(cx: &Context<'_>, p: &Prepared<'_>, out: &mut Vec<Diagnostic>) {
    let a = &p.assessment;
    if let (Some((target, _)), Some(share)) = (a.target, a.quantified_share()) {
        let level = &cx.rubric.levels[target];
        if a.achievements >= 3 && share < level.min_quantified {
            let header = &p.doc.roles[a.recent[0]].header;
            out.push(diag(
                &M004,
                p.doc,
                header,
                0..header.text.len(),
                format!(
                    "{:.0}% of the bullets in recent roles are quantified ({} of {}); {} expects at least {:.0}%",
                    share * 100.0,
                    a.quantified,
                    a.achievements,
                    level.id,
                    level.min_quantified * 100.0
                ),
            ));
        }
    }
}
