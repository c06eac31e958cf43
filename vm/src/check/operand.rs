//! Operands: the checker's view of an expression (its mode, type and HIR), and Go's way of describing one in errors.

use gomini_lexer::Span;
use gomini_parser::ast;

use super::constant::Const;
use super::exprstr::expr_string;
use super::Checker;
use crate::hir::{self, Builtin, LocalId};
use crate::types::{Type, TypeId};

/// What kind of thing an expression denotes (Go's operand modes).
#[derive(Clone, Debug)]
pub enum Mode {
    /// An error was already reported: stay silent.
    Invalid,
    /// A call of a function without results.
    NoValue,
    /// A computed value.
    Value,
    /// An addressable variable.
    Var,
    /// `m[k]`: assignable, not addressable, and may be used as `v, ok`.
    MapIndex,
    /// A value that can also be used in a `v, ok` context (type assertion, receive).
    CommaOk,
    Const(Const),
    /// A type used as an expression (conversion callee, `T.M`).
    TypeExpr,
    Builtin(Builtin),
    /// The `nil` value (untyped until converted).
    Nil,
}

/// A checked expression.
pub struct Operand {
    pub mode: Mode,
    pub ty: TypeId,
    pub expr: hir::Expr,
    /// The local variable this operand names directly (for `&x`, use tracking, captures).
    pub local: Option<(usize, LocalId)>,
}

impl Operand {
    pub fn invalid(span: Span) -> Operand {
        Operand {
            mode: Mode::Invalid,
            ty: TypeId::INVALID,
            expr: hir::Expr {
                kind: hir::ExprKind::Nil,
                ty: TypeId::INVALID,
                span,
            },
            local: None,
        }
    }

    pub fn new(mode: Mode, ty: TypeId, kind: hir::ExprKind, span: Span) -> Operand {
        Operand {
            mode,
            ty,
            expr: hir::Expr { kind, ty, span },
            local: None,
        }
    }

    pub fn is_invalid(&self) -> bool {
        matches!(self.mode, Mode::Invalid)
            || (self.ty == TypeId::INVALID && !matches!(self.mode, Mode::Builtin(_)))
    }

    pub fn const_value(&self) -> Option<&Const> {
        match &self.mode {
            Mode::Const(c) => Some(c),
            _ => None,
        }
    }

    pub fn span(&self) -> Span {
        self.expr.span
    }
}

impl<'l> Checker<'l> {
    /// Go names the structure of a declared type in descriptions: `struct `, `int ` (with a space), or nothing.
    pub(crate) fn named_kind(&self, ty: TypeId) -> String {
        // `any` is an alias: Go describes it as `interface type any`.
        if matches!(self.types.get(ty), Type::Any) {
            return "interface ".to_string();
        }
        if !matches!(self.types.get(ty), Type::Named(_)) {
            return String::new();
        }
        let kind = match self.types.under(ty) {
            // `type B byte` is described as `byte type B`.
            Type::Basic(_) => {
                return format!("{} ", self.ty_str(self.types.underlying_spelled(ty)))
            }
            Type::Struct(_) => "struct",
            Type::Interface(_) => "interface",
            Type::Map { .. } => "map",
            Type::Slice(_) => "slice",
            Type::Array { .. } => "array",
            Type::Pointer(_) => "pointer",
            Type::Func(_) => "func",
            Type::Chan { .. } => "chan",
            _ => "",
        };
        if kind.is_empty() {
            String::new()
        } else {
            format!("{kind} ")
        }
    }

    /// Go's description of an operand: `x (variable of type int)`, `300 (untyped int constant)`.
    pub(crate) fn describe(&self, op: &Operand, e: &ast::Expr) -> String {
        let text = expr_string(e);
        self.describe_text(op, &text)
    }

    pub(crate) fn describe_text(&self, op: &Operand, text: &str) -> String {
        let ty = self.ty_str(op.ty);
        match &op.mode {
            Mode::Nil => "nil".to_string(),
            Mode::Invalid => format!("{text} (invalid operand)"),
            Mode::NoValue => format!("{text} (no value)"),
            Mode::TypeExpr => format!("{text} (type)"),
            Mode::Builtin(_) => format!("{text} (built-in)"),
            Mode::Const(value) => {
                let shown = value.describe();
                let untyped = self.types.is_untyped(op.ty);
                let kind = if untyped {
                    format!("{ty} constant")
                } else {
                    "constant".to_string()
                };
                let with_value = if shown != text {
                    format!(" {shown}")
                } else {
                    String::new()
                };
                if untyped {
                    format!("{text} ({kind}{with_value})")
                } else {
                    format!(
                        "{text} ({kind}{with_value} of {}type {ty})",
                        self.named_kind(op.ty)
                    )
                }
            }
            mode => {
                let what = match mode {
                    Mode::Var => "variable",
                    Mode::MapIndex => "map index expression",
                    Mode::CommaOk => "comma, ok expression",
                    _ => "value",
                };
                if self.types.is_untyped(op.ty) {
                    return format!("{text} ({ty} {what})");
                }
                let mut out = format!("{text} ({what} of ");
                out.push_str(&self.named_kind(op.ty));
                out.push_str("type ");
                out.push_str(&ty);
                out.push(')');
                out
            }
        }
    }
}
