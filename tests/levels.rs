//! The level rules (S001, S002, O002, M004, L002) across targets and
//! tracks, and level inference.

mod common;

use common::check_with;

fn codes(rel: &str, track: &str, target: Option<&str>) -> Vec<&'static str> {
    let (_, diags, _) = check_with(rel, &["S", "O002", "M004", "L002"], track, target);
    let mut c: Vec<&'static str> = diags.iter().map(|d| d.code).collect();
    c.sort_unstable();
    c.dedup();
    c
}

#[test]
fn strong_staff_resume_passes_at_staff_and_fails_at_principal() {
    assert_eq!(
        codes("levels/staff-strong.md", "ml-engineer", Some("staff")),
        Vec::<&str>::new()
    );
    // The headline is the target when none is given.
    assert_eq!(
        codes("levels/staff-strong.md", "ml-engineer", None),
        Vec::<&str>::new()
    );
    assert_eq!(
        codes("levels/staff-strong.md", "ml-engineer", Some("principal")),
        ["L002", "S001", "S002"]
    );
}

#[test]
fn unfocused_resume_fails_senior_but_not_junior() {
    assert_eq!(
        codes("levels/unfocused.md", "ml-engineer", Some("senior")),
        ["M004", "O002", "S001", "S002"]
    );
    // A junior is expected no scope or leadership, but numbers still.
    assert_eq!(
        codes("levels/unfocused.md", "ml-engineer", Some("junior")),
        ["M004"]
    );
    // Without a target (no level in the headline) the level rules are silent.
    assert_eq!(
        codes("levels/unfocused.md", "ml-engineer", None),
        Vec::<&str>::new()
    );
}

#[test]
fn misled_and_led_to_are_not_leadership() {
    let (_, diags, a) = check_with(
        "levels/unfocused.md",
        &["O002"],
        "ml-engineer",
        Some("senior"),
    );
    assert!(a.leadership.is_empty(), "{:?}", a.leadership);
    assert_eq!(diags.len(), 1);
    assert!(
        diags[0]
            .message
            .contains("no bullet of the 2 recent roles shows"),
        "{}",
        diags[0].message
    );
}

#[test]
fn s002_names_target_tier_widest_and_bullet() {
    let (_, diags, _) = check_with(
        "levels/senior-headline.md",
        &["S002"],
        "ml-engineer",
        Some("staff"),
    );
    assert_eq!(diags.len(), 1);
    let m = &diags[0].message;
    assert!(m.starts_with("staff expects cross-team scope; the widest scope in recent roles is team ('Led a team of 5"), "{m}");
    assert_eq!(diags[0].line, 11);
}

#[test]
fn l002_compares_headline_with_configured_target_by_alias() {
    assert_eq!(
        codes("levels/senior-headline.md", "ml-engineer", Some("senior")),
        Vec::<&str>::new()
    );
    assert_eq!(
        codes("levels/senior-headline.md", "ml-engineer", Some("L5")),
        Vec::<&str>::new()
    );
    let (_, diags, _) = check_with(
        "levels/senior-headline.md",
        &["L002"],
        "ml-engineer",
        Some("staff"),
    );
    assert_eq!(diags.len(), 1);
    assert_eq!(
        diags[0].message,
        "the headline claims senior ('Senior') but the target is staff (from --target)"
    );
    assert_eq!(
        (diags[0].line, diags[0].column, diags[0].end_column),
        (3, 1, 7)
    );
}

#[test]
fn m004_threshold_differs_by_track() {
    // The unfocused resume quantifies 1 of its 6 recent achievements (the
    // "12% drop"); each track's senior minimum is in the message.
    for (track, min) in [
        ("ml-engineer", 40),
        ("software-engineer", 35),
        ("data-scientist", 45),
    ] {
        let (_, diags, a) = check_with("levels/unfocused.md", &["M004"], track, Some("senior"));
        assert_eq!((a.quantified, a.achievements), (1, 6), "{track}");
        assert_eq!(diags.len(), 1, "{track}");
        assert_eq!(
            diags[0].message,
            format!(
                "17% of the bullets in recent roles are quantified (1 of 6); senior expects at least {min}%"
            )
        );
    }
    // The strong staff resume is above every track's staff minimum.
    for track in ["ml-engineer", "software-engineer", "data-scientist"] {
        let (_, diags, _) = check_with("levels/staff-strong.md", &["M004"], track, Some("staff"));
        assert!(diags.is_empty(), "{track}: {diags:?}");
    }
}

#[test]
fn level_is_inferred_from_titles_and_scope() {
    let (_, _, a) = check_with("levels/staff-strong.md", &[], "ml-engineer", None);
    let rubric = storyline::rubric::Rubric::bundled("ml-engineer").unwrap();
    let (level, basis) = a.inferred.expect("inferred");
    assert_eq!(rubric.levels[level].id, "staff");
    assert!(basis.contains("Staff ML Engineer"), "{basis}");
    let (_, _, a) = check_with("levels/unfocused.md", &[], "ml-engineer", None);
    let (level, _) = a.inferred.expect("inferred from scope");
    assert_eq!(
        rubric.levels[level].id, "mid",
        "shipping a model is feature scope"
    );
}

#[test]
fn recent_roles_follow_the_rubric_window() {
    let (_, _, a) = check_with("levels/staff-strong.md", &[], "ml-engineer", None);
    // Contoso ended 2022, within 5 years of 2026-11.
    assert_eq!(a.recent, [0, 1]);
}

