//! LinkedIn's "Save to PDF" profile → a LinkedIn-channel document.
//!
//! The profile is laid out in two columns. The left sidebar has headings
//! (Contact, Top Skills, Languages, Certifications, Honors-Awards,
//! Publications) over short items; the right column has the name (the
//! largest text), the headline, the location, then the sections Summary,
//! Experience and Education. In Experience a company name (12pt) is
//! followed by one title (11.5pt) or several (promotions, with the total
//! time at the company, "6 years 2 months", under the company); each title
//! has a date line ("August 2023 - Present (1 year 11 months)"), then
//! maybe a location line, then the description.
//!
//! The PDF reader already puts the sidebar before the main column and
//! drops the "Page N of M" footers; this module reads the lines it gives
//! back with their page, position and font size. Font sizes tell a
//! company from a title and a heading from text; vertical gaps tell a
//! location line from the first line of a description and a paragraph
//! break from a wrapped line. Every field is a span of the extracted text,
//! so diagnostics point at its lines and pages as for any PDF.

use std::sync::LazyLock;

use crate::pattern::Regex;

use super::pdf::{LineInfo, PdfText};
use crate::date;
use crate::model::{Channel, Document, Format, Role};
use crate::source::Text;

const MONTHS: &str =
    "January|February|March|April|May|June|July|August|September|October|November|December";

/// "August 2023 - Present (1 year 11 months)", "2011 - 2011 (less than a
/// year)": a position's date line, the duration optional.
static DATE_LINE_RE: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(&format!(
        r"^(?:(?:{MONTHS})\s+)?(?:19|20)\d\d\s*[-–]\s*(?:(?:(?:{MONTHS})\s+)?(?:19|20)\d\d|Present)(?:\s*\((?P<duration>[^()]*)\))?$"
    ))
    .expect("date line regex")
});
/// The duration LinkedIn prints after a position's dates.
static DURATION_RE: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(
        r"^(?:\d+\s+years?(?:\s+\d+\s+months?)?|\d+\s+months?|less than a year)$",
    )
    .expect("duration regex")
});
/// An education entry's dates: "Bachelor of Science, Physics · (2015 - 2019)".
static EDUCATION_DATES_RE: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(&format!(
        r"·\s*\((?:(?:{MONTHS})\s+)?(?:19|20)\d\d(?:\s*-|\))"
    ))
    .expect("education dates regex")
});
static FOOTER_RE: LazyLock<Regex> =
    LazyLock::new(|| crate::pattern::compile(r"^Page\s+\d+\s+of\s+\d+$").expect("footer regex"));

/// Headings of the main column (the older layout's too).
const MAIN_HEADINGS: &[&str] = &[
    "Summary",
    "Experience",
    "Education",
    "Volunteer Experience",
    "Licenses & Certifications",
    "Skills & Expertise",
    "Projects",
    "Honors & Awards",
    "Publications",
    "Courses",
    "Organizations",
    "Recommendations",
];
/// Headings of the sidebar.
const SIDEBAR_HEADINGS: &[&str] = &[
    "Contact",
    "Top Skills",
    "Languages",
    "Certifications",
    "Honors-Awards",
    "Publications",
    "Projects",
    "Patents",
];
/// Characters that open a description item.
const MARKERS: &[char] = &[
    '•', '●', '◆', '▪', '◦', '■', '►', '‣', '∙', '-', '–', '*', '·',
];

/// One non-blank line of the extracted text.
#[derive(Debug, Clone, Copy)]
struct Ln<'a> {
    /// The line, trimmed.
    text: &'a str,
    /// Where the trimmed line starts in the extracted text.
    start: usize,
    info: LineInfo,
    /// A blank line stands before it (a paragraph break or a page break).
    blank_before: bool,
}

impl Ln<'_> {
    fn to_text(self) -> Text {
        Text::verbatim(self.text, self.start)
    }

    /// The vertical distance to a later line on the same page, in units of
    /// this line's font size; None across pages.
    fn gap_to(&self, next: &Ln<'_>) -> Option<f32> {
        (next.info.page == self.info.page && self.info.size > 0.0)
            .then(|| (next.info.y - self.info.y) / self.info.size)
    }

    fn same_size(&self, other: &Ln<'_>) -> bool {
        (self.info.size - other.info.size).abs() < 0.2
    }
}

