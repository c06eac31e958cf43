//! Assignable places: resolving one to a location (evaluating its index and pointer operands), storing into it, and taking its address.
//!
//! A struct or array place is assigned by copying into its existing storage
//! (`AssignAgg`), so pointers to it, its fields or elements stay valid.

use gomini_lexer::Span;

use crate::hir::{ConstValue, Expr, ExprKind, Place};
use crate::op::{Op, Reg};
use crate::types::{Type, TypeId};
use crate::value::Value;

use super::func::FuncCompiler;
use super::types::Repr;
use super::{unsupported, CResult};

/// A place with its operands evaluated: where a store goes.
#[derive(Clone, Copy, Debug)]
pub enum Loc {
    Blank,
    /// A local in a register.
    Reg(Reg),
    /// A register holding a pointer (a boxed local, `*p`).
    Ptr(Reg),
    /// A non-aggregate global: its cell, reached through the global slot by
    /// `LoadGlobalCell`/`StoreGlobalCell` (no register holds the pointer).
    GlobalCell(u32),
    Capture(u16),
    /// An aggregate global (its `Agg` is stored in the global slot directly).
    AggGlobal(u32),
    Field(Reg, u16),
    Elem(Reg, Reg),
    Map(Reg, Reg),
}

impl FuncCompiler<'_, '_> {
    /// The static type of a place.
    pub fn place_ty(&self, p: &Place) -> TypeId {
        match p {
            Place::Blank => TypeId::INVALID,
            Place::Local(l) => self.local_ty(*l),
            Place::Capture(i) => self
                .capture_tys
                .get(*i as usize)
                .copied()
                .unwrap_or(TypeId::INVALID),
            Place::Global(g) => self.c.hir.globals[g.0 as usize].ty,
            Place::Deref(e) => match self.c.hir.types.under(e.ty) {
                Type::Pointer(t) => *t,
                _ => TypeId::INVALID,
            },
            Place::Field(base, i) => {
                let bt = self.place_ty(base);
                match self.c.hir.types.under(bt) {
                    Type::Struct(fs) => {
                        fs.get(*i as usize).map(|f| f.ty).unwrap_or(TypeId::INVALID)
                    }
                    _ => TypeId::INVALID,
                }
            }
            Place::ArrayIndex(base, _) => {
                let bt = self.place_ty(base);
                match self.c.hir.types.under(bt) {
                    Type::Array { elem, .. } => *elem,
                    _ => TypeId::INVALID,
                }
            }
            Place::SliceIndex(s, _) => match self.c.hir.types.under(s.ty) {
                Type::Slice(elem) => *elem,
                _ => TypeId::INVALID,
            },
            Place::MapIndex(m, _) => match self.c.hir.types.under(m.ty) {
                Type::Map { value, .. } => *value,
                _ => TypeId::INVALID,
            },
        }
    }

    /// Evaluates the operands of a place (first phase of an assignment).
    pub fn loc(&mut self, p: &Place, span: Span) -> CResult<Loc> {
        Ok(match p {
            Place::Blank => Loc::Blank,
            Place::Local(l) => {
                let r = self.local_reg[l.0 as usize];
                if self.boxed[l.0 as usize] {
                    Loc::Ptr(r)
                } else {
                    Loc::Reg(r)
                }
            }
            Place::Capture(i) => Loc::Capture(*i as u16),
            Place::Global(g) => {
                let ty = self.c.hir.globals[g.0 as usize].ty;
                if self.c.is_agg(ty) {
                    Loc::AggGlobal(g.0)
                } else {
                    Loc::GlobalCell(g.0)
                }
            }
            Place::Deref(e) => {
                let t = self.temp();
                self.expr_to(e, t)?;
                Loc::Ptr(t)
            }
            Place::Field(base, i) => {
                let agg = self.place_agg(base, span)?;
                Loc::Field(agg, *i as u16)
            }
            Place::ArrayIndex(base, i) => {
                let agg = self.place_agg(base, span)?;
                let ir = self.temp();
                self.expr_to(i, ir)?;
                Loc::Elem(agg, ir)
            }
            Place::SliceIndex(s, i) => {
                let sr = self.temp();
                self.expr_to(s, sr)?;
                let ir = self.temp();
                self.expr_to(i, ir)?;
                Loc::Elem(sr, ir)
            }
            Place::MapIndex(m, k) => {
                let mr = self.temp();
                self.expr_to(m, mr)?;
                let kr = self.temp();
                self.expr_owned(k, kr)?;
                Loc::Map(mr, kr)
            }
        })
    }

