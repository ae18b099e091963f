//! C002: employment dates that differ from LinkedIn's.

use super::{Matched, on, related, role_name, show};
use crate::date::DatePoint;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Role;
use crate::rules::{Context, RuleInfo};

pub static C002: RuleInfo = RuleInfo {
    code: "C002",
    name: "date-mismatch",
    severity: Severity::Error,
    summary: "the same role's start or end date differs between the channels",
    help: "make the dates agree: use the same month and year on both channels",
    docs: r#"## What it does
For each role aligned across the channels, compares the start and the end
dates at the coarser precision of the two (a year-only "2019" agrees with
"Mar 2019"), with a tolerance of `date-tolerance-months` (lexicon,
default 1). "Present" and an empty LinkedIn end date agree. Each title of
a promotion is compared with its own dates; titles one channel folds into
one role are compared as their span.

## Why it matters
Dates that disagree are the most common finding in background checks and
make reviewers doubt the rest.

## Example
Resume: `Northwind (Mar 2021 – Present)`; LinkedIn: started `Jan 2020`.

## How to fix it
Check your records and use the same dates on both channels.
"#,
};

/// Whether two dates agree at the coarser precision, within the tolerance.
fn dates_agree(
    a: Option<DatePoint>,
    b: Option<DatePoint>,
    tolerance: u32,
    today: crate::date::YearMonth,
) -> bool {
    let (Some(a), Some(b)) = (a, b) else {
        return true;
    };
    match (a, b) {
        (DatePoint::Present, DatePoint::Present) => true,
        (DatePoint::At(x), DatePoint::At(y)) if x.month.is_none() || y.month.is_none() => {
            x.year == y.year
        }
        _ => (a.months(today, 1) - b.months(today, 1)).unsigned_abs() <= tolerance,
    }
}

/// C002: employment dates that differ from LinkedIn's.
pub(super) fn check_c002(cx: &Context<'_>, m: &Matched<'_>, out: &mut Vec<Diagnostic>) {
    let Matched {
        resume,
        profile,
        r,
        ps,
        p0,
        group,
        ..
    } = m;
    let c = &cx.lexicon.consistency;
    {
        // C002: each side's span of the employment as aligned (one title each,
        // or the titles one side lists separately and the other as one role).
        let (start, end) = span(ps.iter().copied(), cx.today);
        let (r_start, r_end) = span(group.iter().copied(), cx.today);
        let tol = c.date_tolerance_months;
        let start_ok = dates_agree(r_start, start, tol, cx.today);
        let end_ok = dates_agree(r_end, end, tol, cx.today) || r_end.is_none() && r_start.is_none();
        if !(start_ok && end_ok) {
            let what = match (start_ok, end_ok) {
                (false, false) => "start and end dates",
                (false, true) => "start date",
                _ => "end date",
            };
            let name = if group.len() > 1 {
                group
                    .iter()
                    .map(|g| role_name(g))
                    .collect::<Vec<_>>()
                    .join(" and ")
            } else {
                role_name(r)
            };
            out.push(on(
                resume,
                &r.header,
                &C002,
                format!(
                    "{what} of {name} {} from LinkedIn: {} – {} vs {} – {}",
                    if start_ok || end_ok {
                        "differs"
                    } else {
                        "differ"
                    },
                    show(r_start),
                    show(r_end),
                    show(start),
                    show(end)
                ),
                related(profile, &p0.header, "LinkedIn dates"),
            ));
        }
    }
}

/// The earliest start and the latest end of some roles ("present" when
/// one is current).
fn span<'a>(
    roles: impl Iterator<Item = &'a Role> + Clone,
    today: crate::date::YearMonth,
) -> (Option<DatePoint>, Option<DatePoint>) {
    let start = roles
        .clone()
        .filter_map(|p| p.start)
        .min_by_key(|d| d.months(today, 1));
    let end = if roles.clone().any(|p| p.end == Some(DatePoint::Present)) {
        Some(DatePoint::Present)
    } else {
        roles
            .filter_map(|p| p.end)
            .max_by_key(|d| d.months(today, 12))
    };
    (start, end)
}
