//! The text trace: a timeline for the terminal, one column per goroutine, calls indented by depth.
//!
//! Each line is one event: its step, a lane per goroutine (`●` marks the one the
//! event happened on, `│` the others alive; an exited goroutine's column is
//! blank, or gone at the right end, and the next new goroutine takes the first
//! free one), then what happened, indented by
//! the goroutine's call depth, and the source line. After every change to a
//! frame's defer chain a `defers of F: [...]` line shows the chain, top first.
//! Colour is the caller's choice (ANSI codes only when `color`), since only
//! `repl/` knows whether it writes to a terminal.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::{EventKind, Trace, TraceEvent};

/// Renders `trace` as a timeline.
pub fn render(trace: &Trace, color: bool) -> String {
    let paint = Paint { on: color };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        paint.bold(&format!(
            "gomini trace of {} (seed {}, {} events, focus {})",
            trace.file,
            trace.seed,
            trace.events.len(),
            trace.focus.name()
        ))
    );
    let mut lanes = Lanes::default();
    let mut frames: BTreeMap<u64, Vec<FrameView>> = BTreeMap::new();
    for ev in &trace.events {
        lanes.see(ev);
        let stack = frames.entry(ev.goroutine).or_default();
        // The depth before the event decides the indentation of calls and
        // returns alike, so that `→ f` and `← f` line up.
        let depth = match &ev.kind {
            EventKind::Call { depth, .. } => depth.saturating_sub(1),
            EventKind::Return { depth, .. } | EventKind::Unwound { depth, .. } => *depth,
            _ => stack.len(),
        };
        let what = describe(ev, &paint);
        let mut line = format!("{:>6} {}", ev.step, lanes.prefix(ev.goroutine));
        line.push_str(&"  ".repeat(depth.min(40)));
        line.push_str(&what);
        if let Some(n) = ev.line {
            let width = visible_width(&line);
            line.push_str(&" ".repeat(72usize.saturating_sub(width).max(2)));
            line.push_str(&paint.dim(&format!("line {n}")));
        }
        out.push_str(&line);
        out.push('\n');
        let chain_changed = apply(stack, &ev.kind);
        if let Some(top) = chain_changed.then(|| stack.last()).flatten() {
            let chain: Vec<&str> = top.defers.iter().rev().map(String::as_str).collect();
            let mut note = format!("{:>6} {}", "", lanes.prefix(ev.goroutine));
            note.push_str(&"  ".repeat(depth.min(40)));
            note.push_str(&paint.dim(&format!("  defers of {}: [{}]", top.func, chain.join(", "))));
            out.push_str(&note);
            out.push('\n');
        }
        if matches!(ev.kind, EventKind::GoroutineExited) {
            lanes.exit(ev.goroutine);
        }
    }
    match trace.truncation_note() {
        Some(note) => {
            let _ = writeln!(out, "{}", paint.red(&format!("... {note}")));
        }
        None => {
            let _ = writeln!(out, "exit code {}", trace.exit_code);
        }
    }
    out
}

/// One frame as the text view tracks it.
struct FrameView {
    func: String,
    /// Pending deferred calls, oldest first, as `callee(args)`.
    defers: Vec<String>,
}

/// Updates a goroutine's frames for `kind`; true when the top frame's defer chain changed.
fn apply(stack: &mut Vec<FrameView>, kind: &EventKind) -> bool {
    match kind {
        EventKind::Call { func, .. } => {
            stack.push(FrameView {
                func: func.clone(),
                defers: Vec::new(),
            });
            false
        }
        EventKind::Return { .. } | EventKind::Unwound { .. } => {
            stack.pop();
            false
        }
        EventKind::DeferPushed { callee, args, .. } => match stack.last_mut() {
            Some(top) => {
                top.defers.push(format!("{callee}({})", args.join(", ")));
                true
            }
            None => false,
        },
        EventKind::DeferStarted { .. } => match stack.last_mut() {
            Some(top) => top.defers.pop().is_some(),
            None => false,
        },
        _ => false,
    }
}