/// The non-blank lines of the extracted text, footers dropped.
fn lines(pdf: &PdfText) -> Vec<Ln<'_>> {
    let mut out = Vec::new();
    let mut offset = 0;
    let mut blank_before = false;
    for (i, raw) in pdf.text.split_inclusive('\n').enumerate() {
        let start = offset;
        offset += raw.len();
        let body = raw.trim_end_matches(['\n', '\r']);
        let text = body.trim();
        if text.is_empty() {
            blank_before = true;
            continue;
        }
        if FOOTER_RE.is_match(text) {
            continue;
        }
        let Some(&info) = pdf.lines.get(i) else {
            break;
        };
        out.push(Ln {
            text,
            start: start + (body.len() - body.trim_start().len()),
            info,
            blank_before,
        });
        blank_before = false;
    }
    out
}

/// Whether a PDF's text is a LinkedIn profile: a "Contact" sidebar with the
/// profile's address labelled "(LinkedIn)", a main-column section heading,
/// and position date lines with LinkedIn's durations (or, for a profile
/// with no positions, education dates in LinkedIn's "· (2015 - 2019)"
/// form). A resume may have any one of these; not all of them.
pub fn is_profile(pdf: &PdfText) -> bool {
    let lines = lines(pdf);
    let head = &lines[..lines.len().min(40)];
    let contact = lines.iter().take(3).any(|l| l.text == "Contact");
    let url = head.iter().any(|l| l.text.contains("linkedin.com/in/"));
    let label = head.iter().any(|l| l.text.ends_with("(LinkedIn)"));
    if !(contact && url && label) {
        return false;
    }
    let heading = |h: &str| lines.iter().any(|l| l.text == h);
    let dated = lines.iter().any(|l| {
        DATE_LINE_RE
            .captures(l.text)
            .and_then(|c| c.name("duration"))
            .is_some_and(|d| DURATION_RE.is_match(d.as_str().trim()))
    });
    let educated =
        heading("Education") && lines.iter().any(|l| EDUCATION_DATES_RE.is_match(l.text));
    (heading("Experience") && dated) || educated
}

/// Reads a LinkedIn profile PDF (one [`is_profile`] accepted).
pub fn read(display: &str, pdf: PdfText) -> Document {
    let fields = Fields::read(&lines(&pdf));
    let pages = pdf.lines.iter().map(|l| l.page).collect();
    let mut doc = Document::new(display, Format::LinkedinPdf, pdf.text);
    doc.channel = Channel::Linkedin;
    doc.pages = pages;
    doc.name = fields.name;
    doc.headline = fields.headline;
    doc.summary = fields.summary;
    doc.roles = fields.roles;
    doc.skills = fields.skills;
    doc.education = fields.education;
    doc.loose_bullets = fields.loose;
    doc
}

#[derive(Default)]
struct Fields {
    name: Option<Text>,
    headline: Option<Text>,
    summary: Option<Text>,
    roles: Vec<Role>,
    skills: Vec<Text>,
    education: Vec<Text>,
    loose: Vec<Text>,
}

