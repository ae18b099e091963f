//! `storyline report` and `check --format html`: one self-contained HTML
//! page (inline CSS, SVG and a small optional script; nothing fetched)
//! that shows, per document, the scorecard of the three proofs, the resume
//! and LinkedIn timelines with their conflicts, scope over time against the
//! target level, and the document annotated with its findings.
//!
//! Every string that comes from a document, a path or a finding goes
//! through [`escape::escape`]: [`escape::Html`] takes markup only as
//! string literals.

mod annotate;
mod axis;
pub mod escape;
mod lanes;
mod scope;
mod timeline;

use std::collections::BTreeMap;

use self::annotate::{family, family_name};
use self::axis::Axis;
use self::escape::Html;
use super::Outcome;
use super::evidence::Evidence;
use super::scorecard::Scorecard;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Channel, Document};

const STYLE: &str = include_str!("style.css");
const SCRIPT: &str = include_str!("script.js");

/// The most roles (and projects) a document's charts and annotated text
/// show: a long input is cut with a note, so that the page stays a page.
pub const MAX_ROLES_SHOWN: usize = 100;

/// Rule families in catalogue order.
pub fn render(outcome: &Outcome) -> String {
    let mut h = Html::new();
    // One person's report is titled with their name; a coach's report of
    // several documents is not any one client's, and opens with an index.
    let several = outcome.scorecards.len() > 1;
    let title = if several {
        None
    } else {
        outcome
            .documents
            .first()
            .and_then(|d| d.name.as_ref())
            .map(|n| n.text.trim().to_string())
    };
    h.raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        // Nothing may be fetched: the page is complete as it is.
        .raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">")
        .raw("<meta name=\"generator\" content=\"storyline ")
        .raw(env!("CARGO_PKG_VERSION"))
        .raw("\"><title>");
    match &title {
        Some(name) => h.text(name).raw(" · storyline report"),
        None if several => h
            .text(&format!("{} documents", outcome.scorecards.len()))
            .raw(" · storyline report"),
        None => h.raw("storyline report"),
    };
    h.raw("</title><style>")
        .raw(STYLE)
        .raw("</style></head><body><div class=\"page\">");

    masthead(&mut h, outcome, title.as_deref(), several);
    if several {
        index(&mut h, outcome);
    }
    if !outcome.errors.is_empty() {
        h.raw("<section class=\"errors\" role=\"alert\"><h2>Could not be read</h2><ul>");
        for e in &outcome.errors {
            h.raw("<li><code>")
                .text(&e.path)
                .raw("</code> ")
                .text(&e.message)
                .raw("</li>");
        }
        h.raw("</ul></section>");
    }

    let linted = outcome.scorecards.len();
    let mut next_conflict = 0;
    let mut filters_shown = false;
    for (i, card) in outcome.scorecards.iter().enumerate() {
        let (Some(doc), Some(ev)) = (outcome.documents.get(i), outcome.evidence.get(i)) else {
            continue;
        };
        document(
            &mut h,
            outcome,
            i,
            doc,
            ev,
            card,
            &mut next_conflict,
            &mut filters_shown,
        );
    }
    // Profiles that were only cross-checked: their own findings (a role
    // missing from the resume) in context.
    let side: Vec<usize> = (linted..outcome.documents.len()).collect();
    if !side.is_empty() {
        h.raw("<section class=\"document side-profiles\"><h2 class=\"doc-title\">Cross-checked profiles</h2><section class=\"annotated\">");
        if !filters_shown {
            filters(&mut h, &outcome.diagnostics);
        }
        for i in side {
            let doc = &outcome.documents[i];
            let mine: Vec<&Diagnostic> = outcome
                .diagnostics
                .iter()
                .filter(|d| doc.owns_path(&d.path))
                .collect();
            annotate::draw(&mut h, doc, outcome.evidence.get(i), &mine);
        }
        h.raw("</section></section>");
    }
    if !outcome.notes.is_empty() || !outcome.suppressed.is_empty() {
        h.raw("<section class=\"notes\"><h2>Notes</h2><ul>");
        for n in &outcome.notes {
            h.element("li", "", n);
        }
        for s in &outcome.suppressed {
            let d = &s.diagnostic;
            h.raw("<li>")
                .text(&format!(
                    "suppressed {} at {}:{} by {}{}",
                    d.code,
                    d.path,
                    d.line,
                    s.by,
                    s.reason
                        .as_deref()
                        .map(|r| format!(": {r}"))
                        .unwrap_or_default()
                ))
                .raw("</li>");
        }
        h.raw("</ul></section>");
    }
    h.raw("<footer class=\"colophon\"><p>Made offline by storyline ")
        .raw(env!("CARGO_PKG_VERSION"))
        .raw(" on ")
        .text(&outcome.today.to_string())
        .raw(". This page loads nothing from the network; no document left this machine.</p></footer>");
    h.raw("</div><script>")
        .raw(SCRIPT)
        .raw("</script></body></html>\n");
    h.finish()
}

