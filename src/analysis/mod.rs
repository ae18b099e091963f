//! The analysis stage, between the model and the rules: what the rules
//! read of a document (per-bullet signals, the level assessment).

pub mod prepare;

pub use prepare::{Bullet, Prepared, is_achievement};
