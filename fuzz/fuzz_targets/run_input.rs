//! The body of the `run` fuzz target, shared with its corpus replay in
//! `vm/tests/fuzz_replay.rs`: parse, check, compile, then run under small
//! limits, so that every input ends (a step budget) in bounded memory.

use gomini_vm::goroutine::Stop;
use gomini_vm::limits::Limits;

/// Instructions one input may run: enough for the corpus programs' loops, few
/// enough that an input that never ends costs milliseconds.
pub const MAX_STEPS: u64 = 200_000;

/// Runs `data` as a Go program, as `gomini run` does, with small limits.
/// Returns how the run ended (`None` when it did not compile).
#[allow(dead_code)] // the `run_race` target calls `run_input_with` only
pub fn run_input(data: &[u8], heap_meter: Option<fn() -> u64>) -> Option<Stop> {
    run_input_with(data, heap_meter, false)
}

/// `run_input`, with the race detector on when `race` (`gomini run --race`).
pub fn run_input_with(data: &[u8], heap_meter: Option<fn() -> u64>, race: bool) -> Option<Stop> {
    let (text, tree, diagnostics) = gomini_parser::parse_bytes(data);
    let (Some(tree), true) = (tree, diagnostics.is_empty()) else {
        return None;
    };
    let (Some(program), diags) = gomini_vm::check::check(&tree) else {
        return None;
    };
    if !diags.is_empty() {
        return None;
    }
    let opts = gomini_vm::compile::Options::default();
    let compiled = gomini_vm::compile::compile(&program, &opts, "fuzz.go", &text).ok()?;
    let mut vm = gomini_vm::Vm::new(compiled, 1);
    vm.set_limits(Limits {
        max_steps: Some(MAX_STEPS),
        max_memory: Some(64 << 20),
        max_goroutines: Some(1000),
        max_output: Some(1 << 16),
        heap_meter,
        memory_ceiling: Some(512 << 20),
        ..Limits::default()
    });
    if race {
        vm.enable_race();
    }
    Some(vm.run_main())
}
