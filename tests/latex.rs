//! LaTeX sources: role macros of the common classes, positions in the .tex
//! file, suppression comments, and malformed input.

mod common;

use common::{fixture, load};
use serde_json::Value;
use storyline::extract::latex::split_lines;
use storyline::model::Role;

fn field(t: &Option<storyline::source::Text>) -> &str {
    t.as_ref().map_or("", |t| t.text.as_str())
}

fn summary(
    r: &Role,
) -> (
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    usize,
) {
    (
        field(&r.title).to_string(),
        field(&r.company).to_string(),
        field(&r.location).to_string(),
        r.start.map(|d| d.to_string()),
        r.end.map(|d| d.to_string()),
        r.bullets.len(),
    )
}

fn s(x: &str) -> String {
    x.to_string()
}

#[test]
fn moderncv_entries() {
    let doc = load("latex/moderncv.tex");
    assert_eq!(doc.format.as_str(), "latex");
    let roles: Vec<_> = doc.roles.iter().map(summary).collect();
    assert_eq!(
        roles,
        vec![
            // A bare city the gazetteer knows is the location.
            (
                s("Senior ML Engineer"),
                s("Northwind"),
                s("Berlin"),
                Some(s("2021")),
                Some(s("present")),
                2
            ),
            (
                s("ML Engineer"),
                s("Contoso"),
                s("Munich"),
                Some(s("2017")),
                Some(s("2021")),
                1
            ),
        ]
    );
    assert_eq!(
        doc.roles[0].bullets[1].text,
        "Helped the team with various migrations"
    );
    assert_eq!(
        doc.roles[1].bullets[0].text,
        "Built the fraud model that saved $2M a year."
    );
    assert_eq!(
        field(&doc.summary),
        "Staff ML engineer who leads ranking teams of 8 engineers across 3 sites."
    );
}

#[test]
fn awesome_cv_part_without_document_environment() {
    let doc = load("latex/awesome-cv.tex");
    let roles: Vec<_> = doc.roles.iter().map(summary).collect();
    assert_eq!(roles.len(), 2, "{roles:?}");
    assert_eq!(roles[0].0, "Site Reliability Engineer");
    assert_eq!(roles[0].1, "Fabrikam Inc.");
    assert_eq!(
        (roles[0].3.as_deref(), roles[0].4.as_deref()),
        (Some("2021-09"), Some("present"))
    );
    assert_eq!(roles[0].5, 2);
    assert_eq!(roles[1].0, "Software Engineer");
    assert_eq!(roles[1].1, "Tailspin Toys");
    assert_eq!(
        doc.roles[0].bullets[0].text,
        "Saved over 30% of the overall cloud costs with a quarterly purchasing plan."
    );
}

#[test]
fn jake_subheadings_and_items() {
    let doc = load("latex/jake.tex");
    assert_eq!(field(&doc.name), "Sam Sample");
    let roles: Vec<_> = doc.roles.iter().map(summary).collect();
    assert_eq!(
        roles,
        vec![
            (
                s("Backend Engineer"),
                s("Adventure Works"),
                s("Austin, TX"),
                Some(s("2020-06")),
                Some(s("present")),
                3
            ),
            (
                s("Software Engineering Intern"),
                s("Woodgrove Bank"),
                s("Dallas, TX"),
                Some(s("2019-05")),
                Some(s("2019-08")),
                1
            ),
        ]
    );
}

#[test]
fn spans_point_into_the_tex_file() {
    let doc = load("latex/jake.tex");
    let bullet = &doc.roles[0].bullets[1];
    assert_eq!(
        bullet.text,
        "Helped design the billing API used by 200 clients"
    );
    // "billing" sits inside \emph{...} on line 35 of the source.
    let at = bullet.text.find("billing").unwrap();
    let span = bullet.source_span(at, at + "billing".len());
    assert_eq!(&doc.source[span.start..span.end], "billing");
    let pos = doc.lines.position(&doc.source, span.start);
    assert_eq!(pos.line, 35);
    // Header fields keep their own spans: the company is on line 30, the
    // title (which leads the header line) on line 31.
    let company = doc.roles[0].company.as_ref().unwrap();
    let span = company.span();
    assert_eq!(&doc.source[span.start..span.end], "Adventure Works");
    assert_eq!(doc.lines.position(&doc.source, span.start).line, 30);
    assert_eq!(doc.line_of(&doc.roles[0].header), 31);
}

fn check_json(rel: &str) -> Value {
    let out = common::in_repo()
        .args([
            "check", "--format", "json", "--today", "2026-11", "--select", "O001",
        ])
        .arg(fixture(rel))
        .output()
        .expect("run");
    common::json(&out)
}

