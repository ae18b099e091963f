//! The HTML report: its structure for the bundled example and the
//! LinkedIn pair (sections, one timeline per channel, scorecard marks,
//! quantified shares, conflict markers), and hostile strings made inert.

mod common;

use std::path::{Path, PathBuf};

use scraper::{ElementRef, Html, Selector};
use serde_json::Value;

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

fn text(e: ElementRef<'_>) -> String {
    e.text().collect::<String>()
}

fn count(doc: &Html, s: &str) -> usize {
    doc.select(&sel(s)).count()
}

/// `storyline report ARGS -o tmp/report.html`: the exit status and the page.
fn report(args: &[&str]) -> (i32, String) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.html");
    let run = common::storyline()
        .args(["report", "--no-config", "--today", "2026-11"])
        .args(args)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    let page = std::fs::read_to_string(&out)
        .unwrap_or_else(|e| panic!("no report ({e}): {}", String::from_utf8_lossy(&run.stderr)));
    (run.status.code().unwrap(), page)
}

/// The JSON findings of the same run, to compare the page against.
fn findings(args: &[&str]) -> Vec<Value> {
    let v = common::json(&common::check_json().args(args).output().unwrap());
    v["diagnostics"].as_array().unwrap().clone()
}

fn fixture(rel: &str) -> String {
    common::fixture(rel).display().to_string()
}

/// The page is self-contained: nothing that would fetch from anywhere.
fn assert_self_contained(doc: &Html) {
    for (s, attr) in [
        ("script[src]", "src"),
        ("link", "href"),
        ("img", "src"),
        ("iframe", "src"),
        ("object", "data"),
        ("embed", "src"),
    ] {
        assert_eq!(count(doc, s), 0, "{s} [{attr}] in a self-contained page");
    }
    for e in doc.select(&sel("*")) {
        for (name, value) in e.value().attrs() {
            assert!(
                name != "href" || value.starts_with('#'),
                "external link {value}"
            );
            assert!(!value.contains("url("), "url() in {name}");
        }
    }
    let style = doc.select(&sel("style")).map(text).collect::<String>();
    assert!(!style.contains("@import") && !style.contains("url("));
}

