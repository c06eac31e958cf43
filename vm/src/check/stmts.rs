//! Statements: assignments and declarations, control flow, labels, go/defer, return, and Go's terminating-statement rules.

use gomini_lexer::Span;
use gomini_parser::ast::{self, StmtKind as S};

use super::constant::Const;
use super::decls::InitValues;
use super::exprs::{bin_op, strip_parens};
use super::exprstr::expr_string;
use super::operand::{Mode, Operand};
use super::scope::{Entity, Lookup};
use super::Checker;
use crate::hir::{self, Place, RangeKind, RecvDest, StmtKind, TargetId};
use crate::types::{ChanDir, Type, TypeId};

impl<'l> Checker<'l> {
    /// Checks statements in the current scope.
    pub(crate) fn stmt_list(&mut self, stmts: &[ast::Stmt]) -> Vec<hir::Stmt> {
        let mut out = Vec::new();
        for (idx, s) in stmts.iter().enumerate() {
            if let S::Fallthrough = s.kind {
                if !self.fallthrough_ok || idx + 1 != stmts.len() {
                    self.error(s.span, "fallthrough statement out of place");
                }
                out.push(hir::Stmt {
                    kind: StmtKind::Fallthrough,
                    span: s.span,
                });
                continue;
            }
            let saved = std::mem::replace(&mut self.fallthrough_ok, false);
            self.stmt(s, &mut out, None);
            self.fallthrough_ok = saved;
        }
        out
    }

    fn block(&mut self, b: &ast::Block) -> Vec<hir::Stmt> {
        self.push_scope();
        let out = self.stmt_list(&b.stmts);
        self.pop_scope();
        out
    }

    fn stmt(&mut self, s: &ast::Stmt, out: &mut Vec<hir::Stmt>, label: Option<&ast::Ident>) {
        self.guarded(s.span, (), |c| c.stmt_inner(s, out, label))
    }

    fn push(out: &mut Vec<hir::Stmt>, kind: StmtKind, span: Span) {
        out.push(hir::Stmt { kind, span });
    }

