//! Statements: assignments, control flow, loops (with Go 1.22 per-iteration variables), return and defer.

use gomini_lexer::Span;

use crate::hir::{
    self, Builtin, Expr, ExprKind, LocalId, Place, RangeKind, Stmt, StmtKind, TargetId,
};
use crate::op::{LoopCmp, LoopStepBy, Op, Reg};
use crate::types::{Type, TypeId};

use super::func::{FuncCompiler, Target};
use super::place::Loc;
use super::types::Repr;
use super::{unsupported, CResult};

impl FuncCompiler<'_, '_> {
    pub fn stmts(&mut self, stmts: &[Stmt]) -> CResult<()> {
        for s in stmts {
            self.stmt(s)?;
        }
        Ok(())
    }

    pub fn stmt(&mut self, s: &Stmt) -> CResult<()> {
        self.heap_moves_before(s);
        let saved = self.top;
        let res = self.stmt_kind(s);
        self.top = saved;
        res
    }

    fn stmt_kind(&mut self, s: &Stmt) -> CResult<()> {
        let span = s.span;
        match &s.kind {
            StmtKind::Expr(e) => self.expr_stmt(e)?,
            StmtKind::Zero(l) => self.zero_local(*l, span),
            StmtKind::Init(l, e) => self.init_local(*l, e, span)?,
            StmtKind::Assign { lhs, rhs } => self.assign(lhs, rhs, span)?,
            StmtKind::AssignTuple { lhs, rhs } => {
                let locs = lhs
                    .iter()
                    .map(|p| self.loc(p, span))
                    .collect::<CResult<Vec<_>>>()?;
                let base = self.expr_multi(rhs)?;
                let tys = self.tuple_tys(rhs.ty);
                for (i, (loc, p)) in locs.into_iter().zip(lhs).enumerate() {
                    let ty = self.place_ty(p);
                    let elem = tys.get(i).copied().unwrap_or(ty);
                    let ty = if ty == TypeId::INVALID { elem } else { ty };
                    self.box_tuple_elem(rhs, base + i as u16, elem, ty, span);
                    self.store_loc(loc, ty, base + i as u16, span)?;
                }
            }
            StmtKind::OpAssign { place, op, rhs } => {
                let loc = self.loc_alone(place, span)?;
                let ty = self.place_ty(place);
                // A local in a register is updated in place: `i++` is one `AddIntImm`.
                if let Loc::Reg(r) = loc {
                    if let Some(imm) = self.add_imm(*op, ty, rhs) {
                        self.emit(Op::AddIntImm { dst: r, a: r, imm }, span);
                        self.wrap(self.c.repr(ty), r, span);
                    } else {
                        let b = self.expr(rhs)?;
                        self.arith(*op, ty, r, b, r, span)?;
                    }
                    return Ok(());
                }
                // Elsewhere (a cell, a field, an element) it stays load, add,
                // store, so a race can show between them; `n++` adds an immediate
                // (one instruction fewer: the defers benchmark's `deferred++`).
                let cur = self.temp();
                self.load_loc_any(loc, ty, cur, span)?;
                let res = self.temp();
                if let Some(imm) = self.add_imm(*op, ty, rhs) {
                    self.emit(
                        Op::AddIntImm {
                            dst: res,
                            a: cur,
                            imm,
                        },
                        span,
                    );
                    self.wrap(self.c.repr(ty), res, span);
                } else {
                    let b = self.expr(rhs)?;
                    self.arith(*op, ty, cur, b, res, span)?;
                }
                self.store_loc(loc, ty, res, span)?;
            }
            StmtKind::DefineTuple { locals, rhs } => {
                let into = self.pair_locals(locals);
                let base = self.expr_multi_into(rhs, into)?;
                let tys = self.tuple_tys(rhs.ty);
                for (i, l) in locals.iter().enumerate() {
                    let Some(l) = l else { continue };
                    let r = self.local_reg[l.0 as usize];
                    let src = base + i as u16;
                    let local_ty = self.local_ty(*l);
                    // A map element or asserted aggregate still aliases its
                    // source (a call's results are already the caller's own).
                    let alias = !matches!(rhs.kind, ExprKind::Call(_));
                    if alias && self.c.is_agg(local_ty) {
                        self.emit(Op::CopyAgg { dst: src, src }, span);
                    }
                    let elem = tys.get(i).copied().unwrap_or(local_ty);
                    self.box_tuple_elem(rhs, src, elem, local_ty, span);
                    if src == r && !self.boxed[l.0 as usize] {
                        continue;
                    }
                    if self.boxed[l.0 as usize] {
                        self.emit(Op::NewCell { dst: r, src }, span);
                    } else {
                        self.emit(Op::Move { dst: r, src }, span);
                    }
                }
            }
            StmtKind::Send { chan, value } => {
                let ch = self.expr(chan)?;
                let v = self.temp();
                self.expr_owned(value, v)?;
                self.emit(Op::Send { ch, src: v }, span);
            }
            StmtKind::Go(e) => self.go_stmt(e, span)?,
            StmtKind::Defer(e) => self.defer(e, span)?,
            StmtKind::Return(values) => self.ret(values, span)?,
            StmtKind::Block(b) => self.stmts(b)?,
            StmtKind::If { cond, then, els } => {
                let j = self.jump_if_false(cond, span)?;
                let then_start = self.fb.here();
                self.stmts(then)?;
                match els {
                    Some(els) => {
                        // A then-branch that cannot run past its end (it
                        // returns or panics) needs no jump over the else. An
                        // empty one can: a fused test (`IfLtInt`) skips the
                        // jump to the else and lands right after it.
                        let falls_through = self.fb.here() == then_start || self.fb.end_reachable();
                        let end =
                            falls_through.then(|| self.fb.emit_jump(Op::Jump { off: 0 }, span));
                        self.patch(j, span)?;
                        self.stmts(els)?;
                        if let Some(end) = end {
                            self.patch(end, span)?;
                        }
                    }
                    None => self.patch(j, span)?,
                }
            }
            StmtKind::For {
                target,
                cond,
                post,
                body,
                per_iteration,
            } => self.for_loop(
                *target,
                cond.as_ref(),
                post.as_deref(),
                body,
                per_iteration,
                span,
            )?,
            StmtKind::Range(r) => self.range(r, span)?,
            StmtKind::Switch(sw) => self.switch(sw, span)?,
            StmtKind::TypeSwitch(sw) => self.type_switch(sw, span)?,
            StmtKind::Select(sel) => self.select(sel, span)?,
            StmtKind::Break(t) => {
                let j = self.fb.emit_jump(Op::Jump { off: 0 }, span);
                self.target(*t, span)?.breaks.push(j);
            }
            StmtKind::Continue(t) => {
                let j = self.fb.emit_jump(Op::Jump { off: 0 }, span);
                self.target(*t, span)?.continues.push(j);
            }
            StmtKind::Fallthrough => {
                let j = self.fb.emit_jump(Op::Jump { off: 0 }, span);
                self.fallthrough = Some(j);
            }
            StmtKind::Labeled(s) => self.stmt(s)?,
        }
        Ok(())
    }

