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

/// A copy of the fixture resume in `dir`, with edits.
fn resume_copy(dir: &Path, edits: &[(&str, &str)]) -> PathBuf {
    let out = dir.join("resume.md");
    std::fs::copy(resume(), &out).unwrap();
    for (from, to) in edits {
        edit(&out, from, to);
    }
    out
}

fn c_codes(found: &[(String, String, u64, String)]) -> Vec<&str> {
    let mut codes: Vec<&str> = found
        .iter()
        .map(|f| f.0.as_str())
        .filter(|c| c.starts_with('C'))
        .collect();
    codes.dedup();
    codes
}

/// The resume lists Contoso's two titles as LinkedIn does.
const SPLIT_CONTOSO: (&str, &str) = (
    "### Sr. ML Engineer, Contoso (2018 – Feb 2021)\n\n- Built the demand forecasting models used by 120 stores\n- Mentored 3 engineers through their first launches",
    "### Sr. ML Engineer, Contoso (Apr 2019 – Feb 2021)\n\n- Built the demand forecasting models used by 120 stores\n\n### ML Engineer, Contoso (Jan 2018 – Mar 2019)\n\n- Mentored 3 engineers through their first launches",
);

#[test]
fn promotions_listed_on_both_channels_pair_title_by_title() {
    let tmp = tempfile::tempdir().unwrap();
    let export = export_copy(tmp.path());
    // Each title against its own dates, not the employment's span.
    let split = resume_copy(tmp.path(), &[SPLIT_CONTOSO]);
    assert_eq!(check(&split, &export), []);
    // Near miss: one title's own start moves a year.
    let moved = resume_copy(
        tmp.path(),
        &[
            SPLIT_CONTOSO,
            ("(Jan 2018 – Mar 2019)", "(Jan 2017 – Mar 2019)"),
        ],
    );
    let found = check(&moved, &export);
    assert_eq!(c_codes(&found), ["C002"], "{found:#?}");
    assert!(found[0].3.contains("ML Engineer at Contoso"), "{found:#?}");
}

#[test]
fn titles_linkedin_folds_into_one_role_are_judged_together() {
    let tmp = tempfile::tempdir().unwrap();
    let export = export_copy(tmp.path());
    let positions = export.join("Positions.csv");
    edit(
        &positions,
        "Contoso Ltd.,Senior Machine Learning Engineer,Built the demand forecasting models used by 120 stores,Porto,Apr 2019,Feb 2021\r\nContoso Ltd.,Machine Learning Engineer,,Porto,Jan 2018,Mar 2019",
        "Contoso Ltd.,Senior Machine Learning Engineer,Built the demand forecasting models used by 120 stores,Porto,Jan 2018,Feb 2021",
    );
    let split = resume_copy(tmp.path(), &[SPLIT_CONTOSO]);
    assert_eq!(check(&split, &export), []);
    // Near miss: LinkedIn's one role starts a year before both.
    edit(
        &positions,
        "Porto,Jan 2018,Feb 2021",
        "Porto,Jan 2017,Feb 2021",
    );
    assert_eq!(c_codes(&check(&split, &export)), ["C002"]);
}

#[test]
fn headline_levels_are_read_before_any_job_title() {
    let tmp = tempfile::tempdir().unwrap();
    let export = export_copy(tmp.path());
    let profile = export.join("Profile.csv");
    edit(
        &profile,
        "Staff Machine Learning Engineer at Northwind",
        "Staff Computer Engineer at Northwind",
    );
    let senior = resume_copy(
        tmp.path(),
        &[(
            "Staff Machine Learning Engineer\n",
            "Senior Computer Engineer\n",
        )],
    );
    assert_eq!(c_codes(&check(&senior, &export)), ["C005"]);
    // Near miss: "Staff" that ends "Member of Technical Staff" names no level.
    let mts = resume_copy(
        tmp.path(),
        &[(
            "Staff Machine Learning Engineer\n",
            "Member of Technical Staff, Computer Engineering\n",
        )],
    );
    assert_eq!(c_codes(&check(&mts, &export)), Vec::<&str>::new());
}

