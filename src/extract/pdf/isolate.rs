//! The child process that extracts a PDF, and the parent side that runs
//! it under limits.
//!
//! The parent starts the helper (this program, or `Limits::pdf_helper`)
//! as `HELPER __extract-pdf - --max-pages N --max-memory BYTES`, writes
//! the PDF's bytes to its stdin and reads one JSON [`Answer`] from its
//! stdout. Only a separate process survives what pdf-extract can do: a
//! stack overflow or an allocation failure aborts the process, a loop
//! never returns. The child caps its own address space first thing, so a
//! stream that inflates to gigabytes fails inside the child.

use std::io::{Read, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use super::{Answer, Failure, extract_in_process, panic_text};
use crate::extract::Limits;

/// The hidden subcommand's name.
pub const SUBCOMMAND: &str = "__extract-pdf";

/// Largest answer read from the child: text of a few hundred pages.
const MAX_ANSWER: u64 = 64 * 1024 * 1024;
/// Largest stderr kept, to name a crash.
const MAX_STDERR: u64 = 64 * 1024;

/// Runs the helper on `bytes`; Err is the cause, for an [`InputError`].
///
/// [`InputError`]: crate::error::InputError
pub fn run(bytes: &[u8], limits: &Limits) -> Result<super::PdfText, String> {
    let helper = match &limits.pdf_helper {
        Some(p) => p.clone(),
        None => std::env::current_exe()
            .map_err(|e| format!("cannot start the PDF text extractor: {e}"))?,
    };
    let mut child = Command::new(&helper)
        // The address-space cap below needs the system allocator.
        .env(
            crate::alloc::SYSTEM_ALLOCATOR_ENV
                .to_str()
                .unwrap_or_default(),
            "1",
        )
        .arg(SUBCOMMAND)
        .arg("-")
        .arg("--max-pages")
        .arg(limits.max_pdf_pages.to_string())
        .arg("--max-memory")
        .arg(limits.max_pdf_memory.to_string())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            format!(
                "cannot start the PDF text extractor {}: {e}",
                helper.display()
            )
        })?;

    // Feed and drain on threads: a child that blocks on a full pipe must
    // not block us, and the deadline below must stay ours to keep.
    let stdin = child.stdin.take();
    let input = bytes.to_vec();
    let writer = std::thread::spawn(move || {
        if let Some(mut stdin) = stdin {
            // A child that dies early closes the pipe: its status says why.
            let _ = stdin.write_all(&input);
        }
    });
    // The answer arrives when the child closes its stdout, that is when it
    // ends: waiting on the reader (not polling the child) costs no latency.
    let stdout = child.stdout.take();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(out) = stdout {
            let _ = out.take(MAX_ANSWER).read_to_end(&mut buf);
        }
        let _ = tx.send(buf);
    });
    let stderr = child.stderr.take();
    let err_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(err) = stderr {
            let _ = err.take(MAX_STDERR).read_to_end(&mut buf);
        }
        buf
    });

    let out = match rx.recv_timeout(limits.pdf_timeout) {
        Ok(out) => out,
        Err(_) => {
            let _ = child.kill();
            let _ = child.wait();
            let _ = writer.join();
            return Err(timeout_message(limits.pdf_timeout));
        }
    };
    // Stdout is closed: the child is ending, unless it closed stdout and
    // went on; the deadline still holds for that.
    let status = wait_with_deadline(&mut child, limits.pdf_timeout);
    let _ = writer.join();
    let err = err_reader.join().unwrap_or_default();
    let Some(status) = status else {
        return Err(timeout_message(limits.pdf_timeout));
    };
    if let Ok(answer) = serde_json::from_slice::<Answer>(&out) {
        return match answer {
            Answer::Text(t) => Ok(t),
            Answer::Failed(f) => Err(f.message()),
        };
    }
    Err(crash_cause(status, &String::from_utf8_lossy(&err), limits))
}

/// Waits for the child until `timeout`; kills it then. None: timed out.
fn wait_with_deadline(child: &mut std::process::Child, timeout: Duration) -> Option<ExitStatus> {
    let deadline = Instant::now() + timeout;
    // Poll with a growing interval: most resumes take a few milliseconds.
    let mut pause = Duration::from_micros(500);
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return Some(status),
            Ok(None) => {}
            Err(_) => break,
        }
        let now = Instant::now();
        if now >= deadline {
            break;
        }
        std::thread::sleep(pause.min(deadline - now));
        pause = (pause * 2).min(Duration::from_millis(20));
    }
    let _ = child.kill();
    let _ = child.wait();
    None
}

