//! `storyline check`: settings → discover → extract → lint → suppress →
//! report.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use clap::Args;
use rayon::prelude::*;
use serde::Serialize;

use super::{EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, OutputFormat, print, usage_error};
use crate::assess::TargetSource;
use crate::config::{Config, SuppressEntry};
use crate::date::{self, YearMonth};
use crate::diagnostic::{Diagnostic, Severity};
use crate::error::InputError;
use crate::extract::{self, Limits};
use crate::lexicon::Lexicon;
use crate::model::{Channel, Document};
use crate::report::scorecard::scorecard;
use crate::report::{self, Outcome};
use crate::rubric::{BUNDLED, DEFAULT_TRACK, Rubric};
use crate::rules::{self, Context, Selection};
use crate::suppress::{self, FileIgnores};

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files or folders to lint (default: `resumes` from storyline.toml)
    paths: Vec<PathBuf>,
    /// A LinkedIn export (ZIP or folder) to cross-check every resume against
    #[arg(long)]
    profile: Vec<PathBuf>,
    /// Target level id or alias (junior, mid, senior, staff, principal, L5, ...)
    #[arg(long)]
    target: Option<String>,
    /// Bundled level rubric (ml-engineer, software-engineer, data-scientist)
    #[arg(long, conflicts_with = "rubric")]
    track: Option<String>,
    /// A level rubric TOML file
    #[arg(long)]
    rubric: Option<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value = "human")]
    format: OutputFormat,
    /// Rule codes or prefixes to run, comma separated (M, C001, ...)
    #[arg(long, value_delimiter = ',')]
    select: Vec<String>,
    /// Rule codes or prefixes to skip, comma separated
    #[arg(long, value_delimiter = ',')]
    ignore: Vec<String>,
    /// Lowest severity that makes the exit status 1 [default: warning]
    #[arg(long, value_parser = parse_severity)]
    fail_on: Option<Severity>,
    /// The month "recent" and "Present" are measured from (YYYY-MM)
    #[arg(long, value_parser = date::parse_today)]
    today: Option<YearMonth>,
    /// A config file to use instead of the discovered storyline.toml
    #[arg(long, conflicts_with = "no_config")]
    config: Option<PathBuf>,
    /// Ignore any storyline.toml
    #[arg(long)]
    no_config: bool,
    /// Print the resolved settings and exit
    #[arg(long)]
    show_config: bool,
    /// Also list the findings that suppressions silenced, with the reasons
    #[arg(long)]
    report_suppressed: bool,
    /// Largest input file read, in bytes [default: 10485760]
    #[arg(long)]
    max_file_size: Option<u64>,
    /// Most members a ZIP input (DOCX, LinkedIn export) may list [default: 2000]
    #[arg(long)]
    max_zip_members: Option<usize>,
    /// Largest uncompressed size of one ZIP member, in bytes [default: 33554432]
    #[arg(long)]
    max_member_size: Option<u64>,
    /// Largest uncompressed total read from one archive, in bytes [default: 67108864]
    #[arg(long)]
    max_total_inflated: Option<u64>,
    /// Highest compression ratio of one ZIP member [default: 200]
    #[arg(long)]
    max_compression_ratio: Option<u64>,
    /// Seconds to extract one PDF's text [default: 10]
    #[arg(long)]
    pdf_timeout: Option<u64>,
    /// Most pages of one PDF [default: 50]
    #[arg(long)]
    max_pdf_pages: Option<usize>,
    /// Bytes the PDF extractor may allocate [default: 1073741824]
    #[arg(long)]
    max_pdf_memory: Option<u64>,
}

fn parse_severity(s: &str) -> Result<Severity, String> {
    Severity::parse(s).ok_or_else(|| format!("expected error, warning or info, got '{s}'"))
}

/// Where the rubric comes from.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "kebab-case")]
enum RubricChoice {
    Track(String),
    File(PathBuf),
}

