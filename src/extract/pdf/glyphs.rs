//! pdf-extract's positioned output → glyphs in page space (origin top
//! left, y down), with each glyph's text cleaned of what never carries
//! meaning: NULs of unmapped glyphs, zero-width spaces, icon fonts'
//! private-use code points. Ligatures are unfolded here too.

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

/// What a glyph is for the layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GlyphKind {
    Text,
    /// A space character: a word break wherever it is drawn.
    Space,
    /// U+00AD: a hyphen at a line end, nothing elsewhere.
    SoftHyphen,
}

/// One drawn character (or ligature) with its box.
#[derive(Debug, Clone)]
pub struct Glyph {
    /// Left edge and baseline, in points from the page's top left.
    pub x: f32,
    pub y: f32,
    /// Advance width in points.
    pub w: f32,
    /// Effective font size in points (font size × text matrix scale).
    pub size: f32,
    pub text: String,
    pub kind: GlyphKind,
    /// The font gave no width: `w` is a guess, and glyphs drawn at one x
    /// are successive characters, not one drawn twice.
    pub estimated: bool,
    /// Which string shown on the page the glyph belongs to.
    pub string: u32,
    /// Its font, an index in [`Collector::fonts`], where known.
    pub font: Option<u16>,
}

impl Glyph {
    pub fn end(&self) -> f32 {
        self.x + self.w
    }
}

/// The glyphs of one page, in content-stream order.
#[derive(Debug, Clone, Default)]
pub struct PageGlyphs {
    pub number: u32,
    pub width: f32,
    pub height: f32,
    pub glyphs: Vec<Glyph>,
}

/// An [`OutputDev`] that records glyphs instead of writing text.
#[derive(Debug, Default)]
pub struct Collector {
    pub pages: Vec<PageGlyphs>,
    /// Origin of the current page's media box (PDF user space).
    llx: f64,
    ury: f64,
    /// Glyphs drawn rotated or mirrored: vertical margin labels and the
    /// like, left out of the reading order.
    pub skipped_rotated: usize,
    /// Every character drawn, mapped or not.
    pub drawn: usize,
    /// Strings shown on the current page (pdf-extract's `begin_word`s).
    strings: u32,
    /// Font names, each once.
    pub fonts: Vec<String>,
}

impl Collector {
    /// Every glyph drawn, to tell an empty text layer.
    pub fn glyph_count(&self) -> usize {
        self.pages.iter().map(|p| p.glyphs.len()).sum()
    }

