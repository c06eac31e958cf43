//! Panics, recover and runtime errors: how a goroutine unwinds, and how an unrecovered panic reads.
//!
//! A panic belongs to its goroutine (ARCHITECTURE idea 3). `raise` pushes a
//! `PanicRecord` and calls `unwind`, which runs the top frame's deferred calls
//! one at a time (each as an ordinary frame marked `ReturnTo::DeferInPanic`)
//! and pops frames that have none left. When a deferred call returns,
//! `after_panic_defer` either resumes the frame that deferred it at its epilogue
//! (the panic was recovered: the frame then returns normally, its named results
//! as the defers left them) or keeps unwinding.
//!
//! `recover` works in the deferred call itself, and also when the deferred
//! call is a compiler-made method wrapper (`defer i.M()`, a method value, a
//! value method through `*T`, a promoted method: `FuncProto::wrapper`) and
//! the method is the wrapper's callee: Go's wrappers are transparent to
//! recover, and crash traces hide them unless the wrapper itself panicked.
//!
//! Design not taken: Go runs deferred calls *on top of* the panicking frames
//! and pops them only on recovery. gomini pops a frame once its defers are
//! done, which keeps unwinding a simple loop; the one thing that needs the old
//! frames, the crash trace, is captured when the panic starts (`TraceLine`s).

use crate::frame::{Frame, ReturnTo, TraceLine};
use crate::goroutine::{Goroutine, Stop};
use crate::program::FuncProto;
use crate::rtype::{RtKind, RtTypeId};
use crate::value::Value;
use crate::Vm;

/// One panic of a goroutine.
#[derive(Debug)]
pub struct PanicRecord {
    /// Unique within the goroutine; `ReturnTo::DeferInPanic` refers to it.
    pub id: u32,
    /// The value passed to `panic` (an interface value), or a runtime error.
    pub value: Value,
    /// Set by `Recover`; read by `after_panic_defer` when the deferred call that
    /// recovered returns (the panic then ends), and by the crash report (` [recovered]`).
    pub recovered: bool,
    /// Set when a later panic unwound the deferred call that was running for
    /// this one: the crash report still prints it, and a recovery of the later
    /// panic discards it.
    pub aborted: bool,
    /// Set when this panic re-raises the value of a recovered one, which it then
    /// replaces; printed as ` [recovered, repanicked]` (Go 1.23+).
    pub repanicked: bool,
    /// The stack where the panic started, top first, for the crash report.
    pub trace: Vec<TraceLine>,
    /// The printed value, computed when the program dies (it may need a Go call
    /// of `Error()` or `String()`).
    pub message: Option<String>,
}

/// `runtime error: index out of range [i] with length n` (Go's boundsError
/// text); a negative index prints without the length, as Go's does.
pub fn index_error(i: i64, len: usize) -> Value {
    let text = if i < 0 {
        format!("runtime error: index out of range [{i}]")
    } else {
        format!("runtime error: index out of range [{i}] with length {len}")
    };
    runtime_error(RtTypeId::BOUNDS_ERROR, text)
}

/// A runtime error value: an interface holding `ty` (a `RtKind::RuntimeError`) and the message.
pub fn runtime_error(ty: RtTypeId, msg: String) -> Value {
    Value::iface(ty, Value::str(msg))
}

pub fn divide_by_zero() -> Value {
    runtime_error(
        RtTypeId::RUNTIME_ERROR,
        "runtime error: integer divide by zero".into(),
    )
}

pub fn nil_deref() -> Value {
    runtime_error(
        RtTypeId::RUNTIME_ERROR,
        "runtime error: invalid memory address or nil pointer dereference".into(),
    )
}

/// The nil dereference of a `Load` executed by `proto`: Go's `panicwrap`
/// text when `proto` is the wrapper calling a value method through a nil
/// `*T` (`value method main.T.M called using nil *T pointer`), else `nil_deref`.
pub fn nil_deref_in(proto: &FuncProto) -> Value {
    match ptr_wrapper_parts(proto) {
        Some((ty, method)) => {
            let pkg_ty = ty.split_once('.').map_or(ty, |(_, t)| t);
            runtime_error(
                RtTypeId::PLAIN_ERROR,
                format!("value method {ty}.{method} called using nil *{pkg_ty} pointer"),
            )
        }
        None => nil_deref(),
    }
}

