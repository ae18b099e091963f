//! Classified lines → document structure: name, headline, summary,
//! sections, roles with titles, dates and bullets, skills and education.
//!
//! Resumes are line-oriented and wildly varied, so this works on lines and
//! local evidence (dates, title words, separators, emphasis) rather than on
//! a grammar. Whatever it cannot place in a role stays as a loose bullet so
//! the rules still see it.

use std::sync::LazyLock;

use regex::Regex;

use super::lines::{Line, LineKind};
use crate::date;
use crate::lexicon::{Lexicon, SectionKind};
use crate::model::{Document, Role};
use crate::source::Text;

/// A section: its kind (None for an unknown heading) and its lines.
struct Section<'a> {
    kind: Option<SectionKind>,
    lines: &'a [Line],
}

static CONTACT_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)@|https?://|www\.|\b(?:linkedin|github|gitlab)\.com|\b(?:e-?mail|phone|tel|mobile|cell|address|web|website)\s*:|\+?\d[\d\s().-]{7,}\d|^\S+\.(?:com|io|dev|org|net|me|ai|co|info|xyz)(?:/\S*)?$")
        .expect("contact regex")
});
static KEY_VALUE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(company|employer|organi[sz]ation|designation|role|title|position|duration|period|description|responsibilities|project|location)\s*(?:name)?\s*[-:–]\s*")
        .expect("key-value regex")
});
static SEPARATOR_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s+[|•·∙◦–—-]\s+|\s*\|\s*|\s{2,}|\s+(?:at|@)\s+|,\s+|\(|\)")
        .expect("separator regex")
});
static LOCATION_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?i:remote|hybrid|on-?site|worldwide)|[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3},\s*(?:[A-Z]{2}|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)(?:,\s*[A-Z][\w ]+)?)$")
        .expect("location regex")
});
static GLUED_HEADING_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(Education Details|Company Details|Skill Details|Project Details)\s*$")
        .expect("glued regex")
});

/// Fills `doc` from `lines`.
pub fn segment(doc: &mut Document, lines: Vec<Line>, lex: &Lexicon) {
    let lines = split_glued_headings(lines);
    let (preamble_end, sections) = find_sections(&lines, lex);
    read_preamble(doc, &lines[..preamble_end]);

    let has_experience = sections
        .iter()
        .any(|s| s.kind == Some(SectionKind::Experience));
    for section in &sections {
        match section.kind {
            Some(SectionKind::Experience) => {
                let (roles, loose) = parse_entries(section.lines, lex);
                doc.roles.extend(roles);
                doc.loose_bullets.extend(loose);
            }
            Some(SectionKind::Projects) => {
                let (projects, loose) = parse_entries(section.lines, lex);
                doc.projects.extend(projects);
                doc.loose_bullets.extend(loose);
            }
            Some(SectionKind::Skills) => doc.skills.extend(parse_skills(section.lines)),
            Some(SectionKind::Education) => doc.education.extend(
                section
                    .lines
                    .iter()
                    .filter(|l| !l.is_blank())
                    .map(|l| l.text.clone()),
            ),
            Some(SectionKind::Summary) => {
                if let Some(s) = join_lines(section.lines.iter().filter(|l| !l.is_blank())) {
                    match &mut doc.summary {
                        Some(existing) => {
                            existing.push_synthetic(" ");
                            existing.push(&s.text, s.source_offset(0));
                        }
                        None => doc.summary = Some(s),
                    }
                }
            }
            Some(SectionKind::Other) => {}
            None => {
                // An unknown section that looks like a list of dated roles
                // is experience when the document has no experience section.
                if !has_experience && looks_like_roles(section.lines) {
                    let (roles, loose) = parse_entries(section.lines, lex);
                    doc.roles.extend(roles);
                    doc.loose_bullets.extend(loose);
                }
            }
        }
    }
}

/// "...monthsCompany Details" (the bulk data set glues headings onto the
/// previous line): split such lines so the heading stands alone.
fn split_glued_headings(lines: Vec<Line>) -> Vec<Line> {
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        match GLUED_HEADING_RE.find(&line.text.text) {
            Some(m) if m.start() > 0 => {
                let mut head = line.clone();
                head.text = line.text.slice(0, m.start()).trimmed(&[]);
                let mut tail = line.clone();
                tail.text = line.text.slice(m.start(), m.end());
                tail.kind = LineKind::Heading(2);
                out.push(head);
                out.push(tail);
            }
            _ => out.push(line),
        }
    }
    out
}

