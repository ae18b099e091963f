//! The language-general word lists (`rubrics/lexicon.toml`), compiled once
//! into matchers.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, LazyLock, OnceLock};

use crate::literals::LiteralSet;
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
    /// Optional, so that a lexicon written before it still loads.
    #[serde(default)]
    openers: OpenerWords,
    consistency: Consistency,
    /// Optional, so that a lexicon written before it still loads.
    #[serde(default)]
    levels: LevelWords,
    inputs: Inputs,
    /// Optional, so that a lexicon written before them still loads (the
    /// date grammar reads the embedded lexicon's words then).
    #[serde(default)]
    dates: DateWords,
    #[serde(default)]
    roles: RoleWords,
}

/// The words of the date grammar that are not digits (`[dates]`).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct DateWords {
    #[serde(default)]
    months: Vec<Vec<String>>,
    #[serde(default)]
    common_months: Vec<String>,
    #[serde(default)]
    present: Vec<String>,
    #[serde(default)]
    since: Vec<String>,
    #[serde(default)]
    labels: Vec<String>,
}

/// What tells the parts of a role header apart (`[roles]`).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RoleWords {
    #[serde(default)]
    employer_words: Vec<String>,
    #[serde(default)]
    street_words: Vec<String>,
    #[serde(default)]
    name_articles: Vec<String>,
    #[serde(default)]
    self_employed: Vec<String>,
}

/// What the evidenced level reads beyond the rubric: whether the candidate
/// is still studying, and titles that are a status rather than a level.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct LevelWords {
    #[serde(default)]
    studying: Vec<String>,
    #[serde(default)]
    studying_statements: Vec<String>,
    #[serde(default)]
    studying_in_education: Vec<String>,
    #[serde(default)]
    education_programs: Vec<String>,
    #[serde(default)]
    status_titles: Vec<String>,
}

/// Patterns of one lexicon key, as one case-insensitive alternation, with
/// ASCII classes like every other pattern (`crate::pattern`): Unicode
/// `\w` and case folding cost milliseconds to compile at every start.
/// A lexicon file's patterns compile when it is loaded, so that an error
/// names its key; the embedded lexicon's (tested to compile) on first use,
/// which [`Lexicon::compile_patterns`] brings forward onto another thread.
#[derive(Debug, Clone, Default)]
pub struct Patterns(Option<Arc<LazyRegex>>);

#[derive(Debug)]
struct LazyRegex {
    source: String,
    regex: OnceLock<crate::pattern::Regex>,
}

impl Patterns {
    fn new(key: &str, origin: &str, sources: &[String], lazy: bool) -> Result<Self, DataError> {
        if sources.is_empty() {
            return Ok(Patterns(None));
        }
        let joined = sources
            .iter()
            .map(|s| format!("(?:{s})"))
            .collect::<Vec<_>>()
            .join("|");
        let lazy_regex = LazyRegex {
            source: format!("(?i){joined}"),
            regex: OnceLock::new(),
        };
        if lazy {
            return Ok(Patterns(Some(Arc::new(lazy_regex))));
        }
        match crate::pattern::compile(&lazy_regex.source) {
            Ok(r) => {
                let _ = lazy_regex.regex.set(r);
                Ok(Patterns(Some(Arc::new(lazy_regex))))
            }
            // Only on failure is each compiled alone, to name the culprit.
            Err(e) => {
                let culprit = sources
                    .iter()
                    .find_map(|src| crate::pattern::compile(src).err().map(|e| (src, e)));
                Err(DataError::plain(
                    origin,
                    match culprit {
                        Some((src, e)) => format!("{key}: '{src}': {e}"),
                        None => format!("{key}: {e}"),
                    },
                ))
            }
        }
    }

    fn regex(&self) -> Option<&crate::pattern::Regex> {
        let lazy = self.0.as_ref()?;
        Some(lazy.regex.get_or_init(|| {
            crate::pattern::compile(&lazy.source).expect("the embedded lexicon's patterns compile")
        }))
    }

    /// The first match in `text`, as a byte range.
    pub fn find(&self, text: &str) -> Option<std::ops::Range<usize>> {
        self.regex()?.find(text).map(|m| m.range())
    }
}

/// What tells an input found in a folder walk apart from a resume.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Inputs {
    resume_json_keys: Vec<String>,
}

