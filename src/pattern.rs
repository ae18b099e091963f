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

/// Whether the run searches many documents; see [`expect_many_documents`].
static MANY_DOCUMENTS: AtomicBool = AtomicBool::new(false);

/// Tells the automata and regexes built from now on that the run will
/// search many documents, so they are built for search speed rather than
/// build speed: Aho-Corasick DFAs (a 962-resume batch takes a tenth less
/// CPU) instead of contiguous NFAs (several times faster to build), and
/// regexes with literal prefilters (deriving them was a third of the
/// extractors' compile time, and building is most of a one-file run).
pub fn expect_many_documents() {
    MANY_DOCUMENTS.store(true, Ordering::Relaxed);
}

/// The Aho-Corasick kind for phrase and literal automata.
pub fn automaton_kind() -> AhoCorasickKind {
    if MANY_DOCUMENTS.load(Ordering::Relaxed) {
        AhoCorasickKind::DFA
    } else {
        AhoCorasickKind::ContiguousNFA
    }
}

fn many_documents() -> bool {
    MANY_DOCUMENTS.load(Ordering::Relaxed)
}

/// Compiles `pattern` with ASCII word boundaries and digits.
pub fn compile(pattern: &str) -> Result<Regex, String> {
    let config = meta::Config::new().auto_prefilter(many_documents());
    meta::Builder::new()
        .configure(config)
        .build(&ascii_classes(pattern))
        .map(|re| Regex { re })
        .map_err(|e| e.to_string())
}

/// A built-in regex: the `regex` crate's engine, with the `regex::Regex`
/// methods storyline uses, built with or without literal prefilters (see
/// [`expect_many_documents`]); either way it finds the same matches.
#[derive(Debug)]
pub struct Regex {
    re: meta::Regex,
}

/// A match: its text and byte range in the haystack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match<'h> {
    hay: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Match<'h> {
    fn new(hay: &'h str, span: regex_automata::Span) -> Self {
        Match {
            hay,
            start: span.start,
            end: span.end,
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
    caps: regex_automata::util::captures::Captures,
}

impl<'h> Captures<'h> {
    pub fn get(&self, i: usize) -> Option<Match<'h>> {
        self.caps.get_group(i).map(|s| Match::new(self.hay, s))
    }

    pub fn name(&self, name: &str) -> Option<Match<'h>> {
        self.caps
            .get_group_by_name(name)
            .map(|s| Match::new(self.hay, s))
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
        self.re.is_match(hay)
    }

    pub fn find<'h>(&self, hay: &'h str) -> Option<Match<'h>> {
        self.re.find(hay).map(|m| Match::new(hay, m.span()))
    }

    pub fn find_iter<'r, 'h>(
        &'r self,
        hay: &'h str,
    ) -> impl Iterator<Item = Match<'h>> + use<'r, 'h> {
        self.re
            .find_iter(hay)
            .map(move |m| Match::new(hay, m.span()))
    }

    pub fn captures<'h>(&self, hay: &'h str) -> Option<Captures<'h>> {
        let mut caps = self.re.create_captures();
        self.re.captures(hay, &mut caps);
        caps.is_match().then_some(Captures { hay, caps })
    }

    pub fn captures_iter<'r, 'h>(
        &'r self,
        hay: &'h str,
    ) -> impl Iterator<Item = Captures<'h>> + use<'r, 'h> {
        self.re
            .captures_iter(hay)
            .map(move |caps| Captures { hay, caps })
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

    #[test]
    fn ascii_boundaries_still_match_next_to_non_ascii_punctuation() {
        let re = compile(r"\b\d{4}\b").unwrap();
        assert_eq!(
            re.find("Jan 2020–Mar 2021").map(|m| m.as_str()),
            Some("2020")
        );
        assert!(!re.is_match("x20201"));
        // The lazy DFA handles the whole line, whatever its script.
        assert!(re.is_match("Zürich • 2019 ’"));
    }
}