/// Whether a line is a section heading, and of which kind.
fn heading_kind(line: &Line, lex: &Lexicon) -> Option<Option<SectionKind>> {
    let text = &line.text.text;
    let words = text.split_whitespace().count();
    if words == 0 || words > 6 {
        return None;
    }
    let known = lex.section_kind(text).or_else(|| {
        // "EXPERIENCE AS SENIOR PERL DEVELOPER": a known heading that
        // carries more words, in a heading or an all-caps line.
        let shouted = text
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
        let head = matches!(line.kind, LineKind::Heading(_)) || shouted;
        let norm = crate::lexicon::normalize_heading(text);
        let (first, rest) = norm.split_once(' ')?;
        (head && (rest.starts_with("as ") || rest.starts_with("at ")))
            .then(|| lex.section_kind(first))
            .flatten()
    });
    match line.kind {
        LineKind::Heading(level) => {
            if known.is_some() {
                Some(known)
            } else if level <= 2 {
                Some(None)
            } else {
                None
            }
        }
        LineKind::Plain => {
            let letters: String = text.chars().filter(|c| c.is_alphabetic()).collect();
            let all_caps = letters.len() >= 4 && letters.chars().all(char::is_uppercase);
            let decorated = line.emphasized || text.trim_end().ends_with(':') || all_caps;
            if known.is_some() && (decorated || words <= 3) {
                Some(known)
            } else if all_caps
                && words <= 4
                && !text.chars().any(|c| c.is_ascii_digit())
                && line.indent == 0
            {
                // An all-caps line we do not know ("SERVICE & TEACHING").
                Some(None)
            } else {
                None
            }
        }
        _ => None,
    }
}

fn find_sections<'a>(lines: &'a [Line], lex: &Lexicon) -> (usize, Vec<Section<'a>>) {
    let mut heads: Vec<(usize, Option<SectionKind>)> = Vec::new();
    // The level of the last known section heading: an unknown heading below
    // it ("## VP of Design" under "# Experience") is an entry, not a section.
    let mut known_level: Option<u8> = None;
    for (i, l) in lines.iter().enumerate() {
        let Some(kind) = heading_kind(l, lex) else {
            continue;
        };
        let level = match l.kind {
            LineKind::Heading(level) => Some(level),
            _ => None,
        };
        if kind.is_some() {
            known_level = level.or(known_level);
        } else if let (Some(level), Some(known)) = (level, known_level)
            && level > known
        {
            continue;
        }
        // The first level-1 heading is the name, not a section.
        if kind.is_none() && l.kind == LineKind::Heading(1) && lines[..i].iter().all(Line::is_blank)
        {
            continue;
        }
        heads.push((i, kind));
    }
    let preamble_end = heads.first().map_or(lines.len(), |&(i, _)| i);
    let mut sections = Vec::new();
    for (n, &(i, kind)) in heads.iter().enumerate() {
        let end = heads.get(n + 1).map_or(lines.len(), |&(j, _)| j);
        sections.push(Section {
            kind,
            lines: &lines[i + 1..end],
        });
    }
    // No headings at all: read the body as one unknown section.
    if heads.is_empty() {
        let start = lines.iter().position(|l| !l.is_blank()).unwrap_or(0);
        return (
            lines.len().min(start + 6),
            vec![Section {
                kind: None,
                lines: &lines[lines.len().min(start + 6)..],
            }],
        );
    }
    (preamble_end, sections)
}

fn is_contact(text: &str) -> bool {
    CONTACT_RE.is_match(text)
}

