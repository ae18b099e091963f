//! `storyline check --fix`: safe edits only, text files only, written only
//! when something changed; a second run changes nothing, and the fixed
//! document reads into the same roles. Walks every text fixture.

mod common;

use std::path::{Path, PathBuf};

use serde_json::Value;

fn fix(path: &Path) -> (i32, String) {
    let out = common::storyline()
        .args([
            "check",
            "--fix",
            "--no-config",
            "--today",
            "2026-11",
            "--format",
            "json",
        ])
        .arg(path)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The roles as `extract` reads them: company, title, dates, bullet count.
fn roles(path: &Path) -> Option<Vec<String>> {
    let out = common::storyline()
        .arg("extract")
        .arg(path)
        .output()
        .unwrap();
    if !out.status.success() {
        return None;
    }
    let v: Value = serde_json::from_slice(&out.stdout).ok()?;
    Some(
        v["roles"]
            .as_array()?
            .iter()
            .map(|r| {
                format!(
                    "{} | {} | {} | {} | {} bullets",
                    r["company"],
                    r["title"],
                    r["start"],
                    r["end"],
                    r["bullets"].as_array().map_or(0, Vec::len)
                )
            })
            .collect(),
    )
}

fn text_fixtures(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            text_fixtures(&p, out);
        } else if storyline::extract::is_text_name(&p) {
            out.push(p);
        }
    }
}

#[test]
fn every_text_fixture_fixes_idempotently_and_keeps_its_roles() {
    let mut files = Vec::new();
    text_fixtures(&common::fixture(""), &mut files);
    assert!(files.len() > 50, "{}", files.len());
    let dir = tempfile::tempdir().unwrap();
    let mut changed = 0;
    for (i, original) in files.iter().enumerate() {
        let name = original.file_name().unwrap().to_string_lossy();
        let copy = dir.path().join(format!("{i}-{name}"));
        std::fs::copy(original, &copy).unwrap();
        let Some(before) = roles(&copy) else {
            continue;
        };
        let text = std::fs::read(&copy).unwrap();
        let (code, stderr) = fix(&copy);
        assert!(
            !stderr.contains("panicked"),
            "{}: {stderr}",
            original.display()
        );
        let once = std::fs::read(&copy).unwrap();
        if once != text {
            changed += 1;
            assert!(
                stderr.contains("fixed "),
                "{}: {stderr}",
                original.display()
            );
            // JSON stays JSON.
            if name.ends_with(".json") {
                serde_json::from_slice::<Value>(&once)
                    .unwrap_or_else(|e| panic!("{}: {e}", original.display()));
            }
        }
        let (code2, stderr2) = fix(&copy);
        let twice = std::fs::read(&copy).unwrap();
        assert_eq!(
            String::from_utf8_lossy(&twice),
            String::from_utf8_lossy(&once),
            "{}: the second --fix changed the file: {stderr2}",
            original.display()
        );
        assert!(
            stderr2.contains("no safe fix to apply"),
            "{}: {stderr2}",
            original.display()
        );
        assert_eq!(code, code2, "{}", original.display());
        assert_eq!(
            roles(&copy),
            Some(before),
            "{}: the fixed document reads into other roles",
            original.display()
        );
    }
    // The rule fixtures alone have safe fixes (P001, O001).
    assert!(changed >= 3, "{changed} fixtures changed");
}

