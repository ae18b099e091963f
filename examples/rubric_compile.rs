//! Rubric regex-set compile time under engine configurations:
//! `cargo run --release --example rubric_compile`.
use regex_automata::meta::{Builder, Config};
use regex_automata::util::syntax;

fn main() {
    let src = storyline::rubric::BUNDLED[0].1;
    let v: toml::Value = toml::from_str(src).unwrap();
    let mut pats: Vec<Vec<String>> = Vec::new();
    for key in ["scope", "leadership"] {
        for (_, p) in v[key].as_table().unwrap() {
            pats.push(
                p.as_array()
                    .unwrap()
                    .iter()
                    .map(|x| x.as_str().unwrap().to_string())
                    .collect(),
            );
        }
    }
    let syn = syntax::Config::new()
        .case_insensitive(true)
        .unicode(false)
        .utf8(false);
    for (name, cfg) in [
        ("default", Config::new()),
        (
            "lean",
            Config::new()
                .which_captures(regex_automata::nfa::thompson::WhichCaptures::None)
                .onepass(false)
                .backtrack(false)
                .dfa(false)
                .auto_prefilter(false),
        ),
        (
            "lean+prefilter",
            Config::new()
                .which_captures(regex_automata::nfa::thompson::WhichCaptures::None)
                .onepass(false)
                .backtrack(false)
                .dfa(false),
        ),
    ] {
        let t = std::time::Instant::now();
        for set in &pats {
            let _ = Builder::new()
                .configure(cfg.clone().utf8_empty(false))
                .syntax(syn)
                .build_many(set)
                .unwrap();
        }
        eprintln!("{name:16} {:?}", t.elapsed());
    }
    // Forward-only lazy DFA: what "does any pattern match?" needs (no
    // reverse NFA, no meta strategy).
    let t = std::time::Instant::now();
    for set in &pats {
        let _ = regex_automata::hybrid::dfa::DFA::builder()
            .syntax(syn)
            .thompson(
                regex_automata::nfa::thompson::Config::new()
                    .which_captures(regex_automata::nfa::thompson::WhichCaptures::None),
            )
            .build_many(set)
            .unwrap();
    }
    eprintln!("{:16} {:?}", "forward lazy DFA", t.elapsed());
    // The forward NFA alone, with and without case folding.
    for (name, ci) in [("NFA, no (?i)", false), ("NFA, (?i)", true)] {
        let syn = syntax::Config::new()
            .case_insensitive(ci)
            .unicode(false)
            .utf8(false);
        let t = std::time::Instant::now();
        for set in &pats {
            let _ = regex_automata::nfa::thompson::Compiler::new()
                .syntax(syn)
                .configure(
                    regex_automata::nfa::thompson::Config::new()
                        .which_captures(regex_automata::nfa::thompson::WhichCaptures::None),
                )
                .build_many(set)
                .unwrap();
        }
        eprintln!("{name:16} {:?}", t.elapsed());
    }
}
