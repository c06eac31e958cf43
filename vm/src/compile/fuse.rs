//! Fusing a captured variable's access with the register step or return next to it (`LoadCaptureReturn`, `AddIntStoreCapture`, `AddIntImmStoreCapture`), a captured int's load with its update (`LoadCaptureAddStore`), and a closure's making with the `go` that starts it (`MakeClosureGo`).
//!
//! A closure that updates and returns a captured counter (`n += d; return n`,
//! programs/bench/closures.go) compiles to `LoadCapture`, `AddInt`,
//! `StoreCapture`, `LoadCapture`, `Return`: five dispatches for two lines,
//! and the dispatch is most of the cost of each. The pairs of
//! `capture_pair` each hold one access to shared memory (the cell) and
//! register-only work, so a data race stays visible, and `n += d; return n`
//! still loads `n` again. `capture_update` joins a cell's load with its
//! store, but runs them in one dispatch only when no preemption point can
//! fall between them and no race detector watches (see there): the
//! scheduler can still switch goroutines between the two wherever it could
//! before.
//!
//! The fused op replaces the *first* instruction of the pair and the second
//! stays where it was, so no offset moves and no jump needs retargeting: a
//! jump to the second instruction runs it alone, as before, and running the
//! fused op is running the pair. The fused op consumes two steps of the
//! preemption budget and stops after its first half when the budget runs
//! out there, so a goroutine is preempted at exactly the instructions it was
//! before, step counts and seeded schedules are unchanged, and a race report
//! or trace event shows the pc of the half that made it.

use crate::op::Op;

/// Rewrites the first instruction of each fusable pair of `code` into its
/// fused op, in one walk over every family of pairs: the capture ops here,
/// compile/fuse_return.rs's named-result ops and compile/fuse_int.rs's
/// register-only int ops. No op is the first of a pair in one family and the
/// second in another, so one walk fuses exactly what a walk per family did.
pub(crate) fn fuse_pairs(code: &mut [Op]) {
    fuse_pairs_with(code, |first, second| {
        capture_pair(first, second)
            .or_else(|| super::fuse_return::store_run_defers_pair(first, second))
            .or_else(|| super::fuse_return::load_return_pair(first, second))
            .or_else(|| super::fuse_int::int_pair(first, second))
            .or_else(|| closure_go_pair(first, second))
    });
    // Judged on the fused ops: the load's partner is an add-and-store pair.
    fuse_pairs_with(code, capture_update);
    capture_update_return(code);
    // Judged on the fused ops too: whether a receiver is overwritten later.
    super::fuse_sync::fuse_struct_calls(code);
}

/// `go func() { ... }()`: the `MakeClosure` of a closure and the `Go` that
/// starts it with no arguments, the closure a temporary in the `Go`'s callee
/// register. The commonest way Go code starts a goroutine (goroutines
/// benchmark: one per goroutine). Runs as one dispatch under the conditions
/// of every fused op here (see `Op::MakeClosureGo`).
pub(crate) fn closure_go_pair(first: Op, second: Op) -> Option<Op> {
    match (first, second) {
        (
            Op::MakeClosure { dst, proto },
            Op::Go {
                callee, n_args: 0, ..
            },
        ) if callee == dst => Some(Op::MakeClosureGo { dst, proto }),
        _ => None,
    }
}

/// A fused captured update (`capture_update`) whose kept add and store are
/// followed by a `LoadCaptureReturn` of the same cell (`n += d; return n`,
/// `n++; return n`: the counter closure) becomes
/// `LoadCaptureAddStoreReturn`/`LoadCaptureAddImmStoreReturn`: the update
/// and that return in one dispatch when the budget covers all five steps and
/// nothing records them (the same conditions as each op's own fast path), so
/// no preemption point falls between them; otherwise the load alone and every
/// kept op runs as itself. The `LoadCaptureReturn` and the ops between stay
/// in place for jumps to them.
pub(crate) fn capture_update_return(code: &mut [Op]) {
    for at in 3..code.len() {
        let Op::LoadCaptureReturn { idx: returned, .. } = code[at] else {
            continue;
        };
        code[at - 3] = match code[at - 3] {
            Op::LoadCaptureAddStore { dst, b, sum, idx } if u16::from(idx) == returned => {
                Op::LoadCaptureAddStoreReturn { dst, b, sum, idx }
            }
            Op::LoadCaptureAddImmStore { dst, imm, sum, idx } if u16::from(idx) == returned => {
                Op::LoadCaptureAddImmStoreReturn { dst, imm, sum, idx }
            }
            other => other,
        };
    }
}

