//! What a new user hits first: standard input, suppressions and config
//! that would otherwise fail silently, where errors go, and `init`.

mod common;

use std::path::Path;

use serde_json::Value;

use common::{in_dir, json};

fn codes(v: &Value) -> Vec<(String, u64)> {
    v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
            )
        })
        .collect()
}

const ROLE: &str = "# Dana Vale\n\nML Engineer\n\n## Experience\n\n### ML Engineer, Northwind (2021 - Present)\n\n";

#[test]
fn standard_input_is_linted_under_the_name_given() {
    let resume = std::fs::read(common::fixture("example/resume.md")).unwrap();
    let from_file = common::check_json()
        .arg(common::fixture("example/resume.md"))
        .output()
        .unwrap();
    let from_stdin = common::check_json()
        .args(["--stdin-filename", "cv/dana.md", "-"])
        .write_stdin(resume.clone())
        .output()
        .unwrap();
    assert_eq!(from_stdin.status.code(), from_file.status.code());
    let (a, b) = (json(&from_file), json(&from_stdin));
    let strip = |v: &Value| -> Vec<(String, u64)> { codes(v) };
    assert_eq!(
        strip(&a),
        strip(&b),
        "same findings from stdin as from the file"
    );
    assert!(
        b["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["path"] == "cv/dana.md")
    );
    // No name: "-", and the format told by the content (JSON Resume here).
    let json_resume = std::fs::read(common::fixture("json/resume.json")).unwrap();
    let out = common::storyline()
        .args(["extract", "-"])
        .write_stdin(json_resume)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc = json(&out);
    assert!(!doc["roles"].as_array().unwrap().is_empty());
    // report reads it too.
    let out = common::storyline()
        .args(["report", "--no-config", "-o", "-", "-"])
        .write_stdin(resume)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("<html"));
}

#[test]
fn standard_input_is_the_only_input_of_its_run() {
    let out = common::check_json()
        .arg("-")
        .arg(common::fixture("example/resume.md"))
        .write_stdin("x")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("standard input"));
    let out = common::check_json()
        .args(["--stdin-filename", "a.md"])
        .arg(common::fixture("example/resume.md"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn invalid_suppressions_are_x003_with_the_nearest_spelling_and_silence_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let text = format!(
        "{ROLE}<!-- storyline-disabel-next-line O001 -- typo -->\n- Helped move billing to Kafka, cutting cost 30%\n\
         <!-- storyline-disable-next-line weak-opener -- a name -->\n- Helped ship search for 2 million users\n\
         <!-- storyline-disable-next-line O999 -- no such code -->\n- Helped port 14 services to Rust\n\
         <!-- storyline-disable-next-line O001 -- valid -->\n- Helped plan the 3 data centre moves\n"
    );
    std::fs::write(tmp.path().join("resume.md"), text).unwrap();
    let out = in_dir(tmp.path())
        .args([
            "check",
            "--no-config",
            "--format",
            "json",
            "--select",
            "O001,X",
            "resume.md",
        ])
        .output()
        .unwrap();
    let v = json(&out);
    let found = codes(&v);
    // Each invalid comment is X003 on its own line, and the bullet under it
    // keeps its finding; the valid one silences its bullet, and is not stale.
    assert_eq!(
        found,
        [
            ("X003".into(), 9),
            ("O001".into(), 10),
            ("X003".into(), 11),
            ("O001".into(), 12),
            ("X003".into(), 13),
            ("O001".into(), 14),
        ],
        "{v:#}"
    );
    let messages: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "X003")
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert!(
        messages[0].contains("did you mean 'storyline-disable-next-line'"),
        "{messages:?}"
    );
    assert!(messages[1].contains("its code: O001"), "{messages:?}");
    assert!(
        messages[2].contains("'O999'") && messages[2].contains("O001"),
        "{messages:?}"
    );
}

#[test]
fn select_and_ignore_take_rule_names() {
    let by_name = common::check_json()
        .args(["--select", "weak-opener"])
        .arg(common::fixture("example/resume.md"))
        .output()
        .unwrap();
    let found = codes(&json(&by_name));
    assert!(!found.is_empty());
    assert!(found.iter().all(|(c, _)| c == "O001"), "{found:?}");
    let ignored = common::check_json()
        .args(["--ignore", "Weak-Opener"])
        .arg(common::fixture("example/resume.md"))
        .output()
        .unwrap();
    assert!(!codes(&json(&ignored)).iter().any(|(c, _)| c == "O001"));
}

