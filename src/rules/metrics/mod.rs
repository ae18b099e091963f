//! M: impact metrics. Bullets and roles that claim impact without numbers,
//! and vague quantifiers where a number belongs.

mod m001;
mod m002;
mod m003;
mod m004;

pub use m001::*;
pub use m002::*;
pub use m003::*;
pub use m004::*;
