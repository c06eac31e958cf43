//! Declarations: constant specs (iota, implicit repetition), variable specs, function bodies and func literals.

use gomini_lexer::Span;
use gomini_parser::ast;

use super::constant::Const;
use super::exprstr::expr_string;
use super::operand::Mode;
use super::package::{DeclRef, ObjKind, State, VarSpecInit};
use super::Checker;
use crate::hir::{self, Place, StmtKind};
use crate::types::{FuncId, TypeId};

impl<'l> Checker<'l> {
    /// The `idx`th constant of `specs[spec]` (repeating the last spec with values when it has none).
    pub(crate) fn eval_const_spec(
        &mut self,
        specs: &[ast::ConstSpec],
        spec: usize,
        idx: usize,
    ) -> (TypeId, Option<Const>) {
        let me = &specs[spec];
        let source = (0..=spec)
            .rev()
            .find(|&i| !specs[i].values.is_empty())
            .map(|i| &specs[i]);
        let Some(source) = source else {
            if idx == 0 {
                self.error(me.names[0].span, "missing init expr for const declaration");
            }
            return (TypeId::INVALID, None);
        };
        if idx >= source.values.len() {
            if idx == source.values.len() {
                self.error(
                    me.names[idx].span,
                    "missing init expr for const declaration",
                );
            }
            return (TypeId::INVALID, None);
        }
        if idx == me.names.len() - 1
            && source.values.len() > me.names.len()
            && std::ptr::eq(source, me)
        {
            self.error(source.values[me.names.len()].span, "extra init expr");
        }
        let saved = self.iota.replace(me.iota as i64);
        let value_expr = &source.values[idx];
        let op = self.expr(value_expr, None);
        let declared = source.ty.as_ref().map(|t| self.resolve_type(t));
        self.iota = saved;
        if op.is_invalid() {
            return (TypeId::INVALID, None);
        }
        let Mode::Const(value) = op.mode.clone() else {
            if !matches!(op.mode, Mode::Invalid) {
                self.error(
                    value_expr.span,
                    format!("{} is not constant", self.describe(&op, value_expr)),
                );
            }
            return (TypeId::INVALID, None);
        };
        match declared {
            None => (op.ty, Some(value)),
            Some(TypeId::INVALID) => (TypeId::INVALID, None),
            Some(ty) => {
                if self.types.basic(ty).is_none() {
                    self.error(
                        source
                            .ty
                            .as_ref()
                            .map(|t| t.span)
                            .unwrap_or(value_expr.span),
                        format!("invalid constant type {}", self.ty_str(ty)),
                    );
                    return (TypeId::INVALID, None);
                }
                let n_errors = self.diags.len();
                let converted = self.assign_to(op, value_expr, ty, "constant declaration");
                if self.diags.len() > n_errors {
                    return (TypeId::INVALID, None);
                }
                let _ = converted;
                let v = match self
                    .types
                    .basic(ty)
                    .map(|b| super::constant::representable(&value, b))
                {
                    Some(Ok(v)) => v,
                    _ => value,
                };
                (ty, Some(v))
            }
        }
    }

    /// A package-level `var` spec: every name's type and the initialisation statement.
    pub(crate) fn resolve_var_spec(&mut self, pkg: usize, decl: usize, spec: &ast::VarSpec) {
        let spec_idx = {
            let file = self.pkgs[pkg].file;
            match &file.decls[decl] {
                ast::Decl::Var(v) => v
                    .specs
                    .iter()
                    .position(|s| std::ptr::eq(s, spec))
                    .unwrap_or(0),
                _ => 0,
            }
        };
        let objs: Vec<super::package::ObjId> = self.pkgs[pkg]
            .decl_order
            .iter()
            .copied()
            .filter(|id| matches!(self.objs[id.0 as usize].decl, DeclRef::Var { decl: d, spec: s, .. } if d == decl && s == spec_idx))
            .collect();
        for &id in &objs {
            self.objs[id.0 as usize].state = State::InProgress;
        }
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
        let mut places = Vec::new();
        let pkg_name = self.pkgs[pkg].name.clone();
        for (idx, &id) in objs.iter().enumerate() {
            let ty = types.get(idx).copied().unwrap_or(TypeId::INVALID);
            let global = hir::GlobalId(self.globals.len() as u32);
            let name = self.objs[id.0 as usize].name.clone();
            self.globals.push(hir::Global {
                name: format!("{pkg_name}.{name}"),
                ty,
                span: self.objs[id.0 as usize].span,
            });
            self.objs[id.0 as usize].kind = ObjKind::Var { global, ty };
            self.objs[id.0 as usize].state = State::Done;
            places.push(if name.as_ref() == "_" {
                Place::Blank
            } else {
                Place::Global(global)
            });
        }
        let stmt = rhs.map(|rhs| hir::Stmt {
            kind: match rhs {
                InitValues::Each(values) => StmtKind::Assign {
                    lhs: places,
                    rhs: values,
                },
                InitValues::Tuple(value) => StmtKind::AssignTuple {
                    lhs: places,
                    rhs: value,
                },
            },
            span: spec.span,
        });
        let deps = self
            .cur_decl
            .map(|d| self.objs[d.0 as usize].deps.clone())
            .unwrap_or_default();
        self.pkgs[pkg]
            .var_specs
            .push(VarSpecInit { objs, stmt, deps });
    }