#[test]
fn a_changed_number_is_found_where_it_moved_and_a_rate_is_no_total() {
    let tmp = tempfile::tempdir().unwrap();
    let export = export_copy(tmp.path());
    let positions = export.join("Positions.csv");
    let original = std::fs::read_to_string(&positions).unwrap();
    let moved = |figure: &str| {
        std::fs::write(
            &positions,
            original.replace(
                "Cut p99 latency of the ranking service by 40% with a shared feature cache",
                &format!(
                    "With a shared feature cache, cut the ranking service's p99 latency by {figure}"
                ),
            ),
        )
        .unwrap();
    };
    moved("25%");
    let found = check(&resume(), &export);
    assert_eq!(c_codes(&found), ["C004"], "{found:#?}");
    assert!(found[0].3.contains("'40%' here and '25%'"), "{found:#?}");
    // Near miss: the same figure in another place of the sentence.
    moved("40%");
    assert_eq!(check(&resume(), &export), []);

    // A rate against a total of the same figure.
    let rate = |linkedin: &str| {
        std::fs::write(
            &positions,
            original.replace(
                "raising click-through by 12%",
                &format!("raising click-through by 12%\n• Served 12M ranking requests {linkedin} from the shared cache"),
            ),
        )
        .unwrap();
    };
    let served = resume_copy(
        tmp.path(),
        &[(
            "raising click-through by 12%\n",
            "raising click-through by 12%\n- Served 12M ranking requests a month from the shared cache\n",
        )],
    );
    rate("in 3 months");
    let found = check(&served, &export);
    assert_eq!(c_codes(&found), ["C004"], "{found:#?}");
    assert!(
        found[0]
            .3
            .contains("'12M ranking requests a month' here and '12M ranking requests in 3 months'"),
        "{found:#?}"
    );
    rate("per month");
    assert_eq!(check(&served, &export), []);
}

#[test]
fn a_renamed_employer_is_one_role_and_old_roles_are_not_recent() {
    let tmp = tempfile::tempdir().unwrap();
    let export = export_copy(tmp.path());
    let positions = export.join("Positions.csv");
    let original = std::fs::read_to_string(&positions).unwrap();
    // The employer's former name on LinkedIn: same title, same months.
    std::fs::write(
        &positions,
        original.replace("Fabrikam,Data Analyst", "Tailspin Analytics,Data Analyst"),
    )
    .unwrap();
    assert_eq!(c_codes(&check(&resume(), &export)), ["C006"]);
    // The same in another script.
    std::fs::write(
        &positions,
        original.replace("Fabrikam,Data Analyst", "Фабрикам,Data Analyst"),
    )
    .unwrap();
    assert_eq!(c_codes(&check(&resume(), &export)), ["C006"]);
    // Near miss: another title too, so nothing says it is the same role.
    std::fs::write(
        &positions,
        original.replace(
            "Fabrikam,Data Analyst",
            "Tailspin Analytics,Support Engineer",
        ),
    )
    .unwrap();
    assert!(c_codes(&check(&resume(), &export)).contains(&"C003"));
    // A LinkedIn-only role that ended years before the rest is history.
    std::fs::write(
        &positions,
        format!("{}Initech,Intern,,,Jun 2008,Aug 2008\r\n", original),
    )
    .unwrap();
    assert_eq!(check(&resume(), &export), []);
    std::fs::write(
        &positions,
        format!("{}Initech,Data Engineer,,,Jun 2019,Aug 2020\r\n", original),
    )
    .unwrap();
    assert_eq!(c_codes(&check(&resume(), &export)), ["C003"]);
}

#[test]
fn skills_drift_ignores_what_is_not_a_skill() {
    let tmp = tempfile::tempdir().unwrap();
    let export = export_copy(tmp.path());
    let skills = export.join("Skills.csv");
    // A spoken language, a qualifier, a heading: none is drift.
    edit(
        &skills,
        "Name\r\n",
        "Name\r\nEnglish\r\nPython (programming language)\r\nLanguages\r\n",
    );
    let python = resume_copy(
        tmp.path(),
        &[(
            "PyTorch, Spark, Kubernetes",
            "Python, PyTorch, Spark, Kubernetes",
        )],
    );
    assert_eq!(check(&python, &export), []);
    // Near miss: a real skill the resume lacks.
    edit(&skills, "Languages\r\n", "Terraform\r\n");
    let found = check(&python, &export);
    assert_eq!(c_codes(&found), ["C007"], "{found:#?}");
    assert!(found[0].3.ends_with("Terraform"), "{found:#?}");
}

