//! `storyline check`: settings → discover → extract → lint → suppress →
//! report.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use clap::Args;
use rayon::prelude::*;

use super::settings::{LintArgs, RubricChoice, Settings, load_rubric, resolve};
use super::stream::{self, StreamFormat, Streamer};
use super::{EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, OutputFormat, print, usage_error};
use crate::align;
use crate::assess::TargetSource;
use crate::diagnostic::{Diagnostic, Severity};
use crate::error::InputError;
use crate::extract::{self, Limits};
use crate::lexicon::Lexicon;
use crate::model::{Channel, Document};
use crate::report::evidence::{Alignment, Evidence};
use crate::report::scorecard::scorecard;
use crate::report::{self, Outcome};
use crate::rules::{self, Context, Selection};
use crate::suppress::{self, FileIgnores};

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    lint: LintArgs,
    /// Output format
    #[arg(long, value_enum, default_value = "human")]
    format: OutputFormat,
    /// Apply the safe suggested edits to the text files (Markdown, text, LaTeX, JSON Resume) in place, then report what remains
    #[arg(long)]
    fix: bool,
}

/// A finished lint run: what it found, and the severity that fails it.
pub(super) struct Linted {
    pub(super) outcome: Outcome,
    pub(super) fail_on: Severity,
    /// The findings were written as they came (`outcome.diagnostics` is
    /// empty); the rest of the report is still to write.
    pub(super) streamed: bool,
}

impl Linted {
    /// 2 when an input could not be read, 1 for findings at or above
    /// `--fail-on`, else 0.
    pub(super) fn exit_status(&self) -> u8 {
        if !self.outcome.errors.is_empty() {
            EXIT_ERROR
        } else if self
            .outcome
            .diagnostics
            .iter()
            .any(|d| d.severity >= self.fail_on)
        {
            EXIT_FINDINGS
        } else {
            EXIT_CLEAN
        }
    }
}

pub fn run(args: CheckArgs) -> u8 {
    // Only the HTML report shows the documents' models and per-role
    // evidence; the other formats let them go once a document is linted.
    let keep_model = matches!(args.format, OutputFormat::Html);
    let style = || report::human::Style {
        color: std::io::stdout().is_terminal()
            && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    };
    let mut streamer = match args.format {
        OutputFormat::Human => Some(Streamer::new(StreamFormat::Human(style()))),
        OutputFormat::Json => Some(Streamer::new(StreamFormat::Json)),
        OutputFormat::Github => Some(Streamer::new(StreamFormat::Github)),
        OutputFormat::Sarif | OutputFormat::Html => None,
    };
    let linted = match lint(&args.lint, keep_model, args.fix, streamer.as_mut()) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let outcome = &linted.outcome;
    if linted.streamed {
        let streamer = streamer.as_mut().expect("a streamed run has its streamer");
        let mut tail = report::Tail::of(outcome);
        tail.counts = streamer.counts;
        streamer.finish(&tail);
        return if !outcome.errors.is_empty() {
            EXIT_ERROR
        } else if streamer.failed_at(linted.fail_on) {
            EXIT_FINDINGS
        } else {
            EXIT_CLEAN
        };
    }
    let rendered = match args.format {
        OutputFormat::Human => report::human::render(outcome, style()),
        OutputFormat::Json => report::json::render(outcome),
        OutputFormat::Sarif => report::sarif::render(outcome),
        OutputFormat::Github => report::github::render(outcome),
        OutputFormat::Html => report::html::render(outcome),
    };
    print(&rendered);
    linted.exit_status()
}

