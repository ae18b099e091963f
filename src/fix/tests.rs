//! The catalogue's rewrites on bullets of every rule that has one: what is
//! offered, its class, and that applying it reads right and leaves the
//! finding gone (safe) or the bullet still flagged (a placeholder).

use super::apply::{apply_safe, fix_text};
use crate::diagnostic::{Diagnostic, FixClass};
use crate::extract::{self, Limits};
use crate::lexicon::Lexicon;
use crate::lint::{Suppressions, lint_document};
use crate::rubric::{DEFAULT_TRACK, Rubric};
use crate::rules::{Context, Selection};
use crate::suppress::FileIgnores;

const HEAD: &str =
    "# Pat Example\n\nML Engineer\n\n## Experience\n\n### ML Engineer, Northwind (2019 – 2022)\n\n";

fn with<T>(f: impl FnOnce(&Context<'_>, &Suppressions<'_>) -> T) -> T {
    let lexicon = Lexicon::embedded();
    let rubric = Rubric::bundled(DEFAULT_TRACK).unwrap();
    let selection = Selection::default();
    let cx = Context {
        lexicon: &lexicon,
        rubric: &rubric,
        today: crate::date::YearMonth::new(2026, Some(11)),
        selection: &selection,
        target: None,
    };
    let ignores = FileIgnores::new(&Default::default()).unwrap();
    let sup = Suppressions {
        file_ignores: &ignores,
        config_dir: None,
        entries: &[],
        config_name: "storyline.toml",
    };
    f(&cx, &sup)
}

fn lint(name: &str, text: &str) -> Vec<Diagnostic> {
    let ext = name.rsplit('.').next().unwrap();
    with(|cx, sup| {
        let doc = extract::extract_bytes(
            name,
            ext,
            text.as_bytes().to_vec(),
            cx.lexicon,
            &Limits::default(),
        )
        .unwrap();
        lint_document(cx, &doc, sup, &[])
    })
}

/// The bullet's findings of `code`, with the bullet as each fix makes it.
fn offered(bullet: &str, code: &str) -> Vec<(FixClass, String)> {
    let text = format!("{HEAD}- {bullet}\n");
    let diags = lint("r.md", &text);
    let d = diags
        .iter()
        .find(|d| d.code == code)
        .unwrap_or_else(|| panic!("no {code} on {bullet:?}: {diags:#?}"));
    d.fixes
        .iter()
        .map(|f| {
            let mut t = text.clone();
            for r in f.replacements.iter().rev() {
                t.replace_range(r.start_byte..r.end_byte, &r.text);
            }
            let line = t
                .lines()
                .last()
                .unwrap()
                .trim_start_matches("- ")
                .to_string();
            (f.class, line)
        })
        .collect()
}

fn safe(bullet: &str, code: &str) -> Option<String> {
    offered(bullet, code)
        .into_iter()
        .find(|(c, _)| *c == FixClass::Safe)
        .map(|(_, t)| t)
}

#[test]
fn responsible_for_doing_becomes_the_past_verb_with_irregular_forms() {
    for (bullet, want) in [
        (
            "Responsible for maintaining the billing service for 3 regions",
            "Maintained the billing service for 3 regions",
        ),
        (
            "Responsible for building the feature store used by 4 teams",
            "Built the feature store used by 4 teams",
        ),
        (
            "Responsible for leading the migration of 12 pipelines",
            "Led the migration of 12 pipelines",
        ),
        (
            "Was responsible for designing, building and running the 2 clusters",
            "Designed, built and ran the 2 clusters",
        ),
        (
            "Responsibilities included triaging alerts from 40 nightly jobs",
            "Triaged alerts from 40 nightly jobs",
        ),
        (
            "responsible for shipping the 3 releases",
            "shipped the 3 releases",
        ),
    ] {
        assert_eq!(safe(bullet, "O001").as_deref(), Some(want), "{bullet}");
    }
}

#[test]
fn a_current_role_in_the_present_keeps_the_present() {
    let text = "# Pat Example\n\nML Engineer\n\n## Experience\n\n### ML Engineer, Northwind (2021 – Present)\n\n- Own the ranking service for 3 markets\n- Lead 2 engineers on the feature store\n- Responsible for maintaining the 5 training pipelines\n";
    let diags = lint("r.md", text);
    let d = diags.iter().find(|d| d.code == "O001").unwrap();
    assert_eq!(d.fixes[0].replacements[0].text, "Maintain");
    assert_eq!(d.fixes[0].class, FixClass::Safe);
}

