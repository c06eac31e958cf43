//! Calls: conversions, builtins, static and interface method calls, func values, variadic and multi-value arguments.

use gomini_lexer::Span;
use gomini_parser::ast::{self, ExprKind as A};

use super::constant::Const;
use super::exprstr::expr_string;
use super::operand::{Mode, Operand};
use super::universe::builtin_name;
use super::Checker;
use crate::hir::{self, Builtin, Callee, ExprKind};
use crate::types::{ChanDir, Signature, Type, TypeId};

impl<'l> Checker<'l> {
    pub(crate) fn call(&mut self, e: &ast::Expr) -> Operand {
        let A::Call {
            func,
            args,
            ellipsis,
            lparen: _,
            rparen,
        } = &e.kind
        else {
            return Operand::invalid(e.span);
        };
        let span = e.span;
        let f = self.expr(func, None);
        if f.is_invalid() {
            for a in args {
                let _ = self.expr(a, None);
            }
            return Operand::invalid(span);
        }
        match f.mode {
            Mode::TypeExpr => {
                if args.len() != 1 {
                    let msg = if args.is_empty() {
                        format!("missing argument in conversion to {}", self.ty_str(f.ty))
                    } else {
                        format!("too many arguments in conversion to {}", self.ty_str(f.ty))
                    };
                    self.error(
                        if args.is_empty() {
                            *rparen
                        } else {
                            args[1].span
                        },
                        msg,
                    );
                    return Operand::invalid(span);
                }
                if let Some(el) = ellipsis {
                    self.error(
                        *el,
                        format!("invalid use of ... in conversion to {}", self.ty_str(f.ty)),
                    );
                }
                let x = self.expr(&args[0], None);
                self.conversion(f.ty, x, &args[0], span)
            }
            Mode::Builtin(b) => self.builtin(b, args, *ellipsis, *rparen, e),
            _ => {
                if !self.single_value(&f, func) {
                    return Operand::invalid(span);
                }
                let Some(sig) = self.types.signature(f.ty).cloned() else {
                    self.error(
                        span,
                        format!(
                            "invalid operation: cannot call {}: {} is not a function",
                            self.describe(&f, func),
                            self.ty_str(f.ty)
                        ),
                    );
                    for a in args {
                        let _ = self.expr(a, None);
                    }
                    return Operand::invalid(span);
                };
                let callee_name = expr_string(func);
                let (mut hargs, spread, tuple_arg) =
                    self.call_args(&sig, args, *ellipsis, *rparen, &callee_name, e);
                let callee = match f.expr.kind {
                    ExprKind::Func(id) => Callee::Static(id),
                    ExprKind::MethodValue { recv, func } => {
                        hargs.insert(0, *recv);
                        Callee::Static(func)
                    }
                    ExprKind::IfaceMethodValue { recv, method } => Callee::Iface { recv, method },
                    kind => Callee::Value(Box::new(hir::Expr {
                        kind,
                        ty: f.ty,
                        span: f.expr.span,
                    })),
                };
                let sig_ty = self
                    .types
                    .func(sig.params.clone(), sig.results.clone(), sig.variadic);
                let call = hir::Call {
                    callee,
                    args: hargs,
                    spread,
                    tuple_arg,
                    sig: sig_ty,
                };
                let (mode, ty) = match sig.results.len() {
                    0 => (Mode::NoValue, TypeId::VOID),
                    1 => (Mode::Value, sig.results[0]),
                    _ => (Mode::Value, self.types.tuple(sig.results.clone())),
                };
                Operand::new(mode, ty, ExprKind::Call(Box::new(call)), span)
            }
        }
    }

