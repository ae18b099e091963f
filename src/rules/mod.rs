//! The rules. One folder per rule family, one file per rule holding its
//! metadata, documentation and check; [`registry`] lists them all and
//! [`check_and_assess`] runs the selected ones over a document's analysis.

pub mod consistency;
pub mod levels;
pub mod metrics;
pub mod openers;
pub mod proof;
pub mod registry;
pub mod scope;
pub mod suppression;
pub mod unread;

use crate::analysis::Prepared;
use crate::assess::{Assessment, TargetSource};
use crate::date::YearMonth;
use crate::diagnostic::Diagnostic;
use crate::lexicon::Lexicon;
use crate::model::Document;
use crate::rubric::Rubric;
use crate::source::Text;

pub use crate::rule_info::{RuleInfo, Selection};

/// Every rule, in catalogue order.
pub fn all() -> impl Iterator<Item = &'static RuleInfo> {
    registry::RULES.iter().map(|r| r.info)
}

/// A code or code prefix as selection reads it: a rule name (as `explain`
/// takes it) becomes its code, anything else is trimmed and upper-cased.
pub fn code_of(key: &str) -> String {
    let k = key.trim();
    match all().find(|r| r.name.eq_ignore_ascii_case(k)) {
        Some(r) => r.code.to_string(),
        None => k.to_uppercase(),
    }
}

/// Whether `code` (as `code_of` gives it) is a rule code or a prefix of one.
pub fn is_code_or_prefix(code: &str) -> bool {
    all().any(|r| r.code.starts_with(code))
}

/// A rule by code (case-insensitive) or name.
pub fn find(key: &str) -> Option<&'static RuleInfo> {
    let k = key.trim();
    all().find(|r| r.code.eq_ignore_ascii_case(k) || r.name.eq_ignore_ascii_case(k))
}

/// Everything a rule may read.
pub struct Context<'a> {
    pub lexicon: &'a Lexicon,
    pub rubric: &'a Rubric,
    pub today: YearMonth,
    pub selection: &'a Selection,
    /// The target level given by `--target` or config, if any.
    pub target: Option<(usize, TargetSource)>,
}

/// Runs every enabled rule over one document.
pub fn check_document(cx: &Context<'_>, doc: &Document) -> Vec<Diagnostic> {
    check_and_assess(cx, doc).0
}

/// Runs the rules and returns the level assessment too (for reporters).
pub fn check_and_assess(cx: &Context<'_>, doc: &Document) -> (Vec<Diagnostic>, Assessment) {
    let prepared = Prepared::new(doc, cx.lexicon, cx.rubric, cx.today, cx.target);
    let mut out = Vec::new();
    for rule in registry::RULES {
        if let registry::Runs::Document(check) = rule.runs
            && cx.selection.enabled(rule.info.code)
        {
            check(cx, &prepared, &mut out);
        }
    }
    (out, prepared.assessment)
}

/// The level assessment alone, for documents that are only cross-checked
/// (a `--profile`), whose rules do not run.
pub fn assess_document(cx: &Context<'_>, doc: &Document) -> Assessment {
    Prepared::new(doc, cx.lexicon, cx.rubric, cx.today, cx.target).assessment
}

/// Builds a finding with the rule's default severity.
pub fn diag(
    info: &RuleInfo,
    doc: &Document,
    text: &Text,
    range: std::ops::Range<usize>,
    message: String,
) -> Diagnostic {
    Diagnostic::on_text(doc, text, range).build(info, info.severity, message)
}

/// A finding on the document's first line, for what has no text to point at.
pub fn diag_at_start(info: &RuleInfo, doc: &Document, message: String) -> Diagnostic {
    let first = doc.source.lines().next().unwrap_or("");
    let text = Text::verbatim(first, 0);
    diag(info, doc, &text, 0..first.len(), message)
}

/// A short quotation of a text for messages.
pub fn quote(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let cut: String = s.chars().take(max).collect();
        format!("{}…", cut.trim_end())
    }
}
