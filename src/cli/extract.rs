//! `storyline extract PATH`: what the tool saw, as JSON.

use std::path::PathBuf;

use clap::Args;

use super::{EXIT_CLEAN, EXIT_ERROR, print};
use crate::extract::{Limits, extract_path};
use crate::lexicon::Lexicon;

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// The document to read
    path: PathBuf,
}

pub fn run(args: ExtractArgs) -> u8 {
    let lex = Lexicon::embedded();
    let display = args.path.display().to_string();
    match extract_path(&args.path, &display, &lex, &Limits::default()) {
        Ok(doc) => {
            print(&(serde_json::to_string_pretty(&doc.to_json()).expect("plain JSON") + "\n"));
            EXIT_CLEAN
        }
        Err(e) => {
            eprintln!("error: {e}");
            EXIT_ERROR
        }
    }
}
