//! LinkedIn data exports: the ZIP LinkedIn sends (Basic or Complete, any
//! year) or its unpacked folder. Only the files the profile needs are read,
//! by header name, not position: Profile, Profile Summary, Positions,
//! Skills, Education, Projects, and the job-seeking files.

use std::path::Path;

use csv::ReaderBuilder;

use super::Limits;
use super::archive::BoundedZip;
use crate::date::{self, DatePoint};
use crate::error::InputError;
use crate::model::{Channel, Document, Format, Role, SourcePart};
use crate::source::{Span, Text};

/// The export files storyline reads, by base name (lowercase).
const WANTED: &[&str] = &[
    "profile.csv",
    "profile summary.csv",
    "positions.csv",
    "skills.csv",
    "education.csv",
    "projects.csv",
    "job applications.csv",
    "job seeker preferences.csv",
];

/// Whether these member or file names form a LinkedIn export.
pub fn is_export<'a>(names: impl IntoIterator<Item = &'a str>) -> bool {
    names
        .into_iter()
        .any(|n| matches!(base_name(n).as_str(), "positions.csv" | "profile.csv"))
}

fn base_name(name: &str) -> String {
    name.rsplit(['/', '\\'])
        .next()
        .unwrap_or(name)
        .to_lowercase()
}

/// One CSV file of the export: the name diagnostics use and its text.
struct Member {
    path: String,
    base: String,
    text: String,
}

/// Reads an export folder (possibly with the files one level down, as the
/// unpacked `Basic_LinkedInDataExport_*` folder has them).
pub fn from_folder(dir: &Path, display: &str, limits: &Limits) -> Result<Document, InputError> {
    let mut members = Vec::new();
    let mut total = 0u64;
    let mut visit = |path: &Path, rel: String| -> Result<(), InputError> {
        let base = base_name(&rel);
        if !WANTED.contains(&base.as_str()) {
            return Ok(());
        }
        let meta =
            std::fs::metadata(path).map_err(|e| InputError::new(display, format!("{rel}: {e}")))?;
        total += meta.len();
        // The archive limits, for the same files unpacked.
        if meta.len() > limits.max_member_bytes {
            return Err(InputError::new(
                display,
                format!(
                    "{rel} is too large: {} bytes, over the limit of {} bytes (raise it with `max-member-size`)",
                    meta.len(),
                    limits.max_member_bytes
                ),
            ));
        }
        if total > limits.max_total_inflated {
            return Err(InputError::new(
                display,
                format!(
                    "the LinkedIn export is too large: its files add up to more than {} bytes (raise it with `max-total-inflated`)",
                    limits.max_total_inflated
                ),
            ));
        }
        let bytes =
            std::fs::read(path).map_err(|e| InputError::new(display, format!("{rel}: {e}")))?;
        members.push(Member {
            path: format!("{}/{rel}", display.trim_end_matches('/')),
            base,
            text: decode(display, &rel, bytes)?,
        });
        Ok(())
    };
    for (path, rel) in list_dir(dir, 2) {
        visit(&path, rel)?;
    }
    if !is_export(members.iter().map(|m| m.base.as_str())) {
        return Err(InputError::new(
            display,
            "not a LinkedIn export: no Positions.csv or Profile.csv",
        ));
    }
    build(display, members)
}

/// Files below `dir` (to `depth` levels), as (path, relative name), sorted.
fn list_dir(dir: &Path, depth: usize) -> Vec<(std::path::PathBuf, String)> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    let mut entries: Vec<_> = entries.flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let name = e.file_name().to_string_lossy().into_owned();
        let Ok(ft) = e.file_type() else { continue };
        if ft.is_file() {
            out.push((e.path(), name));
        } else if ft.is_dir() && depth > 1 {
            for (p, rel) in list_dir(&e.path(), depth - 1) {
                out.push((p, format!("{name}/{rel}")));
            }
        }
    }
    out
}

/// Reads an export ZIP in memory, within the archive limits.
pub fn from_zip(display: &str, bytes: &[u8], limits: &Limits) -> Result<Document, InputError> {
    let mut zip = BoundedZip::open(display, "LinkedIn export", bytes, limits)?;
    let mut members = Vec::new();
    let mut names = zip.names();
    names.sort();
    for name in names {
        let base = base_name(&name);
        if !WANTED.contains(&base.as_str()) {
            continue;
        }
        let text = zip.read_text(&name)?;
        members.push(Member {
            path: format!("{display}!{name}"),
            base,
            text,
        });
    }
    if !is_export(members.iter().map(|m| m.base.as_str())) {
        return Err(InputError::new(
            display,
            "not a LinkedIn export: the ZIP holds no Positions.csv or Profile.csv",
        ));
    }
    build(display, members)
}

