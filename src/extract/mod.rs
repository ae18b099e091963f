//! Input files → [`Document`]s. One module per input format; this one
//! reads the bytes (within limits), decides the format by content and name,
//! and dispatches.

mod archive;
mod docx;
mod json_resume;
mod json_spans;
pub mod latex;
pub mod lines;
mod linkedin;
mod linkedin_pdf;
pub mod pdf;
mod roles;
mod segment;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::error::InputError;
use crate::lexicon::Lexicon;
use crate::model::{Document, Format};

/// Bounds on what one input may cost.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Largest file read, in bytes (for a ZIP: the archive's bytes).
    pub max_file_bytes: u64,
    /// Most members a ZIP archive (DOCX, LinkedIn export) may list.
    pub max_zip_members: usize,
    /// Largest uncompressed size of one ZIP member, declared or real.
    pub max_member_bytes: u64,
    /// Largest uncompressed size of all the members read from one archive.
    pub max_total_inflated: u64,
    /// Highest uncompressed : compressed ratio of one member.
    pub max_compression_ratio: u64,
    /// Longest a PDF's text extraction may take before it is stopped.
    pub pdf_timeout: Duration,
    /// Most pages a PDF may have (resumes have a few; 50 is generous).
    pub max_pdf_pages: usize,
    /// Address space the PDF extraction process may use, in bytes.
    pub max_pdf_memory: u64,
    /// The program run as `PROGRAM __extract-pdf -` to extract a PDF's
    /// text; None runs this executable (`std::env::current_exe`). Tests
    /// and other embedders that are not the storyline binary set it.
    pub pdf_helper: Option<PathBuf>,
}

impl Default for Limits {
    fn default() -> Self {
        const MIB: u64 = 1024 * 1024;
        Limits {
            max_file_bytes: 10 * MIB,
            max_zip_members: 2_000,
            max_member_bytes: 32 * MIB,
            max_total_inflated: 64 * MIB,
            max_compression_ratio: 200,
            pdf_timeout: Duration::from_secs(10),
            max_pdf_pages: 50,
            max_pdf_memory: 1024 * MIB,
            pdf_helper: None,
        }
    }
}

/// Whether a path names a file storyline reads, judged by its name.
pub fn is_supported_name(path: &Path) -> bool {
    is_text_name(path) || matches!(extension(path).as_str(), "docx" | "pdf")
}

/// Whether a path names a file storyline reads as text (Markdown, plain
/// text, JSON Resume, LaTeX), judged by its name.
pub fn is_text_name(path: &Path) -> bool {
    matches!(
        extension(path).as_str(),
        "md" | "markdown" | "mdown" | "txt" | "text" | "json" | "tex" | "xtx"
    )
}

fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// Reads and extracts one file.
pub fn extract_path(
    path: &Path,
    display: &str,
    lex: &Lexicon,
    limits: &Limits,
) -> Result<Document, InputError> {
    extract_path_with(path, display, || lex, limits)
}

/// [`extract_path`] with the lexicon asked for only when it is needed:
/// a PDF's extraction child starts first, so that a caller can load the
/// lexicon on another thread meanwhile.
pub fn extract_path_with<L: std::ops::Deref<Target = Lexicon>>(
    path: &Path,
    display: &str,
    lex: impl FnOnce() -> L,
    limits: &Limits,
) -> Result<Document, InputError> {
    // One stat for both questions: a batch reads thousands of files.
    let meta = std::fs::metadata(path).map_err(|e| io_error(display, &e))?;
    if meta.is_dir() {
        // A folder given as an input is a LinkedIn export (the only
        // folder-shaped input); anything else says why it is not.
        return linkedin::from_folder(path, display, limits).map(finish);
    }
    let bytes = read_bounded(path, &meta, display, limits)?;
    if pdf::is_pdf(&bytes) {
        let extracted = pdf::extract(display, &bytes, limits)?;
        return Ok(pdf_text_document(display, extracted, &lex()));
    }
    extract_bytes(display, &extension(path), bytes, &lex(), limits)
}