/// Resolves the settings and lints the inputs (shared by `check` and
/// `report`); `Err` carries the exit status of a run that ends early
/// (a usage error, or `--show-config`).
pub(super) fn lint(
    args: &LintArgs,
    keep_model: bool,
    fix: bool,
    stream: Option<&mut Streamer>,
) -> Result<Linted, u8> {
    let settings = match resolve(args) {
        Ok(s) => s,
        Err(msg) => return Err(usage_error(&msg)),
    };
    if args.show_config {
        print(&toml::to_string_pretty(&settings).unwrap_or_default());
        return Err(EXIT_CLEAN);
    }
    let paths: Vec<PathBuf> = if args.paths.is_empty() {
        settings.resumes.clone()
    } else {
        args.paths.clone()
    };
    // `-` is standard input: the one input of its run.
    let stdin = paths.iter().any(|p| p.as_os_str() == "-");
    if stdin && paths.len() > 1 {
        return Err(usage_error(
            "`-` reads standard input and is the only input of its run: give the other files in another run",
        ));
    }
    if fix && stdin {
        return Err(usage_error(
            "--fix edits files in place: it cannot fix standard input",
        ));
    }
    if args.stdin_filename.is_some() && !stdin {
        return Err(usage_error(
            "--stdin-filename names standard input: give `-` as the input",
        ));
    }
    // Before the first automaton is built: many documents (or a large
    // one) pay back the slower build of faster automata.
    const LARGE: u64 = 256 << 10;
    let many = paths.len() > 1
        || paths
            .iter()
            .any(|p| std::fs::metadata(p).is_ok_and(|m| m.is_dir() || m.len() > LARGE));
    if many {
        crate::pattern::expect_many_documents();
    }
    // Start-up is most of a one-file run. Another thread loads the rubric
    // and compiles the rules' patterns while this one compiles the
    // extractors' patterns by using them: the thread that first searches
    // with a pattern keeps its fastest scratch space, and this thread is
    // the one that reads a lone file. The rubric comes back by channel,
    // not by join: the other thread goes on to compile the rubric patterns
    // a lone text file may need, and ending a thread is slow on a VM.
    let mut profiles = args.profile.clone();
    if profiles.is_empty() {
        profiles = settings.profiles.clone();
    }
    // Finding a batch's files (a walk, then a look at each one's first
    // bytes) is system calls, a tenth of the run: it goes on while the
    // patterns compile. One file is found at once.
    let may_stream = stream.is_some() && profiles.is_empty() && !keep_model;
    let discovering = many.then(|| {
        let paths = paths.clone();
        std::thread::spawn(move || Discovery::of(&paths, may_stream))
    });
    let (tx, rx) = std::sync::mpsc::channel();
    let choice = settings.rubric.clone();
    // A bundled rubric compiles its patterns on first use: the other
    // thread compiles those a lone small text file will need (a coach's own
    // rubric is compiled whole when loaded).
    let bundled = matches!(settings.rubric, RubricChoice::Track(_));
    let lone = (bundled && !many)
        .then(|| lone_text_file(&paths, settings.max_file_size))
        .flatten();
    let helper = std::thread::spawn(move || {
        let rubric = load_rubric(&choice);
        let ready = rubric.as_ref().ok().cloned();
        let _ = tx.send(rubric);
        crate::warm_up_rules();
        if let (Some(rubric), Some(path)) = (ready, lone) {
            // Unreadable: the reading thread reports it.
            if let Ok(text) = std::fs::read(&path) {
                rubric.prepare_for(&String::from_utf8_lossy(&text));
            }
        }
    });
    // A lone text file (a folder counts as many) is extracted now, while
    // the other thread loads the rubric: extraction needs only the lexicon,
    // and compiles just the patterns this document needs. (Not a PDF: its
    // extraction is a child process, not worth starting before the usage
    // checks below.) Otherwise a sample compiles every extractor's
    // patterns before the threads of a batch share them.
    let early = match paths.as_slice() {
        [_] if stdin => Some(extract::extract_stdin(
            args.stdin_filename.as_deref(),
            &Lexicon::embedded(),
            &settings.limits(),
        )),
        [path] if !many && extract::is_text_name(path) => Some(extract::extract_path(
            path,
            &path.display().to_string(),
            &Lexicon::embedded(),
            &settings.limits(),
        )),
        _ => {
            crate::warm_up_extractors();
            None
        }
    };
    // A busy machine can start the other thread late: then this one loads
    // a bundled rubric rather than wait (it is loaded once, by whichever
    // thread comes first, the other waiting for it). A rubric file would
    // be parsed and compiled twice: that one is waited for.
    let received = if bundled {
        rx.try_recv()
    } else {
        rx.recv()
            .map_err(|_| std::sync::mpsc::TryRecvError::Disconnected)
    };
    let loaded = match received {
        Ok(loaded) => loaded,
        Err(std::sync::mpsc::TryRecvError::Empty) => load_rubric(&settings.rubric),
        // The thread ended before it sent: it panicked.
        Err(std::sync::mpsc::TryRecvError::Disconnected) => {
            return match helper.join() {
                Err(panic) => std::panic::resume_unwind(panic),
                // Not reached: a thread that ends normally has sent.
                Ok(()) => Err(usage_error("the rubric could not be loaded")),
            };
        }
    };
    let rubric = match loaded {
        Ok(r) => r,
        Err(msg) => return Err(usage_error(&msg)),
    };
    let lexicon = Lexicon::embedded();
    let target = match &settings.target {
        Some(t) => match rubric.level(t) {
            Some(level) => Some((level, settings.target_from.unwrap_or(TargetSource::Flag))),
            None => {
                let known: Vec<&str> = rubric.levels.iter().map(|l| l.id.as_str()).collect();
                return Err(usage_error(&format!(
                    "unknown target level '{t}' for track {}: use one of {}",
                    rubric.id,
                    known.join(", ")
                )));
            }
        },
        None => None,
    };
    for code in settings.select.iter().chain(&settings.ignore) {
        if !rules::all().any(|r| r.code.starts_with(code.as_str())) {
            return Err(usage_error(&format!(
                "'{code}' matches no rule code; `storyline rules` lists them"
            )));
        }
    }
    let file_ignores = match FileIgnores::new(&settings.per_file_ignores) {
        Ok(f) => f,
        Err(msg) => return Err(usage_error(&msg)),
    };
    if paths.is_empty() {
        return Err(usage_error(
            "no input: give the resume files or folders to check (or `resumes` in storyline.toml)",
        ));
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
    let limits = settings.limits();
    let config_name = settings.config.as_ref().map_or_else(
        || "storyline.toml".into(),
        |p| super::settings::relative_to_cwd(p).display().to_string(),
    );
    let run = RunOptions {
        sup: crate::lint::Suppressions {
            file_ignores: &file_ignores,
            config_dir: settings.config.as_deref().and_then(Path::parent),
            entries: &settings.suppress,
            config_name: &config_name,
        },
        keep_model,
    };
    let discovery = match discovering.map(std::thread::JoinHandle::join) {
        Some(Ok(d)) => d,
        Some(Err(panic)) => std::panic::resume_unwind(panic),
        None if stdin => Discovery::stdin(args.stdin_filename.as_deref().unwrap_or("-")),
        None => Discovery::of(&paths, may_stream),
    };
    let mut discovery = Discovery { early, ..discovery };
    // The one place an input is written to, as asked: the files are
    // fixed before they are linted, so the report is of what remains.
    if fix && fix_files(&cx, &discovery.files, &limits, &run.sup) {
        discovery.early = None;
    }
    let skipped = std::mem::take(&mut discovery.skipped);
    let in_run: Vec<String> = if settings.suppress.is_empty() {
        Vec::new()
    } else {
        discovery
            .files
            .iter()
            .map(|p| p.display().to_string())
            .collect()
    };
    let mut stream = stream;
    let (mut outcome, streamed) = lint_paths(
        &cx,
        discovery,
        &profiles,
        &limits,
        &run,
        stream.as_deref_mut(),
    );
    if !settings.suppress.is_empty() && selection.enabled(suppress::X001.code) {
        let config_text = settings
            .config
            .as_deref()
            .and_then(|p| std::fs::read_to_string(p).ok())
            .unwrap_or_default();
        let stale = suppress::unused_entries(
            &settings.suppress,
            &outcome.suppressed,
            &in_run,
            &config_name,
            &config_text,
        );
        match stream {
            Some(streamer) if streamed => streamer.loose_findings(&stale),
            _ => {
                outcome.diagnostics.extend(stale);
                outcome
                    .diagnostics
                    .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
            }
        }
    }
    if !args.report_suppressed {
        outcome.suppressed.clear();
    }
    outcome.notes.extend(skipped);
    // Inputs that could not be read are said on standard error, in every
    // format (the structured formats also carry them as data).
    for e in &outcome.errors {
        eprintln!("error: {}: {}", e.path, e.message);
    }

    // The other thread is done by now (its work was start-up); a panic
    // there is a bug, and ends the run as one here would.
    if let Err(panic) = helper.join() {
        std::panic::resume_unwind(panic);
    }
    Ok(Linted {
        outcome,
        fail_on: settings.fail_on,
        streamed,
    })
}

/// `--fix`: applies the safe fixes to each text file and writes the file
/// back when something changed, saying what on standard error. Returns
/// whether any file was written.
fn fix_files(
    cx: &Context<'_>,
    files: &[PathBuf],
    limits: &Limits,
    sup: &crate::lint::Suppressions<'_>,
) -> bool {
    use crate::fix::apply::{FixError, fix_text};
    let mut written = false;
    let mut total = 0;
    for path in files {
        let display = path.display().to_string();
        if path.is_dir() || !extract::is_text_name(path) {
            eprintln!(
                "note: {display}: not fixed: --fix edits text files only (Markdown, text, LaTeX, JSON Resume); edit the document this one was made from"
            );
            continue;
        }
        let too_large = std::fs::metadata(path).is_ok_and(|m| m.len() > limits.max_file_bytes);
        let Ok(text) = std::fs::read(path) else {
            // Unreadable: the lint that follows says why.
            continue;
        };
        let Ok(text) = String::from_utf8(text) else {
            eprintln!("note: {display}: not fixed: the file is not UTF-8 text");
            continue;
        };
        if too_large {
            continue;
        }
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        let fixed = match fix_text(cx, &display, &ext, &text, limits, sup) {
            Ok(f) => f,
            Err(FixError::NotVerbatim(why)) => {
                eprintln!("note: {display}: not fixed: {why}");
                continue;
            }
            // The lint that follows reports it.
            Err(FixError::Input(_)) => continue,
        };
        if fixed.text == text {
            continue;
        }
        if let Err(e) = std::fs::write(path, &fixed.text) {
            eprintln!("error: {display}: cannot write the fixes: {e}");
            continue;
        }
        written = true;
        total += fixed.applied.len();
        for a in &fixed.applied {
            eprintln!(
                "fixed {display}:{}:{} {}: {} -> {}",
                a.line, a.column, a.code, a.before, a.after
            );
        }
    }
    if total > 0 {
        eprintln!(
            "fixed {total} finding{} (safe fixes only; the report below is of what remains)",
            if total == 1 { "" } else { "s" }
        );
    } else {
        eprintln!("--fix: no safe fix to apply");
    }
    written
}

/// The one input, when the run has only one and it is a text file no
/// larger than `max_bytes`: its rubric patterns can be compiled from its
/// raw text ahead of linting.
fn lone_text_file(paths: &[PathBuf], max_bytes: u64) -> Option<PathBuf> {
    let [path] = paths else {
        return None;
    };
    if !extract::is_text_name(path) {
        return None;
    }
    let meta = std::fs::metadata(path).ok()?;
    (meta.is_file() && meta.len() <= max_bytes).then(|| path.clone())
}

/// Per-run suppression inputs.
pub struct RunOptions<'a> {
    pub sup: crate::lint::Suppressions<'a>,
    /// Keep each document's model and build per-role evidence (the HTML
    /// report); otherwise only the source stays, for quoting it.
    pub keep_model: bool,
}

