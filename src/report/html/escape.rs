//! The one way text enters the page. `escape` makes any string inert in
//! element content and in double-quoted attribute values; `Html` is the
//! page being written, and it accepts markup only as `&'static str`
//! literals from this crate, so a user's string cannot reach the page
//! without passing through `escape`.

use std::fmt::Write;

/// Escapes `&`, `<`, `>`, `"` and `'`: safe in element content and in
/// quoted attribute values (the page quotes every attribute with `"`).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters have no place in a page (and NUL is a
            // parse error); keep tabs and line ends.
            c if c.is_control() && !matches!(c, '\n' | '\t' | '\r') => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Numbers are the only other values written without escaping.
pub trait Number: Copy {
    fn write(self, out: &mut String);
}

macro_rules! integer {
    ($($t:ty),*) => {$(
        impl Number for $t {
            fn write(self, out: &mut String) {
                let _ = write!(out, "{self}");
            }
        }
    )*};
}
integer!(usize, u32, i32, i64, u64);

impl Number for f64 {
    /// One decimal at most, enough for SVG coordinates.
    fn write(self, out: &mut String) {
        let v = if self.is_finite() { self } else { 0.0 };
        let r = (v * 10.0).round() / 10.0;
        if r.fract() == 0.0 {
            let _ = write!(out, "{r:.0}");
        } else {
            let _ = write!(out, "{r:.1}");
        }
    }
}

/// The page under construction.
#[derive(Debug, Default)]
pub struct Html {
    buf: String,
}

impl Html {
    pub fn new() -> Self {
        Html {
            buf: String::with_capacity(64 * 1024),
        }
    }

    /// Markup written by this crate: only string literals are accepted.
    pub fn raw(&mut self, markup: &'static str) -> &mut Self {
        self.buf.push_str(markup);
        self
    }

    /// Text from anywhere else, escaped.
    pub fn text(&mut self, s: &str) -> &mut Self {
        self.buf.push_str(&escape(s));
        self
    }

    pub fn num(&mut self, n: impl Number) -> &mut Self {
        n.write(&mut self.buf);
        self
    }

    /// ` name="value"` with the value escaped.
    pub fn attr(&mut self, name: &'static str, value: &str) -> &mut Self {
        self.buf.push(' ');
        self.buf.push_str(name);
        self.buf.push_str("=\"");
        self.buf.push_str(&escape(value));
        self.buf.push('"');
        self
    }

    /// ` name="number"`.
    pub fn attr_num(&mut self, name: &'static str, n: impl Number) -> &mut Self {
        self.buf.push(' ');
        self.buf.push_str(name);
        self.buf.push_str("=\"");
        n.write(&mut self.buf);
        self.buf.push('"');
        self
    }

    /// `<tag class="...">text</tag>` for a text-only element.
    pub fn element(&mut self, tag: &'static str, class: &'static str, text: &str) -> &mut Self {
        self.buf.push('<');
        self.buf.push_str(tag);
        if !class.is_empty() {
            self.attr("class", class);
        }
        self.buf.push('>');
        self.text(text);
        self.buf.push_str("</");
        self.buf.push_str(tag);
        self.buf.push('>');
        self
    }

    pub fn finish(self) -> String {
        self.buf
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_makes_markup_inert() {
        assert_eq!(
            escape(r#"<script>alert("x")</script> & 'y'"#),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;"
        );
        assert_eq!(escape("a\u{0}b"), "a\u{FFFD}b");
        assert_eq!(escape("Zürich — 40%"), "Zürich — 40%");
    }

    #[test]
    fn numbers_are_short() {
        let mut h = Html::new();
        h.num(12.0)
            .raw(" ")
            .num(3.25)
            .raw(" ")
            .num(7usize)
            .raw(" ")
            .num(f64::NAN);
        assert_eq!(h.finish(), "12 3.3 7 0");
    }
}