/// `storyline check` on the given inputs (no --profile): the JSON.
fn check_inputs(inputs: &[&Path]) -> Value {
    let out = common::check_json()
        .args(["--select", "C"])
        .args(inputs)
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn a_lone_resume_and_profile_among_the_inputs_pair_and_say_so() {
    let tmp = tempfile::tempdir().unwrap();
    let export = export_copy(tmp.path());
    edit(
        &export.join("Positions.csv"),
        "NORTHWIND,Staff Machine Learning Engineer",
        "NORTHWIND,Senior Machine Learning Engineer",
    );
    // The resume's name is not read: the only resume and the only profile
    // pair all the same.
    let nameless = resume_copy(tmp.path(), &[("# Riley Sample\n", "")]);
    let v = check_inputs(&[&nameless, &export]);
    let codes: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["C001"], "{v}");
    let card = &v["documents"][0];
    assert_eq!(card["compared_with"][0], export.display().to_string());
    assert_eq!(card["conflicts"], 1);
    assert!(
        card["proofs"][2]["detail"]
            .as_str()
            .unwrap()
            .starts_with("1 conflict with ")
    );
    // Near miss: two resumes of other people and one profile: nothing pairs,
    // and each says "not compared", never "0 conflicts".
    let other = tmp.path().join("other.md");
    std::fs::write(
        &other,
        "# Sam Other\n\n## Experience\n\n### Analyst, Globex (2020 – Present)\n\n- Wrote 3 reports\n",
    )
    .unwrap();
    let v = check_inputs(&[&nameless, &other, &export]);
    assert_eq!(v["diagnostics"], serde_json::json!([]), "{v}");
    for card in v["documents"].as_array().unwrap() {
        if card["path"] == export.display().to_string() {
            continue;
        }
        assert_eq!(card["compared_with"], serde_json::json!([]), "{card}");
        assert_eq!(card["conflicts"], Value::Null);
        assert!(
            card["proofs"][2]["detail"]
                .as_str()
                .unwrap()
                .starts_with("not compared"),
            "{card}"
        );
    }
    // The human format says it too.
    let out = common::storyline()
        .args([
            "check",
            "--no-config",
            "--today",
            "2026-11",
            "--select",
            "C",
        ])
        .arg(&other)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("consistent narrative across channels: not compared"),
        "{text}"
    );
}

#[test]
fn an_employer_named_with_its_parent_or_a_slogan_is_no_c006_a_respaced_one_is() {
    let tmp = tempfile::tempdir().unwrap();
    let export = export_copy(tmp.path());
    let positions = export.join("Positions.csv");
    let original = std::fs::read_to_string(&positions).unwrap();
    let linkedin = |name: &str| {
        std::fs::write(
            &positions,
            original.replace("Fabrikam,Data Analyst", &format!("{name},Data Analyst")),
        )
        .unwrap();
    };
    // The company page's name carries a slogan after a comma.
    linkedin("\"Fabrikam, the #1 retail insight company\"");
    let longer = resume_copy(
        tmp.path(),
        &[(
            "Data Analyst, Fabrikam (",
            "Data Analyst, Fabrikam Analytics (",
        )],
    );
    assert_eq!(check(&longer, &export), []);
    // The parent company on LinkedIn, its park on the resume.
    linkedin("The Fabrikam Company");
    let park = resume_copy(
        tmp.path(),
        &[("Data Analyst, Fabrikam (", "Data Analyst, Fabrikamland (")],
    );
    assert_eq!(check(&park, &export), []);
    // Near miss: the same letters spaced another way is a spelling to fix.
    linkedin("Fabri Kam");
    assert_eq!(c_codes(&check(&resume(), &export)), ["C006"]);
    // Near miss: sharing only a common word says nothing.
    linkedin("Tailspin Global");
    let global = resume_copy(
        tmp.path(),
        &[(
            "Data Analyst, Fabrikam (",
            "Data Analyst, Fabrikam Global (",
        )],
    );
    assert_eq!(c_codes(&check(&global, &export)), ["C006"]);
}

