//! Micro-benchmarks of the hot functions: `cargo bench --bench hot`.
//!
//! Inputs are the team's fixtures; each benchmark runs after the patterns
//! it uses are compiled, so it measures the per-document cost a batch pays.

use std::path::Path;

use storyline::date::YearMonth;
use storyline::extract::{self, Limits};
use storyline::lexicon::Lexicon;
use storyline::model::Document;
use storyline::rubric::Rubric;
use storyline::rules::{self, Context, Selection};

const RESUME: &str = include_str!("../fixtures/example/resume.md");

const BULLETS: [&str; 6] = [
    "Cut p99 latency by 40% for 3 teams, from 800 ms to 120 ms",
    "Migrated 12 services to Python 3 and Kubernetes in Q3 2021",
    "Led a team of five engineers across two product areas",
    "Helped with various tasks as needed",
    "Responsible for the billing pipeline (2019 - 2021)",
    "Grew weekly active users from 10k to 250k; ranked #1 on Product Hunt",
];

fn main() {
    // What each further document of a batch costs: automata built as a
    // batch builds them, patterns compiled.
    storyline::pattern::expect_many_documents();
    storyline::warm_up_extractors();
    storyline::warm_up_rules();
    divan::main();
}

fn markdown_doc(lex: &Lexicon) -> Document {
    extract::extract_bytes(
        "resume.md",
        "md",
        RESUME.as_bytes().to_vec(),
        lex,
        &Limits::default(),
    )
    .expect("fixture reads")
}

/// Line splitting, sections, preamble and roles of a Markdown resume.
#[divan::bench]
fn segmentation(bencher: divan::Bencher) {
    let lex = Lexicon::embedded();
    bencher.bench(|| markdown_doc(divan::black_box(&lex)));
}

/// Metric detection over six typical bullets (numbers, versions, dates,
/// word figures, none).
#[divan::bench]
fn metric_detection(bencher: divan::Bencher) {
    let lex = Lexicon::embedded();
    bencher.bench(|| {
        BULLETS
            .iter()
            .map(|b| storyline::metrics::find_metrics(divan::black_box(b), &lex).len())
            .sum::<usize>()
    });
}

/// Every rule and the level assessment over one document.
#[divan::bench]
fn rule_pass(bencher: divan::Bencher) {
    let lex = Lexicon::embedded();
    let rubric = Rubric::bundled("ml-engineer").expect("bundled track");
    let doc = markdown_doc(&lex);
    let selection = Selection {
        select: Vec::new(),
        ignore: Vec::new(),
    };
    let cx = Context {
        lexicon: &lex,
        rubric: &rubric,
        today: YearMonth::new(2026, Some(11)),
        selection: &selection,
        target: None,
    };
    bencher.bench(|| rules::check_and_assess(&cx, divan::black_box(&doc)).0.len());
}

/// The rubric's scope and leadership patterns over one bullet.
#[divan::bench(args = BULLETS)]
fn rubric_signals(bencher: divan::Bencher, bullet: &str) {
    let rubric = Rubric::bundled("software-engineer").expect("bundled track");
    bencher.bench(|| rubric.signals_in(divan::black_box(bullet)));
}

/// A resume's roles aligned with its LinkedIn export's positions.
#[divan::bench]
fn role_alignment(bencher: divan::Bencher) {
    let lex = Lexicon::embedded();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/linkedin");
    let resume = extract::extract_path(
        &dir.join("resume.md"),
        "resume.md",
        &lex,
        &Limits::default(),
    )
    .expect("fixture reads");
    let profile = extract::extract_path(&dir.join("export"), "export", &lex, &Limits::default())
        .expect("fixture reads");
    bencher.bench(|| {
        storyline::align::align(
            divan::black_box(&resume),
            &profile,
            &lex.consistency,
            YearMonth::new(2026, Some(11)),
        )
        .len()
    });
}
