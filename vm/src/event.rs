//! Observable events (ARCHITECTURE idea 6): the closed set of things a trace, the REPL or the race detector can watch.
//!
//! The VM holds an `Option<Box<dyn EventSink>>`; with none attached, each
//! emission point costs one predictable branch and builds nothing: every
//! string an event carries is formatted inside that branch. `Vm::emit` stamps
//! each event with its step (the count of events before it) and the virtual
//! time, so a sink sees `(Stamp, Event)` pairs in a deterministic order.
//!
//! Values in events are display text, never `Value`s: a sink cannot reach
//! into the VM's heap, and the text is what a trace shows.

use gomini_lexer::Span;

use crate::op::Op;
use crate::program::FuncProto;
use crate::rtype::{RtKind, RtTypeId};
use crate::value::Value;
use crate::Vm;

/// When an event happened: its step number and the virtual clock.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stamp {
    /// 0 for the first event of a run, then 1, 2, ...; never reused.
    pub step: u64,
    /// Nanoseconds of virtual time since the program started (0 until a timer moves the clock).
    pub time_ns: i64,
}

/// Something that happened in the VM. Names are Go's; goroutine ids are Go's (main is 1).
/// A `span` is where the goroutine is in the source when the event happens.
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// A Go function was entered (depth = frames after the push); `span` is its first instruction.
    /// A compiler-made method wrapper (`FuncProto::wrapper`) emits no `Call`,
    /// `Return` or `Unwound`: its frame still counts in the depths of the others.
    Call {
        goroutine: u64,
        func: String,
        depth: usize,
        span: Span,
    },
    /// A Go function returned these results (depth = frames after the pop); `span` is the return.
    Return {
        goroutine: u64,
        func: String,
        depth: usize,
        results: Vec<String>,
        span: Span,
    },
    /// `defer` pushed a call of `callee` with `args` (evaluated now) on `func`'s chain.
    DeferPushed {
        goroutine: u64,
        func: String,
        callee: String,
        args: Vec<String>,
        span: Span,
    },
    /// A deferred call of `callee` started, on return (`panicking == false`) or
    /// during a panic. `results` are `func`'s named results as the call finds them
    /// (`return 5` has stored r = 5 before the first deferred call starts).
    DeferStarted {
        goroutine: u64,
        func: String,
        callee: String,
        panicking: bool,
        results: Vec<NamedValue>,
        span: Span,
    },
    /// A deferred call returned normally (one that panics never finishes).
    DeferFinished {
        goroutine: u64,
        func: String,
        callee: String,
        span: Span,
    },
    /// The deferred call that just finished changed one of `func`'s named results.
    ResultChanged {
        goroutine: u64,
        func: String,
        name: String,
        before: String,
        after: String,
    },
    /// A panic started with this value (formatted as `panic:` prints it).
    Panic {
        goroutine: u64,
        value: String,
        span: Span,
    },
    /// The panic with value `value` left a deferred call that was running for
    /// the earlier panic `replaced`: that panic is aborted, this one goes on
    /// (Go prints both, the earlier first).
    PanicReplaced {
        goroutine: u64,
        value: String,
        replaced: String,
    },
    /// `recover()` stopped the panic with this value.
    Recover {
        goroutine: u64,
        value: String,
        span: Span,
    },
    /// A panic left `func` without a recover: its frame is gone (depth = frames after the pop).
    Unwound {
        goroutine: u64,
        func: String,
        depth: usize,
    },
    /// The runtime made a seeded choice that is not a switch of goroutines
    /// (a select case, a map iteration start, a quantum cut short because
    /// another goroutine became runnable).
    SchedDecision {
        what: &'static str,
        choice: u64,
    },
    /// The scheduler switched goroutines: `from` stopped (`why`) and `to` runs
    /// next, for `quantum` instructions (`None`: it is the only runnable one).
    /// `runnable` counts the goroutines it was chosen among, `to` included.
    Switch {
        from: Option<(u64, SwitchWhy)>,
        to: u64,
        runnable: usize,
        quantum: Option<u32>,
    },
    GoroutineCreated {
        goroutine: u64,
        parent: u64,
    },
    GoroutineBlocked {
        goroutine: u64,
        reason: &'static str,
    },
    /// `goroutine` can run again because of `reason` (what completed its
    /// wait), done by goroutine `by` (0: a timer).
    GoroutineWoken {
        goroutine: u64,
        reason: &'static str,
        by: u64,
    },
    GoroutineExited {
        goroutine: u64,
    },
    /// A send completed: `value` went into the buffer or to a receiver.
    /// `len`/`cap` and `buffer` (the first `CHAN_BUFFER_SHOWN` values, oldest
    /// first) are the channel's buffer after the operation.
    ChanSend {
        goroutine: u64,
        chan: u64,
        value: String,
        len: usize,
        cap: usize,
        buffer: Vec<String>,
    },
    /// A receive completed with `value` (`ok == false`: the channel was closed
    /// and drained, `value` is the zero value); the buffer as for `ChanSend`.
    ChanRecv {
        goroutine: u64,
        chan: u64,
        value: String,
        ok: bool,
        len: usize,
        cap: usize,
        buffer: Vec<String>,
    },
    ChanClose {
        goroutine: u64,
        chan: u64,
    },
    Lock {
        goroutine: u64,
        mutex: usize,
    },
    Unlock {
        goroutine: u64,
        mutex: usize,
    },
}

