//! Repairs to a parsed PDF before pdf-extract reads it, for generator
//! quirks that otherwise lose text or its positions:
//!
//! - a ToUnicode CMap whose `/CMapName` holds spaces (macOS writes the
//!   font's file path, "STHeiti Medium.ttc") stops pdf-extract's CMap
//!   parser, and every glyph of the font maps to nothing;
//! - pdf-extract misreads the `first last width` ranges of a CID font's
//!   `/W` array (Skia writes them), so those glyphs get the default width,
//!   often 0: words then split where the generator repositions the text
//!   ("W  eb3"). The ranges are rewritten as arrays, which it reads.

use pdf_extract::{Document, Object, ObjectId, Stream};

/// Applies every repair; each leaves objects it does not understand alone.
pub fn repair(doc: &mut Document) {
    rename_spaced_cmaps(doc);
    expand_width_ranges(doc);
}

fn rename_spaced_cmaps(doc: &mut Document) {
    for obj in doc.objects.values_mut() {
        let Object::Stream(stream) = obj else {
            continue;
        };
        if let Some(fixed) = fixed_cmap(stream) {
            stream.set_plain_content(fixed);
        }
    }
}

/// The CMap's content with a spaced `/CMapName` renamed, if it has one.
fn fixed_cmap(stream: &Stream) -> Option<Vec<u8>> {
    // CMaps are small; a large stream is page content or a font.
    if stream.content.len() > 256 * 1024 {
        return None;
    }
    let content = stream.decompressed_content().ok()?;
    if !contains(&content, b"begincmap") {
        return None;
    }
    let mut out = Vec::with_capacity(content.len());
    let mut changed = false;
    for line in content.split_inclusive(|&b| b == b'\n' || b == b'\r') {
        let body = line.trim_ascii();
        if let Some(name) = body
            .strip_prefix(b"/CMapName")
            .and_then(|r| r.strip_suffix(b"def"))
            .map(<[u8]>::trim_ascii)
            && name.starts_with(b"/")
            && name.contains(&b' ')
        {
            out.extend_from_slice(b"/CMapName /Repaired def\n");
            changed = true;
        } else {
            out.extend_from_slice(line);
        }
    }
    changed.then_some(out)
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

fn expand_width_ranges(doc: &mut Document) {
    let mut fixes: Vec<(ObjectId, Vec<Object>)> = Vec::new();
    for (&id, obj) in &doc.objects {
        let Ok(dict) = obj.as_dict() else { continue };
        let is_cid_font = dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .is_ok_and(|n| n == b"CIDFontType2" || n == b"CIDFontType0");
        if !is_cid_font {
            continue;
        }
        let Ok(w) = dict.get(b"W") else { continue };
        let Ok((_, w)) = doc.dereference(w) else {
            continue;
        };
        if let Ok(w) = w.as_array()
            && let Some(fixed) = expanded(w)
        {
            fixes.push((id, fixed));
        }
    }
    for (id, w) in fixes {
        if let Ok(Object::Dictionary(dict)) = doc.get_object_mut(id) {
            dict.set("W", Object::Array(w));
        }
    }
}

/// A `/W` array with every `first last width` range written as `first
/// [width ...]`, when it has such a range and is well formed.
fn expanded(w: &[Object]) -> Option<Vec<Object>> {
    /// Most glyphs one range may expand to (a CID font has at most 65536).
    const MAX_RANGE: i64 = 65_536;
    let mut out = Vec::with_capacity(w.len());
    let mut changed = false;
    let mut i = 0;
    while i < w.len() {
        let first = w[i].as_i64().ok()?;
        match w.get(i + 1)? {
            Object::Array(a) => {
                out.push(Object::Integer(first));
                out.push(Object::Array(a.clone()));
                i += 2;
            }
            last => {
                let last = last.as_i64().ok()?;
                let width = w.get(i + 2)?;
                if !matches!(width, Object::Integer(_) | Object::Real(_))
                    || last < first
                    || last - first >= MAX_RANGE
                {
                    return None;
                }
                out.push(Object::Integer(first));
                out.push(Object::Array(vec![
                    width.clone();
                    (last - first + 1) as usize
                ]));
                changed = true;
                i += 3;
            }
        }
    }
    changed.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_spaced_cmap_name_is_renamed() {
        let cmap = b"begincmap\n/CMapName /-Fonts-STHeiti Medium.ttc,000-UTF16 def\n1 beginbfchar\n<0003> <0020>\nendbfchar\n";
        let stream = Stream::new(Default::default(), cmap.to_vec());
        let fixed = String::from_utf8(fixed_cmap(&stream).expect("renamed")).expect("utf8");
        assert!(
            fixed.contains("/CMapName /Repaired def\n1 beginbfchar"),
            "{fixed}"
        );
        let fine = Stream::new(
            Default::default(),
            b"begincmap\n/CMapName /Adobe-Identity-UCS def\n".to_vec(),
        );
        assert_eq!(fixed_cmap(&fine), None);
    }

    #[test]
    fn width_ranges_become_arrays() {
        let w = vec![
            Object::Integer(0),
            Object::Array(vec![Object::Integer(750)]),
            Object::Integer(36),
            Object::Integer(38),
            Object::Real(722.2),
        ];
        let fixed = expanded(&w).expect("a range to expand");
        assert_eq!(fixed.len(), 4);
        assert_eq!(fixed[2], Object::Integer(36));
        assert_eq!(fixed[3], Object::Array(vec![Object::Real(722.2); 3]));
        // Arrays only: nothing to do; malformed: left alone.
        assert_eq!(expanded(&w[..2]), None);
        assert_eq!(expanded(&w[..4]), None);
    }
}