/// Rewrites `code[at - 1]` into `fused(code[at - 1], code[at])` wherever that
/// is `Some`. The second instruction is never rewritten as part of its pair,
/// so each pair is judged on the instructions the compiler emitted.
pub(crate) fn fuse_pairs_with(code: &mut [Op], fused: impl Fn(Op, Op) -> Option<Op>) {
    for at in 1..code.len() {
        if let Some(op) = fused(code[at - 1], code[at]) {
            code[at - 1] = op;
        }
    }
}

/// The fused op of a captured variable's access and the register step or
/// return next to it, if `first` and `second` are such a pair.
pub(crate) fn capture_pair(first: Op, second: Op) -> Option<Op> {
    Some(match (first, second) {
        (Op::LoadCapture { dst, idx }, Op::Return { src, n: 1 }) if src == dst => {
            Op::LoadCaptureReturn { dst, idx }
        }
        (Op::AddInt { dst, a, b }, Op::StoreCapture { idx, src }) if src == dst => {
            let idx = u8::try_from(idx).ok()?;
            Op::AddIntStoreCapture { dst, a, b, idx }
        }
        (Op::AddIntImm { dst, a, imm }, Op::StoreCapture { idx, src }) if src == dst => {
            let idx = u8::try_from(idx).ok()?;
            Op::AddIntImmStoreCapture { dst, a, imm, idx }
        }
        _ => return None,
    })
}

