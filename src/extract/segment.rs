//! Classified lines → document structure: name, headline, summary,
//! sections, roles with titles, dates and bullets, skills and education.
//!
//! Resumes are line-oriented and wildly varied, so this works on lines and
//! local evidence (dates, title words, separators, emphasis) rather than on
//! a grammar. Whatever it cannot place in a role stays as a loose bullet so
//! the rules still see it.

use std::sync::LazyLock;

use crate::pattern::Regex;

use super::lines::{Line, LineKind};
use crate::date;
use crate::lexicon::{Lexicon, SectionKind};
use crate::model::Document;
use crate::source::Text;

/// A section: its kind (None for an unknown heading) and its lines.
struct Section<'a> {
    kind: Option<SectionKind>,
    /// The heading line, when the section has one.
    heading: Option<&'a Line>,
    lines: &'a [Line],
}

static CONTACT_RE: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(r"(?i)@|https?://|www\.|\b(?:linkedin|github|gitlab)\.com|\+?\d[\d\s().-]{7,}\d|^\S+\.(?:com|io|dev|org|net|me|ai|co|info|xyz)(?:/\S*)?$")
        .expect("contact regex")
});
/// "Phone:", "E-mail :": a contact label, where the word starts a word in
/// any script ("Hôtel:" holds no "tel:"), checked by [`is_contact`].
static CONTACT_LABEL_RE: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(r"(?i)\b(?:e-?mail|phone|tel|mobile|cell|address|web|website)\s*:")
        .expect("contact label regex")
});
static GLUED_HEADING_RE: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(
        r"(Education Details|Company Details|Skill Details|Project Details)\s*$",
    )
    .expect("glued regex")
});

/// Fills `doc` from `lines`.
pub fn segment(doc: &mut Document, lines: Vec<Line>, lex: &Lexicon) {
    let lines = split_glued_headings(lines);
    let (preamble_end, sections) = find_sections(&lines, lex);
    read_preamble(doc, &lines[..preamble_end], lex);

    let has_experience = sections
        .iter()
        .any(|s| s.kind == Some(SectionKind::Experience));
    for section in &sections {
        match section.kind {
            Some(SectionKind::Experience) => {
                let (mut roles, loose) = super::roles::parse_entries(section.lines, lex);
                // "Experience as Senior Perl Developer": the heading gives
                // the title of every role that names none.
                if let Some(title) = section.heading.and_then(heading_title) {
                    for role in &mut roles {
                        rejoin_employer(role, lex);
                    }
                    for role in roles.iter_mut().filter(|r| r.title.is_none()) {
                        role.title = Some(title.clone());
                    }
                }
                doc.roles.extend(roles);
                doc.loose_bullets.extend(loose);
            }
            Some(SectionKind::Projects) => {
                let (projects, loose) = super::roles::parse_entries(section.lines, lex);
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
                            existing.append(&s);
                        }
                        None => doc.summary = Some(s),
                    }
                }
            }
            Some(SectionKind::Other) => {
                // Activities name organisations the candidate belonged
                // to: kept, for finding a LinkedIn role there.
                let activity = section.heading.is_some_and(|h| {
                    lex.activity_sections
                        .contains(&crate::lexicon::normalize_heading(&h.text.text))
                });
                if activity {
                    doc.activities.extend(
                        section
                            .lines
                            .iter()
                            .filter(|l| !l.is_blank())
                            .map(|l| l.text.clone()),
                    );
                }
            }
            None => {
                // An unknown section that looks like a list of dated roles
                // is experience when the document has no experience section.
                if !has_experience && looks_like_roles(section.lines) {
                    let (roles, loose) = super::roles::parse_entries(section.lines, lex);
                    doc.roles.extend(roles);
                    doc.loose_bullets.extend(loose);
                }
            }
        }
    }
}

