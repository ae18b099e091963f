//! DOCX reading: text, lists, tables, text boxes, headers and footers, and
//! every bound on a hostile archive. The DOCX files are built here with the
//! `zip` writer, so no real resume is ever copied into the repository.

mod common;

use std::io::Write;

use serde_json::Value;
use storyline::extract::{Limits, extract_bytes};
use storyline::lexicon::Lexicon;
use storyline::model::Document;
use zip::write::SimpleFileOptions;

const W_NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml""#;

/// A ZIP of `members`, deflated.
fn zip_of(members: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in members {
        w.start_file(*name, opts).expect("start");
        w.write_all(data).expect("write");
    }
    w.finish().expect("finish").into_inner()
}

fn document_xml(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W_NS}><w:body>{body}</w:body></w:document>"#
    )
}

/// A DOCX whose body is `body` (WordprocessingML), plus `extra` parts.
fn docx(body: &str, extra: &[(&str, &str)]) -> Vec<u8> {
    let doc = document_xml(body);
    let mut members: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", b"<Types/>"),
        ("word/document.xml", doc.as_bytes()),
    ];
    members.extend(extra.iter().map(|(n, d)| (*n, d.as_bytes())));
    zip_of(&members)
}

fn p(text: &str) -> String {
    format!("<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
}

fn bold(text: &str) -> String {
    format!("<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>{text}</w:t></w:r></w:p>")
}

fn heading(text: &str) -> String {
    format!("<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>")
}

fn bullet(text: &str) -> String {
    format!(
        "<w:p><w:pPr><w:pStyle w:val=\"ListParagraph\"/><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"
    )
}

fn cell(inner: &str) -> String {
    format!("<w:tc><w:tcPr/>{inner}</w:tc>")
}

fn row(cells: &[&str]) -> String {
    let cells: String = cells.iter().map(|c| cell(&p(c))).collect();
    format!("<w:tr>{cells}</w:tr>")
}

fn read(bytes: Vec<u8>, limits: &Limits) -> Result<Document, String> {
    extract_bytes("t.docx", "docx", bytes, &Lexicon::embedded(), limits).map_err(|e| e.message)
}

fn read_ok(bytes: Vec<u8>) -> Document {
    read(bytes, &Limits::default()).unwrap_or_else(|e| panic!("{e}"))
}

fn err(bytes: Vec<u8>, limits: &Limits) -> String {
    match read(bytes, limits) {
        Ok(d) => panic!("read, expected an error:\n{}", d.source),
        Err(e) => e,
    }
}

/// A one-page resume: name, a role table, bullets and a paragraph role.
fn resume_body() -> String {
    [
        p("Jordan Example"),
        p("Staff Machine Learning Engineer"),
        heading("Experience"),
        "<w:tbl><w:tblPr/>".to_string(),
        row(&["Northwind", "Senior ML Engineer", "Mar 2021 – Present"]),
        "</w:tbl>".to_string(),
        bullet("Cut p99 latency of the ranking service by 40% for 30M users"),
        bullet("Led a team of 5 engineers across two sites"),
        bold("Contoso | ML Engineer | Jan 2018 – Feb 2021"),
        bullet("Shipped the fraud model that saved $2M a year"),
        heading("Skills"),
        p("PyTorch, Spark"),
    ]
    .concat()
}

#[test]
fn roles_and_bullets_from_paragraphs_lists_and_a_role_table() {
    let doc = read_ok(docx(&resume_body(), &[]));
    assert_eq!(doc.format.as_str(), "docx");
    assert!(
        doc.source
            .contains("Northwind | Senior ML Engineer | Mar 2021 – Present"),
        "{}",
        doc.source
    );
    assert!(doc.source.contains("\n• Cut p99 latency"));
    assert_eq!(doc.roles.len(), 2, "{:#?}", doc.to_json()["roles"]);
    let r = &doc.roles[0];
    assert_eq!(r.company.as_ref().unwrap().text, "Northwind");
    assert_eq!(r.title.as_ref().unwrap().text, "Senior ML Engineer");
    assert_eq!(r.bullets.len(), 2);
    assert_eq!(doc.roles[1].company.as_ref().unwrap().text, "Contoso");
    assert_eq!(doc.roles[1].bullets.len(), 1);
    assert_eq!(doc.skills.len(), 2);
    // Lines point into the extracted text.
    let line = doc.line_of(&r.bullets[0]);
    assert_eq!(
        doc.lines.line_text(&doc.source, line),
        "• Cut p99 latency of the ranking service by 40% for 30M users"
    );
}

#[test]
fn tabs_breaks_hyperlinks_and_entities() {
    let body = concat!(
        r#"<w:p><w:r><w:t>Acme</w:t></w:r><w:r><w:tab/><w:t>2019</w:t></w:r></w:p>"#,
        r#"<w:p><w:pPr><w:tabs><w:tab w:val="right" w:pos="9000"/></w:tabs></w:pPr>"#,
        r#"<w:hyperlink><w:r><w:t>linked &amp; kept</w:t></w:r></w:hyperlink><w:r><w:br/><w:t>second&#x2013;line</w:t></w:r></w:p>"#,
    );
    let doc = read_ok(docx(body, &[]));
    assert_eq!(doc.source, "Acme\t2019\nlinked & kept\nsecond–line\n");
}

#[test]
fn tracked_deletions_and_field_codes_are_skipped() {
    let body = concat!(
        r#"<w:p><w:r><w:t xml:space="preserve">Grew revenue </w:t></w:r>"#,
        r#"<w:del><w:r><w:delText>by a lot </w:delText></w:r></w:del>"#,
        r#"<w:ins><w:r><w:t>by 20%</w:t></w:r></w:ins>"#,
        r#"<w:r><w:instrText> HYPERLINK "x" </w:instrText></w:r></w:p>"#,
        r#"<w:p><w:moveFrom><w:r><w:t>moved away</w:t></w:r></w:moveFrom></w:p>"#,
    );
    let doc = read_ok(docx(body, &[]));
    assert_eq!(doc.source, "Grew revenue by 20%\n\n");
}

#[test]
fn text_boxes_are_read_once() {
    // Word writes a text box twice: the DrawingML Choice and the VML
    // Fallback. Only one copy may reach the text.
    let box_content = format!("<w:txbxContent>{}</w:txbxContent>", p("Boxed headline"));
    let body = format!(
        r#"<w:p><w:r><w:t>Anchor</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>{box_content}</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox>{box_content}</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>{}"#,
        p("After")
    );
    let doc = read_ok(docx(&body, &[]));
    assert_eq!(doc.source, "Anchor\nBoxed headline\nAfter\n");
}

#[test]
fn headers_first_footers_last_without_page_numbers() {
    let hdr = |t: &str| format!(r#"<w:hdr {W_NS}>{}</w:hdr>"#, p(t));
    let ftr = |t: &str| format!(r#"<w:ftr {W_NS}>{}{}</w:ftr>"#, p(t), p("Page 1 of 2"));
    let (h1, h2, f1) = (
        hdr("Jordan Example"),
        hdr("Jordan Example"),
        ftr("jordan@example.com"),
    );
    let bytes = docx(
        &p("Body text"),
        &[
            ("word/footer1.xml", f1.as_str()),
            ("word/header2.xml", h2.as_str()),
            ("word/header1.xml", h1.as_str()),
        ],
    );
    let doc = read_ok(bytes);
    assert_eq!(
        doc.source,
        "Jordan Example\n\nBody text\n\njordan@example.com\n"
    );
}

#[test]
fn list_cell_keeps_its_header_on_the_row_and_its_bullets_as_lines() {
    let cell_a = format!(
        "{}{}{}{}",
        p("Northwind"),
        p("Senior Engineer"),
        bullet("Cut costs by 30%"),
        bullet("Hired 4 engineers")
    );
    let body = format!(
        "<w:tbl><w:tr>{}{}</w:tr></w:tbl>",
        cell(&cell_a),
        cell(&p("2019 – 2021"))
    );
    let doc = read_ok(docx(&body, &[]));
    assert_eq!(
        doc.source,
        "Northwind | Senior Engineer | 2019 – 2021\n• Cut costs by 30%\n• Hired 4 engineers\n"
    );
}

#[test]
fn a_zip_named_otherwise_is_read_when_it_holds_a_word_document() {
    let bytes = docx(&p("Hello"), &[]);
    let doc = extract_bytes(
        "cv.bin",
        "bin",
        bytes,
        &Lexicon::embedded(),
        &Limits::default(),
    )
    .expect("read");
    assert_eq!(doc.source, "Hello\n");
}

#[test]
fn other_zips_are_rejected() {
    let bytes = zip_of(&[("notes.txt", b"First Name\nJordan\n")]);
    let e = extract_bytes(
        "x.zip",
        "zip",
        bytes,
        &Lexicon::embedded(),
        &Limits::default(),
    )
    .unwrap_err();
    assert_eq!(
        e.message,
        "not a LinkedIn export: the ZIP holds no Positions.csv or Profile.csv"
    );
}

// ---------------------------------------------------------------------
// Bounds and broken files

#[test]
fn missing_document_part() {
    let bytes = zip_of(&[("word/styles.xml", b"<w:styles/>")]);
    assert_eq!(
        err(bytes, &Limits::default()),
        "not a DOCX: word/document.xml is missing"
    );
}

#[test]
fn too_many_members() {
    let limits = Limits {
        max_zip_members: 10,
        ..Limits::default()
    };
    let names: Vec<String> = (0..11).map(|i| format!("word/media/{i}.bin")).collect();
    let mut members: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b"x"[..])).collect();
    let doc = document_xml(&p("Hi"));
    members.push(("word/document.xml", doc.as_bytes()));
    assert_eq!(
        err(zip_of(&members), &limits),
        "too many members in the DOCX archive: 12, over the limit of 10"
    );
}

#[test]
fn default_member_limit_is_two_thousand() {
    let names: Vec<String> = (0..2000).map(|i| format!("m/{i}")).collect();
    let mut members: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b""[..])).collect();
    let doc = document_xml(&p("Hi"));
    members.push(("word/document.xml", doc.as_bytes()));
    assert_eq!(
        err(zip_of(&members), &Limits::default()),
        "too many members in the DOCX archive: 2001, over the limit of 2000"
    );
}

