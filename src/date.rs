//! Resume dates: "Jan 2020", "Sept. 2019", "2019-03", "03/2019", "2019",
//! "Present", and ranges between them. Resumes rarely give days, and
//! general date libraries reject month-only dates, so this is our own.

use std::fmt;
use std::sync::LazyLock;

use crate::lexicon::Lexicon;
use crate::pattern::Regex;
use serde::{Serialize, Serializer};

/// A point in time as precise as the source states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    pub year: u16,
    pub month: Option<u8>,
}

impl YearMonth {
    pub fn new(year: u16, month: Option<u8>) -> Self {
        YearMonth { year, month }
    }

    /// Months since year 0, taking a missing month as `default_month`.
    pub fn months(self, default_month: u8) -> i32 {
        i32::from(self.year) * 12 + i32::from(self.month.unwrap_or(default_month)) - 1
    }

    /// Parses "YYYY" or "YYYY-MM".
    pub fn parse_iso(s: &str) -> Option<Self> {
        let s = s.trim();
        let (y, m) = match s.split_once('-') {
            Some((y, m)) => (y, Some(m)),
            None => (s, None),
        };
        let year: u16 = y.parse().ok().filter(|y| (1900..=2100).contains(y))?;
        let month = match m {
            Some(m) => Some(m.parse::<u8>().ok().filter(|m| (1..=12).contains(m))?),
            None => None,
        };
        Some(YearMonth { year, month })
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.month {
            Some(m) => write!(f, "{:04}-{:02}", self.year, m),
            None => write!(f, "{:04}", self.year),
        }
    }
}

/// One end of a role's dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatePoint {
    At(YearMonth),
    Present,
}

impl DatePoint {
    /// Months since year 0; "present" is `today`.
    pub fn months(self, today: YearMonth, default_month: u8) -> i32 {
        match self {
            DatePoint::At(ym) => ym.months(default_month),
            DatePoint::Present => today.months(default_month),
        }
    }
}

impl fmt::Display for DatePoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DatePoint::At(ym) => ym.fmt(f),
            DatePoint::Present => f.write_str("present"),
        }
    }
}

