//! storyline: a linter for the story a candidate's resume and LinkedIn
//! profile tell. See `DESIGN.md` in the shared folder for the contracts.

pub mod alloc;
pub mod analysis;
pub mod cli;
pub mod config;
pub mod date;
pub mod diagnostic;
pub mod error;
pub mod extract;
pub mod fix;
pub mod gate;
pub mod lexicon;
pub mod lint;
pub mod literals;
pub mod model;
pub mod pattern;
pub mod report;
pub mod rubric;
pub mod rule_info;
pub mod rules;
pub mod server;
pub mod source;
pub mod suppress;

// The analysis modules keep their paths (`crate::assess`, ...).
pub use analysis::{align, assess, metrics};

/// Compiles the patterns the rules' metric detection and the lexicon's
/// `[levels]` use, and parses the fix catalogue. Has no other effect. A one-file run calls it on the thread that loads the rubric,
/// once that is done, while the calling thread compiles the extractors'
/// patterns ([`warm_up_extractors`]): start-up is most of such a run, and
/// the two halves take about as long.
pub fn warm_up_rules() {
    metrics::compile_patterns();
    lexicon::Lexicon::embedded().compile_patterns();
    let _ = fix::catalogue::Catalogue::embedded();
}

/// Compiles the extractors' patterns by running them on a sample (the
/// calling thread keeps their scratch space for the documents it reads
/// next). Has no other effect. `extract` runs it while a PDF's
/// extraction child works, which takes the compilation off the critical
/// path.
pub fn warm_up_extractors() {
    const SAMPLE: &str = "# A\n\nEngineer\n\n## Experience\n\n### Engineer, Acme (Jan 2020 – Present)\n\n- Cut costs by 40% for **3** teams\n- Helped migrate [it](x)\n";
    let lex = lexicon::Lexicon::embedded();
    let _ = extract::extract_bytes(
        "warm-up.md",
        "md",
        SAMPLE.as_bytes().to_vec(),
        &lex,
        &extract::Limits::default(),
    );
}