    /// Checks `values` for `names` (with optional declared type): the variables' types and the HIR values.
    pub(crate) fn init_values(
        &mut self,
        names: &[(String, Span)],
        declared: Option<TypeId>,
        values: &[ast::Expr],
        span: Span,
        context: &str,
    ) -> (Vec<TypeId>, Option<InitValues>) {
        let n = names.len();
        if values.is_empty() {
            return (vec![declared.unwrap_or(TypeId::INVALID); n], None);
        }
        if values.len() == n {
            let mut types = Vec::new();
            let mut out = Vec::new();
            for v in values {
                let op = self.expr(v, declared);
                let op = self.one_value_for_one(op, v, n);
                match declared {
                    Some(t) => {
                        out.push(self.assign_to(op, v, t, context));
                        types.push(t);
                    }
                    None => {
                        if matches!(op.mode, Mode::Nil) {
                            self.error(v.span, format!("use of untyped nil in {context}"));
                            types.push(TypeId::INVALID);
                            out.push(op.expr);
                            continue;
                        }
                        if !op.is_invalid() && !self.single_value(&op, v) {
                            types.push(TypeId::INVALID);
                            out.push(op.expr_clone_invalid());
                            continue;
                        }
                        let op = self.materialize(op, v, None);
                        types.push(op.ty);
                        out.push(op.expr);
                    }
                }
            }
            return (types, Some(InitValues::Each(out)));
        }
        if values.len() == 1 {
            let v = &values[0];
            let op = self.expr(v, None);
            if op.is_invalid() {
                return (vec![TypeId::INVALID; n], None);
            }
            let count = self.value_count(&op);
            if let Some((tuple, elems)) = self.tuple_of(op, v, n) {
                let types: Vec<TypeId> = match declared {
                    Some(t) => {
                        for (idx, &e) in elems.iter().enumerate() {
                            if !self.assignable_type(e, t) {
                                self.error(
                                    v.span,
                                    format!(
                                        "cannot use {} value as {} value in {context}",
                                        self.ty_str(e),
                                        self.ty_str(t)
                                    ),
                                );
                                let _ = idx;
                            }
                        }
                        vec![t; n]
                    }
                    None => elems.iter().map(|&e| self.default_type(e)).collect(),
                };
                return (types, Some(InitValues::Tuple(tuple)));
            }
            let msg = mismatch_msg(n, values, count);
            self.error(v.span, msg);
            return (vec![TypeId::INVALID; n], None);
        }
        let _ = span;
        self.error(values[0].span, mismatch_msg(n, values, values.len()));
        for v in values {
            let _ = self.expr(v, None);
        }
        (vec![TypeId::INVALID; n], None)
    }

    /// `x := f()` with f returning several values: Go's `assignment mismatch`
    /// (instead of the single-value-context error other places report).
    pub(crate) fn one_value_for_one(
        &mut self,
        op: super::operand::Operand,
        v: &ast::Expr,
        n: usize,
    ) -> super::operand::Operand {
        let is_multi = matches!(self.types.get(op.ty), crate::types::Type::Tuple(e) if e.len() > 1);
        if n == 1 && is_multi && matches!(v.kind, ast::ExprKind::Call { .. }) {
            let count = self.value_count(&op);
            self.error(v.span, mismatch_msg(1, std::slice::from_ref(v), count));
            return super::operand::Operand::invalid(v.span);
        }
        op
    }

