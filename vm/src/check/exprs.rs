//! Expressions: names, literals, operators, selectors, indexing, slicing, type assertions and composite literals.

use gomini_lexer::Span;
use gomini_parser::ast::{self, BinaryOp, ExprKind as A, UnaryOp};

use super::assign::const_index;
use super::constant::{self, Const, ConstError};
use super::exprstr::expr_string;
use super::lookup::Selection;
use super::operand::{Mode, Operand};
use super::package::ObjKind;
use super::scope::Lookup;
use super::typexpr::is_exported;
use super::universe::Predeclared;
use super::Checker;
use crate::hir::{self, BinOp, ExprKind, Place, UnOp};
use crate::types::{Basic, Type, TypeId};

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

    fn expr_inner(&mut self, e: &ast::Expr, hint: Option<TypeId>) -> Operand {
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

    fn ident(&mut self, id: &ast::Ident) -> Operand {
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

    fn universe_invalid(&mut self, _name: &str) {}

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
            ObjKind::Import { .. } => {
                self.objs[obj.0 as usize].used = true;
                self.error(span, format!("use of package {} without selector", id.name));
                Operand::invalid(span)
            }
            ObjKind::Invalid | ObjKind::Pending => Operand::invalid(span),
        }
    }

    // -----------------------------------------------------------------------
    // Selectors
    // -----------------------------------------------------------------------

    fn selector(&mut self, e: &ast::Expr, base: &ast::Expr, name: &ast::Ident) -> Operand {
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
        let x = if self.types.is_untyped(x.ty) {
            self.materialize(x, base, None)
        } else {
            x
        };
        let sel = self.lookup_field_or_method(x.ty, &name.name);
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
    fn walk_path(&mut self, mut expr: hir::Expr, path: &[u32], span: Span) -> (hir::Expr, bool) {
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
    fn method_expr(&mut self, ty: TypeId, name: &ast::Ident, span: Span, e: &ast::Expr) -> Operand {
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

    // -----------------------------------------------------------------------
    // Index and slice
    // -----------------------------------------------------------------------

    fn index(&mut self, base: &ast::Expr, idx: &ast::Expr, span: Span) -> Operand {
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
                        let expr = self.const_expr(&Const::int(byte), TypeId::UINT8, span);
                        return Operand {
                            mode: Mode::Value,
                            ty: TypeId::UINT8,
                            expr,
                            local: None,
                        };
                    }
                }
                let x = self.materialize(x, base, None);
                Operand::new(
                    Mode::Value,
                    TypeId::UINT8,
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
    fn index_value(&mut self, idx: &ast::Expr, len: Option<u64>) -> Operand {
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

    fn slice_expr(
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

    // -----------------------------------------------------------------------
    // Operators
    // -----------------------------------------------------------------------

    fn unary(
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
                    self.error(
                        span,
                        format!(
                            "invalid operation: cannot take address of {}",
                            self.describe(&x, inner)
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
                                span,
                                format!(
                                    "invalid operation: cannot receive from send-only channel {}",
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
    fn typed_const_result(
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

    fn const_op_typed(&self, value: Const, ty: TypeId, span: Span) -> Operand {
        self.const_op(value, ty, span)
    }

    fn binary(
        &mut self,
        op: BinaryOp,
        op_span: Span,
        lhs: &ast::Expr,
        rhs: &ast::Expr,
        e: &ast::Expr,
    ) -> Operand {
        let span = e.span;
        let _ = op_span;
        if matches!(op, BinaryOp::Shl | BinaryOp::Shr) {
            return self.shift(op, lhs, rhs, e);
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
        if x.ty != y.ty && !(self.types.is_untyped(x.ty) && self.types.is_untyped(y.ty)) {
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
        let b = self.types.basic(x.ty);
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
            self.error(
                span,
                format!(
                    "invalid operation: operator {} not defined on {}",
                    op.as_str(),
                    self.describe(&x, lhs)
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
        // Untyped mixes: the "larger" kind wins (int < rune < float).
        let result_ty = if self.types.is_untyped(x.ty) && self.types.is_untyped(y.ty) {
            larger_untyped(x.ty, y.ty)
        } else {
            x.ty
        };
        if let (Some(a), Some(c)) = (x.const_value(), y.const_value()) {
            let int_div = self.types.basic(result_ty).is_some_and(|b| b.is_integer());
            match constant::binary(op, a, c, int_div) {
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
        let x = self.materialize(x, lhs, None);
        let y = self.materialize(y, rhs, None);
        let hop = bin_op(op);
        let ty = x.ty;
        Operand::new(
            Mode::Value,
            ty,
            ExprKind::Binary(hop, Box::new(x.expr), Box::new(y.expr)),
            span,
        )
    }

    /// Converts an untyped operand to the other operand's type (Go's implicit conversion in binary operations).
    fn match_operands(
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
    fn convert_untyped_operand(
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
        if self.types.is_interface(target) && !matches!(op, BinaryOp::LogAnd | BinaryOp::LogOr) {
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
                    self.error(
                        expr.span,
                        format!("invalid operation: shifted operand {} must be integer", "1"),
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
            _ => {}
        }
        expr.ty = target;
    }

    fn mismatch(&mut self, e: &ast::Expr, x: &Operand, y: &Operand, _op: BinaryOp) {
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

    fn comparison(
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

    fn shift(&mut self, op: BinaryOp, lhs: &ast::Expr, rhs: &ast::Expr, e: &ast::Expr) -> Operand {
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
        // it a type (`f & (1 << i)` is a Flag), as in Go.
        let x = if self.types.is_untyped(x.ty) {
            let ty = if x.ty == TypeId::UNTYPED_FLOAT {
                TypeId::UNTYPED_INT
            } else {
                x.ty
            };
            let expr = self.const_expr(x.const_value().unwrap_or(&Const::int(0)), ty, x.expr.span);
            Operand {
                mode: Mode::Value,
                ty,
                expr,
                local: None,
            }
        } else {
            x
        };
        let ty = x.ty;
        Operand::new(
            Mode::Value,
            ty,
            ExprKind::Binary(hop, Box::new(x.expr), Box::new(y.expr)),
            span,
        )
    }

    // -----------------------------------------------------------------------
    // Composite literals
    // -----------------------------------------------------------------------

    fn composite(&mut self, lit: &ast::CompositeLit, hint: Option<TypeId>, span: Span) -> Operand {
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
                let mut seen: Vec<Const> = Vec::new();
                for el in &lit.elems {
                    let Some(k) = &el.key else {
                        self.error(el.value.span, "missing key in map literal");
                        continue;
                    };
                    let kop = self.composite_elem(k, key);
                    if let Some(c) = kop.1.clone() {
                        if seen.contains(&c) {
                            self.error(
                                k.span,
                                format!("duplicate key {} in map literal", expr_string(k)),
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
    fn composite_elem(&mut self, e: &ast::Expr, ty: TypeId) -> (hir::Expr, Option<Const>) {
        let op = self.expr(e, Some(ty));
        let c = op.const_value().cloned();
        (self.assign_to(op, e, ty, "array or slice literal"), c)
    }

    fn indexed_elems(
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

    fn struct_lit(
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

pub fn strip_parens(e: &ast::Expr) -> &ast::Expr {
    match &e.kind {
        A::Paren(inner) => strip_parens(inner),
        _ => e,
    }
}

fn larger_untyped(a: TypeId, b: TypeId) -> TypeId {
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

fn untyped_kind(b: Option<Basic>) -> &'static str {
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
