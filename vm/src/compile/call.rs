//! Calls (static, interface, func value, native), builtins, defer, closures and method values.

use gomini_lexer::Span;

use crate::hir::{Builtin, Call, Callee, Expr, ExprKind, FuncId, Place};
use crate::natives::BUILDER_WRITE_STRING;
use crate::op::{Op, Reg};
use crate::program::{Capture, FuncBuilder};
use crate::types::{Type, TypeId};
use crate::value::Value;

use super::func::FuncCompiler;
use super::types::Repr;
use super::{unsupported, CResult};

/// How a prepared call is made once its arguments are in place.
enum Invoke {
    Func(u32),
    Native(u16),
    Method(u16),
    Value(Reg),
    /// `os.Args`' source: the arguments are known at compile time.
    Args,
}

impl FuncCompiler<'_, '_> {
    /// Compiles a call; its results are in consecutive registers from the returned one.
    pub fn call(&mut self, call: &Call, span: Span) -> CResult<Reg> {
        if let Some(base) = self.builder_write_string_local(call, span)? {
            return Ok(base);
        }
        let lending_mark = self.c.lending.arg_copies.len();
        let (invoke, base, n_args) = self.prepare_call(call, span)?;
        let n_results = self
            .c
            .hir
            .types
            .signature(call.sig)
            .map(|s| s.results.len() as u16)
            .unwrap_or(0);
        match invoke {
            Invoke::Func(func) => {
                let call_pc = self.fb.here();
                self.emit(Op::Call { base, func }, span);
                self.c.lending.call_emitted(lending_mark, call_pc);
            }
            Invoke::Native(native) if self.c.pb.is_native(native, BUILDER_WRITE_STRING) => {
                self.emit(Op::BuilderWriteString { base }, span)
            }
            Invoke::Native(native) => match self.c.pb.sync_call(native) {
                Some(call) if u16::from(call.n_args()) == n_args => {
                    self.emit(Op::CallSync { base, native, call }, span)
                }
                _ => self.emit(
                    Op::CallNative {
                        base,
                        native,
                        n_args: n_args as u8,
                    },
                    span,
                ),
            },
            Invoke::Method(name) => self.emit(Op::CallMethod { base, name }, span),
            Invoke::Value(callee) => self.emit(Op::CallValue { base, callee }, span),
            Invoke::Args => {
                let idx = self.fb.constant(self.c.args_value());
                self.emit(Op::LoadConst { dst: base, idx }, span);
            }
        }
        self.top = base + n_results.max(1);
        self.fb.reserve(self.top);
        Ok(base)
    }

    /// Evaluates the callee and arguments of a call, leaving the arguments at the
    /// returned base (an interface call's receiver first).
    fn prepare_call(&mut self, call: &Call, span: Span) -> CResult<(Invoke, Reg, u16)> {
        let hir = self.c.hir;
        let (invoke, extra) = match &call.callee {
            Callee::Static(fid) => {
                let f = &hir.funcs[fid.0 as usize];
                let extra = u16::from(f.recv.is_some());
                if f.name == "os.runtimeArgs" {
                    (Invoke::Args, extra)
                } else {
                    match self.native_for(*fid) {
                        Some(Ok(n)) => (Invoke::Native(n), extra),
                        Some(Err(name)) => {
                            return unsupported(span, format!("the library function {name}"))
                        }
                        None => (Invoke::Func(self.c.func_index(*fid)), extra),
                    }
                }
            }
            Callee::Iface { recv, method } => {
                let name = match hir.types.iface_methods(recv.ty).get(*method as usize) {
                    Some(m) => m.name.to_string(),
                    None => return unsupported(span, "this method call"),
                };
                (Invoke::Method(self.c.pb.method_name(&name)), 1)
            }
            // A func value in a local register is called from there: the
            // arguments (expressions) cannot change an unboxed local.
            Callee::Value(e) => (Invoke::Value(self.expr(e)?), 0),
        };
        let base = self.top;
        if let Callee::Iface { recv, .. } = &call.callee {
            let r = self.temp();
            self.expr_to(recv, r)?;
        }
        let n_args = self.call_args(
            call,
            base + u16::from(matches!(call.callee, Callee::Iface { .. })),
            extra,
            span,
        )?;
        Ok((
            invoke,
            base,
            n_args + u16::from(matches!(call.callee, Callee::Iface { .. })),
        ))
    }

