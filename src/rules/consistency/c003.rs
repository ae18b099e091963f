//! C003: a recent LinkedIn role the resume leaves out.

use super::{on, related, role_name};
use crate::align::{self, Aligned, interval};
use crate::assess::is_recent;
use crate::date::DatePoint;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Document;
use crate::rules::{Context, RuleInfo};
use crate::source::Text;

pub static C003: RuleInfo = RuleInfo {
    code: "C003",
    name: "role-missing",
    severity: Severity::Warning,
    summary: "a recent role stands on one channel and not on the other",
    help: "list every recent role on both channels, or say why one is left out",
    docs: r#"## What it does
Flags a recent role (the rubric's `recent-years`, counted back from the
latest date either channel names) that has no counterpart on the other
channel. Roles are matched by employer (its initials too: "EPFL"; one's
own work, "Freelance" on one channel and "Multiple Companies" on the
other, is one employer), or, when
the names share nothing (a former name, another script), by the same title
over the same months, or by the same months when one side's bullets name
the other's employer (a product: "the main Eviesays.com app"), which is
C006 rather than two C003s. A LinkedIn
title at an employer the resume lists for that period is a promotion, not
a missing role. Nor is an early job in another line of work: a
LinkedIn-only role that ended before the resume's first role began and
no word of whose title but a rank (`rank-words`: "Associate", "Intern")
stands anywhere in the resume, such as a retail job before a software
career. A targeted resume leaves those off on purpose
and a coach would not ask for them back, so they are not reported at all
(a lower severity would still count as a conflict); a role between the
resume's roles, or one in the same line of work, still is. Nor is a
LinkedIn role at an organisation the resume
names where it lists what is no job: a project, a leadership or
activities entry (`[sections] activities`), or a bullet of a role held
over the same months; the resume tells of it, only not as a role. A
mention in a bullet of another period does not count. Silent when the
other channel lists no roles at all.

## Why it matters
A recent job that appears on only one channel looks hidden, or invented.

## Example
LinkedIn lists `Contoso (2023 – Present)`; the resume stops at Northwind.

## How to fix it
Add the role, or merge overlapping roles the same way on both channels.
"#,
};

/// The date the pair speaks as of: the latest month either channel names
/// (a resume or an export from 2019 is judged in 2019), never after today.
/// "Recent" counts back from it.
fn as_of(
    resume: &Document,
    profile: &Document,
    today: crate::date::YearMonth,
) -> crate::date::YearMonth {
    let latest = resume
        .roles
        .iter()
        .chain(&profile.roles)
        .flat_map(|r| [r.start, r.end])
        .filter_map(|d| match d {
            Some(DatePoint::At(ym)) if ym.months(12) <= today.months(12) => Some(ym),
            _ => None,
        })
        .max_by_key(|ym| ym.months(12));
    latest.unwrap_or(today)
}

/// A name's words, lowercase, without legal suffixes or articles ("The
/// Joint Staff" and "joint staff"), for finding it inside other text.
fn plain_words(s: &str, c: &crate::lexicon::Consistency) -> Vec<String> {
    s.to_lowercase()
        .replace('&', " and ")
        .split(|ch: char| !ch.is_alphanumeric())
        .filter(|w| !w.is_empty() && !c.company_suffixes.iter().any(|s| s == w))
        .map(str::to_string)
        .collect()
}

/// Whether the resume names a LinkedIn role's organisation where it lists
/// what is no job: a project, a leadership or activities entry, a loose
/// bullet, or a bullet of a role held over the same months. The resume
/// tells of it, just not as a role.
fn named_off_the_job_list(
    resume: &Document,
    p: &crate::model::Role,
    c: &crate::lexicon::Consistency,
    today: crate::date::YearMonth,
) -> bool {
    let Some(name) = p
        .company
        .as_ref()
        .map(|t| align::without_tagline(&t.text, c))
    else {
        return false;
    };
    let name = plain_words(name, c);
    if name.is_empty() || name.concat().chars().count() < 3 {
        return false;
    }
    let names = |t: &Text| {
        plain_words(&t.text, c)
            .windows(name.len())
            .any(|w| w == name)
    };
    let project = |r: &crate::model::Role| {
        names(&r.header)
            || r.title.iter().chain(&r.company).any(names)
            || r.bullets.iter().any(names)
    };
    let same_months = |r: &crate::model::Role| match (interval(r, today), interval(p, today)) {
        (Some(a), Some(b)) => a.0 <= b.1 && b.0 <= a.1,
        _ => false,
    };
    resume.projects.iter().any(project)
        || resume.loose_bullets.iter().any(names)
        || resume.activities.iter().any(names)
        || resume
            .roles
            .iter()
            .filter(|r| same_months(r))
            .any(|r| r.bullets.iter().any(names))
}

