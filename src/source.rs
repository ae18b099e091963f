//! Source text positions: byte spans, line/column lookup and the mapping from
//! extracted text back to the bytes of the source file.

use serde::Serialize;

/// A half-open byte range into a source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
}

/// A 1-based line and column (columns count Unicode scalar values).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// Line start offsets of a text, for offset → line/column lookups.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr_newlines(text).map(|i| i + 1));
        LineIndex { starts }
    }

    /// The position of a byte offset; offsets past the end clamp to the end.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let column = text[self.starts[line]..offset].chars().count() + 1;
        Position {
            line: line + 1,
            column,
        }
    }

    /// The text of a 1-based line, without its line terminator.
    pub fn line_text<'a>(&self, text: &'a str, line: usize) -> &'a str {
        let Some(&start) = self.starts.get(line.saturating_sub(1)) else {
            return "";
        };
        let end = self.starts.get(line).map_or(text.len(), |&e| e - 1);
        text[start..end.max(start)].trim_end_matches('\r')
    }

    /// The byte offset where a 1-based line starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(0)
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }
}

fn memchr_newlines(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.bytes()
        .enumerate()
        .filter_map(|(i, b)| (b == b'\n').then_some(i))
}

pub fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A piece of text as the rules see it (markup removed, lines joined), with
/// a piecewise mapping back to the source bytes it came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text {
    pub text: String,
    /// `(text offset, source offset)` pairs in ascending text order: text
    /// offset `t` maps to the source offset of the last piece at or before
    /// `t`, plus the distance from that piece.
    pieces: Vec<(usize, usize)>,
    /// Where the text sits in a structured source (JSON Resume field path).
    pub field: Option<String>,
}

impl Text {
    /// Text copied verbatim from `source[start..]`.
    pub fn verbatim(text: &str, start: usize) -> Self {
        Text {
            text: text.to_string(),
            pieces: vec![(0, start)],
            field: None,
        }
    }

    /// An empty text to be built with [`Text::push`].
    pub fn builder() -> Self {
        Text::default()
    }

    /// Appends `s`, which stands at `source_offset` in the source.
    pub fn push(&mut self, s: &str, source_offset: usize) {
        if s.is_empty() {
            return;
        }
        let t = self.text.len();
        let continues = self
            .pieces
            .last()
            .is_some_and(|&(pt, ps)| ps + (t - pt) == source_offset);
        if !continues {
            self.pieces.push((t, source_offset));
        }
        self.text.push_str(s);
    }

    /// Appends text that does not stand in the source (a joining space);
    /// it maps to the source position of the text before it.
    pub fn push_synthetic(&mut self, s: &str) {
        let end = self.source_offset(self.text.len());
        let t = self.text.len();
        self.text.push_str(s);
        self.pieces.push((t, end));
        // The next real push must start a new piece.
        self.pieces.push((self.text.len(), end));
    }

    /// Appends another text, keeping its mapping to the source.
    pub fn append(&mut self, other: &Text) {
        let base = self.text.len();
        self.text.push_str(&other.text);
        self.pieces
            .extend(other.pieces.iter().map(|&(pt, ps)| (base + pt, ps)));
    }

    /// Cuts the text back to `len` bytes (a length it had before).
    pub fn truncate(&mut self, len: usize) {
        if len >= self.text.len() || !self.text.is_char_boundary(len) {
            return;
        }
        self.text.truncate(len);
        self.pieces.retain(|&(pt, _)| pt < len);
    }

    /// A text whose every byte maps to one span (a decoded JSON string).
    pub fn opaque(text: String, span: Span, field: Option<String>) -> Self {
        // Map the start to the span start and the end to the span end so a
        // diagnostic on any part of it covers the whole literal.
        Text {
            pieces: vec![(0, span.start), (text.len(), span.end)],
            text,
            field,
        }
    }

    pub fn with_field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// The source offset of a text offset.
    pub fn source_offset(&self, t: usize) -> usize {
        let i = self.pieces.partition_point(|&(pt, _)| pt <= t);
        if i == 0 {
            return self.pieces.first().map_or(0, |&(_, s)| s);
        }
        let (pt, ps) = self.pieces[i - 1];
        ps + (t - pt)
    }

    /// The source span of a text range.
    pub fn source_span(&self, start: usize, end: usize) -> Span {
        let s = self.source_offset(start);
        let e = if end > start {
            // Map the last byte and step past it, so that a range ending
            // at a piece boundary does not jump to the next piece.
            self.source_offset(end - 1) + 1
        } else {
            s
        };
        Span::new(s, e.max(s))
    }

    /// The source span of the whole text.
    pub fn span(&self) -> Span {
        self.source_span(0, self.text.len())
    }

    /// A sub-text of `range`, keeping the mapping.
    pub fn slice(&self, start: usize, end: usize) -> Text {
        let mut out = Text::builder();
        let mut i = start;
        while i < end {
            // Copy up to the next piece boundary at once.
            let next_boundary = self
                .pieces
                .iter()
                .map(|&(pt, _)| pt)
                .find(|&pt| pt > i)
                .unwrap_or(usize::MAX)
                .min(end);
            out.push(&self.text[i..next_boundary], self.source_offset(i));
            i = next_boundary;
        }
        out.field = self.field.clone();
        out
    }

    /// The text with surrounding whitespace and `trim` characters removed.
    pub fn trimmed(&self, extra: &[char]) -> Text {
        let is_trim = |c: char| c.is_whitespace() || extra.contains(&c);
        let start = self.text.len() - self.text.trim_start_matches(is_trim).len();
        let end = self.text.trim_end_matches(is_trim).len().max(start);
        self.slice(start, end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_one_based_and_count_chars() {
        let text = "ab\nçd e\n";
        let idx = LineIndex::new(text);
        assert_eq!(idx.position(text, 0), Position { line: 1, column: 1 });
        // 'e' is after "çd " (ç is two bytes).
        let e = text.find('e').unwrap();
        assert_eq!(idx.position(text, e), Position { line: 2, column: 4 });
        assert_eq!(idx.line_text(text, 2), "çd e");
        assert_eq!(idx.line_count(), 3);
    }

    #[test]
    fn pieces_map_back_through_removed_markup() {
        // "**Lead** the team" with the stars removed.
        let src = "**Lead** the team";
        let mut t = Text::builder();
        t.push("Lead", 2);
        t.push(" the team", 8);
        assert_eq!(t.text, "Lead the team");
        assert_eq!(t.source_span(0, 4), Span::new(2, 6));
        assert_eq!(
            &src[t.source_span(5, 8).start..t.source_span(5, 8).end],
            "the"
        );
        let s = t.slice(5, 13);
        assert_eq!(s.text, "the team");
        assert_eq!(s.span(), Span::new(9, 17));
    }

    #[test]
    fn synthetic_join_maps_to_previous_text() {
        let mut t = Text::builder();
        t.push("first", 10);
        t.push_synthetic(" ");
        t.push("second", 30);
        assert_eq!(t.text, "first second");
        assert_eq!(t.source_offset(6), 30);
        assert_eq!(t.source_span(0, 12), Span::new(10, 36));
    }
}