    /// `b.WriteString(s)` on a `strings.Builder` local held in a register:
    /// `BuilderWriteStringLocal` reads the builder from that register, instead
    /// of an `AddrAgg` making a pointer to it first (a reference count up and
    /// down and a dispatch per write). `None` for any other call.
    fn builder_write_string_local(&mut self, call: &Call, span: Span) -> CResult<Option<Reg>> {
        let &Callee::Static(fid) = &call.callee else {
            return Ok(None);
        };
        let [recv, text] = &call.args[..] else {
            return Ok(None);
        };
        let ExprKind::AddrOf(place) = &recv.kind else {
            return Ok(None);
        };
        let Place::Local(l) = **place else {
            return Ok(None);
        };
        if call.tuple_arg || call.spread || self.boxed[l.0 as usize] {
            return Ok(None);
        }
        match self.native_for(fid) {
            Some(Ok(n)) if self.c.pb.is_native(n, BUILDER_WRITE_STRING) => {}
            _ => return Ok(None),
        }
        let builder = self.local_reg[l.0 as usize];
        let base = self.top;
        self.top = base + 1;
        self.fb.reserve(self.top);
        self.expr_owned(text, base + 1)?;
        self.emit(Op::BuilderWriteStringLocal { builder, base }, span);
        self.top = base + 2;
        self.fb.reserve(self.top);
        Ok(Some(base))
    }

    /// The native a static call should use: a bodiless function's, or the
    /// runtime's faster implementation of a library function. `Err` names a
    /// bodiless function the runtime lacks.
    fn native_for(&mut self, fid: FuncId) -> Option<Result<u16, String>> {
        let f = &self.c.hir.funcs[fid.0 as usize];
        if f.body.is_none() {
            let name = f.native.clone().unwrap_or_else(|| f.name.clone());
            return Some(self.c.pb.native(&name).ok_or(name));
        }
        if f.pkg != "main" && crate::natives::lookup(&f.name).is_some() {
            return self.c.pb.native(&f.name).map(Ok);
        }
        None
    }

    /// Puts the arguments of `call` at `base..`, packing a variadic tail into a
    /// slice; returns how many argument registers were filled.
    fn call_args(&mut self, call: &Call, base: Reg, extra: u16, span: Span) -> CResult<u16> {
        let sig = match self.c.hir.types.signature(call.sig) {
            Some(s) => s.clone(),
            None => return unsupported(span, "this call"),
        };
        let n_params = sig.params.len() as u16 + extra;
        let variadic_at = if sig.variadic && !call.spread {
            Some(n_params - 1)
        } else {
            None
        };
        let param_ty = |i: u16| -> TypeId {
            let i = i.checked_sub(extra).map(|i| i as usize);
            match i.and_then(|i| sig.params.get(i)) {
                Some(t) => *t,
                None => TypeId::INVALID,
            }
        };
        if call.tuple_arg {
            let Some(inner) = call.args.first() else {
                return unsupported(span, "this call");
            };
            self.top = self.top.max(base);
            let got = self.expr_multi(inner)?;
            let tys = self.tuple_tys(inner.ty);
            let n = tys.len() as u16;
            if got != base {
                for i in 0..n {
                    self.emit(
                        Op::Move {
                            dst: base + i,
                            src: got + i,
                        },
                        span,
                    );
                }
            }
            self.top = base + n;
            self.fb.reserve(self.top);
            for (i, t) in tys.iter().enumerate() {
                let i = i as u16;
                let pt = match variadic_at {
                    Some(v) if i + extra >= v => variadic_elem(&self.c.hir.types, param_ty(v)),
                    _ => param_ty(i + extra),
                };
                self.box_in_place(base + i, *t, pt, span);
            }
            if let Some(v) = variadic_at {
                let start = base + v - extra;
                let count = n.saturating_sub(v - extra);
                self.pack(start, count, span);
                return Ok(n_params);
            }
            return Ok(n);
        }
        let mut filled = 0u16;
        let mut variadic = 0u16;
        for (i, a) in call.args.iter().enumerate() {
            let i = i as u16;
            let dst = base + i;
            self.top = self.top.max(dst);
            // A local struct or array argument is copied from its register by
            // one `CopyAgg`, which share.rs may turn into a `ShareAgg`.
            let lendable = matches!(a.kind, ExprKind::Local(l) if !self.boxed[l.0 as usize])
                && self.c.is_agg(a.ty);
            let copy_pc = self.fb.here();
            self.expr_owned(a, dst)?;
            if lendable {
                self.c.lending.arg_copies.push(copy_pc);
            }
            self.top = dst + 1;
            filled = i + 1;
            if variadic_at.is_some_and(|v| i >= v) {
                variadic += 1;
            }
        }
        if let Some(v) = variadic_at {
            self.pack(base + v, variadic, span);
            filled = n_params;
        }
        self.top = base + filled;
        Ok(filled)
    }

