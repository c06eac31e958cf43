//! Program output: `Vm::stdout`/`Vm::stderr` buffers, streamed to the embedder's sink when it sets one, and `--max-output`.
//!
//! Without a sink (tests, `explore`, the REPL) the buffers keep everything
//! the program wrote, for the embedder to take. With a sink (`gomini run`)
//! the buffers are drained into it when they pass `FLUSH_AT` bytes (checked
//! after every library call, the only way a program writes), at every check
//! between slices (so a program that prints a line and then computes for a
//! minute shows the line at once), and when the embedder calls
//! `Vm::flush_output` at the end. Each stream's bytes keep their order; the
//! sink gets stdout's pending bytes before stderr's at each drain.

use crate::goroutine::Stop;
use crate::limits::Limit;
use crate::Vm;

/// Which of the program's streams bytes were written to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stream {
    Stdout,
    Stderr,
}

/// Where a streaming embedder wants the program's output.
pub trait OutputSink {
    /// The next bytes of `stream`, in order.
    fn write(&mut self, stream: Stream, bytes: &[u8]);
}

/// Buffered output past this many bytes is drained into the sink.
pub const FLUSH_AT: usize = 8 << 10;

impl Vm {
    /// Streams the program's output to `sink` from now on (see the module doc).
    pub fn set_output(&mut self, sink: Box<dyn OutputSink>) {
        self.output = Some(sink);
        self.plan_output_check();
    }

    /// Bytes the program has written so far, both streams, drained or not.
    pub fn output_len(&self) -> u64 {
        self.output_written + (self.stdout.len() + self.stderr.len()) as u64
    }

    /// Hands the buffered output to the sink; does nothing without a sink.
    pub fn flush_output(&mut self) {
        let Some(sink) = &mut self.output else {
            return;
        };
        if !self.stdout.is_empty() {
            sink.write(Stream::Stdout, &self.stdout);
        }
        if !self.stderr.is_empty() {
            sink.write(Stream::Stderr, &self.stderr);
        }
        self.output_written += (self.stdout.len() + self.stderr.len()) as u64;
        self.stdout.clear();
        self.stderr.clear();
        self.plan_output_check();
    }

    /// Sets the buffered size past which `output_check` runs: the flush
    /// threshold with a sink, what is left of `max_output`, whichever is less.
    pub(crate) fn plan_output_check(&mut self) {
        let mut at = usize::MAX;
        if self.output.is_some() {
            at = FLUSH_AT;
        }
        if let Some(max) = self.limits.max_output {
            let left = max.saturating_sub(self.output_written);
            at = at.min(usize::try_from(left).unwrap_or(usize::MAX));
        }
        self.output_check_at = at;
    }

    /// Run after a library call left more than `output_check_at` bytes
    /// buffered: ends the run past `max_output` (keeping exactly `max_output`
    /// bytes), or drains the buffers into the sink.
    #[cold]
    pub(crate) fn output_check(&mut self) -> Option<Stop> {
        if let Some(max) = self.limits.max_output {
            let total = self.output_len();
            if total > max {
                // The call that crossed the limit wrote to one stream; its end goes.
                let excess = (total - max) as usize;
                let buffer = if self.stdout.len() >= excess {
                    &mut self.stdout
                } else {
                    &mut self.stderr
                };
                buffer.truncate(buffer.len().saturating_sub(excess));
                self.flush_output();
                return Some(Stop::LimitExceeded(Limit::Output));
            }
        }
        if self.output.is_some() {
            self.flush_output();
        }
        self.plan_output_check();
        None
    }

    /// At a check between slices: drains whatever is buffered into the sink.
    pub(crate) fn stream_output(&mut self) -> Option<Stop> {
        if self.output.is_some() && !(self.stdout.is_empty() && self.stderr.is_empty()) {
            self.flush_output();
        }
        None
    }
}
