//! Literal gates: which of many patterns can match a text at all.
//!
//! Every match of `\bled\s+(a|the)\s+…(team|squad)\b` contains "led" and
//! one of "team" or "squad", so a text without both (in any case) cannot
//! match it. A [`GatedSet`] derives such gates (up to three literal sets
//! every match needs one of each of), finds all gate literals in a text with
//! one Aho-Corasick pass, and runs a pattern's regex only on texts that
//! pass all its gates. Each regex is compiled on first use, so a run pays
//! only for the patterns its documents come near: compiling the whole
//! bundled rubric up front was half of a one-resume run.
//!
//! The regexes are case-insensitive with ASCII-only folding (Unicode off),
//! which is exactly what an ASCII-case-insensitive automaton finds, so a
//! gate never hides a match. A pattern that turns Unicode on (`(?u)`), whose
//! folding reaches beyond ASCII, or that has no literal every match needs
//! (`\w+`) is always run.
//!
//! Most patterns are written in lowercase: those run case-sensitively on
//! the text with its ASCII letters lowercased, which finds the same matches
//! (see [`runs_on_lowered`]) with a regex that is a third the size and
//! compiles in half the time (folding makes every letter a class).

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::literals::LiteralSet;
use regex_automata::meta;

use literals::{Literals, gates_of};

mod literals;

/// The bundled rubrics' gates, derived by `build.rs`.
mod bundled {
    include!(concat!(env!("OUT_DIR"), "/bundled_gates.rs"));
}

/// A pattern's gates: derived at build time for the bundled rubrics'
/// patterns, else now.
fn gates(pattern: &str) -> Result<Vec<Literals>, String> {
    match bundled::GATES.binary_search_by(|(p, _)| (*p).cmp(pattern)) {
        Ok(i) => Ok(bundled::GATES[i]
            .1
            .iter()
            .map(|lits| lits.iter().map(|l| l.to_vec()).collect())
            .collect()),
        Err(_) => gates_of(pattern),
    }
}

/// Patterns, each with its literal gate and a regex compiled on first use.
#[derive(Debug)]
pub struct GatedSet {
    patterns: Vec<Gated>,
    /// Every gate literal, ASCII case-insensitive; `None` when no pattern has
    /// a gate.
    automaton: Option<LiteralSet>,
    /// For each automaton pattern (literal), the gates it opens.
    owners: Vec<Vec<u32>>,
    /// How many gates there are, over all patterns.
    gates: usize,
    /// For each gate, the pattern it belongs to.
    gate_owner: Vec<u32>,
    /// The patterns that have no gate (they always run), as a bit set.
    ungated: Vec<u64>,
}

#[derive(Debug)]
struct Gated {
    source: String,
    /// The gates a text must open for the regex to run; none: it always runs.
    gates: Vec<u32>,
    /// Runs case-sensitively on the lowercased text ([`runs_on_lowered`]).
    on_lowered: bool,
    regex: OnceLock<meta::Regex>,
}

/// Why a [`GatedSet`] could not be made or compiled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GateError {
    /// The pattern at fault, by index; none when the set as a whole failed
    /// (its automaton would be too large).
    pub pattern: Option<usize>,
    pub message: String,
}

impl GateError {
    fn at(pattern: usize, message: String) -> Self {
        GateError {
            pattern: Some(pattern),
            message,
        }
    }
}

/// A set of a [`GatedSet`]'s patterns.
#[derive(Debug, Clone)]
pub struct Members(Vec<u64>);

/// The gates a text opens, and so the patterns that may match it.
#[derive(Debug)]
pub struct Candidates {
    bits: Vec<u64>,
    /// The patterns whose gates are all open, as a bit set.
    runnable: Vec<u64>,
    /// The text with its ASCII letters lowercased, for the patterns that
    /// run on it; made when any pattern may run.
    lowered: Option<String>,
}

impl Candidates {
    fn set(&mut self, i: usize) {
        set_bit(&mut self.bits, i);
    }

