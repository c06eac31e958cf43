//! Traces: the VM's events recorded as a documented, versioned model, and its renderers.
//!
//! A [`TraceSink`] attached to a `Vm` turns each internal [`Event`] into a
//! [`TraceEvent`] (goroutine, step, virtual time, source line, and an
//! [`EventKind`]) and stops keeping them after `max_events`. The finished
//! [`Trace`] is what every renderer reads:
//!
//! - `text.rs`: a timeline for the terminal, one column per goroutine.
//! - `json.rs`: the event stream as JSON, the format of `docs/trace-format.md`.
//! - `mermaid.rs`: a sequence diagram and a flowchart of one function's defers.
//! - `html.rs`: one self-contained page that steps through the run (`stepper.html`).
//!
//! `EventKind` *is* the trace format: it derives `Serialize`, and a change to
//! it is a change to the documented format (bump [`FORMAT_VERSION`]). The
//! VM's `Event` is internal and never serialized (STYLE.md item 12).
//!
//! Architecture invariant: nothing here prints or reads the clock; renderers
//! return strings, and the `gomini trace` command decides where they go.

pub mod html;
pub mod json;
pub mod mermaid;
pub mod text;

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use serde::Serialize;

use crate::event::{Event, EventSink, Stamp, SwitchWhy};
use crate::program::Program;

/// The version of the JSON trace format (`docs/trace-format.md`).
pub const FORMAT_VERSION: u32 = 4;

/// The default bound on recorded events (`--max-events`).
pub const DEFAULT_MAX_EVENTS: usize = 1_000_000;

/// A finished run, ready to render.
#[derive(Clone, Debug, Serialize)]
pub struct Trace {
    pub version: u32,
    /// The program's path as given.
    pub file: String,
    pub seed: u64,
    /// The program's text, so a renderer can show lines without reading files.
    pub source: String,
    /// The exit code the run ended with (2 for an unrecovered panic).
    pub exit_code: i32,
    /// Events the run emitted, recorded or not.
    pub n_emitted: u64,
    /// The bound in force; `truncated` when the run emitted more events than it.
    pub max_events: usize,
    pub truncated: bool,
    /// `all`, `defer` or `goroutines`: which kinds of events were kept.
    pub focus: Focus,
    pub events: Vec<TraceEvent>,
}

/// One recorded event.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TraceEvent {
    /// The event's number in the run: 0, 1, 2, ... (gaps where `focus` dropped events).
    pub step: u64,
    /// Nanoseconds of virtual time since the program started.
    pub time_ns: i64,
    /// The goroutine it happened on (1 is main); 0 for the scheduler itself.
    pub goroutine: u64,
    /// The 1-based source line the goroutine is at, when known.
    pub line: Option<u32>,
    #[serde(flatten)]
    pub kind: EventKind,
}

/// What happened. Tagged by `"kind"` in JSON; documented field by field in `docs/trace-format.md`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EventKind {
    Call {
        func: String,
        depth: usize,
    },
    Return {
        func: String,
        depth: usize,
        results: Vec<String>,
    },
    DeferPushed {
        func: String,
        callee: String,
        args: Vec<String>,
    },
    DeferStarted {
        func: String,
        callee: String,
        panicking: bool,
        results: Vec<NamedResult>,
    },
    DeferFinished {
        func: String,
        callee: String,
    },
    ResultChanged {
        func: String,
        name: String,
        before: String,
        after: String,
    },
    Panic {
        value: String,
    },
    /// The panic `value` ended the deferred call that ran for the panic
    /// `replaced`, which is aborted: `value` goes on unwinding.
    PanicReplaced {
        value: String,
        replaced: String,
    },
    Recover {
        value: String,
    },
    Unwound {
        func: String,
        depth: usize,
    },
    SchedDecision {
        what: String,
        choice: u64,
    },
    /// The scheduler switched goroutines: `from` stopped because of `why`
    /// (`wait`: the reason it blocked) and `to` runs next.
    Switch {
        from: Option<u64>,
        why: String,
        wait: Option<String>,
        to: u64,
        runnable: usize,
        quantum: Option<u32>,
    },
    GoroutineCreated {
        parent: u64,
    },
    GoroutineBlocked {
        reason: String,
    },
    /// It can run again: `reason` completed its wait, done by goroutine `by` (0: a timer).
    GoroutineWoken {
        reason: String,
        by: u64,
    },
    GoroutineExited,
    /// A completed send of `value`; `len`/`cap`/`buffer` are the buffer after it.
    ChanSend {
        chan: u64,
        value: String,
        len: usize,
        cap: usize,
        buffer: Vec<String>,
    },
    /// A completed receive of `value` (`ok: false`: closed and drained).
    ChanRecv {
        chan: u64,
        value: String,
        ok: bool,
        len: usize,
        cap: usize,
        buffer: Vec<String>,
    },
    ChanClose {
        chan: u64,
    },
    Lock {
        mutex: u64,
    },
    Unlock {
        mutex: u64,
    },
}

