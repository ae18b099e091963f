//! Byte spans of the string values in a JSON document, keyed by their
//! path (`work[2].highlights[1]`). serde_json does not keep positions, so
//! this small scanner walks the (already validated) source once.

use std::collections::HashMap;

use crate::source::Span;

/// Path → span of the string literal, quotes included.
pub type SpanMap = HashMap<String, Span>;

pub fn string_spans(src: &str) -> SpanMap {
    let mut s = Scanner {
        b: src.as_bytes(),
        pos: 0,
        out: HashMap::new(),
        depth: 0,
    };
    s.value(String::new());
    s.out
}

struct Scanner<'a> {
    b: &'a [u8],
    pos: usize,
    out: SpanMap,
    depth: usize,
}

impl Scanner<'_> {
    fn ws(&mut self) {
        while self.pos < self.b.len() && self.b[self.pos].is_ascii_whitespace() {
            self.pos += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.pos).copied()
    }

    /// Scans one value; returns false on malformed input (never panics).
    fn value(&mut self, path: String) -> bool {
        self.ws();
        // serde_json already bounds nesting at 128; keep ours too.
        if self.depth > 256 {
            return false;
        }
        match self.peek() {
            Some(b'{') => {
                self.depth += 1;
                self.pos += 1;
                loop {
                    self.ws();
                    match self.peek() {
                        Some(b'}') => {
                            self.pos += 1;
                            break;
                        }
                        Some(b',') => self.pos += 1,
                        Some(b'"') => {
                            let Some(key) = self.string() else {
                                return false;
                            };
                            self.ws();
                            if self.peek() != Some(b':') {
                                return false;
                            }
                            self.pos += 1;
                            let child = if path.is_empty() {
                                key
                            } else {
                                format!("{path}.{key}")
                            };
                            if !self.value(child) {
                                return false;
                            }
                        }
                        _ => return false,
                    }
                }
                self.depth -= 1;
                true
            }
            Some(b'[') => {
                self.depth += 1;
                self.pos += 1;
                let mut i = 0;
                loop {
                    self.ws();
                    match self.peek() {
                        Some(b']') => {
                            self.pos += 1;
                            break;
                        }
                        Some(b',') => self.pos += 1,
                        Some(_) => {
                            if !self.value(format!("{path}[{i}]")) {
                                return false;
                            }
                            i += 1;
                        }
                        None => return false,
                    }
                }
                self.depth -= 1;
                true
            }
            Some(b'"') => {
                let start = self.pos;
                if self.string().is_none() {
                    return false;
                }
                self.out.insert(path, Span::new(start, self.pos));
                true
            }
            Some(_) => {
                // Number, true, false, null.
                while self.pos < self.b.len()
                    && !matches!(self.b[self.pos], b',' | b'}' | b']')
                    && !self.b[self.pos].is_ascii_whitespace()
                {
                    self.pos += 1;
                }
                true
            }
            None => false,
        }
    }

    /// Scans a string literal; returns its raw content (escapes kept).
    fn string(&mut self) -> Option<String> {
        self.pos += 1;
        let start = self.pos;
        while self.pos < self.b.len() {
            match self.b[self.pos] {
                b'\\' => self.pos += 2,
                b'"' => {
                    let raw = std::str::from_utf8(&self.b[start..self.pos])
                        .ok()?
                        .to_string();
                    self.pos += 1;
                    return Some(raw);
                }
                _ => self.pos += 1,
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_and_spans() {
        let src = r#"{"basics": {"label": "Staff"}, "work": [{"highlights": ["a", "b\"c"]}]}"#;
        let m = string_spans(src);
        let s = m["basics.label"];
        assert_eq!(&src[s.start..s.end], "\"Staff\"");
        let s = m["work[0].highlights[1]"];
        assert_eq!(&src[s.start..s.end], r#""b\"c""#);
    }

    #[test]
    fn malformed_input_stops_quietly() {
        for src in ["{", "[\"a", "{\"k\" 1}", "\"", ""] {
            let _ = string_spans(src);
        }
        assert!(string_spans("{\"a\": \"x\"").contains_key("a"));
    }
}