#[test]
fn a_verb_later_in_the_bullet_makes_the_rewrite_a_choice() {
    // "monitoring dashboards" may be a thing built, or a second duty.
    let got = offered(
        "Responsible for building pipelines and monitoring dashboards for 3 teams",
        "O001",
    );
    assert_eq!(
        got,
        vec![(
            FixClass::Unsafe,
            "Built pipelines and monitoring dashboards for 3 teams".to_string()
        )]
    );
}

#[test]
fn helped_is_offered_by_ownership_and_never_chosen() {
    let got = offered("Helped migrate the feature store to Spark", "O001");
    assert_eq!(
        got,
        vec![
            (
                FixClass::Unsafe,
                "Migrated the feature store to Spark".into()
            ),
            (
                FixClass::Unsafe,
                "Jointly migrated the feature store to Spark".into()
            ),
            (
                FixClass::Unsafe,
                "Led the work to migrate the feature store to Spark".into()
            ),
        ]
    );
    let got = offered("Helped to design and build the 2 labelling tools", "O001");
    assert_eq!(got[0].1, "Designed and built the 2 labelling tools");
    assert_eq!(
        got[2].1,
        "Led the work to design and build the 2 labelling tools"
    );
    // An object before the verb: no rewrite keeps the rest.
    assert!(offered("Helped the search team adopt the embedding service", "O001").is_empty());
    let got = offered(
        "Worked on the A/B testing framework used by the pricing team",
        "O001",
    );
    assert!(got.iter().all(|(c, _)| *c == FixClass::Unsafe));
    assert_eq!(
        got[0].1,
        "Led the A/B testing framework used by the pricing team"
    );
}

#[test]
fn worked_with_is_offered_by_the_part_played() {
    let got = offered(
        "Worked closely with the pricing analysts on the elasticity model",
        "O001",
    );
    let texts: Vec<&str> = got.iter().map(|(_, t)| t.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Partnered with the pricing analysts on the elasticity model",
            "Advised the pricing analysts on the elasticity model",
            "Led the pricing analysts on the elasticity model",
        ]
    );
    assert!(got.iter().all(|(c, _)| *c == FixClass::Unsafe));
}

#[test]
fn markers_and_json_lines_inside_a_string_open_an_item() {
    for bullet in [
        "● Responsible for maintaining the 3 billing services",
        "1. Responsible for maintaining the 3 billing services",
    ] {
        let text = format!("{HEAD}{bullet}\n");
        let diags = lint("r.txt", &text);
        let d = diags
            .iter()
            .find(|d| d.code == "O001")
            .unwrap_or_else(|| panic!("{diags:#?}"));
        assert_eq!(d.fixes[0].replacements[0].text, "Maintained", "{bullet}");
    }
    let json = r#"{
  "basics": { "name": "Pat Example", "label": "ML Engineer" },
  "work": [{
    "name": "Northwind", "position": "ML Engineer", "startDate": "2019-01", "endDate": "2022-01",
    "summary": "Led the ranking work.\nResponsible for maintaining the 3 billing services\n- Responsible for building the 2 feature stores"
  }]
}
"#;
    let fixed =
        with(|cx, sup| fix_text(cx, "r.json", "json", json, &Limits::default(), sup).unwrap());
    let v: serde_json::Value = serde_json::from_str(&fixed.text).unwrap();
    assert_eq!(
        v["work"][0]["summary"],
        "Led the ranking work.\nMaintained the 3 billing services\n- Built the 2 feature stores"
    );
}

#[test]
fn responsible_for_a_thing_is_a_choice() {
    let got = offered(
        "Responsible for the model monitoring dashboards and alerts",
        "O001",
    );
    assert_eq!(
        got,
        vec![
            (
                FixClass::Unsafe,
                "Owned the model monitoring dashboards and alerts".into()
            ),
            (
                FixClass::Unsafe,
                "Ran the model monitoring dashboards and alerts".into()
            ),
        ]
    );
}

#[test]
fn an_opener_after_a_lead_in_or_markup_gets_no_rewrite() {
    for bullet in [
        "I am also responsible for maintaining the release notes of the API",
        "Responsible for **building** the release tooling of the API",
        "Actively participated in the migration of the billing models",
    ] {
        assert!(offered(bullet, "O001").is_empty(), "{bullet}");
    }
}

