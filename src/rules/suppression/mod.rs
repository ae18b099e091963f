//! X: suppressions. A suppression that silences nothing (X001) and one
//! that cannot silence anything (X003). `crate::suppress` applies the
//! suppressions and says which are stale or invalid; these rules say so.

mod x001;
mod x003;

pub use x001::*;
pub use x003::*;

use crate::model::Document;
use crate::source::Text;

/// The whole line of the suppression comment `i` of `doc`.
fn comment_line(doc: &Document, i: usize) -> (Text, usize) {
    let s = &doc.suppressions[i];
    let line = doc.lines.line_text(&doc.source, s.line);
    (
        Text::verbatim(line, doc.lines.line_start(s.line)),
        line.len(),
    )
}
