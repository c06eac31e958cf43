//! Fusing a function's exit through a named result in a cell: the store before `RunDefers` (`StoreRunDefers`), the load after it with the return (`LoadReturn`).
//!
//! A function whose named result a deferred closure may set keeps that
//! result in a cell, so `return x` after the deferred calls ran is `Load`
//! then `Return` (programs/bench/defers.go: `Load r2 r1`, `Return r2 1`).
//! The pair holds one access to shared memory (the cell) and a return, which
//! only moves a register and pops the frame, so fusing it keeps a data race
//! visible (the brief's preemption rule). As in compile/fuse.rs, the fused
//! op replaces the first instruction, the `Return` stays in place (for jumps
//! to it and for the returns the fused op leaves to it), and running the
//! fused op takes two steps of the preemption budget, so step counts and
//! seeded schedules are unchanged.

use crate::op::Op;

/// `StoreRunDefers`, if `first` is a `Store` right before a `RunDefers`.
/// `return x` in a function with a named result that a deferred closure
/// captures is `Store` of `x` into the result's cell, then `RunDefers`
/// (programs/bench/defers.go). The pair holds one access to shared memory
/// (the cell); `RunDefers` is no access in itself, it starts the deferred
/// calls, each a frame of its own whose instructions are dispatched and
/// counted as before.
pub(crate) fn store_run_defers_pair(first: Op, second: Op) -> Option<Op> {
    match (first, second) {
        (Op::Store { ptr, src }, Op::RunDefers) => Some(Op::StoreRunDefers { ptr, src }),
        _ => None,
    }
}

/// `LoadReturn`, if `first` is a `Load` whose result `second` returns alone.
pub(crate) fn load_return_pair(first: Op, second: Op) -> Option<Op> {
    match (first, second) {
        (Op::Load { dst, ptr }, Op::Return { src, n: 1 }) if src == dst => {
            Some(Op::LoadReturn { dst, ptr })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compile::fuse::fuse_pairs_with;

    #[test]
    fn fuses_the_defers_benchmark_return_of_its_named_result() {
        let mut code = vec![
            Op::Store { ptr: 1, src: 2 },
            Op::RunDefers,
            Op::Load { dst: 2, ptr: 1 },
            Op::Return { src: 2, n: 1 },
        ];
        fuse_pairs_with(&mut code, load_return_pair);
        assert_eq!(
            code,
            vec![
                Op::Store { ptr: 1, src: 2 },
                Op::RunDefers,
                Op::LoadReturn { dst: 2, ptr: 1 },
                Op::Return { src: 2, n: 1 },
            ]
        );
    }

    #[test]
    fn fuses_the_defers_benchmark_store_of_its_named_result() {
        let mut code = vec![
            Op::AndImm {
                dst: 2,
                a: 0,
                imm: 7,
            },
            Op::Store { ptr: 1, src: 2 },
            Op::RunDefers,
            Op::Store { ptr: 1, src: 3 },
            Op::Return { src: 2, n: 1 },
        ];
        fuse_pairs_with(&mut code, store_run_defers_pair);
        assert_eq!(
            code,
            vec![
                Op::AndImm {
                    dst: 2,
                    a: 0,
                    imm: 7
                },
                Op::StoreRunDefers { ptr: 1, src: 2 },
                Op::RunDefers,
                Op::Store { ptr: 1, src: 3 },
                Op::Return { src: 2, n: 1 },
            ]
        );
    }

    #[test]
    fn leaves_loads_that_are_not_the_only_result_returned() {
        let original = vec![
            Op::Load { dst: 2, ptr: 1 },
            Op::Return { src: 3, n: 1 },
            Op::Load { dst: 2, ptr: 1 },
            Op::Return { src: 2, n: 2 },
            Op::Load { dst: 2, ptr: 1 },
            Op::Move { dst: 3, src: 2 },
        ];
        let mut code = original.clone();
        fuse_pairs_with(&mut code, load_return_pair);
        assert_eq!(code, original);
    }
}
