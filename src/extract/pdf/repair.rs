//! Repairs to a parsed PDF before pdf-extract reads it, for generator
//! quirks that otherwise lose text or its positions:
//!
//! - a ToUnicode CMap whose `/CMapName` holds spaces (macOS writes the
//!   font's file path, "STHeiti Medium.ttc") stops pdf-extract's CMap
//!   parser, and every glyph of the font maps to nothing.
//!
//! (The `first last width` runs of a CID font's `/W` array, which
//! pdf-extract 0.12.1 misread, are fixed in the vendored crate:
//! vendor/pdf-extract/PATCHES.md.)

use pdf_extract::{Document, Object, Stream};

/// Applies every repair; each leaves objects it does not understand alone.
pub fn repair(doc: &mut Document) {
    rename_spaced_cmaps(doc);
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
}
