//! X002: the document could not be read into roles, or is no resume.
//! Every other rule stands on the roles read; when there are none where
//! the text shows there should be, or the text itself is broken, a clean
//! run would claim checks that were never made.

mod x002;

pub use x002::*;