/// The files a run reads, found from the paths it was given.
pub struct Discovery {
    files: Vec<PathBuf>,
    /// Folders with nothing to read, each an error.
    empty_folders: Vec<InputError>,
    /// Whether the files can be linted as a stream ([`stream::streamable`]);
    /// false when the run could not stream anyway.
    streamable: bool,
    /// The one file's extraction, when it was done during start-up.
    early: Option<Extracted>,
    /// Files a folder walk found and left out, each with why (a note).
    skipped: Vec<String>,
}

impl Discovery {
    /// Standard input as the one input, read into `early` by the caller.
    fn stdin(name: &str) -> Discovery {
        Discovery {
            files: vec![PathBuf::from(name)],
            empty_folders: Vec::new(),
            streamable: false,
            early: None,
            skipped: Vec::new(),
        }
    }

    pub fn of(paths: &[PathBuf], may_stream: bool) -> Discovery {
        let (files, empty_folders, skipped) = expand(paths);
        let streamable = may_stream && stream::streamable(&files);
        Discovery {
            files,
            empty_folders,
            streamable,
            early: None,
            skipped,
        }
    }
}

/// Expands folders into the resume files below them, honouring
/// `.gitignore` and skipping hidden files; files named directly are kept
/// whatever their extension. A folder with nothing to read is an error:
/// a run that checked nothing must not pass as clean.
fn expand(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<InputError>, Vec<String>) {
    let mut out = Vec::new();
    let mut empty = Vec::new();
    let mut skipped = Vec::new();
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
                    match not_a_resume(path) {
                        Some(why) => skipped.push(format!("{}: {why}", path.display())),
                        None => found.push(path.to_path_buf()),
                    }
                }
            }
            found.extend(exports);
            found.sort();
            if found.is_empty() && skipped.is_empty() {
                empty.push(InputError::new(
                    p.display().to_string(),
                    "a folder with nothing to check: no resume (.md, .txt, .json, .tex, .docx, .pdf) and no LinkedIn export in it",
                ));
            }
            out.extend(found);
        } else {
            out.push(p.clone());
        }
    }
    (out, empty, skipped)
}