/// How the opening of a bullet is found (O001).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct OpenerWords {
    #[serde(default)]
    lead_ins: Vec<String>,
    #[serde(default)]
    gapped: Vec<(String, String)>,
    #[serde(default)]
    experience_words: Vec<String>,
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
    /// Words that make a figure a rate ("12M a month", "3k/day"): the
    /// period words, and the words that stand alone ("monthly").
    #[serde(default)]
    pub rate_periods: Vec<String>,
    #[serde(default)]
    pub rate_adverbs: Vec<String>,
    /// Skills entries that name no skill: spoken languages, group
    /// headings, footers ("English", "Languages", "All rights reserved").
    #[serde(default)]
    pub not_skills: Vec<String>,
    /// C006: the words that open a slogan after an employer's name
    /// ("Acme Cloud, the #1 managed cloud company"), lowercase.
    #[serde(default)]
    pub tagline_openers: Vec<String>,
    /// C006: words too common to tell one employer from another ("group",
    /// "global"): sharing one of them is no sign of the same employer.
    #[serde(default)]
    pub generic_company_words: Vec<String>,
    /// C003: title words that say a rank or status, not a line of work
    /// ("associate", "intern"): two titles that share only these are in
    /// different lines of work.
    #[serde(default)]
    pub rank_words: Vec<String>,
    /// Words that stand in the employer's place for one's own work
    /// ("Freelance", "Self-employed", "Multiple Companies"), lowercase.
    #[serde(default)]
    pub self_employment: Vec<String>,
    /// C007: a broad skill and the more specific names that cover it
    /// ("computer-aided design": SolidWorks, AutoCAD).
    #[serde(default)]
    pub skill_covers: std::collections::BTreeMap<String, Vec<String>>,
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
    #[serde(default)]
    pub document_titles: Vec<String>,
    /// Headings among `other` whose lines name organisations the
    /// candidate belonged to without a job there (activities,
    /// volunteering): kept, so that C003 can find them.
    #[serde(default)]
    pub activities: Vec<String>,
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
    // The lists below are optional, so that a lexicon written before them
    // still loads (without them, fewer figures are told apart).
    #[serde(default)]
    duration_follow_ons: Vec<String>,
    #[serde(default)]
    setting_lead_ins: Vec<String>,
    #[serde(default)]
    quantity_lead_ins: Vec<String>,
    #[serde(default)]
    year_lead_ins: Vec<String>,
    #[serde(default)]
    currency_words: Vec<String>,
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
    #[serde(default)]
    answered_by_a_figure: Vec<String>,
    #[serde(default)]
    partitive_follow_ons: Vec<String>,
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
    /// Lowercase heading → its kind (the first list that names it).
    sections: HashMap<String, SectionKind>,
    /// The longest of `sections`' names, in bytes.
    longest_section: usize,
    /// The longest of `document_titles`, in chars.
    longest_title: usize,
    pub title_words: PhraseSet,
    pub units: HashSet<String>,
    pub not_count_nouns: HashSet<String>,
    pub versioned_products: HashSet<String>,
    pub tenure_lead_ins: HashSet<String>,
    /// Words after a duration that make it the length of something ("3
    /// months course", "years of experience"), lowercase.
    pub duration_follow_ons: Vec<String>,
    /// Words before a figure that make it a setting or cadence ("older
    /// than", "every"), lowercase.
    pub setting_lead_ins: Vec<String>,
    /// Words after which a bare figure is a quantity ("a team of 5").
    pub quantity_lead_ins: HashSet<String>,
    /// Words after which a four-digit number is a year ("in 2019").
    pub year_lead_ins: HashSet<String>,
    /// Currency words before an amount ("Rs. 15,000").
    pub currency_words: HashSet<String>,
    pub superlatives: PhraseSet,
    /// Vague quantifiers that a figure in the same bullet answers, and
    /// the words after one that make it a share of a counted set; lowercase.
    pub answered_by_a_figure: HashSet<String>,
    pub partitive_follow_ons: Vec<String>,
    pub perfect_results: PhraseSet,
    pub decrease_verbs: PhraseSet,
    pub huge_gain_percent: f64,
    pub huge_gain_multiplier: f64,
    pub baseline_words: PhraseSet,
    /// Figures in words, multipliers, idioms, vague quantifiers and
    /// superlatives: what a bullet is always scanned for, in one pass.
    pub bullet_phrases: BulletPhrases,
    pub metadata_labels: Vec<String>,
    /// Lowercase labels inside a role ("responsibilities").
    pub entry_labels: Vec<String>,
    /// Lowercase parts of a font name that mark it bold.
    pub bold_fonts: Vec<String>,
    /// Words before a bullet's opening verb that are no part of it ("I am
    /// also"), lowercase.
    pub opener_lead_ins: HashSet<String>,
    /// Verb and noun that open a weak bullet with a few words between
    /// ("Providing 24/7 support"), lowercase.
    pub gapped_openers: Vec<(String, String)>,
    /// A first clause ending in one of these is an experience statement.
    pub experience_words: HashSet<String>,
    pub consistency: Consistency,
    /// Phrases anywhere in a document that say the candidate is studying
    /// ("Expected Graduation: May 2024", "seeking summer internships").
    pub studying: Patterns,
    /// The same, read in the headline, summary and education entries only
    /// ("PhD student", "currently pursuing a master's").
    pub studying_statements: Patterns,
    /// An education entry that runs to now ("2022 - Present"), when it
    /// names a school or degree (`education_programs`).
    pub studying_in_education: Patterns,
    pub education_programs: Patterns,
    /// Title words that are a status, not a level ("intern"), lowercase.
    pub status_titles: PhraseSet,
    /// Keys of which a walked JSON file names at least one when it may be
    /// a resume (JSON Resume or another shape).
    pub resume_json_keys: Vec<String>,
    /// Lines that title the document ("curriculum vitae"), lowercase.
    pub document_titles: Vec<String>,
    /// Headings of `other` sections whose lines are kept as the
    /// document's activities (normalised like a heading).
    pub activity_sections: HashSet<String>,
    /// Month names, lowercase, with their number (1-12).
    pub month_names: Vec<(String, u8)>,
    /// The `month_names` most resumes use, lowercase (see `crate::date`).
    pub common_months: Vec<String>,
    /// Words for "now" ending a date range, lowercase.
    pub present_words: Vec<String>,
    /// Words before a lone start date ("since"), lowercase.
    pub since_words: Vec<String>,
    /// Labels before a role's dates ("from", "period"), lowercase.
    pub date_labels: HashSet<String>,
    /// Words that name an organisation ("university", "club").
    pub employer_words: PhraseSet,
    /// Last words of a street name ("road", "rd"), lowercase.
    pub street_words: HashSet<String>,
    /// Articles that open a name, never a title ("the"), lowercase.
    pub name_articles: HashSet<String>,
    /// Work on one's own account ("freelance"), which stands where the
    /// employer does, lowercase.
    pub self_employed: HashSet<String>,
}