/// Whether a `.zip` file is a LinkedIn export (its central directory only
/// is read), so that walking a folder picks exports and skips other ZIPs.
pub fn is_linkedin_zip(path: &Path) -> bool {
    if extension(path) != "zip" {
        return false;
    }
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    let Ok(zip) = zip::ZipArchive::new(std::io::BufReader::new(file)) else {
        return false;
    };
    let names: Vec<String> = zip
        .file_names()
        .filter_map(Result::ok)
        .map(|n| n.into_owned())
        .collect();
    linkedin::is_export(names.iter().map(String::as_str))
}

/// Whether a folder is an unpacked LinkedIn export.
pub fn is_linkedin_folder(path: &Path) -> bool {
    let names = |dir: &Path| -> Vec<String> {
        std::fs::read_dir(dir)
            .map(|it| {
                it.flatten()
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default()
    };
    if linkedin::is_export(names(path).iter().map(String::as_str)) {
        return true;
    }
    // The unpacked archive may hold one folder with the files inside.
    let subdirs: Vec<_> = std::fs::read_dir(path)
        .map(|it| {
            it.flatten()
                .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
                .map(|e| e.path())
                .collect()
        })
        .unwrap_or_default();
    subdirs.len() == 1 && linkedin::is_export(names(&subdirs[0]).iter().map(String::as_str))
}

/// Reads a document from standard input (the path `-`), bounded like a
/// file. `name` (from `--stdin-filename`) is the path findings name and
/// gives the format by its extension; without one, the format is told by
/// the content (a PDF or ZIP header, JSON, LaTeX) and defaults to Markdown.
pub fn extract_stdin(
    name: Option<&str>,
    lex: &Lexicon,
    limits: &Limits,
) -> Result<Document, InputError> {
    let display = name.unwrap_or("-");
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(limits.max_file_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_error(display, &e))?;
    if bytes.len() as u64 > limits.max_file_bytes {
        return Err(too_large(display, bytes.len() as u64, limits));
    }
    let ext = match name {
        Some(n) => extension(Path::new(n)),
        None => sniff_extension(&bytes).to_string(),
    };
    extract_bytes(display, &ext, bytes, lex, limits)
}

/// The extension a nameless input's content suggests.
fn sniff_extension(bytes: &[u8]) -> &'static str {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
    let text = head.trim_start_matches('\u{feff}').trim_start();
    if bytes.starts_with(b"PK") {
        // A DOCX is told from a LinkedIn export by its members.
        "zip"
    } else if text.starts_with('{') {
        "json"
    } else if text.starts_with("\\documentclass") || head.contains("\\begin{document}") {
        "tex"
    } else {
        "md"
    }
}

/// Extracts a document from bytes; `ext` is the lowercase file extension.
pub fn extract_bytes(
    display: &str,
    ext: &str,
    bytes: Vec<u8>,
    lex: &Lexicon,
    limits: &Limits,
) -> Result<Document, InputError> {
    extract_bytes_raw(display, ext, bytes, lex, limits).map(finish)
}

/// What every entry point does to an extracted document.
fn finish(mut doc: Document) -> Document {
    doc.flag_reversed_dates();
    doc
}

fn extract_bytes_raw(
    display: &str,
    ext: &str,
    bytes: Vec<u8>,
    lex: &Lexicon,
    limits: &Limits,
) -> Result<Document, InputError> {
    if bytes.is_empty() || bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(InputError::new(display, "the file is empty"));
    }
    // A PDF is known by its header whatever its name; a `.pdf` name on
    // other bytes is named as such rather than read as text.
    if pdf::is_pdf(&bytes) {
        return pdf_document(display, &bytes, lex, limits);
    }
    if ext == "pdf" {
        return Err(pdf::not_pdf(display, &bytes));
    }
    match container_kind(display, ext, &bytes)? {
        Some(Container::Docx) => return docx_document(display, &bytes, lex, limits),
        Some(Container::LinkedinExport) => return linkedin::from_zip(display, &bytes, limits),
        None => {}
    }
    sniff_binary(display, &bytes)?;
    let text = decode_text(display, bytes)?;
    let format = match ext {
        "json" => Format::JsonResume,
        "md" | "markdown" | "mdown" => Format::Markdown,
        "txt" | "text" => Format::Text,
        "tex" | "xtx" => Format::Latex,
        _ if text.trim_start().starts_with('{') => Format::JsonResume,
        _ => Format::Text,
    };
    match format {
        Format::JsonResume => json_resume::extract(display, text),
        other => Ok(text_document(display, other, text, lex)),
    }
}

