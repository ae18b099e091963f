//! DOCX → plain text, one line per paragraph, read straight from the ZIP
//! and its WordprocessingML. The text then goes through the same line
//! classifier and segmenter as a `.txt` resume; diagnostics point into it.
//!
//! What the text keeps of the layout is what the segmenter reads: list
//! items become "• " bullets, a table row becomes one "A | B | C" line
//! (resumes lay roles out as "Company | Title | Dates" rows), text boxes,
//! headers and footers are read once each. Heading styles and wholly bold
//! paragraphs travel beside the text as [`Hint`]s.

use std::sync::LazyLock;

use crate::pattern::Regex;
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::Limits;
use super::archive::BoundedZip;
use super::lines::{Line, LineKind};
use crate::error::InputError;

const DOCUMENT_PART: &str = "word/document.xml";
/// The start of every OLE2 compound file: legacy .doc, and also an
/// encrypted (password-protected) DOCX, which Office wraps in OLE.
pub const OLE_MAGIC: [u8; 4] = [0xD0, 0xCF, 0x11, 0xE0];

/// What a line of the extracted text was, beyond its words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hint {
    None,
    /// A paragraph in a heading style (Title, Heading 1..6).
    Heading(u8),
    /// Every run of the paragraph is bold.
    Emphasized,
}

/// The extracted text and one hint per line of it.
#[derive(Debug, Default)]
pub struct DocxText {
    pub text: String,
    pub hints: Vec<Hint>,
}

/// Reads the text of a DOCX held in `bytes`.
pub fn extract(display: &str, bytes: &[u8], limits: &Limits) -> Result<DocxText, InputError> {
    if bytes.starts_with(&OLE_MAGIC) {
        return Err(ole_error(display, bytes));
    }
    let mut zip = BoundedZip::open(display, "DOCX", bytes, limits)?;
    let Some(document) = zip.find(DOCUMENT_PART) else {
        return Err(InputError::new(
            display,
            "not a DOCX: word/document.xml is missing",
        ));
    };
    let (headers, footers) = header_footer_parts(&zip.names());
    let mut out = Output::default();
    let mut seen_furniture = Vec::new();
    for part in &headers {
        let blocks = parse_part(display, part, &zip.read_text(part)?)?;
        furniture_lines(&blocks, &mut seen_furniture, &mut out);
    }
    if !out.lines.is_empty() {
        out.push(String::new(), Hint::None);
    }
    let body = parse_part(display, DOCUMENT_PART, &zip.read_text(&document)?)?;
    render_blocks(&body, &mut out);
    let mut footer_out = Output::default();
    for part in &footers {
        let blocks = parse_part(display, part, &zip.read_text(part)?)?;
        furniture_lines(&blocks, &mut seen_furniture, &mut footer_out);
    }
    if !footer_out.lines.is_empty() {
        out.push(String::new(), Hint::None);
        out.lines.extend(footer_out.lines);
    }
    Ok(out.finish())
}

/// Whether a ZIP holds a Word document (for ZIPs not named `.docx`).
pub fn is_docx_zip(bytes: &[u8]) -> bool {
    let limits = Limits::default();
    BoundedZip::open("", "DOCX", bytes, &limits).is_ok_and(|z| z.find(DOCUMENT_PART).is_some())
}

/// The error for an OLE2 file: an encrypted DOCX or a legacy .doc.
pub fn ole_error(display: &str, bytes: &[u8]) -> InputError {
    // OLE directory entries hold UTF-16LE stream names; an encrypted OOXML
    // package is stored in a stream named "EncryptedPackage".
    let needle: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    if bytes.windows(needle.len()).any(|w| w == needle.as_slice()) {
        InputError::new(
            display,
            "encrypted DOCX: remove the password and save again",
        )
    } else {
        InputError::new(display, "a legacy Word .doc file: save it as .docx")
    }
}

/// Sets line kinds and emphasis from the hints (line numbers are 1-based
/// and match the text's lines one to one).
pub fn apply_hints(lines: &mut [Line], hints: &[Hint]) {
    for line in lines {
        match hints.get(line.number.wrapping_sub(1)) {
            Some(Hint::Heading(level)) if line.kind == LineKind::Plain => {
                line.kind = LineKind::Heading(*level);
            }
            Some(Hint::Emphasized) if line.kind == LineKind::Plain => line.emphasized = true,
            _ => {}
        }
    }
}