#[test]
fn report_of_the_example_shows_scorecard_timeline_scope_and_annotated_bullets() {
    let (status, page) = report(&[&fixture("example/resume.md")]);
    assert_eq!(status, 1, "findings at or above --fail-on, as `check`");
    let doc = Html::parse_document(&page);
    assert_self_contained(&doc);
    for s in [
        "section.scorecard",
        "section.timeline",
        "section.scope",
        "section.annotated",
    ] {
        assert_eq!(count(&doc, s), 1, "{s}");
    }
    assert_eq!(
        text(doc.select(&sel("h1")).next().unwrap()),
        "Jordan Example"
    );

    // Scorecard: levels and the three proofs.
    let card = |class: &str| {
        text(
            doc.select(&sel(&format!(".level-card.{class} .v")))
                .next()
                .unwrap(),
        )
    };
    assert_eq!(card("target"), "senior");
    assert_eq!(card("inferred"), "senior");
    let source = text(doc.select(&sel(".level-card.target .n")).next().unwrap());
    assert_eq!(source, "named in the headline");
    let holds: Vec<String> = doc
        .select(&sel("ol.proofs > li.proof"))
        .map(|e| e.value().attr("data-holds").unwrap().to_string())
        .collect();
    // The summary's "models that many teams rely on" states cross-team scope.
    assert_eq!(holds, ["true", "true", "unknown"]);
    let marks: Vec<String> = doc.select(&sel("li.proof .mark")).map(text).collect();
    assert_eq!(marks, ["✓", "✓", "–"]);

    // One timeline: the resume's, one bar per dated role, no conflicts.
    let timelines: Vec<ElementRef<'_>> = doc.select(&sel("svg.timeline")).collect();
    assert_eq!(timelines.len(), 1);
    assert_eq!(timelines[0].value().attr("data-channel"), Some("resume"));
    assert_eq!(count(&doc, "svg.timeline g.role-bar"), 3);
    assert_eq!(count(&doc, "g.conflict"), 0);

    // Scope over time: each role at its widest tier, against senior's team.
    let tiers: Vec<&str> = doc
        .select(&sel("svg.scope-chart g.scope-role"))
        .map(|e| e.value().attr("data-tier").unwrap())
        .collect();
    // The analyst's "SQL queries and dashboards" are a deliverable: feature.
    assert_eq!(tiers, ["team", "feature", "feature"]);
    assert_eq!(count(&doc, "svg.scope-chart g.expected"), 1);
    let standing: Vec<bool> = doc
        .select(&sel("svg.scope-chart g.scope-role"))
        .map(|e| e.value().classes().any(|c| c == "meets"))
        .collect();
    assert_eq!(standing, [true, false, false]);

    // Each bullet shows what the rules read in it, as `extract` does.
    assert_eq!(count(&doc, "li.bullet[data-leadership=\"true\"]"), 2);
    assert_eq!(count(&doc, "li.bullet[data-scope=\"team\"] .tag.lead"), 2);
    assert_eq!(
        count(&doc, "li.bullet[data-quantified=\"true\"] .tag.metric"),
        5
    );

    // Quantified share per role.
    let shares: Vec<(String, String, String)> = doc
        .select(&sel("section.role"))
        .map(|e| {
            (
                e.value().attr("data-quantified").unwrap().to_string(),
                e.value().attr("data-achievements").unwrap().to_string(),
                text(e.select(&sel(".share")).next().unwrap()),
            )
        })
        .collect();
    assert_eq!(
        shares,
        [
            ("3".into(), "5".into(), "60%".into()),
            ("1".into(), "4".into(), "25%".into()),
            ("1".into(), "2".into(), "50%".into()),
        ]
    );

    // Every finding inline, once, with code, message and help; filters
    // hidden until the script shows them.
    let json = findings(&[&fixture("example/resume.md")]);
    let shown: Vec<ElementRef<'_>> = doc.select(&sel("li.finding")).collect();
    assert_eq!(shown.len(), json.len());
    for d in &json {
        let code = d["code"].as_str().unwrap();
        let message = d["message"].as_str().unwrap();
        assert!(
            shown.iter().any(|e| {
                e.value().attr("data-code") == Some(code)
                    && text(e.select(&sel(".msg")).next().unwrap()) == message
                    && e.select(&sel(".help")).next().is_some()
                    && e.value().attr("data-family") == Some(&code[..1])
                    && e.value().attr("data-severity") == d["severity"].as_str()
            }),
            "{code} {message} not shown"
        );
    }
    // A weak opener sits under its bullet, its words marked.
    let helped = doc
        .select(&sel("li.bullet"))
        .find(|b| text(*b).starts_with("Helped migrate"))
        .unwrap();
    assert!(
        helped
            .select(&sel("li.finding[data-code=O001]"))
            .next()
            .is_some()
    );
    assert_eq!(
        text(helped.select(&sel("p.text mark")).next().unwrap()),
        "Helped"
    );
    let form = doc.select(&sel("form.filters")).next().unwrap();
    assert!(form.value().attr("hidden").is_some());
    assert_eq!(count(&doc, "script"), 1);
}

