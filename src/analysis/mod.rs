//! The analysis stage, between the model and the rules: what the rules
//! read of a document. Per-bullet signals (`prepare`), what is a
//! quantified result (`metrics`), the target and evidenced level
//! (`assess`), the same employment on two channels (`align`).

pub mod align;
pub mod assess;
pub mod metrics;
pub mod prepare;

pub use prepare::{Bullet, Prepared, is_achievement};
