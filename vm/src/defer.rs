//! Defer records: a deferred call, evaluated at the `defer` statement, owned by the frame that ran it.
//!
//! Go evaluates the function value, receiver and arguments when `defer` runs
//! and calls them when the frame returns, panics or Goexits (ARCHITECTURE idea
//! 2). The record therefore holds values, not expressions. Go 1.14+ open-codes
//! most defers for speed; gomini keeps the simple chain (a `DeferChain` per
//! frame, which allocates only for frames that defer), because every defer must
//! be an observable event anyway.

use std::rc::Rc;

use gomini_lexer::Span;

use crate::event::Event;
use crate::exec::Vm;
use crate::frame::Frame;
use crate::program::FuncProto;
use crate::value::{Cells, Closure, Store, Value, WHOLE};

/// One deferred call on a frame's chain.
#[derive(Debug)]
pub struct DeferRecord {
    /// The func value (closure, plain func or native) evaluated at the `defer`
    /// statement; `Nil` panics when the defer runs, as in Go.
    pub callee: Value,
    /// Arguments (receiver first for a method value) evaluated at the `defer` statement.
    pub args: DeferArgs,
    /// The `defer` statement, for events and traces.
    pub span: Span,
}

impl DeferRecord {
    /// What `DeferChain::push_slot` pushes: owns nothing, so overwriting it
    /// drops nothing.
    const PLACEHOLDER: DeferRecord = DeferRecord {
        callee: Value::Nil,
        args: DeferArgs::NONE,
        span: Span { start: 0, end: 0 },
    };
}

/// A deferred call's arguments. One argument, the common `defer wg.Done()`
/// or `defer mu.Unlock()` (the receiver), is held inline: a vector of one
/// was a `malloc` at the `defer` and a `free` when it ran, about 150
/// instructions per goroutine of goroutines.go. No arguments, the common
/// `defer func() { ... }()`, is an empty vector, which allocates nothing.
/// The enum is as big as the vector alone (the vector's capacity has room
/// for the tag), so records do not grow.
#[derive(Debug)]
pub enum DeferArgs {
    One(Value),
    Many(Vec<Value>),
}

impl DeferArgs {
    /// No arguments: nothing allocated, nothing to drop.
    pub const NONE: DeferArgs = DeferArgs::Many(Vec::new());

    /// The arguments moved out of `regs` (the compiler's temporaries, dead
    /// after the `defer`). One argument is left an int, as `Defer` leaves
    /// its callee: the dead register is most often written by an int op
    /// next, whose `set_int` then takes its fast path instead of calling
    /// `replace_with_int` (goroutines benchmark: `defer wg.Done()` then
    /// `counter++`, 3.6M instructions). Out of line: inlined in `Vm::run`'s
    /// `Defer` arm, it moved other programs' counts through register
    /// allocation (defers +0.6%).
    #[inline(never)]
    pub fn take_from(regs: &mut [Value]) -> DeferArgs {
        match regs {
            [] => DeferArgs::NONE,
            [one] => DeferArgs::One(std::mem::replace(one, Value::Int(0))),
            many => DeferArgs::Many(many.iter_mut().map(std::mem::take).collect()),
        }
    }

    pub fn as_slice(&self) -> &[Value] {
        match self {
            DeferArgs::One(v) => std::slice::from_ref(v),
            DeferArgs::Many(vs) => vs,
        }
    }

    pub fn as_mut_slice(&mut self) -> &mut [Value] {
        match self {
            DeferArgs::One(v) => std::slice::from_mut(v),
            DeferArgs::Many(vs) => vs,
        }
    }

    /// The arguments as a vector, for a general call (`push_call`).
    pub fn into_vec(self) -> Vec<Value> {
        match self {
            DeferArgs::One(v) => vec![v],
            DeferArgs::Many(vs) => vs,
        }
    }

