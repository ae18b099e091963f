//! Suggested edits for findings, computed from a finding's code, its span
//! and the source text, with the catalogue in `rubrics/fixes.toml`. The
//! rules know nothing of them.
//!
//! An edit is offered only where the text around the span is plain words
//! (no markup inside what is replaced, the bullet's opening where an
//! opening is rewritten): no fix is better than one that breaks the
//! document or its grammar.

pub mod apply;
pub mod catalogue;

use crate::date::DatePoint;
use crate::diagnostic::{Diagnostic, Fix, FixClass, Replacement};
use crate::model::{Document, Format};
use catalogue::{Catalogue, Tense, VerbForms, fold};

/// Attaches the fixes the embedded catalogue has for each finding on `doc`.
pub fn attach(doc: &Document, diags: &mut [Diagnostic]) {
    attach_with(Catalogue::embedded(), doc, diags);
}

/// [`attach`] with a given catalogue.
pub fn attach_with(cat: &Catalogue, doc: &Document, diags: &mut [Diagnostic]) {
    // One-file documents only: a LinkedIn export's spans point into a
    // joined text of several files.
    if !doc.parts.is_empty() {
        return;
    }
    for d in diags.iter_mut() {
        if d.path == doc.path && d.fixes.is_empty() {
            d.fixes = fixes_for(cat, doc, d);
        }
    }
}

/// The fixes for one finding on `doc`, alternatives in the order offered.
pub fn fixes_for(cat: &Catalogue, doc: &Document, d: &Diagnostic) -> Vec<Fix> {
    let (start, end) = (d.span.start, d.span.end);
    let src = &doc.source;
    if start >= end || end > src.len() || !src.is_char_boundary(start) || !src.is_char_boundary(end)
    {
        return Vec::new();
    }
    let flagged = &src[start..end];
    // What is replaced must be plain text: no escape, no line break.
    if flagged.contains(['\\', '\n', '\r']) {
        return Vec::new();
    }
    let at = Site {
        doc,
        start,
        end,
        flagged,
    };
    let edits = match d.code {
        "O001" => opener(cat, &at),
        "P001" => superlative(cat, &at),
        "M003" => vague(cat, &at),
        _ => Vec::new(),
    };
    edits
        .into_iter()
        .filter(|e| !e.edits.is_empty())
        .map(|e| Fix {
            class: e.class,
            description: e.description,
            replacements: e
                .edits
                .into_iter()
                .map(|(s, t, text)| replacement(doc, s, t, &text))
                .collect(),
        })
        .collect()
}

/// A fix before its positions are computed: byte ranges and new text.
struct Edit {
    class: FixClass,
    description: String,
    edits: Vec<(usize, usize, String)>,
}

/// The finding's place in the source.
#[derive(Clone, Copy)]
struct Site<'a> {
    doc: &'a Document,
    start: usize,
    end: usize,
    flagged: &'a str,
}

