//! M: impact metrics. Bullets and roles that claim impact without numbers,
//! and vague quantifiers where a number belongs.

use super::{Context, RuleInfo, diag};
use crate::analysis::Prepared;
use crate::diagnostic::{Diagnostic, Severity};

pub static M001: RuleInfo = RuleInfo {
    code: "M001",
    name: "bullet-without-metric",
    severity: Severity::Info,
    summary: "an achievement bullet with no quantified result",
    help: "state the result in numbers: how much, how many, how fast (\"cut p99 latency by 40%\", \"served 2M users\")",
    docs: r#"## What it does
Flags an achievement bullet (five words or more, not a list of skills) that
carries no quantified result: no percentage, money, multiplier, count with a
noun, duration, magnitude or ranking.

Years, dates, versions and product names ("Python 3", "EC2", "GPT-4"),
tenure ("for 2 years"), phone numbers and GPAs are not results and do not
count.

## Why it matters
Reviewers skim for evidence. A bullet that says what you did but not what
changed reads as a duty, not an achievement; a number makes the scale of the
work visible in a second.

## Example
```text
- Improved the ranking service's latency
```
Use instead:
```text
- Cut p99 latency of the ranking service from 800 ms to 120 ms
```

## How to fix it
Add the measured outcome: before and after, how many users or teams, how
much money or time. If the bullet is a responsibility rather than an
achievement, consider merging it into one that has a result. This rule is
`info`: not every bullet needs a number, but most of them should.
"#,
};

pub static M002: RuleInfo = RuleInfo {
    code: "M002",
    name: "role-without-metric",
    severity: Severity::Warning,
    summary: "a role none of whose bullets has a quantified result",
    help: "give at least one bullet of this role a measured result",
    docs: r#"## What it does
Flags a role with at least two achievement bullets of which none carries a
quantified result (see M001 for what counts).

## Why it matters
A whole role without a single number leaves the reader unable to judge its
scale or impact, and it is the first thing a hiring manager probes in an
interview.

## Example
```text
### ML Engineer, Northwind (2021 – 2023)
- Built the feature store for the ranking models
- Maintained the training pipelines
```
Use instead: give the role's strongest bullet its number ("Built the feature
store that 6 ranking models read, cutting feature latency by 70%").

## How to fix it
Pick the role's most important result and quantify it.
"#,
};