/// Why the goroutine that ran last stopped running, in a `Switch`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SwitchWhy {
    /// Its quantum ran out.
    Preempted,
    /// It called `runtime.Gosched`.
    Yielded,
    /// It parked, with Go's wait reason (`chan receive`, `sync.Mutex.Lock`, ...).
    Blocked(&'static str),
    /// It returned from its entry function (or called `runtime.Goexit`).
    Exited,
}

/// A named result and its value as display text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NamedValue {
    pub name: String,
    pub value: String,
}

/// A consumer of events (trace renderers, the REPL, tests).
pub trait EventSink {
    fn event(&mut self, stamp: Stamp, e: Event);
}

/// A sink that keeps every event, for tests and the trace renderers.
#[derive(Debug, Default)]
pub struct Recorder {
    pub events: std::rc::Rc<std::cell::RefCell<Vec<(Stamp, Event)>>>,
}

impl EventSink for Recorder {
    fn event(&mut self, stamp: Stamp, e: Event) {
        self.events.borrow_mut().push((stamp, e));
    }
}

// ----- display text of values, for events only -----

/// At most this many characters of a channel value are kept in an event
/// (longer text ends in `...`), so that tracing a channel of big values stays cheap to store.
pub const CHAN_VALUE_CHARS: usize = 64;

/// At most this many buffered values are listed in a channel event (`len` has the count).
pub const CHAN_BUFFER_SHOWN: usize = 8;

/// Which channel operation completed, for `Vm::emit_chan_op`.
#[derive(Clone, Copy, Debug)]
pub(crate) enum ChanOp {
    Send,
    Recv { ok: bool },
}

/// `text` cut to `CHAN_VALUE_CHARS` characters, marked with `...` when cut.
fn shorten(text: String) -> String {
    match text.char_indices().nth(CHAN_VALUE_CHARS) {
        Some((cut, _)) => format!("{}...", &text[..cut]),
        None => text,
    }
}

impl Vm {
    /// Emits the event of a completed channel operation by `goroutine` with
    /// `value`; the channel's state must not be borrowed. Callers check
    /// `self.sink.is_some()` first.
    #[cold]
    pub(crate) fn emit_chan_op(
        &mut self,
        op: ChanOp,
        goroutine: u64,
        c: &crate::chan::Chan,
        value: &Value,
    ) {
        let value = shorten(self.typed_text(c.elem, value));
        let (len, buffer) = {
            let st = c.state.borrow();
            let shown = st
                .buf
                .iter()
                .take(CHAN_BUFFER_SHOWN)
                .map(|v| shorten(self.typed_text(c.elem, v)))
                .collect();
            (st.buf.len(), shown)
        };
        let cap = c.cap as usize;
        self.emit(match op {
            ChanOp::Send => Event::ChanSend {
                goroutine,
                chan: c.id,
                value,
                len,
                cap,
                buffer,
            },
            ChanOp::Recv { ok } => Event::ChanRecv {
                goroutine,
                chan: c.id,
                value,
                ok,
                len,
                cap,
                buffer,
            },
        });
    }

    /// The Go id of the (parked) goroutine in scheduler slot `slot`.
    pub(crate) fn goroutine_id(&self, slot: u32) -> u64 {
        self.sched.gs[slot as usize].as_ref().map_or(0, |g| g.id)
    }
}

