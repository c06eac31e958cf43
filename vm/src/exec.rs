//! The interpreter loop: `Vm::run` executes one goroutine's instructions until it finishes, yields, blocks or dies.
//!
//! One function, one `match op`, short arms; rare work lives in named `#[cold]`
//! functions here and in panic.rs. A Go call pushes a `Frame` and switches
//! the loop's state to it in place (`enter_frame!`, also on return); the
//! outer `'frames` loop reloads the top frame after anything rarer. Nothing
//! recurses in Rust, also when a native needs a Go call (it returns `NativeOut::Call`,
//! the VM runs the call as an ordinary frame and re-enters the native with the
//! results so far, see natives/mod.rs).

use std::rc::Rc;

use crate::defer::{DeferArgs, DeferRecord};
use crate::event::{Event, EventSink, Stamp};
use crate::frame::{NativeResume, Popped, ReturnTo};
use crate::goroutine::{Goroutine, Stop, FRAME_HEADROOM, MAX_FRAMES, MAX_SLOTS};
use crate::natives::{sync_quick_fused, FusedSync, NativeCtx, NativeId, NativeOut, Quick};
use crate::op::{Op, Reg, SyncCall};
use crate::panic;
use crate::program::{Capture, FuncProto, Program};
use crate::race::{ObjectRef, SyncInPlace};
use crate::rtype::RtTypeId;
use crate::sched::{DecisionKind, Sched};
use crate::value::{self, bad_value, Closure, SliceVal, Value, WHOLE};

/// The virtual machine: a program, its globals, its output and the seeded generator.
pub struct Vm {
    pub program: Rc<Program>,
    /// Package-level variables, by `LoadGlobal`/`StoreGlobal` index.
    pub globals: Vec<Value>,
    /// Every nondeterministic choice comes from here (ARCHITECTURE idea 4).
    pub rng: oorandom::Rand32,
    /// Bytes written to os.Stdout, not yet taken by the embedder.
    pub stdout: Vec<u8>,
    /// Bytes written to os.Stderr (print/println builtins), not yet taken.
    pub stderr: Vec<u8>,
    /// The event consumer; `None` costs one branch per emission point.
    pub(crate) sink: Option<Box<dyn EventSink>>,
    /// Events emitted so far: the next event's step number. Only counts with a sink.
    pub(crate) n_events: u64,
    /// For each deferred call running with a sink attached, keyed by (goroutine,
    /// index of the deferring frame): its callee, `defer` span and the named
    /// results it started with. Written by `emit_defer_started`, taken by
    /// `emit_defer_finished` to report `ResultChanged`; empty without a sink.
    pub(crate) defer_snapshots: DeferSnapshots,
    /// Goroutines, wait queues, timers and the virtual clock (sched.rs).
    pub sched: Sched,
    /// Instructions executed so far, by every goroutine (exact; `--max-steps`).
    pub steps: u64,
    /// The limits of this run and the interrupt flag (limits.rs).
    pub limits: crate::limits::Limits,
    /// The part of the running goroutine's quantum not yet handed to `run`:
    /// `run_quantum` runs a long quantum in slices (limits.rs).
    pub(crate) budget_rest: u32,
    /// `Vm::steps` at which `check_limits` next does its full check (limits.rs).
    pub(crate) next_full_check: u64,
    /// The embedder's output sink; `None` keeps all output in the buffers (output.rs).
    pub(crate) output: Option<Box<dyn crate::output::OutputSink>>,
    /// Bytes already handed to the sink.
    pub(crate) output_written: u64,
    /// Buffered bytes past which a library call runs `output_check`.
    pub(crate) output_check_at: usize,
    /// The race detector (`--race`, race/); `None` costs one branch per shared access.
    pub race: Option<Box<crate::race::RaceDetector>>,
    /// When set, the defer chains of every goroutine are kept when a panic
    /// starts (`panic_chains`, the last one) and when `main.main` begins to
    /// run its deferred calls (`return_chains`): snapshot.rs, the REPL's `:defers`.
    pub keep_defer_chains: bool,
    pub panic_chains: Option<crate::snapshot::PanicChains>,
    pub return_chains: Option<crate::snapshot::DeferChains>,
    /// `(*sync.WaitGroup).Done`'s prototype, which `RunDefers` runs in place
    /// (natives::sync::quick_done); `None` if the program's is not the
    /// expected `Add(-1)`.
    wait_group_done: Option<Rc<FuncProto>>,
}

/// See `Vm::defer_snapshots`.
pub(crate) type DeferSnapshots = std::collections::BTreeMap<
    (u64, usize),
    (String, gomini_lexer::Span, Vec<crate::event::NamedValue>),
>;

/// What a native call did.
enum NativeStep {
    /// Finished; its results are in place.
    Done,
    /// It asked for a Go call, now on top of the frame stack.
    Pushed,
    /// It panicked or exited: `None` = continue the loop (a deferred call was pushed).
    Stopped(Option<Stop>),
}

impl Vm {
    pub fn new(program: Program, seed: u64) -> Vm {
        Vm::with_shared_program(Rc::new(program), seed)
    }

    /// A VM for a program that other runs on this thread share (explore runs
    /// one compiled program under many seeds); a run never changes its program.
    pub fn with_shared_program(program: Rc<Program>, seed: u64) -> Vm {
        let n_globals = program.n_globals as usize;
        let wait_group_done = crate::natives::wait_group_done(&program);
        Vm {
            program,
            globals: vec![Value::Nil; n_globals],
            rng: oorandom::Rand32::new(seed),
            stdout: Vec::new(),
            stderr: Vec::new(),
            sink: None,
            n_events: 0,
            defer_snapshots: DeferSnapshots::new(),
            sched: Sched::default(),
            steps: 0,
            limits: crate::limits::Limits::default(),
            budget_rest: 0,
            next_full_check: 0,
            output: None,
            output_written: 0,
            output_check_at: usize::MAX,
            race: None,
            keep_defer_chains: false,
            panic_chains: None,
            return_chains: None,
            wait_group_done,
        }
    }

    pub fn set_sink(&mut self, sink: Box<dyn EventSink>) {
        self.sink = Some(sink);
        self.sched.trace_wakes = true;
    }

    /// Stamps `e` with the next step number and the virtual time and hands it to
    /// the sink. Call sites test `self.sink.is_some()` first, so that building
    /// the event's strings is skipped too when nobody listens.
    #[cold]
    pub(crate) fn emit(&mut self, e: Event) {
        let stamp = Stamp {
            step: self.n_events,
            time_ns: self.virtual_time_ns(),
        };
        if let Some(sink) = &mut self.sink {
            self.n_events += 1;
            sink.event(stamp, e);
        }
    }

    /// Nanoseconds of virtual time since the program started (the scheduler's clock).
    fn virtual_time_ns(&self) -> i64 {
        self.sched.now
    }

    /// The main goroutine (id 1), about to enter the program's entry function.
    pub fn main_goroutine(&mut self) -> Goroutine {
        let mut g = Goroutine::new(1);
        let entry = self.program.func_values[self.program.entry as usize].clone();
        if let Err(stop) = self.push_call(&mut g, entry, Vec::new(), ReturnTo::Caller) {
            panic!("gomini bug: cannot enter main: {stop:?}");
        }
        g
    }

