//! What a document evidences against a level rubric: the target level and
//! where it came from, the level inferred from titles and scope, which
//! roles are recent, the widest scope, leadership signals and metric
//! density. Computed once per document; the level rules and the scorecard
//! read it.

use std::ops::Range;

use serde::Serialize;

use crate::analysis::Prepared;
use crate::date::{DatePoint, YearMonth};
use crate::lexicon::Lexicon;
use crate::model::{Document, Role};
use crate::rubric::{Leadership, Rubric, ScopeTier};

/// Where the target level came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TargetSource {
    /// `--target` on the command line.
    Flag,
    /// `target =` in storyline.toml.
    Config,
    /// The level the document's headline names.
    Headline,
}

impl TargetSource {
    pub fn as_str(self) -> &'static str {
        match self {
            TargetSource::Flag => "--target",
            TargetSource::Config => "config",
            TargetSource::Headline => "headline",
        }
    }
}

/// A bullet, by role and index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BulletRef {
    pub role: usize,
    pub bullet: usize,
}

/// What one bullet evidences, as the rules read it (shown per bullet in the
/// HTML report, like `extract` shows it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct BulletSignals {
    pub scope: ScopeTier,
    pub leadership: bool,
    pub quantified: bool,
}

/// What one role's bullets evidence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleEvidence {
    /// The widest scope tier of its bullets, and the first bullet showing it.
    pub scope: ScopeTier,
    pub scope_at: Option<usize>,
    /// Quantified and total achievement bullets.
    pub quantified: usize,
    pub achievements: usize,
    /// Per bullet, what it evidences (scope and leadership of the roles
    /// that are not recent after `fill_history_scope` only).
    pub bullets: Vec<BulletSignals>,
}

impl RoleEvidence {
    pub fn quantified_share(&self) -> Option<f64> {
        (self.achievements > 0).then(|| self.quantified as f64 / self.achievements as f64)
    }
}

#[derive(Debug, Clone)]
pub struct Assessment {
    pub target: Option<(usize, TargetSource)>,
    /// Levels the headline names, longest alias per place.
    pub headline_levels: Vec<(usize, Range<usize>)>,
    /// The level the documents evidence now, and why.
    pub inferred: Option<(usize, String)>,
    /// Why no level is evidenced, when `inferred` is none.
    pub unknown_because: Option<String>,
    /// Indices of recent roles, most recent first as in the document.
    pub recent: Vec<usize>,
    /// The widest scope tier in recent bullets and where it shows.
    pub widest_scope: ScopeTier,
    pub widest_at: Option<BulletRef>,
    /// The scope the headline and summary state.
    pub statement_scope: ScopeTier,
    /// Leadership signals in recent bullets.
    pub leadership: Vec<(Leadership, BulletRef)>,
    /// Quantified and total achievement bullets in recent roles.
    pub quantified: usize,
    pub achievements: usize,
    /// Per role (index into `doc.roles`), recent or not; the scope of the
    /// roles that are not recent after `fill_history_scope` only.
    pub roles: Vec<RoleEvidence>,
}

impl Assessment {
    /// Fills in the scope of the roles that are not recent, which
    /// [`assess`] leaves at task (only the HTML report shows it).
    pub fn fill_history_scope(&mut self, doc: &Document, rubric: &Rubric) {
        for (i, (e, role)) in self.roles.iter_mut().zip(&doc.roles).enumerate() {
            if self.recent.contains(&i) {
                continue;
            }
            for (bi, b) in role.bullets.iter().enumerate() {
                let sig = rubric.signals_in(&b.text);
                let tier = sig.scope;
                if let Some(read) = e.bullets.get_mut(bi) {
                    read.scope = tier;
                    read.leadership = sig.leadership().next().is_some();
                }
                if tier > e.scope {
                    e.scope = tier;
                    e.scope_at = Some(bi);
                }
            }
        }
    }

