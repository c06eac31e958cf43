//! Type checker, compiler and interpreter of gomini.
//!
//! ## Runtime half (branch `runtime`): from a compiled `Program` to a running one
//!
//! Entry points: [`program::ProgramBuilder`] / [`program::FuncBuilder`] (how the
//! compiler emits code), [`exec::Vm`] (`Vm::new(program, seed)`, `run_main`,
//! `run(goroutine, budget)`), [`event::Event`] (what can be observed).
//!
//! Files in reading order:
//! - `value.rs`: the 16-byte `Value`; aggregates, pointers, cells, interfaces.
//! - `rtype.rs`: runtime type descriptors (`RtTypes`) lowered from the checker's types.
//! - `op.rs`: the instruction set, documented per variant; `disasm.rs` prints it.
//! - `program.rs`: `FuncProto`, `Program` and the builder API.
//! - `exec.rs`: `Vm::run`, the interpreter loop; `frame.rs`, `goroutine.rs` its records.
//! - `defer.rs`, `panic.rs`: defer records, unwinding, recover, crash reports.
//! - `slice.rs`, `map.rs`, `iface.rs`, `chan.rs`: slices (Go's growth), maps, type assertions, channels.
//! - `stackbuf.rs`: appends that start in a frame buffer (Go's 32-byte stack
//!   buffer); `escape.rs` (compiler side) decides which sites may.
//! - `fmt/`: Go's fmt engine; `natives/`: library functions by qualified name.
//! - `event.rs`: the observable events and their sink.
//! - `limits.rs`: the interrupt flag (`Vm::set_interrupt`), `Limits` (steps,
//!   memory, goroutines, output) and how a quantum is run in checked slices;
//!   `output.rs`: streaming the output buffers to an embedder's `OutputSink`.
//! - `sched.rs`: the scheduler; `schedule.rs`: where its choices come from (seeded, PCT, replay, plan).
//!
//! Tests: unit tests beside the code (formatting tables in `fmt/tests.rs`),
//! hand-assembled programs in `vm/tests/runtime.rs`, benchmarks in `vm/examples/bench.rs`.
//!
//! Architecture invariant: nothing here prints to a terminal or reads the clock;
//! output goes to `Vm::stdout`/`Vm::stderr` buffers (drained into the
//! embedder's sink when it sets one) and every choice to `Vm::rng`.
//! Architecture invariant: a goroutine never lives on the Rust stack; Go calls
//! (deferred, from natives, for crash messages) push frames.
//!
//! ## Checker half (branch `checker`): `check/`, `types.rs`, `hir.rs`, `stdlib/`.

pub mod chan;
pub mod check;
pub mod compile;
pub mod defer;
pub mod disasm;
pub mod escape;
pub mod event;
pub mod exec;
pub mod fmt;
pub mod frame;
pub mod goroutine;
pub mod hir;
pub mod iface;
pub mod limits;
pub mod map;
pub mod method_sandbox;
pub mod natives;
pub mod op;
pub mod output;
pub mod panic;
pub mod program;
pub mod race;
pub mod rtype;
pub mod sched;
pub mod schedule;
pub mod select;
pub mod slice;
pub mod snapshot;
pub mod stackbuf;
pub mod stdlib;
pub mod trace;
pub mod types;
pub mod value;

pub use exec::Vm;