    /// Runs the goroutine in `current` for at most `budget` instructions.
    /// Boxed because a turn may end here and the next goroutine's start
    /// without leaving `run` (`Sched::turns_in_run`): `current` then holds
    /// that goroutine when `run` returns, and the stop is its.
    pub fn run(&mut self, current: &mut Box<Goroutine>, budget: u32) -> Stop {
        let program = self.program.clone();
        // Widened once here: counted down as a `u32` (and zero-extended for
        // `steps` at the exits), it cost a load, a decrement and a store per
        // instruction instead of one decrement of its stack slot.
        let mut budget = u64::from(budget);
        // Counted as run up front; every exit takes back what is left
        // (`unspent`). Each exit returns on its own: joined into one exit block
        // (`break 'frames stop` then the subtraction), the exits made LLVM keep
        // the countdown and the operands in stack slots, three or four more
        // instructions per executed instruction (issue 9, BENCHMARKS.md).
        self.steps += budget;
        // The function that ran before the current one (see `enter_frame!`).
        let mut other_proto = program.protos[program.entry as usize].clone();
        'frames: loop {
            let g: &mut Goroutine = current;
            // Ends the running goroutine's turn with `$stop` (preempted,
            // parked or finished). When nothing observes the turns, the next
            // goroutine's turn starts here without leaving `run`
            // (`switch_in_run`, sched.rs): returning to `run_main` and entering
            // `run` again cost about 200 instructions per turn (goroutines.go).
            // `$switch` is `switch_in_run` compiled for that stop
            // (`finished_in_run`, `blocked_in_run`).
            macro_rules! end_turn {
                ($stop:expr, $switch:ident) => {{
                    if self.sched.turns_in_run {
                        let next = self.$switch(current, budget);
                        if next != 0 {
                            budget = next;
                            continue 'frames;
                        }
                    }
                    return self.unspent(budget, $stop);
                }};
            }
            // Something became runnable (a `go` statement, a hand-off): a goroutine
            // that was running alone gets an ordinary quantum (see sched.rs).
            if self.sched.shorten {
                // Never above the `u32` it started as.
                budget = u64::from(self.shortened_budget(budget as u32));
            }
            let Some(frame) = g.frames.running() else {
                // Rare here (a return ends a goroutine in `resume_caller!`):
                // the general `switch_in_run`, as `end_turn!` was before its
                // variants; with `finished_in_run` here, `run`'s register
                // allocation moved and closures.go ran 0.5% more instructions.
                let stop = Stop::Finished;
                if self.sched.turns_in_run {
                    if let Some(next) = self.switch_in_run(current, budget, &stop) {
                        budget = next;
                        continue 'frames;
                    }
                }
                return self.unspent(budget, stop);
            };
            let mut proto = frame.proto.clone();
            let mut base = frame.base as usize;
            let mut pc = frame.pc as usize;
            let mut code = &proto.code[..];
            let mut regs = &mut g.slots[base..base + proto.n_slots as usize];
            // `CallNative` and `CallSync` of a sync native: the in-place path
            // (`quick`), unwatched, else the native called as any other.
            macro_rules! sync_in_place_or_call {
                ($quick:expr, $id:expr, $call_base:expr, $n_args:expr) => {{
                    if self.race.is_none() && self.sink.is_none() {
                        match $quick {
                            Quick::General => {}
                            // An Unlock that woke a waiter cuts the budget
                            // here, as the top of 'frames would, without
                            // reloading the frame (goroutines.go: one per
                            // contended lock). Its pc is still written back:
                            // without that, `run`'s register allocation moved
                            // and closures.go took 4% more CPU time.
                            Quick::Done if self.sched.shorten => {
                                sync_pc(&mut g.frames, pc);
                                stay_in_frame!()
                            }
                            Quick::Done => continue,
                            Quick::Park(reason) => {
                                park(g, pc, reason);
                                end_turn!(Stop::Blocked, blocked_in_run)
                            }
                        }
                    }
                    sync_pc(&mut g.frames, pc);
                    let id = $id;
                    match self.call_native(g, id, base + $call_base as usize, $n_args, Vec::new()) {
                        NativeStep::Done | NativeStep::Pushed | NativeStep::Stopped(None) => {
                            continue 'frames
                        }
                        NativeStep::Stopped(Some(stop)) => return self.unspent(budget, stop),
                    }
                }};
            }
            // Makes the frame just pushed or returned to the running one in
            // place, as the top of 'frames would, but without its checks and
            // reloads: a Go call and its return each came back up here, and
            // that re-entry was a sixth of fib's instructions. When the
            // scheduler asked for a shorter quantum, the top of 'frames
            // handles it as before, so schedules do not change.
            macro_rules! enter_frame {
                ($proto:expr, $base:expr, $pc:expr) => {
                    enter_frame!($proto, $base, $pc, {})
                };
                // `$then` runs in the entered frame before its next dispatch.
                ($proto:expr, $base:expr, $pc:expr, $then:block) => {
                    if self.sched.shorten {
                        continue 'frames;
                    }
                    // Recursion and a return to the same function keep the
                    // prototype: no reference count goes up and down. The
                    // function before is kept too, so a call and its return
                    // from a loop swap the two, touching no count either
                    // (closures and methods benchmarks).
                    // The same function again (recursion, fib benchmark) keeps
                    // its code slice too: only the register window moves.
                    if !Rc::ptr_eq(&proto, $proto) {
                        if Rc::ptr_eq(&other_proto, $proto) {
                            std::mem::swap(&mut proto, &mut other_proto);
                        } else {
                            other_proto = std::mem::replace(&mut proto, $proto.clone());
                        }
                        code = &proto.code[..];
                    }
                    base = $base;
                    pc = $pc;
                    regs = &mut g.slots[base..base + proto.n_slots as usize];
                    $then
                    continue;
                };
            }
            // Raises the Go panic `$value` at the current instruction: the
            // frame loop resumes at a recovering deferred call, or the run
            // stops (the program crashed, or the goroutine ended).
            macro_rules! raise {
                ($value:expr) => {{
                    sync_pc(&mut g.frames, pc);
                    match self.raise(g, $value) {
                        None => continue 'frames,
                        Some(stop) => return self.unspent(budget, stop),
                    }
                }};
            }
            // A channel operation that completed without leaving the frame
            // carries on in it, as the top of 'frames would but without
            // reloading the frame (that re-entry was 40 instructions per
            // hand-off: channels benchmark). A hand-off that made another
            // goroutine runnable cuts the budget here exactly as there.
            macro_rules! stay_in_frame {
                () => {{
                    if self.sched.shorten {
                        budget = u64::from(self.shortened_budget(budget as u32));
                    }
                    continue;
                }};
            }
            // The second half of `AddIntStoreCapture`/`AddIntImmStoreCapture`
            // once the sum is computed (see those arms).
            macro_rules! add_then_store_capture {
                ($dst:expr, $v:expr, $idx:expr) => {
                    let (dst, v, idx) = ($dst, $v, $idx);
                    set_int(&mut regs[dst as usize], v);
                    if budget == 0 {
                        // Preempted between the two halves, as at the loop head
                        // (inline: a jump back with `pc` and `budget` in
                        // registers cost the dispatch head of every program two
                        // more moves).
                        g.frames.last_mut().expect("running frame").pc = pc as u32;
                        return self.unspent(budget, Stop::Preempted);
                    }
                    {
                        budget -= 1;
                        pc += 1;
                        let cell = captured_cell!(idx);
                        set_int(&mut cell.borrow_mut()[0], v);
                        if self.race.is_some() {
                            let cell = Rc::clone(cell);
                            let (v, obj) = (&regs[dst as usize], ObjectRef::Store(&cell));
                            self.race_access(&mut g.frames, pc, obj, 0, true, v);
                        }
                    }
                };
            }
            // Cell `idx` of the running closure (`FrameStack::top_closure`).
            macro_rules! captured_cell {
                ($idx:expr) => {
                    &g.frames
                        .top_closure()
                        .as_ref()
                        .expect("closure frame")
                        .cells[$idx as usize]
                };
            }
            // The rest of `LoadCaptureAddStore`/`LoadCaptureAddImmStore`'s
            // fast path once the sum `$v` of the loaded `$n` (a borrow of
            // the cell) is computed: the add's write of `$sum`, the store's
            // of the cell, and the two steps they take.
            macro_rules! capture_update {
                ($n:expr, $v:expr, $sum:expr) => {
                    let v = $v;
                    set_int(&mut regs[$sum as usize], v);
                    *$n = v;
                    budget -= 2;
                    pc += 2;
                    continue;
                };
            }
            // `return_int_to_caller!` for `LoadCaptureReturn`'s return of
            // the int `$v`, then the caller's next instruction if it moves an
            // int (`r = f(x)`: the result into a local): register-only, run
            // here undispatched as its own budget step when one is left, else
            // dispatched as before (closures benchmark).
            macro_rules! return_captured_int {
                ($v:expr, $caller:expr) => {
                    budget -= 1;
                    set_int(&mut regs[0], $v);
                    if let Some(caller) = $caller {
                        let (caller_base, caller_pc) = (caller.base as usize, caller.pc as usize);
                        enter_frame!(&caller.proto, caller_base, caller_pc, {
                            if let (Op::Move { dst, src }, 1..) = (code[pc], budget) {
                                if let Value::Int(v) = regs[src as usize] {
                                    budget -= 1;
                                    pc += 1;
                                    set_int(&mut regs[dst as usize], v);
                                }
                            }
                        });
                    }
                    continue 'frames;
                };
            }
            // `LoadCaptureAddStoreReturn`/`LoadCaptureAddImmStoreReturn` once
            // the update (three steps) is done and `$v` stored: the
            // `LoadCaptureReturn` of the same cell kept after it, whose load
            // reads `$v` (the budget covered every step, so nothing came
            // between), and its return, as that op's common path; when it
            // cannot return in place it is dispatched as itself.
            macro_rules! then_return_captured {
                ($v:expr) => {
                    let v = $v;
                    budget -= 2;
                    pc += 2;
                    if let Some(caller) = g.frames.return_to_go_caller(&mut g.spare_defers) {
                        // The `LoadCaptureReturn`'s step; its return's is the macro's.
                        budget -= 1;
                        return_captured_int!(v, caller);
                    }
                    continue;
                };
            }
            // `LoadCapture { dst, .. }`'s work, the cell found.
            macro_rules! load_capture {
                ($dst:expr, $cell:expr) => {
                    let (dst, cell) = ($dst, $cell);
                    // An int, the common captured counter or accumulator: no
                    // clone, no drop glue (closures benchmark).
                    match cell.borrow()[0] {
                        Value::Int(v) => set_int(&mut regs[dst as usize], v),
                        // A captured struct (a Mutex, a WaitGroup): an inline
                        // count increment, not `clone_heap`'s call
                        // (goroutines.go: three per goroutine).
                        Value::Agg(ref s) => {
                            Value::put(&mut regs[dst as usize], Value::Agg(s.clone()))
                        }
                        ref other => Value::put(&mut regs[dst as usize], other.clone()),
                    }
                    if self.race.is_some() {
                        let cell = Rc::clone(cell);
                        let (v, obj) = (&regs[dst as usize], ObjectRef::Store(&cell));
                        self.race_access(&mut g.frames, pc, obj, 0, false, v);
                    }
                };
            }
            // The rest of `LoadCaptureCallSync`/`LoadCallSync`'s fast path
            // once `natives::sync` answered (`$fused`): the registers as the
            // kept `AddrAgg` and `LoadInt` leave them, and their steps; a
            // call done in place charges the `CallSync`'s too and carries
            // on as that arm's in-place path does (a wake-up it made cuts
            // the budget here as the top of 'frames would); a Lock of a
            // taken mutex parks here as that `CallSync` would, without its
            // dispatch and a second try of the mutex (goroutines.go: about
            // one Lock in two).
            macro_rules! fused_sync_tail {
                ($fused:expr, $dst:expr, $call:expr, $delta:expr) => {
                    let (dst, call) = ($dst as usize, $call);
                    let tail = call.fused_tail();
                    let (pointer, ran) = match $fused {
                        FusedSync::Done(pointer) => (pointer, tail),
                        FusedSync::Call(store) => {
                            let at = (base + dst, pc + usize::from(tail));
                            let before_call = budget - u64::from(tail - 1);
                            budget = self.park_fused_lock(current, store, at, before_call);
                            if budget != 0 {
                                continue 'frames;
                            }
                            return Stop::Blocked;
                        }
                        FusedSync::Unfused => (None, 0),
                    };
                    if ran != 0 {
                        if let Some(store) = pointer {
                            Value::put(&mut regs[dst], Value::Ptr(store, WHOLE));
                        }
                        if call == SyncCall::WaitGroupAdd {
                            set_int(&mut regs[dst + 1], i64::from($delta));
                        }
                        budget -= u64::from(ran);
                        pc += usize::from(ran);
                        stay_in_frame!();
                    }
                };
            }
            // `Store { ptr, src }`'s general work (`src` not an int, or under
            // `--race`): `*ptr = src`, a nil pointer panicking.
            macro_rules! store_through {
                ($ptr:expr, $src:expr) => {
                    let (ptr, src) = ($ptr, $src);
                    if self.race.is_some() {
                        let (p, v) = (&regs[ptr as usize], &regs[src as usize]);
                        self.race_ptr(&mut g.frames, pc, p, true, v);
                    }
                    if !value::store_ptr(&regs[ptr as usize], regs[src as usize].clone()) {
                        raise!(panic::nil_deref());
                    }
                };
            }
            // Resumes `$caller`, the frame a return popped back to (an
            // `Option<&Frame>`), in place; with none (the goroutine's first
            // frame returned) the goroutine finished: its turn ends here, as
            // at the top of 'frames but without passing it twice (about 20
            // instructions per goroutine, goroutines.go). A pending shorter
            // quantum is left to the top of 'frames: its draw comes first.
            macro_rules! resume_caller {
                ($caller:expr) => {
                    if let Some(caller) = $caller {
                        enter_frame!(&caller.proto, caller.base as usize, caller.pc as usize);
                    }
                    if !self.sched.shorten {
                        end_turn!(Stop::Finished, finished_in_run);
                    }
                    continue 'frames;
                };
            }
            // The rest of `Return { src, n: 1 }`'s common path for a fused op
            // that ends in it, once `return_to_go_caller` popped the frame: the
            // int result `v` into register 0 and `$caller` resumed, the
            // second budget step of the pair.
            macro_rules! return_int_to_caller {
                ($v:expr, $caller:expr) => {
                    budget -= 1;
                    set_int(&mut regs[0], $v);
                    resume_caller!($caller);
                };
            }
            // `Load { dst, ptr }`'s work: `*ptr` into register `dst`, a nil
            // pointer panicking (the `Load` arm, and `LoadReturn`'s load when
            // it cannot return at once).
            macro_rules! load_through {
                ($dst:expr, $ptr:expr) => {
                    let (dst, ptr) = ($dst, $ptr);
                    // An int through a pointer to one cell or element (a
                    // boxed local, a named result a deferred closure sets):
                    // read as an int, as `LoadCapture` reads one, without
                    // `Value::clone`'s jump table or drop glue (defers benchmark).
                    let int = match self.race {
                        None => value::load_int(&regs[ptr as usize]),
                        Some(_) => None,
                    };
                    if let Some(v) = int {
                        set_int(&mut regs[dst as usize], v);
                        continue;
                    }
                    match value::load_ptr(&regs[ptr as usize]) {
                        Some(v) => {
                            if self.race.is_some() {
                                self.race_ptr(&mut g.frames, pc, &regs[ptr as usize], false, &v);
                            }
                            Value::put(&mut regs[dst as usize], v)
                        }
                        None => {
                            sync_pc(&mut g.frames, pc);
                            let value = panic::nil_deref_in(&g.frames[g.frames.len() - 1].proto);
                            match self.raise(g, value) {
                                None => continue 'frames,
                                Some(stop) => return self.unspent(budget, stop),
                            }
                        }
                    }
                };
            }
            loop {
                // The preemption check is one countdown per instruction, here at the
                // boundary between any two instructions, so the scheduler can switch
                // goroutines anywhere: between the load and the store of `counter++`
                // too (they are separate instructions, never fused).
                if budget == 0 {
                    g.frames.last_mut().expect("running frame").pc = pc as u32;
                    return self.unspent(budget, Stop::Preempted);
                }
                budget -= 1;
                // Matched through a reference, so each arm reads its own operand
                // fields from the code where it uses them. A copy (`let op =
                // code[pc]`) was split by LLVM into its fields, all decoded here
                // at the head; any arm needing one after a call kept them in
                // callee-saved registers, which pushed `pc`, the budget and the
                // code slice out to stack slots for every instruction.
                let op = &code[pc];
                pc += 1;
                match *op {
                    Op::Nop => {}
                    Op::Move { dst, src } => match regs[src as usize] {
                        // Ints dominate moves (results, loop variables): no clone or drop glue.
                        Value::Int(v) => set_int(&mut regs[dst as usize], v),
                        _ => {
                            // The same pointer again (a receiver or argument
                            // passed in a loop: `p.step(k)`, methods benchmark):
                            // nothing to do, no reference count up and down.
                            if let (Value::Ptr(to, at), Value::Ptr(from, at_src)) =
                                (&regs[dst as usize], &regs[src as usize])
                            {
                                if at == at_src && Rc::ptr_eq(to, from) {
                                    continue;
                                }
                            }
                            let v = regs[src as usize].clone();
                            Value::put(&mut regs[dst as usize], v)
                        }
                    },
                    Op::LoadInt { dst, val } => {
                        let v = val as i64;
                        set_int(&mut regs[dst as usize], v)
                    }
                    Op::LoadConst { dst, idx } => {
                        Value::put(&mut regs[dst as usize], proto.consts[idx as usize].clone())
                    }
                    Op::LoadNil { dst } => regs[dst as usize] = Value::Nil,
                    Op::LoadBool { dst, val } => {
                        let v = val;
                        set_bool(&mut regs[dst as usize], v)
                    }
                    Op::LoadFunc { dst, func } => {
                        regs[dst as usize] = program.func_values[func as usize].clone()
                    }
                    Op::LoadGlobal { dst, idx } => {
                        regs[dst as usize] = self.globals[idx as usize].clone();
                        // A non-aggregate global's slot holds its cell, set once before
                        // main: the cell's `Load`/`Store` are the accesses to check.
                        if self.race.is_some() && !matches!(regs[dst as usize], Value::Ptr(..)) {
                            let v = &regs[dst as usize];
                            self.race_access(&mut g.frames, pc, ObjectRef::Globals, idx, false, v);
                        }
                    }
                    Op::StoreGlobal { idx, src } => {
                        self.globals[idx as usize] = regs[src as usize].clone();
                        if self.race.is_some() {
                            let v = &regs[src as usize];
                            self.race_access(&mut g.frames, pc, ObjectRef::Globals, idx, true, v);
                        }
                    }
                    Op::LoadGlobalCell { dst, idx } => {
                        // An int global (a counter: the defers benchmark's
                        // `deferred++`), read as an int as `Load` reads one: the
                        // cloned `Value`, built on the stack with narrow stores
                        // and copied with a wide load, stalled (perf: a tenth of
                        // the benchmark's time in this arm and `StoreGlobalCell`).
                        let int = match self.race {
                            None => value::load_int(&self.globals[idx as usize]),
                            Some(_) => None,
                        };
                        if let Some(v) = int {
                            set_int(&mut regs[dst as usize], v);
                            continue;
                        }
                        match value::load_ptr(&self.globals[idx as usize]) {
                            Some(v) => {
                                if self.race.is_some() {
                                    // The access `Load` made through the cell.
                                    let cell = self.globals[idx as usize].clone();
                                    self.race_ptr(&mut g.frames, pc, &cell, false, &v);
                                }
                                Value::put(&mut regs[dst as usize], v)
                            }
                            // Not a cell: only before init made it one (a gomini bug).
                            None => {
                                raise!(panic::nil_deref());
                            }
                        }
                    }
                    Op::StoreGlobalCell { idx, src } => {
                        // An int, as in `LoadGlobalCell`: written as an int.
                        if let (&Value::Int(v), None) = (&regs[src as usize], &self.race) {
                            if value::store_int(&self.globals[idx as usize], v) {
                                continue;
                            }
                        }
                        if self.race.is_some() {
                            // The access `Store` made through the cell.
                            let cell = self.globals[idx as usize].clone();
                            self.race_ptr(&mut g.frames, pc, &cell, true, &regs[src as usize]);
                        }
                        let v = regs[src as usize].clone();
                        if !value::store_ptr(&self.globals[idx as usize], v) {
                            raise!(panic::nil_deref());
                        }
                    }

                    Op::AddInt { dst, a, b } => {
                        let v = int(&regs[a as usize]).wrapping_add(int(&regs[b as usize]));
                        set_int(&mut regs[dst as usize], v)
                    }
                    Op::AddIntImm { dst, a, imm } => {
                        let v = int(&regs[a as usize]).wrapping_add(imm as i64);
                        set_int(&mut regs[dst as usize], v)
                    }
                    Op::SubInt { dst, a, b } => {
                        let v = int(&regs[a as usize]).wrapping_sub(int(&regs[b as usize]));
                        set_int(&mut regs[dst as usize], v)
                    }
                    Op::MulInt { dst, a, b } => {
                        let v = int(&regs[a as usize]).wrapping_mul(int(&regs[b as usize]));
                        set_int(&mut regs[dst as usize], v)
                    }
                    Op::MulIntImm { dst, a, imm } => {
                        let v = int(&regs[a as usize]).wrapping_mul(imm as i64);
                        set_int(&mut regs[dst as usize], v)
                    }
                    // The divisor is a nonzero constant (compile/expr.rs
                    // `imm_op`): no zero check, no panic path.
                    Op::DivIntImm { dst, a, imm } => {
                        let v = int(&regs[a as usize]).wrapping_div(imm as i64);
                        set_int(&mut regs[dst as usize], v)
                    }
                    Op::RemIntImm { dst, a, imm } => {
                        let v = int(&regs[a as usize]).wrapping_rem(imm as i64);
                        set_int(&mut regs[dst as usize], v)
                    }
                    Op::DivInt { dst, a, b }
                    | Op::RemInt { dst, a, b }
                    | Op::DivUint { dst, a, b }
                    | Op::RemUint { dst, a, b } => {
                        let (x, y) = (int(&regs[a as usize]), int(&regs[b as usize]));
                        if y == 0 {
                            raise!(panic::divide_by_zero());
                        }
                        {
                            let v = divide(*op, x, y);
                            set_int(&mut regs[dst as usize], v)
                        };
                    }
                    Op::And { dst, a, b } => {
                        let v = int(&regs[a as usize]) & int(&regs[b as usize]);
                        set_int(&mut regs[dst as usize], v)
                    }
                    Op::Or { dst, a, b } => {
                        let v = int(&regs[a as usize]) | int(&regs[b as usize]);
                        set_int(&mut regs[dst as usize], v)
                    }
                    Op::Xor { dst, a, b } => {
                        let v = int(&regs[a as usize]) ^ int(&regs[b as usize]);
                        set_int(&mut regs[dst as usize], v)
                    }
                    Op::AndNot { dst, a, b } => {
                        let v = int(&regs[a as usize]) & !int(&regs[b as usize]);
                        set_int(&mut regs[dst as usize], v)
                    }
                    Op::Shl { dst, a, b }
                    | Op::ShrInt { dst, a, b }
                    | Op::ShrUint { dst, a, b } => {
                        let (x, n) = (int(&regs[a as usize]), int(&regs[b as usize]));
                        if n < 0 {
                            raise!(panic::negative_shift());
                        }
                        {
                            let v = shift(*op, x, n);
                            set_int(&mut regs[dst as usize], v)
                        };
                    }
                    Op::AndImm { dst, a, imm } => {
                        let v = int(&regs[a as usize]) & imm as i64;
                        set_int(&mut regs[dst as usize], v)
                    }
                    Op::ShlImm { dst, a, n } => {
                        let v = int(&regs[a as usize]).checked_shl(n as u32).unwrap_or(0);
                        set_int(&mut regs[dst as usize], v)
                    }
                    Op::ShrIntImm { dst, a, n } => {
                        // `n` is at most 63 (compile/expr.rs `imm_op`): no clamp here.
                        let v = int(&regs[a as usize]).wrapping_shr(u32::from(n));
                        set_int(&mut regs[dst as usize], v)
                    }
                    // The fused register-only pairs (compile/fuse_int.rs): the
                    // first half, then the second read from the instruction kept
                    // after it, one budget step each. When the budget ran out
                    // between them, the head preempts at the kept instruction,
                    // as it would have (loop benchmark: one dispatch less each).
                    Op::ShrIntImmXor { dst, a, n } => {
                        let v = int(&regs[a as usize]).wrapping_shr(u32::from(n));
                        set_int(&mut regs[dst as usize], v);
                        let (Op::Xor { dst, a, b }, 1..) = (code[pc], budget) else {
                            continue;
                        };
                        budget -= 1;
                        pc += 1;
                        let v = int(&regs[a as usize]) ^ int(&regs[b as usize]);
                        set_int(&mut regs[dst as usize], v)
                    }
                    Op::AddIntLoopLtImm { dst, a, b } => {
                        let v = int(&regs[a as usize]).wrapping_add(int(&regs[b as usize]));
                        set_int(&mut regs[dst as usize], v);
                        let (
                            Op::LoopLtImm {
                                r,
                                limit,
                                step,
                                back,
                            },
                            1..,
                        ) = (code[pc], budget)
                        else {
                            continue;
                        };
                        budget -= 1;
                        pc += 1;
                        let v = int(&regs[r as usize]).wrapping_add(step as i64);
                        set_int(&mut regs[r as usize], v);
                        if v < int(&regs[limit as usize]) {
                            pc -= back as usize;
                        }
                    }
                    Op::AddIntLoopIncLtConst { dst, a, b } => {
                        let v = int(&regs[a as usize]).wrapping_add(int(&regs[b as usize]));
                        set_int(&mut regs[dst as usize], v);
                        let (Op::LoopIncLtConst { r, back, limit }, 1..) = (code[pc], budget)
                        else {
                            continue;
                        };
                        budget -= 1;
                        pc += 1;
                        let v = int(&regs[r as usize]).wrapping_add(1);
                        set_int(&mut regs[r as usize], v);
                        if v < i64::from(limit) {
                            pc -= back as usize;
                        }
                    }
                    Op::ShrUintImm { dst, a, n } => {
                        let v = (int(&regs[a as usize]) as u64)
                            .checked_shr(n as u32)
                            .unwrap_or(0);
                        set_int(&mut regs[dst as usize], v as i64)
                    }
                    Op::NegInt { dst, src } => {
                        let v = int(&regs[src as usize]).wrapping_neg();
                        set_int(&mut regs[dst as usize], v)
                    }
                    Op::BitNot { dst, src } => {
                        let v = !int(&regs[src as usize]);
                        set_int(&mut regs[dst as usize], v)
                    }
                    Op::Wrap { dst, src, kind } => {
                        let v = kind.wrap(int(&regs[src as usize]));
                        set_int(&mut regs[dst as usize], v)
                    }
                    Op::EqInt { dst, a, b } => {
                        let v = int(&regs[a as usize]) == int(&regs[b as usize]);
                        set_bool(&mut regs[dst as usize], v)
                    }
                    Op::NeInt { dst, a, b } => {
                        let v = int(&regs[a as usize]) != int(&regs[b as usize]);
                        set_bool(&mut regs[dst as usize], v)
                    }
                    Op::LtInt { dst, a, b } => {
                        let v = int(&regs[a as usize]) < int(&regs[b as usize]);
                        set_bool(&mut regs[dst as usize], v)
                    }
                    Op::LeInt { dst, a, b } => {
                        let v = int(&regs[a as usize]) <= int(&regs[b as usize]);
                        set_bool(&mut regs[dst as usize], v)
                    }
                    Op::LtUint { dst, a, b } => {
                        let v = (int(&regs[a as usize]) as u64) < int(&regs[b as usize]) as u64;
                        set_bool(&mut regs[dst as usize], v)
                    }
                    Op::LeUint { dst, a, b } => {
                        let v = int(&regs[a as usize]) as u64 <= int(&regs[b as usize]) as u64;
                        set_bool(&mut regs[dst as usize], v)
                    }

                    Op::AddFloat { dst, a, b } => {
                        let v = float(&regs[a as usize]) + float(&regs[b as usize]);
                        set_float(&mut regs[dst as usize], v)
                    }
                    Op::SubFloat { dst, a, b } => {
                        let v = float(&regs[a as usize]) - float(&regs[b as usize]);
                        set_float(&mut regs[dst as usize], v)
                    }
                    Op::MulFloat { dst, a, b } => {
                        let v = float(&regs[a as usize]) * float(&regs[b as usize]);
                        set_float(&mut regs[dst as usize], v)
                    }
                    Op::DivFloat { dst, a, b } => {
                        let v = float(&regs[a as usize]) / float(&regs[b as usize]);
                        set_float(&mut regs[dst as usize], v)
                    }
                    Op::NegFloat { dst, src } => {
                        let v = -float(&regs[src as usize]);
                        set_float(&mut regs[dst as usize], v)
                    }
                    Op::RoundF32 { dst, src } => {
                        let v = float(&regs[src as usize]) as f32 as f64;
                        set_float(&mut regs[dst as usize], v)
                    }
                    Op::EqFloat { dst, a, b } => {
                        let v = float(&regs[a as usize]) == float(&regs[b as usize]);
                        set_bool(&mut regs[dst as usize], v)
                    }
                    Op::LtFloat { dst, a, b } => {
                        let v = float(&regs[a as usize]) < float(&regs[b as usize]);
                        set_bool(&mut regs[dst as usize], v)
                    }
                    Op::LeFloat { dst, a, b } => {
                        let v = float(&regs[a as usize]) <= float(&regs[b as usize]);
                        set_bool(&mut regs[dst as usize], v)
                    }

                    Op::IntToFloat { dst, src } => {
                        let v = int(&regs[src as usize]) as f64;
                        set_float(&mut regs[dst as usize], v)
                    }
                    Op::UintToFloat { dst, src } => {
                        let v = int(&regs[src as usize]) as u64 as f64;
                        set_float(&mut regs[dst as usize], v)
                    }
                    Op::FloatToInt { dst, src } => {
                        let v = float_to_int(float(&regs[src as usize]));
                        set_int(&mut regs[dst as usize], v)
                    }
                    Op::FloatToUint { dst, src } => {
                        let v = float_to_uint(float(&regs[src as usize])) as i64;
                        set_int(&mut regs[dst as usize], v)
                    }
                    Op::RuneToString { dst, src } => {
                        regs[dst as usize] = rune_to_string(int(&regs[src as usize]))
                    }
                    Op::BytesToString { dst, src } => {
                        regs[dst as usize] = bytes_to_string(&regs[src as usize])
                    }
                    Op::StringToBytes { dst, src } => {
                        regs[dst as usize] = string_to_bytes(regs[src as usize].as_bytes())
                    }

                    Op::Not { dst, src } => {
                        let v = !regs[src as usize].as_bool();
                        set_bool(&mut regs[dst as usize], v)
                    }
                    Op::Eq { dst, a, b } => {
                        let v = regs[a as usize].go_eq(&regs[b as usize]);
                        set_bool(&mut regs[dst as usize], v);
                        pc = after_bool_test(code, pc, dst, v);
                    }
                    Op::Ne { dst, a, b } => {
                        let v = !regs[a as usize].go_eq(&regs[b as usize]);
                        set_bool(&mut regs[dst as usize], v);
                        pc = after_bool_test(code, pc, dst, v);
                    }
                    Op::IsNil { dst, src } => {
                        let v = matches!(regs[src as usize], Value::Nil);
                        set_bool(&mut regs[dst as usize], v)
                    }

                    Op::Concat { dst, a, b } => {
                        match concat(&regs[a as usize], &regs[b as usize]) {
                            Ok(v) => regs[dst as usize] = v,
                            Err(refused) => {
                                sync_pc(&mut g.frames, pc);
                                return self.unspent(budget, self.refusal(g, refused));
                            }
                        }
                    }
                    Op::LtStr { dst, a, b } => {
                        let v = regs[a as usize].as_bytes() < regs[b as usize].as_bytes();
                        set_bool(&mut regs[dst as usize], v)
                    }
                    Op::LeStr { dst, a, b } => {
                        let v = regs[a as usize].as_bytes() <= regs[b as usize].as_bytes();
                        set_bool(&mut regs[dst as usize], v)
                    }
                    Op::LenStr { dst, src } => {
                        let v = regs[src as usize].as_bytes().len() as i64;
                        set_int(&mut regs[dst as usize], v)
                    }
                    Op::IndexStr { dst, s, i } => {
                        let (bytes, i) = (regs[s as usize].as_bytes(), int(&regs[i as usize]));
                        match usize::try_from(i).ok().and_then(|i| bytes.get(i)) {
                            Some(&byte) => {
                                let v = byte as i64;
                                set_int(&mut regs[dst as usize], v)
                            }
                            None => {
                                let err = panic::index_error(i, bytes.len());
                                raise!(err);
                            }
                        }
                    }
                    Op::SliceStr { dst, s, bounds } => {
                        let bytes = regs[s as usize].as_bytes();
                        let (lo, hi) =
                            (int(&regs[bounds as usize]), int(&regs[bounds as usize + 1]));
                        if 0 <= lo && lo <= hi && hi as usize <= bytes.len() {
                            regs[dst as usize] = Value::str(&bytes[lo as usize..hi as usize]);
                        } else {
                            let err = string_bounds_error(lo, hi, bytes.len());
                            raise!(err);
                        }
                    }
                    Op::DecodeRune { dst, s, i } => {
                        let (rune, width) = decode_rune(
                            &regs[s as usize].as_bytes()[int(&regs[i as usize]) as usize..],
                        );
                        {
                            let v = rune as i64;
                            set_int(&mut regs[dst as usize], v)
                        };
                        regs[dst as usize + 1] = Value::Int(width as i64);
                    }

                    Op::Jump { off } => pc = (pc as i64 + off as i64) as usize,
                    Op::JumpIf { cond, off } => {
                        if regs[cond as usize].as_bool() {
                            pc = (pc as i64 + off as i64) as usize;
                        }
                    }
                    Op::JumpIfNot { cond, off } => {
                        if !regs[cond as usize].as_bool() {
                            pc = (pc as i64 + off as i64) as usize;
                        }
                    }
                    Op::JumpIfLtInt { a, b, off } => {
                        if int(&regs[a as usize]) < int(&regs[b as usize]) {
                            pc = (pc as i64 + off as i64) as usize;
                        }
                    }
                    // A fused `if`: when the comparison holds, skip the `Jump`
                    // that follows; otherwise take that jump here, undispatched.
                    Op::IfLtInt { a, b, off } => {
                        let holds = int(&regs[a as usize]) < int(&regs[b as usize]);
                        pc = after_test(code, pc, holds, off as isize);
                    }
                    Op::IfLeInt { a, b, off } => {
                        let holds = int(&regs[a as usize]) <= int(&regs[b as usize]);
                        pc = after_test(code, pc, holds, off as isize);
                    }
                    Op::IfLtIntImm { a, imm, off } => {
                        let holds = int(&regs[a as usize]) < imm as i64;
                        pc = after_test(code, pc, holds, off as isize);
                    }
                    Op::IfLeIntImm { a, imm, off } => {
                        let holds = int(&regs[a as usize]) <= imm as i64;
                        pc = after_test(code, pc, holds, off as isize);
                    }
                    Op::IfGtIntImm { a, imm, off } => {
                        let holds = int(&regs[a as usize]) > imm as i64;
                        pc = after_test(code, pc, holds, off as isize);
                    }
                    Op::IfGeIntImm { a, imm, off } => {
                        let holds = int(&regs[a as usize]) >= imm as i64;
                        pc = after_test(code, pc, holds, off as isize);
                    }
                    Op::IfEqInt { a, b, off } => {
                        let holds = int(&regs[a as usize]) == int(&regs[b as usize]);
                        pc = after_test(code, pc, holds, off as isize);
                    }
                    Op::IfNeInt { a, b, off } => {
                        let holds = int(&regs[a as usize]) != int(&regs[b as usize]);
                        pc = after_test(code, pc, holds, off as isize);
                    }
                    Op::IfEqIntImm { a, imm, off } => {
                        let holds = int(&regs[a as usize]) == imm as i64;
                        pc = after_test(code, pc, holds, off as isize);
                    }
                    Op::IfNeIntImm { a, imm, off } => {
                        let holds = int(&regs[a as usize]) != imm as i64;
                        pc = after_test(code, pc, holds, off as isize);
                    }
                    Op::IfNil { a } => {
                        let holds = matches!(regs[a as usize], Value::Nil);
                        pc = after_test(code, pc, holds, 0);
                    }
                    Op::IfNotNil { a } => {
                        let holds = !matches!(regs[a as usize], Value::Nil);
                        pc = after_test(code, pc, holds, 0);
                    }
                    // A fused loop back-edge: step, test, and the jump back to the
                    // top of the body when the loop goes on.
                    Op::LoopIncLtConst { r, back, limit } => {
                        let v = int(&regs[r as usize]).wrapping_add(1);
                        set_int(&mut regs[r as usize], v);
                        if v < i64::from(limit) {
                            pc -= back as usize;
                        }
                    }
                    Op::LoopLtImm {
                        r,
                        limit,
                        step,
                        back,
                    } => {
                        let v = int(&regs[r as usize]).wrapping_add(step as i64);
                        set_int(&mut regs[r as usize], v);
                        if v < int(&regs[limit as usize]) {
                            pc -= back as usize;
                        }
                    }
                    Op::LoopLeImm {
                        r,
                        limit,
                        step,
                        back,
                    } => {
                        let v = int(&regs[r as usize]).wrapping_add(step as i64);
                        set_int(&mut regs[r as usize], v);
                        if v <= int(&regs[limit as usize]) {
                            pc -= back as usize;
                        }
                    }
                    Op::LoopGtImm {
                        r,
                        limit,
                        step,
                        back,
                    } => {
                        let v = int(&regs[r as usize]).wrapping_add(step as i64);
                        set_int(&mut regs[r as usize], v);
                        if v > int(&regs[limit as usize]) {
                            pc -= back as usize;
                        }
                    }
                    Op::LoopGeImm {
                        r,
                        limit,
                        step,
                        back,
                    } => {
                        let v = int(&regs[r as usize]).wrapping_add(step as i64);
                        set_int(&mut regs[r as usize], v);
                        if v >= int(&regs[limit as usize]) {
                            pc -= back as usize;
                        }
                    }
                    Op::LoopLt {
                        r,
                        limit,
                        step,
                        back,
                    } => {
                        let v = int(&regs[r as usize]).wrapping_add(int(&regs[step as usize]));
                        set_int(&mut regs[r as usize], v);
                        if v < int(&regs[limit as usize]) {
                            pc -= back as usize;
                        }
                    }
                    Op::LoopLe {
                        r,
                        limit,
                        step,
                        back,
                    } => {
                        let v = int(&regs[r as usize]).wrapping_add(int(&regs[step as usize]));
                        set_int(&mut regs[r as usize], v);
                        if v <= int(&regs[limit as usize]) {
                            pc -= back as usize;
                        }
                    }
                    Op::LoopGt {
                        r,
                        limit,
                        step,
                        back,
                    } => {
                        let v = int(&regs[r as usize]).wrapping_add(int(&regs[step as usize]));
                        set_int(&mut regs[r as usize], v);
                        if v > int(&regs[limit as usize]) {
                            pc -= back as usize;
                        }
                    }
                    Op::LoopGe {
                        r,
                        limit,
                        step,
                        back,
                    } => {
                        let v = int(&regs[r as usize]).wrapping_add(int(&regs[step as usize]));
                        set_int(&mut regs[r as usize], v);
                        if v >= int(&regs[limit as usize]) {
                            pc -= back as usize;
                        }
                    }

                    // One arm for `Call` and `AddIntImmCall` (compile/fuse_int.rs):
                    // the fused op does its add, then takes the kept `Call`'s
                    // operands and runs this same call code, so nothing about
                    // the call differs; a second copy of the call code would
                    // grow `Vm::run` (register allocation shifts with its size).
                    Op::Call { .. } | Op::AddIntImmCall { .. } => {
                        let (call_base, func) = match *op {
                            Op::Call { base, func } => (base, func),
                            Op::AddIntImmCall { dst, a, imm } => {
                                let v = int(&regs[a as usize]).wrapping_add(imm as i64);
                                set_int(&mut regs[dst as usize], v);
                                // Preempted between the halves when the budget
                                // ran out, at the kept `Call`, as before fusion.
                                let (Op::Call { base, func }, 1..) = (code[pc], budget) else {
                                    continue;
                                };
                                budget -= 1;
                                pc += 1;
                                (base, func)
                            }
                            // Not reached: the arm's own pattern.
                            _ => continue,
                        };
                        let callee = &program.protos[func as usize];
                        let new_base = base + call_base as usize;
                        if let Err(stop) = self.push_go_call(g, pc, callee, None, new_base) {
                            return self.unspent(budget, stop);
                        }
                        enter_frame!(callee, new_base, 0);
                    }
                    Op::CallValue {
                        base: call_base,
                        callee,
                    } => {
                        let new_base = base + call_base as usize;
                        // Matched by reference: a Go func value clones only its
                        // `Rc`, without `Value::clone`'s out-of-line call; and
                        // not into a `Result` of the `Rc` or a `Value`, which
                        // LLVM built on the stack and dropped with a tag test
                        // (closures benchmark).
                        match &regs[callee as usize] {
                            Value::Func(f) => {
                                let f = f.clone();
                                if let Err(stop) =
                                    self.push_go_call(g, pc, &f.proto, None, new_base)
                                {
                                    return self.unspent(budget, stop);
                                }
                                if f.cells.is_empty() {
                                    enter_frame!(&f.proto, new_base, 0);
                                }
                                // A closure: the clone is the frame stack's one
                                // reference (`FrameStack::top_closure`), counted
                                // down by the return (closures benchmark).
                                let f = g.frames.enter_closure(f);
                                enter_frame!(&f.proto, new_base, 0);
                            }
                            &Value::Native(id) => {
                                sync_pc(&mut g.frames, pc);
                                let n_args = crate::natives::arity(id);
                                // Natives are rare enough to pay for reloading the frame.
                                match self.call_native(g, id, new_base, n_args, Vec::new()) {
                                    NativeStep::Done
                                    | NativeStep::Pushed
                                    | NativeStep::Stopped(None) => continue 'frames,
                                    NativeStep::Stopped(Some(stop)) => {
                                        return self.unspent(budget, stop)
                                    }
                                }
                            }
                            _ => raise!(panic::nil_deref()),
                        }
                    }
                    Op::CallNative {
                        base: call_base,
                        native,
                        n_args,
                    } => {
                        let id = program.natives[native as usize];
                        // Uncontended Lock/Unlock/Add, unwatched: done in place.
                        // A wake-up they made is seen at the top of 'frames,
                        // as after the general path, so no draw moves.
                        sync_in_place_or_call!(
                            crate::natives::sync_quick(
                                id,
                                &mut regs[call_base as usize..][..n_args as usize],
                                &mut self.sched,
                                g.slot,
                                &mut g.wake,
                            ),
                            id,
                            call_base,
                            n_args as usize
                        );
                    }
                    Op::CallSync {
                        base: call_base,
                        native,
                        call,
                    } => {
                        // As `CallNative`'s in-place path, without its native
                        // table lookup, id test and argument slice.
                        sync_in_place_or_call!(
                            {
                                let at = call_base as usize;
                                let delta = match call {
                                    SyncCall::WaitGroupAdd => match regs.get(at + 1) {
                                        Some(&Value::Int(delta)) => Some(delta),
                                        _ => None,
                                    },
                                    _ => None,
                                };
                                crate::natives::sync_quick_call(
                                    call,
                                    &mut regs[at],
                                    delta,
                                    &mut self.sched,
                                    g.slot,
                                    &mut g.wake,
                                )
                            },
                            program.natives[native as usize],
                            call_base,
                            usize::from(call.n_args())
                        );
                    }
                    Op::BuilderWriteString { base } | Op::BuilderWriteStringLocal { base, .. } => {
                        let at = base as usize;
                        if self.race.is_some() {
                            let (receiver, local) = match *op {
                                Op::BuilderWriteStringLocal { builder, .. } => (builder, true),
                                _ => (base, false),
                            };
                            let (receiver, text) = (&regs[receiver as usize], &regs[at + 1]);
                            self.race_builder_write_string(
                                &mut g.frames,
                                pc,
                                receiver,
                                local,
                                text,
                            );
                        }
                        let written = match *op {
                            Op::BuilderWriteStringLocal { builder, .. } => {
                                match &regs[builder as usize] {
                                    Value::Agg(store) => crate::natives::builder_write_string_to(
                                        store,
                                        &regs[at + 1],
                                    ),
                                    other => bad_value("struct", other),
                                }
                            }
                            _ => crate::natives::builder_write_string_in_place(
                                &regs[at],
                                &regs[at + 1],
                            ),
                        };
                        match written {
                            Ok(n) => {
                                Value::put(&mut regs[at], Value::Int(n));
                                Value::put(&mut regs[at + 1], Value::Nil);
                            }
                            Err(out) => {
                                sync_pc(&mut g.frames, pc);
                                let stop = match out {
                                    NativeOut::Refused(refused) => Some(self.refusal(g, refused)),
                                    NativeOut::Panic(v) => self.raise(g, v),
                                    other => unreachable!("WriteString answered {other:?}"),
                                };
                                match stop {
                                    None => continue 'frames,
                                    Some(stop) => return self.unspent(budget, stop),
                                }
                            }
                        }
                    }
                    Op::CallMethod {
                        base: call_base,
                        name,
                    } => {
                        let recv_slot = base + call_base as usize;
                        let method = match &g.slots[recv_slot] {
                            Value::Iface(iface) => program
                                .types
                                .method(iface.ty, &program.method_names[name as usize])
                                .map(|m| (m, iface.val.clone())),
                            _ => None,
                        };
                        let Some((m, recv)) = method else {
                            raise!(panic::nil_deref())
                        };
                        g.slots[recv_slot] = recv;
                        let callee = &program.protos[m as usize];
                        if let Err(stop) = self.push_go_call(g, pc, callee, None, recv_slot) {
                            return self.unspent(budget, stop);
                        }
                        enter_frame!(callee, recv_slot, 0);
                    }
                    Op::Return { src, n } => {
                        // Results already in place (`src` 0) need no move.
                        if src != 0 && n == 1 {
                            // One result, most functions: no loop.
                            match regs[src as usize] {
                                Value::Int(v) => set_int(&mut regs[0], v),
                                _ => {
                                    let result = std::mem::take(&mut regs[src as usize]);
                                    Value::put(&mut regs[0], result);
                                }
                            }
                        } else if src != 0 {
                            for i in 0..n as usize {
                                match regs[src as usize + i] {
                                    // Ints, most results: no take, no drop glue.
                                    Value::Int(v) => set_int(&mut regs[i], v),
                                    _ => {
                                        // `put`: no call into drop glue for the scalar it overwrites.
                                        let result = std::mem::take(&mut regs[src as usize + i]);
                                        Value::put(&mut regs[i], result);
                                    }
                                }
                            }
                        }
                        // The common return, to Go code with no event to emit:
                        // the frame is popped in place, nothing moved out.
                        if self.sink.is_none() {
                            if let Some(caller) = g.frames.return_to_go_caller(&mut g.spare_defers)
                            {
                                resume_caller!(caller);
                            }
                        }
                        // A deferred call that `RunDefers` started, with no event
                        // to emit: also popped in place, its closure kept for the
                        // next `defer func() { ... }()` (defers benchmark).
                        if self.sink.is_none() {
                            if let Some(done) = g.frames.pop_finished_defer(&mut g.spare_defers) {
                                g.spare_closure.keep(done);
                                resume_caller!(g.frames.last());
                            }
                        }
                        // The returning frame is the running one: `proto` is its prototype.
                        let done_proto = &proto;
                        let Popped {
                            closure: done_closure,
                            defers,
                            return_to,
                            base: done_base,
                        } = g.frames.pop().expect("returning frame");
                        debug_assert!(
                            defers.is_empty(),
                            "gomini bug: {} returned with pending defers",
                            done_proto.name
                        );
                        // Empty (all ran): its allocation, if any, kept for the next
                        // frame that defers.
                        defers.recycle_into(&mut g.spare_defers);
                        if self.sink.is_some() {
                            // A compiler-made wrapper's return is not the program's:
                            // the trace shows the method it called (FuncProto::wrapper).
                            if !done_proto.wrapper {
                                let results = (0..n as usize)
                                    .map(|i| match done_proto.results.get(i) {
                                        Some(slot) => self.typed_text(slot.ty, &regs[i]),
                                        None => self.untyped_text(&regs[i]),
                                    })
                                    .collect();
                                self.emit(Event::Return {
                                    goroutine: g.id,
                                    func: done_proto.name.clone(),
                                    depth: g.frames.len(),
                                    results,
                                    span: proto.user_span(pc - 1),
                                });
                            }
                            if matches!(
                                return_to,
                                ReturnTo::DeferOnReturn | ReturnTo::DeferInPanic(_)
                            ) {
                                self.emit_defer_finished(g);
                            }
                        }
                        match return_to {
                            // Nothing to drop: no call into `ReturnTo`'s drop glue.
                            ReturnTo::Caller | ReturnTo::DeferOnReturn => {
                                if matches!(return_to, ReturnTo::DeferOnReturn) {
                                    g.spare_closure.keep(done_closure);
                                }
                                std::mem::forget(return_to);
                                // Resume the caller in place (or finish at the top of 'frames).
                                resume_caller!(g.frames.last());
                            }
                            other => {
                                if let Some(stop) =
                                    self.after_special_return(g, other, done_base as usize)
                                {
                                    return self.unspent(budget, stop);
                                }
                            }
                        }
                        continue 'frames;
                    }
                    Op::Defer {
                        base: args,
                        callee,
                        n_args,
                    } => {
                        // Moved, not cloned: the callee and arguments are the
                        // compiler's temporaries, dead after this instruction
                        // (op.rs). For `defer func() { ... }()` that saves the
                        // closure's reference count going up here and down when
                        // the register is next written.
                        // An int left behind, not nil: the dead temporary is
                        // most often written by an int op next, whose `set_int`
                        // then takes its fast path (no call to `replace_slot`).
                        let callee = std::mem::replace(&mut regs[callee as usize], Value::Int(0));
                        // No arguments (`defer func() { ... }()`) or one (a
                        // method's receiver, `defer wg.Done()`): no iterator,
                        // no allocation.
                        let args = DeferArgs::take_from(
                            &mut regs[args as usize..args as usize + n_args as usize],
                        );
                        let span = proto.user_span(pc - 1);
                        let (frames, spare) = (&mut g.frames, &mut g.spare_defers);
                        self.push_defer(g.id, frames, spare, &proto, callee, args, span);
                    }
                    Op::DeferClosure { proto: idx } => {
                        let target = &program.protos[idx as usize];
                        // One captured local (the named result a deferred
                        // closure sets, as in `defer func() { r = ... }()`):
                        // no call to `closure_cells`' out-of-line closure.
                        // `make` in each arm: inlined with `Cells::one`, the
                        // refill knows there is no second cell to move (defers
                        // benchmark, once `Cells` held three cells inline).
                        let made = match target.captures.as_slice() {
                            [Capture::Local(r)] => {
                                let cell = cell_of(&regs[*r as usize]);
                                g.spare_closure.make(target, value::Cells::one(cell))
                            }
                            _ => {
                                let cells = closure_cells(target, regs, g.frames.top_closure());
                                g.spare_closure.make(target, cells)
                            }
                        };
                        let span = proto.user_span(pc - 1);
                        let (frames, spare) = (&mut g.frames, &mut g.spare_defers);
                        self.push_deferred_closure(g.id, frames, spare, &proto, made, span);
                    }
                    // `RunDefers`, and `StoreRunDefers` (its store, then the
                    // `RunDefers` after it undispatched), in one arm: one copy
                    // of the deferred call's start in `Vm::run` (a second
                    // copy in an arm of its own moved other programs by up
                    // to 1.7%, fib, from register allocation).
                    Op::RunDefers | Op::StoreRunDefers { .. } => {
                        if let Op::StoreRunDefers { ptr, src } = *op {
                            // The store, as `Store`'s int fast path; then the
                            // `RunDefers` after it, unless the budget ends
                            // between the two (the loop head then preempts
                            // before it, as unfused) or the REPL watches the
                            // chains (its check below). defers benchmark: one
                            // dispatch less per call.
                            let int = match (&regs[src as usize], &self.race) {
                                (&Value::Int(v), None) => Some(v),
                                _ => None,
                            };
                            match int {
                                Some(v) if value::store_int(&regs[ptr as usize], v) => {
                                    if budget == 0 || self.keep_defer_chains {
                                        continue;
                                    }
                                    budget -= 1;
                                    pc += 1;
                                }
                                // Otherwise the store alone; the `RunDefers`
                                // runs as itself.
                                _ => {
                                    store_through!(ptr, src);
                                    continue;
                                }
                            }
                        } else if self.keep_defer_chains
                            && g.id == 1
                            && self.return_chains.is_none()
                            && g.frames.last().is_some_and(|f| f.proto.name == "main.main")
                        {
                            // The REPL's `:defers`: the chains as main.main starts
                            // returning; then RunDefers runs again, uncounted.
                            g.frames.last_mut().expect("running frame").pc = pc as u32 - 1;
                            budget += 1;
                            self.note_return_chains(g);
                            continue 'frames;
                        }
                        let frame = g.frames.last_mut().expect("running frame");
                        if let Some(DeferRecord {
                            callee,
                            mut args,
                            span,
                        }) = frame.defers.pop()
                        {
                            // Re-execute RunDefers when the deferred call returns,
                            // unless it was the last one and a Go func (which returns
                            // here, not through a native): resuming past RunDefers
                            // saves a dispatch that would find nothing left to run.
                            // Both ways, with or without events, so that step counts
                            // (and so seeded schedules) stay the same under `trace`.
                            // Tracebacks print this frame at pc - 1: RunDefers and the
                            // instruction before it are both at the closing brace
                            // (compile/func.rs), so the line does not change.
                            // Taken apart at once, so that LLVM keeps the parts in
                            // registers instead of copying the record.
                            let last = frame.defers.is_empty() && matches!(callee, Value::Func(_));
                            frame.pc = if last { pc as u32 } else { pc as u32 - 1 };
                            if self.sink.is_none() {
                                if let Value::Func(f) = callee {
                                    // The common case, inlined: no events to emit and
                                    // a Go func, so the deferred frame is pushed here
                                    // (what `start_deferred` → `push_call` would do).
                                    // Above the running frame, which is the top one.
                                    let base = base + proto.n_slots as usize;
                                    if f.cells.is_empty() {
                                        // `defer wg.Done()` with the budget for all
                                        // of Done's steps: done in place, the steps
                                        // charged (see `done_in_place`); then on as
                                        // after Done's return, past `RunDefers` if it
                                        // was the last. Tested here, for a func
                                        // without cells and with one argument, so
                                        // that a deferred closure pays nothing for it.
                                        if let DeferArgs::One(receiver) = &mut args {
                                            if self.done_in_place(
                                                budget,
                                                &g.frames,
                                                &mut g.wake,
                                                &f,
                                                receiver,
                                                base,
                                            ) {
                                                // Done let the receiver go (an int
                                                // left): nothing to drop.
                                                std::mem::forget(args);
                                                budget -= crate::natives::DONE_STEPS;
                                                if !last {
                                                    pc -= 1;
                                                }
                                                continue;
                                            }
                                        }
                                    }
                                    let return_to = ReturnTo::DeferOnReturn;
                                    if let Err(stop) =
                                        self.push_frame(g, &f.proto, None, base, return_to)
                                    {
                                        return self.unspent(budget, stop);
                                    }
                                    match args {
                                        // `defer func() { ... }()` has no arguments and
                                        // its vector no allocation: forgetting it skips
                                        // an out-of-line call into drop glue.
                                        DeferArgs::Many(none) if none.capacity() == 0 => {
                                            std::mem::forget(none)
                                        }
                                        args => args.move_into(&mut g.slots[base..]),
                                    }
                                    // Entered in place, as a call is (`enter_frame!`);
                                    // a closure moves to the frame stack, as in `CallValue`.
                                    if f.cells.is_empty() {
                                        enter_frame!(&f.proto, base, 0);
                                    }
                                    let f = g.frames.enter_closure(f);
                                    enter_frame!(&f.proto, base, 0);
                                }
                            }
                            let record = DeferRecord { callee, args, span };
                            match self.start_deferred(g, record, ReturnTo::DeferOnReturn) {
                                Ok(_) | Err(None) => continue 'frames,
                                Err(Some(stop)) => return self.unspent(budget, stop),
                            }
                        }
                    }
                    Op::MakeClosure { dst, proto: idx } => {
                        let target = &program.protos[idx as usize];
                        let cells = closure_cells(target, regs, g.frames.top_closure());
                        let func = Value::Func(g.spare_closure.make_pooled(
                            target,
                            cells,
                            &mut self.sched.finished_closures,
                        ));
                        // The register usually holds a scalar (a temporary) or a pointer.
                        Value::put_over_pointer(&mut regs[dst as usize], func);
                    }
                    Op::LoadCapture { dst, idx } => {
                        let cell = captured_cell!(idx);
                        load_capture!(dst, cell);
                    }
                    // `n += d` of a captured int: the load, the add and the
                    // store in one dispatch and one borrow of the cell, when
                    // the budget covers the two steps after the load (so no
                    // preemption point falls between them, as unfused) and no
                    // race detector records the accesses (compile/fuse.rs
                    // `capture_update`). Otherwise the load alone; the kept
                    // add-and-store runs as itself (closures benchmark).
                    Op::LoadCaptureAddStore { dst, b, sum, idx } => {
                        let cell = captured_cell!(idx);
                        if budget >= 2 && self.race.is_none() {
                            if let Value::Int(n) = &mut cell.borrow_mut()[0] {
                                set_int(&mut regs[dst as usize], *n);
                                let v = n.wrapping_add(int(&regs[b as usize]));
                                capture_update!(n, v, sum);
                            }
                        }
                        load_capture!(dst, cell);
                    }
                    // `n += d; return n` (and `n++; return n`) of a captured
                    // int, the counter closure: the update and the
                    // `LoadCaptureReturn` kept three instructions on, in one
                    // dispatch when the budget covers all five steps and
                    // nothing records them (as `LoadCaptureAddStore` and
                    // `LoadCaptureReturn` each require); else the load alone.
                    Op::LoadCaptureAddStoreReturn { dst, b, sum, idx } => {
                        let cell = captured_cell!(idx);
                        let mut stored = None;
                        if budget >= 4 && self.race.is_none() && self.sink.is_none() {
                            if let Value::Int(n) = &mut cell.borrow_mut()[0] {
                                set_int(&mut regs[dst as usize], *n);
                                let v = n.wrapping_add(int(&regs[b as usize]));
                                set_int(&mut regs[sum as usize], v);
                                *n = v;
                                stored = Some(v);
                            }
                        }
                        if let Some(v) = stored {
                            then_return_captured!(v);
                        }
                        load_capture!(dst, captured_cell!(idx));
                    }
                    Op::LoadCaptureAddImmStoreReturn { dst, imm, sum, idx } => {
                        let cell = captured_cell!(idx);
                        let mut stored = None;
                        if budget >= 4 && self.race.is_none() && self.sink.is_none() {
                            if let Value::Int(n) = &mut cell.borrow_mut()[0] {
                                set_int(&mut regs[dst as usize], *n);
                                let v = n.wrapping_add(imm as i64);
                                set_int(&mut regs[sum as usize], v);
                                *n = v;
                                stored = Some(v);
                            }
                        }
                        if let Some(v) = stored {
                            then_return_captured!(v);
                        }
                        load_capture!(dst, captured_cell!(idx));
                    }
                    Op::LoadCaptureAddImmStore { dst, imm, sum, idx } => {
                        let cell = captured_cell!(idx);
                        if budget >= 2 && self.race.is_none() {
                            if let Value::Int(n) = &mut cell.borrow_mut()[0] {
                                set_int(&mut regs[dst as usize], *n);
                                let v = n.wrapping_add(imm as i64);
                                capture_update!(n, v, sum);
                            }
                        }
                        load_capture!(dst, cell);
                    }
                    Op::StoreCapture { idx, src } => {
                        let cell = captured_cell!(idx);
                        match regs[src as usize] {
                            // As in `LoadCapture`: an int over an int is one store.
                            Value::Int(v) => set_int(&mut cell.borrow_mut()[0], v),
                            ref other => cell.borrow_mut()[0] = other.clone(),
                        }
                        if self.race.is_some() {
                            let cell = Rc::clone(cell);
                            let (v, obj) = (&regs[src as usize], ObjectRef::Store(&cell));
                            self.race_access(&mut g.frames, pc, obj, 0, true, v);
                        }
                    }
                    Op::CaptureRef { dst, idx } => {
                        regs[dst as usize] = Value::Ptr(captured_cell!(idx).clone(), 0)
                    }
                    // The fused pairs of compile/fuse.rs: the second half runs
                    // here, undispatched, unless the budget ends between the
                    // two (the loop head then preempts before the second
                    // half, which stays in place, as it did unfused).
                    Op::LoadCaptureReturn { dst, idx } => {
                        let cell = captured_cell!(idx);
                        let int = match cell.borrow()[0] {
                            Value::Int(v) => Some(v),
                            _ => None,
                        };
                        // The common case, an int returned to Go code with nothing
                        // to record: `Return { src: dst, n: 1 }`'s common path,
                        // the int going from the cell straight to register 0, the
                        // result's place (`dst`, which only that `Return` reads,
                        // is left as it was).
                        if let Some(v) = int {
                            let returned =
                                if budget != 0 && self.race.is_none() && self.sink.is_none() {
                                    g.frames.return_to_go_caller(&mut g.spare_defers)
                                } else {
                                    None
                                };
                            if let Some(caller) = returned {
                                return_captured_int!(v, caller);
                            }
                        }
                        // Otherwise the load alone, as `LoadCapture`; the `Return`
                        // after it runs as itself.
                        let cell = captured_cell!(idx);
                        match int {
                            Some(v) => set_int(&mut regs[dst as usize], v),
                            None => Value::put(&mut regs[dst as usize], cell.borrow()[0].clone()),
                        }
                        if self.race.is_some() {
                            let cell = Rc::clone(cell);
                            let (v, obj) = (&regs[dst as usize], ObjectRef::Store(&cell));
                            self.race_access(&mut g.frames, pc, obj, 0, false, v);
                        }
                    }
                    // The fused add-and-store ops: the sum into `dst`, then the
                    // kept `StoreCapture` of cell `idx` as its own step (one
                    // budget unit each, preemptible between them).
                    Op::AddIntStoreCapture { dst, a, b, idx } => {
                        let v = int(&regs[a as usize]).wrapping_add(int(&regs[b as usize]));
                        add_then_store_capture!(dst, v, idx);
                    }
                    Op::AddIntImmStoreCapture { dst, a, imm, idx } => {
                        let v = int(&regs[a as usize]).wrapping_add(imm as i64);
                        add_then_store_capture!(dst, v, idx);
                    }

                    Op::NewCell { dst, src } => {
                        let v = regs[src as usize].clone();
                        if self.race.is_none() {
                            Value::renew_cell(&mut regs[dst as usize], v)
                        } else {
                            // The race detector keys sync clocks by address:
                            // a cell is a new object to it, as in Go.
                            regs[dst as usize] = Value::new_cell(v)
                        }
                    }
                    Op::NewCellInt { dst, val } => {
                        let v = Value::Int(i64::from(val));
                        if self.race.is_none() {
                            Value::renew_cell(&mut regs[dst as usize], v)
                        } else {
                            // A new object to the race detector, as in `NewCell`.
                            regs[dst as usize] = Value::new_cell(v)
                        }
                    }
                    Op::Load { dst, ptr } => {
                        load_through!(dst, ptr);
                    }
                    Op::LoadReturn { dst, ptr } => {
                        // The common case, an int returned to Go code with nothing
                        // to record: `Return { src: dst, n: 1 }`'s common path,
                        // the int going from the cell straight to register 0, the
                        // result's place (`dst`, which only that `Return` reads,
                        // is left as it was). defers benchmark: one dispatch less
                        // per call.
                        if budget != 0 && self.race.is_none() && self.sink.is_none() {
                            if let Some(v) = value::load_int(&regs[ptr as usize]) {
                                if let Some(caller) =
                                    g.frames.return_to_go_caller(&mut g.spare_defers)
                                {
                                    return_int_to_caller!(v, caller);
                                }
                            }
                        }
                        // Otherwise the load alone; the `Return` after it runs as itself.
                        load_through!(dst, ptr);
                    }
                    Op::AddIntReturn { dst, a, b } => {
                        let v = int(&regs[a as usize]).wrapping_add(int(&regs[b as usize]));
                        set_int(&mut regs[dst as usize], v);
                        // The kept `Return { src: dst, n: 1 }`'s common path (a
                        // pop to Go code with no event to emit) without its
                        // dispatch, one budget step; otherwise it runs as itself
                        // (fib benchmark: one dispatch less per call).
                        if budget != 0 && self.sink.is_none() {
                            if let Some(caller) = g.frames.return_to_go_caller(&mut g.spare_defers)
                            {
                                return_int_to_caller!(v, caller);
                            }
                        }
                    }
                    Op::Store { ptr, src } => {
                        // An int into one cell or element, as in `Load`: written
                        // as an int, no clone of the stored value.
                        if let (&Value::Int(v), None) = (&regs[src as usize], &self.race) {
                            if value::store_int(&regs[ptr as usize], v) {
                                continue;
                            }
                        }
                        store_through!(ptr, src);
                    }

                    Op::MakeAgg {
                        dst,
                        base: first,
                        n,
                    } => {
                        let items = regs[first as usize..first as usize + n as usize].to_vec();
                        regs[dst as usize] = Value::agg(items);
                    }
                    Op::CopyAgg { dst, src } => {
                        if self.race.is_some() {
                            if let Value::Agg(store) = &regs[src as usize] {
                                self.race_agg(&mut g.frames, pc, store, false);
                            }
                        }
                        regs[dst as usize] = regs[src as usize].deep_copy()
                    }
                    Op::ShareAgg { dst, src } => {
                        // A stale alias left in `dst` by the previous call would
                        // make the storage look shared: drop it first.
                        if dst != src {
                            Value::put(&mut regs[dst as usize], Value::Nil);
                        }
                        // Under --race the detector must see the copy's reads
                        // exactly as before (and never an alias): always copy.
                        let lent = match &regs[src as usize] {
                            Value::Agg(store)
                                if self.race.is_none() && regs[src as usize].uniquely_owned() =>
                            {
                                Some(Value::Agg(store.clone()))
                            }
                            _ => None,
                        };
                        if let Some(alias) = lent {
                            // `dst` holds Nil now: `put` skips the drop glue.
                            Value::put(&mut regs[dst as usize], alias);
                        } else {
                            if self.race.is_some() {
                                if let Value::Agg(store) = &regs[src as usize] {
                                    self.race_agg(&mut g.frames, pc, store, false);
                                }
                            }
                            regs[dst as usize] = regs[src as usize].deep_copy()
                        }
                    }
                    Op::AssignAgg { dst, src } => match &regs[dst as usize] {
                        Value::Agg(store) => value::assign_agg(store, &regs[src as usize]),
                        _ => regs[dst as usize] = regs[src as usize].deep_copy(),
                    },
                    Op::LoadField { dst, agg, field } => match agg_store(&regs[agg as usize]) {
                        Some(store) => {
                            // An int field (the methods benchmark's): read and
                            // written as an int. `clone` copies a scalar as one
                            // 16-byte load, which waits for the 8-byte store that
                            // last wrote the field (a store-forwarding stall).
                            let int_field = match store.borrow()[field as usize] {
                                Value::Int(v) if self.race.is_none() => Some(v),
                                _ => None,
                            };
                            if let Some(v) = int_field {
                                set_int(&mut regs[dst as usize], v);
                                continue;
                            }
                            let v = store.borrow()[field as usize].clone();
                            if self.race.is_some() {
                                let obj = ObjectRef::Store(store);
                                self.race_access(&mut g.frames, pc, obj, field as u32, false, &v);
                            }
                            Value::put(&mut regs[dst as usize], v);
                        }
                        None => {
                            raise!(panic::nil_deref());
                        }
                    },
                    Op::StoreField { agg, field, src } => match agg_store(&regs[agg as usize]) {
                        Some(store) => {
                            // An int (`p.x += k`), as in `LoadField`: no `Value`
                            // built in a temporary and copied with a wide load.
                            if let (Value::Int(v), None) = (&regs[src as usize], &self.race) {
                                set_int(&mut store.borrow_mut()[field as usize], *v);
                                continue;
                            }
                            let v = regs[src as usize].clone();
                            if self.race.is_some() {
                                let obj = ObjectRef::Store(store);
                                self.race_access(&mut g.frames, pc, obj, field as u32, true, &v);
                            }
                            // `put`: overwriting a scalar field (the usual
                            // `p.x += k`) needs no drop glue call.
                            Value::put(&mut store.borrow_mut()[field as usize], v);
                        }
                        None => {
                            raise!(panic::nil_deref());
                        }
                    },
                    Op::AddrField { dst, agg, field } => match agg_store(&regs[agg as usize]) {
                        Some(store) => {
                            let ptr = match &store.borrow()[field as usize] {
                                Value::Agg(inner) => Value::Ptr(inner.clone(), WHOLE),
                                _ => Value::Ptr(store.clone(), field as u32),
                            };
                            regs[dst as usize] = ptr;
                        }
                        None => {
                            raise!(panic::nil_deref());
                        }
                    },
                    Op::AddrAgg { dst, agg } => match &regs[agg as usize] {
                        // `&x` into the register that held `x` (`mu.Lock()` on a
                        // captured or local struct): the reference moves from
                        // the struct to the pointer, no count goes up and down
                        // and no drop glue is called (goroutines.go: five per
                        // goroutine, 20 instructions each).
                        Value::Agg(_) if dst == agg => {
                            let reg = &mut regs[dst as usize];
                            if let Value::Agg(store) = std::mem::take(reg) {
                                // The `Nil` left by `take` needs no drop.
                                std::mem::forget(std::mem::replace(reg, Value::Ptr(store, WHOLE)));
                            }
                        }
                        Value::Agg(store) => regs[dst as usize] = Value::Ptr(store.clone(), WHOLE),
                        other => bad_value("struct or array", other),
                    },

                    Op::LoadElem { dst, x, i } => {
                        match elem_ref(&regs[x as usize], int(&regs[i as usize])) {
                            Ok((store, at)) => {
                                // An int or bool element with nothing to record: its
                                // payload copied out through the borrow, no
                                // `Value::clone` and no drop of the clone (sieve
                                // benchmark, a `drop_in_place<Value>` per element).
                                let scalar = match (&store.borrow()[at], &self.race) {
                                    (&Value::Int(n), None) => Some(Ok(n)),
                                    (&Value::Bool(b), None) => Some(Err(b)),
                                    _ => None,
                                };
                                match scalar {
                                    Some(Ok(n)) => {
                                        set_int(&mut regs[dst as usize], n);
                                        continue;
                                    }
                                    Some(Err(b)) => {
                                        set_bool(&mut regs[dst as usize], b);
                                        continue;
                                    }
                                    None => {}
                                }
                                let v = store.borrow()[at].clone();
                                if self.race.is_some() {
                                    let obj = ObjectRef::Store(store);
                                    self.race_access(&mut g.frames, pc, obj, at as u32, false, &v);
                                }
                                // An int or bool element into a register of the same
                                // kind (a loop reading a slice) stores the payload
                                // only, as the int arms do.
                                match v {
                                    Value::Int(n) => set_int(&mut regs[dst as usize], n),
                                    Value::Bool(b) => set_bool(&mut regs[dst as usize], b),
                                    v => Value::put(&mut regs[dst as usize], v),
                                }
                            }
                            Err(err) => {
                                raise!(err);
                            }
                        }
                    }
                    Op::StoreElem { x, i, src } => {
                        match elem_ref(&regs[x as usize], int(&regs[i as usize])) {
                            Ok((store, at)) => {
                                let v = regs[src as usize].clone();
                                if self.race.is_some() {
                                    let obj = ObjectRef::Store(store);
                                    self.race_access(&mut g.frames, pc, obj, at as u32, true, &v);
                                }
                                store.borrow_mut()[at] = v;
                            }
                            Err(err) => {
                                raise!(err);
                            }
                        }
                    }
                    // As StoreElem, with the value from the constants: a bool or an
                    // int, which `Value::clone` copies inline and `put` stores
                    // without drop glue.
                    Op::StoreElemConst { x, i, idx } => {
                        match elem_ref(&regs[x as usize], int(&regs[i as usize])) {
                            Ok((store, at)) => {
                                let k = &proto.consts[idx as usize];
                                if self.race.is_some() {
                                    let obj = ObjectRef::Store(store);
                                    self.race_access(&mut g.frames, pc, obj, at as u32, true, k);
                                }
                                // The element usually holds the constant's kind
                                // already (`composite[j] = true` over a []bool):
                                // store the payload, no clone of the constant.
                                match (&mut store.borrow_mut()[at], k) {
                                    (Value::Bool(e), Value::Bool(b)) => *e = *b,
                                    (Value::Int(e), Value::Int(n)) => *e = *n,
                                    (e, k) => Value::put(e, k.clone()),
                                }
                            }
                            Err(err) => {
                                raise!(err);
                            }
                        }
                    }
                    Op::AddrElem { dst, x, i } => {
                        match elem_ref(&regs[x as usize], int(&regs[i as usize])) {
                            Ok((store, at)) => {
                                let ptr = match &store.borrow()[at] {
                                    Value::Agg(inner) => Value::Ptr(inner.clone(), WHOLE),
                                    _ => Value::Ptr(store.clone(), at as u32),
                                };
                                regs[dst as usize] = ptr;
                            }
                            Err(err) => {
                                raise!(err);
                            }
                        }
                    }

                    Op::MakeSlice { dst, args } => {
                        let a = args as usize;
                        match crate::slice::make(int(&regs[a]), &regs[a + 1], &regs[a + 2]) {
                            Ok(v) => regs[dst as usize] = v,
                            Err(crate::slice::MakeError::Memory(refused)) => {
                                sync_pc(&mut g.frames, pc);
                                return self.unspent(budget, self.refusal(g, refused));
                            }
                            Err(crate::slice::MakeError::Panic(err)) => {
                                raise!(err);
                            }
                        }
                    }
                    Op::SliceLit {
                        dst,
                        base: first,
                        n,
                    } => {
                        regs[dst as usize] =
                            Value::slice(regs[first as usize..first as usize + n as usize].to_vec())
                    }
                    Op::Slice { dst, x, bounds } => {
                        let b = bounds as usize;
                        match crate::slice::reslice(
                            &regs[x as usize],
                            &regs[b],
                            &regs[b + 1],
                            &regs[b + 2],
                        ) {
                            Ok(v) => regs[dst as usize] = v,
                            Err(err) => {
                                raise!(err);
                            }
                        }
                    }
                    Op::SliceToArray { dst, src, len, ptr } => {
                        match crate::slice::to_array(&regs[src as usize], len as usize, ptr) {
                            Ok(v) => regs[dst as usize] = v,
                            Err(err) => {
                                raise!(err);
                            }
                        }
                    }
                    Op::NilCheck { ptr } => {
                        if matches!(regs[ptr as usize], Value::Nil) {
                            raise!(panic::nil_deref());
                        }
                    }
                    Op::Append { dst, s, v, elem } => {
                        if self.race.is_some() {
                            self.race_append(&mut g.frames, pc, &regs[s as usize], 1);
                        }
                        let item = regs[v as usize].clone();
                        // Taking the old header when it is overwritten keeps it unique, so
                        // `s = append(s, x)` can grow in place.
                        let s = if s == dst {
                            std::mem::take(&mut regs[s as usize])
                        } else {
                            regs[s as usize].clone()
                        };
                        match crate::slice::append(s, std::slice::from_ref(&item), elem) {
                            Ok(v) => regs[dst as usize] = v,
                            Err(refused) => {
                                sync_pc(&mut g.frames, pc);
                                return self.unspent(budget, self.refusal(g, refused));
                            }
                        }
                    }
                    Op::AppendSlice { dst, s, t, elem } => {
                        if self.race.is_some() {
                            let n = crate::slice::len(&regs[t as usize]) as usize;
                            self.race_append(&mut g.frames, pc, &regs[s as usize], n);
                        }
                        let s = if s == dst {
                            std::mem::take(&mut regs[s as usize])
                        } else {
                            regs[s as usize].clone()
                        };
                        let appended = match &regs[t as usize] {
                            // append(b, str...): the bytes go in without a vector of values.
                            t @ (Value::Str(_) | Value::Short(_)) => {
                                crate::slice::append_bytes(s, t.as_bytes())
                            }
                            t => crate::slice::append(s, &crate::slice::items(t), elem),
                        };
                        match appended {
                            Ok(v) => regs[dst as usize] = v,
                            Err(refused) => {
                                sync_pc(&mut g.frames, pc);
                                return self.unspent(budget, self.refusal(g, refused));
                            }
                        }
                    }
                    Op::AppendStack { dst, s, v, elem } => {
                        if self.race.is_some() {
                            self.race_append(&mut g.frames, pc, &regs[s as usize], 1);
                        }
                        let item = std::mem::take(&mut regs[v as usize]);
                        let items = std::slice::from_ref(&item);
                        if let Err(refused) = crate::stackbuf::run(regs, dst, s, v, items, elem) {
                            sync_pc(&mut g.frames, pc);
                            return self.unspent(budget, self.refusal(g, refused));
                        }
                    }
                    Op::AppendSliceStack { dst, s, t, elem } => {
                        let items = crate::slice::items(&std::mem::take(&mut regs[t as usize]));
                        if self.race.is_some() {
                            self.race_append(&mut g.frames, pc, &regs[s as usize], items.len());
                        }
                        if let Err(refused) = crate::stackbuf::run(regs, dst, s, t, &items, elem) {
                            sync_pc(&mut g.frames, pc);
                            return self.unspent(budget, self.refusal(g, refused));
                        }
                    }
                    Op::MoveToHeap { s, state, elem } => {
                        let mut slice = std::mem::take(&mut regs[s as usize]);
                        crate::stackbuf::move_to_heap(&mut slice, &regs[state as usize], elem);
                        regs[s as usize] = slice;
                    }
                    Op::Len { dst, src } => {
                        let v = crate::slice::len(&regs[src as usize]);
                        set_int(&mut regs[dst as usize], v)
                    }
                    Op::Cap { dst, src } => {
                        let v = crate::slice::cap(&regs[src as usize]);
                        set_int(&mut regs[dst as usize], v)
                    }

                    Op::MakeMap { dst } => regs[dst as usize] = Value::Map(Default::default()),
                    Op::MapGet { dst, m, key } => {
                        if self.race.is_some() {
                            self.race_map(&mut g.frames, pc, &regs[m as usize], false);
                        }
                        if let Value::Map(map) = &regs[m as usize] {
                            let found = map_get(&map.borrow(), &regs[key as usize]);
                            if let Some(v) = found {
                                Value::put(&mut regs[dst as usize], v);
                            }
                        }
                    }
                    Op::MapGetOk { dst, m, key } | Op::MapGetOkInt { dst, m, key } => {
                        if self.race.is_some() {
                            self.race_map(&mut g.frames, pc, &regs[m as usize], false);
                        }
                        let found = match &regs[m as usize] {
                            Value::Map(map) => map_get(&map.borrow(), &regs[key as usize]),
                            _ => None,
                        };
                        let ok = found.is_some();
                        match found {
                            Some(v) => Value::put(&mut regs[dst as usize], v),
                            None if matches!(op, Op::MapGetOkInt { .. }) => {
                                set_int(&mut regs[dst as usize], 0)
                            }
                            None => {}
                        }
                        set_bool(&mut regs[dst as usize + 1], ok);
                        // `if v, ok := m[k]; ok` tests ok right after.
                        pc = after_bool_test(code, pc, dst + 1, ok);
                    }
                    Op::MapSet { m, key, src } => match &regs[m as usize] {
                        Value::Map(_) => {
                            if self.race.is_some() {
                                self.race_map(&mut g.frames, pc, &regs[m as usize], true);
                            }
                            let Value::Map(map) = &regs[m as usize] else {
                                unreachable!("matched a map above")
                            };
                            let v = regs[src as usize].clone();
                            // An int key (the usual map[int]T) is inserted
                            // without building and dropping a key Value.
                            let added = match &regs[key as usize] {
                                Value::Int(k) => map.borrow_mut().insert_int(*k, v),
                                k => map.borrow_mut().insert(k.clone(), v),
                            };
                            if let Err(refused) = added {
                                sync_pc(&mut g.frames, pc);
                                return self.unspent(budget, self.refusal(g, refused));
                            }
                        }
                        _ => {
                            raise!(panic::nil_map_write());
                        }
                    },
                    Op::Clear { x, zero } => {
                        if self.race.is_some() {
                            self.race_clear(&mut g.frames, pc, &regs[x as usize]);
                        }
                        match &regs[x as usize] {
                            Value::Map(map) => map.borrow_mut().clear(),
                            Value::Slice(s) => {
                                let (off, len) = (s.off as usize, s.len as usize);
                                let mut store = s.store.borrow_mut();
                                for slot in &mut store[off..off + len] {
                                    *slot = regs[zero as usize].deep_copy();
                                }
                            }
                            _ => {}
                        }
                    }
                    Op::MapDelete { m, key } => {
                        if self.race.is_some() {
                            self.race_map(&mut g.frames, pc, &regs[m as usize], true);
                        }
                        if let Value::Map(map) = &regs[m as usize] {
                            map.borrow_mut().delete(&regs[key as usize]);
                        }
                    }
                    Op::MapIterStart { dst, m } => {
                        if self.race.is_some() {
                            self.race_map(&mut g.frames, pc, &regs[m as usize], false);
                        }
                        let iter = match &regs[m as usize] {
                            Value::Map(map) => {
                                let map = map.borrow();
                                let n = map.len() as u32;
                                let start = if n == 0 {
                                    0
                                } else {
                                    self.draw(DecisionKind::MapStart, n)
                                };
                                map.iter_from(start as usize)
                            }
                            _ => crate::map::MapIter::default(),
                        };
                        regs[dst as usize] = Value::MapIter(Rc::new(std::cell::RefCell::new(iter)));
                    }
                    Op::MapIterNext { dst, iter, off } => {
                        if self.race.is_some() {
                            self.race_map(&mut g.frames, pc, &regs[iter as usize + 1], false);
                        }
                        let next = match (&regs[iter as usize], &regs[iter as usize + 1]) {
                            (Value::MapIter(it), Value::Map(map)) => {
                                it.borrow_mut().next(&map.borrow())
                            }
                            _ => None,
                        };
                        match next {
                            Some((k, v)) => {
                                regs[dst as usize] = k;
                                regs[dst as usize + 1] = v;
                            }
                            None => pc = (pc as i64 + off as i64) as usize,
                        }
                    }

                    Op::MakeIface { dst, src, ty } => {
                        regs[dst as usize] =
                            Value::iface(RtTypeId(ty as u32), regs[src as usize].clone())
                    }
                    Op::TypeAssert { dst, src, assert } => {
                        let desc = program.asserts[assert as usize];
                        match crate::iface::assert(&program.types, &regs[src as usize], desc.target)
                        {
                            Some(v) => regs[dst as usize] = v,
                            None => {
                                let err = crate::iface::assertion_error(
                                    &program.types,
                                    &regs[src as usize],
                                    desc,
                                );
                                raise!(err);
                            }
                        }
                    }
                    Op::TypeAssertOk { dst, src, assert } => {
                        let desc = program.asserts[assert as usize];
                        let found =
                            crate::iface::assert(&program.types, &regs[src as usize], desc.target);
                        regs[dst as usize + 1] = Value::Bool(found.is_some());
                        if let Some(v) = found {
                            regs[dst as usize] = v;
                        }
                    }

                    Op::Go {
                        base: args,
                        callee,
                        n_args,
                    } => {
                        // Moved, not cloned, as `Defer` moves its callee: the
                        // compiler's temporary, dead after this instruction
                        // (op.rs). The closure of `go func() { ... }()` then
                        // counts its `Rc` neither up here nor down when the
                        // register is next written (goroutines benchmark).
                        // An int left behind, as `Defer` leaves one.
                        let f = std::mem::replace(&mut regs[callee as usize], Value::Int(0));
                        sync_pc(&mut g.frames, pc);
                        let argv = &regs[args as usize..][..n_args as usize];
                        if let Err(stop) = self.go_statement(&g.frames, g.id, f, argv) {
                            return self.unspent(budget, stop);
                        }
                        // The new goroutine changed nothing of this frame:
                        // no reload of it at the top of 'frames (goroutines
                        // benchmark). It is runnable (`spawn` set `shorten` if
                        // the quantum is a long one), so the budget is cut
                        // here as it would be there.
                        stay_in_frame!();
                    }
                    Op::MakeChan { dst, args } => {
                        let a = args as usize;
                        let elem = crate::rtype::RtTypeId(int(&regs[a + 2]) as u32);
                        match self.make_chan(int(&regs[a]), regs[a + 1].clone(), elem) {
                            Ok(c) => regs[dst as usize] = c,
                            Err(err) => {
                                raise!(err);
                            }
                        }
                    }
                    Op::Send { ch, src } => {
                        // Re-executed after a wake-up: nothing else to do, so
                        // the pc is written back only past this check.
                        if let Some(wake) = g.wake.take() {
                            // A receiver took the value while we were parked, or the channel closed.
                            if wake.ok {
                                stay_in_frame!();
                            }
                            raise!(crate::chan::send_on_closed());
                        }
                        sync_pc(&mut g.frames, pc);
                        let Value::Chan(c) = &regs[ch as usize] else {
                            park(g, pc, "chan send (nil chan)");
                            return self.unspent(budget, Stop::Blocked);
                        };
                        if self.race.is_some() {
                            self.race_chan(&mut g.frames, pc, c, false);
                        }
                        if c.state.borrow().closed {
                            match self.raise(g, crate::chan::send_on_closed()) {
                                None => continue 'frames,
                                Some(stop) => return self.unspent(budget, stop),
                            }
                        }
                        let v = regs[src as usize].clone();
                        if let Err(v) = self.try_send(c, v, Some(g.id)) {
                            c.state.borrow_mut().sendq.push_back(crate::chan::Waiter {
                                slot: g.slot,
                                case: 0,
                                value: v,
                            });
                            park(g, pc, "chan send");
                            end_turn!(Stop::Blocked, blocked_in_run);
                        }
                        stay_in_frame!();
                    }
                    Op::Recv { dst, ch } | Op::RecvOk { dst, ch } => {
                        let with_ok = matches!(op, Op::RecvOk { .. });
                        let (v, ok) = match g.wake.take() {
                            // Re-executed after a wake-up: the outcome is all
                            // there is to take (no pc to write back).
                            Some(wake) => (wake.value, wake.ok),
                            None => {
                                sync_pc(&mut g.frames, pc);
                                let Value::Chan(c) = &regs[ch as usize] else {
                                    park(g, pc, "chan receive (nil chan)");
                                    return self.unspent(budget, Stop::Blocked);
                                };
                                match self.recv_or_wait(c, g.id, g.slot) {
                                    Some(got) => got,
                                    None => {
                                        park(g, pc, "chan receive");
                                        end_turn!(Stop::Blocked, blocked_in_run)
                                    }
                                }
                            }
                        };
                        Value::put(&mut regs[dst as usize], v);
                        if with_ok {
                            set_bool(&mut regs[dst as usize + 1], ok);
                        }
                        stay_in_frame!();
                    }
                    Op::Close { ch } => {
                        sync_pc(&mut g.frames, pc);
                        let res = match &regs[ch as usize] {
                            Value::Chan(c) => {
                                let c = c.clone();
                                if self.race.is_some() && !c.state.borrow().closed {
                                    self.race_chan(&mut g.frames, pc, &c, true);
                                }
                                self.close_chan(&c, g.id)
                            }
                            _ => Err(crate::chan::close_of_nil()),
                        };
                        if let Err(err) = res {
                            match self.raise(g, err) {
                                None => continue 'frames,
                                Some(stop) => return self.unspent(budget, stop),
                            }
                        }
                        continue 'frames;
                    }
                    Op::Select {
                        dst,
                        cases,
                        n_send,
                        n_recv,
                        block,
                    } => {
                        sync_pc(&mut g.frames, pc);
                        match self.select(g, base, dst, cases, n_send, n_recv, block) {
                            None => continue 'frames,
                            Some(stop) => return self.unspent(budget, stop),
                        }
                    }

                    // `mu.Lock()`, `mu.Unlock()`, `wg.Add(k)` on a captured
                    // or boxed struct: the load, `AddrAgg`, (`LoadInt`) and
                    // `CallSync` in one dispatch, without the struct's clone
                    // into the register, when the budget covers every step,
                    // nothing watches and the call is done in place;
                    // otherwise the load alone and the kept ops run as
                    // themselves (compile/fuse_sync.rs; goroutines.go: three
                    // per goroutine). One arm for both loads, so one copy of
                    // the tail in `Vm::run`.
                    Op::LoadCaptureCallSync {
                        dst,
                        call,
                        delta,
                        keep,
                        ..
                    }
                    | Op::LoadCallSync {
                        dst,
                        call,
                        delta,
                        keep,
                        ..
                    } => {
                        if budget >= u64::from(call.fused_tail())
                            && self.race.is_none()
                            && self.sink.is_none()
                        {
                            let (sched, wake) = (&mut self.sched, &g.wake);
                            let fused = match *op {
                                Op::LoadCaptureCallSync { idx, .. } => {
                                    let agg = &captured_cell!(idx).borrow()[0];
                                    sync_quick_fused(call, agg, delta, keep, sched, wake)
                                }
                                Op::LoadCallSync { ptr, .. } => match &regs[ptr as usize] {
                                    Value::Ptr(cell, at) if *at != WHOLE => {
                                        let agg = &cell.borrow()[*at as usize];
                                        sync_quick_fused(call, agg, delta, keep, sched, wake)
                                    }
                                    _ => FusedSync::Unfused,
                                },
                                _ => FusedSync::Unfused,
                            };
                            fused_sync_tail!(fused, dst, call, delta);
                        }
                        match *op {
                            Op::LoadCallSync { ptr, .. } => {
                                load_through!(dst, ptr);
                            }
                            Op::LoadCaptureCallSync { idx, .. } => {
                                load_capture!(dst, captured_cell!(idx));
                            }
                            _ => {}
                        }
                    }
                    // `defer wg.Done()` on a captured struct: the deferred
                    // call pushed in one dispatch, its receiver made straight
                    // from the cell, when the budget covers the four steps
                    // and nothing watches; else the `LoadFunc` alone
                    // (compile/fuse_sync.rs; goroutines.go: one per goroutine).
                    Op::LoadFuncDeferCapture {
                        callee,
                        base: receiver,
                        func,
                        idx,
                    } => {
                        if budget >= 3 && self.race.is_none() && self.sink.is_none() {
                            let store = match &captured_cell!(idx).borrow()[0] {
                                Value::Agg(store) => Some(store.clone()),
                                _ => None,
                            };
                            if let Some(store) = store {
                                budget -= 3;
                                pc += 3;
                                // As the `Defer` leaves them (see its arm and
                                // `DeferArgs::take_from`): ints, so that the
                                // `counter++` after `defer wg.Done()` writes its
                                // int into the receiver's register without a call
                                // to `replace_with_int` (goroutines benchmark).
                                Value::put(&mut regs[callee as usize], Value::Int(0));
                                Value::put(&mut regs[receiver as usize], Value::Int(0));
                                let deferred = &program.func_values[func as usize];
                                let (frames, spare) = (&mut g.frames, &mut g.spare_defers);
                                crate::defer::push_defer_of_one(
                                    frames,
                                    spare,
                                    deferred,
                                    store,
                                    &proto,
                                    pc - 1,
                                );
                                continue;
                            }
                        }
                        regs[callee as usize] = program.func_values[func as usize].clone()
                    }
                    // All out of line, the fallback too: the arm's own
                    // code moved `run`'s register allocation (loop +2.5%).
                    Op::MakeClosureGo { dst, proto: idx } => {
                        let (frames, spare) = (&mut g.frames, &mut g.spare_closure);
                        let (id, target) = (g.id, &program.protos[idx as usize]);
                        match self.make_closure_go(frames, spare, id, regs, pc, budget, dst, target)
                        {
                            Ok(went_and_left) => {
                                budget = went_and_left >> 1;
                                pc += (went_and_left & 1) as usize;
                            }
                            Err(stop) => return *stop,
                        }
                    }
                    Op::Panic { src } => {
                        let value = match &regs[src as usize] {
                            Value::Nil => panic::runtime_error(
                                RtTypeId::PANIC_NIL_ERROR,
                                "runtime error: panic called with nil argument".into(),
                            ),
                            v => v.clone(),
                        };
                        raise!(value);
                    }
                    Op::Recover { dst } => {
                        // Nothing panicking (every deferred call run by a normal
                        // return): `recover` is nil and emits nothing, so answer
                        // here instead of leaving and re-entering the frame.
                        if g.panics.is_empty() {
                            Value::put(&mut regs[dst as usize], Value::Nil);
                            pc = after_nil_recover(code, pc, dst);
                            continue;
                        }
                        sync_pc(&mut g.frames, pc);
                        let v = self.recover(g);
                        g.slots[base + dst as usize] = v;
                        continue 'frames;
                    }
                }
            }
        }
    }

    /// The kept `CallSync` of a fused `Lock` (`LoadCaptureCallSync`,
    /// `LoadCallSync`) that found the mutex taken, run from the fused arm:
    /// `budget` is what is left before the `CallSync`'s step (the kept
    /// `AddrAgg` charged), cut first as the top of the `CallSync`'s dispatch
    /// would after a wake-up; the goroutine queues on the mutex, its
    /// receiver register (`at.0`) points at `store` and its pc (`at.1`,
    /// past the `CallSync`) parks it there, so woken, it runs the `CallSync`
    /// again. Then the turn ends as `end_turn!` ends it: the next turn's
    /// budget when `blocked_in_run` switched, else 0 with the unspent
    /// budget taken back (`run` returns `Stop::Blocked`). Kept out of `run`,
    /// even `end_turn!`: that control flow in the fused arm moved `run`'s
    /// register allocation (fib, methods, closures: 1.1-1.3% more); and not
    /// `#[cold]`, which cost fib 0.9% more (count.py).
    #[inline(never)]
    fn park_fused_lock(
        &mut self,
        current: &mut Box<Goroutine>,
        store: Rc<value::Store>,
        at: (usize, usize),
        budget: u64,
    ) -> u64 {
        let (receiver, pc) = at;
        let mut budget = budget;
        if self.sched.shorten {
            budget = u64::from(self.shortened_budget(budget as u32));
        }
        let budget = budget - 1;
        let g: &mut Goroutine = current;
        crate::natives::sync_queue_fused_lock(&mut self.sched, &store, g.slot);
        Value::put(&mut g.slots[receiver], Value::Ptr(store, WHOLE));
        park_inline(g, pc, "sync.Mutex.Lock");
        if self.sched.turns_in_run {
            let next = self.blocked_in_run_inline(current, budget);
            if next != 0 {
                return next;
            }
        }
        self.unspent(budget, Stop::Blocked);
        0
    }

    /// `stop`, after taking the `budget` left unrun back out of `Vm::steps`
    /// (`run` counts its whole budget up front): how each of `run`'s exits
    /// returns.
    #[inline(always)]
    fn unspent(&mut self, budget: u64, stop: Stop) -> Stop {
        self.steps -= budget;
        stop
    }

    /// Pushes a frame for `proto` whose registers start at absolute slot `base`.
    /// Fails with `fatal error: stack overflow` past the frame or slot limit.
    /// Inlined into `run`'s call arms: it is most of the cost of a Go call.
    #[inline(always)]
    pub(crate) fn push_frame(
        &mut self,
        g: &mut Goroutine,
        proto: &Rc<crate::program::FuncProto>,
        closure: Option<Rc<Closure>>,
        base: usize,
        return_to: ReturnTo,
    ) -> Result<(), Stop> {
        self.push_frame_from(g, None, proto, closure, base, return_to)
    }

    /// `push_frame` of an ordinary Go call from the running frame, whose
    /// next instruction `caller_pc` is recorded as `sync_pc` would, in the
    /// same reach into the frame stack as the push (the call arms).
    #[inline(always)]
    fn push_go_call(
        &mut self,
        g: &mut Goroutine,
        caller_pc: usize,
        proto: &Rc<crate::program::FuncProto>,
        closure: Option<Rc<Closure>>,
        base: usize,
    ) -> Result<(), Stop> {
        self.push_frame_from(g, Some(caller_pc), proto, closure, base, ReturnTo::Caller)
    }

    /// `push_frame`, recording `caller_pc` (if any) in the caller's frame
    /// first: before a stack overflow's traceback or a call event, else
    /// with the push itself.
    #[inline(always)]
    fn push_frame_from(
        &mut self,
        g: &mut Goroutine,
        caller_pc: Option<usize>,
        proto: &Rc<crate::program::FuncProto>,
        closure: Option<Rc<Closure>>,
        base: usize,
        return_to: ReturnTo,
    ) -> Result<(), Stop> {
        let top = base + proto.n_slots as usize;
        if top > g.slots.len() {
            if top > MAX_SLOTS {
                if let Some(pc) = caller_pc {
                    sync_pc(&mut g.frames, pc);
                }
                return Err(self.stack_overflow(g));
            }
            grow_slots(&mut g.slots, top);
        }
        // Locals hold no heap value of an earlier frame: `AssignAgg` copies
        // into an `Agg` it finds in its destination, so a stale aggregate of
        // another frame would otherwise be overwritten (and a stale pointer
        // would keep its storage alive). A stale scalar is harmless (the
        // compiler initialises every local before reading it) and is left in
        // place: no drop glue, and the `set_int` that initialises an int
        // local finds an int there and takes its fast path. A function
        // without `AssignAgg` skips the loop (`FuncProto::clear_locals`),
        // as fib's frames do.
        if proto.clear_locals {
            let first_local = (base + proto.n_params as usize).min(top);
            for slot in &mut g.slots[first_local..top] {
                if !slot.is_scalar() {
                    *slot = Value::Nil;
                }
            }
        }
        // Ordinary calls stop FRAME_HEADROOM short of the limit, so a deferred call
        // or a crash-message method can still run while dying.
        let limit = if matches!(return_to, ReturnTo::Caller) {
            MAX_FRAMES
        } else {
            MAX_FRAMES + FRAME_HEADROOM
        };
        if g.frames.depth() >= limit {
            if let Some(pc) = caller_pc {
                sync_pc(&mut g.frames, pc);
            }
            return Err(self.stack_overflow(g));
        }
        if self.sink.is_some() && !proto.wrapper {
            if let Some(pc) = caller_pc {
                sync_pc(&mut g.frames, pc);
            }
            self.emit(Event::Call {
                goroutine: g.id,
                func: proto.name.clone(),
                depth: g.frames.depth() + 1,
                span: proto.user_span(0),
            });
        }
        match caller_pc {
            Some(pc) => g.frames.push_from_caller(pc, proto, closure, base as u32),
            None => g.frames.push(proto, closure, base as u32, return_to),
        }
        Ok(())
    }

    /// Pushes a call of the func value `callee` with `args` above the top frame's registers.
    pub(crate) fn push_call(
        &mut self,
        g: &mut Goroutine,
        callee: Value,
        args: Vec<Value>,
        return_to: ReturnTo,
    ) -> Result<(), Stop> {
        let Value::Func(f) = callee else {
            panic!("gomini bug: push_call of a non-Go function {callee:?}")
        };
        let base = top_of(g);
        let proto = f.proto.clone();
        let closure = if f.cells.is_empty() { None } else { Some(f) };
        self.push_frame(g, &proto, closure, base, return_to)?;
        for (i, a) in args.into_iter().enumerate() {
            g.slots[base + i] = a;
        }
        Ok(())
    }

    /// `RunDefers`' deferred call of `callee(receiver)` (unwatched by a
    /// trace) done in place as `(*WaitGroup).Done`'s `Add(-1)`, when it is
    /// Done, the budget left covers Done's steps (so no preemption falls
    /// inside it), no shortened quantum is pending (the frame's entry
    /// would apply it), its frame, at `base`,
    /// would have been pushed (no stack overflow) and the counter stays
    /// above zero (`quick_done`). The caller then charges `DONE_STEPS`.
    /// Done, the receiver (the record's pointer) is let go here, its count
    /// decremented inline, and an int left in its place, so that the
    /// caller drops nothing (it called `Value`'s drop glue: goroutines.go,
    /// one per goroutine). Under `--race` the detector sees Add's release
    /// (Done's Go code makes no checked access).
    /// Out of line: inlined, its code cost every other program a few tenths
    /// of a percent through `Vm::run`'s register allocation (defers +1.1%).
    #[inline(never)]
    fn done_in_place(
        &mut self,
        budget: u64,
        frames: &crate::frame::FrameStack,
        wake: &mut Option<crate::chan::Wake>,
        callee: &Rc<Closure>,
        receiver: &mut Value,
        base: usize,
    ) -> bool {
        let Some(done) = &self.wait_group_done else {
            return false;
        };
        let done = Rc::ptr_eq(&callee.proto, done)
            && budget >= crate::natives::DONE_STEPS
            && !self.sched.shorten
            && base + done.n_slots as usize <= MAX_SLOTS
            && frames.depth() < MAX_FRAMES + FRAME_HEADROOM
            && crate::natives::sync_quick_done(receiver);
        if done {
            // What Done's `CallSync` does with a wake-up.
            crate::natives::sync_clear_wake(wake);
            // `quick_done` answered for a pointer only.
            if let Value::Ptr(store, _) = std::mem::replace(receiver, Value::Int(0)) {
                if self.race.is_some() {
                    self.race_wait_group_done(&store);
                }
                drop(store);
            } else {
                unreachable!("Done's receiver is a pointer");
            }
        }
        done
    }

    /// Starts a deferred call: `Ok(true)` when a frame was pushed, `Ok(false)`
    /// when it ran at once (a native), `Err` when it panicked or the program stops.
    pub(crate) fn start_deferred(
        &mut self,
        g: &mut Goroutine,
        record: DeferRecord,
        return_to: ReturnTo,
    ) -> Result<bool, Option<Stop>> {
        if self.sink.is_some() {
            let panicking = matches!(return_to, ReturnTo::DeferInPanic(_));
            self.emit_defer_started(g, &record.callee, record.span, panicking);
        }
        match record.callee {
            Value::Func(_) => self
                .push_call(g, record.callee, record.args.into_vec(), return_to)
                .map(|_| true)
                .map_err(Some),
            Value::Native(id) => {
                let base = top_of(g);
                let n = record.args.len();
                if g.slots.len() < base + n.max(1) {
                    g.slots.resize(base + n.max(1), Value::Nil);
                }
                for (i, a) in record.args.iter().enumerate() {
                    g.slots[base + i] = a.clone();
                }
                match self.call_native(g, id, base, n, Vec::new()) {
                    NativeStep::Done => {
                        if self.sink.is_some() {
                            self.emit_defer_finished(g);
                        }
                        Ok(false)
                    }
                    NativeStep::Pushed => Ok(true),
                    NativeStep::Stopped(Some(Stop::Blocked)) => {
                        // A deferred `wg.Wait()` parked: put the record back so
                        // `RunDefers` (where the pc is) calls it again when woken.
                        // FIXME: during a panic or Goexit there is no instruction
                        // to re-execute; the unwinding resumes only by chance.
                        let frame = g.frames.last_mut().expect("deferring frame");
                        frame.pc += 1;
                        frame.defers.push(record, &mut g.spare_defers);
                        Err(Some(Stop::Blocked))
                    }
                    NativeStep::Stopped(stop) => Err(stop),
                }
            }
            // A deferred nil func panics when it would run, as in Go.
            _ => {
                if matches!(return_to, ReturnTo::DeferOnReturn) {
                    // `RunDefers` left the pc on itself: past it, the trace
                    // shows the frame at that `RunDefers`, where Go's is.
                    g.frames.last_mut().expect("deferring frame").pc += 1;
                }
                Err(self.raise(g, panic::nil_deref()))
            }
        }
    }

    /// Calls native `id` with arguments at absolute slots `base..base+n_args`.
    fn call_native(
        &mut self,
        g: &mut Goroutine,
        id: NativeId,
        base: usize,
        n_args: usize,
        results: Vec<Value>,
    ) -> NativeStep {
        let race = match self.race.is_some() {
            true => {
                if self.sink.is_none() {
                    match self.race_sync_in_place(g, id, base, n_args) {
                        Some(SyncInPlace::Done) => return NativeStep::Done,
                        Some(SyncInPlace::Parked) => {
                            return NativeStep::Stopped(Some(Stop::Blocked))
                        }
                        None => {}
                    }
                }
                self.race_native_before(g, id, base, n_args)
            }
            false => None,
        };
        let program = self.program.clone();
        let out = {
            let mut ctx = NativeCtx {
                program: &program,
                stdout: &mut self.stdout,
                stderr: &mut self.stderr,
                results: &results,
                sched: &mut self.sched,
                slot: g.slot,
                wake: g.wake.take(),
            };
            crate::natives::call(id, &mut ctx, &g.slots[base..base + n_args])
        };
        if let Some(pending) = race {
            match &out {
                NativeOut::Ret0 => self.race_native_after(pending, &Value::Nil),
                NativeOut::Ret(v) => self.race_native_after(pending, v),
                NativeOut::RetN(vs) => self.race_native_after(pending, &vs[0]),
                NativeOut::Ret2(v, _) => self.race_native_after(pending, v),
                _ => {}
            }
        }
        if self.stdout.len() + self.stderr.len() > self.output_check_at {
            if let Some(stop) = self.output_check() {
                return NativeStep::Stopped(Some(stop));
            }
        }
        if self.sink.is_some() {
            self.emit_lock_event(g, id, base, n_args, &out);
            self.emit_woken(g.id);
        }
        match out {
            NativeOut::Ret0 => NativeStep::Done,
            NativeOut::Ret(v) => {
                g.slots[base] = v;
                NativeStep::Done
            }
            NativeOut::RetN(vs) => {
                // A deferred or statement call may reserve fewer slots than
                // results; those results are unused, so they are dropped.
                for (slot, v) in g.slots[base..].iter_mut().zip(vs) {
                    *slot = v;
                }
                NativeStep::Done
            }
            NativeOut::Ret2(first, second) => {
                // As `RetN`: a call may reserve fewer slots than results.
                if let Some(slot) = g.slots.get_mut(base) {
                    *slot = first;
                }
                if let Some(slot) = g.slots.get_mut(base + 1) {
                    *slot = second;
                }
                NativeStep::Done
            }
            NativeOut::Call {
                callee,
                args,
                catch_panic,
            } => {
                let resume = NativeResume {
                    native: id,
                    base: base as u32,
                    n_args: n_args as u8,
                    results,
                    catch_panic,
                };
                match self.push_call(g, callee, args, ReturnTo::Native(Box::new(resume))) {
                    Ok(()) => NativeStep::Pushed,
                    Err(stop) => NativeStep::Stopped(Some(stop)),
                }
            }
            NativeOut::Panic(v) => NativeStep::Stopped(self.raise(g, v)),
            NativeOut::Exit(code) => NativeStep::Stopped(Some(Stop::Exit(code))),
            NativeOut::Park(reason) => {
                // The call re-executes when the goroutine is woken (op.rs, Notes).
                g.wait = Some(reason);
                let frame = g.frames.last_mut().expect("calling frame");
                frame.pc -= 1;
                NativeStep::Stopped(Some(Stop::Blocked))
            }
            NativeOut::Yield => NativeStep::Stopped(Some(Stop::Yielded)),
            NativeOut::Goexit => NativeStep::Stopped(self.goexit_unwind(g)),
            NativeOut::Fatal(msg) => NativeStep::Stopped(Some(self.sync_fatal(g, msg))),
            NativeOut::Refused(refused) => NativeStep::Stopped(Some(self.refusal(g, refused))),
            NativeOut::CloseChan(c) => match self.close_chan(&c, g.id) {
                Ok(()) => NativeStep::Done,
                Err(v) => NativeStep::Stopped(self.raise(g, v)),
            },
        }
    }

    /// A `lock`/`unlock` event when native `id` just locked or unlocked a mutex.
    #[cold]
    fn emit_lock_event(
        &mut self,
        g: &Goroutine,
        id: NativeId,
        base: usize,
        n_args: usize,
        out: &NativeOut,
    ) {
        let args = &g.slots[base..base + n_args];
        if let Some((lock, mutex)) = crate::natives::lock_effect(id, args, out) {
            let goroutine = g.id;
            self.emit(if lock {
                Event::Lock { goroutine, mutex }
            } else {
                Event::Unlock { goroutine, mutex }
            });
        }
    }

    /// Calls again the native that asked for a Go call, with that call's `result`.
    pub(crate) fn resume_native(
        &mut self,
        g: &mut Goroutine,
        resume: NativeResume,
        result: Value,
    ) -> Option<Stop> {
        let NativeResume {
            native,
            base,
            n_args,
            mut results,
            ..
        } = resume;
        results.push(result);
        match self.call_native(g, native, base as usize, n_args as usize, results) {
            NativeStep::Done | NativeStep::Pushed => None,
            NativeStep::Stopped(stop) => stop,
        }
    }

    /// A frame with a special `ReturnTo` returned; its results start at absolute slot `base`.
    #[cold]
    fn after_special_return(
        &mut self,
        g: &mut Goroutine,
        return_to: ReturnTo,
        base: usize,
    ) -> Option<Stop> {
        match return_to {
            ReturnTo::Caller | ReturnTo::DeferOnReturn => None,
            ReturnTo::DeferInGoexit => self.goexit_unwind(g),
            ReturnTo::DeferInPanic(pid) => self.after_panic_defer(g, pid),
            ReturnTo::Native(resume) => {
                let result = std::mem::take(&mut g.slots[base]);
                self.resume_native(g, *resume, result)
            }
            ReturnTo::PanicMessage(idx) => {
                let result = std::mem::take(&mut g.slots[base]);
                self.after_panic_message(g, idx, result)
            }
        }
    }
}