impl Fields {
    fn read(lines: &[Ln<'_>]) -> Fields {
        let mut out = Fields::default();
        // The name is the largest text of the first page; the main column
        // starts at its left edge.
        let Some(name_at) = lines
            .iter()
            .enumerate()
            .filter(|(_, l)| l.info.page == lines[0].info.page)
            .max_by(|a, b| a.1.info.size.total_cmp(&b.1.info.size))
            .map(|(i, _)| i)
        else {
            return out;
        };
        let main_x = lines[name_at].info.x - 20.0;
        let (main, side): (Vec<Ln<'_>>, Vec<Ln<'_>>) =
            lines.iter().partition(|l| l.info.x >= main_x);
        out.skills = sidebar_list(&side, "Top Skills");

        let Some(name_in_main) = main.iter().position(|l| l.start == lines[name_at].start) else {
            return out;
        };
        out.name = Some(main[name_in_main].to_text());
        let main = &main[name_in_main + 1..];
        let is_heading = heading_test(main);
        let first_heading = main.iter().position(&is_heading).unwrap_or(main.len());
        let top = &main[..first_heading];
        // The headline (it may wrap), then the location.
        let headline_lines = if top.len() >= 2 {
            &top[..top.len() - 1]
        } else {
            top
        };
        out.headline = join(headline_lines);

        let mut at = first_heading;
        while at < main.len() {
            let end = main[at + 1..]
                .iter()
                .position(&is_heading)
                .map_or(main.len(), |i| at + 1 + i);
            let body = &main[at + 1..end];
            match main[at].text {
                "Summary" => out.summary = join(body),
                "Experience" => {
                    let (roles, loose) = experience(body);
                    out.roles = roles;
                    out.loose = loose;
                }
                "Education" => out.education = schools(body),
                _ => {}
            }
            at = end;
        }
        out
    }
}

/// A test for the main column's section headings: known names set in the
/// size the first of them has (larger than the text around it).
fn heading_test<'a>(main: &[Ln<'a>]) -> impl Fn(&Ln<'a>) -> bool + use<'a> {
    let known = |l: &Ln<'_>| MAIN_HEADINGS.contains(&l.text);
    let size = main
        .iter()
        .position(known)
        .map(|i| (i, main[i].info.size))
        .filter(|&(i, s)| main.get(i + 1).is_none_or(|next| s > next.info.size + 1.0))
        .map(|(_, s)| s);
    move |l: &Ln<'_>| match size {
        Some(s) => {
            (l.info.size - s).abs() < 0.5 && (known(l) || l.text.split_whitespace().count() <= 4)
        }
        None => known(l),
    }
}