    /// Boxes element `r` (of type `elem`) of the tuple `rhs` in place when
    /// it goes into an interface-typed variable of type `dst_ty` (`var e any;
    /// e, ok = m[k]`, `s, ok := s.(int)` with `s` an `any`). A map element or
    /// asserted aggregate is copied first: the interface must not alias it.
    fn box_tuple_elem(&mut self, rhs: &Expr, r: Reg, elem: TypeId, dst_ty: TypeId, span: Span) {
        if dst_ty == TypeId::INVALID
            || self.c.repr(dst_ty) != Repr::Interface
            || self.c.repr(elem) == Repr::Interface
        {
            return;
        }
        if !matches!(rhs.kind, ExprKind::Call(_)) && self.c.is_agg(elem) {
            self.emit(Op::CopyAgg { dst: r, src: r }, span);
        }
        self.box_in_place(r, elem, dst_ty, span);
    }

    /// The first register of `v, ok := ...` when both are locals in
    /// consecutive registers, for `expr_multi_into`.
    fn pair_locals(&self, locals: &[Option<LocalId>]) -> Option<Reg> {
        let [Some(v), Some(ok)] = locals else {
            return None;
        };
        let (v, ok) = (v.0 as usize, ok.0 as usize);
        let r = self.local_reg[v];
        let consecutive = self.local_reg[ok] == r + 1;
        (consecutive && !self.boxed[v] && !self.boxed[ok]).then_some(r)
    }

    fn target(&mut self, id: TargetId, span: Span) -> CResult<&mut Target> {
        match self.targets.iter_mut().rev().find(|t| t.id == id) {
            Some(t) => Ok(t),
            None => unsupported(span, "this break or continue"),
        }
    }