/// `("main.T", "M")` for the `·ptr` wrapper `main.T.M·ptr`, which calls a
/// value method through a `*T`.
fn ptr_wrapper_parts(proto: &FuncProto) -> Option<(&str, &str)> {
    if !proto.wrapper {
        return None;
    }
    proto.name.strip_suffix("·ptr")?.rsplit_once('.')
}

pub fn nil_map_write() -> Value {
    runtime_error(
        RtTypeId::PLAIN_ERROR,
        "assignment to entry in nil map".into(),
    )
}

pub fn negative_shift() -> Value {
    runtime_error(
        RtTypeId::RUNTIME_ERROR,
        "runtime error: negative shift amount".into(),
    )
}

/// Go's slice-bounds texts: `[:7] with capacity 5`, `[3:2]`, `[::9] with capacity 5`...
pub fn slice_error(text: String) -> Value {
    runtime_error(
        RtTypeId::BOUNDS_ERROR,
        format!("runtime error: slice bounds out of range {text}"),
    )
}

impl Vm {
    /// Starts a panic with `value` on `g`, whose pc is synced. Returns `None`
    /// when the run loop should continue (a deferred call was pushed), or the
    /// stop when the program dies.
    #[cold]
    pub(crate) fn raise(&mut self, g: &mut Goroutine, value: Value) -> Option<Stop> {
        let id = g.next_panic_id;
        g.next_panic_id += 1;
        let trace = self.capture_trace(g);
        let mut record = PanicRecord {
            id,
            value,
            recovered: false,
            aborted: false,
            repanicked: false,
            trace,
            message: None,
        };
        // Go 1.23: re-panicking with the value just recovered replaces that
        // panic instead of chaining to it.
        if let Some(prev) = g.panics.last() {
            if prev.recovered && prev.value.go_eq(&record.value) {
                record.repanicked = true;
                g.panics.pop();
            }
        }
        if self.sink.is_some() {
            let value = self.panic_value_text(&record.value);
            let span = g
                .frames
                .last()
                .map(|f| f.proto.user_span(f.pc as usize - 1))
                .unwrap_or_default();
            self.emit(crate::event::Event::Panic {
                goroutine: g.id,
                value,
                span,
            });
        }
        if self.keep_defer_chains {
            self.note_panic_chains(g, &record.value);
        }
        g.panics.push(record);
        self.unwind(g)
    }

    /// Runs the next deferred call of the current panic, or pops frames until
    /// one has a deferred call; at the bottom of the stack, ends the program.
    #[cold]
    pub(crate) fn unwind(&mut self, g: &mut Goroutine) -> Option<Stop> {
        loop {
            let pid = g
                .panics
                .last()
                .expect("gomini bug: unwinding without a panic")
                .id;
            let frame = g
                .frames
                .last_mut()
                .expect("gomini bug: unwinding past the goroutine's entry frame");
            if let Some(record) = frame.defers.pop() {
                match self.start_deferred(g, record, ReturnTo::DeferInPanic(pid)) {
                    Ok(true) => return None,
                    Ok(false) => continue,
                    Err(stop) => return stop,
                }
            }
            if g.frames.len() == 1 {
                return self.die(g);
            }
            // Read before the pop; a compiler-made wrapper is not shown (FuncProto::wrapper).
            let shown = self
                .sink
                .is_some()
                .then(|| g.frames.last().filter(|f| !f.proto.wrapper))
                .flatten()
                .map(|f| f.proto.name.clone());
            let popped = g.frames.pop().expect("checked above");
            if let Some(name) = shown {
                self.emit(crate::event::Event::Unwound {
                    goroutine: g.id,
                    func: name,
                    depth: g.frames.len(),
                });
            }
            match popped.return_to {
                // The deferred call this frame was running for an earlier panic is cut
                // short: that panic is aborted (it still prints in the chain).
                ReturnTo::DeferInPanic(earlier) => {
                    if let Some(p) = g.panics.iter_mut().find(|p| p.id == earlier) {
                        p.aborted = true;
                    }
                    if self.sink.is_some() {
                        self.emit_panic_replaced(g, earlier);
                    }
                }
                // fmt's catchPanic: the method fmt called panicked; fmt recovers
                // and prints the panic instead of the method's result.
                ReturnTo::Native(resume) if resume.catch_panic => {
                    let caught = self.end_recovered_panic(g);
                    if self.sink.is_some() {
                        let frame = g.frames.last().expect("the native's caller");
                        let span = frame.proto.user_span(frame.pc as usize - 1);
                        let value = self.panic_value_text(&caught);
                        self.emit(crate::event::Event::Recover {
                            goroutine: g.id,
                            value,
                            span,
                        });
                    }
                    return self.resume_native(g, *resume, caught);
                }
                _ => {}
            }
        }
    }

