//! `storyline check`: discover → extract → lint → report.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use clap::Args;
use rayon::prelude::*;

use super::{EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, OutputFormat, print, usage_error};
use crate::assess::TargetSource;
use crate::date::{self, YearMonth};
use crate::diagnostic::{Diagnostic, Severity};
use crate::error::InputError;
use crate::extract::{self, Limits};
use crate::lexicon::Lexicon;
use crate::model::Document;
use crate::report::scorecard::{Scorecard, scorecard};
use crate::report::{self, Outcome};
use crate::rubric::{DEFAULT_TRACK, Rubric};
use crate::rules::{self, Context, Selection};

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files or folders to lint
    paths: Vec<PathBuf>,
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
    /// Lowest severity that makes the exit status 1
    #[arg(long, default_value = "warning", value_parser = parse_severity)]
    fail_on: Severity,
    /// The month "recent" and "Present" are measured from (YYYY-MM)
    #[arg(long, value_parser = date::parse_today)]
    today: Option<YearMonth>,
}

fn parse_severity(s: &str) -> Result<Severity, String> {
    Severity::parse(s).ok_or_else(|| format!("expected error, warning or info, got '{s}'"))
}

pub fn run(args: CheckArgs) -> u8 {
    let lexicon = Lexicon::embedded();
    let rubric = match load_rubric(&args) {
        Ok(r) => r,
        Err(msg) => return usage_error(&msg),
    };
    if let Some(t) = &args.target
        && rubric.level(t).is_none()
    {
        let known: Vec<&str> = rubric.levels.iter().map(|l| l.id.as_str()).collect();
        return usage_error(&format!(
            "unknown target level '{t}' for track {}: use one of {}",
            rubric.id,
            known.join(", ")
        ));
    }
    for code in args.select.iter().chain(&args.ignore) {
        let c = code.trim().to_uppercase();
        if !rules::all().any(|r| r.code.starts_with(&c)) {
            return usage_error(&format!(
                "'{code}' matches no rule code; `storyline rules` lists them"
            ));
        }
    }
    if args.paths.is_empty() {
        return usage_error("no input: give the resume files or folders to check");
    }
    let selection = Selection {
        select: args
            .select
            .iter()
            .map(|s| s.trim().to_uppercase())
            .collect(),
        ignore: args
            .ignore
            .iter()
            .map(|s| s.trim().to_uppercase())
            .collect(),
    };
    let cx = Context {
        lexicon: &lexicon,
        rubric: &rubric,
        today: args.today.unwrap_or_else(date::current_month),
        selection: &selection,
        target: args
            .target
            .as_deref()
            .and_then(|t| rubric.level(t))
            .map(|l| (l, TargetSource::Flag)),
    };
    let outcome = lint_paths(&cx, &args.paths, &Limits::default());

    let rendered = match args.format {
        OutputFormat::Human => {
            let color = std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
            report::human::render(&outcome, report::human::Style { color })
        }
        OutputFormat::Json => report::json::render(&outcome),
    };
    print(&rendered);

    if !outcome.errors.is_empty() {
        EXIT_ERROR
    } else if outcome
        .diagnostics
        .iter()
        .any(|d| d.severity >= args.fail_on)
    {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    }
}

fn load_rubric(args: &CheckArgs) -> Result<Arc<Rubric>, String> {
    if let Some(path) = &args.rubric {
        let display = path.display().to_string();
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{display}: cannot read the rubric: {e}"))?;
        return Rubric::parse(&text, &display)
            .map(Arc::new)
            .map_err(|e| e.to_string());
    }
    let track = args.track.as_deref().unwrap_or(DEFAULT_TRACK);
    Rubric::bundled(track).ok_or_else(|| {
        let known: Vec<&str> = crate::rubric::BUNDLED.iter().map(|(id, _)| *id).collect();
        format!(
            "unknown track '{track}': use one of {}, or --rubric FILE",
            known.join(", ")
        )
    })
}

/// Expands folders into the supported files below them (sorted), and keeps
/// files named directly whatever their extension.
fn expand(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut found = Vec::new();
            walk(p, &mut found, 0);
            found.sort();
            out.extend(found);
        } else {
            out.push(p.clone());
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>, depth: usize) {
    // Deep trees are not resume folders; links may loop.
    if depth > 16 {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let path = e.path();
        let hidden = e.file_name().to_string_lossy().starts_with('.');
        let Ok(ft) = e.file_type() else { continue };
        if hidden || ft.is_symlink() {
            continue;
        }
        if ft.is_dir() {
            walk(&path, out, depth + 1);
        } else if ft.is_file() && extract::is_supported_name(&path) {
            out.push(path);
        }
    }
}

/// Lints every path in parallel; results come back in input order.
pub fn lint_paths(cx: &Context<'_>, paths: &[PathBuf], limits: &Limits) -> Outcome {
    let files = expand(paths);
    type Linted = (Document, Vec<Diagnostic>, Scorecard);
    let results: Vec<Result<Linted, InputError>> = files
        .par_iter()
        .map(|path| {
            let display = path.display().to_string();
            let doc = extract::extract_path(path, &display, cx.lexicon, limits)?;
            let (diags, assessment) = rules::check_and_assess(cx, &doc);
            let diags = apply_suppressions(&doc, diags);
            let card = scorecard(&doc.path, &assessment, cx.rubric, &diags, false);
            Ok((doc, diags, card))
        })
        .collect();
    let mut outcome = Outcome {
        documents: Vec::new(),
        diagnostics: Vec::new(),
        errors: Vec::new(),
        files: files.len(),
        scorecards: Vec::new(),
    };
    for r in results {
        match r {
            Ok((doc, diags, card)) => {
                outcome.diagnostics.extend(diags);
                outcome.documents.push(doc);
                outcome.scorecards.push(card);
            }
            Err(e) => outcome.errors.push(e),
        }
    }
    outcome
        .diagnostics
        .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    outcome
}

/// Drops findings that an inline `storyline-disable` comment covers.
fn apply_suppressions(doc: &Document, mut diags: Vec<Diagnostic>) -> Vec<Diagnostic> {
    if doc.suppressions.is_empty() {
        return diags;
    }
    diags.retain(|d| {
        !doc.suppressions.iter().any(|s| {
            (s.lines.0..=s.lines.1).contains(&d.line)
                && (s.codes.is_empty() || s.codes.iter().any(|c| d.code.starts_with(c.as_str())))
        })
    });
    diags
}