    /// An assessment of nothing, before the real one is computed.
    pub fn empty() -> Self {
        Assessment {
            target: None,
            headline_levels: Vec::new(),
            inferred: None,
            unknown_because: None,
            recent: Vec::new(),
            widest_scope: ScopeTier::Task,
            widest_at: None,
            statement_scope: ScopeTier::Task,
            leadership: Vec::new(),
            quantified: 0,
            achievements: 0,
            roles: Vec::new(),
        }
    }

    pub fn quantified_share(&self) -> Option<f64> {
        (self.achievements > 0).then(|| self.quantified as f64 / self.achievements as f64)
    }
}

/// Levels named in `text`, keeping only the longest alias at each place
/// ("Senior Staff" is staff, not senior and staff).
pub fn levels_named(rubric: &Rubric, text: &str) -> Vec<(usize, Range<usize>)> {
    let all = rubric.levels_in(text);
    let mut out: Vec<(usize, Range<usize>)> = Vec::new();
    for (level, r) in all {
        let covered = out
            .iter()
            .any(|(_, o)| o.start <= r.start && r.end <= o.end);
        if covered {
            continue;
        }
        out.retain(|(_, o)| !(r.start <= o.start && o.end <= r.end));
        out.push((level, r));
    }
    out.sort_by_key(|(_, r)| r.start);
    out
}

/// Whether a role counts as recent: it is current, or ended within the
/// rubric's window. An undated role counts when it is the first listed.
pub fn is_recent(role: &Role, index: usize, today: YearMonth, years: u32) -> bool {
    recent_span(role.start, role.end, index, today, years)
}

fn recent_span(
    start: Option<DatePoint>,
    end: Option<DatePoint>,
    index: usize,
    today: YearMonth,
    years: u32,
) -> bool {
    let cutoff = today.months(12) - 12 * years as i32;
    match (end, start) {
        (Some(DatePoint::Present), _) => true,
        (Some(end @ DatePoint::At(_)), _) => end.months(today, 12) >= cutoff,
        (None, Some(start)) => start.months(today, 1) >= cutoff,
        (None, None) => index == 0,
    }
}

