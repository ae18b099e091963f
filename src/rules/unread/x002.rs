//! X002: a document storyline could not read.

use crate::analysis::Prepared;
use crate::diagnostic::{Diagnostic, Severity};
use crate::lexicon::SectionKind;
use crate::model::{Channel, Document, Format};
use crate::rules::{Context, RuleInfo, diag, diag_at_start, quote};
use crate::source::Text;

pub static X002: RuleInfo = RuleInfo {
    code: "X002",
    name: "unread-document",
    severity: Severity::Warning,
    summary: "the document could not be read into roles (an experience section or dated entries but no role, words glued together, unreadable glyphs), or it is not a resume at all",
    help: "the findings are incomplete: check what `storyline extract` reads, or export the document again (another PDF producer, or the source format)",
    docs: r#"## What it does
Warns when storyline could not read the career structure that every other
rule stands on:
- the text has an experience section or dated entries, but no role was read;
- the text looks broken: words run together without spaces (some PDF
  producers emit no word spaces), or most characters are unreadable glyphs;
- the file does not read as a resume at all: no role, no experience,
  education or skills section and no dated entry (a script, a table of
  numbers, a shopping list).

## Why it matters
A document whose roles were not read gets no metric, scope, leadership or
cross-channel finding. Without this warning a clean run would look like a
clean resume. The scorecard says "cannot be judged" for the same reason.

## Example
```text
EXPERIENCE
Acme Robotics ............ Berlin ......... 03/2021 — today
```
(a layout the reader does not understand: no role comes out)

## How to fix it
Run `storyline extract FILE` to see what was read. Export the PDF again
from its source (or lint the source: Markdown, DOCX, LaTeX, JSON Resume),
and report the layout if it is a common one.
"#,
};

/// What the text shows of a resume's structure, read line by line.
#[derive(Default)]
struct Evidence {
    /// The first experience heading: its line's offset and text.
    experience: Option<(usize, String)>,
    /// Any known section heading at all.
    headings: usize,
    /// Lines with a date range outside education, project and other
    /// sections.
    dated: usize,
    /// The first such line's offset.
    first_dated: Option<usize>,
    /// Any date range at all (education included).
    any_dates: usize,
}

/// The heading a line may be: LaTeX `\section{Work}`, HTML tags and
/// icon macros around a word are decoration.
fn heading_candidate(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut in_tag = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if in_tag => {}
            // A LaTeX command name goes; its braced argument stays.
            '\\' => {
                while chars
                    .peek()
                    .is_some_and(|c| c.is_ascii_alphabetic() || *c == '*')
                {
                    chars.next();
                }
            }
            // An optional argument is layout ("[0.4em]"), never the heading.
            '[' => {
                for c in chars.by_ref() {
                    if c == ']' {
                        break;
                    }
                }
            }
            '{' | '}' => out.push(' '),
            _ => out.push(c),
        }
    }
    out.trim().to_string()
}

fn read_evidence(doc: &Document, cx: &Context<'_>) -> Evidence {
    let mut ev = Evidence::default();
    let mut section: Option<SectionKind> = None;
    let mut offset = 0;
    for line in doc.source.split('\n') {
        let here = offset;
        offset += line.len() + 1;
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.len() > 80 {
            if let Some(r) = (!trimmed.is_empty())
                .then(|| crate::date::find_range(line))
                .flatten()
            {
                count_range(&mut ev, section, here, r.end.is_some());
            }
            continue;
        }
        let head = heading_candidate(trimmed);
        if let Some(kind) = cx.lexicon.section_kind(&head) {
            ev.headings += 1;
            section = Some(kind);
            if kind == SectionKind::Experience && ev.experience.is_none() {
                ev.experience = Some((here, line.to_string()));
            }
            continue;
        }
        if let Some(r) = crate::date::find_range(line) {
            count_range(&mut ev, section, here, r.end.is_some());
        }
    }
    ev
}

fn count_range(ev: &mut Evidence, section: Option<SectionKind>, at: usize, closed: bool) {
    if !closed {
        return;
    }
    ev.any_dates += 1;
    if matches!(
        section,
        None | Some(SectionKind::Experience | SectionKind::Summary)
    ) {
        ev.dated += 1;
        ev.first_dated.get_or_insert(at);
    }
}