/// A list of words or phrases, lowercased; an entry that is empty, has a
/// line break or edge spaces, or holds a character that no word has (a
/// regex's brackets, a backslash) is refused with its key, since the date
/// grammar builds patterns from these.
fn words_list(origin: &str, key: &str, v: &[String]) -> Result<Vec<String>, DataError> {
    v.iter()
        .map(|w| {
            let bad = w.is_empty()
                || w.trim() != w
                || w.chars().any(|c| {
                    c.is_control()
                        || matches!(
                            c,
                            '\\' | '('
                                | ')'
                                | '['
                                | ']'
                                | '{'
                                | '}'
                                | '|'
                                | '*'
                                | '+'
                                | '?'
                                | '^'
                                | '$'
                        )
                });
            if bad {
                Err(DataError::plain(
                    origin,
                    format!("{key}: {w:?} is not a word or phrase"),
                ))
            } else {
                Ok(w.to_lowercase())
            }
        })
        .collect()
}

/// `[dates] months`: twelve lists (none at all leaves the date grammar
/// with digits only), each name once.
fn month_names(origin: &str, months: &[Vec<String>]) -> Result<Vec<(String, u8)>, DataError> {
    if !months.is_empty() && months.len() != 12 {
        return Err(DataError::plain(
            origin,
            format!(
                "dates.months: {} lists, expected 12 (January to December)",
                months.len()
            ),
        ));
    }
    let mut out: Vec<(String, u8)> = Vec::new();
    for (i, names) in months.iter().enumerate() {
        let number = u8::try_from(i + 1).unwrap_or(12);
        for name in words_list(origin, "dates.months", names)? {
            if let Some((_, other)) = out.iter().find(|(n, _)| *n == name) {
                return Err(DataError::plain(
                    origin,
                    format!("dates.months: {name:?} is in month {other} and month {number}"),
                ));
            }
            out.push((name, number));
        }
    }
    Ok(out)
}

/// `[dates] common-months`: each one of the `months`.
fn common_months(
    origin: &str,
    months: &[Vec<String>],
    common: &[String],
) -> Result<Vec<String>, DataError> {
    let common = words_list(origin, "dates.common-months", common)?;
    let known = |name: &String| months.iter().flatten().any(|m| m.to_lowercase() == *name);
    match common.iter().find(|n| !known(n)) {
        Some(name) => Err(DataError::plain(
            origin,
            format!("dates.common-months: {name:?} is not one of dates.months"),
        )),
        None => Ok(common),
    }
}

static DEFAULT: LazyLock<Arc<Lexicon>> = LazyLock::new(|| {
    Arc::new(
        Lexicon::parse_with(DEFAULT_LEXICON, "<embedded lexicon.toml>", true)
            .expect("embedded lexicon"),
    )
});

impl Lexicon {
    /// The embedded lexicon, compiled on first use.
    pub fn embedded() -> Arc<Lexicon> {
        Arc::clone(&DEFAULT)
    }

    pub fn parse(text: &str, origin: &str) -> Result<Lexicon, DataError> {
        Lexicon::parse_with(text, origin, false)
    }

    /// Compiles the `[levels]` patterns now, if they wait for first use.
    pub fn compile_patterns(&self) {
        for p in [
            &self.studying,
            &self.studying_statements,
            &self.studying_in_education,
            &self.education_programs,
        ] {
            let _ = p.regex();
        }
    }

