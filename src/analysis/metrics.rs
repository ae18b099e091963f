//! Metric detection: which figures in a bullet are quantified results.
//!
//! Counts numbers with units or nouns ("3 teams", "10M users", "500+
//! tickets"), percentages, money, multipliers, durations, rankings and
//! "from X to Y"; skips years, dates, versions and product names ("Python
//! 3", "EC2", "GPT-4"), tenure ("for 2 years"), phone numbers, GPAs and
//! list numbering. Word lists come from the lexicon.

use std::ops::Range;
use std::sync::LazyLock;

use crate::pattern::Regex;

use crate::lexicon::{Lexicon, PhraseHits, PhraseList};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MetricKind {
    Percent,
    Money,
    Multiplier,
    Magnitude,
    Duration,
    Count,
    Ranking,
}

/// One quantified figure in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Metric {
    pub range: Range<usize>,
    pub kind: MetricKind,
    /// The figure's value where it has one (40 for "40%", 3 for "3x").
    pub value: Option<f64>,
}

/// Compiles the metric patterns without searching with them: the first
/// thread to search keeps a regex's fastest scratch space, and that should
/// be the thread that lints, not the one that warms up.
pub fn compile_patterns() {
    for re in [
        &NUMBER_RE,
        &EXCLUDED_RE,
        &FROM_TO_RE,
        &FRACTION_RE,
        &RANKING_RE,
    ] {
        LazyLock::force(re);
    }
}

static NUMBER_RE: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(
        r"(?x)
        (?P<cur>[$€£¥₹]\s?)?
        (?P<num>\d{1,3}(?:,\d{3})+|\d+)(?P<dec>\.\d+)?
        (?P<range>\s?[-–—]\s?[$€£¥₹]?\d+(?:\.\d+)?)?
        (?P<suffix>\+|[%×]|[A-Za-zµ]+(?:/[A-Za-z]+)?)?
        ",
    )
    .expect("number regex")
});

/// Spans that hold digits but no result: phones, GPAs, dates, URLs, emails,
/// ratios such as "24/7" or "3.8/4.0", and versions "3.8.1".
static EXCLUDED_RE: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(
        r"(?xi)
          \+?\(?\d{2,4}\)?[\s.-]\d{3,4}[\s.-]\d{3,5}\b          # phone
        | \b(?:c?gpa|cpi|grade)\s*:?\s*\d+(?:\.\d+)?(?:\s*/\s*\d+(?:\.\d+)?)?  # GPA
        | \b\d+(?:\.\d+)?\s*/\s*\d+(?:\.\d+)?\b                 # ratio, 24/7
        | \b\d+\s?[x×]\s?\d+\b                                   # 24x7, 1920x1080
        | \b\d+\.\d+\.\d+(?:\.\d+)*\b                          # version 3.8.1
        | \bv\d+(?:\.\d+)*\b                                    # v2
        | \b(?:https?://|www\.)\S+                              # URL
        | \S+@\S+                                               # email
        | \b(?:q[1-4]|h[12]|fy)\s?'?\d{2,4}\b                    # Q3 2021, FY23
        | \b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d\b
        ",
    )
    .expect("excluded regex")
});

static FROM_TO_RE: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(r"(?i)\bfrom\s+[~$€£]?\d[\d,.]*\s*\S*\s+to\s+[~$€£]?\d[\d,.]*")
        .expect("from-to regex")
});

/// "1/2 of the team", "3/4 of requests": a share, though it looks like a ratio.
static FRACTION_RE: LazyLock<Regex> =
    LazyLock::new(|| crate::pattern::compile(r"\b\d{1,2}/\d{1,2}\s+of\b").expect("fraction regex"));

static RANKING_RE: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(
        r"(?i)\btop\s+\d+(?:\.\d+)?\s*%?|#\d+\b|\b(?:\d+\s?(?:st|nd|rd|th)|first|second|third)\s+(?:place|prize|rank|position|runner[- ]up)\b|\branked\s+(?:#?\d+|first|second|third)",
    )
    .expect("ranking regex")
});

/// Finds every quantified figure in `text`.
pub fn find_metrics(text: &str, lex: &Lexicon) -> Vec<Metric> {
    find_metrics_with(text, lex, &lex.bullet_phrases.scan(text))
}

