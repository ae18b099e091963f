//! The built-in regular expressions' compiler.
//!
//! Word boundaries are ASCII (`\b` is compiled as `(?-u:\b)`): a Unicode
//! word boundary makes the lazy DFA give up at the first non-ASCII byte and
//! fall back to the much slower PikeVM, and resumes are full of "–", "•",
//! "’" and accented names. Digits are ASCII too (`\d` as `[0-9]`): the
//! Unicode digit class was most of a date pattern's compile time.
//!
//! What that changes, accepted: a year right before a CJK character
//! ("2020年") is a year, a figure in full-width digits ("４０%") is not a
//! figure, and a keyword after an accented letter can match ("Hôtel:"),
//! which is why contact labels are checked for a letter before them in
//! code (a Unicode `\b` there cost an eighth of a batch). Patterns
//! given here must not use `\b{start}`-style boundaries, nor brackets in
//! `(?x)` comments (the rewrite tracks character classes by brackets).

use std::sync::atomic::{AtomicBool, Ordering};

use aho_corasick::AhoCorasickKind;
use regex_automata::meta;

mod nfa;

/// Whether the run searches many documents; see [`expect_many_documents`].
static MANY_DOCUMENTS: AtomicBool = AtomicBool::new(false);

/// Tells the automata and regexes built from now on that the run will
/// search many documents (or one large one), so they are built for search
/// speed rather than build speed: Aho-Corasick DFAs (a 962-resume batch
/// takes a tenth less CPU) instead of literal tables (built in
/// microseconds), and regexes with literal prefilters and lazy DFAs
/// instead of the NFA simulations alone. Building is most of a one-file
/// run: prefilters were a third of the extractors' compile time, and the
/// lazy DFAs' reverse automata a tenth of the run; an NFA simulation
/// searches a resume's few kilobytes in well under a millisecond, and
/// 256 KiB at half a DFA's speed.
pub fn expect_many_documents() {
    MANY_DOCUMENTS.store(true, Ordering::Relaxed);
}

/// The Aho-Corasick kind for an automaton of `pattern_bytes` bytes of
/// phrases or literals, or none when the run is of one document and a
/// table that builds in microseconds will do ([`crate::literals`]). The
/// bundled lists are a few kilobytes; a very long list (a coach's own
/// lexicon, say) is an NFA either way: a DFA's memory grows with the
/// patterns times the alphabet, and the table's search with the literals
/// that share a prefix.
pub fn automaton_kind(pattern_bytes: usize) -> Option<AhoCorasickKind> {
    const SMALL: usize = 16 << 10;
    match (many_documents(), pattern_bytes <= SMALL) {
        (true, true) => Some(AhoCorasickKind::DFA),
        (false, true) => None,
        (_, false) => Some(AhoCorasickKind::ContiguousNFA),
    }
}

pub(crate) fn many_documents() -> bool {
    MANY_DOCUMENTS.load(Ordering::Relaxed)
}

/// Compiles `pattern` with ASCII word boundaries and digits.
pub fn compile(pattern: &str) -> Result<Regex, String> {
    build(pattern, many_documents())
}

fn build(pattern: &str, with_prefilters: bool) -> Result<Regex, String> {
    let pattern = ascii_classes(pattern);
    let engine = if with_prefilters {
        Engine::Full(regex::Regex::new(&pattern).map_err(|e| e.to_string())?)
    } else {
        Engine::Lean(nfa::NfaRegex::new(&pattern)?)
    };
    Ok(Regex { engine })
}

/// What went wrong building a `meta` regex: the parser's own message
/// (with the position) when it is a syntax error.
pub fn build_error(e: &meta::BuildError) -> String {
    match (e.syntax_error(), e.size_limit()) {
        (Some(syntax), _) => syntax.to_string(),
        (None, Some(limit)) => {
            format!("the compiled pattern exceeds the size limit of {limit} bytes")
        }
        (None, None) => e.to_string(),
    }
}

/// A built-in regex: `regex::Regex` for a batch, and for one file the NFA
/// engines alone ([`nfa`]; see [`expect_many_documents`]). Both find the
/// same matches.
#[derive(Debug)]
pub struct Regex {
    engine: Engine,
}

#[derive(Debug)]
enum Engine {
    Full(regex::Regex),
    Lean(nfa::NfaRegex),
}

/// A match: its text and byte range in the haystack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match<'h> {
    hay: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Match<'h> {
    fn new(hay: &'h str, range: std::ops::Range<usize>) -> Self {
        Match {
            hay,
            start: range.start,
            end: range.end,
        }
    }

    pub fn start(&self) -> usize {
        self.start
    }

    pub fn end(&self) -> usize {
        self.end
    }

    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    pub fn as_str(&self) -> &'h str {
        &self.hay[self.start..self.end]
    }
}

