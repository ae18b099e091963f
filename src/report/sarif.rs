//! `--format sarif`: SARIF 2.1.0 for code-scanning uploads.

use serde_json::{Value, json};

use super::Outcome;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Document;
use crate::rules;

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A path as a SARIF URI reference: forward slashes, spaces and the few
/// characters URIs reserve percent-encoded.
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.replace('\\', "/").chars() {
        match c {
            ' ' => out.push_str("%20"),
            '%' => out.push_str("%25"),
            '#' => out.push_str("%23"),
            '?' => out.push_str("%3F"),
            '[' => out.push_str("%5B"),
            ']' => out.push_str("%5D"),
            c => out.push(c),
        }
    }
    out.trim_start_matches("./").to_string()
}

/// FNV-1a: small, stable across platforms and releases.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A fingerprint that survives unrelated lines moving: the rule, the file
/// and the flagged text (whitespace folded), plus the occurrence number
/// among identical ones.
fn fingerprint(
    d: &Diagnostic,
    doc: Option<&Document>,
    seen: &mut std::collections::HashMap<u64, u32>,
) -> String {
    let flagged = doc
        .and_then(|doc| doc.source.get(d.span.start..d.span.end))
        .unwrap_or(&d.message);
    let folded: String = flagged.split_whitespace().collect::<Vec<_>>().join(" ");
    let key = fnv1a(format!("{}\0{}\0{}", d.code, d.path, folded).as_bytes());
    let n = seen.entry(key).or_insert(0);
    *n += 1;
    format!("{key:016x}:{n}")
}

/// A finding's suggested edits as SARIF fixes: one artifact change each,
/// its replacements' regions in the same lines and columns as results.
fn fixes(d: &Diagnostic) -> Value {
    d.fixes
        .iter()
        .map(|f| {
            let replacements: Vec<Value> = f
                .replacements
                .iter()
                .map(|r| {
                    json!({
                        "deletedRegion": {
                            "startLine": r.line,
                            "startColumn": r.column,
                            "endLine": r.end_line,
                            "endColumn": r.end_column,
                            "byteOffset": r.start_byte,
                            "byteLength": r.end_byte - r.start_byte,
                        },
                        "insertedContent": { "text": r.text },
                    })
                })
                .collect();
            json!({
                "description": { "text": format!("{} ({})", f.description, f.class.as_str()) },
                "artifactChanges": [{
                    "artifactLocation": { "uri": uri(&d.path) },
                    "replacements": replacements,
                }],
                "properties": { "class": f.class.as_str() },
            })
        })
        .collect()
}

pub fn render(outcome: &Outcome) -> String {
    let all: Vec<&rules::RuleInfo> = rules::all().collect();
    let rules_json: Vec<Value> = all
        .iter()
        .map(|r| {
            json!({
                "id": r.code,
                "name": r.name,
                "shortDescription": { "text": r.summary },
                "fullDescription": { "text": r.summary },
                "help": { "text": r.docs, "markdown": r.docs },
                "defaultConfiguration": { "level": level(r.severity) },
                "properties": { "tags": ["career-documents"] },
            })
        })
        .collect();
    let mut seen = std::collections::HashMap::new();
    let owner = super::path_owners(&outcome.documents);
    let results: Vec<Value> = outcome
        .diagnostics
        .iter()
        .map(|d| {
            let doc = owner.get(d.path.as_str()).map(|&i| &outcome.documents[i]);
            let mut r = json!({
                "ruleId": d.code,
                "ruleIndex": all.iter().position(|r| r.code == d.code).unwrap_or(0),
                "level": level(d.severity),
                "message": { "text": format!("{}\nhelp: {}", d.message, d.help) },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri(&d.path) },
                        "region": {
                            "startLine": d.line,
                            "startColumn": d.column,
                            "endLine": d.end_line,
                            "endColumn": d.end_column.max(d.column + usize::from(d.end_line == d.line)),
                        }
                    }
                }],
                "partialFingerprints": { "storyline/v1": fingerprint(d, doc, &mut seen) },
            });
            // A PDF's or DOCX's offsets are into its extracted text: a
            // tool that applies SARIF fixes to the file would break it.
            let editable = doc.is_some_and(|doc| {
                doc.format.is_source_text() && doc.format != crate::model::Format::LinkedinExport
            });
            if !d.fixes.is_empty() && editable {
                r["fixes"] = fixes(d);
            }
            if !d.related.is_empty() {
                r["relatedLocations"] = d
                    .related
                    .iter()
                    .enumerate()
                    .map(|(i, rel)| {
                        json!({
                            "id": i,
                            "message": { "text": rel.message },
                            "physicalLocation": {
                                "artifactLocation": { "uri": uri(&rel.path) },
                                "region": { "startLine": rel.line.max(1) }
                            }
                        })
                    })
                    .collect();
            }
            r
        })
        .collect();
    let notifications: Vec<Value> = outcome
        .errors
        .iter()
        .map(|e| {
            json!({
                "level": "error",
                "message": { "text": format!("{}: {}", e.path, e.message) },
                "locations": [{ "physicalLocation": { "artifactLocation": { "uri": uri(&e.path) } } }],
            })
        })
        .collect();
    let sarif = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "storyline",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": "https://github.com/storyline-lint/storyline",
                    "rules": rules_json,
                }
            },
            "invocations": [{
                "executionSuccessful": outcome.errors.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    let mut s = serde_json::to_string_pretty(&sarif).expect("plain JSON");
    s.push('\n');
    s
}
