//! X001: an inline or config suppression that matched no finding.

use super::comment_line;
use crate::config::SuppressEntry;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Document;
use crate::rules::{RuleInfo, diag};

pub static X001: RuleInfo = RuleInfo {
    code: "X001",
    name: "unused-suppression",
    severity: Severity::Info,
    summary: "a suppression comment or config entry that matched no finding",
    help: "remove the suppression: the finding it silenced is gone",
    docs: r#"## What it does
Reports a `storyline-disable` comment or a `[[suppress]]` config entry that
silenced nothing in this run, so that stale suppressions do not pile up.
Suppressions of rules that did not run (see `--select`) are not reported.

## Why it matters
A suppression outlives the bullet it was written for; left in place it can
hide a new finding on a rewritten line.

## Example
```markdown
<!-- storyline-disable-next-line O001 -->
- Led the migration of the feature store
```

## How to fix it
Delete the comment or the config entry.
"#,
};

/// X001 on each inline suppression that matched no finding (by index in
/// `doc.suppressions`, with the codes it covers: none for all rules).
pub fn check_x001(doc: &Document, stale: &[(usize, &[String])], out: &mut Vec<Diagnostic>) {
    for (i, codes) in stale {
        let (text, len) = comment_line(doc, *i);
        let what = if codes.is_empty() {
            "all rules".to_string()
        } else {
            codes.join(", ")
        };
        out.push(diag(
            &X001,
            doc,
            &text,
            0..len,
            format!("this suppression of {what} matched no finding"),
        ));
    }
}

/// X001 on a `[[suppress]]` config entry that matched no finding: at its
/// header, line `line` of the config file (`width` characters wide).
pub fn x001_entry(e: &SuppressEntry, config_name: &str, line: usize, width: usize) -> Diagnostic {
    Diagnostic {
        code: X001.code,
        rule: X001.name,
        severity: X001.severity,
        path: config_name.to_string(),
        line,
        column: 1,
        end_line: line,
        end_column: width + 1,
        message: format!(
            "this [[suppress]] entry ({} in {}, '{}') matched no finding",
            e.rule, e.path, e.text
        ),
        help: X001.help.to_string(),
        field: None,
        related: Vec::new(),
        page: None,
        span: crate::source::Span::new(0, 0),
        fixes: Vec::new(),
    }
}