/// A match's groups, by index or name.
#[derive(Debug)]
pub struct Captures<'h> {
    hay: &'h str,
    groups: Groups<'h>,
}

#[derive(Debug)]
enum Groups<'h> {
    Full(regex::Captures<'h>),
    Lean(regex_automata::util::captures::Captures),
}

impl<'h> Captures<'h> {
    pub fn get(&self, i: usize) -> Option<Match<'h>> {
        let range = match &self.groups {
            Groups::Full(c) => c.get(i).map(|m| m.range()),
            Groups::Lean(c) => c.get_group(i).map(|s| s.range()),
        };
        range.map(|r| Match::new(self.hay, r))
    }

    pub fn name(&self, name: &str) -> Option<Match<'h>> {
        let range = match &self.groups {
            Groups::Full(c) => c.name(name).map(|m| m.range()),
            Groups::Lean(c) => c.get_group_by_name(name).map(|s| s.range()),
        };
        range.map(|r| Match::new(self.hay, r))
    }
}

/// `&caps[1]`: the group's text; panics when it did not take part, as
/// `regex::Captures` does.
impl std::ops::Index<usize> for Captures<'_> {
    type Output = str;

    fn index(&self, i: usize) -> &str {
        self.get(i)
            .map(|m| m.as_str())
            .unwrap_or_else(|| panic!("no group at index {i}"))
    }
}

/// `&caps["name"]`, likewise.
impl std::ops::Index<&str> for Captures<'_> {
    type Output = str;

    fn index(&self, name: &str) -> &str {
        self.name(name)
            .map(|m| m.as_str())
            .unwrap_or_else(|| panic!("no group named {name}"))
    }
}

impl Regex {
    pub fn is_match(&self, hay: &str) -> bool {
        match &self.engine {
            Engine::Full(re) => re.is_match(hay),
            Engine::Lean(re) => re.is_match(hay),
        }
    }

    pub fn find<'h>(&self, hay: &'h str) -> Option<Match<'h>> {
        match &self.engine {
            Engine::Full(re) => re.find(hay).map(|m| Match::new(hay, m.range())),
            Engine::Lean(re) => re.find(hay).map(|r| Match::new(hay, r)),
        }
    }

    pub fn find_iter<'r, 'h>(&'r self, hay: &'h str) -> Matches<'r, 'h> {
        let inner = match &self.engine {
            Engine::Full(re) => MatchesOf::Full(re.find_iter(hay)),
            Engine::Lean(re) => MatchesOf::Lean(re.find_iter(hay)),
        };
        Matches { hay, inner }
    }

    pub fn captures<'h>(&self, hay: &'h str) -> Option<Captures<'h>> {
        match &self.engine {
            Engine::Full(re) => re.captures(hay).map(|c| Captures {
                hay,
                groups: Groups::Full(c),
            }),
            Engine::Lean(re) => {
                let caps = re.captures(hay);
                caps.is_match().then_some(Captures {
                    hay,
                    groups: Groups::Lean(caps),
                })
            }
        }
    }

    pub fn captures_iter<'r, 'h>(&'r self, hay: &'h str) -> CaptureMatches<'r, 'h> {
        let inner = match &self.engine {
            Engine::Full(re) => CaptureMatchesOf::Full(re.captures_iter(hay)),
            Engine::Lean(re) => CaptureMatchesOf::Lean(re.captures_iter(hay)),
        };
        CaptureMatches { hay, inner }
    }
}

/// The matches of [`Regex::find_iter`], leftmost first.
pub struct Matches<'r, 'h> {
    hay: &'h str,
    inner: MatchesOf<'r, 'h>,
}

enum MatchesOf<'r, 'h> {
    Full(regex::Matches<'r, 'h>),
    Lean(nfa::FindMatches<'r, 'h>),
}

impl<'h> Iterator for Matches<'_, 'h> {
    type Item = Match<'h>;

    fn next(&mut self) -> Option<Match<'h>> {
        let range = match &mut self.inner {
            MatchesOf::Full(it) => it.next()?.range(),
            MatchesOf::Lean(it) => it.next()?,
        };
        Some(Match::new(self.hay, range))
    }
}

/// The matches of [`Regex::captures_iter`], with their groups.
pub struct CaptureMatches<'r, 'h> {
    hay: &'h str,
    inner: CaptureMatchesOf<'r, 'h>,
}

enum CaptureMatchesOf<'r, 'h> {
    Full(regex::CaptureMatches<'r, 'h>),
    Lean(nfa::CapturesMatches<'r, 'h>),
}

