//! The font of every string a page shows, which pdf-extract does not tell
//! its output device.
//!
//! pdf-extract calls `begin_word` once per string it shows (a `Tj`
//! operand, each string of a `TJ` array, in form XObjects too), so this
//! walks the page's content the same way and lists the font in effect
//! for each such string. The collector pairs the two lists by position,
//! and only when their lengths agree: a page read differently gets no
//! fonts rather than wrong ones.

use pdf_extract::content::Content;
use pdf_extract::{Dictionary, Document, Object, ObjectId};

/// Deepest nesting of form XObjects followed.
const MAX_DEPTH: usize = 8;

/// The font name (subset prefix dropped) of each string the page shows,
/// in pdf-extract's order; None when the page cannot be walked.
pub fn shown_fonts(doc: &Document, page: ObjectId) -> Option<Vec<Option<String>>> {
    let content = doc.get_page_content(page).ok()?;
    let page_dict = doc.get_dictionary(page).ok()?;
    let empty = Dictionary::new();
    let resources = inherited(doc, page_dict, b"Resources", 0).unwrap_or(&empty);
    let mut out = Vec::new();
    walk(doc, &content, resources, 0, &mut out)?;
    Some(out)
}

/// A dictionary entry, looked up the page tree as pdf-extract does.
fn inherited<'a>(
    doc: &'a Document,
    dict: &'a Dictionary,
    key: &[u8],
    depth: usize,
) -> Option<&'a Dictionary> {
    if let Ok(obj) = dict.get(key) {
        return doc.dereference(obj).ok()?.1.as_dict().ok();
    }
    if depth > 32 {
        return None;
    }
    let parent = dict.get(b"Parent").ok()?.as_reference().ok()?;
    inherited(doc, doc.get_dictionary(parent).ok()?, key, depth + 1)
}

/// An entry of a resource category ("Font", "XObject") by name.
fn resource<'a>(
    doc: &'a Document,
    resources: &'a Dictionary,
    category: &[u8],
    name: &[u8],
) -> Option<&'a Object> {
    let (_, dict) = doc.dereference(resources.get(category).ok()?).ok()?;
    let (_, obj) = doc.dereference(dict.as_dict().ok()?.get(name).ok()?).ok()?;
    Some(obj)
}

fn walk(
    doc: &Document,
    content: &[u8],
    resources: &Dictionary,
    depth: usize,
    out: &mut Vec<Option<String>>,
) -> Option<()> {
    let ops = Content::decode(content).ok()?;
    // Each stream starts without a font, as pdf-extract's does.
    let mut font: Option<String> = None;
    let mut saved: Vec<Option<String>> = Vec::new();
    for op in &ops.operations {
        match op.operator.as_str() {
            "q" => saved.push(font.clone()),
            "Q" => {
                if let Some(f) = saved.pop() {
                    font = f;
                }
            }
            "Tf" => {
                let name = op.operands.first()?.as_name().ok()?;
                font = resource(doc, resources, b"Font", name).and_then(|f| base_font(doc, f));
            }
            "Tj" => out.push(font.clone()),
            "TJ" => {
                if let Some(Object::Array(items)) = op.operands.first() {
                    let strings = items
                        .iter()
                        .filter(|o| matches!(o, Object::String(..)))
                        .count();
                    out.extend(std::iter::repeat_n(font.clone(), strings));
                }
            }
            "Do" if depth < MAX_DEPTH => {
                let name = op.operands.first()?.as_name().ok()?;
                let stream = resource(doc, resources, b"XObject", name)?
                    .as_stream()
                    .ok()?;
                let inner = stream
                    .dict
                    .get(b"Resources")
                    .ok()
                    .and_then(|r| doc.dereference(r).ok())
                    .and_then(|(_, r)| r.as_dict().ok())
                    .unwrap_or(resources);
                let data = stream
                    .decompressed_content()
                    .unwrap_or_else(|_| stream.content.clone());
                walk(doc, &data, inner, depth + 1, out)?;
            }
            // Deeper than pdf-extract would go: the lists cannot agree.
            "Do" => return None,
            _ => {}
        }
    }
    Some(())
}

/// "ABCDEF+Lato-Bold" → "Lato-Bold".
fn base_font(doc: &Document, font: &Object) -> Option<String> {
    let name = font.as_dict().ok()?.get(b"BaseFont").ok()?;
    let name = doc.dereference(name).ok()?.1.as_name().ok()?;
    let name = String::from_utf8_lossy(name);
    let name = match name.split_once('+') {
        Some((tag, rest)) if tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()) => rest,
        _ => &name,
    };
    Some(name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use pdf_extract::{Stream, dictionary};

    #[test]
    fn fonts_follow_tf_save_restore_and_forms() {
        let mut doc = Document::with_version("1.5");
        let bold = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "ABCDEF+Lato-Bold",
        });
        let regular = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Lato-Regular",
        });
        let form = doc.add_object(Stream::new(
            dictionary! { "Type" => "XObject", "Subtype" => "Form" },
            b"BT /R 9 Tf (in form) Tj ET".to_vec(),
        ));
        let resources = doc.add_object(dictionary! {
            "Font" => dictionary! { "B" => bold, "R" => regular },
            "XObject" => dictionary! { "X" => form },
        });
        let content = doc.add_object(Stream::new(
            dictionary! {},
            b"BT /B 12 Tf (Title) Tj q /R 9 Tf [(a) -20 (b)] TJ Q (again) Tj ET /X Do".to_vec(),
        ));
        let page = doc.add_object(dictionary! {
            "Type" => "Page", "Resources" => resources, "Contents" => content,
        });
        let fonts = shown_fonts(&doc, page).expect("walked");
        let names: Vec<Option<&str>> = fonts.iter().map(Option::as_deref).collect();
        assert_eq!(
            names,
            [
                Some("Lato-Bold"),
                Some("Lato-Regular"),
                Some("Lato-Regular"),
                Some("Lato-Bold"),
                Some("Lato-Regular"),
            ]
        );
    }
}
