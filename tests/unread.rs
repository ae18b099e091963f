//! X002 unread-document: what storyline could not read is said, and the
//! scorecard never ticks a proof it could not check.

mod common;

use serde_json::Value;

fn x002(rel: &str) -> Vec<String> {
    let (_, diags) = common::check(rel, &["X002"]);
    diags
        .iter()
        .filter(|d| d.code == "X002")
        .map(|d| d.message.clone())
        .collect()
}

#[test]
fn an_experience_section_that_gave_no_role_is_said() {
    let found = x002("unread/no-roles.txt");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("experience section"), "{}", found[0]);
}

#[test]
fn glued_words_are_said() {
    let found = x002("unread/glued.txt");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("run together"), "{}", found[0]);
}

#[test]
fn a_file_that_is_no_resume_is_said() {
    let found = x002("unread/shopping-list.txt");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("does not read as a resume"),
        "{}",
        found[0]
    );
}

#[test]
fn a_resume_that_reads_right_gets_no_x002() {
    for rel in [
        "unread/prose-near-miss.txt",
        "layouts/gapped-dates.txt",
        "layouts/places.txt",
        "latex/shape-macros.tex",
        "json/month-day-year.json",
    ] {
        assert_eq!(x002(rel), Vec::<String>::new(), "{rel}");
    }
}

#[test]
fn the_scorecard_cannot_judge_a_document_without_roles() {
    let out = common::check_json()
        .args(["--target", "senior"])
        .arg(common::fixture("unread/no-roles.txt"))
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let proofs = v["documents"][0]["proofs"].as_array().unwrap();
    assert_eq!(proofs.len(), 3);
    for p in proofs {
        assert_eq!(p["holds"], Value::Null, "{p}");
        assert!(
            p["detail"].as_str().unwrap().contains("cannot be judged"),
            "{p}"
        );
    }
    // The human scorecard shows no tick either.
    let out = common::storyline()
        .args(["check", "--no-config", "--target", "senior"])
        .arg(common::fixture("unread/no-roles.txt"))
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("X002") || text.contains("unread-document"),
        "{text}"
    );
    assert!(!text.contains('✓'), "{text}");
}

#[test]
fn a_json_work_list_that_gave_no_role_is_said() {
    // Work entries written as strings, not objects: nothing to read a role from.
    let found = x002("unread/work-strings.json");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("no employer"), "{}", found[0]);
    let found = x002("unread/work-string.json");
    assert_eq!(found.len(), 1, "one entry, nothing read from it: {found:?}");
    // Near miss: the bundled JSON Resume reads right.
    assert!(x002("json/resume.json").is_empty());
}
