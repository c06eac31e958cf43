//! One function being compiled: its register layout, which locals live in heap cells, temporaries, and the return path.
//!
//! Layout of a frame: parameters in `R[0..n_params]` (receiver first), result
//! variables right after them, every other local after those, then
//! temporaries, which are handed out as a stack (`top`) and released at the end
//! of each statement. A call puts its arguments at `top`, so the callee's frame
//! never overlaps a live register.

use gomini_lexer::Span;

use crate::hir::{self, FuncId, LocalId, TargetId};
use crate::op::{Op, Reg};
use crate::program::{FuncBuilder, FuncProto, JumpLabel, ResultSlot};
use crate::types::TypeId;

use super::defer_shape::DeferShape;
use super::types::Repr;
use super::{unsupported, CResult, Compiler, Unsupported};

/// A loop, switch or select that `break`/`continue` can name.
pub struct Target {
    pub id: TargetId,
    pub breaks: Vec<JumpLabel>,
    pub continues: Vec<JumpLabel>,
}

pub struct FuncCompiler<'c, 'h> {
    pub c: &'c mut Compiler<'h>,
    pub func: Option<&'h hir::Func>,
    pub fb: FuncBuilder,
    /// The register of each local (indexed by `LocalId`).
    pub local_reg: Vec<Reg>,
    /// Whether each local's register holds a pointer to a heap cell.
    pub boxed: Vec<bool>,
    /// The next free temporary register.
    pub top: Reg,
    /// The first register above every local: registers from here on are temporaries.
    pub first_temp: Reg,
    /// The function contains `defer`: every return goes through the epilogue.
    pub has_defer: bool,
    /// Go would open-code its deferred calls (defer_shape.rs): each `return`
    /// runs them with its own `RunDefers`, at the `return`'s line.
    pub open_coded_defers: bool,
    /// How many deferred built-ins this function wrapped so far: Go names the
    /// wrappers `main.f.deferwrap1`, `2`... and they show in crash traces.
    pub n_deferwraps: u32,
    pub returns: Vec<JumpLabel>,
    pub targets: Vec<Target>,
    /// The jump of a `fallthrough` waiting for the next case body.
    pub fallthrough: Option<JumpLabel>,
    /// The type of each capture slot (for a func literal).
    pub capture_tys: Vec<TypeId>,
    /// The frame buffers of its appends (stackbuf.rs).
    pub frame_bufs: super::stackbuf::FrameBufs,
}

/// The most registers a frame may use (operands are u16).
pub const MAX_REGS: u32 = 60_000;

