//! Composite literals: structs, arrays, slices and maps, with elided inner types.

use gomini_lexer::Span;
use gomini_parser::ast::{self, ExprKind as A};

use super::assign::const_index;
use super::constant::Const;
use super::exprstr::expr_string;
use super::operand::{Mode, Operand};
use super::Checker;
use crate::hir::{self, ExprKind};
use crate::types::{Type, TypeId};

impl<'l> Checker<'l> {
    pub(crate) fn composite(
        &mut self,
        lit: &ast::CompositeLit,
        hint: Option<TypeId>,
        span: Span,
    ) -> Operand {
        let ty = match &lit.ty {
            Some(t) => match &t.kind {
                ast::TypeExprKind::Array { len: None, elem } => {
                    let elem = self.resolve_type(elem);
                    let mut max = 0u64;
                    let mut next = 0u64;
                    for el in &lit.elems {
                        if let Some(k) = &el.key {
                            let kop = self.expr(k, None);
                            if let Some(n) = kop.const_value().and_then(const_index) {
                                next = n as u64;
                            }
                        }
                        next += 1;
                        max = max.max(next);
                    }
                    self.types.intern(Type::Array { len: max, elem })
                }
                _ => self.resolve_type(t),
            },
            None => match hint {
                Some(h) => h,
                None => {
                    self.error(span, "invalid composite literal type: missing type");
                    return Operand::invalid(span);
                }
            },
        };
        if ty == TypeId::INVALID {
            for el in &lit.elems {
                let _ = self.expr(&el.value, None);
            }
            return Operand::invalid(span);
        }
        // An elided `&T` element: `[]*P{{1, 2}}`.
        if lit.ty.is_none() {
            if let Type::Pointer(base) = self.types.get(ty).clone() {
                let inner = self.composite(lit, Some(base), span);
                if inner.is_invalid() {
                    return inner;
                }
                return Operand::new(
                    Mode::Value,
                    ty,
                    ExprKind::AddrOfLit(Box::new(inner.expr)),
                    span,
                );
            }
        }
        let kind = match self.types.under(ty).clone() {
            Type::Struct(fields) => self.struct_lit(lit, ty, &fields, span),
            Type::Array { len, elem } => {
                let elems = self.indexed_elems(lit, elem, Some(len));
                ExprKind::ArrayLit { len, elems }
            }
            Type::Slice(elem) => {
                let elems = self.indexed_elems(lit, elem, None);
                let len = elems.iter().map(|(i, _)| i + 1).max().unwrap_or(0);
                ExprKind::SliceLit { len, elems }
            }
            Type::Map { key, value } => {
                let mut entries = Vec::new();
                // Constant keys seen so far, with their (defaulted) type: under an
                // interface key type, int8(1) and uint(1) are different keys.
                let mut seen: Vec<(TypeId, Const)> = Vec::new();
                for el in &lit.elems {
                    let Some(k) = &el.key else {
                        self.error(el.value.span, "missing key in map literal");
                        continue;
                    };
                    let kop = self.composite_elem(k, key);
                    if let Some((const_ty, c)) = kop.1.clone() {
                        // byte(1) and uint8(1) are the same key: compare canonical types.
                        let by_type = if self.types.is_interface(key) {
                            self.types.canonical(const_ty)
                        } else {
                            key
                        };
                        let c = (by_type, c);
                        if seen.contains(&c) {
                            self.error(
                                k.span,
                                format!("duplicate key {} in map literal", c.1.describe()),
                            );
                        }
                        seen.push(c);
                    }
                    let vop = self.composite_elem(&el.value, value);
                    entries.push((kop.0, vop.0));
                }
                ExprKind::MapLit(entries)
            }
            _ => {
                self.error(
                    span,
                    format!("invalid composite literal type {}", self.ty_str(ty)),
                );
                return Operand::invalid(span);
            }
        };
        Operand::new(Mode::Value, ty, kind, span)
    }