pub fn assess(
    p: &Prepared<'_>,
    lexicon: &Lexicon,
    rubric: &Rubric,
    today: YearMonth,
    explicit_target: Option<(usize, TargetSource)>,
) -> Assessment {
    let doc: &Document = p.doc;
    let headline_levels = doc
        .headline
        .as_ref()
        .map(|h| levels_named(rubric, &h.text))
        .unwrap_or_default();
    let target = explicit_target.or_else(|| {
        // Only an unambiguous headline sets the target.
        let mut distinct: Vec<usize> = headline_levels.iter().map(|(l, _)| *l).collect();
        distinct.sort_unstable();
        distinct.dedup();
        (distinct.len() == 1).then(|| (distinct[0], TargetSource::Headline))
    });

    // Recency and years count from the date the document speaks as of, so
    // an old resume is judged as it stood when written.
    let today = written_as_of(doc, lexicon, rubric, today);
    let recent: Vec<usize> = (0..doc.roles.len())
        .filter(|&i| {
            let r = &doc.roles[i];
            let end = r.end.or_else(|| next_start(doc, i).map(DatePoint::At));
            recent_span(r.start, end, i, today, rubric.recent_years)
        })
        .collect();

    // Scope and leadership of every recent bullet, in one scan each. Older
    // roles' scope only shows in the HTML report, which fills it in
    // (`fill_history_scope`): the rubric scan is the costliest per bullet.
    let signals: Vec<Vec<crate::rubric::Signals>> = p
        .roles
        .iter()
        .enumerate()
        .map(|(i, bullets)| {
            if recent.contains(&i) {
                bullets
                    .iter()
                    .map(|b| rubric.signals_in(&b.text.text))
                    .collect()
            } else {
                Vec::new()
            }
        })
        .collect();
    let roles: Vec<RoleEvidence> = p
        .roles
        .iter()
        .zip(&signals)
        .map(|(bullets, signals)| {
            let mut e = RoleEvidence {
                scope: ScopeTier::Task,
                scope_at: None,
                quantified: 0,
                achievements: 0,
                bullets: Vec::with_capacity(bullets.len()),
            };
            for (bi, b) in bullets.iter().enumerate() {
                let tier = signals.get(bi).map_or(ScopeTier::Task, |s| s.scope);
                e.bullets.push(BulletSignals {
                    scope: tier,
                    leadership: signals
                        .get(bi)
                        .is_some_and(|s| s.leadership().next().is_some()),
                    quantified: b.quantified(),
                });
                if tier > e.scope {
                    e.scope = tier;
                    e.scope_at = Some(bi);
                }
                if b.achievement {
                    e.achievements += 1;
                    e.quantified += usize::from(b.quantified());
                }
            }
            e
        })
        .collect();

    let mut widest_scope = ScopeTier::Task;
    let mut widest_at = None;
    let mut leadership = Vec::new();
    let (mut quantified, mut achievements) = (0, 0);
    for &ri in &recent {
        let e = &roles[ri];
        if e.scope > widest_scope {
            widest_scope = e.scope;
            widest_at = e.scope_at.map(|bullet| BulletRef { role: ri, bullet });
        }
        achievements += e.achievements;
        quantified += e.quantified;
        for (bi, sig) in signals[ri].iter().enumerate() {
            let at = BulletRef {
                role: ri,
                bullet: bi,
            };
            leadership.extend(sig.leadership().map(|k| (k, at)));
        }
    }
    let statement: String = [&doc.headline, &doc.summary]
        .into_iter()
        .flatten()
        .map(|t| t.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let statement_scope = rubric.scope_of(&statement);
    let inferred = infer_level(
        doc,
        lexicon,
        rubric,
        &recent,
        widest_scope,
        !leadership.is_empty(),
        today,
    );
    let (inferred, unknown_because) = match inferred {
        Ok(l) => (Some(l), None),
        Err(why) => (None, Some(why)),
    };
    Assessment {
        target,
        headline_levels,
        inferred,
        unknown_because,
        recent,
        widest_scope,
        widest_at,
        statement_scope,
        leadership,
        quantified,
        achievements,
        roles,
    }
}

/// The level the documents evidence, from titles, years of roles, scope and
/// leadership together, with the reasons; or why none can be told.
///
/// The most recent level word in a recent title holds, raised one step when
/// the years and the evidence (the widest scope with leadership where the
/// level expects it) both reach past it. Without a level word, the years
/// set the level, held to what the bullets evidence (years alone reach the
/// second level at most), never raised by it: a wide scope in one bullet is
/// no career. Without either, the evidence alone.
fn infer_level(
    doc: &Document,
    lexicon: &Lexicon,
    rubric: &Rubric,
    recent: &[usize],
    widest: ScopeTier,
    leads: bool,
    today: YearMonth,
) -> Result<(usize, String), String> {
    let levels = &rubric.levels;
    // Bullets alone reach the cross-team level at most: above it, a coach
    // wants the title too (one open-source bullet makes no distinguished
    // engineer).
    let evidence_cap = levels
        .iter()
        .position(|l| l.scope >= ScopeTier::CrossTeam)
        .unwrap_or(levels.len().saturating_sub(1));
    let by_evidence = levels
        .iter()
        .rposition(|l| l.scope <= widest && (leads || !l.expects_leadership))
        .map(|e| e.min(evidence_cap));
    let years = years_of_roles(doc, today);
    let by_years = years.and_then(|y| {
        levels
            .iter()
            .rposition(|l| l.min_years.is_some_and(|m| m <= y))
    });
    // The current title's level word holds. One from an earlier recent role
    // holds only when the years reach that level: a senior title two jobs
    // back, then a plain one, on four years of work reads as a step the
    // career has not kept (often in another function).
    let titled = recent.iter().enumerate().find_map(|(k, &i)| {
        let title = doc.roles[i].title.as_ref()?;
        let named = levels_named(rubric, &title.text);
        let l = named.iter().map(|(l, _)| *l).max()?;
        let kept = k == 0
            || levels[l]
                .min_years
                .is_none_or(|m| years.is_some_and(|y| y >= m));
        kept.then(|| (l, title.text.clone(), is_status(lexicon, &title.text)))
    });
    let studying = studying(doc, lexicon);
    let mut why: Vec<String> = Vec::new();
    if let Some(y) = years {
        let n = y.round();
        why.push(format!(
            "{n:.0} year{} of roles",
            if n == 1.0 { "" } else { "s" }
        ));
    }
    why.push(format!(
        "widest scope {widest}{}",
        if leads {
            ", with leadership"
        } else {
            ", no leadership"
        }
    ));
    let titled_level = titled.as_ref().map(|(t, _, _)| *t);
    let level = match (titled, by_years) {
        (Some((t, title, status)), y) => {
            why.insert(0, format!("title '{title}' says {}", levels[t].id));
            // The years must reach two levels past the title: a senior of
            // eight years is a senior, and an intern's overlapping student
            // jobs are no mid-level career. An internship or traineeship is a
            // status that no years before it raise.
            let evidence_past = by_evidence.is_some_and(|e| e > t);
            let years_past = y.is_some_and(|y| y > t + 1);
            if status {
                t
            } else if evidence_past && years_past && t + 1 < levels.len() {
                why.push("years and evidence both reach past the title".into());
                t + 1
            } else {
                t
            }
        }
        (None, Some(y)) => {
            // Years alone make no more than the second level (past the
            // entry level); above it the level is what the bullets show.
            // Nor past the level below the cross-team one: staff and above
            // are levels a company confers, and a coach wants the title.
            let by_bullets = by_evidence.unwrap_or(0).max(1);
            let untitled = evidence_cap.saturating_sub(1).max(1).min(levels.len() - 1);
            // Twice the years a level takes are that level even in one-line
            // bullets: two decades of roles are no mid-level career.
            let held = years.is_some_and(|yrs| {
                levels[y.min(untitled)]
                    .min_years
                    .is_none_or(|m| yrs < 2.0 * m)
            });
            if by_bullets < y && by_bullets <= untitled && held {
                why.push("the bullets evidence less than the years".into());
                by_bullets
            } else if untitled < y {
                why.push(format!(
                    "no recent title names a level past {}",
                    levels[untitled].id
                ));
                untitled
            } else {
                y
            }
        }
        // Bullets with neither a date nor a level word place no one: a coach
        // asks for the years first. A student is at the entry level.
        (None, None) if studying.is_some() => 0,
        (None, None) => {
            return Err(if widest > ScopeTier::Task {
                "no dated roles and no level word in a recent title: the bullets alone place no level"
                    .into()
            } else {
                "no level word in a recent title, no dated roles, and no scope beyond tasks".into()
            });
        }
    };
    // A candidate still studying is at the entry level, whatever the side
    // jobs add up to, unless a recent title names a level above it.
    if let Some(phrase) = studying {
        if level > 0 && titled_level.is_none_or(|t| t == 0) {
            why.push(format!("still studying ('{phrase}')"));
            return Ok((0, why.join("; ")));
        }
        if level == 0 {
            why.push(format!("still studying ('{phrase}')"));
        }
    }
    Ok((level, why.join("; ")))
}

/// The month a document speaks as of, for its "present". A coach reading an
/// old resume (the latest date on the page years back) does not count its
/// open role up to today: it was current when written, and the writing
/// shows by the latest date named, in a role or anywhere in the text (an
/// education end, a publication). When that date is older than the rubric's
/// `old-document-years`, "present" runs to it plus the rubric's grace; a
/// current document reads as of today.
pub fn written_as_of(
    doc: &Document,
    lexicon: &Lexicon,
    rubric: &Rubric,
    today: YearMonth,
) -> YearMonth {
    let Some(grace) = rubric.open_role_grace_years else {
        return today;
    };
    let now = today.months(12);
    let in_roles = doc
        .roles
        .iter()
        .flat_map(|r| [r.start, r.end])
        .filter_map(|d| match d {
            Some(DatePoint::At(ym)) => Some(ym.months(12)),
            _ => None,
        });
    // A bare year in the text counts as its January: the writing is no
    // older than that ("looking for summer 2021 internships"), and the grace
    // covers the rest of the year.
    let in_text = years_named(&doc.source).map(|y| i32::from(y) * 12);
    let Some(latest) = in_roles.chain(in_text).filter(|&m| m <= now).max() else {
        return today;
    };
    // A role the document calls current ("2021 – Present") is taken at its
    // word for twice as long: a tenure of five or six years with no later
    // date on the page is common in a resume linted today, while a page
    // whose every date is a decade back was written then.
    // An open internship is no tenure: it was current when written.
    let open = doc.roles.iter().any(|r| {
        matches!(r.end, Some(DatePoint::Present))
            && !r
                .title
                .as_ref()
                .is_some_and(|t| is_status(lexicon, &t.text))
    });
    let factor = if open { 2.0 } else { 1.0 };
    let old = (rubric.old_document_years * factor * 12.0).round() as i32;
    let until = latest + (grace * 12.0).round() as i32;
    if now - latest <= old || until >= now {
        return today;
    }
    let (year, month) = (until.div_euclid(12), until.rem_euclid(12) + 1);
    match (u16::try_from(year), u8::try_from(month)) {
        (Ok(y), Ok(m)) => YearMonth::new(y, Some(m)),
        _ => today,
    }
}

/// Whether a title is a status rather than a level ("Software Engineering
/// Intern", "Operations Trainee").
fn is_status(lexicon: &Lexicon, title: &str) -> bool {
    lexicon.status_titles.is_match(&title.to_lowercase())
}

/// The phrase that shows the candidate is still studying, if any: one of
/// the lexicon's student phrases anywhere, a student statement in the
/// headline, summary or education, or an education entry running to now.
fn studying(doc: &Document, lexicon: &Lexicon) -> Option<String> {
    let quote = |text: &str, r: std::ops::Range<usize>| {
        text[r].split_whitespace().collect::<Vec<_>>().join(" ")
    };
    if let Some(r) = lexicon.studying.find(&doc.source) {
        return Some(quote(&doc.source, r));
    }
    let statements = doc
        .headline
        .iter()
        .chain(&doc.summary)
        .chain(&doc.education);
    for t in statements {
        if let Some(r) = lexicon.studying_statements.find(&t.text) {
            return Some(quote(&t.text, r));
        }
    }
    doc.education.iter().find_map(|t| {
        let r = lexicon.studying_in_education.find(&t.text)?;
        let named = lexicon.education_programs.find(&t.text).is_some();
        named.then(|| quote(&t.text, r))
    })
}

/// Four-digit years (1950 to 2099) standing alone in a text: runs of
/// exactly four ASCII digits.
fn years_named(text: &str) -> impl Iterator<Item = u16> + '_ {
    let b = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        loop {
            let start = at + b.get(at..)?.iter().position(u8::is_ascii_digit)?;
            let len = b[start..].iter().take_while(|d| d.is_ascii_digit()).count();
            at = start + len;
            if len == 4 {
                let y = b[start..at]
                    .iter()
                    .fold(0u16, |acc, d| acc * 10 + u16::from(d - b'0'));
                if (1950..2100).contains(&y) {
                    return Some(y);
                }
            }
        }
    })
}

