//! The language-general word lists (`rubrics/lexicon.toml`), compiled once
//! into matchers.

use std::collections::HashSet;
use std::sync::{Arc, LazyLock};

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

/// A set of phrases compiled into one case-insensitive regex that matches
/// only on word boundaries ("led" never matches inside "misled").
#[derive(Debug, Clone)]
pub struct PhraseSet {
    re: Option<Regex>,
}

impl PhraseSet {
    pub fn new(phrases: &[String]) -> Result<Self, regex::Error> {
        let mut alts: Vec<String> = phrases
            .iter()
            .map(|p| p.trim().to_lowercase())
            .filter(|p| !p.is_empty())
            .collect();
        if alts.is_empty() {
            return Ok(PhraseSet { re: None });
        }
        // Longest first so "a lot of" wins over "a lot".
        alts.sort_by_key(|p| std::cmp::Reverse(p.len()));
        let body = alts
            .iter()
            .map(|p| {
                // Whitespace in a phrase matches any run of whitespace.
                let parts: Vec<String> = p.split_whitespace().map(regex::escape).collect();
                parts.join(r"\s+")
            })
            .collect::<Vec<_>>()
            .join("|");
        // Boundaries by hand: `\b` fails next to non-word ends such as "%".
        let re = Regex::new(&format!(r"(?i)(?:^|[^\w])(?P<m>{body})(?:[^\w]|$)"))?;
        Ok(PhraseSet { re: Some(re) })
    }

    /// The first match, as a byte range.
    pub fn find(&self, text: &str) -> Option<std::ops::Range<usize>> {
        self.find_iter(text).next()
    }

    /// Every non-overlapping match, as byte ranges.
    pub fn find_iter<'a>(
        &'a self,
        text: &'a str,
    ) -> impl Iterator<Item = std::ops::Range<usize>> + 'a {
        let mut pos = 0;
        std::iter::from_fn(move || {
            let re = self.re.as_ref()?;
            let c = re.captures_at(text, pos)?;
            let m = c.name("m")?;
            // Restart at the match end, not after the consumed boundary
            // character, so adjacent phrases are all found.
            pos = m.end();
            Some(m.range())
        })
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
