//! Level rubrics: one TOML file per track naming the levels in order, the
//! scope each expects, the phrases that evidence scope and leadership, and
//! the thresholds. Bundled tracks are embedded; a coach's file replaces one.

use std::fmt;
use std::sync::{Arc, OnceLock};

use serde::Deserialize;
use toml::Spanned;

use crate::error::DataError;
use crate::gate::{GateError, GatedSet, Members};
use crate::lexicon::{PhraseGroups, PhraseSet};

/// The bundled tracks: (id, TOML source).
pub const BUNDLED: &[(&str, &str)] = &[
    (
        "ml-engineer",
        include_str!("../rubrics/tracks/ml-engineer.toml"),
    ),
    (
        "software-engineer",
        include_str!("../rubrics/tracks/software-engineer.toml"),
    ),
    (
        "data-scientist",
        include_str!("../rubrics/tracks/data-scientist.toml"),
    ),
];

pub const DEFAULT_TRACK: &str = "ml-engineer";

/// Scope tiers, narrowest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum ScopeTier {
    #[default]
    Task,
    Feature,
    Team,
    CrossTeam,
    Organization,
    Industry,
}

impl ScopeTier {
    pub const ALL: [ScopeTier; 6] = [
        ScopeTier::Task,
        ScopeTier::Feature,
        ScopeTier::Team,
        ScopeTier::CrossTeam,
        ScopeTier::Organization,
        ScopeTier::Industry,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ScopeTier::Task => "task",
            ScopeTier::Feature => "feature",
            ScopeTier::Team => "team",
            ScopeTier::CrossTeam => "cross-team",
            ScopeTier::Organization => "organization",
            ScopeTier::Industry => "industry",
        }
    }
}

impl fmt::Display for ScopeTier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Kinds of leadership a bullet can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Leadership {
    Leading,
    Owning,
    Direction,
    Mentoring,
}