/// How the text and Mermaid renderers describe a channel event: `send 42 on
/// chan #1`, `receive 0 from chan #1 (closed)`, followed for a buffered
/// channel by its buffer after the operation, `(buffer 2/3: [1 2])`, or
/// `(closed, buffer 0/3: [])`. `None` for other events.
pub fn chan_text(kind: &EventKind) -> Option<String> {
    let (what, closed, len, cap, buffer) = match kind {
        EventKind::ChanSend {
            chan,
            value,
            len,
            cap,
            buffer,
        } => (
            format!("send {value} on chan #{chan}"),
            false,
            len,
            cap,
            buffer,
        ),
        EventKind::ChanRecv {
            chan,
            value,
            ok,
            len,
            cap,
            buffer,
        } => (
            format!("receive {value} from chan #{chan}"),
            !*ok,
            len,
            cap,
            buffer,
        ),
        _ => return None,
    };
    let mut notes = Vec::new();
    if closed {
        notes.push("closed".to_string());
    }
    if *cap > 0 {
        let more = if *len > buffer.len() { " ..." } else { "" };
        notes.push(format!("buffer {len}/{cap}: [{}{more}]", buffer.join(" ")));
    }
    if notes.is_empty() {
        return Some(what);
    }
    Some(format!("{what} ({})", notes.join(", ")))
}

/// How the text and Mermaid renderers (and the HTML stepper, in JavaScript)
/// describe a switch: `g1 preempted → g7 runs (quantum 8)`,
/// `g1 blocked (chan receive) → g7 runs`, `start → g1 runs`. `None` for other events.
pub fn switch_text(kind: &EventKind) -> Option<String> {
    let EventKind::Switch {
        from,
        why,
        wait,
        to,
        quantum,
        ..
    } = kind
    else {
        return None;
    };
    let stopped = match (from, wait) {
        (None, _) => "start".to_string(),
        (Some(g), Some(wait)) => format!("g{g} {why} ({wait})"),
        (Some(g), None) => format!("g{g} {why}"),
    };
    let budget = match quantum {
        Some(q) => format!(" (quantum {q})"),
        None => String::new(),
    };
    Some(format!("{stopped} → g{to} runs{budget}"))
}

/// How the renderers describe a wake-up: `woken: chan send by g7`,
/// `woken: sleep over` (a timer). `None` for other events.
pub fn woken_text(kind: &EventKind) -> Option<String> {
    let EventKind::GoroutineWoken { reason, by } = kind else {
        return None;
    };
    Some(match by {
        0 => format!("woken: {reason}"),
        by => format!("woken: {reason} by g{by}"),
    })
}

/// A named result and its value as `%v` prints it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NamedResult {
    pub name: String,
    pub value: String,
}

/// Which events a trace keeps (`--focus`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Focus {
    /// Everything.
    All,
    /// Calls, returns, defers, result changes, panics, recovers, unwinding.
    Defer,
    /// Goroutines, channels, locks, scheduling decisions, panics and recovers.
    Goroutines,
}

impl Focus {
    pub fn parse(s: &str) -> Option<Focus> {
        match s {
            "all" => Some(Focus::All),
            "defer" => Some(Focus::Defer),
            "goroutines" => Some(Focus::Goroutines),
            _ => None,
        }
    }

    /// The name `--focus` takes.
    pub fn name(self) -> &'static str {
        match self {
            Focus::All => "all",
            Focus::Defer => "defer",
            Focus::Goroutines => "goroutines",
        }
    }

    /// Whether this focus keeps events of `kind`.
    pub fn keeps(self, kind: &EventKind) -> bool {
        use EventKind as K;
        let defer_side = matches!(
            kind,
            K::Call { .. }
                | K::Return { .. }
                | K::DeferPushed { .. }
                | K::DeferStarted { .. }
                | K::DeferFinished { .. }
                | K::ResultChanged { .. }
                | K::Unwound { .. }
        );
        let shared = matches!(
            kind,
            K::Panic { .. } | K::PanicReplaced { .. } | K::Recover { .. }
        );
        match self {
            Focus::All => true,
            Focus::Defer => defer_side || shared,
            Focus::Goroutines => !defer_side,
        }
    }
}

