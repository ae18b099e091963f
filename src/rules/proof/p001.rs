//! P001: a superlative with no number to back it.

use super::{superlative, superlative_among};
use crate::analysis::Prepared;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Context, RuleInfo, diag};

pub static P001: RuleInfo = RuleInfo {
    code: "P001",
    name: "unproven-superlative",
    severity: Severity::Warning,
    summary: "\"world-class\", \"revolutionized\", \"best-in-class\" ... with no number in the same bullet",
    help: "back the claim with a number, or let the number speak and drop the superlative",
    docs: r#"## What it does
Flags a superlative ("world-class", "revolutionized", "best-in-class",
"cutting-edge", "state-of-the-art", ...) in a bullet, headline or summary
that carries no quantified figure. The list is `[proof] superlatives` in
`rubrics/lexicon.toml`.

## Why it matters
Superlatives are the first thing reviewers discount. Without a figure beside
it, "world-class" reads as self-praise and weakens the bullet.

## Example
```text
- Built a world-class recommendation engine
```
Use instead:
```text
- Built the recommendation engine behind 35% of orders, up from 12%
```

## How to fix it
Add the figure that justifies the word, then consider deleting the word.
"#,
};

/// P001: a superlative with no number to back it, in a bullet, the
/// headline or the summary.
pub fn check_p001(cx: &Context<'_>, p: &Prepared<'_>, out: &mut Vec<Diagnostic>) {
    let doc = p.doc;
    let lex = cx.lexicon;
    for b in p.bullets() {
        let text = &b.text.text;
        if !b.quantified()
            && let Some(r) =
                superlative_among(text, b.phrases.get(crate::lexicon::PhraseList::Superlative))
        {
            let word = text[r.clone()].to_string();
            out.push(diag(
                &P001,
                doc,
                b.text,
                r,
                format!("'{word}' with no number to back it"),
            ));
        }
    }
    // Superlatives in the headline and summary need proof as much.
    for t in [&doc.headline, &doc.summary].into_iter().flatten() {
        if let Some(r) = superlative(lex, &t.text)
            && crate::metrics::find_metrics(&t.text, lex).is_empty()
        {
            let word = t.text[r.clone()].to_string();
            out.push(diag(
                &P001,
                doc,
                t,
                r,
                format!("'{word}' with no number to back it"),
            ));
        }
    }
}