impl Serialize for DatePoint {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A date range found in a line of text, with its byte range in that line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundRange {
    pub start: Option<DatePoint>,
    pub end: Option<DatePoint>,
    pub range: std::ops::Range<usize>,
}

/// "Present" in English and in the other languages resumes are written in
/// (German "heute", French "aujourd'hui", Spanish "actualidad", ...): the
/// `[dates] present` words of the embedded lexicon, as one alternation.
/// A word ending in a Latin letter carries its own word boundary
/// ("present", not "presentation"); one in another script ("至今") has
/// none to carry, as boundaries are ASCII (see `crate::pattern`).
static PRESENT: LazyLock<String> = LazyLock::new(|| {
    let words = &Lexicon::embedded().present_words;
    alternatives(words.iter().map(|w| {
        let escaped = regex_syntax::escape(w);
        if w.ends_with(|c: char| c.is_ascii_alphanumeric()) {
            format!("{escaped}\\b")
        } else {
            escaped
        }
    }))
});

/// "since", "seit", "depuis": `[dates] since`.
static SINCE: LazyLock<String> = LazyLock::new(|| alternation(&Lexicon::embedded().since_words));

/// Words as a non-capturing alternation, longest first, each escaped.
fn alternation(words: &[String]) -> String {
    alternatives(words.iter().map(|w| regex_syntax::escape(w)))
}

/// Alternatives as one non-capturing group, the longest first (so the
/// longest word at a place is the one matched).
fn alternatives(alts: impl Iterator<Item = String>) -> String {
    let mut alts: Vec<String> = alts.collect();
    alts.sort_by_key(|a| std::cmp::Reverse(a.len()));
    if alts.is_empty() {
        // No word at all: an alternative that never matches.
        return r"(?:[^\s\S])".to_string();
    }
    format!("(?:{})", alts.join("|"))
}

/// The date expressions, built for one list of month names. Every month
/// name is in each of them, some twice, and the six languages' names made
/// them a large part of a one-file run to compile: so there are two sets,
/// one with the `[dates] common-months` alone and one with all `months`,
/// and a line is read with the full set only when it could need it
/// ([`needs_every_month`]).
struct Expressions {
    range: Regex,
    pair: Regex,
    shared_year: Regex,
    open: Regex,
    since: Regex,
    single: Regex,
    one: Regex,
    /// What may follow a start whose end a line break cut off.
    cut_tail: Regex,
}

static COMMON: LazyLock<Expressions> =
    LazyLock::new(|| Expressions::new(&Lexicon::embedded().common_months));

static EVERY: LazyLock<Expressions> = LazyLock::new(|| {
    let names: Vec<String> = Lexicon::embedded()
        .month_names
        .iter()
        .map(|(n, _)| n.clone())
        .collect();
    Expressions::new(&names)
});

/// The names in `months` but not in `common-months` that are all ASCII,
/// lowercase: the ones a line of ASCII words can hold.
static OTHER_MONTHS: LazyLock<std::collections::HashSet<String>> = LazyLock::new(|| {
    let lex = Lexicon::embedded();
    lex.month_names
        .iter()
        .map(|(n, _)| n)
        .filter(|n| n.is_ascii() && !lex.common_months.contains(n))
        .cloned()
        .collect()
});

/// Whether `s` may hold a month name that is not common. In every
/// expression a month name follows the start, a non-word character or a
/// space, and is followed by no letter; so in a line whose runs of letters
/// are all ASCII, a month name is a whole run. A run that is not ASCII
/// ("Zürich", or a case folding such as the Kelvin sign for "k") is taken
/// to need the full set.
fn needs_every_month(s: &str) -> bool {
    let mut start = None;
    for (i, c) in s.char_indices().chain([(s.len(), ' ')]) {
        match (c.is_alphabetic(), start) {
            (true, None) => start = Some(i),
            (true, Some(_)) => {}
            (false, Some(from)) => {
                let run = &s[from..i];
                if !run.is_ascii() || OTHER_MONTHS.contains(&run.to_ascii_lowercase()) {
                    return true;
                }
                start = None;
            }
            (false, None) => {}
        }
    }
    false
}

fn expressions(s: &str) -> &'static Expressions {
    if needs_every_month(s) {
        &EVERY
    } else {
        &COMMON
    }
}