/// Parks `g` on the instruction before `pc` (it re-executes when woken)
/// with Go's wait reason; its turn then ends with `Stop::Blocked`.
#[cold]
fn park(g: &mut Goroutine, pc: usize, reason: &'static str) {
    park_inline(g, pc, reason);
}

/// `park`, inlined where parking is the common path (`park_fused_lock`).
#[inline(always)]
fn park_inline(g: &mut Goroutine, pc: usize, reason: &'static str) {
    g.frames.last_mut().expect("running frame").pc = pc as u32 - 1;
    g.wait = Some(reason);
}

/// Writes the pc back into the running frame before anything that can panic,
/// call or yield, so traces and `recover` see where the goroutine is.
#[inline]
fn sync_pc(frames: &mut crate::frame::FrameStack, pc: usize) {
    frames.set_pc(pc);
}

/// Grows the register file geometrically to hold at least `top` slots.
#[cold]
#[inline(never)]
pub(crate) fn grow_slots(slots: &mut Vec<Value>, top: usize) {
    // A goroutine's first frame gets exactly its registers: a parked goroutine
    // keeps them (parked.go: 1M goroutines; a floor of 64 registers cost 1 KB
    // each). Deeper calls double.
    let len = if slots.is_empty() {
        top
    } else {
        top.max(slots.len() * 2)
    };
    slots.resize(len, Value::Nil);
}

