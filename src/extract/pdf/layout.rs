//! Glyphs → words → lines → columns → text.
//!
//! pdf-extract reports glyphs in content-stream order, which is drawing
//! order, not reading order: a two-column resume may draw its columns line
//! by line across the page, and generators position glyphs one by one. So
//! the layout is rebuilt from positions alone:
//!
//! 1. *fragments*: runs of glyphs on one baseline with no wide gap, in
//!    stream order (a run never jumps a column gutter);
//! 2. *columns*: a page is cut at a vertical gutter that no fragment
//!    crosses over a band of rows, when both sides hold several rows
//!    (a sidebar, two columns); full-width rows above or below the band
//!    (the name, a footer) are read in their place;
//! 3. *lines*: the fragments of one region on one baseline, left to right,
//!    with a space where the gap is a word gap and two where it is a tab
//!    stop ("Acme Corp  Jan 2020 – Present", as the segmenter expects).
//!
//! Page numbers ("Page 1 of 2") at the top or bottom of a page are
//! dropped, a word hyphenated across a line end is joined, and every line
//! keeps its page and position.

use std::sync::LazyLock;

use crate::pattern::Regex;
use serde::{Deserialize, Serialize};

use super::glyphs::{Glyph, GlyphKind, PageGlyphs};

/// A gap wider than this share of the font size is a word space.
const WORD_GAP: f32 = 0.17;
/// A gap wider than this share of the font size is a tab stop: the line
/// goes on, with two spaces.
const TAB_GAP: f32 = 1.2;
/// A gap wider than this ends a fragment: it may be a column gutter.
const FRAGMENT_GAP: f32 = 0.9;
/// Fewest rows on each side of a gutter for it to make columns.
const MIN_COLUMN_ROWS: usize = 3;
/// Most words of a part set at the right end of a row ("Seoul, S.Korea",
/// "Mar. 2021 – Present").
const RIGHT_PART_WORDS: usize = 5;
/// Most words of a margin label ("Experience", "2022 – 2025").
const LABEL_WORDS: usize = 3;

/// The extracted text and, for every line of it, where it stands.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PdfText {
    pub text: String,
    /// One entry per line of `text` (blank lines included).
    pub lines: Vec<LineInfo>,
    /// The fonts' names (subset prefixes dropped), where the page's
    /// content could be read for them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fonts: Vec<String>,
    /// Per line of `text`: where each font starts, as (character offset in
    /// the line after its indentation, index in `fonts`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub runs: Vec<Vec<(u32, u16)>>,
}

/// Where a line of the extracted text stands on its page.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LineInfo {
    /// 1-based page number.
    pub page: u32,
    /// Left edge and baseline in points from the page's top left.
    pub x: f32,
    pub y: f32,
    /// The largest font size on the line, in points.
    pub size: f32,
    /// The line's first word would have fitted at the end of the line
    /// above (same block, no blank between): the line above ended early,
    /// so this one starts an item rather than wrapping it.
    #[serde(default)]
    pub fits_above: bool,
}

/// A run of glyphs on one baseline, in drawing order.
#[derive(Debug, Clone)]
struct Frag {
    glyphs: Vec<Glyph>,
    x0: f32,
    x1: f32,
    y: f32,
    size: f32,
}

impl Frag {
    fn new(g: Glyph) -> Self {
        Frag {
            x0: g.x,
            x1: g.end(),
            y: g.y,
            size: g.size,
            glyphs: vec![g],
        }
    }

    fn text(&self) -> String {
        self.glyphs
            .iter()
            .filter(|g| g.kind == GlyphKind::Text)
            .map(|g| g.text.as_str())
            .collect()
    }
}

/// One line of a region.
#[derive(Debug, Clone)]
struct TextLine {
    text: String,
    x0: f32,
    y: f32,
    size: f32,
    /// Ends in a soft hyphen (which is not in `text`).
    soft_hyphen: bool,
    /// Font runs: (character offset in `text`, font).
    runs: Vec<(u32, u16)>,
    /// Where the text ends, and the width of its first word.
    x1: f32,
    first_word: f32,
}

/// Lays out the pages' glyphs as text.
pub fn layout(pages: &[PageGlyphs]) -> PdfText {
    let mut out = Emitter::default();
    for (n, page) in pages.iter().enumerate() {
        let continues = n + 1 < pages.len();
        let frags = fragments(&page.glyphs);
        let frags = drop_page_numbers(frags);
        if frags.is_empty() {
            continue;
        }
        let mut regions = Vec::new();
        order_regions(frags, 0, &mut regions);
        if continues {
            sidebar_first(&mut regions);
        }
        out.break_block(page.number);
        for region in regions {
            let lines = region_lines(region.frags);
            out.region(page.number, lines, region.attached);
        }
    }
    out.finish()
}

