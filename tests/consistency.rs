//! LinkedIn exports and the cross-channel rules: a consistent pair is
//! silent, every deliberate change is caught, and the export reader copes
//! with what real exports contain.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};

use serde_json::Value;

fn export_copy(dir: &Path) -> PathBuf {
    let out = dir.join("export");
    std::fs::create_dir_all(&out).unwrap();
    for f in ["Profile.csv", "Positions.csv", "Skills.csv"] {
        std::fs::copy(
            common::fixture(&format!("linkedin/export/{f}")),
            out.join(f),
        )
        .unwrap();
    }
    out
}

fn edit(path: &Path, from: &str, to: &str) {
    let s = std::fs::read_to_string(path).unwrap();
    assert!(s.contains(from), "{from} not in {}", path.display());
    std::fs::write(path, s.replacen(from, to, 1)).unwrap();
}

/// (code, path, line, message) of every finding of the C and L rules.
fn check(resume: &Path, profile: &Path) -> Vec<(String, String, u64, String)> {
    let out = common::check_json()
        .args(["--select", "C,L"])
        .arg(resume)
        .arg("--profile")
        .arg(profile)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["errors"], serde_json::json!([]), "{v}");
    v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["path"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn resume() -> PathBuf {
    common::fixture("linkedin/resume.md")
}

#[test]
fn consistent_pair_is_silent_from_a_folder_and_a_zip() {
    let tmp = tempfile::tempdir().unwrap();
    let export = export_copy(tmp.path());
    assert_eq!(check(&resume(), &export), []);
    // The same export as the ZIP LinkedIn sends, files in a subfolder.
    let zip_path = tmp.path().join("Basic_LinkedInDataExport.zip");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&zip_path).unwrap());
    for f in ["Profile.csv", "Positions.csv", "Skills.csv"] {
        zip.start_file(
            format!("Basic_LinkedInDataExport_11-25-2026/{f}"),
            zip::write::SimpleFileOptions::default(),
        )
        .unwrap();
        zip.write_all(&std::fs::read(export.join(f)).unwrap())
            .unwrap();
    }
    zip.finish().unwrap();
    assert_eq!(check(&resume(), &zip_path), []);
}

#[test]
fn each_deliberate_change_is_caught() {
    type Change = (&'static str, &'static str, &'static str, &'static str);
    let changes: [Change; 7] = [
        (
            "Positions.csv",
            "NORTHWIND,Staff Machine Learning Engineer",
            "NORTHWIND,Senior Machine Learning Engineer",
            "C001",
        ),
        (
            "Positions.csv",
            "Fabrikam,Data Analyst,,,Jan 2016",
            "Fabrikam,Data Analyst,,,Jan 2015",
            "C002",
        ),
        (
            "Positions.csv",
            "Fabrikam,Data Analyst",
            "Globex,ML Engineer,,,Jan 2024,\r\nFabrikam,Data Analyst",
            "C003",
        ),
        ("Positions.csv", "by 40%", "by 25%", "C004"),
        (
            "Profile.csv",
            "Staff Machine Learning Engineer at Northwind",
            "Senior Machine Learning Engineer at Northwind",
            "C005",
        ),
        ("Positions.csv", "NORTHWIND,", "Northwnd,", "C006"),
        ("Skills.csv", "Kubernetes", "Terraform", "C007"),
    ];
    for (file, from, to, code) in changes {
        let tmp = tempfile::tempdir().unwrap();
        let export = export_copy(tmp.path());
        edit(&export.join(file), from, to);
        let found = check(&resume(), &export);
        let mut codes: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
        // C007 reports each direction: a skill LinkedIn leads with that
        // the resume lacks, and the reverse.
        codes.dedup();
        assert_eq!(codes, [code], "{file}: {from} → {to}: {found:#?}");
    }
}

#[test]
fn findings_quote_both_sides_and_point_at_both_channels() {
    let tmp = tempfile::tempdir().unwrap();
    let export = export_copy(tmp.path());
    edit(
        &export.join("Positions.csv"),
        "NORTHWIND,Staff Machine Learning Engineer",
        "NORTHWIND,Senior Machine Learning Engineer",
    );
    edit(
        &export.join("Positions.csv"),
        "Fabrikam,Data Analyst",
        "Globex,ML Engineer,,,Jan 2024,\r\nFabrikam,Data Analyst",
    );
    let out = common::check_json()
        .args(["--select", "C"])
        .arg(resume())
        .arg("--profile")
        .arg(&export)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let diags = v["diagnostics"].as_array().unwrap();
    let c001 = diags.iter().find(|d| d["code"] == "C001").unwrap();
    assert_eq!(
        c001["message"],
        "title differs from LinkedIn: 'Staff ML Engineer' vs 'Senior Machine Learning Engineer'"
    );
    assert_eq!(c001["line"], 9);
    assert_eq!(
        c001["related"][0]["path"],
        format!("{}/Positions.csv", export.display())
    );
    assert_eq!(c001["related"][0]["line"], 2);
    // A LinkedIn-only role is reported on the export's row.
    let c003 = diags.iter().find(|d| d["code"] == "C003").unwrap();
    assert_eq!(c003["path"], format!("{}/Positions.csv", export.display()));
    assert_eq!(c003["line"], 6);
    assert!(
        c003["message"]
            .as_str()
            .unwrap()
            .starts_with("recent LinkedIn role ML Engineer at Globex is not on the resume")
    );
}

