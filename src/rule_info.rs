//! What a rule is, apart from its check: its code, name, default severity
//! and docs, and which rules a run selects. Below every stage, so findings,
//! suppressions, reports and the CLI may all name rules without reaching
//! into the rules.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        match s.trim().to_ascii_lowercase().as_str() {
            "info" => Some(Severity::Info),
            "warning" | "warn" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

/// What a rule is: its stable code, name, default severity and docs.
#[derive(Debug)]
pub struct RuleInfo {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    /// One line: what the rule flags.
    pub summary: &'static str,
    /// The default help text attached to every finding.
    pub help: &'static str,
    /// Markdown: what it does, why it matters, an example, how to fix it.
    pub docs: &'static str,
}

/// Which rules run, from `--select` and `--ignore` (codes or prefixes).
#[derive(Debug, Clone, Default)]
pub struct Selection {
    pub select: Vec<String>,
    pub ignore: Vec<String>,
}

impl Selection {
    pub fn enabled(&self, code: &str) -> bool {
        let matches = |list: &[String]| list.iter().any(|p| code.starts_with(p.as_str()));
        let selected = self.select.is_empty() || matches(&self.select);
        // A more specific select wins over a broader ignore ("--ignore M --select M001").
        let ignored = self.ignore.iter().any(|i| {
            code.starts_with(i.as_str())
                && !self
                    .select
                    .iter()
                    .any(|s| code.starts_with(s.as_str()) && s.len() > i.len())
        });
        selected && !ignored
    }
}