/// `word/header*.xml` and `word/footer*.xml`, each in numeric order.
fn header_footer_parts(names: &[String]) -> (Vec<String>, Vec<String>) {
    let pick = |prefix: &str| {
        let mut parts: Vec<(u32, String)> = names
            .iter()
            .filter_map(|n| {
                let lower = n.to_ascii_lowercase();
                let num = lower.strip_prefix(prefix)?.strip_suffix(".xml")?;
                let num = if num.is_empty() {
                    Some(0)
                } else {
                    num.parse().ok()
                };
                num.map(|k| (k, n.clone()))
            })
            .collect();
        parts.sort();
        parts.into_iter().map(|(_, n)| n).collect::<Vec<_>>()
    };
    (pick("word/header"), pick("word/footer"))
}

static PAGE_NUMBER_RE: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(r"(?i)^\s*(?:page\s*)?\d+\s*(?:(?:of|/)\s*\d+)?\s*$")
        .expect("page number regex")
});

/// Header and footer lines, minus page numbers and lines another header
/// already gave (the first-page and default headers often repeat).
fn furniture_lines(blocks: &[Block], seen: &mut Vec<String>, out: &mut Output) {
    let mut part = Output::default();
    render_blocks(blocks, &mut part);
    for (text, hint) in part.lines {
        let key = text.trim().to_string();
        if key.is_empty() || PAGE_NUMBER_RE.is_match(&key) || seen.contains(&key) {
            continue;
        }
        seen.push(key);
        out.push(text, hint);
    }
}

// ---------------------------------------------------------------------
// WordprocessingML → blocks

/// A paragraph as read: its text (with '\t' for tabs and '\n' for breaks),
/// list and heading status, and any text boxes anchored in it.
#[derive(Debug, Default)]
struct Para {
    text: String,
    list: bool,
    heading: Option<u8>,
    /// Text bytes in bold runs and in all runs, to tell a bold paragraph.
    bold_bytes: usize,
    text_bytes: usize,
    /// The current run's formatting.
    run_bold: bool,
    run_hidden: bool,
    boxes: Vec<Block>,
}

#[derive(Debug)]
enum Block {
    Para(Para),
    /// Rows of cells of blocks.
    Table(Vec<Vec<Vec<Block>>>),
}

/// An open structure while the XML is read.
enum Frame {
    /// The body, a header, a footer or a text box.
    Blocks(Vec<Block>),
    Para(Para),
    Table(Vec<Vec<Vec<Block>>>),
    Row(Vec<Vec<Block>>),
    Cell(Vec<Block>),
}

/// The elements that change how what follows is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    Para,
    Run,
    Text,
    ParaProps,
    RunProps,
    Table,
    Row,
    Cell,
    TextBox,
    /// Content never shown: deletions, moved-from text, the fallback copy
    /// of alternate content (the Choice holds the same text).
    Skipped,
    Other,
}

fn tag_of(local: &str) -> Tag {
    match local {
        "p" => Tag::Para,
        "r" => Tag::Run,
        "t" => Tag::Text,
        "pPr" => Tag::ParaProps,
        "rPr" => Tag::RunProps,
        "tbl" => Tag::Table,
        "tr" => Tag::Row,
        "tc" => Tag::Cell,
        "txbxContent" => Tag::TextBox,
        "del" | "moveFrom" | "Fallback" => Tag::Skipped,
        _ => Tag::Other,
    }
}

struct Parser {
    frames: Vec<Frame>,
    tags: Vec<Tag>,
}