/// Leadership and the scope tier of invented bullets
/// (`fixtures/levels/signals.txt`), in every bundled track: plain and
/// present-tense leadership reads as leadership, its near misses ("led to",
/// "managed to", managing machines, coordinating) do not.
#[test]
fn bullets_show_leadership_and_scope_in_plain_words() {
    let cases = std::fs::read_to_string(common::fixture("levels/signals.txt")).unwrap();
    for track in ["ml-engineer", "software-engineer", "data-scientist"] {
        let rubric = storyline::rubric::Rubric::bundled(track).unwrap();
        let mut wrong = Vec::new();
        for line in cases
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let mut parts = line.splitn(3, " | ");
            let (lead, scope, text) = (
                parts.next().unwrap() == "yes",
                parts.next().unwrap(),
                parts.next().unwrap(),
            );
            let read = rubric.explain(text);
            let got_scope = read.scope.map_or("task", |(t, _)| t.as_str());
            let got_lead = !read.leadership.is_empty();
            if got_lead != lead || got_scope != scope {
                wrong.push(format!("{text}: leadership {got_lead}, scope {got_scope}"));
            }
        }
        assert!(wrong.is_empty(), "{track}: {wrong:#?}");
    }
}

/// Level inference weighs the years of roles: a graduate whose bullets reach
/// a wide scope is still junior, and a document with neither dates nor a
/// level word nor scope beyond tasks is unknown, with the reason.
#[test]
fn level_weighs_years_and_says_why_it_is_unknown() {
    let rubric = storyline::rubric::Rubric::bundled("ml-engineer").unwrap();
    let (_, _, a) = check_with("levels/graduate.md", &[], "ml-engineer", None);
    let (level, basis) = a.inferred.expect("inferred");
    assert_eq!(rubric.levels[level].id, "junior", "{basis}");
    assert!(basis.contains("1 year of roles"), "{basis}");
    let (_, _, a) = check_with("levels/undated.md", &[], "ml-engineer", None);
    assert_eq!(a.inferred, None);
    let why = a.unknown_because.expect("a reason");
    assert!(why.contains("no dated roles"), "{why}");
}

/// The level `check` infers for a fixture in the default track, with its
/// basis.
fn inferred(rel: &str) -> (String, String) {
    let rubric = storyline::rubric::Rubric::bundled("ml-engineer").unwrap();
    let (_, _, a) = check_with(rel, &[], "ml-engineer", None);
    let (level, basis) = a.inferred.unwrap_or_else(|| panic!("{rel}: no level"));
    (rubric.levels[level].id.clone(), basis)
}

/// An old document's "present" runs to a year past its latest date, not to
/// today; a current document's runs to today.
#[test]
fn present_on_an_old_document_runs_to_when_it_was_written() {
    let (level, basis) = inferred("levels/old-present.md");
    assert_eq!(level, "mid", "{basis}");
    assert!(basis.contains("4 years of roles"), "{basis}");
    let (_, basis) = inferred("levels/current-present.md");
    assert!(basis.contains("7 years of roles"), "{basis}");
}

/// "Head of" and "VP of" titles reach the organization tier; an older
/// role's level word holds only when the years reach it; a title is raised
/// only when the years reach two levels past it.
#[test]
fn titles_weigh_with_the_years() {
    assert_eq!(inferred("levels/head-of.md").0, "principal");
    let (level, basis) = inferred("levels/old-senior-title.md");
    assert_eq!(
        level, "mid",
        "a senior analyst title two jobs back: {basis}"
    );
    let (level, basis) = inferred("levels/senior-kept.md");
    assert_eq!(level, "senior", "{basis}");
    let (level, basis) = inferred("levels/senior-long.md");
    assert_eq!(level, "staff", "{basis}");
    let (level, basis) = inferred("levels/intern-overlap.md");
    assert_eq!(level, "junior", "overlapping student jobs: {basis}");
}

/// Single dates read as a timeline; bullets with neither dates nor a level
/// word place no one, and say why.
#[test]
fn single_dates_run_to_the_next_role_and_undated_claims_place_no_level() {
    let (level, basis) = inferred("levels/single-dates.md");
    assert_eq!(level, "senior", "{basis}");
    assert!(basis.contains("7 years of roles"), "{basis}");
    let (_, _, a) = check_with("levels/undated-claims.md", &[], "ml-engineer", None);
    assert_eq!(a.inferred, None, "cross-team bullets with no dates");
    let why = a.unknown_because.expect("a reason");
    assert!(why.contains("the bullets alone place no level"), "{why}");
}

/// A candidate still studying is at the entry level whatever the side jobs
/// add up to, and the basis quotes what says so; an online course running
/// on, or a bullet about mentoring a student, is no studentship.
#[test]
fn a_student_is_at_the_entry_level_and_a_course_is_no_studentship() {
    let (level, basis) = inferred("levels/student-side-jobs.md");
    assert_eq!(level, "junior", "{basis}");
    assert!(
        basis.contains("still studying ('Expected May 2027')"),
        "{basis}"
    );
    let (level, basis) = inferred("levels/course-present.md");
    assert_eq!(level, "senior", "{basis}");
    assert!(!basis.contains("studying"), "{basis}");
}

/// An internship is a status the years before it do not raise; two decades
/// of roles are no mid-level career even in one-line bullets.
#[test]
fn status_titles_hold_and_long_careers_are_not_held_down() {
    let (level, basis) = inferred("levels/intern-after-career.md");
    assert_eq!(level, "junior", "{basis}");
    assert!(basis.contains("says junior"), "{basis}");
    let (level, basis) = inferred("levels/long-one-liners.md");
    assert_eq!(level, "senior", "{basis}");
    assert!(basis.contains("22 years of roles"), "{basis}");
}
