//! Output formats: SARIF against the official schema, GitHub annotations,
//! snapshots of each format.

mod common;

use serde_json::Value;

fn run(args: &[&str]) -> (i32, String) {
    let out = common::in_repo()
        .args(["check", "--no-config", "--today", "2026-11"])
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
    )
}

fn schema() -> jsonschema::Validator {
    let text = std::fs::read_to_string(common::fixture("schemas/sarif-schema-2.1.0.json")).unwrap();
    let mut schema: Value = serde_json::from_str(&text).unwrap();
    // The official schema's `language` patterns end in "]?$", which the
    // validator's regex engine rejects; storyline never writes a
    // `language`, so drop those patterns and keep the rest intact.
    for def in ["run", "toolComponent"] {
        let language = &mut schema["definitions"][def]["properties"]["language"];
        assert!(
            language
                .as_object_mut()
                .unwrap()
                .remove("pattern")
                .is_some(),
            "{def}"
        );
    }
    jsonschema::validator_for(&schema).expect("schema compiles")
}

#[test]
fn sarif_is_valid_against_the_official_schema() {
    let (code, out) = run(&[
        "--format",
        "sarif",
        "fixtures/example/resume.md",
        "fixtures/json/resume.json",
        "fixtures/missing.md",
    ]);
    assert_eq!(code, 2);
    let v: Value = serde_json::from_str(&out).unwrap();
    let validator = schema();
    let errors: Vec<String> = validator
        .iter_errors(&v)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let run0 = &v["runs"][0];
    let rules = run0["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(rules.iter().any(|r| {
        r["id"] == "O001"
            && r["help"]["markdown"]
                .as_str()
                .unwrap()
                .contains("## What it does")
    }));
    let results = run0["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for r in results {
        let idx = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[idx]["id"], r["ruleId"]);
    }
    assert_eq!(run0["invocations"][0]["executionSuccessful"], false);
}

#[test]
fn sarif_fingerprints_survive_unrelated_lines_moving() {
    let dir = tempfile::tempdir().unwrap();
    let original = std::fs::read_to_string(common::fixture("example/resume.md")).unwrap();
    let moved = original.replacen(
        "## Experience\n",
        "## Experience\n\nSome new text.\n\nAnd more.\n",
        1,
    );
    let (a, b) = (dir.path().join("a.md"), dir.path().join("b.md"));
    std::fs::write(&a, &original).unwrap();
    std::fs::write(&b, &moved).unwrap();
    let prints = |p: &std::path::Path| -> Vec<(String, u64)> {
        // Same display path for both runs: copy into place under one name.
        let target = dir.path().join("resume.md");
        std::fs::copy(p, &target).unwrap();
        let (_, out) = run(&["--format", "sarif", target.to_str().unwrap()]);
        let v: Value = serde_json::from_str(&out).unwrap();
        v["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["partialFingerprints"]["storyline/v1"]
                        .as_str()
                        .unwrap()
                        .to_string(),
                    r["locations"][0]["physicalLocation"]["region"]["startLine"]
                        .as_u64()
                        .unwrap(),
                )
            })
            .collect()
    };
    let before = prints(&a);
    let after = prints(&b);
    assert_eq!(before.len(), after.len());
    let fp = |v: &[(String, u64)]| {
        v.iter()
            .map(|(f, _)| f.clone())
            .collect::<std::collections::BTreeSet<_>>()
    };
    assert_eq!(fp(&before), fp(&after), "fingerprints changed");
    assert_ne!(
        before.iter().map(|x| x.1).collect::<Vec<_>>(),
        after.iter().map(|x| x.1).collect::<Vec<_>>(),
        "lines did move"
    );
    // Distinct findings get distinct fingerprints.
    assert_eq!(fp(&before).len(), before.len());
}

#[test]
fn github_annotations_escape_and_map_severities() {
    let (code, out) = run(&[
        "--format",
        "github",
        "--select",
        "O001,M001,P002",
        "fixtures/example/resume.md",
    ]);
    assert_eq!(code, 1);
    insta::assert_snapshot!("github_example", out);
    // A message with '%' is escaped in the data part.
    assert!(out.contains("a reduction of 150%25 is impossible"));
    assert!(
        out.lines()
            .all(|l| l.starts_with("::warning file=") || l.starts_with("::notice file="))
    );
}

#[test]
fn json_snapshot_of_the_json_resume_fixture() {
    let (_, out) = run(&["--format", "json", "fixtures/json/resume.json"]);
    insta::assert_snapshot!("json_resume_fixture", out);
}

#[test]
fn sarif_snapshot_of_the_example() {
    let (_, out) = run(&[
        "--format",
        "sarif",
        "--select",
        "O001,P002",
        "fixtures/example/resume.md",
    ]);
    // The rules' documentation is long and checked elsewhere; keep the
    // snapshot to what a code-scanning upload shows per result.
    let v: Value = serde_json::from_str(&out).unwrap();
    let results = serde_json::to_string_pretty(&v["runs"][0]["results"]).unwrap();
    insta::assert_snapshot!("sarif_example_results", results);
}
