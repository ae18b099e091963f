//! Source lines → classified lines with markup removed, for the segmenter.
//! Markdown and plain text share this; Markdown also strips inline markup
//! and reads suppression comments.

use std::sync::LazyLock;

use crate::pattern::Regex;

use super::pdf::PdfText;
use crate::date;
use crate::lexicon::Lexicon;
use crate::model::Suppression;
use crate::source::Text;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Blank,
    /// A Markdown `#` heading or a setext-underlined line, with its level.
    Heading(u8),
    Bullet,
    Plain,
}

#[derive(Debug, Clone)]
pub struct Line {
    pub text: Text,
    pub kind: LineKind,
    /// Leading whitespace width of the source line.
    pub indent: usize,
    /// 1-based source line.
    pub number: usize,
    /// The whole line is bold or italic (`**Acme Corp**`).
    pub emphasized: bool,
    /// The line opens with a bold or italic span that ends before the line
    /// does (`**Acme, 2019 – 2021.** Acme makes ...`): its end in `text`.
    pub lead_emphasis: Option<usize>,
    /// The font size in points, where a PDF's layout tells it.
    pub size: Option<f32>,
    /// A PDF's line above ended with room for this line's first word: this
    /// line does not wrap it.
    pub fits_above: bool,
}

impl Line {
    pub fn is_blank(&self) -> bool {
        self.kind == LineKind::Blank
    }
}

static BULLET_RE: LazyLock<Regex> = LazyLock::new(|| {
    // U+FFFD runs are bullets whose cp1252 bytes were mangled on the way
    // (the bulk data set is full of them): they need no space after.
    crate::pattern::compile(r"^\s*(?:\u{fffd}\??\u{fffd}?\s*|(?:[-*+•▪●➢◦■□►▸‣⁃∙·➤✓✔❖→\u{f0b7}\u{f0a7}\u{f076}\u{f0d8}o]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+)")
        .expect("bullet regex")
});
static HEADING_RE: LazyLock<Regex> =
    LazyLock::new(|| crate::pattern::compile(r"^\s{0,3}(#{1,6})\s+").expect("heading regex"));
static UNDERLINE_RE: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(r"^\s{0,3}(=+|-+|_+|~+)\s*$").expect("underline regex")
});
static TABLE_SEP_RE: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
        .expect("table regex")
});
/// Lines drawn with rule characters only ("-----   -----", "+---+").
static RULE_LINE_RE: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(r"^[\s\-=_~+|:*]*[-=_~]{3,}[\s\-=_~+|:*]*$").expect("rule line regex")
});
static DIRECTIVE_RE: LazyLock<Regex> = LazyLock::new(|| {
    // Any `storyline-<word>` is read, so that a misspelled directive or a
    // rule name where a code belongs is reported (X003), not ignored.
    crate::pattern::compile(r"^\s*storyline-([A-Za-z-]*[A-Za-z])\b\s*(.*?)\s*(?:--\s*(.*?))?\s*$")
        .expect("directive regex")
});

/// Characters that never carry meaning: zero-width spaces, soft hyphens,
/// byte-order marks and private-use icon glyphs (FontAwesome).
fn is_invisible(c: char) -> bool {
    // The lowest is the soft hyphen.
    if c < '\u{00ad}' {
        return false;
    }
    matches!(
        c,
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{00ad}'
    ) || (('\u{e000}'..='\u{f8ff}').contains(&c) && !is_pua_bullet(c))
}

/// Characters that only ever mark a list item.
pub(crate) fn is_bullet_glyph(c: char) -> bool {
    matches!(
        c,
        '•' | '▪' | '●' | '➢' | '◦' | '■' | '►' | '▸' | '‣' | '⁃' | '∙' | '➤' | '❖'
    ) || is_pua_bullet(c)
}

fn is_pua_bullet(c: char) -> bool {
    matches!(c, '\u{f0b7}' | '\u{f0a7}' | '\u{f076}' | '\u{f0d8}')
}