/// Runs of glyphs on one baseline without a wide gap, in stream order.
fn fragments(glyphs: &[Glyph]) -> Vec<Frag> {
    let mut frags: Vec<Frag> = Vec::new();
    for g in glyphs {
        let size = g.size;
        if let Some(f) = frags.last_mut() {
            let sz = f.size.max(size);
            let same_line = (g.y - f.y).abs() <= 0.3 * sz;
            if g.kind != GlyphKind::Text {
                // A space or soft hyphen only counts next to its run.
                if same_line && g.x >= f.x1 - 0.5 * sz && g.x <= f.x1 + FRAGMENT_GAP * sz {
                    f.glyphs.push(g.clone());
                }
                continue;
            }
            if let Some(last) = f.glyphs.iter().rev().find(|l| l.kind == GlyphKind::Text)
                && last.text == g.text
                && !g.estimated
                && (last.x - g.x).abs() < 0.1 * sz
                && (last.y - g.y).abs() < 0.1 * sz
            {
                // Drawn twice in place (fake bold, shadow): once is enough.
                continue;
            }
            // Forward from the run's end, or from the last glyph's start:
            // glyphs without widths all stand at one x.
            let last_x = f.glyphs.last().map_or(f.x0, |l| l.x);
            let forward = g.x >= f.x1 - 0.5 * sz || g.x >= last_x - 0.01;
            if same_line && forward && g.x <= f.x1 + FRAGMENT_GAP * sz {
                f.x1 = f.x1.max(g.end());
                f.x0 = f.x0.min(g.x);
                f.size = f.size.max(size);
                f.glyphs.push(g.clone());
                continue;
            }
        }
        if g.kind == GlyphKind::Text {
            frags.push(Frag::new(g.clone()));
        }
    }
    frags
}

/// Groups fragments into rows by baseline; each row's members, top down.
fn rows(frags: &[Frag], idx: &[usize]) -> Vec<Vec<usize>> {
    let mut sorted: Vec<usize> = idx.to_vec();
    sorted.sort_by(|&a, &b| frags[a].y.total_cmp(&frags[b].y));
    let mut rows: Vec<(f32, f32, Vec<usize>)> = Vec::new();
    for i in sorted {
        let f = &frags[i];
        match rows.last_mut() {
            Some((y, size, members)) if (f.y - *y).abs() <= 0.4 * size.min(f.size) => {
                members.push(i);
                if f.size > *size {
                    // The row's baseline is that of its largest text, so a
                    // superscript does not drag it.
                    *y = f.y;
                    *size = f.size;
                }
            }
            _ => rows.push((f.y, f.size, vec![i])),
        }
    }
    rows.into_iter().map(|(_, _, m)| m).collect()
}

static PAGE_NUMBER_RE: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(r"(?i)^\s*(?:[-–—]\s*)?(?:page\s*\d+(?:\s*(?:of|/)\s*\d+)?|\d{1,3}\s*(?:of|/)\s*\d{1,3}|\d{1,3})(?:\s*[-–—])?\s*$")
        .expect("page number regex")
});

/// Drops a page number standing alone in the top or bottom row of a page.
fn drop_page_numbers(frags: Vec<Frag>) -> Vec<Frag> {
    let all: Vec<usize> = (0..frags.len()).collect();
    let rows = rows(&frags, &all);
    let mut drop = vec![false; frags.len()];
    let ends = [rows.first(), rows.last()];
    for row in ends.into_iter().flatten() {
        // A page number may share its row with a running title: test each
        // fragment of the row on its own, then the row as a whole.
        let mut members = row.clone();
        members.sort_by(|&a, &b| frags[a].x0.total_cmp(&frags[b].x0));
        let whole: String = members
            .iter()
            .map(|&i| frags[i].text())
            .collect::<Vec<_>>()
            .join(" ");
        if PAGE_NUMBER_RE.is_match(&whole) {
            for &i in row {
                drop[i] = true;
            }
        } else if rows.len() > 1 {
            for &i in row {
                let t = frags[i].text();
                if PAGE_NUMBER_RE.is_match(&t) && t.to_ascii_lowercase().contains("page") {
                    drop[i] = true;
                }
            }
        }
    }
    frags
        .into_iter()
        .zip(drop)
        .filter(|(_, d)| !d)
        .map(|(f, _)| f)
        .collect()
}