/// How broken the text looks: the share of its letters that stand in
/// words too long to be words (glued), and the share of its characters
/// that are no readable glyph.
fn brokenness(source: &str) -> (f64, f64, Option<&str>) {
    let (mut letters, mut glued) = (0usize, 0usize);
    let mut example = None;
    let (mut visible, mut bad) = (0usize, 0usize);
    // One pass over the bytes, an ASCII byte read from a table (this scan
    // is of every whole document, so its cost per byte counts): the current
    // word's start, its ASCII letters, and whether it is a link.
    let (mut word_start, mut n, mut link) = (0usize, 0usize, false);
    let mut end_word = |word: std::ops::Range<usize>, n: usize, link: bool| {
        letters += n;
        // Latin words over 24 letters are vanishingly rare in a resume;
        // CJK runs carry no ASCII letters and are not counted; links,
        // addresses and identifiers are long by nature.
        if n > 24 && !link {
            glued += n;
            example.get_or_insert(&source[word]);
        }
    };
    let bytes = source.as_bytes();
    let ascii_class = &*ASCII_CLASS;
    let mut i = 0;
    while i < bytes.len() {
        let (class, width) = match bytes[i] {
            b if b.is_ascii() => (ascii_class[usize::from(b)], 1),
            _ => {
                let c = source[i..].chars().next().unwrap_or('\u{fffd}');
                (class_of(c), c.len_utf8())
            }
        };
        if class & (SPACE | PIPE) != 0 {
            end_word(word_start..i, n, link);
            (word_start, n, link) = (i + width, 0, false);
        }
        n += usize::from(class & LETTER != 0);
        link |= class & LINK != 0;
        if class & SPACE == 0 {
            visible += 1;
            bad += usize::from(class & BAD != 0);
        }
        i += width;
    }
    end_word(word_start..source.len(), n, link);
    let share = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    (share(glued, letters), share(bad, visible), example)
}

/// What [`brokenness`] reads of a character: a word break (whitespace or
/// "|"), an ASCII letter, a character of links and identifiers, no
/// readable glyph (the replacement character, a control, private use).
const SPACE: u8 = 1;
const PIPE: u8 = 2;
const LETTER: u8 = 4;
const LINK: u8 = 8;
const BAD: u8 = 16;

fn class_of(c: char) -> u8 {
    let mut class = 0;
    if c.is_whitespace() {
        class |= SPACE;
    }
    if c == '|' {
        class |= PIPE;
    }
    if c.is_ascii_alphabetic() {
        class |= LETTER;
    }
    if matches!(c, '/' | '@' | '.' | '_' | '\\' | '=') {
        class |= LINK;
    }
    if c == '\u{fffd}' || c.is_control() || ('\u{e000}'..='\u{f8ff}').contains(&c) {
        class |= BAD;
    }
    class
}

/// [`class_of`] of each ASCII byte, for the byte loop.
static ASCII_CLASS: std::sync::LazyLock<[u8; 128]> =
    std::sync::LazyLock::new(|| std::array::from_fn(|b| class_of(char::from(b as u8))));

/// X002: a document storyline could not read.
pub fn check_x002(cx: &Context<'_>, p: &Prepared<'_>, out: &mut Vec<Diagnostic>) {
    let doc = p.doc;
    let (glued, unreadable, example) = brokenness(&doc.source);
    let roles_note = if doc.roles.is_empty() {
        "no role was read, so "
    } else {
        ""
    };
    if unreadable >= 0.3 {
        out.push(diag_at_start(
            &X002,
            doc,
            format!(
                "the text is mostly unreadable glyphs ({:.0}% of its characters): {roles_note}the roles, bullets and findings of this document cannot be judged",
                unreadable * 100.0
            ),
        ));
        return;
    }
    if glued >= 0.15 {
        out.push(diag_at_start(
            &X002,
            doc,
            format!(
                "the text looks broken: {:.0}% of its letters stand in words run together without spaces (\"{}\"): {roles_note}the roles and bullets read from it cannot be trusted",
                glued * 100.0,
                quote(example.unwrap_or(""), 40)
            ),
        ));
        return;
    }
    // Roles with no employer at all, or roles with nothing in them (a JSON
    // work entry written as a string): the layout was not understood.
    let empty =
        |r: &crate::model::Role| r.company.is_none() && r.title.is_none() && r.start.is_none();
    if !doc.roles.is_empty()
        && (doc.roles.len() >= 2 && doc.roles.iter().all(|r| r.company.is_none())
            || doc.roles.iter().all(empty))
    {
        let first = &doc.roles[0].header;
        let line = first.text.lines().next().unwrap_or("");
        out.push(diag(
            &X002,
            doc,
            first,
            0..line.len(),
            format!(
                "{} roles were read, but no employer for any of them: the layout was not understood, so the cross-channel checks and the role-level findings are incomplete",
                doc.roles.len()
            ),
        ));
        return;
    }
    // A LinkedIn export may hold no positions at all: that is what it says.
    if !doc.roles.is_empty() || doc.channel == Channel::Linkedin {
        return;
    }
    let what = "no metric, scope, leadership or cross-channel check could be made";
    // JSON has no headings to read: its work list is the evidence.
    if doc.format == Format::JsonResume {
        if let Some(n) = json_work_entries(&doc.source).filter(|&n| n > 0) {
            out.push(diag_at_start(
                &X002,
                doc,
                format!(
                    "no role was read, though the work section lists {n} entr{}: each needs an employer or a position, and dates: {what}",
                    if n == 1 { "y" } else { "ies" }
                ),
            ));
        }
        return;
    }
    let ev = read_evidence(doc, cx);
    // A finding on the source line that starts at `at`.
    let on_line = |out: &mut Vec<Diagnostic>, at: usize, line: &str, message: String| {
        let text = Text::verbatim(line.trim_end(), at);
        out.push(diag(&X002, doc, &text, 0..line.trim_end().len(), message));
    };
    if let Some((at, line)) = &ev.experience {
        let dated = match ev.dated {
            0 => String::new(),
            1 => " and 1 dated line".to_string(),
            n => format!(" and {n} dated lines"),
        };
        on_line(
            out,
            *at,
            line,
            format!(
                "no role was read, though the text has an experience section (\"{}\"){dated}: {what}",
                quote(line.trim(), 40)
            ),
        );
    } else if ev.dated >= 2 + doc.education.len() + doc.projects.len() {
        // More dated lines than the education and project entries read
        // account for (a margin of dates beside "Education" is theirs).
        let at = ev.first_dated.unwrap_or(0);
        let line = doc.source[at..].split('\n').next().unwrap_or("");
        on_line(
            out,
            at,
            line,
            format!(
                "no role was read, though the text has {} dated entries (the first: \"{}\"): {what}",
                ev.dated,
                quote(line.trim(), 50)
            ),
        );
    } else if ev.headings == 0
        && ev.any_dates == 0
        && doc.projects.is_empty()
        && doc.education.is_empty()
        && doc.skills.is_empty()
        && doc.format != Format::JsonResume
        // A LaTeX file may be one part of a resume that `\input`s it.
        && doc.format != Format::Latex
    {
        out.push(diag_at_start(
            &X002,
            doc,
            format!(
                "this does not read as a resume: no role, no experience, education or skills section and no dated entry were found, so {what}"
            ),
        ));
    }
}

