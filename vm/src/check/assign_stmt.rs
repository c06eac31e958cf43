//! Assignments, short variable declarations and return statements.

use gomini_lexer::Span;
use gomini_parser::ast::{self};

use super::decls::InitValues;
use super::exprs::strip_parens;
use super::exprstr::expr_string;
use super::operand::{Mode, Operand};
use super::package::ObjKind;
use super::scope::{Entity, Lookup};
use super::Checker;
use crate::hir::{self, Place, StmtKind};
use crate::types::{Type, TypeId};

impl<'l> Checker<'l> {
    pub(crate) fn lhs(&mut self, e: &ast::Expr) -> Option<(Place, TypeId)> {
        if let ast::ExprKind::Ident(id) = &strip_parens(e).kind {
            if id.name.as_ref() == "_" {
                return Some((Place::Blank, TypeId::INVALID));
            }
            // Assigning to a local does not count as using it.
            if let Lookup::Local(kind, ty, _) = self.lookup(&id.name) {
                let place = match kind {
                    hir::ExprKind::Local(l) => Place::Local(l),
                    hir::ExprKind::Capture(c) => Place::Capture(c),
                    _ => return None,
                };
                return Some((place, ty));
            }
        }
        // As Go: the target is checked as a value first (`len = 1` says it must
        // be called, `T = 1` that a type is not an expression).
        let op = self.value(e, None);
        if op.is_invalid() {
            return None;
        }
        match op.mode {
            Mode::Var | Mode::MapIndex => {}
            _ => {
                let inner = strip_parens(e);
                let msg = if let ast::ExprKind::Selector(base, _) = &inner.kind {
                    // Go checks the selector's base on its own too, which
                    // reports a package name there (`math.Pi = 1`).
                    if let ast::ExprKind::Ident(id) = &strip_parens(base).kind {
                        if matches!(self.lookup(&id.name), Lookup::Obj(obj) if matches!(self.objs[obj.0 as usize].kind, ObjKind::Import { .. }))
                        {
                            self.error(
                                base.span,
                                format!("use of package {} not in selector", id.name),
                            );
                        }
                    }
                    let in_map = match &strip_parens(base).kind {
                        ast::ExprKind::Index(m, _) => self
                            .expr_type_quiet(m)
                            .is_some_and(|t| matches!(self.types.under(t), Type::Map { .. })),
                        _ => false,
                    };
                    if in_map {
                        format!("cannot assign to struct field {} in map", expr_string(e))
                    } else {
                        format!(
                            "cannot assign to {} (neither addressable nor a map index expression)",
                            expr_string(e)
                        )
                    }
                } else {
                    format!(
                        "cannot assign to {} (neither addressable nor a map index expression)",
                        expr_string(e)
                    )
                };
                self.error(e.span, msg);
                return None;
            }
        }
        let ty = op.ty;
        let place = self.place_of(op.expr)?;
        Some((place, ty))
    }

    /// The type of `e` without reporting anything twice (used only to word an error).
    pub(crate) fn expr_type_quiet(&mut self, e: &ast::Expr) -> Option<TypeId> {
        let n = self.diags.len();
        let op = self.expr(e, None);
        self.diags.truncate(n);
        (!op.is_invalid()).then_some(op.ty)
    }