    /// Moves the arguments into `slots` from index 0 on. Out of line: the
    /// common deferred call has none (`RunDefers` forgets the empty vector).
    #[inline(never)]
    pub fn move_into(self, slots: &mut [Value]) {
        match self {
            // `put`: the register most often holds a scalar (a stale
            // one), overwritten without a call into drop glue.
            DeferArgs::One(v) => Value::put(&mut slots[0], v),
            DeferArgs::Many(vs) => {
                for (slot, a) in slots.iter_mut().zip(vs) {
                    *slot = a;
                }
            }
        }
    }
}

impl std::ops::Deref for DeferArgs {
    type Target = [Value];
    fn deref(&self) -> &[Value] {
        self.as_slice()
    }
}

impl std::ops::DerefMut for DeferArgs {
    fn deref_mut(&mut self) -> &mut [Value] {
        self.as_mut_slice()
    }
}

impl<'a> IntoIterator for &'a DeferArgs {
    type Item = &'a Value;
    type IntoIter = std::slice::Iter<'a, Value>;
    fn into_iter(self) -> Self::IntoIter {
        self.as_slice().iter()
    }
}

impl<'a> IntoIterator for &'a mut DeferArgs {
    type Item = &'a mut Value;
    type IntoIter = std::slice::IterMut<'a, Value>;
    fn into_iter(self) -> Self::IntoIter {
        self.as_mut_slice().iter_mut()
    }
}

// The point of the inline argument: a record no bigger than with a vector.
const _: () = assert!(std::mem::size_of::<DeferArgs>() == std::mem::size_of::<Vec<Value>>());

/// A frame's deferred calls, pushed by `Defer` and run LIFO. Boxed: a `Vec`
/// inline made every `Frame` 16 bytes bigger (24 instead of 8), copied on each
/// call and return although almost no frame defers (fib: 72 to 56 bytes).
// The box is the point (8 bytes in the frame instead of 24), not an oversight.
#[allow(clippy::box_collection)]
#[derive(Debug, Default)]
pub struct DeferChain(Option<Box<Vec<DeferRecord>>>);

impl DeferChain {
    /// The chain of a frame that has not deferred anything: no allocation.
    pub const EMPTY: DeferChain = DeferChain(None);

    /// Adds `record` on top. The first push takes `spare`'s allocation (an
    /// earlier frame's emptied chain, see `recycle_into`) when it has one.
    pub fn push(&mut self, record: DeferRecord, spare: &mut DeferChain) {
        *self.push_slot(spare) = record;
    }

    /// Adds a placeholder record on top, for the caller to fill in place.
    /// `Defer` and `DeferClosure` write their parts straight into the chain:
    /// a whole record built first and then pushed was assembled on the stack
    /// with narrow stores and copied with wide loads, three times, each a
    /// store-forwarding stall (perf: 15% of the defers benchmark's time).
    /// Always inline, and no `Option::get_or_insert_with` (which LLVM left
    /// out of line).
    #[inline(always)]
    pub fn push_slot(&mut self, spare: &mut DeferChain) -> &mut DeferRecord {
        let chain = self.records_for_push(spare);
        chain.push(DeferRecord::PLACEHOLDER);
        chain.last_mut().expect("just pushed")
    }

    /// The records, allocated for a push: `spare`'s allocation taken (or a
    /// new one) when this chain has none yet.
    #[inline(always)]
    fn records_for_push(&mut self, spare: &mut DeferChain) -> &mut Vec<DeferRecord> {
        if self.0.is_none() {
            let chain = match spare.0.take() {
                Some(chain) => chain,
                None => new_chain(),
            };
            // `self.0` is `None` here: nothing to drop.
            std::mem::forget(self.0.replace(chain));
        }
        self.0.as_mut().expect("set above")
    }

    /// Takes the most recently deferred call.
    pub fn pop(&mut self) -> Option<DeferRecord> {
        self.0.as_mut()?.pop()
    }

