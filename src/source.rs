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
    memchr::memchr_iter(b'\n', text.as_bytes())
}

/// `text.split_inclusive('\n')`, found with SIMD (a batch splits
/// megabytes).
pub fn lines_inclusive(text: &str) -> impl Iterator<Item = &str> + '_ {
    let mut start = 0;
    let mut ends = memchr::memchr_iter(b'\n', text.as_bytes());
    std::iter::from_fn(move || {
        let end = match ends.next() {
            Some(nl) => nl + 1,
            None if start < text.len() => text.len(),
            None => return None,
        };
        let line = &text[start..end];
        start = end;
        Some(line)
    })
}

/// The words (`split_whitespace`'s) that start in `text[from..]`, each as
/// its start, until `stop` says enough. Bytes, not chars, for ASCII: the
/// rules count the words of every bullet, and most text is ASCII.
pub fn word_starts(text: &str, from: usize, mut stop: impl FnMut(usize) -> bool) {
    let bytes = text.as_bytes();
    let (mut i, mut in_word) = (from, false);
    while i < bytes.len() {
        let (space, width) = match bytes[i] {
            b @ 0..=0x7f => (matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' '), 1),
            _ => {
                let c = text[i..].chars().next().unwrap_or(' ');
                (c.is_whitespace(), c.len_utf8())
            }
        };
        if !space && !in_word && stop(i) {
            return;
        }
        in_word = !space;
        i += width;
    }
}

/// `text.split_whitespace().take(limit).count()`. ASCII text is counted
/// 64 bytes at a time: a bit per whitespace byte, and a word starts at
/// each non-space bit after a space bit. Every bullet's words are counted.
pub fn count_words(text: &str, limit: usize) -> usize {
    let (mut n, mut after_space) = (0, true);
    for block in text.as_bytes().chunks(64) {
        if !block.is_ascii() {
            return count_words_by_char(text, limit);
        }
        let mut spaces = 0u64;
        let mut eights = block.chunks_exact(8);
        for (k, eight) in eights.by_ref().enumerate() {
            let word = u64::from_le_bytes(eight.try_into().expect("eight bytes"));
            spaces |= u64::from(spaces_in(word)) << (8 * k);
        }
        let tail = eights.remainder();
        if !tail.is_empty() {
            spaces |= u64::from(ascii_spaces(tail)) << (block.len() - tail.len());
        }
        let within = u64::MAX >> (64 - block.len());
        let starts = !spaces & ((spaces << 1) | u64::from(after_space)) & within;
        n += starts.count_ones() as usize;
        if n >= limit {
            return limit;
        }
        after_space = spaces >> (block.len() - 1) & 1 == 1;
    }
    n
}

/// A bit per byte of `bytes` (up to 8, all ASCII) that is whitespace: " "
/// or "\t" to "\r". Eight bytes at a time in a u64, which no byte can
/// carry out of: each is below 0x80.
fn ascii_spaces(bytes: &[u8]) -> u8 {
    let mut word = [0x41u8; 8]; // "A": no space, in the unused lanes
    word[..bytes.len()].copy_from_slice(bytes);
    spaces_in(u64::from_le_bytes(word))
}

/// [`ascii_spaces`] of eight bytes read as a little-endian u64.
fn spaces_in(v: u64) -> u8 {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let x = v ^ 0x2020_2020_2020_2020;
    let blank = !(((x & LOW7) + LOW7) | x) & HIGH;
    let from_tab = v + 0x7777_7777_7777_7777; // high bit: byte >= 9
    let past_cr = v + 0x7272_7272_7272_7272; // high bit: byte >= 14
    let spaces = blank | (from_tab & !past_cr & HIGH);
    // The eight high bits, gathered into one byte (byte k to bit k).
    ((spaces >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56) as u8
}

fn count_words_by_char(text: &str, limit: usize) -> usize {
    let mut n = 0;
    word_starts(text, 0, |_| {
        n += 1;
        n >= limit
    });
    n.min(limit)
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
    /// Runs of the text in ascending text order, no two starting at the
    /// same offset; each runs to the next one's start.
    pieces: Vec<Piece>,
    /// Where the text sits in a structured source (JSON Resume field path).
    pub field: Option<String>,
}

/// One run of a [`Text`] and the source bytes it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    /// Where the run starts in the text.
    text: usize,
    /// Where its source starts.
    source: usize,
    /// `None`: the run copies the source byte for byte. `Some(end)`: the
    /// run stands for `source..end` as a whole (a typeset dash, a decoded
    /// escape; a joining space when `end == source`), so that its bytes,
    /// whatever their number, map inside that range and never into the
    /// middle of a source character.
    replaces: Option<usize>,
}