/// Splits fragments into regions in reading order: full-width bands and,
/// where a gutter runs between several rows on each side, the left column
/// then the right one (recursively, for a column that splits again).
fn order_regions(frags: Vec<Frag>, depth: usize, out: &mut Vec<Region>) {
    if frags.is_empty() {
        return;
    }
    let Some(cut) = (depth < 3).then(|| find_gutter(&frags)).flatten() else {
        out.push(Region::new(frags));
        return;
    };
    // Each row is wholly above, in or below a column band.
    let all: Vec<usize> = (0..frags.len()).collect();
    let rows = rows(&frags, &all);
    let mut slots: Vec<Option<Frag>> = frags.into_iter().map(Some).collect();
    let take = |ids: &[usize], slots: &mut Vec<Option<Frag>>| -> Vec<Frag> {
        ids.iter().filter_map(|&i| slots[i].take()).collect()
    };
    let mut full: Vec<usize> = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        let band = cut.bands.iter().find(|b| b.0 <= r && r < b.1);
        match band {
            Some(&(start, end)) if r == start => {
                let start = start + heading_rows(&slots, &rows[start..end], cut.x);
                for row in &rows[r..start] {
                    full.extend(row.iter().copied());
                }
                if !full.is_empty() {
                    out.push(Region::new(take(&full, &mut slots)));
                    full.clear();
                }
                let band = &rows[start..end];
                if margin_labels(&slots, band, cut.x) {
                    interleave_labels(&mut slots, band, cut.x, depth, out);
                    continue;
                }
                let ids: Vec<usize> = band.iter().flatten().copied().collect();
                let (left, right): (Vec<usize>, Vec<usize>) = ids
                    .into_iter()
                    .partition(|&i| slots[i].as_ref().is_some_and(|f| f.x1 <= cut.x));
                let left = take(&left, &mut slots);
                let right = take(&right, &mut slots);
                let at = out.len();
                order_regions(left, depth + 1, out);
                let split = out.len();
                order_regions(right, depth + 1, out);
                if depth == 0 {
                    for r in &mut out[split..] {
                        r.side = Side::Right { band: at, split };
                    }
                }
            }
            Some(_) => {}
            None => full.extend(row.iter().copied()),
        }
    }
    if !full.is_empty() {
        out.push(Region::new(take(&full, &mut slots)));
    }
}