/// For a role with a start and no end, the next later start among the
/// document's roles: a coach reads a timeline of single dates as each role
/// running until the next begins.
fn next_start(doc: &Document, i: usize) -> Option<YearMonth> {
    let start = match doc.roles[i].start? {
        DatePoint::At(ym) => ym,
        DatePoint::Present => return None,
    };
    doc.roles
        .iter()
        .filter_map(|r| match r.start {
            Some(DatePoint::At(ym)) if ym.months(1) > start.months(1) => Some(ym),
            _ => None,
        })
        .min_by_key(|ym| ym.months(1))
}

/// Years covered by the document's dated roles, overlaps counted once.
fn years_of_roles(doc: &Document, today: YearMonth) -> Option<f64> {
    let starts: Vec<i32> = doc
        .roles
        .iter()
        .filter_map(|r| Some(r.start?.months(today, 1)))
        .collect();
    let mut spans: Vec<(i32, i32)> = doc
        .roles
        .iter()
        .filter_map(|r| {
            let start = r.start?.months(today, 1);
            // A role with one date and no end reads, as a coach reads a
            // timeline of single dates, as running until the next role
            // starts; the latest such role counts a month.
            let next = || {
                starts
                    .iter()
                    .copied()
                    .filter(|&s| s > start)
                    .min()
                    .unwrap_or(start + 1)
            };
            let end = r.end.map_or_else(next, |e| e.months(today, 12));
            (end >= start).then_some((start, end.min(today.months(12))))
        })
        .collect();
    if spans.is_empty() {
        return None;
    }
    spans.sort_unstable();
    let (mut total, mut cur) = (0, spans[0]);
    for &(s, e) in &spans[1..] {
        if s <= cur.1 {
            cur.1 = cur.1.max(e);
        } else {
            total += cur.1 - cur.0;
            cur = (s, e);
        }
    }
    total += cur.1 - cur.0;
    Some(f64::from(total) / 12.0)
}

