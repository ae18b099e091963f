//! A ZIP archive read in memory within limits. DOCX files are ZIPs, and so
//! is a LinkedIn data export: both read their members through this, so a
//! hostile archive (a "ZIP bomb", thousands of members, lying headers) costs
//! bounded memory and time. Nothing is ever extracted to disk.

use std::io::{Cursor, Read};

use zip::ZipArchive;
use zip::result::ZipError;

use super::Limits;
use crate::error::InputError;

/// Below this many inflated bytes a member's compression ratio is not
/// judged: tiny members (an empty part, a one-line XML) compress oddly.
const RATIO_FLOOR: u64 = 64 * 1024;

/// An opened archive with a running count of the bytes inflated so far.
pub struct BoundedZip<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    display: String,
    /// What the archive is, for error messages ("DOCX").
    kind: &'static str,
    limits: Limits,
    inflated: u64,
}

impl<'a> BoundedZip<'a> {
    /// Opens `bytes` as a ZIP, checking the member count and encryption.
    pub fn open(
        display: &str,
        kind: &'static str,
        bytes: &'a [u8],
        limits: &Limits,
    ) -> Result<Self, InputError> {
        let zip = ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
            InputError::new(
                display,
                format!(
                    "corrupt {kind}: not a readable ZIP archive ({})",
                    zip_cause(&e)
                ),
            )
        })?;
        if zip.len() > limits.max_zip_members {
            return Err(InputError::new(
                display,
                format!(
                    "too many members in the {kind} archive: {}, over the limit of {}",
                    zip.len(),
                    limits.max_zip_members
                ),
            ));
        }
        if zip.has_duplicate_names() {
            // Two members with one name: which one a reader sees is
            // ambiguous, a trick used to hide content from scanners.
            return Err(InputError::new(
                display,
                format!("corrupt {kind}: the ZIP archive holds two members with the same name"),
            ));
        }
        let this = BoundedZip {
            zip,
            display: display.to_string(),
            kind,
            limits: limits.clone(),
            inflated: 0,
        };
        if this.any_encrypted() {
            return Err(this.encrypted_error());
        }
        Ok(this)
    }

    fn any_encrypted(&self) -> bool {
        (0..self.zip.len()).any(|i| self.zip.by_index_data(i).is_ok_and(|e| e.encrypted()))
    }

    fn encrypted_error(&self) -> InputError {
        InputError::new(
            &self.display,
            format!(
                "encrypted {}: remove the password and save again",
                self.kind
            ),
        )
    }

    /// Member names as stored, in archive order.
    pub fn names(&self) -> Vec<String> {
        self.zip
            .file_names()
            .filter_map(Result::ok)
            .map(|n| n.into_owned())
            .collect()
    }

    /// The stored name matching `name` case-insensitively (OPC part names
    /// are case-insensitive), if any.
    pub fn find(&self, name: &str) -> Option<String> {
        self.names()
            .into_iter()
            .find(|n| n.trim_start_matches('/').eq_ignore_ascii_case(name))
    }

    /// Inflates one member as UTF-8 text, enforcing the per-member size,
    /// the compression ratio and the archive's total.
    pub fn read_text(&mut self, name: &str) -> Result<String, InputError> {
        let bytes = self.read_bytes(name)?;
        let bytes = bytes
            .strip_prefix(&[0xEF, 0xBB, 0xBF])
            .map_or(bytes.as_slice(), |b| b);
        String::from_utf8(bytes.to_vec()).map_err(|_| {
            InputError::new(
                &self.display,
                format!("corrupt {}: {name} is not UTF-8 text", self.kind),
            )
        })
    }

    fn read_bytes(&mut self, name: &str) -> Result<Vec<u8>, InputError> {
        let limits = self.limits.clone();
        let (kind, display) = (self.kind, self.display.clone());
        let err = |msg: String| InputError::new(&display, msg);
        let mut file = self.zip.by_name(name).map_err(|e| match e {
            ZipError::UnsupportedArchive(m) if m == ZipError::PASSWORD_REQUIRED => err(format!(
                "encrypted {kind}: remove the password and save again"
            )),
            e => err(format!(
                "corrupt {kind}: cannot read {name} ({})",
                zip_cause(&e)
            )),
        })?;
        let declared = file.size();
        let compressed = file.compressed_size().max(1);
        if declared > limits.max_member_bytes {
            return Err(err(format!(
                "{name} is too large: it declares {declared} bytes uncompressed, over the limit of {} bytes",
                limits.max_member_bytes
            )));
        }
        let ratio_cap = compressed
            .saturating_mul(limits.max_compression_ratio)
            .max(RATIO_FLOOR);
        if declared > ratio_cap {
            return Err(ratio_error(
                &display, kind, name, declared, compressed, &limits,
            ));
        }
        // Declared sizes can lie: never inflate more than the limits allow,
        // whatever the header says.
        let cap = limits.max_member_bytes.min(ratio_cap);
        let mut out = Vec::with_capacity(declared.min(cap) as usize);
        (&mut file)
            .take(cap + 1)
            .read_to_end(&mut out)
            .map_err(|e| err(format!("corrupt {kind}: cannot read {name} ({e})")))?;
        let real = out.len() as u64;
        if real > limits.max_member_bytes {
            return Err(err(format!(
                "{name} is too large: it inflates past the limit of {} bytes",
                limits.max_member_bytes
            )));
        }
        if real > ratio_cap {
            return Err(ratio_error(&display, kind, name, real, compressed, &limits));
        }
        self.inflated += real;
        if self.inflated > limits.max_total_inflated {
            return Err(err(format!(
                "the {kind} is too large: its members inflate to more than {} bytes in total",
                limits.max_total_inflated
            )));
        }
        Ok(out)
    }
}

fn ratio_error(
    display: &str,
    kind: &str,
    name: &str,
    size: u64,
    compressed: u64,
    limits: &Limits,
) -> InputError {
    InputError::new(
        display,
        format!(
            "suspicious {kind}: {name} inflates {}:1 ({size} bytes from {compressed}), over the compression ratio limit of {}:1 (a ZIP bomb?)",
            size / compressed,
            limits.max_compression_ratio
        ),
    )
}

/// A short cause for a ZIP error, without the crate's internal wording
/// where a plainer one exists.
fn zip_cause(e: &ZipError) -> String {
    match e {
        ZipError::Io(io) if io.kind() == std::io::ErrorKind::UnexpectedEof => {
            "the file is truncated".to_string()
        }
        ZipError::InvalidArchive(m) => format!("truncated or damaged: {m}"),
        ZipError::UnsupportedArchive(m) => format!("unsupported: {m}"),
        ZipError::CompressionMethodNotSupported(m) => {
            format!("unsupported compression method {m}")
        }
        e => e.to_string(),
    }
}
