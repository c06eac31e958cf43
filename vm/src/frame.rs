//! A call frame: one activation of a Go function on a goroutine's heap frame stack.

use std::rc::Rc;

use crate::defer::DeferChain;
use crate::natives::NativeId;
use crate::program::FuncProto;
use crate::value::{Closure, Value};

/// One activation. Lives in `Goroutine::frames` (a `FrameStack`); never on the Rust stack.
#[derive(Debug)]
pub struct Frame {
    /// The running function. Set by the call; read by `run` when it (re)enters the frame.
    /// Left in place when the frame returns (see `FrameStack`).
    pub proto: Rc<FuncProto>,
    /// The closure's cells, for `LoadCapture`/`StoreCapture`; `None` for a
    /// plain function, and for the top frame, whose closure is
    /// `FrameStack::top_closure` (see there). Private: only the stack moves it.
    closure: Option<Rc<Closure>>,
    /// The next instruction to run. Written by `sync_pc` before anything that
    /// can call, panic, block or yield; read when the frame resumes and by
    /// stack traces (which show `pc - 1`, the instruction in progress).
    pub pc: u32,
    /// Index in `Goroutine::slots` of register 0.
    pub base: u32,
    /// This frame's deferred calls, run LIFO by `RunDefers` (normal return) or
    /// by the unwinder (panic, Goexit). Pushed by `Defer`; empty when the frame returns.
    pub defers: DeferChain,
    /// What happens when this frame returns: read only by `Return`.
    pub return_to: ReturnTo,
    /// The race detector's stack node of this frame (race/stacks.rs); 0 until it needs one.
    pub race_node: u32,
}

/// A goroutine's call stack: the live frames are `frames[..depth]`, and it
/// derefs to that slice (`last`, `len`, `iter`, indexing).
///
/// The frames above `depth` are frames that returned, kept allocated so that
/// a call writes its fields into an existing `Frame` rather than pushing a new
/// one: `Vec::push` made LLVM build the 56-byte frame in a stack temporary
/// with narrow stores and copy it with wide loads, a store-forwarding stall on
/// every call (a fifth of fib's `Vm::run` samples in `perf annotate`). A
/// returned frame keeps only its `proto` (so a call of the same function at
/// the same depth, as recursion and a call in a loop make, touches no
/// reference count); its closure, defer chain and `return_to` are taken when
/// it returns, so it holds no value of the finished call.
pub struct FrameStack {
    frames: Vec<Frame>,
    depth: usize,
    /// The closure of the top frame (`None` for a plain function or no
    /// frame), held here rather than in its record: the one owner of that
    /// `Rc`, which `Vm::run` reads in place for `LoadCapture` and the other
    /// capture ops. A push moves it into the caller's record and a pop moves
    /// the caller's back, so a closure call counts its `Rc` up once (the
    /// clone from the func value) and down once (its return), where a frame
    /// owning it and `run` holding a clone of the running frame's counted it
    /// twice each way (closures benchmark).
    top_closure: Option<Rc<Closure>>,
}

impl Default for FrameStack {
    fn default() -> Self {
        FrameStack {
            // Most goroutines never call deeper than a few frames; start with one.
            frames: Vec::with_capacity(1),
            depth: 0,
            top_closure: None,
        }
    }
}

impl FrameStack {
    /// Makes a frame for a call of `proto` with registers from absolute slot
    /// `base` the running one.
    #[inline(always)]
    pub fn push(
        &mut self,
        proto: &Rc<FuncProto>,
        closure: Option<Rc<Closure>>,
        base: u32,
        return_to: ReturnTo,
    ) {
        self.park_top_closure(closure);
        if let Some(frame) = self.frames.get_mut(self.depth) {
            reuse(frame, proto, base, return_to);
        } else {
            self.grow(proto, base, return_to);
        }
        self.depth += 1;
    }

