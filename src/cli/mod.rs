//! The command line: argument parsing and the commands.

mod check;
mod extract;
mod report;
mod rubric;
mod rules;
mod settings;
mod stream;

use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// Exit status: nothing at or above --fail-on.
pub const EXIT_CLEAN: u8 = 0;
/// Exit status: findings at or above --fail-on.
pub const EXIT_FINDINGS: u8 = 1;
/// Exit status: usage error or unreadable input.
pub const EXIT_ERROR: u8 = 2;

#[derive(Debug, Parser)]
#[command(name = "storyline", version, about = "Lint a candidate's resume and LinkedIn profile for the story they tell", long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Lint documents (the main job)
    Check(Box<check::CheckArgs>),
    /// Write the lint results as one self-contained HTML page
    Report(Box<report::ReportArgs>),
    /// Print the structured model extracted from a document, as JSON
    Extract(extract::ExtractArgs),
    /// List every rule: code, name, severity, summary
    Rules(rules::RulesArgs),
    /// Print a rule's documentation: what, why, example, how to fix
    Explain(rules::ExplainArgs),
    /// Write a starter storyline.toml here (never overwrites)
    Init,
    /// Run as a language server over stdin/stdout (for editors)
    Server,
    /// Validate or print level rubrics
    #[command(subcommand)]
    Rubric(rubric::RubricCommand),
    /// Internal: extract a PDF's text in a child process (JSON on stdout)
    #[command(name = "__extract-pdf", hide = true)]
    ExtractPdf(crate::extract::pdf::isolate::ChildArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Human,
    Json,
    Sarif,
    Github,
    /// One self-contained HTML page (as `storyline report`)
    Html,
}

pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() {
                EXIT_ERROR
            } else {
                EXIT_CLEAN
            };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let code = match cli.command {
        Command::Check(args) => check::run(*args),
        Command::Report(args) => report::run(*args),
        Command::Extract(args) => extract::run(args),
        Command::Rules(args) => rules::run_rules(args),
        Command::Explain(args) => rules::run_explain(args),
        Command::Rubric(cmd) => rubric::run(cmd),
        Command::Init => init(),
        Command::Server => match crate::server::run_stdio() {
            Ok(()) => EXIT_CLEAN,
            Err(e) => {
                eprintln!("error: storyline server: {e}");
                EXIT_ERROR
            }
        },
        Command::ExtractPdf(args) => crate::extract::pdf::isolate::child_main(&args),
    };
    ExitCode::from(code)
}

/// Writes to stdout; a closed pipe (`storyline ... | head`) ends quietly.
pub fn print(s: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    if out
        .write_all(s.as_bytes())
        .and_then(|()| out.flush())
        .is_err()
    {
        // Nothing more can be said to a reader that left.
    }
}

/// A usage error: message on stderr, exit 2.
pub fn usage_error(msg: &str) -> u8 {
    eprintln!("error: {msg}");
    EXIT_ERROR
}

/// `storyline init`: the starter config, created only if absent.
fn init() -> u8 {
    use std::io::Write;
    let path = std::path::Path::new(crate::config::FILE_NAMES[0]);
    // create_new: an existing file (even one created a moment ago) is never
    // overwritten.
    match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
    {
        Ok(mut f) => match f.write_all(crate::config::STARTER.as_bytes()) {
            Ok(()) => {
                eprintln!("wrote {}", path.display());
                EXIT_CLEAN
            }
            Err(e) => usage_error(&format!("{}: cannot write: {e}", path.display())),
        },
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => usage_error(&format!(
            "{} already exists; it was not changed",
            path.display()
        )),
        Err(e) => usage_error(&format!("{}: cannot create: {e}", path.display())),
    }
}
