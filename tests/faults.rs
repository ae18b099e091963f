//! The fault suite: hostile and broken inputs, generated at test time from
//! the fixtures, each with its exact outcome. Every run also checks a good
//! file, which must still be linted and reported.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::Value;

/// Runs `check` on the good example plus `bad`; returns the exit code, the
/// error message for `bad` and whether the example was still linted.
fn run_with_good(bad: &Path, extra: &[&str]) -> (i32, Option<String>, bool, Duration) {
    let good = common::fixture("example/resume.md");
    let t = Instant::now();
    let out = common::check_json()
        .args(extra)
        .arg(&good)
        .arg(bad)
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    let elapsed = t.elapsed();
    let v: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    let bad_s = bad.display().to_string();
    let err = v["errors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["path"] == bad_s.as_str())
        .map(|e| e["message"].as_str().unwrap().to_string());
    let good_linted = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["path"] == good.display().to_string().as_str());
    (out.status.code().unwrap(), err, good_linted, elapsed)
}

/// Runs `check` on the good example plus all of `bad` in one process;
/// returns the exit code, each bad file's error (if any), and whether the
/// example was still linted.
fn run_batch(bad: &[PathBuf]) -> (i32, Vec<Option<String>>, bool) {
    let good = common::fixture("example/resume.md");
    let out = common::check_json()
        .arg(&good)
        .args(bad)
        .timeout(Duration::from_secs(120))
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    let errors = v["errors"].as_array().unwrap();
    let errs = bad
        .iter()
        .map(|b| {
            let s = b.display().to_string();
            errors
                .iter()
                .find(|e| e["path"] == s.as_str())
                .map(|e| e["message"].as_str().unwrap().to_string())
        })
        .collect();
    let good_linted = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["path"] == good.display().to_string().as_str());
    (out.status.code().unwrap(), errs, good_linted)
}

fn expect_error(bad: &Path, message: &str) {
    let (code, err, good, _) = run_with_good(bad, &[]);
    assert_eq!(code, 2, "{}", bad.display());
    assert_eq!(err.as_deref(), Some(message), "{}", bad.display());
    assert!(
        good,
        "the good file was not reported alongside {}",
        bad.display()
    );
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn missing_empty_directory_and_fifo() {
    let tmp = tempfile::tempdir().unwrap();
    expect_error(&tmp.path().join("nope.md"), "no such file");
    expect_error(&write(tmp.path(), "empty.md", b""), "the file is empty");
    expect_error(
        &write(tmp.path(), "blank.txt", b"  \n\n\t\n"),
        "the file is empty",
    );
    // A directory is walked like any folder; one with nothing to read is
    // an error, not a clean run. Given to `extract`, which takes one
    // document, it must be an export.
    let dir = tmp.path().join("folder.md");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("notes.html"), "<p>not a resume</p>").unwrap();
    expect_error(
        &dir,
        "a folder with nothing to check: no resume (.md, .txt, .json, .tex, .docx, .pdf) and no LinkedIn export in it",
    );
    let out = common::storyline()
        .arg("extract")
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .ends_with("folder.md: not a LinkedIn export: no Positions.csv or Profile.csv\n")
    );
    let fifo = tmp.path().join("pipe.md");
    let ok = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    if ok {
        // A FIFO would block a reader forever: it is refused, not opened.
        let (code, err, good, elapsed) = run_with_good(&fifo, &[]);
        assert_eq!(
            (code, err.as_deref(), good),
            (2, Some("not a regular file"), true)
        );
        assert!(elapsed < Duration::from_secs(10));
    }
}

#[test]
fn unreadable_file() {
    let tmp = tempfile::tempdir().unwrap();
    let p = write(tmp.path(), "locked.md", b"# A\n");
    let mut perms = std::fs::metadata(&p).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o000);
    std::fs::set_permissions(&p, perms).unwrap();
    if std::fs::read(&p).is_ok() {
        // Running as root: permissions do not stop reads, so there is no
        // fault to provoke; the file is simply linted.
        let (code, err, _, _) = run_with_good(&p, &[]);
        assert_eq!((code, err), (1, None));
        return;
    }
    expect_error(&p, "permission denied: the file cannot be read");
}

#[test]
fn encodings_utf16_and_latin1() {
    let tmp = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(common::fixture("example/resume.md")).unwrap();
    // UTF-16 with a BOM is decoded and linted like UTF-8.
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let p = write(tmp.path(), "utf16.md", &utf16);
    let (code, err, _, _) = run_with_good(&p, &[]);
    assert_eq!((code, err), (1, None));
    // Big-endian too.
    let mut utf16be = vec![0xFE, 0xFF];
    utf16be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    let p = write(tmp.path(), "utf16be.md", &utf16be);
    let (code, err, _, _) = run_with_good(&p, &[]);
    assert_eq!((code, err), (1, None));
    // Without a byte-order mark the NULs make it binary: not guessed at.
    expect_error(
        &write(tmp.path(), "nobom.md", &utf16[2..]),
        "binary data, not a text document",
    );
    // Latin-1 is not guessed at: the error says where and what to do.
    let mut latin1 = b"# Ren\xe9 M\xfcller\n\n## Experience\n".to_vec();
    latin1.extend_from_slice(b"- Led the team\n");
    expect_error(
        &write(tmp.path(), "latin1.md", &latin1),
        "not valid UTF-8 (invalid byte at offset 5); save the file as UTF-8",
    );
    // A UTF-16 file cut in the middle of a code unit.
    expect_error(
        &write(tmp.path(), "odd.txt", &utf16[..utf16.len() - 1]),
        "truncated UTF-16 text (odd number of bytes)",
    );
}

