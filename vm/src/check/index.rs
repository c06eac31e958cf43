//! Indexing and slicing of arrays, pointers to arrays, slices, strings and maps.

use gomini_lexer::Span;
use gomini_parser::ast::{self};

use super::assign::const_index;
use super::constant::Const;
use super::exprstr::expr_string;
use super::operand::{Mode, Operand};
use super::Checker;
use crate::hir::{self, ExprKind};
use crate::types::{Type, TypeId};

impl<'l> Checker<'l> {
    pub(crate) fn index(&mut self, base: &ast::Expr, idx: &ast::Expr, span: Span) -> Operand {
        let x = self.value(base, None);
        if x.is_invalid() {
            let _ = self.expr(idx, None);
            return Operand::invalid(span);
        }
        let x = if self.types.is_untyped(x.ty) {
            self.materialize(x, base, None)
        } else {
            x
        };
        let under = self.types.under(x.ty).clone();
        match under {
            Type::Map { key, value } => {
                let k = self.expr(idx, None);
                let k = self.assign_to(k, idx, key, "map index");
                Operand::new(
                    Mode::MapIndex,
                    value,
                    ExprKind::MapIndex(Box::new(x.expr), Box::new(k)),
                    span,
                )
            }
            Type::Basic(b) if b.is_string() => {
                let i = self.index_value(idx, None);
                if let (Some(s), Some(iv)) = (x.const_value(), i.const_value()) {
                    if let (Const::String(s), Some(n)) = (s, const_index(iv)) {
                        if n as usize >= s.len() {
                            self.error(
                                idx.span,
                                format!(
                                    "invalid argument: index {} out of bounds [0:{}]",
                                    n,
                                    s.len()
                                ),
                            );
                            return Operand::invalid(span);
                        }
                        let byte = s[n as usize] as i64;
                        let expr = self.const_expr(&Const::int(byte), TypeId::BYTE, span);
                        return Operand {
                            mode: Mode::Value,
                            ty: TypeId::BYTE,
                            expr,
                            local: None,
                        };
                    }
                }
                let x = self.materialize(x, base, None);
                Operand::new(
                    Mode::Value,
                    TypeId::BYTE,
                    ExprKind::StringIndex(Box::new(x.expr), Box::new(i.expr)),
                    span,
                )
            }
            Type::Slice(elem) => {
                let i = self.index_value(idx, None);
                Operand::new(
                    Mode::Var,
                    elem,
                    ExprKind::SliceIndex(Box::new(x.expr), Box::new(i.expr)),
                    span,
                )
            }
            Type::Array { len, elem } => {
                let i = self.index_value(idx, Some(len));
                let mode = if matches!(x.mode, Mode::Var) {
                    Mode::Var
                } else {
                    Mode::Value
                };
                Operand::new(
                    mode,
                    elem,
                    ExprKind::ArrayIndex(Box::new(x.expr), Box::new(i.expr)),
                    span,
                )
            }
            Type::Pointer(p) => match self.types.under(p).clone() {
                Type::Array { len, elem } => {
                    let i = self.index_value(idx, Some(len));
                    let d = self.auto_deref(x.expr);
                    Operand::new(
                        Mode::Var,
                        elem,
                        ExprKind::ArrayIndex(Box::new(d), Box::new(i.expr)),
                        span,
                    )
                }
                _ => {
                    self.error(
                        base.span,
                        format!(
                            "invalid operation: cannot index {}",
                            self.describe(&x, base)
                        ),
                    );
                    Operand::invalid(span)
                }
            },
            _ => {
                self.error(
                    base.span,
                    format!(
                        "invalid operation: cannot index {}",
                        self.describe(&x, base)
                    ),
                );
                Operand::invalid(span)
            }
        }
    }