    /// `push` of a new goroutine's first frame (base 0, `ReturnTo::Caller`)
    /// on its empty stack: no caller's closure to park and no old
    /// `top_closure` to drop (`Vm::start_go_func`, once per `go`).
    #[inline(always)]
    pub fn push_entry(&mut self, proto: &Rc<FuncProto>, closure: Option<Rc<Closure>>) {
        debug_assert!(self.depth == 0 && self.top_closure.is_none());
        // An empty stack's `top_closure` is `None`: nothing is leaked.
        std::mem::forget(std::mem::replace(&mut self.top_closure, closure));
        match self.frames.first_mut() {
            Some(frame) => reuse(frame, proto, 0, ReturnTo::Caller),
            None => self.grow(proto, 0, ReturnTo::Caller),
        }
        self.depth = 1;
    }

    /// The running frame's closure (see `top_closure`).
    #[inline(always)]
    pub fn top_closure(&self) -> &Option<Rc<Closure>> {
        &self.top_closure
    }

    /// The closure of live frame `i` (0 is the goroutine's first), wherever it is held.
    pub fn closure(&self, i: usize) -> &Option<Rc<Closure>> {
        if i + 1 == self.depth {
            &self.top_closure
        } else {
            &self[i].closure
        }
    }

    /// `closure(i)`, to replace (the REPL moving a goroutine into a new program).
    pub fn closure_mut(&mut self, i: usize) -> &mut Option<Rc<Closure>> {
        if i + 1 == self.depth {
            &mut self.top_closure
        } else {
            &mut self[i].closure
        }
    }

    /// Makes `closure` the closure of the frame just pushed without one (a
    /// call of a func value: `CallValue`, a deferred closure), and hands
    /// back the frame stack's reference to it.
    #[inline(always)]
    pub fn enter_closure(&mut self, closure: Rc<Closure>) -> &Rc<Closure> {
        debug_assert!(self.top_closure.is_none());
        self.top_closure.insert(closure)
    }

    /// Before a push: the top frame's closure into its record, `closure`
    /// (the pushed frame's) in its place.
    #[inline(always)]
    fn park_top_closure(&mut self, closure: Option<Rc<Closure>>) {
        let caller = std::mem::replace(&mut self.top_closure, closure);
        if let Some(frame) = self.frames.get_mut(self.depth.wrapping_sub(1)) {
            // A running frame's record holds no closure: forgotten, not dropped.
            debug_assert!(frame.closure.is_none());
            std::mem::forget(std::mem::replace(&mut frame.closure, caller));
        }
    }

    /// After a pop: the new top frame's closure out of its record into
    /// `top_closure`; the popped frame's closure is handed back.
    #[inline(always)]
    fn unpark_top_closure(&mut self) -> Option<Rc<Closure>> {
        let caller = match self.frames.get_mut(self.depth.wrapping_sub(1)) {
            Some(frame) => frame.closure.take(),
            None => None,
        };
        std::mem::replace(&mut self.top_closure, caller)
    }

    /// `set_pc(caller_pc)` then `push` of an ordinary Go call
    /// (`ReturnTo::Caller`), the caller's and the callee's records reached
    /// with one bounds check: a call arm's separate `set_pc` indexed the
    /// stack again (closures, fib, methods benchmarks).
    #[inline(always)]
    pub fn push_from_caller(
        &mut self,
        caller_pc: usize,
        proto: &Rc<FuncProto>,
        closure: Option<Rc<Closure>>,
        base: u32,
    ) {
        let depth = self.depth;
        if depth != 0 && depth < self.frames.len() {
            let (below, above) = self.frames.split_at_mut(depth);
            let caller = &mut below[depth - 1];
            caller.pc = caller_pc as u32;
            // The caller's closure into its record (see `park_top_closure`).
            debug_assert!(caller.closure.is_none());
            let caller_closure = std::mem::replace(&mut self.top_closure, closure);
            std::mem::forget(std::mem::replace(&mut caller.closure, caller_closure));
            let frame = &mut above[0];
            // A returned frame's `return_to` is already `Caller` (see
            // `reuse`): not written again.
            debug_assert!(matches!(frame.return_to, ReturnTo::Caller));
            reuse_keeping_return_to(frame, proto, base);
            self.depth = depth + 1;
        } else {
            self.set_pc(caller_pc);
            self.push(proto, closure, base, ReturnTo::Caller);
        }
    }

