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
//! - **Goroutines** (`Limits::max_goroutines`): goroutines alive at once, main
//!   included; checked by the `go` statement (exact) and between quanta
//!   (goroutines started by `time.AfterFunc`).
//! - **Output** (`Limits::max_output`): bytes written to stdout and stderr
//!   together; checked after every library call that may write (output.rs).
//!   The bytes up to the limit are kept; the rest of the write is dropped.
//! - **Memory** (`Limits::max_memory`): the bytes gomini's allocator holds
//!   beyond what it held when the run started, read from the embedder's
//!   `Limits::heap_meter` (the `gomini` binary counts every allocation with
//!   the `cap` allocator). That is everything the program keeps alive, in
//!   gomini's representation (a Go `int` in a slice takes 16 bytes, a string
//!   its bytes, a map its entries and index, a goroutine its frames and
//!   registers), plus gomini's own buffers (unflushed output, trace events).
//!   Freed memory is given back: Go values are reference counted, so garbage
//!   is freed at once (cycles of pointers are never freed and stay counted).
//!   Checked between slices and, before they are made, for the allocations
//!   whose size the program chooses (`make`, `append`, `+` on strings,
//!   `strings.Repeat`) and for a map's growth (`MapVal::insert`) when they
//!   are larger than `ADMIT_FROM`; these are then allocated fallibly, so an
//!   allocation the system refuses is Go's fatal error at that line too.
//!
//! Without limits gomini is unbounded, as Go is, except that memory still
//! ends: an allocation beyond `Limits::memory_ceiling` (the embedder's
//! estimate of the machine's memory) or one the allocator refuses is Go's
//! `fatal error: runtime: out of memory`, never an abort.
//!
//! The checks run between quanta (`run_main`'s loop; a turn handed over
//! without it, `Vm::hand_over`, reads the interrupt flag and leaves to the
//! loop when the full check is due) and between the slices
//! of a quantum (`Vm::run_quantum`): a quantum longer than `CHECK_EVERY`
//! instructions (a goroutine running alone gets 16M) is run in slices, so a
//! check happens at least every `CHECK_EVERY` instructions. The interrupt
//! flag is read at every check; the heap meter, the goroutine count and the
//! output drain once per `CHECK_EVERY` instructions (`Vm::next_full_check`),
//! since quanta are often only a few instructions long. Slicing is not
//! observable: it draws nothing and emits no event, and when another
//! goroutine becomes runnable mid-quantum the whole rest of the quantum
//! decides the new budget (`Vm::shortened_budget`), as without slices.
//! The interpreter loop itself pays nothing per instruction for any of this.

use std::cell::Cell;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use crate::goroutine::{Goroutine, Stop};
use crate::value::Value;
use crate::Vm;

/// The longest run of instructions between two checks of the flag and the limits.
pub const CHECK_EVERY: u32 = 1 << 16;

/// Allocations the program sizes are checked before they are made from this size on;
/// smaller ones are seen by the check between slices.
pub const ADMIT_FROM: u64 = 1 << 20;

/// Without a `memory_ceiling`, a single allocation past this is out of memory.
pub const MAX_SINGLE_ALLOC: u64 = 1 << 40;

/// The bounds of one run; `None` is unbounded (the default, as Go).
#[derive(Clone, Debug, Default)]
pub struct Limits {
    /// Instructions executed, all goroutines together.
    pub max_steps: Option<u64>,
    /// Heap bytes beyond those in use when the run started (needs `heap_meter`
    /// to see gradual growth; without it only single large allocations are checked).
    pub max_memory: Option<u64>,
    /// Goroutines alive at once, main included.
    pub max_goroutines: Option<u64>,
    /// Bytes written to stdout and stderr together.
    pub max_output: Option<u64>,
    /// Set by the embedder to stop the run (`Stop::Interrupted`).
    pub interrupt: Option<Arc<AtomicBool>>,
    /// The heap bytes in use now, as the embedder's allocator counts them.
    pub heap_meter: Option<fn() -> u64>,
    /// Heap bytes past which the run is out of memory (Go's fatal error) even
    /// without `max_memory`: the embedder's estimate of the machine's memory.
    pub memory_ceiling: Option<u64>,
}

