//! Fusing a method call on a struct's address with the load of the struct: `mu.Lock()`, `wg.Add(1)` and `defer wg.Done()` on a captured or boxed Mutex or WaitGroup.
//!
//! Go code that shares a Mutex or a WaitGroup with its goroutines captures
//! it in a closure, so every call on it is `(&mu).Lock()` of a struct in a
//! cell. That compiles to a load of the struct into a register (its
//! reference count up, the register's old value dropped), `AddrAgg` turning
//! it into a pointer, and the call taking the pointer apart again: three or
//! four dispatches for one call (programs/bench/goroutines.go: three such
//! calls and one such `defer` per goroutine).
//!
//! As compile/fuse.rs's fused ops, the fused op replaces the *first*
//! instruction of the sequence and the others stay where they were, so no
//! offset moves and a jump into the sequence runs the rest as before. The
//! fused op runs the whole sequence in one dispatch only when the budget
//! covers all its steps (which it charges), nothing observes them (no race
//! detector, no trace) and every step would have taken its common path;
//! otherwise it runs its own first instruction and the kept ops run as
//! themselves, so preemption points, step counts, seeded schedules, panics
//! and fatal errors are exactly as unfused.
//!
//! The load's register (the call's receiver, a temporary) is written only
//! when something may read it: the goroutine parks (its `CallSync` runs
//! again when woken) or `dead_from` cannot show that the instructions after
//! the call overwrite it (or leave the frame) before reading it.

use crate::op::{Op, Reg, SyncCall};
use crate::program::{Capture, FuncProto};

/// How far `dead_from` looks for the overwrite of a register.
const DEAD_SCAN: usize = 8;

/// Rewrites the first instruction of each sequence of `code` that loads a
/// struct and calls a sync method or defers a call on its address.
pub(crate) fn fuse_struct_calls(code: &mut [Op]) {
    for at in 0..code.len() {
        if let Some(op) = sync_call(&code[at..]).or_else(|| capture_defer(&code[at..])) {
            code[at] = op;
        }
    }
}

/// `code` starting with `LoadCapture`/`Load` of a struct into `dst`,
/// `AddrAgg { dst, agg: dst }`, for `Add` a `LoadInt { dst: dst + 1, .. }`
/// of a small delta, and `CallSync { base: dst, .. }`: its fused head.
fn sync_call(code: &[Op]) -> Option<Op> {
    let (dst, source) = match *code.first()? {
        Op::LoadCapture { dst, idx } => (dst, Source::Capture(idx)),
        Op::Load { dst, ptr } if ptr != dst => (dst, Source::Ptr(ptr)),
        _ => return None,
    };
    if *code.get(1)? != (Op::AddrAgg { dst, agg: dst }) {
        return None;
    }
    let (call, delta, after) = match (code.get(2), code.get(3)) {
        (Some(&Op::CallSync { base, call, .. }), _)
            if base == dst && call != SyncCall::WaitGroupAdd =>
        {
            (call, 0, 3)
        }
        (
            Some(&Op::LoadInt { dst: d, val }),
            Some(&Op::CallSync {
                base,
                call: SyncCall::WaitGroupAdd,
                ..
            }),
        ) if base == dst && Some(d) == dst.checked_add(1) => {
            (SyncCall::WaitGroupAdd, i8::try_from(val).ok()?, 4)
        }
        _ => return None,
    };
    let keep = !dead_from(code.get(after..)?, dst, &|_, _| true);
    Some(match source {
        Source::Capture(idx) => Op::LoadCaptureCallSync {
            dst,
            idx,
            call,
            delta,
            keep,
        },
        Source::Ptr(ptr) => Op::LoadCallSync {
            dst,
            ptr,
            call,
            delta,
            keep,
        },
    })
}