    /// A deferred call invoked by the unwinder for panic `pid` returned.
    #[cold]
    pub(crate) fn after_panic_defer(&mut self, g: &mut Goroutine, pid: u32) -> Option<Stop> {
        let current = g
            .panics
            .last()
            .expect("gomini bug: a panic's deferred call returned after the panic ended");
        debug_assert_eq!(
            current.id, pid,
            "gomini bug: deferred call returned to the wrong panic"
        );
        if !current.recovered {
            return self.unwind(g);
        }
        self.end_recovered_panic(g);
        let frame = g
            .frames
            .last_mut()
            .expect("gomini bug: recovered with no frame to resume");
        let epilogue = frame.proto.epilogue_pc.unwrap_or_else(|| {
            panic!(
                "gomini bug: {} deferred a call but has no epilogue",
                frame.proto.name
            )
        });
        frame.pc = epilogue;
        None
    }

    /// The current panic of `g` cut short the deferred call run for panic `earlier`.
    #[cold]
    fn emit_panic_replaced(&mut self, g: &Goroutine, earlier: u32) {
        let (Some(current), Some(replaced)) =
            (g.panics.last(), g.panics.iter().find(|p| p.id == earlier))
        else {
            return;
        };
        let value = self.panic_value_text(&current.value);
        let replaced = self.panic_value_text(&replaced.value);
        self.emit(crate::event::Event::PanicReplaced {
            goroutine: g.id,
            value,
            replaced,
        });
    }

    /// A recovered panic ends, and with it the aborted ones it replaced; returns its value.
    fn end_recovered_panic(&mut self, g: &mut Goroutine) -> Value {
        let ended = g
            .panics
            .pop()
            .expect("gomini bug: ending a panic that is not there");
        while g.panics.last().is_some_and(|p| p.aborted) {
            g.panics.pop();
        }
        ended.value
    }

    /// `recover()` executed by the frame on top of `g`.
    pub(crate) fn recover(&mut self, g: &mut Goroutine) -> Value {
        let frame = g.frames.last().expect("gomini bug: recover with no frame");
        let Some(panic) = g.panics.last_mut() else {
            return Value::Nil;
        };
        let deferred = Self::recover_caller(&g.frames);
        // recover returns the panic value only when this goroutine is panicking,
        // the panic is not already recovered, and recover was called directly by
        // a deferred function that the unwinder invoked for that panic: the
        // frame executing `recover` is the deferred call itself. A helper called
        // by the deferred function, a defer run by a normal return, or another
        // goroutine never matches.
        if !panic.recovered
            && matches!(deferred.return_to, ReturnTo::DeferInPanic(pid) if pid == panic.id)
        {
            panic.recovered = true;
            let value = panic.value.clone();
            if self.sink.is_some() {
                let text = self.panic_value_text(&value);
                let span = frame.proto.user_span(frame.pc as usize - 1);
                self.emit(crate::event::Event::Recover {
                    goroutine: g.id,
                    value: text,
                    span,
                });
            }
            return value;
        }
        Value::Nil
    }

