//! The documents annotated: headline, summary, every role and bullet as
//! the candidate wrote them, each with its findings inline, the flagged
//! words marked, and each role's share of quantified bullets.

use super::axis::show_dates;
use super::escape::Html;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Document, Role};
use crate::report::evidence::Evidence;
use crate::source::{Span, Text};

/// Where in a document a finding is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Anchor {
    Headline,
    Summary,
    Skills,
    Role(usize),
    Bullet(usize, usize),
    Project(usize),
    ProjectBullet(usize, usize),
    Loose(usize),
    Elsewhere,
}

fn within(span: Span, d: &Diagnostic) -> bool {
    span.start <= d.span.start && d.span.start < span.end.max(span.start + 1)
}

/// Every bullet's span and anchor, sorted by start, so that a finding's
/// bullet is found by a binary search, not a scan of the document (a long
/// input has thousands of bullets and findings).
fn bullet_index(doc: &Document) -> Vec<(Span, Anchor)> {
    let mut out: Vec<(Span, Anchor)> = Vec::new();
    for (i, r) in doc.roles.iter().enumerate() {
        out.extend(
            r.bullets
                .iter()
                .enumerate()
                .map(|(b, t)| (t.span(), Anchor::Bullet(i, b))),
        );
    }
    for (i, r) in doc.projects.iter().enumerate() {
        out.extend(
            r.bullets
                .iter()
                .enumerate()
                .map(|(b, t)| (t.span(), Anchor::ProjectBullet(i, b))),
        );
    }
    out.extend(
        doc.loose_bullets
            .iter()
            .enumerate()
            .map(|(b, t)| (t.span(), Anchor::Loose(b))),
    );
    out.sort_by_key(|(span, _)| (span.start, span.end));
    out
}

fn anchor_of(doc: &Document, index: &[(Span, Anchor)], d: &Diagnostic) -> Anchor {
    // The bullets that start at or before the finding; the nearest ones
    // first (spans do not nest, but a few may share a start).
    let upto = index.partition_point(|(span, _)| span.start <= d.span.start);
    if let Some((_, a)) = index[..upto]
        .iter()
        .rev()
        .take(4)
        .find(|(span, _)| within(*span, d))
    {
        return *a;
    }
    let in_text = |t: &Text| within(t.span(), d);
    let in_role = |r: &Role| {
        in_text(&r.header)
            || [&r.title, &r.company, &r.location]
                .into_iter()
                .flatten()
                .any(in_text)
    };
    if let Some(i) = doc.roles.iter().position(in_role) {
        return Anchor::Role(i);
    }
    if let Some(i) = doc.projects.iter().position(in_role) {
        return Anchor::Project(i);
    }
    if doc.headline.as_ref().is_some_and(in_text) {
        return Anchor::Headline;
    }
    if doc.summary.as_ref().is_some_and(in_text) {
        return Anchor::Summary;
    }
    if doc.skills.iter().any(in_text) {
        return Anchor::Skills;
    }
    Anchor::Elsewhere
}

/// A rule family's name, by the code's letter (from the registry).
pub fn family_name(letter: &str) -> &'static str {
    crate::rules::registry::Family::of(letter).map_or("Other", |f| f.title())
}

pub fn severity_class(s: Severity) -> &'static str {
    match s {
        Severity::Error => "sev-error",
        Severity::Warning => "sev-warning",
        Severity::Info => "sev-info",
    }
}

/// The rule family of a code: its letter.
pub fn family(code: &'static str) -> &'static str {
    code.get(..1).unwrap_or("?")
}

struct Placed<'a> {
    anchor: Anchor,
    d: &'a Diagnostic,
}

