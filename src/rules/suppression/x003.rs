//! X003: an invalid suppression comment.

use super::comment_line;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Document;
use crate::rules::{RuleInfo, diag};

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

/// X003 on each invalid suppression comment (by index in
/// `doc.suppressions`), with what is wrong with it.
pub fn check_x003(doc: &Document, invalid: &[(usize, String)], out: &mut Vec<Diagnostic>) {
    for (i, why) in invalid {
        let (text, len) = comment_line(doc, *i);
        out.push(diag(&X003, doc, &text, 0..len, why.clone()));
    }
}
