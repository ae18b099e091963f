//! The per-bullet analysis every rule reads: each bullet's metrics and
//! phrases found once, whether it reads as an achievement, and the
//! document's level assessment built on them.

use crate::assess::{Assessment, TargetSource, assess};
use crate::date::YearMonth;
use crate::lexicon::Lexicon;
use crate::metrics::Metric;
use crate::model::Document;
use crate::rubric::Rubric;
use crate::source::Text;

/// One bullet analysed for the rules: its metrics are found once.
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

/// A document's per-bullet analysis, done once for all rules, and its
/// level assessment.
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
    /// Finds each bullet's metrics and phrases, then assesses the document
    /// against the rubric (as of `today`, for the target if one is given).
    pub fn new(
        doc: &'d Document,
        lexicon: &Lexicon,
        rubric: &Rubric,
        today: YearMonth,
        target: Option<(usize, TargetSource)>,
    ) -> Self {
        let bullet = |t: &'d Text| {
            let phrases = lexicon.bullet_phrases.scan(&t.text);
            Bullet {
                text: t,
                metrics: crate::metrics::find_metrics_with(&t.text, lexicon, &phrases),
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
        p.assessment = assess(&p, lexicon, rubric, today, target);
        p
    }

    /// Every bullet.
    pub fn bullets(&self) -> impl Iterator<Item = &Bullet<'d>> {
        self.roles.iter().flatten().chain(&self.others)
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
