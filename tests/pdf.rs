//! PDF reading: text, reading order of column layouts, page numbers on
//! diagnostics, and every way a PDF can fail, each with its message.
//!
//! Every PDF here is written by the test itself ([`Pdf`]): Helvetica text
//! at given positions, drawn in the order given, so a layout can be drawn
//! row by row across its columns as real generators do.

mod common;

use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;

use storyline::extract::{Limits, extract_bytes, extract_path};
use storyline::lexicon::Lexicon;
use storyline::model::Document;

use common::pdf::{Pdf, Run, assemble, run};

/// The storyline binary as the PDF helper: an integration test's own
/// executable is the test harness, not storyline.
fn limits() -> Limits {
    Limits {
        pdf_helper: Some(PathBuf::from(env!("CARGO_BIN_EXE_storyline"))),
        ..Limits::default()
    }
}

fn read_with(bytes: Vec<u8>, limits: &Limits) -> Result<Document, String> {
    extract_bytes("t.pdf", "pdf", bytes, &Lexicon::embedded(), limits).map_err(|e| e.to_string())
}

fn read(bytes: Vec<u8>) -> Document {
    read_with(bytes, &limits()).unwrap_or_else(|e| panic!("{e}"))
}

fn err(bytes: Vec<u8>) -> String {
    read_with(bytes, &limits()).expect_err("an error")
}

/// The text's non-blank lines, trimmed.
fn lines(doc: &Document) -> Vec<&str> {
    doc.source
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect()
}

fn resume() -> Pdf {
    Pdf::default().page(&[
        Run {
            size: 20.0,
            ..run(72.0, 72.0, "Jordan Example")
        },
        run(72.0, 96.0, "Staff Machine Learning Engineer"),
        Run {
            size: 12.0,
            ..run(72.0, 130.0, "EXPERIENCE")
        },
        run(72.0, 150.0, "Senior ML Engineer, Northwind"),
        run(450.0, 150.0, "Mar 2021 - Present"),
        run(
            72.0,
            164.0,
            "\u{95} Helped the team with various improvements to the ranking",
        ),
        run(82.0, 176.0, "service and its data pipeline"),
        run(
            72.0,
            190.0,
            "\u{95} Cut p99 latency of the ranking service by 40%",
        ),
    ])
}

#[test]
fn a_one_page_resume_reads_like_text() {
    let doc = read(resume().bytes());
    assert_eq!(doc.format.as_str(), "pdf");
    assert_eq!(
        lines(&doc),
        [
            "Jordan Example",
            "Staff Machine Learning Engineer",
            "EXPERIENCE",
            "Senior ML Engineer, Northwind  Mar 2021 - Present",
            "• Helped the team with various improvements to the ranking",
            "service and its data pipeline",
            "• Cut p99 latency of the ranking service by 40%",
        ]
    );
    assert_eq!(doc.roles.len(), 1);
    let role = &doc.roles[0];
    assert_eq!(
        role.start.map(|d| d.to_string()).as_deref(),
        Some("2021-03")
    );
    assert_eq!(role.bullets.len(), 2);
    assert!(
        role.bullets[0]
            .text
            .ends_with("ranking service and its data pipeline")
    );
    assert!(doc.pages.iter().all(|&p| p == 1));
    assert_eq!(doc.pages.len(), doc.source.lines().count());
}

#[test]
fn diagnostics_name_the_page() {
    // Page 2 holds the role; its findings say so.
    let pdf = Pdf::default()
        .page(&[
            Run {
                size: 20.0,
                ..run(72.0, 72.0, "Jordan Example")
            },
            run(72.0, 96.0, "Staff Machine Learning Engineer"),
        ])
        .page(&[
            Run {
                size: 12.0,
                ..run(72.0, 72.0, "EXPERIENCE")
            },
            run(72.0, 92.0, "Senior ML Engineer, Northwind"),
            run(450.0, 92.0, "Mar 2021 - Present"),
            run(
                72.0,
                106.0,
                "\u{95} Helped the team with various improvements",
            ),
        ]);
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("resume.pdf");
    std::fs::write(&path, pdf.bytes()).expect("write");
    let out = common::storyline()
        .args([
            "check",
            "--no-config",
            "--format",
            "json",
            "--select",
            "O001",
        ])
        .arg(&path)
        .output()
        .expect("run");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let d = &json["diagnostics"][0];
    assert_eq!(d["code"], "O001", "{json}");
    assert_eq!(d["page"], 2);
    let line = d["line"].as_u64().expect("line") as usize;
    let doc = read(std::fs::read(&path).expect("read"));
    assert!(
        doc.source
            .lines()
            .nth(line - 1)
            .expect("line")
            .contains("Helped")
    );

    let human = common::storyline()
        .args(["check", "--no-config", "--select", "O001"])
        .arg(&path)
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&human.stdout);
    assert!(
        text.contains(&format!("resume.pdf:{line}:3 (page 2)")),
        "{text}"
    );
    // Text formats carry no page.
    assert!(!json.to_string().contains("\"page\":null"));
}

/// Rows drawn across both columns, as LinkedIn and Google Docs do.
fn two_columns(left_x: f32, left: &[&str], right_x: f32, right: &[&str]) -> Vec<Run> {
    let mut runs = Vec::new();
    for i in 0..left.len().max(right.len()) {
        let y = 120.0 + i as f32 * 14.0;
        if let Some(l) = left.get(i) {
            runs.push(run(left_x, y, l));
        }
        if let Some(r) = right.get(i) {
            // A baseline of its own: columns rarely share them.
            runs.push(run(right_x, y + 6.0, r));
        }
    }
    runs
}

const SIDEBAR: [&str; 6] = [
    "Contact",
    "jordan@example.com",
    "Top Skills",
    "PyTorch",
    "Spark",
    "Kubernetes",
];
const MAIN: [&str; 7] = [
    "Experience",
    "Northwind",
    "Staff ML Engineer",
    "March 2021 - Present (3 years)",
    "Led the ranking team of six engineers across two offices.",
    "Globex",
    "ML Engineer",
];

