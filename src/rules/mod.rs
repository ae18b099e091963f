//! The rule catalogue. One file per rule family; each rule's metadata and
//! documentation stand beside its check; [`registry`] lists them all.

pub mod consistency;
pub mod levels;
pub mod metrics;
pub mod openers;
pub mod proof;
pub mod registry;
pub mod scope;
pub mod suppression;
pub mod unread;

use crate::assess::{Assessment, TargetSource, assess};
use crate::date::YearMonth;
use crate::diagnostic::{Diagnostic, Severity};
use crate::lexicon::Lexicon;
use crate::metrics::Metric;
use crate::model::Document;
use crate::rubric::Rubric;
use crate::source::Text;

/// What a rule is: its stable code, name, default severity and docs.
#[derive(Debug)]
pub struct RuleInfo {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    /// One line: what the rule flags.
    pub summary: &'static str,
    /// The default help text attached to every finding.
    pub help: &'static str,
    /// Markdown: what it does, why it matters, an example, how to fix it.
    pub docs: &'static str,
}

/// Every rule, in catalogue order.
pub fn all() -> impl Iterator<Item = &'static RuleInfo> {
    registry::RULES.iter().map(|r| r.info)
}

/// A code or code prefix as selection reads it: a rule name (as `explain`
/// takes it) becomes its code, anything else is trimmed and upper-cased.
pub fn code_of(key: &str) -> String {
    let k = key.trim();
    match all().find(|r| r.name.eq_ignore_ascii_case(k)) {
        Some(r) => r.code.to_string(),
        None => k.to_uppercase(),
    }
}

/// Whether `code` (as `code_of` gives it) is a rule code or a prefix of one.
pub fn is_code_or_prefix(code: &str) -> bool {
    all().any(|r| r.code.starts_with(code))
}

/// A rule by code (case-insensitive) or name.
pub fn find(key: &str) -> Option<&'static RuleInfo> {
    let k = key.trim();
    all().find(|r| r.code.eq_ignore_ascii_case(k) || r.name.eq_ignore_ascii_case(k))
}

/// Which rules run, from `--select` and `--ignore` (codes or prefixes).
#[derive(Debug, Clone, Default)]
pub struct Selection {
    pub select: Vec<String>,
    pub ignore: Vec<String>,
}

impl Selection {
    pub fn enabled(&self, code: &str) -> bool {
        let matches = |list: &[String]| list.iter().any(|p| code.starts_with(p.as_str()));
        let selected = self.select.is_empty() || matches(&self.select);
        // A more specific select wins over a broader ignore ("--ignore M --select M001").
        let ignored = self.ignore.iter().any(|i| {
            code.starts_with(i.as_str())
                && !self
                    .select
                    .iter()
                    .any(|s| code.starts_with(s.as_str()) && s.len() > i.len())
        });
        selected && !ignored
    }
}

/// Everything a rule may read.
pub struct Context<'a> {
    pub lexicon: &'a Lexicon,
    pub rubric: &'a Rubric,
    pub today: YearMonth,
    pub selection: &'a Selection,
    /// The target level given by `--target` or config, if any.
    pub target: Option<(usize, TargetSource)>,
}

/// One bullet prepared for the rules: its metrics are found once.
pub struct Bullet<'d> {
    pub text: &'d Text,
    pub metrics: Vec<Metric>,
    /// Whether it reads as an achievement (not a skills list or a label).
    pub achievement: bool,
    /// Its figures in words, vague quantifiers, idioms and superlatives.
    pub phrases: crate::lexicon::PhraseHits,
}

impl Bullet<'_> {
    pub fn quantified(&self) -> bool {
        !self.metrics.is_empty()
    }
}

/// A bullet reads as an achievement when it has a few words and is no
/// list of skills or "Label: value" line.
pub fn is_achievement(text: &str) -> bool {
    // Counting stops past 45: longer is a paragraph either way.
    let words = crate::source::count_words(text, 46);
    if !(5..=45).contains(&words) {
        return false;
    }
    // A long first-person paragraph is a description, not a bullet.
    if words > 25 && has_first_person(text) {
        return false;
    }
    // Many commas make a list of skills, unless a past-tense verb opens it:
    // "Developed multiple sites using CodeIgniter, WordPress, ..." is an
    // achievement with its tools listed.
    let commas = memchr::memchr_iter(b',', text.as_bytes()).count();
    let first = text.split_whitespace().next().unwrap_or("");
    let opens_with_verb =
        first.len() > 4 && first.ends_with("ed") && first.bytes().all(|b| b.is_ascii_alphabetic());
    if commas * 2 >= words && !opens_with_verb {
        return false;
    }
    // "Tech stack: Python, Spark, Airflow" is a label, not an achievement.
    if let Some((label, rest)) = text.split_once(':')
        && crate::source::count_words(label, 4) <= 3
        && (memchr::memchr_iter(b',', rest.as_bytes()).count() >= 2
            || crate::source::count_words(rest, 7) <= 6)
    {
        return false;
    }
    true
}