    pub(crate) fn assign(
        &mut self,
        lhs: &[ast::Expr],
        rhs: &[ast::Expr],
        op_span: Span,
        span: Span,
        out: &mut Vec<hir::Stmt>,
    ) {
        let targets: Vec<Option<(Place, TypeId)>> = lhs.iter().map(|e| self.lhs(e)).collect();
        if lhs.len() == rhs.len() {
            let mut places = Vec::new();
            let mut values = Vec::new();
            for (t, v) in targets.into_iter().zip(rhs) {
                let op = self.expr(v, t.as_ref().map(|t| t.1).filter(|t| *t != TypeId::INVALID));
                let op = self.one_value_for_one(op, v, lhs.len());
                match t {
                    Some((Place::Blank, _)) => {
                        if matches!(op.mode, Mode::Nil) {
                            self.error(v.span, "use of untyped nil in assignment");
                            continue;
                        }
                        if op.is_invalid() || !self.single_value(&op, v) {
                            continue;
                        }
                        let op = self.materialize(op, v, None);
                        places.push(Place::Blank);
                        values.push(op.expr);
                    }
                    Some((place, ty)) => {
                        let v = self.assign_to(op, v, ty, "assignment");
                        places.push(place);
                        values.push(v);
                    }
                    None => {}
                }
            }
            Self::push(
                out,
                StmtKind::Assign {
                    lhs: places,
                    rhs: values,
                },
                span,
            );
            return;
        }
        if rhs.len() == 1 {
            let op = self.expr(&rhs[0], None);
            if op.is_invalid() {
                return;
            }
            let count = self.value_count(&op);
            if let Some((tuple, elems)) = self.tuple_of(op, &rhs[0], lhs.len()) {
                let mut places = Vec::new();
                for ((t, &ety), e) in targets.into_iter().zip(&elems).zip(lhs) {
                    match t {
                        Some((Place::Blank, _)) => places.push(Place::Blank),
                        Some((place, ty)) => {
                            if !self.assignable_type(ety, ty) {
                                self.error(
                                    e.span,
                                    format!(
                                        "cannot use {} value as {} value in assignment",
                                        self.ty_str(ety),
                                        self.ty_str(ty)
                                    ),
                                );
                            }
                            places.push(place);
                        }
                        None => places.push(Place::Blank),
                    }
                }
                Self::push(
                    out,
                    StmtKind::AssignTuple {
                        lhs: places,
                        rhs: tuple,
                    },
                    span,
                );
                return;
            }
            self.error(
                rhs[0].span,
                super::decls::mismatch_msg(lhs.len(), rhs, count),
            );
            return;
        }
        let _ = op_span;
        self.error(
            rhs[0].span,
            super::decls::mismatch_msg(lhs.len(), rhs, rhs.len()),
        );
    }

    pub(crate) fn define(
        &mut self,
        names: &[ast::Ident],
        values: &[ast::Expr],
        op_span: Span,
        span: Span,
        out: &mut Vec<hir::Stmt>,
    ) {
        let mut existing: Vec<Option<(Place, TypeId)>> = Vec::new();
        let mut any_new = false;
        for n in names {
            match self.declared_here(&n.name) {
                Some(Entity::Local { fn_idx, id })
                    if fn_idx + 1 == self.fns.len() && n.name.as_ref() != "_" =>
                {
                    let ty = self.fns[fn_idx].locals[id.0 as usize].ty;
                    existing.push(Some((Place::Local(id), ty)));
                }
                _ => {
                    if n.name.as_ref() != "_" {
                        any_new = true;
                    }
                    existing.push(None);
                }
            }
        }
        if !any_new {
            self.error(op_span, "no new variables on left side of :=");
        }
        let name_spans: Vec<(String, Span)> =
            names.iter().map(|n| (n.name.to_string(), n.span)).collect();
        // Values are checked against already-declared variables' types.
        if values.len() == names.len() {
            let mut places = Vec::new();
            let mut rhs = Vec::new();
            let mut fresh = Vec::new();
            for ((n, v), ex) in names.iter().zip(values).zip(&existing) {
                let op = self.expr(v, ex.as_ref().map(|e| e.1));
                let op = self.one_value_for_one(op, v, names.len());
                let value = match ex {
                    Some((_, ty)) => self.assign_to(op, v, *ty, "assignment"),
                    None => {
                        if matches!(op.mode, Mode::Nil) {
                            self.error(v.span, "use of untyped nil in assignment");
                            op.expr_clone_invalid()
                        } else if op.is_invalid() || !self.single_value(&op, v) {
                            op.expr_clone_invalid()
                        } else {
                            self.materialize(op, v, None).expr
                        }
                    }
                };
                fresh.push((n, value.ty, ex.is_none()));
                rhs.push(value);
            }
            for ((n, ty, is_new), ex) in fresh.into_iter().zip(existing) {
                if is_new {
                    let id = self.declare_local(&n.name, ty, n.span);
                    places.push(if n.name.as_ref() == "_" {
                        Place::Blank
                    } else {
                        Place::Local(id)
                    });
                    if names.len() == 1 {
                        if let Some(v) = rhs.pop() {
                            Self::push(out, StmtKind::Init(id, v), span);
                        }
                        return;
                    }
                    Self::push(out, StmtKind::Zero(id), span);
                } else if let Some((p, _)) = ex {
                    places.push(p);
                }
            }
            Self::push(out, StmtKind::Assign { lhs: places, rhs }, span);
            return;
        }
        let (types, init) = self.init_values(&name_spans, None, values, span, "assignment");
        let mut locals = Vec::new();
        let mut places = Vec::new();
        for ((n, ty), ex) in names.iter().zip(types).zip(existing) {
            match ex {
                Some((p, _)) => {
                    locals.push(None);
                    places.push(p);
                }
                None => {
                    let id = self.declare_local(&n.name, ty, n.span);
                    locals.push(Some(id));
                    places.push(if n.name.as_ref() == "_" {
                        Place::Blank
                    } else {
                        Place::Local(id)
                    });
                }
            }
        }
        if let Some(InitValues::Tuple(value)) = init {
            if locals.iter().all(|l| l.is_some()) {
                Self::push(out, StmtKind::DefineTuple { locals, rhs: value }, span);
            } else {
                for l in locals.iter().flatten() {
                    Self::push(out, StmtKind::Zero(*l), span);
                }
                Self::push(
                    out,
                    StmtKind::AssignTuple {
                        lhs: places,
                        rhs: value,
                    },
                    span,
                );
            }
        }
    }

