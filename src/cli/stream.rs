//! A batch checked as a stream: documents are read, linted and reported a
//! chunk at a time, in path order, so that memory holds one chunk's
//! documents (and a scorecard per document) whatever the batch's size.
//! The output is byte for byte what the whole-batch path prints. The
//! scorecards, which the report prints after every finding, wait in a
//! temporary file rather than in memory.

use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Document;
use crate::report::scorecard::Scorecard;
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
    cards: Spool,
}

impl Streamer {
    pub fn new(format: StreamFormat) -> Self {
        let mut s = Streamer {
            format,
            buf: String::with_capacity(1 << 16),
            any: false,
            counts: Counts::default(),
            closed: false,
            cards: Spool::default(),
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

    /// One document's scorecard, printed after every finding.
    pub fn scorecard(&mut self, card: &Scorecard) {
        let mut one = String::new();
        match self.format {
            StreamFormat::Human(style) => report::human::render_scorecard(&mut one, card, style),
            StreamFormat::Json => report::json::push_card(&mut one, card, self.cards.len == 0),
            StreamFormat::Github => return,
        }
        self.cards.push(one.as_bytes());
    }

    /// What follows the findings, and the end of the output.
    pub fn finish(&mut self, tail: &Tail<'_>) {
        match self.format {
            StreamFormat::Human(style) => {
                report::human::render_tail_head(&mut self.buf, tail, style);
                self.write_cards();
                report::human::render_summary(&mut self.buf, tail, style);
            }
            StreamFormat::Json => {
                report::json::push_tail_head(&mut self.buf, self.any);
                if self.cards.len == 0 {
                    self.buf.push_str("[]");
                } else {
                    self.buf.push('[');
                    self.write_cards();
                    self.buf.push_str("\n  ]");
                }
                report::json::push_tail_rest(&mut self.buf, tail);
            }
            StreamFormat::Github => report::github::push_tail(&mut self.buf, tail.errors),
        }
        self.flush();
    }

    /// The spooled scorecards, copied to the output as bytes.
    fn write_cards(&mut self) {
        self.flush();
        let mut chunk = vec![0; 1 << 16];
        self.cards.rewind();
        loop {
            let n = self.cards.read(&mut chunk);
            if n == 0 {
                break;
            }
            self.write_bytes(&chunk[..n]);
        }
    }

    /// Whether the reader left: the rest of the batch need not be linted.
    pub fn is_closed(&self) -> bool {
        self.closed
    }

    /// Whether findings at or above `fail_on` were written.
    pub fn failed_at(&self, fail_on: Severity) -> bool {
        [Severity::Info, Severity::Warning, Severity::Error]
            .into_iter()
            .any(|s| s >= fail_on && self.counts.of(s) > 0)
    }

    fn flush(&mut self) {
        let buf = std::mem::take(&mut self.buf);
        self.write_bytes(buf.as_bytes());
        self.buf = buf;
        self.buf.clear();
    }

    fn write_bytes(&mut self, bytes: &[u8]) {
        if !self.closed {
            let mut out = std::io::stdout().lock();
            // Nothing more can be said to a reader that left.
            self.closed = out.write_all(bytes).and_then(|()| out.flush()).is_err();
        }
    }
}

/// Text set aside until the end of the run: in a temporary file (removed
/// when done), or in memory if no temporary file can be made.
#[derive(Default)]
struct Spool {
    /// The file, and its path while it still has one to remove.
    file: Option<(std::fs::File, Option<PathBuf>)>,
    memory: Vec<u8>,
    /// Bytes written; also where reading stands in `memory`.
    len: usize,
    read_at: usize,
    failed: bool,
}

impl Spool {
    fn push(&mut self, bytes: &[u8]) {
        if self.file.is_none() && !self.failed {
            self.file = temp_file();
            self.failed = self.file.is_none();
        }
        let written = match &mut self.file {
            Some((f, _)) => f.write_all(bytes).is_ok(),
            None => false,
        };
        if !written {
            // A full disk mid-run: the rest waits in memory. What the file
            // holds so far is still read first.
            self.memory.extend_from_slice(bytes);
        }
        self.len += bytes.len();
    }

    fn rewind(&mut self) {
        self.read_at = 0;
        if let Some((f, _)) = &mut self.file {
            let _ = f.flush();
            let _ = f.rewind();
        }
    }

    /// Reads the file, then what fell back to memory.
    fn read(&mut self, buf: &mut [u8]) -> usize {
        if let Some((f, _)) = &mut self.file
            && let Ok(n) = f.read(buf)
            && n > 0
        {
            return n;
        }
        let n = buf.len().min(self.memory.len() - self.read_at);
        buf[..n].copy_from_slice(&self.memory[self.read_at..self.read_at + n]);
        self.read_at += n;
        n
    }
}

impl Drop for Spool {
    fn drop(&mut self) {
        if let Some((_, Some(path))) = self.file.take() {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// A new file in the temporary folder, only this process's.
fn temp_file() -> Option<(std::fs::File, Option<PathBuf>)> {
    let dir = std::env::temp_dir();
    for n in 0..16u32 {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let path = dir.join(format!(
            "storyline-{}-{nanos:x}-{n}.cards",
            std::process::id()
        ));
        let opened = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create_new(true)
            .open(&path);
        if let Ok(f) = opened {
            // Unlinked at once where the system allows it (the open file
            // stays readable): nothing is left behind if the run is killed.
            return Some((f, path)).map(|(f, path)| {
                let keep = std::fs::remove_file(&path).is_err();
                (f, keep.then_some(path))
            });
        }
    }
    None
}
