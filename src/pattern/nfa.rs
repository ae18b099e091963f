//! The one-file engine: a Thompson NFA searched by the bounded
//! backtracker, or by the PikeVM where the backtracker would not fit, as
//! `regex_automata::meta` searches with its lazy DFA and prefilters off.
//! Both engines report leftmost-first matches, so the answers are the
//! meta engine's (a test in `pattern` holds them equal to `regex`'s).
//!
//! Why not `meta` itself: every NFA compiler starts with a 10,000-entry
//! cache of UTF-8 automata, allocated, filled and freed again, which was a
//! sixth of the compile time of the extractors' patterns. Here each thread
//! keeps one compiler and its cache for every pattern it compiles.

use std::cell::RefCell;
use std::panic::{RefUnwindSafe, UnwindSafe};

use regex_automata::nfa::thompson::backtrack::{self, BoundedBacktracker};
use regex_automata::nfa::thompson::pikevm::{self, PikeVM};
use regex_automata::nfa::thompson::{self, WhichCaptures};
use regex_automata::util::captures::Captures;
use regex_automata::util::iter::Searcher;
use regex_automata::util::pool::{Pool, PoolGuard};
use regex_automata::util::primitives::NonMaxUsize;
use regex_automata::{Input, Match, PatternID};

/// A compiled pattern; see the module documentation.
pub struct NfaRegex {
    pikevm: PikeVM,
    backtrack: BoundedBacktracker,
    pool: Pool<Cache, CacheFn>,
}

type CacheFn = Box<dyn Fn() -> Cache + Send + Sync + UnwindSafe + RefUnwindSafe>;

/// One search's scratch space, per engine.
#[derive(Debug)]
pub struct Cache {
    pikevm: pikevm::Cache,
    backtrack: backtrack::Cache,
}

impl std::fmt::Debug for NfaRegex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NfaRegex")
            .field("states", &self.pikevm.get_nfa().states().len())
            .finish_non_exhaustive()
    }
}

thread_local! {
    static COMPILER: RefCell<thompson::Compiler> = RefCell::new(compiler());
}

fn compiler() -> thompson::Compiler {
    let mut c = thompson::Compiler::new();
    // What `meta` builds by default: UTF-8 empty matches only at character
    // boundaries, every group, the same size limit.
    c.configure(
        thompson::Config::new()
            .utf8(true)
            .shrink(false)
            .which_captures(WhichCaptures::All)
            .nfa_size_limit(Some(10 << 20)),
    );
    c
}

impl NfaRegex {
    /// Parses `pattern` with the default syntax (`meta`'s) and compiles it.
    pub fn new(pattern: &str) -> Result<NfaRegex, String> {
        let hir = regex_automata::util::syntax::parse(pattern).map_err(|e| e.to_string())?;
        let build = |c: &thompson::Compiler| c.build_from_hir(&hir).map_err(|e| e.to_string());
        // In a thread's own exit (a thread-local destructor), a fresh one.
        let nfa = COMPILER
            .try_with(|c| build(&c.borrow()))
            .unwrap_or_else(|_| build(&compiler()))?;
        let pikevm = PikeVM::new_from_nfa(nfa.clone()).map_err(|e| e.to_string())?;
        let backtrack = BoundedBacktracker::new_from_nfa(nfa).map_err(|e| e.to_string())?;
        let (p, b) = (pikevm.clone(), backtrack.clone());
        let create: CacheFn = Box::new(move || Cache {
            pikevm: p.create_cache(),
            backtrack: b.create_cache(),
        });
        Ok(NfaRegex {
            pikevm,
            backtrack,
            pool: Pool::new(create),
        })
    }

