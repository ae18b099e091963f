//! The two timelines: a channel's roles as bars on the shared time axis,
//! with the cross-channel conflicts (C001 title, C002 dates, C003 missing
//! role) marked on the roles they concern, and hover text (SVG `<title>`)
//! that quotes both sides.

use super::axis::{Axis, GUTTER, WIDTH, clip, describe, show_dates};
use super::escape::Html;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{Channel, Document, Role};
use crate::report::evidence::Alignment;
use crate::source::Span;

/// Which end of a role a date conflict concerns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    None,
    Start,
    End,
    Both,
}

/// One cross-channel conflict, placed on the roles of both channels.
#[derive(Debug, Clone)]
pub struct Conflict {
    /// Unique on the page: markers of one conflict on both timelines share it.
    pub id: usize,
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    pub resume_role: Option<usize>,
    pub profile_roles: Vec<usize>,
    pub edge: Edge,
    /// Both sides, quoted, for the hover text.
    pub hover: String,
}

/// The codes drawn on the timelines.
pub const TIMELINE_CODES: [&str; 3] = ["C001", "C002", "C003"];

fn contains(span: Span, offset: usize) -> bool {
    span.start <= offset && offset < span.end.max(span.start + 1)
}

/// The role whose header (or title) holds a source offset.
pub fn role_at(doc: &Document, offset: usize) -> Option<usize> {
    doc.roles.iter().position(|r| {
        contains(r.header.span(), offset)
            || r.title.as_ref().is_some_and(|t| contains(t.span(), offset))
    })
}

/// The conflicts between a resume and one profile, numbered from `next_id`.
pub fn conflicts(
    diagnostics: &[Diagnostic],
    resume: &Document,
    profile: &Document,
    alignment: &Alignment,
    next_id: &mut usize,
) -> Vec<Conflict> {
    let mut out = Vec::new();
    for d in diagnostics {
        if !TIMELINE_CODES.contains(&d.code) {
            continue;
        }
        let other_is = |doc: &Document| d.related.iter().any(|r| doc.owns_path(&r.path));
        let (resume_role, profile_roles) = if resume.owns_path(&d.path) && other_is(profile) {
            let Some(i) = role_at(resume, d.span.start) else {
                continue;
            };
            let theirs = alignment
                .roles
                .iter()
                .find(|a| a.resume == i)
                .map(|a| a.profile.clone())
                .unwrap_or_default();
            (Some(i), theirs)
        } else if profile.owns_path(&d.path) && other_is(resume) {
            let Some(j) = role_at(profile, d.span.start) else {
                continue;
            };
            (None, vec![j])
        } else {
            continue;
        };
        if d.code != "C003" && (resume_role.is_none() || profile_roles.is_empty()) {
            continue;
        }
        let edge = match d.code {
            "C002" if d.message.starts_with("start and end") => Edge::Both,
            "C002" if d.message.starts_with("end date") => Edge::End,
            "C002" => Edge::Start,
            _ => Edge::None,
        };
        let side = |doc: &Document, roles: &[usize]| -> String {
            if roles.is_empty() {
                "no matching role".into()
            } else {
                roles
                    .iter()
                    .map(|&i| describe(&doc.roles[i]))
                    .collect::<Vec<_>>()
                    .join(" / ")
            }
        };
        let hover = format!(
            "{} {}\nResume: {}\nLinkedIn: {}\n{}",
            d.code,
            d.rule,
            side(resume, &resume_role.into_iter().collect::<Vec<_>>()),
            side(profile, &profile_roles),
            d.message
        );
        *next_id += 1;
        out.push(Conflict {
            id: *next_id,
            code: d.code,
            severity: d.severity,
            message: d.message.clone(),
            resume_role,
            profile_roles,
            edge,
            hover,
        });
    }
    out
}

const LANE: f64 = 70.0;
const BAR: f64 = 40.0;
const BAR_TOP: f64 = 24.0;

/// Half a badge's width.
const BADGE_HALF: f64 = 19.0;

/// Where a conflict's badge would stand on a bar from `x0` to `x1`.
fn badge_x(c: &Conflict, x0: f64, x1: f64) -> f64 {
    match (c.code, c.edge) {
        (_, Edge::Start) => x0,
        (_, Edge::End) => x1,
        ("C001", _) => x0 + (x1 - x0) * 0.35,
        _ => x0 + (x1 - x0) * 0.6,
    }
    .clamp(GUTTER + 20.0, WIDTH - 22.0)
}

/// The badge centres of a bar's conflicts, spread so that none touch, and
/// the bar's extent with them (what its lane must keep clear).
fn with_badges(cs: &[&Conflict], x0: f64, x1: f64) -> (Vec<f64>, (f64, f64)) {
    let centres = super::lanes::spread(
        cs.iter().map(|c| badge_x(c, x0, x1)).collect(),
        2.0 * BADGE_HALF,
    );
    // The bar as drawn: a hairline in from each end.
    let (bx0, bx1) = (x0 + 1.0, (x1 - 1.0).max(x0 + 3.0));
    let lo = centres.iter().fold(bx0, |m, &c| m.min(c - BADGE_HALF));
    let hi = centres.iter().fold(bx1, |m, &c| m.max(c + BADGE_HALF));
    (centres, (lo, hi))
}