impl Expressions {
    fn new(months: &[String]) -> Self {
        // A month's name ("Jan", "März", "juillet"), with an optional "."
        // or "'" after.
        let month = format!("{}['.]?", alternation(months));
        let month = month.as_str();
        let present = PRESENT.as_str();
        let since = SINCE.as_str();
        // One date: "Jan 2020", "January, 2020", "2019-03", "03/2019",
        // "3.2019", "2019"; "'19" is not accepted.
        let d = format!(
            r"(?:{month},?\s*(?:19|20)\d\d|(?:19|20)\d\d[-/.](?:0?[1-9]|1[0-2])(?:[-/.](?:0?[1-9]|[12]\d|3[01]))?\b|(?:0?[1-9]|1[0-2])[/.](?:19|20)\d\d|(?:19|20)\d\d)"
        );
        // A month-precise date, for PAIR below.
        let m = format!(
            r"(?:{month},?\s*(?:19|20)\d\d|(?:19|20)\d\d[-/.](?:0?[1-9]|1[0-2])|(?:0?[1-9]|1[0-2])[/.](?:19|20)\d\d)"
        );
        let compile = |what: &str, pattern: String| {
            crate::pattern::compile(&pattern).unwrap_or_else(|e| panic!("{what} regex: {e}"))
        };
        Expressions {
            // "2013/2014 – 2018", "2019/20 – 2021": a start given as two
            // years (not sure which, or an academic year) starts in the
            // first.
            range: compile(
                "date range",
                format!(
                    r"(?i)\b(?P<start>{d})(?:/(?:19|20)?\d\d)?\s*(?:->|[-–—−~]+|\bto\b|\buntil\b|\btill\b|→)\s*(?P<end>(?:{d})\b|{present})"
                ),
            ),
            // "Sep. 2023 Mar. 2024", "02/2018 12/2018": two month-precise
            // dates with only spaces between, as PDFs whose dash glyph has
            // no text (Awesome-CV) or two-column builders print a range.
            // Bare years are left out: "2019 2020" is as often two
            // separate facts.
            pair: compile(
                "date pair",
                format!(r"(?i)\b(?P<start>{m})\s{{1,3}}(?P<end>(?:{m})\b|{present})"),
            ),
            // "Jul – Nov 2013", "Nov 2007 – Jan 2008" written "Nov – Jan
            // 2008": two months sharing the end's year.
            shared_year: compile(
                "shared-year",
                format!(
                    r"(?i)\b(?P<m1>{month})\s*(?:[-–—−]+|\bto\b)\s*(?P<m2>{month}),?\s*(?P<y>(?:19|20)\d\d)\b"
                ),
            ),
            // "2024-      CROWDSTRIKE ...": an open range at the start of a
            // line, the end left blank for "now".
            open: compile(
                "open range",
                format!(r"(?i)^\s*(?P<start>{d})\s*[-–—]+(?:\s{{2,}}|\s*$)"),
            ),
            since: compile("since", format!(r"(?i)\b{since}\s+(?P<start>{d})\b")),
            single: compile(
                "single date",
                format!(
                    r"(?i)\b(?P<start>{month},?\s*(?:19|20)\d\d|(?:19|20)\d\d[-/](?:0?[1-9]|1[0-2]))\b"
                ),
            ),
            cut_tail: compile(
                "cut range tail",
                format!(r"(?i)^\s*[-–—]+\s*(?:{month})?\s*$"),
            ),
            one: compile(
                "one date",
                format!(
                    r"(?i)^\s*(?:(?P<mon>{month}),?\s*(?P<y1>(?:19|20)\d\d)|(?P<y2>(?:19|20)\d\d)[-/.](?P<m2>0?[1-9]|1[0-2])(?:[-/.](?:0?[1-9]|[12]\d|3[01]))?|(?P<m3>0?[1-9]|1[0-2])[/.](?P<y3>(?:19|20)\d\d)|(?P<y4>(?:19|20)\d\d)|(?P<present>{present}))\s*$"
                ),
            ),
        }
    }
}

fn month_number(name: &str) -> Option<u8> {
    let n = name.trim_end_matches(['.', '\'', '’']).to_lowercase();
    Lexicon::embedded()
        .month_names
        .iter()
        .find(|(m, _)| *m == n)
        .map(|&(_, number)| number)
}

/// Parses one date point such as "Sept. 2019", "2019-03" or "Present".
pub fn parse_point(s: &str) -> Option<DatePoint> {
    let c = expressions(s).one.captures(s)?;
    if c.name("present").is_some() {
        return Some(DatePoint::Present);
    }
    let year = |n: &str| c.name(n).and_then(|m| m.as_str().parse::<u16>().ok());
    let ym = if let Some(mon) = c.name("mon") {
        YearMonth::new(year("y1")?, Some(month_number(mon.as_str())?))
    } else if let Some(y) = year("y2") {
        YearMonth::new(y, c.name("m2").and_then(|m| m.as_str().parse().ok()))
    } else if let Some(y) = year("y3") {
        YearMonth::new(y, c.name("m3").and_then(|m| m.as_str().parse().ok()))
    } else {
        YearMonth::new(year("y4")?, None)
    };
    Some(DatePoint::At(ym))
}