impl<'c, 'h> FuncCompiler<'c, 'h> {
    /// Compiles HIR function `id` into a prototype.
    pub fn compile(c: &'c mut Compiler<'h>, id: FuncId) -> CResult<FuncProto> {
        let hir: &'h hir::Program = c.hir;
        let func = &hir.funcs[id.0 as usize];
        let Some(body) = &func.body else {
            return native_stub(c, func);
        };
        let n_params = func.params.len() as u16;
        let n_results = func.results.len() as u16;
        let fb = FuncBuilder::new(func.name.clone(), n_params, n_results);
        let c_capture_tys = c.closure_capture_tys.get(&id).cloned().unwrap_or_default();
        let defer_shape = DeferShape::of(body);
        let mut fc = FuncCompiler {
            c,
            func: Some(func),
            fb,
            local_reg: vec![0; func.locals.len()],
            boxed: vec![false; func.locals.len()],
            top: 0,
            first_temp: 0,
            has_defer: defer_shape.has_defer(),
            open_coded_defers: defer_shape.open_coded(),
            n_deferwraps: 0,
            returns: Vec::new(),
            targets: Vec::new(),
            fallthrough: None,
            capture_tys: c_capture_tys,
            frame_bufs: Default::default(),
        };
        if func.locals.len() as u32 + 64 > MAX_REGS {
            return unsupported(func.span, "a function with this many variables");
        }
        // Parameters and results first, in order, then every other local.
        let mut next: Reg = 0;
        let mut placed = vec![false; func.locals.len()];
        for l in func.params.iter().chain(func.results.iter()) {
            fc.local_reg[l.0 as usize] = next;
            placed[l.0 as usize] = true;
            next += 1;
        }
        for (i, done) in placed.iter().enumerate() {
            if !done {
                fc.local_reg[i] = next;
                next += 1;
            }
        }
        let next = fc.reserve_stack_bufs(id, next);
        for (i, local) in func.locals.iter().enumerate() {
            fc.boxed[i] = local.captured || (local.addr_taken && !fc.c.is_agg(local.ty));
        }
        fc.top = next;
        fc.first_temp = next;
        fc.fb.reserve(next);
        if let Some(caps) = fc.c.closure_captures.get(&id).cloned() {
            for cap in caps {
                fc.fb.capture(cap);
            }
        }
        let span = func.span;
        // Prologue: box escaping parameters, zero the results.
        for p in &func.params {
            if fc.boxed[p.0 as usize] {
                let r = fc.local_reg[p.0 as usize];
                fc.fb.emit(Op::NewCell { dst: r, src: r }, span);
            }
        }
        fc.init_stack_bufs(span);
        // Unnamed results are never read before a `return` writes them, unless
        // a recovered panic returns them through the epilogue.
        for r in &func.results {
            let name = &func.locals[r.0 as usize].name;
            if fc.has_defer || !(name.is_empty() || name == "_" || name.starts_with('~')) {
                fc.zero_local(*r, span);
            }
        }
        let slots = func
            .results
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let local = &func.locals[r.0 as usize];
                let named =
                    !local.name.is_empty() && local.name != "_" && !local.name.starts_with('~');
                ResultSlot {
                    name: if named {
                        local.name.clone()
                    } else {
                        format!("~r{i}")
                    },
                    named,
                    ty: fc.c.rt(local.ty),
                    reg: fc.local_reg[r.0 as usize],
                    boxed: fc.boxed[r.0 as usize],
                }
            })
            .collect();
        fc.fb.set_results(slots);
        fc.stmts(body)?;
        // Falling off the end is at the closing brace for Go's traces, and so
        // are the deferred calls any return runs unless Go open-codes them.
        let closing = Span {
            start: span.end.saturating_sub(1),
            end: span.end,
        };
        if fc.fb.end_reachable() {
            fc.emit_return_path(closing)?;
        }
        if fc.has_defer {
            fc.emit_epilogue(closing)?;
        }
        Ok(fc.fb.finish())
    }

    /// The synthesized entry function: globals, initialisers, `main.main`.
    pub fn compile_entry(c: &'c mut Compiler<'h>) -> CResult<FuncProto> {
        let hir: &'h hir::Program = c.hir;
        let mut fc = FuncCompiler {
            c,
            func: None,
            fb: FuncBuilder::new("runtime.main", 0, 0),
            local_reg: Vec::new(),
            boxed: Vec::new(),
            top: 0,
            first_temp: 0,
            has_defer: false,
            open_coded_defers: false,
            n_deferwraps: 0,
            returns: Vec::new(),
            targets: Vec::new(),
            fallthrough: None,
            capture_tys: Vec::new(),
            frame_bufs: Default::default(),
        };
        fc.c.pb.n_globals = hir.globals.len() as u32;
        for (i, g) in hir.globals.iter().enumerate() {
            let r = fc.temp();
            fc.c.emit_zero(&mut fc.fb, g.ty, r, g.span);
            if !fc.c.is_agg(g.ty) {
                // Non-aggregate globals live in cells so `&g` is a plain pointer.
                fc.fb.emit(Op::NewCell { dst: r, src: r }, g.span);
            }
            fc.fb.emit(
                Op::StoreGlobal {
                    idx: i as u32,
                    src: r,
                },
                g.span,
            );
            fc.top = 0;
        }
        fc.stmts(&hir.init)?;
        let main_idx = fc.c.func_index(hir.main);
        let span = hir.funcs[hir.main.0 as usize].span;
        fc.fb.emit(
            Op::Call {
                base: 0,
                func: main_idx,
            },
            span,
        );
        fc.fb.emit(Op::Return { src: 0, n: 0 }, span);
        Ok(fc.fb.finish())
    }

    // ----- registers -----

    /// A fresh temporary register above every live one.
    pub fn temp(&mut self) -> Reg {
        let r = self.top;
        self.top += 1;
        self.fb.reserve(self.top);
        r
    }

    /// `n` consecutive temporaries; returns the first.
    pub fn temps(&mut self, n: u16) -> Reg {
        let r = self.top;
        self.top += n;
        self.fb.reserve(self.top);
        r
    }

    pub fn check_regs(&self, span: Span) -> CResult<()> {
        if self.top as u32 > MAX_REGS {
            return unsupported(span, "an expression this large");
        }
        Ok(())
    }

    pub fn emit(&mut self, op: Op, span: Span) {
        self.fb.emit(op, span);
    }

    pub fn patch(&mut self, label: JumpLabel, span: Span) -> CResult<()> {
        self.fb.patch(label).map_err(|_| too_far(span))
    }

    pub fn emit_loop(&mut self, op: Op, target: usize, span: Span) -> CResult<()> {
        self.fb
            .emit_loop(op, target, span)
            .map_err(|_| too_far(span))
    }

    pub fn local(&self, l: LocalId) -> &'h hir::Local {
        let func: &'h hir::Func = self.func.expect("locals only exist inside a function");
        &func.locals[l.0 as usize]
    }

    /// Whether register 0 holds a struct or array parameter (the receiver
    /// of a value method): one that `ShareAgg` may lend only while the callee
    /// never writes its register.
    pub fn register_zero_is_agg_param(&self) -> bool {
        let func = self.func.expect("a function body");
        func.params
            .first()
            .is_some_and(|&p| self.c.is_agg(self.local_ty(p)))
    }

    pub fn local_ty(&self, l: LocalId) -> TypeId {
        self.local(l).ty
    }

    /// Declares local `l` with its zero value (a fresh cell if boxed).
    pub fn zero_local(&mut self, l: LocalId, span: Span) {
        let r = self.local_reg[l.0 as usize];
        let ty = self.local_ty(l);
        if self.boxed[l.0 as usize] && matches!(self.c.repr(ty), Repr::Int(_)) {
            // An int (the defers benchmark's named result): one instruction.
            self.emit(Op::NewCellInt { dst: r, val: 0 }, span);
        } else if self.boxed[l.0 as usize] {
            // The zero goes through a temporary so `r` still holds its old
            // cell when `NewCell` runs, which reuses it if nothing else can
            // reach it (`Value::renew_cell`).
            let save = self.top;
            let zero = self.temp();
            self.c.emit_zero(&mut self.fb, ty, zero, span);
            self.emit(Op::NewCell { dst: r, src: zero }, span);
            self.top = save;
        } else {
            self.c.emit_zero(&mut self.fb, ty, r, span);
        }
    }

    // ----- returning -----

    /// The code at a `return` after the results are stored: run the defers or return.
    pub fn emit_return_path(&mut self, span: Span) -> CResult<()> {
        if self.open_coded_defers {
            // Go calls open-coded deferred calls at the `return`: a crash
            // trace shows the frame at this line while they run.
            self.emit(Op::RunDefers, span);
        }
        if self.has_defer {
            let j = self.fb.emit_jump(Op::Jump { off: 0 }, span);
            self.returns.push(j);
            return Ok(());
        }
        self.emit_load_results_and_return(span);
        Ok(())
    }

    fn emit_load_results_and_return(&mut self, span: Span) {
        let Some(func) = self.func else {
            self.emit(Op::Return { src: 0, n: 0 }, span);
            return;
        };
        let n = func.results.len() as u16;
        let any_boxed = func.results.iter().any(|r| self.boxed[r.0 as usize]);
        if !any_boxed {
            let src = func
                .results
                .first()
                .map(|r| self.local_reg[r.0 as usize])
                .unwrap_or(0);
            self.emit(Op::Return { src, n }, span);
            return;
        }
        let base = self.temps(n);
        for (i, r) in func.results.iter().enumerate() {
            let reg = self.local_reg[r.0 as usize];
            let dst = base + i as u16;
            if self.boxed[r.0 as usize] {
                self.emit(Op::Load { dst, ptr: reg }, span);
            } else {
                self.emit(Op::Move { dst, src: reg }, span);
            }
        }
        self.emit(Op::Return { src: base, n }, span);
    }

    /// The epilogue every return of a function with `defer` jumps to: its
    /// `RunDefers` (unless each return ran them itself, open-coded), the
    /// loads of the results and `Return`.
    fn emit_epilogue(&mut self, span: Span) -> CResult<()> {
        let mut returns = std::mem::take(&mut self.returns);
        // `return x` at the end of the body jumped to the very next
        // instruction: a dispatch per call for nothing (defers benchmark).
        if let Some(last) = returns.pop() {
            if !self.fb.drop_final_jump(&last) {
                returns.push(last);
            }
        }
        for j in returns {
            self.patch(j, span)?;
        }
        if !self.open_coded_defers {
            self.fb.mark_epilogue();
            self.emit(Op::RunDefers, span);
            self.emit_load_results_and_return(span);
            return Ok(());
        }
        let tail = self.fb.here();
        self.emit_load_results_and_return(span);
        // A recovered panic resumes here, reached only that way. Go then runs
        // the remaining calls through `runtime.deferreturn`, whose call it
        // lays out with the function's no-return blocks: a trace shows the
        // first of them in the source (an explicit `panic`, a division's zero
        // check, a type assertion), whichever panic was recovered, or the
        // closing brace when there is none.
        let resume = self.fb.first_span(ends_in_go_panic_block).unwrap_or(span);
        self.fb.mark_epilogue();
        self.emit(Op::RunDefers, resume);
        self.emit_loop(Op::Jump { off: 0 }, tail, span)?;
        Ok(())
    }
}

