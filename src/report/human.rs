//! The human format: rustc-style findings with the source line and a caret
//! under the span, coloured on a terminal.

use std::fmt::Write;

use super::Outcome;
use super::scorecard::Scorecard;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Document;

/// ANSI styles, or none.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
}

/// A text and its ANSI style, for `write!`.
struct Painted<'a> {
    code: &'a str,
    s: &'a str,
    color: bool,
}

impl std::fmt::Display for Painted<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.color {
            write!(f, "\x1b[{}m{}\x1b[0m", self.code, self.s)
        } else {
            f.write_str(self.s)
        }
    }
}

impl Style {
    /// `s` in the style `code`, written where it is formatted (no copy).
    fn paint<'a>(&self, code: &'a str, s: &'a str) -> Painted<'a> {
        Painted {
            code,
            s,
            color: self.color,
        }
    }

    /// `s` in the style `code`, appended to `out`.
    fn paint_into(&self, out: &mut String, code: &str, s: &str) {
        self.paint_with(out, code, |out| out.push_str(s));
    }

    /// What `write` appends, in the style `code`.
    fn paint_with(&self, out: &mut String, code: &str, write: impl FnOnce(&mut String)) {
        if self.color {
            out.push_str("\x1b[");
            out.push_str(code);
            out.push('m');
            write(out);
            out.push_str("\x1b[0m");
        } else {
            write(out);
        }
    }

    fn severity(&self, sev: Severity) -> &'static str {
        match sev {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
            Severity::Info => "1;36",
        }
    }
}

pub fn render(outcome: &Outcome, style: Style) -> String {
    let mut out = String::new();
    let owner = super::path_owners(&outcome.documents);
    for d in &outcome.diagnostics {
        let doc = owner.get(d.path.as_str()).map(|&i| &outcome.documents[i]);
        render_finding(&mut out, d, doc, style);
    }
    render_tail(&mut out, &super::Tail::of(outcome), style);
    out
}

/// What follows the findings: unreadable inputs, suppressed findings,
/// notes, scorecards and the summary line.
pub fn render_tail(out: &mut String, tail: &super::Tail<'_>, style: Style) {
    render_tail_head(out, tail, style);
    for card in tail.scorecards {
        render_scorecard(out, card, style);
    }
    render_summary(out, tail, style);
}