/// Fragments read as one block, in reading order.
struct Region {
    frags: Vec<Frag>,
    /// Follows the block before without a blank line: the entries beside
    /// a margin label.
    attached: bool,
    /// A page-wide band's right column: where the band's regions start in
    /// the page's list, and where this side's start.
    side: Side,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Side {
    Any,
    Right { band: usize, split: usize },
}

impl Region {
    fn new(frags: Vec<Frag>) -> Self {
        Region {
            frags,
            attached: false,
            side: Side::Any,
        }
    }
}

/// The characters of a run of regions.
fn chars(regions: &[Region]) -> usize {
    regions
        .iter()
        .flat_map(|r| &r.frags)
        .map(|f| f.glyphs.len())
        .sum()
}

/// On a page the next one continues, a right-hand sidebar (Contact,
/// Skills, Education beside the entries) is read before the main column,
/// so that the main column runs on into the next page: its entries there
/// carry on its last section, not the sidebar's.
fn sidebar_first(regions: &mut [Region]) {
    let Some(Side::Right { band, split }) =
        regions.iter().map(|r| r.side).find(|s| *s != Side::Any)
    else {
        return;
    };
    let end = regions[split..]
        .iter()
        .position(|r| r.side == Side::Any)
        .map_or(regions.len(), |k| split + k);
    // The last band only: rows below it would then not follow the main
    // column, and a sidebar holds less text than the column it is beside.
    let later = regions[end..].iter().any(|r| r.side != Side::Any);
    if later
        || end < regions.len()
        || chars(&regions[split..end]) * 2 > chars(&regions[band..split])
    {
        return;
    }
    regions[band..end].rotate_left(split - band);
}

/// Whether the left side of a band holds margin labels ("Experience" in
/// a narrow column beside the entries it heads, on their first baseline):
/// a few short rows, most of them sharing a row with the right side.
fn margin_labels(slots: &[Option<Frag>], band: &[Vec<usize>], x: f32) -> bool {
    let mut left_rows = 0;
    let mut paired = 0;
    let mut right_rows = 0;
    for row in band {
        let fs: Vec<&Frag> = row.iter().filter_map(|&i| slots[i].as_ref()).collect();
        let left: Vec<&&Frag> = fs.iter().filter(|f| f.x1 <= x).collect();
        let right = fs.len() - left.len();
        right_rows += usize::from(right > 0);
        if left.is_empty() {
            continue;
        }
        left_rows += 1;
        paired += usize::from(right > 0);
        let words: usize = left
            .iter()
            .map(|f| f.text().split_whitespace().count())
            .sum();
        if words > LABEL_WORDS {
            return false;
        }
    }
    left_rows * 2 <= right_rows && paired * 4 >= left_rows * 3
}

/// Reads a band with margin labels top down: each label on a line of its
/// own, right above the entries beside it ("2022 – 2025" over the role it
/// dates, "Experience" over the first role).
fn interleave_labels(
    slots: &mut [Option<Frag>],
    band: &[Vec<usize>],
    x: f32,
    depth: usize,
    out: &mut Vec<Region>,
) {
    let mut chunk: Vec<Frag> = Vec::new();
    let mut attach = false;
    let flush = |chunk: Vec<Frag>, attach: bool, out: &mut Vec<Region>| {
        let first = out.len();
        order_regions(chunk, depth + 1, out);
        if let Some(r) = out.get_mut(first) {
            r.attached = attach;
        }
    };
    for row in band {
        let (labels, entries): (Vec<usize>, Vec<usize>) = row
            .iter()
            .copied()
            .partition(|&i| slots[i].as_ref().is_some_and(|f| f.x1 <= x));
        if !labels.is_empty() {
            flush(std::mem::take(&mut chunk), attach, out);
            out.push(Region::new(
                labels.iter().filter_map(|&i| slots[i].take()).collect(),
            ));
            attach = !entries.is_empty();
        }
        chunk.extend(entries.iter().filter_map(|&i| slots[i].take()));
    }
    flush(chunk, attach, out);
}

/// How many rows at the top of a band belong above it: rows on one side
/// only that stand out from that side's column by a larger font (the
/// name) or an indent of their own (a centred headline).
fn heading_rows(slots: &[Option<Frag>], band: &[Vec<usize>], x: f32) -> usize {
    let frag = |i: usize| slots[i].as_ref();
    let mut sizes: Vec<f32> = band
        .iter()
        .flatten()
        .filter_map(|&i| frag(i))
        .map(|f| f.size)
        .collect();
    if sizes.is_empty() {
        return 0;
    }
    sizes.sort_by(f32::total_cmp);
    let body = sizes[sizes.len() / 2];
    let margin = |left: bool| {
        band.iter()
            .flatten()
            .filter_map(|&i| frag(i))
            .filter(|f| (f.x1 <= x) == left)
            .map(|f| f.x0)
            .fold(f32::MAX, f32::min)
    };
    let (left_margin, right_margin) = (margin(true), margin(false));
    let mut n = 0;
    for row in band.iter().take(2) {
        let fs: Vec<&Frag> = row.iter().filter_map(|&i| frag(i)).collect();
        let Some(first) = fs.iter().map(|f| f.x0).reduce(f32::min) else {
            break;
        };
        let left = fs.iter().all(|f| f.x1 <= x);
        let right = fs.iter().all(|f| f.x1 > x);
        if !(left || right) {
            break;
        }
        let side_margin = if left { left_margin } else { right_margin };
        let size = fs.iter().map(|f| f.size).fold(0.0, f32::max);
        if size > 1.3 * body || (first - side_margin).abs() > 2.0 * body {
            n += 1;
        } else {
            break;
        }
    }
    n
}

/// A vertical cut: its x and the bands of rows (start, end) it splits.
struct Gutter {
    x: f32,
    bands: Vec<(usize, usize)>,
}

/// The gutter that splits the most fragments into columns, if any.
fn find_gutter(frags: &[Frag]) -> Option<Gutter> {
    let all: Vec<usize> = (0..frags.len()).collect();
    let rows = rows(frags, &all);
    if rows.len() < 2 * MIN_COLUMN_ROWS {
        return None;
    }
    let mut candidates: Vec<f32> = frags.iter().map(|f| f.x1).collect();
    candidates.sort_by(f32::total_cmp);
    candidates.dedup_by(|a, b| (*a - *b).abs() < 1.0);
    let mut best: Option<(usize, Gutter)> = None;
    for &edge in &candidates {
        let (score, g) = split_at(frags, &rows, edge + 0.01);
        if score > 0 && best.as_ref().is_none_or(|(s, _)| score > *s) {
            best = Some((score, g));
        }
    }
    let (score, gutter) = best?;
    // Cut in the middle of the gutter, not at the left column's edge, so
    // that a centred name or a full-width rule line crosses it and is
    // read as a full-width row.
    let mut left_edge = f32::MIN;
    let mut right_edge = f32::MAX;
    for &(a, b) in &gutter.bands {
        for &i in rows[a..b].iter().flatten() {
            let f = &frags[i];
            if f.x1 <= gutter.x {
                left_edge = left_edge.max(f.x1);
            } else {
                right_edge = right_edge.min(f.x0);
            }
        }
    }
    let mid = (left_edge + right_edge) / 2.0;
    let (mid_score, mid_gutter) = split_at(frags, &rows, mid);
    Some(if mid_score * 10 >= score * 9 {
        mid_gutter
    } else {
        gutter
    })
}

/// The bands that a cut at `x` splits into columns, and how many
/// fragments they hold.
fn split_at(frags: &[Frag], rows: &[Vec<usize>], x: f32) -> (usize, Gutter) {
    let crossing: Vec<bool> = rows
        .iter()
        .map(|row| row.iter().any(|&i| frags[i].x0 < x && frags[i].x1 > x))
        .collect();
    let mut bands = Vec::new();
    let mut score = 0;
    let mut r = 0;
    while r < rows.len() {
        if crossing[r] {
            r += 1;
            continue;
        }
        let start = r;
        while r < rows.len() && !crossing[r] {
            r += 1;
        }
        if let Some(n) = band_score(frags, &rows[start..r], x) {
            bands.push((start, r));
            score += n;
        }
    }
    (score, Gutter { x, bands })
}

/// How many fragments a band of rows puts into two columns at `x`, or
/// None when it is no column layout: too few rows on a side, a gutter
/// narrower than the text is high, or rows that pair up one to one (a
/// table of "Company    Dates" rows is read row by row).
fn band_score(frags: &[Frag], rows: &[Vec<usize>], x: f32) -> Option<usize> {
    let mut left_rows = 0;
    let mut right_rows = 0;
    let mut paired = 0;
    let mut left_edge = f32::MIN;
    let mut right_edge = f32::MAX;
    let mut sizes = Vec::new();
    for row in rows {
        let left = row.iter().filter(|&&i| frags[i].x1 <= x).count();
        let right = row.len() - left;
        left_rows += usize::from(left > 0);
        right_rows += usize::from(right > 0);
        paired += usize::from(left > 0 && right > 0);
        for &i in row {
            let f = &frags[i];
            if f.x1 <= x {
                left_edge = left_edge.max(f.x1);
            } else {
                right_edge = right_edge.min(f.x0);
            }
            sizes.push(f.size);
        }
    }
    if left_rows < MIN_COLUMN_ROWS || right_rows < MIN_COLUMN_ROWS {
        return None;
    }
    sizes.sort_by(f32::total_cmp);
    let size = sizes[sizes.len() / 2];
    if right_edge - left_edge < FRAGMENT_GAP * size {
        return None;
    }
    // Rows that pair up one to one across a few rows are a table; columns
    // of running text rarely share every baseline.
    // A few short rows beside many are margin labels, not a table column.
    let short = rows
        .iter()
        .flatten()
        .all(|&i| frags[i].x1 > x || frags[i].text().split_whitespace().count() <= LABEL_WORDS);
    let labels = short && left_rows * 2 <= right_rows;
    if paired * 10 >= left_rows.min(right_rows) * 8 && left_rows.max(right_rows) < 12 && !labels {
        return None;
    }
    // "Acme Inc.    Seoul" over "Engineer    Mar. 2021 Present": short
    // parts set at the right of the rows they share a baseline with, each
    // of them, are those rows' ends (places, dates), not a column; a
    // column beside another keeps baselines of its own.
    let right_short = rows.iter().flatten().all(|&i| {
        frags[i].x1 <= x || frags[i].text().split_whitespace().count() <= RIGHT_PART_WORDS
    });
    if paired == right_rows && right_rows < left_rows && right_short {
        return None;
    }
    Some(rows.iter().map(Vec::len).sum())
}

/// The lines of one region, top down.
fn region_lines(frags: Vec<Frag>) -> Vec<TextLine> {
    let all: Vec<usize> = (0..frags.len()).collect();
    let mut lines = Vec::new();
    for row in rows(&frags, &all) {
        let mut members: Vec<&Frag> = row.iter().map(|&i| &frags[i]).collect();
        members.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        // A run drawn twice over itself (fake bold) counts once.
        let mut kept: Vec<&Frag> = Vec::with_capacity(members.len());
        for f in members {
            let dup = kept.iter().any(|k| {
                let overlap = k.x1.min(f.x1) - k.x0.max(f.x0);
                overlap > 0.8 * (f.x1 - f.x0) && k.text() == f.text()
            });
            if !dup {
                kept.push(f);
            }
        }
        if let Some(line) = render_row(&kept) {
            lines.push(line);
        }
    }
    lines
}

/// One row of fragments (sorted by x) as a line of text.
fn render_row(frags: &[&Frag]) -> Option<TextLine> {
    let mut text = String::new();
    let mut prev: Option<(f32, f32)> = None; // (end, size)
    let mut pending_space = false;
    let mut soft_hyphen = false;
    let mut size: f32 = 0.0;
    let mut runs: Vec<(u32, u16)> = Vec::new();
    // Where the first word ends.
    let mut first_word: Option<f32> = None;
    let word_gap = word_gap(frags);
    for f in frags {
        size = size.max(f.size);
        for g in &f.glyphs {
            match g.kind {
                GlyphKind::Space => {
                    pending_space = true;
                    continue;
                }
                GlyphKind::SoftHyphen => {
                    soft_hyphen = true;
                    continue;
                }
                GlyphKind::Text => {}
            }
            if let Some((end, psize)) = prev {
                let sz = psize.max(g.size);
                let gap = g.x - end;
                if gap > TAB_GAP * sz {
                    text.push_str("  ");
                } else if (pending_space || gap > word_gap * sz) && !text.ends_with(' ') {
                    text.push(' ');
                }
                if text.ends_with(' ') && first_word.is_none() {
                    first_word = Some(end);
                }
            }
            if let Some(font) = g.font
                && runs.last().is_none_or(|&(_, f)| f != font)
            {
                runs.push((text.chars().count() as u32, font));
            }
            text.push_str(&g.text);
            soft_hyphen = false;
            pending_space = false;
            prev = Some((g.end(), g.size));
        }
    }
    let trimmed = text.trim_end();
    if trimmed.trim_start().is_empty() {
        return None;
    }
    let text = trimmed.to_string();
    let x0 = frags.first().map_or(0.0, |f| f.x0);
    let x1 = prev.map_or(x0, |(end, _)| end);
    Some(TextLine {
        text,
        x0,
        x1,
        first_word: first_word.unwrap_or(x1) - x0,
        y: frags.iter().map(|f| f.y).fold(f32::MIN, f32::max),
        size,
        soft_hyphen,
        runs,
    })
}

/// The word-gap threshold of a row, as a share of the font size.
/// Letters of one word sit a hair apart and words a third of an em, but
/// tight justified lines and light fonts narrow the word gaps to 0.15 em:
/// where the letters sit tight, a smaller gap already breaks a word.
fn word_gap(frags: &[&Frag]) -> f32 {
    let mut gaps: Vec<f32> = Vec::new();
    let mut prev: Option<&Glyph> = None;
    for g in frags.iter().flat_map(|f| &f.glyphs) {
        if g.kind != GlyphKind::Text {
            prev = None;
            continue;
        }
        if let Some(p) = prev {
            let gap = (g.x - p.end()) / p.size.max(g.size);
            if (-0.05..0.5).contains(&gap) {
                gaps.push(gap);
            }
        }
        prev = Some(g);
    }
    if gaps.len() < 8 {
        return WORD_GAP;
    }
    gaps.sort_by(f32::total_cmp);
    let tight = gaps[gaps.len() * 3 / 10];
    (tight + 0.1).clamp(0.12, WORD_GAP)
}

/// Builds the text line by line, with the page map.
#[derive(Default)]
struct Emitter {
    text: String,
    lines: Vec<LineInfo>,
    runs: Vec<Vec<(u32, u16)>>,
    /// A blank line is due before the next text line.
    gap: bool,
    /// The body font size: the median size over all lines (set lazily).
    last_page: u32,
}

impl Emitter {
    fn break_block(&mut self, page: u32) {
        self.gap = !self.text.is_empty();
        self.last_page = page;
    }

