//! The settings `check` and `report` share: the flags that choose inputs,
//! rubric, target, rules and dates, resolved over storyline.toml and the
//! defaults.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use clap::Args;
use serde::Serialize;

use crate::assess::TargetSource;
use crate::config::{Config, SuppressEntry};
use crate::date::{self, YearMonth};
use crate::diagnostic::Severity;
use crate::extract::Limits;
use crate::rubric::{BUNDLED, DEFAULT_TRACK, Rubric};

/// Inputs and lint settings, as flags.
#[derive(Debug, Args)]
pub struct LintArgs {
    /// Files or folders to lint (default: `resumes` from storyline.toml); `-` reads standard input
    pub(super) paths: Vec<PathBuf>,
    /// The name (and so the format) of the document read from standard input with `-`
    #[arg(long, value_name = "NAME")]
    pub(super) stdin_filename: Option<String>,
    /// A LinkedIn profile to cross-check every resume against: the data-export ZIP or folder, or a profile saved with "Save to PDF"
    #[arg(long)]
    pub(super) profile: Vec<PathBuf>,
    /// Target level id or alias (junior, mid, senior, staff, principal, L5, ...)
    #[arg(long)]
    pub(super) target: Option<String>,
    /// Bundled level rubric (ml-engineer, software-engineer, data-scientist)
    #[arg(long, conflicts_with = "rubric")]
    pub(super) track: Option<String>,
    /// A level rubric TOML file
    #[arg(long)]
    pub(super) rubric: Option<PathBuf>,
    /// Rule codes, prefixes or names to run, comma separated (M, C001, weak-opener, ...)
    #[arg(long, value_delimiter = ',')]
    pub(super) select: Vec<String>,
    /// Rule codes, prefixes or names to skip, comma separated
    #[arg(long, value_delimiter = ',')]
    pub(super) ignore: Vec<String>,
    /// Lowest severity that makes the exit status 1: error, warning or info [default: warning]
    #[arg(long, value_parser = parse_severity, value_name = "error|warning|info")]
    pub(super) fail_on: Option<Severity>,
    /// The month "recent" and "Present" are measured from (YYYY-MM)
    #[arg(long, value_parser = date::parse_today)]
    pub(super) today: Option<YearMonth>,
    /// A config file to use instead of the discovered storyline.toml
    #[arg(long, conflicts_with = "no_config")]
    pub(super) config: Option<PathBuf>,
    /// Ignore any storyline.toml
    #[arg(long)]
    pub(super) no_config: bool,
    /// Print the resolved settings and exit
    #[arg(long)]
    pub(super) show_config: bool,
    /// Also list the findings that suppressions silenced, with the reasons
    #[arg(long)]
    pub(super) report_suppressed: bool,
    /// Largest input file read, in bytes [default: 10485760]
    #[arg(long)]
    pub(super) max_file_size: Option<u64>,
    /// Most members a ZIP input (DOCX, LinkedIn export) may list [default: 2000]
    #[arg(long)]
    pub(super) max_zip_members: Option<usize>,
    /// Largest uncompressed size of one ZIP member, in bytes [default: 33554432]
    #[arg(long)]
    pub(super) max_member_size: Option<u64>,
    /// Largest uncompressed total read from one archive, in bytes [default: 67108864]
    #[arg(long)]
    pub(super) max_total_inflated: Option<u64>,
    /// Highest compression ratio of one ZIP member [default: 200]
    #[arg(long)]
    pub(super) max_compression_ratio: Option<u64>,
    /// Seconds to extract one PDF's text [default: 10]
    #[arg(long)]
    pub(super) pdf_timeout: Option<u64>,
    /// Most pages of one PDF [default: 50]
    #[arg(long)]
    pub(super) max_pdf_pages: Option<usize>,
    /// Bytes the PDF extractor may allocate [default: 1073741824]
    #[arg(long)]
    pub(super) max_pdf_memory: Option<u64>,
}

pub(super) fn parse_severity(s: &str) -> Result<Severity, String> {
    Severity::parse(s).ok_or_else(|| format!("expected error, warning or info, got '{s}'"))
}

/// Where the rubric comes from.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(super) enum RubricChoice {
    Track(String),
    File(PathBuf),
}