/// Splits `source` into classified lines. `markdown` turns on inline
/// markup stripping, setext headings after text and HTML comments.
pub fn split_lines(source: &str, markdown: bool) -> (Vec<Line>, Vec<Suppression>) {
    // Sized once: a line is a large struct, and regrowing copies them all.
    let mut lines = Vec::with_capacity(memchr::memchr_iter(b'\n', source.as_bytes()).count() + 1);
    let mut directives = Directives::default();
    let mut in_comment = false;
    let mut in_fence = false;
    let mut in_front_matter = false;
    let mut pending_bullets = 0usize;
    let mut offset = 0;
    // Each line's text outside HTML comments, and where its pieces are in
    // the line (offset, length); kept across lines to reuse the buffers.
    let mut visible = String::new();
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    for (i, raw_with_nl) in crate::source::lines_inclusive(source).enumerate() {
        let number = i + 1;
        let start = offset;
        offset += raw_with_nl.len();
        let raw = raw_with_nl.trim_end_matches(['\n', '\r']);
        let mut text = Text::with_capacity(raw.len());
        let mut kind = LineKind::Plain;
        let lead = raw.trim_start();
        let indent = raw.len() - lead.len();

        if markdown && lead.starts_with("```") {
            in_fence = !in_fence;
            lines.push(blank(number, start));
            continue;
        }
        // YAML front matter holds metadata, not resume text.
        if markdown && number == 1 && raw.trim_end() == "---" {
            in_front_matter = true;
            lines.push(blank(number, start));
            continue;
        }
        if in_front_matter {
            in_front_matter = !matches!(raw.trim_end(), "---" | "...");
            lines.push(blank(number, start));
            continue;
        }
        // Some resumes are pasted whole into a ```text fence: read its
        // lines as plain text rather than dropping them.
        let markdown = markdown && !in_fence;

        // Remove HTML comments (which may span lines), reading directives.
        visible.clear();
        pieces.clear();
        let mut pos = 0;
        while pos < raw.len() {
            if in_comment {
                match raw[pos..].find("-->") {
                    Some(end) => {
                        in_comment = false;
                        pos += end + 3;
                    }
                    None => pos = raw.len(),
                }
                continue;
            }
            if markdown && let Some(c) = raw[pos..].find("<!--") {
                pieces.push((pos, c));
                visible.push_str(&raw[pos..pos + c]);
                let body_start = pos + c + 4;
                match raw[body_start..].find("-->") {
                    Some(end) => {
                        directives.read(&raw[body_start..body_start + end], number);
                        pos = body_start + end + 3;
                    }
                    None => {
                        in_comment = true;
                        pos = raw.len();
                    }
                }
                continue;
            }
            pieces.push((pos, raw.len() - pos));
            visible.push_str(&raw[pos..]);
            pos = raw.len();
        }
        if visible.trim().is_empty() {
            lines.push(blank(number, start));
            continue;
        }

        // The underline, rule and table-separator patterns all need one of
        // these first; most lines are spared the searches.
        let ruled = lead.starts_with(['=', '-', '_', '~', '+', '|', ':', '*']);
        // Setext underline: the previous line becomes a heading.
        if ruled && UNDERLINE_RE.is_match(raw) && pieces.len() == 1 {
            let level = if lead.starts_with('=') { 1 } else { 2 };
            if let Some(prev) = lines
                .last_mut()
                .filter(|l: &&mut Line| l.kind == LineKind::Plain)
            {
                prev.kind = LineKind::Heading(level);
            }
            lines.push(blank(number, start));
            continue;
        }
        if ruled && (RULE_LINE_RE.is_match(raw) || markdown && TABLE_SEP_RE.is_match(raw)) {
            lines.push(blank(number, start));
            continue;
        }

        // Strip the block prefix: heading hashes, bullet marker, quote.
        let mut skip = 0;
        if markdown && let Some(q) = lead.strip_prefix('>') {
            skip = raw.len() - q.len();
        }
        // Pandoc definition lists: ":   - item" or ":   text".
        if markdown
            && let Some(d) = raw[skip..].trim_start().strip_prefix(':')
            && d.starts_with(char::is_whitespace)
        {
            skip = raw.len() - d.len();
        }
        let rest = &raw[skip..];
        // A line of bullet glyphs alone ("●" from a PDF whose glyphs and
        // text fell into separate columns): the next text lines are bullets.
        let rest_trimmed = rest.trim();
        if !rest_trimmed.is_empty()
            && rest_trimmed
                .chars()
                .all(|c| is_bullet_glyph(c) || c.is_whitespace())
        {
            pending_bullets += rest_trimmed.chars().filter(|c| is_bullet_glyph(*c)).count();
            lines.push(blank(number, start));
            continue;
        }
        if markdown
            && rest.trim_start().starts_with('#')
            && let Some(c) = HEADING_RE.captures(rest)
        {
            kind = LineKind::Heading(c[1].len() as u8);
            skip += c[0].len();
        }
        if kind == LineKind::Plain
            && may_start_with_marker(&raw[skip..])
            && let Some(m) = BULLET_RE.find(&raw[skip..])
        {
            // "o " is a bullet only in text resumes' Word exports, and
            // "a." only when a letter list is plausible: keep it to
            // markers that cannot start a sentence word.
            let marker = m.as_str().trim();
            let letter_marker = marker.len() <= 3
                && marker
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_lowercase());
            if !letter_marker || marker == "o" && !markdown {
                kind = LineKind::Bullet;
                skip += m.end();
            }
        }

        // Copy the visible remainder into the Text, mapping to the source.
        for &(p, len) in &pieces {
            let (a, b) = (p.max(skip), p + len);
            if a < b {
                push_clean(&mut text, &raw[a..b], start + a);
            }
        }
        if markdown {
            text = strip_inline(&text);
        }
        if kind == LineKind::Plain && pending_bullets > 0 {
            pending_bullets -= 1;
            kind = LineKind::Bullet;
        }
        let emphasized = markdown && kind != LineKind::Bullet && source_line_emphasized(&visible);
        let lead_emphasis = if markdown && !emphasized {
            lead_emphasis_end(&raw[skip..])
        } else {
            None
        };
        let text = if markdown && text.text.contains('|') {
            table_row(text)
        } else {
            text
        };
        let text = text.into_trimmed(&[]);
        if text.is_empty() {
            lines.push(blank(number, start));
            continue;
        }
        lines.push(Line {
            text,
            kind,
            indent,
            number,
            emphasized,
            lead_emphasis,
            size: None,
            fits_above: false,
        });
    }
    // A disable without an enable runs to the end of the file.
    let last = lines.len().max(1);
    (lines, directives.finish(last))
}

