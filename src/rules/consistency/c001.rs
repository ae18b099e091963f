//! C001: a title that differs from LinkedIn's.

use super::{Matched, on, related};
use crate::align::{self, normalize_company, normalize_title};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Role;
use crate::rules::{Context, RuleInfo};
use crate::source::Text;
use std::collections::BTreeSet;

pub static C001: RuleInfo = RuleInfo {
    code: "C001",
    name: "title-mismatch",
    severity: Severity::Error,
    summary: "the same role carries different titles on the resume and on LinkedIn",
    help: "use one title for this role everywhere, the one your employer used",
    docs: r#"## What it does
Aligns the resume's roles with the LinkedIn profile's (same employer,
overlapping dates) and flags a role whose titles differ. Benign differences
are not conflicts: case, punctuation, dash styles and the abbreviations of
`[consistency] title-abbreviations` in `rubrics/lexicon.toml` ("Sr." =
"Senior", "ML" = "Machine Learning"). Promotions listed on both channels
are compared title by title; when one channel lists as one role what the
other lists as several titles, any of those titles may match. A word that
names the kind of employment (`self-employment`: "Contractor Software
Engineer" and "Software Engineer") adds no other job. A "title"
that is the employer's name or a sentence was misread and is not compared.

## Why it matters
Recruiters and background checks compare both. "Senior ML Engineer" on one
and "Staff ML Engineer" on the other reads as inflation, whichever is true.

## Example
Resume: `Staff ML Engineer, Northwind (2021 – Present)`; LinkedIn:
`Senior Machine Learning Engineer` at Northwind since 2021.

## How to fix it
Use the title on your contract or offer letter on both channels; put the
scope you had in the bullets instead.
"#,
};

/// C001: a title that differs from LinkedIn's.
pub(super) fn check_c001(cx: &Context<'_>, m: &Matched<'_>, out: &mut Vec<Diagnostic>) {
    let Matched {
        resume,
        profile,
        r,
        ps,
        group,
        ..
    } = m;
    let c = &cx.lexicon.consistency;
    // C001: one of the resume's titles must match one of the employer's
    // titles on LinkedIn.
    if let Some(rt) = &r.title {
        let titles: Vec<&Text> = ps.iter().filter_map(|p| p.title.as_ref()).collect();
        let matches = group.iter().filter_map(|g| g.title.as_ref()).any(|gt| {
            let norm = normalize_title(&gt.text, c);
            titles
                .iter()
                .any(|pt| same_title(cx, &norm, &normalize_title(&pt.text, c)))
        });
        if !titles.is_empty() && !matches && !misread_title(cx, r, ps) {
            let theirs = titles
                .iter()
                .map(|t| format!("'{}'", t.text))
                .collect::<Vec<_>>()
                .join(" / ");
            out.push(on(
                resume,
                rt,
                &C001,
                format!("title differs from LinkedIn: '{}' vs {theirs}", rt.text),
                related(profile, titles[0], "LinkedIn title"),
            ));
        }
    }
}

/// A resume "title" that is another field read as one: the employer's
/// name, or a sentence (many words, none of them a job word).
fn misread_title(cx: &Context<'_>, r: &Role, ps: &[&Role]) -> bool {
    let c = &cx.lexicon.consistency;
    let Some(t) = &r.title else {
        return false;
    };
    let as_company = normalize_company(&t.text, c);
    let names_employer = ps.iter().filter_map(|p| p.company.as_ref()).any(|pc| {
        let pc = normalize_company(&pc.text, c);
        as_company == pc || align::same_company(&as_company, &pc, c) && as_company.contains(' ')
    });
    let sentence =
        t.text.split_whitespace().count() > 10 && !cx.lexicon.title_words.is_match(&t.text);
    let split = ps.iter().any(|p| align::split_elsewhere(r, p));
    names_employer || sentence || split
}

/// Whether two normalised titles name the same job: equal, a typo apart,
/// the same words reordered ("CEO & Co-Founder" / "Co-Founder & CEO"), or
/// one the other plus words that name neither a level nor a job
/// ("Master Thesis" / "Master Thesis Project - psychoacoustics").
fn same_title(cx: &Context<'_>, a: &str, b: &str) -> bool {
    if a == b
        || strsim::normalized_levenshtein(a, b) >= cx.lexicon.consistency.title_similarity
        || align::titles_alike(a, b, &cx.lexicon.consistency)
    {
        return true;
    }
    let wa: BTreeSet<&str> = a.split(' ').collect();
    let wb: BTreeSet<&str> = b.split(' ').collect();
    if wa == wb {
        return true;
    }
    let (small, big) = if wa.len() <= wb.len() {
        (&wa, &wb)
    } else {
        (&wb, &wa)
    };
    if !small.is_subset(big) {
        return false;
    }
    // "Contractor" in "Contractor Software Engineer" names the kind of
    // employment, not another job.
    let extra: Vec<&str> = big
        .difference(small)
        .copied()
        .filter(|w| !align::employment_word(w, &cx.lexicon.consistency))
        .collect();
    if extra.is_empty() {
        return true;
    }
    let extra = extra.join(" ");
    !cx.lexicon.title_words.is_match(&extra) && cx.rubric.levels_in(&extra).is_empty()
}
