//! X: suppressions. A suppression that silences nothing (X001) and one
//! that cannot silence anything (X003). `crate::suppress` applies the
//! suppressions and says which are stale or invalid; these rules say so.

use super::{RuleInfo, diag};
use crate::config::SuppressEntry;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Document;
use crate::source::Text;

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

pub static X003: RuleInfo = RuleInfo {
    code: "X003",
    name: "invalid-suppression",
    severity: Severity::Warning,
    summary: "a suppression comment that names no known rule code, or is misspelled",
    help: "spell the directive and the codes as `storyline rules` lists them",
    docs: r#"## What it does
Reports a suppression comment that cannot do what it was written for: a
misspelled directive (`storyline-disabel-next-line`), a code that no rule
has (`O999`), or a rule name where a code belongs (`weak-opener` for
`O001`). The message gives the nearest valid spelling. Such a comment (or
the part of it that is wrong) silences nothing.

## Why it matters
A typo in a suppression fails silently otherwise: the finding it was meant
to silence stays, or, worse, the author believes a rule is silenced when
the comment does nothing.

## Example
```markdown
<!-- storyline-disable-next-line weak-opener -- shared work -->
- Helped migrate the feature store
```

## How to fix it
Use one of `storyline-disable-next-line`, `storyline-disable` and
`storyline-enable`, followed by rule codes or code prefixes (`O001`, `M`).
"#,
};

/// Why one code of a suppression comment names no rule, with the nearest
/// valid spelling; `None` when it is a code or a code prefix.
pub fn invalid_code(code: &str) -> Option<String> {
    let rules = || crate::rules::all();
    if rules().any(|r| r.code.starts_with(code)) {
        return None;
    }
    if let Some(r) = rules().find(|r| r.name.eq_ignore_ascii_case(code)) {
        return Some(format!(
            "'{}' is a rule name; suppressions take its code: {}",
            code.to_lowercase(),
            r.code
        ));
    }
    // The nearest codes of the same family (same letter), else of all.
    let family: Vec<&str> = rules()
        .map(|r| r.code)
        .filter(|c| c.get(..1) == code.get(..1))
        .collect();
    let pool: Vec<&str> = if family.is_empty() {
        rules().map(|r| r.code).collect()
    } else {
        family
    };
    let best = pool
        .iter()
        .map(|c| strsim::levenshtein(c, code))
        .min()
        .unwrap_or(0);
    let near: Vec<&str> = pool
        .into_iter()
        .filter(|c| strsim::levenshtein(c, code) == best)
        .take(3)
        .collect();
    Some(format!(
        "no rule has the code '{code}'; did you mean {}?",
        near.join(" or ")
    ))
}

/// The directive nearest to a misspelled one.
pub fn nearest_directive(word: &str) -> &'static str {
    const DIRECTIVES: [&str; 3] = [
        "storyline-disable-next-line",
        "storyline-disable",
        "storyline-enable",
    ];
    DIRECTIVES
        .into_iter()
        .min_by_key(|d| strsim::levenshtein(d, &word.to_lowercase()))
        .unwrap_or(DIRECTIVES[0])
}

/// The whole line of the suppression comment `i` of `doc`.
fn comment_line(doc: &Document, i: usize) -> (Text, usize) {
    let s = &doc.suppressions[i];
    let line = doc.lines.line_text(&doc.source, s.line);
    (
        Text::verbatim(line, doc.lines.line_start(s.line)),
        line.len(),
    )
}

/// X003 on each invalid suppression comment (by index in
/// `doc.suppressions`), with what is wrong with it.
pub fn check_x003(doc: &Document, invalid: &[(usize, String)], out: &mut Vec<Diagnostic>) {
    for (i, why) in invalid {
        let (text, len) = comment_line(doc, *i);
        out.push(diag(&X003, doc, &text, 0..len, why.clone()));
    }
}

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