/// "RedSocks - Malicious Threat Detection" under "Experience as Senior
/// Perl Developer": where the section names the title, a header read as
/// a title with no title word and an employer is the employer's name and
/// its descriptor, one employer.
fn rejoin_employer(role: &mut crate::model::Role, lex: &Lexicon) {
    let (Some(title), Some(company)) = (&role.title, &role.company) else {
        return;
    };
    if lex.title_words.is_match(&title.text) {
        return;
    }
    let h = &role.header.text;
    let (Some(a), Some(b)) = (h.find(title.text.as_str()), h.find(company.text.as_str())) else {
        return;
    };
    let (start, end) = (a.min(b), (a + title.text.len()).max(b + company.text.len()));
    let joined = role.header.slice(start, end).into_trimmed(&[]);
    // Only two parts side by side: nothing else (a date, a place) between.
    let between = joined.text.len() - title.text.len() - company.text.len();
    if between <= 4 {
        role.company = Some(joined);
        role.title = None;
    }
}

/// The title in "Experience as Senior Perl Developer".
fn heading_title(line: &Line) -> Option<Text> {
    let t = &line.text.text;
    let at = t.to_ascii_lowercase().find(" as ")?;
    let title = line
        .text
        .slice(at + 4, t.len())
        .into_trimmed(&[':', '#', '*']);
    let n = title.text.split_whitespace().count();
    (1..=6).contains(&n).then_some(title)
}

