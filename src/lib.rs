//! storyline: a linter for the story a candidate's resume and LinkedIn
//! profile tell. See `DESIGN.md` in the shared folder for the contracts.

pub mod align;
pub mod assess;
pub mod cli;
pub mod config;
pub mod date;
pub mod diagnostic;
pub mod error;
pub mod extract;
pub mod lexicon;
pub mod metrics;
pub mod model;
pub mod report;
pub mod rubric;
pub mod rules;
pub mod source;
pub mod suppress;
