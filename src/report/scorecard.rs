//! The scorecard of the three proofs hiring teams look for: a scope
//! statement for the target level, impact metrics that match that scope,
//! and a consistent narrative across channels.

use serde::Serialize;

use crate::assess::Assessment;
use crate::diagnostic::Diagnostic;
use crate::model::Document;
use crate::rubric::Rubric;

/// One proof: whether it holds, and the codes that decide it.
#[derive(Debug, Clone, Serialize)]
pub struct Proof {
    pub name: &'static str,
    /// `Some(true)` holds, `Some(false)` fails, `None` cannot be judged.
    pub holds: Option<bool>,
    pub detail: String,
    pub codes: Vec<&'static str>,
}

/// The level summary and proofs for one document.
#[derive(Debug, Clone, Serialize)]
pub struct Scorecard {
    pub path: String,
    pub target: Option<String>,
    pub target_source: Option<&'static str>,
    pub inferred: Option<String>,
    pub inferred_basis: Option<String>,
    pub widest_scope: &'static str,
    pub quantified_share: Option<f64>,
    pub proofs: Vec<Proof>,
    /// The LinkedIn profiles this resume was compared with (paths); empty
    /// when it was compared with none ("not compared").
    pub compared_with: Vec<String>,
    /// How many conflicts the narrative proof found (findings, not rule
    /// codes): the number every format shows. `None` when nothing was
    /// compared and nothing fired.
    pub conflicts: Option<usize>,
}

const NARRATIVE_CODES: &[&str] = &["C001", "C002", "C003", "C004", "C005", "L001", "L003"];

pub fn scorecard(
    doc: &Document,
    a: &Assessment,
    rubric: &Rubric,
    diagnostics: &[Diagnostic],
    compared_with: &[String],
) -> Scorecard {
    let path = doc.path.as_str();
    let target = a.target.map(|(l, _)| &rubric.levels[l]);
    let share = a.quantified_share();
    // Judged from the assessment, so that --select and suppressions do not
    // change what the scorecard says; the codes name the rules that explain
    // a failed proof.
    let (scope_holds, scope_codes) = match target {
        Some(l) => {
            let mut codes = Vec::new();
            if a.statement_scope < l.scope {
                codes.push("S001");
            }
            if a.widest_scope < l.scope && !a.recent.is_empty() {
                codes.push("S002");
            }
            (Some(codes.is_empty()), codes)
        }
        None => (None, Vec::new()),
    };
    let (metric_holds, metric_codes) = match (target, share) {
        (Some(l), Some(s)) if a.achievements >= 3 => {
            let low = s < l.min_quantified;
            (Some(!low), if low { vec!["M004"] } else { Vec::new() })
        }
        _ => (None, Vec::new()),
    };
    // Conflicts found on this document, or on the other channel about it.
    let about = |d: &&Diagnostic| {
        doc.owns_path(&d.path) || d.related.iter().any(|r| doc.owns_path(&r.path))
    };
    let narrative_codes = {
        let mut v: Vec<&'static str> = diagnostics
            .iter()
            .filter(about)
            .filter(|d| NARRATIVE_CODES.contains(&d.code))
            .map(|d| d.code)
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let found = diagnostics
        .iter()
        .filter(about)
        .filter(|d| NARRATIVE_CODES.contains(&d.code))
        .count();
    let compared = !compared_with.is_empty();
    let proofs = vec![
        Proof {
            name: "scope statement for the target level",
            holds: scope_holds,
            detail: match target {
                Some(l) => format!(
                    "{} expects {} scope; headline and summary state {}, recent roles show {}",
                    l.id, l.scope, a.statement_scope, a.widest_scope
                ),
                None => "no target level: pass --target or name the level in the headline".into(),
            },
            codes: scope_codes,
        },
        Proof {
            name: "impact metrics that match that scope",
            holds: metric_holds,
            detail: match (target, share) {
                (Some(l), Some(s)) => format!(
                    "{:.0}% of recent bullets quantified ({} of {}); {} expects {:.0}%",
                    s * 100.0,
                    a.quantified,
                    a.achievements,
                    l.id,
                    l.min_quantified * 100.0
                ),
                (_, Some(s)) => format!("{:.0}% of recent bullets quantified", s * 100.0),
                _ => "no achievement bullets in recent roles".into(),
            },
            codes: metric_codes,
        },
        Proof {
            name: "consistent narrative across channels",
            holds: (compared || found > 0).then_some(found == 0),
            detail: if compared {
                format!("{} with {}", conflicts(found), compared_with.join(", "))
            } else if found > 0 {
                format!(
                    "not compared with LinkedIn (no profile paired; pass --profile); {} between the resume's versions",
                    conflicts(found)
                )
            } else {
                match doc.channel {
                    crate::model::Channel::Resume => {
                        "not compared: no LinkedIn profile paired with this resume (pass --profile)"
                            .into()
                    }
                    crate::model::Channel::Linkedin => {
                        "not compared: no resume paired with this profile".into()
                    }
                }
            },
            codes: narrative_codes,
        },
    ];
    let mut proofs = proofs;
    if doc.roles.is_empty() {
        unjudged(&mut proofs);
    }
    Scorecard {
        path: path.to_string(),
        target: target.map(|l| l.id.clone()),
        target_source: a.target.map(|(_, s)| s.as_str()),
        inferred: a
            .inferred
            .as_ref()
            .map(|(l, _)| rubric.levels[*l].id.clone()),
        inferred_basis: a
            .inferred
            .as_ref()
            .map(|(_, b)| b.clone())
            .or_else(|| a.unknown_because.clone()),
        widest_scope: a.widest_scope.as_str(),
        quantified_share: share,
        proofs,
        compared_with: compared_with.to_vec(),
        conflicts: (compared || found > 0).then_some(found),
    }
}

/// "1 conflict", "3 conflicts".
fn conflicts(n: usize) -> String {
    if n == 1 {
        "1 conflict".to_string()
    } else {
        format!("{n} conflicts")
    }
}

/// No role was read: every proof that stands on roles was never checked,
/// so none may show as held (a conflict found without roles still fails).
fn unjudged(proofs: &mut [Proof]) {
    for p in proofs {
        if p.holds == Some(false) && !p.codes.is_empty() && p.name.starts_with("consistent") {
            continue;
        }
        p.holds = None;
        p.codes.clear();
        p.detail = "cannot be judged: no role was read from the document".into();
    }
}