/// A body for a bodiless library function: a call of its native.
fn native_stub(c: &mut Compiler<'_>, func: &hir::Func) -> CResult<FuncProto> {
    let name = func.native.clone().unwrap_or_else(|| func.name.clone());
    let Some(native) = c.pb.native(&name) else {
        return unsupported(func.span, format!("the library function {name}"));
    };
    let n_params = func.params.len() as u16;
    let n_results = func.results.len() as u16;
    let mut fb = FuncBuilder::new(func.name.clone(), n_params, n_results);
    fb.emit(
        Op::CallNative {
            base: 0,
            native,
            n_args: n_params as u8,
        },
        func.span,
    );
    fb.emit(
        Op::Return {
            src: 0,
            n: n_results,
        },
        func.span,
    );
    Ok(fb.finish())
}

/// Whether Go compiles `op` with an out-of-line block that calls a runtime
/// function that never returns (`gopanic`, `panicdivide`, `panicdottype`).
/// Go's bounds checks are such blocks too but are left out: its prove pass
/// removes many of them (`for i := range s { s[i] }`), which gomini does not
/// model.
fn ends_in_go_panic_block(op: &Op) -> bool {
    matches!(
        op,
        Op::Panic { .. }
            | Op::DivInt { .. }
            | Op::RemInt { .. }
            | Op::DivUint { .. }
            | Op::RemUint { .. }
            | Op::TypeAssert { .. }
    )
}

fn too_far(span: Span) -> Unsupported {
    Unsupported {
        span,
        message: "function too large: a jump is too far for gomini's bytecode".to_string(),
    }
}