#[test]
fn huge_text_file_is_refused_without_reading_it() {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path().join("huge.txt");
    // 200 MB, sparse: refused from its size alone, in bounded memory.
    std::fs::File::create(&p)
        .unwrap()
        .set_len(200 * 1024 * 1024)
        .unwrap();
    let (code, err, good, elapsed) = run_with_good(&p, &[]);
    assert_eq!(code, 2);
    assert_eq!(
        err.as_deref(),
        Some(
            "too large: 209715200 bytes, over the limit of 10485760 bytes (raise it with `max-file-size`)"
        )
    );
    assert!(good);
    assert!(elapsed < Duration::from_secs(10));
}

#[test]
fn file_size_limit_boundary_and_flag() {
    let tmp = tempfile::tempdir().unwrap();
    let body = std::fs::read(common::fixture("example/resume.md")).unwrap();
    let p = write(tmp.path(), "resume.md", &body);
    let n = body.len().to_string();
    let m = (body.len() - 1).to_string();
    let (code, err, _, _) = run_with_good(&p, &["--max-file-size", &n]);
    assert_eq!(
        (code, err),
        (1, None),
        "a file exactly at the limit is read"
    );
    let (code, err, _, _) = run_with_good(&p, &["--max-file-size", &m]);
    assert_eq!(code, 2);
    assert!(err.unwrap().starts_with(&format!(
        "too large: {n} bytes, over the limit of {m} bytes"
    )));
}

#[test]
fn truncated_and_flipped_json_never_panic() {
    let tmp = tempfile::tempdir().unwrap();
    let json = std::fs::read(common::fixture("json/resume.json")).unwrap();
    let cuts: Vec<PathBuf> = (1..json.len())
        .step_by(7)
        .map(|cut| write(tmp.path(), &format!("cut{cut}.json"), &json[..cut]))
        .collect();
    let (code, errs, good) = run_batch(&cuts);
    assert_eq!(code, 2);
    assert!(good);
    // Every prefix is invalid JSON (the closing brace is last), and the
    // error says where.
    for (p, e) in cuts.iter().zip(&errs) {
        let e = e
            .as_deref()
            .unwrap_or_else(|| panic!("{} was accepted", p.display()));
        assert!(
            e.starts_with("invalid JSON at line "),
            "{}: {e}",
            p.display()
        );
    }
    let flips: Vec<PathBuf> = (0..json.len())
        .step_by(11)
        .map(|at| {
            let mut b = json.clone();
            b[at] ^= 0x5a;
            write(tmp.path(), &format!("flip{at}.json"), &b)
        })
        .collect();
    let (code, _, good) = run_batch(&flips);
    assert!(
        good && code == 2,
        "flips end in exit 2 (some are invalid) and never crash"
    );
}

#[test]
fn truncated_markdown_latex_and_text_are_linted_as_far_as_they_go() {
    let tmp = tempfile::tempdir().unwrap();
    for (rel, ext, step) in [
        ("example/resume.md", "md", 13),
        ("latex/moderncv.tex", "tex", 29),
        ("layouts/columns.txt", "txt", 11),
    ] {
        let src = std::fs::read(common::fixture(rel)).unwrap();
        let cuts: Vec<usize> = (1..src.len()).step_by(step).collect();
        let paths: Vec<PathBuf> = cuts
            .iter()
            .map(|cut| write(tmp.path(), &format!("cut{cut}.{ext}"), &src[..*cut]))
            .collect();
        let (_, errs, good) = run_batch(&paths);
        assert!(good);
        for (cut, e) in cuts.iter().zip(&errs) {
            let prefix = std::str::from_utf8(&src[..*cut]);
            match prefix {
                // Cutting inside a multi-byte character leaves invalid UTF-8.
                Err(_) => assert!(
                    e.as_deref().unwrap().starts_with("not valid UTF-8"),
                    "{rel} cut {cut}: {e:?}"
                ),
                Ok(_) => assert!(e.is_none(), "{rel} cut {cut}: {e:?}"),
            }
        }
    }
}

fn zip_bytes(members: &[(&str, Vec<u8>)], method: zip::CompressionMethod) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default().compression_method(method);
        for (name, data) in members {
            zip.start_file(*name, opts).unwrap();
            zip.write_all(data).unwrap();
        }
        zip.finish().unwrap();
    }
    buf.into_inner()
}

fn positions_csv() -> Vec<u8> {
    std::fs::read(common::fixture("linkedin/export/Positions.csv")).unwrap()
}

