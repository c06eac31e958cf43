//! A compiled program: function prototypes, runtime types, and the builder API the compiler emits through.
//!
//! `FuncProto` is immutable once built (code, spans, constants, capture list);
//! a `Closure` (value.rs) pairs one with its cells, so one prototype serves many
//! closures, as clox's ObjFunction and ObjClosure.

use std::rc::Rc;

use gomini_lexer::{LineIndex, Span};

use crate::op::{Op, Reg};
use crate::rtype::{RtTypeId, RtTypes};
use crate::value::Value;

/// Where a closure's cell `i` comes from when `MakeClosure` runs in the enclosing function.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Capture {
    /// The enclosing frame's register, which holds a cell pointer (`NewCell`).
    Local(Reg),
    /// The enclosing closure's own cell.
    Outer(u16),
}

/// One function's compiled code. Immutable once built.
#[derive(Debug)]
pub struct FuncProto {
    /// Go's qualified name as stack traces print it: `main.f`, `main.(*T).M`, `main.main.func1`.
    pub name: String,
    pub code: Vec<Op>,
    /// `spans[pc]` is the source of `code[pc]`: the emitter takes both together.
    pub spans: Vec<Span>,
    pub consts: Vec<Value>,
    pub n_params: u16,
    pub n_results: u16,
    /// Registers the frame needs (parameters included).
    pub n_slots: u16,
    /// Whether a call must clear heap values an earlier frame left in this
    /// frame's locals (`push_frame`): only when the code reads a destination
    /// before writing it, which `AssignAgg` alone does (`clears_locals`).
    pub clear_locals: bool,
    /// The cells a closure of this prototype captures, in `LoadCapture` index order.
    pub captures: Vec<Capture>,
    /// The pc of the epilogue (`RunDefers` ...) where a recovered panic resumes
    /// this frame; `None` for functions without `defer`.
    pub epilogue_pc: Option<u32>,
    /// Where the results live, for events only (`Return`'s values, a defer's
    /// `r: 5 → 6`); empty for synthesized functions.
    pub results: Vec<ResultSlot>,
    /// The library package (`sync`) of a function of gomini's Go-source
    /// library or runtime, whose spans are offsets in that package's source,
    /// not in the program's file; `None` for the program's own functions.
    pub library: Option<&'static str>,
    /// A wrapper the compiler made around a method (`-fm` method values, the
    /// `·ptr` and `·copy` method-table entries, promoted methods): transparent
    /// to `recover`, as Go's own wrappers are, and hidden in crash traces.
    pub wrapper: bool,
}

impl FuncProto {
    /// Whether Go's traceback leaves this function's frame out: runtime code
    /// (`runtime.main`, which calls main.main) always, and a compiler-made
    /// wrapper unless the panic started in the wrapper itself (`top`), as Go's
    /// `showframe` elides wrappers that called the wrapped method.
    pub fn hidden_in_traceback(&self, top: bool) -> bool {
        self.name.starts_with("runtime.") || (self.wrapper && !top)
    }

    /// The span of `code[pc]` when it is in the program's file; the default
    /// (no line) for library code, so events never point into the wrong file.
    pub fn user_span(&self, pc: usize) -> Span {
        match self.library {
            Some(_) => Span::default(),
            None => self.spans.get(pc).copied().unwrap_or_default(),
        }
    }
}

/// The library package a function named `func_name` belongs to (`sync` for
/// `sync.(*WaitGroup).Done`), or `None` for the program's own `main.` functions.
pub fn library_package(func_name: &str) -> Option<&'static str> {
    crate::stdlib::PACKAGES.iter().copied().find(|pkg| {
        func_name
            .strip_prefix(pkg)
            .is_some_and(|rest| rest.starts_with('.'))
    })
}

/// One result of a function as events show it. Set by the compiler, read by
/// `Vm::emit` call sites only when a sink is attached.
#[derive(Clone, Debug)]
pub struct ResultSlot {
    /// The result's name in the source, or Go's `~r0`, `~r1` for unnamed ones.
    pub name: String,
    /// Whether the source named it (only named results can be changed by a defer).
    pub named: bool,
    pub ty: RtTypeId,
    /// The frame register holding the result (or, if `boxed`, a pointer to its cell).
    pub reg: Reg,
    pub boxed: bool,
}