    /// Gives the last page's glyphs their fonts, one name per string shown
    /// ([`super::fonts::shown_fonts`]); nothing when the counts disagree.
    pub fn assign_fonts(&mut self, shown: &[Option<String>]) {
        if shown.len() != self.strings as usize {
            return;
        }
        let ids: Vec<Option<u16>> = shown
            .iter()
            .map(|name| {
                let name = name.as_deref()?;
                let at = match self.fonts.iter().position(|f| f == name) {
                    Some(at) => at,
                    None => {
                        self.fonts.push(name.to_string());
                        self.fonts.len() - 1
                    }
                };
                u16::try_from(at).ok()
            })
            .collect();
        if let Some(page) = self.pages.last_mut() {
            for g in &mut page.glyphs {
                g.font = ids.get(g.string as usize).copied().flatten();
            }
        }
    }
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        page_num: u32,
        media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.llx = media_box.llx;
        self.ury = media_box.ury;
        self.strings = 0;
        self.pages.push(PageGlyphs {
            number: page_num,
            width: (media_box.urx - media_box.llx).abs() as f32,
            height: (media_box.ury - media_box.lly).abs() as f32,
            glyphs: Vec::new(),
        });
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        // The text rendering matrix (Tsm × Tm × CTM) maps glyph space, in
        // units of the font size, to user space: its row lengths are the
        // horizontal and vertical scales.
        self.drawn += 1;
        let sx = trm.m11.hypot(trm.m12);
        let sy = trm.m21.hypot(trm.m22);
        let size = font_size.abs() * sy;
        let Some(page) = self.pages.last_mut() else {
            return Ok(());
        };
        if !(size.is_finite() && sx.is_finite() && size > 0.5 && size < 500.0) {
            return Ok(());
        }
        // Rotated or mirrored text (a vertical label in a margin) has no
        // place in left-to-right lines.
        if trm.m12.abs() > 0.05 * sx
            || trm.m21.abs() > 0.05 * sy
            || trm.m11 <= 0.0
            || trm.m22 <= 0.0
        {
            self.skipped_rotated += 1;
            return Ok(());
        }
        let advance = width * font_size.abs() * sx;
        let (cleaned, kind) = match clean(text) {
            Some(c) => c,
            // A ligature glyph without a Unicode mapping comes as NUL
            // ("Sta\0" for "Staff"): keep its place, so that the word is
            // not split around the hole. Narrow ones may be spaces.
            None if text.contains('\0') && advance >= 0.4 * size => {
                (String::new(), GlyphKind::Text)
            }
            None => return Ok(()),
        };
        let x = (trm.m31 - self.llx) as f32;
        let y = (self.ury - trm.m32) as f32;
        let mut w = ((width * font_size.abs()
            + if kind == GlyphKind::Space {
                0.0
            } else {
                spacing
            })
            * sx) as f32;
        let estimated = !(w.is_finite() && w > 0.0);
        if estimated {
            // A font without widths (pdf-extract then draws a whole string
            // at one x): assume an average glyph.
            w = (0.5 * size) as f32;
        }
        if !(x.is_finite() && y.is_finite()) {
            return Ok(());
        }
        page.glyphs.push(Glyph {
            x,
            y,
            w,
            size: size as f32,
            text: cleaned,
            kind,
            estimated,
            string: self.strings.saturating_sub(1),
            font: None,
        });
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        self.strings += 1;
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// Private-use code points that Symbol/Wingdings fonts use for bullets.
fn is_pua_bullet(c: char) -> bool {
    matches!(
        c,
        '\u{f0b7}' | '\u{f0a7}' | '\u{f076}' | '\u{f0d8}' | '\u{f0a8}'
    )
}

/// The text a glyph contributes, or None for a glyph that carries none.
pub fn clean(s: &str) -> Option<(String, GlyphKind)> {
    let mut out = String::with_capacity(s.len());
    let mut kind = GlyphKind::Text;
    for c in s.chars() {
        match c {
            '\u{fb00}' => out.push_str("ff"),
            '\u{fb01}' => out.push_str("fi"),
            '\u{fb02}' => out.push_str("fl"),
            '\u{fb03}' => out.push_str("ffi"),
            '\u{fb04}' => out.push_str("ffl"),
            '\u{fb05}' | '\u{fb06}' => out.push_str("st"),
            '\u{00ad}' => kind = GlyphKind::SoftHyphen,
            // Spaces of every width, tabs and no-break spaces.
            ' '
            | '\t'
            | '\u{a0}'
            | '\u{2000}'..='\u{200a}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}' => {
                out.push(' ');
            }
            // Zero-width characters, direction marks and the BOM.
            '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2069}'
            | '\u{feff}' => {}
            // U+FFFD stands for a glyph the font could not map.
            '\u{fffd}' => {}
            c if is_pua_bullet(c) => out.push('•'),
            // Icon fonts (FontAwesome, Academicons) draw from the private
            // use areas: phone, envelope and GitHub icons are no words.
            '\u{e000}'..='\u{f8ff}' | '\u{f0000}'..='\u{10ffff}' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    if kind == GlyphKind::SoftHyphen && out.is_empty() {
        return Some((String::new(), kind));
    }
    if out.is_empty() {
        return None;
    }
    if out.chars().all(|c| c == ' ') {
        return Some((" ".to_string(), GlyphKind::Space));
    }
    Some((out, GlyphKind::Text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ligatures_unfold_and_invisibles_go() {
        assert_eq!(clean("\u{fb01}").map(|g| g.0), Some("fi".into()));
        assert_eq!(clean("\u{fb03}").map(|g| g.0), Some("ffi".into()));
        assert_eq!(clean("\u{200b}"), None);
        assert_eq!(clean("\0"), None);
        assert_eq!(clean("\u{f095}"), None, "FontAwesome phone icon");
        assert_eq!(clean("\u{f0b7}").map(|g| g.0), Some("•".into()));
        assert_eq!(clean("\u{a0}").map(|g| g.1), Some(GlyphKind::Space));
        assert_eq!(clean("\u{ad}").map(|g| g.1), Some(GlyphKind::SoftHyphen));
    }
}
