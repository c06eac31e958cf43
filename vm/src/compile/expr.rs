//! Expressions: each lands in a register, with the instruction chosen by the operand type the checker fixed.
//!
//! A value read from a variable, field or element may alias its storage when it
//! is a struct or array; `expr_owned` makes the copy Go's semantics require
//! wherever a value is stored, passed or boxed.

use gomini_lexer::Span;

use crate::hir::{BinOp, ConstValue, Conversion, Expr, ExprKind, UnOp};
use crate::op::{Op, Reg};
use crate::program::JumpLabel;
use crate::rtype::IntKind;
use crate::types::Type;
use crate::value::Value;

use super::func::FuncCompiler;
use super::types::{needs_wrap, Repr};
use super::{unsupported, CResult};

impl FuncCompiler<'_, '_> {
    /// The register holding `e`'s value: a plain local's own register, or a new temporary.
    pub fn expr(&mut self, e: &Expr) -> CResult<Reg> {
        if let ExprKind::Local(l) = e.kind {
            if !self.boxed[l.0 as usize] {
                return Ok(self.local_reg[l.0 as usize]);
            }
        }
        let t = self.temp();
        self.expr_to(e, t)?;
        Ok(t)
    }

    /// `e`'s value into `dst`, copied if it is an aggregate that may alias storage.
    pub fn expr_owned(&mut self, e: &Expr, dst: Reg) -> CResult<()> {
        // An aggregate local is copied straight from its register (a value receiver, `b := a`).
        if let ExprKind::Local(l) = e.kind {
            if !self.boxed[l.0 as usize] && self.c.is_agg(e.ty) {
                let src = self.local_reg[l.0 as usize];
                // `dst` may be a fresh register above the frame's slots so far.
                self.fb.reserve(dst + 1);
                self.emit(Op::CopyAgg { dst, src }, e.span);
                return Ok(());
            }
        }
        self.expr_to(e, dst)?;
        if self.c.is_agg(e.ty) && !is_fresh(e) {
            self.emit(Op::CopyAgg { dst, src: dst }, e.span);
        }
        Ok(())
    }

    /// Evaluates `e` into `dst`.
    pub fn expr_to(&mut self, e: &Expr, dst: Reg) -> CResult<()> {
        self.check_regs(e.span)?;
        let span = e.span;
        let saved = self.top;
        // Temporaries must never overlap the destination.
        if self.top <= dst {
            self.top = dst + 1;
            self.fb.reserve(self.top);
        }
        let res = self.expr_kind(e, dst, span);
        self.top = saved;
        res
    }