    /// Ends the running frame as `pop_to_go_caller` does and hands back the
    /// frame returned to: `None` when the frame does not return to Go
    /// code, `Some(None)` when it was the goroutine's last. The caller's
    /// record is found from the index just popped, not by indexing the
    /// stack again (the common path of `Return` and of the fused ops that
    /// end in one: `LoadCaptureReturn`, `LoadReturn`, `AddIntReturn`).
    #[inline(always)]
    pub fn return_to_go_caller(&mut self, spare_defers: &mut DeferChain) -> Option<Option<&Frame>> {
        if !self.pop_to_go_caller(spare_defers) {
            return None;
        }
        // The caller's closure back to `top_closure` (see `unpark_top_closure`),
        // its record reached once for that and for the caller handed back.
        let mut caller = self.frames.get_mut(self.depth.wrapping_sub(1));
        let caller_closure = match caller {
            Some(ref mut frame) => frame.closure.take(),
            None => None,
        };
        // The returned closure's `Rc` counted down: its only owner.
        drop(std::mem::replace(&mut self.top_closure, caller_closure));
        Some(caller.map(|frame| &*frame))
    }

    /// `push` one frame deeper than ever before on this goroutine.
    #[cold]
    #[inline(never)]
    fn grow(&mut self, proto: &Rc<FuncProto>, base: u32, return_to: ReturnTo) {
        self.frames.push(Frame {
            proto: proto.clone(),
            closure: None,
            pc: 0,
            base,
            defers: DeferChain::EMPTY,
            return_to,
            race_node: 0,
        });
    }

    /// The number of live frames: the deref'd slice's `len` without its bounds check.
    #[inline(always)]
    pub fn depth(&self) -> usize {
        self.depth
    }

    /// Records the next instruction of the running frame (see `Frame::pc`).
    #[inline(always)]
    pub fn set_pc(&mut self, pc: usize) {
        // One bounds check, where `last_mut` of the deref'd slice makes two.
        self.frames[self.depth.wrapping_sub(1)].pc = pc as u32;
    }

    /// `set_pc`, handing back the running frame and its closure (a
    /// `go func() { ... }()` names the frame as its goroutine's creator and
    /// captures from both): one index of the stack where `set_pc` and a
    /// `last` after it made two (`MakeClosureGo`).
    #[inline(always)]
    pub fn set_pc_of_running(&mut self, pc: usize) -> (&Frame, &Option<Rc<Closure>>) {
        let frame = &mut self.frames[self.depth.wrapping_sub(1)];
        frame.pc = pc as u32;
        (frame, &self.top_closure)
    }

    /// The running frame, `None` when none is left: one bounds check where
    /// `last()` through `Deref` made two (depth against the length, then
    /// against zero).
    #[inline(always)]
    pub fn running(&self) -> Option<&Frame> {
        self.frames.get(self.depth.wrapping_sub(1))
    }