/// Whether `BULLET_RE` can match `s`: its marker's first character is a
/// glyph (non-ASCII), a lowercase letter, a digit, "-", "*", "+" or "(".
/// Most lines start with a capital and are spared the regex.
fn may_start_with_marker(s: &str) -> bool {
    s.trim_start().bytes().next().is_some_and(|b| {
        !b.is_ascii()
            || b.is_ascii_lowercase()
            || b.is_ascii_digit()
            || matches!(b, b'-' | b'*' | b'+' | b'(')
    })
}

pub fn blank(number: usize, start: usize) -> Line {
    Line {
        text: Text::verbatim("", start),
        kind: LineKind::Blank,
        indent: 0,
        number,
        emphasized: false,
        lead_emphasis: None,
        size: None,
        fits_above: false,
    }
}

/// Appends `s`, dropping invisible characters and folding tabs to spaces.
fn push_clean(text: &mut Text, s: &str, offset: usize) {
    // Invisible characters are all non-ASCII: most text needs nothing done
    // up to its first tab or non-ASCII byte (both found a word at a time).
    let bytes = s.as_bytes();
    let ascii_up_to = |end: usize| {
        let head = &bytes[..end];
        if head.is_ascii() {
            end
        } else {
            head.iter().position(|b| !b.is_ascii()).unwrap_or(end)
        }
    };
    let first = match memchr::memchr(b'\t', bytes) {
        Some(tab) => ascii_up_to(tab),
        None if bytes.is_ascii() => {
            text.push(s, offset);
            return;
        }
        None => ascii_up_to(bytes.len()),
    };
    clean_from(text, s, offset, first);
}

/// Appends `s` cleaned char by char from `from` on (`s[..from]` holds no
/// tab and no invisible character).
fn clean_from(text: &mut Text, s: &str, offset: usize, from: usize) {
    let mut run_start = 0;
    for (i, c) in s[from..].char_indices() {
        let i = from + i;
        if is_invisible(c) || c == '\t' {
            text.push(&s[run_start..i], offset + run_start);
            if c == '\t' {
                // Tabs separate columns: keep them as a wide gap.
                text.push_replacing("  ", offset + i..offset + i + 1);
            }
            run_start = i + c.len_utf8();
        }
    }
    text.push(&s[run_start..], offset + run_start);
}

