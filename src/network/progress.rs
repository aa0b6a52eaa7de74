//! Progress on standard error for loads that take over a second.

use std::time::{Duration, Instant};

/// Prints a line at most once a second, and only after the first second.
#[derive(Debug)]
pub(crate) struct Progress {
    enabled: bool,
    start: Instant,
    last: Instant,
    calls: u32,
    printed: bool,
}

impl Progress {
    pub(crate) fn new(enabled: bool) -> Self {
        let now = Instant::now();
        Progress { enabled, start: now, last: now, calls: 0, printed: false }
    }

    pub(crate) fn tick(&mut self, file: &str, done: u64, works: usize, citations: usize) {
        if !self.enabled {
            return;
        }
        self.calls = self.calls.wrapping_add(1);
        if !self.calls.is_multiple_of(4096) {
            return;
        }
        let now = Instant::now();
        if now.duration_since(self.last) >= Duration::from_secs(1) {
            self.last = now;
            self.printed = true;
            eprintln!(
                "{file}: {done} read, {works} works, {citations} citations ({:.1} s)",
                now.duration_since(self.start).as_secs_f64()
            );
        }
    }

    pub(crate) fn finish(&self, works: usize, citations: usize) {
        if self.enabled && self.printed {
            eprintln!(
                "loaded {works} works, {citations} citations in {:.1} s; building",
                self.start.elapsed().as_secs_f64()
            );
        }
    }
}
