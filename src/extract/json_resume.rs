//! JSON Resume (jsonresume.org schema v1) and its FRESH predecessor.

use serde_json::Value;

use super::json_spans::{SpanMap, string_spans};
use crate::date::{self, DatePoint};
use crate::error::InputError;
use crate::model::{Document, Format, Role};
use crate::source::Text;

pub fn extract(path: &str, source: String) -> Result<Document, InputError> {
    let value: Value = serde_json::from_str(&source).map_err(|e| {
        InputError::new(
            path,
            format!(
                "invalid JSON at line {}, column {}: {}",
                e.line(),
                e.column(),
                strip_position(&e.to_string())
            ),
        )
    })?;
    if !value.is_object() {
        return Err(InputError::new(
            path,
            "not a JSON Resume: the top level is not an object",
        ));
    }
    let spans = string_spans(&source);
    let mut doc = Document::new(path, Format::JsonResume, source);
    let r = Reader {
        v: &value,
        spans: &spans,
        src: &doc.source,
    };
    let is_fresh = value.get("employment").is_some() && value.get("work").is_none();

    if is_fresh {
        doc.name = r.text("name");
        doc.headline = r.text("info.label");
        doc.summary = r.text("info.brief");
        doc.roles = r.entries("employment.history", "employer", "position");
        doc.projects = r.entries("projects", "title", "role");
        doc.skills = r.fresh_skills();
    } else {
        doc.name = r.text("basics.name");
        doc.headline = r.text("basics.label");
        doc.summary = r.text("basics.summary");
        doc.roles = r.entries("work", "name", "position");
        doc.projects = r.entries("projects", "name", "roles[0]");
        doc.skills = r.skills();
        doc.education = r.education();
    }
    if value.get("basics").is_none() && value.get("work").is_none() && !is_fresh {
        return Err(InputError::new(
            &doc.path,
            "not a JSON Resume: no \"basics\" or \"work\" section",
        ));
    }
    Ok(doc)
}

fn strip_position(msg: &str) -> String {
    msg.split(" at line ").next().unwrap_or(msg).to_string()
}

struct Reader<'a> {
    v: &'a Value,
    spans: &'a SpanMap,
    src: &'a str,
}

impl Reader<'_> {
    fn get(&self, path: &str) -> Option<&Value> {
        let mut cur = self.v;
        for part in path.split('.') {
            let (key, index) = match part.split_once('[') {
                Some((k, i)) => (k, i.trim_end_matches(']').parse::<usize>().ok()),
                None => (part, None),
            };
            cur = cur.get(key)?;
            if let Some(i) = index {
                cur = cur.get(i)?;
            }
        }
        Some(cur)
    }

    /// The string at `path` as a Text pointing at its literal.
    fn text(&self, path: &str) -> Option<Text> {
        let s = self.get(path)?.as_str()?;
        if s.trim().is_empty() {
            return None;
        }
        let span = *self.spans.get(path)?;
        let inner = &self.src[span.start + 1..span.end - 1];
        let text = if inner == s {
            // No escapes: columns can point inside the string.
            Text::verbatim(s, span.start + 1)
        } else {
            // Each escape maps onto its own bytes. A literal that does not
            // decode to the value (a key with a dot in it can mislead the
            // path lookup) maps as a whole.
            decode_literal(inner, span.start + 1)
                .filter(|t| t.text == s)
                .unwrap_or_else(|| Text::opaque(s.to_string(), span, None))
        };
        Some(text.with_field(path))
    }

    fn len(&self, path: &str) -> usize {
        self.get(path).and_then(Value::as_array).map_or(0, Vec::len)
    }

    fn date(&self, path: &str) -> Option<DatePoint> {
        let s = self.get(path)?.as_str()?.trim();
        let head = s
            .get(..7)
            .filter(|h| h.as_bytes().get(4) == Some(&b'-'))
            .unwrap_or(s);
        date::parse_point(head)
            .or_else(|| date::parse_point(s))
            .or_else(|| month_day_year(s))
    }

    fn entries(&self, list: &str, company_key: &str, title_key: &str) -> Vec<Role> {
        (0..self.len(list))
            .map(|i| {
                let p = format!("{list}[{i}]");
                let company = self
                    .text(&format!("{p}.{company_key}"))
                    .or_else(|| self.text(&format!("{p}.company")))
                    .or_else(|| self.text(&format!("{p}.organization")));
                let title = self.text(&format!("{p}.{title_key}"));
                let start = self
                    .date(&format!("{p}.startDate"))
                    .or_else(|| self.date(&format!("{p}.start")));
                let mut end = self
                    .date(&format!("{p}.endDate"))
                    .or_else(|| self.date(&format!("{p}.end")));
                if end.is_none() && start.is_some() {
                    // JSON Resume leaves endDate out for a current role.
                    end = Some(DatePoint::Present);
                }
                let mut bullets: Vec<Text> = (0..self.len(&format!("{p}.highlights")))
                    .filter_map(|j| self.text(&format!("{p}.highlights[{j}]")))
                    .collect();
                // Highlights that are only tags ("React", "Electron") are no
                // achievements: then the summary carries the story.
                let tags_only = bullets
                    .iter()
                    .all(|b| b.text.split_whitespace().count() <= 3);
                if tags_only {
                    bullets.clear();
                    // A role described only in prose is linted as that prose
                    // (a string, or an array of lines).
                    for key in ["summary", "description"] {
                        let path = format!("{p}.{key}");
                        bullets.extend(self.text(&path));
                        bullets.extend(
                            (0..self.len(&path)).filter_map(|j| self.text(&format!("{path}[{j}]"))),
                        );
                        if !bullets.is_empty() {
                            break;
                        }
                    }
                    bullets = bullets.iter().flat_map(split_lines).collect();
                }
                let header = company
                    .clone()
                    .or_else(|| title.clone())
                    .or_else(|| {
                        self.spans
                            .iter()
                            .find(|(k, _)| k.starts_with(&p))
                            .map(|(k, s)| Text::opaque(String::new(), *s, Some(k.clone())))
                    })
                    .unwrap_or_default();
                Role {
                    company,
                    title,
                    location: self.text(&format!("{p}.location")),
                    start,
                    end,
                    header,
                    bullets,
                    dates_reversed: false,
                }
            })
            .collect()
    }

    fn skills(&self) -> Vec<Text> {
        let mut out = Vec::new();
        for i in 0..self.len("skills") {
            let p = format!("skills[{i}]");
            out.extend(self.text(&format!("{p}.name")));
            out.extend(
                (0..self.len(&format!("{p}.keywords")))
                    .filter_map(|j| self.text(&format!("{p}.keywords[{j}]"))),
            );
        }
        out
    }

    fn fresh_skills(&self) -> Vec<Text> {
        let mut out = Vec::new();
        for i in 0..self.len("skills.sets") {
            out.extend(
                (0..self.len(&format!("skills.sets[{i}].skills")))
                    .filter_map(|j| self.text(&format!("skills.sets[{i}].skills[{j}]"))),
            );
        }
        for i in 0..self.len("skills.list") {
            out.extend(self.text(&format!("skills.list[{i}].name")));
        }
        out
    }

    fn education(&self) -> Vec<Text> {
        (0..self.len("education"))
            .filter_map(|i| self.text(&format!("education[{i}].institution")))
            .collect()
    }
}