/// Finds the first date range in a line: "Jan 2020 – Present", "2016 to
/// 2018", "since 2019", or a lone month date ("March 2021").
pub fn find_range(line: &str) -> Option<FoundRange> {
    // Every date form carries a four-digit year: most lines have none, and
    // this scan is far cheaper than the regexes below.
    if !has_year(line) {
        return None;
    }
    let ex = expressions(line);
    for c in ex.range.captures_iter(line) {
        let (start, end) = (parse_point(&c["start"]), parse_point(&c["end"]));
        if start.is_some() && end.is_some() {
            return Some(FoundRange {
                start,
                end,
                range: c.get(0)?.range(),
            });
        }
    }
    // Stints on one line ("Jun – Aug 2007, Nov – Jan 2008") are one range
    // from the first start to the last end.
    let mut stints: Option<FoundRange> = None;
    for c in ex.shared_year.captures_iter(line) {
        let (Some(m1), Some(m2), Ok(y)) = (
            month_number(&c["m1"]),
            month_number(&c["m2"]),
            c["y"].parse::<u16>(),
        ) else {
            break;
        };
        let whole = c.get(0)?.range();
        // A start month after the end month began the year before.
        let start_year = if m1 > m2 { y - 1 } else { y };
        let end = Some(DatePoint::At(YearMonth::new(y, Some(m2))));
        match &mut stints {
            None => {
                stints = Some(FoundRange {
                    start: Some(DatePoint::At(YearMonth::new(start_year, Some(m1)))),
                    end,
                    range: whole,
                });
            }
            Some(r)
                if line[r.range.end..whole.start]
                    .trim_matches([',', ';', ' '])
                    .is_empty() =>
            {
                r.end = end;
                r.range.end = whole.end;
            }
            Some(_) => break,
        }
    }
    if stints.is_some() {
        return stints;
    }
    for c in ex.pair.captures_iter(line) {
        let (start, end) = (parse_point(&c["start"]), parse_point(&c["end"]));
        if start.is_some() && end.is_some() {
            return Some(FoundRange {
                start,
                end,
                range: c.get(0)?.range(),
            });
        }
    }
    if let Some(c) = ex.open.captures(line) {
        return Some(FoundRange {
            start: Some(parse_point(&c["start"])?),
            end: Some(DatePoint::Present),
            range: c.get(0)?.range(),
        });
    }
    let (c, end) = match ex.since.captures(line) {
        Some(c) => (c, Some(DatePoint::Present)),
        None => (ex.single.captures(line)?, None),
    };
    Some(FoundRange {
        start: Some(parse_point(&c["start"])?),
        end,
        range: c.get(0)?.range(),
    })
}

/// "… July 2015 –" over "Present …", "… June 2019 – July" over "2020 …":
/// a range whose end a line break cut off. Given the line and the next,
/// the byte length of the end's part at the start of `next`, when joining
/// it completes the range.
pub fn cut_range_end(line: &str, next: &str) -> Option<usize> {
    static HEAD_RE: LazyLock<Regex> = LazyLock::new(|| {
        let present = &*PRESENT;
        crate::pattern::compile(&format!(r"(?i)^\s*(?:{present}|(?:19|20)\d\d\b)"))
            .expect("cut range head regex")
    });
    let r = find_range(line)?;
    let tail = &line[r.range.end..];
    if r.start.is_none() || r.end.is_some() || !expressions(tail).cut_tail.is_match(tail) {
        return None;
    }
    let head = HEAD_RE.find(next)?;
    let joined = format!("{} {}", line.trim_end(), next[..head.end()].trim());
    find_range(&joined)
        .is_some_and(|j| j.end.is_some())
        .then_some(head.end())
}

/// Whether `s` holds "19dd" or "20dd".
fn has_year(s: &str) -> bool {
    // Every line is asked: jump from one "1" or "2" to the next.
    let b = s.as_bytes();
    memchr::memchr2_iter(b'1', b'2', b).any(|i| {
        matches!(b.get(i..i + 4), Some(&[c0, c1, c2, c3])
            if matches!((c0, c1), (b'1', b'9') | (b'2', b'0'))
                && c2.is_ascii_digit()
                && c3.is_ascii_digit())
    })
}

/// Parses "YYYY-MM" (for `--today`).
pub fn parse_today(s: &str) -> Result<YearMonth, String> {
    match YearMonth::parse_iso(s) {
        Some(ym) if ym.month.is_some() => Ok(ym),
        _ => Err(format!("expected YYYY-MM, got '{s}'")),
    }
}

