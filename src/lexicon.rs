//! The language-general word lists (`rubrics/lexicon.toml`), compiled once
//! into matchers.

use std::collections::HashSet;
use std::sync::{Arc, LazyLock};

use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;
use serde::Deserialize;

use crate::error::DataError;

/// The lexicon embedded in the binary.
pub const DEFAULT_LEXICON: &str = include_str!("../rubrics/lexicon.toml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct LexiconFile {
    sections: Sections,
    titles: Titles,
    metrics: MetricWords,
    proof: ProofWords,
    vague: VagueWords,
    consistency: Consistency,
}

/// What counts as a benign difference across channels (the C rules).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Consistency {
    pub company_suffixes: Vec<String>,
    pub title_abbreviations: Vec<(String, String)>,
    pub company_similarity: f64,
    pub title_similarity: f64,
    pub date_tolerance_months: u32,
    pub claim_similarity: f64,
    pub top_skills: usize,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Sections {
    pub experience: Vec<String>,
    pub education: Vec<String>,
    pub skills: Vec<String>,
    pub summary: Vec<String>,
    pub projects: Vec<String>,
    pub other: Vec<String>,
    pub metadata_labels: Vec<String>,
    pub entry_labels: Vec<String>,
    pub bold_fonts: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Titles {
    words: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct MetricWords {
    units: Vec<String>,
    not_count_nouns: Vec<String>,
    versioned_products: Vec<String>,
    number_words: Vec<String>,
    multiplier_words: Vec<String>,
    tenure_lead_ins: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct ProofWords {
    superlatives: Vec<String>,
    perfect_results: Vec<String>,
    decrease_verbs: Vec<String>,
    huge_gain_percent: f64,
    huge_gain_multiplier: f64,
    baseline_words: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct VagueWords {
    idioms: Vec<String>,
    quantifiers: Vec<String>,
}

/// The section kinds a heading can open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionKind {
    Experience,
    Education,
    Skills,
    Summary,
    Projects,
    Other,
}

/// A compiled lexicon.
#[derive(Debug)]
pub struct Lexicon {
    sections: Vec<(String, SectionKind)>,
    pub title_words: PhraseSet,
    pub units: HashSet<String>,
    pub not_count_nouns: HashSet<String>,
    pub versioned_products: HashSet<String>,
    pub number_words: PhraseSet,
    pub multiplier_words: PhraseSet,
    pub tenure_lead_ins: HashSet<String>,
    pub superlatives: PhraseSet,
    pub perfect_results: PhraseSet,
    pub decrease_verbs: PhraseSet,
    pub huge_gain_percent: f64,
    pub huge_gain_multiplier: f64,
    pub baseline_words: PhraseSet,
    pub vague_quantifiers: PhraseSet,
    pub idioms: PhraseSet,
    pub metadata_labels: Vec<String>,
    /// Lowercase labels inside a role ("responsibilities").
    pub entry_labels: Vec<String>,
    /// Lowercase parts of a font name that mark it bold.
    pub bold_fonts: Vec<String>,
    pub consistency: Consistency,
}

static DEFAULT: LazyLock<Arc<Lexicon>> = LazyLock::new(|| {
    Arc::new(Lexicon::parse(DEFAULT_LEXICON, "<embedded lexicon.toml>").expect("embedded lexicon"))
});

impl Lexicon {
    /// The embedded lexicon, compiled on first use.
    pub fn embedded() -> Arc<Lexicon> {
        Arc::clone(&DEFAULT)
    }

    pub fn parse(text: &str, origin: &str) -> Result<Lexicon, DataError> {
        let file: LexiconFile =
            toml::from_str(text).map_err(|e| DataError::toml(origin, text, &e))?;
        let set = |key: &str, v: &[String]| {
            PhraseSet::new(v).map_err(|e| DataError::plain(origin, format!("{key}: {e}")))
        };
        let lower = |v: Vec<String>| v.into_iter().map(|s| s.to_lowercase()).collect();
        let s = &file.sections;
        let sections = [
            (&s.experience, SectionKind::Experience),
            (&s.education, SectionKind::Education),
            (&s.skills, SectionKind::Skills),
            (&s.summary, SectionKind::Summary),
            (&s.projects, SectionKind::Projects),
            (&s.other, SectionKind::Other),
        ]
        .into_iter()
        .flat_map(|(words, kind)| words.iter().map(move |w| (w.to_lowercase(), kind)))
        .collect();
        Ok(Lexicon {
            sections,
            title_words: set("titles.words", &file.titles.words)?,
            number_words: set("metrics.number-words", &file.metrics.number_words)?,
            multiplier_words: set("metrics.multiplier-words", &file.metrics.multiplier_words)?,
            superlatives: set("proof.superlatives", &file.proof.superlatives)?,
            perfect_results: set("proof.perfect-results", &file.proof.perfect_results)?,
            decrease_verbs: set("proof.decrease-verbs", &file.proof.decrease_verbs)?,
            baseline_words: set("proof.baseline-words", &file.proof.baseline_words)?,
            vague_quantifiers: set("vague.quantifiers", &file.vague.quantifiers)?,
            idioms: set("vague.idioms", &file.vague.idioms)?,
            metadata_labels: file
                .sections
                .metadata_labels
                .iter()
                .map(|s| s.to_lowercase())
                .collect(),
            entry_labels: file
                .sections
                .entry_labels
                .iter()
                .map(|s| s.to_lowercase())
                .collect(),
            bold_fonts: file
                .sections
                .bold_fonts
                .iter()
                .map(|s| s.to_lowercase())
                .collect(),
            units: lower(file.metrics.units),
            not_count_nouns: lower(file.metrics.not_count_nouns),
            versioned_products: lower(file.metrics.versioned_products),
            tenure_lead_ins: lower(file.metrics.tenure_lead_ins),
            huge_gain_percent: file.proof.huge_gain_percent,
            huge_gain_multiplier: file.proof.huge_gain_multiplier,
            consistency: file.consistency,
        })
    }

    /// The kind of section a heading text opens, if it is a known heading.
    /// Whether a PDF font's name marks it bold.
    pub fn is_bold_font(&self, name: &str) -> bool {
        let name = name.to_lowercase();
        self.bold_fonts.iter().any(|b| name.contains(b.as_str()))
    }

    pub fn section_kind(&self, heading: &str) -> Option<SectionKind> {
        let norm = normalize_heading(heading);
        if norm.is_empty() {
            return None;
        }
        self.sections
            .iter()
            .find(|(w, _)| *w == norm)
            .map(|&(_, kind)| kind)
    }
}

/// Lowercases a heading and drops decoration: "## WORK EXPERIENCE:" →
/// "work experience".
pub fn normalize_heading(s: &str) -> String {
    static RULE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\s*[-=_~]{3,}\s*$").expect("rule regex"));
    let s = RULE.replace(s, "");
    let t = s.trim().trim_matches(|c: char| {
        c == '#' || c == ':' || c == '*' || c == '_' || c == '=' || c.is_whitespace()
    });
    let mut out = String::with_capacity(t.len());
    for w in t.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&w.to_lowercase());
    }
    // "E X P E R I E N C E" (letter-spaced headings) → "experience".
    if out.len() > 6 && out.split(' ').all(|w| w.chars().count() == 1) {
        out.retain(|c| c != ' ');
    }
    out
}

/// A set of phrases matched case-insensitively on word boundaries ("led"
/// never matches inside "misled"). Aho-Corasick builds in microseconds,
/// where one regex alternation of every phrase took milliseconds at
/// start-up; boundaries are checked on each candidate match.
#[derive(Debug, Clone)]
pub struct PhraseSet {
    ac: Option<AhoCorasick>,
}

impl PhraseSet {
    pub fn new(phrases: &[String]) -> Result<Self, String> {
        let pats: Vec<String> = phrases
            .iter()
            .map(|p| {
                p.split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .to_lowercase()
            })
            .filter(|p| !p.is_empty())
            .collect();
        if pats.is_empty() {
            return Ok(PhraseSet { ac: None });
        }
        let ac = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            // Overlapping search needs the standard kind; leftmost-longest
            // is applied after the boundary check.
            .match_kind(MatchKind::Standard)
            .build(&pats)
            .map_err(|e| e.to_string())?;
        Ok(PhraseSet { ac: Some(ac) })
    }

    /// The first match, as a byte range.
    pub fn find(&self, text: &str) -> Option<std::ops::Range<usize>> {
        self.find_iter(text).next()
    }

    /// Every non-overlapping match on word boundaries, leftmost first
    /// and longest at a place, as byte ranges.
    pub fn find_iter<'a>(
        &'a self,
        text: &'a str,
    ) -> impl Iterator<Item = std::ops::Range<usize>> + 'a {
        let Some(ac) = &self.ac else {
            return Vec::new().into_iter();
        };
        // Phrases hold single spaces: match a text with runs of whitespace
        // ("a  lot of", a tab) through a folded copy, mapped back.
        if text
            .bytes()
            .zip(text.bytes().skip(1))
            .any(|(a, b)| a.is_ascii_whitespace() && b.is_ascii_whitespace())
            || text.bytes().any(|b| b.is_ascii_whitespace() && b != b' ')
        {
            let mut folded = String::with_capacity(text.len());
            let mut map = Vec::with_capacity(text.len() + 1);
            let mut prev_space = false;
            for (i, c) in text.char_indices() {
                if c.is_whitespace() {
                    if !prev_space {
                        folded.push(' ');
                        map.push(i);
                    }
                    prev_space = true;
                } else {
                    let start = folded.len();
                    folded.push(c);
                    for b in 0..(folded.len() - start) {
                        map.push(i + b);
                    }
                    prev_space = false;
                }
            }
            map.push(text.len());
            let ranges: Vec<std::ops::Range<usize>> = self.find_iter(&folded).collect();
            // The end maps through the last byte of the match.
            return ranges
                .into_iter()
                .map(|r| map[r.start]..map[r.end - 1] + 1)
                .collect::<Vec<_>>()
                .into_iter();
        }
        let bytes = text.as_bytes();
        let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80;
        // All matches (overlapping), then the ones on word boundaries: a
        // phrase that starts or ends with a word character needs a
        // non-word neighbour there ("%" needs none).
        let mut found: Vec<std::ops::Range<usize>> = ac
            .find_overlapping_iter(text)
            .map(|m| m.range())
            .filter(|r| {
                let before = r.start.checked_sub(1).map(|i| bytes[i]);
                let after = bytes.get(r.end).copied();
                let open = is_word(bytes[r.start]) && before.is_some_and(is_word);
                let close = is_word(bytes[r.end - 1]) && after.is_some_and(is_word);
                !(open || close)
            })
            .collect();
        found.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
        let mut out = Vec::with_capacity(found.len());
        let mut next_free = 0;
        for r in found {
            if r.start >= next_free {
                next_free = r.end;
                out.push(r);
            }
        }
        out.into_iter()
    }

    pub fn is_match(&self, text: &str) -> bool {
        self.find(text).is_some()
    }

    /// Whether `text` starts with one of the phrases.
    pub fn find_at_start(&self, text: &str) -> Option<std::ops::Range<usize>> {
        self.find(text)
            .filter(|r| text[..r.start].trim().is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(words: &[&str]) -> PhraseSet {
        PhraseSet::new(&words.iter().map(|s| s.to_string()).collect::<Vec<_>>()).unwrap()
    }

    #[test]
    fn phrases_match_whole_words_only() {
        let s = set(&["led", "a lot of"]);
        assert!(!s.is_match("misled the auditors"));
        assert!(!s.is_match("LEDs and sleds"));
        assert_eq!(s.find("Led the team"), Some(0..3));
        assert_eq!(s.find("did a  lot of work"), Some(4..13));
    }

    #[test]
    fn embedded_lexicon_parses_and_classifies_headings() {
        let lex = Lexicon::embedded();
        assert_eq!(
            lex.section_kind("## WORK EXPERIENCE:"),
            Some(SectionKind::Experience)
        );
        assert_eq!(
            lex.section_kind("Education Details"),
            Some(SectionKind::Education)
        );
        assert_eq!(lex.section_kind("**Skills**"), Some(SectionKind::Skills));
        assert_eq!(
            lex.section_kind("E X P E R I E N C E"),
            Some(SectionKind::Experience)
        );
        assert_eq!(lex.section_kind("Built the ranking service"), None);
    }

    #[test]
    fn malformed_lexicon_names_the_key() {
        let err = Lexicon::parse("[sections]\nexperiance = []\n", "lex.toml").unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("lex.toml"), "{msg}");
        assert!(msg.contains("line 2"), "{msg}");
    }
}
