//! Assignability, implicit conversion of untyped operands and interface boxing, and explicit conversions `T(x)`.

use gomini_parser::ast;
use num_bigint::BigInt;
use num_traits::ToPrimitive;

use super::constant::{representable, Const, Repr};
use super::operand::{Mode, Operand};
use super::Checker;
use crate::hir::{self, ConstValue, Conversion, ExprKind};
use crate::types::{Basic, ChanDir, Type, TypeId};

impl<'l> Checker<'l> {
    /// The type an untyped operand gets where no type is required (`x := 1` is int).
    pub(crate) fn default_type(&self, ty: TypeId) -> TypeId {
        match self.types.get(ty) {
            Type::Basic(Basic::UntypedBool) => TypeId::BOOL,
            Type::Basic(Basic::UntypedInt) => TypeId::INT,
            Type::Basic(Basic::UntypedRune) => TypeId::RUNE,
            Type::Basic(Basic::UntypedFloat) => TypeId::FLOAT64,
            Type::Basic(Basic::UntypedString) => TypeId::STRING,
            _ => ty,
        }
    }

    /// A constant's HIR node in its final type `ty`.
    pub(crate) fn const_expr(
        &self,
        value: &Const,
        ty: TypeId,
        span: gomini_lexer::Span,
    ) -> hir::Expr {
        let basic = self.types.basic(ty);
        let cv = match value {
            Const::Bool(b) => ConstValue::Bool(*b),
            Const::String(s) => ConstValue::String(s.clone().into_boxed_slice()),
            Const::Int(_) | Const::Float(_) => {
                if basic.is_some_and(|b| b.is_float()) {
                    let f = value.to_f64();
                    ConstValue::Float(if basic == Some(Basic::Float32) {
                        f as f32 as f64
                    } else {
                        f
                    })
                } else {
                    let i = value.to_int().unwrap_or_default();
                    let bits = i
                        .to_i64()
                        .or_else(|| i.to_u64().map(|u| u as i64))
                        .unwrap_or(0);
                    ConstValue::Int(bits)
                }
            }
        };
        hir::Expr {
            kind: ExprKind::Const(cv),
            ty,
            span,
        }
    }

    /// Whether a value of type `v` may be assigned to type `t` (untyped constants aside).
    pub(crate) fn assignable_type(&self, v: TypeId, t: TypeId) -> bool {
        if self.types.identical(v, t) || v == TypeId::INVALID || t == TypeId::INVALID {
            return true;
        }
        let (vu, tu) = (self.types.underlying(v), self.types.underlying(t));
        if self.types.identical(vu, tu)
            && (!self.types.is_named(v) || !self.types.is_named(t))
            && !self.types.is_untyped(v)
        {
            return true;
        }
        if self.types.is_interface(t)
            && self.implements(v, t)
            && !matches!(self.types.get(v), Type::Tuple(_))
        {
            return true;
        }
        if let (
            Type::Chan {
                dir: ChanDir::Both,
                elem: ve,
            },
            Type::Chan { elem: te, .. },
        ) = (self.types.get(vu), self.types.get(tu))
        {
            if self.types.identical(*ve, *te)
                && (!self.types.is_named(v) || !self.types.is_named(t))
            {
                return true;
            }
        }
        if v == TypeId::UNTYPED_NIL {
            return matches!(
                self.types.under(t),
                Type::Pointer(_)
                    | Type::Func(_)
                    | Type::Slice(_)
                    | Type::Map { .. }
                    | Type::Chan { .. }
                    | Type::Interface(_)
            );
        }
        if let Type::Basic(b) = self.types.get(v) {
            if b.is_untyped() {
                if let Type::Basic(tb) = self.types.under(t) {
                    return match b {
                        Basic::UntypedBool => tb.is_boolean(),
                        Basic::UntypedString => tb.is_string(),
                        Basic::UntypedInt | Basic::UntypedRune | Basic::UntypedFloat => {
                            tb.is_numeric()
                        }
                        _ => false,
                    };
                }
                return self.types.is_interface(t) && self.types.iface_methods(t).is_empty();
            }
        }
        false
    }

