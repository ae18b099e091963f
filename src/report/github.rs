//! `--format github`: GitHub Actions workflow commands, one annotation per
//! finding (`::warning file=...,line=...::message`).

use std::fmt::Write;

use super::Outcome;
use crate::diagnostic::Severity;

/// Escapes a command's message (data).
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command property value: data escapes plus `:` and `,`.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn render(outcome: &Outcome) -> String {
    let mut out = String::new();
    for d in &outcome.diagnostics {
        push_finding(&mut out, d);
    }
    push_tail(&mut out, &outcome.errors);
    out
}

/// One finding's annotation.
pub fn push_finding(out: &mut String, d: &crate::diagnostic::Diagnostic) {
    let command = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    };
    let _ = writeln!(
        out,
        "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
        escape_property(&d.path),
        d.line,
        d.column,
        d.end_line,
        d.end_column,
        escape_property(&format!("{} {}", d.code, d.rule)),
        escape_data(&format!("{}\nhelp: {}", d.message, d.help))
    );
}

/// The unreadable inputs, after the findings.
pub fn push_tail(out: &mut String, errors: &[crate::error::InputError]) {
    for e in errors {
        let _ = writeln!(
            out,
            "::error file={},title=unreadable input::{}",
            escape_property(&e.path),
            escape_data(&e.message)
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_workflow_command_syntax() {
        assert_eq!(escape_data("50% done\r\nnext"), "50%25 done%0D%0Anext");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