    pub(crate) fn return_stmt(
        &mut self,
        values: &[ast::Expr],
        span: Span,
        out: &mut Vec<hir::Stmt>,
    ) {
        let Some(ctx) = self.fns.last() else { return };
        let results = ctx.results.clone();
        let named = ctx.named_results;
        if values.is_empty() {
            if !results.is_empty() && !named {
                let want = format!(
                    "({})",
                    results
                        .iter()
                        .map(|t| self.ty_str(*t))
                        .collect::<Vec<_>>()
                        .join(", ")
                );
                self.error(
                    span,
                    format!("not enough return values\n\thave ()\n\twant {want}"),
                );
            }
            Self::push(out, StmtKind::Return(Vec::new()), span);
            return;
        }
        if results.is_empty() {
            self.error(values[0].span, "too many return values");
            for v in values {
                let _ = self.expr(v, None);
            }
            return;
        }
        if values.len() == 1 && results.len() > 1 {
            let op = self.expr(&values[0], None);
            if op.is_invalid() {
                return;
            }
            if let Type::Tuple(elems) = self.types.get(op.ty).clone() {
                if elems.len() == results.len() {
                    for (e, r) in elems.iter().zip(&results) {
                        if !self.assignable_type(*e, *r) {
                            self.error(
                                values[0].span,
                                format!(
                                    "cannot use {} value as {} value in return statement",
                                    self.ty_str(*e),
                                    self.ty_str(*r)
                                ),
                            );
                        }
                    }
                    Self::push(out, StmtKind::Return(vec![op.expr]), span);
                    return;
                }
            }
            let want = format!(
                "({})",
                results
                    .iter()
                    .map(|t| self.ty_str(*t))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            let have = format!("({})", self.have_types(&[op]));
            self.error(
                values[0].span,
                format!("not enough return values\n\thave {have}\n\twant {want}"),
            );
            return;
        }
        if values.len() != results.len() {
            let ops: Vec<Operand> = values.iter().map(|v| self.expr(v, None)).collect();
            if ops.iter().any(|o| o.is_invalid()) {
                return;
            }
            let want = format!(
                "({})",
                results
                    .iter()
                    .map(|t| self.ty_str(*t))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            let have = format!("({})", self.have_types(&ops));
            if values.len() < results.len() {
                self.error(
                    values[0].span,
                    format!("not enough return values\n\thave {have}\n\twant {want}"),
                );
            } else {
                self.error(
                    values[results.len()].span,
                    format!("too many return values\n\thave {have}\n\twant {want}"),
                );
            }
            return;
        }
        let mut hv = Vec::new();
        for (v, &r) in values.iter().zip(&results) {
            let op = self.expr(v, Some(r));
            hv.push(self.assign_to(op, v, r, "return statement"));
        }
        Self::push(out, StmtKind::Return(hv), span);
    }

    pub(crate) fn have_types(&self, ops: &[Operand]) -> String {
        ops.iter()
            .map(|o| match o.mode {
                Mode::Nil => "nil".to_string(),
                Mode::Const(_) if self.types.is_untyped(o.ty) => "number".to_string(),
                _ => self.ty_str(o.ty),
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}