/// Name, headline and summary from the lines before the first section.
fn read_preamble(doc: &mut Document, lines: &[Line]) {
    let mut content = lines.iter().filter(|l| !l.is_blank());
    let Some(first) = content.next() else {
        return;
    };
    let looks_like_name = |t: &str| {
        let words = t.split_whitespace().count();
        (1..=5).contains(&words) && !is_contact(t) && !t.chars().any(|c| c.is_ascii_digit())
    };
    let mut rest: Vec<&Line> = content.collect();
    if looks_like_name(&first.text.text) {
        // "Jane Doe | Staff ML Engineer": the name and the headline share a line.
        doc.name = Some(first.text.clone());
    } else if let Some(m) = SEPARATOR_RE
        .find(&first.text.text)
        .filter(|m| m.as_str().contains('|'))
    {
        doc.name = Some(first.text.slice(0, m.start()).trimmed(&[]));
        let mut head = first.clone();
        head.text = first
            .text
            .slice(m.end(), first.text.text.len())
            .trimmed(&[]);
        if !is_contact(&head.text.text) {
            doc.headline = Some(head.text);
        }
    } else {
        rest.insert(0, first);
    }
    let mut summary_lines = Vec::new();
    for line in rest {
        let t = &line.text.text;
        let words = t.split_whitespace().count();
        let place = LOCATION_RE.is_match(t) || (words == 1 && t.chars().count() <= 4);
        if is_contact(t) || place {
            // Contact and location lines are neither headline nor summary.
            continue;
        }
        if doc.headline.is_none() && summary_lines.is_empty() && words <= 14 && !t.ends_with('.') {
            doc.headline = Some(line.text.clone());
        } else if words >= 6 {
            summary_lines.push(line);
        }
    }
    if doc.summary.is_none() {
        doc.summary = join_lines(summary_lines.into_iter());
    }
}

fn join_lines<'a>(lines: impl Iterator<Item = &'a Line>) -> Option<Text> {
    let mut out: Option<Text> = None;
    for l in lines {
        match &mut out {
            None => out = Some(l.text.clone()),
            Some(t) => {
                t.push_synthetic(" ");
                t.push(&l.text.text, l.text.source_offset(0));
            }
        }
    }
    out
}

fn looks_like_roles(lines: &[Line]) -> bool {
    let dated = lines
        .iter()
        .filter(|l| {
            l.kind != LineKind::Bullet
                && date::find_range(&l.text.text).is_some_and(|r| r.end.is_some())
        })
        .count();
    let bullets = lines.iter().filter(|l| l.kind == LineKind::Bullet).count();
    dated >= 1 && bullets >= 1
}

fn is_prose(line: &Line) -> bool {
    let t = &line.text.text;
    // Separators ("—", "|", "-") between a header's parts are no words.
    let words = t
        .split_whitespace()
        .filter(|w| {
            !w.chars()
                .all(|c| matches!(c, '-' | '–' | '—' | '|' | '/' | '·'))
        })
        .count();
    words > 14 || (words > 7 && t.trim_end().ends_with('.'))
}

/// Whether a line can be (part of) a role header.
fn is_header_like(line: &Line) -> bool {
    matches!(line.kind, LineKind::Heading(_)) || line.emphasized || !is_prose(line)
}

/// Parses the entries of an experience or projects section into roles.
fn parse_entries(lines: &[Line], lex: &Lexicon) -> (Vec<Role>, Vec<Text>) {
    let mut roles: Vec<Role> = Vec::new();
    let mut loose = Vec::new();
    let mut pending: Vec<&Line> = Vec::new();
    // Whether the last thing added was a bullet that may continue.
    let mut last_bullet_open = false;
    let mut blank_before = false;

    for line in lines {
        if line.is_blank() {
            last_bullet_open = false;
            blank_before = true;
            continue;
        }
        let was_blank = std::mem::replace(&mut blank_before, false);
        // Bulk-data key-value lines: "company - Acme", "description - ...".
        if let Some(m) = KEY_VALUE_RE.find(&line.text.text) {
            let key = m.as_str().to_lowercase();
            let value = line.text.slice(m.end(), line.text.text.len()).trimmed(&[]);
            if key.starts_with("description") || key.starts_with("responsibilities") {
                flush(&mut pending, &mut roles, lex);
                if !value.is_empty() {
                    push_bullet(&mut roles, &mut loose, value);
                }
                last_bullet_open = false;
            } else if !value.is_empty() {
                if key.starts_with("company")
                    || key.starts_with("employer")
                    || key.starts_with("organi")
                {
                    flush(&mut pending, &mut roles, lex);
                }
                let mut l = line.clone();
                l.text = value;
                // Keep the key so the header parser knows the field.
                pending_key_value(&key, l, &mut roles, &mut pending);
            }
            continue;
        }
        match line.kind {
            LineKind::Bullet => {
                flush(&mut pending, &mut roles, lex);
                push_bullet(&mut roles, &mut loose, line.text.clone());
                last_bullet_open = true;
            }
            _ if last_bullet_open && !was_blank && is_continuation(line) => {
                let target = roles.last_mut().map_or(&mut loose, |r| &mut r.bullets);
                if let Some(b) = target.last_mut() {
                    b.push_synthetic(" ");
                    b.push(&line.text.text, line.text.source_offset(0));
                }
            }
            _ if is_header_like(line)
                && !(pending.is_empty() && is_description_line(line, &roles)) =>
            {
                last_bullet_open = false;
                if was_blank && pending.len() >= 2 {
                    flush(&mut pending, &mut roles, lex);
                }
                pending.push(line);
            }
            _ => {
                // Prose under a header: the role's description, linted as
                // a bullet. Several sentences are split so each reads alone.
                flush(&mut pending, &mut roles, lex);
                push_bullet(&mut roles, &mut loose, line.text.clone());
                last_bullet_open = true;
            }
        }
    }
    flush(&mut pending, &mut roles, lex);
    (roles, loose)
}