#[test]
fn superlatives_drop_with_spacing_and_articles_right() {
    for (bullet, want) in [
        (
            "Built a best-in-class ranking platform for the marketplace",
            Some("Built a ranking platform for the marketplace"),
        ),
        (
            "Built an innovative scheduling engine for the delivery fleet",
            Some("Built a scheduling engine for the delivery fleet"),
        ),
        (
            "Designed a state-of-the-art retrieval model for product search",
            Some("Designed a retrieval model for product search"),
        ),
        (
            "Built a world-class, reliable ingestion service for the team",
            Some("Built a reliable ingestion service for the team"),
        ),
        (
            "Delivered a cutting-edge email ranker for the growth team",
            Some("Delivered an email ranker for the growth team"),
        ),
        (
            "Exceptional engineer who shipped the ranking service early",
            Some("Engineer who shipped the ranking service early"),
        ),
        // One of a list: dropping it leaves the list hanging.
        ("Built a scalable, innovative scheduler for the fleet", None),
        ("Built fast and innovative tooling for the fleet", None),
        (
            "Redesigned the query workflow, significantly improving its adoption",
            Some("Redesigned the query workflow, improving its adoption"),
        ),
        // Not praise as often as praise ("outstanding invoices").
        ("Chased outstanding invoices of the partner accounts", None),
        // A word before the article that is not ASCII.
        (
            "Shipped·an innovative scheduler for the fleet",
            Some("Shipped·a scheduler for the fleet"),
        ),
        // The sound of an acronym is not in its spelling: left alone.
        ("Built a world-class ML platform for the search team", None),
        // A predicate: dropping it would leave the sentence short.
        (
            "Made the checkout flow innovative and fast for buyers",
            None,
        ),
        // A verb: only the candidate can say what happened instead.
        ("Revolutionized the way the company trains its models", None),
    ] {
        assert_eq!(safe(bullet, "P001").as_deref(), want, "{bullet}");
    }
}

#[test]
fn after_a_marker_only_the_extractor_knows_the_next_word_takes_the_capital() {
    let text = format!("{HEAD}\u{fffd}?\u{fffd}   Excellent communication with the remote teams\n");
    let diags = lint("r.txt", &text);
    let d = diags
        .iter()
        .find(|d| d.code == "P001")
        .unwrap_or_else(|| panic!("{diags:#?}"));
    let r = &d.fixes[0].replacements[0];
    assert_eq!(&text[r.start_byte..r.end_byte], "Excellent c");
    assert_eq!(r.text, "C");
}

#[test]
fn vague_quantifiers_get_placeholders_that_keep_the_bullet_flagged() {
    let got = offered(
        "Built dashboards used by many teams across the company",
        "M003",
    );
    assert_eq!(
        got,
        vec![(
            FixClass::Unsafe,
            "Built dashboards used by [N] teams across the company".into()
        )]
    );
    let got = offered(
        "Reduced infrastructure spend substantially after the migration",
        "M003",
    );
    assert_eq!(
        got[0].1,
        "Reduced infrastructure spend by [N]% after the migration"
    );
    assert_eq!(got[1].1, "Reduced infrastructure spend after the migration");
    let got = offered(
        "Substantially improved the recall of the candidate generator",
        "M003",
    );
    assert_eq!(
        got[0].1,
        "Improved the recall of the candidate generator by [N]%"
    );
    assert_eq!(got[1].1, "Improved the recall of the candidate generator");
    let got = offered(
        "Delivered a considerable reduction in cloud costs for the team",
        "M003",
    );
    assert_eq!(
        got[0].1,
        "Delivered a [N]% reduction in cloud costs for the team"
    );

    // Filled in with the placeholder, the bullet still has no number.
    let text = format!("{HEAD}- Built dashboards used by [N] teams across the company\n");
    let diags = lint("r.md", &text);
    assert!(diags.iter().any(|d| d.code == "M001"), "{diags:#?}");
}