#[test]
fn zip_bombs_by_ratio_member_count_and_total_size() {
    let tmp = tempfile::tempdir().unwrap();
    let deflated = zip::CompressionMethod::Deflated;
    // Ratio: 20 MB of one byte compresses about 1000:1.
    let mut csv = positions_csv();
    csv.extend(std::iter::repeat_n(b' ', 20 * 1024 * 1024));
    let p = write(
        tmp.path(),
        "ratio.zip",
        &zip_bytes(&[("Positions.csv", csv)], deflated),
    );
    let (code, err, good, _) = run_with_good(&p, &[]);
    assert_eq!((code, good), (2, true));
    let err = err.unwrap();
    assert!(
        err.contains("compression ratio") && err.contains("Positions.csv"),
        "{err}"
    );
    // Member count.
    let many: Vec<(String, Vec<u8>)> = (0..2_100)
        .map(|i| (format!("f{i}.txt"), b"x".to_vec()))
        .collect();
    let mut members: Vec<(&str, Vec<u8>)> =
        many.iter().map(|(n, d)| (n.as_str(), d.clone())).collect();
    members.push(("Positions.csv", positions_csv()));
    let p = write(
        tmp.path(),
        "many.zip",
        &zip_bytes(&members, zip::CompressionMethod::Stored),
    );
    expect_error(
        &p,
        "too many members in the LinkedIn export archive: 2101, over the limit of 2000",
    );
    // Total inflated size across members that are each within bounds.
    let big = vec![b'a'; 20 * 1024 * 1024];
    let p = write(
        tmp.path(),
        "total.zip",
        &zip_bytes(
            &[
                ("Positions.csv", positions_csv()),
                ("Profile.csv", big.clone()),
                ("Skills.csv", big.clone()),
                ("Education.csv", big.clone()),
                ("Projects.csv", big),
            ],
            zip::CompressionMethod::Stored,
        ),
    );
    let (code, err, _, _) = run_with_good(&p, &["--max-file-size", "200000000"]);
    assert_eq!(code, 2);
    let err = err.unwrap();
    assert_eq!(
        err,
        "the LinkedIn export is too large: its members inflate to more than 67108864 bytes in total"
    );
}

#[test]
fn nested_zip_is_not_followed() {
    let tmp = tempfile::tempdir().unwrap();
    let inner = zip_bytes(
        &[("Positions.csv", positions_csv())],
        zip::CompressionMethod::Deflated,
    );
    let p = write(
        tmp.path(),
        "nested.zip",
        &zip_bytes(&[("export.zip", inner)], zip::CompressionMethod::Stored),
    );
    expect_error(
        &p,
        "not a LinkedIn export: the ZIP holds no Positions.csv or Profile.csv",
    );
}

#[test]
fn truncated_and_flipped_linkedin_zip() {
    let tmp = tempfile::tempdir().unwrap();
    let zip = zip_bytes(
        &[
            ("Positions.csv", positions_csv()),
            ("Profile.csv", b"First Name,Headline\nA,B\n".to_vec()),
        ],
        zip::CompressionMethod::Deflated,
    );
    let cuts: Vec<PathBuf> = (1..zip.len())
        .step_by(17)
        .map(|cut| write(tmp.path(), &format!("cut{cut}.zip"), &zip[..cut]))
        .collect();
    let (code, errs, good) = run_batch(&cuts);
    assert!(good);
    assert_eq!(code, 2);
    for (p, e) in cuts.iter().zip(&errs) {
        let e = e
            .as_deref()
            .unwrap_or_else(|| panic!("{} was accepted", p.display()));
        assert!(
            e.starts_with("corrupt or truncated ZIP") || e.starts_with("not a ZIP archive"),
            "{}: {e}",
            p.display()
        );
    }
    let flips: Vec<PathBuf> = (0..zip.len())
        .step_by(13)
        .map(|at| {
            let mut b = zip.clone();
            b[at] ^= 0xff;
            write(tmp.path(), &format!("flip{at}.zip"), &b)
        })
        .collect();
    let (_, _, good) = run_batch(&flips);
    assert!(good);
}

#[test]
fn csv_with_ragged_rows_and_wrong_headers() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("export");
    std::fs::create_dir(&dir).unwrap();
    // Ragged rows are read as far as they go; missing columns are empty.
    std::fs::write(dir.join("Positions.csv"), "Company Name,Title,Description,Location,Started On,Finished On\nAcme,Engineer\nGlobex,Analyst,Did things,,Jan 2020,Feb 2021,extra,fields\n").unwrap();
    let (code, err, _, _) = run_with_good(&dir, &[]);
    assert_eq!((code, err), (1, None));
    let out = common::storyline()
        .arg("extract")
        .arg(&dir)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["roles"][0]["company"], "Acme");
    assert_eq!(v["roles"][0]["start"], Value::Null);
    assert_eq!(v["roles"][1]["end"], "2021-02");
    // Wrong headers: nothing is taken by position.
    std::fs::write(dir.join("Positions.csv"), "Foo,Bar\nAcme,Engineer\n").unwrap();
    let out = common::storyline()
        .arg("extract")
        .arg(&dir)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["roles"][0]["company"], Value::Null);
    assert_eq!(v["roles"][0]["title"], Value::Null);
}

#[test]
fn docx_missing_document_part() {
    let tmp = tempfile::tempdir().unwrap();
    let p = write(
        tmp.path(),
        "resume.docx",
        &zip_bytes(
            &[("[Content_Types].xml", b"<Types/>".to_vec())],
            zip::CompressionMethod::Deflated,
        ),
    );
    expect_error(&p, "not a DOCX: word/document.xml is missing");
}

