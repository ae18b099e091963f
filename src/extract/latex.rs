//! LaTeX resume sources → classified lines, each piece mapped back to its
//! bytes in the `.tex` file, so a diagnostic points at the source line and
//! column an author edits (and pre-commit reports).
//!
//! This is no TeX engine: it strips commands to the text they typeset,
//! turns `\item` into bullets and sectioning into headings, and knows the
//! role macros of the common resume classes (moderncv, Awesome-CV, Jake's /
//! sb2nov's resume, Deedy, AltaCV), which it rewrites into header lines the
//! segmenter reads ("Title | Company | Location | Dates"). Unknown commands
//! vanish and the text of their braced arguments stays. Nothing here can
//! fail: malformed input (unbalanced braces, a truncated file) yields
//! whatever text could be read.

use super::lines::{Directives, Line, LineKind, blank};
use crate::model::Suppression;
use crate::source::{LineIndex, Text};

/// Deeper nesting of expanded arguments than this is not read further:
/// it bounds recursion on hostile input.
const MAX_DEPTH: usize = 24;

/// Splits a LaTeX source into lines for the segmenter, with the
/// suppressions its `% storyline-...` comments declare.
pub fn split_lines(src: &str) -> (Vec<Line>, Vec<Suppression>) {
    let index = LineIndex::new(src);
    let (start, end) = body_range(src);
    let mut tex = Tex {
        src,
        index: &index,
        out: Out::default(),
        directives: Directives::default(),
        silent: silent_macros(src),
    };
    // The preamble typesets nothing, but a directive there covers the file.
    tex.read_comment_directives(0, start);
    tex.run(start, end, 0);
    tex.break_line();
    let Tex {
        out, directives, ..
    } = tex;
    (out.lines, directives.finish(index.line_count()))
}

/// The typeset part: after `\begin{document}` up to `\end{document}`; a
/// file without `\begin{document}` (a part pulled in with `\input`) whole.
fn body_range(src: &str) -> (usize, usize) {
    let Some(begin) = find_uncommented(src, 0, "\\begin{document}") else {
        return (0, src.len());
    };
    let start = begin + "\\begin{document}".len();
    let end = find_uncommented(src, start, "\\end{document}").unwrap_or(src.len());
    (start, end)
}

/// The first occurrence of `needle` at or after `from` that no `%`
/// comments out.
fn find_uncommented(src: &str, from: usize, needle: &str) -> Option<usize> {
    let mut at = from;
    while let Some(i) = src.get(at..)?.find(needle) {
        let pos = at + i;
        let line_start = src[..pos].rfind('\n').map_or(0, |n| n + 1);
        if comment_start(&src[line_start..pos]).is_none() {
            return Some(pos);
        }
        at = pos + needle.len();
    }
    None
}

/// Where an unescaped `%` starts a comment in `line`, if it does.
fn comment_start(line: &str) -> Option<usize> {
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'%' => return Some(i),
            _ => i += 1,
        }
    }
    None
}

/// Lines built so far and the line being built.
#[derive(Default)]
struct Out {
    lines: Vec<Line>,
    cur: Text,
    kind: Option<LineKind>,
    emphasized: bool,
}

struct Tex<'a> {
    src: &'a str,
    index: &'a LineIndex,
    out: Out,
    directives: Directives,
    /// The document's own macros that typeset nothing, with their
    /// argument counts: `\newcommand{\zh}[1]{}` hides a language.
    silent: std::collections::HashMap<&'a str, usize>,
}

