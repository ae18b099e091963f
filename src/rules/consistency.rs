//! C: consistency across channels. The same candidate's resume and
//! LinkedIn profile, role by role: titles, dates, missing roles, quoted
//! numbers, headline levels, employer names and top skills.

use std::collections::BTreeSet;
use std::ops::Range;
use std::sync::LazyLock;

use super::{Context, RuleInfo, diag, quote};
use crate::align::{self, Aligned, interval, normalize_company, normalize_title};
use crate::assess::{is_recent, levels_named};
use crate::date::DatePoint;
use crate::diagnostic::{Diagnostic, Related, Severity};
use crate::model::{Document, Role};
use crate::pattern::Regex;
use crate::source::Text;

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
other lists as several titles, any of those titles may match. A "title"
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

pub static C003: RuleInfo = RuleInfo {
    code: "C003",
    name: "role-missing",
    severity: Severity::Warning,
    summary: "a recent role stands on one channel and not on the other",
    help: "list every recent role on both channels, or say why one is left out",
    docs: r#"## What it does
Flags a recent role (the rubric's `recent-years`, counted back from the
latest date either channel names) that has no counterpart on the other
channel. Roles are matched by employer (its initials too: "EPFL"), or, when
the names share nothing (a former name, another script), by the same title
over the same months, which is C006 rather than two C003s. A LinkedIn
title at an employer the resume lists for that period is a promotion, not
a missing role. Silent when the other channel lists no roles at all.

## Why it matters
A recent job that appears on only one channel looks hidden, or invented.

## Example
LinkedIn lists `Contoso (2023 – Present)`; the resume stops at Northwind.

## How to fix it
Add the role, or merge overlapping roles the same way on both channels.
"#,
};

pub static C004: RuleInfo = RuleInfo {
    code: "C004",
    name: "metric-conflict",
    severity: Severity::Error,
    summary: "the same achievement is quoted with different numbers across channels",
    help: "quote the same, verifiable number on both channels",
    docs: r#"## What it does
Pairs the achievements of aligned roles sentence by sentence by their
wording (word overlap of at least `claim-similarity` in the lexicon) and
flags a pair whose figures differ: "40%" on the resume, "25%" on
LinkedIn, wherever in the sentence the figure stands. A rate is not a
total: "12M a month" against "12M in 3 months" is a conflict (the rate
words are `rate-periods` and `rate-adverbs`).

## Why it matters
Two numbers for one result mean at least one of them is wrong, and the
reviewer cannot tell which.

## Example
Resume: `Cut p99 latency by 40%`; LinkedIn: `Cut p99 latency by 25%`.

## How to fix it
Use the measured figure on both channels.
"#,
};

pub static C005: RuleInfo = RuleInfo {
    code: "C005",
    name: "headline-level-conflict",
    severity: Severity::Error,
    summary: "the resume headline and the LinkedIn headline claim different levels",
    help: "make both headlines claim the level you target",
    docs: r#"## What it does
Reads the level each headline names (the track's level aliases, and a
level word standing before any job word: "Staff Linux Engineer") and
flags the resume when the two name different levels.

## Why it matters
A recruiter who sees "Senior" on LinkedIn and "Staff" on the resume files
the candidate under the lower one, or doubts both.

## Example
Resume headline `Staff ML Engineer`; LinkedIn headline `Senior ML Engineer at Northwind`.

## How to fix it
Use the same level in both headlines.
"#,
};

pub static C006: RuleInfo = RuleInfo {
    code: "C006",
    name: "company-name-mismatch",
    severity: Severity::Info,
    summary: "the same employer is spelled differently across channels",
    help: "spell the employer the same way on both channels",
    docs: r#"## What it does
For roles aligned across the channels, flags employer names that differ
beyond case, punctuation and legal suffixes ("Inc.", "GmbH", ...): a typo,
a former name, a division.

## Why it matters
A small thing, but consistent names make the two channels read as one story.

## Example
Resume `Microsft`; LinkedIn `Microsoft`.

## How to fix it
Use the employer's own spelling everywhere.
"#,
};