/// What a `TraceSink` has collected so far; shared with the embedder through an `Rc`.
#[derive(Debug, Default)]
pub struct Collected {
    pub events: Vec<TraceEvent>,
    /// Every event the run emitted, kept or not.
    pub n_emitted: u64,
    /// An event the focus keeps was refused because `max_events` were already kept.
    pub cut: bool,
}

/// The sink `gomini trace` attaches: converts and keeps up to `max_events` events.
pub struct TraceSink {
    program: Rc<Program>,
    /// Mutex addresses in order of first use: a trace numbers mutexes 1, 2, ...
    /// so that it does not depend on where the allocator put them.
    mutexes: Vec<u64>,
    shown_frames: ShownFrames,
    focus: Focus,
    max_events: usize,
    pub collected: Rc<RefCell<Collected>>,
}

impl TraceSink {
    pub fn new(program: Rc<Program>, focus: Focus, max_events: usize) -> TraceSink {
        TraceSink {
            program,
            mutexes: Vec::new(),
            shown_frames: ShownFrames::default(),
            focus,
            max_events,
            collected: Rc::default(),
        }
    }
}

impl EventSink for TraceSink {
    fn event(&mut self, stamp: Stamp, e: Event) {
        let mut collected = self.collected.borrow_mut();
        collected.n_emitted += 1;
        if collected.cut {
            return;
        }
        let mut ev = convert(&self.program, stamp, e);
        if self.shown_frames.hide_or_renumber(&mut ev) {
            return;
        }
        if let EventKind::Lock { mutex } | EventKind::Unlock { mutex } = &mut ev.kind {
            let n = match self.mutexes.iter().position(|m| m == mutex) {
                Some(i) => i,
                None => {
                    self.mutexes.push(*mutex);
                    self.mutexes.len() - 1
                }
            };
            *mutex = n as u64 + 1;
        }
        if !self.focus.keeps(&ev.kind) {
            return;
        }
        if collected.events.len() >= self.max_events {
            collected.cut = true;
            return;
        }
        collected.events.push(ev);
    }
}

/// The frames a trace shows, per goroutine: the VM's depth (frames on the
/// stack) of each, bottom first. Calls of gomini's runtime (`runtime.main`,
/// which calls `main.main`) are left out, as Go's traceback leaves them out,
/// and the VM reports no call of a compiler-made method wrapper
/// (`FuncProto::wrapper`); a trace's depth counts the frames shown, so every
/// goroutine's entry function (`main.main` included) is depth 1 and a method
/// called through a wrapper is one deeper than its caller.
#[derive(Default)]
struct ShownFrames {
    by_goroutine: BTreeMap<u64, Vec<usize>>,
}

impl ShownFrames {
    /// Rewrites the depth of a call, return or unwinding to the shown frames;
    /// `true` when `ev` is one of the runtime's own, which the trace leaves out.
    fn hide_or_renumber(&mut self, ev: &mut TraceEvent) -> bool {
        if let EventKind::GoroutineExited = ev.kind {
            self.by_goroutine.remove(&ev.goroutine);
            return false;
        }
        let (func, depth, entered) = match &mut ev.kind {
            EventKind::Call { func, depth } => (func, depth, true),
            EventKind::Return { func, depth, .. } | EventKind::Unwound { func, depth } => {
                (func, depth, false)
            }
            _ => return false,
        };
        let shown = self.by_goroutine.entry(ev.goroutine).or_default();
        // Frames at or above the VM's depth of a call (above it for a return,
        // whose depth is the caller's) are gone, reported or not.
        let keep = if entered {
            depth.saturating_sub(1)
        } else {
            *depth
        };
        while shown.last().is_some_and(|&d| d > keep) {
            shown.pop();
        }
        if func.starts_with("runtime.") {
            return true;
        }
        if entered {
            shown.push(*depth);
        }
        *depth = shown.len();
        false
    }
}