    /// [`Lexicon::parse`], with the `[levels]` patterns compiled on first
    /// use when `lazy` (the embedded lexicon's).
    fn parse_with(text: &str, origin: &str, lazy: bool) -> Result<Lexicon, DataError> {
        let file: LexiconFile =
            toml::from_str(text).map_err(|e| DataError::toml(origin, text, &e))?;
        let set = |key: &str, v: &[String]| {
            PhraseSet::new(v).map_err(|e| DataError::plain(origin, format!("{key}: {e}")))
        };
        let lower = |v: Vec<String>| v.into_iter().map(|s| s.to_lowercase()).collect();
        let s = &file.sections;
        let document_titles = words_list(origin, "sections.document-titles", &s.document_titles)?;
        let mut sections = HashMap::new();
        for (words, kind) in [
            (&s.experience, SectionKind::Experience),
            (&s.education, SectionKind::Education),
            (&s.skills, SectionKind::Skills),
            (&s.summary, SectionKind::Summary),
            (&s.projects, SectionKind::Projects),
            (&s.other, SectionKind::Other),
        ] {
            for w in words {
                sections.entry(w.to_lowercase()).or_insert(kind);
            }
        }
        Ok(Lexicon {
            longest_section: sections.keys().map(String::len).max().unwrap_or(0),
            sections,
            title_words: set("titles.words", &file.titles.words)?,
            superlatives: set("proof.superlatives", &file.proof.superlatives)?,
            answered_by_a_figure: lower(file.vague.answered_by_a_figure),
            partitive_follow_ons: lower(file.vague.partitive_follow_ons).into_iter().collect(),
            perfect_results: set("proof.perfect-results", &file.proof.perfect_results)?,
            decrease_verbs: set("proof.decrease-verbs", &file.proof.decrease_verbs)?,
            baseline_words: set("proof.baseline-words", &file.proof.baseline_words)?,
            bullet_phrases: BulletPhrases::new([
                &file.metrics.multiplier_words,
                &file.metrics.number_words,
                &file.vague.idioms,
                &file.vague.quantifiers,
                &file.proof.superlatives,
            ])
            .map_err(|e| DataError::plain(origin, format!("phrase lists: {e}")))?,
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
            duration_follow_ons: lower(file.metrics.duration_follow_ons)
                .into_iter()
                .collect(),
            setting_lead_ins: lower(file.metrics.setting_lead_ins).into_iter().collect(),
            quantity_lead_ins: lower(file.metrics.quantity_lead_ins),
            year_lead_ins: lower(file.metrics.year_lead_ins),
            currency_words: lower(file.metrics.currency_words),
            huge_gain_percent: file.proof.huge_gain_percent,
            huge_gain_multiplier: file.proof.huge_gain_multiplier,
            opener_lead_ins: lower(file.openers.lead_ins),
            gapped_openers: file
                .openers
                .gapped
                .into_iter()
                .map(|(a, b)| (a.to_lowercase(), b.to_lowercase()))
                .collect(),
            experience_words: lower(file.openers.experience_words),
            consistency: file.consistency,
            studying: Patterns::new("levels.studying", origin, &file.levels.studying, lazy)?,
            studying_statements: Patterns::new(
                "levels.studying-statements",
                origin,
                &file.levels.studying_statements,
                lazy,
            )?,
            studying_in_education: Patterns::new(
                "levels.studying-in-education",
                origin,
                &file.levels.studying_in_education,
                lazy,
            )?,
            education_programs: Patterns::new(
                "levels.education-programs",
                origin,
                &file.levels.education_programs,
                lazy,
            )?,
            status_titles: set("levels.status-titles", &file.levels.status_titles)?,
            resume_json_keys: file.inputs.resume_json_keys,
            longest_title: document_titles
                .iter()
                .map(|t| t.chars().count())
                .max()
                .unwrap_or(0),
            document_titles,
            activity_sections: s.activities.iter().map(|h| normalize_heading(h)).collect(),
            month_names: month_names(origin, &file.dates.months)?,
            common_months: common_months(origin, &file.dates.months, &file.dates.common_months)?,
            present_words: words_list(origin, "dates.present", &file.dates.present)?,
            since_words: words_list(origin, "dates.since", &file.dates.since)?,
            date_labels: words_list(origin, "dates.labels", &file.dates.labels)?
                .into_iter()
                .collect(),
            employer_words: set("roles.employer-words", &file.roles.employer_words)?,
            street_words: words_list(origin, "roles.street-words", &file.roles.street_words)?
                .into_iter()
                .collect(),
            name_articles: words_list(origin, "roles.name-articles", &file.roles.name_articles)?
                .into_iter()
                .collect(),
            self_employed: words_list(origin, "roles.self-employed", &file.roles.self_employed)?
                .into_iter()
                .collect(),
        })
    }

    /// Whether `t` is wholly a document title ("Resume"), or opens with one
    /// before a separator ("Curriculum Vitae: Jane Doe").
    pub fn is_document_title(&self, t: &str) -> bool {
        // A title and the character after it are all that is compared: a
        // long line's head is lowercased, not the whole line (a char
        // lowercases to one or more, so the head covers the title).
        let t = t.trim();
        let head = t
            .char_indices()
            .nth(self.longest_title + 2)
            .map_or(t, |(i, _)| &t[..i]);
        let lower = head.to_lowercase();
        self.document_titles.iter().any(|w| {
            lower.strip_prefix(w.as_str()).is_some_and(|rest| {
                rest.is_empty() || rest.starts_with([':', ' ', '-', '—', '–', '|', ','])
            })
        })
    }