    fn push_line(&mut self, s: &str, info: LineInfo, runs: Vec<(u32, u16)>) {
        self.text.push_str(s);
        self.text.push('\n');
        self.lines.push(info);
        self.runs.push(runs);
    }

    fn region(&mut self, page: u32, mut lines: Vec<TextLine>, attached: bool) {
        if lines.is_empty() {
            return;
        }
        join_hyphenated(&mut lines);
        let left = lines.iter().map(|l| l.x0).fold(f32::MAX, f32::min);
        let mut sizes: Vec<f32> = lines.iter().map(|l| l.size).collect();
        sizes.sort_by(f32::total_cmp);
        let body = sizes[sizes.len() / 2].max(1.0);
        self.gap = !self.text.is_empty() && !attached;
        // The right margin: where the longest lines end, one stray line
        // (a date set further right) aside.
        let mut ends: Vec<f32> = lines.iter().map(|l| l.x1).collect();
        ends.sort_by(|a, b| b.total_cmp(a));
        let right = ends.get(1).copied().unwrap_or(f32::MIN);
        let mut prev_y: Option<(f32, f32)> = None;
        let mut prev_end: Option<f32> = None;
        for line in lines {
            if line.text.trim().is_empty() {
                continue;
            }
            if let Some((y, size)) = prev_y
                && line.y - y > 2.0 * size.max(line.size).min(2.0 * body)
            {
                self.gap = true;
            }
            // A space, the first word and ample room to spare: TeX's
            // ragged right may end a line a little early, never by ems.
            let fits_above = !self.gap
                && prev_y.is_some_and(|(_, size)| line.size >= 0.85 * size)
                && prev_end.is_some_and(|end| end + line.first_word + 3.0 * line.size < right);
            let info = LineInfo {
                page,
                x: line.x0,
                y: line.y,
                size: line.size,
                fits_above,
            };
            if self.gap {
                self.push_line("", info, Vec::new());
                self.gap = false;
            }
            // Indentation relative to the region's left edge, in half ems
            // (a hanging bullet's wrapped line is indented).
            let indent = (((line.x0 - left) / (0.5 * body)).round().max(0.0) as usize).min(8);
            let mut s = " ".repeat(indent);
            s.push_str(line.text.trim_start());
            self.push_line(&s, info, line.runs);
            prev_y = Some((line.y, line.size));
            prev_end = Some(line.x1);
        }
    }

