//! The entries of an experience or projects section → roles with their
//! header fields and bullets.
//!
//! A line starts a role only on positive evidence: a date range, a
//! Markdown sub-heading or a whole emphasised line, or a bulk-data
//! `company -` key. Short lines before a date line ("Title" / "Company")
//! join its header; everything else is text of the current role: marked
//! bullets, unmarked paragraphs (wrapped lines joined), descriptions.

use std::sync::LazyLock;

use crate::pattern::Regex;

use super::lines::{Line, LineKind};
use crate::date::{self, FoundRange};
use crate::lexicon::Lexicon;
use crate::model::Role;
use crate::source::Text;

static KEY_VALUE_RE: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(r"(?i)^(company|employer|organi[sz]ation|designation|role|title|position|duration|period|description|responsibilities|location)\s*(?:name)?\s*[-:–]\s*")
        .expect("key-value regex")
});
static SEPARATOR_RE: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(
        r"\s*-{2,}\s*|\s+[|•·∙◦–—-]\s+|\s*\|\s*|\s*—\s*|\s+-\b|\s{2,}|\s+(?:at|@)\s+|[,;]\s+|:\s+",
    )
    .expect("separator regex")
});
/// A place written "City, Region" (or "Remote"): shared with the preamble
/// reader, which skips such lines when looking for the headline. Place
/// names are in Latin letters with accents ("Zürich", "Kraków"): a class of
/// those compiles in a tenth of the time of Unicode `\w`.
pub(super) static PLACE_RE: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(r"^(?:(?i:remote|hybrid|on[- ]?site|worldwide)|[A-Z][0-9A-Za-z_\u{C0}-\u{24F}.'-]*(?:\s+[A-Z][0-9A-Za-z_\u{C0}-\u{24F}.'-]*){0,3},\s*(?:[A-Z]{2}|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)(?:,\s*[A-Z][0-9A-Za-z_\u{C0}-\u{24F} ]+)?)$")
        .expect("place regex")
});
/// "Boston MA": a city and a state code without a comma, which only a
/// role header's column layout makes safe to read as a place.
static CITY_STATE_RE: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(r"^[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}\s+[A-Z]{2}$")
        .expect("city-state regex")
});

/// The location gazetteer (`rubrics/places.txt`, built by
/// `scripts/gen-places.py`): countries, their states and provinces, and
/// large cities, lowercase.
static PLACES: LazyLock<std::collections::HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../rubrics/places.txt")
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// Whether `t` is wholly a place the gazetteer knows: "Tennessee",
/// "S.Korea", "Seoul, S.Korea", "Cambridge MA", "Pune, Maharashtra, India".
pub(super) fn is_place(t: &str) -> bool {
    let t = t
        .trim()
        .trim_matches(|c: char| matches!(c, '(' | ')' | ',' | ';'));
    if t.is_empty() || t.len() > 60 {
        return false;
    }
    let known = |p: &str| {
        let p = p.trim();
        let lower = p.to_lowercase();
        PLACES.contains(lower.as_str())
            || PLACES.contains(lower.trim_end_matches('.'))
            // A state or country code ("CA", "TN", "UK").
            || (2..=3).contains(&p.len()) && p.chars().all(|c| c.is_ascii_uppercase())
    };
    let whole = t.to_lowercase();
    if PLACES.contains(whole.as_str()) {
        return true;
    }
    // Every part a place, and at least one of them a name, not a code.
    let parts: Vec<&str> = t.split(',').collect();
    if parts.len() >= 2 {
        return parts.iter().all(|p| known(p))
            && parts
                .iter()
                .any(|p| PLACES.contains(p.trim().to_lowercase().as_str()));
    }
    // "Cambridge MA": a known city and a code.
    match t.rsplit_once(' ') {
        Some((city, code)) => {
            code.len() == 2
                && code.chars().all(|c| c.is_ascii_uppercase())
                && PLACES.contains(city.trim().to_lowercase().as_str())
        }
        None => false,
    }
}

pub(super) fn is_location(t: &str) -> bool {
    // "Boston MA" and not "Tannhof Software AG": the code must be a region's.
    let city_state = CITY_STATE_RE.is_match(t)
        && t.rsplit_once(' ')
            .is_some_and(|(_, code)| is_state_code(code));
    PLACE_RE.is_match(t) || city_state || is_place(t)
}
/// Employment types that stand where a company could: not a company.
static EMPLOYMENT_TYPE_RE: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(r"(?i)^(?:full[- ]?time|part[- ]?time|contract|contractor|internship|freelance|temporary|permanent|fixed[- ]term(?: contract)?|seasonal|volunteer|expected)\.?$")
        .expect("employment type regex")
});

/// Whether a line carries a date that can head a role: not one in
/// brackets that a sentence goes on after ("Co-founded LayerNext
/// (2022-2024). Computer vision infra ...": an item of a list).
fn header_date(line: &Line) -> Option<FoundRange> {
    let t = &line.text.text;
    date::find_range(t).filter(|r| {
        let before = t[..r.range.start].trim_end();
        let after = t[r.range.end..].trim_start();
        let aside = before.ends_with('(')
            && after
                .strip_prefix(')')
                .is_some_and(|rest| rest.split_whitespace().count() >= 3);
        r.start.is_some() && !aside
    })
}

/// Words of a line, counted up to `cap` (past it, the count is `cap`:
/// every caller compares it with less, and lines can be paragraphs);
/// separators between a header's parts ("—", "|", "-") are no words.
fn words(line: &Line, cap: usize) -> usize {
    line.text
        .text
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .take(cap)
        .count()
}

/// "Skills used:", "Role overview:": a label inside a role.
fn is_label(line: &Line) -> bool {
    let t = line.text.text.trim_end();
    t.ends_with(':') && words(line, 6) <= 5
}

/// A long line or a sentence: text, never a header.
fn is_prose(line: &Line) -> bool {
    let t = line.text.text.trim_end();
    let w = words(line, 13);
    w > 12 || (w > 6 && t.ends_with('.'))
}

/// Whether `line` continues the text item before it (a wrapped line).
fn continues(prev: &Text, prev_indent: usize, line: &Line) -> bool {
    let p = prev.text.trim_end();
    let first = line.text.text.chars().next();
    let ends_sentence = p.ends_with(['.', '!', '?', ':']);
    // A capital after a full stop, set in: a new item whose bullet is no
    // character (a PDF that draws its bullets as shapes).
    let new_item = ends_sentence && first.is_some_and(char::is_uppercase);
    // The line above had room for this one's first word: not a wrap.
    let set_in = !line.fits_above && line.indent >= 2;
    line.kind == LineKind::Plain
        && !line.emphasized
        && (first.is_some_and(|c| c.is_lowercase() || c.is_ascii_digit() || "([&$%".contains(c))
            || (line.indent > prev_indent && set_in && !new_item)
            || (!ends_sentence && set_in))
}