    /// Whether a PDF font's name marks it bold.
    pub fn is_bold_font(&self, name: &str) -> bool {
        let name = name.to_lowercase();
        self.bold_fonts.iter().any(|b| name.contains(b.as_str()))
    }

    /// The kind of section a heading text opens, if it is a known heading.
    pub fn section_kind(&self, heading: &str) -> Option<SectionKind> {
        self.section_kind_normalized(&normalize_heading_within(heading, self.longest_section)?)
    }

    /// [`Lexicon::section_kind`] of a heading already normalized with
    /// [`normalize_heading`].
    pub fn section_kind_normalized(&self, norm: &str) -> Option<SectionKind> {
        if norm.is_empty() {
            return None;
        }
        self.sections.get(norm).copied()
    }
}

/// Lowercases a heading and drops decoration: "## WORK EXPERIENCE:" →
/// "work experience".
pub fn normalize_heading(s: &str) -> String {
    normalize_heading_within(s, usize::MAX).unwrap_or_default()
}

/// [`normalize_heading`], or `None` as soon as the result must be longer
/// than `max` bytes: a body line is no section name, and most lines are
/// far longer than one.
fn normalize_heading_within(s: &str, max: usize) -> Option<String> {
    // A trailing rule of three or more of "-=_~" goes ("Skills -----").
    let mut s = s.trim_end();
    let rule = s.len() - s.trim_end_matches(['-', '=', '_', '~']).len();
    if rule >= 3 {
        s = &s[..s.len() - rule];
    }
    let t = s.trim_matches(|c: char| {
        c == '#' || c == ':' || c == '*' || c == '_' || c == '=' || c.is_whitespace()
    });
    let mut out = String::with_capacity(t.len().min(max.saturating_add(8)));
    let mut letter_spaced = true;
    for w in t.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        let from = out.len();
        if w.is_ascii() {
            out.push_str(w);
            out[from..].make_ascii_lowercase();
            letter_spaced &= w.len() == 1;
        } else {
            // Not per char: "Σ" ends a word as "ς".
            out.push_str(&w.to_lowercase());
            letter_spaced &= out[from..].chars().count() == 1;
        }
        // Past `max`, only letter-spacing (below) could shorten the result,
        // and to no less than half.
        if out.len() > max
            && (!letter_spaced || out.len() > max.saturating_mul(2).saturating_add(1))
        {
            return None;
        }
    }
    // "E X P E R I E N C E" (letter-spaced headings) → "experience".
    if out.len() > 6 && letter_spaced {
        out.retain(|c| c != ' ');
    }
    (out.len() <= max).then_some(out)
}

/// A set of phrases matched case-insensitively on word boundaries ("led"
/// never matches inside "misled"). A [`LiteralSet`] finds the candidates
/// (one regex alternation of every phrase took milliseconds at start-up);
/// boundaries are checked on each.
#[derive(Debug, Clone)]
pub struct PhraseSet {
    ac: Option<LiteralSet>,
    /// The most words in a phrase.
    max_words: usize,
}

impl PhraseSet {
    pub fn new(phrases: &[String]) -> Result<Self, String> {
        let pats: Vec<String> = phrases
            .iter()
            .map(|p| normalize_phrase(p))
            .filter(|p| !p.is_empty())
            .collect();
        if pats.is_empty() {
            return Ok(PhraseSet {
                ac: None,
                max_words: 0,
            });
        }
        let max_words = pats.iter().map(|p| p.split(' ').count()).max().unwrap_or(0);
        let ac = phrase_automaton(&pats)?;
        Ok(PhraseSet {
            ac: Some(ac),
            max_words,
        })
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
        if needs_folding(text) {
            let (folded, map) = fold_whitespace(text);
            let ranges: Vec<std::ops::Range<usize>> = self.find_iter(&folded).collect();
            return ranges
                .into_iter()
                .map(|r| unfold(&map, r))
                .collect::<Vec<_>>()
                .into_iter();
        }
        let bytes = text.as_bytes();
        // All matches (overlapping), then the ones on word boundaries.
        let mut found: Vec<std::ops::Range<usize>> = Vec::new();
        ac.for_each(bytes, |_, r| {
            if on_word_boundaries(bytes, &r) {
                found.push(r);
            }
        });
        leftmost_longest(found).into_iter()
    }

    pub fn is_match(&self, text: &str) -> bool {
        let Some(ac) = &self.ac else {
            return false;
        };
        if needs_folding(text) {
            return self.find(text).is_some();
        }
        // The first match on word boundaries will do: no sorting, no
        // allocation.
        ac.any(text.as_bytes(), |_, r| {
            on_word_boundaries(text.as_bytes(), &r)
        })
    }

