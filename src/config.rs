//! `storyline.toml`: discovery, parsing (unknown keys are errors naming the
//! file, line and key) and the resolved settings, with the precedence
//! defaults < file < flags.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::DataError;

pub const FILE_NAMES: &[&str] = &["storyline.toml", ".storyline.toml"];

/// The file as written. Every key is also a flag of `storyline check`.
#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ConfigFile {
    pub target: Option<String>,
    pub track: Option<String>,
    pub rubric: Option<PathBuf>,
    pub fail_on: Option<String>,
    pub select: Option<Vec<String>>,
    pub ignore: Option<Vec<String>>,
    pub today: Option<String>,
    pub resumes: Option<Vec<String>>,
    pub profiles: Option<Vec<String>>,
    pub max_file_size: Option<u64>,
    pub max_zip_members: Option<usize>,
    pub max_member_size: Option<u64>,
    pub max_total_inflated: Option<u64>,
    pub max_compression_ratio: Option<u64>,
    pub pdf_timeout: Option<u64>,
    pub max_pdf_pages: Option<usize>,
    pub max_pdf_memory: Option<u64>,
    pub per_file_ignores: Option<BTreeMap<String, Vec<String>>>,
    /// Suppressions for formats without comments (JSON, PDF, DOCX, LinkedIn).
    pub suppress: Option<Vec<SuppressEntry>>,
}

/// `[[suppress]]`: silence `rule` on the finding in `path` whose source
/// line contains `text`.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct SuppressEntry {
    pub path: String,
    pub rule: String,
    pub text: String,
    pub reason: Option<String>,
}

/// A loaded config: the file's contents and where it lives.
#[derive(Debug, Clone)]
pub struct Config {
    pub path: PathBuf,
    pub file: ConfigFile,
}

impl Config {
    /// The folder relative paths in the file are resolved against.
    pub fn dir(&self) -> &Path {
        self.path.parent().unwrap_or(Path::new("."))
    }

    pub fn resolve(&self, p: &str) -> PathBuf {
        let path = Path::new(p);
        if path.is_absolute() {
            path.to_path_buf()
        } else {
            self.dir().join(path)
        }
    }

    pub fn load(path: &Path) -> Result<Config, DataError> {
        let display = path.display().to_string();
        let text = std::fs::read_to_string(path)
            .map_err(|e| DataError::plain(&display, format!("cannot read the config: {e}")))?;
        Config::parse(&text, path)
    }

    pub fn parse(text: &str, path: &Path) -> Result<Config, DataError> {
        let display = path.display().to_string();
        let file: ConfigFile =
            toml::from_str(text).map_err(|e| DataError::toml(&display, text, &e))?;
        if file.track.is_some() && file.rubric.is_some() {
            return Err(DataError::plain(
                &display,
                "give `track` or `rubric`, not both",
            ));
        }
        check_codes(&file, text, &display)?;
        Ok(Config {
            path: path.to_path_buf(),
            file,
        })
    }

    /// The nearest config file at or above `start`.
    pub fn discover(start: &Path) -> Option<PathBuf> {
        let mut dir = Some(start);
        while let Some(d) = dir {
            for name in FILE_NAMES {
                let candidate = d.join(name);
                if candidate.is_file() {
                    return Some(candidate);
                }
            }
            dir = d.parent();
        }
        None
    }
}