    /// One element value (with elision of its type), converted to `ty`; also its constant value if any.
    pub(crate) fn composite_elem(
        &mut self,
        e: &ast::Expr,
        ty: TypeId,
    ) -> (hir::Expr, Option<(TypeId, Const)>) {
        let op = self.expr(e, Some(ty));
        let c = op
            .const_value()
            .cloned()
            .map(|c| (self.default_type(op.ty), c));
        (self.assign_to(op, e, ty, "array or slice literal"), c)
    }

    pub(crate) fn indexed_elems(
        &mut self,
        lit: &ast::CompositeLit,
        elem: TypeId,
        len: Option<u64>,
    ) -> Vec<(u64, hir::Expr)> {
        let mut out = Vec::new();
        let mut next = 0u64;
        let mut seen = std::collections::HashSet::new();
        for el in &lit.elems {
            if let Some(k) = &el.key {
                let kop = self.expr(k, None);
                match kop.const_value().and_then(const_index) {
                    Some(n) => next = n as u64,
                    None => {
                        if !kop.is_invalid() {
                            self.error(
                                k.span,
                                format!("index {} must be integer constant", expr_string(k)),
                            );
                        }
                    }
                }
            }
            if let Some(len) = len {
                if next >= len {
                    self.error(
                        el.value.span,
                        format!("index {next} is out of bounds (>= {len})"),
                    );
                }
            }
            if !seen.insert(next) {
                self.error(
                    el.key.as_ref().map(|k| k.span).unwrap_or(el.value.span),
                    format!("duplicate index {next} in array or slice literal"),
                );
            }
            let op = self.expr(&el.value, Some(elem));
            let v = self.assign_to(op, &el.value, elem, "array or slice literal");
            out.push((next, v));
            next += 1;
        }
        out
    }

    pub(crate) fn struct_lit(
        &mut self,
        lit: &ast::CompositeLit,
        ty: TypeId,
        fields: &[crate::types::Field],
        span: Span,
    ) -> ExprKind {
        let mut values: Vec<Option<hir::Expr>> = (0..fields.len()).map(|_| None).collect();
        let keyed = lit.elems.first().is_some_and(|e| e.key.is_some());
        let tname = self.ty_str(ty);
        for (pos, el) in lit.elems.iter().enumerate() {
            if el.key.is_some() != keyed {
                self.error(
                    el.value.span,
                    "mixture of field:value and value elements in struct literal",
                );
                return ExprKind::StructLit(values);
            }
            let idx = if let Some(k) = &el.key {
                let A::Ident(name) = &k.kind else {
                    self.error(
                        k.span,
                        format!("invalid field name {} in struct literal", expr_string(k)),
                    );
                    continue;
                };
                match fields.iter().position(|f| f.name == name.name) {
                    Some(i) => {
                        if values[i].is_some() {
                            self.error(
                                k.span,
                                format!("duplicate field name {} in struct literal", name.name),
                            );
                            continue;
                        }
                        i
                    }
                    None => {
                        self.error(
                            k.span,
                            format!(
                                "unknown field {} in struct literal of type {}",
                                name.name, tname
                            ),
                        );
                        let _ = self.expr(&el.value, None);
                        continue;
                    }
                }
            } else {
                if pos >= fields.len() {
                    self.error(
                        el.value.span,
                        format!("too many values in struct literal of type {tname}"),
                    );
                    break;
                }
                pos
            };
            let fty = fields[idx].ty;
            let op = self.expr(&el.value, Some(fty));
            let v = self.assign_to(op, &el.value, fty, "struct literal");
            values[idx] = Some(v);
        }
        if !keyed && !lit.elems.is_empty() && lit.elems.len() < fields.len() {
            let close = Span::new(lit.body_span.end.saturating_sub(1), lit.body_span.end);
            self.error(
                close,
                format!("too few values in struct literal of type {tname}"),
            );
        }
        let _ = span;
        ExprKind::StructLit(values)
    }
}