    /// How many values an operand stands for (a call's result count).
    pub(crate) fn value_count(&self, op: &super::operand::Operand) -> usize {
        match (&op.mode, self.types.get(op.ty)) {
            (Mode::NoValue, _) => 0,
            (_, crate::types::Type::Tuple(elems)) => elems.len(),
            _ => 1,
        }
    }

    /// `op` as an `n`-valued tuple: a multi-result call, or a comma-ok form when `n == 2`.
    pub(crate) fn tuple_of(
        &mut self,
        op: super::operand::Operand,
        _e: &ast::Expr,
        n: usize,
    ) -> Option<(hir::Expr, Vec<TypeId>)> {
        use crate::hir::ExprKind;
        use crate::types::Type;
        if let Type::Tuple(elems) = self.types.get(op.ty).clone() {
            if elems.len() == n {
                return Some((op.expr, elems));
            }
            return None;
        }
        if n != 2 || !matches!(op.mode, Mode::MapIndex | Mode::CommaOk) {
            return None;
        }
        let value_ty = op.ty;
        let ty = self.types.tuple(vec![value_ty, TypeId::BOOL]);
        let span = op.expr.span;
        let kind = match op.expr.kind {
            ExprKind::MapIndex(m, k) => ExprKind::MapIndexOk(m, k),
            ExprKind::TypeAssert(x, t) => ExprKind::TypeAssertOk(x, t),
            ExprKind::Recv(c) => ExprKind::RecvOk(c),
            _ => return None,
        };
        Some((hir::Expr { kind, ty, span }, vec![value_ty, TypeId::BOOL]))
    }

    /// Checks a declared function's or method's body into `funcs[func]`.
    pub(crate) fn check_func_decl(&mut self, f: &ast::FuncDecl, func: FuncId) {
        let Some(body) = &f.body else {
            if self.pkgs[self.cur_pkg].is_library {
                let pkg = self.pkg_path().to_string();
                let name = match &f.recv {
                    Some(_) => {
                        let fname = self.funcs[func.0 as usize].name.clone();
                        let short = fname
                            .split_once('.')
                            .map(|x| x.1.to_string())
                            .unwrap_or(fname);
                        if let Some(rest) = short.strip_prefix("(*") {
                            format!("(*{pkg}.{rest}")
                        } else {
                            format!("{pkg}.{short}")
                        }
                    }
                    None => format!("{pkg}.{}", f.name.name),
                };
                self.funcs[func.0 as usize].native = Some(name);
                self.fill_params(f.recv.as_ref(), &f.sig, func);
                self.pop_scope();
                if let Some(fctx) = self.fns.pop() {
                    self.finish_func(func, fctx);
                }
                return;
            }
            self.error(f.name.span, "missing function body");
            return;
        };
        self.fill_params(f.recv.as_ref(), &f.sig, func);
        self.check_body(func, &f.sig, body);
        let fctx = self.fns.pop();
        if let Some(fctx) = fctx {
            self.finish_func(func, fctx);
        }
    }

    /// Declares receiver, params and results as locals of a new function context (left pushed).
    fn fill_params(&mut self, recv: Option<&ast::Param>, sig: &ast::FuncType, func: FuncId) {
        let sig_ty = self.funcs[func.0 as usize].sig;
        let s = self.types.signature(sig_ty).cloned();
        let results = s.as_ref().map(|s| s.results.clone()).unwrap_or_default();
        self.push_fn(func, results.clone());
        self.push_scope();
        let fn_idx = self.fns.len() - 1;
        let mut params = Vec::new();
        if let Some(r) = recv {
            let ty = self.resolve_type(&r.ty);
            let (name, span) = r
                .name
                .as_ref()
                .map(|n| (n.name.to_string(), n.span))
                .unwrap_or(("_".into(), r.span));
            let id = self.declare_local(&name, ty, span);
            self.fns[fn_idx].used[id.0 as usize] = true;
            self.funcs[func.0 as usize].recv = Some(id);
            params.push(id);
        }
        if let Some(s) = &s {
            for (p, &ty) in sig.params.iter().zip(&s.params) {
                let (name, span) = p
                    .name
                    .as_ref()
                    .map(|n| (n.name.to_string(), n.span))
                    .unwrap_or(("_".into(), p.span));
                let id = self.declare_local(&name, ty, span);
                self.fns[fn_idx].used[id.0 as usize] = true;
                params.push(id);
            }
            let mut result_ids = Vec::new();
            for (r, &ty) in sig.results.iter().zip(&s.results) {
                let (name, span) = r
                    .name
                    .as_ref()
                    .map(|n| (n.name.to_string(), n.span))
                    .unwrap_or(("".into(), r.span));
                let id = if name.is_empty() {
                    self.new_local("~r", ty, span)
                } else {
                    self.declare_local(&name, ty, span)
                };
                self.fns[fn_idx].used[id.0 as usize] = true;
                if !name.is_empty() {
                    self.fns[fn_idx].named_results = true;
                }
                result_ids.push(id);
            }
            self.fns[fn_idx].result_locals = result_ids;
        }
        self.funcs[func.0 as usize].params = params;
    }