/// Parses one part (document, header or footer) into blocks.
fn parse_part(display: &str, part: &str, xml: &str) -> Result<Vec<Block>, InputError> {
    let malformed = |at: u64| {
        InputError::new(
            display,
            format!("corrupt DOCX: malformed XML in {part} at byte {at}"),
        )
    };
    let mut reader = Reader::from_str(xml);
    let mut p = Parser {
        frames: vec![Frame::Blocks(Vec::new())],
        tags: Vec::new(),
    };
    loop {
        let event = reader
            .read_event()
            .map_err(|_| malformed(reader.error_position()))?;
        match event {
            Event::Start(e) => p.start(&e),
            Event::Empty(e) => {
                p.start(&e);
                p.end();
            }
            Event::End(_) => p.end(),
            Event::Text(t) => p.text(&t.xml10_content()),
            Event::CData(t) => p.text(&t.xml10_content()),
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => quick_xml::escape::resolve_predefined_entity(&r)
                        .unwrap_or("")
                        .to_string(),
                    Err(_) => return Err(malformed(reader.buffer_position())),
                };
                p.text(&c);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !p.tags.is_empty() {
        // The part ends inside an element: it was cut short.
        return Err(malformed(xml.len() as u64));
    }
    Ok(p.finish())
}

impl Parser {
    fn skipping(&self) -> bool {
        self.tags.contains(&Tag::Skipped)
    }

    fn parent(&self) -> Option<Tag> {
        self.tags.last().copied()
    }

    fn para(&mut self) -> Option<&mut Para> {
        match self.frames.last_mut() {
            Some(Frame::Para(p)) => Some(p),
            _ => None,
        }
    }

    fn start(&mut self, e: &BytesStart) {
        let local = e.local_name();
        let tag = tag_of(local.as_ref());
        let parent = self.parent();
        if !self.skipping() {
            match tag {
                Tag::Para => self.frames.push(Frame::Para(Para::default())),
                Tag::Table => self.frames.push(Frame::Table(Vec::new())),
                Tag::Row => self.frames.push(Frame::Row(Vec::new())),
                Tag::Cell => self.frames.push(Frame::Cell(Vec::new())),
                Tag::TextBox => self.frames.push(Frame::Blocks(Vec::new())),
                Tag::Run => {
                    if let Some(p) = self.para() {
                        p.run_bold = false;
                        p.run_hidden = false;
                    }
                }
                Tag::Other => self.leaf(local.as_ref(), e, parent),
                _ => {}
            }
        }
        self.tags.push(tag);
    }

    /// Elements that carry meaning without children: breaks, tabs and
    /// the properties read from `w:pPr` and a run's `w:rPr`.
    fn leaf(&mut self, local: &str, e: &BytesStart, parent: Option<Tag>) {
        let in_props = self.tags.contains(&Tag::ParaProps);
        let Some(p) = self.para() else {
            return;
        };
        match (local, parent) {
            // w:tab inside w:pPr/w:tabs is a tab stop, not a tab.
            ("tab" | "ptab", Some(Tag::Run)) => p.text.push('\t'),
            ("br" | "cr", Some(Tag::Run)) => p.text.push('\n'),
            ("noBreakHyphen", Some(Tag::Run)) => p.text.push('-'),
            ("b", Some(Tag::RunProps)) if !in_props => p.run_bold = is_on(e),
            ("vanish", Some(Tag::RunProps)) if !in_props => p.run_hidden = is_on(e),
            ("pStyle", Some(Tag::ParaProps)) => {
                let style = val(e).unwrap_or_default();
                p.heading = heading_level(&style).or(p.heading);
                p.list |= is_list_style(&style);
            }
            ("outlineLvl", Some(Tag::ParaProps)) => {
                if let Some(level) = val(e).and_then(|v| v.parse::<u8>().ok()) {
                    p.heading = p.heading.or((level < 6).then_some(level + 1));
                }
            }
            // numId 0 means "numbering removed".
            ("numId", _) if in_props => p.list = val(e).is_some_and(|v| v != "0"),
            _ => {}
        }
    }

    fn text(&mut self, s: &str) {
        if self.parent() != Some(Tag::Text) || self.skipping() {
            return;
        }
        let Some(p) = self.para() else {
            return;
        };
        if p.run_hidden {
            return;
        }
        // Our own '\n' marks breaks: any control character in the text
        // itself is only spacing.
        let clean: String = s
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        // Spaces between runs are often left unformatted: count letters.
        let visible = clean.chars().filter(|c| !c.is_whitespace()).count();
        p.text_bytes += visible;
        if p.run_bold {
            p.bold_bytes += visible;
        }
        p.text.push_str(&clean);
    }

    fn end(&mut self) {
        let Some(tag) = self.tags.pop() else {
            return;
        };
        if self.skipping() || tag == Tag::Skipped {
            return;
        }
        match tag {
            Tag::Para => {
                if let Some(Frame::Para(p)) = self.pop_frame(|f| matches!(f, Frame::Para(_))) {
                    self.add_block(Block::Para(p));
                }
            }
            Tag::Table => {
                if let Some(Frame::Table(rows)) = self.pop_frame(|f| matches!(f, Frame::Table(_))) {
                    self.add_block(Block::Table(rows));
                }
            }
            Tag::Row => {
                if let Some(Frame::Row(cells)) = self.pop_frame(|f| matches!(f, Frame::Row(_)))
                    && let Some(Frame::Table(rows)) = self.frames.last_mut()
                {
                    rows.push(cells);
                }
            }
            Tag::Cell => {
                if let Some(Frame::Cell(blocks)) = self.pop_frame(|f| matches!(f, Frame::Cell(_)))
                    && let Some(Frame::Row(cells)) = self.frames.last_mut()
                {
                    cells.push(blocks);
                }
            }
            Tag::TextBox => self.close_text_box(),
            _ => {}
        }
    }

    /// Pops the top frame if it is of the expected kind; odd nesting (a
    /// row outside a table) leaves the frames as they are.
    fn pop_frame(&mut self, is: impl Fn(&Frame) -> bool) -> Option<Frame> {
        // The root frame is never popped.
        if self.frames.len() > 1 && self.frames.last().is_some_and(is) {
            self.frames.pop()
        } else {
            None
        }
    }

    /// A text box's paragraphs go with the paragraph that anchors it, or
    /// into the enclosing container.
    fn close_text_box(&mut self) {
        if self.frames.len() < 2 || !matches!(self.frames.last(), Some(Frame::Blocks(_))) {
            return;
        }
        let Some(Frame::Blocks(blocks)) = self.frames.pop() else {
            return;
        };
        for b in blocks {
            match self.frames.last_mut() {
                Some(Frame::Para(p)) => p.boxes.push(b),
                _ => self.add_block(b),
            }
        }
    }

    /// Adds a finished block to the innermost container.
    fn add_block(&mut self, block: Block) {
        for frame in self.frames.iter_mut().rev() {
            match frame {
                Frame::Blocks(v) | Frame::Cell(v) => {
                    v.push(block);
                    return;
                }
                Frame::Para(p) => {
                    // A paragraph inside a paragraph only comes from odd
                    // markup: keep its text after its host's.
                    p.boxes.push(block);
                    return;
                }
                Frame::Table(_) | Frame::Row(_) => {}
            }
        }
    }

    /// The root blocks, with anything left open (never, for well-formed
    /// XML) folded in.
    fn finish(mut self) -> Vec<Block> {
        while self.frames.len() > 1 {
            match self.frames.pop() {
                Some(Frame::Para(p)) => self.add_block(Block::Para(p)),
                Some(Frame::Blocks(b) | Frame::Cell(b)) => {
                    b.into_iter().for_each(|b| self.add_block(b))
                }
                _ => {}
            }
        }
        match self.frames.pop() {
            Some(Frame::Blocks(b)) => b,
            _ => Vec::new(),
        }
    }
}

/// An attribute's value by local name (`w:val` → "val").
fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .map(|a| a.value.into_owned())
}