/// Which limit a run exceeded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Limit {
    /// `--max-steps`.
    Steps,
    /// `--max-memory`.
    Memory,
    /// `--max-goroutines`.
    Goroutines,
    /// `--max-output`.
    Output,
}

impl Limit {
    /// The command-line flag that sets this limit, for messages.
    pub fn flag(self) -> &'static str {
        match self {
            Limit::Steps => "--max-steps",
            Limit::Memory => "--max-memory",
            Limit::Goroutines => "--max-goroutines",
            Limit::Output => "--max-output",
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
        self.plan_output_check();
    }

    /// Makes this VM's memory limits the ones `admit` applies on this thread,
    /// with the heap in use now as the baseline of `max_memory`. Called when
    /// the run starts.
    pub(crate) fn install_heap_guard(&mut self) {
        let in_use = self.limits.heap_meter.map_or(0, |meter| meter());
        let guard = HeapGuard {
            meter: self.limits.heap_meter,
            limit_at: self
                .limits
                .max_memory
                .map_or(u64::MAX, |max| in_use.saturating_add(max)),
            ceiling: self.limits.memory_ceiling.unwrap_or(u64::MAX),
        };
        HEAP_GUARD.with(|g| g.set(guard));
    }

    /// Go's out-of-memory fatal error, or the memory limit, for a refused allocation by `g`.
    #[cold]
    pub(crate) fn refusal(&self, g: &Goroutine, refused: Refused) -> Stop {
        match refused {
            Refused::Limit => Stop::LimitExceeded(Limit::Memory),
            Refused::OutOfMemory => self.sync_fatal(g, "runtime: out of memory"),
        }
    }

    /// Runs `g` for `quantum` instructions as `Vm::run` does, but in slices of
    /// at most `CHECK_EVERY` (and never past `max_steps`), checking the
    /// interrupt flag and the limits between slices.
    pub(crate) fn run_quantum(&mut self, g: &mut Box<Goroutine>, quantum: u32) -> Stop {
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
            // `matches!`, not the derived `!=` (which compared the payloads
            // of every variant: 12 instructions per goroutine switch).
            if !matches!(stop, Stop::Preempted) {
                return stop;
            }
            if rest == 0 {
                // The quantum ran out. When nothing observes the turns, the
                // next one starts here rather than in `run_main`'s loop
                // (`Vm::hand_over`, sched.rs; `g` then holds its goroutine):
                // 60 instructions less per preemption (goroutines.go).
                if !self.sched.turns_in_run {
                    return stop;
                }
                // Each next turn runs at once: `hand_over` sliced its
                // quantum as the top of this loop would (no step limit
                // while `turns_in_run`) and left the rest in `budget_rest`
                // (goroutines.go: 5 instructions less per preemption).
                loop {
                    let Some(slice) = self.hand_over(g, 0, &Stop::Preempted) else {
                        return Stop::Preempted;
                    };
                    let stop = self.run(g, slice);
                    rest = std::mem::take(&mut self.budget_rest);
                    if !matches!(stop, Stop::Preempted) {
                        return stop;
                    }
                    if rest != 0 {
                        break;
                    }
                }
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
        // The rest (the heap meter, draining output) costs more than a short
        // quantum: it runs once per `CHECK_EVERY` instructions.
        if self.steps < self.next_full_check {
            return None;
        }
        self.next_full_check = self.steps + u64::from(CHECK_EVERY);
        if let Some(max) = self.limits.max_goroutines {
            if self.sched.n_live as u64 > max {
                return Some(Stop::LimitExceeded(Limit::Goroutines));
            }
        }
        if let Err(refused) = admit(0) {
            return Some(match refused {
                Refused::Limit => Stop::LimitExceeded(Limit::Memory),
                Refused::OutOfMemory => Stop::Fatal(
                    "fatal error: runtime: out of memory\n\nexit status 2\n".to_string(),
                ),
            });
        }
        self.stream_output()
    }

    /// The `go` statement's check: `Err` when one more goroutine is too many.
    pub(crate) fn admit_goroutine(&self) -> Result<(), Stop> {
        match self.limits.max_goroutines {
            Some(max) if self.sched.n_live as u64 >= max => {
                Err(Stop::LimitExceeded(Limit::Goroutines))
            }
            _ => Ok(()),
        }
    }
}

/// Why an allocation was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refused {
    /// It would pass `max_memory`.
    Limit,
    /// It would pass the memory ceiling, or the allocator refused it.
    OutOfMemory,
}