    /// The frame `recover` must find deferred by the unwinder: the frame
    /// executing it, or, when that frame was called by compiler-made method
    /// wrappers (`defer i.M()`, `defer t.M` through a method value, a value
    /// method through `*T`), the outermost of those wrappers. Go's wrappers
    /// are transparent to recover in the same way.
    fn recover_caller(frames: &[Frame]) -> &Frame {
        let mut i = frames.len() - 1;
        while i > 0
            && matches!(frames[i].return_to, ReturnTo::Caller)
            && frames[i - 1].proto.wrapper
        {
            i -= 1;
        }
        &frames[i]
    }

    /// The stack of `g`, top first, as Go's traceback prints it.
    pub(crate) fn capture_trace(&self, g: &Goroutine) -> Vec<TraceLine> {
        let mut lines = Vec::new();
        let depth = g.frames.len();
        for (i, frame) in g.frames.iter().rev().enumerate() {
            // Go's traceback hides runtime frames (`runtime.main`, which calls
            // main.main; the methods of runtime errors) unless GOTRACEBACK=system,
            // and the method wrappers the compiler made.
            if !frame.proto.hidden_in_traceback(i == 0) {
                lines.push(self.trace_line(frame, g.shown_pc(depth - 1 - i)));
            }
            if let ReturnTo::DeferInPanic(pid) = frame.return_to {
                // Go runs deferred calls on top of the panicking stack: show it.
                if let Some(p) = g.panics.iter().find(|p| p.id == pid) {
                    lines.push(TraceLine {
                        call: "panic({...})".into(),
                        location: "\t$GOROOT/src/runtime/panic.go:859".into(),
                    });
                    lines.extend(p.trace.iter().cloned());
                    return lines;
                }
            }
        }
        if let Some(c) = &g.created_by {
            lines.push(TraceLine {
                call: format!("created by {} in goroutine {}", c.func.name, c.parent),
                location: format!("\t{}", self.program.location(&c.func, c.pc as usize)),
            });
        }
        lines
    }

    fn trace_line(&self, frame: &Frame, pc: usize) -> TraceLine {
        // A deferred built-in's wrapper takes its arguments from the defer
        // record, not from a caller: Go prints it without arguments.
        let args = if frame.proto.n_params == 0 || frame.proto.name.contains(".deferwrap") {
            "()"
        } else {
            "(...)"
        };
        // Go names the wrapper of a value method called through `*T` after
        // the pointer method it stands for; it shows when it panicked itself.
        if let Some((ty, method)) = ptr_wrapper_parts(&frame.proto) {
            let (pkg, ty) = ty.split_once('.').unwrap_or(("main", ty));
            return TraceLine {
                call: format!("{pkg}.(*{ty}).{method}(...)"),
                location: "\t<autogenerated>:1".into(),
            };
        }
        TraceLine {
            call: format!("{}{}", frame.proto.name, args),
            location: format!("\t{}", self.program.location(&frame.proto, pc)),
        }
    }

    /// The program dies of `g`'s panics: computes each message (pushing a Go
    /// call of `Error()`/`String()` when one is needed), then writes the report.
    #[cold]
    fn die(&mut self, g: &mut Goroutine) -> Option<Stop> {
        for i in 0..g.panics.len() {
            if g.panics[i].message.is_some() {
                continue;
            }
            let value = g.panics[i].value.clone();
            if let Some((callee, recv)) = self.message_method(&value) {
                return self
                    .push_call(g, callee, vec![recv], ReturnTo::PanicMessage(i))
                    .err();
            }
            g.panics[i].message = Some(self.panic_value_text(&value));
        }
        let mut text = String::new();
        for (i, p) in g.panics.iter().enumerate() {
            if i > 0 {
                text.push('\t');
            }
            text.push_str("panic: ");
            text.push_str(p.message.as_deref().unwrap_or(""));
            if p.repanicked {
                text.push_str(" [recovered, repanicked]");
            } else if p.recovered {
                text.push_str(" [recovered]");
            }
            text.push('\n');
        }
        text.push_str(&format!("\ngoroutine {} [running]:\n", g.id));
        let trace = &g.panics.last().expect("dying without a panic").trace;
        for line in trace {
            text.push_str(&line.call);
            text.push('\n');
            text.push_str(&line.location);
            text.push('\n');
        }
        text.push_str("exit status 2\n");
        Some(Stop::Panicked(text))
    }

