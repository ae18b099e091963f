//! Between storyline's findings (1-based lines, columns in chars) and the
//! protocol's positions (0-based, columns in UTF-16 code units unless the
//! client takes UTF-32), ranges, severities and URIs.

use std::path::{Path, PathBuf};

use lsp_types::{
    CodeDescription, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString,
    Position, Range, Uri,
};

use crate::diagnostic::{Diagnostic, Severity};

/// Where the rules are documented: the README's rule table.
pub const RULES_URL: &str = "https://github.com/storyline-lint/storyline#rules";

/// How columns are counted on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf16,
    Utf32,
}

/// The lines of a buffer, for column conversion.
pub struct Lines<'a> {
    lines: Vec<&'a str>,
}

impl<'a> Lines<'a> {
    pub fn new(text: &'a str) -> Self {
        Lines {
            lines: text
                .split('\n')
                .map(|l| l.strip_suffix('\r').unwrap_or(l))
                .collect(),
        }
    }

    /// The protocol position of a 1-based line and char column; past the
    /// end of a line (or of the text) it clamps.
    pub fn position(&self, line: usize, column: usize, enc: Encoding) -> Position {
        let l = line
            .saturating_sub(1)
            .min(self.lines.len().saturating_sub(1));
        let text = self.lines.get(l).copied().unwrap_or("");
        let chars = text.chars().take(column.saturating_sub(1));
        let character = match enc {
            Encoding::Utf16 => chars.map(char::len_utf16).sum::<usize>(),
            Encoding::Utf32 => chars.count(),
        };
        Position::new(to_u32(l), to_u32(character))
    }

    /// The char index on a 0-based line of a protocol column (the char
    /// it falls in, for a column inside a surrogate pair).
    pub fn char_index(&self, line: u32, character: u32, enc: Encoding) -> usize {
        let mut units = 0usize;
        for (i, c) in self.line(line).chars().enumerate() {
            units += match enc {
                Encoding::Utf16 => c.len_utf16(),
                Encoding::Utf32 => 1,
            };
            if units > character as usize {
                return i;
            }
        }
        self.line(line).chars().count()
    }

    /// The text of a 0-based line.
    pub fn line(&self, line: u32) -> &'a str {
        self.lines.get(line as usize).copied().unwrap_or("")
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

pub fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}

/// A finding as the protocol publishes it.
pub fn diagnostic(d: &Diagnostic, lines: &Lines<'_>, enc: Encoding) -> lsp_types::Diagnostic {
    let start = lines.position(d.line, d.column, enc);
    let mut end = lines.position(d.end_line, d.end_column, enc);
    if end < start {
        end = start;
    }
    let href = RULES_URL.parse::<Uri>().ok();
    lsp_types::Diagnostic {
        range: Range::new(start, end),
        severity: Some(severity(d.severity)),
        code: Some(NumberOrString::String(d.code.to_string())),
        code_description: href.map(|href| CodeDescription { href }),
        source: Some("storyline".into()),
        message: if d.help.is_empty() {
            d.message.clone()
        } else {
            format!("{} ({})", d.message, d.help)
        },
        related_information: related(d),
        ..Default::default()
    }
}

/// The other channel's side of a cross-check finding (the LinkedIn role a
/// resume's conflicts with), where it is a local file.
fn related(d: &Diagnostic) -> Option<Vec<DiagnosticRelatedInformation>> {
    let out: Vec<DiagnosticRelatedInformation> = d
        .related
        .iter()
        .filter_map(|r| {
            let line = to_u32(r.line.saturating_sub(1));
            let at = Position::new(line, 0);
            Some(DiagnosticRelatedInformation {
                location: Location::new(file_uri(Path::new(&r.path))?, Range::new(at, at)),
                message: r.message.clone(),
            })
        })
        .collect();
    (!out.is_empty()).then_some(out)
}

/// The `file:` URI of an absolute path (a relative one has none).
pub fn file_uri(path: &Path) -> Option<Uri> {
    let s = path.to_str()?;
    if !s.starts_with('/') {
        return None;
    }
    let mut out = String::from("file://");
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out.parse().ok()
}

/// The local path of a `file:` URI (percent-decoded), if it is one.
pub fn file_path(uri: &Uri) -> Option<PathBuf> {
    let s = uri.as_str();
    let rest = s.strip_prefix("file://")?;
    // "file:///home/x" (empty authority) or "file://localhost/home/x".
    let path = rest.strip_prefix("localhost").unwrap_or(rest);
    if !path.starts_with('/') {
        return None;
    }
    let bytes = percent_decode(path.as_bytes());
    String::from_utf8(bytes).ok().map(PathBuf::from)
}

fn percent_decode(s: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        if s[i] == b'%'
            && let Some(hex) = s.get(i + 1..i + 3)
            && let Ok(h) = std::str::from_utf8(hex)
            && let Ok(b) = u8::from_str_radix(h, 16)
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(s[i]);
        i += 1;
    }
    out
}

/// The format (a lowercase extension `extract_bytes` takes) of a document,
/// from its language id or else its name; `None` for one storyline does
/// not read as text.
pub fn format_of(language_id: &str, uri: &Uri) -> Option<&'static str> {
    let by_name = uri
        .as_str()
        .rsplit('/')
        .next()
        .and_then(|n| n.rsplit_once('.'))
        .map(|(_, e)| e.to_ascii_lowercase());
    match by_name.as_deref() {
        Some("md" | "markdown" | "mdown") => return Some("md"),
        Some("tex" | "xtx") => return Some("tex"),
        Some("json") => return Some("json"),
        Some("txt" | "text") => return Some("txt"),
        _ => {}
    }
    match language_id {
        "markdown" => Some("md"),
        "latex" | "tex" => Some("tex"),
        "json" => Some("json"),
        "plaintext" | "text" => Some("txt"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_utf16_units_or_chars() {
        let lines = Lines::new("plain\n- Café 😀 grew revenue\n");
        // Column 10 (1-based chars) is after "- Café 😀 ": the emoji is two
        // UTF-16 units, one char.
        assert_eq!(lines.position(2, 10, Encoding::Utf16), Position::new(1, 10));
        assert_eq!(lines.position(2, 10, Encoding::Utf32), Position::new(1, 9));
        // Past the end clamps to the line's end.
        assert_eq!(lines.position(1, 99, Encoding::Utf16), Position::new(0, 5));
        assert_eq!(lines.position(9, 1, Encoding::Utf16), Position::new(2, 0));
        // Back: UTF-16 column 8 is the emoji's second unit, char 7.
        assert_eq!(lines.char_index(1, 7, Encoding::Utf16), 7);
        assert_eq!(lines.char_index(1, 8, Encoding::Utf16), 7);
        assert_eq!(lines.char_index(1, 9, Encoding::Utf16), 8);
        assert_eq!(lines.char_index(1, 8, Encoding::Utf32), 8);
    }

    #[test]
    fn file_uris_become_paths() {
        let uri: Uri = "file:///home/a%20b/cv.md".parse().unwrap();
        assert_eq!(file_path(&uri), Some(PathBuf::from("/home/a b/cv.md")));
        let back = file_uri(Path::new("/home/a b/cv.md")).unwrap();
        assert_eq!(back.as_str(), "file:///home/a%20b/cv.md");
        assert_eq!(file_path(&back), Some(PathBuf::from("/home/a b/cv.md")));
        let untitled: Uri = "untitled:Untitled-1".parse().unwrap();
        assert_eq!(file_path(&untitled), None);
        assert_eq!(format_of("markdown", &untitled), Some("md"));
        assert_eq!(format_of("rust", &untitled), None);
    }
}