fn assert_blocks(doc: &Document, first: &[&str], second: &[&str]) {
    let all = lines(doc);
    let pos = |s: &str| {
        all.iter()
            .position(|l| *l == s)
            .unwrap_or_else(|| panic!("{s:?} missing in {all:#?}"))
    };
    let first_end = first.iter().map(|s| pos(s)).max().expect("lines");
    let second_start = second.iter().map(|s| pos(s)).min().expect("lines");
    assert!(first_end < second_start, "{all:#?}");
    // Each block keeps its own order.
    for block in [first, second] {
        let at: Vec<usize> = block.iter().map(|s| pos(s)).collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{all:#?}");
    }
}

#[test]
fn linkedin_layout_reads_the_left_sidebar_first() {
    let mut runs = vec![Run {
        size: 20.0,
        ..run(220.0, 60.0, "Jordan Example")
    }];
    runs.extend(two_columns(36.0, &SIDEBAR, 220.0, &MAIN));
    runs.push(run(280.0, 770.0, "Page 1 of 1"));
    let doc = read(Pdf::default().page(&runs).bytes());
    assert_blocks(&doc, &SIDEBAR, &MAIN);
    assert!(!doc.source.contains("Page 1 of 1"));
}

#[test]
fn right_sidebar_layout_reads_the_main_column_first() {
    // Google Docs' sidebar template: the main column left, contact right.
    let mut runs = vec![Run {
        size: 20.0,
        ..run(36.0, 60.0, "Jordan Example")
    }];
    runs.extend(two_columns(36.0, &MAIN, 420.0, &SIDEBAR));
    let doc = read(Pdf::default().page(&runs).bytes());
    assert_blocks(&doc, &MAIN, &SIDEBAR);
    assert_eq!(lines(&doc)[0], "Jordan Example");
}

#[test]
fn deedy_layout_reads_the_header_then_each_column() {
    // A full-width centred header over a narrow left and a wide right
    // column, both starting on the same row.
    let mut runs = vec![
        Run {
            size: 24.0,
            ..run(230.0, 50.0, "Jordan Example")
        },
        run(
            150.0,
            80.0,
            "jordan@example.com | 555-0100 | example.com/jordan",
        ),
    ];
    let edu = [
        "EDUCATION",
        "CORNELL UNIVERSITY",
        "MEng in Computer Science",
        "Dec 2014",
    ];
    let exp = [
        "EXPERIENCE",
        "FACEBOOK | SOFTWARE ENGINEER",
        "Jan 2015 - Present | New York, NY",
        "Built the ranking service for the news feed.",
        "GOOGLE | INTERN",
    ];
    runs.extend(two_columns(36.0, &edu, 220.0, &exp));
    let doc = read(Pdf::default().page(&runs).bytes());
    let all = lines(&doc);
    assert_eq!(
        all[..2],
        [
            "Jordan Example",
            "jordan@example.com | 555-0100 | example.com/jordan"
        ]
    );
    assert_blocks(&doc, &edu, &exp);
}

/// Each role as "company | title | start – end | bullets".
fn role_summary(doc: &Document) -> Vec<String> {
    let text =
        |t: &Option<storyline::source::Text>| t.as_ref().map_or("-".into(), |t| t.text.clone());
    let date = |d: &Option<storyline::date::DatePoint>| d.map_or("-".into(), |d| d.to_string());
    doc.roles
        .iter()
        .map(|r| {
            format!(
                "{} | {} | {} – {} | {}",
                text(&r.company),
                text(&r.title),
                date(&r.start),
                date(&r.end),
                r.bullets.len()
            )
        })
        .collect()
}

#[test]
fn deedy_all_caps_company_title_lines_head_roles() {
    // Deedy's right column: large section headings, "COMPANY | TITLE" in
    // small caps over "dates | place", bullets below; the left column
    // holds education and skills, drawn row by row across the page.
    let mut runs = vec![
        Run {
            size: 8.0,
            ..run(450.0, 30.0, "Last Updated on 21st January 2015")
        },
        Run {
            size: 24.0,
            ..run(230.0, 50.0, "Jordan Example")
        },
    ];
    let left = [
        "EDUCATION",
        "CORNELL UNIVERSITY",
        "MEng in Computer Science",
        "Dec 2014 | Ithaca, NY",
        "SKILLS",
        "Java \u{95} Python \u{95} Rust",
        "OCaml \u{95} Matlab",
    ];
    let right = [
        "EXPERIENCE",
        "FACEBOOK | SOFTWARE ENGINEER",
        "Jan 2015 - Present | New York, NY",
        "COURSERA | KPCB FELLOW + SOFTWARE ENGINEERING INTERN",
        "June 2014 - Sep 2014 | Mountain View, CA",
        "\u{95} Led and shipped the admin interface for the new platform.",
        "\u{95} Wrote and reviewed code for the web client.",
        "GOOGLE | SOFTWARE ENGINEERING INTERN",
        "May 2013 - Aug 2013 | Mountain View, CA",
        "\u{95} Built a framework for the captions editor.",
        "AWARDS",
        "2014  KPCB Engineering Fellow",
    ];
    for (i, l) in left.iter().enumerate() {
        runs.push(run(36.0, 120.0 + i as f32 * 14.0, l));
    }
    for (i, r) in right.iter().enumerate() {
        let size = if r.chars().all(|c| c.is_ascii_uppercase()) {
            14.0
        } else {
            10.0
        };
        runs.push(Run {
            size,
            ..run(220.0, 124.0 + i as f32 * 14.0, r)
        });
    }
    let doc = read(Pdf::default().page(&runs).bytes());
    assert_eq!(
        role_summary(&doc),
        [
            "FACEBOOK | SOFTWARE ENGINEER | 2015-01 – present | 0",
            "COURSERA | KPCB FELLOW + SOFTWARE ENGINEERING INTERN | 2014-06 – 2014-09 | 2",
            "GOOGLE | SOFTWARE ENGINEERING INTERN | 2013-05 – 2013-08 | 1",
        ],
        "{:#?}",
        lines(&doc)
    );
    assert!(doc.skills.iter().any(|s| s.text == "Rust"));
    // The name is the largest line, not the first one.
    assert_eq!(
        doc.name.as_ref().map(|n| n.text.as_str()),
        Some("Jordan Example")
    );
    // "May 2013 - Aug 2013 | Mountain View, CA" under a sub-heading.
    let place = |i: usize| doc.roles[i].location.as_ref().map(|l| l.text.as_str());
    assert_eq!(
        (place(0), place(2)),
        (Some("New York, NY"), Some("Mountain View, CA"))
    );
}

#[test]
fn margin_labels_head_the_entries_beside_them() {
    // WeasyPrint's pandoc theme: section labels in a narrow left margin,
    // each on the baseline of the first entry it heads; role lines a
    // little larger than the bullets, which are drawn as shapes (no
    // glyph) and set in.
    let mut runs = vec![
        Run {
            size: 13.5,
            ..run(40.0, 38.0, "Jordan Example")
        },
        run(40.0, 56.0, "jordan@example.com  example.com"),
    ];
    let mut y = 86.0;
    let mut line =
        |runs: &mut Vec<Run>, label: Option<&str>, x: f32, size: f32, text: &str, gap: f32| {
            if let Some(l) = label {
                runs.push(Run {
                    size: 9.9,
                    ..run(40.0, y, l)
                });
            }
            runs.push(Run {
                size,
                ..run(x, y, text)
            });
            y += gap;
        };
    line(
        &mut runs,
        Some("Hello"),
        112.0,
        9.0,
        "Product leader with fifteen years of experience.",
        22.0,
    );
    line(
        &mut runs,
        Some("Experience"),
        112.0,
        9.9,
        "Head of Design Northwind, Mar 2022-Present",
        16.0,
    );
    line(
        &mut runs,
        None,
        130.0,
        9.0,
        "Led a design team of six across two offices.",
        14.0,
    );
    line(
        &mut runs,
        None,
        130.0,
        9.0,
        "Shipped the new ranking console to every customer.",
        22.0,
    );
    line(
        &mut runs,
        None,
        112.0,
        9.9,
        "Product Designer Globex, Oct 2017-Feb 2022",
        16.0,
    );
    line(
        &mut runs,
        None,
        130.0,
        9.0,
        "Redesigned the query workflow used by 40 teams.",
        22.0,
    );
    line(
        &mut runs,
        Some("Education"),
        112.0,
        9.9,
        "BSc Computer Science, State University, 2017",
        14.0,
    );
    let doc = read(Pdf::default().page(&runs).bytes());
    let all = lines(&doc);
    let at = |s: &str| {
        all.iter()
            .position(|l| *l == s)
            .unwrap_or_else(|| panic!("{s:?} in {all:#?}"))
    };
    assert_eq!(
        at("Experience") + 1,
        at("Head of Design Northwind, Mar 2022-Present"),
        "{all:#?}"
    );
    assert!(at("Education") > at("Redesigned the query workflow used by 40 teams."));
    assert_eq!(
        role_summary(&doc),
        [
            "- | Head of Design Northwind | 2022-03 – present | 2",
            "- | Product Designer Globex | 2017-10 – 2022-02 | 1",
        ]
    );
}

#[test]
fn dates_in_the_margin_date_the_role_beside_them() {
    // A LaTeX CV: each role's dates in the left margin, on the baseline
    // of its "Title, Company, City, ST" line.
    let mut runs = vec![
        Run {
            size: 20.0,
            ..run(110.0, 50.0, "Jordan Example")
        },
        Run {
            size: 14.0,
            ..run(110.0, 90.0, "Experience")
        },
    ];
    let roles = [
        (
            "2022 - 2025",
            "Software Development Engineer II, Northwind Lab 126, Boston, MA",
            2,
        ),
        ("2020 - 2022", "Character AI Lead, Globex, Boston, MA", 1),
    ];
    let mut y = 110.0;
    for (dates, header, bullets) in roles {
        runs.push(run(36.0, y, dates));
        runs.push(run(110.0, y, header));
        for b in 0..bullets {
            y += 14.0;
            runs.push(run(
                110.0,
                y,
                &format!("\u{95} Built the ranking service, part {}.", b + 1),
            ));
        }
        y += 24.0;
    }
    let doc = read(Pdf::default().page(&runs).bytes());
    assert_eq!(
        role_summary(&doc),
        [
            "Northwind Lab 126 | Software Development Engineer II | 2022 – 2025 | 2",
            "Globex | Character AI Lead | 2020 – 2022 | 1",
        ],
        "{:#?}",
        lines(&doc)
    );
}

/// A resume whose section headings are set at 14 points over 10-point
/// text, with a "Community Work" line at `community_size` between two
/// dated roles.
fn sized_headings(community_size: f32) -> Document {
    let heading = |y: f32, text: &str| Run {
        size: 14.0,
        ..run(72.0, y, text)
    };
    let runs = vec![
        Run {
            size: 20.0,
            ..run(72.0, 60.0, "Jordan Example")
        },
        heading(100.0, "Experience"),
        run(72.0, 120.0, "Staff Engineer, Northwind  2021 - Present"),
        run(72.0, 134.0, "\u{95} Led the ranking team of six engineers."),
        Run {
            size: community_size,
            ..run(72.0, 160.0, "Community Work")
        },
        run(72.0, 180.0, "Maintainer, Rust Foundation  2019 - 2021"),
        run(
            72.0,
            194.0,
            "\u{95} Reviewed 300 pull requests to the compiler.",
        ),
        heading(220.0, "Education"),
        run(72.0, 240.0, "BSc Computer Science, State University, 2017"),
    ];
    read(Pdf::default().page(&runs).bytes())
}

#[test]
fn a_line_set_at_the_headings_size_is_a_section() {
    // Must fire: 14 points like the known headings, so "Community Work"
    // is a section of its own and its entry is no job.
    let doc = sized_headings(14.0);
    assert_eq!(
        role_summary(&doc),
        ["Northwind | Staff Engineer | 2021 – present | 1"].map(String::from),
        "{:#?}",
        lines(&doc)
    );
}

#[test]
fn a_line_barely_larger_than_body_text_is_no_heading() {
    // Near miss: 11 points over 10-point text is not "noticeably larger";
    // the line stays text of the experience section.
    let doc = sized_headings(11.0);
    let r = role_summary(&doc);
    assert_eq!(r.len(), 2, "{r:#?}");
    assert!(r[1].ends_with("| Maintainer | 2019 – 2021 | 1"), "{r:#?}");
}

#[test]
fn all_caps_companies_under_centred_headings_head_roles() {
    // A JSON Resume theme printed by Chrome: centred headings, an
    // all-caps company at the left margin over "Title   (Remote) dates",
    // a description, and bullets drawn as shapes, set in.
    let centred = |y: f32, text: &str| Run {
        size: 11.0,
        ..run(260.0, y, text)
    };
    let mut runs = vec![
        Run {
            size: 16.0,
            ..run(220.0, 50.0, "JORDAN E. - Software Engineer")
        },
        run(
            36.0,
            80.0,
            "Software engineer building trading and wallet products for six years.",
        ),
        centred(110.0, "WORK EXPERIENCE"),
    ];
    let roles = [
        (
            "NORTHWIND",
            "Frontend Engineer (Full-time)",
            "(Remote) May 2025 - Current",
            0,
        ),
        (
            "GLOBEX",
            "Backend Engineer (Freelance, Part-time)",
            "(Remote) Feb 2024 - May 2025",
            2,
        ),
    ];
    let mut y = 130.0;
    for (company, title, dates, bullets) in roles {
        runs.push(run(36.0, y, company));
        runs.push(run(36.0, y + 14.0, title));
        runs.push(run(440.0, y + 14.0, dates));
        runs.push(run(
            36.0,
            y + 28.0,
            "Development of the wallet recommendation engine.",
        ));
        y += 42.0;
        // Items without a full stop: each starts where the line above
        // left room for its first word.
        for b in 0..bullets {
            runs.push(run(
                48.0,
                y,
                &format!("Built collector number {} for onchain data", b + 1),
            ));
            y += 14.0;
        }
        if bullets > 0 {
            // Near miss: a line filled to the margin wraps into the next,
            // whatever its first letter.
            runs.push(run(
                48.0,
                y,
                "Cut the sync latency of every collector by 40% for the wallets of Metamask, Rainbow, Zerion, OKX and",
            ));
            runs.push(run(48.0, y + 14.0, "Coinbase users"));
            y += 28.0;
        }
        runs.push(run(36.0, y, "Stack: TypeScript, Node.js, PostgreSQL"));
        y += 24.0;
    }
    runs.push(centred(y, "SKILLS"));
    runs.push(run(
        36.0,
        y + 20.0,
        "Frontend (Advanced): Vue, React, TypeScript",
    ));
    runs.push(centred(y + 44.0, "EDUCATION"));
    runs.push(run(
        36.0,
        y + 64.0,
        "UNIVERSITY OF STRASBOURG  Sep 2018 - Jul 2021",
    ));
    let doc = read(Pdf::default().page(&runs).bytes());
    assert_eq!(
        role_summary(&doc),
        [
            "NORTHWIND | Frontend Engineer (Full-time) | 2025-05 – present | 1",
            "GLOBEX | Backend Engineer (Freelance, Part-time) | 2024-02 – 2025-05 | 4",
        ],
        "{:#?}",
        lines(&doc)
    );
    assert!(
        doc.roles[1].bullets[3]
            .text
            .ends_with("OKX and Coinbase users")
    );
    // The stack line is metadata, not an achievement.
    assert!(
        doc.roles
            .iter()
            .flat_map(|r| &r.bullets)
            .all(|b| !b.text.starts_with("Stack:"))
    );
}

/// Roles whose header is "Head of Design Northwind, Mar 2022 - Present",
/// the title in Helvetica-Bold when `bold_title`, as pandoc's HTML themes
/// set "**Title** *Company*, dates".
fn bold_lead_roles(bold_title: bool) -> Document {
    let mut runs = vec![
        Run {
            size: 20.0,
            ..run(72.0, 60.0, "Jordan Example")
        },
        Run {
            size: 14.0,
            bold: true,
            ..run(72.0, 100.0, "Experience")
        },
    ];
    // "Head of Design " is 72.8 points wide in 10-point Helvetica-Bold.
    let rows = [(
        120.0,
        "Head of Design",
        148.0,
        "Northwind, Mar 2022 - Present",
    )];
    for (y, title, x, rest) in rows {
        runs.push(Run {
            bold: bold_title,
            ..run(72.0, y, title)
        });
        runs.push(run(x, y, rest));
        runs.push(run(
            72.0,
            y + 14.0,
            "\u{95} Led a design team of six across two offices.",
        ));
    }
    read(Pdf::default().page(&runs).bytes())
}

#[test]
fn a_bold_lead_ends_the_title() {
    // Must fire: the bold run is the title, what follows the company.
    let doc = bold_lead_roles(true);
    assert_eq!(
        role_summary(&doc),
        ["Northwind | Head of Design | 2022-03 – present | 1"].map(String::from),
        "{:#?}",
        lines(&doc)
    );
}

#[test]
fn without_bold_the_header_is_not_split() {
    // Near miss: the same line in one font gives no boundary to split at.
    let doc = bold_lead_roles(false);
    assert_eq!(
        lines(&doc)[2],
        "Head of Design Northwind, Mar 2022 - Present",
        "one line, one space"
    );
    assert_eq!(
        role_summary(&doc),
        ["- | Head of Design Northwind | 2022-03 – present | 1"].map(String::from)
    );
}

#[test]
fn without_dates_a_short_line_over_bullets_heads_a_role() {
    // A LaTeX resume that gives its employers no dates and no emphasis:
    // the employer's line over its bullets is all there is. A label over
    // bullets ("Responsibilities") heads nothing.
    let mut runs = vec![
        Run {
            size: 17.0,
            ..run(250.0, 60.0, "Jordan Example")
        },
        Run {
            size: 20.0,
            ..run(72.0, 110.0, "Experience")
        },
    ];
    let body = [
        (72.0, "Northwind Hosting"),
        (
            82.0,
            "\u{95} Automated the alerts of 300 customers with a Python tool.",
        ),
        (82.0, "\u{95} Maintained the Linux fleet."),
        (72.0, "Responsibilities"),
        (82.0, "\u{95} Answered tickets and phone calls."),
        (72.0, "Globex Cloud"),
        (82.0, "\u{95} Moved 40 servers to OpenStack."),
    ];
    for (i, (x, text)) in body.iter().enumerate() {
        runs.push(run(*x, 134.0 + i as f32 * 14.0, text));
    }
    let doc = read(Pdf::default().page(&runs).bytes());
    assert_eq!(
        role_summary(&doc),
        [
            "Northwind Hosting | - | - – - | 3",
            "Globex Cloud | - | - – - | 1",
        ],
        "{:#?}",
        lines(&doc)
    );
}

#[test]
fn words_are_neither_glued_nor_split() {
    // "Built" drawn glyph by glyph (as Chrome and Canva do), then words
    // placed with kerning gaps and no space glyphs (as TeX does).
    let mut content = String::from("BT /F1 10 Tf\n");
    let mut x = 72.0;
    for c in "Built".chars() {
        content.push_str(&format!("1 0 0 1 {x} 700 Tm ({c}) Tj\n"));
        x += match c {
            'B' => 6.67,
            'u' => 5.56,
            'i' | 'l' => 2.22,
            _ => 2.78,
        };
    }
    content.push_str("1 0 0 1 72 680 Tm [(the)-280(ranking)-280(service)] TJ\nET\n");
    // A ligature, a zero-width space and a soft hyphen, as UTF-16 text
    // would map them, cannot be drawn with WinAnsi Helvetica: the glyph
    // cleaning is unit-tested in the layout module.
    let doc = read(Pdf::default().raw_page(&content).bytes());
    assert_eq!(lines(&doc), ["Built", "the ranking service"]);
}

/// Helvetica's advance of `c` in thousandths of an em (the chars the
/// font fixtures below draw).
fn helvetica_width(c: char) -> i64 {
    match c {
        'f' | 't' | 'I' | ' ' | ',' | '.' | ':' => 278,
        'i' | 'j' | 'l' => 222,
        'r' | '-' => 333,
        'c' | 'k' | 's' | 'v' | 'x' | 'y' | 'z' | 'J' => 500,
        'm' | 'M' => 833,
        'w' => 722,
        'A' | 'B' | 'E' | 'K' | 'P' | 'S' | 'V' | 'X' | 'Y' => 667,
        'C' | 'D' | 'H' | 'N' | 'R' | 'U' => 722,
        'F' | 'T' | 'Z' => 611,
        'G' | 'O' | 'Q' => 778,
        'W' => 944,
        '%' => 889,
        '•' => 350,
        _ => 556,
    }
}

/// A page of `lines` (x, y from the top, size, text) in one CID font
/// written as Skia (Chrome, Google Docs) writes it: Identity-H, glyph ids
/// grouped by advance, `/DW` the most common advance, every other advance
/// in the `first last width` run form of `/W`, and each word placed on its
/// own with no space glyph between words.
fn skia_pdf(lines: &[(f32, f32, f32, &str)]) -> Vec<u8> {
    let mut chars: Vec<char> = lines.iter().flat_map(|l| l.3.chars()).collect();
    chars.retain(|&c| c != ' ');
    chars.sort_by_key(|&c| (helvetica_width(c), c));
    chars.dedup();
    let cid = |c: char| chars.iter().position(|&x| x == c).unwrap() + 1;
    let dw = 556;
    let mut w = String::new();
    let mut i = 0;
    while i < chars.len() {
        let width = helvetica_width(chars[i]);
        let run = chars[i..]
            .iter()
            .take_while(|&&c| helvetica_width(c) == width)
            .count();
        if width != dw {
            let first = i + 1;
            if run >= 2 {
                w.push_str(&format!("{first} {} {width} ", first + run - 1));
            } else {
                w.push_str(&format!("{first} [{width}] "));
            }
        }
        i += run;
    }
    let mut content = String::new();
    for &(x0, y, size, text) in lines {
        let mut x = x0;
        for word in text.split(' ') {
            let glyphs: String = word.chars().map(|c| format!("{:04X}", cid(c))).collect();
            if !glyphs.is_empty() {
                content.push_str(&format!(
                    "BT /F1 {size} Tf 1 0 0 1 {x} {} Tm <{glyphs}> Tj ET\n",
                    792.0 - y
                ));
            }
            let advance: i64 = word.chars().map(helvetica_width).sum::<i64>() + 278;
            x += advance as f32 * size / 1000.0;
        }
    }
    let bfchar: String = chars
        .iter()
        .map(|&c| format!("<{:04X}> <{:04X}>\n", cid(c), c as u32))
        .collect();
    let cmap = format!(
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n1 begincodespacerange <0000> <FFFF> endcodespacerange\n{} beginbfchar\n{bfchar}endbfchar\nendcmap CMapName currentdict /CMap defineresource pop end end",
        chars.len()
    );
    let stream = |body: &str| format!("<< /Length {} >>\nstream\n{body}\nendstream", body.len());
    assemble(
        vec![
            b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 8 0 R >>".to_vec(),
            b"<< /Type /Font /Subtype /Type0 /BaseFont /AAAAAA+Arimo /Encoding /Identity-H /DescendantFonts [5 0 R] /ToUnicode 7 0 R >>".to_vec(),
            format!("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /AAAAAA+Arimo /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 6 0 R /DW {dw} /W [{w}] /CIDToGIDMap /Identity >>").into_bytes(),
            b"<< /Type /FontDescriptor /FontName /AAAAAA+Arimo /Flags 32 /FontBBox [-200 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>".to_vec(),
            stream(&cmap).into_bytes(),
            stream(&content).into_bytes(),
        ],
        "",
    )
}

/// Skia's `first last width` runs carry the advances of narrow and wide
/// glyphs; read as the default width, words glue ("SeniorML") or split.
#[test]
fn cid_width_runs_keep_words_apart() {
    let doc = read(skia_pdf(&[
        (72.0, 72.0, 20.0, "Jordan Example"),
        (72.0, 96.0, 10.0, "Staff Machine Learning Engineer"),
        (72.0, 130.0, 12.0, "EXPERIENCE"),
        (72.0, 150.0, 10.0, "Senior ML Engineer, Northwind"),
        (450.0, 150.0, 10.0, "Mar 2021 - Present"),
        (
            72.0,
            164.0,
            10.0,
            "• Cut p99 latency of the ranking service by 40% with fifty tests",
        ),
        (
            72.0,
            178.0,
            10.0,
            "• Wrote its first WebGL visual diff tool in 2019 with 11 interns",
        ),
    ]));
    assert_eq!(
        lines(&doc),
        [
            "Jordan Example",
            "Staff Machine Learning Engineer",
            "EXPERIENCE",
            "Senior ML Engineer, Northwind  Mar 2021 - Present",
            "• Cut p99 latency of the ranking service by 40% with fifty tests",
            "• Wrote its first WebGL visual diff tool in 2019 with 11 interns",
        ]
    );
    assert_eq!(
        role_summary(&doc),
        ["Northwind | Senior ML Engineer | 2021-03 – present | 2"]
    );
}

/// A pdfTeX file with a FontAwesome Type 1 font: its `/Differences` name
/// icon glyphs no glyph list knows, and its ToUnicode map gives them
/// private-use code points. The document reads (the icons drop out) as
/// pdftotext reads it, instead of stopping at "unexpected entry in unicode
/// map".
#[test]
fn fontawesome_icons_with_a_tounicode_map_are_read() {
    let cmap = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n/CMapName /FontAwesome-UCS def /CMapType 2 def\n1 begincodespacerange <00> <FF> endcodespacerange\n3 beginbfchar\n<01> <F095>\n<02> <F0E0>\n<03> <F09B>\nendbfchar\nendcmap CMapName currentdict /CMap defineresource pop end end";
    let mut content = String::from("BT /F1 20 Tf 72 720 Td (Jordan Example) Tj ET\n");
    for (x, icon, text) in [
        (72, "01", "+1 555 0100"),
        (172, "02", "jordan@example.org"),
        (292, "03", "jexample"),
    ] {
        content.push_str(&format!(
            "BT /F3 10 Tf {x} 700 Td <{icon}> Tj ET\nBT /F1 10 Tf {} 700 Td ({text}) Tj ET\n",
            x + 14
        ));
    }
    content.push_str(
        "BT /F1 12 Tf 72 660 Td (EXPERIENCE) Tj ET\n\
         BT /F1 10 Tf 72 640 Td (Senior ML Engineer, Northwind) Tj ET\n\
         BT /F1 10 Tf 450 640 Td (Mar 2021 - Present) Tj ET\n\
         BT /F1 10 Tf 72 626 Td (\\225 Cut p99 latency of the ranking service by 40%) Tj ET\n",
    );
    let stream = |body: &str| format!("<< /Length {} >>\nstream\n{body}\nendstream", body.len());
    let bytes = assemble(
        vec![
            b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R /F3 5 0 R >> >> /Contents 7 0 R >>".to_vec(),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_vec(),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /QWERTY+FontAwesome /FirstChar 1 /LastChar 3 /Widths [1000 1000 1000] /Encoding << /Type /Encoding /Differences [1 /phone /envelope /github] >> /ToUnicode 6 0 R >>".to_vec(),
            stream(cmap).into_bytes(),
            stream(&content).into_bytes(),
        ],
        "",
    );
    let doc = read(bytes);
    assert_eq!(
        lines(&doc)[..3],
        [
            "Jordan Example",
            "+1 555 0100  jordan@example.org  jexample",
            "EXPERIENCE",
        ],
        "{:#?}",
        lines(&doc)
    );
    assert_eq!(
        role_summary(&doc),
        ["Northwind | Senior ML Engineer | 2021-03 – present | 1"]
    );
}

#[test]
fn hyphenated_line_ends_join() {
    let doc = read(
        Pdf::default()
            .page(&[
                run(72.0, 100.0, "Automated the manip-"),
                run(72.0, 114.0, "ulation of training data"),
            ])
            .bytes(),
    );
    assert_eq!(
        lines(&doc),
        ["Automated the manipulation", "of training data"]
    );
}

// ---------------------------------------------------------------------
// Failures, each with its message.

#[test]
fn encrypted_pdf() {
    let mut pdf = resume();
    // A Standard security handler whose user password is not empty.
    pdf.extra_objects.push(format!(
        "<< /Filter /Standard /V 1 /R 2 /O <{}> /U <{}> /P -4 >>",
        "11".repeat(32),
        "22".repeat(32)
    ));
    pdf.trailer_extra = "/Encrypt 12 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]".into();
    assert_eq!(
        err(pdf.bytes()),
        "t.pdf: encrypted PDF: remove the password and save again"
    );
}

#[test]
fn image_only_pdf_has_no_text_layer() {
    let pdf = Pdf::default().raw_page("q 0.5 g 72 72 468 648 re f Q\n0 0 m 612 792 l S\n");
    assert_eq!(
        err(pdf.bytes()),
        "t.pdf: no text layer: the PDF is a scanned image; run OCR first"
    );
}

#[test]
fn truncated_pdfs_fail_cleanly_at_every_cut() {
    let bytes = resume().bytes();
    assert_eq!(
        err(bytes[..bytes.len() / 2].to_vec()),
        "t.pdf: corrupt or truncated PDF: the file is cut short (no %%EOF marker at its end); download or export it again"
    );
    let step = bytes.len() / 12;
    for cut in (6..bytes.len() - 8).step_by(step) {
        let e = err(bytes[..cut].to_vec());
        assert!(
            e.starts_with("t.pdf: corrupt or truncated PDF: "),
            "cut at {cut}: {e}"
        );
    }
}

#[test]
fn a_pdf_name_on_other_bytes() {
    assert_eq!(
        err(b"<!DOCTYPE html><html><body>Sign in to download</body></html>".to_vec()),
        "t.pdf: not a PDF: it is a web page under a .pdf name (a failed download?); download the PDF again"
    );
    assert_eq!(
        err(b"Jordan Example\nStaff Engineer\n".to_vec()),
        "t.pdf: not a PDF: the file does not start with a %PDF- header"
    );
}

#[test]
fn too_large_pdf() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("big.pdf");
    let bytes = resume().bytes();
    std::fs::write(&path, &bytes).expect("write");
    let limits = Limits {
        max_file_bytes: 100,
        ..limits()
    };
    let e = extract_path(&path, "big.pdf", &Lexicon::embedded(), &limits).expect_err("too large");
    assert_eq!(
        e.to_string(),
        format!(
            "big.pdf: too large: {} bytes, over the limit of 100 bytes (raise it with `max-file-size`)",
            bytes.len()
        )
    );
}