/// Why a JSON file found in a folder walk is no resume: storyline's own
/// output, or JSON that is not a JSON Resume (a package manifest, a
/// config). Such files are skipped with a note rather than read as a
/// resume (or failed as unreadable), so `storyline check .` in a project
/// folder checks the resumes in it. Other formats are judged by content
/// once read (X002). A file named on the command line is always read.
fn not_a_resume(path: &Path) -> Option<&'static str> {
    if !path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
    {
        return None;
    }
    use std::io::Read;
    let mut head = Vec::new();
    std::fs::File::open(path)
        .ok()?
        .take(64 << 10)
        .read_to_end(&mut head)
        .ok()?;
    let head = String::from_utf8_lossy(&head);
    let has = |key: &str| head.contains(&format!("\"{key}\""));
    if has("diagnostics") && has("summary") || has("$schema") && has("runs") {
        Some("skipped: storyline's own output (JSON or SARIF), not a resume")
    } else if !head.trim_start().starts_with('{')
        || !crate::lexicon::Lexicon::embedded()
            .resume_json_keys
            .iter()
            .any(|k| has(k))
    {
        // A resume in another JSON shape (FRESH) names some of these, and
        // is read and reported (not a JSON Resume) rather than skipped.
        Some("skipped: JSON with nothing of a resume in it (no work, education or skills)")
    } else {
        None
    }
}

