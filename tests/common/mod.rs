//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod pdf;

use std::path::{Path, PathBuf};

use storyline::assess::{Assessment, TargetSource};
use storyline::date::YearMonth;
use storyline::diagnostic::Diagnostic;
use storyline::extract::{Limits, extract_path};
use storyline::lexicon::Lexicon;
use storyline::model::Document;
use storyline::rubric::Rubric;
use storyline::rules::{self, Context, Selection};

/// The storyline binary, as a command to run.
pub fn storyline() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("storyline").expect("the storyline binary is built")
}

/// `storyline check --no-config --format json --today 2026-11`, for tests
/// that read the JSON contract on a fixed date; more arguments follow.
pub fn check_json() -> assert_cmd::Command {
    let mut cmd = storyline();
    cmd.args([
        "check",
        "--no-config",
        "--format",
        "json",
        "--today",
        "2026-11",
    ]);
    cmd
}

pub fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(rel)
}

pub fn load(rel: &str) -> Document {
    let path = fixture(rel);
    extract_path(&path, rel, &Lexicon::embedded(), &Limits::default())
        .unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Runs the rules selected by `select` over a fixture.
pub fn check(rel: &str, select: &[&str]) -> (Document, Vec<Diagnostic>) {
    let (doc, diags, _) = check_with(rel, select, "ml-engineer", None);
    (doc, diags)
}

/// Runs the selected rules with a track and an explicit target.
pub fn check_with(
    rel: &str,
    select: &[&str],
    track: &str,
    target: Option<&str>,
) -> (Document, Vec<Diagnostic>, Assessment) {
    let doc = load(rel);
    let lexicon = Lexicon::embedded();
    let rubric = Rubric::bundled(track).expect("bundled");
    let selection = Selection {
        select: select.iter().map(|s| s.to_string()).collect(),
        ignore: Vec::new(),
    };
    let cx = Context {
        lexicon: &lexicon,
        rubric: &rubric,
        today: YearMonth::new(2026, Some(11)),
        selection: &selection,
        target: target.map(|t| (rubric.level(t).expect("known level"), TargetSource::Flag)),
    };
    let (diags, assessment) = rules::check_and_assess(&cx, &doc);
    (doc, diags, assessment)
}

/// The 1-based source lines that start with `prefix` (after indentation).
pub fn lines_starting(doc: &Document, prefix: &str) -> Vec<usize> {
    doc.source
        .lines()
        .enumerate()
        .filter(|(_, l)| l.trim_start().starts_with(prefix))
        .map(|(i, _)| i + 1)
        .collect()
}
