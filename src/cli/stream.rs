//! A batch checked as a stream: documents are read, linted and reported a
//! chunk at a time, in path order, so that memory holds one chunk's
//! documents (and a scorecard per document) whatever the batch's size.
//! The output is byte for byte what the whole-batch path prints.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Document;
use crate::report::{self, Counts, Tail};

/// Documents read and linted at once: enough to keep both cores busy, few
/// enough that their models stay a few megabytes.
pub const CHUNK: usize = 128;

/// The formats that can be written as findings arrive.
#[derive(Debug, Clone, Copy)]
pub enum StreamFormat {
    Human(report::human::Style),
    Json,
    Github,
}

/// Whether a batch can stream: many files, each a resume on its own (no
/// LinkedIn export or PDF, which may be a profile to pair with a resume
/// seen earlier), already in the order the findings are sorted in.
pub fn streamable(files: &[PathBuf]) -> bool {
    let resume_only = |p: &Path| {
        !p.is_dir()
            && !matches!(
                p.extension()
                    .and_then(|e| e.to_str())
                    .map(str::to_ascii_lowercase)
                    .as_deref(),
                Some("pdf" | "zip" | "csv")
            )
    };
    files.len() > CHUNK
        && files.iter().all(|p| resume_only(p))
        && files
            .windows(2)
            .all(|w| w[0].display().to_string() < w[1].display().to_string())
}

/// Writes a streamed report to standard output.
pub struct Streamer {
    format: StreamFormat,
    buf: String,
    any: bool,
    pub counts: Counts,
    /// The reader left (a closed pipe): nothing more is written.
    closed: bool,
}

impl Streamer {
    pub fn new(format: StreamFormat) -> Self {
        let mut s = Streamer {
            format,
            buf: String::with_capacity(1 << 16),
            any: false,
            counts: Counts::default(),
            closed: false,
        };
        if let StreamFormat::Json = format {
            s.buf.push_str(report::json::HEAD);
        }
        s
    }

    /// One document's findings, sorted.
    pub fn findings(&mut self, diags: &[Diagnostic], doc: &Document) {
        for d in diags {
            self.counts.add(d.severity);
            match self.format {
                StreamFormat::Human(style) => {
                    report::human::render_finding(&mut self.buf, d, Some(doc), style)
                }
                StreamFormat::Json => report::json::push_finding(&mut self.buf, d, !self.any),
                StreamFormat::Github => report::github::push_finding(&mut self.buf, d),
            }
            self.any = true;
        }
        if self.buf.len() >= 1 << 16 {
            self.flush();
        }
    }

    /// What follows the findings, and the end of the output.
    pub fn finish(&mut self, tail: &Tail<'_>) {
        match self.format {
            StreamFormat::Human(style) => report::human::render_tail(&mut self.buf, tail, style),
            StreamFormat::Json => report::json::push_tail(&mut self.buf, tail, self.any),
            StreamFormat::Github => report::github::push_tail(&mut self.buf, tail.errors),
        }
        self.flush();
    }

    /// Whether findings at or above `fail_on` were written.
    pub fn failed_at(&self, fail_on: Severity) -> bool {
        [Severity::Info, Severity::Warning, Severity::Error]
            .into_iter()
            .any(|s| s >= fail_on && self.counts.of(s) > 0)
    }

    fn flush(&mut self) {
        if !self.closed {
            let mut out = std::io::stdout().lock();
            // Nothing more can be said to a reader that left.
            self.closed = out
                .write_all(self.buf.as_bytes())
                .and_then(|()| out.flush())
                .is_err();
        }
        self.buf.clear();
    }
}
