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

/// The storyline binary run from `dir` (relative paths in its arguments
/// and output are relative to it).
pub fn in_dir(dir: &Path) -> assert_cmd::Command {
    let mut cmd = storyline();
    cmd.current_dir(dir);
    cmd
}

/// The storyline binary run from the repository, where `fixtures/...`
/// paths name the fixtures.
pub fn in_repo() -> assert_cmd::Command {
    in_dir(Path::new(env!("CARGO_MANIFEST_DIR")))
}

/// A run's standard output as JSON; a run that printed none fails with
/// what it printed instead.
pub fn json(out: &std::process::Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
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

/// A rule's fixture folder, `fixtures/rules/CODE/`: `fire` (a file
/// `fire.*` or a folder of documents) must make the rule fire, `ok` (the
/// near miss) must not; `args`, if present, holds the further arguments
/// the rule needs (a target, a profile), relative to the folder.
pub struct RuleFixture {
    pub dir: PathBuf,
    pub fire: Option<String>,
    pub ok: Option<String>,
    pub args: Vec<String>,
}

impl RuleFixture {
    pub fn of(code: &str) -> RuleFixture {
        let dir = fixture(&format!("rules/{code}"));
        let entry = |stem: &str| -> Option<String> {
            let mut names: Vec<String> = std::fs::read_dir(&dir)
                .ok()?
                .filter_map(|e| e.ok()?.file_name().into_string().ok())
                .filter(|n| n == stem || n.starts_with(&format!("{stem}.")))
                .collect();
            names.sort();
            names.into_iter().next()
        };
        let args = std::fs::read_to_string(dir.join("args"))
            .map(|s| s.split_whitespace().map(str::to_string).collect())
            .unwrap_or_default();
        RuleFixture {
            fire: entry("fire"),
            ok: entry("ok"),
            args,
            dir: dir.clone(),
        }
    }

    /// `storyline check` of `input` (fire or ok) from the fixture's folder,
    /// on a fixed date, with only `code` selected (unless `args` selects).
    pub fn check(&self, code: &str, format: &str, input: &str) -> std::process::Output {
        let mut cmd = storyline();
        cmd.current_dir(&self.dir).args([
            "check",
            "--no-config",
            "--today",
            "2026-11",
            "--format",
            format,
        ]);
        if !self.args.iter().any(|a| a == "--select") {
            cmd.args(["--select", code]);
        }
        cmd.args(&self.args)
            .arg(input)
            .output()
            .expect("storyline runs")
    }
}