    fn expr_kind(&mut self, e: &Expr, dst: Reg, span: Span) -> CResult<()> {
        match &e.kind {
            ExprKind::Const(v) => self.load_const(v, dst, span),
            ExprKind::Nil => self.emit(Op::LoadNil { dst }, span),
            ExprKind::Local(l) => {
                let r = self.local_reg[l.0 as usize];
                if self.boxed[l.0 as usize] {
                    self.emit(Op::Load { dst, ptr: r }, span);
                } else if r != dst {
                    self.emit(Op::Move { dst, src: r }, span);
                }
            }
            ExprKind::Capture(i) => self.emit(
                Op::LoadCapture {
                    dst,
                    idx: *i as u16,
                },
                span,
            ),
            ExprKind::Global(g) => {
                if self.c.is_agg(e.ty) {
                    self.emit(Op::LoadGlobal { dst, idx: g.0 }, span);
                } else {
                    self.emit(Op::LoadGlobalCell { dst, idx: g.0 }, span);
                }
            }
            ExprKind::Func(f) => self.load_func(*f, dst, span)?,
            ExprKind::Closure(f) => self.closure(*f, dst, span)?,
            ExprKind::Unary(op, x) => self.unary(*op, x, e, dst)?,
            ExprKind::Binary(op, a, b) => self.binary(*op, a, b, dst, span)?,
            ExprKind::Convert(conv, x) => self.convert(*conv, x, e, dst)?,
            ExprKind::ToIface(x) => {
                if self.c.repr(x.ty) == Repr::Interface {
                    self.expr_to(x, dst)?;
                } else {
                    let t = self.temp();
                    self.expr_owned(x, t)?;
                    let ty = self.c.rt(x.ty);
                    self.emit(
                        Op::MakeIface {
                            dst,
                            src: t,
                            ty: ty.0 as u16,
                        },
                        span,
                    );
                }
            }
            ExprKind::Deref(p) => {
                let r = self.expr(p)?;
                self.emit(Op::Load { dst, ptr: r }, span);
            }
            ExprKind::AddrOf(place) => self.addr_of(place, dst, span)?,
            ExprKind::AddrOfLit(lit) => {
                if self.c.is_agg(lit.ty) {
                    self.expr_to(lit, dst)?;
                    self.emit(Op::AddrAgg { dst, agg: dst }, span);
                } else {
                    self.expr_to(lit, dst)?;
                    self.emit(Op::NewCell { dst, src: dst }, span);
                }
            }
            ExprKind::Field(base, i) => {
                // Through a pointer, read the field without copying the struct.
                let agg = match &base.kind {
                    ExprKind::Deref(p) => self.expr(p)?,
                    _ => self.expr(base)?,
                };
                self.emit(
                    Op::LoadField {
                        dst,
                        agg,
                        field: *i as u16,
                    },
                    span,
                );
            }
            ExprKind::ArrayIndex(x, i) | ExprKind::SliceIndex(x, i) => {
                let x = match &x.kind {
                    ExprKind::Deref(p)
                        if matches!(self.c.hir.types.under(x.ty), Type::Array { .. }) =>
                    {
                        let ptr = self.expr(p)?;
                        self.emit(Op::NilCheck { ptr }, span);
                        ptr
                    }
                    _ => self.expr(x)?,
                };
                let i = self.expr(i)?;
                self.emit(Op::LoadElem { dst, x, i }, span);
            }
            ExprKind::StringIndex(s, i) => {
                let s = self.expr(s)?;
                let i = self.expr(i)?;
                self.emit(Op::IndexStr { dst, s, i }, span);
            }
            ExprKind::MapIndex(m, k) => {
                let m = self.expr(m)?;
                let k = self.expr(k)?;
                // MapGet reads the zero value from dst when the key is absent;
                // loading it must not clobber the map or key (`n = prev[n]`).
                if dst == m || dst == k {
                    let t = self.temp();
                    self.c.emit_zero(&mut self.fb, e.ty, t, span);
                    self.emit(Op::MapGet { dst: t, m, key: k }, span);
                    self.emit(Op::Move { dst, src: t }, span);
                } else {
                    self.c.emit_zero(&mut self.fb, e.ty, dst, span);
                    self.emit(Op::MapGet { dst, m, key: k }, span);
                }
            }
            ExprKind::Slice {
                base,
                low,
                high,
                max,
            } => self.slice_expr(base, low, high, max, dst, span)?,
            ExprKind::TypeAssert(x, ty) => {
                let src = self.expr(x)?;
                let iface = self.c.rt(x.ty);
                let target = self.c.rt(*ty);
                let assert = self.c.pb.assertion(iface, target);
                self.emit(Op::TypeAssert { dst, src, assert }, span);
            }
            ExprKind::Call(call) => {
                // Into the newest temporary: the arguments start there, so the
                // result lands in place and needs no `Move`.
                if dst >= self.first_temp && dst + 1 == self.top {
                    self.top = dst;
                }
                let base = self.call(call, span)?;
                if base != dst {
                    self.emit(Op::Move { dst, src: base }, span);
                }
            }
            ExprKind::Builtin(b, args) => self.builtin(*b, args, e.ty, Some(dst), span)?,
            ExprKind::StructLit(fields) => {
                let Type::Struct(decl) = self.c.hir.types.under(e.ty).clone() else {
                    return unsupported(span, "this composite literal");
                };
                let base = self.temps(decl.len() as u16);
                for (i, f) in decl.iter().enumerate() {
                    let r = base + i as u16;
                    match fields.get(i).and_then(|x| x.as_ref()) {
                        Some(v) => self.expr_owned(v, r)?,
                        None => self.c.emit_zero(&mut self.fb, f.ty, r, span),
                    }
                }
                self.emit(
                    Op::MakeAgg {
                        dst,
                        base,
                        n: decl.len() as u16,
                    },
                    span,
                );
            }
            ExprKind::ArrayLit { len, elems } | ExprKind::SliceLit { len, elems } => {
                let elem_ty = match self.c.hir.types.under(e.ty) {
                    Type::Array { elem, .. } | Type::Slice(elem) => *elem,
                    _ => return unsupported(span, "this composite literal"),
                };
                if *len > 4096 {
                    return unsupported(span, "a composite literal with more than 4096 elements");
                }
                let n = *len as u16;
                let base = self.temps(n);
                let dense = elems.len() == *len as usize
                    && elems.iter().enumerate().all(|(i, (k, _))| *k == i as u64);
                if !dense {
                    for i in 0..n {
                        self.c.emit_zero(&mut self.fb, elem_ty, base + i, span);
                    }
                }
                for (k, v) in elems {
                    self.expr_owned(v, base + *k as u16)?;
                }
                if matches!(e.kind, ExprKind::ArrayLit { .. }) {
                    self.emit(Op::MakeAgg { dst, base, n }, span);
                } else {
                    self.emit(Op::SliceLit { dst, base, n }, span);
                }
            }
            ExprKind::MapLit(entries) => {
                self.emit(Op::MakeMap { dst }, span);
                for (k, v) in entries {
                    let kr = self.temp();
                    self.expr_owned(k, kr)?;
                    let vr = self.temp();
                    self.expr_owned(v, vr)?;
                    self.emit(
                        Op::MapSet {
                            m: dst,
                            key: kr,
                            src: vr,
                        },
                        span,
                    );
                }
            }
            ExprKind::MethodValue { recv, func } => self.method_value(recv, *func, dst, span)?,
            ExprKind::IfaceMethodValue { recv, method } => {
                self.iface_method_value(recv, *method, dst, span)?
            }
            ExprKind::MethodExpr { func, deref } => self.method_expr(*func, *deref, dst, span)?,
            ExprKind::IfaceMethodExpr { iface, method } => {
                self.iface_method_expr(*iface, *method, dst, span)?
            }
            ExprKind::MapIndexOk(..) | ExprKind::TypeAssertOk(..) | ExprKind::RecvOk(..) => {
                let base = self.expr_multi(e)?;
                self.emit(Op::Move { dst, src: base }, span);
            }
            ExprKind::Recv(ch) => {
                let c = self.expr(ch)?;
                self.emit(Op::Recv { dst, ch: c }, span);
            }
        }
        Ok(())
    }