/// The current month from the system clock (UTC).
pub fn current_month() -> YearMonth {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    let (y, m, _) = civil_from_days(days);
    YearMonth::new(u16::try_from(y).unwrap_or(2000), Some(m))
}

/// Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u8, u8) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_needs_every_month_only_for_a_rare_name_or_a_non_ascii_word() {
        for line in [
            "Jan 2020 – Present",
            "Engineer, Acme (Sept. 2019 - 03/2021)",
            "2019-2021 Emailed 40 customers in May 2020",
            "",
        ] {
            assert!(!needs_every_month(line), "{line}");
        }
        for line in [
            "Mai 2020 – heute",
            "juillet 2018 – mars 2020",
            "Zürich, 2019 – 2021",
            "MÄRZ 2020",
            // A run of letters that is a rare name, in any case.
            "ENERO 2019 - 2020",
        ] {
            assert!(needs_every_month(line), "{line}");
        }
    }

    /// A line that needs only the common names reads the same with all.
    #[test]
    fn both_sets_read_a_common_line_alike() {
        let lines = [
            "Jan 2020 – Present",
            "Jul – Nov 2013, Dec – Feb 2014",
            "Sep. 2023 Mar. 2024",
            "2024-      ACME CORP",
            "since March 2019",
            "Worked at Initech, June 2018",
            "Engineer 2016 to 2018 and again 2019",
            "Summer 2019 – Fall 2020",
        ];
        for line in lines {
            assert!(!needs_every_month(line), "{line}");
            for (a, b) in [(&COMMON.range, &EVERY.range), (&COMMON.pair, &EVERY.pair)]
                .into_iter()
                .chain([
                    (&COMMON.shared_year, &EVERY.shared_year),
                    (&COMMON.open, &EVERY.open),
                    (&COMMON.since, &EVERY.since),
                    (&COMMON.single, &EVERY.single),
                    (&COMMON.one, &EVERY.one),
                ])
            {
                let spans = |re: &Regex| re.find_iter(line).map(|m| m.range()).collect::<Vec<_>>();
                assert_eq!(spans(a), spans(b), "{line}");
            }
        }
        // And a rare name is still read, by the full set.
        let r = find_range("Mai 2020 – heute").expect("a German range");
        assert_eq!(r.start, Some(DatePoint::At(YearMonth::new(2020, Some(5)))));
        assert_eq!(r.end, Some(DatePoint::Present));
    }

    #[test]
    fn years_are_found_wherever_they_stand() {
        let naive = |s: &str| {
            s.as_bytes().windows(4).any(|w| {
                matches!((w[0], w[1]), (b'1', b'9') | (b'2', b'0'))
                    && w[2].is_ascii_digit()
                    && w[3].is_ascii_digit()
            })
        };
        for s in [
            "",
            "199",
            "1999",
            "x2020",
            "2020x",
            "121999",
            "2 0 2 0",
            "Jan '19",
            "1-2019",
            "20",
            "1920s",
            "v2.0.1",
            "12345",
            "2a20",
            "Mar 2021 – now",
        ] {
            assert_eq!(has_year(s), naive(s), "{s:?}");
        }
        assert!(has_year("121999"));
        assert!(!has_year("v2.0.1"));
    }

    fn at(y: u16, m: Option<u8>) -> Option<DatePoint> {
        Some(DatePoint::At(YearMonth::new(y, m)))
    }

    #[test]
    fn parses_common_points() {
        assert_eq!(parse_point("Jan 2020"), at(2020, Some(1)));
        assert_eq!(parse_point("January 2020"), at(2020, Some(1)));
        assert_eq!(parse_point("Sept. 2019"), at(2019, Some(9)));
        assert_eq!(parse_point("2019-03"), at(2019, Some(3)));
        assert_eq!(parse_point("03/2019"), at(2019, Some(3)));
        assert_eq!(parse_point("2019"), at(2019, None));
        assert_eq!(parse_point("Present"), Some(DatePoint::Present));
        assert_eq!(parse_point("Current"), Some(DatePoint::Present));
        assert_eq!(parse_point("now"), Some(DatePoint::Present));
        assert_eq!(parse_point("Python 3"), None);
    }

    #[test]
    fn finds_ranges_with_every_separator() {
        for (line, start, end) in [
            (
                "Acme — Jan 2020 – Present",
                at(2020, Some(1)),
                Some(DatePoint::Present),
            ),
            ("2016 to 2018", at(2016, None), at(2018, None)),
            (
                "(2014-11 -- 2015-12)",
                at(2014, Some(11)),
                at(2015, Some(12)),
            ),
            ("Mar 2017 — Jun 2020", at(2017, Some(3)), at(2020, Some(6))),
            ("03/2019 - 04/2021", at(2019, Some(3)), at(2021, Some(4))),
            (
                "Sept. 2019 - now",
                at(2019, Some(9)),
                Some(DatePoint::Present),
            ),
            (
                "December 2019 to till date",
                at(2019, Some(12)),
                Some(DatePoint::Present),
            ),
            ("since 2019", at(2019, None), Some(DatePoint::Present)),
            ("from 2019 to 2021", at(2019, None), at(2021, None)),
            (
                "2024-        CROWDSTRIKE Senior SE",
                at(2024, None),
                Some(DatePoint::Present),
            ),
            (
                "Jan 2022 -> Now: MICROSOFT,",
                at(2022, Some(1)),
                Some(DatePoint::Present),
            ),
            ("Sep. 2023 Mar. 2024", at(2023, Some(9)), at(2024, Some(3))),
            (
                "02/2018 12/2018 Lake Mary, FL",
                at(2018, Some(2)),
                at(2018, Some(12)),
            ),
            (
                "Jun. 2021  Present",
                at(2021, Some(6)),
                Some(DatePoint::Present),
            ),
            (
                "Feb 2017 to Till Date",
                at(2017, Some(2)),
                Some(DatePoint::Present),
            ),
        ] {
            let r = find_range(line).unwrap_or_else(|| panic!("no range in {line}"));
            assert_eq!((r.start, r.end), (start, end), "{line}");
        }
    }

    #[test]
    fn a_start_of_two_years_starts_in_the_first() {
        let r = find_range("Analyst | Conflict Zones  2013/2014 – 2018").expect("range");
        assert_eq!((r.start, r.end), (at(2013, None), at(2018, None)));
        let r = find_range("2019/20 – 2021").expect("range");
        assert_eq!((r.start, r.end), (at(2019, None), at(2021, None)));
        // A year and a month is still one date.
        let r = find_range("2019/03 – 2021/04").expect("range");
        assert_eq!((r.start, r.end), (at(2019, Some(3)), at(2021, Some(4))));
    }

    #[test]
    fn a_range_cut_by_a_line_break_ends_on_the_next_line() {
        assert_eq!(
            cut_range_end("Acme  July 2015 –", "Present  Austin, TX"),
            Some(7)
        );
        assert_eq!(cut_range_end("Engineer June 2019 – July", "2020"), Some(4));
        // A whole range, or a next line that is no end, joins nothing.
        assert_eq!(cut_range_end("Acme  2015 – 2017", "Present"), None);
        assert_eq!(cut_range_end("Acme  July 2015 –", "Led the team"), None);
        assert_eq!(cut_range_end("Acme  July 2015", "2020 was a year"), None);
    }

    #[test]
    fn lone_year_is_not_a_range_but_month_date_is_a_start() {
        assert_eq!(find_range("Python 3.8 and Java 8"), None);
        assert_eq!(find_range("Won a prize in 2019"), None);
        // Two bare years with no dash are two facts, not a range.
        assert_eq!(find_range("Python 2019 2020"), None);
        let r = find_range("Berlin, March 2021").unwrap();
        assert_eq!((r.start, r.end), (at(2021, Some(3)), None));
    }

    #[test]
    fn civil_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(11_017), (2000, 3, 1));
    }
}