    /// A register holding the storage of an aggregate place (an alias of its
    /// `Agg`, or a pointer to it), for field and element access.
    fn place_agg(&mut self, p: &Place, span: Span) -> CResult<Reg> {
        match p {
            Place::Deref(e) => {
                let t = self.temp();
                self.expr_to(e, t)?;
                // Indexing through a nil pointer to an array is a nil
                // dereference (a nil struct pointer is caught by the field op).
                if matches!(self.c.hir.types.under(e.ty), Type::Pointer(a) if matches!(self.c.hir.types.under(*a), Type::Array { .. }))
                {
                    self.emit(Op::NilCheck { ptr: t }, span);
                }
                Ok(t)
            }
            Place::Local(l) if !self.boxed[l.0 as usize] => Ok(self.local_reg[l.0 as usize]),
            _ => {
                let loc = self.loc(p, span)?;
                let t = self.temp();
                self.load_loc(loc, t, span)?;
                Ok(t)
            }
        }
    }

    /// Reads the current value at a location (aliasing an aggregate).
    pub fn load_loc(&mut self, loc: Loc, dst: Reg, span: Span) -> CResult<()> {
        match loc {
            Loc::Blank => return unsupported(span, "reading _"),
            Loc::Reg(r) => {
                if r != dst {
                    self.emit(Op::Move { dst, src: r }, span)
                }
            }
            Loc::Ptr(p) => self.emit(Op::Load { dst, ptr: p }, span),
            Loc::GlobalCell(g) => self.emit(Op::LoadGlobalCell { dst, idx: g }, span),
            Loc::Capture(i) => self.emit(Op::LoadCapture { dst, idx: i }, span),
            Loc::AggGlobal(g) => self.emit(Op::LoadGlobal { dst, idx: g }, span),
            Loc::Field(agg, f) => self.emit(Op::LoadField { dst, agg, field: f }, span),
            Loc::Elem(x, i) => self.emit(Op::LoadElem { dst, x, i }, span),
            Loc::Map(m, k) => {
                return unsupported(span, format!("reading map entry {m}/{k} as a place"))
            }
        }
        Ok(())
    }

    /// Stores `src` (already owned: copied if it was an aggregate alias) at `loc`.
    pub fn store_loc(&mut self, loc: Loc, ty: TypeId, src: Reg, span: Span) -> CResult<()> {
        let agg = self.c.is_agg(ty);
        match loc {
            Loc::Blank => {}
            Loc::Map(m, k) => self.emit(Op::MapSet { m, key: k, src }, span),
            Loc::Ptr(p) => self.emit(Op::Store { ptr: p, src }, span),
            Loc::GlobalCell(g) => self.emit(Op::StoreGlobalCell { idx: g, src }, span),
            Loc::Reg(r) if agg => self.emit(Op::AssignAgg { dst: r, src }, span),
            Loc::Reg(r) => {
                if r != src {
                    self.emit(Op::Move { dst: r, src }, span)
                }
            }
            _ if agg => {
                // Copy into the aggregate's existing storage.
                let t = self.temp();
                self.load_loc(loc, t, span)?;
                self.emit(Op::AssignAgg { dst: t, src }, span);
            }
            Loc::Capture(i) => self.emit(Op::StoreCapture { idx: i, src }, span),
            Loc::AggGlobal(g) => self.emit(Op::StoreGlobal { idx: g, src }, span),
            Loc::Field(a, f) => self.emit(
                Op::StoreField {
                    agg: a,
                    field: f,
                    src,
                },
                span,
            ),
            Loc::Elem(x, i) => self.emit(Op::StoreElem { x, i, src }, span),
        }
        Ok(())
    }

    /// `dst = &place`.
    pub fn addr_of(&mut self, p: &Place, dst: Reg, span: Span) -> CResult<()> {
        let ty = self.place_ty(p);
        let agg = self.c.is_agg(ty);
        match p {
            Place::Local(l) if !agg => {
                let r = self.local_reg[l.0 as usize];
                if !self.boxed[l.0 as usize] {
                    return unsupported(span, "taking the address of this variable");
                }
                self.emit(Op::Move { dst, src: r }, span);
            }
            Place::Capture(i) => {
                // A captured aggregate's pointer must name the aggregate itself.
                let capture_agg = matches!(self.capture_is_agg(*i), Some(true));
                if capture_agg {
                    self.emit(
                        Op::LoadCapture {
                            dst,
                            idx: *i as u16,
                        },
                        span,
                    );
                    self.emit(Op::AddrAgg { dst, agg: dst }, span);
                } else {
                    self.emit(
                        Op::CaptureRef {
                            dst,
                            idx: *i as u16,
                        },
                        span,
                    );
                }
            }
            Place::Global(g) => {
                self.emit(Op::LoadGlobal { dst, idx: g.0 }, span);
                if agg {
                    self.emit(Op::AddrAgg { dst, agg: dst }, span);
                }
            }
            Place::Deref(e) => self.expr_to(e, dst)?,
            Place::Field(base, i) => {
                let a = self.place_agg(base, span)?;
                self.emit(
                    Op::AddrField {
                        dst,
                        agg: a,
                        field: *i as u16,
                    },
                    span,
                );
            }
            Place::ArrayIndex(base, i) => {
                let a = self.place_agg(base, span)?;
                let ir = self.expr(i)?;
                self.emit(Op::AddrElem { dst, x: a, i: ir }, span);
            }
            Place::SliceIndex(s, i) => {
                let sr = self.expr(s)?;
                let ir = self.expr(i)?;
                self.emit(Op::AddrElem { dst, x: sr, i: ir }, span);
            }
            _ => {
                // An aggregate local (boxed or not): point at its storage,
                // straight from its register when it has one (`b.WriteString`
                // on a local Builder: no Move first).
                let loc = self.loc(p, span)?;
                if let Loc::Reg(r) = loc {
                    self.emit(Op::AddrAgg { dst, agg: r }, span);
                    return Ok(());
                }
                self.load_loc(loc, dst, span)?;
                self.emit(Op::AddrAgg { dst, agg: dst }, span);
            }
        }
        Ok(())
    }