/// A type assertion `x.(T)`: the static interface type of x (for the panic
/// message) and the asserted type T (concrete or interface).
#[derive(Clone, Copy, Debug)]
pub struct AssertDesc {
    pub iface: RtTypeId,
    pub target: RtTypeId,
}

/// Everything the VM needs to run a program.
pub struct Program {
    /// Functions, indexed by `Call`'s `func` / `LoadFunc` / `MakeClosure`'s proto.
    pub protos: Vec<Rc<FuncProto>>,
    /// A `Func` value per proto without captures, so `LoadFunc` never allocates.
    pub func_values: Vec<Value>,
    pub types: RtTypes,
    pub asserts: Vec<AssertDesc>,
    pub method_names: Vec<String>,
    /// Natives in `CallNative` index order (names as registered, e.g. "fmt.Println").
    pub natives: Vec<crate::natives::NativeId>,
    pub n_globals: u32,
    /// The function the main goroutine starts in (usually a synthesized one that
    /// initialises globals, then calls `main.main`).
    pub entry: u32,
    /// The source file's path as traces print it, and its line table.
    pub file: String,
    pub lines: LineIndex,
}

impl std::fmt::Debug for Program {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Program({} functions, {} types, file {})",
            self.protos.len(),
            self.types.types.len(),
            self.file
        )
    }
}

impl Program {
    /// Whether running this program can start a goroutine besides main: a
    /// `go` statement anywhere in it (the library's included), or a timer
    /// that calls a function (`time.AfterFunc`).
    pub fn can_start_goroutines(&self) -> bool {
        let go = |op: &Op| matches!(op, Op::Go { .. } | Op::MakeClosureGo { .. });
        self.protos.iter().any(|p| p.code.iter().any(go))
            || self
                .natives
                .iter()
                .any(|&id| crate::natives::NATIVES[id as usize].name == "time.startFuncTimer")
    }

    /// `FILE:LINE` of an instruction, as a stack trace prints it. Library code
    /// is located in its own source, as Go prints its library frames:
    /// `$GOROOT/src/sync/sync.go:45` (there, gomini's embedded library).
    pub fn location(&self, proto: &FuncProto, pc: usize) -> String {
        let span = proto.spans.get(pc).copied().unwrap_or_default();
        if let Some(pkg) = proto.library {
            if let Some((file, line, _)) = crate::stdlib::position(pkg, span.start) {
                return format!("{file}:{line}");
            }
        }
        let (line, _) = self.lines.line_col(span.start);
        format!("{}:{}", self.file, line)
    }
}

/// A jump waiting for its target; `FuncBuilder::patch` fills it in.
#[must_use = "a jump must be patched"]
#[derive(Debug)]
pub struct JumpLabel(usize);

/// Builds one `FuncProto`. Every instruction is emitted with its span.
#[derive(Debug)]
pub struct FuncBuilder {
    name: String,
    code: Vec<Op>,
    spans: Vec<Span>,
    consts: Vec<Value>,
    n_params: u16,
    n_results: u16,
    n_slots: u16,
    captures: Vec<Capture>,
    epilogue_pc: Option<u32>,
    results: Vec<ResultSlot>,
    wrapper: bool,
    /// The furthest pc a forward jump was patched to (`end_reachable`).
    furthest_forward_target: usize,
}

impl FuncBuilder {
    /// Starts a function whose parameters occupy registers `0..n_params`.
    pub fn new(name: impl Into<String>, n_params: u16, n_results: u16) -> FuncBuilder {
        FuncBuilder {
            name: name.into(),
            code: Vec::new(),
            spans: Vec::new(),
            consts: Vec::new(),
            n_params,
            n_results,
            n_slots: n_params.max(n_results),
            captures: Vec::new(),
            epilogue_pc: None,
            results: Vec::new(),
            wrapper: false,
            furthest_forward_target: 0,
        }
    }

    /// Whether the code emitted so far can run on past its end: its last
    /// instruction goes on to the next, or a forward jump lands there. A
    /// body ending in `return`, `panic` or `for {}` cannot, and needs no
    /// fall-off `Return` after it.
    pub fn end_reachable(&self) -> bool {
        let transfers = matches!(
            self.code.last(),
            Some(Op::Return { .. } | Op::Jump { .. } | Op::Panic { .. })
        );
        !transfers || self.furthest_forward_target >= self.code.len()
    }