#[test]
fn report_of_the_linkedin_pair_draws_one_timeline_per_channel() {
    let (status, page) = report(&[
        &fixture("linkedin/resume.md"),
        "--profile",
        &fixture("linkedin/export"),
    ]);
    assert_eq!(status, 0);
    let doc = Html::parse_document(&page);
    assert_self_contained(&doc);
    let channels: Vec<&str> = doc
        .select(&sel("svg.timeline"))
        .map(|e| e.value().attr("data-channel").unwrap())
        .collect();
    assert_eq!(channels, ["resume", "linkedin"]);
    // Three roles on the resume, four LinkedIn titles (a promotion).
    assert_eq!(
        count(&doc, "svg.timeline[data-channel=resume] g.role-bar"),
        3
    );
    assert_eq!(
        count(&doc, "svg.timeline[data-channel=linkedin] g.role-bar"),
        4
    );
    assert_eq!(count(&doc, "g.conflict"), 0);
    assert_eq!(count(&doc, "g.ghost"), 0);
    let holds: Vec<&str> = doc
        .select(&sel("li.proof"))
        .map(|e| e.value().attr("data-holds").unwrap())
        .collect();
    assert_eq!(holds[2], "true", "a consistent narrative");
    assert!(text(doc.select(&sel("section.timeline")).next().unwrap()).contains("No conflict."));
    // The target comes from the headline: staff, which expects cross-team.
    assert_eq!(
        text(doc.select(&sel(".level-card.target .v")).next().unwrap()),
        "staff"
    );
    let expected = doc
        .select(&sel("svg.scope-chart .tier-label.expected-tier"))
        .map(text)
        .collect::<Vec<_>>();
    assert_eq!(expected, ["cross-team"]);
    let shares: Vec<&str> = doc
        .select(&sel("section.document section.role"))
        .map(|e| e.value().attr("data-quantified").unwrap())
        .collect();
    // The resume's roles, then the cross-checked profile's.
    assert_eq!(shares, ["2", "2", "1", "2", "1", "0", "0"]);
    assert_eq!(count(&doc, "section.side-profiles article.doc"), 1);
}

/// The pair with a changed title, an earlier start and a LinkedIn-only role.
fn conflicting_pair(dir: &Path) -> (PathBuf, PathBuf) {
    let resume = dir.join("resume.md");
    let export = dir.join("export");
    std::fs::create_dir_all(&export).unwrap();
    let edit = |from: &Path, to: &Path, changes: &[(&str, &str)]| {
        let mut s = std::fs::read_to_string(from).unwrap();
        for (a, b) in changes {
            assert!(s.contains(a), "{a}");
            s = s.replacen(a, b, 1);
        }
        std::fs::write(to, s).unwrap();
    };
    edit(
        &common::fixture("linkedin/resume.md"),
        &resume,
        &[
            (
                "### Staff ML Engineer, Northwind",
                "### Principal ML Engineer, Northwind",
            ),
            ("Fabrikam (Jan 2016", "Fabrikam (Jan 2015"),
        ],
    );
    edit(
        &common::fixture("linkedin/export/Positions.csv"),
        &export.join("Positions.csv"),
        &[(
            "Finished On",
            // The export's lines end with CRLF.
            "Finished On\r\nTailspin Toys,Advisor,Advised the platform team,Remote,Jun 2025,",
        )],
    );
    for f in ["Profile.csv", "Skills.csv"] {
        std::fs::copy(
            common::fixture(&format!("linkedin/export/{f}")),
            export.join(f),
        )
        .unwrap();
    }
    (resume, export)
}

#[test]
fn report_marks_each_conflict_where_it_happens_with_both_sides_on_hover() {
    let dir = tempfile::tempdir().unwrap();
    let (resume, export) = conflicting_pair(dir.path());
    let (r, e) = (resume.display().to_string(), export.display().to_string());
    let json = findings(&[&r, "--profile", &e]);
    let mut codes: Vec<&str> = json.iter().map(|d| d["code"].as_str().unwrap()).collect();
    codes.sort_unstable();
    assert_eq!(codes, ["C001", "C002", "C003"]);

    let (_, page) = report(&[&r, "--profile", &e]);
    let doc = Html::parse_document(&page);
    let markers = |channel: &str| -> Vec<(String, String)> {
        let mut v: Vec<(String, String)> = doc
            .select(&sel(&format!(
                "svg.timeline[data-channel={channel}] g.conflict"
            )))
            .map(|g| {
                (
                    g.value().attr("data-code").unwrap().to_string(),
                    g.value().attr("data-conflict").unwrap().to_string(),
                )
            })
            .collect();
        v.sort();
        v
    };
    let (ours, theirs) = (markers("resume"), markers("linkedin"));
    let codes_of = |v: &[(String, String)]| v.iter().map(|m| m.0.clone()).collect::<Vec<_>>();
    // Each conflict on both timelines: on the role, or (C003) on the ghost
    // of the role this channel lacks.
    assert_eq!(codes_of(&ours), ["C001", "C002", "C003"]);
    assert_eq!(codes_of(&theirs), ["C001", "C002", "C003"]);
    let mut ids: Vec<&String> = ours.iter().chain(&theirs).map(|m| &m.1).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 3, "one id per conflict");
    assert_eq!(
        count(&doc, "svg.timeline[data-channel=resume] g.ghost"),
        1,
        "the LinkedIn-only role, missing on the resume"
    );
    assert_eq!(count(&doc, "ol.conflict-list > li"), 3);
    // Hover text quotes both sides.
    let hover = |code: &str| {
        doc.select(&sel(&format!("g.conflict[data-code={code}] > title")))
            .map(text)
            .next()
            .unwrap()
    };
    let c001 = hover("C001");
    assert!(
        c001.contains("Resume: Principal ML Engineer, Northwind Inc."),
        "{c001}"
    );
    assert!(
        c001.contains("LinkedIn: Staff Machine Learning Engineer, NORTHWIND"),
        "{c001}"
    );
    let c002 = hover("C002");
    assert!(
        c002.contains("(Jan 2015 – Dec 2017)") && c002.contains("(Jan 2016 – Dec 2017)"),
        "{c002}"
    );
    let c003 = hover("C003");
    assert!(
        c003.contains("Resume: no matching role") && c003.contains("Advisor, Tailspin Toys"),
        "{c003}"
    );
    // The disputed start date is drawn on the bar's edge.
    assert_eq!(
        count(&doc, "svg.timeline g.conflict[data-code=C002] line.edge"),
        2
    );
}

