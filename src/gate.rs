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

use std::collections::HashMap;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};
use regex_automata::meta;
use regex_syntax::ast::{self, Ast};
use regex_syntax::hir::{Class, Hir, HirKind};

/// A literal set: at least one of these is in every match.
type Literals = Vec<Vec<u8>>;

/// Classes up to this many characters count as that many one-letter
/// literals ("organi[sz]ation"); bigger ones are no gate.
const MAX_CLASS: usize = 10;

/// At most this many gates per pattern: the strongest, and further ones
/// only when their literals are at least `MIN_EXTRA` bytes (short ones match
/// nearly every text and only cost automaton hits).
const MAX_GATES: usize = 3;
const MIN_EXTRA: usize = 3;

/// Patterns, each with its literal gate and a regex compiled on first use.
#[derive(Debug)]
pub struct GatedSet {
    patterns: Vec<Gated>,
    /// Every gate literal, ASCII case-insensitive; `None` when no pattern has
    /// a gate.
    automaton: Option<AhoCorasick>,
    /// For each automaton pattern (literal), the gates it opens.
    owners: Vec<Vec<u32>>,
    /// How many gates there are, over all patterns.
    gates: usize,
}

#[derive(Debug)]
struct Gated {
    source: String,
    /// The gates a text must open for the regex to run; none: it always runs.
    gates: Vec<u32>,
    regex: OnceLock<meta::Regex>,
}

/// The gates a text opens.
#[derive(Debug, Default, Clone)]
pub struct Candidates {
    bits: Vec<u64>,
}

impl Candidates {
    fn set(&mut self, i: usize) {
        self.bits[i / 64] |= 1 << (i % 64);
    }

    fn has(&self, i: usize) -> bool {
        self.bits
            .get(i / 64)
            .is_some_and(|w| w & (1 << (i % 64)) != 0)
    }
}

impl GatedSet {
    /// Parses every pattern (syntax errors are reported here, with the
    /// pattern's index) and derives its gate; compiles nothing yet.
    pub fn new<S: AsRef<str>>(patterns: &[S]) -> Result<GatedSet, (usize, String)> {
        let mut literals: Vec<Vec<u8>> = Vec::new();
        let mut index: HashMap<Vec<u8>, usize> = HashMap::new();
        let mut owners: Vec<Vec<u32>> = Vec::new();
        let mut gated = Vec::with_capacity(patterns.len());
        let mut gates = 0u32;
        for (i, p) in patterns.iter().enumerate() {
            let p = p.as_ref();
            let mut ids = Vec::new();
            for lits in gates_of(p).map_err(|e| (i, e))? {
                for lit in lits {
                    let lit = lit.to_ascii_lowercase();
                    let k = *index.entry(lit.clone()).or_insert_with(|| {
                        literals.push(lit);
                        owners.push(Vec::new());
                        literals.len() - 1
                    });
                    if owners[k].last() != Some(&gates) {
                        owners[k].push(gates);
                    }
                }
                ids.push(gates);
                gates += 1;
            }
            gated.push(Gated {
                source: p.to_string(),
                gates: ids,
                regex: OnceLock::new(),
            });
        }
        let automaton = if literals.is_empty() {
            None
        } else {
            Some(
                AhoCorasick::builder()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::Standard)
                    .build(&literals)
                    .map_err(|e| (0, e.to_string()))?,
            )
        };
        Ok(GatedSet {
            patterns: gated,
            automaton,
            owners,
            gates: gates as usize,
        })
    }

    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    /// Compiles every pattern now, reporting the first that fails (a size
    /// limit, say) with its index. For files a user wrote, so the error
    /// names the line before any document is read.
    pub fn compile_all(&self) -> Result<(), (usize, String)> {
        for (i, p) in self.patterns.iter().enumerate() {
            if p.regex.get().is_none() {
                let re = lean_regex(&p.source).map_err(|e| (i, e))?;
                let _ = p.regex.set(re);
            }
        }
        Ok(())
    }

    /// The gates `text` opens.
    pub fn candidates(&self, text: &str) -> Candidates {
        let mut c = Candidates {
            bits: vec![0; self.gates.div_ceil(64)],
        };
        if let Some(ac) = &self.automaton {
            for m in ac.find_overlapping_iter(text) {
                for &g in &self.owners[m.pattern().as_usize()] {
                    c.set(g as usize);
                }
            }
        }
        c
    }

    /// Whether pattern `i` matches `text`, given the gates it opens.
    pub fn is_match(&self, i: usize, text: &str, opened: &Candidates) -> bool {
        let p = &self.patterns[i];
        if !p.gates.iter().all(|&g| opened.has(g as usize)) {
            return false;
        }
        p.regex
            .get_or_init(|| lean_regex(&p.source).expect("pattern compiled when the set was made"))
            .is_match(text)
    }
}

