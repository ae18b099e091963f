//! C: consistency across channels. The same candidate's resume and
//! LinkedIn profile, role by role: titles, dates, missing roles, quoted
//! numbers, headline levels, employer names and top skills.

mod c001;
mod c002;
mod c003;
mod c004;
mod c005;
mod c006;
mod c007;

pub use c001::*;
pub use c002::*;
pub use c003::*;
pub use c004::*;
pub use c005::*;
pub use c006::*;
pub use c007::*;

use c001::check_c001;
use c002::check_c002;
use c003::missing_roles;
use c004::check_c004;
use c005::headline_levels;
use c006::check_c006;
use c007::skills_drift;

use super::{Context, RuleInfo, diag};
use crate::align::{self, Aligned};
use crate::date::DatePoint;
use crate::diagnostic::{Diagnostic, Related};
use crate::model::{Document, Role};
use crate::source::Text;
use std::collections::BTreeSet;

fn related(doc: &Document, text: &Text, message: &str) -> Related {
    Related::at(doc, text, message)
}

fn on(doc: &Document, text: &Text, info: &RuleInfo, message: String, rel: Related) -> Diagnostic {
    let mut d = diag(info, doc, text, 0..text.text.len(), message);
    d.related.push(rel);
    d
}

fn role_name(r: &Role) -> String {
    let part = |t: &Option<Text>| t.as_ref().map(|t| t.text.clone());
    match (part(&r.title), part(&r.company)) {
        (Some(t), Some(c)) => format!("{t} at {c}"),
        (a, b) => a.or(b).unwrap_or_else(|| "a role".into()),
    }
}

fn show(d: Option<DatePoint>) -> String {
    d.map_or_else(|| "no date".into(), |d| d.to_string())
}

/// Cross-checks one resume against one LinkedIn profile.
pub fn check_pair(
    cx: &Context<'_>,
    resume: &Document,
    profile: &Document,
    out: &mut Vec<Diagnostic>,
) {
    // Only the selected rules run: the alignment is skipped when no rule
    // that reads it is.
    let runs = |info: &RuleInfo| cx.selection.enabled(info.code);
    let c = &cx.lexicon.consistency;
    if [&C001, &C002, &C003, &C004, &C006].into_iter().any(runs) {
        let aligned = align::align(resume, profile, c, cx.today);
        for a in &aligned {
            check_aligned(cx, resume, profile, a, out);
        }
        if runs(&C003) {
            missing_roles(cx, resume, profile, &aligned, out);
        }
    }
    if runs(&C005) {
        headline_levels(cx, resume, profile, out);
    }
    if runs(&C007) {
        skills_drift(cx, resume, profile, out);
    }
}

fn check_aligned(
    cx: &Context<'_>,
    resume: &Document,
    profile: &Document,
    a: &Aligned,
    out: &mut Vec<Diagnostic>,
) {
    let _c = &cx.lexicon.consistency;
    let r = &resume.roles[a.resume];
    let ps: Vec<&Role> = a.profile.iter().map(|&j| &profile.roles[j]).collect();
    let p0 = ps[0];
    // Resume roles that share one LinkedIn role are judged together, once.
    let group: Vec<&Role> = a.resume_group.iter().map(|&i| &resume.roles[i]).collect();
    let first_of_group = a.resume_group.first().is_none_or(|&i| i == a.resume);
    if !first_of_group {
        return;
    }
    let group = if group.is_empty() { vec![r] } else { group };

    let m = Matched {
        resume,
        profile,
        a,
        r,
        ps: &ps,
        p0,
        group: &group,
    };
    let runs = |info: &RuleInfo| cx.selection.enabled(info.code);
    // Per aligned role, in this order: C001, C002, C006, C004.
    if runs(&C001) {
        check_c001(cx, &m, out);
    }
    if runs(&C002) {
        check_c002(cx, &m, out);
    }
    if runs(&C006) {
        check_c006(cx, &m, out);
    }
    if runs(&C004) {
        check_c004(cx, &m, out);
    }
}

/// One aligned employment, as the per-role pair rules read it.
struct Matched<'a> {
    resume: &'a Document,
    profile: &'a Document,
    a: &'a Aligned,
    r: &'a Role,
    ps: &'a [&'a Role],
    p0: &'a Role,
    group: &'a [&'a Role],
}

/// Content words of a claim, for pairing the same achievement.
fn words(s: &str) -> BTreeSet<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 3 && !w.chars().all(|c| c.is_ascii_digit()))
        .map(str::to_lowercase)
        // "month" and "months" are one word here.
        .map(|w| match w.strip_suffix('s') {
            Some(stem) if stem.len() >= 3 && !stem.ends_with('s') => stem.to_string(),
            _ => w,
        })
        .filter(|w| {
            !matches!(
                w.as_str(),
                "the" | "and" | "for" | "with" | "from" | "into" | "that" | "our" | "its" | "by"
            )
        })
        .collect()
}