/// A short line that can be part of a role header: a title ("VP of
/// Design"), a company and place ("Rackspace Hosting   San Antonio, TX").
fn looks_like_header_part(line: &Line, lex: &Lexicon) -> bool {
    let t = line.text.text.trim_end();
    let w = words(line, 9);
    let columns = t.contains("  ") || t.contains(" | ") || t.contains(" — ");
    !t.ends_with('.')
        && (w <= 8 && (w <= 4 || columns || lex.title_words.is_match(t) || is_location(t))
            || w <= 16 && (places_a_header(t, lex) || place_column(t)))
}

/// "Software Maestro (funded by the Ministry of Trade)    Seoul, S.Korea":
/// a longer name with its place set apart at the end is a header line. A
/// name's longer words outside brackets are capitalised; a sentence's are
/// not ("Worked with thirty start-ups ...").
fn place_column(t: &str) -> bool {
    let Some((head, place)) = t.rsplit_once("  ") else {
        return false;
    };
    let mut depth = 0i32;
    let mut named = true;
    for w in head.split_whitespace() {
        if depth == 0 && !w.starts_with('(') && w.chars().filter(|c| c.is_alphabetic()).count() >= 4
        {
            named &= w.starts_with(char::is_uppercase);
        }
        depth += w.matches('(').count() as i32 - w.matches(')').count() as i32;
    }
    named && !head.trim().is_empty() && is_location(place.trim())
}

/// "Golf Club of Purchase : 10 Country Club drive, Purchase, New York:
/// Course Management": a longer line of three or more short separated
/// parts, one of them a place or a street address, is a header too.
fn places_a_header(t: &str, lex: &Lexicon) -> bool {
    let mut parts: Vec<&str> = Vec::new();
    let mut last = 0;
    for m in SEPARATOR_RE.find_iter(t) {
        parts.push(t[last..m.start()].trim());
        last = m.end();
    }
    parts.push(t[last..].trim());
    parts.retain(|p| !p.is_empty());
    parts.len() >= 3
        && parts.iter().all(|p| p.split_whitespace().count() <= 5)
        && parts.iter().any(|p| is_location(p) || is_street(p, lex))
}

/// "Electron  React  Redux  WebRTC": three or more short items spaced
/// apart, a list of tags.
fn is_spaced_list(t: &str) -> bool {
    let items: Vec<&str> = t
        .split("  ")
        .map(str::trim)
        .filter(|i| !i.is_empty())
        .collect();
    items.len() >= 3 && items.iter().all(|i| i.split_whitespace().count() <= 3)
}

/// "Software Development Engineer II, Amazon Lab 126, Boston, MA", or
/// "Non-Resident Fellow at Ministry of Trade of the Republic of Kenya": a
/// title and its separated parts, too long for [`looks_like_header_part`].
fn names_role(line: &Line, lex: &Lexicon) -> bool {
    let t = line.text.text.trim_end();
    let separated = [", ", " at ", " @ ", " | ", " — ", " – "]
        .iter()
        .any(|sep| t.contains(sep));
    !t.ends_with('.') && words(line, 15) <= 14 && separated && lex.title_words.is_match(t)
}

/// "Led a team of 6 • Cut costs by 30%": bullets run together on one
/// line (pasted text, the bulk data set's mangled "•") become one each.
fn split_inline_bullets(text: &Text) -> Vec<Text> {
    static INLINE_BULLET: LazyLock<Regex> = LazyLock::new(|| {
        crate::pattern::compile(r"\s(?:•|●|▪|\u{fffd}\??\u{fffd}?)\s*")
            .expect("inline bullet regex")
    });
    // Every marker is non-ASCII: an ASCII line is one item, copied once.
    if text.text.is_ascii() {
        let whole = text.trimmed(&[]);
        return if whole.is_empty() {
            Vec::new()
        } else {
            vec![whole]
        };
    }
    let mut out = Vec::new();
    let mut last = 0;
    for m in INLINE_BULLET.find_iter(&text.text) {
        out.push(text.slice(last, m.start()).into_trimmed(&[]));
        last = m.end();
    }
    out.push(text.slice(last, text.text.len()).into_trimmed(&[]));
    out.retain(|t| !t.is_empty());
    out
}

/// Parser state for one section.
struct Entries<'a> {
    lex: &'a Lexicon,
    roles: Vec<Role>,
    loose: Vec<Text>,
    /// Short lines that may turn out to head the next role.
    candidates: Vec<&'a Line>,
    /// The last text item can take a wrapped continuation line.
    open_text: Option<usize>,
    /// The last role was started by a heading and still lacks dates.
    anchored: bool,
    /// The last line was a role header: the next short line may add to it.
    header_open: bool,
    /// The last heading named an employer, not a title.
    employer_heading: bool,
    /// A label line ("Skills used:") came last.
    after_label: bool,
    /// Inside the list after such a label, until a blank line.
    in_label_list: bool,
    /// The last role's header was set out at this indent, over a dated
    /// line set deeper: an employer over its dated projects.
    parent_indent: Option<usize>,
}

/// Parses the entries of an experience or projects section into roles;
/// text that belongs to no role comes back as loose bullets.
pub fn parse_entries(lines: &[Line], lex: &Lexicon) -> (Vec<Role>, Vec<Text>) {
    let promoted = promote_marked_headers(lines, lex);
    let lines: &[Line] = promoted.as_deref().unwrap_or(lines);
    let joined = join_cut_ranges(lines);
    let lines: &[Line] = joined.as_deref().unwrap_or(lines);
    let mut p = Entries {
        lex,
        roles: Vec::new(),
        loose: Vec::new(),
        candidates: Vec::new(),
        open_text: None,
        anchored: false,
        header_open: false,
        employer_heading: false,
        after_label: false,
        in_label_list: false,
        parent_indent: None,
    };
    let mut gap = false;
    for line in lines {
        if line.is_blank() {
            gap = true;
            p.open_text = None;
            p.header_open = false;
            p.in_label_list = false;
            continue;
        }
        let after_gap = std::mem::replace(&mut gap, false);
        let label_before = p.after_label;
        p.line(line, after_gap);
        if label_before && !is_label(line) && !p.in_label_list {
            p.after_label = false;
        }
    }
    p.resolve_candidates();
    if p.roles.is_empty()
        && let Some(found) = dateless_roles(lines, lex)
    {
        return found;
    }
    let mut roles: Vec<Role> = Vec::new();
    let mut loose = p.loose;
    for role in p.roles.into_iter().flat_map(split_catch_all) {
        // Dates with no employer and no title ("2018 – 2022" left over from
        // a margin column) are no role: its items stay, as loose bullets.
        if role.company.is_none() && role.title.is_none() {
            loose.extend(role.bullets);
        } else {
            roles.push(role);
        }
    }
    (roles, loose)
}