/// A regex for "does it match?" only: no captures, no literal prefilter (the
/// gate is one), case-insensitive with ASCII classes and folding (a Unicode
/// `\b` would send every line with a "–" to the slow PikeVM).
pub fn lean_regex(pattern: &str) -> Result<meta::Regex, String> {
    use regex_automata::nfa::thompson::WhichCaptures;
    use regex_automata::util::syntax;
    let config = meta::Config::new()
        .which_captures(WhichCaptures::None)
        .auto_prefilter(false)
        .onepass(false)
        .backtrack(false)
        .dfa(false)
        .utf8_empty(false);
    let syntax = syntax::Config::new()
        .case_insensitive(true)
        .unicode(false)
        .utf8(false);
    meta::Builder::new()
        .configure(config)
        .syntax(syntax)
        .build(pattern)
        .map_err(|e| e.to_string())
}

/// The gates of one pattern, strongest first (none: it always runs), or
/// why it does not parse.
fn gates_of(pattern: &str) -> Result<Vec<Literals>, String> {
    let ast = ast::parse::Parser::new()
        .parse(pattern)
        .map_err(|e| e.to_string())?;
    let hir = regex_syntax::hir::translate::TranslatorBuilder::new()
        .unicode(false)
        .utf8(false)
        .case_insensitive(false)
        .build()
        .translate(pattern, &ast)
        .map_err(|e| e.to_string())?;
    if turns_unicode_on(&ast) {
        return Ok(Vec::new());
    }
    let mut all = required(&hir);
    all.sort_by_key(|lits| std::cmp::Reverse(strength(lits)));
    all.dedup();
    let mut kept = Vec::new();
    for (i, lits) in all.into_iter().enumerate() {
        if kept.len() == MAX_GATES {
            break;
        }
        if i == 0 || strength(&lits).0 >= MIN_EXTRA {
            kept.push(lits);
        }
    }
    Ok(kept)
}

/// Whether a flag group enables Unicode, which folds case beyond ASCII
/// ("k" matches the Kelvin sign) where the automaton would not.
fn turns_unicode_on(ast: &Ast) -> bool {
    let sets_u = |flags: &ast::Flags| {
        let mut negated = false;
        flags.items.iter().any(|item| match &item.kind {
            ast::FlagsItemKind::Negation => {
                negated = true;
                false
            }
            ast::FlagsItemKind::Flag(ast::Flag::Unicode) => !negated,
            ast::FlagsItemKind::Flag(_) => false,
        })
    };
    match ast {
        Ast::Flags(f) => sets_u(&f.flags),
        Ast::Group(g) => {
            matches!(&g.kind, ast::GroupKind::NonCapturing(f) if sets_u(f))
                || turns_unicode_on(&g.ast)
        }
        Ast::Repetition(r) => turns_unicode_on(&r.ast),
        Ast::Alternation(a) => a.asts.iter().any(turns_unicode_on),
        Ast::Concat(c) => c.asts.iter().any(turns_unicode_on),
        _ => false,
    }
}