    /// Checks a body in the context left by `fill_params`, reporting `missing return`.
    fn check_body(&mut self, func: FuncId, sig: &ast::FuncType, body: &ast::Block) {
        // Labels belong to one function body (a func literal has its own).
        let saved_labels = std::mem::take(&mut self.labels);
        let saved_used = std::mem::take(&mut self.used_labels);
        let stmts = self.stmt_list(&body.stmts);
        self.labels = saved_labels;
        self.used_labels = saved_used;
        if !sig.results.is_empty() && !super::terminating::terminating_list(&body.stmts) {
            let close = Span::new(body.span.end.saturating_sub(1), body.span.end);
            self.error(close, "missing return");
        }
        self.pop_scope();
        self.funcs[func.0 as usize].body = Some(stmts);
    }

    fn finish_func(&mut self, func: FuncId, fctx: super::scope::FnCtx) {
        let f = &mut self.funcs[func.0 as usize];
        f.results = fctx.result_locals;
        f.locals = fctx.locals;
        f.captures = fctx.captures;
    }

    /// A func literal: a new function whose captures thread through the enclosing ones.
    pub(crate) fn func_lit(&mut self, lit: &ast::FuncLit, span: Span) -> super::operand::Operand {
        let sig = self.resolve_signature(&lit.sig, None);
        let parent = self.fns.last().map(|f| f.func);
        let name = match parent {
            Some(p) => {
                let ctx = self
                    .fns
                    .last_mut()
                    .expect("checker invariant: parent function context");
                ctx.n_closures += 1;
                let n = ctx.n_closures;
                let pname = self.funcs[p.0 as usize].name.clone();
                if pname.contains(".func") {
                    format!("{pname}.{n}")
                } else {
                    format!("{pname}.func{n}")
                }
            }
            None => {
                // A func literal in a package-level initialiser: Go names it glob..funcN.
                format!(
                    "{}.glob..func{}",
                    self.pkgs[self.cur_pkg].name,
                    self.funcs.len()
                )
            }
        };
        let func = self.new_func("", sig, span);
        self.funcs[func.0 as usize].name = name;
        self.fill_params(None, &lit.sig, func);
        self.check_body(func, &lit.sig, &lit.body);
        if let Some(fctx) = self.fns.pop() {
            self.finish_func(func, fctx);
        }
        super::operand::Operand::new(Mode::Value, sig, hir::ExprKind::Closure(func), span)
    }
}

/// Go's `assignment mismatch: 3 variables but pair returns 2 values`.
pub(crate) fn mismatch_msg(n_vars: usize, values: &[ast::Expr], count: usize) -> String {
    let vars = format!("{n_vars} variable{}", if n_vars == 1 { "" } else { "s" });
    let vals = format!("{count} value{}", if count == 1 { "" } else { "s" });
    match values {
        [ast::Expr {
            kind: ast::ExprKind::Call { func, .. },
            ..
        }] => {
            format!(
                "assignment mismatch: {vars} but {} returns {vals}",
                expr_string(func)
            )
        }
        _ => format!("assignment mismatch: {vars} but {vals}"),
    }
}

/// Initial values of a var declaration: one per variable, or one tuple-valued expression.
pub(crate) enum InitValues {
    Each(Vec<hir::Expr>),
    Tuple(hir::Expr),
}
