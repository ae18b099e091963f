//! L: level targeting. Whether the documents aim at one level, the one the
//! candidate targets.

use super::{Context, RuleInfo, diag};
use crate::analysis::Prepared;
use crate::assess::TargetSource;
use crate::diagnostic::{Diagnostic, Severity};

pub static L002: RuleInfo = RuleInfo {
    code: "L002",
    name: "target-level-mismatch",
    severity: Severity::Warning,
    summary: "the level the headline claims differs from the configured target",
    help: "make the headline name the level you target, or correct the target",
    docs: r#"## What it does
Reads the level the headline names (by the aliases of the track's rubric:
"Senior", "Sr.", "Staff ML Engineer", "L6", "E5", ...) and flags it when it
differs from the target given with `--target` or `target` in
storyline.toml. Without a configured target the headline is the target, and
the rule is silent.

## Why it matters
A recruiter files the candidate under the level the headline names. If the
headline says "Senior" while the application targets staff, the candidate
is screened against the wrong bar.

## Example
```text
Senior ML Engineer          (storyline check --target staff)
```
Use instead: `Staff ML Engineer`, or a headline that names no level but
states staff-level scope.

## How to fix it
Name the target level in the headline, or drop the level word and state the
scope instead.
"#,
};

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

pub static L003: RuleInfo = RuleInfo {
    code: "L003",
    name: "variant-narrative-drift",
    severity: Severity::Warning,
    summary: "resume variants target different levels and share no core narrative",
    help: "keep one core narrative across variants: tailor the emphasis, not the story",
    docs: r#"## What it does
When several resumes of the same candidate (same name) are checked
together and their headlines target different levels, compares their
headlines and summaries and flags the variant whose wording shares almost
nothing with the first one (content-word overlap below 15%).

## Why it matters
Variants for different roles are normal; variants that tell unrelated
stories at different levels are what recruiters who see both remember.

## Example
`resume-staff.md`: "Staff ML engineer leading ranking across 4 teams";
`resume-senior.md`: "Senior data analyst passionate about dashboards".

## How to fix it
Keep the same core (domain, signature achievements) in every variant and
change the level claim only where the evidence supports it.
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

/// L003 across the resumes of one run: variants of one candidate.
pub fn check_variants(cx: &Context<'_>, resumes: &[&crate::model::Document]) -> Vec<Diagnostic> {
    let mut index = VariantIndex::default();
    let mut out = Vec::new();
    for d in resumes {
        out.extend(index.check(cx, d));
        index.add(cx, d);
    }
    out
}

/// The resumes seen so far in a batch, by candidate name: what L003 needs
/// of each (its level, its story's words, where its headline is), so that a
/// streamed batch can check each new resume without keeping the others.
#[derive(Default)]
pub struct VariantIndex {
    by_name: std::collections::HashMap<String, Vec<Variant>>,
}

struct Variant {
    level: usize,
    story: std::collections::BTreeSet<String>,
    path: String,
    headline: Option<crate::diagnostic::Related>,
}

impl VariantIndex {
    fn key(d: &crate::model::Document) -> Option<String> {
        d.name.as_ref().map(|n| {
            n.text
                .to_lowercase()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
    }

    fn level(cx: &Context<'_>, d: &crate::model::Document) -> Option<usize> {
        let named = d
            .headline
            .as_ref()
            .map(|h| crate::assess::levels_named(cx.rubric, &h.text))
            .unwrap_or_default();
        let distinct: std::collections::BTreeSet<usize> = named.iter().map(|(l, _)| *l).collect();
        (distinct.len() == 1).then(|| *distinct.iter().next().expect("one"))
    }

    fn story(d: &crate::model::Document) -> std::collections::BTreeSet<String> {
        [&d.headline, &d.summary]
            .into_iter()
            .flatten()
            .flat_map(|t| {
                t.text
                    .split(|c: char| !c.is_alphanumeric())
                    .map(str::to_lowercase)
                    .collect::<Vec<_>>()
            })
            .filter(|w| w.len() >= 4)
            .collect()
    }

    /// L003 for `d` against the resumes added before it.
    pub fn check(&self, cx: &Context<'_>, d: &crate::model::Document) -> Option<Diagnostic> {
        let (name, l) = (Self::key(d)?, Self::level(cx, d)?);
        let first = self.by_name.get(&name)?.iter().find(|o| o.level != l)?;
        let b = Self::story(d);
        let a = &first.story;
        let overlap = a.intersection(&b).count() as f64 / a.union(&b).count().max(1) as f64;
        if overlap >= 0.15 {
            return None;
        }
        let h = d.headline.as_ref().expect("level came from the headline");
        let mut x = diag(
            &L003,
            d,
            h,
            0..h.text.len(),
            format!(
                "this variant targets {} and {} targets {}, and their headlines and summaries share {:.0}% of their words",
                cx.rubric.levels[l].id,
                first.path,
                cx.rubric.levels[first.level].id,
                overlap * 100.0
            ),
        );
        x.related.extend(first.headline.clone());
        Some(x)
    }

    /// Remembers `d` for the resumes that follow.
    pub fn add(&mut self, cx: &Context<'_>, d: &crate::model::Document) {
        let (Some(name), Some(level)) = (Self::key(d), Self::level(cx, d)) else {
            return;
        };
        let headline = d
            .headline
            .as_ref()
            .map(|h| crate::diagnostic::Related::at(d, h, "the other variant"));
        self.by_name.entry(name).or_default().push(Variant {
            level,
            story: Self::story(d),
            path: d.path.clone(),
            headline,
        });
    }
}

/// L002: the headline claims a level other than the target.
pub fn check_l002(cx: &Context<'_>, p: &Prepared<'_>, out: &mut Vec<Diagnostic>) {
    let a = &p.assessment;
    let Some((target, source)) = a.target else {
        return;
    };
    if source == TargetSource::Headline {
        return;
    }
    let Some(headline) = &p.doc.headline else {
        return;
    };
    if a.headline_levels.is_empty() || a.headline_levels.iter().any(|(l, _)| *l == target) {
        return;
    }
    let (level, range) = a.headline_levels[0].clone();
    let said = headline.text[range.clone()].to_string();
    out.push(diag(
        &L002,
        p.doc,
        headline,
        range,
        format!(
            "the headline claims {} ('{said}') but the target is {} (from {})",
            cx.rubric.levels[level].id,
            cx.rubric.levels[target].id,
            source.as_str()
        ),
    ));
}