/// The items under a sidebar heading; an item that wraps (a smaller gap
/// than between items) is joined.
fn sidebar_list(side: &[Ln<'_>], heading: &str) -> Vec<Text> {
    let Some(h) = side.iter().position(|l| l.text == heading) else {
        return Vec::new();
    };
    let heading_size = side[h].info.size;
    let items = side[h + 1..]
        .iter()
        .take_while(|l| {
            !(SIDEBAR_HEADINGS.contains(&l.text) || (l.info.size - heading_size).abs() < 0.2)
        })
        .copied();
    let mut out: Vec<Text> = Vec::new();
    let mut prev: Option<Ln<'_>> = None;
    for l in items {
        let wraps = prev.is_some_and(|p| !l.blank_before && p.gap_to(&l).is_some_and(|g| g < 1.45));
        match out.last_mut() {
            Some(last) if wraps => {
                last.push_synthetic(" ");
                last.push(l.text, l.start);
            }
            _ => out.push(l.to_text()),
        }
        prev = Some(l);
    }
    out
}

/// Lines joined with spaces into one text.
fn join(lines: &[Ln<'_>]) -> Option<Text> {
    let mut out: Option<Text> = None;
    for l in lines {
        match &mut out {
            Some(t) => {
                t.push_synthetic(" ");
                t.push(l.text, l.start);
            }
            None => out = Some(l.to_text()),
        }
    }
    out
}

/// School names: the larger lines of the Education section (the degree
/// and dates under each are smaller).
fn schools(body: &[Ln<'_>]) -> Vec<Text> {
    let max = body.iter().map(|l| l.info.size).fold(0.0f32, f32::max);
    let min = body.iter().map(|l| l.info.size).fold(f32::MAX, f32::min);
    body.iter()
        .filter(|l| {
            if max - min > 0.2 {
                l.info.size > max - 0.2
            } else {
                !EDUCATION_DATES_RE.is_match(l.text)
            }
        })
        .map(|l| l.to_text())
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Company,
    /// The total time at a company with several positions.
    Duration,
    Title,
    Dates,
    Location,
}

/// The Experience section → roles (and text before the first role).
fn experience(body: &[Ln<'_>]) -> (Vec<Role>, Vec<Text>) {
    let n = body.len();
    let mut kind = vec![Kind::Text; n];
    for (k, l) in kind.iter_mut().zip(body) {
        if DATE_LINE_RE.is_match(l.text) {
            *k = Kind::Dates;
        } else if DURATION_RE.is_match(l.text) {
            *k = Kind::Duration;
        }
    }
    // The line before a date line is the title.
    for i in 1..n {
        if kind[i] == Kind::Dates && kind[i - 1] == Kind::Text {
            kind[i - 1] = Kind::Title;
        }
    }
    // The line after a date line is the location when it stands closer
    // than a description's first line would.
    for i in 0..n {
        if kind[i] == Kind::Dates
            && i + 1 < n
            && kind[i + 1] == Kind::Text
            && is_location(&body[i], &body[i + 1], body.get(i + 2), kind.get(i + 2))
        {
            kind[i + 1] = Kind::Location;
        }
    }
    // The company: the first line, the line over a company's total time,
    // or a line set larger than the title under it.
    for i in 0..n {
        if kind[i] != Kind::Text {
            continue;
        }
        let next = kind.get(i + 1).copied();
        let larger_than_title =
            next == Some(Kind::Title) && body[i].info.size > body[i + 1].info.size + 0.25;
        if i == 0 || next == Some(Kind::Duration) || larger_than_title {
            kind[i] = Kind::Company;
        }
    }
    // Titles and company names that wrap onto a second line.
    for i in (1..n).rev() {
        if matches!(kind[i], Kind::Title | Kind::Company)
            && kind[i - 1] == Kind::Text
            && body[i - 1].same_size(&body[i])
            && !body[i].blank_before
            && body[i - 1].gap_to(&body[i]).is_some_and(|g| g < 1.45)
            && (i < 2 || kind[i - 2] != Kind::Text || !body[i - 2].same_size(&body[i - 1]))
        {
            kind[i - 1] = kind[i];
        }
    }

    let width = body
        .iter()
        .zip(&kind)
        .filter(|(_, k)| **k == Kind::Text)
        .map(|(l, _)| l.text.chars().count())
        .max()
        .unwrap_or(0)
        .max(60);
    let mut roles: Vec<Role> = Vec::new();
    let mut loose = Vec::new();
    let mut company: Option<Text> = None;
    let mut i = 0;
    while i < n {
        let k = kind[i];
        let mut j = i + 1;
        if matches!(k, Kind::Company | Kind::Title | Kind::Text) {
            while j < n && kind[j] == k {
                j += 1;
            }
        }
        let run = &body[i..j];
        match k {
            Kind::Company => company = join(run),
            Kind::Title => {
                let title = join(run).unwrap_or_default();
                roles.push(Role {
                    company: company.clone(),
                    header: title.clone(),
                    title: Some(title),
                    ..Role::default()
                });
            }
            Kind::Dates => {
                if let Some(role) = roles.last_mut() {
                    let l = body[i];
                    let dates = l.text.split('(').next().unwrap_or(l.text);
                    if let Some(r) = date::find_range(dates) {
                        role.start = r.start;
                        role.end = r.end;
                    }
                }
            }
            Kind::Location => {
                if let Some(role) = roles.last_mut() {
                    role.location = Some(body[i].to_text());
                }
            }
            Kind::Duration => {}
            Kind::Text => {
                let items = description(run, width);
                match roles.last_mut() {
                    Some(role) => role.bullets.extend(items),
                    None => loose.extend(items),
                }
            }
        }
        i = j;
    }
    (roles, loose)
}

/// Whether `line`, right after the date line `dates`, is a location.
fn is_location(
    dates: &Ln<'_>,
    line: &Ln<'_>,
    after: Option<&Ln<'_>>,
    after_kind: Option<&Kind>,
) -> bool {
    // On one page: the location sits at the line spacing of the header
    // (1.4 sizes); a description starts after a wider gap (about 1.9).
    if let Some(g) = dates.gap_to(line) {
        return g < 1.65;
    }
    // Across a page break: judge by the gap to the line after it, which
    // is wider under a location (about 2.0) than inside a paragraph (1.7).
    match after {
        Some(a) if after_kind == Some(&Kind::Text) => {
            line.gap_to(a).is_some_and(|g| (1.82..2.6).contains(&g))
        }
        _ => {
            line.text.split_whitespace().count() <= 8 && !line.text.ends_with(['.', ':', '!', '?'])
        }
    }
}

/// A description's lines → items: a new item at a bullet marker, after a
/// paragraph break, or after a line too short to have wrapped.
fn description(run: &[Ln<'_>], width: usize) -> Vec<Text> {
    let mut items: Vec<Text> = Vec::new();
    let mut prev: Option<&Ln<'_>> = None;
    for l in run {
        let marker = l.text.starts_with(MARKERS);
        let new_item = match prev {
            None => true,
            Some(p) => {
                let short = p.text.chars().count() * 10 < width * 6;
                marker || short || (l.blank_before && l.info.page == p.info.page)
            }
        };
        let body = l.text.trim_start_matches(MARKERS).trim_start();
        let start = l.start + (l.text.len() - body.len());
        match items.last_mut() {
            Some(item) if !new_item => {
                item.push_synthetic(" ");
                item.push(body, start);
            }
            _ => items.push(Text::verbatim(body, start)),
        }
        prev = Some(l);
    }
    items.retain(|t| t.text.chars().filter(|c| c.is_alphanumeric()).count() >= 3);
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A profile's text from (page, y, size, text) rows: sidebar rows at
    /// x 21.6 while `side` is true, the rest in the main column.
    fn pdf(rows: &[(bool, u32, f32, f32, &str)]) -> PdfText {
        let mut out = PdfText::default();
        for &(side, page, y, size, text) in rows {
            out.text.push_str(text);
            out.text.push('\n');
            out.lines.push(LineInfo {
                page,
                x: if side { 21.6 } else { 223.6 },
                y,
                size,
                fits_above: false,
            });
        }
        out
    }

    fn head() -> Vec<(bool, u32, f32, f32, &'static str)> {
        vec![
            (true, 1, 54.4, 13.0, "Contact"),
            (true, 1, 98.2, 11.0, "www.linkedin.com/in/"),
            (true, 1, 112.6, 11.0, "someone (LinkedIn)"),
            (false, 1, 65.5, 26.0, "Sam Someone"),
            (false, 1, 86.7, 12.0, "Engineer"),
            (false, 1, 102.1, 12.0, "Porto"),
            (false, 1, 139.7, 15.75, "Experience"),
        ]
    }

    fn roles(
        rows: &[(bool, u32, f32, f32, &str)],
    ) -> Vec<(String, String, Option<String>, Vec<String>)> {
        let mut all = head();
        all.extend_from_slice(rows);
        let pdf = pdf(&all);
        assert!(is_profile(&pdf), "{}", pdf.text);
        let t = |t: &Option<Text>| t.as_ref().map(|t| t.text.clone());
        read("p.pdf", pdf)
            .roles
            .iter()
            .map(|r| {
                (
                    t(&r.company).unwrap_or_default(),
                    t(&r.title).unwrap_or_default(),
                    t(&r.location),
                    r.bullets.iter().map(|b| b.text.clone()).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn a_location_after_a_page_break_is_told_from_a_description() {
        // The date line ends page 1; page 2 opens with a location (a wider
        // gap to the description under it) or with a wrapped description.
        let location = roles(&[
            (false, 1, 170.0, 12.0, "Google"),
            (false, 1, 186.0, 11.5, "Research Scientist"),
            (false, 1, 200.6, 10.5, "2011 - 2011 (less than a year)"),
            (false, 2, 53.8, 10.5, "Mountain View"),
            (
                false,
                2,
                75.2,
                10.5,
                "Applied machine learning to web-scale problems",
            ),
        ]);
        assert_eq!(location[0].2.as_deref(), Some("Mountain View"));
        assert_eq!(
            location[0].3,
            ["Applied machine learning to web-scale problems"]
        );
        let wrapped = roles(&[
            (false, 1, 170.0, 12.0, "Google"),
            (false, 1, 186.0, 11.5, "Research Scientist"),
            (false, 1, 200.6, 10.5, "2011 - 2011 (less than a year)"),
            (
                false,
                2,
                53.8,
                10.5,
                "Applied machine learning to web-scale problems in search and",
            ),
            (false, 2, 71.8, 10.5, "ads"),
        ]);
        assert_eq!(wrapped[0].2, None);
        assert_eq!(
            wrapped[0].3,
            ["Applied machine learning to web-scale problems in search and ads"]
        );
    }

    #[test]
    fn wrapped_titles_join_and_promotions_share_the_company() {
        let r = roles(&[
            (false, 1, 170.0, 12.0, "Gladstone Institutes"),
            (false, 1, 186.5, 10.5, "21 years 3 months"),
            (
                false,
                1,
                207.8,
                11.5,
                "Bioinformatics Core Director, Research Investigator and",
            ),
            (false, 1, 221.6, 11.5, "Group Leader"),
            (
                false,
                1,
                236.1,
                10.5,
                "January 2020 - Present (5 years 6 months)",
            ),
            (false, 1, 270.0, 11.5, "Postdoctoral Fellow"),
            (
                false,
                1,
                284.5,
                10.5,
                "April 2004 - January 2020 (15 years 10 months)",
            ),
            (false, 1, 299.2, 10.5, "UCSF Mission Bay Campus"),
        ]);
        assert_eq!(
            r,
            [
                (
                    "Gladstone Institutes".into(),
                    "Bioinformatics Core Director, Research Investigator and Group Leader".into(),
                    None,
                    vec![]
                ),
                (
                    "Gladstone Institutes".into(),
                    "Postdoctoral Fellow".into(),
                    Some("UCSF Mission Bay Campus".into()),
                    vec![]
                ),
            ]
        );
    }

    #[test]
    fn description_items_split_at_markers_paragraphs_and_short_lines() {
        let r = roles(&[
            (false, 1, 170.0, 12.0, "WorldStage, Inc."),
            (false, 1, 186.0, 11.5, "Engineer"),
            (
                false,
                1,
                200.6,
                10.5,
                "February 2016 - April 2018 (2 years 3 months)",
            ),
            (
                false,
                1,
                220.9,
                10.5,
                "WorldStage provides audio, video and lighting technologies to the",
            ),
            (
                false,
                1,
                238.9,
                10.5,
                "corporate and theatrical communities.",
            ),
            (false, 1, 274.9, 10.5, "Custom Products"),
            (
                false,
                1,
                292.9,
                10.5,
                "◆Android hardware development including AOSP and kernel",
            ),
            (
                false,
                1,
                310.9,
                10.5,
                "development for the displays of 3 product lines and their remotes",
            ),
            (false, 1, 328.9, 10.5, "-Roadmap planning"),
        ]);
        assert_eq!(
            r[0].3,
            [
                "WorldStage provides audio, video and lighting technologies to the corporate and theatrical communities.",
                "Custom Products",
                "Android hardware development including AOSP and kernel development for the displays of 3 product lines and their remotes",
                "Roadmap planning",
            ]
        );
    }

    #[test]
    fn the_contact_sidebar_alone_is_no_profile() {
        // All LinkedIn's sidebar marks, but no Experience dates with
        // durations and no LinkedIn education line.
        let mut rows = head();
        rows.extend_from_slice(&[
            (false, 1, 170.0, 12.0, "Northwind"),
            (false, 1, 186.0, 11.5, "Engineer"),
            (false, 1, 200.6, 10.5, "March 2021 - Present"),
        ]);
        assert!(!is_profile(&pdf(&rows)));
        rows.push((false, 1, 215.0, 10.5, "Page 1 of 1"));
        rows[9].4 = "March 2021 - Present (5 years 9 months)";
        assert!(is_profile(&pdf(&rows)));
    }
}
