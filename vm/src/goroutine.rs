//! A goroutine as a value: its own register stack, frame stack and panic state, all on the heap.

use std::rc::Rc;

use crate::chan::Wake;
use crate::frame::{FrameStack, ReturnTo};
use crate::op::Op;
use crate::panic::PanicRecord;
use crate::program::FuncProto;
use crate::value::{Closure, Value};

/// Maximum frames on one goroutine. Go's limit is a 1 GB stack; a small Go frame
/// is ~100 bytes, so Go overflows near 10M frames. gomini's frames plus their
/// registers cost ~150 bytes, so 1M frames (~150 MB) is the same order of
/// magnitude while keeping memory sane. `FRAME_HEADROOM` more frames stay
/// available so the unwinder can still run a deferred call or print the crash.
pub const MAX_FRAMES: usize = 1_000_000;
pub const FRAME_HEADROOM: usize = 64;
/// Maximum registers on one goroutine (64M × 16 bytes = 1 GB, Go's stack limit).
pub const MAX_SLOTS: usize = 64 << 20;

/// One goroutine. Scheduled by `sched.rs`, run by `Vm::run`. Kept small: a
/// parked goroutine costs this record, its frames and its registers.
#[derive(Debug)]
pub struct Goroutine {
    /// Go's goroutine id (main is 1). Set at creation; printed in traces and events.
    pub id: u64,
    /// Index in `Sched::gs`; set by `Sched::spawn`; wait queues name goroutines by it.
    pub slot: u32,
    /// Go's wait reason (`chan receive`, `sync.Mutex.Lock`, ...) while parked;
    /// set by the blocking instruction, cleared when woken; read by the deadlock report.
    pub wait: Option<&'static str>,
    /// The outcome of the operation this goroutine is parked in, written by the
    /// goroutine that completed it; taken when the blocking instruction re-executes
    /// (see chan.rs). `Some` also marks the goroutine's other select waiters stale.
    pub wake: Option<Wake>,
    /// Where the `go` statement was, for `created by ... in goroutine N` in traces. `None` for main.
    /// Inline rather than boxed: every goroutine but main has one, and a box
    /// costs a 32-byte allocation per goroutine against 16 bytes more here.
    pub created_by: Option<CreatedBy>,
    /// Set by `runtime.Goexit`: the goroutine is running its deferred calls to end.
    /// Read by the scheduler when it finishes (main's Goexit does not end the program).
    pub goexiting: bool,
    /// Registers of every frame; frame `f` owns `slots[f.base ..]`. Grown by calls,
    /// never shrunk while the goroutine lives.
    pub slots: Vec<Value>,
    /// The call stack; the last frame is running. Empty once the goroutine finished.
    pub frames: FrameStack,
    /// Active panics, oldest first; the last is the one being unwound. Pushed by
    /// `Panic` and runtime errors; popped on recovery (with the aborted ones
    /// beneath it); read by `Recover` and the crash report.
    pub panics: Vec<PanicRecord>,
    /// The id the next panic gets (ids start at 1, so 0 is never a panic).
    pub next_panic_id: u32,
    /// An empty defer chain with capacity, left by a frame that returned: the
    /// next `defer` reuses it instead of allocating (a function with a defer
    /// called in a loop allocates its chain once).
    pub spare_defers: crate::defer::DeferChain,
    /// The closure object of the last deferred call that returned, for the
    /// next `MakeClosure` (see `SpareClosure`); until then, the closure the
    /// goroutine was started with, for `Sched::recycle` (see `ClosurePool`).
    pub spare_closure: crate::defer::SpareClosure,
}

impl Goroutine {
    pub fn new(id: u64) -> Goroutine {
        Goroutine {
            id,
            slot: 0,
            wait: None,
            wake: None,
            created_by: None,
            goexiting: false,
            slots: Vec::new(),
            frames: FrameStack::default(),
            panics: Vec::new(),
            next_panic_id: 1,
            spare_defers: crate::defer::DeferChain::EMPTY,
            spare_closure: crate::defer::SpareClosure::EMPTY,
        }
    }

    /// Makes a record `Sched::recycle` kept fit for goroutine `id`: every
    /// field as `new` sets it, but the allocations of `slots`, `frames` and
    /// `spare_defers` are kept. `recycle` already emptied what holds values
    /// (registers made nil, keeping their length: stale scalars are
    /// harmless, see `Vm::push_frame`; frames ended; defers, closure,
    /// wake-up and panics dropped; `created_by` kept, holding only a
    /// function), so a recycled record holds no value of the goroutine that
    /// finished and only the plain fields are set here.
    pub fn reset(&mut self, id: u64) {
        debug_assert!(self.frames.is_empty() && self.wake.is_none());
        self.id = id;
        self.slot = 0;
        self.wait = None;
        self.goexiting = false;
        self.next_panic_id = 1;
    }