/// Whether a LinkedIn-only role is an early job in another line of work,
/// left off a targeted resume on purpose: it ended before the resume's
/// first role began, and no word of its title but a rank (`rank-words`)
/// stands anywhere in the resume ("Sales Associate" before a resume of
/// "Associate Software Developer" roles that never says "sales"). A coach would not
/// ask for it back; a role between the resume's roles, or one in the same
/// line of work, is still reported.
fn early_job_off_track(cx: &Context<'_>, resume: &Document, p: &crate::model::Role) -> bool {
    let c = &cx.lexicon.consistency;
    let Some(end) = p.end.filter(|e| *e != DatePoint::Present) else {
        return false;
    };
    let Some(first) = resume
        .roles
        .iter()
        .filter_map(|r| r.start)
        .map(|s| s.months(cx.today, 1))
        .min()
    else {
        return false;
    };
    if end.months(cx.today, 1) > first + c.date_tolerance_months as i32 {
        return false;
    }
    let Some(title) = &p.title else {
        return false;
    };
    let lower = title.text.to_lowercase();
    let ours: Vec<&str> = lower
        .split(|ch: char| !ch.is_alphanumeric())
        .filter(|w| w.chars().count() > 1 && !c.rank_words.iter().any(|r| r == w))
        .collect();
    let text = resume.source.to_lowercase();
    let theirs: std::collections::HashSet<&str> =
        text.split(|ch: char| !ch.is_alphanumeric()).collect();
    !ours.is_empty() && !ours.iter().any(|w| theirs.contains(w))
}

pub(super) fn missing_roles(
    cx: &Context<'_>,
    resume: &Document,
    profile: &Document,
    aligned: &[Aligned],
    out: &mut Vec<Diagnostic>,
) {
    if resume.roles.is_empty() || profile.roles.is_empty() {
        return;
    }
    let years = cx.rubric.recent_years;
    let c = &cx.lexicon.consistency;
    let as_of = as_of(resume, profile, cx.today);
    for (i, r) in resume.roles.iter().enumerate() {
        if r.start.is_some()
            && is_recent(r, i, as_of, years)
            && !aligned.iter().any(|a| a.resume == i)
        {
            let anchor = profile.roles.first().map_or_else(
                || profile.headline.clone().unwrap_or_default(),
                |p| p.header.clone(),
            );
            out.push(on(
                resume,
                &r.header,
                &C003,
                format!("recent role {} is not on LinkedIn", role_name(r)),
                related(profile, &anchor, "LinkedIn positions"),
            ));
        }
    }
    for (j, p) in profile.roles.iter().enumerate() {
        let covered = aligned.iter().any(|a| a.profile.contains(&j))
            // A title at an employer the resume lists: a promotion.
            || resume.roles.iter().any(|r| {
                let rc = align::employer_key(r, c);
                let pc = align::employer_key(p, c);
                align::same_company(&rc, &pc, c)
                    && match (interval(r, cx.today), interval(p, cx.today)) {
                        (Some(a), Some(b)) => a.0 <= b.1 && b.0 <= a.1,
                        _ => true,
                    }
            });
        if p.start.is_some()
            && is_recent(p, j, as_of, years)
            && !covered
            && !named_off_the_job_list(resume, p, c, cx.today)
            && !early_job_off_track(cx, resume, p)
        {
            let anchor = resume
                .roles
                .first()
                .map_or_else(Text::default, |r| r.header.clone());
            out.push(on(
                profile,
                &p.header,
                &C003,
                format!(
                    "recent LinkedIn role {} is not on the resume {}",
                    role_name(p),
                    resume.path
                ),
                related(resume, &anchor, "resume roles"),
            ));
        }
    }
}