    /// Marks the function as a compiler-made method wrapper (`FuncProto::wrapper`).
    pub fn mark_wrapper(&mut self) {
        self.wrapper = true;
    }

    /// Appends an instruction with its source span; returns its pc.
    pub fn emit(&mut self, op: Op, span: Span) -> usize {
        self.code.push(op);
        self.spans.push(span);
        self.code.len() - 1
    }

    /// Makes the int arithmetic op that computed temporary `t`, the last op
    /// emitted since pc `since`, write register 0 instead, and says whether it
    /// did: `return a + b` then returns with its result already in place
    /// (`Return { src: 0, .. }` moves nothing), where it computed into a
    /// temporary that `Return` moved to register 0 (fib: about ten machine
    /// instructions per call). Only when nothing jumps to the next pc (the
    /// `Return`), so every path to it ran the op; the op reads its operands
    /// before it writes, so one of them may be register 0 itself. The caller
    /// makes sure register 0 holds nothing still needed (see `ret`).
    pub fn land_in_register_zero(&mut self, since: usize, t: Reg) -> bool {
        if self.code.len() <= since || self.furthest_forward_target >= self.code.len() {
            return false;
        }
        let Some(last) = self.code.last_mut() else {
            return false;
        };
        match last {
            Op::AddInt { dst, .. }
            | Op::SubInt { dst, .. }
            | Op::MulInt { dst, .. }
            | Op::AddIntImm { dst, .. }
            | Op::MulIntImm { dst, .. }
            | Op::And { dst, .. }
            | Op::Or { dst, .. }
            | Op::Xor { dst, .. }
            | Op::AndNot { dst, .. }
            | Op::AndImm { dst, .. }
            | Op::ShlImm { dst, .. }
            | Op::ShrIntImm { dst, .. }
            | Op::ShrUintImm { dst, .. }
                if *dst == t =>
            {
                *dst = 0;
                true
            }
            _ => false,
        }
    }

    /// A fresh register (the compiler may also manage registers itself and call `reserve`).
    pub fn reg(&mut self) -> Reg {
        self.n_slots += 1;
        self.n_slots - 1
    }

    /// Makes sure registers `0..n` exist in the frame.
    pub fn reserve(&mut self, n: u16) {
        self.n_slots = self.n_slots.max(n);
    }

    /// Adds a constant; returns its index for `LoadConst`.
    pub fn constant(&mut self, v: Value) -> u32 {
        self.consts.push(v);
        self.consts.len() as u32 - 1
    }

    /// Declares the next captured cell of this closure; returns its index.
    pub fn capture(&mut self, c: Capture) -> u16 {
        self.captures.push(c);
        self.captures.len() as u16 - 1
    }

    /// Describes where the results live, for events.
    pub fn set_results(&mut self, results: Vec<ResultSlot>) {
        self.results = results;
    }

    /// The pc the next emitted instruction will have.
    pub fn here(&self) -> usize {
        self.code.len()
    }

    /// Marks the next instruction as the epilogue (where a recovered panic resumes).
    pub fn mark_epilogue(&mut self) {
        self.epilogue_pc = Some(self.code.len() as u32);
    }

    /// Emits a forward jump (`Jump`, `JumpIf`, `JumpIfNot`, `JumpIfLtInt`,
    /// `MapIterNext`) with a placeholder offset.
    pub fn emit_jump(&mut self, op: Op, span: Span) -> JumpLabel {
        JumpLabel(self.emit(op, span))
    }

    /// Points a forward jump at the next instruction to be emitted.
    pub fn patch(&mut self, label: JumpLabel) -> Result<(), JumpTooFar> {
        let target = self.code.len();
        self.furthest_forward_target = self.furthest_forward_target.max(target);
        self.set_target(label.0, target)
    }

