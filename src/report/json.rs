//! `--format json`: one object, as the output contract in DESIGN.md.
//!
//! Written straight from the findings (no intermediate `serde_json::Value`
//! per finding: that tree was a tenth of a 962-resume run). Keys stay in
//! alphabetical order, as the output has always had them.

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};
use serde_json::{Value, json};

use super::Outcome;
use crate::diagnostic::{Diagnostic, Related};

pub fn render(outcome: &Outcome) -> String {
    let mut out = String::with_capacity(512 * outcome.diagnostics.len() + 4096);
    out.push_str(HEAD);
    for (i, d) in outcome.diagnostics.iter().enumerate() {
        push_finding(&mut out, d, i == 0);
    }
    push_tail(
        &mut out,
        &super::Tail::of(outcome),
        !outcome.diagnostics.is_empty(),
    );
    out
}

/// The object's start, up to the findings array's first element.
pub const HEAD: &str = "{\n  \"diagnostics\": [";

/// One element of the findings array, as the pretty printer would indent it
/// (a string never holds a raw newline, so indenting lines is exact).
pub fn push_finding(out: &mut String, d: &Diagnostic, first: bool) {
    let one = serde_json::to_string_pretty(&Diag(d)).expect("JSON of plain values");
    out.push_str(if first { "\n" } else { ",\n" });
    push_indented(out, &one);
}

/// A pretty-printed value as an element of a top-level array.
fn push_indented(out: &mut String, one: &str) {
    for (i, line) in one.lines().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str("    ");
        out.push_str(line);
    }
}

/// The findings array's end and every other key.
pub fn push_tail(out: &mut String, tail: &super::Tail<'_>, any_findings: bool) {
    push_tail_head(out, any_findings);
    if tail.scorecards.is_empty() {
        out.push_str("[]");
    } else {
        out.push('[');
        for (i, card) in tail.scorecards.iter().enumerate() {
            push_card(out, card, i == 0);
        }
        out.push_str("\n  ]");
    }
    push_tail_rest(out, tail);
}

/// The findings array's end, up to the scorecards array.
pub fn push_tail_head(out: &mut String, any_findings: bool) {
    out.push_str(if any_findings { "\n  ],\n" } else { "],\n" });
    out.push_str("  \"documents\": ");
}

/// One element of the scorecards array (keys sorted through a small Value:
/// one Value tree of a whole batch's scorecards was its peak memory).
pub fn push_card(out: &mut String, card: &super::scorecard::Scorecard, first: bool) {
    out.push_str(if first { "\n" } else { ",\n" });
    let one = serde_json::to_string_pretty(&json!(card)).expect("JSON of plain values");
    push_indented(out, &one);
}

/// Every key after the scorecards array.
pub fn push_tail_rest(out: &mut String, tail: &super::Tail<'_>) {
    let errors: Vec<Value> = tail
        .errors
        .iter()
        .map(|e| json!({"path": e.path, "message": e.message}))
        .collect();
    out.push_str(",\n");
    let rest = Rest {
        errors,
        notes: (!tail.notes.is_empty()).then(|| json!(tail.notes)),
        summary: json!({
            "files": tail.files,
            "diagnostics": tail.counts.total(),
            "errors": tail.errors.len(),
        }),
        suppressed: (!tail.suppressed.is_empty()).then(|| json!(tail.suppressed)),
        version: 1,
    };
    let s = serde_json::to_string_pretty(&rest).expect("JSON of plain values");
    // Drop the opening brace: these keys continue the object HEAD began.
    out.push_str(s.strip_prefix("{\n").unwrap_or(&s));
    out.push('\n');
}

#[derive(Serialize)]
struct Rest {
    errors: Vec<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    notes: Option<Value>,
    summary: Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    suppressed: Option<Value>,
    version: u32,
}

/// A finding with its keys in alphabetical order.
struct Diag<'a>(&'a Diagnostic);

impl Serialize for Diag<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let d = self.0;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("code", d.code)?;
        m.serialize_entry("column", &d.column)?;
        m.serialize_entry("end_column", &d.end_column)?;
        m.serialize_entry("end_line", &d.end_line)?;
        if let Some(field) = &d.field {
            m.serialize_entry("field", field)?;
        }
        if !d.fixes.is_empty() {
            m.serialize_entry("fixes", &d.fixes)?;
        }
        m.serialize_entry("help", &d.help)?;
        m.serialize_entry("line", &d.line)?;
        m.serialize_entry("message", &d.message)?;
        if let Some(page) = d.page {
            m.serialize_entry("page", &page)?;
        }
        m.serialize_entry("path", &d.path)?;
        if !d.related.is_empty() {
            let related: Vec<Rel> = d.related.iter().map(Rel).collect();
            m.serialize_entry("related", &related)?;
        }
        m.serialize_entry("rule", d.rule)?;
        m.serialize_entry("severity", &d.severity)?;
        m.end()
    }
}

struct Rel<'a>(&'a Related);

impl Serialize for Rel<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let r = self.0;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("line", &r.line)?;
        m.serialize_entry("message", &r.message)?;
        if let Some(page) = r.page {
            m.serialize_entry("page", &page)?;
        }
        m.serialize_entry("path", &r.path)?;
        m.end()
    }
}