#[test]
fn check_format_html_prints_the_report_page() {
    let example = fixture("example/resume.md");
    let out = common::storyline()
        .args([
            "check",
            "--no-config",
            "--today",
            "2026-11",
            "--format",
            "html",
        ])
        .arg(&example)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let (_, page) = report(&[&example]);
    assert_eq!(String::from_utf8(out.stdout).unwrap(), page);
}

#[test]
fn report_never_overwrites_an_input() {
    let dir = tempfile::tempdir().unwrap();
    let resume = dir.path().join("resume.md");
    std::fs::copy(common::fixture("example/resume.md"), &resume).unwrap();
    let before = std::fs::read(&resume).unwrap();
    common::storyline()
        .args(["report", "--no-config"])
        .arg(&resume)
        .arg("-o")
        .arg(&resume)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("is an input"));
    assert_eq!(std::fs::read(&resume).unwrap(), before);
}

/// Inputs found by walking a folder, named in storyline.toml or inside an
/// export folder are inputs too: `-o` on one of them is refused.
#[test]
fn report_never_overwrites_an_input_it_found() {
    let dir = tempfile::tempdir().unwrap();
    let resumes = dir.path().join("resumes");
    std::fs::create_dir(&resumes).unwrap();
    let resume = resumes.join("resume.md");
    std::fs::copy(common::fixture("example/resume.md"), &resume).unwrap();
    let export = dir.path().join("export");
    std::fs::create_dir(&export).unwrap();
    let positions = export.join("Positions.csv");
    std::fs::copy(common::fixture("linkedin/export/Positions.csv"), &positions).unwrap();
    std::fs::write(
        dir.path().join("storyline.toml"),
        "resumes = [\"resumes\"]\n",
    )
    .unwrap();
    let before = (
        std::fs::read(&resume).unwrap(),
        std::fs::read(&positions).unwrap(),
    );
    for args in [
        vec![
            "report",
            "--no-config",
            "resumes",
            "-o",
            "resumes/resume.md",
        ],
        vec!["report", "-o", "resumes/resume.md"],
        vec![
            "report",
            "--no-config",
            "resumes",
            "--profile",
            "export",
            "-o",
            "export/Positions.csv",
        ],
    ] {
        common::storyline()
            .current_dir(dir.path())
            .args(&args)
            .assert()
            .code(2)
            .stderr(predicates::str::contains("is an input"));
    }
    assert_eq!(
        (
            std::fs::read(&resume).unwrap(),
            std::fs::read(&positions).unwrap()
        ),
        before
    );
    // A new file in the walked folder is no input: written.
    common::storyline()
        .current_dir(dir.path())
        .args([
            "report",
            "--no-config",
            "resumes",
            "-o",
            "resumes/report.html",
        ])
        .assert()
        .code(1);
    assert!(resumes.join("report.html").is_file());
}