    fn finish(self) -> PdfText {
        let _ = self.last_page;
        // No fonts known on any line: say nothing.
        let runs = if self.runs.iter().all(Vec::is_empty) {
            Vec::new()
        } else {
            self.runs
        };
        PdfText {
            text: self.text,
            lines: self.lines,
            fonts: Vec::new(),
            runs,
        }
    }
}

/// "manip-" + "ulation of data" → "manipulation" + "of data": a word cut
/// by a hyphen (or soft hyphen) at a line end, when the next line goes on
/// in lower case.
fn join_hyphenated(lines: &mut [TextLine]) {
    for i in 1..lines.len() {
        let (head, tail) = lines.split_at_mut(i);
        let prev = &mut head[i - 1];
        let next = &mut tail[0];
        let next_text = next.text.trim_start();
        let starts_lower = next_text.chars().next().is_some_and(char::is_lowercase);
        if !starts_lower {
            continue;
        }
        let hard = {
            let mut rev = prev.text.chars().rev();
            rev.next() == Some('-') && rev.next().is_some_and(char::is_alphabetic)
        };
        if !(hard || prev.soft_hyphen && prev.text.chars().last().is_some_and(char::is_alphabetic))
        {
            continue;
        }
        let word_end = next_text
            .find(|c: char| c.is_whitespace())
            .unwrap_or(next_text.len());
        let word = &next_text[..word_end];
        if hard {
            prev.text.pop();
        }
        prev.text.push_str(word);
        prev.soft_hyphen = false;
        let rest = next_text[word_end..].trim_start();
        // The runs of what stays on the next line move left with it.
        let cut = (next.text.chars().count() - rest.chars().count()) as u32;
        next.runs = shift_runs(&next.runs, cut);
        next.text = rest.to_string();
    }
}

/// Runs of a line whose first `cut` characters went away.
fn shift_runs(runs: &[(u32, u16)], cut: u32) -> Vec<(u32, u16)> {
    let mut out: Vec<(u32, u16)> = Vec::new();
    for &(at, font) in runs {
        let at = at.saturating_sub(cut);
        // A run that starts before the cut starts the line.
        if out.last().is_some_and(|&(a, _)| a == at) {
            out.pop();
        }
        out.push((at, font));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(s: &str, x: f32, y: f32, size: f32) -> Vec<Glyph> {
        // 0.5 em per character, glyph by glyph.
        s.chars()
            .enumerate()
            .map(|(i, c)| Glyph {
                x: x + i as f32 * 0.5 * size,
                y,
                w: 0.5 * size,
                size,
                text: c.to_string(),
                estimated: false,
                string: 0,
                font: None,
                kind: if c == ' ' {
                    GlyphKind::Space
                } else {
                    GlyphKind::Text
                },
            })
            .collect()
    }

    fn page(glyphs: Vec<Glyph>) -> PageGlyphs {
        PageGlyphs {
            number: 1,
            width: 612.0,
            height: 792.0,
            glyphs,
        }
    }

    #[test]
    fn words_by_gaps_and_space_glyphs() {
        let mut g = word("Built", 72.0, 100.0, 10.0);
        g.extend(word("the", 72.0 + 25.0 + 3.0, 100.0, 10.0));
        g.extend(word(" api", 72.0 + 25.0 + 3.0 + 15.0, 100.0, 10.0));
        let t = layout(&[page(g)]);
        assert_eq!(t.text, "Built the api\n");
        assert_eq!(t.lines[0].page, 1);
    }

    #[test]
    fn two_columns_read_column_by_column() {
        let mut g = word("Jordan Example", 200.0, 50.0, 20.0);
        // Drawn row by row across the page, as many generators do.
        for (i, (l, r)) in [
            ("Skills", "Experience"),
            ("Python", "Built a thing"),
            ("Rust", "Led a team"),
            ("Go", "Cut costs"),
        ]
        .iter()
        .enumerate()
        {
            let y = 100.0 + i as f32 * 14.0;
            g.extend(word(l, 40.0, y, 10.0));
            g.extend(word(r, 250.0, y + 7.0, 10.0));
        }
        let t = layout(&[page(g)]);
        let lines: Vec<&str> = t.text.lines().map(str::trim).collect();
        assert_eq!(
            lines,
            [
                "Jordan Example",
                "",
                "Skills",
                "Python",
                "Rust",
                "Go",
                "",
                "Experience",
                "Built a thing",
                "Led a team",
                "Cut costs"
            ]
        );
    }

    #[test]
    fn dates_at_the_right_stay_on_their_line() {
        let mut g = Vec::new();
        let mut y = 100.0;
        for (company, dates) in [("Acme", "2020 – 2022"), ("Globex", "2018 – 2020")] {
            g.extend(word(company, 40.0, y, 10.0));
            g.extend(word(dates, 450.0, y, 10.0));
            y += 14.0;
            g.extend(word(
                "Built a thing that spans the whole width of the page ok",
                40.0,
                y,
                10.0,
            ));
            y += 14.0;
        }
        let t = layout(&[page(g)]);
        assert!(
            t.text.starts_with("Acme  2020 – 2022\nBuilt a thing"),
            "{}",
            t.text
        );
    }

    #[test]
    fn places_and_dates_at_the_right_of_many_rows_stay_on_their_rows() {
        // Awesome-CV: "Company    Place" over "Title    Dates", with short
        // items that never reach the right edge, for more rows than a
        // small table has: every part on the right shares its row.
        let mut g = Vec::new();
        let mut y = 100.0;
        for (company, place, title, dates) in [
            (
                "Tarnwell Labs",
                "Lisbon, Portugal",
                "Staff Engineer",
                "Mar. 2021 Present",
            ),
            (
                "Quillon Ltd.",
                "Porto, Portugal",
                "Engineer",
                "Feb. 2018 Mar. 2021",
            ),
            (
                "Brisk Co.",
                "Braga, Portugal",
                "Intern",
                "Jun. 2017 Jan. 2018",
            ),
        ] {
            g.extend(word(company, 40.0, y, 10.0));
            g.extend(word(place, 470.0, y, 10.0));
            y += 14.0;
            g.extend(word(title, 40.0, y, 10.0));
            g.extend(word(dates, 470.0, y, 10.0));
            y += 14.0;
            for item in ["• Shipped the ledger", "• Ran the on-call rota"] {
                g.extend(word(item, 40.0, y, 10.0));
                y += 14.0;
            }
        }
        let t = layout(&[page(g)]);
        let lines: Vec<&str> = t.text.lines().map(str::trim).collect();
        assert_eq!(lines[0], "Tarnwell Labs  Lisbon, Portugal", "{}", t.text);
        assert_eq!(lines[1], "Staff Engineer  Mar. 2021 Present", "{}", t.text);
        assert_eq!(lines[4], "Quillon Ltd.  Porto, Portugal", "{}", t.text);
    }

    #[test]
    fn hyphenated_words_join_and_page_numbers_go() {
        let mut g = word("Improved manip-", 40.0, 100.0, 10.0);
        g.extend(word("ulation speed", 40.0, 114.0, 10.0));
        g.extend(word("Page 1 of 2", 280.0, 760.0, 9.0));
        let t = layout(&[page(g)]);
        assert_eq!(t.text, "Improved manipulation\nspeed\n");
    }
}