/// The pc after a fused test (`IfLtInt` ...): past the following `Jump` when
/// the comparison holds; otherwise that `Jump`'s target, which the test holds
/// as `off` when it fit, or else reads from the `Jump` (`off` 0).
#[inline(always)]
fn after_test(code: &[Op], pc: usize, holds: bool, off: isize) -> usize {
    if holds {
        return pc + 1;
    }
    if off != 0 {
        return pc.wrapping_add_signed(off);
    }
    match code.get(pc) {
        Some(Op::Jump { off }) => (pc as i64 + 1 + *off as i64) as usize,
        _ => pc,
    }
}

/// The pc after an op that wrote bool `v` to register `dst`: when the next
/// instruction is a `JumpIfNot` on `dst` (`if s == "x"`, `if v, ok := m[k]; ok`),
/// that jump is taken here, as the If* tests take theirs (it only reads a
/// register, so no switch point between shared accesses is lost).
#[inline(always)]
fn after_bool_test(code: &[Op], pc: usize, dst: Reg, v: bool) -> usize {
    match code.get(pc) {
        Some(&Op::JumpIfNot { cond, off }) if cond == dst => match v {
            true => pc + 1,
            false => (pc as i64 + 1 + off as i64) as usize,
        },
        _ => pc,
    }
}

