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

/// Whether one normalised name is the initials of the other's words ("epfl"
/// and "ecole polytechnique fédérale de lausanne", the short words aside).
pub fn initialism(a: &str, b: &str) -> bool {
    let (wa, wb): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
    let (short, long) = if wa.len() <= wb.len() {
        (&wa, &wb)
    } else {
        (&wb, &wa)
    };
    if short.len() != 1 || long.len() < 2 || short[0].chars().count() < 2 {
        return false;
    }
    let of = |keep: &dyn Fn(&&&str) -> bool| -> String {
        long.iter()
            .filter(keep)
            .filter_map(|w| w.chars().next())
            .collect()
    };
    short[0] == of(&|_| true) || short[0] == of(&|w| w.chars().count() > 3)
}

/// An employer's name without a slogan after it: "Acme Cloud, the #1
/// managed cloud company" is "Acme Cloud". The slogan follows a comma, a
/// dash, a bar or a colon and opens with a `tagline-openers` word.
pub fn without_tagline<'a>(name: &'a str, c: &Consistency) -> &'a str {
    const SEPARATORS: [&str; 6] = [",", " - ", " – ", " — ", " | ", ":"];
    let cut = SEPARATORS
        .iter()
        .filter_map(|sep| name.find(sep).map(|at| (at, at + sep.len())))
        .filter(|&(at, after)| {
            let tail = name[after..].trim_start().to_lowercase();
            at > 0
                && c.tagline_openers.iter().any(|o| {
                    tail.strip_prefix(o.as_str())
                        .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
                })
        })
        .map(|(at, _)| at)
        .min();
    cut.map_or(name, |at| name[..at].trim_end())
}

/// Whether two normalised names are one name spaced another way ("3d
/// roomspace" and "3d room space"): a spelling to make consistent.
pub fn spaced_alike(a: &str, b: &str) -> bool {
    let squash = |s: &str| s.replace(' ', "");
    a != b && squash(a) == squash(b)
}

/// Whether two normalised names share a word that tells employers apart,
/// whole or as the start of a word of the other ("contoso" and
/// "contosoland"): a parent and its unit ("Disneyland", "The Walt Disney
/// Company"), or the name with and without a descriptor. Short words and
/// `generic-company-words` do not count.
pub fn share_distinctive_word(a: &str, b: &str, c: &Consistency) -> bool {
    let distinctive = |w: &&str| {
        w.chars().count() >= 4
            && w.chars().any(char::is_alphabetic)
            && !c.generic_company_words.iter().any(|g| g == w)
            && !c.company_suffixes.iter().any(|s| s == w)
    };
    let holds = |x: &str, y: &str| {
        x.split(' ')
            .filter(distinctive)
            .any(|w| y.split(' ').any(|v| v.starts_with(w)))
    };
    holds(a, b) || holds(b, a)
}

