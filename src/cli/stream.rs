//! A batch checked as a stream: documents are read, linted and reported a
//! chunk at a time, in path order, so that memory holds one chunk's
//! documents (and a scorecard per document) whatever the batch's size.
//! The output is byte for byte what the whole-batch path prints. The
//! scorecards, which the report prints after every finding, wait in a
//! temporary file rather than in memory.

use std::io::{Read, Write};

use rayon::prelude::*;
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
        let ext = p
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        !matches!(ext.as_deref(), Some("pdf" | "zip" | "csv"))
            && !may_be_profile(p, ext.as_deref() == Some("docx"))
    };
    files.len() > CHUNK
        && files.par_iter().all(|p| resume_only(p))
        && files
            .windows(2)
            .all(|w| w[0].display().to_string() < w[1].display().to_string())
}

/// Whether a file's first bytes are a PDF's or a ZIP's (other than a
/// DOCX's) whatever its name: the extractors go by content, and such a
/// file may be a LinkedIn profile. A folder (an unpacked export) may be
/// one too: reading it fails as a folder, which saves a stat per file.
fn may_be_profile(path: &Path, docx: bool) -> bool {
    let mut head = [0u8; 1024];
    let n = match std::fs::File::open(path).and_then(|mut f| f.read(&mut head)) {
        Ok(n) => n,
        // (Some systems refuse to open a folder rather than to read it.)
        Err(e) => return e.kind() == std::io::ErrorKind::IsADirectory || path.is_dir(),
    };
    let head = &head[..n];
    crate::extract::pdf::is_pdf(head) || (!docx && head.starts_with(b"PK\x03\x04"))
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

    /// Findings on a file that is no document of the run (the config).
    pub fn loose_findings(&mut self, diags: &[Diagnostic]) {
        for d in diags {
            self.counts.add(d.severity);
            match self.format {
                StreamFormat::Human(style) => {
                    report::human::render_finding(&mut self.buf, d, None, style)
                }
                StreamFormat::Json => report::json::push_finding(&mut self.buf, d, !self.any),
                StreamFormat::Github => report::github::push_finding(&mut self.buf, d),
            }
            self.any = true;
        }
    }

    /// One document's scorecard, printed after every finding.
    pub fn scorecard(&mut self, card: &Scorecard) {
        let mut one = String::new();
        match self.format {
            StreamFormat::Human(style) => report::human::render_scorecard(&mut one, card, style),
            StreamFormat::Json => report::json::push_card(&mut one, card, self.cards.is_empty()),
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
                if self.cards.is_empty() {
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

/// Text set aside until the end of the run: in a temporary file, or in
/// memory if no temporary file can be made or written. Once a write fails
/// the file keeps only the whole pieces written before it, and every
/// later piece goes to memory, so the order never changes.
#[derive(Default)]
struct Spool {
    file: Option<std::fs::File>,
    /// Bytes of whole pieces in the file.
    file_len: u64,
    memory: Vec<u8>,
    /// Where reading stands, file then memory.
    read_at: u64,
    failed: bool,
}

impl Spool {
    fn push(&mut self, bytes: &[u8]) {
        if self.file.is_none() && !self.failed {
            self.file = temp_file();
            self.failed = self.file.is_none();
        }
        if !self.failed
            && let Some(f) = &mut self.file
        {
            if f.write_all(bytes).is_ok() {
                self.file_len += bytes.len() as u64;
                return;
            }
            // A full disk: drop any part of this piece the file took.
            let _ = f.set_len(self.file_len);
            self.failed = true;
        }
        self.memory.extend_from_slice(bytes);
    }

    fn is_empty(&self) -> bool {
        self.file_len == 0 && self.memory.is_empty()
    }

    fn rewind(&mut self) {
        self.read_at = 0;
    }

    /// Reads the file's whole pieces, then what went to memory. Reads are
    /// positional: no seek that could fail.
    fn read(&mut self, buf: &mut [u8]) -> usize {
        use std::os::unix::fs::FileExt;
        if let Some(f) = &self.file
            && self.read_at < self.file_len
        {
            let want = buf.len().min((self.file_len - self.read_at) as usize);
            loop {
                match f.read_at(&mut buf[..want], self.read_at) {
                    Ok(n) if n > 0 => {
                        self.read_at += n as u64;
                        return n;
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    // The file cannot give back what it took: nothing
                    // more can be read in order.
                    _ => return 0,
                }
            }
        }
        let at = (self.read_at - self.file_len) as usize;
        let n = buf.len().min(self.memory.len() - at);
        buf[..n].copy_from_slice(&self.memory[at..at + n]);
        self.read_at += n as u64;
        n
    }
}

/// A new file in the temporary folder, only this process's, unlinked at
/// once (the open file stays usable): nothing is left behind, even if the
/// run is killed.
fn temp_file() -> Option<std::fs::File> {
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
            let _ = std::fs::remove_file(&path);
            return Some(f);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_batch_streams_unless_a_file_may_be_a_profile() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut files: Vec<PathBuf> = (0..=CHUNK)
            .map(|i| {
                let p = dir.path().join(format!("r{i:04}.txt"));
                std::fs::write(&p, "Engineer\n- Built things").expect("write");
                p
            })
            .collect();
        assert!(streamable(&files));
        // A PDF by content, whatever its name, may be a profile.
        std::fs::write(&files[3], b"%PDF-1.4\n").expect("write");
        assert!(!streamable(&files));
        std::fs::write(&files[3], "plain again").expect("write");
        assert!(streamable(&files));
        // So may a folder (an unpacked export), found without a stat.
        let export = dir.path().join("r0003a");
        std::fs::create_dir(&export).expect("mkdir");
        files.insert(4, export);
        assert!(!streamable(&files));
    }

    fn read_all(spool: &mut Spool) -> Vec<u8> {
        spool.rewind();
        let mut out = Vec::new();
        let mut buf = [0u8; 7];
        loop {
            let n = spool.read(&mut buf);
            if n == 0 {
                return out;
            }
            out.extend_from_slice(&buf[..n]);
        }
    }

    #[test]
    fn spool_gives_back_pieces_in_order_from_file_then_memory() {
        let mut spool = Spool::default();
        spool.push(b"first piece, ");
        spool.push(b"second piece, ");
        assert!(spool.file.is_some(), "a temporary file was made");
        // As after a failed write: the rest goes to memory, after the file.
        spool.failed = true;
        spool.push(b"third piece");
        assert_eq!(
            read_all(&mut spool),
            b"first piece, second piece, third piece"
        );
        assert!(!spool.is_empty());
        // Read again from the start.
        assert_eq!(
            read_all(&mut spool),
            b"first piece, second piece, third piece"
        );
    }

    #[test]
    fn spool_without_a_file_keeps_everything_in_memory() {
        let mut spool = Spool {
            failed: true,
            ..Spool::default()
        };
        spool.push(b"only ");
        spool.push(b"memory");
        assert!(spool.file.is_none());
        assert_eq!(read_all(&mut spool), b"only memory");
    }
}