impl Vm {
    /// `v` as `%v` prints it when its type is known (results).
    pub(crate) fn typed_text(&self, ty: RtTypeId, v: &Value) -> String {
        let (dynamic_ty, dynamic) = match v {
            Value::Iface(iface) => (iface.ty, &iface.val),
            _ => (ty, v),
        };
        if let Some(text) = self.library_error_text(dynamic_ty, dynamic) {
            return text;
        }
        // Without method calls when none is needed; else fmt's way, in a sandbox.
        let mut printer = crate::fmt::Printer::new(&self.program, &[]);
        if printer.print_typed(v, ty).is_ok() {
            return String::from_utf8_lossy(&printer.buf).into_owned();
        }
        self.method_text(ty, v)
            .unwrap_or_else(|| crate::fmt::sprint_one(&self.program.types, ty, v))
    }

    /// The `Error()` text of the library's own error types (errors.New,
    /// fmt.Errorf, errors.Join), which `%v` prints, read from their fields:
    /// the common case needs no sandbox (method_sandbox.rs), which other types with
    /// an Error or String method go through.
    pub(crate) fn library_error_text(&self, ty: RtTypeId, v: &Value) -> Option<String> {
        let name = self.program.types.name(ty);
        if !matches!(
            name.as_str(),
            "*errors.errorString" | "*fmt.wrapError" | "*fmt.wrapErrors" | "*errors.joinError"
        ) {
            return None;
        }
        let fields = match crate::value::load_ptr(v)? {
            Value::Agg(store) => store.borrow().clone(),
            _ => return None,
        };
        match name.as_str() {
            // `s string` / `msg string` first.
            "*errors.errorString" | "*fmt.wrapError" | "*fmt.wrapErrors" => {
                match fields.first()? {
                    text @ (Value::Str(_) | Value::Short(_)) => {
                        Some(String::from_utf8_lossy(text.as_bytes()).into_owned())
                    }
                    _ => None,
                }
            }
            // `errs []error`, each on its own line.
            "*errors.joinError" => {
                let texts: Vec<String> = crate::slice::items(fields.first()?)
                    .iter()
                    .map(|e| self.typed_text(RtTypeId::ERROR, e))
                    .collect();
                Some(texts.join("\n"))
            }
            _ => None,
        }
    }

    /// A short display of a value whose static type the VM does not keep
    /// (deferred arguments): numbers, strings and bools as Go prints them,
    /// interfaces through their dynamic type, everything else by kind.
    pub(crate) fn untyped_text(&self, v: &Value) -> String {
        match v {
            Value::Nil => "nil".into(),
            Value::Bool(b) => b.to_string(),
            Value::Int(i) => i.to_string(),
            Value::Float(_) => self.typed_text(RtTypeId::FLOAT64, v),
            Value::Str(_) | Value::Short(_) => {
                format!("{:?}", String::from_utf8_lossy(v.as_bytes()))
            }
            Value::Iface(iface) => {
                let text = self.typed_text(iface.ty, &iface.val);
                // Strings are quoted, as in the source, so `"1"` and `1` differ.
                if matches!(self.program.types.get(iface.ty).kind, RtKind::String) {
                    format!("{text:?}")
                } else {
                    text
                }
            }
            Value::Func(f) => f.proto.name.clone(),
            Value::Native(id) => crate::natives::name(*id).to_string(),
            Value::Agg(_) => "{...}".into(),
            Value::Ptr(..) => "&...".into(),
            Value::Slice(s) => {
                // A variadic tail (`fmt.Println("first")`) arrives as one slice.
                let store = s.store.borrow();
                let shown = (s.len as usize).min(8);
                let mut parts: Vec<String> = (0..shown)
                    .filter_map(|i| store.get(s.off as usize + i))
                    .map(|v| match v {
                        Value::Slice(_) | Value::Agg(_) | Value::Map(_) => "...".to_string(),
                        v => self.untyped_text(v),
                    })
                    .collect();
                if s.len as usize > shown {
                    parts.push("...".into());
                }
                format!("[{}]", parts.join(" "))
            }
            Value::Map(_) => "map[...]".into(),
            Value::Chan(_) => "chan".into(),
            Value::MapIter(_) => "iterator".into(),
        }
    }

    /// The name of a deferred or called func value: for a compiler-made
    /// method wrapper (`t.M` or `i.M` as a value), the method it calls.
    pub(crate) fn callee_name(&self, v: &Value) -> String {
        match v {
            Value::Func(f) => {
                // A bound method's receiver is its closure's cell 0 (`bound_method`).
                let receiver = (f.proto.wrapper && !f.cells.is_empty())
                    .then(|| f.cells[0].borrow().first().cloned())
                    .flatten();
                self.wrapped_name(&f.proto, receiver.as_ref(), 0)
            }
            Value::Native(id) => crate::natives::name(*id).to_string(),
            _ => "nil".into(),
        }
    }