/// [`find_metrics`] with the text's phrase matches already found.
pub fn find_metrics_with(text: &str, lex: &Lexicon, phrases: &PhraseHits) -> Vec<Metric> {
    let mut out = Vec::new();
    // Most lines hold no digit: then only the word-based figures ("doubled",
    // "dozens of", "first place") can be there.
    if text.bytes().any(|b| b.is_ascii_digit()) {
        find_numeric(text, lex, &mut out);
    } else if has_ranking_word(text) {
        push_rankings(text, &mut out);
    }
    find_words(text, lex, phrases, &mut out);
    out.sort_by_key(|m| m.range.start);
    out
}

/// "first", "second", "third": the digit-free rankings ("first place").
fn has_ranking_word(text: &str) -> bool {
    let b = text.as_bytes();
    // Found from their rarer letters ("f", "c", "h"), with SIMD, in each
    // case: most bullets have none of the words, and are read once per
    // case instead of byte by byte.
    let word_at = |i: usize, back: usize, word: &[u8]| {
        i.checked_sub(back)
            .and_then(|s| b.get(s..s + word.len()))
            .is_some_and(|w| w.eq_ignore_ascii_case(word))
    };
    let found = |i: usize| match b[i] | 0x20 {
        b'f' => word_at(i, 0, b"first"),
        b'c' => word_at(i, 2, b"secon"),
        _ => word_at(i, 1, b"third"),
    };
    memchr::memchr3_iter(b'f', b'c', b'h', b).any(found)
        || memchr::memchr3_iter(b'F', b'C', b'H', b).any(found)
}

fn push_rankings(text: &str, out: &mut Vec<Metric>) {
    for m in RANKING_RE.find_iter(text) {
        out.push(Metric {
            range: m.range(),
            kind: MetricKind::Ranking,
            value: None,
        });
    }
}

/// Figures written with digits.
fn find_numeric(text: &str, lex: &Lexicon, out: &mut Vec<Metric>) {
    let excluded: Vec<Range<usize>> = EXCLUDED_RE.find_iter(text).map(|m| m.range()).collect();
    let is_excluded = |r: &Range<usize>| {
        excluded
            .iter()
            .any(|e| e.start <= r.start && r.end <= e.end)
    };
    push_rankings(text, out);
    for m in FRACTION_RE.find_iter(text) {
        out.push(Metric {
            range: m.range(),
            kind: MetricKind::Count,
            value: None,
        });
    }
    for m in FROM_TO_RE.find_iter(text) {
        // "from 11.2.0.1 to 11.2.0.4" is an upgrade between versions.
        let holds_excluded = excluded.iter().any(|e| overlaps(e, &m.range()));
        if !holds_excluded && !looks_like_year_range(m.as_str()) {
            out.push(Metric {
                range: m.start()..m.end() + unit_after(m.as_str(), &text[m.end()..]),
                kind: MetricKind::Count,
                value: None,
            });
        }
    }

    for c in NUMBER_RE.captures_iter(text) {
        let whole = c.get(0).expect("match");
        let num = c.name("num").expect("num");
        let range = whole.range();
        if is_excluded(&range) || out.iter().any(|m: &Metric| overlaps(&m.range, &range)) {
            continue;
        }
        if let Some(kind) = classify_number(text, &c, lex) {
            let value = num.as_str().replace(',', "").parse::<f64>().ok().map(|v| {
                v + c
                    .name("dec")
                    .and_then(|d| d.as_str().parse::<f64>().ok())
                    .unwrap_or(0.0)
            });
            let end = extend_over_unit(text, whole.end(), lex);
            out.push(Metric {
                range: range.start..end,
                kind,
                value,
            });
        }
    }
}

