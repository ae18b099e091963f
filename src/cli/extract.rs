//! `storyline extract PATH`: what the tool saw, as JSON. With several
//! paths it prints JSON Lines, one compact object per document.

use std::path::PathBuf;

use clap::Args;

use super::{EXIT_CLEAN, EXIT_ERROR, print};
use crate::extract::{Limits, extract_path_with};
use crate::lexicon::Lexicon;

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// The document(s) to read; `-` reads standard input
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// The name (and so the format) of the document read from standard input with `-`
    #[arg(long, value_name = "NAME")]
    stdin_filename: Option<String>,
}

pub fn run(args: ExtractArgs) -> u8 {
    // The lexicon and the extractors' patterns load on another thread while
    // this one reads the file (and, for a PDF, waits on its child).
    let warm = std::thread::spawn(crate::warm_up_extractors);
    let many = args.paths.len() > 1;
    let mut status = EXIT_CLEAN;
    let mut out = String::new();
    let lexicon = Lexicon::embedded();
    // Bullets are read against the default track, as `check` reads them
    // without `--track`.
    let rubric = crate::rubric::Rubric::bundled(crate::rubric::DEFAULT_TRACK);
    for path in &args.paths {
        let display = path.display().to_string();
        let extracted = if path.as_os_str() == "-" {
            crate::extract::extract_stdin(
                args.stdin_filename.as_deref(),
                &Lexicon::embedded(),
                &Limits::default(),
            )
        } else {
            extract_path_with(path, &display, Lexicon::embedded, &Limits::default())
        };
        match extracted {
            Ok(doc) => {
                let mut json = doc.to_json();
                if let Some(rubric) = &rubric {
                    crate::assess::annotate_bullets(&mut json, &doc, &lexicon, rubric);
                }
                let s = if many {
                    serde_json::to_string(&json)
                } else {
                    serde_json::to_string_pretty(&json)
                };
                out.push_str(&s.expect("plain JSON"));
                out.push('\n');
            }
            Err(e) => {
                eprintln!("error: {e}");
                status = EXIT_ERROR;
            }
        }
    }
    let _ = warm.join();
    print(&out);
    status
}