/// Lowercase words of a text, split on anything but letters and digits.
fn lower_words(s: &str) -> Vec<String> {
    s.to_lowercase()
        .split(|ch: char| !ch.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Whether one role's bullets name the other's employer ("the back end of
/// the main Eviesays.com app" under "Dobie Media"): a product or a former
/// name of the same employer.
fn names_employer_of(a: &Role, b: &Role, c: &Consistency) -> bool {
    if self_employed(b, c) {
        return false;
    }
    let Some(name) = &b.company else {
        return false;
    };
    let name: Vec<String> = lower_words(&name.text)
        .into_iter()
        .filter(|w| !c.company_suffixes.iter().any(|s| s == w))
        .collect();
    if name.concat().chars().count() < 4 {
        return false;
    }
    a.bullets.iter().any(|t| {
        lower_words(&t.text)
            .windows(name.len())
            .any(|w| w == name.as_slice())
    })
}

/// Whether a role's employer is one's own work rather than an employer:
/// its name is `self-employment` words, alone or with the role's own
/// title words ("Freelance", "Multiple Companies", "Freelance Software
/// Engineer" over the title "Software Engineer").
pub fn self_employed(role: &Role, c: &Consistency) -> bool {
    let Some(company) = &role.company else {
        return false;
    };
    let mut words = lower_words(&company.text);
    let mut found = false;
    // Longest phrases first: "freelance work" before "freelance".
    let mut phrases: Vec<Vec<String>> = c.self_employment.iter().map(|p| lower_words(p)).collect();
    phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
    for phrase in phrases.iter().filter(|p| !p.is_empty()) {
        while let Some(at) = words
            .windows(phrase.len())
            .position(|w| w == phrase.as_slice())
        {
            words.drain(at..at + phrase.len());
            found = true;
        }
    }
    let title = role
        .title
        .as_ref()
        .map(|t| lower_words(&t.text))
        .unwrap_or_default();
    found && words.iter().all(|w| title.contains(w))
}

/// Whether a title word names the kind of employment, not the job
/// ("Contractor" in "Contractor Software Engineer").
pub fn employment_word(word: &str, c: &Consistency) -> bool {
    c.self_employment.iter().any(|s| s == word)
}

/// A role's employer as alignment compares it: normalised, legal
/// suffixes alone naming no one, and one's own work ("Freelance",
/// "Multiple Companies") one name.
pub fn employer_key(role: &Role, c: &Consistency) -> String {
    if self_employed(role, c) {
        return SELF_EMPLOYED.to_string();
    }
    role.company
        .as_ref()
        .map(|t| substantive(normalize_company(&t.text, c), c))
        .unwrap_or_default()
}

/// The key of every self-employed role.
const SELF_EMPLOYED: &str = "self employed";

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
    // other's; "Books and Music" and "Music Book": a plural and "and"
    // aside.
    let word = |w: &str| -> Option<String> {
        if matches!(w, "and" | "of") {
            return None;
        }
        Some(match w.strip_suffix('s') {
            Some(stem) if stem.chars().count() >= 3 && !stem.ends_with('s') => stem.to_string(),
            _ => w.to_string(),
        })
    };
    let (wa, wb): (Vec<String>, Vec<String>) = (
        a.split(' ').filter_map(word).collect(),
        b.split(' ').filter_map(word).collect(),
    );
    let (short, long) = if wa.len() <= wb.len() {
        (&wa, &wb)
    } else {
        (&wb, &wa)
    };
    if !short.is_empty() && short.iter().all(|w| long.contains(w)) {
        return true;
    }
    if initialism(a, b) {
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

/// Months between two dates, a year alone agreeing with any month of it;
/// `None` when one is missing.
fn date_gap(a: Option<DatePoint>, b: Option<DatePoint>, today: YearMonth) -> Option<i32> {
    match (a?, b?) {
        (DatePoint::Present, DatePoint::Present) => Some(0),
        (DatePoint::At(x), DatePoint::At(y)) if x.month.is_none() || y.month.is_none() => {
            Some(12 * (i32::from(x.year) - i32::from(y.year)).abs())
        }
        (x, y) => Some((x.months(today, 1) - y.months(today, 1)).abs()),
    }
}

/// How far apart two roles' dates are (start and end gaps summed); a
/// missing date counts as far.
fn distance(a: &Role, b: &Role, today: YearMonth) -> i32 {
    let end = |r: &Role| r.end.or(Some(DatePoint::Present));
    date_gap(a.start, b.start, today).unwrap_or(120)
        + date_gap(end(a), end(b), today).unwrap_or(120)
}

/// Whether two titles are the same words, once normalised (case,
/// abbreviations, punctuation, word order, a typo).
pub fn titles_alike(a: &str, b: &str, c: &Consistency) -> bool {
    let (a, b) = (normalize_title(a, c), normalize_title(b, c));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a == b || strsim::normalized_levenshtein(&a, &b) >= c.title_similarity {
        return true;
    }
    // "Software Engineering Intern" and "Software Engineer Intern": one
    // word's "-ing" form.
    let stem = |w: &str| -> String {
        match w.strip_suffix("ing") {
            Some(s) if s.len() >= 5 => s.to_string(),
            _ => w.to_string(),
        }
    };
    let mut wa: Vec<String> = a.split(' ').map(stem).collect();
    let mut wb: Vec<String> = b.split(' ').map(stem).collect();
    wa.sort_unstable();
    wb.sort_unstable();
    wa == wb
}

/// A company name that is only legal suffixes ("Inc", "LLC") names no one:
/// the rest of the name was lost when the document was read.
fn substantive(name: String, c: &Consistency) -> String {
    if name
        .split(' ')
        .all(|w| c.company_suffixes.iter().any(|s| s == w))
    {
        String::new()
    } else {
        name
    }
}

/// Whether an employer name as written names someone (is more than legal
/// suffixes).
pub fn names_someone(name: &str, c: &Consistency) -> bool {
    // A link read into the employer's place ("/jdoe github.com/jdoe").
    let t = name.trim().to_lowercase();
    let link = t.starts_with('/') || t.contains("://") || t.contains("github.com");
    !link && !substantive(normalize_company(name, c), c).is_empty()
}

/// Whether one side's title and employer together hold the other's title
/// (or employer), word for word: the fields were split in another place
/// ("Military Intelligence: Offensive Warfare" read as a title and an
/// employer).
pub fn split_elsewhere(a: &Role, b: &Role) -> bool {
    let words = |r: &Role, both: bool| -> Vec<String> {
        let mut s = r.title.as_ref().map_or(String::new(), |t| t.text.clone());
        if both {
            s.push(' ');
            s.push_str(r.company.as_ref().map_or("", |t| t.text.as_str()));
        }
        s.split(|ch: char| !ch.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let holds = |x: &Role, y: &Role| {
        let (all, own, part) = (words(x, true), words(x, false), words(y, false));
        part.len() >= 2
            && part.iter().all(|w| all.contains(w))
            && !part.iter().all(|w| own.contains(w))
    };
    holds(a, b) || holds(b, a)
}

/// One employment on both channels: a resume role and the LinkedIn roles
/// it stands for. Usually one each; several LinkedIn titles when the resume
/// lists promotions as one role; several resume roles sharing one LinkedIn
/// role when LinkedIn lists them as one.
#[derive(Debug, Clone)]
pub struct Aligned {
    pub resume: usize,
    pub profile: Vec<usize>,
    /// The resume roles (this one among them, in order) that share the
    /// LinkedIn role: one, unless the resume splits what LinkedIn lists as
    /// one role.
    pub resume_group: Vec<usize>,
    /// Found by dates and title alone: the employer names share nothing (a
    /// former name, another script, or a name the reader lost).
    pub by_dates: bool,
}

/// Aligns the roles of a resume with those of a profile: first title by
/// title at the same employer (a promotion listed separately on both
/// channels pairs with its own dates); then, for the roles left, the same
/// title over the same months at employers whose names share nothing (or
/// the same months where one side's bullets name the other's employer);
/// then the titles one channel lists and the other folds into one role.
pub fn align(
    resume: &Document,
    profile: &Document,
    c: &Consistency,
    today: YearMonth,
) -> Vec<Aligned> {
    let company = |r: &Role| employer_key(r, c);
    let (rs, ps) = (&resume.roles, &profile.roles);
    let rc: Vec<String> = rs.iter().map(company).collect();
    let pc: Vec<String> = ps.iter().map(company).collect();
    let ri: Vec<Option<(i32, i32)>> = rs.iter().map(|r| interval(r, today)).collect();
    let pi: Vec<Option<(i32, i32)>> = ps.iter().map(|r| interval(r, today)).collect();
    let tol = c.date_tolerance_months as i32;
    let title_of = |r: &Role| r.title.as_ref().map_or("", |t| t.text.as_str()).to_string();
    let alike = |i: usize, j: usize| titles_alike(&title_of(&rs[i]), &title_of(&ps[j]), c);
    let within = |inner: Option<(i32, i32)>, outer: Option<(i32, i32)>| match (inner, outer) {
        (Some(a), Some(b)) => a.0 >= b.0 - tol && a.1 <= b.1 + tol,
        _ => false,
    };

    // Phase 1: one to one at the same employer, same title and closest
    // dates first. With dates on both sides, roles that never overlap
    // (beyond a small gap) are other stints.
    let mut pairs: Vec<(bool, i32, usize, usize)> = Vec::new();
    for i in 0..rs.len() {
        for j in 0..ps.len() {
            if !same_company(&rc[i], &pc[j], c) {
                continue;
            }
            if overlap(ri[i], pi[j]).is_some_and(|o| o < -tol - 1) {
                continue;
            }
            pairs.push((!alike(i, j), distance(&rs[i], &ps[j], today), i, j));
        }
    }
    pairs.sort_unstable();
    let mut of_resume: Vec<Option<usize>> = vec![None; rs.len()];
    let mut of_profile: Vec<Option<usize>> = vec![None; ps.len()];
    for &(_, _, i, j) in &pairs {
        if of_resume[i].is_none() && of_profile[j].is_none() {
            of_resume[i] = Some(j);
            of_profile[j] = Some(i);
        }
    }
    let mut out: Vec<Aligned> = (0..rs.len())
        .filter_map(|i| {
            of_resume[i].map(|j| Aligned {
                resume: i,
                profile: vec![j],
                resume_group: vec![i],
                by_dates: false,
            })
        })
        .collect();

    // Phase 2: roles still alone on both sides, at employers whose names
    // share nothing: the same title over overlapping months, or, when a
    // side lost its employer or title, the same months.
    let mut cands: Vec<(i32, usize, usize)> = Vec::new();
    for i in 0..rs.len() {
        if of_resume[i].is_some() {
            continue;
        }
        for j in 0..ps.len() {
            if of_profile[j].is_some() {
                continue;
            }
            let (Some(a), Some(b)) = (ri[i], pi[j]) else {
                continue;
            };
            let months = a.1.min(b.1) - a.0.max(b.0);
            let d = distance(&rs[i], &ps[j], today);
            let lost = rc[i].is_empty() || rs[i].title.is_none() || split_elsewhere(&rs[i], &ps[j]);
            let by_title = alike(i, j) && months >= 0;
            // The same months, and one side's bullets name the other's
            // employer.
            let named =
                names_employer_of(&rs[i], &ps[j], c) || names_employer_of(&ps[j], &rs[i], c);
            let by_months = (lost || named) && d <= 2 * tol;
            if by_title || by_months {
                cands.push((d, i, j));
            }
        }
    }
    cands.sort_unstable();
    for (_, i, j) in cands {
        if of_resume[i].is_none() && of_profile[j].is_none() {
            of_resume[i] = Some(j);
            of_profile[j] = Some(i);
            out.push(Aligned {
                resume: i,
                profile: vec![j],
                resume_group: vec![i],
                by_dates: true,
            });
        }
    }
    // Phase 3: LinkedIn titles left over at an employer whose resume role
    // spans them: the resume lists the promotions as one role.
    for j in 0..ps.len() {
        if of_profile[j].is_some() {
            continue;
        }
        // Within the resume role, or overlapping it by a month or more
        // (promotion dates need not match the resume's to the month).
        let inside =
            |i: usize| within(pi[j], ri[i]) || overlap(pi[j], ri[i]).is_some_and(|o| o > 0);
        if let Some(a) = out
            .iter_mut()
            .find(|a| same_company(&rc[a.resume], &pc[j], c) && inside(a.resume))
        {
            a.profile.push(j);
            a.profile.sort_unstable();
        }
    }

    // Phase 4: resume roles left over within a LinkedIn role at their
    // employer: LinkedIn lists as one role what the resume splits.
    let mut added = Vec::new();
    for i in 0..rs.len() {
        if of_resume[i].is_some() {
            continue;
        }
        let host = out.iter().find(|a| {
            a.profile.len() == 1
                && same_company(&rc[i], &pc[a.profile[0]], c)
                && within(ri[i], pi[a.profile[0]])
        });
        if let Some(a) = host {
            of_resume[i] = Some(a.profile[0]);
            added.push(Aligned {
                resume: i,
                profile: a.profile.clone(),
                resume_group: Vec::new(),
                by_dates: false,
            });
        }
    }
    out.extend(added);
    let groups: Vec<Vec<usize>> = out
        .iter()
        .map(|a| {
            let mut g: Vec<usize> = out
                .iter()
                .filter(|b| b.profile == a.profile)
                .map(|b| b.resume)
                .collect();
            g.sort_unstable();
            g
        })
        .collect();
    for (a, g) in out.iter_mut().zip(groups) {
        a.resume_group = g;
    }

    out.sort_by_key(|a| a.resume);
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
        assert!(same_company(
            "music and books christian",
            "music christian book christian",
            c
        ));
        assert!(!same_company("acme books", "initech book", c));
        assert!(same_company("microsoft", "microsft", c));
        assert!(!same_company("google", "microsoft", c));
        assert!(!same_company("meta", "metabase", c));
        // Initials of the words that carry the name.
        assert!(same_company(
            "epfl",
            "ecole polytechnique fédérale de lausanne",
            c
        ));
        assert!(same_company("ibm", "international business machines", c));
        assert!(!same_company("ibm", "intel", c));
    }

    #[test]
    fn slogans_and_units_are_told_from_respellings() {
        let lex = Lexicon::embedded();
        let c = &lex.consistency;
        assert_eq!(
            without_tagline("Acme Cloud, the #1 managed cloud company", c),
            "Acme Cloud"
        );
        assert_eq!(without_tagline("Acme | Your data, safe", c), "Acme");
        // A comma inside a name is no slogan.
        assert_eq!(
            without_tagline("Skidmore, Owings and Merrill", c),
            "Skidmore, Owings and Merrill"
        );
        assert!(share_distinctive_word("contosoland", "the walt contoso", c));
        assert!(!share_distinctive_word("acme global", "initech global", c));
        assert!(spaced_alike("3d roomspace", "3d room space"));
        assert!(!spaced_alike("acme", "acme"));
    }

    #[test]
    fn own_work_names_no_employer() {
        let lex = Lexicon::embedded();
        let c = &lex.consistency;
        let role = |company: &str, title: &str| Role {
            company: Some(crate::source::Text::verbatim(company, 0)),
            title: Some(crate::source::Text::verbatim(title, 0)),
            ..Role::default()
        };
        assert!(self_employed(
            &role("Multiple Companies", "Contractor Software Engineer"),
            c
        ));
        assert!(self_employed(
            &role("Freelance Software Engineer", "Software Engineer"),
            c
        ));
        assert!(self_employed(&role("Self-employed", "Designer"), c));
        // A client named beside the word is an employer.
        assert!(!self_employed(&role("Contracting/Initech", "Developer"), c));
        assert!(!self_employed(&role("Contract Logistics", "Analyst"), c));
        assert_eq!(
            employer_key(&role("Freelance", "Web Developer"), c),
            employer_key(&role("Various Clients", "Web Developer"), c)
        );
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
        assert!(titles_alike(
            "Software Engineering Intern",
            "Software Engineer Intern",
            c
        ));
        assert!(!titles_alike("Software Engineer", "Data Engineer", c));
    }
}