#[test]
fn too_many_pages() {
    let page = [run(72.0, 72.0, "Jordan Example")];
    let pdf = Pdf::default().page(&page).page(&page).page(&page);
    let at = Limits {
        max_pdf_pages: 3,
        ..limits()
    };
    assert!(read_with(pdf.bytes(), &at).is_ok(), "at the limit");
    let limits = Limits {
        max_pdf_pages: 2,
        ..limits()
    };
    assert_eq!(
        read_with(pdf.bytes(), &limits).expect_err("pages"),
        "t.pdf: too many pages: 3, over the limit of 2"
    );
}

/// A cross-reference table that points nowhere, into an object, at one
/// object for all, or is missing: each a named error, never a crash.
#[test]
fn broken_cross_reference_tables() {
    let bytes = resume().bytes();
    let find = |needle: &[u8]| {
        bytes
            .windows(needle.len())
            .rposition(|w| w == needle)
            .unwrap_or_else(|| panic!("{}", String::from_utf8_lossy(needle)))
    };
    let swap = |from: &[u8], to: &[u8]| -> Vec<u8> {
        let at = find(from);
        [&bytes[..at], to, &bytes[at + from.len()..]].concat()
    };
    let xref = find(b"\nxref\n") + 1;
    let startxref = format!("startxref\n{xref}\n").into_bytes();
    // Every "nnnnnnnnnn 00000 n" entry pointing at byte 9.
    let entries: Vec<u8> = bytes
        .split_inclusive(|&b| b == b'\n')
        .flat_map(|l| {
            if l.len() == 20 && l.ends_with(b" 00000 n \n") {
                b"0000000009 00000 n \n".to_vec()
            } else {
                l.to_vec()
            }
        })
        .collect();
    let cases: [(&str, Vec<u8>, &str); 5] = [
        (
            "startxref past the end",
            swap(&startxref, b"startxref\n999999\n"),
            "t.pdf: corrupt or truncated PDF: failed parsing cross reference table: invalid start value",
        ),
        (
            "startxref into an object",
            swap(&startxref, b"startxref\n20\n"),
            "t.pdf: corrupt or truncated PDF: couldn't parse input: invalid file trailer",
        ),
        (
            "xref keyword misspelt",
            swap(b"\nxref\n", b"\nxrex\n"),
            "t.pdf: corrupt or truncated PDF: couldn't parse input: invalid file trailer",
        ),
        (
            "every entry at one offset",
            entries,
            "t.pdf: corrupt or truncated PDF: the document has no pages",
        ),
        (
            "no table and no trailer",
            [&bytes[..xref], b"startxref\n0\n%%EOF\n"].concat(),
            "t.pdf: corrupt or truncated PDF: couldn't parse input: invalid cross reference table",
        ),
    ];
    for (what, pdf, message) in cases {
        assert_eq!(err(pdf), message, "{what}");
    }
}