/// Binary containers storyline reads.
enum Container {
    Docx,
    LinkedinExport,
}

/// Decides whether the bytes are a container storyline reads. A `.docx`
/// name is trusted (the DOCX reader then explains what is wrong with the
/// file); otherwise a ZIP is a DOCX when it holds `word/document.xml`.
fn container_kind(display: &str, ext: &str, bytes: &[u8]) -> Result<Option<Container>, InputError> {
    if bytes.starts_with(&docx::OLE_MAGIC) {
        return Err(docx::ole_error(display, bytes));
    }
    let is_zip = bytes.starts_with(b"PK\x03\x04");
    if ext == "docx" || (is_zip && docx::is_docx_zip(bytes)) {
        return Ok(Some(Container::Docx));
    }
    if is_zip
        && zip_names(bytes)
            .is_some_and(|names| linkedin::is_export(names.iter().map(String::as_str)))
    {
        return Ok(Some(Container::LinkedinExport));
    }
    if ext == "zip" {
        if !is_zip {
            return Err(InputError::new(
                display,
                "not a ZIP archive: the file does not start with a ZIP header",
            ));
        }
        if zip_names(bytes).is_none() {
            return Err(InputError::new(
                display,
                "corrupt or truncated ZIP: its central directory cannot be read",
            ));
        }
        return Err(InputError::new(
            display,
            "not a LinkedIn export: the ZIP holds no Positions.csv or Profile.csv",
        ));
    }
    // Other ZIPs fall through to `sniff_binary`, which rejects them.
    Ok(None)
}

fn docx_document(
    display: &str,
    bytes: &[u8],
    lex: &Lexicon,
    limits: &Limits,
) -> Result<Document, InputError> {
    let extracted = docx::extract(display, bytes, limits)?;
    let (mut lines, suppressions) = lines::split_lines(&extracted.text, false);
    docx::apply_hints(&mut lines, &extracted.hints);
    let mut doc = Document::new(display, Format::Docx, extracted.text);
    doc.suppressions = suppressions;
    segment::segment(&mut doc, lines, lex);
    Ok(doc)
}

fn pdf_document(
    display: &str,
    bytes: &[u8],
    lex: &Lexicon,
    limits: &Limits,
) -> Result<Document, InputError> {
    let extracted = pdf::extract(display, bytes, limits)?;
    Ok(pdf_text_document(display, extracted, lex))
}

/// The document of a PDF's extracted text, as [`extract_bytes`] builds it
/// after the extraction child answers. Public for in-process callers (the
/// fuzz targets, with [`pdf::extract_in_process`]).
#[doc(hidden)]
pub fn pdf_text_document(display: &str, extracted: pdf::PdfText, lex: &Lexicon) -> Document {
    finish(pdf_text_document_raw(display, extracted, lex))
}

fn pdf_text_document_raw(display: &str, extracted: pdf::PdfText, lex: &Lexicon) -> Document {
    // A LinkedIn "Save to PDF" profile is known by its content.
    if linkedin_pdf::is_profile(&extracted) {
        return linkedin_pdf::read(display, extracted);
    }
    let (mut lines, suppressions) = lines::split_lines(&extracted.text, false);
    lines::apply_pdf_layout(&mut lines, &extracted, lex);
    let mut doc = Document::new(display, Format::Pdf, extracted.text);
    doc.pages = extracted.lines.iter().map(|l| l.page).collect();
    doc.suppressions = suppressions;
    segment::segment(&mut doc, lines, lex);
    doc
}

