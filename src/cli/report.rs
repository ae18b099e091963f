//! `storyline report`: the lint of `check`, written as one self-contained
//! HTML page (scorecard, timelines, scope over time, annotated documents).

use std::path::{Path, PathBuf};

use clap::Args;

use super::check::{Linted, input_files, lint};
use super::settings::LintArgs;
use super::{EXIT_ERROR, print, usage_error};
use crate::report;

#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    lint: LintArgs,
    /// Where to write the page ("-" for standard output)
    #[arg(short = 'o', long, default_value = "storyline-report.html")]
    output: PathBuf,
}

pub fn run(args: ReportArgs) -> u8 {
    // The tool never writes to an input file.
    if args.output != Path::new("-") && is_input(&args.output, &args.lint) {
        return usage_error(&format!(
            "{}: is an input; choose another --output",
            args.output.display()
        ));
    }
    let linted: Linted = match lint(&args.lint, true, false, None) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let page = report::html::render(&linted.outcome);
    if args.output == Path::new("-") {
        print(&page);
    } else {
        if let Err(e) = std::fs::write(&args.output, page) {
            eprintln!(
                "error: {}: cannot write the report: {e}",
                args.output.display()
            );
            return EXIT_ERROR;
        }
        eprintln!("wrote {}", args.output.display());
    }
    linted.exit_status()
}

/// Whether `output` is a file the run reads: named, found in a folder
/// that is walked, or inside an export folder.
fn is_input(output: &Path, args: &LintArgs) -> bool {
    let Ok(out) = std::fs::canonicalize(output) else {
        return false;
    };
    input_files(args)
        .iter()
        .filter_map(|p| std::fs::canonicalize(p).ok())
        .any(|p| out == p || p.is_dir() && out.starts_with(&p))
}