fn count(diags: &[Diagnostic], s: Severity) -> usize {
    diags.iter().filter(|d| d.severity == s).count()
}

/// The documents of a report of several, each linked to its section, with
/// whose it is, its findings and its proofs at a glance.
fn index(h: &mut Html, outcome: &Outcome) {
    h.raw("<nav class=\"index\" aria-label=\"Documents\"><h2>Documents</h2><ol>");
    for (i, card) in outcome.scorecards.iter().enumerate() {
        let Some(doc) = outcome.documents.get(i) else {
            continue;
        };
        let mine: Vec<&Diagnostic> = outcome
            .diagnostics
            .iter()
            .filter(|d| doc.owns_path(&d.path))
            .collect();
        let n = |s: Severity| mine.iter().filter(|d| d.severity == s).count();
        let proofs = |held: Option<bool>| card.proofs.iter().filter(|p| p.holds == held).count();
        h.raw("<li><a")
            .attr("href", &format!("#doc{}", i + 1))
            .raw("><span class=\"who\">")
            .text(
                doc.name
                    .as_ref()
                    .map_or("(no name read)", |t| t.text.trim()),
            )
            .raw("</span> <code>")
            .text(&doc.path)
            .raw("</code></a><span class=\"glance\">")
            .text(&format!(
                "{} errors · {} warnings · {} info — proofs: {} hold, {} fail, {} cannot be judged",
                n(Severity::Error),
                n(Severity::Warning),
                n(Severity::Info),
                proofs(Some(true)),
                proofs(Some(false)),
                proofs(None),
            ))
            .raw("</span></li>");
    }
    h.raw("</ol></nav>");
}

fn masthead(h: &mut Html, outcome: &Outcome, name: Option<&str>, several: bool) {
    // The lede is the person's headline, for a report of one.
    let headline = (!several)
        .then(|| outcome.documents.first().and_then(|d| d.headline.as_ref()))
        .flatten()
        .map(|t| t.text.trim());
    let heading = match name {
        Some(n) => n.to_string(),
        None if several => format!("Career documents: {} documents", outcome.scorecards.len()),
        None => "Career documents".to_string(),
    };
    h.raw("<header class=\"masthead\"><p class=\"brand\">storyline <span>report</span></p><h1>")
        .text(&heading)
        .raw("</h1>");
    if let Some(hl) = headline {
        h.element("p", "lede", hl);
    }
    h.raw("<dl class=\"totals\">");
    for (label, class, n) in [
        (
            "errors",
            "sev-error",
            count(&outcome.diagnostics, Severity::Error),
        ),
        (
            "warnings",
            "sev-warning",
            count(&outcome.diagnostics, Severity::Warning),
        ),
        (
            "info",
            "sev-info",
            count(&outcome.diagnostics, Severity::Info),
        ),
        ("documents", "neutral", outcome.documents.len()),
    ] {
        h.raw("<div class=\"total ")
            .raw(class)
            .raw(if n == 0 { " zero" } else { "" })
            .raw("\"><dt>")
            .raw(label)
            .raw("</dt><dd>")
            .num(n)
            .raw("</dd></div>");
    }
    h.raw("</dl><p class=\"asof\">Measured as of ")
        .text(&outcome.today.to_string())
        .raw(" · ")
        .num(outcome.files)
        .raw(if outcome.files == 1 {
            " input</p></header>"
        } else {
            " inputs</p></header>"
        });
}