#[test]
fn json_and_latex_edits_stay_inside_the_string_and_the_syntax() {
    let json = r#"{
  "basics": { "name": "Pat Example", "label": "ML Engineer" },
  "work": [{
    "name": "Northwind", "position": "ML Engineer", "startDate": "2019-01", "endDate": "2022-01",
    "highlights": [
      "Responsible for building the \"core\" feature store for 3 teams",
      "Built an innovative scheduling engine for the delivery fleet",
      "Built a \"world-class\" evaluation harness for the ranking team"
    ]
  }]
}
"#;
    let fixed =
        with(|cx, sup| fix_text(cx, "r.json", "json", json, &Limits::default(), sup).unwrap());
    assert_eq!(fixed.applied.len(), 2, "{:#?}", fixed.applied);
    let v: serde_json::Value = serde_json::from_str(&fixed.text).unwrap();
    let h = &v["work"][0]["highlights"];
    assert_eq!(h[0], "Built the \"core\" feature store for 3 teams");
    assert_eq!(h[1], "Built a scheduling engine for the delivery fleet");
    assert_eq!(
        h[2],
        "Built a \"world-class\" evaluation harness for the ranking team"
    );

    let tex = "\\documentclass{article}\n\\begin{document}\n\\section{Experience}\n\\textbf{ML Engineer}, Northwind \\hfill 2019 -- 2022\n\\begin{itemize}\n\\item Many teams relied on the feature pipelines I built\n\\item Cut spend significantly for the ranking models\n\\end{itemize}\n\\end{document}\n";
    let diags = lint("r.tex", tex);
    let m003: Vec<&Diagnostic> = diags.iter().filter(|d| d.code == "M003").collect();
    // "[N]" after \item would be its label: no placeholder there.
    let first = m003.iter().find(|d| d.line == 6).expect("M003 on line 6");
    assert!(first.fixes.is_empty(), "{first:#?}");
    let second = m003.iter().find(|d| d.line == 7).expect("M003 on line 7");
    assert_eq!(second.fixes[0].replacements[0].text, "by [N]\\%");
}

#[test]
fn fixing_twice_changes_nothing_the_second_time() {
    let text = format!(
        "{HEAD}- Responsible for building a world-class feature store for the teams\n- Built an innovative, reliable scheduler for the fleets\n- Helped migrate the store to Spark\n"
    );
    let (once, twice) = with(|cx, sup| {
        let once = fix_text(cx, "r.md", "md", &text, &Limits::default(), sup).unwrap();
        let twice = fix_text(cx, "r.md", "md", &once.text, &Limits::default(), sup).unwrap();
        (once, twice)
    });
    assert!(
        once.text
            .contains("- Built a feature store for the teams\n"),
        "{}",
        once.text
    );
    assert!(
        once.text
            .contains("- Built a reliable scheduler for the fleets\n"),
        "{}",
        once.text
    );
    // Unsafe: left for the candidate.
    assert!(once.text.contains("- Helped migrate the store to Spark\n"));
    assert!(twice.applied.is_empty(), "{:#?}", twice.applied);
    assert_eq!(twice.text, once.text);
}

#[test]
fn overlapping_safe_fixes_apply_one_at_a_time() {
    let text = format!("{HEAD}- Responsible for building world-class tools for the teams\n");
    let diags = lint("r.md", &text);
    let round = apply_safe(&text, &diags);
    assert!(!round.applied.is_empty());
    let fixed = with(|cx, sup| fix_text(cx, "r.md", "md", &text, &Limits::default(), sup).unwrap());
    assert!(
        fixed.text.ends_with("- Built tools for the teams\n"),
        "{}",
        fixed.text
    );
}

#[test]
fn the_bundled_lists_name_words_the_rules_flag() {
    let cat = super::catalogue::Catalogue::embedded();
    let lexicon =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/rubrics/lexicon.toml"))
            .unwrap();
    let lex: toml::Value = toml::from_str(&lexicon).unwrap();
    let list = |sec: &str, key: &str| -> Vec<String> {
        lex[sec][key]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_lowercase())
            .collect()
    };
    let superlatives = list("proof", "superlatives");
    for w in &cat.drop.as_ref().unwrap().words {
        assert!(
            superlatives.contains(w),
            "P001 drop '{w}' is no superlative"
        );
    }
    let vague = list("vague", "quantifiers");
    let v = cat.vague.as_ref().unwrap();
    for w in v.counts.iter().chain(&v.adverbs).chain(&v.adjectives) {
        assert!(vague.contains(w), "M003 '{w}' is no vague quantifier");
    }
    let rubric = Rubric::bundled(DEFAULT_TRACK).unwrap();
    let src = Rubric::bundled_source(DEFAULT_TRACK).unwrap();
    let _ = rubric;
    let track: toml::Value = toml::from_str(src).unwrap();
    let openers: Vec<String> = track["language"]["weak-openers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    let catalogue: toml::Value = toml::from_str(super::catalogue::DEFAULT_FIXES).unwrap();
    for entry in catalogue["O001"].as_array().unwrap() {
        for o in entry["openers"].as_array().unwrap() {
            let o = o.as_str().unwrap();
            assert!(
                openers.iter().any(|w| w == o),
                "O001 opener '{o}' is not a weak opener"
            );
        }
    }
}