    /// The Go call `Error()` or `String()` needed to print a panic value, if any.
    fn message_method(&self, value: &Value) -> Option<(Value, Value)> {
        let Value::Iface(iface) = value else {
            return None;
        };
        let types = &self.program.types;
        let m = types
            .method_with_sig(iface.ty, "Error", RtTypeId::FUNC_STRING)
            .or_else(|| types.method_with_sig(iface.ty, "String", RtTypeId::FUNC_STRING))?;
        Some((
            self.program.func_values[m as usize].clone(),
            iface.val.clone(),
        ))
    }

    /// A panic value as Go's `printpanicval` prints it, for events: methods
    /// run in a sandbox, never in this VM.
    pub(crate) fn panic_value_text(&self, value: &Value) -> String {
        let Value::Iface(iface) = value else {
            return "nil".into();
        };
        let types = &self.program.types;
        let ty = types.get(iface.ty);
        // printpanicval prints an error's Error() and a Stringer's String()
        // before anything else; for events they run in a sandbox (method_sandbox.rs).
        if !matches!(ty.kind, RtKind::RuntimeError | RtKind::ErrorString)
            && self.has_text_method(iface.ty)
        {
            if let Some(text) = self
                .library_error_text(iface.ty, &iface.val)
                .or_else(|| self.method_text(iface.ty, &iface.val))
            {
                return text;
            }
        }
        let plain = crate::fmt::sprint_one(types, iface.ty, &iface.val);
        match (&ty.kind, &ty.name) {
            (RtKind::RuntimeError | RtKind::ErrorString, _) => plain,
            (RtKind::String, Some(n)) if n != "string" => format!("{n}({plain:?})"),
            (RtKind::Int(k), Some(n)) if n != k.go_name() => format!("{n}({plain})"),
            (RtKind::Float32 | RtKind::Float64 | RtKind::Bool, Some(n))
                if !matches!(n.as_str(), "float64" | "float32" | "bool") =>
            {
                format!("{n}({plain})")
            }
            (
                RtKind::Bool | RtKind::Int(_) | RtKind::Float32 | RtKind::Float64 | RtKind::String,
                _,
            ) => plain,
            _ => self
                .library_error_text(iface.ty, &iface.val)
                .unwrap_or_else(|| {
                    format!("({}) {:#x}", types.name(iface.ty), iface.val.address())
                }),
        }
    }

    /// `fatal error: stack overflow`, as Go prints it when a goroutine's stack exceeds its limit.
    #[cold]
    pub(crate) fn stack_overflow(&self, g: &Goroutine) -> Stop {
        let mut text = String::from(
            "runtime: goroutine stack exceeds 1000000000-byte limit\nfatal error: stack overflow\n\n",
        );
        text.push_str(&format!("goroutine {} [running]:\n", g.id));
        let depth = g.frames.len();
        for (i, frame) in g.frames.iter().rev().take(100).enumerate() {
            let line = self.trace_line(frame, g.shown_pc(depth - 1 - i));
            text.push_str(&line.call);
            text.push('\n');
            text.push_str(&line.location);
            text.push('\n');
        }
        text.push_str("...additional frames elided...\nexit status 2\n");
        Stop::Fatal(text)
    }

    /// The result of a `PanicMessage` call returned: record it and keep dying.
    #[cold]
    pub(crate) fn after_panic_message(
        &mut self,
        g: &mut Goroutine,
        idx: usize,
        result: Value,
    ) -> Option<Stop> {
        let text = match &result {
            Value::Str(_) | Value::Short(_) => {
                String::from_utf8_lossy(result.as_bytes()).into_owned()
            }
            _ => String::new(),
        };
        g.panics[idx].message = Some(text);
        self.unwind(g)
    }
}