fn severity_class(s: Severity) -> &'static str {
    match s {
        Severity::Error => "sev-error",
        Severity::Warning => "sev-warning",
        Severity::Info => "sev-info",
    }
}

/// One channel's timeline. `other` is the document on the other channel
/// (for the roles this one lacks); `recent` are this document's recent roles.
pub fn draw(
    h: &mut Html,
    axis: &Axis,
    doc: &Document,
    other: Option<&Document>,
    recent: &[usize],
    conflicts: &[Conflict],
) {
    let channel = doc.channel;
    let mine = |c: &Conflict| -> Vec<usize> {
        match channel {
            Channel::Resume => c.resume_role.into_iter().collect(),
            Channel::Linkedin => c.profile_roles.clone(),
        }
    };
    let theirs = |c: &Conflict| -> Vec<usize> {
        match channel {
            Channel::Resume => c.profile_roles.clone(),
            Channel::Linkedin => c.resume_role.into_iter().collect(),
        }
    };
    // Each role with its badges, in lanes that keep every bar and badge
    // clear of the others.
    let bars: Vec<(usize, f64, f64, Vec<&Conflict>)> = doc
        .roles
        .iter()
        .enumerate()
        .take(super::MAX_ROLES_SHOWN)
        .filter_map(|(i, r)| axis.role_x(r).map(|(a, b)| (i, a, b)))
        .map(|(i, a, b)| {
            (
                i,
                a,
                b,
                conflicts.iter().filter(|c| mine(c).contains(&i)).collect(),
            )
        })
        .collect();
    let laid: Vec<(Vec<f64>, (f64, f64))> = bars
        .iter()
        .map(|(_, a, b, cs)| with_badges(cs, *a, *b))
        .collect();
    let (bar_lanes, n_lanes) =
        super::lanes::assign(&laid.iter().map(|l| l.1).collect::<Vec<_>>(), 1.0);
    let n_lanes = n_lanes.max(1);
    // Roles only the other channel has: ghosts on lanes of their own.
    let ghosts: Vec<(&Conflict, &Role, f64, f64)> = other
        .map(|o| {
            conflicts
                .iter()
                .filter(|c| c.code == "C003" && mine(c).is_empty())
                .flat_map(|c| theirs(c).into_iter().map(move |j| (c, &o.roles[j])))
                .filter_map(|(c, r)| axis.role_x(r).map(|(a, b)| (c, r, a, b)))
                .take(super::MAX_ROLES_SHOWN)
                .collect()
        })
        .unwrap_or_default();
    let ghost_laid: Vec<(f64, (f64, f64))> = ghosts
        .iter()
        .map(|(c, _, a, b)| {
            let (centres, extent) = with_badges(&[c], *a, *b);
            (centres[0], extent)
        })
        .collect();
    let (ghost_lanes, n_ghost_lanes) =
        super::lanes::assign(&ghost_laid.iter().map(|l| l.1).collect::<Vec<_>>(), 1.0);
    let total_lanes = n_lanes + n_ghost_lanes;
    let bottom = 8.0 + LANE * total_lanes as f64;
    let height = bottom + 22.0;
    let (label, class) = match channel {
        Channel::Resume => ("Resume", "timeline channel-resume"),
        Channel::Linkedin => ("LinkedIn", "timeline channel-linkedin"),
    };

    h.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"")
        .attr("class", class)
        .attr(
            "data-channel",
            match channel {
                Channel::Resume => "resume",
                Channel::Linkedin => "linkedin",
            },
        )
        .raw(" viewBox=\"0 0 ")
        .num(WIDTH)
        .raw(" ")
        .num(height)
        .raw("\" preserveAspectRatio=\"xMinYMin meet\"")
        .attr(
            "aria-label",
            &format!("{label} roles over time: {}", doc.path),
        )
        .raw(">");
    axis.draw(h, 8.0, bottom);
    h.raw("<text class=\"lane-label\"")
        .attr_num("x", GUTTER - 14.0)
        .attr_num("y", 8.0 + BAR_TOP + BAR / 2.0 + 4.0)
        .raw(">")
        .text(label)
        .raw("</text>");

    for (((i, x0, x1, cs), (centres, _)), &lane) in bars.iter().zip(&laid).zip(&bar_lanes) {
        let (i, x0, x1) = (*i, *x0, *x1);
        let role = &doc.roles[i];
        let top = 8.0 + LANE * lane as f64 + BAR_TOP;
        // A hairline between roles that follow each other.
        let (x0, x1) = (x0 + 1.0, (x1 - 1.0).max(x0 + 3.0));
        let w = x1 - x0;
        let has_conflict = conflicts.iter().any(|c| mine(c).contains(&i));
        h.raw("<g class=\"role-bar")
            .raw(if recent.contains(&i) {
                " recent"
            } else {
                " older"
            })
            .raw(if has_conflict { " conflicted" } else { "" })
            .raw("\"")
            .attr_num("data-role", i)
            .raw(">");
        h.raw("<title>")
            .text(&describe(role))
            .text(&match role.bullets.len() {
                1 => "\n1 bullet".to_string(),
                n => format!("\n{n} bullets"),
            })
            .raw("</title>");
        h.raw("<rect rx=\"5\"")
            .attr_num("x", x0)
            .attr_num("y", top)
            .attr_num("width", w)
            .attr_num("height", BAR)
            .raw("/>");
        let title = role.title.as_ref().map_or("", |t| t.text.trim());
        let company = role.company.as_ref().map_or("", |t| t.text.trim());
        let chars = ((w - 14.0) / 6.9).floor().max(0.0) as usize;
        if chars >= 4 {
            h.raw("<text class=\"bar-title\"")
                .attr_num("x", x0 + 7.0)
                .attr_num("y", top + 16.0)
                .raw(">")
                .text(&clip(if title.is_empty() { company } else { title }, chars))
                .raw("</text>");
            if !title.is_empty() && !company.is_empty() {
                h.raw("<text class=\"bar-sub\"")
                    .attr_num("x", x0 + 7.0)
                    .attr_num("y", top + 31.0)
                    .raw(">")
                    .text(&clip(
                        &format!("{company} · {}", show_dates(role)),
                        chars + 2,
                    ))
                    .raw("</text>");
            }
        }
        h.raw("</g>");
        for (c, &cx) in cs.iter().zip(centres) {
            marker(h, c, cx, (x0, x1), top, false);
        }
    }

    for (((c, role, x0, x1), (cx, _)), &lane) in ghosts.iter().zip(&ghost_laid).zip(&ghost_lanes) {
        // Drawn like a bar, a hairline in from each end.
        let (x0, x1) = (*x0 + 1.0, (*x1 - 1.0).max(*x0 + 3.0));
        let ghost_top = 8.0 + LANE * (n_lanes + lane) as f64 + BAR_TOP;
        h.raw("<g class=\"ghost\"><title>")
            .text(&c.hover)
            .raw("</title><rect rx=\"5\"")
            .attr_num("x", x0)
            .attr_num("y", ghost_top)
            .attr_num("width", x1 - x0)
            .attr_num("height", BAR)
            .raw("/>");
        let chars = ((x1 - x0 - 14.0) / 6.4).floor().max(0.0) as usize;
        if chars >= 4 {
            h.raw("<text class=\"ghost-label\"")
                .attr_num("x", x0 + 7.0)
                .attr_num("y", ghost_top + 24.0)
                .raw(">")
                .text(&clip(
                    &format!(
                        "missing · {}",
                        role.company
                            .as_ref()
                            .or(role.title.as_ref())
                            .map_or("a role", |t| t.text.trim())
                    ),
                    chars,
                ))
                .raw("</text>");
        }
        h.raw("</g>");
        marker(h, c, *cx, (x0, x1), ghost_top, true);
    }
    h.raw("</svg>");
}