/// "Additional Experience" whose every item names its own engagement and
/// years ("Co-founded Echlo (2016-2017), ...", "Software Engineer at IBM
/// (2008-2010)"): one role per item, not one role of the heading.
fn split_catch_all(role: Role) -> Vec<Role> {
    if role.title.is_some() || role.bullets.len() < 2 {
        return vec![role];
    }
    let split: Option<Vec<Role>> = role.bullets.iter().map(engagement).collect();
    split.unwrap_or_else(|| vec![role])
}

/// One item of a catch-all entry read as a role: the name just before its
/// bracketed years is the employer ("... for Escher Reality (2017, ...)");
/// "Title at Employer (years)" gives the title too.
fn engagement(item: &Text) -> Option<Role> {
    let t = &item.text;
    let open = t.find('(')?;
    let close = open + t[open..].find(')')?;
    let inside = &t[open + 1..close];
    // "(2022-2024)", or a lone year: "(2017, exited to Niantic)".
    let (start, end) = match date::find_range(inside).filter(|r| r.start.is_some()) {
        Some(r) => (r.start, r.end.or(r.start)),
        None => {
            let year = date::parse_point(inside.split(',').next()?.trim())?;
            (Some(year), Some(year))
        }
    };
    let before = t[..open].trim_end();
    let mut role = Role {
        header: item.clone(),
        start,
        end,
        bullets: vec![item.clone()],
        ..Role::default()
    };
    if let Some(at) = before.rfind(" at ") {
        let title = before[..at].trim();
        if !title.is_empty() && title.split_whitespace().count() <= 5 {
            role.title = Some(item.slice(0, at).into_trimmed(&[]));
        }
        role.company = Some(item.slice(at + 4, before.len()).into_trimmed(&[]));
        return Some(role);
    }
    // The run of capitalised words ("nSight Surgical's") ending the text
    // before the bracket; a sentence's first word is its verb.
    let words: Vec<(usize, &str)> = before
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - before.as_ptr() as usize, w))
        .collect();
    let named = |w: &str| w.chars().any(char::is_uppercase) || w == "&";
    // The last run of names, past the lowercase words after it ("...
    // Surgical's fundraising prototype (2021)").
    let mut last = words.len();
    while last > 0 && !named(words[last - 1].1) {
        last -= 1;
    }
    let mut first = last;
    while first > 0 && named(words[first - 1].1) {
        first -= 1;
    }
    if first == 0 && last > 1 {
        first = 1;
    }
    if first >= last {
        return None;
    }
    let (start, _) = words[first];
    let (end, w) = words[last - 1];
    let name = before[start..end + w.len()]
        .trim_end_matches("'s")
        .trim_end_matches("’s")
        .trim_end_matches(',');
    if name.is_empty() {
        return None;
    }
    role.company = Some(item.slice(start, start + name.len()));
    Some(role)
}

/// "• Google  Mountain View, CA" over "Software Engineer  Oct 2016 –
/// Present" (Jake's and sb2nov's templates list entries as items, their
/// achievements as sub-items): a short marked line right above an unmarked
/// dated header line heads the role; it is no achievement. `None` when no
/// line changes.
fn promote_marked_headers(lines: &[Line], lex: &Lexicon) -> Option<Vec<Line>> {
    let heads: Vec<usize> = (0..lines.len())
        .filter(|&i| {
            let line = &lines[i];
            let t = line.text.text.trim_end();
            if line.kind != LineKind::Bullet || t.ends_with(['.', ':']) || words(line, 9) > 8 {
                return false;
            }
            let Some(j) = (i + 1..lines.len()).find(|&j| !lines[j].is_blank()) else {
                return false;
            };
            let next = &lines[j];
            // The role's own items are set deeper than its marked header:
            // a role's last short item over the next header is not one.
            let nested = lines[j + 1..]
                .iter()
                .find(|l| l.kind == LineKind::Bullet)
                .is_some_and(|b| b.indent > line.indent);
            nested
                && next.kind == LineKind::Plain
                && !is_prose(next)
                && words(next, 13) <= 12
                && header_date(next).is_some()
                && (lex.title_words.is_match(&next.text.text)
                    || header_date(line).is_none() && next.indent >= line.indent)
        })
        .collect();
    if heads.is_empty() {
        return None;
    }
    let mut out = lines.to_vec();
    for i in heads {
        out[i].kind = LineKind::Plain;
    }
    Some(out)
}

/// "Acme  July 2015 –" over "Present  Austin, TX": a header's range that a
/// line break (a narrow cell, a wrap) cut before its end takes the end
/// from the next line, which keeps the rest. `None` when no line changes.
fn join_cut_ranges(lines: &[Line]) -> Option<Vec<Line>> {
    let cut: Vec<(usize, usize)> = lines
        .windows(2)
        .enumerate()
        .filter(|(_, w)| w[0].kind != LineKind::Bullet && !w[1].is_blank())
        .filter_map(|(i, w)| Some((i, date::cut_range_end(&w[0].text.text, &w[1].text.text)?)))
        .collect();
    if cut.is_empty() {
        return None;
    }
    let mut out = lines.to_vec();
    for (i, len) in cut {
        let next = out[i + 1].text.clone();
        let end = next.slice(0, len).into_trimmed(&[]);
        out[i].text = out[i].text.trimmed(&[]);
        out[i].text.push_synthetic(" ");
        out[i].text.append(&end);
        out[i + 1].text = next.slice(len, next.text.len()).into_trimmed(&[]);
    }
    // A line that was only the end ("2020") is gone, not a blank.
    out.retain(|l| l.is_blank() || !l.text.is_empty());
    Some(out)
}

/// A section in which nothing heads a role ("RackSpace Hosting" over its
/// bullets, no dates, no emphasis): each short line right above bullets
/// heads one. Only where the evidence gave no role at all.
fn dateless_roles(lines: &[Line], lex: &Lexicon) -> Option<(Vec<Role>, Vec<Text>)> {
    let mut roles: Vec<Role> = Vec::new();
    let mut loose: Vec<Text> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if line.is_blank() {
            continue;
        }
        let next = lines[i + 1..].iter().find(|l| !l.is_blank());
        let t = line.text.text.trim_end();
        let label = t.trim_end_matches([':', '：', ' ']).to_lowercase();
        let heads = line.kind == LineKind::Plain
            && header_date(line).is_none()
            && words(line, 7) <= 6
            && t.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            && !t.ends_with(['.', ':', '：', ','])
            && !lex.entry_labels.contains(&label)
            && !lex.metadata_labels.contains(&label)
            && lex.section_kind(t).is_none()
            && next.is_some_and(|n| n.kind == LineKind::Bullet);
        if heads {
            roles.push(parse_header(&[line], lex));
            continue;
        }
        if lex.entry_labels.contains(&label) {
            continue;
        }
        let items = match roles.last_mut() {
            Some(r) => &mut r.bullets,
            None => &mut loose,
        };
        if line.kind == LineKind::Bullet {
            items.extend(split_inline_bullets(&line.text));
        } else if let Some(prev) = items.last_mut()
            && continues(prev, 0, line)
        {
            prev.push_synthetic(" ");
            // Keep the line's own mapping (typeset dashes, dropped chars).
            prev.append(&line.text);
        } else {
            items.push(line.text.clone());
        }
    }
    (!roles.is_empty()).then_some((roles, loose))
}