const HOSTILE: &[&str] = &[
    "<script>alert('name')</script>",
    "</style><script>alert(1)</script>",
    "\"><img src=x onerror=alert(2)>",
    "javascript:alert(3)",
    "Tom & Jerry's \"Co\"",
    "</title><svg onload=alert(4)>",
    "]]><!-- -->",
];

#[test]
fn hostile_strings_come_out_inert() {
    let dir = tempfile::tempdir().unwrap();
    let h = |i: usize| HOSTILE[i % HOSTILE.len()];
    // JSON Resume keeps every string exactly as given.
    let resume = serde_json::json!({
        "basics": {
            "name": format!("Eve {}", h(0)),
            "label": format!("Staff ML Engineer {}", h(1)),
            "summary": format!("Leads {} across 4 teams {}", h(2), h(3)),
        },
        "work": [
            {
                "name": format!("Acme {}", h(4)),
                "position": format!("Staff ML Engineer {}", h(5)),
                "startDate": "2021-03",
                "highlights": [
                    format!("Helped ship {} to 3 teams", h(0)),
                    format!("Built a world-class {} pipeline", h(1)),
                    format!("Cut costs significantly {} {}", h(2), h(6)),
                    format!("Link: {}", h(3)),
                ]
            },
            {
                "name": format!("Globex {}", h(5)),
                "position": format!("ML Engineer {}", h(2)),
                "startDate": "2017-01",
                "endDate": "2021-02",
                "highlights": [format!("Worked on {} models", h(4))]
            }
        ],
        "skills": [{ "name": h(1), "keywords": [h(0), h(3)] }]
    });
    let path = dir.path().join(format!("resume {}.json", "&<x>"));
    std::fs::write(&path, serde_json::to_string_pretty(&resume).unwrap()).unwrap();
    // A LinkedIn export whose names and titles differ, so that conflicts
    // (and their hover text) quote the hostile strings too.
    let export = dir.path().join("export");
    std::fs::create_dir_all(&export).unwrap();
    let csv = |cells: &[&str]| {
        cells
            .iter()
            .map(|c| format!("\"{}\"", c.replace('"', "\"\"")))
            .collect::<Vec<_>>()
            .join(",")
    };
    std::fs::write(
        export.join("Profile.csv"),
        format!(
            "First Name,Last Name,Headline,Summary\n{}\n",
            csv(&["Eve", h(0), &format!("Senior ML Engineer {}", h(1)), h(2)])
        ),
    )
    .unwrap();
    std::fs::write(
        export.join("Positions.csv"),
        format!(
            "Company Name,Title,Description,Location,Started On,Finished On\n{}\n{}\n",
            csv(&[
                &format!("Acme {}", h(4)),
                &format!("Principal {}", h(2)),
                h(1),
                h(3),
                "Jan 2020",
                ""
            ]),
            csv(&[&format!("Initech {}", h(0)), h(6), h(5), "", "Jun 2024", ""]),
        ),
    )
    .unwrap();
    std::fs::write(
        export.join("Skills.csv"),
        format!("Name\n{}\n", csv(&[h(3)])),
    )
    .unwrap();

    let p = path.display().to_string();
    let e = export.display().to_string();
    let json = findings(&[&p, "--profile", &e]);
    let codes: Vec<&str> = json.iter().map(|d| d["code"].as_str().unwrap()).collect();
    for code in ["C001", "C002", "C003", "O001", "P001"] {
        assert!(
            codes.contains(&code),
            "{code} in {codes:?}: the test must reach it"
        );
    }
    let (_, page) = report(&[&p, "--profile", &e]);
    let doc = Html::parse_document(&page);

    // Only the page's own script and style, once each, and no element or
    // attribute that the input asked for.
    assert_eq!(count(&doc, "script"), 1);
    assert_eq!(count(&doc, "style"), 1);
    assert_eq!(page.matches("<script").count(), 1);
    assert_eq!(page.matches("</script>").count(), 1);
    assert_eq!(page.matches("</style>").count(), 1);
    assert_eq!(
        page.matches("<title>").count(),
        page.matches("</title>").count()
    );
    let script = text(doc.select(&sel("script")).next().unwrap());
    assert!(!script.contains("alert"));
    assert!(!text(doc.select(&sel("style")).next().unwrap()).contains("alert"));
    assert_eq!(count(&doc, "img"), 0);
    assert_eq!(count(&doc, "a[href^=javascript], [src]"), 0);
    for el in doc.select(&sel("*")) {
        for (name, value) in el.value().attrs() {
            assert!(!name.starts_with("on"), "event handler {name}={value}");
            assert!(
                !value
                    .trim_start()
                    .to_ascii_lowercase()
                    .starts_with("javascript:"),
                "{name}={value}"
            );
        }
    }
    assert_self_contained(&doc);
    // No comment that the input opened.
    assert!(!page.contains("<!--"));

    // And the strings themselves survive as text, exactly.
    let h1 = text(doc.select(&sel("h1")).next().unwrap());
    assert_eq!(h1, format!("Eve {}", h(0)));
    let title = text(doc.select(&sel("head > title")).next().unwrap());
    assert!(title.starts_with(&format!("Eve {}", h(0))), "{title}");
    let all = text(doc.root_element());
    for s in HOSTILE {
        assert!(all.contains(s), "{s} not shown as text");
    }
    // Hover text (SVG <title>) quotes both sides, as text.
    let hover: String = doc
        .select(&sel("g.conflict[data-code=C001] > title"))
        .map(text)
        .collect();
    assert!(
        hover.contains(&format!("Staff ML Engineer {}", h(5))),
        "{hover}"
    );
    assert!(hover.contains(&format!("Principal {}", h(2))), "{hover}");
}