    /// A tuple-valued expression into consecutive new temporaries; returns the first.
    pub fn expr_multi(&mut self, e: &Expr) -> CResult<Reg> {
        self.expr_multi_into(e, None)
    }

    /// `expr_multi`, writing a comma-ok pair (`m[k]`, `x.(T)`) straight into
    /// `into` and `into + 1` when given (`v, ok := m[k]` into the locals: no
    /// `Move`s from temporaries, two dispatches per lookup in the maps
    /// benchmark). Returns where the values are.
    pub fn expr_multi_into(&mut self, e: &Expr, into: Option<Reg>) -> CResult<Reg> {
        let span = e.span;
        match &e.kind {
            ExprKind::Call(call) => self.call(call, span),
            ExprKind::MapIndexOk(m, k) => {
                let m = self.expr(m)?;
                let k = self.expr(k)?;
                let dst = self.pair_dst(into, &[m, k]);
                let val_ty = match self.c.hir.types.get(e.ty) {
                    Type::Tuple(ts) => ts[0],
                    _ => return unsupported(span, "this comma-ok expression"),
                };
                // An int's zero is written by the lookup itself when the
                // key is absent: one dispatch per `v, ok := m[k]`, not two.
                if matches!(self.c.repr(val_ty), Repr::Int(_)) {
                    self.emit(Op::MapGetOkInt { dst, m, key: k }, span);
                } else {
                    self.c.emit_zero(&mut self.fb, val_ty, dst, span);
                    self.emit(Op::MapGetOk { dst, m, key: k }, span);
                }
                Ok(dst)
            }
            ExprKind::RecvOk(ch) => {
                let c = self.expr(ch)?;
                let dst = self.temps(2);
                self.emit(Op::RecvOk { dst, ch: c }, span);
                Ok(dst)
            }
            ExprKind::TypeAssertOk(x, ty) => {
                let src = self.expr(x)?;
                let iface = self.c.rt(x.ty);
                let target = self.c.rt(*ty);
                let assert = self.c.pb.assertion(iface, target);
                let dst = self.pair_dst(into, &[src]);
                // A failed assertion leaves dst alone: it must already hold T's zero value.
                self.c.emit_zero(&mut self.fb, *ty, dst, span);
                self.emit(Op::TypeAssertOk { dst, src, assert }, span);
                Ok(dst)
            }
            _ => unsupported(span, "this multi-value expression"),
        }
    }

    /// Where a comma-ok op writes its pair: `into` unless one of the op's
    /// operands lives there (`v, ok := m[v]`: the zero value loaded into `v`
    /// first would clobber the key), else two new temporaries.
    fn pair_dst(&mut self, into: Option<Reg>, operands: &[Reg]) -> Reg {
        match into {
            Some(d) if !operands.iter().any(|&r| r == d || r == d + 1) => d,
            _ => self.temps(2),
        }
    }

