//! Unary and binary operators: Go's untyped-operand conversions, constant folding, comparisons and shifts.

use gomini_lexer::Span;
use gomini_parser::ast::{self, BinaryOp, ExprKind as A, UnaryOp};

use super::constant::{self, Const, ConstError};
use super::exprs::{bin_op, larger_untyped, strip_parens, untyped_kind};
use super::exprstr::expr_string;
use super::operand::{Mode, Operand};
use super::{Checker, KeptConstant};
use crate::hir::{self, BinOp, ExprKind, UnOp};
use crate::types::{Basic, Type, TypeId};

impl<'l> Checker<'l> {
    pub(crate) fn unary(
        &mut self,
        op: UnaryOp,
        inner: &ast::Expr,
        e: &ast::Expr,
        hint: Option<TypeId>,
    ) -> Operand {
        let span = e.span;
        match op {
            UnaryOp::Addr => {
                let inner_stripped = strip_parens(inner);
                if let A::Composite(_) = &inner_stripped.kind {
                    let hint = hint.and_then(|h| match self.types.under(h) {
                        Type::Pointer(p) => Some(*p),
                        _ => None,
                    });
                    let x = self.expr(inner_stripped, hint);
                    if x.is_invalid() {
                        return x;
                    }
                    let ty = self.types.pointer(x.ty);
                    return Operand::new(
                        Mode::Value,
                        ty,
                        ExprKind::AddrOfLit(Box::new(x.expr)),
                        span,
                    );
                }
                let x = self.value(inner, None);
                if x.is_invalid() {
                    return x;
                }
                if !matches!(x.mode, Mode::Var) {
                    // Go points at the operand, named without its parentheses.
                    self.error(
                        inner_stripped.span,
                        format!(
                            "invalid operation: cannot take address of {}",
                            self.describe(&x, inner_stripped)
                        ),
                    );
                    return Operand::invalid(span);
                }
                if let Some(owner) = x.local {
                    self.mark_addr_taken(owner);
                }
                let ty = self.types.pointer(x.ty);
                match self.place_of(x.expr) {
                    Some(place) => {
                        Operand::new(Mode::Value, ty, ExprKind::AddrOf(Box::new(place)), span)
                    }
                    None => Operand::invalid(span),
                }
            }
            UnaryOp::Deref => {
                let x = self.expr(inner, None);
                if x.is_invalid() {
                    return x;
                }
                if matches!(x.mode, Mode::TypeExpr) {
                    let ty = self.types.pointer(x.ty);
                    return Operand::new(Mode::TypeExpr, ty, ExprKind::Nil, span);
                }
                if matches!(x.mode, Mode::Nil) {
                    self.error(span, "invalid operation: cannot indirect nil");
                    return Operand::invalid(span);
                }
                if !self.single_value(&x, inner) {
                    return Operand::invalid(span);
                }
                match self.types.under(x.ty) {
                    Type::Pointer(elem) => {
                        let elem = *elem;
                        Operand::new(Mode::Var, elem, ExprKind::Deref(Box::new(x.expr)), span)
                    }
                    _ => {
                        self.error(
                            inner.span,
                            format!(
                                "invalid operation: cannot indirect {}",
                                self.describe(&x, inner)
                            ),
                        );
                        Operand::invalid(span)
                    }
                }
            }
            UnaryOp::Recv => {
                let x = self.value(inner, None);
                if x.is_invalid() {
                    return x;
                }
                match self.types.under(x.ty).clone() {
                    Type::Chan { dir, elem } => {
                        if dir == crate::types::ChanDir::Send {
                            self.error(
                                inner.span,
                                format!(
                                    "invalid operation: cannot receive from send-only channel {} {}",
                                    self.ty_str(x.ty),
                                    self.describe(&x, inner)
                                ),
                            );
                            return Operand::invalid(span);
                        }
                        Operand::new(Mode::CommaOk, elem, ExprKind::Recv(Box::new(x.expr)), span)
                    }
                    _ => {
                        self.error(
                            span,
                            format!(
                                "invalid operation: cannot receive from non-channel {}",
                                self.describe(&x, inner)
                            ),
                        );
                        Operand::invalid(span)
                    }
                }
            }
            UnaryOp::Plus | UnaryOp::Neg | UnaryOp::Not | UnaryOp::BitNot => {
                let x = self.value(inner, None);
                if x.is_invalid() {
                    return x;
                }
                let b = self.types.basic(x.ty);
                let ok = match op {
                    UnaryOp::Not => b.is_some_and(|b| b.is_boolean()),
                    UnaryOp::BitNot => b.is_some_and(|b| b.is_integer()),
                    _ => b.is_some_and(|b| b.is_numeric()),
                };
                if !ok {
                    self.error(
                        span,
                        format!(
                            "invalid operation: operator {} not defined on {}",
                            op.as_str(),
                            self.describe(&x, inner)
                        ),
                    );
                    return Operand::invalid(span);
                }
                if let Some(value) = x.const_value() {
                    let unsigned = b.filter(|b| b.is_unsigned()).map(|b| b.bits());
                    let Some(res) = constant::unary(op, value, unsigned) else {
                        return Operand::invalid(span);
                    };
                    return self.typed_const_result(res, x.ty, e, span);
                }
                let hop = match op {
                    UnaryOp::Plus => {
                        return Operand {
                            expr: hir::Expr { span, ..x.expr },
                            ..x
                        }
                    }
                    UnaryOp::Neg => UnOp::Neg,
                    UnaryOp::Not => UnOp::Not,
                    _ => UnOp::BitNot,
                };
                Operand::new(
                    Mode::Value,
                    x.ty,
                    ExprKind::Unary(hop, Box::new(x.expr)),
                    span,
                )
            }
        }
    }

