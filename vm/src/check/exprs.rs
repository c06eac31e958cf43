//! Expressions: names, literals, operators, selectors, indexing, slicing, type assertions and composite literals.

use gomini_lexer::Span;
use gomini_parser::ast::{self, BinaryOp, ExprKind as A};

use super::constant::{self, Const};
use super::exprstr::expr_string;
use super::operand::{Mode, Operand};
use super::package::ObjKind;
use super::scope::Lookup;
use super::universe::Predeclared;
use super::Checker;
use crate::hir::{BinOp, ExprKind};
use crate::types::{Basic, TypeId};

impl<'l> Checker<'l> {
    /// Checks `e`; `hint` is the type an elided composite literal (`{1, 2}` in `[]P{...}`) takes.
    pub(crate) fn expr(&mut self, e: &ast::Expr, hint: Option<TypeId>) -> Operand {
        self.guarded(e.span, Operand::invalid(e.span), |c| c.expr_inner(e, hint))
    }

    /// Checks `e` as a single value, giving untyped constants their default type when `hint` is `None`.
    pub(crate) fn value(&mut self, e: &ast::Expr, hint: Option<TypeId>) -> Operand {
        let op = self.expr(e, hint);
        if op.is_invalid() || !self.single_value(&op, e) {
            return Operand::invalid(e.span);
        }
        op
    }

    pub(crate) fn expr_inner(&mut self, e: &ast::Expr, hint: Option<TypeId>) -> Operand {
        let span = e.span;
        match &e.kind {
            A::Ident(id) => self.ident(id),
            A::Int(text) => match constant::parse_int(text) {
                Some(v) => self.const_op(Const::Int(v), TypeId::UNTYPED_INT, span),
                None => {
                    self.error(span, format!("invalid integer literal {text}"));
                    Operand::invalid(span)
                }
            },
            A::Float(text) => match constant::parse_float(text) {
                Some(v) => self.const_op(Const::Float(v), TypeId::UNTYPED_FLOAT, span),
                None => {
                    self.error(span, format!("invalid floating-point literal {text}"));
                    Operand::invalid(span)
                }
            },
            A::Imag(_) => {
                self.error(span, "complex numbers are not supported by gomini");
                Operand::invalid(span)
            }
            A::Rune(r) => self.const_op(Const::int(*r as i64), TypeId::UNTYPED_RUNE, span),
            A::Str(bytes) => {
                self.const_op(Const::String(bytes.to_vec()), TypeId::UNTYPED_STRING, span)
            }
            A::Composite(lit) => self.composite(lit, hint, span),
            A::FuncLit(lit) => self.func_lit(lit, span),
            A::Paren(inner) => {
                let mut op = self.expr(inner, hint);
                op.expr.span = span;
                op
            }
            A::Selector(base, name) => self.selector(e, base, name),
            A::Index(base, idx) => self.index(base, idx, span),
            A::Slice {
                expr,
                low,
                high,
                max,
                three_index,
            } => self.slice_expr(expr, low, high, max, *three_index, span),
            A::TypeAssert(base, ty) => {
                let Some(ty) = ty else {
                    self.error(
                        span,
                        "invalid syntax tree: use of .(type) outside type switch",
                    );
                    return Operand::invalid(span);
                };
                let x = self.value(base, None);
                let target = self.resolve_type(ty);
                if x.is_invalid() || target == TypeId::INVALID {
                    return Operand::invalid(span);
                }
                if !self.types.is_interface(x.ty) {
                    self.error(
                        base.span,
                        format!(
                            "invalid operation: {} is not an interface",
                            self.describe(&x, base)
                        ),
                    );
                    return Operand::invalid(span);
                }
                if !self.types.is_interface(target) {
                    if let Some(reason) = self.missing_method(target, x.ty) {
                        let reason = reason.lines().next().unwrap_or_default().to_string();
                        self.error(e.span, format!("impossible type assertion: {}\n\t{} does not implement {} {reason}", expr_string(e), self.ty_str(target), self.ty_str(x.ty)));
                        return Operand::invalid(span);
                    }
                }
                Operand::new(
                    Mode::CommaOk,
                    target,
                    ExprKind::TypeAssert(Box::new(x.expr), target),
                    span,
                )
            }
            A::Call { .. } => self.call(e),
            A::Unary(op, inner) => self.unary(*op, inner, e, hint),
            A::Binary {
                op,
                op_span,
                lhs,
                rhs,
            } => self.binary(*op, *op_span, lhs, rhs, e),
            A::Type(t) => {
                let ty = self.resolve_type(t);
                if ty == TypeId::INVALID {
                    return Operand::invalid(span);
                }
                Operand::new(Mode::TypeExpr, ty, ExprKind::Nil, span)
            }
        }
    }

    pub(crate) fn const_op(&self, value: Const, ty: TypeId, span: Span) -> Operand {
        let expr = self.const_expr(&value, ty, span);
        Operand {
            mode: Mode::Const(value),
            ty,
            expr,
            local: None,
        }
    }