    /// Replaces `R[start..start+n]` by one slice of them in `R[start]` (nil when n = 0).
    fn pack(&mut self, start: Reg, n: u16, span: Span) {
        if n == 0 {
            self.fb.reserve(start + 1);
            self.emit(Op::LoadNil { dst: start }, span);
        } else {
            self.emit(
                Op::SliceLit {
                    dst: start,
                    base: start,
                    n,
                },
                span,
            );
        }
    }

    /// An operand of the builtin print/println, boxed with its static type so the
    /// native can print it as Go's runtime does (an interface-typed operand is
    /// boxed again, so it prints as the `(type,data)` pair rather than its content).
    fn print_operand(&mut self, a: &Expr, dst: Reg, span: Span) -> CResult<()> {
        self.expr_owned(a, dst)?;
        let ty = self.c.rt(a.ty);
        self.emit(
            Op::MakeIface {
                dst,
                src: dst,
                ty: ty.0 as u16,
            },
            span,
        );
        Ok(())
    }

    /// Boxes a value of type `from` in place when the parameter type `to` is an interface.
    pub(super) fn box_in_place(&mut self, r: Reg, from: TypeId, to: TypeId, span: Span) {
        if to == TypeId::INVALID
            || self.c.repr(to) != Repr::Interface
            || self.c.repr(from) == Repr::Interface
        {
            return;
        }
        let ty = self.c.rt(from);
        self.emit(
            Op::MakeIface {
                dst: r,
                src: r,
                ty: ty.0 as u16,
            },
            span,
        );
    }

    /// Calls the native `name` on the arguments at `base`; results replace them.
    pub fn call_native_named(
        &mut self,
        name: &str,
        base: Reg,
        n_args: u8,
        span: Span,
    ) -> CResult<()> {
        let Some(native) = self.c.pb.native(name) else {
            return unsupported(span, format!("the runtime function {name}"));
        };
        self.emit(
            Op::CallNative {
                base,
                native,
                n_args,
            },
            span,
        );
        Ok(())
    }

    pub fn load_func(&mut self, fid: FuncId, dst: Reg, span: Span) -> CResult<()> {
        match self.native_for(fid) {
            Some(Ok(_)) => {
                let f = &self.c.hir.funcs[fid.0 as usize];
                let name = f.native.clone().unwrap_or_else(|| f.name.clone());
                let id = crate::natives::lookup(&name).unwrap_or(0);
                let idx = self.fb.constant(Value::Native(id));
                self.emit(Op::LoadConst { dst, idx }, span);
            }
            Some(Err(name)) => return unsupported(span, format!("the library function {name}")),
            None => {
                let func = self.c.func_index(fid);
                self.emit(Op::LoadFunc { dst, func }, span);
            }
        }
        Ok(())
    }

    /// A func literal: its captures are this frame's cells (or our own captures).
    pub fn closure(&mut self, fid: FuncId, dst: Reg, span: Span) -> CResult<()> {
        self.closure_or_defer(fid, Some(dst), span)
    }