/// Figures written in words: "doubled", "dozens of teams".
fn find_words(text: &str, lex: &Lexicon, phrases: &PhraseHits, out: &mut Vec<Metric>) {
    for r in phrases.get(PhraseList::Multiplier).iter().cloned() {
        out.push(Metric {
            range: r,
            kind: MetricKind::Multiplier,
            value: None,
        });
    }
    for r in phrases.get(PhraseList::Number).iter().cloned() {
        if let Some(next) = next_word(text, r.end) {
            let next_l = next.to_lowercase();
            // "over five years of R&D", "older than five days": a length or a
            // setting, as with digits.
            if unit_kind(&next_l) == MetricKind::Duration
                && tenure_or(text, r.end, r.start, lex, MetricKind::Duration).is_none()
            {
                continue;
            }
            let counts = next_l == "of" && r.end > 0 && text[r.clone()].ends_with('s')
                || (next.chars().all(|c| c.is_alphabetic() || c == '-')
                    && !lex.not_count_nouns.contains(&next_l));
            if counts && !out.iter().any(|m| overlaps(&m.range, &r)) {
                out.push(Metric {
                    range: r,
                    kind: MetricKind::Count,
                    value: None,
                });
            }
        }
    }
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// The length of the unit that closes a "from X unit to Y" range: the
/// regex stops at Y's digits, so "from 800 ms to 120 ms" would lose its
/// last "ms" and "from 40k to 12k" its "k". The unit is the first side's,
/// glued ("40k", "40%") or a separate word ("800 ms").
fn unit_after(matched: &str, rest: &str) -> usize {
    let mut words = matched.split_whitespace().skip(1);
    let first = words.next().unwrap_or("");
    let glued = first.trim_start_matches(|c: char| !c.is_ascii_digit());
    let glued = glued.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ',');
    let word = words.next().filter(|w| !w.eq_ignore_ascii_case("to"));
    let unit = if glued.is_empty() { word } else { Some(glued) };
    let Some(unit) = unit.filter(|u| u.chars().all(|c| c.is_alphabetic() || c == '%')) else {
        return 0;
    };
    // A glued unit follows at once; a word unit after one space.
    let tail = if glued.is_empty() {
        match rest.strip_prefix(' ') {
            Some(t) => t,
            None => return 0,
        }
    } else {
        rest
    };
    let ends = tail
        .get(unit.len()..)
        .is_some_and(|after| after.chars().next().is_none_or(|c| !c.is_alphanumeric()));
    if ends && tail[..unit.len()].eq_ignore_ascii_case(unit) {
        rest.len() - tail.len() + unit.len()
    } else {
        0
    }
}

fn looks_like_year_range(s: &str) -> bool {
    static YEARS: LazyLock<Regex> = LazyLock::new(|| {
        crate::pattern::compile(r"(?i)^from\s+(?:19|20)\d\d\s+to\s+(?:(?:19|20)\d\d|present)")
            .expect("regex")
    });
    YEARS.is_match(s)
}

/// The word that follows `pos`, skipping spaces.
fn next_word(text: &str, pos: usize) -> Option<&str> {
    // "5-person team": the noun after a hyphen counts as the next word.
    // "(20) team members": the noun after a closing parenthesis.
    let rest = text[pos..].trim_start();
    let rest = rest.strip_prefix([')', ']']).map_or(rest, str::trim_start);
    let rest = rest
        .strip_prefix('-')
        .filter(|r| r.starts_with(char::is_alphabetic))
        .unwrap_or(rest);
    let end = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '/' || c == '%' || c == 'µ'))
        .unwrap_or(rest.len());
    let w = rest[..end].trim_end_matches(['-', '/']);
    if w.is_empty() {
        // A lone symbol ("%") is a word of its own.
        rest.chars()
            .next()
            .filter(|c| *c == '%')
            .map(|_| &rest[..1])
    } else {
        Some(w)
    }
}

/// The word before `pos`, lowercased, skipping spaces.
fn prev_words(text: &str, pos: usize, n: usize) -> Vec<String> {
    text[..pos]
        .split(|c: char| c.is_whitespace() || c == '(' || c == ',')
        .filter(|w| !w.is_empty())
        .rev()
        .take(n)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '#' && c != '+' && c != '.')
                .to_lowercase()
        })
        .collect()
}

fn extend_over_unit(text: &str, end: usize, lex: &Lexicon) -> usize {
    match next_word(text, end) {
        Some(w) if lex.units.contains(&w.to_lowercase()) => {
            let start = end + (text[end..].len() - text[end..].trim_start().len());
            start + w.len()
        }
        _ => end,
    }
}

