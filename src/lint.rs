//! Linting one document held in memory (an editor's buffer): the rules
//! `check` runs on a lone document, then the inline, per-file and config
//! suppressions.

use std::path::Path;

use crate::config::SuppressEntry;
use crate::diagnostic::Diagnostic;
use crate::error::InputError;
use crate::extract::{self, Limits};
use crate::model::{Channel, Document};
use crate::rules::{self, Context};
use crate::suppress::{self, FileIgnores};

/// The suppressions that apply besides the document's own comments.
pub struct Suppressions<'a> {
    pub file_ignores: &'a FileIgnores,
    /// The folder of the config file, which per-file-ignores globs are
    /// relative to.
    pub config_dir: Option<&'a Path>,
    pub entries: &'a [SuppressEntry],
    /// The config file's name, as findings about its entries say it.
    pub config_name: &'a str,
}

impl Suppressions<'_> {
    /// Applies every kind of suppression to one document's findings: the
    /// per-file ignores for its path, its inline comments, the config's
    /// entries. Returns the findings kept and those silenced.
    pub fn apply(
        &self,
        doc: &Document,
        diags: Vec<Diagnostic>,
        selection: &rules::Selection,
    ) -> (Vec<Diagnostic>, Vec<suppress::Suppressed>) {
        let ignored = self.file_ignores.codes_for(&doc.path, self.config_dir);
        suppress::apply(
            doc,
            diags,
            self.entries,
            &ignored,
            selection,
            self.config_name,
        )
    }
}

/// Extracts `text` as a document of format `ext` (a lowercase extension:
/// md, tex, json, txt) named `display`, and returns its findings in
/// position order, suppressions applied. A resume is cross-checked with
/// each of `profiles` (LinkedIn profiles, as `--profile` gives them); only
/// the findings on the document itself are returned, with their suggested
/// edits (`crate::fix`).
pub fn lint_text(
    cx: &Context<'_>,
    display: &str,
    ext: &str,
    text: &str,
    limits: &Limits,
    sup: &Suppressions<'_>,
    profiles: &[Document],
) -> Result<Vec<Diagnostic>, InputError> {
    let doc = extract::extract_bytes(display, ext, text.as_bytes().to_vec(), cx.lexicon, limits)?;
    Ok(lint_document(cx, &doc, sup, profiles))
}

/// [`lint_text`] of a document already extracted: its findings in position
/// order, suppressions applied, each with its suggested edits.
pub fn lint_document(
    cx: &Context<'_>,
    doc: &Document,
    sup: &Suppressions<'_>,
    profiles: &[Document],
) -> Vec<Diagnostic> {
    let mut diags = rules::check_document(cx, doc);
    if doc.channel == Channel::Resume {
        let mut cross = Vec::new();
        for profile in profiles {
            rules::consistency::check_pair(cx, doc, profile, &mut cross);
        }
        // The pair rules ask the selection themselves.
        cross.retain(|d| doc.owns_path(&d.path));
        diags.extend(cross);
    }
    let (mut kept, _silenced) = sup.apply(doc, diags, cx.selection);
    kept.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    kept.dedup_by(|a, b| a == b);
    crate::fix::attach(doc, &mut kept);
    kept
}