    /// `closure` into `dst`, or with `None` the `DeferClosure` that defers a
    /// call of it with no arguments (`defer func() { ... }()`).
    fn closure_or_defer(&mut self, fid: FuncId, dst: Option<Reg>, span: Span) -> CResult<()> {
        let f = &self.c.hir.funcs[fid.0 as usize];
        let mut caps = Vec::new();
        let mut tys = Vec::new();
        for cap in &f.captures {
            match cap {
                crate::hir::Capture::Local(l) => {
                    if !self.boxed[l.0 as usize] {
                        return unsupported(span, "capturing this variable");
                    }
                    caps.push(Capture::Local(self.local_reg[l.0 as usize]));
                    tys.push(self.local_ty(*l));
                }
                crate::hir::Capture::Capture(j) => {
                    caps.push(Capture::Outer(*j as u16));
                    tys.push(
                        self.capture_tys
                            .get(*j as usize)
                            .copied()
                            .unwrap_or(TypeId::INVALID),
                    );
                }
            }
        }
        self.c.closure_captures.insert(fid, caps);
        self.c.closure_capture_tys.insert(fid, tys);
        let proto = self.c.func_index(fid);
        match dst {
            Some(dst) => self.emit(Op::MakeClosure { dst, proto }, span),
            None => self.emit(Op::DeferClosure { proto }, span),
        };
        Ok(())
    }

    /// `x.M` as a value: a closure over a copy of the receiver.
    pub fn method_value(&mut self, recv: &Expr, fid: FuncId, dst: Reg, span: Span) -> CResult<()> {
        let f = &self.c.hir.funcs[fid.0 as usize];
        let n_params = f.params.len().saturating_sub(1) as u16;
        let n_results = f.results.len() as u16;
        let name = format!("{}-fm", f.name);
        let invoke = match self.native_for(fid) {
            Some(Ok(n)) => Op::CallNative {
                base: 0,
                native: n,
                n_args: (n_params + 1) as u8,
            },
            Some(Err(name)) => return unsupported(span, format!("the library function {name}")),
            None => Op::Call {
                base: 0,
                func: self.c.func_index(fid),
            },
        };
        self.bound_method(recv, invoke, &name, n_params, n_results, dst, span)
    }

    /// `i.M` as a value: a closure over the interface value.
    pub fn iface_method_value(
        &mut self,
        recv: &Expr,
        method: u32,
        dst: Reg,
        span: Span,
    ) -> CResult<()> {
        let hir = self.c.hir;
        let Some(m) = hir.types.iface_methods(recv.ty).get(method as usize) else {
            return unsupported(span, "this method value");
        };
        let Some(sig) = hir.types.signature(m.sig) else {
            return unsupported(span, "this method value");
        };
        let (n_params, n_results) = (sig.params.len() as u16, sig.results.len() as u16);
        let name = self.c.pb.method_name(&m.name);
        // Go's name for the wrapper: `main.Getter.Get-fm`.
        let fname = format!(
            "{}.{}-fm",
            hir.types.display(recv.ty, crate::types::Style::Runtime),
            m.name
        );
        self.bound_method(
            recv,
            Op::CallMethod { base: 0, name },
            &fname,
            n_params,
            n_results,
            dst,
            span,
        )
    }

    #[allow(clippy::too_many_arguments)]
    fn bound_method(
        &mut self,
        recv: &Expr,
        invoke: Op,
        name: &str,
        n_params: u16,
        n_results: u16,
        dst: Reg,
        span: Span,
    ) -> CResult<()> {
        let cell = self.temp();
        self.expr_owned(recv, cell)?;
        self.emit(
            Op::NewCell {
                dst: cell,
                src: cell,
            },
            span,
        );
        let mut fb = FuncBuilder::new(name, n_params, n_results);
        fb.mark_wrapper();
        fb.reserve(n_params + 1);
        fb.capture(Capture::Local(cell));
        for i in (0..n_params).rev() {
            fb.emit(Op::Move { dst: i + 1, src: i }, span);
        }
        fb.emit(Op::LoadCapture { dst: 0, idx: 0 }, span);
        // The bound receiver is the closure's own copy: a method writing its
        // receiver gets a fresh copy each call, as in Go (share.rs drops the
        // copy when the method only reads it).
        let copy_pc = (matches!(invoke, Op::Call { .. }) && self.c.is_agg(recv.ty))
            .then(|| fb.emit(Op::CopyAgg { dst: 0, src: 0 }, span));
        let call_pc = fb.emit(invoke, span);
        fb.emit(
            Op::Return {
                src: 0,
                n: n_results,
            },
            span,
        );
        let proto = self.c.pb.declare();
        self.c.pb.define(proto, fb.finish());
        if let Some(copy_pc) = copy_pc {
            self.c.lending.receiver_copy(proto, copy_pc, call_pc);
        }
        self.emit(Op::MakeClosure { dst, proto }, span);
        Ok(())
    }