pub static M003: RuleInfo = RuleInfo {
    code: "M003",
    name: "vague-quantifier",
    severity: Severity::Warning,
    summary: "\"significantly\", \"many\", \"various\", \"a lot of\" where a number belongs",
    help: "replace the vague word with the number it stands for",
    docs: r#"## What it does
Flags a vague quantifier ("significantly", "many", "various", "a lot of",
"numerous", ...) that stands where a number belongs, also in a bullet with
a figure elsewhere ("80 customers with multiple towers"), but not right
after a number ("8 different registries"), nor when the figure answers it:
how much or how varied (`[vague] answered-by-a-figure`: "significantly
improved recall, from 61% to 74%") or a share of what it counted ("12
teams, many of them outside engineering"). The word list is
`[vague] quantifiers` in `rubrics/lexicon.toml`.

## Why it matters
"Significantly improved" invites the question "by how much?", and a
reviewer who cannot ask assumes "not much".

## Example
```text
- Significantly improved model accuracy for many customers
```
Use instead:
```text
- Raised model accuracy from 81% to 89% for 40 enterprise customers
```

## How to fix it
Replace the word with the figure. If you cannot measure it, drop the
intensifier; the plain claim reads stronger.
"#,
};

pub static M004: RuleInfo = RuleInfo {
    code: "M004",
    name: "low-metric-density",
    severity: Severity::Warning,
    summary: "share of quantified bullets in recent roles below the target level's minimum",
    help: "quantify more of your recent bullets: the target level is judged on measured impact",
    docs: r#"## What it does
Counts the achievement bullets of recent roles (the rubric's
`recent-years`) and how many of them carry a quantified result (as M001
judges it), and flags the document when the share is below the target
level's `min-quantified`. Needs at least three achievement bullets to judge.

## Why it matters
The higher the level, the more a reviewer expects impact to be measured.
A staff resume where one bullet in five has a number reads as activity, not
impact.

## Example
Target senior (minimum 40%), 2 of 9 recent bullets quantified (22%).

## How to fix it
Start with the bullets M001 flags in your most recent role and add their
results in numbers.
"#,
};

/// M001: an achievement bullet with no quantified result.
pub fn check_m001(_cx: &Context<'_>, p: &Prepared<'_>, out: &mut Vec<Diagnostic>) {
    for b in p.bullets() {
        if b.achievement && !b.quantified() {
            out.push(diag(
                &M001,
                p.doc,
                b.text,
                0..b.text.text.len(),
                "no quantified result in this achievement".into(),
            ));
        }
    }
}

/// M002: a role of two or more achievements, none quantified.
pub fn check_m002(_cx: &Context<'_>, p: &Prepared<'_>, out: &mut Vec<Diagnostic>) {
    for (role, bullets) in p.doc.roles.iter().zip(&p.roles) {
        let achievements = bullets.iter().filter(|b| b.achievement).count();
        if achievements >= 2 && !bullets.iter().any(|b| b.quantified()) {
            let name = role
                .title
                .as_ref()
                .or(role.company.as_ref())
                .map_or_else(|| "this role".to_string(), |t| format!("'{}'", t.text));
            out.push(diag(
                &M002,
                p.doc,
                &role.header,
                0..role.header.text.len(),
                format!("none of the {achievements} bullets of {name} has a quantified result"),
            ));
        }
    }
}

/// M003: a vague quantifier where a number belongs.
pub fn check_m003(cx: &Context<'_>, p: &Prepared<'_>, out: &mut Vec<Diagnostic>) {
    for b in p.bullets() {
        if let Some(r) = vague_quantifier(cx.lexicon, &b.text.text, &b.phrases, b.quantified()) {
            let word = b.text.text[r.clone()].to_string();
            out.push(diag(
                &M003,
                p.doc,
                b.text,
                r,
                format!("vague quantifier '{word}' where a number belongs"),
            ));
        }
    }
}

/// M004: too few quantified bullets in recent roles for the target level.
pub fn check_m004(cx: &Context<'_>, p: &Prepared<'_>, out: &mut Vec<Diagnostic>) {
    let a = &p.assessment;
    if let (Some((target, _)), Some(share)) = (a.target, a.quantified_share()) {
        let level = &cx.rubric.levels[target];
        if a.achievements >= 3 && share < level.min_quantified {
            let header = &p.doc.roles[a.recent[0]].header;
            out.push(diag(
                &M004,
                p.doc,
                header,
                0..header.text.len(),
                format!(
                    "{:.0}% of the bullets in recent roles are quantified ({} of {}); {} expects at least {:.0}%",
                    share * 100.0,
                    a.quantified,
                    a.achievements,
                    level.id,
                    level.min_quantified * 100.0
                ),
            ));
        }
    }
}

/// The first vague quantifier that is a claim: not in an idiom ("wore many
/// hats") and not "various" after a possessive ("their various projects").
fn vague_quantifier(
    lexicon: &crate::lexicon::Lexicon,
    text: &str,
    phrases: &crate::lexicon::PhraseHits,
    quantified: bool,
) -> Option<std::ops::Range<usize>> {
    use crate::lexicon::PhraseList;
    let idioms = phrases.get(PhraseList::Idiom);
    phrases
        .get(PhraseList::Vague)
        .iter()
        .find(|r| {
            let in_idiom = idioms.iter().any(|i| i.start <= r.start && r.end <= i.end);
            let before = text[..r.start]
                .split_whitespace()
                .next_back()
                .unwrap_or("")
                .to_lowercase();
            let possessive = matches!(
                before.as_str(),
                "their" | "his" | "her" | "our" | "my" | "its" | "your"
            );
            let word = text[(*r).clone()].to_ascii_lowercase();
            // "the number of bugs" is the count itself.
            let the_count = word.starts_with("number")
                && matches!(before.as_str(), "the" | "total" | "a" | "good" | "large");
            let counted = word == "different" && enumerated(&text[r.end..]);
            // "8 different registries", "two different environments": the
            // number is there already.
            // "Several thousand connections" is an order of magnitude.
            let numbers = phrases.get(PhraseList::Number);
            let numbered = before.bytes().any(|b| b.is_ascii_digit())
                || numbers.iter().any(|n| {
                    (n.end <= r.start && text[n.end..r.start].trim().is_empty())
                        || (n.start >= r.end && text[r.end..n.start].trim().is_empty())
                });
            // A figure in the bullet answers how much or how varied, and
            // "many of them" is a share of a set it counted.
            let answered = quantified
                && (lexicon.answered_by_a_figure.contains(&word)
                    || lexicon.partitive_follow_ons.iter().any(|f| {
                        text[r.end..]
                            .trim_start()
                            .to_lowercase()
                            .starts_with(f.as_str())
                    }));
            !in_idiom && !possessive && !the_count && !counted && !numbered && !answered
        })
        .cloned()
}

/// Whether the rest of a clause after "different" says which or how many:
/// a number, or a list ("different tools like A, B and C", "such as").
fn enumerated(rest: &str) -> bool {
    let clause = &rest[..rest.find(['.', ';']).unwrap_or(rest.len())];
    let lower = clause.to_ascii_lowercase();
    clause.bytes().any(|b| b.is_ascii_digit())
        || clause.contains(':')
        || clause.contains('(')
        || memchr::memchr_iter(b',', clause.as_bytes()).count() >= 2
        || [" such as ", " like ", " including ", " e.g", " namely "]
            .iter()
            .any(|w| lower.contains(w))
}
