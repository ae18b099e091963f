//! S: scope. Whether the documents state and evidence the scope that the
//! target level expects (tiers and phrases come from the level rubric).

mod s001;
mod s002;

pub use s001::*;
pub use s002::*;
