//! Suppressions: inline comments, config `[[suppress]]` entries and
//! per-file ignores. Tracks which ones matched and which are invalid; the
//! rules X001 and X003 (`rules::suppression`) turn those into findings.

use globset::{Glob, GlobMatcher};

use crate::config::SuppressEntry;
use crate::diagnostic::Diagnostic;
use crate::model::{Document, Suppression};
use crate::rule_info::Selection;
use crate::rules::suppression::{self as rule, invalid_code, nearest_directive};

pub use crate::rules::suppression::{X001, X003};

/// A finding that a suppression silenced, and why.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Suppressed {
    #[serde(flatten)]
    pub diagnostic: Diagnostic,
    pub reason: Option<String>,
    /// Where the suppression stands ("resume.md:12" or "storyline.toml").
    pub by: String,
    /// The config `[[suppress]]` entry that matched, by index.
    #[serde(skip)]
    pub entry: Option<usize>,
}

/// Per-file ignores from config, compiled.
#[derive(Debug, Clone, Default)]
pub struct FileIgnores {
    entries: Vec<(GlobMatcher, Vec<String>)>,
}

impl FileIgnores {
    pub fn new(map: &std::collections::BTreeMap<String, Vec<String>>) -> Result<Self, String> {
        let mut entries = Vec::new();
        for (pattern, codes) in map {
            let glob =
                Glob::new(pattern).map_err(|e| format!("per-file-ignores: '{pattern}': {e}"))?;
            entries.push((
                glob.compile_matcher(),
                codes.iter().map(|c| crate::rules::code_of(c)).collect(),
            ));
        }
        Ok(FileIgnores { entries })
    }

    /// Codes ignored for a path (matched as given, without a leading "./",
    /// and relative to the config folder `base`).
    pub fn codes_for(&self, path: &str, base: Option<&std::path::Path>) -> Vec<&str> {
        if self.entries.is_empty() {
            return Vec::new();
        }
        let given = std::path::Path::new(path);
        let absolute = std::env::current_dir().map(|cwd| cwd.join(given)).ok();
        let rel = base.zip(absolute.as_deref()).and_then(|(b, abs)| {
            normalize(abs)
                .strip_prefix(normalize(b))
                .ok()
                .map(|p| p.to_string_lossy().into_owned())
        });
        let plain = path.trim_start_matches("./");
        self.entries
            .iter()
            .filter(|(m, _)| {
                m.is_match(path)
                    || m.is_match(plain)
                    || rel.as_deref().is_some_and(|r| m.is_match(r))
            })
            .flat_map(|(_, codes)| codes.iter().map(String::as_str))
            .collect()
    }
}

fn covers(codes: &[String], code: &str) -> bool {
    codes.is_empty() || codes.iter().any(|c| code.starts_with(c.as_str()))
}