#[test]
fn a_linkedin_role_the_resume_tells_of_outside_its_jobs_is_not_missing() {
    let tmp = tempfile::tempdir().unwrap();
    let export = export_copy(tmp.path());
    let positions = export.join("Positions.csv");
    let original = std::fs::read_to_string(&positions).unwrap();
    std::fs::write(
        &positions,
        format!(
            "{original}Tailspin Podcast Initiative,Host,,,Jan 2020,Dec 2020\r\n\
             Litware Code Club,Mentor,,,Mar 2020,Nov 2020\r\n"
        ),
    )
    .unwrap();
    let skills = "## Skills\n";
    // Named in a project and in a volunteering section: no C003.
    let told = resume_copy(
        tmp.path(),
        &[(
            skills,
            "## Projects\n\n- Tailspin Podcast Initiative: hosted 20 episodes on ranking systems\n\n\
             ## Volunteering\n\nMentor at Litware Code Club, 2020\n\n## Skills\n",
        )],
    );
    assert_eq!(check(&told, &export), []);
    // Near miss: named only in a bullet of a role of other months, and not
    // at all: both are missing.
    let elsewhere = resume_copy(
        tmp.path(),
        &[(
            "- Cut p99 latency",
            "- Spoke twice on the Tailspin Podcast Initiative\n- Cut p99 latency",
        )],
    );
    let found = check(&elsewhere, &export);
    assert_eq!(
        found.iter().filter(|f| f.0 == "C003").count(),
        2,
        "{found:#?}"
    );

    // A resume entry under "Leadership Experience" is no job LinkedIn
    // must list; the same entry under "Experience" is.
    let std_export = export_copy(&tmp.path().join("plain"));
    let club = "### President, Contoso Robotics Club (Sep 2020 – Jun 2021)\n\n- Ran 12 workshops for 80 students\n\n";
    let leadership = resume_copy(
        tmp.path(),
        &[(
            skills,
            &format!("## Leadership Experience\n\n{club}## Skills\n"),
        )],
    );
    assert_eq!(check(&leadership, &std_export), []);
    let job = resume_copy(
        tmp.path(),
        &[("### Sr. ML Engineer", &format!("{club}### Sr. ML Engineer"))],
    );
    assert_eq!(c_codes(&check(&job, &std_export)), ["C003"]);
}

#[test]
fn an_early_job_in_another_line_of_work_is_no_missing_role() {
    let tmp = tempfile::tempdir().unwrap();
    let export = export_copy(tmp.path());
    let positions = export.join("Positions.csv");
    let original = std::fs::read_to_string(&positions).unwrap();
    let linkedin = |role: &str| {
        std::fs::write(
            &positions,
            original.replace("Fabrikam,Data Analyst,,,Jan 2016,Dec 2017", role),
        )
        .unwrap();
    };
    // The resume starts at Contoso; LinkedIn still lists a shop job before.
    let targeted = resume_copy(
        tmp.path(),
        &[(
            "### Data Analyst, Fabrikam (Jan 2016 – Dec 2017)\n\n- Automated the weekly sales report, saving the finance team 6 hours a week\n\n",
            "",
        )],
    );
    linkedin("Fabrikam Outlet,Sales Associate,,,Jan 2016,Dec 2017");
    assert_eq!(check(&targeted, &export), []);
    // Near miss: an early job in the resume's own line of work.
    linkedin("Fabrikam Outlet,Sales Engineer,,,Jan 2016,Dec 2017");
    assert_eq!(c_codes(&check(&targeted, &export)), ["C003"]);
    // Near miss: the shop job between two of the resume's roles.
    linkedin("Fabrikam Outlet,Sales Associate,,,Jan 2019,Dec 2019");
    assert_eq!(c_codes(&check(&targeted, &export)), ["C003"]);
}

#[test]
fn a_broad_skill_is_covered_by_a_specific_one_not_the_reverse() {
    let tmp = tempfile::tempdir().unwrap();
    let export = export_copy(tmp.path());
    let skills = export.join("Skills.csv");
    let original = std::fs::read_to_string(&skills).unwrap();
    let resume_with = |tool: &str| {
        resume_copy(
            tmp.path(),
            &[("PyTorch, Spark", &format!("{tool}, PyTorch, Spark"))],
        )
    };
    // LinkedIn leads with the field, the resume names the tool.
    std::fs::write(
        &skills,
        original.replace("Name\r\n", "Name\r\nComputer-Aided Design\r\n"),
    )
    .unwrap();
    let tool_in_summary = resume_copy(
        tmp.path(),
        &[(
            "4 product teams.\n",
            "4 product teams, with test rigs drawn in SolidWorks.\n",
        )],
    );
    assert_eq!(check(&tool_in_summary, &export), []);
    // Near miss: LinkedIn names the tool, the resume only the field.
    std::fs::write(
        &skills,
        original.replace("Name\r\n", "Name\r\nSolidWorks\r\n"),
    )
    .unwrap();
    let found = check(&resume_with("CAD"), &export);
    assert_eq!(c_codes(&found), ["C007"], "{found:#?}");
    assert!(found[0].3.ends_with("SolidWorks"), "{found:#?}");
}

