//! L003: resume variants of one run that target different levels and share no core narrative.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, RuleInfo, diag};

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