/// One bullet as `storyline extract` shows it: its text and line, and what
/// the rules read in it (a quantified figure, leadership, the scope tier),
/// with the phrases behind each (DESIGN.md, output contract).
pub fn bullet_reading(
    doc: &Document,
    lex: &crate::lexicon::Lexicon,
    rubric: &Rubric,
    bullet: &crate::source::Text,
) -> serde_json::Value {
    use serde_json::json;
    let text = bullet.text.as_str();
    let metrics = crate::metrics::find_metrics(text, lex);
    let read = rubric.explain(text);
    let phrase = |r: &Range<usize>| text.get(r.clone()).unwrap_or(text).trim();
    let mut evidence = json!({
        "metric": metrics.first().map(|m| phrase(&m.range)),
        "scope": read.scope.as_ref().map(|(_, r)| phrase(r)),
    });
    if let Some((kind, r)) = read.leadership.first() {
        evidence["leadership"] = json!(phrase(r));
        evidence["leadership_kind"] = json!(kind.as_str());
    }
    json!({
        "text": text,
        "line": doc.line_of(bullet),
        "quantified": !metrics.is_empty(),
        "leadership": !read.leadership.is_empty(),
        // Nothing matched: the floor tier, as the scope rules read it.
        "scope": read.scope.as_ref().map_or(ScopeTier::Task, |(t, _)| *t).as_str(),
        "evidence": evidence,
    })
}

/// Replaces the bullet strings of `doc.to_json()` (roles and projects) with
/// [`bullet_reading`] objects.
pub fn annotate_bullets(
    json: &mut serde_json::Value,
    doc: &Document,
    lex: &crate::lexicon::Lexicon,
    rubric: &Rubric,
) {
    for (key, roles) in [("roles", &doc.roles), ("projects", &doc.projects)] {
        let Some(out) = json.get_mut(key).and_then(|v| v.as_array_mut()) else {
            continue;
        };
        for (o, role) in out.iter_mut().zip(roles) {
            o["bullets"] = role
                .bullets
                .iter()
                .map(|b| bullet_reading(doc, lex, rubric, b))
                .collect();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::years_named;

    #[test]
    fn years_are_runs_of_exactly_four_digits_in_range() {
        let years: Vec<u16> =
            years_named("in 2019, 12019, 2019-2021, 1949, 2100, a2020b, 1950").collect();
        assert_eq!(years, [2019, 2019, 2021, 2020, 1950]);
        assert_eq!(years_named("").count(), 0);
        assert_eq!(years_named("201").count(), 0);
    }
}
