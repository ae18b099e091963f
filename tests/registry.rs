//! The registry is the one list of rules. `storyline rules`, the README's
//! rule table and every rule's docs must agree with it: a rule added in
//! one place and not the others fails here.

mod common;

use serde_json::Value;
use storyline::rules::registry::{Family, RULES};

#[test]
fn codes_names_and_families_are_well_formed() {
    let mut families_seen: Vec<Family> = Vec::new();
    let mut previous: Option<&str> = None;
    for r in RULES {
        let code = r.info.code;
        assert!(
            code.len() == 4 && code[1..].bytes().all(|b| b.is_ascii_digit()),
            "{code}: a code is a family letter and three digits"
        );
        assert_eq!(
            &code[..1],
            r.family.letter(),
            "{code} is registered in family {:?}",
            r.family
        );
        assert_eq!(Family::of(code), Some(r.family), "{code}");
        // Families stand together, in their order; codes rise within one.
        if families_seen.last() != Some(&r.family) {
            assert!(
                !families_seen.contains(&r.family),
                "{code}: family {:?} is split in the registry",
                r.family
            );
            families_seen.push(r.family);
        } else if let Some(p) = previous {
            assert!(p < code, "{code} is registered after {p}");
        }
        previous = Some(code);
        let name = r.info.name;
        assert!(
            !name.is_empty()
                && name
                    .split('-')
                    .all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase())),
            "{code}: '{name}' is not kebab-case"
        );
        assert!(!r.info.summary.is_empty(), "{code} has no summary");
        assert!(!r.info.help.is_empty(), "{code} has no help");
        let headings = [
            "## What it does",
            "## Why it matters",
            "## Example",
            "## How to fix it",
        ];
        let found: Vec<&str> = r
            .info
            .docs
            .lines()
            .filter(|l| l.starts_with("## "))
            .collect();
        assert_eq!(found, headings, "{code}: the docs' headings");
    }
    let order: Vec<Family> = Family::ALL
        .into_iter()
        .filter(|f| families_seen.contains(f))
        .collect();
    assert_eq!(families_seen, order, "families out of their order");
    for (i, a) in RULES.iter().enumerate() {
        for b in &RULES[i + 1..] {
            assert_ne!(a.info.code, b.info.code, "a code registered twice");
            assert_ne!(a.info.name, b.info.name, "a name registered twice");
        }
    }
}

#[test]
fn storyline_rules_lists_the_registry() {
    let out = common::storyline()
        .args(["rules", "--format", "json"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let listed: Vec<(String, String, String)> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let s = |k: &str| r[k].as_str().unwrap().to_string();
            (s("code"), s("name"), s("severity"))
        })
        .collect();
    let registry: Vec<(String, String, String)> = RULES
        .iter()
        .map(|r| {
            (
                r.info.code.to_string(),
                r.info.name.to_string(),
                r.info.severity.as_str().to_string(),
            )
        })
        .collect();
    assert_eq!(listed, registry);
}

/// Every rule in the README's table, with its name, family, default
/// severity, scope and status, in registry order, and nothing else.
#[test]
fn the_readme_rule_table_matches_the_registry() {
    let readme =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
            .unwrap();
    let table: Vec<Vec<String>> = readme
        .lines()
        .filter_map(|l| {
            let cells: Vec<String> = l
                .trim()
                .strip_prefix('|')?
                .trim_end_matches('|')
                .split('|')
                .map(|c| c.trim().to_string())
                .collect();
            let code = cells.first()?;
            let is_code = code.len() == 4
                && code.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                && code[1..].chars().all(|c| c.is_ascii_digit());
            is_code.then_some(cells)
        })
        .collect();
    let registry: Vec<Vec<String>> = RULES
        .iter()
        .map(|r| {
            [
                r.info.code,
                r.info.name,
                r.family.title(),
                r.info.severity.as_str(),
                r.scope.as_str(),
                r.status.as_str(),
            ]
            .map(str::to_string)
            .to_vec()
        })
        .collect();
    assert_eq!(
        table, registry,
        "README's rule table (code | name | family | default | scope | status) vs the registry"
    );
}

/// Every registered rule has its fixture folder with a case that must fire
/// and a near miss, and a snapshot of its findings; every fixture folder
/// and rule snapshot belongs to a registered rule.
#[test]
fn every_rule_has_its_fixture_folder_and_snapshot() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for r in RULES {
        let code = r.info.code;
        let fx = common::RuleFixture::of(code);
        assert!(
            fx.dir.is_dir(),
            "{code} has no fixtures/rules/{code}/ (a fire.* that must fire, an ok.* that must not)"
        );
        assert!(
            fx.fire.is_some(),
            "fixtures/rules/{code}/ has no fire.* (must fire)"
        );
        assert!(
            fx.ok.is_some(),
            "fixtures/rules/{code}/ has no ok.* (near miss)"
        );
        let snap = root.join(format!("tests/snapshots/rules__{code}.snap"));
        assert!(
            snap.is_file(),
            "{code} has no snapshot {}: run `cargo insta test --test rules` and review it",
            snap.display()
        );
    }
    let known = |c: &str| RULES.iter().any(|r| r.info.code == c);
    for e in std::fs::read_dir(root.join("fixtures/rules")).unwrap() {
        let name = e.unwrap().file_name().into_string().unwrap();
        assert!(
            known(&name),
            "fixtures/rules/{name}/ names no registered rule"
        );
    }
    for e in std::fs::read_dir(root.join("tests/snapshots")).unwrap() {
        let name = e.unwrap().file_name().into_string().unwrap();
        if let Some(code) = name
            .strip_prefix("rules__")
            .and_then(|n| n.strip_suffix(".snap"))
        {
            assert!(known(code), "{name} is the snapshot of no registered rule");
        }
    }
}

/// One file per rule: every registered rule's `RuleInfo` is declared in
/// `src/rules/<family>/<code>.rs`, the only rule that file declares, and
/// every such file belongs to a registered rule.
#[test]
fn every_rule_has_its_own_file() {
    let rules_dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules");
    let mut files = Vec::new();
    for family in std::fs::read_dir(&rules_dir).unwrap() {
        let family = family.unwrap().path();
        if !family.is_dir() {
            continue;
        }
        for f in std::fs::read_dir(&family).unwrap() {
            let f = f.unwrap().path();
            let text = std::fs::read_to_string(&f).unwrap();
            let declared = text.matches(": RuleInfo = RuleInfo {").count();
            let stem = f.file_stem().unwrap().to_string_lossy().to_string();
            if stem == "mod" {
                assert_eq!(
                    declared,
                    0,
                    "{} declares a rule: give it its own file",
                    f.display()
                );
            } else {
                files.push((stem, f, text, declared));
            }
        }
    }
    for r in RULES {
        let code = r.info.code;
        let lower = code.to_lowercase();
        let found: Vec<_> = files.iter().filter(|(stem, ..)| *stem == lower).collect();
        assert_eq!(
            found.len(),
            1,
            "{code} has no file src/rules/<family>/{lower}.rs (or several)"
        );
        let (_, path, text, declared) = found[0];
        assert!(
            text.contains(&format!("pub static {code}: RuleInfo")) && *declared == 1,
            "{} must declare {code}'s RuleInfo and no other rule",
            path.display()
        );
    }
    for (stem, path, ..) in &files {
        assert!(
            RULES.iter().any(|r| r.info.code.to_lowercase() == *stem),
            "{} is the file of no registered rule",
            path.display()
        );
    }
}