    /// The program's function a wrapper `proto` stands for: the target of
    /// the first call in its code, through the method table when that is an
    /// interface call on `receiver`. A wrapper whose target cannot be known
    /// (an interface method value's receiver unseen) shows as its own name
    /// without Go's `-fm` / gomini's `·ptr` suffix: `main.Getter.Get`.
    fn wrapped_name(&self, proto: &FuncProto, receiver: Option<&Value>, hops: u8) -> String {
        if !proto.wrapper {
            return proto.name.clone();
        }
        let program = &self.program;
        // Ok: a Go function; Err: a library function run natively.
        let target = proto.code.iter().find_map(|op| match *op {
            Op::Call { func, .. } => Some(program.protos.get(func as usize).cloned().ok_or("")),
            Op::CallNative { native, .. } | Op::CallSync { native, .. } => Some(
                program
                    .natives
                    .get(native as usize)
                    .map_or(Err(""), |&id| Err(crate::natives::name(id))),
            ),
            Op::CallMethod { name, .. } => Some(match receiver {
                Some(Value::Iface(iface)) => program
                    .types
                    .method(iface.ty, &program.method_names[name as usize])
                    .and_then(|m| program.protos.get(m as usize).cloned())
                    .ok_or(""),
                _ => Err(""),
            }),
            _ => None,
        });
        match target {
            // Wrappers call wrappers (a promoted method's `·ptr`) at most a few deep.
            Some(Ok(target)) if hops < 4 => self.wrapped_name(&target, None, hops + 1),
            Some(Err(native)) if !native.is_empty() => native.to_string(),
            _ => {
                let name = proto.name.as_str();
                let name = name.strip_suffix("-fm").unwrap_or(name);
                name.strip_suffix("·ptr").unwrap_or(name).to_string()
            }
        }
    }
}

impl Vm {
    /// The named results of `frame` (of goroutine `g`) as display text; unnamed
    /// results are left out, since no defer can change them.
    pub(crate) fn named_results(
        &self,
        g: &crate::goroutine::Goroutine,
        frame_idx: usize,
    ) -> Vec<NamedValue> {
        let Some(frame) = g.frames.get(frame_idx) else {
            return Vec::new();
        };
        let base = frame.base as usize;
        frame
            .proto
            .results
            .iter()
            .filter(|r| r.named)
            .map(|r| {
                let slot = g
                    .slots
                    .get(base + r.reg as usize)
                    .cloned()
                    .unwrap_or_default();
                let v = if r.boxed {
                    crate::value::load_ptr(&slot).unwrap_or_default()
                } else {
                    slot
                };
                NamedValue {
                    name: r.name.clone(),
                    value: self.typed_text(r.ty, &v),
                }
            })
            .collect()
    }

    /// Emits `DeferStarted` for `record`, about to run for the top frame of
    /// `g`, and remembers the named results it finds for `emit_defer_finished`.
    #[cold]
    pub(crate) fn emit_defer_started(
        &mut self,
        g: &crate::goroutine::Goroutine,
        callee: &Value,
        span: Span,
        panicking: bool,
    ) {
        let frame_idx = g.frames.len().wrapping_sub(1);
        let func = g
            .frames
            .last()
            .map(|f| f.proto.name.clone())
            .unwrap_or_default();
        let callee = self.callee_name(callee);
        let results = self.named_results(g, frame_idx);
        self.defer_snapshots
            .insert((g.id, frame_idx), (callee.clone(), span, results.clone()));
        self.emit(Event::DeferStarted {
            goroutine: g.id,
            func,
            callee,
            panicking,
            results,
            span,
        });
    }

    /// Emits `DeferFinished` for the deferred call that just returned to the top
    /// frame of `g`, then a `ResultChanged` per named result the call changed.
    #[cold]
    pub(crate) fn emit_defer_finished(&mut self, g: &crate::goroutine::Goroutine) {
        let frame_idx = g.frames.len().wrapping_sub(1);
        let Some((callee, span, before)) = self.defer_snapshots.remove(&(g.id, frame_idx)) else {
            return;
        };
        let func = g
            .frames
            .last()
            .map(|f| f.proto.name.clone())
            .unwrap_or_default();
        self.emit(Event::DeferFinished {
            goroutine: g.id,
            func: func.clone(),
            callee,
            span,
        });
        let after = self.named_results(g, frame_idx);
        for (b, a) in before.into_iter().zip(after) {
            if b.value != a.value {
                self.emit(Event::ResultChanged {
                    goroutine: g.id,
                    func: func.clone(),
                    name: a.name,
                    before: b.value,
                    after: a.value,
                });
            }
        }
    }
}
