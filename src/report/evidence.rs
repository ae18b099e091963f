//! What each document evidences role by role, and how its roles line up
//! with the other channel's: the data behind the HTML report's charts,
//! which the findings alone do not carry.

use crate::align::Aligned;
use crate::assess::Assessment;
use crate::rubric::{Rubric, ScopeTier};

/// One document's evidence (parallel to `Outcome::documents`).
#[derive(Debug, Clone)]
pub struct Evidence {
    /// The document against the level rubric, with per-role scope tiers and
    /// quantified shares.
    pub assessment: Assessment,
    /// The scope tier the target level expects, when there is a target.
    pub expected_scope: Option<ScopeTier>,
    /// For a resume: its roles aligned with each profile it was
    /// cross-checked against.
    pub alignments: Vec<Alignment>,
}

/// A resume's roles aligned with one LinkedIn profile's.
#[derive(Debug, Clone)]
pub struct Alignment {
    /// The profile's path (as in `Document::path`).
    pub profile: String,
    pub roles: Vec<Aligned>,
}

impl Evidence {
    pub fn new(assessment: Assessment, rubric: &Rubric, alignments: Vec<Alignment>) -> Self {
        Evidence {
            expected_scope: assessment.target.map(|(l, _)| rubric.levels[l].scope),
            assessment,
            alignments,
        }
    }
}