/// A box drawn in an SVG: x, y, width, height, and what it is.
#[derive(Debug, Clone)]
struct Drawn {
    what: String,
    x: f64,
    y: f64,
    w: f64,
    h: f64,
}

impl Drawn {
    fn of(e: ElementRef<'_>, what: &str) -> Drawn {
        let num = |a: &str| e.value().attr(a).unwrap_or("0").parse::<f64>().unwrap();
        Drawn {
            what: what.to_string(),
            x: num("x"),
            y: num("y"),
            w: num("width"),
            h: num("height"),
        }
    }

    /// A label's box, its width estimated at `per_char` for each char.
    fn label(e: ElementRef<'_>, what: &str, per_char: f64, height: f64) -> Drawn {
        let num = |a: &str| e.value().attr(a).unwrap_or("0").parse::<f64>().unwrap();
        let chars = text(e).chars().count() as f64;
        Drawn {
            what: format!("{what} '{}'", text(e)),
            x: num("x"),
            y: num("y") - height,
            w: chars * per_char,
            h: height,
        }
    }

    fn intersects(&self, o: &Drawn) -> bool {
        self.x < o.x + o.w && o.x < self.x + self.w && self.y < o.y + o.h && o.y < self.y + self.h
    }
}

fn assert_disjoint(boxes: &[Drawn], chart: &str) {
    for (i, a) in boxes.iter().enumerate() {
        for b in &boxes[i + 1..] {
            assert!(
                !a.intersects(b),
                "{chart}: {} {a:?} overlaps {} {b:?}",
                a.what,
                b.what
            );
        }
    }
}