/// Flags over config over defaults.
#[derive(Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(super) struct Settings {
    pub(super) config: Option<PathBuf>,
    pub(super) target: Option<String>,
    pub(super) target_source: Option<&'static str>,
    pub(super) rubric: RubricChoice,
    pub(super) fail_on: Severity,
    pub(super) select: Vec<String>,
    pub(super) ignore: Vec<String>,
    pub(super) today: String,
    pub(super) resumes: Vec<PathBuf>,
    pub(super) profiles: Vec<PathBuf>,
    pub(super) max_file_size: u64,
    pub(super) max_zip_members: usize,
    pub(super) max_member_size: u64,
    pub(super) max_total_inflated: u64,
    pub(super) max_compression_ratio: u64,
    pub(super) pdf_timeout: u64,
    pub(super) max_pdf_pages: usize,
    pub(super) max_pdf_memory: u64,
    pub(super) per_file_ignores: std::collections::BTreeMap<String, Vec<String>>,
    pub(super) suppress: Vec<SuppressEntry>,
    #[serde(skip)]
    pub(super) today_ym: YearMonth,
    #[serde(skip)]
    pub(super) target_from: Option<TargetSource>,
}

pub(super) fn resolve(args: &LintArgs) -> Result<Settings, String> {
    let config = if args.no_config {
        None
    } else if let Some(path) = &args.config {
        Some(Config::load(path).map_err(|e| e.to_string())?)
    } else {
        let cwd = std::env::current_dir()
            .map_err(|e| format!("cannot read the working directory: {e}"))?;
        match Config::discover(&cwd) {
            Some(path) => Some(Config::load(&path).map_err(|e| e.to_string())?),
            None => None,
        }
    };
    let file = config.as_ref().map(|c| c.file.clone()).unwrap_or_default();
    // Paths from the config resolve against its folder, and print relative
    // to the working directory as paths on the command line do (GitHub
    // annotations need repository-relative paths).
    let at = |p: &str| {
        config
            .as_ref()
            .map_or_else(|| PathBuf::from(p), |c| relative_to_cwd(&c.resolve(p)))
    };

    let (target, target_from) = match (&args.target, &file.target) {
        (Some(t), _) => (Some(t.clone()), Some(TargetSource::Flag)),
        (None, Some(t)) => (Some(t.clone()), Some(TargetSource::Config)),
        _ => (None, None),
    };
    let rubric = match (&args.track, &args.rubric, &file.track, &file.rubric) {
        (Some(t), _, _, _) => RubricChoice::Track(t.clone()),
        (_, Some(r), _, _) => RubricChoice::File(r.clone()),
        (_, _, Some(t), _) => RubricChoice::Track(t.clone()),
        (_, _, _, Some(r)) => RubricChoice::File(at(&r.to_string_lossy())),
        _ => RubricChoice::Track(DEFAULT_TRACK.to_string()),
    };
    let fail_on = match (args.fail_on, &file.fail_on) {
        (Some(s), _) => s,
        (None, Some(s)) => {
            parse_severity(s).map_err(|e| format!("{}: fail-on: {e}", config_path(&config)))?
        }
        _ => Severity::Warning,
    };
    let codes = |flag: &[String], from_file: &Option<Vec<String>>| -> Vec<String> {
        let v = if flag.is_empty() {
            from_file.clone().unwrap_or_default()
        } else {
            flag.to_vec()
        };
        v.iter()
            .map(|s| crate::rules::code_of(s))
            .filter(|s| !s.is_empty())
            .collect()
    };
    let today_ym = match (args.today, &file.today) {
        (Some(t), _) => t,
        (None, Some(t)) => {
            date::parse_today(t).map_err(|e| format!("{}: today: {e}", config_path(&config)))?
        }
        _ => date::current_month(),
    };
    Ok(Settings {
        config: config.as_ref().map(|c| c.path.clone()),
        target,
        target_source: target_from.map(TargetSource::as_str),
        target_from,
        rubric,
        fail_on,
        select: codes(&args.select, &file.select),
        ignore: codes(&args.ignore, &file.ignore),
        today: today_ym.to_string(),
        today_ym,
        resumes: file.resumes.iter().flatten().map(|p| at(p)).collect(),
        profiles: file.profiles.iter().flatten().map(|p| at(p)).collect(),
        max_zip_members: args
            .max_zip_members
            .or(file.max_zip_members)
            .unwrap_or(Limits::default().max_zip_members),
        max_member_size: args
            .max_member_size
            .or(file.max_member_size)
            .unwrap_or(Limits::default().max_member_bytes),
        max_total_inflated: args
            .max_total_inflated
            .or(file.max_total_inflated)
            .unwrap_or(Limits::default().max_total_inflated),
        max_compression_ratio: args
            .max_compression_ratio
            .or(file.max_compression_ratio)
            .unwrap_or(Limits::default().max_compression_ratio),
        pdf_timeout: args
            .pdf_timeout
            .or(file.pdf_timeout)
            .unwrap_or(Limits::default().pdf_timeout.as_secs()),
        max_pdf_pages: args
            .max_pdf_pages
            .or(file.max_pdf_pages)
            .unwrap_or(Limits::default().max_pdf_pages),
        max_pdf_memory: args
            .max_pdf_memory
            .or(file.max_pdf_memory)
            .unwrap_or(Limits::default().max_pdf_memory),
        max_file_size: args
            .max_file_size
            .or(file.max_file_size)
            .unwrap_or(Limits::default().max_file_bytes),
        per_file_ignores: file.per_file_ignores.unwrap_or_default(),
        suppress: file.suppress.unwrap_or_default(),
    })
}