/// The macros `src` defines with an empty body (`\newcommand{\zh}[1]{}`,
/// `\renewcommand\x{}`), each with its number of arguments.
fn silent_macros(src: &str) -> std::collections::HashMap<&str, usize> {
    let mut out = std::collections::HashMap::new();
    for kw in ["\\newcommand", "\\renewcommand", "\\providecommand"] {
        let mut at = 0;
        while let Some(i) = src.get(at..).and_then(|s| s.find(kw)) {
            let mut k = at + i + kw.len();
            at = k;
            if src[k..].starts_with('*') {
                k += 1;
            }
            let end = src.len();
            k = skip_space(src, k, end);
            // The name: `{\x}` or `\x`.
            let (name_start, name_end, after) = match braced(src, k, end) {
                Some((s, e, after)) => (s, e, after),
                None if src[k..].starts_with('\\') => {
                    let letters = src[k + 1..]
                        .bytes()
                        .take_while(u8::is_ascii_alphabetic)
                        .count();
                    (k, k + 1 + letters, 0)
                }
                None => continue,
            };
            let name = src[name_start..name_end].trim();
            let Some(name) = name.strip_prefix('\\') else {
                continue;
            };
            if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphabetic()) {
                continue;
            }
            k = if after > 0 { after } else { name_end };
            k = skip_space(src, k, end);
            let mut arity = 0;
            if let Some((s, e, after)) = bracketed(src, k, end) {
                arity = src[s..e].trim().parse().unwrap_or(0);
                k = skip_space(src, after, end);
            }
            // A default for the first argument: `[2][x]`.
            if let Some((_, _, after)) = bracketed(src, k, end) {
                k = skip_space(src, after, end);
            }
            if let Some((s, e, _)) = braced(src, k, end)
                && src[s..e].trim().is_empty()
            {
                out.insert(name, arity.min(9));
            }
        }
    }
    out
}

/// What a command does with its arguments.
enum Action {
    /// Drop the command and this many leading braced arguments; later
    /// braced arguments are text.
    Drop(usize),
    /// Typesets this text.
    Symbol(&'static str),
    /// Ends the current line.
    Break,
    /// Starts a bullet line.
    Item,
    /// A heading of this level with the argument's text.
    Heading(u8),
    /// A role header: which argument (0-based) holds the title, company,
    /// location and dates, and which holds a description, out of `arity`.
    Role {
        arity: usize,
        fields: [Option<usize>; 4],
        description: Option<usize>,
    },
    /// A line "label: text" (moderncv `\cvitem`); a bullet when `bullet`.
    Item2 {
        bullet: bool,
    },
    /// A name: the arguments joined by spaces on a line of their own.
    Name,
    /// Deedy's `\descript` and `\location`: appended to the header line
    /// being built, after `sep`.
    Append {
        sep: &'static str,
        end_line: bool,
    },
    /// `\href{url}{text}`: the second argument only.
    Href,
    /// `\newcommand` and friends: a definition, never text.
    Definition,
    Begin,
    End,
    /// Any other command: dropped, its braced arguments kept as text.
    Unknown,
}

fn action(name: &str, src_after: &str) -> Action {
    use Action::*;
    match name {
        "item" => Item,
        "section" | "cvsection" | "chapter" | "part" => Heading(2),
        "subsection" | "cvsubsection" | "runsubsection" => Heading(3),
        "subsubsection" | "paragraph" => Heading(4),
        // moderncv has six arguments, Awesome-CV five.
        "cventry" if count_args(src_after, 6) == 6 => Role {
            arity: 6,
            fields: [Some(1), Some(2), Some(3), Some(0)],
            description: Some(5),
        },
        "cventry" => Role {
            arity: 5,
            fields: [Some(0), Some(1), Some(2), Some(3)],
            description: Some(4),
        },
        "cvsubentry" => Role {
            arity: 4,
            fields: [Some(0), Some(1), None, Some(2)],
            description: Some(3),
        },
        "resumeSubheading" => Role {
            arity: 4,
            fields: [Some(2), Some(0), Some(1), Some(3)],
            description: None,
        },
        "resumeSubSubheading" | "resumeProjectHeading" => Role {
            arity: 2,
            fields: [Some(0), None, None, Some(1)],
            description: None,
        },
        "cvevent" => Role {
            arity: 4,
            fields: [Some(0), Some(1), Some(3), Some(2)],
            description: None,
        },
        "cvitem" | "cvskill" => Item2 { bullet: false },
        "resumeItem" | "resumeSubItem" | "cvlistitem" => Item2 { bullet: true },
        "name" | "namesection" => Name,
        "descript" => Append {
            sep: " | ",
            end_line: false,
        },
        "location" => Append {
            sep: "  ",
            end_line: true,
        },
        "href" => Href,
        "newcommand"
        | "renewcommand"
        | "providecommand"
        | "DeclareRobustCommand"
        | "newenvironment"
        | "renewenvironment"
        | "def"
        | "gdef"
        | "edef"
        | "let" => Definition,
        "begin" => Begin,
        "end" => End,
        "par" | "newline" | "linebreak" | "newpage" | "pagebreak" | "clearpage" | "smallskip"
        | "medskip" | "bigskip" | "vfill" | "divider" | "sectionsep" | "makecvheader"
        | "makecvtitle" => Break,
        _ => match symbol(name) {
            Some(s) => Symbol(s),
            None => match dropped_args(name) {
                Some(n) => Drop(n),
                None => Unknown,
            },
        },
    }
}

/// Commands that typeset a symbol (or a gap).
fn symbol(name: &str) -> Option<&'static str> {
    Some(match name {
        "ldots" | "dots" | "textellipsis" => "…",
        "textbar" | "vert" => "|",
        "textbullet" | "bullet" => "•",
        "textperiodcentered" | "cdot" | "cdotp" => "·",
        "sim" | "textasciitilde" => "~",
        "times" => "×",
        "approx" => "≈",
        "rightarrow" | "to" | "longrightarrow" => "→",
        "leq" | "le" => "≤",
        "geq" | "ge" => "≥",
        "pm" => "±",
        "textendash" => "–",
        "textemdash" => "—",
        "textdollar" => "$",
        "textdegree" | "degree" => "°",
        "textregistered" => "®",
        "texttrademark" => "™",
        "copyright" | "textcopyright" => "©",
        "LaTeX" => "LaTeX",
        "TeX" => "TeX",
        "quad" | "qquad" | "enskip" | "enspace" | "thinspace" | "space" => " ",
        // `Company \hfill Dates`: a column gap the segmenter splits on.
        "hfill" | "hfil" | "hspace" => "  ",
        _ => return None,
    })
}