    pub fn tuple_tys(&self, ty: TypeId) -> Vec<TypeId> {
        match self.c.hir.types.get(ty) {
            Type::Tuple(ts) => ts.clone(),
            _ => vec![ty],
        }
    }

    fn expr_stmt(&mut self, e: &Expr) -> CResult<()> {
        match &e.kind {
            hir::ExprKind::Call(call) => {
                self.call(call, e.span)?;
            }
            hir::ExprKind::Builtin(b, args) => self.builtin(*b, args, e.ty, None, e.span)?,
            _ => {
                let t = self.temp();
                self.expr_to(e, t)?;
            }
        }
        Ok(())
    }

    /// Reads a location's value, whatever it is (maps load their element or zero).
    fn load_loc_any(&mut self, loc: Loc, ty: TypeId, dst: Reg, span: Span) -> CResult<()> {
        if let Loc::Map(m, k) = loc {
            self.c.emit_zero(&mut self.fb, ty, dst, span);
            self.emit(Op::MapGet { dst, m, key: k }, span);
            return Ok(());
        }
        self.load_loc(loc, dst, span)
    }

    pub fn init_local(&mut self, l: LocalId, e: &Expr, span: Span) -> CResult<()> {
        let r = self.local_reg[l.0 as usize];
        if self.boxed[l.0 as usize] {
            let t = self.temp();
            self.expr_owned(e, t)?;
            self.emit(Op::NewCell { dst: r, src: t }, span);
        } else {
            self.expr_owned(e, r)?;
        }
        Ok(())
    }

    fn assign(&mut self, lhs: &[Place], rhs: &[Expr], span: Span) -> CResult<()> {
        if lhs.len() == 1 && rhs.len() == 1 {
            return self.assign_place(&lhs[0], &rhs[0], span);
        }
        // Go: index and pointer operands on the left and all right-hand values
        // are evaluated first, then the stores happen left to right.
        let locs = lhs
            .iter()
            .map(|p| self.loc(p, span))
            .collect::<CResult<Vec<_>>>()?;
        let base = self.temps(rhs.len() as u16);
        for (i, e) in rhs.iter().enumerate() {
            self.expr_owned(e, base + i as u16)?;
        }
        for (i, (loc, p)) in locs.into_iter().zip(lhs).enumerate() {
            let ty = self.place_ty(p);
            let ty = if ty == TypeId::INVALID { rhs[i].ty } else { ty };
            self.store_loc(loc, ty, base + i as u16, span)?;
        }
        Ok(())
    }

    fn ret(&mut self, values: &[Expr], span: Span) -> CResult<()> {
        let func = self.func.expect("return inside a function");
        let results = &func.results;
        let any_boxed = results.iter().any(|r| self.boxed[r.0 as usize]);
        // `return x`, `return a + b`: straight from the value's register.
        if let [v] = values {
            if results.len() == 1 && !self.has_defer && !any_boxed && !self.c.is_agg(v.ty) {
                let since = self.fb.here();
                let mut src = self.expr(v)?;
                // Computed straight into register 0, where `Return` puts the
                // result, when that register holds no lent aggregate parameter
                // (`read_only_params` in share.rs must see it only read).
                if !self.register_zero_is_agg_param() && self.fb.land_in_register_zero(since, src) {
                    src = 0;
                }
                self.emit(Op::Return { src, n: 1 }, span);
                return Ok(());
            }
        }
        if !values.is_empty() {
            let base = if values.len() == 1 && results.len() > 1 {
                self.expr_multi(&values[0])?
            } else {
                let base = self.temps(values.len() as u16);
                for (i, v) in values.iter().enumerate() {
                    self.expr_owned(v, base + i as u16)?;
                }
                base
            };
            if !self.has_defer && !any_boxed {
                self.emit(
                    Op::Return {
                        src: base,
                        n: results.len() as u16,
                    },
                    span,
                );
                return Ok(());
            }
            for (i, r) in results.iter().enumerate() {
                let reg = self.local_reg[r.0 as usize];
                let src = base + i as u16;
                if self.boxed[r.0 as usize] {
                    self.emit(Op::Store { ptr: reg, src }, span);
                } else {
                    self.emit(Op::Move { dst: reg, src }, span);
                }
            }
        }
        self.emit_return_path(span)
    }