    /// Removes `label`'s jump when it is the last instruction; says whether
    /// it did. For the `Jump` of a function's final `return` to the epilogue
    /// that comes right after it. Jumps patched to the removed pc land on
    /// the epilogue.
    pub fn drop_final_jump(&mut self, label: &JumpLabel) -> bool {
        let n = self.code.len();
        let droppable = n >= 1 && label.0 == n - 1 && matches!(self.code[n - 1], Op::Jump { .. });
        if droppable {
            self.code.pop();
            self.spans.pop();
            self.furthest_forward_target = self.furthest_forward_target.min(n - 1);
        }
        droppable
    }

    /// The span of the first instruction emitted so far that `pred` picks.
    pub fn first_span(&self, pred: impl Fn(&Op) -> bool) -> Option<Span> {
        let at = self.code.iter().position(pred)?;
        Some(self.spans[at])
    }

    /// Emits a backward jump of kind `op` (its offset is replaced) to `target`.
    pub fn emit_loop(&mut self, op: Op, target: usize, span: Span) -> Result<(), JumpTooFar> {
        let at = self.emit(op, span);
        self.set_target(at, target)
    }

    fn set_target(&mut self, at: usize, target: usize) -> Result<(), JumpTooFar> {
        let off = target as i64 - (at as i64 + 1);
        let off32 = i32::try_from(off).map_err(|_| JumpTooFar)?;
        let off16 = i16::try_from(off);
        self.code[at] = match self.code[at] {
            Op::Jump { .. } => Op::Jump { off: off32 },
            Op::JumpIf { cond, .. } => Op::JumpIf { cond, off: off32 },
            Op::JumpIfNot { cond, .. } => Op::JumpIfNot { cond, off: off32 },
            Op::JumpIfLtInt { a, b, .. } => Op::JumpIfLtInt {
                a,
                b,
                off: off16.map_err(|_| JumpTooFar)?,
            },
            Op::MapIterNext { dst, iter, .. } => Op::MapIterNext {
                dst,
                iter,
                off: off16.map_err(|_| JumpTooFar)?,
            },
            other => panic!("gomini bug: patching a jump at pc {at} that is {other:?}"),
        };
        if let (Op::Jump { .. }, Some(before)) = (self.code[at], at.checked_sub(1)) {
            self.code[before] = aimed_test(self.code[before], target as i64 - at as i64);
        }
        Ok(())
    }

    pub fn finish(mut self) -> FuncProto {
        crate::compile::fuse::fuse_pairs(&mut self.code);
        FuncProto {
            clear_locals: clears_locals(&self.code),
            code: self.code,
            spans: self.spans,
            consts: self.consts,
            n_params: self.n_params,
            n_results: self.n_results,
            n_slots: self.n_slots,
            captures: self.captures,
            epilogue_pc: self.epilogue_pc,
            results: self.results,
            library: library_package(&self.name),
            name: self.name,
            wrapper: self.wrapper,
        }
    }
}

/// `FuncProto::clear_locals` of `code`: whether it has an instruction that
/// looks at what its destination register holds before overwriting it.
/// `AssignAgg` copies into an `Agg` it finds there, so a stale aggregate of
/// an earlier frame would be overwritten in place. Every other instruction
/// overwrites its destination whatever it held, and a stale value there is
/// only kept alive a little longer: fib's frames skip the clearing loop.
pub fn clears_locals(code: &[Op]) -> bool {
    code.iter().any(|op| matches!(op, Op::AssignAgg { .. }))
}

/// A jump too far for its offset field: the compiler reports it as a compile
/// error (clox's "Too much code to jump over."), never truncates it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JumpTooFar;

/// Builds a `Program`: declare functions first (so calls can name them before
/// they are built, for recursion), then define them.
#[derive(Debug)]
pub struct ProgramBuilder {
    protos: Vec<Option<FuncProto>>,
    pub types: RtTypes,
    pub asserts: Vec<AssertDesc>,
    pub method_names: Vec<String>,
    natives: Vec<crate::natives::NativeId>,
    pub n_globals: u32,
}

impl Default for ProgramBuilder {
    fn default() -> Self {
        Self::new()
    }
}

impl ProgramBuilder {
    pub fn new() -> ProgramBuilder {
        ProgramBuilder {
            protos: Vec::new(),
            types: RtTypes::with_builtins(),
            asserts: Vec::new(),
            method_names: Vec::new(),
            natives: Vec::new(),
            n_globals: 0,
        }
    }

