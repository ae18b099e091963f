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
    let errors: Vec<Value> = outcome
        .errors
        .iter()
        .map(|e| json!({"path": e.path, "message": e.message}))
        .collect();
    let out = Top {
        diagnostics: Diags(&outcome.diagnostics),
        documents: json!(outcome.scorecards),
        errors,
        notes: (!outcome.notes.is_empty()).then(|| json!(outcome.notes)),
        summary: json!({
            "files": outcome.files,
            "diagnostics": outcome.diagnostics.len(),
            "errors": outcome.errors.len(),
        }),
        suppressed: (!outcome.suppressed.is_empty()).then(|| json!(outcome.suppressed)),
        version: 1,
    };
    let mut buf = Vec::with_capacity(512 * outcome.diagnostics.len() + 4096);
    out.serialize(&mut serde_json::Serializer::pretty(&mut buf))
        .expect("JSON of plain values");
    buf.push(b'\n');
    String::from_utf8(buf).expect("serde_json writes UTF-8")
}

#[derive(Serialize)]
struct Top<'a> {
    diagnostics: Diags<'a>,
    documents: Value,
    errors: Vec<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    notes: Option<Value>,
    summary: Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    suppressed: Option<Value>,
    version: u32,
}

struct Diags<'a>(&'a [Diagnostic]);

impl Serialize for Diags<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(Diag))
    }
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