/// Reads `storyline-disable...` directives from comment bodies, for any
/// format that has comments (Markdown's HTML comments, LaTeX's `%`).
#[derive(Debug, Default)]
pub struct Directives {
    done: Vec<Suppression>,
    /// Open `disable` blocks: (line, codes, reason).
    open: Vec<(usize, Vec<String>, Option<String>)>,
}

impl Directives {
    /// Reads one comment body that stands on 1-based line `number`.
    pub fn read(&mut self, body: &str, number: usize) {
        read_directive(body, number, &mut self.done, &mut self.open);
    }

    /// The suppressions; a disable without an enable runs to `last_line`.
    pub fn finish(mut self, last_line: usize) -> Vec<Suppression> {
        for (line, codes, reason) in self.open {
            self.done.push(Suppression {
                lines: (line, last_line),
                codes,
                reason,
                line,
                bad_directive: None,
            });
        }
        self.done
    }
}

fn read_directive(
    body: &str,
    number: usize,
    out: &mut Vec<Suppression>,
    open: &mut Vec<(usize, Vec<String>, Option<String>)>,
) {
    let Some(c) = DIRECTIVE_RE.captures(body) else {
        return;
    };
    let codes: Vec<String> = c[2]
        .split([',', ' '])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_uppercase)
        .collect();
    let reason = c
        .get(3)
        .map(|r| r.as_str().to_string())
        .filter(|r| !r.is_empty());
    match &c[1] {
        "disable-next-line" => out.push(Suppression {
            lines: (number + 1, number + 1),
            codes,
            reason,
            line: number,
            bad_directive: None,
        }),
        "disable" => open.push((number, codes, reason)),
        "enable" => {
            // An enable closes the matching disable (same codes), or the
            // latest one when it names none.
            let idx = open
                .iter()
                .rposition(|(_, c, _)| codes.is_empty() || *c == codes);
            if let Some(idx) = idx {
                let (line, codes, reason) = open.remove(idx);
                out.push(Suppression {
                    lines: (line, number),
                    codes,
                    reason,
                    line,
                    bad_directive: None,
                });
            }
        }
        word => out.push(Suppression {
            // Covers no line: a directive that is not one silences nothing.
            lines: (number, number.saturating_sub(1)),
            codes,
            reason,
            line: number,
            bad_directive: Some(format!("storyline-{word}")),
        }),
    }
}

static INLINE_RE: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(
        r"(?x)
          !\[[^\]]*\]\([^)]*\)          # image: dropped
        | \[(?P<link>[^\]]*)\]\([^)]*\)   # link: keep its text
        | \[(?P<ref>[^\]]+)\]\[[^\]]*\]   # reference link
        | <(?P<auto>https?://[^>]+)>      # autolink
        | </?[a-zA-Z][^>]*>               # HTML tag: dropped
        | \\(?P<esc>[\\`*_{}\[\]()\#+\-.!|~])  # escape
        | \*\*|__|`|~~                    # emphasis and code markers
        | (?:^|(?P<pre>[\s(]))[*_](?P<istar>\S)   # *italic start or _italic start
        | (?P<istarend>\S)[*_](?:$|[\s.,;:)])      # italic end* or end_
        ",
    )
    .expect("inline regex")
});

/// Removes inline Markdown markup, keeping the mapping to the source.
fn strip_inline(t: &Text) -> Text {
    let s = &t.text;
    let mut out = Text::builder();
    let mut last = 0;
    for c in INLINE_RE.captures_iter(s) {
        let m = c.get(0).expect("match");
        out_push(&mut out, t, last, m.start());
        let keep = c
            .name("link")
            .or_else(|| c.name("ref"))
            .or_else(|| c.name("auto"))
            .or_else(|| c.name("esc"));
        if let Some(k) = keep {
            out_push(&mut out, t, k.start(), k.end());
        }
        if let Some(p) = c.name("pre") {
            out_push(&mut out, t, p.start(), p.end());
        }
        if let Some(p) = c.name("istar") {
            out_push(&mut out, t, p.start(), p.end());
        }
        if let Some(p) = c.name("istarend") {
            out_push(&mut out, t, p.start(), p.end());
            // Keep the boundary character after the star.
            let after = m.end();
            let star_end = p.end() + 1;
            out_push(&mut out, t, star_end, after);
        }
        last = m.end();
    }
    out_push(&mut out, t, last, s.len());
    out.field = t.field.clone();
    out
}

