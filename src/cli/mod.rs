//! The command line: argument parsing and the commands.

mod check;
mod extract;
mod rubric;
mod rules;

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
    Check(check::CheckArgs),
    /// Print the structured model extracted from a document, as JSON
    Extract(extract::ExtractArgs),
    /// List every rule: code, name, severity, summary
    Rules(rules::RulesArgs),
    /// Print a rule's documentation: what, why, example, how to fix
    Explain(rules::ExplainArgs),
    /// Validate or print level rubrics
    #[command(subcommand)]
    Rubric(rubric::RubricCommand),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Human,
    Json,
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
        Command::Check(args) => check::run(args),
        Command::Extract(args) => extract::run(args),
        Command::Rules(args) => rules::run_rules(args),
        Command::Explain(args) => rules::run_explain(args),
        Command::Rubric(cmd) => rubric::run(cmd),
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
