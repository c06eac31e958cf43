//! A call frame: one activation of a Go function on a goroutine's heap frame stack.

use std::rc::Rc;

use crate::defer::DeferChain;
use crate::natives::NativeId;
use crate::program::FuncProto;
use crate::value::{Closure, Value};

/// One activation. Lives in `Goroutine::frames`; never on the Rust stack.
#[derive(Debug)]
pub struct Frame {
    /// The running function. Set by the call; read by `run` when it (re)enters the frame.
    pub proto: Rc<FuncProto>,
    /// The closure's cells, for `LoadCapture`/`StoreCapture`; `None` for a plain function.
    pub closure: Option<Rc<Closure>>,
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

// Every call pushes a `Frame` and every return copies one out: keep it small
// (it was 72 bytes with the defer chain inline; see `DeferChain`).
const _: () = assert!(std::mem::size_of::<Frame>() <= 56);