    /// The pc whose line a traceback shows for frame `index` (0 = the entry
    /// frame): `pc - 1`, the call in progress, except while the frame runs a
    /// deferred call on its way out. Then it is the `RunDefers` running it,
    /// which the compiler put at the `return` or the closing brace as Go's
    /// traces show them (compile/defer_shape.rs).
    pub fn shown_pc(&self, index: usize) -> usize {
        let frame = &self.frames[index];
        let pc = frame.pc as usize;
        let running_deferred = self
            .frames
            .get(index + 1)
            .is_some_and(|f| matches!(f.return_to, ReturnTo::DeferOnReturn));
        if !running_deferred {
            return pc.saturating_sub(1);
        }
        // `RunDefers` leaves the pc on itself while more calls are pending,
        // past itself for the last one.
        if matches!(frame.proto.code.get(pc), Some(Op::RunDefers)) {
            pc
        } else {
            pc.saturating_sub(1)
        }
    }
}

/// The `go` statement that created a goroutine.
#[derive(Debug)]
pub struct CreatedBy {
    /// The function containing the `go` statement.
    pub func: Rc<FuncProto>,
    /// The pc of the `Go` instruction in `func`.
    pub pc: u32,
    /// The id of the goroutine that ran it.
    pub parent: u64,
}

/// Why `Vm::run` returned.
#[derive(Debug, PartialEq)]
pub enum Stop {
    /// The goroutine's entry function returned.
    Finished,
    /// The instruction budget ran out; the goroutine can be resumed.
    Preempted,
    /// The goroutine parked (`Goroutine::wait` says why); it runs again once woken.
    Blocked,
    /// `runtime.Gosched`: the goroutine stays runnable but lets the scheduler choose again.
    Yielded,
    /// An unrecovered panic ended the program: the full stderr text (exit code 2).
    Panicked(String),
    /// A fatal error (stack overflow): the full stderr text (exit code 2).
    Fatal(String),
    /// `os.Exit(code)`: deferred calls do not run.
    Exit(i32),
    /// The embedder's interrupt flag was set (`Vm::set_interrupt`: Ctrl-C, `--timeout`).
    Interrupted,
    /// A limit of `Vm::limits` was exceeded (`--max-steps`, ...).
    LimitExceeded(crate::limits::Limit),
}

/// Closure objects of goroutines that finished, emptied of their cells, for
/// the next `MakeClosure` that finds no object of its own goroutine to reuse
/// (`SpareClosure::make_pooled`). A finished goroutine's record keeps its
/// object (`Sched::recycle`) for the next `go func() { ... }()` started on
/// it; a `go` that starts something else on the record puts it here.
/// `go func() { ... }()` makes a closure per goroutine, and the goroutine's
/// end dropped it: a malloc and a free (goroutines benchmark: 118
/// instructions less per goroutine). Only an object
/// nothing else can reach is kept, without its cells, so a kept object holds
/// no value of the program; the pool is bounded, so a burst of goroutines
/// does not keep its memory (parked benchmark). The object's address is not
/// observable (func values are not comparable and print as their code).
#[derive(Debug, Default)]
pub struct ClosurePool(Vec<Rc<Closure>>);

impl ClosurePool {
    /// At most this many objects are kept (64 bytes each, 16 KB). 1024
    /// saved goroutines.go 0.9M instructions more, but raised parked.go's
    /// peak RSS by about 300 KB (kept objects pin heap chunks the allocator
    /// would otherwise hand out again). 256 leaves it as 64 did (589.3 to
    /// 589.8 MB in nine runs each way, the spread of runs of one binary)
    /// and takes goroutines.go from 8,449 allocations of a closure object
    /// (and 4,738 frees) to 434: 1.2M instructions less.
    const MAX: usize = 256;

    /// Keeps `closure` if this is the last reference to its object and the
    /// pool has room; otherwise just drops it.
    #[inline(always)]
    pub fn keep(&mut self, closure: Option<Rc<Closure>>) {
        if let Some(mut closure) = closure {
            if self.0.len() < Self::MAX {
                if let Some(object) = Rc::get_mut(&mut closure) {
                    object.cells.clear();
                    self.0.push(closure);
                }
            }
        }
    }

    /// A kept object, if any (its cells empty, its prototype stale).
    #[inline(always)]
    pub fn take(&mut self) -> Option<Rc<Closure>> {
        self.0.pop()
    }
}
