//! Fused loop back-edges: a `for` loop whose post statement steps an int
//! register variable and whose condition compares that variable ends in one
//! `LoopLtImm` ... `LoopGe` (step, test, jump back) instead of an add and a
//! fused test: 5 dispatches per iteration of the loop benchmark become 4.

use gomini_lexer::Span;

use crate::hir::{BinOp, Builtin, ConstValue, Expr, ExprKind, LocalId, Place, Stmt, StmtKind};
use crate::op::{BackEdge, LoopCmp, LoopStepBy, Op, Reg};

use super::func::FuncCompiler;
use super::types::Repr;
use super::CResult;

/// A `for` loop's post statement and condition as one fused back-edge: the
/// variable's register, its step, the register holding the limit and the
/// comparison that keeps the loop going.
pub struct LoopStep<'e> {
    r: Reg,
    step: LoopStepBy,
    limit: Reg,
    cmp: LoopCmp,
    /// `len(s)` of a local `s` in a register, recomputed into `limit` before
    /// each fused step (`i < len(s)`: Go reads it after `i++`; `s` is not `i`,
    /// so reading it first is the same).
    len_of: Option<&'e Expr>,
    /// The limit when it is a constant that fits an `i32` (it is also loaded
    /// into `limit`, see `emit_loop_step`).
    limit_const: Option<i32>,
}