    /// The pending calls, first deferred first.
    pub fn iter(&self) -> std::slice::Iter<'_, DeferRecord> {
        self.0.as_deref().map_or([].iter(), |chain| chain.iter())
    }

    /// The pending calls, mutable (the REPL moves their values into a new program).
    pub fn iter_mut(&mut self) -> std::slice::IterMut<'_, DeferRecord> {
        self.0
            .as_deref_mut()
            .map_or([].iter_mut(), |chain| chain.iter_mut())
    }

    /// Whether the chain holds an allocation (a frame that deferred
    /// something); most frames' chains have none.
    #[inline(always)]
    pub fn has_allocation(&self) -> bool {
        self.0.is_some()
    }

    pub fn is_empty(&self) -> bool {
        self.0.as_ref().is_none_or(|chain| chain.is_empty())
    }

    /// Drops the pending calls but keeps the allocation.
    pub fn clear(&mut self) {
        if let Some(chain) = &mut self.0 {
            chain.clear();
        }
    }

    /// Hands the (emptied) allocation of a returning frame's chain to `spare`,
    /// so that the next frame that defers does not allocate. A frame that never
    /// deferred has none: one compare, no drop glue. Neither `clear` on the
    /// (always) empty chain nor the store over `spare`'s `None` calls the
    /// out-of-line drop glue they would otherwise (32 instructions per return
    /// of a frame that deferred, defers benchmark).
    #[inline(always)]
    pub fn recycle_into(self, spare: &mut DeferChain) {
        if let Some(mut chain) = self.0 {
            if !chain.is_empty() {
                chain.clear();
            }
            if spare.0.is_none() {
                std::mem::forget(spare.0.replace(chain));
            }
        }
    }
}

/// A chain's first allocation: room for one record, not `Vec`'s first four
/// (a parked goroutine with a pending `defer wg.Done()` keeps it).
#[cold]
#[inline(never)]
#[allow(clippy::box_collection)]
fn new_chain() -> Box<Vec<DeferRecord>> {
    Box::new(Vec::with_capacity(1))
}

impl<'a> IntoIterator for &'a DeferChain {
    type Item = &'a DeferRecord;
    type IntoIter = std::slice::Iter<'a, DeferRecord>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<'a> IntoIterator for &'a mut DeferChain {
    type Item = &'a mut DeferRecord;
    type IntoIter = std::slice::IterMut<'a, DeferRecord>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter_mut()
    }
}

/// The closure object of a deferred call that returned, kept for the next
/// `MakeClosure`. `defer func() { ... }()` makes a closure on every call of
/// its function and drops it when the deferred call returns: reusing the
/// `Rc` saves an allocation and a free per call (defers benchmark). Only an
/// object nothing else can reach is kept, and its captured cells are let go
/// at once (the enclosing frame's `NewCell` reuses a cell only when it holds
/// the last reference). The object's address is not observable: func values
/// are not comparable and print as their code, not their closure.
#[derive(Debug, Default)]
pub struct SpareClosure(Option<Rc<Closure>>);

impl SpareClosure {
    pub const EMPTY: SpareClosure = SpareClosure(None);

    /// Keeps `closure` (a finished deferred call's) when it is the last
    /// reference to its object; otherwise just drops it. Always inline: a
    /// call into it cost a finished deferred call a fifth more (defers benchmark).
    #[inline(always)]
    pub fn keep(&mut self, closure: Option<Rc<Closure>>) {
        if let Some(mut closure) = closure {
            if let Some(object) = Rc::get_mut(&mut closure) {
                object.cells.clear();
                self.0 = Some(closure);
            }
        }
    }

    /// A closure of `proto` over `cells`: the kept object, rewritten, when
    /// there is one; else a new allocation. `proto` by reference: the kept
    /// object most often ran the same function (the same `defer func() {
    /// ... }()` on every call), whose prototype then stays, untouched by a
    /// reference count going up here and down for the one it replaced.
    /// Always inline, as `keep` is.
    #[inline(always)]
    pub fn make(&mut self, proto: &Rc<FuncProto>, cells: Cells) -> Rc<Closure> {
        if let Some(mut closure) = self.0.take() {
            // Always unique (`keep` checked, and nothing clones it here);
            // checked again rather than assumed.
            if let Some(object) = Rc::get_mut(&mut closure) {
                if !Rc::ptr_eq(&object.proto, proto) {
                    object.proto = proto.clone();
                }
                object.cells.refill(cells);
                return closure;
            }
        }
        Rc::new(Closure {
            proto: proto.clone(),
            cells,
        })
    }