    pub fn load_const(&mut self, v: &ConstValue, dst: Reg, span: Span) {
        match v {
            ConstValue::Bool(b) => self.emit(Op::LoadBool { dst, val: *b }, span),
            ConstValue::Int(i) => match i32::try_from(*i) {
                Ok(val) => self.emit(Op::LoadInt { dst, val }, span),
                Err(_) => {
                    let idx = self.fb.constant(Value::Int(*i));
                    self.emit(Op::LoadConst { dst, idx }, span);
                }
            },
            ConstValue::Float(f) => {
                let idx = self.fb.constant(Value::Float(*f));
                self.emit(Op::LoadConst { dst, idx }, span);
            }
            ConstValue::String(s) => {
                let idx = self.fb.constant(Value::str(s.to_vec()));
                self.emit(Op::LoadConst { dst, idx }, span);
            }
        }
    }

    /// After an integer op of `repr`, keep the value within its width.
    pub fn wrap(&mut self, repr: Repr, dst: Reg, span: Span) {
        match repr {
            Repr::Int(kind) if needs_wrap(kind) => self.emit(
                Op::Wrap {
                    dst,
                    src: dst,
                    kind,
                },
                span,
            ),
            Repr::Float32 => self.emit(Op::RoundF32 { dst, src: dst }, span),
            _ => {}
        }
    }

    fn unary(&mut self, op: UnOp, x: &Expr, e: &Expr, dst: Reg) -> CResult<()> {
        let span = e.span;
        let src = self.expr(x)?;
        let repr = self.c.repr(e.ty);
        match (op, repr) {
            (UnOp::Not, _) => self.emit(Op::Not { dst, src }, span),
            (UnOp::Neg, Repr::Int(_)) => self.emit(Op::NegInt { dst, src }, span),
            (UnOp::Neg, Repr::Float32 | Repr::Float64) => {
                self.emit(Op::NegFloat { dst, src }, span)
            }
            (UnOp::BitNot, Repr::Int(_)) => self.emit(Op::BitNot { dst, src }, span),
            _ => return unsupported(span, "this unary operation"),
        }
        if op != UnOp::Not {
            self.wrap(repr, dst, span);
        }
        Ok(())
    }

    fn binary(&mut self, op: BinOp, a: &Expr, b: &Expr, dst: Reg, span: Span) -> CResult<()> {
        if matches!(op, BinOp::LogAnd | BinOp::LogOr) {
            self.expr_to(a, dst)?;
            let j = if op == BinOp::LogAnd {
                self.fb.emit_jump(Op::JumpIfNot { cond: dst, off: 0 }, span)
            } else {
                self.fb.emit_jump(Op::JumpIf { cond: dst, off: 0 }, span)
            };
            self.expr_to(b, dst)?;
            return self.patch(j, span);
        }
        // Comparisons with a literal nil test nil-ness.
        if matches!(op, BinOp::Eq | BinOp::Ne) {
            let other = match (&a.kind, &b.kind) {
                (_, ExprKind::Nil) => Some(a),
                (ExprKind::Nil, _) => Some(b),
                _ => None,
            };
            if let Some(x) = other {
                let src = self.expr(x)?;
                self.emit(Op::IsNil { dst, src }, span);
                if op == BinOp::Ne {
                    self.emit(Op::Not { dst, src: dst }, span);
                }
                return Ok(());
            }
        }
        if let Some(imm) = self.add_imm(op, a.ty, b) {
            let ra = self.expr(a)?;
            self.emit(Op::AddIntImm { dst, a: ra, imm }, span);
            self.wrap(self.c.repr(a.ty), dst, span);
            return Ok(());
        }
        if let Some(make) = self.imm_op(op, a.ty, b) {
            let ra = self.expr(a)?;
            self.emit(make(dst, ra), span);
            // `MinInt8 / -1` overflows its type as a `MulIntImm` can.
            if matches!(op, BinOp::Shl | BinOp::Mul | BinOp::Div) {
                self.wrap(self.c.repr(a.ty), dst, span);
            }
            return Ok(());
        }
        let ra = self.expr(a)?;
        let rb = self.expr(b)?;
        self.arith(op, a.ty, ra, rb, dst, span)
    }