/// A LinkedIn export of 20 roles (many short and overlapping, several
/// recent and missing from the resume) and a resume with some of them,
/// titles and dates changed: many markers and ghosts to lay out.
fn crowded_pair(dir: &Path) -> (PathBuf, PathBuf) {
    let export = dir.join("export");
    std::fs::create_dir_all(&export).unwrap();
    let months = ["Jan", "Mar", "May", "Jul", "Sep", "Nov"];
    let mut csv =
        String::from("Company Name,Title,Description,Location,Started On,Finished On\r\n");
    let mut resume = String::from(
        "# Morgan Example\n\nStaff Data Engineer\n\nStaff data engineer across 3 platform teams.\n\n## Experience\n\n",
    );
    for k in 0..20 {
        let year = 2008 + k * 9 / 10;
        let (start, end) = (
            format!("{} {year}", months[k % 6]),
            if k >= 17 {
                String::new()
            } else {
                format!("{} {}", months[(k + 2) % 6], year + 1 + k % 2)
            },
        );
        // Distinct employers and jobs: only the names tie roles across channels.
        let company = format!(
            "{} Labs",
            [
                "Aster", "Birch", "Cedar", "Dahlia", "Elm", "Fern", "Gorse", "Hazel", "Iris",
                "Juniper", "Kale", "Larch", "Maple", "Nettle", "Oak", "Pine", "Quince", "Rowan",
                "Sage", "Teak"
            ][k]
        );
        let title = [
            "Data Engineer",
            "Analyst",
            "Statistician",
            "Platform Engineer",
            "Researcher",
            "Data Architect",
            "Consultant",
            "ML Engineer",
            "Tech Writer",
            "SRE",
        ][k % 10]
            .to_string();
        csv.push_str(&format!(
            "{company},{title},Built pipeline {k} for 3 teams,Remote,{start},{end}\r\n"
        ));
        // Every third role is missing from the resume; every other kept
        // one has another title, and some start a year earlier.
        if k % 3 == 2 {
            continue;
        }
        let shown_title = if k % 2 == 0 {
            format!("Head of {title}s")
        } else {
            title
        };
        let shown_start = if k % 4 == 1 {
            format!("{} {}", months[k % 6], year - 1)
        } else {
            start
        };
        let shown_end = if end.is_empty() {
            "Present".to_string()
        } else {
            end
        };
        resume.push_str(&format!(
            "### {shown_title}, {company} ({shown_start} – {shown_end})\n\n- Cut the cost of pipeline {k} by 20% for 3 teams\n\n"
        ));
    }
    std::fs::write(export.join("Positions.csv"), csv).unwrap();
    std::fs::write(
        export.join("Profile.csv"),
        "First Name,Last Name,Headline\r\nMorgan,Example,Staff Data Engineer\r\n",
    )
    .unwrap();
    let path = dir.join("resume.md");
    std::fs::write(&path, resume).unwrap();
    (path, export)
}

#[test]
fn timeline_and_scope_chart_of_twenty_roles_draw_no_two_boxes_over_each_other() {
    let dir = tempfile::tempdir().unwrap();
    let (resume, export) = crowded_pair(dir.path());
    let (_, page) = report(&[
        resume.to_str().unwrap(),
        "--profile",
        export.to_str().unwrap(),
    ]);
    let doc = Html::parse_document(&page);
    let timelines: Vec<ElementRef<'_>> = doc.select(&sel("svg.timeline")).collect();
    assert_eq!(timelines.len(), 2, "one timeline per channel");
    let mut badges = 0;
    let mut ghosts = 0;
    for svg in &timelines {
        let mut boxes = Vec::new();
        for r in svg.select(&sel("g.role-bar > rect")) {
            boxes.push(Drawn::of(r, "bar"));
        }
        for r in svg.select(&sel("g.ghost > rect")) {
            boxes.push(Drawn::of(r, "ghost"));
            ghosts += 1;
        }
        for r in svg.select(&sel("rect.badge")) {
            boxes.push(Drawn::of(r, "badge"));
            badges += 1;
        }
        assert_disjoint(&boxes, "timeline");
        // Labels stay inside their bar (and so clear of every other box).
        for g in svg.select(&sel("g.role-bar, g.ghost")) {
            let bar = Drawn::of(g.select(&sel("rect")).next().unwrap(), "bar");
            for (class, per_char) in [
                ("text.bar-title", 6.9),
                ("text.bar-sub", 6.0),
                ("text.ghost-label", 6.4),
            ] {
                for t in g.select(&sel(class)) {
                    let l = Drawn::label(t, class, per_char, 11.0);
                    assert!(
                        l.x >= bar.x && l.x + l.w <= bar.x + bar.w + 0.5,
                        "{l:?} runs out of {bar:?}"
                    );
                }
            }
        }
    }
    assert!(
        badges >= 10,
        "the pair has many conflicts to mark: {badges}"
    );
    assert!(
        ghosts >= 2,
        "LinkedIn-only recent roles are drawn as ghosts: {ghosts}"
    );

    let scope = doc
        .select(&sel("svg.scope-chart"))
        .next()
        .expect("a scope chart");
    let mut boxes: Vec<Drawn> = scope
        .select(&sel("g.scope-role > rect"))
        .map(|r| Drawn::of(r, "scope bar"))
        .collect();
    boxes.extend(
        scope
            .select(&sel("text.scope-name"))
            .map(|t| Drawn::label(t, "scope name", 6.2, 9.0)),
    );
    assert_disjoint(&boxes, "scope chart");
}

