//! Derives the bundled rubrics' literal gates (see `src/gate.rs`) at build
//! time: parsing some 250 patterns at every start was a sixth of a
//! one-resume run.

use std::fmt::Write as _;
use std::path::Path;

#[path = "src/gate/literals.rs"]
#[allow(dead_code)]
mod literals;

fn main() {
    let tracks = Path::new("rubrics/tracks");
    println!("cargo:rerun-if-changed={}", tracks.display());
    println!("cargo:rerun-if-changed=src/gate/literals.rs");
    let mut files: Vec<_> = std::fs::read_dir(tracks)
        .expect("rubrics/tracks")
        .map(|e| e.expect("rubrics/tracks entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    let mut patterns: Vec<String> = Vec::new();
    for file in files {
        println!("cargo:rerun-if-changed={}", file.display());
        let text = std::fs::read_to_string(&file).expect("rubric text");
        let table: toml::Table = text.parse().expect("rubric TOML");
        for key in ["scope", "leadership"] {
            let Some(groups) = table.get(key).and_then(|v| v.as_table()) else {
                continue;
            };
            for list in groups.values().filter_map(|v| v.as_array()) {
                patterns.extend(list.iter().filter_map(|p| p.as_str()).map(String::from));
            }
        }
    }
    patterns.sort();
    patterns.dedup();
    let mut out = String::from(
        "/// (pattern, its gates) for the bundled tracks' scope and leadership\n\
         /// patterns, sorted by pattern.\n\
         pub(super) static GATES: &[(&str, &[&[&[u8]]])] = &[\n",
    );
    for p in &patterns {
        // One that does not parse is left to the runtime, which reports it.
        let Ok(gates) = literals::gates_of(p) else {
            continue;
        };
        write!(out, "    ({p:?}, &[").unwrap();
        for lits in gates {
            out.push_str("&[");
            for lit in lits {
                write!(out, "b\"{}\", ", lit.escape_ascii()).unwrap();
            }
            out.push_str("], ");
        }
        out.push_str("]),\n");
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("bundled_gates.rs");
    std::fs::write(dest, out).expect("write bundled_gates.rs");
}