    /// For `x + k` and `x - k` on integers with a constant k that fits: the
    /// immediate of the `AddIntImm` that computes it (`i-1`, `n+1`, `i++`).
    pub fn add_imm(&self, op: BinOp, ty: crate::types::TypeId, b: &Expr) -> Option<i16> {
        let Repr::Int(_) = self.c.repr(ty) else {
            return None;
        };
        let ExprKind::Const(ConstValue::Int(k)) = b.kind else {
            return None;
        };
        let k = match op {
            BinOp::Add => k,
            BinOp::Sub => k.checked_neg()?,
            _ => return None,
        };
        i16::try_from(k).ok()
    }

    /// For `x & k`, `x * k`, `x / k`, `x % k`, `x << k` and `x >> k` on integers
    /// with a constant k that fits: the immediate form's constructor (`i & 7`, `i >> 3`), given (dst, x).
    #[allow(clippy::type_complexity)]
    fn imm_op(
        &self,
        op: BinOp,
        ty: crate::types::TypeId,
        b: &Expr,
    ) -> Option<Box<dyn Fn(Reg, Reg) -> Op>> {
        let Repr::Int(kind) = self.c.repr(ty) else {
            return None;
        };
        let ExprKind::Const(ConstValue::Int(k)) = b.kind else {
            return None;
        };
        // A count past 63 shifts everything out; 64 says so in a u8.
        let n = k.clamp(0, 64) as u8;
        match op {
            BinOp::And => {
                let imm = i16::try_from(k).ok()?;
                Some(Box::new(move |dst, a| Op::AndImm { dst, a, imm }))
            }
            // `i * 3` (maps): no LoadInt of the constant per evaluation.
            BinOp::Mul => {
                let imm = i16::try_from(k).ok()?;
                Some(Box::new(move |dst, a| Op::MulIntImm { dst, a, imm }))
            }
            // `i % 1000`: a nonzero divisor cannot panic, so no zero check
            // and no `LoadInt` (signed only: the unsigned ops differ).
            BinOp::Div if k != 0 && !kind.is_unsigned() => {
                let imm = i16::try_from(k).ok()?;
                Some(Box::new(move |dst, a| Op::DivIntImm { dst, a, imm }))
            }
            BinOp::Rem if k != 0 && !kind.is_unsigned() => {
                let imm = i16::try_from(k).ok()?;
                Some(Box::new(move |dst, a| Op::RemIntImm { dst, a, imm }))
            }
            BinOp::Shl if k >= 0 => Some(Box::new(move |dst, a| Op::ShlImm { dst, a, n })),
            BinOp::Shr if k >= 0 && kind.is_unsigned() => {
                Some(Box::new(move |dst, a| Op::ShrUintImm { dst, a, n }))
            }
            // An arithmetic shift by 63 or more leaves only the sign: clamped
            // here, so the op shifts by its count without a clamp of its own
            // (a compare and a conditional move per shift, loop benchmark).
            BinOp::Shr if k >= 0 => {
                let n = n.min(63);
                Some(Box::new(move |dst, a| Op::ShrIntImm { dst, a, n }))
            }
            _ => None,
        }
    }

    /// Emits the jump out of an `if` body or loop, taken when `cond` is false.
    /// A signed int comparison becomes one fused test (`IfLtInt` ...) before the jump.
    pub fn jump_if_false(&mut self, cond: &Expr, span: Span) -> CResult<JumpLabel> {
        if let Some(test) = self.int_test(cond)? {
            self.emit(test, span);
            return Ok(self.fb.emit_jump(Op::Jump { off: 0 }, span));
        }
        if let Some(test) = self.nil_test(cond)? {
            self.emit(test, span);
            return Ok(self.fb.emit_jump(Op::Jump { off: 0 }, span));
        }
        // `if !x`: jump when x holds, without computing !x.
        if let ExprKind::Unary(UnOp::Not, x) = &cond.kind {
            let c = self.expr(x)?;
            return Ok(self.fb.emit_jump(Op::JumpIf { cond: c, off: 0 }, span));
        }
        let c = self.expr(cond)?;
        Ok(self.fb.emit_jump(Op::JumpIfNot { cond: c, off: 0 }, span))
    }

    /// Emits the back-edge of a bottom-tested loop: a jump to `top` taken when
    /// `cond` holds. A signed int comparison becomes the negated fused test
    /// (which skips the jump when the loop is done) and a `Jump` it takes
    /// undispatched: one dispatch per iteration for test and branch.
    pub fn jump_back_if(&mut self, cond: &Expr, top: usize, span: Span) -> CResult<()> {
        if let Some(test) = self.int_test_negated(cond, true)? {
            self.emit(test, span);
            return self.emit_loop(Op::Jump { off: 0 }, top, span);
        }
        let c = self.expr(cond)?;
        self.emit_loop(Op::JumpIf { cond: c, off: 0 }, top, span)
    }