fn out_push(out: &mut Text, t: &Text, a: usize, b: usize) {
    if a < b {
        out.append(&t.slice(a, b));
    }
}

/// "| Acme | Engineer | 2020 |" → "Acme | Engineer | 2020".
fn table_row(t: Text) -> Text {
    t.trimmed(&['|'])
}

/// Whether a source line is wholly wrapped in emphasis markers.
pub fn source_line_emphasized(raw: &str) -> bool {
    let s = raw.trim();
    let s = BULLET_RE.find(s).map_or(s, |m| &s[m.end()..]).trim();
    let s = s.trim_end_matches([':', ' ']);
    for mark in ["**", "__", "*", "_"] {
        if s.len() > 2 * mark.len() + 1 && s.starts_with(mark) && s.ends_with(mark) {
            let inner = &s[mark.len()..s.len() - mark.len()];
            if !inner.contains(mark) || mark.len() == 1 {
                return true;
            }
        }
    }
    false
}

/// Where a leading `**bold**` or `_italic_` span ends, in the text after
/// markup is stripped, when text follows it on the same line.
fn lead_emphasis_end(raw: &str) -> Option<usize> {
    let s = raw.trim_start();
    let mark = ["**", "__", "*", "_"]
        .into_iter()
        .find(|m| s.starts_with(m))?;
    let inner_end = s[mark.len()..].find(mark)? + mark.len();
    let after = s[inner_end + mark.len()..].trim();
    if after.is_empty() {
        return None;
    }
    let inner = Text::verbatim(&s[mark.len()..inner_end], 0);
    Some(strip_inline(&inner).text.trim_end().len())
}

/// How much larger than the body text a line must be set to be a heading.
const LARGER: f32 = 1.15;

/// What a PDF's layout tells the lines: font sizes (headings by size),
/// bold fonts (emphasis) and lines that start after a short one.
pub fn apply_pdf_layout(lines: &mut [Line], pdf: &PdfText, lex: &Lexicon) {
    let sizes: Vec<f32> = pdf.lines.iter().map(|l| l.size).collect();
    apply_font_sizes(lines, &sizes, lex);
    apply_bold(lines, &pdf.fonts, &pdf.runs, lex);
    for line in lines.iter_mut() {
        line.fits_above = pdf
            .lines
            .get(line.number.wrapping_sub(1))
            .is_some_and(|l| l.fits_above);
    }
    drop_page_furniture(lines, pdf);
}

/// How many lines from a page's top or bottom page furniture stands in.
const FURNITURE_ROWS: usize = 2;

/// Running headers and footers ("February 10, 2026  Jane Doe · Résumé 2"):
/// a line that holds a digit and recurs on two or more pages once its
/// digits are ignored is page furniture, never an employer or a bullet.
/// Date lines are left alone: two roles may share "Jan. – Present".
fn drop_page_furniture(lines: &mut [Line], pdf: &PdfText) {
    use std::collections::{HashMap, HashSet};
    let key = |l: &Line| -> Option<String> {
        let t = &l.text.text;
        if l.is_blank()
            || !t.bytes().any(|b| b.is_ascii_digit())
            || crate::source::count_words(t, 13) > 12
            || crate::date::find_range(t).is_some()
        {
            return None;
        }
        let k: String = t
            .chars()
            .filter(|c| !c.is_ascii_digit() && !c.is_whitespace())
            .collect();
        (k.chars().filter(|c| c.is_alphabetic()).count() >= 6).then_some(k)
    };
    let info = |l: &Line| pdf.lines.get(l.number.wrapping_sub(1));
    // Furniture stands at a page's top or bottom: among the few highest
    // or lowest lines of its page ("Acme Labs ML4 team  Remote" heading a
    // role on each of two pages is no running header).
    let mut ys: HashMap<u32, Vec<f32>> = HashMap::new();
    for l in lines.iter().filter(|l| !l.is_blank()) {
        if let Some(p) = info(l) {
            ys.entry(p.page).or_default().push(p.y);
        }
    }
    for v in ys.values_mut() {
        v.sort_by(f32::total_cmp);
    }
    let at_edge = |l: &Line| {
        info(l).is_some_and(|p| {
            ys.get(&p.page).is_some_and(|v| {
                let above = v.iter().filter(|&&y| y < p.y).count();
                let below = v.iter().filter(|&&y| y > p.y).count();
                above < FURNITURE_ROWS || below < FURNITURE_ROWS
            })
        })
    };
    let mut pages: HashMap<String, HashSet<u32>> = HashMap::new();
    for l in lines.iter() {
        if let (Some(k), Some(p)) = (key(l), info(l))
            && at_edge(l)
        {
            pages.entry(k).or_default().insert(p.page);
        }
    }
    if pages.values().all(|p| p.len() < 2) {
        return;
    }
    for l in lines.iter_mut() {
        if at_edge(l) && key(l).is_some_and(|k| pages.get(&k).is_some_and(|p| p.len() >= 2)) {
            *l = blank(l.number, l.text.span().start);
        }
    }
}