pub static C007: RuleInfo = RuleInfo {
    code: "C007",
    name: "skills-drift",
    severity: Severity::Info,
    summary: "top skills on one channel are missing from the other",
    help: "mention your top skills on both channels, or drop the ones you no longer lead with",
    docs: r#"## What it does
Takes the first `top-skills` skills of each channel (lexicon, default 10)
and lists those that appear nowhere on the other channel. Spoken
languages, group headings and footers (`not-skills`) are not skills; a
qualifier in parentheses is dropped ("Python (programming language)" is
Python). A profile saved as PDF lists only its few Top Skills, so only
those are compared.

## Why it matters
The skills you lead with are the narrative; when the channels lead with
different skills, they tell different stories.

## Example
LinkedIn's first skills: `PyTorch, Spark, Kubernetes`; the resume never
mentions Kubernetes.

## How to fix it
Align the skills you lead with, or remove the ones you no longer want to
be hired for.
"#,
};

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
    let c = &cx.lexicon.consistency;
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

    let runs = |info: &RuleInfo| cx.selection.enabled(info.code);
    // C001: one of the resume's titles must match one of the employer's
    // titles on LinkedIn.
    if runs(&C001)
        && let Some(rt) = &r.title
    {
        let titles: Vec<&Text> = ps.iter().filter_map(|p| p.title.as_ref()).collect();
        let matches = group.iter().filter_map(|g| g.title.as_ref()).any(|gt| {
            let norm = normalize_title(&gt.text, c);
            titles
                .iter()
                .any(|pt| same_title(cx, &norm, &normalize_title(&pt.text, c)))
        });
        if !titles.is_empty() && !matches && !misread_title(cx, r, &ps) {
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

    if runs(&C002) {
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

    // C006: aligned employers whose names differ beyond the benign. A
    // name that is only a legal suffix, or the role's own title, is a
    // field misread, not another name.
    if runs(&C006)
        && let (Some(rc), Some(pc)) = (&r.company, &p0.company)
        && normalize_company(&rc.text, c) != normalize_company(&pc.text, c)
        && !affix(&pc.text, &rc.text)
        && !affix(&rc.text, &pc.text)
        && align::names_someone(&rc.text, c)
        && align::names_someone(&pc.text, c)
        && !align::split_elsewhere(r, p0)
        && !align::initialism(
            &normalize_company(&rc.text, c),
            &normalize_company(&pc.text, c),
        )
        && r.title
            .as_ref()
            .is_none_or(|t| normalize_title(&t.text, c) != normalize_title(&rc.text, c))
    {
        let why = if a.by_dates {
            " (the same title and dates: a former name, or another spelling?)"
        } else {
            ""
        };
        out.push(on(
            resume,
            rc,
            &C006,
            format!(
                "employer spelled differently: '{}' here, '{}' on LinkedIn{why}",
                rc.text, pc.text
            ),
            related(profile, pc, "LinkedIn employer"),
        ));
    }

    if !runs(&C004) {
        return;
    }
    // C004: the same claim with different numbers, sentence by sentence
    // (a LinkedIn description often runs several bullets together).
    let theirs: Vec<(&Text, Range<usize>)> = ps
        .iter()
        .flat_map(|p| &p.bullets)
        .flat_map(|pb| sentences(&pb.text).into_iter().map(move |r| (pb, r)))
        .collect();
    'bullets: for rb in group.iter().flat_map(|g| &g.bullets) {
        for rr in sentences(&rb.text) {
            let rs = &rb.text[rr.clone()];
            let rw = words(rs);
            let rf = figures(rs, c);
            if rw.len() < 4 || rf.is_empty() {
                continue;
            }
            for (pb, pr) in &theirs {
                let ps_text = &pb.text[pr.clone()];
                let pw = words(ps_text);
                let inter = rw.intersection(&pw).count();
                let union = rw.union(&pw).count().max(1);
                if (inter as f64) / (union as f64) < c.claim_similarity {
                    continue;
                }
                let Some((ours, theirs)) =
                    differing_figures(c, rs, &rf, ps_text, &figures(ps_text, c))
                else {
                    continue;
                };
                out.push(on(
                    resume,
                    rb,
                    &C004,
                    format!(
                        "the same achievement is quoted as '{ours}' here and '{theirs}' on LinkedIn ('{}')",
                        quote(ps_text, 50)
                    ),
                    related(profile, pb, "LinkedIn quotes it"),
                ));
                continue 'bullets;
            }
        }
    }
}

/// A figure in a claim: its value (magnitudes applied: "1.2M" is
/// 1 200 000), whether it is a percentage, an amount of money or a rate.
#[derive(Debug, Clone)]
struct Figure {
    value: f64,
    percent: bool,
    money: bool,
    rate: bool,
    range: Range<usize>,
}

static FIGURE_RE: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(
        r"(?i)(?P<cur>[$€£¥₹]\s?)?(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)\s?(?P<unit>%|percent\b|x\b|k\b|mm\b|m\b|bn\b|b\b|thousand\b|million\b|billion\b|\+)?",
    )
    .expect("figure regex")
});