    /// The fused test for `x == nil` or `x != nil` (either side nil, as in
    /// `binary`), `x` evaluated: `if e := recover(); e != nil` and
    /// `if err != nil` in one dispatch with their branch.
    fn nil_test(&mut self, cond: &Expr) -> CResult<Option<Op>> {
        let ExprKind::Binary(op @ (BinOp::Eq | BinOp::Ne), a, b) = &cond.kind else {
            return Ok(None);
        };
        let x = match (&a.kind, &b.kind) {
            (_, ExprKind::Nil) => a,
            (ExprKind::Nil, _) => b,
            _ => return Ok(None),
        };
        let a = self.expr(x)?;
        Ok(Some(if *op == BinOp::Eq {
            Op::IfNil { a }
        } else {
            Op::IfNotNil { a }
        }))
    }

    /// The fused test for `a < b`, `a <= b`, `a > b` or `a >= b` on signed
    /// ints (b an immediate when it is a constant that fits), operands evaluated.
    fn int_test(&mut self, cond: &Expr) -> CResult<Option<Op>> {
        self.int_test_negated(cond, false)
    }

    /// `int_test` of `cond`, or of `!cond` when `negate` (`!(a < b)` is `a >= b` on ints).
    fn int_test_negated(&mut self, cond: &Expr, negate: bool) -> CResult<Option<Op>> {
        let ExprKind::Binary(op, a, b) = &cond.kind else {
            return Ok(None);
        };
        if !matches!(
            op,
            BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge | BinOp::Eq | BinOp::Ne
        ) {
            return Ok(None);
        }
        let op = &match (op, negate) {
            (op, false) => *op,
            (BinOp::Lt, true) => BinOp::Ge,
            (BinOp::Le, true) => BinOp::Gt,
            (BinOp::Gt, true) => BinOp::Le,
            (BinOp::Ge, true) => BinOp::Lt,
            (BinOp::Eq, true) => BinOp::Ne,
            (_, true) => BinOp::Eq,
        };
        // Equality compares the 64-bit patterns, so it holds for unsigned kinds too.
        let equality = matches!(op, BinOp::Eq | BinOp::Ne);
        match self.c.repr(a.ty) {
            Repr::Int(kind) if equality || !kind.is_unsigned() => {}
            _ => return Ok(None),
        }
        if let ExprKind::Const(ConstValue::Int(k)) = b.kind {
            if let Ok(imm) = i32::try_from(k) {
                let a = self.expr(a)?;
                return Ok(Some(match op {
                    BinOp::Lt => Op::IfLtIntImm { a, imm, off: 0 },
                    BinOp::Le => Op::IfLeIntImm { a, imm, off: 0 },
                    BinOp::Gt => Op::IfGtIntImm { a, imm, off: 0 },
                    BinOp::Ge => Op::IfGeIntImm { a, imm, off: 0 },
                    BinOp::Eq => Op::IfEqIntImm { a, imm, off: 0 },
                    _ => Op::IfNeIntImm { a, imm, off: 0 },
                }));
            }
        }
        let ra = self.expr(a)?;
        let rb = self.expr(b)?;
        Ok(Some(match op {
            BinOp::Lt => Op::IfLtInt {
                a: ra,
                b: rb,
                off: 0,
            },
            BinOp::Le => Op::IfLeInt {
                a: ra,
                b: rb,
                off: 0,
            },
            BinOp::Gt => Op::IfLtInt {
                a: rb,
                b: ra,
                off: 0,
            },
            BinOp::Ge => Op::IfLeInt {
                a: rb,
                b: ra,
                off: 0,
            },
            BinOp::Eq => Op::IfEqInt {
                a: ra,
                b: rb,
                off: 0,
            },
            _ => Op::IfNeInt {
                a: ra,
                b: rb,
                off: 0,
            },
        }))
    }

