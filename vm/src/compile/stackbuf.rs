//! Lowering escape.rs's decisions: frame-buffer registers, buffered appends, and moves to the heap.
//!
//! Each buffer of a function gets two registers after its locals: a scratch
//! register for the appended value(s), and right after it the buffer's state
//! (`Nil` until taken, zeroed by the prologue). `AppendStack` and
//! `AppendSliceStack` name the scratch register and find the state next to it,
//! which keeps the ops 8 bytes. Ordinary appends are untouched.

use std::rc::Rc;

use gomini_lexer::Span;

use crate::escape::{BufMode, FuncBufs, Layout, StackBufs};
use crate::hir::{Expr, FuncId, Stmt};
use crate::op::{Op, Reg};
use crate::stackbuf::{BUF_BYTES, MODE_FLAG};
use crate::types::{Type, TypeId};

use super::func::FuncCompiler;
use super::{CResult, Compiler};

/// The buffers of the function being compiled, and where their registers start.
#[derive(Default)]
pub struct FrameBufs {
    analysis: Option<Rc<StackBufs>>,
    func: Option<FuncId>,
    first: Reg,
}

impl FrameBufs {
    fn bufs(&self) -> Option<&FuncBufs> {
        self.analysis.as_ref()?.func(self.func?)
    }
}

impl Compiler<'_> {
    /// The `elem` byte of a buffered append to a slice of type `slice_ty`, if
    /// its element can have a buffer: 1..=32 bytes in Go's layout.
    pub fn stack_buf_elem(&self, slice_ty: TypeId) -> Option<u8> {
        let Type::Slice(elem) = self.hir.types.under(slice_ty) else {
            return None;
        };
        let layout = self.elem_layout(*elem);
        let size = (layout & 0x7f) as usize;
        (1..=BUF_BYTES).contains(&size).then_some(layout)
    }

    /// Runs the escape analysis of the whole program (before any function is compiled).
    pub fn analyze_stack_bufs(&mut self) {
        let hir = self.hir;
        let analysis = crate::escape::analyze(hir, &*self);
        self.stack_bufs = Some(Rc::new(analysis));
    }

    fn can_ssa_at(&self, ty: TypeId, depth: u32) -> bool {
        let size = self.elem_layout(ty) & 0x7f;
        if size == 0 {
            return true;
        }
        if size > 32 || depth > 32 {
            return false;
        }
        match self.hir.types.under(ty) {
            Type::Array { len, elem } => *len <= 1 && self.can_ssa_at(*elem, depth + 1),
            Type::Struct(fields) => {
                fields.len() <= 4 && fields.iter().all(|f| self.can_ssa_at(f.ty, depth + 1))
            }
            _ => true,
        }
    }
}

impl Layout for Compiler<'_> {
    fn buffer_fits(&self, slice_ty: TypeId) -> bool {
        self.stack_buf_elem(slice_ty).is_some()
    }

    fn can_ssa(&self, ty: TypeId) -> bool {
        self.can_ssa_at(ty, 0)
    }
}

impl FuncCompiler<'_, '_> {
    /// Reserves the buffer registers of function `id` from register `next`; returns the next free one.
    pub fn reserve_stack_bufs(&mut self, id: FuncId, next: Reg) -> Reg {
        self.frame_bufs = FrameBufs {
            analysis: self.c.stack_bufs.clone(),
            func: Some(id),
            first: next,
        };
        let n = self.frame_bufs.bufs().map_or(0, |b| b.n_keys);
        // So many buffers would not fit the registers: grow as on the heap instead.
        if next as u32 + 2 * n + 64 > super::func::MAX_REGS {
            self.frame_bufs.func = None;
            return next;
        }
        next + 2 * n as Reg
    }

    /// Prologue: every buffer starts untaken in a new frame.
    pub fn init_stack_bufs(&mut self, span: Span) {
        let n = self.frame_bufs.bufs().map_or(0, |b| b.n_keys);
        for key in 0..n {
            let state = self.frame_bufs.first + 2 * key as Reg + 1;
            self.fb.emit(Op::LoadNil { dst: state }, span);
        }
    }

    /// Before `stmt`: Go's move2heap of the slices that leave the frame there.
    pub fn heap_moves_before(&mut self, stmt: &Stmt) {
        let Some(bufs) = self.frame_bufs.bufs() else {
            return;
        };
        let moves = bufs.moves_before(stmt).to_vec();
        for m in moves {
            let Some(func) = self.func else { return };
            let ty = func.locals[m.local.0 as usize].ty;
            let (Some(elem), false) = (self.c.stack_buf_elem(ty), self.boxed[m.local.0 as usize])
            else {
                continue;
            };
            let op = Op::MoveToHeap {
                s: self.local_reg[m.local.0 as usize],
                state: self.frame_bufs.first + 2 * m.key as Reg + 1,
                elem: elem | if m.keep_cap { MODE_FLAG } else { 0 },
            };
            self.emit(op, stmt.span);
        }
    }

    /// `append(s, x, ...)` (not `xs...`) into `dst` through its frame buffer,
    /// when escape.rs gave it one; `Ok(false)` when it has none.
    pub fn stack_append(
        &mut self,
        args: &[Expr],
        slice_ty: TypeId,
        dst: Reg,
        span: Span,
    ) -> CResult<bool> {
        let Some(site) = self.frame_bufs.bufs().and_then(|b| b.site(args)) else {
            return Ok(false);
        };
        let (Some(elem), Some((first, items))) =
            (self.c.stack_buf_elem(slice_ty), args.split_first())
        else {
            return Ok(false);
        };
        if items.is_empty() {
            return Ok(false);
        }
        let elem = elem
            | if site.mode == BufMode::Ladder {
                MODE_FLAG
            } else {
                0
            };
        let scratch = self.frame_bufs.first + 2 * site.key as Reg;
        let acc = self.temp();
        self.expr_to(first, acc)?;
        if let [item] = items {
            self.expr_owned(item, scratch)?;
            let op = Op::AppendStack {
                dst: acc,
                s: acc,
                v: scratch,
                elem,
            };
            self.emit(op, span);
        } else {
            let n = items.len() as u16;
            let base = self.temps(n);
            for (i, a) in items.iter().enumerate() {
                self.expr_owned(a, base + i as u16)?;
            }
            self.emit(
                Op::SliceLit {
                    dst: scratch,
                    base,
                    n,
                },
                span,
            );
            let op = Op::AppendSliceStack {
                dst: acc,
                s: acc,
                t: scratch,
                elem,
            };
            self.emit(op, span);
        }
        self.emit(Op::Move { dst, src: acc }, span);
        Ok(true)
    }
}