#[test]
fn diagnostics_point_at_the_tex_line_and_column_and_comments_suppress() {
    let v = check_json("latex/jake.tex");
    let diags = v["diagnostics"].as_array().unwrap();
    let lines: Vec<(u64, u64)> = diags
        .iter()
        .map(|d| (d["line"].as_u64().unwrap(), d["column"].as_u64().unwrap()))
        .collect();
    // Line 33: `        \resumeItem{Helped migrate ...}`: "Helped" at column 21.
    // Line 35 has the same weak opener, suppressed by the comment above it.
    assert_eq!(lines, vec![(33, 21)], "{diags:?}");
    assert_eq!(diags[0]["code"], "O001");
}

#[test]
fn moderncv_diagnostic_position() {
    let v = check_json("latex/moderncv.tex");
    let d = &v["diagnostics"][0];
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(18), Some(7)),
        "{v}"
    );
}

#[test]
fn disable_enable_blocks() {
    let src = "\\begin{document}\n% storyline-disable O001,M\n\\item Helped a lot\n% storyline-enable O001,M\n\\item Helped more\n% storyline-disable\n\\end{document}\n";
    let (_, sup) = split_lines(src);
    assert_eq!(sup.len(), 2);
    assert_eq!(sup[0].lines, (2, 4));
    assert_eq!(sup[0].codes, vec!["O001", "M"]);
    assert_eq!(sup[1].lines, (6, 8));
    assert!(sup[1].codes.is_empty());
}

#[test]
fn commands_become_the_text_they_typeset() {
    let src = "\\begin{document}\n\\section*{Experience}\nGrew \\textbf{revenue} by 30\\%, \\emph{from} \\$1M--\\$2M~in 2020---fast. % comment\n\\href{https://x.io}{Site} \\url{https://y.io} \\& more\\\\next $\\sim$5 users\n\\begin{itemize}\\item First\\item Second\\end{itemize}\n\\end{document}\nIgnored after the end.\n";
    let (lines, _) = split_lines(src);
    let texts: Vec<&str> = lines
        .iter()
        .filter(|l| !l.is_blank())
        .map(|l| l.text.text.as_str())
        .collect();
    assert_eq!(
        texts,
        vec![
            "Experience",
            "Grew revenue by 30%, from $1M–$2M in 2020—fast. Site & more",
            "next ~5 users",
            "First",
            "Second",
        ]
    );
    assert_eq!(
        lines
            .iter()
            .find(|l| l.text.text == "Experience")
            .unwrap()
            .kind,
        storyline::extract::lines::LineKind::Heading(2)
    );
    let first = lines.iter().find(|l| l.text.text == "First").unwrap();
    assert_eq!(first.kind, storyline::extract::lines::LineKind::Bullet);
    assert_eq!(first.number, 5);
}

#[test]
fn malformed_input_never_panics() {
    let doc = load("latex/malformed.tex");
    assert!(doc.source.contains("\\cventry"));
    // Every prefix of every fixture, and some hostile strings.
    for name in [
        "moderncv.tex",
        "awesome-cv.tex",
        "jake.tex",
        "malformed.tex",
    ] {
        let src = std::fs::read_to_string(fixture(&format!("latex/{name}"))).unwrap();
        for (i, _) in src.char_indices() {
            let _ = split_lines(&src[..i]);
        }
    }
    let deep = format!("\\cventry{}", "{\\cventry".repeat(2000));
    for s in [
        "\\",
        "{",
        "}",
        "%",
        "\\\\[",
        "\\item[",
        "\\href{",
        "\\newcommand",
        "\\def\\x#",
        "\\begin{comment}",
        "é\\'é",
        "\\newcommand\\é{x}",
        "\\def\\é#1{x}",
        "\\fontdimen2\\font=",
        "\\x=\\",
        &deep,
    ] {
        let _ = split_lines(s);
    }
}

#[test]
fn own_macros_are_read_by_the_shape_of_their_arguments() {
    // `\entry{...}{March 2021 -- Present}` is no class's macro: its date
    // argument makes it a header; `\de{...}` has an empty body and hides
    // the second language.
    let doc = load("latex/shape-macros.tex");
    let roles: Vec<_> = doc.roles.iter().map(summary).collect();
    assert_eq!(roles.len(), 2, "{roles:?}");
    assert_eq!(roles[0].0, "Backend Engineer (Go)");
    assert_eq!(roles[0].1, "Kestrel Data GmbH");
    assert_eq!(roles[0].3.as_deref(), Some("2021-03"));
    assert_eq!(roles[0].4.as_deref(), Some("present"));
    assert_eq!(roles[1].1, "Fennwick Software Ltd.");
    assert_eq!(roles[1].4.as_deref(), Some("2021-02"));
    // The hidden language typesets nothing.
    assert!(
        doc.roles
            .iter()
            .flat_map(|r| &r.bullets)
            .all(|b| !b.text.contains("Schreiblatenz")),
        "the \\de text leaked"
    );
    let heading_lines = split_lines(&doc.source).0;
    assert!(
        heading_lines
            .iter()
            .all(|l| !l.text.text.contains("Berufserfahrung"))
    );
}