fn classify_number(
    text: &str,
    c: &crate::pattern::Captures<'_>,
    lex: &Lexicon,
) -> Option<MetricKind> {
    let whole = c.get(0)?;
    let start = whole.start();
    let before = text[..start].chars().next_back();
    let num = c.name("num")?.as_str();
    let has_dec = c.name("dec").is_some();
    let suffix = c.name("suffix").map(|m| m.as_str()).unwrap_or("");

    // Digits glued to a word are part of a name: EC2, S3, GPT-4, ResNet-50.
    if let Some(b) = before {
        if b.is_alphanumeric() || b == '_' || b == '.' {
            return None;
        }
        if b == '-' || b == '/' {
            let b2 = text[..start - b.len_utf8()].chars().next_back();
            if b2.is_some_and(|c| c.is_alphanumeric()) {
                return None;
            }
        }
        if b == '#' {
            return Some(MetricKind::Ranking);
        }
    }
    if c.name("cur").is_some() {
        return Some(MetricKind::Money);
    }
    let prev = prev_words(text, start, 2);
    let prev1 = prev.first().map(String::as_str).unwrap_or("");
    if lex.currency_words.contains(prev1) {
        return Some(MetricKind::Money);
    }
    if set_after(text, start, lex) {
        return None;
    }
    match suffix {
        "%" => return Some(MetricKind::Percent),
        "×" => return Some(MetricKind::Multiplier),
        "+" => return tenure_or(text, whole.end(), start, lex, MetricKind::Count),
        "" => {}
        s => {
            let s_l = s.to_lowercase();
            if s_l == "x" {
                return Some(MetricKind::Multiplier);
            }
            if lex.units.contains(&s_l) {
                return tenure_or(text, whole.end(), start, lex, unit_kind(&s_l));
            }
            // 3D, 2FA, 5G, 9am, 2nd: not a figure.
            return None;
        }
    }

    let next = next_word(text, whole.end());
    let next_l = next.map(str::to_lowercase);

    if let Some(n) = next_l.as_deref() {
        if n == "%" || n == "percent" || n == "pct" {
            return Some(MetricKind::Percent);
        }
        if lex.units.contains(n) {
            return tenure_or(text, whole.end(), start, lex, unit_kind(n));
        }
    }
    // A version after a product name: "Python 3", "Windows 10", "Spring Boot 2".
    let prev2 = prev.get(1).map(|w| format!("{w} {prev1}"));
    if lex.versioned_products.contains(prev1)
        || prev2.is_some_and(|p| lex.versioned_products.contains(&p))
    {
        return None;
    }
    if between_names(text, start, whole.end()) {
        return None;
    }
    let year_like = !has_dec
        && c.name("range").is_none()
        && num.len() == 4
        && num.parse::<u16>().is_ok_and(|y| (1950..=2039).contains(&y));
    // "0-to-1" and "24-48" hold digits: no noun.
    let is_count_noun = |w: &str| {
        w.chars().next().is_some_and(|c| c.is_alphabetic())
            && !w.chars().any(|c| c.is_ascii_digit())
            && !lex.not_count_nouns.contains(w)
    };
    if year_like {
        // "2000 users" is a count; "in 2019" and "2019 hackathon" are years.
        let plural_noun = next_l
            .as_deref()
            .is_some_and(|w| is_count_noun(w) && w.ends_with('s') && w.len() > 3);
        let dated = lex.year_lead_ins.contains(prev1);
        return (plural_noun && !dated).then_some(MetricKind::Count);
    }
    if has_dec {
        // A bare decimal after a capitalised word is a version ("Angular 1.5").
        let after_name = text[..start]
            .split_whitespace()
            .next_back()
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
        if after_name && !next_l.as_deref().is_some_and(is_count_noun) {
            return None;
        }
    }
    if let Some(n) = next_l.as_deref()
        && is_count_noun(n)
    {
        return Some(MetricKind::Count);
    }
    // "80 plus customers" is "80+ customers".
    if next_l.as_deref() == Some("plus")
        && let Some(after) = next.and_then(|w| {
            let at = text[whole.end()..].find(w)? + whole.end() + w.len();
            next_word(text, at)
        })
        && is_count_noun(&after.to_lowercase())
    {
        return Some(MetricKind::Count);
    }
    // A bare figure at the end of a phrase counts after words that take a
    // quantity: "a team of 5", "grew to 300", "by 40".
    if lex.quantity_lead_ins.contains(prev1)
        && (next.is_none()
            || next_l
                .as_deref()
                .is_some_and(|w| lex.not_count_nouns.contains(w)))
    {
        return Some(MetricKind::Count);
    }
    None
}