#[test]
fn a_report_of_several_documents_has_a_title_and_an_index_not_one_clients_name() {
    let dir = tempfile::tempdir().unwrap();
    let (resume, _) = crowded_pair(dir.path());
    let (_, page) = report(&[resume.to_str().unwrap(), &fixture("example/resume.md")]);
    let doc = Html::parse_document(&page);
    let h1 = text(doc.select(&sel("h1")).next().unwrap());
    assert_eq!(h1, "Career documents: 2 documents");
    assert!(!text(doc.select(&sel("title")).next().unwrap()).contains("Morgan"));
    let links: Vec<String> = doc
        .select(&sel("nav.index li a"))
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    assert_eq!(links, ["#doc1", "#doc2"]);
    for id in ["doc1", "doc2"] {
        assert_eq!(count(&doc, &format!("section#{id}")), 1);
    }
    let index = text(doc.select(&sel("nav.index")).next().unwrap());
    assert!(index.contains("Morgan Example"), "{index}");
    // One document: the person's name, and no index.
    let (_, page) = report(&[resume.to_str().unwrap()]);
    let doc = Html::parse_document(&page);
    assert_eq!(
        text(doc.select(&sel("h1")).next().unwrap()),
        "Morgan Example"
    );
    assert_eq!(count(&doc, "nav.index"), 0);
}

#[test]
fn a_long_input_makes_a_bounded_report_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = String::from("# Long Resume\n\nEngineer\n\n## Experience\n\n");
    for k in 0..1500 {
        s.push_str(&format!(
            "### Engineer, Firm{k} ({} – {})\n\n- Helped build tool {k} with various world-class parts\n- Worked on the many reports of team {k}\n\n",
            2000 + k % 20,
            2001 + k % 20
        ));
    }
    let path = dir.path().join("long.md");
    std::fs::write(&path, &s).unwrap();
    let started = std::time::Instant::now();
    let (_, page) = report(&[path.to_str().unwrap()]);
    assert!(started.elapsed() < std::time::Duration::from_secs(30));
    let doc = Html::parse_document(&page);
    assert_eq!(count(&doc, "section.role:not(.project):not(.loose)"), 100);
    let note = text(
        doc.select(&sel(".cut-note"))
            .next()
            .expect("a note on what is cut"),
    );
    assert!(
        note.contains("1500 roles") && note.contains("first 100"),
        "{note}"
    );
    assert!(
        page.len() < 8 * s.len().max(1 << 20) / 4,
        "{} bytes for {} bytes in",
        page.len(),
        s.len()
    );
    assert!(count(&doc, "svg.timeline g.role-bar") <= 100);
}

#[test]
fn on_a_narrow_screen_charts_scroll_instead_of_shrinking_their_text() {
    let (_, page) = report(&[&fixture("example/resume.md")]);
    let doc = Html::parse_document(&page);
    let style = doc.select(&sel("style")).map(text).collect::<String>();
    let narrow = style
        .split("@media screen and (max-width: 760px)")
        .nth(1)
        .expect("a narrow-screen block");
    let block = &narrow[..narrow.find("\n}").unwrap()];
    assert!(block.contains(".chart { overflow-x: auto;"), "{block}");
    assert!(block.contains(".chart svg { min-width:"), "{block}");
    assert!(block.contains("overflow-wrap: anywhere"), "{block}");
    assert!(page.contains("<meta name=\"viewport\" content=\"width=device-width"));
}