/// What one event says, in words.
fn describe(ev: &TraceEvent, paint: &Paint) -> String {
    match &ev.kind {
        EventKind::Call { func, .. } => format!("→ {func}"),
        EventKind::Return { func, results, .. } => {
            if results.is_empty() {
                format!("← {func}")
            } else {
                format!("← {func} returns {}", results.join(", "))
            }
        }
        EventKind::DeferPushed { callee, args, .. } => {
            paint.yellow(&format!("defer {callee}({}) pushed", args.join(", ")))
        }
        EventKind::DeferStarted {
            callee,
            panicking,
            results,
            ..
        } => {
            let mut why = if *panicking {
                "panicking".to_string()
            } else {
                "on return".to_string()
            };
            for r in results {
                let _ = write!(why, ", {} = {}", r.name, r.value);
            }
            paint.yellow(&format!("deferred {callee} runs ({why})"))
        }
        EventKind::DeferFinished { callee, .. } => paint.yellow(&format!("deferred {callee} done")),
        EventKind::ResultChanged {
            name,
            before,
            after,
            ..
        } => paint.magenta(&format!(
            "{name}: {before} → {after} (changed by the deferred call)"
        )),
        EventKind::Panic { value } => paint.red(&format!("panic: {value}")),
        EventKind::PanicReplaced { value, replaced } => paint.red(&format!(
            "panic: {value} replaces panic: {replaced} (its deferred call is cut short)"
        )),
        EventKind::Recover { value } => {
            paint.green(&format!("recover() = {value}: the panic stops"))
        }
        EventKind::Unwound { func, .. } => paint.red(&format!("↑ {func} unwound by the panic")),
        EventKind::SchedDecision { what, choice } => {
            paint.cyan(&format!("scheduler: {what} = {choice}"))
        }
        EventKind::GoroutineCreated { parent } => paint.cyan(&format!(
            "goroutine {} created by goroutine {parent}",
            ev.goroutine
        )),
        EventKind::GoroutineBlocked { reason } => paint.cyan(&format!("blocked ({reason})")),
        EventKind::GoroutineWoken { .. } => {
            paint.cyan(&super::woken_text(&ev.kind).unwrap_or_default())
        }
        EventKind::Switch { .. } => paint.cyan(&format!(
            "scheduler: {}",
            super::switch_text(&ev.kind).unwrap_or_default()
        )),
        EventKind::GoroutineExited => paint.cyan("exited"),
        EventKind::ChanSend { .. } | EventKind::ChanRecv { .. } => {
            paint.cyan(&super::chan_text(&ev.kind).unwrap_or_default())
        }
        EventKind::ChanClose { chan } => paint.cyan(&format!("close chan #{chan}")),
        EventKind::Lock { mutex } => paint.cyan(&format!("lock mutex #{mutex}")),
        EventKind::Unlock { mutex } => paint.cyan(&format!("unlock mutex #{mutex}")),
    }
}

/// The goroutine columns: one per goroutine, in order of first appearance.
#[derive(Default)]
struct Lanes {
    /// (goroutine, still alive).
    lanes: Vec<(u64, bool)>,
}

impl Lanes {
    fn see(&mut self, ev: &TraceEvent) {
        // The scheduler (goroutine 0) gets no lane: it runs between goroutines.
        if ev.goroutine == 0 || self.lanes.iter().any(|(g, _)| *g == ev.goroutine) {
            return;
        }
        // A new goroutine takes the first column an exited one freed.
        match self.lanes.iter_mut().find(|(_, alive)| !alive) {
            Some(lane) => *lane = (ev.goroutine, true),
            None => self.lanes.push((ev.goroutine, true)),
        }
    }

    /// Frees `goroutine`'s column. Freed columns at the right end are
    /// dropped, so that the blanks after the last column are only ever the
    /// call depth's indentation.
    fn exit(&mut self, goroutine: u64) {
        if let Some(lane) = self.lanes.iter_mut().find(|(g, _)| *g == goroutine) {
            lane.1 = false;
        }
        while self.lanes.last().is_some_and(|(_, alive)| !alive) {
            self.lanes.pop();
        }
    }

    /// `g1 ● │ ` style prefix: the event's goroutine and every lane.
    fn prefix(&self, goroutine: u64) -> String {
        let mut s = if goroutine == 0 {
            "sched ".to_string()
        } else {
            format!("g{goroutine:<4} ")
        };
        for (g, alive) in &self.lanes {
            s.push_str(if *g == goroutine {
                "● "
            } else if *alive {
                "│ "
            } else {
                "  "
            });
        }
        s
    }
}

/// Characters a terminal shows for `s`, ANSI escapes left out.
fn visible_width(s: &str) -> usize {
    let mut n = 0;
    let mut in_escape = false;
    for c in s.chars() {
        match (in_escape, c) {
            (false, '\x1b') => in_escape = true,
            (true, 'm') => in_escape = false,
            (true, _) => {}
            (false, _) => n += 1,
        }
    }
    n
}

/// ANSI colours when `on`, plain text otherwise.
struct Paint {
    on: bool,
}

impl Paint {
    fn wrap(&self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn bold(&self, s: &str) -> String {
        self.wrap("1", s)
    }
    fn dim(&self, s: &str) -> String {
        self.wrap("2", s)
    }
    fn red(&self, s: &str) -> String {
        self.wrap("1;31", s)
    }
    fn green(&self, s: &str) -> String {
        self.wrap("32", s)
    }
    fn yellow(&self, s: &str) -> String {
        self.wrap("33", s)
    }
    fn magenta(&self, s: &str) -> String {
        self.wrap("1;35", s)
    }
    fn cyan(&self, s: &str) -> String {
        self.wrap("36", s)
    }
}