impl<'a> Entries<'a> {
    fn line(&mut self, line: &'a Line, after_gap: bool) {
        if let Some(m) = KEY_VALUE_RE.find(&line.text.text) {
            self.key_value(&m.as_str().to_lowercase(), line, m.end());
            return;
        }
        let date = header_date(line);
        match line.kind {
            LineKind::Bullet if self.is_metadata(&line.text.text) => {
                self.open_text = None;
            }
            LineKind::Bullet => {
                self.resolve_candidates();
                self.header_open = false;
                self.after_label = false;
                // A label's list ends at the next item or heading even with
                // no blank line between (DOCX paragraphs).
                self.in_label_list = false;
                for item in split_inline_bullets(&line.text) {
                    self.push_text(item, line.indent);
                }
            }
            LineKind::Heading(_) => self.anchor(line, date),
            // "Tech Stack: React, PHP" without a bullet: metadata too.
            LineKind::Plain
                if date.is_none() && !is_label(line) && self.is_metadata(&line.text.text) =>
            {
                self.open_text = None;
            }
            // "Highlights" in body text under a role: the segmenter kept
            // it in the section, as a label of the role's.
            _ if is_label(line) && date.is_none()
                || line.kind == LineKind::Plain
                    && date.is_none()
                    && self.lex.section_kind(&line.text.text).is_some() =>
            {
                self.resolve_candidates();
                self.open_text = None;
                self.header_open = false;
                self.after_label = true;
            }
            _ if line.emphasized => {
                // "_Microsoft, Oct 2011 – Dec 2015_" under "## Senior PM".
                if self.anchored && date.is_some() && self.candidates.is_empty() {
                    self.fill_current(&[line]);
                } else {
                    self.anchor(line, date);
                }
            }
            // "Skills used:" then "Perl, JavaScript, MySQL, ...": the
            // label's list is metadata, not an achievement.
            _ if self.after_label
                && (line.text.text.matches(',').count() >= 3
                    || is_spaced_list(&line.text.text)) =>
            {
                self.open_text = None;
                self.in_label_list = true;
            }
            // The list's wrapped lines ("    wkhtmltopdf, Sass, git.").
            _ if self.in_label_list && (line.text.text.contains(',') || words(line, 7) <= 6) => {}
            _ => match date {
                Some(_)
                    if !is_prose(line) || line.lead_emphasis.is_some() || words(line, 21) <= 20 =>
                {
                    self.dated_line(line)
                }
                _ => self.plain_line(line, after_gap),
            },
        }
    }

    /// A heading or emphasised line: a new role, or the header of one.
    fn anchor(&mut self, line: &'a Line, date: Option<FoundRange>) {
        self.resolve_candidates();
        self.in_label_list = false;
        self.after_label = false;
        let role = parse_header(&[line], self.lex);
        self.parent_indent = None;
        self.anchored = date.is_none();
        self.employer_heading = role.title.is_none() && role.company.is_some();
        self.roles.push(role);
        self.open_text = None;
        self.header_open = true;
    }

    /// A line with a date: the header of a new role (with the short lines
    /// just before it), or the dates of a role opened by a heading.
    fn dated_line(&mut self, line: &'a Line) {
        let (head, rest) = split_lead(line);
        let head_line = Line {
            text: head,
            ..line.clone()
        };
        let head_ref: &Line = &head_line;
        // A heading opened this role without dates: a dated line that
        // names no other title completes it, even after its first items
        // ("### Senior Audio Engineer" ... "Jan 2022 -> Now: MICROSOFT").
        // A title word inside an organisation's name ("Krishna Engineering
        // College - India, 4/2017 - 8/2018") names no other title.
        let new_title = parse_header(&[head_ref], self.lex).title.is_some_and(|t| {
            self.lex.title_words.is_match(&t.text) && !self.lex.employer_words.is_match(&t.text)
        });
        let current_open = self.anchored
            && self.candidates.is_empty()
            && self
                .roles
                .last()
                .is_some_and(|r| r.start.is_none() && (r.title.is_none() || !new_title));
        let sub_entry = self.candidates.is_empty()
            && !new_title
            && self.parent_indent.is_some_and(|i| line.indent > i);
        if current_open {
            self.fill_current(&[head_ref]);
        } else if sub_entry {
            // "A D Institute | Engineer" over "  Platform  2017 – 2018" and
            // "  Alumni Hub  2016 – 2018": the employer's dated projects,
            // one role from the first start to the last end.
            let found = parse_header(&[head_ref], self.lex);
            if let Some(role) = self.roles.last_mut() {
                widen(role, found.start, found.end);
            }
        } else {
            let mut group: Vec<&Line> = std::mem::take(&mut self.candidates);
            // Only the two lines right before can be title and company.
            let keep = group.len().saturating_sub(2);
            let dropped: Vec<&Line> = group.drain(..keep).collect();
            for d in dropped {
                self.push_text(d.text.clone(), d.indent);
            }
            // "Moxie Pest Control, Norcross, GA — Sales" / "Representative":
            // a header wrapped before its last word or two is one line.
            let wrapped = match group.as_slice() {
                [a, b]
                    if words(b, 3) <= 2
                        && !b.text.text.contains([',', '|', '—', '–'])
                        && a.text.text.contains(" — ")
                        && !a.text.text.trim_end().ends_with(['—', ',', '|']) =>
                {
                    let mut joined = (*a).clone();
                    joined.text.push_synthetic(" ");
                    joined.text.append(&b.text);
                    Some(joined)
                }
                _ => None,
            };
            if let Some(joined) = &wrapped {
                group = vec![joined];
            }
            group.push(head_ref);
            self.parent_indent =
                (group.len() >= 2 && head_ref.indent > group[0].indent).then_some(group[0].indent);
            let mut role = parse_header(&group, self.lex);
            // A title under an employer's heading is a promotion there.
            if role.company.is_none()
                && let Some(prev) = self.roles.last()
                && prev.company.is_some()
                && self.employer_heading
            {
                role.company = prev.company.clone();
            }
            self.roles.push(role);
            self.anchored = false;
        }
        self.header_open = rest.is_none();
        self.open_text = None;
        if let Some(rest) = rest {
            self.push_text(rest, line.indent);
        }
    }