    /// `T.M` / `(*T).M` as a function taking the receiver first.
    pub fn method_expr(&mut self, fid: FuncId, deref: bool, dst: Reg, span: Span) -> CResult<()> {
        if deref {
            // `(*T).M` of a value method: the wrapper that dereferences the
            // receiver first, as `*T`'s method table uses.
            let f = &self.c.hir.funcs[fid.0 as usize];
            let Some(recv_ty) = f.recv.map(|l| f.locals[l.0 as usize].ty) else {
                return unsupported(span, "this method expression");
            };
            if self.native_for(fid).is_some() {
                return unsupported(span, "a (*T).M method expression of a library method");
            }
            let func = self.c.ptr_wrapper(fid, recv_ty);
            self.emit(Op::LoadFunc { dst, func }, span);
            return Ok(());
        }
        self.load_func(fid, dst, span)
    }

    /// `I.M` as a function taking the interface value first.
    pub fn iface_method_expr(
        &mut self,
        iface: TypeId,
        method: u32,
        dst: Reg,
        span: Span,
    ) -> CResult<()> {
        let hir = self.c.hir;
        let Some(m) = hir.types.iface_methods(iface).get(method as usize) else {
            return unsupported(span, "this method expression");
        };
        let Some(sig) = hir.types.signature(m.sig) else {
            return unsupported(span, "this method expression");
        };
        let (n_params, n_results) = (sig.params.len() as u16 + 1, sig.results.len() as u16);
        let name = self.c.pb.method_name(&m.name);
        let fname = format!(
            "{}.{}",
            hir.types.display(iface, crate::types::Style::Runtime),
            m.name
        );
        let mut fb = FuncBuilder::new(fname, n_params, n_results);
        fb.mark_wrapper();
        fb.emit(Op::CallMethod { base: 0, name }, span);
        fb.emit(
            Op::Return {
                src: 0,
                n: n_results,
            },
            span,
        );
        let func = self.c.pb.declare();
        self.c.pb.define(func, fb.finish());
        self.emit(Op::LoadFunc { dst, func }, span);
        Ok(())
    }

    /// `defer b(args)` of a built-in other than print/println: the arguments
    /// are evaluated now, into a deferred call of a small function that applies
    /// the built-in to its parameters.
    fn defer_builtin(&mut self, b: Builtin, args: &[Expr], span: Span) -> CResult<()> {
        let n = args.len() as u16;
        if !matches!(
            b,
            Builtin::Delete | Builtin::Panic | Builtin::Recover | Builtin::Copy | Builtin::Clear
        ) {
            return unsupported(span, "deferring this built-in function");
        }
        self.n_deferwraps += 1;
        let outer = self.func.map_or("runtime.main", |f| f.name.as_str());
        let wrapper = format!("{outer}.deferwrap{}", self.n_deferwraps);
        let mut fb = FuncBuilder::new(wrapper, n, 0);
        fb.reserve(n.max(2));
        match b {
            Builtin::Delete => {
                fb.emit(Op::MapDelete { m: 0, key: 1 }, span);
            }
            Builtin::Panic => {
                fb.emit(Op::Panic { src: 0 }, span);
            }
            // `defer recover()` never recovers: recover is then the deferred
            // call itself, not called *by* a deferred function, so the thunk
            // does nothing (had it executed `Recover`, the unwinder would see a
            // deferred frame calling recover and stop the panic).
            Builtin::Recover => {}
            Builtin::Copy => {
                let Some(native) = self.c.pb.native("builtin.copy") else {
                    return unsupported(span, "the runtime function builtin.copy");
                };
                fb.emit(
                    Op::CallNative {
                        base: 0,
                        native,
                        n_args: 2,
                    },
                    span,
                );
            }
            _ => {
                let x = &args[0];
                match self.c.hir.types.under(x.ty) {
                    Type::Slice(elem) => self.c.emit_zero(&mut fb, *elem, 1, span),
                    _ => {
                        fb.emit(Op::LoadNil { dst: 1 }, span);
                    }
                }
                fb.emit(Op::Clear { x: 0, zero: 1 }, span);
            }
        }
        fb.emit(Op::Return { src: 0, n: 0 }, span);
        let func = self.c.pb.declare();
        self.c.pb.define(func, fb.finish());
        let callee = self.temp();
        self.emit(Op::LoadFunc { dst: callee, func }, span);
        let base = self.temps(n);
        for (i, a) in args.iter().enumerate() {
            self.expr_owned(a, base + i as u16)?;
        }
        self.emit(
            Op::Defer {
                base,
                callee,
                n_args: n as u8,
            },
            span,
        );
        Ok(())
    }