fn val(e: &BytesStart) -> Option<String> {
    attr(e, "val")
}

/// A toggle property (`<w:b/>`, `<w:b w:val="false"/>`).
fn is_on(e: &BytesStart) -> bool {
    !matches!(val(e).as_deref(), Some("0" | "false" | "off"))
}

/// "Heading2" → 2, "Title" → 1. Style ids are English in most files.
fn heading_level(style: &str) -> Option<u8> {
    let lower = style.to_ascii_lowercase();
    if lower == "title" {
        return Some(1);
    }
    let level = lower.strip_prefix("heading")?.trim().parse::<u8>().ok()?;
    (1..=6).contains(&level).then_some(level)
}

/// "ListBullet", "ListNumber2", "ListParagraph" (not "ListTable...").
fn is_list_style(style: &str) -> bool {
    let lower = style.to_ascii_lowercase().replace(' ', "");
    lower.starts_with("listbullet")
        || lower.starts_with("listnumber")
        || lower.starts_with("listparagraph")
}

// ---------------------------------------------------------------------
// blocks → lines

#[derive(Debug, Default)]
struct Output {
    lines: Vec<(String, Hint)>,
}

impl Output {
    fn push(&mut self, text: String, hint: Hint) {
        self.lines.push((text, hint));
    }