    /// A line with no date and no marker.
    fn plain_line(&mut self, line: &'a Line, after_gap: bool) {
        // The second line of a header: "Rackspace Hosting   San Antonio, TX".
        // A header with title, company and dates takes no other "A | B"
        // line: that heads the next role ("GOOGLE | INTERN" right after
        // "Jan 2015 - Present | New York, NY").
        let complete = line.text.text.contains(" | ")
            && self
                .roles
                .last()
                .is_some_and(|r| r.title.is_some() && r.company.is_some() && r.start.is_some());
        // Under a header of dates alone ("2022 – 2025" in a margin), a
        // longer "Title, Company, City, ST" line still names the role.
        let dates_only = self
            .roles
            .last()
            .is_some_and(|r| r.title.is_none() && r.company.is_none());
        // "Firmware Engineer - VCI builds ...": under a header of employer
        // and dates, the first line opens with the title.
        if self.header_open
            && !after_gap
            && self
                .roles
                .last()
                .is_some_and(|r| r.title.is_none() && r.company.is_some() && r.start.is_some())
            && let Some((title, rest)) = lead_title(&line.text, self.lex)
        {
            if let Some(role) = self.roles.last_mut() {
                role.title = Some(title);
            }
            self.header_open = false;
            if let Some(rest) = rest {
                self.push_text(rest, line.indent);
            }
            return;
        }
        // Under a header of title and dates, "University of Massachusetts,
        // Amherst, MA" (an organisation ending in its place) is the employer.
        let title_only = self
            .roles
            .last()
            .is_some_and(|r| r.company.is_none() && r.title.is_some());
        // "**Defense Program** at NATO - ...": a line that opens with an
        // emphasised part and goes on with " at " names the role under a
        // header of dates alone, title words or not.
        let emphasised_at = line.lead_emphasis.is_some()
            && !line.text.text.trim_end().ends_with('.')
            && words(line, 15) <= 14
            && [" at ", " @ "]
                .iter()
                .any(|sep| line.text.text.contains(sep));
        // "Program Journalist   Jan 2022 – May 2022" over "Data Analytics,
        // University of Massachusetts, Amherst, MA": a dated line of one
        // part named the title when an organisation ending in its place
        // follows.
        if self.header_open
            && !after_gap
            && let Some(k) = place_start(line, self.lex)
            && let Some(role) = self.roles.last_mut()
            && role.title.is_none()
            && role.start.is_some()
            && role.company.is_some()
            && role.location.is_none()
            && !self.lex.title_words.is_match(&line.text.text[..k])
        {
            role.title = role.company.take();
            role.company = Some(line.text.slice(0, k).into_trimmed(&[',']));
            role.location = Some(
                line.text
                    .slice(k, line.text.text.len())
                    .into_trimmed(&[',']),
            );
            self.header_open = false;
            return;
        }
        let header_part = looks_like_header_part(line, self.lex)
            || dates_only && (names_role(line, self.lex) || emphasised_at)
            || title_only && ends_in_place(line);
        if self.header_open && !after_gap && !complete && header_part {
            self.header_open = false;
            self.fill_current(&[line]);
            return;
        }
        self.header_open = false;
        if !after_gap
            && let Some(i) = self.open_text
            && let Some(prev) = self.current_texts().get(i)
            && continues(prev, 0, line)
        {
            let prev = &mut self.current_texts()[i];
            prev.push_synthetic(" ");
            prev.append(&line.text);
            return;
        }
        // A long line of short parts with a place is a header, no sentence.
        let prose = is_prose(line) && !places_a_header(&line.text.text, self.lex);
        if prose || self.candidates.len() >= 2 || !looks_like_header_part(line, self.lex) {
            self.resolve_candidates();
            self.push_text(line.text.clone(), line.indent);
            return;
        }
        // A short line: the title or company of a role whose date follows,
        // or else a line of text.
        self.candidates.push(line);
    }

    /// Short lines that no date followed: a dateless "Title, Company" or
    /// "Title at Company" header when it reads as one, text otherwise.
    fn resolve_candidates(&mut self) {
        for line in std::mem::take(&mut self.candidates) {
            let t = &line.text.text;
            let has_sep = t.contains(", ")
                || t.contains(" | ")
                || t.contains(" at ")
                || t.contains(" — ")
                || t.contains(" – ");
            if has_sep
                && self.lex.title_words.is_match(t)
                && !t.trim_end().ends_with('.')
                && words(line, 11) <= 10
            {
                self.roles.push(parse_header(&[line], self.lex));
                self.parent_indent = None;
                self.anchored = true;
                self.open_text = None;
            } else {
                self.push_text(line.text.clone(), line.indent);
            }
        }
    }

    /// Fills the missing fields of the current role from more header lines.
    fn fill_current(&mut self, lines: &[&Line]) {
        let mut extra = parse_header(lines, self.lex);
        if extra.location.is_none() {
            extra.location = lines.first().and_then(|l| place_after_date(l));
        }
        if let Some(role) = self.roles.last_mut() {
            let undated = role.start.is_none();
            if role.start.is_none() {
                role.start = extra.start;
                role.end = extra.end;
            }
            if role.title.is_none()
                && extra.title.is_none()
                && extra.company.is_some()
                && role.company.is_some()
            {
                // The heading named the role, the dated line the employer.
                role.title = role.company.take();
            }
            // "## Intelligence: Offensive Warfare" over "_The Joint Staff,
            // 2024_": a heading of two parts split at its colon, with no
            // dates, under which a dated line names one employer, is one
            // title.
            if undated
                && extra.start.is_some()
                && extra.title.is_none()
                && extra.company.is_some()
                && role.title.is_some()
                && role.company.is_some()
                && !self.lex.title_words.is_match(&role.header.text)
                && role.header.text.matches(": ").count() == 1
                && !role.header.text.contains([',', '|', '—', '–'])
            {
                role.title = Some(role.header.clone().into_trimmed(&[]));
                role.company = extra.company.clone();
            }
            if role.title.is_none() {
                role.title = extra.title.clone();
            }
            if role.company.is_none() {
                role.company = extra
                    .company
                    .clone()
                    .or_else(|| extra.title.clone().filter(|_| role.title.is_some()));
            }
            if role.location.is_none() {
                role.location = extra.location;
            }
            self.anchored = role.start.is_none();
        }
    }

    fn current_texts(&mut self) -> &mut Vec<Text> {
        match self.roles.last_mut() {
            Some(r) => &mut r.bullets,
            None => &mut self.loose,
        }
    }

    fn push_text(&mut self, text: Text, _indent: usize) {
        let texts = self.current_texts();
        texts.push(text);
        self.open_text = Some(texts.len() - 1);
    }

    /// "Category: Professional", "Link: ...": metadata, not an item.
    fn is_metadata(&self, text: &str) -> bool {
        text.split_once(':').is_some_and(|(label, _)| {
            let label = label.trim().to_lowercase();
            self.lex.metadata_labels.contains(&label)
        })
    }