    fn has(&self, i: usize) -> bool {
        has_bit(&self.bits, i)
    }
}

fn set_bit(bits: &mut [u64], i: usize) {
    bits[i / 64] |= 1 << (i % 64);
}

fn has_bit(bits: &[u64], i: usize) -> bool {
    bits.get(i / 64).is_some_and(|w| w & (1 << (i % 64)) != 0)
}

impl GatedSet {
    /// Parses every pattern (syntax errors are reported here, with the
    /// pattern's index) and derives its gate; compiles nothing yet.
    pub fn new<S: AsRef<str>>(patterns: &[S]) -> Result<GatedSet, GateError> {
        let mut literals: Vec<Vec<u8>> = Vec::new();
        let mut index: HashMap<Vec<u8>, usize> = HashMap::new();
        let mut owners: Vec<Vec<u32>> = Vec::new();
        let mut gated = Vec::with_capacity(patterns.len());
        let mut next_gate = 0u32;
        let mut gate_owner = Vec::new();
        let mut ungated = vec![0u64; patterns.len().div_ceil(64)];
        for (i, p) in patterns.iter().enumerate() {
            let p = p.as_ref();
            let mut ids = Vec::new();
            for lits in gates(p).map_err(|e| GateError::at(i, e))? {
                for lit in lits {
                    let lit = lit.to_ascii_lowercase();
                    let k = *index.entry(lit.clone()).or_insert_with(|| {
                        literals.push(lit);
                        owners.push(Vec::new());
                        literals.len() - 1
                    });
                    if owners[k].last() != Some(&next_gate) {
                        owners[k].push(next_gate);
                    }
                }
                ids.push(next_gate);
                gate_owner.push(i as u32);
                next_gate += 1;
            }
            if ids.is_empty() {
                set_bit(&mut ungated, i);
            }
            gated.push(Gated {
                source: p.to_string(),
                gates: ids,
                on_lowered: runs_on_lowered(p),
                regex: OnceLock::new(),
            });
        }
        let automaton = if literals.is_empty() {
            None
        } else {
            Some(LiteralSet::new(&literals).map_err(|message| GateError {
                pattern: None,
                message,
            })?)
        };
        Ok(GatedSet {
            patterns: gated,
            automaton,
            owners,
            gates: next_gate as usize,
            gate_owner,
            ungated,
        })
    }

    /// Compiles every pattern now, reporting the first that fails (a size
    /// limit, say) with its index. For files a user wrote, so the error
    /// names the line before any document is read.
    pub fn compile_all(&self) -> Result<(), GateError> {
        for (i, p) in self.patterns.iter().enumerate() {
            if p.regex.get().is_none() {
                let re = lean_regex(&p.source, !p.on_lowered).map_err(|e| GateError::at(i, e))?;
                let _ = p.regex.set(re);
            }
        }
        Ok(())
    }

    /// How many of the patterns are compiled by now.
    pub fn compiled(&self) -> usize {
        self.patterns
            .iter()
            .filter(|p| p.regex.get().is_some())
            .count()
    }

    /// The gates `text` opens, and the patterns whose gates are all open.
    pub fn candidates(&self, text: &str) -> Candidates {
        let mut c = Candidates {
            bits: vec![0; self.gates.div_ceil(64)],
            runnable: self.ungated.clone(),
            lowered: None,
        };
        if let Some(ac) = &self.automaton {
            ac.for_each(text.as_bytes(), |p, _| {
                for &g in &self.owners[p] {
                    c.set(g as usize);
                }
            });
        }
        // Few gates open on a text: visit those, not every pattern.
        for (w, &word) in c.bits.iter().enumerate() {
            let mut word = word;
            while word != 0 {
                let g = w * 64 + word.trailing_zeros() as usize;
                word &= word - 1;
                let i = self.gate_owner[g] as usize;
                if !has_bit(&c.runnable, i)
                    && self.patterns[i].gates.iter().all(|&g| c.has(g as usize))
                {
                    set_bit(&mut c.runnable, i);
                }
            }
        }
        if c.runnable.iter().any(|&w| w != 0) {
            c.lowered = Some(text.to_ascii_lowercase());
        }
        c
    }

