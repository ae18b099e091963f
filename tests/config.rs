//! storyline.toml: discovery, precedence, errors, init, per-file ignores,
//! config suppressions and folder walking.

mod common;

use std::path::Path;

fn copy_fixture(rel: &str, to: &Path) {
    std::fs::create_dir_all(to.parent().unwrap()).unwrap();
    std::fs::copy(common::fixture(rel), to).unwrap();
}

use common::{in_dir, json};

#[test]
fn config_is_discovered_from_a_subfolder_and_flags_win() {
    let tmp = tempfile::tempdir().unwrap();
    copy_fixture("levels/senior-headline.md", &tmp.path().join("resume.md"));
    std::fs::write(
        tmp.path().join("storyline.toml"),
        "target = \"staff\"\nselect = [\"L002\"]\ntoday = \"2026-11\"\nresumes = [\"resume.md\"]\n",
    )
    .unwrap();
    let sub = tmp.path().join("notes/deep");
    std::fs::create_dir_all(&sub).unwrap();
    // No path: the config's `resumes`, resolved against the config folder.
    let out = in_dir(&sub)
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v = json(&out);
    assert_eq!(v["diagnostics"][0]["code"], "L002");
    assert!(
        v["diagnostics"][0]["message"]
            .as_str()
            .unwrap()
            .ends_with("(from config)")
    );
    // The flag wins over the file.
    let out = in_dir(&sub)
        .args(["check", "--format", "json", "--target", "senior"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    // --no-config ignores it: no target, no L002, and no default paths.
    let out = in_dir(&sub)
        .args(["check", "--no-config"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    // --show-config prints the resolved settings.
    let out = in_dir(&sub)
        .args(["check", "--show-config", "--fail-on", "error"])
        .output()
        .unwrap();
    let shown = String::from_utf8(out.stdout).unwrap();
    assert!(shown.contains("target = \"staff\""), "{shown}");
    assert!(shown.contains("target-source = \"config\""), "{shown}");
    assert!(shown.contains("fail-on = \"error\""), "{shown}");
    assert!(shown.contains("track = \"ml-engineer\""), "{shown}");
}

#[test]
fn unknown_config_key_names_file_line_and_key() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("storyline.toml"),
        "target = \"staff\"\n\nfail_on = \"error\"\n",
    )
    .unwrap();
    let out = in_dir(tmp.path()).args(["check", "x.md"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("storyline.toml: line 3: unknown field `fail_on`"),
        "{err}"
    );
}

#[test]
fn init_writes_a_starter_and_never_overwrites() {
    let tmp = tempfile::tempdir().unwrap();
    let out = in_dir(tmp.path()).arg("init").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let path = tmp.path().join("storyline.toml");
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(written.contains("track = \"ml-engineer\""));
    std::fs::write(&path, "target = \"mine\"\n").unwrap();
    let out = in_dir(tmp.path()).arg("init").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("already exists"));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "target = \"mine\"\n"
    );
    // The starter is a valid config.
    std::fs::write(&path, written).unwrap();
    copy_fixture("example/resume.md", &tmp.path().join("r.md"));
    let out = in_dir(tmp.path()).args(["check", "r.md"]).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn per_file_ignores_match_globs_relative_to_the_config() {
    let tmp = tempfile::tempdir().unwrap();
    copy_fixture("rules/O001/fire.md", &tmp.path().join("resume.md"));
    copy_fixture("rules/O001/fire.md", &tmp.path().join("archive/old.md"));
    std::fs::write(
        tmp.path().join("storyline.toml"),
        "select = [\"O001\"]\n[per-file-ignores]\n\"archive/*.md\" = [\"O\"]\n",
    )
    .unwrap();
    let out = in_dir(tmp.path())
        .args(["check", "--format", "json", "."])
        .output()
        .unwrap();
    let v = json(&out);
    let paths: std::collections::BTreeSet<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths.into_iter().collect::<Vec<_>>(), ["./resume.md"]);
    assert_eq!(v["summary"]["files"], 2);
}

#[test]
fn config_suppressions_for_json_are_reported_and_stale_ones_noted() {
    let tmp = tempfile::tempdir().unwrap();
    copy_fixture("json/resume.json", &tmp.path().join("resume.json"));
    std::fs::write(
        tmp.path().join("storyline.toml"),
        r#"select = ["O001", "X001"]
[[suppress]]
path = "resume.json"
rule = "O001"
text = "Helped the search team"
reason = "shared work, said on purpose"

[[suppress]]
path = "resume.json"
rule = "O001"
text = "Assisted nobody"
"#,
    )
    .unwrap();
    let out = in_dir(tmp.path())
        .args([
            "check",
            "--format",
            "json",
            "--report-suppressed",
            "resume.json",
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let v = json(&out);
    // The stale entry is an X001 finding (info: the exit stays 0) at its
    // `[[suppress]]` line, not a note.
    assert_eq!(v["summary"]["diagnostics"], 1);
    let s = &v["suppressed"][0];
    assert_eq!(s["code"], "O001");
    assert_eq!(s["reason"], "shared work, said on purpose");
    let d = &v["diagnostics"][0];
    assert_eq!(d["code"], "X001");
    assert_eq!(d["path"], "storyline.toml");
    assert_eq!(d["line"], 8);
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("'Assisted nobody') matched no finding")
    );
}

#[test]
fn stale_inline_suppression_is_reported_as_x001() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("resume.md"),
        "# A\n\n## Experience\n\n### Engineer, Acme (2020 – Present)\n\n<!-- storyline-disable-next-line O001 -->\n- Led the migration of the feature store to Spark\n",
    )
    .unwrap();
    let out = in_dir(tmp.path())
        .args([
            "check",
            "--no-config",
            "--format",
            "json",
            "--select",
            "O001,X001",
            "resume.md",
        ])
        .output()
        .unwrap();
    let v = json(&out);
    let d = &v["diagnostics"][0];
    assert_eq!(d["code"], "X001");
    assert_eq!(d["line"], 7);
    assert_eq!(d["severity"], "info");
    // Not reported when the rule it names did not run.
    let out = in_dir(tmp.path())
        .args([
            "check",
            "--no-config",
            "--format",
            "json",
            "--select",
            "M001,X001",
            "resume.md",
        ])
        .output()
        .unwrap();
    assert!(
        !json(&out)["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["code"] == "X001")
    );
}

#[test]
fn folders_are_walked_honouring_gitignore_and_skipping_non_resumes() {
    let tmp = tempfile::tempdir().unwrap();
    copy_fixture("example/resume.md", &tmp.path().join("a/resume.md"));
    copy_fixture("json/resume.json", &tmp.path().join("b/resume.json"));
    copy_fixture("example/resume.md", &tmp.path().join("build/copy.md"));
    copy_fixture("example/resume.md", &tmp.path().join(".hidden/copy.md"));
    std::fs::write(tmp.path().join("a/photo.png"), [0x89, b'P', b'N', b'G']).unwrap();
    std::fs::write(tmp.path().join(".gitignore"), "build/\n").unwrap();
    let out = in_dir(tmp.path())
        .args(["check", "--no-config", "--format", "json", "."])
        .output()
        .unwrap();
    let v = json(&out);
    assert_eq!(v["summary"]["files"], 2);
    assert_eq!(v["summary"]["errors"], 0);
    let docs: Vec<&str> = v["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert_eq!(docs, ["./a/resume.md", "./b/resume.json"]);
}