/// Every file and export folder a run with `args` reads: the paths (or
/// the config's `resumes`) with folders expanded, and the profiles.
pub(super) fn input_files(args: &LintArgs) -> Vec<PathBuf> {
    let settings = resolve(args).ok();
    let pick = |given: &Vec<PathBuf>, from_config: fn(&Settings) -> &Vec<PathBuf>| {
        if given.is_empty() {
            settings
                .as_ref()
                .map(from_config)
                .cloned()
                .unwrap_or_default()
        } else {
            given.clone()
        }
    };
    let mut files = expand(&pick(&args.paths, |s| &s.resumes)).0;
    files.extend(pick(&args.profile, |s| &s.profiles));
    files
}

type Extracted = Result<Document, InputError>;

fn extract_all(
    cx: &Context<'_>,
    files: &[PathBuf],
    limits: &Limits,
    progress: &Progress,
) -> Vec<Extracted> {
    map_in_parallel(files, |path| {
        let doc = extract::extract_path(path, &path.display().to_string(), cx.lexicon, limits);
        progress.tick();
        doc
    })
}

/// `f` over `items` on the thread pool, in order; one item on this thread,
/// which spares a one-file run (a pre-commit hook) starting the pool.
fn map_in_parallel<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync + Send) -> Vec<R> {
    if items.len() <= 1 {
        items.iter().map(f).collect()
    } else {
        items.par_iter().map(f).collect()
    }
}