    /// Converts `op` for use as a value of type `target` in `context`
    /// (`assignment`, `argument to f`, `return statement`...), reporting Go's
    /// `cannot use ...` when it cannot be; the result is the HIR to store.
    pub(crate) fn assign_to(
        &mut self,
        op: Operand,
        e: &ast::Expr,
        target: TypeId,
        context: &str,
    ) -> hir::Expr {
        let span = op.span();
        if op.is_invalid() || target == TypeId::INVALID {
            return op.expr;
        }
        if !self.single_value(&op, e) {
            return hir::Expr {
                kind: ExprKind::Nil,
                ty: TypeId::INVALID,
                span,
            };
        }
        if matches!(op.mode, Mode::Nil) {
            if self.assignable_type(TypeId::UNTYPED_NIL, target) {
                return hir::Expr {
                    kind: ExprKind::Nil,
                    ty: target,
                    span,
                };
            }
            self.error(
                span,
                format!(
                    "cannot use nil as {} value in {context}",
                    self.ty_str(target)
                ),
            );
            return op.expr;
        }
        if let Mode::Const(value) = &op.mode {
            if self.types.is_untyped(op.ty) {
                let value = value.clone();
                if self.types.is_interface(target) {
                    if !self.types.iface_methods(target).is_empty() {
                        let reason = self
                            .missing_method(self.default_type(op.ty), target)
                            .unwrap_or_default();
                        // Go describes the constant after its implicit conversion to the default type.
                        let typed = Operand {
                            mode: op.mode.clone(),
                            ty: self.default_type(op.ty),
                            expr: op.expr_clone_invalid(),
                            local: None,
                        };
                        self.error(span, format!("cannot use {} as {} value in {context}: {} does not implement {} {reason}", self.describe(&typed, e), self.ty_str(target), self.ty_str(self.default_type(op.ty)), self.ty_str(target)));
                        return op.expr;
                    }
                    let dt = self.default_type(op.ty);
                    let inner = self.const_in_type(&op, e, &value, dt, context);
                    return hir::Expr {
                        kind: ExprKind::ToIface(Box::new(inner)),
                        ty: target,
                        span,
                    };
                }
                return self.const_in_type(&op, e, &value, target, context);
            }
        }
        if self.types.is_untyped(op.ty) {
            // A non-constant untyped bool (a comparison) takes the target's type.
            let dt = self.default_type(op.ty);
            if self.types.is_interface(target) {
                let mut inner = op.expr;
                self.retype(&mut inner, dt);
                return hir::Expr {
                    kind: ExprKind::ToIface(Box::new(inner)),
                    ty: target,
                    span,
                };
            }
            if self.types.basic(target).is_some_and(|b| b.is_boolean()) {
                let mut inner = op.expr;
                inner.ty = target;
                return inner;
            }
            let ub = self.types.basic(op.ty);
            if ub.is_some_and(|b| b.is_numeric())
                && self.types.basic(target).is_some_and(|b| b.is_numeric())
            {
                let mut inner = op.expr;
                self.retype(&mut inner, target);
                return inner;
            }
        }
        if !self.assignable_type(op.ty, target) {
            let mut msg = format!(
                "cannot use {} as {} value in {context}",
                self.describe(&op, e),
                self.ty_str(target)
            );
            if self.types.is_interface(target) {
                if let Some(reason) = self.missing_method(op.ty, target) {
                    let reason = reason.lines().next().unwrap_or_default().to_string();
                    msg = format!(
                        "{msg}: {} does not implement {} {reason}",
                        self.ty_str(op.ty),
                        self.ty_str(target)
                    );
                }
            } else if self.types.is_interface(op.ty) && self.implements(target, op.ty) {
                // Go: an interface value holding a `target` needs `x.(target)`.
                msg.push_str(": need type assertion");
            }
            self.error(span, msg);
            return op.expr;
        }
        self.box_if_needed(op.expr, target)
    }