    /// Ends the running frame if it returns to Go code that resumes at once
    /// (`ReturnTo::Caller`), the common return, and says whether it did. Nothing is
    /// moved out: `Return`'s fast path, with no event to emit. The frame's
    /// emptied defer chain, if it has an allocation, goes to `spare_defers`.
    #[inline(always)]
    fn pop_to_go_caller(&mut self, spare_defers: &mut DeferChain) -> bool {
        let Some(frame) = self.frames.get_mut(self.depth.wrapping_sub(1)) else {
            return false;
        };
        // A finished deferred call (`DeferOnReturn`) takes `Return`'s slower
        // path, which keeps its closure for reuse (SpareClosure): moving that
        // in here cost fib and closures instructions on every return.
        if !matches!(frame.return_to, ReturnTo::Caller) {
            return false;
        }
        // `return_to` stays `Caller`, what `push` expects of a returned frame.
        // Its closure is `top_closure`, which the caller (`return_to_go_caller`) replaces.
        // A chain with no allocation (a frame that never deferred, most) is
        // left as it is: no store of an empty chain over an empty one.
        debug_assert!(frame.defers.is_empty(), "returned with pending defers");
        if frame.defers.has_allocation() {
            std::mem::take(&mut frame.defers).recycle_into(spare_defers);
        }
        self.depth -= 1;
        true
    }

    /// Ends the running frame if it is a deferred call that `RunDefers`
    /// started (`ReturnTo::DeferOnReturn`), as `pop_to_go_caller` ends an
    /// ordinary call, and hands back its closure (for `SpareClosure::keep`).
    /// Checked only after `pop_to_go_caller` declined, so an ordinary return
    /// pays nothing for it.
    #[inline(always)]
    pub fn pop_finished_defer(
        &mut self,
        spare_defers: &mut DeferChain,
    ) -> Option<Option<Rc<Closure>>> {
        let frame = self.frames.get_mut(self.depth.wrapping_sub(1))?;
        if !matches!(frame.return_to, ReturnTo::DeferOnReturn) {
            return None;
        }
        // Without the hint LLVM merged this test with `pop_to_go_caller`'s
        // into one switch that tested `DeferOnReturn` first: two more
        // instructions on every ordinary return (fib +1.7%).
        unlikely_path();
        // `DeferOnReturn` owns nothing: forgotten, not dropped. `Caller` is
        // what `push` expects of a returned frame.
        std::mem::forget(std::mem::replace(&mut frame.return_to, ReturnTo::Caller));
        debug_assert!(frame.defers.is_empty(), "returned with pending defers");
        std::mem::take(&mut frame.defers).recycle_into(spare_defers);
        self.depth -= 1;
        Some(self.unpark_top_closure())
    }

    /// Ends the running frame: drops its closure and hands back what its
    /// return needs. `None` when no frame is left.
    #[inline(always)]
    pub fn pop(&mut self) -> Option<Popped> {
        self.depth = self.depth.checked_sub(1)?;
        let frame = &mut self.frames[self.depth];
        let (base, defers, return_to) = (
            frame.base,
            std::mem::replace(&mut frame.defers, DeferChain::EMPTY),
            std::mem::replace(&mut frame.return_to, ReturnTo::Caller),
        );
        Some(Popped {
            base,
            closure: self.unpark_top_closure(),
            defers,
            return_to,
        })
    }

    /// Ends every frame (a finished goroutine's record being reused). A
    /// finished goroutine returned from all of them, so their records hold
    /// only their functions (see `push`) and are kept for the next goroutine,
    /// whose first calls then reuse them; live frames (never left by a
    /// finished goroutine) are dropped. Always inlined: a finished
    /// goroutine has none, and the call cost more than its test.
    #[inline(always)]
    pub fn end_all(&mut self) {
        if self.depth != 0 {
            self.frames.clear();
            self.depth = 0;
            self.top_closure = None;
        }
    }
}

/// Makes the returned record `frame` the frame of a call of `proto` (see `FrameStack::push`).
#[inline(always)]
fn reuse(frame: &mut Frame, proto: &Rc<FuncProto>, base: u32, return_to: ReturnTo) {
    // A returned frame holds an ordinary `return_to` (`pop` took the
    // other kinds): forgotten rather than dropped, which skips its drop check.
    debug_assert!(matches!(frame.return_to, ReturnTo::Caller));
    std::mem::forget(std::mem::replace(&mut frame.return_to, return_to));
    reuse_keeping_return_to(frame, proto, base);
}