/// The figures of a claim. A number glued to letters ("EC2", "3rd",
/// "pep8") is a name or an ordinal, not a figure.
fn figures(text: &str, c: &crate::lexicon::Consistency) -> Vec<Figure> {
    let mut out = Vec::new();
    for m in FIGURE_RE.captures_iter(text) {
        let whole = m.get(0).expect("match");
        let num = m.name("num").expect("num");
        if text[..whole.start()]
            .chars()
            .next_back()
            .is_some_and(|ch| ch.is_alphanumeric() || ch == '.')
        {
            continue;
        }
        let end = m.name("unit").map_or(num.end(), |u| u.end());
        if m.name("unit").is_none() && text[num.end()..].starts_with(char::is_alphabetic) {
            continue;
        }
        let after = &text[end..];
        let Ok(mut value) = num.as_str().replace(',', "").parse::<f64>() else {
            continue;
        };
        let unit = m.name("unit").map(|u| u.as_str().to_lowercase());
        value *= match unit.as_deref() {
            Some("k" | "thousand") => 1e3,
            Some("m" | "mm" | "million") => 1e6,
            Some("b" | "bn" | "billion") => 1e9,
            _ => 1.0,
        };
        out.push(Figure {
            value,
            percent: matches!(unit.as_deref(), Some("%" | "percent")),
            money: m.name("cur").is_some(),
            rate: is_rate(after, c),
            range: whole.start()..end,
        });
    }
    out
}

/// Whether the words after a figure make it a rate: "a month", "per
/// day", "/yr", "monthly".
fn is_rate(after: &str, c: &crate::lexicon::Consistency) -> bool {
    let lowered = after.to_lowercase();
    let mut ws = lowered
        .split(|ch: char| ch.is_whitespace() || ch == '/')
        .filter(|w| !w.is_empty());
    let slash = lowered.trim_start().starts_with('/');
    let period = |w: &str| {
        let w = w.trim_end_matches(|ch: char| !ch.is_alphanumeric());
        c.rate_periods.iter().any(|p| p == w)
    };
    let adverb = |w: &str| {
        let w = w.trim_end_matches(|ch: char| !ch.is_alphanumeric());
        c.rate_adverbs.iter().any(|p| p == w)
    };
    // The figure's noun may stand between: "12M requests a month".
    let first: Vec<&str> = ws.by_ref().take(4).collect();
    if slash && first.first().is_some_and(|w| period(w)) {
        return true;
    }
    first.iter().enumerate().any(|(k, w)| {
        adverb(w)
            || matches!(*w, "per" | "a" | "an" | "each" | "every")
                && first.get(k + 1).is_some_and(|n| period(n))
    })
}