/// Every rule code the file names (`select`, `ignore`, `per-file-ignores`,
/// `[[suppress]]` rules) must name a rule, a code prefix or a rule name:
/// an error names the file, the line and the key, as for unknown keys.
fn check_codes(file: &ConfigFile, text: &str, display: &str) -> Result<(), DataError> {
    let mut named: Vec<(String, &str)> = Vec::new();
    for code in file.select.iter().flatten() {
        named.push(("select".into(), code));
    }
    for code in file.ignore.iter().flatten() {
        named.push(("ignore".into(), code));
    }
    for (pattern, codes) in file.per_file_ignores.iter().flatten() {
        for code in codes {
            named.push((format!("per-file-ignores.\"{pattern}\""), code));
        }
    }
    for entry in file.suppress.iter().flatten() {
        named.push(("suppress.rule".into(), &entry.rule));
    }
    for (key, code) in named {
        if crate::rules::is_code_or_prefix(&crate::rules::code_of(code)) {
            continue;
        }
        // The line of the first quoted occurrence of the code.
        let quoted = [format!("\"{code}\""), format!("'{code}'")];
        let line = text
            .lines()
            .position(|l| quoted.iter().any(|q| l.contains(q.as_str())))
            .map(|i| i + 1);
        let message = format!("{key}: '{code}' matches no rule code; `storyline rules` lists them");
        return Err(match line {
            Some(line) => DataError::at(display, line, message),
            None => DataError::plain(display, message),
        });
    }
    Ok(())
}

/// The starter file `storyline init` writes.
pub const STARTER: &str = r#"# storyline configuration. Every key is also a flag of `storyline check`;
# flags win over this file. Paths are relative to this file.

# The level you are applying for: junior, mid, senior, staff, principal,
# distinguished, or an alias such as L5 or "Sr.".
# target = "senior"

# Which level rubric: a bundled track (ml-engineer, software-engineer,
# data-scientist) or your own file (`storyline rubric show` prints one).
track = "ml-engineer"
# rubric = "rubrics/our-market.toml"

# The lowest severity that makes `storyline check` exit 1.
fail-on = "warning"

# Rule codes or prefixes to run, and to skip.
# select = ["M", "P", "O", "S", "L", "C"]
# ignore = ["M001"]

# What `storyline check` lints when no path is given.
# resumes = ["resume.md"]

# The month "Present" and "recent" are measured from (default: this month);
# pin it for reproducible CI runs.
# today = "2026-11"

# LinkedIn exports (ZIP, folder or profile PDF) cross-checked against every resume.
# profiles = ["linkedin/"]

# Limits on untrusted inputs (defaults shown).
# max-file-size = 10485760          # bytes read from one file
# max-zip-members = 2000            # members a DOCX or LinkedIn ZIP may list
# max-member-size = 33554432        # uncompressed bytes of one ZIP member
# max-total-inflated = 67108864     # uncompressed bytes read from one archive
# max-compression-ratio = 200       # uncompressed : compressed of one member
# pdf-timeout = 10                  # seconds to extract one PDF's text
# max-pdf-pages = 50                # pages of one PDF
# max-pdf-memory = 1073741824       # bytes the PDF extractor may allocate

# Skip rules for some files (glob patterns, relative to this file).
# [per-file-ignores]
# "archive/*.md" = ["C"]

# Suppress one finding in a format without comments (JSON, PDF, DOCX).
# [[suppress]]
# path = "resume.json"
# rule = "O001"
# text = "Helped the search team"
# reason = "shared work, said on purpose"
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starter_parses_and_unknown_keys_are_rejected() {
        let c = Config::parse(STARTER, Path::new("storyline.toml")).unwrap();
        assert_eq!(c.file.track.as_deref(), Some("ml-engineer"));
        let e = Config::parse(
            "target = \"staff\"\nfail_on = \"error\"\n",
            Path::new("x/storyline.toml"),
        )
        .unwrap_err();
        assert_eq!(e.path, "x/storyline.toml");
        assert_eq!(e.line, Some(2));
        assert!(e.message.contains("unknown field `fail_on`"), "{e}");
    }

    #[test]
    fn relative_paths_resolve_against_the_config_folder() {
        let c = Config::parse("rubric = \"r.toml\"", Path::new("/a/b/storyline.toml")).unwrap();
        assert_eq!(c.resolve("r.toml"), PathBuf::from("/a/b/r.toml"));
        assert_eq!(c.resolve("/abs.toml"), PathBuf::from("/abs.toml"));
    }

    #[test]
    fn track_and_rubric_conflict() {
        let e = Config::parse(
            "track = \"ml-engineer\"\nrubric = \"x.toml\"\n",
            Path::new("s.toml"),
        )
        .unwrap_err();
        assert!(e.message.contains("not both"));
    }
}