/// Lints every path in parallel, cross-checks every resume against every
/// LinkedIn profile (given as inputs or with `--profile`); results come
/// back in input order.
pub fn lint_paths(
    cx: &Context<'_>,
    discovery: Discovery,
    profile_paths: &[PathBuf],
    limits: &Limits,
    run: &RunOptions<'_>,
    stream: Option<&mut Streamer>,
) -> (Outcome, bool) {
    let Discovery {
        files,
        empty_folders,
        streamable,
        early,
        skipped: _,
    } = discovery;
    let progress = Progress::new(files.len());
    if let Some(streamer) = stream
        && profile_paths.is_empty()
        && !run.keep_model
        && streamable
    {
        let mut outcome = stream_files(cx, &files, limits, run, &progress, streamer);
        outcome.errors.splice(0..0, empty_folders);
        progress.done();
        return (outcome, true);
    }
    let extracted = match early {
        Some(doc) => {
            progress.tick();
            vec![doc]
        }
        None => extract_all(cx, &files, limits, &progress),
    };
    progress.done();
    let mut outcome = Outcome::new(files.len(), cx.today);
    outcome.errors = empty_folders;
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
    // Profiles given with --profile (or config) are cross-checked against
    // every resume; profiles among the inputs only against the resumes of
    // the same person, so that a coach's folder of clients is not
    // compared across people.
    let input_profiles: Vec<&Document> = docs
        .iter()
        .filter(|d| d.channel == Channel::Linkedin)
        .collect();
    let resumes: Vec<&Document> = docs
        .iter()
        .filter(|d| d.channel == Channel::Resume)
        .collect();

    // Which profiles each document is compared with: every side profile,
    // and the input profiles of the same person, or, with exactly one
    // resume and one profile among the inputs, that one.
    let lone_pair = resumes.len() == 1 && input_profiles.len() == 1;
    let partners: Vec<Vec<&Document>> =
        docs.iter()
            .map(|doc| {
                if doc.channel != Channel::Resume {
                    return Vec::new();
                }
                side_profiles
                    .iter()
                    .chain(
                        input_profiles.iter().copied().filter(|p| {
                            lone_pair || crate::align::same_person(doc, p) == Some(true)
                        }),
                    )
                    .collect()
            })
            .collect();

    // Per document: its own rules, and for a resume the cross-checks.
    let indexed: Vec<(&Document, &Vec<&Document>)> = docs.iter().zip(&partners).collect();
    let linted: Vec<(Vec<Diagnostic>, crate::assess::Assessment)> =
        map_in_parallel(&indexed, |(doc, mine)| {
            let (mut diags, assessment) = rules::check_and_assess(cx, doc);
            let mut cross = Vec::new();
            for profile in mine.iter() {
                rules::consistency::check_pair(cx, doc, profile, &mut cross);
            }
            diags.extend(cross);
            (diags, assessment)
        });
    let (per_doc, linted): (Vec<Vec<Diagnostic>>, Vec<crate::assess::Assessment>) =
        linted.into_iter().unzip();
    let mut all: Vec<Diagnostic> = per_doc.into_iter().flatten().collect();
    if cx.selection.enabled(rules::levels::L003.code) {
        all.extend(rules::levels::check_variants(cx, &resumes));
    }

    // Suppressions belong to the document a finding points into: group
    // the findings by owner once (a path index, not a scan per document).
    let owner = crate::report::path_owners(&docs);
    let mut by_doc: Vec<Vec<Diagnostic>> = vec![Vec::new(); docs.len()];
    for d in all {
        match owner.get(d.path.as_str()) {
            Some(&i) => by_doc[i].push(d),
            // Findings on side profiles (a LinkedIn-only role) are reported too.
            None => outcome.diagnostics.push(d),
        }
    }
    let mut kept_per_doc = Vec::with_capacity(docs.len());
    for (doc, mine) in docs.iter().zip(by_doc) {
        let (mut kept, silenced) = run.sup.apply(doc, mine, cx.selection);
        crate::fix::attach(doc, &mut kept);
        kept_per_doc.push(kept);
        outcome.suppressed.extend(silenced);
    }
    // A cross-channel finding placed on one channel (a LinkedIn-only role
    // on the profile) is a conflict of the other's too.
    let crossing: Vec<&Diagnostic> = kept_per_doc
        .iter()
        .flatten()
        .chain(&outcome.diagnostics)
        .filter(|d| d.code.starts_with('C') && !d.related.is_empty())
        .collect();
    let mut cards = Vec::with_capacity(docs.len());
    for (k, ((doc, assessment), mine_profiles)) in
        docs.iter().zip(&linted).zip(&partners).enumerate()
    {
        // A resume names the profiles it was compared with, a profile the
        // resumes.
        let compared: Vec<String> = if doc.channel == Channel::Resume {
            mine_profiles.iter().map(|p| p.path.clone()).collect()
        } else {
            docs.iter()
                .zip(&partners)
                .filter(|(_, ps)| ps.iter().any(|p| std::ptr::eq(*p, doc)))
                .map(|(r, _)| r.path.clone())
                .collect()
        };
        let mut seen = kept_per_doc[k].clone();
        seen.extend(
            crossing
                .iter()
                .filter(|d| {
                    !doc.owns_path(&d.path) && d.related.iter().any(|r| doc.owns_path(&r.path))
                })
                .map(|d| (*d).clone()),
        );
        cards.push(scorecard(doc, assessment, cx.rubric, &seen, &compared));
        if run.keep_model {
            outcome
                .evidence
                .push(evidence_of(cx, doc, assessment, mine_profiles));
        }
    }
    outcome.scorecards.extend(cards);
    for kept in kept_per_doc {
        outcome.diagnostics.extend(kept);
    }
    if run.keep_model {
        for profile in &side_profiles {
            let assessment = rules::assess_document(cx, profile);
            outcome
                .evidence
                .push(evidence_of(cx, profile, &assessment, &[]));
        }
    }
    drop(linted);
    outcome.documents = docs;
    outcome.documents.extend(side_profiles);
    if !run.keep_model {
        for doc in &mut outcome.documents {
            doc.strip_model();
        }
    }
    outcome
        .diagnostics
        .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    outcome.diagnostics.dedup_by(|a, b| a == b);
    (outcome, false)
}