/// A conflict's badge above a bar (or ghost), with a stem, and for a date
/// conflict the disputed edge drawn in the severity's colour.
fn marker(h: &mut Html, c: &Conflict, cx: f64, (x0, x1): (f64, f64), top: f64, ghost: bool) {
    h.raw("<g class=\"conflict ")
        .raw(severity_class(c.severity))
        .raw("\"")
        .attr("data-code", c.code)
        .attr_num("data-conflict", c.id)
        .raw(if ghost { " data-ghost=\"true\"" } else { "" })
        .raw(" tabindex=\"0\"><title>")
        .text(&c.hover)
        .raw("</title>");
    if c.edge != Edge::None && !ghost {
        for (on, x) in [(Edge::Start, x0), (Edge::End, x1)] {
            if c.edge == on || c.edge == Edge::Both {
                h.raw("<line class=\"edge\"")
                    .attr_num("x1", x)
                    .attr_num("x2", x)
                    .attr_num("y1", top - 2.0)
                    .attr_num("y2", top + BAR + 2.0)
                    .raw("/>");
            }
        }
    }
    h.raw("<line class=\"stem\"")
        .attr_num("x1", cx)
        .attr_num("x2", cx)
        .attr_num("y1", top - 6.0)
        .attr_num("y2", top)
        .raw("/>");
    h.raw("<rect class=\"badge\" rx=\"8\"")
        .attr_num("x", cx - BADGE_HALF)
        .attr_num("y", top - 22.0)
        .raw(" width=\"38\" height=\"16\"/>");
    h.raw("<text class=\"badge-text\"")
        .attr_num("x", cx)
        .attr_num("y", top - 10.5)
        .raw(">")
        .text(c.code)
        .raw("</text></g>");
}