    /// Whether capture slot `i` of the function being compiled holds an aggregate.
    fn capture_is_agg(&self, i: u32) -> Option<bool> {
        let ty = *self.capture_tys.get(i as usize)?;
        Some(self.c.is_agg(ty))
    }

    /// Assigns an owned value to a place (evaluating the place first).
    pub fn assign_place(&mut self, p: &Place, value: &Expr, span: Span) -> CResult<()> {
        if let Place::Local(l) = p {
            if !self.boxed[l.0 as usize] && !self.c.is_agg(value.ty) {
                let r = self.local_reg[l.0 as usize];
                return self.expr_to(value, r);
            }
        }
        let loc = self.loc_alone(p, span)?;
        if matches!(loc, Loc::Blank) {
            let t = self.temp();
            return self.expr_to(value, t);
        }
        if let Loc::Elem(x, i) = loc {
            if let Some(idx) = self.elem_const(value) {
                self.emit(Op::StoreElemConst { x, i, idx }, span);
                return Ok(());
            }
        }
        // A scalar local is stored straight from its register (`a[i] = x`).
        let src = if self.c.is_agg(value.ty) {
            let t = self.temp();
            self.expr_owned(value, t)?;
            t
        } else {
            self.expr(value)?
        };
        let ty = self.place_ty(p);
        let ty = if ty == TypeId::INVALID { value.ty } else { ty };
        self.store_loc(loc, ty, src, span)
    }

    /// The constant-pool index of `value` when it is a bool or int constant
    /// that `StoreElemConst` can store (sieve's `composite[j] = true`: one
    /// dispatch instead of a `LoadBool` and a `StoreElem`).
    fn elem_const(&mut self, value: &Expr) -> Option<u16> {
        let v = match (&value.kind, self.c.repr(value.ty)) {
            (ExprKind::Const(ConstValue::Bool(b)), Repr::Bool) => Value::Bool(*b),
            (ExprKind::Const(ConstValue::Int(k)), Repr::Int(_)) => Value::Int(*k),
            _ => return None,
        };
        u16::try_from(self.fb.constant(v)).ok()
    }

    /// `loc` of a place assigned alone (`s[i] = v`, `p.x += v`, `m[k] = v`):
    /// index, key, slice and pointer operands that are scalar locals in
    /// registers are used in place instead of being copied to temporaries.
    /// Sound because nothing can write such a local between the place's
    /// evaluation and the store: the right-hand side is an expression, and a
    /// local that a closure or pointer could change lives in a cell (boxed).
    /// A tuple assignment (`i, s[i] = ...`) must keep `loc`'s copies.
    pub fn loc_alone(&mut self, p: &Place, span: Span) -> CResult<Loc> {
        Ok(match p {
            Place::Deref(e) => Loc::Ptr(self.expr(e)?),
            Place::Field(base, i) => match &**base {
                Place::Deref(e) => Loc::Field(self.expr(e)?, *i as u16),
                _ => self.loc(p, span)?,
            },
            Place::ArrayIndex(base, i) => {
                let agg = self.place_agg(base, span)?;
                Loc::Elem(agg, self.expr(i)?)
            }
            Place::SliceIndex(s, i) => {
                let sr = self.expr(s)?;
                Loc::Elem(sr, self.expr(i)?)
            }
            Place::MapIndex(m, k) if !self.c.is_agg(k.ty) => {
                let mr = self.expr(m)?;
                Loc::Map(mr, self.expr(k)?)
            }
            _ => self.loc(p, span)?,
        })
    }
}