/// Flipped bytes anywhere: a document, or an error that names its cause;
/// never a crash of the extraction child or an answer it could not give.
#[test]
fn flipped_bytes_end_in_a_document_or_a_named_cause() {
    let bytes = resume().bytes();
    let causes = [
        "corrupt or truncated PDF: ",
        "unsupported PDF: the text extractor stopped: ",
        "no text layer: ",
        "no readable text: ",
        "encrypted PDF: ",
        "not a PDF: ",
    ];
    let step = bytes.len() / 40;
    for at in (0..bytes.len()).step_by(step) {
        let mut flipped = bytes.clone();
        flipped[at] ^= 0x5A;
        if let Err(e) = read_with(flipped, &limits()) {
            assert!(
                causes.iter().any(|c| e.starts_with(&format!("t.pdf: {c}"))),
                "flip at {at}: {e}"
            );
        }
    }
}

#[test]
fn a_panic_in_the_extractor_is_an_error() {
    // pdf-extract panics on an encoding name it does not know.
    let pdf = Pdf {
        encoding: Some("BogusEncoding".into()),
        ..Pdf::default()
    }
    .page(&[run(72.0, 72.0, "Jordan Example")]);
    assert_eq!(
        err(pdf.bytes()),
        "t.pdf: unsupported PDF: the text extractor stopped: unexpected encoding \"BogusEncoding\""
    );
}