impl Text {
    /// Text copied verbatim from `source[start..]`.
    pub fn verbatim(text: &str, start: usize) -> Self {
        Text {
            text: text.to_string(),
            pieces: vec![Piece {
                text: 0,
                source: start,
                replaces: None,
            }],
            field: None,
        }
    }

    /// An empty text to be built with [`Text::push`].
    pub fn builder() -> Self {
        Text::default()
    }

    /// An empty text with room for `bytes` bytes in one piece.
    pub fn with_capacity(bytes: usize) -> Self {
        Text {
            text: String::with_capacity(bytes),
            pieces: Vec::with_capacity(1),
            field: None,
        }
    }

    /// Appends `s`, a copy of the source bytes at `source_offset`.
    pub fn push(&mut self, s: &str, source_offset: usize) {
        if s.is_empty() {
            return;
        }
        let t = self.text.len();
        let continues = self.pieces.last().is_some_and(|p| {
            p.replaces.is_none() && p.text < t && p.source + (t - p.text) == source_offset
        });
        if !continues {
            self.add_piece(Piece {
                text: t,
                source: source_offset,
                replaces: None,
            });
        }
        self.text.push_str(s);
    }

    /// Appends `s`, which stands for the whole of `source` but is not a
    /// copy of it (`--` typeset as "–", `\u00e9` decoded, a tab read as a
    /// gap): every byte of `s` maps into `source`, each char's span is all
    /// of it.
    pub fn push_replacing(&mut self, s: &str, source: std::ops::Range<usize>) {
        if s.is_empty() {
            return;
        }
        self.add_piece(Piece {
            text: self.text.len(),
            source: source.start,
            replaces: Some(source.end.max(source.start)),
        });
        self.text.push_str(s);
    }

    /// Appends text that does not stand in the source (a joining space);
    /// it maps to the empty range where the text before it ends.
    pub fn push_synthetic(&mut self, s: &str) {
        let at = self.source_offset(self.text.len());
        self.push_replacing(s, at..at);
    }

    /// Appends another text, keeping its mapping to the source.
    pub fn append(&mut self, other: &Text) {
        if other.text.is_empty() {
            if self.pieces.is_empty() {
                self.pieces.clone_from(&other.pieces);
            }
            return;
        }
        let base = self.text.len();
        for p in &other.pieces {
            self.add_piece(Piece {
                text: base + p.text,
                ..*p
            });
        }
        self.text.push_str(&other.text);
    }

    /// A piece that starts where the last one does supersedes it: the last
    /// one holds no text (an empty text's position).
    fn add_piece(&mut self, p: Piece) {
        if self.pieces.last().is_some_and(|l| l.text == p.text) {
            self.pieces.pop();
        }
        self.pieces.push(p);
    }

    /// Cuts the text back to `len` bytes (a length it had before).
    pub fn truncate(&mut self, len: usize) {
        if len >= self.text.len() || !self.text.is_char_boundary(len) {
            return;
        }
        self.text.truncate(len);
        // Keep at least the first piece: an empty text keeps its position.
        let keep = self.pieces.partition_point(|p| p.text < len).max(1);
        self.pieces.truncate(keep);
    }