    /// A constant result of type `ty`, checked for overflow when typed.
    pub(crate) fn typed_const_result(
        &mut self,
        value: Const,
        ty: TypeId,
        e: &ast::Expr,
        span: Span,
    ) -> Operand {
        if let Some(b) = self.types.basic(ty) {
            if !b.is_untyped() {
                match constant::representable(&value, b) {
                    Ok(v) => return self.const_op_typed(v, ty, span),
                    Err(_) => {
                        self.error(
                            span,
                            format!(
                                "{} (constant {} of type {}) overflows {}",
                                expr_string(e),
                                value.describe(),
                                self.ty_str(ty),
                                self.ty_str(ty)
                            ),
                        );
                        return Operand::invalid(span);
                    }
                }
            }
        }
        self.const_op_typed(value, ty, span)
    }

    /// Go's bound on constant arithmetic (see [`constant::too_large`]), reported at the operator.
    fn const_overflow(&mut self, op: BinaryOp, op_span: Span, span: Span) -> Operand {
        let name = match op {
            BinaryOp::Add => "addition ",
            BinaryOp::Sub => "subtraction ",
            BinaryOp::Mul => "multiplication ",
            BinaryOp::Xor => "bitwise XOR ",
            BinaryOp::Shl => "shift ",
            _ => "",
        };
        self.error(op_span, format!("constant {name}overflow"));
        Operand::invalid(span)
    }

    pub(crate) fn const_op_typed(&self, value: Const, ty: TypeId, span: Span) -> Operand {
        self.const_op(value, ty, span)
    }

