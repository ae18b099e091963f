//! M003: a vague quantifier where a number belongs.

use crate::analysis::Prepared;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, RuleInfo, diag};

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