/// A short plain line right after a role's header and bullets, with no
/// date and no title word, reads as description rather than a new header
/// when it ends with a full stop.
fn is_description_line(line: &Line, roles: &[Role]) -> bool {
    line.kind == LineKind::Plain
        && !line.emphasized
        && roles.last().is_some_and(|r| !r.bullets.is_empty())
        && line.text.text.trim_end().ends_with('.')
        && date::find_range(&line.text.text).is_none()
}

fn is_continuation(line: &Line) -> bool {
    line.kind == LineKind::Plain
        && !line.emphasized
        && date::find_range(&line.text.text).is_none()
        && (line.indent >= 2
            || line
                .text
                .text
                .chars()
                .next()
                .is_some_and(|c| c.is_lowercase() || !c.is_alphanumeric()))
}

fn push_bullet(roles: &mut [Role], loose: &mut Vec<Text>, text: Text) {
    match roles.last_mut() {
        Some(r) => r.bullets.push(text),
        None => loose.push(text),
    }
}

fn pending_key_value(key: &str, line: Line, roles: &mut Vec<Role>, _pending: &mut Vec<&Line>) {
    // Key-value headers name their field, so they build the role directly.
    if key.starts_with("company")
        || key.starts_with("employer")
        || key.starts_with("organi")
        || roles.is_empty()
    {
        roles.push(Role {
            header: line.text.clone(),
            ..Role::default()
        });
    }
    let role = roles.last_mut().expect("a role was just ensured");
    let value = Some(line.text.clone());
    if key.starts_with("company") || key.starts_with("employer") || key.starts_with("organi") {
        role.company = value;
    } else if key.starts_with("designation")
        || key.starts_with("role")
        || key.starts_with("title")
        || key.starts_with("position")
    {
        role.title = value;
    } else if key.starts_with("location") {
        role.location = value;
    } else if let Some(r) = date::find_range(&line.text.text) {
        role.start = r.start;
        role.end = r.end;
    }
}

/// Turns the pending header lines into one or more roles.
fn flush(pending: &mut Vec<&Line>, roles: &mut Vec<Role>, lex: &Lexicon) {
    if pending.is_empty() {
        return;
    }
    let mut groups: Vec<Vec<&Line>> = Vec::new();
    for &line in pending.iter() {
        let has_date = |l: &&Line| date::find_range(&l.text.text).is_some();
        let starts_new = match groups.last() {
            None => true,
            Some(g) => {
                let g_dated = g.iter().any(has_date);
                let heading = matches!(line.kind, LineKind::Heading(_));
                g.len() >= 4
                    || (g_dated && has_date(&line))
                    || (heading && g.iter().any(|l| matches!(l.kind, LineKind::Heading(_))))
            }
        };
        if starts_new {
            groups.push(vec![line]);
        } else if let Some(g) = groups.last_mut() {
            g.push(line);
        }
    }
    pending.clear();
    for g in groups {
        let role = parse_header(&g, lex);
        // A header with only a title under an employer's header is a
        // promotion: it keeps the employer.
        let role = match roles.last() {
            Some(prev)
                if role.company.is_none()
                    && role.title.is_some()
                    && prev.company.is_some()
                    && prev.bullets.is_empty()
                    && prev.title.is_none() =>
            {
                let mut merged = roles.pop().expect("checked");
                merged.title = role.title;
                merged.start = merged.start.or(role.start);
                merged.end = merged.end.or(role.end);
                merged.location = merged.location.or(role.location);
                merged
            }
            _ => role,
        };
        roles.push(role);
    }
}