/// One document, annotated. `diagnostics` are the findings it owns.
pub fn draw(h: &mut Html, doc: &Document, ev: Option<&Evidence>, diagnostics: &[&Diagnostic]) {
    let index = bullet_index(doc);
    let mut placed: Vec<Placed<'_>> = diagnostics
        .iter()
        .map(|d| Placed {
            anchor: anchor_of(doc, &index, d),
            d,
        })
        .collect();
    placed.sort_by(|a, b| {
        b.d.severity
            .cmp(&a.d.severity)
            .then(a.d.sort_key().cmp(&b.d.sort_key()))
    });
    // Grouped once by anchor (in the sorted order).
    let mut grouped: std::collections::HashMap<Anchor, Vec<&Diagnostic>> =
        std::collections::HashMap::new();
    for p in &placed {
        grouped.entry(p.anchor).or_default().push(p.d);
    }
    let at = |a: Anchor| -> Vec<&Diagnostic> { grouped.get(&a).cloned().unwrap_or_default() };

    h.raw("<article class=\"doc\"")
        .attr("data-path", &doc.path)
        .raw(">");
    h.raw("<header class=\"doc-head\"><p class=\"doc-path\"><span class=\"channel\">")
        .raw(match doc.channel {
            crate::model::Channel::Resume => "Resume",
            crate::model::Channel::Linkedin => "LinkedIn",
        })
        .raw("</span> ")
        .text(&doc.path)
        .raw("</p>");
    if let Some(t) = &doc.headline {
        block(h, doc, "headline", "Headline", t, &at(Anchor::Headline));
    }
    if let Some(t) = &doc.summary {
        block(h, doc, "summary", "Summary", t, &at(Anchor::Summary));
    }
    h.raw("</header>");

    // A long input is cut, with a note: the page stays small enough to
    // open, and `storyline check` still lists every finding.
    let shown = doc.roles.len().min(super::MAX_ROLES_SHOWN);
    for (i, role) in doc.roles.iter().enumerate().take(shown) {
        let evidence = ev.and_then(|e| e.assessment.roles.get(i));
        let recent = ev.is_some_and(|e| e.assessment.recent.contains(&i));
        h.raw("<section class=\"role\"").attr_num("data-role", i);
        if let Some(e) = evidence {
            h.attr_num("data-quantified", e.quantified)
                .attr_num("data-achievements", e.achievements)
                .attr("data-scope", e.scope.as_str());
        }
        h.raw(">");
        role_head(h, role, evidence, recent);
        findings(h, &at(Anchor::Role(i)));
        let reads = evidence.map(|e| e.bullets.as_slice());
        bullets(h, doc, &role.bullets, reads, |b| at(Anchor::Bullet(i, b)));
        h.raw("</section>");
    }
    if shown < doc.roles.len() {
        let hidden: usize = (shown..doc.roles.len())
            .map(|i| {
                at(Anchor::Role(i)).len()
                    + (0..doc.roles[i].bullets.len())
                        .map(|b| at(Anchor::Bullet(i, b)).len())
                        .sum::<usize>()
            })
            .sum();
        h.raw("<p class=\"cut-note\" role=\"note\">")
            .text(&format!(
                "This document has {} roles: the first {shown} are shown. The other {} roles and their {hidden} findings are not drawn here; `storyline check` lists every finding.",
                doc.roles.len(),
                doc.roles.len() - shown
            ))
            .raw("</p>");
    }
    for (i, project) in doc.projects.iter().enumerate().take(super::MAX_ROLES_SHOWN) {
        h.raw("<section class=\"role project\">");
        role_head(h, project, None, false);
        findings(h, &at(Anchor::Project(i)));
        bullets(h, doc, &project.bullets, None, |b| {
            at(Anchor::ProjectBullet(i, b))
        });
        h.raw("</section>");
    }
    if !doc.loose_bullets.is_empty() {
        h.raw("<section class=\"role loose\"><header class=\"role-head\"><h4>Other bullets</h4></header>");
        bullets(h, doc, &doc.loose_bullets, None, |b| at(Anchor::Loose(b)));
        h.raw("</section>");
    }
    let skills = at(Anchor::Skills);
    if !doc.skills.is_empty() {
        h.raw("<section class=\"skills\"><h4>Skills</h4><p class=\"skill-list\">");
        for (k, s) in doc.skills.iter().enumerate() {
            if k > 0 {
                h.raw(" · ");
            }
            h.element("span", "skill", s.text.trim());
        }
        h.raw("</p>");
        findings(h, &skills);
        h.raw("</section>");
    }
    let rest = at(Anchor::Elsewhere);
    if !rest.is_empty() {
        h.raw("<section class=\"elsewhere\"><h4>About the whole document</h4>");
        findings(h, &rest);
        h.raw("</section>");
    }
    h.raw("</article>");
}

