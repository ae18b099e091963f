//! Every rule has a fixture whose cases must all fire and a near-miss
//! fixture none of whose cases may fire (`fixtures/rules/CODE/`).

mod common;

use common::{check, lines_starting};

/// Bullet rules: every bullet of fire.md fires, no line of ok.md does.
fn bullet_rule(code: &str) {
    let (doc, diags) = check(&format!("rules/{code}/fire.md"), &[code]);
    let bullets = lines_starting(&doc, "- ");
    assert!(!bullets.is_empty());
    for line in &bullets {
        assert!(
            diags.iter().any(|d| d.code == code && d.line == *line),
            "{code} should fire on fire.md:{line}: {:?}\nfound: {:#?}",
            doc.lines.line_text(&doc.source, *line),
            diags
                .iter()
                .map(|d| (d.line, &d.message))
                .collect::<Vec<_>>()
        );
    }
    let (doc, diags) = check(&format!("rules/{code}/ok.md"), &[code]);
    let hits: Vec<_> = diags
        .iter()
        .map(|d| {
            (
                d.line,
                doc.lines.line_text(&doc.source, d.line).to_string(),
                d.message.clone(),
            )
        })
        .collect();
    assert!(hits.is_empty(), "{code} fired on near misses: {hits:#?}");
}

#[test]
fn m001_bullet_without_metric() {
    bullet_rule("M001");
}

#[test]
fn m003_vague_quantifier() {
    bullet_rule("M003");
}

#[test]
fn p002_implausible_metric() {
    bullet_rule("P002");
}

#[test]
fn o001_weak_opener() {
    bullet_rule("O001");
}

#[test]
fn o001_points_at_the_opening_words() {
    let (_, diags) = check("rules/O001/fire.md", &["O001"]);
    let d = diags
        .iter()
        .find(|d| d.message.contains("'Helped'"))
        .expect("helped");
    // "- Helped" → the span covers "Helped" only.
    assert_eq!((d.column, d.end_column), (3, 9));
}

#[test]
fn p001_unproven_superlative_in_bullets_and_summary() {
    let (doc, diags) = check("rules/P001/fire.md", &["P001"]);
    let mut expected = lines_starting(&doc, "- ");
    expected.extend(lines_starting(&doc, "Machine learning engineer"));
    for line in expected {
        assert!(
            diags.iter().any(|d| d.line == line),
            "P001 should fire on line {line}"
        );
    }
    let (_, diags) = check("rules/P001/ok.md", &["P001"]);
    assert!(diags.is_empty(), "{diags:#?}");
}

#[test]
fn m002_role_without_metric() {
    let (doc, diags) = check("rules/M002/fire.md", &["M002"]);
    let headers = lines_starting(&doc, "### ");
    assert_eq!(headers.len(), 2);
    for line in headers {
        assert!(
            diags.iter().any(|d| d.line == line),
            "M002 should fire on the header at line {line}"
        );
    }
    assert!(
        diags[0]
            .message
            .contains("none of the 3 bullets of 'ML Engineer'"),
        "{}",
        diags[0].message
    );
    let (_, diags) = check("rules/M002/ok.md", &["M002"]);
    assert!(diags.is_empty(), "{diags:#?}");
}

#[test]
fn selection_limits_what_runs() {
    let (_, diags) = check("example/resume.md", &["O"]);
    assert!(!diags.is_empty());
    assert!(diags.iter().all(|d| d.code.starts_with('O')));
}

/// Every registered rule, in its fixture folder: the fixture fires, the
/// near miss does not, and the findings rendered for a person match the
/// rule's snapshot (`tests/snapshots/rules__CODE.snap`).
#[test]
fn every_rule_fires_on_its_fixture_not_its_near_miss_and_renders_as_snapshotted() {
    for rule in storyline::rules::registry::RULES {
        let code = rule.info.code;
        let fx = common::RuleFixture::of(code);
        let (Some(fire), Some(ok)) = (&fx.fire, &fx.ok) else {
            panic!("fixtures/rules/{code}/ needs a fire and an ok (tests/registry.rs says so too)");
        };
        let count = |input: &str| {
            let out = fx.check(code, "json", input);
            let v: serde_json::Value = serde_json::from_slice(&out.stdout)
                .unwrap_or_else(|e| panic!("{code}/{input}: {e}"));
            assert_eq!(v["errors"], serde_json::json!([]), "{code}/{input}");
            v["diagnostics"]
                .as_array()
                .expect("diagnostics")
                .iter()
                .filter(|d| d["code"] == code)
                .count()
        };
        assert!(
            count(fire) > 0,
            "{code} does not fire on its fixture {fire}"
        );
        assert_eq!(count(ok), 0, "{code} fires on its near miss {ok}");
        let human = fx.check(code, "human", fire);
        insta::assert_snapshot!(code, String::from_utf8_lossy(&human.stdout));
    }
}