    pub(crate) fn binary(
        &mut self,
        op: BinaryOp,
        op_span: Span,
        lhs: &ast::Expr,
        rhs: &ast::Expr,
        e: &ast::Expr,
    ) -> Operand {
        let span = e.span;
        if matches!(op, BinaryOp::Shl | BinaryOp::Shr) {
            return self.shift(op, op_span, lhs, rhs, e);
        }
        let x = self.value(lhs, None);
        let y = self.value(rhs, None);
        if x.is_invalid() || y.is_invalid() {
            return Operand::invalid(span);
        }
        let is_cmp = matches!(
            op,
            BinaryOp::Eq | BinaryOp::Ne | BinaryOp::Lt | BinaryOp::Le | BinaryOp::Gt | BinaryOp::Ge
        );
        // Bring untyped operands to the other side's type.
        let (x, y) = self.match_operands(x, lhs, y, rhs, e, op);
        if x.is_invalid() || y.is_invalid() {
            return Operand::invalid(span);
        }
        if is_cmp {
            return self.comparison(op, x, lhs, y, rhs, e);
        }
        let both_untyped = self.types.is_untyped(x.ty) && self.types.is_untyped(y.ty);
        let same_class = |c: &Self| {
            let (a, b) = (c.types.basic(x.ty), c.types.basic(y.ty));
            let class = |k: Option<crate::types::Basic>| {
                k.map(|k| (k.is_numeric(), k.is_string(), k.is_boolean()))
            };
            class(a) == class(b)
        };
        if !(self.types.identical(x.ty, y.ty) || (both_untyped && same_class(self))) {
            self.error(
                span,
                format!(
                    "invalid operation: {} (mismatched types {} and {})",
                    expr_string(e),
                    self.ty_str(x.ty),
                    self.ty_str(y.ty)
                ),
            );
            return Operand::invalid(span);
        }
        // Untyped mixes: the "larger" kind wins (int < rune < float), and the
        // operator must be defined on it: `42 % 4.0` is a float `%`.
        let result_ty = if both_untyped {
            larger_untyped(x.ty, y.ty)
        } else {
            x.ty
        };
        let b = self.types.basic(result_ty);
        let defined = match op {
            BinaryOp::Add => b.is_some_and(|b| b.is_numeric() || b.is_string()),
            BinaryOp::Sub | BinaryOp::Mul | BinaryOp::Div => b.is_some_and(|b| b.is_numeric()),
            BinaryOp::Rem | BinaryOp::And | BinaryOp::Or | BinaryOp::Xor | BinaryOp::AndNot => {
                b.is_some_and(|b| b.is_integer())
            }
            BinaryOp::LogAnd | BinaryOp::LogOr => b.is_some_and(|b| b.is_boolean()),
            _ => false,
        };
        if !defined {
            // Go names the left operand as converted: `untypedInt (untyped float constant 42)`.
            let shown = Operand { ty: result_ty, ..x };
            self.error(
                span,
                format!(
                    "invalid operation: operator {} not defined on {}",
                    op.as_str(),
                    self.describe(&shown, lhs)
                ),
            );
            return Operand::invalid(span);
        }
        if matches!(op, BinaryOp::Div | BinaryOp::Rem) {
            if let Some(v) = y.const_value() {
                if v.is_zero() && b.is_some_and(|b| b.is_integer() || x.const_value().is_some()) {
                    self.error(rhs.span, "invalid operation: division by zero");
                    return Operand::invalid(span);
                }
            }
        }
        if let (Some(a), Some(c)) = (x.const_value(), y.const_value()) {
            let int_div = self.types.basic(result_ty).is_some_and(|b| b.is_integer());
            match constant::binary(op, a, c, int_div) {
                Ok(v) if constant::too_large(&v) => {
                    return self.const_overflow(op, op_span, span);
                }
                Ok(v) => {
                    let v = if self.types.basic(result_ty) == Some(Basic::UntypedFloat) {
                        Const::Float(v.to_rat().unwrap_or_default())
                    } else {
                        v
                    };
                    return self.typed_const_result(v, result_ty, e, span);
                }
                Err(ConstError::DivByZero) => {
                    self.error(rhs.span, "invalid operation: division by zero");
                    return Operand::invalid(span);
                }
                Err(_) => return Operand::invalid(span),
            }
        }
        let hop = bin_op(op);
        if both_untyped {
            // Not constant, so an operand is a shift of an untyped constant
            // by a variable: the result stays untyped, and the context gives
            // it (and the shifted constant) a type, as in Go
            // (`var m uint64 = 5 | 1<<e` is a uint64 or).
            for (operand, written) in [(&x, lhs), (&y, rhs)] {
                self.keep_untyped_constant(operand, written);
            }
            return Operand::new(
                Mode::Value,
                result_ty,
                ExprKind::Binary(hop, Box::new(x.expr), Box::new(y.expr)),
                span,
            );
        }
        let x = self.materialize(x, lhs, None);
        let y = self.materialize(y, rhs, None);
        let ty = x.ty;
        Operand::new(
            Mode::Value,
            ty,
            ExprKind::Binary(hop, Box::new(x.expr), Box::new(y.expr)),
            span,
        )
    }