fn role_head(h: &mut Html, role: &Role, e: Option<&crate::assess::RoleEvidence>, recent: bool) {
    let title = role.title.as_ref().map(|t| t.text.trim());
    let company = role.company.as_ref().map(|t| t.text.trim());
    h.raw("<header class=\"role-head\"><div class=\"role-name\"><h4>")
        .text(title.or(company).unwrap_or("Untitled role"))
        .raw("</h4><p class=\"role-sub\">");
    if let (Some(_), Some(c)) = (title, company) {
        h.element("span", "company", c);
    }
    let dates = show_dates(role);
    if !dates.is_empty() {
        h.element("span", "dates", &dates);
    }
    if let Some(l) = &role.location {
        h.element("span", "location", l.text.trim());
    }
    if recent {
        h.raw("<span class=\"tag recent\" title=\"Counts towards the level rules\">recent</span>");
    }
    h.raw("</p></div>");
    if let Some(e) = e {
        h.raw("<div class=\"role-stats\">");
        match e.quantified_share() {
            Some(share) => {
                let pct = (share * 100.0).round();
                h.raw("<div class=\"meter-wrap\"><span class=\"meter-label\"><b class=\"share\">")
                    .num(pct)
                    .raw("%</b> quantified <span class=\"muted\">(")
                    .num(e.quantified)
                    .raw(" of ")
                    .num(e.achievements)
                    .raw(")</span></span><span class=\"meter\" role=\"meter\" aria-valuemin=\"0\" aria-valuemax=\"100\"")
                    .attr_num("aria-valuenow", pct)
                    .raw("><span class=\"fill")
                    .raw(if share >= 0.5 {
                        " good"
                    } else if share > 0.0 {
                        " fair"
                    } else {
                        " poor"
                    })
                    .raw("\" style=\"width:")
                    .num(pct)
                    .raw("%\"></span></span></div>");
            }
            None => {
                h.raw("<div class=\"meter-wrap\"><span class=\"meter-label muted\">no achievement bullets</span></div>");
            }
        }
        h.raw("<span class=\"tag scope\" title=\"Widest scope its bullets evidence\">scope: ")
            .text(e.scope.as_str())
            .raw("</span></div>");
    }
    h.raw("</header>");
}

fn bullets<'a>(
    h: &mut Html,
    doc: &Document,
    list: &[Text],
    reads: Option<&[crate::assess::BulletSignals]>,
    at: impl Fn(usize) -> Vec<&'a Diagnostic>,
) {
    if list.is_empty() {
        return;
    }
    h.raw("<ul class=\"bullets\">");
    for (b, text) in list.iter().enumerate() {
        let found = at(b);
        h.raw("<li class=\"bullet")
            .raw(if found.is_empty() {
                ""
            } else {
                " has-findings"
            })
            .raw("\"");
        // What the rules read in the bullet, as `extract` shows it.
        let read = reads.and_then(|r| r.get(b));
        if let Some(r) = read {
            h.attr("data-scope", r.scope.as_str())
                .attr(
                    "data-leadership",
                    if r.leadership { "true" } else { "false" },
                )
                .attr(
                    "data-quantified",
                    if r.quantified { "true" } else { "false" },
                );
        }
        h.raw("><p class=\"text\">");
        marked(h, doc, text, &found);
        h.raw("</p>");
        if let Some(r) = read {
            h.raw("<p class=\"reads\"><span class=\"tag scope\">scope: ")
                .text(r.scope.as_str())
                .raw("</span>");
            if r.leadership {
                h.raw("<span class=\"tag lead\">leadership</span>");
            }
            if r.quantified {
                h.raw("<span class=\"tag metric\">metric</span>");
            }
            h.raw("</p>");
        }
        findings(h, &found);
        h.raw("</li>");
    }
    h.raw("</ul>");
}

