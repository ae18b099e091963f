//! O: ownership. Openers that undersell the candidate's part in the work.

mod o001;
mod o002;

pub use o001::*;
pub use o002::*;