/// "...monthsCompany Details" (the bulk data set glues headings onto the
/// previous line): split such lines so the heading stands alone.
fn split_glued_headings(lines: Vec<Line>) -> Vec<Line> {
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        // Every match holds "Details": most lines are spared the regex.
        if memchr::memmem::find(line.text.text.as_bytes(), b"Details").is_none() {
            out.push(line);
            continue;
        }
        match GLUED_HEADING_RE.find(&line.text.text) {
            Some(m) if m.start() > 0 => {
                let mut head = line.clone();
                head.text = line.text.slice(0, m.start()).into_trimmed(&[]);
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
    // Seven words are enough to know a line is too long to be a heading.
    let words = crate::source::count_words(text, 7);
    if words == 0 || words > 6 {
        return None;
    }
    let norm = crate::lexicon::normalize_heading(text);
    let known = lex.section_kind_normalized(&norm).or_else(|| {
        // "EXPERIENCE AS SENIOR PERL DEVELOPER": a known heading that
        // carries more words, in a heading or an all-caps line.
        let shouted = text
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
        let head = matches!(line.kind, LineKind::Heading(_)) || shouted;
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
            // At least four bytes of letters, all of them capitals.
            let (mut letter_bytes, mut all_upper) = (0, true);
            for c in text.chars().filter(|c| c.is_alphabetic()) {
                letter_bytes += c.len_utf8();
                all_upper &= c.is_uppercase();
            }
            let all_caps = letter_bytes >= 4 && all_upper;
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
    // Each line's heading reading, once: the style and the loop need it.
    let kinds: Vec<Option<Option<SectionKind>>> =
        lines.iter().map(|l| heading_kind(l, lex)).collect();
    let style = HeadingStyle::of(lines, &kinds);
    for (i, l) in lines.iter().enumerate() {
        let Some(kind) = kinds[i] else {
            continue;
        };
        if kind.is_none()
            && l.kind == LineKind::Plain
            && (is_role_header(lines, i) || !style.admits(l))
            || kind.is_some() && style.demotes(l)
        {
            continue;
        }
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
        // The document's first heading, when it names no section, is the
        // name ("# Jane Doe", or "Jane Doe" underlined with dashes).
        if kind.is_none()
            && matches!(l.kind, LineKind::Heading(_))
            && lines[..i].iter().all(Line::is_blank)
        {
            continue;
        }
        // "GOPAL R DAHALE" under a contact line: a name in capitals near
        // the top, before any section, is no section of its own.
        if kind.is_none()
            && heads.is_empty()
            && lines[..i].iter().filter(|l| !l.is_blank()).count() < 4
            && is_name_shaped(&l.text.text)
        {
            continue;
        }
        heads.push((i, kind));
    }
    // "Accomplishments:" inside an experience section, set as a label (a
    // colon) or with the next role's dated header after it: a label of the
    // role, not a section of its own.
    let mut n = 1;
    while n < heads.len() {
        let (i, kind) = heads[n];
        let end = heads.get(n + 1).map_or(lines.len(), |&(j, _)| j);
        let label = crate::lexicon::normalize_heading(&lines[i].text.text);
        let in_experience = heads[..n]
            .iter()
            .rev()
            .find(|(_, k)| k.is_some())
            .is_some_and(|(_, k)| *k == Some(SectionKind::Experience));
        let dated_role = lines[i + 1..end].iter().any(|l| {
            l.kind != LineKind::Bullet
                && crate::source::count_words(&l.text.text, 21) <= 20
                && date::find_range(&l.text.text).is_some_and(|r| r.end.is_some())
        });
        if matches!(kind, Some(SectionKind::Other | SectionKind::Summary))
            && lex.entry_labels.contains(&label)
            && in_experience
            && (dated_role || lines[i].text.text.trim_end().ends_with(':'))
        {
            heads.remove(n);
        } else {
            n += 1;
        }
    }
    let preamble_end = heads.first().map_or(lines.len(), |&(i, _)| i);
    let mut sections = Vec::new();
    for (n, &(i, kind)) in heads.iter().enumerate() {
        let end = heads.get(n + 1).map_or(lines.len(), |&(j, _)| j);
        sections.push(Section {
            kind,
            heading: Some(&lines[i]),
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
                heading: None,
                lines: &lines[lines.len().min(start + 6)..],
            }],
        );
    }
    (preamble_end, sections)
}

/// How the document sets the headings the lexicon knows: when
/// they agree, an all-caps line set otherwise ("INJECTIVE" at the left
/// under centred headings; a company in 12 points under 16-point
/// headings) is an entry, not a section the lexicon does not know.
#[derive(Debug, Default)]
struct HeadingStyle {
    /// Every known heading is indented (centred or set in).
    indented: bool,
    /// The smallest size of the known headings, when all sizes agree.
    size: Option<f32>,
    /// The smallest size of the known headings that a PDF sets large
    /// (headings by size), when there are two or more.
    large: Option<f32>,
}

impl HeadingStyle {
    /// The style of `lines`, given each line's [`heading_kind`].
    fn of(lines: &[Line], kinds: &[Option<Option<SectionKind>>]) -> Self {
        let known: Vec<&Line> = lines
            .iter()
            .zip(kinds)
            .filter(|(_, k)| matches!(k, Some(Some(_))))
            .map(|(l, _)| l)
            .collect();
        if known.len() < 2 {
            return HeadingStyle::default();
        }
        let sizes: Option<Vec<f32>> = known.iter().map(|l| l.size).collect();
        let size = sizes.and_then(|s| {
            let min = s.iter().copied().fold(f32::MAX, f32::min);
            s.iter().all(|&x| x <= 1.05 * min).then_some(min)
        });
        let large: Vec<f32> = known
            .iter()
            .filter(|l| matches!(l.kind, LineKind::Heading(_)))
            .filter_map(|l| l.size)
            .collect();
        HeadingStyle {
            indented: known.iter().all(|l| l.indent >= 2),
            size,
            large: (large.len() >= 2).then(|| large.iter().copied().fold(f32::MAX, f32::min)),
        }
    }

    /// A known heading word set as plain body text where the known
    /// headings are set large ("Highlights", "Accomplishments:" under a
    /// role): an entry's label. Capitals still make a heading ("SKILLS" in
    /// a sidebar set smaller than the main column's headings).
    fn demotes(&self, line: &Line) -> bool {
        let t = &line.text.text;
        let shouted = t
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
        line.kind == LineKind::Plain
            && !shouted
            && matches!((self.large, line.size), (Some(h), Some(s)) if s < 0.95 * h)
    }

    fn admits(&self, line: &Line) -> bool {
        let smaller = matches!((self.size, line.size), (Some(h), Some(s)) if s < 0.95 * h);
        !(smaller || self.indented && line.indent < 2)
    }
}

/// "FACEBOOK | SOFTWARE ENGINEER" over "Jan 2015 - Present" or bullets:
/// an all-caps line that joins two parts with a bar and heads dated or
/// bulleted text is a role's header, not a section of its own.
fn is_role_header(lines: &[Line], i: usize) -> bool {
    let parts = lines[i]
        .text
        .text
        .split(" | ")
        .filter(|p| !p.trim().is_empty());
    if parts.count() < 2 {
        return false;
    }
    lines[i + 1..]
        .iter()
        .find(|l| !l.is_blank())
        .is_some_and(|next| {
            next.kind == LineKind::Bullet
                || date::find_range(&next.text.text).is_some_and(|r| r.start.is_some())
        })
}

fn is_contact(text: &str) -> bool {
    CONTACT_RE.is_match(text)
        || CONTACT_LABEL_RE
            .find_iter(text)
            .any(|m| !text[..m.start()].ends_with(char::is_alphanumeric))
}

/// Name, headline and summary from the lines before the first section.
/// "Zach Bernal, Computer Engineer", "DAVID HAGAN  PHD STUDENT": a name
/// and a headline with a title word set on one line.
fn split_name_headline(text: &Text, lex: &Lexicon) -> Option<(Text, Text)> {
    let t = &text.text;
    let (at, sep) = ["  ", ", ", " | ", " — ", " – ", " - "]
        .iter()
        .filter_map(|sep| t.find(sep).map(|i| (i, sep.len())))
        .min()?;
    let head = t[..at].trim();
    let tail = t[at + sep..].trim();
    let words = head.split_whitespace().count();
    ((2..=4).contains(&words)
        && !head.chars().any(|c| c.is_ascii_digit())
        && !is_contact(tail)
        && lex.title_words.is_match(tail))
    .then(|| {
        (
            text.slice(0, at).into_trimmed(&[]),
            text.slice(at + sep, t.len()).into_trimmed(&[]),
        )
    })
}

/// Two to four words of letters only ("Jane Q. Doe", "JANE DOE").
fn is_name_shaped(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\''))
        })
}