#[test]
fn compression_ratio_bomb() {
    // 4 MiB of one letter deflates about 1000:1.
    let body = p(&"a".repeat(4 * 1024 * 1024));
    let bytes = docx(&body, &[]);
    let e = err(bytes, &Limits::default());
    assert!(
        e.starts_with("suspicious DOCX: word/document.xml inflates ")
            && e.ends_with("over the compression ratio limit of 200:1 (a ZIP bomb?)"),
        "{e}"
    );
}

#[test]
fn member_size_limit() {
    let limits = Limits {
        max_member_bytes: 1000,
        ..Limits::default()
    };
    let body = (0..100)
        .map(|i| p(&format!("line {i}")))
        .collect::<String>();
    let e = err(docx(&body, &[]), &limits);
    assert!(
        e.starts_with("word/document.xml is too large: it declares ")
            && e.ends_with("bytes uncompressed, over the limit of 1000 bytes"),
        "{e}"
    );
}

#[test]
fn total_inflated_limit() {
    let limits = Limits {
        max_total_inflated: 3000,
        ..Limits::default()
    };
    // Two parts, each under the total alone, over it together.
    let header = format!(r#"<w:hdr {W_NS}>{}</w:hdr>"#, p(&"Jordan ".repeat(250)));
    let body = p(&"Body text ".repeat(150));
    let e = err(docx(&body, &[("word/header1.xml", &header)]), &limits);
    assert_eq!(
        e,
        "the DOCX is too large: its members inflate to more than 3000 bytes in total"
    );
}

#[test]
fn malformed_xml_names_the_part_and_byte() {
    let bytes = zip_of(&[("word/document.xml", b"<w:document><w:body><w:p></w:body>")]);
    let e = err(bytes, &Limits::default());
    assert!(
        e.starts_with("corrupt DOCX: malformed XML in word/document.xml at byte "),
        "{e}"
    );
    // A part cut short inside an element.
    let bytes = zip_of(&[("word/document.xml", b"<w:document><w:body><w:p>")]);
    assert_eq!(
        err(bytes, &Limits::default()),
        "corrupt DOCX: malformed XML in word/document.xml at byte 25"
    );
}

#[test]
fn truncated_files_fail_cleanly() {
    let bytes = docx(&resume_body(), &[]);
    for cut in [
        0,
        1,
        4,
        30,
        bytes.len() / 3,
        bytes.len() / 2,
        bytes.len() - 30,
        bytes.len() - 1,
    ] {
        let part = bytes[..cut].to_vec();
        match read(part, &Limits::default()) {
            Ok(d) => panic!("cut at {cut} was read: {}", d.source),
            Err(e) => assert!(
                e == "the file is empty" || e.starts_with("corrupt DOCX: "),
                "cut at {cut}: {e}"
            ),
        }
    }
}

#[test]
fn every_cut_and_flipped_byte_is_an_error_or_a_document_never_a_panic() {
    let bytes = docx(&resume_body(), &[]);
    let step = (bytes.len() / 97).max(1);
    for i in (0..bytes.len()).step_by(step) {
        let _ = read(bytes[..i].to_vec(), &Limits::default());
        let mut flipped = bytes.clone();
        flipped[i] ^= 0x5A;
        let _ = read(flipped, &Limits::default());
    }
}

#[test]
fn zip_encryption_flag() {
    use zip::unstable::write::FileOptionsExt;
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default()
        .with_deprecated_encryption(b"secret")
        .expect("options");
    w.start_file("word/document.xml", opts).expect("start");
    w.write_all(document_xml(&p("Hi")).as_bytes())
        .expect("write");
    let bytes = w.finish().expect("finish").into_inner();
    assert_eq!(
        err(bytes, &Limits::default()),
        "encrypted DOCX: remove the password and save again"
    );
}

/// The first bytes of an OLE2 compound file, with `stream` named in a
/// directory entry (UTF-16LE), as Office writes them.
fn ole_file(stream: &str) -> Vec<u8> {
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.resize(512, 0);
    bytes.extend(stream.encode_utf16().flat_map(u16::to_le_bytes));
    bytes.resize(1024, 0);
    bytes
}

#[test]
fn encrypted_ole_package() {
    assert_eq!(
        err(ole_file("EncryptedPackage"), &Limits::default()),
        "encrypted DOCX: remove the password and save again"
    );
}

#[test]
fn legacy_doc() {
    assert_eq!(
        err(ole_file("WordDocument"), &Limits::default()),
        "a legacy Word .doc file: save it as .docx"
    );
    // Whatever the file is named.
    let e = extract_bytes(
        "cv.doc",
        "doc",
        ole_file("WordDocument"),
        &Lexicon::embedded(),
        &Limits::default(),
    )
    .unwrap_err();
    assert_eq!(e.message, "a legacy Word .doc file: save it as .docx");
}

#[test]
fn not_a_zip_at_all() {
    let e = err(b"just some text".to_vec(), &Limits::default());
    assert!(
        e.starts_with("corrupt DOCX: not a readable ZIP archive"),
        "{e}"
    );
}

// ---------------------------------------------------------------------
// The command line

#[test]
fn extract_and_check_read_docx() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("resume.docx");
    std::fs::write(&path, docx(&resume_body(), &[])).expect("write");
    let out = common::storyline()
        .args(["extract"])
        .arg(&path)
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["format"], "docx");
    assert_eq!(v["roles"][0]["company"], "Northwind");
    assert_eq!(v["roles"][0]["start"], "2021-03");
    assert_eq!(v["roles"][0]["end"], "present");
    assert_eq!(v["roles"][0]["bullets"].as_array().unwrap().len(), 2);

    // A folder with a .docx in it is linted too.
    let out = common::storyline()
        .args(["check", "--format", "json", "--today", "2026-11"])
        .arg(dir.path())
        .output()
        .expect("run");
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["summary"]["files"], 1);
    assert_eq!(v["summary"]["errors"], 0);
}

#[test]
fn check_reports_a_legacy_doc_as_an_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("old.docx");
    std::fs::write(&path, ole_file("WordDocument")).expect("write");
    let out = common::storyline()
        .args(["check", "--format", "json"])
        .arg(&path)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert!(
        v["errors"][0]["message"]
            .as_str()
            .unwrap()
            .ends_with("a legacy Word .doc file: save it as .docx")
    );
}