#[allow(clippy::too_many_arguments)]
fn document(
    h: &mut Html,
    outcome: &Outcome,
    i: usize,
    doc: &Document,
    ev: &Evidence,
    card: &Scorecard,
    next_conflict: &mut usize,
    filters_shown: &mut bool,
) {
    let id = format!("doc{}", i + 1);
    h.raw("<section class=\"document\"")
        .attr("id", &id)
        .attr("data-path", &doc.path)
        .raw("><h2 class=\"doc-title\">")
        .text(&doc.path)
        .raw("</h2><nav class=\"toc\" aria-label=\"Sections\">");
    for (anchor, label) in [
        ("scorecard", "Scorecard"),
        ("timeline", "Timeline"),
        ("scope", "Scope over time"),
        ("findings", "Findings in context"),
    ] {
        h.raw("<a")
            .attr("href", &format!("#{id}-{anchor}"))
            .raw(">")
            .raw(label)
            .raw("</a>");
    }
    h.raw("</nav>");

    scorecard(h, card, &format!("{id}-scorecard"));

    // Both channels share one axis.
    let profiles: Vec<&Document> = ev
        .alignments
        .iter()
        .filter_map(|a| outcome.documents.iter().find(|d| d.path == a.profile))
        .collect();
    let axis = Axis::covering(
        doc.roles
            .iter()
            .chain(profiles.iter().flat_map(|p| p.roles.iter())),
        outcome.today,
    );

    h.raw("<section class=\"timeline\"")
        .attr("id", &format!("{id}-timeline"))
        .raw("><h3>Timeline</h3>");
    match &axis {
        None => {
            h.raw("<p class=\"empty\">No role carries dates, so there is no timeline to draw.</p>");
        }
        Some(axis) if ev.alignments.is_empty() => {
            h.raw("<p class=\"explain\">")
                .raw(match doc.channel {
                    Channel::Resume => "The roles on the resume, not compared: no LinkedIn profile was paired with it. Pass <code>--profile</code> with a LinkedIn export to set them against LinkedIn’s and mark every conflict.",
                    Channel::Linkedin => "The positions on this LinkedIn profile.",
                })
                .raw("</p><figure class=\"chart\">");
            timeline::draw(h, axis, doc, None, &ev.assessment.recent, &[]);
            h.raw("</figure>");
        }
        Some(axis) => {
            for (alignment, profile) in ev.alignments.iter().zip(&profiles) {
                let conflicts = timeline::conflicts(
                    &outcome.diagnostics,
                    doc,
                    profile,
                    alignment,
                    next_conflict,
                );
                let profile_recent = outcome
                    .documents
                    .iter()
                    .position(|d| d.path == profile.path)
                    .and_then(|k| outcome.evidence.get(k))
                    .map(|e| e.assessment.recent.clone())
                    .unwrap_or_default();
                h.raw("<p class=\"explain\">The resume’s roles above LinkedIn’s (")
                    .text(&profile.path)
                    .raw("), on one time axis. ");
                // The count is the scorecard's (every conflict found); the
                // timeline marks the title, date and missing-role ones.
                let total = card.conflicts.unwrap_or(0);
                if total == 0 {
                    h.raw("<strong class=\"ok\">No conflict.</strong>");
                } else {
                    h.raw("<strong class=\"bad\">")
                        .num(total)
                        .raw(if total == 1 {
                            " conflict"
                        } else {
                            " conflicts"
                        })
                        .raw("</strong> in all (as in the scorecard); ");
                    if conflicts.is_empty() {
                        h.raw(
                            "none of them a title, date or missing role, so none is marked here.",
                        );
                    } else {
                        let verb = if conflicts.len() == 1 { " is" } else { " are" };
                        h.raw("the ")
                            .num(conflicts.len())
                            .raw(" about titles, dates or missing roles")
                            .raw(verb)
                            .raw(
                                " marked where they happen; hover a marker to compare both sides.",
                            );
                    }
                }
                h.raw("</p><figure class=\"chart pair\">");
                timeline::draw(
                    h,
                    axis,
                    doc,
                    Some(profile),
                    &ev.assessment.recent,
                    &conflicts,
                );
                timeline::draw(h, axis, profile, Some(doc), &profile_recent, &conflicts);
                h.raw("</figure>");
                if !conflicts.is_empty() {
                    h.raw("<ol class=\"conflict-list\">");
                    for c in &conflicts {
                        h.raw("<li class=\"")
                            .raw(annotate::severity_class(c.severity))
                            .raw("\"")
                            .attr_num("data-conflict", c.id)
                            .raw("><code>")
                            .text(c.code)
                            .raw("</code> ")
                            .text(&c.message)
                            .raw("</li>");
                    }
                    h.raw("</ol>");
                }
            }
        }
    }
    h.raw("<p class=\"legend\"><span class=\"key recent\"></span>recent role <span class=\"key older\"></span>older role <span class=\"key ghost\"></span>missing on this channel <span class=\"key today\"></span>today</p>");
    h.raw("</section>");

    h.raw("<section class=\"scope\"")
        .attr("id", &format!("{id}-scope"))
        .raw("><h3>Scope over time</h3><p class=\"explain\">The widest scope each role’s bullets evidence");
    match (card.target.as_deref(), ev.expected_scope) {
        (Some(t), Some(x)) => {
            h.raw(", against the ")
                .text(x.as_str())
                .raw(" scope that ")
                .text(t)
                .raw(
                    " expects (dashed line). Roles below the line are where the story falls short.",
                );
        }
        _ => {
            h.raw(". Set a target level (<code>--target</code>) to draw what it expects.");
        }
    }
    h.raw("</p>");
    match &axis {
        Some(axis) => {
            h.raw("<figure class=\"chart\">");
            scope::draw(h, axis, doc, ev, card.target.as_deref());
            h.raw("</figure><p class=\"legend\"><span class=\"key meets\"></span>at or above the target’s scope <span class=\"key below\"></span>below it <span class=\"key empty\"></span>no bullets</p>");
        }
        None => {
            h.raw("<p class=\"empty\">No dated roles.</p>");
        }
    }
    let undated: Vec<&str> = doc
        .roles
        .iter()
        .filter(|r| r.start.is_none())
        .map(|r| {
            r.title
                .as_ref()
                .or(r.company.as_ref())
                .map_or("a role", |t| t.text.trim())
        })
        .collect();
    if !undated.is_empty() && axis.is_some() {
        h.raw("<p class=\"muted\">Not on the time axis (no dates): ")
            .text(&undated.join(", "))
            .raw("</p>");
    }
    h.raw("</section>");

    h.raw("<section class=\"annotated\"")
        .attr("id", &format!("{id}-findings"))
        .raw("><h3>Findings in context</h3>");
    if !*filters_shown {
        filters(h, &outcome.diagnostics);
        *filters_shown = true;
    }
    let mine: Vec<&Diagnostic> = outcome
        .diagnostics
        .iter()
        .filter(|d| doc.owns_path(&d.path))
        .collect();
    if mine.is_empty() {
        h.raw("<p class=\"ok\">No findings in this document.</p>");
    }
    annotate::draw(h, doc, Some(ev), &mine);
    h.raw("</section></section>");
}

