//! The command line as users and scripts see it: exit codes, the JSON
//! contract, error reporting and the documentation commands.

mod common;

use assert_cmd::Command;
use common::fixture;
use serde_json::Value;

fn storyline() -> Command {
    let mut cmd = common::in_repo();
    cmd.env_remove("NO_COLOR");
    cmd
}

fn json_check(args: &[&str]) -> (i32, Value) {
    let out = storyline()
        .args(["check", "--format", "json", "--today", "2026-11"])
        .args(args)
        .output()
        .expect("run");
    let v = common::json(&out);
    (out.status.code().expect("exit code"), v)
}

#[test]
fn example_has_findings_and_exits_1() {
    let (code, v) = json_check(&["fixtures/example/resume.md"]);
    assert_eq!(code, 1);
    assert_eq!(v["version"], 1);
    let diags = v["diagnostics"].as_array().unwrap();
    assert_eq!(v["summary"]["diagnostics"], diags.len());
    assert_eq!(v["summary"]["files"], 1);
    assert_eq!(v["summary"]["errors"], 0);
    let codes: Vec<&str> = diags.iter().map(|d| d["code"].as_str().unwrap()).collect();
    for c in ["M001", "M003", "O001", "P001", "P002"] {
        assert!(codes.contains(&c), "{c} missing from {codes:?}");
    }
    // Every diagnostic carries the contract's keys, 1-based positions.
    for d in diags {
        for key in [
            "code",
            "rule",
            "severity",
            "path",
            "line",
            "column",
            "end_line",
            "end_column",
            "message",
            "help",
        ] {
            assert!(d.get(key).is_some(), "{key} missing in {d}");
        }
        assert!(d["line"].as_u64().unwrap() >= 1 && d["column"].as_u64().unwrap() >= 1);
        assert_eq!(d["path"], "fixtures/example/resume.md");
    }
    // Sorted by line, then column.
    let lines: Vec<u64> = diags.iter().map(|d| d["line"].as_u64().unwrap()).collect();
    assert!(lines.windows(2).all(|w| w[0] <= w[1]));
}

#[test]
fn fail_on_changes_only_the_exit_status() {
    let (code, all) = json_check(&["fixtures/example/resume.md", "--fail-on", "error"]);
    assert_eq!(code, 0, "no rule of these families is an error");
    let (_, warn) = json_check(&["fixtures/example/resume.md"]);
    assert_eq!(all["diagnostics"], warn["diagnostics"]);
    // M001 is info: reported, but below the default --fail-on.
    let (code, v) = json_check(&["fixtures/rules/M001/fire.md", "--select", "M001"]);
    assert_eq!(code, 0);
    assert!(!v["diagnostics"].as_array().unwrap().is_empty());
    let (code, _) = json_check(&[
        "fixtures/rules/M001/fire.md",
        "--select",
        "M001",
        "--fail-on",
        "info",
    ]);
    assert_eq!(code, 1);
}

#[test]
fn clean_file_exits_0() {
    let (code, v) = json_check(&["fixtures/rules/M001/ok.md", "--select", "M001"]);
    assert_eq!(code, 0);
    assert_eq!(v["summary"]["diagnostics"], 0);
}