/// The pc after a `recover()` that answered nil into `dst`: the
/// `if e := recover(); e != nil` (or `== nil`) test that most often follows is
/// decided, so it (and the `Jump` after an `IfNotNil`) is taken here, as
/// `after_bool_test` takes a `JumpIfNot`: a dispatch saved on every deferred
/// call that returns normally (defers benchmark). It only reads a register.
#[inline(always)]
fn after_nil_recover(code: &[Op], pc: usize, dst: Reg) -> usize {
    match code.get(pc) {
        Some(&Op::IfNotNil { a }) if a == dst => after_test(code, pc + 1, false, 0),
        Some(&Op::IfNil { a }) if a == dst => pc + 2,
        _ => pc,
    }
}

/// The first free slot above the top frame's registers.
fn top_of(g: &Goroutine) -> usize {
    g.frames
        .last()
        .map_or(0, |f| f.base as usize + f.proto.n_slots as usize)
}

/// Writes an int result. When the register already holds an int (the common
/// case in loops) only the payload is stored: no drop check and no 16-byte
/// store that the next instruction's 8-byte load would have to forward from.
#[inline(always)]
fn set_int(slot: &mut Value, v: i64) {
    if let Value::Int(x) = slot {
        *x = v;
    } else {
        replace_with_int(slot, v);
    }
}