/// Reads title, company, location and dates from a role's header lines.
fn parse_header(lines: &[&Line], lex: &Lexicon) -> Role {
    let mut role = Role {
        header: lines[0].text.clone(),
        ..Role::default()
    };
    let mut segments: Vec<(Text, bool)> = Vec::new(); // (segment, from an "X at Y" split)
    for line in lines {
        let mut text = line.text.clone();
        if role.start.is_none()
            && let Some(r) = date::find_range(&text.text)
        {
            role.start = r.start;
            role.end = r.end;
            let mut rest = text.slice(0, r.range.start);
            let tail = text.slice(r.range.end, text.text.len());
            rest.push_synthetic("  ");
            rest.push(&tail.text, tail.source_offset(0));
            text = rest;
        }
        let t = &text.text;
        let mut last = 0;
        let mut at_split = false;
        for m in SEPARATOR_RE.find_iter(t) {
            push_segment(&mut segments, text.slice(last, m.start()), at_split);
            at_split = m.as_str().trim() == "at" || m.as_str().trim() == "@";
            last = m.end();
        }
        push_segment(&mut segments, text.slice(last, t.len()), at_split);
    }
    // "City, ST" at the end, once the comma split it: re-join the pair when
    // a title and a company still stand before it.
    let n = segments.len();
    if n >= 3 {
        let (city, region) = (&segments[n - 2].0, &segments[n - 1].0);
        let pair = format!("{}, {}", city.text, region.text);
        let state_code =
            region.text.len() == 2 && region.text.chars().all(|c| c.is_ascii_uppercase());
        let untitled =
            !lex.title_words.is_match(&city.text) && !lex.title_words.is_match(&region.text);
        if untitled && LOCATION_RE.is_match(&pair) && (n >= 4 || state_code) {
            let mut location = city.clone();
            location.push_synthetic(", ");
            location.push(&region.text, region.source_offset(0));
            role.location = Some(location);
            segments.truncate(n - 2);
        }
    }
    segments.retain(|(s, _)| {
        if role.location.is_none()
            && LOCATION_RE.is_match(&s.text)
            && !lex.title_words.is_match(&s.text)
        {
            role.location = Some(s.clone());
            false
        } else {
            true
        }
    });
    let title_idx = segments
        .iter()
        .position(|(s, _)| lex.title_words.is_match(&s.text));
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
            let mut it = segments.into_iter().map(|(s, _)| s);
            role.company = it.next();
            role.title = it.next();
        }
    }
    role
}

fn push_segment(segments: &mut Vec<(Text, bool)>, t: Text, at: bool) {
    let t = t.trimmed(&['|', ',', '-', '–', '—', '(', ')', '·', '•', ':', ';']);
    let has_letters = t.text.chars().any(char::is_alphabetic);
    if has_letters {
        segments.push((t, at));
    }
}

/// Skill items: split on commas, semicolons, pipes and bullets; a
/// "Category: a, b" line yields its items.
fn parse_skills(lines: &[Line]) -> Vec<Text> {
    static ITEM_SEP: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\s*[,;|•·]\s*|\s{2,}").expect("skills regex"));
    let mut out = Vec::new();
    for line in lines.iter().filter(|l| !l.is_blank()) {
        let t = &line.text;
        let body_start = match t.text.find(':') {
            Some(c) if t.text[..c].split_whitespace().count() <= 4 => c + 1,
            _ => 0,
        };
        let body = t.slice(body_start, t.text.len());
        let mut last = 0;
        let mut items = Vec::new();
        for m in ITEM_SEP.find_iter(&body.text) {
            items.push(body.slice(last, m.start()));
            last = m.end();
        }
        items.push(body.slice(last, body.text.len()));
        for item in items {
            let item = item.trimmed(&['.', '-']);
            let n = item.text.chars().count();
            if (1..=40).contains(&n) {
                out.push(item);
            }
        }
    }
    out
}