/// The first figure of each claim that the other does not quote (same
/// value, kind and rate), as written with what follows it; `None` when
/// every figure is matched on one side.
fn differing_figures(
    c: &crate::lexicon::Consistency,
    ours: &str,
    rf: &[Figure],
    theirs: &str,
    pf: &[Figure],
) -> Option<(String, String)> {
    let same = |a: &Figure, b: &Figure| {
        (a.value - b.value).abs() <= 1e-9 * a.value.abs().max(1.0)
            && a.percent == b.percent
            && a.rate == b.rate
    };
    let mut used = vec![false; pf.len()];
    let mut unmatched = Vec::new();
    for a in rf {
        match (0..pf.len()).find(|&k| !used[k] && same(a, &pf[k])) {
            Some(k) => used[k] = true,
            None => unmatched.push(a),
        }
    }
    let left: Vec<&Figure> = (0..pf.len())
        .filter(|&k| !used[k])
        .map(|k| &pf[k])
        .collect();
    let a = *unmatched.first()?;
    // Prefer a figure of the same kind on the other side.
    let b = left
        .iter()
        .find(|b| b.percent == a.percent && b.money == a.money)
        .or_else(|| left.first())?;
    // A rate against a total shows with the words that make it one, up
    // to its period ("12M requests a month", "12M requests in 3 months").
    let period = |w: &str| {
        let w = w
            .trim_end_matches(|ch: char| !ch.is_alphanumeric())
            .to_lowercase();
        let stem = w.strip_suffix('s').unwrap_or(&w).to_string();
        c.rate_periods.contains(&stem) || c.rate_periods.contains(&w) || c.rate_adverbs.contains(&w)
    };
    let show = |text: &str, f: &Figure| {
        let figure = text[f.range.clone()].trim().to_string();
        if a.rate == b.rate {
            return figure;
        }
        let mut tail = Vec::new();
        for w in text[f.range.end..].split_whitespace().take(6) {
            tail.push(w);
            if period(w) {
                let t = tail.join(" ");
                return format!("{figure} {}", t.trim_end_matches([',', '.', ';']));
            }
        }
        figure
    };
    Some((show(ours, a), show(theirs, b)))
}

/// A text's sentences, as ranges ("Did X. Did Y." is two claims).
fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices(". ") {
        // "e.g. ", "1.5 ", initials: a sentence ends after a word of
        // three letters or more.
        let word = text[start..i].rsplit(' ').next().unwrap_or("");
        if word.chars().filter(|ch| ch.is_alphabetic()).count() >= 3 {
            out.push(start..i + 1);
            start = i + 2;
        }
    }
    if start < text.len() {
        out.push(start..text.len());
    }
    out
}