/// Applies every kind of suppression to one document's findings. Returns
/// the findings kept (with X001 for stale suppressions) and those silenced.
pub fn apply(
    doc: &Document,
    diags: Vec<Diagnostic>,
    entries: &[SuppressEntry],
    ignored_codes: &[&str],
    selection: &Selection,
    config_name: &str,
) -> (Vec<Diagnostic>, Vec<Suppressed>) {
    let mut used_inline = vec![false; doc.suppressions.len()];
    // What each inline suppression really covers: its valid codes (a
    // misspelled directive, or a comment whose codes are all invalid,
    // covers nothing), and what is wrong with it, for X003.
    let mut invalid: Vec<(usize, String)> = Vec::new();
    let covered: Vec<Option<Vec<String>>> = doc
        .suppressions
        .iter()
        .enumerate()
        .map(|(i, s)| {
            if let Some(word) = &s.bad_directive {
                invalid.push((
                    i,
                    format!(
                        "'{word}' is not a directive; did you mean '{}'?",
                        nearest_directive(word)
                    ),
                ));
                return None;
            }
            let (good, bad): (Vec<&String>, Vec<&String>) =
                s.codes.iter().partition(|c| invalid_code(c).is_none());
            for code in bad {
                invalid.push((i, invalid_code(code).unwrap_or_default()));
            }
            if !s.codes.is_empty() && good.is_empty() {
                return None;
            }
            Some(good.into_iter().cloned().collect())
        })
        .collect();
    let mine: Vec<(usize, &SuppressEntry)> = entries
        .iter()
        .enumerate()
        .filter(|(_, e)| same_file(&e.path, &doc.path))
        .collect();
    let mut used_entry = vec![false; mine.len()];
    let mut kept = Vec::new();
    let mut silenced = Vec::new();
    for d in diags {
        if ignored_codes.iter().any(|c| d.code.starts_with(c)) {
            continue;
        }
        if let Some(i) =
            doc.suppressions
                .iter()
                .zip(&covered)
                .position(|(s, codes): (&Suppression, _)| {
                    codes.as_ref().is_some_and(|codes| {
                        (s.lines.0..=s.lines.1).contains(&d.line) && covers(codes, d.code)
                    })
                })
        {
            used_inline[i] = true;
            let s = &doc.suppressions[i];
            silenced.push(Suppressed {
                reason: s.reason.clone(),
                by: format!("{}:{}", doc.path, s.line),
                entry: None,
                diagnostic: d,
            });
            continue;
        }
        let line_text = doc.lines.line_text(&doc.source, d.line);
        if let Some(j) = mine.iter().position(|(_, e)| {
            d.code.starts_with(crate::rules::code_of(&e.rule).as_str())
                && (line_text.contains(e.text.as_str()) || d.message.contains(e.text.as_str()))
        }) {
            used_entry[j] = true;
            silenced.push(Suppressed {
                reason: mine[j].1.reason.clone(),
                by: config_name.to_string(),
                entry: Some(mine[j].0),
                diagnostic: d,
            });
            continue;
        }
        kept.push(d);
    }
    // The rules run only when selected.
    if selection.enabled(X003.code) {
        rule::check_x003(doc, &invalid, &mut kept);
    }
    if selection.enabled(X001.code) {
        let stale: Vec<(usize, &[String])> = doc
            .suppressions
            .iter()
            .zip(&used_inline)
            .zip(&covered)
            .enumerate()
            .filter_map(|(i, ((_, used), codes))| {
                // An invalid suppression is X003's, not a stale one.
                let codes = codes.as_deref()?;
                // A suppression of rules that did not run is not stale.
                let ran = codes.is_empty()
                    || codes.iter().any(|c| {
                        crate::rules::all()
                            .any(|r| r.code.starts_with(c.as_str()) && selection.enabled(r.code))
                    });
                (!used && ran).then_some((i, codes))
            })
            .collect();
        rule::check_x001(doc, &stale, &mut kept);
    }
    (kept, silenced)
}

/// X001 for each `[[suppress]]` entry that matched no finding, when the
/// file it names was in the run (an entry for a file not linted this time
/// is not stale). The finding points at the entry's `[[suppress]]` line in
/// the config file, `config_text`.
pub fn unused_entries(
    entries: &[SuppressEntry],
    silenced: &[Suppressed],
    in_run: &[String],
    config_name: &str,
    config_text: &str,
) -> Vec<Diagnostic> {
    // The 1-based line of each `[[suppress]]` header, in file order.
    let headers: Vec<(usize, usize)> = config_text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.trim_start().starts_with("[[suppress]]"))
        .map(|(i, l)| (i + 1, l.trim_end().chars().count()))
        .collect();
    entries
        .iter()
        .enumerate()
        .filter(|(i, _)| !silenced.iter().any(|s| s.entry == Some(*i)))
        .filter(|(_, e)| in_run.iter().any(|f| same_file(&e.path, f)))
        .map(|(i, e)| {
            let (line, width) = headers.get(i).copied().unwrap_or((1, 0));
            rule::x001_entry(e, config_name, line, width)
        })
        .collect()
}

fn same_file(entry: &str, doc_path: &str) -> bool {
    let norm = |s: &str| s.trim_start_matches("./").to_string();
    let (e, d) = (norm(entry), norm(doc_path));
    d == e || d.ends_with(&format!("/{e}"))
}

/// Removes "." components so prefixes compare ("/a/./b" → "/a/b").
fn normalize(p: &std::path::Path) -> std::path::PathBuf {
    p.components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .collect()
}