fn unit_kind(unit: &str) -> MetricKind {
    match unit {
        "%" | "percent" | "pct" | "pp" | "bps" | "basis points" => MetricKind::Percent,
        "x" | "fold" => MetricKind::Multiplier,
        "usd" | "eur" | "gbp" | "dollars" | "euros" | "pounds" | "rupees" | "inr" | "lakh"
        | "lakhs" | "crore" | "crores" => MetricKind::Money,
        "ms" | "µs" | "us" | "ns" | "s" | "sec" | "secs" | "second" | "seconds" | "min"
        | "mins" | "minute" | "minutes" | "h" | "hr" | "hrs" | "hour" | "hours" | "day"
        | "days" | "week" | "weeks" | "month" | "months" | "year" | "years" | "yr" | "yrs" => {
            MetricKind::Duration
        }
        _ => MetricKind::Magnitude,
    }
}

/// Durations of years or months after "for", "over", "with" ..., or before
/// "of experience", are tenure, not results.
fn tenure_or(
    text: &str,
    end: usize,
    start: usize,
    lex: &Lexicon,
    kind: MetricKind,
) -> Option<MetricKind> {
    let unit_end = extend_over_unit(text, end, lex);
    let unit = text[start..unit_end].to_lowercase();
    let long_unit = ["year", "yr", "month"].iter().any(|u| unit.contains(u));
    if set_after(text, start, lex) {
        return None;
    }
    if !long_unit {
        return Some(kind);
    }
    let prev = prev_words(text, start, 1);
    // "3-month course" and "25-year-old" follow the unit after a hyphen.
    let after = text[unit_end..]
        .trim_start_matches(|c: char| c.is_whitespace() || c == '-' || c == 's')
        .to_lowercase();
    let follows = |w: &String| {
        after.starts_with(w.as_str())
            && !after[w.len()..].starts_with(|c: char| c.is_alphanumeric())
    };
    let tenure = prev
        .first()
        .is_some_and(|p| lex.tenure_lead_ins.contains(p))
        || lex.duration_follow_ons.iter().any(follows);
    (!tenure).then_some(MetricKind::Duration)
}

/// Whether the words before `start` make the figure a setting or a cadence
/// ("older than 5 days", "every 10 minutes").
fn set_after(text: &str, start: usize, lex: &Lexicon) -> bool {
    let before = text[..start].trim_end().to_lowercase();
    lex.setting_lead_ins.iter().any(|w| {
        before.ends_with(w.as_str())
            && !before[..before.len() - w.len()].ends_with(|c: char| c.is_alphanumeric())
    })
}