/// `reuse` of a frame that returns to its caller as the last one did.
#[inline(always)]
fn reuse_keeping_return_to(frame: &mut Frame, proto: &Rc<FuncProto>, base: u32) {
    if !Rc::ptr_eq(&frame.proto, proto) {
        frame.proto = proto.clone();
    }
    // A returned frame holds no closure and no deferred call (`pop` took
    // them); the new frame's closure is `top_closure`, so its record's stays `None`.
    debug_assert!(frame.closure.is_none() && frame.defers.is_empty());
    frame.pc = 0;
    frame.base = base;
    frame.race_node = 0;
}

/// Marks the branch that calls it as the rare one, for LLVM's block layout.
#[cold]
#[inline(always)]
fn unlikely_path() {}

/// What `FrameStack::pop` hands back of a frame that returned.
pub struct Popped {
    pub base: u32,
    /// The closure it ran, if any: a finished deferred closure is kept for reuse (SpareClosure).
    pub closure: Option<Rc<Closure>>,
    /// Empty on a normal return (every deferred call ran).
    pub defers: DeferChain,
    pub return_to: ReturnTo,
}

impl std::ops::Deref for FrameStack {
    type Target = [Frame];
    #[inline(always)]
    fn deref(&self) -> &[Frame] {
        &self.frames[..self.depth]
    }
}

impl std::ops::DerefMut for FrameStack {
    #[inline(always)]
    fn deref_mut(&mut self) -> &mut [Frame] {
        &mut self.frames[..self.depth]
    }
}

impl<'a> IntoIterator for &'a FrameStack {
    type Item = &'a Frame;
    type IntoIter = std::slice::Iter<'a, Frame>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<'a> IntoIterator for &'a mut FrameStack {
    type Item = &'a mut Frame;
    type IntoIter = std::slice::IterMut<'a, Frame>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter_mut()
    }
}

/// The live frames only, as `Vec<Frame>`'s `Debug` printed them.
impl std::fmt::Debug for FrameStack {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// Who called a frame, which decides what its `Return` does.
#[derive(Debug)]
pub enum ReturnTo {
    /// An ordinary Go call: resume the caller after its call instruction.
    Caller,
    /// A deferred call run by `RunDefers` on normal return: the caller re-executes `RunDefers`.
    DeferOnReturn,
    /// A deferred call the unwinder invoked for the panic with this id. `recover`
    /// compares against it; on return, the unwinder either resumes a recovered
    /// frame or keeps unwinding.
    DeferInPanic(u32),
    /// A deferred call run by `runtime.Goexit`'s unwinding: on return, the
    /// unwinder runs the next deferred call or ends the goroutine.
    DeferInGoexit,
    /// A Go call a native asked for (fmt calling `String()`): on return the
    /// result joins `resume.results` and the native runs again.
    Native(Box<NativeResume>),
    /// A call of `Error()`/`String()` to print the message of the unrecovered
    /// panic at this index of `Goroutine::panics`.
    PanicMessage(usize),
}

/// How to re-enter a native that requested a Go call.
#[derive(Debug)]
pub struct NativeResume {
    pub native: NativeId,
    /// Absolute slot of the native's first argument (and where its results go).
    pub base: u32,
    pub n_args: u8,
    /// Results of the Go calls the native requested so far, in request order.
    pub results: Vec<Value>,
    /// A panic out of the requested call is caught and becomes its result (fmt's catchPanic).
    pub catch_panic: bool,
}

/// One line pair of a stack trace, captured when a panic starts.
#[derive(Clone, Debug)]
pub struct TraceLine {
    /// `main.f(...)` or `main.main()` or `panic({...})`.
    pub call: String,
    /// `\tFILE:LINE`.
    pub location: String,
}

// Every call writes a `Frame`: keep it small (it was 72 bytes with the defer
// chain inline; see `DeferChain`).
const _: () = assert!(std::mem::size_of::<Frame>() <= 56);
