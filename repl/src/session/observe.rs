//! What the REPL watches while an entry runs: the defer chains (for `:defers`),
//! the trace (for `:trace on`), and the goroutines left when it ends (for `:goroutines`).
//!
//! One event sink is attached to every run. It keeps, per goroutine, the stack
//! of Go frames and each frame's pending deferred calls, rebuilt from the
//! `Call`/`Return`/`DeferPushed`/`DeferStarted`/`Unwound` events, and takes a
//! snapshot of all of them when a panic starts and when the entry's own frame
//! (`main.main`) begins to return. With `:trace on` the same events also go to
//! the trace sink of `gomini trace`.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use gomini_vm::event::{Event, EventSink, Stamp};
use gomini_vm::trace::TraceSink;

/// One Go frame as the events show it.
#[derive(Clone, Debug)]
pub struct FrameView {
    pub func: String,
    /// Pending deferred calls, oldest first (they run last first).
    pub defers: Vec<String>,
}

/// The defer chains of every goroutine at one moment.
#[derive(Clone, Debug, Default)]
pub struct DeferSnapshot {
    /// What the moment was: `at the panic: ...` or `when the entry returned`.
    pub when: String,
    pub goroutines: BTreeMap<u64, Vec<FrameView>>,
}

/// What the sink learned, shared with the session.
#[derive(Debug, Default)]
pub struct Observed {
    stacks: BTreeMap<u64, Vec<FrameView>>,
    /// The last panic's snapshot, if the entry panicked.
    pub at_panic: Option<DeferSnapshot>,
    /// The snapshot when the entry's function began to return.
    pub at_return: Option<DeferSnapshot>,
}

/// The sink attached to each entry's run.
pub struct ReplSink {
    pub observed: Rc<RefCell<Observed>>,
    pub trace: Option<TraceSink>,
}

impl EventSink for ReplSink {
    fn event(&mut self, stamp: Stamp, e: Event) {
        self.observed.borrow_mut().see(&e);
        if let Some(trace) = &mut self.trace {
            trace.event(stamp, e);
        }
    }
}

/// The entry's own function in the generated program.
const ENTRY_FUNC: &str = "main.main";

impl Observed {
    fn see(&mut self, e: &Event) {
        match e {
            Event::Call {
                goroutine,
                func,
                depth,
                ..
            } => {
                let stack = self.stacks.entry(*goroutine).or_default();
                stack.truncate(depth.saturating_sub(1));
                stack.push(FrameView {
                    func: func.clone(),
                    defers: Vec::new(),
                });
            }
            Event::Return {
                goroutine,
                func,
                depth,
                ..
            } => {
                if func == ENTRY_FUNC && self.at_return.is_none() {
                    self.at_return = Some(self.snapshot("when the entry returned"));
                }
                if let Some(stack) = self.stacks.get_mut(goroutine) {
                    stack.truncate(*depth);
                }
            }
            Event::Unwound {
                goroutine, depth, ..
            } => {
                if let Some(stack) = self.stacks.get_mut(goroutine) {
                    stack.truncate(*depth);
                }
            }
            Event::DeferPushed {
                goroutine,
                callee,
                args,
                ..
            } => {
                if let Some(top) = self.stacks.get_mut(goroutine).and_then(|s| s.last_mut()) {
                    top.defers.push(format!("{callee}({})", args.join(", ")));
                }
            }
            Event::DeferStarted {
                goroutine,
                func,
                panicking,
                ..
            } => {
                if func == ENTRY_FUNC && !panicking && self.at_return.is_none() {
                    self.at_return = Some(self.snapshot("when the entry returned"));
                }
                if let Some(frame) = self
                    .stacks
                    .get_mut(goroutine)
                    .and_then(|s| s.iter_mut().rev().find(|f| &f.func == func))
                {
                    frame.defers.pop();
                }
            }
            Event::Panic {
                goroutine, value, ..
            } => {
                self.at_panic =
                    Some(self.snapshot(&format!("at the panic in goroutine {goroutine}: {value}")));
            }
            Event::GoroutineExited { goroutine } => {
                self.stacks.remove(goroutine);
            }
            _ => {}
        }
    }

    fn snapshot(&self, when: &str) -> DeferSnapshot {
        DeferSnapshot {
            when: when.to_string(),
            goroutines: self.stacks.clone(),
        }
    }
}

/// `:defers`: the snapshot as text.
pub fn render_defers(snap: &DeferSnapshot) -> String {
    let mut out = format!("defer chains {}:\n", snap.when);
    let mut any = false;
    for (g, frames) in &snap.goroutines {
        // The synthesized entry frame never defers; hide it.
        let frames: Vec<&FrameView> = frames.iter().filter(|f| f.func != "runtime.main").collect();
        if frames.is_empty() {
            continue;
        }
        any = true;
        out.push_str(&format!("goroutine {g}:\n"));
        for f in frames.iter().rev() {
            let chain: Vec<&str> = f.defers.iter().rev().map(String::as_str).collect();
            if chain.is_empty() {
                out.push_str(&format!("  {}: no deferred calls\n", f.func));
            } else {
                out.push_str(&format!(
                    "  {}: {} (runs first to last)\n",
                    f.func,
                    chain.join(", ")
                ));
            }
        }
    }
    if !any {
        out.push_str("  (no frames)\n");
    }
    out
}