    /// `dst = x op y` for operands of type `ty` (not `&&`/`||`).
    pub fn arith(
        &mut self,
        op: BinOp,
        ty: crate::types::TypeId,
        x: Reg,
        y: Reg,
        dst: Reg,
        span: Span,
    ) -> CResult<()> {
        let repr = self.c.repr(ty);
        let int = matches!(repr, Repr::Int(_));
        let unsigned = matches!(repr, Repr::Int(k) if k.is_unsigned());
        let float = matches!(repr, Repr::Float32 | Repr::Float64);
        let string = repr == Repr::String;
        let o = match op {
            BinOp::Add if int => Op::AddInt { dst, a: x, b: y },
            BinOp::Add if float => Op::AddFloat { dst, a: x, b: y },
            BinOp::Add if string => Op::Concat { dst, a: x, b: y },
            BinOp::Sub if int => Op::SubInt { dst, a: x, b: y },
            BinOp::Sub if float => Op::SubFloat { dst, a: x, b: y },
            BinOp::Mul if int => Op::MulInt { dst, a: x, b: y },
            BinOp::Mul if float => Op::MulFloat { dst, a: x, b: y },
            BinOp::Div if unsigned => Op::DivUint { dst, a: x, b: y },
            BinOp::Div if int => Op::DivInt { dst, a: x, b: y },
            BinOp::Div if float => Op::DivFloat { dst, a: x, b: y },
            BinOp::Rem if unsigned => Op::RemUint { dst, a: x, b: y },
            BinOp::Rem if int => Op::RemInt { dst, a: x, b: y },
            BinOp::And => Op::And { dst, a: x, b: y },
            BinOp::Or => Op::Or { dst, a: x, b: y },
            BinOp::Xor => Op::Xor { dst, a: x, b: y },
            BinOp::AndNot => Op::AndNot { dst, a: x, b: y },
            BinOp::Shl => Op::Shl { dst, a: x, b: y },
            BinOp::Shr if unsigned => Op::ShrUint { dst, a: x, b: y },
            BinOp::Shr => Op::ShrInt { dst, a: x, b: y },
            BinOp::Eq | BinOp::Ne => {
                let eq = if int {
                    if op == BinOp::Eq {
                        Op::EqInt { dst, a: x, b: y }
                    } else {
                        Op::NeInt { dst, a: x, b: y }
                    }
                } else if float {
                    Op::EqFloat { dst, a: x, b: y }
                } else if op == BinOp::Eq {
                    Op::Eq { dst, a: x, b: y }
                } else {
                    Op::Ne { dst, a: x, b: y }
                };
                self.emit(eq, span);
                if float && op == BinOp::Ne {
                    self.emit(Op::Not { dst, src: dst }, span);
                }
                return Ok(());
            }
            BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => {
                // a > b is b < a; a >= b is b <= a.
                let (l, r) = if matches!(op, BinOp::Gt | BinOp::Ge) {
                    (y, x)
                } else {
                    (x, y)
                };
                let strict = matches!(op, BinOp::Lt | BinOp::Gt);
                let cmp = match (strict, unsigned, int, float, string) {
                    (true, true, _, _, _) => Op::LtUint { dst, a: l, b: r },
                    (false, true, _, _, _) => Op::LeUint { dst, a: l, b: r },
                    (true, _, true, _, _) => Op::LtInt { dst, a: l, b: r },
                    (false, _, true, _, _) => Op::LeInt { dst, a: l, b: r },
                    (true, _, _, true, _) => Op::LtFloat { dst, a: l, b: r },
                    (false, _, _, true, _) => Op::LeFloat { dst, a: l, b: r },
                    (true, _, _, _, true) => Op::LtStr { dst, a: l, b: r },
                    (false, _, _, _, true) => Op::LeStr { dst, a: l, b: r },
                    _ => return unsupported(span, "this comparison"),
                };
                self.emit(cmp, span);
                return Ok(());
            }
            _ => return unsupported(span, "this binary operation"),
        };
        self.emit(o, span);
        if !matches!(
            op,
            BinOp::Shr | BinOp::And | BinOp::Or | BinOp::Xor | BinOp::AndNot
        ) || float
        {
            self.wrap(repr, dst, span);
        }
        Ok(())
    }