#[test]
fn a_config_code_that_names_no_rule_is_an_error_with_file_line_and_key() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::copy(
        common::fixture("example/resume.md"),
        tmp.path().join("resume.md"),
    )
    .unwrap();
    std::fs::write(
        tmp.path().join("storyline.toml"),
        "fail-on = \"warning\"\n\n[per-file-ignores]\n\"archive/*.md\" = [\"M\", \"O999\"]\n",
    )
    .unwrap();
    let out = in_dir(tmp.path())
        .args(["check", "resume.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("storyline.toml: line 4:"), "{err}");
    assert!(
        err.contains("per-file-ignores") && err.contains("'O999'"),
        "{err}"
    );
    // A rule name is a valid way to name it.
    std::fs::write(
        tmp.path().join("storyline.toml"),
        "ignore = [\"weak-opener\"]\n",
    )
    .unwrap();
    let out = in_dir(tmp.path())
        .args(["check", "--format", "json", "resume.md"])
        .output()
        .unwrap();
    assert!(!codes(&json(&out)).iter().any(|(c, _)| c == "O001"));
}

#[test]
fn stale_config_entries_are_x001_findings_only_for_files_in_the_run() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::copy(
        common::fixture("example/resume.md"),
        tmp.path().join("resume.md"),
    )
    .unwrap();
    std::fs::create_dir(tmp.path().join("sub")).unwrap();
    std::fs::write(
        tmp.path().join("storyline.toml"),
        "resumes = [\"resume.md\"]\n\n[[suppress]]\npath = \"other.json\"\nrule = \"O001\"\ntext = \"Helped\"\n\n\
         [[suppress]]\npath = \"resume.md\"\nrule = \"O001\"\ntext = \"no bullet says this\"\n",
    )
    .unwrap();
    // Run from a subfolder: the paths from `resumes` and the config's own
    // path print relative to it, as paths on the command line would.
    let out = in_dir(&tmp.path().join("sub"))
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    let v = json(&out);
    let stale: Vec<&Value> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "X001")
        .collect();
    assert_eq!(stale.len(), 1, "only the entry for the linted file: {v:#}");
    assert_eq!(stale[0]["path"], "../storyline.toml");
    assert_eq!(stale[0]["line"], 8);
    assert!(v.get("notes").is_none_or(Value::is_null), "{v:#}");
    assert!(
        v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["code"] != "X001")
            .all(|d| d["path"] == "../resume.md"),
        "{v:#}"
    );
    // The human format shows it as a finding, not a note.
    let out = in_dir(&tmp.path().join("sub"))
        .arg("check")
        .output()
        .unwrap();
    let human = String::from_utf8_lossy(&out.stdout);
    assert!(human.contains("info[X001]"), "{human}");
    assert!(!human.contains("note:"), "{human}");
}

#[test]
fn unreadable_inputs_are_told_on_standard_error() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("broken.pdf"), b"%PDF-1.7\nnot really").unwrap();
    std::fs::copy(
        common::fixture("example/resume.md"),
        tmp.path().join("resume.md"),
    )
    .unwrap();
    let out = in_dir(tmp.path())
        .args(["check", "--no-config", "broken.pdf", "resume.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert!(stderr.contains("error: broken.pdf:"), "{stderr}");
    assert!(!stdout.contains("broken.pdf"), "{stdout}");
    // The other file is still checked.
    assert!(stdout.contains("resume.md"), "{stdout}");
}

#[test]
fn init_writes_every_key_the_readme_shows() {
    let tmp = tempfile::tempdir().unwrap();
    let out = in_dir(tmp.path()).arg("init").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let written = std::fs::read_to_string(tmp.path().join("storyline.toml")).unwrap();
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    // The keys of the README's configuration example.
    let block = readme
        .split("```toml\n")
        .nth(1)
        .and_then(|b| b.split("```").next())
        .unwrap();
    for line in block.lines() {
        let key = line.split(['=', ' ']).next().unwrap_or("");
        if key.is_empty() || key.starts_with('#') || key.starts_with('"') {
            continue;
        }
        let key = key.trim_start_matches("[[").trim_start_matches('[');
        let key = key.trim_end_matches("]]").trim_end_matches(']');
        assert!(written.contains(key), "init does not write '{key}'");
    }
}

#[test]
fn check_help_says_what_fail_on_and_profile_take() {
    let out = common::storyline()
        .args(["check", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(help.contains("error|warning|info"), "{help}");
    assert!(help.contains("Save to PDF"), "{help}");
    assert!(help.contains("--stdin-filename"), "{help}");
}

#[test]
fn a_folder_walk_skips_json_that_is_no_resume_with_a_note_and_reads_the_rest() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    std::fs::copy(common::fixture("example/resume.md"), d.join("resume.md")).unwrap();
    std::fs::copy(common::fixture("json/resume.json"), d.join("cv.json")).unwrap();
    std::fs::write(
        d.join("package.json"),
        r#"{"name": "site", "version": "1.0.0", "dependencies": {}}"#,
    )
    .unwrap();
    // storyline's own output, written into the folder it checks.
    let own = in_dir(d)
        .args(["check", "--no-config", "--format", "json", "resume.md"])
        .output()
        .unwrap();
    std::fs::write(d.join("findings.json"), &own.stdout).unwrap();
    // A resume in another JSON shape is read, not skipped.
    std::fs::write(
        d.join("fresh.json"),
        r#"{"name": "Ada Sample", "employment": {"history": [{"employer": "Initech", "position": "Engineer"}]}}"#,
    )
    .unwrap();
    let out = in_dir(d)
        .args(["check", "--no-config", "--format", "json", "."])
        .output()
        .unwrap();
    let v = json(&out);
    let notes: Vec<&str> = v["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap())
        .collect();
    assert_eq!(notes.len(), 2, "{notes:?}");
    assert!(
        notes
            .iter()
            .any(|n| n.contains("findings.json") && n.contains("own output")),
        "{notes:?}"
    );
    assert!(
        notes.iter().any(|n| n.contains("package.json")),
        "{notes:?}"
    );
    let paths: Vec<&str> = v["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert!(paths.iter().any(|p| p.ends_with("cv.json")), "{paths:?}");
    assert!(paths.iter().any(|p| p.ends_with("resume.md")), "{paths:?}");
    assert!(paths.iter().any(|p| p.ends_with("fresh.json")), "{paths:?}");
    // Named on the command line, the manifest is read, and refused.
    let out = in_dir(d)
        .args(["check", "--no-config", "package.json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn messages_count_in_words_that_agree() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    std::fs::copy(common::fixture("example/resume.md"), d.join("resume.md")).unwrap();
    let out = in_dir(d)
        .args(["report", "--no-config", "-o", "-", "resume.md"])
        .output()
        .unwrap();
    let page = String::from_utf8_lossy(&out.stdout);
    assert!(page.contains(" 1 input<"), "one input");
    assert!(!page.contains("(s)"), "no '(s)' plurals in the report");
}