    /// The func literal of a call `func() { ... }()`: a closure without
    /// parameters, called directly (so without arguments).
    fn parameterless_closure(&self, call: &Call) -> Option<FuncId> {
        let Callee::Value(f) = &call.callee else {
            return None;
        };
        let ExprKind::Closure(fid) = f.kind else {
            return None;
        };
        self.c.hir.funcs[fid.0 as usize]
            .params
            .is_empty()
            .then_some(fid)
    }

    /// `defer f(args)`: the callee and arguments are evaluated now.
    pub fn defer(&mut self, e: &Expr, span: Span) -> CResult<()> {
        self.defer_or_go(e, span, false)
    }

    /// `go f(args)`: evaluated exactly as `defer` evaluates its call, then `Op::Go`.
    pub fn go_stmt(&mut self, e: &Expr, span: Span) -> CResult<()> {
        self.defer_or_go(e, span, true)
    }

    fn defer_or_go(&mut self, e: &Expr, span: Span, go: bool) -> CResult<()> {
        let op = |base, callee, n_args| {
            if go {
                Op::Go {
                    base,
                    callee,
                    n_args,
                }
            } else {
                Op::Defer {
                    base,
                    callee,
                    n_args,
                }
            }
        };
        // `defer func() { ... }()`, the common recover idiom: one
        // instruction, the closure never in a register (defers benchmark).
        if let (ExprKind::Call(call), false) = (&e.kind, go) {
            if let Some(fid) = self.parameterless_closure(call) {
                return self.closure_or_defer(fid, None, span);
            }
        }
        match &e.kind {
            ExprKind::Call(call) => {
                let callee = self.temp();
                match &call.callee {
                    Callee::Static(fid) => self.load_func(*fid, callee, span)?,
                    Callee::Value(f) => self.expr_to(f, callee)?,
                    Callee::Iface { recv, method } => {
                        self.iface_method_value(recv, *method, callee, span)?
                    }
                }
                let base = self.top;
                let extra = match &call.callee {
                    Callee::Static(fid) => {
                        u16::from(self.c.hir.funcs[fid.0 as usize].recv.is_some())
                    }
                    _ => 0,
                };
                let lending_mark = self.c.lending.arg_copies.len();
                let n = self.call_args(call, base, extra, span)?;
                self.c.lending.discard(lending_mark);
                self.emit(op(base, callee, n as u8), span);
            }
            ExprKind::Builtin(Builtin::Print | Builtin::Println, args) => {
                let b = if matches!(e.kind, ExprKind::Builtin(Builtin::Println, _)) {
                    "builtin.println"
                } else {
                    "builtin.print"
                };
                let callee = self.temp();
                let id = crate::natives::lookup(b).unwrap_or(0);
                let idx = self.fb.constant(Value::Native(id));
                self.emit(Op::LoadConst { dst: callee, idx }, span);
                let base = self.temps(args.len() as u16);
                for (i, a) in args.iter().enumerate() {
                    self.print_operand(a, base + i as u16, span)?;
                }
                self.pack(base, args.len() as u16, span);
                self.emit(op(base, callee, 1), span);
            }
            ExprKind::Builtin(Builtin::Close, args) if args.len() == 1 => {
                // `defer close(ch)` / `go close(ch)`: the native twin of `Op::Close`.
                let callee = self.temp();
                let id = crate::natives::lookup("builtin.close").unwrap_or(0);
                let idx = self.fb.constant(Value::Native(id));
                self.emit(Op::LoadConst { dst: callee, idx }, span);
                let base = self.temp();
                self.expr_to(&args[0], base)?;
                self.emit(op(base, callee, 1), span);
            }
            ExprKind::Builtin(b, args) => self.defer_builtin(*b, args, span)?,
            _ => return unsupported(span, "deferring this expression"),
        }
        Ok(())
    }