impl FuncCompiler<'_, '_> {
    /// The fused back-edge for `post` and `cond` when they have the shape
    /// `i++` / `i--` / `i += k` / `i -= k` / `i += j` and `i < limit` (or
    /// `<=`, `>`, `>=`, either side), with `i` an `int`/`int64` local in a
    /// register (not a cell: a captured per-iteration variable keeps the
    /// plain code) and `limit` a constant, a local in a register or the `len`
    /// of one. A constant
    /// limit is loaded here, before the loop, into a register of its own, read
    /// by every iteration's test.
    ///
    /// Narrow and unsigned kinds are left alone: their arithmetic needs a
    /// `Wrap` after the add, and their order is not the signed one.
    pub fn loop_step<'e>(
        &mut self,
        cond: Option<&'e Expr>,
        post: Option<&Stmt>,
        span: Span,
    ) -> Option<LoopStep<'e>> {
        let post = post?;
        let StmtKind::OpAssign {
            place: Place::Local(var),
            op,
            rhs,
        } = &post.kind
        else {
            return None;
        };
        let ty = self.local_ty(*var);
        match self.c.repr(ty) {
            Repr::Int(kind) if kind.bits() == 64 && !kind.is_unsigned() => {}
            _ => return None,
        }
        let r = self.local_in_register(*var)?;
        let step = match self.add_imm(*op, ty, rhs) {
            Some(imm) => LoopStepBy::Imm(imm),
            None if *op == BinOp::Add => LoopStepBy::Reg(self.register_local(rhs)?),
            None => return None,
        };
        let ExprKind::Binary(cmp_op, a, b) = &cond?.kind else {
            return None;
        };
        let is_var = |e: &Expr| matches!(e.kind, ExprKind::Local(l) if l == *var);
        // `n > i` is `i < n`.
        let (limit, cmp) = match (is_var(a), is_var(b), cmp_op) {
            (true, _, BinOp::Lt) => (b, LoopCmp::Lt),
            (true, _, BinOp::Le) => (b, LoopCmp::Le),
            (true, _, BinOp::Gt) => (b, LoopCmp::Gt),
            (true, _, BinOp::Ge) => (b, LoopCmp::Ge),
            (false, true, BinOp::Lt) => (a, LoopCmp::Gt),
            (false, true, BinOp::Le) => (a, LoopCmp::Ge),
            (false, true, BinOp::Gt) => (a, LoopCmp::Lt),
            (false, true, BinOp::Ge) => (a, LoopCmp::Le),
            _ => return None,
        };
        let mut len_of = None;
        let mut limit_const = None;
        let limit = match &limit.kind {
            ExprKind::Const(c @ ConstValue::Int(k)) => {
                limit_const = i32::try_from(*k).ok();
                let t = self.temp();
                self.load_const(c, t, span);
                t
            }
            ExprKind::Builtin(Builtin::Len, args) if matches!(args.as_slice(), [s] if !is_var(s) && self.register_local(s).is_some()) =>
            {
                len_of = Some(&**limit);
                self.temp()
            }
            _ => self.register_local(limit)?,
        };
        Some(LoopStep {
            r,
            step,
            limit,
            cmp,
            len_of,
            limit_const,
        })
    }

    /// Emits the fused back-edge `s` to `top` (the start of the loop body).
    pub fn emit_loop_step(&mut self, s: LoopStep<'_>, top: usize, span: Span) -> CResult<()> {
        let LoopStep {
            r,
            step,
            limit,
            cmp,
            len_of,
            limit_const,
        } = s;
        if let Some(len) = len_of {
            self.expr_to(len, limit)?;
        }
        // `i++` up to a constant (the loop benchmark, and most counted
        // loops): the limit travels in the op, so no iteration reads its
        // register (a bounds and a tag check fewer per iteration). The
        // `LoadInt` of the limit before the loop stays: removing it would
        // change the steps the loop takes, and so every seeded schedule.
        let back = u16::try_from(self.fb.here() + 1 - top).ok();
        if let (Some(limit), LoopStepBy::Imm(1), LoopCmp::Lt, Some(back), Ok(r)) =
            (limit_const, step, cmp, back, u8::try_from(r))
        {
            self.emit(Op::LoopIncLtConst { r, back, limit }, span);
            return Ok(());
        }
        self.emit_back_edge(r, step, limit, cmp, top, span)
    }

    /// Emits `R[r] += step`, then the jump back to `top` while `R[r] cmp
    /// R[limit]`: one fused op carrying its jump (`LoopLtImm` ...) when the
    /// counter's register fits in a byte and the jump in a `u16`; otherwise
    /// the add and a fused test with its `Jump` (two dispatches, same meaning).
    pub(super) fn emit_back_edge(
        &mut self,
        r: Reg,
        step: LoopStepBy,
        limit: Reg,
        cmp: LoopCmp,
        top: usize,
        span: Span,
    ) -> CResult<()> {
        let back = u16::try_from(self.fb.here() + 1 - top).ok();
        if let (Some(back), Ok(counter)) = (back, u8::try_from(r)) {
            let edge = BackEdge {
                r: counter,
                limit,
                step,
                cmp,
                back,
            };
            self.emit(edge.op(), span);
            return Ok(());
        }
        let add = match step {
            LoopStepBy::Imm(imm) => Op::AddIntImm { dst: r, a: r, imm },
            LoopStepBy::Reg(b) => Op::AddInt { dst: r, a: r, b },
        };
        self.emit(add, span);
        // The test skips the `Jump` back when it holds: test the loop's
        // comparison negated (`r < limit` goes on unless `limit <= r`).
        let done = match cmp {
            LoopCmp::Lt => Op::IfLeInt {
                a: limit,
                b: r,
                off: 0,
            },
            LoopCmp::Le => Op::IfLtInt {
                a: limit,
                b: r,
                off: 0,
            },
            LoopCmp::Gt => Op::IfLeInt {
                a: r,
                b: limit,
                off: 0,
            },
            LoopCmp::Ge => Op::IfLtInt {
                a: r,
                b: limit,
                off: 0,
            },
        };
        self.emit(done, span);
        self.emit_loop(Op::Jump { off: 0 }, top, span)
    }

    /// The register of `e` when it is a local that lives in one (not boxed).
    fn register_local(&self, e: &Expr) -> Option<Reg> {
        match e.kind {
            ExprKind::Local(l) => self.local_in_register(l),
            _ => None,
        }
    }

    fn local_in_register(&self, l: LocalId) -> Option<Reg> {
        (!self.boxed[l.0 as usize]).then(|| self.local_reg[l.0 as usize])
    }
}