/// The tail up to the scorecards: suppressed findings, notes.
pub fn render_tail_head(out: &mut String, tail: &super::Tail<'_>, style: Style) {
    // Unreadable inputs are told on standard error (`cli::check::lint`),
    // not here: a reader of the findings gets findings only.
    for s in tail.suppressed {
        let d = &s.diagnostic;
        let why = s
            .reason
            .as_deref()
            .map(|r| format!(": {r}"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "{} {}:{}:{} {} {} (by {}{why})",
            style.paint("1;90", "suppressed"),
            d.path,
            d.line,
            d.column,
            d.code,
            d.message,
            s.by
        );
    }
    if !tail.suppressed.is_empty() {
        out.push('\n');
    }
    for note in tail.notes {
        let _ = writeln!(out, "{}: {note}\n", style.paint("1;36", "note"));
    }
}

/// The last line: findings by severity and files.
pub fn render_summary(out: &mut String, tail: &super::Tail<'_>, style: Style) {
    let count = |s: Severity| tail.counts.of(s);
    let plural = |n: usize, w: &str| {
        if n == 1 {
            format!("{n} {w}")
        } else {
            format!("{n} {w}s")
        }
    };
    let _ = writeln!(
        out,
        "{}: {} ({}, {}, {}) in {}{}",
        style.paint("1", "summary"),
        plural(tail.counts.total(), "finding"),
        plural(count(Severity::Error), "error"),
        plural(count(Severity::Warning), "warning"),
        count(Severity::Info).to_string() + " info",
        plural(tail.files, "file"),
        if tail.errors.is_empty() {
            String::new()
        } else {
            format!(", {} could not be read", plural(tail.errors.len(), "file"))
        }
    );
}

/// The most characters of a source line shown under a finding.
const SHOWN: usize = 160;

/// One finding with its source line (when the document is at hand).
/// Written piece by piece, not with `write!`: a batch renders thousands,
/// and formatting was a tenth of its time.
pub fn render_finding(out: &mut String, d: &Diagnostic, doc: Option<&Document>, style: Style) {
    let sev = style.severity(d.severity);
    let mut line_no = Digits::default();
    let line_no = line_no.of(d.line);
    let pad = line_no.len();
    style.paint_with(out, sev, |out| {
        out.push_str(d.severity.as_str());
        out.push('[');
        out.push_str(d.code);
        out.push(']');
    });
    out.push_str(": ");
    style.paint_into(out, "1", &d.message);
    out.push('\n');
    push_spaces(out, pad);
    style.paint_into(out, "1;34", "-->");
    out.push(' ');
    out.push_str(&d.path);
    out.push(':');
    out.push_str(line_no);
    out.push(':');
    push_number(out, d.column);
    push_page(out, d.page);
    out.push('\n');
    if let Some(doc) = doc {
        let line = doc.line_text(&d.path, d.line).unwrap_or("");
        let width = line.chars().count();
        // At most SHOWN characters are shown, so only they are copied (a
        // pasted resume can be one line of thousands). Tabs would misalign
        // the caret: they show as spaces.
        let head = if width <= SHOWN {
            line
        } else {
            line.char_indices()
                .nth(SHOWN)
                .map_or(line, |(i, _)| &line[..i])
        };
        let start = d.column.saturating_sub(1).min(width);
        let end = if d.end_line == d.line {
            d.end_column.saturating_sub(1)
        } else {
            width
        };
        let carets = end.saturating_sub(start).max(1);
        push_spaces(out, pad);
        out.push(' ');
        style.paint_into(out, "1;34", "|");
        out.push('\n');
        style.paint_into(out, "1;34", line_no);
        out.push(' ');
        style.paint_into(out, "1;34", "|");
        out.push(' ');
        for piece in head.split('\t') {
            out.push_str(piece);
            out.push(' ');
        }
        out.pop();
        if width > SHOWN {
            out.push('…');
        }
        out.push('\n');
        push_spaces(out, pad);
        out.push(' ');
        style.paint_into(out, "1;34", "|");
        out.push(' ');
        push_spaces(out, start.min(SHOWN));
        style.paint_with(out, sev, |out| {
            push_run(
                out,
                "^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^",
                carets.min(SHOWN.saturating_sub(start)).max(1),
            );
        });
        out.push(' ');
        style.paint_into(out, sev, d.rule);
        out.push('\n');
    }
    if let Some(field) = &d.field {
        push_spaces(out, pad);
        out.push(' ');
        style.paint_into(out, "1;34", "=");
        out.push_str(" field: ");
        out.push_str(field);
        out.push('\n');
    }
    for r in &d.related {
        push_spaces(out, pad);
        out.push(' ');
        style.paint_into(out, "1;34", "=");
        out.push(' ');
        out.push_str(&r.message);
        out.push_str(": ");
        out.push_str(&r.path);
        out.push(':');
        push_number(out, r.line);
        push_page(out, r.page);
        out.push('\n');
    }
    push_spaces(out, pad);
    out.push(' ');
    style.paint_into(out, "1;34", "=");
    out.push(' ');
    style.paint_into(out, "1", "help");
    out.push_str(": ");
    out.push_str(&d.help);
    out.push('\n');
    for f in &d.fixes {
        push_spaces(out, pad);
        out.push(' ');
        style.paint_into(out, "1;34", "=");
        out.push(' ');
        style.paint_into(out, "1", "help");
        out.push_str(": try \"");
        style.paint_into(out, "32", &fixed_line(f, doc));
        out.push_str("\": ");
        out.push_str(&f.description);
        out.push_str(match f.class {
            crate::diagnostic::FixClass::Safe => " (safe: --fix applies it)\n",
            crate::diagnostic::FixClass::Unsafe => " (your choice: not applied by --fix)\n",
        });
    }
    out.push('\n');
}

/// The finding's line as a fix would make it (trimmed, at most SHOWN
/// characters), or the inserted text alone when the source is not at hand.
fn fixed_line(f: &crate::diagnostic::Fix, doc: Option<&Document>) -> String {
    let inserted = || {
        f.replacements
            .iter()
            .map(|r| r.text.as_str())
            .collect::<Vec<_>>()
            .join(" … ")
    };
    let Some(src) = doc.map(|doc| doc.source.as_str()) else {
        return inserted();
    };
    let Some(first) = f.replacements.first() else {
        return String::new();
    };
    if first.start_byte > src.len() || !src.is_char_boundary(first.start_byte) {
        return inserted();
    }
    let start = src[..first.start_byte].rfind('\n').map_or(0, |i| i + 1);
    let end = src[first.start_byte..]
        .find('\n')
        .map_or(src.len(), |i| first.start_byte + i);
    let mut line = src[start..end].to_string();
    for r in f.replacements.iter().rev() {
        if r.start_byte < start
            || r.end_byte > end
            || r.start_byte > r.end_byte
            || !line.is_char_boundary(r.start_byte - start)
            || !line.is_char_boundary(r.end_byte - start)
        {
            return inserted();
        }
        line.replace_range(r.start_byte - start..r.end_byte - start, &r.text);
    }
    let shown = line.trim();
    match shown.char_indices().nth(SHOWN) {
        Some((i, _)) => format!("{}…", &shown[..i]),
        None => shown.to_string(),
    }
}

fn push_spaces(out: &mut String, n: usize) {
    push_run(
        out,
        "                                                                ",
        n,
    );
}

/// `n` times the character that `run` repeats (ASCII), a slice at a time
/// (a char at a time was a twentieth of rendering a batch).
fn push_run(out: &mut String, run: &'static str, mut n: usize) {
    while n > 0 {
        let k = n.min(run.len());
        out.push_str(&run[..k]);
        n -= k;
    }
}

fn push_number(out: &mut String, n: usize) {
    out.push_str(Digits::default().of(n));
}

/// " (page N)" when the page is known.
fn push_page(out: &mut String, page: Option<u32>) {
    if let Some(p) = page {
        out.push_str(" (page ");
        push_number(out, p as usize);
        out.push(')');
    }
}

/// A number's decimal digits, without an allocation.
#[derive(Default)]
struct Digits([u8; 20]);

impl Digits {
    fn of(&mut self, mut n: usize) -> &str {
        let mut i = self.0.len();
        loop {
            i -= 1;
            self.0[i] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        // Only ASCII digits were written.
        std::str::from_utf8(&self.0[i..]).unwrap_or("0")
    }
}

/// One document's scorecard.
pub fn render_scorecard(out: &mut String, card: &Scorecard, style: Style) {
    let target = match (&card.target, card.target_source) {
        (Some(t), Some(src)) => format!("target {t} (from {src})"),
        _ => "no target level".to_string(),
    };
    let inferred = match (&card.inferred, &card.inferred_basis) {
        (Some(l), Some(basis)) => format!("evidenced {l} ({basis})"),
        (None, Some(why)) => format!("evidenced level unknown ({why})"),
        _ => "evidenced level unknown".to_string(),
    };
    let _ = writeln!(
        out,
        "{} {}: {target}; {inferred}",
        style.paint("1", "scorecard"),
        card.path
    );
    for p in &card.proofs {
        let mark = match p.holds {
            Some(true) => style.paint("1;32", "✓"),
            Some(false) => style.paint("1;31", "✗"),
            None => style.paint("1;90", "–"),
        };
        let codes = if p.codes.is_empty() {
            String::new()
        } else {
            format!(" [{}]", p.codes.join(", "))
        };
        let _ = writeln!(out, "  {mark} {}: {}{codes}", p.name, p.detail);
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paint_wraps_in_the_style_only_with_colour() {
        let on = Style { color: true };
        let off = Style { color: false };
        assert_eq!(
            on.paint("1;33", "warning").to_string(),
            "\x1b[1;33mwarning\x1b[0m"
        );
        assert_eq!(off.paint("1;33", "warning").to_string(), "warning");
    }
}
