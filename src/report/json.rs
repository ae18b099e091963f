//! `--format json`: one object, as the output contract in DESIGN.md.

use serde_json::{Value, json};

use super::Outcome;

pub fn render(outcome: &Outcome) -> String {
    let mut value = json!({
        "version": 1,
        "diagnostics": outcome.diagnostics,
        "errors": outcome.errors.iter().map(|e| json!({"path": e.path, "message": e.message})).collect::<Vec<Value>>(),
        "documents": outcome.scorecards,
        "summary": {
            "files": outcome.files,
            "diagnostics": outcome.diagnostics.len(),
            "errors": outcome.errors.len(),
        }
    });
    if !outcome.suppressed.is_empty() {
        value["suppressed"] = json!(outcome.suppressed);
    }
    if !outcome.notes.is_empty() {
        value["notes"] = json!(outcome.notes);
    }
    let mut s = serde_json::to_string_pretty(&value).expect("JSON of plain values");
    s.push('\n');
    s
}