/// A helper that never answers stands for an extraction that hangs.
#[cfg(unix)]
#[test]
fn a_hanging_extraction_times_out() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let helper = dir.path().join("hang.sh");
    let mut f = std::fs::File::create(&helper).expect("create");
    // exec: the process we kill is the one holding the pipes.
    f.write_all(b"#!/bin/sh\nexec sleep 30\n").expect("write");
    drop(f);
    std::fs::set_permissions(&helper, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let limits = Limits {
        pdf_helper: Some(helper),
        pdf_timeout: Duration::from_secs(1),
        ..Limits::default()
    };
    let start = std::time::Instant::now();
    assert_eq!(
        read_with(resume().bytes(), &limits).expect_err("timeout"),
        "t.pdf: timed out after 1 s while extracting text"
    );
    assert!(start.elapsed() < Duration::from_secs(10));
}

/// A PDF helper in `dir` that runs the shell line `first`, then the real
/// helper (storyline) with the same arguments.
#[cfg(unix)]
fn wrapper(dir: &std::path::Path, first: &str) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let helper = dir.join("helper.sh");
    let script = format!(
        "#!/bin/sh\n{first}\nexec '{}' \"$@\"\n",
        env!("CARGO_BIN_EXE_storyline")
    );
    std::fs::write(&helper, script).expect("write");
    std::fs::set_permissions(&helper, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    helper
}