/// The memory limits of the run on this thread (`Vm::install_heap_guard`).
#[derive(Clone, Copy)]
struct HeapGuard {
    meter: Option<fn() -> u64>,
    /// Heap in use past which `max_memory` is exceeded.
    limit_at: u64,
    /// Heap in use past which the run is out of memory.
    ceiling: u64,
}

thread_local! {
    static HEAP_GUARD: Cell<HeapGuard> = const {
        Cell::new(HeapGuard {
            meter: None,
            limit_at: u64::MAX,
            ceiling: u64::MAX,
        })
    };
}

/// Whether `bytes` more may be allocated now by the run on this thread.
pub fn admit(bytes: u64) -> Result<(), Refused> {
    let guard = HEAP_GUARD.with(Cell::get);
    if guard.meter.is_none() && guard.ceiling == u64::MAX && bytes > MAX_SINGLE_ALLOC {
        return Err(Refused::OutOfMemory);
    }
    let in_use = guard.meter.map_or(0, |meter| meter());
    let after = in_use.saturating_add(bytes);
    if after > guard.limit_at {
        Err(Refused::Limit)
    } else if after > guard.ceiling {
        Err(Refused::OutOfMemory)
    } else {
        Ok(())
    }
}

/// A vector with room for `n` items, checked first when it is large.
pub fn try_vec<T>(n: usize) -> Result<Vec<T>, Refused> {
    let bytes = (n as u64).saturating_mul(std::mem::size_of::<T>() as u64);
    if bytes >= ADMIT_FROM {
        admit(bytes)?;
    }
    let mut v = Vec::new();
    v.try_reserve_exact(n).map_err(|_| Refused::OutOfMemory)?;
    Ok(v)
}

/// Grows `v`'s capacity to at least `cap` elements, as `try_vec` would allocate them.
pub fn try_reserve<T>(v: &mut Vec<T>, cap: usize) -> Result<(), Refused> {
    let extra = cap.saturating_sub(v.len());
    let bytes = (extra as u64).saturating_mul(std::mem::size_of::<T>() as u64);
    if bytes >= ADMIT_FROM {
        admit(bytes)?;
    }
    v.try_reserve_exact(extra).map_err(|_| Refused::OutOfMemory)
}

/// Whether `make([]T, len, cap)` with this zero element may be made: the
/// memory limit or out of memory may refuse it. Lengths Go rejects are left to
/// `slice::make`'s panics.
pub fn admit_make(len: i64, cap: &Value, zero: &Value) -> Result<(), Refused> {
    let cap = match cap {
        Value::Int(c) => *c,
        _ => len,
    };
    // Go's bound is `cap * elemsize > 1<<48`; gomini does not know the
    // element's Go size and takes 8 bytes (int, pointer).
    if len < 0 || cap < len || cap > 1 << 45 {
        return Ok(());
    }
    let per_elem = std::mem::size_of::<Value>() as u64 * (1 + agg_len(zero));
    // Past 2^31 elements gomini cannot represent the slice at all.
    let bytes = if cap > 1 << 31 {
        u64::MAX
    } else {
        (cap as u64).saturating_mul(per_elem)
    };
    if bytes >= ADMIT_FROM {
        admit(bytes)?;
    }
    Ok(())
}

/// Values a zero element holds besides itself (the fields of a struct or array).
fn agg_len(zero: &Value) -> u64 {
    match zero {
        Value::Agg(a) => a.borrow().len() as u64,
        _ => 0,
    }
}