/// Whether "I", "I'm", "I've", "I'd", "my" or "My" is a word of `text` (a
/// run of letters, digits and apostrophes). Only the words that start
/// with one of their first letters are read: most bullets are long.
fn has_first_person(text: &str) -> bool {
    let in_word = |c: char| c.is_alphanumeric() || c == '\'';
    memchr::memchr3_iter(b'I', b'm', b'M', text.as_bytes()).any(|p| {
        if text[..p].chars().next_back().is_some_and(in_word) {
            return false;
        }
        let end = text[p..]
            .char_indices()
            .find(|&(_, c)| !in_word(c))
            .map_or(text.len(), |(i, _)| p + i);
        matches!(&text[p..end], "I" | "I'm" | "I've" | "I'd" | "my" | "My")
    })
}

/// Runs every enabled rule over one document.
pub fn check_document(cx: &Context<'_>, doc: &Document) -> Vec<Diagnostic> {
    check_and_assess(cx, doc).0
}

/// Runs the rules and returns the level assessment too (for reporters).
pub fn check_and_assess(cx: &Context<'_>, doc: &Document) -> (Vec<Diagnostic>, Assessment) {
    let prepared = Prepared::new(cx, doc);
    let mut out = Vec::new();
    for rule in registry::RULES {
        if let registry::Runs::Document(check) = rule.runs
            && cx.selection.enabled(rule.info.code)
        {
            check(cx, &prepared, &mut out);
        }
    }
    (out, prepared.assessment)
}

/// The level assessment alone, for documents that are only cross-checked
/// (a `--profile`), whose rules do not run.
pub fn assess_document(cx: &Context<'_>, doc: &Document) -> Assessment {
    Prepared::new(cx, doc).assessment
}

/// A document with per-bullet analysis done once for all rules.
pub struct Prepared<'d> {
    pub doc: &'d Document,
    /// Per role (index into `doc.roles`), its bullets.
    pub roles: Vec<Vec<Bullet<'d>>>,
    /// Project and loose bullets.
    pub others: Vec<Bullet<'d>>,
    /// The document against the level rubric.
    pub assessment: Assessment,
}

impl<'d> Prepared<'d> {
    fn new(cx: &Context<'_>, doc: &'d Document) -> Self {
        let bullet = |t: &'d Text| {
            let phrases = cx.lexicon.bullet_phrases.scan(&t.text);
            Bullet {
                text: t,
                metrics: crate::metrics::find_metrics_with(&t.text, cx.lexicon, &phrases),
                achievement: is_achievement(&t.text),
                phrases,
            }
        };
        let mut p = Prepared {
            doc,
            roles: doc
                .roles
                .iter()
                .map(|r| r.bullets.iter().map(bullet).collect())
                .collect(),
            others: doc
                .projects
                .iter()
                .flat_map(|p| &p.bullets)
                .chain(&doc.loose_bullets)
                .map(bullet)
                .collect(),
            assessment: Assessment::empty(),
        };
        p.assessment = assess(&p, cx.lexicon, cx.rubric, cx.today, cx.target);
        p
    }

    /// Every bullet.
    pub fn bullets(&self) -> impl Iterator<Item = &Bullet<'d>> {
        self.roles.iter().flatten().chain(&self.others)
    }
}

/// Builds a finding with the rule's default severity.
pub fn diag(
    info: &RuleInfo,
    doc: &Document,
    text: &Text,
    range: std::ops::Range<usize>,
    message: String,
) -> Diagnostic {
    Diagnostic::on_text(doc, text, range).build(info, info.severity, message)
}

/// A finding on the document's first line, for what has no text to point at.
pub fn diag_at_start(info: &RuleInfo, doc: &Document, message: String) -> Diagnostic {
    let first = doc.source.lines().next().unwrap_or("");
    let text = Text::verbatim(first, 0);
    diag(info, doc, &text, 0..first.len(), message)
}

/// A short quotation of a text for messages.
pub fn quote(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let cut: String = s.chars().take(max).collect();
        format!("{}…", cut.trim_end())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_person_is_found_as_splitting_into_words_finds_it() {
        let oracle = |text: &str| {
            text.split(|c: char| !c.is_alphanumeric() && c != '\'')
                .any(|w| matches!(w, "I" | "I'm" | "I've" | "I'd" | "my" | "My"))
        };
        let texts = [
            "",
            "I",
            "I led",
            "AI team; my team",
            "Led my team",
            "MY team, Miami, AIM, I'mm, I've, I'd.",
            "team-my",
            "émy Émy, ÉI, I\u{301} x",
            "’I’ and 'my'",
            "xI I'x I'",
            "mmm MMM IIII",
        ];
        for t in texts {
            assert_eq!(has_first_person(t), oracle(t), "{t:?}");
        }
    }
}