fn read_preamble(doc: &mut Document, lines: &[Line], lex: &Lexicon) {
    let looks_like_name = |t: &str| {
        let words = t.split_whitespace().count();
        (1..=5).contains(&words) && !is_contact(t) && !t.chars().any(|c| c.is_ascii_digit())
    };
    // "Curriculum Vitae: Sarhang Said, (D.Sc.)": the title goes, the name
    // after it stays.
    let named: Vec<Option<Line>> = lines
        .iter()
        .map(|l| {
            let t = &l.text.text;
            if !lex.is_document_title(t) {
                return None;
            }
            // Past the separator, whichever its width in bytes (a dash is 3).
            let start = t
                .char_indices()
                .find(|&(_, c)| matches!(c, ':' | '—' | '–'))
                .map(|(i, c)| i + c.len_utf8())?;
            let rest = &t[start..];
            let end = start + rest.find([',', '(', '|']).unwrap_or(rest.len());
            let mut line = l.clone();
            line.text = l.text.slice(start, end).into_trimmed(&[]);
            (!line.text.is_empty()).then_some(line)
        })
        .collect();
    let mut content: Vec<&Line> = lines
        .iter()
        .zip(&named)
        .filter_map(|(l, n)| match n {
            Some(n) => Some(n),
            None => (!l.is_blank() && !lex.is_document_title(&l.text.text)).then_some(l),
        })
        .collect();
    // A PDF sets the name largest: it may follow a smaller line ("Last
    // Updated on ..." above the name in Deedy's template).
    if let Some(at) = largest_line(&content).filter(|&i| i > 0) {
        // "Tom Donahue  donahut.github.io": a link set on the name's row.
        let text = &content[at].text;
        let name = match text.text.split_once("  ") {
            Some((head, tail)) if is_contact(tail.trim()) => text.slice(0, head.len()),
            _ => text.clone(),
        };
        if looks_like_name(&name.text) {
            doc.name = Some(name);
            content.remove(at);
        }
    }
    let mut content = content.into_iter();
    let Some(first) = content.next() else {
        return;
    };
    let mut rest: Vec<&Line> = content.collect();
    if doc.name.is_some() {
        rest.insert(0, first);
    } else if looks_like_name(&first.text.text) {
        // "Jane Doe | Staff ML Engineer": the name and the headline share a line.
        doc.name = Some(first.text.clone());
    } else if let Some(bar) = first.text.text.find('|') {
        doc.name = Some(first.text.slice(0, bar).into_trimmed(&[]));
        let mut head = first.clone();
        head.text = first
            .text
            .slice(bar + 1, first.text.text.len())
            .trimmed(&[]);
        if !is_contact(&head.text.text) {
            doc.headline = Some(head.text);
        }
    } else {
        rest.insert(0, first);
    }
    if let Some(name) = doc.name.take() {
        match split_name_headline(&name, lex) {
            Some((name, headline)) if doc.headline.is_none() => {
                doc.name = Some(name);
                doc.headline = Some(headline);
            }
            _ => doc.name = Some(name),
        }
    }
    let mut summary_lines = Vec::new();
    for line in rest {
        let t = &line.text.text;
        // Words with a letter or digit: "|" and "&" between parts are none.
        let words = t
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count();
        if lex.is_document_title(t) {
            continue;
        }
        // The name after a contact line ("@ jo@example.com" above it).
        if doc.name.is_none()
            && doc.headline.is_none()
            && summary_lines.is_empty()
            && looks_like_name(t)
            && !lex.title_words.is_match(t)
            && words >= 2
        {
            doc.name = Some(line.text.clone());
            continue;
        }
        let place = super::roles::is_location(t) || (words == 1 && t.chars().count() <= 4);
        if is_contact(t) || place {
            // Contact and location lines are neither headline nor summary.
            continue;
        }
        // "Staff Engineer | Payments | Open source": a headline of parts may
        // run longer than a title.
        let parts = t.contains(" | ");
        if doc.headline.is_none()
            && summary_lines.is_empty()
            && (words <= 14 || parts)
            && !t.ends_with('.')
        {
            doc.headline = Some(line.text.clone());
        } else if words >= 6 {
            summary_lines.push(line);
        }
    }
    if doc.summary.is_none() {
        doc.summary = join_lines(summary_lines.into_iter());
    }
}