/// A document with its own findings and assessment.
type LintedDoc = (Document, Vec<Diagnostic>, crate::assess::Assessment);

/// [`lint_paths`] for a batch that [`stream::streamable`] accepts: a chunk
/// at a time, in path order, each document's findings written before the
/// next chunk is read.
fn stream_files(
    cx: &Context<'_>,
    files: &[PathBuf],
    limits: &Limits,
    run: &RunOptions<'_>,
    progress: &Progress,
    streamer: &mut Streamer,
) -> Outcome {
    let mut outcome = Outcome::new(files.len(), cx.today);
    let mut variants = rules::levels::VariantIndex::default();
    let mut pending: Vec<Result<LintedDoc, InputError>> = Vec::new();
    for chunk in files.chunks(stream::CHUNK) {
        // `storyline check big/ | head`: nobody reads the rest.
        if streamer.is_closed() {
            break;
        }
        // This chunk is linted while the previous one is written out:
        // writing is serial and would leave the other cores idle.
        let previous = std::mem::take(&mut pending);
        let (linted, ()) = rayon::join(
            || {
                chunk
                    .par_iter()
                    .map(|path| {
                        let doc = extract::extract_path(
                            path,
                            &path.display().to_string(),
                            cx.lexicon,
                            limits,
                        );
                        progress.tick();
                        let doc = doc?;
                        let (diags, assessment) = rules::check_and_assess(cx, &doc);
                        Ok((doc, diags, assessment))
                    })
                    .collect()
            },
            || emit(cx, run, previous, &mut variants, &mut outcome, streamer),
        );
        pending = linted;
    }
    if !streamer.is_closed() {
        emit(cx, run, pending, &mut variants, &mut outcome, streamer);
    }
    outcome
}

/// Writes a streamed chunk's documents out, in order: a resume's variants
/// are those before it.
fn emit(
    cx: &Context<'_>,
    run: &RunOptions<'_>,
    linted: Vec<Result<LintedDoc, InputError>>,
    variants: &mut rules::levels::VariantIndex,
    outcome: &mut Outcome,
    streamer: &mut Streamer,
) {
    for r in linted {
        let (doc, mut diags, assessment) = match r {
            Ok(x) => x,
            Err(e) => {
                outcome.errors.push(e);
                continue;
            }
        };
        if doc.channel == Channel::Resume && cx.selection.enabled(rules::levels::L003.code) {
            diags.extend(variants.check(cx, &doc));
            variants.add(cx, &doc);
        }
        let (mut kept, silenced) = run.sup.apply(&doc, diags, cx.selection);
        kept.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        kept.dedup_by(|a, b| a == b);
        crate::fix::attach(&doc, &mut kept);
        streamer.scorecard(&scorecard(&doc, &assessment, cx.rubric, &kept, &[]));
        streamer.findings(&kept, &doc);
        outcome.suppressed.extend(silenced);
    }
}

/// A document's per-role evidence and, for a resume, its roles aligned with
/// each profile (for the HTML report).
fn evidence_of(
    cx: &Context<'_>,
    doc: &Document,
    assessment: &crate::assess::Assessment,
    profiles: &[&Document],
) -> Evidence {
    let alignments = if doc.channel == Channel::Resume {
        profiles
            .iter()
            .map(|p| Alignment {
                profile: p.path.clone(),
                roles: align::align(doc, p, &cx.lexicon.consistency, cx.today),
            })
            .collect()
    } else {
        Vec::new()
    };
    let mut assessment = assessment.clone();
    assessment.fill_history_scope(doc, cx.rubric);
    Evidence::new(assessment, cx.rubric, alignments)
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