/// The content of a JSON string literal (`raw`, escapes kept, at `start`
/// in the source) decoded, each escape mapped onto its source bytes:
/// `\u00e9` (6 bytes) stands for "é" (2), `\n` for a newline.
fn decode_literal(raw: &str, start: usize) -> Option<Text> {
    let hex = |at: usize| {
        raw.get(at..at + 4)
            .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))
            .and_then(|h| u32::from_str_radix(h, 16).ok())
    };
    let b = raw.as_bytes();
    let mut t = Text::builder();
    let (mut i, mut run) = (0, 0);
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        t.push(&raw[run..i], start + run);
        let (c, len) = match *b.get(i + 1)? {
            b'"' => ('"', 2),
            b'\\' => ('\\', 2),
            b'/' => ('/', 2),
            b'b' => ('\u{8}', 2),
            b'f' => ('\u{c}', 2),
            b'n' => ('\n', 2),
            b'r' => ('\r', 2),
            b't' => ('\t', 2),
            b'u' => {
                let hi = hex(i + 2)?;
                let lo = (raw.get(i + 6..i + 8) == Some("\\u"))
                    .then(|| hex(i + 8))
                    .flatten()
                    .filter(|lo| (0xDC00..0xE000).contains(lo));
                match lo {
                    // A surrogate pair: one char for both escapes.
                    Some(lo) if (0xD800..0xDC00).contains(&hi) => (
                        char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))?,
                        12,
                    ),
                    _ => (char::from_u32(hi)?, 6),
                }
            }
            _ => return None,
        };
        t.push_replacing(c.encode_utf8(&mut [0; 4]), start + i..start + i + len);
        i += len;
        run = i;
    }
    t.push(&raw[run..], start + run);
    Some(t)
}

/// A multi-line string ("Did A.\nDid B.") as one text per line.
fn split_lines(t: &Text) -> Vec<Text> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in t
        .text
        .match_indices('\n')
        .chain(std::iter::once((t.text.len(), "")))
    {
        let piece = t.slice(start, i).trimmed(&[]);
        if !piece.is_empty() {
            out.push(piece);
        }
        start = i + 1;
    }
    out
}

/// "12/1/2014": a date some JSON Resume exporters write month first, with
/// the day; only the month and year are kept.
fn month_day_year(s: &str) -> Option<DatePoint> {
    let mut it = s.split('/');
    let (m, d, y) = (it.next()?, it.next()?, it.next()?);
    if it.next().is_some() || y.len() != 4 {
        return None;
    }
    let month: u8 = m.parse().ok().filter(|m| (1..=12).contains(m))?;
    let _day: u8 = d.parse().ok().filter(|d| (1..=31).contains(d))?;
    let year: u16 = y.parse().ok().filter(|y| (1900..=2099).contains(y))?;
    Some(DatePoint::At(date::YearMonth::new(year, Some(month))))
}