#[test]
fn output_to_a_closed_pipe_ends_quietly() {
    // `storyline ... | head`: the reader is gone before anything is
    // written. Every command that prints ends with its usual status and
    // says nothing about the pipe.
    let example = common::fixture("example/resume.md");
    let example = example.to_str().unwrap();
    let rules = common::fixture("rules");
    let rules = rules.to_str().unwrap();
    let cases: [(&[&str], i32); 9] = [
        (&["check", "--no-config", example, rules], 1),
        (&["check", "--no-config", "--format", "json", example], 1),
        (&["check", "--no-config", "--format", "sarif", example], 1),
        (&["check", "--no-config", "--format", "html", example], 1),
        (&["report", "--no-config", "-o", "-", example], 1),
        (&["extract", example], 0),
        (&["rules"], 0),
        (&["explain", "M001"], 0),
        (&["rubric", "show", "ml-engineer"], 0),
    ];
    for (args, code) in cases {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_storyline"))
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(code), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(
            !stderr.to_lowercase().contains("broken pipe"),
            "{args:?}: {stderr}"
        );
        assert!(!stderr.contains("failed printing"), "{args:?}: {stderr}");
    }
}

/// A streamed batch (more files than one chunk) whose reader leaves stops
/// quietly too, with the status of what it had checked.
#[test]
fn streamed_batch_to_a_closed_pipe_ends_quietly() {
    let tmp = tempfile::tempdir().unwrap();
    let resume = std::fs::read(common::fixture("example/resume.md")).unwrap();
    for i in 0..300 {
        write(tmp.path(), &format!("r{i:03}.md"), &resume);
    }
    for format in ["human", "json", "github"] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_storyline"))
            .args(["check", "--no-config", "--format", format])
            .arg(tmp.path())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{format}: {stderr}");
        assert!(!stderr.contains("panicked"), "{format}: {stderr}");
        assert!(
            !stderr.to_lowercase().contains("broken pipe"),
            "{format}: {stderr}"
        );
    }
}

#[test]
fn inputs_are_never_written() {
    let tmp = tempfile::tempdir().unwrap();
    let inputs = tmp.path().join("inputs");
    std::fs::create_dir(&inputs).unwrap();
    write(
        &inputs,
        "resume.md",
        &std::fs::read(common::fixture("example/resume.md")).unwrap(),
    );
    let page = [common::pdf::run(72.0, 72.0, "Jordan Example")];
    write(
        &inputs,
        "resume.pdf",
        &common::pdf::Pdf::default().page(&page).bytes(),
    );
    write(
        &inputs,
        "export.zip",
        &zip_bytes(
            &[("Positions.csv", positions_csv())],
            zip::CompressionMethod::Deflated,
        ),
    );
    // Names, bytes and modification times of everything in the folder.
    let snapshot = || {
        let mut v: Vec<_> = std::fs::read_dir(&inputs)
            .unwrap()
            .map(|e| {
                let p = e.unwrap().path();
                let modified = std::fs::metadata(&p).unwrap().modified().unwrap();
                (p.clone(), std::fs::read(&p).unwrap(), modified)
            })
            .collect();
        v.sort();
        v
    };
    let before = snapshot();
    let report = tmp.path().join("report.html");
    let report = report.to_str().unwrap();
    let runs: [&[&str]; 5] = [
        &["check", "--no-config", "inputs"],
        &["report", "--no-config", "inputs", "-o", report],
        &["extract", "inputs/resume.md"],
        &["extract", "inputs/resume.pdf"],
        &["extract", "inputs/export.zip"],
    ];
    for args in runs {
        let out = common::storyline()
            .current_dir(tmp.path())
            .args(args)
            .output()
            .unwrap();
        assert_ne!(out.status.code(), Some(2), "{args:?}: {out:?}");
    }
    assert_eq!(before, snapshot());
}