    /// Whether `text` starts with one of the phrases.
    pub fn find_at_start(&self, text: &str) -> Option<std::ops::Range<usize>> {
        // Only the head of the text can hold a phrase that starts it: its
        // first words, as many as the longest phrase has, and what follows
        // them up to the next word (for the boundary check).
        let start = text.len() - text.trim_start().len();
        let mut end = text.len();
        let mut words = 0;
        crate::source::word_starts(text, start, |i| {
            words += 1;
            if words > self.max_words {
                end = i;
            }
            words > self.max_words
        });
        let head = &text[..end];
        if needs_folding(head) {
            return self
                .find(head)
                .filter(|r| text[..r.start].trim().is_empty());
        }
        // No phrase starts with whitespace: a match that starts the text
        // starts at `start`, and the longest there is what `find` gives.
        let ac = self.ac.as_ref()?;
        let bytes = head.as_bytes();
        let mut longest: Option<usize> = None;
        ac.for_each(bytes, |_, r| {
            if r.start == start && on_word_boundaries(bytes, &r) {
                longest = longest.max(Some(r.end));
            }
        });
        longest.map(|end| start..end)
    }
}

/// Several phrase lists in one automaton, each list matched as a
/// [`PhraseSet`] of its own would match it: one pass over a text instead of
/// one per list.
#[derive(Debug, Clone)]
pub struct PhraseGroups {
    ac: Option<LiteralSet>,
    /// Per automaton pattern, the list it came from.
    owners: Vec<usize>,
    lists: usize,
}

impl PhraseGroups {
    pub fn new(lists: &[Vec<String>]) -> Result<Self, String> {
        let mut pats = Vec::new();
        let mut owners = Vec::new();
        for (i, list) in lists.iter().enumerate() {
            for p in list
                .iter()
                .map(|p| normalize_phrase(p))
                .filter(|p| !p.is_empty())
            {
                pats.push(p);
                owners.push(i);
            }
        }
        let ac = if pats.is_empty() {
            None
        } else {
            Some(phrase_automaton(&pats)?)
        };
        Ok(PhraseGroups {
            ac,
            owners,
            lists: lists.len(),
        })
    }

    /// Each list's matches (as [`PhraseSet::find_iter`] gives them), as
    /// (list, byte range), list by list.
    pub fn find_all(&self, text: &str) -> Vec<(usize, std::ops::Range<usize>)> {
        let Some(ac) = &self.ac else {
            return Vec::new();
        };
        if needs_folding(text) {
            let (folded, map) = fold_whitespace(text);
            let mut found = self.find_all(&folded);
            for (_, r) in &mut found {
                *r = unfold(&map, r.clone());
            }
            return found;
        }
        let bytes = text.as_bytes();
        let mut per_list: Vec<Vec<std::ops::Range<usize>>> = vec![Vec::new(); self.lists];
        ac.for_each(bytes, |p, r| {
            if on_word_boundaries(bytes, &r) {
                per_list[self.owners[p]].push(r);
            }
        });
        per_list
            .into_iter()
            .enumerate()
            .flat_map(|(i, found)| leftmost_longest(found).into_iter().map(move |r| (i, r)))
            .collect()
    }
}

/// A text with every whitespace run folded to one space, and for each byte
/// of the folded text (and its end) the byte of the text it came from.
fn fold_whitespace(text: &str) -> (String, Vec<usize>) {
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
    (folded, map)
}

/// A range of a folded text, in the text: the end maps through the last
/// byte of the match.
fn unfold(map: &[usize], r: std::ops::Range<usize>) -> std::ops::Range<usize> {
    map[r.start]..map[r.end - 1] + 1
}

/// Leftmost first and longest at a place, without overlaps.
fn leftmost_longest(mut found: Vec<std::ops::Range<usize>>) -> Vec<std::ops::Range<usize>> {
    found.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    let mut out = Vec::with_capacity(found.len());
    let mut next_free = 0;
    for r in found {
        if r.start >= next_free {
            next_free = r.end;
            out.push(r);
        }
    }
    out
}

/// The phrase lists every bullet is scanned for (figures in words,
/// vague quantifiers, idioms, superlatives), matched in one pass with the
/// same rules as each [`PhraseSet`]: one automaton over the bullet instead
/// of five.
#[derive(Debug, Clone)]
pub struct BulletPhrases {
    ac: Option<LiteralSet>,
    /// Per pattern, the lists it belongs to (one bit per [`PhraseList`]).
    owners: Vec<u8>,
}

/// The lists [`BulletPhrases`] matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhraseList {
    Multiplier,
    Number,
    Idiom,
    Vague,
    Superlative,
}

impl PhraseList {
    const ALL: [PhraseList; 5] = [
        PhraseList::Multiplier,
        PhraseList::Number,
        PhraseList::Idiom,
        PhraseList::Vague,
        PhraseList::Superlative,
    ];
}

/// A bullet's matches, per list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PhraseHits {
    lists: [Vec<std::ops::Range<usize>>; 5],
}

impl PhraseHits {
    pub fn get(&self, list: PhraseList) -> &[std::ops::Range<usize>] {
        &self.lists[list as usize]
    }
}