    fn for_loop(
        &mut self,
        target: TargetId,
        cond: Option<&Expr>,
        post: Option<&Stmt>,
        body: &[Stmt],
        per_iteration: &[LocalId],
        span: Span,
    ) -> CResult<()> {
        // Decided (and a constant limit loaded) before the loop's first instruction.
        let fused = self.loop_step(cond, post, span);
        let head = self.fb.here();
        let exit = match cond {
            Some(c) => {
                let saved = self.top;
                let exit = self.jump_if_false(c, span)?;
                self.top = saved;
                Some(exit)
            }
            None => None,
        };
        let body_start = self.fb.here();
        self.targets.push(Target {
            id: target,
            breaks: Vec::new(),
            continues: Vec::new(),
        });
        self.stmts(body)?;
        let t = self.targets.pop().expect("loop target");
        for j in t.continues {
            self.patch(j, span)?;
        }
        // Go 1.22: each iteration has its own copy of the loop variables; a
        // captured one moves to a fresh cell before the post statement.
        if self.c.opts.per_iteration_loopvars {
            for l in per_iteration {
                if self.boxed[l.0 as usize] {
                    let r = self.local_reg[l.0 as usize];
                    let v = self.temp();
                    self.emit(Op::Load { dst: v, ptr: r }, span);
                    if self.c.is_agg(self.local_ty(*l)) {
                        self.emit(Op::CopyAgg { dst: v, src: v }, span);
                    }
                    self.emit(Op::NewCell { dst: r, src: v }, span);
                }
            }
        }
        if let (Some(fused), Some(p)) = (fused, post) {
            self.heap_moves_before(p);
            self.emit_loop_step(fused, body_start, p.span)?;
        } else {
            self.for_loop_tail(cond, post, head, body_start, span)?;
        }
        if let Some(j) = exit {
            self.patch(j, span)?;
        }
        for j in t.breaks {
            self.patch(j, span)?;
        }
        Ok(())
    }

    /// The end of a `for` loop that `loop_step` could not fuse: the post
    /// statement, then the back-edge.
    fn for_loop_tail(
        &mut self,
        cond: Option<&Expr>,
        post: Option<&Stmt>,
        head: usize,
        body_start: usize,
        span: Span,
    ) -> CResult<()> {
        if let Some(p) = post {
            self.stmt(p)?;
        }
        // A condition cheap to evaluate twice is tested again at the bottom:
        // the back-edge jumps to the body while it holds, one branch per
        // iteration instead of a jump to the head plus the test there.
        match cond {
            Some(c) if is_cheap_cond(c) => {
                let saved = self.top;
                self.jump_back_if(c, body_start, span)?;
                self.top = saved;
            }
            _ => self.emit_loop(Op::Jump { off: 0 }, head, span)?,
        }
        Ok(())
    }

    /// Stores a range key or value: a fresh variable per iteration when declared by `:=`.
    fn range_store(
        &mut self,
        p: &Place,
        define: bool,
        src: Reg,
        ty: TypeId,
        span: Span,
    ) -> CResult<()> {
        if let (true, Place::Local(l)) = (define, p) {
            let r = self.local_reg[l.0 as usize];
            let fresh = self.c.opts.per_iteration_loopvars;
            if self.boxed[l.0 as usize] && fresh {
                self.emit(Op::NewCell { dst: r, src }, span);
                return Ok(());
            }
        }
        let loc = self.loc(p, span)?;
        self.store_loc(loc, ty, src, span)
    }

    /// The register of a range key or value that is a local living in one.
    fn unboxed_local(&self, p: &Place) -> Option<Reg> {
        match p {
            Place::Local(l) if !self.boxed[l.0 as usize] => Some(self.local_reg[l.0 as usize]),
            _ => None,
        }
    }

    /// With shared loop variables, a boxed range variable gets its one cell before the loop.
    fn range_predeclare(&mut self, p: Option<&Place>, define: bool, span: Span) {
        if let (Some(Place::Local(l)), true) = (p, define) {
            if self.boxed[l.0 as usize] && !self.c.opts.per_iteration_loopvars {
                self.zero_local(*l, span);
            }
        }
    }

