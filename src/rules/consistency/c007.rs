//! C007: top skills on one channel missing from the other.

use super::{on, related};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Document;
use crate::rules::{Context, RuleInfo};
use crate::source::Text;

pub static C007: RuleInfo = RuleInfo {
    code: "C007",
    name: "skills-drift",
    severity: Severity::Info,
    summary: "top skills on one channel are missing from the other",
    help: "mention your top skills on both channels, or drop the ones you no longer lead with",
    docs: r#"## What it does
Takes the first `top-skills` skills of each channel (lexicon, default 10)
and lists those that appear nowhere on the other channel. Spoken
languages, group headings and footers (`not-skills`) are not skills; a
qualifier in parentheses is dropped ("Python (programming language)" is
Python). A broad skill is mentioned where a more specific one that
covers it is (`[consistency.skill-covers]`: "Computer-Aided Design" by
SolidWorks or AutoCAD, "Electrical Engineering" by Altium); a tool is not
covered by its field. A profile saved as PDF lists only its few Top Skills, so only
those are compared.

## Why it matters
The skills you lead with are the narrative; when the channels lead with
different skills, they tell different stories.

## Example
LinkedIn's first skills: `PyTorch, Spark, Kubernetes`; the resume never
mentions Kubernetes.

## How to fix it
Align the skills you lead with, or remove the ones you no longer want to
be hired for.
"#,
};

pub(super) fn skills_drift(
    cx: &Context<'_>,
    resume: &Document,
    profile: &Document,
    out: &mut Vec<Diagnostic>,
) {
    let c = &cx.lexicon.consistency;
    let n = c.top_skills;
    // The name a skill goes by: "Python (langage de programmation)" is
    // Python.
    let plain = |skill: &str| -> String {
        let cut = skill.find(['(', '[']).unwrap_or(skill.len());
        skill[..cut]
            .trim()
            .trim_end_matches([':', ',', ';'])
            .to_string()
    };
    // Spoken languages, group headings, footers: not skills.
    let is_skill = |skill: &str| {
        let p = plain(skill).to_lowercase();
        !p.is_empty()
            && !p.contains('©')
            && !p.contains("copyright")
            && p.chars().any(char::is_alphabetic)
            && !c.not_skills.contains(&p)
    };
    let mentions = |doc: &Document, skill: &str| {
        let hay = doc.source.to_lowercase();
        // "HTML5, HTML": an entry of several names is mentioned when one
        // of them is.
        plain(skill)
            .split([',', '/'])
            .map(|s| s.trim().to_lowercase())
            .filter(|s| !s.is_empty())
            .any(|s| {
                hay.match_indices(&s).any(|(i, _)| {
                    let before = hay[..i].chars().next_back();
                    let after = hay[i + s.len()..].chars().next();
                    !before.is_some_and(char::is_alphanumeric)
                        && !after.is_some_and(char::is_alphanumeric)
                })
            })
    };
    // A broad skill is mentioned where a more specific one that covers it
    // is ("Computer-Aided Design" by SolidWorks).
    let covered = |doc: &Document, skill: &str| {
        let p = plain(skill).to_lowercase();
        mentions(doc, skill)
            || c.skill_covers
                .iter()
                .filter(|(broad, _)| broad.to_lowercase() == p)
                .flat_map(|(_, specific)| specific)
                .any(|s| mentions(doc, s))
    };
    let missing_from = |skills: &[Text], other: &Document| -> Vec<String> {
        skills
            .iter()
            .filter(|s| is_skill(&s.text))
            .take(n)
            .filter(|s| !covered(other, &s.text))
            .map(|s| plain(&s.text))
            .collect()
    };
    let Some(first) = resume.skills.iter().find(|s| is_skill(&s.text)) else {
        return;
    };
    let Some(theirs_first) = profile.skills.iter().find(|s| is_skill(&s.text)) else {
        return;
    };
    let theirs = missing_from(&profile.skills, resume);
    if !theirs.is_empty() {
        out.push(on(
            resume,
            first,
            &C007,
            format!(
                "top LinkedIn skills the resume never mentions: {}",
                theirs.join(", ")
            ),
            related(profile, theirs_first, "LinkedIn skills"),
        ));
    }
    // A profile saved as PDF lists only its few "Top Skills": a resume
    // skill it does not list may still be on the profile.
    if profile.format == crate::model::Format::LinkedinPdf {
        return;
    }
    let ours = missing_from(&resume.skills, profile);
    if !ours.is_empty() {
        out.push(on(
            resume,
            first,
            &C007,
            format!(
                "top resume skills LinkedIn never mentions: {}",
                ours.join(", ")
            ),
            related(profile, theirs_first, "LinkedIn skills"),
        ));
    }
}