    /// Bulk-data key-value lines: "company - Acme", "description - ...".
    fn key_value(&mut self, key: &str, line: &'a Line, value_start: usize) {
        self.resolve_candidates();
        let value = line
            .text
            .slice(value_start, line.text.text.len())
            .trimmed(&[]);
        if value.is_empty() {
            return;
        }
        let is = |p: &str| key.starts_with(p);
        // "Title: The Morality of Beauty in Strategic Defense Part I ...":
        // a work's title under a role, too long to be a job's.
        let titled = is("designation") || is("role") || is("title") || is("position");
        if titled && (value.text.split_whitespace().count() > 10 || value.text.ends_with('.')) {
            self.push_text(value, line.indent);
            return;
        }
        if is("description") || is("responsibilities") {
            for item in split_inline_bullets(&value) {
                self.push_text(item, line.indent);
            }
            return;
        }
        if is("company") || is("employer") || is("organi") || self.roles.is_empty() {
            self.roles.push(Role {
                header: value.clone(),
                ..Role::default()
            });
        }
        let role = self.roles.last_mut().expect("a role was just ensured");
        if is("company") || is("employer") || is("organi") {
            role.company = Some(value);
        } else if is("designation") || is("role") || is("title") || is("position") {
            role.title = Some(value);
        } else if is("location") {
            role.location = Some(value);
        } else if let Some(r) = date::find_range(&value.text) {
            role.start = r.start;
            role.end = r.end;
        }
        self.open_text = None;
        self.anchored = false;
    }
}

/// Widens a role's dates to cover a start and an end too.
fn widen(role: &mut Role, start: Option<date::DatePoint>, end: Option<date::DatePoint>) {
    let today = date::current_month();
    let key = |d: date::DatePoint| d.months(today, 1);
    if let Some(s) = start
        && role.start.is_none_or(|r| key(s) < key(r))
    {
        role.start = Some(s);
    }
    if let Some(e) = end
        && role.end.is_none_or(|r| key(e) > key(r))
    {
        role.end = Some(e);
    }
}

/// "Acme Robotics, Austin, TX": a short line whose part after a comma is
/// a place, and whose part before it is no sentence.
fn ends_in_place(line: &Line) -> bool {
    let t = line.text.text.trim_end();
    if t.ends_with('.') || words(line, 15) > 14 {
        return false;
    }
    t.match_indices(", ")
        .any(|(k, _)| k > 0 && is_location(&t[k + 2..]))
}

/// Where the place ends a line of [`ends_in_place`] shape: the byte after
/// the first ", " that the place follows ("Ridgeway University, Amherst,
/// MA" has a place's shape, but names an organisation).
fn place_start(line: &Line, lex: &Lexicon) -> Option<usize> {
    let t = line.text.text.trim_end();
    if t.ends_with('.') || words(line, 15) > 14 {
        return None;
    }
    t.match_indices(", ")
        .find(|&(k, _)| {
            let rest = &t[k + 2..];
            k > 0 && is_location(rest) && !lex.employer_words.is_match(rest)
        })
        .map(|(k, _)| k + 2)
}

/// "Security Consultant - SuccessFactors leads ...": a title of a few
/// words with a title word, then a dash or colon and the description.
fn lead_title(text: &Text, lex: &Lexicon) -> Option<(Text, Option<Text>)> {
    let t = &text.text;
    let cut = [" - ", " – ", " — ", ": "]
        .iter()
        .filter_map(|sep| t.find(sep).map(|i| (i, sep.len())))
        .min()?;
    let head = t[..cut.0].trim();
    let n = head.split_whitespace().count();
    if !(1..=6).contains(&n) || head.ends_with('.') || !lex.title_words.is_match(head) {
        return None;
    }
    let title = text.slice(0, cut.0).into_trimmed(&[]);
    let rest = text.slice(cut.0 + cut.1, t.len()).into_trimmed(&[]);
    Some((title, (!rest.is_empty()).then_some(rest)))
}

/// "May 2013 – Aug 2013 | Mountain View, CA": the place after a header
/// line's dates, which alone splits into two parts no header reads as one.
fn place_after_date(line: &Line) -> Option<Text> {
    let t = &line.text;
    let r = date::find_range(&t.text)?;
    let place = t
        .slice(r.range.end, t.text.len())
        .trimmed(&['|', '-', '–', '—', ',', '·', '•']);
    is_location(&place.text).then_some(place)
}

/// Splits "**Acme, 2019 – 2021.** Acme makes ..." into the emphasised
/// header part and the description after it.
fn split_lead(line: &Line) -> (Text, Option<Text>) {
    match line.lead_emphasis {
        Some(end) if end < line.text.text.len() => {
            let head = line.text.slice(0, end).into_trimmed(&['.']);
            let rest = line.text.slice(end, line.text.text.len()).into_trimmed(&[]);
            // Split only when prose follows: "**Acme, 2019.** Acme makes
            // ..."; a short tail ("; remote, part-time") is header too.
            if date::find_range(&head.text).is_some() && rest.text.split_whitespace().count() >= 5 {
                return (head, Some(rest));
            }
            (line.text.clone(), None)
        }
        _ => (line.text.clone(), None),
    }
}

