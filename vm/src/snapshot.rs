//! Defer chains read from the VM's own state, without an event sink: what the
//! REPL's `:defers` shows (a sink on every run would cost every call an event).

use crate::goroutine::Goroutine;
use crate::value::Value;
use crate::Vm;

/// One frame and its pending deferred calls.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FrameDefers {
    /// The function (`main.f`).
    pub func: String,
    /// Pending deferred calls as `callee(args)`, oldest first (they run last first).
    pub defers: Vec<String>,
}

/// The defer chains of the goroutines at one moment: (goroutine id, frames
/// bottom first), by id.
pub type DeferChains = Vec<(u64, Vec<FrameDefers>)>;

/// The chains when a panic started.
#[derive(Clone, Debug)]
pub struct PanicChains {
    /// The goroutine that panicked.
    pub goroutine: u64,
    /// The panic value as Go prints it.
    pub value: String,
    pub chains: DeferChains,
}

impl Vm {
    /// The frames of `g`, bottom first, with their pending deferred calls.
    pub fn frame_defers(&self, g: &Goroutine) -> Vec<FrameDefers> {
        g.frames
            .iter()
            .map(|f| FrameDefers {
                func: f.proto.name.clone(),
                defers: f
                    .defers
                    .iter()
                    .map(|d| {
                        let args: Vec<String> =
                            d.args.iter().map(|a| self.untyped_text(a)).collect();
                        format!("{}({})", self.callee_name(&d.callee), args.join(", "))
                    })
                    .collect(),
            })
            .collect()
    }

    /// The chains of every goroutine: those in the scheduler and `running`
    /// (the one taken out of it to run), by id.
    pub fn defer_chains(&self, running: Option<&Goroutine>) -> DeferChains {
        let mut out: DeferChains = self
            .sched
            .gs
            .iter()
            .flatten()
            .map(|g| &**g)
            .chain(running)
            .filter(|g| !g.frames.is_empty())
            .map(|g| (g.id, self.frame_defers(g)))
            .collect();
        out.sort_by_key(|(id, _)| *id);
        out
    }

    /// Called when `g` starts panicking with `value` (with `Vm::keep_defer_chains` set).
    pub(crate) fn note_panic_chains(&mut self, g: &Goroutine, value: &Value) {
        let value = self.panic_value_text(value);
        let chains = self.defer_chains(Some(g));
        self.panic_chains = Some(PanicChains {
            goroutine: g.id,
            value,
            chains,
        });
    }

    /// Called by `RunDefers` of `main.main` on the main goroutine (with
    /// `Vm::keep_defer_chains` set): keeps the chains as it starts returning.
    #[cold]
    pub(crate) fn note_return_chains(&mut self, g: &Goroutine) {
        self.return_chains = Some(self.defer_chains(Some(g)));
    }
}