/// A headline or summary with its findings.
fn block(
    h: &mut Html,
    doc: &Document,
    class: &'static str,
    label: &'static str,
    text: &Text,
    found: &[&Diagnostic],
) {
    h.raw("<div class=\"block ")
        .raw(class)
        .raw("\"><span class=\"block-label\">")
        .raw(label)
        .raw("</span><p class=\"text\">");
    marked(h, doc, text, found);
    h.raw("</p>");
    findings(h, found);
    h.raw("</div>");
}

/// The text with the spans the findings point at wrapped in `<mark>`.
fn marked(h: &mut Html, _doc: &Document, text: &Text, found: &[&Diagnostic]) {
    let s = text.text.as_str();
    // Text offsets of each finding's source span.
    let to_text = |src: usize| -> usize {
        s.char_indices()
            .map(|(i, _)| i)
            .chain([s.len()])
            .find(|&i| i == s.len() || text.source_offset(i) >= src)
            .unwrap_or(s.len())
    };
    let mut ranges: Vec<(usize, usize, Severity)> = found
        .iter()
        .filter(|d| d.span.end > d.span.start)
        .map(|d| (to_text(d.span.start), to_text(d.span.end), d.severity))
        .filter(|(a, b, _)| a < b)
        .collect();
    // A finding on the whole text marks nothing in particular.
    ranges.retain(|&(a, b, _)| !(a == 0 && b >= s.trim_end().len()));
    ranges.sort_by_key(|r| r.0);
    let mut merged: Vec<(usize, usize, Severity)> = Vec::new();
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.0 < last.1 => {
                last.1 = last.1.max(r.1);
                last.2 = last.2.max(r.2);
            }
            _ => merged.push(r),
        }
    }
    let mut at = 0;
    for (a, b, sev) in merged {
        h.text(&s[at..a]);
        h.raw("<mark class=\"")
            .raw(severity_class(sev))
            .raw("\">")
            .text(&s[a..b])
            .raw("</mark>");
        at = b;
    }
    h.text(&s[at..]);
}

/// A list of findings, or nothing.
pub fn findings(h: &mut Html, found: &[&Diagnostic]) {
    if found.is_empty() {
        return;
    }
    h.raw("<ul class=\"findings\">");
    for d in found {
        let fam = family(d.code);
        h.raw("<li class=\"finding ")
            .raw(severity_class(d.severity))
            .raw("\"")
            .attr("data-family", fam)
            .attr("data-severity", d.severity.as_str())
            .attr("data-code", d.code)
            .raw("><div class=\"finding-head\"><span class=\"sev\">")
            .text(d.severity.as_str())
            .raw("</span><code class=\"code\"")
            .attr("title", &format!("{} · {}", family_name(fam), d.rule))
            .raw(">")
            .text(d.code)
            .raw("</code><span class=\"msg\">")
            .text(&d.message)
            .raw("</span><span class=\"where\">")
            .text(&format!("{}:{}", d.path, d.line))
            .raw("</span></div><p class=\"help\">")
            .text(&d.help)
            .raw("</p>");
        for r in &d.related {
            h.raw("<p class=\"related\">")
                .text(&format!("{}: {}:{}", r.message, r.path, r.line))
                .raw("</p>");
        }
        h.raw("</li>");
    }
    h.raw("</ul>");
}
