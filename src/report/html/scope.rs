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

fn row_y(t: ScopeTier) -> f64 {
    TOP + (ScopeTier::ALL.len() - 1 - tier_index(t)) as f64 * ROW + ROW / 2.0
}

/// The chart; `target` names the target level for the expectation line.
pub fn draw(h: &mut Html, axis: &Axis, doc: &Document, ev: &Evidence, target: Option<&str>) {
    let bottom = TOP + ROW * ScopeTier::ALL.len() as f64;
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
    for (i, role) in doc.roles.iter().enumerate() {
        let Some((x0, x1)) = axis.role_x(role) else {
            continue;
        };
        let Some(e) = ev.assessment.roles.get(i) else {
            continue;
        };
        let empty = role.bullets.is_empty();
        let y = row_y(e.scope);
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
        let chars = ((x1 - x0) / 6.2).floor() as usize;
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