/// A helper that answers late but within the timeout is waited for; the
/// same helper over a shorter timeout is stopped.
#[cfg(unix)]
#[test]
fn a_slow_extraction_within_the_timeout_is_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let helper = wrapper(dir.path(), "sleep 1");
    let within = Limits {
        pdf_helper: Some(helper.clone()),
        pdf_timeout: Duration::from_secs(8),
        ..Limits::default()
    };
    let doc = read_with(resume().bytes(), &within).expect("within the timeout");
    assert!(doc.source.contains("Jordan Example"));
    let over = Limits {
        pdf_helper: Some(helper),
        pdf_timeout: Duration::from_secs(1),
        ..Limits::default()
    };
    assert_eq!(
        read_with(resume().bytes(), &over).expect_err("timeout"),
        "t.pdf: timed out after 1 s while extracting text"
    );
}

/// The child caps its address space, so it must keep the system
/// allocator: mimalloc (the parent's) reserves address space a GiB at a
/// time, and under the default cap a real PDF failed about one run in
/// eight with it.
#[cfg(unix)]
#[test]
fn the_extraction_child_is_started_with_the_system_allocator() {
    let dir = tempfile::tempdir().expect("tempdir");
    let helper = wrapper(
        dir.path(),
        "[ -n \"$STORYLINE_SYSTEM_ALLOCATOR\" ] || { echo 'no system allocator' >&2; exit 3; }",
    );
    let limits = Limits {
        pdf_helper: Some(helper),
        ..Limits::default()
    };
    let doc = read_with(resume().bytes(), &limits).unwrap_or_else(|e| panic!("{e}"));
    assert!(doc.source.contains("Jordan Example"));
}