/// Reads a PDF's font sizes (one per text line, blank lines included) into
/// the lines and, conservatively, into heading kinds: a short, undated
/// line set noticeably larger than the body text (the most common size)
/// is a heading. Those at the size of the headings the lexicon knows are
/// sections (level 2), smaller ones sub-headings (level 3, a role or an
/// entry); nothing above the first known heading changes (the name).
fn apply_font_sizes(lines: &mut [Line], sizes: &[f32], lex: &Lexicon) {
    for line in lines.iter_mut().filter(|l| !l.is_blank()) {
        line.size = sizes
            .get(line.number.wrapping_sub(1))
            .copied()
            .filter(|s| s.is_finite() && *s > 0.0);
    }
    headings_by_size(lines, lex);
}

/// Reads a PDF's bold fonts into emphasis: a known heading set wholly in
/// bold is emphasised (decorated), a bold lead ("**Head of Design**
/// Northwind, 2022") marks where a header's first part ends.
/// `runs` holds, per text line, where each font starts (character offset
/// after the indentation, index in `fonts`).
fn apply_bold(lines: &mut [Line], fonts: &[String], runs: &[Vec<(u32, u16)>], lex: &Lexicon) {
    let bold: Vec<bool> = fonts.iter().map(|f| lex.is_bold_font(f)).collect();
    for line in lines.iter_mut().filter(|l| l.kind != LineKind::Blank) {
        let Some(runs) = runs
            .get(line.number.wrapping_sub(1))
            .filter(|r| !r.is_empty())
        else {
            continue;
        };
        let text = &line.text.text;
        let is_bold = |f: u16| bold.get(usize::from(f)).copied().unwrap_or(false);
        // Characters (not spaces) set in bold and in all.
        let chars: Vec<char> = text.chars().collect();
        let mut bold_chars = 0;
        let mut lead_end: Option<usize> = None;
        for (k, &(at, font)) in runs.iter().enumerate() {
            let end = runs
                .get(k + 1)
                .map_or(chars.len(), |&(e, _)| e as usize)
                .min(chars.len());
            let start = (at as usize).min(end);
            if is_bold(font) {
                bold_chars += chars[start..end]
                    .iter()
                    .filter(|c| !c.is_whitespace())
                    .count();
            } else if lead_end.is_none() && k > 0 && runs[..k].iter().all(|&(_, f)| is_bold(f)) {
                lead_end = Some(start);
            }
        }
        let all = chars.iter().filter(|c| !c.is_whitespace()).count();
        let words = text.split_whitespace().count();
        // Whole lines in bold are too common in role headers (company,
        // title, dates, "Highlights") to open roles: only a heading the
        // lexicon knows is marked, as decorated.
        if line.kind == LineKind::Plain
            && all > 0
            && bold_chars == all
            && words <= 6
            && lex.section_kind(text).is_some()
        {
            line.emphasized = true;
        } else if let Some(end) = lead_end
            && runs.first().is_some_and(|&(at, _)| at == 0)
        {
            // On a word boundary only, and with words on both sides.
            let byte = text.char_indices().nth(end).map_or(text.len(), |(b, _)| b);
            let head = text[..byte].trim_end();
            if !head.is_empty()
                && byte < text.len()
                && (text[..byte].ends_with(char::is_whitespace)
                    || text[byte..].starts_with(char::is_whitespace))
                && !text[byte..].trim().is_empty()
            {
                line.lead_emphasis = Some(head.len());
            }
        }
    }
}