/// How many entries a JSON resume's work list has (JSON Resume `work`,
/// FRESH `employment.history`), when it has one.
fn json_work_entries(source: &str) -> Option<usize> {
    let v: serde_json::Value = serde_json::from_str(source).ok()?;
    let list = v
        .get("work")
        .or_else(|| v.get("employment").and_then(|e| e.get("history")))?;
    list.as_array().map(Vec::len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_lose_their_markup() {
        assert_eq!(
            heading_candidate(r"\section{Work Experience}"),
            "Work Experience"
        );
        assert_eq!(
            heading_candidate(r#"<i class="fa fa-briefcase"></i> Experience"#),
            "Experience"
        );
        assert_eq!(heading_candidate(r"\cvsection[0.4em]{Jobs}"), "Jobs");
    }

    #[test]
    fn glued_words_are_measured_on_latin_letters_only() {
        let (g, _, ex) = brokenness(
            "SeniorSoftwareEngineeratAcmeRobotics Berlin\nLedthemigrationofthebillingservicetoKubernetes",
        );
        assert!(g > 0.9, "{g}");
        assert!(ex.is_some());
        let (g, _, _) = brokenness("软件工程师，负责数据库内核开发与性能优化 at Acme Robotics");
        assert_eq!(g, 0.0);
        let (g, _, _) = brokenness("see https://example.com/averyveryverylongpathsegmentindeed ok");
        assert_eq!(g, 0.0);
    }

    #[test]
    fn unreadable_glyphs_are_counted() {
        let (_, u, _) = brokenness("\u{fffd}\u{fffd}\u{e001}\u{e002} ab");
        assert!(u > 0.6, "{u}");
        let (_, u, _) = brokenness("Plain readable text");
        assert_eq!(u, 0.0);
    }

    /// The ASCII table reads each byte as the general rule reads its char.
    #[test]
    fn ascii_table_agrees_with_the_char_rule() {
        for b in 0u8..128 {
            assert_eq!(ASCII_CLASS[usize::from(b)], class_of(char::from(b)), "{b}");
        }
    }

    #[test]
    fn words_break_at_any_whitespace_and_bars() {
        let long = "a".repeat(30);
        // A no-break space and a bar split what would be one glued word.
        let split = format!("{}\u{a0}{}|{}", &long[..12], &long[..12], &long[..12]);
        assert_eq!(brokenness(&split).0, 0.0);
        let text = format!("ok {long} ok");
        let (g, _, example) = brokenness(&text);
        assert!(g > 0.8, "{g}");
        assert_eq!(example, Some(long.as_str()));
    }
}