impl BulletPhrases {
    fn new(lists: [&[String]; 5]) -> Result<Self, String> {
        let mut pats: Vec<String> = Vec::new();
        let mut owners: Vec<u8> = Vec::new();
        let mut index: std::collections::HashMap<String, usize> = Default::default();
        for (k, list) in lists.iter().enumerate() {
            for p in list.iter().map(|p| normalize_phrase(p)) {
                if p.is_empty() {
                    continue;
                }
                match index.get(&p) {
                    Some(&i) => owners[i] |= 1 << k,
                    None => {
                        index.insert(p.clone(), pats.len());
                        pats.push(p);
                        owners.push(1 << k);
                    }
                }
            }
        }
        if pats.is_empty() {
            return Ok(BulletPhrases { ac: None, owners });
        }
        let ac = phrase_automaton(&pats)?;
        Ok(BulletPhrases {
            ac: Some(ac),
            owners,
        })
    }

    /// Every list's matches in `text`, as each list's `find_iter` gives them.
    pub fn scan(&self, text: &str) -> PhraseHits {
        let mut hits = PhraseHits::default();
        let Some(ac) = &self.ac else {
            return hits;
        };
        if needs_folding(text) {
            let (folded, map) = fold_whitespace(text);
            let mut hits = self.scan(&folded);
            for list in &mut hits.lists {
                for r in list.iter_mut() {
                    *r = unfold(&map, r.clone());
                }
            }
            return hits;
        }
        let bytes = text.as_bytes();
        ac.for_each(bytes, |p, r| {
            if !on_word_boundaries(bytes, &r) {
                return;
            }
            let owners = self.owners[p];
            for list in PhraseList::ALL {
                if owners & (1 << list as u8) != 0 {
                    hits.lists[list as usize].push(r.clone());
                }
            }
        });
        for list in &mut hits.lists {
            if list.len() > 1 {
                *list = leftmost_longest(std::mem::take(list));
            }
        }
        hits
    }
}

/// The matcher of a phrase list, case-insensitive for ASCII: every
/// occurrence, overlapping; leftmost-longest is applied after the boundary
/// check.
fn phrase_automaton(pats: &[String]) -> Result<LiteralSet, String> {
    LiteralSet::new(pats)
}