/// Once every function is compiled: a fused sync call that keeps its
/// receiver register only because a `MakeClosure` comes next (which reads
/// the registers of the locals it captures, unknown while the function was
/// finished) no longer keeps it when that closure does not capture it. The
/// `wg.Add(1)` before `go func() { ... }()` then leaves no pointer in the
/// register for `MakeClosure` to drop (goroutines benchmark).
pub(crate) fn unkeep_before_closures(protos: &mut [Option<FuncProto>]) {
    let captures = |idx: u32| -> Option<&[Capture]> {
        Some(protos.get(idx as usize)?.as_ref()?.captures.as_slice())
    };
    let closure_reads =
        |proto: u32, r: Reg| captures(proto).is_none_or(|caps| caps.contains(&Capture::Local(r)));
    let mut dead = Vec::new();
    for (idx, proto) in protos.iter().enumerate() {
        let Some(proto) = proto else { continue };
        for (at, op) in proto.code.iter().enumerate() {
            let (dst, call, keep) = match *op {
                Op::LoadCaptureCallSync {
                    dst, call, keep, ..
                }
                | Op::LoadCallSync {
                    dst, call, keep, ..
                } => (dst, call, keep),
                _ => continue,
            };
            let after = at + 1 + usize::from(call.fused_tail());
            if keep && dead_from(proto.code.get(after..).unwrap_or(&[]), dst, &closure_reads) {
                dead.push((idx, at));
            }
        }
    }
    for (idx, at) in dead {
        if let Some(Some(proto)) = protos.get_mut(idx) {
            match &mut proto.code[at] {
                Op::LoadCaptureCallSync { keep, .. } | Op::LoadCallSync { keep, .. } => {
                    *keep = false
                }
                _ => {}
            }
        }
    }
}

/// Where `sync_call`'s struct is loaded from.
enum Source {
    Capture(u16),
    Ptr(Reg),
}

/// `code` starting with `LoadFunc { dst: callee, func }`, `LoadCapture {
/// dst: base, idx }` of a struct, `AddrAgg { dst: base, agg: base }` and
/// `Defer { base, callee, n_args: 1 }`: `LoadFuncDeferCapture`.
fn capture_defer(code: &[Op]) -> Option<Op> {
    match *code.get(..4)? {
        [Op::LoadFunc { dst: callee, func }, Op::LoadCapture { dst: base, idx }, Op::AddrAgg { dst, agg }, Op::Defer {
            base: deferred,
            callee: deferred_callee,
            n_args: 1,
        }] if callee != base
            && dst == base
            && agg == base
            && deferred == base
            && deferred_callee == callee =>
        {
            Some(Op::LoadFuncDeferCapture {
                callee,
                base,
                func: u16::try_from(func).ok()?,
                idx: u8::try_from(idx).ok()?,
            })
        }
        _ => None,
    }
}