impl Site<'_> {
    fn src(&self) -> &str {
        &self.doc.source
    }

    /// Where the item (bullet, line, JSON string) holding `at` ends: a
    /// JSON string's end or a `\n` inside it ends one too.
    fn item_end(&self, at: usize) -> usize {
        let src = self.src();
        let line_end = src[at..].find(['\n', '\r']).map_or(src.len(), |i| at + i);
        if self.doc.format == Format::JsonResume {
            let mut escaped = false;
            for (i, c) in src[at..line_end].char_indices() {
                match c {
                    '\\' if !escaped => escaped = true,
                    '"' if !escaped => return at + i,
                    'n' | 'r' if escaped => return at + i - 1,
                    _ => escaped = false,
                }
            }
        }
        line_end
    }

    /// Whether `at` opens its item: nothing but a list marker before it
    /// on its line (or in a JSON string, after its quote or a `\n`; in
    /// LaTeX, after `\item` or a macro's brace).
    fn opens_item(&self, at: usize) -> bool {
        let src = self.src();
        let line_start = src[..at].rfind(['\n', '\r']).map_or(0, |i| i + 1);
        let prefix = src[line_start..at].trim_end_matches([' ', '\t']);
        if self.doc.format == Format::Latex {
            let t = prefix.trim();
            return t.is_empty() || t.ends_with("\\item") || t.ends_with('{');
        }
        // A list marker: a glyph, or a number ("1.", "2)").
        let unmarked = match prefix.chars().next_back() {
            Some(c) if is_marker(c) => &prefix[..prefix.len() - c.len_utf8()],
            Some('.' | ')') => {
                let digits =
                    prefix[..prefix.len() - 1].trim_end_matches(|c: char| c.is_ascii_digit());
                if digits.len() + 1 < prefix.len() && digits.len() + 4 > prefix.len() {
                    digits
                } else {
                    prefix
                }
            }
            _ => prefix,
        };
        let unmarked = unmarked.trim_end_matches([' ', '\t']);
        if self.doc.format == Format::JsonResume {
            // Unescaped: an even number of backslashes before.
            let escapes = |s: &str| s.len() - s.trim_end_matches('\\').len();
            return (unmarked.ends_with('"') && escapes(&unmarked[..unmarked.len() - 1]) % 2 == 0)
                || (unmarked.ends_with("\\n")
                    && escapes(&unmarked[..unmarked.len() - 1]) % 2 == 1);
        }
        unmarked.trim().is_empty()
    }
}

/// A character that marks a list item.
fn is_marker(c: char) -> bool {
    matches!(
        c,
        '-' | '*' | '+' | '·' | '–' | '—' | '○' | '✓' | '✔' | '→' | '◆' | '♦' | 'o'
    ) || crate::extract::lines::is_bullet_glyph(c)
}

/// The letters (and inner hyphens) that start `s`.
fn leading_word(s: &str) -> &str {
    let end = s
        .char_indices()
        .find(|&(i, c)| !(c.is_ascii_alphabetic() || (c == '-' && i > 0)))
        .map_or(s.len(), |(i, _)| i);
    s[..end].trim_end_matches('-')
}