/// The cause for an extraction stopped at `timeout`.
pub fn timeout_message(timeout: Duration) -> String {
    format!("timed out after {} while extracting text", seconds(timeout))
}

/// "10 s", "0.5 s".
fn seconds(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s.fract() == 0.0 {
        format!("{} s", s as u64)
    } else {
        format!("{s} s")
    }
}

/// Names why the child ended without an answer.
fn crash_cause(status: ExitStatus, stderr: &str, limits: &Limits) -> String {
    if stderr.contains("memory allocation of") || stderr.contains("capacity overflow") {
        return format!(
            "memory exceeded: extracting text needed more than {} MiB",
            limits.max_pdf_memory / (1024 * 1024)
        );
    }
    if stderr.contains("has overflowed its stack") {
        return "the text extractor crashed (stack overflow): the PDF nests too deeply".into();
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(sig) = status.signal() {
            return format!("the text extractor crashed (signal {sig})");
        }
    }
    let last = stderr.lines().rev().find(|l| !l.trim().is_empty());
    match last {
        Some(l) => format!("the text extractor failed ({status}): {}", l.trim()),
        None => format!("the text extractor gave no answer ({status})"),
    }
}

/// The child's arguments.
#[derive(Debug, clap::Args)]
pub struct ChildArgs {
    /// The PDF to read; `-` reads standard input
    pub path: PathBuf,
    #[arg(long, default_value_t = Limits::default().max_pdf_pages)]
    pub max_pages: usize,
    /// Address-space cap in bytes; 0 for none
    #[arg(long, default_value_t = Limits::default().max_pdf_memory)]
    pub max_memory: u64,
}

/// The child: reads the PDF, prints one JSON answer, exits 0. Anything
/// else (an abort, a signal) is for the parent to name.
pub fn child_main(args: &ChildArgs) -> u8 {
    cap_memory(args.max_memory);
    // The default hook would print a backtrace notice for a panic that
    // catch_unwind turns into an answer.
    std::panic::set_hook(Box::new(|_| {}));
    let mut bytes = Vec::new();
    let read = if args.path.as_os_str() == "-" {
        std::io::stdin().lock().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(&args.path).and_then(|mut f| f.read_to_end(&mut bytes).map(|_| ()))
    };
    let answer = match read {
        Err(e) => Answer::Failed(Failure::Corrupt {
            detail: format!("cannot be read: {e}"),
        }),
        Ok(()) => match catch_unwind(AssertUnwindSafe(|| {
            extract_in_process(&bytes, args.max_pages)
        })) {
            Ok(Ok(text)) => Answer::Text(text),
            Ok(Err(f)) => Answer::Failed(f),
            Err(payload) => Answer::Failed(Failure::Unsupported {
                detail: panic_text(payload.as_ref()),
            }),
        },
    };
    let json = serde_json::to_string(&answer).unwrap_or_else(|_| "{}".into());
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(json.as_bytes()).and_then(|()| out.flush());
    0
}

/// Caps this process's address space, so that an allocation past it
/// fails (and aborts the child) instead of swapping the machine.
#[cfg(unix)]
fn cap_memory(bytes: u64) {
    if bytes == 0 {
        return;
    }
    let limit = libc::rlimit {
        rlim_cur: bytes as libc::rlim_t,
        rlim_max: bytes as libc::rlim_t,
    };
    // SAFETY: setrlimit reads the struct we pass and touches no memory of
    // ours; a failure (EPERM, EINVAL) leaves the old limit, which is safe.
    unsafe {
        libc::setrlimit(libc::RLIMIT_AS, &limit);
    }
}

#[cfg(not(unix))]
fn cap_memory(_bytes: u64) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seconds_read_naturally() {
        assert_eq!(seconds(Duration::from_secs(10)), "10 s");
        assert_eq!(seconds(Duration::from_millis(500)), "0.5 s");
    }

    #[test]
    fn the_default_timeout_message() {
        assert_eq!(
            timeout_message(Limits::default().pdf_timeout),
            "timed out after 10 s while extracting text"
        );
    }
}
