//! A set of literals found anywhere in a text, ASCII case-insensitively,
//! overlapping: every occurrence of every literal. The phrase lists and
//! the rubric gates are such sets.
//!
//! A batch searches with an Aho-Corasick automaton, the fastest search. A
//! one-file run searches a few kilobytes, and there building the automata
//! was a quarter of the run (12 of 46 million instructions), so it gets a
//! table instead: the literals sorted and indexed by their first two bytes,
//! built in a few microseconds, and searched by looking up each position's
//! two bytes. The answers are the same set of (literal, range) pairs; only
//! their order can differ, and no caller depends on it.

use std::ops::Range;

use aho_corasick::{AhoCorasick, MatchKind};

/// See the module documentation.
#[derive(Debug, Clone)]
pub struct LiteralSet {
    engine: Engine,
}

#[derive(Debug, Clone)]
enum Engine {
    Automaton(AhoCorasick),
    // Boxed: the automaton is a pointer, the table's lookup arrays are not.
    Table(Box<Table>),
}

impl LiteralSet {
    /// The set of `literals`, built for the run's size (see
    /// [`crate::pattern::expect_many_documents`]).
    pub fn new<L: AsRef<[u8]>>(literals: &[L]) -> Result<LiteralSet, String> {
        let total: usize = literals.iter().map(|l| l.as_ref().len()).sum();
        // An empty literal occurs at every position: the automaton has
        // that case, the table does not need it (callers give none).
        let empty = literals.iter().any(|l| l.as_ref().is_empty());
        let engine = match crate::pattern::automaton_kind(total) {
            Some(kind) => Engine::Automaton(automaton(literals, kind)?),
            None if empty => Engine::Automaton(automaton(
                literals,
                aho_corasick::AhoCorasickKind::ContiguousNFA,
            )?),
            None => Engine::Table(Box::new(Table::new(literals))),
        };
        Ok(LiteralSet { engine })
    }

    /// Calls `found(literal, range)` for every occurrence of every literal
    /// in `text`, in no particular order.
    #[inline]
    pub fn for_each(&self, text: &[u8], mut found: impl FnMut(usize, Range<usize>)) {
        match &self.engine {
            Engine::Automaton(ac) => {
                for m in ac.find_overlapping_iter(text) {
                    found(m.pattern().as_usize(), m.range());
                }
            }
            Engine::Table(t) => t.for_each(text, |p, r| {
                found(p, r);
                true
            }),
        }
    }

    /// Whether `accept(literal, range)` holds for some occurrence; stops at
    /// the first that does.
    pub fn any(&self, text: &[u8], mut accept: impl FnMut(usize, Range<usize>) -> bool) -> bool {
        match &self.engine {
            Engine::Automaton(ac) => ac
                .find_overlapping_iter(text)
                .any(|m| accept(m.pattern().as_usize(), m.range())),
            Engine::Table(t) => {
                let mut hit = false;
                t.for_each(text, |p, r| {
                    hit = accept(p, r);
                    !hit
                });
                hit
            }
        }
    }
}

fn automaton<L: AsRef<[u8]>>(
    literals: &[L],
    kind: aho_corasick::AhoCorasickKind,
) -> Result<AhoCorasick, String> {
    AhoCorasick::builder()
        .kind(Some(kind))
        .ascii_case_insensitive(true)
        // Overlapping search needs the standard kind.
        .match_kind(MatchKind::Standard)
        .build(literals)
        .map_err(|e| e.to_string())
}

/// The literals, lower-cased and grouped by their first two bytes; one-byte
/// literals apart.
#[derive(Debug, Clone)]
struct Table {
    /// Lower-cased literals, concatenated; `spans` slices it.
    bytes: Vec<u8>,
    /// Per entry: the literal's index in the caller's list, and its bytes.
    entries: Vec<(u32, Range<u32>)>,
    /// Open addressing over the two-byte keys: (key, first entry, end).
    slots: Vec<(u16, u32, u32)>,
    /// One bit per two-byte key present: most positions stop here.
    present: [u64; 1024],
    /// Per byte value, the one-byte literals that are it.
    singles: Vec<(u8, u32)>,
    single_present: [bool; 256],
}

/// An empty slot's entry range is empty; keys are never looked up there.
const EMPTY: (u16, u32, u32) = (0, 0, 0);

fn key(a: u8, b: u8) -> u16 {
    u16::from_le_bytes([a.to_ascii_lowercase(), b.to_ascii_lowercase()])
}

fn slot_of(key: u16, mask: usize) -> usize {
    // Fibonacci hashing: spreads the keys' letter pairs over the slots.
    ((key as u32).wrapping_mul(0x9E37_79B9) >> 16) as usize & mask
}