/// Where the run of letters that ends `s` starts.
fn word_start(s: &str) -> usize {
    s.char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// Spaces and tabs at the start of `s`, in bytes.
fn blanks(s: &str) -> usize {
    s.len() - s.trim_start_matches([' ', '\t']).len()
}

/// `text` with its first letter cased as `like`'s.
fn cased(text: &str, like: &str) -> String {
    let upper = like.chars().next().is_some_and(char::is_uppercase);
    let mut chars = text.chars();
    match chars.next() {
        Some(c) if upper => c.to_uppercase().chain(chars).collect(),
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// New text as the source format writes it.
fn escaped(format: Format, text: &str) -> String {
    match format {
        Format::JsonResume => {
            let quoted = serde_json::to_string(text).unwrap_or_default();
            quoted[1..quoted.len() - 1].to_string()
        }
        Format::Latex => text.replace('%', "\\%").replace('&', "\\&"),
        _ => text.to_string(),
    }
}

fn replacement(doc: &Document, start: usize, end: usize, text: &str) -> Replacement {
    let (_, s) = doc.locate(start);
    let (_, e) = doc.locate(end);
    Replacement {
        column: s.column,
        end_byte: end,
        end_column: e.column,
        end_line: e.line,
        line: s.line,
        start_byte: start,
        text: escaped(doc.format, text),
    }
}

// ---- O001: weak openers ------------------------------------------------

/// What follows a weak opener.
enum Object<'v> {
    Gerund(&'v VerbForms),
    Verb(&'v VerbForms),
    Noun,
}

fn opener(cat: &Catalogue, at: &Site<'_>) -> Vec<Edit> {
    let Some(entry) = cat.opener(&fold(at.flagged)) else {
        return Vec::new();
    };
    // "Was responsible for": the rule reads past the "was", the rewrite
    // replaces it too.
    let mut at = Site { ..*at };
    if !at.opens_item(at.start) {
        let before = &at.src()[..at.start];
        let word_end = before.trim_end_matches([' ', '\t']).len();
        let word_start = word_start(&before[..word_end]);
        let word = &before[word_start..word_end];
        if word_end == before.len()
            || !matches!(word.to_ascii_lowercase().as_str(), "was" | "were")
            || !at.opens_item(word_start)
        {
            return Vec::new();
        }
        at.start = word_start;
        at.flagged = &at.doc.source[word_start..at.end];
    }
    let at = &at;
    let src = at.src();
    let item_end = at.item_end(at.end);
    let gap = blanks(&src[at.end..item_end]);
    if gap == 0 {
        return Vec::new();
    }
    let mut verb_at = at.end + gap;
    let mut word = leading_word(&src[verb_at..item_end]);
    let lower = word.to_ascii_lowercase();
    let mut object = match cat.verbs.by_ing(&lower) {
        Some(v) => Object::Gerund(v),
        None => match cat.verbs.by_base(&lower) {
            Some(v) if !entry.verb.is_empty() => Object::Verb(v),
            _ => Object::Noun,
        },
    };
    // "Helped to migrate".
    if lower == "to" && !entry.verb.is_empty() {
        let after = verb_at + word.len();
        let g = blanks(&src[after..item_end]);
        let next = leading_word(&src[after + g..item_end]);
        if g > 0
            && let Some(v) = cat.verbs.by_base(&next.to_ascii_lowercase())
        {
            object = Object::Verb(v);
            verb_at = after + g;
            word = next;
        }
    }
    let tense = match entry.tense {
        Some(Tense::Role) => role_tense(cat, at),
        Some(t) => t,
        None => Tense::Past,
    };
    let form = |v: &VerbForms, t: Tense| match t {
        Tense::Present => v.base.clone(),
        Tense::Gerund => v.ing.clone(),
        Tense::Past | Tense::Role => v.past.clone(),
    };
    let (list, verb) = match object {
        Object::Gerund(v) => (&entry.gerund, Some(v)),
        Object::Verb(v) => (&entry.verb, Some(v)),
        Object::Noun => (&entry.noun, None),
    };
    let mut out = Vec::new();
    for s in list {
        let Some(v) = verb else {
            // A noun rewrite replaces the opener: the object must be words.
            let next = src[at.end + gap..item_end].chars().next();
            if next.is_some_and(char::is_alphanumeric) {
                out.push(Edit {
                    class: s.class,
                    description: s.description.clone(),
                    edits: vec![(at.start, at.end, cased(&s.text, at.flagged))],
                });
            }
            continue;
        };
        let names_plain = !s.text.contains("{verb}");
        let t = if names_plain { Tense::Present } else { tense };
        let chained = match chain(cat, src, verb_at + word.len(), item_end, &object) {
            Some(c) => c,
            None => continue,
        };
        let text = s
            .text
            .replace("{verb}", &form(v, t))
            .replace("{base}", &v.base);
        let mut edits = vec![(at.start, verb_at + word.len(), cased(&text, at.flagged))];
        for (from, to, v) in &chained.words {
            edits.push((*from, *to, form(v, t)));
        }
        let class = if chained.more_later {
            FixClass::Unsafe
        } else {
            s.class
        };
        out.push(Edit {
            class,
            description: s.description.clone(),
            edits,
        });
    }
    out
}

/// Verbs joined to the first ("building, testing and running X").
struct Chain<'v> {
    words: Vec<(usize, usize, &'v VerbForms)>,
    /// Another verb of the same form later in the bullet ("building
    /// pipelines and monitoring ..."), which may or may not belong to the
    /// opener: the rewrite is then a choice.
    more_later: bool,
}

/// The verbs chained to the first one, in its form; `None` when a word of
/// the chain looks like a verb the table does not know (the rewrite would
/// leave it in the wrong form).
fn chain<'v>(
    cat: &'v Catalogue,
    src: &str,
    mut pos: usize,
    end: usize,
    object: &Object<'_>,
) -> Option<Chain<'v>> {
    let gerund = matches!(object, Object::Gerund(_));
    let lookup = |w: &str| {
        let w = w.to_ascii_lowercase();
        if gerund {
            cat.verbs.by_ing(&w)
        } else {
            cat.verbs.by_base(&w)
        }
    };
    let mut words = Vec::new();
    loop {
        let rest = &src[pos..end];
        let joint = [", and ", ", ", " and ", " & ", " / ", "/"]
            .iter()
            .find(|j| rest.starts_with(*j));
        let Some(joint) = joint else { break };
        let w_at = pos + joint.len();
        let w = leading_word(&src[w_at..end]);
        match lookup(w) {
            Some(v) => {
                words.push((w_at, w_at + w.len(), v));
                pos = w_at + w.len();
            }
            None if gerund && w.ends_with("ing") && w.len() > 4 => return None,
            None => break,
        }
    }
    let tail = &src[pos..end];
    let sentence = &tail[..tail.find(['.', ';']).unwrap_or(tail.len())];
    let more_later = gerund
        && [" and ", ", ", " & "].iter().any(|j| {
            sentence
                .match_indices(j)
                .any(|(i, _)| lookup(leading_word(&sentence[i + j.len()..])).is_some())
        });
    Some(Chain { words, more_later })
}

/// The tense of a "responsible for" rewrite: past, unless the bullet's
/// role is current and more of its bullets open with a plain verb than
/// with a past one ("Maintain the ..." in a role held now).
fn role_tense(cat: &Catalogue, at: &Site<'_>) -> Tense {
    let role = at.doc.roles.iter().find(|r| {
        r.bullets.iter().any(|b| {
            let s = b.span();
            s.start <= at.start && at.start < s.end.max(s.start + 1)
        })
    });
    let Some(role) = role else {
        return Tense::Past;
    };
    if role.end != Some(DatePoint::Present) {
        return Tense::Past;
    }
    let (mut plain, mut past) = (0, 0);
    for b in &role.bullets {
        let w = leading_word(b.text.trim_start()).to_ascii_lowercase();
        if cat.verbs.by_base(&w).is_some() {
            plain += 1;
        } else if cat.verbs.by_past(&w).is_some() || w.ends_with("ed") {
            past += 1;
        }
    }
    if plain > past {
        Tense::Present
    } else {
        Tense::Past
    }
}

// ---- P001: unproven superlatives ----------------------------------------

/// Words after which a dropped adjective was the predicate ("innovative
/// and fast"), not praise of a following noun.
const NOT_A_HEAD: &[&str] = &[
    "and", "or", "but", "nor", "to", "for", "than", "as", "in", "at", "of", "with", "when",
    "because", "if",
];

fn superlative(cat: &Catalogue, at: &Site<'_>) -> Vec<Edit> {
    let Some(drop) = &cat.drop else {
        return Vec::new();
    };
    if !drop.words.contains(&fold(at.flagged)) {
        return Vec::new();
    }
    let src = at.src();
    let item_end = at.item_end(at.end);
    let after = &src[at.end..item_end];
    // The word the superlative praised, after a space or ", ".
    let skip = if let Some(r) = after.strip_prefix(',') {
        1 + blanks(r)
    } else {
        blanks(after)
    };
    if skip == 0 || (after.starts_with(',') && skip == 1) {
        return Vec::new();
    }
    let next_at = at.end + skip;
    let next = leading_word(&src[next_at..item_end]);
    let next_first = src[next_at..item_end].chars().next();
    if !next_first.is_some_and(char::is_alphanumeric)
        || NOT_A_HEAD.contains(&next.to_ascii_lowercase().as_str())
    {
        return Vec::new();
    }
    let before = &src[..at.start];
    let word_end = before.trim_end_matches([' ', '\t']).len();
    let prev_start = word_start(&before[..word_end]);
    let prev = &before[prev_start..word_end];
    // After a comma or a conjunction the superlative is one of a list
    // ("scalable, world-class platform", "fast and innovative tools"):
    // dropping it would leave the list hanging.
    // An adverb after a comma opens a clause (", significantly
    // improving ..."), which stands without it.
    let adverb = at.flagged.ends_with("ly");
    let listed = (before[..word_end].ends_with([',', ';', '/', '&']) && !adverb)
        || matches!(
            prev.to_ascii_lowercase().as_str(),
            "and" | "or" | "nor" | "but"
        );
    // At the opening of an item, or after a marker the extractor kept
    // (a replacement character before "Excellent communication"): the
    // next word takes the capital.
    let opening = at.opens_item(at.start)
        || (prev.is_empty() && !listed && !before[..word_end].ends_with(char::is_alphanumeric));
    let edits = if listed || (!opening && !before.ends_with([' ', '\t'])) {
        return Vec::new();
    } else if opening {
        // "World-class engineer ..." → "Engineer ...".
        let c = next_first.unwrap_or(' ');
        if at.flagged.starts_with(char::is_uppercase) && c.is_lowercase() {
            let upper: String = c.to_uppercase().collect();
            vec![(at.start, next_at + c.len_utf8(), upper)]
        } else {
            vec![(at.start, next_at, String::new())]
        }
    } else {
        match prev.to_ascii_lowercase().as_str() {
            "a" | "an" => {
                let Some(want) = article_for(next) else {
                    return Vec::new();
                };
                if prev.eq_ignore_ascii_case(want) {
                    vec![(at.start, next_at, String::new())]
                } else {
                    vec![(prev_start, next_at, cased(&format!("{want} "), prev))]
                }
            }
            _ => vec![(at.start, next_at, String::new())],
        }
    };
    vec![Edit {
        class: drop.class,
        description: drop.description.clone(),
        edits,
    }]
}

/// "a" or "an" before `word`, where its spelling tells: not before an
/// acronym, a digit, or a word whose first letter may sound either way
/// ("hour", "user", "one").
fn article_for(word: &str) -> Option<&'static str> {
    let mut chars = word.chars();
    let first = chars.next()?;
    if !first.is_ascii_lowercase() {
        return None;
    }
    match first {
        'a' | 'e' | 'i' => Some("an"),
        'o' if !word.starts_with("one") => Some("an"),
        'h' | 'u' | 'o' => None,
        _ => Some("a"),
    }
}

// ---- M003: vague quantifiers ---------------------------------------------

fn vague(cat: &Catalogue, at: &Site<'_>) -> Vec<Edit> {
    let Some(v) = &cat.vague else {
        return Vec::new();
    };
    let word = fold(at.flagged);
    let src = at.src();
    let item_end = at.item_end(at.end);
    // A LaTeX item's first "[" opens its optional label.
    let latex_item = at.doc.format == Format::Latex && at.opens_item(at.start);
    let mut out = Vec::new();
    if v.counts.contains(&word) {
        if !latex_item {
            out.push(Edit {
                class: FixClass::Unsafe,
                description: v.count_description.clone(),
                edits: vec![(at.start, at.end, v.count_text.clone())],
            });
        }
    } else if v.adverbs.contains(&word) {
        out.extend(by_how_much(cat, v, at, item_end));
        out.extend(drop_word(at, item_end, &v.drop_description));
    } else if v.adjectives.contains(&word) && !latex_item {
        let after = &src[at.end..item_end];
        let gap = blanks(after);
        let next = leading_word(&after[gap..]).to_ascii_lowercase();
        if gap > 0 && v.changes.contains(&next) {
            out.push(Edit {
                class: FixClass::Unsafe,
                description: v.adjective_description.clone(),
                edits: vec![(at.start, at.end, v.adjective_text.clone())],
            });
        }
    }
    out
}

/// "significantly reduced spend" → "reduced spend by [N]%"; "reduced
/// spend substantially after ..." → "reduced spend by [N]% after ...".
fn by_how_much(
    cat: &Catalogue,
    v: &catalogue::Vague,
    at: &Site<'_>,
    item_end: usize,
) -> Option<Edit> {
    let src = at.src();
    let after = &src[at.end..item_end];
    let gap = blanks(after);
    let next = leading_word(&after[gap..]).to_ascii_lowercase();
    let ends_clause = after[gap..].is_empty()
        || after[gap..].starts_with([',', '.', ';', ')'])
        || v.clause_breaks.contains(&next);
    let edit = |edits| Edit {
        class: FixClass::Unsafe,
        description: v.adverb_description.clone(),
        edits,
    };
    if ends_clause && !at.opens_item(at.start) {
        if next == "by" {
            return None;
        }
        return Some(edit(vec![(at.start, at.end, v.adverb_text.clone())]));
    }
    // Before the verb: the verb must be one ("significantly more users"
    // has none to measure by).
    let is_verb = cat.verbs.by_past(&next).is_some()
        || cat.verbs.by_base(&next).is_some()
        || cat.verbs.by_ing(&next).is_some()
        || (next.len() > 4 && next.ends_with("ed"));
    if gap == 0 || !is_verb {
        return None;
    }
    let verb_at = at.end + gap;
    // The object ends at a clause break word or punctuation.
    let mut pos = verb_at + next.len();
    let mut insert_at = pos;
    loop {
        let rest = &src[pos..item_end];
        let g = blanks(rest);
        let w = leading_word(&rest[g..]);
        if g == 0 || w.is_empty() {
            break;
        }
        let lw = w.to_ascii_lowercase();
        if v.clause_breaks.contains(&lw) {
            if lw == "by" {
                return None;
            }
            break;
        }
        pos += g + w.len();
        // Words with digits or markup end the plain run too.
        if !src[pos..item_end].starts_with([' ', '\t']) {
            insert_at = pos;
            let c = src[pos..item_end].chars().next();
            if !matches!(c, None | Some(',' | '.' | ';' | ')' | ':')) {
                return None;
            }
            break;
        }
        insert_at = pos;
    }
    let mut edits = Vec::new();
    edits.push(head_drop(at, verb_at));
    edits.push((insert_at, insert_at, format!(" {}", v.adverb_text)));
    Some(edit(edits))
}

/// Deletes the flagged word and the blanks after it; at the item's
/// opening the next word takes its capital.
fn head_drop(at: &Site<'_>, next_at: usize) -> (usize, usize, String) {
    let src = at.src();
    let c = src[next_at..].chars().next().unwrap_or(' ');
    if at.opens_item(at.start) && at.flagged.starts_with(char::is_uppercase) && c.is_lowercase() {
        (at.start, next_at + c.len_utf8(), c.to_uppercase().collect())
    } else {
        (at.start, next_at, String::new())
    }
}

/// The intensifier dropped: "significantly improved" → "improved".
fn drop_word(at: &Site<'_>, item_end: usize, description: &str) -> Option<Edit> {
    let src = at.src();
    let after = &src[at.end..item_end];
    let gap = blanks(after);
    let edits = if gap > 0 && after[gap..].starts_with(char::is_alphanumeric) {
        head_drop(at, at.end + gap)
    } else {
        // Last word of a clause: the blanks before it go.
        let before = &src[..at.start];
        let trimmed = before.trim_end_matches([' ', '\t']).len();
        if trimmed == before.len() || at.opens_item(at.start) {
            return None;
        }
        (trimmed, at.end, String::new())
    };
    Some(Edit {
        class: FixClass::Unsafe,
        description: description.to_string(),
        edits: vec![edits],
    })
}

#[cfg(test)]
mod tests;