#[inline(always)]
fn set_bool(slot: &mut Value, v: bool) {
    if let Value::Bool(x) = slot {
        *x = v;
    } else {
        replace_with_bool(slot, v);
    }
}

/// `m[key]`'s value (cloned) if present; an int key takes the map's int
/// path, without matching the key's kind inside the general lookup.
#[inline(always)]
fn map_get(map: &crate::map::MapVal, key: &Value) -> Option<Value> {
    match key {
        Value::Int(k) => map.get_int(*k),
        key => map.get(key),
    }
}

#[inline(always)]
fn set_float(slot: &mut Value, v: f64) {
    if let Value::Float(x) = slot {
        *x = v;
    } else {
        replace_with_float(slot, v);
    }
}

/// The slow path of `set_int` and friends, out of line so the fast path stays
/// a tag compare and an 8-byte store (measured: sharing one inlined 16-byte
/// store tail between arms cost 45% of the integer loop in store-forwarding stalls).
/// A slot that held a scalar of another kind (a register reused by the next
/// call's frame) needs no drop glue either: only a heap-backed value does.
///
/// One per kind, taking the payload rather than a built `Value`: a `Value`
/// argument is passed in memory, written by the caller as a tag and a payload
/// and read back here as 16 bytes, a store-forwarding stall on every call.
/// A register that alternates between an int and a bool (strings.go's range
/// loop: the unused index copy, then `w == "delta"`) paid it twice an
/// iteration: 7.5% of that program's time.
#[cold]
#[inline(never)]
fn replace_with_int(slot: &mut Value, v: i64) {
    Value::put(slot, Value::Int(v))
}