#[test]
fn fix_reports_the_edits_and_the_exit_status_is_of_what_remains() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("resume.md");
    let text = "# Pat Example\n\nML Engineer\n\n## Experience\n\n### ML Engineer, Northwind (2019 – 2022)\n\n- Responsible for maintaining the billing service for 3 regions\n- Cut p99 latency of the ranking service by 40% for 12 models\n";
    std::fs::write(&path, text).unwrap();
    let check = |extra: &[&str]| {
        common::storyline()
            .current_dir(dir.path())
            .args(["check", "--no-config", "--today", "2026-11"])
            .args(extra)
            .arg("resume.md")
            .output()
            .unwrap()
    };
    let out = check(&[]);
    assert_eq!(out.status.code(), Some(1));
    // Without --fix nothing is written.
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    let human = String::from_utf8(out.stdout).unwrap();
    assert!(
        human.contains("= help: try \"- Maintained the billing service for 3 regions\": say what you did with its verb (safe: --fix applies it)"),
        "{human}"
    );

    let out = check(&["--fix"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("fixed resume.md:9:3 O001: - Responsible for maintaining the billing service for 3 regions -> - Maintained the billing service for 3 regions"),
        "{stderr}"
    );
    assert!(stderr.contains("fixed 1 finding"), "{stderr}");
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        text.replace("Responsible for maintaining", "Maintained")
    );
    assert_eq!(check(&[]).status.code(), Some(0));
}

#[test]
fn fix_leaves_binary_formats_and_standard_input_alone() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("resume.pdf");
    std::fs::write(&pdf, b"%PDF-1.4 not really").unwrap();
    let out = common::storyline()
        .args(["check", "--fix", "--no-config"])
        .arg(&pdf)
        .arg(common::fixture("linkedin/export"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("resume.pdf: not fixed: --fix edits text files only"),
        "{stderr}"
    );
    assert!(stderr.contains("export: not fixed"), "{stderr}");
    assert_eq!(std::fs::read(&pdf).unwrap(), b"%PDF-1.4 not really");

    let out = common::storyline()
        .args(["check", "--fix", "--no-config", "-"])
        .write_stdin("# A\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot fix standard input"));
}

#[test]
fn json_output_carries_the_fixes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.md");
    std::fs::write(
        &path,
        "# Pat Example\n\nML Engineer\n\n## Experience\n\n### ML Engineer, Northwind (2019 – 2022)\n\n- Built a world-class ranking platform for the marketplace\n",
    )
    .unwrap();
    let out = common::check_json().arg(&path).output().unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let p001 = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "P001")
        .unwrap();
    assert_eq!(
        p001["fixes"],
        serde_json::json!([{
            "class": "safe",
            "description": "drop the superlative: let what you did speak",
            "replacements": [{
                "column": 11, "end_byte": 109, "end_column": 23, "end_line": 9,
                "line": 9, "start_byte": 97, "text": ""
            }]
        }])
    );
    // A finding with no fix has no key.
    let m001 = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "M001")
        .unwrap();
    assert!(m001.get("fixes").is_none());
}

#[test]
fn a_pdf_shows_its_suggestions_but_sarif_gives_no_edit_of_the_file() {
    use common::pdf::{Pdf, run};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("resume.pdf");
    let lines = [
        "Pat Example",
        "ML Engineer",
        "Experience",
        "ML Engineer, Northwind (2019 - 2022)",
        "- Responsible for maintaining the billing service for 3 regions",
    ];
    let runs: Vec<_> = lines
        .iter()
        .enumerate()
        .map(|(i, t)| run(72.0, 72.0 + 20.0 * i as f32, t))
        .collect();
    std::fs::write(&path, Pdf::default().page(&runs).bytes()).unwrap();
    let out = common::check_json().arg(&path).output().unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let o001 = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "O001")
        .unwrap_or_else(|| panic!("{v}"));
    let text = common::storyline()
        .arg("extract")
        .arg(&path)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout).into_owned();
    assert_eq!(
        o001["fixes"][0]["replacements"][0]["text"], "Maintained",
        "{text}"
    );
    let out = common::storyline()
        .args([
            "check",
            "--no-config",
            "--today",
            "2026-11",
            "--format",
            "sarif",
        ])
        .arg(&path)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let results = v["runs"][0]["results"].as_array().unwrap();
    assert!(results.iter().any(|r| r["ruleId"] == "O001"));
    assert!(results.iter().all(|r| r.get("fixes").is_none()));
}