/// Literal sets every match of `hir` contains one of each of.
fn required(hir: &Hir) -> Vec<Literals> {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => Vec::new(),
        HirKind::Literal(lit) => vec![vec![lit.0.to_vec()]],
        HirKind::Class(class) => small_class(class).into_iter().collect(),
        HirKind::Repetition(r) if r.min >= 1 => required(&r.sub),
        HirKind::Repetition(_) => Vec::new(),
        HirKind::Capture(c) => required(&c.sub),
        // Each part must match, so each part's sets are required.
        HirKind::Concat(parts) => parts.iter().flat_map(required).collect(),
        // A match takes one branch: a set from every branch, joined.
        HirKind::Alternation(branches) => {
            let mut all: Literals = Vec::new();
            for b in branches {
                let Some(best) = required(b).into_iter().max_by_key(strength) else {
                    return Vec::new();
                };
                for lit in best {
                    if !all.contains(&lit) {
                        all.push(lit);
                    }
                }
            }
            vec![all]
        }
    }
}

/// Longer literals are rarer; fewer are better at equal length.
fn strength(lits: &Literals) -> (usize, std::cmp::Reverse<usize>) {
    let shortest = lits.iter().map(Vec::len).min().unwrap_or(0);
    (shortest, std::cmp::Reverse(lits.len()))
}

fn small_class(class: &Class) -> Option<Literals> {
    let mut out: Literals = Vec::new();
    match class {
        Class::Bytes(c) => {
            for r in c.ranges() {
                for b in r.start()..=r.end() {
                    out.push(vec![b]);
                    if out.len() > MAX_CLASS {
                        return None;
                    }
                }
            }
        }
        Class::Unicode(c) => {
            for r in c.ranges() {
                for ch in r.start()..=r.end() {
                    out.push(ch.to_string().into_bytes());
                    if out.len() > MAX_CLASS {
                        return None;
                    }
                }
            }
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gate(p: &str) -> Vec<Vec<String>> {
        gates_of(p)
            .unwrap()
            .into_iter()
            .map(|lits| {
                let mut v: Vec<String> = lits
                    .into_iter()
                    .map(|l| String::from_utf8(l).unwrap())
                    .collect();
                v.sort();
                v
            })
            .collect()
    }

    #[test]
    fn gates_are_the_strongest_required_parts() {
        assert_eq!(
            gate(r"\bled\s+(a|an|the)\s+(team|squad)\b"),
            [vec!["squad", "team"], vec!["led"]]
        );
        assert_eq!(
            gate(r"\b(shipped|launched)\b.{0,60}?\bapis?\b"),
            [vec!["launched", "shipped"], vec!["api"]]
        );
        assert_eq!(gate(r"\bteam of (\d+|two)\b"), [vec!["team of "]]);
        // A short literal is a gate only when it is the best there is.
        assert_eq!(gate(r"\bas\s+tech lead"), [vec!["tech lead"]]);
        assert_eq!(gate(r"(foo)?\d+%"), [vec!["%"]]);
    }

    #[test]
    fn optional_parts_and_big_classes_are_no_gate() {
        assert!(gate(r"(foo)?\w+").is_empty());
        assert_eq!(gate(r"\d+").len(), 1, "ten digits are a gate");
        assert!(gate(r"(foo|\w+)").is_empty());
        assert!(gate(r"x*").is_empty());
    }

    #[test]
    fn unicode_flags_disable_the_gate() {
        assert!(gate(r"(?u)kelvin").is_empty());
        assert!(gate(r"(?i:(?u:kelvin))").is_empty());
        assert!(!gate(r"(?-u)kelvin").is_empty());
    }

    #[test]
    fn bad_patterns_are_reported_with_their_index() {
        let e = GatedSet::new(&["ok", "(unclosed"]).unwrap_err();
        assert_eq!(e.0, 1);
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
                    lean_regex(p).unwrap().is_match(t),
                    "{p} on {t:?}"
                );
            }
        }
        assert!(set.compile_all().is_ok());
    }
}