    /// Wraps a value of a concrete type in `ToIface` when `target` is an interface.
    pub(crate) fn box_if_needed(&self, expr: hir::Expr, target: TypeId) -> hir::Expr {
        if !self.types.identical(expr.ty, target) && self.types.is_interface(target) {
            let span = expr.span;
            return hir::Expr {
                kind: ExprKind::ToIface(Box::new(expr)),
                ty: target,
                span,
            };
        }
        if expr.ty != target {
            let mut expr = expr;
            expr.ty = target;
            return expr;
        }
        expr
    }

    /// An untyped constant converted to `target`, with Go's representability errors.
    fn const_in_type(
        &mut self,
        op: &Operand,
        e: &ast::Expr,
        value: &Const,
        target: TypeId,
        context: &str,
    ) -> hir::Expr {
        let span = op.span();
        let Some(tb) = self.types.basic(target) else {
            self.error(
                span,
                format!(
                    "cannot use {} as {} value in {context}",
                    self.describe(op, e),
                    self.ty_str(target)
                ),
            );
            return op.expr_clone_invalid();
        };
        let ok_kind = match self.types.basic(op.ty) {
            Some(Basic::UntypedBool) => tb.is_boolean(),
            Some(Basic::UntypedString) => tb.is_string(),
            _ => tb.is_numeric(),
        };
        if !ok_kind {
            self.error(
                span,
                format!(
                    "cannot use {} as {} value in {context}",
                    self.describe(op, e),
                    self.ty_str(target)
                ),
            );
            return op.expr_clone_invalid();
        }
        match representable(value, tb) {
            Ok(v) => self.const_expr(&v, target, span),
            Err(Repr::Overflows) => {
                self.error(
                    span,
                    format!(
                        "cannot use {} as {} value in {context} (overflows)",
                        self.describe(op, e),
                        self.ty_str(target)
                    ),
                );
                op.expr_clone_invalid()
            }
            Err(Repr::Truncated) => {
                self.error(
                    span,
                    format!(
                        "cannot use {} as {} value in {context} (truncated)",
                        self.describe(op, e),
                        self.ty_str(target)
                    ),
                );
                op.expr_clone_invalid()
            }
            Err(Repr::Mismatch) => {
                self.error(
                    span,
                    format!(
                        "cannot use {} as {} value in {context}",
                        self.describe(op, e),
                        self.ty_str(target)
                    ),
                );
                op.expr_clone_invalid()
            }
        }
    }

    /// Gives an untyped operand a type (its default, or `hint` when it is
    /// compatible); used where Go converts untyped operands implicitly.
    pub(crate) fn materialize(
        &mut self,
        op: Operand,
        e: &ast::Expr,
        hint: Option<TypeId>,
    ) -> Operand {
        if !self.types.is_untyped(op.ty) || op.is_invalid() {
            return op;
        }
        if matches!(op.mode, Mode::Nil) {
            if let Some(t) = hint {
                return Operand::new(Mode::Value, t, ExprKind::Nil, op.span());
            }
            self.error(op.span(), "use of untyped nil in assignment");
            return Operand::invalid(op.span());
        }
        let target = hint.unwrap_or_else(|| self.default_type(op.ty));
        let mode = op.mode.clone();
        let span = op.span();
        let expr = self.assign_to(op, e, target, "assignment");
        let ty = expr.ty;
        let mode = match mode {
            Mode::Const(c) => match self.types.basic(ty).map(|b| representable(&c, b)) {
                Some(Ok(v)) => Mode::Const(v),
                _ => Mode::Const(c),
            },
            m => m,
        };
        Operand {
            mode,
            ty,
            expr: hir::Expr { span, ..expr },
            local: None,
        }
    }