/// Commands whose first arguments are never text: lengths, colours,
/// files, labels. The number is how many braced arguments to drop.
fn dropped_args(name: &str) -> Option<usize> {
    Some(match name {
        "url" | "label" | "ref" | "pageref" | "eqref" | "cite" | "vspace" | "addvspace"
        | "color" | "pagecolor" | "pagestyle" | "thispagestyle" | "usepackage"
        | "RequirePackage" | "documentclass" | "input" | "include" | "includegraphics"
        | "photo" | "photoR" | "photoL" | "faIcon" | "textcolor" | "colorbox" | "newlength"
        | "urlstyle" | "setmainfont" | "setsansfont" | "fontspec" | "geometry" | "newgeometry"
        | "bibliography" | "bibliographystyle" | "hypersetup" | "raisebox" | "parbox"
        | "scalebox" | "linespread" | "columnratio" | "hyphenation" | "moderncvstyle"
        | "moderncvcolor" | "cvicon" | "icon" | "pgfsetlinewidth" | "setmonofont"
        | "newfontfamily" | "includeonly" | "titleformat" | "titlespacing" => 1,
        "setcounter" | "setlength" | "addtolength" | "fontsize" | "fcolorbox" | "resizebox"
        | "rule" | "AtBeginEnvironment" | "AtEndEnvironment" | "setlist" => 2,
        "definecolor" | "makecvfooter" => 3,
        _ => return None,
    })
}

/// Environments whose leading braced arguments are layout, not text.
fn env_args(env: &str) -> usize {
    match env {
        "tabular" | "array" | "multicols" | "multicols*" | "paracol" | "minipage" => 1,
        "tabular*" | "tabularx" | "tabulary" | "adjustwidth" | "wrapfigure" => 2,
        _ => 0,
    }
}

