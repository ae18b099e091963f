//! C006: an employer spelled differently from LinkedIn.

use super::{Matched, on, related};
use crate::align::{self, normalize_company, normalize_title};
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, RuleInfo};

pub static C006: RuleInfo = RuleInfo {
    code: "C006",
    name: "company-name-mismatch",
    severity: Severity::Info,
    summary: "the same employer is spelled differently across channels",
    help: "spell the employer the same way on both channels",
    docs: r#"## What it does
For roles aligned across the channels, flags employer names that differ
beyond case, punctuation and legal suffixes ("Inc.", "GmbH", ...): a typo,
a former name, a division. Two names are one employer named two
legitimate ways, and not flagged, when one is the other with a slogan
after it (`tagline-openers`: "Acme Cloud, the #1 managed cloud company")
or when they share a word that tells employers apart, whole or as the
start of a word ("Disneyland" and "The Walt Disney Company", a unit and
its parent; `generic-company-words` such as "Global" do not count). The
same letters spaced another way ("Room Space", "Roomspace") are still
flagged: that is a spelling to make consistent. Names that stand for
one's own work (`self-employment`: "Freelance", "Multiple Companies")
name no employer and are not compared.

## Why it matters
A small thing, but consistent names make the two channels read as one story.

## Example
Resume `Microsft`; LinkedIn `Microsoft`.

## How to fix it
Use the employer's own spelling everywhere.
"#,
};

/// C006: an employer spelled differently from LinkedIn.
pub(super) fn check_c006(cx: &Context<'_>, m: &Matched<'_>, out: &mut Vec<Diagnostic>) {
    let Matched {
        resume,
        profile,
        a,
        r,
        p0,
        ..
    } = m;
    let c = &cx.lexicon.consistency;
    // C006: aligned employers whose names differ beyond the benign. A
    // name that is only a legal suffix, or the role's own title, is a
    // field misread, not another name.
    if let (Some(rc), Some(pc)) = (&r.company, &p0.company)
        && let (rn, pn) = (
            normalize_company(align::without_tagline(&rc.text, c), c),
            normalize_company(align::without_tagline(&pc.text, c), c),
        )
        && rn != pn
        && !affix(&pc.text, &rc.text)
        && !affix(&rc.text, &pc.text)
        // A parent and its unit, or a name with a descriptor, is one
        // employer named two legitimate ways; the same letters spaced
        // another way are a spelling to make consistent.
        && (align::spaced_alike(&rn, &pn) || !align::share_distinctive_word(&rn, &pn, c))
        && align::names_someone(&rc.text, c)
        && align::names_someone(&pc.text, c)
        // "Freelance" and "Multiple Companies" name no employer.
        && !align::self_employed(r, c)
        && !align::self_employed(p0, c)
        && !align::split_elsewhere(r, p0)
        && !align::initialism(&rn, &pn)
        && r.title
            .as_ref()
            .is_none_or(|t| normalize_title(&t.text, c) != normalize_title(&rc.text, c))
    {
        let same_title = match (&r.title, &p0.title) {
            (Some(x), Some(y)) => align::titles_alike(&x.text, &y.text, c),
            _ => false,
        };
        let why = match (a.by_dates, same_title) {
            (true, true) => " (the same title and dates: a former name, or another spelling?)",
            (true, false) => {
                " (the same dates, and one channel names the other: a former name, or a product?)"
            }
            _ => "",
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
}

/// Whether `short` starts or ends `long` (case aside): "Rackspace" and
/// "Rackspace, the #1 managed cloud company" name one employer.
fn affix(long: &str, short: &str) -> bool {
    let (l, s) = (long.to_lowercase(), short.to_lowercase());
    l.starts_with(&s) || l.ends_with(&s)
}
