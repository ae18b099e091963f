fn main() {
    let t = std::time::Instant::now();
    let _l = storyline::lexicon::Lexicon::embedded();
    eprintln!("lexicon {:?}", t.elapsed());
    for (id, src) in storyline::rubric::BUNDLED {
        let t = std::time::Instant::now();
        let v: toml::Value = toml::from_str(src).unwrap();
        eprintln!("{id} toml {:?}", t.elapsed());
        let t = std::time::Instant::now();
        for key in ["scope", "leadership"] {
            for (_, pats) in v[key].as_table().unwrap() {
                let pats: Vec<&str> = pats.as_array().unwrap().iter().map(|p| p.as_str().unwrap()).collect();
                let t2 = std::time::Instant::now();
                regex::bytes::RegexSetBuilder::new(&pats).case_insensitive(true).unicode(false).build().unwrap();
                eprintln!("   {key} {} pats {:?}", pats.len(), t2.elapsed());
            }
        }
        eprintln!("{id} sets {:?}", t.elapsed());
        let t = std::time::Instant::now();
        let _r = storyline::rubric::Rubric::parse(src, id).unwrap();
        eprintln!("{id} total {:?}", t.elapsed());
    }
}