/// The line set far larger (1.5 times) than every other, if any.
fn largest_line(lines: &[&Line]) -> Option<usize> {
    let (at, size) = lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| Some((i, l.size?)))
        .max_by(|a, b| a.1.total_cmp(&b.1))?;
    let others = lines
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != at)
        .filter_map(|(_, l)| l.size)
        .fold(0.0, f32::max);
    (size >= 1.5 * others).then_some(at)
}

fn join_lines<'a>(lines: impl Iterator<Item = &'a Line>) -> Option<Text> {
    let mut out: Option<Text> = None;
    for l in lines {
        match &mut out {
            None => out = Some(l.text.clone()),
            Some(t) => {
                t.push_synthetic(" ");
                t.append(&l.text);
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

/// Skill items: split on commas, semicolons, pipes and bullets; a
/// "Category: a, b" line yields its items.
fn parse_skills(lines: &[Line]) -> Vec<Text> {
    static ITEM_SEP: LazyLock<Regex> =
        LazyLock::new(|| crate::pattern::compile(r"\s*[,;|•·]\s*|\s{2,}").expect("skills regex"));
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

#[cfg(test)]
mod tests {
    use super::is_contact;

    #[test]
    fn contact_keywords_need_a_word_boundary_in_any_script() {
        assert!(is_contact("Phone: +1 555 010 0199"));
        assert!(is_contact("Tél. / tel: 06 12 34 56 78"));
        assert!(is_contact("jordan@example.com"));
        // "tel:" ends "Hôtel:" and "cell:" ends "Excell:": not contact lines.
        assert!(!is_contact("Hôtel: Grand Budapest, night manager"));
        assert!(!is_contact("Excell: spreadsheet automation"));
    }
}