fn scorecard(h: &mut Html, card: &Scorecard, id: &str) {
    h.raw("<section class=\"scorecard\"")
        .attr("id", id)
        .raw("><h3>Scorecard</h3><div class=\"levels\">");
    let source = |s: &str| match s {
        "--target" => "set with --target".to_string(),
        "config" => "set in storyline.toml".to_string(),
        "headline" => "named in the headline".to_string(),
        other => format!("from {other}"),
    };
    level_card(
        h,
        "target",
        "Target level",
        card.target.as_deref().unwrap_or("none"),
        &card.target_source.map_or_else(
            || "pass --target, or name the level in the headline".to_string(),
            source,
        ),
    );
    level_card(
        h,
        "inferred",
        "Evidenced level",
        card.inferred.as_deref().unwrap_or("unknown"),
        card.inferred_basis
            .as_deref()
            .unwrap_or("no titled level or scope evidence"),
    );
    level_card(
        h,
        "widest",
        "Widest recent scope",
        card.widest_scope,
        "the broadest reach a recent bullet shows",
    );
    let share = card
        .quantified_share
        .map_or_else(|| "–".to_string(), |s| format!("{:.0}%", s * 100.0));
    level_card(
        h,
        "share",
        "Recent bullets quantified",
        &share,
        "achievement bullets with a number",
    );
    h.raw("</div><ol class=\"proofs\">");
    for p in &card.proofs {
        let (class, holds, mark, word) = match p.holds {
            Some(true) => ("holds", "true", "✓", "holds"),
            Some(false) => ("fails", "false", "✗", "fails"),
            None => ("unknown", "unknown", "–", "cannot be judged"),
        };
        h.raw("<li class=\"proof ")
            .raw(class)
            .raw("\" data-holds=\"")
            .raw(holds)
            .raw("\"><span class=\"mark\" role=\"img\"")
            .attr("aria-label", word)
            .raw(">")
            .raw(mark)
            .raw("</span><div class=\"proof-body\"><h4>");
        let mut name = p.name.to_string();
        if let Some(first) = name.get(..1) {
            name = first.to_uppercase() + &name[1..];
        }
        h.text(&name)
            .raw(" <span class=\"verdict\">")
            .raw(word)
            .raw("</span></h4><p>")
            .text(&p.detail)
            .raw("</p>");
        if !p.codes.is_empty() {
            h.raw("<p class=\"codes\">");
            for c in &p.codes {
                h.element("code", "", c);
            }
            h.raw("</p>");
        }
        h.raw("</div></li>");
    }
    h.raw("</ol></section>");
}