    fn finish(self) -> DocxText {
        let mut out = DocxText::default();
        for (text, hint) in self.lines {
            out.text.push_str(text.trim_end());
            out.text.push('\n');
            out.hints.push(hint);
        }
        out
    }
}

fn render_blocks(blocks: &[Block], out: &mut Output) {
    for b in blocks {
        match b {
            Block::Para(p) => render_para(p, out),
            Block::Table(rows) => render_table(rows, out),
        }
    }
}

fn render_para(p: &Para, out: &mut Output) {
    let hint = match p.heading {
        Some(level) => Hint::Heading(level),
        None if !p.list && p.text_bytes > 0 && p.bold_bytes == p.text_bytes => Hint::Emphasized,
        None => Hint::None,
    };
    let bullet = p.list && p.heading.is_none() && !p.text.trim().is_empty();
    for (i, piece) in p.text.split('\n').enumerate() {
        let text = match (bullet, i) {
            (true, 0) => format!("• {}", piece.trim_start()),
            // A broken line of a list item continues it: the indent tells
            // the segmenter so.
            (true, _) => format!("  {}", piece.trim_start()),
            _ => piece.to_string(),
        };
        out.push(text, if i == 0 { hint } else { Hint::None });
    }
    render_blocks(&p.boxes, out);
}

/// One line per row, cells joined with " | ". A cell that holds a list or
/// a table (or a whole column of a layout table) cannot fit on one line:
/// its leading short paragraphs join the row, the rest follow as lines.
fn render_table(rows: &[Vec<Vec<Block>>], out: &mut Output) {
    for row in rows {
        let mut parts: Vec<String> = Vec::new();
        let mut after = Output::default();
        for cell in row {
            if is_inline_cell(cell) {
                parts.extend(cell_texts(cell));
                continue;
            }
            let lead = leading_header_paras(cell);
            for b in &cell[..lead] {
                if let Block::Para(p) = b {
                    parts.push(one_line(&p.text));
                }
            }
            render_blocks(&cell[lead..], &mut after);
        }
        parts.retain(|s| !s.is_empty());
        if !parts.is_empty() {
            out.push(parts.join(" | "), Hint::None);
        }
        out.lines.extend(after.lines);
    }
}

const INLINE_CELL_PARAS: usize = 4;
const INLINE_CELL_CHARS: usize = 200;

fn is_inline_cell(cell: &[Block]) -> bool {
    let mut paras = 0;
    let mut chars = 0;
    for b in cell {
        match b {
            Block::Table(_) => return false,
            Block::Para(p) if p.list || !p.boxes.is_empty() => return false,
            Block::Para(p) => {
                let n = p.text.trim().chars().count();
                paras += usize::from(n > 0);
                chars += n;
            }
        }
    }
    paras <= INLINE_CELL_PARAS && chars <= INLINE_CELL_CHARS
}

/// How many short plain paragraphs open a cell that holds a list: they
/// are the entry's header ("Acme Corp", "Senior Engineer") and belong on
/// the row's line, before the list.
fn leading_header_paras(cell: &[Block]) -> usize {
    let has_list = cell.iter().any(|b| matches!(b, Block::Para(p) if p.list));
    if !has_list {
        return 0;
    }
    cell.iter()
        .take_while(|b| {
            matches!(b, Block::Para(p) if !p.list && p.boxes.is_empty() && p.text.chars().count() <= 80)
        })
        .count()
        .min(3)
}

fn cell_texts(cell: &[Block]) -> Vec<String> {
    cell.iter()
        .filter_map(|b| match b {
            Block::Para(p) => Some(one_line(&p.text)),
            Block::Table(_) => None,
        })
        .filter(|s| !s.is_empty())
        .collect()
}

/// A paragraph's text on one line: breaks become " | " separators.
fn one_line(s: &str) -> String {
    s.split('\n')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .collect::<Vec<_>>()
        .join(" | ")
}