    /// A text whose every byte maps to one span (a decoded JSON string
    /// that could not be mapped escape by escape, a CSV field): a
    /// diagnostic on any part of it covers the whole span.
    pub fn opaque(text: String, span: Span, field: Option<String>) -> Self {
        Text {
            pieces: vec![Piece {
                text: 0,
                source: span.start,
                replaces: Some(span.end.max(span.start)),
            }],
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

    /// The source offset of a text offset: where the byte at `t` starts
    /// (the start of its replaced range, if any); at the end of the text,
    /// where the text's source ends.
    pub fn source_offset(&self, t: usize) -> usize {
        if t >= self.text.len() && !self.text.is_empty() {
            return self.end_of(self.text.len());
        }
        let i = self.pieces.partition_point(|p| p.text <= t);
        match self.pieces.get(i.saturating_sub(1)) {
            None => 0,
            Some(p) if i == 0 => p.source,
            Some(p) => match p.replaces {
                None => p.source + (t - p.text),
                Some(_) => p.source,
            },
        }
    }

    /// Where the source of text byte `t - 1` ends (`t > 0`).
    fn end_of(&self, t: usize) -> usize {
        // The piece holding byte t - 1 is the last one starting before t.
        let i = self.pieces.partition_point(|p| p.text < t);
        match i.checked_sub(1).map(|i| self.pieces[i]) {
            None => self.pieces.first().map_or(0, |p| p.source),
            Some(p) => match p.replaces {
                None => p.source + (t - p.text),
                Some(end) => end,
            },
        }
    }

    /// The source span of a text range.
    pub fn source_span(&self, start: usize, end: usize) -> Span {
        let s = self.source_offset(start);
        let e = if end > start { self.end_of(end) } else { s };
        Span::new(s, e.max(s))
    }

    /// The source span of the whole text.
    pub fn span(&self) -> Span {
        self.source_span(0, self.text.len())
    }

    /// A sub-text of `range`, keeping the mapping. Part of a replacement
    /// keeps mapping to the whole of what it replaces.
    pub fn slice(&self, start: usize, end: usize) -> Text {
        let mut out = Text {
            field: self.field.clone(),
            ..Text::default()
        };
        if start >= end {
            // Empty, but still somewhere.
            out.pieces.push(Piece {
                text: 0,
                source: self.source_offset(start),
                replaces: None,
            });
            return out;
        }
        let first = self
            .pieces
            .partition_point(|p| p.text <= start)
            .saturating_sub(1);
        // Sized once: slicing is most of what extraction allocates.
        let last = self.pieces.partition_point(|p| p.text < end);
        out.text.reserve_exact(end - start);
        out.pieces.reserve_exact(last.saturating_sub(first));
        for (k, p) in self.pieces.iter().enumerate().skip(first) {
            if p.text >= end {
                break;
            }
            let p_end = self.pieces.get(k + 1).map_or(self.text.len(), |n| n.text);
            let (a, b) = (p.text.max(start), p_end.min(end));
            if a >= b {
                continue;
            }
            match p.replaces {
                None => out.push(&self.text[a..b], p.source + (a - p.text)),
                Some(e) => out.push_replacing(&self.text[a..b], p.source..e),
            }
        }
        out
    }

    /// [`Text::trimmed`] of a text that is no longer needed: itself when
    /// there is nothing to trim (most lines), without a copy.
    pub fn into_trimmed(self, extra: &[char]) -> Text {
        let is_trim = |c: char| c.is_whitespace() || extra.contains(&c);
        if self.text.is_empty() || self.text.starts_with(is_trim) || self.text.ends_with(is_trim) {
            self.trimmed(extra)
        } else {
            self
        }
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
    fn into_trimmed_equals_trimmed() {
        let mut built = Text::builder();
        built.push("Led ", 10);
        built.push_replacing("–", 14..16);
        built.push(" team", 16);
        let mut spaced = Text::builder();
        spaced.push("  a ", 0);
        spaced.push_replacing(" ", 4..4);
        spaced.push("b. ", 9);
        for t in [
            built,
            spaced,
            Text::verbatim("", 3),
            Text::verbatim("  ", 3),
            Text::verbatim("x", 3),
            Text::verbatim(".x.", 0),
        ] {
            for extra in [&[][..], &['.'][..]] {
                assert_eq!(t.clone().into_trimmed(extra), t.trimmed(extra), "{t:?}");
            }
        }
    }

    #[test]
    fn ascii_spaces_marks_exactly_the_whitespace_bytes() {
        let scalar = |bytes: &[u8]| {
            bytes.iter().enumerate().fold(0u8, |m, (k, &b)| {
                m | (u8::from(b == b' ' || (b'\t'..=b'\r').contains(&b)) << k)
            })
        };
        for b in 0..0x80u8 {
            for k in 0..8 {
                let mut lanes = *b"x y\tz\r\n ";
                lanes[k] = b;
                for len in 0..=8 {
                    let bytes = &lanes[..len];
                    assert_eq!(ascii_spaces(bytes), scalar(bytes), "{bytes:?}");
                }
            }
        }
    }

    #[test]
    fn words_are_counted_as_split_whitespace_counts_them() {
        let texts = [
            "",
            " ",
            "a",
            "  led  the\tteam \u{a0}of\u{2003}5\u{b}x\u{c}y ",
            "Zürich–Genève • 2019 ’",
            "\u{3000}全角\u{3000}スペース",
        ];
        // Long texts: words across the 64-byte blocks, and non-ASCII late.
        let mut long: Vec<String> = (1..9)
            .map(|k| {
                (0..70)
                    .map(|i| ["a", " ", "bc", "\t ", "\n\n", "d"][(i * k) % 6])
                    .collect()
            })
            .collect();
        long.push(format!("{} é {}", "w ".repeat(40), "x ".repeat(40)));
        for t in texts.iter().copied().chain(long.iter().map(String::as_str)) {
            for limit in [0, 1, 2, 3, 30, 46, 1000] {
                let std = t.split_whitespace().take(limit).count();
                assert_eq!(count_words(t, limit), std, "{t:?} up to {limit}");
            }
            let mut starts = Vec::new();
            word_starts(t, 0, |i| {
                starts.push(i);
                false
            });
            let std: Vec<usize> = t
                .split_whitespace()
                .map(|w| w.as_ptr() as usize - t.as_ptr() as usize)
                .collect();
            assert_eq!(starts, std, "{t:?}");
        }
    }

    #[test]
    fn lines_split_as_split_inclusive_does() {
        for text in ["", "a", "a\n", "a\nb", "\n\n", "a\r\nçb\n\nc", "\nx"] {
            let ours: Vec<&str> = lines_inclusive(text).collect();
            let std: Vec<&str> = text.split_inclusive('\n').collect();
            assert_eq!(ours, std, "{text:?}");
        }
    }

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

    /// The source under each char of `t`, in order.
    fn char_sources<'a>(src: &'a str, t: &Text) -> Vec<&'a str> {
        t.text
            .char_indices()
            .map(|(i, c)| {
                let s = t.source_span(i, i + c.len_utf8());
                assert!(s.end <= src.len(), "{c:?}: {s:?}");
                assert!(src.is_char_boundary(s.start) && src.is_char_boundary(s.end));
                &src[s.start..s.end]
            })
            .collect()
    }

    #[test]
    fn a_replacement_maps_onto_its_whole_source_range() {
        // LaTeX "2019 -- 2021": the dash is 3 bytes for 2 source bytes.
        let src = "2019 -- 2021";
        let mut t = Text::builder();
        t.push("2019 ", 0);
        t.push_replacing("–", 5..7);
        t.push(" 2021", 7);
        assert_eq!(t.text, "2019 – 2021");
        assert_eq!(
            char_sources(src, &t),
            ["2", "0", "1", "9", " ", "--", " ", "2", "0", "2", "1"]
        );
        assert_eq!(t.span(), Span::new(0, 12));
        // Every byte of the replacement maps into the range.
        for b in 5..8 {
            let o = t.source_offset(b);
            assert!((5..=7).contains(&o), "{b} → {o}");
        }
        assert_eq!(t.source_offset(8), 7);
        assert_eq!(t.source_offset(t.text.len()), 12);
        // Slices and trims keep the mapping on either side of it.
        let dash = t.text.find('–').unwrap();
        let s = t.slice(dash, t.text.len());
        assert_eq!(s.text, "– 2021");
        assert_eq!(s.span(), Span::new(5, 12));
        assert_eq!(char_sources(src, &s)[0], "--");
        let head = t.slice(0, dash + '–'.len_utf8());
        assert_eq!(head.span(), Span::new(0, 7));
        let trimmed = t.slice(4, dash + 3).trimmed(&[]);
        assert_eq!(trimmed.text, "–");
        assert_eq!(trimmed.span(), Span::new(5, 7));
    }

    #[test]
    fn a_shorter_replacement_never_lands_inside_a_source_char() {
        // A JSON escape: "\u00e9" (6 bytes) decodes to "é" (2).
        let src = r#""Ren\u00e9e""#;
        let mut t = Text::builder();
        t.push("Ren", 1);
        t.push_replacing("é", 4..10);
        t.push("e", 10);
        assert_eq!(char_sources(src, &t), ["R", "e", "n", "\\u00e9", "e"]);
        assert_eq!(t.span(), Span::new(1, 11));
    }

    #[test]
    fn synthetic_text_at_the_end_of_the_source_stays_inside_it() {
        // A joining gap after the last byte of the file.
        let src = "tools";
        let mut t = Text::verbatim("tools", 0);
        t.push_synthetic("  ");
        assert_eq!(char_sources(src, &t), ["t", "o", "o", "l", "s", "", ""]);
        assert_eq!(t.source_span(5, 7), Span::new(5, 5));
        assert_eq!(t.span(), Span::new(0, 5));
    }

    #[test]
    fn append_and_slice_keep_every_piece() {
        // A line with a dropped zero-width char (3 bytes), joined to text
        // before it: the part after the dropped char keeps its offset.
        let src = "one\ntwo\u{200c}three";
        let mut line = Text::builder();
        line.push("two", 4);
        line.push("three", 10);
        let mut t = Text::verbatim("one", 0);
        t.push_synthetic(" ");
        t.append(&line);
        assert_eq!(t.text, "one twothree");
        let three = t.text.find("three").unwrap();
        assert_eq!(t.source_span(three, three + 5), Span::new(10, 15));
        let s = t.slice(three - 1, t.text.len());
        assert_eq!(s.text, "othree");
        assert_eq!(s.source_offset(1), 10);
        assert_eq!(char_sources(src, &t)[3], "");
        // An empty slice still knows where it is.
        assert_eq!(t.slice(three, three).span(), Span::new(10, 10));
    }

    #[test]
    fn opaque_text_maps_each_char_to_the_whole_span() {
        let src = "x,\"a \"\"b\"\"\",y";
        // A CSV field: the quoted literal stands for the decoded value.
        let t = Text::opaque("a \"b\"".into(), Span::new(2, 11), None);
        for s in char_sources(src, &t) {
            assert_eq!(s, "\"a \"\"b\"\"\"");
        }
        assert_eq!(t.slice(2, 5).span(), Span::new(2, 11));
    }

    #[test]
    fn truncate_takes_back_a_replacement() {
        let mut t = Text::verbatim("a", 0);
        let mark = t.text.len();
        t.push_synthetic(" | ");
        t.truncate(mark);
        t.push("b", 1);
        assert_eq!(t.text, "ab");
        assert_eq!(t.span(), Span::new(0, 2));
        assert_eq!(t.source_span(1, 2), Span::new(1, 2));
    }
}