/// `LoadCapture` of a cell fused with the add-and-store of the same cell
/// after it that adds to the loaded value (`n += d`, `n++` of a captured
/// `n`, the body of programs/bench/closures.go's counter):
/// `LoadCaptureAddStore`, `LoadCaptureAddImmStore`.
///
/// Unlike the pairs above this joins two accesses of the cell in one
/// dispatch, so it runs them together only when nothing can come between
/// them: the budget left covers both steps after the load (no preemption
/// point falls between the load and the store, exactly as when they run
/// one by one) and no race detector records them. Otherwise it is the load
/// alone and the kept ops run as themselves, so step counts, preemption
/// points and race reports are unchanged.
pub(crate) fn capture_update(first: Op, second: Op) -> Option<Op> {
    match (first, second) {
        (
            Op::LoadCapture { dst, idx },
            Op::AddIntStoreCapture {
                dst: sum,
                a,
                b,
                idx: stored,
            },
        ) if idx == u16::from(stored) && a == dst => Some(Op::LoadCaptureAddStore {
            dst,
            b,
            sum,
            idx: stored,
        }),
        (
            Op::LoadCapture { dst, idx },
            Op::AddIntImmStoreCapture {
                dst: sum,
                a,
                imm,
                idx: stored,
            },
        ) if idx == u16::from(stored) && a == dst => Some(Op::LoadCaptureAddImmStore {
            dst,
            imm,
            sum,
            idx: stored,
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fuses_the_closures_benchmark_body_and_keeps_every_second_half() {
        let mut code = vec![
            Op::LoadCapture { dst: 2, idx: 0 },
            Op::AddInt { dst: 3, a: 2, b: 0 },
            Op::StoreCapture { idx: 0, src: 3 },
            Op::LoadCapture { dst: 2, idx: 0 },
            Op::Return { src: 2, n: 1 },
        ];
        fuse_pairs_with(&mut code, capture_pair);
        assert_eq!(
            code,
            vec![
                Op::LoadCapture { dst: 2, idx: 0 },
                Op::AddIntStoreCapture {
                    dst: 3,
                    a: 2,
                    b: 0,
                    idx: 0
                },
                Op::StoreCapture { idx: 0, src: 3 },
                Op::LoadCaptureReturn { dst: 2, idx: 0 },
                Op::Return { src: 2, n: 1 },
            ]
        );
    }

    #[test]
    fn fuses_a_captured_update_with_its_load_after_the_pairs() {
        let mut code = vec![
            Op::LoadCapture { dst: 2, idx: 0 },
            Op::AddInt { dst: 3, a: 2, b: 0 },
            Op::StoreCapture { idx: 0, src: 3 },
            Op::LoadCapture { dst: 2, idx: 1 },
            Op::AddIntImm {
                dst: 2,
                a: 2,
                imm: 1,
            },
            Op::StoreCapture { idx: 1, src: 2 },
            // A different cell stored: the load stays plain.
            Op::LoadCapture { dst: 2, idx: 1 },
            Op::AddInt { dst: 3, a: 2, b: 0 },
            Op::StoreCapture { idx: 0, src: 3 },
            // The loaded value not the add's first operand (`n = d + n`): plain too.
            Op::LoadCapture { dst: 2, idx: 0 },
            Op::AddInt { dst: 3, a: 0, b: 2 },
            Op::StoreCapture { idx: 0, src: 3 },
        ];
        fuse_pairs(&mut code);
        assert_eq!(
            code,
            vec![
                Op::LoadCaptureAddStore {
                    dst: 2,
                    b: 0,
                    sum: 3,
                    idx: 0
                },
                Op::AddIntStoreCapture {
                    dst: 3,
                    a: 2,
                    b: 0,
                    idx: 0
                },
                Op::StoreCapture { idx: 0, src: 3 },
                Op::LoadCaptureAddImmStore {
                    dst: 2,
                    imm: 1,
                    sum: 2,
                    idx: 1
                },
                Op::AddIntImmStoreCapture {
                    dst: 2,
                    a: 2,
                    imm: 1,
                    idx: 1
                },
                Op::StoreCapture { idx: 1, src: 2 },
                Op::LoadCapture { dst: 2, idx: 1 },
                Op::AddIntStoreCapture {
                    dst: 3,
                    a: 2,
                    b: 0,
                    idx: 0
                },
                Op::StoreCapture { idx: 0, src: 3 },
                Op::LoadCapture { dst: 2, idx: 0 },
                Op::AddIntStoreCapture {
                    dst: 3,
                    a: 0,
                    b: 2,
                    idx: 0
                },
                Op::StoreCapture { idx: 0, src: 3 },
            ]
        );
    }

    #[test]
    fn fuses_a_captured_update_with_the_return_of_its_cell_three_ops_on() {
        let body = |returned: u16| {
            vec![
                Op::LoadCapture { dst: 2, idx: 0 },
                Op::AddInt { dst: 3, a: 2, b: 0 },
                Op::StoreCapture { idx: 0, src: 3 },
                Op::LoadCapture {
                    dst: 2,
                    idx: returned,
                },
                Op::Return { src: 2, n: 1 },
            ]
        };
        let mut code = body(0);
        fuse_pairs(&mut code);
        assert_eq!(
            code[..4],
            [
                Op::LoadCaptureAddStoreReturn {
                    dst: 2,
                    b: 0,
                    sum: 3,
                    idx: 0
                },
                Op::AddIntStoreCapture {
                    dst: 3,
                    a: 2,
                    b: 0,
                    idx: 0
                },
                Op::StoreCapture { idx: 0, src: 3 },
                Op::LoadCaptureReturn { dst: 2, idx: 0 },
            ]
        );
        // Another cell returned: the update alone.
        let mut code = body(1);
        fuse_pairs(&mut code);
        assert_eq!(
            code[0],
            Op::LoadCaptureAddStore {
                dst: 2,
                b: 0,
                sum: 3,
                idx: 0
            }
        );
        assert_eq!(code[3], Op::LoadCaptureReturn { dst: 2, idx: 1 });
    }

    #[test]
    fn fuses_a_store_only_into_a_cell_whose_index_fits_the_fused_op() {
        let mut code = vec![
            Op::AddIntImm {
                dst: 3,
                a: 3,
                imm: 1,
            },
            Op::StoreCapture { idx: 255, src: 3 },
            Op::AddIntImm {
                dst: 3,
                a: 3,
                imm: 1,
            },
            Op::StoreCapture { idx: 256, src: 3 },
        ];
        fuse_pairs_with(&mut code, capture_pair);
        assert_eq!(
            code[..3],
            [
                Op::AddIntImmStoreCapture {
                    dst: 3,
                    a: 3,
                    imm: 1,
                    idx: 255
                },
                Op::StoreCapture { idx: 255, src: 3 },
                Op::AddIntImm {
                    dst: 3,
                    a: 3,
                    imm: 1
                },
            ]
        );
    }

    #[test]
    fn leaves_pairs_whose_registers_differ() {
        let original = vec![
            Op::AddIntImm {
                dst: 3,
                a: 2,
                imm: 1,
            },
            Op::StoreCapture { idx: 0, src: 2 },
            Op::LoadCapture { dst: 2, idx: 0 },
            Op::Return { src: 1, n: 1 },
            Op::LoadCapture { dst: 1, idx: 0 },
            Op::Return { src: 1, n: 2 },
        ];
        let mut code = original.clone();
        fuse_pairs_with(&mut code, capture_pair);
        assert_eq!(code, original);
    }

    #[test]
    fn fuses_a_closure_started_at_once_without_arguments_and_keeps_its_go() {
        let go = |callee, n_args| Op::Go {
            base: 6,
            callee,
            n_args,
        };
        let mut code = vec![Op::MakeClosure { dst: 5, proto: 2 }, go(5, 0)];
        fuse_pairs(&mut code);
        assert_eq!(code, [Op::MakeClosureGo { dst: 5, proto: 2 }, go(5, 0)]);
        // `go func(x int) { ... }(i)` (arguments evaluated between), or a
        // `go` of another register: left alone.
        for second in [go(5, 1), go(4, 0)] {
            let original = vec![Op::MakeClosure { dst: 5, proto: 2 }, second];
            let mut code = original.clone();
            fuse_pairs(&mut code);
            assert_eq!(code, original);
        }
    }
}
