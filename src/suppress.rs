//! Suppressions: inline comments, config `[[suppress]]` entries and
//! per-file ignores. Tracks which ones matched, so stale ones are reported.

use globset::{Glob, GlobMatcher};

use crate::config::SuppressEntry;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Document, Suppression};
use crate::rules::{RuleInfo, Selection};
use crate::source::Text;

pub static X001: RuleInfo = RuleInfo {
    code: "X001",
    name: "unused-suppression",
    severity: Severity::Info,
    summary: "a suppression comment or config entry that matched no finding",
    help: "remove the suppression: the finding it silenced is gone",
    docs: r#"## What it does
Reports a `storyline-disable` comment or a `[[suppress]]` config entry that
silenced nothing in this run, so that stale suppressions do not pile up.
Suppressions of rules that did not run (see `--select`) are not reported.

## Why it matters
A suppression outlives the bullet it was written for; left in place it can
hide a new finding on a rewritten line.

## Example
```markdown
<!-- storyline-disable-next-line O001 -->
- Led the migration of the feature store
```

## How to fix it
Delete the comment or the config entry.
"#,
};

pub static X003: RuleInfo = RuleInfo {
    code: "X003",
    name: "invalid-suppression",
    severity: Severity::Warning,
    summary: "a suppression comment that names no known rule code, or is misspelled",
    help: "spell the directive and the codes as `storyline rules` lists them",
    docs: r#"## What it does
Reports a suppression comment that cannot do what it was written for: a
misspelled directive (`storyline-disabel-next-line`), a code that no rule
has (`O999`), or a rule name where a code belongs (`weak-opener` for
`O001`). The message gives the nearest valid spelling. Such a comment (or
the part of it that is wrong) silences nothing.

## Why it matters
A typo in a suppression fails silently otherwise: the finding it was meant
to silence stays, or, worse, the author believes a rule is silenced when
the comment does nothing.

## Example
```markdown
<!-- storyline-disable-next-line weak-opener -- shared work -->
- Helped migrate the feature store
```

## How to fix it
Use one of `storyline-disable-next-line`, `storyline-disable` and
`storyline-enable`, followed by rule codes or code prefixes (`O001`, `M`).
"#,
};

/// Why one code of a suppression comment names no rule, with the nearest
/// valid spelling; `None` when it is a code or a code prefix.
fn invalid_code(code: &str) -> Option<String> {
    let rules = || crate::rules::all();
    if rules().any(|r| r.code.starts_with(code)) {
        return None;
    }
    if let Some(r) = rules().find(|r| r.name.eq_ignore_ascii_case(code)) {
        return Some(format!(
            "'{}' is a rule name; suppressions take its code: {}",
            code.to_lowercase(),
            r.code
        ));
    }
    // The nearest codes of the same family (same letter), else of all.
    let family: Vec<&str> = rules()
        .map(|r| r.code)
        .filter(|c| c.get(..1) == code.get(..1))
        .collect();
    let pool: Vec<&str> = if family.is_empty() {
        rules().map(|r| r.code).collect()
    } else {
        family
    };
    let best = pool
        .iter()
        .map(|c| strsim::levenshtein(c, code))
        .min()
        .unwrap_or(0);
    let near: Vec<&str> = pool
        .into_iter()
        .filter(|c| strsim::levenshtein(c, code) == best)
        .take(3)
        .collect();
    Some(format!(
        "no rule has the code '{code}'; did you mean {}?",
        near.join(" or ")
    ))
}

/// The directive nearest to a misspelled one.
fn nearest_directive(word: &str) -> &'static str {
    const DIRECTIVES: [&str; 3] = [
        "storyline-disable-next-line",
        "storyline-disable",
        "storyline-enable",
    ];
    DIRECTIVES
        .into_iter()
        .min_by_key(|d| strsim::levenshtein(d, &word.to_lowercase()))
        .unwrap_or(DIRECTIVES[0])
}

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
    if selection.enabled(X003.code) {
        for (i, why) in invalid {
            let s = &doc.suppressions[i];
            let line = doc.lines.line_text(&doc.source, s.line);
            let text = Text::verbatim(line, doc.lines.line_start(s.line));
            kept.push(crate::rules::diag(&X003, doc, &text, 0..line.len(), why));
        }
    }
    if selection.enabled(X001.code) {
        for ((s, used), codes) in doc.suppressions.iter().zip(&used_inline).zip(&covered) {
            // An invalid suppression is X003's, not a stale one.
            let Some(codes) = codes else { continue };
            let ran = codes.is_empty()
                || codes.iter().any(|c| {
                    crate::rules::all()
                        .any(|r| r.code.starts_with(c.as_str()) && selection.enabled(r.code))
                });
            if !used && ran {
                let line = doc.lines.line_text(&doc.source, s.line);
                let text = Text::verbatim(line, doc.lines.line_start(s.line));
                let what = if codes.is_empty() {
                    "all rules".to_string()
                } else {
                    codes.join(", ")
                };
                kept.push(crate::rules::diag(
                    &X001,
                    doc,
                    &text,
                    0..line.len(),
                    format!("this suppression of {what} matched no finding"),
                ));
            }
        }
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
            Diagnostic {
                code: X001.code,
                rule: X001.name,
                severity: X001.severity,
                path: config_name.to_string(),
                line,
                column: 1,
                end_line: line,
                end_column: width + 1,
                message: format!(
                    "this [[suppress]] entry ({} in {}, '{}') matched no finding",
                    e.rule, e.path, e.text
                ),
                help: X001.help.to_string(),
                field: None,
                related: Vec::new(),
                page: None,
                span: crate::source::Span::new(0, 0),
                fixes: Vec::new(),
            }
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
