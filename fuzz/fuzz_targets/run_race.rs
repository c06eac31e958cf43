//! Fuzz target: the whole pipeline with the race detector on, as
//! `gomini run --race` runs a program (`run_input.rs`, the `run` target's
//! limits). A Rust panic, a hang past the budget or memory past the limits
//! is a bug. Seeded from the `run` corpus and the race corpus (seed-corpora.sh).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "run_input.rs"]
mod run_input;

#[path = "heap_meter.rs"]
mod heap_meter;

fuzz_target!(|data: &[u8]| {
    let _ = run_input::run_input_with(data, Some(heap_meter::heap_in_use), true);
});
