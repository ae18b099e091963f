//! Where start-up time goes: `cargo run --release --example startup`.
use std::time::Instant;

fn main() {
    let t = Instant::now();
    let lex = storyline::lexicon::Lexicon::embedded();
    eprintln!("lexicon      {:?}", t.elapsed());
    let t = Instant::now();
    let rubric = storyline::rubric::Rubric::bundled("ml-engineer").unwrap();
    eprintln!("rubric       {:?}", t.elapsed());
    let path = std::path::Path::new("fixtures/example/resume.md");
    let limits = storyline::extract::Limits::default();
    let t = Instant::now();
    let doc = storyline::extract::extract_path(path, "resume.md", &lex, &limits).unwrap();
    eprintln!("extract #1   {:?}", t.elapsed());
    let t = Instant::now();
    let doc2 = storyline::extract::extract_path(path, "resume.md", &lex, &limits).unwrap();
    eprintln!("extract #2   {:?}", t.elapsed());
    let sel = storyline::rules::Selection::default();
    let cx = storyline::rules::Context {
        lexicon: &lex,
        rubric: &rubric,
        today: storyline::date::YearMonth::new(2026, Some(11)),
        selection: &sel,
        target: None,
    };
    let t = Instant::now();
    let d = storyline::rules::check_document(&cx, &doc);
    eprintln!("rules #1     {:?} ({} findings)", t.elapsed(), d.len());
    let t = Instant::now();
    let _ = storyline::rules::check_document(&cx, &doc2);
    eprintln!("rules #2     {:?}", t.elapsed());
}
