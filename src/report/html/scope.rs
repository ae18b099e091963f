//! Scope over time: each role at the widest scope tier its bullets
//! evidence, on the shared time axis, against the tier the target level
//! expects.

use super::axis::{Axis, GUTTER, WIDTH, clip, describe};
use super::escape::Html;
use crate::model::Document;
use crate::report::evidence::Evidence;
use crate::rubric::ScopeTier;

const ROW: f64 = 30.0;
const TOP: f64 = 14.0;

fn tier_index(t: ScopeTier) -> usize {
    ScopeTier::ALL.iter().position(|&x| x == t).unwrap_or(0)
}

/// The rows of the chart: each tier (widest on top) takes as many sub-rows
/// as its roles need so that no two bars or names cover each other.
struct Rows {
    /// Per tier (in `ScopeTier::ALL` order): its first sub-row, and count.
    first: Vec<usize>,
}

impl Rows {
    fn new(sub_rows: &[usize]) -> Rows {
        let mut first = vec![0; sub_rows.len()];
        let mut next = 0;
        for t in (0..sub_rows.len()).rev() {
            first[t] = next;
            next += sub_rows[t].max(1);
        }
        Rows { first }
    }

    fn total(&self, sub_rows: &[usize]) -> usize {
        sub_rows.iter().map(|&n| n.max(1)).sum()
    }

    /// The centre line of a tier's sub-row.
    fn y(&self, t: ScopeTier, sub: usize) -> f64 {
        TOP + (self.first[tier_index(t)] + sub) as f64 * ROW + ROW / 2.0
    }
}