/// Whether register `r` is dead at the start of `code`: overwritten before
/// it is read, or the frame returns without it, within `DEAD_SCAN`
/// instructions that neither jump nor call. Anything else (an instruction
/// that reads it, jumps, may read registers it does not name) says no.
/// `closure_reads(proto, r)` says whether a `MakeClosure` of `proto` reads
/// register `r` (captures it): only once every function is compiled can
/// `unkeep_before_closures` answer it; before, it must say yes.
fn dead_from(code: &[Op], r: Reg, closure_reads: &dyn Fn(u32, Reg) -> bool) -> bool {
    for op in code.iter().take(DEAD_SCAN) {
        match *op {
            // Reads its captured locals' registers, then writes `dst`.
            Op::MakeClosure { dst, proto } | Op::MakeClosureGo { dst, proto } => {
                if closure_reads(proto, r) {
                    return false;
                }
                if dst == r {
                    return true;
                }
            }
            // Written first. A fused op's first half is the plain op named
            // first in its name (a load): its register is written before
            // the kept ops after it read anything.
            Op::LoadInt { dst, .. }
            | Op::LoadConst { dst, .. }
            | Op::LoadNil { dst }
            | Op::LoadBool { dst, .. }
            | Op::LoadFunc { dst, .. }
            | Op::LoadGlobal { dst, .. }
            | Op::LoadGlobalCell { dst, .. }
            | Op::LoadCapture { dst, .. }
            | Op::LoadCaptureReturn { dst, .. }
            | Op::LoadCaptureAddStore { dst, .. }
            | Op::LoadCaptureAddImmStore { dst, .. }
            | Op::LoadCaptureAddStoreReturn { dst, .. }
            | Op::LoadCaptureAddImmStoreReturn { dst, .. }
            | Op::LoadCaptureCallSync { dst, .. }
            | Op::CaptureRef { dst, .. }
                if dst == r =>
            {
                return true
            }
            Op::LoadFuncDeferCapture { callee: dst, .. } if dst == r => return true,
            Op::Move { dst, src }
            | Op::Load { dst, ptr: src }
            | Op::LoadCallSync { dst, ptr: src, .. }
                if dst == r =>
            {
                return src != r
            }
            // The frame ends, its results elsewhere.
            Op::Return { src, n } => return !(src..src.saturating_add(n)).contains(&r),
            // Deferred calls run in frames of their own, above this one's
            // registers; `RunDefers` then falls through.
            Op::Nop | Op::RunDefers => {}
            // A register-only step or a load that does not name `r`.
            Op::LoadInt { .. }
            | Op::LoadConst { .. }
            | Op::LoadNil { .. }
            | Op::LoadBool { .. }
            | Op::LoadFunc { .. }
            | Op::LoadCapture { .. } => {}
            _ => return false,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOCK: Op = Op::CallSync {
        base: 0,
        native: 3,
        call: SyncCall::MutexLock,
    };

    /// The goroutine of programs/bench/goroutines.go (`defer wg.Done()`,
    /// `mu.Lock()`, `counter++`, `mu.Unlock()`) as the compiler emits it.
    fn goroutine_body() -> Vec<Op> {
        vec![
            Op::LoadFunc { dst: 0, func: 3 },
            Op::LoadCapture { dst: 1, idx: 0 },
            Op::AddrAgg { dst: 1, agg: 1 },
            Op::Defer {
                base: 1,
                callee: 0,
                n_args: 1,
            },
            Op::LoadCapture { dst: 0, idx: 1 },
            Op::AddrAgg { dst: 0, agg: 0 },
            LOCK,
            Op::LoadCapture { dst: 0, idx: 2 },
            Op::AddIntImm {
                dst: 1,
                a: 0,
                imm: 1,
            },
            Op::StoreCapture { idx: 2, src: 1 },
            Op::LoadCapture { dst: 0, idx: 1 },
            Op::AddrAgg { dst: 0, agg: 0 },
            Op::CallSync {
                base: 0,
                native: 4,
                call: SyncCall::MutexUnlock,
            },
            Op::RunDefers,
            Op::Return { src: 0, n: 0 },
        ]
    }

    #[test]
    fn fuses_the_goroutine_body_and_keeps_every_op_after_each_head() {
        let original = goroutine_body();
        let mut code = original.clone();
        super::super::fuse::fuse_pairs(&mut code);
        assert_eq!(
            code[0],
            Op::LoadFuncDeferCapture {
                callee: 0,
                base: 1,
                func: 3,
                idx: 0
            }
        );
        // The receiver register is loaded again by `counter++` after Lock
        // and the frame returns after Unlock: neither pointer is kept.
        assert_eq!(
            code[4],
            Op::LoadCaptureCallSync {
                dst: 0,
                idx: 1,
                call: SyncCall::MutexLock,
                delta: 0,
                keep: false
            }
        );
        assert_eq!(
            code[10],
            Op::LoadCaptureCallSync {
                dst: 0,
                idx: 1,
                call: SyncCall::MutexUnlock,
                delta: 0,
                keep: false
            }
        );
        // Only the heads change (the counter's own fusion aside): a jump
        // into a sequence runs its kept ops as themselves.
        for at in [1, 2, 3, 5, 6, 11, 12, 13, 14] {
            assert_eq!(code[at], original[at], "op {at}");
        }
    }

    #[test]
    fn fuses_a_boxed_wait_group_add_with_its_delta_and_keeps_a_register_it_cannot_prove_dead() {
        let add = |val: i32| {
            vec![
                Op::Load { dst: 5, ptr: 1 },
                Op::AddrAgg { dst: 5, agg: 5 },
                Op::LoadInt { dst: 6, val },
                Op::CallSync {
                    base: 5,
                    native: 0,
                    call: SyncCall::WaitGroupAdd,
                },
                // Reads the registers of its captured locals, which the
                // pass cannot see: r5 is kept.
                Op::MakeClosure { dst: 5, proto: 2 },
            ]
        };
        let mut code = add(1);
        fuse_struct_calls(&mut code);
        assert_eq!(
            code[0],
            Op::LoadCallSync {
                dst: 5,
                ptr: 1,
                call: SyncCall::WaitGroupAdd,
                delta: 1,
                keep: true
            }
        );
        assert_eq!(code[1..], add(1)[1..]);
        // A delta beyond the fused op's byte: left alone.
        let mut code = add(1000);
        fuse_struct_calls(&mut code);
        assert_eq!(code, add(1000));
    }

    #[test]
    fn leaves_sequences_that_are_not_a_call_on_the_loaded_struct() {
        let cases = [
            // The pointer made into another register (a struct in a register).
            vec![
                Op::LoadCapture { dst: 0, idx: 1 },
                Op::AddrAgg { dst: 1, agg: 0 },
                LOCK,
            ],
            // The call on another register.
            vec![
                Op::LoadCapture { dst: 1, idx: 1 },
                Op::AddrAgg { dst: 1, agg: 1 },
                LOCK,
            ],
            // A pointer loaded through itself.
            vec![
                Op::Load { dst: 0, ptr: 0 },
                Op::AddrAgg { dst: 0, agg: 0 },
                LOCK,
            ],
            // Add's delta not a constant in the next register.
            vec![
                Op::LoadCapture { dst: 0, idx: 1 },
                Op::AddrAgg { dst: 0, agg: 0 },
                Op::Move { dst: 1, src: 3 },
                Op::CallSync {
                    base: 0,
                    native: 0,
                    call: SyncCall::WaitGroupAdd,
                },
            ],
            // A deferred call with two arguments.
            vec![
                Op::LoadFunc { dst: 0, func: 3 },
                Op::LoadCapture { dst: 1, idx: 0 },
                Op::AddrAgg { dst: 1, agg: 1 },
                Op::Defer {
                    base: 1,
                    callee: 0,
                    n_args: 2,
                },
            ],
        ];
        for original in cases {
            let mut code = original.clone();
            fuse_struct_calls(&mut code);
            assert_eq!(code, original);
        }
    }

    #[test]
    fn keeps_the_receiver_register_when_a_later_op_may_read_it() {
        let with_next = |next: Vec<Op>| {
            let mut code = vec![
                Op::LoadCapture { dst: 0, idx: 1 },
                Op::AddrAgg { dst: 0, agg: 0 },
                LOCK,
            ];
            code.extend(next);
            fuse_struct_calls(&mut code);
            match code[0] {
                Op::LoadCaptureCallSync { keep, .. } => keep,
                other => panic!("not fused: {other:?}"),
            }
        };
        // Read (a second call on the same pointer), read by a move, jumped
        // over, returned, or the code ends: kept.
        assert!(with_next(vec![Op::CallSync {
            base: 0,
            native: 4,
            call: SyncCall::MutexUnlock,
        }]));
        assert!(with_next(vec![Op::Move { dst: 2, src: 0 }]));
        assert!(with_next(vec![
            Op::Jump { off: 1 },
            Op::LoadInt { dst: 0, val: 1 }
        ]));
        assert!(with_next(vec![Op::Return { src: 0, n: 1 }]));
        assert!(with_next(vec![]));
        // Overwritten first, after steps that do not name it, or the frame
        // returns without it: dead.
        assert!(!with_next(vec![
            Op::LoadInt { dst: 1, val: 1 },
            Op::LoadCapture { dst: 0, idx: 2 },
        ]));
        assert!(!with_next(vec![Op::RunDefers, Op::Return { src: 1, n: 1 }]));
        assert!(!with_next(vec![Op::Move { dst: 0, src: 1 }]));
        assert!(with_next(vec![Op::Move { dst: 0, src: 0 }]));
    }

    #[test]
    fn unkeeps_a_receiver_overwritten_by_a_closure_that_does_not_capture_it() {
        use crate::program::FuncBuilder;
        use gomini_lexer::Span;
        // main's `wg.Add(1); go func() { ... }()`: the closure made into the
        // receiver's register r5, capturing `captured`.
        let closure_of = |captured: Reg| {
            let mut fb = FuncBuilder::new("main.main.func1", 0, 0);
            fb.capture(Capture::Local(captured));
            fb.emit(Op::Return { src: 0, n: 0 }, Span::default());
            fb.finish()
        };
        let main = |closure: u32| {
            let mut fb = FuncBuilder::new("main.main", 0, 0);
            fb.reserve(7);
            for op in [
                Op::Load { dst: 5, ptr: 1 },
                Op::AddrAgg { dst: 5, agg: 5 },
                Op::LoadInt { dst: 6, val: 1 },
                Op::CallSync {
                    base: 5,
                    native: 0,
                    call: SyncCall::WaitGroupAdd,
                },
                Op::MakeClosure {
                    dst: 5,
                    proto: closure,
                },
                Op::Return { src: 0, n: 0 },
            ] {
                fb.emit(op, Span::default());
            }
            fb.finish()
        };
        let keep = |protos: &[Option<FuncProto>]| match protos[0].as_ref().unwrap().code[0] {
            Op::LoadCallSync { keep, .. } => keep,
            other => panic!("not fused: {other:?}"),
        };
        // Capturing r1 (the WaitGroup's cell), not r5: r5 is dead.
        let mut protos = vec![Some(main(1)), Some(closure_of(1))];
        assert!(
            keep(&protos),
            "kept while the closure's captures are unknown"
        );
        unkeep_before_closures(&mut protos);
        assert!(!keep(&protos));
        // A closure capturing r5 reads it: kept.
        let mut protos = vec![Some(main(1)), Some(closure_of(5))];
        unkeep_before_closures(&mut protos);
        assert!(keep(&protos));
        // A closure not (yet) defined: kept.
        let mut protos = vec![Some(main(1)), None];
        unkeep_before_closures(&mut protos);
        assert!(keep(&protos));
    }
}
