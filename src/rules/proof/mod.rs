//! P: proof. Claims that ask to be believed without evidence, and figures
//! that hurt credibility.

mod p001;
mod p002;

pub use p001::*;
pub use p002::*;

/// The first superlative that is a claim: a capitalised one inside the
/// text names something ("Award for Exceptional Achievement").
fn superlative(lex: &crate::lexicon::Lexicon, text: &str) -> Option<std::ops::Range<usize>> {
    let found: Vec<std::ops::Range<usize>> = lex.superlatives.find_iter(text).collect();
    superlative_among(text, &found)
}

/// [`superlative`] among a text's superlatives already found.
fn superlative_among(
    text: &str,
    found: &[std::ops::Range<usize>],
) -> Option<std::ops::Range<usize>> {
    found
        .iter()
        .find(|r| {
            let starts_upper = text[(*r).clone()]
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
            let at_start = text[..r.start].trim().is_empty();
            !starts_upper || at_start
        })
        .cloned()
}