#[test]
fn zip_limits_at_their_boundaries_from_flags_and_config() {
    let tmp = tempfile::tempdir().unwrap();
    let profile = b"First Name,Headline\nA,B\n".to_vec();
    let two = write(
        tmp.path(),
        "two.zip",
        &zip_bytes(
            &[
                ("Positions.csv", positions_csv()),
                ("Profile.csv", profile.clone()),
            ],
            zip::CompressionMethod::Stored,
        ),
    );
    let (code, err, _, _) = run_with_good(&two, &["--max-zip-members", "2"]);
    assert_eq!((code, err), (1, None), "exactly at the member limit");
    let (_, err, _, _) = run_with_good(&two, &["--max-zip-members", "1"]);
    assert_eq!(
        err.as_deref(),
        Some("too many members in the LinkedIn export archive: 2, over the limit of 1")
    );
    // The same limit from storyline.toml.
    std::fs::write(tmp.path().join("storyline.toml"), "max-zip-members = 1\n").unwrap();
    let out = common::storyline()
        .current_dir(tmp.path())
        .args(["check", "--format", "json", "two.zip"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v["errors"][0]["message"],
        "too many members in the LinkedIn export archive: 2, over the limit of 1"
    );
    // Per-member size: the Positions member is read only within the limit.
    let size = positions_csv().len();
    let (_, err, _, _) = run_with_good(&two, &["--max-member-size", &size.to_string()]);
    assert_eq!(err, None, "a member exactly at the size limit is read");
    let (_, err, _, _) = run_with_good(&two, &["--max-member-size", &(size - 1).to_string()]);
    assert!(err.unwrap().contains("Positions.csv"));
}

/// A role whose end precedes its start (as the fuzz invariant demands):
/// the dates stay as written and the role is flagged, in the model and in
/// the extract JSON; a year alone never counts as reversed against a
/// month of the same year.
#[test]
fn reversed_role_dates_are_flagged() {
    use storyline::extract::{Limits, extract_bytes};
    let lex = storyline::lexicon::Lexicon::embedded();
    let md = "# Ada\n\nEngineer\n\n## Experience\n\n### Engineer, Acme (Mar 2022 – Jan 2020)\n\n- Cut costs by 40%\n\n### Engineer, Initech (2020 – Mar 2020)\n\n- Cut costs by 40%\n";
    let doc = extract_bytes(
        "r.md",
        "md",
        md.as_bytes().to_vec(),
        &lex,
        &Limits::default(),
    )
    .unwrap();
    assert_eq!(doc.roles.len(), 2, "{:?}", doc.to_json());
    assert!(doc.roles[0].dates_reversed);
    assert_eq!(doc.roles[0].start.unwrap().to_string(), "2022-03");
    assert!(!doc.roles[1].dates_reversed);
    let v = doc.to_json();
    assert_eq!(v["roles"][0]["dates_reversed"], Value::Bool(true));
    assert!(v["roles"][1].get("dates_reversed").is_none());
}

#[test]
fn finding_spans_stay_inside_the_source_and_on_char_boundaries() {
    // Shapes fuzzing found: a typeset "--" at the end of a LaTeX item, a
    // zero-width character inside a date range, a last line with a tab and
    // no newline.
    use storyline::extract::{Limits, extract_bytes};
    use storyline::lexicon::Lexicon;
    let cases: [(&str, &str); 3] = [
        (
            "tex",
            "\\section{Experience}\n\\begin{itemize}\n\\item Helped the team ship it --",
        ),
        (
            "txt",
            "Sam\n\nEXPERIENCE\n\nEngineer, Acme   April 2013 \u{200c}– July 2015\n- Helped the team with various things\n",
        ),
        (
            "md",
            "# Sam\n\n## Experience\n\n### Engineer, Acme (2019 – 2021)\n\n- Helped ship various tools\t",
        ),
    ];
    let lex = Lexicon::embedded();
    let rubric = storyline::rubric::Rubric::bundled("ml-engineer").unwrap();
    let selection = storyline::rules::Selection::default();
    let cx = storyline::rules::Context {
        lexicon: &lex,
        rubric: &rubric,
        today: storyline::date::YearMonth::new(2026, Some(11)),
        selection: &selection,
        target: None,
    };
    for (ext, text) in cases {
        let doc = extract_bytes(
            &format!("case.{ext}"),
            ext,
            text.as_bytes().to_vec(),
            &lex,
            &Limits::default(),
        )
        .unwrap();
        let diags = storyline::rules::check_document(&cx, &doc);
        assert!(!diags.is_empty(), "{ext}: the case has findings");
        for d in diags {
            assert!(
                d.span.start <= d.span.end && d.span.end <= doc.source.len(),
                "{ext}: {:?}",
                d.span
            );
            assert!(
                doc.source.is_char_boundary(d.span.start)
                    && doc.source.is_char_boundary(d.span.end),
                "{ext}: {:?}",
                d.span
            );
        }
    }
}

/// Every text of a document the rules see.
fn all_texts(doc: &storyline::model::Document) -> Vec<&storyline::source::Text> {
    let mut out: Vec<&storyline::source::Text> = [&doc.name, &doc.headline, &doc.summary]
        .into_iter()
        .flatten()
        .collect();
    for r in doc.roles.iter().chain(&doc.projects) {
        out.extend([&r.company, &r.title, &r.location].into_iter().flatten());
        out.push(&r.header);
        out.extend(&r.bullets);
    }
    for list in [
        &doc.skills,
        &doc.education,
        &doc.loose_bullets,
        &doc.target_titles,
    ] {
        out.extend(list);
    }
    out
}

/// Every char of every text maps onto char boundaries inside the source,
/// and a letter or digit onto itself (or an escape that spells it).
fn assert_char_spans(doc: &storyline::model::Document) {
    let src = &doc.source;
    for t in all_texts(doc) {
        for (i, c) in t.text.char_indices() {
            let s = t.source_span(i, i + c.len_utf8());
            assert!(
                s.start <= s.end && s.end <= src.len(),
                "{:?}: {c:?} at {i} → {s:?}, past the source ({} bytes)",
                t.text,
                src.len()
            );
            assert!(
                src.is_char_boundary(s.start) && src.is_char_boundary(s.end),
                "{:?}: {c:?} at {i} → {s:?}, inside a source char",
                t.text
            );
            let under = &src[s.start..s.end];
            if c.is_alphanumeric() {
                assert!(
                    under == c.to_string() || under.starts_with('\\'),
                    "{:?}: {c:?} at {i} → {s:?} = {under:?}",
                    t.text
                );
            }
        }
    }
}

/// The source under the first text that contains `needle`, at the needle.
fn source_under<'a>(doc: &'a storyline::model::Document, needle: &str) -> &'a str {
    let (t, at) = all_texts(doc)
        .into_iter()
        .find_map(|t| t.text.find(needle).map(|at| (t, at)))
        .unwrap_or_else(|| panic!("no text holds {needle:?}: {}", doc.to_json()));
    let s = t.source_span(at, at + needle.len());
    &doc.source[s.start..s.end]
}

