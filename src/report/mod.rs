//! Reporters: one file per output format.

pub mod evidence;
pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod sarif;
pub mod scorecard;

use crate::diagnostic::Diagnostic;
use crate::error::InputError;
use crate::model::Document;

/// Everything a check produced, in a deterministic order.
pub struct Outcome {
    /// Documents that were read, in input order.
    pub documents: Vec<Document>,
    /// Findings, sorted by path, line, column and code.
    pub diagnostics: Vec<Diagnostic>,
    /// Inputs that could not be read.
    pub errors: Vec<InputError>,
    /// How many inputs were given.
    pub files: usize,
    /// Per document read, its scorecard (same order as `documents`).
    pub scorecards: Vec<scorecard::Scorecard>,
    /// Findings that suppressions silenced (with `--report-suppressed`).
    pub suppressed: Vec<crate::suppress::Suppressed>,
    /// Run-level remarks, such as config suppressions that matched nothing.
    pub notes: Vec<String>,
    /// Per document (same order as `documents`): per-role evidence and
    /// aligned roles, for the HTML report.
    pub evidence: Vec<evidence::Evidence>,
    /// The month "Present" and "recent" were measured from.
    pub today: crate::date::YearMonth,
}

impl Outcome {
    /// A run over `files` inputs that has found nothing yet.
    pub fn new(files: usize, today: crate::date::YearMonth) -> Self {
        Outcome {
            documents: Vec::new(),
            diagnostics: Vec::new(),
            errors: Vec::new(),
            files,
            scorecards: Vec::new(),
            suppressed: Vec::new(),
            notes: Vec::new(),
            evidence: Vec::new(),
            today,
        }
    }
}

/// Findings counted by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub error: usize,
    pub warning: usize,
    pub info: usize,
}

impl Counts {
    pub fn of_all<'a>(diags: impl IntoIterator<Item = &'a crate::diagnostic::Diagnostic>) -> Self {
        let mut c = Counts::default();
        for d in diags {
            c.add(d.severity);
        }
        c
    }

    pub fn add(&mut self, s: crate::diagnostic::Severity) {
        use crate::diagnostic::Severity;
        match s {
            Severity::Error => self.error += 1,
            Severity::Warning => self.warning += 1,
            Severity::Info => self.info += 1,
        }
    }

    pub fn of(&self, s: crate::diagnostic::Severity) -> usize {
        use crate::diagnostic::Severity;
        match s {
            Severity::Error => self.error,
            Severity::Warning => self.warning,
            Severity::Info => self.info,
        }
    }

    pub fn total(&self) -> usize {
        self.error + self.warning + self.info
    }
}

/// Everything a report says after the findings, for reporters that write
/// findings as they come (a streamed batch) and for whole outcomes alike.
pub struct Tail<'a> {
    pub errors: &'a [crate::error::InputError],
    pub suppressed: &'a [crate::suppress::Suppressed],
    pub notes: &'a [String],
    pub scorecards: &'a [scorecard::Scorecard],
    pub counts: Counts,
    pub files: usize,
}

impl<'a> Tail<'a> {
    pub fn of(outcome: &'a Outcome) -> Self {
        Tail {
            errors: &outcome.errors,
            suppressed: &outcome.suppressed,
            notes: &outcome.notes,
            scorecards: &outcome.scorecards,
            counts: Counts::of_all(&outcome.diagnostics),
            files: outcome.files,
        }
    }
}

/// Every path a finding can name (a document's, or one of its parts'),
/// to the document's index.
pub fn path_owners(docs: &[crate::model::Document]) -> std::collections::HashMap<&str, usize> {
    let mut map = std::collections::HashMap::with_capacity(docs.len());
    for (i, doc) in docs.iter().enumerate() {
        map.insert(doc.path.as_str(), i);
        for part in &doc.parts {
            map.insert(part.path.as_str(), i);
        }
    }
    map
}