    /// An index operand: an integer, non-negative if constant, within `len` if known.
    pub(crate) fn index_value(&mut self, idx: &ast::Expr, len: Option<u64>) -> Operand {
        let i = self.value(idx, None);
        if i.is_invalid() {
            return i;
        }
        if let Some(value) = i.const_value().cloned() {
            let is_int = value.to_int().is_some()
                && self.types.basic(i.ty).is_some_and(|b| {
                    b.is_numeric() && (b.is_integer() || self.types.is_untyped(i.ty))
                });
            if !is_int {
                self.error(
                    idx.span,
                    format!(
                        "invalid argument: index {} must be integer",
                        self.describe(&i, idx)
                    ),
                );
                return Operand::invalid(idx.span);
            }
            if value
                .to_int()
                .is_some_and(|v| v < num_bigint::BigInt::from(0))
            {
                self.error(
                    idx.span,
                    format!(
                        "invalid argument: index {} must not be negative",
                        self.describe(&i, idx)
                    ),
                );
                return Operand::invalid(idx.span);
            }
            if let (Some(len), Some(n)) = (len, const_index(&value)) {
                if n as u64 >= len {
                    self.error(
                        idx.span,
                        format!(
                            "invalid argument: index {} out of bounds [0:{}]",
                            expr_string(idx),
                            len
                        ),
                    );
                    return Operand::invalid(idx.span);
                }
            }
            let hint = if self.types.is_untyped(i.ty) {
                Some(TypeId::INT)
            } else {
                None
            };
            return self.materialize(i, idx, hint);
        }
        if !self.types.basic(i.ty).is_some_and(|b| b.is_integer()) {
            self.error(
                idx.span,
                format!(
                    "invalid argument: index {} must be integer",
                    self.describe(&i, idx)
                ),
            );
            return Operand::invalid(idx.span);
        }
        self.materialize(i, idx, None)
    }

    pub(crate) fn slice_expr(
        &mut self,
        base: &ast::Expr,
        low: &Option<Box<ast::Expr>>,
        high: &Option<Box<ast::Expr>>,
        max: &Option<Box<ast::Expr>>,
        three: bool,
        span: Span,
    ) -> Operand {
        let x = self.value(base, None);
        if x.is_invalid() {
            return Operand::invalid(span);
        }
        let x = self.materialize(x, base, None);
        let idx = |c: &mut Self, e: &Option<Box<ast::Expr>>| {
            e.as_ref().map(|e| Box::new(c.index_value(e, None).expr))
        };
        let (result, base_expr) = match self.types.under(x.ty).clone() {
            Type::Basic(b) if b.is_string() => {
                if three {
                    self.error(span, "invalid operation: 3-index slice of string");
                    return Operand::invalid(span);
                }
                (
                    if self.types.is_untyped(x.ty) {
                        TypeId::STRING
                    } else {
                        x.ty
                    },
                    x.expr,
                )
            }
            Type::Slice(_) => (x.ty, x.expr),
            Type::Array { elem, .. } => {
                if !matches!(x.mode, Mode::Var) {
                    self.error(
                        base.span,
                        format!(
                            "invalid operation: {} (slice of unaddressable value)",
                            expr_string(base)
                        ),
                    );
                    return Operand::invalid(span);
                }
                if let Some(owner) = x.local {
                    self.mark_addr_taken(owner);
                }
                let pty = self.types.pointer(x.ty);
                let bspan = x.expr.span;
                let Some(place) = self.place_of(x.expr) else {
                    return Operand::invalid(span);
                };
                (
                    self.types.slice(elem),
                    hir::Expr {
                        kind: ExprKind::AddrOf(Box::new(place)),
                        ty: pty,
                        span: bspan,
                    },
                )
            }
            Type::Pointer(p) => match self.types.under(p).clone() {
                Type::Array { elem, .. } => (self.types.slice(elem), x.expr),
                _ => {
                    self.error(
                        base.span,
                        format!("cannot slice {}", self.describe(&x, base)),
                    );
                    return Operand::invalid(span);
                }
            },
            _ => {
                self.error(
                    base.span,
                    format!("cannot slice {}", self.describe(&x, base)),
                );
                return Operand::invalid(span);
            }
        };
        let low = idx(self, low);
        let high = idx(self, high);
        let max = idx(self, max);
        Operand::new(
            Mode::Value,
            result,
            ExprKind::Slice {
                base: Box::new(base_expr),
                low,
                high,
                max,
            },
            span,
        )
    }
}