fn extract_str(ext: &str, text: &str) -> storyline::model::Document {
    storyline::extract::extract_bytes(
        &format!("case.{ext}"),
        ext,
        text.as_bytes().to_vec(),
        &storyline::lexicon::Lexicon::embedded(),
        &storyline::extract::Limits::default(),
    )
    .unwrap()
}

/// LaTeX typesets `--`, `---`, ``` `` ```/`''`, `~` and symbol commands as
/// text of another length: each maps onto the source it replaces.
#[test]
fn latex_replacements_map_onto_the_source_they_replace() {
    let doc = extract_str(
        "tex",
        "\\name{Sam}{Lee}\n\\section{Experience}\n\\cventry{2019 -- 2021}{Senior Engineer}{Acme}{Paris}{}{\n\\begin{itemize}\n\\item Led the ``Atlas'' migration --- cut costs by 40\\%~overall with \\LaTeX{} tools\n\\end{itemize}}\n\\begin{itemize}\n\\item Helped the team ship it --",
    );
    assert_char_spans(&doc);
    assert_eq!(source_under(&doc, "2019 – 2021"), "2019 -- 2021");
    assert_eq!(source_under(&doc, "–"), "--");
    assert_eq!(source_under(&doc, "“Atlas”"), "``Atlas''");
    assert_eq!(source_under(&doc, "—"), "---");
    assert_eq!(source_under(&doc, "40% overall"), "40\\%~overall");
    assert_eq!(source_under(&doc, "LaTeX"), "\\LaTeX");
    assert_eq!(source_under(&doc, "ship it –"), "ship it --");
    assert_eq!(source_under(&doc, "Sam Lee"), "Sam}{Lee");
}

/// Zero-width characters are dropped from the text; what follows them
/// keeps its own offset, also once lines are joined and a date range is
/// cut out of a header.
#[test]
fn dropped_zero_width_chars_keep_later_text_in_place() {
    let doc = extract_str(
        "txt",
        "Sam Lee\n\nEXPERIENCE\n\nEngineer, Acme\u{200b}Corp   April 2013 \u{200c} July 2015 (contract)\n- Helped the team with\u{200b} various\n  things for the search\u{200d} group\n",
    );
    assert_char_spans(&doc);
    let role = &doc.roles[0];
    assert_eq!(role.start.unwrap().to_string(), "2013-04");
    assert_eq!(source_under(&doc, "(contract)"), "(contract)");
    assert_eq!(source_under(&doc, "AcmeCorp"), "Acme\u{200b}Corp");
    assert_eq!(source_under(&doc, "search group"), "search\u{200d} group");
}

/// A tab reads as a two-space gap that stands for the tab, also on a last
/// line without a newline.
#[test]
fn tab_gaps_map_onto_the_tab() {
    let doc = extract_str(
        "md",
        "# Sam\n\n## Experience\n\n### Engineer, Acme (2019 – 2021)\tLos Angeles, CA 90095 \t    [\n\n- Helped ship various\ttools\t",
    );
    assert_char_spans(&doc);
    assert_eq!(source_under(&doc, "various  tools"), "various\ttools");
    let header = &doc.roles[0].header;
    let span = header.span();
    assert!(span.end <= doc.source.len());
    assert_eq!(
        &doc.source[span.start..span.end],
        "Engineer, Acme (2019 – 2021)\tLos Angeles, CA 90095 \t    ["
    );
}

/// JSON escapes decode to text of another length: each maps onto its
/// escape, the rest of the string onto itself.
#[test]
fn json_escapes_map_onto_their_escape_sequences() {
    let doc = extract_str(
        "json",
        r#"{"basics": {"name": "Ren\u00e9e Durand", "label": "Staff \"ML\" Engineer"},
 "work": [{"name": "Acme", "position": "Engineer", "startDate": "2019-01",
   "highlights": ["Led the \"Atlas\" migration for Ren\u00e9e's team\nCut costs by 40% across \ud83d\ude80 launches",
                  "Shipped the caf\u00e9 ranking model to 2M users"]}]}"#,
    );
    assert_char_spans(&doc);
    assert_eq!(source_under(&doc, "Renée D"), "Ren\\u00e9e D");
    assert_eq!(source_under(&doc, "é"), "\\u00e9");
    assert_eq!(source_under(&doc, "\"ML\""), "\\\"ML\\\"");
    assert_eq!(source_under(&doc, "\"Atlas\""), "\\\"Atlas\\\"");
    assert_eq!(source_under(&doc, "Cut costs"), "Cut costs");
    assert_eq!(source_under(&doc, "🚀"), "\\ud83d\\ude80");
    assert_eq!(source_under(&doc, "café ranking"), "caf\\u00e9 ranking");
}

