//! The document model every extractor produces and every rule reads.

use serde::Serialize;

use crate::date::DatePoint;
use crate::source::{LineIndex, Text};

/// The input format a document was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    Markdown,
    Text,
    JsonResume,
    /// Word: diagnostics point into the extracted text.
    Docx,
    /// LaTeX source: diagnostics point into the `.tex` file.
    Latex,
    /// A LinkedIn data export (ZIP or folder of CSV files).
    LinkedinExport,
    /// PDF: diagnostics point into the extracted text and name the page.
    Pdf,
    /// A LinkedIn "Save to PDF" profile: as a PDF, read as a profile.
    LinkedinPdf,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Markdown => "markdown",
            Format::Text => "text",
            Format::JsonResume => "json-resume",
            Format::Docx => "docx",
            Format::Latex => "latex",
            Format::LinkedinExport => "linkedin-export",
            Format::Pdf => "pdf",
            Format::LinkedinPdf => "linkedin-pdf",
        }
    }

    /// Whether diagnostics can point into the source file itself.
    pub fn is_source_text(self) -> bool {
        !matches!(self, Format::Docx | Format::Pdf | Format::LinkedinPdf)
    }
}

/// Which channel a document tells the story on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Channel {
    Resume,
    Linkedin,
}

/// One role (a position held at an employer).
#[derive(Debug, Clone, Default)]
pub struct Role {
    pub company: Option<Text>,
    pub title: Option<Text>,
    pub location: Option<Text>,
    pub start: Option<DatePoint>,
    pub end: Option<DatePoint>,
    /// The header text (or the whole entry for structured sources): what a
    /// role-level diagnostic points at.
    pub header: Text,
    pub bullets: Vec<Text>,
    /// The source states an end before the start (compared at month
    /// precision, a year alone matching any month of it). Extractors
    /// keep the dates as written — a linter must not silently repair
    /// them — and [`Document::flag_reversed_dates`] sets this, so that
    /// every consumer can tell "start > end" was the source's doing.
    pub dates_reversed: bool,
}

impl Role {
    /// Whether both dates are points in time and the end precedes the
    /// start at month precision ("2020" neither precedes nor follows
    /// "Mar 2020").
    pub fn end_precedes_start(&self) -> bool {
        match (self.start, self.end) {
            (Some(DatePoint::At(s)), Some(DatePoint::At(e))) => {
                e.year < s.year
                    || (e.year == s.year
                        && matches!((s.month, e.month), (Some(sm), Some(em)) if em < sm))
            }
            _ => false,
        }
    }
}

/// A project entry: bullets are linted like a role's, but it is no job.
pub type Project = Role;

/// A document as storyline understands it.
#[derive(Debug, Clone)]
pub struct Document {
    /// The path as the user gave it.
    pub path: String,
    pub format: Format,
    pub channel: Channel,
    /// The source text diagnostics point into.
    pub source: String,
    pub lines: LineIndex,
    pub name: Option<Text>,
    pub headline: Option<Text>,
    pub summary: Option<Text>,
    pub roles: Vec<Role>,
    pub projects: Vec<Project>,
    pub skills: Vec<Text>,
    pub education: Vec<Text>,
    /// Bullets that stand in an experience section but could not be
    /// attached to a recognisable role: still linted, never dropped.
    pub loose_bullets: Vec<Text>,
    /// The lines of sections that list what the candidate belonged to
    /// without a job there (activities, volunteering): organisations
    /// named, not roles.
    pub activities: Vec<Text>,
    /// Inline suppression comments found in the source.
    pub suppressions: Vec<Suppression>,
    /// For a document read from several files (a LinkedIn export), where
    /// each file's text starts in `source`; empty for one-file documents.
    pub parts: Vec<SourcePart>,
    /// Titles the candidate applies for or targets (LinkedIn job-seeking
    /// files), for the level rules.
    pub target_titles: Vec<Text>,
    /// For text extracted from pages (PDF): the 1-based page of each line
    /// of `source`, indexed by line - 1. Empty when pages do not apply.
    pub pages: Vec<u32>,
}

/// One file of a multi-file document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourcePart {
    /// The path diagnostics name: `export.zip!Positions.csv`.
    pub path: String,
    /// Where the file's text starts in the document's `source`.
    pub start: usize,
}

/// An inline `storyline-disable` comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    /// 1-based source lines the suppression covers (inclusive).
    pub lines: (usize, usize),
    /// Rule codes or prefixes; empty means every rule.
    pub codes: Vec<String>,
    pub reason: Option<String>,
    /// Where the comment stands.
    pub line: usize,
    /// A comment that starts like a directive but is not one (a misspelled
    /// `storyline-disabel-next-line`): the word as written. Such a comment
    /// silences nothing and is reported (X003).
    pub bad_directive: Option<String>,
}