impl Leadership {
    pub const ALL: [Leadership; 4] = [
        Leadership::Leading,
        Leadership::Owning,
        Leadership::Direction,
        Leadership::Mentoring,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Leadership::Leading => "leading people",
            Leadership::Owning => "owning systems",
            Leadership::Direction => "setting direction",
            Leadership::Mentoring => "mentoring",
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RubricFile {
    track: TrackFile,
    levels: Vec<LevelFile>,
    scope: ScopeFile,
    leadership: LeadershipFile,
    language: LanguageFile,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct TrackFile {
    id: String,
    name: String,
    #[serde(default)]
    description: String,
    recent_years: Spanned<i64>,
    /// Optional: how far past the latest date a document names an open
    /// ("present") role is counted (level inference).
    #[serde(default)]
    open_role_grace_years: Option<f64>,
    /// Optional: how old the latest date must be for the grace to apply.
    #[serde(default)]
    old_document_years: Option<f64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct LevelFile {
    id: Spanned<String>,
    name: String,
    aliases: Vec<Spanned<String>>,
    scope: Spanned<ScopeTier>,
    min_quantified: Spanned<f64>,
    expects_leadership: bool,
    /// Optional: years of roles a level usually takes (level inference).
    #[serde(default)]
    min_years: Option<f64>,
}

type Patterns = Vec<Spanned<String>>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct ScopeFile {
    #[serde(default)]
    feature: Patterns,
    #[serde(default)]
    team: Patterns,
    #[serde(default)]
    cross_team: Patterns,
    #[serde(default)]
    organization: Patterns,
    #[serde(default)]
    industry: Patterns,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct LeadershipFile {
    #[serde(default)]
    leading: Patterns,
    #[serde(default)]
    owning: Patterns,
    #[serde(default)]
    direction: Patterns,
    #[serde(default)]
    mentoring: Patterns,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct LanguageFile {
    weak_openers: Vec<String>,
}

/// One level of a track.
#[derive(Debug)]
pub struct Level {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub scope: ScopeTier,
    pub min_quantified: f64,
    pub expects_leadership: bool,
    /// Years of roles the level usually takes; none: not used.
    pub min_years: Option<f64>,
}

/// A compiled, validated rubric.
#[derive(Debug)]
pub struct Rubric {
    pub id: String,
    pub name: String,
    pub description: String,
    pub recent_years: u32,
    /// How far past the latest date a document names its "present" runs:
    /// an old document read today is judged as of when it was written.
    /// `None` counts "present" to today.
    pub open_role_grace_years: Option<f64>,
    /// A document whose latest date is more than this many years back is
    /// old (its "present" runs to the grace); 0 when not set.
    pub old_document_years: f64,
    pub levels: Vec<Level>,
    /// Every level's aliases, one list per level.
    aliases: PhraseGroups,
    /// The scope and leadership patterns, grouped by what they evidence.
    signals: SignalSet,
    pub weak_openers: PhraseSet,
    /// Where the rubric came from (a path or `bundled:ID`).
    pub origin: String,
}

/// Each bundled track is compiled on first use, and only that one.
static EMBEDDED: [OnceLock<Arc<Rubric>>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];

impl Rubric {
    /// A bundled track by id.
    pub fn bundled(id: &str) -> Option<Arc<Rubric>> {
        BUNDLED.iter().position(|(t, _)| *t == id).map(|i| {
            let (id, src) = BUNDLED[i];
            Arc::clone(EMBEDDED[i].get_or_init(|| {
                Arc::new(
                    Rubric::parse_with(src, &format!("bundled:{id}"), true)
                        .expect("bundled rubric"),
                )
            }))
        })
    }

    /// The bundled track's TOML source.
    pub fn bundled_source(id: &str) -> Option<&'static str> {
        BUNDLED.iter().find(|(t, _)| *t == id).map(|(_, s)| *s)
    }

    /// Parses and validates a rubric file, compiling every pattern.
    pub fn parse(text: &str, origin: &str) -> Result<Rubric, DataError> {
        Rubric::parse_with(text, origin, false)
    }

    /// `lazy`: patterns compile on first use (the bundled tracks).
    fn parse_with(text: &str, origin: &str, lazy: bool) -> Result<Rubric, DataError> {
        let file: RubricFile =
            toml::from_str(text).map_err(|e| DataError::toml(origin, text, &e))?;
        let line_of = |span: std::ops::Range<usize>| {
            text[..span.start.min(text.len())].matches('\n').count() + 1
        };
        let err = |span: std::ops::Range<usize>, key: &str, msg: String| {
            DataError::at(origin, line_of(span), format!("{key}: {msg}"))
        };

        let years = *file.track.recent_years.get_ref();
        if !(1..=30).contains(&years) {
            return Err(err(
                file.track.recent_years.span(),
                "track.recent-years",
                format!("{years} is out of range (1 to 30)"),
            ));
        }
        if file.levels.is_empty() {
            return Err(DataError::plain(
                origin,
                "levels: a rubric needs at least one [[levels]] entry",
            ));
        }
        let mut levels: Vec<Level> = Vec::new();
        let mut seen_aliases: Vec<(String, String)> = Vec::new();
        for (i, l) in file.levels.into_iter().enumerate() {
            let key = format!("levels[{i}]");
            let id = l.id.get_ref().trim().to_lowercase();
            if id.is_empty() {
                return Err(err(
                    l.id.span(),
                    &format!("{key}.id"),
                    "must not be empty".into(),
                ));
            }
            if levels.iter().any(|x| x.id == id) {
                return Err(err(
                    l.id.span(),
                    &format!("{key}.id"),
                    format!("duplicate level id '{id}'"),
                ));
            }
            let q = *l.min_quantified.get_ref();
            if !(0.0..=1.0).contains(&q) {
                return Err(err(
                    l.min_quantified.span(),
                    &format!("{key}.min-quantified"),
                    format!("{q} is out of range (0.0 to 1.0)"),
                ));
            }
            if let Some(prev) = levels.last() {
                if *l.scope.get_ref() < prev.scope {
                    return Err(err(
                        l.scope.span(),
                        &format!("{key}.scope"),
                        format!(
                            "'{}' is narrower than the previous level's '{}'; levels go in ascending order",
                            l.scope.get_ref(),
                            prev.scope
                        ),
                    ));
                }
                if q < prev.min_quantified {
                    return Err(err(
                        l.min_quantified.span(),
                        &format!("{key}.min-quantified"),
                        format!(
                            "{q} is below the previous level's {}; levels go in ascending order",
                            prev.min_quantified
                        ),
                    ));
                }
            }
            // The id is matched by `level()`, not in titles: "staff" or
            // "principal" alone have other meanings there.
            let mut aliases: Vec<String> = Vec::new();
            for a in &l.aliases {
                let alias = a.get_ref().trim().to_lowercase();
                if alias.is_empty() {
                    return Err(err(
                        a.span(),
                        &format!("{key}.aliases"),
                        "an alias must not be empty".into(),
                    ));
                }
                if let Some((_, owner)) = seen_aliases.iter().find(|(x, _)| *x == alias) {
                    return Err(err(
                        a.span(),
                        &format!("{key}.aliases"),
                        format!("alias '{alias}' is already used by level '{owner}'"),
                    ));
                }
                seen_aliases.push((alias.clone(), id.clone()));
                if !aliases.contains(&alias) {
                    aliases.push(alias);
                }
            }
            levels.push(Level {
                id,
                name: l.name,
                aliases,
                scope: *l.scope.get_ref(),
                min_quantified: q,
                expects_leadership: l.expects_leadership,
                min_years: l.min_years.filter(|y| y.is_finite() && *y >= 0.0),
            });
        }
        // One regex per pattern, gated by its literals (one automaton for
        // them all determinised far too many states; see bench/README.md).
        let s = &file.scope;
        let ld = &file.leadership;
        let groups: [(&str, &Patterns, Signal); 9] = [
            (
                "scope.feature",
                &s.feature,
                Signal::Scope(ScopeTier::Feature),
            ),
            ("scope.team", &s.team, Signal::Scope(ScopeTier::Team)),
            (
                "scope.cross-team",
                &s.cross_team,
                Signal::Scope(ScopeTier::CrossTeam),
            ),
            (
                "scope.organization",
                &s.organization,
                Signal::Scope(ScopeTier::Organization),
            ),
            (
                "scope.industry",
                &s.industry,
                Signal::Scope(ScopeTier::Industry),
            ),
            (
                "leadership.leading",
                &ld.leading,
                Signal::Lead(Leadership::Leading),
            ),
            (
                "leadership.owning",
                &ld.owning,
                Signal::Lead(Leadership::Owning),
            ),
            (
                "leadership.direction",
                &ld.direction,
                Signal::Lead(Leadership::Direction),
            ),
            (
                "leadership.mentoring",
                &ld.mentoring,
                Signal::Lead(Leadership::Mentoring),
            ),
        ];
        let tagged: Vec<(&str, &Spanned<String>, Signal)> = groups
            .iter()
            .flat_map(|(key, pats, sig)| pats.iter().map(move |p| (*key, p, *sig)))
            .collect();
        let sources: Vec<(&str, Signal)> = tagged
            .iter()
            .map(|(_, p, sig)| (p.get_ref().as_str(), *sig))
            .collect();
        let name_culprit = |e: GateError| match e.pattern {
            Some(i) => {
                let (key, p, _) = tagged[i];
                err(
                    p.span(),
                    key,
                    format!("invalid regex: {}", first_line(&e.message)),
                )
            }
            None => DataError::plain(origin, format!("scope/leadership: {}", e.message)),
        };
        let signals = SignalSet::new(&sources).map_err(name_culprit)?;
        // A file someone wrote is compiled whole now, so a pattern over the
        // size limit is reported with its line before any document is read.
        // The bundled tracks are tested to compile; theirs wait for use.
        if !lazy {
            signals.patterns.compile_all().map_err(name_culprit)?;
        }
        let lists: Vec<Vec<String>> = levels.iter().map(|l| l.aliases.clone()).collect();
        let aliases = PhraseGroups::new(&lists)
            .map_err(|e| DataError::plain(origin, format!("levels.aliases: {e}")))?;
        let weak_openers = PhraseSet::new(&file.language.weak_openers)
            .map_err(|e| DataError::plain(origin, format!("language.weak-openers: {e}")))?;
        Ok(Rubric {
            id: file.track.id,
            name: file.track.name,
            description: file.track.description,
            recent_years: years as u32,
            open_role_grace_years: file
                .track
                .open_role_grace_years
                .filter(|y| y.is_finite() && *y >= 0.0),
            old_document_years: file
                .track
                .old_document_years
                .filter(|y| y.is_finite() && *y >= 0.0)
                .unwrap_or(0.0),
            levels,
            aliases,
            signals,
            weak_openers,
            origin: origin.to_string(),
        })
    }

    /// A level by id or alias ("staff", "L6", "Sr.").
    pub fn level(&self, name: &str) -> Option<usize> {
        let n = name.trim().to_lowercase();
        self.levels
            .iter()
            .position(|l| l.id == n || l.aliases.contains(&n))
    }

    /// Every level whose alias appears in `text`, as (level index, byte range).
    pub fn levels_in(&self, text: &str) -> Vec<(usize, std::ops::Range<usize>)> {
        // "XL6" is no level, nor is "v1.l6": an alias after a dot does not
        // count.
        let mut out: Vec<_> = self
            .aliases
            .find_all(text)
            .into_iter()
            .filter(|(_, r)| !text[..r.start].ends_with('.'))
            .collect();
        out.sort_by_key(|(_, r)| r.start);
        out
    }

    /// Scans a document's raw text line by line as its bullets (a line
    /// that starts with a list marker) and summary (any other) will be
    /// scanned, so that the patterns those scans reach are compiled when
    /// the document's own scan comes; says how many are compiled by now.
    /// A second thread does this while the first extracts the document.
    pub fn prepare_for(&self, text: &str) -> usize {
        for line in text.lines() {
            let t = line.trim_start();
            let bullet = t.starts_with(['-', '*', '+', '•', '▪', '●', '◦', '■', '►', '–'])
                || t.split_once(['.', ')']).is_some_and(|(n, _)| {
                    !n.is_empty() && n.len() <= 2 && n.bytes().all(|b| b.is_ascii_digit())
                });
            if bullet {
                self.signals_in(line);
            } else {
                self.scope_of(line);
            }
        }
        self.signals.patterns.compiled()
    }

    /// The widest scope tier a text evidences (task when none).
    pub fn scope_of(&self, text: &str) -> ScopeTier {
        self.signals.scan(text, false).scope
    }

    /// Scope and leadership of a text.
    pub fn signals_in(&self, text: &str) -> Signals {
        self.signals.scan(text, true)
    }

    /// [`Rubric::signals_in`] with the phrase behind each signal, so that a
    /// reader can see why (`storyline extract`); slower, as each phrase is
    /// found by a regex of its own.
    pub fn explain(&self, text: &str) -> Explained {
        self.signals.explain(text)
    }
}

/// What a text evidences, and where: the widest scope tier (none when no
/// pattern matches, which reads as task) and each kind of leadership, each
/// with the span of the first phrase showing it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Explained {
    pub scope: Option<(ScopeTier, std::ops::Range<usize>)>,
    pub leadership: Vec<(Leadership, std::ops::Range<usize>)>,
}

/// What a rubric pattern evidences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Signal {
    Scope(ScopeTier),
    Lead(Leadership),
}

/// The scope tier and leadership kinds found in one text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Signals {
    pub scope: ScopeTier,
    /// One bit per `Leadership` kind, in declaration order.
    lead: u8,
}

impl Signals {
    /// The kinds of leadership shown, in declaration order.
    pub fn leadership(self) -> impl Iterator<Item = Leadership> {
        Leadership::ALL
            .into_iter()
            .filter(move |k| self.lead & (1 << *k as u8) != 0)
    }
}

/// A rubric's patterns, grouped by what they evidence.
#[derive(Debug)]
struct SignalSet {
    /// Every pattern, gated by its literals and compiled on first use.
    patterns: GatedSet,
    /// Per scope tier (widest first) and leadership kind, its patterns
    /// among `patterns`.
    groups: Vec<(Signal, Members)>,
}

impl SignalSet {
    /// Fails with the index of the first pattern that does not parse.
    fn new(tagged: &[(&str, Signal)]) -> Result<Self, GateError> {
        let sources: Vec<&str> = tagged.iter().map(|(p, _)| *p).collect();
        let patterns = GatedSet::new(&sources)?;
        let mut signals: Vec<Signal> = tagged.iter().map(|(_, s)| *s).collect();
        signals.sort_by_key(|s| std::cmp::Reverse(*s));
        signals.dedup();
        let groups = signals
            .into_iter()
            .map(|sig| {
                let members: Vec<usize> =
                    (0..tagged.len()).filter(|&i| tagged[i].1 == sig).collect();
                (sig, patterns.members(&members))
            })
            .collect();
        Ok(SignalSet { patterns, groups })
    }

    /// What `text` evidences; leadership only when asked for.
    fn scan(&self, text: &str, leadership: bool) -> Signals {
        let mut out = Signals::default();
        let candidates = self.patterns.candidates(text);
        let any = |members: &Members| self.patterns.any_match(members, text, &candidates);
        for (sig, members) in &self.groups {
            match *sig {
                // Widest tier first: the first that matches is the scope.
                Signal::Scope(tier) if out.scope == ScopeTier::Task => {
                    if any(members) {
                        out.scope = tier;
                    }
                }
                Signal::Scope(_) => {}
                Signal::Lead(kind) => {
                    if leadership && any(members) {
                        out.lead |= 1 << kind as u8;
                    }
                }
            }
        }
        out
    }
}

impl SignalSet {
    fn explain(&self, text: &str) -> Explained {
        let mut out = Explained::default();
        let candidates = self.patterns.candidates(text);
        for (sig, members) in &self.groups {
            if matches!(sig, Signal::Scope(_)) && out.scope.is_some() {
                continue;
            }
            let Some(i) = self.patterns.first_match(members, text, &candidates) else {
                continue;
            };
            let span = span_of(self.patterns.source(i), text);
            match *sig {
                Signal::Scope(tier) => out.scope = Some((tier, span)),
                Signal::Lead(kind) => out.leadership.push((kind, span)),
            }
        }
        out
    }
}

/// Where `pattern` (which matched `text` case-insensitively) matches it; the
/// whole text if it cannot be found again.
fn span_of(pattern: &str, text: &str) -> std::ops::Range<usize> {
    crate::pattern::compile(&format!("(?i:{pattern})"))
        .ok()
        .and_then(|re| re.find(text).map(|m| m.range()))
        .unwrap_or(0..text.len())
}

fn first_line(s: &str) -> &str {
    s.lines().last().unwrap_or(s).trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = include_str!("../rubrics/tracks/ml-engineer.toml");

    fn err(src: &str) -> DataError {
        Rubric::parse(src, "coach.toml").expect_err("must be rejected")
    }

    fn line_of(src: &str, needle: &str) -> usize {
        src[..src.find(needle).expect(needle)].matches('\n').count() + 1
    }

    #[test]
    fn preparing_a_text_compiles_what_scanning_it_reaches() {
        let r = Rubric::parse_with(SRC, "t", true).expect("rubric");
        assert_eq!(r.signals.patterns.compiled(), 0, "nothing compiles at load");
        let bullet = "- Led a team of 4 engineers that rebuilt the training pipeline";
        let n = r.prepare_for(bullet);
        assert!(n > 0, "a bullet with gate literals compiles patterns");
        // Scanning the same bullet afterwards compiles nothing more.
        let signals = r.signals_in(bullet);
        assert_eq!(r.signals.patterns.compiled(), n);
        assert!(signals.leadership().count() > 0, "{signals:?}");
    }

    #[test]
    fn bundled_tracks_load_with_ordered_levels() {
        for (id, src) in BUNDLED {
            // Every pattern compiles: the bundled tracks' wait for first use.
            Rubric::parse(src, id).expect(id);
            let r = Rubric::bundled(id).expect(id);
            let ids: Vec<&str> = r.levels.iter().map(|l| l.id.as_str()).collect();
            for required in ["junior", "mid", "senior", "staff", "principal"] {
                assert!(ids.contains(&required), "{id} lacks {required}");
            }
            assert!(r.levels.windows(2).all(|w| w[0].scope <= w[1].scope));
        }
        assert!(Rubric::bundled("astronaut").is_none());
    }

    #[test]
    fn aliases_resolve_levels() {
        let r = Rubric::bundled("ml-engineer").unwrap();
        let id = |s: &str| r.level(s).map(|i| r.levels[i].id.as_str());
        assert_eq!(id("staff"), Some("staff"));
        assert_eq!(id("L5"), Some("senior"));
        assert_eq!(id("Sr."), Some("senior"));
        assert_eq!(id("E6"), Some("staff"));
        assert_eq!(id("wizard"), None);
        // In titles: "Member of Technical Staff" names no level.
        assert!(r.levels_in("Member of Technical Staff").is_empty());
        assert!(!r.levels_in("Sr. Data Scientist").is_empty());
    }

    #[test]
    fn unknown_key_is_rejected_with_line() {
        let src = SRC.replacen("recent-years = 5", "recent-years = 5\nrecent-yaers = 3", 1);
        let e = err(&src);
        assert_eq!(e.line, Some(line_of(&src, "recent-yaers")));
        assert!(e.message.contains("recent-yaers"), "{e}");
    }

    #[test]
    fn duplicate_level_is_rejected() {
        let src = SRC.replacen("id = \"mid\"", "id = \"junior\"", 1);
        let e = err(&src);
        assert_eq!(
            e.to_string(),
            format!(
                "coach.toml: line {}: levels[1].id: duplicate level id 'junior'",
                line_of(&src, "id = \"junior\"\nname = \"Mid")
            )
        );
    }

    #[test]
    fn alias_used_twice_is_rejected() {
        let src = SRC.replacen("\"mid-level\",", "\"mid-level\", \"jr\",", 1);
        let e = err(&src);
        assert!(
            e.message
                .contains("alias 'jr' is already used by level 'junior'"),
            "{e}"
        );
        assert_eq!(e.line, Some(line_of(&src, "\"mid-level\", \"jr\"")));
    }

    #[test]
    fn bad_regex_is_rejected_with_its_line() {
        let src = SRC.replacen("'\\bcross[- ]team\\b',", "'\\bcross[- team\\b',", 1);
        let e = err(&src);
        assert!(
            e.message.starts_with("scope.cross-team: invalid regex"),
            "{e}"
        );
        assert_eq!(e.line, Some(line_of(&src, "cross[- team")));
    }

    #[test]
    fn thresholds_out_of_range_are_rejected() {
        let src = SRC.replacen("min-quantified = 0.25", "min-quantified = 1.5", 1);
        let e = err(&src);
        assert!(
            e.message
                .contains("levels[0].min-quantified: 1.5 is out of range"),
            "{e}"
        );
        let src = SRC.replacen("recent-years = 5", "recent-years = 0", 1);
        assert!(
            err(&src)
                .message
                .contains("track.recent-years: 0 is out of range")
        );
        let src = SRC.replacen("scope = \"feature\"", "scope = \"galaxy\"", 1);
        let e = err(&src);
        assert!(e.message.contains("galaxy"), "{e}");
        assert_eq!(e.line, Some(line_of(&src, "\"galaxy\"")));
    }

    #[test]
    fn decreasing_scope_is_rejected() {
        let src = SRC.replacen("scope = \"team\"", "scope = \"task\"", 1);
        let e = err(&src);
        assert!(
            e.message.contains(
                "levels[2].scope: 'task' is narrower than the previous level's 'feature'"
            ),
            "{e}"
        );
    }
}