    fn convert(&mut self, conv: Conversion, x: &Expr, e: &Expr, dst: Reg) -> CResult<()> {
        let span = e.span;
        match conv {
            Conversion::Retype => return self.expr_to(x, dst),
            Conversion::SliceToArray | Conversion::SliceToArrayPtr => {
                let ptr = conv == Conversion::SliceToArrayPtr;
                let mut arr = e.ty;
                if let Type::Pointer(elem) = self.c.hir.types.under(arr) {
                    arr = *elem;
                }
                let len = match self.c.hir.types.under(arr) {
                    Type::Array { len, .. } => u16::try_from(*len).ok(),
                    _ => None,
                };
                let Some(len) = len else {
                    return unsupported(span, "converting a slice to this array type");
                };
                let src = self.expr(x)?;
                self.emit(Op::SliceToArray { dst, src, len, ptr }, span);
            }
            Conversion::IntToString => {
                let src = self.expr(x)?;
                self.emit(Op::RuneToString { dst, src }, span);
            }
            Conversion::BytesToString => {
                let src = self.expr(x)?;
                self.emit(Op::BytesToString { dst, src }, span);
            }
            Conversion::StringToBytes => {
                let src = self.expr(x)?;
                self.emit(Op::StringToBytes { dst, src }, span);
            }
            Conversion::RunesToString => {
                let base = self.temp();
                self.expr_to(x, base)?;
                self.call_native_named("builtin.runesToString", base, 1, span)?;
                self.emit(Op::Move { dst, src: base }, span);
            }
            Conversion::StringToRunes => {
                let base = self.temp();
                self.expr_to(x, base)?;
                self.call_native_named("builtin.stringToRunes", base, 1, span)?;
                self.emit(Op::Move { dst, src: base }, span);
            }
            Conversion::Numeric => {
                let src = self.expr(x)?;
                let from = self.c.repr(x.ty);
                let to = self.c.repr(e.ty);
                match (from, to) {
                    (Repr::Int(_), Repr::Int(k)) => {
                        if needs_wrap(k) {
                            self.emit(Op::Wrap { dst, src, kind: k }, span);
                        } else if dst != src {
                            self.emit(Op::Move { dst, src }, span);
                        }
                    }
                    (Repr::Int(k), Repr::Float32 | Repr::Float64) => {
                        if k.is_unsigned() {
                            self.emit(Op::UintToFloat { dst, src }, span);
                        } else {
                            self.emit(Op::IntToFloat { dst, src }, span);
                        }
                        if to == Repr::Float32 {
                            self.emit(Op::RoundF32 { dst, src: dst }, span);
                        }
                    }
                    (Repr::Float32 | Repr::Float64, Repr::Int(k)) => {
                        if k.is_unsigned() {
                            self.emit(Op::FloatToUint { dst, src }, span);
                        } else {
                            self.emit(Op::FloatToInt { dst, src }, span);
                        }
                        if needs_wrap(k) {
                            self.emit(
                                Op::Wrap {
                                    dst,
                                    src: dst,
                                    kind: k,
                                },
                                span,
                            );
                        }
                    }
                    (Repr::Float32 | Repr::Float64, Repr::Float32) => {
                        self.emit(Op::RoundF32 { dst, src }, span)
                    }
                    _ => {
                        if dst != src {
                            self.emit(Op::Move { dst, src }, span);
                        }
                    }
                }
            }
        }
        Ok(())
    }

    fn slice_expr(
        &mut self,
        base: &Expr,
        low: &Option<Box<Expr>>,
        high: &Option<Box<Expr>>,
        max: &Option<Box<Expr>>,
        dst: Reg,
        span: Span,
    ) -> CResult<()> {
        let x = self.expr(base)?;
        if self.c.repr(base.ty) == Repr::String {
            let b = self.temps(2);
            match low {
                Some(l) => self.expr_to(l, b)?,
                None => self.emit(Op::LoadInt { dst: b, val: 0 }, span),
            }
            match high {
                Some(h) => self.expr_to(h, b + 1)?,
                None => self.emit(Op::LenStr { dst: b + 1, src: x }, span),
            }
            self.emit(
                Op::SliceStr {
                    dst,
                    s: x,
                    bounds: b,
                },
                span,
            );
            return Ok(());
        }
        let b = self.temps(3);
        for (i, bound) in [low, high, max].into_iter().enumerate() {
            match bound {
                Some(v) => self.expr_to(v, b + i as u16)?,
                None => self.emit(Op::LoadNil { dst: b + i as u16 }, span),
            }
        }
        self.emit(Op::Slice { dst, x, bounds: b }, span);
        Ok(())
    }

    /// `IntKind` of an integer-typed expression (for builtins that need it).
    pub fn int_kind_of(&self, e: &Expr) -> Option<IntKind> {
        match self.c.repr(e.ty) {
            Repr::Int(k) => Some(k),
            _ => None,
        }
    }
}

/// Whether `e` produces a new aggregate nobody else refers to (no copy needed).
pub fn is_fresh(e: &Expr) -> bool {
    matches!(
        e.kind,
        ExprKind::StructLit(_)
            | ExprKind::ArrayLit { .. }
            | ExprKind::Call(_)
            | ExprKind::Const(_)
            | ExprKind::Binary(..)
    )
}