impl<'h> Iterator for CaptureMatches<'_, 'h> {
    type Item = Captures<'h>;

    fn next(&mut self) -> Option<Captures<'h>> {
        let groups = match &mut self.inner {
            CaptureMatchesOf::Full(it) => Groups::Full(it.next()?),
            CaptureMatchesOf::Lean(it) => Groups::Lean(it.next()?),
        };
        Some(Captures {
            hay: self.hay,
            groups,
        })
    }
}

/// `\b` and `\B` outside character classes rewritten as their ASCII forms,
/// and `\d` as `[0-9]` (the Unicode digit class is most of a date
/// pattern's compile time, and a figure in another script's digits does
/// not parse as a number anyway).
fn ascii_classes(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars();
    let mut class_depth = 0usize;
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(b @ ('b' | 'B')) if class_depth == 0 => {
                    out.push_str("(?-u:\\");
                    out.push(b);
                    out.push(')');
                }
                Some('d') if class_depth == 0 => out.push_str("[0-9]"),
                Some('d') => out.push_str("0-9"),
                Some(n) => {
                    out.push('\\');
                    out.push(n);
                }
                None => out.push('\\'),
            },
            '[' => {
                class_depth += 1;
                out.push(c);
            }
            ']' if class_depth > 0 => {
                class_depth -= 1;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries_become_ascii_outside_classes_only() {
        assert_eq!(ascii_classes(r"\bfoo\B"), r"(?-u:\b)foo(?-u:\B)");
        assert_eq!(ascii_classes(r"[x\b]\\b"), r"[x\b]\\b");
        assert_eq!(ascii_classes(r"\.\s"), r"\.\s");
        assert_eq!(ascii_classes(r"\d+[\d,]"), r"[0-9]+[0-9,]");
    }

    /// Both engines find the same matches and groups, empty matches and
    /// non-ASCII text included.
    #[test]
    fn both_engines_find_the_same() {
        let patterns = [
            r"(?i)\b(?P<mon>jan|feb)\w*\s+(?P<year>\d{4})\b",
            r"\s*",
            r"(?P<cur>[$€£])?(?P<num>\d+)(?P<dec>\.\d+)?",
            r"x(y)?",
            // Empty matches, next to and inside multi-byte characters.
            r"(?-u:\B)",
            r"é*",
            r"\b",
            r"(?P<a>x*)(?P<b>é?)",
            r"\b\d{4}\b|\d+(?:[-–]\d+)?",
        ];
        // The last is too long for the bounded backtracker: the PikeVM's.
        let long = format!("{}Jan 2020 €4.5 xy", "x é ".repeat(3_000));
        let texts = [
            "Jan 2020 – FEB 2021; jan2019",
            "€40.5 and $3, ×2 — 7",
            "  Zürich  ",
            "xy x",
            "",
            "éé x é2020–2021 ü1 ",
            "x\u{301}yé",
            long.as_str(),
        ];
        let spans = |c: &Captures<'_>, n: usize| -> Vec<Option<std::ops::Range<usize>>> {
            (0..n).map(|i| c.get(i).map(|m| m.range())).collect()
        };
        for p in patterns {
            let (full, lean) = (build(p, true).unwrap(), build(p, false).unwrap());
            assert!(matches!(full.engine, Engine::Full(_)));
            assert!(matches!(lean.engine, Engine::Lean(_)));
            for t in texts {
                assert_eq!(full.is_match(t), lean.is_match(t), "{p} on {t:?}");
                let f: Vec<_> = full.find_iter(t).map(|m| m.range()).collect();
                let l: Vec<_> = lean.find_iter(t).map(|m| m.range()).collect();
                assert_eq!(f, l, "{p} on {t:?}");
                let f: Vec<_> = full.captures_iter(t).map(|c| spans(&c, 4)).collect();
                let l: Vec<_> = lean.captures_iter(t).map(|c| spans(&c, 4)).collect();
                assert_eq!(f, l, "{p} on {t:?}");
                for name in ["mon", "num", "dec", "nope"] {
                    assert_eq!(
                        full.captures(t).and_then(|c| c.name(name)),
                        lean.captures(t).and_then(|c| c.name(name)),
                        "{p} on {t:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn build_errors_say_what_is_wrong() {
        for with_prefilters in [true, false] {
            let e = build("(unclosed", with_prefilters).unwrap_err();
            assert!(e.contains("unclosed group"), "{e}");
        }
    }

    #[test]
    fn ascii_boundaries_still_match_next_to_non_ascii_punctuation() {
        let re = compile(r"\b\d{4}\b").unwrap();
        assert_eq!(
            re.find("Jan 2020–Mar 2021").map(|m| m.as_str()),
            Some("2020")
        );
        assert!(!re.is_match("x20201"));
        // The whole line is searched, whatever its script.
        assert!(re.is_match("Zürich • 2019 ’"));
    }
}