    /// Checks arguments against `sig`: returns them converted, whether `xs...` was used, and whether one tuple call fills all params.
    fn call_args(
        &mut self,
        sig: &Signature,
        args: &[ast::Expr],
        ellipsis: Option<Span>,
        rparen: Span,
        callee: &str,
        call: &ast::Expr,
    ) -> (Vec<hir::Expr>, bool, bool) {
        let context = format!("argument to {callee}");
        // f(g()) with g returning several values.
        if args.len() == 1 && ellipsis.is_none() {
            let op = self.expr(&args[0], None);
            if let Type::Tuple(elems) = self.types.get(op.ty).clone() {
                if matches!(op.expr.kind, ExprKind::Call(_)) && !elems.is_empty() {
                    let n_params = sig.params.len();
                    let ok_count = if sig.variadic {
                        elems.len() + 1 >= n_params
                    } else {
                        elems.len() == n_params
                    };
                    if !ok_count {
                        let have = self.tuple_str(&elems);
                        let want = self.params_str(sig);
                        let (msg, at) = if elems.len() < n_params {
                            ("not enough arguments", rparen)
                        } else {
                            ("too many arguments", args[0].span)
                        };
                        self.error(
                            at,
                            format!("{msg} in call to {callee}\n\thave {have}\n\twant {want}"),
                        );
                        return (Vec::new(), false, false);
                    }
                    for (idx, &t) in elems.iter().enumerate() {
                        let want = self.param_type(sig, idx);
                        if !self.assignable_type(t, want) {
                            self.error(
                                args[0].span,
                                format!(
                                    "cannot use {} (value of type {}) as {} value in {context}",
                                    expr_string(&args[0]),
                                    self.ty_str(t),
                                    self.ty_str(want)
                                ),
                            );
                        }
                    }
                    return (vec![op.expr], false, true);
                }
            }
            return self.call_args_checked(
                sig,
                vec![op],
                args,
                ellipsis,
                rparen,
                callee,
                call,
                &context,
            );
        }
        let ops: Vec<Operand> = args
            .iter()
            .enumerate()
            .map(|(idx, a)| {
                let hint = if idx < sig.params.len() || sig.variadic {
                    Some(self.param_type(sig, idx))
                } else {
                    None
                };
                self.expr(a, hint)
            })
            .collect();
        self.call_args_checked(sig, ops, args, ellipsis, rparen, callee, call, &context)
    }

