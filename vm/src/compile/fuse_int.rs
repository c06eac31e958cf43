//! Fusing two register-only int instructions into one dispatch (`ShrIntImmXor`, `AddIntLoopLtImm`, `AddIntReturn`, `AddIntImmCall`).
//!
//! A tight integer loop spends most of each instruction on the dispatch head
//! and the preemption check, not on the arithmetic: programs/bench/loop.go's
//! body `sum += i ^ (i >> 3)` is `ShrIntImm`, `Xor`, `AddInt`, `LoopLtImm`,
//! four dispatches for three machine operations and a compare. The pairs
//! fused here are
//! - a `ShrIntImm` followed by an `Xor` (`x ^ (x >> k)`, `x ^= x >> k`: the
//!   bit-mixing step of xorshift generators and hashes), and
//! - an `AddInt` followed by the `LoopLtImm` back-edge (`acc += x` as the
//!   last statement of a counted `for i := 0; i < n; i++` loop; with a
//!   constant `n`, the `LoopIncLtConst` back-edge: `AddIntLoopIncLtConst`), and
//! - an `AddInt` followed by the `Return` of its sum alone (`return a + b`,
//!   programs/bench/fib.go: the fused op takes the `Return`'s common path,
//!   a pop to a Go caller with no event to emit, and otherwise leaves the
//!   kept `Return` to run as itself), and
//! - an `AddIntImm` followed by a `Call` (an argument computed as `x + k`:
//!   `f(n-1)`, `visit(i+1)`; fib.go makes two such calls per call). The
//!   call half is the `Call` arm's own code (one arm serves both), so it
//!   pushes the frame, emits the call event and checks the stack exactly as
//!   the kept `Call` would.
//!
//! Both halves only read and write registers (the goroutine's own; a
//! return moves a register and pops the frame, a call pushes one), so the brief's preemption
//! rule allows the fusion. As in compile/fuse.rs, the
//! fused op replaces the *first* instruction and the second stays where it
//! was: no offset moves, a jump to the second instruction runs it alone, and
//! the fused op reads the second half's operands from that kept instruction
//! (which keeps the fused op within `Op`'s eight bytes). The fused op does
//! exactly what the first instruction did, then what the second did, in
//! order, so no condition on the registers they share is needed. It takes
//! two steps of the preemption budget and stops after its first half when
//! the budget runs out there, so step counts, preemption points and seeded
//! schedules are unchanged.

use crate::op::Op;

/// The fused op of a register-only int pair, if `first` and `second` are one.
pub(crate) fn int_pair(first: Op, second: Op) -> Option<Op> {
    match (first, second) {
        (Op::ShrIntImm { dst, a, n }, Op::Xor { .. }) => Some(Op::ShrIntImmXor { dst, a, n }),
        (Op::AddInt { dst, a, b }, Op::LoopLtImm { .. }) => Some(Op::AddIntLoopLtImm { dst, a, b }),
        (Op::AddInt { dst, a, b }, Op::LoopIncLtConst { .. }) => {
            Some(Op::AddIntLoopIncLtConst { dst, a, b })
        }
        (Op::AddInt { dst, a, b }, Op::Return { src, n: 1 }) if src == dst => {
            Some(Op::AddIntReturn { dst, a, b })
        }
        (Op::AddIntImm { dst, a, imm }, Op::Call { .. }) => Some(Op::AddIntImmCall { dst, a, imm }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compile::fuse::fuse_pairs_with;

    #[test]
    fn fuses_the_loop_benchmark_body_and_keeps_every_second_half() {
        let back_edge = Op::LoopLtImm {
            r: 1,
            limit: 2,
            step: 1,
            back: 4,
        };
        let mut code = vec![
            Op::ShrIntImm { dst: 4, a: 1, n: 3 },
            Op::Xor { dst: 3, a: 1, b: 4 },
            Op::AddInt { dst: 0, a: 0, b: 3 },
            back_edge,
        ];
        fuse_pairs_with(&mut code, int_pair);
        assert_eq!(
            code,
            vec![
                Op::ShrIntImmXor { dst: 4, a: 1, n: 3 },
                Op::Xor { dst: 3, a: 1, b: 4 },
                Op::AddIntLoopLtImm { dst: 0, a: 0, b: 3 },
                back_edge,
            ]
        );
    }

    #[test]
    fn fuses_the_fib_benchmark_return_of_a_sum() {
        let mut code = vec![
            Op::AddInt { dst: 0, a: 3, b: 4 },
            Op::Return { src: 0, n: 1 },
        ];
        fuse_pairs_with(&mut code, int_pair);
        assert_eq!(
            code,
            vec![
                Op::AddIntReturn { dst: 0, a: 3, b: 4 },
                Op::Return { src: 0, n: 1 },
            ]
        );
    }

    #[test]
    fn fuses_an_argument_plus_a_constant_with_the_call_after_it() {
        let call = Op::Call { base: 3, func: 2 };
        let mut code = vec![
            Op::AddIntImm {
                dst: 3,
                a: 0,
                imm: -1,
            },
            call,
            Op::AddIntImm {
                dst: 4,
                a: 0,
                imm: -2,
            },
            call,
        ];
        fuse_pairs_with(&mut code, int_pair);
        assert_eq!(
            code,
            vec![
                Op::AddIntImmCall {
                    dst: 3,
                    a: 0,
                    imm: -1
                },
                call,
                Op::AddIntImmCall {
                    dst: 4,
                    a: 0,
                    imm: -2
                },
                call,
            ]
        );
    }

    #[test]
    fn leaves_pairs_whose_second_half_is_another_op() {
        let original = vec![
            Op::ShrIntImm { dst: 4, a: 1, n: 3 },
            Op::Or { dst: 3, a: 1, b: 4 },
            Op::AddInt { dst: 0, a: 0, b: 3 },
            Op::LoopLeImm {
                r: 1,
                limit: 2,
                step: 1,
                back: 4,
            },
            Op::AddInt { dst: 0, a: 0, b: 3 },
            Op::Return { src: 1, n: 1 },
            Op::AddInt { dst: 0, a: 0, b: 3 },
            Op::Return { src: 0, n: 2 },
            Op::AddIntImm {
                dst: 3,
                a: 0,
                imm: 1,
            },
            Op::CallValue { base: 3, callee: 1 },
        ];
        let mut code = original.clone();
        fuse_pairs_with(&mut code, int_pair);
        assert_eq!(code, original);
    }
}