    fn range(&mut self, r: &hir::Range, span: Span) -> CResult<()> {
        let key_ty = r
            .key
            .as_ref()
            .map(|p| self.place_ty(p))
            .unwrap_or(TypeId::INT);
        let val_ty = r
            .value
            .as_ref()
            .map(|p| self.place_ty(p))
            .unwrap_or(TypeId::INVALID);
        self.range_predeclare(r.key.as_ref(), r.define, span);
        self.range_predeclare(r.value.as_ref(), r.define, span);
        match r.kind {
            RangeKind::Int | RangeKind::Array | RangeKind::ArrayPtr | RangeKind::Slice => {
                // Loop state: the subject, its length, the index.
                let subj = self.temp();
                let n = self.temp();
                let i = self.temp();
                if r.kind == RangeKind::Array && r.value.is_some() {
                    self.expr_owned(&r.subject, subj)?;
                } else {
                    self.expr_to(&r.subject, subj)?;
                }
                if r.kind == RangeKind::Int {
                    self.emit(Op::Move { dst: n, src: subj }, span);
                } else if r.kind == RangeKind::ArrayPtr && r.value.is_none() {
                    let len = match self.c.hir.types.under(r.subject.ty) {
                        Type::Pointer(a) => match self.c.hir.types.under(*a) {
                            Type::Array { len, .. } => *len as i32,
                            _ => 0,
                        },
                        _ => 0,
                    };
                    self.emit(Op::LoadInt { dst: n, val: len }, span);
                } else {
                    self.emit(Op::Len { dst: n, src: subj }, span);
                }
                self.emit(Op::LoadInt { dst: i, val: 0 }, span);
                // Tested on entry, then at the bottom by the fused back-edge
                // (`LoopLtImm`): one dispatch per iteration for the index.
                self.emit(Op::IfLtInt { a: i, b: n, off: 0 }, span);
                let exit = self.fb.emit_jump(Op::Jump { off: 0 }, span);
                let top = self.fb.here();
                // The key and value temporaries are free again in the body.
                let body_temps = self.top;
                // A key or scalar value in a register is written there
                // directly, not through a temporary and a Move.
                if let Some(k) = named(&r.key) {
                    if let Some(kr) = self.unboxed_local(k) {
                        self.emit(Op::Move { dst: kr, src: i }, span);
                    } else {
                        let kr = self.temp();
                        self.emit(Op::Move { dst: kr, src: i }, span);
                        self.range_store(k, r.define, kr, key_ty, span)?;
                    }
                }
                let value_reg = match named(&r.value) {
                    Some(v) if !self.c.is_agg(val_ty) => self.unboxed_local(v),
                    _ => None,
                };
                if let Some(vr) = value_reg {
                    self.emit(
                        Op::LoadElem {
                            dst: vr,
                            x: subj,
                            i,
                        },
                        span,
                    );
                } else if let Some(v) = named(&r.value) {
                    let vr = self.temp();
                    self.emit(
                        Op::LoadElem {
                            dst: vr,
                            x: subj,
                            i,
                        },
                        span,
                    );
                    if self.c.is_agg(val_ty) {
                        self.emit(Op::CopyAgg { dst: vr, src: vr }, span);
                    }
                    self.range_store(v, r.define, vr, val_ty, span)?;
                }
                self.top = body_temps;
                self.range_body(r, span)?;
                self.emit_back_edge(i, LoopStepBy::Imm(1), n, LoopCmp::Lt, top, span)?;
                self.patch(exit, span)?;
                self.patch_breaks(span)?;
            }
            RangeKind::String => {
                let s = self.temp();
                let n = self.temp();
                let i = self.temp();
                let rune = self.temps(2);
                self.expr_to(&r.subject, s)?;
                self.emit(Op::LenStr { dst: n, src: s }, span);
                self.emit(Op::LoadInt { dst: i, val: 0 }, span);
                let top = self.fb.here();
                let cond = self.temp();
                self.emit(
                    Op::LtInt {
                        dst: cond,
                        a: i,
                        b: n,
                    },
                    span,
                );
                let exit = self.fb.emit_jump(Op::JumpIfNot { cond, off: 0 }, span);
                self.emit(Op::DecodeRune { dst: rune, s, i }, span);
                if let Some(k) = named(&r.key) {
                    let kr = self.temp();
                    self.emit(Op::Move { dst: kr, src: i }, span);
                    self.range_store(k, r.define, kr, key_ty, span)?;
                }
                if let Some(v) = named(&r.value) {
                    let vr = self.temp();
                    self.emit(Op::Move { dst: vr, src: rune }, span);
                    self.range_store(v, r.define, vr, val_ty, span)?;
                }
                self.top = cond;
                self.range_body(r, span)?;
                self.emit(
                    Op::AddInt {
                        dst: i,
                        a: i,
                        b: rune + 1,
                    },
                    span,
                );
                self.emit_loop(Op::Jump { off: 0 }, top, span)?;
                self.patch(exit, span)?;
                self.patch_breaks(span)?;
            }
            RangeKind::Map => {
                // MapIterNext reads the map from the register after the iterator.
                let it = self.temps(2);
                self.expr_to(&r.subject, it + 1)?;
                self.emit(Op::MapIterStart { dst: it, m: it + 1 }, span);
                let kv = self.temps(2);
                let top = self.fb.here();
                let exit = self.fb.emit_jump(
                    Op::MapIterNext {
                        dst: kv,
                        iter: it,
                        off: 0,
                    },
                    span,
                );
                if let Some(k) = named(&r.key) {
                    let kr = self.temp();
                    self.emit(Op::Move { dst: kr, src: kv }, span);
                    if self.c.is_agg(key_ty) {
                        self.emit(Op::CopyAgg { dst: kr, src: kr }, span);
                    }
                    self.range_store(k, r.define, kr, key_ty, span)?;
                }
                if let Some(v) = named(&r.value) {
                    let vr = self.temp();
                    self.emit(
                        Op::Move {
                            dst: vr,
                            src: kv + 1,
                        },
                        span,
                    );
                    if self.c.is_agg(val_ty) {
                        self.emit(Op::CopyAgg { dst: vr, src: vr }, span);
                    }
                    self.range_store(v, r.define, vr, val_ty, span)?;
                }
                self.top = kv + 2;
                self.range_body(r, span)?;
                self.emit_loop(Op::Jump { off: 0 }, top, span)?;
                self.patch(exit, span)?;
                self.patch_breaks(span)?;
            }
            RangeKind::Chan => {
                // for v := range ch: receive with ok until the channel is closed and drained.
                let ch = self.temp();
                self.expr_to(&r.subject, ch)?;
                let vo = self.temps(2);
                let top = self.fb.here();
                self.emit(Op::RecvOk { dst: vo, ch }, span);
                let exit = self.fb.emit_jump(
                    Op::JumpIfNot {
                        cond: vo + 1,
                        off: 0,
                    },
                    span,
                );
                if let Some(k) = named(&r.key) {
                    let kr = self.temp();
                    self.emit(Op::Move { dst: kr, src: vo }, span);
                    self.range_store(k, r.define, kr, key_ty, span)?;
                }
                self.top = vo + 2;
                self.range_body(r, span)?;
                self.emit_loop(Op::Jump { off: 0 }, top, span)?;
                self.patch(exit, span)?;
                self.patch_breaks(span)?;
            }
        }
        Ok(())
    }