fn level_card(h: &mut Html, class: &'static str, label: &'static str, value: &str, note: &str) {
    h.raw("<div class=\"level-card ")
        .raw(class)
        .raw("\"><span class=\"k\">")
        .raw(label)
        .raw("</span><span class=\"v\">")
        .text(value)
        .raw("</span><span class=\"n\">")
        .text(note)
        .raw("</span></div>");
}

/// The filter bar: hidden until the script shows it, so that without
/// JavaScript the page simply shows every finding.
fn filters(h: &mut Html, diags: &[Diagnostic]) {
    let mut by_family: BTreeMap<&str, usize> = BTreeMap::new();
    for d in diags {
        *by_family.entry(family(d.code)).or_default() += 1;
    }
    h.raw("<form class=\"filters\" hidden aria-label=\"Filter findings\"><fieldset><legend>Rule family</legend>");
    for f in crate::rules::registry::Family::ALL.map(|f| f.letter()) {
        let n = by_family.get(f).copied().unwrap_or(0);
        if f == "X" && n == 0 {
            continue;
        }
        h.raw("<label class=\"chip\"><input type=\"checkbox\" name=\"family\" checked")
            .attr("value", f)
            .raw(if n == 0 { " disabled" } else { "" })
            .raw("><span><b>")
            .text(f)
            .raw("</b> ")
            .raw(family_name(f))
            .raw(" <i>")
            .num(n)
            .raw("</i></span></label>");
    }
    h.raw("</fieldset><fieldset><legend>Severity</legend>");
    for s in [Severity::Error, Severity::Warning, Severity::Info] {
        h.raw("<label class=\"chip ")
            .raw(annotate::severity_class(s))
            .raw("\"><input type=\"checkbox\" name=\"severity\" checked")
            .attr("value", s.as_str())
            .raw("><span>")
            .text(s.as_str())
            .raw(" <i>")
            .num(count(diags, s))
            .raw("</i></span></label>");
    }
    h.raw("</fieldset><label class=\"only\"><input type=\"checkbox\" name=\"only\"> only bullets with findings</label><output class=\"shown\" aria-live=\"polite\"></output></form>");
}
