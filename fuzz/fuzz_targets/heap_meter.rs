//! The heap meter of the `run` and `run_race` targets: counts the heap, as
//! the `gomini` binary does, so that `max_memory` sees growth.

#[global_allocator]
static ALLOC: cap::Cap<std::alloc::System> = cap::Cap::new(std::alloc::System, usize::MAX);

pub fn heap_in_use() -> u64 {
    ALLOC.allocated() as u64
}