/// Reads title, company, location and dates from a role's header lines.
pub fn parse_header(lines: &[&Line], lex: &Lexicon) -> Role {
    let mut role = Role {
        header: lines[0].text.clone(),
        ..Role::default()
    };
    let mut segments: Vec<(Text, bool)> = Vec::new(); // (segment, follows " at ")
    for line in lines {
        let mut text = line.text.clone();
        // Where a bold or italic lead ends ("**Head of Design** Northwind"),
        // the header's first part ends too.
        let mut lead = line.lead_emphasis.filter(|&e| e < text.text.len());
        if role.start.is_none()
            && let Some(r) = date::find_range(&text.text)
        {
            if lead.is_some_and(|e| e > r.range.start) {
                lead = None;
            }
            role.start = r.start;
            role.end = r.end;
            let mut rest = text.slice(0, r.range.start);
            let tail = text.slice(r.range.end, text.text.len());
            rest.push_synthetic("  ");
            rest.append(&tail);
            text = rest;
        }
        let t = &text.text;
        let mut last = 0;
        let mut at_split = false;
        // "**Intelligence: Offensive Warfare** at The Joint Staff": an
        // emphasised lead that " at " follows is one title, colon or not.
        let whole_lead = lead.filter(|&e| {
            let after = t[e..].trim_start_matches(['*', '_']).trim_start();
            after.starts_with("at ") || after.starts_with("@ ")
        });
        for m in SEPARATOR_RE.find_iter(t) {
            if whole_lead.is_some_and(|e| m.end() <= e) {
                continue;
            }
            // "Engineer (Freelance, Part-time)": no split inside brackets.
            // Full-width brackets too: "晨星资讯（Morningstar, Inc.）".
            let open = t[..m.start()].matches(['(', '（']).count();
            let comma = m.as_str().trim_start().starts_with([',', ';']);
            if comma && open > t[..m.start()].matches([')', '）']).count() {
                continue;
            }
            if let Some(e) = lead.filter(|&e| last <= e && e < m.start()) {
                push_segment(&mut segments, text.slice(last, e), at_split);
                at_split = false;
                last = e;
            }
            push_segment(&mut segments, text.slice(last, m.start()), at_split);
            at_split = matches!(m.as_str().trim(), "at" | "@");
            last = m.end();
        }
        if let Some(e) = lead.filter(|&e| last <= e && e < t.len()) {
            push_segment(&mut segments, text.slice(last, e), at_split);
            at_split = false;
            last = e;
        }
        push_segment(&mut segments, text.slice(last, t.len()), at_split);
    }
    join_legal_suffixes(&mut segments, lex);
    // Employment types are neither company nor title; "remote" is a place;
    // a dates label ("From: 2012 – Present") and a street address ("10
    // Country Club drive") are neither.
    let mut own_account: Option<Text> = None;
    segments.retain(|(s, _)| {
        let t = s
            .text
            .trim_matches(|c: char| c == '(' || c == ')' || c == '.');
        if t.eq_ignore_ascii_case("remote") && role.location.is_none() {
            role.location = Some(s.clone());
            return false;
        }
        let lower = t.to_lowercase();
        if lex.self_employed.contains(&lower) && own_account.is_none() {
            own_account = Some(s.clone());
            return false;
        }
        !EMPLOYMENT_TYPE_RE.is_match(t) && !lex.date_labels.contains(&lower)
    });
    // An address beside another part is no employer; alone, or after " at
    // " ("Fellow at 10 Downing Street"), it is the name the header gives.
    let street =
        |(s, at): &(Text, bool)| !*at && is_street(s.text.trim_matches(['(', ')', '.']), lex);
    if segments.iter().any(|seg| !street(seg)) {
        segments.retain(|seg| !street(seg));
    }
    // "City, ST" or "City, Country", once the comma split it: re-join the
    // pair when a title or a company still stands beside it ("Buyer, Home
    // Goods" alone is a title and a department, not a place).
    let mut i = 0;
    while segments.len() >= 2 && i + 1 < segments.len() {
        let (city, region) = (&segments[i].0, &segments[i + 1].0);
        let pair = format!("{}, {}", city.text, region.text);
        let state_code =
            region.text.len() == 2 && region.text.chars().all(|c| c.is_ascii_uppercase());
        let untitled =
            !lex.title_words.is_match(&city.text) && !lex.title_words.is_match(&region.text);
        let tail = i + 2 == segments.len();
        // "Purchase, New York" among four parts or more, after the first
        // and ending the place: a town the gazetteer lacks, in a region
        // (a name, not a code) it knows. "Acme, Mountain View, CA" is no
        // such pair: the place goes on.
        let known_region = segments.len() >= 4
            && i > 0
            && !state_code
            && is_place(&region.text)
            && segments.get(i + 2).is_none_or(|(next, _)| {
                let code = (2..=3).contains(&next.text.len())
                    && next.text.chars().all(|c| c.is_ascii_uppercase());
                !code && !is_location(&next.text)
            });
        // Two parts alone ("Valencia, Spain" once the dates and "Freelance"
        // went) pair only when the gazetteer knows both.
        let alone = segments.len() == 2;
        if untitled
            && is_location(&pair)
            && (!alone && (state_code || known_region || tail && segments.len() >= 4)
                || is_place(&pair))
        {
            let mut location = city.clone();
            location.push_synthetic(", ");
            location.append(region);
            segments[i].0 = location;
            segments.remove(i + 1);
        }
        i += 1;
    }
    // A place is never the employer or the title: every segment that is
    // wholly one goes (the first is the location), while a segment that
    // only has a place's shape ("Buyer, Home Goods") goes only as the
    // location.
    segments.retain(|(s, _)| {
        if lex.title_words.is_match(&s.text) {
            return true;
        }
        // "RDVO, Inc" has a place's shape: the suffix makes it an employer.
        let suffixed = s.text.rsplit_once(',').is_some_and(|(_, last)| {
            let last = last.trim().trim_end_matches('.');
            !is_state_code(last)
                && lex
                    .consistency
                    .company_suffixes
                    .iter()
                    .any(|x| x.eq_ignore_ascii_case(last))
        });
        if suffixed {
            return true;
        }
        if role.location.is_none() && is_location(&s.text) {
            role.location = Some(s.clone());
            false
        } else {
            !is_place(&s.text)
        }
    });
    split_shouted_lead(&mut segments, lex);
    // The title is a part with a title word, best one that names no
    // organisation ("Backend Developer" before "Krishna Engineering College").
    // What follows " at " is the employer, title word or not ("... at The
    // Joint Staff").
    let after_at = segments.len() >= 2 && segments.iter().any(|(_, at)| *at);
    // "The Joint Staff": a name opens with an article (`[roles]
    // name-articles`), a title does not.
    let named = |t: &str| {
        t.split_whitespace().next().is_some_and(|w| {
            w.starts_with(char::is_uppercase) && lex.name_articles.contains(&w.to_lowercase())
        })
    };
    let titled = |(s, at): &(Text, bool)| {
        lex.title_words.is_match(&s.text) && !(*at && after_at) && !named(&s.text)
    };
    let title_idx = segments
        .iter()
        .position(|seg| titled(seg) && !lex.employer_words.is_match(&seg.0.text))
        .or_else(|| segments.iter().position(titled));
    // A segment that ends in a legal suffix ("PingCAP Inc.", "Acme GmbH")
    // is the employer, whatever its place; the title is the segment with a
    // title word, else the last other one ("Acme Inc. - Data - R&D").
    let employer_idx = segments
        .iter()
        .position(|(s, _)| ends_with_legal_suffix(&s.text, lex));
    if let Some(e) = employer_idx
        && segments.len() >= 2
        && title_idx != Some(e)
    {
        let t = title_idx.unwrap_or(if e == segments.len() - 1 {
            0
        } else {
            segments.len() - 1
        });
        role.company = Some(segments[e].0.clone());
        role.title = Some(segments[t].0.clone());
        return role;
    }
    match title_idx {
        Some(i) => {
            role.title = Some(segments[i].0.clone());
            // "Title at Company": the company follows; else the first other.
            let company = segments.get(i + 1).filter(|(_, at)| *at).or_else(|| {
                segments
                    .iter()
                    .enumerate()
                    .find(|&(j, _)| j != i)
                    .map(|(_, s)| s)
            });
            role.company = company.map(|(s, _)| s.clone());
        }
        None => {
            // No title word: "Title, Company" is the common order, but an
            // all-caps first segment is a company ("SALSIFY, Staff SE"), and
            // so is one that names an organisation where the other does
            // not ("Golf Club of Purchase: Course Management").
            let mut it = segments.into_iter().map(|(s, _)| s);
            let (a, b) = (it.next(), it.next());
            let shouted = a.as_ref().is_some_and(|s| is_shouted(&s.text));
            let organisation = |t: &Option<Text>| {
                t.as_ref()
                    .is_some_and(|s| lex.employer_words.is_match(&s.text))
            };
            let first_names_employer = organisation(&a) && !organisation(&b);
            match (a, b) {
                (Some(a), Some(b)) if shouted || first_names_employer => {
                    role.company = Some(a);
                    role.title = Some(b);
                }
                (Some(a), Some(b)) => {
                    role.title = Some(a);
                    role.company = Some(b);
                }
                (Some(a), None) => role.company = Some(a),
                _ => {}
            }
        }
    }
    // "Freelance" beside a title, or on a line of its own under one: no
    // other employer was named, so the work on one's own account is it.
    if role.company.is_none() {
        role.company = own_account;
    }
    role
}