/// A Flate stream of `n` MiB of zeros in a few KiB: one compressed MiB
/// (a non-final block ending on a byte boundary) repeated.
fn zlib_zeros(mib: usize) -> Vec<u8> {
    use flate2::{Compress, Compression, FlushCompress};
    let zeros = vec![0u8; 1 << 20];
    let mut c = Compress::new(Compression::best(), false);
    let mut chunk = Vec::with_capacity(1 << 16);
    c.compress_vec(&zeros, &mut chunk, FlushCompress::Sync)
        .expect("deflate");
    let mut out = vec![0x78, 0xDA];
    for _ in 0..mib {
        out.extend_from_slice(&chunk);
    }
    // A final, empty fixed-Huffman block, then the Adler-32 of the zeros.
    out.extend_from_slice(&[0x03, 0x00]);
    let n = (mib as u64) << 20;
    let adler = ((n % 65521) << 16) | 1;
    out.extend_from_slice(&(adler as u32).to_be_bytes());
    out
}

#[test]
fn a_decompression_bomb_exceeds_memory_cleanly() {
    let bomb = zlib_zeros(1024);
    let mut content = format!(
        "<< /Length {} /Filter /FlateDecode >>\nstream\n",
        bomb.len()
    )
    .into_bytes();
    content.extend_from_slice(&bomb);
    content.extend_from_slice(b"\nendstream");
    // Page 1's content stream is the bomb.
    let mut objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>".to_vec(),
    ];
    objects.push(content);
    let bytes = assemble(objects, "");
    assert!(bytes.len() < 2 << 20, "{}", bytes.len());
    let limits = Limits {
        max_pdf_memory: 256 << 20,
        ..limits()
    };
    assert_eq!(
        read_with(bytes, &limits).expect_err("memory"),
        "t.pdf: memory exceeded: extracting text needed more than 256 MiB"
    );
}