#[test]
fn unreadable_inputs_exit_2_and_the_rest_is_still_checked() {
    let (code, v) = json_check(&[
        "fixtures/example/resume.md",
        "fixtures/does-not-exist.md",
        "fixtures/json/malformed.json",
        "fixtures/errors/empty.md",
        "fixtures/errors/binary.txt",
        "fixtures/errors/document.md",
        "fixtures/rules",
    ]);
    assert_eq!(code, 2);
    let errors = v["errors"].as_array().unwrap();
    let message = |path: &str| {
        errors
            .iter()
            .find(|e| e["path"] == path)
            .unwrap_or_else(|| panic!("no error for {path}: {errors:?}"))["message"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(message("fixtures/does-not-exist.md"), "no such file");
    assert!(
        message("fixtures/json/malformed.json")
            .starts_with("invalid JSON at line 2, column 41: trailing comma"),
        "{}",
        message("fixtures/json/malformed.json")
    );
    assert_eq!(message("fixtures/errors/empty.md"), "the file is empty");
    assert_eq!(
        message("fixtures/errors/binary.txt"),
        "binary data, not a text document"
    );
    assert!(message("fixtures/errors/document.md").contains("PDF"));
    assert_eq!(errors.len(), 5);
    // The readable files were linted: the example and the folder's fixtures.
    let paths: std::collections::BTreeSet<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert!(paths.contains("fixtures/example/resume.md"));
    assert!(paths.contains("fixtures/rules/O001/fire.md"));
    assert_eq!(v["summary"]["errors"], 5);
}

#[test]
fn human_output_is_rustc_style_and_plain_when_piped() {
    let out = storyline()
        .args([
            "check",
            "--today",
            "2026-11",
            "--select",
            "O001",
            "fixtures/example/resume.md",
        ])
        .output()
        .unwrap();
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(!s.contains('\x1b'), "no colour when not a terminal");
    insta::assert_snapshot!("human_example_o001", s);
}

#[test]
fn json_resume_diagnostics_carry_the_field_path_and_the_json_line() {
    let (code, v) = json_check(&["fixtures/json/resume.json"]);
    assert_eq!(code, 1);
    let diags = v["diagnostics"].as_array().unwrap();
    let o001 = diags.iter().find(|d| d["code"] == "O001").expect("O001");
    assert_eq!(o001["field"], "work[0].highlights[1]");
    assert_eq!(o001["line"], 16);
    assert_eq!(
        o001["column"], 10,
        "points inside the string, after the quote"
    );
    // An escaped string maps to its whole literal.
    let p001 = diags.iter().find(|d| d["code"] == "P001").expect("P001");
    assert_eq!(p001["field"], "work[0].highlights[2]");
    assert_eq!(p001["line"], 17);
}

#[test]
fn suppression_comments_silence_what_they_name() {
    let (_, v) = json_check(&["fixtures/suppress/resume.md", "--select", "O001,M001"]);
    let found: Vec<(u64, &str)> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["line"].as_u64().unwrap(), d["code"].as_str().unwrap()))
        .collect();
    // Line 10 is suppressed for O001 only; 13-14 sit in an M block.
    assert!(!found.contains(&(10, "O001")));
    assert!(found.contains(&(10, "M001")));
    assert!(found.contains(&(11, "O001")));
    assert!(
        !found
            .iter()
            .any(|&(l, c)| (13..=14).contains(&l) && c == "M001")
    );
    assert!(found.contains(&(16, "M001")));
    // Markup around the opener does not hide it.
    assert!(found.contains(&(17, "O001")));
}