    /// Reserves a function index (for `Call`, `LoadFunc`, `MakeClosure`).
    pub fn declare(&mut self) -> u32 {
        self.protos.push(None);
        self.protos.len() as u32 - 1
    }

    pub fn define(&mut self, idx: u32, proto: FuncProto) {
        self.protos[idx as usize] = Some(proto);
    }

    /// Every function slot, for a pass over the whole program once every
    /// function is compiled.
    pub fn protos_mut(&mut self) -> &mut [Option<FuncProto>] {
        &mut self.protos
    }

    /// A defined function, for rewriting after every function is compiled.
    pub fn proto_mut(&mut self, idx: u32) -> Option<&mut FuncProto> {
        self.protos.get_mut(idx as usize)?.as_mut()
    }

    /// Whether `CallNative` index `idx` is the native registered as `qualified`.
    pub fn is_native(&self, idx: u16, qualified: &str) -> bool {
        let id = self.natives.get(idx as usize).copied();
        id.is_some() && id == crate::natives::lookup(qualified)
    }

    /// The sync native `CallNative` index `idx` is, if it is one `Op::CallSync` calls.
    pub fn sync_call(&self, idx: u16) -> Option<crate::op::SyncCall> {
        use crate::natives::{MUTEX_LOCK, MUTEX_UNLOCK, WAITGROUP_ADD};
        use crate::op::SyncCall;
        match *self.natives.get(idx as usize)? {
            MUTEX_LOCK => Some(SyncCall::MutexLock),
            MUTEX_UNLOCK => Some(SyncCall::MutexUnlock),
            WAITGROUP_ADD => Some(SyncCall::WaitGroupAdd),
            _ => None,
        }
    }

    /// The `CallNative` index of the native registered as `qualified` (e.g. "fmt.Println").
    pub fn native(&mut self, qualified: &str) -> Option<u16> {
        let id = crate::natives::lookup(qualified)?;
        let idx = match self.natives.iter().position(|n| *n == id) {
            Some(i) => i,
            None => {
                self.natives.push(id);
                self.natives.len() - 1
            }
        };
        Some(idx as u16)
    }

    /// The `CallMethod` index of a method name.
    pub fn method_name(&mut self, name: &str) -> u16 {
        match self.method_names.iter().position(|n| n == name) {
            Some(i) => i as u16,
            None => {
                self.method_names.push(name.to_string());
                self.method_names.len() as u16 - 1
            }
        }
    }

    pub fn assertion(&mut self, iface: RtTypeId, target: RtTypeId) -> u16 {
        self.asserts.push(AssertDesc { iface, target });
        self.asserts.len() as u16 - 1
    }

    /// Finishes the program; every declared function must have been defined.
    pub fn finish(self, entry: u32, file: &str, source: &str) -> Program {
        let protos: Vec<Rc<FuncProto>> = self
            .protos
            .into_iter()
            .enumerate()
            .map(|(i, p)| {
                Rc::new(p.unwrap_or_else(|| {
                    panic!("gomini bug: function {i} declared but never defined")
                }))
            })
            .collect();
        let func_values = protos
            .iter()
            .map(|p| {
                Value::Func(Rc::new(crate::value::Closure {
                    proto: p.clone(),
                    cells: crate::value::Cells::none(),
                }))
            })
            .collect();
        Program {
            protos,
            func_values,
            types: self.types,
            asserts: self.asserts,
            method_names: self.method_names,
            natives: self.natives,
            n_globals: self.n_globals,
            entry,
            file: file.to_string(),
            lines: LineIndex::new(source),
        }
    }
}

/// The entry of a goroutine started by `go native(args)` (`go fmt.Println(x)`):
/// register 0 holds the native, registers 1.. its arguments; it calls it and returns.
pub fn native_trampoline(native: crate::natives::NativeId, n_args: usize) -> FuncProto {
    let n_args = n_args.min(250) as u16;
    FuncProto {
        name: crate::natives::name(native).to_string(),
        code: vec![
            Op::CallValue { base: 1, callee: 0 },
            Op::Return { src: 0, n: 0 },
        ],
        spans: vec![Span::default(); 2],
        consts: Vec::new(),
        n_params: 1 + n_args,
        n_results: 0,
        // Room for the native's results, which land on its arguments.
        n_slots: 1 + n_args + 8,
        clear_locals: false,
        captures: Vec::new(),
        epilogue_pc: None,
        results: Vec::new(),
        // Runtime glue, never the program's own code.
        library: Some("runtime"),
        wrapper: false,
    }
}

