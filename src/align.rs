//! Aligning one candidate's roles across channels: the same employment on
//! the resume and on LinkedIn, by company name (normalised, then by string
//! similarity) and date overlap. Several LinkedIn titles at one company are
//! one employment with promotions.

use crate::date::{DatePoint, YearMonth};
use crate::lexicon::Consistency;
use crate::model::{Document, Role};

/// "Acme, Inc." → "acme"; "Procter & Gamble" → "procter and gamble".
pub fn normalize_company(name: &str, c: &Consistency) -> String {
    let lowered = name.to_lowercase().replace('&', " and ");
    let words: Vec<&str> = lowered
        .split(|ch: char| !ch.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let kept: Vec<&str> = words
        .iter()
        .enumerate()
        .filter(|(i, w)| {
            // Suffixes go only after the first word ("Co-op Bank" keeps "co").
            *i == 0 || !c.company_suffixes.iter().any(|s| s == *w)
        })
        .map(|(_, w)| *w)
        .collect();
    kept.join(" ")
}

/// "Sr. ML Eng." → "senior machine learning engineer".
pub fn normalize_title(title: &str, c: &Consistency) -> String {
    let lowered = title
        .to_lowercase()
        .replace(['–', '—', '-', '/', ',', '(', ')', '.'], " ");
    lowered
        .split_whitespace()
        .map(|w| {
            c.title_abbreviations
                .iter()
                .find(|(abbr, _)| abbr == w)
                .map_or(w.to_string(), |(_, full)| full.clone())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether two normalised company names name the same employer.
pub fn same_company(a: &str, b: &str, c: &Consistency) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a == b {
        return true;
    }
    // "Rackspace" and "Rackspace, the #1 managed cloud company",
    // "PHS4J" and "Contracting/PHS4J": one name's words all stand in the
    // other's.
    let (wa, wb): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
    let (short, long) = if wa.len() <= wb.len() {
        (&wa, &wb)
    } else {
        (&wb, &wa)
    };
    if short.iter().all(|w| long.contains(w)) {
        return true;
    }
    // Edit distance, not Jaro-Winkler: its prefix bonus makes "meta" and
    // "metabase" look alike.
    strsim::normalized_damerau_levenshtein(a, b) >= c.company_similarity
}

/// Months covered by a role, `None` when it has no start.
pub fn interval(role: &Role, today: YearMonth) -> Option<(i32, i32)> {
    let start = role.start?.months(today, 1);
    let end = role.end.unwrap_or(DatePoint::Present).months(today, 12);
    Some((start, end.max(start)))
}

fn overlap(a: Option<(i32, i32)>, b: Option<(i32, i32)>) -> Option<i32> {
    let ((a0, a1), (b0, b1)) = (a?, b?);
    Some(a1.min(b1) - a0.max(b0))
}

/// One employment on both channels: a resume role and the LinkedIn roles
/// at the same company that overlap it (one, or several for promotions).
#[derive(Debug, Clone)]
pub struct Aligned {
    pub resume: usize,
    pub profile: Vec<usize>,
}

/// Aligns the roles of a resume with those of a profile.
pub fn align(
    resume: &Document,
    profile: &Document,
    c: &Consistency,
    today: YearMonth,
) -> Vec<Aligned> {
    let company = |r: &Role| {
        r.company
            .as_ref()
            .map(|t| normalize_company(&t.text, c))
            .unwrap_or_default()
    };
    let rc: Vec<String> = resume.roles.iter().map(company).collect();
    let pc: Vec<String> = profile.roles.iter().map(company).collect();
    let mut taken = vec![false; profile.roles.len()];
    let mut out = Vec::new();
    for (i, r) in resume.roles.iter().enumerate() {
        let ri = interval(r, today);
        // Candidates at the same company, best overlap first.
        let mut cands: Vec<(usize, i32)> = (0..profile.roles.len())
            .filter(|&j| same_company(&rc[i], &pc[j], c))
            .map(|j| {
                (
                    j,
                    overlap(ri, interval(&profile.roles[j], today)).unwrap_or(0),
                )
            })
            .collect();
        cands.sort_by_key(|&(j, o)| (std::cmp::Reverse(o), j));
        let Some(&(best, best_overlap)) = cands.iter().find(|(j, _)| !taken[*j]) else {
            continue;
        };
        // With dates on both sides, a role at the same company that never
        // overlaps is another stint, not this one; allow a small gap.
        if ri.is_some()
            && interval(&profile.roles[best], today).is_some()
            && best_overlap < -(c.date_tolerance_months as i32) - 1
        {
            continue;
        }
        let mut group = vec![best];
        taken[best] = true;
        // Promotions: the other titles at the company within the resume
        // role's span.
        for &(j, o) in &cands {
            if !taken[j] && o >= 0 && ri.is_some() {
                group.push(j);
                taken[j] = true;
            }
        }
        group.sort_unstable();
        out.push(Aligned {
            resume: i,
            profile: group,
        });
    }
    out
}

/// Whether two documents name the same person; `None` when one of them
/// names nobody.
pub fn same_person(a: &Document, b: &Document) -> Option<bool> {
    let words = |d: &Document| -> Option<Vec<String>> {
        let name = d.name.as_ref()?;
        let w: Vec<String> = name
            .text
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| w.len() > 1)
            .map(str::to_lowercase)
            .collect();
        (!w.is_empty()).then_some(w)
    };
    match (words(a), words(b)) {
        // First and last name both appear on the other side ("Kyle Sykes,
        // Ph.D." and "Kyle Sykes"), or the names are a typo apart.
        (Some(x), Some(y)) => {
            let contains = |p: &[String], q: &[String]| {
                q.first().is_some_and(|f| p.contains(f)) && q.last().is_some_and(|l| p.contains(l))
            };
            Some(
                contains(&x, &y)
                    || contains(&y, &x)
                    || strsim::jaro_winkler(&x.join(" "), &y.join(" ")) >= 0.93,
            )
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    #[test]
    fn company_names_normalise_benign_differences() {
        let lex = Lexicon::embedded();
        let c = &lex.consistency;
        assert_eq!(normalize_company("Acme, Inc.", c), "acme");
        assert_eq!(normalize_company("ACME GmbH", c), "acme");
        assert_eq!(
            normalize_company("Procter & Gamble Co.", c),
            "procter and gamble"
        );
        assert!(same_company(
            "rackspace",
            "rackspace the 1 managed cloud",
            c
        ));
        assert!(same_company("phs4j", "contracting phs4j", c));
        assert!(same_company("microsoft", "microsft", c));
        assert!(!same_company("google", "microsoft", c));
        assert!(!same_company("meta", "metabase", c));
    }

    #[test]
    fn titles_expand_abbreviations() {
        let lex = Lexicon::embedded();
        let c = &lex.consistency;
        assert_eq!(
            normalize_title("Sr. ML Eng.", c),
            "senior machine learning engineer"
        );
        assert_eq!(
            normalize_title("Senior Machine-Learning Engineer", c),
            "senior machine learning engineer"
        );
    }
}