impl Table {
    fn new<L: AsRef<[u8]>>(literals: &[L]) -> Table {
        let mut bytes = Vec::new();
        let mut keyed: Vec<(u16, u32, Range<u32>)> = Vec::new();
        let mut singles = Vec::new();
        let mut single_present = [false; 256];
        for (i, lit) in literals.iter().enumerate() {
            let lit = lit.as_ref();
            let start = bytes.len() as u32;
            bytes.extend(lit.iter().map(u8::to_ascii_lowercase));
            let span = start..bytes.len() as u32;
            match *lit {
                [] => {}
                [b] => {
                    let b = b.to_ascii_lowercase();
                    singles.push((b, i as u32));
                    single_present[b as usize] = true;
                    single_present[b.to_ascii_uppercase() as usize] = true;
                }
                [a, b, ..] => keyed.push((key(a, b), i as u32, span)),
            }
        }
        keyed.sort_unstable_by_key(|&(k, i, _)| (k, i));
        let mut present = [0u64; 1024];
        let groups = keyed.chunk_by(|a, b| a.0 == b.0).count();
        let size = (groups * 2).next_power_of_two().max(2);
        let mask = size - 1;
        let mut slots = vec![EMPTY; size];
        let mut occupied = vec![false; size];
        let mut entries = Vec::with_capacity(keyed.len());
        for group in keyed.chunk_by(|a, b| a.0 == b.0) {
            let k = group[0].0;
            present[k as usize / 64] |= 1 << (k % 64);
            let first = entries.len() as u32;
            entries.extend(group.iter().map(|(_, i, span)| (*i, span.clone())));
            let mut s = slot_of(k, mask);
            while occupied[s] {
                s = (s + 1) & mask;
            }
            occupied[s] = true;
            slots[s] = (k, first, entries.len() as u32);
        }
        Table {
            bytes,
            entries,
            slots,
            present,
            singles,
            single_present,
        }
    }

    /// The entries whose literals start with the two bytes of `k`.
    fn lookup(&self, k: u16) -> &[(u32, Range<u32>)] {
        let mask = self.slots.len() - 1;
        let mut s = slot_of(k, mask);
        loop {
            let (key, first, end) = self.slots[s];
            if key == k && first < end {
                return &self.entries[first as usize..end as usize];
            }
            // Present keys are always found before an empty slot.
            s = (s + 1) & mask;
        }
    }

    /// Calls `found` for each occurrence until it returns false.
    fn for_each(&self, text: &[u8], mut found: impl FnMut(usize, Range<usize>) -> bool) {
        for i in 0..text.len() {
            if self.single_present[text[i] as usize] {
                let b = text[i].to_ascii_lowercase();
                for &(s, p) in &self.singles {
                    if s == b && !found(p as usize, i..i + 1) {
                        return;
                    }
                }
            }
            let Some(&next) = text.get(i + 1) else {
                break;
            };
            let k = key(text[i], next);
            if self.present[k as usize / 64] & (1 << (k % 64)) == 0 {
                continue;
            }
            for (p, span) in self.lookup(k) {
                let lit = &self.bytes[span.start as usize..span.end as usize];
                let end = i + lit.len();
                if end <= text.len()
                    && text[i + 2..end]
                        .iter()
                        .zip(&lit[2..])
                        .all(|(t, l)| t.to_ascii_lowercase() == *l)
                    && !found(*p as usize, i..end)
                {
                    return;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every (literal, range), sorted.
    fn all(set: &Engine, text: &[u8]) -> Vec<(usize, Range<usize>)> {
        let set = LiteralSet {
            engine: set.clone(),
        };
        let mut out = Vec::new();
        set.for_each(text, |p, r| out.push((p, r)));
        out.sort_by_key(|(p, r)| (r.start, r.end, *p));
        out
    }

    fn both(literals: &[&[u8]]) -> (Engine, Engine) {
        let kind = aho_corasick::AhoCorasickKind::NoncontiguousNFA;
        (
            Engine::Automaton(automaton(literals, kind).expect("automaton")),
            Engine::Table(Box::new(Table::new(literals))),
        )
    }

    #[test]
    fn the_table_finds_what_the_automaton_finds() {
        let literals: &[&[u8]] = &[
            b"led",
            b"Led a",
            b"a",
            b"team",
            b"te",
            b"misled",
            b"\xe2\x80\x93",
            b"x",
            b"led",
            b"M\xc3\xbcnchen",
        ];
        let (ac, table) = both(literals);
        for text in [
            "",
            "a",
            "Led a team; misled; LED A TEAM",
            "tea team teams te",
            "2019 \u{2013} 2020, x-ray, Xx",
            "MÜnchen München mÜnchen MüNCHEN",
            "ledledled",
            "l",
            "é",
        ] {
            let found = all(&table, text.as_bytes());
            assert_eq!(found, all(&ac, text.as_bytes()), "{text:?}");
        }
        // The table does find things (the comparison is not of two nothings).
        let found = all(&table, b"Led a team");
        assert!(
            found.contains(&(1, 0..5)) && found.contains(&(3, 6..10)),
            "{found:?}"
        );
    }

    #[test]
    fn the_table_agrees_on_generated_texts() {
        // Small alphabet, many collisions: every prefix shape is exercised.
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let alphabet = b"abAB -";
        for _ in 0..200 {
            let literals: Vec<Vec<u8>> = (0..1 + next() % 12)
                .map(|_| {
                    (0..1 + next() % 4)
                        .map(|_| alphabet[(next() % 6) as usize])
                        .collect()
                })
                .collect();
            let refs: Vec<&[u8]> = literals.iter().map(Vec::as_slice).collect();
            let (ac, table) = both(&refs);
            let text: Vec<u8> = (0..next() % 40)
                .map(|_| alphabet[(next() % 6) as usize])
                .collect();
            assert_eq!(all(&table, &text), all(&ac, &text), "{literals:?} {text:?}");
        }
    }

    #[test]
    fn any_stops_at_the_first_accepted_occurrence() {
        let (ac, table) = both(&[b"ab", b"b"]);
        for engine in [ac, table] {
            let set = LiteralSet { engine };
            let mut seen = 0;
            assert!(set.any(b"xabab", |_, _| {
                seen += 1;
                true
            }));
            assert_eq!(seen, 1);
            assert!(!set.any(b"xabab", |p, _| p == 5));
            assert!(!set.any(b"xyz", |_, _| true));
        }
    }
}