    /// Reports a multi-value or no-value operand used as a single value.
    pub(crate) fn single_value(&mut self, op: &Operand, e: &ast::Expr) -> bool {
        match op.mode {
            Mode::NoValue => {
                self.error(
                    op.span(),
                    format!(
                        "{} (no value) used as value",
                        super::exprstr::expr_string(e)
                    ),
                );
                false
            }
            Mode::TypeExpr => {
                self.error(
                    op.span(),
                    format!(
                        "{} (type) is not an expression",
                        super::exprstr::expr_string(e)
                    ),
                );
                false
            }
            Mode::Builtin(_) => {
                self.error(
                    op.span(),
                    format!(
                        "{} (built-in) must be called",
                        super::exprstr::expr_string(e)
                    ),
                );
                false
            }
            _ => {
                if let Type::Tuple(elems) = self.types.get(op.ty) {
                    let n = elems.len();
                    self.error(
                        op.span(),
                        format!(
                            "multiple-value {} (value of type {}) in single-value context",
                            super::exprstr::expr_string(e),
                            self.ty_str(op.ty)
                        ),
                    );
                    let _ = n;
                    return false;
                }
                true
            }
        }
    }

    /// `T(x)`: Go's conversion rules, constant conversions folded.
    pub(crate) fn conversion(
        &mut self,
        target: TypeId,
        op: Operand,
        e: &ast::Expr,
        call_span: gomini_lexer::Span,
    ) -> Operand {
        let span = call_span;
        if op.is_invalid() || target == TypeId::INVALID {
            return Operand::invalid(span);
        }
        if !self.single_value(&op, e) {
            return Operand::invalid(span);
        }
        let tb = self.types.basic(target);
        // Constant conversions stay constant.
        if let Mode::Const(value) = &op.mode {
            if let Some(tb) = tb {
                let value = value.clone();
                let from = self.types.basic(op.ty);
                let res = if tb.is_string() && from.is_some_and(|b| b.is_integer()) {
                    let code = value
                        .to_int()
                        .and_then(|i| i.to_u32())
                        .and_then(char::from_u32)
                        .unwrap_or('\u{FFFD}');
                    Ok(Const::String(code.to_string().into_bytes()))
                } else if tb.is_integer()
                    && from.is_some_and(|b| b.is_float())
                    && !self.types.is_untyped(op.ty)
                {
                    // A typed float constant converted to an integer must be exact too.
                    representable(&value, tb)
                } else {
                    let ok_kind = match &value {
                        Const::Bool(_) => tb.is_boolean(),
                        Const::String(_) => tb.is_string(),
                        _ => tb.is_numeric(),
                    };
                    if ok_kind {
                        representable(&value, tb)
                    } else {
                        Err(Repr::Mismatch)
                    }
                };
                return match res {
                    Ok(v) => {
                        let expr = self.const_expr(&v, target, span);
                        Operand {
                            mode: Mode::Const(v),
                            ty: target,
                            expr,
                            local: None,
                        }
                    }
                    Err(Repr::Mismatch) => {
                        self.error(
                            op.span(),
                            format!(
                                "cannot convert {} to type {}",
                                self.describe(&op, e),
                                self.ty_str(target)
                            ),
                        );
                        Operand::invalid(span)
                    }
                    Err(Repr::Truncated) => {
                        self.error(
                            op.span(),
                            format!(
                                "cannot convert {} to type {}{}",
                                self.describe(&op, e),
                                self.ty_str(target),
                                if self.types.is_untyped(op.ty) {
                                    " (truncated)"
                                } else {
                                    ""
                                }
                            ),
                        );
                        Operand::invalid(span)
                    }
                    Err(Repr::Overflows) => {
                        let msg = if self.types.is_untyped(op.ty) {
                            format!(
                                "cannot convert {} to type {} (overflows)",
                                self.describe(&op, e),
                                self.ty_str(target)
                            )
                        } else {
                            format!(
                                "constant {} overflows {}",
                                value.describe(),
                                self.ty_str(target)
                            )
                        };
                        self.error(op.span(), msg);
                        Operand::invalid(span)
                    }
                };
            }
        }
        let op = if self.types.is_untyped(op.ty) {
            let hint = if matches!(op.mode, Mode::Nil) {
                Some(target)
            } else {
                None
            };
            let dt = match op.mode {
                Mode::Const(_) if self.types.is_interface(target) => None,
                // A shift of an untyped constant by a variable (`uint8(1<<e)`):
                // the constant takes the target type, as in `uint8(1)`, so
                // `float64(1<<e)` is an error, as in Go.
                Mode::Value if self.types.basic(target).is_some() => Some(target),
                _ => hint,
            };
            self.materialize(op, e, dt)
        } else {
            op
        };
        let from = op.ty;
        let (fu, tu) = (self.types.underlying(from), self.types.underlying(target));
        let kind = if self.assignable_type(from, target) {
            if self.types.is_interface(target) && !self.types.is_interface(from) {
                let expr = self.box_if_needed(op.expr, target);
                return Operand {
                    mode: Mode::Value,
                    ty: target,
                    expr: hir::Expr { span, ..expr },
                    local: None,
                };
            }
            Some(Conversion::Retype)
        } else if self.types.identical(fu, tu) {
            Some(Conversion::Retype)
        } else {
            match (self.types.get(fu).clone(), self.types.get(tu).clone()) {
                (Type::Pointer(a), Type::Pointer(b))
                    if self
                        .types
                        .identical(self.types.underlying(a), self.types.underlying(b)) =>
                {
                    Some(Conversion::Retype)
                }
                (Type::Slice(e), Type::Array { elem, .. }) if self.types.identical(e, elem) => {
                    Some(Conversion::SliceToArray)
                }
                (Type::Slice(e), Type::Pointer(p)) if matches!(self.types.under(p), Type::Array { elem, .. } if self.types.identical(*elem, e)) => {
                    Some(Conversion::SliceToArrayPtr)
                }
                (Type::Basic(a), Type::Basic(b)) if a.is_numeric() && b.is_numeric() => {
                    Some(Conversion::Numeric)
                }
                (Type::Basic(a), Type::Basic(b)) if a.is_integer() && b.is_string() => {
                    Some(Conversion::IntToString)
                }
                (Type::Slice(el), Type::Basic(b)) if b.is_string() => match self.types.basic(el) {
                    Some(Basic::Uint8) => Some(Conversion::BytesToString),
                    Some(Basic::Int32) => Some(Conversion::RunesToString),
                    _ => None,
                },
                (Type::Basic(a), Type::Slice(el)) if a.is_string() => match self.types.basic(el) {
                    Some(Basic::Uint8) => Some(Conversion::StringToBytes),
                    Some(Basic::Int32) => Some(Conversion::StringToRunes),
                    _ => None,
                },
                _ => None,
            }
        };
        let Some(kind) = kind else {
            self.error(
                op.span(),
                format!(
                    "cannot convert {} to type {}",
                    self.describe(&op, e),
                    self.ty_str(target)
                ),
            );
            return Operand::invalid(span);
        };
        let expr = hir::Expr {
            kind: ExprKind::Convert(kind, Box::new(op.expr)),
            ty: target,
            span,
        };
        Operand {
            mode: Mode::Value,
            ty: target,
            expr,
            local: None,
        }
    }
}

impl Operand {
    /// A placeholder HIR for an operand whose conversion failed (an error was reported).
    pub fn expr_clone_invalid(&self) -> hir::Expr {
        hir::Expr {
            kind: ExprKind::Nil,
            ty: TypeId::INVALID,
            span: self.expr.span,
        }
    }
}

/// Whether `value` is a non-negative integer constant that fits an `int` (indices, sizes).
pub fn const_index(value: &Const) -> Option<i64> {
    value.to_int().and_then(|i| {
        if i >= BigInt::from(0) {
            i.to_i64()
        } else {
            None
        }
    })
}