    /// Some of the patterns, by index, as a set for [`GatedSet::any_match`].
    pub fn members(&self, patterns: &[usize]) -> Members {
        let mut bits = vec![0u64; self.patterns.len().div_ceil(64)];
        for &i in patterns {
            set_bit(&mut bits, i);
        }
        Members(bits)
    }

    /// Whether any of `members` matches `text`, given the gates it opens:
    /// only the members whose gates are all open are visited, in index
    /// order.
    pub fn any_match(&self, members: &Members, text: &str, opened: &Candidates) -> bool {
        self.first_match(members, text, opened).is_some()
    }

    /// The first of `members` (by index) that matches `text`, given the
    /// gates it opens: what [`GatedSet::any_match`] found, for showing why.
    pub fn first_match(&self, members: &Members, text: &str, opened: &Candidates) -> Option<usize> {
        for (w, (&m, &r)) in members.0.iter().zip(&opened.runnable).enumerate() {
            let mut word = m & r;
            while word != 0 {
                let i = w * 64 + word.trailing_zeros() as usize;
                word &= word - 1;
                if self.is_match(i, text, opened) {
                    return Some(i);
                }
            }
        }
        None
    }

    /// Pattern `i` as written.
    pub fn source(&self, i: usize) -> &str {
        &self.patterns[i].source
    }

    /// Whether pattern `i` matches `text`, given the gates it opens (the
    /// candidates of this same text).
    pub fn is_match(&self, i: usize, text: &str, opened: &Candidates) -> bool {
        if !has_bit(&opened.runnable, i) {
            return false;
        }
        let p = &self.patterns[i];
        let hay = match &opened.lowered {
            Some(lowered) if p.on_lowered => lowered.as_str(),
            _ => text,
        };
        p.regex().is_match(hay)
    }
}

/// Whether `pattern`, run case-sensitively on a text with its ASCII letters
/// lowercased, matches exactly where it matches the text itself
/// case-insensitively (ASCII folding). True when every letter it names is
/// a lowercase literal or in a class, and nothing names a character in
/// another way that lowercasing would miss: no uppercase letter (so no
/// `\B`, `\W`, `\S`, `\D` either), no `\x`/`\u` escape, no POSIX class
/// (`[[:upper:]]`), no flag or named group (`(?-i:...)`; `(?:` is fine).
/// A class like `[a-z]` then holds a text letter exactly when `[a-zA-Z]`
/// held it or its uppercase; negated, exactly when neither was held. That
/// needs every uppercase letter a class holds to come with its lowercase
/// one: a range like `[0-_]` or `[ -m]`, which holds "Q" but not "q", is
/// refused too ([`range_folds_unevenly`]).
fn runs_on_lowered(pattern: &str) -> bool {
    !pattern.bytes().any(|b| b.is_ascii_uppercase())
        && !pattern.contains("\\x")
        && !pattern.contains("\\u")
        && !pattern.contains("[:")
        && pattern
            .match_indices("(?")
            .all(|(i, _)| pattern[i..].starts_with("(?:"))
        && !range_folds_unevenly(pattern)
}

/// Whether a class range in `pattern` may hold an uppercase letter without
/// its lowercase one: it reaches into "A"-"Z" but ends before "z". Read
/// from the bytes, erring towards yes (an escaped end counts as its
/// backslash); a "-" first or last in a class is no range.
fn range_folds_unevenly(pattern: &str) -> bool {
    let b = pattern.as_bytes();
    let (mut depth, mut i) = (0usize, 0);
    while i < b.len() {
        match b[i] {
            b'\\' => i += 1,
            b'[' => depth += 1,
            b']' if depth > 0 => depth -= 1,
            b'-' if depth > 0 && i > 0 && i + 1 < b.len() => {
                let (lo, hi) = (b[i - 1], b[i + 1]);
                let reaches_capitals = lo <= b'Z' && (b'A'..b'z').contains(&hi);
                if lo != b'[' && lo != b'^' && hi != b']' && reaches_capitals {
                    return true;
                }
            }
            _ => {}
        }
        i += 1;
    }
    false
}

