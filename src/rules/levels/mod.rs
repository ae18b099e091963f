//! L: level targeting. Whether the documents aim at one level, the one the
//! candidate targets.

mod l001;
mod l002;
mod l003;

pub use l001::*;
pub use l002::*;
pub use l003::*;