    /// A builtin call; `dst` is `None` in statement context.
    pub fn builtin(
        &mut self,
        b: Builtin,
        args: &[Expr],
        ty: TypeId,
        dst: Option<Reg>,
        span: Span,
    ) -> CResult<()> {
        let dst = match dst {
            Some(d) => d,
            None => self.temp(),
        };
        let arg = |i: usize| -> CResult<&Expr> {
            match args.get(i) {
                Some(a) => Ok(a),
                None => unsupported(span, "this built-in call"),
            }
        };
        match b {
            Builtin::Len | Builtin::Cap => {
                let x = arg(0)?;
                let src = self.expr(x)?;
                let op = match (b, self.c.repr(x.ty)) {
                    (Builtin::Len, Repr::String) => Op::LenStr { dst, src },
                    (Builtin::Len, _) => Op::Len { dst, src },
                    _ => Op::Cap { dst, src },
                };
                if let Type::Pointer(_) = self.c.hir.types.under(x.ty) {
                    let t = self.temp();
                    self.emit(Op::Load { dst: t, ptr: src }, span);
                    let op = if b == Builtin::Len {
                        Op::Len { dst, src: t }
                    } else {
                        Op::Cap { dst, src: t }
                    };
                    self.emit(op, span);
                } else {
                    self.emit(op, span);
                }
            }
            Builtin::Append if self.stack_append(args, ty, dst, span)? => {}
            Builtin::Append | Builtin::AppendSpread => {
                let s = arg(0)?;
                let elem = match self.c.hir.types.under(s.ty) {
                    Type::Slice(e) => *e,
                    _ => return unsupported(span, "this append"),
                };
                let layout = self.c.elem_layout(elem);
                let acc = self.temp();
                self.expr_to(s, acc)?;
                if b == Builtin::Append && args.len() > 2 {
                    // Several elements grow the slice once, for all of them,
                    // as Go's growslice does (cap 3 + 4 elements gives 8, not 12).
                    let n = (args.len() - 1) as u16;
                    let items = self.temps(n);
                    for (i, a) in args[1..].iter().enumerate() {
                        self.expr_owned(a, items + i as u16)?;
                    }
                    self.emit(
                        Op::SliceLit {
                            dst: items,
                            base: items,
                            n,
                        },
                        span,
                    );
                    self.emit(
                        Op::AppendSlice {
                            dst: acc,
                            s: acc,
                            t: items,
                            elem: layout,
                        },
                        span,
                    );
                    self.emit(Op::Move { dst, src: acc }, span);
                    return Ok(());
                }
                for a in &args[1..] {
                    let v = self.temp();
                    if b == Builtin::Append {
                        self.expr_owned(a, v)?;
                        self.emit(
                            Op::Append {
                                dst: acc,
                                s: acc,
                                v,
                                elem: layout,
                            },
                            span,
                        );
                    } else {
                        self.expr_to(a, v)?;
                        self.emit(
                            Op::AppendSlice {
                                dst: acc,
                                s: acc,
                                t: v,
                                elem: layout,
                            },
                            span,
                        );
                    }
                }
                self.emit(Op::Move { dst, src: acc }, span);
            }
            Builtin::Copy => {
                let base = self.temps(2);
                self.expr_to(arg(0)?, base)?;
                self.expr_to(arg(1)?, base + 1)?;
                self.call_native_named("builtin.copy", base, 2, span)?;
                self.emit(Op::Move { dst, src: base }, span);
            }
            Builtin::Delete => {
                let m = self.expr(arg(0)?)?;
                let k = self.temp();
                self.expr_owned(arg(1)?, k)?;
                self.emit(Op::MapDelete { m, key: k }, span);
            }
            Builtin::Make => match self.c.hir.types.under(ty).clone() {
                Type::Slice(elem) => {
                    let g = self.temps(3);
                    // The type is not an argument: args are (len, cap).
                    match args.first() {
                        Some(n) => self.expr_to(n, g)?,
                        None => self.emit(Op::LoadInt { dst: g, val: 0 }, span),
                    }
                    match args.get(1) {
                        Some(c) => self.expr_to(c, g + 1)?,
                        None => self.emit(Op::Move { dst: g + 1, src: g }, span),
                    }
                    self.c.emit_zero(&mut self.fb, elem, g + 2, span);
                    self.emit(Op::MakeSlice { dst, args: g }, span);
                }
                Type::Map { .. } => self.emit(Op::MakeMap { dst }, span),
                Type::Chan { elem, .. } => {
                    let g = self.temps(3);
                    match args.first() {
                        Some(n) => self.expr_to(n, g)?,
                        None => self.emit(Op::LoadInt { dst: g, val: 0 }, span),
                    }
                    self.c.emit_zero(&mut self.fb, elem, g + 1, span);
                    // The element type, for traces to print sent and received values.
                    let elem_rt = self.c.rt(elem);
                    self.emit(
                        Op::LoadInt {
                            dst: g + 2,
                            val: elem_rt.0 as i32,
                        },
                        span,
                    );
                    self.emit(Op::MakeChan { dst, args: g }, span);
                }
                _ => return unsupported(span, "this make"),
            },
            Builtin::New => {
                let elem = match self.c.hir.types.under(ty) {
                    Type::Pointer(e) => *e,
                    _ => return unsupported(span, "this new"),
                };
                self.c.emit_zero(&mut self.fb, elem, dst, span);
                if self.c.is_agg(elem) {
                    self.emit(Op::AddrAgg { dst, agg: dst }, span);
                } else {
                    self.emit(Op::NewCell { dst, src: dst }, span);
                }
            }
            Builtin::Panic => {
                let src = self.expr(arg(0)?)?;
                self.emit(Op::Panic { src }, span);
            }
            Builtin::Recover => self.emit(Op::Recover { dst }, span),
            Builtin::Print | Builtin::Println => {
                let base = self.temps(args.len() as u16);
                for (i, a) in args.iter().enumerate() {
                    self.print_operand(a, base + i as u16, span)?;
                }
                self.pack(base, args.len() as u16, span);
                let name = if b == Builtin::Println {
                    "builtin.println"
                } else {
                    "builtin.print"
                };
                self.call_native_named(name, base, 1, span)?;
            }
            Builtin::Min | Builtin::Max
                if matches!(self.c.repr(ty), Repr::Float32 | Repr::Float64) =>
            {
                // NaN and signed zeros need Go's fmin/fmax, not a comparison.
                let name = if b == Builtin::Min {
                    "builtin.minFloat"
                } else {
                    "builtin.maxFloat"
                };
                let pair = self.temps(2);
                self.expr_to(arg(0)?, pair)?;
                for a in &args[1..] {
                    self.expr_to(a, pair + 1)?;
                    self.call_native_named(name, pair, 2, span)?;
                }
                self.emit(Op::Move { dst, src: pair }, span);
            }
            Builtin::Min | Builtin::Max => {
                let first = arg(0)?;
                let acc = self.temp();
                self.expr_to(first, acc)?;
                for a in &args[1..] {
                    let v = self.expr(a)?;
                    let cond = self.temp();
                    let (l, r) = if b == Builtin::Min {
                        (v, acc)
                    } else {
                        (acc, v)
                    };
                    self.arith(crate::hir::BinOp::Lt, first.ty, l, r, cond, span)?;
                    let skip = self.fb.emit_jump(Op::JumpIfNot { cond, off: 0 }, span);
                    self.emit(Op::Move { dst: acc, src: v }, span);
                    self.patch(skip, span)?;
                }
                self.emit(Op::Move { dst, src: acc }, span);
            }
            Builtin::Clear => {
                let x = arg(0)?;
                let r = self.expr(x)?;
                let zero = self.temp();
                match self.c.hir.types.under(x.ty) {
                    Type::Slice(elem) => self.c.emit_zero(&mut self.fb, *elem, zero, span),
                    _ => self.emit(Op::LoadNil { dst: zero }, span),
                }
                self.emit(Op::Clear { x: r, zero }, span);
            }
            Builtin::Close => {
                let ch = self.expr(arg(0)?)?;
                self.emit(Op::Close { ch }, span);
            }
        }
        Ok(())
    }
}

/// The element type of a variadic parameter's slice type.
fn variadic_elem(types: &crate::types::TypeTable, slice: TypeId) -> TypeId {
    match types.under(slice) {
        Type::Slice(e) => *e,
        _ => TypeId::INVALID,
    }
}