    /// `make`, taking a finished goroutine's closure object from `pool`
    /// when none is kept here (`MakeClosure`: a `go func() { ... }()` in a
    /// loop reuses the objects of the goroutines that ended).
    #[inline(always)]
    pub fn make_pooled(
        &mut self,
        proto: &Rc<FuncProto>,
        cells: Cells,
        pool: &mut crate::goroutine::ClosurePool,
    ) -> Rc<Closure> {
        if self.0.is_none() {
            self.0 = pool.take();
        }
        self.make(proto, cells)
    }

    /// `make` of a closure over the cells `proto`'s captures name (in
    /// `regs`, the running frame's registers, or in its `closure`), written
    /// straight into the object, not built apart and moved in; the object
    /// from `elsewhere` when none is kept here (`MakeClosureGo`, on a new
    /// goroutine's record: goroutines benchmark).
    #[inline(always)]
    pub fn make_capturing(
        &mut self,
        proto: &Rc<FuncProto>,
        elsewhere: impl FnOnce() -> Option<Rc<Closure>>,
        regs: &[Value],
        closure: &Option<Rc<Closure>>,
    ) -> Rc<Closure> {
        if let Some(mut kept) = self.0.take().or_else(elsewhere) {
            // Always unique, as in `make`.
            if let Some(object) = Rc::get_mut(&mut kept) {
                if !Rc::ptr_eq(&object.proto, proto) {
                    object.proto = proto.clone();
                }
                crate::exec::fill_closure_cells(&mut object.cells, proto, regs, closure);
                return kept;
            }
        }
        Rc::new(Closure {
            proto: proto.clone(),
            cells: crate::exec::closure_cells(proto, regs, closure),
        })
    }

    /// Holds `closure`, a new goroutine's (see `go_statement`): not
    /// reusable while the goroutine runs it (`make` finds it shared and
    /// lets it go), but kept by `recycle` once the goroutine ended.
    #[inline(always)]
    pub fn hold(&mut self, closure: Rc<Closure>) {
        // Held only after `take`: no object to drop (an assignment
        // tested the old one for its drop glue).
        debug_assert!(self.0.is_none(), "holding over a kept closure object");
        std::mem::forget(self.0.replace(closure));
    }

    /// Hands the kept object over (a new goroutine's record gives the one
    /// it kept to the scheduler's `ClosurePool` when the goroutine does not
    /// start on it; see `keep_emptied`).
    #[inline(always)]
    pub fn take(&mut self) -> Option<Rc<Closure>> {
        self.0.take()
    }

    /// Empties the held object of its cells and keeps it, if nothing else
    /// can reach it; otherwise lets it go (a finished goroutine's record:
    /// the next `go func() { ... }()` started on the record makes its
    /// closure in it, without a trip through the `ClosurePool`). A kept
    /// object holds no value of the program.
    #[inline(always)]
    pub fn keep_emptied(&mut self) {
        if let Some(closure) = &mut self.0 {
            match Rc::get_mut(closure) {
                Some(object) => object.cells.clear(),
                None => self.0 = None,
            }
        }
    }
}