    #[allow(clippy::too_many_arguments)]
    fn call_args_checked(
        &mut self,
        sig: &Signature,
        ops: Vec<Operand>,
        args: &[ast::Expr],
        ellipsis: Option<Span>,
        rparen: Span,
        callee: &str,
        call: &ast::Expr,
        context: &str,
    ) -> (Vec<hir::Expr>, bool, bool) {
        let n_params = sig.params.len();
        let spread = ellipsis.is_some();
        if spread && !sig.variadic {
            self.error(
                ellipsis.unwrap_or(call.span),
                format!("have (...) but function is not variadic: {callee}"),
            );
            return (Vec::new(), false, false);
        }
        let too_few = if sig.variadic && !spread {
            ops.len() + 1 < n_params
        } else {
            ops.len() < n_params
        };
        let too_many = if sig.variadic && !spread {
            false
        } else {
            ops.len() > n_params
        };
        if too_few || too_many {
            if ops.iter().any(|o| o.is_invalid()) {
                return (Vec::new(), false, false);
            }
            let have = format!(
                "({})",
                ops.iter()
                    .map(|o| self.arg_type_str(o))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            let want = self.params_str(sig);
            if too_few {
                // Go reports at the last argument, or at `)` when there is none.
                let at = args.last().map(|a| a.span).unwrap_or(rparen);
                self.error(
                    at,
                    format!(
                        "not enough arguments in call to {callee}\n\thave {have}\n\twant {want}"
                    ),
                );
            } else {
                self.error(
                    args[n_params].span,
                    format!("too many arguments in call to {callee}\n\thave {have}\n\twant {want}"),
                );
            }
            return (Vec::new(), false, false);
        }
        let mut out = Vec::new();
        for (idx, (op, a)) in ops.into_iter().zip(args).enumerate() {
            let want = if spread && idx + 1 == n_params {
                sig.params[idx]
            } else {
                self.param_type(sig, idx)
            };
            out.push(self.assign_to(op, a, want, context));
        }
        (out, spread, false)
    }

    /// The type the `idx`th argument must have (the element type past a variadic slice).
    fn param_type(&self, sig: &Signature, idx: usize) -> TypeId {
        if sig.variadic && idx + 1 >= sig.params.len() {
            let last = sig.params[sig.params.len() - 1];
            return match self.types.get(last) {
                Type::Slice(elem) => *elem,
                _ => TypeId::INVALID,
            };
        }
        sig.params.get(idx).copied().unwrap_or(TypeId::INVALID)
    }

    fn arg_type_str(&self, op: &Operand) -> String {
        match op.mode {
            Mode::Nil => "nil".into(),
            Mode::Const(_)
                if self.types.basic(op.ty).is_some_and(|b| b.is_numeric())
                    && self.types.is_untyped(op.ty) =>
            {
                "number".into()
            }
            _ if self.types.is_untyped(op.ty) => self.ty_str(self.default_type(op.ty)),
            _ => self.ty_str(op.ty),
        }
    }

    fn tuple_str(&self, elems: &[TypeId]) -> String {
        format!(
            "({})",
            elems
                .iter()
                .map(|t| self.ty_str(*t))
                .collect::<Vec<_>>()
                .join(", ")
        )
    }

    fn params_str(&self, sig: &Signature) -> String {
        let mut parts: Vec<String> = sig.params.iter().map(|t| self.ty_str(*t)).collect();
        if sig.variadic {
            if let (Some(last), Some(&t)) = (parts.last_mut(), sig.params.last()) {
                if let Type::Slice(elem) = self.types.get(t) {
                    *last = format!("...{}", self.ty_str(*elem));
                }
            }
        }
        format!("({})", parts.join(", "))
    }

    // -----------------------------------------------------------------------
    // Builtins
    // -----------------------------------------------------------------------

    fn builtin(
        &mut self,
        b: Builtin,
        args: &[ast::Expr],
        ellipsis: Option<Span>,
        rparen: Span,
        e: &ast::Expr,
    ) -> Operand {
        let span = e.span;
        let name = builtin_name(b);
        let (min, max) = match b {
            Builtin::Len
            | Builtin::Cap
            | Builtin::New
            | Builtin::Panic
            | Builtin::Close
            | Builtin::Clear => (1, Some(1)),
            Builtin::Copy | Builtin::Delete => (2, Some(2)),
            Builtin::Recover => (0, Some(0)),
            Builtin::Make => (1, Some(3)),
            Builtin::Append | Builtin::AppendSpread => (1, None),
            Builtin::Min | Builtin::Max => (1, None),
            Builtin::Print | Builtin::Println => (0, None),
        };
        if ellipsis.is_some() && b != Builtin::Append {
            self.error(
                ellipsis.unwrap_or(span),
                format!("invalid operation: invalid use of ... with built-in {name}"),
            );
            return Operand::invalid(span);
        }
        if args.len() < min {
            let msg = format!(
                "invalid operation: not enough arguments for {} (expected {min}, found {})",
                expr_string(e),
                args.len()
            );
            let _ = rparen;
            self.error(e.span, msg);
            return Operand::invalid(span);
        }
        if max.is_some_and(|m| args.len() > m) {
            let m = max.unwrap_or(0);
            if b == Builtin::Make {
                let _ = self.expr(&args[0], None);
            }
            self.error(
                args[m].span,
                format!(
                    "invalid operation: too many arguments for {} (expected {m}, found {})",
                    expr_string(e),
                    args.len()
                ),
            );
            return Operand::invalid(span);
        }
        let builtin_op = |ty: TypeId, mode: Mode, args: Vec<hir::Expr>| {
            Operand::new(mode, ty, ExprKind::Builtin(b, args), span)
        };
        match b {
            Builtin::Len | Builtin::Cap => {
                let x = self.value(&args[0], None);
                if x.is_invalid() {
                    return x;
                }
                if let (Builtin::Len, Some(Const::String(s))) = (b, x.const_value()) {
                    let n = s.len() as i64;
                    return self.const_op(Const::int(n), TypeId::INT, span);
                }
                let orig = Operand {
                    mode: x.mode.clone(),
                    ty: x.ty,
                    expr: x.expr_clone_invalid(),
                    local: None,
                };
                let x = self.materialize(x, &args[0], None);
                let under = self.types.under(x.ty).clone();
                let under = match under {
                    Type::Pointer(p) if matches!(self.types.under(p), Type::Array { .. }) => {
                        self.types.under(p).clone()
                    }
                    u => u,
                };
                let ok = match (&under, b) {
                    (Type::Basic(k), Builtin::Len) => k.is_string(),
                    (Type::Map { .. }, Builtin::Len) => true,
                    (Type::Array { .. } | Type::Slice(_) | Type::Chan { .. }, _) => true,
                    _ => false,
                };
                if !ok {
                    self.error(
                        args[0].span,
                        format!(
                            "invalid argument: {} for built-in {name}",
                            self.describe(&orig, &args[0])
                        ),
                    );
                    return Operand::invalid(span);
                }
                if let Type::Array { len, .. } = under {
                    if !has_call_or_recv(&args[0]) {
                        return self.const_op(Const::int(len as i64), TypeId::INT, span);
                    }
                }
                builtin_op(TypeId::INT, Mode::Value, vec![x.expr])
            }
            Builtin::Append | Builtin::AppendSpread => {
                let s = self.value(&args[0], None);
                if s.is_invalid() {
                    return s;
                }
                if matches!(s.mode, Mode::Nil) {
                    self.error(
                        args[0].span,
                        "first argument to append must be a typed slice; found untyped nil",
                    );
                    return Operand::invalid(span);
                }
                let Type::Slice(elem) = *self.types.under(s.ty) else {
                    self.error(
                        args[0].span,
                        format!(
                            "invalid argument: {} is not a slice",
                            self.describe(&s, &args[0])
                        ),
                    );
                    return Operand::invalid(span);
                };
                let mut out = vec![s.expr];
                if ellipsis.is_some() {
                    if args.len() != 2 {
                        self.error(span, "can only use ... with final argument in list");
                        return Operand::invalid(span);
                    }
                    let x = self.value(&args[1], None);
                    if x.is_invalid() {
                        return Operand::invalid(span);
                    }
                    let is_bytes_from_string = self.types.basic(elem)
                        == Some(crate::types::Basic::Uint8)
                        && self.types.basic(x.ty).is_some_and(|b| b.is_string());
                    if is_bytes_from_string {
                        let x = self.materialize(x, &args[1], Some(TypeId::STRING));
                        out.push(x.expr);
                    } else {
                        let sty = s.ty;
                        out.push(self.assign_to(x, &args[1], sty, "argument to append"));
                    }
                    let ty = s.ty;
                    return Operand::new(
                        Mode::Value,
                        ty,
                        ExprKind::Builtin(Builtin::AppendSpread, out),
                        span,
                    );
                }
                for a in &args[1..] {
                    let x = self.expr(a, Some(elem));
                    out.push(self.assign_to(x, a, elem, "argument to append"));
                }
                builtin_op(s.ty, Mode::Value, out)
            }
            Builtin::Copy => {
                let dst = self.value(&args[0], None);
                let src = self.value(&args[1], None);
                if dst.is_invalid() || src.is_invalid() {
                    return Operand::invalid(span);
                }
                let src = self.materialize(src, &args[1], None);
                let ok = match (self.types.under(dst.ty), self.types.under(src.ty)) {
                    (Type::Slice(a), Type::Slice(b)) => self.types.identical(*a, *b),
                    (Type::Slice(a), Type::Basic(k)) => {
                        k.is_string() && self.types.basic(*a) == Some(crate::types::Basic::Uint8)
                    }
                    _ => false,
                };
                if !ok {
                    self.error(
                        span,
                        format!(
                            "invalid argument: copy expects slice arguments; found {} and {}",
                            self.describe(&dst, &args[0]),
                            self.describe(&src, &args[1])
                        ),
                    );
                    return Operand::invalid(span);
                }
                builtin_op(TypeId::INT, Mode::Value, vec![dst.expr, src.expr])
            }
            Builtin::Delete => {
                let m = self.value(&args[0], None);
                if m.is_invalid() {
                    return m;
                }
                let Type::Map { key, .. } = *self.types.under(m.ty) else {
                    self.error(
                        args[0].span,
                        format!(
                            "invalid argument: {} is not a map",
                            self.describe(&m, &args[0])
                        ),
                    );
                    return Operand::invalid(span);
                };
                let k = self.expr(&args[1], None);
                let k = self.assign_to(k, &args[1], key, "argument to delete");
                builtin_op(TypeId::VOID, Mode::NoValue, vec![m.expr, k])
            }
            Builtin::Make => {
                let t = self.expr(&args[0], None);
                if t.is_invalid() {
                    return t;
                }
                if !matches!(t.mode, Mode::TypeExpr) {
                    self.error(
                        args[0].span,
                        format!("{} is not a type", expr_string(&args[0])),
                    );
                    return Operand::invalid(span);
                }
                let (min_args, max_args) = match self.types.under(t.ty) {
                    Type::Slice(_) => (2, 3),
                    Type::Map { .. } | Type::Chan { .. } => (1, 2),
                    _ => {
                        self.error(args[0].span, format!("invalid argument: cannot make {}; type must be slice, map, or channel", expr_string(&args[0])));
                        return Operand::invalid(span);
                    }
                };
                if args.len() < min_args || args.len() > max_args {
                    self.error(span, format!("invalid operation: {} expects {min_args} or {max_args} arguments; found {}", expr_string(e), args.len()));
                    return Operand::invalid(span);
                }
                let mut sizes = Vec::new();
                let mut consts = Vec::new();
                for a in &args[1..] {
                    let x = self.value(a, None);
                    if x.is_invalid() {
                        return Operand::invalid(span);
                    }
                    if let Some(v) = x.const_value() {
                        if v.to_int().is_some_and(|i| i < num_bigint::BigInt::from(0)) {
                            self.error(
                                a.span,
                                format!(
                                    "invalid argument: index {} must not be negative",
                                    self.describe(&x, a)
                                ),
                            );
                            return Operand::invalid(span);
                        }
                        consts.push(v.to_i64());
                    }
                    if !self.types.basic(x.ty).is_some_and(|b| {
                        b.is_integer()
                            || (b.is_untyped()
                                && x.const_value().is_some_and(|v| v.to_int().is_some()))
                    }) {
                        self.error(
                            a.span,
                            format!("cannot convert {} to type int", self.describe(&x, a)),
                        );
                        return Operand::invalid(span);
                    }
                    let hint = if self.types.is_untyped(x.ty) {
                        Some(TypeId::INT)
                    } else {
                        None
                    };
                    let x = self.materialize(x, a, hint);
                    sizes.push(x.expr);
                }
                if consts.len() == 2 && consts[0] > consts[1] {
                    self.error(
                        args[1].span,
                        "invalid argument: length and capacity swapped",
                    );
                    return Operand::invalid(span);
                }
                builtin_op(t.ty, Mode::Value, sizes)
            }
            Builtin::New => {
                let t = self.expr(&args[0], None);
                if t.is_invalid() {
                    return t;
                }
                if !matches!(t.mode, Mode::TypeExpr) {
                    self.error(
                        args[0].span,
                        format!("{} is not a type", expr_string(&args[0])),
                    );
                    return Operand::invalid(span);
                }
                let ty = self.types.pointer(t.ty);
                builtin_op(ty, Mode::Value, Vec::new())
            }
            Builtin::Panic => {
                let x = self.expr(&args[0], None);
                let x = self.assign_to(x, &args[0], TypeId::EMPTY_INTERFACE, "argument to panic");
                builtin_op(TypeId::VOID, Mode::NoValue, vec![x])
            }
            Builtin::Recover => builtin_op(TypeId::EMPTY_INTERFACE, Mode::Value, Vec::new()),
            Builtin::Print | Builtin::Println => {
                let mut out = Vec::new();
                for a in args {
                    let x = self.value(a, None);
                    if x.is_invalid() {
                        continue;
                    }
                    if matches!(x.mode, Mode::Nil) {
                        self.error(a.span, "use of untyped nil in argument to built-in print");
                        continue;
                    }
                    let x = self.materialize(x, a, None);
                    out.push(x.expr);
                }
                builtin_op(TypeId::VOID, Mode::NoValue, out)
            }
            Builtin::Close => {
                let c = self.value(&args[0], None);
                if c.is_invalid() {
                    return c;
                }
                match self.types.under(c.ty) {
                    Type::Chan { dir, .. } => {
                        if *dir == ChanDir::Recv {
                            self.error(
                                args[0].span,
                                format!(
                                    "invalid operation: cannot close receive-only channel {}",
                                    self.describe(&c, &args[0])
                                ),
                            );
                            return Operand::invalid(span);
                        }
                    }
                    _ => {
                        self.error(
                            args[0].span,
                            format!(
                                "invalid operation: cannot close non-channel {}",
                                self.describe(&c, &args[0])
                            ),
                        );
                        return Operand::invalid(span);
                    }
                }
                builtin_op(TypeId::VOID, Mode::NoValue, vec![c.expr])
            }
            Builtin::Clear => {
                let c = self.value(&args[0], None);
                if c.is_invalid() {
                    return c;
                }
                if !matches!(self.types.under(c.ty), Type::Map { .. } | Type::Slice(_)) {
                    self.error(
                        args[0].span,
                        format!(
                            "invalid argument: {} cannot be cleared",
                            self.describe(&c, &args[0])
                        ),
                    );
                    return Operand::invalid(span);
                }
                builtin_op(TypeId::VOID, Mode::NoValue, vec![c.expr])
            }
            Builtin::Min | Builtin::Max => self.min_max(b, args, span),
        }
    }

    fn min_max(&mut self, b: Builtin, args: &[ast::Expr], span: Span) -> Operand {
        let mut ops: Vec<Operand> = Vec::new();
        for a in args {
            let x = self.value(a, None);
            if x.is_invalid() {
                return Operand::invalid(span);
            }
            if !self
                .types
                .basic(x.ty)
                .is_some_and(|k| k.is_numeric() || k.is_string())
            {
                self.error(
                    a.span,
                    format!(
                        "invalid argument: {} cannot be ordered",
                        self.describe(&x, a)
                    ),
                );
                return Operand::invalid(span);
            }
            ops.push(x);
        }
        // All constant: fold.
        if ops.iter().all(|o| o.const_value().is_some()) {
            let mut best = 0;
            let mut ty = ops[0].ty;
            for idx in 1..ops.len() {
                let (Some(a), Some(c)) = (ops[idx].const_value(), ops[best].const_value()) else {
                    continue;
                };
                let op = if b == Builtin::Min {
                    ast::BinaryOp::Lt
                } else {
                    ast::BinaryOp::Gt
                };
                if super::constant::compare(op, a, c) == Some(true) {
                    best = idx;
                }
                if !self.types.is_untyped(ops[idx].ty) {
                    ty = ops[idx].ty;
                } else if self.types.is_untyped(ty) && ops[idx].ty == TypeId::UNTYPED_FLOAT {
                    ty = TypeId::UNTYPED_FLOAT;
                }
            }
            let v = ops[best].const_value().cloned().unwrap_or(Const::int(0));
            return self.const_op(v, ty, span);
        }
        let target = ops
            .iter()
            .find(|o| !self.types.is_untyped(o.ty))
            .map(|o| o.ty)
            .unwrap_or(TypeId::INVALID);
        let mut out = Vec::new();
        for (op, a) in ops.into_iter().zip(args) {
            if !self.types.identical(op.ty, target) && !self.types.is_untyped(op.ty) {
                self.error(a.span, format!("invalid argument: mismatched types {} (previous argument) and {} (type of {})", self.ty_str(target), self.ty_str(op.ty), expr_string(a)));
                return Operand::invalid(span);
            }
            out.push(self.assign_to(op, a, target, &format!("argument to {}", builtin_name(b))));
        }
        Operand::new(Mode::Value, target, ExprKind::Builtin(b, out), span)
    }
}

/// Whether `e` contains a call or a receive (then `len` of an array is not constant).
fn has_call_or_recv(e: &ast::Expr) -> bool {
    match &e.kind {
        A::Call { .. } => true,
        A::Unary(ast::UnaryOp::Recv, _) => true,
        A::Paren(x) | A::Unary(_, x) | A::Selector(x, _) => has_call_or_recv(x),
        A::Index(a, b) => has_call_or_recv(a) || has_call_or_recv(b),
        _ => false,
    }
}