fn text_document(display: &str, format: Format, text: String, lex: &Lexicon) -> Document {
    let (lines, suppressions) = match format {
        Format::Latex => latex::split_lines(&text),
        _ => lines::split_lines(&text, format == Format::Markdown),
    };
    let mut doc = Document::new(display, format, text);
    doc.suppressions = suppressions;
    segment::segment(&mut doc, lines, lex);
    doc
}

/// The file's bytes, refused before reading when `meta` says it is no
/// regular file or too large, and never read past the limit.
fn read_bounded(
    path: &Path,
    meta: &std::fs::Metadata,
    display: &str,
    limits: &Limits,
) -> Result<Vec<u8>, InputError> {
    if meta.is_dir() {
        return Err(InputError::new(display, "is a directory, not a file"));
    }
    if !meta.is_file() {
        // FIFOs, sockets and devices could block or never end.
        return Err(InputError::new(display, "not a regular file"));
    }
    if meta.len() > limits.max_file_bytes {
        return Err(too_large(display, meta.len(), limits));
    }
    let file = std::fs::File::open(path).map_err(|e| io_error(display, &e))?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // The file may grow between stat and read: never read past the limit.
    file.take(limits.max_file_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_error(display, &e))?;
    if bytes.len() as u64 > limits.max_file_bytes {
        return Err(too_large(display, bytes.len() as u64, limits));
    }
    Ok(bytes)
}

fn too_large(display: &str, len: u64, limits: &Limits) -> InputError {
    InputError::new(
        display,
        format!(
            "too large: {} bytes, over the limit of {} bytes (raise it with `max-file-size`)",
            len, limits.max_file_bytes
        ),
    )
}

fn io_error(display: &str, e: &std::io::Error) -> InputError {
    let cause = match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => {
            "permission denied: the file cannot be read".to_string()
        }
        _ => format!("cannot be read: {e}"),
    };
    InputError::new(display, cause)
}

/// Rejects formats storyline does not read yet, with the reason.
fn sniff_binary(display: &str, bytes: &[u8]) -> Result<(), InputError> {
    let what = if bytes.starts_with(b"PK\x03\x04") {
        Some("a ZIP archive (DOCX or LinkedIn export)")
    } else {
        None
    };
    match what {
        Some(w) => Err(InputError::new(
            display,
            format!("{w}: this format is not supported yet"),
        )),
        None => Ok(()),
    }
}

/// Decodes UTF-8 (with or without BOM) and BOM-marked UTF-16.
fn decode_text(display: &str, bytes: Vec<u8>) -> Result<String, InputError> {
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return decode_utf16(display, rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return decode_utf16(display, rest, u16::from_be_bytes);
    }
    let skip = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        3
    } else {
        0
    };
    let mut bytes = bytes;
    bytes.drain(..skip);
    if bytes.contains(&0) {
        return Err(InputError::new(display, "binary data, not a text document"));
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        InputError::new(
            display,
            format!("not valid UTF-8 (invalid byte at offset {at}); save the file as UTF-8"),
        )
    })
}

fn decode_utf16(display: &str, bytes: &[u8], f: fn([u8; 2]) -> u16) -> Result<String, InputError> {
    if !bytes.len().is_multiple_of(2) {
        return Err(InputError::new(
            display,
            "truncated UTF-16 text (odd number of bytes)",
        ));
    }
    let units = bytes.chunks_exact(2).map(|c| f([c[0], c[1]]));
    char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .map_err(|_| InputError::new(display, "invalid UTF-16 text"))
}

/// The member names of a ZIP, read from its central directory only.
fn zip_names(bytes: &[u8]) -> Option<Vec<String>> {
    let zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).ok()?;
    Some(
        zip.file_names()
            .filter_map(Result::ok)
            .map(|n| n.into_owned())
            .collect(),
    )
}