#[test]
fn extract_prints_the_model() {
    let out = storyline()
        .args(["extract", "fixtures/example/resume.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["format"], "markdown");
    assert_eq!(v["channel"], "resume");
    assert_eq!(v["name"], "Jordan Example");
    assert_eq!(v["headline"], "Senior Machine Learning Engineer");
    let roles = v["roles"].as_array().unwrap();
    assert_eq!(roles.len(), 3);
    assert_eq!(roles[0]["title"], "Senior ML Engineer");
    assert_eq!(roles[0]["company"], "Northwind Analytics");
    assert_eq!(roles[0]["start"], "2021-03");
    assert_eq!(roles[0]["end"], "present");
    assert_eq!(roles[0]["line"], 11);
    assert_eq!(roles[0]["bullets"].as_array().unwrap().len(), 5);
    // Each bullet says what the rules read in it, and why (DESIGN.md).
    let led = &roles[0]["bullets"][1];
    assert!(led["text"].as_str().unwrap().starts_with("Led a team of 4"));
    assert_eq!(led["line"], 14);
    assert_eq!(led["quantified"], true);
    assert_eq!(led["leadership"], true);
    assert_eq!(led["scope"], "team");
    assert_eq!(led["evidence"]["metric"], "4");
    let plain = &roles[0]["bullets"][2];
    assert_eq!(plain["quantified"], false);
    assert_eq!(plain["leadership"], false);
    assert_eq!(plain["evidence"]["metric"], Value::Null);
    assert_eq!(roles[2]["start"], "2016");
    assert!(
        v["skills"]
            .as_array()
            .unwrap()
            .contains(&Value::from("PyTorch"))
    );
    assert!(v["text"].as_str().unwrap().starts_with("# Jordan Example"));
}

#[test]
fn extract_of_a_missing_file_is_an_error() {
    let out = storyline()
        .args(["extract", "fixtures/nope.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("fixtures/nope.md: no such file"));
}

#[test]
fn rules_lists_every_rule_and_explain_prints_its_docs() {
    let out = storyline()
        .args(["rules", "--format", "json"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let codes: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["code"].as_str().unwrap())
        .collect();
    let registry: Vec<&str> = storyline::rules::all().map(|r| r.code).collect();
    assert_eq!(codes, registry);
    for code in codes {
        let out = storyline().args(["explain", code]).output().unwrap();
        assert_eq!(out.status.code(), Some(0));
        let s = String::from_utf8(out.stdout).unwrap();
        for heading in [
            "## What it does",
            "## Why it matters",
            "## Example",
            "## How to fix it",
        ] {
            assert!(s.contains(heading), "{code} docs lack {heading}");
        }
    }
    let out = storyline()
        .args(["explain", "weak-opener"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("# O001 weak-opener"));
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        vec!["check", "--format", "yaml", "fixtures/example/resume.md"],
        vec!["check", "--select", "Z9", "fixtures/example/resume.md"],
        vec![
            "check",
            "--track",
            "astronaut",
            "fixtures/example/resume.md",
        ],
        vec!["check", "--target", "wizard", "fixtures/example/resume.md"],
        vec!["check", "--today", "2026", "fixtures/example/resume.md"],
        vec!["check"],
        vec!["explain", "X999"],
    ] {
        let out = storyline().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!out.stderr.is_empty(), "{args:?} says why");
    }
    let _ = fixture("example/resume.md");
}

#[test]
fn rubric_show_round_trips_through_rubric_check_and_check_rubric() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("our-market.toml");
    let out = storyline()
        .args(["rubric", "show", "data-scientist"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    // A coach adapts the bundled rubric: seniors here must quantify 50%.
    let adapted = String::from_utf8(out.stdout).unwrap().replacen(
        "min-quantified = 0.45",
        "min-quantified = 0.5",
        1,
    );
    std::fs::write(&file, adapted).unwrap();
    let out = storyline()
        .args(["rubric", "check"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("ok: track data-scientist"));
    let (code, v) = json_check(&[
        "--rubric",
        file.to_str().unwrap(),
        "--target",
        "senior",
        "--select",
        "M004",
        "fixtures/levels/unfocused.md",
    ]);
    assert_eq!(code, 1);
    assert!(
        v["diagnostics"][0]["message"]
            .as_str()
            .unwrap()
            .ends_with("senior expects at least 50%")
    );

    std::fs::write(
        &file,
        "[track]\nid = \"x\"\nname = \"X\"\nrecent-years = 5\nbogus = 1\n",
    )
    .unwrap();
    let out = storyline()
        .args(["rubric", "check"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("our-market.toml: line 5: unknown field `bogus`"),
        "{err}"
    );
    let out = storyline()
        .args(["check", "--rubric"])
        .arg(&file)
        .arg("fixtures/example/resume.md")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// A batch of more files than one chunk is checked as a stream; what it
/// prints must be what the same files print when checked in smaller runs
/// (which take the whole-batch path), findings and scorecards alike, and a
/// resume variant (L003) must still be caught across chunks.
#[test]
fn streamed_batch_matches_smaller_runs() {
    let tmp = tempfile::tempdir().unwrap();
    let base = std::fs::read_to_string(fixture("example/resume.md")).unwrap();
    let mut files = Vec::new();
    for i in 0..150 {
        // Names of letters only: "Jordan Example Bc".
        let tag: String = [b'A' + (i / 26) as u8, b'a' + (i % 26) as u8]
            .iter()
            .map(|&b| b as char)
            .collect();
        let text = base.replacen("Jordan Example", &format!("Jordan Example {tag}"), 1);
        // Every tenth resume loses its numbers: different findings per file.
        let text = if i % 10 == 0 {
            text.replace(|c: char| c.is_ascii_digit(), "")
        } else {
            text
        };
        let path = tmp.path().join(format!("r{i:03}.md"));
        std::fs::write(&path, text).unwrap();
        files.push(path);
    }
    // The last file is a variant of the first: same person, another level
    // and another story (the first file's chunk is long gone by then).
    let variant = tmp.path().join("z-variant.md");
    std::fs::write(
        &variant,
        "# Jordan Example Aa\n\nJunior Data Analyst\n\nData analyst passionate about dashboards and reporting for finance.\n",
    )
    .unwrap();
    files.push(variant.clone());

    let run = |args: Vec<String>| -> Value {
        let out = common::check_json().args(args).output().unwrap();
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let whole = run(vec![tmp.path().display().to_string()]);
    let mut diags = Vec::new();
    let mut docs = Vec::new();
    for part in files.chunks(76) {
        let mut args: Vec<String> = part.iter().map(|p| p.display().to_string()).collect();
        // The variant's first resume must be in the same small run.
        if part.contains(&variant) {
            args.insert(0, files[0].display().to_string());
        }
        let v = run(args);
        for d in v["diagnostics"].as_array().unwrap() {
            if !diags.contains(d) {
                diags.push(d.clone());
            }
        }
        for d in v["documents"].as_array().unwrap() {
            if !docs.contains(d) {
                docs.push(d.clone());
            }
        }
    }
    let key = |d: &Value| {
        (
            d["path"].as_str().unwrap().to_string(),
            d["line"].as_u64(),
            d["column"].as_u64(),
            d["code"].as_str().unwrap_or("").to_string(),
        )
    };
    diags.sort_by_key(key);
    docs.sort_by_key(|d| d["path"].as_str().unwrap().to_string());
    assert!(diags.len() > 150, "{}", diags.len());
    assert_eq!(whole["diagnostics"].as_array().unwrap(), &diags);
    assert_eq!(whole["documents"].as_array().unwrap(), &docs);
    assert_eq!(whole["summary"]["files"], 151);
    assert_eq!(whole["summary"]["diagnostics"], diags.len());
    let l003: Vec<&Value> = diags.iter().filter(|d| d["code"] == "L003").collect();
    assert_eq!(l003.len(), 1);
    assert_eq!(l003[0]["path"], variant.display().to_string());
}

/// The executable is a position-independent executable on Linux, so that
/// address-space randomisation covers a binary that parses untrusted PDF,
/// DOCX and ZIP files (an earlier build linked it `-no-pie` for ~0.4 ms of
/// start-up; not worth the lost hardening).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[test]
fn the_executable_is_position_independent() {
    use std::io::Read;
    let mut header = [0u8; 18];
    std::fs::File::open(env!("CARGO_BIN_EXE_storyline"))
        .and_then(|mut f| f.read_exact(&mut header))
        .unwrap();
    assert_eq!(&header[..4], b"\x7fELF");
    // EI_DATA: 1 little-endian, 2 big-endian.
    let half = [header[16], header[17]];
    let e_type = match header[5] {
        2 => u16::from_be_bytes(half),
        _ => u16::from_le_bytes(half),
    };
    assert_eq!(
        e_type, 3,
        "expected ET_DYN (3, a PIE), found {e_type} (2 is position-dependent)"
    );
}