    /// The body of a range loop; its `continue`s land on the increment emitted next.
    fn range_body(&mut self, r: &hir::Range, span: Span) -> CResult<()> {
        self.targets.push(Target {
            id: r.target,
            breaks: Vec::new(),
            continues: Vec::new(),
        });
        self.stmts(&r.body)?;
        let conts = std::mem::take(&mut self.targets.last_mut().expect("range target").continues);
        for j in conts {
            self.patch(j, span)?;
        }
        Ok(())
    }

    fn patch_breaks(&mut self, span: Span) -> CResult<()> {
        let t = self.targets.pop().expect("loop target");
        for j in t.breaks {
            self.patch(j, span)?;
        }
        Ok(())
    }
}

/// Whether a loop condition can be compiled twice (entry test and back-edge)
/// at no cost but code size: locals, constants and operators over them,
/// `len` and fields. Nothing that calls, receives or allocates.
fn is_cheap_cond(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Const(_) | ExprKind::Local(_) | ExprKind::Capture(_) | ExprKind::Global(_) => {
            true
        }
        ExprKind::Unary(_, x) | ExprKind::Field(x, _) => is_cheap_cond(x),
        ExprKind::Binary(_, a, b) => is_cheap_cond(a) && is_cheap_cond(b),
        ExprKind::Builtin(Builtin::Len, args) => args.iter().all(is_cheap_cond),
        _ => false,
    }
}

/// A range key or value that is stored: `_` is neither copied nor loaded, as
/// in Go (`for _, w := range ws` reads no index, `for i, _ := range s` no
/// element), which saves a `Move` or a load per iteration.
fn named(p: &Option<Place>) -> Option<&Place> {
    p.as_ref().filter(|p| !matches!(p, Place::Blank))
}