impl Document {
    /// Drops the model (roles, bullets, skills, ...) once a document is
    /// linted, keeping what reporters quote: the path, the source and its
    /// line and page index.
    pub fn strip_model(&mut self) {
        self.name = None;
        self.headline = None;
        self.summary = None;
        self.roles = Vec::new();
        self.projects = Vec::new();
        self.skills = Vec::new();
        self.education = Vec::new();
        self.loose_bullets = Vec::new();
        self.activities = Vec::new();
        self.target_titles = Vec::new();
        self.suppressions = Vec::new();
    }

    pub fn new(path: &str, format: Format, source: String) -> Self {
        Document {
            path: path.to_string(),
            format,
            channel: Channel::Resume,
            lines: LineIndex::new(&source),
            source,
            name: None,
            headline: None,
            summary: None,
            roles: Vec::new(),
            projects: Vec::new(),
            skills: Vec::new(),
            education: Vec::new(),
            loose_bullets: Vec::new(),
            activities: Vec::new(),
            suppressions: Vec::new(),
            parts: Vec::new(),
            target_titles: Vec::new(),
            pages: Vec::new(),
        }
    }

    /// The file and 1-based position of a source offset: for multi-file
    /// documents, within the part that holds it.
    pub fn locate(&self, offset: usize) -> (&str, crate::source::Position) {
        let pos = self.lines.position(&self.source, offset);
        let Some(part) = self.parts.iter().rev().find(|p| p.start <= offset) else {
            return (&self.path, pos);
        };
        let first = self.lines.position(&self.source, part.start).line;
        (
            &part.path,
            crate::source::Position {
                line: pos.line - first + 1,
                column: pos.column,
            },
        )
    }

    /// The text of a 1-based line of `path` (this document or one of its
    /// parts), for reporters that quote the source.
    pub fn line_text(&self, path: &str, line: usize) -> Option<&str> {
        if path == self.path && self.parts.is_empty() {
            return Some(self.lines.line_text(&self.source, line));
        }
        let part = self.parts.iter().find(|p| p.path == path)?;
        let first = self.lines.position(&self.source, part.start).line;
        Some(self.lines.line_text(&self.source, first + line - 1))
    }

    /// Whether diagnostics with this path belong to this document.
    pub fn owns_path(&self, path: &str) -> bool {
        self.path == path || self.parts.iter().any(|p| p.path == path)
    }

    /// The page a 1-based line of `source` stands on, where known.
    pub fn page_of_line(&self, line: usize) -> Option<u32> {
        self.pages.get(line.checked_sub(1)?).copied()
    }

    /// Every bullet of the document with the role it belongs to, if any.
    pub fn all_bullets(&self) -> impl Iterator<Item = (Option<&Role>, &Text)> {
        self.roles
            .iter()
            .chain(&self.projects)
            .flat_map(|r| r.bullets.iter().map(move |b| (Some(r), b)))
            .chain(self.loose_bullets.iter().map(|b| (None, b)))
    }

    /// Sets [`Role::dates_reversed`] on every role and project whose end
    /// precedes its start. Every extraction entry point calls it.
    pub fn flag_reversed_dates(&mut self) {
        for r in self.roles.iter_mut().chain(self.projects.iter_mut()) {
            r.dates_reversed = r.end_precedes_start();
        }
    }

    /// The 1-based source line a text starts on.
    pub fn line_of(&self, text: &Text) -> usize {
        self.locate(text.span().start).1.line
    }

    /// The model as the JSON object `storyline extract` prints.
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::{Value, json};
        let t = |t: &Option<Text>| t.as_ref().map_or(Value::Null, |t| json!(t.text));
        let role = |r: &Role| {
            let mut v = json!({
                "company": t(&r.company),
                "title": t(&r.title),
                "start": r.start.map(|d| d.to_string()),
                "end": r.end.map(|d| d.to_string()),
                "location": t(&r.location),
                "line": self.line_of(&r.header),
                "bullets": r.bullets.iter().map(|b| b.text.as_str()).collect::<Vec<_>>(),
            });
            if r.dates_reversed {
                v["dates_reversed"] = json!(true);
            }
            v
        };
        let mut out = json!({
            "path": self.path,
            "format": self.format.as_str(),
            "channel": self.channel,
            "text": self.source,
            "name": t(&self.name),
            "headline": t(&self.headline),
            "summary": t(&self.summary),
            "roles": self.roles.iter().map(role).collect::<Vec<_>>(),
            "projects": self.projects.iter().map(role).collect::<Vec<_>>(),
            "skills": self.skills.iter().map(|s| s.text.as_str()).collect::<Vec<_>>(),
            "education": self.education.iter().map(|s| s.text.as_str()).collect::<Vec<_>>(),
            "loose_bullets": self.loose_bullets.iter().map(|s| s.text.as_str()).collect::<Vec<_>>(),
        });
        if !self.pages.is_empty() {
            // The page of every line of "text", for readers that split it.
            out["line_pages"] = json!(self.pages);
        }
        out
    }
}
