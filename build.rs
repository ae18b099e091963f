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
    link_position_dependent();
}

/// Links the executables position-dependent on Linux/glibc: a PIE's 21,000
/// load-time relocations dirtied ~110 pages of `.data.rel.ro` before `main`,
/// about 0.5 ms of a 7 ms one-resume run. Only the link changes (the code
/// stays position-independent), so proc-macros and tests are unaffected.
/// Not with `crt-static`, which links a static PIE (or, with a static
/// relocation model, no PIE already).
fn link_position_dependent() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    let features = std::env::var("CARGO_CFG_TARGET_FEATURE").unwrap_or_default();
    let crt_static = features.split(',').any(|f| f == "crt-static");
    if os == "linux" && env == "gnu" && !crt_static {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