/// A bare number between two capitalised words names a model or an
/// edition ("Cisco 7200 Router", "Exchange 2007 Basic"); the first word of
/// the text is capitalised as a sentence start, so it does not count.
fn between_names(text: &str, start: usize, end: usize) -> bool {
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let head = text[..start].trim_end();
    let Some(prev) = head.split_whitespace().next_back() else {
        return false;
    };
    let not_first = head.len() > prev.len();
    let next = text[end..].split_whitespace().next().unwrap_or("");
    not_first
        && capital(prev)
        && prev.chars().all(char::is_alphanumeric)
        && capital(next)
        && next.chars().all(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranking_words_are_found_in_any_case_and_place() {
        let naive = |t: &str| {
            t.as_bytes().windows(5).any(|w| {
                w.eq_ignore_ascii_case(b"first")
                    || w.eq_ignore_ascii_case(b"secon")
                    || w.eq_ignore_ascii_case(b"third")
            })
        };
        for t in [
            "",
            "firs",
            "first",
            "FIRST place",
            "won SECOND",
            "a thirD",
            "Third",
            "fist sit tit",
            "ﬁrst",
            "café first",
            "xfirst",
            "sssssecon",
        ] {
            assert_eq!(has_ranking_word(t), naive(t), "{t:?}");
        }
        assert!(has_ranking_word("won SECOND prize"));
        assert!(!has_ranking_word("fist sit tit"));
    }

    fn kinds(text: &str) -> Vec<MetricKind> {
        find_metrics(text, &Lexicon::embedded())
            .into_iter()
            .map(|m| m.kind)
            .collect()
    }

    #[test]
    fn counts_real_metrics() {
        for (text, kind) in [
            ("Cut p99 latency by 40%", MetricKind::Percent),
            ("Grew revenue 25 percent", MetricKind::Percent),
            ("Saved $2M a year", MetricKind::Money),
            ("Won a €300k grant", MetricKind::Money),
            ("Made training 3x faster", MetricKind::Multiplier),
            ("Doubled throughput", MetricKind::Multiplier),
            ("Served 10M users", MetricKind::Magnitude),
            ("Closed 500+ tickets", MetricKind::Count),
            ("Led 3 teams", MetricKind::Count),
            ("Shipped two tools", MetricKind::Count),
            ("Brought p50 down to 200 ms", MetricKind::Duration),
            ("Finished in the top 5% of entrants", MetricKind::Ranking),
            ("Managed a team of 5.", MetricKind::Count),
            ("Mentored 15-20 engineers", MetricKind::Count),
            (
                "Reduced build time from 40 to 12 minutes",
                MetricKind::Count,
            ),
            ("Onboarded 2000 customers", MetricKind::Count),
            ("Handled 1,200 requests per second", MetricKind::Count),
            ("Trained hundreds of analysts", MetricKind::Count),
            ("Managed a 5-person development team", MetricKind::Count),
            ("Owned 1/2 of the iOS codebase", MetricKind::Count),
        ] {
            assert!(kinds(text).contains(&kind), "{text}: {:?}", kinds(text));
        }
    }

    #[test]
    fn from_to_ranges_keep_their_unit() {
        let phrase = |text: &str| {
            let m = find_metrics(text, &Lexicon::embedded());
            m.iter()
                .map(|m| text[m.range.clone()].to_string())
                .collect::<Vec<_>>()
        };
        let got = phrase("Cut p99 from 800 ms to 120 ms by caching");
        assert!(
            got.contains(&"from 800 ms to 120 ms".to_string()),
            "{got:?}"
        );
        let got = phrase("Cut spend from $40k to $12k a month");
        assert!(got.contains(&"from $40k to $12k".to_string()), "{got:?}");
        // The unit is mirrored, never a following word.
        let got = phrase("Grew the team from 3 to 5 in a year");
        assert!(got.contains(&"from 3 to 5".to_string()), "{got:?}");
        let got = phrase("Moved from 800 ms to 120 msec");
        assert!(got.contains(&"from 800 ms to 120".to_string()), "{got:?}");
    }

    #[test]
    fn skips_numbers_that_are_not_results() {
        for text in [
            "Built services in Python 3 and Java 8",
            "Rewrote the UI in HTML5 on EC2 with S3",
            "Fine-tuned GPT-4 and ResNet-50 models",
            "Supported Windows 10 rollout in 2019",
            "Worked as an analyst for 2 years",
            "5+ years of experience in data engineering",
            "Phone: +1 555-123-4567",
            "GPA: 3.8/4.0",
            "Provided 24/7 on-call support",
            "Upgraded Angular 1.5 to Angular 8",
            "Q3 2021 planning with 3D models and 2FA",
            "Graduated in 2018 from MIT",
            "Migrated Python 3.8.10 services",
            "Worked on Level 2 support",
        ] {
            assert!(
                kinds(text).is_empty(),
                "{text}: {:?}",
                find_metrics(text, &Lexicon::embedded())
            );
        }
    }

    #[test]
    fn values_are_read() {
        let m = find_metrics("Reduced cost by 150%", &Lexicon::embedded());
        assert_eq!(m[0].value, Some(150.0));
        assert_eq!(m[0].range, 16..20);
    }
}