    /// Converts an untyped operand to the other operand's type (Go's implicit conversion in binary operations).
    pub(crate) fn match_operands(
        &mut self,
        x: Operand,
        lhs: &ast::Expr,
        y: Operand,
        rhs: &ast::Expr,
        e: &ast::Expr,
        op: BinaryOp,
    ) -> (Operand, Operand) {
        let xu = self.types.is_untyped(x.ty) || matches!(x.mode, Mode::Nil);
        let yu = self.types.is_untyped(y.ty) || matches!(y.mode, Mode::Nil);
        if xu == yu {
            if xu && (matches!(x.mode, Mode::Nil) != matches!(y.mode, Mode::Nil)) {
                self.mismatch(e, &x, &y, op);
                return (Operand::invalid(x.span()), y);
            }
            return (x, y);
        }
        if xu {
            let x = self.convert_untyped_operand(x, lhs, y.ty, e, &y, op, true);
            (x, y)
        } else {
            let y = self.convert_untyped_operand(y, rhs, x.ty, e, &x, op, false);
            (x, y)
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub(crate) fn convert_untyped_operand(
        &mut self,
        u: Operand,
        ue: &ast::Expr,
        target: TypeId,
        e: &ast::Expr,
        other: &Operand,
        op: BinaryOp,
        u_left: bool,
    ) -> Operand {
        let span = u.span();
        if matches!(u.mode, Mode::Nil) {
            if self.assignable_type(TypeId::UNTYPED_NIL, target) {
                return Operand::new(Mode::Value, target, ExprKind::Nil, span);
            }
            let (l, r) = if u_left { (&u, other) } else { (other, &u) };
            self.mismatch(e, l, r, op);
            return Operand::invalid(span);
        }
        let is_cmp = matches!(
            op,
            BinaryOp::Eq | BinaryOp::Ne | BinaryOp::Lt | BinaryOp::Le | BinaryOp::Gt | BinaryOp::Ge
        );
        if self.types.is_interface(target) && !is_cmp {
            let (l, r) = if u_left { (&u, other) } else { (other, &u) };
            self.mismatch(e, l, r, op);
            return Operand::invalid(span);
        }
        if self.types.is_interface(target) {
            let dt = self.default_type(u.ty);
            let m = self.materialize(u, ue, Some(dt));
            let expr = self.box_if_needed(m.expr, target);
            return Operand {
                mode: Mode::Value,
                ty: target,
                expr,
                local: None,
            };
        }
        let tb = self.types.basic(target);
        let ub = self.types.basic(u.ty);
        let compatible = match (ub, tb) {
            (Some(ub), Some(tb)) => match ub {
                Basic::UntypedBool => tb.is_boolean(),
                Basic::UntypedString => tb.is_string(),
                Basic::UntypedInt | Basic::UntypedRune | Basic::UntypedFloat => tb.is_numeric(),
                _ => false,
            },
            _ => false,
        };
        if !compatible {
            let (l, r) = if u_left { (&u, other) } else { (other, &u) };
            self.mismatch(e, l, r, op);
            return Operand::invalid(span);
        }
        if let Some(value) = u.const_value().cloned() {
            let Some(tb) = tb else {
                return Operand::invalid(span);
            };
            return match constant::representable(&value, tb) {
                Ok(v) => self.const_op(v, target, span),
                Err(r) => {
                    let what = match r {
                        constant::Repr::Truncated => "truncated",
                        _ => "overflows",
                    };
                    if what == "truncated" {
                        self.error(
                            span,
                            format!(
                                "{} (untyped {} constant) truncated to {}",
                                expr_string(ue),
                                untyped_kind(ub),
                                self.ty_str(target)
                            ),
                        );
                    } else {
                        self.error(
                            span,
                            format!(
                                "cannot use {} as {} value in {} (overflows)",
                                self.describe(&u, ue),
                                self.ty_str(target),
                                "expression"
                            ),
                        );
                    }
                    Operand::invalid(span)
                }
            };
        }
        let mut u = u;
        u.ty = target;
        self.retype(&mut u.expr, target);
        u
    }

    /// Remembers `operand`, written as `written`, when it is an untyped
    /// constant becoming part of a non-constant expression (see
    /// `Checker::untyped_constants`).
    fn keep_untyped_constant(&mut self, operand: &Operand, written: &ast::Expr) {
        if let Some(value) = operand.const_value() {
            if self.types.is_untyped(operand.ty) {
                let written = expr_string(written);
                let kept = KeptConstant {
                    described: self.describe_text(operand, &written),
                    written,
                    value: value.clone(),
                    float: operand.ty == TypeId::UNTYPED_FLOAT,
                };
                self.untyped_constants.insert(operand.expr.span, kept);
            }
        }
    }

    /// Go's error when a kept untyped constant (`expr`) cannot be a value of
    /// the integer type `target` the context gives it: `256 (untyped int
    /// constant) overflows uint8`, `256.0 (untyped float constant 256)
    /// truncated to uint8`.
    fn check_untyped_constant_fits(&mut self, expr: &hir::Expr, int: Basic, target: TypeId) {
        let Some(kept) = self.untyped_constants.get(&expr.span) else {
            return;
        };
        if constant::representable(&kept.value, int).is_ok() {
            return;
        }
        let ty = self.ty_str(target);
        let msg = match kept.float {
            true => format!("{} truncated to {ty}", kept.described),
            false => format!("{} overflows {ty}", kept.described),
        };
        self.error(expr.span, msg);
    }

    /// Gives a non-constant untyped expression (a shift of an untyped constant,
    /// a comparison) its final type, down to the shifted constant.
    pub(crate) fn retype(&mut self, expr: &mut hir::Expr, target: TypeId) {
        if !self.types.is_untyped(expr.ty) {
            return;
        }
        let is_cmp = matches!(
            expr.kind,
            ExprKind::Binary(
                BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge,
                ..
            )
        );
        if is_cmp {
            expr.ty = target;
            return;
        }
        match &mut expr.kind {
            ExprKind::Binary(BinOp::Shl | BinOp::Shr, lhs, _) => {
                if !self.types.basic(target).is_some_and(|b| b.is_integer()) {
                    // The shifted operand as written (`shift` kept it).
                    let shifted = match self.untyped_constants.get(&lhs.span) {
                        Some(kept) => format!("{} ", kept.written),
                        None => String::new(),
                    };
                    self.error(
                        expr.span,
                        format!(
                            "invalid operation: shifted operand {shifted}(type {}) must be integer",
                            self.ty_str(target)
                        ),
                    );
                }
                self.retype(lhs, target);
            }
            ExprKind::Binary(_, lhs, rhs) => {
                self.retype(lhs, target);
                self.retype(rhs, target);
            }
            ExprKind::Unary(_, inner) => self.retype(inner, target),
            ExprKind::Const(hir::ConstValue::Int(v))
                if self.types.basic(target).is_some_and(|b| b.is_float()) =>
            {
                expr.kind = ExprKind::Const(hir::ConstValue::Float(*v as f64));
            }
            ExprKind::Const(_) => {
                if let Some(int) = self.types.basic(target).filter(|b| b.is_integer()) {
                    self.check_untyped_constant_fits(expr, int, target);
                    // An integral float constant (`2.0` in `1<<e + 2.0`) in an integer context.
                    if let ExprKind::Const(hir::ConstValue::Float(f)) = expr.kind {
                        expr.kind = match self.untyped_constants.get(&expr.span) {
                            Some(kept) => self.const_expr(&kept.value, target, expr.span).kind,
                            None => ExprKind::Const(hir::ConstValue::Int(f as i64)),
                        };
                    }
                }
            }
            _ => {}
        }
        expr.ty = target;
    }

    pub(crate) fn mismatch(&mut self, e: &ast::Expr, x: &Operand, y: &Operand, _op: BinaryOp) {
        let xs = if matches!(x.mode, Mode::Nil) {
            "untyped nil".to_string()
        } else {
            self.ty_str(x.ty)
        };
        let ys = if matches!(y.mode, Mode::Nil) {
            "untyped nil".to_string()
        } else {
            self.ty_str(y.ty)
        };
        self.error(
            e.span,
            format!(
                "invalid operation: {} (mismatched types {} and {})",
                expr_string(e),
                xs,
                ys
            ),
        );
    }

    pub(crate) fn comparison(
        &mut self,
        op: BinaryOp,
        x: Operand,
        lhs: &ast::Expr,
        y: Operand,
        rhs: &ast::Expr,
        e: &ast::Expr,
    ) -> Operand {
        let span = e.span;
        let ordered = matches!(
            op,
            BinaryOp::Lt | BinaryOp::Le | BinaryOp::Gt | BinaryOp::Ge
        );
        let xnil =
            matches!(x.expr.kind, ExprKind::Nil) && matches!(x.mode, Mode::Nil | Mode::Value);
        let ynil =
            matches!(y.expr.kind, ExprKind::Nil) && matches!(y.mode, Mode::Nil | Mode::Value);
        if !self.assignable_type(x.ty, y.ty) && !self.assignable_type(y.ty, x.ty) {
            self.mismatch(e, &x, &y, op);
            return Operand::invalid(span);
        }
        if ordered {
            let b = self.types.basic(x.ty);
            if !b.is_some_and(|b| b.is_numeric() || b.is_string()) {
                self.error(
                    span,
                    format!(
                        "invalid operation: {} (operator {} not defined on {})",
                        expr_string(e),
                        op.as_str(),
                        self.describe(&x, lhs)
                    ),
                );
                return Operand::invalid(span);
            }
        } else if !(xnil || ynil) {
            for (o, oe) in [(&x, lhs), (&y, rhs)] {
                if !self.types.comparable(o.ty) {
                    let what = match self.types.under(o.ty) {
                        Type::Slice(_) => "slice can only be compared to nil".to_string(),
                        Type::Map { .. } => "map can only be compared to nil".to_string(),
                        Type::Func(_) => "func can only be compared to nil".to_string(),
                        _ => format!(
                            "struct containing {} cannot be compared",
                            "uncomparable field"
                        ),
                    };
                    let _ = oe;
                    self.error(
                        span,
                        format!("invalid operation: {} ({what})", expr_string(e)),
                    );
                    return Operand::invalid(span);
                }
            }
        } else {
            // Comparing with nil: the other side must be nil-able.
            let other = if xnil { &y } else { &x };
            if !(self.assignable_type(TypeId::UNTYPED_NIL, other.ty) || xnil && ynil) {
                self.mismatch(e, &x, &y, op);
                return Operand::invalid(span);
            }
            if xnil && ynil && matches!(x.mode, Mode::Nil) && matches!(y.mode, Mode::Nil) {
                self.error(
                    span,
                    format!(
                        "invalid operation: {} (operator {} not defined on nil)",
                        expr_string(e),
                        op.as_str()
                    ),
                );
                return Operand::invalid(span);
            }
        }
        if let (Some(a), Some(c)) = (x.const_value(), y.const_value()) {
            if let Some(res) = constant::compare(op, a, c) {
                return self.const_op(Const::Bool(res), TypeId::UNTYPED_BOOL, span);
            }
        }
        let x = self.materialize(x, lhs, None);
        let y = self.materialize(y, rhs, None);
        // Mixed interface/concrete comparisons box the concrete side.
        let (xe, ye) = if self.types.is_interface(x.ty) && !self.types.is_interface(y.ty) {
            let t = x.ty;
            (x.expr, self.box_if_needed(y.expr, t))
        } else if self.types.is_interface(y.ty) && !self.types.is_interface(x.ty) {
            let t = y.ty;
            (self.box_if_needed(x.expr, t), y.expr)
        } else {
            (x.expr, y.expr)
        };
        Operand::new(
            Mode::Value,
            TypeId::UNTYPED_BOOL,
            ExprKind::Binary(bin_op(op), Box::new(xe), Box::new(ye)),
            span,
        )
    }

    pub(crate) fn shift(
        &mut self,
        op: BinaryOp,
        op_span: Span,
        lhs: &ast::Expr,
        rhs: &ast::Expr,
        e: &ast::Expr,
    ) -> Operand {
        let span = e.span;
        let x = self.value(lhs, None);
        let y = self.value(rhs, None);
        if x.is_invalid() || y.is_invalid() {
            return Operand::invalid(span);
        }
        // The count: an integer (an untyped constant must be a non-negative integer).
        if let Some(v) = y.const_value() {
            if v.to_int().is_none() {
                self.error(
                    rhs.span,
                    format!(
                        "invalid operation: shift count {} must be integer",
                        self.describe(&y, rhs)
                    ),
                );
                return Operand::invalid(span);
            }
            if v.to_int().is_some_and(|i| i < num_bigint::BigInt::from(0)) {
                self.error(
                    rhs.span,
                    format!(
                        "invalid operation: negative shift count {}",
                        self.describe(&y, rhs)
                    ),
                );
                return Operand::invalid(span);
            }
        } else if !self.types.basic(y.ty).is_some_and(|b| b.is_integer()) {
            self.error(
                rhs.span,
                format!(
                    "invalid operation: shift count {} must be integer",
                    self.describe(&y, rhs)
                ),
            );
            return Operand::invalid(span);
        }
        let xb = self.types.basic(x.ty);
        if let Some(xv) = x.const_value().cloned() {
            if self.types.is_untyped(x.ty) && xv.to_int().is_none() {
                self.error(
                    span,
                    format!(
                        "invalid operation: shifted operand {} must be integer",
                        self.describe(&x, lhs)
                    ),
                );
                return Operand::invalid(span);
            }
            if let Some(yv) = y.const_value() {
                let ty = if self.types.is_untyped(x.ty) {
                    if x.ty == TypeId::UNTYPED_FLOAT {
                        TypeId::UNTYPED_INT
                    } else {
                        x.ty
                    }
                } else {
                    x.ty
                };
                return match constant::shift(op == BinaryOp::Shl, &xv, yv) {
                    Ok(v) if constant::too_large(&v) => self.const_overflow(op, op_span, span),
                    Ok(v) => self.typed_const_result(v, ty, e, span),
                    Err(_) => {
                        self.error(
                            rhs.span,
                            format!("invalid shift count {}", self.describe(&y, rhs)),
                        );
                        Operand::invalid(span)
                    }
                };
            }
        }
        let untyped_const = self.types.is_untyped(x.ty) && x.const_value().is_some();
        if !(xb.is_some_and(|b| b.is_integer()) || untyped_const) {
            self.error(
                span,
                format!(
                    "invalid operation: shifted operand {} must be integer",
                    self.describe(&x, lhs)
                ),
            );
            return Operand::invalid(span);
        }
        let y = self.materialize(y, rhs, None);
        let hop = bin_op(op);
        // `1 << s` with a non-constant count stays untyped until the context gives
        // it a type (`f & (1 << i)` is a Flag), as in Go. The constant keeps
        // its kind: `1.0 << s` is an untyped float, valid only where the
        // context makes it an integer (`retype`), and `|` is not defined on
        // it. Its value is integral (tested above), so it is kept as an int.
        // An untyped operand that is not constant is itself such a shift
        // (`1<<e<<e`): it stays as it is, typed with this one.
        let x = match x.const_value() {
            Some(value) if self.types.is_untyped(x.ty) => {
                self.keep_untyped_constant(&x, lhs);
                let mut expr = self.const_expr(value, TypeId::UNTYPED_INT, x.expr.span);
                expr.ty = x.ty;
                Operand {
                    mode: Mode::Value,
                    ty: x.ty,
                    expr,
                    local: None,
                }
            }
            _ => x,
        };
        let ty = x.ty;
        Operand::new(
            Mode::Value,
            ty,
            ExprKind::Binary(hop, Box::new(x.expr), Box::new(y.expr)),
            span,
        )
    }
}