    fn stmt_inner(&mut self, s: &ast::Stmt, out: &mut Vec<hir::Stmt>, label: Option<&ast::Ident>) {
        let span = s.span;
        match &s.kind {
            S::Empty => {}
            S::Expr(e) => {
                let op = self.expr(e, None);
                if op.is_invalid() {
                    return;
                }
                let inner = strip_parens(e);
                let is_call = matches!(inner.kind, ast::ExprKind::Call { .. });
                let is_recv = matches!(inner.kind, ast::ExprKind::Unary(ast::UnaryOp::Recv, _));
                let discarding_builtin = matches!(op.expr.kind, hir::ExprKind::Builtin(b, _) if matches!(b,
                    hir::Builtin::Len | hir::Builtin::Cap | hir::Builtin::Append | hir::Builtin::AppendSpread | hir::Builtin::Make | hir::Builtin::New | hir::Builtin::Min | hir::Builtin::Max));
                if (!is_call && !is_recv)
                    || discarding_builtin
                    || matches!(op.mode, Mode::Const(_) | Mode::TypeExpr)
                    || (is_call
                        && !matches!(
                            op.expr.kind,
                            hir::ExprKind::Call(_) | hir::ExprKind::Builtin(..)
                        ))
                {
                    self.error(e.span, format!("{} is not used", self.describe(&op, e)));
                    return;
                }
                Self::push(out, StmtKind::Expr(op.expr), span);
            }
            S::Send { chan, value } => {
                let c = self.value(chan, None);
                if c.is_invalid() {
                    let _ = self.expr(value, None);
                    return;
                }
                let Type::Chan { dir, elem } = self.types.under(c.ty).clone() else {
                    self.error(
                        s.span,
                        format!(
                            "invalid operation: cannot send to non-channel {}",
                            self.describe(&c, chan)
                        ),
                    );
                    return;
                };
                if dir == ChanDir::Recv {
                    self.error(
                        s.span,
                        format!(
                            "invalid operation: cannot send to receive-only channel {}",
                            self.describe(&c, chan)
                        ),
                    );
                    return;
                }
                let v = self.expr(value, Some(elem));
                let v = self.assign_to(v, value, elem, "send");
                Self::push(
                    out,
                    StmtKind::Send {
                        chan: c.expr,
                        value: v,
                    },
                    span,
                );
            }
            S::IncDec { target, inc } => {
                let Some((place, ty)) = self.lhs(target) else {
                    return;
                };
                if !self.types.basic(ty).is_some_and(|b| b.is_numeric()) {
                    let op = Operand::new(Mode::Var, ty, hir::ExprKind::Nil, target.span);
                    self.error(
                        s.span,
                        format!(
                            "invalid operation: {}{} (non-numeric type {})",
                            expr_string(target),
                            if *inc { "++" } else { "--" },
                            self.ty_str(ty)
                        ),
                    );
                    let _ = op;
                    return;
                }
                let one = self.const_expr(&Const::int(1), ty, span);
                let op = if *inc {
                    hir::BinOp::Add
                } else {
                    hir::BinOp::Sub
                };
                Self::push(
                    out,
                    StmtKind::OpAssign {
                        place,
                        op,
                        rhs: one,
                    },
                    span,
                );
            }
            S::Assign {
                lhs,
                op: Some(op),
                rhs,
                op_span: _,
            } => {
                if lhs.len() != 1 || rhs.len() != 1 {
                    self.error(
                        s.span,
                        format!(
                            "assignment operation {}= requires single-valued expressions",
                            op.as_str()
                        ),
                    );
                    return;
                }
                // Check `x op y` as an expression for its errors and types, then store.
                let bin = ast::Expr {
                    kind: ast::ExprKind::Binary {
                        op: *op,
                        op_span: s.span,
                        lhs: Box::new(lhs[0].clone()),
                        rhs: Box::new(rhs[0].clone()),
                    },
                    span: lhs[0].span.to(rhs[0].span),
                };
                let res = self.expr(&bin, None);
                let Some((place, ty)) = self.lhs(&lhs[0]) else {
                    return;
                };
                if res.is_invalid() {
                    return;
                }
                let hir::ExprKind::Binary(_, _, y) = res.expr.kind else {
                    // Folded constant (both sides constant is impossible for an assignable lhs).
                    return;
                };
                let mut y = *y;
                if !matches!(op, ast::BinaryOp::Shl | ast::BinaryOp::Shr) {
                    y.ty = ty;
                }
                Self::push(
                    out,
                    StmtKind::OpAssign {
                        place,
                        op: bin_op(*op),
                        rhs: y,
                    },
                    span,
                );
            }
            S::Assign {
                lhs,
                op: None,
                rhs,
                op_span,
            } => self.assign(lhs, rhs, *op_span, span, out),
            S::Define {
                names,
                values,
                op_span,
            } => self.define(names, values, *op_span, span, out),
            S::Var(decl) => {
                for spec in &decl.specs {
                    let declared = spec.ty.as_ref().map(|t| self.resolve_type(t));
                    let names: Vec<(String, Span)> = spec
                        .names
                        .iter()
                        .map(|n| (n.name.to_string(), n.span))
                        .collect();
                    let (types, rhs) = self.init_values(
                        &names,
                        declared,
                        &spec.values,
                        spec.span,
                        "variable declaration",
                    );
                    let locals: Vec<hir::LocalId> = names
                        .iter()
                        .zip(&types)
                        .map(|((n, sp), &t)| self.declare_local(n, t, *sp))
                        .collect();
                    match rhs {
                        None => {
                            for l in locals {
                                Self::push(out, StmtKind::Zero(l), spec.span);
                            }
                        }
                        Some(InitValues::Each(values)) => {
                            if locals.len() == 1 {
                                let v = values.into_iter().next();
                                if let Some(v) = v {
                                    Self::push(out, StmtKind::Init(locals[0], v), spec.span);
                                }
                            } else {
                                for &l in &locals {
                                    Self::push(out, StmtKind::Zero(l), spec.span);
                                }
                                let lhs = locals.iter().map(|&l| Place::Local(l)).collect();
                                Self::push(out, StmtKind::Assign { lhs, rhs: values }, spec.span);
                            }
                        }
                        Some(InitValues::Tuple(value)) => {
                            Self::push(
                                out,
                                StmtKind::DefineTuple {
                                    locals: locals.into_iter().map(Some).collect(),
                                    rhs: value,
                                },
                                spec.span,
                            );
                        }
                    }
                }
            }
            S::Const(decl) => {
                for (spec_idx, spec) in decl.specs.iter().enumerate() {
                    let mut vals = Vec::new();
                    for idx in 0..spec.names.len() {
                        vals.push(self.eval_const_spec(&decl.specs, spec_idx, idx));
                    }
                    for (name, (ty, value)) in spec.names.iter().zip(vals) {
                        let entity = match value {
                            Some(value) => Entity::Const { ty, value },
                            None => Entity::Invalid,
                        };
                        self.declare(&name.name, name.span, entity);
                    }
                }
            }
            S::Type(decl) => {
                for spec in &decl.specs {
                    if spec.alias {
                        let ty = self.resolve_type(&spec.ty);
                        self.declare(&spec.name.name, spec.name.span, Entity::Type(ty));
                        continue;
                    }
                    let path = self.pkg_path().to_string();
                    let ty = self.types.new_named(&path, &spec.name.name);
                    self.declare(&spec.name.name, spec.name.span, Entity::Type(ty));
                    let under = self.resolve_type(&spec.ty);
                    let under = self.types.underlying(under);
                    if let Type::Named(idx) = *self.types.get(ty) {
                        self.types.named[idx as usize].underlying = under;
                    }
                }
            }
            S::Go(e) | S::Defer(e) => {
                let word = if matches!(s.kind, S::Go(_)) {
                    "go"
                } else {
                    "defer"
                };
                let inner = strip_parens(e);
                if !matches!(inner.kind, ast::ExprKind::Call { .. }) {
                    let _ = self.expr(e, None);
                    self.error(
                        e.span,
                        format!("expression in {word} must be function call"),
                    );
                    return;
                }
                let op = self.expr(inner, None);
                if op.is_invalid() {
                    return;
                }
                match &op.expr.kind {
                    hir::ExprKind::Call(_) => {}
                    hir::ExprKind::Builtin(b, _) => {
                        if matches!(
                            b,
                            hir::Builtin::Len
                                | hir::Builtin::Cap
                                | hir::Builtin::Append
                                | hir::Builtin::AppendSpread
                                | hir::Builtin::Make
                                | hir::Builtin::New
                                | hir::Builtin::Min
                                | hir::Builtin::Max
                        ) {
                            self.error(
                                e.span,
                                format!("{word} discards result of {}", expr_string(inner)),
                            );
                            return;
                        }
                    }
                    _ => {
                        self.error(
                            e.span,
                            format!("{word} requires function call, not conversion"),
                        );
                        return;
                    }
                }
                let kind = if word == "go" {
                    StmtKind::Go(op.expr)
                } else {
                    StmtKind::Defer(op.expr)
                };
                Self::push(out, kind, span);
            }
            S::Return(values) => self.return_stmt(values, span, out),
            S::Break(l) | S::Continue(l) => {
                let is_break = matches!(s.kind, S::Break(_));
                let word = if is_break { "break" } else { "continue" };
                let targets = &self.fns.last().map(|f| &f.targets);
                let found = targets.and_then(|ts| match l {
                    Some(l) => ts
                        .iter()
                        .rev()
                        .find(|t| t.label.as_deref() == Some(&*l.name))
                        .map(|t| (t.id, t.is_loop)),
                    None => ts
                        .iter()
                        .rev()
                        .find(|t| is_break || t.is_loop)
                        .map(|t| (t.id, t.is_loop)),
                });
                match (found, l) {
                    (Some((id, is_loop)), _) if is_break || is_loop => {
                        if let Some(l) = l {
                            self.used_labels.push(l.name.to_string());
                        }
                        Self::push(
                            out,
                            if is_break {
                                StmtKind::Break(id)
                            } else {
                                StmtKind::Continue(id)
                            },
                            span,
                        );
                    }
                    (_, Some(l)) => {
                        let known = self.labels.iter().any(|x| x == &*l.name);
                        if known {
                            self.used_labels.push(l.name.to_string());
                            self.error(l.span, format!("invalid {word} label {}", l.name));
                        } else {
                            self.error(l.span, format!("{word} label not defined: {}", l.name));
                        }
                    }
                    (_, None) => {
                        let msg = if is_break {
                            "break is not in a loop, switch, or select"
                        } else {
                            "continue is not in a loop"
                        };
                        self.error(span, msg);
                    }
                }
            }
            S::Fallthrough => {
                self.error(span, "fallthrough statement out of place");
            }
            S::Block(b) => {
                let stmts = self.block(b);
                Self::push(out, StmtKind::Block(stmts), span);
            }
            S::If(i) => {
                let stmt = self.if_stmt(i, span);
                out.push(stmt);
            }
            S::Switch(sw) => self.switch_stmt(sw, label, span, out),
            S::TypeSwitch(sw) => self.type_switch(sw, label, span, out),
            S::Select(cases) => self.select_stmt(cases, label, span, out),
            S::For(f) => self.for_stmt(f, label, span, out),
            S::Range(r) => self.range_stmt(r, label, span, out),
            S::Labeled { label: l, stmt } => {
                if self.labels.iter().any(|x| x == &*l.name) {
                    self.error(l.span, format!("label {} already defined", l.name));
                }
                self.labels.push(l.name.to_string());
                let n_before = self.used_labels.len();
                let mut inner = Vec::new();
                self.stmt(stmt, &mut inner, Some(l));
                let used = self.used_labels[n_before..].iter().any(|x| x == &*l.name);
                if !used && !self.used_labels.iter().any(|x| x == &*l.name) {
                    self.error(l.span, format!("label {} defined and not used", l.name));
                }
                out.extend(inner);
            }
        }
    }