/// `op` aimed at `off` (from the `Jump` after it) when it is a fused test
/// (`IfLtInt` ...): the `Jump` is that test's `if`, so the test can go to the
/// `Jump`'s target itself when it fails. A target its offset cannot hold
/// stays 0: the test then reads the `Jump`. Other ops are returned unchanged.
/// The immediate forms hold a forward distance in a byte: a signed byte there
/// made the dispatch sign-extend it ahead of every instruction.
fn aimed_test(op: Op, off: i64) -> Op {
    let wide = i16::try_from(off).unwrap_or(0);
    let narrow = u8::try_from(off).unwrap_or(0);
    match op {
        Op::IfLtInt { a, b, .. } => Op::IfLtInt { a, b, off: wide },
        Op::IfLeInt { a, b, .. } => Op::IfLeInt { a, b, off: wide },
        Op::IfEqInt { a, b, .. } => Op::IfEqInt { a, b, off: wide },
        Op::IfNeInt { a, b, .. } => Op::IfNeInt { a, b, off: wide },
        Op::IfLtIntImm { a, imm, .. } => Op::IfLtIntImm {
            a,
            imm,
            off: narrow,
        },
        Op::IfLeIntImm { a, imm, .. } => Op::IfLeIntImm {
            a,
            imm,
            off: narrow,
        },
        Op::IfGtIntImm { a, imm, .. } => Op::IfGtIntImm {
            a,
            imm,
            off: narrow,
        },
        Op::IfGeIntImm { a, imm, .. } => Op::IfGeIntImm {
            a,
            imm,
            off: narrow,
        },
        Op::IfEqIntImm { a, imm, .. } => Op::IfEqIntImm {
            a,
            imm,
            off: narrow,
        },
        Op::IfNeIntImm { a, imm, .. } => Op::IfNeIntImm {
            a,
            imm,
            off: narrow,
        },
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn builder_with(ops: &[Op]) -> FuncBuilder {
        let mut fb = FuncBuilder::new("f", 2, 1);
        for &op in ops {
            fb.emit(op, Span::default());
        }
        fb
    }

    #[test]
    fn the_last_arithmetic_op_of_a_return_value_lands_in_register_zero() {
        let mut fb = builder_with(&[Op::AddInt { dst: 3, a: 0, b: 1 }]);
        assert!(fb.land_in_register_zero(0, 3));
        assert_eq!(fb.code, vec![Op::AddInt { dst: 0, a: 0, b: 1 }]);
    }

    #[test]
    fn an_op_from_before_the_return_value_or_of_another_register_stays() {
        // Nothing emitted since `since`: the value is a local computed earlier.
        let mut fb = builder_with(&[Op::AddInt { dst: 3, a: 0, b: 1 }]);
        assert!(!fb.land_in_register_zero(1, 3));
        // The op wrote some other register.
        assert!(!fb.land_in_register_zero(0, 4));
        // Not register-only arithmetic.
        let load = Op::LoadField {
            dst: 3,
            agg: 0,
            field: 0,
        };
        let mut fb = builder_with(&[load]);
        assert!(!fb.land_in_register_zero(0, 3));
        assert_eq!(fb.code, vec![load]);
    }

    #[test]
    fn a_jump_landing_on_the_return_keeps_the_temporary() {
        // `return` reached by a jump that skips the op: register 0 would not
        // hold the result on that path.
        let mut fb = FuncBuilder::new("f", 2, 1);
        let skip = fb.emit_jump(Op::Jump { off: 0 }, Span::default());
        fb.emit(Op::AddInt { dst: 3, a: 0, b: 1 }, Span::default());
        fb.patch(skip).expect("near jump");
        assert!(!fb.land_in_register_zero(0, 3));
        assert_eq!(fb.code[1], Op::AddInt { dst: 3, a: 0, b: 1 });
    }
}
