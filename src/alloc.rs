//! The program's allocator: mimalloc, except in the PDF extraction child.
//!
//! Linting allocates many small, short-lived strings and vectors (lines,
//! words, findings) and compiles automata at start-up; mimalloc serves
//! those about a quarter faster than glibc's allocator (962 resumes:
//! 134 → 109 ms). The PDF child caps its own address space with
//! `RLIMIT_AS`, and mimalloc reserves address space far ahead of use,
//! which would make that cap fail at random. So the child, started with
//! [`SYSTEM_ALLOCATOR_ENV`] set, keeps the system allocator for its whole
//! life.
//!
//! The choice is made at the first allocation, before anything could have
//! been allocated by the other allocator, and never changes: every block
//! is freed by the allocator that made it.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicU8, Ordering};

/// Set (to anything) in a process's environment to keep the system
/// allocator. A C string: it is read before anything can be allocated.
pub const SYSTEM_ALLOCATOR_ENV: &std::ffi::CStr = c"STORYLINE_SYSTEM_ALLOCATOR";

const UNDECIDED: u8 = 0;
const MIMALLOC: u8 = 1;
const SYSTEM: u8 = 2;

/// `mi_option_arena_eager_commit` in mimalloc.h (the same in v2 and v3;
/// the -sys crate's named constants follow an older numbering).
const ARENA_EAGER_COMMIT: libmimalloc_sys::mi_option_t = 4;

static CHOICE: AtomicU8 = AtomicU8::new(UNDECIDED);

/// The global allocator (declared in `main.rs`).
pub struct Allocator;

#[inline]
fn use_system() -> bool {
    match CHOICE.load(Ordering::Relaxed) {
        MIMALLOC => false,
        SYSTEM => true,
        _ => decide(),
    }
}

#[cold]
fn decide() -> bool {
    let system = system_requested();
    if !system {
        // Commit arena memory as it is used, not a whole arena up front
        // (where Linux overcommits, mimalloc's default): the 962 resumes'
        // peak resident memory is then 26 MiB instead of 70, for about 2%
        // of the time. Set before mimalloc allocates anything.
        // SAFETY: sets an option; called before any mimalloc allocation.
        unsafe { libmimalloc_sys::mi_option_set(ARENA_EAGER_COMMIT, 0) };
    }
    // Every thread that races here reads the same environment, so they
    // store the same answer.
    CHOICE.store(if system { SYSTEM } else { MIMALLOC }, Ordering::Relaxed);
    system
}

#[cfg(unix)]
fn system_requested() -> bool {
    // std::env would allocate; getenv does not. No other thread exists yet
    // at the first allocation, so nothing writes the environment meanwhile.
    // SAFETY: the name is NUL-terminated; getenv only reads.
    unsafe { !libc::getenv(SYSTEM_ALLOCATOR_ENV.as_ptr()).is_null() }
}

#[cfg(not(unix))]
fn system_requested() -> bool {
    // The address-space cap is Unix-only, so elsewhere nothing needs it.
    false
}

// SAFETY: each method forwards to one allocator, the same one for the
// whole process (see `use_system`), so blocks never cross allocators.
unsafe impl GlobalAlloc for Allocator {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded with the caller's guarantees.
        unsafe {
            if use_system() {
                System.alloc(layout)
            } else {
                mimalloc::MiMalloc.alloc(layout)
            }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded with the caller's guarantees.
        unsafe {
            if use_system() {
                System.alloc_zeroed(layout)
            } else {
                mimalloc::MiMalloc.alloc_zeroed(layout)
            }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded with the caller's guarantees.
        unsafe {
            if use_system() {
                System.dealloc(ptr, layout)
            } else {
                mimalloc::MiMalloc.dealloc(ptr, layout)
            }
        }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: forwarded with the caller's guarantees.
        unsafe {
            if use_system() {
                System.realloc(ptr, layout, new_size)
            } else {
                mimalloc::MiMalloc.realloc(ptr, layout, new_size)
            }
        }
    }
}
