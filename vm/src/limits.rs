//! Limits for untrusted code and the interrupt flag: how a run is stopped from outside or bounded.
//!
//! ## What is checked, and where
//!
//! - **Interrupt** (`Vm::set_interrupt`): an `AtomicBool` the embedder may set
//!   from another thread (Ctrl-C in the REPL, the `--timeout` watchdog). The
//!   run ends with `Stop::Interrupted` at the next check.
//! - **Steps** (`Limits::max_steps`): instructions executed by all goroutines
//!   together, counted exactly (`Vm::steps`). The run ends with
//!   `Stop::LimitExceeded(Limit::Steps)` when a goroutine would execute
//!   instruction `max_steps + 1`.
//!
//! The checks run between quanta (`run_main`'s loop) and between the slices
//! of a quantum (`Vm::run_quantum`): a quantum longer than `CHECK_EVERY`
//! instructions (a goroutine running alone gets 16M) is run in slices, so a
//! check happens at least every `CHECK_EVERY` instructions. Slicing is not
//! observable: it draws nothing and emits no event, and when another
//! goroutine becomes runnable mid-quantum the whole rest of the quantum
//! decides the new budget (`Vm::shortened_budget`), as without slices.
//! The interpreter loop itself pays nothing per instruction for any of this.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use crate::goroutine::{Goroutine, Stop};
use crate::Vm;

/// The longest run of instructions between two checks of the flag and the limits.
pub const CHECK_EVERY: u32 = 1 << 16;

/// The bounds of one run; `None` is unbounded (the default, as Go).
#[derive(Clone, Debug, Default)]
pub struct Limits {
    /// Instructions executed, all goroutines together.
    pub max_steps: Option<u64>,
    /// Set by the embedder to stop the run (`Stop::Interrupted`).
    pub interrupt: Option<Arc<AtomicBool>>,
}

/// Which limit a run exceeded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Limit {
    /// `--max-steps`.
    Steps,
}

impl Limit {
    /// The command-line flag that sets this limit, for messages.
    pub fn flag(self) -> &'static str {
        match self {
            Limit::Steps => "--max-steps",
        }
    }
}

impl Vm {
    /// Stops the run with `Stop::Interrupted` soon after `flag` becomes true
    /// (within `CHECK_EVERY` instructions). The flag is only read, never reset.
    pub fn set_interrupt(&mut self, flag: Arc<AtomicBool>) {
        self.limits.interrupt = Some(flag);
    }

    /// Sets the limits of this run (keeping an interrupt flag set before when
    /// `limits` has none).
    pub fn set_limits(&mut self, limits: Limits) {
        let interrupt = limits.interrupt.clone().or(self.limits.interrupt.take());
        self.limits = limits;
        self.limits.interrupt = interrupt;
    }

    /// Runs `g` for `quantum` instructions as `Vm::run` does, but in slices of
    /// at most `CHECK_EVERY` (and never past `max_steps`), checking the
    /// interrupt flag and the limits between slices.
    pub(crate) fn run_quantum(&mut self, g: &mut Goroutine, quantum: u32) -> Stop {
        let mut rest = quantum;
        loop {
            let mut slice = rest.min(CHECK_EVERY);
            if let Some(max) = self.limits.max_steps {
                let left = max.saturating_sub(self.steps);
                if left == 0 {
                    return Stop::LimitExceeded(Limit::Steps);
                }
                slice = slice.min(u32::try_from(left).unwrap_or(u32::MAX));
            }
            self.budget_rest = rest - slice;
            let stop = self.run(g, slice);
            rest = std::mem::take(&mut self.budget_rest);
            if stop != Stop::Preempted || rest == 0 {
                return stop;
            }
            if let Some(stop) = self.check_limits() {
                return stop;
            }
        }
    }

    /// The interrupt flag and the limits that are checked between quanta;
    /// `Some` ends the run.
    pub(crate) fn check_limits(&mut self) -> Option<Stop> {
        if let Some(flag) = &self.limits.interrupt {
            if flag.load(Ordering::Relaxed) {
                return Some(Stop::Interrupted);
            }
        }
        None
    }
}
