//! The rule registry: one line per rule, in catalogue order. It is the one
//! list `storyline rules` and `explain`, SARIF's rule metadata, the HTML
//! report's families and the README's rule table are read from (the
//! `registry` test holds the README, the docs and the fixtures to it), and
//! the one place that says which check runs a rule and when.

use super::{Context, RuleInfo};
use super::{consistency, levels, metrics, openers, proof, scope, suppression, unread};
use crate::analysis::Prepared;
use crate::diagnostic::Diagnostic;

/// A rule family: the letter its codes start with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    Metrics,
    Proof,
    Ownership,
    Scope,
    Level,
    Consistency,
    Suppressions,
}

impl Family {
    /// Every family, in catalogue order.
    pub const ALL: [Family; 7] = [
        Family::Metrics,
        Family::Proof,
        Family::Ownership,
        Family::Scope,
        Family::Level,
        Family::Consistency,
        Family::Suppressions,
    ];

    pub fn letter(self) -> &'static str {
        match self {
            Family::Metrics => "M",
            Family::Proof => "P",
            Family::Ownership => "O",
            Family::Scope => "S",
            Family::Level => "L",
            Family::Consistency => "C",
            Family::Suppressions => "X",
        }
    }

    /// The name reports show.
    pub fn title(self) -> &'static str {
        match self {
            Family::Metrics => "Metrics",
            Family::Proof => "Proof",
            Family::Ownership => "Ownership",
            Family::Scope => "Scope",
            Family::Level => "Level",
            Family::Consistency => "Consistency",
            Family::Suppressions => "Suppressions",
        }
    }

    /// The family of a code, by its letter.
    pub fn of(code: &str) -> Option<Family> {
        Family::ALL
            .into_iter()
            .find(|f| code.get(..1) == Some(f.letter()))
    }
}

/// Whether a rule is settled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Stable,
    Preview,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Stable => "stable",
            Status::Preview => "preview",
        }
    }
}

/// What a rule reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// One bullet at a time.
    Bullet,
    /// One document as a whole.
    Document,
    /// A resume against a LinkedIn profile.
    Pair,
    /// The resumes of one run together.
    Batch,
}

impl Scope {
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Bullet => "bullet",
            Scope::Document => "document",
            Scope::Pair => "pair",
            Scope::Batch => "batch",
        }
    }
}

/// A check over one document's prepared analysis.
pub type DocumentCheck = fn(&Context<'_>, &Prepared<'_>, &mut Vec<Diagnostic>);

/// Where a rule's check runs. Every runner asks the selection before it
/// runs a rule, so an unselected rule does no work.
#[derive(Clone, Copy)]
pub enum Runs {
    /// On each document, in registry order ([`super::check_and_assess`]).
    Document(DocumentCheck),
    /// In the cross-check of a resume with a profile
    /// ([`consistency::check_pair`]).
    Pair,
    /// Over a run's resumes ([`levels::VariantIndex`]).
    Batch,
    /// Where suppressions are applied ([`crate::suppress::apply`]).
    Suppressions,
}

/// One registered rule.
pub struct Rule {
    pub info: &'static RuleInfo,
    pub family: Family,
    pub status: Status,
    pub scope: Scope,
    pub runs: Runs,
}

const fn rule(
    info: &'static RuleInfo,
    family: Family,
    status: Status,
    scope: Scope,
    runs: Runs,
) -> Rule {
    Rule {
        info,
        family,
        status,
        scope,
        runs,
    }
}

use Family as F;
use Runs as R;
use Scope as S;
use Status::Stable;

/// Every rule, in catalogue order.
#[rustfmt::skip]
pub static RULES: &[Rule] = &[
    //   the rule (code, name, severity, docs)  family          status  scope         runs
    rule(&metrics::M001,                        F::Metrics,     Stable, S::Bullet,    R::Document(metrics::check_m001)),
    rule(&metrics::M002,                        F::Metrics,     Stable, S::Document,  R::Document(metrics::check_m002)),
    rule(&metrics::M003,                        F::Metrics,     Stable, S::Bullet,    R::Document(metrics::check_m003)),
    rule(&metrics::M004,                        F::Metrics,     Stable, S::Document,  R::Document(metrics::check_m004)),
    rule(&proof::P001,                          F::Proof,       Stable, S::Bullet,    R::Document(proof::check_p001)),
    rule(&proof::P002,                          F::Proof,       Stable, S::Bullet,    R::Document(proof::check_p002)),
    rule(&openers::O001,                        F::Ownership,   Stable, S::Bullet,    R::Document(openers::check_o001)),
    rule(&openers::O002,                        F::Ownership,   Stable, S::Document,  R::Document(openers::check_o002)),
    rule(&scope::S001,                          F::Scope,       Stable, S::Document,  R::Document(scope::check_s001)),
    rule(&scope::S002,                          F::Scope,       Stable, S::Document,  R::Document(scope::check_s002)),
    rule(&levels::L001,                         F::Level,       Stable, S::Document,  R::Document(levels::check_l001)),
    rule(&levels::L002,                         F::Level,       Stable, S::Document,  R::Document(levels::check_l002)),
    rule(&levels::L003,                         F::Level,       Stable, S::Batch,     R::Batch),
    rule(&consistency::C001,                    F::Consistency, Stable, S::Pair,      R::Pair),
    rule(&consistency::C002,                    F::Consistency, Stable, S::Pair,      R::Pair),
    rule(&consistency::C003,                    F::Consistency, Stable, S::Pair,      R::Pair),
    rule(&consistency::C004,                    F::Consistency, Stable, S::Pair,      R::Pair),
    rule(&consistency::C005,                    F::Consistency, Stable, S::Pair,      R::Pair),
    rule(&consistency::C006,                    F::Consistency, Stable, S::Pair,      R::Pair),
    rule(&consistency::C007,                    F::Consistency, Stable, S::Pair,      R::Pair),
    rule(&suppression::X001,                     F::Suppressions, Stable, S::Document, R::Suppressions),
    rule(&unread::X002,                         F::Suppressions, Stable, S::Document, R::Document(unread::check_x002)),
    rule(&suppression::X003,                     F::Suppressions, Stable, S::Document, R::Suppressions),
];

/// A registered rule by its exact code.
pub fn get(code: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.info.code == code)
}