    /// A left-hand side: its place and type. `_` is `Blank` with an invalid type.
    fn lhs(&mut self, e: &ast::Expr) -> Option<(Place, TypeId)> {
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
        let op = self.expr(e, None);
        if op.is_invalid() {
            return None;
        }
        match op.mode {
            Mode::Var | Mode::MapIndex => {}
            _ => {
                let inner = strip_parens(e);
                let msg = if let ast::ExprKind::Selector(base, _) = &inner.kind {
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
    fn expr_type_quiet(&mut self, e: &ast::Expr) -> Option<TypeId> {
        let n = self.diags.len();
        let op = self.expr(e, None);
        self.diags.truncate(n);
        (!op.is_invalid()).then_some(op.ty)
    }

    fn assign(
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

    fn define(
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

    fn return_stmt(&mut self, values: &[ast::Expr], span: Span, out: &mut Vec<hir::Stmt>) {
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

    fn have_types(&self, ops: &[Operand]) -> String {
        ops.iter()
            .map(|o| match o.mode {
                Mode::Nil => "nil".to_string(),
                Mode::Const(_) if self.types.is_untyped(o.ty) => "number".to_string(),
                _ => self.ty_str(o.ty),
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn cond(&mut self, e: &ast::Expr, what: &str) -> hir::Expr {
        let op = self.value(e, None);
        if op.is_invalid() {
            return op.expr;
        }
        if !self.types.basic(op.ty).is_some_and(|b| b.is_boolean()) {
            self.error(e.span, format!("non-boolean condition in {what} statement"));
            return op.expr;
        }
        self.materialize(op, e, None).expr
    }

    fn if_stmt(&mut self, i: &ast::IfStmt, span: Span) -> hir::Stmt {
        self.push_scope();
        let mut pre = Vec::new();
        if let Some(init) = &i.init {
            self.stmt(init, &mut pre, None);
        }
        let cond = self.cond(&i.cond, "if");
        let then = self.block(&i.then);
        let els = i.els.as_ref().map(|e| {
            let mut v = Vec::new();
            match &e.kind {
                S::Block(b) => v = self.block(b),
                _ => self.stmt(e, &mut v, None),
            }
            v
        });
        self.pop_scope();
        let stmt = hir::Stmt {
            kind: StmtKind::If { cond, then, els },
            span,
        };
        if pre.is_empty() {
            stmt
        } else {
            pre.push(stmt);
            hir::Stmt {
                kind: StmtKind::Block(pre),
                span,
            }
        }
    }

    fn for_stmt(
        &mut self,
        f: &ast::ForStmt,
        label: Option<&ast::Ident>,
        span: Span,
        out: &mut Vec<hir::Stmt>,
    ) {
        self.push_scope();
        let mut pre = Vec::new();
        let n_locals_before = self.fns.last().map(|f| f.locals.len()).unwrap_or(0);
        if let Some(init) = &f.init {
            self.stmt(init, &mut pre, None);
        }
        let n_locals_after = self.fns.last().map(|f| f.locals.len()).unwrap_or(0);
        let per_iter = self.opts.per_iteration_loopvars;
        let loop_vars: Vec<hir::LocalId> = (n_locals_before..n_locals_after)
            .map(|i| hir::LocalId(i as u32))
            .collect();
        if per_iter {
            if let Some(ctx) = self.fns.last_mut() {
                for l in &loop_vars {
                    ctx.locals[l.0 as usize].per_iteration = true;
                }
            }
        }
        let cond = f.cond.as_ref().map(|c| self.cond(c, "for"));
        let target = self.new_target(label.map(|l| l.name.clone()), true);
        let mut post_v = Vec::new();
        if let Some(post) = &f.post {
            if matches!(post.kind, S::Define { .. }) {
                self.error(post.span, "cannot declare in post statement of for loop");
            } else {
                self.stmt(post, &mut post_v, None);
            }
        }
        let body = self.block(&f.body);
        self.pop_target();
        self.pop_scope();
        let post = post_v.pop().map(Box::new);
        let stmt = hir::Stmt {
            kind: StmtKind::For {
                target,
                cond,
                post,
                body,
                per_iteration: if per_iter { loop_vars } else { Vec::new() },
            },
            span,
        };
        pre.push(stmt);
        Self::push(out, StmtKind::Block(pre), span);
    }

    /// Checks a range statement's body after its subject failed (so its uses still count).
    fn range_skip(&mut self, r: &ast::RangeStmt) {
        self.push_scope();
        for e in [&r.key, &r.value].into_iter().flatten() {
            if let ast::ExprKind::Ident(id) = &e.kind {
                if r.define {
                    let l = self.declare_local(&id.name, TypeId::INVALID, id.span);
                    if let Some(f) = self.fns.last_mut() {
                        f.used[l.0 as usize] = true;
                    }
                }
            }
        }
        let _ = self.block(&r.body);
        self.pop_scope();
    }

    fn range_stmt(
        &mut self,
        r: &ast::RangeStmt,
        label: Option<&ast::Ident>,
        span: Span,
        out: &mut Vec<hir::Stmt>,
    ) {
        let x = self.value(&r.subject, None);
        if x.is_invalid() {
            self.push_scope();
            for e in [&r.key, &r.value].into_iter().flatten() {
                if let ast::ExprKind::Ident(id) = &e.kind {
                    let l = self.declare_local(&id.name, TypeId::INVALID, id.span);
                    if let Some(f) = self.fns.last_mut() {
                        f.used[l.0 as usize] = true;
                    }
                }
            }
            let _ = self.block(&r.body);
            self.pop_scope();
            return;
        }
        let x = if self.types.is_untyped(x.ty) {
            let hint = if self.types.basic(x.ty).is_some_and(|b| b.is_integer()) {
                Some(TypeId::INT)
            } else {
                None
            };
            self.materialize(x, &r.subject, hint)
        } else {
            x
        };
        let under = self.types.under(x.ty).clone();
        let (kind, kt, vt) = match under {
            Type::Basic(b) if b.is_integer() => (RangeKind::Int, x.ty, None),
            Type::Basic(b) if b.is_string() => {
                (RangeKind::String, TypeId::INT, Some(TypeId::INT32))
            }
            Type::Array { elem, .. } => (RangeKind::Array, TypeId::INT, Some(elem)),
            Type::Pointer(p) => match self.types.under(p).clone() {
                Type::Array { elem, .. } => (RangeKind::ArrayPtr, TypeId::INT, Some(elem)),
                _ => {
                    self.error(
                        r.subject.span,
                        format!("cannot range over {}", self.describe(&x, &r.subject)),
                    );
                    self.range_skip(r);
                    return;
                }
            },
            Type::Slice(elem) => (RangeKind::Slice, TypeId::INT, Some(elem)),
            Type::Map { key, value } => (RangeKind::Map, key, Some(value)),
            Type::Chan { elem, dir } => {
                if dir == ChanDir::Send {
                    self.error(
                        r.subject.span,
                        format!(
                            "invalid operation: range {} receive from send-only channel",
                            expr_string(&r.subject)
                        ),
                    );
                    self.range_skip(r);
                    return;
                }
                (RangeKind::Chan, elem, None)
            }
            _ => {
                self.error(
                    r.subject.span,
                    format!("cannot range over {}", self.describe(&x, &r.subject)),
                );
                self.range_skip(r);
                return;
            }
        };
        if r.value.is_some() && vt.is_none() {
            let v = r.value.as_ref().map(|v| v.span).unwrap_or(span);
            self.error(
                v,
                format!(
                    "range over {} permits only one iteration variable",
                    self.describe(&x, &r.subject)
                ),
            );
            return;
        }
        self.push_scope();
        let mut key = None;
        let mut value = None;
        if r.define {
            for (slot, e, ty) in [
                (&mut key, &r.key, kt),
                (&mut value, &r.value, vt.unwrap_or(TypeId::INVALID)),
            ] {
                let Some(e) = e else { continue };
                let ast::ExprKind::Ident(id) = &e.kind else {
                    self.error(
                        e.span,
                        format!("non-name {} on left side of :=", expr_string(e)),
                    );
                    continue;
                };
                let l = self.declare_local(&id.name, ty, id.span);
                if self.opts.per_iteration_loopvars {
                    if let Some(f) = self.fns.last_mut() {
                        f.locals[l.0 as usize].per_iteration = true;
                    }
                }
                *slot = Some(if id.name.as_ref() == "_" {
                    Place::Blank
                } else {
                    Place::Local(l)
                });
            }
        } else {
            for (slot, e, ty) in [
                (&mut key, &r.key, kt),
                (&mut value, &r.value, vt.unwrap_or(TypeId::INVALID)),
            ] {
                let Some(e) = e else { continue };
                if let Some((p, pty)) = self.lhs(e) {
                    if !matches!(p, Place::Blank) && !self.assignable_type(ty, pty) {
                        self.error(
                            e.span,
                            format!(
                                "cannot use {} (value of type {}) as {} value in range clause",
                                expr_string(e),
                                self.ty_str(ty),
                                self.ty_str(pty)
                            ),
                        );
                    }
                    *slot = Some(p);
                }
            }
        }
        let target = self.new_target(label.map(|l| l.name.clone()), true);
        let body = self.block(&r.body);
        self.pop_target();
        self.pop_scope();
        let range = hir::Range {
            target,
            kind,
            subject: x.expr,
            key,
            value,
            define: r.define,
            body,
        };
        Self::push(out, StmtKind::Range(Box::new(range)), span);
    }

    fn switch_stmt(
        &mut self,
        sw: &ast::SwitchStmt,
        label: Option<&ast::Ident>,
        span: Span,
        out: &mut Vec<hir::Stmt>,
    ) {
        self.push_scope();
        let mut init_v = Vec::new();
        if let Some(init) = &sw.init {
            self.stmt(init, &mut init_v, None);
        }
        let tag = sw.tag.as_ref().map(|t| {
            let op = self.value(t, None);
            if op.is_invalid() {
                return op;
            }
            self.materialize(op, t, None)
        });
        let tag_ty = tag.as_ref().map(|t| t.ty);
        let tag_invalid = tag.as_ref().is_some_and(|t| t.is_invalid());
        let target = self.new_target(label.map(|l| l.name.clone()), false);
        let mut cases = Vec::new();
        let mut seen: Vec<(Const, TypeId, Span)> = Vec::new();
        let mut default_seen = false;
        for (ci, c) in sw.cases.iter().enumerate() {
            if c.is_default {
                if default_seen {
                    self.error(c.span, "multiple defaults in switch");
                }
                default_seen = true;
            }
            let mut exprs = Vec::new();
            for e in &c.exprs {
                match tag_ty {
                    Some(tt) => {
                        let op = self.value(e, None);
                        if op.is_invalid() || tag_invalid {
                            continue;
                        }
                        if let Some(v) = op.const_value().cloned() {
                            if seen.iter().any(|(pv, _, _)| *pv == v) {
                                let hint = Some(tt).filter(|t| !self.types.is_interface(*t));
                                let probe = Operand {
                                    mode: op.mode.clone(),
                                    ty: op.ty,
                                    expr: op.expr_clone_invalid(),
                                    local: None,
                                };
                                let conv = self.materialize(probe, e, hint);
                                let text = self.describe(&conv, e);
                                self.error(
                                    e.span,
                                    format!("duplicate case {text} in expression switch"),
                                );
                            }
                            seen.push((v, op.ty, e.span));
                        }
                        let cmp_ok =
                            self.assignable_type(op.ty, tt) || self.assignable_type(tt, op.ty);
                        if !cmp_ok {
                            let t = sw.tag.as_ref().map(expr_string).unwrap_or_default();
                            self.error(
                                e.span,
                                format!(
                                    "invalid case {} in switch on {} (mismatched types {} and {})",
                                    expr_string(e),
                                    t,
                                    self.ty_str(op.ty),
                                    self.ty_str(tt)
                                ),
                            );
                            continue;
                        }
                        let v = if self.types.is_interface(tt) && !self.types.is_interface(op.ty) {
                            let m = self.materialize(op, e, None);
                            self.box_if_needed(m.expr, tt)
                        } else {
                            self.assign_to(op, e, tt, "switch case")
                        };
                        exprs.push(v);
                    }
                    None => {
                        let op = self.value(e, None);
                        if op.is_invalid() {
                            continue;
                        }
                        if !self.types.basic(op.ty).is_some_and(|b| b.is_boolean()) {
                            self.error(
                                e.span,
                                format!(
                                    "invalid case {} in switch (mismatched types {} and bool)",
                                    expr_string(e),
                                    self.ty_str(op.ty)
                                ),
                            );
                            continue;
                        }
                        if let Some(v) = op.const_value() {
                            if seen.iter().any(|(pv, _, _)| pv == v) {
                                self.error(
                                    e.span,
                                    format!(
                                        "duplicate case {} in expression switch",
                                        expr_string(e)
                                    ),
                                );
                            }
                            seen.push((v.clone(), op.ty, e.span));
                        }
                        exprs.push(self.materialize(op, e, None).expr);
                    }
                }
            }
            self.push_scope();
            let saved = std::mem::replace(&mut self.fallthrough_ok, false);
            let is_last = ci + 1 == sw.cases.len();
            let falls = matches!(c.body.last().map(|s| &s.kind), Some(S::Fallthrough));
            if falls && is_last {
                if let Some(last) = c.body.last() {
                    self.error(last.span, "cannot fallthrough final case in switch");
                }
            }
            let body_stmts = if falls && !is_last {
                &c.body[..c.body.len() - 1]
            } else {
                &c.body[..]
            };
            let body = self.stmt_list_no_fallthrough(body_stmts);
            self.fallthrough_ok = saved;
            self.pop_scope();
            cases.push(hir::SwitchCase {
                exprs,
                is_default: c.is_default,
                body,
                falls_through: falls && !is_last,
                span: c.span,
            });
        }
        self.pop_target();
        self.pop_scope();
        let init = if init_v.is_empty() {
            None
        } else {
            Some(hir::Stmt {
                kind: StmtKind::Block(init_v),
                span,
            })
        };
        let sw = hir::Switch {
            target,
            init,
            tag: tag.map(|t| t.expr),
            cases,
        };
        Self::push(out, StmtKind::Switch(Box::new(sw)), span);
    }

    fn stmt_list_no_fallthrough(&mut self, stmts: &[ast::Stmt]) -> Vec<hir::Stmt> {
        self.stmt_list(stmts)
    }

    fn type_switch(
        &mut self,
        sw: &ast::TypeSwitchStmt,
        label: Option<&ast::Ident>,
        span: Span,
        out: &mut Vec<hir::Stmt>,
    ) {
        self.push_scope();
        let mut init_v = Vec::new();
        if let Some(init) = &sw.init {
            self.stmt(init, &mut init_v, None);
        }
        let x = self.value(&sw.subject, None);
        let valid = !x.is_invalid();
        if valid && !self.types.is_interface(x.ty) {
            self.error(
                sw.subject.span,
                format!("{} is not an interface", self.describe(&x, &sw.subject)),
            );
        }
        let target = self.new_target(label.map(|l| l.name.clone()), false);
        let mut cases = Vec::new();
        let mut bind_used = false;
        let mut seen: Vec<Option<TypeId>> = Vec::new();
        for c in &sw.cases {
            let mut types = Vec::new();
            for t in &c.types {
                if let ast::TypeExprKind::Name { pkg: None, name } = &t.kind {
                    if name.name.as_ref() == "nil"
                        && matches!(self.lookup("nil"), Lookup::Predeclared(_))
                    {
                        if seen.contains(&None) {
                            self.error(t.span, "multiple nil cases in type switch (first at ...)");
                        }
                        seen.push(None);
                        types.push(None);
                        continue;
                    }
                }
                let ty = self.resolve_type(t);
                if ty == TypeId::INVALID {
                    continue;
                }
                if seen.contains(&Some(ty)) {
                    self.error(
                        t.span,
                        format!("duplicate case {} in type switch", self.ty_str(ty)),
                    );
                }
                seen.push(Some(ty));
                if valid && !self.types.is_interface(ty) {
                    if let Some(reason) = self.missing_method(ty, x.ty) {
                        let reason = reason.lines().next().unwrap_or_default().to_string();
                        self.error(t.span, format!("impossible type switch case: {} cannot have dynamic type {} {reason}", self.describe(&x, &sw.subject), self.ty_str(ty)));
                    }
                }
                types.push(Some(ty));
            }
            self.push_scope();
            let bind = sw.bind.as_ref().map(|b| {
                let ty = match types.as_slice() {
                    [Some(t)] => *t,
                    _ => x.ty,
                };
                self.declare_local(&b.name, ty, b.span)
            });
            let body_stmts = match c.body.last() {
                Some(last) if matches!(last.kind, S::Fallthrough) => {
                    self.error(last.span, "cannot fallthrough in type switch");
                    &c.body[..c.body.len() - 1]
                }
                _ => &c.body[..],
            };
            let body = self.stmt_list(body_stmts);
            if let Some(b) = bind {
                if let Some(f) = self.fns.last_mut() {
                    if f.used[b.0 as usize] {
                        bind_used = true;
                    }
                    // The per-clause variable is reported once, for the switch as a whole.
                    f.used[b.0 as usize] = true;
                }
            }
            self.pop_scope();
            cases.push(hir::TypeCase {
                types,
                is_default: c.is_default,
                bind,
                body,
                span: c.span,
            });
        }
        if let Some(b) = &sw.bind {
            if !bind_used && self.opts.unused_errors && b.name.as_ref() != "_" {
                self.error(b.span, format!("{} declared and not used", b.name));
            }
        }
        self.pop_target();
        self.pop_scope();
        let init = if init_v.is_empty() {
            None
        } else {
            Some(hir::Stmt {
                kind: StmtKind::Block(init_v),
                span,
            })
        };
        let ts = hir::TypeSwitch {
            target,
            init,
            subject: x.expr,
            cases,
        };
        Self::push(out, StmtKind::TypeSwitch(Box::new(ts)), span);
    }

    fn select_stmt(
        &mut self,
        clauses: &[ast::CommClause],
        label: Option<&ast::Ident>,
        span: Span,
        out: &mut Vec<hir::Stmt>,
    ) {
        let target = self.new_target(label.map(|l| l.name.clone()), false);
        let mut cases = Vec::new();
        for c in clauses {
            self.push_scope();
            let kind = match &c.comm {
                None => hir::SelectKind::Default,
                Some(comm) => self.select_comm(comm),
            };
            let body = self.stmt_list(&c.body);
            self.pop_scope();
            cases.push(hir::SelectCase {
                kind,
                body,
                span: c.span,
            });
        }
        self.pop_target();
        Self::push(
            out,
            StmtKind::Select(Box::new(hir::Select { target, cases })),
            span,
        );
    }

    fn select_comm(&mut self, comm: &ast::Stmt) -> hir::SelectKind {
        let recv_of = |e: &ast::Expr| -> Option<ast::Expr> {
            match &strip_parens(e).kind {
                ast::ExprKind::Unary(ast::UnaryOp::Recv, inner) => Some((**inner).clone()),
                _ => None,
            }
        };
        match &comm.kind {
            S::Send { .. } => {
                let mut v = Vec::new();
                self.stmt(comm, &mut v, None);
                match v.pop().map(|s| s.kind) {
                    Some(StmtKind::Send { chan, value }) => hir::SelectKind::Send { chan, value },
                    _ => hir::SelectKind::Default,
                }
            }
            S::Expr(e) => {
                let Some(ch) = recv_of(e) else {
                    self.error(
                        comm.span,
                        "select case must be receive, send or assign recv",
                    );
                    return hir::SelectKind::Default;
                };
                let Some((chan, _)) = self.recv_chan(&ch) else {
                    return hir::SelectKind::Default;
                };
                hir::SelectKind::Recv {
                    chan,
                    value: None,
                    ok: None,
                }
            }
            S::Define { names, values, .. } if values.len() == 1 && names.len() <= 2 => {
                let Some(ch) = recv_of(&values[0]) else {
                    self.error(
                        comm.span,
                        "select case must be receive, send or assign recv",
                    );
                    return hir::SelectKind::Default;
                };
                let Some((chan, elem)) = self.recv_chan(&ch) else {
                    return hir::SelectKind::Default;
                };
                let v = self.declare_local(&names[0].name, elem, names[0].span);
                let ok = names
                    .get(1)
                    .map(|n| RecvDest::Define(self.declare_local(&n.name, TypeId::BOOL, n.span)));
                hir::SelectKind::Recv {
                    chan,
                    value: Some(RecvDest::Define(v)),
                    ok,
                }
            }
            S::Assign {
                lhs, op: None, rhs, ..
            } if rhs.len() == 1 && lhs.len() <= 2 => {
                let Some(ch) = recv_of(&rhs[0]) else {
                    self.error(
                        comm.span,
                        "select case must be receive, send or assign recv",
                    );
                    return hir::SelectKind::Default;
                };
                let Some((chan, _)) = self.recv_chan(&ch) else {
                    return hir::SelectKind::Default;
                };
                let value = self.lhs(&lhs[0]).map(|(p, _)| RecvDest::Assign(p));
                let ok = lhs
                    .get(1)
                    .and_then(|l| self.lhs(l))
                    .map(|(p, _)| RecvDest::Assign(p));
                hir::SelectKind::Recv { chan, value, ok }
            }
            _ => {
                self.error(
                    comm.span,
                    "select case must be receive, send or assign recv",
                );
                hir::SelectKind::Default
            }
        }
    }

    fn recv_chan(&mut self, ch: &ast::Expr) -> Option<(hir::Expr, TypeId)> {
        let c = self.value(ch, None);
        if c.is_invalid() {
            return None;
        }
        match self.types.under(c.ty).clone() {
            Type::Chan { dir, elem } if dir != ChanDir::Send => Some((c.expr, elem)),
            _ => {
                self.error(
                    ch.span,
                    format!(
                        "invalid operation: cannot receive from {}",
                        self.describe(&c, ch)
                    ),
                );
                None
            }
        }
    }
}

/// Go's terminating statement rules, on syntax: whether the list ends in one.
pub fn terminating_list(stmts: &[ast::Stmt]) -> bool {
    stmts
        .iter()
        .rev()
        .find(|s| !matches!(s.kind, S::Empty))
        .is_some_and(|s| terminating(s, None))
}

fn terminating(s: &ast::Stmt, label: Option<&str>) -> bool {
    match &s.kind {
        S::Return(_) => true,
        S::Expr(e) => {
            // A call of the builtin panic (or os.Exit, which Go does not count).
            matches!(&strip_parens(e).kind, ast::ExprKind::Call { func, .. } if matches!(&func.kind, ast::ExprKind::Ident(id) if id.name.as_ref() == "panic"))
        }
        S::Block(b) => terminating_list(&b.stmts),
        S::If(i) => match &i.els {
            Some(els) => terminating_list(&i.then.stmts) && terminating(els, None),
            None => false,
        },
        S::For(f) => f.cond.is_none() && !has_break(&f.body.stmts, label, true),
        S::Labeled { label: l, stmt } => terminating(stmt, Some(&l.name)),
        S::Switch(sw) => {
            sw.cases.iter().any(|c| c.is_default)
                && sw.cases.iter().all(|c| {
                    (terminating_list(&c.body)
                        || matches!(c.body.last().map(|s| &s.kind), Some(S::Fallthrough)))
                        && !has_break(&c.body, label, true)
                })
        }
        S::TypeSwitch(sw) => {
            sw.cases.iter().any(|c| c.is_default)
                && sw
                    .cases
                    .iter()
                    .all(|c| terminating_list(&c.body) && !has_break(&c.body, label, true))
        }
        S::Select(cases) => cases
            .iter()
            .all(|c| terminating_list(&c.body) && !has_break(&c.body, label, true)),
        S::Go(_) | S::Defer(_) => false,
        _ => false,
    }
}

/// Whether `stmts` contain a `break` that targets the enclosing statement (unlabelled at this level, or naming `label`).
fn has_break(stmts: &[ast::Stmt], label: Option<&str>, top: bool) -> bool {
    stmts.iter().any(|s| stmt_has_break(s, label, top))
}

fn stmt_has_break(s: &ast::Stmt, label: Option<&str>, top: bool) -> bool {
    match &s.kind {
        S::Break(None) => top,
        S::Break(Some(l)) => Some(&*l.name) == label,
        S::Block(b) => has_break(&b.stmts, label, top),
        S::If(i) => {
            has_break(&i.then.stmts, label, top)
                || i.els
                    .as_ref()
                    .is_some_and(|e| stmt_has_break(e, label, top))
        }
        S::Labeled { stmt, .. } => stmt_has_break(stmt, label, top),
        // Nested breakable statements capture unlabelled breaks.
        S::For(f) => has_break(&f.body.stmts, label, false),
        S::Range(r) => has_break(&r.body.stmts, label, false),
        S::Switch(sw) => sw.cases.iter().any(|c| has_break(&c.body, label, false)),
        S::TypeSwitch(sw) => sw.cases.iter().any(|c| has_break(&c.body, label, false)),
        S::Select(cases) => cases.iter().any(|c| has_break(&c.body, label, false)),
        _ => false,
    }
}

#[allow(dead_code)]
fn unused(_: TargetId) {}
