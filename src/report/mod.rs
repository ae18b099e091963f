//! Reporters: one file per output format.

pub mod human;
pub mod json;
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
}
