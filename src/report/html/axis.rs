//! The time axis every chart of a document shares, so that a role sits at
//! the same x on the resume's timeline, LinkedIn's and the scope chart.

use super::escape::Html;
use crate::align::interval;
use crate::date::{DatePoint, YearMonth};
use crate::model::Role;

/// The SVG coordinate system: a fixed view box, scaled to the page width.
pub const WIDTH: f64 = 960.0;
/// Left margin for the lane and tier labels.
pub const GUTTER: f64 = 116.0;
const RIGHT: f64 = 28.0;

/// Months `[from, to)` mapped onto `[GUTTER, WIDTH - RIGHT]`.
#[derive(Debug, Clone, Copy)]
pub struct Axis {
    from: i32,
    to: i32,
    today: YearMonth,
}

impl Axis {
    /// An axis from the January before the earliest start to the January
    /// after the latest end (or today), or `None` when no role has a date.
    pub fn covering<'a>(roles: impl Iterator<Item = &'a Role>, today: YearMonth) -> Option<Axis> {
        let spans: Vec<(i32, i32)> = roles.filter_map(|r| interval(r, today)).collect();
        let first = spans.iter().map(|s| s.0).min()?;
        let last = spans
            .iter()
            .map(|s| s.1)
            .max()?
            .max(today.months(12).min(first + 12 * 60));
        let from = first.div_euclid(12) * 12;
        let to = (last.div_euclid(12) + 1) * 12;
        Some(Axis { from, to, today })
    }

    /// The x of the start of a month (months since year 0).
    pub fn x(&self, month: i32) -> f64 {
        let span = f64::from((self.to - self.from).max(1));
        GUTTER + f64::from(month - self.from) / span * (WIDTH - GUTTER - RIGHT)
    }

    /// A role's bar: from the start of its first month to the end of its
    /// last one.
    pub fn role_x(&self, role: &Role) -> Option<(f64, f64)> {
        let (s, e) = interval(role, self.today)?;
        let (x0, x1) = (self.x(s), self.x(e + 1));
        Some((x0, x1.max(x0 + 4.0)))
    }

    /// The x of the end of the current month.
    pub fn today_x(&self) -> f64 {
        self.x(self.today.months(12) + 1)
    }

    /// Vertical grid lines and year labels from `top` to `bottom`.
    pub fn draw(&self, h: &mut Html, top: f64, bottom: f64) {
        let years = (self.to - self.from) / 12;
        let step = match years {
            0..=12 => 1,
            13..=24 => 2,
            _ => 5,
        };
        let first_year = self.from / 12;
        h.raw("<g class=\"axis\" aria-hidden=\"true\">");
        for y in (first_year..=self.to / 12).step_by(step) {
            let x = self.x(y * 12);
            h.raw("<line class=\"grid\"")
                .attr_num("x1", x)
                .attr_num("x2", x)
                .attr_num("y1", top)
                .attr_num("y2", bottom)
                .raw("/>");
            if y * 12 < self.to {
                h.raw("<text class=\"year\"")
                    .attr_num("x", x + 4.0)
                    .attr_num("y", bottom + 14.0)
                    .raw(">")
                    .num(y)
                    .raw("</text>");
            }
        }
        let tx = self.today_x();
        h.raw("<line class=\"today\"")
            .attr_num("x1", tx)
            .attr_num("x2", tx)
            .attr_num("y1", top - 4.0)
            .attr_num("y2", bottom)
            .raw("/>");
        h.raw("</g>");
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// "Mar 2021", "2016", "Present".
pub fn show_date(d: Option<DatePoint>) -> String {
    match d {
        None => "?".into(),
        Some(DatePoint::Present) => "Present".into(),
        Some(DatePoint::At(ym)) => match ym.month {
            Some(m) => format!("{} {}", MONTHS[usize::from(m.clamp(1, 12)) - 1], ym.year),
            None => ym.year.to_string(),
        },
    }
}

/// "Mar 2021 – Present", or "" for an undated role.
pub fn show_dates(role: &Role) -> String {
    if role.start.is_none() && role.end.is_none() {
        String::new()
    } else {
        format!("{} – {}", show_date(role.start), show_date(role.end))
    }
}

/// "Staff ML Engineer, Northwind (Mar 2021 – Present)".
pub fn describe(role: &Role) -> String {
    let part = |t: &Option<crate::source::Text>| t.as_ref().map(|t| t.text.trim().to_string());
    let mut s = match (part(&role.title), part(&role.company)) {
        (Some(t), Some(c)) => format!("{t}, {c}"),
        (a, b) => a.or(b).unwrap_or_else(|| "Untitled role".into()),
    };
    let dates = show_dates(role);
    if !dates.is_empty() {
        s.push_str(&format!(" ({dates})"));
    }
    s
}

/// At most `max` characters, with an ellipsis when cut.
pub fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else if max <= 1 {
        String::new()
    } else {
        let cut: String = s.chars().take(max - 1).collect();
        format!("{}…", cut.trim_end())
    }
}
