//! What the REPL shows of an entry's run besides its output: the defer chains
//! (for `:defers`), from the VM's own state.
//!
//! The VM keeps the defer chains of every goroutine when a panic starts and
//! when the entry's own frame (`main.main`) begins to run its deferred calls
//! (`Vm::keep_defer_chains`, vm/src/snapshot.rs). No event sink is needed, so
//! an entry runs as fast as `run` runs it; `:trace on` attaches the trace
//! sink of `gomini trace` for the entries that follow.

use std::collections::BTreeMap;

use gomini_vm::snapshot::{DeferChains, FrameDefers, PanicChains};

/// The defer chains of every goroutine at one moment.
#[derive(Clone, Debug, Default)]
pub struct DeferSnapshot {
    /// What the moment was: `at the panic: ...` or `when the entry returned`.
    pub when: String,
    /// Each goroutine's frames, bottom first.
    pub goroutines: BTreeMap<u64, Vec<FrameDefers>>,
}

/// What the last entry's run left for `:defers`.
#[derive(Debug, Default)]
pub struct Observed {
    /// The last panic's snapshot, if the entry panicked.
    pub at_panic: Option<DeferSnapshot>,
    /// The snapshot when the entry's function began to return.
    pub at_return: Option<DeferSnapshot>,
}

/// The entry's own function in the generated program.
const ENTRY_FUNC: &str = "main.main";

/// The snapshot of the VM's chains at a panic.
pub fn at_panic(p: PanicChains) -> DeferSnapshot {
    DeferSnapshot {
        when: format!("at the panic in goroutine {}: {}", p.goroutine, p.value),
        goroutines: p.chains.into_iter().collect(),
    }
}

/// The snapshot when the entry returned: the VM's, taken when `main.main`
/// began to run its deferred calls, or, when it had none, the chains `after`
/// the run with the entry's frame (no deferred calls) as the main goroutine.
pub fn at_return(at_defers: Option<DeferChains>, after: DeferChains) -> DeferSnapshot {
    let goroutines = match at_defers {
        Some(chains) => chains.into_iter().collect(),
        None => {
            let mut all: BTreeMap<u64, Vec<FrameDefers>> = after.into_iter().collect();
            all.insert(
                1,
                vec![FrameDefers {
                    func: ENTRY_FUNC.to_string(),
                    defers: Vec::new(),
                }],
            );
            all
        }
    };
    DeferSnapshot {
        when: "when the entry returned".to_string(),
        goroutines,
    }
}

/// `:defers`: the snapshot as text.
pub fn render_defers(snap: &DeferSnapshot) -> String {
    let mut out = format!("defer chains {}:\n", snap.when);
    let mut any = false;
    for (g, frames) in &snap.goroutines {
        // The synthesized entry frame never defers; hide it.
        let frames: Vec<&FrameDefers> = frames
            .iter()
            .filter(|f| !f.func.starts_with("runtime."))
            .collect();
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