impl Gated {
    fn regex(&self) -> &meta::Regex {
        // Sets of a user's file are compiled whole when made
        // (`compile_all`); the bundled patterns are tested to compile.
        self.regex.get_or_init(|| {
            lean_regex(&self.source, !self.on_lowered).expect("a pattern that compiles")
        })
    }
}

/// A regex for "does it match?" only: no captures, no literal prefilter (the
/// gate is one), ASCII classes and, if asked, ASCII case folding (a Unicode
/// `\b` would send every line with a "–" to the slow PikeVM). A one-file
/// run, which asks a few bullets, skips the lazy DFA and its reverse
/// automaton (see [`crate::pattern::expect_many_documents`]).
pub fn lean_regex(pattern: &str, case_insensitive: bool) -> Result<meta::Regex, String> {
    use regex_automata::nfa::thompson::WhichCaptures;
    use regex_automata::util::syntax;
    let config = meta::Config::new()
        .which_captures(WhichCaptures::None)
        .auto_prefilter(false)
        .onepass(false)
        .backtrack(false)
        .hybrid(crate::pattern::many_documents())
        .dfa(false)
        .utf8_empty(false);
    let syntax = syntax::Config::new()
        .case_insensitive(case_insensitive)
        .unicode(false)
        .utf8(false);
    meta::Builder::new()
        .configure(config)
        .syntax(syntax)
        .build(pattern)
        .map_err(|e| crate::pattern::build_error(&e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn build_time_gates_equal_the_runtime_derivation() {
        assert!(bundled::GATES.len() > 100);
        for (p, _) in bundled::GATES {
            assert_eq!(gates(p), gates_of(p), "{p}");
        }
        assert!(bundled::GATES.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn only_patterns_whose_gates_are_all_open_run() {
        let set = GatedSet::new(&[
            r"\bled\s+the\s+team\b",
            r"\bmentored\b",
            r"\bowned\b.{0,20}\broadmap\b",
        ])
        .expect("set");
        // "owned" opens one of the third pattern's gates, not both.
        let text = "Led the team; owned the migration";
        let opened = set.candidates(text);
        let ran: Vec<bool> = (0..3).map(|i| set.is_match(i, text, &opened)).collect();
        assert_eq!(ran, [true, false, false]);
        // Only the pattern that ran was compiled.
        assert_eq!(set.compiled(), 1);
        let text = "owned the roadmap";
        assert!(set.is_match(2, text, &set.candidates(text)));
        assert_eq!(set.compiled(), 2);
    }

    #[test]
    fn bad_patterns_are_reported_with_their_index() {
        let e = GatedSet::new(&["ok", "(unclosed"]).unwrap_err();
        assert_eq!(e.pattern, Some(1));
        assert!(e.message.contains("unclosed group"), "{}", e.message);
    }

    /// The gate never hides a match: every pattern gives the same answer
    /// with and without it, on texts that exercise case and near misses.
    #[test]
    fn gated_answers_equal_the_regex_alone() {
        let pats = [
            r"\bled\s+(a|an|the|our)\s+([\w/&+-]+\s+){0,4}?(team|squad)\b",
            r"\b(shipped|launched|built)\b.{0,60}?\b(features?|apis?)\b",
            r"\borgani[sz]ation[- ]wide\b",
            r"\b\d{2,}\+?\s+engineers\b",
            r"(^|[^\w-])(owned|owns)\s+the\s+\w+",
            r"(?u)\bkelvin\b",
        ];
        let set = GatedSet::new(&pats).unwrap();
        let texts = [
            "LED THE Payments Team to launch",
            "misled the team",
            "Shipped three public APIs",
            "built a thing for fun",
            "Organisation-wide rollout",
            "hired 12 engineers",
            "company-owned the stack; Owned the pipeline",
            "\u{212A}elvin scale",
            "",
        ];
        for t in texts {
            let c = set.candidates(t);
            for (i, p) in pats.iter().enumerate() {
                assert_eq!(
                    set.is_match(i, t, &c),
                    lean_regex(p, true).unwrap().is_match(t),
                    "{p} on {t:?}"
                );
            }
        }
        assert!(set.compile_all().is_ok());
    }

    #[test]
    fn which_patterns_run_on_the_lowered_text() {
        for p in [
            r"\bled\s+the\s+team\b",
            r"(?:a|b)[a-z0-9]+",
            r"[^a-f]\w\d\s",
            r"([\w/&+-]+\s+){0,4}",
            r"[ -~]x",
            r"x-y\d+-\d",
        ] {
            assert!(runs_on_lowered(p), "{p}");
        }
        for p in [
            r"\bLed\b",
            r"\Bled",
            r"[\x41-\x43]x",
            r"\u{41}x",
            r"[[:upper:]]x",
            r"(?-i:abc)",
            r"(?i)abc",
            r"(?P<n>abc)",
            // Ranges that hold "Q" but not "q".
            r"[0-_]",
            r"[ -m]x",
            r"[^@-_]",
            r"[!-\]]",
        ] {
            assert!(!runs_on_lowered(p), "{p}");
        }
    }

    /// Every bundled pattern, and patterns with classes, negations and
    /// ranges across the letters, find on the lowered text what they find
    /// case-insensitively on the text, in every casing of the fixtures.
    #[test]
    fn lowered_matching_equals_case_insensitive_matching() {
        let mut pats: Vec<&str> = bundled::GATES.iter().map(|(p, _)| *p).collect();
        pats.extend([
            r"[^a-z ]{2}",
            r"[ -z]x",
            r"[a-f]+\d",
            r"\b[^\W\d]{4}\b",
            r"^[a-z][^b]",
            r"[0-_]",
            r"[ -m]",
            r"[^@-_]",
        ]);
        let set = GatedSet::new(&pats).unwrap();
        assert!(set.patterns.iter().filter(|p| p.on_lowered).count() > 100);
        let resume = include_str!("../fixtures/example/resume.md");
        let mut texts: Vec<String> = Vec::new();
        for line in resume.lines().filter(|l| !l.trim().is_empty()) {
            texts.push(line.to_string());
            texts.push(line.to_uppercase());
            texts.push(line.to_lowercase());
        }
        texts.extend(
            [
                "Xb",
                "XBc",
                "A1",
                "ab",
                "Kelvin \u{212A}",
                "zX",
                "[X",
                "`X",
                "{x",
                "Q",
                "q",
            ]
            .map(String::from),
        );
        let folded: Vec<meta::Regex> = pats.iter().map(|p| lean_regex(p, true).unwrap()).collect();
        // Members spread over the bit set's words, and the empty set.
        let groups: Vec<Vec<usize>> = vec![
            (0..pats.len()).step_by(3).collect(),
            (0..pats.len()).filter(|i| i % 7 == 1).collect(),
            vec![pats.len() - 1],
            vec![],
        ];
        let sets: Vec<Members> = groups.iter().map(|g| set.members(g)).collect();
        for t in &texts {
            let c = set.candidates(t);
            for (i, p) in pats.iter().enumerate() {
                assert_eq!(
                    set.is_match(i, t, &c),
                    folded[i].is_match(t),
                    "{p} on {t:?}"
                );
            }
            for (g, members) in groups.iter().zip(&sets) {
                let each = g.iter().any(|&i| folded[i].is_match(t));
                assert_eq!(set.any_match(members, t, &c), each, "{g:?} on {t:?}");
            }
        }
    }
}