/// Whether `short` starts or ends `long` (case aside): "Rackspace" and
/// "Rackspace, the #1 managed cloud company" name one employer.
fn affix(long: &str, short: &str) -> bool {
    let (l, s) = (long.to_lowercase(), short.to_lowercase());
    l.starts_with(&s) || l.ends_with(&s)
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
    let extra: Vec<&str> = big.difference(small).copied().collect();
    let extra = extra.join(" ");
    !cx.lexicon.title_words.is_match(&extra) && cx.rubric.levels_in(&extra).is_empty()
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

fn missing_roles(
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
                let rc = r.company.as_ref().map(|t| normalize_company(&t.text, c)).unwrap_or_default();
                let pc = p.company.as_ref().map(|t| normalize_company(&t.text, c)).unwrap_or_default();
                align::same_company(&rc, &pc, c)
                    && match (interval(r, cx.today), interval(p, cx.today)) {
                        (Some(a), Some(b)) => a.0 <= b.1 && b.0 <= a.1,
                        _ => true,
                    }
            });
        if p.start.is_some() && is_recent(p, j, as_of, years) && !covered {
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

fn headline_levels(
    cx: &Context<'_>,
    resume: &Document,
    profile: &Document,
    out: &mut Vec<Diagnostic>,
) {
    let (Some(rh), Some(ph)) = (&resume.headline, &profile.headline) else {
        return;
    };
    let ours = headline_levels_of(cx, &rh.text);
    let theirs = headline_levels_of(cx, &ph.text);
    if ours.is_empty() || theirs.is_empty() || !ours.is_disjoint(&theirs) {
        return;
    }
    let names = |s: &BTreeSet<usize>| {
        s.iter()
            .map(|&l| cx.rubric.levels[l].id.as_str())
            .collect::<Vec<_>>()
            .join("/")
    };
    out.push(on(
        resume,
        rh,
        &C005,
        format!(
            "the resume headline claims {} ('{}'), the LinkedIn headline {} ('{}')",
            names(&ours),
            rh.text,
            names(&theirs),
            quote(&ph.text, 60)
        ),
        related(profile, ph, "LinkedIn headline"),
    ));
}

/// The levels a headline names: the track's aliases ("Staff ML Engineer"),
/// and a level's own name or one-word alias standing before a job word
/// in the same part of the headline, whatever the job ("Staff Linux
/// Engineer", "Principal Onsite Python Developer"). Not "Member of
/// Technical Staff": a level word after "of" names no level.
fn headline_levels_of(cx: &Context<'_>, text: &str) -> BTreeSet<usize> {
    let named = levels_named(cx.rubric, text);
    let mut out: BTreeSet<usize> = named.iter().map(|(l, _)| *l).collect();
    let level_of = |w: &str| {
        let w = w.to_lowercase();
        cx.rubric
            .levels
            .iter()
            .position(|l| l.id == w || l.aliases.contains(&w))
    };
    for seg in text.split(['|', '—', '–', ';', '·', '•', ',', '(', ')']) {
        // Byte offsets of the parts within the headline, for the alias
        // ranges.
        let base = seg.as_ptr() as usize - text.as_ptr() as usize;
        let words: Vec<(usize, &str)> = seg
            .split_whitespace()
            .map(|w| (w.as_ptr() as usize - seg.as_ptr() as usize, w))
            .collect();
        for (k, &(at, w)) in words.iter().enumerate() {
            let Some(level) = level_of(w.trim_end_matches(':')) else {
                continue;
            };
            let start = base + at;
            if named.iter().any(|(_, r)| r.start <= start && start < r.end) {
                continue;
            }
            if k > 0 && words[k - 1].1.eq_ignore_ascii_case("of") {
                continue;
            }
            let job: Vec<&str> = words[k + 1..words.len().min(k + 4)]
                .iter()
                .map(|(_, w)| *w)
                .filter(|w| level_of(w).is_none())
                .collect();
            if !job.is_empty() && cx.lexicon.title_words.is_match(&job.join(" ")) {
                out.insert(level);
            }
        }
    }
    out
}

fn skills_drift(
    cx: &Context<'_>,
    resume: &Document,
    profile: &Document,
    out: &mut Vec<Diagnostic>,
) {
    let c = &cx.lexicon.consistency;
    let n = c.top_skills;
    // The name a skill goes by: "Python (langage de programmation)" is
    // Python.
    let plain = |skill: &str| -> String {
        let cut = skill.find(['(', '[']).unwrap_or(skill.len());
        skill[..cut]
            .trim()
            .trim_end_matches([':', ',', ';'])
            .to_string()
    };
    // Spoken languages, group headings, footers: not skills.
    let is_skill = |skill: &str| {
        let p = plain(skill).to_lowercase();
        !p.is_empty()
            && !p.contains('©')
            && !p.contains("copyright")
            && p.chars().any(char::is_alphabetic)
            && !c.not_skills.contains(&p)
    };
    let mentions = |doc: &Document, skill: &str| {
        let hay = doc.source.to_lowercase();
        // "HTML5, HTML": an entry of several names is mentioned when one
        // of them is.
        plain(skill)
            .split([',', '/'])
            .map(|s| s.trim().to_lowercase())
            .filter(|s| !s.is_empty())
            .any(|s| {
                hay.match_indices(&s).any(|(i, _)| {
                    let before = hay[..i].chars().next_back();
                    let after = hay[i + s.len()..].chars().next();
                    !before.is_some_and(char::is_alphanumeric)
                        && !after.is_some_and(char::is_alphanumeric)
                })
            })
    };
    let missing_from = |skills: &[Text], other: &Document| -> Vec<String> {
        skills
            .iter()
            .filter(|s| is_skill(&s.text))
            .take(n)
            .filter(|s| !mentions(other, &s.text))
            .map(|s| plain(&s.text))
            .collect()
    };
    let Some(first) = resume.skills.iter().find(|s| is_skill(&s.text)) else {
        return;
    };
    let Some(theirs_first) = profile.skills.iter().find(|s| is_skill(&s.text)) else {
        return;
    };
    let theirs = missing_from(&profile.skills, resume);
    if !theirs.is_empty() {
        out.push(on(
            resume,
            first,
            &C007,
            format!(
                "top LinkedIn skills the resume never mentions: {}",
                theirs.join(", ")
            ),
            related(profile, theirs_first, "LinkedIn skills"),
        ));
    }
    // A profile saved as PDF lists only its few "Top Skills": a resume
    // skill it does not list may still be on the profile.
    if profile.format == crate::model::Format::LinkedinPdf {
        return;
    }
    let ours = missing_from(&resume.skills, profile);
    if !ours.is_empty() {
        out.push(on(
            resume,
            first,
            &C007,
            format!(
                "top resume skills LinkedIn never mentions: {}",
                ours.join(", ")
            ),
            related(profile, theirs_first, "LinkedIn skills"),
        ));
    }
}