fn decode(display: &str, rel: &str, bytes: Vec<u8>) -> Result<String, InputError> {
    let bytes = match bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        Some(b) => b.to_vec(),
        None => bytes,
    };
    String::from_utf8(bytes)
        .map_err(|_| InputError::new(display, format!("{rel} is not UTF-8 text")))
}

/// A parsed CSV: header names (lowercase) and rows of (field values, the
/// row's span in the document source).
struct Table {
    headers: Vec<String>,
    rows: Vec<(Vec<String>, Span)>,
}

impl Table {
    fn col(&self, names: &[&str]) -> Option<usize> {
        names
            .iter()
            .find_map(|n| self.headers.iter().position(|h| h == n))
    }
}

/// Parses one member whose text starts at `offset` in the document.
fn parse_table(display: &str, member: &Member, offset: usize) -> Result<Table, InputError> {
    // Some exports open with a "Notes:" paragraph before the header row.
    let skip = if member.text.starts_with("Notes:") {
        blank_line_end(&member.text).unwrap_or(0)
    } else {
        0
    };
    let body = &member.text[skip..];
    let mut reader = ReaderBuilder::new()
        .flexible(true)
        .has_headers(true)
        .from_reader(body.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| {
            InputError::new(
                display,
                format!("{}: unreadable CSV header: {e}", member.path),
            )
        })?
        .iter()
        .map(|h| h.trim().trim_start_matches('\u{feff}').to_lowercase())
        .collect();
    let mut rows = Vec::new();
    loop {
        // Where the reader stands is where the next row starts, but after
        // a CRLF it stands on the LF: step over line ends.
        let mut start = reader.position().byte() as usize + skip;
        while matches!(member.text.as_bytes().get(start), Some(b'\n' | b'\r')) {
            start += 1;
        }
        let mut record = csv::StringRecord::new();
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                return Err(InputError::new(
                    display,
                    format!("{}: malformed CSV: {e}", member.path),
                ));
            }
        }
        // The row's first line is what a diagnostic underlines.
        let line_end = member.text[start..]
            .find('\n')
            .map_or(member.text.len(), |i| start + i);
        rows.push((
            record.iter().map(|f| f.trim().to_string()).collect(),
            Span::new(offset + start, offset + before_cr(&member.text, line_end)),
        ));
    }
    Ok(Table { headers, rows })
}

