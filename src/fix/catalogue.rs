//! The fix catalogue (`rubrics/fixes.toml`): which rewrites each rule
//! offers, and the verb table they inflect with. Validated on load, with
//! errors that name the file, line and key.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::FixClass;
use crate::error::DataError;

/// The catalogue embedded in the binary.
pub const DEFAULT_FIXES: &str = include_str!("../../rubrics/fixes.toml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogueFile {
    verbs: VerbsFile,
    #[serde(rename = "O001", default)]
    o001: Vec<OpenerFile>,
    #[serde(rename = "P001")]
    p001: Option<DropFile>,
    #[serde(rename = "M003")]
    m003: Option<VagueFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct VerbsFile {
    regular: Vec<Spanned<String>>,
    #[serde(default)]
    irregular: Vec<Spanned<Vec<String>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct OpenerFile {
    openers: Vec<Spanned<String>>,
    tense: Spanned<String>,
    #[serde(default)]
    gerund: Vec<SuggestionFile>,
    #[serde(default)]
    verb: Vec<SuggestionFile>,
    #[serde(default)]
    noun: Vec<SuggestionFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SuggestionFile {
    class: Spanned<String>,
    text: Spanned<String>,
    description: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DropFile {
    class: Spanned<String>,
    description: String,
    drop: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct VagueFile {
    counts: Vec<Spanned<String>>,
    count_text: String,
    count_description: String,
    adverbs: Vec<Spanned<String>>,
    adverb_text: String,
    adverb_description: String,
    drop_description: String,
    clause_breaks: Vec<Spanned<String>>,
    adjectives: Vec<Spanned<String>>,
    changes: Vec<Spanned<String>>,
    adjective_text: String,
    adjective_description: String,
}

/// A verb's forms: plain, past, -ing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerbForms {
    pub base: String,
    pub past: String,
    pub ing: String,
}

/// The verb table, looked up by any form (lowercase).
#[derive(Debug, Default)]
pub struct Verbs {
    forms: Vec<VerbForms>,
    by_base: HashMap<String, usize>,
    by_past: HashMap<String, usize>,
    by_ing: HashMap<String, usize>,
}

impl Verbs {
    pub fn by_base(&self, w: &str) -> Option<&VerbForms> {
        self.by_base.get(w).map(|&i| &self.forms[i])
    }
    pub fn by_past(&self, w: &str) -> Option<&VerbForms> {
        self.by_past.get(w).map(|&i| &self.forms[i])
    }
    pub fn by_ing(&self, w: &str) -> Option<&VerbForms> {
        self.by_ing.get(w).map(|&i| &self.forms[i])
    }
}

/// The tense a rewritten opener's verb takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Present,
    Gerund,
    /// Past, unless the bullet's role is current and written in the present.
    Role,
}

/// One rewrite offered: its class, template and when to pick it.
#[derive(Debug, Clone)]
pub struct Suggestion {
    pub class: FixClass,
    pub text: String,
    pub description: String,
}

/// What an O001 entry offers, by what follows the opener.
#[derive(Debug, Default)]
pub struct OpenerEntry {
    pub tense: Option<Tense>,
    pub gerund: Vec<Suggestion>,
    pub verb: Vec<Suggestion>,
    pub noun: Vec<Suggestion>,
}

/// P001: the superlatives that can be dropped.
#[derive(Debug)]
pub struct Drop {
    pub class: FixClass,
    pub description: String,
    pub words: HashSet<String>,
}

/// M003: placeholders for vague quantifiers.
#[derive(Debug, Default)]
pub struct Vague {
    pub counts: HashSet<String>,
    pub count_text: String,
    pub count_description: String,
    pub adverbs: HashSet<String>,
    pub adverb_text: String,
    pub adverb_description: String,
    pub drop_description: String,
    pub clause_breaks: HashSet<String>,
    pub adjectives: HashSet<String>,
    pub changes: HashSet<String>,
    pub adjective_text: String,
    pub adjective_description: String,
}

/// A compiled catalogue.
#[derive(Debug)]
pub struct Catalogue {
    pub verbs: Verbs,
    /// Folded opener phrase → its entry.
    openers: HashMap<String, usize>,
    entries: Vec<OpenerEntry>,
    pub drop: Option<Drop>,
    pub vague: Option<Vague>,
}

static DEFAULT: LazyLock<Catalogue> = LazyLock::new(|| {
    Catalogue::parse(DEFAULT_FIXES, "<embedded fixes.toml>").expect("embedded fix catalogue")
});

impl Catalogue {
    /// The embedded catalogue, parsed on first use.
    pub fn embedded() -> &'static Catalogue {
        &DEFAULT
    }

    /// The entry for a weak opener as flagged (lowercase, spaces folded).
    pub fn opener(&self, folded: &str) -> Option<&OpenerEntry> {
        self.openers.get(folded).map(|&i| &self.entries[i])
    }

    /// Parses and validates a catalogue.
    pub fn parse(text: &str, origin: &str) -> Result<Catalogue, DataError> {
        let file: CatalogueFile =
            toml::from_str(text).map_err(|e| DataError::toml(origin, text, &e))?;
        let line_of = |span: std::ops::Range<usize>| {
            text[..span.start.min(text.len())].matches('\n').count() + 1
        };
        let err = |span: std::ops::Range<usize>, key: &str, msg: String| {
            DataError::at(origin, line_of(span), format!("{key}: {msg}"))
        };
        let word_ok = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase());

        let mut verbs = Verbs::default();
        let mut seen: HashSet<String> = HashSet::new();
        let add = |verbs: &mut Verbs, f: VerbForms| {
            let i = verbs.forms.len();
            verbs.by_base.insert(f.base.clone(), i);
            verbs.by_past.entry(f.past.clone()).or_insert(i);
            verbs.by_ing.entry(f.ing.clone()).or_insert(i);
            verbs.forms.push(f);
        };
        for (i, v) in file.verbs.irregular.iter().enumerate() {
            let key = format!("verbs.irregular[{i}]");
            let forms = v.get_ref();
            let [base, past, ing] = forms.as_slice() else {
                return Err(err(
                    v.span(),
                    &key,
                    format!("expected [plain, past, -ing], got {} form(s)", forms.len()),
                ));
            };
            if let Some(bad) = forms.iter().find(|w| !word_ok(w)) {
                return Err(err(
                    v.span(),
                    &key,
                    format!("'{bad}' is not a lowercase word"),
                ));
            }
            if !seen.insert(base.clone()) {
                return Err(err(v.span(), &key, format!("'{base}' is listed twice")));
            }
            add(
                &mut verbs,
                VerbForms {
                    base: base.clone(),
                    past: past.clone(),
                    ing: ing.clone(),
                },
            );
        }
        for (i, v) in file.verbs.regular.iter().enumerate() {
            let key = format!("verbs.regular[{i}]");
            let base = v.get_ref();
            if !word_ok(base) {
                return Err(err(
                    v.span(),
                    &key,
                    format!("'{base}' is not a lowercase word"),
                ));
            }
            if !seen.insert(base.clone()) {
                return Err(err(
                    v.span(),
                    &key,
                    format!("'{base}' is listed twice (or also in verbs.irregular)"),
                ));
            }
            add(&mut verbs, regular_forms(base));
        }

        let class_of = |s: &Spanned<String>, key: &str| match s.get_ref().as_str() {
            "safe" => Ok(FixClass::Safe),
            "unsafe" => Ok(FixClass::Unsafe),
            other => Err(err(
                s.span(),
                key,
                format!("'{other}' is not a fix class: use safe or unsafe"),
            )),
        };

        let mut openers = HashMap::new();
        let mut entries = Vec::new();
        for (i, e) in file.o001.iter().enumerate() {
            let key = format!("O001[{i}]");
            let tense = match e.tense.get_ref().as_str() {
                "past" => Tense::Past,
                "present" => Tense::Present,
                "gerund" => Tense::Gerund,
                "role" => Tense::Role,
                other => {
                    return Err(err(
                        e.tense.span(),
                        &format!("{key}.tense"),
                        format!("'{other}' is not a tense: use past, present, gerund or role"),
                    ));
                }
            };
            for o in &e.openers {
                let folded = fold(o.get_ref());
                if folded.is_empty() || folded != *o.get_ref() {
                    return Err(err(
                        o.span(),
                        &format!("{key}.openers"),
                        format!("'{}' must be a lowercase phrase", o.get_ref()),
                    ));
                }
                if openers.insert(folded, i).is_some() {
                    return Err(err(
                        o.span(),
                        &format!("{key}.openers"),
                        format!("'{}' is already in another entry", o.get_ref()),
                    ));
                }
            }
            let mut entry = OpenerEntry {
                tense: Some(tense),
                ..Default::default()
            };
            for (kind, list, out) in [
                ("gerund", &e.gerund, &mut entry.gerund),
                ("verb", &e.verb, &mut entry.verb),
                ("noun", &e.noun, &mut entry.noun),
            ] {
                for (j, s) in list.iter().enumerate() {
                    let skey = format!("{key}.{kind}[{j}]");
                    let class = class_of(&s.class, &format!("{skey}.class"))?;
                    let t = s.text.get_ref();
                    let rest = t.replace("{verb}", "").replace("{base}", "");
                    let names_verb = rest.len() != t.len();
                    if rest.contains(['{', '}']) {
                        return Err(err(
                            s.text.span(),
                            &format!("{skey}.text"),
                            format!("'{t}': the only placeholders are {{verb}} and {{base}}"),
                        ));
                    }
                    if (kind == "noun") == names_verb {
                        return Err(err(
                            s.text.span(),
                            &format!("{skey}.text"),
                            if kind == "noun" {
                                format!(
                                    "'{t}': a noun rewrite replaces the opener only and names no verb"
                                )
                            } else {
                                format!(
                                    "'{t}': a {kind} rewrite must name the verb with {{verb}} or {{base}}"
                                )
                            },
                        ));
                    }
                    if t.trim().is_empty() || s.description.trim().is_empty() {
                        return Err(err(
                            s.text.span(),
                            &skey,
                            "text and description must not be empty".into(),
                        ));
                    }
                    out.push(Suggestion {
                        class,
                        text: t.clone(),
                        description: s.description.clone(),
                    });
                }
            }
            entries.push(entry);
        }

        let phrases = |list: &[Spanned<String>], key: &str| -> Result<HashSet<String>, DataError> {
            let mut out = HashSet::new();
            for p in list {
                let folded = fold(p.get_ref());
                if folded.is_empty() || folded != *p.get_ref() {
                    return Err(err(
                        p.span(),
                        key,
                        format!("'{}' must be a lowercase phrase", p.get_ref()),
                    ));
                }
                if !out.insert(folded) {
                    return Err(err(
                        p.span(),
                        key,
                        format!("'{}' is listed twice", p.get_ref()),
                    ));
                }
            }
            Ok(out)
        };
        let drop = match &file.p001 {
            Some(p) => Some(Drop {
                class: class_of(&p.class, "P001.class")?,
                description: p.description.clone(),
                words: phrases(&p.drop, "P001.drop")?,
            }),
            None => None,
        };
        let vague = match file.m003 {
            Some(m) => Some(Vague {
                counts: phrases(&m.counts, "M003.counts")?,
                adverbs: phrases(&m.adverbs, "M003.adverbs")?,
                clause_breaks: phrases(&m.clause_breaks, "M003.clause-breaks")?,
                adjectives: phrases(&m.adjectives, "M003.adjectives")?,
                changes: phrases(&m.changes, "M003.changes")?,
                count_text: m.count_text,
                count_description: m.count_description,
                adverb_text: m.adverb_text,
                adverb_description: m.adverb_description,
                drop_description: m.drop_description,
                adjective_text: m.adjective_text,
                adjective_description: m.adjective_description,
            }),
            None => None,
        };
        Ok(Catalogue {
            verbs,
            openers,
            entries,
            drop,
            vague,
        })
    }
}

/// Lowercase, runs of whitespace as one space.
pub fn fold(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The forms of a regular verb by the spelling rules: a final "e" takes
/// "d" and drops before "ing" (but "ee", "oe", "ye" keep it), "ie" becomes
/// "ying", a consonant before a final "y" becomes "ied".
pub fn regular_forms(base: &str) -> VerbForms {
    let b = base.as_bytes();
    let vowel = |c: u8| b"aeiou".contains(&c);
    let n = b.len();
    let past = if base.ends_with('e') {
        format!("{base}d")
    } else if n >= 2 && b[n - 1] == b'y' && !vowel(b[n - 2]) {
        format!("{}ied", &base[..n - 1])
    } else {
        format!("{base}ed")
    };
    let ing = if base.ends_with("ie") {
        format!("{}ying", &base[..n - 2])
    } else if base.ends_with('e')
        && !(base.ends_with("ee") || base.ends_with("oe") || base.ends_with("ye"))
    {
        format!("{}ing", &base[..n - 1])
    } else {
        format!("{base}ing")
    };
    VerbForms {
        base: base.to_string(),
        past,
        ing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(src: &str) -> DataError {
        Catalogue::parse(src, "our-fixes.toml").unwrap_err()
    }

    fn line_of(src: &str, needle: &str) -> usize {
        src[..src.find(needle).unwrap()].matches('\n').count() + 1
    }

    #[test]
    fn the_embedded_catalogue_loads() {
        let c = Catalogue::embedded();
        assert_eq!(c.verbs.by_ing("maintaining").unwrap().past, "maintained");
        assert_eq!(c.verbs.by_ing("building").unwrap().past, "built");
        assert_eq!(c.verbs.by_ing("leading").unwrap().past, "led");
        assert_eq!(c.verbs.by_ing("shipping").unwrap().base, "ship");
        assert!(c.opener("responsible for").is_some());
        assert!(c.opener("helped").is_some());
    }

    #[test]
    fn regular_forms_follow_the_spelling_rules() {
        for (base, past, ing) in [
            ("maintain", "maintained", "maintaining"),
            ("create", "created", "creating"),
            ("apply", "applied", "applying"),
            ("deploy", "deployed", "deploying"),
            ("tie", "tied", "tying"),
            ("free", "freed", "freeing"),
            ("fix", "fixed", "fixing"),
        ] {
            assert_eq!(
                regular_forms(base),
                VerbForms {
                    base: base.into(),
                    past: past.into(),
                    ing: ing.into()
                }
            );
        }
    }

    const MINIMAL: &str = "[verbs]\nregular = [\"maintain\"]\n";

    #[test]
    fn a_minimal_catalogue_loads() {
        let c = Catalogue::parse(MINIMAL, "x.toml").unwrap();
        assert!(c.drop.is_none() && c.vague.is_none());
    }

    #[test]
    fn errors_name_the_file_line_and_key() {
        let src = "[verbs]\nregular = [\"maintain\",\n  \"Build\"]\n";
        let e = err(src);
        assert_eq!(e.line, Some(line_of(src, "\"Build\"")));
        assert!(
            e.to_string()
                .starts_with("our-fixes.toml: line 3: verbs.regular[1]: 'Build'"),
            "{e}"
        );

        let src =
            "[verbs]\nregular = [\"build\"]\nirregular = [[\"build\", \"built\", \"building\"]]\n";
        let e = err(src);
        assert!(
            e.message
                .contains("verbs.regular[0]: 'build' is listed twice"),
            "{e}"
        );

        let src = "[verbs]\nregular = []\nirregular = [[\"lead\", \"led\"]]\n";
        let e = err(src);
        assert_eq!(e.line, Some(3));
        assert!(
            e.message
                .contains("verbs.irregular[0]: expected [plain, past, -ing]"),
            "{e}"
        );

        let src = format!(
            "{MINIMAL}[[O001]]\nopeners = [\"helped\"]\ntense = \"past\"\nverb = [\n  {{ class = \"safeish\", text = \"{{verb}}\", description = \"d\" }},\n]\n"
        );
        let e = err(&src);
        assert_eq!(e.line, Some(line_of(&src, "safeish")));
        assert!(
            e.message
                .starts_with("O001[0].verb[0].class: 'safeish' is not a fix class"),
            "{e}"
        );

        let src = format!(
            "{MINIMAL}[[O001]]\nopeners = [\"helped\"]\ntense = \"past\"\nnoun = [{{ class = \"unsafe\", text = \"Led {{verb}}\", description = \"d\" }}]\n"
        );
        assert!(
            err(&src)
                .message
                .contains("a noun rewrite replaces the opener only")
        );

        let src = format!(
            "{MINIMAL}[[O001]]\nopeners = [\"helped\"]\ntense = \"past\"\n[[O001]]\nopeners = [\"Worked on\", \"helped\"]\ntense = \"later\"\n"
        );
        let e = err(&src);
        assert!(
            e.message
                .starts_with("O001[1].tense: 'later' is not a tense"),
            "{e}"
        );

        let src = format!(
            "{MINIMAL}[[O001]]\nopeners = [\"helped\"]\ntense = \"past\"\n[[O001]]\nopeners = [\"helped\"]\ntense = \"past\"\n"
        );
        let e = err(&src);
        assert!(
            e.message.contains("'helped' is already in another entry"),
            "{e}"
        );
        assert_eq!(e.line, Some(7));

        let src = format!(
            "{MINIMAL}[P001]\nclass = \"safe\"\ndescription = \"d\"\ndrop = [\"x\"]\nextra = 1\n"
        );
        let e = err(&src);
        assert!(e.message.contains("unknown field `extra`"), "{e}");
        assert_eq!(e.line, Some(7));
    }
}