/// Skips what a TeX assignment puts after a command name: a register
/// number (`\fontdimen2`) and `= 2pt` or `=\maxdimen`. None of it is text.
fn skip_assignment(src: &str, j: usize, end: usize) -> usize {
    let rest = &src.as_bytes()[j..end];
    let mut k = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    let after_register = k;
    while k < rest.len() && rest[k] == b' ' {
        k += 1;
    }
    if k >= rest.len() || rest[k] != b'=' {
        return j + after_register;
    }
    k += 1;
    while k < rest.len() && rest[k] == b' ' {
        k += 1;
    }
    if rest.get(k) == Some(&b'\\') {
        k += 1 + rest[k + 1..]
            .iter()
            .take_while(|b| b.is_ascii_alphabetic())
            .count();
    } else {
        k += rest[k..]
            .iter()
            .take_while(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+'))
            .count();
        // A unit: pt, em, ex, in, cm, mm, sp, bp, pc.
        k += rest[k..]
            .iter()
            .take(2)
            .take_while(|b| b.is_ascii_alphabetic())
            .count();
    }
    j + k
}

/// How many braced arguments follow (up to `max`), skipping whitespace and
/// comments between them.
fn count_args(src: &str, max: usize) -> usize {
    let mut i = 0;
    let mut n = 0;
    while n < max {
        i = skip_space(src, i, src.len());
        match braced(src, i, src.len()) {
            Some((_, _, after)) => {
                n += 1;
                i = after;
            }
            None => break,
        }
    }
    n
}

/// Skips spaces, single newlines and `%` comments (not a blank line, which
/// ends a paragraph and so any argument list).
fn skip_space(src: &str, mut i: usize, end: usize) -> usize {
    let bytes = src.as_bytes();
    let mut newlines = 0;
    while i < end {
        match bytes[i] {
            b' ' | b'\t' | b'\r' => i += 1,
            b'\n' => {
                newlines += 1;
                if newlines > 1 {
                    break;
                }
                i += 1;
            }
            b'%' => {
                i = src[i..end].find('\n').map_or(end, |n| i + n + 1);
                newlines = 0;
            }
            _ => break,
        }
    }
    i
}

/// A `{...}` group starting at `i`: (inner start, inner end, after). An
/// unclosed group runs to `end`, as TeX's runaway argument would.
fn braced(src: &str, i: usize, end: usize) -> Option<(usize, usize, usize)> {
    group(src, i, end, b'{', b'}', true)
}

/// An optional `[...]` argument at `i`; unclosed ones are not arguments.
fn bracketed(src: &str, i: usize, end: usize) -> Option<(usize, usize, usize)> {
    group(src, i, end, b'[', b']', false)
}

fn group(
    src: &str,
    i: usize,
    end: usize,
    open: u8,
    close: u8,
    runaway: bool,
) -> Option<(usize, usize, usize)> {
    let bytes = src.as_bytes();
    if i >= end || bytes[i] != open {
        return None;
    }
    let mut depth = 0usize;
    let mut braces = 0usize;
    let mut j = i;
    while j < end {
        match bytes[j] {
            b'\\' => j += 1,
            b'%' => {
                j = src[j..end].find('\n').map_or(end, |n| j + n);
            }
            b'{' if open != b'{' => braces += 1,
            b'}' if open != b'{' => braces = braces.saturating_sub(1),
            c if c == open => depth += 1,
            c if c == close && braces == 0 => {
                depth -= 1;
                if depth == 0 {
                    return Some((i + 1, j, j + 1));
                }
            }
            _ => {}
        }
        j += 1;
    }
    runaway.then_some((i + 1, end, end))
}

impl Tex<'_> {
    /// Expands `src[start..end]` into the output.
    fn run(&mut self, start: usize, end: usize, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        let bytes = self.src.as_bytes();
        let mut i = start;
        while i < end {
            i = match bytes[i] {
                b'\\' => self.command(i, end, depth),
                b'%' => self.comment(i, end),
                b'{' | b'}' | b'$' | b'^' | b'_' | b'#' => i + 1,
                b'~' => {
                    self.replace(" ", i, i + 1);
                    i + 1
                }
                b'&' => {
                    // A table column: keep the cells apart.
                    self.gap(i);
                    i + 1
                }
                b'\n' => self.newline(i, end),
                b' ' | b'\t' | b'\r' => {
                    self.space(i, i + 1);
                    i + 1
                }
                b'-' if self.src[i..end].starts_with("---") => {
                    self.replace("—", i, i + 3);
                    i + 3
                }
                b'-' if self.src[i..end].starts_with("--") => {
                    self.replace("–", i, i + 2);
                    i + 2
                }
                b'`' if self.src[i..end].starts_with("``") => {
                    self.replace("“", i, i + 2);
                    i + 2
                }
                b'\'' if self.src[i..end].starts_with("''") => {
                    self.replace("”", i, i + 2);
                    i + 2
                }
                _ => self.plain(i, end),
            };
        }
    }

    /// Copies a run of ordinary characters.
    fn plain(&mut self, i: usize, end: usize) -> usize {
        let rest = &self.src[i..end];
        // Stop before the next special character; the first character is
        // always taken, so the scan moves on.
        let first = rest.chars().next().map_or(1, char::len_utf8);
        let len = rest[first..]
            .find(|c: char| "\\{}%$~&^_#\n\r\t -`'".contains(c))
            .map_or(rest.len(), |n| n + first);
        self.push(&rest[..len], i);
        i + len
    }

    /// A `%` comment: read as a directive, skipped as text. The newline
    /// after it is eaten too, as TeX does.
    fn comment(&mut self, i: usize, end: usize) -> usize {
        let line_end = self.src[i..end].find('\n').map_or(end, |n| i + n);
        let number = self.index.position(self.src, i).line;
        self.directives.read(&self.src[i + 1..line_end], number);
        (line_end + 1).min(end)
    }

    /// Reads the directives in the comments of a range that is not typeset.
    fn read_comment_directives(&mut self, start: usize, end: usize) {
        let mut offset = start;
        for line in self.src[start..end].split_inclusive('\n') {
            if let Some(c) = comment_start(line) {
                let number = self.index.position(self.src, offset).line;
                self.directives
                    .read(line[c + 1..].trim_end_matches(['\n', '\r']), number);
            }
            offset += line.len();
        }
    }

    /// A newline is a space; the newline that ends an empty line ends a
    /// paragraph.
    fn newline(&mut self, i: usize, _end: usize) -> usize {
        let line_start = self.src[..i].rfind('\n').map_or(0, |n| n + 1);
        if self.src[line_start..i].trim().is_empty() {
            self.paragraph(i);
        } else {
            self.space(i, i + 1);
        }
        i + 1
    }

    fn command(&mut self, i: usize, end: usize, depth: usize) -> usize {
        let src = self.src;
        let name_start = i + 1;
        let name_len = src[name_start..end]
            .bytes()
            .take_while(u8::is_ascii_alphabetic)
            .count();
        if name_len == 0 {
            return self.control_symbol(i, end);
        }
        let name = &src[name_start..name_start + name_len];
        let mut j = name_start + name_len;
        if src[j..end].starts_with('*') {
            j += 1;
        }
        if let Some(&n) = self.silent.get(name) {
            let j = self.skip_optional(j, end);
            return self.skip_args(j, end, n);
        }
        match action(name, &src[j..end]) {
            Action::Drop(n) => {
                let j = self.skip_optional(j, end);
                self.skip_args(j, end, n)
            }
            Action::Symbol(s) => {
                self.replace(s, i, j);
                j
            }
            Action::Break => {
                self.break_line();
                self.skip_optional(j, end)
            }
            Action::Item => {
                self.break_line();
                self.out.kind = Some(LineKind::Bullet);
                self.skip_optional(j, end)
            }
            Action::Heading(level) => self.heading(j, end, level, depth),
            Action::Role {
                arity,
                fields,
                description,
            } => self.role(j, end, arity, fields, description, depth),
            Action::Item2 { bullet } => self.item2(j, end, bullet, depth),
            Action::Name => self.name(j, end, depth),
            Action::Append { sep, end_line } => self.append(j, end, sep, end_line, depth),
            Action::Href => {
                let j = self.skip_args(self.skip_optional(j, end), end, 1);
                self.args_inline(j, end, 1, " | ", depth)
            }
            Action::Definition => self.skip_definition(j, end),
            Action::Begin => self.begin(j, end),
            Action::End => {
                self.break_line();
                self.skip_args(j, end, 1)
            }
            Action::Unknown if self.dated_entry(j, end).is_some() => {
                let n = self.dated_entry(j, end).unwrap_or(2);
                let fields = [0, 1, 2, 3].map(|k| (k < n).then_some(k));
                self.role(j, end, n, fields, None, depth)
            }
            Action::Unknown => {
                let j = skip_assignment(src, j, end);
                let j = self.skip_optional(j, end);
                self.args_inline(j, end, usize::MAX, " | ", depth)
            }
        }
    }

    /// An unknown macro read by the shape of its arguments: two to four
    /// braced arguments, one of them wholly a date range
    /// (`\datedsubsection{Acme - Engineer}{May 2019 -- Present}`), is a
    /// role's header, whatever the template calls it. Its argument count.
    fn dated_entry(&self, j: usize, end: usize) -> Option<usize> {
        let j = self.skip_optional(j, end);
        let (args, _) = self.args(j, end, 5);
        if !(2..=4).contains(&args.len()) {
            return None;
        }
        args.iter()
            .any(|&(s, e)| {
                let raw = self.src[s..e].trim();
                raw.len() <= 60
                    && crate::date::find_range(raw)
                        .is_some_and(|r| r.end.is_some() && r.range.len() * 10 >= raw.len() * 7)
            })
            .then_some(args.len())
    }

    /// `\\`, `\&`, `\%`, accents and the other one-character commands.
    fn control_symbol(&mut self, i: usize, end: usize) -> usize {
        let Some(c) = self.src[i + 1..end].chars().next() else {
            return end;
        };
        let after = i + 1 + c.len_utf8();
        match c {
            '\\' => {
                self.break_line();
                // `\\*` and `\\[4pt]`.
                let j = if self.src[after..end].starts_with('*') {
                    after + 1
                } else {
                    after
                };
                self.skip_optional(j, end)
            }
            '&' | '%' | '$' | '#' | '_' | '{' | '}' => {
                self.push(&self.src[i + 1..after], i + 1);
                after
            }
            ' ' | ',' | ';' | ':' | '\n' => {
                self.space(i, after);
                after
            }
            // Accents (`\'e`), `\-` hyphenation points, `\@`, `\!`, math
            // delimiters: the letter that follows stays, the mark goes.
            _ => after,
        }
    }

    /// Skips `[...]` optional arguments.
    fn skip_optional(&self, mut j: usize, end: usize) -> usize {
        while let Some((_, _, after)) = bracketed(self.src, j, end) {
            j = after;
        }
        j
    }

    /// Skips up to `n` braced arguments.
    fn skip_args(&self, mut j: usize, end: usize, n: usize) -> usize {
        for _ in 0..n {
            let k = skip_space(self.src, j, end);
            match braced(self.src, k, end) {
                Some((_, _, after)) => j = after,
                None => break,
            }
        }
        j
    }

    /// The braced arguments that follow, up to `max`: (inner start, inner
    /// end) each, and where they end.
    fn args(&self, mut j: usize, end: usize, max: usize) -> (Vec<(usize, usize)>, usize) {
        let mut out = Vec::new();
        while out.len() < max {
            let k = skip_space(self.src, j, end);
            match braced(self.src, k, end) {
                Some((s, e, after)) => {
                    out.push((s, e));
                    j = after;
                }
                None => break,
            }
        }
        (out, j)
    }

    /// Expands the arguments that follow in place, with `sep` between the
    /// ones that typeset something.
    fn args_inline(&mut self, j: usize, end: usize, max: usize, sep: &str, depth: usize) -> usize {
        let (args, after) = self.args(j, end, max);
        let mut wrote = false;
        for (s, e) in args {
            let mark = self.out.cur.text.len();
            let lines = self.out.lines.len();
            if wrote {
                self.out.cur.push_synthetic(sep);
            }
            let arg_start = self.out.cur.text.len();
            self.run(s, e, depth + 1);
            let produced = self.out.lines.len() != lines
                || self
                    .out
                    .cur
                    .text
                    .get(arg_start..)
                    .is_some_and(|t| !t.trim().is_empty());
            if !produced && wrote {
                // Nothing came of this argument: take the separator back.
                self.out.cur.truncate(mark);
            }
            wrote |= produced;
        }
        after
    }

    /// The text of a range on one line (its own line breaks joined).
    fn collect(&mut self, start: usize, end: usize, depth: usize) -> Text {
        let saved = std::mem::take(&mut self.out);
        self.run(start, end, depth + 1);
        self.break_line();
        let out = std::mem::replace(&mut self.out, saved);
        let mut text = Text::builder();
        for line in out.lines.iter().filter(|l| !l.is_blank()) {
            if !text.text.is_empty() {
                text.push_synthetic(" ");
            }
            text.append(&line.text);
        }
        text
    }

    fn heading(&mut self, j: usize, end: usize, level: u8, depth: usize) -> usize {
        let j = self.skip_optional(j, end);
        let (args, after) = self.args(j, end, 1);
        self.break_line();
        if let Some(&(s, e)) = args.first() {
            let text = self.collect(s, e, depth);
            self.push_line(text, LineKind::Heading(level), false);
        }
        after
    }

    /// A role macro: one header line from its fields, then its
    /// description as lines of its own.
    fn role(
        &mut self,
        j: usize,
        end: usize,
        arity: usize,
        fields: [Option<usize>; 4],
        description: Option<usize>,
        depth: usize,
    ) -> usize {
        let j = self.skip_optional(j, end);
        let (args, after) = self.args(j, end, arity);
        self.break_line();
        let mut header = Text::builder();
        for (s, e) in fields
            .iter()
            .flatten()
            .filter_map(|&k| args.get(k).copied())
        {
            let field = self.collect(s, e, depth).trimmed(&[',']);
            if field.is_empty() {
                continue;
            }
            if !header.text.is_empty() {
                header.push_synthetic(" | ");
            }
            header.append(&field);
        }
        // An entry with no header fields (moderncv's empty `\cventry{}{}...`)
        // still has its description.
        self.push_line(header, LineKind::Plain, true);
        if let Some(&(s, e)) = description.and_then(|k| args.get(k)) {
            self.run(s, e, depth + 1);
            self.break_line();
        }
        after
    }

    /// `\cvitem{label}{text}`, `\resumeItem{title}{text}` or
    /// `\resumeItem{text}`: "label: text", as a bullet or a line.
    fn item2(&mut self, j: usize, end: usize, bullet: bool, depth: usize) -> usize {
        let j = self.skip_optional(j, end);
        self.break_line();
        if bullet {
            self.out.kind = Some(LineKind::Bullet);
        }
        let after = self.args_inline(j, end, 2, ": ", depth);
        self.break_line();
        after
    }

    fn name(&mut self, j: usize, end: usize, depth: usize) -> usize {
        let j = self.skip_optional(j, end);
        self.break_line();
        // Deedy's `\namesection{First}{Last}{contact}`: the contact
        // details go on a line of their own.
        let (args, after) = self.args(j, end, 3);
        for (k, (s, e)) in args.into_iter().enumerate() {
            if k == 2 {
                self.break_line();
            } else if !self.out.cur.text.is_empty() && !self.out.cur.text.ends_with(' ') {
                // A joining space: no source byte stands for it.
                self.out.cur.push_synthetic(" ");
            }
            self.run(s, e, depth + 1);
        }
        self.break_line();
        after
    }

    fn append(&mut self, j: usize, end: usize, sep: &str, end_line: bool, depth: usize) -> usize {
        let (args, after) = self.args(j, end, 1);
        if let Some(&(s, e)) = args.first() {
            let text = self.collect(s, e, depth).trimmed(&['|']);
            if !text.is_empty() {
                if !self.out.cur.text.trim().is_empty() {
                    self.out.cur.push_synthetic(sep);
                }
                self.out.cur.append(&text);
                self.out.emphasized = true;
            }
        }
        if end_line {
            self.break_line();
        }
        after
    }

    /// `\newcommand{\x}[1]{...}`, `\def\x#1{...}`: skipped whole.
    fn skip_definition(&self, j: usize, end: usize) -> usize {
        let src = self.src;
        let mut k = skip_space(src, j, end);
        // The name: `{\x}` or `\x`.
        if let Some((_, _, after)) = braced(src, k, end) {
            k = after;
        } else if src[k..end].starts_with('\\') {
            let letters = src[k + 1..end]
                .bytes()
                .take_while(u8::is_ascii_alphabetic)
                .count();
            // A control symbol (`\def\@`) is one character, maybe not ASCII.
            let symbol = src[k + 1..end].chars().next().map_or(0, char::len_utf8);
            k += 1 + if letters > 0 { letters } else { symbol };
        }
        // `#1#2` parameter text of `\def`, then optional arguments.
        while k < end && matches!(src.as_bytes()[k], b'#' | b'0'..=b'9') {
            k += 1;
        }
        let k = self.skip_optional(k, end);
        // A body, and for environments the end code too.
        let (_, after) = self.args(k, end, 2);
        after
    }

    fn begin(&mut self, j: usize, end: usize) -> usize {
        self.break_line();
        let (args, after) = self.args(j, end, 1);
        let Some(&(s, e)) = args.first() else {
            return after;
        };
        let env = self.src[s..e].trim();
        if env == "comment" {
            // The comment environment typesets nothing up to its end.
            return find_uncommented(self.src, after, "\\end{comment}")
                .filter(|&p| p < end)
                .map_or(end, |p| p + "\\end{comment}".len());
        }
        let k = self.skip_optional(after, end);
        self.skip_args(k, end, env_args(env))
    }

    // -- output -------------------------------------------------------

    fn push(&mut self, s: &str, offset: usize) {
        self.out.cur.push(s, offset);
    }

    /// Text typeset for `src[start..end]` that is not a copy of it.
    fn replace(&mut self, s: &str, start: usize, end: usize) {
        self.out.cur.push_replacing(s, start..end);
    }

    /// One space for `src[start..end]` (white space, `\ `), never two, and
    /// none at the start of a line.
    fn space(&mut self, start: usize, end: usize) {
        let t = &self.out.cur.text;
        if !t.is_empty() && !t.ends_with(' ') {
            if &self.src[start..end] == " " {
                self.push(" ", start);
            } else {
                self.replace(" ", start, end);
            }
        }
    }

    /// A column gap for the `&` at `offset`.
    fn gap(&mut self, offset: usize) {
        let t = &self.out.cur.text;
        if !t.trim().is_empty() && !t.ends_with("  ") {
            self.replace("  ", offset, offset + 1);
        }
    }

    fn break_line(&mut self) {
        let text = std::mem::take(&mut self.out.cur);
        let kind = self.out.kind.take().unwrap_or(LineKind::Plain);
        let emphasized = std::mem::replace(&mut self.out.emphasized, false);
        self.push_line(text, kind, emphasized);
    }

    fn paragraph(&mut self, offset: usize) {
        self.break_line();
        if self.out.lines.last().is_some_and(|l| !l.is_blank()) {
            let number = self.index.position(self.src, offset).line;
            self.out.lines.push(blank(number, offset));
        }
    }

    fn push_line(&mut self, text: Text, kind: LineKind, emphasized: bool) {
        let text = text.trimmed(&[]);
        if text.is_empty() {
            return;
        }
        let number = self.index.position(self.src, text.source_offset(0)).line;
        self.out.lines.push(Line {
            text,
            kind,
            indent: 0,
            number,
            emphasized,
            lead_emphasis: None,
            size: None,
            fits_above: false,
        });
    }
}
