//! Findings, as every reporter receives them.

use serde::Serialize;

use crate::model::Document;
use crate::rule_info::RuleInfo;
use crate::source::{Span, Text};

pub use crate::rule_info::Severity;

/// A location in another file (or channel) that a finding refers to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Related {
    pub path: String,
    pub line: usize,
    pub message: String,
    /// The page of a PDF the related text stands on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
}

impl Related {
    /// The place where `text` of `doc` starts.
    pub fn at(doc: &Document, text: &Text, message: &str) -> Related {
        let offset = text.span().start;
        let (path, pos) = doc.locate(offset);
        let global_line = doc.lines.position(&doc.source, offset).line;
        Related {
            path: path.to_string(),
            line: pos.line,
            message: message.to_string(),
            page: doc.page_of_line(global_line),
        }
    }
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub code: &'static str,
    pub rule: &'static str,
    pub severity: Severity,
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub message: String,
    pub help: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Related>,
    /// The page of a PDF the finding stands on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// The source byte span, for reporters that quote the source.
    #[serde(skip)]
    pub span: Span,
    /// Suggested edits (`crate::fix`), alternatives of which the
    /// candidate picks one; empty for most findings.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fixes: Vec<Fix>,
}

/// Whether a fix keeps the meaning (`check --fix` applies it) or is a
/// choice only the candidate can make.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FixClass {
    Safe,
    Unsafe,
}

impl FixClass {
    pub fn as_str(self) -> &'static str {
        match self {
            FixClass::Safe => "safe",
            FixClass::Unsafe => "unsafe",
        }
    }
}

/// One suggested edit of the source: its replacements apply together.
/// Fields in alphabetical order, as the JSON output keeps its keys.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub class: FixClass,
    /// What the edit does and when to pick it.
    pub description: String,
    /// In source order, none overlapping.
    pub replacements: Vec<Replacement>,
}

/// New text for a span of the source. Lines and columns as a finding's
/// (1-based, columns in characters, the end exclusive); `start_byte` and
/// `end_byte` are offsets into the source file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Replacement {
    pub column: usize,
    pub end_byte: usize,
    pub end_column: usize,
    pub end_line: usize,
    pub line: usize,
    pub start_byte: usize,
    /// The new text, as it is written in the source (escaped for JSON).
    pub text: String,
}

impl Diagnostic {
    /// A finding on `range` of `text` (a text range, mapped to the source).
    pub fn on_text(doc: &Document, text: &Text, range: std::ops::Range<usize>) -> DiagnosticAt {
        // Text maps land on char boundaries inside the source (the fuzz
        // targets check it); clamping anyway keeps a future extractor slip
        // from becoming a panic in a reporter that slices the source.
        let raw = text.source_span(range.start, range.end);
        let clamp =
            |o: usize| crate::source::floor_char_boundary(&doc.source, o.min(doc.source.len()));
        let span = crate::source::Span::new(clamp(raw.start), clamp(raw.end).max(clamp(raw.start)));
        let (path, start) = doc.locate(span.start);
        let (_, end) = doc.locate(span.end);
        // Pages are per line of the whole extracted text (PDF only).
        let global_line = doc.lines.position(&doc.source, span.start).line;
        DiagnosticAt {
            span,
            field: text.field.clone(),
            path: path.to_string(),
            page: doc.page_of_line(global_line),
            start,
            end,
        }
    }

    /// The key reporters sort by: path, then position, then code.
    pub fn sort_key(&self) -> (&str, usize, usize, &str) {
        (&self.path, self.line, self.column, self.code)
    }
}

/// A location, ready to receive the rule and message.
pub struct DiagnosticAt {
    span: Span,
    field: Option<String>,
    path: String,
    page: Option<u32>,
    start: crate::source::Position,
    end: crate::source::Position,
}

impl DiagnosticAt {
    pub fn build(self, info: &RuleInfo, severity: Severity, message: String) -> Diagnostic {
        Diagnostic {
            code: info.code,
            rule: info.name,
            severity,
            path: self.path,
            line: self.start.line,
            column: self.start.column,
            end_line: self.end.line,
            end_column: self.end.column,
            message,
            help: info.help.to_string(),
            field: self.field,
            related: Vec::new(),
            page: self.page,
            span: self.span,
            fixes: Vec::new(),
        }
    }
}
