//! Statements: assignments and declarations, control flow, labels, go/defer, return, and Go's terminating-statement rules.

use gomini_lexer::Span;
use gomini_parser::ast::{self, StmtKind as S};

use super::constant::Const;
use super::decls::InitValues;
use super::exprs::{bin_op, strip_parens};
use super::exprstr::expr_string;
use super::operand::{Mode, Operand};
use super::scope::Entity;
use super::Checker;
use crate::hir::{self, Place, RangeKind, StmtKind};
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

    pub(crate) fn block(&mut self, b: &ast::Block) -> Vec<hir::Stmt> {
        self.push_scope();
        let out = self.stmt_list(&b.stmts);
        self.pop_scope();
        out
    }

    pub(crate) fn stmt(
        &mut self,
        s: &ast::Stmt,
        out: &mut Vec<hir::Stmt>,
        label: Option<&ast::Ident>,
    ) {
        self.guarded(s.span, (), |c| c.stmt_inner(s, out, label))
    }

    pub(crate) fn push(out: &mut Vec<hir::Stmt>, kind: StmtKind, span: Span) {
        out.push(hir::Stmt { kind, span });
    }

    pub(crate) fn stmt_inner(
        &mut self,
        s: &ast::Stmt,
        out: &mut Vec<hir::Stmt>,
        label: Option<&ast::Ident>,
    ) {
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
                // Go checks `x++` as `x += 1`: `x` is read first (so this counts
                // as a use of it), must be numeric, and only then assignable.
                let x = self.value(target, None);
                if x.is_invalid() {
                    return;
                }
                if !self.types.basic(x.ty).is_some_and(|b| b.is_numeric()) {
                    self.error(
                        target.span,
                        format!(
                            "invalid operation: {}{} (non-numeric type {})",
                            expr_string(target),
                            if *inc { "++" } else { "--" },
                            self.ty_str(x.ty)
                        ),
                    );
                    return;
                }
                let Some((place, ty)) = self.lhs(target) else {
                    return;
                };
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
                    let under = self.types.underlying_spelled(under);
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
    pub(crate) fn cond(&mut self, e: &ast::Expr, what: &str) -> hir::Expr {
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

    pub(crate) fn if_stmt(&mut self, i: &ast::IfStmt, span: Span) -> hir::Stmt {
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

    pub(crate) fn for_stmt(
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
    pub(crate) fn range_skip(&mut self, r: &ast::RangeStmt) {
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

    pub(crate) fn range_stmt(
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
        let orig = Operand {
            mode: x.mode.clone(),
            ty: x.ty,
            expr: x.expr_clone_invalid(),
            local: None,
        };
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
            Type::Basic(b) if b.is_string() => (RangeKind::String, TypeId::INT, Some(TypeId::RUNE)),
            Type::Array { elem, .. } => (RangeKind::Array, TypeId::INT, Some(elem)),
            Type::Pointer(p) => match self.types.under(p).clone() {
                Type::Array { elem, .. } => (RangeKind::ArrayPtr, TypeId::INT, Some(elem)),
                _ => {
                    self.error(
                        r.subject.span,
                        format!("cannot range over {}", self.describe(&orig, &r.subject)),
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
                    format!("cannot range over {}", self.describe(&orig, &r.subject)),
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
                    self.describe(&orig, &r.subject)
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
}