    pub(crate) fn ident(&mut self, id: &ast::Ident) -> Operand {
        let span = id.span;
        if id.name.as_ref() == "_" {
            self.error(span, "cannot use _ as value");
            return Operand::invalid(span);
        }
        match self.lookup(&id.name) {
            Lookup::Local(kind, ty, owner) => {
                self.mark_used(owner);
                let mut op = Operand::new(Mode::Var, ty, kind, span);
                op.local = owner;
                op
            }
            Lookup::Const(ty, value) => self.const_op(value, ty, span),
            Lookup::Type(ty) => Operand::new(Mode::TypeExpr, ty, ExprKind::Nil, span),
            Lookup::Invalid => Operand::invalid(span),
            Lookup::Obj(obj) => self.obj_operand(obj, id, span),
            Lookup::Predeclared(p) => match p {
                Predeclared::Type(ty) => Operand::new(Mode::TypeExpr, ty, ExprKind::Nil, span),
                Predeclared::Bool(b) => self.const_op(Const::Bool(b), TypeId::UNTYPED_BOOL, span),
                Predeclared::Iota => match self.iota {
                    Some(i) => self.const_op(Const::int(i), TypeId::UNTYPED_INT, span),
                    None => {
                        self.error(span, "cannot use iota outside constant declaration");
                        Operand::invalid(span)
                    }
                },
                Predeclared::Complex => {
                    self.error(span, "complex numbers are not supported by gomini");
                    Operand::invalid(span)
                }
                Predeclared::Nil => {
                    Operand::new(Mode::Nil, TypeId::UNTYPED_NIL, ExprKind::Nil, span)
                }
                Predeclared::Builtin(b) => {
                    Operand::new(Mode::Builtin(b), TypeId::INVALID, ExprKind::Nil, span)
                }
            },
            Lookup::NotFound => {
                self.error(span, format!("undefined: {}", id.name));
                // Declare it as invalid so the name is reported once.
                if let Some(block) = self.scopes.first_mut() {
                    block
                        .names
                        .insert(id.name.clone(), super::scope::Entity::Invalid);
                } else {
                    self.universe_invalid(&id.name);
                }
                Operand::invalid(span)
            }
        }
    }

    pub(crate) fn universe_invalid(&mut self, _name: &str) {}

    /// A package-level object used as an operand.
    pub(crate) fn obj_operand(
        &mut self,
        obj: super::package::ObjId,
        id: &ast::Ident,
        span: Span,
    ) -> Operand {
        self.resolve_obj(obj);
        match self.objs[obj.0 as usize].kind.clone() {
            ObjKind::Const { ty, value } => self.const_op(value, ty, span),
            ObjKind::Var { global, ty } => {
                self.note_dep(obj);
                Operand::new(Mode::Var, ty, ExprKind::Global(global), span)
            }
            ObjKind::Type { ty } => Operand::new(Mode::TypeExpr, ty, ExprKind::Nil, span),
            ObjKind::Func { func, sig } => {
                self.note_dep(obj);
                Operand::new(Mode::Value, sig, ExprKind::Func(func), span)
            }
            // Go does not count this as a use of the import.
            ObjKind::Import { .. } => {
                self.error(span, format!("use of package {} not in selector", id.name));
                Operand::invalid(span)
            }
            ObjKind::Invalid | ObjKind::Pending => Operand::invalid(span),
        }
    }
}

pub fn strip_parens(e: &ast::Expr) -> &ast::Expr {
    match &e.kind {
        A::Paren(inner) => strip_parens(inner),
        _ => e,
    }
}

pub(crate) fn larger_untyped(a: TypeId, b: TypeId) -> TypeId {
    let rank = |t: TypeId| match t {
        TypeId::UNTYPED_INT => 1,
        TypeId::UNTYPED_RUNE => 2,
        TypeId::UNTYPED_FLOAT => 3,
        _ => 0,
    };
    if rank(a) >= rank(b) {
        a
    } else {
        b
    }
}

pub(crate) fn untyped_kind(b: Option<Basic>) -> &'static str {
    match b {
        Some(Basic::UntypedFloat) => "float",
        Some(Basic::UntypedRune) => "rune",
        _ => "int",
    }
}

pub fn bin_op(op: BinaryOp) -> BinOp {
    match op {
        BinaryOp::Mul => BinOp::Mul,
        BinaryOp::Div => BinOp::Div,
        BinaryOp::Rem => BinOp::Rem,
        BinaryOp::Shl => BinOp::Shl,
        BinaryOp::Shr => BinOp::Shr,
        BinaryOp::And => BinOp::And,
        BinaryOp::AndNot => BinOp::AndNot,
        BinaryOp::Add => BinOp::Add,
        BinaryOp::Sub => BinOp::Sub,
        BinaryOp::Or => BinOp::Or,
        BinaryOp::Xor => BinOp::Xor,
        BinaryOp::Eq => BinOp::Eq,
        BinaryOp::Ne => BinOp::Ne,
        BinaryOp::Lt => BinOp::Lt,
        BinaryOp::Le => BinOp::Le,
        BinaryOp::Gt => BinOp::Gt,
        BinaryOp::Ge => BinOp::Ge,
        BinaryOp::LogAnd => BinOp::LogAnd,
        BinaryOp::LogOr => BinOp::LogOr,
    }
}