#[test]
fn freelance_work_is_one_employment_on_both_channels() {
    let tmp = tempfile::tempdir().unwrap();
    let export = export_copy(tmp.path());
    let positions = export.join("Positions.csv");
    let original = std::fs::read_to_string(&positions).unwrap();
    let linkedin = |role: &str| {
        std::fs::write(
            &positions,
            original.replace("Fabrikam,Data Analyst,,,Jan 2016,Dec 2017", role),
        )
        .unwrap();
    };
    // "Multiple Companies" on the resume, a LinkedIn company line that is
    // "Freelance" and the title: one employment, no misspelt employer, and
    // "Contractor" adds no other job to the title.
    let freelance = resume_copy(
        tmp.path(),
        &[(
            "### Data Analyst, Fabrikam (",
            "### Contractor Data Analyst, Multiple Companies (",
        )],
    );
    linkedin("Freelance Data Analyst,Data Analyst,,,Jan 2016,Dec 2017");
    assert_eq!(check(&freelance, &export), []);
    linkedin("Self-employed,Data Analyst,,,Jan 2016,Dec 2017");
    assert_eq!(check(&freelance, &export), []);
    // Near miss: the freelance work ended earlier on LinkedIn: one C002,
    // not two C003s.
    linkedin("Freelance Data Analyst,Data Analyst,,,Jan 2016,Jun 2016");
    let found = check(&freelance, &export);
    assert_eq!(c_codes(&found), ["C002"], "{found:#?}");
}

#[test]
fn an_employer_in_other_word_forms_aligns_and_an_added_lead_is_c001() {
    let tmp = tempfile::tempdir().unwrap();
    let export = export_copy(tmp.path());
    let positions = export.join("Positions.csv");
    let original = std::fs::read_to_string(&positions).unwrap();
    let reordered = resume_copy(
        tmp.path(),
        &[(
            "Data Analyst, Fabrikam (",
            "Data Analyst, Fabrikam Books and Music (",
        )],
    );
    // The same words, one a plural and in another order: one employer.
    std::fs::write(
        &positions,
        original.replace("Fabrikam,Data Analyst", "Fabrikam Music Book,Data Analyst"),
    )
    .unwrap();
    assert_eq!(check(&reordered, &export), []);
    // Near miss: LinkedIn's title adds a lead and a language: C001.
    std::fs::write(
        &positions,
        original.replace(
            "Fabrikam,Data Analyst",
            "Fabrikam Music Book,Lead SQL Data Analyst",
        ),
    )
    .unwrap();
    let found = check(&reordered, &export);
    assert_eq!(c_codes(&found), ["C001"], "{found:#?}");
}

#[test]
fn a_role_whose_bullets_name_the_other_employer_over_the_same_months_is_one_role() {
    let tmp = tempfile::tempdir().unwrap();
    let export = export_copy(tmp.path());
    let positions = export.join("Positions.csv");
    let original = std::fs::read_to_string(&positions).unwrap();
    std::fs::write(
        &positions,
        original.replace("Fabrikam,Data Analyst", "Tailspin.io,Reporting Analyst"),
    )
    .unwrap();
    // The resume's bullet names LinkedIn's employer (its product): one
    // role, under two names and two titles.
    let named = resume_copy(
        tmp.path(),
        &[(
            "- Automated the weekly sales report",
            "- Built the Tailspin.io reporting app\n- Automated the weekly sales report",
        )],
    );
    let found = check(&named, &export);
    assert_eq!(c_codes(&found), ["C001", "C006"], "{found:#?}");
    assert!(
        found[1].3.contains("one channel names the other"),
        "{found:#?}"
    );
    // Near miss: nothing ties the two, so each is missing on the other
    // channel.
    assert_eq!(c_codes(&check(&resume(), &export)), ["C003"]);
}
