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
                codes.iter().map(|c| c.trim().to_uppercase()).collect(),
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
        if let Some(i) = doc.suppressions.iter().position(|s: &Suppression| {
            (s.lines.0..=s.lines.1).contains(&d.line) && covers(&s.codes, d.code)
        }) {
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
            d.code.starts_with(e.rule.trim().to_uppercase().as_str())
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
    if selection.enabled(X001.code) {
        for (s, used) in doc.suppressions.iter().zip(&used_inline) {
            let ran = s.codes.is_empty()
                || s.codes.iter().any(|c| {
                    crate::rules::all()
                        .any(|r| r.code.starts_with(c.as_str()) && selection.enabled(r.code))
                });
            if !used && ran {
                let line = doc.lines.line_text(&doc.source, s.line);
                let text = Text::verbatim(line, doc.lines.line_start(s.line));
                let what = if s.codes.is_empty() {
                    "all rules".to_string()
                } else {
                    s.codes.join(", ")
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

/// Reports `[[suppress]]` entries that matched no finding in any document.
pub fn unused_entries(
    entries: &[SuppressEntry],
    silenced: &[Suppressed],
    config_name: &str,
) -> Vec<String> {
    entries
        .iter()
        .enumerate()
        .filter(|(i, _)| !silenced.iter().any(|s| s.entry == Some(*i)))
        .map(|(_, e)| {
            format!(
                "{config_name}: [[suppress]] {} in {} ('{}') matched no finding",
                e.rule, e.path, e.text
            )
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
