//! L001: the headline, summary or job applications name several levels.

use crate::analysis::Prepared;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, RuleInfo, diag};

pub static L001: RuleInfo = RuleInfo {
    code: "L001",
    name: "multiple-target-levels",
    severity: Severity::Error,
    summary: "one document's headline or summary names several levels (\"Senior/Staff\")",
    help: "choose one target level and say it once; tell the story of that level",
    docs: r#"## What it does
Flags a headline that names more than one level ("Senior/Staff ML
Engineer", "Senior or Lead Data Scientist"), a summary that offers two
levels side by side ("Senior/Staff"), and a LinkedIn export whose job
applications or job-seeking preferences span several levels. Levels are
read with the track's aliases; "Senior Staff" is one level (the longer
alias wins).

## Why it matters
Applying at several levels at once without one core narrative is the
first thing that slows a hiring decision: the reviewer cannot tell which
bar to hold the candidate to.

## Example
```text
Senior/Staff Machine Learning Engineer
```
Use instead: `Staff Machine Learning Engineer`, with staff-level scope in
the summary.

## How to fix it
Pick the level your evidence supports and write everything towards it.
"#,
};

/// "Senior/Staff", "Senior or Staff": two levels offered side by side.
fn offered_together(
    text: &str,
    levels: &[(usize, std::ops::Range<usize>)],
) -> Option<(usize, usize)> {
    levels.windows(2).find_map(|w| {
        let between = text.get(w[0].1.end..w[1].1.start)?.trim().to_lowercase();
        (w[0].0 != w[1].0 && matches!(between.as_str(), "/" | "or" | "|"))
            .then_some((w[0].1.start, w[1].1.end))
    })
}

/// L001: the headline, summary or job applications name several levels.
pub fn check_l001(cx: &Context<'_>, p: &Prepared<'_>, out: &mut Vec<Diagnostic>) {
    let doc = p.doc;
    let a = &p.assessment;
    let distinct: std::collections::BTreeSet<usize> =
        a.headline_levels.iter().map(|(l, _)| *l).collect();
    if let Some(h) = &doc.headline
        && distinct.len() >= 2
    {
        let names: Vec<&str> = distinct
            .iter()
            .map(|&l| cx.rubric.levels[l].id.as_str())
            .collect();
        let (s, e) = (
            a.headline_levels[0].1.start,
            a.headline_levels.last().map_or(h.text.len(), |x| x.1.end),
        );
        out.push(diag(
            &L001,
            doc,
            h,
            s..e,
            format!("the headline names several levels: {}", names.join(", ")),
        ));
    } else if let Some(sum) = &doc.summary {
        let levels = crate::assess::levels_named(cx.rubric, &sum.text);
        if let Some((s, e)) = offered_together(&sum.text, &levels) {
            out.push(diag(
                &L001,
                doc,
                sum,
                s..e,
                format!(
                    "the summary offers two levels at once: '{}'",
                    &sum.text[s..e]
                ),
            ));
        }
    }
    // LinkedIn job applications and preferences at several levels.
    let mut applied: Vec<(usize, &crate::source::Text)> = Vec::new();
    for t in &doc.target_titles {
        for (l, _) in crate::assess::levels_named(cx.rubric, &t.text) {
            if !applied.iter().any(|(x, _)| *x == l) {
                applied.push((l, t));
            }
        }
    }
    if applied.len() >= 2 {
        applied.sort_by_key(|(l, _)| *l);
        let list: Vec<String> = applied
            .iter()
            .map(|(l, t)| format!("{} ('{}')", cx.rubric.levels[*l].id, t.text))
            .collect();
        let t = applied[0].1;
        out.push(diag(
            &L001,
            doc,
            t,
            0..t.text.len(),
            format!(
                "job applications target several levels: {}",
                list.join(", ")
            ),
        ));
    }
}