    /// The search every method makes; fills what `slots` has room for.
    fn search_slots(
        &self,
        cache: &mut Cache,
        input: &Input<'_>,
        slots: &mut [Option<NonMaxUsize>],
    ) -> Option<PatternID> {
        // `meta`'s choice: the backtracker on short haystacks, unless only
        // "is there a match" is asked of a long one (the PikeVM can stop
        // sooner).
        let short = !(input.get_earliest() && input.haystack().len() > 128)
            && input.get_span().len() < self.backtrack.max_haystack_len();
        if short
            && let Ok(pid) = self
                .backtrack
                .try_search_slots(&mut cache.backtrack, input, slots)
        {
            return pid;
        }
        self.pikevm.search_slots(&mut cache.pikevm, input, slots)
    }

    pub fn is_match(&self, hay: &str) -> bool {
        let input = Input::new(hay).earliest(true);
        self.search_slots(&mut self.pool.get(), &input, &mut [])
            .is_some()
    }

    pub fn find(&self, hay: &str) -> Option<std::ops::Range<usize>> {
        let mut slots = [None, None];
        let input = Input::new(hay);
        self.search_slots(&mut self.pool.get(), &input, &mut slots)?;
        span(&slots)
    }

    pub fn captures(&self, hay: &str) -> Captures {
        let mut caps = self.create_captures();
        let pid = self.search_slots(&mut self.pool.get(), &Input::new(hay), caps.slots_mut());
        caps.set_pattern(pid);
        caps
    }

    fn create_captures(&self) -> Captures {
        Captures::all(self.pikevm.get_nfa().group_info().clone())
    }

    pub fn find_iter<'r, 'h>(&'r self, hay: &'h str) -> FindMatches<'r, 'h> {
        FindMatches {
            re: self,
            cache: self.pool.get(),
            it: Searcher::new(Input::new(hay)),
        }
    }

    pub fn captures_iter<'r, 'h>(&'r self, hay: &'h str) -> CapturesMatches<'r, 'h> {
        CapturesMatches {
            re: self,
            cache: self.pool.get(),
            caps: self.create_captures(),
            it: Searcher::new(Input::new(hay)),
        }
    }
}

/// The overall match in the first two slots.
fn span(slots: &[Option<NonMaxUsize>; 2]) -> Option<std::ops::Range<usize>> {
    Some(slots[0]?.get()..slots[1]?.get())
}

/// The matches of [`NfaRegex::find_iter`], as `meta` iterates them (an
/// empty match right after a match is skipped).
pub struct FindMatches<'r, 'h> {
    re: &'r NfaRegex,
    cache: PoolGuard<'r, Cache, CacheFn>,
    it: Searcher<'h>,
}

impl Iterator for FindMatches<'_, '_> {
    type Item = std::ops::Range<usize>;

    fn next(&mut self) -> Option<Self::Item> {
        let FindMatches { re, cache, it } = self;
        let m = it.advance(|input| {
            let mut slots = [None, None];
            Ok(re
                .search_slots(cache, input, &mut slots)
                .and_then(|pid| Some(Match::new(pid, span(&slots)?))))
        });
        m.map(|m| m.range())
    }
}

/// The matches of [`NfaRegex::captures_iter`], with their groups.
pub struct CapturesMatches<'r, 'h> {
    re: &'r NfaRegex,
    cache: PoolGuard<'r, Cache, CacheFn>,
    caps: Captures,
    it: Searcher<'h>,
}

impl Iterator for CapturesMatches<'_, '_> {
    type Item = Captures;

    fn next(&mut self) -> Option<Captures> {
        let CapturesMatches {
            re,
            cache,
            caps,
            it,
        } = self;
        it.advance(|input| {
            let pid = re.search_slots(cache, input, caps.slots_mut());
            caps.set_pattern(pid);
            Ok(caps.get_match())
        })?;
        Some(caps.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_equality_tests_long_text_is_the_pikevms() {
        // `pattern`'s engine test has a 15 KB text: for this pattern (a
        // Unicode `\w`) that is past what the backtracker takes.
        let re = NfaRegex::new(r"(?i)\b(?P<mon>jan|feb)\w*\s+(?P<year>\d{4})\b").expect("re");
        assert!(re.backtrack.max_haystack_len() < 15_000);
        assert_eq!(re.find("x Feb 2021"), Some(2..10));
    }
}