#[test]
fn export_reader_handles_real_export_quirks() {
    let tmp = tempfile::tempdir().unwrap();
    let export = export_copy(tmp.path());
    // A "Notes:" preamble, as Connections.csv-style files carry.
    let skills = std::fs::read_to_string(export.join("Skills.csv")).unwrap();
    std::fs::write(
        export.join("Skills.csv"),
        format!("Notes:\r\n\"Exported skills, some may be hidden\"\r\n\r\n{skills}"),
    )
    .unwrap();
    // An older header for Projects.csv.
    std::fs::write(export.join("Projects.csv"), "Title,Description,Url,Start Date,End Date\nRanker,\"Open-source ranker\nused by 3 teams\",,Aug 2016,\n").unwrap();
    let out = common::storyline()
        .arg("extract")
        .arg(&export)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["format"], "linkedin-export");
    assert_eq!(v["channel"], "linkedin");
    assert_eq!(v["name"], "Riley Sample");
    assert!(
        v["summary"].as_str().unwrap().contains("🚀"),
        "emoji and CRLF inside quotes survive"
    );
    assert_eq!(v["roles"].as_array().unwrap().len(), 4);
    assert_eq!(
        v["roles"][0]["end"], "present",
        "an empty Finished On is current"
    );
    assert_eq!(
        v["roles"][0]["bullets"].as_array().unwrap().len(),
        2,
        "• items are bullets"
    );
    assert_eq!(v["skills"][0], "PyTorch");
    assert_eq!(v["projects"][0]["start"], "2016-08");
    assert_eq!(v["roles"][1]["line"], 4);
}

#[test]
fn not_an_export_is_a_clear_error() {
    let tmp = tempfile::tempdir().unwrap();
    let zip_path = tmp.path().join("photos.zip");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&zip_path).unwrap());
    zip.start_file("a.txt", zip::write::SimpleFileOptions::default())
        .unwrap();
    zip.write_all(b"hello").unwrap();
    zip.finish().unwrap();
    let out = common::storyline()
        .args(["check", "--no-config"])
        .arg(&zip_path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("not a LinkedIn export: the ZIP holds no Positions.csv or Profile.csv")
    );
    let out = common::storyline()
        .args(["check", "--no-config", "x.md", "--profile"])
        .arg(common::fixture("example/resume.md"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn l001_several_levels_in_headline_or_applications() {
    let tmp = tempfile::tempdir().unwrap();
    let r = tmp.path().join("resume.md");
    let text = std::fs::read_to_string(resume()).unwrap();
    std::fs::write(
        &r,
        text.replacen(
            "Staff Machine Learning Engineer\n",
            "Senior/Staff Machine Learning Engineer\n",
            1,
        ),
    )
    .unwrap();
    let export = export_copy(tmp.path());
    let found = check(&r, &export);
    assert!(
        found
            .iter()
            .any(|f| f.0 == "L001" && f.3 == "the headline names several levels: senior, staff"),
        "{found:#?}"
    );
    // Levels named in passing ("mentored junior and mid-level engineers")
    // are no offer of two levels.
    std::fs::write(
        &r,
        text.replacen(
            "Staff ML engineer leading ranking systems across 4 product teams.",
            "Staff ML engineer who mentored junior and mid-level engineers across 4 product teams.",
            1,
        ),
    )
    .unwrap();
    assert!(
        !check(&r, &export).iter().any(|f| f.0 == "L001"),
        "{:#?}",
        check(&r, &export)
    );
    // "Senior Staff" is one level, not two.
    std::fs::write(
        &r,
        text.replacen(
            "Staff Machine Learning Engineer\n",
            "Senior Staff Machine Learning Engineer\n",
            1,
        ),
    )
    .unwrap();
    assert!(!check(&r, &export).iter().any(|f| f.0 == "L001"));
    // Job applications spanning levels, on the export itself.
    std::fs::create_dir_all(export.join("Jobs")).unwrap();
    std::fs::write(
        export.join("Jobs/Job Applications.csv"),
        "Application Date,Contact Email,Contact Phone Number,Company Name,Job Title,Job Url,Resume Name,Question And Answers\n11/1/26,,,Globex,Senior ML Engineer,,,\n11/2/26,,,Initech,Principal ML Engineer,,,\n",
    )
    .unwrap();
    let out = common::check_json()
        .args(["--select", "L001"])
        .arg(&export)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let d = &v["diagnostics"][0];
    assert_eq!(
        d["message"],
        "job applications target several levels: senior ('Senior ML Engineer'), principal ('Principal ML Engineer')"
    );
    assert!(
        d["path"]
            .as_str()
            .unwrap()
            .ends_with("Jobs/Job Applications.csv")
    );
}

#[test]
fn l003_variants_that_share_no_story() {
    let tmp = tempfile::tempdir().unwrap();
    let staff = tmp.path().join("resume-staff.md");
    std::fs::copy(resume(), &staff).unwrap();
    let senior = tmp.path().join("resume-senior.md");
    std::fs::write(&senior, "# Riley Sample\n\nSenior Data Analyst\n\nData analyst passionate about dashboards and reporting for finance.\n").unwrap();
    let run = |files: &[&Path]| -> Vec<String> {
        let out = common::storyline()
            .args([
                "check",
                "--no-config",
                "--format",
                "json",
                "--select",
                "L003",
            ])
            .args(files)
            .output()
            .unwrap();
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["path"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(run(&[&staff, &senior]), [senior.display().to_string()]);
    // A variant that keeps the core story is fine.
    std::fs::write(&senior, "# Riley Sample\n\nSenior Machine Learning Engineer\n\nML engineer leading ranking systems for product teams.\n").unwrap();
    assert!(run(&[&staff, &senior]).is_empty());
    // Another person's resume is not a variant.
    std::fs::write(
        &senior,
        "# Casey Other\n\nSenior Data Analyst\n\nData analyst passionate about dashboards.\n",
    )
    .unwrap();
    assert!(run(&[&staff, &senior]).is_empty());
}