fn headings_by_size(lines: &mut [Line], lex: &Lexicon) {
    let Some(body) = modal_size(lines) else {
        return;
    };
    let large = |l: &Line| {
        l.kind == LineKind::Plain
            && l.size.is_some_and(|s| s >= LARGER * body)
            && (1..=6).contains(&l.text.text.split_whitespace().count())
            && date::find_range(&l.text.text).is_none()
    };
    let Some(first_known) = lines
        .iter()
        .position(|l| large(l) && lex.section_kind(&l.text.text).is_some())
    else {
        return;
    };
    // The size of the known headings, when two or more agree on it.
    let known: Vec<f32> = lines[first_known..]
        .iter()
        .filter(|l| large(l) && lex.section_kind(&l.text.text).is_some())
        .filter_map(|l| l.size)
        .collect();
    let heading = known.iter().copied().fold(f32::MAX, f32::min);
    let agree = known.len() >= 2 && known.iter().all(|&s| s <= 1.05 * heading);
    for line in &mut lines[first_known..] {
        if !large(line) {
            continue;
        }
        let size = line.size.unwrap_or(body);
        let level = if !agree || size >= 0.96 * heading {
            2
        } else {
            3
        };
        // An unknown line larger than body text but smaller than the
        // known headings is a sub-heading; as large, a section.
        line.kind = LineKind::Heading(if lex.section_kind(&line.text.text).is_some() {
            2
        } else {
            level
        });
    }
}

/// The most common font size over the non-blank lines, by half points.
fn modal_size(lines: &[Line]) -> Option<f32> {
    let mut counts: Vec<(i32, usize)> = Vec::new();
    for size in lines.iter().filter_map(|l| l.size) {
        let key = (size * 2.0).round() as i32;
        match counts.iter_mut().find(|(k, _)| *k == key) {
            Some((_, n)) => *n += 1,
            None => counts.push((key, 1)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(k, n)| (n, -k))
        .map(|(k, _)| k as f32 / 2.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `push_clean` skips (the text up to its first tab or non-ASCII
    /// byte) is what cleaning every char from the start leaves alone.
    #[test]
    fn cleaning_equals_cleaning_char_by_char() {
        for s in [
            "",
            "plain ascii",
            "tab\there",
            "\tlead",
            "trail\t",
            "caf\u{e9}\tx",
            "a\u{200b}b\u{ad}c",
            "\u{feff}x\ty\u{200c}",
            "x\ty\u{200d}\tz",
            "\u{2013} dash \t",
        ] {
            let (mut fast, mut slow) = (Text::builder(), Text::builder());
            push_clean(&mut fast, s, 7);
            clean_from(&mut slow, s, 7, 0);
            assert_eq!(fast, slow, "{s:?}");
        }
    }

    #[test]
    fn lines_spared_the_bullet_regex_cannot_match_it() {
        let lines = [
            "",
            "   ",
            "- a",
            "  * b",
            "+ c",
            "• d",
            "\u{fffd}e",
            "o f",
            "1. g",
            "(2) h",
            "a) i",
            "(b) j",
            "Led a team",
            "  Z. k",
            ". l",
            "# m",
            "> n",
            "| o",
            "@ p",
            "\u{a0}- q",
            "\u{2003}Led",
            "–x",
            "A. Smith",
            "_ r",
            "= s",
            "10) t",
        ];
        for l in lines {
            if !may_start_with_marker(l) {
                assert!(BULLET_RE.find(l).is_none(), "{l:?}");
            }
        }
        // The filter does let the markers through.
        for l in ["- a", "• d", "1. g", "(2) h", "a) i", "o f", "\u{fffd}e"] {
            assert!(
                may_start_with_marker(l) && BULLET_RE.find(l).is_some(),
                "{l:?}"
            );
        }
    }
}
