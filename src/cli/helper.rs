//! The start-up helper: a second thread for a lint's start-up work.
//!
//! It is started before the arguments are parsed, with work that needs
//! none. On a virtual machine an idle core can take a millisecond or more
//! to run a thread that was started or woken (in 200 one-resume runs on
//! the 2-core VM: 0.6 ms median, 2.3 ms at the 90th percentile), which is
//! a fifth of a one-file run. Starting it first hides that behind argument
//! parsing; the first job keeps it busy, not asleep, until the next ones
//! come.

use std::sync::mpsc;
use std::thread::JoinHandle;

type Job = Box<dyn FnOnce() + Send>;

/// A thread that runs the jobs it is given, in order.
pub struct Helper {
    jobs: mpsc::Sender<Job>,
    thread: JoinHandle<()>,
}

impl Helper {
    /// Starts the thread on `first`.
    pub fn start(first: impl FnOnce() + Send + 'static) -> Helper {
        let (jobs, queue) = mpsc::channel::<Job>();
        let thread = std::thread::spawn(move || {
            first();
            for job in queue {
                job();
            }
        });
        Helper { jobs, thread }
    }

    /// Started on the rules' patterns (a lint compiles them whatever its
    /// arguments), only when the command line looks like a lint (`check`
    /// or `report`): other commands would not use it.
    pub fn start_for_lint() -> Option<Helper> {
        std::env::args_os()
            .skip(1)
            .any(|a| a == "check" || a == "report")
            .then(|| Helper::start(crate::warm_up_rules))
    }

    pub fn run(&self, job: impl FnOnce() + Send + 'static) {
        // The thread ends only when `jobs` is dropped or a job panicked;
        // `finish` reports such a panic.
        let _ = self.jobs.send(Box::new(job));
    }

    /// Waits for the jobs given so far; a panic in one is resumed here, so
    /// that it ends the run as it would on this thread.
    pub fn finish(self) {
        drop(self.jobs);
        if let Err(panic) = self.thread.join() {
            std::panic::resume_unwind(panic);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn jobs_run_in_order_and_finish_waits_for_them() {
        let seen = Arc::new(std::sync::Mutex::new(Vec::new()));
        let first = Arc::clone(&seen);
        let helper = Helper::start(move || first.lock().unwrap().push(0));
        for i in 1..3 {
            let seen = Arc::clone(&seen);
            helper.run(move || seen.lock().unwrap().push(i));
        }
        helper.finish();
        assert_eq!(*seen.lock().unwrap(), [0, 1, 2]);
    }

    #[test]
    fn a_panic_in_a_job_is_resumed_by_finish() {
        let helper = Helper::start(|| ());
        let after = Arc::new(AtomicUsize::new(0));
        helper.run(|| panic!("job failed"));
        let a = Arc::clone(&after);
        helper.run(move || {
            a.fetch_add(1, Ordering::SeqCst);
        });
        let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| helper.finish()));
        let msg = caught.expect_err("the panic reaches finish");
        assert_eq!(msg.downcast_ref::<&str>(), Some(&"job failed"));
        assert_eq!(after.load(Ordering::SeqCst), 0, "no job runs after a panic");
    }
}
