//! Selectors: package members, fields and methods through embedding (with explicit derefs), method values and expressions, and places.

use gomini_lexer::Span;
use gomini_parser::ast::{self, ExprKind as A};

use super::exprstr::expr_string;
use super::lookup::Selection;
use super::operand::{Mode, Operand};
use super::package::ObjKind;
use super::scope::Lookup;
use super::typexpr::is_exported;
use super::Checker;
use crate::hir::{self, ExprKind, Place};
use crate::types::{Type, TypeId};

impl<'l> Checker<'l> {
    pub(crate) fn selector(
        &mut self,
        e: &ast::Expr,
        base: &ast::Expr,
        name: &ast::Ident,
    ) -> Operand {
        let span = e.span;
        // A package member: `fmt.Println`.
        if let A::Ident(pkg_id) = &base.kind {
            if let Lookup::Obj(obj) = self.lookup(&pkg_id.name) {
                if let ObjKind::Import { pkg } = self.objs[obj.0 as usize].kind {
                    self.objs[obj.0 as usize].used = true;
                    let member = self.pkgs[pkg]
                        .scope
                        .get(&name.name)
                        .copied()
                        .filter(|_| is_exported(&name.name));
                    let Some(member) = member else {
                        let what = if is_exported(&name.name) {
                            "undefined"
                        } else {
                            "name not exported by package"
                        };
                        if what == "undefined" {
                            self.error(
                                name.span,
                                format!("undefined: {}.{}", pkg_id.name, name.name),
                            );
                        } else {
                            self.error(
                                name.span,
                                format!(
                                    "name {} not exported by package {}",
                                    name.name, self.pkgs[pkg].name
                                ),
                            );
                        }
                        return Operand::invalid(span);
                    };
                    let mut op = self.obj_operand(member, name, span);
                    op.expr.span = span;
                    return op;
                }
            }
        }
        let x = self.expr(base, None);
        if x.is_invalid() {
            return Operand::invalid(span);
        }
        if matches!(x.mode, Mode::TypeExpr) {
            return self.method_expr(x.ty, name, span, e);
        }
        if !self.single_value(&x, base) {
            return Operand::invalid(span);
        }
        // Go names the constant's own type in the error (`type untyped int has
        // no field or method x`): no untyped type has fields or methods.
        let untyped_ty = self.types.is_untyped(x.ty).then_some(x.ty);
        let sel = match untyped_ty {
            Some(_) => Selection::NotFound,
            None => self.lookup_field_or_method(x.ty, &name.name),
        };
        if !is_exported(&name.name) {
            let (owner_pkg, what) = match &sel {
                Selection::Field { path, .. } => (self.field_pkg(x.ty, path), "field"),
                Selection::Method { recv, .. } => (
                    self.types.named_of(*recv).map(|n| n.pkg.to_string()),
                    "method",
                ),
                _ => (None, ""),
            };
            if owner_pkg.is_some_and(|p| p != self.pkg_path()) {
                self.error(
                    name.span,
                    format!(
                        "{}.{} undefined (cannot refer to unexported {what} {})",
                        expr_string(base),
                        name.name,
                        name.name
                    ),
                );
                return Operand::invalid(span);
            }
        }
        match sel {
            Selection::Field { path, ty } => {
                let addressable =
                    matches!(x.mode, Mode::Var) || matches!(self.types.get(x.ty), Type::Pointer(_));
                let (expr, through_ptr) = self.walk_path(x.expr, &path, span);
                let mode = if addressable || through_ptr {
                    Mode::Var
                } else {
                    Mode::Value
                };
                let mut op = Operand {
                    mode,
                    ty,
                    expr,
                    local: None,
                };
                op.local = x
                    .local
                    .filter(|_| !through_ptr && path.len() == 1)
                    .and(None);
                op
            }
            Selection::Method {
                path,
                func,
                ptr_recv,
                sig,
                ..
            } => {
                let mode = x.mode.clone();
                let base_local = x.local;
                let (recv, through_ptr) = self.walk_path(x.expr, &path[..], span);
                let recv = self.adjust_receiver(
                    recv,
                    ptr_recv,
                    matches!(mode, Mode::Var) || through_ptr,
                    base_local,
                    e,
                    name,
                );
                let Some(recv) = recv else {
                    return Operand::invalid(span);
                };
                Operand::new(
                    Mode::Value,
                    sig,
                    ExprKind::MethodValue {
                        recv: Box::new(recv),
                        func,
                    },
                    span,
                )
            }
            Selection::IfaceMethod {
                path, index, sig, ..
            } => {
                let (recv, _) = self.walk_path(x.expr, &path, span);
                let recv = self.auto_deref(recv);
                Operand::new(
                    Mode::Value,
                    sig,
                    ExprKind::IfaceMethodValue {
                        recv: Box::new(recv),
                        method: index,
                    },
                    span,
                )
            }
            Selection::Ambiguous => {
                self.error(name.span, format!("ambiguous selector {}", expr_string(e)));
                Operand::invalid(span)
            }
            Selection::NotFound => {
                let tstr = self.ty_str(x.ty);
                let mut msg = format!(
                    "{}.{} undefined (type {} has no field or method {})",
                    expr_string(base),
                    name.name,
                    tstr,
                    name.name
                );
                if let Type::Pointer(inner) = self.types.get(x.ty) {
                    if self.types.is_interface(*inner) {
                        msg = format!(
                            "{}.{} undefined (type {} is pointer to interface, not interface)",
                            expr_string(base),
                            name.name,
                            tstr
                        );
                    }
                }
                let upper: String = name
                    .name
                    .chars()
                    .next()
                    .map(|c| c.to_uppercase().collect::<String>() + &name.name[c.len_utf8()..])
                    .unwrap_or_default();
                if upper != name.name.as_ref()
                    && !matches!(
                        self.lookup_field_or_method(x.ty, &upper),
                        Selection::NotFound
                    )
                {
                    let kind = if matches!(
                        self.lookup_field_or_method(x.ty, &upper),
                        Selection::Field { .. }
                    ) {
                        "field"
                    } else {
                        "method"
                    };
                    msg = format!("{}.{} undefined (type {} has no field or method {}, but does have {kind} {upper})", expr_string(base), name.name, tstr, name.name);
                }
                self.error(name.span, msg);
                Operand::invalid(span)
            }
        }
    }

