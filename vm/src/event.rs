//! Observable events (ARCHITECTURE idea 6): the closed set of things a trace, the REPL or the race detector can watch.
//!
//! The VM holds an `Option<Box<dyn EventSink>>`; with none attached, each
//! emission point costs one predictable branch and builds nothing.

use gomini_lexer::Span;

/// Something that happened in the VM. Names are Go's; goroutine ids are Go's (main is 1).
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// A Go function was entered (depth = frames after the push).
    Call {
        goroutine: u64,
        func: String,
        depth: usize,
    },
    /// A Go function returned.
    Return {
        goroutine: u64,
        func: String,
        depth: usize,
    },
    /// `defer` pushed a call on `func`'s chain.
    DeferPushed {
        goroutine: u64,
        func: String,
        span: Span,
    },
    /// A deferred call started, on return (`panicking == false`) or during a panic.
    DeferStarted {
        goroutine: u64,
        func: String,
        panicking: bool,
    },
    /// A deferred call finished.
    DeferFinished {
        goroutine: u64,
        func: String,
    },
    /// A result slot holds a different value after the defers than before them.
    ResultChanged {
        goroutine: u64,
        func: String,
        index: usize,
        before: String,
        after: String,
    },
    /// A panic started with this value (formatted as `panic:` prints it).
    Panic {
        goroutine: u64,
        value: String,
        span: Span,
    },
    /// `recover()` stopped the panic with this value.
    Recover {
        goroutine: u64,
        value: String,
        span: Span,
    },
    /// The runtime made a seeded choice (map iteration start, later scheduling, select).
    SchedDecision {
        what: &'static str,
        choice: u64,
    },
    GoroutineCreated {
        goroutine: u64,
        parent: u64,
    },
    GoroutineBlocked {
        goroutine: u64,
        reason: &'static str,
    },
    GoroutineWoken {
        goroutine: u64,
    },
    GoroutineExited {
        goroutine: u64,
    },
    ChanSend {
        goroutine: u64,
        chan: u64,
    },
    ChanRecv {
        goroutine: u64,
        chan: u64,
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

/// A consumer of events (trace renderers, the REPL, tests).
pub trait EventSink {
    fn event(&mut self, e: Event);
}

/// A sink that keeps every event, for tests and the trace renderers.
#[derive(Debug, Default)]
pub struct Recorder {
    pub events: std::rc::Rc<std::cell::RefCell<Vec<Event>>>,
}

impl EventSink for Recorder {
    fn event(&mut self, e: Event) {
        self.events.borrow_mut().push(e);
    }
}
