//! Fuzz target: the whole pipeline, as `gomini run` runs a program: parse,
//! type-check, compile, and run under a step budget and small memory,
//! goroutine and output limits (`run_input.rs`). A Rust panic, a hang past the
//! budget or memory past the limits is a bug.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "run_input.rs"]
mod run_input;

#[path = "heap_meter.rs"]
mod heap_meter;

fuzz_target!(|data: &[u8]| {
    let _ = run_input::run_input(data, Some(heap_meter::heap_in_use));
});