/// `path` relative to the working directory when both are absolute ("..":
/// for the parts above it), else as it is.
pub(super) fn relative_to_cwd(path: &Path) -> PathBuf {
    let Ok(cwd) = std::env::current_dir() else {
        return path.to_path_buf();
    };
    relative_to(path, &cwd).unwrap_or_else(|| path.to_path_buf())
}

fn relative_to(path: &Path, base: &Path) -> Option<PathBuf> {
    use std::path::Component;
    if !path.is_absolute() || !base.is_absolute() {
        return None;
    }
    fn clean(p: &Path) -> Vec<Component<'_>> {
        p.components()
            .filter(|c| !matches!(c, Component::CurDir))
            .collect()
    }
    let (p, b) = (clean(path), clean(base));
    if p.iter()
        .chain(&b)
        .any(|c| matches!(c, Component::ParentDir))
    {
        return None;
    }
    let common = p.iter().zip(&b).take_while(|(x, y)| x == y).count();
    // Nothing shared but the root: the absolute path says more.
    if common <= 1 {
        return None;
    }
    let mut out = PathBuf::new();
    for _ in common..b.len() {
        out.push("..");
    }
    for c in &p[common..] {
        out.push(c.as_os_str());
    }
    Some(if out.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        out
    })
}

fn config_path(config: &Option<Config>) -> String {
    config
        .as_ref()
        .map_or_else(|| "config".into(), |c| c.path.display().to_string())
}

pub(super) fn load_rubric(choice: &RubricChoice) -> Result<Arc<Rubric>, String> {
    match choice {
        RubricChoice::File(path) => {
            let display = path.display().to_string();
            let text = std::fs::read_to_string(path)
                .map_err(|e| format!("{display}: cannot read the rubric: {e}"))?;
            Rubric::parse(&text, &display)
                .map(Arc::new)
                .map_err(|e| e.to_string())
        }
        RubricChoice::Track(track) => Rubric::bundled(track).ok_or_else(|| {
            let known: Vec<&str> = BUNDLED.iter().map(|(id, _)| *id).collect();
            format!(
                "unknown track '{track}': use one of {}, or --rubric FILE",
                known.join(", ")
            )
        }),
    }
}

impl Settings {
    /// The input limits these settings name.
    pub(super) fn limits(&self) -> Limits {
        Limits {
            max_file_bytes: self.max_file_size,
            max_zip_members: self.max_zip_members,
            max_member_bytes: self.max_member_size,
            max_total_inflated: self.max_total_inflated,
            max_compression_ratio: self.max_compression_ratio,
            pdf_timeout: std::time::Duration::from_secs(self.pdf_timeout.max(1)),
            max_pdf_pages: self.max_pdf_pages,
            max_pdf_memory: self.max_pdf_memory,
            pdf_helper: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::relative_to;
    use std::path::{Path, PathBuf};

    #[test]
    fn config_paths_print_relative_to_the_working_directory() {
        let rel = |p: &str, b: &str| relative_to(Path::new(p), Path::new(b));
        assert_eq!(
            rel("/w/repo/resume.md", "/w/repo"),
            Some(PathBuf::from("resume.md"))
        );
        assert_eq!(
            rel("/w/repo/./cv/a.md", "/w/repo/sub"),
            Some(PathBuf::from("../cv/a.md"))
        );
        assert_eq!(rel("/w/repo", "/w/repo"), Some(PathBuf::from(".")));
        // Only the root in common, or a relative input: left as they are.
        assert_eq!(rel("/etc/x.md", "/home/u"), None);
        assert_eq!(rel("x.md", "/home/u"), None);
        assert_eq!(rel("/w/../x.md", "/w"), None);
    }
}