#[test]
fn running_footers_are_neither_employers_nor_bullets() {
    // A footer with the date, the name and the page number on every page.
    let footer = |n: u32| {
        run(
            72.0,
            770.0,
            &format!("March 3, 2026  Rosa Lindqvist - Resume  {n}"),
        )
    };
    let pdf = Pdf::default()
        .page(&[
            Run {
                size: 20.0,
                ..run(72.0, 72.0, "Rosa Lindqvist")
            },
            Run {
                size: 12.0,
                ..run(72.0, 110.0, "EXPERIENCE")
            },
            run(72.0, 130.0, "Data Engineer, Fjordline Shipping"),
            run(450.0, 130.0, "Mar 2021 - Present"),
            run(
                72.0,
                146.0,
                "\u{95} Rebuilt the cargo ledger pipeline for 14 ports",
            ),
            footer(1),
        ])
        .page(&[
            run(72.0, 72.0, "Analyst, Kvarn Energy"),
            run(450.0, 72.0, "Jan 2018 - Feb 2021"),
            run(72.0, 88.0, "\u{95} Cut the monthly close from 6 days to 2"),
            footer(2),
        ]);
    let doc = read(pdf.bytes());
    let roles: Vec<_> = doc
        .roles
        .iter()
        .map(|r| (r.company.as_ref().map(|t| t.text.clone()), r.bullets.len()))
        .collect();
    assert_eq!(
        roles,
        [
            (Some("Fjordline Shipping".to_string()), 1),
            (Some("Kvarn Energy".to_string()), 1)
        ],
        "{}",
        doc.source
    );
    assert!(
        doc.roles
            .iter()
            .flat_map(|r| &r.bullets)
            .all(|b| !b.text.contains("Lindqvist"))
    );
}

/// Awesome-CV's entries: "Employer    Place" over "Title    Dates", the
/// place and the dates set at the right edge on the rows they end.
fn awesome_entry(y: f32, employer: &str, place: &str, title: &str, dates: &str) -> Vec<Run> {
    vec![
        run(40.0, y, employer),
        run(480.0, y, place),
        run(40.0, y + 13.0, title),
        run(470.0, y + 13.0, dates),
        run(40.0, y + 26.0, "\u{95} Moved the billing jobs to a queue"),
        run(
            40.0,
            y + 39.0,
            &format!("\u{95} Cut the {title}'s nightly run by 30%"),
        ),
    ]
}

#[test]
fn places_and_dates_at_the_right_end_their_rows_and_a_repeated_employer_stays() {
    // Enough entries that the right-hand parts make a long band: they
    // are the rows' ends, not a column. "Orbit 7 Labs" heads a role on
    // both pages, mid-page (it holds a digit, as running footers do), and
    // stays.
    let mut first = vec![Run {
        size: 14.0,
        ..run(40.0, 60.0, "Experience")
    }];
    first.extend(awesome_entry(
        80.0,
        "Quillon Ltd.",
        "Porto, Portugal",
        "Staff Engineer",
        "Mar. 2021 Present",
    ));
    first.extend(awesome_entry(
        140.0,
        "Orbit 7 Labs",
        "Remote",
        "Engineer",
        "Feb. 2018 Mar. 2021",
    ));
    first.extend(awesome_entry(
        200.0,
        "Brisk Freight",
        "Braga, Portugal",
        "Junior Engineer",
        "Jun. 2016 Jan. 2018",
    ));
    first.push(run(72.0, 770.0, "March 3, 2026  Ines Carvalho - Resume  1"));
    let mut second = awesome_entry(
        72.0,
        "Kestrel Analytics",
        "Lisbon, Portugal",
        "Analyst",
        "Oct. 2015 May 2016",
    );
    second.extend(awesome_entry(
        132.0,
        "Orbit 7 Labs",
        "Remote",
        "Intern",
        "Jun. 2015 Sep. 2015",
    ));
    second.push(run(72.0, 770.0, "March 3, 2026  Ines Carvalho - Resume  2"));
    let doc = read(Pdf::default().page(&first).page(&second).bytes());
    assert_eq!(
        role_summary(&doc),
        [
            "Quillon Ltd. | Staff Engineer | 2021-03 – present | 2",
            "Orbit 7 Labs | Engineer | 2018-02 – 2021-03 | 2",
            "Brisk Freight | Junior Engineer | 2016-06 – 2018-01 | 2",
            "Kestrel Analytics | Analyst | 2015-10 – 2016-05 | 2",
            "Orbit 7 Labs | Intern | 2015-06 – 2015-09 | 2",
        ],
        "{}",
        doc.source
    );
}

#[test]
fn a_right_sidebar_is_read_first_when_the_main_column_runs_on_to_the_next_page() {
    // Google Docs' and Sketch's sidebar layouts: the main column's roles
    // go on to page 2, with no heading of their own there.
    const ROLES: [&str; 10] = [
        "Experience",
        "Northwind Freight | Staff ML Engineer",
        "March 2021 - Present",
        "Led the ranking team of six engineers across two offices.",
        "Cut the nightly training run from nine hours to two.",
        "Moved the feature store onto one shared cluster for all teams.",
        "Globex Shipping | ML Engineer",
        "June 2018 - February 2021",
        "Built the first demand forecast the planners trusted.",
        "Wrote the model review checklist every launch now follows.",
    ];
    const SIDE: [&str; 5] = [
        "Skills",
        "PyTorch",
        "Education",
        "Tarn University",
        "BSc, 2018",
    ];
    let mut first = vec![Run {
        size: 20.0,
        ..run(36.0, 60.0, "Jordan Example")
    }];
    first.extend(two_columns(36.0, &ROLES, 420.0, &SIDE));
    let second = [
        run(36.0, 72.0, "Initech Labs | Data Analyst"),
        run(36.0, 86.0, "May 2016 - May 2018"),
        run(
            36.0,
            100.0,
            "Built the weekly churn report for 12 regional teams.",
        ),
    ];
    let doc = read(Pdf::default().page(&first).page(&second).bytes());
    assert_blocks(&doc, &SIDE, &ROLES);
    let summary = role_summary(&doc);
    assert_eq!(summary.len(), 3, "{summary:?}\n{}", doc.source);
    assert!(
        summary[2].starts_with("Initech Labs | Data Analyst | 2016-05"),
        "{summary:?}"
    );
}