    /// Follows embedded-field `path` from `expr`, inserting derefs; the last index is the field itself.
    /// Returns whether a pointer was followed (the result is then addressable).
    pub(crate) fn walk_path(
        &mut self,
        mut expr: hir::Expr,
        path: &[u32],
        span: Span,
    ) -> (hir::Expr, bool) {
        let mut through_ptr = false;
        for &idx in path {
            if let Type::Pointer(_) = self.types.get(expr.ty) {
                expr = self.auto_deref(expr);
                through_ptr = true;
            }
            let fty = match self.types.under(expr.ty) {
                Type::Struct(fields) => fields
                    .get(idx as usize)
                    .map(|f| f.ty)
                    .unwrap_or(TypeId::INVALID),
                _ => TypeId::INVALID,
            };
            expr = hir::Expr {
                kind: ExprKind::Field(Box::new(expr), idx),
                ty: fty,
                span,
            };
        }
        (expr, through_ptr)
    }

    pub(crate) fn auto_deref(&self, expr: hir::Expr) -> hir::Expr {
        match self.types.get(expr.ty) {
            Type::Pointer(elem) => {
                let ty = *elem;
                let span = expr.span;
                hir::Expr {
                    kind: ExprKind::Deref(Box::new(expr)),
                    ty,
                    span,
                }
            }
            _ => expr,
        }
    }