/// The chart; `target` names the target level for the expectation line.
pub fn draw(h: &mut Html, axis: &Axis, doc: &Document, ev: &Evidence, target: Option<&str>) {
    // Each drawn role, its tier and its extent (the bar; its name is cut
    // to fit inside it), and its sub-row within the tier.
    let drawn: Vec<(usize, f64, f64, ScopeTier)> = doc
        .roles
        .iter()
        .enumerate()
        .take(super::MAX_ROLES_SHOWN)
        .filter_map(|(i, role)| {
            let (x0, x1) = axis.role_x(role)?;
            let e = ev.assessment.roles.get(i)?;
            Some((i, x0, x1, e.scope))
        })
        .collect();
    let mut sub_of = vec![0; drawn.len()];
    let mut sub_rows = vec![1; ScopeTier::ALL.len()];
    for tier in ScopeTier::ALL {
        let mine: Vec<usize> = (0..drawn.len()).filter(|&k| drawn[k].3 == tier).collect();
        let extents: Vec<(f64, f64)> = mine
            .iter()
            .map(|&k| {
                (
                    drawn[k].1 + 1.0,
                    drawn[k].1 + 1.0 + (drawn[k].2 - drawn[k].1 - 2.0).max(4.0),
                )
            })
            .collect();
        let (lanes, n) = super::lanes::assign(&extents, 1.0);
        for (&k, lane) in mine.iter().zip(lanes) {
            sub_of[k] = lane;
        }
        sub_rows[tier_index(tier)] = n.max(1);
    }
    let rows = Rows::new(&sub_rows);
    let row_y = |t: ScopeTier| rows.y(t, 0);
    let bottom = TOP + ROW * rows.total(&sub_rows) as f64;
    let height = bottom + 22.0;
    h.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"scope-chart\" role=\"img\" viewBox=\"0 0 ")
        .num(WIDTH)
        .raw(" ")
        .num(height)
        .raw("\" preserveAspectRatio=\"xMinYMin meet\"")
        .attr(
            "aria-label",
            &format!("Widest scope evidenced per role over time: {}", doc.path),
        )
        .raw(">");
    for t in ScopeTier::ALL {
        let y = row_y(t);
        let expected = ev.expected_scope == Some(t);
        // A tier with more than one sub-row is shaded as one band, each
        // sub-row with its own line, so its lower rows read as the tier's.
        let subs = sub_rows[tier_index(t)];
        if subs > 1 {
            h.raw("<rect class=\"tier-band\"")
                .attr_num("x", GUTTER)
                .attr_num("y", y - ROW / 2.0)
                .attr_num("width", WIDTH - 28.0 - GUTTER)
                .attr_num("height", ROW * subs as f64)
                .raw("/>");
            for sub in 1..subs {
                let ys = rows.y(t, sub);
                h.raw("<line class=\"tier-line\"")
                    .attr_num("x1", GUTTER)
                    .attr_num("x2", WIDTH - 28.0)
                    .attr_num("y1", ys)
                    .attr_num("y2", ys)
                    .raw("/>");
            }
        }
        h.raw("<line class=\"tier-line\"")
            .attr_num("x1", GUTTER)
            .attr_num("x2", WIDTH - 28.0)
            .attr_num("y1", y)
            .attr_num("y2", y)
            .raw("/><text class=\"tier-label")
            .raw(if expected { " expected-tier" } else { "" })
            .raw("\"")
            .attr_num("x", GUTTER - 14.0)
            .attr_num("y", y + 4.0)
            .raw(">")
            .text(t.as_str())
            .raw("</text>");
    }
    axis.draw(h, TOP, bottom);

    if let Some(expected) = ev.expected_scope {
        let y = row_y(expected);
        h.raw("<g class=\"expected\"><title>")
            .text(&format!(
                "{} expects {} scope",
                target.unwrap_or("the target level"),
                expected
            ))
            .raw("</title><line")
            .attr_num("x1", GUTTER)
            .attr_num("x2", WIDTH - 28.0)
            .attr_num("y1", y)
            .attr_num("y2", y)
            .raw("/><path class=\"expected-tick\" d=\"M")
            .num(GUTTER - 9.0)
            .raw(" ")
            .num(y - 4.0)
            .raw(" l6 4 l-6 4 z\"/></g>");
    }

    let recent = &ev.assessment.recent;
    for (&(i, x0, x1, tier), &sub) in drawn.iter().zip(&sub_of) {
        let role = &doc.roles[i];
        let Some(e) = ev.assessment.roles.get(i) else {
            continue;
        };
        let empty = role.bullets.is_empty();
        let y = rows.y(tier, sub);
        let standing = match ev.expected_scope {
            _ if empty => "empty",
            Some(x) if e.scope >= x => "meets",
            Some(_) => "below",
            None => "neutral",
        };
        let evidence = match e.scope_at {
            Some(b) => format!(
                "widest scope: {} (\"{}\")",
                e.scope,
                clip(role.bullets[b].text.trim(), 90)
            ),
            None if empty => "no bullets: no scope evidenced".into(),
            None => format!("widest scope: {} (no bullet names a wider one)", e.scope),
        };
        h.raw("<g class=\"scope-role ")
            .raw(standing)
            .raw(if recent.contains(&i) {
                " recent"
            } else {
                " older"
            })
            .raw("\"")
            .attr_num("data-role", i)
            .attr("data-tier", e.scope.as_str())
            .raw("><title>")
            .text(&format!("{}\n{evidence}", describe(role)))
            .raw("</title><rect rx=\"6\"")
            .attr_num("x", x0 + 1.0)
            .attr_num("y", y - 6.0)
            .attr_num("width", (x1 - x0 - 2.0).max(4.0))
            .raw(" height=\"12\"/>");
        let name = role
            .company
            .as_ref()
            .or(role.title.as_ref())
            .map_or("", |t| t.text.trim());
        // Cut to fit inside the bar, so that names never run into the next role.
        let chars = ((x1 - x0 - 6.0) / 6.2).floor().max(0.0) as usize;
        if chars >= 4 && !name.is_empty() {
            h.raw("<text class=\"scope-name\"")
                .attr_num("x", x0 + 3.0)
                .attr_num("y", y - 10.0)
                .raw(">")
                .text(&clip(name, chars))
                .raw("</text>");
        }
        h.raw("</g>");
    }
    h.raw("</svg>");
}
