//! Deriving a pattern's literal gates from its syntax. Also compiled into
//! `build.rs`, which derives the bundled rubrics' gates ahead of time
//! (parsing them was a sixth of a one-resume run), so it depends on
//! `regex-syntax` alone.

use regex_syntax::ast::{self, Ast};
use regex_syntax::hir::{Class, Hir, HirKind};

/// A literal set: at least one of these is in every match.
pub type Literals = Vec<Vec<u8>>;

/// Classes up to this many characters count as that many one-letter
/// literals ("organi[sz]ation"); bigger ones are no gate.
const MAX_CLASS: usize = 10;

/// At most this many gates per pattern: the strongest, and further ones
/// only when their literals are at least `MIN_EXTRA` bytes (short ones match
/// nearly every text and only cost automaton hits).
const MAX_GATES: usize = 3;
const MIN_EXTRA: usize = 3;

/// The gates of one pattern, strongest first (none: it always runs), or
/// why it does not parse.
pub fn gates_of(pattern: &str) -> Result<Vec<Literals>, String> {
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
    for (i, mut lits) in all.into_iter().enumerate() {
        // A text with "experimentation" has "experiment": keep the shorter.
        let all_lits = lits.clone();
        lits.retain(|l| {
            !all_lits
                .iter()
                .any(|s| s.len() < l.len() && l.windows(s.len()).any(|w| w == s.as_slice()))
        });
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
}