/// A document title with a dash before the name ("Résumé — 李明"): the
/// name is cut after the separator, a multi-byte dash or colon, never
/// inside it (fuzzing found the cut at the dash's second byte).
#[test]
fn title_lines_cut_after_multibyte_separators() {
    for (ext, src) in [
        (
            "txt",
            "Résumé — 李明 Ming Li, PhD\n\nEXPERIENCE\n\nEngineer, 星辰 Tech   2019 – 2021\n- Led the 数据 pipeline migration\n",
        ),
        (
            "txt",
            "CV – Ana Souza\n\nEXPERIENCE\n\nEngineer, Acme   2019 – 2021\n- Led the migration\n",
        ),
        (
            "tex",
            "\\documentclass{article}\n\\begin{document}\n\\title{R\\'esum\\'e}\n\\author{Du---------------}\nResume Du---------\n\\section{Experience}\n\\textbf{Engineer}, 星辰 Tech \\hfill 2019 -- 2021\n\\begin{itemize}\n\\item Led the 数据 migration\n\\end{itemize}\n\\end{document}\n",
        ),
    ] {
        let doc = extract_str(ext, src);
        assert_char_spans(&doc);
    }
    let doc = extract_str(
        "txt",
        "Résumé — 李明 Ming Li, PhD\n\nEXPERIENCE\n\nEngineer, Acme   2019 – 2021\n- Led the migration\n",
    );
    assert_eq!(
        doc.name.as_ref().map(|n| n.text.as_str()),
        Some("李明 Ming Li")
    );
    assert_eq!(source_under(&doc, "李明 Ming"), "李明 Ming");
}

/// A dateless role's wrapped item keeps each line's own mapping when the
/// lines are joined: what follows a dropped zero-width char or a CJK
/// word stays on its own source bytes.
#[test]
fn joined_dateless_items_keep_their_mapping() {
    let doc = extract_str(
        "txt",
        "Sam Lee\n\nEXPERIENCE\n\nRackspace Hosting\n- Helped the 数据 team with various\nthings\u{200b} for the 搜索 group\n- Ran the on-call rota\n",
    );
    assert_char_spans(&doc);
    assert_eq!(
        source_under(&doc, "for the 搜索 group"),
        "for the 搜索 group"
    );
}

/// Each input limit: its default, its storyline.toml key, and the flag
/// over the key, as the resolved settings show them.
#[test]
fn limit_defaults_config_keys_and_flags() {
    let keys: [(&str, u64, u64); 8] = [
        ("max-file-size", 10_485_760, 1111),
        ("max-zip-members", 2000, 22),
        ("max-member-size", 33_554_432, 3333),
        ("max-total-inflated", 67_108_864, 4444),
        ("max-compression-ratio", 200, 55),
        ("pdf-timeout", 10, 6),
        ("max-pdf-pages", 50, 7),
        ("max-pdf-memory", 1_073_741_824, 8888),
    ];
    let tmp = tempfile::tempdir().unwrap();
    let show = |args: &[&str]| -> String {
        let out = common::storyline()
            .current_dir(tmp.path())
            .arg("check")
            .args(args)
            .arg("--show-config")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        String::from_utf8(out.stdout).unwrap()
    };
    let shown = show(&["--no-config"]);
    for (key, default, _) in keys {
        assert!(
            shown.contains(&format!("\n{key} = {default}\n")),
            "{key}: {shown}"
        );
    }
    let config: String = keys
        .iter()
        .map(|(key, _, set)| format!("{key} = {set}\n"))
        .collect();
    std::fs::write(tmp.path().join("storyline.toml"), config).unwrap();
    let shown = show(&[]);
    for (key, _, set) in keys {
        assert!(
            shown.contains(&format!("\n{key} = {set}\n")),
            "{key}: {shown}"
        );
    }
    for (key, _, set) in keys {
        let flag = format!("--{key}");
        let over = (set + 1).to_string();
        let shown = show(&[&flag, &over]);
        assert!(
            shown.contains(&format!("\n{key} = {over}\n")),
            "{key}: {shown}"
        );
    }
}