/// Whether every letter of `t` is a capital, and there are three or more.
fn is_shouted(t: &str) -> bool {
    let mut letters = t.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some()
        && t.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && letters.all(char::is_uppercase)
}

/// "10 Country Club drive", "Belair rd": a street address, which a house
/// number opens or a street word (`[roles] street-words`) ends.
fn is_street(t: &str, lex: &Lexicon) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.len() < 2 || words.len() > 6 {
        return false;
    }
    // "42", "12-14": a number alone ("3D Room Space" is a name).
    let numbered = words[0].chars().all(|c| c.is_ascii_digit() || c == '-')
        && words[0].starts_with(|c: char| c.is_ascii_digit())
        && words[1].starts_with(|c: char| c.is_alphabetic());
    let last = words[words.len() - 1].trim_end_matches('.').to_lowercase();
    numbered && words.len() >= 3
        || lex.street_words.contains(&last) && !lex.employer_words.is_match(t)
}

/// "CROWDSTRIKE Senior SE": a header part that opens with a run of
/// capitalised-throughout words (no title word among them) before a title
/// is the employer and the title run together; it becomes two parts when
/// it is the header's only part and the rest is a title's few words. A short run ("IBM", "SAP") may be a
/// part of the title ("SAP Consultant"), so the run has four letters or
/// more.
fn split_shouted_lead(segments: &mut Vec<(Text, bool)>, lex: &Lexicon) {
    let [(seg, at)] = segments.as_slice() else {
        return;
    };
    let t = &seg.text;
    let mut end = 0;
    for w in t.split_whitespace() {
        let start = w.as_ptr() as usize - t.as_ptr() as usize;
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        if letters == 0
            || !w
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
        {
            break;
        }
        end = start + w.len();
    }
    if end == 0 || end >= t.len() {
        return;
    }
    let (lead, rest) = (&t[..end], t[end..].trim_start());
    let lead_letters = lead.chars().filter(|c| c.is_alphabetic()).count();
    if lead_letters < 4
        || lex.title_words.is_match(lead)
        || !lex.title_words.is_match(rest)
        || lex.employer_words.is_match(rest)
        || rest.split_whitespace().count() > 4
        || !rest.starts_with(|c: char| c.is_uppercase())
        || is_shouted(rest)
    {
        return;
    }
    let at = *at;
    let company = seg.slice(0, end).into_trimmed(&[]);
    let title = seg.slice(end, t.len()).into_trimmed(&[]);
    *segments = vec![(company, at), (title, false)];
}

/// "CO", "SA": two capitals, which a place's region code and a legal
/// form share.
fn is_state_code(w: &str) -> bool {
    w.len() == 2
        && w.chars().all(|c| c.is_ascii_uppercase())
        && PLACES.contains(format!("={}", w.to_ascii_lowercase()).as_str())
}

/// Whether an employer's legal form ends `t` ("PingCAP Inc.", "Acme
/// GmbH", "Zoran, Inc. (acquired by CSR)"), capitalised as names are.
fn ends_with_legal_suffix(t: &str, lex: &Lexicon) -> bool {
    let t = match t.find(" (") {
        Some(i) if t.trim_end().ends_with(')') => &t[..i],
        _ => t,
    };
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.len() < 2 {
        return false;
    }
    let last = words[words.len() - 1].trim_end_matches(['.', ',']);
    // "Denver, CO": a state, not "Co."
    let state = is_state_code(last) && is_location(t);
    let common = matches!(last.to_lowercase().as_str(), "the" | "company");
    last.starts_with(|c: char| c.is_uppercase())
        && !state
        && !common
        && lex
            .consistency
            .company_suffixes
            .iter()
            .any(|s| s.eq_ignore_ascii_case(last))
}

/// "VitalConnect, Inc.", "Zoran, Inc. (acquired by CSR)": a segment that
/// is a legal suffix (`[consistency] company-suffixes`) belongs to the
/// employer before its comma.
fn join_legal_suffixes(segments: &mut Vec<(Text, bool)>, lex: &Lexicon) {
    let mut i = 1;
    while i < segments.len() {
        let t = segments[i].0.text.trim();
        let first = t
            .split(|c: char| c.is_whitespace() || c == '(')
            .next()
            .unwrap_or("");
        let rest = t[first.len()..].trim_start();
        let word = first.trim_end_matches(['.', ',']).to_lowercase();
        let suffix = first.starts_with(|c: char| c.is_uppercase())
            && (rest.is_empty() || rest.starts_with('('))
            && lex
                .consistency
                .company_suffixes
                .iter()
                .any(|s| s.eq_ignore_ascii_case(&word));
        if suffix {
            let (tail, _) = segments.remove(i);
            let prev = &mut segments[i - 1].0;
            prev.push_synthetic(", ");
            prev.append(&tail);
        } else {
            i += 1;
        }
    }
}

fn push_segment(segments: &mut Vec<(Text, bool)>, t: Text, at: bool) {
    let t = t.trimmed(&['|', ',', '-', '–', '—', '·', '•', ':', ';', '*', '_']);
    // Parentheses a split or a removed date cut in half are dropped;
    // balanced ones stay: "Senior PM (Product & UX)".
    let opens = t.text.matches('(').count();
    let closes = t.text.matches(')').count();
    let wrapped = t.text.starts_with('(') && t.text.ends_with(')') && opens == 1;
    let t = if opens != closes || wrapped {
        t.trimmed(&['(', ')'])
    } else {
        t
    };
    if t.text.chars().any(char::is_alphabetic) {
        segments.push((t, at));
    }
}

#[cfg(test)]
mod tests {
    use super::PLACE_RE;

    #[test]
    fn places_with_accented_names_are_places() {
        for place in [
            "Zürich, Switzerland",
            "Kraków, Poland",
            "São Paulo, Brazil",
            "Boston, MA",
            "Remote",
        ] {
            assert!(PLACE_RE.is_match(place), "{place}");
        }
        for not_place in ["Built the billing service, end to end", "Python, SQL"] {
            assert!(!PLACE_RE.is_match(not_place), "{not_place}");
        }
    }
}