/// A phrase as the sets store it: single spaces, lower case.
fn normalize_phrase(p: &str) -> String {
    p.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Whether a text has whitespace other than single spaces, which phrases
/// (stored with single spaces) can only match through a folded copy.
fn needs_folding(text: &str) -> bool {
    let mut prev_space = false;
    for b in text.bytes() {
        let space = b.is_ascii_whitespace();
        if space && (prev_space || b != b' ') {
            return true;
        }
        prev_space = space;
    }
    false
}

/// Whether a match sits on word boundaries: a phrase that starts or ends
/// with a word character needs a non-word neighbour there ("%" needs none).
fn on_word_boundaries(bytes: &[u8], r: &std::ops::Range<usize>) -> bool {
    let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80;
    let before = r.start.checked_sub(1).map(|i| bytes[i]);
    let after = bytes.get(r.end).copied();
    let open = is_word(bytes[r.start]) && before.is_some_and(is_word);
    let close = is_word(bytes[r.end - 1]) && after.is_some_and(is_word);
    !(open || close)
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

    /// The embedded lexicon with `from` replaced by `to` (which must occur).
    fn edited(from: &str, to: &str) -> String {
        assert!(DEFAULT_LEXICON.contains(from), "{from}");
        DEFAULT_LEXICON.replacen(from, to, 1)
    }

    /// The embedded lexicon's patterns wait for first use; they compile,
    /// and match what they name.
    #[test]
    fn embedded_level_patterns_compile_when_first_used() {
        let lex = Lexicon::parse_with(DEFAULT_LEXICON, "embedded", true).expect("lexicon");
        let all = [
            &lex.studying,
            &lex.studying_statements,
            &lex.studying_in_education,
            &lex.education_programs,
        ];
        assert!(
            all.iter()
                .all(|p| p.0.as_ref().is_some_and(|l| l.regex.get().is_none()))
        );
        lex.compile_patterns();
        assert!(
            all.iter()
                .all(|p| p.0.as_ref().is_some_and(|l| l.regex.get().is_some()))
        );
        // A lexicon file's compile when loaded.
        let file = Lexicon::parse(DEFAULT_LEXICON, "file").expect("lexicon");
        assert!(
            file.studying
                .0
                .as_ref()
                .is_some_and(|l| l.regex.get().is_some())
        );
    }

    #[test]
    fn date_words_are_validated_where_they_are_loaded() {
        let lex = Lexicon::embedded();
        assert!(lex.present_words.iter().any(|w| w == "aujourd'hui"));
        assert!(lex.month_names.contains(&("märz".to_string(), 3)));
        assert!(lex.is_document_title("Curriculum Vitae: Jane Doe"));
        assert!(!lex.is_document_title("Resumed the project"));
        // A word the date grammar cannot take as a literal.
        let bad = edited(
            r#"present = [
  "present","#,
            r#"present = [
  "pre(sent","#,
        );
        let err = Lexicon::parse(&bad, "x.toml").unwrap_err().to_string();
        assert!(
            err.contains("dates.present") && err.contains("pre(sent"),
            "{err}"
        );
        // Eleven months, and one name in two months.
        let short = edited(
            "  [\"may\", \"mai\", \"mayo\", \"maggio\", \"maio\", \"mei\"],\n",
            "",
        );
        let err = Lexicon::parse(&short, "x.toml").unwrap_err().to_string();
        assert!(err.contains("dates.months"), "{err}");
        let twice = edited(r#"["jun", "june","#, r#"["jun", "may", "june","#);
        let err = Lexicon::parse(&twice, "x.toml").unwrap_err().to_string();
        assert!(err.contains("\"may\" is in month 5 and month 6"), "{err}");
        // A common month that is no month.
        let stray = edited(r#""oct", "october", "nov","#, r#""oct", "octopus", "nov","#);
        let err = Lexicon::parse(&stray, "x.toml").unwrap_err().to_string();
        assert!(
            err.contains("dates.common-months: \"octopus\" is not one of dates.months"),
            "{err}"
        );
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

    #[test]
    fn a_bad_level_pattern_names_its_key_and_pattern() {
        let text = DEFAULT_LEXICON.replace("'\\(expected\\)',", "'(expected',");
        assert_ne!(
            text, DEFAULT_LEXICON,
            "the pattern to break is in the lexicon"
        );
        let msg = Lexicon::parse(&text, "lex.toml").unwrap_err().to_string();
        assert!(msg.contains("lex.toml"), "{msg}");
        assert!(msg.contains("levels.studying: '(expected'"), "{msg}");
    }

    #[test]
    fn one_pass_scan_agrees_with_each_list() {
        let lex = Lexicon::embedded();
        let file: LexiconFile = toml::from_str(DEFAULT_LEXICON).unwrap();
        let own_set = |words: &[String]| PhraseSet::new(words).unwrap();
        let each = [
            (
                PhraseList::Multiplier,
                own_set(&file.metrics.multiplier_words),
            ),
            (PhraseList::Number, own_set(&file.metrics.number_words)),
            (PhraseList::Idiom, own_set(&file.vague.idioms)),
            (PhraseList::Vague, own_set(&file.vague.quantifiers)),
            (PhraseList::Superlative, own_set(&file.proof.superlatives)),
        ];
        let mut total = 0;
        for text in [
            "Doubled revenue and tripled the many various users",
            "Significantly  improved\tthe best-in-class world-class pipeline",
            "wore many hats; a lot of dozens of teams, hundreds of services",
            "Misled nobody: twice as fast, the most innovative of several",
            "",
        ] {
            let hits = lex.bullet_phrases.scan(text);
            for (list, set) in &each {
                let alone: Vec<std::ops::Range<usize>> = set.find_iter(text).collect();
                assert_eq!(hits.get(*list), alone.as_slice(), "{list:?} in {text:?}");
                total += alone.len();
            }
        }
        assert!(total >= 8, "the texts exercise the lists: {total} matches");
    }

    #[test]
    fn bounded_normalization_stops_only_where_the_result_is_too_long() {
        let texts = [
            "## WORK EXPERIENCE:",
            "E X P E R I E N C E",
            "É D U C A T I O N ----",
            "Skills -----",
            "Built the ranking service for 30 teams across the company",
            "ΣΟΦΙΑ Σ",
            "",
        ];
        for t in texts {
            let whole = normalize_heading(t);
            for max in 0..40 {
                let expected = (whole.len() <= max).then(|| whole.clone());
                assert_eq!(
                    normalize_heading_within(t, max),
                    expected,
                    "{t:?} within {max}"
                );
            }
        }
    }

    #[test]
    fn grouped_lists_match_as_each_list_alone() {
        let lists: Vec<Vec<String>> = [
            &["senior", "sr", "sr."][..],
            &["senior staff", "staff engineer", "l6"],
            &["principal", "senior principal"],
        ]
        .iter()
        .map(|l| l.iter().map(|s| s.to_string()).collect())
        .collect();
        let groups = PhraseGroups::new(&lists).unwrap();
        let mut total = 0;
        for text in [
            "Senior Staff Engineer (L6), then Senior  Principal",
            "Sr. Data Scientist; misled seniors; XL6",
            "",
        ] {
            let found = groups.find_all(text);
            let mut alone = Vec::new();
            for (i, list) in lists.iter().enumerate() {
                let set = PhraseSet::new(list).unwrap();
                alone.extend(set.find_iter(text).map(|r| (i, r)));
            }
            assert_eq!(found, alone, "{text:?}");
            total += alone.len();
        }
        // Overlaps across lists are kept: "senior" and "senior staff".
        assert!(total >= 6, "the texts exercise the lists: {total} matches");
    }

    #[test]
    fn a_phrase_starts_a_text_whatever_the_whitespace_inside_it() {
        let s = set(&["responsible for", "was responsible for", "helped"]);
        let text = format!("Responsible{}for the platform", " ".repeat(40));
        assert_eq!(
            s.find_at_start(&text),
            Some(0..text.find("for").unwrap() + 3)
        );
        assert_eq!(s.find_at_start("  Helped ship it"), Some(2..8));
        // Near misses: not at the start, not a whole word.
        assert_eq!(s.find_at_start("I helped ship it"), None);
        assert_eq!(s.find_at_start("Helpedness"), None);
    }
}