    /// The receiver for a method with (`ptr_recv`) or without a pointer receiver: `&x` or `*p` inserted as needed.
    pub(crate) fn adjust_receiver(
        &mut self,
        recv: hir::Expr,
        ptr_recv: bool,
        addressable: bool,
        local: Option<(usize, hir::LocalId)>,
        e: &ast::Expr,
        name: &ast::Ident,
    ) -> Option<hir::Expr> {
        let is_ptr = matches!(self.types.get(recv.ty), Type::Pointer(_));
        if ptr_recv && !is_ptr {
            if !addressable {
                let _ = e;
                self.error(
                    name.span.start_point().to(name.span),
                    format!(
                        "cannot call pointer method {} on {}",
                        name.name,
                        self.ty_str(recv.ty)
                    ),
                );
                return None;
            }
            if let Some(owner) = local {
                self.mark_addr_taken(owner);
            }
            let ty = self.types.pointer(recv.ty);
            let span = recv.span;
            let place = self.place_of(recv)?;
            return Some(hir::Expr {
                kind: ExprKind::AddrOf(Box::new(place)),
                ty,
                span,
            });
        }
        if !ptr_recv && is_ptr {
            return Some(self.auto_deref(recv));
        }
        Some(recv)
    }

    /// `T.M` or `(*T).M`.
    pub(crate) fn method_expr(
        &mut self,
        ty: TypeId,
        name: &ast::Ident,
        span: Span,
        e: &ast::Expr,
    ) -> Operand {
        match self.lookup_field_or_method(ty, &name.name) {
            Selection::Method {
                path,
                func,
                ptr_recv,
                sig,
                ..
            } if path.is_empty() => {
                let is_ptr = matches!(self.types.get(ty), Type::Pointer(_));
                if ptr_recv && !is_ptr {
                    self.error(
                        name.span,
                        format!(
                            "invalid method expression {} (needs pointer receiver (*{}).{})",
                            expr_string(e),
                            self.ty_str(ty),
                            name.name
                        ),
                    );
                    return Operand::invalid(span);
                }
                let Some(s) = self.types.signature(sig).cloned() else {
                    return Operand::invalid(span);
                };
                let mut params = vec![ty];
                params.extend(s.params);
                let fty = self.types.func(params, s.results, s.variadic);
                Operand::new(
                    Mode::Value,
                    fty,
                    ExprKind::MethodExpr {
                        func,
                        deref: is_ptr && !ptr_recv,
                    },
                    span,
                )
            }
            Selection::IfaceMethod {
                index, sig, path, ..
            } if path.is_empty() => {
                let Some(s) = self.types.signature(sig).cloned() else {
                    return Operand::invalid(span);
                };
                let mut params = vec![ty];
                params.extend(s.params);
                let fty = self.types.func(params, s.results, s.variadic);
                Operand::new(
                    Mode::Value,
                    fty,
                    ExprKind::IfaceMethodExpr {
                        iface: ty,
                        method: index,
                    },
                    span,
                )
            }
            _ => {
                self.error(
                    name.span,
                    format!(
                        "{}.{} undefined (type {} has no method {})",
                        expr_string(match &e.kind {
                            A::Selector(b, _) => b,
                            _ => e,
                        }),
                        name.name,
                        self.ty_str(ty),
                        name.name
                    ),
                );
                Operand::invalid(span)
            }
        }
    }

    /// Converts an addressable (or map-index) expression into a [`Place`].
    pub(crate) fn place_of(&mut self, expr: hir::Expr) -> Option<Place> {
        Some(match expr.kind {
            ExprKind::Local(id) => Place::Local(id),
            ExprKind::Capture(slot) => Place::Capture(slot),
            ExprKind::Global(g) => Place::Global(g),
            ExprKind::Deref(inner) => Place::Deref(*inner),
            ExprKind::Field(base, idx) => {
                if matches!(
                    base.kind,
                    ExprKind::Deref(_)
                        | ExprKind::Local(_)
                        | ExprKind::Capture(_)
                        | ExprKind::Global(_)
                        | ExprKind::Field(..)
                        | ExprKind::ArrayIndex(..)
                        | ExprKind::SliceIndex(..)
                ) {
                    Place::Field(Box::new(self.place_of(*base)?), idx)
                } else {
                    return None;
                }
            }
            ExprKind::ArrayIndex(base, idx) => {
                Place::ArrayIndex(Box::new(self.place_of(*base)?), *idx)
            }
            ExprKind::SliceIndex(base, idx) => Place::SliceIndex(*base, *idx),
            ExprKind::MapIndex(m, k) => Place::MapIndex(*m, *k),
            _ => return None,
        })
    }
}