/// `replace_with_int` for a bool.
#[cold]
#[inline(never)]
fn replace_with_bool(slot: &mut Value, v: bool) {
    Value::put(slot, Value::Bool(v))
}

/// `replace_with_int` for a float.
#[cold]
#[inline(never)]
fn replace_with_float(slot: &mut Value, v: f64) {
    Value::put(slot, Value::Float(v))
}

#[inline(always)]
fn int(v: &Value) -> i64 {
    match v {
        Value::Int(i) => *i,
        other => not_an_int(other),
    }
}

#[inline(always)]
fn float(v: &Value) -> f64 {
    match v {
        Value::Float(f) => *f,
        other => not_a_float(other),
    }
}

// The failure paths of `int`/`float` take only the slot: with `bad_value`'s
// message argument inlined into every arm, LLVM loaded that string's address
// and length ahead of each tag check (two instructions per int read on the
// hot path).
#[cold]
#[inline(never)]
fn not_an_int(got: &Value) -> ! {
    bad_value("int", got)
}

#[cold]
#[inline(never)]
fn not_a_float(got: &Value) -> ! {
    bad_value("float", got)
}

/// The four divisions, with b != 0 already checked.
fn divide(op: Op, a: i64, b: i64) -> i64 {
    match op {
        Op::DivInt { .. } => a.wrapping_div(b),
        Op::RemInt { .. } => a.wrapping_rem(b),
        Op::DivUint { .. } => ((a as u64) / (b as u64)) as i64,
        _ => ((a as u64) % (b as u64)) as i64,
    }
}