/// The trace-format view of one VM event.
pub fn convert(program: &Program, stamp: Stamp, e: Event) -> TraceEvent {
    use EventKind as K;
    let line_of = |span: gomini_lexer::Span| {
        (span != gomini_lexer::Span::default()).then(|| program.lines.line_col(span.start).0)
    };
    let (goroutine, span, kind) = match e {
        Event::Call {
            goroutine,
            func,
            depth,
            span,
        } => (goroutine, Some(span), K::Call { func, depth }),
        Event::Return {
            goroutine,
            func,
            depth,
            results,
            span,
        } => (
            goroutine,
            Some(span),
            K::Return {
                func,
                depth,
                results,
            },
        ),
        Event::DeferPushed {
            goroutine,
            func,
            callee,
            args,
            span,
        } => (goroutine, Some(span), K::DeferPushed { func, callee, args }),
        Event::DeferStarted {
            goroutine,
            func,
            callee,
            panicking,
            results,
            span,
        } => (
            goroutine,
            Some(span),
            K::DeferStarted {
                func,
                callee,
                panicking,
                results: results
                    .into_iter()
                    .map(|r| NamedResult {
                        name: r.name,
                        value: r.value,
                    })
                    .collect(),
            },
        ),
        Event::DeferFinished {
            goroutine,
            func,
            callee,
            span,
        } => (goroutine, Some(span), K::DeferFinished { func, callee }),
        Event::ResultChanged {
            goroutine,
            func,
            name,
            before,
            after,
        } => (
            goroutine,
            None,
            K::ResultChanged {
                func,
                name,
                before,
                after,
            },
        ),
        Event::Panic {
            goroutine,
            value,
            span,
        } => (goroutine, Some(span), K::Panic { value }),
        Event::Recover {
            goroutine,
            value,
            span,
        } => (goroutine, Some(span), K::Recover { value }),
        Event::Unwound {
            goroutine,
            func,
            depth,
        } => (goroutine, None, K::Unwound { func, depth }),
        Event::SchedDecision { what, choice } => (
            0,
            None,
            K::SchedDecision {
                what: what.to_string(),
                choice,
            },
        ),
        Event::GoroutineCreated { goroutine, parent } => {
            (goroutine, None, K::GoroutineCreated { parent })
        }
        Event::GoroutineBlocked { goroutine, reason } => (
            goroutine,
            None,
            K::GoroutineBlocked {
                reason: reason.to_string(),
            },
        ),
        Event::GoroutineWoken {
            goroutine,
            reason,
            by,
        } => (
            goroutine,
            None,
            K::GoroutineWoken {
                reason: reason.to_string(),
                by,
            },
        ),
        Event::Switch {
            from,
            to,
            runnable,
            quantum,
        } => {
            let (from, why, wait) = match from {
                None => (None, "start", None),
                Some((g, why)) => {
                    let (why, wait) = match why {
                        SwitchWhy::Preempted => ("preempted", None),
                        SwitchWhy::Yielded => ("yielded", None),
                        SwitchWhy::Blocked(reason) => ("blocked", Some(reason.to_string())),
                        SwitchWhy::Exited => ("exited", None),
                    };
                    (Some(g), why, wait)
                }
            };
            (
                0,
                None,
                K::Switch {
                    from,
                    why: why.to_string(),
                    wait,
                    to,
                    runnable,
                    quantum,
                },
            )
        }
        Event::GoroutineExited { goroutine } => (goroutine, None, K::GoroutineExited),
        Event::ChanSend {
            goroutine,
            chan,
            value,
            len,
            cap,
            buffer,
        } => (
            goroutine,
            None,
            K::ChanSend {
                chan,
                value,
                len,
                cap,
                buffer,
            },
        ),
        Event::ChanRecv {
            goroutine,
            chan,
            value,
            ok,
            len,
            cap,
            buffer,
        } => (
            goroutine,
            None,
            K::ChanRecv {
                chan,
                value,
                ok,
                len,
                cap,
                buffer,
            },
        ),
        Event::ChanClose { goroutine, chan } => (goroutine, None, K::ChanClose { chan }),
        Event::Lock { goroutine, mutex } => (
            goroutine,
            None,
            K::Lock {
                mutex: mutex as u64,
            },
        ),
        Event::Unlock { goroutine, mutex } => (
            goroutine,
            None,
            K::Unlock {
                mutex: mutex as u64,
            },
        ),
        Event::PanicReplaced {
            goroutine,
            value,
            replaced,
        } => (goroutine, None, K::PanicReplaced { value, replaced }),
    };
    TraceEvent {
        step: stamp.step,
        time_ns: stamp.time_ns,
        goroutine,
        line: span.and_then(line_of),
        kind,
    }
}

impl Trace {
    /// Assembles a trace from what a sink collected.
    pub fn new(
        file: &str,
        source: &str,
        seed: u64,
        exit_code: i32,
        focus: Focus,
        max_events: usize,
        collected: Collected,
    ) -> Trace {
        let truncated = collected.cut;
        Trace {
            version: FORMAT_VERSION,
            file: file.to_string(),
            seed,
            source: source.to_string(),
            exit_code,
            n_emitted: collected.n_emitted,
            max_events,
            truncated,
            focus,
            events: collected.events,
        }
    }

    /// The one-line note renderers print when the trace was cut.
    pub fn truncation_note(&self) -> Option<String> {
        self.truncated.then(|| {
            format!(
                "trace cut after {} events (--max-events {}); the run emitted {} in all",
                self.events.len(),
                self.max_events,
                self.n_emitted
            )
        })
    }
}

#[cfg(test)]
mod tests;
