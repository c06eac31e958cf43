//! Expression switches, type switches and select statements.

use gomini_lexer::Span;
use gomini_parser::ast::{self, StmtKind as S};

use super::constant::Const;
use super::exprs::strip_parens;
use super::exprstr::expr_string;
use super::operand::Operand;
use super::scope::Lookup;
use super::Checker;
use crate::hir::{self, RecvDest, StmtKind};
use crate::types::{ChanDir, Type, TypeId};

impl<'l> Checker<'l> {
    pub(crate) fn switch_stmt(
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

    pub(crate) fn stmt_list_no_fallthrough(&mut self, stmts: &[ast::Stmt]) -> Vec<hir::Stmt> {
        self.stmt_list(stmts)
    }

    pub(crate) fn type_switch(
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
                // `case byte` after `case uint8` is a duplicate: compare canonical types.
                let canonical = self.types.canonical(ty);
                if seen.contains(&Some(canonical)) {
                    self.error(
                        t.span,
                        format!("duplicate case {} in type switch", self.ty_str(ty)),
                    );
                }
                seen.push(Some(canonical));
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

    pub(crate) fn select_stmt(
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

    pub(crate) fn select_comm(&mut self, comm: &ast::Stmt) -> hir::SelectKind {
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

    pub(crate) fn recv_chan(&mut self, ch: &ast::Expr) -> Option<(hir::Expr, TypeId)> {
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