/// Flags over config over defaults.
#[derive(Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
struct Settings {
    config: Option<PathBuf>,
    target: Option<String>,
    target_source: Option<&'static str>,
    rubric: RubricChoice,
    fail_on: Severity,
    select: Vec<String>,
    ignore: Vec<String>,
    today: String,
    resumes: Vec<PathBuf>,
    profiles: Vec<PathBuf>,
    max_file_size: u64,
    max_zip_members: usize,
    max_member_size: u64,
    max_total_inflated: u64,
    max_compression_ratio: u64,
    pdf_timeout: u64,
    max_pdf_pages: usize,
    max_pdf_memory: u64,
    per_file_ignores: std::collections::BTreeMap<String, Vec<String>>,
    suppress: Vec<SuppressEntry>,
    #[serde(skip)]
    today_ym: YearMonth,
    #[serde(skip)]
    target_from: Option<TargetSource>,
}

fn resolve(args: &CheckArgs) -> Result<Settings, String> {
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
    let at = |p: &str| {
        config
            .as_ref()
            .map_or_else(|| PathBuf::from(p), |c| c.resolve(p))
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
            .map(|s| s.trim().to_uppercase())
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

fn config_path(config: &Option<Config>) -> String {
    config
        .as_ref()
        .map_or_else(|| "config".into(), |c| c.path.display().to_string())
}

fn load_rubric(choice: &RubricChoice) -> Result<Arc<Rubric>, String> {
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

pub fn run(args: CheckArgs) -> u8 {
    let settings = match resolve(&args) {
        Ok(s) => s,
        Err(msg) => return usage_error(&msg),
    };
    if args.show_config {
        print(&toml::to_string_pretty(&settings).unwrap_or_default());
        return EXIT_CLEAN;
    }
    let lexicon = Lexicon::embedded();
    let rubric = match load_rubric(&settings.rubric) {
        Ok(r) => r,
        Err(msg) => return usage_error(&msg),
    };
    let target = match &settings.target {
        Some(t) => match rubric.level(t) {
            Some(level) => Some((level, settings.target_from.unwrap_or(TargetSource::Flag))),
            None => {
                let known: Vec<&str> = rubric.levels.iter().map(|l| l.id.as_str()).collect();
                return usage_error(&format!(
                    "unknown target level '{t}' for track {}: use one of {}",
                    rubric.id,
                    known.join(", ")
                ));
            }
        },
        None => None,
    };
    for code in settings.select.iter().chain(&settings.ignore) {
        if !rules::all().any(|r| r.code.starts_with(code.as_str())) {
            return usage_error(&format!(
                "'{code}' matches no rule code; `storyline rules` lists them"
            ));
        }
    }
    let file_ignores = match FileIgnores::new(&settings.per_file_ignores) {
        Ok(f) => f,
        Err(msg) => return usage_error(&msg),
    };
    let paths: Vec<PathBuf> = if args.paths.is_empty() {
        settings.resumes.clone()
    } else {
        args.paths.clone()
    };
    if paths.is_empty() {
        return usage_error(
            "no input: give the resume files or folders to check (or `resumes` in storyline.toml)",
        );
    }
    let selection = Selection {
        select: settings.select.clone(),
        ignore: settings.ignore.clone(),
    };
    let cx = Context {
        lexicon: &lexicon,
        rubric: &rubric,
        today: settings.today_ym,
        selection: &selection,
        target,
    };
    let limits = Limits {
        max_file_bytes: settings.max_file_size,
        max_zip_members: settings.max_zip_members,
        max_member_bytes: settings.max_member_size,
        max_total_inflated: settings.max_total_inflated,
        max_compression_ratio: settings.max_compression_ratio,
        pdf_timeout: std::time::Duration::from_secs(settings.pdf_timeout.max(1)),
        max_pdf_pages: settings.max_pdf_pages,
        max_pdf_memory: settings.max_pdf_memory,
        pdf_helper: None,
    };
    let run = RunOptions {
        file_ignores: &file_ignores,
        config_dir: settings.config.as_deref().and_then(Path::parent),
        entries: &settings.suppress,
        config_name: settings
            .config
            .as_ref()
            .map_or_else(|| "storyline.toml".into(), |p| p.display().to_string()),
    };
    let mut profiles = args.profile.clone();
    if profiles.is_empty() {
        profiles = settings.profiles.clone();
    }
    let mut outcome = lint_paths(&cx, &paths, &profiles, &limits, &run);
    if !settings.suppress.is_empty() && selection.enabled(suppress::X001.code) {
        for note in
            suppress::unused_entries(&settings.suppress, &outcome.suppressed, &run.config_name)
        {
            outcome.notes.push(note);
        }
    }
    if !args.report_suppressed {
        outcome.suppressed.clear();
    }

    let rendered = match args.format {
        OutputFormat::Human => {
            let color = std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
            report::human::render(&outcome, report::human::Style { color })
        }
        OutputFormat::Json => report::json::render(&outcome),
        OutputFormat::Sarif => report::sarif::render(&outcome),
        OutputFormat::Github => report::github::render(&outcome),
    };
    print(&rendered);

    if !outcome.errors.is_empty() {
        EXIT_ERROR
    } else if outcome
        .diagnostics
        .iter()
        .any(|d| d.severity >= settings.fail_on)
    {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    }
}

/// Per-run suppression inputs.
pub struct RunOptions<'a> {
    pub file_ignores: &'a FileIgnores,
    pub config_dir: Option<&'a Path>,
    pub entries: &'a [SuppressEntry],
    pub config_name: String,
}

/// Expands folders into the resume files below them, honouring
/// `.gitignore` and skipping hidden files; files named directly are kept
/// whatever their extension.
fn expand(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() && !extract::is_linkedin_folder(p) {
            let mut exports: Vec<PathBuf> = Vec::new();
            let mut found: Vec<PathBuf> = Vec::new();
            let mut walker = ignore::WalkBuilder::new(p);
            walker
                .follow_links(false)
                // A resume folder need not be a git repository to have a
                // .gitignore worth honouring.
                .require_git(false)
                .max_depth(Some(16));
            for entry in walker.build().flatten() {
                let path = entry.path();
                let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
                if is_dir && path != p.as_path() && extract::is_linkedin_folder(path) {
                    exports.push(path.to_path_buf());
                } else if entry.file_type().is_some_and(|t| t.is_file())
                    && !exports.iter().any(|e| path.starts_with(e))
                    && (extract::is_supported_name(path) || extract::is_linkedin_zip(path))
                {
                    found.push(path.to_path_buf());
                }
            }
            found.extend(exports);
            found.sort();
            out.extend(found);
        } else {
            out.push(p.clone());
        }
    }
    out
}

type Extracted = Result<Document, InputError>;

fn extract_all(
    cx: &Context<'_>,
    files: &[PathBuf],
    limits: &Limits,
    progress: &Progress,
) -> Vec<Extracted> {
    files
        .par_iter()
        .map(|path| {
            let doc = extract::extract_path(path, &path.display().to_string(), cx.lexicon, limits);
            progress.tick();
            doc
        })
        .collect()
}

/// Lints every path in parallel, cross-checks every resume against every
/// LinkedIn profile (given as inputs or with `--profile`); results come
/// back in input order.
pub fn lint_paths(
    cx: &Context<'_>,
    paths: &[PathBuf],
    profile_paths: &[PathBuf],
    limits: &Limits,
    run: &RunOptions<'_>,
) -> Outcome {
    let files = expand(paths);
    let progress = Progress::new(files.len());
    let extracted = extract_all(cx, &files, limits, &progress);
    progress.done();
    let mut outcome = Outcome {
        documents: Vec::new(),
        diagnostics: Vec::new(),
        errors: Vec::new(),
        files: files.len(),
        scorecards: Vec::new(),
        suppressed: Vec::new(),
        notes: Vec::new(),
    };
    // Profiles only cross-checked (not linted themselves): a pre-commit run
    // on a resume should not report on the LinkedIn export.
    let mut side_profiles = Vec::new();
    for r in extract_all(cx, profile_paths, limits, &Progress::new(0)) {
        match r {
            Ok(doc) if doc.channel == Channel::Linkedin => side_profiles.push(doc),
            Ok(doc) => outcome.errors.push(InputError::new(
                doc.path,
                "not a LinkedIn profile (a data-export ZIP or folder, or a profile saved with \"Save to PDF\")",
            )),
            Err(e) => outcome.errors.push(e),
        }
    }
    let mut docs = Vec::new();
    for r in extracted {
        match r {
            Ok(doc) => docs.push(doc),
            Err(e) => outcome.errors.push(e),
        }
    }
    let profiles: Vec<&Document> = docs
        .iter()
        .filter(|d| d.channel == Channel::Linkedin)
        .chain(&side_profiles)
        .collect();
    let resumes: Vec<&Document> = docs
        .iter()
        .filter(|d| d.channel == Channel::Resume)
        .collect();

    // Per document: its own rules, and for a resume the cross-checks.
    let linted: Vec<(Vec<Diagnostic>, crate::assess::Assessment)> = docs
        .par_iter()
        .map(|doc| {
            let (mut diags, assessment) = rules::check_and_assess(cx, doc);
            if doc.channel == Channel::Resume {
                let mut cross = Vec::new();
                for profile in &profiles {
                    rules::consistency::check_pair(cx, doc, profile, &mut cross);
                }
                cross.retain(|d| cx.selection.enabled(d.code));
                diags.extend(cross);
            }
            (diags, assessment)
        })
        .collect();
    let mut all: Vec<Diagnostic> = linted.iter().flat_map(|(d, _)| d.iter().cloned()).collect();
    all.extend(
        rules::levels::check_variants(cx, &resumes)
            .into_iter()
            .filter(|d| cx.selection.enabled(d.code)),
    );

    // Suppressions belong to the document a finding points into.
    for (doc, (_, assessment)) in docs.iter().zip(&linted) {
        let mine: Vec<Diagnostic> = all
            .iter()
            .filter(|d| doc.owns_path(&d.path))
            .cloned()
            .collect();
        let ignored = run.file_ignores.codes_for(&doc.path, run.config_dir);
        let (kept, silenced) = suppress::apply(
            doc,
            mine,
            run.entries,
            &ignored,
            cx.selection,
            &run.config_name,
        );
        let cross_checked = doc.channel == Channel::Resume && !profiles.is_empty();
        outcome
            .scorecards
            .push(scorecard(doc, assessment, cx.rubric, &kept, cross_checked));
        outcome.diagnostics.extend(kept);
        outcome.suppressed.extend(silenced);
    }
    // Findings on side profiles (a LinkedIn-only role) are reported too.
    for d in all {
        if !docs.iter().any(|doc| doc.owns_path(&d.path)) {
            outcome.diagnostics.push(d);
        }
    }
    outcome.documents = docs;
    outcome.documents.extend(side_profiles);
    outcome
        .diagnostics
        .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    outcome.diagnostics.dedup_by(|a, b| a == b);
    outcome
}

/// "checked 120/962" on standard error, for long batches on a terminal.
struct Progress {
    total: usize,
    done: std::sync::atomic::AtomicUsize,
    shown: bool,
}

impl Progress {
    fn new(total: usize) -> Self {
        Progress {
            total,
            done: std::sync::atomic::AtomicUsize::new(0),
            shown: total >= 50 && std::io::stderr().is_terminal(),
        }
    }

    fn tick(&self) {
        let n = self.done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        if self.shown && (n.is_multiple_of(25) || n == self.total) {
            eprint!("\rchecked {n}/{}", self.total);
        }
    }

    fn done(&self) {
        if self.shown {
            eprint!("\r\x1b[K");
        }
    }
}