/// Each limit set in storyline.toml, at its boundary: an input exactly at
/// the limit is read, the same input with the limit one lower is refused
/// with its message. (The PDF timeout, a duration, is tested around its
/// limit in tests/pdf.rs.)
#[test]
fn every_limit_at_its_boundary_from_storyline_toml() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let check = |config: String, file: &str| -> (i32, Option<String>) {
        std::fs::write(dir.join("storyline.toml"), config).unwrap();
        let out = common::storyline()
            .current_dir(dir)
            .args(["check", "--format", "json", "--today", "2026-11", file])
            .timeout(Duration::from_secs(60))
            .output()
            .unwrap();
        let v: Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
        let err = v["errors"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["path"] == file)
            .map(|e| e["message"].as_str().unwrap().to_string());
        (out.status.code().unwrap(), err)
    };
    let boundary = |key: &str, at: u64, file: &str| -> String {
        let (code, err) = check(format!("{key} = {at}\n"), file);
        assert_eq!(err, None, "{key} = {at}: {file} is at the limit");
        assert_ne!(code, 2, "{key} = {at}");
        let (code, err) = check(format!("{key} = {}\n", at - 1), file);
        assert_eq!(code, 2, "{key} = {}", at - 1);
        err.unwrap_or_else(|| panic!("{key} = {}: {file} was read", at - 1))
    };

    // File size.
    let md = std::fs::read(common::fixture("example/resume.md")).unwrap();
    write(dir, "resume.md", &md);
    let n = md.len() as u64;
    assert_eq!(
        boundary("max-file-size", n, "resume.md"),
        format!(
            "too large: {n} bytes, over the limit of {} bytes (raise it with `max-file-size`)",
            n - 1
        )
    );

    // ZIP members, one member's size, the total inflated.
    let positions = positions_csv();
    let profile = b"First Name,Headline\nA,B\n".to_vec();
    write(
        dir,
        "two.zip",
        &zip_bytes(
            &[
                ("Positions.csv", positions.clone()),
                ("Profile.csv", profile.clone()),
            ],
            zip::CompressionMethod::Stored,
        ),
    );
    assert_eq!(
        boundary("max-zip-members", 2, "two.zip"),
        "too many members in the LinkedIn export archive: 2, over the limit of 1"
    );
    let size = positions.len() as u64;
    assert_eq!(
        boundary("max-member-size", size, "two.zip"),
        format!(
            "Positions.csv is too large: it declares {size} bytes uncompressed, over the limit of {} bytes",
            size - 1
        )
    );
    let total = size + profile.len() as u64;
    assert_eq!(
        boundary("max-total-inflated", total, "two.zip"),
        format!(
            "the LinkedIn export is too large: its members inflate to more than {} bytes in total",
            total - 1
        )
    );

    // Compression ratio: a member well above the 64 KiB below which no
    // ratio is judged, at exactly the lowest ratio limit that admits it.
    let mut padded = positions.clone();
    padded.extend(std::iter::repeat_n(b' ', 1024 * 1024));
    let zip = zip_bytes(
        &[("Positions.csv", padded.clone())],
        zip::CompressionMethod::Deflated,
    );
    let compressed = zip::ZipArchive::new(std::io::Cursor::new(&zip))
        .unwrap()
        .by_name("Positions.csv")
        .unwrap()
        .compressed_size();
    let inflated = padded.len() as u64;
    let ratio = inflated.div_ceil(compressed);
    write(dir, "ratio.zip", &zip);
    assert_eq!(
        boundary("max-compression-ratio", ratio, "ratio.zip"),
        format!(
            "suspicious LinkedIn export: Positions.csv inflates {}:1 ({inflated} bytes from {compressed}), over the compression ratio limit of {}:1 (a ZIP bomb?)",
            inflated / compressed,
            ratio - 1
        )
    );

    // The same size limits on an unpacked export folder.
    let export = dir.join("export");
    std::fs::create_dir(&export).unwrap();
    write(&export, "Positions.csv", &positions);
    write(&export, "Profile.csv", &profile);
    assert_eq!(
        boundary("max-member-size", size, "export"),
        format!(
            "Positions.csv is too large: {size} bytes, over the limit of {} bytes (raise it with `max-member-size`)",
            size - 1
        )
    );
    assert_eq!(
        boundary("max-total-inflated", total, "export"),
        format!(
            "the LinkedIn export is too large: its files add up to more than {} bytes (raise it with `max-total-inflated`)",
            total - 1
        )
    );

    // PDF pages.
    let page = [common::pdf::run(72.0, 72.0, "Jordan Example")];
    let pdf = common::pdf::Pdf::default()
        .page(&page)
        .page(&page)
        .page(&page);
    write(dir, "three.pdf", &pdf.bytes());
    assert_eq!(
        boundary("max-pdf-pages", 3, "three.pdf"),
        "too many pages: 3, over the limit of 2"
    );
}

/// All the file-system faults in one run, as a person reads them: one
/// `error: PATH: cause` line each, exit 2, and the good file still linted.
#[test]
fn every_file_fault_in_one_run_is_named_in_the_human_report() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let mut faults: Vec<(PathBuf, &str)> = vec![
        (d.join("nope.md"), "no such file"),
        (write(d, "empty.md", b""), "the file is empty"),
        (
            write(d, "latin1.txt", b"Ren\xe9\n"),
            "not valid UTF-8 (invalid byte at offset 3); save the file as UTF-8",
        ),
    ];
    let folder = d.join("folder");
    std::fs::create_dir(&folder).unwrap();
    faults.push((
        folder,
        "a folder with nothing to check: no resume (.md, .txt, .json, .tex, .docx, .pdf) and no LinkedIn export in it",
    ));
    let huge = d.join("huge.md");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(200 * 1024 * 1024)
        .unwrap();
    faults.push((
        huge,
        "too large: 209715200 bytes, over the limit of 10485760 bytes (raise it with `max-file-size`)",
    ));
    let fifo = d.join("pipe.md");
    if std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success())
    {
        faults.push((fifo, "not a regular file"));
    }
    let locked = write(d, "locked.md", b"# A\n");
    std::fs::set_permissions(&locked, std::os::unix::fs::PermissionsExt::from_mode(0o000)).unwrap();
    // Root reads it anyway: then there is no fault to report.
    if std::fs::read(&locked).is_err() {
        faults.push((locked, "permission denied: the file cannot be read"));
    }
    let good = common::fixture("example/resume.md");
    let out = common::storyline()
        .args(["check", "--no-config", "--today", "2026-11"])
        .arg(&good)
        .args(faults.iter().map(|(p, _)| p))
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8_lossy(&out.stdout);
    // Each unreadable file is named on standard error, with its cause.
    let stderr = String::from_utf8_lossy(&out.stderr);
    for (p, cause) in &faults {
        let line = format!("error: {}: {cause}\n", p.display());
        assert!(stderr.contains(&line), "{line}in\n{stderr}");
    }
    assert!(
        stdout.contains(&format!("--> {}:", good.display())),
        "the good file is linted: {stdout}"
    );
    assert!(
        stdout.contains(&format!("{} files could not be read", faults.len())),
        "{stdout}"
    );
}
