//! `storyline rubric check FILE` and `storyline rubric show [TRACK]`, for
//! coaches who write their own level rubrics.

use std::path::PathBuf;

use clap::Subcommand;

use super::{EXIT_CLEAN, EXIT_ERROR, print, usage_error};
use crate::rubric::{BUNDLED, DEFAULT_TRACK, Rubric};

#[derive(Debug, Subcommand)]
pub enum RubricCommand {
    /// Validate a rubric file: every error names the file, line and key
    Check {
        /// The rubric TOML file
        file: PathBuf,
    },
    /// Print a bundled rubric, as a starting point for your own
    Show {
        /// Track id (default ml-engineer)
        track: Option<String>,
    },
}

pub fn run(cmd: RubricCommand) -> u8 {
    match cmd {
        RubricCommand::Check { file } => {
            let display = file.display().to_string();
            let text = match std::fs::read_to_string(&file) {
                Ok(t) => t,
                Err(e) => {
                    eprintln!("error: {display}: cannot read the rubric: {e}");
                    return EXIT_ERROR;
                }
            };
            match Rubric::parse(&text, &display) {
                Ok(r) => {
                    let levels: Vec<String> = r
                        .levels
                        .iter()
                        .map(|l| format!("{} ({})", l.id, l.scope))
                        .collect();
                    print(&format!(
                        "{display}: ok: track {}, levels {}\n",
                        r.id,
                        levels.join(" < ")
                    ));
                    EXIT_CLEAN
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    EXIT_ERROR
                }
            }
        }
        RubricCommand::Show { track } => {
            let track = track.as_deref().unwrap_or(DEFAULT_TRACK);
            match Rubric::bundled_source(track) {
                Some(src) => {
                    print(src);
                    EXIT_CLEAN
                }
                None => {
                    let known: Vec<&str> = BUNDLED.iter().map(|(id, _)| *id).collect();
                    usage_error(&format!(
                        "unknown track '{track}': use one of {}",
                        known.join(", ")
                    ))
                }
            }
        }
    }
}