/// The three shifts with a non-negative count; counts >= 64 shift everything out.
fn shift(op: Op, a: i64, n: i64) -> i64 {
    match op {
        Op::Shl { .. } if n >= 64 => 0,
        Op::Shl { .. } => a << n,
        Op::ShrInt { .. } => a >> n.min(63),
        _ if n >= 64 => 0,
        _ => ((a as u64) >> n) as i64,
    }
}

/// 2^63 as a float64.
const TWO_POW_63: f64 = 9_223_372_036_854_775_808.0;

/// float64 -> int64 as amd64 does it: out-of-range and NaN give MinInt64.
fn float_to_int(f: f64) -> i64 {
    // 2^63 is exactly representable; the valid range is [-2^63, 2^63).
    if f.is_nan() || !(-TWO_POW_63..TWO_POW_63).contains(&f) {
        i64::MIN
    } else {
        f as i64
    }
}

fn float_to_uint(f: f64) -> u64 {
    if f < TWO_POW_63 {
        float_to_int(f) as u64
    } else if f < 1.8446744073709552e19 {
        f as u64
    } else {
        1 << 63
    }
}

/// The storage of a struct value, or of the struct a pointer points at (`None` for nil).
#[inline]
fn agg_store(v: &Value) -> Option<&Rc<value::Store>> {
    match v {
        Value::Agg(store) | Value::Ptr(store, WHOLE) => Some(store),
        Value::Nil => None,
        other => bad_value("struct or pointer to struct", other),
    }
}

/// The cells a new closure of `target` captures (`MakeClosure`,
/// `DeferClosure`): the running frame's boxed locals in `regs` and the
/// running closure's own cells.
#[inline(always)]
pub(crate) fn closure_cells(
    target: &FuncProto,
    regs: &[Value],
    closure: &Option<Rc<Closure>>,
) -> value::Cells {
    // Up to three captures (one is the common case) without an iterator
    // or an allocation (goroutines benchmark: three per goroutine). Not
    // through a closure: LLVM called one out of line for each capture.
    let (r, c) = (regs, closure);
    match target.captures.as_slice() {
        [only] => value::Cells::one(captured_cell(only, r, c)),
        [a, b] => value::Cells::up_to_three(captured_cell(a, r, c), captured_cell(b, r, c), None),
        [a, b, third] => {
            let third = Some(captured_cell(third, r, c));
            value::Cells::up_to_three(captured_cell(a, r, c), captured_cell(b, r, c), third)
        }
        all => all
            .iter()
            .map(|capture| captured_cell(capture, r, c))
            .collect(),
    }
}

/// `closure_cells` written into cleared cells (see `Cells::fill_cleared`).
#[inline(always)]
pub(crate) fn fill_closure_cells(
    cells: &mut value::Cells,
    target: &FuncProto,
    regs: &[Value],
    closure: &Option<Rc<Closure>>,
) {
    // Every capture's cell is found before any is counted up: a clone
    // made before a later capture's check (which can panic) was kept on
    // the stack for the unwinding path's drop.
    let (r, c) = (regs, closure);
    let cell = captured_cell_ref;
    match target.captures.as_slice() {
        [] => {}
        [only] => cells.fill_cleared(cell(only, r, c).clone(), None, None),
        [a, b] => {
            let (a, b) = (cell(a, r, c), cell(b, r, c));
            cells.fill_cleared(a.clone(), Some(b.clone()), None)
        }
        [a, b, third] => {
            let (a, b, third) = (cell(a, r, c), cell(b, r, c), cell(third, r, c));
            cells.fill_cleared(a.clone(), Some(b.clone()), Some(third.clone()))
        }
        _ => *cells = closure_cells(target, regs, closure),
    }
}

/// The cell a capture names (see `captured_cell`), not yet counted up,
/// with `cell_of`'s test written in place, for `fill_closure_cells` (out
/// of `Vm::run`, where an inlined `cell_of` would widen the `MakeClosure`
/// arm): three calls per goroutine through the GOT cost 11 instructions
/// each and their call sites as many again (goroutines benchmark).
#[inline(always)]
fn captured_cell_ref<'a>(
    capture: &Capture,
    regs: &'a [Value],
    closure: &'a Option<Rc<Closure>>,
) -> &'a Rc<value::Store> {
    match capture {
        Capture::Local(r) => match &regs[*r as usize] {
            Value::Ptr(store, 0) => store,
            other => bad_value("cell pointer", other),
        },
        Capture::Outer(i) => &closure.as_ref().expect("closure frame").cells[*i as usize],
    }
}

/// The cell one capture of a new closure shares. Always inline: as a
/// closure inside `closure_cells`, LLVM called it once per capture
/// (goroutines benchmark, three captures per goroutine).
#[inline(always)]
fn captured_cell(
    capture: &Capture,
    regs: &[Value],
    closure: &Option<Rc<Closure>>,
) -> Rc<value::Store> {
    match capture {
        Capture::Local(r) => cell_of(&regs[*r as usize]),
        Capture::Outer(i) => closure.as_ref().expect("closure frame").cells[*i as usize].clone(),
    }
}

/// The cell a captured variable's register points at.
fn cell_of(v: &Value) -> Rc<value::Store> {
    match v {
        Value::Ptr(store, 0) => store.clone(),
        other => bad_value("cell pointer", other),
    }
}

/// The storage and absolute index of element `i` of an array, pointer to array or slice.
/// Always inlined: with the slice test first LLVM stopped inlining it, and a
/// call returning its pair through the stack cost sieve 9%.
#[inline(always)]
fn elem_ref(x: &Value, i: i64) -> Result<(&Rc<value::Store>, usize), Value> {
    // A slice, the common case (sieve's `composite[j]`), tested on its own:
    // in the `match` below LLVM dispatched on the tag through a jump table,
    // six instructions per element access instead of a compare and a branch.
    if let Value::Slice(s) = x {
        if i < 0 || i as u64 >= u64::from(s.len) {
            return Err(panic::index_error(i, s.len as usize));
        }
        return Ok((&s.store, s.off as usize + i as usize));
    }
    let (store, off, len) = match x {
        Value::Agg(store) | Value::Ptr(store, WHOLE) => (store, 0, store.borrow().len()),
        Value::Slice(s) => (&s.store, s.off as usize, s.len as usize),
        Value::Nil => return Err(panic::index_error(i, 0)),
        other => not_indexable(other),
    };
    if i < 0 || i as usize >= len {
        return Err(panic::index_error(i, len));
    }
    Ok((store, off + i as usize))
}

/// `elem_ref`'s failure path, with one argument for the reason `not_an_int` has.
#[cold]
#[inline(never)]
fn not_indexable(got: &Value) -> ! {
    bad_value("array or slice", got)
}

#[cold]
fn string_bounds_error(lo: i64, hi: i64, len: usize) -> Value {
    if hi < 0 || hi as usize > len {
        panic::slice_error(format!("[:{hi}] with length {len}"))
    } else {
        panic::slice_error(format!("[{lo}:{hi}]"))
    }
}

fn concat(a: &Value, b: &Value) -> Result<Value, crate::limits::Refused> {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut res = crate::limits::try_vec(a.len() + b.len())?;
    res.extend_from_slice(a);
    res.extend_from_slice(b);
    Ok(Value::str(res))
}

fn rune_to_string(r: i64) -> Value {
    let c = u32::try_from(r)
        .ok()
        .and_then(char::from_u32)
        .unwrap_or('\u{FFFD}');
    Value::str(c.to_string())
}

fn bytes_to_string(v: &Value) -> Value {
    match v {
        // Read straight from the backing store (no intermediate vector of values).
        Value::Slice(s) => Value::str(
            s.store.borrow()[s.off as usize..(s.off + s.len) as usize]
                .iter()
                .map(|b| int(b) as u8)
                .collect::<Vec<u8>>(),
        ),
        v => Value::str(
            crate::slice::items(v)
                .iter()
                .map(|b| int(b) as u8)
                .collect::<Vec<u8>>(),
        ),
    }
}

fn string_to_bytes(s: &[u8]) -> Value {
    if s.is_empty() {
        return Value::Slice(Rc::new(SliceVal {
            store: Rc::default(),
            off: 0,
            len: 0,
            cap: 0,
        }));
    }
    Value::slice(s.iter().map(|b| Value::Int(*b as i64)).collect())
}

/// Decodes one rune as Go's `for range` over a string does: invalid UTF-8 gives (U+FFFD, 1).
pub fn decode_rune(bytes: &[u8]) -> (u32, usize) {
    let n = match bytes.first() {
        None => return (0xFFFD, 0),
        Some(b) if *b < 0x80 => return (*b as u32, 1),
        Some(b) if b >> 5 == 0b110 => 2,
        Some(b) if b >> 4 == 0b1110 => 3,
        Some(b) if b >> 3 == 0b11110 => 4,
        Some(_) => return (0xFFFD, 1),
    };
    match bytes.get(..n).and_then(|s| std::str::from_utf8(s).ok()) {
        Some(s) => (s.chars().next().map_or(0xFFFD, |c| c as u32), n),
        None => (0xFFFD, 1),
    }
}