/// `push_defer` of `callee` (cloned here) with the one argument
/// `receiver` (a pointer to the whole struct), made by the `defer` at `pc`
/// in `running`, for `LoadFuncDeferCapture` (`defer wg.Done()` on a
/// captured struct), which takes it only when no trace watches: no event to
/// emit, so neither the `Vm` nor the goroutine an event names are passed,
/// and every argument travels in a register. The callee's clone, the
/// pointer and the span are made here, not in `Vm::run`'s arm, which passed
/// them through memory (goroutines benchmark: one per goroutine, 1.2M
/// instructions). The record is pushed whole, not a placeholder filled in
/// place as `push_record` does, which was copied in from a constant and
/// then overwritten field by field. Out of line: a second copy of
/// `push_defer` in `Vm::run` cost the CPU programs up to 4% through
/// register allocation (count.py).
#[inline(never)]
pub(crate) fn push_defer_of_one(
    frames: &mut [Frame],
    spare: &mut DeferChain,
    callee: &Value,
    receiver: Rc<Store>,
    running: &FuncProto,
    pc: usize,
) {
    // A func value (the deferred method's) is a count increment here, not
    // `Value::clone`'s out-of-line call.
    let callee = match callee {
        Value::Func(f) => Value::Func(f.clone()),
        other => other.clone(),
    };
    let frame = frames.last_mut().expect("running frame");
    frame.defers.records_for_push(spare).push(DeferRecord {
        callee,
        args: DeferArgs::One(Value::Ptr(receiver, WHOLE)),
        span: running.user_span(pc),
    });
}

impl Vm {
    /// Pushes the deferred call of `callee` with `args`, made by the `defer`
    /// statement at `span`, on the running frame's chain (`Defer`), then
    /// tells the trace, if any. `running` is the running frame's function,
    /// `goroutine` its goroutine.
    #[inline(always)]
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn push_defer(
        &mut self,
        goroutine: u64,
        frames: &mut [Frame],
        spare: &mut DeferChain,
        running: &FuncProto,
        callee: Value,
        args: DeferArgs,
        span: Span,
    ) {
        self.push_record(goroutine, frames, spare, running, span, |record| {
            std::mem::forget(std::mem::replace(&mut record.callee, callee));
            match args {
                // Nothing allocated, nothing leaked: no call into drop glue.
                DeferArgs::Many(vs) if vs.capacity() == 0 => std::mem::forget(vs),
                args => std::mem::forget(std::mem::replace(&mut record.args, args)),
            }
        });
    }

    /// `push_defer` of a closure with no arguments (`DeferClosure`). The
    /// closure's `Value` is made in the record itself: made first, it was
    /// built on the stack and copied with a wide load (a store-forwarding
    /// stall, perf).
    #[inline(always)]
    pub(crate) fn push_deferred_closure(
        &mut self,
        goroutine: u64,
        frames: &mut [Frame],
        spare: &mut DeferChain,
        running: &FuncProto,
        closure: Rc<Closure>,
        span: Span,
    ) {
        self.push_record(goroutine, frames, spare, running, span, |record| {
            std::mem::forget(std::mem::replace(&mut record.callee, Value::Func(closure)));
        });
    }

    /// Pushes a record on the running frame's chain, has `fill` write its
    /// callee and arguments in place (over the placeholder, which owns
    /// nothing: `Nil` and an unallocated vector), and tells the trace. The
    /// event reads the record in the chain: the event taking the parts
    /// first made LLVM assemble them on the stack.
    #[inline(always)]
    fn push_record(
        &mut self,
        goroutine: u64,
        frames: &mut [Frame],
        spare: &mut DeferChain,
        running: &FuncProto,
        span: Span,
        fill: impl FnOnce(&mut DeferRecord),
    ) {
        let frame = frames.last_mut().expect("running frame");
        let record = frame.defers.push_slot(spare);
        fill(record);
        record.span = span;
        if self.sink.is_some() {
            self.emit_defer_pushed(goroutine, running, record);
        }
    }

    #[cold]
    #[inline(never)]
    fn emit_defer_pushed(&mut self, goroutine: u64, running: &FuncProto, record: &DeferRecord) {
        let callee = self.callee_name(&record.callee);
        let args = record.args.iter().map(|a| self.untyped_text(a)).collect();
        self.emit(Event::DeferPushed {
            goroutine,
            func: running.name.clone(),
            callee,
            args,
            span: record.span,
        });
    }
}