/// Where the text after the first blank line starts (LF or CRLF).
fn blank_line_end(text: &str) -> Option<usize> {
    let lf = text.find("\n\n").map(|i| i + 2);
    let crlf = text.find("\r\n\r\n").map(|i| i + 4);
    match (lf, crlf) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// `end`, stepped back over a '\r' before it.
fn before_cr(text: &str, end: usize) -> usize {
    if end > 0 && text.as_bytes().get(end - 1) == Some(&b'\r') {
        end - 1
    } else {
        end
    }
}

fn field(row: &(Vec<String>, Span), col: Option<usize>, name: &str) -> Option<Text> {
    let v = row.0.get(col?)?.trim();
    (!v.is_empty()).then(|| Text::opaque(v.to_string(), row.1, Some(name.to_string())))
}

fn build(display: &str, members: Vec<Member>) -> Result<Document, InputError> {
    // One source text: the members one after another, each a part.
    let mut source = String::new();
    let mut parts = Vec::new();
    let mut tables = Vec::new();
    for m in &members {
        let start = source.len();
        parts.push(SourcePart {
            path: m.path.clone(),
            start,
        });
        source.push_str(&m.text);
        if !source.ends_with('\n') {
            source.push('\n');
        }
        tables.push((m.base.clone(), parse_table(display, m, start)?));
    }
    let mut doc = Document::new(display, Format::LinkedinExport, source);
    doc.channel = Channel::Linkedin;
    doc.parts = parts;
    let table = |base: &str| tables.iter().find(|(b, _)| b == base).map(|(_, t)| t);

    if let Some(t) = table("profile.csv")
        && let Some(row) = t.rows.first()
    {
        let first = field(row, t.col(&["first name"]), "First Name");
        let last = field(row, t.col(&["last name"]), "Last Name");
        doc.name = match (first, last) {
            (Some(f), Some(l)) => Some(Text::opaque(
                format!("{} {}", f.text, l.text),
                row.1,
                Some("Name".into()),
            )),
            (f, l) => f.or(l),
        };
        doc.headline = field(row, t.col(&["headline"]), "Headline");
        doc.summary = field(row, t.col(&["summary"]), "Summary");
    }
    if doc.summary.is_none()
        && let Some(t) = table("profile summary.csv")
    {
        doc.summary = t.rows.first().and_then(|row| {
            field(
                row,
                t.col(&["profile summary", "summary"]),
                "Profile Summary",
            )
        });
    }
    if let Some(t) = table("positions.csv") {
        doc.roles = entries(
            t,
            &["company name", "company"],
            &["title"],
            &["started on", "start date"],
            &["finished on", "end date"],
        );
    }
    if let Some(t) = table("projects.csv") {
        doc.projects = entries(
            t,
            &["url"],
            &["title"],
            &["started on", "start date"],
            &["finished on", "end date"],
        );
    }
    if let Some(t) = table("skills.csv") {
        let c = t.col(&["name", "skill"]);
        doc.skills = t
            .rows
            .iter()
            .filter_map(|r| field(r, c, "Skills"))
            .collect();
    }
    if let Some(t) = table("education.csv") {
        let c = t.col(&["school name", "school"]);
        doc.education = t
            .rows
            .iter()
            .filter_map(|r| field(r, c, "School Name"))
            .collect();
    }
    if let Some(t) = table("job applications.csv") {
        let c = t.col(&["job title"]);
        doc.target_titles
            .extend(t.rows.iter().filter_map(|r| field(r, c, "Job Title")));
    }
    if let Some(t) = table("job seeker preferences.csv") {
        let c = t.col(&["job titles", "preferred job titles"]);
        for r in &t.rows {
            if let Some(titles) = field(r, c, "Job Titles") {
                for one in titles
                    .text
                    .split([',', ';', '|'])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                {
                    doc.target_titles.push(Text::opaque(
                        one.to_string(),
                        r.1,
                        Some("Job Titles".into()),
                    ));
                }
            }
        }
    }
    Ok(doc)
}

/// Rows of Positions.csv (or Projects.csv) as roles. The description is
/// split into bullets: one per line or per "•" item.
fn entries(t: &Table, company: &[&str], title: &[&str], start: &[&str], end: &[&str]) -> Vec<Role> {
    let (cc, tc, sc, ec) = (t.col(company), t.col(title), t.col(start), t.col(end));
    let dc = t.col(&["description"]);
    let lc = t.col(&["location"]);
    let date_of = |row: &(Vec<String>, Span), c: Option<usize>| {
        c.and_then(|c| row.0.get(c)).and_then(|v| {
            date::parse_point(v.trim()).or_else(|| date::find_range(v).and_then(|r| r.start))
        })
    };
    t.rows
        .iter()
        .map(|row| {
            let start = date_of(row, sc);
            let end = date_of(row, ec).or_else(|| {
                // An empty "Finished On" is a current role.
                start.map(|_| DatePoint::Present)
            });
            let header = Text::opaque(row.0.first().cloned().unwrap_or_default(), row.1, None);
            let bullets = dc
                .and_then(|c| row.0.get(c))
                .map(|d| split_description(d, row.1))
                .unwrap_or_default();
            Role {
                company: field(row, cc, "Company Name"),
                title: field(row, tc, "Title"),
                location: field(row, lc, "Location"),
                start,
                end,
                header,
                bullets,
                dates_reversed: false,
            }
        })
        .collect()
}

/// A description's items: its lines, or its "•" items when it has them.
fn split_description(d: &str, span: Span) -> Vec<Text> {
    let items: Vec<&str> = if d.contains('•') {
        d.split('•').collect()
    } else {
        d.lines().collect()
    };
    items
        .into_iter()
        .map(|s| s.trim().trim_start_matches(['-', '*', '–', '·']).trim())
        .filter(|s| s.chars().filter(|c| c.is_alphanumeric()).count() >= 3)
        .map(|s| Text::opaque(s.to_string(), span, Some("Description".into())))
        .collect()
}
